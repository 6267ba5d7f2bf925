/* ot-safe-file.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _OtSafeFile OtSafeFile;

OtSafeFile *ot_safe_file_new      (const char    *path,
                                   GError       **error);
gboolean    ot_safe_file_write    (OtSafeFile    *self,
                                   const void    *data,
                                   gsize          size,
                                   GError       **error);
gboolean    ot_safe_file_commit   (OtSafeFile    *self,
                                   GError       **error);
void        ot_safe_file_abandon  (OtSafeFile    *self);
void        ot_safe_file_remove_stale (const char *path);

G_END_DECLS
