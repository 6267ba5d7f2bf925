/* ot-summary-page.h: one page of the summary, drawn as it will print
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ot-summary.h"

G_BEGIN_DECLS

#define OT_TYPE_SUMMARY_PAGE (ot_summary_page_get_type ())

G_DECLARE_FINAL_TYPE (OtSummaryPage, ot_summary_page, OT, SUMMARY_PAGE, GtkWidget)

/* Screen pixels per point at 100 %: GTK's 96 pixels per inch. */
#define OT_SUMMARY_PAGE_PIXELS_PER_POINT (96.0 / 72.0)

GtkWidget   *ot_summary_page_new         (void);
void         ot_summary_page_set_page    (OtSummaryPage *self,
                                          OtSummary     *summary,
                                          guint          page);
OtSummary   *ot_summary_page_get_summary (OtSummaryPage *self);
guint        ot_summary_page_get_page    (OtSummaryPage *self);
void         ot_summary_page_set_zoom    (OtSummaryPage *self,
                                          double         zoom);
double       ot_summary_page_get_zoom    (OtSummaryPage *self);

G_END_DECLS
