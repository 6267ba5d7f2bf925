/* ot-test-files.h: folders, files and the PDF tools the tests use
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char        *ot_test_make_temp_dir     (void);
void         ot_test_remove_tree       (const char         *path);
char        *ot_test_run_tool          (const char * const *argv);
char        *ot_test_pdf_text          (const char         *path);
char        *ot_test_pdf_info          (const char         *path);
guint        ot_test_info_pages        (const char         *info);
guint        ot_test_pdf_pages         (const char         *path);
double       ot_test_pdf_word_height   (const char         *path,
                                        const char         *word);

G_END_DECLS
