/* test-cli.c: the command-line tools, with no display and no session bus
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sys/wait.h>
#include <unistd.h>

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

static char *
pdf_text (const char *pdf)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
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

  text = pdf_text (pdf);
  g_assert_nonnull (strstr (text, "Zoë Ångström"));
  g_assert_nonnull (strstr (text, "Ask about the rash cream."));

  g_unlink (pdf);
  g_unlink (sheet);
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

/* Like its neighbours: --help says what it does, with examples, and
 * the exit status tells a script what went wrong. */
static void
test_help (void)
{
  g_auto(Run) run = { 0 };

  run_option_talk (&run, "--help", NULL);
  g_assert_true (g_spawn_check_wait_status (run.status, NULL));
  g_assert_nonnull (strstr (run.out, "Usage:"));
  g_assert_nonnull (strstr (run.out, "stage IV colorectal cancer"));
  g_assert_nonnull (strstr (run.out, "Examples:"));
  g_assert_nonnull (strstr (run.out, "option-talk --export-pdf visit.pdf"));
  g_assert_nonnull (strstr (run.out, "Exit status"));
}

static int
exit_status (Run *run)
{
  g_assert_true (WIFEXITED (run->status));
  return WEXITSTATUS (run->status);
}

/* A wrong command line exits 2 with one line that says why; options
 * that cannot go together are refused, never one of them skipped. */
static void
test_usage_errors (void)
{
  g_autofree char *pack = test_pack ("minimal.xml");
  g_autofree char *dir = g_dir_make_tmp ("ot-cli-XXXXXX", NULL);
  struct {
    const char *args[5];
    const char *says;
  } cases[] = {
    { { "--no-such-option" }, "--no-such-option" },
    { { "--export-pdf" }, "--export-pdf" },
    { { "--validate-content", pack, "--export-pdf", "out.pdf" }, "--validate-content and --export-pdf cannot go together" },
    { { "--validate-content", pack, "--content", pack }, "--validate-content and --content cannot go together" },
    { { "--validate-content", pack, "--paper", "a4" }, "--validate-content and --paper cannot go together" },
    { { "--validate-content", pack, "visit.optiontalk" }, "“visit.optiontalk”" },
    { { "--version", "--export-pdf", "out.pdf" }, "cannot go together" },
    { { "--paper", "letter" }, "--paper goes with" },
    { { "--export-pdf", "out.pdf", "--paper", "b5", "visit.optiontalk" }, "“b5”" },
    { { "--export-pdf", "out.pdf" }, "needs a worksheet" },
    { { "--export-pdf", "out.pdf", "a.optiontalk", "b.optiontalk" }, "one worksheet" },
  };

  /* Where a wrongly written PDF would appear. */
  g_assert_cmpint (g_chdir (dir), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0 };
      const char **a = cases[i].args;

      run_option_talk (&run, a[0], a[1], a[2], a[3], a[4], NULL);
      g_test_message ("%s → %s", a[0], run.err);
      g_assert_cmpint (exit_status (&run), ==, 2);
      g_assert_nonnull (strstr (run.err, cases[i].says));
      /* One line. */
      g_assert_nonnull (strchr (run.err, '\n'));
      g_assert_cmpstr (strchr (run.err, '\n') + 1, ==, "");
      g_assert_cmpstr (run.out, ==, "");
      g_assert_false (g_file_test ("out.pdf", G_FILE_TEST_EXISTS));
      g_assert_false (g_file_test ("review.pdf", G_FILE_TEST_EXISTS));
    }
  g_rmdir (dir);
}

/* --export-pdf never writes over what it reads, nor over a file that
 * is not a PDF: the worksheet, the pack and the notes stay as they were. */
static void
test_export_refuses_output (void)
{
  g_autofree char *dir = g_dir_make_tmp ("ot-cli-XXXXXX", NULL);
  g_autofree char *sheet = g_build_filename (dir, "same.optiontalk", NULL);
  g_autofree char *link = g_build_filename (dir, "link.pdf", NULL);
  g_autofree char *notes = g_build_filename (dir, "notes.txt", NULL);
  g_autofree char *pack = g_build_filename (dir, "pack.xml", NULL);
  g_autofree char *folder = g_build_filename (dir, "folder", NULL);
  g_autofree char *minimal = test_pack ("minimal.xml");
  g_autofree char *pack_text = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (sheet);
  g_autoptr(OtWorksheet) worksheet = ot_worksheet_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  struct {
    const char *out;
    const char *says;
  } cases[] = {
    { sheet, "is a file this command reads" },
    { link, "is a file this command reads" },
    { pack, "is a file this command reads" },
    { notes, "already exists and is not a PDF" },
    { folder, "is a folder" },
  };

  ot_worksheet_set_notes (worksheet, "Keep me.");
  g_assert_true (ot_worksheet_io_save (worksheet, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (sheet, &before, NULL, NULL));
  g_assert_cmpint (symlink (sheet, link), ==, 0);
  g_assert_true (g_file_set_contents (notes, "My notes.", -1, NULL));
  g_assert_true (g_file_get_contents (minimal, &pack_text, NULL, NULL));
  g_assert_true (g_file_set_contents (pack, pack_text, -1, NULL));
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0 };
      g_autofree char *after = NULL;
      g_autofree char *name = g_path_get_basename (cases[i].out);

      run_option_talk (&run, "--export-pdf", cases[i].out, "--content", pack, sheet, NULL);
      g_test_message ("%s", run.err);
      g_assert_cmpint (exit_status (&run), ==, 1);
      g_assert_nonnull (strstr (run.err, name));
      g_assert_nonnull (strstr (run.err, cases[i].says));
      g_assert_cmpstr (strchr (run.err, '\n') + 1, ==, "");
      g_assert_true (g_file_get_contents (sheet, &after, NULL, NULL));
      g_assert_cmpstr (after, ==, before);
    }
  {
    g_autofree char *text = NULL;

    g_assert_true (g_file_get_contents (notes, &text, NULL, NULL));
    g_assert_cmpstr (text, ==, "My notes.");
    g_clear_pointer (&text, g_free);
    g_assert_true (g_file_get_contents (pack, &text, NULL, NULL));
    g_assert_cmpstr (text, ==, pack_text);
  }

  g_unlink (link);
  g_unlink (notes);
  g_unlink (pack);
  g_unlink (sheet);
  g_rmdir (folder);
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
  g_test_add_func ("/cli/export-bad-worksheet", test_export_bad_worksheet);
  g_test_add_func ("/cli/export-refuses-output", test_export_refuses_output);
  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/usage-errors", test_usage_errors);

  return g_test_run ();
}
