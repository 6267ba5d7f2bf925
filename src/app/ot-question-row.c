/* ot-question-row.c: a question for the visit, asked or not
 *
 * A question chosen from the guide is shown as written; one of the
 * person's own is theirs to edit.  Both say whether it was asked, and
 * can be removed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ot-question-row"

#include "config.h"

#include <glib/gi18n.h>

#include "ot-question-row.h"
#include "ot-text-limit.h"

struct _OtOwnQuestionRow
{
  AdwEntryRow     parent_instance;

  GtkCheckButton *asked_check;
  GtkButton      *remove_button;

  OtOwnAnswer    *item;
};

G_DEFINE_FINAL_TYPE (OtOwnQuestionRow, ot_own_question_row, ADW_TYPE_ENTRY_ROW)

enum {
  PROP_0,
  PROP_ITEM,
};

enum {
  REMOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];
static guint chosen_signals[N_SIGNALS];

/* Both rows have their question as "item", and say "remove" when the
 * person asks to remove it. */
static void
install_item_and_remove (GObjectClass *object_class,
                         guint        *remove)
{
  g_object_class_install_property (object_class, PROP_ITEM,
                                   g_param_spec_object ("item", NULL, NULL, OT_TYPE_OWN_ANSWER,
                                                        G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY |
                                                        G_PARAM_STATIC_STRINGS));

  *remove = g_signal_new ("remove", G_OBJECT_CLASS_TYPE (object_class), G_SIGNAL_RUN_LAST,
                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
remove_clicked_cb (OtOwnQuestionRow *self)
{
  g_signal_emit (self, signals[REMOVE], 0);
}

/* The check shows whether @item was asked, and the check and the button
 * are named by the question as it was when the row was made. */
static void
bind_question (OtOwnAnswer    *item,
               GtkCheckButton *asked_check,
               GtkButton      *remove_button)
{
  g_autofree char *remove = g_strdup_printf (_("Remove “%s”"), ot_own_answer_get_text (item));

  g_object_bind_property (item, "asked", asked_check, "active", G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (asked_check), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  ot_own_answer_get_text (item), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove_button), GTK_ACCESSIBLE_PROPERTY_LABEL, remove, -1);
}

/* The person's own question: the row writes to its item, and shows it. */
static void
ot_own_question_row_constructed (GObject *object)
{
  OtOwnQuestionRow *self = OT_OWN_QUESTION_ROW (object);

  G_OBJECT_CLASS (ot_own_question_row_parent_class)->constructed (object);

  g_object_bind_property (self->item, "text", self, "text", G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  bind_question (self->item, self->asked_check, self->remove_button);
  ot_text_limit_editable (GTK_EDITABLE (self), OT_TEXT_FIELD_OWN_QUESTION);
}

static void
ot_own_question_row_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  OtOwnQuestionRow *self = OT_OWN_QUESTION_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      self->item = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ot_own_question_row_finalize (GObject *object)
{
  OtOwnQuestionRow *self = OT_OWN_QUESTION_ROW (object);

  g_clear_object (&self->item);

  G_OBJECT_CLASS (ot_own_question_row_parent_class)->finalize (object);
}

static void
ot_own_question_row_class_init (OtOwnQuestionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ot_own_question_row_constructed;
  object_class->set_property = ot_own_question_row_set_property;
  object_class->finalize = ot_own_question_row_finalize;

  /**
   * OtOwnQuestionRow::remove:
   *
   * The person asked to remove their question.
   */
  install_item_and_remove (object_class, &signals[REMOVE]);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ot-own-question-row.ui");
  gtk_widget_class_bind_template_child (widget_class, OtOwnQuestionRow, asked_check);
  gtk_widget_class_bind_template_child (widget_class, OtOwnQuestionRow, remove_button);
  gtk_widget_class_bind_template_callback (widget_class, remove_clicked_cb);
}

static void
ot_own_question_row_init (OtOwnQuestionRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * ot_own_question_row_new:
 * @item: the question, which the row shows and writes to
 */
GtkWidget *
ot_own_question_row_new (OtOwnAnswer *item)
{
  g_return_val_if_fail (OT_IS_OWN_ANSWER (item), NULL);

  return g_object_new (OT_TYPE_OWN_QUESTION_ROW, "item", item, NULL);
}

/* A question chosen from the guide, as written. */

struct _OtChosenQuestionRow
{
  AdwActionRow    parent_instance;

  GtkCheckButton *asked_check;
  GtkButton      *remove_button;

  OtOwnAnswer    *item;
};

G_DEFINE_FINAL_TYPE (OtChosenQuestionRow, ot_chosen_question_row, ADW_TYPE_ACTION_ROW)

static void
chosen_remove_clicked_cb (OtChosenQuestionRow *self)
{
  g_signal_emit (self, chosen_signals[REMOVE], 0);
}

static void
ot_chosen_question_row_constructed (GObject *object)
{
  OtChosenQuestionRow *self = OT_CHOSEN_QUESTION_ROW (object);

  G_OBJECT_CLASS (ot_chosen_question_row_parent_class)->constructed (object);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), ot_own_answer_get_text (self->item));
  bind_question (self->item, self->asked_check, self->remove_button);
}

static void
ot_chosen_question_row_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  OtChosenQuestionRow *self = OT_CHOSEN_QUESTION_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      self->item = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ot_chosen_question_row_finalize (GObject *object)
{
  OtChosenQuestionRow *self = OT_CHOSEN_QUESTION_ROW (object);

  g_clear_object (&self->item);

  G_OBJECT_CLASS (ot_chosen_question_row_parent_class)->finalize (object);
}

static void
ot_chosen_question_row_class_init (OtChosenQuestionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ot_chosen_question_row_constructed;
  object_class->set_property = ot_chosen_question_row_set_property;
  object_class->finalize = ot_chosen_question_row_finalize;

  /**
   * OtChosenQuestionRow::remove:
   *
   * The person asked to take the question off their list.
   */
  install_item_and_remove (object_class, &chosen_signals[REMOVE]);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ot-chosen-question-row.ui");
  gtk_widget_class_bind_template_child (widget_class, OtChosenQuestionRow, asked_check);
  gtk_widget_class_bind_template_child (widget_class, OtChosenQuestionRow, remove_button);
  gtk_widget_class_bind_template_callback_full (widget_class, "remove_clicked_cb",
                                                G_CALLBACK (chosen_remove_clicked_cb));
}

static void
ot_chosen_question_row_init (OtChosenQuestionRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * ot_chosen_question_row_new:
 * @item: the question chosen from the guide, whose "asked" the row
 *   shows and writes to
 */
GtkWidget *
ot_chosen_question_row_new (OtOwnAnswer *item)
{
  g_return_val_if_fail (OT_IS_OWN_ANSWER (item), NULL);

  return g_object_new (OT_TYPE_CHOSEN_QUESTION_ROW, "item", item, NULL);
}
