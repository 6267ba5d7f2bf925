/* ot-summary-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ot-summary-view"

#include "config.h"

#include <glib/gi18n.h>

#include "ot-summary-view.h"

struct _OtSummaryView
{
  OtView parent_instance;
};

G_DEFINE_FINAL_TYPE (OtSummaryView, ot_summary_view, OT_TYPE_VIEW)

static void
ot_summary_view_class_init (OtSummaryViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ot-summary-view.ui");
}

static void
ot_summary_view_init (OtSummaryView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
