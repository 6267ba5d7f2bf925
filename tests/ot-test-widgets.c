/* ot-test-widgets.c: working the widgets as a person would, for the
 * widget tests of the values view and the window's file handling
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "ot-test-widgets.h"
#include "ot-values-view.h"
#include "ot-worksheet-io.h"

static char *data_home;   /* XDG_DATA_HOME of this test: the autosave goes here */
static char *work_dir;    /* where the tests save worksheets */

/* Finding widgets the way a person reads the screen */

GtkWidget *
ot_test_find_widget (GtkWidget     *root,
                     OtTestMatch    match,
                     gconstpointer  data)
{
  if (match (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ot_test_find_widget (child, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

gboolean
ot_test_row_titled (GtkWidget     *widget,
                    gconstpointer  title)
{
  return ADW_IS_PREFERENCES_ROW (widget)
         && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
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
  return GTK_IS_LABEL (widget) && gtk_widget_is_drawable (widget)
         && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL;
}

GtkWidget *
ot_test_find_row (GtkWidget  *root,
                  const char *title)
{
  GtkWidget *row = ot_test_find_widget (root, ot_test_row_titled, title);

  if (row == NULL)
    g_error ("no row titled “%s”", title);
  return row;
}

GtkWidget *
ot_test_find_button (GtkWidget  *root,
                     const char *label)
{
  GtkWidget *button = ot_test_find_widget (root, ot_test_button_labelled, label);

  if (button == NULL)
    g_error ("no button labelled “%s”", label);
  return button;
}

GtkWidget *
ot_test_find_group (GtkWidget  *root,
                    const char *title)
{
  GtkWidget *group = ot_test_find_widget (root, ot_test_group_titled, title);

  if (group == NULL)
    g_error ("no group titled “%s”", title);
  return group;
}

GtkWidget *
ot_test_find_type (GtkWidget *root,
                   GType      type)
{
  return ot_test_find_widget (root, ot_test_is_type, GSIZE_TO_POINTER (type));
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

AdwMessageDialog *
ot_test_find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  /* Let it map and draw first. */
  ot_test_ui_wait ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

char *
ot_test_dialog_text (AdwMessageDialog *dialog)
{
  return g_strconcat (adw_message_dialog_get_heading (dialog), "\n", adw_message_dialog_get_body (dialog), NULL);
}

/* Presses the dialog's button with @label and checks it went away. */
void
ot_test_answer_dialog (AdwMessageDialog *dialog,
                       const char       *label)
{
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  ot_test_press (ot_test_find_button (GTK_WIDGET (dialog), label));
  ot_test_ui_wait ();
  g_assert_true (dialog == NULL || !gtk_widget_get_visible (GTK_WIDGET (dialog)));
  if (dialog != NULL)
    g_object_remove_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
}

/* Running the application when the body may close the window itself */

typedef struct
{
  OtTestUiFunc   body;
  OtApplication *app;
} Run;

static void
run_body (gpointer data)
{
  Run *run = data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (run->app));

  g_assert_true (OT_IS_WINDOW (window));
  ot_test_ui_wait ();
  run->body (run->app, OT_WINDOW (window));

  /* Quit as a person would; no window may stay behind. */
  window = gtk_application_get_active_window (GTK_APPLICATION (run->app));
  if (window != NULL)
    {
      gint64 start = g_get_monotonic_time ();

      g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
      g_action_group_activate_action (G_ACTION_GROUP (run->app), "quit", NULL);
      /* Closing can take more than one wait on two busy cores. */
      do
        ot_test_ui_wait ();
      while (window != NULL && g_get_monotonic_time () - start < 10 * G_USEC_PER_SEC);
      g_assert_null (window);
    }
}

static void
activated_cb (GApplication *app,
              Run          *run)
{
  g_idle_add_once (run_body, run);
}

/* Closing with unsaved answers asks; the person discards them. */
void
ot_test_close_discarding (OtWindow *window)
{
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_close (GTK_WINDOW (window));
  ot_test_ui_wait ();
  ot_test_answer_dialog (ot_test_find_dialog (), "_Discard");
  g_assert_null (window);
}

void
ot_test_run_app (OtTestUiFunc body)
{
  Run run = { body, ot_application_new () };

  g_application_set_flags (G_APPLICATION (run.app),
                           g_application_get_flags (G_APPLICATION (run.app)) | G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (run.app, "activate", G_CALLBACK (activated_cb), &run);
  g_assert_cmpint (g_application_run (G_APPLICATION (run.app), 0, NULL), ==, 0);
  g_assert_finalize_object (run.app);
}

void
ot_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      ot_test_remove_tree (child);
    }
  g_remove (path);
}

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

/* Takes the screenshot once @widget has something to show: on two busy
 * cores the first frame can take longer than one wait. */
void
ot_test_shot (GtkWidget  *widget,
              const char *name)
{
  for (guint attempt = 0; attempt < 50; attempt++)
    {
      g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
      g_autoptr(GskRenderNode) node = NULL;
      int width = gtk_widget_get_width (widget);
      int height = gtk_widget_get_height (widget);

      if (width > 0 && height > 0)
        {
          gdk_paintable_snapshot (paintable, snapshot, width, height);
          node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
          if (node != NULL)
            break;
        }
      ot_test_ui_wait ();
    }
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
