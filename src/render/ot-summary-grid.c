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

/* Each row is a block of the flow of its own, sharing the grid. */
typedef struct
{
  Grid  *grid;
  guint  row;
} GridPiece;

static void
grid_clear (gpointer data)
{
  Grid *grid = data;

  g_array_unref (grid->rows);
}

static void
grid_release (Grid *grid)
{
  g_rc_box_release_full (grid, grid_clear);
}

static void
grid_piece_free (gpointer data)
{
  GridPiece *piece = data;

  grid_release (piece->grid);
  g_free (piece);
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
grid_row_get_height (const GridRow *row)
{
  return row->title_height + row->height + 2 * CELL_PAD;
}

static double
grid_get_height (Grid *grid)
{
  double height = 0;

  for (guint i = 0; i < grid->rows->len; i++)
    height += grid_row_get_height (&g_array_index (grid->rows, GridRow, i));
  return height;
}

/* One row of the grid: its name on a light band across every column,
 * then its cells, with a line between the columns. */
static void
grid_row_draw (cairo_t  *cr,
               double    width,
               gpointer  data)
{
  const GridPiece *piece = data;
  const Grid *grid = piece->grid;
  const GridRow *row = &g_array_index (grid->rows, GridRow, piece->row);
  double y = 0;

  cairo_save (cr);
  cairo_set_line_width (cr, grid->style->line_width);
  if (row->title != NULL)
    {
      ot_style_set_source (cr, &grid->style->grid);
      cairo_rectangle (cr, 0, 0, width, row->title_height);
      cairo_fill (cr);
      ot_style_set_source (cr, &grid->style->foreground);
      ot_layout_draw (cr, row->title, CELL_PAD, CELL_PAD / 2);
      y = row->title_height;
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
  cairo_restore (cr);
}

/* The rows go on as the pages do: a row moves to the next page whole,
 * and the options' names (the first row) come again at its top. */
static void
grid_add_to_flow (Grid             *grid,
                  OtSummaryBuilder *builder)
{
  OtBlock *names = NULL;

  for (guint i = 0; i < grid->rows->len; i++)
    {
      GridPiece *piece = g_new (GridPiece, 1);
      OtBlock *block;

      piece->grid = g_rc_box_acquire (grid);
      piece->row = i;
      block = ot_flow_add_drawing (builder->flow, grid_row_get_height (&g_array_index (grid->rows, GridRow, i)),
                                   grid_row_draw, piece, grid_piece_free);
      ot_block_set_spacing (block, 0, i + 1 < grid->rows->len ? 0 : 6);
      if (names == NULL)
        {
          names = block;
          ot_block_set_keep_with_next (block, TRUE);
        }
      else
        {
          ot_block_set_header (block, names);
        }
    }
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
  Grid *grid = g_rc_box_new0 (Grid);
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

/* Adds the grid of options @first to @first + @n_options.  In large
 * print, where it is taller than the @room left on the page, the options
 * are split in two grids of wider columns, one after the other. */
static void
add_grids (OtSummaryBuilder *builder,
           OtGlance         *glance,
           guint             first,
           guint             n_options,
           double            room)
{
  Grid *grid = grid_new (builder, glance, first, n_options);
  guint half = (n_options + 1) / 2;

  if (ot_flow_get_text_scale (builder->flow) <= 1 || grid_get_height (grid) <= room || n_options <= 2)
    {
      grid_add_to_flow (grid, builder);
      grid_release (grid);
      return;
    }

  grid_release (grid);
  add_grids (builder, glance, first, half, room);
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
