/* ot-values-view.c: What matters to me
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ot-values-view"

#include "config.h"

#include <glib/gi18n.h>

#include "ot-check-row.h"
#include "ot-compat.h"
#include "ot-text-limit.h"
#include "ot-values-view-private.h"

G_DEFINE_FINAL_TYPE (OtValuesView, ot_values_view, OT_TYPE_VIEW)

static void ot_values_view_sync (OtValuesView *self);

static OtWorksheet *
get_worksheet (OtValuesView *self)
{
  return ot_view_get_worksheet (OT_VIEW (self));
}

static OtContent *
get_content (OtValuesView *self)
{
  return ot_view_get_content (OT_VIEW (self));
}

static GtkWidget *
wrapped_label (const char *text,
               const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* A row of its own: the title, a line of help, and the scale below them,
 * so the scale keeps its width on a narrow window. */
static GtkWidget *
rating_row_new (const char *title,
                GtkWidget  *heading,
                const char *help,
                GtkWidget  *scale)
{
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  /* The row does nothing itself: Tab goes straight to its buttons, and a
   * screen reader entering it hears what is rated. */
  gtk_widget_set_focusable (row, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), heading);
  if (help != NULL)
    gtk_box_append (GTK_BOX (box), wrapped_label (help, "dim-label"));
  gtk_widget_set_margin_top (scale, 6);
  gtk_box_append (GTK_BOX (box), scale);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  return row;
}

/* Values from the pack */

static void
value_rated_cb (GtkWidget *scale,
                int        rating,
                gpointer   data)
{
  OtValuesView *self = data;

  if (!self->syncing)
    ot_worksheet_set_rating (get_worksheet (self), g_object_get_data (G_OBJECT (scale), "ot-id"), rating);
}

static void
build_values (OtValuesView *self)
{
  GPtrArray *values = ot_content_get_values (get_content (self));

  for (guint i = 0; i < values->len; i++)
    {
      const OtItem *item = values->pdata[i];
      GtkWidget *scale = ot_values_scale_new (item->text, value_rated_cb, self);

      g_object_set_data (G_OBJECT (scale), "ot-id", (gpointer) item->id);
      adw_preferences_group_add (self->values_group,
                                 rating_row_new (item->text, wrapped_label (item->text, NULL), item->help, scale));
      g_ptr_array_add (self->value_scales, scale);
    }
}

/* The person's own values */

static guint
row_index (GtkWidget *widget)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "ot-index"));
}

static const OtOwnItem *
own_value (OtValuesView *self,
           guint         index)
{
  return ot_worksheet_get_own_values (get_worksheet (self))->pdata[index];
}

static void
own_value_rated_cb (GtkWidget *scale,
                    int        rating,
                    gpointer   data)
{
  OtValuesView *self = data;
  guint index = row_index (scale);

  if (!self->syncing)
    ot_worksheet_set_own_value (get_worksheet (self), index, own_value (self, index)->text, rating);
}

static void
own_value_changed_cb (GtkEditable  *entry,
                      OtValuesView *self)
{
  guint index = row_index (GTK_WIDGET (entry));

  if (self->syncing)
    return;
  ot_worksheet_set_own_value (get_worksheet (self), index, gtk_editable_get_text (entry),
                              own_value (self, index)->rating);
}

static void
own_value_remove_cb (GtkButton    *button,
                     OtValuesView *self)
{
  ot_worksheet_remove_own_value (get_worksheet (self), row_index (GTK_WIDGET (button)));
}

static GtkWidget *
own_value_row_new (OtValuesView    *self,
                   guint            index,
                   const OtOwnItem *item)
{
  GtkWidget *heading = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *remove = ot_values_remove_button_new (item->text, G_CALLBACK (own_value_remove_cb), self);
  GtkWidget *scale = ot_values_scale_new (item->text, own_value_rated_cb, self);
  GtkWidget *row;

  gtk_widget_set_hexpand (entry, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (entry), item->text);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Something that matters to you"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Something else that matters to you"), -1);
  g_signal_connect (entry, "changed", G_CALLBACK (own_value_changed_cb), self);
  ot_text_limit_editable (GTK_EDITABLE (entry), OT_TEXT_FIELD_OWN_VALUE);
  gtk_box_append (GTK_BOX (heading), entry);
  gtk_box_append (GTK_BOX (heading), remove);

  g_object_set_data (G_OBJECT (entry), "ot-index", GUINT_TO_POINTER (index));
  g_object_set_data (G_OBJECT (remove), "ot-index", GUINT_TO_POINTER (index));
  g_object_set_data (G_OBJECT (scale), "ot-index", GUINT_TO_POINTER (index));

  row = rating_row_new (item->text, heading, NULL, scale);
  g_object_set_data (G_OBJECT (row), "ot-entry", entry);
  g_object_set_data (G_OBJECT (row), "ot-scale", scale);
  return row;
}

static void
sync_own_values (OtValuesView *self)
{
  GPtrArray *own = ot_worksheet_get_own_values (get_worksheet (self));

  /* Rebuilt only when one is added or removed, so typing in a row keeps
   * its focus; the add row is moved back to the end. */
  if (own->len != self->own_value_rows->len)
    {
      gboolean refocus = ot_values_has_focus_within (GTK_WIDGET (self->add_value_row));

      ot_values_remove_rows (self->own_values_group, self->own_value_rows);
      g_object_ref (self->add_value_row);
      adw_preferences_group_remove (self->own_values_group, GTK_WIDGET (self->add_value_row));
      for (guint i = 0; i < own->len; i++)
        {
          GtkWidget *row = own_value_row_new (self, i, own->pdata[i]);

          adw_preferences_group_add (self->own_values_group, row);
          g_ptr_array_add (self->own_value_rows, row);
        }
      adw_preferences_group_add (self->own_values_group, GTK_WIDGET (self->add_value_row));
      g_object_unref (self->add_value_row);
      if (refocus)
        gtk_widget_grab_focus (GTK_WIDGET (self->add_value_row));
    }

  for (guint i = 0; i < own->len; i++)
    {
      const OtOwnItem *item = own->pdata[i];
      GtkWidget *row = self->own_value_rows->pdata[i];
      GtkEditable *entry = g_object_get_data (G_OBJECT (row), "ot-entry");

      if (g_strcmp0 (gtk_editable_get_text (entry), item->text) != 0)
        gtk_editable_set_text (entry, item->text);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item->text);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, item->text, -1);
      ot_values_scale_set (g_object_get_data (G_OBJECT (row), "ot-scale"), item->rating);
    }
}

static void
add_value_apply_cb (OtValuesView *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->add_value_row))));

  if (*text == '\0')
    return;
  /* At the limit the text stays in the row, not lost. */
  if (ot_worksheet_get_own_values (get_worksheet (self))->len >= OT_WORKSHEET_MAX_OWN)
    {
      ot_text_limit_tell (GTK_WIDGET (self->add_value_row), OT_TEXT_FIELD_OWN_VALUES);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->add_value_row), "");
  ot_worksheet_add_own_value (get_worksheet (self), text, OT_RATING_UNRATED);
}

static void
sync_top_values (OtValuesView *self)
{
  g_autoptr(GPtrArray) top = ot_worksheet_dup_top_values (get_worksheet (self), get_content (self));
  g_autoptr(GString) markup = NULL;

  if (top->len == 0)
    {
      gtk_label_set_text (self->top_label, _("Rate the items above, and what matters most to you will show here."));
      return;
    }

  /* The person's own words are escaped: they are not markup. */
  markup = g_string_new (NULL);
  g_string_append_printf (markup, "<b>%s</b>", _("What matters most to you:"));
  for (guint i = 0; i < top->len; i++)
    {
      g_autofree char *item = g_markup_escape_text (top->pdata[i], -1);

      g_string_append_printf (markup, "\n• %s", item);
    }
  gtk_label_set_markup (self->top_label, markup->str);
}

/* Preferred role in deciding */

static void
role_toggled_cb (GtkCheckButton *check,
                 OtValuesView   *self)
{
  if (self->syncing || !gtk_check_button_get_active (check))
    return;
  ot_worksheet_set_role (get_worksheet (self), g_object_get_data (G_OBJECT (check), "ot-id"));
}

/* An action row whose title is content text, never markup. */
static GtkWidget *
text_row_new (const char *title)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  return row;
}

/* A row with a check box in front that the whole row toggles. */
static GtkWidget *
check_row_new (const char      *title,
               const char      *id,
               GtkCheckButton  *group,
               GCallback        toggled,
               gpointer         data,
               GtkCheckButton **check_out)
{
  GtkWidget *row = ot_check_row_new (title);
  GtkCheckButton *check = ot_check_row_get_check (OT_CHECK_ROW (row));

  if (group != NULL)
    gtk_check_button_set_group (check, group);
  g_object_set_data (G_OBJECT (check), "ot-id", (gpointer) id);
  g_signal_connect (check, "toggled", toggled, data);
  *check_out = check;
  return row;
}

static void
build_roles (OtValuesView *self)
{
  OtContent *content = get_content (self);
  GPtrArray *roles = ot_content_get_roles (content);
  g_autofree char *source = ot_values_format_sources (content, ot_content_get_roles_source (content)->sources);
  const char *note = ot_content_get_instrument_note (content, OT_INSTRUMENT_ROLES);
  GtkCheckButton *first = NULL;

  gtk_label_set_text (self->role_source_label, source);
  if (note != NULL)
    {
      adw_preferences_group_set_description (self->role_group, note);
      return;
    }

  for (guint i = 0; i < roles->len; i++)
    {
      const OtItem *item = roles->pdata[i];
      GtkCheckButton *check;

      adw_preferences_group_add (self->role_group,
                                 check_row_new (item->text, item->id, first,
                                                G_CALLBACK (role_toggled_cb), self, &check));
      first = first ? first : check;
      g_ptr_array_add (self->role_checks, check);
    }
}

static void
sync_role (OtValuesView *self)
{
  const char *role = ot_worksheet_get_role (get_worksheet (self));

  for (guint i = 0; i < self->role_checks->len; i++)
    {
      GtkCheckButton *check = self->role_checks->pdata[i];
      gboolean active = g_strcmp0 (g_object_get_data (G_OBJECT (check), "ot-id"), role) == 0;

      if (gtk_check_button_get_active (check) != active)
        gtk_check_button_set_active (check, active);
    }
}

/* The SURE test */

static void
readiness_toggled_cb (GtkToggleButton *toggle,
                      OtValuesView    *self)
{
  const char *id = g_object_get_data (G_OBJECT (gtk_widget_get_parent (GTK_WIDGET (toggle))), "ot-id");

  if (self->syncing || !gtk_toggle_button_get_active (toggle))
    return;
  ot_worksheet_set_readiness (get_worksheet (self), id, ot_values_toggle_get_answer (toggle));
}

static void
build_readiness (OtValuesView *self)
{
  OtContent *content = get_content (self);
  GPtrArray *items = ot_content_get_readiness (content);
  g_autofree char *sources = ot_values_format_sources (content, ot_content_get_readiness_source (content)->sources);
  const char *note = ot_content_get_instrument_note (content, OT_INSTRUMENT_READINESS);
  g_autofree char *attribution = NULL;

  if (note != NULL)
    {
      adw_preferences_group_set_description (self->readiness_group, note);
      gtk_widget_set_visible (GTK_WIDGET (self->readiness_result_label), FALSE);
      gtk_label_set_text (self->readiness_source_label, sources);
      return;
    }

  for (guint i = 0; i < items->len; i++)
    {
      const OtItem *item = items->pdata[i];
      GtkWidget *row = text_row_new (item->text);
      GtkWidget *yes_no = ot_values_yes_no_new (item->text, G_CALLBACK (readiness_toggled_cb), self);

      /* One Tab stop per question: its answer, not the row around it. */
      gtk_widget_set_focusable (row, FALSE);
      g_object_set_data (G_OBJECT (yes_no), "ot-id", (gpointer) item->id);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), yes_no);
      adw_preferences_group_add (self->readiness_group, row);
      g_ptr_array_add (self->readiness_rows, yes_no);
    }

  /* The authors allow the test's use with citation and unchanged wording. */
  attribution = g_strdup_printf ("%s\n%s", _("The SURE test © O’Connor and Légaré, 2008, used with its wording unchanged."),
                                 sources);
  gtk_label_set_text (self->readiness_source_label, attribution);
}

static void
sync_readiness (OtValuesView *self)
{
  OtWorksheet *worksheet = get_worksheet (self);
  const char *result = NULL;

  for (guint i = 0; i < self->readiness_rows->len; i++)
    {
      GtkWidget *yes_no = self->readiness_rows->pdata[i];

      ot_values_yes_no_set (yes_no, ot_worksheet_get_readiness (worksheet, g_object_get_data (G_OBJECT (yes_no), "ot-id")));
    }

  switch (ot_worksheet_get_readiness_result (worksheet, get_content (self)))
    {
    case OT_READINESS_INCOMPLETE:
      result = _("Answer every question to see what your answers suggest.");
      break;

    case OT_READINESS_READY:
      result = _("You answered “yes” to every question. This suggests you feel ready to make this choice.");
      break;

    case OT_READINESS_UNSURE:
      result = _("You answered “no” to at least one question. This suggests you may want more information "
                 "or support before you decide. Many people feel this way; tell your care team what you need.");
      break;

    default:
      g_assert_not_reached ();
    }
  gtk_label_set_text (self->readiness_result_label, result);
}

/* Leaning */

static void
leaning_toggled_cb (GtkCheckButton *check,
                    OtValuesView   *self)
{
  OtWorksheet *worksheet = get_worksheet (self);
  const char *id = g_object_get_data (G_OBJECT (check), "ot-id");
  const char * const *current = ot_worksheet_get_leaning (worksheet);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) leaning = NULL;

  if (self->syncing)
    return;

  /* Ids this view does not show (treatments, a later pack's) stay. */
  for (guint i = 0; current[i] != NULL; i++)
    if (!g_str_equal (current[i], id))
      g_strv_builder_add (builder, current[i]);
  if (gtk_check_button_get_active (check))
    g_strv_builder_add (builder, id);
  leaning = g_strv_builder_end (builder);
  ot_worksheet_set_leaning (worksheet, (const char * const *) leaning);
}

static void
not_sure_toggled_cb (OtValuesView *self)
{
  if (self->syncing)
    return;
  if (gtk_check_button_get_active (self->not_sure_check))
    ot_worksheet_set_leaning (get_worksheet (self), NULL);
  else
    /* "Not sure yet" is what no choice means: it goes off by choosing. */
    ot_values_view_sync (self);
}

static void
build_leaning (OtValuesView *self)
{
  GPtrArray *categories = ot_content_get_categories (get_content (self));

  for (guint i = 0; i < categories->len; i++)
    {
      const OtCategory *category = categories->pdata[i];
      GtkCheckButton *check;

      adw_preferences_group_add (self->leaning_group,
                                 check_row_new (category->name, category->id, NULL,
                                                G_CALLBACK (leaning_toggled_cb), self, &check));
      g_ptr_array_add (self->leaning_checks, check);
    }
}

static void
sync_leaning (OtValuesView *self)
{
  const char * const *leaning = ot_worksheet_get_leaning (get_worksheet (self));

  gtk_check_button_set_active (self->not_sure_check, leaning[0] == NULL);
  for (guint i = 0; i < self->leaning_checks->len; i++)
    {
      GtkCheckButton *check = self->leaning_checks->pdata[i];

      gtk_check_button_set_active (check, g_strv_contains (leaning, g_object_get_data (G_OBJECT (check), "ot-id")));
    }
}

/* Notes, next steps and the next visit */

static char *
buffer_get_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
notes_changed_cb (GtkTextBuffer *buffer,
                  OtValuesView  *self)
{
  g_autofree char *text = buffer_get_text (buffer);

  if (!self->syncing)
    ot_worksheet_set_notes (get_worksheet (self), text);
}

static void
next_steps_changed_cb (GtkTextBuffer *buffer,
                       OtValuesView  *self)
{
  g_autofree char *text = buffer_get_text (buffer);

  if (!self->syncing)
    ot_worksheet_set_next_steps (get_worksheet (self), text);
}

static void
sync_text_view (GtkTextView *view,
                const char  *value)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  g_autofree char *text = buffer_get_text (buffer);

  if (g_strcmp0 (text, value ? value : "") != 0)
    gtk_text_buffer_set_text (buffer, value ? value : "", -1);
}

static void
calendar_day_selected_cb (OtValuesView *self)
{
  g_autoptr(GDateTime) chosen = gtk_calendar_get_date (self->calendar);
  GDate date;

  if (self->syncing)
    return;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (chosen), g_date_time_get_month (chosen),
                  g_date_time_get_year (chosen));
  ot_worksheet_set_next_visit (get_worksheet (self), &date);
  gtk_popover_popdown (self->visit_popover);
}

static void
clear_visit_clicked_cb (OtValuesView *self)
{
  ot_worksheet_set_next_visit (get_worksheet (self), NULL);
  gtk_popover_popdown (self->visit_popover);
}

static void
sync_next_visit (OtValuesView *self)
{
  const GDate *date = ot_worksheet_get_next_visit (get_worksheet (self));
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *text = NULL;

  if (!g_date_valid (date))
    {
      adw_action_row_set_subtitle (self->next_visit_row, _("Not set"));
      return;
    }

  when = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date), g_date_get_day (date), 12, 0, 0);
  /* Translators: the date of the next visit; see g_date_time_format() */
  text = g_date_time_format (when, _("%A, %-d %B %Y"));
  adw_action_row_set_subtitle (self->next_visit_row, text);
  gtk_calendar_select_day (self->calendar, when);
}

/* Copies the whole worksheet into the widgets. */
static void
ot_values_view_sync (OtValuesView *self)
{
  OtWorksheet *worksheet = get_worksheet (self);

  self->syncing = TRUE;

  for (guint i = 0; i < self->value_scales->len; i++)
    {
      GtkWidget *scale = self->value_scales->pdata[i];

      ot_values_scale_set (scale, ot_worksheet_get_rating (worksheet, g_object_get_data (G_OBJECT (scale), "ot-id")));
    }
  sync_own_values (self);
  sync_top_values (self);
  sync_role (self);
  sync_readiness (self);
  ot_values_view_sync_questions (self);
  sync_leaning (self);
  sync_text_view (self->notes_view, ot_worksheet_get_notes (worksheet));
  sync_text_view (self->next_steps_view, ot_worksheet_get_next_steps (worksheet));
  sync_next_visit (self);

  self->syncing = FALSE;
}

static void
add_question_apply_cb (OtValuesView *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->add_question_row))));

  if (*text == '\0')
    return;
  if (ot_worksheet_get_own_questions (get_worksheet (self))->len >= OT_WORKSHEET_MAX_OWN)
    {
      ot_text_limit_tell (GTK_WIDGET (self->add_question_row), OT_TEXT_FIELD_OWN_QUESTIONS);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->add_question_row), "");
  ot_worksheet_add_own_question (get_worksheet (self), text);
}

static void
ot_values_view_build (OtView *view)
{
  OtValuesView *self = OT_VALUES_VIEW (view);

  build_values (self);
  build_roles (self);
  build_readiness (self);
  ot_values_view_build_questions (self);
  build_leaning (self);

  self->changed_id = g_signal_connect_swapped (get_worksheet (self), "changed",
                                               G_CALLBACK (ot_values_view_sync), self);
  ot_values_view_sync (self);
}

static void
ot_values_view_dispose (GObject *object)
{
  OtValuesView *self = OT_VALUES_VIEW (object);
  OtWorksheet *worksheet = get_worksheet (self);

  if (worksheet != NULL)
    g_clear_signal_handler (&self->changed_id, worksheet);

  G_OBJECT_CLASS (ot_values_view_parent_class)->dispose (object);
}

static void
ot_values_view_finalize (GObject *object)
{
  OtValuesView *self = OT_VALUES_VIEW (object);

  g_ptr_array_unref (self->value_scales);
  g_ptr_array_unref (self->own_value_rows);
  g_ptr_array_unref (self->role_checks);
  g_ptr_array_unref (self->readiness_rows);
  g_ptr_array_unref (self->topic_rows);
  g_ptr_array_unref (self->question_checks);
  g_ptr_array_unref (self->my_question_rows);
  g_ptr_array_unref (self->leaning_checks);
  g_free (self->my_questions_shown);

  G_OBJECT_CLASS (ot_values_view_parent_class)->finalize (object);
}

static void
ot_values_view_class_init (OtValuesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  OtViewClass *view_class = OT_VIEW_CLASS (klass);

  object_class->dispose = ot_values_view_dispose;
  object_class->finalize = ot_values_view_finalize;

  view_class->build = ot_values_view_build;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ot-values-view.ui");
  gtk_widget_class_bind_template_child (widget_class, OtValuesView, add_question_row);
  gtk_widget_class_bind_template_child (widget_class, OtValuesView, add_value_row);
  gtk_widget_class_bind_template_child (widget_class, OtValuesView, calendar);
  gtk_widget_class_bind_template_child (widget_class, OtValuesView, leaning_group);
  gtk_widget_class_bind_template_child (widget_class, OtValuesView, my_questions_group);
  gtk_widget_class_bind_template_child (widget_class, OtValuesView, next_steps_view);
  gtk_widget_class_bind_template_child (widget_class, OtValuesView, next_visit_row);
  gtk_widget_class_bind_template_child (widget_class, OtValuesView, not_sure_check);
  gtk_widget_class_bind_template_child (widget_class, OtValuesView, notes_view);
  gtk_widget_class_bind_template_child (widget_class, OtValuesView, own_values_group);
  gtk_widget_class_bind_template_child (widget_class, OtValuesView, readiness_group);
  gtk_widget_class_bind_template_child (widget_class, OtValuesView, readiness_result_label);
  gtk_widget_class_bind_template_child (widget_class, OtValuesView, readiness_source_label);
  gtk_widget_class_bind_template_child (widget_class, OtValuesView, role_group);
  gtk_widget_class_bind_template_child (widget_class, OtValuesView, role_source_label);
  gtk_widget_class_bind_template_child (widget_class, OtValuesView, top_label);
  gtk_widget_class_bind_template_child (widget_class, OtValuesView, topics_group);
  gtk_widget_class_bind_template_child (widget_class, OtValuesView, values_group);
  gtk_widget_class_bind_template_child (widget_class, OtValuesView, visit_button);
  gtk_widget_class_bind_template_child (widget_class, OtValuesView, visit_popover);
  gtk_widget_class_bind_template_callback (widget_class, add_question_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_value_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, calendar_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_visit_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, not_sure_toggled_cb);
}

/* The view's few style rules, loaded once for the display. */
static void
ensure_style (GtkWidget *widget)
{
  static GtkCssProvider *provider;

  if (provider != NULL)
    return;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, RESOURCE_PREFIX "/ot-values-view.css");
  gtk_style_context_add_provider_for_display (gtk_widget_get_display (widget), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
ot_values_view_init (OtValuesView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  ensure_style (GTK_WIDGET (self));
  ot_compat_name_calendar_arrows (self->calendar);
  ot_compat_keep_own_name (GTK_WIDGET (self->visit_button));

  self->value_scales = g_ptr_array_new ();
  self->own_value_rows = g_ptr_array_new ();
  self->role_checks = g_ptr_array_new ();
  self->readiness_rows = g_ptr_array_new ();
  self->topic_rows = g_ptr_array_new ();
  self->question_checks = g_ptr_array_new ();
  self->my_question_rows = g_ptr_array_new ();
  self->leaning_checks = g_ptr_array_new ();

  g_signal_connect (gtk_text_view_get_buffer (self->notes_view), "changed",
                    G_CALLBACK (notes_changed_cb), self);
  g_signal_connect (gtk_text_view_get_buffer (self->next_steps_view), "changed",
                    G_CALLBACK (next_steps_changed_cb), self);
  ot_text_limit_text_view (self->notes_view, OT_TEXT_FIELD_NOTES);
  ot_text_limit_text_view (self->next_steps_view, OT_TEXT_FIELD_NEXT_STEPS);
  ot_text_limit_editable (GTK_EDITABLE (self->add_value_row), OT_TEXT_FIELD_OWN_VALUE);
  ot_text_limit_editable (GTK_EDITABLE (self->add_question_row), OT_TEXT_FIELD_OWN_QUESTION);
}
