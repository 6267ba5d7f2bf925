/* ot-fit.c: how each treatment fits this person's situation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ot-fit"

#include "config.h"

#include <glib/gi18n.h>

#include "ot-fit.h"

/* The longest stretch of an unreadable result id that is shown back. */
#define MAX_SHOWN_ID 40

/**
 * ot_fit_find_result:
 *
 * The engine never guesses: "not tested", "not sure", an id the pack does
 * not define for @biomarker (a typo, an id from a newer pack) and a file's
 * two different answers all count as unknown.
 *
 * Returns: (nullable): the pack's result for @biomarker, or %NULL when it
 * is unknown.
 */
const OtResult *
ot_fit_find_result (OtWorksheet       *worksheet,
                    const OtBiomarker *biomarker)
{
  g_return_val_if_fail (OT_IS_WORKSHEET (worksheet), NULL);
  g_return_val_if_fail (biomarker != NULL, NULL);

  return ot_biomarker_find_result (biomarker, ot_worksheet_get_biomarker (worksheet, biomarker->id));
}

static gboolean
conditions_hold (GPtrArray   *conditions,
                 OtWorksheet *worksheet)
{
  for (guint i = 0; i < conditions->len; i++)
    {
      const OtBiomarkerCondition *condition = conditions->pdata[i];
      const OtResult *result = ot_fit_find_result (worksheet, condition->biomarker);

      if (!g_strv_contains (condition->results, result ? result->id : "unknown"))
        return FALSE;
    }
  return TRUE;
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

  return conditions_hold (conditions->biomarkers, worksheet);
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

/**
 * ot_fit_to_string:
 *
 * Returns: the words for @fit, translated, as screen and paper show them.
 */
const char *
ot_fit_to_string (OtFit fit)
{
  switch (fit)
    {
    case OT_FIT_LIKELY:
      return _("Likely to help");
    case OT_FIT_DEPENDS:
      return _("Depends on tests or other factors");
    case OT_FIT_NOT_EXPECTED:
      return _("Not expected to help");
    case OT_FIT_NOT_USUAL:
      return _("Not usually used at this point");
    case OT_FIT_CHOICE:
      return _("Your choice, when you are ready");
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * ot_fit_dup_label:
 *
 * The fit in words; a "depends" fit says what it depends on.
 *
 * Returns: (transfer full): the label screen and paper both show.
 */
char *
ot_fit_dup_label (const OtFitRule *rule)
{
  g_return_val_if_fail (rule != NULL, NULL);

  if (rule->fit == OT_FIT_DEPENDS && rule->depends_on != NULL)
    /* Translators: the argument says what, for example "your RAS result" */
    return g_strdup_printf (_("Depends on %s"), rule->depends_on);
  return g_strdup (ot_fit_to_string (rule->fit));
}

const char *
ot_fit_checks_heading (void)
{
  return _("Please check these results with your care team");
}

static void
check_free (gpointer data)
{
  OtCheck *check = data;

  g_free (check->text);
  g_free (check);
}

static void
add_check (GPtrArray          *checks,
           OtCheckKind         kind,
           char               *text,
           const char * const *sources)
{
  OtCheck *check = g_new0 (OtCheck, 1);

  check->kind = kind;
  check->text = text;
  check->sources = sources;
  g_ptr_array_add (checks, check);
}

static void
add_result_checks (GPtrArray   *checks,
                   OtContent   *content,
                   OtWorksheet *worksheet)
{
  GPtrArray *biomarkers = ot_content_get_biomarkers (content);

  for (guint i = 0; i < biomarkers->len; i++)
    {
      const OtBiomarker *biomarker = biomarkers->pdata[i];
      const char *result = ot_worksheet_get_biomarker (worksheet, biomarker->id);
      g_autofree char *shown = NULL;

      if (ot_biomarker_find_result (biomarker, result) != NULL
          || g_str_equal (result, OT_RESULT_NOT_TESTED) || g_str_equal (result, OT_RESULT_NOT_SURE))
        continue;

      if (g_str_equal (result, OT_RESULT_GIVEN_TWICE))
        {
          add_check (checks, OT_CHECK_GIVEN_TWICE,
                     g_strdup_printf (_("The file gave two different %s results. It counts as not known "
                                        "until you choose one."), biomarker->name),
                     NULL);
          continue;
        }

      if (g_utf8_strlen (result, -1) > MAX_SHOWN_ID)
        {
          g_autofree char *head = g_utf8_substring (result, 0, MAX_SHOWN_ID - 1);

          shown = g_strconcat (head, "…", NULL);
        }
      else
        {
          shown = g_strdup (result);
        }
      add_check (checks, OT_CHECK_UNREADABLE,
                 g_strdup_printf (_("The %s result “%s” could not be read. It counts as not known "
                                    "until you choose one."), biomarker->name, shown),
                 NULL);
    }
}

/* AJCC 8th edition: IVA is one distant organ or site, IVB more than one,
 * IVC the peritoneum with or without others (ot_worksheet_suggest_substage). */
static void
add_substage_check (GPtrArray   *checks,
                    OtWorksheet *worksheet)
{
  OtSubstage chosen = ot_worksheet_get_substage (worksheet);
  OtSubstage marked = ot_worksheet_suggest_substage (worksheet);

  if (chosen == OT_SUBSTAGE_UNSET || chosen == OT_SUBSTAGE_NOT_SURE
      || marked == OT_SUBSTAGE_UNSET || chosen == marked)
    return;

  add_check (checks, OT_CHECK_SUBSTAGE,
             /* Translators: the arguments are substages, for example "Stage IVA" */
             g_strdup_printf (_("%s is chosen, but the places of spread marked point to %s. "
                                "Stage IVA means one distant place, IVB more than one, and IVC the "
                                "lining of the belly."),
                              ot_substage_to_string (chosen), ot_substage_to_string (marked)),
             NULL);
}

/**
 * ot_fit_dup_checks:
 *
 * Lists what the person should check with the care team: results the pack
 * cannot read (which count as unknown), results that contradict each other
 * and a substage that contradicts the places of spread.  Nothing here is
 * resolved: the views and the summary show the list as it is.
 *
 * Returns: (transfer container) (element-type OtCheck): the checks, in the
 * order of the biomarkers, then the pack's conflicts, then the stage.
 */
GPtrArray *
ot_fit_dup_checks (OtContent   *content,
                   OtWorksheet *worksheet)
{
  GPtrArray *checks = g_ptr_array_new_with_free_func (check_free);
  GPtrArray *conflicts;

  g_return_val_if_fail (content != NULL, checks);
  g_return_val_if_fail (OT_IS_WORKSHEET (worksheet), checks);

  add_result_checks (checks, content, worksheet);

  conflicts = ot_content_get_conflicts (content);
  for (guint i = 0; i < conflicts->len; i++)
    {
      const OtConflict *conflict = conflicts->pdata[i];

      if (conditions_hold (conflict->biomarkers, worksheet))
        add_check (checks, OT_CHECK_CONFLICT, g_strdup (conflict->says), conflict->sources);
    }

  add_substage_check (checks, worksheet);
  return checks;
}
