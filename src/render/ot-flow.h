/* ot-flow.h: text blocks laid out with Pango and broken into pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pangocairo.h>

#include "ot-style.h"

G_BEGIN_DECLS

/* All lengths are in points (1/72 inch); the flow's Pango context works at
 * 72 dpi without hinting, so the same layout serves paper and screen. */

typedef enum
{
  OT_TEXT_TITLE,
  OT_TEXT_HEADING,      /* a section: starts a new part of the summary */
  OT_TEXT_SUBHEADING,
  OT_TEXT_BODY,
  OT_TEXT_STRONG,       /* body size, bold: row labels */
  OT_TEXT_SMALL,        /* secondary notes, captions */
  OT_TEXT_TABLE,
  OT_TEXT_TABLE_HEAD,
  OT_TEXT_LINK,
  OT_TEXT_FOOTER,
  OT_N_TEXT_STYLES
} OtTextStyle;

typedef struct
{
  double x;
  double y;
  double width;
  double height;
} OtRect;

/* One column of a row: markup drawn @x points from the left of the text
 * area, wrapped at @width; a @link makes the text a link in a PDF. */
typedef struct
{
  const char  *markup;
  OtTextStyle  style;
  double       x;
  double       width;
  const char  *link;
} OtCellSpec;

typedef enum
{
  OT_BLOCK_SHADED     = 1 << 0, /* a light band behind: table headers */
  OT_BLOCK_RULE_BELOW = 1 << 1, /* a hairline under: table rows */
  OT_BLOCK_RULE_ABOVE = 1 << 2,
} OtBlockDecoration;

/* What a block is in the structure of a tagged PDF.  By default a block
 * is a heading (by its style), a paragraph (one cell), a table row
 * (several cells) or a figure (a drawing). */
typedef enum
{
  OT_BLOCK_ROLE_AUTO,
  OT_BLOCK_ROLE_LIST_ITEM,      /* a marker in its first cell, then the text */
} OtBlockRole;

typedef struct _OtFlow  OtFlow;
typedef struct _OtBlock OtBlock;

/* Draws a picture block at the origin of @cr, @width points across. */
typedef void (*OtFlowDrawFunc) (cairo_t  *cr,
                                double    width,
                                gpointer  data);

OtFlow        *ot_flow_new                (const OtStyle     *style,
                                           double             width);
void           ot_flow_use_own_fonts      (OtFlow            *flow);
void           ot_flow_free               (OtFlow            *flow);
PangoLayout   *ot_flow_create_layout      (OtFlow            *flow,
                                           OtTextStyle        style,
                                           double             width,
                                           const char        *markup);

OtBlock       *ot_flow_add_text           (OtFlow            *flow,
                                           OtTextStyle        style,
                                           double             indent,
                                           const char        *markup);
OtBlock       *ot_flow_add_row            (OtFlow            *flow,
                                           const OtCellSpec  *cells,
                                           guint              n_cells);
OtBlock       *ot_flow_add_drawing        (OtFlow            *flow,
                                           double             height,
                                           OtFlowDrawFunc     draw,
                                           gpointer           data,
                                           GDestroyNotify     destroy);
PangoContext  *ot_flow_get_context        (OtFlow            *flow);
void           ot_flow_set_text_scale     (OtFlow            *flow,
                                           double             scale);
double         ot_flow_get_text_scale     (OtFlow            *flow);
void           ot_flow_break_page         (OtFlow            *flow);
void           ot_block_set_spacing       (OtBlock           *block,
                                           double             before,
                                           double             after);
void           ot_block_set_padding       (OtBlock           *block,
                                           double             padding);
void           ot_block_set_keep_with_next (OtBlock          *block,
                                           gboolean           keep);
void           ot_block_set_decoration    (OtBlock           *block,
                                           OtBlockDecoration  decoration);
void           ot_block_set_role          (OtBlock           *block,
                                           OtBlockRole        role);
void           ot_block_set_header        (OtBlock           *block,
                                           OtBlock           *header);
void           ot_block_set_outline       (OtBlock           *block,
                                           const char        *title);

void           ot_flow_paginate           (OtFlow            *flow,
                                           const OtRect      *body);
guint          ot_flow_get_n_pages        (OtFlow            *flow);
void           ot_flow_draw_page          (OtFlow            *flow,
                                           cairo_t           *cr,
                                           guint              page);
void           ot_flow_collect_boxes      (OtFlow            *flow,
                                           guint              page,
                                           GArray            *boxes);
void           ot_flow_collect_outline    (OtFlow            *flow,
                                           guint              page,
                                           GPtrArray         *titles,
                                           GArray            *tops);

void           ot_layout_draw             (cairo_t           *cr,
                                           PangoLayout       *layout,
                                           double             x,
                                           double             y);
void           ot_layout_get_box          (PangoLayout       *layout,
                                           double             x,
                                           double             y,
                                           OtRect            *box);

G_END_DECLS
