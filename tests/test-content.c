/* test-content.c: loading content packs, good and bad
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "ot-content.h"
#include "ot-xml.h"

static OtContent *
load_test_pack (const char  *name,
                GError     **error)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "content", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return ot_content_new_from_file (file, error);
}

static void
test_minimal_pack (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OtContent) content = load_test_pack ("minimal.xml", &error);
  const OtCategory *targeted;
  const OtTopic *topic;
  const OtFrequency *frequency;
  const OtMeta *meta;

  g_assert_no_error (error);
  g_assert_nonnull (content);

  meta = ot_content_get_meta (content);
  g_assert_cmpstr (meta->version, ==, "0.0.1");
  g_assert_cmpstr (meta->language, ==, "en");
  g_assert_cmpint (g_date_get_year (&meta->review_by), ==, 2026);
  g_assert_cmpint (g_date_get_month (&meta->review_by), ==, 6);

  /* Whitespace inside an element folds to single spaces. */
  topic = ot_content_find_topic (content, "stage-iv");
  g_assert_nonnull (topic);
  g_assert_cmpstr (((OtText *) topic->paras->pdata[0])->text, ==, "The cancer has spread to other organs.");
  g_assert_cmpstr (((OtText *) topic->paras->pdata[0])->sources[0], ==, "s1");

  /* Cells are stored in row order whatever order the file gives them. */
  g_assert_cmpuint (ot_content_get_rows (content)->len, ==, 2);
  targeted = ot_content_find_category (content, "targeted");
  g_assert_cmpstr (targeted->cells[0].text, ==, "Medicines aimed at one change.");
  g_assert_cmpstr (targeted->cells[1].text, ==, "Control the cancer.");
  g_assert_cmpstr (targeted->cells[1].sources[1], ==, "s2");
  g_assert_null (targeted->cells[1].sources[2]);
  g_assert_true (ot_content_find_treatment (content, "anti-egfr")->category == targeted);

  frequency = ot_content_find_frequency (content, "folfox", "neuropathy");
  g_assert_true (frequency->has_figure);
  g_assert_cmpfloat (frequency->count, ==, 48);
  g_assert_cmpfloat (frequency->low, ==, 40);
  g_assert_cmpfloat (frequency->high, ==, 55);
  g_assert_cmpfloat (frequency->serious, ==, 18);
  frequency = ot_content_find_frequency (content, "anti-egfr", "skin-rash");
  g_assert_cmpfloat (frequency->low, <, 0);
  frequency = ot_content_find_frequency (content, "folfox", "skin-rash");
  g_assert_false (frequency->has_figure);
  g_assert_cmpstr (frequency->note, ==, "No figure.");
  g_assert_null (ot_content_find_frequency (content, "anti-egfr", "neuropathy"));

  g_assert_cmpuint (ot_content_get_rules (content)->len, ==, 5);
  g_assert_cmpstr (((OtItem *) ot_content_get_values (content)->pdata[0])->help, ==, "Time matters most.");
  g_assert_null (((OtItem *) ot_content_get_values (content)->pdata[1])->help);
  g_assert_cmpstr (ot_content_find_question (content, "q-goal")->text, ==, "What is the goal?");
  g_assert_cmpstr (ot_content_find_source (content, "s2")->url, ==, "https://example.org/two");
}

static void
test_overdue (void)
{
  g_autoptr(OtContent) content = load_test_pack ("minimal.xml", NULL);
  g_autoptr(GDate) before = g_date_new_dmy (30, G_DATE_JUNE, 2026);
  g_autoptr(GDate) after = g_date_new_dmy (1, G_DATE_JULY, 2026);

  g_assert_false (ot_content_is_overdue (content, before));
  g_assert_true (ot_content_is_overdue (content, after));
}

static void
test_shipped_pack (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OtContent) content = ot_content_new_default (&error);
  GPtrArray *categories;

  g_assert_no_error (error);
  g_assert_nonnull (content);

  categories = ot_content_get_categories (content);
  g_assert_cmpuint (categories->len, ==, 8);
  g_assert_cmpuint (ot_content_get_substages (content)->len, ==, 3);
  g_assert_nonnull (ot_content_find_treatment (content, "anti-egfr"));
  g_assert_nonnull (ot_content_find_treatment (content, "pembrolizumab"));
}

/* The pack is translated as it loads, as GtkBuilder translates a .ui file:
 * in Spanish the category and row names come from po/es.po.  Under a real
 * locale, as a person's: C.UTF-8 ignores LANGUAGE on newer glibc. */
static void
test_translated (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(OtContent) content = NULL;
      const OtCategory *chemotherapy;

      g_unsetenv ("LANGUAGE");
      if (setlocale (LC_ALL, "es_ES.UTF-8") == NULL)
        g_error ("the es_ES.UTF-8 locale is missing: build-aux/deps.sh test generates it");
      bindtextdomain (GETTEXT_PACKAGE, g_getenv ("OPTION_TALK_LOCALEDIR"));
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

      content = ot_content_new_default (NULL);
      chemotherapy = ot_content_find_category (content, "chemotherapy");
      g_assert_cmpstr (chemotherapy->name, ==, "Quimioterapia");
      g_assert_cmpstr (((OtItem *) ot_content_get_rows (content)->pdata[0])->text, ==, "Qué es");
      g_assert_cmpstr (ot_content_get_meta (content)->title, ==,
                       "Option Talk: opciones de tratamiento para el cáncer colorrectal en estadio IV");
      /* Sources are names: never translated. */
      g_assert_cmpstr (ot_content_find_source (content, "nci-pdq-colon-patient")->publisher, ==,
                       "National Cancer Institute");
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

typedef struct
{
  const char *file;
  GQuark      domain;
  int         code;
  const char *message;  /* part of the message a person must see */
} BadPack;

static void
test_bad_pack (gconstpointer data)
{
  const BadPack *bad = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(OtContent) content = load_test_pack (bad->file, &error);

  g_assert_null (content);
  g_assert_error (error, bad->domain, bad->code);
  g_test_message ("%s: %s", bad->file, error->message);
  /* Every message names the file and says what is wrong. */
  g_assert_nonnull (strstr (error->message, bad->file));
  g_assert_nonnull (strstr (error->message, bad->message));
}

static void
test_huge_pack (void)
{
  g_autofree char *dir = g_dir_make_tmp ("ot-content-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "huge.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(OtContent) content = NULL;
  FILE *stream = g_fopen (path, "w");

  /* 50 MB, sparse: the size is refused before anything is read. */
  g_assert_nonnull (stream);
  g_assert_cmpint (fseek (stream, 50 * 1000 * 1000 - 1, SEEK_SET), ==, 0);
  fputc ('>', stream);
  fclose (stream);

  content = ot_content_new_from_file (file, &error);
  g_assert_null (content);
  g_assert_error (error, OT_XML_ERROR, OT_XML_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "huge.xml"));
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "50.0"));

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_missing_pack (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/pack.xml");
  g_autoptr(GError) error = NULL;
  g_autoptr(OtContent) content = ot_content_new_from_file (file, &error);

  g_assert_null (content);
  g_assert_error (error, OT_XML_ERROR, OT_XML_ERROR_READ);
  g_assert_nonnull (strstr (error->message, "/nonexistent/pack.xml"));
}

static const BadPack bad_packs[] = {
  { "not-xml.xml", 0, OT_XML_ERROR_PARSE, "not a readable XML file" },
  { "truncated.xml", 0, OT_XML_ERROR_PARSE, "not a readable XML file" },
  { "invalid-utf8.xml", 0, OT_XML_ERROR_PARSE, "not a readable XML file" },
  { "entity-bomb.xml", 0, OT_XML_ERROR_PARSE, "XML" },
  { "external-entity.xml", 0, OT_XML_ERROR_PARSE, "document type declaration" },
  { "wrong-root.xml", 0, OT_XML_ERROR_SCHEMA, "does not follow the expected format" },
  { "unknown-source.xml", 1, OT_CONTENT_ERROR_REFERENCE, "unknown source “no-such-source”" },
  { "unknown-treatment.xml", 1, OT_CONTENT_ERROR_REFERENCE, "unknown treatment “folfirinox”" },
  { "unknown-result.xml", 1, OT_CONTENT_ERROR_REFERENCE, "biomarker “ras” has no result “g13d”" },
  { "missing-row.xml", 1, OT_CONTENT_ERROR_INCOMPLETE, "has no “goal” row" },
  { "no-default-rule.xml", 1, OT_CONTENT_ERROR_INCOMPLETE, "needs a last fit rule" },
  { "bad-figures.xml", 1, OT_CONTENT_ERROR_VALUE, "contradict" },
};

int
main (int   argc,
      char *argv[])
{
  static BadPack packs[G_N_ELEMENTS (bad_packs)];

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/content/minimal", test_minimal_pack);
  g_test_add_func ("/content/overdue", test_overdue);
  g_test_add_func ("/content/shipped", test_shipped_pack);
  g_test_add_func ("/content/translated", test_translated);
  g_test_add_func ("/content/huge", test_huge_pack);
  g_test_add_func ("/content/missing", test_missing_pack);

  for (guint i = 0; i < G_N_ELEMENTS (bad_packs); i++)
    {
      g_autofree char *path = g_strdup_printf ("/content/bad/%s", bad_packs[i].file);

      packs[i] = bad_packs[i];
      packs[i].domain = bad_packs[i].domain == 0 ? OT_XML_ERROR : OT_CONTENT_ERROR;
      g_test_add_data_func (path, &packs[i], test_bad_pack);
    }

  return g_test_run ();
}
