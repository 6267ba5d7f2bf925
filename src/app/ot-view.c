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

/* Clamps keep lines to a length that reads well; with larger text (the
 * zoom, the desktop's Large Text) that length is wider, so they widen with
 * it, from the width each was given at the normal size. */
static void
scale_clamps (GtkWidget *widget,
              double     scale)
{
  if (ADW_IS_CLAMP (widget))
    {
      AdwClamp *clamp = ADW_CLAMP (widget);
      int size = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (clamp), "ot-clamp-size"));
      int threshold = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (clamp), "ot-clamp-threshold"));

      if (size == 0)
        {
          size = adw_clamp_get_maximum_size (clamp);
          threshold = adw_clamp_get_tightening_threshold (clamp);
          g_object_set_data (G_OBJECT (clamp), "ot-clamp-size", GINT_TO_POINTER (size));
          g_object_set_data (G_OBJECT (clamp), "ot-clamp-threshold", GINT_TO_POINTER (threshold));
        }
      adw_clamp_set_maximum_size (clamp, (int) (size * scale));
      adw_clamp_set_tightening_threshold (clamp, (int) (threshold * scale));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    scale_clamps (child, scale);
}

static void
update_clamps (OtView *self)
{
  scale_clamps (GTK_WIDGET (self), ot_view_get_text_scale (self));
}

/* A view builds its rows once it is in the window: views are made when
 * their page is first shown, so the window opens without paying for the
 * pages the person has not looked at yet.  Building before the window is
 * first measured lets that measure serve the first frame. */
static void
ot_view_build (OtView *self)
{
  OtViewPrivate *priv = ot_view_get_instance_private (self);

  if (priv->built || priv->content == NULL || gtk_widget_get_root (GTK_WIDGET (self)) == NULL)
    return;

  priv->built = TRUE;
  if (OT_VIEW_GET_CLASS (self)->build != NULL)
    OT_VIEW_GET_CLASS (self)->build (self);
  update_clamps (self);
}

static void
ot_view_root (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (ot_view_parent_class)->root (widget);

  ot_view_build (OT_VIEW (widget));
}

static void
ot_view_system_setting_changed (GtkWidget        *widget,
                                GtkSystemSetting  setting)
{
  GTK_WIDGET_CLASS (ot_view_parent_class)->system_setting_changed (widget, setting);

  if (setting == GTK_SYSTEM_SETTING_DPI)
    update_clamps (OT_VIEW (widget));
}

static void
ot_view_class_init (OtViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ot_view_dispose;

  widget_class->root = ot_view_root;
  widget_class->system_setting_changed = ot_view_system_setting_changed;
}

static void
ot_view_init (OtView *self)
{
}

/**
 * ot_view_set_model:
 *
 * Gives the view what it shows; called once, by the window.  The view
 * builds itself from them once it is in the window.
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

  ot_view_build (self);
}

/**
 * ot_view_get_text_scale:
 *
 * How much larger than normal the text is drawn (the zoom and the
 * desktop's Large Text together), never less than 1.
 */
double
ot_view_get_text_scale (OtView *self)
{
  int dpi = 0;

  g_return_val_if_fail (OT_IS_VIEW (self), 1.0);

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-xft-dpi", &dpi, NULL);
  return dpi > 0 ? MAX (1.0, dpi / (96.0 * 1024)) : 1.0;
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
