/* test-effects-view.c: the Side Effects page under Xvfb
 *
 * Chooses treatments and side effects to avoid with the page's own check
 * boxes, moves the chart's cursor as the arrow keys do, reads the sentence
 * under the chart, selects a cell and sees its icon array, and switches to
 * the table.  Screenshots in light and dark are written for a person to
 * look at.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ot-compat.h"
#include "ot-effects-view.h"
#include "ot-test-ui.h"

static gboolean
label_starts_with (GtkWidget     *widget,
                   gconstpointer  prefix)
{
  return gtk_widget_is_drawable (widget) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), prefix);
}

/* The first label shown under @root whose text starts with @prefix. */
static GtkLabel *
find_label_starting (GtkWidget  *root,
                     const char *prefix)
{
  return (GtkLabel *) ot_test_ui_find (root, GTK_TYPE_LABEL, label_starts_with, prefix);
}

/* Ticks a box as a person does: open its group, then activate the row. */
static void
tick (GtkWidget  *view,
      const char *group,
      const char *title)
{
  GtkWidget *row;

  if (group != NULL)
    {
      GtkWidget *expander = ot_test_ui_find (view, ADW_TYPE_EXPANDER_ROW, ot_test_ui_row_has_title, group);

      g_assert_nonnull (expander);
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);
    }
  row = ot_test_ui_find (view, ADW_TYPE_ACTION_ROW, ot_test_ui_row_has_title, title);
  g_assert_nonnull (row);
  gtk_widget_activate (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row)));
}

static void
set_true (gboolean *flag)
{
  *flag = TRUE;
}

/* Screenshots want a window laid out and painted after the last change;
 * a slow run (sanitizers) may need more than one wait for that. */
static void
screenshot (OtWindow   *window,
            const char *name)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  gboolean painted = FALSE;
  gulong handler;

  ot_test_ui_wait ();
  handler = g_signal_connect_swapped (clock, "after-paint", G_CALLBACK (set_true), &painted);
  gtk_widget_queue_draw (GTK_WIDGET (window));
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, handler);
  ot_test_ui_screenshot (GTK_WIDGET (window), name);
}

static void
choose_body (OtApplication *app,
             OtWindow      *window)
{
  OtWorksheet *worksheet = ot_window_get_worksheet (window);
  GtkWidget *view = ot_test_ui_show_view (window, "side-effects");
  OtChartWidget *chart = ot_effects_view_get_chart (OT_EFFECTS_VIEW (view));
  OtChartLayout *layout = ot_chart_widget_get_layout (chart);
  const char * const *compared;
  GtkWidget *row;

  /* Nothing is chosen for the person: the chart asks them to choose, and
   * the words under it, with nothing to say yet, are not shown. */
  g_assert_cmpuint (ot_chart_layout_get_n_columns (layout), ==, 0);
  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (chart)));
  g_assert_null (ot_test_ui_find_label (view, "Choose the treatments to compare in the list."));
  /* A screen reader meets an image with a name, not an anonymous filler. */
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (chart)), ==, GTK_ACCESSIBLE_ROLE_IMG);
  screenshot (window, "effects-empty");

  tick (view, "Chemotherapy", "FOLFOX (5-FU, leucovorin and oxaliplatin)");
  tick (view, NULL, "CAPOX, also called XELOX (capecitabine and oxaliplatin)");
  tick (view, "Targeted therapy", "Anti-EGFR drugs (cetuximab, panitumumab)");
  compared = ot_worksheet_get_compared_treatments (worksheet);
  g_assert_cmpuint (g_strv_length ((char **) compared), ==, 3);
  g_assert_cmpstr (compared[0], ==, "folfox");
  g_assert_cmpstr (compared[2], ==, "anti-egfr");
  layout = ot_chart_widget_get_layout (chart);
  g_assert_cmpuint (ot_chart_layout_get_n_columns (layout), ==, 3);
  g_assert_nonnull (ot_test_ui_find (view, ADW_TYPE_EXPANDER_ROW, ot_test_ui_row_has_title, "Chemotherapy"));
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (ot_test_ui_find (view, ADW_TYPE_EXPANDER_ROW, ot_test_ui_row_has_title, "Chemotherapy"))),
                   ==, "2 chosen");

  /* Four at most: the fifth box cannot be ticked until one is unticked. */
  tick (view, NULL, "Anti-VEGF drugs (bevacizumab; also aflibercept or ramucirumab)");
  row = ot_test_ui_find (view, ADW_TYPE_ACTION_ROW, ot_test_ui_row_has_title, "Regorafenib (Stivarga)");
  g_assert_false (gtk_widget_get_sensitive (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row))));
  tick (view, NULL, "CAPOX, also called XELOX (capecitabine and oxaliplatin)");
  g_assert_cmpuint (g_strv_length ((char **) ot_worksheet_get_compared_treatments (worksheet)), ==, 3);
  g_assert_true (gtk_widget_get_sensitive (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row))));

  /* What the person wants to avoid comes first in the chart. */
  tick (view, NULL, "Diarrhea");
  g_assert_cmpstr (ot_worksheet_get_avoid_effects (worksheet)[0], ==, "diarrhea");
  layout = ot_chart_widget_get_layout (chart);
  g_assert_cmpstr (ot_chart_layout_get_effect (layout, 0)->id, ==, "diarrhea");
  g_assert_true (ot_chart_layout_get_avoided (layout, 0));
}

/* The list of treatments says how each fits, as Options does, and
 * follows the results. */
static void
fits_body (OtApplication *app,
           OtWindow      *window)
{
  OtWorksheet *worksheet = ot_window_get_worksheet (window);
  GtkWidget *view = ot_test_ui_show_view (window, "side-effects");
  GtkWidget *row;

  row = ot_test_ui_find (view, ADW_TYPE_ACTION_ROW, ot_test_ui_row_has_title, "FOLFOX (5-FU, leucovorin and oxaliplatin)");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Likely to help");
  row = ot_test_ui_find (view, ADW_TYPE_ACTION_ROW, ot_test_ui_row_has_title, "Pembrolizumab (Keytruda)");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Depends on your MMR or MSI result");

  /* The fit follows the results. */
  ot_worksheet_set_biomarker (worksheet, "mmr", "dmmr");
  ot_test_ui_wait ();
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Likely to help");
}

static void
test_fits (void)
{
  ot_test_ui_run (fits_body);
}

static void
assert_compared (OtWorksheet *worksheet,
                 const char  *expected)
{
  g_autofree char *compared = g_strjoinv (" ", (char **) ot_worksheet_get_compared_treatments (worksheet));

  g_assert_cmpstr (compared, ==, expected);
}

static const char *
treatments_description (GtkWidget *view)
{
  GtkWidget *group = ot_test_ui_find (view, ADW_TYPE_PREFERENCES_GROUP, NULL, NULL);

  g_assert_nonnull (group);
  return adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group));
}

/* Side Effects starts from what Options showed: the treatments likely to
 * help in the categories compared there are ticked, while they fit in the
 * chart, and it says so; never over the person's own choice, and never
 * some of them in place of others. */
static void
starts_body (OtApplication *app,
             OtWindow      *window)
{
  OtWorksheet *worksheet = ot_window_get_worksheet (window);
  const char *targeted[] = { "targeted", NULL };
  GtkWidget *view;
  GtkWidget *expander;

  /* Left side, RAS and BRAF unchanged: of the targeted drugs, anti-EGFR
   * drugs are likely to help, and are ticked. */
  ot_worksheet_set_side (worksheet, OT_SIDE_LEFT);
  ot_worksheet_set_biomarker (worksheet, "mmr", "pmmr");
  ot_worksheet_set_biomarker (worksheet, "ras", "wild-type");
  ot_worksheet_set_biomarker (worksheet, "braf", "wild-type");
  ot_worksheet_set_compared_categories (worksheet, targeted);
  view = ot_test_ui_show_view (window, "side-effects");
  assert_compared (worksheet, "anti-egfr");
  g_assert_true (g_str_has_prefix (treatments_description (view), "Ticked from Options"));
  expander = ot_test_ui_find (view, ADW_TYPE_EXPANDER_ROW, ot_test_ui_row_has_title, "Targeted therapy");
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (expander)));
  screenshot (window, "effects-started");

  /* The person unticks it: the choice is theirs from then on, and coming
   * back to the view does not tick it again. */
  tick (view, NULL, "Anti-EGFR drugs (cetuximab, panitumumab)");
  assert_compared (worksheet, "");
  g_assert_cmpstr (treatments_description (view), ==, "Choose 1 to 4. Each gets a column of its own.");
  ot_test_ui_show_view (window, "options");
  ot_test_ui_show_view (window, "side-effects");
  assert_compared (worksheet, "");
}

/* More treatments likely to help than the chart has columns: nothing
 * compared on Options, which then shows every category. */
static void
too_many_body (OtApplication *app,
               OtWindow      *window)
{
  OtWorksheet *worksheet = ot_window_get_worksheet (window);
  GtkWidget *view = ot_test_ui_show_view (window, "side-effects");

  assert_compared (worksheet, "");
  g_assert_true (g_str_has_suffix (treatments_description (view),
                                   "treatments shown on Options are likely to help. "
                                   "Choose up to 4 to compare: these or any others."));
  g_assert_true (adw_expander_row_get_expanded (
    ADW_EXPANDER_ROW (ot_test_ui_find (view, ADW_TYPE_EXPANDER_ROW, ot_test_ui_row_has_title, "Chemotherapy"))));
  screenshot (window, "effects-too-many");
}

/* The person's own choice, from a file, stays as it is. */
static void
own_choice_body (OtApplication *app,
                 OtWindow      *window)
{
  OtWorksheet *worksheet = ot_window_get_worksheet (window);
  const char *targeted[] = { "targeted", NULL };
  const char *folfox[] = { "folfox", NULL };
  GtkWidget *view;

  ot_worksheet_set_side (worksheet, OT_SIDE_LEFT);
  ot_worksheet_set_biomarker (worksheet, "ras", "wild-type");
  ot_worksheet_set_biomarker (worksheet, "braf", "wild-type");
  ot_worksheet_set_compared_categories (worksheet, targeted);
  ot_worksheet_set_compared_treatments (worksheet, folfox);
  view = ot_test_ui_show_view (window, "side-effects");
  assert_compared (worksheet, "folfox");
  g_assert_cmpstr (treatments_description (view), ==, "Choose 1 to 4. Each gets a column of its own.");
}

/* Only looking asks nobody to save: what Side Effects ticks from Options
 * is no unsaved answer of the person's, and the window closes unasked. */
static void
only_looked_body (OtApplication *app,
                  OtWindow      *window)
{
  OtWorksheet *worksheet = ot_window_get_worksheet (window);
  const char *targeted[] = { "targeted", NULL };
  g_autofree char *path = ot_test_work_path ("looked.optiontalk");
  g_autoptr(GFile) file = g_file_new_for_path (path);

  ot_worksheet_set_side (worksheet, OT_SIDE_LEFT);
  ot_worksheet_set_biomarker (worksheet, "ras", "wild-type");
  ot_worksheet_set_biomarker (worksheet, "braf", "wild-type");
  ot_worksheet_set_compared_categories (worksheet, targeted);
  ot_window_save_file (window, file);
  g_assert_true (ot_test_wait_for_file (window, file));

  ot_test_ui_show_view (window, "options");
  ot_test_ui_show_view (window, "side-effects");
  assert_compared (worksheet, "anti-egfr");
  ot_test_ui_wait ();
  g_assert_false (ot_window_get_modified (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "looked.optiontalk — Option Talk");

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_close (GTK_WINDOW (window));
  ot_test_ui_wait ();
  g_assert_null (ot_alert_get_shown ());
  ot_test_ui_wait_for_null ((gpointer *) &window);
}

static void
test_starts (void)
{
  ot_test_ui_run (starts_body);
  ot_test_ui_run (too_many_body);
  ot_test_ui_run (own_choice_body);
}

/* The window it closes unasked is kept for the next start: the tests
 * after this one start anew. */
static void
test_only_looked (void)
{
  ot_test_fresh_start ();
  ot_test_run_app (only_looked_body);
  ot_test_fresh_start ();
}

static void
test_choose (void)
{
  ot_test_ui_run (choose_body);
}

static void
read_body (OtApplication *app,
           OtWindow      *window)
{
  static const char * const treatments[] = { "folfox", "anti-egfr", "anti-vegf", NULL };
  static const char * const avoid[] = { "diarrhea", NULL };
  OtWorksheet *worksheet = ot_window_get_worksheet (window);
  GtkWidget *view = ot_test_ui_show_view (window, "side-effects");
  OtChartWidget *chart = ot_effects_view_get_chart (OT_EFFECTS_VIEW (view));
  AdwStyleManager *manager = adw_style_manager_get_default ();
  GtkWidget *icon_array = ot_test_ui_find (view, GTK_TYPE_DRAWING_AREA, NULL, NULL);
  GtkWidget *table_switch;
  OtChartLayout *layout;
  g_autofree char *heading = NULL;
  OtChartCell cell;
  double height;

  /* The switch a person finds by its label. */
  table_switch = gtk_label_get_mnemonic_widget (GTK_LABEL (ot_test_ui_find_label (view, "Show as Table")));
  g_assert_true (GTK_IS_SWITCH (table_switch));

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  ot_worksheet_set_compared_treatments (worksheet, treatments);
  ot_worksheet_set_avoid_effects (worksheet, avoid);
  ot_test_ui_wait ();
  layout = ot_chart_widget_get_layout (chart);
  g_assert_cmpstr (ot_chart_layout_get_effect (layout, 0)->id, ==, "diarrhea");

  /* Focus puts the cursor on the first cell; the arrow keys move it, and
   * the words under the chart follow.  (Xvfb's pointer rests over the
   * chart, which does not move the cursor.) */
  g_assert_false (ot_chart_widget_get_cursor (chart, &cell));
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (chart)));
  g_assert_true (gtk_widget_is_focus (GTK_WIDGET (chart)));
  g_assert_true (ot_chart_widget_get_cursor (chart, &cell));
  g_assert_cmpint (cell.row, ==, 0);
  g_assert_cmpint (cell.column, ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (chart), "chart.move-cursor", "(ii)", 0, 1);
  g_assert_true (ot_chart_widget_get_cursor (chart, &cell));
  g_assert_cmpint (cell.row, ==, 0);
  g_assert_cmpint (cell.column, ==, 1);
  g_assert_nonnull (find_label_starting (view, "About 21 in 100 people treated with anti-EGFR drugs"));
  gtk_widget_activate_action (GTK_WIDGET (chart), "chart.move-cursor", "(ii)", 0, -1);
  g_assert_true (ot_chart_widget_get_cursor (chart, &cell));
  g_assert_cmpint (cell.column, ==, 0);
  g_assert_nonnull (ot_test_ui_find_label (view, "About 61 in 100 people treated with FOLFOX (5-FU, leucovorin "
                                                 "and oxaliplatin) get diarrhea, counting all cases; about 11 in 100 get it severely."));
  g_assert_nonnull (find_label_starting (view, "Source: British Journal of Cancer"));
  g_assert_nonnull (find_label_starting (view, "Who this is about: People with advanced colorectal cancer"));

  /* Against the edge the cursor stays put. */
  gtk_widget_activate_action (GTK_WIDGET (chart), "chart.move-cursor", "(ii)", -1, 0);
  g_assert_true (ot_chart_widget_get_cursor (chart, &cell));
  g_assert_cmpint (cell.row, ==, 0);

  /* A cell with no reliable figure says so, and why. */
  gtk_widget_activate_action (GTK_WIDGET (chart), "chart.move-cursor", "(ii)", 0, 2);
  g_assert_nonnull (find_label_starting (view, "There is no reliable figure for how many people treated with anti-VEGF"));

  /* Enter: the selected figure as 100 people. */
  g_assert_false (gtk_widget_is_drawable (icon_array));
  gtk_widget_activate_action (GTK_WIDGET (chart), "chart.move-cursor", "(ii)", 1, -2);
  gtk_widget_activate_action (GTK_WIDGET (chart), "chart.select-cursor", NULL);
  ot_test_ui_wait ();
  g_assert_true (ot_chart_widget_get_selected (chart, &cell));
  g_assert_cmpint (cell.row, ==, 1);
  g_assert_cmpint (cell.column, ==, 0);
  g_assert_true (gtk_widget_is_drawable (icon_array));
  /* Laid out in a frame to come: a slow (sanitizer) build may need more. */
  for (guint i = 0; i < 50 && gtk_widget_get_width (icon_array) == 0; i++)
    ot_test_ui_wait ();
  g_assert_cmpint (gtk_widget_get_width (icon_array), >, 50);
  g_assert_nonnull (find_label_starting (view, "About "));
  heading = g_strdup_printf ("%s with FOLFOX", ot_chart_layout_get_effect (ot_chart_widget_get_layout (chart), 1)->name);
  g_assert_nonnull (find_label_starting (view, heading));
  screenshot (window, "effects-light");

  /* The app's zoom makes the chart's text, and so the chart, larger. */
  height = ot_chart_layout_get_height (ot_chart_widget_get_layout (chart));
  ot_chart_widget_set_text_scale (chart, 1.5);
  g_assert_cmpfloat (ot_chart_layout_get_height (ot_chart_widget_get_layout (chart)), >, height * 1.3);
  ot_chart_widget_set_text_scale (chart, 1.0);

  /* Dark, following the system. */
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  ot_test_ui_wait ();
  g_assert_cmpint (ot_chart_widget_get_style_kind (chart), ==, OT_STYLE_DARK);
  g_assert_true (ot_chart_widget_get_selected (chart, &cell));
  screenshot (window, "effects-dark");
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
  ot_test_ui_wait ();
  g_assert_cmpint (ot_chart_widget_get_style_kind (chart), ==, OT_STYLE_LIGHT);

  /* The table: the same figures as labels. */
  gtk_widget_activate (table_switch);
  /* The switch slides before it turns on, slower on a loaded machine. */
  ot_test_ui_wait_until (ot_test_ui_not_drawn, chart);
  ot_test_ui_wait ();
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (table_switch)));
  g_assert_false (gtk_widget_is_drawable (GTK_WIDGET (chart)));
  g_assert_nonnull (ot_test_ui_find_label (view, "Diarrhea (you want to avoid this)"));
  g_assert_nonnull (ot_test_ui_find_label (view, "Anti-EGFR drugs (cetuximab, panitumumab)"));
  g_assert_nonnull (ot_test_ui_find_label (view, "about 61 in 100\nall cases, mild to severe\nabout 11 in 100 severely\nSources: 1"));
  g_assert_nonnull (ot_test_ui_find_label (view, "about 21 in 100\nall cases, mild to severe\nfrom 21 to 72 in 100 across studies\nSources: 2, 3"));
  g_assert_nonnull (ot_test_ui_find_label (view, "No reliable figure\nSources: 4"));
  g_assert_nonnull (find_label_starting (view, "Sources:\n1  British Journal of Cancer"));
  /* The benefits under them: bevacizumab's, which needs no test result. */
  g_assert_nonnull (ot_test_ui_find_label (view, "Chance of benefit (how many in 100 were helped)"));
  g_assert_nonnull (find_label_starting (view, "about 45 in 100\nComparison group: about 35 in 100 with: "
                                               "The same chemotherapy (an older plan called IFL) with a dummy drug\n"
                                               "First treatment for stage IV cancer, with any test results. "
                                               "During treatment.\nSources: "));
  screenshot (window, "effects-table");

  /* The table follows the worksheet as the chart does. */
  ot_worksheet_set_avoid_effects (worksheet, NULL);
  ot_test_ui_wait ();
  g_assert_nonnull (ot_test_ui_find_label (view, "Diarrhea"));
  g_assert_null (ot_test_ui_find_label (view, "Diarrhea (you want to avoid this)"));

  gtk_widget_activate (table_switch);
  ot_test_ui_wait_until (ot_test_ui_drawn, chart);
  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (chart)));
}

static void
test_read (void)
{
  ot_test_ui_run (read_body);
}

static void
narrow_body (OtApplication *app,
             OtWindow      *window)
{
  static const char * const treatments[] = { "folfox", "capox", "anti-egfr", "anti-vegf", NULL };
  GtkWidget *view = ot_test_ui_show_view (window, "side-effects");
  OtChartWidget *chart = ot_effects_view_get_chart (OT_EFFECTS_VIEW (view));

  ot_worksheet_set_compared_treatments (ot_window_get_worksheet (window), treatments);
  ot_test_resize (window, 400, 700);

  /* Narrow: the chart still fits its width, nothing clipped sideways. */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (chart)), <=, 400);
  g_assert_cmpfloat (ot_chart_layout_get_width (ot_chart_widget_get_layout (chart)),
                     ==, gtk_widget_get_width (GTK_WIDGET (chart)));
  screenshot (window, "effects-narrow");
}

static void
test_narrow (void)
{
  ot_test_ui_run (narrow_body);
}

/* How many rows of the chart (a side effect, with its figures for each
 * treatment) are shown whole at once, scrolled to the first one. */
static guint
count_rows_shown (OtChartWidget *chart)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (chart), GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  OtChartLayout *layout = ot_chart_widget_get_layout (chart);
  cairo_rectangle_t area;
  graphene_point_t top;
  guint shown = 0;

  /* Until the first row stays at the top, on a whole pixel: a new height
   * can fold the words under the chart, and the chart is laid out anew. */
  for (guint i = 0; i < 10; i++)
    {
      layout = ot_chart_widget_get_layout (chart);
      g_assert_true (ot_chart_layout_get_cell_area (layout, 0, 0, &area));
      g_assert_true (gtk_widget_compute_point (GTK_WIDGET (chart), scroller, &GRAPHENE_POINT_INIT (0, area.y), &top));
      if (i > 0 && top.y >= 0 && top.y < 1)
        break;
      gtk_adjustment_set_value (adjustment, floor (gtk_adjustment_get_value (adjustment) + top.y));
      ot_test_ui_wait ();
    }

  for (guint row = 0; row < ot_chart_layout_get_n_rows (layout); row++)
    {
      gboolean whole = TRUE;

      for (guint column = 0; column < ot_chart_layout_get_n_columns (layout); column++)
        {
          graphene_point_t point;

          g_assert_true (ot_chart_layout_get_cell_area (layout, row, column, &area));
          g_assert_true (gtk_widget_compute_point (GTK_WIDGET (chart), scroller,
                                                   &GRAPHENE_POINT_INIT (0, area.y), &point));
          whole &= point.y >= 0 && point.y + area.height <= gtk_widget_get_height (scroller);
        }
      shown += whole;
    }
  return shown;
}

static gboolean
flap_folded (gpointer flap)
{
  return adw_flap_get_folded (flap);
}

static gboolean
flap_unfolded (gpointer flap)
{
  return !adw_flap_get_folded (flap);
}

/* The small screen of a consultation room: the chart keeps six rows in
 * view, with a figure chosen as 100 people too.  At 1280x800 the chart
 * has room for its columns beside the sidebar; at 1024x600 it has not,
 * and the sidebar folds away behind its button as the window gets small.
 * The README's worksheet's FOLFIRI figure, "fewer than 1 in 100
 * moderately or severely", then breaks after its number: six rows with
 * either worksheet (two with that one, each row listing the treatments a
 * line each, before).  With the desktop's text at 200 % (its
 * resolution, as Large Text sets it) each row lists the four treatments,
 * and six such rows are three times the window's height: the chart keeps
 * two whole rows where each serious share fits on its figure's line, one
 * where FOLFIRI's shares go under their figures.  The suite runs this
 * again at a scale of 2 (GDK_SCALE=2, tests/meson.build).
 * In GTK's own font, Sans 10, on either display: on Xvfb no desktop names
 * a font, and on Wayland GTK reads GNOME's from GSettings (Cantarell 11,
 * Adwaita Sans 11 since GNOME 48), which falls back to DejaVu Sans 11
 * here, too wide for the four columns: each row then lists the
 * treatments, and three rows show (in Cantarell 11 itself, five whole
 * rows and part of a sixth). */
static void
rows_body (OtApplication *app,
           OtWindow      *window)
{
  /* Figures that fit in columns beside the sidebar; then the README's
   * worksheet, whose "fewer than 1 in 100 moderately or severely" does
   * not. */
  static const char * const short_figures[] = { "folfox", "capox", "anti-egfr", "anti-vegf", NULL };
  static const char * const long_figures[] = { "folfox", "folfiri", "anti-egfr", "pembrolizumab", NULL };
  static const char * const avoid[] = { "diarrhea", NULL };
  static const struct {
    const char * const *treatments;
    const char *name;
    int text;
    guint rows;
  } cases[] = {
    { short_figures, "short", 100, 6 }, { short_figures, "short", 200, 2 },
    { long_figures, "long", 100, 6 }, { long_figures, "long", 200, 1 },
  };
  GtkWidget *view = ot_test_ui_show_view (window, "side-effects");
  OtChartWidget *chart = ot_effects_view_get_chart (OT_EFFECTS_VIEW (view));
  AdwFlap *flap = ADW_FLAP (ot_test_ui_find (view, ADW_TYPE_FLAP, NULL, NULL));
  OtWorksheet *worksheet = ot_window_get_worksheet (window);
  GtkSettings *settings = gtk_settings_get_default ();
  g_autofree char *font = NULL;
  int dpi;

  ot_worksheet_set_avoid_effects (worksheet, avoid);
  /* The test display's pointer is no one's: wherever other tests left it,
   * it must not point at a figure, whose words would then take the room
   * under the chart. */
  gtk_widget_set_can_target (GTK_WIDGET (chart), FALSE);
  g_object_get (settings, "gtk-xft-dpi", &dpi, "gtk-font-name", &font, NULL);
  g_object_set (settings, "gtk-font-name", "Sans 10", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = NULL;
      g_autofree char *name_array = NULL;
      guint shown;

      ot_worksheet_set_compared_treatments (worksheet, cases[i].treatments);
      g_object_set (settings, "gtk-xft-dpi", dpi * cases[i].text / 100, NULL);
      ot_chart_widget_select (chart, -1, -1);
      ot_chart_widget_set_cursor (chart, -1, -1);
      /* From a wider window, as a person opens the file and then makes
       * the window smaller: the view decides on the sidebar as it is
       * resized. */
      ot_test_resize (window, 1280, 800);
      /* There the chart has the room for its columns beside the sidebar;
       * with large text it has not, and the sidebar folds away. */
      ot_test_ui_wait_until (cases[i].text > 100 ? flap_folded : flap_unfolded, flap);
      ot_test_resize (window, 1024, 600);
      g_assert_cmpint (ABS (gtk_widget_get_height (GTK_WIDGET (window)) - 600), <=, 16);
      /* The words under the chart fold away or back after the new size. */
      ot_test_ui_wait ();
      name = g_strdup_printf ("effects-1024x600-%s-text-%d-scale-%d", cases[i].name, cases[i].text,
                              gtk_widget_get_scale_factor (GTK_WIDGET (window)));

      /* Here the sidebar folds away behind its button. */
      ot_test_ui_wait_until (flap_folded, flap);
      shown = count_rows_shown (chart);
      g_test_message ("%s: %u rows of the chart in view", name, shown);
      screenshot (window, name);
      g_assert_cmpuint (shown, >=, cases[i].rows);

      /* A figure as 100 people, over the chart: it keeps its rows. */
      ot_chart_widget_select (chart, 0, 0);
      ot_test_ui_wait ();
      g_assert_true (gtk_widget_get_mapped (ot_test_ui_find (view, GTK_TYPE_DRAWING_AREA, NULL, NULL)));
      shown = count_rows_shown (chart);
      g_test_message ("%s, a figure as 100 people: %u rows of the chart in view", name, shown);
      name_array = g_strconcat (name, "-array", NULL);
      screenshot (window, name_array);
      g_assert_cmpuint (shown, >=, cases[i].rows);
    }
  g_object_set (settings, "gtk-xft-dpi", dpi, "gtk-font-name", font, NULL);
}

static void
test_rows (void)
{
  ot_test_ui_run (rows_body);
}

static gboolean
has_tooltip (GtkWidget     *widget,
             gconstpointer  text)
{
  return g_strcmp0 (gtk_widget_get_tooltip_text (widget), text) == 0;
}

static gboolean
focus_in_sidebar (gpointer data)
{
  GtkWidget *sidebar = adw_flap_get_flap (data);
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (sidebar));

  return focus != NULL && gtk_widget_is_ancestor (focus, sidebar);
}

/* Folded away for the chart, the sidebar opens from its button with the
 * keyboard among its choices, and gives the focus back when put away. */
static void
sidebar_keys_body (OtApplication *app,
                   OtWindow      *window)
{
  static const char * const treatments[] = { "folfox", "folfiri", "anti-egfr", "pembrolizumab", NULL };
  GtkWidget *view = ot_test_ui_show_view (window, "side-effects");
  AdwFlap *flap = ADW_FLAP (ot_test_ui_find (view, ADW_TYPE_FLAP, NULL, NULL));
  GtkWidget *button = ot_test_ui_find (view, GTK_TYPE_TOGGLE_BUTTON, has_tooltip, "Choose Treatments and Side Effects");

  ot_worksheet_set_compared_treatments (ot_window_get_worksheet (window), treatments);
  ot_test_resize (window, 1024, 600);
  ot_test_ui_wait_until (flap_folded, flap);
  g_assert_false (adw_flap_get_reveal_flap (flap));

  gtk_widget_grab_focus (button);
  gtk_widget_activate (button);
  ot_test_ui_wait_until (focus_in_sidebar, flap);
  /* The first treatment, in its open group. */
  g_assert_true (gtk_widget_is_drawable (gtk_root_get_focus (GTK_ROOT (window))));
  g_assert_true (GTK_IS_CHECK_BUTTON (gtk_root_get_focus (GTK_ROOT (window))));

  adw_flap_set_reveal_flap (flap, FALSE);
  ot_test_ui_wait ();
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == button);
}

static void
test_sidebar_keys (void)
{
  ot_test_ui_run (sidebar_keys_body);
}

/* Whether the chart shows its first row's figures side by side, a column
 * each, rather than listed under the side effect's name. */
static gboolean
chart_in_columns (OtChartWidget *chart)
{
  OtChartLayout *layout = ot_chart_widget_get_layout (chart);
  cairo_rectangle_t first, second;

  g_assert_true (ot_chart_layout_get_cell_area (layout, 0, 0, &first));
  g_assert_true (ot_chart_layout_get_cell_area (layout, 0, 1, &second));
  return second.y == first.y;
}

typedef struct
{
  AdwFlap       *flap;
  OtChartWidget *chart;
} FoldEdge;

/* The sidebar folded, or the chart, at its width now, in columns. */
static gboolean
folded_or_in_columns (gpointer data)
{
  FoldEdge *edge = data;
  OtChartLayout *layout = ot_chart_widget_get_layout (edge->chart);

  if (layout == NULL || ot_chart_layout_get_width (layout) != gtk_widget_get_width (GTK_WIDGET (edge->chart)))
    return FALSE;
  return adw_flap_get_folded (edge->flap) || chart_in_columns (edge->chart);
}

/* Just wider than the sidebar and the chart's columns, the sidebar does
 * not stay beside a chart that then lists the treatments under each side
 * effect: the chart beside it has its margins and the sidebar's line less
 * than that, and the sidebar folds away for the columns; with the room for
 * those too, it stays. */
static void
fold_edge_body (OtApplication *app,
                OtWindow      *window)
{
  static const char * const treatments[] = { "folfox", "folfiri", "anti-egfr", "pembrolizumab", NULL };
  GtkWidget *view = ot_test_ui_show_view (window, "side-effects");
  OtChartWidget *chart = ot_effects_view_get_chart (OT_EFFECTS_VIEW (view));
  AdwFlap *flap = ADW_FLAP (ot_test_ui_find (view, ADW_TYPE_FLAP, NULL, NULL));
  FoldEdge edge = { flap, chart };
  GtkSettings *settings = gtk_settings_get_default ();
  g_autofree char *font = NULL;
  int frame, sidebar, columns;

  /* GTK's own font on either display, as /effects-view/rows: on Wayland
   * GNOME's, which falls back to a wider one here. */
  g_object_get (settings, "gtk-font-name", &font, NULL);
  g_object_set (settings, "gtk-font-name", "Sans 10", NULL);
  ot_worksheet_set_compared_treatments (ot_window_get_worksheet (window), treatments);
  ot_test_resize (window, 1280, 800);
  ot_test_ui_wait_until (flap_unfolded, flap);
  frame = gtk_widget_get_width (GTK_WIDGET (window)) - gtk_widget_get_width (view);
  sidebar = gtk_widget_get_width (adw_flap_get_flap (flap));
  columns = (int) ceil (ot_chart_layout_get_columns_width (ot_chart_widget_get_layout (chart), NULL));
  for (int extra = 0; extra <= 40; extra += 4)
    {
      ot_test_resize (window, frame + sidebar + columns + extra, 700);
      ot_test_ui_wait_until (folded_or_in_columns, &edge);
      g_test_message ("view %d wide: the sidebar %s, the chart %d wide, its figures %s",
                      gtk_widget_get_width (view), adw_flap_get_folded (flap) ? "folded" : "beside",
                      gtk_widget_get_width (GTK_WIDGET (chart)), chart_in_columns (chart) ? "in columns" : "listed");
    }
  /* With the room for both, it stays. */
  ot_test_ui_wait_until (flap_unfolded, flap);
  g_object_set (settings, "gtk-font-name", font, NULL);
}

static void
test_fold_edge (void)
{
  ot_test_ui_run (fold_edge_body);
}

static gboolean
not_visible (gpointer widget)
{
  return !gtk_widget_get_visible (widget);
}

/* A folded group's rows are hidden: GTK would measure them all the same,
 * and the first showing of the view waited for that.  Unfolded, they are
 * there to tick; folded again, hidden once they have slid away. */
static void
folded_rows_body (OtApplication *app,
                  OtWindow      *window)
{
  static const char * const folfox[] = { "folfox", NULL };
  OtWorksheet *worksheet = ot_window_get_worksheet (window);
  GtkWidget *view;
  GtkWidget *expander;
  GtkWidget *folfox_row;
  GtkWidget *pembrolizumab_row;

  ot_worksheet_set_compared_treatments (worksheet, folfox);
  view = ot_test_ui_show_view (window, "side-effects");
  folfox_row = ot_test_ui_find (view, ADW_TYPE_ACTION_ROW, ot_test_ui_row_has_title, "FOLFOX (5-FU, leucovorin and oxaliplatin)");
  pembrolizumab_row = ot_test_ui_find (view, ADW_TYPE_ACTION_ROW, ot_test_ui_row_has_title, "Pembrolizumab (Keytruda)");
  g_assert_nonnull (folfox_row);
  g_assert_nonnull (pembrolizumab_row);
  ot_test_ui_wait_until (ot_test_ui_drawn, folfox_row);
  g_assert_false (gtk_widget_get_visible (pembrolizumab_row));

  expander = ot_test_ui_find (view, ADW_TYPE_EXPANDER_ROW, ot_test_ui_row_has_title, "Immunotherapy");
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);
  ot_test_ui_wait_until (ot_test_ui_drawn, pembrolizumab_row);
  tick (view, NULL, "Pembrolizumab (Keytruda)");
  assert_compared (worksheet, "folfox pembrolizumab");

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), FALSE);
  ot_test_ui_wait_until (not_visible, pembrolizumab_row);
  g_assert_true (gtk_widget_get_visible (folfox_row));
}

static void
test_folded_rows (void)
{
  ot_test_ui_run (folded_rows_body);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  ot_test_widgets_init ();
  if (!ot_test_ui_init (&argc, &argv))
    return 0;

  g_test_add_func ("/effects-view/choose", test_choose);
  g_test_add_func ("/effects-view/fits", test_fits);
  g_test_add_func ("/effects-view/starts", test_starts);
  g_test_add_func ("/effects-view/only-looked", test_only_looked);
  g_test_add_func ("/effects-view/read", test_read);
  g_test_add_func ("/effects-view/narrow", test_narrow);
  g_test_add_func ("/effects-view/sidebar-keys", test_sidebar_keys);
  g_test_add_func ("/effects-view/fold-edge", test_fold_edge);
  g_test_add_func ("/effects-view/rows", test_rows);
  g_test_add_func ("/effects-view/folded-rows", test_folded_rows);

  status = g_test_run ();
  ot_test_widgets_cleanup ();
  return status;
}
