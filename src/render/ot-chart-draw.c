/* ot-chart-draw.c: the side-effect chart's drawing step
 *
 * Paints what ot-chart-layout.c placed; nothing here measures text, so
 * a redraw is cheap.  Bars and hairlines land on whole device pixels so
 * the chart stays sharp at any scale; every column has a colour and a
 * pattern of its own, so no figure is told apart by colour alone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ot-chart"

#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>

#include "ot-chart-private.h"

typedef struct
{
  cairo_t       *cr;
  OtChartLayout *layout;
  const OtStyle *style;
  double         em;
  gboolean       snap;
  double         factor;    /* device pixels per device unit of the cairo_t */
  double         pixel;     /* one device pixel, in user units */
  double         hairline;  /* the style's line width on whole pixels */
  gboolean       opaque;    /* whether the background is */
  OtColor        band;      /* an avoided row's band: opaque on an opaque background */
} Painter;

static OtColor over_opaque (const OtColor *over,
                            const OtColor *under);

static void
painter_init (Painter       *p,
              cairo_t       *cr,
              OtChartLayout *layout,
              double         pixel_scale)
{
  cairo_surface_t *target = cairo_get_target (cr);
  cairo_surface_type_t type = cairo_surface_get_type (target);
  double dx = 1, dy = 0, sx = 1, sy = 1, matrix, total;

  p->cr = cr;
  p->layout = layout;
  p->style = layout->style;
  p->em = layout->em;

  cairo_user_to_device_distance (cr, &dx, &dy);
  matrix = hypot (dx, dy);
  cairo_surface_get_device_scale (target, &sx, &sy);
  total = pixel_scale > 0 ? pixel_scale : matrix * sx;

  /* Vector output has no pixels to land on; a recording surface has them
   * only once it is replayed, at a scale the caller must tell. */
  p->snap = type == CAIRO_SURFACE_TYPE_IMAGE || type == CAIRO_SURFACE_TYPE_XLIB
            || type == CAIRO_SURFACE_TYPE_XCB || type == CAIRO_SURFACE_TYPE_WIN32
            || type == CAIRO_SURFACE_TYPE_QUARTZ || pixel_scale > 0;
  p->factor = matrix > 0 ? total / matrix : 1;
  p->pixel = total > 0 ? 1 / total : 1;
  p->hairline = p->style->line_width;
  if (p->snap)
    p->hairline = MAX (1, round (p->style->line_width * total)) * p->pixel;
  p->opaque = p->style->background.alpha >= 1;
  p->band = p->opaque ? over_opaque (&p->style->highlight, &p->style->background) : p->style->highlight;
}

/* @value (user units, along x or y) moved to the nearest pixel edge. */
static double
snap_x (Painter *p,
        double   x)
{
  double y = 0;

  if (!p->snap)
    return x;
  cairo_user_to_device (p->cr, &x, &y);
  x = round (x * p->factor) / p->factor;
  cairo_device_to_user (p->cr, &x, &y);
  return x;
}

static double
snap_y (Painter *p,
        double   y)
{
  double x = 0;

  if (!p->snap)
    return y;
  cairo_user_to_device (p->cr, &x, &y);
  y = round (y * p->factor) / p->factor;
  cairo_device_to_user (p->cr, &x, &y);
  return y;
}

/* A rectangle whose four edges sit on pixel edges. */
static void
snapped_rectangle (Painter *p,
                   double   x,
                   double   y,
                   double   width,
                   double   height)
{
  double x0 = snap_x (p, x), y0 = snap_y (p, y);
  double x1 = snap_x (p, x + width), y1 = snap_y (p, y + height);

  cairo_rectangle (p->cr, x0, y0, x1 - x0, y1 - y0);
}

/* A horizontal hairline whose pixels are fully covered. */
static void
hairline_h (Painter       *p,
            double         x0,
            double         x1,
            double         y,
            const OtColor *color)
{
  snapped_rectangle (p, x0, y - p->hairline / 2, x1 - x0, p->hairline);
  ot_style_set_source (p->cr, color);
  cairo_fill (p->cr);
}

static OtColor
with_alpha (const OtColor *color,
            double         alpha)
{
  return (OtColor) { color->red, color->green, color->blue, color->alpha * alpha };
}

/* @over painted on opaque @under, as one opaque colour: filling with it
 * is a plain fill, where blending a translucent colour over a large area
 * reads and writes every pixel. */
static OtColor
over_opaque (const OtColor *over,
             const OtColor *under)
{
  OtColor color = ot_style_mix (under, &(OtColor) { over->red, over->green, over->blue, 1 }, over->alpha);

  color.alpha = 1;
  return color;
}

static void
show_text (Painter       *p,
           PangoLayout   *text,
           double         x,
           double         y,
           const OtColor *color)
{
  ot_style_set_source (p->cr, color);
  cairo_move_to (p->cr, x, y);
  pango_cairo_show_layout (p->cr, text);
}

static void
rounded_rectangle (cairo_t *cr,
                   double   x,
                   double   y,
                   double   width,
                   double   height,
                   double   radius)
{
  radius = MIN (radius, MIN (width, height) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* The second channel: column 0 solid, 1 stripes, 2 dots, 3 cross-hatch,
 * in the background colour over the bar.  Each pattern repeats every
 * @step, and is drawn with @ink in a box of that size at @scale units
 * to the ... unit of the target (pixels for a tile, user units on paper). */
static double
pattern_step (guint column)
{
  switch (column % OT_N_SERIES)
    {
    case 1: return 0.42;
    case 2: return 0.4;
    default: return 0.55;
    }
}

/* Adds one period of a pattern, in a box @size across, to the path: dots
 * to fill, or lines to stroke (returned %TRUE) that continue across the
 * box's edges so that periods side by side join up. */
static gboolean
pattern_period (cairo_t *cr,
                guint    column,
                double   em,
                double   x,
                double   y,
                double   size)
{
  if (column % OT_N_SERIES == 2)
    {
      cairo_new_sub_path (cr);
      cairo_arc (cr, x + size / 2, y + size / 2, 0.11 * em, 0, 2 * G_PI);
      return FALSE;
    }

  cairo_set_line_width (cr, (column % OT_N_SERIES == 1 ? 0.14 : 0.09) * em);
  for (int k = -1; k <= 1; k++)
    {
      cairo_move_to (cr, x + k * size, y + size);
      cairo_line_to (cr, x + (k + 1) * size, y);
      if (column % OT_N_SERIES == 3)
        {
          cairo_move_to (cr, x + k * size, y);
          cairo_line_to (cr, x + (k + 1) * size, y + size);
        }
    }
  return TRUE;
}

/* On pixels, a pattern is a small tile painted once per bar: stroking
 * each stripe of a long bar costs more than the rest of the chart. */
static cairo_pattern_t *
get_tile (Painter *p,
          guint    column)
{
  OtChartLayout *layout = p->layout;
  double total = 1 / p->pixel;
  int size = MAX (3, (int) round (pattern_step (column) * p->em * total));
  cairo_surface_t *surface;
  cairo_t *cr;
  OtColor ink = with_alpha (&p->style->background, 0.6);

  if (layout->tile_scale != total)
    {
      for (guint i = 0; i < OT_N_SERIES; i++)
        g_clear_pointer (&layout->tiles[i], cairo_pattern_destroy);
      layout->tile_scale = total;
    }
  if (layout->tiles[column % OT_N_SERIES] != NULL)
    return layout->tiles[column % OT_N_SERIES];

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
  cr = cairo_create (surface);
  ot_style_set_source (cr, &ink);
  cairo_rectangle (cr, 0, 0, size, size);
  cairo_clip (cr);
  if (pattern_period (cr, column, p->em * total, 0, 0, size))
    cairo_stroke (cr);
  else
    cairo_fill (cr);
  cairo_destroy (cr);

  layout->tiles[column % OT_N_SERIES] = cairo_pattern_create_for_surface (surface);
  cairo_pattern_set_extend (layout->tiles[column % OT_N_SERIES], CAIRO_EXTEND_REPEAT);
  cairo_surface_destroy (surface);

  return layout->tiles[column % OT_N_SERIES];
}

/* Patterns line up with @origin_x, @origin_y, so that bars in one column
 * show the same texture. */
static void
draw_pattern (Painter *p,
              guint    column,
              double   origin_x,
              double   origin_y,
              double   x,
              double   y,
              double   width,
              double   height)
{
  cairo_t *cr = p->cr;
  OtColor ink = with_alpha (&p->style->background, 0.6);
  double step = pattern_step (column) * p->em;

  if (column % OT_N_SERIES == 0 || width <= 0)
    return;

  cairo_save (cr);
  cairo_rectangle (cr, x, y, width, height);

  if (p->snap)
    {
      cairo_pattern_t *tile = get_tile (p, column);
      cairo_matrix_t matrix;

      cairo_matrix_init_scale (&matrix, 1 / p->pixel, 1 / p->pixel);
      cairo_matrix_translate (&matrix, -origin_x, -origin_y);
      cairo_pattern_set_matrix (tile, &matrix);
      cairo_set_source (cr, tile);
      cairo_fill (cr);
    }
  else
    {
      /* On paper, real paths, sharp at any zoom; one stroke for all, so
       * that the lines where periods join are not inked twice. */
      gboolean stroke = FALSE;

      cairo_clip (cr);
      ot_style_set_source (cr, &ink);
      for (double ty = origin_y + floor ((y - origin_y) / step) * step; ty < y + height; ty += step)
        for (double tx = origin_x + floor ((x - origin_x) / step) * step; tx < x + width; tx += step)
          stroke = pattern_period (cr, column, p->em, tx, ty, step);
      if (stroke)
        cairo_stroke (cr);
      else
        cairo_fill (cr);
    }

  cairo_restore (cr);
}

static void
draw_swatch (Painter *p,
             guint    column,
             double   x,
             double   y,
             double   size)
{
  const OtColor *series = &p->style->series[column % OT_N_SERIES];
  OtColor edge = ot_style_get_serious (p->style, column);

  snapped_rectangle (p, x, y, size, size);
  ot_style_set_source (p->cr, series);
  cairo_fill (p->cr);
  draw_pattern (p, column, snap_x (p, x), snap_y (p, y), x, y, size, size);
  cairo_set_line_width (p->cr, p->hairline);
  cairo_rectangle (p->cr, snap_x (p, x) + p->hairline / 2, snap_y (p, y) + p->hairline / 2,
                   snap_x (p, x + size) - snap_x (p, x) - p->hairline,
                   snap_y (p, y + size) - snap_y (p, y) - p->hairline);
  ot_style_set_source (p->cr, &edge);
  cairo_stroke (p->cr);
}

/* The range: a thin line with end caps, over a halo so it reads on the
 * bar and on the empty track alike. */
static void
draw_whisker (Painter *p,
              double   x0,
              double   x1,
              double   cy,
              double   cap)
{
  cairo_t *cr = p->cr;
  double width = MAX (p->hairline, 0.1 * p->em);

  x0 = snap_x (p, x0);
  x1 = snap_x (p, x1);
  for (int pass = 0; pass < 2; pass++)
    {
      cairo_set_line_width (cr, pass == 0 ? width + 2 * p->pixel * 1.5 : width);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
      cairo_move_to (cr, x0, cy);
      cairo_line_to (cr, x1, cy);
      cairo_move_to (cr, x0, cy - cap / 2);
      cairo_line_to (cr, x0, cy + cap / 2);
      cairo_move_to (cr, x1, cy - cap / 2);
      cairo_line_to (cr, x1, cy + cap / 2);
      ot_style_set_source (cr, pass == 0 ? &p->style->background : &p->style->foreground);
      cairo_stroke (cr);
    }
}

/* @under: (nullable): the opaque colour the track lies on, if known */
static void
draw_track (Painter                 *p,
            const cairo_rectangle_t *track,
            const OtColor           *under)
{
  const OtStyle *style = p->style;
  gboolean solid_grid = style->grid.alpha >= 1;
  OtColor fill = solid_grid ? style->background
                            : under != NULL ? over_opaque (&style->grid, under) : style->grid;

  snapped_rectangle (p, track->x, track->y, track->width, track->height);
  ot_style_set_source (p->cr, &fill);
  cairo_fill (p->cr);

  /* A tick at 50 helps to read a length against the scale. */
  snapped_rectangle (p, track->x + track->width / 2 - p->hairline / 2, track->y,
                     p->hairline, track->height);
  ot_style_set_source (p->cr, solid_grid ? &style->grid : &style->background);
  cairo_fill (p->cr);

  if (solid_grid)
    {
      cairo_set_line_width (p->cr, p->hairline);
      cairo_rectangle (p->cr, snap_x (p, track->x) + p->hairline / 2, snap_y (p, track->y) + p->hairline / 2,
                       snap_x (p, track->x + track->width) - snap_x (p, track->x) - p->hairline,
                       snap_y (p, track->y + track->height) - snap_y (p, track->y) - p->hairline);
      ot_style_set_source (p->cr, &style->grid);
      cairo_stroke (p->cr);
    }
}

/* A bar of at least two pixels for anything above zero: "fewer than 1 in
 * 100" is not nothing. */
static double
bar_length (Painter *p,
            double   track_width,
            double   value)
{
  double length = track_width * CLAMP (value, 0, 100) / 100.0;

  if (value > 0)
    length = MAX (length, 2 * p->pixel);
  return length;
}

/* Fills @length of @track in @color, its first @dark_length in @dark,
 * with @column's pattern (none for -1), outlined so that its end shows
 * where it meets the track. */
static void
fill_bar (Painter                 *p,
          const cairo_rectangle_t *track,
          const OtColor           *color,
          const OtColor           *dark,
          double                   length,
          double                   dark_length,
          int                      column)
{
  double end = MAX (length, dark_length);
  double x0 = snap_x (p, track->x), y0 = snap_y (p, track->y);
  double y1 = snap_y (p, track->y + track->height);

  if (end <= 0)
    return;

  snapped_rectangle (p, track->x, track->y, length, track->height);
  ot_style_set_source (p->cr, color);
  cairo_fill (p->cr);
  snapped_rectangle (p, track->x, track->y, dark_length, track->height);
  ot_style_set_source (p->cr, dark);
  cairo_fill (p->cr);
  if (column >= 0)
    draw_pattern (p, column, x0, y0, x0, y0, snap_x (p, track->x + end) - x0, y1 - y0);

  if (snap_x (p, track->x + end) - x0 > 2 * p->hairline)
    {
      cairo_set_line_width (p->cr, p->hairline);
      cairo_rectangle (p->cr, x0 + p->hairline / 2, y0 + p->hairline / 2,
                       snap_x (p, track->x + end) - x0 - p->hairline, y1 - y0 - p->hairline);
      ot_style_set_source (p->cr, dark);
      cairo_stroke (p->cr);
    }
}

/* A figure that leaves out mild cases: a dashed outline with no fill, so it
 * never reads as a bar of the same kind as the all-cases bars beside it. */
static void
draw_moderate_bar (Painter                 *p,
                   const cairo_rectangle_t *track,
                   double                   length,
                   const OtColor           *color)
{
  double dash = 3 * p->hairline;

  if (length <= 0)
    return;
  cairo_save (p->cr);
  cairo_set_line_width (p->cr, 2 * p->hairline);
  cairo_set_dash (p->cr, &dash, 1, 0);
  cairo_rectangle (p->cr, snap_x (p, track->x) + p->hairline, snap_y (p, track->y) + p->hairline,
                   MAX (snap_x (p, track->x + length) - snap_x (p, track->x) - 2 * p->hairline, p->hairline),
                   snap_y (p, track->y + track->height) - snap_y (p, track->y) - 2 * p->hairline);
  ot_style_set_source (p->cr, color);
  cairo_stroke (p->cr);
  cairo_restore (p->cr);
}

static void
draw_bar (Painter              *p,
          const OtChartCellBox *cell,
          guint                 column,
          const OtColor        *under)
{
  const OtFrequency *f = cell->frequency;
  const cairo_rectangle_t *track = &cell->track;
  const OtColor *series = &p->style->series[column % OT_N_SERIES];
  OtColor dark = ot_style_get_serious (p->style, column);
  double any = cell->kind == OT_CHART_CELL_COUNT ? bar_length (p, track->width, f->count) : 0;
  double severe = f->serious >= 0 ? bar_length (p, track->width, f->serious) : 0;

  draw_track (p, track, under);

  if (cell->kind == OT_CHART_CELL_MODERATE_UP)
    {
      draw_moderate_bar (p, track, bar_length (p, track->width, f->count), &dark);
      if (severe > 0)
        {
          snapped_rectangle (p, track->x, track->y, severe, track->height);
          ot_style_set_source (p->cr, &dark);
          cairo_fill (p->cr);
        }
      return;
    }

  fill_bar (p, track, series, &dark, any, severe, column);

  if (cell->kind == OT_CHART_CELL_COUNT && (f->low >= 0 || f->high >= 0))
    {
      double low = f->low >= 0 ? f->low : f->count;
      double high = f->high >= 0 ? f->high : f->count;

      if (fabs (high - low) >= 0.5)
        draw_whisker (p, track->x + track->width * CLAMP (low, 0, 100) / 100,
                      track->x + track->width * CLAMP (high, 0, 100) / 100,
                      snap_y (p, track->y + track->height / 2), track->height * 0.75);
    }
}

/* The comparison group's bar: pale grey in a dark outline, so it is never
 * taken for a column, nor for the legend's plain bar. */
static void
comparator_colors (const OtStyle *style,
                   OtColor       *fill,
                   OtColor       *edge)
{
  *fill = with_alpha (&style->foreground, 0.12);
  *edge = with_alpha (&style->foreground, 0.7);
}

static void
draw_benefits (Painter *p)
{
  OtChartLayout *layout = p->layout;
  const OtStyle *style = p->style;
  double left = layout->margin, right = layout->width - layout->margin;
  double label_x = left + OT_CHART_MARKER_ROOM * p->em;
  OtColor grey, grey_edge;
  const OtColor *under = p->opaque ? &style->background : NULL;

  if (layout->benefits->len == 0)
    return;

  comparator_colors (style, &grey, &grey_edge);
  show_text (p, layout->benefit_heading, label_x, layout->benefit_heading_y, &style->foreground);

  for (guint i = 0; i < layout->benefits->len; i++)
    {
      const OtChartBenefit *benefit = &g_array_index (layout->benefits, OtChartBenefit, i);
      const OtOutcome *outcome = benefit->outcome;
      const OtColor *series = &style->series[benefit->column % OT_N_SERIES];
      OtColor dark = ot_style_get_serious (style, benefit->column);

      hairline_h (p, left, right, benefit->y, &style->grid);
      show_text (p, benefit->label, label_x, benefit->label_y, &style->foreground);

      draw_track (p, &benefit->track, under);
      fill_bar (p, &benefit->track, series, &dark, bar_length (p, benefit->track.width, outcome->count), 0,
                benefit->column);
      show_text (p, benefit->text, benefit->text_x, benefit->text_y, &style->foreground);

      if (benefit->comparator_track.width > 0)
        {
          draw_track (p, &benefit->comparator_track, under);
          fill_bar (p, &benefit->comparator_track, &grey, &grey_edge,
                    bar_length (p, benefit->comparator_track.width, outcome->comparator_count), 0, -1);
        }
      show_text (p, benefit->comparator,
                 benefit->comparator_track.width > 0 ? benefit->text_x : benefit->track.x,
                 benefit->comparator_y, &style->foreground);
      show_text (p, benefit->about, benefit->track.x, benefit->about_y, &style->secondary);
    }

  hairline_h (p, left, right, layout->benefits_bottom, &style->grid);
}

static void
draw_header (Painter *p)
{
  OtChartLayout *layout = p->layout;
  const OtStyle *style = p->style;
  double em = p->em;

  if (layout->corner != NULL)
    show_text (p, layout->corner, layout->margin + OT_CHART_MARKER_ROOM * em,
               layout->header_y + layout->header_height - ot_chart_text_height (layout->corner),
               &style->foreground);

  for (guint j = 0; j < layout->columns->len; j++)
    {
      const OtChartColumn *column = &g_array_index (layout->columns, OtChartColumn, j);
      double baseline = pango_layout_get_baseline (column->header) / (double) PANGO_SCALE;
      double swatch = OT_CHART_SWATCH * em;

      draw_swatch (p, j, column->header_x, column->header_y + baseline - 0.85 * swatch, swatch);
      show_text (p, column->header, column->header_x + swatch + 0.4 * em, column->header_y,
                 &style->foreground);

      /* A compact chart's tracks all line up: one scale is enough. */
      if (j == 0 || !layout->compact)
        {
          show_text (p, layout->axis_zero, column->x, layout->axis_y, &style->secondary);
          show_text (p, layout->axis_hundred,
                     column->x + layout->track_width - ot_chart_text_width (layout->axis_hundred),
                     layout->axis_y, &style->secondary);
        }
    }

  hairline_h (p, layout->margin, layout->width - layout->margin, layout->body_y, &style->grid);
}

/* The avoided rows: a band in the highlight colour and a marker at its
 * start, so the highlight is not told by colour alone; the tag says it
 * in words.  The bands go down first, before any hairline: on an opaque
 * background they are opaque too (the highlight over the background),
 * which makes them plain fills, and a hairline then lies on them rather
 * than under them.  Adds the bands to the path; FALSE when there are none. */
static gboolean
add_bands (Painter *p)
{
  OtChartLayout *layout = p->layout;
  double left = layout->margin, right = layout->width - layout->margin;
  gboolean any = FALSE;

  for (guint i = 0; i < layout->rows->len; i++)
    {
      const OtChartRow *row = &g_array_index (layout->rows, OtChartRow, i);

      if (row->avoided)
        snapped_rectangle (p, left, row->y, right - left, row->height);
      any |= row->avoided;
    }
  return any;
}

static void
draw_bands (Painter *p)
{
  add_bands (p);
  ot_style_set_source (p->cr, &p->band);
  cairo_fill (p->cr);
}

/* The background, within the chart's clip.  On pixels, not under opaque
 * bands, which cover what is under them whole: at 2× on a large screen,
 * writing the pixels is most of a frame, and writing them twice is waste.
 * The holes lie on whole pixels and the clip's own edges are kept, so the
 * result is the same as painting everything. */
static void
paint_background (Painter *p)
{
  OtChartLayout *layout = p->layout;
  cairo_t *cr = p->cr;

  cairo_save (cr);
  if (p->snap && p->opaque)
    {
      /* Beyond the chart on every side: only the clip makes its edges. */
      snapped_rectangle (p, -p->em, -p->em, layout->width + 2 * p->em, layout->height + 2 * p->em);
      if (add_bands (p))
        {
          cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
          cairo_clip (cr);
        }
      cairo_new_path (cr);
    }
  ot_style_set_source (cr, &p->style->background);
  cairo_paint (cr);
  cairo_restore (cr);
}

/* The opaque colour a row's cells lie on; FALSE when it is not known. */
static gboolean
row_underlay (Painter          *p,
              const OtChartRow *row,
              OtColor          *color)
{
  if (!p->opaque)
    return FALSE;
  *color = row->avoided ? p->band : p->style->background;
  return TRUE;
}

static void
draw_row (Painter          *p,
          const OtChartRow *row,
          gboolean          last)
{
  OtChartLayout *layout = p->layout;
  const OtStyle *style = p->style;
  double em = p->em;
  double left = layout->margin, right = layout->width - layout->margin;

  if (row->avoided)
    {
      snapped_rectangle (p, left + 0.15 * em, row->y + 0.3 * em, 0.28 * em, row->height - 0.6 * em);
      ot_style_set_source (p->cr, &style->foreground);
      cairo_fill (p->cr);
    }

  show_text (p, row->label, left + OT_CHART_MARKER_ROOM * em, row->label_y, &style->foreground);
  if (row->tag != NULL)
    show_text (p, row->tag, left + OT_CHART_MARKER_ROOM * em,
               row->label_y + ot_chart_text_height (row->label), &style->foreground);

  if (!last)
    hairline_h (p, left, right, row->y + row->height, &style->grid);
}

static gboolean
cell_is (const OtChartFocus *focus,
         const OtChartCell  *which,
         guint               row,
         guint               column)
{
  return focus != NULL && which->row == (int) row && which->column == (int) column;
}

/* @under: (nullable): the opaque colour of the cell's row */
static void
draw_cell (Painter              *p,
           const OtChartCellBox *cell,
           guint                 column,
           gboolean              selected,
           const OtColor        *under)
{
  const OtStyle *style = p->style;
  double em = p->em;
  const cairo_rectangle_t *area = &cell->area;
  double inset = 0.15 * em;

  if (selected)
    {
      OtColor tint = with_alpha (&style->focus, 0.16);

      rounded_rectangle (p->cr, area->x + inset, area->y + inset,
                         area->width - 2 * inset, area->height - 2 * inset, 0.35 * em);
      ot_style_set_source (p->cr, &tint);
      cairo_fill (p->cr);
    }

  /* In a compact chart the swatch names the treatment of each line. */
  if (p->layout->compact)
    {
      double size = OT_CHART_SUB_SWATCH * em;
      double line = cell->track.width > 0 ? cell->track.y + cell->track.height / 2
                                           : cell->text_y + 0.7 * em;

      draw_swatch (p, column, p->layout->margin + OT_CHART_MARKER_ROOM * em, line - size / 2, size);
    }

  if (cell->track.width > 0)
    draw_bar (p, cell, column, selected ? NULL : under);

  show_text (p, cell->text, cell->text_x, cell->text_y,
             cell->kind == OT_CHART_CELL_NOT_REPORTED ? &style->secondary : &style->foreground);
  if (cell->detail != NULL)
    show_text (p, cell->detail, cell->detail_x, cell->detail_y, &style->foreground);
}

static void
draw_legend_symbol (Painter                 *p,
                    const OtChartLegendItem *item)
{
  const OtStyle *style = p->style;
  double em = p->em;
  double width = 2.2 * em, height = p->layout->bar_height;
  double x = item->x, y = item->y + (item->height - height) / 2;
  OtColor light = with_alpha (&style->foreground, 0.35);
  OtColor dark = with_alpha (&style->foreground, 0.85);

  switch (item->symbol)
    {
    case OT_CHART_SYMBOL_BAR:
      snapped_rectangle (p, x, y, width, height);
      ot_style_set_source (p->cr, &light);
      cairo_fill (p->cr);
      break;

    case OT_CHART_SYMBOL_SERIOUS:
      snapped_rectangle (p, x, y, width, height);
      ot_style_set_source (p->cr, &light);
      cairo_fill (p->cr);
      snapped_rectangle (p, x, y, width * 0.45, height);
      ot_style_set_source (p->cr, &dark);
      cairo_fill (p->cr);
      break;

    case OT_CHART_SYMBOL_MODERATE:
      {
        cairo_rectangle_t box = { x, y, width, height };

        draw_moderate_bar (p, &box, width, &dark);
      }
      break;

    case OT_CHART_SYMBOL_RANGE:
      draw_whisker (p, x + 0.2 * em, x + width - 0.2 * em, snap_y (p, y + height / 2), height * 0.75);
      break;

    case OT_CHART_SYMBOL_COMPARATOR:
      {
        cairo_rectangle_t track = { x, y, width, height };
        OtColor fill, edge;

        comparator_colors (style, &fill, &edge);
        fill_bar (p, &track, &fill, &edge, width, 0, -1);
      }
      break;

    case OT_CHART_SYMBOL_AVOID:
    default:
      snapped_rectangle (p, x, item->y, width, item->height);
      ot_style_set_source (p->cr, &style->highlight);
      cairo_fill (p->cr);
      snapped_rectangle (p, x + 0.15 * em, item->y + 0.15 * em, 0.28 * em, item->height - 0.3 * em);
      ot_style_set_source (p->cr, &style->foreground);
      cairo_fill (p->cr);
      break;
    }
}

static void
draw_empty (Painter *p)
{
  OtChartLayout *layout = p->layout;
  double width = ot_chart_text_width (layout->empty);
  double box = pango_layout_get_width (layout->empty) / (double) PANGO_SCALE;

  /* Centred text in a layout of width @box; centre the box in the chart. */
  show_text (p, layout->empty, (layout->width - MAX (box, width)) / 2, layout->empty_y,
             &p->style->foreground);
}

/**
 * ot_chart_draw:
 * @cr: where to draw: a widget, a printed page, a PDF, an image
 * @layout: the chart, laid out for the width to draw at
 * @focus: (nullable): the cell with the focus ring and the selected cell
 *
 * Paints the chart with its top left corner at the origin of @cr, over
 * exactly (0, 0, width, height) of @layout, background included; nothing
 * is drawn outside that area.
 */
void
ot_chart_draw (cairo_t            *cr,
               OtChartLayout      *layout,
               const OtChartFocus *focus)
{
  Painter p;
  guint n_columns;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (layout != NULL);

  painter_init (&p, cr, layout, focus ? focus->pixel_scale : 0);
  n_columns = layout->columns->len;

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, layout->width, layout->height);
  cairo_clip (cr);
  paint_background (&p);

  if (layout->empty != NULL)
    {
      draw_empty (&p);
      cairo_restore (cr);
      return;
    }

  draw_bands (&p);
  draw_header (&p);

  for (guint i = 0; i < layout->rows->len; i++)
    {
      const OtChartRow *row = &g_array_index (layout->rows, OtChartRow, i);
      OtColor under;
      gboolean known = row_underlay (&p, row, &under);

      draw_row (&p, row, i + 1 == layout->rows->len);
      for (guint j = 0; j < n_columns; j++)
        draw_cell (&p, &layout->cells[i * n_columns + j], j,
                   focus != NULL && cell_is (focus, &focus->selected, i, j), known ? &under : NULL);
    }

  hairline_h (&p, layout->margin, layout->width - layout->margin, layout->body_bottom, &layout->style->grid);
  draw_benefits (&p);

  /* The ring last, so no neighbour paints over it. */
  if (focus != NULL && focus->cursor.row >= 0 && focus->cursor.column >= 0
      && focus->cursor.row < (int) layout->rows->len && focus->cursor.column < (int) n_columns)
    {
      const OtChartCellBox *cell = &layout->cells[focus->cursor.row * n_columns + focus->cursor.column];
      cairo_rectangle_t area = cell->area;
      double inset = 0.15 * p.em, width = 2 * MAX (layout->style->line_width, 1.0);

      cairo_set_line_width (cr, width);
      rounded_rectangle (cr, area.x + inset + width / 2, area.y + inset + width / 2,
                         area.width - 2 * inset - width, area.height - 2 * inset - width, 0.35 * p.em);
      ot_style_set_source (cr, &layout->style->focus);
      cairo_stroke (cr);
    }

  for (guint i = 0; i < layout->legend->len; i++)
    {
      const OtChartLegendItem *item = &g_array_index (layout->legend, OtChartLegendItem, i);

      draw_legend_symbol (&p, item);
      show_text (&p, item->text, item->x + 2.8 * p.em,
                 item->y + (item->height - ot_chart_text_height (item->text)) / 2, &layout->style->foreground);
    }

  show_text (&p, layout->notes, layout->margin, layout->notes_y, &layout->style->secondary);

  cairo_restore (cr);
}
