/* ot-content-language.c: one language for the interface and the pack
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ot-content"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "ot-content.h"

/**
 * ot_content_use_one_language:
 * @pack: (inout): the pack, read in the desktop's language
 * @file: (nullable): the file it was read from, or %NULL for the built-in one
 *
 * Never a mixed page: Option Talk speaks the desktop's language only when
 * the pack is translated into it entirely.  Otherwise it speaks English
 * throughout, interface and dates included, and reads the pack again in
 * English into *@pack.  Called once, before anything is shown or written,
 * by the window and the command-line tools alike.
 *
 * Returns: whether it fell back to English
 */
gboolean
ot_content_use_one_language (OtContent **pack,
                             GFile      *file)
{
  static const char header[] = "";   /* gettext's key of a catalogue's header */
  g_autoptr(GError) error = NULL;
  OtContent *english;
  guint n_texts;
  guint n_untranslated;

  g_return_val_if_fail (pack != NULL && *pack != NULL, FALSE);

  n_untranslated = ot_content_count_untranslated (*pack, &n_texts);
  /* Complete, or English: nothing of the pack and no catalogue of the
   * interface (whose header is the translation of ""). */
  if (n_untranslated == 0
      || (n_untranslated == n_texts && *dgettext (GETTEXT_PACKAGE, header) == '\0'))
    return FALSE;

  g_debug ("%u of %u texts of the content pack are not translated: English throughout",
           n_untranslated, n_texts);
  /* gettext ignores LANGUAGE when the messages' locale is C. */
  setlocale (LC_MESSAGES, "C");
  setlocale (LC_TIME, "C.UTF-8");

  english = file != NULL ? ot_content_new_from_file (file, &error) : ot_content_new_default (&error);
  if (english == NULL)
    {
      /* It was just read in another language: only a file changed meanwhile. */
      g_printerr ("%s\n", error->message);
      return TRUE;
    }
  ot_content_unref (*pack);
  *pack = english;
  return TRUE;
}
