/* ot-chart-text.c: the words for side-effect figures
 *
 * The chart, its sentence, its table twin and the icon array all say the
 * same figure; they take their words from here so they never disagree.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ot-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "ot-chart-text.h"

/**
 * ot_chart_cell_kind:
 * @frequency: (nullable): the pack's entry for a treatment and an effect
 *
 * Returns: what a cell for @frequency can say
 */
OtChartCellKind
ot_chart_cell_kind (const OtFrequency *frequency)
{
  if (frequency == NULL)
    return OT_CHART_CELL_NOT_REPORTED;
  if (!frequency->has_figure || (frequency->count < 0 && frequency->serious < 0))
    return OT_CHART_CELL_NO_FIGURE;
  if (frequency->count < 0)
    return OT_CHART_CELL_SERIOUS_ONLY;
  if (frequency->count_grades == OT_GRADES_2_OR_WORSE)
    return OT_CHART_CELL_MODERATE_UP;
  return OT_CHART_CELL_COUNT;
}

/**
 * ot_chart_cell_kind_has_figure:
 *
 * Returns: whether a cell of @kind shows a number (and so a bar)
 */
gboolean
ot_chart_cell_kind_has_figure (OtChartCellKind kind)
{
  return kind == OT_CHART_CELL_COUNT || kind == OT_CHART_CELL_SERIOUS_ONLY || kind == OT_CHART_CELL_MODERATE_UP;
}

/**
 * ot_chart_round_people:
 *
 * Rounds a figure "in 100" to the nearest whole person, the rule the icon
 * array states in its caption.
 */
int
ot_chart_round_people (double value)
{
  if (!(value > 0))
    return 0;
  return (int) CLAMP (floor (value + 0.5), 0, 100);
}

/**
 * ot_chart_format_in_100:
 *
 * Returns: "about 48 in 100", or "fewer than 1 in 100" for what rounds to
 *   no one, so that a small risk never reads as none
 */
char *
ot_chart_format_in_100 (double value)
{
  int people = ot_chart_round_people (value);

  if (people == 0)
    return g_strdup (_("fewer than 1 in 100"));
  /* Translators: a natural frequency, "about 48 in 100" (people). */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "about %d in 100", "about %d in 100", people),
                          people);
}

/**
 * ot_chart_capitalize:
 *
 * Returns: @text with its first letter in capitals, to open a sentence
 *   ("About 48 in 100 people…")
 */
char *
ot_chart_capitalize (const char *text)
{
  gunichar first = g_utf8_get_char (text);
  char buffer[8] = { 0 };

  g_unichar_to_utf8 (g_unichar_totitle (first), buffer);
  return g_strconcat (buffer, g_utf8_next_char (text), NULL);
}

/* Names open with a capital in lists ("Hair loss") but sit mid-sentence
 * here; acronyms ("FOLFOX", "HER2 drugs") keep theirs. */
static char *
in_sentence (const char *name)
{
  const char *second = g_utf8_next_char (name);
  gunichar first = g_utf8_get_char (name);
  char buffer[8] = { 0 };

  if (*second == '\0' || !g_unichar_islower (g_utf8_get_char (second)))
    return g_strdup (name);
  g_unichar_to_utf8 (g_unichar_tolower (first), buffer);
  return g_strconcat (buffer, second, NULL);
}

/**
 * ot_chart_dup_cell_text:
 *
 * Returns: the main words of a chart cell: the figure, or why there is none
 */
char *
ot_chart_dup_cell_text (const OtFrequency *frequency)
{
  g_autofree char *serious = NULL;
  g_autofree char *count = NULL;

  switch (ot_chart_cell_kind (frequency))
    {
    case OT_CHART_CELL_NOT_REPORTED:
      return g_strdup (_("No figure in our sources"));
    case OT_CHART_CELL_NO_FIGURE:
      return g_strdup (_("No reliable figure"));
    case OT_CHART_CELL_SERIOUS_ONLY:
      serious = ot_chart_format_in_100 (frequency->serious);
      /* Translators: %s is "about 50 in 100". */
      return g_strdup_printf (_("%s severely"), serious);
    case OT_CHART_CELL_MODERATE_UP:
      count = ot_chart_format_in_100 (frequency->count);
      /* Translators: %s is "about 19 in 100"; grade 2 or worse. */
      return g_strdup_printf (_("%s moderately or severely"), count);
    case OT_CHART_CELL_COUNT:
    default:
      return ot_chart_format_in_100 (frequency->count);
    }
}

/**
 * ot_chart_dup_cell_lines:
 *
 * Returns: the main words of a chart cell as ot_chart_dup_cell_text()
 *   says them, broken after the figure when words qualify it ("about 12 in
 *   100" over "severely"): a column narrower than the whole still shows
 *   the figure on one line.  Words with nothing after their figure are
 *   returned whole.
 */
char *
ot_chart_dup_cell_lines (const OtFrequency *frequency)
{
  char *text = ot_chart_dup_cell_text (frequency);
  g_autofree char *figure = NULL;
  char *space;

  switch (ot_chart_cell_kind (frequency))
    {
    case OT_CHART_CELL_SERIOUS_ONLY:
      figure = ot_chart_format_in_100 (frequency->serious);
      break;
    case OT_CHART_CELL_MODERATE_UP:
      figure = ot_chart_format_in_100 (frequency->count);
      break;
    case OT_CHART_CELL_NOT_REPORTED:
    case OT_CHART_CELL_NO_FIGURE:
    case OT_CHART_CELL_COUNT:
    default:
      return text;
    }

  /* At the first space after the figure, a comma staying with it
   * ("menos de 1 de cada 100," over "de forma grave"). */
  if (g_str_has_prefix (text, figure) && (space = strchr (text + strlen (figure), ' ')) != NULL)
    *space = '\n';
  return text;
}

/**
 * ot_chart_dup_cell_detail:
 *
 * Returns: (nullable): the second line of a chart cell: which cases the
 *   figure counts, and the serious share
 */
char *
ot_chart_dup_cell_detail (const OtFrequency *frequency)
{
  g_autofree char *serious = NULL;

  switch (ot_chart_cell_kind (frequency))
    {
    case OT_CHART_CELL_SERIOUS_ONLY:
      return g_strdup (_("milder cases not counted"));
    case OT_CHART_CELL_MODERATE_UP:
      if (frequency->serious < 0)
        return g_strdup (_("mild cases not counted"));
      serious = ot_chart_format_in_100 (frequency->serious);
      /* Translators: %s is "about 2 in 100". */
      return g_strdup_printf (_("mild cases not counted; %s severely"), serious);
    case OT_CHART_CELL_COUNT:
      if (frequency->serious < 0)
        return NULL;
      serious = ot_chart_format_in_100 (frequency->serious);
      return g_strdup_printf (_("%s severely"), serious);
    case OT_CHART_CELL_NOT_REPORTED:
    case OT_CHART_CELL_NO_FIGURE:
    default:
      return NULL;
    }
}

/**
 * ot_chart_dup_counts_text:
 *
 * Returns: (nullable): for a figure that counts every case, words that say
 *   so; the other kinds already say what they leave out in their detail
 */
char *
ot_chart_dup_counts_text (const OtFrequency *frequency)
{
  if (ot_chart_cell_kind (frequency) != OT_CHART_CELL_COUNT)
    return NULL;
  return g_strdup (_("all cases, mild to severe"));
}

/**
 * ot_chart_dup_range_text:
 *
 * Returns: (nullable): "from 47 to 53 in 100 across studies", or %NULL
 *   when the figure has no range
 */
char *
ot_chart_dup_range_text (const OtFrequency *frequency)
{
  double low, high;
  int low_people, high_people;

  if (ot_chart_cell_kind (frequency) != OT_CHART_CELL_COUNT)
    return NULL;

  low = frequency->low >= 0 ? frequency->low : frequency->count;
  high = frequency->high >= 0 ? frequency->high : frequency->count;
  low_people = ot_chart_round_people (low);
  high_people = ot_chart_round_people (high);
  if (low_people == high_people)
    return NULL;
  if (low_people == 0)
    /* Translators: the range of a figure across studies. */
    return g_strdup_printf (_("from fewer than 1 to %d in 100 across studies"), high_people);
  return g_strdup_printf (_("from %d to %d in 100 across studies"), low_people, high_people);
}

/* " Across studies it was from 47 to 53 in 100." or "" */
static char *
dup_range (const OtFrequency *frequency)
{
  g_autofree char *range = ot_chart_dup_range_text (frequency);

  if (range == NULL)
    return g_strdup ("");
  /* Translators: %s is "from 47 to 53 in 100 across studies". */
  return g_strdup_printf (_(" It was %s."), range);
}

/**
 * ot_chart_dup_sentence:
 *
 * The figure for @treatment and @effect as a sentence a person can read
 * aloud: "About 80 in 100 people treated with FOLFOX get numbness…; about
 * 17 in 100 get it severely."  Without a figure it says so, and why.
 */
char *
ot_chart_dup_sentence (OtContent          *content,
                       const OtTreatment  *treatment,
                       const OtSideEffect *effect)
{
  const OtFrequency *frequency;
  g_autofree char *who = NULL;
  g_autofree char *what = NULL;
  g_autofree char *count = NULL;
  g_autofree char *serious = NULL;
  g_autofree char *opening = NULL;
  g_autofree char *range = NULL;

  g_return_val_if_fail (content != NULL, NULL);
  g_return_val_if_fail (treatment != NULL && effect != NULL, NULL);

  frequency = ot_content_find_frequency (content, treatment->id, effect->id);
  who = in_sentence (treatment->name);
  what = in_sentence (effect->name);

  switch (ot_chart_cell_kind (frequency))
    {
    case OT_CHART_CELL_NOT_REPORTED:
      return g_strdup_printf (_("Our sources give no figure for how many people treated with %s get %s."),
                              who, what);

    case OT_CHART_CELL_NO_FIGURE:
      return g_strdup_printf (_("There is no reliable figure for how many people treated with %s get %s. %s"),
                              who, what, frequency->note ? frequency->note : "");

    case OT_CHART_CELL_SERIOUS_ONLY:
      serious = ot_chart_format_in_100 (frequency->serious);
      opening = ot_chart_capitalize (serious);
      /* Translators: "About 50 in 100 people treated with FOLFOXIRI get low
       * white blood cells… severely." */
      return g_strdup_printf (_("%s people treated with %s get %s severely. Milder cases were not counted."),
                              opening, who, what);

    case OT_CHART_CELL_MODERATE_UP:
      count = ot_chart_format_in_100 (frequency->count);
      opening = ot_chart_capitalize (count);
      /* Translators: "About 19 in 100 people treated with FOLFOXIRI get
       * numbness… moderately or severely. Mild cases were not counted." */
      return g_strdup_printf (_("%s people treated with %s get %s moderately or severely. "
                                "Mild cases were not counted."), opening, who, what);

    case OT_CHART_CELL_COUNT:
    default:
      count = ot_chart_format_in_100 (frequency->count);
      opening = ot_chart_capitalize (count);
      range = dup_range (frequency);
      if (frequency->serious < 0)
        /* Translators: "About 6 in 100 people treated with … get hair
         * loss, counting all cases, mild to severe." then the range. */
        return g_strdup_printf (_("%s people treated with %s get %s, counting all cases, mild to severe.%s"),
                                opening, who, what, range);
      serious = ot_chart_format_in_100 (frequency->serious);
      /* Translators: "About 61 in 100 people treated with FOLFOX get
       * diarrhea, counting all cases; about 11 in 100 get it severely."
       * then the range. */
      return g_strdup_printf (_("%s people treated with %s get %s, counting all cases; %s get it severely.%s"),
                              opening, who, what, serious, range);
    }
}

/**
 * ot_chart_dup_sources_text:
 *
 * Returns: "Source: publisher, title." naming each of @sources, or %NULL
 *   when there are none
 */
char *
ot_chart_dup_sources_text (OtContent          *content,
                           const char * const *sources)
{
  g_autoptr(GString) names = g_string_new (NULL);
  guint n = 0;

  g_return_val_if_fail (content != NULL, NULL);

  for (guint i = 0; sources != NULL && sources[i] != NULL; i++)
    {
      const OtSource *source = ot_content_find_source (content, sources[i]);

      if (source == NULL)
        continue;
      if (n++ > 0)
        g_string_append (names, "; ");
      g_string_append_printf (names, "%s, %s", source->publisher, source->title);
    }

  if (n == 0)
    return NULL;
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Source: %s.", "Sources: %s.", n), names->str);
}

/**
 * ot_chart_dup_benefit_label:
 *
 * Returns: what a benefit bar counts and for which treatment: "Tumor
 *   shrinks: FOLFOXIRI (…)"
 */
char *
ot_chart_dup_benefit_label (const OtOutcome *outcome)
{
  g_return_val_if_fail (outcome != NULL, NULL);

  /* Translators: the kind of benefit, then the treatment's name. */
  return g_strdup_printf (_("%s: %s"), ot_outcome_kind_to_string (outcome->kind), outcome->treatment->name);
}

/**
 * ot_chart_dup_benefit_text:
 *
 * Returns: the treatment's figure of a benefit on the 0–100 scale, "about
 *   61 in 100"
 */
char *
ot_chart_dup_benefit_text (const OtOutcome *outcome)
{
  g_return_val_if_fail (outcome != NULL && outcome->count >= 0, NULL);

  return ot_chart_format_in_100 (outcome->count);
}

/**
 * ot_chart_dup_comparator_text:
 *
 * Returns: the comparison group's figure and who they were, "about 40 in
 *   100 with: chemotherapy…", or only who they were when the source gives
 *   no figure for them
 */
char *
ot_chart_dup_comparator_text (const OtOutcome *outcome)
{
  g_autofree char *count = NULL;

  g_return_val_if_fail (outcome != NULL && outcome->has_figure, NULL);

  if (outcome->comparator_count < 0)
    return g_strdup (outcome->comparator);
  count = ot_chart_format_in_100 (outcome->comparator_count);
  /* Translators: "about 40 in 100 with: Chemotherapy, with or without
   * bevacizumab", the comparison group of a trial. */
  return g_strdup_printf (_("%s with: %s"), count, outcome->comparator);
}
