/* ot-compat.c: where Option Talk meets the GTK and libadwaita it runs on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ot-compat.h"

/* Alerts.  libadwaita 1.5 has AdwAlertDialog, shown inside the window;
 * before it there is AdwMessageDialog, a window of its own, deprecated in
 * 1.6.  In 1.7 AdwMessageDialog lays out a heading that does not fit its
 * width of 300 at that width all the same (GTK warns "Trying to measure
 * GtkLabel for width of 252, but it needs at least 309"), which
 * AdwAlertDialog does not.  The newer API is beyond the version the build
 * allows (ADW_VERSION_MAX_ALLOWED, the minimum), hence the pragmas. */

#if ADW_CHECK_VERSION (1, 5, 0)
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
#define OT_ALERT(alert) ADW_ALERT_DIALOG (alert)
#define ot_alert_call(name) adw_alert_dialog_##name
#else
#define OT_ALERT(alert) ADW_MESSAGE_DIALOG (alert)
#define ot_alert_call(name) adw_message_dialog_##name
#endif

/* libadwaita up to 1.8 (at least) measures an alert's large heading, which
 * does not wrap, at the alert's width even where it is wider, then shows
 * the smaller heading that wraps instead; GTK warns "Trying to measure
 * GtkLabel … for width of 252, but it needs at least 309".  Let the large
 * one wrap too: it is measured right, and still shown only where it fits
 * on one line. */
static void
let_heading_wrap (GtkWidget *alert)
{
  GObject *heading = gtk_widget_get_template_child (alert, G_OBJECT_TYPE (alert), "heading_label");

  if (GTK_IS_LABEL (heading))
    gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
}

GtkWidget *
ot_alert_new (const char *heading,
              const char *body)
{
#if ADW_CHECK_VERSION (1, 5, 0)
  GtkWidget *alert = GTK_WIDGET (adw_alert_dialog_new (heading, body));
#else
  GtkWidget *alert = adw_message_dialog_new (NULL, heading, body);
#endif

  if (adw_get_major_version () == 1 && adw_get_minor_version () < 9)
    let_heading_wrap (alert);
  return alert;
}

void
ot_alert_add_response (GtkWidget             *alert,
                       const char            *id,
                       const char            *label,
                       AdwResponseAppearance  appearance)
{
  ot_alert_call (add_response) (OT_ALERT (alert), id, label);
  ot_alert_call (set_response_appearance) (OT_ALERT (alert), id, appearance);
}

void
ot_alert_set_default_response (GtkWidget  *alert,
                               const char *id)
{
  ot_alert_call (set_default_response) (OT_ALERT (alert), id);
}

void
ot_alert_set_close_response (GtkWidget  *alert,
                             const char *id)
{
  ot_alert_call (set_close_response) (OT_ALERT (alert), id);
}

/* Shows @alert over @parent's window. */
void
ot_alert_present (GtkWidget *alert,
                  GtkWidget *parent)
{
#if ADW_CHECK_VERSION (1, 5, 0)
  adw_dialog_present (ADW_DIALOG (alert), parent);
#else
  GtkRoot *root = parent ? gtk_widget_get_root (parent) : NULL;

  gtk_window_set_transient_for (GTK_WINDOW (alert), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
  gtk_window_set_modal (GTK_WINDOW (alert), TRUE);
  gtk_window_present (GTK_WINDOW (alert));
#endif
}

const char *
ot_alert_get_heading (GtkWidget *alert)
{
  return ot_alert_call (get_heading) (OT_ALERT (alert));
}

const char *
ot_alert_get_body (GtkWidget *alert)
{
  return ot_alert_call (get_body) (OT_ALERT (alert));
}

/* Answers @alert as its button @id would: the answer, once, and the alert
 * closes.  Closing gives the close response, so that is @id first. */
void
ot_alert_respond (GtkWidget  *alert,
                  const char *id)
{
  ot_alert_set_close_response (alert, id);
#if ADW_CHECK_VERSION (1, 5, 0)
  adw_dialog_close (ADW_DIALOG (alert));
#else
  gtk_window_close (GTK_WINDOW (alert));
#endif
}

/* The alert shown now over any window, or NULL. */
GtkWidget *
ot_alert_get_shown (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);
      GtkWidget *alert = NULL;

      if (!gtk_widget_get_visible (GTK_WIDGET (window)))
        continue;
#if ADW_CHECK_VERSION (1, 5, 0)
      if (ADW_IS_APPLICATION_WINDOW (window))
        alert = GTK_WIDGET (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)));
      else if (ADW_IS_WINDOW (window))
        alert = GTK_WIDGET (adw_window_get_visible_dialog (ADW_WINDOW (window)));
      if (alert != NULL && ADW_IS_ALERT_DIALOG (alert))
        return alert;
#else
      alert = GTK_WIDGET (window);
      if (ADW_IS_MESSAGE_DIALOG (alert))
        return alert;
#endif
    }
  return NULL;
}

#if ADW_CHECK_VERSION (1, 5, 0)
G_GNUC_END_IGNORE_DEPRECATIONS
#endif

/* Views.  Where a view stack's page is itself in the accessibility tree
 * (libadwaita 1.7), it takes its title as written for its name, mnemonic
 * underscore and all: "_My Situation", as a screen reader would read it.
 * Each gets the title as shown. */
static char *
without_mnemonic (const char *label)
{
  GString *shown = g_string_new (NULL);

  for (const char *c = label; *c; c++)
    {
      /* "_x" shows as "x", "__" as "_". */
      if (*c == '_' && c[1] != '\0')
        c++;
      g_string_append_c (shown, *c);
    }
  return g_string_free (shown, FALSE);
}

void
ot_compat_name_view_pages (AdwViewStack *stack)
{
  g_autoptr(GtkSelectionModel) pages = adw_view_stack_get_pages (stack);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (pages)); i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);
      const char *title = adw_view_stack_page_get_title (page);
      g_autofree char *shown = NULL;

      if (!GTK_IS_ACCESSIBLE (page) || title == NULL)
        continue;
      shown = adw_view_stack_page_get_use_underline (page) ? without_mnemonic (title) : g_strdup (title);
      gtk_accessible_update_property (GTK_ACCESSIBLE (page), GTK_ACCESSIBLE_PROPERTY_LABEL, shown, -1);
    }
}

/* Names.  GTK 4.14 and later work a name out as the ARIA rules say: from
 * the widgets that label a widget (a button's own label; for the widget an
 * action row activates, the row's title, as libadwaita 1.7 sets it) before
 * the name given to the widget itself, which GTK 4.8 reads first.  Where
 * Option Talk names a widget, a screen reader must read that name on every
 * GTK: the relation goes (on GTK 4.8 that changes nothing).  Call it once
 * the widget has its name and, for a button, its label. */
void
ot_compat_keep_own_name (GtkWidget *widget)
{
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

/* Entry rows.  libadwaita 1.7 makes both of an entry row's title labels
 * (the large one shown while the row is empty, the small one over its
 * text) the row's mnemonic labels, and GTK 4.18 names the row by each of
 * them in turn: a screen reader reads "Your Name (optional) Your Name
 * (optional)" (seen with GTK 4.18.6 and libadwaita 1.7.6).  The row is
 * named by the first alone, from the moment it is made, wherever it is
 * made; libadwaita 1.2 has one such label and needs nothing. */
static void (*entry_row_constructed_chain) (GObject *object);

static void
entry_row_constructed (GObject *object)
{
  g_autoptr(GList) labels = NULL;

  entry_row_constructed_chain (object);
  labels = gtk_widget_list_mnemonic_labels (GTK_WIDGET (object));
  if (labels != NULL && labels->next != NULL)
    gtk_accessible_update_relation (GTK_ACCESSIBLE (object), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                    labels->data, NULL, -1);
}

void
ot_compat_name_entry_rows_once (void)
{
  GObjectClass *klass;

  if (adw_get_major_version () == 1 && adw_get_minor_version () < 7)
    return;
  /* Kept for the process's life, as the type's class is anyway. */
  klass = g_type_class_ref (ADW_TYPE_ENTRY_ROW);
  if (klass->constructed != entry_row_constructed)
    {
      entry_row_constructed_chain = klass->constructed;
      klass->constructed = entry_row_constructed;
    }
}

/* Menus.  GTK 4.18 names a menu item by its label, which it keeps out of
 * the accessibility tree, so that the name a screen reader reads is empty
 * (seen with 4.18.6); GTK 4.8 names it by its text.  Each item gets its
 * text, as shown, for a name of its own. */
void
ot_compat_name_menu_items (GtkWidget *menu)
{
  for (GtkWidget *child = gtk_widget_get_first_child (menu); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkAccessibleRole role = gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (child));

      if ((role == GTK_ACCESSIBLE_ROLE_MENU_ITEM || role == GTK_ACCESSIBLE_ROLE_MENU_ITEM_CHECKBOX
           || role == GTK_ACCESSIBLE_ROLE_MENU_ITEM_RADIO)
          && g_object_class_find_property (G_OBJECT_GET_CLASS (child), "text") != NULL)
        {
          g_autofree char *text = NULL;
          g_autofree char *shown = NULL;

          g_object_get (child, "text", &text, NULL);
          shown = without_mnemonic (text ? text : "");
          gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, shown, -1);
          ot_compat_keep_own_name (child);
        }
      ot_compat_name_menu_items (child);
    }
}

/* The shortcuts window.  GTK 4.8 leaves its search button and entry
 * unnamed (a screen reader would say only "toggle button" and "entry");
 * GTK 4.18 names them.  It shows the window itself as an unnamed panel:
 * the window is a dialog (ot-shortcuts-window.ui), named by its title. */
static void
name_shortcuts_parts (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_SEARCH_ENTRY (child))
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        _("Search Shortcuts"), -1);
      else if (GTK_IS_TOGGLE_BUTTON (child)
               && g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (child)), "edit-find-symbolic") == 0)
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        _("Search"), -1);
      name_shortcuts_parts (child);
    }
}

void
ot_compat_name_shortcuts_window (GtkShortcutsWindow *window)
{
  if (gtk_get_major_version () == 4 && gtk_get_minor_version () < 18)
    name_shortcuts_parts (GTK_WIDGET (window));
  gtk_accessible_update_property (GTK_ACCESSIBLE (window), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_window_get_title (GTK_WINDOW (window)), -1);
}

/* The calendar.  GTK 4.8 and 4.18 (at least) leave its arrow buttons
 * unnamed: a screen reader would say only "button".  They are the
 * header's buttons, in this order. */
void
ot_compat_name_calendar_arrows (GtkCalendar *calendar)
{
  const char *names[] = {
    _("Previous month"), _("Next month"), _("Previous year"), _("Next year"),
  };
  GtkWidget *header = gtk_widget_get_first_child (GTK_WIDGET (calendar));
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  for (GtkWidget *child = header ? gtk_widget_get_first_child (header) : NULL; child;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_BUTTON (child))
      g_ptr_array_add (buttons, child);

  if (buttons->len == G_N_ELEMENTS (names))
    for (guint i = 0; i < buttons->len; i++)
      gtk_accessible_update_property (GTK_ACCESSIBLE (buttons->pdata[i]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, names[i], -1);
}

/* A drop-down.  GTK 4.8 gives its own button, which takes the focus, no
 * name: a screen reader would say only "toggle button".  It gets @name,
 * the drop-down's. */
void
ot_compat_name_drop_down_button (GtkDropDown *drop_down,
                                 const char  *name)
{
  if (gtk_get_major_version () == 4 && gtk_get_minor_version () < 18)
    gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_first_child (GTK_WIDGET (drop_down))),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

/* GTK 4.10 gives the colour from the widget and deprecates the style
 * context that 4.8 gives it from. */
void
ot_compat_widget_color (GtkWidget *widget,
                        GdkRGBA   *color)
{
#if GTK_CHECK_VERSION (4, 10, 0)
  /* Newer than the version macros allow: built only where GTK has it. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_widget_get_color (widget, color);
  G_GNUC_END_IGNORE_DEPRECATIONS
#else
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), color);
#endif
}
