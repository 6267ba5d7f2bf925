/* ot-window-file.c: new, open, save, autosave and the title that shows it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ot-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ot-compat.h"
#include "ot-window-private.h"
#include "ot-worksheet-io.h"

/* Seconds after the last change before the answers are kept on disk. */
#define AUTOSAVE_DELAY 3

typedef void (*ThenFunc) (OtWindow *self);

static gboolean
is_private (OtWindow *self)
{
  return g_settings_get_boolean (self->settings, "private-session");
}

static void
show_toast (OtWindow   *self,
            const char *title)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

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

static void
set_file (OtWindow *self,
          GFile    *file,
          gboolean  modified)
{
  g_set_object (&self->file, file);
  self->modified = modified;
  update_title (self);
}

/* Autosave */

static void
autosave_now (OtWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = self->file ? g_file_get_uri (self->file) : NULL;
  OtAutosave info = { uri, self->modified };

  g_clear_handle_id (&self->autosave_id, g_source_remove);

  if (is_private (self))
    return;

  /* Nothing to keep: no file left behind either. */
  if (self->file == NULL && ot_worksheet_is_empty (self->worksheet))
    {
      ot_worksheet_io_delete_autosave (NULL);
      return;
    }

  if (!ot_worksheet_io_autosave (self->worksheet, &info, &error))
    {
      /* Said once, not every few seconds. */
      if (!self->autosave_failed)
        {
          g_autofree char *message = g_strdup_printf (_("Your answers could not be kept on this computer: %s"),
                                                      error->message);

          show_toast (self, message);
        }
      self->autosave_failed = TRUE;
      return;
    }
  self->autosave_failed = FALSE;
}

static gboolean
autosave_timeout_cb (gpointer data)
{
  OtWindow *self = data;

  self->autosave_id = 0;
  autosave_now (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_autosave (OtWindow *self)
{
  if (is_private (self))
    return;
  g_clear_handle_id (&self->autosave_id, g_source_remove);
  self->autosave_id = g_timeout_add_seconds (AUTOSAVE_DELAY, autosave_timeout_cb, self);
}

static void
worksheet_changed_cb (OtWindow *self)
{
  if (self->replacing)
    return;
  if (!self->modified)
    {
      self->modified = TRUE;
      update_title (self);
    }
  schedule_autosave (self);
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

static void
restore_autosave (OtWindow *self)
{
  g_autoptr(OtWorksheet) restored = NULL;
  g_autoptr(GFile) broken = NULL;
  g_autoptr(GFile) document = NULL;
  g_autoptr(GError) error = NULL;
  OtAutosave info = { NULL, FALSE };

  if (is_private (self))
    {
      ot_worksheet_io_delete_autosave (NULL);
      return;
    }

  restored = ot_worksheet_io_restore (&info, &broken, &error);
  if (restored == NULL)
    {
      g_autofree char *message = NULL;

      if (error == NULL)
        return;
      if (broken != NULL)
        {
          g_autofree char *name = dup_display_name (broken);

          message = g_strdup_printf (_("Your answers from last time could not be read. "
                                       "The file was kept as “%s”."), name);
        }
      else
        message = g_strdup_printf (_("Your answers from last time could not be read: %s"), error->message);
      g_debug ("%s", error->message);
      show_toast (self, message);
      return;
    }

  replace_worksheet (self, restored);
  if (info.document != NULL)
    document = g_file_new_for_uri (info.document);
  set_file (self, document, info.modified);
  ot_autosave_clear (&info);
}

static void
private_session_changed_cb (OtWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!is_private (self))
    {
      autosave_now (self);
      show_toast (self, _("Your answers will be kept on this computer until next time"));
      return;
    }

  g_clear_handle_id (&self->autosave_id, g_source_remove);
  if (!ot_worksheet_io_delete_autosave (&error))
    {
      g_autofree char *message = g_strdup_printf (_("The kept answers could not be deleted: %s"), error->message);

      show_toast (self, message);
      return;
    }
  show_toast (self, _("Private session: your answers will not be kept after Option Talk closes"));
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

static void save_as (OtWindow *self);

static gboolean
save_to (OtWindow *self,
         GFile    *file)
{
  g_autoptr(GError) error = NULL;

  if (!ot_worksheet_io_save (self->worksheet, file, &error))
    {
      show_error (self, _("Could Not Save the Worksheet"), error->message,
                  _("Your answers are still here, and no file was changed. "
                    "Try another folder or name with “Save As”."));
      return FALSE;
    }

  set_file (self, file, FALSE);
  /* The autosave now records the document too. */
  autosave_now (self);
  return TRUE;
}

static void
run_after_save (OtWindow *self)
{
  ThenFunc then = self->after_save;

  self->after_save = NULL;
  if (then != NULL)
    then (self);
}

/* Saves to the current file, or asks for one; @then runs after a
 * successful save, never after a failed or cancelled one. */
static void
save_then (OtWindow *self,
           ThenFunc  then)
{
  self->after_save = then;
  if (self->file == NULL)
    {
      save_as (self);
      return;
    }
  if (save_to (self, self->file))
    run_after_save (self);
  else
    self->after_save = NULL;
}

static ThenFunc
get_then (GtkWidget *dialog)
{
  return (ThenFunc) g_object_get_data (G_OBJECT (dialog), "ot-then");
}

static void
unsaved_response_cb (GtkWidget  *dialog,
                     const char *response,
                     OtWindow   *self)
{
  if (g_str_equal (response, "discard"))
    get_then (dialog) (self);
  else if (g_str_equal (response, "save"))
    save_then (self, get_then (dialog));
}

/* Asks what to do with unsaved answers; @response_cb gets the answer and
 * @then is what was about to happen. */
static void
confirm_unsaved (OtWindow   *self,
                 const char *heading,
                 GCallback   response_cb,
                 ThenFunc    then)
{
  g_autofree char *name = self->file ? dup_display_name (self->file) : NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (name != NULL)
    body = g_strdup_printf (_("The changes to “%s” have not been saved. "
                              "If you do not save them, they will be lost."), name);
  else
    body = g_strdup (_("These answers have not been saved to a file. "
                       "If you do not save them, they will be lost."));
  dialog = ot_alert_new (heading, body);
  ot_alert_add_response (dialog, "cancel", _("_Cancel"), ADW_RESPONSE_DEFAULT);
  ot_alert_add_response (dialog, "discard", _("_Discard"), ADW_RESPONSE_DESTRUCTIVE);
  ot_alert_add_response (dialog, "save", _("_Save"), ADW_RESPONSE_SUGGESTED);
  ot_alert_set_default_response (dialog, "save");
  ot_alert_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "ot-then", (gpointer) then);
  g_signal_connect_object (dialog, "response", response_cb, self, 0);
  ot_alert_present (dialog, GTK_WIDGET (self));
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

static void
save_response_cb (GtkNativeDialog *chooser,
                  int              response,
                  OtWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GFile) file = with_extension (chosen);

      if (save_to (self, file))
        run_after_save (self);
    }
  self->after_save = NULL;
  g_object_unref (chooser);
}

static void
save_as (OtWindow *self)
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
  g_signal_connect (chooser, "response", G_CALLBACK (save_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Actions */

static void
start_new (OtWindow *self)
{
  replace_worksheet (self, NULL);
  set_file (self, NULL, FALSE);
  autosave_now (self);
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
  OtWindow *self = OT_WINDOW (widget);

  if (self->modified)
    confirm_unsaved (self, _("Save Changes Before Opening?"), G_CALLBACK (unsaved_response_cb),
                     show_open_chooser);
  else
    show_open_chooser (self);
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  save_then (OT_WINDOW (widget), NULL);
}

static void
save_as_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  OtWindow *self = OT_WINDOW (widget);

  self->after_save = NULL;
  save_as (self);
}

static gboolean
close_idle_cb (gpointer data)
{
  OtWindow *self = data;

  self->close_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
  return G_SOURCE_REMOVE;
}

/* Runs from a dialog's response: closing the window there would destroy
 * the dialog, its child, inside its own signal. */
static void
close_now (OtWindow *self)
{
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_idle_cb, g_object_ref (self), g_object_unref);
}

static void
discard_and_close (OtWindow *self)
{
  /* The person threw these answers away: do not bring them back. */
  self->discarded = TRUE;
  close_now (self);
}

static void
close_unsaved_response_cb (GtkWidget  *dialog,
                           const char *response,
                           OtWindow   *self)
{
  if (g_str_equal (response, "discard"))
    discard_and_close (self);
  else if (g_str_equal (response, "save"))
    save_then (self, close_now);
}

/* Called by the window's close-request; TRUE keeps the window open. */
gboolean
ot_window_file_close_request (OtWindow *self)
{
  if (self->modified && !self->close_confirmed)
    {
      confirm_unsaved (self, _("Save Changes Before Closing?"), G_CALLBACK (close_unsaved_response_cb),
                       close_now);
      return TRUE;
    }

  /* Kept for next time, unless the person discarded them. */
  g_clear_handle_id (&self->autosave_id, g_source_remove);
  if (self->discarded)
    ot_worksheet_io_delete_autosave (NULL);
  else
    autosave_now (self);
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

/* Application accelerators rather than key bindings, so the menu shows
 * them; the application is known only once the window has one. */
static void
application_set_cb (OtWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  static const struct
  {
    const char *action;
    const char *accels[2];
  } shortcuts[] = {
    { "win.new", { "<Control>n", NULL } },
    { "win.open", { "<Control>o", NULL } },
    { "win.save", { "<Control>s", NULL } },
    { "win.save-as", { "<Control><Shift>s", NULL } },
    { "win.print", { "<Control>p", NULL } },
  };

  for (guint i = 0; app != NULL && i < G_N_ELEMENTS (shortcuts); i++)
    gtk_application_set_accels_for_action (app, shortcuts[i].action, shortcuts[i].accels);
}

void
ot_window_file_init (OtWindow *self)
{
  g_autoptr(GAction) private_session = g_settings_create_action (self->settings, "private-session");

  g_action_map_add_action (G_ACTION_MAP (self), private_session);
  g_signal_connect_object (self->settings, "changed::private-session",
                           G_CALLBACK (private_session_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::application", G_CALLBACK (application_set_cb), NULL);
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
 * ot_window_open_file:
 *
 * Reads @file and shows it; on failure shows why and leaves the current
 * answers as they were.  Does not ask about unsaved answers: the caller
 * has.
 */
gboolean
ot_window_open_file (OtWindow *self,
                     GFile    *file)
{
  g_autoptr(OtWorksheet) opened = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (OT_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  opened = ot_worksheet_io_open (file, &error);
  if (opened == NULL)
    {
      show_error (self, _("Could Not Open the Worksheet"), error->message,
                  _("The answers on screen have not been changed."));
      return FALSE;
    }

  replace_worksheet (self, opened);
  set_file (self, file, FALSE);
  autosave_now (self);
  return TRUE;
}

/**
 * ot_window_save_file:
 *
 * Saves to @file, which becomes the worksheet's file; on failure shows
 * why, and the answers and any old file stay as they were.
 */
gboolean
ot_window_save_file (OtWindow *self,
                     GFile    *file)
{
  g_return_val_if_fail (OT_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  return save_to (self, file);
}
