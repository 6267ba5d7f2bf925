/* copy-elsewhere.c: another application, which copies text for a widget
 * test to paste
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   copy-elsewhere TEXT
 * puts TEXT on the display's clipboard as a person's copy does, prints
 * "copied", and keeps it there until its standard input closes.  On X11
 * and on Wayland alike the test's window then reads it from this process
 * through the display server, as it would from a browser or a letter.
 */

#include "config.h"

#include <glib-unix.h>
#include <gtk/gtk.h>
#include <unistd.h>

static gboolean
input_closed_cb (int          fd,
                 GIOCondition condition,
                 gpointer     data)
{
  char byte;

  if ((condition & G_IO_IN) && read (fd, &byte, 1) > 0)
    return G_SOURCE_CONTINUE;
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

int
main (int   argc,
      char *argv[])
{
  gboolean done = FALSE;

  if (argc != 2 || !gtk_init_check ())
    {
      g_printerr ("usage: copy-elsewhere TEXT, with a display\n");
      return 2;
    }

  gdk_clipboard_set_text (gdk_display_get_clipboard (gdk_display_get_default ()), argv[1]);
  g_print ("copied\n");
  fflush (stdout);

  g_unix_fd_add (STDIN_FILENO, G_IO_IN | G_IO_HUP | G_IO_ERR, input_closed_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  return 0;
}
