/* ot-window-file.c: new, open, save and the title that shows them
 *
 * Reading and writing files happens in a thread (GTask), so a slow disk
 * never freezes the window; each step that waits for the person or the
 * disk hands a GTask on to the next, so a save reads from top to bottom:
 * save_async () -> [the file chooser] -> write_file () -> write_done_cb ()
 * -> [the "changed on disk" question] -> the caller's callback.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ot-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ot-compat.h"
#include "ot-window-private.h"
#include "ot-worksheet-io.h"

/* What the person chose when asked about unsaved answers. */
typedef enum
{
  PROCEED_SAVED,
  PROCEED_DISCARDED,
} Proceed;

static char *
dup_display_name (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *base = NULL;

  if (path != NULL)
    return g_filename_display_basename (path);
  base = g_file_get_basename (file);
  return g_strdup (base);
}

static void
update_title (OtWindow *self)
{
  g_autofree char *name = self->file ? dup_display_name (self->file) : g_strdup (_("New Worksheet"));
  g_autofree char *shown = NULL;
  g_autofree char *title = NULL;

  /* Translators: a worksheet's name marked as having unsaved changes */
  shown = self->modified ? g_strdup_printf (_("• %s"), name) : g_strdup (name);

  if (self->file == NULL && !self->modified)
    title = g_strdup (_("Option Talk"));
  else
    /* Translators: the window title: the worksheet's name, then the program's */
    title = g_strdup_printf (_("%s — Option Talk"), shown);
  gtk_window_set_title (GTK_WINDOW (self), title);

  /* Beside the view switcher on a wide window; on a narrow one the
   * switcher gives way to its title, which says the same. */
  gtk_label_set_text (self->file_label, shown);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->file_label), self->modified ? _("Unsaved changes") : NULL);
  adw_window_title_set_subtitle (self->window_title,
                                 self->file != NULL || self->modified ? shown : "");
  gtk_widget_set_visible (GTK_WIDGET (self->file_label),
                          (self->file != NULL || self->modified)
                          && !ot_window_is_narrow (self));
}

static gboolean
update_title_idle_cb (gpointer data)
{
  OtWindow *self = data;

  self->title_idle_id = 0;
  update_title (self);
  return G_SOURCE_REMOVE;
}

/* The switcher says whether it shows its title while it is being laid
 * out; showing or hiding a header widget then would leave it unallocated
 * for a frame, so the title waits for the layout to finish. */
static void
title_visible_cb (OtWindow *self)
{
  if (self->title_idle_id == 0)
    self->title_idle_id = g_idle_add (update_title_idle_cb, self);
}

/* @etag: the file's when it was read or written, see query_etag(). */
static void
set_file (OtWindow   *self,
          GFile      *file,
          const char *etag,
          gboolean    modified)
{
  char *old_etag = self->etag;

  g_set_object (&self->file, file);
  self->etag = g_strdup (etag);
  g_free (old_etag);
  self->modified = modified;
  update_title (self);
}

/* What tells whether someone else wrote the file since we read or wrote
 * it: GLib's etag (for a local file its modification time, to the
 * microsecond where the disk keeps it) and, for disks that keep only
 * seconds (a USB stick), its size. */
static char *
query_etag (GFile *file)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE ","
                                                 G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);

  if (info == NULL || g_file_info_get_etag (info) == NULL)
    return NULL;
  return g_strdup_printf ("%s/%" G_GOFFSET_FORMAT, g_file_info_get_etag (info), g_file_info_get_size (info));
}

static gboolean
close_idle_cb (gpointer data)
{
  gtk_window_close (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

/* For a dialog's response or a thread's end: closing the window there
 * would destroy the dialog inside its own signal. */
static void
close_later (OtWindow *self)
{
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_idle_cb, g_object_ref (self), g_object_unref);
}

static void ask_and_open (OtWindow *self,
                          GFile    *file);

/* While a file is read or written, the actions that would start another
 * wait, and so do a file to open and closing the window: two saves of one
 * file would each think the other changed it. */
static void
set_busy (OtWindow *self,
          gboolean  busy)
{
  static const char *actions[] = { "win.new", "win.open", "win.save", "win.save-as" };

  self->busy += busy ? 1 : -1;
  for (guint i = 0; !ot_window_is_gone (self) && i < G_N_ELEMENTS (actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), actions[i], self->busy == 0);
  if (self->busy > 0 || ot_window_is_gone (self))
    return;
  if (self->close_waiting)
    {
      self->close_waiting = FALSE;
      close_later (self);
    }
  else if (self->open_waiting != NULL)
    {
      g_autoptr(GFile) file = g_steal_pointer (&self->open_waiting);

      ask_and_open (self, file);
    }
}

/* A copy for a thread: the window's worksheet is the views' and stays on
 * the main thread. */
OtWorksheet *
ot_window_copy_answers (OtWindow *self)
{
  OtWorksheet *copy = ot_worksheet_new ();

  ot_worksheet_copy_from (copy, self->worksheet);
  return copy;
}

static void
worksheet_changed_cb (OtWindow *self)
{
  /* Neither a file's answers coming in nor what the application suggests
   * from them (Side Effects ticking what Options showed) is the person's
   * change: only looking asks nobody to save. */
  if (self->replacing || ot_worksheet_is_suggesting (self->worksheet))
    return;
  self->generation++;
  if (!self->modified)
    {
      self->modified = TRUE;
      update_title (self);
    }
  ot_window_schedule_autosave (self);
}

/* Replaces the answers without counting it as the person's change. */
static void
replace_worksheet (OtWindow    *self,
                   OtWorksheet *other)
{
  self->replacing = TRUE;
  if (other != NULL)
    ot_worksheet_copy_from (self->worksheet, other);
  else
    ot_worksheet_clear (self->worksheet);
  self->replacing = FALSE;
}

/* The answers of a window of the last session, with their file. */
static void
restore_autosave (OtWindow *self)
{
  g_autoptr(OtWorksheet) restored = NULL;
  g_autoptr(GFile) document = NULL;
  g_autofree char *etag = NULL;
  OtAutosave info = { NULL, FALSE };

  restored = ot_window_restore_autosave (self, &info);
  if (restored == NULL)
    return;

  replace_worksheet (self, restored);
  if (info.document != NULL)
    {
      document = g_file_new_for_uri (info.document);
      etag = query_etag (document);
    }
  set_file (self, document, etag, info.modified);
  ot_autosave_clear (&info);
}

/* Dialogs */

static void
show_error (OtWindow   *self,
            const char *heading,
            const char *problem,
            const char *reassurance)
{
  g_autofree char *body = g_strdup_printf ("%s\n\n%s", problem, reassurance);
  GtkWidget *dialog = ot_alert_new (heading, body);

  ot_alert_add_response (dialog, "close", _("_Close"), ADW_RESPONSE_DEFAULT);
  ot_alert_present (dialog, GTK_WIDGET (self));
}

static void
return_cancelled (GTask *task)
{
  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Cancelled");
}

/* A question's task, until the person answers or the dialog goes. */
typedef struct
{
  GTask *task;
} Question;

static void
question_free (gpointer  data,
               GClosure *closure)
{
  Question *question = data;

  /* Gone unanswered, with its window: as if cancelled. */
  if (question->task != NULL)
    {
      return_cancelled (question->task);
      g_object_unref (question->task);
    }
  g_free (question);
}

/* A question whose answer goes to @response_cb, which takes @task from
 * it with take_answer(). */
static GtkWidget *
question_new (OtWindow   *self,
              const char *heading,
              const char *body,
              GCallback   response_cb,
              GTask      *task)
{
  GtkWidget *dialog = ot_alert_new (heading, body);
  Question *question = g_new0 (Question, 1);

  question->task = g_object_ref (task);
  ot_alert_set_close_response (dialog, "cancel");
  g_signal_connect_data (dialog, "response", response_cb, question, question_free, 0);
  return dialog;
}

/* A question is answered once: the dialog, which may stay open a moment
 * longer, lets go of the task (and so of the window), and the caller
 * holds it. */
static GTask *
take_answer (GtkWidget *dialog,
             Question  *question)
{
  GTask *task = g_steal_pointer (&question->task);

  g_signal_handlers_disconnect_by_data (dialog, question);
  return task;
}

/* File choosers */

static GtkFileFilter *
worksheet_filter_new (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Option Talk worksheets"));
  gtk_file_filter_add_pattern (filter, "*.optiontalk");
  gtk_file_filter_add_mime_type (filter, "application/x-optiontalk+xml");
  return filter;
}

static void
open_response_cb (GtkNativeDialog *chooser,
                  int              response,
                  OtWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      ot_window_open_file (self, file);
    }
  g_object_unref (chooser);
}

static void
show_open_chooser (OtWindow *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = worksheet_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Open Worksheet"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* A name typed without the extension gets it, unless that would silently
 * replace another file the chooser did not ask about. */
static GFile *
with_extension (GFile *file)
{
  g_autofree char *base = g_file_get_basename (file);
  g_autofree char *named = NULL;
  g_autoptr(GFile) parent = NULL;
  g_autoptr(GFile) other = NULL;

  if (base == NULL || g_str_has_suffix (base, ".optiontalk"))
    return g_object_ref (file);

  named = g_strconcat (base, ".optiontalk", NULL);
  parent = g_file_get_parent (file);
  other = parent ? g_file_get_child (parent, named) : NULL;
  if (other == NULL || g_file_query_exists (other, NULL))
    return g_object_ref (file);
  return g_steal_pointer (&other);
}

/* Saving
 *
 * save_async () asks for a file if there is none (or for Save As), then
 * write_file () writes a copy of the answers in a thread.  A file changed
 * on disk since it was opened or saved here (another window, another
 * program) is not written over without asking. */

typedef struct
{
  OtWorksheet *answers;
  GFile       *file;
  char        *expected_etag;  /* NULL: write whatever is there now */
  char        *etag;           /* the file's after writing */
  guint64      generation;     /* the changes the copy holds */
} Write;

static void
write_free (Write *write)
{
  g_clear_object (&write->answers);
  g_clear_object (&write->file);
  g_free (write->expected_etag);
  g_free (write->etag);
  g_free (write);
}

static void
write_thread (GTask        *task,
              gpointer      source,
              gpointer      data,
              GCancellable *cancellable)
{
  Write *write = data;
  GError *error = NULL;

  if (write->expected_etag != NULL)
    {
      g_autofree char *etag = query_etag (write->file);

      if (etag != NULL && !g_str_equal (etag, write->expected_etag))
        {
          g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG,
                                   "The file was changed on disk");
          return;
        }
    }

  if (!ot_worksheet_io_save (write->answers, write->file, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  write->etag = query_etag (write->file);
  g_task_return_boolean (task, TRUE);
}

static void write_file (OtWindow *self,
                        GTask    *task,
                        GFile    *file,
                        gboolean  overwrite);
static void choose_file (OtWindow *self,
                         GTask    *task);

static void
changed_on_disk_response_cb (GtkWidget  *dialog,
                             const char *response,
                             Question   *question)
{
  g_autoptr(GTask) task = take_answer (dialog, question);
  OtWindow *self = g_task_get_source_object (task);

  if (g_str_equal (response, "replace"))
    write_file (self, task, self->file, TRUE);
  else if (g_str_equal (response, "save-as"))
    choose_file (self, task);
  else
    return_cancelled (task);
}

static void
ask_changed_on_disk (OtWindow *self,
                     GTask    *task,
                     GFile    *file)
{
  g_autofree char *name = dup_display_name (file);
  g_autofree char *body = g_strdup_printf (_("“%s” was changed by another window or program after you opened "
                                             "or saved it here. Saving now would replace those changes "
                                             "with the answers on this screen."), name);
  GtkWidget *dialog = question_new (self, _("The File Has Changed"), body,
                                    G_CALLBACK (changed_on_disk_response_cb), task);

  ot_alert_add_response (dialog, "cancel", _("_Cancel"), ADW_RESPONSE_DEFAULT);
  ot_alert_add_response (dialog, "save-as", _("Save _As…"), ADW_RESPONSE_SUGGESTED);
  ot_alert_add_response (dialog, "replace", _("_Replace"), ADW_RESPONSE_DESTRUCTIVE);
  ot_alert_set_default_response (dialog, "save-as");
  ot_alert_present (dialog, GTK_WIDGET (self));
}

static void
write_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  OtWindow *self = g_task_get_source_object (task);
  Write *write = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  gboolean changed_on_disk;

  /* What was to follow the save (closing, opening) has no window left. */
  if (ot_window_is_gone (self))
    {
      set_busy (self, FALSE);
      return_cancelled (task);
      return;
    }

  if (g_task_propagate_boolean (G_TASK (result), &error))
    {
      /* Changes made while it was being written are still unsaved. */
      set_file (self, write->file, write->etag, self->generation != write->generation);
      /* The autosave now records the document too. */
      ot_window_keep_answers (self);
      set_busy (self, FALSE);
      g_task_return_boolean (task, TRUE);
      return;
    }

  changed_on_disk = g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);
  set_busy (self, FALSE);
  if (changed_on_disk)
    {
      ask_changed_on_disk (self, task, write->file);
      return;
    }
  show_error (self, _("Could Not Save the Worksheet"), error->message,
              _("Your answers are still here, and no file was changed. "
                "Try another folder or name with “Save As”."));
  g_task_return_error (task, g_steal_pointer (&error));
}

/* @overwrite: write even if the file changed on disk since it was opened
 * or saved here. */
static void
write_file (OtWindow *self,
            GTask    *task,
            GFile    *file,
            gboolean  overwrite)
{
  /* The thread's task has no source object: GLib may drop its last
   * reference in the thread, and the window must go on the main thread.
   * @task, which holds the window, is let go in write_done_cb. */
  g_autoptr(GTask) thread = g_task_new (NULL, NULL, write_done_cb, g_object_ref (task));
  Write *write = g_new0 (Write, 1);
  GDate today;

  write->answers = ot_window_copy_answers (self);
  /* The file says when it was saved: opened at the visit, it says when
   * it was prepared. */
  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));
  ot_worksheet_set_saved_on (write->answers, &today);
  write->file = g_object_ref (file);
  write->generation = self->generation;
  if (!overwrite && self->file != NULL && g_file_equal (file, self->file))
    write->expected_etag = g_strdup (self->etag);

  set_busy (self, TRUE);
  g_task_set_source_tag (thread, write_file);
  g_task_set_task_data (thread, write, (GDestroyNotify) write_free);
  g_task_run_in_thread (thread, write_thread);
}

static void
save_response_cb (GtkNativeDialog *chooser,
                  int              response,
                  GTask           *task)
{
  OtWindow *self = g_task_get_source_object (task);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GFile) file = with_extension (chosen);

      write_file (self, task, file, FALSE);
    }
  else
    return_cancelled (task);
  g_object_unref (task);
  g_object_unref (chooser);
}

static void
choose_file (OtWindow *self,
             GTask    *task)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = worksheet_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Save Worksheet"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (self->file != NULL)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), self->file, NULL);
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");
      /* Translators: the suggested file name; %s is today's date */
      g_autofree char *name = g_strdup_printf (_("Visit %s.optiontalk"), day);

      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
    }
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (save_response_cb), g_object_ref (task));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Saves to @file, or to the current file, or to one the person chooses
 * (always with @choose); the task fails if the save failed (and said why)
 * or the person cancelled. */
static void
save_async (OtWindow            *self,
            GFile               *file,
            gboolean             choose,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, callback, user_data);

  g_task_set_source_tag (task, save_async);
  if (file == NULL)
    file = self->file;
  if (file == NULL || choose)
    choose_file (self, task);
  else
    write_file (self, task, file, FALSE);
}

/* Asking about unsaved answers: the task's value is a Proceed, or it
 * fails when the person cancelled or saving failed. */

static void
unsaved_saved_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (g_task_propagate_boolean (G_TASK (result), &error))
    g_task_return_int (task, PROCEED_SAVED);
  else
    g_task_return_error (task, error);
}

static void
unsaved_response_cb (GtkWidget  *dialog,
                     const char *response,
                     Question   *question)
{
  g_autoptr(GTask) task = take_answer (dialog, question);
  OtWindow *self = g_task_get_source_object (task);

  if (g_str_equal (response, "discard"))
    g_task_return_int (task, PROCEED_DISCARDED);
  else if (g_str_equal (response, "save"))
    save_async (self, NULL, FALSE, unsaved_saved_cb, g_object_ref (task));
  else
    return_cancelled (task);
}

static void
confirm_unsaved_async (OtWindow            *self,
                       const char          *heading,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, callback, user_data);
  g_autofree char *name = self->file ? dup_display_name (self->file) : NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  g_task_set_source_tag (task, confirm_unsaved_async);
  if (name != NULL)
    body = g_strdup_printf (_("The changes to “%s” have not been saved. "
                              "If you do not save them, they will be lost."), name);
  else
    body = g_strdup (_("These answers have not been saved to a file. "
                       "If you do not save them, they will be lost."));
  dialog = question_new (self, heading, body, G_CALLBACK (unsaved_response_cb), task);
  ot_alert_add_response (dialog, "cancel", _("_Cancel"), ADW_RESPONSE_DEFAULT);
  ot_alert_add_response (dialog, "discard", _("_Discard"), ADW_RESPONSE_DESTRUCTIVE);
  ot_alert_add_response (dialog, "save", _("_Save"), ADW_RESPONSE_SUGGESTED);
  ot_alert_set_default_response (dialog, "save");
  ot_alert_present (dialog, GTK_WIDGET (self));
}

static gboolean
confirm_unsaved_finish (GAsyncResult *result,
                        Proceed      *proceed)
{
  g_autoptr(GError) error = NULL;
  gssize value = g_task_propagate_int (G_TASK (result), &error);

  *proceed = value;
  return error == NULL;
}

/* Opening */

typedef struct
{
  GFile       *file;
  OtWorksheet *opened;
  char        *etag;
} Read;

static void
read_free (Read *read)
{
  g_clear_object (&read->file);
  g_clear_object (&read->opened);
  g_free (read->etag);
  g_free (read);
}

static void
read_thread (GTask        *task,
             gpointer      source,
             gpointer      data,
             GCancellable *cancellable)
{
  Read *read = data;
  GError *error = NULL;

  /* Before reading: a change after it then shows as a change. */
  read->etag = query_etag (read->file);
  read->opened = ot_worksheet_io_open (read->file, &error);
  if (read->opened != NULL)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
read_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(OtWindow) self = user_data;
  Read *read = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (ot_window_is_gone (self))
    return;

  if (g_task_propagate_boolean (G_TASK (result), &error))
    {
      const GDate *saved_on = ot_worksheet_get_saved_on (read->opened);

      replace_worksheet (self, read->opened);
      self->discarded = FALSE;
      set_file (self, read->file, read->etag, FALSE);
      ot_window_keep_answers (self);
      /* Prepared before the visit: the visit starts at Options. */
      ot_window_show_prepared (self, saved_on);
      if (g_date_valid (saved_on))
        gtk_widget_activate_action (GTK_WIDGET (self), "win.show-view", "s", "options");
    }
  else
    show_error (self, _("Could Not Open the Worksheet"), error->message,
                _("The answers on screen have not been changed."));
  /* Last: a file or closing may have waited for this one. */
  set_busy (self, FALSE);
}

static void
open_confirmed_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  OtWindow *self = OT_WINDOW (object);
  g_autoptr(GFile) file = user_data;
  Proceed proceed;

  if (!confirm_unsaved_finish (result, &proceed))
    return;
  if (file != NULL)
    ot_window_open_file (self, file);
  else
    show_open_chooser (self);
}

/* Opens @file, or asks for one when it is %NULL; unsaved answers are
 * asked about first. */
static void
ask_and_open (OtWindow *self,
              GFile    *file)
{
  if (self->modified)
    confirm_unsaved_async (self, _("Save Changes Before Opening?"), open_confirmed_cb,
                           file ? g_object_ref (file) : NULL);
  else if (file != NULL)
    ot_window_open_file (self, file);
  else
    show_open_chooser (self);
}

/* Actions */

static void
start_new (OtWindow *self)
{
  replace_worksheet (self, NULL);
  self->discarded = FALSE;
  ot_window_show_prepared (self, NULL);
  set_file (self, NULL, NULL, FALSE);
  ot_window_keep_answers (self);
}

static void
new_response_cb (GtkWidget  *dialog,
                 const char *response,
                 OtWindow   *self)
{
  if (g_str_equal (response, "new"))
    start_new (self);
}

static void
new_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  OtWindow *self = OT_WINDOW (widget);
  GtkWidget *dialog;

  if (ot_worksheet_is_empty (self->worksheet))
    {
      start_new (self);
      return;
    }

  dialog = ot_alert_new (_("Start a New Worksheet?"),
                         self->modified
                         ? _("Every answer will be cleared. They have not been saved to a file, "
                             "so they will be lost.")
                         : _("Every answer will be cleared from the screen. The saved file is not changed."));
  ot_alert_add_response (dialog, "cancel", _("_Cancel"), ADW_RESPONSE_DEFAULT);
  ot_alert_add_response (dialog, "new", _("_Clear Answers"), ADW_RESPONSE_DESTRUCTIVE);
  ot_alert_set_default_response (dialog, "cancel");
  ot_alert_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (new_response_cb), self, 0);
  ot_alert_present (dialog, GTK_WIDGET (self));
}

static void
open_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ask_and_open (OT_WINDOW (widget), NULL);
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  save_async (OT_WINDOW (widget), NULL, FALSE, NULL, NULL);
}

static void
save_as_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  save_async (OT_WINDOW (widget), NULL, TRUE, NULL, NULL);
}

static void
close_confirmed_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  OtWindow *self = OT_WINDOW (object);
  Proceed proceed;

  if (!confirm_unsaved_finish (result, &proceed))
    return;
  /* The person threw these answers away: do not bring them back. */
  self->discarded = proceed == PROCEED_DISCARDED;
  self->close_confirmed = TRUE;
  close_later (self);
}

/* Called by the window's close-request; TRUE keeps the window open. */
gboolean
ot_window_file_close_request (OtWindow *self)
{
  /* A file being read or written first: the answers may be saved then. */
  if (self->busy > 0)
    {
      self->close_waiting = TRUE;
      return TRUE;
    }
  if (self->modified && !self->close_confirmed)
    {
      confirm_unsaved_async (self, _("Save Changes Before Closing?"), close_confirmed_cb, NULL);
      return TRUE;
    }

  /* Kept for next time, unless the person discarded them. */
  ot_window_keep_answers (self);
  return FALSE;
}

void
ot_window_file_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.new", NULL, new_activated);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_activated);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_activated);
}

void
ot_window_file_init (OtWindow *self)
{
  g_autoptr(GAction) private_session = g_settings_create_action (self->settings, "private-session");

  g_action_map_add_action (G_ACTION_MAP (self), private_session);
  ot_window_autosave_init (self);
  g_signal_connect_object (self->title_squeezer, "notify::visible-child",
                           G_CALLBACK (title_visible_cb), self, G_CONNECT_SWAPPED);
  self->changed_id = g_signal_connect_swapped (self->worksheet, "changed",
                                               G_CALLBACK (worksheet_changed_cb), self);
}

void
ot_window_file_constructed (OtWindow *self)
{
  restore_autosave (self);
  update_title (self);
}

void
ot_window_file_dispose (OtWindow *self)
{
  /* The window's action group outlives the window (GTK keeps it), and the
   * settings action in it would go on forwarding changes of the setting
   * to the finalized window: take it out while the window is whole (the
   * signal handler is there until the first dispose). */
  if (self->changed_id != 0)
    g_action_map_remove_action (G_ACTION_MAP (self), "private-session");
  g_clear_handle_id (&self->autosave_id, g_source_remove);
  g_clear_handle_id (&self->title_idle_id, g_source_remove);
  if (self->worksheet != NULL)
    g_clear_signal_handler (&self->changed_id, self->worksheet);
  g_clear_object (&self->file);
  g_clear_object (&self->open_waiting);
  g_clear_pointer (&self->etag, g_free);
}

GFile *
ot_window_get_file (OtWindow *self)
{
  g_return_val_if_fail (OT_IS_WINDOW (self), NULL);

  return self->file;
}

gboolean
ot_window_get_modified (OtWindow *self)
{
  g_return_val_if_fail (OT_IS_WINDOW (self), FALSE);

  return self->modified;
}

/**
 * ot_window_get_busy:
 *
 * Returns: whether a worksheet is being read or written
 */
gboolean
ot_window_get_busy (OtWindow *self)
{
  g_return_val_if_fail (OT_IS_WINDOW (self), FALSE);

  return self->busy > 0;
}

/**
 * ot_window_open_file:
 *
 * Reads @file in a thread and shows it; on failure shows why and leaves
 * the current answers as they were.  Does not ask about unsaved answers:
 * the caller has.
 */
void
ot_window_open_file (OtWindow *self,
                     GFile    *file)
{
  g_autoptr(GTask) task = NULL;
  Read *read;

  g_return_if_fail (OT_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  read = g_new0 (Read, 1);
  read->file = g_object_ref (file);
  /* The window rides as the callback's data, let go on the main thread
   * (as in write_file). */
  task = g_task_new (NULL, NULL, read_done_cb, g_object_ref (self));
  g_task_set_source_tag (task, ot_window_open_file);
  g_task_set_task_data (task, read, (GDestroyNotify) read_free);
  set_busy (self, TRUE);
  g_task_run_in_thread (task, read_thread);
}

/**
 * ot_window_ask_and_open:
 *
 * Opens @file as a person asked from outside the window (the file
 * manager, `option-talk FILE`): unsaved answers are asked about first,
 * as closing does, and stay as they are if the person cancels.  While a
 * file is being saved, it waits for the save.
 */
void
ot_window_ask_and_open (OtWindow *self,
                        GFile    *file)
{
  g_return_if_fail (OT_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->busy > 0)
    g_set_object (&self->open_waiting, file);
  else
    ask_and_open (self, file);
}

/**
 * ot_window_save_file:
 *
 * Saves to @file in a thread, which becomes the worksheet's file; on
 * failure shows why, and the answers and any old file stay as they were.
 */
void
ot_window_save_file (OtWindow *self,
                     GFile    *file)
{
  g_return_if_fail (OT_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  save_async (self, file, FALSE, NULL, NULL);
}
