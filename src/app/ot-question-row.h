/* ot-question-row.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ot-own-answer.h"

G_BEGIN_DECLS

#define OT_TYPE_OWN_QUESTION_ROW (ot_own_question_row_get_type ())

G_DECLARE_FINAL_TYPE (OtOwnQuestionRow, ot_own_question_row, OT, OWN_QUESTION_ROW, AdwEntryRow)

GtkWidget *ot_own_question_row_new (OtOwnAnswer *item);

#define OT_TYPE_CHOSEN_QUESTION_ROW (ot_chosen_question_row_get_type ())

G_DECLARE_FINAL_TYPE (OtChosenQuestionRow, ot_chosen_question_row, OT, CHOSEN_QUESTION_ROW, AdwActionRow)

GtkWidget *ot_chosen_question_row_new (OtOwnAnswer *item);

G_END_DECLS
