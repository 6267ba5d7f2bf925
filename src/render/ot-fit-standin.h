/* ot-fit-standin.h: a private stand-in for the fit engine
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ot-content.h"
#include "ot-worksheet.h"

G_BEGIN_DECLS

/* The lead engineer's src/model/ot-fit.h provides this function with the
 * same signature.  Once it is on main, delete this file and its .c and
 * include "ot-fit.h" in ot-summary-sections.c instead. */
const OtFitRule *ot_fit_evaluate (OtContent         *content,
                                  OtWorksheet       *worksheet,
                                  const OtTreatment *treatment);

G_END_DECLS
