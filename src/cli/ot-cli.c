/* ot-cli.c: the command-line tools, which need no display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ot-cli"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "ot-cli.h"
#include "ot-pdf.h"
#include "ot-worksheet-io.h"

/* One tool a run: what it may be given besides its own argument. */
typedef struct
{
  const char *name;
  gboolean    takes_content;
  gboolean    takes_paper;
  gboolean    takes_worksheet;
  int       (*run) (GVariantDict *options,
                    const char   *arg);
} Tool;

static const GOptionEntry tool_entries[] = {
  { "validate-content", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Check a content pack, print what is wrong and exit"), N_("FILE") },
  { "export-pdf", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Save the summary of WORKSHEET as a PDF and exit; needs no display"), N_("OUT.pdf") },
  { "review-sheet", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Save every statement and number of the content pack, with its sources, as a PDF "
       "for a clinician to review, and exit"), N_("OUT.pdf") },
  { "paper", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Paper size for --export-pdf and --review-sheet: a4 or letter (default: from the locale)"),
    N_("SIZE") },
  { "full", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --export-pdf: the full summary (every option, the side-effect chart and table, "
       "every reference) instead of the two-page hand-out"), NULL },
  { "large-print", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --export-pdf: larger type (14 pt body text)"), NULL },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and exit"), NULL },
  { NULL }
};

/* A usage error: the command line cannot be run as written. */
static int
usage_error (const char *format,
             ...) G_GNUC_PRINTF (1, 2);

static int
usage_error (const char *format,
             ...)
{
  g_autofree char *problem = NULL;
  va_list args;

  va_start (args, format);
  problem = g_strdup_vprintf (format, args);
  va_end (args);

  /* Translators: "option-talk: PROBLEM (see option-talk --help)" */
  g_printerr (_("%s: %s (see %s --help)\n"), g_get_prgname (), problem, g_get_prgname ());
  return OT_EXIT_USAGE;
}

static int
task_error (const char *message)
{
  g_printerr ("%s\n", message);
  return OT_EXIT_FAILURE;
}

/* The pack named with --content, or the built-in one. */
static OtContent *
load_content (GVariantDict  *options,
              GError       **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;

  if (!g_variant_dict_lookup (options, "content", "^ay", &path))
    return ot_content_new_default (error);

  file = g_file_new_for_commandline_arg (path);
  return ot_content_new_from_file (file, error);
}

static gboolean
same_file (const GStatBuf *a,
           const char     *path)
{
  GStatBuf b;

  return g_stat (path, &b) == 0 && a->st_dev == b.st_dev && a->st_ino == b.st_ino;
}

/* A mistyped command must never replace a worksheet or a pack: the PDF
 * goes only to a new file or over an older PDF, never over a file the
 * tool reads. */
static gboolean
check_output (const char          *out,
              const char * const  *inputs,
              GError             **error)
{
  g_autofree char *name = g_filename_display_name (out);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GInputStream) stream = NULL;
  char magic[5] = { 0 };
  gsize n_read = 0;
  GStatBuf st;

  if (g_stat (out, &st) != 0)
    return TRUE;

  for (guint i = 0; inputs[i] != NULL; i++)
    if (same_file (&st, inputs[i]))
      {
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                     _("“%s” is a file this command reads; give the PDF another name"), name);
        return FALSE;
      }

  if (S_ISDIR (st.st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   _("“%s” is a folder; give the PDF a file name"), name);
      return FALSE;
    }

  file = g_file_new_for_path (out);
  stream = G_INPUT_STREAM (g_file_read (file, NULL, NULL));
  if (stream != NULL)
    g_input_stream_read_all (stream, magic, sizeof magic, &n_read, NULL, NULL);
  if (n_read != sizeof magic || memcmp (magic, "%PDF-", sizeof magic) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("“%s” already exists and is not a PDF; it was left as it is"), name);
      return FALSE;
    }

  return TRUE;
}

/* --paper, once checked, or the locale's paper. */
static OtPaper
get_paper (GVariantDict *options)
{
  g_autofree char *name = NULL;
  OtPaper paper = ot_paper_from_locale ();

  if (g_variant_dict_lookup (options, "paper", "s", &name))
    ot_paper_from_string (name, &paper);
  return paper;
}

static int
run_version (GVariantDict *options,
             const char   *arg)
{
  g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
  return EXIT_SUCCESS;
}

static int
run_validate (GVariantDict *options,
              const char   *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(OtContent) pack = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_parse_name (file);

  pack = ot_content_new_from_file (file, &error);
  if (pack == NULL)
    return task_error (error->message);

  g_print (_("%s: a valid content pack, version %s\n"), name, ot_content_get_meta (pack)->version);
  return EXIT_SUCCESS;
}

/* Writes the pages and says where they went: "OUT.pdf: the summary, 6 pages". */
static int
write_pdf (OtSummary  *document,
           const char *out)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (out);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  guint n_pages = ot_summary_get_n_pages (document);

  if (!ot_pdf_write (document, file, &error))
    return task_error (error->message);

  name = g_file_get_parse_name (file);
  /* Translators: "visit.pdf: Summary for the visit, 6 pages" */
  g_print (g_dngettext (NULL, "%s: %s, %u page\n", "%s: %s, %u pages\n", n_pages),
           name, ot_summary_get_title (document), n_pages);
  return EXIT_SUCCESS;
}

/* option-talk --export-pdf OUT.pdf WORKSHEET: model and render only, so
 * it runs with no display and no session bus. */
static int
run_export_pdf (GVariantDict *options,
                const char   *out)
{
  g_autofree const char **worksheets = NULL;
  g_autofree char *content_path = NULL;
  g_autoptr(OtContent) pack = NULL;
  g_autoptr(OtWorksheet) worksheet = NULL;
  g_autoptr(OtSummary) summary = NULL;
  g_autoptr(GFile) worksheet_file = NULL;
  g_autoptr(GError) error = NULL;
  const char *inputs[3] = { NULL };
  OtSummaryFlags flags = 0;
  double width, height;

  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &worksheets);
  if (worksheets == NULL || worksheets[0] == NULL)
    return usage_error (_("--export-pdf needs a worksheet: option-talk --export-pdf OUT.pdf WORKSHEET.optiontalk"));
  if (worksheets[1] != NULL)
    return usage_error (_("--export-pdf takes one worksheet, not %u"), g_strv_length ((char **) worksheets));

  inputs[0] = worksheets[0];
  if (g_variant_dict_lookup (options, "content", "^ay", &content_path))
    inputs[1] = content_path;
  if (!check_output (out, inputs, &error))
    return task_error (error->message);

  pack = load_content (options, &error);
  if (pack == NULL)
    return task_error (error->message);
  {
    g_autoptr(GFile) content_file = content_path ? g_file_new_for_commandline_arg (content_path) : NULL;

    ot_content_use_one_language (&pack, content_file);
  }

  worksheet_file = g_file_new_for_commandline_arg (worksheets[0]);
  worksheet = ot_worksheet_io_open (worksheet_file, &error);
  if (worksheet == NULL)
    return task_error (error->message);

  ot_paper_get_size (get_paper (options), &width, &height);
  if (g_variant_dict_contains (options, "full"))
    flags |= OT_SUMMARY_FULL;
  if (g_variant_dict_contains (options, "large-print"))
    flags |= OT_SUMMARY_LARGE_PRINT;
  summary = ot_summary_new_with_flags (pack, worksheet, width, height, NULL, flags);
  return write_pdf (summary, out);
}

/* option-talk --review-sheet OUT.pdf [--content FILE]: every statement of
 * the pack, for a clinician to tick or comment. */
static int
run_review_sheet (GVariantDict *options,
                  const char   *out)
{
  g_autofree char *content_path = NULL;
  g_autoptr(OtContent) pack = NULL;
  g_autoptr(OtSummary) sheet = NULL;
  g_autoptr(GError) error = NULL;
  const char *inputs[2] = { NULL };
  double width, height;

  if (g_variant_dict_lookup (options, "content", "^ay", &content_path))
    inputs[0] = content_path;
  if (!check_output (out, inputs, &error))
    return task_error (error->message);

  pack = load_content (options, &error);
  if (pack == NULL)
    return task_error (error->message);

  ot_paper_get_size (get_paper (options), &width, &height);
  sheet = ot_summary_new_review_sheet (pack, width, height, NULL);
  return write_pdf (sheet, out);
}

static const Tool tools[] = {
  { "version", FALSE, FALSE, FALSE, run_version },
  { "validate-content", FALSE, FALSE, FALSE, run_validate },
  { "export-pdf", TRUE, TRUE, TRUE, run_export_pdf },
  { "review-sheet", TRUE, TRUE, FALSE, run_review_sheet },
};

/* How the summary of --export-pdf is laid out. */
static const char * const summary_options[] = { "full", "large-print" };

/* Refuses options that cannot go together, rather than skipping one of
 * them silently; then runs the tool asked for.  Returns -1, to start the
 * window, when no tool is asked for. */
static int
handle_local_options_cb (GApplication *app,
                         GVariantDict *options,
                         gboolean     *parsed)
{
  const Tool *tool = NULL;
  g_autofree char *arg = NULL;
  g_autofree const char **files = NULL;
  g_autofree char *paper = NULL;
  OtPaper unused;

  *parsed = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (tools); i++)
    {
      if (!g_variant_dict_contains (options, tools[i].name))
        continue;
      if (tool != NULL)
        return usage_error (_("--%s and --%s cannot go together"), tool->name, tools[i].name);
      tool = &tools[i];
    }

  if (tool == NULL)
    {
      if (g_variant_dict_contains (options, "paper"))
        return usage_error (_("--paper goes with --export-pdf or --review-sheet"));
      for (guint i = 0; i < G_N_ELEMENTS (summary_options); i++)
        if (g_variant_dict_contains (options, summary_options[i]))
          return usage_error (_("--%s goes with --export-pdf"), summary_options[i]);
      return -1;
    }

  for (guint i = 0; i < G_N_ELEMENTS (summary_options); i++)
    if (!g_str_equal (tool->name, "export-pdf") && g_variant_dict_contains (options, summary_options[i]))
      return usage_error (_("--%s and --%s cannot go together"), tool->name, summary_options[i]);

  if (!tool->takes_content && g_variant_dict_contains (options, "content"))
    return usage_error (_("--%s and --content cannot go together"), tool->name);
  if (!tool->takes_paper && g_variant_dict_contains (options, "paper"))
    return usage_error (_("--%s and --paper cannot go together"), tool->name);
  if (!tool->takes_worksheet
      && g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &files) && files[0] != NULL)
    return usage_error (_("--%s takes no worksheet, but “%s” was given"), tool->name, files[0]);
  if (g_variant_dict_lookup (options, "paper", "s", &paper) && !ot_paper_from_string (paper, &unused))
    return usage_error (_("unknown paper size “%s”: use a4 or letter"), paper);

  g_variant_dict_lookup (options, tool->name, "^ay", &arg);
  return tool->run (options, arg);
}

/**
 * ot_cli_run:
 *
 * Runs @app with the command-line tools added to its options.  The tools
 * run before any display or bus is touched, so they work on a machine
 * with neither; without one, @app starts as usual.
 *
 * Returns: the exit status: %OT_EXIT_USAGE when the command line is wrong,
 * %OT_EXIT_FAILURE when a task failed.
 */
int
ot_cli_run (GApplication  *app,
            int            argc,
            char         **argv)
{
  gboolean parsed = FALSE;
  int status;

  g_return_val_if_fail (G_IS_APPLICATION (app), OT_EXIT_FAILURE);

  g_application_add_main_option_entries (app, tool_entries);
  g_application_set_option_context_summary (app,
    _("Talk through the treatment options for stage IV colorectal cancer together with your "
      "oncologist.\n\n"
      "With no options, Option Talk opens its window; with a WORKSHEET, it opens that worksheet. "
      "--export-pdf, --review-sheet, --validate-content and --version do their task and exit, "
      "with no window and no display."));
  g_application_set_option_context_description (app,
    _("Examples:\n"
      "  option-talk visit.optiontalk\n"
      "      Open a saved worksheet.\n"
      "  option-talk --export-pdf visit.pdf --paper letter visit.optiontalk\n"
      "      Save the two-page hand-out of a worksheet as a PDF on Letter paper.\n"
      "  option-talk --export-pdf visit.pdf --full --large-print visit.optiontalk\n"
      "      Save the full summary in large print.\n"
      "  option-talk --validate-content clinic-pack.xml\n"
      "      Check a clinic's own content pack.\n"
      "  option-talk --review-sheet review.pdf --content clinic-pack.xml\n"
      "      Save every statement of a pack, with its sources, for a clinician to review.\n"
      "\n"
      "Exit status: 0 when done, 1 when a task failed, 2 when the command line is wrong.\n"
      "See option-talk(1) for more.\n"));
  g_signal_connect (app, "handle-local-options", G_CALLBACK (handle_local_options_cb), &parsed);

  status = g_application_run (app, argc, argv);

  /* GApplication checks the options first and reports what it refuses
   * (an unknown option, a missing value) before this file's handler runs. */
  return parsed ? status : OT_EXIT_USAGE;
}
