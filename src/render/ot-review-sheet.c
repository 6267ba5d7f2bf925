/* ot-review-sheet.c: every statement and number of a content pack, with
 * its sources and a box to tick, for a clinician who reviews the pack
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ot-review-sheet"

#include "config.h"

#include <glib/gi18n.h>

#include "ot-chart-text.h"
#include "ot-fit.h"
#include "ot-review.h"
#include "ot-summary-private.h"

#define BOX_WIDTH      18.0
#define COMMENT_WIDTH  130.0

/* Everything is read from the loaded pack, so what a pack adds appears
 * here without a change to this file. */

static double
statement_width (OtSummaryBuilder *builder)
{
  return builder->width - BOX_WIDTH - COMMENT_WIDTH - OT_SUMMARY_GUTTER;
}

/* The sources of a statement in full: publisher, title, day seen, link. */
static char *
sources_markup (OtSummaryBuilder   *builder,
                const char * const *ids)
{
  g_autoptr(GString) markup = g_string_new (NULL);

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      const OtSource *source = ot_content_find_source (builder->content, ids[i]);
      g_autofree char *cited = NULL;
      g_autofree char *url = NULL;

      if (source == NULL)
        continue;
      cited = ot_summary_format_source (source);
      url = ot_summary_escape (source->url);
      g_string_append_printf (markup, "\n%s %s", cited, url);
    }

  if (markup->len == 0)
    {
      g_autofree char *none = ot_summary_escape (_("No source given."));

      g_string_append_printf (markup, "\n%s", none);
    }

  return g_strdup_printf ("<span size=\"smaller\" fgalpha=\"72%%\">%s</span>", markup->str + 1);
}

/* One line of the table: the box to tick, the statement with its
 * sources, and room to comment. */
static void
add_statement (OtSummaryBuilder   *builder,
               OtBlock            *header,
               const char         *label,
               const char         *text,
               const char * const *sources)
{
  g_autofree char *text_markup = ot_summary_escape (text);
  g_autofree char *label_markup = label ? ot_summary_escape (label) : NULL;
  g_autofree char *cited = sources_markup (builder, sources);
  g_autofree char *markup = NULL;
  OtCellSpec cells[] = {
    { "☐", OT_TEXT_BODY, 0, BOX_WIDTH, NULL },
    { NULL, OT_TEXT_TABLE, BOX_WIDTH, statement_width (builder), NULL },
  };

  if (label_markup != NULL)
    markup = g_strdup_printf ("<b>%s</b>: %s\n%s", label_markup, text_markup, cited);
  else
    markup = g_strdup_printf ("%s\n%s", text_markup, cited);
  cells[1].markup = markup;

  ot_summary_table_row (builder, header, cells, G_N_ELEMENTS (cells));
}

static void
add_text (OtSummaryBuilder *builder,
          OtBlock          *header,
          const char       *label,
          const OtText     *text)
{
  add_statement (builder, header, label, text->text, text->sources);
}

/* A heading with the section's id, which the reviewer writes into the
 * pack's <review sections="…">, and the table's header row. */
static OtBlock *
start_section (OtSummaryBuilder      *builder,
               const OtReviewSection *section)
{
  g_autofree char *heading = g_strdup_printf (_("%s (section “%s”)"),
                                              g_dgettext (GETTEXT_PACKAGE, section->title), section->id);
  g_autofree char *ok = ot_summary_escape (C_("review sheet", "OK"));
  g_autofree char *statement = ot_summary_escape (_("Statement or number, and its source"));
  g_autofree char *comment = ot_summary_escape (_("Comment"));
  double comment_x = builder->width - COMMENT_WIDTH;
  OtCellSpec cells[] = {
    { ok, OT_TEXT_TABLE_HEAD, 0, BOX_WIDTH + 6, NULL },
    { statement, OT_TEXT_TABLE_HEAD, BOX_WIDTH, statement_width (builder), NULL },
    { comment, OT_TEXT_TABLE_HEAD, comment_x, COMMENT_WIDTH, NULL },
  };

  ot_summary_heading (builder, heading);
  return ot_summary_table_header (builder, cells, G_N_ELEMENTS (cells));
}

static void
add_topics (OtSummaryBuilder *builder,
            OtBlock          *header,
            GPtrArray        *topics)
{
  for (guint i = 0; i < topics->len; i++)
    {
      const OtTopic *topic = g_ptr_array_index (topics, i);

      for (guint j = 0; j < topic->paras->len; j++)
        add_text (builder, header, topic->title, g_ptr_array_index (topic->paras, j));
    }
}

static void
add_condition (OtSummaryBuilder *builder,
               OtBlock          *header)
{
  add_topics (builder, header, ot_content_get_topics (builder->content));
  add_topics (builder, header, ot_content_get_substages (builder->content));
}

static void
add_options (OtSummaryBuilder *builder,
             OtBlock          *header)
{
  GPtrArray *categories = ot_content_get_categories (builder->content);
  GPtrArray *rows = ot_content_get_rows (builder->content);

  for (guint i = 0; i < categories->len; i++)
    {
      const OtCategory *category = g_ptr_array_index (categories, i);

      for (guint j = 0; j < rows->len; j++)
        {
          const OtItem *row = g_ptr_array_index (rows, j);
          g_autofree char *label = g_strdup_printf ("%s, %s", category->name, row->text);

          add_text (builder, header, label, &category->cells[j]);
        }
      for (guint j = 0; j < category->treatments->len; j++)
        {
          const OtTreatment *treatment = g_ptr_array_index (category->treatments, j);
          g_autofree char *text = g_strdup_printf ("%s %s", treatment->short_text, treatment->about.text);

          add_statement (builder, header, treatment->name, text, treatment->about.sources);
        }
    }
}

static void
add_side_effects (OtSummaryBuilder *builder,
                  OtBlock          *header)
{
  GPtrArray *effects = ot_content_get_side_effects (builder->content);

  for (guint i = 0; i < effects->len; i++)
    {
      const OtSideEffect *effect = g_ptr_array_index (effects, i);

      add_text (builder, header, effect->name, &effect->about);
      add_text (builder, header, effect->name, &effect->managing);
    }
}

/* A negative figure means the source gives none. */
static void
append_figure (GString    *text,
               const char *what,
               double      value)
{
  if (value >= 0)
    g_string_append_printf (text, "%s%s %g", text->len ? ", " : "", what, value);
}

/* What a patient reads, then the figures exactly as the pack has them,
 * and the pack's note on what they count. */
static void
add_frequencies (OtSummaryBuilder *builder,
                 OtBlock          *header)
{
  GPtrArray *frequencies = ot_content_get_frequencies (builder->content);

  for (guint i = 0; i < frequencies->len; i++)
    {
      const OtFrequency *frequency = g_ptr_array_index (frequencies, i);
      g_autofree char *sentence = ot_chart_dup_sentence (builder->content, frequency->treatment,
                                                         frequency->effect);
      g_autoptr(GString) figures = g_string_new (NULL);
      g_autofree char *label = g_strdup_printf ("%s, %s", frequency->treatment->name,
                                                frequency->effect->name);
      g_autofree char *text = NULL;

      if (frequency->has_figure)
        {
          append_figure (figures, frequency->count_grades == OT_GRADES_2_OR_WORSE ? _("grade 2 or worse")
                                                                                  : _("any grade"),
                         frequency->count);
          append_figure (figures, _("lowest"), frequency->low);
          append_figure (figures, _("highest"), frequency->high);
          append_figure (figures, _("severe"), frequency->serious);
        }
      /* Translators: "…get diarrhea. In the pack, in 100: any grade 61, severe 11. What it counts." */
      text = g_strdup_printf (_("%s In the pack, in 100: %s. %s"), sentence,
                              figures->len ? figures->str : _("no figure"),
                              frequency->note && frequency->has_figure ? frequency->note : "");
      add_statement (builder, header, label, g_strchomp (text), frequency->sources);
    }
}

static void
add_biomarkers (OtSummaryBuilder *builder,
                OtBlock          *header)
{
  GPtrArray *biomarkers = ot_content_get_biomarkers (builder->content);

  for (guint i = 0; i < biomarkers->len; i++)
    {
      const OtBiomarker *biomarker = g_ptr_array_index (biomarkers, i);

      add_text (builder, header, biomarker->name, &biomarker->measures);
      for (guint j = 0; j < biomarker->results->len; j++)
        {
          const OtResult *result = g_ptr_array_index (biomarker->results, j);
          g_autofree char *label = g_strdup_printf ("%s, %s", biomarker->name, result->label);

          add_text (builder, header, label, &result->meaning);
        }
    }
}

/* "4 to 5 earlier treatments", "at least 1 earlier treatment"… */
static char *
describe_lines (const OtFitRule *rule)
{
  int least = MAX (rule->conditions.min_lines, 0);

  if (rule->conditions.max_lines == 0)
    return g_strdup (_("no earlier treatment"));
  if (rule->conditions.max_lines < 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "at least %d earlier treatment",
                                         "at least %d earlier treatments", least), least);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d to %d earlier treatment",
                                       "%d to %d earlier treatments", rule->conditions.max_lines),
                          least, rule->conditions.max_lines);
}

/* "NAME: A or B", one condition of a rule: @labels, what it accepts. */
static char *
describe_alternatives (const char *name,
                       GPtrArray  *labels)
{
  g_autofree char *joined = NULL;

  g_ptr_array_add (labels, NULL);
  /* Translators: joins results or sides a rule accepts, "MSS or unknown". */
  joined = g_strjoinv (_(" or "), (char **) labels->pdata);
  return g_strdup_printf ("%s: %s", name, joined);
}

/* "BRAF: V600E; Where it started: Left side of the colon; no earlier
 * treatment", the side in the words of My Situation and the summary, or
 * "in every other case" for a rule with no condition. */
static char *
describe_conditions (const OtFitRule *rule)
{
  static const OtSide sides[] = { OT_SIDE_UNKNOWN, OT_SIDE_RIGHT, OT_SIDE_LEFT, OT_SIDE_RECTUM };
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) side_labels = g_ptr_array_new ();

  for (guint i = 0; rule->conditions.biomarkers != NULL && i < rule->conditions.biomarkers->len; i++)
    {
      const OtBiomarkerCondition *condition = g_ptr_array_index (rule->conditions.biomarkers, i);
      g_autoptr(GPtrArray) labels = g_ptr_array_new ();

      /* "unknown" is a result id of every biomarker, with no label. */
      for (guint j = 0; condition->results[j] != NULL; j++)
        {
          const OtResult *result = ot_biomarker_find_result (condition->biomarker, condition->results[j]);

          g_ptr_array_add (labels, (gpointer) (result ? result->label : condition->results[j]));
        }
      g_ptr_array_add (parts, describe_alternatives (condition->biomarker->name, labels));
    }
  for (guint i = 0; i < G_N_ELEMENTS (sides); i++)
    if (rule->conditions.sides & sides[i])
      g_ptr_array_add (side_labels, (gpointer) ot_side_to_string (sides[i]));
  if (side_labels->len > 0)
    g_ptr_array_add (parts, describe_alternatives (_("Where it started"), side_labels));
  if (rule->conditions.min_lines >= 0 || rule->conditions.max_lines >= 0)
    g_ptr_array_add (parts, describe_lines (rule));

  if (parts->len == 0)
    return g_strdup (_("in every other case"));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv ("; ", (char **) parts->pdata);
}

static void
add_rules (OtSummaryBuilder *builder,
           OtBlock          *header)
{
  GPtrArray *rules = ot_content_get_rules (builder->content);

  for (guint i = 0; i < rules->len; i++)
    {
      const OtFitRule *rule = g_ptr_array_index (rules, i);
      g_autofree char *when = describe_conditions (rule);
      g_autofree char *label = g_strdup_printf ("%s, %s", rule->treatment->name, when);
      g_autofree char *text = g_strdup_printf ("%s. %s", ot_fit_to_string (rule->fit), rule->reason);

      add_statement (builder, header, label, text, rule->sources);
    }
}

/* Each benefit outcome: whom it is about, the sentence a person reads and
 * the figures behind it. */
static void
add_outcomes (OtSummaryBuilder *builder,
              OtBlock          *header)
{
  GPtrArray *outcomes = ot_content_get_outcomes (builder->content);

  for (guint i = 0; i < outcomes->len; i++)
    {
      const OtOutcome *outcome = g_ptr_array_index (outcomes, i);
      g_autofree char *about = ot_outcome_format_about (outcome);
      g_autofree char *label = g_strdup_printf ("%s, %s", outcome->treatment->name,
                                                ot_outcome_kind_to_string (outcome->kind));
      g_autofree char *text = g_strdup_printf ("%s (%s)", outcome->says, about);

      add_statement (builder, header, label, text, outcome->sources);
    }
}

static void
add_items (OtSummaryBuilder   *builder,
           OtBlock            *header,
           const char         *label,
           GPtrArray          *items,
           const char * const *sources)
{
  for (guint i = 0; i < items->len; i++)
    {
      const OtItem *item = g_ptr_array_index (items, i);
      g_autofree char *text = item->help ? g_strdup_printf ("%s (%s)", item->text, item->help)
                                         : g_strdup (item->text);

      add_statement (builder, header, label, text, sources);
    }
}

static void
add_values (OtSummaryBuilder *builder,
            OtBlock          *header)
{
  OtContent *content = builder->content;

  add_items (builder, header, _("What matters"), ot_content_get_values (content), NULL);
  add_items (builder, header, _("Role in deciding"), ot_content_get_roles (content),
             ot_content_get_roles_source (content)->sources);
  add_items (builder, header, _("Readiness"), ot_content_get_readiness (content),
             ot_content_get_readiness_source (content)->sources);
}

static void
add_questions (OtSummaryBuilder *builder,
               OtBlock          *header)
{
  GPtrArray *groups = ot_content_get_question_groups (builder->content);

  for (guint i = 0; i < groups->len; i++)
    {
      const OtGroup *group = g_ptr_array_index (groups, i);

      add_items (builder, header, group->title, group->items, NULL);
    }
}

static void
add_glossary (OtSummaryBuilder *builder,
              OtBlock          *header)
{
  GPtrArray *terms = ot_content_get_glossary (builder->content);

  for (guint i = 0; i < terms->len; i++)
    {
      const OtTerm *term = g_ptr_array_index (terms, i);

      add_text (builder, header, term->word, &term->definition);
    }
}

/* The pack's version, checksum and reviews so far, and how to review. */
static void
add_title (OtSummaryBuilder *builder)
{
  const OtMeta *meta = ot_content_get_meta (builder->content);
  g_autofree char *title = g_markup_printf_escaped (_("Review sheet: %s"), meta->title);
  g_autofree char *date = ot_summary_format_date (builder->date);
  g_autofree char *reviewed = ot_summary_format_gdate (&meta->reviewed);
  g_autofree char *version = g_markup_printf_escaped (_("Content pack version <b>%s</b>, last reviewed by its "
                                                        "authors %s. Sheet made on %s."),
                                                      meta->version, reviewed, date);
  g_autofree char *checksum = g_markup_printf_escaped (_("SHA-256 of the pack file: <tt>%s</tt>"),
                                                       meta->checksum);
  g_autofree char *reviews = ot_content_describe_reviews (builder->content);
  g_autofree char *reviews_markup = g_markup_printf_escaped (_("Reviews recorded: %s"), reviews);
  g_autofree char *how_text = g_strdup_printf (_("For each statement and number: tick the box when it is "
                                                 "right and its source supports it, or write what is wrong "
                                                 "under Comment. Then record the review in the pack's "
                                                 "header: <review role=\"your role\" date=\"YYYY-MM-DD\" "
                                                 "version=\"%s\" sections=\"the sections reviewed\"/>, "
                                                 "with the section names given in each heading."),
                                               meta->version);
  g_autofree char *how = ot_summary_escape (how_text);
  OtBlock *block;

  ot_summary_para (builder, OT_TEXT_TITLE, title);
  block = ot_summary_para (builder, OT_TEXT_BODY, version);
  ot_block_set_spacing (block, 0, 2);
  block = ot_summary_para (builder, OT_TEXT_SMALL, checksum);
  ot_block_set_spacing (block, 0, 6);
  ot_summary_para (builder, OT_TEXT_BODY, reviews_markup);
  ot_summary_para (builder, OT_TEXT_BODY, how);
}

void
ot_review_sheet_build (OtSummaryBuilder *builder)
{
  static void (*const add_section[]) (OtSummaryBuilder *, OtBlock *) = {
    add_condition, add_options, add_side_effects, add_frequencies, add_biomarkers,
    add_rules, add_outcomes, add_values, add_questions, add_glossary,
  };
  guint n_sections;
  const OtReviewSection *sections = ot_review_get_sections (&n_sections);

  g_assert (n_sections == G_N_ELEMENTS (add_section));

  add_title (builder);
  for (guint i = 0; i < n_sections; i++)
    add_section[i] (builder, start_section (builder, &sections[i]));
}
