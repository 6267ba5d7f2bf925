/* ot-fit.c: how each treatment fits this person's situation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ot-fit"

#include "config.h"

#include "ot-fit.h"

/* "Not tested" and "not sure" both count as the result being unknown. */
static const char *
effective_result (OtWorksheet *worksheet,
                  const char  *biomarker_id)
{
  const char *result = ot_worksheet_get_biomarker (worksheet, biomarker_id);

  if (g_str_equal (result, OT_RESULT_NOT_TESTED) || g_str_equal (result, OT_RESULT_NOT_SURE))
    return "unknown";
  return result;
}

static gboolean
conditions_match (const OtConditions *conditions,
                  OtWorksheet        *worksheet)
{
  guint lines = ot_worksheet_get_prior_lines (worksheet);

  if (conditions->sides != 0 && (conditions->sides & ot_worksheet_get_side (worksheet)) == 0)
    return FALSE;

  if (conditions->min_lines >= 0 && lines < (guint) conditions->min_lines)
    return FALSE;
  if (conditions->max_lines >= 0 && lines > (guint) conditions->max_lines)
    return FALSE;

  for (guint i = 0; i < conditions->biomarkers->len; i++)
    {
      const OtBiomarkerCondition *condition = conditions->biomarkers->pdata[i];
      const char *result = effective_result (worksheet, condition->biomarker->id);

      if (!g_strv_contains (condition->results, result))
        return FALSE;
    }

  return TRUE;
}

/**
 * ot_fit_rule_matches:
 *
 * Returns: whether every condition of @rule holds for @worksheet.
 */
gboolean
ot_fit_rule_matches (const OtFitRule *rule,
                     OtWorksheet     *worksheet)
{
  g_return_val_if_fail (rule != NULL, FALSE);
  g_return_val_if_fail (OT_IS_WORKSHEET (worksheet), FALSE);

  return conditions_match (&rule->conditions, worksheet);
}

static GPtrArray *
matching_outcomes (OtContent         *content,
                   OtWorksheet       *worksheet,
                   const OtTreatment *treatment,
                   gboolean           with_survival)
{
  GPtrArray *outcomes = ot_content_get_outcomes (content);
  GPtrArray *matching = g_ptr_array_new ();

  if (ot_fit_evaluate (content, worksheet, treatment)->fit == OT_FIT_NOT_EXPECTED)
    return matching;

  for (guint i = 0; i < outcomes->len; i++)
    {
      const OtOutcome *outcome = outcomes->pdata[i];

      if (outcome->treatment == treatment
          && (with_survival || !ot_outcome_is_survival (outcome))
          && conditions_match (&outcome->conditions, worksheet))
        g_ptr_array_add (matching, (gpointer) outcome);
    }

  return matching;
}

/**
 * ot_fit_outcomes:
 *
 * The benefit outcomes of @treatment whose group is this person's: their
 * test results, tumor side and past treatment.  Survival outcomes are
 * left out until the person has chosen to see survival numbers, and all
 * of them when the treatment is not expected to help this person: the
 * figures of people it helped would mislead, and the fit says why.
 *
 * Returns: (transfer container): the #OtOutcome<!-- -->s, in pack order.
 */
GPtrArray *
ot_fit_outcomes (OtContent         *content,
                 OtWorksheet       *worksheet,
                 const OtTreatment *treatment)
{
  g_return_val_if_fail (content != NULL, NULL);
  g_return_val_if_fail (OT_IS_WORKSHEET (worksheet), NULL);
  g_return_val_if_fail (treatment != NULL, NULL);

  return matching_outcomes (content, worksheet, treatment, ot_worksheet_get_show_survival (worksheet));
}

/**
 * ot_fit_count_hidden_survival:
 *
 * Returns: how many survival outcomes of @treatment for this person stay
 *   hidden because they have not chosen to see survival numbers
 */
guint
ot_fit_count_hidden_survival (OtContent         *content,
                              OtWorksheet       *worksheet,
                              const OtTreatment *treatment)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) shown = NULL;

  g_return_val_if_fail (content != NULL, 0);
  g_return_val_if_fail (OT_IS_WORKSHEET (worksheet), 0);
  g_return_val_if_fail (treatment != NULL, 0);

  if (ot_worksheet_get_show_survival (worksheet))
    return 0;
  all = matching_outcomes (content, worksheet, treatment, TRUE);
  shown = matching_outcomes (content, worksheet, treatment, FALSE);
  return all->len - shown->len;
}

/**
 * ot_fit_evaluate:
 *
 * Tries the pack's rules for @treatment in their order; the first whose
 * conditions all hold gives the fit, the reason and the sources.  A pure
 * function of the content and the answers.
 *
 * Returns: (transfer none): the rule; never %NULL for a loaded pack, whose
 * loader checked that each treatment ends with a rule without conditions.
 */
const OtFitRule *
ot_fit_evaluate (OtContent         *content,
                 OtWorksheet       *worksheet,
                 const OtTreatment *treatment)
{
  GPtrArray *rules;

  g_return_val_if_fail (content != NULL, NULL);
  g_return_val_if_fail (OT_IS_WORKSHEET (worksheet), NULL);
  g_return_val_if_fail (treatment != NULL, NULL);

  rules = ot_content_get_rules (content);
  for (guint i = 0; i < rules->len; i++)
    {
      const OtFitRule *rule = rules->pdata[i];

      if (rule->treatment == treatment && ot_fit_rule_matches (rule, worksheet))
        return rule;
    }

  g_return_val_if_reached (NULL);
}
