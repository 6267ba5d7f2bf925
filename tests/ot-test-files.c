/* ot-test-files.c: folders, files and the PDF tools the tests use
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "ot-test-files.h"

/* A new folder of the test's own under the temporary folder. */
char *
ot_test_make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("ot-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

/* Removes @path and everything under it, folders a test made read-only
 * included. */
void
ot_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_chmod (path, 0700);
      dir = g_dir_open (path, 0, NULL);
    }
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      ot_test_remove_tree (child);
    }
  g_remove (path);
}

/* Runs a program found in PATH, such as a poppler tool, and returns what
 * it printed; a failure stops the test with what it said. */
char *
ot_test_run_tool (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", argv[0], err);
  return out;
}

/* The text of the PDF at @path, as pdftotext lays it out. */
char *
ot_test_pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };

  return ot_test_run_tool (argv);
}

/* What pdfinfo says of the PDF at @path: its title, pages, paper… */
char *
ot_test_pdf_info (const char *path)
{
  const char *argv[] = { "pdfinfo", "-enc", "UTF-8", path, NULL };

  return ot_test_run_tool (argv);
}

/* How many pages pdfinfo's @info says the PDF has. */
guint
ot_test_info_pages (const char *info)
{
  const char *pages = strstr (info, "Pages:");

  g_assert_nonnull (pages);
  return (guint) g_ascii_strtoull (pages + strlen ("Pages:"), NULL, 10);
}

/* How many pages the PDF at @path has. */
guint
ot_test_pdf_pages (const char *path)
{
  g_autofree char *info = ot_test_pdf_info (path);

  return ot_test_info_pages (info);
}

/* The height in points of the first @word on page 1 of the PDF at @path,
 * which goes with the size of its type. */
double
ot_test_pdf_word_height (const char *path,
                         const char *word)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", "-bbox", "-f", "1", "-l", "1", path, "-", NULL };
  g_autofree char *boxes = ot_test_run_tool (argv);
  g_autofree char *end = g_strdup_printf (">%s</word>", word);
  const char *found = strstr (boxes, end);
  const char *start;
  double y_min, y_max;

  g_assert_nonnull (found);
  start = g_strrstr_len (boxes, found - boxes, "<word ");
  g_assert_nonnull (start);
  g_assert_cmpint (sscanf (start, "<word xMin=\"%*f\" yMin=\"%lf\" xMax=\"%*f\" yMax=\"%lf\"", &y_min, &y_max), ==, 2);
  return y_max - y_min;
}
