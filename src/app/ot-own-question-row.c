/* ot-own-question-row.c: a question of the person's own, to edit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ot-own-question-row"

#include "config.h"

#include <glib/gi18n.h>

#include "ot-own-question-row.h"
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
  N_PROPS
};

enum {
  REMOVE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
remove_clicked_cb (OtOwnQuestionRow *self)
{
  g_signal_emit (self, signals[REMOVE], 0);
}

/* The row writes to its item, and shows it; the check and the button are
 * named by the question as it was when the row was made. */
static void
ot_own_question_row_constructed (GObject *object)
{
  OtOwnQuestionRow *self = OT_OWN_QUESTION_ROW (object);
  g_autofree char *remove = g_strdup_printf (_("Remove “%s”"), ot_own_answer_get_text (self->item));

  G_OBJECT_CLASS (ot_own_question_row_parent_class)->constructed (object);

  g_object_bind_property (self->item, "text", self, "text", G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->item, "asked", self->asked_check, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->asked_check), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  ot_own_answer_get_text (self->item), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->remove_button), GTK_ACCESSIBLE_PROPERTY_LABEL, remove, -1);
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

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, OT_TYPE_OWN_ANSWER,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * OtOwnQuestionRow::remove:
   *
   * The person asked to remove their question.
   */
  signals[REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

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
