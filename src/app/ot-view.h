/* ot-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ot-content.h"
#include "ot-worksheet.h"

G_BEGIN_DECLS

/* Between options that come one after another (ot_view_stacks_options()). */
#define OT_VIEW_OPTION_SPACING 24

#define OT_TYPE_VIEW (ot_view_get_type ())

G_DECLARE_DERIVABLE_TYPE (OtView, ot_view, OT, VIEW, AdwBin)

/* A page of the main window.  The window gives every view the content
 * pack and the worksheet once; a view builds its rows from the content in
 * build, the first time it is shown, and from then on follows the parts
 * of the worksheet it shows (ot_view_follow()). */
struct _OtViewClass
{
  AdwBinClass parent_class;

  void (*build) (OtView *self);
};

typedef void (*OtViewRefresh) (OtView *self);

typedef enum
{
  OT_VIEW_WHEN_SHOWN,
  OT_VIEW_AT_ONCE,
} OtViewWhen;

void         ot_view_set_model     (OtView      *self,
                                    OtContent   *content,
                                    OtWorksheet *worksheet);
void         ot_view_follow        (OtView        *self,
                                    const char    *part,
                                    OtViewRefresh  refresh,
                                    OtViewWhen     when);
gboolean     ot_view_catch_up      (OtView      *self);
OtContent   *ot_view_get_content   (OtView      *self);
double       ot_view_get_text_scale (OtView      *self);
gboolean     ot_view_stacks_options (GtkWidget   *widget,
                                     int          width);
OtWorksheet *ot_view_get_worksheet (OtView      *self);

G_END_DECLS
