/* ot-rating-row.c: a thing to rate, and the scale to rate it on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ot-rating-row"

#include "config.h"

#include <glib/gi18n.h>

#include "ot-rating-row.h"
#include "ot-rating-scale.h"
#include "ot-text-limit.h"
#include "ot-worksheet.h"

struct _OtRatingRow
{
  AdwPreferencesRow  parent_instance;

  GtkEntry          *entry;
  GtkLabel          *help_label;
  GtkWidget         *own_box;
  GtkButton         *remove_button;
  OtRatingScale     *scale;
  GtkLabel          *title_label;

  gboolean           own;
};

G_DEFINE_FINAL_TYPE (OtRatingRow, ot_rating_row, ADW_TYPE_PREFERENCES_ROW)

enum {
  PROP_0,
  PROP_HELP,
  PROP_OWN,
  PROP_RATING,
  N_PROPS
};

enum {
  REMOVE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* What is rated names the row, its scale and its remove button. */
static void
title_changed_cb (OtRatingRow *self)
{
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self));
  g_autofree char *remove = g_strdup_printf (_("Remove “%s”"), title);

  gtk_label_set_text (self->title_label, title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->remove_button), GTK_ACCESSIBLE_PROPERTY_LABEL, remove, -1);
  ot_rating_scale_set_about (self->scale, title);
}

static void
rating_changed_cb (OtRatingRow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RATING]);
}

static void
remove_clicked_cb (OtRatingRow *self)
{
  g_signal_emit (self, signals[REMOVE], 0);
}

static void
ot_rating_row_constructed (GObject *object)
{
  OtRatingRow *self = OT_RATING_ROW (object);

  G_OBJECT_CLASS (ot_rating_row_parent_class)->constructed (object);

  /* The person's own is written in the entry, which is its title. */
  gtk_widget_set_visible (GTK_WIDGET (self->title_label), !self->own);
  gtk_widget_set_visible (self->own_box, self->own);
  if (self->own)
    {
      g_object_bind_property (self, "title", self->entry, "text", G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
      ot_text_limit_editable (GTK_EDITABLE (self->entry), OT_TEXT_FIELD_OWN_VALUE);
    }
  title_changed_cb (self);
}

static void
ot_rating_row_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  OtRatingRow *self = OT_RATING_ROW (object);

  switch (prop_id)
    {
    case PROP_RATING:
      g_value_set_int (value, ot_rating_row_get_rating (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ot_rating_row_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  OtRatingRow *self = OT_RATING_ROW (object);

  switch (prop_id)
    {
    case PROP_HELP:
      gtk_label_set_text (self->help_label, g_value_get_string (value));
      gtk_widget_set_visible (GTK_WIDGET (self->help_label), g_value_get_string (value) != NULL);
      break;

    case PROP_OWN:
      self->own = g_value_get_boolean (value);
      break;

    case PROP_RATING:
      ot_rating_row_set_rating (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ot_rating_row_class_init (OtRatingRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ot_rating_row_constructed;
  object_class->get_property = ot_rating_row_get_property;
  object_class->set_property = ot_rating_row_set_property;

  properties[PROP_HELP] =
    g_param_spec_string ("help", NULL, NULL, NULL,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The person's own: written in an entry, and removable. */
  properties[PROP_OWN] =
    g_param_spec_boolean ("own", NULL, NULL, FALSE,
                          G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RATING] =
    g_param_spec_int ("rating", NULL, NULL, OT_RATING_UNRATED, OT_RATING_MAX, OT_RATING_UNRATED,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * OtRatingRow::remove:
   *
   * The person asked to remove their own item.
   */
  signals[REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (OT_TYPE_RATING_SCALE);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ot-rating-row.ui");
  gtk_widget_class_bind_template_child (widget_class, OtRatingRow, entry);
  gtk_widget_class_bind_template_child (widget_class, OtRatingRow, help_label);
  gtk_widget_class_bind_template_child (widget_class, OtRatingRow, own_box);
  gtk_widget_class_bind_template_child (widget_class, OtRatingRow, remove_button);
  gtk_widget_class_bind_template_child (widget_class, OtRatingRow, scale);
  gtk_widget_class_bind_template_child (widget_class, OtRatingRow, title_label);
  gtk_widget_class_bind_template_callback (widget_class, rating_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, remove_clicked_cb);
}

static void
ot_rating_row_init (OtRatingRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "notify::title", G_CALLBACK (title_changed_cb), NULL);
}

/**
 * ot_rating_row_new:
 * @title: what is rated, from the content pack
 * @help: (nullable): a line that says more
 */
GtkWidget *
ot_rating_row_new (const char *title,
                   const char *help)
{
  return g_object_new (OT_TYPE_RATING_ROW, "title", title, "help", help, NULL);
}

/**
 * ot_rating_row_new_own:
 * @item: the person's own value, which the row shows and writes to
 *
 * A row for the person's own item: its title is what they write.
 */
GtkWidget *
ot_rating_row_new_own (OtOwnAnswer *item)
{
  GtkWidget *row;

  g_return_val_if_fail (OT_IS_OWN_ANSWER (item), NULL);

  row = g_object_new (OT_TYPE_RATING_ROW, "title", "", "own", TRUE, NULL);
  g_object_bind_property (item, "text", row, "title", G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_bind_property (item, "rating", row, "rating", G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  return row;
}

int
ot_rating_row_get_rating (OtRatingRow *self)
{
  g_return_val_if_fail (OT_IS_RATING_ROW (self), OT_RATING_UNRATED);

  return ot_rating_scale_get_rating (self->scale);
}

void
ot_rating_row_set_rating (OtRatingRow *self,
                          int          rating)
{
  g_return_if_fail (OT_IS_RATING_ROW (self));

  ot_rating_scale_set_rating (self->scale, rating);
}
