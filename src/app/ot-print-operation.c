/* ot-print-operation.c: printing the summary
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ot-print-operation"

#include "config.h"

#include <glib/gi18n.h>

#include "ot-print-operation.h"
#include "ot-summary.h"

struct _OtPrintOperation
{
  GtkPrintOperation  parent_instance;

  OtContent         *content;
  OtWorksheet       *worksheet;   /* a copy, as it was when printing began */
  OtSummary         *summary;
  GTask             *layout;      /* while the pages are laid out */
  OtSummaryFlags     flags;
};

G_DEFINE_FINAL_TYPE (OtPrintOperation, ot_print_operation, GTK_TYPE_PRINT_OPERATION)

/* A worksheet at the reader's limits takes most of a second to lay out:
 * it is done in a thread, with fonts of its own, as the preview's pages
 * are, and GTK asks (paginate) until the pages are ready. */
static void
layout_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  OtPrintOperation *self = source_object;
  const double *size = task_data;

  /* The content and the copy of the answers are only read, here and in
   * the main thread alike. */
  g_task_return_pointer (task,
                         ot_summary_new_with_flags (self->content, self->worksheet, size[0], size[1], NULL,
                                                    self->flags | OT_SUMMARY_OWN_FONTS),
                         g_object_unref);
}

static void
layout_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  OtPrintOperation *self = OT_PRINT_OPERATION (object);
  g_autoptr(OtSummary) summary = g_task_propagate_pointer (G_TASK (result), NULL);

  /* Printing began again meanwhile, perhaps on other paper. */
  if (G_TASK (result) != self->layout)
    return;

  self->layout = NULL;
  g_set_object (&self->summary, summary);
}

/* The pages are laid out once the paper is known: the same code as the
 * preview and the PDF, on whatever paper the printer dialog chose. */
static void
ot_print_operation_begin_print (GtkPrintOperation *operation,
                                GtkPrintContext   *context)
{
  OtPrintOperation *self = OT_PRINT_OPERATION (operation);
  g_autoptr(GTask) task = g_task_new (self, NULL, layout_done_cb, NULL);
  double *size = g_new (double, 2);

  g_clear_object (&self->summary);
  size[0] = gtk_print_context_get_width (context);
  size[1] = gtk_print_context_get_height (context);
  g_task_set_task_data (task, size, g_free);
  self->layout = task;
  g_task_run_in_thread (task, layout_thread);
}

static gboolean
paginate_cb (GtkPrintOperation *operation,
             GtkPrintContext   *context)
{
  OtPrintOperation *self = OT_PRINT_OPERATION (operation);

  if (self->summary == NULL)
    return FALSE;

  gtk_print_operation_set_n_pages (operation, (int) ot_summary_get_n_pages (self->summary));
  return TRUE;
}

static void
ot_print_operation_draw_page (GtkPrintOperation *operation,
                              GtkPrintContext   *context,
                              int                page_nr)
{
  OtPrintOperation *self = OT_PRINT_OPERATION (operation);

  g_return_if_fail (self->summary != NULL);
  g_return_if_fail (page_nr >= 0 && (guint) page_nr < ot_summary_get_n_pages (self->summary));

  ot_summary_draw_page (self->summary, gtk_print_context_get_cairo_context (context), (guint) page_nr);
}

static void
ot_print_operation_end_print (GtkPrintOperation *operation,
                              GtkPrintContext   *context)
{
  g_clear_object (&OT_PRINT_OPERATION (operation)->summary);
}

static void
ot_print_operation_finalize (GObject *object)
{
  OtPrintOperation *self = OT_PRINT_OPERATION (object);

  g_clear_object (&self->summary);
  g_clear_object (&self->worksheet);
  g_clear_pointer (&self->content, ot_content_unref);

  G_OBJECT_CLASS (ot_print_operation_parent_class)->finalize (object);
}

static void
ot_print_operation_class_init (OtPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->finalize = ot_print_operation_finalize;

  operation_class->begin_print = ot_print_operation_begin_print;
  operation_class->draw_page = ot_print_operation_draw_page;
  operation_class->end_print = ot_print_operation_end_print;
}

static void
ot_print_operation_init (OtPrintOperation *self)
{
  GtkPrintOperation *operation = GTK_PRINT_OPERATION (self);

  /* Points from the corner of the paper: the summary keeps its own
   * margins, wider than any printer's. */
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_job_name (operation, _("Summary for the visit"));
  /* GTK asks only when someone listens. */
  g_signal_connect (operation, "paginate", G_CALLBACK (paginate_cb), NULL);
}

/**
 * ot_print_operation_new:
 *
 * Prints the summary of @worksheet as it is now; later changes are not
 * printed.
 */
OtPrintOperation *
ot_print_operation_new (OtContent      *content,
                        OtWorksheet    *worksheet,
                        OtSummaryFlags  flags)
{
  OtPrintOperation *self;

  g_return_val_if_fail (content != NULL, NULL);
  g_return_val_if_fail (OT_IS_WORKSHEET (worksheet), NULL);

  self = g_object_new (OT_TYPE_PRINT_OPERATION, NULL);
  self->content = ot_content_ref (content);
  self->worksheet = ot_worksheet_new ();
  ot_worksheet_copy_from (self->worksheet, worksheet);
  self->flags = flags;

  return self;
}
