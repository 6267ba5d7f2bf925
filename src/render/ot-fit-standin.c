/* ot-fit-standin.c: a private stand-in for the fit engine
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ot-fit-standin"

#include "config.h"

#include "ot-fit-standin.h"

/* A result the person has not got ("not tested", "not sure" or not
 * answered) matches the rule word "unknown". */
static gboolean
biomarker_matches (const OtBiomarkerCondition *condition,
                   OtWorksheet                *worksheet)
{
  const char *result = ot_worksheet_get_biomarker (worksheet, condition->biomarker->id);

  if (result == NULL
      || g_str_equal (result, OT_RESULT_NOT_TESTED)
      || g_str_equal (result, OT_RESULT_NOT_SURE))
    result = "unknown";

  return g_strv_contains (condition->results, result);
}

static gboolean
rule_matches (const OtFitRule *rule,
              OtWorksheet     *worksheet)
{
  int lines = (int) ot_worksheet_get_prior_lines (worksheet);

  for (guint i = 0; i < rule->biomarkers->len; i++)
    if (!biomarker_matches (g_ptr_array_index (rule->biomarkers, i), worksheet))
      return FALSE;

  if (rule->sides != 0 && (rule->sides & ot_worksheet_get_side (worksheet)) == 0)
    return FALSE;
  if (rule->min_lines >= 0 && lines < rule->min_lines)
    return FALSE;
  if (rule->max_lines >= 0 && lines > rule->max_lines)
    return FALSE;

  return TRUE;
}

/* Rules are tried in document order; the first whose conditions all hold
 * wins.  The pack guarantees a last rule without conditions. */
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
      const OtFitRule *rule = g_ptr_array_index (rules, i);

      if (rule->treatment == treatment && rule_matches (rule, worksheet))
        return rule;
    }

  return NULL;
}
