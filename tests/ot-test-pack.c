/* ot-test-pack.c: content packs made for a test
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ot-test-pack.h"

/* The path of the test pack @name, in tests/data/content. */
char *
ot_test_pack_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "content", name, NULL);
}

/* The path of the pack Option Talk ships. */
char *
ot_test_shipped_pack_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "content", "crc-stage4.xml", NULL);
}

/**
 * ot_test_pack_one_untranslated:
 * @dir: where to write it
 *
 * Writes the shipped pack with one text no catalogue has (its funding
 * statement gets a sentence more), as a clinic's edit would, into @dir.
 *
 * Returns: the path of the pack
 */
char *
ot_test_pack_one_untranslated (const char *dir)
{
  g_autofree char *shipped = ot_test_shipped_pack_path ();
  char *pack = g_build_filename (dir, "one-untranslated.xml", NULL);
  g_autofree char *xml = NULL;
  g_autofree char *changed = NULL;
  g_autoptr(GError) error = NULL;
  const char *funding;

  g_assert_true (g_file_get_contents (shipped, &xml, NULL, &error));
  g_assert_no_error (error);
  funding = strstr (xml, "<funding>");
  g_assert_nonnull (funding);
  funding += strlen ("<funding>");
  changed = g_strdup_printf ("%.*sA sentence no catalogue has. %s", (int) (funding - xml), xml, funding);
  g_assert_true (g_file_set_contents (pack, changed, -1, &error));
  g_assert_no_error (error);
  return pack;
}
