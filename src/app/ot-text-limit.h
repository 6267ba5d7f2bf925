/* ot-text-limit.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The fields of the worksheet whose text has a limit (ot-worksheet.h). */
typedef enum
{
  OT_TEXT_FIELD_NAME,
  OT_TEXT_FIELD_NOTES,
  OT_TEXT_FIELD_NEXT_STEPS,
  OT_TEXT_FIELD_OWN_VALUE,
  OT_TEXT_FIELD_OWN_QUESTION,
  OT_TEXT_FIELD_OWN_VALUES,     /* how many own values; not a text */
  OT_TEXT_FIELD_OWN_QUESTIONS,  /* how many own questions */
} OtTextField;

void ot_text_limit_editable  (GtkEditable *editable,
                              OtTextField  field);
void ot_text_limit_text_view (GtkTextView *view,
                              OtTextField  field);
void ot_text_limit_tell      (GtkWidget   *widget,
                              OtTextField  field);

G_END_DECLS
