/* ot-glance-grid.c: "My options at a glance", in the window
 *
 * The options the person chose, in columns, the same rows for each, with
 * the words of the hand-out's first page (ot-glance.c) in real labels: a
 * screen reader reads each cell with its option and its row, and Tab
 * walks the cells.  The chance of benefit has its 100 people, drawn by
 * the code that draws them on paper.  Where the window is too narrow for
 * the options side by side, they come one after another, each with its
 * rows (as on Options), decided as the grid gets its width.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ot-glance-grid"

#include "config.h"

#include <glib/gi18n.h>

#include "ot-chart-text.h"
#include "ot-chart-widget.h"
#include "ot-glance.h"
#include "ot-glance-grid.h"
#include "ot-icon-array.h"
#include "ot-long-label.h"
#include "ot-text-widgets.h"
#include "ot-view.h"

/* Wide enough to count the people at arm's length, small beside the words;
 * narrower only when the columns are. */
#define ICON_ARRAY_WIDTH     96
#define ICON_ARRAY_MIN_WIDTH 30

struct _OtGlanceGrid
{
  GtkWidget    parent_instance;

  OtContent   *content;
  OtWorksheet *worksheet;
  guint        refresh_id;
  gboolean     dirty;
  gboolean     stacked;
  gboolean     want_stacked;
  guint        stack_id;

  GtkWidget   *box;
  GtkGrid     *grid;
  GtkLabel    *intro_label;
  GtkLabel    *none_label;
  OtLongLabel *unlinked_label;
};

G_DEFINE_FINAL_TYPE (OtGlanceGrid, ot_glance_grid, GTK_TYPE_WIDGET)

/* What the grid shows: the options chosen, how each fits the situation,
 * the effects to avoid and the values; and every answer replaced. */
static const char * const followed_parts[] = {
  OT_WORKSHEET_PART_COMPARE,
  OT_WORKSHEET_PART_SITUATION,
  OT_WORKSHEET_PART_EFFECTS,
  OT_WORKSHEET_PART_VALUES,
  OT_WORKSHEET_PART_ALL,
};

/* The sources of each column, cited once each under it. */
typedef struct
{
  GPtrArray *sources[OT_GLANCE_MAX_OPTIONS];
  guint      column;
} Citations;

static char *
collect_sources (const char * const *sources,
                 gpointer            data)
{
  Citations *citations = data;
  GPtrArray *column = citations->sources[citations->column];

  for (guint i = 0; sources != NULL && sources[i] != NULL; i++)
    if (!g_ptr_array_find_with_equal_func (column, sources[i], g_str_equal, NULL))
      g_ptr_array_add (column, (gpointer) sources[i]);
  return g_strdup ("");
}

static void
draw_people (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        data)
{
  const double *people = data;
  double size = MIN (MIN (width, ICON_ARRAY_WIDTH), height / ot_icon_array_get_height (1));

  ot_icon_array_draw (cr, ot_style_get (ot_chart_widget_desktop_style_kind ()), 0, size, *people, -1);
}

/* 100 people, @people of them coloured, described in words. */
static GtkWidget *
new_icon_array (double      people,
                const char *name)
{
  GtkWidget *area = g_object_new (GTK_TYPE_DRAWING_AREA,
                                  "accessible-role", GTK_ACCESSIBLE_ROLE_IMG,
                                  "content-width", ICON_ARRAY_MIN_WIDTH,
                                  "content-height", (int) ot_icon_array_get_height (ICON_ARRAY_WIDTH),
                                  NULL);
  g_autofree char *in_100 = ot_chart_format_in_100 (people);
  /* Translators: read by screen readers; %s is "about 44 in 100" */
  g_autofree char *description = g_strdup_printf (_("A picture of 100 people: %s coloured"), in_100);

  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_people, g_memdup2 (&people, sizeof people), g_free);
  gtk_accessible_update_property (GTK_ACCESSIBLE (area),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  return area;
}

/* A cell's words, which a screen reader reads with the option and the row
 * they belong to. */
static GtkWidget *
new_cell_label (const char *markup,
                const char *option,
                const char *row)
{
  GtkWidget *label = gtk_label_new (NULL);
  g_autofree char *name = NULL;

  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  /* Selectable labels take the keyboard focus, so Tab walks the cells. */
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "ot-glance-text");

  if (row != NULL)
    {
      /* Translators: a cell of "My options at a glance" for screen
       * readers: the option, the row, then what the cell says */
      name = g_strdup_printf (_("%s, %s: %s"), option, row, gtk_label_get_text (GTK_LABEL (label)));
      gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
    }
  return label;
}

static void
attach_row_title (OtGlanceGrid *self,
                  const char   *title,
                  guint         n_columns,
                  int           top)
{
  GtkWidget *label = gtk_label_new (title);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "ot-glance-row-title");
  gtk_grid_attach (self->grid, label, 0, top, n_columns, 1);
}

/* The cell of @option in @row, at @column of the grid. */
static void
attach_cell (OtGlanceGrid *self,
             OtGlance     *glance,
             guint         option,
             OtGlanceRow   row,
             int           column,
             int           top)
{
  const char *name = ot_glance_get_option (glance, option)->name;
  const char *title = ot_glance_row_title (row);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  double people;
  g_autofree char *markup = ot_glance_dup_cell (glance, option, row, &people);

  gtk_widget_add_css_class (box, row == OT_GLANCE_ROW_NAME ? "ot-glance-name" : "ot-glance-cell");
  if (people >= 0)
    gtk_box_append (GTK_BOX (box), new_icon_array (people, name));
  gtk_box_append (GTK_BOX (box), new_cell_label (markup, name, title));
  if (self->stacked && row == OT_GLANCE_ROW_NAME && option > 0)
    gtk_widget_set_margin_top (box, OT_VIEW_OPTION_SPACING);
  gtk_grid_attach (self->grid, box, column, top, 1, 1);
}

/* The sources cited in @option's cells, under them at @column. */
static void
attach_sources (OtGlanceGrid *self,
                GPtrArray    *sources,
                int           column,
                int           top)
{
  GtkWidget *caption;

  if (sources->len == 0)
    return;
  g_ptr_array_add (sources, NULL);
  caption = ot_text_widgets_sources (self->content, (const char * const *) sources->pdata);
  g_ptr_array_remove_index (sources, sources->len - 1);
  gtk_widget_add_css_class (caption, "ot-glance-sources");
  gtk_widget_set_valign (caption, GTK_ALIGN_START);
  gtk_label_set_wrap_mode (GTK_LABEL (caption), PANGO_WRAP_WORD_CHAR);
  gtk_grid_attach (self->grid, caption, column, top, 1, 1);
}

static void
clear_grid (OtGlanceGrid *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);
}

/* The values nothing links to an option, under the grid, whole. */
static void
set_unlinked (OtGlanceGrid *self,
              const char   *text)
{
  ot_long_label_set_text (self->unlinked_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->unlinked_label), text != NULL);
}

/**
 * ot_glance_grid_refresh:
 *
 * Fills the grid again from the worksheet as it is now.
 */
void
ot_glance_grid_refresh (OtGlanceGrid *self)
{
  g_autoptr(OtGlance) glance = NULL;
  g_autofree char *unlinked = NULL;
  g_autoptr(GArray) ranked = NULL;
  Citations citations = { { NULL } };
  guint n_options, n_columns;
  int top = 0;

  g_return_if_fail (OT_IS_GLANCE_GRID (self));

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  self->dirty = FALSE;
  clear_grid (self);
  if (self->content == NULL)
    return;

  /* Before its first allocation the grid goes by the nearest width there
   * is, so that a narrow window shows the options one after another from
   * the first frame, not after one of four squeezed columns. */
  for (GtkWidget *widget = GTK_WIDGET (self); widget != NULL; widget = gtk_widget_get_parent (widget))
    if (gtk_widget_get_width (widget) > 0)
      {
        self->stacked = self->want_stacked = ot_view_stacks_options (GTK_WIDGET (self), gtk_widget_get_width (widget));
        break;
      }

  /* The words over the grid say how it stands (the hand-out's, on paper,
   * side by side). */
  gtk_label_set_text (self->intro_label,
                      self->stacked ? _("The options chosen for this visit, one after another: information to talk "
                                        "about, not a recommendation.")
                                    : _("The options chosen for this visit, side by side: information to talk about, "
                                        "not a recommendation."));

  glance = ot_glance_new (self->content, self->worksheet, collect_sources, &citations);
  n_options = ot_glance_get_n_options (glance);
  gtk_widget_set_visible (GTK_WIDGET (self->none_label), n_options == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->grid), n_options > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->unlinked_label), FALSE);
  if (n_options == 0)
    return;

  for (guint c = 0; c < n_options; c++)
    citations.sources[c] = g_ptr_array_new ();

  /* Side by side, one pass puts the options in columns; one after
   * another, a pass for each option puts its rows in one column. */
  n_columns = self->stacked ? 1 : n_options;
  for (guint first = 0; first < n_options; first += n_columns)
    {
      for (OtGlanceRow r = 0; r < OT_GLANCE_N_ROWS; r++)
        {
          if (!ot_glance_has_row (glance, r))
            continue;
          if (ot_glance_row_title (r) != NULL)
            attach_row_title (self, ot_glance_row_title (r), n_columns, top++);
          for (guint c = 0; c < n_columns; c++)
            {
              citations.column = first + c;
              attach_cell (self, glance, first + c, r, c, top);
            }
          top++;
        }
      for (guint c = 0; c < n_columns; c++)
        attach_sources (self, citations.sources[first + c], c, top);
      top++;
    }
  for (guint c = 0; c < n_options; c++)
    g_ptr_array_unref (citations.sources[c]);

  ranked = ot_worksheet_rank_values (self->worksheet, self->content);
  unlinked = ot_glance_dup_unlinked (ranked);
  set_unlinked (self, unlinked);
}

static gboolean
refresh_idle_cb (gpointer data)
{
  OtGlanceGrid *self = data;

  self->refresh_id = 0;
  ot_glance_grid_refresh (self);
  return G_SOURCE_REMOVE;
}

/* A change to a part of the worksheet the grid shows: a burst of them is
 * shown once, and a hidden grid waits until it is shown. */
static void
worksheet_changed_cb (OtGlanceGrid *self)
{
  self->dirty = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && self->refresh_id == 0)
    self->refresh_id = g_idle_add (refresh_idle_cb, self);
}

/* The people are drawn in the palette of the desktop's style. */
static void
style_changed_cb (OtGlanceGrid *self)
{
  self->dirty = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    ot_glance_grid_refresh (self);
}

static gboolean
stack_cb (gpointer data)
{
  OtGlanceGrid *self = data;

  self->stack_id = 0;
  if (self->stacked != self->want_stacked)
    {
      self->stacked = self->want_stacked;
      ot_glance_grid_refresh (self);
    }
  return G_SOURCE_REMOVE;
}

static GtkSizeRequestMode
ot_glance_grid_get_request_mode (GtkWidget *widget)
{
  return gtk_widget_get_request_mode (OT_GLANCE_GRID (widget)->box);
}

static void
ot_glance_grid_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  gtk_widget_measure (OT_GLANCE_GRID (widget)->box, orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

/* The width decides whether the options stand side by side: the grid is
 * built again once this layout is done (libadwaita 1.2 has no
 * breakpoints). */
static void
ot_glance_grid_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  OtGlanceGrid *self = OT_GLANCE_GRID (widget);

  gtk_widget_allocate (self->box, width, height, baseline, NULL);

  self->want_stacked = ot_view_stacks_options (widget, width);
  if (self->want_stacked != self->stacked && self->stack_id == 0)
    self->stack_id = g_idle_add (stack_cb, self);
}

static void
ot_glance_grid_map (GtkWidget *widget)
{
  OtGlanceGrid *self = OT_GLANCE_GRID (widget);

  GTK_WIDGET_CLASS (ot_glance_grid_parent_class)->map (widget);

  if (self->dirty)
    ot_glance_grid_refresh (self);
}

static void
ot_glance_grid_dispose (GObject *object)
{
  OtGlanceGrid *self = OT_GLANCE_GRID (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_handle_id (&self->stack_id, g_source_remove);
  g_clear_pointer (&self->content, ot_content_unref);
  g_clear_object (&self->worksheet);
  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (ot_glance_grid_parent_class)->dispose (object);
}

static void
ot_glance_grid_class_init (OtGlanceGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ot_glance_grid_dispose;

  widget_class->map = ot_glance_grid_map;
  widget_class->get_request_mode = ot_glance_grid_get_request_mode;
  widget_class->measure = ot_glance_grid_measure;
  widget_class->size_allocate = ot_glance_grid_size_allocate;

  g_type_ensure (OT_TYPE_LONG_LABEL);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ot-glance-grid.ui");
  gtk_widget_class_bind_template_child (widget_class, OtGlanceGrid, box);
  gtk_widget_class_bind_template_child (widget_class, OtGlanceGrid, grid);
  gtk_widget_class_bind_template_child (widget_class, OtGlanceGrid, intro_label);
  gtk_widget_class_bind_template_child (widget_class, OtGlanceGrid, none_label);
  gtk_widget_class_bind_template_child (widget_class, OtGlanceGrid, unlinked_label);
}

static void
ot_glance_grid_init (OtGlanceGrid *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_label_set_text (self->none_label, ot_glance_get_none_text ());
  g_signal_connect_object (manager, "notify::dark", G_CALLBACK (style_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (manager, "notify::high-contrast", G_CALLBACK (style_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

/**
 * ot_glance_grid_set_model:
 *
 * Shows the options at a glance of @worksheet, and follows its changes.
 */
void
ot_glance_grid_set_model (OtGlanceGrid *self,
                          OtContent    *content,
                          OtWorksheet  *worksheet)
{
  g_return_if_fail (OT_IS_GLANCE_GRID (self));
  g_return_if_fail (content != NULL);
  g_return_if_fail (OT_IS_WORKSHEET (worksheet));

  g_clear_pointer (&self->content, ot_content_unref);
  if (self->worksheet != NULL)
    g_signal_handlers_disconnect_by_func (self->worksheet, worksheet_changed_cb, self);
  g_set_object (&self->worksheet, worksheet);
  self->content = ot_content_ref (content);

  for (guint i = 0; i < G_N_ELEMENTS (followed_parts); i++)
    {
      g_autofree char *signal = g_strconcat ("changed::", followed_parts[i], NULL);

      g_signal_connect_object (worksheet, signal, G_CALLBACK (worksheet_changed_cb), self, G_CONNECT_SWAPPED);
    }
  self->dirty = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    ot_glance_grid_refresh (self);
}
