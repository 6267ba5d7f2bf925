/* ot-chart-private.h: what the layout step hands to the drawing step
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ot-chart.h"

G_BEGIN_DECLS

/* Lengths shared by the layout and the drawing, in ems. */
#define OT_CHART_MARKER_ROOM 0.8
#define OT_CHART_SWATCH      1.1
#define OT_CHART_SUB_SWATCH  0.9

typedef struct
{
  const OtSideEffect *effect;
  gboolean            avoided;
  PangoLayout        *label;       /* the effect's name */
  PangoLayout        *tag;         /* "You want to avoid this", avoided rows only */
  double              y;
  double              height;
  double              label_y;     /* top of the name, the tag below it */
} OtChartRow;

typedef struct
{
  const OtTreatment  *treatment;
  PangoLayout        *header;      /* the treatment's name */
  double              header_x;    /* of the swatch; the name follows it */
  double              header_y;    /* of the name */
  double              x;           /* left of the column's content */
  double              width;
} OtChartColumn;

typedef struct
{
  const OtFrequency  *frequency;
  OtChartCellKind     kind;
  PangoLayout        *text;        /* the figure, or why there is none */
  PangoLayout        *detail;      /* nullable: the serious share */
  cairo_rectangle_t   area;        /* the whole cell: hit-testing and focus */
  cairo_rectangle_t   track;       /* the 0–100 scale; zero width without a bar */
  double              text_x, text_y;
  double              detail_x, detail_y;
  gboolean            detail_beside; /* in a row that lists the treatments, with room:
                                      * the serious share after its figure, on its line */
} OtChartCellBox;

/* A benefit in people in 100, below the side effects: the treatment's bar
 * in its column's colour and pattern, the comparison group's bar in grey
 * under it, on the same 0–100 scale as the side effects. */
typedef struct
{
  const OtOutcome    *outcome;
  guint               column;      /* the treatment's column */
  PangoLayout        *label;       /* what it counts, and the treatment */
  PangoLayout        *text;        /* the figure, its sources raised */
  PangoLayout        *comparator;  /* the comparison group and its figure */
  PangoLayout        *about;       /* whom it is about and when */
  double              y;
  double              height;
  double              label_y;
  cairo_rectangle_t   track;
  cairo_rectangle_t   comparator_track; /* zero width without a figure */
  double              text_x, text_y;
  double              comparator_y;
  double              about_y;
} OtChartBenefit;

typedef struct
{
  int                 symbol;      /* OtChartLegendSymbol */
  PangoLayout        *text;
  double              x, y;        /* of the symbol; the text follows it */
  double              height;
} OtChartLegendItem;

typedef enum
{
  OT_CHART_SYMBOL_BAR,
  OT_CHART_SYMBOL_SERIOUS,
  OT_CHART_SYMBOL_MODERATE,
  OT_CHART_SYMBOL_RANGE,
  OT_CHART_SYMBOL_AVOID,
  OT_CHART_SYMBOL_COMPARATOR,
} OtChartLegendSymbol;

struct _OtChartLayout
{
  gatomicrefcount   ref_count;

  OtContent        *content;
  const OtStyle    *style;
  double            width;
  double            height;
  double            em;            /* the body font's size in units: every length is in ems */

  GArray           *rows;          /* of OtChartRow */
  GArray           *columns;       /* of OtChartColumn */
  OtChartCellBox   *cells;         /* row-major */
  GArray           *legend;        /* of OtChartLegendItem */
  GPtrArray        *sources;       /* ids in the order of their numbers, NULL-terminated */
  GArray           *benefits;      /* of OtChartBenefit */

  gboolean          compact;       /* too narrow for columns: each row lists the treatments */
  gboolean          broken;        /* columns as wide as the widest figure: the words
                                    * after it go on a line of their own */
  double            columns_width; /* the least width at which the figures stand in columns */
  double            roomy_width;   /* the least width at which they need not break or wrap */
  double            margin;
  double            label_width;   /* the row labels' column */
  double            header_y;
  double            header_height;
  double            axis_y;        /* the "0" and "100" under each header */
  double            body_y;        /* the first row */
  double            body_bottom;
  PangoLayout      *benefit_heading; /* over the benefits, with how to read them */
  double            benefit_heading_y;
  double            benefits_bottom;
  double            bar_height;
  double            track_width;   /* the 0–100 scale, the same in every column */
  double            notes_y;
  PangoLayout      *corner;        /* "Side effect", above the row labels */
  PangoLayout      *axis_zero;
  PangoLayout      *axis_hundred;
  PangoLayout      *notes;         /* how to read the figures, and the numbered sources */
  PangoLayout      *empty;         /* the message when nothing is compared */
  double            empty_y;
  GPtrArray        *texts;         /* owns every PangoLayout above */

  /* Drawing's cache: the column patterns as pixel tiles, for one scale. */
  cairo_pattern_t  *tiles[OT_N_SERIES];
  double            tile_scale;
};

/* Shaped text kept between layouts, per thread (ot-chart-cache.c). */
typedef struct _OtChartTextCache OtChartTextCache;

OtChartTextCache *ot_chart_text_cache_begin  (PangoContext     *context);
PangoLayout      *ot_chart_text_cache_lookup (OtChartTextCache *cache,
                                              const char       *key,
                                              gboolean         *first_use);
void              ot_chart_text_cache_add    (OtChartTextCache *cache,
                                              const char       *key,
                                              PangoLayout      *layout);
void              ot_chart_text_cache_end    (OtChartTextCache *cache);

void ot_chart_layout_build (OtChartLayout *self,
                            OtWorksheet   *worksheet,
                            PangoContext  *context,
                            double         scale);

double ot_chart_text_width  (PangoLayout *layout);
double ot_chart_text_height (PangoLayout *layout);

G_END_DECLS
