/* ot-worksheet-autosave.c: the worksheets kept between sessions
 *
 * The current answers are kept in the user data folder so that a crash,
 * a power cut or the next start loses nothing; the folder holds health
 * information, so only its owner may enter it.
 *
 * Each window keeps its answers in a slot of its own (autosave.optiontalk,
 * autosave-2.optiontalk, ...), so two windows or two running copies of
 * Option Talk never write over each other's.  A slot is claimed with a
 * lock (flock on autosave.optiontalk.lock) that the system lets go of
 * when the process ends, crash or not: the next start finds the slots
 * nobody holds and brings each one back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ot-worksheet-io"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ot-worksheet-io.h"

/* More windows than anyone has open at a visit. */
#define MAX_SLOTS 32

struct _OtAutosaveSlot
{
  GFile *file;
  char  *lock_path;
  int    lock_fd;
};

static char *
autosave_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "option-talk", NULL);
}

static GFile *
slot_file (guint number)
{
  g_autofree char *dir = autosave_dir ();
  g_autofree char *name = number == 1
    ? g_strdup ("autosave.optiontalk")
    : g_strdup_printf ("autosave-%u.optiontalk", number);

  return g_file_new_build_filename (dir, name, NULL);
}

/**
 * ot_worksheet_io_get_autosave_file:
 *
 * Returns: (transfer full): where the first window's worksheet is kept
 * between sessions: the user data folder's option-talk/autosave.optiontalk
 */
GFile *
ot_worksheet_io_get_autosave_file (void)
{
  return slot_file (1);
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
 * ot_worksheet_io_autosave_to:
 * @file: the autosave file, as from ot_autosave_slot_get_file()
 * @autosave: (nullable): the document the answers belong to
 *
 * Keeps @worksheet in @file, creating its folder 0700.
 */
gboolean
ot_worksheet_io_autosave_to (OtWorksheet       *worksheet,
                             GFile             *file,
                             const OtAutosave  *autosave,
                             GError           **error)
{
  g_autoptr(GFile) folder = NULL;
  g_autofree char *dir = NULL;
  OtAutosave none = { NULL, FALSE };

  g_return_val_if_fail (OT_IS_WORKSHEET (worksheet), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  folder = g_file_get_parent (file);
  dir = g_file_get_path (folder);
  if (!ensure_private_dir (dir, error))
    return FALSE;

  return ot_worksheet_io_save_full (worksheet, file, autosave ? autosave : &none, error);
}

/**
 * ot_worksheet_io_autosave:
 * @autosave: (nullable): the document the answers belong to
 *
 * Keeps @worksheet in the first window's autosave file.
 */
gboolean
ot_worksheet_io_autosave (OtWorksheet       *worksheet,
                          const OtAutosave  *autosave,
                          GError           **error)
{
  g_autoptr(GFile) file = ot_worksheet_io_get_autosave_file ();

  return ot_worksheet_io_autosave_to (worksheet, file, autosave, error);
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
 * ot_worksheet_io_restore_from:
 * @file: the autosave file, as from ot_autosave_slot_get_file()
 * @autosave: (out caller-allocates): which document the answers belong to
 * @broken: (out) (optional): where an unreadable autosave file was moved
 *
 * Reads an autosave file.  An unreadable one is moved aside as
 * autosave-broken-DATE.optiontalk, never deleted.
 *
 * Returns: (transfer full): the worksheet; %NULL without @error when there
 * is no autosave file, %NULL with @error when it could not be read
 */
OtWorksheet *
ot_worksheet_io_restore_from (GFile       *file,
                              OtAutosave  *autosave,
                              GFile      **broken,
                              GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GError) move_error = NULL;
  OtWorksheet *worksheet;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
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
 * ot_worksheet_io_restore:
 *
 * ot_worksheet_io_restore_from() for the first window's autosave file.
 */
OtWorksheet *
ot_worksheet_io_restore (OtAutosave  *autosave,
                         GFile      **broken,
                         GError     **error)
{
  g_autoptr(GFile) file = ot_worksheet_io_get_autosave_file ();

  return ot_worksheet_io_restore_from (file, autosave, broken, error);
}

/**
 * ot_worksheet_io_delete_autosave_file:
 *
 * Removes an autosave file; there being none is not an error.
 */
gboolean
ot_worksheet_io_delete_autosave_file (GFile   *file,
                                      GError **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!g_file_delete (file, NULL, &local_error)
      && !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

/**
 * ot_worksheet_io_delete_autosave:
 *
 * Removes the first window's autosave file.
 */
gboolean
ot_worksheet_io_delete_autosave (GError **error)
{
  g_autoptr(GFile) file = ot_worksheet_io_get_autosave_file ();

  return ot_worksheet_io_delete_autosave_file (file, error);
}

/* Slots */

/* Beside the slot's file, on the same disk, so that every copy of Option
 * Talk that can see the file sees the lock. */
static char *
lock_path_for (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);

  return g_strconcat (path, ".lock", NULL);
}

/* Takes the slot's lock without waiting: the lock's descriptor, or -1
 * when someone holds it.  The lock file may be removed by its last holder
 * between our open and our lock: then the lock we got is on a file nobody
 * else will open, so try again on the new one.  Where no lock file can be
 * made (a read-only or full disk) there is no lock to take, and the slot
 * is used as one window used the single autosave before: -2. */
static int
take_lock (const char *lock_path)
{
  g_autofree char *dir = g_path_get_dirname (lock_path);

  if (!ensure_private_dir (dir, NULL))
    return -2;

  for (guint attempt = 0; attempt < 10; attempt++)
    {
      int fd = g_open (lock_path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
      struct stat held, named;

      if (fd < 0)
        return -2;
      if (flock (fd, LOCK_EX | LOCK_NB) != 0)
        {
          close (fd);
          return -1;
        }
      if (fstat (fd, &held) == 0 && g_stat (lock_path, &named) == 0
          && held.st_dev == named.st_dev && held.st_ino == named.st_ino)
        return fd;
      close (fd);
    }

  return -1;
}

static gboolean
slot_has_file (GFile *file)
{
  return g_file_query_file_type (file, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL) != G_FILE_TYPE_UNKNOWN;
}

/**
 * ot_autosave_slot_claim:
 * @kept: %TRUE for a slot that holds answers kept from before, %FALSE for
 *   an empty one
 *
 * Claims the first slot of that kind that no window of any running
 * Option Talk holds.  The slot is this caller's until released.
 *
 * Returns: (transfer full) (nullable): the slot, or %NULL if there is none
 */
OtAutosaveSlot *
ot_autosave_slot_claim (gboolean kept)
{
  for (guint number = 1; number <= MAX_SLOTS; number++)
    {
      g_autoptr(GFile) file = slot_file (number);
      g_autofree char *lock_path = NULL;
      OtAutosaveSlot *slot;
      int fd;

      if (slot_has_file (file) != kept)
        continue;
      lock_path = lock_path_for (file);
      fd = take_lock (lock_path);
      if (fd == -1)
        continue;
      /* Written or removed by its last holder while we looked. */
      if (fd >= 0 && slot_has_file (file) != kept)
        {
          g_unlink (lock_path);
          close (fd);
          continue;
        }

      slot = g_new0 (OtAutosaveSlot, 1);
      slot->file = g_steal_pointer (&file);
      slot->lock_path = g_steal_pointer (&lock_path);
      slot->lock_fd = fd;
      return slot;
    }

  return NULL;
}

/**
 * ot_autosave_slot_any_kept:
 *
 * Returns: whether a slot holds answers that no running window holds
 */
gboolean
ot_autosave_slot_any_kept (void)
{
  g_autoptr(OtAutosaveSlot) slot = ot_autosave_slot_claim (TRUE);

  return slot != NULL;
}

/**
 * ot_autosave_slot_get_file:
 *
 * Returns: (transfer none): the slot's autosave file
 */
GFile *
ot_autosave_slot_get_file (OtAutosaveSlot *slot)
{
  g_return_val_if_fail (slot != NULL, NULL);

  return slot->file;
}

/**
 * ot_autosave_slot_release:
 *
 * Lets go of the slot; its autosave file stays for the next start.
 */
void
ot_autosave_slot_release (OtAutosaveSlot *slot)
{
  if (slot == NULL)
    return;

  /* Removed while still held, so nobody takes a lock on a file that is
   * about to go. */
  if (slot->lock_fd >= 0)
    {
      g_unlink (slot->lock_path);
      close (slot->lock_fd);
    }
  g_object_unref (slot->file);
  g_free (slot->lock_path);
  g_free (slot);
}
