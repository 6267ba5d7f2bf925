/* ot-summary-view.c: the summary's pages, to look at, print or export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ot-summary-view"

#include "config.h"

#include <glib/gi18n.h>

#include "ot-compat.h"
#include "ot-glance-grid.h"
#include "ot-pdf.h"
#include "ot-print-operation.h"
#include "ot-summary-page.h"
#include "ot-summary-view.h"

/* Changes come in bursts (a name typed, a list ticked): lay the pages out
 * again once the burst is over, at most this often. */
#define RELAYOUT_DELAY_MS 300

struct _OtSummaryView
{
  OtView             parent_instance;

  GSettings         *settings;
  OtSummary         *summary;
  GtkPrintSettings  *print_settings;
  GtkPageSetup      *page_setup;
  GFile             *export_folder;
  GCancellable      *layout_cancellable;  /* while pages are laid out */
  guint              relayout_id;
  gboolean           dirty;
  gboolean           layout_again;        /* changed while laid out */
  double             zoom;        /* 0 fits the width */
  gboolean           full;        /* the full summary, not the hand-out */
  gboolean           large_print;

  OtGlanceGrid      *glance_grid;
  GtkDropDown       *paper_dropdown;
  GtkBox            *pages_box;
  GtkLabel          *pages_label;
  GtkScrolledWindow *scroller;
  AdwToastOverlay   *toast_overlay;
  GtkLabel          *zoom_label;
};

G_DEFINE_FINAL_TYPE (OtSummaryView, ot_summary_view, OT_TYPE_VIEW)

enum {
  PROP_0,
  PROP_FULL,
  PROP_LARGE_PRINT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const double zoom_levels[] = { 0.5, 0.67, 0.8, 1.0, 1.25, 1.5, 2.0, 3.0 };

static OtPaper
paper_from_setting (const char *name)
{
  OtPaper paper;

  if (ot_paper_from_string (name, &paper))
    return paper;

  /* "auto": the paper of the locale, as GTK's print dialog picks it. */
  return g_str_equal (gtk_paper_size_get_default (), GTK_PAPER_NAME_LETTER) ? OT_PAPER_LETTER : OT_PAPER_A4;
}

static OtPaper
get_paper (OtSummaryView *self)
{
  return gtk_drop_down_get_selected (self->paper_dropdown) == 1 ? OT_PAPER_LETTER : OT_PAPER_A4;
}

static gboolean
paper_get_mapping (GValue   *value,
                   GVariant *variant,
                   gpointer  user_data)
{
  g_value_set_uint (value, paper_from_setting (g_variant_get_string (variant, NULL)) == OT_PAPER_LETTER);
  return TRUE;
}

static GVariant *
paper_set_mapping (const GValue       *value,
                   const GVariantType *type,
                   gpointer            user_data)
{
  return g_variant_new_string (ot_paper_to_string (g_value_get_uint (value) == 1 ? OT_PAPER_LETTER : OT_PAPER_A4));
}

static void
show_error (OtSummaryView *self,
            const char    *heading,
            const char    *body)
{
  GtkWidget *dialog = ot_alert_new (heading, body);

  ot_alert_add_response (dialog, "close", _("_Close"), ADW_RESPONSE_DEFAULT);
  ot_alert_present (dialog, GTK_WIDGET (self));
}

static double
effective_zoom (OtSummaryView *self)
{
  GtkWidget *first = gtk_widget_get_first_child (GTK_WIDGET (self->pages_box));

  if (self->zoom > 0)
    return self->zoom;
  if (first == NULL || self->summary == NULL || gtk_widget_get_width (first) <= 0)
    return 1.0;

  return gtk_widget_get_width (first)
         / (ot_summary_get_page_width (self->summary) * OT_SUMMARY_PAGE_PIXELS_PER_POINT);
}

static void
set_zoom (OtSummaryView *self,
          double         zoom)
{
  g_autofree char *label = NULL;

  self->zoom = zoom;

  /* Fitting the width needs no horizontal scrolling; a fixed zoom may. */
  gtk_scrolled_window_set_policy (self->scroller,
                                  zoom > 0 ? GTK_POLICY_AUTOMATIC : GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_halign (GTK_WIDGET (self->pages_box), zoom > 0 ? GTK_ALIGN_CENTER : GTK_ALIGN_FILL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->pages_box)); child;
       child = gtk_widget_get_next_sibling (child))
    ot_summary_page_set_zoom (OT_SUMMARY_PAGE (child), zoom);

  /* Translators: a zoom level, as in "125 %" */
  label = zoom > 0 ? g_strdup_printf (_("%.0f %%"), zoom * 100) : g_strdup (_("Fit Width"));
  gtk_label_set_label (self->zoom_label, label);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "summary.zoom-in",
                                 zoom == 0 || zoom < zoom_levels[G_N_ELEMENTS (zoom_levels) - 1]);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "summary.zoom-out",
                                 zoom == 0 || zoom > zoom_levels[0]);
}

static OtSummaryFlags
get_flags (OtSummaryView *self)
{
  return (self->full ? OT_SUMMARY_FULL : 0) | (self->large_print ? OT_SUMMARY_LARGE_PRINT : 0);
}

/* Shows @summary's pages, keeping the page widgets there are, so the
 * scroll position stays. */
static void
show_pages (OtSummaryView *self,
            OtSummary     *summary)
{
  GtkWidget *box = GTK_WIDGET (self->pages_box);
  GtkWidget *child;
  g_autofree char *pages = NULL;
  guint n_pages, i;

  g_set_object (&self->summary, summary);
  n_pages = ot_summary_get_n_pages (summary);

  for (i = 0, child = gtk_widget_get_first_child (box); i < n_pages; i++)
    {
      if (child == NULL)
        {
          child = ot_summary_page_new ();
          ot_summary_page_set_zoom (OT_SUMMARY_PAGE (child), self->zoom);
          gtk_box_append (self->pages_box, child);
        }
      ot_summary_page_set_page (OT_SUMMARY_PAGE (child), summary, i);
      child = gtk_widget_get_next_sibling (child);
    }
  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      gtk_box_remove (self->pages_box, child);
      child = next;
    }

  pages = g_strdup_printf (g_dngettext (NULL, "%u page", "%u pages", n_pages), n_pages);
  gtk_label_set_label (self->pages_label, pages);
}

/* What a thread lays out: its own copy of the answers, as they were. */
typedef struct
{
  OtContent     *content;
  OtWorksheet   *worksheet;
  OtPaper        paper;
  OtSummaryFlags flags;
  GFile         *file;        /* to export to; NULL for the preview */
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  ot_content_unref (job->content);
  g_object_unref (job->worksheet);
  g_clear_object (&job->file);
  g_free (job);
}

static Job *
job_new (OtSummaryView *self,
         GFile         *file)
{
  Job *job = g_new0 (Job, 1);

  job->content = ot_content_ref (ot_view_get_content (OT_VIEW (self)));
  job->worksheet = ot_worksheet_new ();
  ot_worksheet_copy_from (job->worksheet, ot_view_get_worksheet (OT_VIEW (self)));
  job->paper = get_paper (self);
  job->flags = get_flags (self);
  job->file = file ? g_object_ref (file) : NULL;
  return job;
}

/* A worksheet at the reader's limits takes most of a second to lay out:
 * the main loop goes on meanwhile, with the pages as they were. */
static void
layout_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Job *job = task_data;
  double width, height;

  /* With fonts of its own: the main thread draws these pages while this
   * thread, or another, lays out the next. */
  ot_paper_get_size (job->paper, &width, &height);
  g_task_return_pointer (task,
                         ot_summary_new_with_flags (job->content, job->worksheet, width, height, NULL,
                                                    job->flags | OT_SUMMARY_OWN_FONTS),
                         g_object_unref);
}

static void relayout (OtSummaryView *self);

static void
layout_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(OtSummary) summary = g_task_propagate_pointer (G_TASK (result), NULL);
  OtSummaryView *self;

  /* The view went away meanwhile. */
  if (summary == NULL)
    return;

  self = OT_SUMMARY_VIEW (user_data);
  g_clear_object (&self->layout_cancellable);
  show_pages (self, summary);

  /* The answers or the paper changed meanwhile: these pages are shown
   * until the next ones are ready. */
  if (self->layout_again)
    {
      self->layout_again = FALSE;
      if (gtk_widget_get_mapped (GTK_WIDGET (self)))
        relayout (self);
      else
        self->dirty = TRUE;
    }
}

/* Lays the pages out again, in a thread; one layout at a time. */
static void
relayout (OtSummaryView *self)
{
  g_autoptr(GTask) task = NULL;

  g_clear_handle_id (&self->relayout_id, g_source_remove);
  self->dirty = FALSE;
  if (ot_view_get_content (OT_VIEW (self)) == NULL)
    return;

  self->layout_again = self->layout_cancellable != NULL;
  if (self->layout_again)
    return;

  /* Cancelled when the view goes, so the callback never sees it gone. */
  self->layout_cancellable = g_cancellable_new ();
  task = g_task_new (NULL, self->layout_cancellable, layout_done_cb, self);
  g_task_set_source_tag (task, relayout);
  g_task_set_task_data (task, job_new (self, NULL), job_free);
  g_task_run_in_thread (task, layout_thread);
}

static gboolean
relayout_timeout_cb (gpointer data)
{
  OtSummaryView *self = data;

  self->relayout_id = 0;
  /* Hidden since the change: laid out when shown again (it is dirty). */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    relayout (self);
  return G_SOURCE_REMOVE;
}

/* Only a visible summary is laid out again; a hidden one waits until it
 * is shown. */
static void
worksheet_changed_cb (OtSummaryView *self)
{
  self->dirty = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && self->relayout_id == 0)
    self->relayout_id = g_timeout_add (RELAYOUT_DELAY_MS, relayout_timeout_cb, self);
}

static void
paper_changed_cb (OtSummaryView *self)
{
  /* What was remembered from the print dialog gives way to the new paper. */
  g_clear_object (&self->page_setup);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    relayout (self);
  else
    self->dirty = TRUE;
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Job *export = task_data;
  GError *error = NULL;
  double width, height;

  ot_paper_get_size (export->paper, &width, &height);
  if (ot_pdf_export (export->content, export->worksheet, width, height, NULL, export->flags, export->file, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(OtSummaryView) self = user_data;
  Job *export = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_autofree char *name = g_file_get_basename (export->file);
      g_autofree char *display = g_filename_display_name (name);
      g_autofree char *title = g_strdup_printf (_("Saved “%s”"), display);

      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
      /* The next export starts in the same folder. */
      g_clear_object (&self->export_folder);
      self->export_folder = g_file_get_parent (export->file);
    }
  else
    {
      show_error (self, _("Could Not Export the Summary"), error->message);
    }
}

/**
 * ot_summary_view_export:
 *
 * Writes the summary to @file as a PDF, away from the main thread, with a
 * toast when done or a dialog naming the file and the problem.
 */
static void
ot_summary_view_export (OtSummaryView *self,
                        GFile         *file)
{
  /* The view rides as the callback's data, let go on the main thread:
   * GLib may drop a task's last reference in its thread. */
  g_autoptr(GTask) task = g_task_new (NULL, NULL, export_done_cb, g_object_ref (self));

  g_task_set_task_data (task, job_new (self, file), job_free);
  g_task_run_in_thread (task, export_thread);
}

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    OtSummaryView   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      ot_summary_view_export (self, file);
    }

  g_object_unref (dialog);
}

static void
export_pdf_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  OtSummaryView *self = OT_SUMMARY_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");
  /* Translators: the file name offered for the PDF; %s is the date */
  g_autofree char *name = g_strdup_printf (_("Summary for the visit %s.pdf"), day);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (_("Export Summary as PDF"),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  if (self->export_folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), self->export_folder, NULL);

  g_signal_connect_object (native, "response", G_CALLBACK (export_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
export_to_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (g_variant_get_string (parameter, NULL));

  ot_summary_view_export (OT_SUMMARY_VIEW (widget), file);
}

static GtkPageSetup *
page_setup_for_paper (OtPaper paper)
{
  GtkPageSetup *setup = gtk_page_setup_new ();
  GtkPaperSize *size = gtk_paper_size_new (paper == OT_PAPER_LETTER ? GTK_PAPER_NAME_LETTER : GTK_PAPER_NAME_A4);

  gtk_page_setup_set_paper_size (setup, size);
  gtk_paper_size_free (size);
  return setup;
}

/* What the person chose in the print dialog serves the next print in this
 * session. */
static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               OtSummaryView           *self)
{
  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      GtkPrintSettings *settings = gtk_print_operation_get_print_settings (operation);
      GtkPaperSize *paper = settings ? gtk_print_settings_get_paper_size (settings) : NULL;

      g_set_object (&self->print_settings, settings);
      g_clear_object (&self->page_setup);
      if (paper != NULL)
        {
          self->page_setup = gtk_page_setup_new ();
          gtk_page_setup_set_paper_size (self->page_setup, paper);
          gtk_page_setup_set_orientation (self->page_setup, gtk_print_settings_get_orientation (settings));
          gtk_paper_size_free (paper);
        }
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      show_error (self, _("Could Not Print the Summary"), error ? error->message : "");
    }

  g_object_unref (operation);
}

static void
print_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  OtSummaryView *self = OT_SUMMARY_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  OtPrintOperation *operation;
  g_autoptr(GtkPageSetup) setup = NULL;
  g_autoptr(GError) error = NULL;

  operation = ot_print_operation_new (ot_view_get_content (OT_VIEW (self)),
                                      ot_view_get_worksheet (OT_VIEW (self)), get_flags (self));
  setup = self->page_setup ? g_object_ref (self->page_setup) : page_setup_for_paper (get_paper (self));
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (operation), setup);
  if (self->print_settings != NULL)
    gtk_print_operation_set_print_settings (GTK_PRINT_OPERATION (operation), self->print_settings);
  gtk_print_operation_set_allow_async (GTK_PRINT_OPERATION (operation), TRUE);

  /* print_done_cb lets go of the operation. */
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), self, 0);
  if (gtk_print_operation_run (GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                               &error) == GTK_PRINT_OPERATION_RESULT_ERROR
      && error != NULL)
    show_error (self, _("Could Not Print the Summary"), error->message);
}

static void
zoom_in_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  OtSummaryView *self = OT_SUMMARY_VIEW (widget);
  double zoom = effective_zoom (self);

  for (guint i = 0; i < G_N_ELEMENTS (zoom_levels); i++)
    if (zoom_levels[i] > zoom + 0.01)
      {
        set_zoom (self, zoom_levels[i]);
        return;
      }
  set_zoom (self, zoom_levels[G_N_ELEMENTS (zoom_levels) - 1]);
}

static void
zoom_out_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  OtSummaryView *self = OT_SUMMARY_VIEW (widget);
  double zoom = effective_zoom (self);

  for (guint i = G_N_ELEMENTS (zoom_levels); i > 0; i--)
    if (zoom_levels[i - 1] < zoom - 0.01)
      {
        set_zoom (self, zoom_levels[i - 1]);
        return;
      }
  set_zoom (self, zoom_levels[0]);
}

static void
zoom_fit_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  set_zoom (OT_SUMMARY_VIEW (widget), 0);
}

static void
ot_summary_view_build (OtView *view)
{
  OtSummaryView *self = OT_SUMMARY_VIEW (view);

  ot_glance_grid_set_model (self->glance_grid, ot_view_get_content (view), ot_view_get_worksheet (view));
  g_signal_connect_object (ot_view_get_worksheet (view), "changed",
                           G_CALLBACK (worksheet_changed_cb), self, G_CONNECT_SWAPPED);
  /* Laid out when first shown, so the window opens without waiting. */
  self->dirty = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    relayout (self);
}

static void
ot_summary_view_map (GtkWidget *widget)
{
  OtSummaryView *self = OT_SUMMARY_VIEW (widget);

  GTK_WIDGET_CLASS (ot_summary_view_parent_class)->map (widget);

  /* Once the first frame is drawn (an idle comes after the frame): a
   * thread laying out meanwhile took the second core from the frame, on a
   * machine of two, and the view took 90 to 190 ms to show. */
  if (self->dirty && self->relayout_id == 0)
    self->relayout_id = g_idle_add (relayout_timeout_cb, self);
}

static void
ot_summary_view_dispose (GObject *object)
{
  OtSummaryView *self = OT_SUMMARY_VIEW (object);

  g_clear_handle_id (&self->relayout_id, g_source_remove);
  g_cancellable_cancel (self->layout_cancellable);
  g_clear_object (&self->layout_cancellable);
  g_clear_object (&self->summary);
  g_clear_object (&self->print_settings);
  g_clear_object (&self->page_setup);
  g_clear_object (&self->export_folder);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ot_summary_view_parent_class)->dispose (object);
}

static void
ot_summary_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  OtSummaryView *self = OT_SUMMARY_VIEW (object);

  switch (prop_id)
    {
    case PROP_FULL:
      g_value_set_boolean (value, self->full);
      break;
    case PROP_LARGE_PRINT:
      g_value_set_boolean (value, self->large_print);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ot_summary_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  OtSummaryView *self = OT_SUMMARY_VIEW (object);
  gboolean *field;

  switch (prop_id)
    {
    case PROP_FULL:
      field = &self->full;
      break;
    case PROP_LARGE_PRINT:
      field = &self->large_print;
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  if (*field == g_value_get_boolean (value))
    return;
  *field = g_value_get_boolean (value);
  g_object_notify_by_pspec (object, pspec);
  /* Paper-size changes and these lay the pages out the same way. */
  paper_changed_cb (self);
}

static void
ot_summary_view_class_init (OtSummaryViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  OtViewClass *view_class = OT_VIEW_CLASS (klass);

  object_class->dispose = ot_summary_view_dispose;
  object_class->get_property = ot_summary_view_get_property;
  object_class->set_property = ot_summary_view_set_property;

  properties[PROP_FULL] =
    g_param_spec_boolean ("full", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LARGE_PRINT] =
    g_param_spec_boolean ("large-print", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  widget_class->map = ot_summary_view_map;

  view_class->build = ot_summary_view_build;

  g_type_ensure (OT_TYPE_GLANCE_GRID);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ot-summary-view.ui");
  gtk_widget_class_bind_template_child (widget_class, OtSummaryView, glance_grid);
  gtk_widget_class_bind_template_child (widget_class, OtSummaryView, pages_box);
  gtk_widget_class_bind_template_child (widget_class, OtSummaryView, pages_label);
  gtk_widget_class_bind_template_child (widget_class, OtSummaryView, paper_dropdown);
  gtk_widget_class_bind_template_child (widget_class, OtSummaryView, scroller);
  gtk_widget_class_bind_template_child (widget_class, OtSummaryView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, OtSummaryView, zoom_label);

  gtk_widget_class_install_action (widget_class, "summary.export-pdf", NULL, export_pdf_activated);
  gtk_widget_class_install_action (widget_class, "summary.export-to", "s", export_to_activated);
  gtk_widget_class_install_action (widget_class, "summary.print", NULL, print_activated);
  gtk_widget_class_install_action (widget_class, "summary.zoom-in", NULL, zoom_in_activated);
  gtk_widget_class_install_action (widget_class, "summary.zoom-out", NULL, zoom_out_activated);
  gtk_widget_class_install_action (widget_class, "summary.zoom-fit", NULL, zoom_fit_activated);
  gtk_widget_class_install_property_action (widget_class, "summary.full", "full");
  gtk_widget_class_install_property_action (widget_class, "summary.large-print", "large-print");

  /* Ctrl+plus and Ctrl+minus stay the application's text zoom; the
   * preview zooms with its buttons.  Ctrl+P is the window's (win.print),
   * so it prints from every view. */
}

static void
ot_summary_view_init (OtSummaryView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  g_settings_bind_with_mapping (self->settings, "paper-size", self->paper_dropdown, "selected",
                                G_SETTINGS_BIND_DEFAULT, paper_get_mapping, paper_set_mapping, NULL, NULL);
  ot_compat_name_drop_down_button (self->paper_dropdown, _("Paper Size"));
  g_signal_connect_object (self->paper_dropdown, "notify::selected",
                           G_CALLBACK (paper_changed_cb), self, G_CONNECT_SWAPPED);
  set_zoom (self, 0);
}
