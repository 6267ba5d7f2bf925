/* ot-pdf.h: the summary as a PDF file, and the paper it is laid out on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ot-summary.h"

G_BEGIN_DECLS

typedef enum
{
  OT_PAPER_A4,
  OT_PAPER_LETTER,
} OtPaper;

void         ot_paper_get_size          (OtPaper       paper,
                                         double       *width,
                                         double       *height);
OtPaper      ot_paper_from_locale       (void);
const char  *ot_paper_to_string         (OtPaper       paper);
gboolean     ot_paper_from_string       (const char   *name,
                                         OtPaper      *paper);

gboolean     ot_pdf_write               (OtSummary    *summary,
                                         GFile        *file,
                                         GError      **error);
gboolean     ot_pdf_export              (OtContent    *content,
                                         OtWorksheet  *worksheet,
                                         double        page_width,
                                         double        page_height,
                                         GDateTime    *date,
                                         OtSummaryFlags flags,
                                         GFile        *file,
                                         GError      **error);

G_END_DECLS
