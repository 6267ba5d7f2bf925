/* ot-checks-notice.c: results to check with the care team
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A calm box, shown only when the model lists something to check: results
 * that could not be read or contradict each other.  My Situation and
 * Options both show it, so the person sees it beside the fits it affects.
 */

#define G_LOG_DOMAIN "ot-checks-notice"

#include "config.h"

#include "ot-checks-notice.h"
#include "ot-fit.h"
#include "ot-text-widgets.h"

struct _OtChecksNotice
{
  AdwBin     parent_instance;

  GtkLabel  *heading;
  GtkBox    *items;
};

G_DEFINE_FINAL_TYPE (OtChecksNotice, ot_checks_notice, ADW_TYPE_BIN)

static void
ot_checks_notice_class_init (OtChecksNoticeClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ot-checks-notice.ui");
  gtk_widget_class_bind_template_child (widget_class, OtChecksNotice, heading);
  gtk_widget_class_bind_template_child (widget_class, OtChecksNotice, items);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
ot_checks_notice_init (OtChecksNotice *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_label_set_text (self->heading, ot_fit_checks_heading ());
}

/**
 * ot_checks_notice_update:
 *
 * Shows what ot_fit_dup_checks() lists for @worksheet, or hides the notice
 * when there is nothing to check.
 */
void
ot_checks_notice_update (OtChecksNotice *self,
                         OtContent      *content,
                         OtWorksheet    *worksheet)
{
  g_autoptr(GPtrArray) checks = NULL;
  GtkWidget *child;

  g_return_if_fail (OT_IS_CHECKS_NOTICE (self));

  checks = ot_fit_dup_checks (content, worksheet);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->items))) != NULL)
    gtk_box_remove (self->items, child);

  for (guint i = 0; i < checks->len; i++)
    {
      const OtCheck *check = checks->pdata[i];
      g_autofree char *text = g_strconcat ("• ", check->text, NULL);

      gtk_box_append (self->items, ot_text_widgets_label (content, text));
      if (check->sources != NULL)
        gtk_box_append (self->items, ot_text_widgets_sources (content, check->sources));
    }

  gtk_widget_set_visible (GTK_WIDGET (self), checks->len > 0);
}
