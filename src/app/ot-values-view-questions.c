/* ot-values-view-questions.c: questions for the visit, chosen and asked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ot-values-view"

#include "config.h"

#include <glib/gi18n.h>

#include "ot-check-row.h"
#include "ot-text-limit.h"
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
  if (self->syncing)
    return;
  ot_worksheet_set_question (get_worksheet (self), g_object_get_data (G_OBJECT (check), "ot-id"),
                             gtk_check_button_get_active (check));
}

void
ot_values_view_build_questions (OtValuesView *self)
{
  GPtrArray *groups = ot_content_get_question_groups (ot_view_get_content (OT_VIEW (self)));

  for (guint i = 0; i < groups->len; i++)
    {
      const OtGroup *group = groups->pdata[i];
      GtkWidget *expander = adw_expander_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), group->title);
      g_object_set_data (G_OBJECT (expander), "ot-group", (gpointer) group);

      for (guint j = 0; j < group->items->len; j++)
        {
          const OtItem *item = group->items->pdata[j];
          GtkWidget *row = ot_check_row_new (item->text);
          GtkCheckButton *check = ot_check_row_get_check (OT_CHECK_ROW (row));

          g_object_set_data (G_OBJECT (check), "ot-id", (gpointer) item->id);
          g_signal_connect (check, "toggled", G_CALLBACK (question_toggled_cb), self);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
          g_ptr_array_add (self->question_checks, check);
        }

      adw_preferences_group_add (self->topics_group, expander);
      g_ptr_array_add (self->topic_rows, expander);
    }
}

/* The list for the visit: the chosen questions, then the person's own */

static guint
row_index (GtkWidget *widget)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "ot-index"));
}

static const OtOwnItem *
own_question (OtValuesView *self,
              guint         index)
{
  return ot_worksheet_get_own_questions (get_worksheet (self))->pdata[index];
}

static void
asked_toggled_cb (GtkCheckButton *check,
                  OtValuesView   *self)
{
  if (self->syncing)
    return;
  ot_worksheet_set_question_asked (get_worksheet (self), g_object_get_data (G_OBJECT (check), "ot-id"),
                                   gtk_check_button_get_active (check));
}

static void
unchoose_clicked_cb (GtkButton    *button,
                     OtValuesView *self)
{
  ot_worksheet_set_question (get_worksheet (self), g_object_get_data (G_OBJECT (button), "ot-id"), FALSE);
}

static void
own_asked_toggled_cb (GtkCheckButton *check,
                      OtValuesView   *self)
{
  guint index = row_index (GTK_WIDGET (check));

  if (self->syncing)
    return;
  ot_worksheet_set_own_question (get_worksheet (self), index, own_question (self, index)->text,
                                 gtk_check_button_get_active (check));
}

static void
own_changed_cb (GtkEditable  *row,
                OtValuesView *self)
{
  guint index = row_index (GTK_WIDGET (row));

  if (self->syncing)
    return;
  ot_worksheet_set_own_question (get_worksheet (self), index, gtk_editable_get_text (row),
                                 own_question (self, index)->asked);
}

static void
own_remove_clicked_cb (GtkButton    *button,
                       OtValuesView *self)
{
  ot_worksheet_remove_own_question (get_worksheet (self), row_index (GTK_WIDGET (button)));
}

static GtkWidget *
asked_check_new (const char *question)
{
  GtkWidget *check = gtk_check_button_new_with_label (_("Asked"));

  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, question, -1);
  return check;
}

static GtkWidget *
chosen_row_new (OtValuesView *self,
                const OtItem *item)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = asked_check_new (item->text);
  GtkWidget *remove = ot_values_remove_button_new (item->text, G_CALLBACK (unchoose_clicked_cb), self);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item->text);
  g_object_set_data (G_OBJECT (check), "ot-id", (gpointer) item->id);
  g_object_set_data (G_OBJECT (remove), "ot-id", (gpointer) item->id);
  g_signal_connect (check, "toggled", G_CALLBACK (asked_toggled_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), check);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  g_object_set_data (G_OBJECT (row), "ot-asked", check);
  return row;
}

static GtkWidget *
own_row_new (OtValuesView    *self,
             guint            index,
             const OtOwnItem *item)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *check = asked_check_new (item->text);
  GtkWidget *remove = ot_values_remove_button_new (item->text, G_CALLBACK (own_remove_clicked_cb), self);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Your question"));
  gtk_editable_set_text (GTK_EDITABLE (row), item->text);
  g_object_set_data (G_OBJECT (row), "ot-index", GUINT_TO_POINTER (index));
  g_object_set_data (G_OBJECT (check), "ot-index", GUINT_TO_POINTER (index));
  g_object_set_data (G_OBJECT (remove), "ot-index", GUINT_TO_POINTER (index));
  g_signal_connect (row, "changed", G_CALLBACK (own_changed_cb), self);
  ot_text_limit_editable (GTK_EDITABLE (row), OT_TEXT_FIELD_OWN_QUESTION);
  g_signal_connect (check, "toggled", G_CALLBACK (own_asked_toggled_cb), self);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), check);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), remove);
  g_object_set_data (G_OBJECT (row), "ot-asked", check);
  return row;
}

/* Which rows the list needs: the chosen ids and how many of the person's
 * own, so it is rebuilt only when that changes and typing keeps focus. */
static char *
list_key (OtWorksheet *worksheet)
{
  g_autofree char *ids = g_strjoinv (" ", (char **) ot_worksheet_get_questions (worksheet));

  return g_strdup_printf ("%s|%u", ids, ot_worksheet_get_own_questions (worksheet)->len);
}

static void
rebuild_list (OtValuesView *self)
{
  OtWorksheet *worksheet = get_worksheet (self);
  OtContent *content = ot_view_get_content (OT_VIEW (self));
  const char * const *chosen = ot_worksheet_get_questions (worksheet);
  GPtrArray *own = ot_worksheet_get_own_questions (worksheet);
  gboolean refocus = ot_values_has_focus_within (GTK_WIDGET (self->add_question_row));

  ot_values_remove_rows (self->my_questions_group, self->my_question_rows);
  g_object_ref (self->add_question_row);
  adw_preferences_group_remove (self->my_questions_group, GTK_WIDGET (self->add_question_row));

  /* A question the pack no longer has stays in the worksheet, unseen. */
  for (guint i = 0; chosen[i] != NULL; i++)
    {
      const OtItem *item = ot_content_find_question (content, chosen[i]);

      if (item != NULL)
        g_ptr_array_add (self->my_question_rows, chosen_row_new (self, item));
    }
  for (guint i = 0; i < own->len; i++)
    g_ptr_array_add (self->my_question_rows, own_row_new (self, i, own->pdata[i]));
  for (guint i = 0; i < self->my_question_rows->len; i++)
    adw_preferences_group_add (self->my_questions_group, self->my_question_rows->pdata[i]);

  adw_preferences_group_add (self->my_questions_group, GTK_WIDGET (self->add_question_row));
  g_object_unref (self->add_question_row);
  if (refocus)
    gtk_widget_grab_focus (GTK_WIDGET (self->add_question_row));
}

void
ot_values_view_sync_questions (OtValuesView *self)
{
  OtWorksheet *worksheet = get_worksheet (self);
  g_autofree char *key = list_key (worksheet);

  for (guint i = 0; i < self->question_checks->len; i++)
    {
      GtkCheckButton *check = self->question_checks->pdata[i];

      gtk_check_button_set_active (check, ot_worksheet_has_question (worksheet, g_object_get_data (G_OBJECT (check), "ot-id")));
    }

  for (guint i = 0; i < self->topic_rows->len; i++)
    {
      AdwExpanderRow *expander = self->topic_rows->pdata[i];
      const OtGroup *group = g_object_get_data (G_OBJECT (expander), "ot-group");
      g_autofree char *subtitle = NULL;
      guint n = 0;

      for (guint j = 0; j < group->items->len; j++)
        n += ot_worksheet_has_question (worksheet, ((const OtItem *) group->items->pdata[j])->id);
      if (n > 0)
        subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u question chosen", "%u questions chosen", n), n);
      adw_expander_row_set_subtitle (expander, subtitle ? subtitle : "");
    }

  if (g_strcmp0 (key, self->my_questions_shown) != 0)
    {
      rebuild_list (self);
      g_free (self->my_questions_shown);
      self->my_questions_shown = g_steal_pointer (&key);
    }

  for (guint i = 0; i < self->my_question_rows->len; i++)
    {
      GtkWidget *row = self->my_question_rows->pdata[i];
      GtkCheckButton *asked = g_object_get_data (G_OBJECT (row), "ot-asked");

      if (ADW_IS_ENTRY_ROW (row))
        {
          const OtOwnItem *item = own_question (self, row_index (row));

          if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), item->text) != 0)
            gtk_editable_set_text (GTK_EDITABLE (row), item->text);
          gtk_check_button_set_active (asked, item->asked);
        }
      else
        gtk_check_button_set_active (asked, ot_worksheet_get_question_asked (worksheet,
                                                                            g_object_get_data (G_OBJECT (asked), "ot-id")));
    }
}
