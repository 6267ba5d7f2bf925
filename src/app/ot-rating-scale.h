/* ot-rating-scale.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define OT_TYPE_RATING_SCALE (ot_rating_scale_get_type ())

G_DECLARE_FINAL_TYPE (OtRatingScale, ot_rating_scale, OT, RATING_SCALE, AdwBin)

int          ot_rating_scale_get_rating   (OtRatingScale *self);
void         ot_rating_scale_set_rating   (OtRatingScale *self,
                                           int            rating);
void         ot_rating_scale_set_about    (OtRatingScale *self,
                                           const char    *about);
void         ot_toggles_make_one_tab_stop (GtkWidget     *box);

G_END_DECLS
