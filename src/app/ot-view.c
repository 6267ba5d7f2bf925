/* ot-view.c: what every page of the main window shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ot-view"

#include "config.h"

#include "ot-view.h"

typedef struct
{
  OtContent   *content;
  OtWorksheet *worksheet;
  gboolean     built;
} OtViewPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (OtView, ot_view, ADW_TYPE_BIN)

static void
ot_view_dispose (GObject *object)
{
  OtViewPrivate *priv = ot_view_get_instance_private (OT_VIEW (object));

  g_clear_object (&priv->worksheet);
  g_clear_pointer (&priv->content, ot_content_unref);

  G_OBJECT_CLASS (ot_view_parent_class)->dispose (object);
}

/* A view builds its rows the first time it is shown: the window opens
 * without paying for the pages the person has not looked at yet. */
static void
ot_view_build (OtView *self)
{
  OtViewPrivate *priv = ot_view_get_instance_private (self);

  if (priv->built || priv->content == NULL)
    return;

  priv->built = TRUE;
  if (OT_VIEW_GET_CLASS (self)->model_set != NULL)
    OT_VIEW_GET_CLASS (self)->model_set (self);
}

static void
ot_view_map (GtkWidget *widget)
{
  ot_view_build (OT_VIEW (widget));

  GTK_WIDGET_CLASS (ot_view_parent_class)->map (widget);
}

static void
ot_view_class_init (OtViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ot_view_dispose;

  widget_class->map = ot_view_map;
}

static void
ot_view_init (OtView *self)
{
}

/**
 * ot_view_set_model:
 *
 * Gives the view what it shows; called once, by the window.  The view
 * builds itself from them when it is first shown.
 */
void
ot_view_set_model (OtView      *self,
                   OtContent   *content,
                   OtWorksheet *worksheet)
{
  OtViewPrivate *priv = ot_view_get_instance_private (self);

  g_return_if_fail (OT_IS_VIEW (self));
  g_return_if_fail (content != NULL);
  g_return_if_fail (OT_IS_WORKSHEET (worksheet));
  g_return_if_fail (priv->content == NULL);

  priv->content = ot_content_ref (content);
  priv->worksheet = g_object_ref (worksheet);

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    ot_view_build (self);
}

OtContent *
ot_view_get_content (OtView *self)
{
  OtViewPrivate *priv = ot_view_get_instance_private (self);

  g_return_val_if_fail (OT_IS_VIEW (self), NULL);

  return priv->content;
}

OtWorksheet *
ot_view_get_worksheet (OtView *self)
{
  OtViewPrivate *priv = ot_view_get_instance_private (self);

  g_return_val_if_fail (OT_IS_VIEW (self), NULL);

  return priv->worksheet;
}
