/* ot-values-view-rows.c: the small widgets the values view repeats
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ot-values-view"

#include "config.h"

#include <glib/gi18n.h>

#include "ot-own-answer.h"
#include "ot-rating-scale.h"
#include "ot-values-view-private.h"

/* Where @row is in @rows, which holds it: the rows are kept in the
 * pack's order, so this is the index of what it stands for. */
guint
ot_values_index_of (GPtrArray *rows,
                    gpointer   row)
{
  guint index;

  if (!g_ptr_array_find (rows, row, &index))
    g_assert_not_reached ();
  return index;
}

/**
 * ot_values_yes_no_new:
 * @about: the question, for screen readers
 *
 * A linked pair of "Yes" and "No" toggle buttons: one Tab stop, where the
 * arrow keys choose.
 */
GtkWidget *
ot_values_yes_no_new (const char *about,
                      GCallback   toggled,
                      gpointer    data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *yes = gtk_toggle_button_new_with_mnemonic (_("_Yes"));
  GtkWidget *no = gtk_toggle_button_new_with_mnemonic (_("_No"));

  gtk_box_set_homogeneous (GTK_BOX (box), TRUE);
  gtk_widget_add_css_class (box, "linked");
  gtk_widget_add_css_class (box, "ot-scale");
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (no), GTK_TOGGLE_BUTTON (yes));
  /* GTK 4.8 names a mnemonic button by its raw label ("_Yes") and by its
   * child label too; the child's "Yes" alone is the name. */
  gtk_accessible_reset_property (GTK_ACCESSIBLE (yes), GTK_ACCESSIBLE_PROPERTY_LABEL);
  gtk_accessible_reset_property (GTK_ACCESSIBLE (no), GTK_ACCESSIBLE_PROPERTY_LABEL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (yes),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, about, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (no),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, about, -1);
  g_signal_connect (yes, "toggled", toggled, data);
  g_signal_connect (no, "toggled", toggled, data);
  gtk_box_append (GTK_BOX (box), yes);
  gtk_box_append (GTK_BOX (box), no);
  ot_toggles_make_one_tab_stop (box);

  return box;
}

void
ot_values_yes_no_set (GtkWidget *yes_no,
                      OtAnswer   answer)
{
  for (GtkWidget *child = gtk_widget_get_first_child (yes_no); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkToggleButton *toggle = GTK_TOGGLE_BUTTON (child);
      gboolean active = ot_values_toggle_get_answer (toggle) == answer;

      if (gtk_toggle_button_get_active (toggle) != active)
        gtk_toggle_button_set_active (toggle, active);
    }
}

/* "Yes" comes first, then "No". */
OtAnswer
ot_values_toggle_get_answer (GtkToggleButton *toggle)
{
  return gtk_widget_get_prev_sibling (GTK_WIDGET (toggle)) == NULL ? OT_ANSWER_YES : OT_ANSWER_NO;
}

/* "Source: title — publisher. url", one line per source. */
char *
ot_values_format_sources (OtContent          *content,
                          const char * const *ids)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      const OtSource *source = ot_content_find_source (content, ids[i]);

      if (source == NULL)
        continue;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* Translators: a source of the text above: its title, who published it, and its address */
      g_string_append_printf (text, _("Source: %s — %s. %s"), source->title, source->publisher, source->url);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * ot_values_bind_list:
 * @items: the rows' items, which @create makes rows of
 * @add_row: the row that adds one, always last
 *
 * Binds @list to @items.  @add_row stands in the list for itself, so it
 * is made once and keeps its focus as the items come and go.
 */
void
ot_values_bind_list (GtkListBox                 *list,
                     GListModel                 *items,
                     GtkWidget                  *add_row,
                     GtkListBoxCreateWidgetFunc  create,
                     gpointer                    data)
{
  GListStore *parts = g_list_store_new (G_TYPE_LIST_MODEL);
  g_autoptr(GListStore) end = g_list_store_new (GTK_TYPE_WIDGET);
  g_autoptr(GtkFlattenListModel) all = NULL;

  g_list_store_append (end, add_row);
  g_list_store_append (parts, items);
  g_list_store_append (parts, end);
  all = gtk_flatten_list_model_new (G_LIST_MODEL (parts));
  gtk_list_box_bind_model (list, G_LIST_MODEL (all), create, data, NULL);
}

/* Rows a list gets in one frame: each is made, measured and laid out in
 * it, and a row of 500 characters takes 1 to 5 ms (letters under many
 * marks are the slowest to shape). */
#define OWN_ROWS_PER_FRAME 5

/**
 * ot_own_list_init:
 * @list: the list box bound to @own's store
 * @changed: connected to each item's "notify" once it has a row, with @data
 */
void
ot_own_list_init (OtOwnList  *own,
                  GtkListBox *list,
                  GCallback   changed,
                  gpointer    data)
{
  own->store = g_list_store_new (OT_TYPE_OWN_ANSWER);
  own->waiting = g_ptr_array_new_with_free_func (g_object_unref);
  own->updates = g_ptr_array_new_with_free_func (g_object_unref);
  own->list = GTK_WIDGET (list);
  own->changed = changed;
  own->data = data;
}

void
ot_own_list_clear (OtOwnList *own)
{
  if (own->tick_id != 0)
    gtk_widget_remove_tick_callback (own->list, own->tick_id);
  own->tick_id = 0;
  g_clear_object (&own->store);
  g_clear_pointer (&own->waiting, g_ptr_array_unref);
  g_clear_pointer (&own->updates, g_ptr_array_unref);
}

/* Puts the first @n_items of @items in @own's store from @position on,
 * in place of what was there, and the rest in the waiting line. */
static void
own_list_show (OtOwnList  *own,
               guint       position,
               GPtrArray  *items,
               guint       n_items)
{
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (own->store));

  for (guint i = 0; i < n_items; i++)
    g_signal_connect_object (items->pdata[i], "notify", own->changed, own->data, G_CONNECT_SWAPPED);
  g_list_store_splice (own->store, position, n_shown - position, items->pdata, n_items);
}

static void
own_answer_set (OtOwnAnswer     *item,
                const OtOwnItem *answer)
{
  ot_own_answer_set_text (item, answer->text ? answer->text : "");
  ot_own_answer_set_rating (item, answer->rating);
  ot_own_answer_set_asked (item, answer->asked);
}

static gboolean
own_answer_is (OtOwnAnswer     *item,
               const OtOwnItem *answer)
{
  return g_strcmp0 (ot_own_answer_get_text (item), answer->text ? answer->text : "") == 0
         && ot_own_answer_get_rating (item) == answer->rating
         && ot_own_answer_get_asked (item) == answer->asked;
}

/* Sets, from the next on, at most @n of @own's items that differ from
 * what they are to say; TRUE while some are left for the next frame. */
static gboolean
own_list_update (OtOwnList *own,
                 guint      n)
{
  for (; own->next_update < own->updates->len && n > 0; own->next_update++)
    {
      g_autoptr(OtOwnAnswer) item = g_list_model_get_item (G_LIST_MODEL (own->store), own->next_update);
      OtOwnAnswer *update = own->updates->pdata[own->next_update];
      OtOwnItem answer = {
        (char *) ot_own_answer_get_text (update), ot_own_answer_get_rating (update), ot_own_answer_get_asked (update),
      };

      if (own_answer_is (item, &answer))
        continue;
      /* Set whole before the item's "notify" is heard, which writes the
       * whole item back: half set, it would undo the rest. */
      g_object_freeze_notify (G_OBJECT (item));
      own_answer_set (item, &answer);
      g_object_thaw_notify (G_OBJECT (item));
      n--;
    }

  if (own->next_update < own->updates->len)
    return TRUE;
  g_ptr_array_set_size (own->updates, 0);
  own->next_update = 0;
  return FALSE;
}

static gboolean
bring_rows_cb (GtkWidget     *list,
               GdkFrameClock *clock,
               gpointer       data)
{
  OtOwnList *own = data;
  guint n_items = MIN (own->waiting->len, OWN_ROWS_PER_FRAME);
  gboolean updating = own_list_update (own, OWN_ROWS_PER_FRAME);

  own_list_show (own, g_list_model_get_n_items (G_LIST_MODEL (own->store)), own->waiting, n_items);
  g_ptr_array_remove_range (own->waiting, 0, n_items);
  if (updating || own->waiting->len > 0)
    return G_SOURCE_CONTINUE;
  own->tick_id = 0;
  return G_SOURCE_REMOVE;
}

/**
 * ot_values_sync_own:
 * @answers: the worksheet's own values or questions, of OtOwnItem
 *
 * Makes @own say what @answers says: the same items set in place when
 * there are as many, so that typing in a row keeps it and its focus, and
 * when more rows change than a frame's, a few a frame (another worksheet
 * with as many own items at the limits changed 400 rows in one go: 80 ms);
 * else the items that are the same at the start kept with their rows, and
 * new items after them, whose rows come a few a frame.
 */
void
ot_values_sync_own (OtOwnList *own,
                    GPtrArray *answers)
{
  GListModel *shown = G_LIST_MODEL (own->store);
  guint n_shown = g_list_model_get_n_items (shown);
  g_autoptr(GPtrArray) items = NULL;
  guint same = 0;

  /* What was still to change gives way to these answers. */
  g_ptr_array_set_size (own->updates, 0);
  own->next_update = 0;

  if (n_shown + own->waiting->len == answers->len)
    {
      /* The waiting items have no rows yet: they are set at once. */
      for (guint i = n_shown; i < answers->len; i++)
        own_answer_set (own->waiting->pdata[i - n_shown], answers->pdata[i]);
      for (guint i = 0; i < n_shown; i++)
        {
          OtOwnAnswer *update = ot_own_answer_new (NULL);

          own_answer_set (update, answers->pdata[i]);
          g_ptr_array_add (own->updates, update);
        }
      /* Typing in a row changes it now, with its focus. */
      if (own_list_update (own, OWN_ROWS_PER_FRAME) && own->tick_id == 0)
        own->tick_id = gtk_widget_add_tick_callback (own->list, bring_rows_cb, own, NULL);
      return;
    }

  while (same < n_shown && same < answers->len)
    {
      g_autoptr(OtOwnAnswer) item = g_list_model_get_item (shown, same);

      if (!own_answer_is (item, answers->pdata[same]))
        break;
      same++;
    }

  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = same; i < answers->len; i++)
    {
      OtOwnAnswer *item = ot_own_answer_new (NULL);

      own_answer_set (item, answers->pdata[i]);
      g_ptr_array_add (items, item);
    }
  g_ptr_array_set_size (own->waiting, 0);
  own_list_show (own, same, items, MIN (items->len, OWN_ROWS_PER_FRAME));
  for (guint i = MIN (items->len, OWN_ROWS_PER_FRAME); i < items->len; i++)
    g_ptr_array_add (own->waiting, g_object_ref (items->pdata[i]));
  if (own->waiting->len > 0 && own->tick_id == 0)
    own->tick_id = gtk_widget_add_tick_callback (own->list, bring_rows_cb, own, NULL);
}
