/* ot-wrap-box.c: children in lines, as many on each as fit
 *
 * The Options view's category toggles are wider than a window of
 * 1024 px, and much wider with large text.  In a scrolled row the last
 * ones were cut off at the window's edge, so a person did not see every
 * kind of treatment there is to compare.  Here they go on as many lines
 * as they need, in reading order, each as wide as its words.  (GTK 4.8
 * has no such box; libadwaita's came with 1.7.)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ot-wrap-box"

#include "config.h"

#include "ot-wrap-box.h"

struct _OtWrapBox
{
  GtkWidget parent_instance;

  int       spacing;
};

G_DEFINE_FINAL_TYPE (OtWrapBox, ot_wrap_box, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SPACING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A child is as wide as it likes, but no wider than a line. */
static int
child_width (GtkWidget *child,
             int        line_width)
{
  int min, nat;

  gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  return MAX (min, MIN (nat, line_width));
}

static GtkWidget *
next_shown (GtkWidget *child)
{
  while (child != NULL && !gtk_widget_should_layout (child))
    child = gtk_widget_get_next_sibling (child);
  return child;
}

/* Puts the children in lines @width wide, allocating them if
 * @allocate; returns the height the lines take. */
static int
lay_out (OtWrapBox *self,
         int        width,
         gboolean   allocate)
{
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
  GtkWidget *start = next_shown (gtk_widget_get_first_child (GTK_WIDGET (self)));
  int y = 0;

  while (start != NULL)
    {
      GtkWidget *end, *child;
      int x = 0, height = 0;

      /* One line: the children that fit, and always at least one. */
      for (end = start; end != NULL; end = next_shown (gtk_widget_get_next_sibling (end)))
        {
          int w = child_width (end, width), h;

          if (end != start && x + w > width)
            break;
          gtk_widget_measure (end, GTK_ORIENTATION_VERTICAL, w, NULL, &h, NULL, NULL);
          height = MAX (height, h);
          x += w + self->spacing;
        }

      x = 0;
      for (child = start; allocate && child != end; child = next_shown (gtk_widget_get_next_sibling (child)))
        {
          int w = child_width (child, width);

          gtk_widget_size_allocate (child,
                                    &(GtkAllocation) { rtl ? width - x - w : x, y, w, height },
                                    -1);
          x += w + self->spacing;
        }

      y += height;
      start = end;
      if (start != NULL)
        y += self->spacing;
    }

  return y;
}

static GtkSizeRequestMode
ot_wrap_box_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
ot_wrap_box_measure (GtkWidget      *widget,
                     GtkOrientation  orientation,
                     int             for_size,
                     int            *minimum,
                     int            *natural,
                     int            *minimum_baseline,
                     int            *natural_baseline)
{
  OtWrapBox *self = OT_WRAP_BOX (widget);

  *minimum = *natural = 0;
  if (orientation == GTK_ORIENTATION_VERTICAL)
    {
      /* With no width given, the children on one line. */
      *minimum = *natural = lay_out (self, for_size < 0 ? G_MAXINT / 2 : for_size, FALSE);
      return;
    }

  /* As narrow as its widest child, as wide as all on one line. */
  for (GtkWidget *child = next_shown (gtk_widget_get_first_child (widget));
       child != NULL;
       child = next_shown (gtk_widget_get_next_sibling (child)))
    {
      int min, nat;

      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
      *minimum = MAX (*minimum, min);
      *natural += (*natural > 0 ? self->spacing : 0) + nat;
    }
}

static void
ot_wrap_box_size_allocate (GtkWidget *widget,
                           int        width,
                           int        height,
                           int        baseline)
{
  lay_out (OT_WRAP_BOX (widget), width, TRUE);
}

static void
ot_wrap_box_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (ot_wrap_box_parent_class)->dispose (object);
}

static void
ot_wrap_box_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  OtWrapBox *self = OT_WRAP_BOX (object);

  switch (prop_id)
    {
    case PROP_SPACING:
      g_value_set_int (value, self->spacing);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ot_wrap_box_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  OtWrapBox *self = OT_WRAP_BOX (object);

  switch (prop_id)
    {
    case PROP_SPACING:
      if (self->spacing != g_value_get_int (value))
        {
          self->spacing = g_value_get_int (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ot_wrap_box_class_init (OtWrapBoxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ot_wrap_box_dispose;
  object_class->get_property = ot_wrap_box_get_property;
  object_class->set_property = ot_wrap_box_set_property;

  widget_class->get_request_mode = ot_wrap_box_get_request_mode;
  widget_class->measure = ot_wrap_box_measure;
  widget_class->size_allocate = ot_wrap_box_size_allocate;

  /**
   * OtWrapBox:spacing:
   *
   * The room between children on a line, and between lines.
   */
  properties[PROP_SPACING] =
    g_param_spec_int ("spacing", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ot_wrap_box_init (OtWrapBox *self)
{
}

/**
 * ot_wrap_box_append:
 *
 * Adds @child after the others.
 */
void
ot_wrap_box_append (OtWrapBox *self,
                    GtkWidget *child)
{
  g_return_if_fail (OT_IS_WRAP_BOX (self));
  g_return_if_fail (GTK_IS_WIDGET (child));

  gtk_widget_insert_before (child, GTK_WIDGET (self), NULL);
}
