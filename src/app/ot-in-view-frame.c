/* ot-in-view-frame.c: a frame whose inside is drawn only while in view
 *
 * GTK 4.8 draws every widget of a scrolled page, however far out of view.
 * A text view draws a paragraph with a Pango layout of its own, made
 * again whenever its text or width changed or it went a while undrawn;
 * the layout it made to measure the paragraph gave only its height and is
 * not kept.  The notes and next steps at the reader's limits are a
 * paragraph of 20,000 letters each, 20 and 45 ms a layout: What Matters
 * to Me, shown with them far below, held the window for 110 to 140 ms,
 * 45 to 65 of them drawing what could not be seen.
 *
 * This frame leaves its inside out of the drawing while none of it is in
 * its scrolled window's view, and draws it in the frame that scrolls or
 * moves it into view.  Measuring, the keyboard and screen readers see the
 * inside as ever.
 *
 * Measuring needs the paragraph laid out too, and the first time a text
 * view is shown it is laid out twice (to place the input method's window,
 * then for its width).  So the first time the frame is shown its inside
 * waits, hidden, until the rest of the page has been drawn, and comes
 * while the window is idle after that frame: What Matters to Me, shown for
 * the first time, held the window for 145 ms in one frame, 65 of them the
 * notes and next steps.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ot-in-view-frame"

#include "config.h"

#include "ot-in-view-frame.h"

struct _OtInViewFrame
{
  GtkFrame       parent_instance;

  gboolean       left_out;   /* by the last drawing */
  GdkFrameClock *clock;      /* while mapped */
  gulong         layout_id;

  gboolean       held_once;  /* the inside waited for the page's first frame */
  gulong         paint_id;   /* that frame's end, while it waits */
  guint          show_id;    /* the idle that shows the inside */
};

G_DEFINE_FINAL_TYPE (OtInViewFrame, ot_in_view_frame, GTK_TYPE_FRAME)

/* Whether some of @widget is inside its scrolled window's view, as laid
 * out now; outside a scrolled window it always is. */
static gboolean
in_view (GtkWidget *widget)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  graphene_rect_t bounds;
  graphene_rect_t view;

  if (scrolled == NULL || !gtk_widget_compute_bounds (widget, scrolled, &bounds))
    return TRUE;

  graphene_rect_init (&view, 0, 0, gtk_widget_get_width (scrolled), gtk_widget_get_height (scrolled));
  return graphene_rect_intersection (&bounds, &view, NULL);
}

/* After the window's layout: a scroll or a move only shifts the frame, and
 * the drawing it left out must be made now that the frame is in view. */
static void
clock_layout_cb (GdkFrameClock *clock,
                 OtInViewFrame *self)
{
  if (self->left_out && in_view (GTK_WIDGET (self)))
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
ot_in_view_frame_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  OtInViewFrame *self = OT_IN_VIEW_FRAME (widget);

  self->left_out = !in_view (widget);
  if (!self->left_out)
    GTK_WIDGET_CLASS (ot_in_view_frame_parent_class)->snapshot (widget, snapshot);
}

static gboolean
show_inside_cb (gpointer data)
{
  OtInViewFrame *self = data;

  self->show_id = 0;
  if (gtk_frame_get_child (GTK_FRAME (self)) != NULL)
    gtk_widget_set_visible (gtk_frame_get_child (GTK_FRAME (self)), TRUE);
  return G_SOURCE_REMOVE;
}

static void
clock_after_paint_cb (GdkFrameClock *clock,
                      OtInViewFrame *self)
{
  g_clear_signal_handler (&self->paint_id, clock);
  self->show_id = g_idle_add (show_inside_cb, self);
}

static void
ot_in_view_frame_map (GtkWidget *widget)
{
  OtInViewFrame *self = OT_IN_VIEW_FRAME (widget);
  GtkWidget *child = gtk_frame_get_child (GTK_FRAME (self));
  gboolean hold = !self->held_once && child != NULL && gtk_widget_get_visible (child);

  /* The first time, the rest of the page is laid out and drawn first;
   * hidden before mapping, the inside is not realized yet either. */
  if (hold)
    {
      self->held_once = TRUE;
      gtk_widget_set_visible (child, FALSE);
    }

  GTK_WIDGET_CLASS (ot_in_view_frame_parent_class)->map (widget);

  self->clock = g_object_ref (gtk_widget_get_frame_clock (widget));
  self->layout_id = g_signal_connect_after (self->clock, "layout", G_CALLBACK (clock_layout_cb), self);
  if (hold)
    self->paint_id = g_signal_connect_after (self->clock, "after-paint", G_CALLBACK (clock_after_paint_cb), self);
}

static void
ot_in_view_frame_unmap (GtkWidget *widget)
{
  OtInViewFrame *self = OT_IN_VIEW_FRAME (widget);

  /* Hidden before its frame was drawn: the inside is not kept from it. */
  if (self->paint_id != 0)
    self->show_id = g_idle_add (show_inside_cb, self);
  g_clear_signal_handler (&self->layout_id, self->clock);
  g_clear_signal_handler (&self->paint_id, self->clock);
  g_clear_object (&self->clock);

  GTK_WIDGET_CLASS (ot_in_view_frame_parent_class)->unmap (widget);
}

static void
ot_in_view_frame_dispose (GObject *object)
{
  OtInViewFrame *self = OT_IN_VIEW_FRAME (object);

  g_clear_handle_id (&self->show_id, g_source_remove);

  G_OBJECT_CLASS (ot_in_view_frame_parent_class)->dispose (object);
}

static void
ot_in_view_frame_class_init (OtInViewFrameClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ot_in_view_frame_dispose;

  widget_class->snapshot = ot_in_view_frame_snapshot;
  widget_class->map = ot_in_view_frame_map;
  widget_class->unmap = ot_in_view_frame_unmap;
}

static void
ot_in_view_frame_init (OtInViewFrame *self)
{
}
