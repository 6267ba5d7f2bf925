/* ot-worksheet.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ot-content.h"

G_BEGIN_DECLS

#define OT_TYPE_WORKSHEET (ot_worksheet_get_type ())

G_DECLARE_FINAL_TYPE (OtWorksheet, ot_worksheet, OT, WORKSHEET, GObject)

typedef enum
{
  OT_SUBSTAGE_UNSET,
  OT_SUBSTAGE_IVA,
  OT_SUBSTAGE_IVB,
  OT_SUBSTAGE_IVC,
  OT_SUBSTAGE_NOT_SURE,
} OtSubstage;

/* Where the cancer has spread: bits. */
typedef enum
{
  OT_SITE_LIVER      = 1 << 0,
  OT_SITE_LUNG       = 1 << 1,
  OT_SITE_PERITONEUM = 1 << 2,
  OT_SITE_NODES      = 1 << 3,  /* distant lymph nodes */
  OT_SITE_BONE       = 1 << 4,
  OT_SITE_OTHER      = 1 << 5,
} OtSites;

#define OT_N_SITES 6

/* A biomarker's answer is a result id from the content pack, or one of these. */
#define OT_RESULT_NOT_TESTED "not-tested"
#define OT_RESULT_NOT_SURE   "not-sure"
/* A worksheet file that gave one biomarker two different results. */
#define OT_RESULT_GIVEN_TWICE "given-twice"

/* Lines of treatment for stage IV so far: the last step means "or more". */
#define OT_PRIOR_LINES_MAX 3

/* Importance of a value, on a five-point scale; UNRATED until chosen. */
#define OT_RATING_UNRATED            (-1)
#define OT_RATING_NOT_IMPORTANT      0
#define OT_RATING_A_LITTLE_IMPORTANT 1
#define OT_RATING_SOMEWHAT_IMPORTANT 2
#define OT_RATING_QUITE_IMPORTANT    3
#define OT_RATING_VERY_IMPORTANT     4
#define OT_RATING_MAX                OT_RATING_VERY_IMPORTANT

typedef enum
{
  OT_ANSWER_UNSET,
  OT_ANSWER_YES,
  OT_ANSWER_NO,
} OtAnswer;

/* What the SURE test's four answers say, in the words the view shows. */
typedef enum
{
  OT_READINESS_INCOMPLETE,  /* not every item answered, and no "no" */
  OT_READINESS_READY,       /* "yes" to every item */
  OT_READINESS_UNSURE,      /* at least one "no" */
} OtReadiness;

/* A rated value, as ranked by ot_worksheet_rank_values(). */
typedef struct
{
  const char *text;
  int         rating;
  gboolean    own;      /* the person's own, not the pack's */
  guint       order;    /* the pack's values first, then the person's */
  gboolean    top;      /* has the highest rating given, above "not important" */
  const OtItem *item;   /* the pack's value; NULL for the person's own */
} OtRankedValue;

/* Limits no person reaches, so that no file can make the program slow:
 * the reader refuses a file past them and the setters keep text within
 * them, so every file this program writes opens again. */
#define OT_WORKSHEET_MAX_NAME     200     /* characters of a name */
#define OT_WORKSHEET_MAX_NOTES    20000   /* characters of the notes, of the next steps */
#define OT_WORKSHEET_MAX_OWN_TEXT 500     /* characters of an own value or question */
/* Own values; own questions: more than a visit can go through, and few
 * enough that What Matters to Me shows them all at once (every row is
 * made, styled and mapped: 400 rows held each showing of it 80-130 ms). */
#define OT_WORKSHEET_MAX_OWN      50
#define OT_WORKSHEET_MAX_IDS      500     /* ids in one list */
/* Combining marks on one character: Unicode's stream-safe limit (UAX #15). */
#define OT_WORKSHEET_MAX_MARKS    30

/* The person's own value, or the person's own question. */
typedef struct
{
  char     *text;
  int       rating;    /* values only */
  gboolean  asked;     /* questions only */
} OtOwnItem;

/* The parts of the worksheet, as details of its "changed" signal: a view
 * connects to "changed::notes" to hear of the notes and nothing else. */
#define OT_WORKSHEET_PART_SITUATION  "situation"   /* stage, spread, side, biomarkers, treatment so far, survival */
#define OT_WORKSHEET_PART_NAMES      "names"       /* the person's and the clinician's */
#define OT_WORKSHEET_PART_COMPARE    "compare"     /* compared categories and treatments */
#define OT_WORKSHEET_PART_EFFECTS    "effects"     /* side effects to avoid */
#define OT_WORKSHEET_PART_VALUES     "values"      /* ratings, the person's own values */
#define OT_WORKSHEET_PART_ROLE       "role"
#define OT_WORKSHEET_PART_READINESS  "readiness"
#define OT_WORKSHEET_PART_QUESTIONS  "questions"   /* chosen, asked, the person's own */
#define OT_WORKSHEET_PART_LEANING    "leaning"
#define OT_WORKSHEET_PART_NOTES      "notes"
#define OT_WORKSHEET_PART_NEXT_STEPS "next-steps"  /* next steps, the next visit */
#define OT_WORKSHEET_PART_ALL        "all"         /* every answer replaced at once */

OtWorksheet *ot_worksheet_new                  (void);
guint        ot_text_count_marks               (const char  *text);
char        *ot_text_drop_marks                (const char  *text,
                                                gssize       length,
                                                guint        marks_before);
char        *ot_text_clamp                     (const char  *text,
                                                guint        max_chars);
const char  *ot_rating_to_string               (int          rating);
const char  *ot_substage_to_string             (OtSubstage   substage);
const OtTopic *ot_substage_find_topic          (OtSubstage   substage,
                                                OtContent   *content);
const char  *ot_site_to_string                 (OtSites      site);
const char  *ot_side_to_string                 (OtSide       side);
const char  *ot_unknown_result_to_string       (const char  *result_id);
const char  *ot_prior_lines_to_string          (guint        lines);

/* Situation */
OtSubstage   ot_worksheet_get_substage         (OtWorksheet *self);
void         ot_worksheet_set_substage         (OtWorksheet *self,
                                                OtSubstage   substage);
guint        ot_worksheet_get_sites            (OtWorksheet *self);
void         ot_worksheet_set_sites            (OtWorksheet *self,
                                                guint        sites);
OtSubstage   ot_worksheet_suggest_substage     (OtWorksheet *self);
OtSide       ot_worksheet_get_side             (OtWorksheet *self);
void         ot_worksheet_set_side             (OtWorksheet *self,
                                                OtSide       side);
const char  *ot_worksheet_get_biomarker        (OtWorksheet *self,
                                                const char  *biomarker_id);
void         ot_worksheet_set_biomarker        (OtWorksheet *self,
                                                const char  *biomarker_id,
                                                const char  *result_id);
GStrv        ot_worksheet_dup_biomarker_ids    (OtWorksheet *self);
guint        ot_worksheet_get_prior_lines      (OtWorksheet *self);
void         ot_worksheet_set_prior_lines      (OtWorksheet *self,
                                                guint        lines);
gboolean     ot_worksheet_get_show_survival    (OtWorksheet *self);
void         ot_worksheet_set_show_survival    (OtWorksheet *self,
                                                gboolean     show);
const char  *ot_worksheet_get_patient_name     (OtWorksheet *self);
void         ot_worksheet_set_patient_name     (OtWorksheet *self,
                                                const char  *name);
const char  *ot_worksheet_get_clinician_name   (OtWorksheet *self);
void         ot_worksheet_set_clinician_name   (OtWorksheet *self,
                                                const char  *name);

/* What is compared: category ids for the options grid (empty: all) and
 * treatment ids for the side-effect chart. */
const char * const *ot_worksheet_get_compared_categories (OtWorksheet        *self);
void         ot_worksheet_set_compared_categories (OtWorksheet        *self,
                                                   const char * const *ids);
const char * const *ot_worksheet_get_compared_treatments (OtWorksheet        *self);
void         ot_worksheet_set_compared_treatments (OtWorksheet        *self,
                                                   const char * const *ids);
void         ot_worksheet_suggest_compared_treatments (OtWorksheet        *self,
                                                       const char * const *ids);
gboolean     ot_worksheet_is_suggesting           (OtWorksheet        *self);
/* Side effects the person most wants to avoid, shown first in the chart. */
const char * const *ot_worksheet_get_avoid_effects  (OtWorksheet        *self);
void         ot_worksheet_set_avoid_effects     (OtWorksheet        *self,
                                                 const char * const *ids);

/* What matters to me */
int          ot_worksheet_get_rating           (OtWorksheet *self,
                                                const char  *value_id);
void         ot_worksheet_set_rating           (OtWorksheet *self,
                                                const char  *value_id,
                                                int          rating);
GStrv        ot_worksheet_dup_rated_values     (OtWorksheet *self);
GArray      *ot_worksheet_rank_values          (OtWorksheet *self,
                                                OtContent   *content);
GPtrArray   *ot_worksheet_dup_top_values       (OtWorksheet *self,
                                                OtContent   *content);
GPtrArray   *ot_worksheet_get_own_values       (OtWorksheet *self);
void         ot_worksheet_add_own_value        (OtWorksheet *self,
                                                const char  *text,
                                                int          rating);
void         ot_worksheet_set_own_value        (OtWorksheet *self,
                                                guint        index,
                                                const char  *text,
                                                int          rating);
void         ot_worksheet_remove_own_value     (OtWorksheet *self,
                                                guint        index);
const char  *ot_worksheet_get_role             (OtWorksheet *self);
void         ot_worksheet_set_role             (OtWorksheet *self,
                                                const char  *role_id);
OtAnswer     ot_worksheet_get_readiness        (OtWorksheet *self,
                                                const char  *item_id);
void         ot_worksheet_set_readiness        (OtWorksheet *self,
                                                const char  *item_id,
                                                OtAnswer     answer);
GStrv        ot_worksheet_dup_readiness_ids    (OtWorksheet *self);
OtReadiness  ot_worksheet_get_readiness_result (OtWorksheet *self,
                                                OtContent   *content);
/* Questions from the pack, chosen by id, in the order chosen. */
const char * const *ot_worksheet_get_questions  (OtWorksheet *self);
gboolean     ot_worksheet_has_question         (OtWorksheet *self,
                                                const char  *question_id);
void         ot_worksheet_set_question         (OtWorksheet *self,
                                                const char  *question_id,
                                                gboolean     chosen);
gboolean     ot_worksheet_get_question_asked   (OtWorksheet *self,
                                                const char  *question_id);
void         ot_worksheet_set_question_asked   (OtWorksheet *self,
                                                const char  *question_id,
                                                gboolean     asked);
GPtrArray   *ot_worksheet_get_own_questions    (OtWorksheet *self);
void         ot_worksheet_add_own_question     (OtWorksheet *self,
                                                const char  *text);
void         ot_worksheet_set_own_question     (OtWorksheet *self,
                                                guint        index,
                                                const char  *text,
                                                gboolean     asked);
void         ot_worksheet_remove_own_question  (OtWorksheet *self,
                                                guint        index);
/* Leaning: category or treatment ids; empty means "not sure yet". */
const char * const *ot_worksheet_get_leaning    (OtWorksheet        *self);
void         ot_worksheet_set_leaning          (OtWorksheet        *self,
                                                const char * const *ids);
const char  *ot_worksheet_get_notes            (OtWorksheet *self);
void         ot_worksheet_set_notes            (OtWorksheet *self,
                                                const char  *notes);
const char  *ot_worksheet_get_next_steps       (OtWorksheet *self);
void         ot_worksheet_set_next_steps       (OtWorksheet *self,
                                                const char  *next_steps);
/* The next visit, or an invalid GDate when not set. */
const GDate *ot_worksheet_get_next_visit       (OtWorksheet *self);
void         ot_worksheet_set_next_visit       (OtWorksheet *self,
                                                const GDate *date);
/* The day the worksheet was last saved to a file, or an invalid GDate. */
const GDate *ot_worksheet_get_saved_on         (OtWorksheet *self);
void         ot_worksheet_set_saved_on         (OtWorksheet *self,
                                                const GDate *date);

gboolean     ot_worksheet_equal                (OtWorksheet *a,
                                                OtWorksheet *b);
gboolean     ot_worksheet_is_empty             (OtWorksheet *self);
void         ot_worksheet_clear                (OtWorksheet *self);
void         ot_worksheet_copy_from            (OtWorksheet *self,
                                                OtWorksheet *other);

G_END_DECLS
