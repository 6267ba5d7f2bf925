/* test-fuzz-replay.c: every fuzzing input kept, through its harness
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Linked with one harness of fuzz/ (fuzz-NAME.c), this runs its seed
 * corpus (fuzz/corpus/NAME/) and the inputs that once crashed it
 * (tests/data/fuzz/NAME/) through LLVMFuzzerTestOneInput, with the
 * ordinary compiler and, in CI, under AddressSanitizer: a crash fixed
 * stays fixed without clang or libFuzzer.
 */

#include "config.h"

#include <glib.h>

#ifndef FUZZ_NAME
#error "FUZZ_NAME must name the harness, e.g. \"worksheet\""
#endif

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static void
replay (gconstpointer data)
{
  const char *path = data;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize size;

  g_file_get_contents (path, &contents, &size, &error);
  g_assert_no_error (error);
  g_assert_cmpint (LLVMFuzzerTestOneInput ((const guint8 *) contents, size), ==, 0);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

/* Adds a test per file, in name order so the numbering is stable. */
static guint
add_folder (const char *kind,
            const char *dir_path,
            GPtrArray  *paths)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    return 0;
  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.' && !g_str_has_suffix (name, ".md"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *test = g_strdup_printf ("/fuzz-replay/" FUZZ_NAME "/%s/%s",
                                               kind, (char *) names->pdata[i]);
      char *path = g_build_filename (dir_path, names->pdata[i], NULL);

      g_ptr_array_add (paths, path);
      g_test_add_data_func (test, path, replay);
    }
  return names->len;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *corpus = NULL;
  g_autofree char *regressions = NULL;

  g_test_init (&argc, &argv, NULL);

  corpus = g_test_build_filename (G_TEST_DIST, "..", "fuzz", "corpus", FUZZ_NAME, NULL);
  regressions = g_test_build_filename (G_TEST_DIST, "data", "fuzz", FUZZ_NAME, NULL);

  /* The seed corpus must be there; the regressions may not be, yet. */
  g_assert_cmpuint (add_folder ("corpus", corpus, paths), >, 0);
  add_folder ("regression", regressions, paths);

  return g_test_run ();
}
