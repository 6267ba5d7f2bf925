/* ot-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ot-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ot-compat.h"
#include "ot-effects-view.h"
#include "ot-options-view.h"
#include "ot-situation-view.h"
#include "ot-sources-window.h"
#include "ot-summary-view.h"
#include "ot-values-view.h"
#include "ot-window-private.h"

enum {
  PROP_0,
  PROP_CONTENT_PACK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (OtWindow, ot_window, ADW_TYPE_APPLICATION_WINDOW)

static void
ot_window_restore_state (OtWindow *self)
{
  int width, height;

  g_settings_get (self->settings, "window-size", "(ii)", &width, &height);
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);

  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
ot_window_save_state (OtWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set (self->settings, "window-size", "(ii)", width, height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
}

static gboolean
ot_window_close_request (GtkWindow *window)
{
  /* Unsaved answers: the window asks first and closes itself later. */
  if (ot_window_file_close_request (OT_WINDOW (window)))
    return TRUE;

  ot_window_save_state (OT_WINDOW (window));

  return GTK_WINDOW_CLASS (ot_window_parent_class)->close_request (window);
}

/* The pages of the stack, by name, and the view each one holds. */
static const struct
{
  const char *name;
  gsize       page_offset;
  GType     (*get_type) (void);
  gboolean    aside;       /* made before it is shown (prebuild_cb()) */
} pages[] = {
  { "situation", G_STRUCT_OFFSET (OtWindow, situation_page), ot_situation_view_get_type, FALSE },
  { "options", G_STRUCT_OFFSET (OtWindow, options_page), ot_options_view_get_type, FALSE },
  { "side-effects", G_STRUCT_OFFSET (OtWindow, effects_page), ot_effects_view_get_type, FALSE },
  { "values", G_STRUCT_OFFSET (OtWindow, values_page), ot_values_view_get_type, TRUE },
  { "summary", G_STRUCT_OFFSET (OtWindow, summary_page), ot_summary_view_get_type, FALSE },
};

/* A page's view is made when the page is first shown, or for What Matters
 * to Me before, while the window is idle after its first frame
 * (prebuild_cb()). */
static GtkWidget *
ensure_view (OtWindow   *self,
             const char *name)
{
  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (pages); i++)
    {
      AdwBin *page = G_STRUCT_MEMBER (AdwBin *, self, pages[i].page_offset);
      OtView *view;

      if (!g_str_equal (pages[i].name, name))
        continue;
      if (adw_bin_get_child (page) != NULL)
        return adw_bin_get_child (page);

      view = g_object_new (pages[i].get_type (), NULL);
      ot_view_set_model (view, self->content, self->worksheet);
      adw_bin_set_child (page, GTK_WIDGET (view));
      return GTK_WIDGET (view);
    }
  return NULL;
}

/* What Matters to Me is made, and the hidden views shown another
 * worksheet, while the window is idle: one view a turn of the main loop.
 * Made in the key press that showed it, What Matters to Me at the
 * reader's limits held the window for 60 ms before GTK measured it (70
 * more); the other views take 10 to 20 ms, and made aside they showed no
 * sooner, each holding 2 MiB more from the start.  A view's content stays
 * hidden until it is shown (ot_view_root()), and the stack measures only
 * the page it shows, so a view made aside costs nothing more until then. */
static gboolean
prebuild_cb (gpointer data)
{
  OtWindow *self = data;

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      AdwBin *page = G_STRUCT_MEMBER (AdwBin *, self, pages[i].page_offset);
      GtkWidget *view = adw_bin_get_child (page);

      if (view == NULL && pages[i].aside)
        {
          ensure_view (self, pages[i].name);
          return G_SOURCE_CONTINUE;
        }
      if (view != NULL && !gtk_widget_get_mapped (view) && ot_view_catch_up (OT_VIEW (view)))
        return G_SOURCE_CONTINUE;
    }
  self->prebuild_id = 0;
  return G_SOURCE_REMOVE;
}

/* Never before the window's first frame, which it would hold up. */
static void
prebuild_later (OtWindow *self)
{
  if (self->drawn && self->prebuild_id == 0)
    self->prebuild_id = g_idle_add_full (G_PRIORITY_LOW, prebuild_cb, self, NULL);
}

static void
first_paint_cb (GdkFrameClock *clock,
                OtWindow      *self)
{
  g_clear_signal_handler (&self->first_paint_id, clock);
  self->drawn = TRUE;
  prebuild_later (self);
}

static void
ot_window_map (GtkWidget *widget)
{
  OtWindow *self = OT_WINDOW (widget);

  GTK_WIDGET_CLASS (ot_window_parent_class)->map (widget);
  if (!self->drawn)
    self->first_paint_id = g_signal_connect_after (gtk_widget_get_frame_clock (widget), "after-paint",
                                                   G_CALLBACK (first_paint_cb), self);
}

static void
ot_window_unmap (GtkWidget *widget)
{
  OtWindow *self = OT_WINDOW (widget);

  g_clear_signal_handler (&self->first_paint_id, gtk_widget_get_frame_clock (widget));
  GTK_WIDGET_CLASS (ot_window_parent_class)->unmap (widget);
}

static void
visible_page_changed_cb (OtWindow *self)
{
  ensure_view (self, adw_view_stack_get_visible_child_name (self->stack));
}

/* @date as the person's language writes a date in full. */
static char *
dup_full_date (const GDate *date)
{
  char text[64];

  g_date_strftime (text, sizeof text, C_("full date", "%-d %B %Y"), date);
  return g_strdup (g_strstrip (text));
}

static void
ot_window_constructed (GObject *object)
{
  OtWindow *self = OT_WINDOW (object);

  G_OBJECT_CLASS (ot_window_parent_class)->constructed (object);

  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDate) today = g_date_new_dmy (g_date_time_get_day_of_month (now),
                                           g_date_time_get_month (now),
                                           g_date_time_get_year (now));

  g_signal_connect_object (self->stack, "notify::visible-child-name",
                           G_CALLBACK (visible_page_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->worksheet, "changed::" OT_WORKSHEET_PART_ALL,
                           G_CALLBACK (prebuild_later), self, G_CONNECT_SWAPPED);
  visible_page_changed_cb (self);

  if (ot_content_is_overdue (self->content, today))
    {
      g_autofree char *date = dup_full_date (&ot_content_get_meta (self->content)->review_by);
      g_autofree char *text = NULL;

      text = g_strdup_printf (_("This information was due to be checked again by %s. It may be out "
                                "of date: ask your care team about anything new."), date);
      ot_window_show_banner (self, text);
    }

  ot_window_file_constructed (self);
}

static void
ot_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  OtWindow *self = OT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTENT_PACK:
      self->content = g_value_dup_boxed (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ot_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  OtWindow *self = OT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTENT_PACK:
      g_value_set_boxed (value, self->content);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ot_window_dispose (GObject *object)
{
  OtWindow *self = OT_WINDOW (object);

  ot_window_file_dispose (self);
  g_clear_handle_id (&self->prebuild_id, g_source_remove);
  g_clear_object (&self->settings);
  g_clear_object (&self->worksheet);
  g_clear_pointer (&self->content, ot_content_unref);

  G_OBJECT_CLASS (ot_window_parent_class)->dispose (object);
}

static void
ot_window_finalize (GObject *object)
{
  ot_window_autosave_finalize (OT_WINDOW (object));

  G_OBJECT_CLASS (ot_window_parent_class)->finalize (object);
}

static void
sources_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  OtWindow *self = OT_WINDOW (widget);
  GtkWidget *sources = ot_sources_window_new (self->content);

  gtk_window_set_transient_for (GTK_WINDOW (sources), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (sources));
}

/* Alt+1 … Alt+5: the keyboard goes into the view too, to its first
 * control, rather than staying behind in the view left. */
static void
show_view_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  OtWindow *self = OT_WINDOW (widget);
  GtkWidget *view;

  /* Let go of the focus first: GTK would move it on by one once the
   * view it was in is hidden. */
  gtk_window_set_focus (GTK_WINDOW (self), NULL);
  ot_window_show_view (self, g_variant_get_string (parameter, NULL));
  view = adw_view_stack_get_visible_child (self->stack);
  if (view != NULL && gtk_widget_get_mapped (view))
    gtk_widget_child_focus (view, GTK_DIR_TAB_FORWARD);
}

/* Ctrl+P prints the summary and Ctrl+E exports it as a PDF from any view:
 * it is what there is to print. */
static void
summary_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  OtWindow *self = OT_WINDOW (widget);

  gtk_widget_activate_action (ensure_view (self, "summary"),
                              g_str_equal (action_name, "win.print") ? "summary.print" : "summary.export-pdf", NULL);
}

/* The shortcuts window is made when it is first asked for, not with the
 * main window (as GTK does with gtk/help-overlay.ui): the window opens
 * sooner.  GTK's own action then takes the place of this one. */
static void
show_shortcuts_activated (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  GtkApplicationWindow *self = GTK_APPLICATION_WINDOW (user_data);
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_PREFIX "/ot-shortcuts-window.ui");
  GtkShortcutsWindow *shortcuts = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));

  ot_compat_name_shortcuts_window (shortcuts);
  g_action_map_remove_action (G_ACTION_MAP (self), "show-help-overlay");
  gtk_application_window_set_help_overlay (self, shortcuts);
  g_action_group_activate_action (G_ACTION_GROUP (self), "show-help-overlay", NULL);
}

/* Whether the window is too narrow for the view switcher in its header,
 * which then shows the title instead. */
gboolean
ot_window_is_narrow (OtWindow *self)
{
  return adw_squeezer_get_visible_child (self->title_squeezer) == GTK_WIDGET (self->window_title);
}

/* The views' names in the bar wrap where libadwaita would shorten them
 * to "What Matters t…": the bar gives each a fifth of a narrow window.
 * Only the names it would shorten, those under their icons: the others,
 * beside them, are never shown in the bar. */
static void
let_names_wrap (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_label_get_ellipsize (GTK_LABEL (widget)) != PANGO_ELLIPSIZE_NONE)
    {
      gtk_label_set_ellipsize (GTK_LABEL (widget), PANGO_ELLIPSIZE_NONE);
      gtk_label_set_wrap (GTK_LABEL (widget), TRUE);
      gtk_label_set_justify (GTK_LABEL (widget), GTK_JUSTIFY_CENTER);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    let_names_wrap (child);
}

/* A narrow window has its view switcher in a bar at the bottom, which gets
 * its view buttons when first shown: most windows are wide, and open
 * sooner without them. */
static void
title_squeezed_cb (OtWindow *self)
{
  gboolean narrow = ot_window_is_narrow (self);

  if (narrow && adw_view_switcher_bar_get_stack (self->switcher_bar) == NULL)
    {
      adw_view_switcher_bar_set_stack (self->switcher_bar, self->stack);
      let_names_wrap (GTK_WIDGET (self->switcher_bar));
    }
  adw_view_switcher_bar_set_reveal (self->switcher_bar, narrow);
}

/* The main menu is made when first opened: its items, each with its
 * shortcut, are many widgets the window need not make to open. */
static void
create_primary_menu (GtkMenuButton *button,
                     gpointer       user_data)
{
  OtWindow *self = user_data;

  if (gtk_menu_button_get_menu_model (button) == NULL)
    {
      gtk_menu_button_set_menu_model (button, self->primary_menu);
      ot_compat_name_menu_items (GTK_WIDGET (gtk_menu_button_get_popover (button)));
    }
}

static void
ot_window_class_init (OtWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);
  static const char *views[] = { "situation", "options", "side-effects", "values", "summary" };

  object_class->constructed = ot_window_constructed;
  object_class->dispose = ot_window_dispose;
  object_class->finalize = ot_window_finalize;
  object_class->get_property = ot_window_get_property;
  object_class->set_property = ot_window_set_property;

  widget_class->map = ot_window_map;
  widget_class->unmap = ot_window_unmap;

  window_class->close_request = ot_window_close_request;

  properties[PROP_CONTENT_PACK] =
    g_param_spec_boxed ("content-pack", NULL, NULL,
                        OT_TYPE_CONTENT,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);


  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ot-window.ui");
  gtk_widget_class_bind_template_child (widget_class, OtWindow, banner);
  gtk_widget_class_bind_template_child (widget_class, OtWindow, banner_label);
  gtk_widget_class_bind_template_child (widget_class, OtWindow, effects_page);
  gtk_widget_class_bind_template_child (widget_class, OtWindow, file_label);
  gtk_widget_class_bind_template_child (widget_class, OtWindow, options_page);
  gtk_widget_class_bind_template_child (widget_class, OtWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, OtWindow, prepared);
  gtk_widget_class_bind_template_child (widget_class, OtWindow, prepared_label);
  gtk_widget_class_bind_template_child (widget_class, OtWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, OtWindow, situation_page);
  gtk_widget_class_bind_template_child (widget_class, OtWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, OtWindow, summary_page);
  gtk_widget_class_bind_template_child (widget_class, OtWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, OtWindow, title_squeezer);
  gtk_widget_class_bind_template_child (widget_class, OtWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, OtWindow, values_page);
  gtk_widget_class_bind_template_child (widget_class, OtWindow, window_title);

  gtk_widget_class_install_action (widget_class, "win.export-pdf", NULL, summary_activated);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, summary_activated);
  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view_activated);
  gtk_widget_class_install_action (widget_class, "win.sources", NULL, sources_activated);

  /* Alt+1 … Alt+5 go to the views in order, as in GNOME's tabbed apps. */
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                         "win.show-view", "s", views[i]);

  ot_window_file_class_init (widget_class);
}

static void
ot_window_init (OtWindow *self)
{
  static const GActionEntry shortcuts_action[] = {
    { .name = "show-help-overlay", .activate = show_shortcuts_activated },
  };

  gtk_widget_init_template (GTK_WIDGET (self));
  ot_compat_name_view_pages (self->stack);
  g_signal_connect_swapped (self->title_squeezer, "notify::visible-child", G_CALLBACK (title_squeezed_cb), self);
  gtk_menu_button_set_create_popup_func (self->primary_menu_button, create_primary_menu, self, NULL);

  self->worksheet = ot_worksheet_new ();
  self->settings = g_settings_new (APP_ID);
  g_action_map_add_action_entries (G_ACTION_MAP (self), shortcuts_action, G_N_ELEMENTS (shortcuts_action), self);
  ot_window_restore_state (self);
  ot_window_file_init (self);
}

OtWindow *
ot_window_new (OtApplication *application)
{
  return g_object_new (OT_TYPE_WINDOW,
                       "application", application,
                       "content-pack", ot_application_get_content (application),
                       NULL);
}

void
ot_window_show_view (OtWindow   *self,
                     const char *name)
{
  g_return_if_fail (OT_IS_WINDOW (self));
  g_return_if_fail (name != NULL);

  if (adw_view_stack_get_child_by_name (self->stack, name) != NULL)
    adw_view_stack_set_visible_child_name (self->stack, name);
}

OtWorksheet *
ot_window_get_worksheet (OtWindow *self)
{
  g_return_val_if_fail (OT_IS_WINDOW (self), NULL);

  return self->worksheet;
}

const char *
ot_window_get_view (OtWindow *self)
{
  g_return_val_if_fail (OT_IS_WINDOW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->stack);
}

/**
 * ot_window_show_banner:
 * @text: (nullable): what to say, or %NULL to hide the banner
 *
 * Shows a line above the views that stays until hidden: for what the
 * person must not miss, such as out-of-date information.
 */
void
ot_window_show_banner (OtWindow   *self,
                       const char *text)
{
  g_return_if_fail (OT_IS_WINDOW (self));

  if (text != NULL)
    gtk_label_set_text (self->banner_label, text);
  gtk_revealer_set_reveal_child (self->banner, text != NULL);
}

/**
 * ot_window_show_prepared:
 * @date: (nullable): the day the worksheet opened was saved, or %NULL
 *
 * Says above the views when the worksheet was prepared, until another is
 * opened or a new one started; %NULL, or an invalid date, hides the line.
 */
void
ot_window_show_prepared (OtWindow    *self,
                         const GDate *date)
{
  g_return_if_fail (OT_IS_WINDOW (self));

  if (date != NULL && g_date_valid (date))
    {
      g_autofree char *day = dup_full_date (date);
      g_autofree char *text = g_strdup_printf (_("Prepared on %s. Change any answer that is different now."), day);

      gtk_label_set_text (self->prepared_label, text);
    }
  gtk_revealer_set_reveal_child (self->prepared, date != NULL && g_date_valid (date));
}

/* A message that goes by itself, for what the person need not act on. */
void
ot_window_toast (OtWindow   *self,
                 const char *title)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
ot_window_add_toast (OtWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (OT_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}
