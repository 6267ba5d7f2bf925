/* bench-export.c: how long the headless export of a full summary takes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-export [--runs N] [--long] [--letter] [--keep FILE]
 *
 * Prints the first export on its own (fonts and the content pack are
 * loaded then) and the median of the next N, each laid out and written
 * from scratch, as the --export-pdf command does.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>

#include "ot-pdf.h"
#include "ot-test-worksheet.h"

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
export_once (OtContent   *content,
             OtWorksheet *worksheet,
             OtPaper      paper,
             GFile       *file)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  double width, height;

  ot_paper_get_size (paper, &width, &height);
  if (!ot_pdf_export (content, worksheet, width, height, NULL, OT_SUMMARY_FULL, file, &error))
    g_error ("%s", error->message);

  return (g_get_monotonic_time () - start) / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  int runs = 21;
  gboolean is_long = FALSE, letter = FALSE;
  g_autofree char *keep = NULL;
  const GOptionEntry entries[] = {
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Timed runs after the first", "N" },
    { "long", 0, 0, G_OPTION_ARG_NONE, &is_long, "Add 60 questions and 5,000 characters of notes", NULL },
    { "letter", 0, 0, G_OPTION_ARG_NONE, &letter, "Letter paper instead of A4", NULL },
    { "keep", 0, 0, G_OPTION_ARG_FILENAME, &keep, "Write the PDF here and keep it", "FILE" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- time the PDF export");
  g_autoptr(GError) error = NULL;
  g_autoptr(OtWorksheet) worksheet = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GFile) file = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  gint64 start = g_get_monotonic_time ();
  OtPaper paper;
  OtContent *content;
  double first, load;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }
  paper = letter ? OT_PAPER_LETTER : OT_PAPER_A4;

  content = ot_content_new_default (&error);
  if (content == NULL)
    g_error ("%s", error->message);
  load = (g_get_monotonic_time () - start) / 1000.0;

  worksheet = ot_worksheet_new ();
  ot_test_worksheet_fill (worksheet);
  if (is_long)
    ot_test_worksheet_add_long (worksheet, 60, 5000);

  if (keep != NULL)
    path = g_strdup (keep);
  else
    {
      dir = g_dir_make_tmp ("bench-export-XXXXXX", &error);
      g_assert_no_error (error);
      path = g_build_filename (dir, "summary.pdf", NULL);
    }
  file = g_file_new_for_path (path);

  first = export_once (content, worksheet, paper, file);
  for (int i = 0; i < runs; i++)
    {
      double ms = export_once (content, worksheet, paper, file);

      g_array_append_val (times, ms);
    }
  g_array_sort (times, compare_doubles);

  g_print ("content pack load: %.1f ms\n", load);
  g_print ("first export:      %.1f ms\n", first);
  if (times->len > 0)
    g_print ("export-pdf %.1f ms (median of %u warm exports; min %.1f, max %.1f)\n",
             g_array_index (times, double, times->len / 2), times->len,
             g_array_index (times, double, 0),
             g_array_index (times, double, times->len - 1));

  if (keep == NULL)
    {
      g_unlink (path);
      g_rmdir (dir);
    }
  ot_content_unref (content);
  return EXIT_SUCCESS;
}
