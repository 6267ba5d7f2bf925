/* ot-view.c: what every page of the main window shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ot-view"

#include "config.h"

#include "ot-view.h"

/* A part of the worksheet the view shows, and how it shows it again. */
typedef struct
{
  OtView          *view;
  OtViewRefresh    refresh;
  OtViewWhen       when;
  gulong           handler_id;
  gboolean         pending;    /* changed while the view was hidden */
} Follower;

typedef struct
{
  OtContent   *content;
  OtWorksheet *worksheet;
  GPtrArray   *followers;      /* of Follower */
  gulong       all_id;
  gboolean     built;
} OtViewPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (OtView, ot_view, ADW_TYPE_BIN)

/* Runs each pending refresh that may run now once, however many parts
 * it follows. */
static void
flush_pending (OtView *self)
{
  OtViewPrivate *priv = ot_view_get_instance_private (self);
  gboolean shown = gtk_widget_get_mapped (GTK_WIDGET (self));

  for (guint i = 0; i < priv->followers->len; i++)
    {
      Follower *follower = priv->followers->pdata[i];
      OtViewRefresh refresh = follower->refresh;

      if (!follower->pending || !(shown || follower->when == OT_VIEW_AT_ONCE))
        continue;
      for (guint j = i; j < priv->followers->len; j++)
        if (((Follower *) priv->followers->pdata[j])->refresh == refresh)
          ((Follower *) priv->followers->pdata[j])->pending = FALSE;
      refresh (self);
    }
}

static void
part_changed_cb (Follower *follower)
{
  follower->pending = TRUE;
  flush_pending (follower->view);
}

static void
all_changed_cb (OtView *self)
{
  OtViewPrivate *priv = ot_view_get_instance_private (self);

  for (guint i = 0; i < priv->followers->len; i++)
    ((Follower *) priv->followers->pdata[i])->pending = TRUE;
  flush_pending (self);
}

static void
ot_view_dispose (GObject *object)
{
  OtViewPrivate *priv = ot_view_get_instance_private (OT_VIEW (object));

  if (priv->worksheet != NULL)
    {
      for (guint i = 0; i < priv->followers->len; i++)
        g_clear_signal_handler (&((Follower *) priv->followers->pdata[i])->handler_id, priv->worksheet);
      g_clear_signal_handler (&priv->all_id, priv->worksheet);
    }
  g_ptr_array_set_size (priv->followers, 0);
  g_clear_object (&priv->worksheet);
  g_clear_pointer (&priv->content, ot_content_unref);

  G_OBJECT_CLASS (ot_view_parent_class)->dispose (object);
}

static void
ot_view_finalize (GObject *object)
{
  OtViewPrivate *priv = ot_view_get_instance_private (OT_VIEW (object));

  g_ptr_array_unref (priv->followers);

  G_OBJECT_CLASS (ot_view_parent_class)->finalize (object);
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
ot_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (ot_view_parent_class)->map (widget);

  flush_pending (OT_VIEW (widget));
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
  object_class->finalize = ot_view_finalize;

  widget_class->map = ot_view_map;
  widget_class->root = ot_view_root;
  widget_class->system_setting_changed = ot_view_system_setting_changed;
}

static void
ot_view_init (OtView *self)
{
  OtViewPrivate *priv = ot_view_get_instance_private (self);

  priv->followers = g_ptr_array_new_with_free_func (g_free);
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
 * ot_view_follow:
 * @part: an OT_WORKSHEET_PART_ name
 * @refresh: shows @part of the worksheet again
 * @when: %OT_VIEW_WHEN_SHOWN to wait, while the view is hidden, for its
 *   next show; %OT_VIEW_AT_ONCE for what must be right even then
 *
 * Calls @refresh after @part of the worksheet changes, and after every
 * answer is replaced.  Called from build, after the view has shown
 * the worksheet once.
 */
void
ot_view_follow (OtView        *self,
                const char    *part,
                OtViewRefresh  refresh,
                OtViewWhen     when)
{
  OtViewPrivate *priv = ot_view_get_instance_private (self);
  g_autofree char *signal = NULL;
  Follower *follower;

  g_return_if_fail (OT_IS_VIEW (self));
  g_return_if_fail (part != NULL);
  g_return_if_fail (refresh != NULL);
  g_return_if_fail (priv->worksheet != NULL);

  signal = g_strconcat ("changed::", part, NULL);
  follower = g_new0 (Follower, 1);
  follower->view = self;
  follower->refresh = refresh;
  follower->when = when;
  follower->handler_id = g_signal_connect_swapped (priv->worksheet, signal, G_CALLBACK (part_changed_cb), follower);
  g_ptr_array_add (priv->followers, follower);
  if (priv->all_id == 0)
    priv->all_id = g_signal_connect_swapped (priv->worksheet, "changed::" OT_WORKSHEET_PART_ALL,
                                             G_CALLBACK (all_changed_cb), self);
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
