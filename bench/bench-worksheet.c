/* bench-worksheet.c: how long saving and opening a full worksheet take
 *
 * Fills a worksheet with every answer the content pack allows (and notes of
 * a few kilobytes), then saves it and opens it RUNS times each and prints
 * the median, the fastest and the slowest.  The goal is under 10 ms each.
 *
 *   _build/bench/bench-worksheet [RUNS]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>

#include "ot-worksheet-io.h"

#define GOAL_MS 10.0

static void
fill (OtWorksheet *ws,
      OtContent   *content)
{
  GPtrArray *values = ot_content_get_values (content);
  GPtrArray *readiness = ot_content_get_readiness (content);
  GPtrArray *groups = ot_content_get_question_groups (content);
  GPtrArray *categories = ot_content_get_categories (content);
  g_autoptr(GStrvBuilder) leaning = g_strv_builder_new ();
  g_autoptr(GString) notes = g_string_new (NULL);
  g_auto(GStrv) leaning_ids = NULL;
  guint n = 0;
  GDate date;

  ot_worksheet_set_substage (ws, OT_SUBSTAGE_IVB);
  ot_worksheet_set_sites (ws, OT_SITE_LIVER | OT_SITE_LUNG | OT_SITE_NODES);
  ot_worksheet_set_side (ws, OT_SIDE_LEFT);
  ot_worksheet_set_biomarker (ws, "ras", "wild-type");
  ot_worksheet_set_biomarker (ws, "braf", "wild-type");
  ot_worksheet_set_biomarker (ws, "mmr", "pmmr");
  ot_worksheet_set_prior_lines (ws, 1);
  ot_worksheet_set_show_survival (ws, TRUE);
  ot_worksheet_set_patient_name (ws, "Ana Pereira");
  ot_worksheet_set_clinician_name (ws, "Dr Okafor");

  for (guint i = 0; i < values->len; i++)
    ot_worksheet_set_rating (ws, ((OtItem *) values->pdata[i])->id, (int) (i % (OT_RATING_MAX + 1)));
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *text = g_strdup_printf ("Something of my own that matters, number %u", i + 1);

      ot_worksheet_add_own_value (ws, text, (int) (i % (OT_RATING_MAX + 1)));
    }
  ot_worksheet_set_role (ws, "shared");
  for (guint i = 0; i < readiness->len; i++)
    ot_worksheet_set_readiness (ws, ((OtItem *) readiness->pdata[i])->id, i % 2 ? OT_ANSWER_NO : OT_ANSWER_YES);

  /* Every question in the pack, every other one asked. */
  for (guint i = 0; i < groups->len; i++)
    {
      GPtrArray *items = ((OtGroup *) groups->pdata[i])->items;

      for (guint j = 0; j < items->len; j++, n++)
        {
          const char *id = ((OtItem *) items->pdata[j])->id;

          ot_worksheet_set_question (ws, id, TRUE);
          ot_worksheet_set_question_asked (ws, id, n % 2 == 0);
        }
    }
  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *text = g_strdup_printf ("A question of my own, number %u: what does it mean for me?", i + 1);

      ot_worksheet_add_own_question (ws, text);
    }

  for (guint i = 0; i < categories->len; i += 3)
    g_strv_builder_add (leaning, ((OtCategory *) categories->pdata[i])->id);
  leaning_ids = g_strv_builder_end (leaning);
  ot_worksheet_set_leaning (ws, (const char * const *) leaning_ids);

  while (notes->len < 4096)
    g_string_append (notes, "Scan in eight weeks; blood tests before each cycle. Call the nurse line if fever.\n");
  ot_worksheet_set_notes (ws, notes->str);
  ot_worksheet_set_next_steps (ws, "1. Blood test on Monday\n2. Meet the surgeon\n3. Talk with family\n");
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 14, G_DATE_JANUARY, 2027);
  ot_worksheet_set_next_visit (ws, &date);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
report (const char *what,
        double     *ms,
        guint       runs)
{
  double median;

  qsort (ms, runs, sizeof (double), compare_doubles);
  median = runs % 2 ? ms[runs / 2] : (ms[runs / 2 - 1] + ms[runs / 2]) / 2;
  g_print ("%-5s median %.3f ms  (fastest %.3f, slowest %.3f, %u runs)  goal < %.0f ms: %s\n",
           what, median, ms[0], ms[runs - 1], runs, GOAL_MS, median < GOAL_MS ? "met" : "NOT MET");
  return median;
}

int
main (int   argc,
      char *argv[])
{
  guint runs = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 200;
  g_autoptr(GError) error = NULL;
  g_autoptr(OtContent) content = NULL;
  g_autoptr(OtWorksheet) ws = ot_worksheet_new ();
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree double *save_ms = NULL;
  g_autofree double *open_ms = NULL;
  GStatBuf buf;
  double save_median, open_median;

  if (runs == 0)
    runs = 200;

  content = ot_content_new_default (&error);
  if (content == NULL)
    g_error ("%s", error->message);
  fill (ws, content);

  dir = g_dir_make_tmp ("bench-worksheet-XXXXXX", &error);
  if (dir == NULL)
    g_error ("%s", error->message);
  path = g_build_filename (dir, "full.optiontalk", NULL);
  file = g_file_new_for_path (path);
  save_ms = g_new (double, runs);
  open_ms = g_new (double, runs);

  /* Once each before timing: the schema is compiled on first use. */
  if (!ot_worksheet_io_save (ws, file, &error))
    g_error ("%s", error->message);
  g_object_unref (ot_worksheet_io_open (file, &error));
  g_assert_no_error (error);
  g_stat (path, &buf);
  g_print ("A full worksheet: %" G_GINT64_FORMAT " bytes, %u chosen questions\n",
           (gint64) buf.st_size, g_strv_length ((char **) ot_worksheet_get_questions (ws)));

  for (guint i = 0; i < runs; i++)
    {
      gint64 start = g_get_monotonic_time ();

      if (!ot_worksheet_io_save (ws, file, &error))
        g_error ("%s", error->message);
      save_ms[i] = (g_get_monotonic_time () - start) / 1000.0;
    }

  for (guint i = 0; i < runs; i++)
    {
      gint64 start = g_get_monotonic_time ();
      OtWorksheet *opened = ot_worksheet_io_open (file, &error);

      open_ms[i] = (g_get_monotonic_time () - start) / 1000.0;
      if (opened == NULL)
        g_error ("%s", error->message);
      g_object_unref (opened);
    }

  save_median = report ("save", save_ms, runs);
  open_median = report ("open", open_ms, runs);

  g_remove (path);
  g_rmdir (dir);
  return save_median < GOAL_MS && open_median < GOAL_MS ? EXIT_SUCCESS : EXIT_FAILURE;
}
