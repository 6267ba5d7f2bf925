/* ot-summary-grid.c: "My options at a glance", the options side by side
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ot-summary"

#include "config.h"

#include <glib/gi18n.h>

#include "ot-chart-text.h"
#include "ot-fit.h"
#include "ot-icon-array.h"
#include "ot-summary-private.h"

#define MAX_OPTIONS   4
#define MAX_HARMS     3
#define CELL_PAD      3.0
#define ICON_WIDTH    40.0

/* One row of the grid: its title across the page, then a cell per option
 * (with the 100 people of a benefit above its words). */
typedef struct
{
  PangoLayout *title;
  PangoLayout *cells[MAX_OPTIONS];
  double       people[MAX_OPTIONS];   /* in 100 for the picture; < 0: none */
  double       title_height;
  double       height;                /* of the tallest cell */
} GridRow;

typedef struct
{
  const OtStyle *style;
  guint          n_options;
  double         column_width;
  double         icon_width;
  GArray        *rows;                /* of GridRow */
} Grid;

static void
grid_row_clear (gpointer data)
{
  GridRow *row = data;

  g_clear_object (&row->title);
  for (guint i = 0; i < MAX_OPTIONS; i++)
    g_clear_object (&row->cells[i]);
}

static void
grid_free (gpointer data)
{
  Grid *grid = data;

  g_array_unref (grid->rows);
  g_free (grid);
}

static double
layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  if (layout == NULL)
    return 0;
  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.height / PANGO_SCALE;
}

static double
grid_get_height (Grid *grid)
{
  double height = 0;

  for (guint i = 0; i < grid->rows->len; i++)
    {
      const GridRow *row = &g_array_index (grid->rows, GridRow, i);

      height += row->title_height + row->height + 2 * CELL_PAD;
    }
  return height;
}

static void
grid_draw (cairo_t  *cr,
           double    width,
           gpointer  data)
{
  Grid *grid = data;
  double y = 0;

  cairo_save (cr);
  cairo_set_line_width (cr, grid->style->line_width);
  for (guint i = 0; i < grid->rows->len; i++)
    {
      const GridRow *row = &g_array_index (grid->rows, GridRow, i);

      if (row->title != NULL)
        {
          /* The row's name on a light band across every column. */
          ot_style_set_source (cr, &grid->style->grid);
          cairo_rectangle (cr, 0, y, width, row->title_height);
          cairo_fill (cr);
          ot_style_set_source (cr, &grid->style->foreground);
          ot_layout_draw (cr, row->title, CELL_PAD, y + CELL_PAD / 2);
          y += row->title_height;
        }

      for (guint c = 0; c < grid->n_options; c++)
        {
          double x = c * grid->column_width;
          double text_y = y + CELL_PAD;

          if (row->people[c] >= 0)
            {
              cairo_save (cr);
              cairo_translate (cr, x + CELL_PAD, text_y);
              ot_icon_array_draw (cr, grid->style, 0, grid->icon_width, row->people[c], -1);
              cairo_restore (cr);
              text_y += ot_icon_array_get_height (grid->icon_width) + CELL_PAD;
            }
          ot_style_set_source (cr, &grid->style->foreground);
          ot_layout_draw (cr, row->cells[c], x + CELL_PAD, text_y);
          if (c > 0)
            {
              ot_style_set_source (cr, &grid->style->grid);
              cairo_move_to (cr, x, y);
              cairo_line_to (cr, x, y + row->height + 2 * CELL_PAD);
              cairo_stroke (cr);
            }
        }
      y += row->height + 2 * CELL_PAD;
    }
  cairo_restore (cr);
}

/* The first @n sentences of @text: a cell of the grid stays short, and the
 * whole text is in the full summary and on Options. */
static char *
dup_first_sentences (const char *text,
                     guint       n)
{
  const char *p = text;

  for (; *p != '\0'; p++)
    if ((*p == '.' || *p == '?' || *p == '!') && p[1] == ' '
        && (g_ascii_isupper (p[2]) || g_ascii_isdigit (p[2])) && --n == 0)
      return g_strndup (text, p + 1 - text);
  return g_strdup (text);
}

static const OtText *
category_cell (OtSummaryBuilder  *builder,
               const OtTreatment *treatment,
               const char        *row_id)
{
  GPtrArray *rows = ot_content_get_rows (builder->content);

  for (guint i = 0; i < rows->len; i++)
    if (g_str_equal (((OtItem *) rows->pdata[i])->id, row_id))
      return &treatment->category->cells[i];
  return NULL;
}

static char *
sentences_markup (OtSummaryBuilder *builder,
                  const OtText     *text,
                  guint             n)
{
  g_autofree char *sentences = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *cite = NULL;

  if (text == NULL || text->text == NULL)
    return ot_summary_escape (_("Not in the content pack."));
  sentences = dup_first_sentences (text->text, n);
  escaped = ot_summary_escape (sentences);
  cite = ot_summary_cite (builder, text->sources);
  return g_strconcat (escaped, cite, NULL);
}

static char *
fit_markup (OtSummaryBuilder  *builder,
            const OtTreatment *treatment)
{
  const OtFitRule *rule = ot_fit_evaluate (builder->content, builder->worksheet, treatment);
  g_autofree char *label = ot_fit_dup_label (rule);
  g_autofree char *fit = ot_summary_escape (label);
  g_autofree char *reason = dup_first_sentences (rule->reason, 1);
  g_autofree char *escaped = ot_summary_escape (reason);
  g_autofree char *cite = ot_summary_cite (builder, rule->sources);

  return g_strdup_printf ("<b>%s.</b> %s%s", fit, escaped, cite);
}

/* The benefit a picture can show: the first figure of people in 100. */
static char *
benefit_markup (OtSummaryBuilder  *builder,
                const OtTreatment *treatment,
                double            *people)
{
  g_autoptr(GPtrArray) outcomes = ot_fit_outcomes (builder->content, builder->worksheet, treatment);
  const OtOutcome *shown = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *says = NULL;
  g_autofree char *cite = NULL;

  *people = -1;
  for (guint i = 0; i < outcomes->len && shown == NULL; i++)
    if (((OtOutcome *) outcomes->pdata[i])->has_figure && ((OtOutcome *) outcomes->pdata[i])->count >= 0)
      shown = outcomes->pdata[i];
  if (shown == NULL && outcomes->len > 0)
    shown = outcomes->pdata[0];

  if (shown == NULL)
    {
      const OtFitRule *rule = ot_fit_evaluate (builder->content, builder->worksheet, treatment);

      return ot_summary_escape (rule->fit == OT_FIT_NOT_EXPECTED
                                ? _("No figure: not expected to help with these results.")
                                : _("No figure for this situation in our sources."));
    }

  if (shown->has_figure && shown->count >= 0)
    *people = shown->count;
  kind = ot_summary_escape (ot_outcome_kind_to_string (shown->kind));
  says = ot_summary_escape (shown->says);
  cite = ot_summary_cite (builder, shown->sources);
  return g_strdup_printf ("<b>%s.</b> %s%s", kind, says, cite);
}

static gboolean
is_avoided (OtSummaryBuilder   *builder,
            const OtSideEffect *effect)
{
  return g_strv_contains (ot_worksheet_get_avoid_effects (builder->worksheet), effect->id);
}

static int
compare_harms (gconstpointer a,
               gconstpointer b,
               gpointer      data)
{
  const OtFrequency *fa = *(const OtFrequency **) a;
  const OtFrequency *fb = *(const OtFrequency **) b;
  gboolean avoided_a = is_avoided (data, fa->effect);
  gboolean avoided_b = is_avoided (data, fb->effect);
  double count_a = MAX (fa->count, fa->serious);
  double count_b = MAX (fb->count, fb->serious);

  if (avoided_a != avoided_b)
    return avoided_a ? -1 : 1;
  return count_a < count_b ? 1 : count_a > count_b ? -1 : 0;
}

/* The effects the person wants to avoid first, then the most common. */
static char *
harms_markup (OtSummaryBuilder  *builder,
              const OtTreatment *treatment)
{
  GPtrArray *frequencies = ot_content_get_frequencies (builder->content);
  const char * const *avoid = ot_worksheet_get_avoid_effects (builder->worksheet);
  g_autoptr(GPtrArray) harms = g_ptr_array_new ();
  g_autoptr(GString) markup = g_string_new (NULL);
  guint shown = 0;

  for (guint i = 0; i < frequencies->len; i++)
    {
      const OtFrequency *frequency = frequencies->pdata[i];

      if (frequency->treatment == treatment
          && (frequency->has_figure || is_avoided (builder, frequency->effect)))
        g_ptr_array_add (harms, (gpointer) frequency);
    }
  g_ptr_array_sort_with_data (harms, compare_harms, builder);

  /* An avoided effect the pack has no entry for says so too. */
  for (guint i = 0; avoid[i] != NULL && shown < MAX_HARMS; i++)
    {
      const OtSideEffect *effect = ot_content_find_side_effect (builder->content, avoid[i]);

      if (effect != NULL && ot_content_find_frequency (builder->content, treatment->id, effect->id) == NULL)
        {
          g_autofree char *line = g_markup_printf_escaped ("%s★ %s: %s", markup->len ? "\n" : "", effect->name, _("No figure in our sources"));

          g_string_append (markup, line);
          shown++;
        }
    }

  for (guint i = 0; i < harms->len && shown < MAX_HARMS; i++, shown++)
    {
      const OtFrequency *frequency = harms->pdata[i];
      g_autofree char *figure = ot_chart_dup_cell_text (frequency);
      g_autofree char *line = g_markup_printf_escaped ("%s%s: %s", is_avoided (builder, frequency->effect) ? "★ " : "",
                                                       frequency->effect->name, figure);
      g_autofree char *cite = ot_summary_cite (builder, frequency->sources);

      g_string_append_printf (markup, "%s%s%s", markup->len ? "\n" : "", line, cite);
    }

  if (markup->len == 0)
    return ot_summary_escape (_("No figure in our sources"));
  return g_string_free (g_steal_pointer (&markup), FALSE);
}

/* What each of the person's top values is linked to in the pack; values
 * without a link are left out here and named under the grid. */
static char *
values_markup (OtSummaryBuilder  *builder,
               const OtTreatment *treatment,
               GArray            *ranked)
{
  g_autoptr(GString) markup = g_string_new (NULL);

  for (guint i = 0; i < ranked->len; i++)
    {
      const OtRankedValue *value = &g_array_index (ranked, OtRankedValue, i);
      g_autofree char *text = NULL;
      g_autofree char *label = NULL;

      if (!value->top || value->item == NULL || value->item->row == NULL)
        continue;
      text = sentences_markup (builder, category_cell (builder, treatment, value->item->row), 1);
      label = ot_summary_escape (value->text);
      g_string_append_printf (markup, "%s<b>%s:</b> %s", markup->len ? "\n" : "", label, text);
    }
  if (markup->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&markup), FALSE);
}

typedef char *(*CellFunc) (OtSummaryBuilder  *builder,
                           const OtTreatment *treatment);

/* The treatment's own line, then its category's schedule. */
static char *
involves_markup (OtSummaryBuilder  *builder,
                 const OtTreatment *treatment)
{
  const OtText *what = category_cell (builder, treatment, "what");
  g_autofree char *text = ot_summary_escape (treatment->short_text);
  g_autofree char *cite = ot_summary_cite (builder, what ? what->sources : NULL);
  g_autofree char *schedule = sentences_markup (builder, category_cell (builder, treatment, "schedule"), 2);

  return g_strconcat (text, cite, "\n", schedule, NULL);
}

static char *
daily_life_markup (OtSummaryBuilder  *builder,
                   const OtTreatment *treatment)
{
  return sentences_markup (builder, category_cell (builder, treatment, "daily-life"), 1);
}

static char *
name_markup (OtSummaryBuilder  *builder,
             const OtTreatment *treatment)
{
  return g_markup_printf_escaped ("<b>%s</b>", treatment->name);
}

static void
grid_add_row (Grid             *grid,
              OtSummaryBuilder *builder,
              const char       *title,
              char            **cells,
              const double     *people)
{
  GridRow row = { 0 };
  double text_width = grid->column_width - 2 * CELL_PAD;

  if (title != NULL)
    {
      g_autofree char *markup = ot_summary_escape (title);

      row.title = ot_flow_create_layout (builder->flow, OT_TEXT_TABLE_HEAD, builder->width - 2 * CELL_PAD, markup);
      row.title_height = layout_height (row.title) + CELL_PAD;
    }
  for (guint c = 0; c < grid->n_options; c++)
    {
      double height;

      row.cells[c] = ot_flow_create_layout (builder->flow, OT_TEXT_TABLE, text_width, cells[c]);
      row.people[c] = people ? people[c] : -1;
      height = layout_height (row.cells[c]);
      if (row.people[c] >= 0)
        height += ot_icon_array_get_height (grid->icon_width) + CELL_PAD;
      row.height = MAX (row.height, height);
    }
  g_array_append_val (grid->rows, row);
}

static Grid *
grid_new (OtSummaryBuilder   *builder,
          const OtTreatment **options,
          guint               n_options,
          GArray             *ranked)
{
  static const struct { const char *title; CellFunc cell; } rows[] = {
    { NULL, name_markup },
    { N_("How it fits your test results"), fit_markup },
    { N_("What it involves, how often and how long"), involves_markup },
    { N_("Chance of benefit"), NULL },
    { N_("Main side effects (★ the ones you want to avoid)"), harms_markup },
    { N_("Effect on daily life"), daily_life_markup },
  };
  Grid *grid = g_new0 (Grid, 1);
  char *cells[MAX_OPTIONS] = { NULL };
  double people[MAX_OPTIONS];
  gboolean any_value = FALSE;

  grid->style = ot_style_get (OT_STYLE_PRINT);
  grid->n_options = n_options;
  grid->column_width = builder->width / n_options;
  grid->icon_width = MIN (ICON_WIDTH * ot_flow_get_text_scale (builder->flow), grid->column_width - 2 * CELL_PAD);
  grid->rows = g_array_new (FALSE, TRUE, sizeof (GridRow));
  g_array_set_clear_func (grid->rows, grid_row_clear);

  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    {
      for (guint c = 0; c < n_options; c++)
        cells[c] = rows[r].cell ? rows[r].cell (builder, options[c])
                                : benefit_markup (builder, options[c], &people[c]);
      grid_add_row (grid, builder, rows[r].title ? _(rows[r].title) : NULL, cells,
                    rows[r].cell ? NULL : people);
      for (guint c = 0; c < n_options; c++)
        g_clear_pointer (&cells[c], g_free);
    }

  for (guint c = 0; c < n_options; c++)
    {
      cells[c] = values_markup (builder, options[c], ranked);
      any_value |= cells[c] != NULL;
    }
  if (any_value)
    {
      for (guint c = 0; c < n_options; c++)
        if (cells[c] == NULL)
          cells[c] = g_strdup ("");
      grid_add_row (grid, builder, _("What matters most to you"), cells, NULL);
    }
  for (guint c = 0; c < n_options; c++)
    g_free (cells[c]);

  return grid;
}

/* The options of the grid: those the person chose on Side Effects, and
 * only those.  Nothing is chosen for them: a grid of the program's choice
 * on the first page would read as a recommendation. */
static guint
choose_options (OtSummaryBuilder   *builder,
                const OtTreatment **options)
{
  const char * const *compared = ot_worksheet_get_compared_treatments (builder->worksheet);
  guint n = 0;

  for (guint i = 0; compared[i] != NULL && n < MAX_OPTIONS; i++)
    {
      const OtTreatment *treatment = ot_content_find_treatment (builder->content, compared[i]);

      if (treatment != NULL)
        options[n++] = treatment;
    }
  return n;
}

/* Adds the grid, split into pages of fewer options when it is too tall
 * for one (large print). */
static void
add_grids (OtSummaryBuilder   *builder,
           const OtTreatment **options,
           guint               n_options,
           GArray             *ranked,
           double              room)
{
  Grid *grid = grid_new (builder, options, n_options, ranked);
  double height = grid_get_height (grid);
  guint half = (n_options + 1) / 2;

  if (height <= room || n_options == 1)
    {
      ot_flow_add_drawing (builder->flow, MIN (height, builder->height), grid_draw, grid, grid_free);
      return;
    }

  grid_free (grid);
  add_grids (builder, options, half, ranked, builder->height);
  ot_flow_break_page (builder->flow);
  add_grids (builder, options + half, n_options - half, ranked, builder->height);
}

/**
 * ot_summary_build_grid:
 * @room: the height left on the page for the grid
 *
 * "My options at a glance": the options chosen for the visit side by side,
 * the same short rows for each.  Information, never a recommendation.
 */
void
ot_summary_build_grid (OtSummaryBuilder *builder)
{
  const OtTreatment *options[MAX_OPTIONS];
  g_autoptr(GArray) ranked = ot_worksheet_rank_values (builder->worksheet, builder->content);
  guint n_options = choose_options (builder, options);
  if (n_options == 0)
    {
      g_autofree char *none = ot_summary_escape (_("No option chosen yet. Pick two to four treatments "
                                                   "on Side Effects to see them here."));

      ot_summary_para (builder, OT_TEXT_BODY, none);
      return;
    }
  /* The title and the line under it take about this much of page 1. */
  add_grids (builder, options, n_options, ranked, builder->height - 60 * ot_flow_get_text_scale (builder->flow));
}

/* Under what matters most: the top values that the options at a glance
 * could not show, since nothing in the pack links them to an option. */
void
ot_summary_add_unlinked_values (OtSummaryBuilder *builder,
                                GArray           *ranked)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autofree char *joined = NULL;
  g_autofree char *text = NULL;
  g_autofree char *markup = NULL;

  for (guint i = 0; i < ranked->len; i++)
    {
      const OtRankedValue *value = &g_array_index (ranked, OtRankedValue, i);

      if (value->top && (value->item == NULL || value->item->row == NULL))
        g_ptr_array_add (names, (gpointer) value->text);
    }
  if (names->len == 0)
    return;

  g_ptr_array_add (names, NULL);
  joined = g_strjoinv ("; ", (char **) names->pdata);
  /* Translators: %s lists values, "Time with family; My garden" */
  text = g_strdup_printf (_("Nothing in our sources links these to the options at a glance: %s."), joined);
  markup = ot_summary_escape (text);
  ot_summary_para (builder, OT_TEXT_SMALL, markup);
}
