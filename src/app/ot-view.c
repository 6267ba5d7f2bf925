/* ot-view.c: what every page of the main window shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ot-view"

#include "config.h"

#include "ot-view.h"

/* Narrower than this, at the usual text size, options side by side come
 * one after another instead. */
#define STACK_BELOW 600

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
 * it follows; with @hidden_too, those that wait for the view's showing
 * too.  Returns whether any ran. */
static gboolean
flush_pending (OtView   *self,
               gboolean  hidden_too)
{
  OtViewPrivate *priv = ot_view_get_instance_private (self);
  gboolean shown = hidden_too || gtk_widget_get_mapped (GTK_WIDGET (self));
  gboolean any = FALSE;

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
      any = TRUE;
    }
  return any;
}

static void
part_changed_cb (Follower *follower)
{
  follower->pending = TRUE;
  flush_pending (follower->view, FALSE);
}

static void
all_changed_cb (OtView *self)
{
  OtViewPrivate *priv = ot_view_get_instance_private (self);

  for (guint i = 0; i < priv->followers->len; i++)
    ((Follower *) priv->followers->pdata[i])->pending = TRUE;
  flush_pending (self, FALSE);
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

/* A view builds its rows once it is in the window (when its page is
 * first shown, or before, ot-window.c).  Building before the window is
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
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  GTK_WIDGET_CLASS (ot_view_parent_class)->root (widget);

  ot_view_build (OT_VIEW (widget));
  /* Hidden until shown, as after each showing (ot_view_unmap()). */
  if (child != NULL && !gtk_widget_get_mapped (widget))
    gtk_widget_set_visible (child, FALSE);
}

/* A hidden page's content is hidden too, not only left unmapped: GTK
 * still keeps the styles of what is unmapped up to date, and with 400
 * rows of one's own values and questions that took about 40 ms at each
 * change of view. */
static void
ot_view_map (GtkWidget *widget)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  if (child != NULL)
    gtk_widget_set_visible (child, TRUE);

  /* What changed while the view was hidden is there when it shows: a
   * group that opens for it is open, not sliding open. */
  flush_pending (OT_VIEW (widget), TRUE);

  GTK_WIDGET_CLASS (ot_view_parent_class)->map (widget);
}

static void
ot_view_unmap (GtkWidget *widget)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  GTK_WIDGET_CLASS (ot_view_parent_class)->unmap (widget);

  if (child != NULL)
    gtk_widget_set_visible (child, FALSE);
}

static void
ot_view_system_setting_changed (GtkWidget        *widget,
                                GtkSystemSetting  setting)
{
  GTK_WIDGET_CLASS (ot_view_parent_class)->system_setting_changed (widget, setting);

  if (setting == GTK_SYSTEM_SETTING_DPI)
    update_clamps (OT_VIEW (widget));
}

/* The sections of a view, for Ctrl+Page Down and Ctrl+Page Up: its shown
 * groups with a heading, in reading order.  @focus_at becomes the number
 * of sections before the focus, and @current the one holding it, if any. */
static void
collect_sections (GtkWidget *widget,
                  GtkWidget *focus,
                  GPtrArray *sections,
                  int       *focus_at,
                  int       *current)
{
  if (widget == focus)
    *focus_at = sections->len;

  if (ADW_IS_PREFERENCES_GROUP (widget) && gtk_widget_get_mapped (widget)
      && g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget)), "") != 0)
    {
      if (focus != NULL && (widget == focus || gtk_widget_is_ancestor (focus, widget)))
        *current = sections->len;
      g_ptr_array_add (sections, widget);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_sections (child, focus, sections, focus_at, current);
}

/* Scrolls @section's heading to the top of its scrolled window, as far as
 * it goes: moving the focus alone shows its first control, perhaps with
 * the heading out of sight above.  Measured against the scrolled content,
 * whose layout the scrolling has not caught up with yet. */
static void
scroll_to_heading (GtkWidget *section)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (section, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *content = scrolled ? gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)) : NULL;
  graphene_rect_t bounds;

  if (GTK_IS_VIEWPORT (content))
    content = gtk_viewport_get_child (GTK_VIEWPORT (content));
  if (content == NULL || !gtk_widget_compute_bounds (section, content, &bounds))
    return;

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)), bounds.origin.y);
}

/* Ctrl+Page Down, Ctrl+Page Up: the keyboard goes to the first control of
 * the next or previous section that has one, with its heading in view. */
static void
jump_section_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  int step = g_variant_get_int32 (parameter) > 0 ? 1 : -1;
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  g_autoptr(GPtrArray) sections = g_ptr_array_new ();
  int focus_at = 0;
  int current = -1;
  int next;

  collect_sections (widget, focus, sections, &focus_at, &current);
  /* From outside every section: the first after the focus, or the last before it. */
  next = current >= 0 ? current + step : (step > 0 ? focus_at : focus_at - 1);

  for (; next >= 0 && next < (int) sections->len; next += step)
    {
      GtkWidget *section = g_ptr_array_index (sections, next);

      if (gtk_widget_child_focus (section, GTK_DIR_TAB_FORWARD))
        {
          scroll_to_heading (section);
          return;
        }
    }

  gtk_widget_error_bell (widget);
}

static void
add_section_shortcuts (OtView *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  /* Before the controls inside see the keys: a scrolled window or a text
   * view would take Ctrl+Page Down to scroll sideways. */
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (int step = -1; step <= 1; step += 2)
    {
      GtkShortcut *shortcut =
        gtk_shortcut_new (gtk_keyval_trigger_new (step > 0 ? GDK_KEY_Page_Down : GDK_KEY_Page_Up, GDK_CONTROL_MASK),
                          gtk_named_action_new ("view.jump-section"));

      gtk_shortcut_set_arguments (shortcut, g_variant_new_int32 (step));
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
    }
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
ot_view_class_init (OtViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ot_view_dispose;
  object_class->finalize = ot_view_finalize;

  widget_class->map = ot_view_map;
  widget_class->unmap = ot_view_unmap;
  widget_class->root = ot_view_root;
  widget_class->system_setting_changed = ot_view_system_setting_changed;

  gtk_widget_class_install_action (widget_class, "view.jump-section", "i", jump_section_activated);
}

static void
ot_view_init (OtView *self)
{
  OtViewPrivate *priv = ot_view_get_instance_private (self);

  priv->followers = g_ptr_array_new_with_free_func (g_free);
  add_section_shortcuts (self);
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
 * ot_view_catch_up:
 *
 * Shows now, though the view is hidden, what changed while it was: after
 * another worksheet its next showing then has nothing left to make.
 *
 * Returns: whether there was anything to show
 */
gboolean
ot_view_catch_up (OtView *self)
{
  g_return_val_if_fail (OT_IS_VIEW (self), FALSE);

  return flush_pending (self, TRUE);
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

/**
 * ot_view_stacks_options:
 * @widget: a widget in a view, showing options side by side
 * @width: the width it is given
 *
 * Whether @width is too narrow for options side by side at the view's
 * text size, so that they come one after another instead.
 */
gboolean
ot_view_stacks_options (GtkWidget *widget,
                        int        width)
{
  GtkWidget *view = gtk_widget_get_ancestor (widget, OT_TYPE_VIEW);

  return width < STACK_BELOW * (view != NULL ? ot_view_get_text_scale (OT_VIEW (view)) : 1.0);
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
