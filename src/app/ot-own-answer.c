/* ot-own-answer.c: one item of a list the person makes, as its row shows it
 *
 * An item of the list models the values view binds its lists to: the
 * person's own values, and the questions for the visit (the pack's, which
 * have an id, and the person's own).  Its row binds to its properties; the
 * view writes them to the worksheet, and sets them from it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ot-own-answer"

#include "config.h"

#include "ot-own-answer.h"
#include "ot-worksheet.h"

struct _OtOwnAnswer
{
  GObject   parent_instance;

  char     *id;
  char     *text;
  int       rating;
  gboolean  asked;
};

G_DEFINE_FINAL_TYPE (OtOwnAnswer, ot_own_answer, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TEXT,
  PROP_RATING,
  PROP_ASKED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ot_own_answer_finalize (GObject *object)
{
  OtOwnAnswer *self = OT_OWN_ANSWER (object);

  g_free (self->id);
  g_free (self->text);

  G_OBJECT_CLASS (ot_own_answer_parent_class)->finalize (object);
}

static void
ot_own_answer_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  OtOwnAnswer *self = OT_OWN_ANSWER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_RATING:
      g_value_set_int (value, self->rating);
      break;

    case PROP_ASKED:
      g_value_set_boolean (value, self->asked);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ot_own_answer_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  OtOwnAnswer *self = OT_OWN_ANSWER (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;

    case PROP_TEXT:
      ot_own_answer_set_text (self, g_value_get_string (value));
      break;

    case PROP_RATING:
      ot_own_answer_set_rating (self, g_value_get_int (value));
      break;

    case PROP_ASKED:
      ot_own_answer_set_asked (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ot_own_answer_class_init (OtOwnAnswerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ot_own_answer_finalize;
  object_class->get_property = ot_own_answer_get_property;
  object_class->set_property = ot_own_answer_set_property;

  /* The pack's id of a chosen question; NULL for the person's own. */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RATING] =
    g_param_spec_int ("rating", NULL, NULL, OT_RATING_UNRATED, OT_RATING_MAX, OT_RATING_UNRATED,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ASKED] =
    g_param_spec_boolean ("asked", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ot_own_answer_init (OtOwnAnswer *self)
{
  self->rating = OT_RATING_UNRATED;
}

OtOwnAnswer *
ot_own_answer_new (const char *id)
{
  return g_object_new (OT_TYPE_OWN_ANSWER, "id", id, NULL);
}

const char *
ot_own_answer_get_id (OtOwnAnswer *self)
{
  g_return_val_if_fail (OT_IS_OWN_ANSWER (self), NULL);

  return self->id;
}

const char *
ot_own_answer_get_text (OtOwnAnswer *self)
{
  g_return_val_if_fail (OT_IS_OWN_ANSWER (self), NULL);

  return self->text;
}

void
ot_own_answer_set_text (OtOwnAnswer *self,
                        const char  *text)
{
  g_return_if_fail (OT_IS_OWN_ANSWER (self));

  if (g_strcmp0 (self->text, text) == 0)
    return;
  g_free (self->text);
  self->text = g_strdup (text);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

int
ot_own_answer_get_rating (OtOwnAnswer *self)
{
  g_return_val_if_fail (OT_IS_OWN_ANSWER (self), OT_RATING_UNRATED);

  return self->rating;
}

void
ot_own_answer_set_rating (OtOwnAnswer *self,
                          int          rating)
{
  g_return_if_fail (OT_IS_OWN_ANSWER (self));

  if (self->rating == rating)
    return;
  self->rating = rating;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RATING]);
}

gboolean
ot_own_answer_get_asked (OtOwnAnswer *self)
{
  g_return_val_if_fail (OT_IS_OWN_ANSWER (self), FALSE);

  return self->asked;
}

void
ot_own_answer_set_asked (OtOwnAnswer *self,
                         gboolean     asked)
{
  g_return_if_fail (OT_IS_OWN_ANSWER (self));

  if (self->asked == !!asked)
    return;
  self->asked = !!asked;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ASKED]);
}
