/* ot-compare-grid.h: options side by side, headers kept in view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define OT_TYPE_COMPARE_GRID (ot_compare_grid_get_type ())

G_DECLARE_FINAL_TYPE (OtCompareGrid, ot_compare_grid, OT, COMPARE_GRID, GtkWidget)

void       ot_compare_grid_attach             (OtCompareGrid *self,
                                               GtkWidget     *child,
                                               guint          column,
                                               guint          row);
void       ot_compare_grid_show_when_stacked  (OtCompareGrid *self,
                                               GtkWidget     *widget);
void       ot_compare_grid_remove_all         (OtCompareGrid *self);
gboolean   ot_compare_grid_get_stacked        (OtCompareGrid *self);

G_END_DECLS
