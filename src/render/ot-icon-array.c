/* ot-icon-array.c: 100 people, some of them filled
 *
 * "About 48 in 100" is easier to grasp as 48 of 100 little people.  The
 * people who get the effect severely are filled first, dark; then the
 * others who get it; always in reading order, so two arrays compare at a
 * glance.  Each figure is rounded to the nearest whole person, and the
 * caption says so.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ot-icon-array"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ot-chart-text.h"
#include "ot-icon-array.h"

/* A person is a little taller than wide. */
#define ICON_ASPECT 1.3

/**
 * ot_icon_array_get_height:
 *
 * Returns: the height of the array drawn @width across
 */
double
ot_icon_array_get_height (double width)
{
  return width / OT_ICON_ARRAY_COLUMNS * ICON_ASPECT * OT_ICON_ARRAY_ROWS;
}

/**
 * ot_icon_array_get_icon_area:
 * @index: 0 to 99, in reading order
 *
 * Where person @index is drawn in an array @width across.
 */
void
ot_icon_array_get_icon_area (double             width,
                             guint              index,
                             cairo_rectangle_t *area)
{
  double size = width / OT_ICON_ARRAY_COLUMNS;

  g_return_if_fail (index < OT_ICON_ARRAY_COLUMNS * OT_ICON_ARRAY_ROWS);
  g_return_if_fail (area != NULL);

  *area = (cairo_rectangle_t) {
    (index % OT_ICON_ARRAY_COLUMNS) * size,
    (index / OT_ICON_ARRAY_COLUMNS) * size * ICON_ASPECT,
    size,
    size * ICON_ASPECT,
  };
}

/**
 * ot_icon_array_get_fill:
 * @count: how many in 100 get the effect; negative when unknown
 * @serious: how many in 100 get it severely; negative when unknown
 *
 * Returns: how person @index is filled: the first ones severe, then the
 *   other ones who get it, then the rest empty
 */
OtIconFill
ot_icon_array_get_fill (double count,
                        double serious,
                        guint  index)
{
  int severe = ot_chart_round_people (serious);
  int any = count >= 0 ? ot_chart_round_people (count) : severe;

  if ((int) index < severe)
    return OT_ICON_SERIOUS;
  if ((int) index < MAX (any, severe))
    return OT_ICON_ANY;
  return OT_ICON_EMPTY;
}

/* A head and shoulders in a box @size wide, from its top left corner. */
static void
person_path (cairo_t *cr,
             double   x,
             double   y,
             double   size)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + 0.5 * size, y + 0.22 * size, 0.155 * size, 0, 2 * G_PI);
  cairo_close_path (cr);
  cairo_move_to (cr, x + 0.19 * size, y + 1.2 * size);
  cairo_line_to (cr, x + 0.19 * size, y + 0.74 * size);
  cairo_arc (cr, x + 0.5 * size, y + 0.74 * size, 0.31 * size, G_PI, 2 * G_PI);
  cairo_line_to (cr, x + 0.81 * size, y + 1.2 * size);
  cairo_close_path (cr);
}

/**
 * ot_icon_array_draw:
 * @series: the chart column the figure comes from, for its colour
 * @width: the width of the array; its height is ot_icon_array_get_height()
 *
 * Draws 100 people in a 10 × 10 grid from the origin of @cr.
 */
void
ot_icon_array_draw (cairo_t       *cr,
                    const OtStyle *style,
                    guint          series,
                    double         width,
                    double         count,
                    double         serious)
{
  const OtColor *any = &style->series[series % OT_N_SERIES];
  OtColor severe, empty;
  gboolean outline = style->grid.alpha >= 1;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (style != NULL);

  severe = ot_style_get_serious (style, series);
  empty = ot_style_mix (&style->background, &style->foreground, 0.16);
  empty.alpha = 1;

  cairo_save (cr);

  /* One path per fill: three fills for the hundred people. */
  for (OtIconFill fill = OT_ICON_EMPTY; fill <= OT_ICON_SERIOUS; fill++)
    {
      for (guint i = 0; i < OT_ICON_ARRAY_COLUMNS * OT_ICON_ARRAY_ROWS; i++)
        {
          cairo_rectangle_t area;

          if (ot_icon_array_get_fill (count, serious, i) != fill)
            continue;
          ot_icon_array_get_icon_area (width, i, &area);
          person_path (cr, area.x, area.y, area.width);
        }

      ot_style_set_source (cr, fill == OT_ICON_SERIOUS ? &severe : fill == OT_ICON_ANY ? any : &empty);
      if (outline && fill == OT_ICON_EMPTY)
        {
          cairo_fill_preserve (cr);
          cairo_set_line_width (cr, style->line_width / 2);
          ot_style_set_source (cr, &style->foreground);
          cairo_stroke (cr);
        }
      else
        {
          cairo_fill (cr);
        }
    }

  cairo_restore (cr);
}

/**
 * ot_icon_array_dup_caption:
 *
 * Returns: what the array shows in words, with the rounding rule, and
 *   "fewer than 1 in 100" where nothing is filled
 */
char *
ot_icon_array_dup_caption (double count,
                           double serious)
{
  g_autoptr(GString) caption = g_string_new (NULL);
  g_autofree char *any_text = count >= 0 ? ot_chart_format_in_100 (count) : NULL;
  g_autofree char *serious_text = serious >= 0 ? ot_chart_format_in_100 (serious) : NULL;
  g_autofree char *any_opening = any_text ? ot_chart_capitalize (any_text) : NULL;
  g_autofree char *serious_opening = serious_text ? ot_chart_capitalize (serious_text) : NULL;

  if (count < 0 && serious < 0)
    return g_strdup (_("There is no reliable figure, so no person is filled."));

  /* Translators: %s is "About 48 in 100" or "Fewer than 1 in 100". */
  if (count >= 0 && ot_chart_round_people (count) == 0)
    g_string_append_printf (caption, _("%s people get it, so no person is filled. "), any_opening);
  else if (count >= 0)
    g_string_append_printf (caption, _("%s people get it: the coloured people. "), any_opening);

  if (serious >= 0 && ot_chart_round_people (serious) == 0)
    g_string_append_printf (caption, _("%s get it severely, so no person is dark. "), serious_opening);
  else if (serious >= 0)
    g_string_append_printf (caption, _("%s get it severely: the dark people. "), serious_opening);

  if (count < 0)
    g_string_append (caption, _("Milder cases were not counted. "));

  g_string_append (caption, _("Each figure is rounded to the nearest whole person."));

  return g_string_free (g_steal_pointer (&caption), FALSE);
}
