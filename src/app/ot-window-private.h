/* ot-window-private.h: what the window's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ot-view.h"
#include "ot-window.h"
#include "ot-worksheet-io.h"

G_BEGIN_DECLS

struct _OtWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  OtContent            *content;
  OtWorksheet          *worksheet;

  GtkRevealer          *banner;
  GtkLabel             *banner_label;
  GtkRevealer          *prepared;
  GtkLabel             *prepared_label;
  AdwViewStack         *stack;
  AdwViewSwitcherBar   *switcher_bar;
  AdwSqueezer          *title_squeezer;
  AdwWindowTitle       *window_title;
  GtkLabel             *file_label;
  GtkMenuButton        *primary_menu_button;
  GMenuModel           *primary_menu;
  AdwToastOverlay      *toast_overlay;
  /* Each page holds its view once it has been shown or made aside. */
  AdwBin               *effects_page;
  AdwBin               *options_page;
  AdwBin               *situation_page;
  AdwBin               *summary_page;
  AdwBin               *values_page;
  guint                 prebuild_id;    /* makes the views not shown yet */
  gulong                first_paint_id; /* waits for the first frame */
  gboolean              drawn;          /* the first frame has been */

  /* ot-window-file.c and ot-window-autosave.c */
  GFile                *file;           /* where the worksheet was saved, or NULL */
  char                 *etag;           /* the file's when opened or saved here */
  gboolean              modified;       /* answers differ from the file */
  guint64               generation;     /* counts the person's changes */
  gboolean              replacing;      /* the worksheet is being replaced wholesale */
  gboolean              close_confirmed;
  gboolean              close_waiting;  /* closing once no file is being read or written */
  GFile                *open_waiting;   /* to open then */
  gboolean              discarded;      /* closing without keeping the answers */
  guint                 busy;           /* files being read or written */
  OtAutosaveSlot       *slot;           /* this window's autosave, once claimed */
  gboolean              keeping;        /* an autosave is being written */
  struct _Keep         *next_keep;      /* the one to write after it */
  gboolean              autosave_failed;
  gint64                unkept_since;   /* ms: the first change not yet kept */
  guint                 autosave_id;
  guint                 title_idle_id;
  gulong                changed_id;
};

/* Set by dispose: a thread may finish after the window has gone. */
static inline gboolean
ot_window_is_gone (OtWindow *self)
{
  return self->worksheet == NULL;
}

gboolean     ot_window_is_narrow          (OtWindow       *self);
void         ot_window_toast              (OtWindow       *self,
                                           const char     *title);

/* ot-window-file.c */
void         ot_window_file_class_init    (GtkWidgetClass *widget_class);
void         ot_window_file_init          (OtWindow       *self);
void         ot_window_file_constructed   (OtWindow       *self);
void         ot_window_file_dispose       (OtWindow       *self);
gboolean     ot_window_file_close_request (OtWindow       *self);
OtWorksheet *ot_window_copy_answers       (OtWindow       *self);

/* ot-window.c */
void         ot_window_show_prepared      (OtWindow       *self,
                                           const GDate    *date);

/* ot-window-autosave.c */
void         ot_window_autosave_init      (OtWindow       *self);
void         ot_window_autosave_finalize  (OtWindow       *self);
void         ot_window_keep_answers       (OtWindow       *self);
void         ot_window_schedule_autosave  (OtWindow       *self);
OtWorksheet *ot_window_restore_autosave   (OtWindow       *self,
                                           OtAutosave     *info);

G_END_DECLS
