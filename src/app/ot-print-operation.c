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
  OtSummaryFlags     flags;
};

G_DEFINE_FINAL_TYPE (OtPrintOperation, ot_print_operation, GTK_TYPE_PRINT_OPERATION)

/* The pages are laid out once the paper is known: the same code as the
 * preview and the PDF, on whatever paper the printer dialog chose. */
static void
ot_print_operation_begin_print (GtkPrintOperation *operation,
                                GtkPrintContext   *context)
{
  OtPrintOperation *self = OT_PRINT_OPERATION (operation);

  g_clear_object (&self->summary);
  self->summary = ot_summary_new_with_flags (self->content, self->worksheet,
                                             gtk_print_context_get_width (context),
                                             gtk_print_context_get_height (context),
                                             NULL, self->flags);
  gtk_print_operation_set_n_pages (operation, (int) ot_summary_get_n_pages (self->summary));
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
