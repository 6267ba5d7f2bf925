/* ot-situation-view.c: stage, spread, tumor side, test results
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ot-situation-view"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ot-check-row.h"
#include "ot-checks-notice.h"
#include "ot-fit.h"
#include "ot-situation-view.h"
#include "ot-text-limit.h"
#include "ot-text-widgets.h"

struct _OtSituationView
{
  OtView               parent_instance;

  /* Rows built from the content pack. */
  GPtrArray           *site_checks;       /* GtkCheckButton, in OtSites bit order */
  GPtrArray           *biomarker_rows;    /* AdwComboRow, one per pack biomarker */
  GtkWidget           *survival_topic;
  gulong               first_frame_id;
  guint                details_idle_id;
  guint                opening;           /* a list waits for its row to be in view */

  /* The first screen, from the template. */
  AdwPreferencesPage  *page;
  OtChecksNotice      *checks_notice;
  AdwBin              *decision_sources;
  GtkLabel            *decision_label;
  AdwExpanderRow      *sites_row;
  AdwComboRow         *substage_row;
  GtkButton           *use_suggestion_button;

  /* The groups below it, from ot-situation-details.ui once the window is
   * up; NULL before. */
  AdwPreferencesGroup *about_group;
  AdwPreferencesGroup *biomarker_group;
  AdwEntryRow         *clinician_row;
  AdwComboRow         *lines_row;
  AdwEntryRow         *patient_row;
  AdwComboRow         *side_row;
  GtkSwitch           *survival_switch;
};

static void biomarker_selected_cb (AdwComboRow     *row,
                                   GParamSpec      *pspec,
                                   OtSituationView *self);

G_DEFINE_FINAL_TYPE (OtSituationView, ot_situation_view, OT_TYPE_VIEW)

/* The order of the side combo's items. */
static const OtSide sides[] = { OT_SIDE_UNKNOWN, OT_SIDE_RIGHT, OT_SIDE_LEFT, OT_SIDE_RECTUM };

/* Result ids in the order of a biomarker row's items: not tested, each
 * result of the pack, not sure. */
static const char *
result_at (const OtBiomarker *biomarker,
           guint              index)
{
  if (index == 0)
    return OT_RESULT_NOT_TESTED;
  if (index <= biomarker->results->len)
    return ((OtResult *) biomarker->results->pdata[index - 1])->id;
  return OT_RESULT_NOT_SURE;
}

static guint
index_of_result (const OtBiomarker *biomarker,
                 const char        *result)
{
  for (guint i = 0; i <= biomarker->results->len + 1; i++)
    if (g_str_equal (result_at (biomarker, i), result))
      return i;
  return 0;
}

static void
sync_substage (OtSituationView *self,
               OtWorksheet     *worksheet)
{
  OtSubstage substage = ot_worksheet_get_substage (worksheet);
  OtSubstage suggested = ot_worksheet_suggest_substage (worksheet);
  const OtTopic *topic = ot_substage_find_topic (substage, ot_view_get_content (OT_VIEW (self)));

  adw_combo_row_set_selected (self->substage_row, substage);

  if (topic != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->substage_row),
                                 ((OtText *) topic->paras->pdata[0])->text);
  else if (substage == OT_SUBSTAGE_NOT_SURE)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->substage_row),
                                 _("Your oncologist can tell you from your scans."));
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->substage_row),
                                 _("Choose it, or mark below where the cancer has spread."));

  /* Offer the stage the places of spread point to; never change it unasked. */
  if (suggested != OT_SUBSTAGE_UNSET && suggested != substage)
    {
      g_autofree char *label = g_strdup_printf (_("Use %s"), ot_substage_to_string (suggested));

      gtk_button_set_label (self->use_suggestion_button, label);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->use_suggestion_button),
                                   _("Suggested from where the cancer has spread"));
      gtk_widget_set_visible (GTK_WIDGET (self->use_suggestion_button), TRUE);
    }
  else
    {
      gtk_widget_set_visible (GTK_WIDGET (self->use_suggestion_button), FALSE);
    }
}

static void
sync_biomarker_row (OtSituationView   *self,
                    AdwComboRow       *row,
                    const OtBiomarker *biomarker,
                    OtWorksheet       *worksheet)
{
  const char *result = ot_worksheet_get_biomarker (worksheet, biomarker->id);
  const OtResult *known = ot_fit_find_result (worksheet, biomarker);

  /* A result the pack cannot read shows as "not tested" without becoming
   * it: the row's choice is not written back. */
  g_signal_handlers_block_by_func (row, biomarker_selected_cb, self);
  adw_combo_row_set_selected (row, index_of_result (biomarker, result));
  g_signal_handlers_unblock_by_func (row, biomarker_selected_cb, self);
  /* A result the pack cannot read shows as "not tested", which is how the
   * fits count it; the subtitle says why. */
  if (known == NULL && !g_str_equal (result, OT_RESULT_NOT_TESTED) && !g_str_equal (result, OT_RESULT_NOT_SURE))
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                 _("The result in the file could not be read, so it counts as not known. "
                                   "Please choose it again."));
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                 known ? known->meaning.text : biomarker->measures.text);
}

/* The groups below the first screen, once they are made. */
static void
sync_details (OtSituationView *self,
              OtWorksheet     *worksheet)
{
  for (guint i = 0; i < G_N_ELEMENTS (sides); i++)
    if (sides[i] == ot_worksheet_get_side (worksheet))
      adw_combo_row_set_selected (self->side_row, i);
  adw_combo_row_set_selected (self->lines_row, ot_worksheet_get_prior_lines (worksheet));

  GPtrArray *biomarkers = ot_content_get_biomarkers (ot_view_get_content (OT_VIEW (self)));

  for (guint i = 0; i < self->biomarker_rows->len; i++)
    sync_biomarker_row (self, self->biomarker_rows->pdata[i], biomarkers->pdata[i], worksheet);

  gtk_switch_set_active (self->survival_switch, ot_worksheet_get_show_survival (worksheet));
  if (self->survival_topic != NULL)
    gtk_widget_set_visible (self->survival_topic, ot_worksheet_get_show_survival (worksheet));
}

/* Each widget writes back only its own answer, which the worksheet
 * ignores when it is the same: setting a widget to the worksheet's value
 * changes nothing, so the view needs no guard against its own echo. */
static void
refresh_situation (OtView *view)
{
  OtSituationView *self = OT_SITUATION_VIEW (view);
  OtWorksheet *worksheet = ot_view_get_worksheet (view);
  guint sites = ot_worksheet_get_sites (worksheet);

  ot_checks_notice_update (self->checks_notice, ot_view_get_content (view), worksheet);
  sync_substage (self, worksheet);
  for (guint i = 0; i < self->site_checks->len; i++)
    gtk_check_button_set_active (self->site_checks->pdata[i], (sites & (1u << i)) != 0);
  if (self->side_row != NULL)
    sync_details (self, worksheet);
}

static void patient_changed_cb   (OtSituationView *self);
static void clinician_changed_cb (OtSituationView *self);

/* Rewriting an entry the person is typing in would move the cursor.  The
 * entry is emptied before the new text goes in: its own handler must not
 * hear that, or it would write the empty name back and free @text. */
static void
sync_entry (OtSituationView *self,
            AdwEntryRow     *row,
            GCallback        changed_cb,
            const char      *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text ? text : "") == 0)
    return;
  g_signal_handlers_block_by_func (row, changed_cb, self);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  g_signal_handlers_unblock_by_func (row, changed_cb, self);
}

static void
refresh_names (OtView *view)
{
  OtSituationView *self = OT_SITUATION_VIEW (view);
  OtWorksheet *worksheet = ot_view_get_worksheet (view);

  if (self->patient_row == NULL)
    return;
  sync_entry (self, self->patient_row, G_CALLBACK (patient_changed_cb), ot_worksheet_get_patient_name (worksheet));
  sync_entry (self, self->clinician_row, G_CALLBACK (clinician_changed_cb),
              ot_worksheet_get_clinician_name (worksheet));
}

static void
substage_selected_cb (OtSituationView *self)
{
  ot_worksheet_set_substage (ot_view_get_worksheet (OT_VIEW (self)),
                             adw_combo_row_get_selected (self->substage_row));
}

static void
use_suggestion_clicked_cb (OtSituationView *self)
{
  OtWorksheet *worksheet = ot_view_get_worksheet (OT_VIEW (self));

  ot_worksheet_set_substage (worksheet, ot_worksheet_suggest_substage (worksheet));
}

/* A check sets or clears its own place only. */
static void
site_toggled_cb (OtSituationView *self,
                 GtkCheckButton  *check)
{
  OtWorksheet *worksheet = ot_view_get_worksheet (OT_VIEW (self));
  guint sites = ot_worksheet_get_sites (worksheet);
  guint index;

  if (!g_ptr_array_find (self->site_checks, check, &index))
    g_assert_not_reached ();
  if (gtk_check_button_get_active (check))
    sites |= 1u << index;
  else
    sites &= ~(1u << index);
  ot_worksheet_set_sites (worksheet, sites);
}

static void
side_selected_cb (OtSituationView *self)
{
  guint selected = adw_combo_row_get_selected (self->side_row);

  if (selected < G_N_ELEMENTS (sides))
    ot_worksheet_set_side (ot_view_get_worksheet (OT_VIEW (self)), sides[selected]);
}

static void
lines_selected_cb (OtSituationView *self)
{
  ot_worksheet_set_prior_lines (ot_view_get_worksheet (OT_VIEW (self)),
                                adw_combo_row_get_selected (self->lines_row));
}

static void
biomarker_selected_cb (AdwComboRow     *row,
                       GParamSpec      *pspec,
                       OtSituationView *self)
{
  GPtrArray *biomarkers = ot_content_get_biomarkers (ot_view_get_content (OT_VIEW (self)));
  const OtBiomarker *biomarker;
  guint index;

  if (!g_ptr_array_find (self->biomarker_rows, row, &index))
    g_assert_not_reached ();
  biomarker = biomarkers->pdata[index];
  ot_worksheet_set_biomarker (ot_view_get_worksheet (OT_VIEW (self)), biomarker->id,
                              result_at (biomarker, adw_combo_row_get_selected (row)));
}

static void
survival_active_cb (OtSituationView *self)
{
  ot_worksheet_set_show_survival (ot_view_get_worksheet (OT_VIEW (self)),
                                  gtk_switch_get_active (self->survival_switch));
}

static void
patient_changed_cb (OtSituationView *self)
{
  ot_worksheet_set_patient_name (ot_view_get_worksheet (OT_VIEW (self)),
                                 gtk_editable_get_text (GTK_EDITABLE (self->patient_row)));
}

static void
clinician_changed_cb (OtSituationView *self)
{
  ot_worksheet_set_clinician_name (ot_view_get_worksheet (OT_VIEW (self)),
                                   gtk_editable_get_text (GTK_EDITABLE (self->clinician_row)));
}

/* A topic's text is laid out only once it is opened, then the row stops
 * listening: the page opens fast with every topic closed. */
static void
topic_expanded_cb (AdwExpanderRow *row,
                   GParamSpec     *pspec,
                   const OtTopic  *topic)
{
  OtView *view = OT_VIEW (gtk_widget_get_ancestor (GTK_WIDGET (row), OT_TYPE_VIEW));

  if (!adw_expander_row_get_expanded (row))
    return;

  adw_expander_row_add_row (row, ot_text_widgets_paragraphs (ot_view_get_content (view), topic->paras));
  g_signal_handlers_disconnect_by_func (row, topic_expanded_cb, (gpointer) topic);
}

/* The opening: the decision in plain words, one line of sources under it. */
static void
build_decision (OtSituationView *self,
                OtContent       *content)
{
  const OtTopic *decision = ot_content_find_topic (content, "decision");
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();

  if (decision == NULL)
    return;

  /* Each source once. */
  for (guint i = 0; i < decision->paras->len; i++)
    {
      const OtText *para = decision->paras->pdata[i];

      g_string_append_printf (text, "%s%s", i ? "\n\n" : "", para->text);
      for (guint j = 0; para->sources[j]; j++)
        if (!g_ptr_array_find_with_equal_func (ids, para->sources[j], g_str_equal, NULL))
          g_ptr_array_add (ids, (gpointer) para->sources[j]);
    }
  gtk_label_set_text (self->decision_label, text->str);
  g_ptr_array_add (ids, NULL);
  adw_bin_set_child (self->decision_sources,
                     ot_text_widgets_sources (content, (const char * const *) ids->pdata));
}

/* The other topics, each a row that opens to its text. */
static void
build_topics (OtSituationView *self,
              OtContent       *content)
{
  GPtrArray *topics = ot_content_get_topics (content);

  for (guint i = 0; i < topics->len; i++)
    {
      const OtTopic *topic = topics->pdata[i];
      GtkWidget *row;

      if (g_str_equal (topic->id, "decision"))
        continue;

      row = adw_expander_row_new ();
      /* The pack's words, shown as written: never read as markup. */
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), topic->title);
      g_signal_connect (row, "notify::expanded", G_CALLBACK (topic_expanded_cb), (gpointer) topic);
      adw_preferences_group_add (self->about_group, row);

      /* Survival numbers only once the person has asked for them. */
      if (g_str_equal (topic->id, "survival"))
        self->survival_topic = row;
    }
}

/* The places of spread are made when their row is first opened: closed,
 * they would still be measured at every layout. */
static void
sites_expanded_cb (OtSituationView *self)
{
  guint sites = ot_worksheet_get_sites (ot_view_get_worksheet (OT_VIEW (self)));

  if (self->site_checks->len > 0 || !adw_expander_row_get_expanded (self->sites_row))
    return;

  for (guint i = 0; i < OT_N_SITES; i++)
    {
      GtkWidget *row = ot_check_row_new (ot_site_to_string (1u << i));
      GtkCheckButton *check = ot_check_row_get_check (OT_CHECK_ROW (row));

      gtk_check_button_set_active (check, (sites & (1u << i)) != 0);
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (site_toggled_cb), self);
      adw_expander_row_add_row (self->sites_row, row);
      g_ptr_array_add (self->site_checks, check);
    }
}

/* A combo row's value in full.  libadwaita's own value shortens to "…"
 * when the row's subtitle is long, where the subtitle could wrap instead:
 * the person would not see what was chosen. */
static void
value_setup_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item)
{
  gtk_list_item_set_child (item, gtk_label_new (NULL));
}

static void
value_bind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item)
{
  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)),
                       gtk_string_object_get_string (gtk_list_item_get_item (item)));
}

/* libadwaita's items in the list that opens shorten a choice to twenty
 * characters and "…": the choices of a test result are longer.  They
 * wrap instead. */
static void
list_item_setup_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item)
{
  GtkWidget *label = gtk_list_item_get_child (item);

  if (label != NULL && !GTK_IS_LABEL (label))
    for (label = gtk_widget_get_first_child (label); label != NULL && !GTK_IS_LABEL (label);
         label = gtk_widget_get_next_sibling (label))
      ;
  if (label == NULL)
    return;

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_NONE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
}

/* A combo row's list opened by its mnemonic, with the row out of the
 * scrolled page (above it, or below it as "Where It Started" is once the
 * places of spread are shown): GTK 4.12 and later scroll to the row in an
 * animation, and GTK 4.18 closes a list at once that opens while its row
 * is still off the window, where it does not fit (seen with GTK 4.18.6:
 * the list opened 45 pixels high and closed).  The row is scrolled into
 * view first, without animation, and its list opens in the first frame
 * laid out with the row in place. */
#define OPEN_WAIT_FRAMES 30

typedef struct
{
  OtSituationView *view;
  GtkWidget       *viewport;
  GtkWidget       *content;
  guint            frames;
} OpenInView;

static void
open_in_view_free (gpointer data)
{
  OpenInView *wait = data;

  wait->view->opening = 0;
  g_free (wait);
}

static gboolean
open_when_in_place_cb (GtkWidget     *row,
                       GdkFrameClock *clock,
                       gpointer       user_data)
{
  OpenInView *wait = user_data;
  GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (wait->viewport));
  graphene_rect_t in_content, shown;

  if (!gtk_widget_compute_bounds (row, wait->content, &in_content)
      || !gtk_widget_compute_bounds (row, wait->viewport, &shown))
    return G_SOURCE_REMOVE;
  /* The page is not yet laid out at the scrolled place. */
  if (fabs (in_content.origin.y - gtk_adjustment_get_value (vadjustment) - shown.origin.y) >= 1
      && ++wait->frames < OPEN_WAIT_FRAMES)
    return G_SOURCE_CONTINUE;

  gtk_widget_activate (row);
  return G_SOURCE_REMOVE;
}

static gboolean
open_in_view_cb (GtkWidget       *row,
                 gboolean         group_cycling,
                 OtSituationView *self)
{
  GtkWidget *viewport = gtk_widget_get_ancestor (row, GTK_TYPE_VIEWPORT);
  GtkWidget *content = viewport ? gtk_viewport_get_child (GTK_VIEWPORT (viewport)) : NULL;
  GtkAdjustment *vadjustment;
  graphene_rect_t bounds;
  double top, page;
  OpenInView *wait;

  /* Pressed again while a list waits: the adjustment is already at the
   * row, but the page is not yet laid out there. */
  if (self->opening != 0)
    return TRUE;
  if (group_cycling || content == NULL || !gtk_widget_compute_bounds (row, content, &bounds))
    return FALSE;

  vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (viewport));
  top = gtk_adjustment_get_value (vadjustment);
  page = gtk_adjustment_get_page_size (vadjustment);
  if (bounds.origin.y >= top && bounds.origin.y + bounds.size.height <= top + page)
    return FALSE;

  /* As little scrolling as shows the whole row, or its top. */
  if (bounds.origin.y < top || bounds.size.height > page)
    gtk_adjustment_set_value (vadjustment, bounds.origin.y);
  else
    gtk_adjustment_set_value (vadjustment, bounds.origin.y + bounds.size.height - page);

  wait = g_new0 (OpenInView, 1);
  wait->view = self;
  wait->viewport = viewport;
  wait->content = content;
  self->opening = gtk_widget_add_tick_callback (row, open_when_in_place_cb, wait, open_in_view_free);
  return TRUE;
}

static void
open_in_view (OtSituationView *self,
              AdwComboRow     *row)
{
  g_signal_connect (row, "mnemonic-activate", G_CALLBACK (open_in_view_cb), self);
}

static void
show_whole_value (AdwComboRow *row)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkListItemFactory *list_factory = adw_combo_row_get_factory (row);

  g_signal_connect (factory, "setup", G_CALLBACK (value_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (value_bind_cb), NULL);
  /* The list that opens keeps libadwaita's items, which tick the chosen one. */
  if (GTK_IS_SIGNAL_LIST_ITEM_FACTORY (list_factory))
    g_signal_connect_after (list_factory, "setup", G_CALLBACK (list_item_setup_cb), NULL);
  adw_combo_row_set_list_factory (row, list_factory);
  adw_combo_row_set_factory (row, factory);
}

static void
build_biomarkers (OtSituationView *self,
                  OtContent       *content)
{
  GPtrArray *biomarkers = ot_content_get_biomarkers (content);

  for (guint i = 0; i < biomarkers->len; i++)
    {
      const OtBiomarker *biomarker = biomarkers->pdata[i];
      g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
      AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());

      for (guint j = 0; j <= biomarker->results->len + 1; j++)
        {
          const char *id = result_at (biomarker, j);
          const OtResult *result = ot_biomarker_find_result (biomarker, id);

          gtk_string_list_append (model, result ? result->label : ot_unknown_result_to_string (id));
        }

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), biomarker->name);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      gtk_widget_add_css_class (GTK_WIDGET (row), "ot-meaning");
      adw_combo_row_set_model (row, G_LIST_MODEL (model));
      show_whole_value (row);
      g_signal_connect (row, "notify::selected", G_CALLBACK (biomarker_selected_cb), self);
      adw_preferences_group_add (self->biomarker_group, GTK_WIDGET (row));
      g_ptr_array_add (self->biomarker_rows, row);
    }
}

/* The groups below the opening and the stage are made and laid out once
 * the window's first frame is on the screen: the window then opens with
 * what fits on the first screen, and the rows further down, whose text
 * takes most of the time, follow in the next frame. */
static gboolean
build_details_cb (gpointer user_data)
{
  OtSituationView *self = user_data;
  OtContent *content = ot_view_get_content (OT_VIEW (self));
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_PREFIX "/ot-situation-details.ui");
  static const char * const groups[] = { "tumor_group", "biomarker_group", "preferences_group", "about_group" };
  g_autoptr(GtkStringList) side_model = NULL;
  g_autoptr(GtkStringList) lines_model = gtk_string_list_new (NULL);
  g_autofree char *biomarker_help = NULL;

  self->details_idle_id = 0;

  self->about_group = ADW_PREFERENCES_GROUP (gtk_builder_get_object (builder, "about_group"));
  self->biomarker_group = ADW_PREFERENCES_GROUP (gtk_builder_get_object (builder, "biomarker_group"));
  self->clinician_row = ADW_ENTRY_ROW (gtk_builder_get_object (builder, "clinician_row"));
  self->lines_row = ADW_COMBO_ROW (gtk_builder_get_object (builder, "lines_row"));
  self->patient_row = ADW_ENTRY_ROW (gtk_builder_get_object (builder, "patient_row"));
  ot_text_limit_editable (GTK_EDITABLE (self->clinician_row), OT_TEXT_FIELD_NAME);
  ot_text_limit_editable (GTK_EDITABLE (self->patient_row), OT_TEXT_FIELD_NAME);
  self->side_row = ADW_COMBO_ROW (gtk_builder_get_object (builder, "side_row"));
  self->survival_switch = GTK_SWITCH (gtk_builder_get_object (builder, "survival_switch"));
  side_model = gtk_string_list_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (sides); i++)
    gtk_string_list_append (side_model, ot_side_to_string (sides[i]));
  adw_combo_row_set_model (self->side_row, G_LIST_MODEL (side_model));
  show_whole_value (self->side_row);
  open_in_view (self, self->side_row);
  for (guint lines = 0; lines <= OT_PRIOR_LINES_MAX; lines++)
    gtk_string_list_append (lines_model, ot_prior_lines_to_string (lines));
  adw_combo_row_set_model (self->lines_row, G_LIST_MODEL (lines_model));
  show_whole_value (self->lines_row);
  open_in_view (self, self->lines_row);
  /* Translators: the two choices of a test result that is not known. */
  biomarker_help = g_strdup_printf (_("From the tumor test report. Choose “%s” or “%s” when you do not know."),
                                    ot_unknown_result_to_string (OT_RESULT_NOT_TESTED),
                                    ot_unknown_result_to_string (OT_RESULT_NOT_SURE));
  adw_preferences_group_set_description (self->biomarker_group, biomarker_help);

  build_biomarkers (self, content);
  build_topics (self, content);
  refresh_situation (OT_VIEW (self));
  refresh_names (OT_VIEW (self));

  g_signal_connect_swapped (self->side_row, "notify::selected", G_CALLBACK (side_selected_cb), self);
  g_signal_connect_swapped (self->lines_row, "notify::selected", G_CALLBACK (lines_selected_cb), self);
  g_signal_connect_swapped (self->survival_switch, "notify::active", G_CALLBACK (survival_active_cb), self);
  g_signal_connect_swapped (self->patient_row, "changed", G_CALLBACK (patient_changed_cb), self);
  g_signal_connect_swapped (self->clinician_row, "changed", G_CALLBACK (clinician_changed_cb), self);

  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (gtk_builder_get_object (builder, groups[i])));

  return G_SOURCE_REMOVE;
}

/* After the view's first frame, and before the next one is laid out;
 * first_frame_id stays set, so this is done once. */
static void
first_frame_cb (GdkFrameClock   *clock,
                OtSituationView *self)
{
  g_signal_handlers_disconnect_by_func (clock, first_frame_cb, self);
  self->details_idle_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, build_details_cb, self, NULL);
}

static void
ot_situation_view_build (OtView *view)
{
  OtSituationView *self = OT_SITUATION_VIEW (view);
  OtContent *content = ot_view_get_content (view);
  g_autoptr(GtkStringList) substage_model = gtk_string_list_new (NULL);

  build_decision (self, content);
  for (OtSubstage substage = OT_SUBSTAGE_UNSET; substage <= OT_SUBSTAGE_NOT_SURE; substage++)
    gtk_string_list_append (substage_model, ot_substage_to_string (substage));
  adw_combo_row_set_model (self->substage_row, G_LIST_MODEL (substage_model));
  show_whole_value (self->substage_row);
  open_in_view (self, self->substage_row);
  g_signal_connect_swapped (self->sites_row, "notify::expanded", G_CALLBACK (sites_expanded_cb), self);

  refresh_situation (view);
  /* Kept right while hidden too: its rows are set in place, which costs
   * little, and the notice must agree with the answers everywhere. */
  ot_view_follow (view, OT_WORKSHEET_PART_SITUATION, refresh_situation, OT_VIEW_AT_ONCE);
  ot_view_follow (view, OT_WORKSHEET_PART_NAMES, refresh_names, OT_VIEW_AT_ONCE);

  g_signal_connect_swapped (self->substage_row, "notify::selected", G_CALLBACK (substage_selected_cb), self);
}

static void
ot_situation_view_map (GtkWidget *widget)
{
  OtSituationView *self = OT_SITUATION_VIEW (widget);

  GTK_WIDGET_CLASS (ot_situation_view_parent_class)->map (widget);

  if (self->first_frame_id == 0)
    self->first_frame_id = g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                                                    G_CALLBACK (first_frame_cb), self, 0);
}

static void
ot_situation_view_dispose (GObject *object)
{
  OtSituationView *self = OT_SITUATION_VIEW (object);

  g_clear_handle_id (&self->details_idle_id, g_source_remove);

  G_OBJECT_CLASS (ot_situation_view_parent_class)->dispose (object);
}

static void
ot_situation_view_finalize (GObject *object)
{
  OtSituationView *self = OT_SITUATION_VIEW (object);

  g_ptr_array_unref (self->site_checks);
  g_ptr_array_unref (self->biomarker_rows);

  G_OBJECT_CLASS (ot_situation_view_parent_class)->finalize (object);
}

static void
ot_situation_view_class_init (OtSituationViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  OtViewClass *view_class = OT_VIEW_CLASS (klass);

  object_class->dispose = ot_situation_view_dispose;
  object_class->finalize = ot_situation_view_finalize;

  widget_class->map = ot_situation_view_map;

  view_class->build = ot_situation_view_build;

  g_type_ensure (OT_TYPE_CHECKS_NOTICE);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ot-situation-view.ui");
  gtk_widget_class_bind_template_child (widget_class, OtSituationView, checks_notice);
  gtk_widget_class_bind_template_child (widget_class, OtSituationView, decision_label);
  gtk_widget_class_bind_template_child (widget_class, OtSituationView, decision_sources);
  gtk_widget_class_bind_template_child (widget_class, OtSituationView, page);
  gtk_widget_class_bind_template_child (widget_class, OtSituationView, sites_row);
  gtk_widget_class_bind_template_child (widget_class, OtSituationView, substage_row);
  gtk_widget_class_bind_template_child (widget_class, OtSituationView, use_suggestion_button);
  gtk_widget_class_bind_template_callback (widget_class, use_suggestion_clicked_cb);
}

static void
ot_situation_view_init (OtSituationView *self)
{
  self->site_checks = g_ptr_array_new ();
  self->biomarker_rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
}
