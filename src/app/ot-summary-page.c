/* ot-summary-page.c: one page of the summary, drawn as it will print
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ot-summary-page"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ot-summary-page.h"

/* Narrowest a page gets when it fits the width of a small window. */
#define MIN_WIDTH 120

struct _OtSummaryPage
{
  GtkWidget  parent_instance;

  OtSummary     *summary;
  guint          page;
  double         zoom;      /* 1.0 is actual size; 0 fits the width given */
  GskRenderNode *drawn;     /* the page as last drawn, at drawn_width */
  int            drawn_width;
};

G_DEFINE_FINAL_TYPE (OtSummaryPage, ot_summary_page, GTK_TYPE_WIDGET)

static void
page_size (OtSummaryPage *self,
           double        *width,
           double        *height)
{
  *width = self->summary ? ot_summary_get_page_width (self->summary) : 595;
  *height = self->summary ? ot_summary_get_page_height (self->summary) : 842;
}

static GtkSizeRequestMode
ot_summary_page_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

/* At a zoom, the page's size; fitting the width, any width from
 * MIN_WIDTH, with the height that keeps the paper's shape. */
static void
ot_summary_page_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  OtSummaryPage *self = OT_SUMMARY_PAGE (widget);
  double width, height, scale;

  page_size (self, &width, &height);
  scale = (self->zoom > 0 ? self->zoom : 1.0) * OT_SUMMARY_PAGE_PIXELS_PER_POINT;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *natural = (int) ceil (width * scale);
      *minimum = self->zoom > 0 ? *natural : MIN_WIDTH;
    }
  else if (self->zoom > 0 || for_size < 0)
    {
      *minimum = *natural = (int) ceil (height * scale);
    }
  else
    {
      *minimum = *natural = (int) ceil (for_size * height / width);
    }
}

static void
ot_summary_page_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  OtSummaryPage *self = OT_SUMMARY_PAGE (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GskRoundedRect outline;
  double page_width, page_height;
  cairo_t *cr;

  if (self->summary == NULL || width <= 0 || height <= 0)
    return;

  page_size (self, &page_width, &page_height);

  /* White paper with a soft shadow, in light and dark styles alike: the
   * preview shows the page as it prints. */
  gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (0, 0, width, height), 0);
  gtk_snapshot_append_outset_shadow (snapshot, &outline, &(GdkRGBA) { 0, 0, 0, 0.25 }, 0, 1, 0, 4);
  gtk_snapshot_append_color (snapshot, &(GdkRGBA) { 1, 1, 1, 1 }, &GRAPHENE_RECT_INIT (0, 0, width, height));

  /* Drawn once for its page and width: shown again (a view away and
   * back, the pages of the last layout while the next is made), it is not
   * drawn again.  The 68 pages of the full version in large print at the
   * reader's limits took 40 ms to draw. */
  if (self->drawn == NULL || self->drawn_width != width)
    {
      g_clear_pointer (&self->drawn, gsk_render_node_unref);
      self->drawn = gsk_cairo_node_new (&GRAPHENE_RECT_INIT (0, 0, width, height));
      self->drawn_width = width;
      cr = gsk_cairo_node_get_draw_context (self->drawn);
      cairo_scale (cr, width / page_width, width / page_width);
      ot_summary_draw_page (self->summary, cr, self->page);
      cairo_destroy (cr);
    }
  gtk_snapshot_append_node (snapshot, self->drawn);

  /* Tab moves from page to page; the page with the focus is ringed in the
   * accent colour. */
  if (gtk_widget_has_visible_focus (widget))
    {
      const GdkRGBA accent = { 0.21, 0.52, 0.89, 1 };
      float ring[4] = { 3, 3, 3, 3 };
      GdkRGBA colors[4] = { accent, accent, accent, accent };

      gtk_snapshot_append_border (snapshot, &outline, ring, colors);
    }
}

static void
ot_summary_page_dispose (GObject *object)
{
  OtSummaryPage *self = OT_SUMMARY_PAGE (object);

  g_clear_object (&self->summary);
  g_clear_pointer (&self->drawn, gsk_render_node_unref);

  G_OBJECT_CLASS (ot_summary_page_parent_class)->dispose (object);
}

static void
ot_summary_page_class_init (OtSummaryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ot_summary_page_dispose;

  widget_class->get_request_mode = ot_summary_page_get_request_mode;
  widget_class->measure = ot_summary_page_measure;
  widget_class->snapshot = ot_summary_page_snapshot;

  /* An image of the page; its label says which page and what starts on it. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_widget_class_set_css_name (widget_class, "summarypage");
}

static void
ot_summary_page_init (OtSummaryPage *self)
{
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
}

GtkWidget *
ot_summary_page_new (void)
{
  return g_object_new (OT_TYPE_SUMMARY_PAGE, NULL);
}

void
ot_summary_page_set_page (OtSummaryPage *self,
                          OtSummary     *summary,
                          guint          page)
{
  g_autofree char *description = NULL;
  gboolean resize;

  g_return_if_fail (OT_IS_SUMMARY_PAGE (self));
  g_return_if_fail (OT_IS_SUMMARY (summary));
  g_return_if_fail (page < ot_summary_get_n_pages (summary));

  resize = self->summary == NULL
           || ot_summary_get_page_width (self->summary) != ot_summary_get_page_width (summary)
           || ot_summary_get_page_height (self->summary) != ot_summary_get_page_height (summary);
  g_set_object (&self->summary, summary);
  self->page = page;
  g_clear_pointer (&self->drawn, gsk_render_node_unref);

  description = ot_summary_describe_page (summary, page);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                  -1);

  if (resize)
    gtk_widget_queue_resize (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

OtSummary *
ot_summary_page_get_summary (OtSummaryPage *self)
{
  g_return_val_if_fail (OT_IS_SUMMARY_PAGE (self), NULL);

  return self->summary;
}

guint
ot_summary_page_get_page (OtSummaryPage *self)
{
  g_return_val_if_fail (OT_IS_SUMMARY_PAGE (self), 0);

  return self->page;
}

/**
 * ot_summary_page_set_zoom:
 * @zoom: 1.0 for actual size, or 0 to fit the width the page is given
 */
void
ot_summary_page_set_zoom (OtSummaryPage *self,
                          double         zoom)
{
  g_return_if_fail (OT_IS_SUMMARY_PAGE (self));
  g_return_if_fail (zoom >= 0);

  if (self->zoom == zoom)
    return;

  self->zoom = zoom;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

double
ot_summary_page_get_zoom (OtSummaryPage *self)
{
  g_return_val_if_fail (OT_IS_SUMMARY_PAGE (self), 0);

  return self->zoom;
}
