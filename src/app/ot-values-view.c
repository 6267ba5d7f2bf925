/* ot-values-view.c: What matters to me
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ot-values-view"

#include "config.h"

#include <glib/gi18n.h>

#include "ot-check-row.h"
#include "ot-compat.h"
#include "ot-in-view-frame.h"
#include "ot-own-answer.h"
#include "ot-rating-row.h"
#include "ot-text-limit.h"
#include "ot-values-view-private.h"

G_DEFINE_FINAL_TYPE (OtValuesView, ot_values_view, OT_TYPE_VIEW)

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

/* Values from the pack */

static void
value_rated_cb (OtRatingRow  *row,
                GParamSpec   *pspec,
                OtValuesView *self)
{
  GPtrArray *values = ot_content_get_values (get_content (self));
  const OtItem *value = values->pdata[ot_values_index_of (self->value_rows, row)];

  ot_worksheet_set_rating (get_worksheet (self), value->id, ot_rating_row_get_rating (row));
}

static void
build_values (OtValuesView *self)
{
  GPtrArray *values = ot_content_get_values (get_content (self));

  for (guint i = 0; i < values->len; i++)
    {
      const OtItem *item = values->pdata[i];
      GtkWidget *row = ot_rating_row_new (item->text, item->help);

      g_signal_connect (row, "notify::rating", G_CALLBACK (value_rated_cb), self);
      adw_preferences_group_add (self->values_group, row);
      g_ptr_array_add (self->value_rows, row);
    }
}

/* The person's own values */

static void
own_value_changed_cb (OtValuesView *self,
                      GParamSpec   *pspec,
                      OtOwnAnswer  *item)
{
  guint index;

  if (!g_list_store_find (self->own_values.store, item, &index))
    g_assert_not_reached ();
  ot_worksheet_set_own_value (get_worksheet (self), index, ot_own_answer_get_text (item),
                              ot_own_answer_get_rating (item));
}

/* The own values come first in their list. */
static void
own_value_remove_cb (GtkListBoxRow *row,
                     OtValuesView  *self)
{
  ot_worksheet_remove_own_value (get_worksheet (self), gtk_list_box_row_get_index (row));
}

static GtkWidget *
own_value_row_new (gpointer item,
                   gpointer data)
{
  GtkWidget *row;

  if (GTK_IS_WIDGET (item))
    return g_object_ref (item);

  row = ot_rating_row_new_own (item);
  g_signal_connect (row, "remove", G_CALLBACK (own_value_remove_cb), data);
  return row;
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
      ot_long_label_set_text (self->top_label, _("Rate the items above, and what matters most to you will show here."));
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
  ot_long_label_set_markup (self->top_label, markup->str);
}

/* Preferred role in deciding */

static void
role_toggled_cb (GtkCheckButton *check,
                 OtValuesView   *self)
{
  GPtrArray *roles = ot_content_get_roles (get_content (self));
  const OtItem *role = roles->pdata[ot_values_index_of (self->role_checks, check)];

  if (gtk_check_button_get_active (check))
    ot_worksheet_set_role (get_worksheet (self), role->id);
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

/* Adds a row with a check box in front, that the whole row toggles, and
 * keeps the check in @checks. */
static GtkCheckButton *
add_check_row (AdwPreferencesGroup *group,
               const char          *title,
               GCallback            toggled,
               gpointer             data,
               GPtrArray           *checks)
{
  GtkWidget *row = ot_check_row_new (title);
  GtkCheckButton *check = ot_check_row_get_check (OT_CHECK_ROW (row));

  g_signal_connect (check, "toggled", toggled, data);
  adw_preferences_group_add (group, row);
  g_ptr_array_add (checks, check);
  return check;
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
      GtkCheckButton *check = add_check_row (self->role_group, ((const OtItem *) roles->pdata[i])->text,
                                             G_CALLBACK (role_toggled_cb), self, self->role_checks);

      if (first != NULL)
        gtk_check_button_set_group (check, first);
      first = first ? first : check;
    }
}

static void
refresh_role (OtView *view)
{
  OtValuesView *self = OT_VALUES_VIEW (view);
  GPtrArray *roles = ot_content_get_roles (get_content (self));
  const char *role = ot_worksheet_get_role (get_worksheet (self));

  for (guint i = 0; i < self->role_checks->len; i++)
    {
      GtkCheckButton *check = self->role_checks->pdata[i];
      gboolean active = g_strcmp0 (((const OtItem *) roles->pdata[i])->id, role) == 0;

      if (gtk_check_button_get_active (check) != active)
        gtk_check_button_set_active (check, active);
    }
}

/* The SURE test */

static void
readiness_toggled_cb (GtkToggleButton *toggle,
                      OtValuesView    *self)
{
  GPtrArray *items = ot_content_get_readiness (get_content (self));
  const OtItem *item = items->pdata[ot_values_index_of (self->readiness_rows,
                                                        gtk_widget_get_parent (GTK_WIDGET (toggle)))];

  if (gtk_toggle_button_get_active (toggle))
    ot_worksheet_set_readiness (get_worksheet (self), item->id, ot_values_toggle_get_answer (toggle));
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
refresh_readiness (OtView *view)
{
  OtValuesView *self = OT_VALUES_VIEW (view);
  OtWorksheet *worksheet = get_worksheet (self);
  GPtrArray *items = ot_content_get_readiness (get_content (self));
  const char *result = NULL;

  for (guint i = 0; i < self->readiness_rows->len; i++)
    ot_values_yes_no_set (self->readiness_rows->pdata[i],
                          ot_worksheet_get_readiness (worksheet, ((const OtItem *) items->pdata[i])->id));

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
  GPtrArray *categories = ot_content_get_categories (get_content (self));
  const char *id = ((const OtCategory *) categories->pdata[ot_values_index_of (self->leaning_checks, check)])->id;
  const char * const *current = ot_worksheet_get_leaning (worksheet);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  gboolean active = gtk_check_button_get_active (check);
  g_auto(GStrv) leaning = NULL;

  /* Ids this view does not show (treatments, a later pack's) stay, and
   * so does this one where it is: a check set to what the worksheet says
   * changes nothing. */
  for (guint i = 0; current[i] != NULL; i++)
    if (active || !g_str_equal (current[i], id))
      g_strv_builder_add (builder, current[i]);
  if (active && !g_strv_contains (current, id))
    g_strv_builder_add (builder, id);
  leaning = g_strv_builder_end (builder);
  ot_worksheet_set_leaning (worksheet, (const char * const *) leaning);
}

static void refresh_leaning (OtView *view);

static void
not_sure_toggled_cb (OtValuesView *self)
{
  if (gtk_check_button_get_active (self->not_sure_check))
    ot_worksheet_set_leaning (get_worksheet (self), NULL);
  else
    /* "Not sure yet" is what no choice means: it goes off by choosing. */
    refresh_leaning (OT_VIEW (self));
}

static void
build_leaning (OtValuesView *self)
{
  GPtrArray *categories = ot_content_get_categories (get_content (self));

  for (guint i = 0; i < categories->len; i++)
    add_check_row (self->leaning_group, ((const OtCategory *) categories->pdata[i])->name,
                   G_CALLBACK (leaning_toggled_cb), self, self->leaning_checks);
}

static void
refresh_leaning (OtView *view)
{
  OtValuesView *self = OT_VALUES_VIEW (view);
  const char * const *leaning = ot_worksheet_get_leaning (get_worksheet (self));
  GPtrArray *categories = ot_content_get_categories (get_content (self));

  gtk_check_button_set_active (self->not_sure_check, leaning[0] == NULL);
  for (guint i = 0; i < self->leaning_checks->len; i++)
    gtk_check_button_set_active (self->leaning_checks->pdata[i],
                                 g_strv_contains (leaning, ((const OtCategory *) categories->pdata[i])->id));
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

  ot_worksheet_set_notes (get_worksheet (self), text);
}

static void
next_steps_changed_cb (GtkTextBuffer *buffer,
                       OtValuesView  *self)
{
  g_autofree char *text = buffer_get_text (buffer);

  ot_worksheet_set_next_steps (get_worksheet (self), text);
}

/* Setting a buffer's text empties it first: @changed, which writes the
 * buffer to the worksheet, must not hear that half. */
static void
sync_text_view (OtValuesView *self,
                GtkTextView  *view,
                const char   *value,
                GCallback     changed)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  g_autofree char *text = buffer_get_text (buffer);

  if (g_strcmp0 (text, value ? value : "") == 0)
    return;
  g_signal_handlers_block_by_func (buffer, changed, self);
  gtk_text_buffer_set_text (buffer, value ? value : "", -1);
  g_signal_handlers_unblock_by_func (buffer, changed, self);
}

static void
calendar_day_selected_cb (OtValuesView *self)
{
  g_autoptr(GDateTime) chosen = gtk_calendar_get_date (self->calendar);
  GDate date;

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
  g_autoptr(GDateTime) shown = gtk_calendar_get_date (self->calendar);
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
  /* Selecting a day is choosing it (day-selected): only when it differs. */
  if (g_date_time_get_year (shown) != g_date_get_year (date) || g_date_time_get_month (shown) != (int) g_date_get_month (date)
      || g_date_time_get_day_of_month (shown) != g_date_get_day (date))
    gtk_calendar_select_day (self->calendar, when);
}

static void
refresh_values (OtView *view)
{
  OtValuesView *self = OT_VALUES_VIEW (view);
  OtWorksheet *worksheet = get_worksheet (self);
  GPtrArray *values = ot_content_get_values (get_content (self));

  for (guint i = 0; i < self->value_rows->len; i++)
    ot_rating_row_set_rating (self->value_rows->pdata[i],
                              ot_worksheet_get_rating (worksheet, ((const OtItem *) values->pdata[i])->id));
  ot_values_sync_own (&self->own_values, ot_worksheet_get_own_values (worksheet));
  sync_top_values (self);
}

static void
refresh_notes (OtView *view)
{
  OtValuesView *self = OT_VALUES_VIEW (view);

  sync_text_view (self, self->notes_view, ot_worksheet_get_notes (get_worksheet (self)), G_CALLBACK (notes_changed_cb));
}

static void
refresh_next_steps (OtView *view)
{
  OtValuesView *self = OT_VALUES_VIEW (view);

  sync_text_view (self, self->next_steps_view, ot_worksheet_get_next_steps (get_worksheet (self)),
                  G_CALLBACK (next_steps_changed_cb));
  sync_next_visit (self);
}

/* Each part of the worksheet, and what shows it. */
static const struct
{
  const char    *part;
  OtViewRefresh  refresh;
} refreshes[] = {
  { OT_WORKSHEET_PART_VALUES, refresh_values },
  { OT_WORKSHEET_PART_ROLE, refresh_role },
  { OT_WORKSHEET_PART_READINESS, refresh_readiness },
  { OT_WORKSHEET_PART_QUESTIONS, ot_values_view_refresh_questions },
  { OT_WORKSHEET_PART_LEANING, refresh_leaning },
  { OT_WORKSHEET_PART_NOTES, refresh_notes },
  { OT_WORKSHEET_PART_NEXT_STEPS, refresh_next_steps },
};

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
  ot_values_bind_list (self->own_values_list, G_LIST_MODEL (self->own_values.store), GTK_WIDGET (self->add_value_row),
                       own_value_row_new, self);
  build_roles (self);
  build_readiness (self);
  ot_values_view_build_questions (self);
  build_leaning (self);

  for (guint i = 0; i < G_N_ELEMENTS (refreshes); i++)
    {
      refreshes[i].refresh (view);
      ot_view_follow (view, refreshes[i].part, refreshes[i].refresh, OT_VIEW_WHEN_SHOWN);
    }
}

static void
ot_values_view_dispose (GObject *object)
{
  OtValuesView *self = OT_VALUES_VIEW (object);

  ot_own_list_clear (&self->own_values);
  ot_own_list_clear (&self->own_questions);

  G_OBJECT_CLASS (ot_values_view_parent_class)->dispose (object);
}

static void
ot_values_view_finalize (GObject *object)
{
  OtValuesView *self = OT_VALUES_VIEW (object);

  g_ptr_array_unref (self->value_rows);
  g_ptr_array_unref (self->role_checks);
  g_ptr_array_unref (self->readiness_rows);
  g_ptr_array_unref (self->topic_rows);
  g_ptr_array_unref (self->question_items);
  g_ptr_array_unref (self->question_checks);
  g_ptr_array_unref (self->leaning_checks);
  g_object_unref (self->chosen_questions);

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

  g_type_ensure (OT_TYPE_IN_VIEW_FRAME);
  g_type_ensure (OT_TYPE_LONG_LABEL);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ot-values-view.ui");
  gtk_widget_class_bind_template_child (widget_class, OtValuesView, add_question_row);
  gtk_widget_class_bind_template_child (widget_class, OtValuesView, add_value_row);
  gtk_widget_class_bind_template_child (widget_class, OtValuesView, calendar);
  gtk_widget_class_bind_template_child (widget_class, OtValuesView, leaning_group);
  gtk_widget_class_bind_template_child (widget_class, OtValuesView, my_questions_list);
  gtk_widget_class_bind_template_child (widget_class, OtValuesView, next_steps_view);
  gtk_widget_class_bind_template_child (widget_class, OtValuesView, next_visit_row);
  gtk_widget_class_bind_template_child (widget_class, OtValuesView, not_sure_check);
  gtk_widget_class_bind_template_child (widget_class, OtValuesView, notes_view);
  gtk_widget_class_bind_template_child (widget_class, OtValuesView, own_values_list);
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

  self->value_rows = g_ptr_array_new ();
  self->role_checks = g_ptr_array_new ();
  self->readiness_rows = g_ptr_array_new ();
  self->topic_rows = g_ptr_array_new ();
  self->question_items = g_ptr_array_new ();
  self->question_checks = g_ptr_array_new ();
  self->leaning_checks = g_ptr_array_new ();
  ot_own_list_init (&self->own_values, self->own_values_list, G_CALLBACK (own_value_changed_cb), self);
  self->chosen_questions = g_list_store_new (OT_TYPE_OWN_ANSWER);
  ot_own_list_init (&self->own_questions, self->my_questions_list, G_CALLBACK (ot_values_view_own_question_changed_cb), self);

  g_signal_connect (gtk_text_view_get_buffer (self->notes_view), "changed",
                    G_CALLBACK (notes_changed_cb), self);
  g_signal_connect (gtk_text_view_get_buffer (self->next_steps_view), "changed",
                    G_CALLBACK (next_steps_changed_cb), self);
  ot_text_limit_text_view (self->notes_view, OT_TEXT_FIELD_NOTES);
  ot_text_limit_text_view (self->next_steps_view, OT_TEXT_FIELD_NEXT_STEPS);
  ot_text_limit_editable (GTK_EDITABLE (self->add_value_row), OT_TEXT_FIELD_OWN_VALUE);
  ot_text_limit_editable (GTK_EDITABLE (self->add_question_row), OT_TEXT_FIELD_OWN_QUESTION);
}
