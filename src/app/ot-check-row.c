/* ot-check-row.c: a row that a check box in front of it toggles
 *
 * Put in a group that folds, the row is hidden while the group is
 * folded: GTK 4.8 measures what a folded group hides, and each row whose
 * words wrap is measured about fifty times over when its list is first
 * shown (its header box searches for the height its words fit in).
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

/* Whether the rows in @list, a folding group's, show: while it is unfolded,
 * and while it slides shut. */
static gboolean
rows_shown (GtkWidget *list)
{
  AdwExpanderRow *expander = ADW_EXPANDER_ROW (gtk_widget_get_ancestor (list, ADW_TYPE_EXPANDER_ROW));
  GtkWidget *revealer = gtk_widget_get_ancestor (list, GTK_TYPE_REVEALER);

  return adw_expander_row_get_expanded (expander) ||
         (revealer != NULL && gtk_revealer_get_child_revealed (GTK_REVEALER (revealer)));
}

/* Unfolding shows the rows before they slide in; folding hides them once
 * they have slid away. */
static void
sync_rows (GtkWidget *list)
{
  gboolean shown = rows_shown (list);

  for (GtkWidget *child = gtk_widget_get_first_child (list);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (OT_IS_CHECK_ROW (child))
      gtk_widget_set_visible (child, shown);
}

/**
 * ot_check_row_add_to:
 * @expander: the group that folds
 *
 * Adds @self to the rows of @expander, shown only while @expander is
 * unfolded or folding.
 */
void
ot_check_row_add_to (OtCheckRow     *self,
                     AdwExpanderRow *expander)
{
  GtkWidget *list;
  GtkWidget *revealer;

  g_return_if_fail (OT_IS_CHECK_ROW (self));
  g_return_if_fail (ADW_IS_EXPANDER_ROW (expander));

  adw_expander_row_add_row (expander, GTK_WIDGET (self));
  list = gtk_widget_get_parent (GTK_WIDGET (self));
  gtk_widget_set_visible (GTK_WIDGET (self), rows_shown (list));
  if (g_object_get_data (G_OBJECT (expander), "ot-check-rows-fold") != NULL)
    return;

  g_object_set_data (G_OBJECT (expander), "ot-check-rows-fold", GINT_TO_POINTER (TRUE));
  g_signal_connect_object (expander, "notify::expanded", G_CALLBACK (sync_rows), list, G_CONNECT_SWAPPED);
  revealer = gtk_widget_get_ancestor (list, GTK_TYPE_REVEALER);
  if (revealer != NULL)
    g_signal_connect_object (revealer, "notify::child-revealed", G_CALLBACK (sync_rows), list, G_CONNECT_SWAPPED);
}
