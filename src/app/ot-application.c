/* ot-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ot-application"

#include "config.h"

#include <glib/gi18n.h>

#include "ot-application.h"
#include "ot-compat.h"
#include "ot-resources.h"
#include "ot-review.h"
#include "ot-window.h"
#include "ot-worksheet-io.h"

struct _OtApplication
{
  AdwApplication  parent_instance;

  OtContent      *content;
  GFile          *content_file;
  char           *content_error;
  gboolean        in_english;       /* the pack lacks the desktop's language */

  GSettings      *settings;
  int             base_dpi;

  GtkRecentManager *recent;          /* watched while the session is private */
  GDateTime        *private_since;
};

/* Text sizes for the shared screen of the consultation room. */
static const double zoom_levels[] = { 0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0 };

G_DEFINE_FINAL_TYPE (OtApplication, ot_application, ADW_TYPE_APPLICATION)

static const GOptionEntry main_entries[] = {
  { "content", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Use this content pack instead of the built-in one"), N_("FILE") },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, N_("[WORKSHEET]") },
  { NULL }
};

/* Runs before any display or bus is touched, after the command-line
 * tools of ot-cli.c have had their turn. */
static int
ot_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  OtApplication *self = OT_APPLICATION (app);
  g_autofree char *content = NULL;
  g_autofree const char **files = NULL;

  if (g_variant_dict_lookup (options, "content", "^ay", &content))
    self->content_file = g_file_new_for_commandline_arg (content);

  /* option-talk FILE opens it, in the running instance if there is one. */
  if (g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &files) && files[0] != NULL)
    {
      g_autoptr(GPtrArray) gfiles = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(GError) error = NULL;

      for (guint i = 0; files[i]; i++)
        g_ptr_array_add (gfiles, g_file_new_for_commandline_arg (files[i]));
      if (!g_application_register (app, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return EXIT_FAILURE;
        }
      g_application_open (app, (GFile **) gfiles->pdata, gfiles->len, "");
      return g_application_get_is_remote (app) ? EXIT_SUCCESS : -1;
    }

  return -1;
}

/* The desktop's text size: GNOME's Large Text (text-scaling-factor)
 * reaches GTK as this resolution, through XSETTINGS or the settings portal. */
static int
get_desktop_dpi (void)
{
  GdkDisplay *display = gdk_display_get_default ();
  GtkSettings *settings = gtk_settings_get_default ();
  g_auto(GValue) value = G_VALUE_INIT;
  int dpi = 0;

  g_value_init (&value, G_TYPE_INT);
  if (display != NULL && gdk_display_get_setting (display, "gtk-xft-dpi", &value))
    dpi = g_value_get_int (&value);
  if (dpi <= 0 && settings != NULL)
    {
      /* No desktop setting: what GTK has without the zoom. */
      gtk_settings_reset_property (settings, "gtk-xft-dpi");
      g_object_get (settings, "gtk-xft-dpi", &dpi, NULL);
    }

  return dpi > 0 ? dpi : 96 * 1024;
}

/* Zoom scales every text, the chart's included, through the resolution
 * fonts are drawn at, on top of the desktop's own text scaling; GSettings
 * keeps it for the next visit. */
static void
zoom_changed_cb (OtApplication *self)
{
  double zoom = g_settings_get_double (self->settings, "zoom");

  g_object_set (gtk_settings_get_default (), "gtk-xft-dpi", (int) (self->base_dpi * zoom), NULL);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "zoom-in")),
                               zoom < zoom_levels[G_N_ELEMENTS (zoom_levels) - 1] - 0.001);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "zoom-out")),
                               zoom > zoom_levels[0] + 0.001);
}

/* Large Text turned on or off while the window is open: the zoom's own
 * resolution would hide the change, so the zoom goes on top of the new one. */
static void
desktop_setting_changed_cb (OtApplication *self,
                            const char    *name)
{
  if (!g_str_equal (name, "gtk-xft-dpi"))
    return;

  self->base_dpi = get_desktop_dpi ();
  zoom_changed_cb (self);
}

static void
zoom_step (OtApplication *self,
           int            direction)
{
  double zoom = g_settings_get_double (self->settings, "zoom");
  double next = zoom;

  for (guint i = 0; i < G_N_ELEMENTS (zoom_levels); i++)
    {
      guint j = direction > 0 ? i : G_N_ELEMENTS (zoom_levels) - 1 - i;

      if ((direction > 0 && zoom_levels[j] > zoom + 0.001)
          || (direction < 0 && zoom_levels[j] < zoom - 0.001))
        {
          next = zoom_levels[j];
          break;
        }
    }

  g_settings_set_double (self->settings, "zoom", next);
}

static void
zoom_in_activated (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  zoom_step (user_data, 1);
}

static void
zoom_out_activated (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  zoom_step (user_data, -1);
}

static void
zoom_reset_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  OtApplication *self = user_data;

  g_settings_set_double (self->settings, "zoom", 1.0);
}

/* Private session: GTK's file chooser puts every worksheet or PDF saved,
 * exported or opened on the desktop's list of recent files
 * (recently-used.xbel), which other programs show.  While the session is
 * private, what Option Talk put there since it became private is taken
 * out as soon as the list changes, and the list is written again at once
 * rather than a quarter of a second later, which may be after quitting. */
static void
recent_changed_cb (GtkRecentManager *manager,
                   OtApplication    *self)
{
  const char *app_name = g_get_application_name ();
  GList *items = gtk_recent_manager_get_items (manager);
  guint removed = 0;

  for (GList *l = items; l != NULL; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      GDateTime *stamp = NULL;

      if (gtk_recent_info_get_application_info (info, app_name, NULL, NULL, &stamp)
          && stamp != NULL && g_date_time_compare (stamp, self->private_since) >= 0
          && gtk_recent_manager_remove_item (manager, gtk_recent_info_get_uri (info), NULL))
        removed++;
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);

  /* Runs this handler once more, which then finds nothing. */
  if (removed > 0)
    g_signal_emit_by_name (manager, "changed");
}

static void
private_session_changed_cb (OtApplication *self)
{
  gboolean is_private = g_settings_get_boolean (self->settings, "private-session");

  if (is_private && self->recent == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

      /* The list keeps whole seconds. */
      self->private_since = g_date_time_add_seconds (now, -1);
      self->recent = g_object_ref (gtk_recent_manager_get_default ());
      g_signal_connect_object (self->recent, "changed", G_CALLBACK (recent_changed_cb), self, 0);
    }
  else if (!is_private && self->recent != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->recent, recent_changed_cb, self);
      g_clear_object (&self->recent);
      g_clear_pointer (&self->private_since, g_date_time_unref);
    }
}

/* Reads the content pack: a clinic's pack when given, else the built-in
 * one.  Runs in a thread of its own while GTK and libadwaita start. */
static gpointer
load_content_thread (gpointer data)
{
  OtApplication *self = data;
  g_autoptr(GError) error = NULL;

  if (self->content_file != NULL)
    self->content = ot_content_new_from_file (self->content_file, &error);

  /* A clinic's broken pack is reported in the window, which then shows the
   * built-in pack; a broken built-in pack is a bug the tests catch. */
  if (error != NULL)
    {
      self->content_error = g_strdup_printf (_("Could not use the content pack: %s. "
                                               "Showing the built-in information instead."),
                                             error->message);
      g_clear_error (&error);
      g_clear_object (&self->content_file);
    }

  if (self->content == NULL)
    self->content = ot_content_new_default (&error);
  if (self->content == NULL)
    g_printerr ("%s\n", error->message);

  return NULL;
}

static void
ot_application_startup (GApplication *app)
{
  OtApplication *self = OT_APPLICATION (app);
  GThread *loader;

  /* GTK sets the locale as it starts: that must be done before the pack,
   * translated as it is read, is read alongside. */
  gtk_init ();
  loader = g_thread_new ("ot-content", load_content_thread, self);

  G_APPLICATION_CLASS (ot_application_parent_class)->startup (app);

  gtk_window_set_default_icon_name (APP_ID);
  ot_compat_name_entry_rows_once ();

  self->settings = g_settings_new (APP_ID);
  self->base_dpi = get_desktop_dpi ();
  g_signal_connect_object (self->settings, "changed::zoom", G_CALLBACK (zoom_changed_cb),
                           self, G_CONNECT_SWAPPED);
  if (gdk_display_get_default () != NULL)
    g_signal_connect_object (gdk_display_get_default (), "setting-changed",
                             G_CALLBACK (desktop_setting_changed_cb), self, G_CONNECT_SWAPPED);
  zoom_changed_cb (self);
  g_signal_connect_object (self->settings, "changed::private-session",
                           G_CALLBACK (private_session_changed_cb), self, G_CONNECT_SWAPPED);
  private_session_changed_cb (self);

  g_thread_join (loader);
  if (self->content != NULL)
    self->in_english = ot_content_use_one_language (&self->content, self->content_file);
}

static void
ot_application_activate (GApplication *app)
{
  OtApplication *self = OT_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (self->content == NULL)
    {
      g_application_quit (app);
      return;
    }

  if (window == NULL)
    {
      window = GTK_WINDOW (ot_window_new (self));
      if (self->content_error != NULL)
        ot_window_show_banner (OT_WINDOW (window), self->content_error);
      /* Each window of the last session comes back with its answers. */
      while (ot_autosave_slot_any_kept ())
        gtk_window_present (GTK_WINDOW (ot_window_new (self)));
    }

  gtk_window_present (window);
}

/* Opens the first file; a worksheet is one consultation, so one window. */
static void
ot_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  GtkWindow *window;

  ot_application_activate (app);
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window != NULL && n_files > 0)
    ot_window_ask_and_open (OT_WINDOW (window), files[0]);
}

static void
ot_application_dispose (GObject *object)
{
  OtApplication *self = OT_APPLICATION (object);

  g_clear_object (&self->content_file);
  g_clear_pointer (&self->content_error, g_free);
  if (self->recent != NULL)
    g_signal_handlers_disconnect_by_func (self->recent, recent_changed_cb, self);
  g_clear_object (&self->recent);
  g_clear_pointer (&self->private_since, g_date_time_unref);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->content, ot_content_unref);

  G_OBJECT_CLASS (ot_application_parent_class)->dispose (object);
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GtkApplication *app = user_data;
  GList *windows = gtk_application_get_windows (app);

  /* Closing each window lets it save its size and ask about unsaved work. */
  for (GList *l = windows; l; )
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_close (window);
    }
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  OtApplication *self = user_data;
  const OtMeta *meta = ot_application_get_content (self) ? ot_content_get_meta (self->content) : NULL;
  g_autofree char *content_note = NULL;
  g_autofree char *reviews = meta != NULL ? ot_content_describe_reviews (self->content) : NULL;
  static const char *developers[] = { "The Option Talk team", NULL };
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  AdwAboutWindow *about;

  if (meta != NULL)
    {
      char reviewed[32], review_by[32];

      g_date_strftime (reviewed, sizeof reviewed, "%x", &meta->reviewed);
      g_date_strftime (review_by, sizeof review_by, "%x", &meta->review_by);
      /* The legal section is markup; the pack's words are not. */
      content_note = g_markup_printf_escaped (_("Content pack %s, last reviewed %s, to be reviewed by %s.\n\n%s\n\n%s\n\n%s"),
                                              meta->version, reviewed, review_by, reviews, meta->funding, meta->disclaimer);
      if (self->in_english)
        {
          /* Said in English: the program speaks nothing else then. */
          char *note = g_strconcat ("The clinical information is not yet available in the language "
                                    "of this computer, so Option Talk is shown in English.",
                                    "\n\n", content_note, NULL);

          g_free (content_note);
          content_note = note;
        }
    }

  about = ADW_ABOUT_WINDOW (adw_about_window_new ());
  adw_about_window_set_application_name (about, _("Option Talk"));
  adw_about_window_set_application_icon (about, APP_ID);
  adw_about_window_set_version (about, PACKAGE_VERSION);
  adw_about_window_set_developer_name (about, _("The Option Talk team"));
  adw_about_window_set_developers (about, developers);
  adw_about_window_set_copyright (about, "© 2026 The Option Talk team");
  adw_about_window_set_license_type (about, GTK_LICENSE_GPL_3_0);
  adw_about_window_set_comments (about, _("Talk through the treatment options for stage IV colorectal "
                                          "cancer together with your oncologist. Option Talk supports "
                                          "the conversation with your care team; it does not replace it "
                                          "and never recommends a treatment."));
  if (content_note != NULL)
    adw_about_window_add_legal_section (about, _("Clinical content"), NULL, GTK_LICENSE_CUSTOM, content_note);
  adw_about_window_add_legal_section (about, _("Network"), NULL, GTK_LICENSE_CUSTOM,
                                      _("Option Talk makes no network connection of its own: your answers, "
                                        "the worksheets and the PDFs stay on this computer. Printing is "
                                        "the one exception, and it is the system’s: the print dialog asks "
                                        "the computer’s print service (CUPS) for its printers, and that "
                                        "service may send what you print to a printer on the network."));
  adw_about_window_set_translator_credits (about, _("translator-credits"));
  gtk_window_set_transient_for (GTK_WINDOW (about), parent);
  gtk_window_present (GTK_WINDOW (about));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "about", about_activated },
  { "zoom-in", zoom_in_activated },
  { "zoom-out", zoom_out_activated },
  { "zoom-reset", zoom_reset_activated },
};

static void
ot_application_class_init (OtApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = ot_application_dispose;

  ot_register_resource ();

  app_class->handle_local_options = ot_application_handle_local_options;
  app_class->startup = ot_application_startup;
  app_class->activate = ot_application_activate;
  app_class->open = ot_application_open;
}

/* Every shortcut of the menus, the window's included: application
 * accelerators, so the menus and the shortcuts window show them.  Keys no
 * menu has (Alt+1 … Alt+5, the chart's arrows) are class key bindings. */
static void
set_accels (GtkApplication *app)
{
  static const struct
  {
    const char *action;
    const char *accels[4];
  } shortcuts[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.zoom-in", { "<Control>plus", "<Control>equal", "<Control>KP_Add", NULL } },
    { "app.zoom-out", { "<Control>minus", "<Control>KP_Subtract", NULL } },
    { "app.zoom-reset", { "<Control>0", "<Control>KP_0", NULL } },
    { "win.new", { "<Control>n", NULL } },
    { "win.open", { "<Control>o", NULL } },
    { "win.save", { "<Control>s", NULL } },
    { "win.save-as", { "<Control><Shift>s", NULL } },
    { "win.print", { "<Control>p", NULL } },
    { "win.export-pdf", { "<Control>e", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    gtk_application_set_accels_for_action (app, shortcuts[i].action, shortcuts[i].accels);
}

static void
ot_application_init (OtApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), main_entries);
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  set_accels (GTK_APPLICATION (self));
}

OtApplication *
ot_application_new (void)
{
  return g_object_new (OT_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}

OtContent *
ot_application_get_content (OtApplication *self)
{
  g_return_val_if_fail (OT_IS_APPLICATION (self), NULL);

  return self->content;
}

/**
 * ot_application_get_locale_dir:
 *
 * Where translations are found: the installed folder, or the build folder
 * named by OPTION_TALK_LOCALEDIR when the tests run from the build.
 */
const char *
ot_application_get_locale_dir (void)
{
  const char *dir = g_getenv ("OPTION_TALK_LOCALEDIR");

  return dir && *dir ? dir : LOCALEDIR;
}
