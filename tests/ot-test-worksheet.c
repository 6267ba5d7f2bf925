/* ot-test-worksheet.c: worksheets filled as a person would fill them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ot-test-worksheet.h"
#include "ot-worksheet-io.h"

/* Every part of the worksheet answered, through its API, with names and
 * notes outside ASCII. */
void
ot_test_worksheet_fill (OtWorksheet *worksheet)
{
  static const char * const categories[] = { "chemotherapy", "targeted", "immunotherapy", NULL };
  static const char * const treatments[] = { "folfox", "folfiri", "anti-egfr", "pembrolizumab", NULL };
  static const char * const avoid[] = { "neuropathy", NULL };
  static const char * const leaning[] = { "folfox", "anti-egfr", NULL };
  static const char * const values[] = {
    "live-longer", "daily-activities", "avoid-side-effects", "time-at-home", "keep-working",
    "not-a-burden", "comfort", "try-everything", "family-time", "quality-of-life",
  };
  static const char * const questions[] = {
    "q-goals-aim", "q-options-why", "q-se-serious", "q-life-work", "q-test-mean", "q-support-night",
  };
  g_autoptr(GDate) visit = g_date_new_dmy (17, G_DATE_MARCH, 2026);

  ot_worksheet_set_patient_name (worksheet, OT_TEST_PATIENT);
  ot_worksheet_set_clinician_name (worksheet, OT_TEST_CLINICIAN);
  ot_worksheet_set_substage (worksheet, OT_SUBSTAGE_IVB);
  ot_worksheet_set_sites (worksheet, OT_SITE_LIVER | OT_SITE_LUNG);
  ot_worksheet_set_side (worksheet, OT_SIDE_LEFT);
  ot_worksheet_set_biomarker (worksheet, "mmr", "pmmr");
  ot_worksheet_set_biomarker (worksheet, "ras", "wild-type");
  ot_worksheet_set_biomarker (worksheet, "braf", "wild-type");
  ot_worksheet_set_biomarker (worksheet, "her2", OT_RESULT_NOT_TESTED);
  ot_worksheet_set_biomarker (worksheet, "ntrk", OT_RESULT_NOT_SURE);
  ot_worksheet_set_prior_lines (worksheet, 0);
  ot_worksheet_set_show_survival (worksheet, TRUE);

  ot_worksheet_set_compared_categories (worksheet, categories);
  ot_worksheet_set_compared_treatments (worksheet, treatments);
  ot_worksheet_set_avoid_effects (worksheet, avoid);

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    ot_worksheet_set_rating (worksheet, values[i], (int) ((i * 3) % (OT_RATING_MAX + 1)));
  ot_worksheet_add_own_value (worksheet, OT_TEST_OWN_VALUE, OT_RATING_MAX);
  ot_worksheet_set_role (worksheet, "shared");
  ot_worksheet_set_readiness (worksheet, "sure", OT_ANSWER_NO);
  ot_worksheet_set_readiness (worksheet, "understand", OT_ANSWER_YES);
  ot_worksheet_set_readiness (worksheet, "risk-benefit", OT_ANSWER_YES);
  ot_worksheet_set_readiness (worksheet, "encouragement", OT_ANSWER_YES);

  for (guint i = 0; i < G_N_ELEMENTS (questions); i++)
    ot_worksheet_set_question (worksheet, questions[i], TRUE);
  ot_worksheet_set_question_asked (worksheet, "q-goals-aim", TRUE);
  ot_worksheet_add_own_question (worksheet, OT_TEST_OWN_QUESTION);

  ot_worksheet_set_leaning (worksheet, leaning);
  ot_worksheet_set_notes (worksheet, OT_TEST_NOTES);
  ot_worksheet_set_next_steps (worksheet, OT_TEST_NEXT_STEPS);
  ot_worksheet_set_next_visit (worksheet, visit);
}

/* @n_questions more questions of the person's own, "Question 1 …", and
 * notes of @notes_length characters made of numbered words, so that a
 * lost word can be named. */
void
ot_test_worksheet_add_long (OtWorksheet *worksheet,
                            guint        n_questions,
                            guint        notes_length)
{
  g_autoptr(GString) notes = g_string_new (NULL);

  for (guint i = 1; i <= n_questions; i++)
    {
      g_autofree char *text = g_strdup_printf ("Question %u: what happens to my plan if the "
                                               "scan in week %u shows change?", i, i);

      ot_worksheet_add_own_question (worksheet, text);
    }

  for (guint i = 1; notes->len < notes_length; i++)
    {
      g_string_append_printf (notes, "note%04u", i);
      /* Paragraphs now and then, as people write. */
      g_string_append (notes, i % 40 == 0 ? "\n" : " ");
    }
  g_string_truncate (notes, notes_length);
  ot_worksheet_set_notes (worksheet, notes->str);
}

/**
 * ot_test_worksheet_fill_limits:
 *
 * Fills @worksheet as ot_test_worksheet_fill() does, then to every limit
 * the reader allows: the longest names and notes as one word, or as
 * letters under all the marks they may carry, and as many own values and
 * questions as there may be, each at its longest.
 */
void
ot_test_worksheet_fill_limits (OtWorksheet *worksheet)
{
  g_autoptr(GString) marked = g_string_new (NULL);
  g_autofree char *word = g_strnfill (OT_WORKSHEET_MAX_NOTES, 'x');
  g_autofree char *own = g_strnfill (OT_WORKSHEET_MAX_OWN_TEXT, 'q');

  while (g_utf8_strlen (marked->str, -1) + OT_WORKSHEET_MAX_MARKS + 1 <= OT_WORKSHEET_MAX_NOTES)
    {
      g_string_append_c (marked, 'a');
      for (guint i = 0; i < OT_WORKSHEET_MAX_MARKS; i++)
        g_string_append (marked, "\xcc\x81");
    }

  ot_test_worksheet_fill (worksheet);
  ot_worksheet_set_patient_name (worksheet, word);
  ot_worksheet_set_clinician_name (worksheet, marked->str);
  ot_worksheet_set_notes (worksheet, word);
  ot_worksheet_set_next_steps (worksheet, marked->str);
  for (guint i = ot_worksheet_get_own_questions (worksheet)->len; i < OT_WORKSHEET_MAX_OWN; i++)
    ot_worksheet_add_own_question (worksheet, i % 2 ? own : marked->str);
  for (guint i = ot_worksheet_get_own_values (worksheet)->len; i < OT_WORKSHEET_MAX_OWN; i++)
    ot_worksheet_add_own_value (worksheet, own, i % 5);
}

/* A worksheet of tests/data/situations/, read as a file is. */
OtWorksheet *
ot_test_worksheet_read_situation (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "situations", name, NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  char *data;
  gsize length;
  OtWorksheet *worksheet;

  g_assert_true (g_file_get_contents (path, &data, &length, &error));
  bytes = g_bytes_new_take (data, length);
  worksheet = ot_worksheet_io_from_bytes (bytes, path, NULL, &error);
  g_assert_no_error (error);
  return worksheet;
}

/* Saving @ws to @path fails, with a message that names the file the
 * person chose and the problem, in @words. */
void
ot_test_assert_save_fails (OtWorksheet *ws,
                           const char  *path,
                           const char  *words)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_false (ot_worksheet_io_save (ws, file, &error));
  g_assert_error (error, OT_WORKSHEET_ERROR, OT_WORKSHEET_ERROR_SAVE);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, words));
}
