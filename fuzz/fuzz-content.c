/* fuzz-content.c: libFuzzer harness for the content-pack loader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Any input must give a pack or an error, never a crash, a leak or a hang.
 */

#include "config.h"

#include "ot-content.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(OtContent) content = ot_content_new_from_bytes (bytes, "fuzz.xml", &error);

  g_assert ((content == NULL) != (error == NULL));
  return 0;
}
