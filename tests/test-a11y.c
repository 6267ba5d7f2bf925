/* test-a11y.c: the shared screen: zoom, large text, high contrast, dark,
 * and the shortcuts window
 *
 * Each view is drawn with a filled worksheet and written to
 * screenshots/a11y-*.png for a person to look at; the tests check what
 * holds whatever the eye says: the window keeps its size (nothing is
 * pushed off the screen), the chart's text grows with the rest, the
 * palettes follow the desktop, and every shortcut is listed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>

#include "ot-chart-widget.h"
#include "ot-effects-view.h"
#include "ot-test-ui.h"
#include "ot-test-worksheet.h"

#ifdef GDK_WINDOWING_WAYLAND
#include <gdk/wayland/gdkwayland.h>
#endif

#define WIDTH  1100
#define HEIGHT 720

static const char * const views[] = { "situation", "options", "side-effects", "values", "summary" };

/* The chart of the Side Effects view, which is shown. */
static OtChartWidget *
get_chart (OtWindow *window)
{
  return ot_effects_view_get_chart (OT_EFFECTS_VIEW (ot_test_ui_show_view (window, "side-effects")));
}

static int window_width;
static int window_height;

static void
fill (OtWindow *window)
{
  gtk_window_set_default_size (GTK_WINDOW (window), WIDTH, HEIGHT);
  ot_test_worksheet_fill (ot_window_get_worksheet (window));
  ot_test_ui_wait ();
  ot_test_ui_wait ();
  window_width = gtk_widget_get_width (GTK_WIDGET (window));
  window_height = gtk_widget_get_height (GTK_WIDGET (window));
  g_assert_cmpint (window_width, >, WIDTH - 100);
  g_assert_cmpint (window_height, >, HEIGHT - 100);
}

/* Shows each view, checks that it fits the window, and writes its picture. */
static void
shoot_views (OtWindow   *window,
             const char *mode)
{
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      g_autofree char *name = g_strdup_printf ("a11y-%s-%s", mode, views[i]);
      int minimum;

      ot_window_show_view (window, views[i]);
      ot_test_ui_wait ();
      /* A figure read out and shown as 100 people: the words below the chart. */
      if (g_str_equal (views[i], "side-effects"))
        {
          OtChartWidget *chart = get_chart (window);

          ot_chart_widget_set_cursor (chart, 0, 0);
          ot_chart_widget_select (chart, 0, 0);
        }
      ot_test_ui_wait ();
      ot_test_ui_screenshot (GTK_WIDGET (window), name);

      /* The view asks for no more room than the window has, which stays as
       * it was: nothing is cut off at the edges or pushed off the screen. */
      gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
      g_test_message ("%s: needs %d px of %d wide", name, minimum, window_width);
      g_assert_cmpint (minimum, <=, window_width);
      gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_VERTICAL, window_width, &minimum, NULL, NULL, NULL);
      g_test_message ("%s: needs %d px of %d high", name, minimum, window_height);
      g_assert_cmpint (minimum, <=, window_height);
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), ==, window_width);
      g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (window)), ==, window_height);
    }
}

static double
chart_height (OtWindow *window)
{
  OtChartWidget *chart = get_chart (window);
  int natural;

  gtk_widget_measure (GTK_WIDGET (chart), GTK_ORIENTATION_VERTICAL, 600, NULL, &natural, NULL, NULL);
  return natural;
}

/* Zoom */

static void
zoom_body (OtApplication *app,
           OtWindow      *window)
{
  double normal, zoomed;

  fill (window);
  normal = chart_height (window);

  /* Ctrl+plus up to 200 %. */
  for (guint i = 0; i < 7; i++)
    g_action_group_activate_action (G_ACTION_GROUP (app), "zoom-in", NULL);
  ot_test_ui_wait ();
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "zoom-in"));

  /* The chart's words grow with the rest, so its rows grow too. */
  zoomed = chart_height (window);
  g_test_message ("chart at 600 px wide: %.0f px at 100 %%, %.0f px at 200 %%", normal, zoomed);
  g_assert_cmpfloat (zoomed, >, normal * 1.5);

  shoot_views (window, "zoom-200");

  g_action_group_activate_action (G_ACTION_GROUP (app), "zoom-reset", NULL);
  ot_test_ui_wait ();
  g_assert_cmpfloat_with_epsilon (chart_height (window), normal, 0.5);
}

static void
test_zoom (void)
{
  ot_test_ui_run (zoom_body);
}

/* The desktop's large text: GNOME's Large Text reaches an X11 application
 * as the resolution in XSETTINGS (Xft/DPI), which a small settings daemon
 * sets here as gnome-settings-daemon does on the desktop; a Wayland one
 * reads it from the desktop's settings (org.gnome.desktop.interface
 * text-scaling-factor), set here in the tests' own GSettings. */

static GSubprocess *xsettings;
static char *xsettings_config;

static gboolean
on_wayland (void)
{
#ifdef GDK_WINDOWING_WAYLAND
  return GDK_IS_WAYLAND_DISPLAY (gdk_display_get_default ());
#else
  return FALSE;
#endif
}

static int
desktop_dpi (void)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_INT);
  if (!gdk_display_get_setting (gdk_display_get_default (), "gtk-xft-dpi", &value))
    return 0;
  return g_value_get_int (&value);
}

/* Sets the desktop's resolution, in 1024ths of a dot per inch, and waits
 * until GTK has it. */
static void
set_desktop_dpi (int dpi)
{
  g_autofree char *config = g_strdup_printf ("Xft/DPI %d\n", dpi);
  g_autoptr(GError) error = NULL;

  if (on_wayland ())
    {
      g_autoptr(GSettings) interface = g_settings_new ("org.gnome.desktop.interface");

      g_settings_set_double (interface, "text-scaling-factor", dpi / (96.0 * 1024));
    }
  else
    {
      g_assert_true (g_file_set_contents (xsettings_config, config, -1, NULL));
      if (xsettings == NULL)
        xsettings = g_subprocess_new (G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error,
                                      "xsettingsd", "-c", xsettings_config, NULL);
      else
        g_subprocess_send_signal (xsettings, SIGHUP);
      g_assert_no_error (error);
    }

  for (guint i = 0; i < 50 && desktop_dpi () != dpi; i++)
    ot_test_ui_wait ();
  g_assert_cmpint (desktop_dpi (), ==, dpi);
}

static int
pango_dpi (GtkWidget *widget)
{
  return (int) (pango_cairo_context_get_resolution (gtk_widget_get_pango_context (widget)) + 0.5);
}

static void
large_text_body (OtApplication *app,
                 OtWindow      *window)
{
  GtkWidget *chart = GTK_WIDGET (get_chart (window));

  fill (window);

  /* 144 dpi: the desktop's 150 %, kept by the application at its own 100 %. */
  g_assert_cmpint (pango_dpi (chart), ==, 144);
  shoot_views (window, "large-text");

  /* Its own zoom comes on top. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "zoom-in", NULL);
  ot_test_ui_wait ();
  g_assert_cmpint (pango_dpi (chart), ==, 158);
  g_action_group_activate_action (G_ACTION_GROUP (app), "zoom-reset", NULL);
  ot_test_ui_wait ();
  g_assert_cmpint (pango_dpi (chart), ==, 144);

  /* Large Text changed while the window is open: the window follows. */
  set_desktop_dpi (125 * 1024);
  ot_test_ui_wait ();
  g_assert_cmpint (pango_dpi (chart), ==, 125);
}

static void
test_large_text (void)
{
  g_autofree char *program = g_find_program_in_path ("xsettingsd");

  if (program == NULL && !on_wayland ())
    {
      g_test_skip ("xsettingsd is not installed");
      return;
    }

  /* In the build folder, as the tests' other files: nothing is left elsewhere. */
  xsettings_config = g_test_build_filename (G_TEST_BUILT, "a11y-xsettingsd.conf", NULL);
  set_desktop_dpi (144 * 1024);

  ot_test_ui_run (large_text_body);

  /* The display goes back to its own resolution for the tests after. */
  if (xsettings != NULL)
    {
      g_subprocess_force_exit (xsettings);
      g_subprocess_wait (xsettings, NULL, NULL);
      g_clear_object (&xsettings);
      g_unlink (xsettings_config);
    }
  else
    set_desktop_dpi (96 * 1024);
  for (guint i = 0; i < 50 && desktop_dpi () != 96 * 1024; i++)
    ot_test_ui_wait ();
  g_clear_pointer (&xsettings_config, g_free);
}

/* High contrast and dark, as GNOME keeps them (org.gnome.desktop.*),
 * which libadwaita reads where there is no settings portal. */

static GSettings *
desktop_settings (const char *schema_id,
                  const char *key)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = source ? g_settings_schema_source_lookup (source, schema_id, TRUE) : NULL;

  if (schema == NULL || !g_settings_schema_has_key (schema, key))
    return NULL;
  return g_settings_new (schema_id);
}

/* Runs @body where the desktop keeps the setting @key, else skips. */
static void
run_with_desktop_setting (const char   *schema_id,
                          const char   *key,
                          OtTestUiFunc  body)
{
  g_autoptr(GSettings) settings = desktop_settings (schema_id, key);

  if (settings == NULL)
    {
      g_test_skip ("the desktop's settings schemas are not installed");
      return;
    }
  ot_test_ui_run (body);
}

static void
high_contrast_body (OtApplication *app,
                    OtWindow      *window)
{
  g_autoptr(GSettings) a11y = desktop_settings ("org.gnome.desktop.a11y.interface", "high-contrast");
  AdwStyleManager *style = adw_style_manager_get_default ();

  fill (window);
  g_settings_set_boolean (a11y, "high-contrast", TRUE);
  ot_test_ui_wait ();
  g_assert_true (adw_style_manager_get_high_contrast (style));
  g_assert_cmpint (ot_chart_widget_get_style_kind (get_chart (window)), ==, OT_STYLE_HIGH_CONTRAST);
  shoot_views (window, "high-contrast");

  g_settings_reset (a11y, "high-contrast");
  ot_test_ui_wait ();
  g_assert_false (adw_style_manager_get_high_contrast (style));
  g_assert_cmpint (ot_chart_widget_get_style_kind (get_chart (window)), ==, OT_STYLE_LIGHT);
}

static void
test_high_contrast (void)
{
  run_with_desktop_setting ("org.gnome.desktop.a11y.interface", "high-contrast", high_contrast_body);
}

static void
dark_body (OtApplication *app,
           OtWindow      *window)
{
  g_autoptr(GSettings) interface = desktop_settings ("org.gnome.desktop.interface", "color-scheme");
  AdwStyleManager *style = adw_style_manager_get_default ();

  fill (window);
  g_settings_set_string (interface, "color-scheme", "prefer-dark");
  ot_test_ui_wait ();
  g_assert_true (adw_style_manager_get_dark (style));
  g_assert_cmpint (ot_chart_widget_get_style_kind (get_chart (window)), ==, OT_STYLE_DARK);
  shoot_views (window, "dark");

  g_settings_reset (interface, "color-scheme");
  ot_test_ui_wait ();
  g_assert_false (adw_style_manager_get_dark (style));
}

static void
test_dark (void)
{
  run_with_desktop_setting ("org.gnome.desktop.interface", "color-scheme", dark_body);
}

/* The shortcuts window lists every shortcut the application has. */

static void
collect_shortcuts (GtkWidget *widget,
                   GString   *listed)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *action = NULL;
      g_autofree char *accelerator = NULL;

      g_object_get (widget, "action-name", &action, "accelerator", &accelerator, NULL);
      g_string_append_printf (listed, "[%s] [%s]\n", action ? action : "", accelerator ? accelerator : "");
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_shortcuts (child, listed);
}

static void
shortcuts_body (OtApplication *app,
                OtWindow      *window)
{
  GtkShortcutsWindow *overlay;
  g_auto(GStrv) actions = gtk_application_list_action_descriptions (GTK_APPLICATION (app));
  g_autoptr(GString) listed = g_string_new (NULL);

  /* Made when first asked for, by its menu item or Ctrl+?. */
  g_assert_null (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
  ot_test_ui_wait ();
  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  g_assert_nonnull (overlay);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (overlay)), ==, "Keyboard Shortcuts");
  collect_shortcuts (GTK_WIDGET (overlay), listed);
  g_test_message ("%s", listed->str);

  /* Every action with a shortcut is there, by its action's name. */
  for (guint i = 0; actions[i] != NULL; i++)
    {
      g_autofree char *entry = g_strdup_printf ("[%s]", actions[i]);
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), actions[i]);

      if (accels[0] == NULL)
        continue;
      g_test_message ("%s: %s", actions[i], accels[0]);
      g_assert_nonnull (strstr (listed->str, entry));
    }

  /* The views' Alt+1 … Alt+5 and the main menu's F10, by their keys. */
  for (guint i = 1; i <= G_N_ELEMENTS (views); i++)
    {
      g_autofree char *alt = g_strdup_printf ("[<Alt>%u]", i);

      g_assert_nonnull (strstr (listed->str, alt));
    }
  g_assert_nonnull (strstr (listed->str, "[F10]"));

  ot_test_ui_screenshot (GTK_WIDGET (overlay), "a11y-shortcuts");
  gtk_window_close (GTK_WINDOW (overlay));
  ot_test_ui_wait ();
}

static void
test_shortcuts (void)
{
  ot_test_ui_run (shortcuts_body);
}

int
main (int   argc,
      char *argv[])
{
  if (!ot_test_ui_init (&argc, &argv))
    return 0;

  g_test_add_func ("/a11y/shortcuts", test_shortcuts);
  g_test_add_func ("/a11y/zoom", test_zoom);
  g_test_add_func ("/a11y/high-contrast", test_high_contrast);
  g_test_add_func ("/a11y/dark", test_dark);
  g_test_add_func ("/a11y/large-text", test_large_text);

  return g_test_run ();
}
