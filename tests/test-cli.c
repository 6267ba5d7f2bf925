/* test-cli.c: the command-line tools, with no display and no session bus
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "ot-test-pack.h"
#include "ot-worksheet.h"
#include "ot-worksheet-io.h"

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs the built option-talk as a clinic's script would, on a machine
 * with no display and no session bus. */
static void
run_option_talk (Run        *run,
                 const char *first_arg,
                 ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  va_list args;

  g_ptr_array_add (argv, (gpointer) g_getenv ("OPTION_TALK"));
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");
  env = g_environ_unsetenv (env, "DBUS_SESSION_BUS_ADDRESS");

  g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &run->status, &error);
  g_assert_no_error (error);
}

static char *
test_pack (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "content", name, NULL);
}

static void
test_validate_good (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *pack = test_pack ("minimal.xml");

  run_option_talk (&run, "--validate-content", pack, NULL);
  g_assert_true (g_spawn_check_wait_status (run.status, NULL));
  g_assert_nonnull (strstr (run.out, "a valid content pack, version 0.0.1"));
  g_assert_cmpstr (run.err, ==, "");
}

static void
test_validate_shipped (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *pack = g_test_build_filename (G_TEST_DIST, "..", "data", "content", "crc-stage4.xml", NULL);

  run_option_talk (&run, "--validate-content", pack, NULL);
  g_assert_true (g_spawn_check_wait_status (run.status, NULL));
  g_assert_cmpstr (run.err, ==, "");
}

static void
test_validate_bad (void)
{
  static const char *bad[][2] = {
    { "unknown-source.xml", "unknown source “no-such-source”" },
    { "not-xml.xml", "not a readable XML file" },
    { "external-entity.xml", "document type declaration" },
    { "missing-row.xml", "has no “goal” row" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_auto(Run) run = { 0 };
      g_autofree char *pack = test_pack (bad[i][0]);

      run_option_talk (&run, "--validate-content", pack, NULL);
      g_assert_false (g_spawn_check_wait_status (run.status, NULL));
      g_test_message ("%s", run.err);
      /* The clinic sees the file, the problem, and for references the line. */
      g_assert_nonnull (strstr (run.err, bad[i][0]));
      g_assert_nonnull (strstr (run.err, bad[i][1]));
      g_assert_cmpstr (run.out, ==, "");
    }
}

/* What a poppler tool prints about @pdf. */
static char *
poppler (const char *tool,
         const char *pdf)
{
  /* pdftotext writes to "-", standard output; pdfinfo always does. */
  const char *argv[] = { tool, "-enc", "UTF-8", pdf, g_str_equal (tool, "pdftotext") ? "-" : NULL, NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* A saved worksheet becomes its summary PDF on a machine with no display. */
static void
test_export_pdf (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *dir = g_dir_make_tmp ("ot-cli-XXXXXX", NULL);
  g_autofree char *sheet = g_build_filename (dir, "visit.optiontalk", NULL);
  g_autofree char *pdf = g_build_filename (dir, "visit.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (sheet);
  g_autoptr(OtWorksheet) worksheet = ot_worksheet_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  ot_worksheet_set_patient_name (worksheet, "Zoë Ångström");
  ot_worksheet_set_biomarker (worksheet, "ras", "mutated");
  ot_worksheet_set_notes (worksheet, "Ask about the rash cream.");
  g_assert_true (ot_worksheet_io_save (worksheet, file, &error));
  g_assert_no_error (error);

  run_option_talk (&run, "--export-pdf", pdf, sheet, NULL);
  g_test_message ("%s%s", run.out, run.err);
  g_assert_true (g_spawn_check_wait_status (run.status, NULL));
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));

  text = poppler ("pdftotext", pdf);
  g_assert_nonnull (strstr (text, "Zoë Ångström"));
  g_assert_nonnull (strstr (text, "Ask about the rash cream."));

  g_unlink (pdf);
  g_unlink (sheet);
  g_rmdir (dir);
}

/* Exports @sheet under @locale with LANGUAGE=es, with the built-in pack
 * or @pack; returns the PDF's text and, in @info, what pdfinfo says. */
static char *
export_in (const char  *locale,
           const char  *sheet,
           const char  *pack,
           const char  *pdf,
           char       **info)
{
  g_auto(Run) run = { 0 };

  g_setenv ("LANGUAGE", "es", TRUE);
  g_setenv ("LC_ALL", locale, TRUE);
  if (pack != NULL)
    run_option_talk (&run, "--content", pack, "--export-pdf", pdf, sheet, NULL);
  else
    run_option_talk (&run, "--export-pdf", pdf, sheet, NULL);
  g_unsetenv ("LANGUAGE");
  g_unsetenv ("LC_ALL");
  g_test_message ("%s: %s%s", locale, run.out, run.err);
  g_assert_true (g_spawn_check_wait_status (run.status, NULL));

  *info = poppler ("pdfinfo", pdf);
  return poppler ("pdftotext", pdf);
}

/* Under a Spanish locale the summary is in Spanish, with Spanish month
 * names and the locale's paper; with a pack the catalogue lacks a text
 * of, it is in English throughout. */
static void
test_export_pdf_spanish (void)
{
  g_autofree char *dir = g_dir_make_tmp ("ot-cli-XXXXXX", NULL);
  g_autofree char *sheet = g_build_filename (dir, "visita.optiontalk", NULL);
  g_autofree char *pdf = g_build_filename (dir, "visita.pdf", NULL);
  g_autofree char *pack = ot_test_pack_one_untranslated (dir);
  g_autoptr(GFile) file = g_file_new_for_path (sheet);
  g_autoptr(OtWorksheet) worksheet = ot_worksheet_new ();
  g_autoptr(GDate) visit = g_date_new_dmy (17, G_DATE_MARCH, 2026);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;

  ot_worksheet_set_patient_name (worksheet, "José Ñúñez");
  ot_worksheet_set_next_visit (worksheet, visit);
  ot_worksheet_set_role (worksheet, "shared");
  g_assert_true (ot_worksheet_io_save (worksheet, file, &error));
  g_assert_no_error (error);

  text = export_in ("es_ES.UTF-8", sheet, NULL, pdf, &info);
  g_assert_nonnull (strstr (text, "José Ñúñez"));
  g_assert_nonnull (strstr (text, "17 de marzo de 2026"));
  g_assert_nonnull (strstr (text, "Quimioterapia"));
  g_assert_nonnull (strstr (text, "Cuidados paliativos"));
  /* No published Spanish version of the questionnaires: a note instead. */
  g_assert_nonnull (strstr (text, "(la Escala de Preferencias de Control)"));
  g_assert_null (strstr (text, "I prefer"));
  g_assert_null (strstr (text, "March"));
  g_assert_null (strstr (text, "Chemotherapy"));
  g_assert_nonnull (strstr (info, "(A4)"));
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&info, g_free);

  text = export_in ("es_US.UTF-8", sheet, NULL, pdf, &info);
  g_assert_nonnull (strstr (text, "17 de marzo de 2026"));
  g_assert_nonnull (strstr (info, "(letter)"));
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&info, g_free);

  text = export_in ("es_ES.UTF-8", sheet, pack, pdf, &info);
  g_assert_nonnull (strstr (text, "17 March 2026"));
  g_assert_nonnull (strstr (text, "Chemotherapy"));
  g_assert_nonnull (strstr (text, "I prefer that my doctor and I share responsibility"));
  g_assert_null (strstr (text, "marzo"));
  g_assert_null (strstr (text, "Quimioterapia"));

  g_unlink (pdf);
  g_unlink (sheet);
  g_unlink (pack);
  g_rmdir (dir);
}

/* A broken worksheet is named with its problem, and no PDF is left. */
static void
test_export_bad_worksheet (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *dir = g_dir_make_tmp ("ot-cli-XXXXXX", NULL);
  g_autofree char *sheet = g_build_filename (dir, "broken.optiontalk", NULL);
  g_autofree char *pdf = g_build_filename (dir, "broken.pdf", NULL);

  g_assert_true (g_file_set_contents (sheet, "<optiontalk-worksheet format=\"1\"><situ", -1, NULL));
  run_option_talk (&run, "--export-pdf", pdf, sheet, NULL);
  g_assert_false (g_spawn_check_wait_status (run.status, NULL));
  g_assert_nonnull (strstr (run.err, "broken.optiontalk"));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));

  g_unlink (sheet);
  g_rmdir (dir);
}

static void
test_version (void)
{
  g_auto(Run) run = { 0 };

  run_option_talk (&run, "--version", NULL);
  g_assert_true (g_spawn_check_wait_status (run.status, NULL));
  g_assert_cmpstr (run.out, ==, "Option Talk " PACKAGE_VERSION "\n");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/validate-good", test_validate_good);
  g_test_add_func ("/cli/validate-shipped", test_validate_shipped);
  g_test_add_func ("/cli/validate-bad", test_validate_bad);
  g_test_add_func ("/cli/version", test_version);
  g_test_add_func ("/cli/export-pdf", test_export_pdf);
  g_test_add_func ("/cli/export-pdf-spanish", test_export_pdf_spanish);
  g_test_add_func ("/cli/export-bad-worksheet", test_export_bad_worksheet);

  return g_test_run ();
}
