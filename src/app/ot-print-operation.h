/* ot-print-operation.h: printing the summary
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ot-content.h"
#include "ot-summary.h"
#include "ot-worksheet.h"

G_BEGIN_DECLS

#define OT_TYPE_PRINT_OPERATION (ot_print_operation_get_type ())

G_DECLARE_FINAL_TYPE (OtPrintOperation, ot_print_operation, OT, PRINT_OPERATION, GtkPrintOperation)

OtPrintOperation *ot_print_operation_new (OtContent      *content,
                                          OtWorksheet    *worksheet,
                                          OtSummaryFlags  flags);

G_END_DECLS
