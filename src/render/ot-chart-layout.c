/* ot-chart-layout.c: the side-effect chart's layout step
 *
 * Everything that costs (shaping text, wrapping it, placing cells) happens
 * here, once per change of content, worksheet, style, size or zoom; the
 * widget keeps the layout between frames, hit-tests with it, and the PDF
 * asks it for the height it needs.  Texts the last layout shaped the same
 * way are taken from it (ot-chart-cache.c).  Drawing is in ot-chart-draw.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ot-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "ot-chart-private.h"
#include "ot-fit.h"

/* Lengths in ems of the body text, so that zoom scales the whole chart. */
#define MARGIN      0.5
#define GUTTER      0.9
#define ROW_PAD     0.55
#define BAR_HEIGHT  0.95
#define TEXT_GAP    0.5
#define DETAIL_GAP  1.0
#define MIN_TRACK   7.0
#define COMPACT_BELOW 7.5
#define MAX_TRACK   24.0
#define LABEL_SHARE 0.27 /* of the width, for the row names, between: */
#define LABEL_LEAST 7.0
#define LABEL_MOST  14.0

typedef struct
{
  PangoContext         *context;
  PangoFontDescription *body;
  PangoFontDescription *bold;
  PangoFontDescription *small;
  PangoFontDescription *small_bold;
  PangoFontDescription *italic;
  char                 *body_name; /* for keys: the others follow from it */
  GPtrArray            *owned;     /* every layout the chart uses */
  OtChartTextCache     *cache;     /* texts made once: many cells say the same, and
                                    * the next layout says most of it again */
} Fonts;

static void
fonts_init (Fonts        *fonts,
            PangoContext *context,
            GPtrArray    *owned,
            double        scale,
            double       *em)
{
  const PangoFontDescription *base = pango_context_get_font_description (context);
  double size = base ? pango_font_description_get_size (base) / (double) PANGO_SCALE : 0;

  if (size <= 0)
    size = 10;
  if (base == NULL || !pango_font_description_get_size_is_absolute (base))
    {
      double dpi = pango_cairo_context_get_resolution (context);

      size *= (dpi > 0 ? dpi : 96.0) / 72.0;
    }
  *em = size * scale;

  fonts->context = context;
  fonts->owned = owned;
  fonts->cache = ot_chart_text_cache_begin (context);
  fonts->body = base ? pango_font_description_copy (base) : pango_font_description_from_string ("Sans");
  pango_font_description_set_absolute_size (fonts->body, *em * PANGO_SCALE);
  fonts->bold = pango_font_description_copy (fonts->body);
  pango_font_description_set_weight (fonts->bold, PANGO_WEIGHT_BOLD);
  fonts->italic = pango_font_description_copy (fonts->body);
  pango_font_description_set_style (fonts->italic, PANGO_STYLE_ITALIC);
  fonts->small = pango_font_description_copy (fonts->body);
  pango_font_description_set_absolute_size (fonts->small, 0.86 * *em * PANGO_SCALE);
  fonts->small_bold = pango_font_description_copy (fonts->small);
  pango_font_description_set_weight (fonts->small_bold, PANGO_WEIGHT_BOLD);

  fonts->body_name = pango_font_description_to_string (fonts->body);
}

static void
fonts_clear (Fonts *fonts)
{
  pango_font_description_free (fonts->body);
  pango_font_description_free (fonts->bold);
  pango_font_description_free (fonts->italic);
  pango_font_description_free (fonts->small);
  pango_font_description_free (fonts->small_bold);
  g_free (fonts->body_name);
  ot_chart_text_cache_end (fonts->cache);
}

/* The font's part of a text's key, with the body font's name (size
 * included), from which every font of the chart follows. */
static guint
font_index (Fonts                      *fonts,
            const PangoFontDescription *font)
{
  const PangoFontDescription *all[] = { fonts->body, fonts->bold, fonts->small, fonts->small_bold, fonts->italic };

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    if (font == all[i])
      return i;
  g_return_val_if_reached (0);
}

/* The text for @key, if this or the last layout made it; the chart then
 * holds a reference of its own. */
static PangoLayout *
find_text (Fonts      *fonts,
           const char *key)
{
  gboolean first_use = FALSE;
  PangoLayout *layout = ot_chart_text_cache_lookup (fonts->cache, key, &first_use);

  if (layout != NULL && first_use)
    g_ptr_array_add (fonts->owned, g_object_ref (layout));
  return layout;
}

/* Takes @layout, made for @key: the chart owns it, the cache keeps it. */
static PangoLayout *
keep_text (Fonts       *fonts,
           const char  *key,
           PangoLayout *layout)
{
  g_ptr_array_add (fonts->owned, layout);
  ot_chart_text_cache_add (fonts->cache, key, layout);
  return layout;
}

static PangoLayout *
make_text (Fonts                      *fonts,
           const PangoFontDescription *font,
           const char                 *text,
           int                         width)
{
  PangoLayout *layout = pango_layout_new (fonts->context);

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  if (width > 0)
    {
      pango_layout_set_width (layout, width);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  return layout;
}

/* Pango units for a wrapping width in units; -1, no wrapping, for <= 0. */
static int
wrap_width (double width)
{
  return width > 0 ? (int) (width * PANGO_SCALE) : -1;
}

/* A layout of @text in @font, wrapped at @width units (no wrapping when
 * @width <= 0), owned by the chart.  Shaping text is most of the layout
 * step's cost, so the same words in the same font and width are shaped
 * once and shared, within a layout and with the next one.  A text is
 * never changed once made: the key says all there is to it. */
static PangoLayout *
new_text (Fonts                      *fonts,
          const PangoFontDescription *font,
          const char                 *text,
          double                      width)
{
  int wrap = wrap_width (width);
  g_autofree char *key = g_strdup_printf ("text\x1f%s\x1f%u\x1f%d\x1f%s", fonts->body_name,
                                          font_index (fonts, font), wrap, text);
  PangoLayout *layout = find_text (fonts, key);

  if (layout != NULL)
    return layout;
  return keep_text (fonts, key, make_text (fonts, font, text, wrap));
}

/* The width and height of @layout's text in points; 0 with none. */
double
ot_chart_text_width (PangoLayout *layout)
{
  int width;

  if (layout == NULL)
    return 0;
  pango_layout_get_size (layout, &width, NULL);
  return width / (double) PANGO_SCALE;
}

double
ot_chart_text_height (PangoLayout *layout)
{
  int height;

  if (layout == NULL)
    return 0;
  pango_layout_get_size (layout, NULL, &height);
  return height / (double) PANGO_SCALE;
}

static int
compare_uint (gconstpointer a,
              gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

/* The numbers of @sources in the chart's list, added when first seen. */
static char *
number_sources (OtChartLayout      *self,
                const char * const *sources)
{
  g_autoptr(GString) numbers = g_string_new (NULL);
  g_autoptr(GArray) indices = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; sources != NULL && sources[i] != NULL; i++)
    {
      guint index;

      if (ot_content_find_source (self->content, sources[i]) == NULL)
        continue;
      if (!g_ptr_array_find_with_equal_func (self->sources, sources[i], g_str_equal, &index))
        {
          index = self->sources->len;
          g_ptr_array_add (self->sources, (gpointer) sources[i]);
        }
      g_array_append_val (indices, index);
    }

  g_array_sort (indices, compare_uint);
  for (guint i = 0; i < indices->len; i++)
    g_string_append_printf (numbers, i ? ",%u" : "%u", g_array_index (indices, guint, i) + 1);

  return g_string_free (g_steal_pointer (&numbers), FALSE);
}

/* @text in @font with the numbers of @sources raised after it, as in print. */
static PangoLayout *
new_sourced_text (OtChartLayout              *self,
                  Fonts                      *fonts,
                  const PangoFontDescription *font,
                  const char                 *text,
                  const char * const         *sources,
                  double                      width)
{
  g_autofree char *refs = number_sources (self, sources);
  g_autofree char *full = NULL;
  g_autofree char *key = NULL;
  gsize start;
  int rise;
  PangoAttrList *attrs;
  PangoAttribute *attr[3];
  PangoLayout *layout;

  if (*refs == '\0')
    return new_text (fonts, font, text, width);

  /* Texts with the same words and sources share a layout, and with it
   * these attributes, which are the same for both. */
  full = g_strconcat (text, " ", refs, NULL);
  start = strlen (text) + 1;
  rise = (int) (0.4 * self->em * PANGO_SCALE);
  key = g_strdup_printf ("raised %" G_GSIZE_FORMAT " %d\x1f%s\x1f%u\x1f%d\x1f%s", start, rise, fonts->body_name,
                         font_index (fonts, font), wrap_width (width), full);
  if ((layout = find_text (fonts, key)) != NULL)
    return layout;

  layout = make_text (fonts, font, full, wrap_width (width));
  attrs = pango_attr_list_new ();
  attr[0] = pango_attr_scale_new (0.7);
  attr[1] = pango_attr_rise_new (rise);
  attr[2] = pango_attr_weight_new (PANGO_WEIGHT_NORMAL);
  for (guint i = 0; i < G_N_ELEMENTS (attr); i++)
    {
      attr[i]->start_index = start;
      pango_attr_list_insert (attrs, attr[i]);
    }
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);

  return keep_text (fonts, key, layout);
}

/* The cell's figure, or why there is none, with its sources; @broken,
 * the figure's qualifying words on a line after its number. */
static PangoLayout *
new_cell_text (OtChartLayout  *self,
               Fonts          *fonts,
               OtChartCellBox *cell,
               gboolean        broken,
               double          width)
{
  g_autofree char *text = broken ? ot_chart_dup_cell_lines (cell->frequency)
                                 : ot_chart_dup_cell_text (cell->frequency);
  gboolean figure = ot_chart_cell_kind_has_figure (cell->kind);

  if (cell->frequency == NULL)
    return new_text (fonts, fonts->small, text, width);
  return new_sourced_text (self, fonts, figure ? fonts->bold : fonts->italic, text,
                           cell->frequency->sources, width);
}

static void
add_row (OtChartLayout      *self,
         const OtSideEffect *effect,
         gboolean            avoided)
{
  OtChartRow row = { effect, avoided };

  for (guint i = 0; i < self->rows->len; i++)
    if (g_array_index (self->rows, OtChartRow, i).effect == effect)
      return;
  g_array_append_val (self->rows, row);
}

/* Columns: the compared treatments; rows: what the person wants to avoid,
 * in their order, then every effect with an entry for a column. */
static void
choose_rows_and_columns (OtChartLayout *self,
                         OtWorksheet   *worksheet)
{
  const char * const *compared = ot_worksheet_get_compared_treatments (worksheet);
  const char * const *avoid = ot_worksheet_get_avoid_effects (worksheet);
  GPtrArray *effects = ot_content_get_side_effects (self->content);

  for (guint i = 0; compared[i] != NULL && self->columns->len < OT_CHART_MAX_COLUMNS; i++)
    {
      OtChartColumn column = { ot_content_find_treatment (self->content, compared[i]) };
      gboolean seen = FALSE;

      for (guint j = 0; j < self->columns->len; j++)
        seen |= g_array_index (self->columns, OtChartColumn, j).treatment == column.treatment;
      if (column.treatment != NULL && !seen)
        g_array_append_val (self->columns, column);
    }

  if (self->columns->len == 0)
    return;

  /* The benefits of this person's situation that count people in 100: a
   * median in months is not drawn on the same scale. */
  for (guint j = 0; j < self->columns->len; j++)
    {
      g_autoptr(GPtrArray) outcomes = ot_fit_outcomes (self->content, worksheet,
                                                       g_array_index (self->columns, OtChartColumn, j).treatment);

      for (guint k = 0; k < outcomes->len; k++)
        {
          OtChartBenefit benefit = { outcomes->pdata[k], j };

          if (benefit.outcome->has_figure && benefit.outcome->count >= 0)
            g_array_append_val (self->benefits, benefit);
        }
    }

  for (guint i = 0; avoid[i] != NULL; i++)
    {
      const OtSideEffect *effect = ot_content_find_side_effect (self->content, avoid[i]);

      if (effect != NULL)
        add_row (self, effect, TRUE);
    }

  for (guint i = 0; i < effects->len; i++)
    {
      const OtSideEffect *effect = g_ptr_array_index (effects, i);

      for (guint j = 0; j < self->columns->len; j++)
        {
          const OtTreatment *treatment = g_array_index (self->columns, OtChartColumn, j).treatment;

          if (ot_content_find_frequency (self->content, treatment->id, effect->id) != NULL)
            {
              add_row (self, effect, FALSE);
              break;
            }
        }
    }
}

static void
layout_empty (OtChartLayout *self,
              Fonts         *fonts,
              double         inner)
{
  const char *title = self->columns->len == 0
    ? _("Choose treatments to compare")
    : _("No side-effect figures for these treatments");
  const char *body = self->columns->len == 0
    ? _("Pick 1 to 4 treatments in the list. The chart then shows how many in 100 people "
        "get each side effect with each of them.")
    : _("Our sources give no figures for the side effects of the treatments you chose.");
  g_autofree char *markup = g_markup_printf_escaped ("<b><big>%s</big></b>\n<span size=\"50%%\"> </span>\n%s", title, body);
  int width = wrap_width (MIN (inner, 32 * self->em));
  g_autofree char *key = g_strdup_printf ("centred markup\x1f%s\x1f%d\x1f%s", fonts->body_name,
                                          width, markup);

  if ((self->empty = find_text (fonts, key)) == NULL)
    {
      PangoLayout *layout = make_text (fonts, fonts->body, "", width);

      pango_layout_set_markup (layout, markup, -1);
      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      self->empty = keep_text (fonts, key, layout);
    }
  self->empty_y = self->margin + 2 * self->em;
  self->height = self->empty_y + ot_chart_text_height (self->empty) + 2 * self->em + self->margin;
}

/* Column names side by side above their columns; in a compact chart,
 * one under the other, a key to the swatches in every row. */
static void
layout_header (OtChartLayout *self,
               Fonts         *fonts,
               double         column_width)
{
  double em = self->em;
  double name_indent = (OT_CHART_SWATCH + 0.4) * em;
  double height = 0, bottom;

  self->header_y = self->margin;
  if (!self->compact)
    self->corner = new_text (fonts, fonts->bold, _("Side effect"), self->label_width);

  for (guint j = 0; j < self->columns->len; j++)
    {
      OtChartColumn *column = &g_array_index (self->columns, OtChartColumn, j);

      column->width = column_width;
      if (self->compact)
        {
          column->x = self->margin + (OT_CHART_MARKER_ROOM + OT_CHART_SUB_SWATCH + 0.5) * em;
          column->header_x = self->margin + OT_CHART_MARKER_ROOM * em;
          column->header = new_text (fonts, fonts->bold, column->treatment->name,
                                     MAX (1, self->width - self->margin - column->header_x - name_indent));
          column->header_y = self->header_y + height;
          height += ot_chart_text_height (column->header) + 0.3 * em;
        }
      else
        {
          column->x = self->margin + self->label_width + GUTTER * em + j * (column_width + GUTTER * em);
          column->header_x = column->x;
          column->header = new_text (fonts, fonts->bold, column->treatment->name,
                                     MAX (1, column_width - name_indent));
          height = MAX (height, ot_chart_text_height (column->header));
        }
    }

  /* Side by side, the names sit on the axis however many lines each takes. */
  if (!self->compact)
    {
      height = MAX (height, ot_chart_text_height (self->corner));
      bottom = self->header_y + height;
      for (guint j = 0; j < self->columns->len; j++)
        {
          OtChartColumn *column = &g_array_index (self->columns, OtChartColumn, j);

          column->header_y = bottom - ot_chart_text_height (column->header);
        }
    }

  self->header_height = height;
  self->axis_zero = new_text (fonts, fonts->small, "0", -1);
  self->axis_hundred = new_text (fonts, fonts->small, _("100"), -1);
  self->axis_y = self->header_y + height + 0.35 * em;
  self->body_y = self->axis_y + ot_chart_text_height (self->axis_zero) + 0.2 * em;
}

/* Places one cell's bar and words in its row; returns the height they need,
 * or places them centred when @row is laid out already. */
static double
place_cell (OtChartLayout  *self,
            OtChartCellBox *cell,
            OtChartColumn  *column,
            OtChartRow     *row,
            double          track_width,
            gboolean        beside)
{
  double em = self->em;
  double text_h = ot_chart_text_height (cell->text);
  double detail_h = ot_chart_text_height (cell->detail);
  double line_h, block_h, top;

  if (!ot_chart_cell_kind_has_figure (cell->kind))
    {
      block_h = text_h;
      line_h = 0;
    }
  else if (beside && cell->detail_beside)
    {
      line_h = MAX (MAX (self->bar_height, text_h), detail_h);
      block_h = line_h;
    }
  else if (beside)
    {
      line_h = MAX (self->bar_height, text_h);
      block_h = line_h + detail_h;
    }
  else
    {
      line_h = self->bar_height + 0.25 * em;
      block_h = line_h + text_h + detail_h;
    }

  if (row->height <= 0)
    return block_h;

  top = row->y + (row->height - block_h) / 2;
  cell->area = (cairo_rectangle_t) { column->x - GUTTER * em / 2, row->y,
                                     column->width + GUTTER * em, row->height };
  cell->text_x = cell->detail_x = column->x;
  cell->track = (cairo_rectangle_t) { column->x, top, 0, self->bar_height };

  if (line_h == 0)
    {
      cell->text_y = top;
    }
  else if (beside)
    {
      cell->track.width = track_width;
      cell->track.y = top + (line_h - self->bar_height) / 2;
      cell->text_x = cell->detail_x = column->x + track_width + TEXT_GAP * em;
      cell->text_y = top + (line_h - text_h) / 2;
      cell->detail_y = top + line_h;
      /* After the figure, on its line, the two on one baseline. */
      if (cell->detail_beside)
        {
          cell->detail_x = cell->text_x + ot_chart_text_width (cell->text) + DETAIL_GAP * em;
          cell->detail_y = cell->text_y + (double) (pango_layout_get_baseline (cell->text)
                                                    - pango_layout_get_baseline (cell->detail)) / PANGO_SCALE;
        }
    }
  else
    {
      cell->track.width = track_width;
      cell->text_y = top + line_h;
      cell->detail_y = cell->text_y + text_h;
    }

  return block_h;
}

/* The figures first: the widest decides where the bars end, the same in
 * every column, so that equal bars mean equal numbers; and whether the
 * columns are wide enough at all, with each figure's qualifying words on
 * its line (@figure_width) or under it (@broken_width).  Sources are
 * numbered in reading order. */
static void
layout_figures (OtChartLayout *self,
                Fonts         *fonts,
                double        *figure_width,
                double        *broken_width,
                double        *detail_width)
{
  guint n_columns = self->columns->len;

  *figure_width = *broken_width = *detail_width = 0;

  self->cells = g_new0 (OtChartCellBox, self->rows->len * n_columns);

  for (guint i = 0; i < self->rows->len; i++)
    for (guint j = 0; j < n_columns; j++)
      {
        OtChartRow *row = &g_array_index (self->rows, OtChartRow, i);
        OtChartColumn *column = &g_array_index (self->columns, OtChartColumn, j);
        OtChartCellBox *cell = &self->cells[i * n_columns + j];
        g_autofree char *detail = NULL;

        cell->frequency = ot_content_find_frequency (self->content, column->treatment->id, row->effect->id);
        cell->kind = ot_chart_cell_kind (cell->frequency);
        detail = ot_chart_dup_cell_detail (cell->frequency);
        if (detail != NULL)
          cell->detail = new_text (fonts, fonts->small, detail, -1);

        if (ot_chart_cell_kind_has_figure (cell->kind))
          {
            cell->text = new_cell_text (self, fonts, cell, FALSE, -1);
            *figure_width = MAX (*figure_width, ot_chart_text_width (cell->text));
            *broken_width = MAX (*broken_width, ot_chart_text_width (new_cell_text (self, fonts, cell, TRUE, -1)));
            *detail_width = MAX (*detail_width, ot_chart_text_width (cell->detail));
          }
        else if (cell->frequency != NULL)
          {
            g_free (number_sources (self, cell->frequency->sources));
          }
      }
}

static void
layout_body (OtChartLayout *self,
             Fonts         *fonts,
             double         column_width,
             double         figure_width,
             double         detail_width)
{
  guint n_columns = self->columns->len;
  double em = self->em;
  double label_text_width = self->label_width - OT_CHART_MARKER_ROOM * em;
  double track_width;
  gboolean beside;
  double y = self->body_y;

  /* Words where there is no figure wrap in the column. */
  for (guint i = 0; i < self->rows->len * n_columns; i++)
    if (self->cells[i].text == NULL)
      self->cells[i].text = new_cell_text (self, fonts, &self->cells[i], FALSE, column_width);

  /* Figures beside their bars where there is room, else under them, the
   * serious share wrapping if it must.  A row that lists the treatments
   * has each one's serious share on its figure's line where that has the
   * room, a line less for each: large text in a small window shows more
   * rows.  The bars leave that room for every figure when they can. */
  if (self->compact && detail_width > 0
      && column_width >= (MIN_TRACK + TEXT_GAP + DETAIL_GAP) * em + figure_width + detail_width)
    figure_width += DETAIL_GAP * em + detail_width;
  figure_width = MAX (figure_width, detail_width);
  beside = column_width >= MIN_TRACK * em + TEXT_GAP * em + figure_width;
  track_width = beside ? column_width - TEXT_GAP * em - figure_width : column_width;
  if (self->compact)
    track_width = MIN (track_width, MAX_TRACK * em);
  self->track_width = track_width;
  for (guint i = 0; i < self->rows->len * n_columns; i++)
    {
      OtChartCellBox *cell = &self->cells[i];

      cell->detail_beside = self->compact && beside && cell->detail != NULL
                            && track_width + (TEXT_GAP + DETAIL_GAP) * em + ot_chart_text_width (cell->text)
                               + ot_chart_text_width (cell->detail) <= column_width + 0.5;
    }

  /* Under its bar, a figure or its serious share wider than the column
   * (a narrow window, large text, a longer language) wraps in it: a
   * figure after its number where the columns are made for that.  Beside
   * its bar, in such columns, a figure wider than the room the bars leave
   * it breaks after its number. */
  for (guint i = 0; i < self->rows->len * n_columns; i++)
    {
      OtChartCellBox *cell = &self->cells[i];
      double room = beside ? column_width - TEXT_GAP * em - track_width : column_width;

      if (ot_chart_cell_kind_has_figure (cell->kind) && ot_chart_text_width (cell->text) > room + 0.5)
        cell->text = new_cell_text (self, fonts, cell, self->broken, beside ? -1 : column_width);
      if (!beside && cell->detail != NULL && ot_chart_text_width (cell->detail) > column_width)
        {
          g_autofree char *detail = ot_chart_dup_cell_detail (cell->frequency);

          cell->detail = new_text (fonts, fonts->small, detail, column_width);
        }
    }

  for (guint i = 0; i < self->rows->len; i++)
    {
      OtChartRow *row = &g_array_index (self->rows, OtChartRow, i);
      double label_h, content = 0;

      row->label = new_text (fonts, self->compact ? fonts->bold : fonts->body,
                             row->effect->name, label_text_width);
      if (row->avoided)
        row->tag = new_text (fonts, fonts->small_bold, _("You want to avoid this"), label_text_width);
      label_h = ot_chart_text_height (row->label) + ot_chart_text_height (row->tag);
      row->y = y;

      if (self->compact)
        {
          /* The name on top, then one line per treatment. */
          double sub_y = y + ROW_PAD * em + label_h + 0.3 * em;

          row->label_y = y + ROW_PAD * em;
          for (guint j = 0; j < n_columns; j++)
            {
              OtChartColumn *column = &g_array_index (self->columns, OtChartColumn, j);
              OtChartCellBox *cell = &self->cells[i * n_columns + j];
              OtChartRow line = { row->effect, FALSE };

              line.y = sub_y;
              /* Closer with each on one line: no share under a figure to keep apart. */
              line.height = place_cell (self, cell, column, &line, track_width, beside)
                            + (cell->detail == NULL || cell->detail_beside ? 0.3 : 0.7) * em;
              place_cell (self, cell, column, &line, track_width, beside);
              cell->area.x = self->margin + (OT_CHART_MARKER_ROOM - 0.3) * em;
              cell->area.width = self->width - self->margin - cell->area.x;
              sub_y += line.height;
            }
          row->height = sub_y - y + (ROW_PAD - 0.25) * em;
          y += row->height;
          continue;
        }

      /* Measure, then place centred in the row's height. */
      content = label_h;
      for (guint j = 0; j < n_columns; j++)
        content = MAX (content, place_cell (self, &self->cells[i * n_columns + j],
                                            &g_array_index (self->columns, OtChartColumn, j),
                                            row, track_width, beside));
      row->height = content + 2 * ROW_PAD * em;
      row->label_y = y + (row->height - label_h) / 2;
      for (guint j = 0; j < n_columns; j++)
        place_cell (self, &self->cells[i * n_columns + j],
                    &g_array_index (self->columns, OtChartColumn, j), row, track_width, beside);
      y += row->height;
    }

  self->body_bottom = y;
}

/* Places one benefit's bars and words from @top; returns their height. */
static double
place_benefit (OtChartLayout  *self,
               OtChartBenefit *benefit,
               double          x,
               double          track_width,
               double          top)
{
  double em = self->em;
  double line_h = MAX (self->bar_height, ot_chart_text_height (benefit->text));
  double comparator_bar = benefit->outcome->comparator_count >= 0 ? self->bar_height : 0;
  double comparator_h = MAX (comparator_bar, ot_chart_text_height (benefit->comparator));
  double second = top + line_h + 0.25 * em;

  benefit->track = (cairo_rectangle_t) { x, top + (line_h - self->bar_height) / 2, track_width, self->bar_height };
  benefit->text_x = x + track_width + TEXT_GAP * em;
  benefit->text_y = top + (line_h - ot_chart_text_height (benefit->text)) / 2;
  benefit->comparator_track = (cairo_rectangle_t) { x, second + (comparator_h - comparator_bar) / 2,
                                                     comparator_bar > 0 ? track_width : 0, comparator_bar };
  benefit->comparator_y = second + (comparator_h - ot_chart_text_height (benefit->comparator)) / 2;
  benefit->about_y = second + comparator_h + 0.2 * em;

  return benefit->about_y + ot_chart_text_height (benefit->about) - top;
}

/* The benefits, under the side effects and on the same 0–100 scale, each
 * beside its comparison group; returns where they end. */
static double
layout_benefits (OtChartLayout *self,
                 Fonts         *fonts,
                 double         inner,
                 double         y)
{
  double em = self->em;
  double x, track_width, text_width;

  if (self->benefits->len == 0)
    return y;

  self->benefit_heading = new_text (fonts, fonts->bold,
                                    _("Chance of benefit: how many in 100 people were helped, "
                                      "each beside the comparison group of its trial (in grey)"),
                                    inner - OT_CHART_MARKER_ROOM * em);
  self->benefit_heading_y = y + 0.9 * em;
  y = self->benefit_heading_y + ot_chart_text_height (self->benefit_heading) + 0.4 * em;

  x = self->compact ? self->margin + (OT_CHART_MARKER_ROOM + OT_CHART_SUB_SWATCH + 0.5) * em
                    : g_array_index (self->columns, OtChartColumn, 0).x;
  /* The side effects' scale, unless the words beside it would be squeezed. */
  track_width = MIN (self->track_width, (self->width - self->margin - x) / 2);
  text_width = self->width - self->margin - x - track_width - TEXT_GAP * em;

  for (guint i = 0; i < self->benefits->len; i++)
    {
      OtChartBenefit *benefit = &g_array_index (self->benefits, OtChartBenefit, i);
      const OtOutcome *outcome = benefit->outcome;
      g_autofree char *label = ot_chart_dup_benefit_label (outcome);
      g_autofree char *figure = ot_chart_dup_benefit_text (outcome);
      g_autofree char *comparator = ot_chart_dup_comparator_text (outcome);
      g_autofree char *about = ot_outcome_format_about (outcome);
      double label_h, block_h;

      benefit->label = new_text (fonts, self->compact ? fonts->bold : fonts->body, label,
                                 self->compact ? inner - OT_CHART_MARKER_ROOM * em
                                               : self->label_width - OT_CHART_MARKER_ROOM * em);
      benefit->text = new_sourced_text (self, fonts, fonts->bold, figure, outcome->sources, text_width);
      benefit->comparator = new_text (fonts, fonts->small, comparator,
                                      outcome->comparator_count >= 0 ? text_width
                                                                     : self->width - self->margin - x);
      benefit->about = new_text (fonts, fonts->small, about, self->width - self->margin - x);
      label_h = ot_chart_text_height (benefit->label);
      benefit->y = y;

      if (self->compact)
        {
          benefit->label_y = y + ROW_PAD * em;
          block_h = place_benefit (self, benefit, x, track_width, benefit->label_y + label_h + 0.3 * em);
          benefit->height = label_h + 0.3 * em + block_h + 2 * ROW_PAD * em;
        }
      else
        {
          block_h = place_benefit (self, benefit, x, track_width, 0);
          benefit->height = MAX (label_h, block_h) + 2 * ROW_PAD * em;
          benefit->label_y = y + (benefit->height - label_h) / 2;
          place_benefit (self, benefit, x, track_width, y + (benefit->height - block_h) / 2);
        }
      y += benefit->height;
    }

  return y;
}

static void
add_legend_item (OtChartLayout       *self,
                 Fonts               *fonts,
                 OtChartLegendSymbol  symbol,
                 const char          *text)
{
  OtChartLegendItem item = { symbol, new_text (fonts, fonts->small, text, -1) };

  g_array_append_val (self->legend, item);
}

/* The legend flows like words: as many items on a line as fit. */
static double
layout_legend (OtChartLayout *self,
               Fonts         *fonts,
               double         inner,
               double         y)
{
  double em = self->em;
  double x = self->margin, line_height = 0;
  gboolean any_avoided = FALSE, any_moderate = FALSE;
  guint n_cells = self->rows->len * self->columns->len;

  for (guint i = 0; i < self->rows->len; i++)
    any_avoided |= g_array_index (self->rows, OtChartRow, i).avoided;
  for (guint i = 0; i < n_cells; i++)
    any_moderate |= self->cells[i].kind == OT_CHART_CELL_MODERATE_UP;

  add_legend_item (self, fonts, OT_CHART_SYMBOL_BAR, _("How many in 100 get it, all cases (any grade)"));
  add_legend_item (self, fonts, OT_CHART_SYMBOL_SERIOUS, _("How many get it severely (grade 3 or worse)"));
  /* A figure that leaves out mild cases is drawn apart, never as a bar
   * that could be read against the all-cases bars. */
  if (any_moderate)
    add_legend_item (self, fonts, OT_CHART_SYMBOL_MODERATE,
                     _("Outline only: mild cases not counted (grade 2 or worse)"));
  add_legend_item (self, fonts, OT_CHART_SYMBOL_RANGE, _("Range across studies"));
  if (any_avoided)
    add_legend_item (self, fonts, OT_CHART_SYMBOL_AVOID, _("You want to avoid it"));
  if (self->benefits->len > 0)
    add_legend_item (self, fonts, OT_CHART_SYMBOL_COMPARATOR, _("Comparison group in the trial"));

  for (guint i = 0; i < self->legend->len; i++)
    {
      OtChartLegendItem *item = &g_array_index (self->legend, OtChartLegendItem, i);
      double width = 2.8 * em + ot_chart_text_width (item->text);

      item->height = MAX (ot_chart_text_height (item->text), self->bar_height);
      if (x > self->margin && x + width > self->margin + inner)
        {
          x = self->margin;
          y += line_height + 0.3 * em;
          line_height = 0;
        }
      item->x = x;
      item->y = y;
      x += width + 1.4 * em;
      line_height = MAX (line_height, item->height);
    }

  return y + line_height;
}

static void
layout_notes (OtChartLayout *self,
              Fonts         *fonts,
              double         inner,
              double         y)
{
  g_autoptr(GString) text = g_string_new (_("Figures come from different studies and groups of people, "
                                            "so compare them with care."));

  if (self->sources->len > 0)
    g_string_append (text, _(" The small numbers after each figure name its sources:"));

  for (guint i = 0; i < self->sources->len; i++)
    {
      const OtSource *source = ot_content_find_source (self->content, g_ptr_array_index (self->sources, i));

      g_string_append_printf (text, "\n%u  %s, %s", i + 1, source->publisher, source->title);
    }

  self->notes = new_text (fonts, fonts->small, text->str, inner);
  self->notes_y = y;
  self->height = y + ot_chart_text_height (self->notes) + self->margin;
}

/* What a treatment's column needs for words @width wide: never narrower
 * than a bar worth reading. */
static double
column_need (OtChartLayout *self,
             double         width)
{
  return MAX (COMPACT_BELOW * self->em, width);
}

/* The row names' column, and returns the treatments' columns' width: a
 * quarter of the width for the names, narrower so that the columns get
 * @needed each, down to 7 ems: names can wrap, a figure should not. */
static double
place_columns (OtChartLayout *self,
               double         inner,
               double         needed)
{
  guint n = self->columns->len;
  double most = MIN (CLAMP (inner * LABEL_SHARE, LABEL_LEAST * self->em, LABEL_MOST * self->em), inner * 0.4);

  self->label_width = MIN (most, MAX (LABEL_LEAST * self->em, inner - n * (needed + GUTTER * self->em)));
  return MAX ((inner - self->label_width - n * GUTTER * self->em) / n, 1);
}

/* The least width at which place_columns() gives each column @needed:
 * with the names at their least, or at their most. */
static double
width_for_columns (OtChartLayout *self,
                   double         needed,
                   gboolean       names_narrowed)
{
  double columns = self->columns->len * (needed + GUTTER * self->em);
  double inner = columns + LABEL_LEAST * self->em;

  if (!names_narrowed)
    inner = CLAMP (columns / (1 - LABEL_SHARE), columns + LABEL_LEAST * self->em, columns + LABEL_MOST * self->em);
  return inner + 2 * self->margin;
}

/* Fills @self, which has its content, style and width, for @worksheet:
 * rows, columns, every text and where it goes, and the height. */
void
ot_chart_layout_build (OtChartLayout *self,
                       OtWorksheet   *worksheet,
                       PangoContext  *context,
                       double         scale)
{
  Fonts fonts;
  double inner, column_width, figure_width, broken_width, detail_width, needed;

  fonts_init (&fonts, context, self->texts, scale, &self->em);
  self->margin = MARGIN * self->em;
  self->bar_height = BAR_HEIGHT * self->em;
  inner = MAX (self->width - 2 * self->margin, 1);

  choose_rows_and_columns (self, worksheet);

  if (self->rows->len == 0 && self->benefits->len == 0)
    {
      layout_empty (self, &fonts, inner);
    }
  else
    {
      /* Too narrow for a figure beside a row name: list them under it. */
      layout_figures (self, &fonts, &figure_width, &broken_width, &detail_width);
      self->columns_width = width_for_columns (self, column_need (self, broken_width), TRUE);
      self->roomy_width = width_for_columns (self, column_need (self, MAX (figure_width, detail_width)), FALSE);
      needed = column_need (self, figure_width);
      column_width = place_columns (self, inner, needed);
      if (column_width < needed && broken_width < figure_width)
        {
          /* Then each figure's qualifying words under it. */
          double broken_needed = column_need (self, broken_width);
          double broken_column = place_columns (self, inner, broken_needed);

          if (broken_column >= broken_needed)
            {
              self->broken = TRUE;
              figure_width = broken_width;
              needed = broken_needed;
              column_width = broken_column;
            }
        }
      if (column_width < needed)
        {
          self->compact = TRUE;
          self->label_width = inner;
          column_width = MAX (inner - (OT_CHART_MARKER_ROOM + OT_CHART_SUB_SWATCH + 0.5) * self->em, 1);
        }

      layout_header (self, &fonts, column_width);
      layout_body (self, &fonts, column_width, figure_width, detail_width);
      self->benefits_bottom = layout_benefits (self, &fonts, inner, self->body_bottom);
      layout_notes (self, &fonts, inner,
                    layout_legend (self, &fonts, inner, self->benefits_bottom + 0.9 * self->em) + 0.8 * self->em);
    }

  g_ptr_array_add (self->sources, NULL);
  fonts_clear (&fonts);
}
