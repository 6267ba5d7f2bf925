/* ot-compat.h: where Option Talk meets the GTK and libadwaita it runs on
 *
 * GTK 4.8 and libadwaita 1.2 are the minimum.  Each workaround for them,
 * and each newer API used when it is there, sits in ot-compat.c behind a
 * version check, to be dropped when the minimum moves.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* An alert: a heading, a body and buttons over the window; "response"
 * (const char *id) says which button was chosen. */
GtkWidget  *ot_alert_new                  (const char            *heading,
                                           const char            *body);
void        ot_alert_add_response         (GtkWidget             *alert,
                                           const char            *id,
                                           const char            *label,
                                           AdwResponseAppearance  appearance);
void        ot_alert_set_default_response (GtkWidget             *alert,
                                           const char            *id);
void        ot_alert_set_close_response   (GtkWidget             *alert,
                                           const char            *id);
void        ot_alert_present              (GtkWidget             *alert,
                                           GtkWidget             *parent);
const char *ot_alert_get_heading          (GtkWidget             *alert);
const char *ot_alert_get_body             (GtkWidget             *alert);
void        ot_alert_respond              (GtkWidget             *alert,
                                           const char            *id);
GtkWidget  *ot_alert_get_shown            (void);

void        ot_compat_name_view_pages     (AdwViewStack          *stack);
void        ot_compat_keep_own_name       (GtkWidget             *widget);
void        ot_compat_name_entry_rows_once (void);
void        ot_compat_name_menu_items     (GtkWidget             *menu);
void        ot_compat_name_shortcuts_window (GtkShortcutsWindow  *window);
void        ot_compat_name_calendar_arrows (GtkCalendar          *calendar);
void        ot_compat_name_drop_down_button (GtkDropDown         *drop_down,
                                            const char          *name);

/* The colour of the widget's text, as its style gives it. */
void        ot_compat_widget_color        (GtkWidget             *widget,
                                           GdkRGBA               *color);

G_END_DECLS
