/* ot-options-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ot-options-view"

#include "config.h"

#include <glib/gi18n.h>

#include "ot-options-view.h"

struct _OtOptionsView
{
  OtView parent_instance;
};

G_DEFINE_FINAL_TYPE (OtOptionsView, ot_options_view, OT_TYPE_VIEW)

static void
ot_options_view_class_init (OtOptionsViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ot-options-view.ui");
}

static void
ot_options_view_init (OtOptionsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
