/* test-worksheet.c: the person's answers, and the "changed" signal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ot-worksheet.h"

/* Counts "changed" emissions so each test can say how many it expects. */
typedef struct
{
  OtWorksheet *worksheet;
  OtContent   *content;
  guint        changes;
} Fixture;

static void
changed_cb (OtWorksheet *worksheet,
            Fixture     *fixture)
{
  fixture->changes++;
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->worksheet = ot_worksheet_new ();
  fixture->content = ot_content_new_default (&error);
  g_assert_no_error (error);
  g_signal_connect (fixture->worksheet, "changed", G_CALLBACK (changed_cb), fixture);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_assert_finalize_object (fixture->worksheet);
  ot_content_unref (fixture->content);
}

/* Runs @code and checks it emitted "changed" exactly @n times. */
#define assert_changes(fixture, n, code) \
  G_STMT_START { \
    guint before_ = (fixture)->changes; \
    code; \
    g_assert_cmpuint ((fixture)->changes - before_, ==, (n)); \
  } G_STMT_END

static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  OtWorksheet *ws = f->worksheet;

  g_assert_true (ot_worksheet_is_empty (ws));
  g_assert_cmpint (ot_worksheet_get_substage (ws), ==, OT_SUBSTAGE_UNSET);
  g_assert_cmpuint (ot_worksheet_get_sites (ws), ==, 0);
  g_assert_cmpint (ot_worksheet_get_side (ws), ==, OT_SIDE_UNKNOWN);
  g_assert_cmpstr (ot_worksheet_get_biomarker (ws, "ras"), ==, OT_RESULT_NOT_TESTED);
  g_assert_null (ot_worksheet_get_role (ws));
  g_assert_null (ot_worksheet_get_notes (ws));
  g_assert_null (ot_worksheet_get_questions (ws)[0]);
  g_assert_null (ot_worksheet_get_leaning (ws)[0]);
  g_assert_cmpint (ot_worksheet_get_rating (ws, "live-longer"), ==, OT_RATING_UNRATED);
  g_assert_cmpint (ot_worksheet_get_readiness (ws, "sure"), ==, OT_ANSWER_UNSET);
  g_assert_false (g_date_valid (ot_worksheet_get_next_visit (ws)));
  g_assert_cmpuint (f->changes, ==, 0);
}

static void
test_situation_setters (Fixture       *f,
                        gconstpointer  data)
{
  OtWorksheet *ws = f->worksheet;
  g_auto(GStrv) ids = NULL;

  assert_changes (f, 1, ot_worksheet_set_substage (ws, OT_SUBSTAGE_IVB));
  assert_changes (f, 0, ot_worksheet_set_substage (ws, OT_SUBSTAGE_IVB));
  g_assert_cmpint (ot_worksheet_get_substage (ws), ==, OT_SUBSTAGE_IVB);
  g_assert_false (ot_worksheet_is_empty (ws));

  assert_changes (f, 1, ot_worksheet_set_sites (ws, OT_SITE_LIVER | OT_SITE_LUNG));
  assert_changes (f, 0, ot_worksheet_set_sites (ws, OT_SITE_LIVER | OT_SITE_LUNG));
  /* Bits past the known sites are dropped, so they are no change. */
  assert_changes (f, 0, ot_worksheet_set_sites (ws, OT_SITE_LIVER | OT_SITE_LUNG | (1u << 20)));
  g_assert_cmpuint (ot_worksheet_get_sites (ws), ==, OT_SITE_LIVER | OT_SITE_LUNG);

  assert_changes (f, 1, ot_worksheet_set_side (ws, OT_SIDE_LEFT));
  assert_changes (f, 0, ot_worksheet_set_side (ws, OT_SIDE_LEFT));
  g_assert_cmpint (ot_worksheet_get_side (ws), ==, OT_SIDE_LEFT);

  assert_changes (f, 1, ot_worksheet_set_biomarker (ws, "ras", "ras-wild-type"));
  assert_changes (f, 0, ot_worksheet_set_biomarker (ws, "ras", "ras-wild-type"));
  assert_changes (f, 1, ot_worksheet_set_biomarker (ws, "braf", OT_RESULT_NOT_SURE));
  g_assert_cmpstr (ot_worksheet_get_biomarker (ws, "ras"), ==, "ras-wild-type");
  ids = ot_worksheet_dup_biomarker_ids (ws);
  g_assert_cmpstrv (ids, ((const char *[]) { "braf", "ras", NULL }));
  /* "Not tested" is the default: setting it removes the answer. */
  assert_changes (f, 1, ot_worksheet_set_biomarker (ws, "braf", NULL));
  assert_changes (f, 0, ot_worksheet_set_biomarker (ws, "braf", OT_RESULT_NOT_TESTED));
  g_clear_pointer (&ids, g_strfreev);
  ids = ot_worksheet_dup_biomarker_ids (ws);
  g_assert_cmpstrv (ids, ((const char *[]) { "ras", NULL }));

  assert_changes (f, 1, ot_worksheet_set_prior_lines (ws, 2));
  assert_changes (f, 0, ot_worksheet_set_prior_lines (ws, 2));
  assert_changes (f, 1, ot_worksheet_set_prior_lines (ws, 9));
  g_assert_cmpuint (ot_worksheet_get_prior_lines (ws), ==, 3);
  assert_changes (f, 0, ot_worksheet_set_prior_lines (ws, 5));

  assert_changes (f, 1, ot_worksheet_set_show_survival (ws, TRUE));
  assert_changes (f, 0, ot_worksheet_set_show_survival (ws, 42));
  g_assert_true (ot_worksheet_get_show_survival (ws));

  assert_changes (f, 1, ot_worksheet_set_patient_name (ws, "Ana"));
  assert_changes (f, 0, ot_worksheet_set_patient_name (ws, "Ana"));
  assert_changes (f, 1, ot_worksheet_set_clinician_name (ws, "Dr Obi"));
  g_assert_cmpstr (ot_worksheet_get_patient_name (ws), ==, "Ana");
  g_assert_cmpstr (ot_worksheet_get_clinician_name (ws), ==, "Dr Obi");
  /* An empty string is no name. */
  assert_changes (f, 1, ot_worksheet_set_patient_name (ws, ""));
  g_assert_null (ot_worksheet_get_patient_name (ws));
  assert_changes (f, 0, ot_worksheet_set_patient_name (ws, NULL));
}

static void
test_compare_setters (Fixture       *f,
                      gconstpointer  data)
{
  OtWorksheet *ws = f->worksheet;
  const char *categories[] = { "chemotherapy", "targeted", NULL };
  const char *treatments[] = { "folfox", NULL };
  const char *effects[] = { "neuropathy", "diarrhea", NULL };

  assert_changes (f, 1, ot_worksheet_set_compared_categories (ws, categories));
  assert_changes (f, 0, ot_worksheet_set_compared_categories (ws, categories));
  g_assert_cmpstrv (ot_worksheet_get_compared_categories (ws), categories);
  assert_changes (f, 1, ot_worksheet_set_compared_treatments (ws, treatments));
  g_assert_cmpstrv (ot_worksheet_get_compared_treatments (ws), treatments);
  assert_changes (f, 1, ot_worksheet_set_avoid_effects (ws, effects));
  g_assert_cmpstrv (ot_worksheet_get_avoid_effects (ws), effects);
  /* NULL and an empty list are the same: nothing chosen. */
  assert_changes (f, 1, ot_worksheet_set_avoid_effects (ws, NULL));
  assert_changes (f, 0, ot_worksheet_set_avoid_effects (ws, (const char *[]) { NULL }));
  g_assert_null (ot_worksheet_get_avoid_effects (ws)[0]);
}

static void
test_values_setters (Fixture       *f,
                     gconstpointer  data)
{
  OtWorksheet *ws = f->worksheet;
  GPtrArray *own = ot_worksheet_get_own_values (ws);
  g_auto(GStrv) rated = NULL;

  assert_changes (f, 1, ot_worksheet_set_rating (ws, "live-longer", OT_RATING_VERY_IMPORTANT));
  assert_changes (f, 0, ot_worksheet_set_rating (ws, "live-longer", OT_RATING_VERY_IMPORTANT));
  assert_changes (f, 1, ot_worksheet_set_rating (ws, "comfort", OT_RATING_NOT_IMPORTANT));
  g_assert_cmpint (ot_worksheet_get_rating (ws, "live-longer"), ==, 4);
  g_assert_cmpint (ot_worksheet_get_rating (ws, "comfort"), ==, 0);
  rated = ot_worksheet_dup_rated_values (ws);
  g_assert_cmpstrv (rated, ((const char *[]) { "comfort", "live-longer", NULL }));
  assert_changes (f, 1, ot_worksheet_set_rating (ws, "comfort", OT_RATING_UNRATED));
  assert_changes (f, 0, ot_worksheet_set_rating (ws, "comfort", OT_RATING_UNRATED));
  g_assert_cmpint (ot_worksheet_get_rating (ws, "comfort"), ==, OT_RATING_UNRATED);

  assert_changes (f, 1, ot_worksheet_add_own_value (ws, "Seeing my grandson graduate", 3));
  assert_changes (f, 1, ot_worksheet_add_own_value (ws, NULL, OT_RATING_UNRATED));
  g_assert_cmpuint (own->len, ==, 2);
  g_assert_cmpstr (((OtOwnItem *) own->pdata[0])->text, ==, "Seeing my grandson graduate");
  g_assert_cmpint (((OtOwnItem *) own->pdata[0])->rating, ==, 3);
  g_assert_cmpstr (((OtOwnItem *) own->pdata[1])->text, ==, "");
  assert_changes (f, 1, ot_worksheet_set_own_value (ws, 1, "Gardening", 2));
  assert_changes (f, 0, ot_worksheet_set_own_value (ws, 1, "Gardening", 2));
  assert_changes (f, 1, ot_worksheet_set_own_value (ws, 1, "Gardening", 4));
  /* NULL text is the empty text: changing it to "" and back is no change. */
  assert_changes (f, 1, ot_worksheet_set_own_value (ws, 1, NULL, 4));
  assert_changes (f, 0, ot_worksheet_set_own_value (ws, 1, "", 4));
  /* Passing the item's own text back, as a view does when only the
   * rating changes, must not read freed memory. */
  assert_changes (f, 1, ot_worksheet_set_own_value (ws, 0, ((OtOwnItem *) own->pdata[0])->text, 1));
  g_assert_cmpstr (((OtOwnItem *) own->pdata[0])->text, ==, "Seeing my grandson graduate");
  assert_changes (f, 1, ot_worksheet_remove_own_value (ws, 0));
  g_assert_cmpuint (own->len, ==, 1);
  g_assert_cmpint (((OtOwnItem *) own->pdata[0])->rating, ==, 4);

  assert_changes (f, 1, ot_worksheet_set_role (ws, "shared"));
  assert_changes (f, 0, ot_worksheet_set_role (ws, "shared"));
  g_assert_cmpstr (ot_worksheet_get_role (ws), ==, "shared");
  assert_changes (f, 1, ot_worksheet_set_role (ws, NULL));
  g_assert_null (ot_worksheet_get_role (ws));
}

static void
test_readiness (Fixture       *f,
                gconstpointer  data)
{
  OtWorksheet *ws = f->worksheet;
  GPtrArray *items = ot_content_get_readiness (f->content);
  g_auto(GStrv) ids = NULL;

  g_assert_cmpuint (items->len, ==, 4);
  g_assert_cmpint (ot_worksheet_get_readiness_result (ws, f->content), ==, OT_READINESS_INCOMPLETE);

  /* Three "yes" is not yet a result. */
  for (guint i = 0; i + 1 < items->len; i++)
    assert_changes (f, 1, ot_worksheet_set_readiness (ws, ((OtItem *) items->pdata[i])->id, OT_ANSWER_YES));
  g_assert_cmpint (ot_worksheet_get_readiness_result (ws, f->content), ==, OT_READINESS_INCOMPLETE);

  assert_changes (f, 1, ot_worksheet_set_readiness (ws, "encouragement", OT_ANSWER_YES));
  assert_changes (f, 0, ot_worksheet_set_readiness (ws, "encouragement", OT_ANSWER_YES));
  g_assert_cmpint (ot_worksheet_get_readiness_result (ws, f->content), ==, OT_READINESS_READY);

  /* Any "no" means more information or support may help. */
  assert_changes (f, 1, ot_worksheet_set_readiness (ws, "understand", OT_ANSWER_NO));
  g_assert_cmpint (ot_worksheet_get_readiness (ws, "understand"), ==, OT_ANSWER_NO);
  g_assert_cmpint (ot_worksheet_get_readiness_result (ws, f->content), ==, OT_READINESS_UNSURE);
  assert_changes (f, 1, ot_worksheet_set_readiness (ws, "sure", OT_ANSWER_UNSET));
  g_assert_cmpint (ot_worksheet_get_readiness_result (ws, f->content), ==, OT_READINESS_UNSURE);

  /* An item the pack lacks is kept but does not count. */
  assert_changes (f, 1, ot_worksheet_set_readiness (ws, "from-a-later-pack", OT_ANSWER_NO));
  ids = ot_worksheet_dup_readiness_ids (ws);
  g_assert_cmpstrv (ids, ((const char *[]) { "encouragement", "from-a-later-pack", "risk-benefit",
                                             "understand", NULL }));
  ot_worksheet_set_readiness (ws, "understand", OT_ANSWER_YES);
  ot_worksheet_set_readiness (ws, "sure", OT_ANSWER_YES);
  g_assert_cmpint (ot_worksheet_get_readiness_result (ws, f->content), ==, OT_READINESS_READY);
}

static void
test_questions (Fixture       *f,
                gconstpointer  data)
{
  OtWorksheet *ws = f->worksheet;
  GPtrArray *own = ot_worksheet_get_own_questions (ws);

  assert_changes (f, 1, ot_worksheet_set_question (ws, "q-trial-fit", TRUE));
  assert_changes (f, 1, ot_worksheet_set_question (ws, "q-goals-aim", TRUE));
  assert_changes (f, 0, ot_worksheet_set_question (ws, "q-goals-aim", TRUE));
  /* Kept in the order chosen, not the pack's order. */
  g_assert_cmpstrv (ot_worksheet_get_questions (ws), ((const char *[]) { "q-trial-fit", "q-goals-aim", NULL }));
  g_assert_true (ot_worksheet_has_question (ws, "q-goals-aim"));
  g_assert_false (ot_worksheet_has_question (ws, "q-se-help"));

  assert_changes (f, 1, ot_worksheet_set_question_asked (ws, "q-goals-aim", TRUE));
  assert_changes (f, 0, ot_worksheet_set_question_asked (ws, "q-goals-aim", TRUE));
  g_assert_true (ot_worksheet_get_question_asked (ws, "q-goals-aim"));
  g_assert_false (ot_worksheet_get_question_asked (ws, "q-trial-fit"));
  /* Dropping a question forgets that it was asked. */
  assert_changes (f, 1, ot_worksheet_set_question (ws, "q-goals-aim", FALSE));
  assert_changes (f, 0, ot_worksheet_set_question (ws, "q-goals-aim", FALSE));
  g_assert_false (ot_worksheet_get_question_asked (ws, "q-goals-aim"));
  g_assert_cmpstrv (ot_worksheet_get_questions (ws), ((const char *[]) { "q-trial-fit", NULL }));

  assert_changes (f, 1, ot_worksheet_add_own_question (ws, "Can I still travel in June?"));
  assert_changes (f, 1, ot_worksheet_set_own_question (ws, 0, "Can I still travel in June?", TRUE));
  assert_changes (f, 0, ot_worksheet_set_own_question (ws, 0, "Can I still travel in June?", 7));
  g_assert_true (((OtOwnItem *) own->pdata[0])->asked);
  assert_changes (f, 1, ot_worksheet_set_own_question (ws, 0, ((OtOwnItem *) own->pdata[0])->text, FALSE));
  g_assert_cmpstr (((OtOwnItem *) own->pdata[0])->text, ==, "Can I still travel in June?");
  assert_changes (f, 1, ot_worksheet_set_own_question (ws, 0, "Can I travel in July?", TRUE));
  g_assert_cmpstr (((OtOwnItem *) own->pdata[0])->text, ==, "Can I travel in July?");
  assert_changes (f, 1, ot_worksheet_remove_own_question (ws, 0));
  g_assert_cmpuint (own->len, ==, 0);
}

static void
test_plans (Fixture       *f,
            gconstpointer  data)
{
  OtWorksheet *ws = f->worksheet;
  const char *leaning[] = { "chemotherapy", "trials", NULL };
  GDate date, same;

  assert_changes (f, 1, ot_worksheet_set_leaning (ws, leaning));
  assert_changes (f, 0, ot_worksheet_set_leaning (ws, leaning));
  g_assert_cmpstrv (ot_worksheet_get_leaning (ws), leaning);
  assert_changes (f, 1, ot_worksheet_set_leaning (ws, NULL));

  assert_changes (f, 1, ot_worksheet_set_notes (ws, "Scan in 8 weeks.\nCall if fever."));
  assert_changes (f, 0, ot_worksheet_set_notes (ws, "Scan in 8 weeks.\nCall if fever."));
  g_assert_cmpstr (ot_worksheet_get_notes (ws), ==, "Scan in 8 weeks.\nCall if fever.");
  assert_changes (f, 1, ot_worksheet_set_next_steps (ws, "Blood test on Monday"));
  g_assert_cmpstr (ot_worksheet_get_next_steps (ws), ==, "Blood test on Monday");

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 14, G_DATE_JANUARY, 2027);
  assert_changes (f, 1, ot_worksheet_set_next_visit (ws, &date));
  /* The same day set another way is no change. */
  g_date_clear (&same, 1);
  g_date_set_julian (&same, g_date_get_julian (&date));
  assert_changes (f, 0, ot_worksheet_set_next_visit (ws, &same));
  g_assert_cmpint (g_date_compare (ot_worksheet_get_next_visit (ws), &date), ==, 0);
  g_date_add_days (&date, 1);
  assert_changes (f, 1, ot_worksheet_set_next_visit (ws, &date));
  assert_changes (f, 1, ot_worksheet_set_next_visit (ws, NULL));
  assert_changes (f, 0, ot_worksheet_set_next_visit (ws, NULL));
  g_assert_false (g_date_valid (ot_worksheet_get_next_visit (ws)));
}

static void
test_top_values (Fixture       *f,
                 gconstpointer  data)
{
  OtWorksheet *ws = f->worksheet;
  g_autoptr(GPtrArray) top = NULL;

  top = ot_worksheet_dup_top_values (ws, f->content);
  g_assert_cmpuint (top->len, ==, 0);
  g_clear_pointer (&top, g_ptr_array_unref);

  /* "Not important" is never among what matters most. */
  ot_worksheet_set_rating (ws, "comfort", OT_RATING_NOT_IMPORTANT);
  top = ot_worksheet_dup_top_values (ws, f->content);
  g_assert_cmpuint (top->len, ==, 0);
  g_clear_pointer (&top, g_ptr_array_unref);

  /* With nothing higher, what is rated highest matters most. */
  ot_worksheet_set_rating (ws, "keep-working", OT_RATING_A_LITTLE_IMPORTANT);
  top = ot_worksheet_dup_top_values (ws, f->content);
  g_assert_cmpuint (top->len, ==, 1);
  g_assert_cmpstr (top->pdata[0], ==, "Staying able to work");
  g_clear_pointer (&top, g_ptr_array_unref);

  /* Every value with the highest rating, in the pack's order, own values
   * after; lower ratings are not among them. */
  ot_worksheet_set_rating (ws, "family-time", OT_RATING_VERY_IMPORTANT);
  ot_worksheet_set_rating (ws, "live-longer", OT_RATING_QUITE_IMPORTANT);
  ot_worksheet_add_own_value (ws, "My garden", OT_RATING_VERY_IMPORTANT);
  ot_worksheet_set_rating (ws, "gone-from-the-pack", OT_RATING_VERY_IMPORTANT);
  top = ot_worksheet_dup_top_values (ws, f->content);
  g_assert_cmpuint (top->len, ==, 2);
  g_assert_cmpstr (top->pdata[0], ==, "Time with family and friends");
  g_assert_cmpstr (top->pdata[1], ==, "My garden");
  g_clear_pointer (&top, g_ptr_array_unref);

  /* Six "very important" ratings are six things that matter most. */
  ot_worksheet_set_rating (ws, "live-longer", OT_RATING_VERY_IMPORTANT);
  ot_worksheet_set_rating (ws, "daily-activities", OT_RATING_VERY_IMPORTANT);
  ot_worksheet_set_rating (ws, "time-at-home", OT_RATING_VERY_IMPORTANT);
  ot_worksheet_set_rating (ws, "quality-of-life", OT_RATING_VERY_IMPORTANT);
  top = ot_worksheet_dup_top_values (ws, f->content);
  g_assert_cmpuint (top->len, ==, 6);
  g_assert_cmpstr (top->pdata[0], ==, "Living as long as possible");
  g_assert_cmpstr (top->pdata[5], ==, "My garden");
}

static void
test_rating_words (void)
{
  g_assert_null (ot_rating_to_string (OT_RATING_UNRATED));
  g_assert_cmpstr (ot_rating_to_string (OT_RATING_NOT_IMPORTANT), ==, "Not important");
  g_assert_cmpstr (ot_rating_to_string (OT_RATING_SOMEWHAT_IMPORTANT), ==, "Somewhat important");
  g_assert_cmpstr (ot_rating_to_string (OT_RATING_VERY_IMPORTANT), ==, "Very important");
}

static void
test_suggest_substage (Fixture       *f,
                       gconstpointer  data)
{
  /* AJCC 8th edition: M1a one organ or site without the peritoneum, M1b
   * two or more, M1c the peritoneum with or without other sites. */
  static const struct
  {
    guint      sites;
    OtSubstage expected;
  } cases[] = {
    { 0, OT_SUBSTAGE_UNSET },
    { OT_SITE_LIVER, OT_SUBSTAGE_IVA },
    { OT_SITE_LUNG, OT_SUBSTAGE_IVA },
    { OT_SITE_NODES, OT_SUBSTAGE_IVA },
    { OT_SITE_BONE, OT_SUBSTAGE_IVA },
    { OT_SITE_OTHER, OT_SUBSTAGE_IVA },
    { OT_SITE_LIVER | OT_SITE_LUNG, OT_SUBSTAGE_IVB },
    { OT_SITE_LIVER | OT_SITE_NODES | OT_SITE_BONE, OT_SUBSTAGE_IVB },
    { OT_SITE_LUNG | OT_SITE_OTHER, OT_SUBSTAGE_IVB },
    { OT_SITE_PERITONEUM, OT_SUBSTAGE_IVC },
    { OT_SITE_PERITONEUM | OT_SITE_LIVER, OT_SUBSTAGE_IVC },
    { OT_SITE_PERITONEUM | OT_SITE_LIVER | OT_SITE_LUNG | OT_SITE_NODES | OT_SITE_BONE | OT_SITE_OTHER,
      OT_SUBSTAGE_IVC },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      ot_worksheet_set_sites (f->worksheet, cases[i].sites);
      g_assert_cmpint (ot_worksheet_suggest_substage (f->worksheet), ==, cases[i].expected);
      /* A suggestion, never an answer the person did not give. */
      g_assert_cmpint (ot_worksheet_get_substage (f->worksheet), ==, OT_SUBSTAGE_UNSET);
    }
}

static void
test_clear_and_copy (Fixture       *f,
                     gconstpointer  data)
{
  OtWorksheet *ws = f->worksheet;
  g_autoptr(OtWorksheet) other = ot_worksheet_new ();
  GDate date;

  ot_worksheet_set_substage (other, OT_SUBSTAGE_IVC);
  ot_worksheet_set_rating (other, "comfort", 4);
  ot_worksheet_add_own_value (other, "Music", 2);
  ot_worksheet_set_question (other, "q-goals-aim", TRUE);
  ot_worksheet_set_question_asked (other, "q-goals-aim", TRUE);
  ot_worksheet_add_own_question (other, "Mine?");
  ot_worksheet_set_readiness (other, "sure", OT_ANSWER_NO);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, 2, 2027);
  ot_worksheet_set_next_visit (other, &date);

  /* One signal for the whole copy: views redraw once. */
  assert_changes (f, 1, ot_worksheet_copy_from (ws, other));
  g_assert_cmpint (ot_worksheet_get_substage (ws), ==, OT_SUBSTAGE_IVC);
  g_assert_cmpint (ot_worksheet_get_rating (ws, "comfort"), ==, 4);
  g_assert_cmpstr (((OtOwnItem *) ot_worksheet_get_own_values (ws)->pdata[0])->text, ==, "Music");
  g_assert_true (ot_worksheet_get_question_asked (ws, "q-goals-aim"));
  g_assert_cmpstrv (ot_worksheet_get_questions (ws), ((const char *[]) { "q-goals-aim", NULL }));
  g_assert_cmpint (ot_worksheet_get_readiness (ws, "sure"), ==, OT_ANSWER_NO);
  g_assert_true (g_date_valid (ot_worksheet_get_next_visit (ws)));

  /* The copy is deep: changing the source later leaves it alone. */
  ot_worksheet_set_own_value (other, 0, "Singing", 3);
  ot_worksheet_set_question (other, "q-goals-aim", FALSE);
  g_assert_cmpstr (((OtOwnItem *) ot_worksheet_get_own_values (ws)->pdata[0])->text, ==, "Music");
  g_assert_true (ot_worksheet_has_question (ws, "q-goals-aim"));

  assert_changes (f, 1, ot_worksheet_clear (ws));
  g_assert_true (ot_worksheet_is_empty (ws));
  g_assert_null (ot_worksheet_get_questions (ws)[0]);
}

/* Which parts' handlers heard a change, "changed::PART" for each part. */
typedef struct
{
  const char *part;
  GString    *heard;
} PartEar;

static void
part_changed_cb (OtWorksheet *worksheet,
                 PartEar     *ear)
{
  g_string_append_printf (ear->heard, "%s%s", ear->heard->len ? " " : "", ear->part);
}

/* Runs @code, checks it emitted plain "changed" once and was heard by
 * the handlers of @part alone. */
#define assert_heard(fixture, heard, part, code) \
  G_STMT_START { \
    g_string_truncate ((heard), 0); \
    assert_changes ((fixture), 1, code); \
    g_assert_cmpstr ((heard)->str, ==, (part)); \
  } G_STMT_END

static void
test_details (Fixture       *f,
              gconstpointer  data)
{
  static const char * const parts[] = {
    OT_WORKSHEET_PART_SITUATION, OT_WORKSHEET_PART_NAMES, OT_WORKSHEET_PART_COMPARE,
    OT_WORKSHEET_PART_EFFECTS, OT_WORKSHEET_PART_VALUES, OT_WORKSHEET_PART_ROLE,
    OT_WORKSHEET_PART_READINESS, OT_WORKSHEET_PART_QUESTIONS, OT_WORKSHEET_PART_LEANING,
    OT_WORKSHEET_PART_NOTES, OT_WORKSHEET_PART_NEXT_STEPS, OT_WORKSHEET_PART_ALL,
  };
  static const char * const ids[] = { "chemotherapy", NULL };
  OtWorksheet *ws = f->worksheet;
  g_autoptr(GString) heard = g_string_new (NULL);
  g_autoptr(OtWorksheet) other = ot_worksheet_new ();
  PartEar ears[G_N_ELEMENTS (parts)];
  GDate date;

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_autofree char *signal = g_strconcat ("changed::", parts[i], NULL);

      ears[i] = (PartEar) { parts[i], heard };
      g_signal_connect (ws, signal, G_CALLBACK (part_changed_cb), &ears[i]);
    }

  /* A key typed in the notes is news to what shows the notes alone. */
  assert_heard (f, heard, "notes", ot_worksheet_set_notes (ws, "Ask about the port"));
  assert_changes (f, 0, ot_worksheet_set_notes (ws, "Ask about the port"));
  g_assert_cmpstr (heard->str, ==, "notes");

  assert_heard (f, heard, "situation", ot_worksheet_set_substage (ws, OT_SUBSTAGE_IVB));
  assert_heard (f, heard, "situation", ot_worksheet_set_sites (ws, OT_SITE_LIVER));
  assert_heard (f, heard, "situation", ot_worksheet_set_side (ws, OT_SIDE_LEFT));
  assert_heard (f, heard, "situation", ot_worksheet_set_biomarker (ws, "ras", "ras-wild-type"));
  assert_heard (f, heard, "situation", ot_worksheet_set_prior_lines (ws, 1));
  assert_heard (f, heard, "situation", ot_worksheet_set_show_survival (ws, TRUE));
  assert_heard (f, heard, "names", ot_worksheet_set_patient_name (ws, "Ana"));
  assert_heard (f, heard, "names", ot_worksheet_set_clinician_name (ws, "Dr Obi"));
  assert_heard (f, heard, "compare", ot_worksheet_set_compared_categories (ws, ids));
  assert_heard (f, heard, "compare", ot_worksheet_set_compared_treatments (ws, (const char *[]) { "folfox", NULL }));
  assert_heard (f, heard, "effects", ot_worksheet_set_avoid_effects (ws, (const char *[]) { "neuropathy", NULL }));
  assert_heard (f, heard, "values", ot_worksheet_set_rating (ws, "comfort", 3));
  assert_heard (f, heard, "values", ot_worksheet_add_own_value (ws, "Music", 2));
  assert_heard (f, heard, "values", ot_worksheet_set_own_value (ws, 0, "Singing", 2));
  assert_heard (f, heard, "values", ot_worksheet_remove_own_value (ws, 0));
  assert_heard (f, heard, "role", ot_worksheet_set_role (ws, "shared"));
  assert_heard (f, heard, "readiness", ot_worksheet_set_readiness (ws, "sure", OT_ANSWER_YES));
  assert_heard (f, heard, "questions", ot_worksheet_set_question (ws, "q-goals-aim", TRUE));
  assert_heard (f, heard, "questions", ot_worksheet_set_question_asked (ws, "q-goals-aim", TRUE));
  assert_heard (f, heard, "questions", ot_worksheet_add_own_question (ws, "Mine?"));
  assert_heard (f, heard, "questions", ot_worksheet_set_own_question (ws, 0, "Mine?", TRUE));
  assert_heard (f, heard, "questions", ot_worksheet_remove_own_question (ws, 0));
  assert_heard (f, heard, "leaning", ot_worksheet_set_leaning (ws, ids));
  assert_heard (f, heard, "next-steps", ot_worksheet_set_next_steps (ws, "Blood test"));
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, 2, 2027);
  assert_heard (f, heard, "next-steps", ot_worksheet_set_next_visit (ws, &date));

  /* A file opened replaces everything at once. */
  assert_heard (f, heard, "all", ot_worksheet_copy_from (ws, other));
  assert_heard (f, heard, "all", ot_worksheet_set_notes (other, "x"); ot_worksheet_copy_from (ws, other));

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    g_signal_handlers_disconnect_by_data (ws, &ears[i]);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/worksheet/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("empty", test_empty);
  ADD ("situation", test_situation_setters);
  ADD ("compare", test_compare_setters);
  ADD ("values", test_values_setters);
  ADD ("readiness", test_readiness);
  ADD ("questions", test_questions);
  ADD ("plans", test_plans);
  ADD ("top-values", test_top_values);
  ADD ("suggest-substage", test_suggest_substage);
  ADD ("clear-and-copy", test_clear_and_copy);
  ADD ("details", test_details);
  g_test_add_func ("/worksheet/rating-words", test_rating_words);

#undef ADD

  return g_test_run ();
}
