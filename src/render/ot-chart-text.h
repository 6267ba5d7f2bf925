/* ot-chart-text.h: the words for side-effect figures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ot-content.h"

G_BEGIN_DECLS

/* What a cell of the chart can say about one treatment and one effect. */
typedef enum
{
  OT_CHART_CELL_NOT_REPORTED, /* the pack has no entry for the pair */
  OT_CHART_CELL_NO_FIGURE,    /* the pack says there is no reliable figure, and why */
  OT_CHART_CELL_COUNT,        /* how many in 100 get it, perhaps with the serious share */
  OT_CHART_CELL_SERIOUS_ONLY, /* only how many in 100 get it severely */
  OT_CHART_CELL_MODERATE_UP,  /* how many in 100 get it moderately or severely (grade 2 or worse) */
} OtChartCellKind;

OtChartCellKind ot_chart_cell_kind            (const OtFrequency  *frequency);
gboolean        ot_chart_cell_kind_has_figure (OtChartCellKind     kind);
int             ot_chart_round_people         (double              value);
char           *ot_chart_format_in_100        (double              value);
char           *ot_chart_capitalize          (const char         *text);
char           *ot_chart_dup_cell_text        (const OtFrequency  *frequency);
char           *ot_chart_dup_cell_lines       (const OtFrequency  *frequency);
char           *ot_chart_dup_cell_detail      (const OtFrequency  *frequency);
char           *ot_chart_dup_counts_text      (const OtFrequency  *frequency);
char           *ot_chart_dup_range_text       (const OtFrequency  *frequency);
char           *ot_chart_dup_sentence         (OtContent          *content,
                                               const OtTreatment  *treatment,
                                               const OtSideEffect *effect);
char           *ot_chart_dup_sources_text     (OtContent          *content,
                                               const char * const *sources);
char           *ot_chart_dup_benefit_label    (const OtOutcome    *outcome);
char           *ot_chart_dup_benefit_text     (const OtOutcome    *outcome);
char           *ot_chart_dup_comparator_text  (const OtOutcome    *outcome);

G_END_DECLS
