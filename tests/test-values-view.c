/* test-values-view.c: What matters to me, under Xvfb
 *
 * The tests work the widgets as a person would (press a toggle, tick a
 * check, type in an entry) and then read the answers back from the
 * worksheet and from the saved file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ot-compare-grid.h"
#include "ot-effects-view.h"
#include "ot-long-label.h"
#include "ot-test-ui.h"
#include "ot-test-worksheet.h"
#include "ot-values-view.h"
#include "ot-worksheet-io.h"

/* The screenshots, in pieces down the page */

static void
screenshots (OtWindow   *window,
             const char *name)
{
  GtkWidget *view = ot_test_values_view (window);
  GtkScrolledWindow *scrolled = GTK_SCROLLED_WINDOW (ot_test_find_type (view, GTK_TYPE_SCROLLED_WINDOW));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scrolled);
  double position = 0;

  for (guint part = 1; part <= 8; part++)
    {
      g_autofree char *file = g_strdup_printf ("values-%s-%u", name, part);

      gtk_adjustment_set_value (adjustment, position);
      ot_test_ui_wait ();
      ot_test_shot (GTK_WIDGET (window), file);
      if (position >= gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment))
        break;
      position += gtk_adjustment_get_page_size (adjustment) * 0.9;
    }
  gtk_adjustment_set_value (adjustment, 0);
}

/* Filling the worksheet through the widgets */

static const char *roles_shared =
  "I prefer that my doctor and I share responsibility for deciding which treatment is best for me.";
static const char *goal_question = "What is the goal of this treatment for me: cure, control, or comfort?";
static const char *trial_question = "Is there a clinical trial that fits me?";

static void
fill_body (OtApplication *app,
           OtWindow      *window)
{
  OtWorksheet *ws = ot_window_get_worksheet (window);
  GtkWidget *view = ot_test_values_view (window);
  GtkWidget *row, *top, *result;
  GtkCalendar *calendar;
  GtkMenuButton *visit_button;
  GtkWidget *add_row;
  g_autoptr(GDateTime) visit = g_date_time_new_local (2027, 3, 4, 12, 0, 0);
  g_autofree char *path = ot_test_work_path ("filled.optiontalk");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(OtWorksheet) saved = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *own;

  g_assert_true (ot_worksheet_is_empty (ws));
  top = ot_test_find_widget (view, ot_test_label_containing, "Rate the items above");
  g_assert_nonnull (top);
  ot_test_shot (GTK_WIDGET (window), "values-empty");

  /* On a wide window the scale is five buttons in a row. */
  g_assert_true (GTK_IS_BOX (adw_squeezer_get_visible_child (
    ADW_SQUEEZER (ot_test_find_type (ot_test_find_row (view, "Living as long as possible"), ADW_TYPE_SQUEEZER)))));

  /* Rate three values; one as not important at all. */
  ot_test_press_in_row (view, "Living as long as possible", "Very");
  ot_test_press_in_row (view, "Time with family and friends", "Quite");
  ot_test_press_in_row (view, "Being comfortable and free of pain", "Not at all");
  g_assert_cmpint (ot_worksheet_get_rating (ws, "live-longer"), ==, OT_RATING_VERY_IMPORTANT);
  g_assert_cmpint (ot_worksheet_get_rating (ws, "family-time"), ==, OT_RATING_QUITE_IMPORTANT);
  g_assert_cmpint (ot_worksheet_get_rating (ws, "comfort"), ==, OT_RATING_NOT_IMPORTANT);
  /* Changing one's mind moves the mark: one step per value. */
  ot_test_press_in_row (view, "Living as long as possible", "Quite");
  ot_test_press_in_row (view, "Living as long as possible", "Very");
  g_assert_true (ot_test_row_button_active (view, "Living as long as possible", "Very"));
  g_assert_false (ot_test_row_button_active (view, "Living as long as possible", "Quite"));

  /* A value of one's own, added, rated and then renamed. */
  add_row = ot_test_find_row (view, "Add something that matters to you");
  ot_test_type_and_enter (add_row, "Seeing my grandson graduate");
  own = ot_worksheet_get_own_values (ws);
  g_assert_cmpuint (own->len, ==, 1);
  g_assert_cmpstr (((OtOwnItem *) own->pdata[0])->text, ==, "Seeing my grandson graduate");
  /* The entry empties, ready for the next one. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (add_row)), ==, "");
  row = ot_test_find_row (view, "Seeing my grandson graduate");
  ot_test_press (ot_test_find_button (row, "Very"));
  g_assert_cmpint (((OtOwnItem *) own->pdata[0])->rating, ==, OT_RATING_VERY_IMPORTANT);
  gtk_editable_set_text (GTK_EDITABLE (ot_test_find_type (row, GTK_TYPE_ENTRY)), "Seeing my grandson graduate in June");
  g_assert_cmpstr (((OtOwnItem *) own->pdata[0])->text, ==, "Seeing my grandson graduate in June");
  /* A second own value, then removed again with its trash button. */
  ot_test_type_and_enter (add_row, "Gardening");
  g_assert_cmpuint (own->len, ==, 2);
  ot_test_press (ot_test_find_type (ot_test_find_row (view, "Gardening"), GTK_TYPE_BUTTON));
  g_assert_cmpuint (own->len, ==, 1);
  g_assert_null (ot_test_find_widget (view, ot_test_row_titled, "Gardening"));

  /* What matters most, said back: every value rated highest, and none
   * rated lower. */
  top = ot_test_find_widget (view, ot_test_label_containing, "What matters most to you:");
  g_assert_nonnull (top);
  g_assert_cmpstr (ot_long_label_get_text (OT_LONG_LABEL (top)), ==,
                   "What matters most to you:\n• Living as long as possible\n"
                   "• Seeing my grandson graduate in June");
  /* The person's words are shown as typed, never read as markup. */
  row = ot_test_find_row (view, "Seeing my grandson graduate in June");
  gtk_editable_set_text (GTK_EDITABLE (ot_test_find_type (row, GTK_TYPE_ENTRY)), "Tom & <Jerry>");
  g_assert_nonnull (strstr (ot_long_label_get_text (OT_LONG_LABEL (top)), "• Tom & <Jerry>"));
  /* A long value, or one long word, is said back whole, on as many lines
   * as it takes. */
  {
    g_autofree char *word = g_strnfill (OT_WORKSHEET_MAX_OWN_TEXT, 'w');
    g_autofree char *sentence = g_strjoinv (" ", (char *[]) { "Being well enough to travel home by train",
                                                              "every month to see my sister and my old friends",
                                                              "and to sit in the café on the square", NULL });

    gtk_editable_set_text (GTK_EDITABLE (ot_test_find_type (row, GTK_TYPE_ENTRY)), sentence);
    ot_test_type_and_enter (add_row, word);
    ot_test_press_in_row (view, word, "Very");
    ot_test_ui_wait ();
    g_assert_nonnull (strstr (ot_long_label_get_text (OT_LONG_LABEL (top)), sentence));
    g_assert_nonnull (strstr (ot_long_label_get_text (OT_LONG_LABEL (top)), word));
    g_assert_false (pango_layout_is_ellipsized (ot_long_label_get_layout (OT_LONG_LABEL (top))));
    g_assert_cmpint (pango_layout_get_line_count (ot_long_label_get_layout (OT_LONG_LABEL (top))), >=, 6);
    ot_test_press (ot_test_find_type (ot_test_find_row (view, word), GTK_TYPE_BUTTON));
  }
  gtk_editable_set_text (GTK_EDITABLE (ot_test_find_type (row, GTK_TYPE_ENTRY)), "Seeing my grandson graduate in June");

  /* The role in deciding: one of five. */
  ot_test_tick_row (view, roles_shared);
  g_assert_cmpstr (ot_worksheet_get_role (ws), ==, "shared");
  row = ot_test_find_row (view, "I prefer to leave all decisions regarding my treatment to my doctor.");
  ot_test_press (ot_test_find_type (row, GTK_TYPE_CHECK_BUTTON));
  g_assert_cmpstr (ot_worksheet_get_role (ws), ==, "passive");
  g_assert_false (ot_test_row_ticked (view, roles_shared));

  /* The SURE test, with its citation, and what the answers mean. */
  g_assert_nonnull (ot_test_find_widget (view, ot_test_label_containing, "Are you SURE? Assessing patient decisional conflict"));
  result = ot_test_find_widget (view, ot_test_label_containing, "Answer every question");
  g_assert_nonnull (result);
  ot_test_press_in_row (view, "Do you feel SURE about the best choice for you?", "_Yes");
  ot_test_press_in_row (view, "Do you know the benefits and risks of each option?", "_No");
  ot_test_press_in_row (view, "Are you clear about which benefits and risks matter most to you?", "_Yes");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (result)), "may want more information or support"));
  ot_test_press_in_row (view, "Do you have enough support and advice to make a choice?", "_Yes");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (result)), "may want more information or support"));
  ot_test_press_in_row (view, "Do you know the benefits and risks of each option?", "_Yes");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (result)), "feel ready"));
  g_assert_cmpint (ot_worksheet_get_readiness_result (ws, ot_application_get_content (app)), ==, OT_READINESS_READY);
  ot_test_press_in_row (view, "Do you feel SURE about the best choice for you?", "_No");
  g_assert_cmpint (ot_worksheet_get_readiness (ws, "sure"), ==, OT_ANSWER_NO);

  /* Questions for the visit: chosen by topic, then marked asked. */
  {
    GtkWidget *topics = ot_test_find_group (view, "Questions for the Visit");
    GtkWidget *group = ot_test_find_group (view, "My Questions");

    g_assert_null (ot_test_find_widget (group, ot_test_row_titled, goal_question));
    /* A folded topic's questions are hidden, not only slid away: GTK
     * would measure them all when the view is first shown. */
    g_assert_false (gtk_widget_get_visible (ot_test_find_row (topics, goal_question)));
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (ot_test_find_row (topics, "Goals of treatment")), TRUE);
    g_assert_true (gtk_widget_get_visible (ot_test_find_row (topics, goal_question)));
    ot_test_tick_row (topics, goal_question);
    ot_test_tick_row (topics, trial_question);
    g_assert_cmpstrv (ot_worksheet_get_questions (ws), ((const char *[]) { "q-goals-aim", "q-trial-fit", NULL }));
    row = ot_test_find_row (topics, "Goals of treatment");
    g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), ==, "1 question chosen");

    /* Both now stand in the list for the visit, with an "Asked" box. */
    ot_test_find_row (group, trial_question);

    ot_test_press_in_row (group, goal_question, "Asked");
    g_assert_true (ot_worksheet_get_question_asked (ws, "q-goals-aim"));
    g_assert_false (ot_worksheet_get_question_asked (ws, "q-trial-fit"));

    /* A chosen question's trash button takes it off the list and unticks
     * it in its topic; ticked again, it comes back not yet asked. */
    ot_test_press (ot_test_find_type (ot_test_find_row (group, trial_question), GTK_TYPE_BUTTON));
    g_assert_cmpstrv (ot_worksheet_get_questions (ws), ((const char *[]) { "q-goals-aim", NULL }));
    g_assert_false (ot_test_row_ticked (topics, trial_question));
    g_assert_null (ot_test_find_widget (group, ot_test_row_titled, trial_question));
    ot_test_tick_row (topics, trial_question);
    g_assert_false (ot_test_toggle_active (ot_test_find_button (ot_test_find_row (group, trial_question), "Asked")));
    g_assert_true (ot_test_toggle_active (ot_test_find_button (ot_test_find_row (group, goal_question), "Asked")));

    ot_test_type_and_enter (ot_test_find_row (view, "Add a question of your own"), "Can I travel in July?");
    g_assert_cmpuint (ot_worksheet_get_own_questions (ws)->len, ==, 1);
    row = ot_test_find_row (group, "Your question");
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Can I travel in July?");
    ot_test_press (ot_test_find_button (row, "Asked"));
    g_assert_true (((OtOwnItem *) ot_worksheet_get_own_questions (ws)->pdata[0])->asked);
  }

  /* Leaning: none chosen means "Not sure yet"; ticking it clears them. */
  {
    GtkWidget *leaning = ot_test_find_group (view, "Options I Am Leaning Toward");
    GtkWidget *not_sure = ot_test_find_type (ot_test_find_row (leaning, "Not sure yet"), GTK_TYPE_CHECK_BUTTON);

    g_assert_true (ot_test_toggle_active (not_sure));
    ot_test_tick_row (leaning, "Chemotherapy");
    ot_test_tick_row (leaning, "Clinical trials");
    g_assert_cmpstrv (ot_worksheet_get_leaning (ws), ((const char *[]) { "chemotherapy", "trials", NULL }));
    g_assert_false (ot_test_toggle_active (not_sure));
    ot_test_press (not_sure);
    g_assert_null (ot_worksheet_get_leaning (ws)[0]);
    g_assert_false (ot_test_row_ticked (leaning, "Chemotherapy"));
    /* Unticking "Not sure yet" by itself chooses nothing: it stays. */
    ot_test_press (not_sure);
    g_assert_true (ot_test_toggle_active (not_sure));
    ot_test_tick_row (leaning, "Chemotherapy");
    g_assert_cmpstrv (ot_worksheet_get_leaning (ws), ((const char *[]) { "chemotherapy", NULL }));
  }

  /* Notes, next steps and the date of the next visit. */
  ot_test_type_into_group (view, "Notes", "Scan in 8 weeks.\nCall if fever over 38 °C.");
  g_assert_cmpstr (ot_worksheet_get_notes (ws), ==, "Scan in 8 weeks.\nCall if fever over 38 °C.");
  ot_test_type_into_group (view, "Next Steps", "Blood test on Monday.");
  g_assert_cmpstr (ot_worksheet_get_next_steps (ws), ==, "Blood test on Monday.");
  /* The calendar sits in the button's popover, which Xvfb without a
   * window manager cannot place; the day is chosen on it directly. */
  visit_button = GTK_MENU_BUTTON (ot_test_find_type (ot_test_find_row (view, "Next visit"), GTK_TYPE_MENU_BUTTON));
  calendar = GTK_CALENDAR (ot_test_find_type (GTK_WIDGET (gtk_menu_button_get_popover (visit_button)),
                                              GTK_TYPE_CALENDAR));
  gtk_calendar_select_day (calendar, visit);
  g_assert_cmpint (g_date_get_day (ot_worksheet_get_next_visit (ws)), ==, 4);
  g_assert_cmpint (g_date_get_month (ot_worksheet_get_next_visit (ws)), ==, 3);
  g_assert_cmpint (g_date_get_year (ot_worksheet_get_next_visit (ws)), ==, 2027);
  row = ot_test_find_row (view, "Next visit");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Thursday, 4 March 2027");

  /* The title says there are unsaved answers. */
  ot_test_ui_wait ();
  g_assert_true (ot_window_get_modified (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "• New Worksheet — Option Talk");

  screenshots (window, "light");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  ot_test_ui_wait ();
  screenshots (window, "dark");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  ot_test_resize (window, 360, 720);
  /* The view itself fits a phone-sized window: the scales turn into lists. */
  {
    int view_min;

    gtk_widget_measure (view, GTK_ORIENTATION_HORIZONTAL, -1, &view_min, NULL, NULL, NULL);
    g_assert_cmpint (view_min, <=, 360);
    g_assert_true (GTK_IS_DROP_DOWN (adw_squeezer_get_visible_child (
      ADW_SQUEEZER (ot_test_find_type (ot_test_find_row (view, "Living as long as possible"), ADW_TYPE_SQUEEZER)))));
  }
  screenshots (window, "narrow");
  ot_test_resize (window, 1100, 720);

  /* Saved: the file holds what the widgets set, and the title shows it. */
  ot_window_save_file (window, file);
  g_assert_true (ot_test_wait_for_file (window, file));
  g_assert_false (ot_window_get_modified (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "filled.optiontalk — Option Talk");
  g_assert_cmpuint (ot_test_file_mode (file), ==, 0600);
  saved = ot_worksheet_io_open (file, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ot_worksheet_get_rating (saved, "live-longer"), ==, OT_RATING_VERY_IMPORTANT);
  g_assert_cmpint (ot_worksheet_get_rating (saved, "family-time"), ==, OT_RATING_QUITE_IMPORTANT);
  g_assert_cmpint (ot_worksheet_get_rating (saved, "comfort"), ==, OT_RATING_NOT_IMPORTANT);
  g_assert_cmpstr (((OtOwnItem *) ot_worksheet_get_own_values (saved)->pdata[0])->text, ==,
                   "Seeing my grandson graduate in June");
  g_assert_cmpstr (ot_worksheet_get_role (saved), ==, "passive");
  g_assert_cmpint (ot_worksheet_get_readiness (saved, "sure"), ==, OT_ANSWER_NO);
  g_assert_cmpint (ot_worksheet_get_readiness (saved, "understand"), ==, OT_ANSWER_YES);
  g_assert_cmpstrv (ot_worksheet_get_questions (saved), ((const char *[]) { "q-goals-aim", "q-trial-fit", NULL }));
  g_assert_true (ot_worksheet_get_question_asked (saved, "q-goals-aim"));
  g_assert_cmpstr (((OtOwnItem *) ot_worksheet_get_own_questions (saved)->pdata[0])->text, ==, "Can I travel in July?");
  g_assert_true (((OtOwnItem *) ot_worksheet_get_own_questions (saved)->pdata[0])->asked);
  g_assert_true (g_strv_contains (ot_worksheet_get_leaning (saved), "chemotherapy"));
  g_assert_cmpstr (ot_worksheet_get_notes (saved), ==, "Scan in 8 weeks.\nCall if fever over 38 °C.");
  g_assert_cmpstr (ot_worksheet_get_next_steps (saved), ==, "Blood test on Monday.");
  g_assert_cmpint (g_date_compare (ot_worksheet_get_next_visit (saved), ot_worksheet_get_next_visit (ws)), ==, 0);
}

static void
test_fill (void)
{
  ot_test_fresh_start ();
  ot_test_run_app (fill_body);
}

/* A worksheet opened from a file shows in the view */

static char *
write_worksheet (const char *name,
                 OtWorksheet *ws)
{
  char *path = ot_test_work_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  ot_worksheet_io_save (ws, file, &error);
  g_assert_no_error (error);
  return path;
}

static void
follow_body (OtApplication *app,
             OtWindow      *window)
{
  OtWorksheet *ws = ot_window_get_worksheet (window);
  g_autoptr(OtWorksheet) source = ot_worksheet_new ();
  g_autofree char *path = NULL;
  g_autofree char *broken_path = ot_test_work_path ("broken.optiontalk");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) broken = g_file_new_for_path (broken_path);
  GtkWidget *view = ot_test_values_view (window);
  GtkWidget *leaning = ot_test_find_group (view, "Options I Am Leaning Toward");
  GtkWidget *group, *row;
  GtkWidget *dialog;
  g_autofree char *text = NULL;
  GDate date;

  ot_worksheet_set_rating (source, "comfort", OT_RATING_VERY_IMPORTANT);
  ot_worksheet_add_own_value (source, "Walking the dog", OT_RATING_QUITE_IMPORTANT);
  ot_worksheet_set_role (source, "active");
  ot_worksheet_set_readiness (source, "understand", OT_ANSWER_NO);
  ot_worksheet_set_question (source, "q-se-help", TRUE);
  ot_worksheet_set_question_asked (source, "q-se-help", TRUE);
  ot_worksheet_set_question (source, "q-from-a-later-pack", TRUE);
  ot_worksheet_add_own_question (source, "Who do I call?");
  ot_worksheet_set_leaning (source, (const char *[]) { "immunotherapy", "a-later-category", NULL });
  ot_worksheet_set_notes (source, "From the file");
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 2, G_DATE_DECEMBER, 2026);
  ot_worksheet_set_next_visit (source, &date);
  path = write_worksheet ("follow.optiontalk", source);
  file = g_file_new_for_path (path);

  ot_window_open_file (window, file);
  g_assert_true (ot_test_wait_for_file (window, file));
  ot_test_ui_wait ();
  g_assert_false (ot_window_get_modified (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "follow.optiontalk — Option Talk");

  g_assert_true (ot_test_row_button_active (view, "Being comfortable and free of pain", "Very"));
  g_assert_true (ot_test_row_button_active (view, "Walking the dog", "Quite"));
  row = ot_test_find_row (view, "I prefer to make the final selection about which treatment I will receive.");
  g_assert_true (ot_test_toggle_active (ot_test_find_type (row, GTK_TYPE_CHECK_BUTTON)));
  row = ot_test_find_row (view, "Do you know the benefits and risks of each option?");
  g_assert_true (ot_test_toggle_active (ot_test_find_button (row, "_No")));
  g_assert_nonnull (ot_test_find_widget (view, ot_test_label_containing, "may want more information or support"));
  group = ot_test_find_group (view, "My Questions");
  row = ot_test_find_row (group, "How will you help me manage side effects?");
  g_assert_true (ot_test_toggle_active (ot_test_find_button (row, "Asked")));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ot_test_find_row (group, "Your question"))), ==, "Who do I call?");
  row = ot_test_find_row (leaning, "Immunotherapy");
  g_assert_true (ot_test_toggle_active (ot_test_find_type (row, GTK_TYPE_CHECK_BUTTON)));
  row = ot_test_find_row (view, "Next visit");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Wednesday, 2 December 2026");
  {
    GtkWidget *notes_view = ot_test_find_type (ot_test_find_group (view, "Notes"), GTK_TYPE_TEXT_VIEW);
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (notes_view));
    GtkTextIter start, end;
    g_autofree char *notes = NULL;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    notes = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_cmpstr (notes, ==, "From the file");
  }

  /* Ids this pack lacks survive a change made through the view. */
  ot_test_tick_row (leaning, "Chemotherapy");
  g_assert_true (g_strv_contains (ot_worksheet_get_leaning (ws), "a-later-category"));
  g_assert_true (ot_worksheet_has_question (ws, "q-from-a-later-pack"));
  g_assert_true (ot_window_get_modified (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "• follow.optiontalk — Option Talk");

  /* A broken file: an error naming it and the problem; nothing changes. */
  g_file_set_contents (broken_path, "<optiontalk-worksheet format=\"1\"><notes>cut off", -1, NULL);
  ot_window_open_file (window, broken);
  g_assert_false (ot_test_wait_for_file (window, broken));
  dialog = ot_test_find_dialog ();
  g_assert_nonnull (dialog);
  text = ot_test_dialog_text (dialog);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, broken_path));
  g_assert_nonnull (strstr (text, "not a readable XML file"));
  g_assert_nonnull (strstr (text, "have not been changed"));
  ot_test_shot (GTK_WIDGET (dialog), "open-error");
  ot_test_answer_dialog (dialog, "_Close");
  g_assert_cmpstr (ot_worksheet_get_notes (ws), ==, "From the file");
  g_assert_true (g_strv_contains (ot_worksheet_get_leaning (ws), "chemotherapy"));
  g_assert_true (ot_window_get_file (window) == file || g_file_equal (ot_window_get_file (window), file));
  g_assert_true (ot_window_get_modified (window));

  /* A file from a newer Option Talk says so. */
  {
    g_autofree char *newer_path = g_test_build_filename (G_TEST_DIST, "data", "worksheet",
                                                         "newer-version.optiontalk", NULL);
    g_autoptr(GFile) newer = g_file_new_for_path (newer_path);
    g_autofree char *newer_text = NULL;

    ot_window_open_file (window, newer);
    g_assert_false (ot_test_wait_for_file (window, newer));
    dialog = ot_test_find_dialog ();
    newer_text = ot_test_dialog_text (dialog);
    g_assert_nonnull (strstr (newer_text, "was saved by a newer version of Option Talk"));
    ot_test_answer_dialog (dialog, "_Close");
  }

  /* Saving onto a path that cannot be written: the answers stay. */
  {
    g_autofree char *blocked = g_build_filename (path, "inside-a-file.optiontalk", NULL);
    g_autoptr(GFile) blocked_file = g_file_new_for_path (blocked);
    g_autofree char *save_text = NULL;
    g_autofree char *before = NULL;
    g_autofree char *after = NULL;

    g_file_get_contents (path, &before, NULL, NULL);
    ot_window_save_file (window, blocked_file);
    g_assert_false (ot_test_wait_for_file (window, blocked_file));
    dialog = ot_test_find_dialog ();
    save_text = ot_test_dialog_text (dialog);
    g_test_message ("%s", save_text);
    g_assert_nonnull (strstr (save_text, blocked));
    g_assert_nonnull (strstr (save_text, "not a folder"));
    g_assert_nonnull (strstr (save_text, "Your answers are still here"));
    ot_test_shot (GTK_WIDGET (dialog), "save-error");
    ot_test_answer_dialog (dialog, "_Close");
    g_file_get_contents (path, &after, NULL, NULL);
    g_assert_cmpstr (before, ==, after);
    g_assert_true (ot_window_get_modified (window));
    g_assert_true (g_file_equal (ot_window_get_file (window), file));
    g_assert_true (g_strv_contains (ot_worksheet_get_leaning (ws), "chemotherapy"));
  }

  /* Save (Ctrl+S) goes to the open file. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  g_assert_true (ot_test_wait_for_file (window, file));
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(OtWorksheet) back = ot_worksheet_io_open (file, &error);

    g_assert_no_error (error);
    g_assert_true (g_strv_contains (ot_worksheet_get_leaning (back), "chemotherapy"));
    g_assert_true (g_strv_contains (ot_worksheet_get_leaning (back), "a-later-category"));
  }
}

static void
test_follow_file (void)
{
  ot_test_fresh_start ();
  ot_test_run_app (follow_body);
}

/* Presses @keyval where the keyboard is, through the key controller of
 * @widget or the nearest ancestor that has one: GTK has no public way to
 * send a real key event to a widget. */
static void
press_key (GtkWidget *widget,
           guint      keyval)
{
  for (; widget != NULL; widget = gtk_widget_get_parent (widget))
    {
      g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

      for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
        {
          g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);
          gboolean handled = FALSE;

          if (!GTK_IS_EVENT_CONTROLLER_KEY (controller))
            continue;
          g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &handled);
          if (handled)
            return;
        }
    }
  g_assert_not_reached ();
}

/* The widgets of @root that Tab stops at: shown and focusable (a box
 * or row passes the focus on to its children). */
static guint
count_tab_stops (GtkWidget *root)
{
  guint n;

  if (!gtk_widget_get_mapped (root))
    return 0;
  n = gtk_widget_get_focusable (root) && !GTK_IS_BOX (root) && !GTK_IS_LIST_BOX_ROW (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    n += count_tab_stops (child);
  return n;
}

/* A rating or a yes-or-no answer is one Tab stop, and the arrow keys,
 * Home and End choose in it. */
static void
keys_body (OtApplication *app,
           OtWindow      *window)
{
  OtWorksheet *ws = ot_window_get_worksheet (window);
  GtkWidget *view = ot_test_values_view (window);
  GtkWidget *row = ot_test_find_row (view, "Time with family and friends");
  GtkWidget *not_at_all = ot_test_find_button (row, "Not at all");
  GtkWidget *very = ot_test_find_button (row, "Very");
  GtkWidget *sure = ot_test_find_row (view, "Do you feel SURE about the best choice for you?");
  GtkRoot *root = GTK_ROOT (window);

  /* Unrated, the first step takes the focus; one stop for the scale. */
  g_assert_cmpint (ot_worksheet_get_rating (ws, "family-time"), ==, OT_RATING_UNRATED);
  g_assert_cmpuint (count_tab_stops (row), ==, 1);
  g_assert_true (gtk_widget_get_focusable (not_at_all));
  g_assert_false (gtk_widget_get_focusable (very));

  gtk_widget_grab_focus (not_at_all);
  press_key (gtk_root_get_focus (root), GDK_KEY_Right);
  g_assert_cmpint (ot_worksheet_get_rating (ws, "family-time"), ==, OT_RATING_A_LITTLE_IMPORTANT);
  g_assert_true (gtk_widget_has_focus (ot_test_find_button (row, "A little")));
  press_key (gtk_root_get_focus (root), GDK_KEY_End);
  g_assert_cmpint (ot_worksheet_get_rating (ws, "family-time"), ==, OT_RATING_VERY_IMPORTANT);
  g_assert_true (gtk_widget_has_focus (very));
  /* Past the end the choice stays. */
  press_key (gtk_root_get_focus (root), GDK_KEY_Right);
  g_assert_cmpint (ot_worksheet_get_rating (ws, "family-time"), ==, OT_RATING_VERY_IMPORTANT);
  press_key (gtk_root_get_focus (root), GDK_KEY_Left);
  g_assert_cmpint (ot_worksheet_get_rating (ws, "family-time"), ==, OT_RATING_QUITE_IMPORTANT);
  press_key (gtk_root_get_focus (root), GDK_KEY_Home);
  g_assert_cmpint (ot_worksheet_get_rating (ws, "family-time"), ==, OT_RATING_NOT_IMPORTANT);
  /* Still one stop, now the chosen step. */
  g_assert_cmpuint (count_tab_stops (row), ==, 1);
  g_assert_true (gtk_widget_get_focusable (not_at_all));

  /* A rating set from elsewhere moves the stop too. */
  ot_worksheet_set_rating (ws, "family-time", OT_RATING_VERY_IMPORTANT);
  ot_test_ui_wait ();
  g_assert_true (gtk_widget_get_focusable (very));
  g_assert_false (gtk_widget_get_focusable (not_at_all));

  /* A row with a check box: one stop, the check box, which the row
   * names; activating the row still ticks it. */
  row = ot_test_find_row (view, roles_shared);
  g_assert_cmpuint (count_tab_stops (row), ==, 1);
  g_assert_true (gtk_widget_get_focusable (ot_test_find_type (row, GTK_TYPE_CHECK_BUTTON)));
  g_assert_true (gtk_widget_activate (row));
  g_assert_cmpstr (ot_worksheet_get_role (ws), ==, "shared");

  /* Yes or no: one stop, and the arrows answer. */
  g_assert_cmpuint (count_tab_stops (sure), ==, 1);
  gtk_widget_grab_focus (ot_test_find_button (sure, "_Yes"));
  press_key (gtk_root_get_focus (root), GDK_KEY_Right);
  g_assert_cmpint (ot_worksheet_get_readiness (ws, "sure"), ==, OT_ANSWER_NO);
  press_key (gtk_root_get_focus (root), GDK_KEY_Left);
  g_assert_cmpint (ot_worksheet_get_readiness (ws, "sure"), ==, OT_ANSWER_YES);
  g_assert_cmpuint (count_tab_stops (sure), ==, 1);

  ot_test_close_answering (window, "_Discard");
}

static void
test_keys (void)
{
  ot_test_fresh_start ();
  ot_test_run_app (keys_body);
}

static gboolean
has_focus_within (GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* Typing in a row of one's own keeps the row and its focus; the row that
 * adds keeps the focus as rows come, ready for the next one. */
static void
own_rows_body (OtApplication *app,
               OtWindow      *window)
{
  OtWorksheet *ws = ot_window_get_worksheet (window);
  GtkWidget *view = ot_test_values_view (window);
  GtkWidget *add_row = ot_test_find_row (view, "Add a question of your own");
  GtkWidget *row;

  gtk_widget_grab_focus (add_row);
  ot_test_type_and_enter (add_row, "Can I travel?");
  ot_test_ui_wait ();
  g_assert_true (has_focus_within (add_row));

  row = ot_test_find_row (view, "Your question");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Can I travel?");
  gtk_widget_grab_focus (row);
  gtk_editable_set_text (GTK_EDITABLE (row), "Can I travel in July?");
  ot_test_ui_wait ();
  g_assert_cmpstr (((OtOwnItem *) ot_worksheet_get_own_questions (ws)->pdata[0])->text, ==, "Can I travel in July?");
  g_assert_true (ot_test_find_row (view, "Your question") == row);
  g_assert_true (has_focus_within (row));

  /* Asked, from the row or from elsewhere: both say so. */
  ot_test_press (ot_test_find_type (row, GTK_TYPE_CHECK_BUTTON));
  g_assert_true (((OtOwnItem *) ot_worksheet_get_own_questions (ws)->pdata[0])->asked);
  ot_worksheet_set_own_question (ws, 0, "Can I travel in July?", FALSE);
  ot_test_ui_wait ();
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (ot_test_find_type (row, GTK_TYPE_CHECK_BUTTON))));

  /* A question added after it, and one taken away, leave its row as it
   * was: only the rows after a change are made again. */
  ot_worksheet_add_own_question (ws, "Who do I call at night?");
  ot_test_ui_wait ();
  g_assert_true (ot_test_find_row (view, "Your question") == row);
  ot_worksheet_remove_own_question (ws, 1);
  ot_test_ui_wait ();
  g_assert_true (ot_test_find_row (view, "Your question") == row);

  /* A file opened with as many values of one's own: each row shows the
   * file's, and showing them changes none of them. */
  ot_worksheet_add_own_value (ws, "Music", OT_RATING_SOMEWHAT_IMPORTANT);
  ot_test_ui_wait ();
  {
    g_autoptr(OtWorksheet) opened = ot_worksheet_new ();

    ot_worksheet_add_own_value (opened, "Singing", OT_RATING_VERY_IMPORTANT);
    ot_worksheet_copy_from (ws, opened);
    ot_test_ui_wait ();
    g_assert_true (ot_worksheet_equal (ws, opened));
  }
  g_assert_true (ot_test_row_button_active (view, "Singing", "Very"));

  ot_test_close_answering (window, "_Discard");
}

static void
test_own_rows (void)
{
  ot_test_fresh_start ();
  ot_test_run_app (own_rows_body);
}

/* Typing in Notes changes the notes and nothing else: the chart is not
 * laid out again, nor the Options grid built again.  A view hidden while
 * what it shows changes shows the change when it is shown again. */
static void
notes_alone_body (OtApplication *app,
                  OtWindow      *window)
{
  static const char * const two[] = { "chemotherapy", "targeted", NULL };
  OtWorksheet *ws = ot_window_get_worksheet (window);
  GtkWidget *effects = ot_test_ui_show_view (window, "side-effects");
  OtChartWidget *chart = ot_effects_view_get_chart (OT_EFFECTS_VIEW (effects));
  g_autoptr(OtChartLayout) layout = ot_chart_layout_ref (ot_chart_widget_get_layout (chart));
  GtkWidget *options = ot_test_ui_show_view (window, "options");
  GtkWidget *grid = ot_test_find_type (options, OT_TYPE_COMPARE_GRID);
  /* The last child is a cell; the first ones are the grid's own bands. */
  g_autoptr(GtkWidget) cell = g_object_ref (gtk_widget_get_last_child (grid));

  ot_test_type_into_group (ot_test_values_view (window), "Notes", "Ask about the port.");
  ot_test_ui_wait ();
  g_assert_cmpstr (ot_worksheet_get_notes (ws), ==, "Ask about the port.");
  g_assert_true (ot_chart_widget_get_layout (chart) == layout);
  g_assert_true (gtk_widget_get_parent (cell) == grid);

  /* Two categories to compare: Options builds its grid when shown. */
  ot_worksheet_set_compared_categories (ws, two);
  ot_test_ui_wait ();
  g_assert_true (gtk_widget_get_parent (cell) == grid);
  ot_test_ui_show_view (window, "options");
  g_assert_null (gtk_widget_get_parent (cell));
  g_assert_nonnull (ot_test_find_widget (grid, ot_test_label_containing, "Targeted"));

  ot_test_close_answering (window, "_Discard");
}

static void
test_notes_alone (void)
{
  ot_test_fresh_start ();
  ot_test_run_app (notes_alone_body);
}

/* The rows of @list but the last, which adds to it. */
static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;
  return n - 1;
}

static gboolean
tick_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Counts the frames @window draws while @count, which never goes down,
 * is short of @goal; at most 20 seconds. */
static guint
frames_until (OtWindow  *window,
              guint    (*count) (gpointer data),
              gpointer    data,
              guint       goal)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  guint frames = 0, last = 0;

  for (guint n = count (data); n < goal; n = count (data))
    {
      gint64 frame = gdk_frame_clock_get_frame_counter (clock);

      g_assert_cmpuint (n, >=, last);
      last = n;
      while (gdk_frame_clock_get_frame_counter (clock) == frame)
        {
          g_assert_cmpint (g_get_monotonic_time (), <, end);
          g_main_context_iteration (NULL, TRUE);
        }
      frames++;
    }
  return frames;
}

/* The rows of the own values and own questions lists, and what the
 * values' rows are to say. */
typedef struct
{
  GtkListBox *values;
  GtkListBox *questions;
  GPtrArray  *saying;
} OwnLists;

static guint
count_both (gpointer data)
{
  OwnLists *lists = data;

  return count_rows (lists->values) + count_rows (lists->questions);
}

/* A worksheet at the reader's limits has 400 rows of the person's own,
 * each 500 characters long, and making and laying them all out took
 * seconds in one frame.  They come a few a frame: the window draws frames
 * (and answers) while they come, and then every row is there, in order,
 * with the row that adds still last.  How long a frame takes is measured
 * by bench/bench-stalls, not here. */
static void
rows_aside_body (OtApplication *app,
                 OtWindow      *window)
{
  OtWorksheet *ws = ot_window_get_worksheet (window);
  GPtrArray *own_values = ot_worksheet_get_own_values (ws);
  GPtrArray *own_questions = ot_worksheet_get_own_questions (ws);
  guint tick_id = g_timeout_add (10, tick_cb, NULL);
  guint n_chosen, frames_while;
  OwnLists lists = { NULL };
  GtkListBox *values, *questions;
  GtkWidget *view;

  ot_test_worksheet_fill_limits (ws);
  ot_window_show_view (window, "values");
  view = ot_test_find_type (GTK_WIDGET (window), OT_TYPE_VALUES_VIEW);
  values = GTK_LIST_BOX (gtk_widget_get_parent (ot_test_find_row (view, "Add something that matters to you")));
  questions = GTK_LIST_BOX (gtk_widget_get_parent (ot_test_find_row (view, "Add a question of your own")));
  n_chosen = g_strv_length ((char **) ot_worksheet_get_questions (ws));

  lists.values = values;
  lists.questions = questions;
  frames_while = frames_until (window, count_both, &lists, own_values->len + n_chosen + own_questions->len);
  g_source_remove (tick_id);
  g_test_message ("%u frames were drawn while the rows came", frames_while);
  g_assert_cmpuint (frames_while, >=, 2);

  g_assert_cmpuint (count_rows (values), ==, own_values->len);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_list_box_get_row_at_index (values, 0))), ==,
                   ((OtOwnItem *) own_values->pdata[0])->text);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (gtk_list_box_get_row_at_index (questions, n_chosen + own_questions->len - 1))), ==,
                   ((OtOwnItem *) own_questions->pdata[own_questions->len - 1])->text);
  g_assert_true (GTK_WIDGET (gtk_list_box_get_row_at_index (questions, n_chosen + own_questions->len))
                 == ot_test_find_row (view, "Add a question of your own"));
}

static void
test_rows_aside (void)
{
  ot_test_ui_run (rows_aside_body);
}

typedef struct
{
  GtkWidget *widget;
  int        lowest;
  int        highest;
} Height;

static gboolean
height_within (gpointer data)
{
  Height *height = data;

  return gtk_widget_get_height (height->widget) >= height->lowest
         && gtk_widget_get_height (height->widget) <= height->highest;
}

/* The own values' rows that say what they are to say. */
static guint
count_rows_saying (gpointer data)
{
  OwnLists *lists = data;
  guint n = 0;

  for (guint i = 0; i < lists->saying->len; i++)
    n += g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_list_box_get_row_at_index (lists->values, i))),
                    ((OtOwnItem *) lists->saying->pdata[i])->text) == 0;
  return n;
}

/* Another worksheet at the limits opened over the first, with as many own
 * values in other words: the 400 rows took 80 ms to change in one go.
 * They change a few a frame, the window drawing frames meanwhile, and then
 * every row says the new words, in order, the row that adds still last. */
static void
rows_change_aside_body (OtApplication *app,
                        OtWindow      *window)
{
  OtWorksheet *ws = ot_window_get_worksheet (window);
  g_autoptr(OtWorksheet) other = ot_worksheet_new ();
  GPtrArray *own_values = ot_worksheet_get_own_values (ws);
  gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  guint frames_while;
  OwnLists lists = { NULL };
  GtkListBox *values;
  GtkWidget *view;

  ot_test_worksheet_fill_limits (ws);
  ot_test_worksheet_fill_limits (other);
  for (guint i = 0; i < own_values->len; i++)
    {
      g_autofree char *text = g_strdup_printf ("Other value %u", i);

      ot_worksheet_set_own_value (other, i, text, ((OtOwnItem *) own_values->pdata[i])->rating);
    }
  ot_window_show_view (window, "values");
  view = ot_test_find_type (GTK_WIDGET (window), OT_TYPE_VALUES_VIEW);
  values = GTK_LIST_BOX (gtk_widget_get_parent (ot_test_find_row (view, "Add something that matters to you")));
  while (count_rows (values) < own_values->len)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, TRUE);
    }

  ot_worksheet_copy_from (ws, other);
  lists.values = values;
  lists.saying = own_values;
  frames_while = frames_until (window, count_rows_saying, &lists, own_values->len);
  g_test_message ("%u frames were drawn while the rows changed", frames_while);
  g_assert_cmpuint (frames_while, >=, 2);

  g_assert_cmpuint (count_rows (values), ==, own_values->len);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_list_box_get_row_at_index (values, 0))), ==,
                   "Other value 0");
  g_assert_true (GTK_WIDGET (gtk_list_box_get_row_at_index (values, own_values->len))
                 == ot_test_find_row (view, "Add something that matters to you"));
}

static void
test_rows_change_aside (void)
{
  ot_test_ui_run (rows_change_aside_body);
}

/* The pixels of @area, a widget inside @widget, that are as dark as text,
 * as @widget draws them now (not those left clear). */
static guint
dark_pixels (GtkWidget *widget,
             GtkWidget *area)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  g_autofree guchar *pixels = NULL;
  graphene_rect_t bounds;
  guint dark = 0;

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return 0;
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  pixels = g_malloc ((gsize) width * height * 4);
  gdk_texture_download (texture, pixels, width * 4);

  g_assert_true (gtk_widget_compute_bounds (area, widget, &bounds));
  for (int y = MAX (0, (int) bounds.origin.y); y < MIN (height, (int) (bounds.origin.y + bounds.size.height)); y++)
    for (int x = MAX (0, (int) bounds.origin.x); x < MIN (width, (int) (bounds.origin.x + bounds.size.width)); x++)
      {
        const guchar *pixel = pixels + (gsize) y * width * 4 + x * 4;

        /* Premultiplied B, G, R, A. */
        dark += pixel[3] > 224 && pixel[0] < 96 && pixel[1] < 96 && pixel[2] < 96;
      }
  return dark;
}

/* Waits for @window to draw @n frames. */
static void
wait_frames (OtWindow *window,
             guint     n)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  gint64 goal = gdk_frame_clock_get_frame_counter (clock) + n;
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  gtk_widget_queue_draw (GTK_WIDGET (window));
  while (gdk_frame_clock_get_frame_counter (clock) < goal)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, TRUE);
    }
}

/* Notes far below, out of view, are left out of the drawing: at the
 * reader's limits a note took 20 to 45 ms to draw, every time What Matters
 * to Me was shown.  Scrolled into view they show at once, and so does
 * what is typed in them; the next steps too. */
static void
notes_in_view_body (OtApplication *app,
                    OtWindow      *window)
{
  OtWorksheet *ws = ot_window_get_worksheet (window);
  GtkWidget *view, *notes, *notes_frame, *steps_frame, *content;
  GtkAdjustment *adjustment;
  graphene_rect_t bounds;
  guint before;

  ot_worksheet_set_notes (ws, "Scan in 8 weeks.\nCall if fever over 38 °C.");
  ot_worksheet_set_next_steps (ws, "Blood test on Monday.");
  view = ot_test_ui_show_view (window, "values");
  notes = ot_test_find_type (ot_test_find_group (view, "Notes"), GTK_TYPE_TEXT_VIEW);
  notes_frame = gtk_widget_get_parent (notes);
  steps_frame = gtk_widget_get_parent (ot_test_find_type (ot_test_find_group (view, "Next Steps"), GTK_TYPE_TEXT_VIEW));
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (ot_test_find_type (view, GTK_TYPE_SCROLLED_WINDOW)));
  gtk_adjustment_set_value (adjustment, 0);
  wait_frames (window, 2);

  g_assert_true (gtk_widget_compute_bounds (notes_frame, GTK_WIDGET (window), &bounds));
  g_assert_cmpfloat (bounds.origin.y, >, gtk_widget_get_height (GTK_WIDGET (window)));
  g_assert_cmpuint (dark_pixels (notes_frame, notes_frame), ==, 0);
  g_assert_cmpuint (dark_pixels (steps_frame, steps_frame), ==, 0);

  /* Scrolled to, as the scroll bar or the keyboard does. */
  content = gtk_viewport_get_child (GTK_VIEWPORT (gtk_widget_get_ancestor (notes, GTK_TYPE_VIEWPORT)));
  g_assert_true (gtk_widget_compute_bounds (notes_frame, content, &bounds));
  gtk_adjustment_set_value (adjustment, bounds.origin.y - 100);
  wait_frames (window, 2);
  before = dark_pixels (GTK_WIDGET (window), notes_frame);
  g_test_message ("%u dark pixels in the notes scrolled into view", before);
  g_assert_cmpuint (before, >, 100);
  g_assert_cmpuint (dark_pixels (GTK_WIDGET (window), steps_frame), >, 50);

  ot_test_type_into_group (view, "Notes", "\nAsk about the port.");
  wait_frames (window, 2);
  g_assert_cmpuint (dark_pixels (GTK_WIDGET (window), notes_frame), >, before + 50);
}

static void
test_notes_in_view (void)
{
  ot_test_ui_run (notes_in_view_body);
}

static gboolean
is_visible (gpointer widget)
{
  return gtk_widget_get_visible (widget);
}

/* The notes and next steps come a frame after the rest of What Matters to
 * Me, the first time it is shown: at the reader's limits, laying them out
 * took 65 ms, and with the rest of the page in one frame the window was
 * held for 145 ms. */
static void
notes_after_page_body (OtApplication *app,
                       OtWindow      *window)
{
  OtWorksheet *ws = ot_window_get_worksheet (window);
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  GtkWidget *view, *notes, *steps;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  gint64 shown_at;

  ot_worksheet_set_notes (ws, "Scan in 8 weeks.");
  ot_worksheet_set_next_steps (ws, "Blood test on Monday.");
  ot_window_show_view (window, "values");
  shown_at = gdk_frame_clock_get_frame_counter (clock);
  view = ot_test_find_type (GTK_WIDGET (window), OT_TYPE_VALUES_VIEW);
  notes = ot_test_find_type (ot_test_find_group (view, "Notes"), GTK_TYPE_TEXT_VIEW);
  steps = ot_test_find_type (ot_test_find_group (view, "Next Steps"), GTK_TYPE_TEXT_VIEW);
  g_assert_true (gtk_widget_get_mapped (view));
  g_assert_false (gtk_widget_get_visible (notes));
  g_assert_false (gtk_widget_get_visible (steps));

  ot_test_ui_wait_until (is_visible, notes);
  ot_test_ui_wait_until (is_visible, steps);
  g_assert_cmpint (gdk_frame_clock_get_frame_counter (clock), >, shown_at);
  ot_test_ui_wait_until (ot_test_ui_drawn, notes);
  g_assert_true (gtk_widget_get_focusable (notes));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (notes));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (text, ==, "Scan in 8 weeks.");

  /* Shown again, they are there at once. */
  ot_window_show_view (window, "options");
  ot_test_ui_wait ();
  ot_window_show_view (window, "values");
  g_assert_true (gtk_widget_get_visible (notes));
}

static void
test_notes_after_page (void)
{
  ot_test_ui_run (notes_after_page_body);
}

static GtkWidget *
values_page_view (OtWindow *window)
{
  AdwViewStack *stack = ADW_VIEW_STACK (ot_test_find_type (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK));

  return adw_bin_get_child (ADW_BIN (adw_view_stack_get_child_by_name (stack, "values")));
}

static gboolean
values_page_made (gpointer window)
{
  return values_page_view (window) != NULL;
}

static gboolean
shows_train_row (gpointer view)
{
  return ot_test_ui_find_row (view, "Travel home by train") != NULL;
}

/* What Matters to Me is made while the window is idle after it opens, and
 * made again while hidden when another worksheet comes: its first showing
 * has nothing left to make (at the reader's limits, 50 ms). */
static void
made_aside_body (OtApplication *app,
                 OtWindow      *window)
{
  OtWorksheet *ws = ot_window_get_worksheet (window);
  g_autoptr(OtWorksheet) other = ot_worksheet_new ();
  GtkWidget *view;

  ot_test_ui_wait_until (values_page_made, window);
  view = values_page_view (window);
  g_assert_false (gtk_widget_get_mapped (view));
  /* Hidden, its rows are not kept styled either. */
  g_assert_false (gtk_widget_get_visible (adw_bin_get_child (ADW_BIN (view))));

  ot_worksheet_add_own_value (other, "Travel home by train", 4);
  ot_worksheet_copy_from (ws, other);
  ot_test_ui_wait_until (shows_train_row, view);
  g_assert_false (gtk_widget_get_mapped (view));

  ot_window_show_view (window, "values");
  g_assert_true (gtk_widget_get_mapped (view));
  g_assert_true (shows_train_row (view));
}

static void
test_made_aside (void)
{
  ot_test_ui_run (made_aside_body);
}

/* What matters most is drawn by the app's own long label (a GtkLabel
 * took most of a second to measure at the reader's limits): it still
 * grows with the text size, Ctrl+plus, as every label does. */
static void
top_zoom_body (OtApplication *app,
               OtWindow      *window)
{
  OtWorksheet *ws = ot_window_get_worksheet (window);
  GtkWidget *view, *top;
  int normal;

  ot_worksheet_add_own_value (ws, "Being well enough to travel home by train every month to see my sister",
                              OT_RATING_VERY_IMPORTANT);
  view = ot_test_ui_show_view (window, "values");
  ot_test_ui_wait ();
  top = ot_test_find_widget (view, ot_test_label_containing, "What matters most to you:");
  g_assert_nonnull (top);
  normal = gtk_widget_get_height (top);
  g_assert_cmpint (normal, >, 0);

  for (guint i = 0; i < 7; i++)
    g_action_group_activate_action (G_ACTION_GROUP (app), "zoom-in", NULL);
  ot_test_ui_wait_until (height_within, &(Height) { top, normal * 3 / 2, G_MAXINT });
  g_test_message ("what matters most: %d px at 100 %%, %d px at 200 %%", normal, gtk_widget_get_height (top));

  g_action_group_activate_action (G_ACTION_GROUP (app), "zoom-reset", NULL);
  ot_test_ui_wait_until (height_within, &(Height) { top, normal, normal });
}

static void
test_top_zoom (void)
{
  ot_test_ui_run (top_zoom_body);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  ot_test_widgets_init ();
  if (!ot_test_ui_init (&argc, &argv))
    return 0;

  g_test_add_func ("/values-view/fill", test_fill);
  g_test_add_func ("/values-view/follow-file", test_follow_file);
  g_test_add_func ("/values-view/keys", test_keys);
  g_test_add_func ("/values-view/notes-alone", test_notes_alone);
  g_test_add_func ("/values-view/notes-in-view", test_notes_in_view);
  g_test_add_func ("/values-view/notes-after-page", test_notes_after_page);
  g_test_add_func ("/values-view/made-aside", test_made_aside);
  g_test_add_func ("/values-view/own-rows", test_own_rows);
  g_test_add_func ("/values-view/rows-aside", test_rows_aside);
  g_test_add_func ("/values-view/rows-change-aside", test_rows_change_aside);
  g_test_add_func ("/values-view/top-zoom", test_top_zoom);

  status = g_test_run ();
  ot_test_widgets_cleanup ();
  return status;
}
