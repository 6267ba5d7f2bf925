/* test-views.c: My Situation and Options, used as a clinician would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "ot-checks-notice.h"
#include "ot-compare-grid.h"
#include "ot-fit.h"
#include "ot-test-pack.h"
#include "ot-test-ui.h"
#include "ot-view.h"

/* Picks the item of a combo row by its text, as a person would. */
static void
choose (GtkWidget  *root,
        const char *row_title,
        const char *item)
{
  AdwComboRow *row = ADW_COMBO_ROW (ot_test_ui_find_row (root, row_title));
  GListModel *model;

  g_assert_nonnull (row);
  model = adw_combo_row_get_model (row);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) string = g_list_model_get_item (model, i);

      if (g_str_equal (gtk_string_object_get_string (string), item))
        {
          adw_combo_row_set_selected (row, i);
          return;
        }
    }
  g_error ("“%s” has no item “%s”", row_title, item);
}

/* A box whose first words are @heading. */
static gboolean
headed_by (GtkWidget     *widget,
           gconstpointer  heading)
{
  GtkWidget *first = gtk_widget_get_first_child (widget);

  return GTK_IS_LABEL (first) && g_str_equal (gtk_label_get_text (GTK_LABEL (first)), heading);
}

/* What Options shows of a treatment, under its name: how it fits, with
 * "Why?", and its chance of benefit. */
static GtkWidget *
treatment_block (GtkWidget  *options,
                 const char *treatment_id)
{
  const OtTreatment *treatment = ot_content_find_treatment (ot_view_get_content (OT_VIEW (options)), treatment_id);
  GtkWidget *found;

  g_assert_nonnull (treatment);
  found = ot_test_ui_find (options, GTK_TYPE_BOX, headed_by, treatment->name);
  g_assert_nonnull (found);
  return found;
}

/* The "Why?" button of a treatment on the Options view. */
static GtkMenuButton *
badge (GtkWidget  *options,
       const char *treatment_id)
{
  GtkWidget *found = ot_test_ui_find (treatment_block (options, treatment_id), GTK_TYPE_MENU_BUTTON, NULL, NULL);

  g_assert_nonnull (found);
  return GTK_MENU_BUTTON (found);
}

/* The fit in words, beside its "Why?" button. */
static const char *
fit_words (GtkMenuButton *badge)
{
  return gtk_label_get_text (GTK_LABEL (gtk_widget_get_prev_sibling (GTK_WIDGET (badge))));
}

static void
assert_badge (GtkWidget  *options,
              const char *treatment_id,
              const char *label,
              const char *reason_part)
{
  GtkMenuButton *button = badge (options, treatment_id);
  const char *tooltip = gtk_widget_get_tooltip_text (GTK_WIDGET (button));

  g_assert_cmpstr (fit_words (button), ==, label);
  g_assert_nonnull (tooltip);
  if (strstr (tooltip, reason_part) == NULL)
    g_error ("the reason for %s, “%s”, does not mention “%s”", treatment_id, tooltip, reason_part);
}

/* Scrolls the page to @widget, as a person would, and waits until it is
 * drawn fully inside the window: a popover can only be placed there. */
static void
wait_until_shown (GtkWidget *widget,
                  OtWindow  *window)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  GtkWidget *child = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller));

  /* Again each time: the page may still be growing as it is laid out, and
   * a scroll past its end is cut short. */
  for (guint i = 0; i < 50; i++)
    {
      graphene_rect_t bounds;

      /* Where it is shown now, so where it is on the page is that plus
       * how far the page is scrolled. */
      g_assert_true (gtk_widget_compute_bounds (widget, child, &bounds));
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + bounds.origin.y
                                            - gtk_adjustment_get_page_size (adjustment) / 2);
      ot_test_ui_wait ();
      g_assert_true (gtk_widget_compute_bounds (widget, GTK_WIDGET (window), &bounds));
      if (bounds.origin.y >= 0
          && bounds.origin.y + bounds.size.height <= gtk_widget_get_height (GTK_WIDGET (window)))
        return;
    }
  g_error ("the widget never scrolled into view");
}

static void
untested_body (OtApplication *app,
               OtWindow      *window)
{
  GtkWidget *options = ot_test_ui_show_view (window, "options");

  /* Nothing tested yet: what hangs on a test result says so. */
  assert_badge (options, "anti-egfr", "? Depends on your RAS result", "RAS");
  assert_badge (options, "pembrolizumab", "? Depends on your MMR or MSI result", "MMR");
  assert_badge (options, "braf-combo", "? Depends on your BRAF result", "BRAF");
  assert_badge (options, "palliative-care", "✓ Likely to help", "");
  /* What rests on the person's wishes does not read as if a test decides. */
  assert_badge (options, "comfort-focus", "○ Your choice, when you are ready", "not on a test");
  assert_badge (options, "hospice", "○ Your choice, when you are ready", "not on a test");
}

static void
test_untested (void)
{
  ot_test_ui_run (untested_body);
}

static void
biomarkers_body (OtApplication *app,
                 OtWindow      *window)
{
  GtkWidget *situation = ot_test_ui_show_view (window, "situation");
  OtWorksheet *worksheet = ot_window_get_worksheet (window);
  GtkWidget *options;

  /* A clinician enters the report through the My Situation rows. */
  choose (situation, "MMR / MSI", "dMMR / MSI-high");
  choose (situation, "RAS (KRAS and NRAS)", "KRAS or NRAS change (not G12C)");
  choose (situation, "_Where It Started", "Left side of the colon");
  g_assert_cmpstr (ot_worksheet_get_biomarker (worksheet, "mmr"), ==, "dmmr");
  g_assert_cmpstr (ot_worksheet_get_biomarker (worksheet, "ras"), ==, "mutated");
  g_assert_cmpint (ot_worksheet_get_side (worksheet), ==, OT_SIDE_LEFT);
  ot_test_ui_screenshot (GTK_WIDGET (window), "situation-filled");

  options = ot_test_ui_show_view (window, "options");
  assert_badge (options, "anti-egfr", "✗ Not expected to help", "RAS");
  assert_badge (options, "pembrolizumab", "✓ Likely to help", "MSI-high");
  assert_badge (options, "nivolumab-ipilimumab", "✓ Likely to help", "MSI-high");

  /* The badge, reached by keyboard, opens its reason and sources. */
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (badge (options, "anti-egfr"))));
  wait_until_shown (GTK_WIDGET (badge (options, "anti-egfr")), window);
  ot_test_ui_screenshot (GTK_WIDGET (window), "options-badges");
  gtk_menu_button_popup (badge (options, "anti-egfr"));
  ot_test_ui_wait ();
  g_assert_nonnull (gtk_menu_button_get_popover (badge (options, "anti-egfr")));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (badge (options, "anti-egfr")))));
  g_assert_nonnull (ot_test_ui_find_label (GTK_WIDGET (gtk_menu_button_get_popover (badge (options, "anti-egfr"))),
                                           "About this treatment"));
  ot_test_ui_screenshot (GTK_WIDGET (gtk_menu_button_get_popover (badge (options, "anti-egfr"))),
                         "options-fit-popover");
  gtk_menu_button_popdown (badge (options, "anti-egfr"));

  /* A new result changes the fit at once. */
  choose (situation, "RAS (KRAS and NRAS)", "No RAS change (RAS wild-type)");
  ot_test_ui_wait ();
  g_assert_cmpstr (fit_words (badge (options, "anti-egfr")), !=, "✗ Not expected to help");
}

static void
test_biomarkers (void)
{
  ot_test_ui_run (biomarkers_body);
}

static gboolean
label_containing (GtkWidget     *widget,
                  gconstpointer  words)
{
  return gtk_widget_is_drawable (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), words) != NULL;
}

/* The notice of @view, shown and saying @words; or hidden with @words NULL. */
static void
assert_notice (GtkWidget  *view,
               const char *words)
{
  GtkWidget *notice = ot_test_ui_find (view, OT_TYPE_CHECKS_NOTICE, NULL, NULL);

  g_assert_nonnull (notice);
  ot_test_ui_wait ();
  if (words == NULL)
    {
      g_assert_false (gtk_widget_get_visible (notice));
      return;
    }
  g_assert_true (gtk_widget_is_drawable (notice));
  g_assert_nonnull (ot_test_ui_find_label (notice, ot_fit_checks_heading ()));
  if (ot_test_ui_find (notice, GTK_TYPE_LABEL, label_containing, words) == NULL)
    g_error ("the notice does not say “%s”", words);
}

static void
checks_body (OtApplication *app,
             OtWindow      *window)
{
  GtkWidget *situation = ot_test_ui_show_view (window, "situation");
  GtkWidget *options;

  assert_notice (situation, NULL);

  /* Results that rarely occur together, entered as a clinician would. */
  choose (situation, "MMR / MSI", "pMMR / MSS");
  choose (situation, "RAS (KRAS and NRAS)", "KRAS or NRAS change (not G12C)");
  choose (situation, "BRAF", "BRAF V600E change");
  assert_notice (situation, "a RAS change and the BRAF V600E change");
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (
    gtk_widget_get_ancestor (ot_test_ui_find (situation, OT_TYPE_CHECKS_NOTICE, NULL, NULL),
                             GTK_TYPE_SCROLLED_WINDOW))), 0);
  ot_test_ui_screenshot (GTK_WIDGET (window), "situation-checks");

  /* Options says so too, and the fits agree: no plan with cetuximab or
   * panitumumab reads as likely to help. */
  options = ot_test_ui_show_view (window, "options");
  assert_notice (options, "a RAS change and the BRAF V600E change");
  assert_badge (options, "anti-egfr", "✗ Not expected to help", "RAS");
  assert_badge (options, "braf-combo", "? Depends on checking your RAS and BRAF results", "cetuximab");
  ot_test_ui_screenshot (GTK_WIDGET (window), "options-checks");

  /* Corrected, the notice goes. */
  choose (situation, "RAS (KRAS and NRAS)", "No RAS change (RAS wild-type)");
  assert_notice (options, NULL);
  assert_notice (situation, NULL);

  /* A result the pack cannot read, as from a file: named, counted as not
   * known, and kept as it was until the person chooses again. */
  ot_worksheet_set_biomarker (ot_window_get_worksheet (window), "her2", "her2-positive");
  assert_notice (options, "The HER2 result “her2-positive” could not be read");
  assert_badge (options, "her2-targeted", "? Depends on your HER2 result", "HER2 test");
  situation = ot_test_ui_show_view (window, "situation");
  assert_notice (situation, "The HER2 result “her2-positive” could not be read");
  g_assert_cmpstr (ot_worksheet_get_biomarker (ot_window_get_worksheet (window), "her2"), ==, "her2-positive");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (ot_test_ui_find_row (situation, "HER2"))), ==,
                   "The result in the file could not be read, so it counts as not known. Please choose it again.");
}

static void
test_checks (void)
{
  ot_test_ui_run (checks_body);
}

static gboolean
toggle_named (GtkWidget     *widget,
              gconstpointer  name)
{
  return g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), name) == 0;
}

/* Whether the rows of the grid @data have been placed since it was
 * filled: the first rows lie at the top until then. */
static gboolean
rows_placed (gpointer data)
{
  GtkWidget *label = ot_test_ui_find_label (data, "What it is");

  return label != NULL && ot_test_ui_corner_in (data, label).y > 0;
}

static void
compare_body (OtApplication *app,
              OtWindow      *window)
{
  static const char *names[] = { "Chemotherapy", "Targeted therapy", "Immunotherapy",
                                 "Radiation therapy", "Clinical trials" };
  GtkWidget *options = ot_test_ui_show_view (window, "options");
  OtWorksheet *worksheet = ot_window_get_worksheet (window);

  /* All eight columns by default. */
  g_assert_nonnull (ot_test_ui_find_label (options, "Clinical trials"));

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (ot_test_ui_find (options, GTK_TYPE_TOGGLE_BUTTON,
                                                                      toggle_named, names[i])),
                                  TRUE);
  ot_test_ui_wait ();

  /* Four at most: the fifth is refused and the person is told why. */
  g_assert_cmpuint (g_strv_length ((GStrv) ot_worksheet_get_compared_categories (worksheet)), ==, 4);
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (ot_test_ui_find (options, GTK_TYPE_TOGGLE_BUTTON,
                                                                                    toggle_named, "Clinical trials"))));
  g_assert_nonnull (ot_test_ui_find_label (options, "Compare up to four at a time. Clear one to choose another."));

  /* The grid's column headings are the compared categories only. */
  g_assert_nonnull (ot_test_ui_find (options, OT_TYPE_COMPARE_GRID, NULL, NULL));
  {
    GtkWidget *grid = ot_test_ui_find (options, OT_TYPE_COMPARE_GRID, NULL, NULL);

    graphene_point_t fits, what_it_is;

    g_assert_nonnull (ot_test_ui_find_label (grid, "Radiation therapy"));
    g_assert_null (ot_test_ui_find_label (grid, "Clinical trials"));
    g_assert_null (ot_test_ui_find_label (grid, "Palliative care and hospice"));

    /* What is personal comes first: how the treatments fit, above the
     * rows that are the same for everyone. */
    ot_test_ui_wait_until (rows_placed, grid);
    g_assert_true (gtk_widget_compute_point (ot_test_ui_find_label (grid, "Treatments and how they fit"), grid,
                                             &GRAPHENE_POINT_INIT (0, 0), &fits));
    g_assert_true (gtk_widget_compute_point (ot_test_ui_find_label (grid, "What it is"), grid,
                                             &GRAPHENE_POINT_INIT (0, 0), &what_it_is));
    g_assert_cmpfloat (fits.y, <, what_it_is.y);
  }
  ot_test_ui_screenshot (GTK_WIDGET (window), "options-compare");
}

static void
test_compare (void)
{
  ot_test_ui_run (compare_body);
}

/* Every kind of treatment can be seen to be chosen: at 1024 px, in a
 * narrow window and with large text, each toggle is whole inside the
 * view, on a line of its own or beside others, never over another. */
static void
compare_bar_body (OtApplication *app,
                  OtWindow      *window)
{
  static const struct { int width, height, text; } sizes[] = {
    { 1024, 600, 100 }, { 1024, 600, 200 }, { 400, 800, 100 }, { 400, 800, 200 }, { 1280, 800, 100 }
  };
  GtkWidget *options = ot_test_ui_show_view (window, "options");
  GtkWidget *toggles = ot_test_find_by_id (options, "category_toggles");
  GtkSettings *settings = gtk_settings_get_default ();
  int dpi;

  g_object_get (settings, "gtk-xft-dpi", &dpi, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      graphene_rect_t last = GRAPHENE_RECT_INIT (0, 0, 0, 0);
      guint shown = 0;
      int lines = 0;

      g_object_set (settings, "gtk-xft-dpi", dpi * sizes[i].text / 100, NULL);
      ot_test_resize (window, sizes[i].width, sizes[i].height);
      g_test_message ("%d × %d, text at %d %%", sizes[i].width, sizes[i].height, sizes[i].text);
      for (GtkWidget *toggle = gtk_widget_get_first_child (toggles);
           toggle != NULL;
           toggle = gtk_widget_get_next_sibling (toggle))
        {
          GtkWidget *label = gtk_button_get_child (GTK_BUTTON (toggle));
          graphene_rect_t bounds;

          g_assert_true (gtk_widget_compute_bounds (toggle, options, &bounds));
          g_assert_true (gtk_widget_get_mapped (toggle));
          g_assert_cmpfloat (bounds.origin.x, >=, 0);
          g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (options));
          g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (label))));
          /* After the one before on its line, or below it on the next. */
          if (shown > 0 && bounds.origin.y == last.origin.y)
            g_assert_cmpfloat (bounds.origin.x, >=, last.origin.x + last.size.width);
          else if (shown > 0)
            g_assert_cmpfloat (bounds.origin.y, >=, last.origin.y + last.size.height);
          lines += shown == 0 || bounds.origin.y != last.origin.y;
          last = bounds;
          shown++;
        }
      g_assert_cmpuint (shown, ==, 8);
      g_test_message ("%d lines", lines);
      if (sizes[i].width == 1280)
        g_assert_cmpint (lines, <=, 2);
    }
  g_object_set (settings, "gtk-xft-dpi", dpi, NULL);
}

static void
test_compare_bar (void)
{
  ot_test_ui_run (compare_bar_body);
}

static gboolean
says (GtkWidget     *widget,
      gconstpointer  text)
{
  return gtk_widget_is_drawable (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL;
}

/* The "Chance of benefit" of one treatment on the Options view. */
static GtkWidget *
benefit (GtkWidget  *options,
         const char *treatment_id)
{
  GtkWidget *found = ot_test_ui_find (treatment_block (options, treatment_id), GTK_TYPE_BOX,
                                      headed_by, "Chance of benefit");

  g_assert_nonnull (found);
  return found;
}

static void
benefits_body (OtApplication *app,
               OtWindow      *window)
{
  GtkWidget *situation = ot_test_ui_show_view (window, "situation");
  GtkWidget *options;

  /* No BRAF result: no BREAKWATER figures. */
  options = ot_test_ui_show_view (window, "options");
  g_assert_null (ot_test_ui_find (benefit (options, "braf-combo"), GTK_TYPE_LABEL, says, "61 in 100"));
  g_assert_nonnull (ot_test_ui_find (benefit (options, "braf-combo"), GTK_TYPE_LABEL, says,
                                     "No figures for this situation"));

  /* BRAF V600E before any treatment: the first-line trial, with its group
   * and source, and not yet the survival it reports. */
  ot_test_ui_show_view (window, "situation");
  choose (situation, "BRAF", "BRAF V600E change");
  options = ot_test_ui_show_view (window, "options");
  ot_test_ui_wait ();
  g_assert_nonnull (ot_test_ui_find (benefit (options, "braf-combo"), GTK_TYPE_LABEL, says,
                                     "About 61 in 100 people's tumors shrank"));
  g_assert_nonnull (ot_test_ui_find (benefit (options, "braf-combo"), GTK_TYPE_LABEL, says,
                                     "First treatment, BRAF V600E change"));
  g_assert_nonnull (ot_test_ui_find (benefit (options, "braf-combo"), GTK_TYPE_LABEL, says,
                                     "New England Journal of Medicine"));
  g_assert_null (ot_test_ui_find (benefit (options, "braf-combo"), GTK_TYPE_LABEL, says, "30.3 months"));
  g_assert_nonnull (ot_test_ui_find (benefit (options, "braf-combo"), GTK_TYPE_LABEL, says,
                                     "Survival figures are hidden."));

  /* Asked for survival numbers: this option's own, for this situation. */
  ot_test_ui_show_view (window, "situation");
  gtk_switch_set_active (GTK_SWITCH (ot_test_ui_find (ot_test_ui_find_row (situation, "Show Survival _Numbers"),
                                                    GTK_TYPE_SWITCH, NULL, NULL)), TRUE);
  options = ot_test_ui_show_view (window, "options");
  ot_test_ui_wait ();
  g_assert_nonnull (ot_test_ui_find (benefit (options, "braf-combo"), GTK_TYPE_LABEL, says,
                                     "Half the people lived 30.3 months or longer"));
  g_assert_null (ot_test_ui_find (benefit (options, "braf-combo"), GTK_TYPE_LABEL, says,
                                  "Survival figures are hidden."));
  wait_until_shown (ot_test_ui_find_label (benefit (options, "braf-combo"), "Chance of benefit"), window);
  ot_test_ui_screenshot (GTK_WIDGET (window), "options-benefits");

  /* After a first treatment, the later-line trial instead. */
  ot_worksheet_set_prior_lines (ot_window_get_worksheet (window), 1);
  ot_test_ui_wait ();
  g_assert_null (ot_test_ui_find (benefit (options, "braf-combo"), GTK_TYPE_LABEL, says, "61 in 100"));
  g_assert_nonnull (ot_test_ui_find (benefit (options, "braf-combo"), GTK_TYPE_LABEL, says,
                                     "About 20 in 100 people's tumors shrank"));
}

static void
test_benefits (void)
{
  ot_test_ui_run (benefits_body);
}

static void
stage_body (OtApplication *app,
            OtWindow      *window)
{
  GtkWidget *situation = ot_test_ui_show_view (window, "situation");
  OtWorksheet *worksheet = ot_window_get_worksheet (window);
  GtkWidget *use;
  GtkWidget *survival;

  /* Liver and lungs: two organs point to IVB, offered but not imposed. */
  ot_worksheet_set_sites (worksheet, OT_SITE_LIVER | OT_SITE_LUNG);
  ot_test_ui_wait ();
  g_assert_cmpint (ot_worksheet_get_substage (worksheet), ==, OT_SUBSTAGE_UNSET);
  use = GTK_WIDGET (ot_test_ui_find (situation, GTK_TYPE_BUTTON, toggle_named, "Use Stage IVB"));
  g_assert_nonnull (use);
  g_assert_true (gtk_widget_get_visible (use));
  g_signal_emit_by_name (use, "clicked");
  g_assert_cmpint (ot_worksheet_get_substage (worksheet), ==, OT_SUBSTAGE_IVB);
  g_assert_false (gtk_widget_get_visible (use));

  /* Survival numbers stay hidden until asked for. */
  survival = ot_test_ui_find_row (situation, "Survival numbers (shown only if you ask)");
  g_assert_nonnull (survival);
  g_assert_false (gtk_widget_get_visible (survival));
  gtk_switch_set_active (GTK_SWITCH (ot_test_ui_find (ot_test_ui_find_row (situation, "Show Survival _Numbers"),
                                                    GTK_TYPE_SWITCH, NULL, NULL)), TRUE);
  g_assert_true (ot_worksheet_get_show_survival (worksheet));
  g_assert_true (gtk_widget_get_visible (survival));

  /* An opened worksheet shows in the widgets. */
  {
    g_autoptr(OtWorksheet) opened = ot_worksheet_new ();

    ot_worksheet_set_biomarker (opened, "braf", "v600e");
    ot_worksheet_set_prior_lines (opened, 2);
    ot_worksheet_copy_from (worksheet, opened);
  }
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (ot_test_ui_find_row (situation, "T_reatment So Far"))), ==, 2);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (ot_test_ui_find_row (situation, "BRAF"))), ==, 1);
}

static void
test_stage (void)
{
  ot_test_ui_run (stage_body);
}

static void
overdue_body (OtApplication *app,
              OtWindow      *window)
{
  GtkRevealer *banner = GTK_REVEALER (ot_test_ui_find (GTK_WIDGET (window), GTK_TYPE_REVEALER, NULL, NULL));
  GtkWidget *label = gtk_revealer_get_child (banner);

  /* The test pack's review-by date, 30 June 2026, has passed. */
  g_assert_true (gtk_revealer_get_reveal_child (banner));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), "It may be out of date"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), "2026"));
  ot_test_ui_screenshot (GTK_WIDGET (window), "banner-overdue");
}

static void
test_overdue (void)
{
  g_autofree char *pack = ot_test_pack_path ("minimal.xml");

  ot_test_ui_run_args (overdue_body, "--content", pack, NULL);
}

static void
bad_pack_body (OtApplication *app,
               OtWindow      *window)
{
  GtkRevealer *banner = GTK_REVEALER (ot_test_ui_find (GTK_WIDGET (window), GTK_TYPE_REVEALER, NULL, NULL));
  const char *text = gtk_label_get_text (GTK_LABEL (gtk_revealer_get_child (banner)));

  /* A clinic's broken pack is named with its problem; the built-in one is used. */
  g_assert_true (gtk_revealer_get_reveal_child (banner));
  g_assert_nonnull (strstr (text, "unknown-source.xml"));
  g_assert_nonnull (strstr (text, "no-such-source"));
  g_assert_cmpuint (ot_content_get_categories (ot_application_get_content (app))->len, ==, 8);
}

static void
test_bad_pack (void)
{
  g_autofree char *pack = ot_test_pack_path ("unknown-source.xml");

  ot_test_ui_run_args (bad_pack_body, "--content", pack, NULL);
}

static void
sources_body (OtApplication *app,
              OtWindow      *window)
{
  GPtrArray *sources = ot_content_get_sources (ot_application_get_content (app));
  const OtSource *first = sources->pdata[0];
  GtkWindow *sources_window = NULL;
  GList *windows;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.sources", NULL);
  ot_test_ui_wait ();
  windows = gtk_window_list_toplevels ();
  for (GList *l = windows; l; l = l->next)
    if (g_strcmp0 (G_OBJECT_TYPE_NAME (l->data), "OtSourcesWindow") == 0)
      sources_window = l->data;
  g_list_free (windows);

  g_assert_nonnull (sources_window);
  g_assert_nonnull (ot_test_ui_find_row (GTK_WIDGET (sources_window), first->title));
  ot_test_ui_screenshot (GTK_WIDGET (sources_window), "sources-window");
  gtk_window_destroy (sources_window);
}

static void
test_sources (void)
{
  ot_test_ui_run (sources_body);
}

/* The small screen of a consultation room: 1024 × 600. */
static void
small_screen_body (OtApplication *app,
                   OtWindow      *window)
{
  GtkWidget *options;
  int min_width;

  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 600);
  ot_test_ui_wait ();
  options = ot_test_ui_show_view (window, "options");
  ot_test_ui_wait ();

  /* Nothing forces the window wider than the screen. */
  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  g_assert_cmpint (min_width, <=, 1024);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 1024);
  g_assert_nonnull (ot_test_ui_find_label (options, "Chemotherapy"));
  ot_test_ui_screenshot (GTK_WIDGET (window), "options-1024x600");
  ot_test_ui_show_view (window, "situation");
  ot_test_ui_screenshot (GTK_WIDGET (window), "situation-1024x600");
}

static void
test_small_screen (void)
{
  ot_test_ui_run (small_screen_body);
}

static const char * const four_categories[] = { "chemotherapy", "targeted", "immunotherapy", "radiation", NULL };
static const char * const four_names[] = { "Chemotherapy", "Targeted therapy", "Immunotherapy", "Radiation therapy" };

/* Options with four categories compared, in a window @width wide, and
 * its grid, once laid out side by side (@stacked FALSE) or one after
 * another. */
static GtkWidget *
compare_four (OtWindow *window,
              int       width,
              int       height,
              gboolean  stacked)
{
  GtkWidget *options = ot_test_ui_show_view (window, "options");
  GtkWidget *grid = ot_test_ui_find (options, OT_TYPE_COMPARE_GRID, NULL, NULL);

  ot_worksheet_set_compared_categories (ot_window_get_worksheet (window), four_categories);
  ot_test_resize (window, width, height);
  for (guint i = 0; i < 50 && ot_compare_grid_get_stacked (OT_COMPARE_GRID (grid)) != stacked; i++)
    ot_test_ui_wait ();
  ot_test_ui_wait ();
  g_assert_cmpint (ot_compare_grid_get_stacked (OT_COMPARE_GRID (grid)), ==, stacked);
  return grid;
}

/* Whether @label is seen whole in @grid's window, with nothing over it. */
static gboolean
in_view (GtkWidget *grid,
         GtkWidget *label)
{
  graphene_rect_t bounds;
  GtkWidget *picked;

  if (label == NULL || !gtk_widget_compute_bounds (label, grid, &bounds))
    return FALSE;
  if (bounds.origin.x < 0 || bounds.origin.y < 0
      || bounds.origin.x + bounds.size.width > gtk_widget_get_width (grid)
      || bounds.origin.y + bounds.size.height > gtk_widget_get_height (grid))
    return FALSE;
  picked = gtk_widget_pick (grid, bounds.origin.x + bounds.size.width / 2,
                            bounds.origin.y + bounds.size.height / 2, GTK_PICK_DEFAULT);
  return picked == label || (picked != NULL && gtk_widget_is_ancestor (picked, label));
}

/* The small screen of a consultation room: four options fit side by
 * side in columns of one width, and scrolled down and sideways the
 * options' names and the rows' titles stay in view. */
static void
sticky_body (OtApplication *app,
             OtWindow      *window)
{
  GtkWidget *grid = compare_four (window, 1024, 600, FALSE);
  GtkAdjustment *vertical = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (grid));
  GtkAdjustment *sideways = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (grid));
  GtkWidget *title;

  /* All four fit at 1024 px, in columns of one width. */
  g_assert_cmpfloat (gtk_adjustment_get_upper (sideways), <=, gtk_adjustment_get_page_size (sideways));
  for (guint i = 0; i < G_N_ELEMENTS (four_names); i++)
    {
      GtkWidget *name = ot_test_ui_find_label (grid, four_names[i]);

      g_assert_true (in_view (grid, name));
      g_assert_cmpint (gtk_widget_get_width (name), ==,
                       gtk_widget_get_width (ot_test_ui_find_label (grid, four_names[0])));
    }

  /* Down to "How often and how long": the names stay above it, and its
   * title beside it. */
  title = ot_test_ui_find_label (grid, "How often and how long");
  gtk_adjustment_set_value (vertical, ot_test_ui_corner_in (grid, title).y - 150);
  ot_test_ui_wait ();
  g_assert_cmpfloat (gtk_adjustment_get_value (vertical), >, 300);
  g_assert_true (in_view (grid, title));
  for (guint i = 0; i < G_N_ELEMENTS (four_names); i++)
    if (!in_view (grid, ot_test_ui_find_label (grid, four_names[i])))
      g_error ("“%s” went out of view as the grid scrolled down", four_names[i]);
  ot_test_ui_screenshot (GTK_WIDGET (window), "options-scrolled-1024x600");

  /* Narrower: the columns scroll sideways, under the rows' titles. */
  ot_test_resize (window, 760, 600);
  g_assert_cmpfloat (gtk_adjustment_get_upper (sideways), >, gtk_adjustment_get_page_size (sideways));
  gtk_adjustment_set_value (sideways, gtk_adjustment_get_upper (sideways));
  ot_test_ui_wait ();
  g_assert_cmpfloat (gtk_adjustment_get_value (sideways), >, 100);
  g_assert_true (in_view (grid, ot_test_ui_find_label (grid, "Radiation therapy")));
  /* The first column went under the titles, which stay. */
  g_assert_false (in_view (grid, ot_test_ui_find_label (grid, "Chemotherapy")));
  title = ot_test_ui_find_label (grid, "How often and how long");
  gtk_adjustment_set_value (vertical, ot_test_ui_corner_in (grid, title).y + gtk_adjustment_get_value (vertical) - 150);
  ot_test_ui_wait ();
  g_assert_true (in_view (grid, title));
  g_assert_cmpfloat (ot_test_ui_corner_in (grid, title).x, <, 30);
  ot_test_ui_screenshot (GTK_WIDGET (window), "options-scrolled-760x600");
}

static void
test_sticky (void)
{
  ot_test_ui_run (sticky_body);
}

/* Under 600 px the options come one after another, each cell with its
 * row's title; wider again, side by side. */
static void
stacked_body (OtApplication *app,
              OtWindow      *window)
{
  GtkWidget *grid = compare_four (window, 560, 800, TRUE);
  GtkAdjustment *sideways = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (grid));
  GtkWidget *options = gtk_widget_get_ancestor (grid, OT_TYPE_VIEW);
  guint what_it_is = 0;

  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <, 600);
  /* Nothing to scroll sideways. */
  g_assert_cmpfloat (gtk_adjustment_get_upper (sideways), <=, gtk_adjustment_get_page_size (sideways));
  for (guint i = 1; i < G_N_ELEMENTS (four_names); i++)
    {
      GtkWidget *before = ot_test_ui_find_label (grid, four_names[i - 1]);
      GtkWidget *name = ot_test_ui_find_label (grid, four_names[i]);

      g_assert_nonnull (name);
      g_assert_cmpfloat (ot_test_ui_corner_in (grid, name).x, ==, ot_test_ui_corner_in (grid, before).x);
      g_assert_cmpfloat (ot_test_ui_corner_in (grid, name).y, >, ot_test_ui_corner_in (grid, before).y + 300);
    }
  /* Each option says which row is which. */
  ot_test_ui_count_shown (grid, "What it is", &what_it_is);
  g_assert_cmpuint (what_it_is, ==, 4);
  ot_test_ui_screenshot (GTK_WIDGET (window), "options-stacked");

  /* Wider: side by side again, the names in one row. */
  ot_worksheet_set_compared_categories (ot_window_get_worksheet (window), NULL);
  ot_test_ui_wait ();
  grid = compare_four (window, 1024, 600, FALSE);
  g_assert_true (grid == ot_test_ui_find (options, OT_TYPE_COMPARE_GRID, NULL, NULL));
  for (guint i = 1; i < G_N_ELEMENTS (four_names); i++)
    g_assert_cmpfloat (ot_test_ui_corner_in (grid, ot_test_ui_find_label (grid, four_names[i])).y, ==,
                       ot_test_ui_corner_in (grid, ot_test_ui_find_label (grid, four_names[0])).y);
}

static void
test_stacked (void)
{
  ot_test_ui_run (stacked_body);
}

/* Fails on the first label shown under @root that ends in "…" where its
 * words did not fit; counts the others. */
static void
assert_uncut (GtkWidget *root,
              guint     *shown)
{
  if (GTK_IS_LABEL (root) && gtk_widget_is_drawable (root) && *gtk_label_get_text (GTK_LABEL (root)) != '\0')
    {
      if (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (root))))
        g_error ("“%s” is cut short in a %s", gtk_label_get_text (GTK_LABEL (root)),
                 G_OBJECT_TYPE_NAME (gtk_widget_get_parent (root)));
      (*shown)++;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    assert_uncut (child, shown);
}

/* The lists that open from My Situation's rows show every choice whole. */
static void
assert_lists_uncut (GtkWidget *situation)
{
  AdwComboRow *ras = ADW_COMBO_ROW (ot_test_ui_find_row (situation, "RAS (KRAS and NRAS)"));
  guint lists = 0;

  g_assert_nonnull (ras);
  for (GtkWidget *row = GTK_WIDGET (ras); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *popover;
      guint shown = 0;

      if (!ADW_IS_COMBO_ROW (row))
        continue;
      g_test_message ("the list of %s", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
      wait_until_shown (row, OT_WINDOW (gtk_widget_get_root (row)));
      gtk_widget_activate (row);
      popover = ot_test_ui_find (row, GTK_TYPE_POPOVER, NULL, NULL);
      g_assert_nonnull (popover);
      for (guint i = 0; i < 50 && !gtk_widget_is_drawable (popover); i++)
        ot_test_ui_wait ();
      ot_test_ui_wait ();
      if (lists == 0)
        ot_test_ui_screenshot (GTK_WIDGET (gtk_widget_get_root (row)), "situation-ras-list");
      assert_uncut (popover, &shown);
      /* "Not tested yet", the results, "Not sure". */
      g_assert_cmpuint (shown, >=, 3);
      gtk_popover_popdown (GTK_POPOVER (popover));
      ot_test_ui_wait ();
      lists++;
    }
  g_assert_cmpuint (lists, >=, 4);
}

/* Nothing is cut short: the title and the views' names at the top and in
 * the bar at the bottom, and the lists of My Situation, on the screens of
 * a consultation room and in a narrow window, there also with the
 * desktop's text at 200 % and back. */
static void
uncut_body (OtApplication *app,
            OtWindow      *window)
{
  /* Wide last: the window's size is kept for the tests that follow. */
  static const struct { int width, height, text; } sizes[] = {
    { 400, 800, 100 }, { 400, 800, 200 }, { 400, 800, 100 }, { 1024, 600, 100 }, { 1280, 800, 100 }
  };
  GtkWidget *situation = ot_test_ui_show_view (window, "situation");
  GtkWidget *header = ot_test_ui_find (GTK_WIDGET (window), ADW_TYPE_HEADER_BAR, NULL, NULL);
  GtkWidget *bar = ot_test_ui_find (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_BAR, NULL, NULL);
  GtkSettings *settings = gtk_settings_get_default ();
  int dpi;

  g_object_get (settings, "gtk-xft-dpi", &dpi, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      gboolean narrow = sizes[i].width < 600;
      guint shown = 0;

      g_object_set (settings, "gtk-xft-dpi", dpi * sizes[i].text / 100, NULL);
      ot_test_resize (window, sizes[i].width, sizes[i].height);
      g_test_message ("%d × %d, text at %d %%", sizes[i].width, sizes[i].height, sizes[i].text);
      assert_uncut (header, &shown);
      /* Wide, the views by name at the top; narrow, the title there and
       * the views by name at the bottom. */
      g_assert_nonnull (ot_test_ui_find_label (narrow ? bar : header, "What Matters to Me"));
      if (narrow)
        {
          g_autofree char *name = g_strdup_printf ("views-bar-400-text-%d", sizes[i].text);

          g_assert_nonnull (ot_test_ui_find_label (header, "Option Talk"));
          assert_uncut (bar, &shown);
          ot_test_ui_screenshot (GTK_WIDGET (window), name);
        }
      g_assert_cmpuint (shown, >=, narrow ? 6 : 5);
      if (sizes[i].text == 100)
        assert_lists_uncut (situation);
    }
}

static void
test_uncut (void)
{
  ot_test_ui_run (uncut_body);
}

/* Whether pointing at @widget would show its tooltip now. */
static gboolean
shows_tooltip (GtkWidget *widget)
{
  g_autoptr(GObject) tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
  gboolean shown = FALSE;

  g_signal_emit_by_name (widget, "query-tooltip", 1, 1, FALSE, tooltip, &shown);
  return shown;
}

/* The "Why?" of a treatment opens inside the window, on a small screen
 * and a narrow one, and no tooltip covers it. */
static void
why_body (OtApplication *app,
          OtWindow      *window)
{
  static const struct { int width, height; } sizes[] = { { 400, 800 }, { 1024, 600 } };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      GtkWidget *options = ot_test_ui_show_view (window, "options");
      GtkMenuButton *why;
      GtkWidget *popover;
      GdkSurface *surface;
      g_autofree char *name = g_strdup_printf ("options-why-%dx%d", sizes[i].width, sizes[i].height);
      double popover_x, popover_y, window_x, window_y, x, y;
      graphene_rect_t content;

      ot_test_resize (window, sizes[i].width, sizes[i].height);
      why = badge (options, "folfoxiri");
      wait_until_shown (GTK_WIDGET (why), window);
      g_assert_true (shows_tooltip (GTK_WIDGET (why)));
      gtk_menu_button_popup (why);
      popover = GTK_WIDGET (gtk_menu_button_get_popover (why));
      for (guint j = 0; j < 50 && !gtk_widget_get_mapped (popover); j++)
        ot_test_ui_wait ();
      ot_test_ui_wait ();
      ot_test_ui_wait ();
      g_assert_true (gtk_widget_get_mapped (popover));
      g_assert_false (shows_tooltip (GTK_WIDGET (why)));

      /* Where its content is on the window's surface, against where the
       * window is on it (both surfaces have room for their shadows). */
      surface = gtk_native_get_surface (GTK_NATIVE (popover));
      gtk_native_get_surface_transform (GTK_NATIVE (popover), &popover_x, &popover_y);
      gtk_native_get_surface_transform (GTK_NATIVE (window), &window_x, &window_y);
      g_assert_true (gtk_widget_compute_bounds (gtk_popover_get_child (GTK_POPOVER (popover)), popover, &content));
      x = gdk_popup_get_position_x (GDK_POPUP (surface)) + popover_x + content.origin.x;
      y = gdk_popup_get_position_y (GDK_POPUP (surface)) + popover_y + content.origin.y;
      g_test_message ("%s: the popover shows %.0f × %.0f at %.0f, %.0f; the window %d × %d at %.0f, %.0f", name,
                      content.size.width, content.size.height, x, y,
                      gtk_widget_get_width (GTK_WIDGET (window)), gtk_widget_get_height (GTK_WIDGET (window)),
                      window_x, window_y);
      g_assert_cmpfloat (x, >=, window_x);
      g_assert_cmpfloat (y, >=, window_y);
      g_assert_cmpfloat (x + content.size.width, <=, window_x + gtk_widget_get_width (GTK_WIDGET (window)));
      g_assert_cmpfloat (y + content.size.height, <=, window_y + gtk_widget_get_height (GTK_WIDGET (window)));
      ot_test_ui_screenshot (GTK_WIDGET (window), name);

      gtk_popover_popdown (GTK_POPOVER (popover));
      ot_test_ui_wait ();
      g_assert_true (shows_tooltip (GTK_WIDGET (why)));
    }
}

static void
test_why (void)
{
  ot_test_ui_run (why_body);
}

/* Alt+1 … Alt+5 put the keyboard on the view's first control, never on a
 * paragraph, which GTK would select as it takes the focus. */
static void
first_control_body (OtApplication *app,
                    OtWindow      *window)
{
  const char *views[] = { "situation", "options", "side-effects", "values", "summary", NULL };

  for (guint i = 0; views[i] != NULL; i++)
    {
      GtkWidget *focus;

      GtkWidget *view = ot_test_ui_show_view (window, views[i]);

      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", views[views[i + 1] ? i + 1 : 0]);
      ot_test_ui_wait ();
      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", views[i]);
      ot_test_ui_wait ();
      focus = gtk_root_get_focus (GTK_ROOT (window));
      g_assert_nonnull (focus);
      g_test_message ("%s: the keyboard is on a %s", views[i], G_OBJECT_TYPE_NAME (focus));
      g_assert_true (gtk_widget_is_ancestor (focus, view));
      g_assert_false (GTK_IS_LABEL (focus));
      g_assert_false (GTK_IS_TEXT_VIEW (focus));
    }
}

static void
test_first_control (void)
{
  ot_test_ui_run (first_control_body);
}

/* The title of the section that holds the focus. */
static const char *
focused_section (OtWindow *window)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  GtkWidget *group = focus ? gtk_widget_get_ancestor (focus, ADW_TYPE_PREFERENCES_GROUP) : NULL;

  return group ? adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (group)) : NULL;
}

/* Whether the heading of the section that holds the focus is in view. */
static gboolean
section_heading_shown (OtWindow *window)
{
  GtkWidget *group = gtk_widget_get_ancestor (gtk_root_get_focus (GTK_ROOT (window)), ADW_TYPE_PREFERENCES_GROUP);
  GtkWidget *scrolled = gtk_widget_get_ancestor (group, GTK_TYPE_SCROLLED_WINDOW);
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (group, scrolled, &bounds));
  return bounds.origin.y >= 0 && bounds.origin.y + 24 <= gtk_widget_get_height (scrolled);
}

/* Ctrl+Page Down and Ctrl+Page Up go to the first control of the next and
 * the previous section of a long view, with its heading in view, and skip
 * a section with nothing to work. */
static void
sections_body (OtApplication *app,
               OtWindow      *window)
{
  const char *forward[] = { "Something Else That Matters", "How I Want to Decide", "Am I Ready to Decide?",
                            "Questions for the Visit", NULL };
  GtkWidget *view;

  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 600);
  view = ot_test_ui_show_view (window, "values");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "values");
  ot_test_ui_wait ();
  g_assert_cmpstr (focused_section (window), ==, "What Matters Most to Me");

  for (guint i = 0; forward[i] != NULL; i++)
    {
      gtk_widget_activate_action (view, "view.jump-section", "i", 1);
      ot_test_ui_wait ();
      g_assert_cmpstr (focused_section (window), ==, forward[i]);
      g_assert_true (section_heading_shown (window));
    }

  gtk_widget_activate_action (view, "view.jump-section", "i", -1);
  ot_test_ui_wait ();
  g_assert_cmpstr (focused_section (window), ==, "Am I Ready to Decide?");
  g_assert_true (section_heading_shown (window));
  ot_test_ui_screenshot (GTK_WIDGET (window), "values-section");

  /* On Side Effects, from the treatments to the side effects to avoid. */
  view = ot_test_ui_show_view (window, "side-effects");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "side-effects");
  ot_test_ui_wait ();
  g_assert_cmpstr (focused_section (window), ==, "Treatments to Compare");
  gtk_widget_activate_action (view, "view.jump-section", "i", 1);
  ot_test_ui_wait ();
  g_assert_cmpstr (focused_section (window), ==, "Side Effects to Avoid");
}

static void
test_sections (void)
{
  ot_test_ui_run (sections_body);
}

/* Whether a combo row's list has shown, and whether the row was in view
 * when it did. */
typedef struct
{
  GtkWidget *row;
  gboolean   opened;
  gboolean   row_in_view;
} ListOpening;

static void
list_visible_cb (GtkWidget   *popover,
                 GParamSpec  *pspec,
                 ListOpening *opening)
{
  if (gtk_widget_get_visible (popover) && !opening->opened)
    {
      opening->opened = TRUE;
      opening->row_in_view = in_view (gtk_widget_get_ancestor (opening->row, GTK_TYPE_VIEWPORT), opening->row);
    }
}

/* The combo row titled @title, out of view with the page scrolled to
 * @scroll_to, opens its list by the mnemonic of its title, shown as
 * @shown: the row is in view when the list opens, so that the list fits
 * beside it (GTK 4.18 closes a list at once that opens beside a row off
 * the window, seen with 4.18.6). */
static void
assert_opens_in_view (GtkWidget  *situation,
                      const char *title,
                      const char *shown,
                      double      scroll_to)
{
  GtkWidget *row = ot_test_ui_find_row (situation, title);
  GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (row, GTK_TYPE_SCROLLED_WINDOW));
  GtkWidget *viewport = gtk_widget_get_ancestor (row, GTK_TYPE_VIEWPORT);
  GtkWidget *popover = ot_test_ui_find (row, GTK_TYPE_POPOVER, NULL, NULL);
  ListOpening opening = { row, FALSE, FALSE };
  gulong handler;

  g_test_message ("the list of %s", shown);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (scroller), scroll_to);
  ot_test_ui_wait ();
  g_assert_false (in_view (viewport, row));

  handler = g_signal_connect (popover, "notify::visible", G_CALLBACK (list_visible_cb), &opening);
  g_assert_true (gtk_widget_mnemonic_activate (ot_test_ui_find_label (row, shown), FALSE));
  for (guint i = 0; i < 50 && !opening.opened; i++)
    ot_test_ui_wait ();
  g_signal_handler_disconnect (popover, handler);
  g_assert_true (opening.opened);
  g_assert_true (opening.row_in_view);
  ot_test_ui_wait ();
  g_assert_true (gtk_widget_get_visible (popover));
  g_assert_true (in_view (viewport, row));
  gtk_popover_popdown (GTK_POPOVER (popover));
  ot_test_ui_wait ();
}

static void
mnemonic_list_body (OtApplication *app,
                    OtWindow      *window)
{
  GtkWidget *situation;

  ot_test_resize (window, 1024, 600);
  situation = ot_test_ui_show_view (window, "situation");
  /* Below the first screen, then above the page scrolled to its end. */
  assert_opens_in_view (situation, "_Where It Started", "Where It Started", 0);
  assert_opens_in_view (situation, "_Stage", "Stage", G_MAXDOUBLE);
}

static void
test_mnemonic_list (void)
{
  ot_test_ui_run (mnemonic_list_body);
}

/* The rows below the first screen are laid out just after the first frame:
 * by the time anyone scrolls, all of My Situation is there. */
static void
whole_page_body (OtApplication *app,
                 OtWindow      *window)
{
  GtkWidget *situation = ot_test_ui_show_view (window, "situation");
  const char *rows[] = { "_Stage", "T_reatment So Far", "MMR / MSI", "POLE / POLD1",
                         "Show Survival _Numbers", "Oncologist’s Name (optional)", "What stage IV means" };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      GtkWidget *row = ot_test_ui_find_row (situation, rows[i]);

      if (row == NULL)
        g_error ("My Situation has no row “%s”", rows[i]);
      if (!gtk_widget_is_drawable (row))
        g_error ("the row “%s” of My Situation is not shown", rows[i]);
    }
}

static void
test_whole_page (void)
{
  ot_test_ui_run (whole_page_body);
}

/* The one child of a node that wraps one. */
static GskRenderNode *
only_child (GskRenderNode *node)
{
  switch (gsk_render_node_get_node_type (node))
    {
    case GSK_TRANSFORM_NODE:
      return gsk_transform_node_get_child (node);
    case GSK_CLIP_NODE:
      return gsk_clip_node_get_child (node);
    case GSK_ROUNDED_CLIP_NODE:
      return gsk_rounded_clip_node_get_child (node);
    case GSK_OPACITY_NODE:
      return gsk_opacity_node_get_child (node);
    case GSK_SHADOW_NODE:
      return gsk_shadow_node_get_child (node);
    case GSK_DEBUG_NODE:
      return gsk_debug_node_get_child (node);
    default:
      return NULL;
    }
}

/* Counts the borders drawn, and those with sides of different colours:
 * GTK 4.8 draws those with a gradient mesh, slow enough to show in the
 * first frame. */
static void
count_borders (GskRenderNode *node,
               guint         *borders,
               guint         *mixed)
{
  if (gsk_render_node_get_node_type (node) == GSK_CONTAINER_NODE)
    {
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        count_borders (gsk_container_node_get_child (node, i), borders, mixed);
    }
  else if (gsk_render_node_get_node_type (node) == GSK_BORDER_NODE)
    {
      const GdkRGBA *colors = gsk_border_node_get_colors (node);

      (*borders)++;
      for (guint i = 1; i < 4; i++)
        if (!gdk_rgba_equal (&colors[0], &colors[i]))
          {
            (*mixed)++;
            break;
          }
    }
  else if (only_child (node) != NULL)
    {
      count_borders (only_child (node), borders, mixed);
    }
}

static void
borders_body (OtApplication *app,
              OtWindow      *window)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  guint borders = 0, mixed = 0;

  ot_test_ui_show_view (window, "situation");
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot),
                          gtk_widget_get_width (GTK_WIDGET (window)), gtk_widget_get_height (GTK_WIDGET (window)));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  count_borders (node, &borders, &mixed);
  /* The walk reached the rows: each has its separator. */
  g_assert_cmpuint (borders, >=, 10);
  g_assert_cmpuint (mixed, ==, 0);
}

static void
test_borders (void)
{
  ot_test_ui_run (borders_body);
}

static gboolean
value_label (GtkWidget     *widget,
             gconstpointer  text)
{
  return gtk_widget_get_ancestor (widget, GTK_TYPE_POPOVER) == NULL
         && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;
}

/* Every choice on My Situation shows what was chosen in full, however long
 * the row's explanation: libadwaita's own value gave way to "…". */
static void
whole_values (GtkWidget *widget,
              guint     *checked)
{
  if (ADW_IS_COMBO_ROW (widget))
    {
      AdwComboRow *row = ADW_COMBO_ROW (widget);
      const char *chosen = gtk_string_object_get_string (adw_combo_row_get_selected_item (row));
      GtkWidget *label = ot_test_ui_find (widget, GTK_TYPE_LABEL, value_label, chosen);

      if (label == NULL || !gtk_widget_is_drawable (label))
        g_error ("the row “%s” does not show “%s”",
                 adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), chosen);
      if (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (label))))
        g_error ("the row “%s” shortens “%s”",
                 adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), chosen);
      (*checked)++;
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    whole_values (child, checked);
}

static void
values_body (OtApplication *app,
             OtWindow      *window)
{
  GtkWidget *situation = ot_test_ui_show_view (window, "situation");
  OtWorksheet *worksheet = ot_window_get_worksheet (window);
  guint checked = 0;

  whole_values (situation, &checked);
  /* Stage, where it started, treatment so far and the seven tests. */
  g_assert_cmpuint (checked, ==, 10);

  /* A longer value, as chosen. */
  ot_worksheet_set_prior_lines (worksheet, 3);
  ot_worksheet_set_biomarker (worksheet, "her2", "not-sure");
  ot_test_ui_wait ();
  checked = 0;
  whole_values (situation, &checked);
  g_assert_cmpuint (checked, ==, 10);
}

static void
test_values (void)
{
  ot_test_ui_run (values_body);
}

/* The items a combo row lists, as a person sees them. */
static GStrv
dup_items (GtkWidget  *root,
           const char *row_title)
{
  GtkWidget *row = ot_test_ui_find_row (root, row_title);
  GListModel *model;
  g_autoptr(GStrvBuilder) items = g_strv_builder_new ();

  g_assert_true (ADW_IS_COMBO_ROW (row));
  model = adw_combo_row_get_model (ADW_COMBO_ROW (row));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      g_strv_builder_add (items, gtk_string_object_get_string (item));
    }
  return g_strv_builder_end (items);
}

#define assert_item(items, i, expected) \
  G_STMT_START { g_assert_cmpuint (g_strv_length (items), >, (i)); g_assert_cmpstr ((items)[i], ==, (expected)); } G_STMT_END

/* The screen lists the model's words, which the summary prints too
 * (test-summary.c checks the paper's): the stage, the lines of treatment,
 * the results not known of every test and the help that names them. */
static void
same_words_body (OtApplication *app,
                 OtWindow      *window)
{
  GtkWidget *situation = ot_test_ui_show_view (window, "situation");
  GPtrArray *biomarkers = ot_content_get_biomarkers (ot_application_get_content (app));
  g_auto(GStrv) stages = dup_items (situation, "_Stage");
  g_auto(GStrv) lines = dup_items (situation, "T_reatment So Far");
  GtkWidget *tests = ot_test_find_group (situation, "Tumor Test Results");
  g_autofree char *help = g_strdup_printf ("From the tumor test report. Choose “%s” or “%s” when you do not know.",
                                           ot_unknown_result_to_string (OT_RESULT_NOT_TESTED),
                                           ot_unknown_result_to_string (OT_RESULT_NOT_SURE));

  g_assert_cmpuint (g_strv_length (stages), ==, OT_SUBSTAGE_NOT_SURE + 1);
  for (OtSubstage substage = OT_SUBSTAGE_UNSET; substage <= OT_SUBSTAGE_NOT_SURE; substage++)
    assert_item (stages, substage, ot_substage_to_string (substage));
  g_assert_cmpuint (g_strv_length (lines), ==, OT_PRIOR_LINES_MAX + 1);
  for (guint i = 0; i <= OT_PRIOR_LINES_MAX; i++)
    assert_item (lines, i, ot_prior_lines_to_string (i));

  g_assert_cmpuint (biomarkers->len, >, 0);
  for (guint i = 0; i < biomarkers->len; i++)
    {
      const OtBiomarker *biomarker = biomarkers->pdata[i];
      g_auto(GStrv) results = dup_items (situation, biomarker->name);

      g_assert_cmpuint (g_strv_length (results), ==, biomarker->results->len + 2);
      assert_item (results, 0, ot_unknown_result_to_string (OT_RESULT_NOT_TESTED));
      assert_item (results, biomarker->results->len + 1, ot_unknown_result_to_string (OT_RESULT_NOT_SURE));
    }

  g_assert_nonnull (tests);
  g_assert_cmpstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (tests)), ==, help);
}

static void
test_same_words (void)
{
  ot_test_ui_run (same_words_body);
}

static gboolean
check_for_row (GtkWidget     *widget,
               gconstpointer  title)
{
  GtkWidget *row = gtk_widget_get_ancestor (widget, ADW_TYPE_ACTION_ROW);

  return row != NULL && ot_test_ui_row_has_title (row, title);
}

static gboolean
widget_drawable (gpointer widget)
{
  return gtk_widget_is_drawable (widget);
}

/* The places of spread, made when their row is opened, show the
 * worksheet's answers and change them. */
static void
sites_body (OtApplication *app,
            OtWindow      *window)
{
  GtkWidget *situation = ot_test_ui_show_view (window, "situation");
  OtWorksheet *worksheet = ot_window_get_worksheet (window);
  GtkWidget *spread = ot_test_ui_find_row (situation, "Where It Has Spread");
  GtkCheckButton *liver, *lungs, *bones;

  ot_worksheet_set_sites (worksheet, OT_SITE_LIVER | OT_SITE_PERITONEUM);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (spread), TRUE);
  ot_test_ui_wait ();

  liver = GTK_CHECK_BUTTON (ot_test_ui_find (spread, GTK_TYPE_CHECK_BUTTON, check_for_row, "Liver"));
  lungs = GTK_CHECK_BUTTON (ot_test_ui_find (spread, GTK_TYPE_CHECK_BUTTON, check_for_row, "Lungs"));
  bones = GTK_CHECK_BUTTON (ot_test_ui_find (spread, GTK_TYPE_CHECK_BUTTON, check_for_row, "Bones"));
  g_assert_nonnull (liver);
  g_assert_nonnull (lungs);
  g_assert_nonnull (bones);
  g_assert_nonnull (ot_test_ui_find_row (spread, "Lining of the belly (peritoneum)"));
  g_assert_nonnull (ot_test_ui_find_row (spread, "Distant lymph nodes"));
  g_assert_nonnull (ot_test_ui_find_row (spread, "Somewhere else"));
  g_assert_true (gtk_check_button_get_active (liver));
  g_assert_false (gtk_check_button_get_active (lungs));
  /* Shown once the row has opened: on a busy screen of scale 2 that can
   * take more than one wait. */
  ot_test_ui_wait_until (widget_drawable, bones);

  gtk_check_button_set_active (lungs, TRUE);
  g_assert_cmpuint (ot_worksheet_get_sites (worksheet), ==, OT_SITE_LIVER | OT_SITE_LUNG | OT_SITE_PERITONEUM);
  ot_worksheet_set_sites (worksheet, OT_SITE_BONE);
  g_assert_false (gtk_check_button_get_active (liver));
  g_assert_true (gtk_check_button_get_active (bones));

  /* Closing and opening again keeps one row per place. */
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (spread), FALSE);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (spread), TRUE);
  g_assert_true (ot_test_ui_find (spread, GTK_TYPE_CHECK_BUTTON, check_for_row, "Liver") == GTK_WIDGET (liver));
}

static void
test_sites (void)
{
  ot_test_ui_run (sites_body);
}

/* A page out of view has its content hidden, not only unmapped: GTK
 * keeps the styles of what is unmapped up to date at every change of
 * view.  Shown again, it shows what changed while it was away. */
static void
hidden_pages_body (OtApplication *app,
                   OtWindow      *window)
{
  OtWorksheet *ws = ot_window_get_worksheet (window);
  GtkWidget *values = ot_test_ui_show_view (window, "values");
  GtkWidget *situation;
  GtkWidget *row;

  g_assert_true (gtk_widget_get_visible (adw_bin_get_child (ADW_BIN (values))));
  situation = ot_test_ui_show_view (window, "situation");
  g_assert_false (gtk_widget_get_visible (adw_bin_get_child (ADW_BIN (values))));
  g_assert_true (gtk_widget_get_visible (adw_bin_get_child (ADW_BIN (situation))));

  ot_worksheet_add_own_question (ws, "Can I travel in July?");
  ot_test_ui_wait ();
  g_assert_true (values == ot_test_ui_show_view (window, "values"));
  g_assert_false (gtk_widget_get_visible (adw_bin_get_child (ADW_BIN (situation))));
  row = ot_test_find_row (values, "Your question");
  g_assert_true (gtk_widget_is_drawable (row));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Can I travel in July?");
}

static void
test_hidden_pages (void)
{
  ot_test_ui_run (hidden_pages_body);
}

/* Text from a pack is shown as written, never read as markup: an "&"
 * blanked a row and a <span> drew its text big and red. */
#define MARKUP " & <span foreground=\"red\" size=\"xx-large\">big</span> <"
#define MARKUP_IN_XML " &amp; &lt;span foreground=\"red\" size=\"xx-large\"&gt;big&lt;/span&gt; &lt;"

static gboolean
add_markup_cb (const GMatchInfo *match,
               GString          *result,
               gpointer          data)
{
  g_autofree char *element = g_match_info_fetch (match, 1);
  g_autofree char *whole = g_match_info_fetch (match, 0);
  g_autofree char *attributes = g_match_info_fetch (match, 2);
  g_autofree char *text = g_match_info_fetch (match, 3);

  /* Dates and addresses have a form of their own. */
  if (g_str_equal (element, "reviewed") || g_str_equal (element, "review-by") || g_str_equal (element, "url"))
    g_string_append (result, whole);
  else
    g_string_append_printf (result, "<%s%s>%s" MARKUP_IN_XML "</%s>", element, attributes, text, element);
  return FALSE;
}

static void
assert_shown (GtkWidget  *view,
              const char *text)
{
  g_autofree char *expected = g_strconcat (text, MARKUP, NULL);
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  /* On a busy machine a view just shown takes a few frames to draw. */
  while (ot_test_ui_find_label (view, expected) == NULL)
    {
      if (g_get_monotonic_time () > end)
        g_error ("no label shows “%s”", expected);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static gboolean
label_mentions (GtkWidget     *widget,
                gconstpointer  text)
{
  return strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL;
}

static void
markup_body (OtApplication *app,
             OtWindow      *window)
{
  static const char * const folfox[] = { "folfox", NULL };
  OtWorksheet *worksheet = ot_window_get_worksheet (window);
  GtkWidget *view;

  ot_worksheet_set_substage (worksheet, OT_SUBSTAGE_IVA);
  ot_worksheet_set_compared_treatments (worksheet, folfox);

  view = ot_test_ui_show_view (window, "situation");
  assert_shown (view, "RAS");
  assert_shown (view, "Changes in KRAS and NRAS.");
  assert_shown (view, "What stage IV means");
  assert_shown (view, "One organ.");
  ot_test_ui_screenshot (GTK_WIDGET (window), "markup-situation");

  view = ot_test_ui_show_view (window, "options");
  assert_shown (view, "Chemotherapy");
  assert_shown (view, "FOLFOX");
  assert_shown (view, "Medicines aimed at one change.");

  view = ot_test_ui_show_view (window, "side-effects");
  assert_shown (view, "Targeted therapy");
  assert_shown (view, "FOLFOX");
  assert_shown (view, "Rash");
  ot_test_ui_screenshot (GTK_WIDGET (window), "markup-effects");

  view = ot_test_ui_show_view (window, "values");
  assert_shown (view, "Living as long as possible");

  /* The About window's note on the content, as the pack words it. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  ot_test_ui_wait ();
  {
    GList *windows = gtk_window_list_toplevels ();
    GtkWidget *about = NULL;

    for (GList *l = windows; l; l = l->next)
      if (ADW_IS_ABOUT_WINDOW (l->data))
        about = l->data;
    g_list_free (windows);
    g_assert_nonnull (about);
    g_assert_true (ot_test_ui_find (about, GTK_TYPE_LABEL, label_mentions, "Test text only." MARKUP) != NULL);
    gtk_window_destroy (GTK_WINDOW (about));
  }
}

static void
test_markup (void)
{
  g_autofree char *path = ot_test_pack_path ("minimal.xml");
  g_autofree char *dir = g_dir_make_tmp ("ot-markup-XXXXXX", NULL);
  g_autofree char *pack = g_build_filename (dir, "markup.xml", NULL);
  g_autoptr(GRegex) regex = g_regex_new ("<([a-z-]+)((?: [^>]*)?)>([^<]+)</\\1>", 0, 0, NULL);
  g_autofree char *text = NULL;
  g_autofree char *marked = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  marked = g_regex_replace_eval (regex, text, -1, 0, 0, add_markup_cb, NULL, NULL);
  g_assert_true (g_file_set_contents (pack, marked, -1, NULL));

  ot_test_ui_run_args (markup_body, "--content", pack, NULL);

  g_unlink (pack);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  if (!ot_test_ui_init (&argc, &argv))
    return 0;

  g_test_add_func ("/views/untested", test_untested);
  g_test_add_func ("/views/sites", test_sites);
  g_test_add_func ("/views/values", test_values);
  g_test_add_func ("/views/same-words", test_same_words);
  g_test_add_func ("/views/borders", test_borders);
  g_test_add_func ("/views/biomarkers", test_biomarkers);
  g_test_add_func ("/views/checks", test_checks);
  g_test_add_func ("/views/compare", test_compare);
  g_test_add_func ("/views/compare-bar", test_compare_bar);
  g_test_add_func ("/views/benefits", test_benefits);
  g_test_add_func ("/views/stage", test_stage);
  g_test_add_func ("/views/overdue", test_overdue);
  g_test_add_func ("/views/bad-pack", test_bad_pack);
  g_test_add_func ("/views/sources", test_sources);
  g_test_add_func ("/views/small-screen", test_small_screen);
  g_test_add_func ("/views/sticky", test_sticky);
  g_test_add_func ("/views/stacked", test_stacked);
  g_test_add_func ("/views/uncut", test_uncut);
  g_test_add_func ("/views/why", test_why);
  g_test_add_func ("/views/first-control", test_first_control);
  g_test_add_func ("/views/sections", test_sections);
  g_test_add_func ("/views/whole-page", test_whole_page);
  g_test_add_func ("/views/mnemonic-list", test_mnemonic_list);
  g_test_add_func ("/views/markup", test_markup);
  g_test_add_func ("/views/hidden-pages", test_hidden_pages);

  return g_test_run ();
}
