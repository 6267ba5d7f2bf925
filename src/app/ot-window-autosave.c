/* ot-window-autosave.c: the answers kept on this computer between sessions
 *
 * Each window keeps its answers in an autosave slot of its own, claimed
 * when first needed.  A write to it runs in a thread; one asked for while
 * another runs waits its turn, and only the newest waiting one is kept.
 * The application stays up until the last one is on disk.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ot-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ot-window-private.h"

/* The answers are kept on disk 3 s after the last change, and at most
 * 10 s after the first one not yet kept, however steadily someone types. */
#define AUTOSAVE_QUIET_MS 3000
#define AUTOSAVE_LONGEST_MS 10000

static gboolean
is_private (OtWindow *self)
{
  return g_settings_get_boolean (self->settings, "private-session");
}

typedef struct _Keep
{
  GApplication *app;
  GFile        *file;
  OtWorksheet  *answers;   /* NULL: delete the autosave file */
  OtAutosave    info;
  gboolean      private;   /* deleting because the session turned private */
} Keep;

static void
keep_free (Keep *keep)
{
  if (keep->app != NULL)
    g_application_release (keep->app);
  g_clear_object (&keep->app);
  g_clear_object (&keep->file);
  g_clear_object (&keep->answers);
  ot_autosave_clear (&keep->info);
  g_free (keep);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Keep, keep_free)

static void
keep_thread (GTask        *task,
             gpointer      source,
             gpointer      data,
             GCancellable *cancellable)
{
  Keep *keep = data;
  GError *error = NULL;
  gboolean done;

  if (keep->answers != NULL)
    done = ot_worksheet_io_autosave_to (keep->answers, keep->file, &keep->info, &error);
  else
    done = ot_worksheet_io_delete_autosave_file (keep->file, &error);

  if (done)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void start_keep (OtWindow *self,
                        Keep     *keep);

static void
keep_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(OtWindow) self = user_data;
  Keep *keep = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  self->keeping = FALSE;
  if (self->next_keep != NULL)
    start_keep (self, g_steal_pointer (&self->next_keep));

  if (g_task_propagate_boolean (G_TASK (result), &error))
    {
      self->autosave_failed = FALSE;
      return;
    }
  if (ot_window_is_gone (self))
    {
      g_warning ("%s", error->message);
      return;
    }
  if (keep->private)
    {
      g_autofree char *message = g_strdup_printf (_("The kept answers could not be deleted: %s"),
                                                  error->message);

      ot_window_toast (self, message);
    }
  /* Said once, not every few seconds. */
  else if (!self->autosave_failed)
    {
      g_autofree char *message = g_strdup_printf (_("Your answers could not be kept on this computer: %s"),
                                                  error->message);

      ot_window_toast (self, message);
      self->autosave_failed = TRUE;
    }
}

static void
start_keep (OtWindow *self,
            Keep     *keep)
{
  g_autoptr(GTask) task = NULL;

  if (self->keeping)
    {
      g_clear_pointer (&self->next_keep, keep_free);
      self->next_keep = keep;
      return;
    }

  self->keeping = TRUE;
  /* The window rides as the callback's data, let go on the main thread:
   * GLib may drop a task's last reference in its thread. */
  task = g_task_new (NULL, NULL, keep_done_cb, g_object_ref (self));
  g_task_set_source_tag (task, start_keep);
  g_task_set_task_data (task, keep, (GDestroyNotify) keep_free);
  g_task_run_in_thread (task, keep_thread);
}

/* Keeps the answers as they are now in this window's slot, or removes
 * them from it when there is nothing to keep or they must not be kept. */
void
ot_window_keep_answers (OtWindow *self)
{
  g_autoptr(Keep) keep = g_new0 (Keep, 1);
  gboolean remove = is_private (self) || self->discarded
                    || (self->file == NULL && ot_worksheet_is_empty (self->worksheet));

  g_clear_handle_id (&self->autosave_id, g_source_remove);
  self->unkept_since = 0;

  if (self->slot == NULL && !remove)
    self->slot = ot_autosave_slot_claim (FALSE);
  if (self->slot == NULL)
    {
      if (!remove && !self->autosave_failed)
        ot_window_toast (self, _("Your answers could not be kept on this computer: too many windows are open"));
      self->autosave_failed = !remove;
      return;
    }

  keep->app = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  if (keep->app != NULL)
    {
      g_object_ref (keep->app);
      g_application_hold (keep->app);
    }
  keep->file = g_object_ref (ot_autosave_slot_get_file (self->slot));
  keep->private = is_private (self);
  if (!remove)
    {
      keep->answers = ot_window_copy_answers (self);
      keep->info.document = self->file ? g_file_get_uri (self->file) : NULL;
      keep->info.modified = self->modified;
    }
  start_keep (self, g_steal_pointer (&keep));
}

static gboolean
autosave_timeout_cb (gpointer data)
{
  OtWindow *self = data;

  self->autosave_id = 0;
  ot_window_keep_answers (self);
  return G_SOURCE_REMOVE;
}

void
ot_window_schedule_autosave (OtWindow *self)
{
  gint64 now = g_get_monotonic_time () / 1000;
  gint64 due;

  if (is_private (self))
    return;
  if (self->unkept_since == 0)
    self->unkept_since = now;
  due = MIN (now + AUTOSAVE_QUIET_MS, self->unkept_since + AUTOSAVE_LONGEST_MS);
  g_clear_handle_id (&self->autosave_id, g_source_remove);
  self->autosave_id = g_timeout_add (MAX (due - now, 0), autosave_timeout_cb, self);
}

static void
report_unreadable_autosave (OtWindow     *self,
                            const GError *error,
                            GFile        *broken)
{
  g_autofree char *message = NULL;

  if (broken != NULL)
    {
      g_autofree char *name = g_file_get_basename (broken);

      message = g_strdup_printf (_("Your answers from last time could not be read. "
                                   "The file was kept as “%s”."), name);
    }
  else
    message = g_strdup_printf (_("Your answers from last time could not be read: %s"), error->message);
  g_debug ("%s", error->message);
  ot_window_toast (self, message);
}

/* Claims the answers of one window of the last session that no running
 * window holds (the application opens a window for each) and reads them;
 * in a private session removes them all instead. */
OtWorksheet *
ot_window_restore_autosave (OtWindow   *self,
                            OtAutosave *info)
{
  g_autoptr(OtWorksheet) restored = NULL;
  g_autoptr(GFile) broken = NULL;
  g_autoptr(GError) error = NULL;

  if (is_private (self))
    {
      OtAutosaveSlot *kept;

      /* Nothing from before a private session stays on disk. */
      while ((kept = ot_autosave_slot_claim (TRUE)) != NULL)
        {
          ot_worksheet_io_delete_autosave_file (ot_autosave_slot_get_file (kept), NULL);
          ot_autosave_slot_release (kept);
        }
      return NULL;
    }

  self->slot = ot_autosave_slot_claim (TRUE);
  if (self->slot == NULL)
    return NULL;

  restored = ot_worksheet_io_restore_from (ot_autosave_slot_get_file (self->slot), info, &broken, &error);
  if (restored == NULL && error != NULL)
    report_unreadable_autosave (self, error, broken);
  return g_steal_pointer (&restored);
}

static void
private_session_changed_cb (OtWindow *self)
{
  ot_window_keep_answers (self);
  if (is_private (self))
    ot_window_toast (self, _("Private session: your answers will not be kept after Option Talk closes"));
  else
    ot_window_toast (self, _("Your answers will be kept on this computer until next time"));
}

void
ot_window_autosave_init (OtWindow *self)
{
  g_signal_connect_object (self->settings, "changed::private-session",
                           G_CALLBACK (private_session_changed_cb), self, G_CONNECT_SWAPPED);
}

/* A write to the slot may still run while the window is disposed: the
 * slot is let go of once nothing holds the window any more. */
void
ot_window_autosave_finalize (OtWindow *self)
{
  g_clear_pointer (&self->next_keep, keep_free);
  g_clear_pointer (&self->slot, ot_autosave_slot_release);
}
