/* ot-wrap-box.h: children in lines, as many on each as fit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define OT_TYPE_WRAP_BOX (ot_wrap_box_get_type ())

G_DECLARE_FINAL_TYPE (OtWrapBox, ot_wrap_box, OT, WRAP_BOX, GtkWidget)

void ot_wrap_box_append (OtWrapBox *self,
                         GtkWidget *child);

G_END_DECLS
