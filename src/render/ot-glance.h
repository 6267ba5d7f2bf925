/* ot-glance.h: what "My options at a glance" says, for paper and screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ot-content.h"
#include "ot-worksheet.h"

G_BEGIN_DECLS

#define OT_GLANCE_MAX_OPTIONS 4

/* The rows of the grid, in the order they are read. */
typedef enum
{
  OT_GLANCE_ROW_NAME,
  OT_GLANCE_ROW_FIT,
  OT_GLANCE_ROW_INVOLVES,
  OT_GLANCE_ROW_BENEFIT,
  OT_GLANCE_ROW_HARMS,
  OT_GLANCE_ROW_DAILY_LIFE,
  OT_GLANCE_ROW_VALUES,
  OT_GLANCE_N_ROWS
} OtGlanceRow;

/* Returns the markup that cites @sources where the text cites them: " [3]"
 * on paper, where the list of sources follows; "" on screen, which keeps
 * them for a caption of its own. */
typedef char *(*OtGlanceCiteFunc) (const char * const *sources,
                                   gpointer            user_data);

typedef struct _OtGlance OtGlance;

OtGlance          *ot_glance_new              (OtContent         *content,
                                               OtWorksheet       *worksheet,
                                               OtGlanceCiteFunc   cite,
                                               gpointer           user_data);
void               ot_glance_free             (OtGlance          *self);
guint              ot_glance_get_n_options    (OtGlance          *self);
const OtTreatment *ot_glance_get_option       (OtGlance          *self,
                                               guint              option);
gboolean           ot_glance_has_row          (OtGlance          *self,
                                               OtGlanceRow        row);
const char        *ot_glance_row_title        (OtGlanceRow        row);
char              *ot_glance_dup_cell         (OtGlance          *self,
                                               guint              option,
                                               OtGlanceRow        row,
                                               double            *people);
char              *ot_glance_dup_unlinked     (GArray            *ranked);
const char        *ot_glance_get_none_text    (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OtGlance, ot_glance_free)

G_END_DECLS
