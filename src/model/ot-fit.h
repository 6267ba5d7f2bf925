/* ot-fit.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ot-content.h"
#include "ot-worksheet.h"

G_BEGIN_DECLS

const OtFitRule *ot_fit_evaluate       (OtContent         *content,
                                        OtWorksheet       *worksheet,
                                        const OtTreatment *treatment);
gboolean         ot_fit_rule_matches   (const OtFitRule   *rule,
                                        OtWorksheet       *worksheet);
GPtrArray       *ot_fit_outcomes       (OtContent         *content,
                                        OtWorksheet       *worksheet,
                                        const OtTreatment *treatment);
guint            ot_fit_count_hidden_survival (OtContent         *content,
                                               OtWorksheet       *worksheet,
                                               const OtTreatment *treatment);

G_END_DECLS
