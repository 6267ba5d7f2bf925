/* ot-style.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  OT_STYLE_LIGHT,
  OT_STYLE_DARK,
  OT_STYLE_HIGH_CONTRAST,
  OT_STYLE_PRINT,
  OT_N_STYLES
} OtStyleKind;

#define OT_N_SERIES 4

typedef struct
{
  double red, green, blue, alpha;
} OtColor;

/* The colours every renderer draws with.  The series colours come from the
 * Okabe–Ito palette, which people with the common colour-vision
 * deficiencies can tell apart; renderers add a second channel as well. */
typedef struct
{
  OtStyleKind kind;
  OtColor     background;
  OtColor     foreground;
  OtColor     secondary;
  OtColor     grid;
  OtColor     highlight;
  OtColor     focus;
  OtColor     series[OT_N_SERIES];
  double      line_width;
} OtStyle;

const OtStyle *ot_style_get          (OtStyleKind     kind);
const char    *ot_style_kind_to_string (OtStyleKind   kind);
OtColor        ot_style_mix          (const OtColor  *a,
                                      const OtColor  *b,
                                      double          t);
OtColor        ot_style_get_serious  (const OtStyle  *style,
                                      guint           series);
void           ot_style_set_source   (cairo_t        *cr,
                                      const OtColor  *color);

G_END_DECLS
