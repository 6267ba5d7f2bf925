/* ot-check-row.c: a row that a check box in front of it toggles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ot-check-row.h"

struct _OtCheckRow
{
  AdwActionRow    parent_instance;

  GtkCheckButton *check;
};

G_DEFINE_FINAL_TYPE (OtCheckRow, ot_check_row, ADW_TYPE_ACTION_ROW)

static void
ot_check_row_class_init (OtCheckRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/optiontalk/OptionTalk/ot-check-row.ui");
  gtk_widget_class_bind_template_child (widget_class, OtCheckRow, check);
}

static void
ot_check_row_init (OtCheckRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * ot_check_row_new:
 * @title: the row's words, shown as they are (never read as markup)
 *
 * Returns: (transfer floating): the row
 */
GtkWidget *
ot_check_row_new (const char *title)
{
  return g_object_new (OT_TYPE_CHECK_ROW, "title", title, NULL);
}

/**
 * ot_check_row_get_check:
 *
 * Returns: (transfer none): the check box, to connect to and to tick
 */
GtkCheckButton *
ot_check_row_get_check (OtCheckRow *self)
{
  g_return_val_if_fail (OT_IS_CHECK_ROW (self), NULL);

  return self->check;
}
