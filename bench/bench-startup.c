/* bench-startup.c: from exec to the first frame of the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-startup real      Option Talk's own application and window
 *   bench-startup minimal   a bare AdwApplicationWindow, for comparison
 *
 * Prints CLOCK_MONOTONIC in microseconds when the first frame has been
 * drawn, then quits; bench/run takes the time before exec on the same
 * clock, and the peak memory from the kernel when the process ends.
 */

#include "config.h"

#include <time.h>

#include "ot-application.h"

static void
after_paint_cb (GdkFrameClock *clock,
                GApplication  *app)
{
  struct timespec now;

  clock_gettime (CLOCK_MONOTONIC, &now);
  g_print ("%" G_GINT64_FORMAT "\n", (gint64) now.tv_sec * G_USEC_PER_SEC + now.tv_nsec / 1000);
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, app);
  g_application_quit (app);
}

static void
mapped_cb (GtkWidget    *window,
           GApplication *app)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), app);
}

static void
watch_window (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  /* Presenting may already have mapped it. */
  if (gtk_widget_get_mapped (GTK_WIDGET (window)))
    mapped_cb (GTK_WIDGET (window), app);
  else
    g_signal_connect (window, "map", G_CALLBACK (mapped_cb), app);
}

static void
minimal_activate_cb (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), gtk_label_new ("Option Talk"));
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GApplication) app = NULL;

  if (argc != 2 || (g_strcmp0 (argv[1], "real") != 0 && g_strcmp0 (argv[1], "minimal") != 0))
    {
      g_printerr ("usage: %s real|minimal\n", argv[0]);
      return 2;
    }

  if (g_str_equal (argv[1], "real"))
    {
      app = G_APPLICATION (ot_application_new ());
    }
  else
    {
      app = G_APPLICATION (adw_application_new ("io.github.optiontalk.Minimal", G_APPLICATION_DEFAULT_FLAGS));
      g_signal_connect (app, "activate", G_CALLBACK (minimal_activate_cb), NULL);
    }

  g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (app, "activate", G_CALLBACK (watch_window), NULL);

  return g_application_run (app, 1, argv);
}
