/* ot-summary.c: the summary for the visit, laid out into pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ot-summary"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ot-summary-private.h"

/* Margins in points: three quarters of an inch, with the footer in the
 * bottom margin. */
#define MARGIN        54.0
#define HANDOUT_MARGIN 36.0   /* half an inch: the hand-out keeps to two pages */
#define FOOTER_TOP    30.0    /* from the bottom edge of the page */

/* The hand-out keeps to two pages.  When its words run onto a third (a
 * Spanish hand-out takes about a tenth more room than the English one),
 * its type gets smaller in steps, to nine tenths at the least (body text
 * 9 pt), and stays as it was if even that does not fit. */
#define HANDOUT_PAGES    2
#define HANDOUT_FIT_STEP 0.05
#define HANDOUT_SMALLEST 0.9
#define MIN_BODY      144.0

struct _OtSummary
{
  GObject     parent_instance;

  double      page_width;
  double      page_height;
  GDateTime  *date;
  char       *title;
  OtFlow     *flow;
  OtRect      body;
  double      text_scale;
};

G_DEFINE_FINAL_TYPE (OtSummary, ot_summary, G_TYPE_OBJECT)

/* The footer's top, from the bottom edge: its type grows in large print. */
static double
footer_top (OtSummary *self)
{
  return FOOTER_TOP * self->text_scale;
}

/* Helpers for the sections */

/* Pango shapes the rest of a word again at each line it breaks inside
 * it: 20,000 characters without a space took most of a second.  A break
 * opportunity that shows nothing (U+200B), after every so many
 * characters of such a run and never before a mark, keeps that work in
 * proportion to the text; words and addresses are far shorter. */
#define MAX_RUN 200

char *
ot_summary_escape (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text ? text : "", -1);
  g_autoptr(GString) broken = g_string_sized_new (strlen (valid));
  guint run = 0;

  for (const char *p = valid; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        run = 0;
      else if (++run > MAX_RUN && !g_unichar_ismark (c))
        {
          g_string_append_unichar (broken, 0x200B);
          run = 1;
        }
      g_string_append_len (broken, p, g_utf8_next_char (p) - p);
    }

  return g_markup_escape_text (broken->str, broken->len);
}

/* " [3, 7]": the numbers of @sources in the list at the end, which they
 * join the first time they are cited. */
char *
ot_summary_cite (OtSummaryBuilder   *builder,
                 const char * const *sources)
{
  g_autoptr(GString) numbers = g_string_new (NULL);

  if (sources == NULL || sources[0] == NULL)
    return g_strdup ("");

  for (guint i = 0; sources[i]; i++)
    {
      const OtSource *source = ot_content_find_source (builder->content, sources[i]);
      guint number;

      if (source == NULL)
        continue;

      number = GPOINTER_TO_UINT (g_hash_table_lookup (builder->numbers, source->id));
      if (number == 0)
        {
          g_ptr_array_add (builder->cited, (gpointer) source);
          number = builder->cited->len;
          g_hash_table_insert (builder->numbers, (gpointer) source->id, GUINT_TO_POINTER (number));
        }
      g_string_append_printf (numbers, "%s%u", numbers->len ? ", " : "", number);
    }

  if (numbers->len == 0)
    return g_strdup ("");

  return g_strdup_printf (" <span size=\"smaller\" fgalpha=\"72%%\">[%s]</span>", numbers->str);
}

char *
ot_summary_format_date (GDateTime *date)
{
  /* Translators: how a full date is written, see g_date_time_format(). */
  return g_date_time_format (date, C_("full date", "%-d %B %Y"));
}

char *
ot_summary_format_gdate (const GDate *date)
{
  g_autoptr(GDateTime) time = NULL;

  if (date == NULL || !g_date_valid (date))
    return NULL;

  time = g_date_time_new_utc (g_date_get_year (date), g_date_get_month (date),
                              g_date_get_day (date), 0, 0, 0);
  return time ? ot_summary_format_date (time) : NULL;
}

/* "Publisher. <i>Title</i>. Seen 28 November 2026." */
char *
ot_summary_format_source (const OtSource *source)
{
  g_autofree char *seen_text = NULL;
  g_autofree char *seen_line = NULL;
  int year, month, day;

  /* Sources give the day they were seen as YYYY-MM-DD. */
  if (sscanf (source->seen, "%d-%d-%d", &year, &month, &day) == 3
      && g_date_valid_dmy (day, month, year))
    {
      g_autoptr(GDate) seen = g_date_new_dmy (day, month, year);

      seen_text = ot_summary_format_gdate (seen);
    }
  seen_line = g_strdup_printf (_("Seen %s."), seen_text ? seen_text : source->seen);
  return g_markup_printf_escaped ("%s. <i>%s</i>. %s", source->publisher, source->title, seen_line);
}

OtBlock *
ot_summary_heading (OtSummaryBuilder *builder,
                    const char       *title)
{
  g_autofree char *markup = ot_summary_escape (title);
  OtBlock *block = ot_flow_add_text (builder->flow, OT_TEXT_HEADING, 0, markup);

  ot_block_set_outline (block, title);
  ot_block_set_decoration (block, OT_BLOCK_RULE_BELOW);
  ot_block_set_padding (block, 2);
  return block;
}

OtBlock *
ot_summary_subheading (OtSummaryBuilder *builder,
                       const char       *title)
{
  g_autofree char *markup = ot_summary_escape (title);

  return ot_flow_add_text (builder->flow, OT_TEXT_SUBHEADING, 0, markup);
}

OtBlock *
ot_summary_para (OtSummaryBuilder *builder,
                 OtTextStyle       style,
                 const char       *markup)
{
  return ot_flow_add_text (builder->flow, style, 0, markup);
}

OtBlock *
ot_summary_pair (OtSummaryBuilder *builder,
                 const char       *label,
                 const char       *markup)
{
  g_autofree char *label_markup = ot_summary_escape (label);
  double x = OT_SUMMARY_LABEL_WIDTH + OT_SUMMARY_GUTTER;
  OtCellSpec cells[] = {
    { label_markup, OT_TEXT_STRONG, 0, OT_SUMMARY_LABEL_WIDTH, NULL },
    { markup, OT_TEXT_BODY, x, builder->width - x, NULL },
  };

  return ot_flow_add_row (builder->flow, cells, G_N_ELEMENTS (cells));
}

/* A table's header row: shaded, and kept with the first row under it. */
OtBlock *
ot_summary_table_header (OtSummaryBuilder *builder,
                         const OtCellSpec *cells,
                         guint             n_cells)
{
  OtBlock *block = ot_flow_add_row (builder->flow, cells, n_cells);

  ot_block_set_padding (block, 3);
  ot_block_set_spacing (block, 6, 0);
  ot_block_set_decoration (block, OT_BLOCK_SHADED);
  ot_block_set_keep_with_next (block, TRUE);
  return block;
}

/* A row of the table @header heads (drawn again at the top of a page
 * the table goes on to), with a hairline under it. */
OtBlock *
ot_summary_table_row (OtSummaryBuilder *builder,
                      OtBlock          *header,
                      const OtCellSpec *cells,
                      guint             n_cells)
{
  OtBlock *block = ot_flow_add_row (builder->flow, cells, n_cells);

  ot_block_set_header (block, header);
  ot_block_set_padding (block, 3);
  ot_block_set_spacing (block, 0, 0);
  ot_block_set_decoration (block, OT_BLOCK_RULE_BELOW);
  return block;
}

/* A list item: a marker (a number, a box to tick, a star) hanging in the
 * margin of the text. */
OtBlock *
ot_summary_item (OtSummaryBuilder *builder,
                 const char       *marker,
                 const char       *markup)
{
  OtCellSpec cells[] = {
    { marker, OT_TEXT_BODY, 0, 18, NULL },
    { markup, OT_TEXT_BODY, 20, builder->width - 20, NULL },
  };
  OtBlock *block = ot_flow_add_row (builder->flow, cells, G_N_ELEMENTS (cells));

  ot_block_set_role (block, OT_BLOCK_ROLE_LIST_ITEM);
  ot_block_set_spacing (block, 0, 4);
  return block;
}

/* The summary */

static void
ot_summary_finalize (GObject *object)
{
  OtSummary *self = OT_SUMMARY (object);

  g_clear_pointer (&self->flow, ot_flow_free);
  g_clear_pointer (&self->date, g_date_time_unref);
  g_free (self->title);

  G_OBJECT_CLASS (ot_summary_parent_class)->finalize (object);
}

static void
ot_summary_class_init (OtSummaryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ot_summary_finalize;
}

static void
ot_summary_init (OtSummary *self)
{
}

typedef void (*BuildFunc) (OtSummaryBuilder *builder);

/* Lays out what @build adds into the pages of @self, with type of
 * @text_scale, into a flow of its own. */
static OtFlow *
lay_out (OtSummary      *self,
         OtContent      *content,
         OtWorksheet    *worksheet,
         BuildFunc       build,
         OtSummaryFlags  flags,
         double          text_scale)
{
  OtSummaryBuilder builder = { 0 };

  builder.content = content;
  builder.worksheet = worksheet;
  builder.flow = ot_flow_new (ot_style_get (OT_STYLE_PRINT), self->body.width);
  if (flags & OT_SUMMARY_OWN_FONTS)
    ot_flow_use_own_fonts (builder.flow);
  builder.width = self->body.width;
  builder.height = self->body.height;
  builder.date = self->date;
  builder.numbers = g_hash_table_new (g_str_hash, g_str_equal);
  builder.cited = g_ptr_array_new ();
  builder.flags = flags;
  ot_flow_set_text_scale (builder.flow, text_scale);

  build (&builder);
  ot_flow_paginate (builder.flow, &self->body);

  g_hash_table_unref (builder.numbers);
  g_ptr_array_unref (builder.cited);

  return builder.flow;
}

static OtSummary *
summary_new (OtContent   *content,
             OtWorksheet *worksheet,
             const char  *title,
             BuildFunc    build,
             double       page_width,
             double       page_height,
             GDateTime   *date,
             OtSummaryFlags flags)
{
  OtSummary *self;
  double margin_x, margin_top, margin_bottom;
  double margin = (flags & OT_SUMMARY_FULL) ? MARGIN : HANDOUT_MARGIN;

  self = g_object_new (OT_TYPE_SUMMARY, NULL);
  self->page_width = page_width;
  self->page_height = page_height;
  self->date = date ? g_date_time_ref (date) : g_date_time_new_now_local ();
  self->title = g_strdup (title);
  self->text_scale = (flags & OT_SUMMARY_LARGE_PRINT) ? OT_SUMMARY_LARGE_PRINT_SCALE : 1.0;

  /* On a very small page the margins shrink before the text does. */
  margin_x = MIN (margin, MAX (OT_SUMMARY_PRINTABLE_INSET, (page_width - 2 * MIN_BODY) / 2));
  margin_top = MIN (margin, MAX (OT_SUMMARY_PRINTABLE_INSET, (page_height - 2 * MIN_BODY) / 2));
  margin_bottom = MAX (margin_top, footer_top (self) + 6);
  self->body.x = margin_x;
  self->body.y = margin_top;
  self->body.width = page_width - 2 * margin_x;
  self->body.height = page_height - margin_top - margin_bottom;

  self->flow = lay_out (self, content, worksheet, build, flags, self->text_scale);

  /* Only a hand-out a little over its pages is tried smaller: a longer
   * one would not fit at any size it is still read at. */
  if (!(flags & (OT_SUMMARY_FULL | OT_SUMMARY_LARGE_PRINT))
      && ot_flow_get_n_pages (self->flow) == HANDOUT_PAGES + 1)
    {
      guint n_steps = (guint) round ((1.0 - HANDOUT_SMALLEST) / HANDOUT_FIT_STEP);

      /* The footer keeps its size (self->text_scale). */
      for (guint step = 1; step <= n_steps; step++)
        {
          OtFlow *smaller = lay_out (self, content, worksheet, build, flags, 1.0 - step * HANDOUT_FIT_STEP);

          if (ot_flow_get_n_pages (smaller) <= HANDOUT_PAGES)
            {
              ot_flow_free (self->flow);
              self->flow = smaller;
              break;
            }
          ot_flow_free (smaller);
        }
    }

  return self;
}

/**
 * ot_summary_new_with_flags:
 * @date: (nullable): the day the summary is made; now when %NULL
 *
 * Lays out what @worksheet holds now into pages of the given size, in
 * points: the short hand-out (the options at a glance, then what matters
 * to the person), or with %OT_SUMMARY_FULL everything.  Later changes to
 * the worksheet need a new summary.
 */
OtSummary *
ot_summary_new_with_flags (OtContent      *content,
                           OtWorksheet    *worksheet,
                           double          page_width,
                           double          page_height,
                           GDateTime      *date,
                           OtSummaryFlags  flags)
{
  g_return_val_if_fail (content != NULL, NULL);
  g_return_val_if_fail (OT_IS_WORKSHEET (worksheet), NULL);
  g_return_val_if_fail (page_width > 0 && page_height > 0, NULL);

  return summary_new (content, worksheet, _("Summary for the visit"), ot_summary_build_sections,
                      page_width, page_height, date, flags);
}

/**
 * ot_summary_new:
 *
 * The short hand-out in the usual type: see ot_summary_new_with_flags().
 */
OtSummary *
ot_summary_new (OtContent   *content,
                OtWorksheet *worksheet,
                double       page_width,
                double       page_height,
                GDateTime   *date)
{
  return ot_summary_new_with_flags (content, worksheet, page_width, page_height, date, 0);
}

/**
 * ot_summary_new_review_sheet:
 * @date: (nullable): the day the sheet is made; now when %NULL
 *
 * Lays out the review sheet of @content: every statement and number of
 * the pack with its sources and a box to tick, on the same pages, with
 * the same footer and outline, as the summary.
 */
OtSummary *
ot_summary_new_review_sheet (OtContent *content,
                             double     page_width,
                             double     page_height,
                             GDateTime *date)
{
  g_return_val_if_fail (content != NULL, NULL);
  g_return_val_if_fail (page_width > 0 && page_height > 0, NULL);

  return summary_new (content, NULL, _("Review sheet of the content pack"), ot_review_sheet_build,
                      page_width, page_height, date, OT_SUMMARY_FULL);
}

double
ot_summary_get_page_width (OtSummary *self)
{
  g_return_val_if_fail (OT_IS_SUMMARY (self), 0);

  return self->page_width;
}

double
ot_summary_get_page_height (OtSummary *self)
{
  g_return_val_if_fail (OT_IS_SUMMARY (self), 0);

  return self->page_height;
}

guint
ot_summary_get_n_pages (OtSummary *self)
{
  g_return_val_if_fail (OT_IS_SUMMARY (self), 0);

  return ot_flow_get_n_pages (self->flow);
}

const char *
ot_summary_get_title (OtSummary *self)
{
  g_return_val_if_fail (OT_IS_SUMMARY (self), NULL);

  return self->title;
}

GDateTime *
ot_summary_get_date (OtSummary *self)
{
  g_return_val_if_fail (OT_IS_SUMMARY (self), NULL);

  return self->date;
}

void
ot_summary_get_body (OtSummary *self,
                     OtRect    *body)
{
  g_return_if_fail (OT_IS_SUMMARY (self));

  *body = self->body;
}

typedef struct
{
  PangoLayout *left;
  PangoLayout *right;
  double       left_x;
  double       right_x;
  double       y;
} Footer;

/* "Summary for the visit, 3 March 2026" on the left and "Page 2 of 5" on
 * the right, so loose printed pages find their order again. */
static void
footer_init (OtSummary *self,
             guint      page,
             Footer    *footer)
{
  g_autofree char *date = ot_summary_format_date (self->date);
  g_autofree char *left = g_strdup_printf (_("%s, %s"), self->title, date);
  g_autofree char *right = g_strdup_printf (_("Page %u of %u"), page + 1, ot_summary_get_n_pages (self));
  g_autofree char *left_markup = ot_summary_escape (left);
  g_autofree char *right_markup = ot_summary_escape (right);
  double width = self->body.width / 2 - OT_SUMMARY_GUTTER;
  PangoRectangle logical;

  footer->left = ot_flow_create_layout (self->flow, OT_TEXT_FOOTER, width, left_markup);
  footer->right = ot_flow_create_layout (self->flow, OT_TEXT_FOOTER, width, right_markup);
  pango_layout_get_extents (footer->right, NULL, &logical);
  footer->left_x = self->body.x;
  footer->right_x = self->body.x + self->body.width - (double) logical.width / PANGO_SCALE - logical.x / PANGO_SCALE;
  footer->y = self->page_height - footer_top (self);
}

static void
footer_clear (Footer *footer)
{
  g_object_unref (footer->left);
  g_object_unref (footer->right);
}

/**
 * ot_summary_draw_page:
 * @cr: a context whose unit is the point, with the page at (0, 0)
 *
 * Draws page @page (from 0) on any surface: PDF, printer or screen.
 */
void
ot_summary_draw_page (OtSummary *self,
                      cairo_t   *cr,
                      guint      page)
{
  const OtStyle *style = ot_style_get (OT_STYLE_PRINT);
  Footer footer;

  g_return_if_fail (OT_IS_SUMMARY (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < ot_summary_get_n_pages (self));

  cairo_save (cr);
  ot_flow_draw_page (self->flow, cr, page);

  footer_init (self, page, &footer);
  ot_style_set_source (cr, &style->secondary);
  ot_layout_draw (cr, footer.left, footer.left_x, footer.y);
  ot_layout_draw (cr, footer.right, footer.right_x, footer.y);
  footer_clear (&footer);
  cairo_restore (cr);
}

/**
 * ot_summary_get_boxes:
 *
 * Returns: (transfer full): the rectangles, in points, that the text of
 * @page covers, footer included.
 */
GArray *
ot_summary_get_boxes (OtSummary *self,
                      guint      page)
{
  GArray *boxes;
  Footer footer;
  OtRect box;

  g_return_val_if_fail (OT_IS_SUMMARY (self), NULL);
  g_return_val_if_fail (page < ot_summary_get_n_pages (self), NULL);

  boxes = g_array_new (FALSE, FALSE, sizeof (OtRect));
  ot_flow_collect_boxes (self->flow, page, boxes);

  footer_init (self, page, &footer);
  ot_layout_get_box (footer.left, footer.left_x, footer.y, &box);
  g_array_append_val (boxes, box);
  ot_layout_get_box (footer.right, footer.right_x, footer.y, &box);
  g_array_append_val (boxes, box);
  footer_clear (&footer);

  return boxes;
}

/**
 * ot_summary_get_outline:
 * @titles: (element-type utf8): gets the section titles that start on @page
 * @tops: (element-type double): gets where each starts, in points from the top
 */
void
ot_summary_get_outline (OtSummary *self,
                        guint      page,
                        GPtrArray *titles,
                        GArray    *tops)
{
  g_return_if_fail (OT_IS_SUMMARY (self));
  g_return_if_fail (page < ot_summary_get_n_pages (self));

  ot_flow_collect_outline (self->flow, page, titles, tops);
}

/**
 * ot_summary_describe_page:
 *
 * Returns: what a screen reader says for a page of the preview: its
 * number and the sections that start on it.
 */
char *
ot_summary_describe_page (OtSummary *self,
                          guint      page)
{
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();
  g_autoptr(GArray) tops = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *number = NULL;
  g_autofree char *joined = NULL;

  g_return_val_if_fail (OT_IS_SUMMARY (self), NULL);
  g_return_val_if_fail (page < ot_summary_get_n_pages (self), NULL);

  number = g_strdup_printf (_("Page %u of %u"), page + 1, ot_summary_get_n_pages (self));
  ot_flow_collect_outline (self->flow, page, titles, tops);
  if (titles->len == 0)
    return g_steal_pointer (&number);

  g_ptr_array_add (titles, NULL);
  joined = g_strjoinv (", ", (char **) titles->pdata);
  /* Translators: "Page 2 of 5: Options compared, Side effects compared" */
  return g_strdup_printf (_("%s: %s"), number, joined);
}
