/* test-window-file.c: new, save, close and autosave, under Xvfb
 *
 * The window's file handling as a person meets it: the questions it asks
 * before answers are lost, the title, the autosave that survives a crash,
 * the private session and an autosave that cannot be read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ot-compat.h"
#include "ot-test-widgets.h"
#include "ot-worksheet-io.h"

/* New, and closing with unsaved answers */

static void
new_body (OtApplication *app,
          OtWindow      *window)
{
  OtWorksheet *ws = ot_window_get_worksheet (window);
  GtkWidget *view = ot_test_values_view (window);
  GtkWidget *dialog;
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.new");

  g_assert_cmpstr (accels[0], ==, "<Control>n");

  /* Nothing to lose: no question asked. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new", NULL);
  g_assert_null (ot_test_find_dialog ());

  ot_test_press_in_row (view, "Avoiding side effects", "Very");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new", NULL);
  dialog = ot_test_find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (ot_alert_get_heading (dialog), ==, "Start a New Worksheet?");
  ot_test_shot (GTK_WIDGET (dialog), "new-confirm");
  ot_test_answer_dialog (dialog, "_Cancel");
  g_assert_cmpint (ot_worksheet_get_rating (ws, "avoid-side-effects"), ==, OT_RATING_VERY_IMPORTANT);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.new", NULL);
  ot_test_answer_dialog (ot_test_find_dialog (), "_Clear Answers");
  g_assert_true (ot_worksheet_is_empty (ws));
  g_assert_false (ot_window_get_modified (window));
  g_assert_false (ot_test_row_button_active (view, "Avoiding side effects", "Very"));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Option Talk");
}

static void
test_new (void)
{
  ot_test_fresh_start ();
  ot_test_run_app (new_body);
}

static void
close_body (OtApplication *app,
            OtWindow      *window)
{
  GtkWidget *view = ot_test_values_view (window);
  GtkWidget *dialog;
  g_autofree char *path = ot_test_work_path ("closing.optiontalk");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(OtWorksheet) saved = NULL;

  g_assert_true (ot_window_save_file (window, file));
  ot_test_press_in_row (view, "Staying able to work", "A little");

  /* Closing asks; Cancel keeps the window and the answers. */
  gtk_window_close (GTK_WINDOW (window));
  ot_test_ui_wait ();
  dialog = ot_test_find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (ot_alert_get_body (dialog), "closing.optiontalk"));
  ot_test_shot (GTK_WIDGET (dialog), "close-confirm");
  ot_test_answer_dialog (dialog, "_Cancel");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (ot_window_get_modified (window));

  /* Save saves to the file, then closes. */
  ot_test_close_answering (window, "_Save");
  saved = ot_worksheet_io_open (file, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ot_worksheet_get_rating (saved, "keep-working"), ==, OT_RATING_A_LITTLE_IMPORTANT);
}

static void
restored_after_close_body (OtApplication *app,
                           OtWindow      *window)
{
  g_autofree char *path = ot_test_work_path ("closing.optiontalk");

  /* The next start continues where the last one ended, with its file. */
  g_assert_cmpint (ot_worksheet_get_rating (ot_window_get_worksheet (window), "keep-working"), ==,
                   OT_RATING_A_LITTLE_IMPORTANT);
  g_assert_nonnull (ot_window_get_file (window));
  g_assert_cmpstr (g_file_peek_path (ot_window_get_file (window)), ==, path);
  g_assert_false (ot_window_get_modified (window));
  g_assert_true (ot_test_row_button_active (ot_test_values_view (window), "Staying able to work", "A little"));

  /* Discarding at close: the window goes and the answers are not kept. */
  ot_worksheet_set_rating (ot_window_get_worksheet (window), "time-at-home", OT_RATING_QUITE_IMPORTANT);
  ot_test_close_answering (window, "_Discard");
}

static void
nothing_restored_body (OtApplication *app,
                       OtWindow      *window)
{
  g_assert_true (ot_worksheet_is_empty (ot_window_get_worksheet (window)));
  g_assert_null (ot_window_get_file (window));
}

static void
test_close (void)
{
  g_autoptr(GFile) autosave = ot_test_autosave_file ();

  ot_test_fresh_start ();
  ot_test_run_app (close_body);
  g_assert_true (g_file_query_exists (autosave, NULL));
  ot_test_run_app (restored_after_close_body);
  g_assert_false (g_file_query_exists (autosave, NULL));
  ot_test_run_app (nothing_restored_body);
}

/* Autosave, a private session, and a broken autosave */

static void
crash_body (OtApplication *app,
            OtWindow      *window)
{
  g_autoptr(GFile) autosave = ot_test_autosave_file ();
  g_autoptr(GFile) folder = g_file_get_parent (autosave);
  GtkWidget *view = ot_test_values_view (window);
  g_autoptr(GError) error = NULL;
  g_autoptr(OtWorksheet) kept = NULL;
  gint64 start;

  g_assert_false (g_file_query_exists (autosave, NULL));
  ot_test_type_and_enter (ot_test_find_row (view, "Add a question of your own"), "Is it safe to fly?");

  /* A few seconds after the last change the answers are kept, owner-only. */
  start = g_get_monotonic_time ();
  while (!g_file_query_exists (autosave, NULL) && g_get_monotonic_time () - start < 6 * G_USEC_PER_SEC)
    ot_test_ui_wait ();
  g_assert_true (g_file_query_exists (autosave, NULL));
  g_assert_cmpuint (ot_test_file_mode (autosave), ==, 0600);
  g_assert_cmpuint (ot_test_file_mode (folder), ==, 0700);
  kept = ot_worksheet_io_open (autosave, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (((OtOwnItem *) ot_worksheet_get_own_questions (kept)->pdata[0])->text, ==, "Is it safe to fly?");

  /* Then the power goes: no close, no goodbye. */
  _exit (0);
}

static void
test_crash (void)
{
  ot_test_run_app (crash_body);
}

static void
private_body (OtApplication *app,
              OtWindow      *window)
{
  g_autoptr(GFile) autosave = ot_test_autosave_file ();
  OtWorksheet *ws = ot_window_get_worksheet (window);
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (window), "private-session");
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkWidget *view = ot_test_values_view (window);
  GtkWidget *row;

  /* After the crash the answers are back, shown as not saved to a file. */
  g_assert_cmpuint (ot_worksheet_get_own_questions (ws)->len, ==, 1);
  row = ot_test_find_row (ot_test_find_group (view, "My Questions"), "Your question");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Is it safe to fly?");
  g_assert_true (ot_window_get_modified (window));
  g_assert_null (ot_window_get_file (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "• New Worksheet — Option Talk");

  /* The menu's toggle turns the setting on and deletes the kept copy. */
  g_assert_nonnull (action);
  g_action_activate (action, NULL);
  ot_test_ui_wait ();
  g_assert_true (g_settings_get_boolean (settings, "private-session"));
  g_assert_false (g_file_query_exists (autosave, NULL));
  g_assert_nonnull (ot_test_find_widget (GTK_WIDGET (window), ot_test_label_containing, "Private session"));
  ot_test_shot (GTK_WIDGET (window), "private-session-toast");

  /* Changes are no longer kept, even after the delay. */
  ot_worksheet_set_rating (ws, "comfort", OT_RATING_QUITE_IMPORTANT);
  for (guint i = 0; i < 40; i++)
    ot_test_ui_wait ();
  g_assert_false (g_file_query_exists (autosave, NULL));

  /* Nor at close: Discard, and the window goes. */
  ot_test_close_answering (window, "_Discard");
  g_assert_false (g_file_query_exists (autosave, NULL));
}

static void
private_start_body (OtApplication *app,
                    OtWindow      *window)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GFile) autosave = ot_test_autosave_file ();

  /* Nothing from the private session came back, and nothing is kept. */
  g_assert_true (ot_worksheet_is_empty (ot_window_get_worksheet (window)));
  g_assert_true (g_settings_get_boolean (settings, "private-session"));
  ot_worksheet_set_notes (ot_window_get_worksheet (window), "Private");
  ot_worksheet_set_notes (ot_window_get_worksheet (window), NULL);
  for (guint i = 0; i < 35; i++)
    ot_test_ui_wait ();
  g_assert_false (g_file_query_exists (autosave, NULL));

  /* Turned off again, the answers are kept from now on. */
  g_settings_set_boolean (settings, "private-session", FALSE);
  ot_test_ui_wait ();
  g_assert_nonnull (ot_test_find_widget (GTK_WIDGET (window), ot_test_label_containing, "will be kept on this computer"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new", NULL);
}

static void
test_autosave (void)
{
  g_autoptr(GFile) autosave = ot_test_autosave_file ();

  ot_test_fresh_start ();
  /* The crash happens in a child process, for real. */
  g_test_trap_subprocess ("/window-file/autosave/subprocess/crash", 60 * G_USEC_PER_SEC,
                          G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  g_assert_true (g_file_query_exists (autosave, NULL));

  ot_test_run_app (private_body);
  ot_test_run_app (private_start_body);
  g_assert_false (g_file_query_exists (autosave, NULL));
}

static void
broken_body (OtApplication *app,
             OtWindow      *window)
{
  g_autoptr(GFile) autosave = ot_test_autosave_file ();
  g_autoptr(GFile) folder = g_file_get_parent (autosave);
  g_autofree char *folder_path = g_file_get_path (folder);
  g_autoptr(GDir) dir = g_dir_open (folder_path, 0, NULL);
  const char *name;
  gboolean moved = FALSE;

  g_assert_true (ot_worksheet_is_empty (ot_window_get_worksheet (window)));
  g_assert_false (g_file_query_exists (autosave, NULL));
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "autosave-broken-"))
      {
        g_autofree char *path = g_build_filename (folder_path, name, NULL);
        g_autofree char *contents = NULL;

        g_file_get_contents (path, &contents, NULL, NULL);
        g_assert_cmpstr (contents, ==, "<optiontalk-worksheet format=\"1\"><notes>half");
        moved = TRUE;
      }
  g_assert_true (moved);
  g_assert_nonnull (ot_test_find_widget (GTK_WIDGET (window), ot_test_label_containing, "could not be read"));
  ot_test_shot (GTK_WIDGET (window), "broken-autosave-toast");
}

static void
test_broken_autosave (void)
{
  g_autoptr(GFile) autosave = ot_test_autosave_file ();
  g_autoptr(GFile) folder = g_file_get_parent (autosave);
  g_autofree char *folder_path = g_file_get_path (folder);
  g_autofree char *path = g_file_get_path (autosave);

  g_assert_cmpint (g_mkdir_with_parents (folder_path, 0700), ==, 0);
  g_file_set_contents (path, "<optiontalk-worksheet format=\"1\"><notes>half", -1, NULL);
  ot_test_run_app (broken_body);
}

/* An autosave that is not a file at all: a FIFO (reading it would wait
 * for ever), a folder, a link to nowhere.  Mode 000 does not stop root,
 * who runs these tests, so these are the unreadable ones. */
static const char *unreadable_kind;

static void
unreadable_body (OtApplication *app,
                 OtWindow      *window)
{
  g_autoptr(GFile) autosave = ot_test_autosave_file ();
  g_autoptr(GFile) folder = g_file_get_parent (autosave);
  g_autofree char *folder_path = g_file_get_path (folder);
  g_autoptr(GDir) dir = g_dir_open (folder_path, 0, NULL);
  const char *name;
  guint kept = 0;

  /* The window is up, empty, and says what happened and where the
   * broken one is. */
  g_assert_true (ot_worksheet_is_empty (ot_window_get_worksheet (window)));
  g_assert_nonnull (ot_test_find_widget (GTK_WIDGET (window), ot_test_label_containing,
                                         "Your answers from last time could not be read"));
  g_assert_nonnull (ot_test_find_widget (GTK_WIDGET (window), ot_test_label_containing,
                                         "autosave-broken-"));

  /* Moved aside as it was, not deleted. */
  g_assert_false (g_file_query_exists (autosave, NULL));
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "autosave-broken-"))
      {
        g_autofree char *path = g_build_filename (folder_path, name, NULL);

        if (g_str_equal (unreadable_kind, "fifo"))
          g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS) && !g_file_test (path, G_FILE_TEST_IS_REGULAR));
        else if (g_str_equal (unreadable_kind, "folder"))
          g_assert_true (g_file_test (path, G_FILE_TEST_IS_DIR));
        else
          g_assert_true (g_file_test (path, G_FILE_TEST_IS_SYMLINK));
        kept++;
      }
  g_assert_cmpuint (kept, ==, 1);
  if (g_str_equal (unreadable_kind, "fifo"))
    ot_test_shot (GTK_WIDGET (window), "unreadable-autosave-toast");
}

static void
test_unreadable_autosave (void)
{
  static const char *kinds[] = { "fifo", "folder", "dangling-link" };
  g_autoptr(GFile) autosave = ot_test_autosave_file ();
  g_autoptr(GFile) folder = g_file_get_parent (autosave);
  g_autofree char *folder_path = g_file_get_path (folder);
  g_autofree char *path = g_file_get_path (autosave);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_test_message ("autosave: %s", kinds[i]);
      ot_test_remove_tree (folder_path);
      g_assert_cmpint (g_mkdir_with_parents (folder_path, 0700), ==, 0);
      if (g_str_equal (kinds[i], "fifo"))
        g_assert_cmpint (mkfifo (path, 0600), ==, 0);
      else if (g_str_equal (kinds[i], "folder"))
        g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
      else
        g_assert_cmpint (symlink ("autosave-that-was-deleted.optiontalk", path), ==, 0);

      unreadable_kind = kinds[i];
      ot_test_run_app (unreadable_body);
    }
  ot_test_remove_tree (folder_path);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  ot_test_widgets_init ();
  if (!ot_test_ui_init (&argc, &argv))
    return 0;

  g_test_add_func ("/window-file/new", test_new);
  g_test_add_func ("/window-file/close", test_close);
  g_test_add_func ("/window-file/autosave", test_autosave);
  g_test_add_func ("/window-file/autosave/subprocess/crash", test_crash);
  g_test_add_func ("/window-file/broken-autosave", test_broken_autosave);
  g_test_add_func ("/window-file/unreadable-autosave", test_unreadable_autosave);

  status = g_test_run ();
  ot_test_widgets_cleanup ();
  return status;
}
