/* test-window-file.c: new, save, close and autosave, under Xvfb
 *
 * The window's file handling as a person meets it: the questions it asks
 * before answers are lost, the title, the autosave that survives a crash,
 * the private session and an autosave that cannot be read, two windows
 * with one file, and a disk so slow that a save takes seconds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <dlfcn.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ot-compat.h"
#include "ot-test-ui.h"
#include "ot-worksheet-io.h"

/* Waits for the thread that writes or deletes @file. */
static void
wait_for_file (GFile    *file,
               gboolean  exists)
{
  gint64 start = g_get_monotonic_time ();

  while (g_file_query_exists (file, NULL) != exists && g_get_monotonic_time () - start < 15 * G_USEC_PER_SEC)
    ot_test_ui_wait ();
  g_assert_cmpint (g_file_query_exists (file, NULL), ==, exists);
}

/* New, and closing with unsaved answers */

/* A window closes once what it was asked to do first is done. */
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

  ot_window_save_file (window, file);
  g_assert_true (ot_test_wait_for_file (window, file));
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
  wait_for_file (autosave, FALSE);
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

/* The paths of the broken autosaves moved aside in the autosave folder. */
static GPtrArray *
moved_aside (void)
{
  g_autoptr(GFile) autosave = ot_test_autosave_file ();
  g_autoptr(GFile) folder = g_file_get_parent (autosave);
  g_autofree char *folder_path = g_file_get_path (folder);
  g_autoptr(GDir) dir = g_dir_open (folder_path, 0, NULL);
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "autosave-broken-"))
      g_ptr_array_add (paths, g_build_filename (folder_path, name, NULL));
  return paths;
}

static void
broken_body (OtApplication *app,
             OtWindow      *window)
{
  g_autoptr(GFile) autosave = ot_test_autosave_file ();
  g_autoptr(GPtrArray) moved = NULL;

  g_assert_true (ot_worksheet_is_empty (ot_window_get_worksheet (window)));
  g_assert_false (g_file_query_exists (autosave, NULL));
  moved = moved_aside ();
  g_assert_cmpuint (moved->len, >, 0);
  for (guint i = 0; i < moved->len; i++)
    {
      g_autofree char *contents = NULL;

      g_file_get_contents (moved->pdata[i], &contents, NULL, NULL);
      g_assert_cmpstr (contents, ==, "<optiontalk-worksheet format=\"1\"><notes>half");
    }
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
  g_autoptr(GPtrArray) kept = NULL;
  const char *path;

  /* The window is up, empty, and says what happened and where the
   * broken one is. */
  g_assert_true (ot_worksheet_is_empty (ot_window_get_worksheet (window)));
  g_assert_nonnull (ot_test_find_widget (GTK_WIDGET (window), ot_test_label_containing,
                                         "Your answers from last time could not be read"));
  g_assert_nonnull (ot_test_find_widget (GTK_WIDGET (window), ot_test_label_containing,
                                         "autosave-broken-"));

  /* Moved aside as it was, not deleted. */
  g_assert_false (g_file_query_exists (autosave, NULL));
  kept = moved_aside ();
  g_assert_cmpuint (kept->len, ==, 1);
  path = kept->pdata[0];
  if (g_str_equal (unreadable_kind, "fifo"))
    g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS) && !g_file_test (path, G_FILE_TEST_IS_REGULAR));
  else if (g_str_equal (unreadable_kind, "folder"))
    g_assert_true (g_file_test (path, G_FILE_TEST_IS_DIR));
  else
    g_assert_true (g_file_test (path, G_FILE_TEST_IS_SYMLINK));
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

/* Opening a file with unsaved answers */

static GFile *
write_notes_file (const char *name,
                  const char *notes)
{
  g_autofree char *path = ot_test_work_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(OtWorksheet) ws = ot_worksheet_new ();
  g_autoptr(GError) error = NULL;

  ot_worksheet_set_notes (ws, notes);
  g_assert_true (ot_worksheet_io_save (ws, file, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&file);
}

static char *
notes_in (GFile *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OtWorksheet) ws = ot_worksheet_io_open (file, &error);

  g_assert_no_error (error);
  return g_strdup (ot_worksheet_get_notes (ws));
}

static void
wait_for_notes (OtWorksheet *ws,
                const char  *notes)
{
  gint64 start = g_get_monotonic_time ();

  while (g_strcmp0 (ot_worksheet_get_notes (ws), notes) != 0
         && g_get_monotonic_time () - start < 15 * G_USEC_PER_SEC)
    ot_test_ui_wait ();
  g_assert_cmpstr (ot_worksheet_get_notes (ws), ==, notes);
}

static void
open_asks_body (OtApplication *app,
                OtWindow      *window)
{
  OtWorksheet *ws = ot_window_get_worksheet (window);
  g_autoptr(GFile) autosave = ot_test_autosave_file ();
  g_autoptr(GFile) other = write_notes_file ("from-the-file-manager.optiontalk", "From the file manager");
  g_autofree char *mine_path = ot_test_work_path ("mine.optiontalk");
  g_autoptr(GFile) mine = g_file_new_for_path (mine_path);
  g_autofree char *kept = NULL;
  g_autofree char *saved = NULL;
  GtkWidget *dialog;

  ot_test_type_into_group (ot_test_values_view (window), "Notes", "Typed, not saved");
  wait_for_file (autosave, TRUE);

  /* A file from the file manager, or a second option-talk FILE, reaches
   * the running window this way: it asks first. */
  g_application_open (G_APPLICATION (app), &other, 1, "");
  dialog = ot_test_find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (ot_alert_get_heading (dialog), ==, "Save Changes Before Opening?");
  ot_test_shot (GTK_WIDGET (dialog), "open-confirm");

  /* Until the person chose, the answers and their autosave are as typed. */
  kept = notes_in (autosave);
  g_assert_cmpstr (kept, ==, "Typed, not saved");
  ot_test_answer_dialog (dialog, "_Cancel");
  g_assert_cmpstr (ot_worksheet_get_notes (ws), ==, "Typed, not saved");
  g_assert_true (ot_window_get_modified (window));
  g_assert_null (ot_window_get_file (window));

  /* Save: saved first, then opened. */
  ot_window_save_file (window, mine);
  g_assert_true (ot_test_wait_for_file (window, mine));
  ot_test_type_into_group (ot_test_values_view (window), "Notes", " and more");
  g_application_open (G_APPLICATION (app), &other, 1, "");
  ot_test_answer_dialog (ot_test_find_dialog (), "_Save");
  wait_for_notes (ws, "From the file manager");
  g_assert_true (ot_test_wait_for_file (window, other));
  saved = notes_in (mine);
  g_assert_cmpstr (saved, ==, "Typed, not saved and more");
  g_assert_cmpstr (ot_worksheet_get_notes (ws), ==, "From the file manager");

  /* Discard: opened, and the autosave follows the opened file. */
  ot_test_type_into_group (ot_test_values_view (window), "Notes", ", changed");
  g_application_open (G_APPLICATION (app), &mine, 1, "");
  ot_test_answer_dialog (ot_test_find_dialog (), "_Discard");
  g_assert_true (ot_test_wait_for_file (window, mine));
  g_assert_cmpstr (ot_worksheet_get_notes (ws), ==, "Typed, not saved and more");
}

static void
test_open_asks (void)
{
  ot_test_fresh_start ();
  ot_test_run_app (open_asks_body);
}

/* Prepared before the visit */

static gboolean
label_has_text (GtkWidget     *widget,
                gconstpointer  text)
{
  return g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

/* Whether the line saying when the worksheet was prepared shows @text. */
static gboolean
prepared_line_is (OtWindow   *window,
                  const char *text)
{
  GtkWidget *label = ot_test_ui_find (GTK_WIDGET (window), GTK_TYPE_LABEL, label_has_text, text);

  return label != NULL && GTK_IS_REVEALER (gtk_widget_get_parent (label))
         && gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_parent (label)));
}

/* A worksheet filled in at home opens at the visit saying when it was
 * prepared, at Options; saving writes the day into the file; a new
 * worksheet, or a file from before files said when, has no such line. */
static void
prepared_body (OtApplication *app,
               OtWindow      *window)
{
  const char *line = "Prepared on 24 November 2026. Change any answer that is different now.";
  g_autofree char *home_path = ot_test_work_path ("prepared-at-home.optiontalk");
  g_autofree char *visit_path = ot_test_work_path ("saved-at-the-visit.optiontalk");
  g_autoptr(GFile) home = g_file_new_for_path (home_path);
  g_autoptr(GFile) visit = g_file_new_for_path (visit_path);
  g_autoptr(GFile) old = write_notes_file ("from-before.optiontalk", "No day in this file");
  g_autoptr(OtWorksheet) prepared = ot_worksheet_new ();
  g_autoptr(OtWorksheet) saved = NULL;
  g_autoptr(GError) error = NULL;
  GDate date, today;

  /* At home: the situation, a value, a question, saved on 24 November. */
  ot_worksheet_set_substage (prepared, OT_SUBSTAGE_IVB);
  ot_worksheet_set_biomarker (prepared, "mmr", "pmmr");
  ot_worksheet_set_rating (prepared, "family-time", OT_RATING_VERY_IMPORTANT);
  ot_worksheet_set_question (prepared, "q-goals-aim", TRUE);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 24, G_DATE_NOVEMBER, 2026);
  ot_worksheet_set_saved_on (prepared, &date);
  g_assert_true (ot_worksheet_io_save (prepared, home, &error));
  g_assert_no_error (error);

  g_assert_cmpstr (ot_window_get_view (window), ==, "situation");
  g_assert_false (prepared_line_is (window, line));
  ot_window_open_file (window, home);
  g_assert_true (ot_test_wait_for_file (window, home));
  ot_test_ui_wait ();
  g_assert_cmpstr (ot_window_get_view (window), ==, "options");
  g_assert_true (prepared_line_is (window, line));
  g_assert_true (ot_worksheet_equal (ot_window_get_worksheet (window), prepared));
  ot_test_shot (GTK_WIDGET (window), "prepared");

  /* Saved at the visit: the file says today. */
  ot_window_save_file (window, visit);
  g_assert_true (ot_test_wait_for_file (window, visit));
  saved = ot_worksheet_io_open (visit, &error);
  g_assert_no_error (error);
  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));
  g_assert_true (g_date_valid (ot_worksheet_get_saved_on (saved)));
  g_assert_cmpint (g_date_compare (ot_worksheet_get_saved_on (saved), &today), ==, 0);

  /* A new worksheet: the line goes. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new", NULL);
  ot_test_answer_dialog (ot_test_find_dialog (), "_Clear Answers");
  ot_test_ui_wait ();
  g_assert_false (prepared_line_is (window, line));

  /* A file with no day in it opens where the window is, with no line. */
  ot_window_show_view (window, "values");
  ot_window_open_file (window, old);
  g_assert_true (ot_test_wait_for_file (window, old));
  ot_test_ui_wait ();
  g_assert_cmpstr (ot_window_get_view (window), ==, "values");
  g_assert_cmpstr (ot_worksheet_get_notes (ot_window_get_worksheet (window)), ==, "No day in this file");
  g_assert_false (prepared_line_is (window, line));
}

static void
test_prepared (void)
{
  ot_test_fresh_start ();
  ot_test_run_app (prepared_body);
}

/* Two windows with one file */

static void
activate_in (OtWindow   *window,
             const char *action)
{
  gtk_widget_activate_action (GTK_WIDGET (window), action, NULL);
}

static void
changed_on_disk_body (OtApplication *app,
                      OtWindow      *window)
{
  g_autoptr(GFile) shared = write_notes_file ("shared.optiontalk", "Both windows opened this");
  OtWindow *second = ot_window_new (app);
  GtkWidget *dialog;
  g_autofree char *after_cancel = NULL;
  g_autofree char *after_replace = NULL;
  g_autofree char *text = NULL;

  gtk_window_present (GTK_WINDOW (second));
  ot_window_open_file (window, shared);
  g_assert_true (ot_test_wait_for_file (window, shared));
  ot_window_open_file (second, shared);
  g_assert_true (ot_test_wait_for_file (second, shared));

  /* The second window saves first. */
  ot_worksheet_set_notes (ot_window_get_worksheet (second), "The second window's notes");
  activate_in (second, "win.save");
  g_assert_true (ot_test_wait_for_file (second, shared));

  /* The first asks before writing over them. */
  ot_worksheet_set_notes (ot_window_get_worksheet (window), "The first window's notes");
  activate_in (window, "win.save");
  while (ot_window_get_busy (window))
    ot_test_ui_wait ();
  dialog = ot_test_find_dialog ();
  g_assert_nonnull (dialog);
  text = ot_test_dialog_text (dialog);
  g_assert_nonnull (strstr (text, "The File Has Changed"));
  g_assert_nonnull (strstr (text, "“shared.optiontalk” was changed by another window or program"));
  ot_test_shot (GTK_WIDGET (dialog), "changed-on-disk");
  ot_test_answer_dialog (dialog, "_Cancel");
  after_cancel = notes_in (shared);
  g_assert_cmpstr (after_cancel, ==, "The second window's notes");
  g_assert_true (ot_window_get_modified (window));

  activate_in (window, "win.save");
  while (ot_window_get_busy (window))
    ot_test_ui_wait ();
  ot_test_answer_dialog (ot_test_find_dialog (), "_Replace");
  g_assert_true (ot_test_wait_for_file (window, shared));
  after_replace = notes_in (shared);
  g_assert_cmpstr (after_replace, ==, "The first window's notes");

  /* Its own save since then is no change on disk: no question. */
  ot_worksheet_set_notes (ot_window_get_worksheet (window), "Saved again");
  activate_in (window, "win.save");
  g_assert_true (ot_test_wait_for_file (window, shared));
  g_assert_null (ot_test_find_dialog ());

  gtk_window_close (GTK_WINDOW (second));
}

static void
test_changed_on_disk (void)
{
  ot_test_fresh_start ();
  ot_test_run_app (changed_on_disk_body);
}

/* Each window's autosave, and all of them back after a crash. */

static const char *window_notes[] = { "Notes of the first window", "Notes of the second window" };

static GFile *
autosave_named (const char *name)
{
  g_autoptr(GFile) first = ot_test_autosave_file ();
  g_autoptr(GFile) folder = g_file_get_parent (first);

  return g_file_get_child (folder, name);
}

/* Whether @a and @b are the two windows' notes, in either order. */
static gboolean
are_window_notes (const char *a,
                  const char *b)
{
  return (g_strcmp0 (a, window_notes[0]) == 0 && g_strcmp0 (b, window_notes[1]) == 0)
         || (g_strcmp0 (a, window_notes[1]) == 0 && g_strcmp0 (b, window_notes[0]) == 0);
}

static void
two_windows_crash_body (OtApplication *app,
                        OtWindow      *window)
{
  OtWindow *second = ot_window_new (app);
  g_autoptr(GFile) first_kept = autosave_named ("autosave.optiontalk");
  g_autoptr(GFile) second_kept = autosave_named ("autosave-2.optiontalk");
  g_autofree char *first_notes = NULL;
  g_autofree char *second_notes = NULL;

  gtk_window_present (GTK_WINDOW (second));
  ot_worksheet_set_notes (ot_window_get_worksheet (window), window_notes[0]);
  ot_worksheet_set_notes (ot_window_get_worksheet (second), window_notes[1]);
  wait_for_file (first_kept, TRUE);
  wait_for_file (second_kept, TRUE);
  first_notes = notes_in (first_kept);
  second_notes = notes_in (second_kept);
  g_assert_true (are_window_notes (first_notes, second_notes));

  _exit (0);
}

static void
test_two_windows_crash (void)
{
  ot_test_run_app (two_windows_crash_body);
}

static void
two_windows_restored_body (OtApplication *app,
                           OtWindow      *window)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  /* One window for each, each with its own answers. */
  g_assert_cmpuint (g_list_length (windows), ==, 2);
  g_assert_true (ot_window_get_modified (windows->data));
  g_assert_true (ot_window_get_modified (windows->next->data));
  g_assert_true (are_window_notes (ot_worksheet_get_notes (ot_window_get_worksheet (windows->data)),
                                   ot_worksheet_get_notes (ot_window_get_worksheet (windows->next->data))));

  /* Discarded, neither comes back. */
  while ((windows = gtk_application_get_windows (GTK_APPLICATION (app))) != NULL)
    ot_test_close_answering (windows->data, "_Discard");
}

static void
test_two_windows (void)
{
  g_autoptr(GFile) first_kept = autosave_named ("autosave.optiontalk");
  g_autoptr(GFile) second_kept = autosave_named ("autosave-2.optiontalk");

  ot_test_fresh_start ();
  g_test_trap_subprocess ("/window-file/two-windows/subprocess/crash", 60 * G_USEC_PER_SEC,
                          G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  g_assert_true (g_file_query_exists (first_kept, NULL));
  g_assert_true (g_file_query_exists (second_kept, NULL));

  ot_test_run_app (two_windows_restored_body);
  g_assert_false (g_file_query_exists (first_kept, NULL));
  g_assert_false (g_file_query_exists (second_kept, NULL));
}

/* Steady typing: the answers are kept though the typing never pauses
 * for the 3 s the autosave waits for. */
static void
steady_typing_body (OtApplication *app,
                    OtWindow      *window)
{
  g_autoptr(GFile) autosave = ot_test_autosave_file ();
  GtkWidget *view = ot_test_values_view (window);
  gint64 start = g_get_monotonic_time ();
  gint64 last_key = 0;
  g_autofree char *kept = NULL;

  g_assert_false (g_file_query_exists (autosave, NULL));
  /* A key every 0.7 s for up to 16 s. */
  while (!g_file_query_exists (autosave, NULL) && g_get_monotonic_time () - start < 16 * G_USEC_PER_SEC)
    {
      if (g_get_monotonic_time () - last_key > 700 * 1000)
        {
          ot_test_type_into_group (view, "Notes", "a");
          last_key = g_get_monotonic_time ();
        }
      ot_test_ui_wait ();
    }
  g_test_message ("kept after %.1f s of typing", (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);
  g_assert_true (g_file_query_exists (autosave, NULL));
  g_assert_cmpint (g_get_monotonic_time () - start, <, 13 * G_USEC_PER_SEC);
  kept = notes_in (autosave);
  g_assert_true (g_str_has_prefix (kept, "aaaaaaaaaaaa"));
  ot_test_close_answering (window, "_Discard");
}

static void
test_steady_typing (void)
{
  ot_test_fresh_start ();
  ot_test_run_app (steady_typing_body);
}

/* A slow disk: every rename into @slow_folder takes two seconds, as
 * on a network share that stalls.  Defined here, this rename() is the
 * one GIO calls when it puts a saved file in place. */
static char *slow_folder;

int
rename (const char *from,
        const char *to)
{
  static int (*real_rename) (const char *, const char *);

  if (real_rename == NULL)
    real_rename = (int (*) (const char *, const char *)) dlsym (RTLD_NEXT, "rename");
  if (slow_folder != NULL && g_str_has_prefix (to, slow_folder))
    g_usleep (2 * G_USEC_PER_SEC);
  return real_rename (from, to);
}

typedef struct
{
  guint  id;
  gint64 start;
  gint64 last;
  gint64 longest;
  guint  frames;
} Frames;

/* The time since the last frame, or since counting began. */
static gint64
time_since_frame (Frames *frames)
{
  return g_get_monotonic_time () - (frames->last ? frames->last : frames->start);
}

static gboolean
count_frame_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       data)
{
  Frames *frames = data;

  frames->longest = MAX (frames->longest, time_since_frame (frames));
  frames->last = g_get_monotonic_time ();
  frames->frames++;
  return G_SOURCE_CONTINUE;
}

static void
count_frames (OtWindow *window,
              Frames   *frames)
{
  *frames = (Frames) { 0 };
  frames->start = g_get_monotonic_time ();
  frames->id = gtk_widget_add_tick_callback (GTK_WIDGET (window), count_frame_cb, frames, NULL);
}

/* Runs the main loop until @file holds @notes; the longest time between
 * two of the window's frames since count_frames() shows whether it froze
 * for the disk's 2 s (two busy cores can hold back a frame a few hundred
 * milliseconds, so the bound is 1 s). */
static void
assert_drew_until (OtWindow   *window,
                   Frames     *frames,
                   GFile      *file,
                   const char *notes)
{
  for (;;)
    {
      g_autofree char *in_file = notes_in (file);

      if (g_str_equal (in_file, notes) || g_get_monotonic_time () - frames->start > 15 * G_USEC_PER_SEC)
        break;
      ot_test_ui_wait ();
    }
  gtk_widget_remove_tick_callback (GTK_WIDGET (window), frames->id);
  frames->longest = MAX (frames->longest, time_since_frame (frames));
  g_test_message ("%u frames in %.1f s; the longest gap %.0f ms", frames->frames,
                  (g_get_monotonic_time () - frames->start) / (double) G_USEC_PER_SEC,
                  frames->longest / 1000.0);
  g_assert_cmpint (g_get_monotonic_time () - frames->start, >=, G_USEC_PER_SEC);
  g_assert_cmpuint (frames->frames, >=, 10);
  g_assert_cmpint (frames->longest, <, G_USEC_PER_SEC);
}

static void
slow_disk_body (OtApplication *app,
                OtWindow      *window)
{
  g_autofree char *folder = ot_test_work_path ("slow-disk");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) autosave = ot_test_autosave_file ();
  g_autoptr(GFile) autosave_folder = g_file_get_parent (autosave);
  g_autoptr(GFile) other = write_notes_file ("opened-during-a-save.optiontalk", "Opened during a save");
  GtkWidget *view = ot_test_values_view (window);
  g_autofree char *saved = NULL;
  Frames frames;

  /* There already: a new file is written in place, an old one replaced. */
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  file = write_notes_file ("slow-disk/visit.optiontalk", "From last visit");
  slow_folder = g_strdup (folder);

  /* Saving: the window goes on drawing, and what is typed meanwhile
   * stays unsaved. */
  ot_test_type_into_group (view, "Notes", "Before saving");
  count_frames (window, &frames);
  ot_window_save_file (window, file);
  g_assert_true (ot_window_get_busy (window));
  ot_test_type_into_group (view, "Notes", ", while saving");
  assert_drew_until (window, &frames, file, "Before saving");
  g_assert_false (ot_test_wait_for_file (window, file));
  g_assert_true (g_file_equal (ot_window_get_file (window), file));

  /* The autosave on the same slow disk, over the one kept after saving. */
  g_clear_pointer (&slow_folder, g_free);
  wait_for_file (autosave, TRUE);
  slow_folder = g_file_get_path (autosave_folder);
  count_frames (window, &frames);
  ot_test_type_into_group (view, "Notes", ", kept");
  assert_drew_until (window, &frames, autosave, "Before saving, while saving, kept");
  g_clear_pointer (&slow_folder, g_free);

  /* A file opened from outside while a save runs waits for it: the
   * answers are saved by then, so nothing is asked. */
  slow_folder = g_strdup (folder);
  ot_test_type_into_group (view, "Notes", ", opened");
  activate_in (window, "win.save");
  g_application_open (G_APPLICATION (app), &other, 1, "");
  g_assert_null (ot_test_find_dialog ());
  wait_for_notes (ot_window_get_worksheet (window), "Opened during a save");
  g_assert_true (ot_test_wait_for_file (window, other));
  saved = notes_in (file);
  g_assert_cmpstr (saved, ==, "Before saving, while saving, kept, opened");
  g_clear_pointer (&saved, g_free);
  ot_window_open_file (window, file);
  g_assert_true (ot_test_wait_for_file (window, file));

  /* Closing while a save runs waits for it, then closes: nothing is
   * left unsaved to ask about. */
  ot_test_type_into_group (view, "Notes", ", closed");
  activate_in (window, "win.save");
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_close (GTK_WINDOW (window));
  g_assert_null (ot_test_find_dialog ());
  g_assert_nonnull (window);
  ot_test_ui_wait_for_null ((gpointer *) &window);
  g_clear_pointer (&slow_folder, g_free);
  saved = notes_in (file);
  g_assert_cmpstr (saved, ==, "Before saving, while saving, kept, opened, closed");
}

static void
test_slow_disk (void)
{
  ot_test_fresh_start ();
  ot_test_run_app (slow_disk_body);
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
  g_test_add_func ("/window-file/open-asks", test_open_asks);
  g_test_add_func ("/window-file/prepared", test_prepared);
  g_test_add_func ("/window-file/changed-on-disk", test_changed_on_disk);
  g_test_add_func ("/window-file/two-windows", test_two_windows);
  g_test_add_func ("/window-file/two-windows/subprocess/crash", test_two_windows_crash);
  g_test_add_func ("/window-file/steady-typing", test_steady_typing);
  g_test_add_func ("/window-file/slow-disk", test_slow_disk);

  status = g_test_run ();
  ot_test_widgets_cleanup ();
  return status;
}
