/* ot-worksheet-autosave.c: the worksheet kept between sessions
 *
 * The current answers are kept in the user data folder so that a crash,
 * a power cut or the next start loses nothing; the folder holds health
 * information, so only its owner may enter it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ot-worksheet-io"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "ot-worksheet-io.h"

static char *
autosave_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "option-talk", NULL);
}

/**
 * ot_worksheet_io_get_autosave_file:
 *
 * Returns: (transfer full): where the current worksheet is kept between
 * sessions: the user data folder's option-talk/autosave.optiontalk
 */
GFile *
ot_worksheet_io_get_autosave_file (void)
{
  g_autofree char *dir = autosave_dir ();

  return g_file_new_build_filename (dir, "autosave.optiontalk", NULL);
}

/* The folder holds health information: owner only, even if it existed. */
static gboolean
ensure_private_dir (const char  *dir,
                    GError     **error)
{
  if (g_mkdir_with_parents (dir, 0700) != 0 || g_chmod (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

/**
 * ot_worksheet_io_autosave:
 * @autosave: (nullable): the document the answers belong to
 *
 * Keeps @worksheet in the autosave file, creating its folder 0700.
 */
gboolean
ot_worksheet_io_autosave (OtWorksheet       *worksheet,
                          const OtAutosave  *autosave,
                          GError           **error)
{
  g_autofree char *dir = autosave_dir ();
  g_autoptr(GFile) file = ot_worksheet_io_get_autosave_file ();
  OtAutosave none = { NULL, FALSE };

  g_return_val_if_fail (OT_IS_WORKSHEET (worksheet), FALSE);

  if (!ensure_private_dir (dir, error))
    return FALSE;

  return ot_worksheet_io_save_full (worksheet, file, autosave ? autosave : &none, error);
}

/* Renames a broken autosave file out of the way rather than deleting it:
 * it may still hold answers someone can recover by hand. */
static GFile *
move_aside (GFile   *file,
            GError **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autoptr(GFile) parent = g_file_get_parent (file);

  for (guint attempt = 1; attempt < 100; attempt++)
    {
      g_autofree char *base = attempt == 1
        ? g_strdup_printf ("autosave-broken-%s.optiontalk", stamp)
        : g_strdup_printf ("autosave-broken-%s-%u.optiontalk", stamp, attempt);
      g_autoptr(GFile) target = g_file_get_child (parent, base);
      g_autoptr(GError) local_error = NULL;

      if (g_file_move (file, target, G_FILE_COPY_NOFOLLOW_SYMLINKS, NULL, NULL, NULL, &local_error))
        return g_steal_pointer (&target);
      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_EXISTS, _("Too many broken autosave files"));
  return NULL;
}

/**
 * ot_worksheet_io_restore:
 * @autosave: (out caller-allocates): which document the answers belong to
 * @broken: (out) (optional): where an unreadable autosave file was moved
 *
 * Reads the autosave file.  An unreadable one is moved aside as
 * autosave-broken-DATE.optiontalk, never deleted.
 *
 * Returns: (transfer full): the worksheet; %NULL without @error when there
 * is no autosave file, %NULL with @error when it could not be read
 */
OtWorksheet *
ot_worksheet_io_restore (OtAutosave  *autosave,
                         GFile      **broken,
                         GError     **error)
{
  g_autoptr(GFile) file = ot_worksheet_io_get_autosave_file ();
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GError) move_error = NULL;
  OtWorksheet *worksheet;

  g_return_val_if_fail (autosave != NULL, NULL);

  ot_autosave_clear (autosave);
  if (broken != NULL)
    *broken = NULL;

  if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL) == G_FILE_TYPE_UNKNOWN)
    return NULL;

  worksheet = ot_worksheet_io_open_full (file, autosave, &local_error);
  if (worksheet != NULL)
    return worksheet;

  {
    g_autoptr(GFile) moved = move_aside (file, &move_error);

    if (moved == NULL)
      g_warning ("Could not move the broken autosave file aside: %s", move_error->message);
    if (broken != NULL)
      *broken = g_steal_pointer (&moved);
  }

  g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}

/**
 * ot_worksheet_io_delete_autosave:
 *
 * Removes the autosave file; there being none is not an error.
 */
gboolean
ot_worksheet_io_delete_autosave (GError **error)
{
  g_autoptr(GFile) file = ot_worksheet_io_get_autosave_file ();
  g_autoptr(GError) local_error = NULL;

  if (!g_file_delete (file, NULL, &local_error)
      && !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}
