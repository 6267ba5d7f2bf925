/* ot-test-ui.c: the widget tests' one helper library: running the
 * application, finding what a person sees and doing what a person does
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "ot-compat.h"
#include "ot-long-label.h"
#include "ot-test-files.h"
#include "ot-test-ui.h"
#include "ot-values-view.h"
#include "ot-view.h"
#include "ot-worksheet-io.h"

static char *data_home;   /* XDG_DATA_HOME of this test: the autosave goes here */
static char *work_dir;    /* where the tests save worksheets */

typedef struct
{
  OtTestUiFunc   func;
  OtApplication *app;
  gboolean       discard;   /* answers Discard if quitting asks about unsaved answers */
} Run;

typedef void (*AnswerFunc) (GtkWidget  *dialog,
                            const char *answer);

/* Closes @window as a person would, with its close button or, when @app
 * is given, with Quit; if it asks about unsaved answers, @answer_func
 * gives @answer (with none, a question fails the test).  Checks the
 * window goes: on two busy cores, or under a sanitizer, closing can take
 * more than one wait. */
static void
close_window (OtWindow      *window,
              OtApplication *app,
              AnswerFunc     answer_func,
              const char    *answer)
{
  gint64 start = g_get_monotonic_time ();

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  if (app != NULL)
    g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  else
    gtk_window_close (GTK_WINDOW (window));
  do
    ot_test_ui_wait ();
  while (window != NULL && ot_alert_get_shown () == NULL
         && g_get_monotonic_time () - start < 10 * G_USEC_PER_SEC);

  if (window != NULL && answer_func != NULL)
    {
      GtkWidget *dialog = ot_alert_get_shown ();

      g_assert_nonnull (dialog);
      answer_func (dialog, answer);
    }
  ot_test_ui_wait_for_null ((gpointer *) &window);
}

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

/* Runs the test once the window is up, then quits as a person would
 * (unless the test closed the window itself) and checks the window is
 * gone.  A test that left unsaved answers is asked about them, like a
 * person; ot_test_ui_run() answers Discard. */
static void
run_body (gpointer data)
{
  Run *run = data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (run->app));

  g_assert_true (OT_IS_WINDOW (window));
  wait_for_first_frames (window);
  run->func (run->app, OT_WINDOW (window));

  window = gtk_application_get_active_window (GTK_APPLICATION (run->app));
  if (window != NULL)
    close_window (OT_WINDOW (window), run->app, run->discard ? ot_alert_respond : NULL, "discard");
}

static void
activated_cb (GApplication *app,
              Run          *run)
{
  g_idle_add_once (run_body, run);
}

static void
run_argv (OtTestUiFunc  func,
          gboolean      discard,
          int           argc,
          char        **argv)
{
  Run run = { func, ot_application_new (), discard };

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
  run_argv (func, TRUE, 0, NULL);
}

/* The same for a test that closes the window itself, or leaves nothing
 * unsaved: a question when quitting fails it. */
void
ot_test_run_app (OtTestUiFunc body)
{
  run_argv (body, FALSE, 0, NULL);
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

  run_argv (func, TRUE, argv->len - 1, (char **) argv->pdata);
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

/* Runs the main loop until @condition holds, for at most ten seconds. */
void
ot_test_ui_wait_until (OtTestCondition condition,
                       gpointer        data)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!condition (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

typedef struct
{
  GtkWidget  *root;
  const char *text;
} LabelSearch;

static gboolean
label_shown (gpointer data)
{
  LabelSearch *search = data;

  return ot_test_ui_find_label (search->root, search->text) != NULL;
}

/* Waits (at most ten seconds) for a label under @root that says @text,
 * such as a toast. */
void
ot_test_ui_wait_for_label (GtkWidget  *root,
                           const char *text)
{
  LabelSearch search = { root, text };

  ot_test_ui_wait_until (label_shown, &search);
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

/* What a label, or a long label, shows; NULL for other widgets. */
static const char *
label_text (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return gtk_label_get_text (GTK_LABEL (widget));
  if (OT_IS_LONG_LABEL (widget))
    return ot_long_label_get_text (OT_LONG_LABEL (widget));
  return NULL;
}

static gboolean
label_is (GtkWidget     *widget,
          gconstpointer  text)
{
  return gtk_widget_is_drawable (widget) && g_strcmp0 (label_text (widget), text) == 0;
}

/* The first visible label under @root whose text is @text. */
GtkWidget *
ot_test_ui_find_label (GtkWidget  *root,
                       const char *text)
{
  return ot_test_ui_find (root, GTK_TYPE_WIDGET, label_is, text);
}

/* Conditions for ot_test_ui_wait_until(): whether @widget is drawn
 * (mapped in a window that shows), or not. */
gboolean
ot_test_ui_drawn (gpointer widget)
{
  return gtk_widget_is_drawable (widget);
}

gboolean
ot_test_ui_not_drawn (gpointer widget)
{
  return !gtk_widget_is_drawable (widget);
}

/* Where @widget's top left corner is in @ancestor. */
graphene_point_t
ot_test_ui_corner_in (GtkWidget *ancestor,
                      GtkWidget *widget)
{
  graphene_point_t point;

  g_assert_true (gtk_widget_compute_point (widget, ancestor, &GRAPHENE_POINT_INIT (0, 0), &point));
  return point;
}

/* Counts the labels (long ones too) shown under @widget that say @text. */
void
ot_test_ui_count_shown (GtkWidget  *widget,
                        const char *text,
                        guint      *count)
{
  if (label_is (widget, text))
    (*count)++;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    ot_test_ui_count_shown (child, text, count);
}

/* Finding widgets the way a person reads the screen */

GtkWidget *
ot_test_find_widget (GtkWidget     *root,
                     OtTestMatch    match,
                     gconstpointer  data)
{
  return ot_test_ui_find (root, GTK_TYPE_WIDGET, match, data);
}

gboolean
ot_test_row_titled (GtkWidget     *widget,
                    gconstpointer  title)
{
  return ADW_IS_PREFERENCES_ROW (widget) && ot_test_ui_row_has_title (widget, title);
}

gboolean
ot_test_button_labelled (GtkWidget     *widget,
                         gconstpointer  label)
{
  if (GTK_IS_BUTTON (widget))
    return g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
  if (GTK_IS_CHECK_BUTTON (widget))
    return g_strcmp0 (gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)), label) == 0;
  return FALSE;
}

gboolean
ot_test_group_titled (GtkWidget     *widget,
                      gconstpointer  title)
{
  return ADW_IS_PREFERENCES_GROUP (widget)
         && g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget)), title) == 0;
}

gboolean
ot_test_is_type (GtkWidget     *widget,
                 gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

gboolean
ot_test_label_containing (GtkWidget     *widget,
                          gconstpointer  text)
{
  const char *shown = label_text (widget);

  return shown != NULL && gtk_widget_is_drawable (widget) && strstr (shown, text) != NULL;
}

/* @found, what a finder found for @text; none stops the test, naming
 * @what it looked for. */
static GtkWidget *
found_or_fail (GtkWidget  *found,
               const char *what,
               const char *text)
{
  if (found == NULL)
    g_error ("no %s “%s”", what, text);
  return found;
}

GtkWidget *
ot_test_find_row (GtkWidget  *root,
                  const char *title)
{
  return found_or_fail (ot_test_ui_find_row (root, title), "row titled", title);
}

GtkWidget *
ot_test_find_button (GtkWidget  *root,
                     const char *label)
{
  return found_or_fail (ot_test_find_widget (root, ot_test_button_labelled, label), "button labelled", label);
}

GtkWidget *
ot_test_find_group (GtkWidget  *root,
                    const char *title)
{
  return found_or_fail (ot_test_find_widget (root, ot_test_group_titled, title), "group titled", title);
}

GtkWidget *
ot_test_find_type (GtkWidget *root,
                   GType      type)
{
  return ot_test_ui_find (root, type, NULL, NULL);
}

static gboolean
has_id (GtkWidget     *widget,
        gconstpointer  id)
{
  return g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)), id) == 0;
}

/* The widget whose id in its template is @id. */
GtkWidget *
ot_test_find_by_id (GtkWidget  *root,
                    const char *id)
{
  return found_or_fail (ot_test_find_widget (root, has_id, id), "widget with the id", id);
}

GtkWidget *
ot_test_values_view (OtWindow *window)
{
  if (g_strcmp0 (ot_window_get_view (window), "values") != 0)
    {
      ot_window_show_view (window, "values");
      ot_test_ui_wait ();
    }
  return ot_test_find_type (GTK_WIDGET (window), OT_TYPE_VALUES_VIEW);
}

/* A press on a toggle, a check or a button.  A button's keyboard
 * activation clicks only after a 250 ms animation, so buttons get the
 * click a mouse would give. */
void
ot_test_press (GtkWidget *widget)
{
  g_assert_nonnull (widget);
  g_assert_true (gtk_widget_is_sensitive (widget));
  if (GTK_IS_BUTTON (widget))
    g_signal_emit_by_name (widget, "clicked");
  else
    gtk_widget_activate (widget);
}

gboolean
ot_test_toggle_active (GtkWidget *widget)
{
  if (GTK_IS_CHECK_BUTTON (widget))
    return gtk_check_button_get_active (GTK_CHECK_BUTTON (widget));
  return gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (widget));
}

/* Presses the button labelled @label in the row titled @row. */
void
ot_test_press_in_row (GtkWidget  *root,
                      const char *row,
                      const char *label)
{
  ot_test_press (ot_test_find_button (ot_test_find_row (root, row), label));
}

/* Ticks (or unticks) the check box of the row titled @row. */
void
ot_test_tick_row (GtkWidget  *root,
                  const char *row)
{
  ot_test_press (ot_test_find_type (ot_test_find_row (root, row), GTK_TYPE_CHECK_BUTTON));
}

gboolean
ot_test_row_button_active (GtkWidget  *root,
                           const char *row,
                           const char *label)
{
  return ot_test_toggle_active (ot_test_find_button (ot_test_find_row (root, row), label));
}

gboolean
ot_test_row_ticked (GtkWidget  *root,
                    const char *row)
{
  return ot_test_toggle_active (ot_test_find_type (ot_test_find_row (root, row), GTK_TYPE_CHECK_BUTTON));
}

/* Typing into an entry or an entry row and pressing Enter. */
void
ot_test_type_and_enter (GtkWidget  *entry_row,
                        const char *text)
{
  GtkEditable *text_widget = gtk_editable_get_delegate (GTK_EDITABLE (entry_row));

  gtk_editable_set_text (GTK_EDITABLE (entry_row), text);
  /* What the Enter key binding emits. */
  g_signal_emit_by_name (text_widget, "activate");
}

/* Typing into the text box under the heading @group. */
void
ot_test_type_into_group (GtkWidget  *root,
                         const char *group,
                         const char *text)
{
  GtkWidget *view = ot_test_find_type (ot_test_find_group (root, group), GTK_TYPE_TEXT_VIEW);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert_interactive (buffer, &end, text, -1, TRUE);
}

/* Dialogs */

GtkWidget *
ot_test_find_dialog (void)
{
  /* Let it map and draw first. */
  ot_test_ui_wait ();
  return ot_alert_get_shown ();
}

char *
ot_test_dialog_text (GtkWidget *dialog)
{
  return g_strconcat (ot_alert_get_heading (dialog), "\n", ot_alert_get_body (dialog), NULL);
}

/* Presses the dialog's button with @label and checks it went away. */
void
ot_test_answer_dialog (GtkWidget  *dialog,
                       const char *label)
{
  gint64 start = g_get_monotonic_time ();

  ot_test_press (ot_test_find_button (dialog, label));
  do
    ot_test_ui_wait ();
  while (ot_alert_get_shown () == dialog && g_get_monotonic_time () - start < 10 * G_USEC_PER_SEC);
  g_assert_true (ot_alert_get_shown () != dialog);
}

/* Closes @window as a person would, answers the question about unsaved
 * answers with the button @label, and checks the window goes. */
void
ot_test_close_answering (OtWindow   *window,
                         const char *label)
{
  close_window (window, NULL, ot_test_answer_dialog, label);
}

/* Files and folders */

char *
ot_test_work_path (const char *name)
{
  return g_build_filename (work_dir, name, NULL);
}

GFile *
ot_test_autosave_file (void)
{
  return ot_worksheet_io_get_autosave_file ();
}

/* Waits while the window reads or writes a file; TRUE if it then shows
 * @file with nothing unsaved. */
gboolean
ot_test_wait_for_file (OtWindow *window,
                       GFile    *file)
{
  gint64 start = g_get_monotonic_time ();
  GFile *shown;

  while (ot_window_get_busy (window) && g_get_monotonic_time () - start < 20 * G_USEC_PER_SEC)
    ot_test_ui_wait ();
  g_assert_false (ot_window_get_busy (window));
  shown = ot_window_get_file (window);
  return shown != NULL && g_file_equal (shown, file) && !ot_window_get_modified (window);
}

/* Each test starts as on a new computer: nothing kept from the last. */
void
ot_test_fresh_start (void)
{
  g_autoptr(GError) error = NULL;

  ot_worksheet_io_delete_autosave (&error);
  g_assert_no_error (error);
}

guint
ot_test_file_mode (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);
  GStatBuf buf;

  g_assert_cmpint (g_stat (path, &buf), ==, 0);
  return buf.st_mode & 07777;
}

/* The widget tests' first name for ot_test_ui_screenshot(), which waits
 * until @widget has something to show. */
void
ot_test_shot (GtkWidget  *widget,
              const char *name)
{
  ot_test_ui_screenshot (widget, name);
}

/* Waits until the window has taken its new size, or as close as the
 * header bar allows (on Xvfb it shows three window buttons), and laid
 * itself out. */
void
ot_test_resize (OtWindow *window,
                int       width,
                int       height)
{
  gint64 start = g_get_monotonic_time ();
  int min_width;

  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  width = MAX (width, min_width);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  while (ABS (gtk_widget_get_width (GTK_WIDGET (window)) - width) > 16
         && g_get_monotonic_time () - start < 5 * G_USEC_PER_SEC)
    ot_test_ui_wait ();
  g_assert_cmpint (ABS (gtk_widget_get_width (GTK_WIDGET (window)) - width), <=, 16);
  ot_test_ui_wait ();
  ot_test_ui_wait ();
}

/**
 * ot_test_widgets_init:
 *
 * Gives the test its own user data folder (for the autosave) and a folder
 * for the worksheets it saves.  Call before g_test_init(): GLib reads the
 * user data folder once.  A child of g_test_trap_subprocess() shares its
 * parent's folders.
 */
void
ot_test_widgets_init (void)
{
  g_autoptr(GError) error = NULL;

  if (g_getenv ("OT_TEST_WORK_DIR") != NULL)
    {
      data_home = g_strdup (g_getenv ("XDG_DATA_HOME"));
      work_dir = g_strdup (g_getenv ("OT_TEST_WORK_DIR"));
      return;
    }

  data_home = g_dir_make_tmp ("ot-test-data-XXXXXX", &error);
  g_assert_no_error (error);
  work_dir = g_dir_make_tmp ("ot-test-files-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("OT_TEST_WORK_DIR", work_dir, TRUE);
}

void
ot_test_widgets_cleanup (void)
{
  if (!g_test_subprocess ())
    {
      ot_test_remove_tree (data_home);
      ot_test_remove_tree (work_dir);
    }
  g_clear_pointer (&data_home, g_free);
  g_clear_pointer (&work_dir, g_free);
}
