/* ot-content.c: reading and checking the content pack, loaded once and never changed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ot-content"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "ot-content-private.h"
#include "ot-content-resources.h"
#include "ot-worksheet.h"
#include "ot-xml.h"

#define SCHEMA_RESOURCE RESOURCE_PREFIX "/content/optiontalk-content.rng"

/* The most lines of earlier treatment a rule can name; far more than
 * anyone has, and small enough for an int. */
#define MAX_LINES 99
#define DEFAULT_RESOURCE RESOURCE_PREFIX "/content/crc-stage4.xml"

/* What a loader needs while it walks the document. */
typedef struct
{
  OtContent  *content;
  const char *name;
  GError     *error;
} Loader;

G_DEFINE_BOXED_TYPE (OtContent, ot_content, ot_content_ref, ot_content_unref)
G_DEFINE_QUARK (ot-content-error-quark, ot_content_error)

/* The schema and the built-in pack live in this library's own resource. */
static void
ensure_resources (void)
{
  static gsize registered;

  if (g_once_init_enter (&registered))
    {
      ot_content_register_resource ();
      g_once_init_leave (&registered, 1);
    }
}

static gpointer
alloc_block (OtContent *self,
             gsize      size)
{
  gpointer block = g_malloc0 (size);

  g_ptr_array_add (self->blocks, block);
  return block;
}

#define new_block(self, Type) ((Type *) alloc_block ((self), sizeof (Type)))

static GPtrArray *
new_array (OtContent *self)
{
  GPtrArray *array = g_ptr_array_new ();

  g_ptr_array_add (self->arrays, array);
  return array;
}

static const char *
keep (OtContent  *self,
      const char *text)
{
  return text ? g_string_chunk_insert (self->strings, text) : NULL;
}

/* Text of an element, whitespace folded, translated the way GtkBuilder
 * translates a .ui file.  gettext hands back the very string it was given
 * when the catalogue has no translation: that is how one is counted. */
static const char *
keep_text (OtContent *self,
           xmlNode   *node)
{
  g_autofree char *text = ot_xml_node_text (node);
  const char *translated = g_dgettext (GETTEXT_PACKAGE, text);

  self->n_texts++;
  if (translated == text)
    self->n_untranslated++;
  return keep (self, translated);
}

/* Text of an element that stays as written in every language
 * (po/its/optiontalk-content.its). */
static const char *
keep_verbatim (OtContent *self,
               xmlNode   *node)
{
  g_autofree char *text = ot_xml_node_text (node);

  return keep (self, text);
}

static const char *
keep_prop (OtContent  *self,
           xmlNode    *node,
           const char *name)
{
  g_autofree char *value = ot_xml_prop (node, name);

  return keep (self, value);
}

static const char * const *
keep_list (OtContent  *self,
           xmlNode    *node,
           const char *name)
{
  g_autofree char *value = ot_xml_prop (node, name);
  g_auto(GStrv) words = NULL;
  const char **list;
  guint n = 0;

  if (value == NULL)
    return NULL;

  words = g_strsplit_set (g_strstrip (value), " \t\r\n", -1);
  list = alloc_block (self, sizeof (char *) * (g_strv_length (words) + 1));
  for (guint i = 0; words[i]; i++)
    if (*words[i])
      list[n++] = keep (self, words[i]);

  return list;
}

static gboolean
fail (Loader     *loader,
      xmlNode    *node,
      int         code,
      const char *format,
      ...) G_GNUC_PRINTF (4, 5);

static gboolean
fail (Loader     *loader,
      xmlNode    *node,
      int         code,
      const char *format,
      ...)
{
  g_autofree char *problem = NULL;
  va_list args;

  if (loader->error != NULL)
    return FALSE;

  va_start (args, format);
  problem = g_strdup_vprintf (format, args);
  va_end (args);

  loader->error = g_error_new (OT_CONTENT_ERROR, code, "%s:%ld: %s",
                               loader->name, node ? xmlGetLineNo (node) : 0L, problem);
  return FALSE;
}

static void
read_text (Loader  *loader,
           xmlNode *node,
           OtText  *text)
{
  text->text = keep_text (loader->content, node);
  text->sources = keep_list (loader->content, node, "sources");
}

static GPtrArray *
read_paras (Loader  *loader,
            xmlNode *parent,
            xmlNode *first)
{
  GPtrArray *paras = new_array (loader->content);

  for (xmlNode *node = first; node; node = ot_xml_next_element (node))
    {
      OtText *para = new_block (loader->content, OtText);

      read_text (loader, node, para);
      g_ptr_array_add (paras, para);
    }

  return paras;
}

static gboolean
read_date (Loader     *loader,
           xmlNode    *node,
           const char *iso,
           GDate      *date)
{
  /* The schema checked the form; GDate checks the calendar. */
  g_date_clear (date, 1);
  g_date_set_parse (date, iso);
  return g_date_valid (date) || fail (loader, node, OT_CONTENT_ERROR_VALUE, _("“%s” is not a date"), iso);
}

static void
read_review (Loader  *loader,
             xmlNode *node)
{
  OtReview *review = new_block (loader->content, OtReview);
  g_autofree char *date = ot_xml_prop (node, "date");

  review->role = keep_prop (loader->content, node, "role");
  review->version = keep_prop (loader->content, node, "version");
  review->sections = keep_list (loader->content, node, "sections");
  read_date (loader, node, date, &review->date);
  g_ptr_array_add (loader->content->meta.reviews, review);
}

static void
read_meta (Loader  *loader,
           xmlNode *meta)
{
  OtContent *self = loader->content;

  self->meta.reviews = new_array (self);
  for (xmlNode *node = ot_xml_first_element (meta); node; node = ot_xml_next_element (node))
    {
      if (ot_xml_is (node, "title"))
        self->meta.title = keep_text (self, node);
      else if (ot_xml_is (node, "version"))
        self->meta.version = keep_verbatim (self, node);
      else if (ot_xml_is (node, "authors"))
        self->meta.authors = keep_text (self, node);
      else if (ot_xml_is (node, "funding"))
        self->meta.funding = keep_text (self, node);
      else if (ot_xml_is (node, "disclaimer"))
        self->meta.disclaimer = keep_text (self, node);
      else if (ot_xml_is (node, "review"))
        read_review (loader, node);
      else
        {
          g_autofree char *iso = ot_xml_node_text (node);

          read_date (loader, node, iso, ot_xml_is (node, "reviewed") ? &self->meta.reviewed : &self->meta.review_by);
        }
    }

  if (loader->error == NULL && g_date_compare (&self->meta.review_by, &self->meta.reviewed) < 0)
    fail (loader, meta, OT_CONTENT_ERROR_VALUE,
          _("the review-by date comes before the date last reviewed"));
}

static void
read_condition (Loader  *loader,
                xmlNode *condition)
{
  OtContent *self = loader->content;

  for (xmlNode *node = ot_xml_first_element (condition); node; node = ot_xml_next_element (node))
    {
      OtTopic *topic = new_block (self, OtTopic);
      xmlNode *title = ot_xml_first_element (node);

      topic->id = keep_prop (self, node, "id");
      topic->title = keep_text (self, title);
      topic->paras = read_paras (loader, node, ot_xml_next_element (title));
      g_ptr_array_add (ot_xml_is (node, "topic") ? self->topics : self->substages, topic);
    }
}

/* @translate is FALSE for the validated questionnaires, whose wording
 * only their authors' published versions may give in another language. */
static GPtrArray *
read_items (Loader   *loader,
            xmlNode  *parent,
            gboolean  translate)
{
  const char *(*keep_item) (OtContent *, xmlNode *) = translate ? keep_text : keep_verbatim;
  GPtrArray *items = new_array (loader->content);

  for (xmlNode *node = ot_xml_first_element (parent); node; node = ot_xml_next_element (node))
    {
      OtItem *item = new_block (loader->content, OtItem);
      xmlNode *child = ot_xml_first_element (node);

      item->id = keep_prop (loader->content, node, "id");
      item->row = keep_prop (loader->content, node, "row");
      if (child == NULL)
        item->text = keep_item (loader->content, node);
      else
        for (; child; child = ot_xml_next_element (child))
          {
            if (ot_xml_is (child, "help"))
              item->help = keep_item (loader->content, child);
            else
              item->text = keep_item (loader->content, child);
          }
      g_ptr_array_add (items, item);
    }

  return items;
}

static int
find_item (GPtrArray  *items,
           const char *id)
{
  for (guint i = 0; i < items->len; i++)
    if (g_str_equal (((OtItem *) items->pdata[i])->id, id))
      return (int) i;
  return -1;
}

/* A value names the row of each option that speaks to it. */
static void
check_value_rows (Loader  *loader,
                  xmlNode *parent)
{
  OtContent *self = loader->content;

  for (guint i = 0; i < self->values->len; i++)
    {
      const OtItem *value = self->values->pdata[i];

      if (value->row != NULL && (self->rows == NULL || find_item (self->rows, value->row) < 0))
        fail (loader, parent, OT_CONTENT_ERROR_REFERENCE, _("value “%s” names an unknown row “%s”"),
              value->id, value->row);
    }
}

static void
read_categories (Loader  *loader,
                 xmlNode *categories)
{
  OtContent *self = loader->content;

  for (xmlNode *node = ot_xml_first_element (categories); node; node = ot_xml_next_element (node))
    {
      OtCategory *category = new_block (self, OtCategory);

      category->id = keep_prop (self, node, "id");
      category->cells = alloc_block (self, sizeof (OtText) * self->rows->len);
      category->treatments = new_array (self);

      for (xmlNode *child = ot_xml_first_element (node); child; child = ot_xml_next_element (child))
        {
          if (ot_xml_is (child, "name"))
            {
              category->name = keep_text (self, child);
            }
          else if (ot_xml_is (child, "cell"))
            {
              g_autofree char *row = ot_xml_prop (child, "row");
              int index = find_item (self->rows, row);

              if (index < 0)
                fail (loader, child, OT_CONTENT_ERROR_REFERENCE, _("unknown row “%s”"), row);
              else if (category->cells[index].text != NULL)
                fail (loader, child, OT_CONTENT_ERROR_DUPLICATE,
                      _("category “%s” has row “%s” twice"), category->id, row);
              else
                read_text (loader, child, &category->cells[index]);
            }
          else
            {
              OtTreatment *treatment = new_block (self, OtTreatment);
              xmlNode *part = ot_xml_first_element (child);

              treatment->id = keep_prop (self, child, "id");
              treatment->category = category;
              treatment->name = keep_text (self, part);
              part = ot_xml_next_element (part);
              treatment->short_text = keep_text (self, part);
              read_text (loader, ot_xml_next_element (part), &treatment->about);

              if (g_hash_table_contains (self->treatment_index, treatment->id))
                fail (loader, child, OT_CONTENT_ERROR_DUPLICATE,
                      _("treatment “%s” is defined twice"), treatment->id);
              g_hash_table_insert (self->treatment_index, (char *) treatment->id, treatment);
              g_ptr_array_add (category->treatments, treatment);
            }
        }

      for (guint i = 0; i < self->rows->len; i++)
        if (category->cells[i].text == NULL)
          fail (loader, node, OT_CONTENT_ERROR_INCOMPLETE, _("category “%s” has no “%s” row"),
                category->id, ((OtItem *) self->rows->pdata[i])->id);

      g_ptr_array_add (self->categories, category);
    }
}

static void
read_side_effects (Loader  *loader,
                   xmlNode *parent)
{
  OtContent *self = loader->content;

  for (xmlNode *node = ot_xml_first_element (parent); node; node = ot_xml_next_element (node))
    {
      OtSideEffect *effect = new_block (self, OtSideEffect);
      xmlNode *part = ot_xml_first_element (node);

      effect->id = keep_prop (self, node, "id");
      effect->name = keep_text (self, part);
      part = ot_xml_next_element (part);
      read_text (loader, part, &effect->about);
      read_text (loader, ot_xml_next_element (part), &effect->managing);
      g_ptr_array_add (self->side_effects, effect);
    }
}

static double
read_count (xmlNode    *node,
            const char *name)
{
  g_autofree char *value = ot_xml_prop (node, name);

  return value ? g_ascii_strtod (value, NULL) : -1.0;
}

static OtGrades
read_grades (xmlNode *node)
{
  g_autofree char *value = ot_xml_prop (node, "count-grades");

  return g_strcmp0 (value, "2-or-worse") == 0 ? OT_GRADES_2_OR_WORSE : OT_GRADES_ANY;
}

static void
read_frequencies (Loader  *loader,
                  xmlNode *parent)
{
  OtContent *self = loader->content;

  for (xmlNode *node = ot_xml_first_element (parent); node; node = ot_xml_next_element (node))
    {
      OtFrequency *frequency = new_block (self, OtFrequency);
      g_autofree char *treatment = ot_xml_prop (node, "treatment");
      g_autofree char *effect = ot_xml_prop (node, "effect");
      g_autofree char *key = g_strconcat (treatment, "/", effect, NULL);

      frequency->treatment = ot_content_find_treatment (self, treatment);
      frequency->effect = ot_content_find_side_effect (self, effect);
      frequency->has_figure = ot_xml_is (node, "frequency");
      frequency->count = read_count (node, "count");
      frequency->count_grades = read_grades (node);
      frequency->low = read_count (node, "low");
      frequency->high = read_count (node, "high");
      frequency->serious = read_count (node, "serious");
      frequency->note = keep_text (self, ot_xml_first_element (node));
      frequency->sources = keep_list (self, node, "sources");

      if (frequency->treatment == NULL)
        fail (loader, node, OT_CONTENT_ERROR_REFERENCE, _("unknown treatment “%s”"), treatment);
      else if (frequency->effect == NULL)
        fail (loader, node, OT_CONTENT_ERROR_REFERENCE, _("unknown side effect “%s”"), effect);
      else if (g_hash_table_contains (self->frequency_index, key))
        fail (loader, node, OT_CONTENT_ERROR_DUPLICATE,
              _("“%s” has two figures for “%s”"), treatment, effect);
      else if ((frequency->low >= 0 && frequency->low > frequency->count)
               || (frequency->high >= 0 && frequency->high < frequency->count)
               || (frequency->count >= 0 && frequency->serious > frequency->count))
        fail (loader, node, OT_CONTENT_ERROR_VALUE,
              _("the figures for “%s” and “%s” contradict each other "
                "(low ≤ count ≤ high and serious ≤ count)"), treatment, effect);

      g_hash_table_insert (self->frequency_index, (char *) keep (self, key), frequency);
      g_ptr_array_add (self->frequencies, frequency);
    }
}

static void
read_biomarkers (Loader  *loader,
                 xmlNode *parent)
{
  /* The worksheet's own answers, and the rules' word for all of them. */
  static const char * const reserved_results[] = {
    "unknown", OT_RESULT_NOT_TESTED, OT_RESULT_NOT_SURE, OT_RESULT_GIVEN_TWICE, NULL
  };
  OtContent *self = loader->content;

  for (xmlNode *node = ot_xml_first_element (parent); node; node = ot_xml_next_element (node))
    {
      OtBiomarker *biomarker = new_block (self, OtBiomarker);
      xmlNode *part = ot_xml_first_element (node);

      biomarker->id = keep_prop (self, node, "id");
      biomarker->name = keep_text (self, part);
      part = ot_xml_next_element (part);
      read_text (loader, part, &biomarker->measures);
      biomarker->results = new_array (self);

      for (part = ot_xml_next_element (part); part; part = ot_xml_next_element (part))
        {
          OtResult *result = new_block (self, OtResult);
          xmlNode *label = ot_xml_first_element (part);

          result->id = keep_prop (self, part, "id");
          result->label = keep_text (self, label);
          read_text (loader, ot_xml_next_element (label), &result->meaning);

          if (g_strv_contains (reserved_results, result->id))
            fail (loader, part, OT_CONTENT_ERROR_DUPLICATE,
                  _("“%s” is kept for results that are not known"), result->id);
          g_ptr_array_add (biomarker->results, result);
        }
      g_ptr_array_add (self->biomarkers, biomarker);
    }
}

static guint
parse_sides (xmlNode *node)
{
  g_autofree char *value = ot_xml_prop (node, "is");
  g_auto(GStrv) words = g_strsplit (value, " ", -1);
  guint sides = 0;

  for (guint i = 0; words[i]; i++)
    {
      if (g_str_equal (words[i], "right"))
        sides |= OT_SIDE_RIGHT;
      else if (g_str_equal (words[i], "left"))
        sides |= OT_SIDE_LEFT;
      else if (g_str_equal (words[i], "rectum"))
        sides |= OT_SIDE_RECTUM;
      else if (g_str_equal (words[i], "unknown"))
        sides |= OT_SIDE_UNKNOWN;
    }

  return sides;
}

/* A number of lines of treatment: checked here, since the schema allows
 * any size and a cast would wrap. */
static void
read_lines (Loader     *loader,
            xmlNode    *node,
            const char *name,
            int        *lines)
{
  g_autofree char *value = ot_xml_prop (node, name);
  guint64 number;

  if (value == NULL)
    return;

  if (!g_ascii_string_to_unsigned (value, 10, 0, MAX_LINES, &number, NULL))
    {
      fail (loader, node, OT_CONTENT_ERROR_VALUE, _("<lines %s>: %s is out of range (0 to %d)"),
            name, value, MAX_LINES);
      return;
    }

  *lines = (int) number;
}

static void
read_biomarker_condition (Loader    *loader,
                          GPtrArray *conditions,
                          xmlNode   *node)
{
  OtContent *self = loader->content;
  OtBiomarkerCondition *condition = new_block (self, OtBiomarkerCondition);
  g_autofree char *id = ot_xml_prop (node, "id");

  condition->biomarker = ot_content_find_biomarker (self, id);
  condition->results = keep_list (self, node, "results");
  if (condition->biomarker == NULL)
    {
      fail (loader, node, OT_CONTENT_ERROR_REFERENCE, _("unknown biomarker “%s”"), id);
      return;
    }
  for (guint i = 0; condition->results[i]; i++)
    if (!g_str_equal (condition->results[i], "unknown")
        && ot_biomarker_find_result (condition->biomarker, condition->results[i]) == NULL)
      fail (loader, node, OT_CONTENT_ERROR_REFERENCE,
            _("biomarker “%s” has no result “%s”"), id, condition->results[i]);
  g_ptr_array_add (conditions, condition);
}

static void
init_conditions (OtContent    *self,
                 OtConditions *conditions)
{
  conditions->biomarkers = new_array (self);
  conditions->min_lines = -1;
  conditions->max_lines = -1;
}

/* Reads a <biomarker>, <side> or <lines> condition; FALSE for any other
 * element, which the caller reads. */
static gboolean
read_condition_node (Loader       *loader,
                     OtConditions *conditions,
                     xmlNode      *node)
{
  if (ot_xml_is (node, "side"))
    {
      conditions->sides = parse_sides (node);
    }
  else if (ot_xml_is (node, "lines"))
    {
      read_lines (loader, node, "min", &conditions->min_lines);
      read_lines (loader, node, "max", &conditions->max_lines);
      if (conditions->max_lines >= 0 && conditions->min_lines > conditions->max_lines)
        fail (loader, node, OT_CONTENT_ERROR_VALUE,
              _("<lines>: min %d is more than max %d, so the rule can never apply"),
              conditions->min_lines, conditions->max_lines);
    }
  else if (ot_xml_is (node, "biomarker"))
    {
      read_biomarker_condition (loader, conditions->biomarkers, node);
    }
  else
    {
      return FALSE;
    }

  return TRUE;
}

static void
read_conflict (Loader  *loader,
               xmlNode *node)
{
  OtContent *self = loader->content;
  OtConflict *conflict = new_block (self, OtConflict);

  conflict->sources = keep_list (self, node, "sources");
  conflict->biomarkers = new_array (self);
  for (xmlNode *child = ot_xml_first_element (node); child; child = ot_xml_next_element (child))
    {
      if (ot_xml_is (child, "says"))
        conflict->says = keep_text (self, child);
      else
        read_biomarker_condition (loader, conflict->biomarkers, child);
    }
  g_ptr_array_add (self->conflicts, conflict);
}

static gboolean
rule_is_unconditional (const OtFitRule *rule)
{
  return rule->conditions.biomarkers->len == 0 && rule->conditions.sides == 0
         && rule->conditions.min_lines < 0;
}

/* Rules are tried in order: one after a rule without conditions for the
 * same treatment is never reached. */
static void
check_not_shadowed (Loader          *loader,
                    xmlNode         *node,
                    GHashTable      *settled,
                    const OtFitRule *rule)
{
  if (rule->treatment == NULL)
    return;

  if (g_hash_table_contains (settled, rule->treatment))
    fail (loader, node, OT_CONTENT_ERROR_VALUE,
          _("this rule for “%s” can never apply: an earlier rule for it has no conditions"),
          rule->treatment->id);
  else if (rule_is_unconditional (rule))
    g_hash_table_add (settled, (gpointer) rule->treatment);
}

static void
read_rules (Loader  *loader,
            xmlNode *parent)
{
  static const char * const fits[] = { "likely", "depends", "not-expected", "not-usual", "choice" };
  OtContent *self = loader->content;
  g_autoptr(GHashTable) settled = g_hash_table_new (NULL, NULL);

  for (xmlNode *node = ot_xml_first_element (parent); node; node = ot_xml_next_element (node))
    {
      OtFitRule *rule;
      g_autofree char *treatment = NULL;
      g_autofree char *fit = NULL;

      if (ot_xml_is (node, "conflict"))
        {
          read_conflict (loader, node);
          continue;
        }

      rule = new_block (self, OtFitRule);
      treatment = ot_xml_prop (node, "treatment");
      fit = ot_xml_prop (node, "fit");
      rule->treatment = ot_content_find_treatment (self, treatment);
      rule->sources = keep_list (self, node, "sources");
      init_conditions (self, &rule->conditions);
      for (guint i = 0; i < G_N_ELEMENTS (fits); i++)
        if (g_str_equal (fit, fits[i]))
          rule->fit = i;

      for (xmlNode *child = ot_xml_first_element (node); child; child = ot_xml_next_element (child))
        {
          if (ot_xml_is (child, "reason"))
            rule->reason = keep_text (self, child);
          else if (ot_xml_is (child, "depends-on"))
            rule->depends_on = keep_text (self, child);
          else
            read_condition_node (loader, &rule->conditions, child);
        }

      if (rule->treatment == NULL)
        fail (loader, node, OT_CONTENT_ERROR_REFERENCE, _("unknown treatment “%s”"), treatment);
      check_not_shadowed (loader, node, settled, rule);
      g_ptr_array_add (self->rules, rule);
    }

  /* Every treatment must end with a rule that always applies, so the fit is
   * never left unanswered. */
  for (guint c = 0; c < self->categories->len && loader->error == NULL; c++)
    {
      const OtCategory *category = self->categories->pdata[c];

      for (guint t = 0; t < category->treatments->len; t++)
        {
          const OtTreatment *treatment = category->treatments->pdata[t];
          const OtFitRule *last = NULL;

          for (guint r = 0; r < self->rules->len; r++)
            if (((OtFitRule *) self->rules->pdata[r])->treatment == treatment)
              last = self->rules->pdata[r];

          if (last == NULL || !rule_is_unconditional (last))
            fail (loader, parent, OT_CONTENT_ERROR_INCOMPLETE,
                  _("treatment “%s” needs a last fit rule without conditions"), treatment->id);
        }
    }
}

static const char * const outcome_kinds[] = {
  "response", "held-in-check", "survival", "long-term", "symptom-relief",
};

/* The sentence a person reads must carry the figures charted beside it,
 * so the two cannot drift apart when the pack is edited.  @words is the
 * pack's own sentence, before translation: a translation writes the
 * figures its language's way ("30,3 meses"), and tests/test-po.py checks
 * that it keeps them. */
static void
check_figure_in_text (Loader          *loader,
                      xmlNode         *node,
                      const OtOutcome *outcome,
                      const char      *words,
                      double           figure,
                      const char      *unit)
{
  char number[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *expected = NULL;

  if (figure < 0)
    return;

  g_ascii_formatd (number, sizeof number, "%g", figure);
  expected = g_strconcat (number, unit, NULL);
  if (strstr (words, expected) == NULL)
    fail (loader, node, OT_CONTENT_ERROR_VALUE,
          _("the outcome of “%s” does not say “%s” in its words"), outcome->treatment->id, expected);
}

static void
read_outcome_part (OtContent *self,
                   OtOutcome *outcome,
                   xmlNode   *part)
{
  const char *text = keep_text (self, part);

  if (ot_xml_is (part, "group"))
    outcome->group = text;
  else if (ot_xml_is (part, "comparator"))
    outcome->comparator = text;
  else if (ot_xml_is (part, "time-frame"))
    outcome->time_frame = text;
  else
    outcome->says = text;   /* <says>, or <why> without a figure */
}

static void
read_outcomes (Loader  *loader,
               xmlNode *parent)
{
  OtContent *self = loader->content;

  for (xmlNode *node = ot_xml_first_element (parent); node && loader->error == NULL;
       node = ot_xml_next_element (node))
    {
      OtOutcome *outcome = new_block (self, OtOutcome);
      g_autofree char *treatment = ot_xml_prop (node, "treatment");
      g_autofree char *kind = ot_xml_prop (node, "kind");
      g_autofree char *words = NULL;

      outcome->treatment = ot_content_find_treatment (self, treatment);
      outcome->sources = keep_list (self, node, "sources");
      outcome->has_figure = ot_xml_is (node, "outcome");
      outcome->count = read_count (node, "count");
      outcome->comparator_count = read_count (node, "comparator-count");
      outcome->months = read_count (node, "months");
      outcome->comparator_months = read_count (node, "comparator-months");
      for (guint i = 0; i < G_N_ELEMENTS (outcome_kinds); i++)
        if (g_str_equal (kind, outcome_kinds[i]))
          outcome->kind = i;
      init_conditions (self, &outcome->conditions);

      for (xmlNode *child = ot_xml_first_element (node); child; child = ot_xml_next_element (child))
        if (!read_condition_node (loader, &outcome->conditions, child))
          {
            read_outcome_part (self, outcome, child);
            if (ot_xml_is (child, "says"))
              words = ot_xml_node_text (child);
          }

      if (outcome->treatment == NULL)
        {
          fail (loader, node, OT_CONTENT_ERROR_REFERENCE, _("unknown treatment “%s”"), treatment);
          break;
        }

      check_figure_in_text (loader, node, outcome, words, outcome->count, " in 100");
      check_figure_in_text (loader, node, outcome, words, outcome->comparator_count, " in 100");
      check_figure_in_text (loader, node, outcome, words, outcome->months, " months");
      check_figure_in_text (loader, node, outcome, words, outcome->comparator_months, " months");
      g_ptr_array_add (self->outcomes, outcome);
    }
}

static void
read_groups (Loader  *loader,
             xmlNode *parent)
{
  OtContent *self = loader->content;

  for (xmlNode *node = ot_xml_first_element (parent); node; node = ot_xml_next_element (node))
    {
      OtGroup *group = new_block (self, OtGroup);
      xmlNode *title = ot_xml_first_element (node);

      group->id = keep_prop (self, node, "id");
      group->title = keep_text (self, title);
      group->items = new_array (self);
      for (xmlNode *q = ot_xml_next_element (title); q; q = ot_xml_next_element (q))
        {
          OtItem *item = new_block (self, OtItem);

          item->id = keep_prop (self, q, "id");
          item->text = keep_text (self, q);
          g_ptr_array_add (group->items, item);
        }
      g_ptr_array_add (self->question_groups, group);
    }
}

static void
read_glossary (Loader  *loader,
               xmlNode *parent)
{
  OtContent *self = loader->content;

  for (xmlNode *node = ot_xml_first_element (parent); node; node = ot_xml_next_element (node))
    {
      OtTerm *term = new_block (self, OtTerm);
      xmlNode *word = ot_xml_first_element (node);

      term->id = keep_prop (self, node, "id");
      term->word = keep_text (self, word);
      read_text (loader, ot_xml_next_element (word), &term->definition);
      g_ptr_array_add (self->glossary, term);
    }
}

/* Links are opened in a browser and printed: nothing but the web. */
static gboolean
is_web_address (const char *url)
{
  g_autofree char *scheme = g_uri_parse_scheme (url);

  return scheme != NULL
         && (g_ascii_strcasecmp (scheme, "https") == 0 || g_ascii_strcasecmp (scheme, "http") == 0);
}

static void
read_sources (Loader  *loader,
              xmlNode *parent)
{
  OtContent *self = loader->content;

  for (xmlNode *node = ot_xml_first_element (parent); node; node = ot_xml_next_element (node))
    {
      OtSource *source = new_block (self, OtSource);
      xmlNode *part = ot_xml_first_element (node);
      g_autofree char *publisher = ot_xml_node_text (part);
      g_autofree char *title = ot_xml_node_text (ot_xml_next_element (part));
      g_autofree char *url = ot_xml_node_text (ot_xml_next_element (ot_xml_next_element (part)));

      /* Publishers and titles are names: shown as written, not translated. */
      source->id = keep_prop (self, node, "id");
      source->seen = keep_prop (self, node, "seen");
      source->publisher = keep (self, publisher);
      source->title = keep (self, title);
      source->url = keep (self, url);

      if (ot_content_find_source (self, source->id) != NULL)
        fail (loader, node, OT_CONTENT_ERROR_DUPLICATE, _("source “%s” is listed twice"), source->id);
      else if (!is_web_address (url))
        fail (loader, node, OT_CONTENT_ERROR_VALUE,
              _("source “%s”: “%s” is not a web link (only https and http links are allowed)"),
              source->id, url);
      g_ptr_array_add (self->sources, source);
    }
}

/* Every sources="" attribute must name a listed source. */
static void
check_source_refs (Loader  *loader,
                   xmlNode *node)
{
  for (; node && loader->error == NULL; node = ot_xml_next_element (node))
    {
      g_autofree char *value = ot_xml_prop (node, "sources");

      if (value != NULL)
        {
          g_auto(GStrv) ids = g_strsplit_set (value, " \t\r\n", -1);

          for (guint i = 0; ids[i]; i++)
            if (*ids[i] && ot_content_find_source (loader->content, ids[i]) == NULL)
              fail (loader, node, OT_CONTENT_ERROR_REFERENCE, _("unknown source “%s”"), ids[i]);
        }

      check_source_refs (loader, ot_xml_first_element (node));
    }
}

/* The schema asks for some text, but white space alone shows as a blank
 * name or reason. */
static void
check_blank_text (Loader  *loader,
                  xmlNode *node)
{
  for (; node && loader->error == NULL; node = ot_xml_next_element (node))
    {
      xmlNode *child = ot_xml_first_element (node);

      if (child != NULL)
        {
          check_blank_text (loader, child);
        }
      else if (node->children != NULL)
        {
          g_autofree char *text = ot_xml_node_text (node);

          if (*text == '\0')
            fail (loader, node, OT_CONTENT_ERROR_VALUE, _("<%s> holds only white space"), (const char *) node->name);
        }
    }
}

static void
check_unique (Loader     *loader,
              xmlNode    *parent,
              GPtrArray  *array,
              gsize       id_offset,
              const char *what)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < array->len; i++)
    {
      const char *id = G_STRUCT_MEMBER (const char *, array->pdata[i], id_offset);

      if (!g_hash_table_add (seen, (char *) id))
        fail (loader, parent, OT_CONTENT_ERROR_DUPLICATE, _("%s “%s” is defined twice"), what, id);
    }
}

static OtContent *
content_new (void)
{
  OtContent *self = g_new0 (OtContent, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->strings = g_string_chunk_new (16 * 1024);
  self->blocks = g_ptr_array_new_with_free_func (g_free);
  self->arrays = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  self->topics = new_array (self);
  self->substages = new_array (self);
  self->categories = new_array (self);
  self->side_effects = new_array (self);
  self->frequencies = new_array (self);
  self->biomarkers = new_array (self);
  self->rules = new_array (self);
  self->conflicts = new_array (self);
  self->outcomes = new_array (self);
  self->question_groups = new_array (self);
  self->glossary = new_array (self);
  self->sources = new_array (self);
  self->treatment_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->frequency_index = g_hash_table_new (g_str_hash, g_str_equal);

  return self;
}

/* Reads a pack, checked against @schema_resource unless that is %NULL. */
static OtContent *
content_read (GBytes      *bytes,
              const char  *name,
              const char  *schema_resource,
              GError     **error)
{
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(OtContent) self = NULL;
  g_autofree char *checksum = NULL;
  Loader loader = { 0 };
  xmlNode *root;

  doc = ot_xml_read (bytes, name, schema_resource, OT_CONTENT_MAX_SIZE, error);
  if (doc == NULL)
    return NULL;

  self = content_new ();
  checksum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  self->meta.checksum = keep (self, checksum);
  loader.content = self;
  loader.name = name;
  root = xmlDocGetRootElement (doc);
  {
    xmlChar *lang = xmlNodeGetLang (root);

    self->meta.language = keep (self, (const char *) lang);
    xmlFree (lang);
  }

  /* The schema fixed the order of the sections. */
  for (xmlNode *node = ot_xml_first_element (root); node; node = ot_xml_next_element (node))
    {
      if (ot_xml_is (node, "meta"))
        read_meta (&loader, node);
      else if (ot_xml_is (node, "condition"))
        read_condition (&loader, node);
      else if (ot_xml_is (node, "rows"))
        self->rows = read_items (&loader, node, TRUE);
      else if (ot_xml_is (node, "categories"))
        read_categories (&loader, node);
      else if (ot_xml_is (node, "side-effects"))
        read_side_effects (&loader, node);
      else if (ot_xml_is (node, "frequencies"))
        read_frequencies (&loader, node);
      else if (ot_xml_is (node, "biomarkers"))
        read_biomarkers (&loader, node);
      else if (ot_xml_is (node, "fit-rules"))
        read_rules (&loader, node);
      else if (ot_xml_is (node, "outcomes"))
        read_outcomes (&loader, node);
      else if (ot_xml_is (node, "values"))
        {
          self->values = read_items (&loader, node, TRUE);
          check_value_rows (&loader, node);
        }
      else if (ot_xml_is (node, "roles"))
        {
          self->roles = read_items (&loader, node, FALSE);
          self->roles_source.sources = keep_list (self, node, "sources");
        }
      else if (ot_xml_is (node, "readiness"))
        {
          self->readiness = read_items (&loader, node, FALSE);
          self->readiness_source.sources = keep_list (self, node, "sources");
        }
      else if (ot_xml_is (node, "questions"))
        read_groups (&loader, node);
      else if (ot_xml_is (node, "glossary"))
        read_glossary (&loader, node);
      else if (ot_xml_is (node, "sources"))
        read_sources (&loader, node);

      if (loader.error != NULL)
        break;
    }

  if (loader.error == NULL)
    check_source_refs (&loader, ot_xml_first_element (root));
  if (loader.error == NULL)
    check_blank_text (&loader, ot_xml_first_element (root));

  if (loader.error == NULL)
    {
      check_unique (&loader, root, self->topics, G_STRUCT_OFFSET (OtTopic, id), _("topic"));
      check_unique (&loader, root, self->substages, G_STRUCT_OFFSET (OtTopic, id), _("substage"));
      check_unique (&loader, root, self->rows, G_STRUCT_OFFSET (OtItem, id), _("row"));
      check_unique (&loader, root, self->categories, G_STRUCT_OFFSET (OtCategory, id), _("category"));
      check_unique (&loader, root, self->side_effects, G_STRUCT_OFFSET (OtSideEffect, id),
                    _("side effect"));
      check_unique (&loader, root, self->biomarkers, G_STRUCT_OFFSET (OtBiomarker, id), _("biomarker"));
      check_unique (&loader, root, self->values, G_STRUCT_OFFSET (OtItem, id), _("value"));
      check_unique (&loader, root, self->roles, G_STRUCT_OFFSET (OtItem, id), _("role"));
      check_unique (&loader, root, self->readiness, G_STRUCT_OFFSET (OtItem, id), _("readiness item"));
      check_unique (&loader, root, self->glossary, G_STRUCT_OFFSET (OtTerm, id), _("glossary term"));
    }

  if (loader.error != NULL)
    {
      g_propagate_error (error, loader.error);
      return NULL;
    }

  return g_steal_pointer (&self);
}

/**
 * ot_content_new_from_bytes:
 * @bytes: a content pack document
 * @name: the file name to use in error messages
 *
 * Reads, validates and checks a content pack.
 *
 * Returns: (transfer full): the content, or %NULL with @error set to a
 * message that names @name, the line and the problem.
 */
OtContent *
ot_content_new_from_bytes (GBytes      *bytes,
                           const char  *name,
                           GError     **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  ensure_resources ();

  return content_read (bytes, name, SCHEMA_RESOURCE, error);
}

OtContent *
ot_content_new_from_file (GFile   *file,
                          GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  bytes = ot_xml_load_file (file, OT_CONTENT_MAX_SIZE, error);
  if (bytes == NULL)
    return NULL;

  name = ot_xml_display_name (file);
  return ot_content_new_from_bytes (bytes, name, error);
}

/**
 * ot_content_new_default:
 *
 * Loads the pack built into the program.
 */
OtContent *
ot_content_new_default (GError **error)
{
  g_autoptr(GBytes) bytes = NULL;

  ensure_resources ();
  bytes = g_resources_lookup_data (DEFAULT_RESOURCE, 0, error);
  if (bytes == NULL)
    return NULL;

  /* Checked against the schema when the program was built
   * (data/content/meson.build); the checks of its references still run. */
  return content_read (bytes, "crc-stage4.xml", NULL, error);
}

OtContent *
ot_content_ref (OtContent *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
ot_content_unref (OtContent *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_hash_table_unref (self->treatment_index);
  g_hash_table_unref (self->frequency_index);
  g_ptr_array_unref (self->arrays);
  g_ptr_array_unref (self->blocks);
  g_string_chunk_free (self->strings);
  g_free (self);
}
