/* ot-own-answer.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define OT_TYPE_OWN_ANSWER (ot_own_answer_get_type ())

G_DECLARE_FINAL_TYPE (OtOwnAnswer, ot_own_answer, OT, OWN_ANSWER, GObject)

OtOwnAnswer *ot_own_answer_new        (const char  *id);
const char  *ot_own_answer_get_id     (OtOwnAnswer *self);
const char  *ot_own_answer_get_text   (OtOwnAnswer *self);
void         ot_own_answer_set_text   (OtOwnAnswer *self,
                                       const char  *text);
int          ot_own_answer_get_rating (OtOwnAnswer *self);
void         ot_own_answer_set_rating (OtOwnAnswer *self,
                                       int          rating);
gboolean     ot_own_answer_get_asked  (OtOwnAnswer *self);
void         ot_own_answer_set_asked  (OtOwnAnswer *self,
                                       gboolean     asked);

G_END_DECLS
