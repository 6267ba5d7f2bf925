/* test-summary-view.c: the Summary view under Xvfb: the preview, zoom,
 * paper, export and print, and my options at a glance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>

#include "ot-compat.h"
#include "ot-fit.h"
#include "ot-glance-grid.h"
#include "ot-long-label.h"
#include "ot-pdf.h"
#include "ot-print-operation.h"
#include "ot-summary-page.h"
#include "ot-summary-view.h"
#include "ot-test-files.h"
#include "ot-test-ui.h"
#include "ot-test-worksheet.h"

/* The file chooser loads libraries that keep a little memory for the life
 * of the process; lsan.supp names them, which needs the slow unwinder to
 * see through GLib, built without frame pointers, a dozen frames deep.
 * Read only by AddressSanitizer. */
const char *__asan_default_options (void);

const char *
__asan_default_options (void)
{
  return "fast_unwind_on_malloc=0:malloc_context_size=12";
}

static gboolean
has_action (GtkWidget     *widget,
            gconstpointer  action)
{
  return g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *action)
{
  return ot_test_ui_find (root, GTK_TYPE_BUTTON, has_action, action);
}

static GPtrArray *
find_pages (GtkWidget *view)
{
  GtkWidget *first = ot_test_ui_find (view, OT_TYPE_SUMMARY_PAGE, NULL, NULL);
  GPtrArray *pages = g_ptr_array_new ();

  for (GtkWidget *page = first; page; page = gtk_widget_get_next_sibling (page))
    if (gtk_widget_get_visible (page))
      g_ptr_array_add (pages, page);
  return pages;
}

typedef struct
{
  GtkWidget *widget;
  int        width;
} WidthWait;

static gboolean
width_is (gpointer data)
{
  WidthWait *wait = data;

  return gtk_widget_get_width (wait->widget) == wait->width;
}

/* Waits until @widget is @width pixels wide: allocation comes in its own
 * time, later under the sanitizers. */
static void
wait_for_width (GtkWidget *widget,
                int        width)
{
  WidthWait wait = { widget, width };

  ot_test_ui_wait_until (width_is, &wait);
}

typedef struct
{
  GtkWidget *page;
  OtSummary *summary;
} SummaryWait;

static gboolean
summary_replaced (gpointer data)
{
  SummaryWait *wait = data;

  return ot_summary_page_get_summary (OT_SUMMARY_PAGE (wait->page)) != wait->summary;
}

/* Activates @action on the view and waits for the pages it lays out. */
static GPtrArray *
activate_and_wait (GtkWidget  *view,
                   const char *action)
{
  SummaryWait wait;

  wait.page = ot_test_ui_find (view, OT_TYPE_SUMMARY_PAGE, NULL, NULL);
  wait.summary = ot_summary_page_get_summary (OT_SUMMARY_PAGE (wait.page));
  gtk_widget_activate_action (view, action, NULL);
  ot_test_ui_wait_until (summary_replaced, &wait);
  return find_pages (view);
}

static gboolean
widget_allocated (gpointer data)
{
  return gtk_widget_get_width (data) > 0 && gtk_widget_get_mapped (data);
}

static gboolean
alert_shown (gpointer data)
{
  return ot_alert_get_shown () != NULL;
}

static gboolean
file_exists (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS);
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

static gboolean
toplevel_shown (gpointer data)
{
  return find_toplevel (GPOINTER_TO_SIZE (data)) != NULL;
}

static gboolean
narrow (gpointer data)
{
  return gtk_widget_get_width (data) <= 400;
}

static gboolean
first_page_allocated (gpointer data)
{
  GtkWidget *page = ot_test_ui_find (data, OT_TYPE_SUMMARY_PAGE, NULL, NULL);

  return page != NULL && gtk_widget_get_width (page) > 0;
}

static gboolean
first_page_letter (gpointer data)
{
  GtkWidget *page = ot_test_ui_find (data, OT_TYPE_SUMMARY_PAGE, NULL, NULL);
  int width = gtk_widget_get_width (page);

  return width > 0 && fabs ((double) gtk_widget_get_height (page) / width - 792.0 / 612.0) < 0.01;
}

static GtkWidget *
show_summary (OtWindow *window)
{
  GtkWidget *view = ot_test_ui_show_view (window, "summary");

  ot_test_ui_wait_until (first_page_allocated, view);
  return view;
}

static void
preview_body (OtApplication *app,
              OtWindow      *window)
{
  OtWorksheet *worksheet = ot_window_get_worksheet (window);
  g_autoptr(GPtrArray) pages = NULL;
  g_autoptr(GPtrArray) longer = NULL;
  GtkWidget *view, *first;
  OtSummary *summary;
  g_autofree char *count = NULL;
  SummaryWait wait;
  int fit_width, min_width;

  ot_test_worksheet_fill (worksheet);
  view = show_summary (window);

  /* One page widget for each page of the summary, drawn by the renderer
   * that makes the PDF, on A4 paper in the C locale: the hand-out, whose
   * first page is the options at a glance. */
  pages = find_pages (view);
  g_assert_cmpuint (pages->len, ==, 2);
  first = pages->pdata[0];
  summary = ot_summary_page_get_summary (OT_SUMMARY_PAGE (first));
  g_assert_cmpuint (ot_summary_get_n_pages (summary), ==, pages->len);
  g_assert_cmpfloat_with_epsilon (ot_summary_get_page_width (summary), 595.276, 0.01);
  for (guint i = 0; i < pages->len; i++)
    g_assert_cmpuint (ot_summary_page_get_page (pages->pdata[i]), ==, i);
  count = g_strdup_printf ("%u pages", pages->len);
  g_assert_nonnull (ot_test_ui_find_label (view, count));

  /* Fitting the width: the page fills the view, less its margins, and has
   * the shape of A4. */
  fit_width = gtk_widget_get_width (first);
  g_assert_cmpint (fit_width, >, 600);
  g_assert_cmpint (fit_width, <=, gtk_widget_get_width (view) - 48);
  g_assert_cmpfloat_with_epsilon ((double) gtk_widget_get_height (first) / fit_width, 841.89 / 595.276, 0.01);
  ot_test_ui_screenshot (GTK_WIDGET (window), "summary-view");

  /* Zoom out as far as it goes, then in, step by step, then back to the
   * width. */
  for (guint i = 0; i < 10; i++)
    gtk_widget_activate_action (view, "summary.zoom-out", NULL);
  wait_for_width (first, (int) ceil (595.276 * 96.0 / 72.0 * 0.5));
  ot_test_ui_wait ();
  g_assert_nonnull (ot_test_ui_find_label (view, "50 %"));
  g_assert_false (gtk_widget_get_sensitive (find_button (view, "summary.zoom-out")));
  ot_test_ui_screenshot (GTK_WIDGET (window), "summary-view-50");
  for (guint i = 0; i < 3; i++)
    gtk_widget_activate_action (view, "summary.zoom-in", NULL);
  wait_for_width (first, (int) ceil (595.276 * 96.0 / 72.0));
  ot_test_ui_wait ();
  g_assert_nonnull (ot_test_ui_find_label (view, "100 %"));
  ot_test_ui_screenshot (GTK_WIDGET (window), "summary-view-100");
  for (guint i = 0; i < 10; i++)
    gtk_widget_activate_action (view, "summary.zoom-in", NULL);
  wait_for_width (first, (int) ceil (595.276 * 96.0 / 72.0 * 3));
  /* At the largest zoom, Zoom In is greyed out. */
  g_assert_false (gtk_widget_get_sensitive (find_button (view, "summary.zoom-in")));
  g_assert_true (gtk_widget_get_sensitive (find_button (view, "summary.zoom-out")));
  gtk_widget_activate_action (view, "summary.zoom-fit", NULL);
  wait_for_width (first, fit_width);
  g_assert_nonnull (ot_test_ui_find_label (view, "Fit Width"));

  /* The full version and large print: more pages, the same first page. */
  {
    g_autoptr(GPtrArray) full = NULL;
    g_autoptr(GPtrArray) large = NULL;
    g_autoptr(GPtrArray) again = NULL;
    g_autofree char *hand_out = ot_summary_describe_page (summary, 0);
    g_autofree char *full_first = NULL;

    full = activate_and_wait (view, "summary.full");
    g_assert_cmpuint (full->len, >=, 8);
    full_first = ot_summary_describe_page (ot_summary_page_get_summary (full->pdata[0]), 0);
    g_assert_true (g_str_has_suffix (hand_out, ": My options at a glance"));
    g_assert_true (g_str_has_suffix (full_first, ": My options at a glance"));
    g_ptr_array_unref (activate_and_wait (view, "summary.full"));
    large = activate_and_wait (view, "summary.large-print");
    g_assert_cmpuint (large->len, >, 2);
    ot_test_ui_screenshot (GTK_WIDGET (window), "summary-view-large-print");
    again = activate_and_wait (view, "summary.large-print");
    g_assert_cmpuint (again->len, ==, 2);
    summary = ot_summary_page_get_summary (OT_SUMMARY_PAGE (first));
  }

  /* On a phone-sized window the toolbar folds to icons and the page still
   * fits the width. */
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  ot_test_ui_wait_until (narrow, view);
  ot_test_ui_wait ();
  gtk_widget_measure (view, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  g_assert_cmpint (min_width, <=, 300);
  g_assert_cmpint (gtk_widget_get_width (first), <=, gtk_widget_get_width (view) - 48);
  g_assert_cmpint (gtk_widget_get_width (first), >=, 200);
  ot_test_ui_screenshot (GTK_WIDGET (window), "summary-view-narrow");
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  wait_for_width (first, fit_width);

  /* A change to the worksheet shows, once the burst of changes is over. */
  ot_test_worksheet_add_long (worksheet, 60, 5000);
  g_assert_true (ot_summary_page_get_summary (OT_SUMMARY_PAGE (first)) == summary);
  wait.page = first;
  wait.summary = summary;
  ot_test_ui_wait_until (summary_replaced, &wait);
  longer = find_pages (view);
  g_assert_cmpuint (longer->len, >, pages->len);
  g_assert_true (ot_summary_page_get_summary (OT_SUMMARY_PAGE (first)) != summary);

  /* A hidden summary waits until it is shown again. */
  ot_window_show_view (window, "values");
  ot_test_ui_wait ();
  summary = ot_summary_page_get_summary (OT_SUMMARY_PAGE (first));
  ot_worksheet_set_notes (worksheet, "short");
  ot_test_ui_wait ();
  ot_test_ui_wait ();
  ot_test_ui_wait ();
  ot_test_ui_wait ();
  g_assert_true (ot_summary_page_get_summary (OT_SUMMARY_PAGE (first)) == summary);
  ot_window_show_view (window, "summary");
  wait.summary = summary;
  ot_test_ui_wait_until (summary_replaced, &wait);
}

static void
test_preview (void)
{
  ot_test_ui_run (preview_body);
}

static gboolean
count_tick (gpointer data)
{
  (*(guint *) data)++;
  return G_SOURCE_CONTINUE;
}

typedef struct
{
  guint ticks;
  guint tick_id;
} Ticking;

static void
start_ticking (GtkPrintOperation *operation,
               GtkPrintContext   *context,
               Ticking           *ticking)
{
  ticking->tick_id = g_timeout_add (10, count_tick, &ticking->ticks);
}

static void
stop_ticking (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              Ticking           *ticking)
{
  g_clear_handle_id (&ticking->tick_id, g_source_remove);
}

/* A worksheet at the reader's limits takes most of a second to lay out:
 * the window goes on answering meanwhile (the layout is not done in the
 * action that asks for it, and the main loop turns until it is ready),
 * and the pages then shown are the new ones.  Printing too: the main loop
 * turns between the start of printing and its first page.  How long the
 * main loop is held at most is measured by bench/bench-stalls, not here. */
static void
layout_aside_body (OtApplication *app,
                   OtWindow      *window)
{
  GtkWidget *view;
  SummaryWait wait;
  guint ticks = 0, tick_id, n_handout;
  g_autoptr(GPtrArray) pages = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-summary-view-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "printed.pdf", NULL);
  g_autoptr(OtPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  GtkPaperSize *a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autoptr(GError) error = NULL;
  Ticking ticking = { 0 };

  ot_test_worksheet_fill_limits (ot_window_get_worksheet (window));
  view = show_summary (window);

  wait.page = ot_test_ui_find (view, OT_TYPE_SUMMARY_PAGE, NULL, NULL);
  wait.summary = ot_summary_page_get_summary (OT_SUMMARY_PAGE (wait.page));
  n_handout = ot_summary_get_n_pages (wait.summary);
  gtk_widget_activate_action (view, "summary.full", NULL);
  g_assert_true (ot_summary_page_get_summary (OT_SUMMARY_PAGE (wait.page)) == wait.summary);

  tick_id = g_timeout_add (10, count_tick, &ticks);
  ot_test_ui_wait_until (summary_replaced, &wait);
  g_source_remove (tick_id);
  g_test_message ("the main loop ran %u times 10 ms apart while the pages were laid out", ticks);
  g_assert_cmpuint (ticks, >=, 2);

  pages = find_pages (view);
  g_assert_cmpuint (pages->len, ==, ot_summary_get_n_pages (ot_summary_page_get_summary (pages->pdata[0])));
  g_assert_cmpuint (pages->len, >, 8);

  operation = ot_print_operation_new (ot_application_get_content (app), ot_window_get_worksheet (window), 0);
  gtk_page_setup_set_paper_size (setup, a4);
  gtk_paper_size_free (a4);
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (operation), setup);
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), path);
  g_signal_connect_after (operation, "begin-print", G_CALLBACK (start_ticking), &ticking);
  g_signal_connect (operation, "draw-page", G_CALLBACK (stop_ticking), &ticking);
  g_assert_cmpint (gtk_print_operation_run (GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_ACTION_EXPORT,
                                            GTK_WINDOW (window), &error),
                   ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  g_test_message ("the main loop ran %u times 10 ms apart before the first page was printed", ticking.ticks);
  g_assert_cmpuint (ticking.ticks, >=, 5);
  g_assert_cmpuint (ot_test_pdf_pages (path), ==, n_handout);

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_layout_aside (void)
{
  ot_test_ui_run (layout_aside_body);
}

static void
paper_body (OtApplication *app,
            OtWindow      *window)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *paper = NULL;
  GtkWidget *view = show_summary (window);
  GtkDropDown *dropdown = GTK_DROP_DOWN (ot_test_ui_find (view, GTK_TYPE_DROP_DOWN, NULL, NULL));
  g_autoptr(GPtrArray) pages = NULL;
  GtkWidget *first;

  /* Letter is chosen, remembered, and the pages take its shape. */
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, 0);
  gtk_drop_down_set_selected (dropdown, 1);
  ot_test_ui_wait ();
  ot_test_ui_wait_until (first_page_letter, view);
  paper = g_settings_get_string (settings, "paper-size");
  g_assert_cmpstr (paper, ==, "letter");
  pages = find_pages (view);
  first = pages->pdata[0];
  g_assert_cmpfloat (ot_summary_get_page_width (ot_summary_page_get_summary (OT_SUMMARY_PAGE (first))), ==, 612);
  g_assert_cmpfloat_with_epsilon ((double) gtk_widget_get_height (first) / gtk_widget_get_width (first),
                                  792.0 / 612.0, 0.01);
  ot_test_ui_screenshot (GTK_WIDGET (window), "summary-view-letter");

  g_settings_set_string (settings, "paper-size", "a4");
  ot_test_ui_wait ();
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, 0);
}

static void
test_paper (void)
{
  ot_test_ui_run (paper_body);
}

static void
export_body (OtApplication *app,
             OtWindow      *window)
{
  g_autofree char *dir = g_dir_make_tmp ("test-summary-view-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "summary.pdf", NULL);
  g_autofree char *nowhere = g_build_filename (dir, "no-such-folder", "summary.pdf", NULL);
  g_autofree char *text = NULL;
  GtkWidget *view;
  GtkWidget *dialog;

  ot_test_worksheet_fill (ot_window_get_worksheet (window));
  view = show_summary (window);

  /* Through the view's action: the file appears, whole, and a toast says
   * so with its name. */
  gtk_widget_activate_action (view, "summary.export-to", "s", path);
  ot_test_ui_wait_until (file_exists, path);
  ot_test_ui_wait_for_label (GTK_WIDGET (window), "Saved “summary.pdf”");
  ot_test_ui_wait ();
  ot_test_ui_screenshot (GTK_WIDGET (window), "summary-view-exported");
  text = ot_test_pdf_text (path);
  g_assert_nonnull (strstr (text, OT_TEST_PATIENT));
  g_assert_nonnull (strstr (text, "Questions to ask"));

  /* A folder that is not there: a dialog names the file and the problem,
   * and nothing is written. */
  gtk_widget_activate_action (view, "summary.export-to", "s", nowhere);
  ot_test_ui_wait_until (alert_shown, NULL);
  dialog = ot_alert_get_shown ();
  g_assert_cmpstr (ot_alert_get_heading (dialog), ==, "Could Not Export the Summary");
  g_assert_nonnull (strstr (ot_alert_get_body (dialog), nowhere));
  g_assert_nonnull (strstr (ot_alert_get_body (dialog), "No such file or directory"));
  ot_test_ui_wait_until (widget_allocated, dialog);
  ot_test_ui_screenshot (dialog, "summary-view-export-error");
  ot_alert_respond (dialog, "close");
  g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_export (void)
{
  ot_test_ui_run (export_body);
}

static void
export_dialog_body (OtApplication *app,
                    OtWindow      *window)
{
  g_autofree char *dir = g_dir_make_tmp ("test-summary-view-XXXXXX", NULL);
  g_autofree char *first = g_build_filename (dir, "first.pdf", NULL);
  g_autofree char *path = g_build_filename (dir, "from-dialog.pdf", NULL);
  GtkWidget *view = show_summary (window);
  g_autofree char *name = NULL;
  GtkWindow *chooser;

  gtk_widget_activate_action (view, "summary.export-to", "s", first);
  ot_test_ui_wait_for_label (GTK_WIDGET (window), "Saved “first.pdf”");

  /* Export PDF… asks where, in the folder of the last export, offering a
   * name with the date; Export writes the file there. */
  gtk_widget_activate_action (view, "summary.export-pdf", NULL);
  ot_test_ui_wait_until (toplevel_shown, GSIZE_TO_POINTER (GTK_TYPE_FILE_CHOOSER_DIALOG));
  chooser = find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_assert_true (gtk_window_get_modal (chooser));
  name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
  g_assert_true (g_str_has_prefix (name, "Summary for the visit "));
  ot_test_ui_wait_until (widget_allocated, chooser);
  ot_test_ui_screenshot (GTK_WIDGET (chooser), "summary-view-export-dialog");

  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "from-dialog.pdf");
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  ot_test_ui_wait_until (file_exists, path);
  g_assert_cmpuint (ot_test_pdf_pages (path), >, 0);

  g_unlink (first);
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_export_dialog (void)
{
  ot_test_ui_run (export_dialog_body);
}

/* Printing draws the same pages: exported through GTK's print operation,
 * the PDF has as many pages as the preview. */
static void
print_body (OtApplication *app,
            OtWindow      *window)
{
  OtWorksheet *worksheet = ot_window_get_worksheet (window);
  g_autofree char *dir = g_dir_make_tmp ("test-summary-view-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "printed.pdf", NULL);
  g_autoptr(OtPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pages = NULL;
  GtkPaperSize *a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autofree char *text = NULL;
  GtkWidget *view;

  ot_test_worksheet_fill (worksheet);
  view = show_summary (window);
  pages = find_pages (view);

  operation = ot_print_operation_new (ot_application_get_content (app), worksheet, 0);
  gtk_page_setup_set_paper_size (setup, a4);
  gtk_paper_size_free (a4);
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (operation), setup);
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), path);
  g_assert_cmpint (gtk_print_operation_run (GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_ACTION_EXPORT,
                                            GTK_WINDOW (window), &error),
                   ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);

  g_assert_cmpuint (ot_test_pdf_pages (path), ==, pages->len);
  text = ot_test_pdf_text (path);
  g_assert_nonnull (strstr (text, OT_TEST_PATIENT));
  g_assert_nonnull (strstr (text, "Page 1 of"));

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_print (void)
{
  ot_test_ui_run (print_body);
}

/* The words of the label in @widget, a cell of the grid. */
static const char *
cell_text (GtkWidget *cell)
{
  GtkWidget *label = ot_test_ui_find (cell, GTK_TYPE_LABEL, NULL, NULL);

  g_assert_nonnull (label);
  return gtk_label_get_text (GTK_LABEL (label));
}

/* The cell of option @column in the row titled @title: the row's title
 * spans the options, its cells are on the line below. */
static GtkWidget *
glance_cell (GtkGrid    *grid,
             const char *title,
             int         column)
{
  GtkWidget *heading = ot_test_ui_find_label (GTK_WIDGET (grid), title);
  int top;

  g_assert_nonnull (heading);
  gtk_grid_query_child (grid, heading, NULL, &top, NULL, NULL);
  return gtk_grid_get_child_at (grid, column, top + 1);
}

static gboolean
grid_shows (gpointer data)
{
  GtkWidget *grid = data;

  return gtk_widget_is_drawable (grid) && gtk_widget_get_first_child (grid) != NULL;
}

#define HARMS_TITLE "Main side effects (★ the ones you want to avoid)"

static gboolean
none_starred (gpointer data)
{
  return !g_str_has_prefix (cell_text (glance_cell (data, HARMS_TITLE, 0)), "★");
}

static void
glance_body (OtApplication *app,
             OtWindow      *window)
{
  static const char * const three[] = { "folfox", "anti-egfr", "pembrolizumab", NULL };
  static const char * const none[] = { NULL };
  static const char * const titles[] = {
    "How it fits your test results", "What it involves, how often and how long", "Chance of benefit",
    HARMS_TITLE, "Effect on daily life", "What matters most to you",
  };
  OtContent *content = ot_application_get_content (app);
  OtWorksheet *worksheet = ot_window_get_worksheet (window);
  g_autoptr(GArray) ranked = NULL;
  GtkWidget *view, *glance, *calm, *name;
  GtkGrid *grid;
  guint n_linked = 0;

  ot_test_worksheet_fill (worksheet);
  ot_worksheet_set_compared_treatments (worksheet, three);
  /* Three of the values the pack links to the options rated highest, with
   * others that it does not link. */
  ot_worksheet_set_rating (worksheet, "live-longer", OT_RATING_MAX);
  ot_worksheet_set_rating (worksheet, "time-at-home", OT_RATING_MAX);
  ot_worksheet_set_rating (worksheet, "daily-activities", OT_RATING_MAX);
  view = show_summary (window);
  glance = ot_test_ui_find (view, OT_TYPE_GLANCE_GRID, NULL, NULL);
  grid = GTK_GRID (ot_test_ui_find (glance, GTK_TYPE_GRID, NULL, NULL));
  ot_test_ui_wait_until (grid_shows, grid);
  ot_test_ui_wait ();
  ot_test_ui_screenshot (GTK_WIDGET (window), "summary-view-glance");

  /* The title, and every row's title once. */
  g_assert_nonnull (ot_test_ui_find_label (view, "My options at a glance"));
  for (guint r = 0; r < G_N_ELEMENTS (titles); r++)
    g_assert_nonnull (ot_test_ui_find_label (GTK_WIDGET (grid), titles[r]));

  ranked = ot_worksheet_rank_values (worksheet, content);
  for (int c = 0; three[c] != NULL; c++)
    {
      const OtTreatment *treatment = ot_content_find_treatment (content, three[c]);
      const OtFitRule *rule = ot_fit_evaluate (content, worksheet, treatment);
      g_autofree char *fit = ot_fit_dup_label (rule);
      g_autofree char *fit_opening = g_strdup_printf ("%s. ", fit);
      g_autoptr(GPtrArray) outcomes = ot_fit_outcomes (content, worksheet, treatment);
      const char *values = cell_text (glance_cell (grid, "What matters most to you", c));
      const char *benefit = cell_text (glance_cell (grid, "Chance of benefit", c));
      const OtOutcome *shown;

      /* The options in the order chosen, one a column, under their names. */
      g_assert_cmpstr (cell_text (gtk_grid_get_child_at (grid, c, 0)), ==, treatment->name);
      /* How each fits this person's results, in the words of Options. */
      g_assert_true (g_str_has_prefix (cell_text (glance_cell (grid, "How it fits your test results", c)),
                                       fit_opening));
      /* Its chance of benefit: the first figure of people in 100, drawn
       * as 100 people too; else the first outcome in words; else why
       * there is none. */
      shown = NULL;
      for (guint i = 0; i < outcomes->len && shown == NULL; i++)
        if (((OtOutcome *) outcomes->pdata[i])->has_figure && ((OtOutcome *) outcomes->pdata[i])->count >= 0)
          shown = outcomes->pdata[i];
      g_assert_true ((shown != NULL) == (ot_test_ui_find (glance_cell (grid, "Chance of benefit", c),
                                                          GTK_TYPE_DRAWING_AREA, NULL, NULL) != NULL));
      if (shown == NULL && outcomes->len > 0)
        shown = outcomes->pdata[0];
      if (shown != NULL)
        g_assert_nonnull (strstr (benefit, shown->says));
      else
        g_assert_cmpstr (benefit, ==, rule->fit == OT_FIT_NOT_EXPECTED
                                      ? "No figure: not expected to help with these results."
                                      : "No figure for this situation in our sources.");
      /* Every value the person rated highest that the pack links to the
       * options, against every option. */
      n_linked = 0;
      for (guint i = 0; i < ranked->len; i++)
        {
          const OtRankedValue *value = &g_array_index (ranked, OtRankedValue, i);
          g_autofree char *line = g_strdup_printf ("%s:", value->text);

          if (value->top && value->item != NULL && value->item->row != NULL)
            {
              g_assert_nonnull (strstr (values, line));
              n_linked++;
            }
        }
      g_assert_cmpuint (n_linked, ==, 3);
    }
  /* The top values nothing links to an option are named under the grid. */
  g_assert_nonnull (ot_test_ui_find_label (glance, "Nothing in our sources links these to the options at a glance: "
                                                   "Time with family and friends; " OT_TEST_OWN_VALUE "."));
  /* Three options: no fourth column. */
  g_assert_null (gtk_grid_get_child_at (grid, 3, 0));
  /* The one the person wants to avoid is starred first. */
  g_assert_true (g_str_has_prefix (cell_text (glance_cell (grid, HARMS_TITLE, 0)), "★ Numbness"));

  /* Shown, it follows the parts it shows, and no others: a note leaves
   * its cells as they are, where the effects to avoid change them. */
  name = g_object_ref (gtk_grid_get_child_at (grid, 0, 0));
  ot_worksheet_set_notes (worksheet, "Ask about the port.");
  ot_test_ui_wait ();
  g_assert_true (gtk_widget_get_parent (name) == GTK_WIDGET (grid));
  g_object_unref (name);
  ot_worksheet_set_avoid_effects (worksheet, none);
  ot_test_ui_wait_until (none_starred, grid);

  /* With nothing chosen: no grid, the calm sentence saying how to choose. */
  ot_worksheet_set_compared_treatments (worksheet, none);
  ot_test_ui_wait_until (ot_test_ui_not_drawn, grid);
  calm = ot_test_ui_find_label (glance, "No option chosen yet. Pick two to four treatments on Side Effects "
                                        "to see them here.");
  g_assert_nonnull (calm);
  ot_test_ui_wait ();
  ot_test_ui_screenshot (GTK_WIDGET (window), "summary-view-glance-none");

  /* Chosen again: the grid comes back, the calm sentence goes. */
  ot_worksheet_set_compared_treatments (worksheet, three);
  ot_test_ui_wait_until (grid_shows, grid);
  g_assert_false (gtk_widget_get_visible (calm));
}

static void
test_glance (void)
{
  ot_test_ui_run (glance_body);
}

/* The options at a glance as laid out for a width: the grid, the first
 * two options' names, and whether they should be one after another. */
typedef struct
{
  GtkWidget  *grid;
  const char *first;
  const char *second;
  gboolean    stacked;
} GlanceLayout;

/* Whether the grid is rebuilt for the width and its cells placed: the
 * row titles once for each option or once in all, and the second name
 * below the first or beside it (a cell not yet placed is at the top). */
static gboolean
glance_placed (gpointer data)
{
  const GlanceLayout *layout = data;
  GtkWidget *first = ot_test_ui_find_label (layout->grid, layout->first);
  GtkWidget *second = ot_test_ui_find_label (layout->grid, layout->second);
  graphene_point_t one, two;
  guint n_titles = 0;

  ot_test_ui_count_shown (layout->grid, "Chance of benefit", &n_titles);
  if ((n_titles > 1) != layout->stacked || first == NULL || second == NULL)
    return FALSE;
  one = ot_test_ui_corner_in (layout->grid, first);
  two = ot_test_ui_corner_in (layout->grid, second);
  return layout->stacked ? two.y > one.y + 300 : two.x > one.x;
}

/* Sets the window @width wide and waits for the options at a glance to
 * be laid out for it; returns how many times "Chance of benefit" shows. */
static guint
glance_at_width (OtWindow           *window,
                 GtkWidget          *grid,
                 const char * const *names,
                 int                 width,
                 gboolean            stacked)
{
  GlanceLayout layout = { grid, names[0], names[1], stacked };
  guint n_titles = 0;

  ot_test_resize (window, width, 800);
  ot_test_ui_wait_until (glance_placed, &layout);
  ot_test_ui_count_shown (grid, "Chance of benefit", &n_titles);
  return n_titles;
}

#define STACKED_INTRO \
  "The options chosen for this visit, one after another: information to talk about, not a recommendation."
#define SIDE_BY_SIDE_INTRO \
  "The options chosen for this visit, side by side: information to talk about, not a recommendation."

/* In a narrow window the options at a glance come one after another,
 * each with every row's title, and their words keep whole lines (four
 * columns there were a few letters wide); wider again, side by side. */
static void
glance_stacked_body (OtApplication *app,
                     OtWindow      *window)
{
  OtContent *content = ot_application_get_content (app);
  OtWorksheet *worksheet = ot_window_get_worksheet (window);
  const char * const *compared;
  const char *names[2];
  GtkWidget *view, *grid;

  ot_test_worksheet_fill (worksheet);
  compared = ot_worksheet_get_compared_treatments (worksheet);
  names[0] = ot_content_find_treatment (content, compared[0])->name;
  names[1] = ot_content_find_treatment (content, compared[1])->name;
  view = show_summary (window);
  grid = ot_test_ui_find (ot_test_ui_find (view, OT_TYPE_GLANCE_GRID, NULL, NULL), GTK_TYPE_GRID, NULL, NULL);
  ot_test_ui_wait_until (grid_shows, grid);

  g_assert_cmpuint (glance_at_width (window, grid, names, 400, TRUE), ==, 4);
  ot_test_ui_screenshot (GTK_WIDGET (window), "summary-view-glance-stacked");
  /* The words over the grid say how it stands. */
  g_assert_nonnull (ot_test_ui_find_label (view, STACKED_INTRO));
  g_assert_null (ot_test_ui_find_label (view, SIDE_BY_SIDE_INTRO));
  for (guint i = 1; compared[i] != NULL; i++)
    {
      GtkWidget *before = ot_test_ui_find_label (grid, ot_content_find_treatment (content, compared[i - 1])->name);
      GtkWidget *name = ot_test_ui_find_label (grid, ot_content_find_treatment (content, compared[i])->name);

      g_assert_cmpfloat (ot_test_ui_corner_in (grid, name).x, ==, ot_test_ui_corner_in (grid, before).x);
      g_assert_cmpfloat (ot_test_ui_corner_in (grid, name).y, >, ot_test_ui_corner_in (grid, before).y + 300);
      /* A name takes the width of the grid, not a quarter of it. */
      g_assert_cmpint (gtk_widget_get_width (name), >, gtk_widget_get_width (grid) / 2);
    }

  g_assert_cmpuint (glance_at_width (window, grid, names, 1280, FALSE), ==, 1);
  g_assert_nonnull (ot_test_ui_find_label (view, SIDE_BY_SIDE_INTRO));
  g_assert_null (ot_test_ui_find_label (view, STACKED_INTRO));
  for (guint i = 1; compared[i] != NULL; i++)
    {
      GtkWidget *first = ot_test_ui_find_label (grid, ot_content_find_treatment (content, compared[0])->name);
      GtkWidget *name = ot_test_ui_find_label (grid, ot_content_find_treatment (content, compared[i])->name);

      g_assert_cmpfloat (ot_test_ui_corner_in (grid, name).y, ==, ot_test_ui_corner_in (grid, first).y);
    }
}

static void
test_glance_stacked (void)
{
  ot_test_ui_run (glance_stacked_body);
}

static gboolean
label_starts (GtkWidget     *widget,
              gconstpointer  data)
{
  return g_str_has_prefix (ot_long_label_get_text (OT_LONG_LABEL (widget)), data);
}

/* At the reader's limits, the top values nothing links to an option are
 * one word of 500 letters each: they break anywhere, so the grid never
 * makes the window wider than it is, and they show in full. */
static void
glance_limits_body (OtApplication *app,
                    OtWindow      *window)
{
  GtkWidget *view, *glance, *unlinked;
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  GdkRectangle screen;
  int minimum;

  ot_test_worksheet_fill_limits (ot_window_get_worksheet (window));
  view = show_summary (window);
  glance = ot_test_ui_find (view, OT_TYPE_GLANCE_GRID, NULL, NULL);
  ot_test_ui_wait_until (grid_shows, ot_test_ui_find (glance, GTK_TYPE_GRID, NULL, NULL));
  ot_test_ui_wait ();
  ot_test_ui_screenshot (GTK_WIDGET (window), "summary-view-glance-limits");

  unlinked = ot_test_ui_find (glance, OT_TYPE_LONG_LABEL, label_starts, "Nothing in our sources links these");
  g_assert_nonnull (unlinked);
  g_assert_true (gtk_widget_is_visible (unlinked));
  gdk_monitor_get_geometry (gdk_display_get_monitor_at_surface (gdk_surface_get_display (surface), surface), &screen);
  gtk_widget_measure (glance, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <, screen.width / 2);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, screen.width);
  g_assert_cmpint (gtk_widget_get_width (unlinked), <=, gtk_widget_get_width (view));
  g_assert_false (pango_layout_is_ellipsized (ot_long_label_get_layout (OT_LONG_LABEL (unlinked))));
}

static void
test_glance_limits (void)
{
  ot_test_ui_run (glance_limits_body);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/summary-view/preview", test_preview);
  g_test_add_func ("/summary-view/layout-aside", test_layout_aside);
  g_test_add_func ("/summary-view/paper", test_paper);
  g_test_add_func ("/summary-view/export", test_export);
  g_test_add_func ("/summary-view/export-dialog", test_export_dialog);
  g_test_add_func ("/summary-view/print", test_print);
  g_test_add_func ("/summary-view/glance", test_glance);
  g_test_add_func ("/summary-view/glance-stacked", test_glance_stacked);
  g_test_add_func ("/summary-view/glance-limits", test_glance_limits);

  return g_test_run ();
}
