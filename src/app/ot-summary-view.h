/* ot-summary-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ot-view.h"

G_BEGIN_DECLS

#define OT_TYPE_SUMMARY_VIEW (ot_summary_view_get_type ())

G_DECLARE_FINAL_TYPE (OtSummaryView, ot_summary_view, OT, SUMMARY_VIEW, OtView)

G_END_DECLS
