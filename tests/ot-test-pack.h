/* ot-test-pack.h: content packs made for a test
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char        *ot_test_pack_path             (const char *name);
char        *ot_test_shipped_pack_path     (void);
char        *ot_test_pack_one_untranslated (const char *dir);

G_END_DECLS
