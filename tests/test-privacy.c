/* test-privacy.c: what Option Talk leaves on the computer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A shared clinic computer: the PDF's document information holds nothing
 * the person did not enter, and a private session, once closed, leaves
 * none of the answers in the home folder — no autosave, no settings, no
 * entry in GTK's list of recently used files — even after saving and
 * exporting through the file chooser.
 */

#define _GNU_SOURCE  /* memmem() */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "ot-test-ui.h"
#include "ot-worksheet-io.h"

/* What the person enters: each must be findable, so none is a word that
 * the program's own files could hold. */
#define PATIENT   "Philippa Quistgaard-Mbeki"
#define QUESTION  "Will the Zolpidem interfere with Xeloda?"
#define NOTES     "Daughter Oksana drives on Thursdays"
#define FILE_BASE "Quistgaard visit"

/* The file chooser loads libraries that keep a little memory for the life
 * of the process; lsan.supp names them (libcloudproviders, _dl_init),
 * which needs the slow unwinder to see through GLib, built without frame
 * pointers.  Read only by AddressSanitizer. */
const char *__asan_default_options (void);

const char *
__asan_default_options (void)
{
  return "fast_unwind_on_malloc=0:malloc_context_size=12";
}

static char *home;       /* HOME, with every XDG folder inside it */
static char *elsewhere;  /* where the person saves: a USB stick, say */

/* Every regular file under @path that contains @text, as a list. */
static void
find_text (const char *path,
           const char *text,
           GString    *found)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_autofree char *contents = NULL;
      gsize size;

      if (g_file_test (path, G_FILE_TEST_IS_REGULAR)
          && g_file_get_contents (path, &contents, &size, NULL)
          && memmem (contents, size, text, strlen (text)) != NULL)
        g_string_append_printf (found, "%s\n", path);
      return;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (!g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        find_text (child, text, found);
    }
}

static char *
files_containing (const char *text)
{
  GString *found = g_string_new (NULL);

  find_text (home, text, found);
  return g_string_free (found, FALSE);
}

static void
list_files (const char *path,
            GString    *out)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_string_append_printf (out, "%s\n", child);
      list_files (child, out);
    }
}

/* The PDF's document information: the patient's name would be allowed
 * there (the person entered it), the account, the machine and the
 * folders are not. */

static char *
run (const char * const *argv,
     int                *status)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, status, &error);
  g_assert_no_error (error);
  return out;
}

static void
test_pdf_metadata (void)
{
  static const char *fields[] = { "Title", "Subject", "Keywords", "Author", "Creator", "Producer" };
  g_autofree char *dir = g_build_filename (elsewhere, "Clinic Share of " PATIENT, NULL);
  g_autofree char *sheet = g_build_filename (dir, FILE_BASE ".optiontalk", NULL);
  g_autofree char *pdf = g_build_filename (dir, FILE_BASE ".pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (sheet);
  g_autoptr(OtWorksheet) ws = ot_worksheet_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *info = NULL;
  g_autofree char *raw = NULL;
  const char *export_argv[] = { g_getenv ("OPTION_TALK"), "--export-pdf", pdf, sheet, NULL };
  const char *info_argv[] = { "pdfinfo", "-enc", "UTF-8", pdf, NULL };
  const char *unwanted[] = {
    g_get_user_name (), g_get_real_name (), g_get_host_name (), g_get_home_dir (),
    elsewhere, dir, FILE_BASE,
  };
  g_auto(GStrv) lines = NULL;
  gsize size;
  int status;
  GStatBuf buf;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  ot_worksheet_set_patient_name (ws, PATIENT);
  ot_worksheet_set_notes (ws, NOTES);
  g_assert_true (ot_worksheet_io_save (ws, file, &error));
  g_free (run (export_argv, &status));
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  /* The summary holds health information: the owner's only. */
  g_assert_cmpint (g_stat (pdf, &buf), ==, 0);
  g_assert_cmpuint (buf.st_mode & 0777, ==, 0600);

  info = run (info_argv, &status);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_test_message ("%s", info);
  lines = g_strsplit (info, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
      {
        g_autofree char *prefix = g_strconcat (fields[f], ":", NULL);

        if (!g_str_has_prefix (lines[i], prefix))
          continue;
        for (guint u = 0; u < G_N_ELEMENTS (unwanted); u++)
          if (unwanted[u] != NULL && strlen (unwanted[u]) > 1 && strstr (lines[i], unwanted[u]) != NULL)
            g_error ("the PDF's %s gives away “%s”: %s", fields[f], unwanted[u], lines[i]);
      }
  /* What is there is what the program says of itself. */
  g_assert_nonnull (strstr (info, "Title:           Summary for the visit\n"));
  g_assert_nonnull (strstr (info, "Creator:         Option Talk\n"));
  g_assert_null (strstr (info, "Author:"));

  /* Nor anywhere else in the file's uncompressed parts (an XMP packet, a
   * file specification): no user, host, folder or file name. */
  g_assert_true (g_file_get_contents (pdf, &raw, &size, NULL));
  for (guint u = 0; u < G_N_ELEMENTS (unwanted); u++)
    if (unwanted[u] != NULL && strlen (unwanted[u]) > 3)
      g_assert_null (memmem (raw, size, unwanted[u], strlen (unwanted[u])));
}

/* A private session */

static gboolean
widget_visible (gpointer data)
{
  return gtk_widget_get_visible (data);
}

static void
wait_until (gboolean (*done) (gpointer data),
            gpointer   data)
{
  gint64 start = g_get_monotonic_time ();

  while (!done (data) && g_get_monotonic_time () - start < 20 * G_USEC_PER_SEC)
    ot_test_ui_wait ();
  g_assert_true (done (data));
}

static gboolean
file_exists (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_IS_REGULAR);
}

static GtkWindow *
find_chooser (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

/* Picks @name in the folder @elsewhere and presses @button, as a person
 * would in the file chooser that is open. */
static void
choose_and_press (const char *name,
                  const char *button)
{
  GtkWindow *chooser = NULL;
  GtkWidget *entry;
  g_autofree char *path = g_build_filename (elsewhere, name, NULL);
  g_autofree char *suggested = NULL;
  gint64 start = g_get_monotonic_time ();

  while ((chooser = find_chooser ()) == NULL && g_get_monotonic_time () - start < 10 * G_USEC_PER_SEC)
    ot_test_ui_wait ();
  g_assert_nonnull (chooser);
  wait_until (widget_visible, chooser);

  /* Typed over the suggested name, in the name box that has the
   * keyboard, as a person types a whole path.  Where a dialog keeps its
   * buttons in a header bar (always on Wayland; on X11 where the desktop
   * says so, as GNOME does, but not on a bare Xvfb) the name box is in that
   * bar, after the chooser's other entries (the new folder's name);
   * otherwise it is above the files, the first entry. */
  entry = gtk_widget_get_ancestor (gtk_window_get_focus (chooser), GTK_TYPE_ENTRY);
  g_assert_nonnull (entry);
  suggested = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, suggested);
  gtk_editable_set_text (GTK_EDITABLE (entry), path);
  ot_test_ui_wait ();
  {
    g_autofree char *shot = g_strdup_printf ("privacy-chooser-%s", button + 1);

    ot_test_shot (GTK_WIDGET (chooser), shot);
  }
  ot_test_press (ot_test_find_button (GTK_WIDGET (chooser), button));
  wait_until (file_exists, path);
  ot_test_ui_wait ();
}

static void
fill_in (OtWindow *window)
{
  OtWorksheet *ws = ot_window_get_worksheet (window);
  GtkWidget *view = ot_test_values_view (window);

  /* Typed, as a person does, and set. */
  ot_test_type_and_enter (ot_test_find_row (view, "Add a question of your own"), QUESTION);
  ot_worksheet_set_patient_name (ws, PATIENT);
  ot_worksheet_set_notes (ws, NOTES);
  g_assert_cmpuint (ot_worksheet_get_own_questions (ws)->len, ==, 1);
}

/* Longer than the autosave waits after a change. */
static void
wait_past_autosave (void)
{
  gint64 start = g_get_monotonic_time ();

  while (g_get_monotonic_time () - start < 4 * G_USEC_PER_SEC)
    ot_test_ui_wait ();
}

static void
kept_body (OtApplication *app,
           OtWindow      *window)
{
  g_autofree char *found = NULL;

  fill_in (window);
  wait_past_autosave ();
  /* The check itself works: in an ordinary session the answers are kept
   * in the autosave, and the search finds them there. */
  found = files_containing (QUESTION);
  g_assert_nonnull (strstr (found, "autosave.optiontalk"));
  ot_test_close_answering (window, "_Discard");
}

static void
private_body (OtApplication *app,
              OtWindow      *window)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkWidget *summary;

  g_assert_true (g_settings_get_boolean (settings, "private-session"));
  fill_in (window);
  wait_past_autosave ();

  /* Saved and exported through the file chooser, to a stick. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-as", NULL);
  choose_and_press (FILE_BASE ".optiontalk", "_Save");
  {
    g_autofree char *path = g_build_filename (elsewhere, FILE_BASE ".optiontalk", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);

    g_assert_true (ot_test_wait_for_file (window, file));
  }

  ot_window_show_view (window, "summary");
  ot_test_ui_wait ();
  summary = ot_test_find_widget (GTK_WIDGET (window), ot_test_is_type,
                                 GSIZE_TO_POINTER (g_type_from_name ("OtSummaryView")));
  g_assert_nonnull (summary);
  gtk_widget_activate_action (summary, "summary.export-pdf", NULL);
  choose_and_press (FILE_BASE ".pdf", "_Export");

  /* One more change, not saved: discarded at the end. */
  ot_worksheet_set_notes (ot_window_get_worksheet (window), NOTES " and Sundays");
  wait_past_autosave ();
  ot_test_close_answering (window, "_Discard");
}

static void
assert_nowhere (const char *text)
{
  g_autofree char *found = files_containing (text);

  if (*found != '\0')
    {
      g_autoptr(GString) all = g_string_new (NULL);

      list_files (home, all);
      g_error ("“%s” was left on disk after a private session, in:\n%s\nAll files:\n%s",
               text, found, all->str);
    }
}

static void
test_private_session (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GFile) autosave = ot_worksheet_io_get_autosave_file ();
  g_autofree char *recent = g_build_filename (g_get_user_data_dir (), "recently-used.xbel", NULL);
  g_autofree char *saved = g_build_filename (elsewhere, FILE_BASE ".optiontalk", NULL);
  g_autofree char *exported = g_build_filename (elsewhere, FILE_BASE ".pdf", NULL);

  g_settings_set_boolean (settings, "private-session", FALSE);
  ot_test_run_app (kept_body);

  /* The clinic's setting, as the menu's toggle sets it. */
  g_settings_set_boolean (settings, "private-session", TRUE);
  ot_test_run_app (private_body);

  /* The person's files are where they were saved, outside the home. */
  g_assert_true (g_file_test (saved, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (exported, G_FILE_TEST_IS_REGULAR));

  /* And nothing of the answers is in the home folder or any XDG folder. */
  g_assert_false (g_file_query_exists (autosave, NULL));
  assert_nowhere (PATIENT);
  assert_nowhere (QUESTION);
  assert_nowhere (NOTES);
  assert_nowhere (FILE_BASE);
  assert_nowhere (elsewhere);
  if (g_file_test (recent, G_FILE_TEST_EXISTS))
    {
      g_autofree char *contents = NULL;

      g_assert_true (g_file_get_contents (recent, &contents, NULL, NULL));
      g_test_message ("%s", contents);
      g_assert_null (strstr (contents, ".optiontalk"));
      g_assert_null (strstr (contents, ".pdf"));
      g_assert_null (strstr (contents, "Quistgaard"));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  const char *xdg[] = { "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME" };
  int status;

  /* A home of its own, with every XDG folder in it, before GLib reads
   * them; settings in a key file there, as dconf would keep them. */
  home = g_dir_make_tmp ("ot-privacy-home-XXXXXX", &error);
  g_assert_no_error (error);
  elsewhere = g_dir_make_tmp ("ot-privacy-stick-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("HOME", home, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (xdg); i++)
    {
      g_autofree char *lower = g_ascii_strdown (xdg[i] + 4, -1);
      g_autofree char *path = g_build_filename (home, lower, NULL);

      g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
      g_setenv (xdg[i], path, TRUE);
    }
  g_setenv ("GSETTINGS_BACKEND", "keyfile", TRUE);
  /* The file chooser starts in the current folder: never the source tree. */
  g_assert_cmpint (g_chdir (elsewhere), ==, 0);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/privacy/pdf-metadata", test_pdf_metadata);
  if (gtk_init_check ())
    g_test_add_func ("/privacy/private-session", test_private_session);
  else
    g_print ("# no display: the private session is tested through build-aux/run-tests\n");

  status = g_test_run ();
  ot_test_remove_tree (home);
  ot_test_remove_tree (elsewhere);
  g_free (home);
  g_free (elsewhere);
  return status;
}
