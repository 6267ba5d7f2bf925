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

/**
 * ot_fit_rule_matches:
 *
 * Returns: whether every condition of @rule holds for @worksheet.
 */
gboolean
ot_fit_rule_matches (const OtFitRule *rule,
                     OtWorksheet     *worksheet)
{
  guint lines = ot_worksheet_get_prior_lines (worksheet);

  g_return_val_if_fail (rule != NULL, FALSE);
  g_return_val_if_fail (OT_IS_WORKSHEET (worksheet), FALSE);

  if (rule->sides != 0 && (rule->sides & ot_worksheet_get_side (worksheet)) == 0)
    return FALSE;

  if (rule->min_lines >= 0 && lines < (guint) rule->min_lines)
    return FALSE;
  if (rule->max_lines >= 0 && lines > (guint) rule->max_lines)
    return FALSE;

  for (guint i = 0; i < rule->biomarkers->len; i++)
    {
      const OtBiomarkerCondition *condition = rule->biomarkers->pdata[i];
      const char *result = effective_result (worksheet, condition->biomarker->id);

      if (!g_strv_contains (condition->results, result))
        return FALSE;
    }

  return TRUE;
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
