/* ot-safe-file.c: a file written whole or not at all, with nothing left
 * behind
 *
 * The worksheet, the autosave file and the PDF all hold health
 * information.  Each is written to a temporary file in the folder of the
 * target and renamed over it once complete, so an old file stays whole
 * until the new one is.  Where the system allows, the temporary file has
 * no name while it is written (O_TMPFILE): a process killed, stopped by
 * SIGTERM or by a file-size limit leaves nothing behind, except when
 * killed in the instant between naming the finished file and renaming it.
 * Elsewhere it is named ".NAME.ot-PID-XXXXXX" throughout.  Either way, a
 * temporary file whose process is gone is removed the next time NAME is
 * opened or written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ot-safe-file"
/* For O_TMPFILE. */
#define _GNU_SOURCE

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "ot-safe-file.h"

#define TEMP_TAG ".ot-"

struct _OtSafeFile
{
  int   fd;
  char *path;
  char *dir;
  char *prefix;  /* ".NAME.ot-PID-" */
  char *temp;    /* the temporary file's name; NULL while it has none */
};

static gboolean
set_errno_error (GError **error,
                 int      code)
{
  /* strerror() says "File too large", which a person reads as a file
   * that is too large to open. */
  g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (code),
                       code == EFBIG ? _("the file would be larger than this system allows")
                                     : g_strerror (code));
  return FALSE;
}

static void
safe_file_free (OtSafeFile *self)
{
  if (self->fd >= 0)
    close (self->fd);
  g_free (self->path);
  g_free (self->dir);
  g_free (self->prefix);
  g_free (self->temp);
  g_free (self);
}

/**
 * ot_safe_file_remove_stale:
 * @path: a file this program writes
 *
 * Removes the temporary files of @path that a process which no longer
 * runs left behind: a process killed between naming its finished file
 * and putting it in place leaves one.  Opening and writing @path both
 * call this, so such a file lives at most until @path is used again.
 */
void
ot_safe_file_remove_stale (const char *path)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *prefix = NULL;
  g_autoptr(GDir) listing = NULL;
  const char *name;

  g_return_if_fail (path != NULL);

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  prefix = g_strconcat (".", base, TEMP_TAG, NULL);
  listing = g_dir_open (dir, 0, NULL);
  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      const char *number = name + strlen (prefix);
      g_autofree char *stale = NULL;
      char *end = NULL;
      guint64 pid;

      if (!g_str_has_prefix (name, prefix))
        continue;
      pid = g_ascii_strtoull (number, &end, 10);
      if (end == number || *end != '-' || pid == 0 || pid > G_MAXINT)
        continue;
      /* Still being written: by this process, or by one that runs. */
      if ((pid_t) pid == getpid () || kill ((pid_t) pid, 0) == 0 || errno != ESRCH)
        continue;

      stale = g_build_filename (dir, name, NULL);
      g_unlink (stale);
    }
}

/* A temporary file without a name, if this system and file system have
 * them and it can be given a name at the end. */
static int
open_unnamed (OtSafeFile *self)
{
#ifdef O_TMPFILE
  int fd;

  if (!g_file_test ("/proc/self/fd", G_FILE_TEST_IS_DIR))
    return -1;

  fd = open (self->dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600);
  /* Not supported here: take a named file. */
  if (fd < 0 && (errno == EOPNOTSUPP || errno == EISDIR || errno == EINVAL))
    return -1;
  return fd < 0 ? -2 : fd;
#else
  return -1;
#endif
}

/**
 * ot_safe_file_new:
 * @path: the file to write, in a local folder
 *
 * Starts writing @path: nothing is seen there until
 * ot_safe_file_commit().
 *
 * Returns: (transfer full): the file being written, or %NULL with @error
 * in G_IO_ERROR set to what stopped it
 */
OtSafeFile *
ot_safe_file_new (const char  *path,
                  GError     **error)
{
  OtSafeFile *self;
  g_autofree char *base = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  /* Past a file-size limit the kernel stops a process with SIGXFSZ
   * unless it is ignored; then the write fails with EFBIG, the person
   * hears why and the temporary file is removed. */
  signal (SIGXFSZ, SIG_IGN);

  self = g_new0 (OtSafeFile, 1);
  self->fd = -1;
  self->path = g_strdup (path);
  self->dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  self->prefix = g_strdup_printf ("%s%c.%s" TEMP_TAG "%d-", self->dir, G_DIR_SEPARATOR, base, (int) getpid ());

  ot_safe_file_remove_stale (path);

  self->fd = open_unnamed (self);
  if (self->fd == -1)
    {
      self->temp = g_strconcat (self->prefix, "XXXXXX", NULL);
      self->fd = g_mkstemp_full (self->temp, O_WRONLY | O_CLOEXEC, 0600);
      if (self->fd < 0)
        g_clear_pointer (&self->temp, g_free);
    }

  if (self->fd < 0)
    {
      set_errno_error (error, errno);
      self->fd = -1;
      safe_file_free (self);
      return NULL;
    }

  return self;
}

gboolean
ot_safe_file_write (OtSafeFile  *self,
                    const void  *data,
                    gsize        size,
                    GError     **error)
{
  const char *p = data;

  g_return_val_if_fail (self != NULL, FALSE);

  while (size > 0)
    {
      ssize_t written = write (self->fd, p, size);

      if (written < 0 && errno == EINTR)
        continue;
      if (written <= 0)
        return set_errno_error (error, written < 0 ? errno : ENOSPC);
      p += written;
      size -= (gsize) written;
    }

  return TRUE;
}

/* Gives the unnamed file a temporary name beside the target. */
static int
link_unnamed (OtSafeFile *self)
{
  g_autofree char *proc = g_strdup_printf ("/proc/self/fd/%d", self->fd);

  for (guint attempt = 0; attempt < 100; attempt++)
    {
      g_autofree char *temp = g_strdup_printf ("%s%06x", self->prefix, g_random_int () & 0xffffff);

      if (linkat (AT_FDCWD, proc, AT_FDCWD, temp, AT_SYMLINK_FOLLOW) == 0)
        {
          self->temp = g_steal_pointer (&temp);
          return 0;
        }
      if (errno != EEXIST)
        return errno;
    }

  return EEXIST;
}

/**
 * ot_safe_file_commit:
 *
 * Puts the file in place of the target in one step, or leaves the target
 * as it was and nothing beside it.  Frees @self either way.
 *
 * Returns: whether the file is in place; if not, @error in G_IO_ERROR
 * says why
 */
gboolean
ot_safe_file_commit (OtSafeFile  *self,
                     GError     **error)
{
  int code = 0;

  g_return_val_if_fail (self != NULL, FALSE);

  if (fsync (self->fd) != 0)
    code = errno;
  /* Named and renamed back to back: only between the two is there a name
   * to leave behind. */
  if (code == 0 && self->temp == NULL)
    code = link_unnamed (self);
  if (code == 0 && g_rename (self->temp, self->path) != 0)
    code = errno;
  if (close (self->fd) != 0 && code == 0)
    code = errno;
  self->fd = -1;

  if (code != 0)
    {
      ot_safe_file_abandon (self);
      return set_errno_error (error, code);
    }

  safe_file_free (self);
  return TRUE;
}

/**
 * ot_safe_file_abandon:
 *
 * Stops writing: the target stays as it was, and the temporary file goes.
 * Frees @self.
 */
void
ot_safe_file_abandon (OtSafeFile *self)
{
  g_return_if_fail (self != NULL);

  if (self->temp != NULL)
    g_unlink (self->temp);
  safe_file_free (self);
}
