/* ot-compare-grid.c: options side by side, headers kept in view
 *
 * The options are columns of equal width, the same rows across them.  The
 * grid scrolls itself (it is a GtkScrollable in a GtkScrolledWindow): the
 * first row (the options' names) stays at the top as the rows scroll, and
 * the first column (the rows' titles) stays at the left as the columns
 * do.  Where the window is too narrow for two options beside the titles,
 * the options come one after another instead, each cell with a title of
 * its own (ot_compare_grid_show_when_stacked()).
 *
 * The width decides the layout, and libadwaita 1.2 has no breakpoints:
 * the grid sees its width as it is allocated and switches once that
 * layout is done, on every version alike.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ot-compare-grid"

#include "config.h"

#include "ot-compare-grid.h"
#include "ot-view.h"

#define PADDING        18   /* around the whole grid */
#define PADDING_TOP    12
#define SPACING        12   /* between columns */

#define CELL_KEY "ot-compare-cell"

struct _OtCompareGrid
{
  GtkWidget      parent_instance;

  GtkWidget     *titles_bg;     /* behind the titles' column as it stays */
  GtkWidget     *header_bg;     /* behind the first row as it stays */
  GPtrArray     *stacked_only;
  GtkAdjustment *hadjustment;
  GtkAdjustment *vadjustment;
  guint          hscroll_policy : 1;
  guint          vscroll_policy : 1;
  gboolean       stacked;
  gboolean       want_stacked;
  guint          stack_id;
  int            header_height; /* the parts that stay, in the last layout */
  int            titles_width;
  GtkRoot       *root;
};

enum {
  PROP_0,
  PROP_STACKED,
  N_PROPS,
  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE_WITH_CODE (OtCompareGrid, ot_compare_grid, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, NULL))

/* Where a cell was attached, kept on the widget: column and row + 1, so
 * that a widget of the grid's own has none. */
static gboolean
cell_position (GtkWidget *widget,
               guint     *column,
               guint     *row)
{
  guint packed = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), CELL_KEY));

  if (packed == 0)
    return FALSE;
  *column = (packed >> 16) - 1;
  *row = (packed & 0xffff) - 1;
  return TRUE;
}

/* The cells of the grid in the order they are drawn: first the body,
 * then the titles' column, then the first row, each over the one before. */
#define FOREACH_CELL(self, child, column, row) \
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self)); child; \
       child = gtk_widget_get_next_sibling (child)) \
    if (cell_position (child, &column, &row) && gtk_widget_get_visible (child))

static int
natural_height (GtkWidget *child,
                int        width)
{
  int natural;

  gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, NULL, &natural, NULL, NULL);
  return natural;
}

typedef struct
{
  guint   n_columns;       /* the options, without the titles' column */
  int     titles_width;
  int     column_width;
  GArray *heights;         /* int per row; one after another: per cell */
  int     width;
  int     height;
} Layout;

static void
layout_clear (Layout *layout)
{
  g_clear_pointer (&layout->heights, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Layout, layout_clear)

/* The least width of a column, and the titles' natural width. */
static void
measure_columns (OtCompareGrid *self,
                 guint         *n_columns,
                 guint         *n_rows,
                 int           *column_minimum,
                 int           *titles_natural)
{
  guint column, row;

  *n_columns = *n_rows = 0;
  *column_minimum = *titles_natural = 0;
  FOREACH_CELL (self, child, column, row)
    {
      int minimum, natural;

      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
      if (column == 0)
        *titles_natural = MAX (*titles_natural, natural);
      else
        *column_minimum = MAX (*column_minimum, minimum);
      *n_columns = MAX (*n_columns, column);
      *n_rows = MAX (*n_rows, row + 1);
    }
}

static void
layout_compute (OtCompareGrid *self,
                int            width,
                Layout        *layout)
{
  guint n_rows, column, row;
  int column_minimum, titles_natural;

  measure_columns (self, &layout->n_columns, &n_rows, &column_minimum, &titles_natural);
  layout->heights = g_array_new (FALSE, TRUE, sizeof (int));

  if (self->stacked)
    {
      layout->titles_width = 0;
      layout->column_width = MAX (column_minimum, width - 2 * PADDING);
      layout->width = layout->column_width + 2 * PADDING;
      layout->height = PADDING_TOP + PADDING;
      FOREACH_CELL (self, child, column, row)
        layout->height += natural_height (child, layout->column_width);
      layout->height += OT_VIEW_OPTION_SPACING * (MAX (layout->n_columns, 1) - 1);
      return;
    }

  layout->titles_width = titles_natural;
  layout->column_width = column_minimum;
  if (layout->n_columns > 0)
    layout->column_width = MAX (column_minimum,
                                (width - 2 * PADDING - titles_natural) / (int) layout->n_columns - SPACING);
  layout->width = 2 * PADDING + titles_natural + (int) layout->n_columns * (SPACING + layout->column_width);

  g_array_set_size (layout->heights, n_rows);
  FOREACH_CELL (self, child, column, row)
    {
      int *height = &g_array_index (layout->heights, int, row);

      *height = MAX (*height, natural_height (child, column == 0 ? layout->titles_width : layout->column_width));
    }
  layout->height = PADDING_TOP + PADDING;
  for (guint i = 0; i < n_rows; i++)
    layout->height += g_array_index (layout->heights, int, i);
}

static void
apply_stacked (OtCompareGrid *self)
{
  guint column, row;

  gtk_widget_set_visible (self->titles_bg, !self->stacked);
  gtk_widget_set_visible (self->header_bg, !self->stacked);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self)); child;
       child = gtk_widget_get_next_sibling (child))
    if (cell_position (child, &column, &row) && column == 0)
      gtk_widget_set_visible (child, !self->stacked);
  for (guint i = 0; i < self->stacked_only->len; i++)
    gtk_widget_set_visible (self->stacked_only->pdata[i], self->stacked);
}

static gboolean
stack_cb (gpointer data)
{
  OtCompareGrid *self = data;

  self->stack_id = 0;
  if (self->stacked == self->want_stacked)
    return G_SOURCE_REMOVE;

  self->stacked = self->want_stacked;
  apply_stacked (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STACKED]);
  return G_SOURCE_REMOVE;
}

static void
adjustment_value_changed_cb (OtCompareGrid *self)
{
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
configure_adjustment (OtCompareGrid *self,
                      GtkAdjustment *adjustment,
                      double         upper,
                      double         page)
{
  double value = gtk_adjustment_get_value (adjustment);

  upper = MAX (upper, page);
  g_signal_handlers_block_by_func (adjustment, adjustment_value_changed_cb, self);
  gtk_adjustment_configure (adjustment, CLAMP (value, 0, upper - page), 0, upper,
                            page * 0.1, page * 0.9, page);
  g_signal_handlers_unblock_by_func (adjustment, adjustment_value_changed_cb, self);
}

static void
place (GtkWidget *child,
       int        x,
       int        y,
       int        width,
       int        height)
{
  gtk_widget_size_allocate (child, &(GtkAllocation) { x, y, width, height }, -1);
}

static void
allocate_stacked (OtCompareGrid *self,
                  Layout        *layout,
                  int            y)
{
  guint n_columns, n_rows, column, row;
  int column_minimum, titles_natural;

  /* The options one after another: each one's name, then its cells. */
  measure_columns (self, &n_columns, &n_rows, &column_minimum, &titles_natural);
  for (guint option = 1; option <= n_columns; option++)
    {
      if (option > 1)
        y += OT_VIEW_OPTION_SPACING;
      for (guint i = 0; i < n_rows; i++)
        FOREACH_CELL (self, child, column, row)
          if (column == option && row == i)
            {
              int height = natural_height (child, layout->column_width);

              place (child, PADDING, y, layout->column_width, height);
              y += height;
            }
    }
}

static void
ot_compare_grid_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  OtCompareGrid *self = OT_COMPARE_GRID (widget);
  g_auto(Layout) layout = { 0 };
  guint column, row;
  int x0, y0, header;

  self->want_stacked = ot_view_stacks_options (widget, width);
  if (self->want_stacked != self->stacked && self->stack_id == 0)
    self->stack_id = g_idle_add (stack_cb, self);

  layout_compute (self, width, &layout);
  configure_adjustment (self, self->hadjustment, layout.width, width);
  configure_adjustment (self, self->vadjustment, layout.height, height);
  x0 = -(int) gtk_adjustment_get_value (self->hadjustment);
  y0 = -(int) gtk_adjustment_get_value (self->vadjustment);

  if (self->stacked)
    {
      self->header_height = self->titles_width = 0;
      allocate_stacked (self, &layout, y0 + PADDING_TOP);
      return;
    }

  header = layout.heights->len > 0 ? g_array_index (layout.heights, int, 0) : 0;
  self->header_height = PADDING_TOP + header;
  self->titles_width = PADDING + layout.titles_width + SPACING / 2;
  place (self->header_bg, 0, 0, MAX (width, layout.width), self->header_height);
  place (self->titles_bg, 0, self->header_height, self->titles_width, MAX (0, height - self->header_height));

  FOREACH_CELL (self, child, column, row)
    {
      int x = column == 0 ? PADDING
                          : x0 + PADDING + layout.titles_width + SPACING + (column - 1) * (layout.column_width + SPACING);
      int y = row == 0 ? PADDING_TOP : y0 + self->header_height;
      int row_height = g_array_index (layout.heights, int, row);

      for (guint i = 1; i < row; i++)
        y += g_array_index (layout.heights, int, i);
      /* A row's title stays at the top of what is shown of its row. */
      if (column == 0 && row > 0 && y < self->header_height)
        {
          int bottom = y + row_height;

          y = MIN (self->header_height, bottom - natural_height (child, layout.titles_width));
          row_height = bottom - y;
        }
      place (child, x, y, column == 0 ? layout.titles_width : layout.column_width, row_height);
    }
}

/* What scrolls is drawn only in its part of the grid, the titles only
 * below the first row, and the options' names only beside the titles. */
static void
ot_compare_grid_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  OtCompareGrid *self = OT_COMPARE_GRID (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  guint column, row;

  if (self->stacked)
    {
      GTK_WIDGET_CLASS (ot_compare_grid_parent_class)->snapshot (widget, snapshot);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      int left = 0, top = 0, bottom = height;

      if (cell_position (child, &column, &row))
        {
          left = column > 0 ? self->titles_width : 0;
          top = row > 0 ? self->header_height : 0;
          bottom = row > 0 ? height : self->header_height;
        }
      gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (left, top, width - left, bottom - top));
      gtk_widget_snapshot_child (widget, child, snapshot);
      gtk_snapshot_pop (snapshot);
    }
}

static void
ot_compare_grid_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  OtCompareGrid *self = OT_COMPARE_GRID (widget);
  guint n_columns, n_rows;
  int column_minimum, titles_natural;

  measure_columns (self, &n_columns, &n_rows, &column_minimum, &titles_natural);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = column_minimum + 2 * PADDING;
      *natural = self->stacked ? *minimum
                               : 2 * PADDING + titles_natural + (int) n_columns * (SPACING + column_minimum);
    }
  else
    {
      g_auto(Layout) layout = { 0 };

      layout_compute (self, for_size >= 0 ? for_size : 2 * PADDING + titles_natural
                                                       + (int) n_columns * (SPACING + column_minimum), &layout);
      *minimum = *natural = layout.height;
    }
}

static GtkSizeRequestMode
ot_compare_grid_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
scroll_into_view (GtkAdjustment *adjustment,
                  double         start,
                  double         size,
                  double         from,
                  double         to)
{
  double value = gtk_adjustment_get_value (adjustment);

  if (start < from)
    value -= from - start;
  else if (start + size > to)
    value += MIN (start + size - to, start - from);
  gtk_adjustment_set_value (adjustment, value);
}

/* The keyboard moved into the grid: scroll what has the focus into view,
 * out from under the row and the column that stay. */
static void
focus_changed_cb (OtCompareGrid *self)
{
  GtkWidget *focus = gtk_root_get_focus (self->root);
  GtkWidget *cell = focus;
  graphene_rect_t bounds;
  guint column, row;

  /* Not for what has the focus in a popover of a cell: it is not in the
   * grid's window, and the grid would scroll under the popover. */
  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self))
      || gtk_widget_get_native (focus) != gtk_widget_get_native (GTK_WIDGET (self)))
    return;
  while (gtk_widget_get_parent (cell) != GTK_WIDGET (self))
    cell = gtk_widget_get_parent (cell);
  if (!cell_position (cell, &column, &row) || (!self->stacked && (column == 0 || row == 0))
      || !gtk_widget_compute_bounds (focus, GTK_WIDGET (self), &bounds))
    return;

  scroll_into_view (self->vadjustment, bounds.origin.y, bounds.size.height,
                    self->header_height, gtk_widget_get_height (GTK_WIDGET (self)));
  scroll_into_view (self->hadjustment, bounds.origin.x, bounds.size.width,
                    self->titles_width, gtk_widget_get_width (GTK_WIDGET (self)));
}

static void
ot_compare_grid_root (GtkWidget *widget)
{
  OtCompareGrid *self = OT_COMPARE_GRID (widget);

  GTK_WIDGET_CLASS (ot_compare_grid_parent_class)->root (widget);

  self->root = gtk_widget_get_root (widget);
  g_signal_connect_swapped (self->root, "notify::focus-widget", G_CALLBACK (focus_changed_cb), self);
}

static void
ot_compare_grid_unroot (GtkWidget *widget)
{
  OtCompareGrid *self = OT_COMPARE_GRID (widget);

  g_signal_handlers_disconnect_by_func (self->root, focus_changed_cb, self);
  self->root = NULL;

  GTK_WIDGET_CLASS (ot_compare_grid_parent_class)->unroot (widget);
}

static void
set_adjustment (OtCompareGrid  *self,
                GtkAdjustment **slot,
                GtkAdjustment  *adjustment)
{
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);
  if (*slot == adjustment)
    return;

  if (*slot != NULL)
    g_signal_handlers_disconnect_by_func (*slot, adjustment_value_changed_cb, self);
  g_clear_object (slot);
  *slot = g_object_ref_sink (adjustment);
  g_signal_connect_swapped (adjustment, "value-changed", G_CALLBACK (adjustment_value_changed_cb), self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
ot_compare_grid_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  OtCompareGrid *self = OT_COMPARE_GRID (object);

  switch (prop_id)
    {
    case PROP_STACKED:
      g_value_set_boolean (value, self->stacked);
      break;
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ot_compare_grid_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  OtCompareGrid *self = OT_COMPARE_GRID (object);

  switch (prop_id)
    {
    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;
    case PROP_HSCROLL_POLICY:
      self->hscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    case PROP_VSCROLL_POLICY:
      self->vscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ot_compare_grid_dispose (GObject *object)
{
  OtCompareGrid *self = OT_COMPARE_GRID (object);
  GtkWidget *child;

  g_clear_handle_id (&self->stack_id, g_source_remove);
  g_clear_pointer (&self->stacked_only, g_ptr_array_unref);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->hadjustment, adjustment_value_changed_cb, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, adjustment_value_changed_cb, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);

  G_OBJECT_CLASS (ot_compare_grid_parent_class)->dispose (object);
}

static void
ot_compare_grid_class_init (OtCompareGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ot_compare_grid_dispose;
  object_class->get_property = ot_compare_grid_get_property;
  object_class->set_property = ot_compare_grid_set_property;

  widget_class->get_request_mode = ot_compare_grid_get_request_mode;
  widget_class->measure = ot_compare_grid_measure;
  widget_class->root = ot_compare_grid_root;
  widget_class->size_allocate = ot_compare_grid_size_allocate;
  widget_class->snapshot = ot_compare_grid_snapshot;
  widget_class->unroot = ot_compare_grid_unroot;

  /**
   * OtCompareGrid:stacked:
   *
   * Whether the options are shown one after another, the window being
   * too narrow for them side by side.
   */
  properties[PROP_STACKED] =
    g_param_spec_boolean ("stacked", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  gtk_widget_class_set_css_name (widget_class, "otcomparegrid");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
ot_compare_grid_init (OtCompareGrid *self)
{
  self->stacked_only = g_ptr_array_new_with_free_func (g_object_unref);
  /* The scrolled window decides on its scrollbar from the natural width,
   * which is the width the columns take (layout_compute): from the
   * minimum, one column's, the adjustment would then disagree and turn
   * the scrollbar on during the allocation, a resize GTK draws before. */
  self->hscroll_policy = GTK_SCROLL_NATURAL;
  set_adjustment (self, &self->hadjustment, NULL);
  set_adjustment (self, &self->vadjustment, NULL);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  self->titles_bg = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (self->titles_bg, "ot-compare-titles");
  gtk_widget_set_parent (self->titles_bg, GTK_WIDGET (self));
  self->header_bg = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (self->header_bg, "ot-compare-header");
  gtk_widget_set_parent (self->header_bg, GTK_WIDGET (self));
}

/**
 * ot_compare_grid_attach:
 *
 * Puts @child in a cell.  Row 0 holds the options' names, column 0 the
 * rows' titles; both stay in view as the rest scrolls.
 */
void
ot_compare_grid_attach (OtCompareGrid *self,
                        GtkWidget     *child,
                        guint          column,
                        guint          row)
{
  g_return_if_fail (OT_IS_COMPARE_GRID (self));
  g_return_if_fail (GTK_IS_WIDGET (child));
  g_return_if_fail (column < 0xffff && row < 0xffff);

  g_object_set_data (G_OBJECT (child), CELL_KEY, GUINT_TO_POINTER (((column + 1) << 16) | (row + 1)));
  /* Drawn, and found by the pointer, over what scrolls under them. */
  if (row == 0)
    gtk_widget_set_parent (child, GTK_WIDGET (self));
  else if (column == 0)
    gtk_widget_insert_before (child, GTK_WIDGET (self), self->header_bg);
  else
    gtk_widget_insert_before (child, GTK_WIDGET (self), self->titles_bg);
  if (column == 0)
    gtk_widget_set_visible (child, !self->stacked);
}

/**
 * ot_compare_grid_show_when_stacked:
 *
 * Shows @widget, a part of a cell, only while the options are one after
 * another: a row's title repeated in each option's cell.
 */
void
ot_compare_grid_show_when_stacked (OtCompareGrid *self,
                                   GtkWidget     *widget)
{
  g_return_if_fail (OT_IS_COMPARE_GRID (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  g_ptr_array_add (self->stacked_only, g_object_ref (widget));
  gtk_widget_set_visible (widget, self->stacked);
}

void
ot_compare_grid_remove_all (OtCompareGrid *self)
{
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));

  g_return_if_fail (OT_IS_COMPARE_GRID (self));

  g_ptr_array_set_size (self->stacked_only, 0);
  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);
      guint column, row;

      if (cell_position (child, &column, &row))
        gtk_widget_unparent (child);
      child = next;
    }
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

gboolean
ot_compare_grid_get_stacked (OtCompareGrid *self)
{
  g_return_val_if_fail (OT_IS_COMPARE_GRID (self), FALSE);

  return self->stacked;
}
