/* ot-summary-private.h: what the parts of the summary share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ot-summary.h"

G_BEGIN_DECLS

/* What the sections are written with, while the summary is built. */
typedef struct
{
  OtContent   *content;
  OtWorksheet *worksheet;
  OtFlow      *flow;
  double       width;       /* of the text area */
  double       height;      /* of the text area of a page */
  GDateTime   *date;
  GHashTable  *numbers;     /* source id → its number in the list */
  GPtrArray   *cited;       /* of const OtSource *, in order of first use */
  OtSummaryFlags flags;
} OtSummaryBuilder;

/* Width of the label column in label–value rows, and the gap after it. */
#define OT_SUMMARY_LABEL_WIDTH 118.0
#define OT_SUMMARY_GUTTER      10.0

void      ot_summary_build_sections  (OtSummaryBuilder   *builder);
void      ot_summary_build_grid      (OtSummaryBuilder   *builder);
void      ot_summary_add_unlinked_values (OtSummaryBuilder *builder,
                                          GArray           *ranked);
void      ot_summary_build_effects   (OtSummaryBuilder   *builder);
void      ot_review_sheet_build      (OtSummaryBuilder   *builder);

char     *ot_summary_cite            (OtSummaryBuilder   *builder,
                                      const char * const *sources);
char     *ot_summary_escape          (const char         *text);
char     *ot_summary_format_date     (GDateTime          *date);
char     *ot_summary_format_gdate    (const GDate        *date);
char     *ot_summary_format_source   (const OtSource     *source);
OtBlock  *ot_summary_heading         (OtSummaryBuilder   *builder,
                                      const char         *title);
OtBlock  *ot_summary_subheading      (OtSummaryBuilder   *builder,
                                      const char         *title);
OtBlock  *ot_summary_para            (OtSummaryBuilder   *builder,
                                      OtTextStyle         style,
                                      const char         *markup);
OtBlock  *ot_summary_pair            (OtSummaryBuilder   *builder,
                                      const char         *label,
                                      const char         *markup);
OtBlock  *ot_summary_item            (OtSummaryBuilder   *builder,
                                      const char         *marker,
                                      const char         *markup);
OtBlock  *ot_summary_table_header    (OtSummaryBuilder   *builder,
                                      const OtCellSpec   *cells,
                                      guint               n_cells);
OtBlock  *ot_summary_table_row       (OtSummaryBuilder   *builder,
                                      OtBlock            *header,
                                      const OtCellSpec   *cells,
                                      guint               n_cells);

G_END_DECLS
