/* ot-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ot-content.h"
#include "ot-worksheet.h"

G_BEGIN_DECLS

#define OT_TYPE_VIEW (ot_view_get_type ())

G_DECLARE_DERIVABLE_TYPE (OtView, ot_view, OT, VIEW, AdwBin)

/* A page of the main window.  The window gives every view the content
 * pack and the worksheet once; a view builds its rows from the content in
 * build, the first time it is shown, and from then on follows the
 * worksheet's "changed" signal. */
struct _OtViewClass
{
  AdwBinClass parent_class;

  void (*build) (OtView *self);
};

void         ot_view_set_model     (OtView      *self,
                                    OtContent   *content,
                                    OtWorksheet *worksheet);
OtContent   *ot_view_get_content   (OtView      *self);
double       ot_view_get_text_scale (OtView      *self);
OtWorksheet *ot_view_get_worksheet (OtView      *self);

G_END_DECLS
