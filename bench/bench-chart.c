/* bench-chart.c: how long a full redraw of the side-effect chart takes
 *
 * Lays out and draws the chart for four treatments (two of them avoided
 * effects) on an image surface, again and again, and prints the medians:
 * wall-clock time, and the thread's CPU time, which other processes on a
 * busy machine do not inflate; then the best (shortest) wall-clock times,
 * the least disturbed by a loaded machine.  A new layout takes the texts the last one
 * shaped (ot-chart-cache.c), as the widget's does when the person changes
 * what they compare; "cold layout" is a layout that must shape them all
 * again, as after a change of font or resolution.  Run by hand, on a release build:
 *   meson setup _build-bench --buildtype=release && ninja -C _build-bench bench/bench-chart
 *   _build-bench/bench/bench-chart [N [SIZE [PNG]]]
 * N draws per size (200); SIZE, one row only ("3840x2160@2"), for a
 * profiler; PNG, where to write that row's last frame, to look at.
 * Instructions per draw, which a loaded machine does not change, are the
 * Ir count of
 *   valgrind --tool=callgrind --toggle-collect=ot_chart_draw \
 *     _build-bench/bench/bench-chart N 3840x2160@2
 * divided by the 10 + 2 N draws it makes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <pango/pangocairo.h>
#include <stdlib.h>
#include <time.h>

#include "ot-chart.h"

typedef struct
{
  const char *name;
  int         width;       /* device pixels */
  int         height;
  double      scale;       /* device pixels per unit: 2 on a HiDPI screen */
} Size;

/* Microseconds of CPU time this thread has used. */
static gint64
cpu_time (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return now.tv_sec * G_GINT64_CONSTANT (1000000) + now.tv_nsec / 1000;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (GArray *times)
{
  g_array_sort (times, compare_double);
  return g_array_index (times, double, times->len / 2);
}

static double
best (GArray *times)
{
  g_array_sort (times, compare_double);
  return g_array_index (times, double, 0);
}

int
main (int   argc,
      char *argv[])
{
  static const char * const treatments[] = { "folfox", "anti-egfr", "trifluridine-tipiracil", "anti-vegf", NULL };
  static const char * const avoid[] = { "diarrhea", "neuropathy", NULL };
  static const Size sizes[] = {
    { "1280x800", 1280, 800, 1 },
    { "3840x2160", 3840, 2160, 1 },
    { "3840x2160@2", 3840, 2160, 2 },
  };
  guint n = argc > 1 ? (guint) atoi (argv[1]) : 200;
  const char *only = argc > 2 ? argv[2] : NULL;
  const char *png = argc > 3 ? argv[3] : NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(OtContent) content = ot_content_new_default (&error);
  g_autoptr(OtWorksheet) worksheet = ot_worksheet_new ();
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans 11");

  g_assert_no_error (error);
  ot_worksheet_set_compared_treatments (worksheet, treatments);
  ot_worksheet_set_avoid_effects (worksheet, avoid);
  pango_context_set_font_description (context, font);

  g_print ("%-12s %6s %6s %12s %12s %12s %12s %12s %12s %12s %12s\n", "size", "width", "height",
           "layout+draw", "(cpu)", "draw only", "(cpu)", "layout only", "cold layout",
           "best l+d", "best draw");

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, sizes[s].width, sizes[s].height);
      g_autoptr(GArray) full = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) full_cpu = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) draw = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) draw_cpu = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) layout_only = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) cold = g_array_new (FALSE, FALSE, sizeof (double));
      double width = sizes[s].width / sizes[s].scale;
      double height = 0;

      if (only != NULL && g_strcmp0 (only, sizes[s].name) != 0)
        {
          cairo_surface_destroy (surface);
          continue;
        }
      cairo_surface_set_device_scale (surface, sizes[s].scale, sizes[s].scale);

      /* Warm up the font and glyph caches, as a running app has them. */
      for (guint i = 0; i < 10; i++)
        {
          g_autoptr(OtChartLayout) layout = ot_chart_layout_new (content, worksheet, context,
                                                                 ot_style_get (OT_STYLE_LIGHT), 1.0, width);
          cairo_t *cr = cairo_create (surface);

          ot_chart_draw (cr, layout, NULL);
          cairo_destroy (cr);
        }

      for (guint i = 0; i < n; i++)
        {
          gint64 start = g_get_monotonic_time ();
          gint64 start_cpu = cpu_time ();
          g_autoptr(OtChartLayout) layout = ot_chart_layout_new (content, worksheet, context,
                                                                 ot_style_get (OT_STYLE_LIGHT), 1.0, width);
          gint64 laid_out = g_get_monotonic_time ();
          cairo_t *cr = cairo_create (surface);
          OtChartFocus focus = { { 1, 1 }, { 2, 0 }, 0 };
          double time;

          ot_chart_draw (cr, layout, &focus);
          cairo_destroy (cr);
          cairo_surface_flush (surface);
          time = (g_get_monotonic_time () - start) / 1000.0;
          g_array_append_val (full, time);
          time = (cpu_time () - start_cpu) / 1000.0;
          g_array_append_val (full_cpu, time);
          time = (laid_out - start) / 1000.0;
          g_array_append_val (layout_only, time);
          height = ot_chart_layout_get_height (layout);
        }

      /* What the widget does on a redraw when nothing changed: draw the
       * layout it kept. */
      {
        g_autoptr(OtChartLayout) layout = ot_chart_layout_new (content, worksheet, context,
                                                               ot_style_get (OT_STYLE_LIGHT), 1.0, width);

        for (guint i = 0; i < n; i++)
          {
            gint64 start = g_get_monotonic_time ();
            gint64 start_cpu = cpu_time ();
            cairo_t *cr = cairo_create (surface);
            double time;

            ot_chart_draw (cr, layout, NULL);
            cairo_destroy (cr);
            cairo_surface_flush (surface);
            time = (g_get_monotonic_time () - start) / 1000.0;
            g_array_append_val (draw, time);
            time = (cpu_time () - start_cpu) / 1000.0;
            g_array_append_val (draw_cpu, time);
          }
      }

      /* Nothing to reuse: the context changed, every text is shaped again. */
      for (guint i = 0; i < n; i++)
        {
          gint64 start;
          double time;

          pango_context_changed (context);
          start = g_get_monotonic_time ();
          ot_chart_layout_unref (ot_chart_layout_new (content, worksheet, context,
                                                      ot_style_get (OT_STYLE_LIGHT), 1.0, width));
          time = (g_get_monotonic_time () - start) / 1000.0;
          g_array_append_val (cold, time);
        }

      g_print ("%-12s %6.0f %6.0f %9.2f ms %9.2f ms %9.2f ms %9.2f ms %9.2f ms %9.2f ms %9.2f ms %9.2f ms\n",
               sizes[s].name, width, height, median (full), median (full_cpu), median (draw), median (draw_cpu),
               median (layout_only), median (cold), best (full), best (draw));

      /* A frame with the focus ring and a selected cell, to look at. */
      if (png != NULL)
        {
          g_autoptr(OtChartLayout) layout = ot_chart_layout_new (content, worksheet, context,
                                                                 ot_style_get (OT_STYLE_LIGHT), 1.0, width);
          cairo_t *cr = cairo_create (surface);
          OtChartFocus focus = { { 1, 1 }, { 2, 0 }, 0 };

          ot_chart_draw (cr, layout, &focus);
          cairo_destroy (cr);
          if (cairo_surface_write_to_png (surface, png) != CAIRO_STATUS_SUCCESS)
            g_printerr ("Could not write %s\n", png);
        }
      cairo_surface_destroy (surface);
    }

  g_object_unref (context);
  return 0;
}
