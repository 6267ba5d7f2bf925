/* ot-content-lookup.c: what the views and the pages ask of a loaded pack
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ot-content"

#include "config.h"

#include <glib/gi18n.h>

#include "ot-content-private.h"

/**
 * ot_content_count_untranslated:
 * @n_texts: (out) (optional): how many translatable texts the pack has
 *
 * How many of the pack's translatable texts had no translation in the
 * language of the messages when the pack was read.  In English, or in a
 * language without a catalogue, that is all of them.
 */
guint
ot_content_count_untranslated (OtContent *self,
                               guint     *n_texts)
{
  g_return_val_if_fail (self != NULL, 0);

  if (n_texts != NULL)
    *n_texts = self->n_texts;
  return self->n_untranslated;
}

const OtMeta *
ot_content_get_meta (OtContent *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return &self->meta;
}

/**
 * ot_content_is_overdue:
 * @today: the date to compare with
 *
 * Returns: whether the pack's review-by date has passed.
 */
gboolean
ot_content_is_overdue (OtContent   *self,
                       const GDate *today)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (today != NULL, FALSE);

  return g_date_compare (today, &self->meta.review_by) > 0;
}

GPtrArray *
ot_content_get_topics (OtContent *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->topics;
}

GPtrArray *
ot_content_get_substages (OtContent *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->substages;
}

GPtrArray *
ot_content_get_rows (OtContent *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->rows;
}

GPtrArray *
ot_content_get_categories (OtContent *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->categories;
}

GPtrArray *
ot_content_get_side_effects (OtContent *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->side_effects;
}

GPtrArray *
ot_content_get_frequencies (OtContent *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->frequencies;
}

GPtrArray *
ot_content_get_biomarkers (OtContent *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->biomarkers;
}

GPtrArray *
ot_content_get_rules (OtContent *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->rules;
}

GPtrArray *
ot_content_get_conflicts (OtContent *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->conflicts;
}

GPtrArray *
ot_content_get_outcomes (OtContent *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->outcomes;
}

GPtrArray *
ot_content_get_values (OtContent *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->values;
}

GPtrArray *
ot_content_get_roles (OtContent *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->roles;
}

GPtrArray *
ot_content_get_readiness (OtContent *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->readiness;
}

GPtrArray *
ot_content_get_question_groups (OtContent *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->question_groups;
}

GPtrArray *
ot_content_get_glossary (OtContent *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->glossary;
}

GPtrArray *
ot_content_get_sources (OtContent *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->sources;
}

const OtText *
ot_content_get_roles_source (OtContent *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return &self->roles_source;
}

const OtText *
ot_content_get_readiness_source (OtContent *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return &self->readiness_source;
}

/**
 * ot_content_get_instrument_note:
 * @instrument: the Control Preferences Scale or the SURE test
 *
 * The validated questionnaires keep their original wording (see
 * read_items()).  When the pack is read in another language, they are
 * not shown: this note, in that language, says so instead.
 *
 * Returns: (nullable): the note, or %NULL when the pack is read in its own
 *   language and the questionnaire is shown
 */
const char *
ot_content_get_instrument_note (OtContent    *self,
                                OtInstrument  instrument)
{
  g_return_val_if_fail (self != NULL, NULL);

  /* In its own language nothing of the pack is translated. */
  if (self->n_untranslated == self->n_texts)
    return NULL;

  switch (instrument)
    {
    case OT_INSTRUMENT_ROLES:
      return _("The statements of this tested questionnaire (the Control Preferences Scale) have no "
               "published version in this language yet, so they are not shown. Tell your care team "
               "how you would like to take part in the decision.");

    case OT_INSTRUMENT_READINESS:
      return _("The questions of this tested questionnaire (the SURE test) have no published version "
               "in this language yet, so they are not shown. Tell your care team if you feel unsure "
               "or need more support to decide.");

    default:
      g_return_val_if_reached (NULL);
    }
}

/* Finds the element of @array whose first field, the id, is @id. */
static gconstpointer
find_by_id (GPtrArray  *array,
            const char *id)
{
  if (array == NULL || id == NULL)
    return NULL;

  for (guint i = 0; i < array->len; i++)
    if (g_str_equal (*(const char **) array->pdata[i], id))
      return array->pdata[i];

  return NULL;
}

const OtTopic *
ot_content_find_topic (OtContent  *self,
                       const char *id)
{
  g_return_val_if_fail (self != NULL, NULL);

  return find_by_id (self->topics, id);
}

const OtCategory *
ot_content_find_category (OtContent  *self,
                          const char *id)
{
  g_return_val_if_fail (self != NULL, NULL);

  return find_by_id (self->categories, id);
}

const OtTreatment *
ot_content_find_treatment (OtContent  *self,
                           const char *id)
{
  g_return_val_if_fail (self != NULL, NULL);

  return id ? g_hash_table_lookup (self->treatment_index, id) : NULL;
}

const OtSideEffect *
ot_content_find_side_effect (OtContent  *self,
                             const char *id)
{
  g_return_val_if_fail (self != NULL, NULL);

  return find_by_id (self->side_effects, id);
}

const OtBiomarker *
ot_content_find_biomarker (OtContent  *self,
                           const char *id)
{
  g_return_val_if_fail (self != NULL, NULL);

  return find_by_id (self->biomarkers, id);
}

const OtSource *
ot_content_find_source (OtContent  *self,
                        const char *id)
{
  g_return_val_if_fail (self != NULL, NULL);

  return find_by_id (self->sources, id);
}

const OtFrequency *
ot_content_find_frequency (OtContent  *self,
                           const char *treatment_id,
                           const char *effect_id)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (treatment_id != NULL, NULL);
  g_return_val_if_fail (effect_id != NULL, NULL);

  key = g_strconcat (treatment_id, "/", effect_id, NULL);
  return g_hash_table_lookup (self->frequency_index, key);
}

const OtItem *
ot_content_find_question (OtContent  *self,
                          const char *id)
{
  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->question_groups->len; i++)
    {
      const OtGroup *group = self->question_groups->pdata[i];
      const OtItem *item = find_by_id (group->items, id);

      if (item != NULL)
        return item;
    }

  return NULL;
}

/**
 * ot_content_format_sources:
 * @ids: source ids, as in an #OtText
 *
 * Returns: (transfer full): "Publisher: Title" for each source, joined
 * with "; ", for showing under the text they support.
 */
char *
ot_content_format_sources (OtContent          *self,
                           const char * const *ids)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; ids != NULL && ids[i]; i++)
    {
      const OtSource *source = ot_content_find_source (self, ids[i]);

      if (source == NULL)
        continue;
      if (text->len > 0)
        g_string_append (text, "; ");
      g_string_append_printf (text, "%s: %s", source->publisher, source->title);
    }

  return g_string_free (text, FALSE);
}

const OtResult *
ot_biomarker_find_result (const OtBiomarker *biomarker,
                          const char        *id)
{
  g_return_val_if_fail (biomarker != NULL, NULL);

  return find_by_id (biomarker->results, id);
}

const char *
ot_outcome_kind_to_string (OtOutcomeKind kind)
{
  switch (kind)
    {
    case OT_OUTCOME_RESPONSE:
      return _("Tumor shrinks");
    case OT_OUTCOME_HELD_IN_CHECK:
      return _("Cancer held in check");
    case OT_OUTCOME_SURVIVAL:
      return _("Survival");
    case OT_OUTCOME_LONG_TERM:
      return _("Long-term survival");
    case OT_OUTCOME_SYMPTOM_RELIEF:
      return _("Symptom relief");
    case OT_OUTCOME_N_KINDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * ot_outcome_is_survival:
 *
 * Returns: whether @outcome tells how long people lived, which is shown
 * only to a person who chose to see survival numbers.
 */
gboolean
ot_outcome_is_survival (const OtOutcome *outcome)
{
  g_return_val_if_fail (outcome != NULL, FALSE);

  return outcome->kind == OT_OUTCOME_SURVIVAL || outcome->kind == OT_OUTCOME_LONG_TERM;
}

/**
 * ot_outcome_format_about:
 *
 * Returns: (transfer full): whom @outcome is about and, for a figure, its
 * time frame, as a line under the outcome's sentence.
 */
char *
ot_outcome_format_about (const OtOutcome *outcome)
{
  g_return_val_if_fail (outcome != NULL, NULL);

  if (outcome->has_figure)
    /* Translators: the group an outcome applies to, then its time frame */
    return g_strdup_printf (_("%s. %s."), outcome->group, outcome->time_frame);
  /* Translators: the group an outcome applies to */
  return g_strdup_printf (_("%s."), outcome->group);
}
