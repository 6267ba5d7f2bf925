/* ot-values-view-private.h: what the values view's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ot-values-view.h"

G_BEGIN_DECLS

struct _OtValuesView
{
  OtView               parent_instance;

  /* Template */
  AdwPreferencesGroup *values_group;
  AdwPreferencesGroup *own_values_group;
  AdwEntryRow         *add_value_row;
  GtkLabel            *top_label;
  AdwPreferencesGroup *role_group;
  GtkLabel            *role_source_label;
  AdwPreferencesGroup *readiness_group;
  GtkLabel            *readiness_result_label;
  GtkLabel            *readiness_source_label;
  AdwPreferencesGroup *topics_group;
  AdwPreferencesGroup *my_questions_group;
  AdwEntryRow         *add_question_row;
  AdwPreferencesGroup *leaning_group;
  GtkCheckButton      *not_sure_check;
  GtkTextView         *notes_view;
  GtkTextView         *next_steps_view;
  AdwActionRow        *next_visit_row;
  GtkMenuButton       *visit_button;
  GtkPopover          *visit_popover;
  GtkCalendar         *calendar;

  /* Rows built from the content pack, kept to update them in place. */
  GPtrArray           *value_scales;      /* rating scales of the pack's values */
  GPtrArray           *own_value_rows;
  GPtrArray           *role_checks;
  GPtrArray           *readiness_rows;
  GPtrArray           *topic_rows;        /* AdwExpanderRow per question topic */
  GPtrArray           *question_checks;
  GPtrArray           *my_question_rows;
  char                *my_questions_shown; /* what my_question_rows were built for */
  GPtrArray           *leaning_checks;

  gulong               changed_id;
  /* Set while the view copies the worksheet into its widgets, so the
   * widgets' signals do not write the same values back. */
  gboolean             syncing;
};

/* ot-values-view-rows.c: widgets shared by the sections */
typedef void (*OtScaleFunc) (GtkWidget *scale,
                             int        rating,
                             gpointer   data);

GtkWidget *ot_values_scale_new          (const char     *about,
                                         OtScaleFunc     changed,
                                         gpointer        data);
void       ot_values_scale_set          (GtkWidget      *scale,
                                         int             rating);
GtkWidget *ot_values_yes_no_new         (const char     *about,
                                         GCallback       toggled,
                                         gpointer        data);
void       ot_values_yes_no_set         (GtkWidget      *yes_no,
                                         OtAnswer        answer);
OtAnswer   ot_values_toggle_get_answer  (GtkToggleButton *toggle);
GtkWidget *ot_values_remove_button_new  (const char     *what,
                                         GCallback       clicked,
                                         gpointer        data);
char      *ot_values_format_sources     (OtContent      *content,
                                         const char * const *ids);
void       ot_values_remove_rows        (AdwPreferencesGroup *group,
                                         GPtrArray      *rows);
gboolean   ot_values_has_focus_within   (GtkWidget      *widget);

/* ot-values-view-questions.c: questions for the visit */
void       ot_values_view_build_questions (OtValuesView *self);
void       ot_values_view_sync_questions  (OtValuesView *self);

G_END_DECLS
