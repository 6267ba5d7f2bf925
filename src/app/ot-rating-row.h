/* ot-rating-row.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ot-own-answer.h"

G_BEGIN_DECLS

#define OT_TYPE_RATING_ROW (ot_rating_row_get_type ())

G_DECLARE_FINAL_TYPE (OtRatingRow, ot_rating_row, OT, RATING_ROW, AdwPreferencesRow)

GtkWidget   *ot_rating_row_new        (const char  *title,
                                       const char  *help);
GtkWidget   *ot_rating_row_new_own    (OtOwnAnswer *item);
int          ot_rating_row_get_rating (OtRatingRow *self);
void         ot_rating_row_set_rating (OtRatingRow *self,
                                       int          rating);

G_END_DECLS
