/* test-window.c: the main window, built from its template, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ot-test-ui.h"

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
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display: run the suite through build-aux/run-tests\n");
      return 0;
    }

  g_test_add_func ("/window/views", test_views);
  g_test_add_func ("/window/keyboard-views", test_keyboard_views);
  g_test_add_func ("/window/narrow", test_narrow_window);
  g_test_add_func ("/window/size-remembered", test_size_remembered);

  return g_test_run ();
}
