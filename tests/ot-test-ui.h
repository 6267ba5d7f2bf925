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

typedef gboolean (*OtTestUiMatch) (GtkWidget     *widget,
                                   gconstpointer  data);

gboolean       ot_test_ui_init         (int           *argc,
                                        char        ***argv);
void           ot_test_ui_run          (OtTestUiFunc   func);
void           ot_test_ui_run_args     (OtTestUiFunc   func,
                                        const char    *first_arg,
                                        ...) G_GNUC_NULL_TERMINATED;
GtkWidget     *ot_test_ui_find         (GtkWidget     *root,
                                        GType          type,
                                        OtTestUiMatch  match,
                                        gconstpointer  data);
GtkWidget     *ot_test_ui_find_row     (GtkWidget     *root,
                                        const char    *title);
gboolean       ot_test_ui_row_has_title (GtkWidget    *widget,
                                        gconstpointer  title);
void           ot_test_ui_wait         (void);
void           ot_test_ui_wait_for_null (gpointer     *pointer);
void           ot_test_ui_screenshot   (GtkWidget     *widget,
                                        const char    *name);
GtkWidget     *ot_test_ui_find_label   (GtkWidget     *root,
                                        const char    *text);
GtkWidget     *ot_test_ui_show_view    (OtWindow      *window,
                                        const char    *name);

G_END_DECLS
