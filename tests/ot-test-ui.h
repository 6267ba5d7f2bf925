/* ot-test-ui.h: helpers for the widget tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ot-application.h"
#include "ot-window.h"

G_BEGIN_DECLS

typedef void (*OtTestUiFunc) (OtApplication *app,
                              OtWindow      *window);

void           ot_test_ui_run          (OtTestUiFunc   func);
void           ot_test_ui_wait         (void);
void           ot_test_ui_screenshot   (GtkWidget     *widget,
                                        const char    *name);
GtkWidget     *ot_test_ui_find_label   (GtkWidget     *root,
                                        const char    *text);

G_END_DECLS
