/* ot-summary-grid.c: "My options at a glance", the options side by side
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ot-summary"

#include "config.h"

#include <glib/gi18n.h>

#include "ot-glance.h"
#include "ot-icon-array.h"
#include "ot-summary-private.h"

#define CELL_PAD      3.0
#define ICON_WIDTH    40.0

/* One row of the grid: its title across the page, then a cell per option
 * (with the 100 people of a benefit above its words). */
typedef struct
{
  PangoLayout *title;
  PangoLayout *cells[OT_GLANCE_MAX_OPTIONS];
  double       people[OT_GLANCE_MAX_OPTIONS];   /* in 100 for the picture; < 0: none */
  double       title_height;
  double       height;                /* of the tallest cell */
} GridRow;

typedef struct
{
  const OtStyle *style;
  guint          n_options;
  double         column_width;
  double         icon_width;
  GArray        *rows;                /* of GridRow */
} Grid;

static void
grid_row_clear (gpointer data)
{
  GridRow *row = data;

  g_clear_object (&row->title);
  for (guint i = 0; i < OT_GLANCE_MAX_OPTIONS; i++)
    g_clear_object (&row->cells[i]);
}

static void
grid_free (gpointer data)
{
  Grid *grid = data;

  g_array_unref (grid->rows);
  g_free (grid);
}

static double
layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  if (layout == NULL)
    return 0;
  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.height / PANGO_SCALE;
}

static double
grid_get_height (Grid *grid)
{
  double height = 0;

  for (guint i = 0; i < grid->rows->len; i++)
    {
      const GridRow *row = &g_array_index (grid->rows, GridRow, i);

      height += row->title_height + row->height + 2 * CELL_PAD;
    }
  return height;
}

static void
grid_draw (cairo_t  *cr,
           double    width,
           gpointer  data)
{
  Grid *grid = data;
  double y = 0;

  cairo_save (cr);
  cairo_set_line_width (cr, grid->style->line_width);
  for (guint i = 0; i < grid->rows->len; i++)
    {
      const GridRow *row = &g_array_index (grid->rows, GridRow, i);

      if (row->title != NULL)
        {
          /* The row's name on a light band across every column. */
          ot_style_set_source (cr, &grid->style->grid);
          cairo_rectangle (cr, 0, y, width, row->title_height);
          cairo_fill (cr);
          ot_style_set_source (cr, &grid->style->foreground);
          ot_layout_draw (cr, row->title, CELL_PAD, y + CELL_PAD / 2);
          y += row->title_height;
        }

      for (guint c = 0; c < grid->n_options; c++)
        {
          double x = c * grid->column_width;
          double text_y = y + CELL_PAD;

          if (row->people[c] >= 0)
            {
              cairo_save (cr);
              cairo_translate (cr, x + CELL_PAD, text_y);
              ot_icon_array_draw (cr, grid->style, 0, grid->icon_width, row->people[c], -1);
              cairo_restore (cr);
              text_y += ot_icon_array_get_height (grid->icon_width) + CELL_PAD;
            }
          ot_style_set_source (cr, &grid->style->foreground);
          ot_layout_draw (cr, row->cells[c], x + CELL_PAD, text_y);
          if (c > 0)
            {
              ot_style_set_source (cr, &grid->style->grid);
              cairo_move_to (cr, x, y);
              cairo_line_to (cr, x, y + row->height + 2 * CELL_PAD);
              cairo_stroke (cr);
            }
        }
      y += row->height + 2 * CELL_PAD;
    }
  cairo_restore (cr);
}

/* On paper, a source is cited by its number in the list at the end. */
static char *
cite_by_number (const char * const *sources,
                gpointer            builder)
{
  return ot_summary_cite (builder, sources);
}

static void
grid_add_row (Grid             *grid,
              OtSummaryBuilder *builder,
              const char       *title,
              char            **cells,
              const double     *people)
{
  GridRow row = { 0 };
  double text_width = grid->column_width - 2 * CELL_PAD;

  if (title != NULL)
    {
      g_autofree char *markup = ot_summary_escape (title);

      row.title = ot_flow_create_layout (builder->flow, OT_TEXT_TABLE_HEAD, builder->width - 2 * CELL_PAD, markup);
      row.title_height = layout_height (row.title) + CELL_PAD;
    }
  for (guint c = 0; c < grid->n_options; c++)
    {
      double height;

      row.cells[c] = ot_flow_create_layout (builder->flow, OT_TEXT_TABLE, text_width, cells[c]);
      row.people[c] = people[c];
      height = layout_height (row.cells[c]);
      if (row.people[c] >= 0)
        height += ot_icon_array_get_height (grid->icon_width) + CELL_PAD;
      row.height = MAX (row.height, height);
    }
  g_array_append_val (grid->rows, row);
}

static Grid *
grid_new (OtSummaryBuilder *builder,
          OtGlance         *glance,
          guint             first,
          guint             n_options)
{
  Grid *grid = g_new0 (Grid, 1);
  char *cells[OT_GLANCE_MAX_OPTIONS] = { NULL };
  double people[OT_GLANCE_MAX_OPTIONS];

  grid->style = ot_style_get (OT_STYLE_PRINT);
  grid->n_options = n_options;
  grid->column_width = builder->width / n_options;
  grid->icon_width = MIN (ICON_WIDTH * ot_flow_get_text_scale (builder->flow), grid->column_width - 2 * CELL_PAD);
  grid->rows = g_array_new (FALSE, TRUE, sizeof (GridRow));
  g_array_set_clear_func (grid->rows, grid_row_clear);

  for (OtGlanceRow r = 0; r < OT_GLANCE_N_ROWS; r++)
    {
      if (!ot_glance_has_row (glance, r))
        continue;
      for (guint c = 0; c < n_options; c++)
        cells[c] = ot_glance_dup_cell (glance, first + c, r, &people[c]);
      grid_add_row (grid, builder, ot_glance_row_title (r), cells, people);
      for (guint c = 0; c < n_options; c++)
        g_clear_pointer (&cells[c], g_free);
    }

  return grid;
}

/* Adds the grid of options @first to @first + @n_options, split into
 * pages of fewer options when it is too tall for one (large print). */
static void
add_grids (OtSummaryBuilder *builder,
           OtGlance         *glance,
           guint             first,
           guint             n_options,
           double            room)
{
  Grid *grid = grid_new (builder, glance, first, n_options);
  double height = grid_get_height (grid);
  guint half = (n_options + 1) / 2;

  if (height <= room || n_options == 1)
    {
      ot_flow_add_drawing (builder->flow, MIN (height, builder->height), grid_draw, grid, grid_free);
      return;
    }

  grid_free (grid);
  add_grids (builder, glance, first, half, builder->height);
  ot_flow_break_page (builder->flow);
  add_grids (builder, glance, first + half, n_options - half, builder->height);
}

/**
 * ot_summary_build_grid:
 *
 * "My options at a glance": the options chosen for the visit side by side,
 * the same short rows for each.  Information, never a recommendation.
 */
void
ot_summary_build_grid (OtSummaryBuilder *builder)
{
  g_autoptr(OtGlance) glance = ot_glance_new (builder->content, builder->worksheet, cite_by_number, builder);
  guint n_options = ot_glance_get_n_options (glance);

  if (n_options == 0)
    {
      g_autofree char *none = ot_summary_escape (ot_glance_get_none_text ());

      ot_summary_para (builder, OT_TEXT_BODY, none);
      return;
    }
  /* The title and the line under it take about this much of page 1. */
  add_grids (builder, glance, 0, n_options, builder->height - 60 * ot_flow_get_text_scale (builder->flow));
}

/* Under what matters most: the top values that the options at a glance
 * could not show, since nothing in the pack links them to an option. */
void
ot_summary_add_unlinked_values (OtSummaryBuilder *builder,
                                GArray           *ranked)
{
  g_autofree char *text = ot_glance_dup_unlinked (ranked);
  g_autofree char *markup = NULL;

  if (text == NULL)
    return;
  markup = ot_summary_escape (text);
  ot_summary_para (builder, OT_TEXT_SMALL, markup);
}
