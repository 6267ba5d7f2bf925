/* ot-effects-table.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ot-chart.h"

G_BEGIN_DECLS

void ot_effects_table_fill (GtkGrid       *grid,
                            GtkLabel      *sources,
                            OtContent     *content,
                            OtChartLayout *layout);

G_END_DECLS
