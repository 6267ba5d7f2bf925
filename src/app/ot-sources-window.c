/* ot-sources-window.c: every source of the content pack
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ot-sources-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ot-sources-window.h"

struct _OtSourcesWindow
{
  AdwWindow            parent_instance;

  GtkLabel            *about_label;
  AdwPreferencesGroup *sources_group;
};

G_DEFINE_FINAL_TYPE (OtSourcesWindow, ot_sources_window, ADW_TYPE_WINDOW)

static void
ot_sources_window_class_init (OtSourcesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ot-sources-window.ui");
  gtk_widget_class_bind_template_child (widget_class, OtSourcesWindow, about_label);
  gtk_widget_class_bind_template_child (widget_class, OtSourcesWindow, sources_group);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ot_sources_window_init (OtSourcesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static void
set_about (OtSourcesWindow *self,
           OtContent       *content)
{
  const OtMeta *meta = ot_content_get_meta (content);
  char reviewed[64], review_by[64];
  g_autofree char *text = NULL;

  g_date_strftime (reviewed, sizeof reviewed, C_("full date", "%-d %B %Y"), &meta->reviewed);
  g_date_strftime (review_by, sizeof review_by, C_("full date", "%-d %B %Y"), &meta->review_by);
  text = g_strdup_printf (_("%s\nVersion %s, last reviewed %s, to be reviewed by %s.\n\n%s\n\n%s\n\n%s"),
                          meta->title, meta->version, g_strstrip (reviewed), g_strstrip (review_by),
                          meta->authors, meta->funding, meta->disclaimer);
  gtk_label_set_text (self->about_label, text);
}

/**
 * ot_sources_window_new:
 *
 * Returns: (transfer floating): a window listing every source with its
 * publisher, title, the date it was seen and its address.
 */
GtkWidget *
ot_sources_window_new (OtContent *content)
{
  OtSourcesWindow *self = g_object_new (OT_TYPE_SOURCES_WINDOW, NULL);
  GPtrArray *sources = ot_content_get_sources (content);

  set_about (self, content);

  for (guint i = 0; i < sources->len; i++)
    {
      const OtSource *source = sources->pdata[i];
      g_autofree char *title = g_markup_escape_text (source->title, -1);
      g_autofree char *publisher = g_markup_escape_text (source->publisher, -1);
      g_autofree char *url = g_markup_escape_text (source->url, -1);
      g_autofree char *subtitle = g_strdup_printf (_("%s · seen %s\n%s"), publisher, source->seen, url);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      gtk_widget_add_css_class (row, "property");
      adw_preferences_group_add (self->sources_group, row);
    }

  return GTK_WIDGET (self);
}
