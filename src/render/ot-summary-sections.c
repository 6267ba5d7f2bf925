/* ot-summary-sections.c: what the summary says, section by section
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ot-summary"

#include "config.h"

#include <glib/gi18n.h>

#include "ot-fit.h"
#include "ot-review.h"
#include "ot-summary-private.h"

/* Page 1 is the options at a glance: its title, then one line of who and
 * when; the footer of every page names the summary. */
static void
add_title (OtSummaryBuilder *builder)
{
  OtWorksheet *worksheet = builder->worksheet;
  const char *patient = ot_worksheet_get_patient_name (worksheet);
  const char *clinician = ot_worksheet_get_clinician_name (worksheet);
  g_autofree char *title = ot_summary_escape (_("My options at a glance"));
  g_autofree char *date = ot_summary_format_date (builder->date);
  g_autofree char *prepared = g_markup_printf_escaped (_("Prepared on %s with Option Talk"), date);
  g_autofree char *patient_line = patient ? g_markup_printf_escaped ("<b>%s</b> %s · ", _("Name"), patient) : NULL;
  g_autofree char *clinician_line = clinician ? g_markup_printf_escaped ("<b>%s</b> %s · ", _("Clinician"), clinician)
                                              : NULL;
  g_autofree char *intro = ot_summary_escape (_("The options chosen for this visit, side by side: "
                                                "information to talk about, not a recommendation."));
  g_autofree char *line = g_strconcat (patient_line ? patient_line : "", clinician_line ? clinician_line : "",
                                       prepared, ". ", intro, NULL);

  ot_block_set_outline (ot_summary_para (builder, OT_TEXT_TITLE, title), _("My options at a glance"));
  ot_summary_para (builder, OT_TEXT_BODY, line);
}

static char *
stage_markup (OtSummaryBuilder *builder)
{
  OtSubstage substage = ot_worksheet_get_substage (builder->worksheet);
  const OtTopic *topic = ot_substage_find_topic (substage, builder->content);
  g_autoptr(GString) markup = NULL;
  g_autofree char *title = NULL;

  if (topic == NULL)
    return ot_summary_escape (ot_substage_to_string (substage));

  title = ot_summary_escape (topic->title);
  markup = g_string_new (NULL);
  g_string_append_printf (markup, "<b>%s</b>", title);
  for (guint j = 0; j < topic->paras->len; j++)
    {
      const OtText *para = g_ptr_array_index (topic->paras, j);
      g_autofree char *text = ot_summary_escape (para->text);
      g_autofree char *cite = ot_summary_cite (builder, para->sources);

      g_string_append_printf (markup, "\n%s%s", text, cite);
    }
  return g_string_free (g_steal_pointer (&markup), FALSE);
}

static char *
sites_markup (guint sites)
{
  g_autoptr(GPtrArray) chosen = g_ptr_array_new ();

  for (guint i = 0; i < OT_N_SITES; i++)
    if (sites & (1u << i))
      g_ptr_array_add (chosen, (gpointer) ot_site_to_string (1u << i));

  /* A blank answer reads as the blank stage does. */
  if (chosen->len == 0)
    return ot_summary_escape (ot_substage_to_string (OT_SUBSTAGE_UNSET));

  g_ptr_array_add (chosen, NULL);
  {
    g_autofree char *joined = g_strjoinv (", ", (char **) chosen->pdata);

    return ot_summary_escape (joined);
  }
}

static void
add_topic_paras (OtSummaryBuilder *builder,
                 const OtTopic    *topic)
{
  for (guint i = 0; i < topic->paras->len; i++)
    {
      const OtText *para = g_ptr_array_index (topic->paras, i);
      g_autofree char *text = ot_summary_escape (para->text);
      g_autofree char *cite = ot_summary_cite (builder, para->sources);
      g_autofree char *markup = g_strconcat (text, cite, NULL);

      ot_summary_para (builder, OT_TEXT_BODY, markup);
    }
}

static void
add_situation (OtSummaryBuilder *builder)
{
  OtWorksheet *worksheet = builder->worksheet;
  g_autofree char *stage = stage_markup (builder);
  g_autofree char *sites = sites_markup (ot_worksheet_get_sites (worksheet));
  g_autofree char *side = ot_summary_escape (ot_side_to_string (ot_worksheet_get_side (worksheet)));
  g_autofree char *treatment = ot_summary_escape (ot_prior_lines_to_string (ot_worksheet_get_prior_lines (worksheet)));

  ot_summary_heading (builder, _("My situation"));
  ot_summary_pair (builder, _("Stage"), stage);
  ot_summary_pair (builder, _("Where it has spread"), sites);
  ot_summary_pair (builder, _("Where it started"), side);
  ot_summary_pair (builder, _("Treatment so far"), treatment);

  /* Survival numbers only for a person who chose to see them. */
  if (ot_worksheet_get_show_survival (worksheet))
    {
      const OtTopic *topic = ot_content_find_topic (builder->content, "survival");

      if (topic != NULL)
        {
          ot_summary_subheading (builder, _("Survival numbers"));
          add_topic_paras (builder, topic);
        }
    }
}

static char *
biomarker_markup (OtSummaryBuilder  *builder,
                  const OtBiomarker *biomarker)
{
  const char *id = ot_worksheet_get_biomarker (builder->worksheet, biomarker->id);
  const OtResult *result = ot_fit_find_result (builder->worksheet, biomarker);
  g_autofree char *status_markup = NULL;
  g_autofree char *text = NULL;
  g_autofree char *cite = NULL;

  if (result != NULL)
    {
      g_autofree char *label = ot_summary_escape (result->label);

      text = ot_summary_escape (result->meaning.text);
      cite = ot_summary_cite (builder, result->meaning.sources);
      return g_strdup_printf ("<b>%s</b>\n%s%s", label, text, cite);
    }

  /* Without a result, say what the test looks at, so the person can ask. */
  status_markup = ot_summary_escape (ot_unknown_result_to_string (id));
  text = ot_summary_escape (biomarker->measures.text);
  cite = ot_summary_cite (builder, biomarker->measures.sources);
  return g_strdup_printf ("<b>%s</b>\n%s%s", status_markup, text, cite);
}

static void
add_biomarkers (OtSummaryBuilder *builder)
{
  GPtrArray *biomarkers = ot_content_get_biomarkers (builder->content);

  ot_summary_heading (builder, _("Test results"));
  for (guint i = 0; i < biomarkers->len; i++)
    {
      const OtBiomarker *biomarker = g_ptr_array_index (biomarkers, i);
      g_autofree char *markup = biomarker_markup (builder, biomarker);

      ot_summary_pair (builder, biomarker->name, markup);
    }
}

/* The hand-out's situation: one line, with the results the grid's fits
 * rest on. */
static void
add_situation_line (OtSummaryBuilder *builder)
{
  OtWorksheet *worksheet = builder->worksheet;
  OtSubstage substage = ot_worksheet_get_substage (worksheet);
  const OtTopic *topic = ot_substage_find_topic (substage, builder->content);
  GPtrArray *biomarkers = ot_content_get_biomarkers (builder->content);
  g_autofree char *stage = ot_summary_escape (topic != NULL ? topic->title : ot_substage_to_string (substage));
  g_autofree char *sites = sites_markup (ot_worksheet_get_sites (worksheet));
  g_autofree char *side = ot_summary_escape (ot_side_to_string (ot_worksheet_get_side (worksheet)));
  g_autofree char *treatment = ot_summary_escape (ot_prior_lines_to_string (ot_worksheet_get_prior_lines (worksheet)));
  g_autoptr(GString) markup = g_string_new (NULL);

  g_string_append_printf (markup, "%s; %s; %s; %s.", stage, sites, side, treatment);
  for (guint i = 0; i < biomarkers->len; i++)
    {
      const OtBiomarker *biomarker = g_ptr_array_index (biomarkers, i);
      const OtResult *result = ot_fit_find_result (worksheet, biomarker);
      const char *id = ot_worksheet_get_biomarker (worksheet, biomarker->id);
      g_autofree char *item = g_markup_printf_escaped (" %s: %s%s", biomarker->name,
                                                       result ? result->label : ot_unknown_result_to_string (id),
                                                       i + 1 < biomarkers->len ? ";" : ".");

      g_string_append (markup, item);
    }
  ot_block_set_spacing (ot_summary_pair (builder, _("My situation"), markup->str), 0, 2);
}

/* What to check with the care team, before the options that rest on it. */
static void
add_checks (OtSummaryBuilder *builder)
{
  g_autoptr(GPtrArray) checks = ot_fit_dup_checks (builder->content, builder->worksheet);

  if (checks->len == 0)
    return;

  ot_summary_heading (builder, ot_fit_checks_heading ());
  for (guint i = 0; i < checks->len; i++)
    {
      const OtCheck *check = g_ptr_array_index (checks, i);
      g_autofree char *text = ot_summary_escape (check->text);
      g_autofree char *cite = check->sources ? ot_summary_cite (builder, check->sources) : g_strdup ("");
      g_autofree char *markup = g_strconcat (text, cite, NULL);

      ot_summary_item (builder, "•", markup);
    }
}

/* The benefit outcomes of this person's situation, each with whom it is
 * about and its time frame, as on the Options view. */
static void
add_treatment_benefits (OtSummaryBuilder  *builder,
                        const OtTreatment *treatment)
{
  g_autoptr(GPtrArray) outcomes = ot_fit_outcomes (builder->content, builder->worksheet, treatment);
  g_autofree char *heading = ot_summary_escape (_("Chance of benefit"));

  for (guint i = 0; i < outcomes->len; i++)
    {
      const OtOutcome *outcome = outcomes->pdata[i];
      g_autofree char *says = ot_summary_escape (outcome->says);
      g_autofree char *about = ot_outcome_format_about (outcome);
      g_autofree char *about_markup = ot_summary_escape (about);
      g_autofree char *cite = ot_summary_cite (builder, outcome->sources);
      g_autofree char *markup = g_strdup_printf ("<b>%s:</b> %s <span fgalpha=\"72%%\">(%s)</span>%s",
                                                 heading, says, about_markup, cite);

      ot_flow_add_text (builder->flow, OT_TEXT_BODY, 14, markup);
    }
}

static void
add_treatment_fit (OtSummaryBuilder  *builder,
                   const OtTreatment *treatment)
{
  const OtFitRule *rule = ot_fit_evaluate (builder->content, builder->worksheet, treatment);
  g_autofree char *name = ot_summary_escape (treatment->name);
  g_autofree char *markup = NULL;
  OtBlock *block;

  if (rule != NULL)
    {
      g_autofree char *label = ot_fit_dup_label (rule);
      g_autofree char *fit = ot_summary_escape (label);
      g_autofree char *reason = ot_summary_escape (rule->reason);
      g_autofree char *cite = ot_summary_cite (builder, rule->sources);

      markup = g_strdup_printf ("<b>%s.</b> %s%s", fit, reason, cite);
    }
  else
    {
      markup = ot_summary_escape (_("The content pack says nothing about how this fits."));
    }

  /* The name on a line of its own, the fit under it: long names would
   * otherwise squeeze into a narrow column. */
  block = ot_summary_para (builder, OT_TEXT_STRONG, name);
  ot_block_set_spacing (block, 4, 1);
  ot_block_set_keep_with_next (block, TRUE);
  ot_flow_add_text (builder->flow, OT_TEXT_BODY, 14, markup);
  add_treatment_benefits (builder, treatment);
}

static void
add_options (OtSummaryBuilder *builder)
{
  const char * const *compared = ot_worksheet_get_compared_categories (builder->worksheet);
  GPtrArray *categories = ot_content_get_categories (builder->content);
  g_autofree char *intro = ot_summary_escape (_("How each treatment fits the situation above, and why. "
                                                "This is information to talk about, not a recommendation."));

  ot_summary_heading (builder, _("Options compared"));
  ot_summary_para (builder, OT_TEXT_SMALL, intro);

  for (guint i = 0; i < categories->len; i++)
    {
      const OtCategory *category = g_ptr_array_index (categories, i);

      /* No choice means every option is compared. */
      if (compared[0] != NULL && !g_strv_contains (compared, category->id))
        continue;

      ot_summary_subheading (builder, category->name);
      for (guint j = 0; j < category->treatments->len; j++)
        add_treatment_fit (builder, g_ptr_array_index (category->treatments, j));
    }
}

static void
add_values (OtSummaryBuilder *builder)
{
  g_autoptr(GArray) rated = ot_worksheet_rank_values (builder->worksheet, builder->content);
  double rating_width = 104;
  guint top = 0;

  ot_summary_heading (builder, _("What matters most to me"));

  if (rated->len == 0)
    {
      g_autofree char *none = ot_summary_escape (_("Nothing rated yet."));

      ot_summary_para (builder, OT_TEXT_BODY, none);
      return;
    }

  for (guint i = 0; i < rated->len; i++)
    {
      const OtRankedValue *item = &g_array_index (rated, OtRankedValue, i);
      gboolean is_top = item->top;
      g_autofree char *label = ot_summary_escape (item->text);
      g_autofree char *own_note = item->own ? g_markup_printf_escaped (" <i>%s</i>", _("(my own)")) : NULL;
      g_autofree char *markup = g_strdup_printf (is_top ? "<b>%s</b>%s" : "%s%s", label, own_note ? own_note : "");
      g_autofree char *rating = ot_summary_escape (ot_rating_to_string (item->rating));
      double text_width = builder->width - 20 - rating_width - OT_SUMMARY_GUTTER;
      OtCellSpec cells[] = {
        { is_top ? "★" : "", OT_TEXT_BODY, 0, 18, NULL },
        { markup, OT_TEXT_BODY, 20, text_width, NULL },
        { rating, OT_TEXT_SMALL, builder->width - rating_width, rating_width, NULL },
      };
      OtBlock *block = ot_flow_add_row (builder->flow, cells, G_N_ELEMENTS (cells));

      ot_block_set_spacing (block, 0, 4);
      top += is_top;
    }

  if (top > 0)
    {
      g_autofree char *legend = ot_summary_escape (_("★ marks what matters most to me."));

      ot_summary_para (builder, OT_TEXT_SMALL, legend);
    }
  ot_summary_add_unlinked_values (builder, rated);
}

/* The hand-out's values: one line per rating, most important first. */
static void
add_values_by_rating (OtSummaryBuilder *builder)
{
  g_autoptr(GArray) rated = ot_worksheet_rank_values (builder->worksheet, builder->content);

  ot_summary_heading (builder, _("What matters most to me"));
  if (rated->len == 0)
    {
      g_autofree char *none = ot_summary_escape (_("Nothing rated yet."));

      ot_summary_para (builder, OT_TEXT_BODY, none);
      return;
    }

  for (guint i = 0; i < rated->len;)
    {
      int rating = g_array_index (rated, OtRankedValue, i).rating;
      g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *joined = NULL;

      for (; i < rated->len && g_array_index (rated, OtRankedValue, i).rating == rating; i++)
        g_ptr_array_add (texts, ot_summary_escape (g_array_index (rated, OtRankedValue, i).text));
      g_ptr_array_add (texts, NULL);
      joined = g_strjoinv ("; ", (char **) texts->pdata);
      ot_block_set_spacing (ot_summary_pair (builder, ot_rating_to_string (rating), joined), 0, 2);
    }
  ot_summary_add_unlinked_values (builder, rated);
}

/* Under its own heading in the full summary; a line under what matters
 * in the hand-out. */
static void
add_role (OtSummaryBuilder *builder,
          gboolean          own_heading)
{
  const char *id = ot_worksheet_get_role (builder->worksheet);
  GPtrArray *roles = ot_content_get_roles (builder->content);
  const char *note = ot_content_get_instrument_note (builder->content, OT_INSTRUMENT_ROLES);
  g_autofree char *markup = NULL;

  if (own_heading)
    ot_summary_heading (builder, _("My preferred role in deciding"));

  for (guint i = 0; note == NULL && id != NULL && i < roles->len; i++)
    {
      const OtItem *role = g_ptr_array_index (roles, i);

      if (g_str_equal (role->id, id))
        {
          g_autofree char *text = ot_summary_escape (role->text);
          g_autofree char *cite = ot_summary_cite (builder, ot_content_get_roles_source (builder->content)->sources);

          markup = g_strconcat (text, cite, NULL);
          break;
        }
    }

  if (markup == NULL)
    markup = ot_summary_escape (note != NULL ? note : _("Not chosen yet."));
  if (own_heading)
    ot_summary_para (builder, OT_TEXT_BODY, markup);
  else
    ot_block_set_spacing (ot_summary_pair (builder, _("My role in deciding"), markup), 4, 2);
}

/* The SURE test: each answer in the full summary, the result only in the
 * hand-out. */
static void
add_readiness (OtSummaryBuilder *builder,
               gboolean          each_answer)
{
  GPtrArray *items = ot_content_get_readiness (builder->content);
  guint yes = 0, answered = 0;
  g_autofree char *cite = ot_summary_cite (builder, ot_content_get_readiness_source (builder->content)->sources);
  const char *note = ot_content_get_instrument_note (builder->content, OT_INSTRUMENT_READINESS);
  g_autofree char *result = NULL;
  g_autofree char *markup = NULL;

  if (each_answer)
    ot_summary_heading (builder, _("Am I ready to decide? (SURE test)"));
  if (note != NULL)
    {
      g_autofree char *escaped = ot_summary_escape (note);
      g_autofree char *with_cite = g_strconcat (escaped, cite, NULL);

      ot_summary_para (builder, OT_TEXT_BODY, with_cite);
      return;
    }

  for (guint i = 0; i < items->len; i++)
    {
      const OtItem *item = g_ptr_array_index (items, i);
      OtAnswer answer = ot_worksheet_get_readiness (builder->worksheet, item->id);
      const char *text = answer == OT_ANSWER_YES ? _("Yes") : answer == OT_ANSWER_NO ? _("No") : _("Not answered");
      g_autofree char *question = ot_summary_escape (item->text);
      g_autofree char *answer_markup = g_markup_printf_escaped (answer == OT_ANSWER_UNSET ? "%s" : "<b>%s</b>", text);
      double answer_width = 80;
      OtCellSpec cells[] = {
        { question, OT_TEXT_BODY, 0, builder->width - answer_width - OT_SUMMARY_GUTTER, NULL },
        { answer_markup, OT_TEXT_BODY, builder->width - answer_width, answer_width, NULL },
      };
      if (each_answer)
        ot_block_set_spacing (ot_flow_add_row (builder->flow, cells, G_N_ELEMENTS (cells)), 0, 4);
      yes += answer == OT_ANSWER_YES;
      answered += answer != OT_ANSWER_UNSET;
    }

  if (answered == 0)
    result = g_strdup (_("Not answered yet."));
  else if (yes == items->len)
    result = g_strdup_printf (_("Yes to all %u questions."), items->len);
  else
    result = g_strdup_printf (_("Yes to %u of %u questions. A “no” or a missing answer may mean "
                                "you would like more information or support before deciding. "
                                "Tell your care team."), yes, items->len);

  markup = g_markup_printf_escaped ("%s", result);
  {
    g_autofree char *with_cite = g_strconcat (markup, cite, NULL);
    OtBlock *block = each_answer ? ot_summary_para (builder, OT_TEXT_BODY, with_cite)
                                 : ot_summary_pair (builder, _("Ready to decide? (SURE test)"), with_cite);

    ot_block_set_spacing (block, 4, 6);
  }
}

typedef struct
{
  const char *text;
  gboolean    asked;
} Question;

static void
add_question_list (OtSummaryBuilder *builder,
                   GArray           *questions,
                   gboolean          asked)
{
  for (guint i = 0; i < questions->len; i++)
    {
      const Question *question = &g_array_index (questions, Question, i);
      g_autofree char *markup = NULL;

      if (question->asked != asked)
        continue;

      markup = ot_summary_escape (question->text);
      /* An empty box to tick during the visit; a ticked one once asked. */
      ot_summary_item (builder, asked ? "☑" : "☐", markup);
    }
}

/* The questions not yet asked first: they are what the visit is for; the
 * full summary heads those asked, the hand-out marks them only. */
static void
add_questions (OtSummaryBuilder *builder,
               gboolean          full)
{
  OtWorksheet *worksheet = builder->worksheet;
  const char * const *ids = ot_worksheet_get_questions (worksheet);
  GPtrArray *own = ot_worksheet_get_own_questions (worksheet);
  g_autoptr(GArray) questions = g_array_new (FALSE, FALSE, sizeof (Question));
  guint n_asked = 0;

  ot_summary_heading (builder, _("Questions to ask"));

  for (guint i = 0; ids[i]; i++)
    {
      const OtItem *item = ot_content_find_question (builder->content, ids[i]);
      Question question = { item ? item->text : NULL, ot_worksheet_get_question_asked (worksheet, ids[i]) };

      if (question.text != NULL)
        g_array_append_val (questions, question);
    }
  for (guint i = 0; i < own->len; i++)
    {
      const OtOwnItem *item = g_ptr_array_index (own, i);
      Question question = { item->text, item->asked };

      if (item->text != NULL && item->text[0] != '\0')
        g_array_append_val (questions, question);
    }

  if (questions->len == 0)
    {
      g_autofree char *none = ot_summary_escape (_("No questions chosen yet."));

      ot_summary_para (builder, OT_TEXT_BODY, none);
      return;
    }

  for (guint i = 0; i < questions->len; i++)
    n_asked += g_array_index (questions, Question, i).asked;

  /* Not yet asked first: they are what the visit is for. */
  add_question_list (builder, questions, FALSE);
  if (n_asked > 0 && full)
    ot_summary_subheading (builder, _("Already asked"));
  add_question_list (builder, questions, TRUE);
}

static char *
leaning_markup (OtSummaryBuilder *builder)
{
  const char * const *ids = ot_worksheet_get_leaning (builder->worksheet);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; ids[i]; i++)
    {
      const OtCategory *category = ot_content_find_category (builder->content, ids[i]);
      const OtTreatment *treatment = ot_content_find_treatment (builder->content, ids[i]);

      if (category != NULL)
        g_ptr_array_add (names, (gpointer) category->name);
      else if (treatment != NULL)
        g_ptr_array_add (names, (gpointer) treatment->name);
    }

  if (names->len == 0)
    return ot_summary_escape (_("Not sure yet"));

  g_ptr_array_add (names, NULL);
  {
    g_autofree char *joined = g_strjoinv ("; ", (char **) names->pdata);

    return ot_summary_escape (joined);
  }
}

/* Under a subheading in the full summary; beside its title, as the
 * lines above it, in the hand-out. */
static void
add_free_text (OtSummaryBuilder *builder,
               const char       *title,
               const char       *text,
               gboolean          own_heading)
{
  g_autofree char *markup = ot_summary_escape (text ? text : _("Nothing written yet."));

  if (!own_heading)
    {
      ot_summary_pair (builder, title, markup);
      return;
    }
  ot_summary_subheading (builder, title);
  ot_summary_para (builder, OT_TEXT_BODY, markup);
}

static void
add_notes (OtSummaryBuilder *builder,
           gboolean          full)
{
  OtWorksheet *worksheet = builder->worksheet;
  g_autofree char *leaning = leaning_markup (builder);
  g_autofree char *visit = ot_summary_format_gdate (ot_worksheet_get_next_visit (worksheet));
  g_autofree char *visit_markup = ot_summary_escape (visit ? visit : _("Not set"));

  ot_summary_heading (builder, _("Notes, leaning and next steps"));
  ot_summary_pair (builder, _("Leaning towards"), leaning);
  ot_summary_pair (builder, _("Next visit"), visit_markup);
  add_free_text (builder, _("My notes"), ot_worksheet_get_notes (worksheet), full);
  add_free_text (builder, _("Next steps"), ot_worksheet_get_next_steps (worksheet), full);
}

static void
add_sources (OtSummaryBuilder *builder)
{
  ot_summary_heading (builder, _("Sources"));

  if (builder->cited->len == 0)
    {
      g_autofree char *none = ot_summary_escape (_("No sources are cited above."));

      ot_summary_para (builder, OT_TEXT_BODY, none);
      return;
    }

  for (guint i = 0; i < builder->cited->len; i++)
    {
      const OtSource *source = g_ptr_array_index (builder->cited, i);
      g_autofree char *number = g_strdup_printf ("[%u]", i + 1);
      g_autofree char *markup = ot_summary_format_source (source);
      g_autofree char *url = ot_summary_escape (source->url);
      double x = 28;
      OtCellSpec cells[] = {
        { number, OT_TEXT_SMALL, 0, x - 4, NULL },
        { markup, OT_TEXT_SMALL, x, builder->width - x, NULL },
      };
      OtCellSpec link = { url, OT_TEXT_LINK, x, builder->width - x, source->url };
      OtBlock *block;

      block = ot_flow_add_row (builder->flow, cells, G_N_ELEMENTS (cells));
      ot_block_set_spacing (block, 0, 0);
      ot_block_set_keep_with_next (block, TRUE);
      block = ot_flow_add_row (builder->flow, &link, 1);
      ot_block_set_spacing (block, 0, 5);
    }
}

/* The hand-out's sources: one paragraph of numbers and short keys; the
 * full summary has every reference in full. */
static void
add_source_keys (OtSummaryBuilder *builder)
{
  g_autoptr(GString) markup = g_string_new (NULL);
  g_autofree char *heading = ot_summary_escape (_("Sources"));
  g_autofree char *full = ot_summary_escape (_("Every reference in full is in the full summary."));

  if (builder->cited->len == 0)
    return;

  g_string_append_printf (markup, "<b>%s:</b>", heading);
  for (guint i = 0; i < builder->cited->len; i++)
    {
      const OtSource *source = g_ptr_array_index (builder->cited, i);
      g_autofree char *key = ot_summary_escape (source->id);

      g_string_append_printf (markup, " [%u] %s%s", i + 1, key, i + 1 < builder->cited->len ? ";" : ".");
    }
  g_string_append_printf (markup, " %s", full);
  ot_block_set_spacing (ot_summary_para (builder, OT_TEXT_SMALL, markup->str), 12, 4);
}

static void
add_about (OtSummaryBuilder *builder)
{
  const OtMeta *meta = ot_content_get_meta (builder->content);
  g_autofree char *reviewed = ot_summary_format_gdate (&meta->reviewed);
  g_autofree char *review_by = ot_summary_format_gdate (&meta->review_by);
  g_autofree char *version = g_markup_printf_escaped (_("%s, version %s. Last reviewed %s; "
                                                        "to be reviewed again by %s."),
                                                      meta->title, meta->version,
                                                      reviewed ? reviewed : "",
                                                      review_by ? review_by : "");
  g_autofree char *disclaimer = g_markup_printf_escaped ("<b>%s</b>", meta->disclaimer);
  g_autofree char *authors = ot_summary_escape (meta->authors);
  g_autofree char *reviews_text = ot_content_describe_reviews (builder->content);
  g_autofree char *reviews = ot_summary_escape (reviews_text);
  g_autofree char *funding = ot_summary_escape (meta->funding);
  g_autoptr(GDate) today = g_date_new_dmy (g_date_time_get_day_of_month (builder->date),
                                          g_date_time_get_month (builder->date),
                                          g_date_time_get_year (builder->date));
  OtBlock *block;

  /* A short section that reads as one: it stays together on a page. */
  ot_summary_heading (builder, _("About this summary"));
  block = ot_summary_para (builder, OT_TEXT_BODY, version);
  ot_block_set_keep_with_next (block, TRUE);
  if (ot_content_is_overdue (builder->content, today))
    {
      g_autofree char *overdue = g_markup_printf_escaped ("<b>%s</b>",
                                                          _("The review date of this content has passed. "
                                                            "Some of it may be out of date: ask your care "
                                                            "team what is new."));

      block = ot_summary_para (builder, OT_TEXT_BODY, overdue);
      ot_block_set_keep_with_next (block, TRUE);
    }
  block = ot_summary_para (builder, OT_TEXT_BODY, disclaimer);
  ot_block_set_keep_with_next (block, TRUE);
  block = ot_summary_para (builder, OT_TEXT_SMALL, authors);
  ot_block_set_keep_with_next (block, TRUE);
  block = ot_summary_para (builder, OT_TEXT_SMALL, reviews);
  ot_block_set_keep_with_next (block, TRUE);
  ot_summary_para (builder, OT_TEXT_SMALL, funding);
}

/* The disclaimer and the pack's version, without the authors' notes. */
static void
add_disclaimer (OtSummaryBuilder *builder)
{
  const OtMeta *meta = ot_content_get_meta (builder->content);
  g_autofree char *markup = g_markup_printf_escaped ("<b>%s</b> %s, %s.", meta->disclaimer,
                                                     meta->title, meta->version);

  ot_summary_para (builder, OT_TEXT_SMALL, markup);
}

/* Both start with the options at a glance on a page of their own.  The
 * hand-out then says what matters to the person and what to do next; the
 * full summary adds the situation, every option, the side effects in full
 * and every reference. */
void
ot_summary_build_sections (OtSummaryBuilder *builder)
{
  gboolean full = (builder->flags & OT_SUMMARY_FULL) != 0;

  add_title (builder);
  ot_summary_build_grid (builder);
  ot_flow_break_page (builder->flow);
  if (full)
    add_situation (builder);
  else
    add_situation_line (builder);
  add_checks (builder);
  if (full)
    {
      add_biomarkers (builder);
      add_options (builder);
      ot_summary_build_effects (builder);
      add_values (builder);
    }
  else
    {
      add_values_by_rating (builder);
    }
  add_role (builder, full);
  add_readiness (builder, full);
  add_questions (builder, full);
  add_notes (builder, full);
  if (full)
    {
      add_sources (builder);
      add_about (builder);
    }
  else
    {
      add_source_keys (builder);
      add_disclaimer (builder);
    }
}
