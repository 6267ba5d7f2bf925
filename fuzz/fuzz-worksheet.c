/* fuzz-worksheet.c: libFuzzer harness for the worksheet reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A worksheet arrives by e-mail or on a USB stick: any input must give a
 * worksheet or an error, never a crash, a leak or a hang.  What is read
 * must also survive being written and read again unchanged, so a file
 * the reader accepts can always be saved and reopened.
 */

#include "config.h"

#include "ot-worksheet-io.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(OtWorksheet) worksheet = NULL;
  g_autoptr(OtWorksheet) again = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GBytes) rewritten = NULL;
  OtAutosave autosave = { NULL, FALSE };
  OtAutosave autosave_again = { NULL, FALSE };

  worksheet = ot_worksheet_io_from_bytes (bytes, "fuzz.optiontalk", &autosave, &error);
  g_assert ((worksheet == NULL) != (error == NULL));
  if (worksheet == NULL)
    {
      g_assert_null (autosave.document);
      return 0;
    }

  /* Write what was read, as the autosave does, and read it back. */
  written = ot_worksheet_io_to_bytes (worksheet, &autosave);
  again = ot_worksheet_io_from_bytes (written, "written.optiontalk", &autosave_again, &error);
  if (again == NULL)
    g_error ("A worksheet that was read could not be read back after writing: %s\n%.*s",
             error->message, (int) g_bytes_get_size (written),
             (const char *) g_bytes_get_data (written, NULL));
  g_assert_cmpstr (autosave.document, ==, autosave_again.document);
  g_assert_cmpint (autosave.modified, ==, autosave_again.modified);

  /* Nothing drifts: the second writing is the first, byte for byte. */
  rewritten = ot_worksheet_io_to_bytes (again, &autosave_again);
  if (!g_bytes_equal (written, rewritten))
    g_error ("Writing a worksheet read back gave other bytes:\n%.*s\n---\n%.*s",
             (int) g_bytes_get_size (written), (const char *) g_bytes_get_data (written, NULL),
             (int) g_bytes_get_size (rewritten), (const char *) g_bytes_get_data (rewritten, NULL));

  ot_autosave_clear (&autosave);
  ot_autosave_clear (&autosave_again);
  return 0;
}
