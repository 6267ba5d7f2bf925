/* ot-options-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ot-view.h"

G_BEGIN_DECLS

#define OT_TYPE_OPTIONS_VIEW (ot_options_view_get_type ())

G_DECLARE_FINAL_TYPE (OtOptionsView, ot_options_view, OT, OPTIONS_VIEW, OtView)

G_END_DECLS
