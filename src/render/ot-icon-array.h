/* ot-icon-array.h: 100 people, some of them filled
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "ot-style.h"

G_BEGIN_DECLS

#define OT_ICON_ARRAY_COLUMNS 10
#define OT_ICON_ARRAY_ROWS    10

/* What an icon stands for: a person who gets the effect severely, who
 * gets it (milder), or who does not (or of whom the source says nothing). */
typedef enum
{
  OT_ICON_EMPTY,
  OT_ICON_ANY,
  OT_ICON_SERIOUS,
} OtIconFill;

double      ot_icon_array_get_height     (double           width);
void        ot_icon_array_get_icon_area  (double           width,
                                          guint            index,
                                          cairo_rectangle_t *area);
OtIconFill  ot_icon_array_get_fill       (double           count,
                                          double           serious,
                                          guint            index);
void        ot_icon_array_draw           (cairo_t         *cr,
                                          const OtStyle   *style,
                                          guint            series,
                                          double           width,
                                          double           count,
                                          double           serious);
char       *ot_icon_array_dup_caption    (double           count,
                                          double           serious);

G_END_DECLS
