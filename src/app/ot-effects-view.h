/* ot-effects-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ot-chart-widget.h"
#include "ot-view.h"

G_BEGIN_DECLS

#define OT_TYPE_EFFECTS_VIEW (ot_effects_view_get_type ())

G_DECLARE_FINAL_TYPE (OtEffectsView, ot_effects_view, OT, EFFECTS_VIEW, OtView)

OtChartWidget *ot_effects_view_get_chart (OtEffectsView *self);

G_END_DECLS
