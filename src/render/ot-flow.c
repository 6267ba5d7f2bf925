/* ot-flow.c: text blocks laid out with Pango and broken into pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ot-flow"

#include "config.h"

#include "ot-flow.h"

#define EPSILON 0.01

/* Lines left at the foot of a page and carried to the next, at least. */
#define MIN_LINES 2

/* A table's header is drawn again on each page the table continues on
 * only when it leaves most of the page to the table. */
#define MAX_REPEATED_HEADER 0.4

typedef struct
{
  double top;
  double bottom;
  double baseline;
  double x;
  double width;
} OtLine;

typedef struct
{
  PangoLayout       *layout;
  OtTextStyle        style;
  const OtColor     *color;
  char              *link;
  double             x;
  GArray            *lines;     /* of OtLine, from the top of the block */
} OtCell;

struct _OtBlock
{
  GPtrArray         *cells;     /* of OtCell */
  double             height;
  double             padding;
  double             space_before;
  double             space_after;
  gboolean           keep_with_next;
  gboolean           break_before;
  OtBlockDecoration  decoration;
  OtBlockRole        role;
  OtBlock           *header;
  char              *outline;

  /* A picture instead of text: never cut across pages. */
  OtFlowDrawFunc     draw;
  gpointer           draw_data;
  GDestroyNotify     draw_destroy;
};

/* The part of a block, from @from to @to, drawn on a page at @y. */
typedef struct
{
  OtBlock *block;
  double   y;
  double   from;
  double   to;
} OtPiece;

struct _OtFlow
{
  const OtStyle *style;
  PangoContext  *context;
  double         width;
  double         text_scale;    /* 1.0; larger for large print */
  gboolean       break_next;    /* the next block starts a page */
  GPtrArray     *blocks;        /* of OtBlock */
  GPtrArray     *pages;         /* of GArray of OtPiece */
  OtRect         body;
};

typedef struct
{
  const char *font;
  double      line_spacing;
  double      space_before;
  double      space_after;
  gboolean    keep_with_next;
  gboolean    secondary;
} OtTextLook;

static const OtTextLook looks[OT_N_TEXT_STYLES] = {
  [OT_TEXT_TITLE]      = { "Sans Bold 20",  1.0, 0,  4, TRUE,  FALSE },
  [OT_TEXT_HEADING]    = { "Sans Bold 14",  1.0, 18, 6, TRUE,  FALSE },
  [OT_TEXT_SUBHEADING] = { "Sans Bold 11",  1.0, 10, 3, TRUE,  FALSE },
  [OT_TEXT_BODY]       = { "Sans 10",       1.2, 0,  6, FALSE, FALSE },
  [OT_TEXT_STRONG]     = { "Sans Bold 10",  1.2, 0,  6, FALSE, FALSE },
  [OT_TEXT_SMALL]      = { "Sans 8.5",      1.2, 0,  6, FALSE, TRUE  },
  [OT_TEXT_TABLE]      = { "Sans 9",        1.15, 0, 0, FALSE, FALSE },
  [OT_TEXT_TABLE_HEAD] = { "Sans Bold 9",   1.15, 0, 0, TRUE,  FALSE },
  [OT_TEXT_LINK]       = { "Sans 8.5",      1.2, 0,  6, FALSE, FALSE },
  [OT_TEXT_FOOTER]     = { "Sans 8",        1.0, 0,  0, FALSE, TRUE  },
};

static void
cell_free (gpointer data)
{
  OtCell *cell = data;

  g_object_unref (cell->layout);
  g_array_unref (cell->lines);
  g_free (cell->link);
  g_free (cell);
}

static void
block_free (gpointer data)
{
  OtBlock *block = data;

  g_ptr_array_unref (block->cells);
  g_free (block->outline);
  if (block->draw_destroy != NULL)
    block->draw_destroy (block->draw_data);
  g_free (block);
}

static PangoContext *
create_context (void)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Unhinted metrics at 72 dpi: one unit is one point, and a page breaks
   * the same way in the preview at any zoom, on paper and in the PDF. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  pango_cairo_context_set_resolution (context, 72.0);
  pango_context_set_round_glyph_positions (context, FALSE);
  cairo_font_options_destroy (options);

  /* Pictures measured with this context, such as the chart, take its font. */
  {
    PangoFontDescription *font = pango_font_description_from_string ("Sans 10");

    pango_context_set_font_description (context, font);
    pango_font_description_free (font);
  }

  return context;
}

OtFlow *
ot_flow_new (const OtStyle *style,
             double         width)
{
  OtFlow *flow = g_new0 (OtFlow, 1);

  flow->style = style;
  flow->context = create_context ();
  flow->width = width;
  flow->text_scale = 1.0;
  flow->blocks = g_ptr_array_new_with_free_func (block_free);
  flow->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  return flow;
}

/**
 * ot_flow_use_own_fonts:
 *
 * Gives @flow a font map of its own instead of the thread's, before
 * anything is added: a flow laid out in a worker thread can then be
 * drawn in another while the worker lays out the next, and nothing Pango
 * caches (fonts, their metrics, shaped text) is shared between the two.
 * Loading the fonts afresh costs tens of milliseconds.
 */
void
ot_flow_use_own_fonts (OtFlow *flow)
{
  PangoFontMap *map = pango_cairo_font_map_new ();

  g_return_if_fail (flow->blocks->len == 0);

  pango_context_set_font_map (flow->context, map);
  g_object_unref (map);
}

void
ot_flow_free (OtFlow *flow)
{
  if (flow == NULL)
    return;

  g_ptr_array_unref (flow->pages);
  g_ptr_array_unref (flow->blocks);
  g_object_unref (flow->context);
  g_free (flow);
}

/* Wraps at word boundaries, and inside a word only when the word alone is
 * wider than the column, so no text ever runs past its column. */
PangoLayout *
ot_flow_create_layout (OtFlow      *flow,
                       OtTextStyle  style,
                       double       width,
                       const char  *markup)
{
  PangoLayout *layout = pango_layout_new (flow->context);
  PangoFontDescription *font = pango_font_description_from_string (looks[style].font);

  pango_font_description_set_size (font, (int) (pango_font_description_get_size (font) * flow->text_scale));
  pango_layout_set_font_description (layout, font);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (layout, MAX (1, (int) (width * PANGO_SCALE)));
  pango_layout_set_line_spacing (layout, looks[style].line_spacing);
  pango_layout_set_markup (layout, markup, -1);
  pango_font_description_free (font);

  return layout;
}

static void
cell_measure (OtCell *cell,
              double  offset)
{
  PangoLayoutIter *iter = pango_layout_get_iter (cell->layout);

  do
    {
      PangoRectangle logical;
      int top, bottom;
      OtLine line;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      pango_layout_iter_get_line_yrange (iter, &top, &bottom);
      line.top = offset + (double) top / PANGO_SCALE;
      line.bottom = offset + (double) bottom / PANGO_SCALE;
      line.baseline = offset + (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      line.x = (double) logical.x / PANGO_SCALE;
      line.width = (double) logical.width / PANGO_SCALE;
      g_array_append_val (cell->lines, line);
    }
  while (pango_layout_iter_next_line (iter));

  pango_layout_iter_free (iter);
}

static void
block_measure (OtBlock *block)
{
  block->height = 0;
  for (guint i = 0; i < block->cells->len; i++)
    {
      OtCell *cell = g_ptr_array_index (block->cells, i);

      g_array_set_size (cell->lines, 0);
      cell_measure (cell, block->padding);
      if (cell->lines->len > 0)
        block->height = MAX (block->height,
                             g_array_index (cell->lines, OtLine, cell->lines->len - 1).bottom);
    }
  block->height += block->padding;
}

OtBlock *
ot_flow_add_row (OtFlow           *flow,
                 const OtCellSpec *specs,
                 guint             n_cells)
{
  OtBlock *block = g_new0 (OtBlock, 1);

  g_return_val_if_fail (n_cells > 0, NULL);

  block->cells = g_ptr_array_new_with_free_func (cell_free);
  block->space_before = looks[specs[0].style].space_before * flow->text_scale;
  block->space_after = looks[specs[0].style].space_after * flow->text_scale;
  block->keep_with_next = looks[specs[0].style].keep_with_next;

  for (guint i = 0; i < n_cells; i++)
    {
      OtCell *cell = g_new0 (OtCell, 1);
      OtTextStyle style = specs[i].style;

      cell->layout = ot_flow_create_layout (flow, style, specs[i].width, specs[i].markup);
      cell->x = specs[i].x;
      cell->style = style;
      cell->link = g_strdup (specs[i].link);
      cell->lines = g_array_new (FALSE, FALSE, sizeof (OtLine));
      if (style == OT_TEXT_LINK)
        cell->color = &flow->style->series[0];
      else if (looks[style].secondary)
        cell->color = &flow->style->secondary;
      else
        cell->color = &flow->style->foreground;
      g_ptr_array_add (block->cells, cell);
    }

  block_measure (block);
  block->break_before = flow->break_next;
  flow->break_next = FALSE;
  g_ptr_array_add (flow->blocks, block);

  return block;
}

OtBlock *
ot_flow_add_text (OtFlow      *flow,
                  OtTextStyle  style,
                  double       indent,
                  const char  *markup)
{
  OtCellSpec spec = { markup, style, indent, flow->width - indent, NULL };

  return ot_flow_add_row (flow, &spec, 1);
}

/**
 * ot_flow_add_drawing:
 * @height: of the picture, in points
 *
 * Adds a picture drawn by @draw across the text area, such as the chart.
 * It moves to the next page whole rather than being cut, unless it is
 * taller than a page: then it goes on over as many as it needs.
 */
OtBlock *
ot_flow_add_drawing (OtFlow         *flow,
                     double          height,
                     OtFlowDrawFunc  draw,
                     gpointer        data,
                     GDestroyNotify  destroy)
{
  OtBlock *block = g_new0 (OtBlock, 1);

  block->cells = g_ptr_array_new_with_free_func (cell_free);
  block->height = height;
  block->space_after = 6;
  block->draw = draw;
  block->draw_data = data;
  block->draw_destroy = destroy;
  block->break_before = flow->break_next;
  flow->break_next = FALSE;
  g_ptr_array_add (flow->blocks, block);

  return block;
}

/**
 * ot_flow_set_text_scale:
 * @scale: 1.0 for the usual sizes (body text 10 pt); 1.4 makes it 14 pt
 *
 * Scales the type of the blocks added after this call, their spacing, and
 * the font that pictures measured with the flow's context take.
 */
void
ot_flow_set_text_scale (OtFlow *flow,
                        double  scale)
{
  PangoFontDescription *font = pango_font_description_from_string ("Sans");

  g_return_if_fail (scale > 0);

  flow->text_scale = scale;
  pango_font_description_set_size (font, (int) (10 * scale * PANGO_SCALE));
  pango_context_set_font_description (flow->context, font);
  pango_font_description_free (font);
}

double
ot_flow_get_text_scale (OtFlow *flow)
{
  return flow->text_scale;
}

/* The context text is measured with: 72 dpi, unhinted. */
PangoContext *
ot_flow_get_context (OtFlow *flow)
{
  return flow->context;
}

/* Starts the next block on a new page, whatever room is left on this one. */
void
ot_flow_break_page (OtFlow *flow)
{
  flow->break_next = TRUE;
}

void
ot_block_set_spacing (OtBlock *block,
                      double   before,
                      double   after)
{
  block->space_before = before;
  block->space_after = after;
}

void
ot_block_set_padding (OtBlock *block,
                      double   padding)
{
  block->padding = padding;
  block_measure (block);
}

void
ot_block_set_keep_with_next (OtBlock  *block,
                             gboolean  keep)
{
  block->keep_with_next = keep;
}

void
ot_block_set_decoration (OtBlock           *block,
                         OtBlockDecoration  decoration)
{
  block->decoration = decoration;
}

void
ot_block_set_role (OtBlock     *block,
                   OtBlockRole  role)
{
  block->role = role;
}

/* A table row names its header, which is drawn again at the top of each
 * page the table continues on. */
void
ot_block_set_header (OtBlock *block,
                     OtBlock *header)
{
  block->header = header;
}

void
ot_block_set_outline (OtBlock    *block,
                      const char *title)
{
  g_free (block->outline);
  block->outline = g_strdup (title);
}

/* Pagination */

static gboolean
cut_crosses_line (OtBlock *block,
                  double   cut)
{
  for (guint i = 0; i < block->cells->len; i++)
    {
      OtCell *cell = g_ptr_array_index (block->cells, i);

      for (guint j = 0; j < cell->lines->len; j++)
        {
          OtLine *line = &g_array_index (cell->lines, OtLine, j);

          if (line->top < cut - EPSILON && line->bottom > cut + EPSILON)
            return TRUE;
        }
    }

  return FALSE;
}

/* Whether every column keeps MIN_LINES lines on each side of @cut (or all
 * of its lines on one side, when it has few). */
static gboolean
cut_keeps_lines (OtBlock *block,
                 double   from,
                 double   cut)
{
  for (guint i = 0; i < block->cells->len; i++)
    {
      OtCell *cell = g_ptr_array_index (block->cells, i);
      guint before = 0, after = 0;

      for (guint j = 0; j < cell->lines->len; j++)
        {
          OtLine *line = &g_array_index (cell->lines, OtLine, j);

          if (line->top >= from - EPSILON && line->bottom <= cut + EPSILON)
            before++;
          else if (line->top >= cut - EPSILON)
            after++;
        }

      if ((before > 0 && before < MIN_LINES && after > 0)
          || (after > 0 && after < MIN_LINES && before > 0))
        return FALSE;
    }

  return TRUE;
}

static gboolean
cut_is_valid (OtBlock  *block,
              double    from,
              double    cut,
              gboolean  strict)
{
  if (cut <= from + EPSILON || cut >= block->height - block->padding - EPSILON)
    return FALSE;
  if (cut_crosses_line (block, cut))
    return FALSE;

  return !strict || cut_keeps_lines (block, from, cut);
}

/* The lowest place between @from and @limit where the block can be cut
 * without cutting through a line, or -1.  A @strict cut also leaves no
 * single line alone at the foot or the head of a page. */
static double
find_cut (OtBlock  *block,
          double    from,
          double    limit,
          gboolean  strict)
{
  double best = -1;

  for (guint i = 0; i < block->cells->len; i++)
    {
      OtCell *cell = g_ptr_array_index (block->cells, i);

      for (guint j = 0; j < cell->lines->len; j++)
        {
          double cut = g_array_index (cell->lines, OtLine, j).bottom;

          if (cut > best && cut <= limit + EPSILON && cut_is_valid (block, from, cut, strict))
            best = cut;
        }
    }

  return best;
}

/* The highest place where the block can be cut strictly, or its height
 * when it cannot be cut. */
static double
first_cut (OtBlock *block)
{
  double first = block->height;

  for (guint i = 0; i < block->cells->len; i++)
    {
      OtCell *cell = g_ptr_array_index (block->cells, i);

      for (guint j = 0; j < cell->lines->len; j++)
        {
          double cut = g_array_index (cell->lines, OtLine, j).bottom;

          if (cut < first && cut_is_valid (block, 0, cut, TRUE))
            first = cut;
        }
    }

  return first;
}

/* How much of a block must fit before it may start on a page: all of it,
 * or its first lines when it can break, and what it keeps with it. */
static double
lead_height (OtFlow *flow,
             guint   index)
{
  OtBlock *block = g_ptr_array_index (flow->blocks, index);
  double lead = first_cut (block);

  if (block->keep_with_next && index + 1 < flow->blocks->len)
    {
      OtBlock *next = g_ptr_array_index (flow->blocks, index + 1);

      lead += block->space_after + next->space_before + lead_height (flow, index + 1);
    }

  return lead;
}

typedef struct
{
  OtFlow *flow;
  GArray *page;
  double  y;
} Pager;

static void
place (Pager   *pager,
       OtBlock *block,
       double   from,
       double   to)
{
  OtPiece piece = { block, pager->y, from, to };

  g_array_append_val (pager->page, piece);
  pager->y += to - from;
}

static void
new_page (Pager   *pager,
          OtBlock *continuing)
{
  OtBlock *header = continuing ? continuing->header : NULL;

  pager->page = g_array_new (FALSE, FALSE, sizeof (OtPiece));
  g_ptr_array_add (pager->flow->pages, pager->page);
  pager->y = pager->flow->body.y;

  if (header != NULL && header != continuing
      && header->height <= pager->flow->body.height * MAX_REPEATED_HEADER)
    place (pager, header, 0, header->height);
}

void
ot_flow_paginate (OtFlow       *flow,
                  const OtRect *body)
{
  double bottom = body->y + body->height;
  Pager pager = { flow, NULL, 0 };
  gboolean flowing = FALSE;

  flow->body = *body;
  g_ptr_array_set_size (flow->pages, 0);
  new_page (&pager, NULL);

  for (guint i = 0; i < flow->blocks->len; i++)
    {
      OtBlock *block = g_ptr_array_index (flow->blocks, i);
      gboolean fresh = pager.page->len == 0;
      double chain = lead_height (flow, i);
      double lead = flowing ? first_cut (block) : MIN (chain, body->height);
      double from = 0;

      /* Blocks kept together that are taller than a page start on a page
       * of their own, then flow on as they fit. */
      flowing = block->keep_with_next && (flowing || chain > body->height + EPSILON);

      if (!fresh)
        pager.y += block->space_before;

      if (!fresh && (block->break_before || pager.y + lead > bottom + EPSILON))
        {
          new_page (&pager, block);
          fresh = TRUE;
        }

      /* Each page started here gets part of the block: at the top of a
       * page the block is cut where it must, and a repeated header leaves
       * most of the page free.  So the pages a block takes are bounded by
       * its height, however tall it is. */
      for (; from < block->height - EPSILON; fresh = TRUE)
        {
          double room = bottom - pager.y;
          double cut;

          if (block->height - from <= room + EPSILON)
            {
              place (&pager, block, from, block->height);
              break;
            }

          cut = find_cut (block, from, from + room, TRUE);
          /* A block taller than a page breaks wherever it can, even
           * through a line taller than the page. */
          if (cut < 0 && fresh)
            cut = find_cut (block, from, from + room, FALSE);
          if (cut < 0 && fresh)
            cut = from + room;

          if (cut > 0)
            {
              place (&pager, block, from, cut);
              from = cut;
            }
          new_page (&pager, block);
        }

      pager.y += block->space_after;
    }
}

guint
ot_flow_get_n_pages (OtFlow *flow)
{
  return flow->pages->len;
}

static gboolean
line_in_piece (const OtLine  *line,
               const OtPiece *piece)
{
  return line->top >= piece->from - EPSILON && line->bottom <= piece->to + EPSILON;
}

static void
draw_decoration (OtFlow        *flow,
                 cairo_t       *cr,
                 const OtPiece *piece)
{
  OtBlock *block = piece->block;
  double left = flow->body.x;
  double height = piece->to - piece->from;

  if (block->decoration & OT_BLOCK_SHADED)
    {
      cairo_save (cr);
      cairo_rectangle (cr, left, piece->y, flow->width, height);
      cairo_set_source_rgba (cr, 0, 0, 0, 0.07);
      cairo_fill (cr);
      cairo_restore (cr);
    }

  if (block->decoration & (OT_BLOCK_RULE_BELOW | OT_BLOCK_RULE_ABOVE))
    {
      cairo_save (cr);
      ot_style_set_source (cr, &flow->style->grid);
      cairo_set_line_width (cr, flow->style->line_width);
      if (block->decoration & OT_BLOCK_RULE_ABOVE)
        {
          cairo_move_to (cr, left, piece->y);
          cairo_rel_line_to (cr, flow->width, 0);
        }
      if (block->decoration & OT_BLOCK_RULE_BELOW)
        {
          cairo_move_to (cr, left, piece->y + height);
          cairo_rel_line_to (cr, flow->width, 0);
        }
      cairo_stroke (cr);
      cairo_restore (cr);
    }
}

/* Links are tagged so that a PDF reader can follow them; other surfaces
 * ignore the tags. */
static void
begin_link (cairo_t    *cr,
            const char *uri)
{
  GString *attributes = g_string_new ("uri='");

  for (const char *p = uri; *p; p++)
    {
      if (*p == '\'' || *p == '\\')
        g_string_append_c (attributes, '\\');
      g_string_append_c (attributes, *p);
    }
  g_string_append_c (attributes, '\'');
  cairo_tag_begin (cr, CAIRO_TAG_LINK, attributes->str);
  g_string_free (attributes, TRUE);
}

/* The structure tags of a block: the group it belongs to ("Table", "L"
 * or none), its own tag, and its cells' tags (none for one cell). */
typedef struct
{
  const char *group;
  const char *block;
  gboolean    tag_cells;
} BlockTags;

static void
get_block_tags (const OtBlock *block,
                BlockTags     *tags)
{
  OtTextStyle style = block->cells->len > 0 ? ((OtCell *) g_ptr_array_index (block->cells, 0))->style
                                            : OT_TEXT_BODY;

  *tags = (BlockTags) { NULL, "P", FALSE };
  if (block->draw != NULL)
    tags->block = "Figure";
  else if (block->role == OT_BLOCK_ROLE_LIST_ITEM)
    *tags = (BlockTags) { "L", "LI", TRUE };
  else if (block->cells->len > 1)
    *tags = (BlockTags) { "Table", "TR", TRUE };
  else if (style == OT_TEXT_TITLE)
    tags->block = "H1";
  else if (style == OT_TEXT_HEADING)
    tags->block = "H2";
  else if (style == OT_TEXT_SUBHEADING)
    tags->block = "H3";
}

static const char *
get_cell_tag (const OtBlock *block,
              guint          c)
{
  const OtCell *cell = g_ptr_array_index (block->cells, c);

  if (block->role == OT_BLOCK_ROLE_LIST_ITEM)
    return c == 0 ? "Lbl" : "LBody";
  return cell->style == OT_TEXT_TABLE_HEAD ? "TH" : "TD";
}

static void
draw_cell (OtFlow        *flow,
           cairo_t       *cr,
           const OtPiece *piece,
           const OtCell  *cell)
{
  if (cell->link != NULL)
    begin_link (cr, cell->link);
  ot_style_set_source (cr, cell->color);
  for (guint l = 0; l < cell->lines->len; l++)
    {
      const OtLine *line = &g_array_index (cell->lines, OtLine, l);

      if (!line_in_piece (line, piece))
        continue;
      cairo_move_to (cr, flow->body.x + cell->x + line->x,
                     piece->y + line->baseline - piece->from);
      pango_cairo_show_layout_line (cr, pango_layout_get_line_readonly (cell->layout, (int) l));
    }
  if (cell->link != NULL)
    cairo_tag_end (cr, CAIRO_TAG_LINK);
}

/* Each piece is tagged with what it is (headings, paragraphs, lists,
 * tables, figures), so that a PDF is tagged and a screen reader reads it
 * in order; rules and shading stay outside the tags, as decoration.
 * Other surfaces ignore the tags. */
void
ot_flow_draw_page (OtFlow  *flow,
                   cairo_t *cr,
                   guint    page_nr)
{
  const char *group = NULL;
  GArray *page;

  g_return_if_fail (page_nr < flow->pages->len);

  page = g_ptr_array_index (flow->pages, page_nr);
  for (guint p = 0; p < page->len; p++)
    {
      const OtPiece *piece = &g_array_index (page, OtPiece, p);
      BlockTags tags;

      draw_decoration (flow, cr, piece);

      get_block_tags (piece->block, &tags);
      if (g_strcmp0 (group, tags.group) != 0)
        {
          if (group != NULL)
            cairo_tag_end (cr, group);
          group = tags.group;
          if (group != NULL)
            cairo_tag_begin (cr, group, NULL);
        }
      cairo_tag_begin (cr, tags.block, NULL);

      if (piece->block->draw != NULL)
        {
          cairo_save (cr);
          cairo_translate (cr, flow->body.x, piece->y - piece->from);
          cairo_rectangle (cr, 0, piece->from, flow->width, piece->to - piece->from);
          cairo_clip (cr);
          piece->block->draw (cr, flow->width, piece->block->draw_data);
          cairo_restore (cr);
        }

      for (guint c = 0; c < piece->block->cells->len; c++)
        {
          if (tags.tag_cells)
            cairo_tag_begin (cr, get_cell_tag (piece->block, c), NULL);
          draw_cell (flow, cr, piece, g_ptr_array_index (piece->block->cells, c));
          if (tags.tag_cells)
            cairo_tag_end (cr, get_cell_tag (piece->block, c));
        }

      cairo_tag_end (cr, tags.block);
    }

  if (group != NULL)
    cairo_tag_end (cr, group);
}

/* The boxes that the text of @page takes, one per column of each piece,
 * for the tests that check nothing overlaps or leaves the page. */
void
ot_flow_collect_boxes (OtFlow *flow,
                       guint   page_nr,
                       GArray *boxes)
{
  GArray *page = g_ptr_array_index (flow->pages, page_nr);

  for (guint p = 0; p < page->len; p++)
    {
      const OtPiece *piece = &g_array_index (page, OtPiece, p);

      /* A picture covers its part of the block on this page. */
      if (piece->block->draw != NULL)
        {
          OtRect box = { flow->body.x, piece->y, flow->width, piece->to - piece->from };

          g_array_append_val (boxes, box);
        }

      for (guint c = 0; c < piece->block->cells->len; c++)
        {
          OtCell *cell = g_ptr_array_index (piece->block->cells, c);
          double x0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y0 = G_MAXDOUBLE, y1 = -G_MAXDOUBLE;
          OtRect box;

          for (guint l = 0; l < cell->lines->len; l++)
            {
              const OtLine *line = &g_array_index (cell->lines, OtLine, l);

              if (!line_in_piece (line, piece))
                continue;
              x0 = MIN (x0, cell->x + line->x);
              x1 = MAX (x1, cell->x + line->x + line->width);
              y0 = MIN (y0, line->top);
              y1 = MAX (y1, line->bottom);
            }
          if (x1 < x0)
            continue;

          box.x = flow->body.x + x0;
          box.y = piece->y + y0 - piece->from;
          box.width = x1 - x0;
          box.height = y1 - y0;
          g_array_append_val (boxes, box);
        }
    }
}

/* The headings that start on @page, with where they start, for the PDF
 * outline. */
void
ot_flow_collect_outline (OtFlow    *flow,
                         guint      page_nr,
                         GPtrArray *titles,
                         GArray    *tops)
{
  GArray *page = g_ptr_array_index (flow->pages, page_nr);

  for (guint p = 0; p < page->len; p++)
    {
      const OtPiece *piece = &g_array_index (page, OtPiece, p);

      if (piece->block->outline != NULL && piece->from == 0)
        {
          g_ptr_array_add (titles, piece->block->outline);
          g_array_append_val (tops, piece->y);
        }
    }
}

void
ot_layout_draw (cairo_t     *cr,
                PangoLayout *layout,
                double       x,
                double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

void
ot_layout_get_box (PangoLayout *layout,
                   double       x,
                   double       y,
                   OtRect      *box)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  box->x = x + (double) logical.x / PANGO_SCALE;
  box->y = y + (double) logical.y / PANGO_SCALE;
  box->width = (double) logical.width / PANGO_SCALE;
  box->height = (double) logical.height / PANGO_SCALE;
}
