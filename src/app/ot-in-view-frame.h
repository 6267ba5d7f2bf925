/* ot-in-view-frame.h: a frame whose inside is drawn only while in view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define OT_TYPE_IN_VIEW_FRAME (ot_in_view_frame_get_type ())

G_DECLARE_FINAL_TYPE (OtInViewFrame, ot_in_view_frame, OT, IN_VIEW_FRAME, GtkFrame)

G_END_DECLS
