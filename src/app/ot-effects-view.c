/* ot-effects-view.c: the Side Effects page
 *
 * The person chooses up to four treatments and the side effects they most
 * want to avoid; the chart compares them.  Below it, the figure under the
 * cursor in words with its source, and the selected figure as 100 people.
 * "Show as table" swaps the chart for real labels a screen reader reads.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ot-effects-view"

#include "config.h"

#include <glib/gi18n.h>

#include "ot-chart-widget.h"
#include "ot-check-row.h"
#include "ot-effects-table.h"
#include "ot-effects-view.h"
#include "ot-fit.h"
#include "ot-icon-array.h"

struct _OtEffectsView
{
  OtView               parent_instance;

  /* In the pack's order, which says what each stands for. */
  GPtrArray           *treatment_checks;  /* of each category's treatments in turn */
  GPtrArray           *category_rows;
  GPtrArray           *avoid_checks;
  gboolean             person_chose;    /* ticked or unticked a treatment here */
  GStrv                started;         /* what was ticked from Options, while it stays so */
  GStrv                synced;          /* the treatments the checks last showed chosen */
  guint                n_fitting;       /* treatments that fit on Options, when too many to tick */
  guint                fit_details_id;
  guint                fold_id;
  gboolean             fold;            /* whether the sidebar must fold away */
  gboolean             fold_for_chart;  /* only for the chart's columns: the view is wide */
  gboolean             focus_sidebar;   /* opened from its button: the focus goes in once shown */

  /* Template widgets */
  GtkLabel            *array_heading;
  GtkPopover          *array_popover;
  AdwPreferencesGroup *avoid_group;
  GtkLabel            *caption_label;
  OtChartWidget       *chart;
  GtkStack            *chart_stack;
  GtkWidget           *details;
  GtkBox              *details_box;
  GtkSeparator        *details_divider;
  GtkWidget           *details_separator;
  AdwFlap             *flap;
  GtkWidget           *flap_button;
  GtkLabel            *group_label;
  GtkDrawingArea      *icon_array;
  GtkLabel            *sentence_label;
  GtkWidget           *sidebar;
  GtkLabel            *source_label;
  GtkGrid             *table;
  GtkLabel            *table_sources;
  GtkSwitch           *table_switch;
  GtkWidget           *title_label;
  AdwPreferencesGroup *treatments_group;
};

G_DEFINE_FINAL_TYPE (OtEffectsView, ot_effects_view, OT_TYPE_VIEW)

/* The sidebar's width, and the least the chart beside it needs to be
 * worth showing beside it, at the desktop's normal text size. */
#define SIDEBAR_WIDTH 280
#define CONTENT_WIDTH 320

/* The 100 people: the height they are drawn at, at most and at least, and
 * the room around them in their popover at the normal text size. */
#define ARRAY_HEIGHT       260
#define ARRAY_HEIGHT_LEAST 130
#define ARRAY_ROOM         150

/* The least height of the view, at the normal text size, that keeps the
 * words around the chart at a larger one (too_short()). */
#define SHORT_HEIGHT 300

static gboolean
strv_contains (const char * const *strv,
               const char         *id)
{
  return strv != NULL && g_strv_contains (strv, id);
}

/* Above the treatments: how many can be chosen and, while the choice is
 * still the one made from Options, that it came from there. */
static void
update_description (OtEffectsView      *self,
                    const char * const *compared,
                    gboolean            full)
{
  const char *limit = full ? _("Four chosen, the most at once. Uncheck one to choose another.")
                           : _("Choose 1 to 4. Each gets a column of its own.");
  g_autofree char *text = NULL;

  if (self->started != NULL && compared != NULL
      && g_strv_equal ((const char * const *) self->started, compared))
    text = g_strdup_printf ("%s %s", _("Ticked from Options: the treatments likely to help there. "
                                       "Change them as you like."), limit);
  else if (self->n_fitting > 0 && (compared == NULL || compared[0] == NULL))
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u treatment shown on Options is likely to help. "
                                         "Choose up to 4 to compare: these or any others.",
                                         "%u treatments shown on Options are likely to help. "
                                         "Choose up to 4 to compare: these or any others.",
                                         self->n_fitting),
                            self->n_fitting);

  adw_preferences_group_set_description (self->treatments_group, text != NULL ? text : limit);
}

static void
sync_treatment_check (OtEffectsView     *self,
                      GtkCheckButton    *check,
                      const OtTreatment *treatment,
                      gboolean           full)
{
  OtWorksheet *worksheet = ot_view_get_worksheet (OT_VIEW (self));
  gboolean active = strv_contains (ot_worksheet_get_compared_treatments (worksheet), treatment->id);
  const OtFitRule *rule = ot_fit_evaluate (ot_view_get_content (OT_VIEW (self)), worksheet, treatment);
  g_autofree char *fit = rule ? ot_fit_dup_label (rule) : NULL;

  gtk_check_button_set_active (check, active);
  /* How it fits, as Options says it. */
  adw_action_row_set_subtitle (ADW_ACTION_ROW (gtk_widget_get_ancestor (GTK_WIDGET (check), OT_TYPE_CHECK_ROW)),
                               fit ? fit : "");
  /* Four columns at most: the others wait until one is unchecked. */
  gtk_widget_set_sensitive (GTK_WIDGET (check), active || !full);
}

/* The check boxes follow the worksheet, which may come from a file. */
static void
sync_checks (OtEffectsView *self)
{
  OtContent *content = ot_view_get_content (OT_VIEW (self));
  OtWorksheet *worksheet = ot_view_get_worksheet (OT_VIEW (self));
  GPtrArray *categories = ot_content_get_categories (content);
  GPtrArray *effects = ot_content_get_side_effects (content);
  const char * const *compared = ot_worksheet_get_compared_treatments (worksheet);
  const char * const *avoid = ot_worksheet_get_avoid_effects (worksheet);
  gboolean full = g_strv_length ((char **) compared) >= OT_CHART_MAX_COLUMNS;
  guint n_checks = 0;

  for (guint i = 0; i < self->category_rows->len; i++)
    {
      AdwExpanderRow *row = g_ptr_array_index (self->category_rows, i);
      const OtCategory *category = g_ptr_array_index (categories, i);
      guint chosen = 0;
      gboolean newly = FALSE;
      g_autofree char *subtitle = NULL;

      for (guint j = 0; j < category->treatments->len; j++)
        {
          const OtTreatment *treatment = g_ptr_array_index (category->treatments, j);
          gboolean is_chosen = strv_contains (compared, treatment->id);

          sync_treatment_check (self, g_ptr_array_index (self->treatment_checks, n_checks++), treatment, full);
          chosen += is_chosen;
          newly |= is_chosen && !strv_contains ((const char * const *) self->synced, treatment->id);
        }
      /* A group opens on a treatment newly chosen, here or elsewhere. */
      if (newly)
        adw_expander_row_set_expanded (row, TRUE);
      if (chosen > 0)
        subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u chosen", "%u chosen", chosen), chosen);
      adw_expander_row_set_subtitle (row, subtitle ? subtitle : "");
    }

  for (guint i = 0; i < self->avoid_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->avoid_checks, i);
      const OtSideEffect *effect = g_ptr_array_index (effects, i);

      gtk_check_button_set_active (check, strv_contains (avoid, effect->id));
    }

  g_strfreev (self->synced);
  self->synced = g_strdupv ((char **) compared);

  update_description (self, compared, full);
}

/* @ids with @id added at the end or taken out; where it is already, it
 * stays: a check set to what the worksheet says changes nothing. */
static GStrv
toggle_id (const char * const *ids,
           const char         *id,
           gboolean            add)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; ids[i] != NULL; i++)
    if (add || !g_str_equal (ids[i], id))
      g_strv_builder_add (builder, ids[i]);
  if (add && !g_strv_contains (ids, id))
    g_strv_builder_add (builder, id);

  return g_strv_builder_end (builder);
}

static OtEffectsView *
check_view (GtkCheckButton *check)
{
  return OT_EFFECTS_VIEW (gtk_widget_get_ancestor (GTK_WIDGET (check), OT_TYPE_EFFECTS_VIEW));
}

static void
treatment_toggled_cb (GtkCheckButton *check,
                      const char     *id)
{
  OtEffectsView *self = check_view (check);
  OtWorksheet *worksheet = ot_view_get_worksheet (OT_VIEW (self));
  const char * const *compared = ot_worksheet_get_compared_treatments (worksheet);
  g_auto(GStrv) ids = NULL;

  ids = toggle_id (compared, id, gtk_check_button_get_active (check));
  if (g_strv_length (ids) > OT_CHART_MAX_COLUMNS)
    {
      sync_checks (self);
      return;
    }
  /* Set to what the worksheet says, a check changes nothing. */
  if (g_strv_equal ((const char * const *) ids, compared))
    return;

  self->person_chose = TRUE;
  ot_worksheet_set_compared_treatments (worksheet, (const char * const *) ids);
}

static void
avoid_toggled_cb (GtkCheckButton *check,
                  const char     *id)
{
  OtWorksheet *worksheet = ot_view_get_worksheet (OT_VIEW (check_view (check)));
  g_auto(GStrv) ids = NULL;

  ids = toggle_id (ot_worksheet_get_avoid_effects (worksheet), id, gtk_check_button_get_active (check));
  ot_worksheet_set_avoid_effects (worksheet, (const char * const *) ids);
}

/* A row whose title is the check box's label: the row, as the check's
 * activatable widget, names it for a screen reader too.  Its check tells
 * of itself with @id, which the content the view holds keeps. */
static GtkWidget *
new_check_row (const char *id,
               const char *title,
               GPtrArray  *checks,
               GCallback   toggled)
{
  GtkWidget *row = ot_check_row_new (title);
  GtkCheckButton *check = ot_check_row_get_check (OT_CHECK_ROW (row));

  g_signal_connect (check, "toggled", toggled, (gpointer) id);
  g_ptr_array_add (checks, check);

  return row;
}

static void
build_choosers (OtEffectsView *self)
{
  OtContent *content = ot_view_get_content (OT_VIEW (self));
  GPtrArray *categories = ot_content_get_categories (content);
  GPtrArray *effects = ot_content_get_side_effects (content);

  for (guint i = 0; i < categories->len; i++)
    {
      const OtCategory *category = g_ptr_array_index (categories, i);
      GtkWidget *expander = adw_expander_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), category->name);
      adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (expander), FALSE);
      for (guint j = 0; j < category->treatments->len; j++)
        {
          const OtTreatment *treatment = g_ptr_array_index (category->treatments, j);

          ot_check_row_add_to (OT_CHECK_ROW (new_check_row (treatment->id, treatment->name, self->treatment_checks,
                                                            G_CALLBACK (treatment_toggled_cb))),
                               ADW_EXPANDER_ROW (expander));
        }
      adw_preferences_group_add (self->treatments_group, expander);
      g_ptr_array_add (self->category_rows, expander);
    }

  for (guint i = 0; i < effects->len; i++)
    {
      const OtSideEffect *effect = g_ptr_array_index (effects, i);

      adw_preferences_group_add (self->avoid_group,
                                 new_check_row (effect->id, effect->name, self->avoid_checks,
                                                G_CALLBACK (avoid_toggled_cb)));
    }
}

/* Side Effects starts from what Options showed.  While the person has
 * chosen nothing here, the treatments likely to help in the categories
 * compared on Options are ticked, and their categories opened; when more
 * of them fit than the chart has columns, none is ticked rather than some
 * in place of others, and the words above the list say how many fit.
 * Never over a choice of the person's own. */
static void
start_from_options (OtEffectsView *self)
{
  OtContent *content = ot_view_get_content (OT_VIEW (self));
  OtWorksheet *worksheet = ot_view_get_worksheet (OT_VIEW (self));
  const char * const *compared = ot_worksheet_get_compared_categories (worksheet);
  GPtrArray *categories;
  g_autoptr(GStrvBuilder) fitting = g_strv_builder_new ();
  g_auto(GStrv) ids = NULL;
  guint n;

  if (content == NULL || self->person_chose || ot_worksheet_get_compared_treatments (worksheet)[0] != NULL)
    return;

  categories = ot_content_get_categories (content);
  for (guint i = 0; i < self->category_rows->len; i++)
    {
      AdwExpanderRow *row = g_ptr_array_index (self->category_rows, i);
      const OtCategory *category = g_ptr_array_index (categories, i);
      gboolean any = FALSE;

      /* None compared on Options means all of them shown there. */
      if (compared[0] != NULL && !g_strv_contains (compared, category->id))
        continue;
      for (guint j = 0; j < category->treatments->len; j++)
        {
          const OtTreatment *treatment = g_ptr_array_index (category->treatments, j);
          const OtFitRule *rule = ot_fit_evaluate (content, worksheet, treatment);

          if (rule != NULL && rule->fit == OT_FIT_LIKELY)
            {
              g_strv_builder_add (fitting, treatment->id);
              any = TRUE;
            }
        }
      if (any)
        adw_expander_row_set_expanded (row, TRUE);
    }

  ids = g_strv_builder_end (g_steal_pointer (&fitting));
  n = g_strv_length (ids);
  g_clear_pointer (&self->started, g_strfreev);
  self->n_fitting = 0;
  if (n > OT_CHART_MAX_COLUMNS)
    self->n_fitting = n;
  else if (n > 0)
    self->started = g_strdupv (ids);

  /* A suggestion: only looking leaves nothing unsaved. */
  if (self->started != NULL)
    ot_worksheet_suggest_compared_treatments (worksheet, (const char * const *) ids);
  else
    sync_checks (self);
}

/* Whether the view is too short for its words around the chart at this
 * text size: large text in a small window, where each of the chart's rows
 * is taller than the words under it.  The words under the chart and the
 * title over it then fold away, and the chart has their room: a figure's
 * words stay in its 100 people (Enter), a screen reader reads them on the
 * chart itself, and the chart's legend says what its bars count. */
static gboolean
too_short (OtEffectsView *self)
{
  double scale = ot_view_get_text_scale (OT_VIEW (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  return scale >= 1.4 && height > 0 && height < SHORT_HEIGHT * scale;
}

/* The words under the chart, unless the table says it all already, the
 * chart itself asks the person to choose, or the chart needs the room;
 * the title over it, unless the chart needs that room. */
static void
update_details_shown (OtEffectsView *self)
{
  OtChartLayout *layout = ot_chart_widget_get_layout (self->chart);
  gboolean table = gtk_switch_get_active (self->table_switch);
  gboolean short_ = !table && too_short (self);
  gboolean shown = !table && !short_ && layout != NULL && ot_chart_layout_get_n_columns (layout) > 0;

  gtk_widget_set_visible (self->details, shown);
  gtk_widget_set_visible (self->details_separator, shown);
  gtk_widget_set_visible (self->title_label, !short_);
}

/* The words below the chart get the height they need at the width they
 * have, up to two fifths of the view (one fifth with larger text, where
 * the chart's rows are taller): the chart keeps the rest, and more words
 * scroll.  (GTK 4.8's scrolled window asks its child for its height at no
 * width in particular: too little once the words wrap, and they were cut;
 * or too much.) */
static gboolean
fit_details_cb (gpointer data)
{
  OtEffectsView *self = data;
  GtkScrolledWindow *details = GTK_SCROLLED_WINDOW (self->details);
  int width = gtk_widget_get_width (self->details);
  int fifths = ot_view_get_text_scale (OT_VIEW (self)) >= 1.4 ? 1 : 2;
  int most = gtk_widget_get_height (GTK_WIDGET (self)) * fifths / 5;
  int natural;

  self->fit_details_id = 0;
  update_details_shown (self);
  if (width <= 0 || most <= 0)
    return G_SOURCE_REMOVE;

  gtk_widget_measure (GTK_WIDGET (self->details_box), GTK_ORIENTATION_VERTICAL, width, NULL, &natural, NULL, NULL);
  natural = MIN (natural, most);
  if (natural == gtk_scrolled_window_get_min_content_height (details)
      && most == gtk_scrolled_window_get_max_content_height (details))
    return G_SOURCE_REMOVE;

  gtk_scrolled_window_set_min_content_height (details, -1);
  gtk_scrolled_window_set_max_content_height (details, most);
  gtk_scrolled_window_set_min_content_height (details, natural);
  return G_SOURCE_REMOVE;
}

/* After the layout that changed the words or the width, not inside it. */
static void
fit_details (OtEffectsView *self)
{
  if (self->fit_details_id == 0)
    self->fit_details_id = g_idle_add (fit_details_cb, self);
}

static void
set_label (GtkLabel   *label,
           const char *text)
{
  gtk_label_set_text (label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
}

/* The figure under the cursor, in words, with whom it is about and its source. */
static void
update_sentence (OtEffectsView *self)
{
  OtContent *content = ot_view_get_content (OT_VIEW (self));
  OtChartLayout *layout = ot_chart_widget_get_layout (self->chart);
  OtChartCell cell;
  const OtFrequency *frequency;
  g_autofree char *sentence = NULL;
  g_autofree char *group = NULL;
  g_autofree char *sources = NULL;

  if (layout == NULL)
    return;

  if (!ot_chart_widget_get_cursor (self->chart, &cell))
    {
      set_label (self->sentence_label,
                 ot_chart_layout_get_n_columns (layout) == 0
                 ? _("Choose the treatments to compare in the list.")
                 : _("Point at a figure, or use the arrow keys, to read it in words."));
      set_label (self->group_label, NULL);
      set_label (self->source_label, NULL);
      return;
    }

  frequency = ot_chart_layout_get_frequency (layout, cell.row, cell.column);
  sentence = ot_chart_dup_sentence (content, ot_chart_layout_get_treatment (layout, cell.column),
                                    ot_chart_layout_get_effect (layout, cell.row));
  if (frequency != NULL && frequency->has_figure && frequency->note != NULL)
    group = g_strdup_printf (_("Who this is about: %s"), frequency->note);
  if (frequency != NULL)
    sources = ot_chart_dup_sources_text (content, frequency->sources);

  set_label (self->sentence_label, sentence);
  set_label (self->group_label, group);
  set_label (self->source_label, sources);
  fit_details (self);
}

/* The 100 people point at their cell from above or below it, where the
 * window has more room, as large as that room allows: large enough to
 * count, never past the window's edge. */
static void
place_array (OtEffectsView     *self,
             cairo_rectangle_t *area)
{
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (self)));
  graphene_point_t top;
  double above, below, height;

  gtk_popover_set_pointing_to (self->array_popover,
                               &(GdkRectangle) { area->x, area->y, area->width, area->height });
  if (window == NULL || !gtk_widget_compute_point (GTK_WIDGET (self->chart), window,
                                                    &GRAPHENE_POINT_INIT (area->x, area->y), &top))
    return;

  above = top.y;
  below = gtk_widget_get_height (window) - top.y - area->height;
  gtk_popover_set_position (self->array_popover, above > below ? GTK_POS_TOP : GTK_POS_BOTTOM);
  /* Less the heading, the popover's arrow and border, and some window. */
  height = CLAMP (MAX (above, below) - ARRAY_ROOM * ot_view_get_text_scale (OT_VIEW (self)),
                  ARRAY_HEIGHT_LEAST, ARRAY_HEIGHT);
  gtk_drawing_area_set_content_height (self->icon_array, (int) height);
  gtk_drawing_area_set_content_width (self->icon_array, (int) (height / ot_icon_array_get_height (1)));
}

/* The selected figure as 100 people; words where there is no figure. */
static void
update_icon_array (OtEffectsView *self)
{
  OtChartLayout *layout = ot_chart_widget_get_layout (self->chart);
  const OtFrequency *frequency;
  g_autofree char *heading = NULL;
  g_autofree char *caption = NULL;
  cairo_rectangle_t area;
  OtChartCell cell;

  if (layout == NULL || !ot_chart_widget_get_selected (self->chart, &cell))
    {
      gtk_popover_popdown (self->array_popover);
      return;
    }

  frequency = ot_chart_layout_get_frequency (layout, cell.row, cell.column);
  /* Translators: "Diarrhea with FOLFOX (…)" */
  heading = g_strdup_printf (_("%s with %s"), ot_chart_layout_get_effect (layout, cell.row)->name,
                             ot_chart_layout_get_treatment (layout, cell.column)->name);

  switch (ot_chart_layout_get_cell_kind (layout, cell.row, cell.column))
    {
    case OT_CHART_CELL_COUNT:
    case OT_CHART_CELL_SERIOUS_ONLY:
      caption = ot_icon_array_dup_caption (frequency->count, frequency->serious);
      gtk_widget_set_visible (GTK_WIDGET (self->icon_array), TRUE);
      break;
    case OT_CHART_CELL_MODERATE_UP:
      {
        g_autofree char *people = ot_icon_array_dup_caption (frequency->count, frequency->serious);

        caption = g_strconcat (people, " ", _("Only moderate or severe cases were counted; mild cases were not."),
                               NULL);
        gtk_widget_set_visible (GTK_WIDGET (self->icon_array), TRUE);
      }
      break;
    case OT_CHART_CELL_NO_FIGURE:
    case OT_CHART_CELL_NOT_REPORTED:
    default:
      caption = g_strdup (_("There is no reliable figure to show as people."));
      gtk_widget_set_visible (GTK_WIDGET (self->icon_array), FALSE);
      break;
    }

  gtk_label_set_text (self->array_heading, heading);
  gtk_label_set_text (self->caption_label, caption);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->icon_array),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, caption, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self->icon_array));
  if (ot_chart_layout_get_cell_area (layout, cell.row, cell.column, &area))
    place_array (self, &area);
  if (gtk_widget_get_mapped (GTK_WIDGET (self->chart)))
    gtk_popover_popup (self->array_popover);
}

static void
draw_icon_array (GtkDrawingArea *area,
                 cairo_t        *cr,
                 int             width,
                 int             height,
                 gpointer        data)
{
  OtEffectsView *self = data;
  OtChartLayout *layout = ot_chart_widget_get_layout (self->chart);
  const OtFrequency *frequency;
  OtChartCell cell;
  double size = MIN (width, height / ot_icon_array_get_height (1));

  if (layout == NULL || !ot_chart_widget_get_selected (self->chart, &cell)
      || (frequency = ot_chart_layout_get_frequency (layout, cell.row, cell.column)) == NULL)
    return;

  ot_icon_array_draw (cr, ot_style_get (ot_chart_widget_get_style_kind (self->chart)), cell.column,
                      size, frequency->count, frequency->serious);
}

static void
update_table (OtEffectsView *self)
{
  ot_effects_table_fill (self->table, self->table_sources, ot_view_get_content (OT_VIEW (self)),
                         ot_chart_widget_get_layout (self->chart));
}

static void
table_switch_cb (OtEffectsView *self)
{
  gtk_stack_set_visible_child_name (self->chart_stack,
                                    gtk_switch_get_active (self->table_switch) ? "table" : "chart");
  update_details_shown (self);
}

static void
refresh (OtView *view)
{
  OtEffectsView *self = OT_EFFECTS_VIEW (view);

  sync_checks (self);
  update_table (self);
  update_sentence (self);
  update_icon_array (self);
  update_details_shown (self);
}

/* Narrow (the choosers fold away) or large text: the icon array goes
 * under the words, which then have the whole width. */
static void
folded_cb (OtEffectsView *self)
{
  gboolean stacked = (adw_flap_get_folded (self->flap) && !self->fold_for_chart)
                     || ot_view_get_text_scale (OT_VIEW (self)) >= 1.4;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->details_box),
                                  stacked ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->details_divider),
                                  stacked ? GTK_ORIENTATION_HORIZONTAL : GTK_ORIENTATION_VERTICAL);
  fit_details (self);
}

static gboolean
fold_cb (gpointer data)
{
  OtEffectsView *self = data;

  self->fold_id = 0;
  adw_flap_set_fold_policy (self->flap, self->fold ? ADW_FLAP_FOLD_POLICY_ALWAYS : ADW_FLAP_FOLD_POLICY_AUTO);
  return G_SOURCE_REMOVE;
}

/* Whether the chart needs the room of the sidebar: where beside it each
 * row would list the treatments rather than show them in columns (a small
 * screen sees a third of the rows, large text a line a figure), or where
 * the view's whole @width shows each figure on its line and beside the
 * sidebar they would break or wrap.  The chart has the view's width less
 * its margins, and beside the sidebar less the sidebar and its line. */
static gboolean
chart_needs_sidebar_room (OtEffectsView *self,
                          int            width)
{
  OtChartLayout *layout = ot_chart_widget_get_layout (self->chart);
  GtkWidget *chart = GTK_WIDGET (self->chart);
  double columns, roomy;
  int sidebar, separator, whole, beside;

  if (layout == NULL || (columns = ot_chart_layout_get_columns_width (layout, &roomy)) <= 0)
    return FALSE;
  gtk_widget_get_size_request (self->sidebar, &sidebar, NULL);
  gtk_widget_measure (adw_flap_get_separator (self->flap), GTK_ORIENTATION_HORIZONTAL, -1, &separator, NULL, NULL,
                      NULL);
  whole = width - gtk_widget_get_margin_start (chart) - gtk_widget_get_margin_end (chart);
  beside = whole - sidebar - separator;
  return columns > beside || (roomy > beside && roomy <= whole);
}

/* Where the sidebar and the chart do not both get their room at this text
 * size, the sidebar folds away behind its button and the chart has the
 * width.  Called as the chart's page (or the table's) gets a new width,
 * when the view's own is known, and as the view is shown; not as the
 * person chooses in the sidebar, which stays where they are working. */
static void
width_changed_cb (OtEffectsView *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  gboolean narrow, fold_for_chart, fold;

  if (width <= 0)
    return;
  narrow = width < (SIDEBAR_WIDTH + CONTENT_WIDTH) * ot_view_get_text_scale (OT_VIEW (self));
  fold_for_chart = !narrow && chart_needs_sidebar_room (self, width);
  fold = narrow || fold_for_chart;
  if (fold_for_chart != self->fold_for_chart)
    {
      self->fold_for_chart = fold_for_chart;
      folded_cb (self);
    }

  /* Not while the flap is being laid out. */
  if (fold != self->fold)
    {
      self->fold = fold;
      if (self->fold_id == 0)
        self->fold_id = g_idle_add (fold_cb, self);
    }
}

/* Opened from its button where it folded away, the sidebar takes the
 * focus, as a menu does, so the keyboard goes on among its choices; put
 * away again (Escape, or the button), it gives the focus back to the
 * button rather than to no one. */
static void
reveal_cb (OtEffectsView *self)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));

  self->focus_sidebar = adw_flap_get_folded (self->flap) && adw_flap_get_reveal_flap (self->flap)
                        && focus == self->flap_button;
  if (adw_flap_get_folded (self->flap) && !adw_flap_get_reveal_flap (self->flap)
      && focus != NULL && gtk_widget_is_ancestor (focus, self->sidebar))
    gtk_widget_grab_focus (self->flap_button);
}

/* As it slides in (a hidden sidebar cannot take the focus): the first
 * treatment shown, or else its first control. */
static void
reveal_progress_cb (OtEffectsView *self)
{
  if (!self->focus_sidebar || !gtk_widget_get_mapped (self->sidebar))
    return;
  self->focus_sidebar = FALSE;
  for (guint i = 0; i < self->treatment_checks->len; i++)
    if (gtk_widget_is_drawable (g_ptr_array_index (self->treatment_checks, i)))
      {
        gtk_widget_grab_focus (g_ptr_array_index (self->treatment_checks, i));
        return;
      }
  gtk_widget_child_focus (self->sidebar, GTK_DIR_TAB_FORWARD);
}

/* The sidebar widens with the text (the zoom, the desktop's Large Text),
 * so that its names do not end up a word to a line and its headings cut. */
static void
update_sidebar_width (OtEffectsView *self)
{
  double scale = ot_view_get_text_scale (OT_VIEW (self));

  /* Its clamp widens too, as every view's does (ot-view.c). */
  gtk_widget_set_size_request (self->sidebar, (int) (SIDEBAR_WIDTH * scale), -1);
  folded_cb (self);
  width_changed_cb (self);
}

static void
ot_effects_view_system_setting_changed (GtkWidget        *widget,
                                        GtkSystemSetting  setting)
{
  GTK_WIDGET_CLASS (ot_effects_view_parent_class)->system_setting_changed (widget, setting);

  /* A new resolution widens the sidebar; any new font or resolution
   * changes the room the chart needs. */
  if (setting == GTK_SYSTEM_SETTING_DPI)
    update_sidebar_width (OT_EFFECTS_VIEW (widget));
  else
    width_changed_cb (OT_EFFECTS_VIEW (widget));
}

static void
ot_effects_view_build (OtView *view)
{
  OtEffectsView *self = OT_EFFECTS_VIEW (view);
  OtWorksheet *worksheet = ot_view_get_worksheet (view);

  build_choosers (self);
  /* The chart connects to the worksheet first, so it is laid out anew
   * before the table and the words read it. */
  ot_chart_widget_set_model (self->chart, ot_view_get_content (view), worksheet);
  refresh (view);
  /* The situation gives each treatment's fit. */
  ot_view_follow (view, OT_WORKSHEET_PART_COMPARE, refresh, OT_VIEW_WHEN_SHOWN);
  ot_view_follow (view, OT_WORKSHEET_PART_EFFECTS, refresh, OT_VIEW_WHEN_SHOWN);
  ot_view_follow (view, OT_WORKSHEET_PART_SITUATION, refresh, OT_VIEW_WHEN_SHOWN);
}

static void
ot_effects_view_dispose (GObject *object)
{
  OtEffectsView *self = OT_EFFECTS_VIEW (object);

  g_clear_handle_id (&self->fit_details_id, g_source_remove);
  g_clear_handle_id (&self->fold_id, g_source_remove);

  G_OBJECT_CLASS (ot_effects_view_parent_class)->dispose (object);
}

static void
ot_effects_view_finalize (GObject *object)
{
  OtEffectsView *self = OT_EFFECTS_VIEW (object);

  g_ptr_array_unref (self->treatment_checks);
  g_ptr_array_unref (self->category_rows);
  g_ptr_array_unref (self->avoid_checks);
  g_strfreev (self->started);
  g_strfreev (self->synced);

  G_OBJECT_CLASS (ot_effects_view_parent_class)->finalize (object);
}

static void
ot_effects_view_class_init (OtEffectsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  OtViewClass *view_class = OT_VIEW_CLASS (klass);

  object_class->dispose = ot_effects_view_dispose;
  object_class->finalize = ot_effects_view_finalize;

  widget_class->system_setting_changed = ot_effects_view_system_setting_changed;

  view_class->build = ot_effects_view_build;

  g_type_ensure (OT_TYPE_CHART_WIDGET);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ot-effects-view.ui");
  gtk_widget_class_bind_template_child (widget_class, OtEffectsView, array_heading);
  gtk_widget_class_bind_template_child (widget_class, OtEffectsView, array_popover);
  gtk_widget_class_bind_template_child (widget_class, OtEffectsView, avoid_group);
  gtk_widget_class_bind_template_child (widget_class, OtEffectsView, caption_label);
  gtk_widget_class_bind_template_child (widget_class, OtEffectsView, chart);
  gtk_widget_class_bind_template_child (widget_class, OtEffectsView, chart_stack);
  gtk_widget_class_bind_template_child (widget_class, OtEffectsView, details);
  gtk_widget_class_bind_template_child (widget_class, OtEffectsView, details_box);
  gtk_widget_class_bind_template_child (widget_class, OtEffectsView, details_divider);
  gtk_widget_class_bind_template_child (widget_class, OtEffectsView, details_separator);
  gtk_widget_class_bind_template_child (widget_class, OtEffectsView, flap);
  gtk_widget_class_bind_template_child (widget_class, OtEffectsView, flap_button);
  gtk_widget_class_bind_template_child (widget_class, OtEffectsView, group_label);
  gtk_widget_class_bind_template_child (widget_class, OtEffectsView, icon_array);
  gtk_widget_class_bind_template_child (widget_class, OtEffectsView, sentence_label);
  gtk_widget_class_bind_template_child (widget_class, OtEffectsView, sidebar);
  gtk_widget_class_bind_template_child (widget_class, OtEffectsView, source_label);
  gtk_widget_class_bind_template_child (widget_class, OtEffectsView, table);
  gtk_widget_class_bind_template_child (widget_class, OtEffectsView, table_sources);
  gtk_widget_class_bind_template_child (widget_class, OtEffectsView, table_switch);
  gtk_widget_class_bind_template_child (widget_class, OtEffectsView, title_label);
  gtk_widget_class_bind_template_child (widget_class, OtEffectsView, treatments_group);
}

static void
ot_effects_view_init (OtEffectsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->treatment_checks = g_ptr_array_new ();
  self->category_rows = g_ptr_array_new ();
  self->avoid_checks = g_ptr_array_new ();

  update_sidebar_width (self);
  g_signal_connect_object (gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (self->details)),
                           "notify::page-size", G_CALLBACK (fit_details), self, G_CONNECT_SWAPPED);
  for (GtkWidget *page = gtk_widget_get_first_child (GTK_WIDGET (self->chart_stack)); page;
       page = gtk_widget_get_next_sibling (page))
    if (GTK_IS_SCROLLED_WINDOW (page))
      {
        g_signal_connect_object (gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (page)),
                                 "notify::page-size", G_CALLBACK (width_changed_cb), self, G_CONNECT_SWAPPED);
        /* A new height may fold the words under the chart away or back. */
        g_signal_connect_object (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (page)),
                                 "notify::page-size", G_CALLBACK (fit_details), self, G_CONNECT_SWAPPED);
      }
  gtk_widget_set_parent (GTK_WIDGET (self->array_popover), GTK_WIDGET (self->chart));
  gtk_drawing_area_set_draw_func (self->icon_array, draw_icon_array, self, NULL);
  g_signal_connect_object (self->chart, "cursor-changed", G_CALLBACK (update_sentence), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->chart, "selection-changed", G_CALLBACK (update_icon_array), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->table_switch, "notify::active", G_CALLBACK (table_switch_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->flap, "notify::folded", G_CALLBACK (folded_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->flap, "notify::reveal-flap", G_CALLBACK (reveal_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->flap, "notify::reveal-progress", G_CALLBACK (reveal_progress_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect (self, "map", G_CALLBACK (start_from_options), NULL);
  g_signal_connect (self, "map", G_CALLBACK (width_changed_cb), NULL);
}

/**
 * ot_effects_view_get_chart:
 *
 * Returns: (transfer none): the chart, for the tests
 */
OtChartWidget *
ot_effects_view_get_chart (OtEffectsView *self)
{
  g_return_val_if_fail (OT_IS_EFFECTS_VIEW (self), NULL);

  return self->chart;
}
