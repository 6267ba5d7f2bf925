/* ot-worksheet-io.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ot-worksheet.h"

G_BEGIN_DECLS

#define OT_WORKSHEET_ERROR (ot_worksheet_error_quark ())

/* Reading errors (too large, not XML, DOCTYPE, schema) are in OT_XML_ERROR;
 * these are the worksheet's own. */
typedef enum
{
  OT_WORKSHEET_ERROR_NOT_WORKSHEET,  /* well-formed XML, but not a worksheet */
  OT_WORKSHEET_ERROR_NEWER_FORMAT,   /* from a newer version of Option Talk */
  OT_WORKSHEET_ERROR_VALUE,          /* a value the schema allows but the model cannot hold */
  OT_WORKSHEET_ERROR_SAVE,           /* writing failed; the old file is intact */
} OtWorksheetError;

/* The format this version writes and the newest it reads. */
#define OT_WORKSHEET_FORMAT   1
#define OT_WORKSHEET_MAX_SIZE (1024 * 1024)

/* What the autosave file keeps besides the answers: which document they
 * belong to and whether they differ from it. */
typedef struct
{
  char     *document;   /* a URI, or NULL for a worksheet never saved */
  gboolean  modified;
} OtAutosave;

GQuark       ot_worksheet_error_quark          (void);

GBytes      *ot_worksheet_io_to_bytes          (OtWorksheet       *worksheet,
                                                const OtAutosave  *autosave);
OtWorksheet *ot_worksheet_io_from_bytes        (GBytes            *bytes,
                                                const char        *name,
                                                OtAutosave        *autosave,
                                                GError           **error);
gboolean     ot_worksheet_io_save              (OtWorksheet       *worksheet,
                                                GFile             *file,
                                                GError           **error);
gboolean     ot_worksheet_io_save_full         (OtWorksheet       *worksheet,
                                                GFile             *file,
                                                const OtAutosave  *autosave,
                                                GError           **error);
OtWorksheet *ot_worksheet_io_open              (GFile             *file,
                                                GError           **error);
OtWorksheet *ot_worksheet_io_open_full         (GFile             *file,
                                                OtAutosave        *autosave,
                                                GError           **error);

/* ot-worksheet-autosave.c */
typedef struct _OtAutosaveSlot OtAutosaveSlot;

GFile       *ot_worksheet_io_get_autosave_file (void);
gboolean     ot_worksheet_io_autosave          (OtWorksheet       *worksheet,
                                                const OtAutosave  *autosave,
                                                GError           **error);
gboolean     ot_worksheet_io_autosave_to       (OtWorksheet       *worksheet,
                                                GFile             *file,
                                                const OtAutosave  *autosave,
                                                GError           **error);
OtWorksheet *ot_worksheet_io_restore           (OtAutosave        *autosave,
                                                GFile            **broken,
                                                GError           **error);
OtWorksheet *ot_worksheet_io_restore_from      (GFile             *file,
                                                OtAutosave        *autosave,
                                                GFile            **broken,
                                                GError           **error);
gboolean     ot_worksheet_io_delete_autosave   (GError           **error);
gboolean     ot_worksheet_io_delete_autosave_file (GFile          *file,
                                                   GError        **error);

OtAutosaveSlot *ot_autosave_slot_claim         (gboolean           kept);
gboolean        ot_autosave_slot_any_kept      (void);
GFile          *ot_autosave_slot_get_file      (OtAutosaveSlot    *slot);
void            ot_autosave_slot_release       (OtAutosaveSlot    *slot);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OtAutosaveSlot, ot_autosave_slot_release)

void         ot_autosave_clear                 (OtAutosave        *autosave);

G_END_DECLS
