/* ot-long-label.c: words that may run long, wrapped, laid out once a width
 *
 * A wrapping GtkLabel lays its whole text out again for each size it is
 * asked: its narrowest width (a line for each letter of a long word, or
 * its last line ellipsized with the rest of the text in it), its height
 * at that width, and the narrowest width for a given height, found by
 * halving (a dozen layouts).  The person's top values at the reader's
 * limits are 20,000 letters, 5 to 50 ms a layout: shown for the first
 * time, What Matters to Me held the window for 0.4 s and the Summary's
 * glance grid for 70 ms.
 *
 * This label asks for the width of a few words (its parent gives it the
 * width there is) and lays its text out for the width it is given, once:
 * Pango keeps the lines while the width stays.  It never cuts its text
 * short.  Screen readers read it as a label with its text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ot-long-label"

#include "config.h"

#include "ot-compat.h"
#include "ot-long-label.h"

/* The width asked for: this many letters, as GtkLabel's width-chars. */
#define WIDTH_CHARS 20

struct _OtLongLabel
{
  GtkWidget    parent_instance;

  char        *markup;
  PangoLayout *layout;    /* follows the widget's font by itself */
};

G_DEFINE_FINAL_TYPE (OtLongLabel, ot_long_label, GTK_TYPE_WIDGET)

static GtkSizeRequestMode
ot_long_label_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
ot_long_label_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  OtLongLabel *self = OT_LONG_LABEL (widget);
  PangoLayout *layout = self->layout;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      PangoFontMetrics *metrics = pango_context_get_metrics (pango_layout_get_context (layout), NULL, NULL);
      int char_width = MAX (pango_font_metrics_get_approximate_char_width (metrics),
                            pango_font_metrics_get_approximate_digit_width (metrics));

      *minimum = *natural = PANGO_PIXELS_CEIL (char_width * WIDTH_CHARS);
      pango_font_metrics_unref (metrics);
      return;
    }

  /* With no width, a line for each paragraph: never taller wrapped. */
  pango_layout_set_width (layout, for_size < 0 ? -1 : for_size * PANGO_SCALE);
  pango_layout_get_pixel_size (layout, NULL, minimum);
  *natural = *minimum;
}

static void
ot_long_label_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  OtLongLabel *self = OT_LONG_LABEL (widget);
  PangoLayout *layout = self->layout;
  GdkRGBA color;

  /* The width it was measured for: the lines are there. */
  pango_layout_set_width (layout, gtk_widget_get_width (widget) * PANGO_SCALE);
  ot_compat_widget_color (widget, &color);
  gtk_snapshot_append_layout (snapshot, layout, &color);
}

static void
ot_long_label_dispose (GObject *object)
{
  OtLongLabel *self = OT_LONG_LABEL (object);

  g_clear_object (&self->layout);

  G_OBJECT_CLASS (ot_long_label_parent_class)->dispose (object);
}

static void
ot_long_label_finalize (GObject *object)
{
  OtLongLabel *self = OT_LONG_LABEL (object);

  g_free (self->markup);

  G_OBJECT_CLASS (ot_long_label_parent_class)->finalize (object);
}

static void
ot_long_label_class_init (OtLongLabelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ot_long_label_dispose;
  object_class->finalize = ot_long_label_finalize;

  widget_class->get_request_mode = ot_long_label_get_request_mode;
  widget_class->measure = ot_long_label_measure;
  widget_class->snapshot = ot_long_label_snapshot;

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
  gtk_widget_class_set_css_name (widget_class, "label");
}

static void
ot_long_label_init (OtLongLabel *self)
{
  self->layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  pango_layout_set_wrap (self->layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_auto_dir (self->layout, TRUE);
}

/**
 * ot_long_label_set_markup:
 * @markup: Pango markup, escaped where it holds the person's words
 */
void
ot_long_label_set_markup (OtLongLabel *self,
                          const char  *markup)
{
  g_return_if_fail (OT_IS_LONG_LABEL (self));
  g_return_if_fail (markup != NULL);

  if (g_strcmp0 (self->markup, markup) == 0)
    return;

  g_free (self->markup);
  self->markup = g_strdup (markup);
  pango_layout_set_markup (self->layout, markup, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, pango_layout_get_text (self->layout),
                                  -1);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
ot_long_label_set_text (OtLongLabel *self,
                        const char  *text)
{
  g_autofree char *markup = NULL;

  g_return_if_fail (OT_IS_LONG_LABEL (self));
  g_return_if_fail (text != NULL);

  markup = g_markup_escape_text (text, -1);
  ot_long_label_set_markup (self, markup);
}

/**
 * ot_long_label_get_text:
 *
 * Returns: the text shown, without its markup
 */
const char *
ot_long_label_get_text (OtLongLabel *self)
{
  g_return_val_if_fail (OT_IS_LONG_LABEL (self), NULL);

  return pango_layout_get_text (self->layout);
}

/**
 * ot_long_label_get_layout:
 *
 * Returns: (transfer none): the layout as last measured or drawn
 */
PangoLayout *
ot_long_label_get_layout (OtLongLabel *self)
{
  g_return_val_if_fail (OT_IS_LONG_LABEL (self), NULL);

  return self->layout;
}
