/* ot-rating-scale.c: how important something is, on five steps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ot-rating-scale"

#include "config.h"

#include <glib/gi18n.h>

#include "ot-compat.h"
#include "ot-rating-scale.h"
#include "ot-worksheet.h"

struct _OtRatingScale
{
  AdwBin       parent_instance;

  GtkBox      *toggles;
  GtkDropDown *drop_down;

  int          rating;
};

G_DEFINE_FINAL_TYPE (OtRatingScale, ot_rating_scale, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_ABOUT,
  PROP_RATING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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

/**
 * ot_toggles_make_one_tab_stop:
 * @box: holds the toggles, all in one group
 *
 * Makes the toggles one Tab stop, where the arrow keys choose.
 */
void
ot_toggles_make_one_tab_stop (GtkWidget *box)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  g_return_if_fail (GTK_IS_BOX (box));

  for (GtkWidget *child = gtk_widget_get_first_child (box); child; child = gtk_widget_get_next_sibling (child))
    g_signal_connect (child, "toggled", G_CALLBACK (tab_stop_toggled_cb), box);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (toggles_key_pressed_cb), box);
  gtk_widget_add_controller (box, keys);
  update_tab_stop (box);
}

static void
toggled_cb (GtkToggleButton *toggle,
            OtRatingScale   *self)
{
  int rating = 0;

  if (!gtk_toggle_button_get_active (toggle))
    return;
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->toggles));
       child != GTK_WIDGET (toggle); child = gtk_widget_get_next_sibling (child))
    rating++;
  ot_rating_scale_set_rating (self, rating);
}

static void
selected_cb (OtRatingScale *self)
{
  guint selected = gtk_drop_down_get_selected (self->drop_down);

  /* The list starts with "Not rated", then the five steps. */
  if (selected != GTK_INVALID_LIST_POSITION)
    ot_rating_scale_set_rating (self, (int) selected - 1);
}

static void
ot_rating_scale_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  OtRatingScale *self = OT_RATING_SCALE (object);

  switch (prop_id)
    {
    case PROP_RATING:
      g_value_set_int (value, self->rating);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ot_rating_scale_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  OtRatingScale *self = OT_RATING_SCALE (object);

  switch (prop_id)
    {
    case PROP_ABOUT:
      ot_rating_scale_set_about (self, g_value_get_string (value));
      break;

    case PROP_RATING:
      ot_rating_scale_set_rating (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ot_rating_scale_class_init (OtRatingScaleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = ot_rating_scale_get_property;
  object_class->set_property = ot_rating_scale_set_property;

  /* What is rated, for screen readers. */
  properties[PROP_ABOUT] =
    g_param_spec_string ("about", NULL, NULL, NULL,
                         G_PARAM_WRITABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_RATING] =
    g_param_spec_int ("rating", NULL, NULL, OT_RATING_UNRATED, OT_RATING_MAX, OT_RATING_UNRATED,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ot-rating-scale.ui");
  gtk_widget_class_bind_template_child (widget_class, OtRatingScale, drop_down);
  gtk_widget_class_bind_template_child (widget_class, OtRatingScale, toggles);
  gtk_widget_class_bind_template_callback (widget_class, selected_cb);
}

static void
ot_rating_scale_init (OtRatingScale *self)
{
  g_autoptr(GtkStringList) steps = gtk_string_list_new (NULL);
  int rating = 0;

  self->rating = OT_RATING_UNRATED;
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The steps' words are the model's, as on paper. */
  gtk_string_list_append (steps, _("Not rated"));
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->toggles)); child;
       child = gtk_widget_get_next_sibling (child), rating++)
    {
      gtk_widget_set_tooltip_text (child, ot_rating_to_string (rating));
      gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, ot_rating_to_string (rating), -1);
      ot_compat_keep_own_name (child);
      gtk_string_list_append (steps, ot_rating_to_string (rating));
      g_signal_connect (child, "toggled", G_CALLBACK (toggled_cb), self);
    }
  g_signal_handlers_block_by_func (self->drop_down, selected_cb, self);
  gtk_drop_down_set_model (self->drop_down, G_LIST_MODEL (steps));
  g_signal_handlers_unblock_by_func (self->drop_down, selected_cb, self);
  ot_toggles_make_one_tab_stop (GTK_WIDGET (self->toggles));
}

int
ot_rating_scale_get_rating (OtRatingScale *self)
{
  g_return_val_if_fail (OT_IS_RATING_SCALE (self), OT_RATING_UNRATED);

  return self->rating;
}

/**
 * ot_rating_scale_set_rating:
 *
 * Shows @rating, a step or %OT_RATING_UNRATED.  The toggles and the list
 * follow; "rating" is notified only when it changes.
 */
void
ot_rating_scale_set_rating (OtRatingScale *self,
                            int            rating)
{
  int i = 0;

  g_return_if_fail (OT_IS_RATING_SCALE (self));
  g_return_if_fail (rating >= OT_RATING_UNRATED && rating <= OT_RATING_MAX);

  if (self->rating == rating)
    return;
  self->rating = rating;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->toggles)); child;
       child = gtk_widget_get_next_sibling (child), i++)
    if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (child)) != (i == rating))
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (child), i == rating);
  gtk_drop_down_set_selected (self->drop_down, (guint) (rating + 1));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RATING]);
}

void
ot_rating_scale_set_about (OtRatingScale *self,
                           const char    *about)
{
  g_return_if_fail (OT_IS_RATING_SCALE (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->toggles), GTK_ACCESSIBLE_PROPERTY_LABEL, about, -1);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->toggles)); child;
       child = gtk_widget_get_next_sibling (child))
    gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, about, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->drop_down), GTK_ACCESSIBLE_PROPERTY_LABEL, about, -1);
  ot_compat_name_drop_down_button (self->drop_down, about);
}
