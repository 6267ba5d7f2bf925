/* ot-options-view.c: the treatment categories side by side
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ot-options-view"

#include "config.h"

#include <glib/gi18n.h>

#include "ot-checks-notice.h"
#include "ot-compare-grid.h"
#include "ot-fit.h"
#include "ot-options-view.h"
#include "ot-text-widgets.h"
#include "ot-wrap-box.h"

#define MAX_COMPARED 4
#define COLUMN_WIDTH 180
#define COLUMN_CHARS 22
#define POPOVER_ROOM 48   /* the popover's arrow and border, and some window around it */

/* A treatment in the grid, and its widgets that follow how it fits. */
typedef struct
{
  const OtTreatment *treatment;
  GtkMenuButton     *badge;
  GtkLabel          *fit_label;    /* the fit in words, beside the badge */
  GtkBox            *benefit;      /* its chance of benefit */
} FitWidgets;

struct _OtOptionsView
{
  OtView       parent_instance;

  GPtrArray   *toggles;        /* GtkToggleButton per category, in pack order */
  GPtrArray   *fits;           /* FitWidgets per treatment shown */
  GStrv        shown;          /* the compared categories the grid was built for */

  OtWrapBox   *category_toggles;
  OtChecksNotice *checks_notice;
  GtkLabel    *compare_label;
  OtCompareGrid *grid;
};

G_DEFINE_FINAL_TYPE (OtOptionsView, ot_options_view, OT_TYPE_VIEW)

static const char *
fit_css_class (OtFit fit)
{
  static const char * const classes[OT_N_FITS] = { "likely", "depends", "not-expected", "not-usual", "choice" };

  return classes[fit];
}

/* A symbol beside the words, so the fit never rests on colour alone. */
static const char *
fit_symbol (OtFit fit)
{
  static const char * const symbols[OT_N_FITS] = { "✓", "?", "✗", "–", "○" };

  return symbols[fit];
}

static GtkWidget *
make_heading (const char *text,
              const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, css_class);
  return label;
}

/* Wrapped labels ask for their whole text's width; a limit lets the
 * compared columns share the window instead. */
static GtkWidget *
limit_width (GtkWidget *label,
             int        chars)
{
  gtk_label_set_max_width_chars (GTK_LABEL (label), chars);
  gtk_label_set_width_chars (GTK_LABEL (label), MIN (chars, 12));
  return label;
}

/* A cell of the grid; an option's cell has its row's title too, shown
 * when the options are one after another rather than side by side. */
static GtkWidget *
make_cell (OtOptionsView *self,
           GtkWidget     *child,
           const char    *title,
           gboolean       first_row)
{
  GtkWidget *cell = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);

  gtk_widget_add_css_class (cell, first_row ? "ot-cell-first" : "ot-cell");
  if (title != NULL)
    {
      GtkWidget *heading = make_heading (title, "caption-heading");

      gtk_widget_set_size_request (cell, COLUMN_WIDTH, -1);
      gtk_box_append (GTK_BOX (cell), heading);
      ot_compare_grid_show_when_stacked (self->grid, heading);
    }
  gtk_box_append (GTK_BOX (cell), child);
  return cell;
}

static GtkWidget *
fit_popover_new (OtOptionsView     *self,
                 GtkWidget         *badge,
                 const OtTreatment *treatment)
{
  OtContent *content = ot_view_get_content (OT_VIEW (self));
  const OtFitRule *rule = ot_fit_evaluate (content, ot_view_get_worksheet (OT_VIEW (self)), treatment);
  g_autofree char *words = ot_fit_dup_label (rule);
  g_autofree char *fit = g_strdup_printf ("%s %s", fit_symbol (rule->fit), words);
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *fit_label = make_heading (fit, "heading");
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (self)));
  int width = MIN (320, gtk_widget_get_width (window) - POPOVER_ROOM);
  graphene_rect_t bounds;
  int above = 0, below = 0;

  /* Inside the window, however small: narrower, on the side of the badge
   * with more room, moved off the window's edge, and what is longer than
   * that room scrolls.  (GTK keeps a popover on the screen, not in the
   * window.) */
  if (gtk_widget_compute_bounds (badge, window, &bounds))
    {
      double centre = bounds.origin.x + bounds.size.width / 2;
      double half = width / 2 + POPOVER_ROOM / 2;

      above = bounds.origin.y;
      below = gtk_widget_get_height (window) - bounds.origin.y - bounds.size.height;
      if (centre + half > gtk_widget_get_width (window))
        gtk_popover_set_offset (GTK_POPOVER (popover), gtk_widget_get_width (window) - (int) (centre + half), 0);
      else if (centre - half < 0)
        gtk_popover_set_offset (GTK_POPOVER (popover), (int) (half - centre), 0);
    }
  gtk_menu_button_set_direction (GTK_MENU_BUTTON (badge), above > below ? GTK_ARROW_UP : GTK_ARROW_DOWN);
  gtk_widget_set_size_request (box, width, -1);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller),
                                              MAX (MAX (above, below) - POPOVER_ROOM, POPOVER_ROOM));
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  gtk_box_append (GTK_BOX (box), limit_width (make_heading (treatment->name, "title-4"), 45));
  gtk_widget_add_css_class (fit_label, "ot-fit-text");
  gtk_widget_add_css_class (fit_label, fit_css_class (rule->fit));
  gtk_box_append (GTK_BOX (box), fit_label);
  gtk_box_append (GTK_BOX (box), limit_width (ot_text_widgets_label (content, rule->reason), 45));
  gtk_box_append (GTK_BOX (box), limit_width (ot_text_widgets_sources (content, rule->sources), 45));
  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_box_append (GTK_BOX (box), make_heading (_("About this treatment"), "heading"));
  gtk_box_append (GTK_BOX (box), limit_width (ot_text_widgets_label (content, treatment->about.text), 45));
  gtk_box_append (GTK_BOX (box), limit_width (ot_text_widgets_sources (content, treatment->about.sources), 45));

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), box);
  gtk_popover_set_child (GTK_POPOVER (popover), scroller);
  return popover;
}

/* The reason is in the popover: the badge's tooltip, with the same words,
 * would only cover it.  (Its own query, not the badge's has-tooltip: that
 * turned on again as the popover closes makes GTK look for the pointer
 * over the popover's surface, gone by then.) */
static gboolean
badge_query_tooltip_cb (GtkWidget  *badge,
                        int         x,
                        int         y,
                        gboolean    keyboard,
                        GtkTooltip *tooltip)
{
  GtkPopover *popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (badge));

  if (popover != NULL && gtk_widget_get_visible (GTK_WIDGET (popover)))
    g_signal_stop_emission_by_name (badge, "query-tooltip");
  return FALSE;
}

/* The popover is made when opened, so it always shows the current fit.
 * @treatment is the content's, which the view holds. */
static void
create_popup_cb (GtkMenuButton *button,
                 gpointer       treatment)
{
  OtOptionsView *self = OT_OPTIONS_VIEW (gtk_widget_get_ancestor (GTK_WIDGET (button), OT_TYPE_OPTIONS_VIEW));

  gtk_menu_button_set_popover (button, fit_popover_new (self, GTK_WIDGET (button), treatment));
}

static void
update_badge (OtOptionsView    *self,
              const FitWidgets *fit)
{
  const OtTreatment *treatment = fit->treatment;
  GtkMenuButton *badge = fit->badge;
  GtkLabel *fit_label = fit->fit_label;
  const OtFitRule *rule = ot_fit_evaluate (ot_view_get_content (OT_VIEW (self)),
                                           ot_view_get_worksheet (OT_VIEW (self)), treatment);
  g_autofree char *words = NULL;
  g_autofree char *label = NULL;
  g_autofree char *accessible = NULL;

  /* The fit in words beside the button: a label in the column wraps as
   * the column narrows, where a button's label would not. */
  for (guint i = 0; i < OT_N_FITS; i++)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (badge), fit_css_class (i));
      gtk_widget_remove_css_class (GTK_WIDGET (fit_label), fit_css_class (i));
    }

  /* The loader refuses a pack that leaves a treatment without a fit; were
   * one to slip through, say so rather than show a fit. */
  gtk_widget_set_visible (GTK_WIDGET (badge), rule != NULL);
  if (rule == NULL)
    {
      gtk_label_set_text (fit_label, _("The content pack says nothing about how this fits."));
      return;
    }

  words = ot_fit_dup_label (rule);
  label = g_strdup_printf ("%s %s", fit_symbol (rule->fit), words);
  accessible = g_strdup_printf (_("%s: %s. Show why"), treatment->name, words);
  gtk_widget_add_css_class (GTK_WIDGET (badge), fit_css_class (rule->fit));
  gtk_widget_add_css_class (GTK_WIDGET (fit_label), fit_css_class (rule->fit));
  gtk_label_set_text (fit_label, label);
  gtk_widget_set_tooltip_text (GTK_WIDGET (badge), rule->reason);
  gtk_accessible_update_property (GTK_ACCESSIBLE (badge),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, rule->reason,
                                  -1);
  /* Each opening builds the popover anew, so it never goes stale.  It is
   * not dropped here: a closed popover destroyed under the pointer leaves
   * GTK 4.8 asking the pointer's place of a surface that is gone. */
  gtk_menu_button_set_create_popup_func (badge, create_popup_cb, (gpointer) treatment, NULL);
}

/* The "Chance of benefit" of one treatment: each outcome of this
 * person's situation in its own words, whom it is about, and its source. */
static void
update_benefit (OtOptionsView    *self,
                const FitWidgets *fit)
{
  OtContent *content = ot_view_get_content (OT_VIEW (self));
  const OtTreatment *treatment = fit->treatment;
  GtkBox *box = fit->benefit;
  OtWorksheet *worksheet = ot_view_get_worksheet (OT_VIEW (self));
  g_autoptr(GPtrArray) outcomes = ot_fit_outcomes (content, worksheet, treatment);
  guint hidden = ot_fit_count_hidden_survival (content, worksheet, treatment);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))))
    gtk_box_remove (box, child);

  gtk_box_append (box, make_heading (_("Chance of benefit"), "caption-heading"));
  if (outcomes->len == 0 && hidden == 0)
    gtk_box_append (box, limit_width (make_heading (_("No figures for this situation in this guide."),
                                                    "dim-label"), COLUMN_CHARS));

  for (guint i = 0; i < outcomes->len; i++)
    {
      const OtOutcome *outcome = outcomes->pdata[i];
      g_autofree char *about = ot_outcome_format_about (outcome);
      GtkWidget *group = limit_width (make_heading (about, "dim-label"), COLUMN_CHARS);

      gtk_widget_add_css_class (group, "caption");
      gtk_box_append (box, limit_width (ot_text_widgets_label (content, outcome->says), COLUMN_CHARS));
      gtk_box_append (box, group);
      gtk_box_append (box, limit_width (ot_text_widgets_sources (content, outcome->sources), COLUMN_CHARS));
    }

  /* Survival stays behind its question, but the person learns it is there. */
  if (hidden > 0)
    gtk_box_append (box, limit_width (make_heading (_("Survival figures are hidden. "
                                                      "You can show them on My Situation."),
                                                    "dim-label"), COLUMN_CHARS));
}

static GtkWidget *
make_treatment (OtOptionsView     *self,
                const OtTreatment *treatment)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *name = limit_width (make_heading (treatment->name, "heading"), COLUMN_CHARS);
  GtkWidget *short_text = limit_width (make_heading (treatment->short_text, "dim-label"), COLUMN_CHARS);
  GtkWidget *fit_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *fit_label = limit_width (make_heading ("", "ot-fit-text"), COLUMN_CHARS - 12);
  GtkWidget *badge = gtk_menu_button_new ();
  GtkWidget *benefit = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  FitWidgets *fit = g_new (FitWidgets, 1);

  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_valign (badge, GTK_ALIGN_START);
  gtk_widget_set_hexpand (fit_label, TRUE);
  /* A child of our own, not the button's label: GTK 4.8 would add its
   * words to the name of the inner button a screen reader acts on, which
   * otherwise takes the menu button's name. */
  gtk_menu_button_set_child (GTK_MENU_BUTTON (badge), gtk_label_new (_("Why?")));
  gtk_widget_add_css_class (badge, "ot-fit");
  g_signal_connect (badge, "query-tooltip", G_CALLBACK (badge_query_tooltip_cb), NULL);
  gtk_widget_set_margin_top (benefit, 4);

  *fit = (FitWidgets) { treatment, GTK_MENU_BUTTON (badge), GTK_LABEL (fit_label), GTK_BOX (benefit) };
  g_ptr_array_add (self->fits, fit);
  update_badge (self, fit);
  update_benefit (self, fit);

  gtk_box_append (GTK_BOX (fit_box), fit_label);
  gtk_box_append (GTK_BOX (fit_box), badge);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), short_text);
  gtk_box_append (GTK_BOX (box), fit_box);
  gtk_box_append (GTK_BOX (box), benefit);
  return box;
}

static gboolean
is_shown (const OtCategory  *category,
          const char * const *compared)
{
  return compared[0] == NULL || g_strv_contains (compared, category->id);
}

static void
rebuild_grid (OtOptionsView *self)
{
  OtContent *content = ot_view_get_content (OT_VIEW (self));
  const char * const *compared = ot_worksheet_get_compared_categories (ot_view_get_worksheet (OT_VIEW (self)));
  GPtrArray *categories = ot_content_get_categories (content);
  GPtrArray *rows = ot_content_get_rows (content);
  int column = 1;

  ot_compare_grid_remove_all (self->grid);
  g_ptr_array_set_size (self->fits, 0);
  g_strfreev (self->shown);
  self->shown = g_strdupv ((char **) compared);

  /* What is personal comes first: how each treatment fits this person,
   * then the rows that are the same for everyone. */
  ot_compare_grid_attach (self->grid,
                          make_cell (self, limit_width (make_heading (_("Treatments and how they fit"), "heading"), 14),
                                     NULL, TRUE),
                          0, 1);
  for (guint r = 0; r < rows->len; r++)
    ot_compare_grid_attach (self->grid,
                            make_cell (self, limit_width (make_heading (((OtItem *) rows->pdata[r])->text, "heading"), 14),
                                       NULL, FALSE),
                            0, r + 2);

  for (guint c = 0; c < categories->len; c++)
    {
      const OtCategory *category = categories->pdata[c];
      g_autoptr(GPtrArray) sources = g_ptr_array_new ();
      GtkWidget *treatments = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

      if (!is_shown (category, compared))
        continue;

      ot_compare_grid_attach (self->grid, limit_width (make_heading (category->name, "title-3"), COLUMN_CHARS),
                              column, 0);

      for (guint r = 0; r < rows->len; r++)
        {
          const OtText *cell = &category->cells[r];

          ot_compare_grid_attach (self->grid,
                                  make_cell (self, limit_width (ot_text_widgets_label (content, cell->text), COLUMN_CHARS),
                                             ((OtItem *) rows->pdata[r])->text, FALSE),
                                  column, r + 2);
          for (guint s = 0; cell->sources[s]; s++)
            if (!g_ptr_array_find_with_equal_func (sources, cell->sources[s], g_str_equal, NULL))
              g_ptr_array_add (sources, (gpointer) cell->sources[s]);
        }

      for (guint t = 0; t < category->treatments->len; t++)
        gtk_box_append (GTK_BOX (treatments), make_treatment (self, category->treatments->pdata[t]));
      if (category->treatments->len == 0)
        gtk_box_append (GTK_BOX (treatments),
                        limit_width (make_heading (_("No cancer-directed treatment"), "dim-label"), COLUMN_CHARS));
      ot_compare_grid_attach (self->grid, make_cell (self, treatments, _("Treatments and how they fit"), TRUE),
                              column, 1);

      g_ptr_array_add (sources, NULL);
      ot_compare_grid_attach (self->grid,
                              make_cell (self, limit_width (ot_text_widgets_sources (content,
                                                                                     (const char * const *) sources->pdata),
                                                            COLUMN_CHARS),
                                         NULL, FALSE),
                              column, rows->len + 2);
      column++;
    }
}

/* Which categories are compared, and the grid for them. */
static void
refresh_compared (OtView *view)
{
  OtOptionsView *self = OT_OPTIONS_VIEW (view);
  const char * const *compared = ot_worksheet_get_compared_categories (ot_view_get_worksheet (view));
  GPtrArray *categories = ot_content_get_categories (ot_view_get_content (view));

  for (guint i = 0; i < self->toggles->len; i++)
    {
      GtkToggleButton *toggle = self->toggles->pdata[i];
      const OtCategory *category = categories->pdata[i];

      gtk_toggle_button_set_active (toggle, g_strv_contains (compared, category->id));
    }

  if (self->shown == NULL || !g_strv_equal (compared, (const char * const *) self->shown))
    rebuild_grid (self);
}

/* How each treatment fits the person's situation. */
static void
refresh_fits (OtView *view)
{
  OtOptionsView *self = OT_OPTIONS_VIEW (view);

  ot_checks_notice_update (self->checks_notice, ot_view_get_content (view), ot_view_get_worksheet (view));
  for (guint i = 0; i < self->fits->len; i++)
    {
      update_badge (self, self->fits->pdata[i]);
      update_benefit (self, self->fits->pdata[i]);
    }
}

/* A toggle adds or takes out its own category only, in the pack's order,
 * so setting it to what the worksheet says changes nothing. */
static void
toggle_toggled_cb (GtkToggleButton *toggle,
                   OtOptionsView   *self)
{
  const char * const *compared = ot_worksheet_get_compared_categories (ot_view_get_worksheet (OT_VIEW (self)));
  GPtrArray *categories = ot_content_get_categories (ot_view_get_content (OT_VIEW (self)));
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();

  for (guint i = 0; i < self->toggles->len; i++)
    {
      const OtCategory *category = categories->pdata[i];

      if (self->toggles->pdata[i] == toggle ? gtk_toggle_button_get_active (toggle)
                                            : g_strv_contains (compared, category->id))
        g_ptr_array_add (ids, (gpointer) category->id);
    }
  g_ptr_array_add (ids, NULL);
  if (g_strv_equal ((const char * const *) ids->pdata, compared))
    return;

  /* More than four columns are too many to compare at a glance. */
  if (ids->len - 1 > MAX_COMPARED)
    {
      gtk_label_set_text (self->compare_label, _("Compare up to four at a time. Clear one to choose another."));
      gtk_toggle_button_set_active (toggle, FALSE);
      return;
    }

  gtk_label_set_text (self->compare_label, _("Compare: choose two to four, or none to see all"));
  ot_worksheet_set_compared_categories (ot_view_get_worksheet (OT_VIEW (self)),
                                        (const char * const *) ids->pdata);
}

static void
build_toggles (OtOptionsView *self,
               OtContent     *content)
{
  GPtrArray *categories = ot_content_get_categories (content);

  for (guint i = 0; i < categories->len; i++)
    {
      const OtCategory *category = categories->pdata[i];
      GtkWidget *toggle = gtk_toggle_button_new_with_label (category->name);

      gtk_widget_add_css_class (toggle, "pill");
      gtk_widget_add_css_class (toggle, "small");
      gtk_widget_add_css_class (toggle, "ot-chip");
      g_signal_connect (toggle, "toggled", G_CALLBACK (toggle_toggled_cb), self);
      ot_wrap_box_append (self->category_toggles, toggle);
      g_ptr_array_add (self->toggles, toggle);
    }
}

static void
ot_options_view_build (OtView *view)
{
  OtOptionsView *self = OT_OPTIONS_VIEW (view);

  build_toggles (self, ot_view_get_content (view));
  refresh_compared (view);
  ot_checks_notice_update (self->checks_notice, ot_view_get_content (view), ot_view_get_worksheet (view));

  ot_view_follow (view, OT_WORKSHEET_PART_COMPARE, refresh_compared, OT_VIEW_WHEN_SHOWN);
  ot_view_follow (view, OT_WORKSHEET_PART_SITUATION, refresh_fits, OT_VIEW_WHEN_SHOWN);
}

static void
ot_options_view_finalize (GObject *object)
{
  OtOptionsView *self = OT_OPTIONS_VIEW (object);

  g_ptr_array_unref (self->toggles);
  g_ptr_array_unref (self->fits);
  g_strfreev (self->shown);

  G_OBJECT_CLASS (ot_options_view_parent_class)->finalize (object);
}

static void
ot_options_view_class_init (OtOptionsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  OtViewClass *view_class = OT_VIEW_CLASS (klass);

  object_class->finalize = ot_options_view_finalize;

  view_class->build = ot_options_view_build;

  g_type_ensure (OT_TYPE_CHECKS_NOTICE);
  g_type_ensure (OT_TYPE_COMPARE_GRID);
  g_type_ensure (OT_TYPE_WRAP_BOX);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ot-options-view.ui");
  gtk_widget_class_bind_template_child (widget_class, OtOptionsView, category_toggles);
  gtk_widget_class_bind_template_child (widget_class, OtOptionsView, checks_notice);
  gtk_widget_class_bind_template_child (widget_class, OtOptionsView, compare_label);
  gtk_widget_class_bind_template_child (widget_class, OtOptionsView, grid);
}

static void
ot_options_view_init (OtOptionsView *self)
{
  self->toggles = g_ptr_array_new ();
  self->fits = g_ptr_array_new_with_free_func (g_free);

  gtk_widget_init_template (GTK_WIDGET (self));
}
