/* ot-values-view-rows.c: the small widgets the values view repeats
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ot-values-view"

#include "config.h"

#include <glib/gi18n.h>

#include "ot-compat.h"
#include "ot-values-view-private.h"

/* The words on the buttons; the group's description says "important", and
 * each button's tooltip and accessible name give the whole step. */
static const char *scale_words[] = {
  N_("Not at all"),
  N_("A little"),
  N_("Somewhat"),
  N_("Quite"),
  N_("Very"),
};

G_STATIC_ASSERT (G_N_ELEMENTS (scale_words) == OT_RATING_MAX + 1);

typedef struct
{
  GtkWidget     *toggles[OT_RATING_MAX + 1];
  GtkDropDown   *drop_down;
  OtScaleFunc    changed;
  gpointer       data;
  gboolean       setting;
} Scale;

static Scale *
get_scale (GtkWidget *scale)
{
  return g_object_get_data (G_OBJECT (scale), "ot-scale");
}

static void
scale_toggled_cb (GtkToggleButton *toggle,
                  GtkWidget       *scale)
{
  Scale *data = get_scale (scale);

  if (data->setting || !gtk_toggle_button_get_active (toggle))
    return;
  data->changed (scale, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (toggle), "ot-rating")), data->data);
}

static void
scale_selected_cb (GtkDropDown *drop_down,
                   GParamSpec  *pspec,
                   GtkWidget   *scale)
{
  Scale *data = get_scale (scale);
  guint selected = gtk_drop_down_get_selected (drop_down);

  if (data->setting || selected == GTK_INVALID_LIST_POSITION)
    return;
  /* The list starts with "Not rated", then the five steps. */
  data->changed (scale, (int) selected - 1, data->data);
}

/* Linked toggles take one Tab stop between them, as a radio group does:
 * the chosen one, or the first while none is, takes the focus, and the
 * arrow keys, Home and End choose another. */
static void
update_tab_stop (GtkWidget *box)
{
  GtkWidget *stop = gtk_widget_get_first_child (box);

  for (GtkWidget *child = stop; child; child = gtk_widget_get_next_sibling (child))
    if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (child)))
      stop = child;
  for (GtkWidget *child = gtk_widget_get_first_child (box); child; child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_focusable (child, child == stop);
}

static void
tab_stop_toggled_cb (GtkToggleButton *toggle,
                     GtkWidget       *box)
{
  update_tab_stop (box);
}

static gboolean
toggles_key_pressed_cb (GtkEventControllerKey *controller,
                        guint                  keyval,
                        guint                  keycode,
                        GdkModifierType        state,
                        GtkWidget             *box)
{
  GtkWidget *current = gtk_widget_get_focus_child (box);
  gboolean rtl = gtk_widget_get_direction (box) == GTK_TEXT_DIR_RTL;
  GtkWidget *target;

  if (current == NULL || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      target = rtl ? gtk_widget_get_next_sibling (current) : gtk_widget_get_prev_sibling (current);
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      target = rtl ? gtk_widget_get_prev_sibling (current) : gtk_widget_get_next_sibling (current);
      break;
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      target = gtk_widget_get_first_child (box);
      break;
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      target = gtk_widget_get_last_child (box);
      break;
    default:
      return FALSE;
    }

  /* At either end the focus stays, as in a radio group. */
  if (target != NULL)
    {
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (target), TRUE);
      gtk_widget_grab_focus (target);
    }
  return TRUE;
}

/* @box holds the toggles, all in one group. */
static void
make_one_tab_stop (GtkWidget *box)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  for (GtkWidget *child = gtk_widget_get_first_child (box); child; child = gtk_widget_get_next_sibling (child))
    g_signal_connect (child, "toggled", G_CALLBACK (tab_stop_toggled_cb), box);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (toggles_key_pressed_cb), box);
  gtk_widget_add_controller (box, keys);
  update_tab_stop (box);
}

/**
 * ot_values_scale_new:
 * @about: what is rated, for screen readers
 * @changed: called when the person picks a step, not when the view does
 *
 * The importance scale: five linked toggle buttons, one per step, of which
 * at most one is active, and one Tab stop, where the arrow keys choose a
 * step; on a window too narrow for them, a drop-down list of the same
 * steps takes their place.
 */
GtkWidget *
ot_values_scale_new (const char  *about,
                     OtScaleFunc  changed,
                     gpointer     user_data)
{
  GtkWidget *squeezer = adw_squeezer_new ();
  /* A group, not a plain box: GTK 4.14 and later give no name to the latter. */
  GtkWidget *box = g_object_new (GTK_TYPE_BOX, "accessible-role", GTK_ACCESSIBLE_ROLE_GROUP, NULL);
  g_autoptr(GtkStringList) steps = gtk_string_list_new (NULL);
  Scale *data = g_new0 (Scale, 1);

  data->changed = changed;
  data->data = user_data;
  g_object_set_data_full (G_OBJECT (squeezer), "ot-scale", data, g_free);
  adw_squeezer_set_switch_threshold_policy (ADW_SQUEEZER (squeezer), ADW_FOLD_THRESHOLD_POLICY_MINIMUM);
  adw_squeezer_set_transition_type (ADW_SQUEEZER (squeezer), ADW_SQUEEZER_TRANSITION_TYPE_NONE);
  adw_squeezer_set_xalign (ADW_SQUEEZER (squeezer), 0);
  gtk_widget_set_hexpand (squeezer, TRUE);

  gtk_box_set_homogeneous (GTK_BOX (box), TRUE);
  gtk_widget_add_css_class (box, "linked");
  gtk_widget_add_css_class (box, "ot-scale");
  gtk_widget_set_hexpand (box, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, about, -1);
  gtk_string_list_append (steps, _("Not rated"));

  for (int rating = 0; rating <= OT_RATING_MAX; rating++)
    {
      GtkWidget *button = gtk_toggle_button_new_with_label (_(scale_words[rating]));
      const char *words = ot_rating_to_string (rating);

      gtk_widget_set_tooltip_text (button, words);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, words,
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, about,
                                      -1);
      ot_compat_keep_own_name (button);
      g_object_set_data (G_OBJECT (button), "ot-rating", GINT_TO_POINTER (rating));
      if (rating > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), GTK_TOGGLE_BUTTON (data->toggles[0]));
      g_signal_connect (button, "toggled", G_CALLBACK (scale_toggled_cb), squeezer);
      gtk_box_append (GTK_BOX (box), button);
      data->toggles[rating] = button;
      gtk_string_list_append (steps, words);
    }

  make_one_tab_stop (box);

  data->drop_down = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&steps)), NULL));
  gtk_widget_set_halign (GTK_WIDGET (data->drop_down), GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (data->drop_down), GTK_ACCESSIBLE_PROPERTY_LABEL, about, -1);
  ot_compat_name_drop_down_button (data->drop_down, about);
  g_signal_connect (data->drop_down, "notify::selected", G_CALLBACK (scale_selected_cb), squeezer);

  adw_squeezer_add (ADW_SQUEEZER (squeezer), box);
  adw_squeezer_add (ADW_SQUEEZER (squeezer), GTK_WIDGET (data->drop_down));
  return squeezer;
}

void
ot_values_scale_set (GtkWidget *scale,
                     int        rating)
{
  Scale *data = get_scale (scale);

  data->setting = TRUE;
  for (int i = 0; i <= OT_RATING_MAX; i++)
    {
      GtkToggleButton *toggle = GTK_TOGGLE_BUTTON (data->toggles[i]);

      if (gtk_toggle_button_get_active (toggle) != (i == rating))
        gtk_toggle_button_set_active (toggle, i == rating);
    }
  gtk_drop_down_set_selected (data->drop_down, (guint) (rating + 1));
  data->setting = FALSE;
}

/**
 * ot_values_yes_no_new:
 * @about: the question, for screen readers
 *
 * A linked pair of "Yes" and "No" toggle buttons: one Tab stop, where the
 * arrow keys choose.
 */
GtkWidget *
ot_values_yes_no_new (const char *about,
                      GCallback   toggled,
                      gpointer    data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *yes = gtk_toggle_button_new_with_mnemonic (_("_Yes"));
  GtkWidget *no = gtk_toggle_button_new_with_mnemonic (_("_No"));

  gtk_box_set_homogeneous (GTK_BOX (box), TRUE);
  gtk_widget_add_css_class (box, "linked");
  gtk_widget_add_css_class (box, "ot-scale");
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (no), GTK_TOGGLE_BUTTON (yes));
  /* GTK 4.8 names a mnemonic button by its raw label ("_Yes") and by its
   * child label too; the child's "Yes" alone is the name. */
  gtk_accessible_reset_property (GTK_ACCESSIBLE (yes), GTK_ACCESSIBLE_PROPERTY_LABEL);
  gtk_accessible_reset_property (GTK_ACCESSIBLE (no), GTK_ACCESSIBLE_PROPERTY_LABEL);
  g_object_set_data (G_OBJECT (yes), "ot-answer", GINT_TO_POINTER (OT_ANSWER_YES));
  g_object_set_data (G_OBJECT (no), "ot-answer", GINT_TO_POINTER (OT_ANSWER_NO));
  gtk_accessible_update_property (GTK_ACCESSIBLE (yes),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, about, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (no),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, about, -1);
  g_signal_connect (yes, "toggled", toggled, data);
  g_signal_connect (no, "toggled", toggled, data);
  gtk_box_append (GTK_BOX (box), yes);
  gtk_box_append (GTK_BOX (box), no);
  make_one_tab_stop (box);

  return box;
}

void
ot_values_yes_no_set (GtkWidget *yes_no,
                      OtAnswer   answer)
{
  for (GtkWidget *child = gtk_widget_get_first_child (yes_no); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkToggleButton *toggle = GTK_TOGGLE_BUTTON (child);
      gboolean active = ot_values_toggle_get_answer (toggle) == answer;

      if (gtk_toggle_button_get_active (toggle) != active)
        gtk_toggle_button_set_active (toggle, active);
    }
}

OtAnswer
ot_values_toggle_get_answer (GtkToggleButton *toggle)
{
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (toggle), "ot-answer"));
}

GtkWidget *
ot_values_remove_button_new (const char *what,
                             GCallback   clicked,
                             gpointer    data)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *label = g_strdup_printf (_("Remove “%s”"), what);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Remove"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_signal_connect (button, "clicked", clicked, data);

  return button;
}

/* "Source: title — publisher. url", one line per source. */
char *
ot_values_format_sources (OtContent          *content,
                          const char * const *ids)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      const OtSource *source = ot_content_find_source (content, ids[i]);

      if (source == NULL)
        continue;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* Translators: a source of the text above: its title, who published it, and its address */
      g_string_append_printf (text, _("Source: %s — %s. %s"), source->title, source->publisher, source->url);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

void
ot_values_remove_rows (AdwPreferencesGroup *group,
                       GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, rows->pdata[i]);
  g_ptr_array_set_size (rows, 0);
}

gboolean
ot_values_has_focus_within (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}
