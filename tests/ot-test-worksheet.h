/* ot-test-worksheet.h: worksheets filled as a person would fill them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ot-worksheet.h"

G_BEGIN_DECLS

#define OT_TEST_PATIENT   "José Ñúñez"
#define OT_TEST_CLINICIAN "Dr Ελένη Παπαδοπούλου"
#define OT_TEST_OWN_VALUE "Dancing at my granddaughter’s wedding in June"
#define OT_TEST_OWN_QUESTION "Can I still fly to Θεσσαλονίκη in May?"
#define OT_TEST_NOTES     "Η οικογένεια θέλει να έρθει μαζί. Ask about the port ✓ ☺"
#define OT_TEST_NEXT_STEPS "Book the scan; call the nurse line about numb fingers."

void         ot_test_worksheet_fill        (OtWorksheet *worksheet);
void         ot_test_worksheet_add_long    (OtWorksheet *worksheet,
                                            guint        n_questions,
                                            guint        notes_length);
void         ot_test_worksheet_fill_limits (OtWorksheet *worksheet);
OtWorksheet *ot_test_worksheet_read_situation (const char  *name);
void         ot_test_assert_save_fails     (OtWorksheet *ws,
                                            const char  *path,
                                            const char  *words);

G_END_DECLS
