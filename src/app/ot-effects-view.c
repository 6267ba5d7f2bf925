/* ot-effects-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ot-effects-view"

#include "config.h"

#include <glib/gi18n.h>

#include "ot-effects-view.h"

struct _OtEffectsView
{
  OtView parent_instance;
};

G_DEFINE_FINAL_TYPE (OtEffectsView, ot_effects_view, OT_TYPE_VIEW)

static void
ot_effects_view_class_init (OtEffectsViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ot-effects-view.ui");
}

static void
ot_effects_view_init (OtEffectsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
