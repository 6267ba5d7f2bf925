/* ot-fit.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ot-content.h"
#include "ot-worksheet.h"

G_BEGIN_DECLS

/* Something in the answers the person should check with the care team. */
typedef enum
{
  OT_CHECK_UNREADABLE,   /* a result id the pack does not define */
  OT_CHECK_GIVEN_TWICE,  /* a file gave one biomarker two results */
  OT_CHECK_CONFLICT,     /* results that rarely or never occur together */
  OT_CHECK_SUBSTAGE,     /* the substage contradicts the places of spread */
} OtCheckKind;

typedef struct
{
  OtCheckKind         kind;
  char               *text;
  const char * const *sources;  /* nullable; owned by the content */
} OtCheck;

const OtFitRule *ot_fit_evaluate       (OtContent          *content,
                                        OtWorksheet        *worksheet,
                                        const OtTreatment  *treatment);
gboolean         ot_fit_rule_matches   (const OtFitRule    *rule,
                                        OtWorksheet        *worksheet);
const char      *ot_fit_to_string      (OtFit               fit);
char            *ot_fit_dup_label      (const OtFitRule    *rule);
const OtResult  *ot_fit_find_result    (OtWorksheet        *worksheet,
                                        const OtBiomarker  *biomarker);
GPtrArray       *ot_fit_dup_checks     (OtContent          *content,
                                        OtWorksheet        *worksheet);
const char      *ot_fit_checks_heading (void);
GPtrArray       *ot_fit_outcomes       (OtContent          *content,
                                        OtWorksheet        *worksheet,
                                        const OtTreatment  *treatment);
guint            ot_fit_count_hidden_survival (OtContent          *content,
                                               OtWorksheet        *worksheet,
                                               const OtTreatment  *treatment);

G_END_DECLS
