/* ot-values-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ot-view.h"

G_BEGIN_DECLS

#define OT_TYPE_VALUES_VIEW (ot_values_view_get_type ())

G_DECLARE_FINAL_TYPE (OtValuesView, ot_values_view, OT, VALUES_VIEW, OtView)

G_END_DECLS
