/* ot-sources-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ot-content.h"

G_BEGIN_DECLS

#define OT_TYPE_SOURCES_WINDOW (ot_sources_window_get_type ())

G_DECLARE_FINAL_TYPE (OtSourcesWindow, ot_sources_window, OT, SOURCES_WINDOW, AdwWindow)

GtkWidget *ot_sources_window_new (OtContent *content);

G_END_DECLS
