/* test-cli.c: the command-line tools, with no display and no session bus
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ot-content.h"
#include "ot-test-files.h"
#include "ot-test-pack.h"
#include "ot-test-worksheet.h"
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

/* Saves @worksheet as @sheet, as the window does. */
static void
save_sheet (OtWorksheet *worksheet,
            const char  *sheet)
{
  g_autoptr(GFile) file = g_file_new_for_path (sheet);
  g_autoptr(GError) error = NULL;

  g_assert_true (ot_worksheet_io_save (worksheet, file, &error));
  g_assert_no_error (error);
}

static void
test_validate_good (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *pack = ot_test_pack_path ("minimal.xml");

  run_option_talk (&run, "--validate-content", pack, NULL);
  g_assert_true (g_spawn_check_wait_status (run.status, NULL));
  g_assert_nonnull (strstr (run.out, "a valid content pack, version 0.0.1"));
  g_assert_cmpstr (run.err, ==, "");
}

static void
test_validate_shipped (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *pack = ot_test_shipped_pack_path ();

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
    { "broken-utf16.xml", "not a readable XML file" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_auto(Run) run = { 0 };
      g_autofree char *pack = ot_test_pack_path (bad[i][0]);

      run_option_talk (&run, "--validate-content", pack, NULL);
      g_assert_false (g_spawn_check_wait_status (run.status, NULL));
      g_test_message ("%s", run.err);
      /* The clinic sees the file, the problem, and for references the line. */
      g_assert_nonnull (strstr (run.err, bad[i][0]));
      g_assert_nonnull (strstr (run.err, bad[i][1]));
      /* One line: nothing of libxml2's own on standard error. */
      g_assert_nonnull (strchr (run.err, '\n'));
      g_assert_cmpstr (strchr (run.err, '\n') + 1, ==, "");
      g_assert_cmpstr (run.out, ==, "");
    }
}

/* An export's folder of its own: the test fills the worksheet and saves
 * it as @sheet; the command writes @pdf beside it. */
typedef struct
{
  char        *dir;
  char        *sheet;
  char        *pdf;
  OtWorksheet *worksheet;
} Export;

static void
export_set_up (Export        *f,
               gconstpointer  data)
{
  f->dir = ot_test_make_temp_dir ();
  f->sheet = g_build_filename (f->dir, "visit.optiontalk", NULL);
  f->pdf = g_build_filename (f->dir, "visit.pdf", NULL);
  f->worksheet = ot_worksheet_new ();
}

static void
export_tear_down (Export        *f,
                  gconstpointer  data)
{
  g_object_unref (f->worksheet);
  ot_test_remove_tree (f->dir);
  g_free (f->pdf);
  g_free (f->sheet);
  g_free (f->dir);
}

/* A saved worksheet becomes its summary PDF on a machine with no display. */
static void
test_export_pdf (Export        *f,
                 gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autofree char *text = NULL;

  ot_worksheet_set_patient_name (f->worksheet, "Zoë Ångström");
  ot_worksheet_set_biomarker (f->worksheet, "ras", "mutated");
  ot_worksheet_set_notes (f->worksheet, "Ask about the rash cream.");
  save_sheet (f->worksheet, f->sheet);

  run_option_talk (&run, "--export-pdf", f->pdf, f->sheet, NULL);
  g_test_message ("%s%s", run.out, run.err);
  g_assert_true (g_spawn_check_wait_status (run.status, NULL));
  g_assert_true (g_file_test (f->pdf, G_FILE_TEST_IS_REGULAR));

  text = ot_test_pdf_text (f->pdf);
  g_assert_nonnull (strstr (text, "Zoë Ångström"));
  g_assert_nonnull (strstr (text, "Ask about the rash cream."));
}

/* Exports @sheet on @paper, with @flag (--full, --large-print) or none;
 * the PDF's text, and its pages in *@pages.  The command says how many
 * pages it wrote, as the PDF has them. */
static char *
export_version (const char *pdf,
                const char *sheet,
                const char *paper,
                const char *flag,
                guint      *pages)
{
  g_auto(Run) run = { 0 };
  g_autofree char *said = NULL;

  if (flag != NULL)
    run_option_talk (&run, "--export-pdf", pdf, flag, "--paper", paper, sheet, NULL);
  else
    run_option_talk (&run, "--export-pdf", pdf, "--paper", paper, sheet, NULL);
  g_test_message ("%s%s", run.out, run.err);
  g_assert_true (g_spawn_check_wait_status (run.status, NULL));
  *pages = ot_test_pdf_pages (pdf);
  said = g_strdup_printf (", %u pages", *pages);
  g_assert_nonnull (strstr (run.out, said));
  return ot_test_pdf_text (pdf);
}

/* A full worksheet with four compared treatments: the hand-out is two
 * pages opening with the options at a glance, on A4 and on Letter;
 * --full adds every section; --large-print keeps the words on more
 * pages. */
static void
test_export_versions (Export        *f,
                      gconstpointer  data)
{
  static const char * const papers[] = { "a4", "letter" };

  ot_test_worksheet_fill (f->worksheet);
  save_sheet (f->worksheet, f->sheet);

  for (guint i = 0; i < G_N_ELEMENTS (papers); i++)
    {
      guint pages, full_pages, large_pages;
      g_autofree char *text = export_version (f->pdf, f->sheet, papers[i], NULL, &pages);
      g_autofree char *full_text = export_version (f->pdf, f->sheet, papers[i], "--full", &full_pages);
      g_autofree char *large_text = export_version (f->pdf, f->sheet, papers[i], "--large-print", &large_pages);

      g_assert_cmpuint (pages, ==, 2);
      g_assert_true (g_str_has_prefix (text, "My options at a glance"));
      g_assert_null (strstr (text, "Options compared"));

      g_assert_cmpuint (full_pages, >, 8);
      g_assert_true (g_str_has_prefix (full_text, "My options at a glance"));
      g_assert_nonnull (strstr (full_text, "My situation"));
      g_assert_nonnull (strstr (full_text, "Options compared"));
      g_assert_nonnull (strstr (full_text, "Side effects compared"));
      g_assert_nonnull (strstr (full_text, "About this summary"));

      g_assert_cmpuint (large_pages, >, 2);
      g_assert_true (g_str_has_prefix (large_text, "My options at a glance"));
      g_assert_nonnull (strstr (large_text, OT_TEST_NEXT_STEPS));
      g_assert_null (strstr (large_text, "Options compared"));
    }
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

  *info = ot_test_pdf_info (pdf);
  return ot_test_pdf_text (pdf);
}

/* Under a Spanish locale the summary is in Spanish, with Spanish month
 * names and the locale's paper; with a pack the catalogue lacks a text
 * of, it is in English throughout. */
static void
test_export_pdf_spanish (Export        *f,
                         gconstpointer  data)
{
  g_autofree char *pack = ot_test_pack_one_untranslated (f->dir);
  g_autoptr(GDate) visit = g_date_new_dmy (17, G_DATE_MARCH, 2026);
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;

  ot_worksheet_set_patient_name (f->worksheet, "José Ñúñez");
  ot_worksheet_set_next_visit (f->worksheet, visit);
  ot_worksheet_set_role (f->worksheet, "shared");
  save_sheet (f->worksheet, f->sheet);

  text = export_in ("es_ES.UTF-8", f->sheet, NULL, f->pdf, &info);
  g_assert_nonnull (strstr (text, "José Ñúñez"));
  g_assert_nonnull (strstr (text, "17 de marzo de 2026"));
  /* The hand-out: the options at a glance, none chosen yet. */
  g_assert_nonnull (strstr (text, "Mis opciones de un vistazo"));
  g_assert_nonnull (strstr (text, "Todavía no hay opciones elegidas."));
  /* No published Spanish version of the questionnaires: a note instead. */
  g_assert_nonnull (strstr (text, "(la Escala de Preferencias de Control)"));
  g_assert_null (strstr (text, "I prefer"));
  g_assert_null (strstr (text, "March"));
  g_assert_null (strstr (text, "Chemotherapy"));
  g_assert_nonnull (strstr (info, "(A4)"));
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&info, g_free);

  text = export_in ("es_US.UTF-8", f->sheet, NULL, f->pdf, &info);
  g_assert_nonnull (strstr (text, "17 de marzo de 2026"));
  g_assert_nonnull (strstr (info, "(letter)"));
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&info, g_free);

  text = export_in ("es_ES.UTF-8", f->sheet, pack, f->pdf, &info);
  g_assert_nonnull (strstr (text, "17 March 2026"));
  g_assert_nonnull (strstr (text, "My options at a glance"));
  g_assert_nonnull (strstr (text, "I prefer that my doctor and I share responsibility"));
  g_assert_null (strstr (text, "marzo"));
  g_assert_null (strstr (text, "Mis opciones"));
}

/* A full worksheet with four compared treatments in Spanish, which takes
 * about a tenth more room than English: the hand-out still keeps to two
 * pages, with the four options side by side on page 1, in type made a
 * little smaller (nine tenths at the least).  A hand-out far over two
 * pages keeps its usual type. */
static void
test_export_spanish_handout (Export        *f,
                             gconstpointer  data)
{
  static const char * const locales[] = { "es_ES.UTF-8", "es_US.UTF-8" };
  static const char * const names[] = {
    "FOLFOX (5-FU, leucovorina", "FOLFIRI (5-FU, leucovorina", "Medicamentos anti-EGFR", "Pembrolizumab (Keytruda)",
  };
  g_autoptr(GString) notes = g_string_new (NULL);
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;
  double usual;
  guint pages;

  ot_test_worksheet_fill (f->worksheet);
  save_sheet (f->worksheet, f->sheet);
  g_free (export_version (f->pdf, f->sheet, "a4", NULL, &pages));
  usual = ot_test_pdf_word_height (f->pdf, "José");

  for (guint i = 0; i < G_N_ELEMENTS (locales); i++)
    {
      g_autofree char *first = NULL;
      double height;

      text = export_in (locales[i], f->sheet, NULL, f->pdf, &info);
      g_assert_cmpuint (ot_test_info_pages (info), ==, 2);
      first = g_strndup (text, strstr (text, "\f") - text);
      for (guint n = 0; n < G_N_ELEMENTS (names); n++)
        g_assert_nonnull (strstr (first, names[n]));
      g_assert_null (strstr (first, "Preguntas para hacer"));
      height = ot_test_pdf_word_height (f->pdf, "José");
      g_test_message ("%s: the name's type is %.3f of the usual", locales[i], height / usual);
      g_assert_cmpfloat (height, <, usual);
      g_assert_cmpfloat (height, >=, 0.9 * usual - 0.01);
      g_clear_pointer (&text, g_free);
      g_clear_pointer (&info, g_free);
    }

  for (guint i = 0; i < 60; i++)
    g_string_append (notes, "Ask whether the scan can be on the same day as the drip, and who to call at night. ");
  ot_worksheet_set_notes (f->worksheet, notes->str);
  save_sheet (f->worksheet, f->sheet);
  text = export_in (locales[0], f->sheet, NULL, f->pdf, &info);
  g_assert_cmpuint (ot_test_info_pages (info), >, 3);
  g_assert_cmpfloat_with_epsilon (ot_test_pdf_word_height (f->pdf, "José"), usual, 0.01);
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
  g_assert_nonnull (strstr (run.out, "--review-sheet"));
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
  g_autofree char *pack = ot_test_pack_path ("minimal.xml");
  g_autofree char *dir = g_dir_make_tmp ("ot-cli-XXXXXX", NULL);
  g_autofree char *cwd = g_get_current_dir ();
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
    { { "--validate-content", pack, "--review-sheet", "out.pdf" }, "--validate-content and --review-sheet cannot go together" },
    { { "--export-pdf", "out.pdf", "--review-sheet", "review.pdf" }, "--export-pdf and --review-sheet cannot go together" },
    { { "--review-sheet", "review.pdf", "visit.optiontalk" }, "“visit.optiontalk”" },
    { { "--full" }, "--full goes with --export-pdf" },
    { { "--review-sheet", "review.pdf", "--large-print" }, "--review-sheet and --large-print cannot go together" },
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
  g_assert_cmpint (g_chdir (cwd), ==, 0);
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
  g_autofree char *minimal = ot_test_pack_path ("minimal.xml");
  g_autofree char *pack_text = NULL;
  g_autoptr(OtWorksheet) worksheet = ot_worksheet_new ();
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
  save_sheet (worksheet, sheet);
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

/* pdftotext's text with the page furniture dropped and what line
 * breaking adds or takes away (spaces, hyphens) removed, so that a
 * statement reads the same wherever its lines broke. */
static char *
squeeze (const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && c != '-')
        g_string_append_unichar (out, c);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
sheet_text (const char *pdf)
{
  g_autofree char *text = ot_test_pdf_text (pdf);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GString) kept = g_string_new (NULL);

  /* A new page starts with a form feed. */
  for (guint i = 0; lines[i]; i++)
    if (!g_str_has_prefix (g_strstrip (lines[i]), "Review sheet of the content pack,")
        && !g_str_has_prefix (lines[i], "Page ")
        && !g_str_equal (lines[i], "OK Statement or number, and its source")
        && !g_str_equal (lines[i], "Comment"))
      g_string_append_printf (kept, "%s\n", lines[i]);

  return squeeze (kept->str);
}

static void
assert_on_sheet (const char *sheet,
                 const char *statement)
{
  g_autofree char *squeezed = squeeze (statement);

  if (strstr (sheet, squeezed) == NULL)
    g_error ("Not on the review sheet: %s", statement);
}

static void
assert_texts_on_sheet (const char *sheet,
                       GPtrArray  *texts)
{
  for (guint i = 0; i < texts->len; i++)
    assert_on_sheet (sheet, ((OtText *) g_ptr_array_index (texts, i))->text);
}

/* Every statement of the shipped pack is on its review sheet, with the
 * pack's version and the checksum of the file that was read. */
static void
test_review_sheet (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *path = ot_test_shipped_pack_path ();
  g_autofree char *dir = g_dir_make_tmp ("ot-cli-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "review.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(OtContent) pack = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *bytes = NULL;
  g_autofree char *checksum = NULL;
  g_autofree char *text = NULL;
  g_autofree char *sheet = NULL;
  gsize length;
  GPtrArray *list;

  pack = ot_content_new_from_file (file, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &bytes, &length, NULL));
  checksum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) bytes, length);

  run_option_talk (&run, "--review-sheet", pdf, "--content", path, "--paper", "a4", NULL);
  g_test_message ("%s%s", run.out, run.err);
  g_assert_cmpint (exit_status (&run), ==, 0);
  /* No warning from GLib, Pango or cairo (under the sanitizers, LeakSanitizer
   * may still list the suppressions it used). */
  g_assert_null (strstr (run.err, " **: "));

  text = ot_test_pdf_text (pdf);
  g_assert_nonnull (strstr (text, ot_content_get_meta (pack)->version));
  g_assert_nonnull (strstr (text, checksum));
  g_assert_nonnull (strstr (text, "No review of this content by a clinician has been recorded yet."));
  g_assert_nonnull (strstr (text, "☐"));

  sheet = sheet_text (pdf);
  list = ot_content_get_topics (pack);
  for (guint i = 0; i < list->len; i++)
    assert_texts_on_sheet (sheet, ((OtTopic *) g_ptr_array_index (list, i))->paras);
  list = ot_content_get_substages (pack);
  for (guint i = 0; i < list->len; i++)
    assert_texts_on_sheet (sheet, ((OtTopic *) g_ptr_array_index (list, i))->paras);
  list = ot_content_get_categories (pack);
  for (guint i = 0; i < list->len; i++)
    {
      const OtCategory *category = g_ptr_array_index (list, i);

      for (guint j = 0; j < ot_content_get_rows (pack)->len; j++)
        assert_on_sheet (sheet, category->cells[j].text);
      for (guint j = 0; j < category->treatments->len; j++)
        {
          const OtTreatment *treatment = g_ptr_array_index (category->treatments, j);

          assert_on_sheet (sheet, treatment->short_text);
          assert_on_sheet (sheet, treatment->about.text);
        }
    }
  list = ot_content_get_side_effects (pack);
  for (guint i = 0; i < list->len; i++)
    {
      const OtSideEffect *effect = g_ptr_array_index (list, i);

      assert_on_sheet (sheet, effect->about.text);
      assert_on_sheet (sheet, effect->managing.text);
    }
  list = ot_content_get_frequencies (pack);
  for (guint i = 0; i < list->len; i++)
    {
      const OtFrequency *frequency = g_ptr_array_index (list, i);
      g_autofree char *label = g_strdup_printf ("%s, %s", frequency->treatment->name, frequency->effect->name);

      assert_on_sheet (sheet, label);
      if (frequency->note != NULL)
        assert_on_sheet (sheet, frequency->note);
      if (frequency->has_figure && frequency->count >= 0)
        {
          g_autofree char *count = g_strdup_printf ("%s %g", frequency->count_grades == OT_GRADES_ANY
                                                                   ? "any grade" : "grade 2 or worse",
                                                    frequency->count);

          assert_on_sheet (sheet, count);
        }
    }
  list = ot_content_get_biomarkers (pack);
  for (guint i = 0; i < list->len; i++)
    {
      const OtBiomarker *biomarker = g_ptr_array_index (list, i);

      assert_on_sheet (sheet, biomarker->measures.text);
      for (guint j = 0; j < biomarker->results->len; j++)
        assert_on_sheet (sheet, ((OtResult *) g_ptr_array_index (biomarker->results, j))->meaning.text);
    }
  list = ot_content_get_rules (pack);
  for (guint i = 0; i < list->len; i++)
    assert_on_sheet (sheet, ((OtFitRule *) g_ptr_array_index (list, i))->reason);
  /* Where a rule's tumor started, in the words of My Situation. */
  {
    g_autofree char *sides = g_strdup_printf ("Where it started: %s or %s", ot_side_to_string (OT_SIDE_LEFT),
                                              ot_side_to_string (OT_SIDE_RECTUM));

    assert_on_sheet (sheet, sides);
  }
  list = ot_content_get_glossary (pack);
  for (guint i = 0; i < list->len; i++)
    assert_on_sheet (sheet, ((OtTerm *) g_ptr_array_index (list, i))->definition.text);
  list = ot_content_get_sources (pack);
  for (guint i = 0; i < list->len; i++)
    assert_on_sheet (sheet, ((OtSource *) g_ptr_array_index (list, i))->title);

  g_unlink (pdf);
  g_rmdir (dir);
}

/* A review recorded in the pack's header is on the sheet, said as a
 * person would read it. */
static void
test_review_recorded (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *minimal = ot_test_pack_path ("minimal.xml");
  g_autofree char *dir = g_dir_make_tmp ("ot-cli-XXXXXX", NULL);
  g_autofree char *pack = g_build_filename (dir, "reviewed.xml", NULL);
  g_autofree char *pdf = g_build_filename (dir, "review.pdf", NULL);
  g_autofree char *xml = NULL;
  g_autofree char *reviewed = NULL;
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) parts = NULL;

  g_assert_true (g_file_get_contents (minimal, &xml, NULL, NULL));
  parts = g_strsplit (xml, "</meta>", 2);
  reviewed = g_strconcat (parts[0],
                          "<review role=\"Medical oncologist\" date=\"2026-12-01\" version=\"0.0.1\""
                          " sections=\"options side-effects\"/>"
                          "<review role=\"Oncology pharmacist\" date=\"2026-10-02\" version=\"0.0.0\""
                          " sections=\"condition options side-effects frequencies biomarkers fit-rules"
                          " outcomes values questions glossary\"/></meta>", parts[1], NULL);
  g_assert_true (g_file_set_contents (pack, reviewed, -1, NULL));

  run_option_talk (&run, "--review-sheet", pdf, "--content", pack, NULL);
  g_test_message ("%s%s", run.out, run.err);
  g_assert_cmpint (exit_status (&run), ==, 0);

  raw = ot_test_pdf_text (pdf);
  text = squeeze (raw);
  assert_on_sheet (text, "Medical oncologist, 1 December 2026: reviewed Treatment options, Side effects "
                         "of version 0.0.1.");
  assert_on_sheet (text, "Oncology pharmacist, 2 October 2026: reviewed all sections of version 0.0.0, "
                         "an earlier version.");

  g_unlink (pdf);
  g_unlink (pack);
  g_rmdir (dir);
}

/* The long options --help lists, such as "--export-pdf". */
static GPtrArray *
help_options (void)
{
  g_auto(Run) run = { 0 };
  g_autoptr(GRegex) regex = g_regex_new ("^  (?:-., )?(--[a-z-]+)", G_REGEX_MULTILINE, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  GPtrArray *options = g_ptr_array_new_with_free_func (g_free);

  run_option_talk (&run, "--help", NULL);
  for (g_regex_match (regex, run.out, 0, &match); g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      char *option = g_match_info_fetch (match, 1);

      /* GApplication's own help groups are not options of the program. */
      if (g_str_has_prefix (option, "--help-"))
        g_free (option);
      else
        g_ptr_array_add (options, option);
    }
  g_assert_cmpuint (options->len, >=, 7);
  return options;
}

/* The manual page, as man shows it, describes every option and the
 * exit statuses. */
static void
test_man_page (void)
{
  const char *page = g_getenv ("OPTION_TALK_MAN");
  const char *argv[] = { "man", "-l", page, NULL };
  g_autoptr(GPtrArray) options = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "MANWIDTH", "200", TRUE);
  int status;

  if (page == NULL || *page == '\0')
    {
      g_test_skip ("built without the manual page (-Dman=disabled)");
      return;
    }

  env = g_environ_setenv (env, "MAN_KEEP_FORMATTING", "", TRUE);
  g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &text, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  g_assert_nonnull (strstr (text, "option-talk - talk through the treatment options"));
  options = help_options ();
  for (guint i = 0; i < options->len; i++)
    {
      /* An entry of the list of options: "       -h, --help". */
      g_autofree char *entry = g_strdup_printf ("^ {7}(-., )?%s( |$)", (char *) options->pdata[i]);

      if (!g_regex_match_simple (entry, text, G_REGEX_MULTILINE, 0))
        g_error ("the manual page does not describe %s", (char *) options->pdata[i]);
    }
  g_assert_nonnull (strstr (text, "EXIT STATUS"));
  g_assert_nonnull (strstr (text, "The command line is wrong"));
}

/* What bash offers after "option-talk WORDS": the completion is run as
 * bash runs it when Tab is pressed. */
static char *
complete (const char *line)
{
  g_autofree char *script = g_strdup_printf (
    "source /usr/share/bash-completion/bash_completion && source \"$OPTION_TALK_COMPLETION\" && "
    "COMP_LINE='option-talk %s' && COMP_POINT=${#COMP_LINE} && "
    "read -ra COMP_WORDS <<< \"$COMP_LINE\" && "
    "[[ $COMP_LINE == *' ' ]] && COMP_WORDS+=('') ; "
    "COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 )) && _option_talk && printf '%%s\\n' \"${COMPREPLY[@]}\"",
    line);
  const char *argv[] = { "bash", "-c", script, NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static void
test_completion (void)
{
  g_autoptr(GPtrArray) options = NULL;
  g_autofree char *all = NULL;
  g_autofree char *paper = NULL;
  g_autofree char *review = NULL;

  if (!g_file_test ("/usr/share/bash-completion/bash_completion", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("bash-completion is not installed");
      return;
    }

  all = complete ("--");
  options = help_options ();
  for (guint i = 0; i < options->len; i++)
    {
      g_autofree char *line = g_strdup_printf ("%s\n", (char *) options->pdata[i]);

      if (strstr (all, line) == NULL)
        g_error ("bash does not complete %s", (char *) options->pdata[i]);
    }

  paper = complete ("--export-pdf out.pdf --paper ");
  g_assert_cmpstr (paper, ==, "a4\nletter\n");
  review = complete ("--rev");
  g_assert_cmpstr (review, ==, "--review-sheet\n");
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
  g_test_add ("/cli/export-pdf", Export, NULL, export_set_up, test_export_pdf, export_tear_down);
  g_test_add ("/cli/export-versions", Export, NULL, export_set_up, test_export_versions, export_tear_down);
  g_test_add ("/cli/export-pdf-spanish", Export, NULL, export_set_up, test_export_pdf_spanish, export_tear_down);
  g_test_add ("/cli/export-spanish-handout", Export, NULL, export_set_up, test_export_spanish_handout, export_tear_down);
  g_test_add_func ("/cli/export-bad-worksheet", test_export_bad_worksheet);
  g_test_add_func ("/cli/export-refuses-output", test_export_refuses_output);
  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/usage-errors", test_usage_errors);
  g_test_add_func ("/cli/review-sheet", test_review_sheet);
  g_test_add_func ("/cli/review-recorded", test_review_recorded);
  g_test_add_func ("/cli/man-page", test_man_page);
  g_test_add_func ("/cli/completion", test_completion);

  return g_test_run ();
}
