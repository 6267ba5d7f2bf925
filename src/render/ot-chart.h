/* ot-chart.h: the side-effect comparison chart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "ot-chart-text.h"
#include "ot-content.h"
#include "ot-style.h"
#include "ot-worksheet.h"

G_BEGIN_DECLS

/* The chart compares at most this many treatments, one column each, so
 * that every column keeps a colour and a pattern of its own. */
#define OT_CHART_MAX_COLUMNS OT_N_SERIES

/* A cell: a side effect (row) and a treatment (column); -1 for none. */
typedef struct
{
  int row;
  int column;
} OtChartCell;

/* What the drawing marks beyond the figures.  Zero-filled with rows of -1
 * it marks nothing.  @pixel_scale is device pixels per unit of the cairo_t,
 * used to put hairlines and bar edges on whole pixels; 0 reads it from the
 * cairo_t, which is right for image surfaces but not for a recording
 * surface that is replayed at a HiDPI scale (GTK's cairo nodes). */
typedef struct
{
  OtChartCell cursor;       /* a focus ring around it */
  OtChartCell selected;     /* tinted: its icon array is shown */
  double      pixel_scale;
} OtChartFocus;

typedef struct _OtChartLayout OtChartLayout;

#define OT_TYPE_CHART_LAYOUT (ot_chart_layout_get_type ())

GType               ot_chart_layout_get_type        (void) G_GNUC_CONST;

/* Measures everything and places every row, column and cell for @width
 * units across; text comes from @context (its font and resolution), sized
 * by @scale (1.0 is the context's font size; the app's zoom makes it
 * larger).  Rows are the side effects that have an entry for a compared
 * treatment, the ones the person wants to avoid first; columns are the
 * compared treatments (ot_worksheet_get_compared_treatments(), at most
 * %OT_CHART_MAX_COLUMNS).  Under them, the benefits of the person's
 * situation that count people in 100, each beside its comparison group.
 * With no treatment chosen the chart is a message asking the person to
 * choose. */
OtChartLayout      *ot_chart_layout_new             (OtContent         *content,
                                                     OtWorksheet       *worksheet,
                                                     PangoContext      *context,
                                                     const OtStyle     *style,
                                                     double             scale,
                                                     double             width);
OtChartLayout      *ot_chart_layout_ref             (OtChartLayout     *self);
void                ot_chart_layout_unref           (OtChartLayout     *self);

double              ot_chart_layout_get_width       (OtChartLayout     *self);
double              ot_chart_layout_get_columns_width (OtChartLayout   *self,
                                                       double          *roomy);
double              ot_chart_layout_get_height      (OtChartLayout     *self);
const OtStyle      *ot_chart_layout_get_style       (OtChartLayout     *self);
guint               ot_chart_layout_get_n_rows      (OtChartLayout     *self);
guint               ot_chart_layout_get_n_columns   (OtChartLayout     *self);
const OtSideEffect *ot_chart_layout_get_effect      (OtChartLayout     *self,
                                                     guint              row);
gboolean            ot_chart_layout_get_avoided     (OtChartLayout     *self,
                                                     guint              row);
const OtTreatment  *ot_chart_layout_get_treatment   (OtChartLayout     *self,
                                                     guint              column);
const OtFrequency  *ot_chart_layout_get_frequency   (OtChartLayout     *self,
                                                     guint              row,
                                                     guint              column);
OtChartCellKind     ot_chart_layout_get_cell_kind   (OtChartLayout     *self,
                                                     guint              row,
                                                     guint              column);
gboolean            ot_chart_layout_get_cell_area   (OtChartLayout     *self,
                                                     guint              row,
                                                     guint              column,
                                                     cairo_rectangle_t *area);
gboolean            ot_chart_layout_get_bar_area    (OtChartLayout     *self,
                                                     guint              row,
                                                     guint              column,
                                                     cairo_rectangle_t *area);
gboolean            ot_chart_layout_get_text_area   (OtChartLayout     *self,
                                                     guint              row,
                                                     guint              column,
                                                     cairo_rectangle_t *area);
const char         *ot_chart_layout_get_cell_words  (OtChartLayout     *self,
                                                     guint              row,
                                                     guint              column);
gboolean            ot_chart_layout_hit_test        (OtChartLayout     *self,
                                                     double             x,
                                                     double             y,
                                                     OtChartCell       *cell);
guint               ot_chart_layout_get_n_benefits  (OtChartLayout     *self);
const OtOutcome    *ot_chart_layout_get_benefit     (OtChartLayout     *self,
                                                     guint              index,
                                                     guint             *column);
gboolean            ot_chart_layout_get_benefit_bar (OtChartLayout     *self,
                                                     guint              index,
                                                     gboolean           comparator,
                                                     cairo_rectangle_t *area);
const char * const *ot_chart_layout_get_sources     (OtChartLayout     *self);
char               *ot_chart_layout_dup_description (OtChartLayout     *self);

void                ot_chart_draw                   (cairo_t           *cr,
                                                     OtChartLayout     *layout,
                                                     const OtChartFocus *focus);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OtChartLayout, ot_chart_layout_unref)

G_END_DECLS
