/* test-chart.c: the side-effect chart and the icon array, drawn with no display
 *
 * The chart is drawn on image surfaces and its pixels read back: a bar is
 * where the layout says and in its column's colour, the rows to avoid come
 * first and are marked, nothing is drawn outside the chart, a cell without
 * a figure has no bar.  The same renderer writes a PDF whose text holds the
 * side effects' names.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <pango/pangocairo.h>
#include <cairo-pdf.h>

#include "ot-chart.h"
#include "ot-icon-array.h"
#include "ot-test-files.h"
#include "ot-test-pack.h"

/* Drawn around the chart, to see that the chart leaves it alone. */
#define BORDER 24
static const OtColor sentinel = { 1, 0, 1, 1 };

typedef struct
{
  OtContent    *content;
  OtWorksheet  *worksheet;
  PangoContext *context;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  static const char * const treatments[] = { "folfox", "capox", "anti-egfr", "anti-vegf", NULL };
  static const char * const avoid[] = { "hand-foot", "neuropathy", NULL };
  g_autoptr(GError) error = NULL;
  PangoFontDescription *font = pango_font_description_from_string ("Sans 10");

  fixture->content = ot_content_new_default (&error);
  g_assert_no_error (error);
  fixture->worksheet = ot_worksheet_new ();
  ot_worksheet_set_compared_treatments (fixture->worksheet, treatments);
  ot_worksheet_set_avoid_effects (fixture->worksheet, avoid);
  fixture->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_context_set_font_description (fixture->context, font);
  pango_font_description_free (font);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_object_unref (fixture->context);
  g_object_unref (fixture->worksheet);
  ot_content_unref (fixture->content);
}

static OtChartLayout *
new_layout (Fixture     *fixture,
            OtStyleKind  style,
            double       width)
{
  return ot_chart_layout_new (fixture->content, fixture->worksheet, fixture->context,
                              ot_style_get (style), 1.0, width);
}

static int
find_row (OtChartLayout *layout,
          const char    *effect_id)
{
  for (guint i = 0; i < ot_chart_layout_get_n_rows (layout); i++)
    if (g_str_equal (ot_chart_layout_get_effect (layout, i)->id, effect_id))
      return i;
  return -1;
}

static int
find_column (OtChartLayout *layout,
             const char    *treatment_id)
{
  for (guint j = 0; j < ot_chart_layout_get_n_columns (layout); j++)
    if (g_str_equal (ot_chart_layout_get_treatment (layout, j)->id, treatment_id))
      return j;
  return -1;
}

/* The pixel at (@x, @y) of an ARGB32 surface, straight (not premultiplied). */
static OtColor
get_pixel (cairo_surface_t *surface,
           int              x,
           int              y)
{
  const guchar *data = cairo_image_surface_get_data (surface);
  guint32 pixel = *(const guint32 *) (data + y * cairo_image_surface_get_stride (surface) + 4 * x);
  double alpha = (pixel >> 24) / 255.0;

  if (alpha == 0)
    return (OtColor) { 0, 0, 0, 0 };
  return (OtColor) {
    ((pixel >> 16) & 0xff) / 255.0 / alpha,
    ((pixel >> 8) & 0xff) / 255.0 / alpha,
    (pixel & 0xff) / 255.0 / alpha,
    alpha,
  };
}

static gboolean
same_color (OtColor a,
            OtColor b)
{
  double tolerance = 4 / 255.0;

  return fabs (a.red - b.red) <= tolerance && fabs (a.green - b.green) <= tolerance
         && fabs (a.blue - b.blue) <= tolerance && fabs (a.alpha - b.alpha) <= tolerance;
}

/* @over with its alpha, painted on opaque @under. */
static OtColor
blend (const OtColor *over,
       const OtColor *under)
{
  double a = over->alpha;

  return (OtColor) {
    over->red * a + under->red * (1 - a),
    over->green * a + under->green * (1 - a),
    over->blue * a + under->blue * (1 - a),
    1,
  };
}

/* WCAG's relative luminance and contrast ratio. */
static double
luminance (OtColor c)
{
  double rgb[] = { c.red, c.green, c.blue };

  for (guint i = 0; i < 3; i++)
    rgb[i] = rgb[i] <= 0.03928 ? rgb[i] / 12.92 : pow ((rgb[i] + 0.055) / 1.055, 2.4);
  return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
}

static double
contrast (OtColor a,
          OtColor b)
{
  double la = luminance (a), lb = luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

/* The chart drawn at (BORDER, BORDER) of a surface BORDER larger on every
 * side, painted with the sentinel first.  @scale is device pixels per unit. */
static cairo_surface_t *
draw_chart (OtChartLayout      *layout,
            double              scale,
            const OtChartFocus *focus,
            const char         *name)
{
  int width = (int) ceil ((ot_chart_layout_get_width (layout) + 2 * BORDER) * scale);
  int height = (int) ceil ((ot_chart_layout_get_height (layout) + 2 * BORDER) * scale);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr;

  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  ot_style_set_source (cr, &sentinel);
  cairo_paint (cr);
  cairo_translate (cr, BORDER, BORDER);
  ot_chart_draw (cr, layout, focus);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  if (name != NULL)
    {
      g_autofree char *file = g_strconcat (name, ".png", NULL);
      g_autofree char *dir = g_test_build_filename (G_TEST_BUILT, "screenshots", NULL);
      g_autofree char *path = g_build_filename (dir, file, NULL);

      g_mkdir_with_parents (dir, 0755);
      g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
      g_test_message ("chart: %s", path);
    }

  return surface;
}

static void
test_rows_and_columns (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(OtChartLayout) layout = new_layout (fixture, OT_STYLE_LIGHT, 900);
  guint n_rows = ot_chart_layout_get_n_rows (layout);

  g_assert_cmpuint (ot_chart_layout_get_n_columns (layout), ==, 4);
  g_assert_cmpstr (ot_chart_layout_get_treatment (layout, 0)->id, ==, "folfox");
  g_assert_cmpstr (ot_chart_layout_get_treatment (layout, 3)->id, ==, "anti-vegf");

  /* What the person wants to avoid comes first, in their order. */
  g_assert_cmpstr (ot_chart_layout_get_effect (layout, 0)->id, ==, "hand-foot");
  g_assert_cmpstr (ot_chart_layout_get_effect (layout, 1)->id, ==, "neuropathy");
  g_assert_true (ot_chart_layout_get_avoided (layout, 0));
  g_assert_true (ot_chart_layout_get_avoided (layout, 1));
  g_assert_cmpuint (n_rows, >, 8);

  /* Every other row has something to say for a compared treatment. */
  for (guint i = 2; i < n_rows; i++)
    {
      gboolean any = FALSE;

      g_assert_false (ot_chart_layout_get_avoided (layout, i));
      for (guint j = 0; j < 4; j++)
        any |= ot_chart_layout_get_frequency (layout, i, j) != NULL;
      g_assert_true (any);
    }

  /* The shipped pack's figures. */
  g_assert_cmpfloat (ot_chart_layout_get_frequency (layout, find_row (layout, "diarrhea"), 0)->count, ==, 61);
  g_assert_cmpint (ot_chart_layout_get_cell_kind (layout, find_row (layout, "diarrhea"), 3),
                   ==, OT_CHART_CELL_NO_FIGURE);
  g_assert_cmpint (ot_chart_layout_get_cell_kind (layout, find_row (layout, "skin-rash"), 0),
                   ==, OT_CHART_CELL_NOT_REPORTED);

  /* Sources are numbered in the order the figures use them. */
  g_assert_cmpstr (ot_chart_layout_get_sources (layout)[0], ==, "trial-no16966");
}

/* Benefits below the side effects: the treatment's bar in its column's
 * colour beside the comparison group's, on the same scale as the side
 * effects, for this person's situation only. */
static void
test_benefits (Fixture       *fixture,
               gconstpointer  data)
{
  static const char * const treatments[] = { "folfox", "braf-combo", NULL };
  const OtStyle *style = ot_style_get (OT_STYLE_LIGHT);
  g_autoptr(OtChartLayout) untested = NULL;
  g_autoptr(OtChartLayout) layout = NULL;
  g_autofree char *description = NULL;
  cairo_rectangle_t bar, comparator, harm;
  cairo_surface_t *surface;
  const OtOutcome *outcome;
  guint column = 0;
  int y, n_series = 0;

  ot_worksheet_set_compared_treatments (fixture->worksheet, treatments);
  untested = new_layout (fixture, OT_STYLE_LIGHT, 900);
  g_assert_cmpuint (ot_chart_layout_get_n_benefits (untested), ==, 0);

  ot_worksheet_set_biomarker (fixture->worksheet, "braf", "v600e");
  layout = new_layout (fixture, OT_STYLE_LIGHT, 900);
  g_assert_cmpuint (ot_chart_layout_get_n_benefits (layout), ==, 1);
  outcome = ot_chart_layout_get_benefit (layout, 0, &column);
  g_assert_cmpuint (column, ==, 1);
  g_assert_cmpint (outcome->kind, ==, OT_OUTCOME_RESPONSE);
  g_assert_cmpfloat (outcome->count, ==, 61);
  g_assert_cmpfloat (outcome->comparator_count, ==, 40);

  description = ot_chart_layout_dup_description (layout);
  g_assert_nonnull (strstr (description, "Tumor shrinks: BRAF combination (encorafenib and cetuximab, with or "
                                         "without chemotherapy), about 61 in 100; comparison group: about 40 in 100 "
                                         "with: Chemotherapy, with or without bevacizumab."));

  /* 61 and 40 on the side effects' 0–100 scale: diarrhea's 61 with FOLFOX
   * is as long as the benefit's 61. */
  g_assert_true (ot_chart_layout_get_benefit_bar (layout, 0, FALSE, &bar));
  g_assert_true (ot_chart_layout_get_benefit_bar (layout, 0, TRUE, &comparator));
  g_assert_true (ot_chart_layout_get_bar_area (layout, find_row (layout, "diarrhea"), 0, &harm));
  g_assert_cmpfloat (fabs (bar.width - harm.width), <, 0.01);
  g_assert_cmpfloat (fabs (comparator.width / bar.width - 40.0 / 61.0), <, 0.01);
  g_assert_cmpfloat (bar.y, >, harm.y);

  surface = draw_chart (layout, 1, NULL, "chart-benefits");
  y = (int) (BORDER + bar.y + bar.height / 2);
  for (int x = (int) (BORDER + bar.x); x < (int) (BORDER + bar.x + bar.width); x++)
    n_series += same_color (get_pixel (surface, x, y), style->series[1]);
  g_assert_cmpint (n_series, >, bar.width * 0.3);
  /* The comparison group in grey, never in a column's colour. */
  y = (int) (BORDER + comparator.y + comparator.height / 2);
  for (int x = (int) (BORDER + comparator.x); x < (int) (BORDER + comparator.x + comparator.width); x++)
    for (guint j = 0; j < OT_N_SERIES; j++)
      g_assert_false (same_color (get_pixel (surface, x, y), style->series[j]));
  cairo_surface_destroy (surface);

  /* Survival is not drawn as people in 100 even once shown: months are
   * not on this scale. */
  ot_worksheet_set_show_survival (fixture->worksheet, TRUE);
  g_clear_pointer (&layout, ot_chart_layout_unref);
  layout = new_layout (fixture, OT_STYLE_LIGHT, 900);
  g_assert_cmpuint (ot_chart_layout_get_n_benefits (layout), ==, 1);
}

static void
test_hit_test (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(OtChartLayout) layout = new_layout (fixture, OT_STYLE_LIGHT, 900);
  OtChartCell cell;

  for (guint i = 0; i < ot_chart_layout_get_n_rows (layout); i++)
    for (guint j = 0; j < ot_chart_layout_get_n_columns (layout); j++)
      {
        cairo_rectangle_t area;

        g_assert_true (ot_chart_layout_get_cell_area (layout, i, j, &area));
        g_assert_true (ot_chart_layout_hit_test (layout, area.x + area.width / 2, area.y + area.height / 2, &cell));
        g_assert_cmpint (cell.row, ==, i);
        g_assert_cmpint (cell.column, ==, j);
      }

  /* The header and the legend are not cells. */
  g_assert_false (ot_chart_layout_hit_test (layout, 450, 2, &cell));
  g_assert_cmpint (cell.row, ==, -1);
  g_assert_false (ot_chart_layout_hit_test (layout, 450, ot_chart_layout_get_height (layout) - 2, &cell));
}

/* Nothing is drawn outside the chart, and every pixel inside it is
 * painted: none of the sentinel shows through, under the bands of the
 * rows to avoid or anywhere else. */
static void
assert_painted_exactly (cairo_surface_t *surface,
                        OtChartLayout   *layout,
                        double           scale)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int left = (int) floor (BORDER * scale), top = left;
  double right = (BORDER + ot_chart_layout_get_width (layout)) * scale;
  double bottom = (BORDER + ot_chart_layout_get_height (layout)) * scale;

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        gboolean outside = x < left || x >= ceil (right) || y < top || y >= ceil (bottom);
        gboolean inside = !outside && x < floor (right) && y < floor (bottom);
        gboolean untouched = same_color (get_pixel (surface, x, y), sentinel);

        if (outside && !untouched)
          g_error ("drawn outside the chart at %d, %d", x, y);
        if (inside && untouched)
          g_error ("not painted inside the chart at %d, %d", x, y);
      }
}

/* What a person sees, at one size and in one style. */
static void
check_drawing (Fixture     *fixture,
               OtStyleKind  kind,
               double       width,
               double       scale)
{
  const OtStyle *style = ot_style_get (kind);
  g_autoptr(OtChartLayout) layout = new_layout (fixture, kind, width);
  g_autofree char *name = g_strdup_printf ("chart-%s-%.0f@%.0f", ot_style_kind_to_string (kind), width, scale);
  int diarrhea = find_row (layout, "diarrhea"), nausea = find_row (layout, "nausea");
  int no_figure_row = find_row (layout, "diarrhea"), no_figure_column = find_column (layout, "anti-vegf");
  OtChartFocus focus = { { nausea, 1 }, { -1, -1 }, 0 };
  OtColor series = style->series[0], dark = ot_style_get_serious (style, 0);
  cairo_rectangle_t bar, capox_bar, area;
  cairo_surface_t *surface;
  int y, found_end = -1, n_series = 0, n_focus = 0;
  double start;

  g_assert_cmpint (diarrhea, >=, 2);
  surface = draw_chart (layout, scale, &focus, name);
  assert_painted_exactly (surface, layout, scale);

  /* FOLFOX, diarrhea: about 61 in 100, 11 severely.  The bar ends at 61
   * on the column's 0–100 scale, in the column's colour, the serious
   * share darker at its start. */
  g_assert_true (ot_chart_layout_get_bar_area (layout, diarrhea, 0, &bar));
  y = (int) ((BORDER + bar.y + bar.height / 2) * scale);
  for (int x = (int) ((BORDER + bar.x) * scale); x < (int) ((BORDER + bar.x + bar.width * 1.3) * scale); x++)
    {
      OtColor pixel = get_pixel (surface, x, y);

      if (same_color (pixel, series))
        {
          n_series++;
          found_end = x;
        }
    }
  g_assert_cmpint (n_series, >, bar.width * scale * 0.7);
  g_assert_cmpfloat (fabs ((found_end + 1) / scale - BORDER - (bar.x + bar.width)), <=, 2.5);
  g_assert_true (same_color (get_pixel (surface, (int) ((BORDER + bar.x + bar.width * 0.1) * scale), y), dark));
  /* The serious share stands out from the empty track beyond the bar, in
   * every style: dark included (3:1, WCAG's contrast for graphics). */
  g_assert_cmpfloat (contrast (dark, get_pixel (surface, found_end + (int) (3 * scale), y)), >=, 3.0);

  /* The same scale in every column: CAPOX's 66 against FOLFOX's 61. */
  g_assert_true (ot_chart_layout_get_bar_area (layout, diarrhea, 1, &capox_bar));
  g_assert_cmpfloat (fabs (capox_bar.width / bar.width - 66.0 / 61.0), <, 0.01);

  /* The rows to avoid come first with a band and a marker; others have neither. */
  for (int row = 0; row <= diarrhea; row += diarrhea)
    {
      gboolean avoided = ot_chart_layout_get_avoided (layout, row);
      OtColor band = blend (&style->highlight, &style->background);
      gboolean marker = FALSE;

      ot_chart_layout_get_cell_area (layout, row, 0, &area);
      y = (int) ((BORDER + area.y + area.height / 2) * scale);
      g_assert_true (same_color (get_pixel (surface, (int) ((BORDER + area.x + 1) * scale), y),
                                 avoided ? band : style->background));
      for (int x = (int) (BORDER * scale); x < (int) ((BORDER + 13) * scale); x++)
        marker |= same_color (get_pixel (surface, x, y), style->foreground);
      g_assert_true (marker == avoided);
    }
  g_assert_true (ot_chart_layout_get_avoided (layout, 0));
  g_assert_false (ot_chart_layout_get_avoided (layout, diarrhea));

  /* Anti-VEGF, diarrhea: no reliable figure, so no bar, in words only.
   * Bars in that column start where its bar for high blood pressure does. */
  g_assert_true (ot_chart_layout_get_bar_area (layout, find_row (layout, "high-blood-pressure"),
                                               no_figure_column, &bar));
  start = bar.x;
  g_assert_false (ot_chart_layout_get_bar_area (layout, no_figure_row, no_figure_column, &bar));
  ot_chart_layout_get_cell_area (layout, no_figure_row, no_figure_column, &area);
  n_series = 0;
  for (int py = (int) ((BORDER + area.y) * scale); py < (int) ((BORDER + area.y + area.height) * scale); py++)
    for (int px = (int) ((BORDER + start) * scale); px < (int) ((BORDER + area.x + area.width) * scale); px++)
      {
        OtColor pixel = get_pixel (surface, px, py);

        n_series += same_color (pixel, style->series[no_figure_column])
                    || same_color (pixel, ot_style_get_serious (style, no_figure_column));
      }
  g_assert_cmpint (n_series, ==, 0);

  /* The focus ring is drawn around the cursor's cell. */
  ot_chart_layout_get_cell_area (layout, nausea, 1, &area);
  for (int px = (int) ((BORDER + area.x) * scale); px < (int) ((BORDER + area.x + area.width) * scale); px++)
    n_focus += same_color (get_pixel (surface, px, (int) ((BORDER + area.y + 0.15 * 13.3 + 1) * scale)),
                           style->focus);
  g_assert_cmpint (n_focus, >, area.width * scale / 2);

  cairo_surface_destroy (surface);
}

static void
test_draw_light (Fixture       *fixture,
                 gconstpointer  data)
{
  check_drawing (fixture, OT_STYLE_LIGHT, 900, 1);
  check_drawing (fixture, OT_STYLE_LIGHT, 1600, 1);
}

static void
test_draw_dark (Fixture       *fixture,
                gconstpointer  data)
{
  check_drawing (fixture, OT_STYLE_DARK, 900, 1);
  check_drawing (fixture, OT_STYLE_DARK, 1600, 1);
}

/* Fails where a cell's words, in the chart laid out at @width and @text
 * times the text size, run out of their cell. */
static void
assert_words_in_cells (Fixture *fixture,
                       double   width,
                       double   text)
{
  g_autoptr(OtChartLayout) layout = ot_chart_layout_new (fixture->content, fixture->worksheet, fixture->context,
                                                         ot_style_get (OT_STYLE_LIGHT), text, width);

  for (guint i = 0; i < ot_chart_layout_get_n_rows (layout); i++)
    for (guint j = 0; j < ot_chart_layout_get_n_columns (layout); j++)
      {
        cairo_rectangle_t cell, words;

        g_assert_true (ot_chart_layout_get_cell_area (layout, i, j, &cell));
        if (!ot_chart_layout_get_text_area (layout, i, j, &words))
          continue;
        if (words.x < cell.x || words.x + words.width > cell.x + cell.width + 0.5)
          g_error ("%.0f px wide, text %.1f: the words of %s, %s end at %.1f, past their cell's %.1f",
                   width, text, ot_chart_layout_get_effect (layout, i)->id,
                   ot_chart_layout_get_treatment (layout, j)->id, words.x + words.width, cell.x + cell.width);
      }
}

/* In a narrow window, in large text, a figure under its bar wraps in the
 * chart's width rather than running off its edge: at 400 px, "fewer than
 * 1 in 100 moderately or severely" was cut (in Spanish more so). */
static void
test_narrow_words (Fixture       *fixture,
                   gconstpointer  data)
{
  static const char * const treatments[] = { "folfox", "folfiri", "anti-egfr", "pembrolizumab", NULL };

  ot_worksheet_set_compared_treatments (fixture->worksheet, treatments);
  for (double width = 200; width <= 420; width += 20)
    for (double text = 1; text <= 2; text += 0.5)
      assert_words_in_cells (fixture, width, text);
}

/* Where the columns keep room for the figures broken after their number
 * and that is room for bars beside them too (two treatments, about 800
 * px), a figure too wide for that room breaks there as well: "fewer than
 * 1 in 100 moderately or severely" ran past the chart's edge, cut. */
static void
test_figure_breaks_beside_bars (Fixture       *fixture,
                                gconstpointer  data)
{
  static const char * const treatments[] = { "folfox", "folfiri", NULL };

  ot_worksheet_set_compared_treatments (fixture->worksheet, treatments);
  for (double width = 700; width <= 1300; width += 1)
    for (double text = 1; text <= 1.5; text += 0.5)
      assert_words_in_cells (fixture, width, text);
}

/* Whether @row's cells stand side by side, a column each, rather than
 * listed under the row's name. */
static gboolean
in_columns (OtChartLayout *layout,
            guint          row)
{
  cairo_rectangle_t first, second;

  g_assert_true (ot_chart_layout_get_cell_area (layout, row, 0, &first));
  g_assert_true (ot_chart_layout_get_cell_area (layout, row, 1, &second));
  return second.y == first.y && second.x >= first.x + first.width - 1;
}

/* "fewer than 1 in 100 moderately or severely" is wider than a column
 * beside the Side Effects sidebar.  Where the whole would not fit, it
 * breaks after its number, and the chart keeps its columns down to the
 * width it says it needs; figures that fit stay on their line.  The view
 * folds its sidebar away by these two widths. */
static void
test_figure_breaks (Fixture       *fixture,
                    gconstpointer  data)
{
  static const char * const treatments[] = { "folfox", "folfiri", "anti-egfr", "pembrolizumab", NULL };
  g_autoptr(OtChartLayout) wide = NULL;
  g_autoptr(OtChartLayout) least = NULL;
  g_autoptr(OtChartLayout) narrower = NULL;
  double columns, roomy;
  int row, folfiri, folfox;

  ot_worksheet_set_compared_treatments (fixture->worksheet, treatments);
  wide = new_layout (fixture, OT_STYLE_LIGHT, 1800);
  row = find_row (wide, "neuropathy");
  folfiri = find_column (wide, "folfiri");
  folfox = find_column (wide, "folfox");
  g_assert_true (in_columns (wide, row));
  g_assert_true (g_str_has_prefix (ot_chart_layout_get_cell_words (wide, row, folfiri),
                                   "fewer than 1 in 100 moderately or severely"));

  columns = ceil (ot_chart_layout_get_columns_width (wide, NULL));
  g_test_message ("the figures stand in columns from %.0f units", columns);
  least = new_layout (fixture, OT_STYLE_LIGHT, columns);
  g_assert_cmpfloat (ot_chart_layout_get_columns_width (least, NULL), ==, ot_chart_layout_get_columns_width (wide, NULL));
  for (guint i = 0; i < ot_chart_layout_get_n_rows (least); i++)
    g_assert_true (in_columns (least, i));
  g_assert_true (g_str_has_prefix (ot_chart_layout_get_cell_words (least, row, folfiri),
                                   "fewer than 1 in 100\nmoderately or severely"));
  g_assert_null (strchr (ot_chart_layout_get_cell_words (least, row, folfox), '\n'));

  narrower = new_layout (fixture, OT_STYLE_LIGHT, columns - 2);
  g_assert_false (in_columns (narrower, row));
  g_assert_null (strchr (ot_chart_layout_get_cell_words (narrower, row, folfiri), '\n'));

  /* From the width it calls roomy, no figure or serious share breaks or
   * wraps: every cell's words take the lines they take in a wide chart. */
  ot_chart_layout_get_columns_width (wide, &roomy);
  g_assert_cmpfloat (roomy, >, columns);
  g_clear_pointer (&least, ot_chart_layout_unref);
  least = new_layout (fixture, OT_STYLE_LIGHT, ceil (roomy));
  for (guint i = 0; i < ot_chart_layout_get_n_rows (least); i++)
    for (guint j = 0; j < ot_chart_layout_get_n_columns (least); j++)
      {
        cairo_rectangle_t at_roomy, at_wide;

        if (!ot_chart_layout_get_text_area (least, i, j, &at_roomy))
          continue;
        g_assert_true (ot_chart_layout_get_text_area (wide, i, j, &at_wide));
        g_assert_cmpfloat (at_roomy.height, ==, at_wide.height);
      }
}

static void
test_draw_narrow_and_hidpi (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(OtChartLayout) narrow = new_layout (fixture, OT_STYLE_HIGH_CONTRAST, 400);
  g_autoptr(OtChartLayout) wide = new_layout (fixture, OT_STYLE_HIGH_CONTRAST, 900);
  cairo_rectangle_t narrow_bar, wide_bar;

  /* Too narrow for four columns, the chart lists the treatments in each
   * row: taller, and every bar still where the layout says. */
  g_assert_cmpfloat (ot_chart_layout_get_height (narrow), >, ot_chart_layout_get_height (wide));
  g_assert_true (ot_chart_layout_get_bar_area (narrow, find_row (narrow, "diarrhea"), 0, &narrow_bar));
  g_assert_true (ot_chart_layout_get_bar_area (wide, find_row (wide, "diarrhea"), 0, &wide_bar));
  g_assert_cmpfloat (narrow_bar.width, >, wide_bar.width);
  check_drawing (fixture, OT_STYLE_HIGH_CONTRAST, 400, 1);
  check_drawing (fixture, OT_STYLE_PRINT, 900, 1);

  /* Large text in a small window lists the treatments too; with the room,
   * each serious share is on its figure's line, not under it: a line a
   * treatment, and the chart keeps more rows in view. */
  {
    g_autoptr(OtChartLayout) large = ot_chart_layout_new (fixture->content, fixture->worksheet, fixture->context,
                                                          ot_style_get (OT_STYLE_LIGHT), 2.0, 990);
    int row = find_row (large, "diarrhea");
    cairo_rectangle_t cell, bar;

    g_assert_true (ot_chart_layout_get_cell_area (large, row, 0, &cell));
    g_assert_true (ot_chart_layout_get_bar_area (large, row, 0, &bar));
    g_assert_nonnull (ot_chart_layout_get_frequency (large, row, 0));
    g_assert_true (ot_chart_layout_get_frequency (large, row, 0)->serious > 0);
    g_assert_cmpfloat (cell.width, >, 0.9 * 990);
    g_assert_cmpfloat (cell.height, <, 2 * bar.height);
  }

  /* On a HiDPI screen, twice the pixels and the same picture. */
  check_drawing (fixture, OT_STYLE_LIGHT, 900, 2);
}

/* Hairlines and bar edges land on whole pixels: the bar's outline is its
 * exact colour, not a blur into the track. */
static void
test_crisp_edges (Fixture       *fixture,
                  gconstpointer  data)
{
  const OtStyle *style = ot_style_get (OT_STYLE_LIGHT);

  for (double scale = 1; scale <= 2; scale++)
    {
      g_autoptr(OtChartLayout) layout = new_layout (fixture, OT_STYLE_LIGHT, 900);
      cairo_surface_t *surface = draw_chart (layout, scale, NULL, NULL);
      int row = find_row (layout, "neuropathy");
      cairo_rectangle_t bar;
      int x, top;

      g_assert_true (ot_chart_layout_get_bar_area (layout, row, 0, &bar));
      x = (int) ((BORDER + bar.x + bar.width * 0.6) * scale);
      top = (int) round ((BORDER + bar.y) * scale);
      g_assert_true (same_color (get_pixel (surface, x, top), ot_style_get_serious (style, 0)));
      g_assert_true (same_color (get_pixel (surface, x, top - 1), style->background)
                     || same_color (get_pixel (surface, x, top - 1), blend (&style->highlight, &style->background)));
      cairo_surface_destroy (surface);
    }
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(OtWorksheet) worksheet = ot_worksheet_new ();
  g_autoptr(OtChartLayout) layout = ot_chart_layout_new (fixture->content, worksheet, fixture->context,
                                                         ot_style_get (OT_STYLE_LIGHT), 1.0, 600);
  g_autofree char *description = ot_chart_layout_dup_description (layout);
  cairo_surface_t *surface;
  OtChartCell cell;

  /* Nothing is chosen for the person: the chart asks them to choose. */
  g_assert_cmpuint (ot_chart_layout_get_n_columns (layout), ==, 0);
  g_assert_cmpuint (ot_chart_layout_get_n_rows (layout), ==, 0);
  g_assert_cmpfloat (ot_chart_layout_get_height (layout), >, 40);
  g_assert_false (ot_chart_layout_hit_test (layout, 300, 40, &cell));
  g_assert_nonnull (strstr (description, "Choose"));
  surface = draw_chart (layout, 1, NULL, "chart-empty");
  assert_painted_exactly (surface, layout, 1);
  cairo_surface_destroy (surface);
}

static void
test_words (Fixture       *fixture,
            gconstpointer  data)
{
  OtContent *content = fixture->content;
  const OtSideEffect *diarrhea = ot_content_find_side_effect (content, "diarrhea");
  g_autofree char *folfox = ot_chart_dup_sentence (content, ot_content_find_treatment (content, "folfox"), diarrhea);
  g_autofree char *vegf = ot_chart_dup_sentence (content, ot_content_find_treatment (content, "anti-vegf"), diarrhea);
  g_autofree char *lonsurf = ot_chart_dup_sentence (content, ot_content_find_treatment (content, "trifluridine-tipiracil"),
                                                    diarrhea);
  g_autofree char *folfoxiri = ot_chart_dup_sentence (content, ot_content_find_treatment (content, "folfoxiri"),
                                                      ot_content_find_side_effect (content, "low-white-cells"));
  g_autofree char *perforation = ot_chart_dup_sentence (content, ot_content_find_treatment (content, "anti-vegf"),
                                                        ot_content_find_side_effect (content, "bowel-perforation"));
  const OtFrequency *moderate = ot_content_find_frequency (content, "folfoxiri", "neuropathy");
  g_autofree char *moderate_sentence = ot_chart_dup_sentence (content, ot_content_find_treatment (content, "folfoxiri"),
                                                              ot_content_find_side_effect (content, "neuropathy"));
  g_autofree char *moderate_detail = ot_chart_dup_cell_detail (moderate);
  g_autofree char *counts = ot_chart_dup_counts_text (ot_content_find_frequency (content, "folfox", "diarrhea"));
  g_autofree char *small = ot_chart_format_in_100 (0.3);
  g_autofree char *sources = ot_chart_dup_sources_text (content,
                                                        ot_content_find_frequency (content, "folfox", "diarrhea")->sources);

  g_assert_cmpstr (folfox, ==, "About 61 in 100 people treated with FOLFOX (5-FU, leucovorin and oxaliplatin) "
                               "get diarrhea, counting all cases; about 11 in 100 get it severely.");
  g_assert_true (g_str_has_prefix (vegf, "There is no reliable figure for how many people treated with anti-VEGF"));
  g_assert_nonnull (strstr (vegf, "The label reports severe diarrhoea only."));
  g_assert_true (g_str_has_prefix (lonsurf, "Our sources give no figure"));
  g_assert_true (g_str_has_prefix (folfoxiri, "About 50 in 100 people treated with FOLFOXIRI"));
  g_assert_nonnull (strstr (folfoxiri, "severely. Milder cases were not counted."));
  /* A figure without the mild cases is its own kind, and says so. */
  g_assert_cmpint (ot_chart_cell_kind (moderate), ==, OT_CHART_CELL_MODERATE_UP);
  g_assert_nonnull (strstr (moderate_sentence, "get numbness or tingling in hands and feet moderately or severely. "
                                               "Mild cases were not counted."));
  g_assert_cmpstr (moderate_detail, ==, "mild cases not counted");
  g_assert_null (ot_chart_dup_counts_text (moderate));
  g_assert_cmpstr (counts, ==, "all cases, mild to severe");
  g_assert_nonnull (strstr (perforation, "It was from fewer than 1 to 3 in 100 across studies."));
  g_assert_cmpstr (small, ==, "fewer than 1 in 100");
  g_assert_true (g_str_has_prefix (sources, "Source: British Journal of Cancer"));
}

static void
test_icon_array (Fixture       *fixture,
                 gconstpointer  data)
{
  const OtStyle *style = ot_style_get (OT_STYLE_LIGHT);
  g_autofree char *caption = ot_icon_array_dup_caption (61, 11);
  g_autofree char *tiny = ot_icon_array_dup_caption (0.3, -1);
  g_autofree char *severe_only = ot_icon_array_dup_caption (-1, 50);
  double width = 200;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, ot_icon_array_get_height (width));
  cairo_t *cr = cairo_create (surface);
  cairo_rectangle_t icon;

  /* Reading order: the severe ones first, then the others who get it. */
  g_assert_cmpint (ot_icon_array_get_fill (61, 11, 0), ==, OT_ICON_SERIOUS);
  g_assert_cmpint (ot_icon_array_get_fill (61, 11, 10), ==, OT_ICON_SERIOUS);
  g_assert_cmpint (ot_icon_array_get_fill (61, 11, 11), ==, OT_ICON_ANY);
  g_assert_cmpint (ot_icon_array_get_fill (61, 11, 60), ==, OT_ICON_ANY);
  g_assert_cmpint (ot_icon_array_get_fill (61, 11, 61), ==, OT_ICON_EMPTY);
  /* Rounded to the nearest whole person: 18.6 is 19 people. */
  g_assert_cmpint (ot_icon_array_get_fill (18.6, -1, 18), ==, OT_ICON_ANY);
  g_assert_cmpint (ot_icon_array_get_fill (18.6, -1, 19), ==, OT_ICON_EMPTY);
  /* Fewer than 1 in 100: no one filled, and the words say why. */
  for (guint i = 0; i < 100; i++)
    g_assert_cmpint (ot_icon_array_get_fill (0.3, -1, i), ==, OT_ICON_EMPTY);
  g_assert_true (g_str_has_prefix (tiny, "Fewer than 1 in 100 people get it, so no person is filled."));
  g_assert_nonnull (strstr (caption, "rounded to the nearest whole person"));
  g_assert_nonnull (strstr (caption, "About 11 in 100 get it severely"));
  g_assert_nonnull (strstr (severe_only, "Milder cases were not counted"));

  ot_style_set_source (cr, &style->background);
  cairo_paint (cr);
  ot_icon_array_draw (cr, style, 0, width, 61, 11);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* The middle of a person's body, in the fill its place calls for. */
  ot_icon_array_get_icon_area (width, 5, &icon);
  g_assert_true (same_color (get_pixel (surface, icon.x + icon.width / 2, icon.y + icon.height * 0.75),
                             ot_style_get_serious (style, 0)));
  ot_icon_array_get_icon_area (width, 40, &icon);
  g_assert_true (same_color (get_pixel (surface, icon.x + icon.width / 2, icon.y + icon.height * 0.75),
                             style->series[0]));
  ot_icon_array_get_icon_area (width, 99, &icon);
  g_assert_false (same_color (get_pixel (surface, icon.x + icon.width / 2, icon.y + icon.height * 0.75),
                              style->series[0]));
  g_assert_false (same_color (get_pixel (surface, icon.x + icon.width / 2, icon.y + icon.height * 0.75),
                              style->background));
  /* Between people, the background. */
  g_assert_true (same_color (get_pixel (surface, icon.x + 1, icon.y + 1), style->background));
  cairo_surface_destroy (surface);
}

/* Whether two drawings are the same, pixel for pixel. */
static gboolean
same_pixels (cairo_surface_t *a,
             cairo_surface_t *b)
{
  int height = cairo_image_surface_get_height (a);
  int stride = cairo_image_surface_get_stride (a);

  if (cairo_image_surface_get_width (a) != cairo_image_surface_get_width (b)
      || height != cairo_image_surface_get_height (b))
    return FALSE;
  return memcmp (cairo_image_surface_get_data (a), cairo_image_surface_get_data (b), (gsize) height * stride) == 0;
}

/* The shipped pack with Diarrhea renamed: only the words of one row change. */
static OtContent *
new_renamed_content (void)
{
  g_autofree char *path = ot_test_shipped_pack_path ();
  g_autofree char *xml = NULL;
  g_autoptr(GString) renamed = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  OtContent *content;

  g_assert_true (g_file_get_contents (path, &xml, NULL, &error));
  g_assert_no_error (error);
  renamed = g_string_new (xml);
  g_assert_cmpuint (g_string_replace (renamed, "<name>Diarrhea</name>", "<name>Loose stools</name>", 1), ==, 1);
  bytes = g_bytes_new (renamed->str, renamed->len);
  content = ot_content_new_from_bytes (bytes, "renamed.xml", &error);
  g_assert_no_error (error);
  return content;
}

typedef struct
{
  OtContent   *content;
  OtWorksheet *worksheet;
  OtStyleKind  style;
  double       scale;    /* the text's, the zoom */
  double       width;
} Chart;

/* @chart laid out and drawn, with a focus ring and a selected cell. */
static cairo_surface_t *
draw_one (Fixture     *fixture,
          const Chart *chart)
{
  g_autoptr(OtChartLayout) layout = ot_chart_layout_new (chart->content, chart->worksheet, fixture->context,
                                                         ot_style_get (chart->style), chart->scale, chart->width);
  OtChartFocus focus = { { 1, 1 }, { 2, 0 }, 0 };

  return draw_chart (layout, 2, &focus, NULL);
}

/* A new layout takes the texts the last one shaped, where nothing that
 * shapes them changed.  Whatever changed, it must draw exactly what a
 * layout shaped from scratch draws, and not what the last one did. */
static void
test_text_cache (Fixture       *fixture,
                 gconstpointer  data)
{
  static const char * const other_avoid[] = { "nausea", NULL };
  g_autoptr(OtContent) renamed = new_renamed_content ();
  g_autoptr(OtWorksheet) worksheet = ot_worksheet_new ();
  PangoFontDescription *serif = pango_font_description_from_string ("Serif 11");
  cairo_font_options_t *options = cairo_font_options_create ();
  Chart chart = { fixture->content, worksheet, OT_STYLE_LIGHT, 1.0, 900 };
  cairo_surface_t *last;

  ot_worksheet_copy_from (worksheet, fixture->worksheet);
  last = draw_one (fixture, &chart);

  /* What a change of the desktop's font settings does. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);

  for (guint step = 0; step < 9; step++)
    {
      cairo_surface_t *warm, *cold;
      gboolean changes = TRUE;

      switch (step)
        {
        case 0: changes = FALSE; break;                                  /* nothing */
        case 1: chart.width = 700; break;                                /* names wrap elsewhere */
        case 2: chart.content = renamed; break;                          /* a row's words */
        case 3: ot_worksheet_set_avoid_effects (worksheet, other_avoid); break;
        case 4: chart.scale = 1.25; break;                               /* zoom */
        case 5: chart.style = OT_STYLE_DARK; break;                      /* colours only */
        case 6: pango_context_set_font_description (fixture->context, serif); break;
        case 7: pango_cairo_context_set_resolution (fixture->context, 120); break;
        case 8: pango_cairo_context_set_font_options (fixture->context, options); break;
        default: g_assert_not_reached ();
        }

      warm = draw_one (fixture, &chart);
      /* A changed context shapes everything again, as the first layout did. */
      pango_context_changed (fixture->context);
      cold = draw_one (fixture, &chart);

      if (!same_pixels (warm, cold))
        g_error ("step %u: the layout that reused texts draws something else", step);
      if (same_pixels (warm, last) == changes)
        g_error ("step %u: the drawing %s", step, changes ? "did not change" : "changed");

      cairo_surface_destroy (last);
      cairo_surface_destroy (cold);
      last = warm;
    }

  cairo_surface_destroy (last);
  cairo_font_options_destroy (options);
  pango_font_description_free (serif);
}

/* The PDF summary draws the same chart: on a page in points, text at 72 dpi. */
static void
test_pdf (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, "screenshots", "chart.pdf", NULL);
  g_autofree char *dir = g_path_get_dirname (path);
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  PangoFontDescription *font = pango_font_description_from_string ("Sans 9");
  g_autoptr(OtChartLayout) layout = NULL;
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  g_auto(GStrv) words = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;

  pango_cairo_context_set_resolution (context, 72);
  pango_context_set_font_description (context, font);
  pango_font_description_free (font);
  layout = ot_chart_layout_new (fixture->content, fixture->worksheet, context,
                                ot_style_get (OT_STYLE_PRINT), 1.0, 595 - 2 * 36);

  /* Taller than the page: ask for the height at a wider width, and scale
   * that down, until it fits, as a page layout would. */
  for (double width = 595 - 2 * 36; ot_chart_layout_get_height (layout) * (595 - 2 * 36) / width > 842 - 2 * 36;)
    {
      width *= 1.1;
      g_clear_pointer (&layout, ot_chart_layout_unref);
      layout = ot_chart_layout_new (fixture->content, fixture->worksheet, context,
                                    ot_style_get (OT_STYLE_PRINT), 1.0, width);
    }

  g_mkdir_with_parents (dir, 0755);
  surface = cairo_pdf_surface_create (path, 595, 842);
  cr = cairo_create (surface);
  cairo_translate (cr, 36, 36);
  cairo_scale (cr, (595 - 2 * 36) / ot_chart_layout_get_width (layout), (595 - 2 * 36) / ot_chart_layout_get_width (layout));
  g_assert_cmpfloat (ot_chart_layout_get_height (layout) * (595 - 2 * 36) / ot_chart_layout_get_width (layout),
                     <=, 842 - 2 * 36);
  ot_chart_draw (cr, layout, NULL);
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  g_object_unref (context);
  g_test_message ("chart: %s", path);

  text = ot_test_pdf_text (path);
  g_assert_cmpuint (ot_test_pdf_pages (path), ==, 1);
  /* Names wrap in the chart: compare the words, not the lines. */
  words = g_strsplit_set (text, " \n\t", -1);
  flat = g_strjoinv (" ", words);
  for (guint i = 0; i < ot_chart_layout_get_n_rows (layout); i++)
    {
      g_auto(GStrv) name_words = g_strsplit (ot_chart_layout_get_effect (layout, i)->name, " ", -1);

      for (guint k = 0; name_words[k] != NULL; k++)
        if (strstr (flat, name_words[k]) == NULL)
          g_error ("“%s” of “%s” is not in the PDF", name_words[k], ot_chart_layout_get_effect (layout, i)->name);
    }
  g_assert_nonnull (strstr (flat, "Diarrhea"));
  g_assert_nonnull (strstr (flat, "Numbness or tingling"));
  g_assert_nonnull (strstr (flat, "about 61 in 100"));
  g_assert_nonnull (strstr (flat, "No reliable figure"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/chart/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("rows-and-columns", test_rows_and_columns);
  ADD ("hit-test", test_hit_test);
  ADD ("benefits", test_benefits);
  ADD ("draw-light", test_draw_light);
  ADD ("draw-dark", test_draw_dark);
  ADD ("draw-narrow-and-hidpi", test_draw_narrow_and_hidpi);
  ADD ("narrow-words", test_narrow_words);
  ADD ("figure-breaks", test_figure_breaks);
  ADD ("figure-breaks-beside-bars", test_figure_breaks_beside_bars);
  ADD ("crisp-edges", test_crisp_edges);
  ADD ("empty", test_empty);
  ADD ("words", test_words);
  ADD ("icon-array", test_icon_array);
  ADD ("pdf", test_pdf);
  ADD ("text-cache", test_text_cache);

#undef ADD

  return g_test_run ();
}
