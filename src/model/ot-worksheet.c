/* ot-worksheet.c: the person's answers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ot-worksheet"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "ot-worksheet.h"

struct _OtWorksheet
{
  GObject      parent_instance;

  OtSubstage   substage;
  guint        sites;
  OtSide       side;
  GHashTable  *biomarkers;      /* biomarker id → result id */
  guint        prior_lines;
  gboolean     show_survival;
  char        *patient_name;
  char        *clinician_name;

  GStrv        compared_categories;
  GStrv        compared_treatments;
  GStrv        avoid_effects;

  GHashTable  *ratings;         /* value id → rating */
  GPtrArray   *own_values;      /* of OtOwnItem */
  char        *role;
  GHashTable  *readiness;       /* item id → OtAnswer */
  GPtrArray   *questions;       /* of question ids, in the order chosen */
  GHashTable  *asked;           /* question ids marked asked */
  GPtrArray   *own_questions;   /* of OtOwnItem */
  GStrv        leaning;
  char        *notes;
  char        *next_steps;
  GDate        next_visit;
  GDate        saved_on;        /* when last saved to a file */

  gboolean     suggesting;      /* the change signalled is a suggestion */
};

G_DEFINE_FINAL_TYPE (OtWorksheet, ot_worksheet, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];
static const char * const empty_strv[] = { NULL };

static void
own_item_free (gpointer data)
{
  OtOwnItem *item = data;

  g_free (item->text);
  g_free (item);
}

/**
 * ot_text_count_marks:
 * @text: valid UTF-8
 *
 * Returns: the most combining marks that follow one another in @text,
 * which Pango stacks on one character at a cost that grows fast.
 */
guint
ot_text_count_marks (const char *text)
{
  guint run = 0, most = 0;

  g_return_val_if_fail (text != NULL, 0);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      run = g_unichar_ismark (g_utf8_get_char (p)) ? run + 1 : 0;
      most = MAX (most, run);
    }

  return most;
}

/**
 * ot_text_drop_marks:
 * @text: valid UTF-8
 * @length: the length of @text in bytes, or -1 if it ends with a nul
 * @marks_before: how many combining marks come just before @text
 *
 * Returns: (transfer full) (nullable): @text without the combining marks
 * that would put more than %OT_WORKSHEET_MAX_MARKS on one character, or
 * %NULL when none would.
 */
char *
ot_text_drop_marks (const char *text,
                    gssize      length,
                    guint       marks_before)
{
  const char *end;
  GString *kept;
  guint run = marks_before;
  gboolean dropped = FALSE;

  g_return_val_if_fail (text != NULL, NULL);

  end = text + (length < 0 ? strlen (text) : (gsize) length);
  kept = g_string_sized_new (end - text);
  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    {
      run = g_unichar_ismark (g_utf8_get_char (p)) ? run + 1 : 0;
      if (run > OT_WORKSHEET_MAX_MARKS)
        dropped = TRUE;
      else
        g_string_append_len (kept, p, g_utf8_next_char (p) - p);
    }

  if (!dropped)
    {
      g_string_free (kept, TRUE);
      return NULL;
    }
  return g_string_free (kept, FALSE);
}

/**
 * ot_text_clamp:
 * @text: (nullable): UTF-8, repaired if it is not valid
 * @max_chars: the most characters kept
 *
 * Returns: (transfer full) (nullable): @text cut after @max_chars
 * characters, with no more than %OT_WORKSHEET_MAX_MARKS combining marks
 * on any character.
 */
char *
ot_text_clamp (const char *text,
               guint       max_chars)
{
  g_autofree char *valid = NULL;
  g_autofree char *kept = NULL;
  const char *shown;

  if (text == NULL)
    return NULL;

  valid = g_utf8_make_valid (text, -1);
  kept = ot_text_drop_marks (valid, -1, 0);
  shown = kept != NULL ? kept : valid;
  return g_utf8_substring (shown, 0, MIN ((glong) max_chars, g_utf8_strlen (shown, -1)));
}

static OtOwnItem *
own_item_new (const char *text,
              int         rating,
              gboolean    asked)
{
  OtOwnItem *item = g_new0 (OtOwnItem, 1);

  item->text = ot_text_clamp (text ? text : "", OT_WORKSHEET_MAX_OWN_TEXT);
  item->rating = rating;
  item->asked = asked;
  return item;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

static GStrv
dup_sorted_keys (GHashTable *table)
{
  guint n;
  char **keys = (char **) g_hash_table_get_keys_as_array (table, &n);
  GStrv copy = g_new0 (char *, n + 1);

  for (guint i = 0; i < n; i++)
    copy[i] = g_strdup (keys[i]);
  qsort (copy, n, sizeof (char *), compare_strings);
  g_free (keys);
  return copy;
}

/* @part is one of the OT_WORKSHEET_PART_ names, the signal's detail. */
static void
emit_changed (OtWorksheet *self,
              const char  *part)
{
  g_signal_emit (self, signals[CHANGED], g_quark_from_static_string (part));
}

/* Stores @value in *@field; TRUE when that changed anything. */
static gboolean
replace_string (char       **field,
                const char  *value)
{
  if (value != NULL && *value == '\0')
    value = NULL;
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static gboolean
replace_strv (GStrv              *field,
              const char * const *value)
{
  if (value == NULL)
    value = empty_strv;
  if (*field != NULL && g_strv_equal ((const char * const *) *field, value))
    return FALSE;
  g_strfreev (*field);
  *field = g_strdupv ((char **) value);
  return TRUE;
}

static void
ot_worksheet_finalize (GObject *object)
{
  OtWorksheet *self = OT_WORKSHEET (object);

  g_hash_table_unref (self->biomarkers);
  g_free (self->patient_name);
  g_free (self->clinician_name);
  g_strfreev (self->compared_categories);
  g_strfreev (self->compared_treatments);
  g_strfreev (self->avoid_effects);
  g_hash_table_unref (self->ratings);
  g_ptr_array_unref (self->own_values);
  g_free (self->role);
  g_hash_table_unref (self->readiness);
  g_ptr_array_unref (self->questions);
  g_hash_table_unref (self->asked);
  g_ptr_array_unref (self->own_questions);
  g_strfreev (self->leaning);
  g_free (self->notes);
  g_free (self->next_steps);

  G_OBJECT_CLASS (ot_worksheet_parent_class)->finalize (object);
}

static void
ot_worksheet_class_init (OtWorksheetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ot_worksheet_finalize;

  /**
   * OtWorksheet::changed:
   *
   * Emitted after any answer changes, once per change, with the part that
   * changed as its detail ("changed::notes"; see %OT_WORKSHEET_PART_NOTES
   * and the others); when every answer is replaced at once (a file opened,
   * a new worksheet), once with the detail %OT_WORKSHEET_PART_ALL.
   * Connected without a detail, a handler hears every change.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
ot_worksheet_init (OtWorksheet *self)
{
  self->side = OT_SIDE_UNKNOWN;
  self->biomarkers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->compared_categories = g_new0 (char *, 1);
  self->compared_treatments = g_new0 (char *, 1);
  self->avoid_effects = g_new0 (char *, 1);
  self->ratings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->own_values = g_ptr_array_new_with_free_func (own_item_free);
  self->readiness = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->questions = g_ptr_array_new_null_terminated (4, g_free, TRUE);
  self->asked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->own_questions = g_ptr_array_new_with_free_func (own_item_free);
  self->leaning = g_new0 (char *, 1);
  g_date_clear (&self->next_visit, 1);
  g_date_clear (&self->saved_on, 1);
}

OtWorksheet *
ot_worksheet_new (void)
{
  return g_object_new (OT_TYPE_WORKSHEET, NULL);
}

/**
 * ot_rating_to_string:
 *
 * Returns: the words for a step of the importance scale, translated, or
 * %NULL for %OT_RATING_UNRATED.
 */
const char *
ot_rating_to_string (int rating)
{
  static const char *words[] = {
    N_("Not important"),
    N_("A little important"),
    N_("Somewhat important"),
    N_("Quite important"),
    N_("Very important"),
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (words) == OT_RATING_MAX + 1);
  g_return_val_if_fail (rating >= OT_RATING_UNRATED && rating <= OT_RATING_MAX, NULL);

  return rating == OT_RATING_UNRATED ? NULL : _(words[rating]);
}

/**
 * ot_substage_to_string:
 *
 * Returns: the words for @substage, translated: "Stage IVA", or "Not
 * filled in yet" and "Not sure yet" for the answers that name no stage.
 */
const char *
ot_substage_to_string (OtSubstage substage)
{
  static const char *words[] = {
    N_("Not filled in yet"),
    N_("Stage IVA"),
    N_("Stage IVB"),
    N_("Stage IVC"),
    N_("Not sure yet"),
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (words) == OT_SUBSTAGE_NOT_SURE + 1);
  g_return_val_if_fail (substage <= OT_SUBSTAGE_NOT_SURE, NULL);

  return _(words[substage]);
}

/**
 * ot_substage_find_topic:
 *
 * Returns: (nullable): the pack's topic that explains @substage, or %NULL
 * for an answer that names no stage.
 */
const OtTopic *
ot_substage_find_topic (OtSubstage  substage,
                        OtContent  *content)
{
  static const char *ids[] = { NULL, "IVA", "IVB", "IVC", NULL };
  GPtrArray *topics;

  g_return_val_if_fail (substage <= OT_SUBSTAGE_NOT_SURE, NULL);
  g_return_val_if_fail (content != NULL, NULL);

  topics = ot_content_get_substages (content);
  for (guint i = 0; ids[substage] != NULL && i < topics->len; i++)
    if (g_str_equal (((const OtTopic *) topics->pdata[i])->id, ids[substage]))
      return topics->pdata[i];
  return NULL;
}

/**
 * ot_site_to_string:
 * @site: one of #OtSites
 *
 * Returns: the words for a place of spread, translated.
 */
const char *
ot_site_to_string (OtSites site)
{
  static const char *words[OT_N_SITES] = {
    N_("Liver"),
    N_("Lungs"),
    N_("Lining of the belly (peritoneum)"),
    N_("Distant lymph nodes"),
    N_("Bones"),
    N_("Somewhere else"),
  };

  g_return_val_if_fail (site != 0 && (site & (site - 1)) == 0 && site < (1u << OT_N_SITES), NULL);

  return _(words[g_bit_nth_lsf (site, -1)]);
}

/**
 * ot_side_to_string:
 *
 * Returns: the words for where the tumor started, translated.
 */
const char *
ot_side_to_string (OtSide side)
{
  switch (side)
    {
    case OT_SIDE_RIGHT:
      return _("Right side of the colon");
    case OT_SIDE_LEFT:
      return _("Left side of the colon");
    case OT_SIDE_RECTUM:
      return _("Rectum");
    case OT_SIDE_UNKNOWN:
    default:
      return _("Not known");
    }
}

/**
 * ot_unknown_result_to_string:
 * @result_id: a biomarker's answer that is no result of the pack
 *
 * Returns: the words for a result that is not known, translated: "Not
 * tested yet", "Not sure of the result", or why a file's answer counts as
 * not known.
 */
const char *
ot_unknown_result_to_string (const char *result_id)
{
  if (g_strcmp0 (result_id, OT_RESULT_NOT_TESTED) == 0)
    return _("Not tested yet");
  if (g_strcmp0 (result_id, OT_RESULT_NOT_SURE) == 0)
    return _("Not sure of the result");
  if (g_strcmp0 (result_id, OT_RESULT_GIVEN_TWICE) == 0)
    return _("Two different results given: counted as not known");
  return _("Could not be read: counted as not known");
}

/**
 * ot_prior_lines_to_string:
 * @lines: 0 to %OT_PRIOR_LINES_MAX
 *
 * Returns: the words for the lines of treatment for stage IV so far,
 * translated.
 */
const char *
ot_prior_lines_to_string (guint lines)
{
  static const char *words[] = {
    N_("No treatment for stage IV yet"),
    N_("One line of treatment"),
    N_("Two lines of treatment"),
    N_("Three or more lines of treatment"),
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (words) == OT_PRIOR_LINES_MAX + 1);
  g_return_val_if_fail (lines <= OT_PRIOR_LINES_MAX, NULL);

  return _(words[lines]);
}

OtSubstage
ot_worksheet_get_substage (OtWorksheet *self)
{
  g_return_val_if_fail (OT_IS_WORKSHEET (self), OT_SUBSTAGE_UNSET);

  return self->substage;
}

void
ot_worksheet_set_substage (OtWorksheet *self,
                           OtSubstage   substage)
{
  g_return_if_fail (OT_IS_WORKSHEET (self));
  g_return_if_fail (substage <= OT_SUBSTAGE_NOT_SURE);

  if (self->substage == substage)
    return;
  self->substage = substage;
  emit_changed (self, OT_WORKSHEET_PART_SITUATION);
}

guint
ot_worksheet_get_sites (OtWorksheet *self)
{
  g_return_val_if_fail (OT_IS_WORKSHEET (self), 0);

  return self->sites;
}

void
ot_worksheet_set_sites (OtWorksheet *self,
                        guint        sites)
{
  g_return_if_fail (OT_IS_WORKSHEET (self));

  sites &= (1u << OT_N_SITES) - 1;
  if (self->sites == sites)
    return;
  self->sites = sites;
  emit_changed (self, OT_WORKSHEET_PART_SITUATION);
}

/**
 * ot_worksheet_suggest_substage:
 *
 * The substage the places of spread point to (AJCC 8th edition): the
 * peritoneum makes it IVC, two or more distant sites IVB, one site IVA.
 * "Other" counts as a site of its own.
 *
 * Returns: the suggestion, or %OT_SUBSTAGE_UNSET when no site is given.
 */
OtSubstage
ot_worksheet_suggest_substage (OtWorksheet *self)
{
  g_return_val_if_fail (OT_IS_WORKSHEET (self), OT_SUBSTAGE_UNSET);

  if (self->sites & OT_SITE_PERITONEUM)
    return OT_SUBSTAGE_IVC;
  if (self->sites == 0)
    return OT_SUBSTAGE_UNSET;
  if (g_bit_nth_lsf (self->sites, -1) != g_bit_nth_msf (self->sites, -1))
    return OT_SUBSTAGE_IVB;
  return OT_SUBSTAGE_IVA;
}

OtSide
ot_worksheet_get_side (OtWorksheet *self)
{
  g_return_val_if_fail (OT_IS_WORKSHEET (self), OT_SIDE_UNKNOWN);

  return self->side;
}

void
ot_worksheet_set_side (OtWorksheet *self,
                       OtSide       side)
{
  g_return_if_fail (OT_IS_WORKSHEET (self));
  g_return_if_fail (side == OT_SIDE_UNKNOWN || side == OT_SIDE_RIGHT
                    || side == OT_SIDE_LEFT || side == OT_SIDE_RECTUM);

  if (self->side == side)
    return;
  self->side = side;
  emit_changed (self, OT_WORKSHEET_PART_SITUATION);
}

/**
 * ot_worksheet_get_biomarker:
 *
 * Returns: the result id for @biomarker_id, %OT_RESULT_NOT_TESTED until
 * one is set.
 */
const char *
ot_worksheet_get_biomarker (OtWorksheet *self,
                            const char  *biomarker_id)
{
  const char *result;

  g_return_val_if_fail (OT_IS_WORKSHEET (self), NULL);
  g_return_val_if_fail (biomarker_id != NULL, NULL);

  result = g_hash_table_lookup (self->biomarkers, biomarker_id);
  return result ? result : OT_RESULT_NOT_TESTED;
}

void
ot_worksheet_set_biomarker (OtWorksheet *self,
                            const char  *biomarker_id,
                            const char  *result_id)
{
  g_return_if_fail (OT_IS_WORKSHEET (self));
  g_return_if_fail (biomarker_id != NULL);

  if (result_id == NULL)
    result_id = OT_RESULT_NOT_TESTED;
  if (g_str_equal (ot_worksheet_get_biomarker (self, biomarker_id), result_id))
    return;

  if (g_str_equal (result_id, OT_RESULT_NOT_TESTED))
    g_hash_table_remove (self->biomarkers, biomarker_id);
  else
    g_hash_table_insert (self->biomarkers, g_strdup (biomarker_id), g_strdup (result_id));
  emit_changed (self, OT_WORKSHEET_PART_SITUATION);
}

/* Ids of the biomarkers with an answer other than "not tested", sorted. */
GStrv
ot_worksheet_dup_biomarker_ids (OtWorksheet *self)
{
  g_return_val_if_fail (OT_IS_WORKSHEET (self), NULL);

  return dup_sorted_keys (self->biomarkers);
}

guint
ot_worksheet_get_prior_lines (OtWorksheet *self)
{
  g_return_val_if_fail (OT_IS_WORKSHEET (self), 0);

  return self->prior_lines;
}

void
ot_worksheet_set_prior_lines (OtWorksheet *self,
                              guint        lines)
{
  g_return_if_fail (OT_IS_WORKSHEET (self));

  lines = MIN (lines, OT_PRIOR_LINES_MAX);
  if (self->prior_lines == lines)
    return;
  self->prior_lines = lines;
  emit_changed (self, OT_WORKSHEET_PART_SITUATION);
}

gboolean
ot_worksheet_get_show_survival (OtWorksheet *self)
{
  g_return_val_if_fail (OT_IS_WORKSHEET (self), FALSE);

  return self->show_survival;
}

void
ot_worksheet_set_show_survival (OtWorksheet *self,
                                gboolean     show)
{
  g_return_if_fail (OT_IS_WORKSHEET (self));

  if (self->show_survival == !!show)
    return;
  self->show_survival = !!show;
  emit_changed (self, OT_WORKSHEET_PART_SITUATION);
}

#define STRING_PROPERTY(name, max_chars, part) \
  const char * \
  ot_worksheet_get_##name (OtWorksheet *self) \
  { \
    g_return_val_if_fail (OT_IS_WORKSHEET (self), NULL); \
    return self->name; \
  } \
  void \
  ot_worksheet_set_##name (OtWorksheet *self, \
                           const char  *value) \
  { \
    g_autofree char *kept = ot_text_clamp (value, max_chars); \
    g_return_if_fail (OT_IS_WORKSHEET (self)); \
    if (replace_string (&self->name, kept)) \
      emit_changed (self, part); \
  }

STRING_PROPERTY (patient_name, OT_WORKSHEET_MAX_NAME, OT_WORKSHEET_PART_NAMES)
STRING_PROPERTY (clinician_name, OT_WORKSHEET_MAX_NAME, OT_WORKSHEET_PART_NAMES)
STRING_PROPERTY (role, OT_WORKSHEET_MAX_NAME, OT_WORKSHEET_PART_ROLE)
STRING_PROPERTY (notes, OT_WORKSHEET_MAX_NOTES, OT_WORKSHEET_PART_NOTES)
STRING_PROPERTY (next_steps, OT_WORKSHEET_MAX_NOTES, OT_WORKSHEET_PART_NEXT_STEPS)

#define STRV_PROPERTY(name, part) \
  const char * const * \
  ot_worksheet_get_##name (OtWorksheet *self) \
  { \
    g_return_val_if_fail (OT_IS_WORKSHEET (self), NULL); \
    return (const char * const *) self->name; \
  } \
  void \
  ot_worksheet_set_##name (OtWorksheet        *self, \
                           const char * const *ids) \
  { \
    g_return_if_fail (OT_IS_WORKSHEET (self)); \
    if (replace_strv (&self->name, ids)) \
      emit_changed (self, part); \
  }

STRV_PROPERTY (compared_categories, OT_WORKSHEET_PART_COMPARE)
STRV_PROPERTY (compared_treatments, OT_WORKSHEET_PART_COMPARE)
STRV_PROPERTY (avoid_effects, OT_WORKSHEET_PART_EFFECTS)
STRV_PROPERTY (leaning, OT_WORKSHEET_PART_LEANING)

/**
 * ot_worksheet_suggest_compared_treatments:
 *
 * Sets the compared treatments as the application suggests them from the
 * other answers, not as the person chose them: while the change is
 * signalled, ot_worksheet_is_suggesting() says so, and a window does not
 * count it as an unsaved answer of the person's.
 */
void
ot_worksheet_suggest_compared_treatments (OtWorksheet        *self,
                                          const char * const *ids)
{
  g_return_if_fail (OT_IS_WORKSHEET (self));

  self->suggesting = TRUE;
  ot_worksheet_set_compared_treatments (self, ids);
  self->suggesting = FALSE;
}

/**
 * ot_worksheet_is_suggesting:
 *
 * Returns: whether the change being signalled is a suggestion made from
 *   the other answers rather than the person's own
 */
gboolean
ot_worksheet_is_suggesting (OtWorksheet *self)
{
  g_return_val_if_fail (OT_IS_WORKSHEET (self), FALSE);

  return self->suggesting;
}

int
ot_worksheet_get_rating (OtWorksheet *self,
                         const char  *value_id)
{
  gpointer rating;

  g_return_val_if_fail (OT_IS_WORKSHEET (self), OT_RATING_UNRATED);
  g_return_val_if_fail (value_id != NULL, OT_RATING_UNRATED);

  if (!g_hash_table_lookup_extended (self->ratings, value_id, NULL, &rating))
    return OT_RATING_UNRATED;
  return GPOINTER_TO_INT (rating);
}

void
ot_worksheet_set_rating (OtWorksheet *self,
                         const char  *value_id,
                         int          rating)
{
  g_return_if_fail (OT_IS_WORKSHEET (self));
  g_return_if_fail (value_id != NULL);
  g_return_if_fail (rating >= OT_RATING_UNRATED && rating <= OT_RATING_MAX);

  if (ot_worksheet_get_rating (self, value_id) == rating)
    return;
  if (rating == OT_RATING_UNRATED)
    g_hash_table_remove (self->ratings, value_id);
  else
    g_hash_table_insert (self->ratings, g_strdup (value_id), GINT_TO_POINTER (rating));
  emit_changed (self, OT_WORKSHEET_PART_VALUES);
}

GStrv
ot_worksheet_dup_rated_values (OtWorksheet *self)
{
  g_return_val_if_fail (OT_IS_WORKSHEET (self), NULL);

  return dup_sorted_keys (self->ratings);
}

static int
compare_ranked (gconstpointer a,
                gconstpointer b)
{
  const OtRankedValue *ra = a, *rb = b;

  if (ra->rating != rb->rating)
    return rb->rating - ra->rating;
  return (int) ra->order - (int) rb->order;
}

/**
 * ot_worksheet_rank_values:
 * @content: the pack that names the values
 *
 * Every rated value, the most important first; equal ratings keep the
 * pack's order, then the person's own values in the order they were added.
 * Those with the highest rating given (above "not important") are marked
 * as what matters most.
 * Rated ids the pack lacks are left out, since there is no text to show
 * for them, and so are own values with no text yet.
 *
 * Returns: (transfer full) (element-type OtRankedValue): the values, whose
 * texts stay valid until the worksheet or the pack changes
 */
GArray *
ot_worksheet_rank_values (OtWorksheet *self,
                          OtContent   *content)
{
  GArray *ranked;
  GPtrArray *values;
  guint order = 0;

  g_return_val_if_fail (OT_IS_WORKSHEET (self), NULL);
  g_return_val_if_fail (content != NULL, NULL);

  ranked = g_array_new (FALSE, FALSE, sizeof (OtRankedValue));
  values = ot_content_get_values (content);
  for (guint i = 0; i < values->len; i++)
    {
      const OtItem *item = values->pdata[i];
      OtRankedValue r = { item->text, ot_worksheet_get_rating (self, item->id), FALSE, order++, FALSE, item };

      if (r.rating != OT_RATING_UNRATED)
        g_array_append_val (ranked, r);
    }
  for (guint i = 0; i < self->own_values->len; i++)
    {
      const OtOwnItem *item = self->own_values->pdata[i];
      OtRankedValue r = { item->text, item->rating, TRUE, order++, FALSE, NULL };

      if (r.rating != OT_RATING_UNRATED && *item->text != '\0')
        g_array_append_val (ranked, r);
    }

  g_array_sort (ranked, compare_ranked);
  for (guint i = 0; i < ranked->len; i++)
    {
      OtRankedValue *r = &g_array_index (ranked, OtRankedValue, i);

      r->top = r->rating > OT_RATING_NOT_IMPORTANT
               && r->rating == g_array_index (ranked, OtRankedValue, 0).rating;
    }
  return ranked;
}

/**
 * ot_worksheet_dup_top_values:
 * @content: the pack that names the values
 *
 * What matters most: every value that has the highest rating the person
 * gave, in the order of ot_worksheet_rank_values(), however many there
 * are; none when nothing is rated above "not important".
 *
 * Returns: (transfer full) (element-type utf8): the texts of the values
 */
GPtrArray *
ot_worksheet_dup_top_values (OtWorksheet *self,
                             OtContent   *content)
{
  g_autoptr(GArray) ranked = NULL;
  GPtrArray *top;

  g_return_val_if_fail (OT_IS_WORKSHEET (self), NULL);
  g_return_val_if_fail (content != NULL, NULL);

  ranked = ot_worksheet_rank_values (self, content);
  top = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < ranked->len && g_array_index (ranked, OtRankedValue, i).top; i++)
    g_ptr_array_add (top, g_strdup (g_array_index (ranked, OtRankedValue, i).text));
  return top;
}

GPtrArray *
ot_worksheet_get_own_values (OtWorksheet *self)
{
  g_return_val_if_fail (OT_IS_WORKSHEET (self), NULL);

  return self->own_values;
}

void
ot_worksheet_add_own_value (OtWorksheet *self,
                            const char  *text,
                            int          rating)
{
  g_return_if_fail (OT_IS_WORKSHEET (self));
  g_return_if_fail (rating >= OT_RATING_UNRATED && rating <= OT_RATING_MAX);

  if (self->own_values->len >= OT_WORKSHEET_MAX_OWN)
    return;
  g_ptr_array_add (self->own_values, own_item_new (text, rating, FALSE));
  emit_changed (self, OT_WORKSHEET_PART_VALUES);
}

void
ot_worksheet_set_own_value (OtWorksheet *self,
                            guint        index,
                            const char  *text,
                            int          rating)
{
  OtOwnItem *item;
  char *copy;

  g_return_if_fail (OT_IS_WORKSHEET (self));
  g_return_if_fail (index < self->own_values->len);
  g_return_if_fail (rating >= OT_RATING_UNRATED && rating <= OT_RATING_MAX);

  if (text == NULL)
    text = "";
  item = self->own_values->pdata[index];
  if (g_str_equal (item->text, text) && item->rating == rating)
    return;
  /* @text may be item->text itself: copy before freeing. */
  copy = ot_text_clamp (text, OT_WORKSHEET_MAX_OWN_TEXT);
  g_free (item->text);
  item->text = copy;
  item->rating = rating;
  emit_changed (self, OT_WORKSHEET_PART_VALUES);
}

void
ot_worksheet_remove_own_value (OtWorksheet *self,
                               guint        index)
{
  g_return_if_fail (OT_IS_WORKSHEET (self));
  g_return_if_fail (index < self->own_values->len);

  g_ptr_array_remove_index (self->own_values, index);
  emit_changed (self, OT_WORKSHEET_PART_VALUES);
}

OtAnswer
ot_worksheet_get_readiness (OtWorksheet *self,
                            const char  *item_id)
{
  g_return_val_if_fail (OT_IS_WORKSHEET (self), OT_ANSWER_UNSET);
  g_return_val_if_fail (item_id != NULL, OT_ANSWER_UNSET);

  return GPOINTER_TO_INT (g_hash_table_lookup (self->readiness, item_id));
}

void
ot_worksheet_set_readiness (OtWorksheet *self,
                            const char  *item_id,
                            OtAnswer     answer)
{
  g_return_if_fail (OT_IS_WORKSHEET (self));
  g_return_if_fail (item_id != NULL);
  g_return_if_fail (answer <= OT_ANSWER_NO);

  if (ot_worksheet_get_readiness (self, item_id) == answer)
    return;
  if (answer == OT_ANSWER_UNSET)
    g_hash_table_remove (self->readiness, item_id);
  else
    g_hash_table_insert (self->readiness, g_strdup (item_id), GINT_TO_POINTER (answer));
  emit_changed (self, OT_WORKSHEET_PART_READINESS);
}

/* Ids of the readiness items answered, sorted; the pack's and any other. */
GStrv
ot_worksheet_dup_readiness_ids (OtWorksheet *self)
{
  g_return_val_if_fail (OT_IS_WORKSHEET (self), NULL);

  return dup_sorted_keys (self->readiness);
}

/**
 * ot_worksheet_get_readiness_result:
 * @content: the pack whose readiness items count
 *
 * The SURE test is read as its authors say: "yes" to all four means the
 * person feels ready; any "no" means they may want more information or
 * support.  There is no score beyond that.
 */
OtReadiness
ot_worksheet_get_readiness_result (OtWorksheet *self,
                                   OtContent   *content)
{
  GPtrArray *items;
  gboolean complete = TRUE;

  g_return_val_if_fail (OT_IS_WORKSHEET (self), OT_READINESS_INCOMPLETE);
  g_return_val_if_fail (content != NULL, OT_READINESS_INCOMPLETE);

  items = ot_content_get_readiness (content);
  for (guint i = 0; i < items->len; i++)
    {
      OtAnswer answer = ot_worksheet_get_readiness (self, ((const OtItem *) items->pdata[i])->id);

      if (answer == OT_ANSWER_NO)
        return OT_READINESS_UNSURE;
      if (answer == OT_ANSWER_UNSET)
        complete = FALSE;
    }

  return complete && items->len > 0 ? OT_READINESS_READY : OT_READINESS_INCOMPLETE;
}

const char * const *
ot_worksheet_get_questions (OtWorksheet *self)
{
  g_return_val_if_fail (OT_IS_WORKSHEET (self), NULL);

  /* The array is NULL-terminated; pdata is NULL only before anything
   * was ever allocated for it. */
  return self->questions->pdata ? (const char * const *) self->questions->pdata : empty_strv;
}

static gboolean
find_question (OtWorksheet *self,
               const char  *question_id,
               guint       *index)
{
  for (guint i = 0; i < self->questions->len; i++)
    if (g_str_equal (self->questions->pdata[i], question_id))
      {
        if (index != NULL)
          *index = i;
        return TRUE;
      }
  return FALSE;
}

gboolean
ot_worksheet_has_question (OtWorksheet *self,
                           const char  *question_id)
{
  g_return_val_if_fail (OT_IS_WORKSHEET (self), FALSE);
  g_return_val_if_fail (question_id != NULL, FALSE);

  return find_question (self, question_id, NULL);
}

void
ot_worksheet_set_question (OtWorksheet *self,
                           const char  *question_id,
                           gboolean     chosen)
{
  guint index;

  g_return_if_fail (OT_IS_WORKSHEET (self));
  g_return_if_fail (question_id != NULL);

  if (find_question (self, question_id, &index) == !!chosen)
    return;

  if (chosen)
    {
      g_ptr_array_add (self->questions, g_strdup (question_id));
    }
  else
    {
      g_ptr_array_remove_index (self->questions, index);
      g_hash_table_remove (self->asked, question_id);
    }
  emit_changed (self, OT_WORKSHEET_PART_QUESTIONS);
}

gboolean
ot_worksheet_get_question_asked (OtWorksheet *self,
                                 const char  *question_id)
{
  g_return_val_if_fail (OT_IS_WORKSHEET (self), FALSE);
  g_return_val_if_fail (question_id != NULL, FALSE);

  return g_hash_table_contains (self->asked, question_id);
}

void
ot_worksheet_set_question_asked (OtWorksheet *self,
                                 const char  *question_id,
                                 gboolean     asked)
{
  g_return_if_fail (OT_IS_WORKSHEET (self));
  g_return_if_fail (question_id != NULL);
  g_return_if_fail (!asked || find_question (self, question_id, NULL));

  if (ot_worksheet_get_question_asked (self, question_id) == !!asked)
    return;
  if (asked)
    g_hash_table_add (self->asked, g_strdup (question_id));
  else
    g_hash_table_remove (self->asked, question_id);
  emit_changed (self, OT_WORKSHEET_PART_QUESTIONS);
}

GPtrArray *
ot_worksheet_get_own_questions (OtWorksheet *self)
{
  g_return_val_if_fail (OT_IS_WORKSHEET (self), NULL);

  return self->own_questions;
}

void
ot_worksheet_add_own_question (OtWorksheet *self,
                               const char  *text)
{
  g_return_if_fail (OT_IS_WORKSHEET (self));

  if (self->own_questions->len >= OT_WORKSHEET_MAX_OWN)
    return;
  g_ptr_array_add (self->own_questions, own_item_new (text, OT_RATING_UNRATED, FALSE));
  emit_changed (self, OT_WORKSHEET_PART_QUESTIONS);
}

void
ot_worksheet_set_own_question (OtWorksheet *self,
                               guint        index,
                               const char  *text,
                               gboolean     asked)
{
  OtOwnItem *item;
  char *copy;

  g_return_if_fail (OT_IS_WORKSHEET (self));
  g_return_if_fail (index < self->own_questions->len);

  if (text == NULL)
    text = "";
  item = self->own_questions->pdata[index];
  if (g_str_equal (item->text, text) && item->asked == !!asked)
    return;
  /* @text may be item->text itself: copy before freeing. */
  copy = ot_text_clamp (text, OT_WORKSHEET_MAX_OWN_TEXT);
  g_free (item->text);
  item->text = copy;
  item->asked = !!asked;
  emit_changed (self, OT_WORKSHEET_PART_QUESTIONS);
}

void
ot_worksheet_remove_own_question (OtWorksheet *self,
                                  guint        index)
{
  g_return_if_fail (OT_IS_WORKSHEET (self));
  g_return_if_fail (index < self->own_questions->len);

  g_ptr_array_remove_index (self->own_questions, index);
  emit_changed (self, OT_WORKSHEET_PART_QUESTIONS);
}

const GDate *
ot_worksheet_get_next_visit (OtWorksheet *self)
{
  g_return_val_if_fail (OT_IS_WORKSHEET (self), NULL);

  return &self->next_visit;
}

/* @date, or none when it is %NULL or invalid, into @field. */
static void
set_date (OtWorksheet *self,
          GDate       *field,
          const GDate *date)
{
  gboolean had = g_date_valid (field);

  if (date == NULL || !g_date_valid (date))
    {
      if (!had)
        return;
      g_date_clear (field, 1);
    }
  else
    {
      if (had && g_date_compare (date, field) == 0)
        return;
      *field = *date;
    }
  emit_changed (self, OT_WORKSHEET_PART_NEXT_STEPS);
}

void
ot_worksheet_set_next_visit (OtWorksheet *self,
                             const GDate *date)
{
  g_return_if_fail (OT_IS_WORKSHEET (self));

  set_date (self, &self->next_visit, date);
}

/* The day the worksheet was last saved to a file, or an invalid GDate:
 * a worksheet opened at the visit says when it was prepared. */
const GDate *
ot_worksheet_get_saved_on (OtWorksheet *self)
{
  g_return_val_if_fail (OT_IS_WORKSHEET (self), NULL);

  return &self->saved_on;
}

void
ot_worksheet_set_saved_on (OtWorksheet *self,
                           const GDate *date)
{
  g_return_if_fail (OT_IS_WORKSHEET (self));

  set_date (self, &self->saved_on, date);
}

/* @value_equal compares the values; NULL for a set, whose values are its
 * keys. */
static gboolean
tables_equal (GHashTable *a,
              GHashTable *b,
              GEqualFunc  value_equal)
{
  GHashTableIter iter;
  gpointer key, value, other;

  if (g_hash_table_size (a) != g_hash_table_size (b))
    return FALSE;
  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (!g_hash_table_lookup_extended (b, key, NULL, &other))
        return FALSE;
      if (value_equal != NULL && !value_equal (value, other))
        return FALSE;
    }
  return TRUE;
}

static gboolean
items_equal (GPtrArray *a,
             GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    {
      const OtOwnItem *x = a->pdata[i];
      const OtOwnItem *y = b->pdata[i];

      if (g_strcmp0 (x->text, y->text) != 0 || x->rating != y->rating || x->asked != y->asked)
        return FALSE;
    }
  return TRUE;
}

static gboolean
strvs_equal (const char * const *a,
             const char * const *b)
{
  return g_strv_equal (a, b);
}

static gboolean
dates_equal (const GDate *a,
             const GDate *b)
{
  if (!g_date_valid (a) || !g_date_valid (b))
    return g_date_valid (a) == g_date_valid (b);
  return g_date_compare (a, b) == 0;
}

/**
 * ot_worksheet_equal:
 *
 * Returns: whether @a and @b hold the same answers, every one of them.
 */
gboolean
ot_worksheet_equal (OtWorksheet *a,
                    OtWorksheet *b)
{
  g_return_val_if_fail (OT_IS_WORKSHEET (a), FALSE);
  g_return_val_if_fail (OT_IS_WORKSHEET (b), FALSE);

  return a->substage == b->substage && a->sites == b->sites && a->side == b->side
         && tables_equal (a->biomarkers, b->biomarkers, g_str_equal)
         && a->prior_lines == b->prior_lines && a->show_survival == b->show_survival
         && g_strcmp0 (a->patient_name, b->patient_name) == 0
         && g_strcmp0 (a->clinician_name, b->clinician_name) == 0
         && strvs_equal (ot_worksheet_get_compared_categories (a), ot_worksheet_get_compared_categories (b))
         && strvs_equal (ot_worksheet_get_compared_treatments (a), ot_worksheet_get_compared_treatments (b))
         && strvs_equal (ot_worksheet_get_avoid_effects (a), ot_worksheet_get_avoid_effects (b))
         && tables_equal (a->ratings, b->ratings, g_direct_equal)
         && items_equal (a->own_values, b->own_values)
         && g_strcmp0 (a->role, b->role) == 0
         && tables_equal (a->readiness, b->readiness, g_direct_equal)
         && strvs_equal (ot_worksheet_get_questions (a), ot_worksheet_get_questions (b))
         && tables_equal (a->asked, b->asked, NULL)
         && items_equal (a->own_questions, b->own_questions)
         && strvs_equal (ot_worksheet_get_leaning (a), ot_worksheet_get_leaning (b))
         && g_strcmp0 (a->notes, b->notes) == 0
         && g_strcmp0 (a->next_steps, b->next_steps) == 0
         && dates_equal (&a->next_visit, &b->next_visit)
         && dates_equal (&a->saved_on, &b->saved_on);
}

/**
 * ot_worksheet_is_empty:
 *
 * Returns: whether the person has answered nothing yet.
 */
gboolean
ot_worksheet_is_empty (OtWorksheet *self)
{
  g_autoptr(OtWorksheet) blank = ot_worksheet_new ();

  g_return_val_if_fail (OT_IS_WORKSHEET (self), TRUE);

  return ot_worksheet_equal (self, blank);
}

static void
copy_table (GHashTable *to,
            GHashTable *from,
            gboolean    string_values)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_remove_all (to);
  g_hash_table_iter_init (&iter, from);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (to, g_strdup (key), string_values ? g_strdup (value) : value);
}

static void
copy_items (GPtrArray *to,
            GPtrArray *from)
{
  g_ptr_array_set_size (to, 0);
  for (guint i = 0; i < from->len; i++)
    {
      const OtOwnItem *item = from->pdata[i];

      g_ptr_array_add (to, own_item_new (item->text, item->rating, item->asked));
    }
}

/**
 * ot_worksheet_copy_from:
 *
 * Replaces every answer in @self by those of @other, emitting
 * "changed::all" once.  Opening a file reads it into a new worksheet first and copies
 * only on success, so a failed open leaves @self untouched.
 */
void
ot_worksheet_copy_from (OtWorksheet *self,
                        OtWorksheet *other)
{
  g_return_if_fail (OT_IS_WORKSHEET (self));
  g_return_if_fail (OT_IS_WORKSHEET (other));

  self->substage = other->substage;
  self->sites = other->sites;
  self->side = other->side;
  copy_table (self->biomarkers, other->biomarkers, TRUE);
  self->prior_lines = other->prior_lines;
  self->show_survival = other->show_survival;
  replace_string (&self->patient_name, other->patient_name);
  replace_string (&self->clinician_name, other->clinician_name);
  replace_strv (&self->compared_categories, (const char * const *) other->compared_categories);
  replace_strv (&self->compared_treatments, (const char * const *) other->compared_treatments);
  replace_strv (&self->avoid_effects, (const char * const *) other->avoid_effects);
  copy_table (self->ratings, other->ratings, FALSE);
  copy_items (self->own_values, other->own_values);
  replace_string (&self->role, other->role);
  copy_table (self->readiness, other->readiness, FALSE);
  g_ptr_array_set_size (self->questions, 0);
  for (guint i = 0; i < other->questions->len; i++)
    g_ptr_array_add (self->questions, g_strdup (other->questions->pdata[i]));
  copy_table (self->asked, other->asked, FALSE);
  copy_items (self->own_questions, other->own_questions);
  replace_strv (&self->leaning, (const char * const *) other->leaning);
  replace_string (&self->notes, other->notes);
  replace_string (&self->next_steps, other->next_steps);
  self->next_visit = other->next_visit;
  self->saved_on = other->saved_on;

  emit_changed (self, OT_WORKSHEET_PART_ALL);
}

void
ot_worksheet_clear (OtWorksheet *self)
{
  g_autoptr(OtWorksheet) blank = ot_worksheet_new ();

  g_return_if_fail (OT_IS_WORKSHEET (self));

  ot_worksheet_copy_from (self, blank);
}
