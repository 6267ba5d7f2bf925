/* ot-checks-notice.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ot-content.h"
#include "ot-worksheet.h"

G_BEGIN_DECLS

#define OT_TYPE_CHECKS_NOTICE (ot_checks_notice_get_type ())

G_DECLARE_FINAL_TYPE (OtChecksNotice, ot_checks_notice, OT, CHECKS_NOTICE, AdwBin)

void ot_checks_notice_update (OtChecksNotice *self,
                              OtContent      *content,
                              OtWorksheet    *worksheet);

G_END_DECLS
