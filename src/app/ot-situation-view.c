/* ot-situation-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ot-situation-view"

#include "config.h"

#include <glib/gi18n.h>

#include "ot-situation-view.h"

struct _OtSituationView
{
  OtView parent_instance;
};

G_DEFINE_FINAL_TYPE (OtSituationView, ot_situation_view, OT_TYPE_VIEW)

static void
ot_situation_view_class_init (OtSituationViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ot-situation-view.ui");
}

static void
ot_situation_view_init (OtSituationView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
