/* ot-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ot-application.h"
#include "ot-worksheet.h"

G_BEGIN_DECLS

#define OT_TYPE_WINDOW (ot_window_get_type ())

G_DECLARE_FINAL_TYPE (OtWindow, ot_window, OT, WINDOW, AdwApplicationWindow)

OtWindow   *ot_window_new           (OtApplication *application);
void        ot_window_show_view     (OtWindow      *self,
                                     const char    *name);
const char *ot_window_get_view      (OtWindow      *self);
OtWorksheet *ot_window_get_worksheet (OtWindow    *self);
void        ot_window_show_banner   (OtWindow      *self,
                                     const char    *text);
void        ot_window_add_toast     (OtWindow      *self,
                                     AdwToast      *toast);
GFile      *ot_window_get_file      (OtWindow      *self);
gboolean    ot_window_get_modified  (OtWindow      *self);
gboolean    ot_window_get_busy      (OtWindow      *self);
void        ot_window_open_file     (OtWindow      *self,
                                     GFile         *file);
void        ot_window_ask_and_open  (OtWindow      *self,
                                     GFile         *file);
void        ot_window_save_file     (OtWindow      *self,
                                     GFile         *file);

G_END_DECLS
