/* ot-summary-effects.c: the side effects of the compared treatments
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ot-summary"

#include "config.h"

#include <glib/gi18n.h>

#include "ot-chart.h"
#include "ot-summary-private.h"

/* Treatments side by side in one table; more make further tables, so the
 * columns stay wide enough to read on paper. */
#define TREATMENTS_PER_TABLE 3
#define TREATMENTS_PER_CHART 2
#define CHART_TEXT_SCALE     0.9
#define NAME_WIDTH           118.0
#define CELL_PADDING         4.0

typedef struct
{
  OtSummaryBuilder  *builder;
  GHashTable        *letters;   /* note text → its letter, "A", "B", … */
  GPtrArray         *notes;     /* of const char *, in order of letters */
} Notes;

static char *
letter_for (guint index)
{
  GString *letters = g_string_new (NULL);

  /* A … Z, then AA, AB, … */
  do
    {
      g_string_prepend_c (letters, (char) ('A' + index % 26));
      index = index / 26;
    }
  while (index-- > 0);

  return g_string_free (letters, FALSE);
}

static const char *
note_letter (Notes      *notes,
             const char *note)
{
  const char *letter = g_hash_table_lookup (notes->letters, note);

  if (letter == NULL)
    {
      letter = letter_for (notes->notes->len);
      g_hash_table_insert (notes->letters, (gpointer) note, (gpointer) letter);
      g_ptr_array_add (notes->notes, (gpointer) note);
    }

  return letter;
}

/* The chart's own words for a figure, so paper and screen say the same:
 * the figure in bold, which cases it counts, its range across studies,
 * then the serious share. */
static char *
figure_markup (const OtFrequency *frequency)
{
  g_autofree char *words = NULL;
  g_autofree char *text = NULL;
  char *lines[3];
  g_autoptr(GString) markup = g_string_new (NULL);

  if (frequency == NULL)
    return ot_summary_escape (_("not listed"));

  words = ot_chart_dup_cell_text (frequency);
  text = ot_summary_escape (words);
  g_string_append (markup, frequency->has_figure ? "<b>" : "");
  g_string_append (markup, text);
  g_string_append (markup, frequency->has_figure ? "</b>" : "");

  lines[0] = ot_chart_dup_counts_text (frequency);
  lines[1] = ot_chart_dup_range_text (frequency);
  lines[2] = ot_chart_dup_cell_detail (frequency);
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      g_autofree char *line = lines[i];
      g_autofree char *escaped = line ? ot_summary_escape (line) : NULL;

      if (escaped != NULL)
        g_string_append_printf (markup, "\n%s", escaped);
    }

  return g_string_free (g_steal_pointer (&markup), FALSE);
}

static char *
cell_markup (Notes             *notes,
             const OtFrequency *frequency)
{
  g_autofree char *figure = figure_markup (frequency);
  g_autofree char *cite = NULL;
  g_autofree char *note = NULL;

  if (frequency == NULL)
    return g_steal_pointer (&figure);

  cite = ot_summary_cite (notes->builder, frequency->sources);
  if (frequency->note != NULL)
    {
      /* Translators: points to a note under the table */
      g_autofree char *pointer = g_strdup_printf (_("note %s"), note_letter (notes, frequency->note));

      note = g_markup_printf_escaped ("\n<span size=\"smaller\" fgalpha=\"72%%\">%s</span>", pointer);
    }

  return g_strconcat (figure, note ? note : "\n", cite, NULL);
}

static gboolean
effect_has_entry (OtContent          *content,
                  const OtSideEffect *effect,
                  const OtTreatment **treatments,
                  guint               n_treatments)
{
  for (guint i = 0; i < n_treatments; i++)
    if (ot_content_find_frequency (content, treatments[i]->id, effect->id) != NULL)
      return TRUE;

  return FALSE;
}

/* A row of the table: @markups' first in the effect's column, then one in
 * each treatment's; with no @header, the header row itself. */
static OtBlock *
add_table_row (OtSummaryBuilder *builder,
               OtBlock          *header,
               GPtrArray        *markups,
               double            column)
{
  OtTextStyle style = header != NULL ? OT_TEXT_TABLE : OT_TEXT_TABLE_HEAD;
  OtCellSpec cells[TREATMENTS_PER_TABLE + 1];

  g_assert (markups->len <= G_N_ELEMENTS (cells));
  cells[0] = (OtCellSpec) { markups->pdata[0], style, CELL_PADDING, NAME_WIDTH - 2 * CELL_PADDING, NULL };
  for (guint i = 1; i < markups->len; i++)
    cells[i] = (OtCellSpec) { markups->pdata[i], style, NAME_WIDTH + (i - 1) * column + CELL_PADDING,
                              column - 2 * CELL_PADDING, NULL };

  if (header == NULL)
    return ot_summary_table_header (builder, cells, markups->len);
  return ot_summary_table_row (builder, header, cells, markups->len);
}

static OtBlock *
add_header (OtSummaryBuilder   *builder,
            const OtTreatment **treatments,
            guint               n_treatments,
            double              column)
{
  g_autoptr(GPtrArray) markups = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (markups, ot_summary_escape (_("Side effect")));
  for (guint i = 0; i < n_treatments; i++)
    g_ptr_array_add (markups, ot_summary_escape (treatments[i]->name));

  return add_table_row (builder, NULL, markups, column);
}

static void
add_row (Notes              *notes,
         OtBlock            *header,
         const OtSideEffect *effect,
         gboolean            avoid,
         const OtTreatment **treatments,
         guint               n_treatments,
         double              column)
{
  OtSummaryBuilder *builder = notes->builder;
  g_autoptr(GPtrArray) markups = g_ptr_array_new_with_free_func (g_free);

  if (avoid)
    g_ptr_array_add (markups, g_markup_printf_escaped ("<b>%s</b>\n<i>%s</i>", effect->name,
                                                       _("I most want to avoid this")));
  else
    g_ptr_array_add (markups, g_markup_printf_escaped ("<b>%s</b>", effect->name));

  for (guint i = 0; i < n_treatments; i++)
    {
      const OtFrequency *frequency = ot_content_find_frequency (builder->content, treatments[i]->id, effect->id);

      g_ptr_array_add (markups, cell_markup (notes, frequency));
    }

  add_table_row (builder, header, markups, column);
}

/* The notes that a table's letters point to: who the figures are about,
 * or why there is none. */
static void
add_notes (Notes *notes,
           guint  first)
{
  for (guint i = first; i < notes->notes->len; i++)
    {
      g_autofree char *letter = g_strdup (g_hash_table_lookup (notes->letters, notes->notes->pdata[i]));
      g_autofree char *text = ot_summary_escape (notes->notes->pdata[i]);
      OtCellSpec cells[] = {
        { letter, OT_TEXT_SMALL, 0, 18, NULL },
        { text, OT_TEXT_SMALL, 20, notes->builder->width - 20, NULL },
      };
      OtBlock *block = ot_flow_add_row (notes->builder->flow, cells, G_N_ELEMENTS (cells));

      ot_block_set_spacing (block, i == first ? 6 : 0, 2);
    }
}

static void
add_table (Notes              *notes,
           const OtTreatment **treatments,
           guint               n_treatments)
{
  OtSummaryBuilder *builder = notes->builder;
  const char * const *avoid = ot_worksheet_get_avoid_effects (builder->worksheet);
  GPtrArray *effects = ot_content_get_side_effects (builder->content);
  double column = (builder->width - NAME_WIDTH) / n_treatments;
  guint first_note = notes->notes->len;
  OtBlock *header = add_header (builder, treatments, n_treatments, column);

  /* What the person most wants to avoid comes first, as in the chart. */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < effects->len; i++)
      {
        const OtSideEffect *effect = g_ptr_array_index (effects, i);
        gboolean is_avoided = g_strv_contains (avoid, effect->id);

        if (is_avoided != (pass == 0))
          continue;
        if (effect_has_entry (builder->content, effect, treatments, n_treatments))
          add_row (notes, header, effect, is_avoided, treatments, n_treatments, column);
      }

  add_notes (notes, first_note);
}

/* The table twin of the side-effect chart: "about N in 100" for each side
 * effect and compared treatment.  The chart, once drawn here, goes above
 * it; the table stays for reading aloud and for black-and-white copies. */
typedef struct
{
  OtChartLayout *layout;
  double         scale;
} ChartDrawing;

static void
chart_drawing_free (gpointer data)
{
  ChartDrawing *drawing = data;

  ot_chart_layout_unref (drawing->layout);
  g_free (drawing);
}

static void
draw_chart (cairo_t  *cr,
            double    width,
            gpointer  data)
{
  ChartDrawing *drawing = data;

  cairo_scale (cr, drawing->scale, drawing->scale);
  ot_chart_draw (cr, drawing->layout, NULL);
}

/* The chart of the window, in its print colours, for @ids.  Laid out wider
 * and drawn smaller when it would crowd the page, so it stays whole; in
 * large print down to no smaller than the usual print's smallest. */
static void
add_chart (OtSummaryBuilder   *builder,
           const char * const *ids)
{
  double smallest = 0.8 / ot_flow_get_text_scale (builder->flow);
  g_autoptr(OtWorksheet) part = ot_worksheet_new ();
  ChartDrawing *drawing = g_new0 (ChartDrawing, 1);
  double limit = builder->height * 0.8;

  /* The chart reads only what is compared and what is most avoided: a
   * copy of the whole worksheet for each chart made the export grow with
   * the square of the list. */
  ot_worksheet_set_avoid_effects (part, ot_worksheet_get_avoid_effects (builder->worksheet));
  ot_worksheet_set_compared_treatments (part, ids);

  for (double scale = 1.0; scale > smallest - 0.01; scale -= 0.1)
    {
      g_clear_pointer (&drawing->layout, ot_chart_layout_unref);
      drawing->scale = scale;
      drawing->layout = ot_chart_layout_new (builder->content, part,
                                             ot_flow_get_context (builder->flow),
                                             ot_style_get (OT_STYLE_PRINT), CHART_TEXT_SCALE,
                                             builder->width / drawing->scale);
      if (ot_chart_layout_get_height (drawing->layout) * drawing->scale <= limit)
        break;
    }

  ot_flow_add_drawing (builder->flow,
                       MIN (ot_chart_layout_get_height (drawing->layout) * drawing->scale, builder->height),
                       draw_chart, drawing, chart_drawing_free);
}

/* Two treatments a chart on paper: four columns of bars do not fit the
 * width of a page at a size that can be read. */
static void
add_charts (OtSummaryBuilder *builder,
            GPtrArray        *treatments)
{
  guint n_charts = (treatments->len + TREATMENTS_PER_CHART - 1) / TREATMENTS_PER_CHART;
  guint per_chart = (treatments->len + n_charts - 1) / n_charts;

  for (guint i = 0; i < treatments->len; i += per_chart)
    {
      const char *ids[TREATMENTS_PER_CHART + 1] = { NULL };

      for (guint j = 0; j < per_chart && i + j < treatments->len; j++)
        ids[j] = ((const OtTreatment *) treatments->pdata[i + j])->id;
      add_chart (builder, ids);
    }
}

void
ot_summary_build_effects (OtSummaryBuilder *builder)
{
  const char * const *ids = ot_worksheet_get_compared_treatments (builder->worksheet);
  g_autoptr(GPtrArray) treatments = g_ptr_array_new ();
  g_autoptr(GHashTable) letters = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GPtrArray) note_list = g_ptr_array_new ();
  Notes notes = { builder, letters, note_list };
  g_autofree char *intro = NULL;
  guint n_tables, per_table;

  ot_summary_heading (builder, _("Side effects compared"));

  for (guint i = 0; ids[i]; i++)
    {
      const OtTreatment *treatment = ot_content_find_treatment (builder->content, ids[i]);

      /* Each once, as in the chart of the window, however often listed. */
      if (treatment != NULL && !g_ptr_array_find (treatments, treatment, NULL))
        g_ptr_array_add (treatments, (gpointer) treatment);
    }

  if (treatments->len == 0)
    {
      intro = ot_summary_escape (_("No treatments were chosen to compare side effects."));
      ot_summary_para (builder, OT_TEXT_BODY, intro);
      return;
    }

  intro = ot_summary_escape (_("How many of 100 people treated get each side effect, and how many get "
                               "it in a serious form (grade 3 or worse). Each figure says which cases "
                               "it counts: all cases, or only the worse ones. The notes under each table "
                               "say which people the figures come from."));
  ot_block_set_keep_with_next (ot_summary_para (builder, OT_TEXT_SMALL, intro), TRUE);
  add_charts (builder, treatments);

  /* Tables of even width: four treatments make two tables of two. */
  n_tables = (treatments->len + TREATMENTS_PER_TABLE - 1) / TREATMENTS_PER_TABLE;
  per_table = (treatments->len + n_tables - 1) / n_tables;
  for (guint i = 0; i < treatments->len; i += per_table)
    add_table (&notes, (const OtTreatment **) treatments->pdata + i,
               MIN (per_table, treatments->len - i));
}
