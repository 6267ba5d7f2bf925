/* ot-situation-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ot-view.h"

G_BEGIN_DECLS

#define OT_TYPE_SITUATION_VIEW (ot_situation_view_get_type ())

G_DECLARE_FINAL_TYPE (OtSituationView, ot_situation_view, OT, SITUATION_VIEW, OtView)

G_END_DECLS
