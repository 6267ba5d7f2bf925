/* ot-values-view-private.h: what the values view's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ot-long-label.h"
#include "ot-own-answer.h"
#include "ot-values-view.h"

G_BEGIN_DECLS

/* A list of the person's own values or questions.  Rows for many items
 * come a few a frame, and many rows change a few a frame, so that the
 * window goes on answering while they are made and laid out; the items
 * still waiting are not in @store yet. */
typedef struct
{
  GListStore          *store;     /* of OtOwnAnswer, bound to @list */
  GPtrArray           *waiting;   /* of OtOwnAnswer, in order, after @store's */
  GPtrArray           *updates;   /* of OtOwnAnswer: what @store's items are to say */
  guint                next_update;
  GtkWidget           *list;      /* its frames bring the waiting items */
  guint                tick_id;
  GCallback            changed;   /* connected to each item's "notify" in @store */
  gpointer             data;
} OtOwnList;

struct _OtValuesView
{
  OtView               parent_instance;

  /* Template */
  AdwPreferencesGroup *values_group;
  GtkListBox          *own_values_list;
  AdwEntryRow         *add_value_row;
  OtLongLabel         *top_label;
  AdwPreferencesGroup *role_group;
  GtkLabel            *role_source_label;
  AdwPreferencesGroup *readiness_group;
  GtkLabel            *readiness_result_label;
  GtkLabel            *readiness_source_label;
  AdwPreferencesGroup *topics_group;
  GtkListBox          *my_questions_list;
  AdwEntryRow         *add_question_row;
  AdwPreferencesGroup *leaning_group;
  GtkCheckButton      *not_sure_check;
  GtkTextView         *notes_view;
  GtkTextView         *next_steps_view;
  AdwActionRow        *next_visit_row;
  GtkMenuButton       *visit_button;
  GtkPopover          *visit_popover;
  GtkCalendar         *calendar;

  /* Rows built from the content pack, in the pack's order, kept to update
   * them in place: the n-th stands for the n-th item of its list. */
  GPtrArray           *value_rows;        /* OtRatingRow per value */
  GPtrArray           *role_checks;
  GPtrArray           *readiness_rows;    /* yes-or-no pair per item */
  GPtrArray           *topic_rows;        /* AdwExpanderRow per question topic */
  GPtrArray           *question_items;    /* OtItem of each question check */
  GPtrArray           *question_checks;
  GPtrArray           *leaning_checks;    /* per category */

  /* The person's lists, as OtOwnAnswer, bound to their list boxes. */
  OtOwnList            own_values;
  GListStore          *chosen_questions;
  OtOwnList            own_questions;
};

/* ot-values-view-rows.c: what the sections share */
guint      ot_values_index_of           (GPtrArray      *rows,
                                         gpointer        row);
GtkWidget *ot_values_yes_no_new         (const char     *about,
                                         GCallback       toggled,
                                         gpointer        data);
void       ot_values_yes_no_set         (GtkWidget      *yes_no,
                                         OtAnswer        answer);
OtAnswer   ot_values_toggle_get_answer  (GtkToggleButton *toggle);
char      *ot_values_format_sources     (OtContent      *content,
                                         const char * const *ids);
void       ot_values_bind_list          (GtkListBox     *list,
                                         GListModel     *items,
                                         GtkWidget      *add_row,
                                         GtkListBoxCreateWidgetFunc create,
                                         gpointer        data);
void       ot_own_list_init             (OtOwnList      *own,
                                         GtkListBox     *list,
                                         GCallback       changed,
                                         gpointer        data);
void       ot_own_list_clear            (OtOwnList      *own);
void       ot_values_sync_own           (OtOwnList      *own,
                                         GPtrArray      *answers);

/* ot-values-view-questions.c: questions for the visit */
void       ot_values_view_build_questions   (OtValuesView *self);
void       ot_values_view_refresh_questions (OtView       *view);
void       ot_values_view_own_question_changed_cb (OtValuesView *self,
                                                   GParamSpec   *pspec,
                                                   OtOwnAnswer  *item);

G_END_DECLS
