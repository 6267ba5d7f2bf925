/* ot-content.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define OT_CONTENT_ERROR (ot_content_error_quark ())

/* Reading and schema errors are in OT_XML_ERROR; these are the checks that
 * a schema cannot express. */
typedef enum
{
  OT_CONTENT_ERROR_REFERENCE,  /* an id that is referenced does not exist */
  OT_CONTENT_ERROR_DUPLICATE,  /* an id that must be unique is not */
  OT_CONTENT_ERROR_INCOMPLETE, /* a row, a rule or a figure is missing */
  OT_CONTENT_ERROR_VALUE,      /* numbers or dates that contradict each other */
} OtContentError;

#define OT_CONTENT_MAX_SIZE (4 * 1024 * 1024)

typedef enum
{
  OT_FIT_LIKELY,
  OT_FIT_DEPENDS,
  OT_FIT_NOT_EXPECTED,
  OT_FIT_NOT_USUAL,
  OT_FIT_CHOICE,                /* up to the person's wishes, not a test */
} OtFit;

#define OT_N_FITS (OT_FIT_CHOICE + 1)

/* Where the primary tumour started; a bit set in fit rules. */
typedef enum
{
  OT_SIDE_UNKNOWN = 1 << 0,
  OT_SIDE_RIGHT   = 1 << 1,
  OT_SIDE_LEFT    = 1 << 2,
  OT_SIDE_RECTUM  = 1 << 3,
} OtSide;

/* Every structure below is owned by its OtContent and never changes. */

typedef struct
{
  const char         *text;
  const char * const *sources;  /* NULL-terminated source ids */
} OtText;

typedef struct
{
  const char *id;
  const char *publisher;
  const char *title;
  const char *url;
  const char *seen;
} OtSource;

/* A condition topic or a substage: a title and sourced paragraphs. */
typedef struct
{
  const char *id;
  const char *title;
  GPtrArray  *paras;            /* of OtText */
} OtTopic;

/* A row label, a value item, a role, a readiness item or a question. */
typedef struct
{
  const char *id;
  const char *text;
  const char *help;             /* nullable */
  const char *row;              /* a value: the row of an option that speaks to it; nullable */
} OtItem;

/* Question prompts grouped under a title. */
typedef struct
{
  const char *id;
  const char *title;
  GPtrArray  *items;            /* of OtItem */
} OtGroup;

typedef struct _OtCategory OtCategory;

typedef struct
{
  const char       *id;
  const char       *name;
  const char       *short_text;
  OtText            about;
  const OtCategory *category;
} OtTreatment;

struct _OtCategory
{
  const char *id;
  const char *name;
  OtText     *cells;            /* one per row, in row order */
  GPtrArray  *treatments;       /* of OtTreatment */
};

typedef struct
{
  const char *id;
  const char *name;
  OtText      about;
  OtText      managing;
} OtSideEffect;

/* Which grades @count of an #OtFrequency counts.  Some sources count only
 * moderate and worse cases (grade 2 or worse); such a figure is never shown
 * as if it were comparable with one that counts every grade. */
typedef enum
{
  OT_GRADES_ANY,
  OT_GRADES_2_OR_WORSE,
} OtGrades;

/* How many in 100 people treated with @treatment get @effect (@count, of
 * the grades @count_grades says, within @low–@high) and get it severely
 * (@serious, grade 3 or worse).  A negative number means the source gives
 * none; some sources give only the serious share.  Without any figure
 * @has_figure is %FALSE and @note says why; otherwise @note names the group
 * the figures apply to. */
typedef struct
{
  const OtTreatment  *treatment;
  const OtSideEffect *effect;
  gboolean            has_figure;
  double              count;
  OtGrades            count_grades;
  double              low;
  double              high;
  double              serious;
  const char         *note;
  const char * const *sources;
} OtFrequency;

typedef struct
{
  const char *id;
  const char *label;
  OtText      meaning;
} OtResult;

typedef struct
{
  const char *id;
  const char *name;
  OtText      measures;
  GPtrArray  *results;          /* of OtResult */
} OtBiomarker;

/* The biomarker results a rule asks for; "unknown" is a result id too. */
typedef struct
{
  const OtBiomarker  *biomarker;
  const char * const *results;
} OtBiomarkerCondition;

/* Whom a fit rule or an outcome is about: every condition must hold. */
typedef struct
{
  GPtrArray          *biomarkers;   /* of OtBiomarkerCondition */
  guint               sides;        /* OtSide bits; 0 = any side */
  int                 min_lines;    /* -1 = any */
  int                 max_lines;    /* -1 = no maximum */
} OtConditions;

typedef struct
{
  const OtTreatment  *treatment;
  OtFit               fit;
  const char         *depends_on;   /* what a "depends" fit depends on */
  const char         *reason;
  const char * const *sources;
  OtConditions        conditions;
} OtFitRule;

/* Results that contradict each other: every condition holding at once. */
typedef struct
{
  GPtrArray          *biomarkers;   /* of OtBiomarkerCondition */
  const char         *says;
  const char * const *sources;
} OtConflict;

/* What a benefit outcome measures. */
typedef enum
{
  OT_OUTCOME_RESPONSE,          /* the tumour shrank */
  OT_OUTCOME_HELD_IN_CHECK,     /* time, or share, without the cancer growing */
  OT_OUTCOME_SURVIVAL,          /* median survival, or alive at a time */
  OT_OUTCOME_LONG_TERM,         /* alive years later, or cured, after local treatment */
  OT_OUTCOME_SYMPTOM_RELIEF,    /* symptoms eased */
  OT_OUTCOME_N_KINDS
} OtOutcomeKind;

/* A benefit of @treatment for the people @conditions describe, as the
 * source reports it: @count people in 100 (against @comparator_count), or
 * a median of @months (against @comparator_months); a negative number
 * means the source gives none.  @says is the sentence a person reads;
 * without a figure (@has_figure %FALSE) it says why there is none. */
typedef struct
{
  const OtTreatment  *treatment;
  OtOutcomeKind       kind;
  OtConditions        conditions;
  gboolean            has_figure;
  double              count;
  double              comparator_count;
  double              months;
  double              comparator_months;
  const char         *group;
  const char         *comparator;   /* nullable without a figure */
  const char         *time_frame;   /* nullable without a figure */
  const char         *says;
  const char * const *sources;
} OtOutcome;

typedef struct
{
  const char *id;
  const char *word;
  OtText      definition;
} OtTerm;

/* A clinical review recorded in the pack. */
typedef struct
{
  const char         *role;       /* "Medical oncologist", never a name */
  GDate               date;
  const char         *version;    /* of the pack that was reviewed */
  const char * const *sections;   /* ids of ot_review_get_sections() */
} OtReview;

typedef struct
{
  const char *title;
  const char *version;
  const char *checksum;         /* SHA-256 of the pack file, in hex */
  GPtrArray  *reviews;          /* of OtReview, as the pack lists them */
  const char *language;
  GDate       reviewed;
  GDate       review_by;
  const char *authors;
  const char *funding;
  const char *disclaimer;
} OtMeta;

/* The validated questionnaires of the pack. */
typedef enum
{
  OT_INSTRUMENT_ROLES,       /* the Control Preferences Scale */
  OT_INSTRUMENT_READINESS,   /* the SURE test */
} OtInstrument;

typedef struct _OtContent OtContent;

#define OT_TYPE_CONTENT (ot_content_get_type ())

GType               ot_content_get_type          (void) G_GNUC_CONST;
GQuark              ot_content_error_quark       (void);

OtContent          *ot_content_new_from_bytes    (GBytes         *bytes,
                                                  const char     *name,
                                                  GError        **error);
OtContent          *ot_content_new_from_file     (GFile          *file,
                                                  GError        **error);
OtContent          *ot_content_new_default       (GError        **error);
OtContent          *ot_content_ref               (OtContent      *self);
void                ot_content_unref             (OtContent      *self);

guint               ot_content_count_untranslated (OtContent     *self,
                                                  guint         *n_texts);
gboolean            ot_content_use_one_language (OtContent    **pack,
                                                 GFile         *file);
const OtMeta       *ot_content_get_meta          (OtContent      *self);
gboolean            ot_content_is_overdue        (OtContent      *self,
                                                  const GDate    *today);
GPtrArray          *ot_content_get_topics        (OtContent      *self);
GPtrArray          *ot_content_get_substages     (OtContent      *self);
GPtrArray          *ot_content_get_rows          (OtContent      *self);
GPtrArray          *ot_content_get_categories    (OtContent      *self);
GPtrArray          *ot_content_get_side_effects  (OtContent      *self);
GPtrArray          *ot_content_get_frequencies   (OtContent      *self);
GPtrArray          *ot_content_get_biomarkers    (OtContent      *self);
GPtrArray          *ot_content_get_rules         (OtContent      *self);
GPtrArray          *ot_content_get_conflicts     (OtContent      *self);
GPtrArray          *ot_content_get_outcomes      (OtContent      *self);
GPtrArray          *ot_content_get_values        (OtContent      *self);
GPtrArray          *ot_content_get_roles         (OtContent      *self);
const OtText       *ot_content_get_roles_source  (OtContent      *self);
GPtrArray          *ot_content_get_readiness     (OtContent      *self);
const OtText       *ot_content_get_readiness_source (OtContent   *self);
const char         *ot_content_get_instrument_note (OtContent    *self,
                                                    OtInstrument  instrument);
GPtrArray          *ot_content_get_question_groups (OtContent    *self);
GPtrArray          *ot_content_get_glossary      (OtContent      *self);
GPtrArray          *ot_content_get_sources       (OtContent      *self);

const OtTopic      *ot_content_find_topic        (OtContent      *self,
                                                  const char     *id);
const OtCategory   *ot_content_find_category     (OtContent      *self,
                                                  const char     *id);
const OtTreatment  *ot_content_find_treatment    (OtContent      *self,
                                                  const char     *id);
const OtSideEffect *ot_content_find_side_effect  (OtContent      *self,
                                                  const char     *id);
const OtBiomarker  *ot_content_find_biomarker    (OtContent      *self,
                                                  const char     *id);
const OtSource     *ot_content_find_source       (OtContent      *self,
                                                  const char     *id);
const OtFrequency  *ot_content_find_frequency    (OtContent      *self,
                                                  const char     *treatment_id,
                                                  const char     *effect_id);
const OtItem       *ot_content_find_question     (OtContent      *self,
                                                  const char     *id);

char               *ot_content_format_sources    (OtContent          *self,
                                                  const char * const *ids);

const OtResult     *ot_biomarker_find_result     (const OtBiomarker *biomarker,
                                                  const char        *id);
const char         *ot_outcome_kind_to_string    (OtOutcomeKind   kind);
gboolean            ot_outcome_is_survival       (const OtOutcome *outcome);
char               *ot_outcome_format_about      (const OtOutcome *outcome);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OtContent, ot_content_unref)

G_END_DECLS
