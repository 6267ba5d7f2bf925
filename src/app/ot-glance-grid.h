/* ot-glance-grid.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ot-content.h"
#include "ot-worksheet.h"

G_BEGIN_DECLS

#define OT_TYPE_GLANCE_GRID (ot_glance_grid_get_type ())

G_DECLARE_FINAL_TYPE (OtGlanceGrid, ot_glance_grid, OT, GLANCE_GRID, GtkWidget)

void ot_glance_grid_set_model (OtGlanceGrid *self,
                               OtContent    *content,
                               OtWorksheet  *worksheet);
void ot_glance_grid_refresh   (OtGlanceGrid *self);

G_END_DECLS
