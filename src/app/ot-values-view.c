/* ot-values-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ot-values-view"

#include "config.h"

#include <glib/gi18n.h>

#include "ot-values-view.h"

struct _OtValuesView
{
  OtView parent_instance;
};

G_DEFINE_FINAL_TYPE (OtValuesView, ot_values_view, OT_TYPE_VIEW)

static void
ot_values_view_class_init (OtValuesViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ot-values-view.ui");
}

static void
ot_values_view_init (OtValuesView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
