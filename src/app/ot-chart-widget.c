/* ot-chart-widget.c: the side-effect chart on screen
 *
 * A thin widget around the renderer: it keeps one OtChartLayout for its
 * width and redraws it with gtk_snapshot_append_cairo(), as Sysprof's
 * charts do.  The pointer and the arrow keys move a cursor between cells
 * (drawn as a focus ring); a click, Enter or Space selects the cell.  The
 * palette follows the system: light, dark, high contrast.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ot-chart-widget"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "ot-chart-widget.h"

struct _OtChartWidget
{
  GtkWidget           parent_instance;

  OtContent          *content;
  OtWorksheet        *worksheet;
  OtChartLayout      *layout;
  OtStyleKind         style_kind;
  double              text_scale;
  gboolean            hovering;
  double              pointer_x;   /* where the pointer was, in its surface */
  double              pointer_y;

  /* Cells by what they show, so they survive a new layout. */
  const OtSideEffect *cursor_effect;
  const OtTreatment  *cursor_treatment;
  const OtSideEffect *selected_effect;
  const OtTreatment  *selected_treatment;
};

G_DEFINE_FINAL_TYPE (OtChartWidget, ot_chart_widget, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TEXT_SCALE,
  N_PROPS
};

enum {
  CURSOR_CHANGED,
  SELECTION_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Natural width: four columns of figures beside their bars. */
#define NATURAL_WIDTH 900
#define MINIMUM_WIDTH 280

static gboolean
find_cell (OtChartLayout      *layout,
           const OtSideEffect *effect,
           const OtTreatment  *treatment,
           OtChartCell        *cell)
{
  *cell = (OtChartCell) { -1, -1 };
  if (layout == NULL || effect == NULL || treatment == NULL)
    return FALSE;

  for (guint i = 0; i < ot_chart_layout_get_n_rows (layout); i++)
    if (ot_chart_layout_get_effect (layout, i) == effect)
      for (guint j = 0; j < ot_chart_layout_get_n_columns (layout); j++)
        if (ot_chart_layout_get_treatment (layout, j) == treatment)
          {
            *cell = (OtChartCell) { i, j };
            return TRUE;
          }

  return FALSE;
}

static void
update_accessible (OtChartWidget *self)
{
  g_autofree char *overview = NULL;
  g_autofree char *description = NULL;
  OtChartCell cell;

  if (self->layout == NULL)
    return;

  overview = ot_chart_layout_dup_description (self->layout);
  if (ot_chart_widget_get_cursor (self, &cell))
    {
      g_autofree char *sentence = ot_chart_dup_sentence (self->content, self->cursor_treatment,
                                                         self->cursor_effect);

      description = g_strconcat (sentence, " ", overview, NULL);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description ? description : overview,
                                  -1);
}

static OtChartLayout *
ensure_layout (OtChartWidget *self,
               double         width)
{
  if (self->content == NULL)
    return NULL;

  if (self->layout != NULL && ot_chart_layout_get_width (self->layout) == width)
    return self->layout;

  g_clear_pointer (&self->layout, ot_chart_layout_unref);
  self->layout = ot_chart_layout_new (self->content, self->worksheet,
                                      gtk_widget_get_pango_context (GTK_WIDGET (self)),
                                      ot_style_get (self->style_kind), self->text_scale, width);
  update_accessible (self);
  return self->layout;
}

/* What the chart shows changed: lay it out again, and forget cells that
 * are no longer in it. */
static void
invalidate (OtChartWidget *self)
{
  double width = self->layout ? ot_chart_layout_get_width (self->layout) : NATURAL_WIDTH;
  OtChartCell cell;

  g_clear_pointer (&self->layout, ot_chart_layout_unref);
  ensure_layout (self, width);

  if (self->cursor_effect != NULL && !find_cell (self->layout, self->cursor_effect, self->cursor_treatment, &cell))
    {
      self->cursor_effect = NULL;
      self->cursor_treatment = NULL;
      g_signal_emit (self, signals[CURSOR_CHANGED], 0);
    }
  if (self->selected_effect != NULL
      && !find_cell (self->layout, self->selected_effect, self->selected_treatment, &cell))
    {
      self->selected_effect = NULL;
      self->selected_treatment = NULL;
      g_signal_emit (self, signals[SELECTION_CHANGED], 0);
    }

  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
update_style (OtChartWidget *self)
{
  OtStyleKind kind = ot_chart_widget_desktop_style_kind ();

  if (kind == self->style_kind)
    return;
  self->style_kind = kind;
  invalidate (self);
}

static void
scroll_to_cursor (OtChartWidget *self)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *content;
  GtkAdjustment *adjustment;
  cairo_rectangle_t area;
  OtChartCell cell;
  double x, y, value, page;

  if (scroller == NULL || !ot_chart_widget_get_cursor (self, &cell)
      || !ot_chart_layout_get_cell_area (self->layout, cell.row, cell.column, &area))
    return;

  /* Where the cell is in what the scrolled window scrolls. */
  content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller));
  if (content == NULL || !gtk_widget_translate_coordinates (GTK_WIDGET (self), content, 0, area.y, &x, &y))
    return;

  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  value = gtk_adjustment_get_value (adjustment);
  page = gtk_adjustment_get_page_size (adjustment);
  if (y < value)
    gtk_adjustment_set_value (adjustment, y);
  else if (y + area.height > value + page)
    gtk_adjustment_set_value (adjustment, y + area.height - page);
}

static void
move_cursor_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  OtChartWidget *self = OT_CHART_WIDGET (widget);
  OtChartCell cell;
  int rows, columns, down, across;

  if (self->layout == NULL)
    return;
  rows = ot_chart_layout_get_n_rows (self->layout);
  columns = ot_chart_layout_get_n_columns (self->layout);
  if (rows == 0 || columns == 0)
    return;

  g_variant_get (parameter, "(ii)", &down, &across);
  if (!ot_chart_widget_get_cursor (self, &cell))
    cell = (OtChartCell) { 0, 0 };
  else
    cell = (OtChartCell) { CLAMP (cell.row + down, 0, rows - 1), CLAMP (cell.column + across, 0, columns - 1) };

  ot_chart_widget_set_cursor (self, cell.row, cell.column);
  scroll_to_cursor (self);
}

static void
select_cursor_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  OtChartWidget *self = OT_CHART_WIDGET (widget);
  OtChartCell cell;

  if (ot_chart_widget_get_cursor (self, &cell))
    ot_chart_widget_select (self, cell.row, cell.column);
}

static void
unselect_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ot_chart_widget_select (OT_CHART_WIDGET (widget), -1, -1);
}

static void
worksheet_changed_cb (OtChartWidget *self)
{
  invalidate (self);
}

/* Where the pointer is in the window: it moved if this changed, and not
 * when the chart scrolled or grew under a resting pointer.  (@x, @y) are
 * in the chart's coordinates. */
static gboolean
pointer_moved (OtChartWidget *self,
               double         x,
               double         y)
{
  GtkNative *native = gtk_widget_get_native (GTK_WIDGET (self));

  if (native != NULL)
    gtk_widget_translate_coordinates (GTK_WIDGET (self), GTK_WIDGET (native), x, y, &x, &y);
  if (x == self->pointer_x && y == self->pointer_y)
    return FALSE;
  self->pointer_x = x;
  self->pointer_y = y;
  return TRUE;
}

static void
enter_cb (OtChartWidget            *self,
          double                    x,
          double                    y,
          GtkEventControllerMotion *controller)
{
  /* A chart that appears under a resting pointer leaves the keyboard's
   * cell alone: the cursor follows the pointer once it moves. */
  self->hovering = TRUE;
  pointer_moved (self, x, y);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
motion_cb (OtChartWidget            *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *controller)
{
  OtChartCell cell;

  self->hovering = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (pointer_moved (self, x, y)
      && self->layout != NULL && ot_chart_layout_hit_test (self->layout, x, y, &cell))
    ot_chart_widget_set_cursor (self, cell.row, cell.column);
}

static void
leave_cb (OtChartWidget            *self,
          GtkEventControllerMotion *controller)
{
  self->hovering = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
pressed_cb (OtChartWidget   *self,
            int              n_press,
            double           x,
            double           y,
            GtkGestureClick *gesture)
{
  OtChartCell cell;

  if (self->layout != NULL && ot_chart_layout_hit_test (self->layout, x, y, &cell))
    {
      OtChartCell selected;

      /* A second click on the chosen figure puts it away again. */
      ot_chart_widget_set_cursor (self, cell.row, cell.column);
      if (ot_chart_widget_get_selected (self, &selected) && selected.row == cell.row && selected.column == cell.column)
        ot_chart_widget_select (self, -1, -1);
      else
        ot_chart_widget_select (self, cell.row, cell.column);
    }
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
focus_enter_cb (OtChartWidget           *self,
                GtkEventControllerFocus *controller)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
focus_leave_cb (OtChartWidget           *self,
                GtkEventControllerFocus *controller)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Focus (by Tab, a click or a program) puts the cursor on the first cell
 * if it is on none, so the arrow keys start from a cell the person sees. */
static gboolean
ot_chart_widget_grab_focus (GtkWidget *widget)
{
  OtChartWidget *self = OT_CHART_WIDGET (widget);
  OtChartCell cell;

  if (!GTK_WIDGET_CLASS (ot_chart_widget_parent_class)->grab_focus (widget))
    return FALSE;

  if (!ot_chart_widget_get_cursor (self, &cell) && self->layout != NULL
      && ot_chart_layout_get_n_rows (self->layout) > 0)
    ot_chart_widget_set_cursor (self, 0, 0);
  return TRUE;
}

static GtkSizeRequestMode
ot_chart_widget_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
ot_chart_widget_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  OtChartWidget *self = OT_CHART_WIDGET (widget);
  OtChartLayout *layout;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MINIMUM_WIDTH;
      *natural = NATURAL_WIDTH;
      return;
    }

  layout = ensure_layout (self, for_size > 0 ? for_size : NATURAL_WIDTH);
  *minimum = *natural = layout ? (int) ceil (ot_chart_layout_get_height (layout)) : 0;
}

/* Its children are popovers pointing at its cells (the selected figure as
 * 100 people): they follow the chart as it moves. */
static void
ot_chart_widget_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child))
      gtk_popover_present (GTK_POPOVER (child));
}

static void
ot_chart_widget_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  OtChartWidget *self = OT_CHART_WIDGET (widget);
  int width = gtk_widget_get_width (widget);
  OtChartLayout *layout;
  OtChartFocus focus = { { -1, -1 }, { -1, -1 }, gtk_widget_get_scale_factor (widget) };
  cairo_t *cr;

  if (width <= 0 || (layout = ensure_layout (self, width)) == NULL)
    return;

  if (self->hovering || gtk_widget_has_focus (widget))
    find_cell (layout, self->cursor_effect, self->cursor_treatment, &focus.cursor);
  find_cell (layout, self->selected_effect, self->selected_treatment, &focus.selected);

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, ot_chart_layout_get_height (layout)));
  ot_chart_draw (cr, layout, &focus);
  cairo_destroy (cr);
}

static void
ot_chart_widget_system_setting_changed (GtkWidget        *widget,
                                        GtkSystemSetting  setting)
{
  /* A new font or resolution: measure the text again. */
  invalidate (OT_CHART_WIDGET (widget));

  GTK_WIDGET_CLASS (ot_chart_widget_parent_class)->system_setting_changed (widget, setting);
}

static void
ot_chart_widget_dispose (GObject *object)
{
  OtChartWidget *self = OT_CHART_WIDGET (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_pointer (&self->layout, ot_chart_layout_unref);
  if (self->worksheet != NULL)
    g_signal_handlers_disconnect_by_func (self->worksheet, worksheet_changed_cb, self);
  g_clear_object (&self->worksheet);
  g_clear_pointer (&self->content, ot_content_unref);

  G_OBJECT_CLASS (ot_chart_widget_parent_class)->dispose (object);
}

static void
ot_chart_widget_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  OtChartWidget *self = OT_CHART_WIDGET (object);

  switch (prop_id)
    {
    case PROP_TEXT_SCALE:
      g_value_set_double (value, self->text_scale);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ot_chart_widget_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  OtChartWidget *self = OT_CHART_WIDGET (object);

  switch (prop_id)
    {
    case PROP_TEXT_SCALE:
      ot_chart_widget_set_text_scale (self, g_value_get_double (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ot_chart_widget_class_init (OtChartWidgetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const struct { guint key; int down, across; } moves[] = {
    { GDK_KEY_Up, -1, 0 }, { GDK_KEY_KP_Up, -1, 0 },
    { GDK_KEY_Down, 1, 0 }, { GDK_KEY_KP_Down, 1, 0 },
    { GDK_KEY_Left, 0, -1 }, { GDK_KEY_KP_Left, 0, -1 },
    { GDK_KEY_Right, 0, 1 }, { GDK_KEY_KP_Right, 0, 1 },
    { GDK_KEY_Home, 0, -OT_CHART_MAX_COLUMNS }, { GDK_KEY_End, 0, OT_CHART_MAX_COLUMNS },
    { GDK_KEY_Page_Up, -5, 0 }, { GDK_KEY_Page_Down, 5, 0 },
  };

  object_class->dispose = ot_chart_widget_dispose;
  object_class->get_property = ot_chart_widget_get_property;
  object_class->set_property = ot_chart_widget_set_property;

  widget_class->get_request_mode = ot_chart_widget_get_request_mode;
  widget_class->grab_focus = ot_chart_widget_grab_focus;
  widget_class->measure = ot_chart_widget_measure;
  widget_class->size_allocate = ot_chart_widget_size_allocate;
  widget_class->snapshot = ot_chart_widget_snapshot;
  widget_class->system_setting_changed = ot_chart_widget_system_setting_changed;

  /**
   * OtChartWidget:text-scale:
   *
   * The size of the chart's text against the interface font: the zoom.
   */
  properties[PROP_TEXT_SCALE] =
    g_param_spec_double ("text-scale", NULL, NULL, 0.5, 4.0, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The cursor moved: to another cell, or off the chart. */
  signals[CURSOR_CHANGED] =
    g_signal_new ("cursor-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* Another cell is selected, or none. */
  signals[SELECTION_CHANGED] =
    g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_css_name (widget_class, "otchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);

  gtk_widget_class_install_action (widget_class, "chart.move-cursor", "(ii)", move_cursor_action);
  gtk_widget_class_install_action (widget_class, "chart.select-cursor", NULL, select_cursor_action);
  gtk_widget_class_install_action (widget_class, "chart.unselect", NULL, unselect_action);

  for (guint i = 0; i < G_N_ELEMENTS (moves); i++)
    gtk_widget_class_add_binding_action (widget_class, moves[i].key, 0, "chart.move-cursor",
                                         "(ii)", moves[i].down, moves[i].across);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "chart.select-cursor", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "chart.select-cursor", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "chart.select-cursor", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Space, 0, "chart.select-cursor", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "chart.unselect", NULL);
}

static void
ot_chart_widget_init (OtChartWidget *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;

  self->text_scale = 1.0;
  self->style_kind = OT_STYLE_LIGHT;
  self->pointer_x = self->pointer_y = -1;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect_swapped (controller, "enter", G_CALLBACK (enter_cb), self);
  g_signal_connect_swapped (controller, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  gesture = gtk_gesture_click_new ();
  g_signal_connect_swapped (gesture, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (controller, "enter", G_CALLBACK (focus_enter_cb), self);
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (update_style), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::high-contrast",
                           G_CALLBACK (update_style), self, G_CONNECT_SWAPPED);
  update_style (self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Side-effect chart"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("How many in 100 people get each side effect with each treatment compared."),
                                  -1);
}

GtkWidget *
ot_chart_widget_new (void)
{
  return g_object_new (OT_TYPE_CHART_WIDGET, NULL);
}

/**
 * ot_chart_widget_set_model:
 *
 * Gives the chart what it shows; it follows @worksheet's changes.
 */
void
ot_chart_widget_set_model (OtChartWidget *self,
                           OtContent     *content,
                           OtWorksheet   *worksheet)
{
  g_return_if_fail (OT_IS_CHART_WIDGET (self));
  g_return_if_fail (content != NULL);
  g_return_if_fail (OT_IS_WORKSHEET (worksheet));

  if (self->worksheet != NULL)
    g_signal_handlers_disconnect_by_func (self->worksheet, worksheet_changed_cb, self);
  g_set_object (&self->worksheet, worksheet);
  g_clear_pointer (&self->content, ot_content_unref);
  self->content = ot_content_ref (content);
  /* It shows the compared treatments and the side effects to avoid. */
  g_signal_connect_swapped (worksheet, "changed::" OT_WORKSHEET_PART_COMPARE, G_CALLBACK (worksheet_changed_cb), self);
  g_signal_connect_swapped (worksheet, "changed::" OT_WORKSHEET_PART_EFFECTS, G_CALLBACK (worksheet_changed_cb), self);
  g_signal_connect_swapped (worksheet, "changed::" OT_WORKSHEET_PART_ALL, G_CALLBACK (worksheet_changed_cb), self);

  invalidate (self);
}

/**
 * ot_chart_widget_get_layout:
 *
 * Returns: (transfer none) (nullable): the layout the chart draws now
 */
OtChartLayout *
ot_chart_widget_get_layout (OtChartWidget *self)
{
  g_return_val_if_fail (OT_IS_CHART_WIDGET (self), NULL);

  return self->layout;
}

/**
 * ot_chart_widget_desktop_style_kind:
 *
 * Returns: the palette that suits the desktop's style now, for everything
 *   the renderers draw in the window
 */
OtStyleKind
ot_chart_widget_desktop_style_kind (void)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  /* The high-contrast palette is a light one; dark stays dark. */
  if (adw_style_manager_get_dark (manager))
    return OT_STYLE_DARK;
  if (adw_style_manager_get_high_contrast (manager))
    return OT_STYLE_HIGH_CONTRAST;
  return OT_STYLE_LIGHT;
}

OtStyleKind
ot_chart_widget_get_style_kind (OtChartWidget *self)
{
  g_return_val_if_fail (OT_IS_CHART_WIDGET (self), OT_STYLE_LIGHT);

  return self->style_kind;
}

double
ot_chart_widget_get_text_scale (OtChartWidget *self)
{
  g_return_val_if_fail (OT_IS_CHART_WIDGET (self), 1.0);

  return self->text_scale;
}

void
ot_chart_widget_set_text_scale (OtChartWidget *self,
                                double         scale)
{
  g_return_if_fail (OT_IS_CHART_WIDGET (self));

  scale = CLAMP (scale, 0.5, 4.0);
  if (self->text_scale == scale)
    return;
  self->text_scale = scale;
  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT_SCALE]);
}

/* Moves a mark (the cursor or the selection), kept as the side effect and
 * the treatment of its cell so that it follows them when the layout
 * changes, to a cell; both %NULL off the chart.
 *
 * Returns: whether the mark moved */
static gboolean
move_mark (OtChartWidget       *self,
           int                  row,
           int                  column,
           const OtSideEffect **effect,
           const OtTreatment  **treatment)
{
  const OtSideEffect *new_effect = NULL;
  const OtTreatment *new_treatment = NULL;

  if (self->layout != NULL && row >= 0 && column >= 0
      && row < (int) ot_chart_layout_get_n_rows (self->layout)
      && column < (int) ot_chart_layout_get_n_columns (self->layout))
    {
      new_effect = ot_chart_layout_get_effect (self->layout, row);
      new_treatment = ot_chart_layout_get_treatment (self->layout, column);
    }

  if (new_effect == *effect && new_treatment == *treatment)
    return FALSE;
  *effect = new_effect;
  *treatment = new_treatment;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return TRUE;
}

/**
 * ot_chart_widget_get_cursor:
 * @cell: (out): the cell the cursor is on, or -1s
 *
 * Returns: whether the cursor is on a cell
 */
gboolean
ot_chart_widget_get_cursor (OtChartWidget *self,
                            OtChartCell   *cell)
{
  g_return_val_if_fail (OT_IS_CHART_WIDGET (self), FALSE);
  g_return_val_if_fail (cell != NULL, FALSE);

  return find_cell (self->layout, self->cursor_effect, self->cursor_treatment, cell);
}

/**
 * ot_chart_widget_set_cursor:
 *
 * Moves the cursor (the focus ring) to a cell; -1 takes it off.
 */
void
ot_chart_widget_set_cursor (OtChartWidget *self,
                            int            row,
                            int            column)
{
  g_return_if_fail (OT_IS_CHART_WIDGET (self));

  if (!move_mark (self, row, column, &self->cursor_effect, &self->cursor_treatment))
    return;
  update_accessible (self);
  g_signal_emit (self, signals[CURSOR_CHANGED], 0);
}

/**
 * ot_chart_widget_get_selected:
 * @cell: (out): the selected cell, or -1s
 *
 * Returns: whether a cell is selected
 */
gboolean
ot_chart_widget_get_selected (OtChartWidget *self,
                              OtChartCell   *cell)
{
  g_return_val_if_fail (OT_IS_CHART_WIDGET (self), FALSE);
  g_return_val_if_fail (cell != NULL, FALSE);

  return find_cell (self->layout, self->selected_effect, self->selected_treatment, cell);
}

/**
 * ot_chart_widget_select:
 *
 * Selects a cell, as a click does; -1 selects none.
 */
void
ot_chart_widget_select (OtChartWidget *self,
                        int            row,
                        int            column)
{
  g_return_if_fail (OT_IS_CHART_WIDGET (self));

  if (move_mark (self, row, column, &self->selected_effect, &self->selected_treatment))
    g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}
