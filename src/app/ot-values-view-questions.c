/* ot-values-view-questions.c: questions for the visit, chosen and asked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ot-values-view"

#include "config.h"

#include <glib/gi18n.h>

#include "ot-check-row.h"
#include "ot-own-answer.h"
#include "ot-question-row.h"
#include "ot-values-view-private.h"

static OtWorksheet *
get_worksheet (OtValuesView *self)
{
  return ot_view_get_worksheet (OT_VIEW (self));
}

/* Choosing, by topic */

static void
question_toggled_cb (GtkCheckButton *check,
                     OtValuesView   *self)
{
  const OtItem *item = self->question_items->pdata[ot_values_index_of (self->question_checks, check)];

  ot_worksheet_set_question (get_worksheet (self), item->id, gtk_check_button_get_active (check));
}

/* The list for the visit: the chosen questions, then the person's own */

static void
chosen_changed_cb (OtValuesView *self,
                   GParamSpec   *pspec,
                   OtOwnAnswer  *item)
{
  ot_worksheet_set_question_asked (get_worksheet (self), ot_own_answer_get_id (item), ot_own_answer_get_asked (item));
}

void
ot_values_view_own_question_changed_cb (OtValuesView *self,
                                        GParamSpec   *pspec,
                                        OtOwnAnswer  *item)
{
  guint index;

  if (!g_list_store_find (self->own_questions.store, item, &index))
    g_assert_not_reached ();
  ot_worksheet_set_own_question (get_worksheet (self), index, ot_own_answer_get_text (item),
                                 ot_own_answer_get_asked (item));
}

/* The list holds the chosen questions, then the person's own. */
static void
remove_row (OtValuesView  *self,
            GtkListBoxRow *row)
{
  guint index = gtk_list_box_row_get_index (row);
  guint n_chosen = g_list_model_get_n_items (G_LIST_MODEL (self->chosen_questions));
  g_autoptr(OtOwnAnswer) chosen = NULL;

  if (index >= n_chosen)
    {
      ot_worksheet_remove_own_question (get_worksheet (self), index - n_chosen);
      return;
    }
  chosen = g_list_model_get_item (G_LIST_MODEL (self->chosen_questions), index);
  ot_worksheet_set_question (get_worksheet (self), ot_own_answer_get_id (chosen), FALSE);
}

/* A chosen question is the pack's, as written; the person's own is
 * theirs to edit. */
static GtkWidget *
question_row_new (gpointer item,
                  gpointer data)
{
  GtkWidget *row;

  if (GTK_IS_WIDGET (item))
    return g_object_ref (item);

  if (ot_own_answer_get_id (item) == NULL)
    row = ot_own_question_row_new (item);
  else
    row = ot_chosen_question_row_new (item);
  g_signal_connect_swapped (row, "remove", G_CALLBACK (remove_row), data);
  return row;
}

void
ot_values_view_build_questions (OtValuesView *self)
{
  GPtrArray *groups = ot_content_get_question_groups (ot_view_get_content (OT_VIEW (self)));
  GListStore *parts = g_list_store_new (G_TYPE_LIST_MODEL);
  g_autoptr(GtkFlattenListModel) questions = NULL;

  for (guint i = 0; i < groups->len; i++)
    {
      const OtGroup *group = groups->pdata[i];
      GtkWidget *expander = adw_expander_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), group->title);

      for (guint j = 0; j < group->items->len; j++)
        {
          const OtItem *item = group->items->pdata[j];
          GtkWidget *row = ot_check_row_new (item->text);
          GtkCheckButton *check = ot_check_row_get_check (OT_CHECK_ROW (row));

          g_signal_connect (check, "toggled", G_CALLBACK (question_toggled_cb), self);
          ot_check_row_add_to (OT_CHECK_ROW (row), ADW_EXPANDER_ROW (expander));
          g_ptr_array_add (self->question_checks, check);
          g_ptr_array_add (self->question_items, (gpointer) item);
        }

      adw_preferences_group_add (self->topics_group, expander);
      g_ptr_array_add (self->topic_rows, expander);
    }

  g_list_store_append (parts, self->chosen_questions);
  g_list_store_append (parts, self->own_questions.store);
  questions = gtk_flatten_list_model_new (G_LIST_MODEL (parts));
  ot_values_bind_list (self->my_questions_list, G_LIST_MODEL (questions), GTK_WIDGET (self->add_question_row),
                       question_row_new, self);
}

/* The chosen questions the pack has, in the order chosen: new items when
 * that changed, else each one's "asked" set in place.  A question the
 * pack no longer has stays in the worksheet, unseen. */
static void
sync_chosen (OtValuesView *self)
{
  OtWorksheet *worksheet = get_worksheet (self);
  OtContent *content = ot_view_get_content (OT_VIEW (self));
  const char * const *chosen = ot_worksheet_get_questions (worksheet);
  GListModel *shown = G_LIST_MODEL (self->chosen_questions);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean same;

  for (guint i = 0; chosen[i] != NULL; i++)
    {
      const OtItem *question = ot_content_find_question (content, chosen[i]);
      OtOwnAnswer *item;

      if (question == NULL)
        continue;
      item = ot_own_answer_new (question->id);
      ot_own_answer_set_text (item, question->text);
      ot_own_answer_set_asked (item, ot_worksheet_get_question_asked (worksheet, question->id));
      g_ptr_array_add (items, item);
    }

  same = g_list_model_get_n_items (shown) == items->len;
  for (guint i = 0; same && i < items->len; i++)
    {
      g_autoptr(OtOwnAnswer) item = g_list_model_get_item (shown, i);

      same = g_str_equal (ot_own_answer_get_id (item), ot_own_answer_get_id (items->pdata[i]));
      ot_own_answer_set_asked (item, ot_own_answer_get_asked (items->pdata[i]));
    }
  if (same)
    return;

  for (guint i = 0; i < items->len; i++)
    g_signal_connect_object (items->pdata[i], "notify::asked", G_CALLBACK (chosen_changed_cb), self, G_CONNECT_SWAPPED);
  g_list_store_splice (self->chosen_questions, 0, g_list_model_get_n_items (shown), items->pdata, items->len);
}

void
ot_values_view_refresh_questions (OtView *view)
{
  OtValuesView *self = OT_VALUES_VIEW (view);
  OtWorksheet *worksheet = get_worksheet (self);
  GPtrArray *groups = ot_content_get_question_groups (ot_view_get_content (view));

  for (guint i = 0; i < self->question_checks->len; i++)
    gtk_check_button_set_active (self->question_checks->pdata[i],
                                 ot_worksheet_has_question (worksheet, ((const OtItem *) self->question_items->pdata[i])->id));

  for (guint i = 0; i < self->topic_rows->len; i++)
    {
      const OtGroup *group = groups->pdata[i];
      g_autofree char *subtitle = NULL;
      guint n = 0;

      for (guint j = 0; j < group->items->len; j++)
        n += ot_worksheet_has_question (worksheet, ((const OtItem *) group->items->pdata[j])->id);
      if (n > 0)
        subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u question chosen", "%u questions chosen", n), n);
      adw_expander_row_set_subtitle (self->topic_rows->pdata[i], subtitle ? subtitle : "");
    }

  sync_chosen (self);
  ot_values_sync_own (&self->own_questions, ot_worksheet_get_own_questions (worksheet));
}
