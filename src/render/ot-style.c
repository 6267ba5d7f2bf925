/* ot-style.c: the palettes of the renderers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ot-style.h"

#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0, 1.0 }
#define RGBA(hex, a) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0, (a) }

static const OtStyle styles[OT_N_STYLES] = {
  [OT_STYLE_LIGHT] = {
    .kind = OT_STYLE_LIGHT,
    .background = RGB (0xfafafa),
    .foreground = RGB (0x1e1e1e),
    .secondary = RGBA (0x1e1e1e, 0.70),
    .grid = RGBA (0x1e1e1e, 0.15),
    .highlight = RGBA (0xe5a50a, 0.18),
    .focus = RGB (0x1c71d8),
    .series = { RGB (0x0072b2), RGB (0xd55e00), RGB (0x009e73), RGB (0xcc79a7) },
    .line_width = 1.0,
  },
  [OT_STYLE_DARK] = {
    .kind = OT_STYLE_DARK,
    .background = RGB (0x242424),
    .foreground = RGB (0xffffff),
    .secondary = RGBA (0xffffff, 0.75),
    .grid = RGBA (0xffffff, 0.18),
    .highlight = RGBA (0xf6d32d, 0.18),
    .focus = RGB (0x78aeed),
    .series = { RGB (0x56b4e9), RGB (0xe69f00), RGB (0x3fc7a0), RGB (0xe29ac4) },
    .line_width = 1.0,
  },
  [OT_STYLE_HIGH_CONTRAST] = {
    .kind = OT_STYLE_HIGH_CONTRAST,
    .background = RGB (0xffffff),
    .foreground = RGB (0x000000),
    .secondary = RGB (0x000000),
    .grid = RGB (0x000000),
    .highlight = RGBA (0xffd700, 0.45),
    .focus = RGB (0x0000ee),
    .series = { RGB (0x00508a), RGB (0xa34400), RGB (0x006b4e), RGB (0x8e3a6e) },
    .line_width = 2.0,
  },
  [OT_STYLE_PRINT] = {
    .kind = OT_STYLE_PRINT,
    .background = RGB (0xffffff),
    .foreground = RGB (0x000000),
    .secondary = RGBA (0x000000, 0.72),
    .grid = RGBA (0x000000, 0.20),
    .highlight = RGBA (0xe5a50a, 0.20),
    .focus = RGB (0x000000),
    .series = { RGB (0x0072b2), RGB (0xd55e00), RGB (0x009e73), RGB (0xcc79a7) },
    .line_width = 0.75,
  },
};

const OtStyle *
ot_style_get (OtStyleKind kind)
{
  g_return_val_if_fail (kind < OT_N_STYLES, &styles[OT_STYLE_LIGHT]);

  return &styles[kind];
}

const char *
ot_style_kind_to_string (OtStyleKind kind)
{
  static const char * const names[OT_N_STYLES] = { "light", "dark", "high-contrast", "print" };

  g_return_val_if_fail (kind < OT_N_STYLES, NULL);

  return names[kind];
}

/**
 * ot_style_mix:
 *
 * Returns: the colour @t of the way from @a to @b.
 */
OtColor
ot_style_mix (const OtColor *a,
              const OtColor *b,
              double         t)
{
  return (OtColor) {
    a->red + (b->red - a->red) * t,
    a->green + (b->green - a->green) * t,
    a->blue + (b->blue - a->blue) * t,
    a->alpha + (b->alpha - a->alpha) * t,
  };
}

/**
 * ot_style_get_serious:
 * @series: the chart column
 *
 * The colour of the share that gets a side effect severely, in the chart,
 * its legend and the 100 people alike: the column's colour half-way to the
 * text's, so darker on a light background and lighter on a dark one, and
 * in both it stands out from the empty track.
 *
 * Returns: the colour
 */
OtColor
ot_style_get_serious (const OtStyle *style,
                      guint          series)
{
  static const OtColor black = { 0, 0, 0, 1 };

  g_return_val_if_fail (style != NULL, black);

  return ot_style_mix (&style->series[series % OT_N_SERIES], &style->foreground, 0.5);
}

void
ot_style_set_source (cairo_t       *cr,
                     const OtColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}
