/* ot-check-row.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define OT_TYPE_CHECK_ROW (ot_check_row_get_type ())

G_DECLARE_FINAL_TYPE (OtCheckRow, ot_check_row, OT, CHECK_ROW, AdwActionRow)

GtkWidget      *ot_check_row_new       (const char *title);
GtkCheckButton *ot_check_row_get_check (OtCheckRow *self);
void            ot_check_row_add_to    (OtCheckRow     *self,
                                        AdwExpanderRow *expander);

G_END_DECLS
