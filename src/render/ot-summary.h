/* ot-summary.h: the summary for the visit, laid out into pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "ot-content.h"
#include "ot-flow.h"
#include "ot-worksheet.h"

G_BEGIN_DECLS

#define OT_TYPE_SUMMARY (ot_summary_get_type ())

G_DECLARE_FINAL_TYPE (OtSummary, ot_summary, OT, SUMMARY, GObject)

/* Everything on a page stays this far from its edges (a quarter inch),
 * inside what any printer can print. */
#define OT_SUMMARY_PRINTABLE_INSET 18.0

/* The summary is a short hand-out unless asked for in full. */
typedef enum
{
  OT_SUMMARY_FULL        = 1 << 0, /* every option, the chart and table, every reference */
  OT_SUMMARY_LARGE_PRINT = 1 << 1, /* body text at 14 pt instead of 10 pt */
  OT_SUMMARY_OWN_FONTS   = 1 << 2, /* fonts of its own: made in one thread, drawn in another */
} OtSummaryFlags;

/* How much larger large print is. */
#define OT_SUMMARY_LARGE_PRINT_SCALE 1.4

OtSummary   *ot_summary_new                (OtContent    *content,
                                            OtWorksheet  *worksheet,
                                            double        page_width,
                                            double        page_height,
                                            GDateTime    *date);
OtSummary   *ot_summary_new_with_flags     (OtContent    *content,
                                            OtWorksheet  *worksheet,
                                            double        page_width,
                                            double        page_height,
                                            GDateTime    *date,
                                            OtSummaryFlags flags);
OtSummary   *ot_summary_new_review_sheet   (OtContent    *content,
                                            double        page_width,
                                            double        page_height,
                                            GDateTime    *date);
double       ot_summary_get_page_width     (OtSummary    *self);
double       ot_summary_get_page_height    (OtSummary    *self);
guint        ot_summary_get_n_pages        (OtSummary    *self);
const char  *ot_summary_get_title          (OtSummary    *self);
GDateTime   *ot_summary_get_date           (OtSummary    *self);
void         ot_summary_draw_page          (OtSummary    *self,
                                            cairo_t      *cr,
                                            guint         page);
void         ot_summary_get_body           (OtSummary    *self,
                                            OtRect       *body);
GArray      *ot_summary_get_boxes          (OtSummary    *self,
                                            guint         page);
void         ot_summary_get_outline        (OtSummary    *self,
                                            guint         page,
                                            GPtrArray    *titles,
                                            GArray       *tops);
char        *ot_summary_describe_page      (OtSummary    *self,
                                            guint         page);

G_END_DECLS
