/* ot-test-ui.c: helpers for the widget tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "ot-compat.h"
#include "ot-test-ui.h"
#include "ot-view.h"

typedef struct
{
  OtTestUiFunc   func;
  OtApplication *app;
} Run;

/* Waits for the window's first two frames: in the first My Situation shows
 * its first screen and makes the rows below it, in the second it lays them
 * out.  On two busy cores, or under a sanitizer, that can take longer than
 * one wait. */
static void
wait_for_first_frames (GtkWindow *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  gint64 start = g_get_monotonic_time ();

  g_assert_nonnull (clock);
  do
    ot_test_ui_wait ();
  while (gdk_frame_clock_get_frame_counter (clock) < 2
         && g_get_monotonic_time () - start < 10 * G_USEC_PER_SEC);
}

/* Runs the test once the window is up, then quits as a person would and
 * checks the window is gone. */
static void
run_body (gpointer data)
{
  Run *run = data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (run->app));
  gint64 start;

  g_assert_true (OT_IS_WINDOW (window));
  wait_for_first_frames (window);
  run->func (run->app, OT_WINDOW (window));

  window = gtk_application_get_active_window (GTK_APPLICATION (run->app));
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  g_action_group_activate_action (G_ACTION_GROUP (run->app), "quit", NULL);
  /* On two busy cores (and under AddressSanitizer) closing can take more
   * than one wait: give it up to ten seconds. */
  start = g_get_monotonic_time ();
  do
    ot_test_ui_wait ();
  while (window != NULL && ot_alert_get_shown () == NULL
         && g_get_monotonic_time () - start < 10 * G_USEC_PER_SEC);

  /* A test that left unsaved answers is asked about them, like a person;
   * it answers Discard. */
  if (window != NULL)
    {
      GtkWidget *dialog = ot_alert_get_shown ();

      g_assert_nonnull (dialog);
      ot_alert_respond (dialog, "discard");
    }
  ot_test_ui_wait_for_null ((gpointer *) &window);
}

static void
activated_cb (GApplication *app,
              Run          *run)
{
  g_idle_add_once (run_body, run);
}

static void
run_argv (OtTestUiFunc  func,
          int           argc,
          char        **argv)
{
  Run run = { func, ot_application_new () };

  g_application_set_flags (G_APPLICATION (run.app),
                           g_application_get_flags (G_APPLICATION (run.app)) | G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (run.app, "activate", G_CALLBACK (activated_cb), &run);
  g_assert_cmpint (g_application_run (G_APPLICATION (run.app), argc, argv), ==, 0);
  g_assert_finalize_object (run.app);
}

/**
 * ot_test_ui_init:
 *
 * Starts GTest and GTK for a widget test.  Without a display it prints a
 * TAP plan that skips the whole test and returns %FALSE: the test is then
 * run through build-aux/run-tests, which gives it one.
 */
gboolean
ot_test_ui_init (int    *argc,
                 char ***argv)
{
  g_test_init (argc, argv, NULL);

  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display: run the suite through build-aux/run-tests\n");
      return FALSE;
    }
  return TRUE;
}

/* Starts the real application as main() does, runs @func with its window,
 * quits, and checks that nothing of the application is left. */
void
ot_test_ui_run (OtTestUiFunc func)
{
  run_argv (func, 0, NULL);
}

/* The same, with command-line arguments. */
void
ot_test_ui_run_args (OtTestUiFunc  func,
                     const char   *first_arg,
                     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  va_list args;

  g_ptr_array_add (argv, (gpointer) "option-talk");
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  run_argv (func, argv->len - 1, (char **) argv->pdata);
}

/* The first widget under @root, depth first, of @type that @match accepts. */
GtkWidget *
ot_test_ui_find (GtkWidget     *root,
                 GType          type,
                 OtTestUiMatch  match,
                 gconstpointer  data)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && (match == NULL || match (root, data)))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ot_test_ui_find (child, type, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* A match for ot_test_ui_find(): a preferences row titled @title. */
gboolean
ot_test_ui_row_has_title (GtkWidget     *widget,
                          gconstpointer  title)
{
  return g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

GtkWidget *
ot_test_ui_find_row (GtkWidget  *root,
                     const char *title)
{
  return ot_test_ui_find (root, ADW_TYPE_PREFERENCES_ROW, ot_test_ui_row_has_title, title);
}

/* Every run of a test binary starts with no autosave: a run that failed
 * half-way must not leave its answers for the next.  Only ever inside the
 * build folder the tests were given. */
__attribute__((constructor)) static void
clean_data_folder (void)
{
  const char *data = g_getenv ("XDG_DATA_HOME");
  const char *build = g_getenv ("G_TEST_BUILDDIR");
  g_autofree char *folder = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (data == NULL || build == NULL || !g_str_has_prefix (data, build))
    return;

  folder = g_build_filename (data, "option-talk", NULL);
  dir = g_dir_open (folder, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      g_unlink (path);
    }
}

static gboolean
timeout_cb (gpointer data)
{
  gboolean *done = data;

  *done = TRUE;
  return G_SOURCE_REMOVE;
}

/* Waits up to ten seconds for the object @pointer points to, a weak
 * pointer, to go, as a window goes after its close animation and the
 * alert's; on two busy cores, or under a sanitizer, that can take long. */
void
ot_test_ui_wait_for_null (gpointer *pointer)
{
  gint64 start = g_get_monotonic_time ();

  while (*pointer != NULL && g_get_monotonic_time () - start < 10 * G_USEC_PER_SEC)
    ot_test_ui_wait ();
  g_assert_null (*pointer);
}

/* Lets the main loop run for a moment: layout, map and draw happen. */
void
ot_test_ui_wait (void)
{
  gboolean done = FALSE;

  g_timeout_add (100, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* Writes what @widget shows to screenshots/NAME.png in the build folder,
 * for a person to look at. */
void
ot_test_ui_screenshot (GtkWidget  *widget,
                       const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *dir = g_test_build_filename (G_TEST_BUILT, "screenshots", NULL);
  g_autofree char *file = g_strconcat (name, ".png", NULL);
  g_autofree char *path = g_build_filename (dir, file, NULL);
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  int width = 0, height = 0;

  /* Let the last change be laid out and drawn first: a large change can
   * take a few frames before the widget has something to show. */
  for (guint i = 0; i < 50 && node == NULL; i++)
    {
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();

      ot_test_ui_wait ();
      width = gtk_widget_get_width (widget);
      height = gtk_widget_get_height (widget);
      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
    }
  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));

  g_mkdir_with_parents (dir, 0755);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

/* Shows the view named @name and returns it, once made: a view is made
 * when its page is first shown. */
GtkWidget *
ot_test_ui_show_view (OtWindow   *window,
                      const char *name)
{
  AdwViewStack *stack = ADW_VIEW_STACK (ot_test_ui_find (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK, NULL, NULL));
  GtkWidget *view;

  ot_window_show_view (window, name);
  ot_test_ui_wait ();
  view = adw_bin_get_child (ADW_BIN (adw_view_stack_get_child_by_name (stack, name)));
  g_assert_true (OT_IS_VIEW (view));
  return view;
}

/* The first visible label under @root whose text is @text. */
GtkWidget *
ot_test_ui_find_label (GtkWidget  *root,
                       const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_is_drawable (root)
      && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ot_test_ui_find_label (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}
