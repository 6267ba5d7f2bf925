/* test-faults.c: saving and reading when the machine misbehaves
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Real faults, not simulated ones: a read-only file system, a full one
 * (tiny tmpfs mounts, in a mount namespace of this process's own so
 * nothing outside sees them), a process killed in the middle of writing,
 * and an autosave that is not a file at all.  What test-worksheet-io
 * covers (a path through a file, a missing folder, a folder in place of
 * the file, a file-size limit) is not repeated here.
 */

#define _GNU_SOURCE  /* unshare() */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <sched.h>
#include <signal.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ot-content.h"
#include "ot-pdf.h"
#include "ot-test-files.h"
#include "ot-test-worksheet.h"
#include "ot-worksheet-io.h"
#include "ot-xml.h"

static gboolean can_mount;    /* a private mount namespace: tmpfs mounts work */
static char *work_root;       /* every test's files are under here */

/* Files and folders */

static char *
make_dir (const char *name)
{
  char *dir = g_build_filename (work_root, name, NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  return dir;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

/* The names in @dir, sorted, as one string: what a person listing it sees. */
static char *
list_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize size;

  g_file_get_contents (path, &contents, &size, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, size);
}

static void
write_bytes (const char *path,
             GBytes     *bytes)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
}

static void
assert_same_bytes (const char *path,
                   GBytes     *expected)
{
  g_autoptr(GBytes) bytes = read_bytes (path);

  g_assert_true (g_bytes_equal (bytes, expected));
}

/* A worksheet of @n questions and @notes characters: big enough that
 * writing it takes many write() calls. */
static OtWorksheet *
big_worksheet (guint n,
               guint notes)
{
  OtWorksheet *ws = ot_worksheet_new ();

  ot_test_worksheet_fill (ws);
  ot_test_worksheet_add_long (ws, n, notes);
  return ws;
}

/* Mounts */

static gboolean
need_mounts (void)
{
  if (!can_mount)
    g_test_skip ("needs a mount namespace of its own (root, or unprivileged user namespaces)");
  return can_mount;
}

static void
mount_tmpfs (const char *dir,
             const char *options)
{
  if (mount ("ot-test-faults", dir, "tmpfs", MS_NOSUID | MS_NODEV, options) != 0)
    g_error ("mount tmpfs on %s (%s): %s", dir, options, g_strerror (errno));
}

static void
remount_read_only (const char *dir)
{
  if (mount (NULL, dir, NULL, MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NODEV, NULL) != 0)
    g_error ("remount %s read-only: %s", dir, g_strerror (errno));
}

static void
unmount (const char *dir)
{
  g_assert_cmpint (umount2 (dir, MNT_DETACH), ==, 0);
}

/* Writes a filler file until the file system says it is full. */
static void
fill_disk (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "filler", NULL);
  char block[4096];
  int fd = open (path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  ssize_t written;

  g_assert_cmpint (fd, >=, 0);
  memset (block, 'x', sizeof block);
  do
    written = write (fd, block, sizeof block);
  while (written > 0);
  g_assert_cmpint (errno, ==, ENOSPC);
  /* Even a byte more does not fit. */
  g_assert_cmpint (write (fd, block, 1), ==, -1);
  close (fd);
}

/* A worksheet saved on a file system of its own, before its fault */

typedef struct
{
  const char *name;      /* the folder's */
  const char *options;   /* the tmpfs mount's */
} SavedSetup;

typedef struct
{
  char   *dir;
  char   *path;       /* visit.optiontalk, saved before the fault */
  char   *new_path;   /* new.optiontalk, not there */
  GBytes *old_bytes;
} Saved;

static void
saved_set_up (Saved         *saved,
              gconstpointer  data)
{
  const SavedSetup *setup = data;
  g_autoptr(OtWorksheet) old = ot_worksheet_new ();
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (!need_mounts ())
    return;

  saved->dir = make_dir (setup->name);
  saved->path = g_build_filename (saved->dir, "visit.optiontalk", NULL);
  saved->new_path = g_build_filename (saved->dir, "new.optiontalk", NULL);
  file = g_file_new_for_path (saved->path);
  mount_tmpfs (saved->dir, setup->options);
  ot_test_worksheet_fill (old);
  g_assert_true (ot_worksheet_io_save (old, file, &error));
  g_assert_no_error (error);
  saved->old_bytes = read_bytes (saved->path);
}

static void
saved_tear_down (Saved         *saved,
                 gconstpointer  data)
{
  if (saved->dir != NULL)
    {
      unmount (saved->dir);
      ot_test_remove_tree (saved->dir);
    }
  g_free (saved->dir);
  g_free (saved->path);
  g_free (saved->new_path);
  g_clear_pointer (&saved->old_bytes, g_bytes_unref);
}

/* Saving @ws fails for the reason in @words, over the old file and as a
 * new one: the old file is whole and @names are all the folder holds,
 * nothing half-written beside them. */
static void
assert_save_fails_keeping (Saved       *saved,
                           OtWorksheet *ws,
                           const char  *words,
                           const char  *names)
{
  g_autofree char *listed = NULL;

  ot_test_assert_save_fails (ws, saved->path, words);
  ot_test_assert_save_fails (ws, saved->new_path, words);
  assert_same_bytes (saved->path, saved->old_bytes);
  listed = list_dir (saved->dir);
  g_assert_cmpstr (listed, ==, names);
}

static const SavedSetup read_only_setup = { "read-only", "size=1m,mode=0700" };
static const SavedSetup full_setup = { "full", "size=256k,mode=0700" };

/* Read-only */

static void
test_read_only_folder (Saved         *saved,
                       gconstpointer  data)
{
  g_autoptr(OtWorksheet) ws = big_worksheet (20, 2000);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (saved->dir == NULL)
    return;

  /* A USB stick with its lock switch on, or a share mounted read-only:
   * root cannot write there either. */
  remount_read_only (saved->dir);
  assert_save_fails_keeping (saved, ws, "read-only", "visit.optiontalk");

  /* What was there still opens. */
  file = g_file_new_for_path (saved->path);
  g_assert_finalize_object (ot_worksheet_io_open (file, &error));
  g_assert_no_error (error);
}

/* The autosave folder on a read-only file system: keeping the answers
 * fails with a reason, and a broken autosave there is left where it is
 * rather than lost. */
static void
test_read_only_autosave (void)
{
  g_autoptr(GFile) autosave = ot_worksheet_io_get_autosave_file ();
  g_autoptr(GFile) folder = g_file_get_parent (autosave);
  g_autofree char *dir = g_file_get_path (folder);
  g_autofree char *path = g_file_get_path (autosave);
  g_autoptr(OtWorksheet) ws = big_worksheet (5, 500);
  g_autoptr(OtWorksheet) restored = NULL;
  g_autoptr(GFile) broken = NULL;
  g_autoptr(GError) error = NULL;
  OtAutosave info = { NULL, FALSE };
  const char *half = "<optiontalk-worksheet format=\"1\"><notes>half";

  if (!need_mounts ())
    return;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  mount_tmpfs (dir, "size=1m,mode=0700");
  g_assert_true (g_file_set_contents (path, half, -1, NULL));
  remount_read_only (dir);

  g_assert_false (ot_worksheet_io_autosave (ws, NULL, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_clear_error (&error);

  /* It cannot be moved aside: it stays, and reading it says why. */
  g_test_expect_message ("ot-worksheet-io", G_LOG_LEVEL_WARNING, "*Could not move the broken autosave*");
  restored = ot_worksheet_io_restore (&info, &broken, &error);
  g_test_assert_expected_messages ();
  g_assert_null (restored);
  g_assert_error (error, OT_XML_ERROR, OT_XML_ERROR_PARSE);
  g_assert_null (broken);
  {
    g_autofree char *contents = NULL;

    g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
    g_assert_cmpstr (contents, ==, half);
  }

  unmount (dir);
  ot_test_remove_tree (dir);
}

/* Full disk */

static void
test_disk_full (Saved         *saved,
                gconstpointer  data)
{
  g_autoptr(OtWorksheet) ws = big_worksheet (100, 20000);
  g_autofree char *filler = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (saved->dir == NULL)
    return;

  fill_disk (saved->dir);
  assert_save_fails_keeping (saved, ws, "the disk is full", "filler visit.optiontalk");

  /* Once there is room again, the same answers save. */
  filler = g_build_filename (saved->dir, "filler", NULL);
  file = g_file_new_for_path (saved->path);
  g_assert_cmpint (g_unlink (filler), ==, 0);
  g_assert_true (ot_worksheet_io_save (ws, file, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (ot_worksheet_io_open (file, &error));
  g_assert_no_error (error);
}

/* The autosave on a full disk: the last good one is kept. */
static void
test_disk_full_autosave (void)
{
  g_autoptr(GFile) autosave = ot_worksheet_io_get_autosave_file ();
  g_autoptr(GFile) folder = g_file_get_parent (autosave);
  g_autofree char *dir = g_file_get_path (folder);
  g_autofree char *path = g_file_get_path (autosave);
  g_autoptr(OtWorksheet) small = ot_worksheet_new ();
  g_autoptr(OtWorksheet) ws = big_worksheet (100, 20000);
  g_autoptr(OtWorksheet) restored = NULL;
  g_autoptr(GBytes) kept = NULL;
  g_autoptr(GError) error = NULL;
  OtAutosave info = { NULL, FALSE };

  if (!need_mounts ())
    return;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  mount_tmpfs (dir, "size=256k,mode=0700");
  ot_worksheet_set_notes (small, "Kept a minute ago");
  g_assert_true (ot_worksheet_io_autosave (small, NULL, &error));
  kept = read_bytes (path);
  fill_disk (dir);

  g_assert_false (ot_worksheet_io_autosave (ws, NULL, &error));
  g_assert_error (error, OT_WORKSHEET_ERROR, OT_WORKSHEET_ERROR_SAVE);
  g_assert_nonnull (strstr (error->message, "the disk is full"));
  g_clear_error (&error);
  assert_same_bytes (path, kept);
  restored = ot_worksheet_io_restore (&info, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ot_worksheet_get_notes (restored), ==, "Kept a minute ago");

  unmount (dir);
  ot_test_remove_tree (dir);
}

/* The summary PDF onto a full disk: the old PDF stays whole. */
static void
test_disk_full_pdf (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(OtContent) content = NULL;
  g_autoptr(OtWorksheet) ws = big_worksheet (60, 8000);
  g_autoptr(OtWorksheet) small = ot_worksheet_new ();
  g_autoptr(GBytes) old_bytes = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  double width, height;

  if (!need_mounts ())
    return;

  content = ot_content_new_default (&error);
  g_assert_no_error (error);
  ot_paper_get_size (OT_PAPER_A4, &width, &height);
  dir = make_dir ("full-pdf");
  path = g_build_filename (dir, "summary.pdf", NULL);
  file = g_file_new_for_path (path);
  mount_tmpfs (dir, "size=512k,mode=0700");
  g_assert_true (ot_pdf_export (content, small, width, height, NULL, 0, file, &error));
  g_assert_no_error (error);
  old_bytes = read_bytes (path);
  fill_disk (dir);

  g_assert_false (ot_pdf_export (content, ws, width, height, NULL, 0, file, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, path));
  assert_same_bytes (path, old_bytes);
  {
    g_autofree char *names = list_dir (dir);

    g_assert_cmpstr (names, ==, "filler summary.pdf");
  }

  unmount (dir);
  ot_test_remove_tree (dir);
}

/* Killed while saving */

typedef struct
{
  guint old;        /* kills after which the file was the old content */
  guint new;        /* … the new content */
  guint leftovers;  /* kills that left a temporary file behind */
} Kills;

/* Forks a child that saves @a and @b over @path in turn, for ever, and
 * kills it after a random moment; the file must then be exactly @a or
 * exactly @b, and open.  What a half-finished save leaves beside it
 * must be readable by the owner only, like the worksheet, and gone once
 * the program does @next with @path (opens it again, or writes it). */
static void
kill_while_saving (const char *dir,
                   const char *path,
                   GBytes     *a,
                   GBytes     *b,
                   gboolean  (*save) (GFile *file, gpointer data),
                   gpointer    data_a,
                   gpointer    data_b,
                   gboolean  (*next) (GFile *file, gpointer data),
                   gint64      max_delay_us,
                   guint       rounds,
                   Kills      *kills)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *base = g_path_get_basename (path);

  for (guint round = 0; round < rounds; round++)
    {
      g_autoptr(GBytes) now = NULL;
      g_autoptr(GDir) listing = NULL;
      const char *name;
      int status;
      pid_t pid = fork ();

      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          for (guint i = 1;; i++)
            save (file, i % 2 ? data_b : data_a);
        }

      g_usleep (g_random_int_range (0, (gint32) max_delay_us));
      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true (WIFSIGNALED (status));

      now = read_bytes (path);
      if (g_bytes_equal (now, a))
        kills->old++;
      else if (g_bytes_equal (now, b))
        kills->new++;
      else
        g_error ("after a kill in round %u, %s is neither the old nor the new content (%" G_GSIZE_FORMAT " bytes)",
                 round, path, g_bytes_get_size (now));

      listing = g_dir_open (dir, 0, NULL);
      while ((name = g_dir_read_name (listing)) != NULL)
        {
          g_autofree char *leftover = g_build_filename (dir, name, NULL);
          GStatBuf buf;

          if (g_str_equal (name, base))
            continue;
          g_assert_cmpint (g_lstat (leftover, &buf), ==, 0);
          g_assert_true (S_ISREG (buf.st_mode));
          g_assert_cmpuint (buf.st_mode & 0777, ==, 0600);
          kills->leftovers++;
        }

      g_assert_true (next (file, data_a));
      g_clear_pointer (&listing, g_dir_close);
      listing = g_dir_open (dir, 0, NULL);
      while ((name = g_dir_read_name (listing)) != NULL)
        if (!g_str_equal (name, base))
          g_error ("after a kill in round %u, %s is still there", round, name);

      /* The file on disk is the way it was left, so the next round
       * starts from the old content again. */
      write_bytes (path, a);
    }
}

static gboolean
save_worksheet (GFile    *file,
                gpointer  data)
{
  return ot_worksheet_io_save (data, file, NULL);
}

/* What the person does next with the file: opens it again. */
static gboolean
open_worksheet (GFile    *file,
                gpointer  data)
{
  g_autoptr(OtWorksheet) worksheet = ot_worksheet_io_open (file, NULL);

  return worksheet != NULL;
}

static void
test_killed_while_saving (void)
{
  g_autofree char *dir = make_dir ("killed");
  g_autofree char *path = g_build_filename (dir, "visit.optiontalk", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(OtWorksheet) a = big_worksheet (400, 200000);
  g_autoptr(OtWorksheet) b = big_worksheet (300, 300000);
  g_autoptr(GBytes) bytes_a = NULL;
  g_autoptr(GBytes) bytes_b = NULL;
  g_autoptr(GError) error = NULL;
  Kills kills = { 0 };
  gint64 start, took;

  ot_worksheet_set_patient_name (b, "The new answers");
  bytes_a = ot_worksheet_io_to_bytes (a, NULL);
  bytes_b = ot_worksheet_io_to_bytes (b, NULL);

  /* How long one save takes here: the kills fall anywhere in the first
   * few saves of the child, most of them in the middle of one. */
  start = g_get_monotonic_time ();
  g_assert_true (ot_worksheet_io_save (a, file, &error));
  took = g_get_monotonic_time () - start;
  g_test_message ("one save of %" G_GSIZE_FORMAT " bytes takes %" G_GINT64_FORMAT " µs",
                  g_bytes_get_size (bytes_a), took);

  kill_while_saving (dir, path, bytes_a, bytes_b, save_worksheet, a, b, open_worksheet,
                     MAX (6 * took, 5000), 60, &kills);

  g_test_message ("60 kills: old content %u times, new %u, temporary file left %u",
                  kills.old, kills.new, kills.leftovers);
  /* Saves finished between kills, and kills fell in the middle of others. */
  g_assert_cmpuint (kills.new, >, 0);
  g_assert_cmpuint (kills.old + kills.new, ==, 60);

  /* And what is there opens. */
  g_assert_finalize_object (ot_worksheet_io_open (file, &error));
  g_assert_no_error (error);
  ot_test_remove_tree (dir);
}

typedef struct
{
  OtContent   *content;
  OtWorksheet *worksheet;
  GDateTime   *date;
} PdfJob;

static gboolean
save_pdf (GFile    *file,
          gpointer  data)
{
  PdfJob *job = data;
  double width, height;

  ot_paper_get_size (OT_PAPER_A4, &width, &height);
  return ot_pdf_export (job->content, job->worksheet, width, height, job->date, 0, file, NULL);
}

static void
test_killed_while_exporting (void)
{
  g_autofree char *dir = make_dir ("killed-pdf");
  g_autofree char *path = g_build_filename (dir, "summary.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(OtContent) content = NULL;
  g_autoptr(OtWorksheet) a = ot_worksheet_new ();
  g_autoptr(OtWorksheet) b = big_worksheet (20, 3000);
  g_autoptr(GDateTime) date = g_date_time_new_utc (2026, 3, 17, 9, 30, 0);
  g_autoptr(GBytes) bytes_a = NULL;
  g_autoptr(GBytes) bytes_b = NULL;
  g_autoptr(GError) error = NULL;
  PdfJob job_a, job_b;
  Kills kills = { 0 };
  gint64 start, took;

  content = ot_content_new_default (&error);
  g_assert_no_error (error);
  job_a = (PdfJob) { content, a, date };
  job_b = (PdfJob) { content, b, date };
  ot_test_worksheet_fill (a);

  start = g_get_monotonic_time ();
  g_assert_true (save_pdf (file, &job_b));
  took = g_get_monotonic_time () - start;
  bytes_b = read_bytes (path);
  g_assert_true (save_pdf (file, &job_a));
  bytes_a = read_bytes (path);
  g_test_message ("one export of %" G_GSIZE_FORMAT " bytes takes %" G_GINT64_FORMAT " µs",
                  g_bytes_get_size (bytes_b), took);

  kill_while_saving (dir, path, bytes_a, bytes_b, save_pdf, &job_a, &job_b, save_pdf,
                     MAX (4 * took, 5000), 15, &kills);
  g_test_message ("15 kills: old PDF %u times, new %u, temporary file left %u",
                  kills.old, kills.new, kills.leftovers);
  g_assert_cmpuint (kills.old + kills.new, ==, 15);
  ot_test_remove_tree (dir);
}

/* Not a file */

static void
make_fifo (const char *path)
{
  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
}

static void
make_dangling_link (const char *path)
{
  g_autofree char *target = g_strconcat (path, "-gone", NULL);

  g_assert_cmpint (symlink (target, path), ==, 0);
}

static void
make_folder (const char *path)
{
  g_autofree char *inside = g_build_filename (path, "keep.txt", NULL);

  g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
  g_assert_true (g_file_set_contents (inside, "kept", -1, NULL));
}

static void
make_zero_link (const char *path)
{
  g_assert_cmpint (symlink ("/dev/zero", path), ==, 0);
}

static const struct
{
  const char *what;
  void      (*make) (const char *path);
  GFileType   type;    /* what is moved aside, not following links */
  const char *words;   /* in the message */
} not_files[] = {
  { "fifo", make_fifo, G_FILE_TYPE_SPECIAL, "not an ordinary file" },
  { "dangling-link", make_dangling_link, G_FILE_TYPE_SYMBOLIC_LINK, "a link to a file that is not there" },
  { "folder", make_folder, G_FILE_TYPE_DIRECTORY, "it is a folder" },
  { "endless", make_zero_link, G_FILE_TYPE_SYMBOLIC_LINK, "not an ordinary file" },
};

/* Opening one from the command line or the Open dialog: an error at once,
 * not a program waiting for ever on a FIFO or filling memory from
 * /dev/zero. */
static void
test_open_not_a_file (void)
{
  g_autofree char *dir = make_dir ("not-a-file");

  for (guint i = 0; i < G_N_ELEMENTS (not_files); i++)
    {
      g_autofree char *path = g_build_filename (dir, not_files[i].what, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(GError) content_error = NULL;
      g_autoptr(OtWorksheet) ws = NULL;
      g_autoptr(OtContent) content = NULL;

      not_files[i].make (path);
      ws = ot_worksheet_io_open (file, &error);
      g_assert_null (ws);
      g_assert_error (error, OT_XML_ERROR, OT_XML_ERROR_READ);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, path));
      g_assert_nonnull (strstr (error->message, not_files[i].words));

      /* The content pack is read the same way. */
      content = ot_content_new_from_file (file, &content_error);
      g_assert_null (content);
      g_assert_error (content_error, OT_XML_ERROR, OT_XML_ERROR_READ);
    }

  ot_test_remove_tree (dir);
}

/* The same as the autosave at start: it is moved aside under the broken
 * name, as it was (a link stays a link), never deleted, and the next
 * autosave works. */
static void
test_autosave_not_a_file (void)
{
  g_autoptr(GFile) autosave = ot_worksheet_io_get_autosave_file ();
  g_autoptr(GFile) folder = g_file_get_parent (autosave);
  g_autofree char *dir = g_file_get_path (folder);
  g_autofree char *path = g_file_get_path (autosave);

  for (guint i = 0; i < G_N_ELEMENTS (not_files); i++)
    {
      g_autoptr(OtWorksheet) ws = ot_worksheet_new ();
      g_autoptr(OtWorksheet) restored = NULL;
      g_autoptr(OtWorksheet) again = NULL;
      g_autoptr(GFile) broken = NULL;
      g_autoptr(GError) error = NULL;
      OtAutosave info = { NULL, FALSE };
      g_autofree char *names = NULL;
      g_autofree char *base = NULL;

      g_test_message ("autosave: %s", not_files[i].what);
      g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
      not_files[i].make (path);

      restored = ot_worksheet_io_restore (&info, &broken, &error);
      g_assert_null (restored);
      g_assert_error (error, OT_XML_ERROR, OT_XML_ERROR_READ);
      g_assert_nonnull (strstr (error->message, not_files[i].words));
      g_assert_nonnull (broken);
      base = g_file_get_basename (broken);
      g_assert_true (g_str_has_prefix (base, "autosave-broken-"));
      g_assert_cmpint (g_file_query_file_type (broken, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL), ==,
                       not_files[i].type);
      g_assert_false (g_file_query_exists (autosave, NULL));
      g_clear_error (&error);

      /* The answers of this session are kept as usual. */
      ot_worksheet_set_notes (ws, "After the broken one");
      g_assert_true (ot_worksheet_io_autosave (ws, NULL, &error));
      g_assert_no_error (error);
      again = ot_worksheet_io_restore (&info, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (ot_worksheet_get_notes (again), ==, "After the broken one");

      names = list_dir (dir);
      g_assert_cmpstr (strchr (names, ' ') + 1, ==, "autosave.optiontalk");
      ot_test_remove_tree (dir);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_home = NULL;
  int status;

  /* Before any thread starts: mounts made from here on are this
   * process's own and vanish with it, even if a test fails half-way. */
  can_mount = unshare (CLONE_NEWNS) == 0
              && mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) == 0;

  work_root = g_dir_make_tmp ("ot-faults-XXXXXX", &error);
  g_assert_no_error (error);
  /* The autosave folder of this test only, set before GLib reads it. */
  data_home = g_build_filename (work_root, "data", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  g_test_init (&argc, &argv, NULL);

  g_test_add ("/faults/read-only-folder", Saved, &read_only_setup, saved_set_up, test_read_only_folder,
              saved_tear_down);
  g_test_add_func ("/faults/read-only-autosave", test_read_only_autosave);
  g_test_add ("/faults/disk-full", Saved, &full_setup, saved_set_up, test_disk_full, saved_tear_down);
  g_test_add_func ("/faults/disk-full-autosave", test_disk_full_autosave);
  g_test_add_func ("/faults/disk-full-pdf", test_disk_full_pdf);
  g_test_add_func ("/faults/killed-while-saving", test_killed_while_saving);
  g_test_add_func ("/faults/killed-while-exporting", test_killed_while_exporting);
  g_test_add_func ("/faults/open-not-a-file", test_open_not_a_file);
  g_test_add_func ("/faults/autosave-not-a-file", test_autosave_not_a_file);

  status = g_test_run ();
  ot_test_remove_tree (work_root);
  g_free (work_root);
  return status;
}
