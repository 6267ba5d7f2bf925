/* ot-effects-table.c: the chart's twin, in labels
 *
 * The same rows, columns and figures as the chart, as real labels in a
 * grid: a screen reader reads them cell by cell, and each cell's
 * accessible name is the whole sentence, so a cell read alone still says
 * which treatment and which side effect it is about.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ot-effects-table"

#include "config.h"

#include <glib/gi18n.h>

#include "ot-effects-table.h"

static GtkWidget *
new_label (const char *text,
           const char *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
  /* Selectable labels take the keyboard focus, so Tab walks the cells. */
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
  return label;
}

/* "1, 3": the numbers the chart gives @sources. */
static char *
dup_numbers (OtChartLayout      *layout,
             const char * const *sources)
{
  const char * const *all = ot_chart_layout_get_sources (layout);
  g_autoptr(GString) numbers = g_string_new (NULL);

  for (guint i = 0; all[i] != NULL; i++)
    if (sources != NULL && g_strv_contains (sources, all[i]))
      g_string_append_printf (numbers, numbers->len ? ", %u" : "%u", i + 1);

  return g_string_free (g_steal_pointer (&numbers), FALSE);
}

static GtkWidget *
new_cell (OtContent     *content,
          OtChartLayout *layout,
          guint          row,
          guint          column)
{
  const OtFrequency *frequency = ot_chart_layout_get_frequency (layout, row, column);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *main_text = ot_chart_dup_cell_text (frequency);
  g_autofree char *counts = ot_chart_dup_counts_text (frequency);
  g_autofree char *detail = ot_chart_dup_cell_detail (frequency);
  g_autofree char *range = ot_chart_dup_range_text (frequency);
  g_autofree char *sentence = ot_chart_dup_sentence (content, ot_chart_layout_get_treatment (layout, column),
                                                     ot_chart_layout_get_effect (layout, row));
  g_autofree char *sources = frequency ? ot_chart_dup_sources_text (content, frequency->sources) : NULL;
  g_autofree char *numbers = frequency ? dup_numbers (layout, frequency->sources) : NULL;
  g_autofree char *name = sources ? g_strconcat (sentence, " ", sources, NULL) : g_strdup (sentence);
  GtkWidget *label;

  g_string_append (text, main_text);
  if (counts != NULL)
    g_string_append_printf (text, "\n%s", counts);
  if (detail != NULL)
    g_string_append_printf (text, "\n%s", detail);
  if (range != NULL)
    g_string_append_printf (text, "\n%s", range);
  if (numbers != NULL && *numbers != '\0')
    /* Translators: the numbers of the sources listed under the table. */
    g_string_append_printf (text, _("\nSources: %s"), numbers);

  label = new_label (text->str, ot_chart_layout_get_cell_kind (layout, row, column) == OT_CHART_CELL_NOT_REPORTED
                                ? "dim-label" : NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  return label;
}

/* A benefit in its treatment's column, read aloud as its whole sentence. */
static GtkWidget *
new_benefit_cell (OtContent       *content,
                  OtChartLayout   *layout,
                  const OtOutcome *outcome)
{
  g_autofree char *figure = ot_chart_dup_benefit_text (outcome);
  g_autofree char *comparator = ot_chart_dup_comparator_text (outcome);
  g_autofree char *about = ot_outcome_format_about (outcome);
  g_autofree char *numbers = dup_numbers (layout, outcome->sources);
  g_autofree char *sources = ot_chart_dup_sources_text (content, outcome->sources);
  g_autofree char *name = g_strconcat (outcome->says, " ", about, sources ? " " : "", sources, NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  GtkWidget *label;

  /* Translators: a benefit in the table, then its comparison group. */
  g_string_append_printf (text, _("%s\nComparison group: %s\n%s"), figure, comparator, about);
  if (*numbers != '\0')
    g_string_append_printf (text, _("\nSources: %s"), numbers);

  label = new_label (text->str, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  return label;
}

/**
 * ot_effects_table_fill:
 * @grid: emptied, then filled with the chart's figures
 * @sources: the label under the table that lists the sources
 * @layout: the chart the table is a twin of
 */
void
ot_effects_table_fill (GtkGrid       *grid,
                       GtkLabel      *sources,
                       OtContent     *content,
                       OtChartLayout *layout)
{
  const char * const *ids;
  g_autoptr(GString) list = NULL;
  GtkWidget *child, *focus;
  GtkRoot *root;
  gboolean had_focus;
  guint n_rows, n_columns;

  g_return_if_fail (GTK_IS_GRID (grid));
  g_return_if_fail (GTK_IS_LABEL (sources));

  /* Take the focus off a cell before it goes (GTK 4.8 keeps pointing at
   * a removed focus widget otherwise), and give it back to the new table. */
  root = gtk_widget_get_root (GTK_WIDGET (grid));
  focus = root ? gtk_root_get_focus (root) : NULL;
  had_focus = focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (grid));
  if (had_focus)
    gtk_root_set_focus (root, NULL);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
  gtk_label_set_text (sources, "");
  gtk_widget_set_visible (GTK_WIDGET (sources), FALSE);
  if (layout == NULL)
    return;

  n_rows = ot_chart_layout_get_n_rows (layout);
  n_columns = ot_chart_layout_get_n_columns (layout);
  if (n_columns == 0)
    {
      gtk_grid_attach (grid, new_label (_("Choose 1 to 4 treatments to compare their side effects."), NULL),
                       0, 0, 1, 1);
      if (had_focus)
        gtk_widget_grab_focus (gtk_widget_get_first_child (GTK_WIDGET (grid)));
      return;
    }

  gtk_grid_attach (grid, new_label (_("Side effect"), "heading"), 0, 0, 1, 1);
  for (guint j = 0; j < n_columns; j++)
    gtk_grid_attach (grid, new_label (ot_chart_layout_get_treatment (layout, j)->name, "heading"), j + 1, 0, 1, 1);

  for (guint i = 0; i < n_rows; i++)
    {
      const OtSideEffect *effect = ot_chart_layout_get_effect (layout, i);
      g_autofree char *name = ot_chart_layout_get_avoided (layout, i)
        ? g_strdup_printf (_("%s (you want to avoid this)"), effect->name)
        : g_strdup (effect->name);

      gtk_grid_attach (grid, new_label (name, "heading"), 0, i + 1, 1, 1);
      for (guint j = 0; j < n_columns; j++)
        gtk_grid_attach (grid, new_cell (content, layout, i, j), j + 1, i + 1, 1, 1);
    }

  /* The benefits under the side effects, as in the chart. */
  if (ot_chart_layout_get_n_benefits (layout) > 0)
    gtk_grid_attach (grid, new_label (_("Chance of benefit (how many in 100 were helped)"), "heading"),
                     0, n_rows + 1, n_columns + 1, 1);
  for (guint i = 0; i < ot_chart_layout_get_n_benefits (layout); i++)
    {
      guint column;
      const OtOutcome *outcome = ot_chart_layout_get_benefit (layout, i, &column);

      gtk_grid_attach (grid, new_label (ot_outcome_kind_to_string (outcome->kind), "heading"),
                       0, n_rows + 2 + i, 1, 1);
      gtk_grid_attach (grid, new_benefit_cell (content, layout, outcome), column + 1, n_rows + 2 + i, 1, 1);
    }

  ids = ot_chart_layout_get_sources (layout);
  list = g_string_new (_("Sources:"));
  for (guint i = 0; ids[i] != NULL; i++)
    {
      const OtSource *source = ot_content_find_source (content, ids[i]);

      g_string_append_printf (list, "\n%u  %s, %s", i + 1, source->publisher, source->title);
    }
  gtk_label_set_text (sources, ids[0] != NULL ? list->str : "");
  /* An empty selectable label would still be a stop for Tab, with nothing to read. */
  gtk_widget_set_visible (GTK_WIDGET (sources), ids[0] != NULL);

  if (had_focus)
    gtk_widget_grab_focus (gtk_widget_get_first_child (GTK_WIDGET (grid)));
}
