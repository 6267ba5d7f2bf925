/* ot-test-ui.h: the widget tests' helpers: running the application,
 * finding what a person sees and doing what a person does
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ot-application.h"
#include "ot-test-files.h"
#include "ot-window.h"

G_BEGIN_DECLS

typedef void (*OtTestUiFunc) (OtApplication *app,
                              OtWindow      *window);

typedef gboolean (*OtTestUiMatch) (GtkWidget     *widget,
                                   gconstpointer  data);
typedef OtTestUiMatch OtTestMatch;
typedef gboolean (*OtTestCondition) (gpointer data);

/* Starting and stopping the application */
gboolean       ot_test_ui_init         (int           *argc,
                                        char        ***argv);
void           ot_test_widgets_init    (void);
void           ot_test_widgets_cleanup (void);
void           ot_test_ui_run          (OtTestUiFunc   func);
void           ot_test_run_app         (OtTestUiFunc   body);
void           ot_test_ui_run_args     (OtTestUiFunc   func,
                                        const char    *first_arg,
                                        ...) G_GNUC_NULL_TERMINATED;
void           ot_test_ui_wait         (void);
void           ot_test_ui_wait_for_null (gpointer     *pointer);
void           ot_test_ui_wait_until   (OtTestCondition condition,
                                        gpointer       data);
gboolean       ot_test_ui_drawn        (gpointer       widget);
gboolean       ot_test_ui_not_drawn    (gpointer       widget);
void           ot_test_ui_wait_for_label (GtkWidget   *root,
                                        const char    *text);
void           ot_test_ui_screenshot   (GtkWidget     *widget,
                                        const char    *name);
GtkWidget     *ot_test_ui_show_view    (OtWindow      *window,
                                        const char    *name);

/* Finding what a person sees */
GtkWidget     *ot_test_ui_find         (GtkWidget     *root,
                                        GType          type,
                                        OtTestUiMatch  match,
                                        gconstpointer  data);
GtkWidget     *ot_test_ui_find_row     (GtkWidget     *root,
                                        const char    *title);
gboolean       ot_test_ui_row_has_title (GtkWidget    *widget,
                                        gconstpointer  title);
GtkWidget     *ot_test_ui_find_label   (GtkWidget     *root,
                                        const char    *text);
graphene_point_t ot_test_ui_corner_in  (GtkWidget     *ancestor,
                                        GtkWidget     *widget);
void           ot_test_ui_count_shown  (GtkWidget     *widget,
                                        const char    *text,
                                        guint         *count);
GtkWidget        *ot_test_find_widget       (GtkWidget     *root,
                                             OtTestMatch    match,
                                             gconstpointer  data);
gboolean          ot_test_row_titled        (GtkWidget     *widget,
                                             gconstpointer  title);
gboolean          ot_test_button_labelled   (GtkWidget     *widget,
                                             gconstpointer  label);
gboolean          ot_test_group_titled      (GtkWidget     *widget,
                                             gconstpointer  title);
gboolean          ot_test_is_type           (GtkWidget     *widget,
                                             gconstpointer  type);
gboolean          ot_test_label_containing  (GtkWidget     *widget,
                                             gconstpointer  text);
GtkWidget        *ot_test_find_row          (GtkWidget     *root,
                                             const char    *title);
GtkWidget        *ot_test_find_button       (GtkWidget     *root,
                                             const char    *label);
GtkWidget        *ot_test_find_group        (GtkWidget     *root,
                                             const char    *title);
GtkWidget        *ot_test_find_type         (GtkWidget     *root,
                                             GType          type);
GtkWidget        *ot_test_find_by_id        (GtkWidget     *root,
                                             const char    *id);
GtkWidget        *ot_test_values_view       (OtWindow      *window);

/* Doing what a person does */
void              ot_test_press             (GtkWidget     *widget);
void              ot_test_press_in_row      (GtkWidget     *root,
                                             const char    *row,
                                             const char    *label);
void              ot_test_tick_row          (GtkWidget     *root,
                                             const char    *row);
gboolean          ot_test_row_button_active (GtkWidget     *root,
                                             const char    *row,
                                             const char    *label);
gboolean          ot_test_row_ticked        (GtkWidget     *root,
                                             const char    *row);
gboolean          ot_test_toggle_active     (GtkWidget     *widget);
void              ot_test_type_and_enter    (GtkWidget     *entry_row,
                                             const char    *text);
void              ot_test_type_into_group   (GtkWidget     *root,
                                             const char    *group,
                                             const char    *text);
GtkWidget        *ot_test_find_dialog       (void);
char             *ot_test_dialog_text       (GtkWidget     *dialog);
void              ot_test_answer_dialog     (GtkWidget     *dialog,
                                             const char    *label);
void              ot_test_close_answering   (OtWindow      *window,
                                             const char    *label);
void              ot_test_resize            (OtWindow      *window,
                                             int            width,
                                             int            height);
void              ot_test_shot              (GtkWidget     *widget,
                                             const char    *name);

/* Files and folders of the application */
void              ot_test_fresh_start       (void);
GFile            *ot_test_autosave_file     (void);
gboolean          ot_test_wait_for_file     (OtWindow      *window,
                                             GFile         *file);
char             *ot_test_work_path         (const char    *name);
guint             ot_test_file_mode         (GFile         *file);

G_END_DECLS
