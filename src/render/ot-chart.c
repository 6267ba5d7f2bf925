/* ot-chart.c: the side-effect chart: what its layout answers
 *
 * A layout is made once per change of content, worksheet, style, size or
 * zoom (ot-chart-layout.c) and drawn as often as needed (ot-chart-draw.c);
 * here are the questions the widget, the table and the PDF ask it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ot-chart"

#include "config.h"

#include <glib/gi18n.h>

#include "ot-chart-private.h"

G_DEFINE_BOXED_TYPE (OtChartLayout, ot_chart_layout, ot_chart_layout_ref, ot_chart_layout_unref)

/**
 * ot_chart_layout_new:
 * @content: the content pack: names, figures and sources
 * @worksheet: what the person compares and wants to avoid
 * @context: the Pango context the text is shaped with
 * @style: the palette, which also sets line widths
 * @scale: the text size relative to @context's font (the zoom)
 * @width: the width to lay out for, in the units of the cairo_t
 *
 * The layout shares its texts with the layouts made before and after it
 * in the same thread, so draw it in the thread that made it.
 *
 * Returns: (transfer full): the laid-out chart; its height follows from @width
 */
OtChartLayout *
ot_chart_layout_new (OtContent     *content,
                     OtWorksheet   *worksheet,
                     PangoContext  *context,
                     const OtStyle *style,
                     double         scale,
                     double         width)
{
  OtChartLayout *self;

  g_return_val_if_fail (content != NULL, NULL);
  g_return_val_if_fail (OT_IS_WORKSHEET (worksheet), NULL);
  g_return_val_if_fail (PANGO_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (style != NULL, NULL);
  g_return_val_if_fail (scale > 0, NULL);

  self = g_new0 (OtChartLayout, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->content = ot_content_ref (content);
  self->style = style;
  self->width = MAX (width, 1);
  self->rows = g_array_new (FALSE, TRUE, sizeof (OtChartRow));
  self->columns = g_array_new (FALSE, TRUE, sizeof (OtChartColumn));
  self->legend = g_array_new (FALSE, TRUE, sizeof (OtChartLegendItem));
  self->benefits = g_array_new (FALSE, TRUE, sizeof (OtChartBenefit));
  self->sources = g_ptr_array_new ();
  self->texts = g_ptr_array_new_with_free_func (g_object_unref);

  ot_chart_layout_build (self, worksheet, context, scale);

  return self;
}

OtChartLayout *
ot_chart_layout_ref (OtChartLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
ot_chart_layout_unref (OtChartLayout *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  for (guint i = 0; i < OT_N_SERIES; i++)
    g_clear_pointer (&self->tiles[i], cairo_pattern_destroy);
  g_ptr_array_unref (self->texts);
  g_free (self->cells);
  g_array_unref (self->rows);
  g_array_unref (self->columns);
  g_array_unref (self->legend);
  g_array_unref (self->benefits);
  g_ptr_array_unref (self->sources);
  ot_content_unref (self->content);
  g_free (self);
}

double
ot_chart_layout_get_width (OtChartLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->width;
}

/**
 * ot_chart_layout_get_columns_width:
 * @roomy: (out) (optional): the least width at which, in columns, no
 *   figure or serious share has to break or wrap
 *
 * Returns: the least width at which this chart's figures stand in columns,
 *   one per treatment, rather than each row listing the treatments; 0 with
 *   nothing to compare
 */
double
ot_chart_layout_get_columns_width (OtChartLayout *self,
                                   double        *roomy)
{
  g_return_val_if_fail (self != NULL, 0);

  if (roomy != NULL)
    *roomy = self->roomy_width;
  return self->columns_width;
}

/**
 * ot_chart_layout_get_height:
 *
 * Returns: the height the chart needs at its width, legend and sources
 *   included
 */
double
ot_chart_layout_get_height (OtChartLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->height;
}

const OtStyle *
ot_chart_layout_get_style (OtChartLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->style;
}

guint
ot_chart_layout_get_n_rows (OtChartLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->cells != NULL ? self->rows->len : 0;
}

guint
ot_chart_layout_get_n_columns (OtChartLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->columns->len;
}

const OtSideEffect *
ot_chart_layout_get_effect (OtChartLayout *self,
                            guint          row)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (row < self->rows->len, NULL);

  return g_array_index (self->rows, OtChartRow, row).effect;
}

/**
 * ot_chart_layout_get_avoided:
 *
 * Returns: whether the person marked the effect of @row as one to avoid
 */
gboolean
ot_chart_layout_get_avoided (OtChartLayout *self,
                             guint          row)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (row < self->rows->len, FALSE);

  return g_array_index (self->rows, OtChartRow, row).avoided;
}

const OtTreatment *
ot_chart_layout_get_treatment (OtChartLayout *self,
                               guint          column)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);

  return g_array_index (self->columns, OtChartColumn, column).treatment;
}

static OtChartCellBox *
get_cell (OtChartLayout *self,
          guint          row,
          guint          column)
{
  if (self->cells == NULL || row >= self->rows->len || column >= self->columns->len)
    return NULL;
  return &self->cells[row * self->columns->len + column];
}

/**
 * ot_chart_layout_get_frequency:
 *
 * Returns: (nullable): the pack's entry for the cell, %NULL when it has none
 */
const OtFrequency *
ot_chart_layout_get_frequency (OtChartLayout *self,
                               guint          row,
                               guint          column)
{
  OtChartCellBox *cell;

  g_return_val_if_fail (self != NULL, NULL);
  cell = get_cell (self, row, column);
  g_return_val_if_fail (cell != NULL, NULL);

  return cell->frequency;
}

OtChartCellKind
ot_chart_layout_get_cell_kind (OtChartLayout *self,
                               guint          row,
                               guint          column)
{
  OtChartCellBox *cell;

  g_return_val_if_fail (self != NULL, OT_CHART_CELL_NOT_REPORTED);
  cell = get_cell (self, row, column);
  g_return_val_if_fail (cell != NULL, OT_CHART_CELL_NOT_REPORTED);

  return cell->kind;
}

/**
 * ot_chart_layout_get_cell_area:
 *
 * The area of a cell, gutters included: the cells of the chart's body
 * tile it, so every point of the body hits exactly one.
 */
gboolean
ot_chart_layout_get_cell_area (OtChartLayout     *self,
                               guint              row,
                               guint              column,
                               cairo_rectangle_t *area)
{
  OtChartCellBox *cell;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (area != NULL, FALSE);

  if ((cell = get_cell (self, row, column)) == NULL)
    return FALSE;
  *area = cell->area;
  return TRUE;
}

/**
 * ot_chart_layout_get_bar_area:
 *
 * Where the cell's bar is drawn: how many get the effect, or for a cell
 * with only the serious share, how many get it severely.
 *
 * Returns: %FALSE when the cell has no bar (no figure)
 */
gboolean
ot_chart_layout_get_bar_area (OtChartLayout     *self,
                              guint              row,
                              guint              column,
                              cairo_rectangle_t *area)
{
  OtChartCellBox *cell;
  double value;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (area != NULL, FALSE);

  cell = get_cell (self, row, column);
  if (cell == NULL || cell->track.width <= 0)
    return FALSE;

  value = cell->kind == OT_CHART_CELL_SERIOUS_ONLY ? cell->frequency->serious : cell->frequency->count;
  *area = cell->track;
  area->width = cell->track.width * CLAMP (value, 0, 100) / 100.0;
  return TRUE;
}

/**
 * ot_chart_layout_get_text_area:
 *
 * Where the cell's words are drawn: its figure (or why it has none) and
 * the serious share with it; the tests check them inside their cell.
 *
 * Returns: %FALSE when there is no such cell
 */
gboolean
ot_chart_layout_get_text_area (OtChartLayout     *self,
                               guint              row,
                               guint              column,
                               cairo_rectangle_t *area)
{
  OtChartCellBox *cell;
  double right, bottom;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (area != NULL, FALSE);

  if ((cell = get_cell (self, row, column)) == NULL || cell->text == NULL)
    return FALSE;
  *area = (cairo_rectangle_t) { cell->text_x, cell->text_y,
                                ot_chart_text_width (cell->text), ot_chart_text_height (cell->text) };
  if (cell->detail != NULL)
    {
      right = MAX (area->x + area->width, cell->detail_x + ot_chart_text_width (cell->detail));
      bottom = MAX (area->y + area->height, cell->detail_y + ot_chart_text_height (cell->detail));
      area->x = MIN (area->x, cell->detail_x);
      area->y = MIN (area->y, cell->detail_y);
      area->width = right - area->x;
      area->height = bottom - area->y;
    }
  return TRUE;
}

/**
 * ot_chart_layout_get_cell_words:
 *
 * Returns: (nullable): the main words of a cell as drawn, a line break
 *   where the layout broke them
 */
const char *
ot_chart_layout_get_cell_words (OtChartLayout *self,
                                guint          row,
                                guint          column)
{
  OtChartCellBox *cell;

  g_return_val_if_fail (self != NULL, NULL);

  if ((cell = get_cell (self, row, column)) == NULL || cell->text == NULL)
    return NULL;
  return pango_layout_get_text (cell->text);
}

/**
 * ot_chart_layout_hit_test:
 * @cell: (out): the cell at (@x, @y)
 *
 * Returns: whether (@x, @y) is on a cell
 */
gboolean
ot_chart_layout_hit_test (OtChartLayout *self,
                          double         x,
                          double         y,
                          OtChartCell   *cell)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (cell != NULL, FALSE);

  *cell = (OtChartCell) { -1, -1 };
  if (self->cells == NULL)
    return FALSE;

  for (guint i = 0; i < self->rows->len; i++)
    for (guint j = 0; j < self->columns->len; j++)
      {
        const cairo_rectangle_t *area = &self->cells[i * self->columns->len + j].area;

        if (x >= area->x && x < area->x + area->width && y >= area->y && y < area->y + area->height)
          {
            *cell = (OtChartCell) { i, j };
            return TRUE;
          }
      }

  return FALSE;
}

guint
ot_chart_layout_get_n_benefits (OtChartLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->benefits->len;
}

/**
 * ot_chart_layout_get_benefit:
 * @column: (out) (optional): the column of the benefit's treatment
 *
 * Returns: (transfer none): the @index-th benefit drawn, top down
 */
const OtOutcome *
ot_chart_layout_get_benefit (OtChartLayout *self,
                             guint          index,
                             guint         *column)
{
  const OtChartBenefit *benefit;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->benefits->len, NULL);

  benefit = &g_array_index (self->benefits, OtChartBenefit, index);
  if (column != NULL)
    *column = benefit->column;
  return benefit->outcome;
}

/**
 * ot_chart_layout_get_benefit_bar:
 * @comparator: the comparison group's bar rather than the treatment's
 *
 * Where the @index-th benefit's bar is drawn, as long as its figure.
 *
 * Returns: %FALSE when there is no such bar (no figure for the group)
 */
gboolean
ot_chart_layout_get_benefit_bar (OtChartLayout     *self,
                                 guint              index,
                                 gboolean           comparator,
                                 cairo_rectangle_t *area)
{
  const OtChartBenefit *benefit;
  double value;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (area != NULL, FALSE);

  if (index >= self->benefits->len)
    return FALSE;
  benefit = &g_array_index (self->benefits, OtChartBenefit, index);
  *area = comparator ? benefit->comparator_track : benefit->track;
  value = comparator ? benefit->outcome->comparator_count : benefit->outcome->count;
  if (area->width <= 0 || value < 0)
    return FALSE;
  area->width *= CLAMP (value, 0, 100) / 100.0;
  return TRUE;
}

/**
 * ot_chart_layout_get_sources:
 *
 * Returns: (transfer none): the ids of the sources of the figures shown,
 *   in the order of the numbers the chart gives them (1 first)
 */
const char * const *
ot_chart_layout_get_sources (OtChartLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return (const char * const *) self->sources->pdata;
}

/**
 * ot_chart_layout_dup_description:
 *
 * Returns: what the chart shows, in words, for a screen reader
 */
char *
ot_chart_layout_dup_description (OtChartLayout *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) names = g_string_new (NULL);
  g_autoptr(GString) avoided = g_string_new (NULL);

  g_return_val_if_fail (self != NULL, NULL);

  if (self->columns->len == 0)
    return g_strdup (_("No treatments chosen yet. Choose 1 to 4 treatments to compare their side effects."));

  for (guint j = 0; j < self->columns->len; j++)
    g_string_append_printf (names, j ? "; %s" : "%s",
                            g_array_index (self->columns, OtChartColumn, j).treatment->name);
  for (guint i = 0; i < self->rows->len; i++)
    {
      const OtChartRow *row = &g_array_index (self->rows, OtChartRow, i);

      if (row->avoided)
        g_string_append_printf (avoided, avoided->len ? "; %s" : "%s", row->effect->name);
    }

  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                             "How many in 100 people get each of %u side effect with: %s.",
                                             "How many in 100 people get each of %u side effects with: %s.",
                                             self->rows->len),
                          self->rows->len, names->str);
  if (avoided->len > 0)
    g_string_append_printf (text, _(" First, the ones you want to avoid: %s."), avoided->str);
  if (self->benefits->len > 0)
    g_string_append (text, _(" Then the chance of benefit, how many in 100 people were helped:"));
  for (guint i = 0; i < self->benefits->len; i++)
    {
      const OtOutcome *outcome = g_array_index (self->benefits, OtChartBenefit, i).outcome;
      g_autofree char *label = ot_chart_dup_benefit_label (outcome);
      g_autofree char *figure = ot_chart_dup_benefit_text (outcome);
      g_autofree char *comparator = ot_chart_dup_comparator_text (outcome);

      /* Translators: "Tumor shrinks: FOLFOXIRI, about 65 in 100; comparison
       * group: about 53 in 100 with: FOLFIRI." */
      g_string_append_printf (text, _(" %s, %s; comparison group: %s."), label, figure, comparator);
    }
  g_string_append (text, _(" Use the arrow keys to read each figure, or turn on Show as Table."));

  return g_string_free (g_steal_pointer (&text), FALSE);
}
