/* ot-long-label.h: words that may run long, wrapped, laid out once a width
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define OT_TYPE_LONG_LABEL (ot_long_label_get_type ())

G_DECLARE_FINAL_TYPE (OtLongLabel, ot_long_label, OT, LONG_LABEL, GtkWidget)

void         ot_long_label_set_text   (OtLongLabel *self,
                                       const char  *text);
void         ot_long_label_set_markup (OtLongLabel *self,
                                       const char  *markup);
const char  *ot_long_label_get_text   (OtLongLabel *self);
PangoLayout *ot_long_label_get_layout (OtLongLabel *self);

G_END_DECLS
