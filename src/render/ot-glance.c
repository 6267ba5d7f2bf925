/* ot-glance.c: what "My options at a glance" says, for paper and screen
 *
 * The options the person chose, the same short rows for each.  The hand-out
 * lays these cells out on its first page and the Summary view in a grid of
 * labels: both take their words from here, so the two never differ.
 * Information, never a recommendation.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ot-glance"

#include "config.h"

#include <glib/gi18n.h>

#include "ot-chart-text.h"
#include "ot-fit.h"
#include "ot-glance.h"
#include "ot-summary-private.h"

#define MAX_HARMS 3

struct _OtGlance
{
  OtContent         *content;
  OtWorksheet       *worksheet;
  OtGlanceCiteFunc   cite;
  gpointer           cite_data;
  GArray            *ranked;
  const OtTreatment *options[OT_GLANCE_MAX_OPTIONS];
  guint              n_options;
};

static char *
cite (OtGlance           *self,
      const char * const *sources)
{
  return self->cite (sources, self->cite_data);
}

/* The first @n sentences of @text: a cell of the grid stays short, and the
 * whole text is in the full summary and on Options. */
static char *
dup_first_sentences (const char *text,
                     guint       n)
{
  const char *p = text;

  for (; *p != '\0'; p++)
    if ((*p == '.' || *p == '?' || *p == '!') && p[1] == ' '
        && (g_ascii_isupper (p[2]) || g_ascii_isdigit (p[2])) && --n == 0)
      return g_strndup (text, p + 1 - text);
  return g_strdup (text);
}

static const OtText *
category_cell (OtGlance          *self,
               const OtTreatment *treatment,
               const char        *row_id)
{
  GPtrArray *rows = ot_content_get_rows (self->content);

  for (guint i = 0; i < rows->len; i++)
    if (g_str_equal (((OtItem *) rows->pdata[i])->id, row_id))
      return &treatment->category->cells[i];
  return NULL;
}

static char *
sentences_markup (OtGlance     *self,
                  const OtText *text,
                  guint         n)
{
  g_autofree char *sentences = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *cited = NULL;

  if (text == NULL || text->text == NULL)
    return ot_summary_escape (_("Not in the content pack."));
  sentences = dup_first_sentences (text->text, n);
  escaped = ot_summary_escape (sentences);
  cited = cite (self, text->sources);
  return g_strconcat (escaped, cited, NULL);
}

static char *
name_markup (OtGlance          *self,
             const OtTreatment *treatment)
{
  return g_markup_printf_escaped ("<b>%s</b>", treatment->name);
}

static char *
fit_markup (OtGlance          *self,
            const OtTreatment *treatment)
{
  const OtFitRule *rule = ot_fit_evaluate (self->content, self->worksheet, treatment);
  g_autofree char *label = ot_fit_dup_label (rule);
  g_autofree char *fit = ot_summary_escape (label);
  g_autofree char *reason = dup_first_sentences (rule->reason, 1);
  g_autofree char *escaped = ot_summary_escape (reason);
  g_autofree char *cited = cite (self, rule->sources);

  return g_strdup_printf ("<b>%s.</b> %s%s", fit, escaped, cited);
}

/* The treatment's own line, then its category's schedule. */
static char *
involves_markup (OtGlance          *self,
                 const OtTreatment *treatment)
{
  const OtText *what = category_cell (self, treatment, "what");
  g_autofree char *text = ot_summary_escape (treatment->short_text);
  g_autofree char *cited = cite (self, what ? what->sources : NULL);
  g_autofree char *schedule = sentences_markup (self, category_cell (self, treatment, "schedule"), 2);

  return g_strconcat (text, cited, "\n", schedule, NULL);
}

/* The benefit a picture can show: the first figure of people in 100. */
static char *
benefit_markup (OtGlance          *self,
                const OtTreatment *treatment,
                double            *people)
{
  g_autoptr(GPtrArray) outcomes = ot_fit_outcomes (self->content, self->worksheet, treatment);
  const OtOutcome *shown = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *says = NULL;
  g_autofree char *cited = NULL;

  for (guint i = 0; i < outcomes->len && shown == NULL; i++)
    if (((OtOutcome *) outcomes->pdata[i])->has_figure && ((OtOutcome *) outcomes->pdata[i])->count >= 0)
      shown = outcomes->pdata[i];
  if (shown == NULL && outcomes->len > 0)
    shown = outcomes->pdata[0];

  if (shown == NULL)
    {
      const OtFitRule *rule = ot_fit_evaluate (self->content, self->worksheet, treatment);

      return ot_summary_escape (rule->fit == OT_FIT_NOT_EXPECTED
                                ? _("No figure: not expected to help with these results.")
                                : _("No figure for this situation in our sources."));
    }

  if (shown->has_figure && shown->count >= 0)
    *people = shown->count;
  kind = ot_summary_escape (ot_outcome_kind_to_string (shown->kind));
  says = ot_summary_escape (shown->says);
  cited = cite (self, shown->sources);
  return g_strdup_printf ("<b>%s.</b> %s%s", kind, says, cited);
}

static gboolean
is_avoided (OtGlance           *self,
            const OtSideEffect *effect)
{
  return g_strv_contains (ot_worksheet_get_avoid_effects (self->worksheet), effect->id);
}

static int
compare_harms (gconstpointer a,
               gconstpointer b,
               gpointer      data)
{
  const OtFrequency *fa = *(const OtFrequency **) a;
  const OtFrequency *fb = *(const OtFrequency **) b;
  gboolean avoided_a = is_avoided (data, fa->effect);
  gboolean avoided_b = is_avoided (data, fb->effect);
  double count_a = MAX (fa->count, fa->serious);
  double count_b = MAX (fb->count, fb->serious);

  if (avoided_a != avoided_b)
    return avoided_a ? -1 : 1;
  return count_a < count_b ? 1 : count_a > count_b ? -1 : 0;
}

/* The effects the person wants to avoid first, then the most common. */
static char *
harms_markup (OtGlance          *self,
              const OtTreatment *treatment)
{
  GPtrArray *frequencies = ot_content_get_frequencies (self->content);
  const char * const *avoid = ot_worksheet_get_avoid_effects (self->worksheet);
  g_autoptr(GPtrArray) harms = g_ptr_array_new ();
  g_autoptr(GString) markup = g_string_new (NULL);
  guint shown = 0;

  for (guint i = 0; i < frequencies->len; i++)
    {
      const OtFrequency *frequency = frequencies->pdata[i];

      if (frequency->treatment == treatment
          && (frequency->has_figure || is_avoided (self, frequency->effect)))
        g_ptr_array_add (harms, (gpointer) frequency);
    }
  g_ptr_array_sort_with_data (harms, compare_harms, self);

  /* An avoided effect the pack has no entry for says so too. */
  for (guint i = 0; avoid[i] != NULL && shown < MAX_HARMS; i++)
    {
      const OtSideEffect *effect = ot_content_find_side_effect (self->content, avoid[i]);

      if (effect != NULL && ot_content_find_frequency (self->content, treatment->id, effect->id) == NULL)
        {
          g_autofree char *line = g_markup_printf_escaped ("%s★ %s: %s", markup->len ? "\n" : "", effect->name, _("No figure in our sources"));

          g_string_append (markup, line);
          shown++;
        }
    }

  for (guint i = 0; i < harms->len && shown < MAX_HARMS; i++, shown++)
    {
      const OtFrequency *frequency = harms->pdata[i];
      g_autofree char *figure = ot_chart_dup_cell_text (frequency);
      g_autofree char *line = g_markup_printf_escaped ("%s%s: %s", is_avoided (self, frequency->effect) ? "★ " : "",
                                                       frequency->effect->name, figure);
      g_autofree char *cited = cite (self, frequency->sources);

      g_string_append_printf (markup, "%s%s%s", markup->len ? "\n" : "", line, cited);
    }

  if (markup->len == 0)
    return ot_summary_escape (_("No figure in our sources"));
  return g_string_free (g_steal_pointer (&markup), FALSE);
}

static char *
daily_life_markup (OtGlance          *self,
                   const OtTreatment *treatment)
{
  return sentences_markup (self, category_cell (self, treatment, "daily-life"), 1);
}

/* A top value the pack links to a row of the options: it has a line in
 * every option's cell; the others are named under the grid. */
static gboolean
value_is_linked (const OtRankedValue *value)
{
  return value->top && value->item != NULL && value->item->row != NULL;
}

/* What each of the person's top values is linked to in the pack. */
static char *
values_markup (OtGlance          *self,
               const OtTreatment *treatment)
{
  g_autoptr(GString) markup = g_string_new (NULL);

  for (guint i = 0; i < self->ranked->len; i++)
    {
      const OtRankedValue *value = &g_array_index (self->ranked, OtRankedValue, i);
      g_autofree char *text = NULL;
      g_autofree char *label = NULL;

      if (!value_is_linked (value))
        continue;
      text = sentences_markup (self, category_cell (self, treatment, value->item->row), 1);
      label = ot_summary_escape (value->text);
      g_string_append_printf (markup, "%s<b>%s:</b> %s", markup->len ? "\n" : "", label, text);
    }
  return g_string_free (g_steal_pointer (&markup), FALSE);
}

/**
 * ot_glance_new:
 * @cite: writes where the words of a cell cite their sources
 *
 * The options at a glance for @worksheet: those the person chose on Side
 * Effects, and only those.  Nothing is chosen for them: a grid of the
 * program's choice would read as a recommendation.
 */
OtGlance *
ot_glance_new (OtContent        *content,
               OtWorksheet      *worksheet,
               OtGlanceCiteFunc  cite_func,
               gpointer          user_data)
{
  OtGlance *self;
  const char * const *compared;

  g_return_val_if_fail (content != NULL, NULL);
  g_return_val_if_fail (OT_IS_WORKSHEET (worksheet), NULL);
  g_return_val_if_fail (cite_func != NULL, NULL);

  self = g_new0 (OtGlance, 1);
  self->content = ot_content_ref (content);
  self->worksheet = g_object_ref (worksheet);
  self->cite = cite_func;
  self->cite_data = user_data;
  self->ranked = ot_worksheet_rank_values (worksheet, content);

  compared = ot_worksheet_get_compared_treatments (worksheet);
  for (guint i = 0; compared[i] != NULL && self->n_options < OT_GLANCE_MAX_OPTIONS; i++)
    {
      const OtTreatment *treatment = ot_content_find_treatment (content, compared[i]);

      if (treatment != NULL)
        self->options[self->n_options++] = treatment;
    }
  return self;
}

void
ot_glance_free (OtGlance *self)
{
  if (self == NULL)
    return;
  ot_content_unref (self->content);
  g_object_unref (self->worksheet);
  g_array_unref (self->ranked);
  g_free (self);
}

/**
 * ot_glance_get_n_options:
 *
 * Returns: how many options are at a glance, 0 to %OT_GLANCE_MAX_OPTIONS
 */
guint
ot_glance_get_n_options (OtGlance *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_options;
}

const OtTreatment *
ot_glance_get_option (OtGlance *self,
                      guint     option)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (option < self->n_options, NULL);

  return self->options[option];
}

/**
 * ot_glance_has_row:
 *
 * Returns: whether @row is shown: every row is, but what matters most only
 *   when the pack links one of the person's top values to the options
 */
gboolean
ot_glance_has_row (OtGlance    *self,
                   OtGlanceRow  row)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (row < OT_GLANCE_N_ROWS, FALSE);

  if (row != OT_GLANCE_ROW_VALUES)
    return TRUE;
  for (guint i = 0; i < self->ranked->len; i++)
    if (value_is_linked (&g_array_index (self->ranked, OtRankedValue, i)))
      return TRUE;
  return FALSE;
}

/**
 * ot_glance_row_title:
 *
 * Returns: the translated title of @row, or %NULL for the names of the
 *   options, which head their columns
 */
const char *
ot_glance_row_title (OtGlanceRow row)
{
  static const char * const titles[] = {
    [OT_GLANCE_ROW_NAME] = NULL,
    [OT_GLANCE_ROW_FIT] = N_("How it fits your test results"),
    [OT_GLANCE_ROW_INVOLVES] = N_("What it involves, how often and how long"),
    [OT_GLANCE_ROW_BENEFIT] = N_("Chance of benefit"),
    [OT_GLANCE_ROW_HARMS] = N_("Main side effects (★ the ones you want to avoid)"),
    [OT_GLANCE_ROW_DAILY_LIFE] = N_("Effect on daily life"),
    [OT_GLANCE_ROW_VALUES] = N_("What matters most to you"),
  };

  g_return_val_if_fail (row < OT_GLANCE_N_ROWS, NULL);

  return titles[row] ? _(titles[row]) : NULL;
}

/**
 * ot_glance_dup_cell:
 * @people: (out) (optional): how many in 100 the benefit's icon array
 *   fills, or -1 where there is no picture
 *
 * Returns: the Pango markup of the cell of @option in @row, its sources
 *   cited through the cite function
 */
char *
ot_glance_dup_cell (OtGlance    *self,
                    guint        option,
                    OtGlanceRow  row,
                    double      *people)
{
  const OtTreatment *treatment;
  double count = -1;
  char *markup = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (option < self->n_options, NULL);
  g_return_val_if_fail (row < OT_GLANCE_N_ROWS, NULL);

  treatment = self->options[option];
  switch (row)
    {
    case OT_GLANCE_ROW_NAME:
      markup = name_markup (self, treatment);
      break;
    case OT_GLANCE_ROW_FIT:
      markup = fit_markup (self, treatment);
      break;
    case OT_GLANCE_ROW_INVOLVES:
      markup = involves_markup (self, treatment);
      break;
    case OT_GLANCE_ROW_BENEFIT:
      markup = benefit_markup (self, treatment, &count);
      break;
    case OT_GLANCE_ROW_HARMS:
      markup = harms_markup (self, treatment);
      break;
    case OT_GLANCE_ROW_DAILY_LIFE:
      markup = daily_life_markup (self, treatment);
      break;
    case OT_GLANCE_ROW_VALUES:
    case OT_GLANCE_N_ROWS:
    default:
      markup = values_markup (self, treatment);
      break;
    }

  if (people != NULL)
    *people = count;
  return markup;
}

/**
 * ot_glance_dup_unlinked:
 * @ranked: from ot_worksheet_rank_values()
 *
 * Returns: (nullable): the sentence naming the top values that nothing in
 *   the pack links to the options at a glance, or %NULL when there are none
 */
char *
ot_glance_dup_unlinked (GArray *ranked)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autofree char *joined = NULL;

  g_return_val_if_fail (ranked != NULL, NULL);

  for (guint i = 0; i < ranked->len; i++)
    {
      const OtRankedValue *value = &g_array_index (ranked, OtRankedValue, i);

      if (value->top && !value_is_linked (value))
        g_ptr_array_add (names, (gpointer) value->text);
    }
  if (names->len == 0)
    return NULL;

  g_ptr_array_add (names, NULL);
  joined = g_strjoinv ("; ", (char **) names->pdata);
  /* Translators: %s lists values, "Time with family; My garden" */
  return g_strdup_printf (_("Nothing in our sources links these to the options at a glance: %s."), joined);
}

/**
 * ot_glance_get_none_text:
 *
 * Returns: what the grid says while no option is chosen, and how to choose
 */
const char *
ot_glance_get_none_text (void)
{
  return _("No option chosen yet. Pick two to four treatments on Side Effects to see them here.");
}
