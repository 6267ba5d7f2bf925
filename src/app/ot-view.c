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

static void
ot_view_class_init (OtViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ot_view_dispose;
}

static void
ot_view_init (OtView *self)
{
}

/**
 * ot_view_set_model:
 *
 * Gives the view what it shows; called once, by the window.
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

  if (OT_VIEW_GET_CLASS (self)->model_set != NULL)
    OT_VIEW_GET_CLASS (self)->model_set (self);
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
