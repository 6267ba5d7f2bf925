/* test-window.c: the main window, built from its template, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "ot-test-ui.h"
#include "ot-worksheet-io.h"

static const struct
{
  const char *name;
  const char *title;
} views[] = {
  { "situation", "My Situation" },
  { "options", "Options" },
  { "side-effects", "Side Effects" },
  { "values", "What Matters to Me" },
  { "summary", "Summary" },
};

/* Whether the icon theme draws @name from an SVG at @scale. */
static gboolean
icon_is_svg (GtkIconTheme *theme,
             const char   *name,
             int           scale)
{
  g_autoptr(GtkIconPaintable) icon = gtk_icon_theme_lookup_icon (theme, name, NULL, 16, scale,
                                                                 GTK_TEXT_DIR_NONE, 0);
  g_autoptr(GFile) file = gtk_icon_paintable_get_file (icon);
  g_autofree char *uri = file ? g_file_get_uri (file) : NULL;

  return uri != NULL && g_str_has_suffix (uri, ".svg");
}

/* The window's own icons are PNGs: an SVG would load librsvg, which costs
 * the window a seventh of its memory and a tenth of its start-up.  Where
 * the desktop's icon theme has its symbolic icons only as SVGs (Adwaita
 * since GNOME 44, as in Debian 13), GTK loads librsvg for the header bar's
 * buttons whatever the application does.  On a 2x screen too (the suite
 * runs this on Wayland at a scale of 2), where GTK 4.8 has its switch's
 * icons as SVGs alone. */
static void
icons_body (OtApplication *app,
            OtWindow      *window)
{
  const char *names[] = { "ot-situation-symbolic", "ot-options-symbolic", "ot-side-effects-symbolic",
                          "ot-values-symbolic", "ot-summary-symbolic", "switch-on-symbolic",
                          "switch-off-symbolic" };
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (window)));
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (window));
  g_autofree char *maps = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (!gtk_icon_theme_has_icon (theme, names[i]) || icon_is_svg (theme, names[i], scale))
      g_error ("the icon “%s” is missing or an SVG", names[i]);
  g_assert_true (gtk_icon_theme_has_icon (theme, "adw-expander-arrow-symbolic"));

  /* My Situation's first screen shows the view icons and an expanding row. */
  ot_test_ui_wait ();
  ot_test_ui_screenshot (GTK_WIDGET (window), "window-icons");
  if (icon_is_svg (theme, "window-close-symbolic", scale))
    {
      g_test_message ("the desktop's icon theme draws its icons from SVGs: librsvg is its own");
      return;
    }
  g_assert_true (g_file_get_contents ("/proc/self/maps", &maps, NULL, NULL));
  if (strstr (maps, "librsvg") != NULL)
    g_error ("the window loaded librsvg: one of its icons is an SVG");
}

static void
test_icons (void)
{
  ot_test_ui_run (icons_body);
}

static void
views_body (OtApplication *app,
            OtWindow      *window)
{
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Option Talk");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      g_autofree char *shot = g_strconcat ("window-", views[i].name, NULL);

      ot_window_show_view (window, views[i].name);
      ot_test_ui_wait ();
      g_assert_cmpstr (ot_window_get_view (window), ==, views[i].name);
      /* The switcher button names the view. */
      g_assert_nonnull (ot_test_ui_find_label (GTK_WIDGET (window), views[i].title));
      ot_test_ui_screenshot (GTK_WIDGET (window), shot);
    }
}

static void
test_views (void)
{
  ot_test_ui_run (views_body);
}

static void
keyboard_body (OtApplication *app,
               OtWindow      *window)
{
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.quit");

  /* Alt+N switches views, as the shortcuts window says. */
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", views[i].name);
      g_assert_cmpstr (ot_window_get_view (window), ==, views[i].name);
    }

  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "about"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "quit"));
  g_assert_cmpstr (accels[0], ==, "<Control>q");
  {
    g_auto(GStrv) zoom = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.zoom-in");

    g_assert_cmpstr (zoom[0], ==, "<Control>plus");
  }
}

static void
test_keyboard_views (void)
{
  ot_test_ui_run (keyboard_body);
}

static void
narrow_body (OtApplication *app,
             OtWindow      *window)
{
  GtkWidget *bar = ot_test_ui_find (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_BAR, NULL, NULL);

  /* On a narrow window the view switcher moves to a bar at the bottom. */
  g_assert_true (ADW_IS_VIEW_SWITCHER_BAR (bar));
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  ot_test_ui_wait ();
  ot_test_ui_wait ();
  g_assert_true (adw_view_switcher_bar_get_reveal (ADW_VIEW_SWITCHER_BAR (bar)));
  /* It has a button for each view. */
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    g_assert_nonnull (ot_test_ui_find_label (bar, views[i].title));
  ot_test_ui_screenshot (GTK_WIDGET (window), "window-narrow");

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  ot_test_ui_wait ();
  ot_test_ui_wait ();
  g_assert_false (adw_view_switcher_bar_get_reveal (ADW_VIEW_SWITCHER_BAR (bar)));
}

static void
test_narrow_window (void)
{
  ot_test_ui_run (narrow_body);
}

static int
label_width (GtkWidget *label)
{
  int natural;

  gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  return natural;
}

static void
zoom_body (OtApplication *app,
           OtWindow      *window)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkWidget *label = ot_test_ui_find_label (GTK_WIDGET (window), "Stage");
  int normal;

  g_assert_nonnull (label);
  normal = label_width (label);

  /* Ctrl+plus four times: 110, 125, 150, 175 %. */
  for (guint i = 0; i < 4; i++)
    g_action_group_activate_action (G_ACTION_GROUP (app), "zoom-in", NULL);
  ot_test_ui_wait ();
  ot_test_ui_wait ();
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "zoom"), 1.75, 0.001);
  g_assert_cmpint (label_width (label), >, normal * 3 / 2);

  /* 200 % is the most; the action then says it can go no further. */
  for (guint i = 0; i < 3; i++)
    g_action_group_activate_action (G_ACTION_GROUP (app), "zoom-in", NULL);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "zoom"), 2.0, 0.001);
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "zoom-in"));
  ot_window_show_view (window, "options");
  ot_test_ui_screenshot (GTK_WIDGET (window), "zoom-200-options");
  ot_window_show_view (window, "situation");
  ot_test_ui_screenshot (GTK_WIDGET (window), "zoom-200-situation");

  g_action_group_activate_action (G_ACTION_GROUP (app), "zoom-reset", NULL);
  ot_test_ui_wait ();
  ot_test_ui_wait ();
  g_assert_cmpint (label_width (label), ==, normal);
}

static void
test_zoom (void)
{
  ot_test_ui_run (zoom_body);
}

static void
opened_body (OtApplication *app,
             OtWindow      *window)
{
  OtWorksheet *worksheet = ot_window_get_worksheet (window);

  /* option-talk FILE opens it: the title names it, the answers are in. */
  g_assert_nonnull (ot_window_get_file (window));
  g_assert_cmpstr (ot_worksheet_get_patient_name (worksheet), ==, "Ana");
  g_assert_cmpstr (ot_worksheet_get_biomarker (worksheet, "braf"), ==, "v600e");
  g_assert_nonnull (ot_test_ui_find_label (GTK_WIDGET (window), "consultation.optiontalk"));
}

static void
test_open_argument (void)
{
  g_autofree char *dir = g_dir_make_tmp ("ot-window-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "consultation.optiontalk", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(OtWorksheet) worksheet = ot_worksheet_new ();

  ot_worksheet_set_patient_name (worksheet, "Ana");
  ot_worksheet_set_biomarker (worksheet, "braf", "v600e");
  g_assert_true (ot_worksheet_io_save (worksheet, file, NULL));

  ot_test_ui_run_args (opened_body, path, NULL);

  /* The opened answers were kept for next time: not for the next test. */
  g_assert_true (ot_worksheet_io_delete_autosave (NULL));
  g_file_delete (file, NULL, NULL);
  g_rmdir (dir);
}

static void
resize_body (OtApplication *app,
             OtWindow      *window)
{
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 650);
  ot_test_ui_wait ();
}

static void
reopen_body (OtApplication *app,
             OtWindow      *window)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 650);
}

static void
test_size_remembered (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  int width, height;

  ot_test_ui_run (resize_body);

  g_settings_get (settings, "window-size", "(ii)", &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 650);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  /* The next start opens at the remembered size. */
  ot_test_ui_run (reopen_body);
}

int
main (int   argc,
      char *argv[])
{
  if (!ot_test_ui_init (&argc, &argv))
    return 0;

  /* First: a later test may show an SVG icon of the desktop's theme. */
  g_test_add_func ("/window/icons", test_icons);
  g_test_add_func ("/window/views", test_views);
  g_test_add_func ("/window/keyboard-views", test_keyboard_views);
  g_test_add_func ("/window/narrow", test_narrow_window);
  g_test_add_func ("/window/size-remembered", test_size_remembered);
  g_test_add_func ("/window/zoom", test_zoom);
  g_test_add_func ("/window/open-argument", test_open_argument);

  return g_test_run ();
}
