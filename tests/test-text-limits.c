/* test-text-limits.c: a field at its limit stops taking text and says so
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the window shows is what is saved: text typed or pasted past a
 * limit of the worksheet (ot-worksheet.h) is not taken by the field, and
 * a toast says what the limit is, rather than the text being cut when it
 * is stored.  An item of the person's own past the number allowed stays
 * in the row it was typed in.
 */

#include "config.h"

#include "ot-test-ui.h"
#include "ot-worksheet.h"

/* Types @text at the end of @editable, as a paste does: one insertion. */
static void
paste_into_editable (GtkWidget  *editable,
                     const char *text)
{
  int position = (int) g_utf8_strlen (gtk_editable_get_text (GTK_EDITABLE (editable)), -1);

  gtk_widget_grab_focus (editable);
  gtk_editable_insert_text (GTK_EDITABLE (gtk_editable_get_delegate (GTK_EDITABLE (editable))),
                            text, -1, &position);
}

static void
names_body (OtApplication *app,
            OtWindow      *window)
{
  OtWorksheet *worksheet = ot_window_get_worksheet (window);
  GtkWidget *view = ot_test_ui_show_view (window, "situation");
  GtkWidget *row;
  g_autofree char *name = g_strnfill (OT_WORKSHEET_MAX_NAME - 1, 'n');

  ot_test_ui_wait ();
  row = ot_test_find_row (view, "Your Name (optional)");

  /* Up to the limit the field takes text, and says nothing. */
  paste_into_editable (row, name);
  paste_into_editable (row, "m");
  ot_test_ui_wait ();
  g_assert_cmpint (g_utf8_strlen (gtk_editable_get_text (GTK_EDITABLE (row)), -1), ==, OT_WORKSHEET_MAX_NAME);
  g_assert_null (ot_test_ui_find_label (GTK_WIDGET (window), "A name can be at most 200 characters"));

  /* Past it: nothing more is taken, and the toast says why. */
  paste_into_editable (row, "more");
  ot_test_ui_wait_for_label (GTK_WIDGET (window), "A name can be at most 200 characters");
  g_assert_cmpint (g_utf8_strlen (gtk_editable_get_text (GTK_EDITABLE (row)), -1), ==, OT_WORKSHEET_MAX_NAME);
  g_assert_true (g_str_has_suffix (gtk_editable_get_text (GTK_EDITABLE (row)), "nm"));
  ot_test_ui_screenshot (GTK_WIDGET (window), "text-limits-name");

  /* What is saved is what the field shows. */
  g_assert_cmpstr (ot_worksheet_get_patient_name (worksheet), ==, gtk_editable_get_text (GTK_EDITABLE (row)));
}

static void
test_names (void)
{
  ot_test_ui_run (names_body);
}

/* Shows What Matters to Me with the focus in its notes. */
static GtkTextBuffer *
focus_notes (OtWindow *window)
{
  GtkWidget *view = ot_test_ui_show_view (window, "values");
  GtkWidget *notes = ot_test_find_by_id (view, "notes_view");

  gtk_widget_grab_focus (notes);
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (notes));
}

/* Text copied in another application (tests/copy-elsewhere.c): on the
 * clipboard until the process returned is ended with end_copier().
 * Waits until @widget's display offers it: on Wayland a window is told
 * what the clipboard holds only while it has the keyboard, which needs a
 * seat (tests/run-wayland --seat); a headless weston has none, and so no
 * clipboard between applications at all. */
static GSubprocess *
copy_elsewhere (GtkWidget  *widget,
                const char *text)
{
  g_autofree char *helper = g_test_build_filename (G_TEST_BUILT, "copy-elsewhere", NULL);
  g_autoptr(GError) error = NULL;
  GSubprocess *copier = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                                          helper, text, NULL);
  g_autoptr(GDataInputStream) output = NULL;
  g_autofree char *line = NULL;
  GdkClipboard *clipboard = gtk_widget_get_clipboard (widget);
  gint64 start = g_get_monotonic_time ();

  g_assert_no_error (error);
  output = g_data_input_stream_new (g_subprocess_get_stdout_pipe (copier));
  line = g_data_input_stream_read_line (output, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (line, ==, "copied");

  while ((gdk_clipboard_is_local (clipboard)
          || !gdk_content_formats_contain_gtype (gdk_clipboard_get_formats (clipboard), G_TYPE_STRING))
         && g_get_monotonic_time () - start < 10 * G_USEC_PER_SEC)
    ot_test_ui_wait ();
  g_assert_false (gdk_clipboard_is_local (clipboard));
  g_assert_true (gdk_content_formats_contain_gtype (gdk_clipboard_get_formats (clipboard), G_TYPE_STRING));
  return copier;
}

static void
end_copier (GSubprocess *copier)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_output_stream_close (g_subprocess_get_stdin_pipe (copier), NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait_check (copier, NULL, &error));
  g_assert_no_error (error);
  g_object_unref (copier);
}

static void
notes_body (OtApplication *app,
            OtWindow      *window)
{
  OtWorksheet *worksheet = ot_window_get_worksheet (window);
  GtkTextBuffer *buffer = focus_notes (window);
  GtkWidget *notes = gtk_root_get_focus (GTK_ROOT (window));
  g_autofree char *pasted = g_strnfill (OT_WORKSHEET_MAX_NOTES + 50, 'w');
  g_autofree char *shown = NULL;
  GSubprocess *copier;
  GtkTextIter start, end;

  /* A paste longer than the notes may be, copied in another application
   * and pasted as Ctrl+V does: what fits is taken. */
  g_assert_true (gtk_text_view_get_buffer (GTK_TEXT_VIEW (notes)) == buffer);
  gtk_text_buffer_insert_interactive_at_cursor (buffer, "Ask about the port. ", -1, TRUE);
  copier = copy_elsewhere (notes, pasted);
  gtk_widget_activate_action (notes, "clipboard.paste", NULL);
  ot_test_ui_wait_for_label (GTK_WIDGET (window), "Notes can be at most 20,000 characters");
  end_copier (copier);
  g_assert_cmpint (gtk_text_buffer_get_char_count (buffer), ==, OT_WORKSHEET_MAX_NOTES);

  /* A key more changes nothing. */
  gtk_text_buffer_insert_interactive_at_cursor (buffer, "x", -1, TRUE);
  g_assert_cmpint (gtk_text_buffer_get_char_count (buffer), ==, OT_WORKSHEET_MAX_NOTES);

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_true (g_str_has_prefix (shown, "Ask about the port. www"));
  ot_test_ui_wait ();
  g_assert_cmpstr (ot_worksheet_get_notes (worksheet), ==, shown);
}

static void
test_notes (void)
{
  ot_test_ui_run (notes_body);
}

/* "é" with @extra more acute accents than a letter may carry. */
static char *
marked_letter (guint extra)
{
  GString *text = g_string_new ("e");

  for (guint i = 0; i < OT_WORKSHEET_MAX_MARKS + extra; i++)
    g_string_append (text, "\xcc\x81");
  return g_string_free (text, FALSE);
}

/* A letter pasted with more marks than the worksheet keeps loses the
 * extra ones in the field itself, with a toast, so what is saved is
 * what the person sees. */
static void
marks_body (OtApplication *app,
            OtWindow      *window)
{
  const char *told = "A letter can have at most 30 accents or other marks";
  OtWorksheet *worksheet = ot_window_get_worksheet (window);
  GtkWidget *situation = ot_test_ui_show_view (window, "situation");
  g_autofree char *marked = marked_letter (10);
  g_autofree char *kept = marked_letter (0);
  GtkWidget *row;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *shown = NULL;

  ot_test_ui_wait ();
  row = ot_test_find_row (situation, "Your Name (optional)");
  paste_into_editable (row, "Ana");
  paste_into_editable (row, marked);
  ot_test_ui_wait_for_label (GTK_WIDGET (window), told);
  shown = g_strconcat ("Ana", kept, NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, shown);
  ot_test_ui_wait ();
  g_assert_cmpstr (ot_worksheet_get_patient_name (worksheet), ==, shown);

  /* Marks typed one at a time onto a letter that has its fill. */
  paste_into_editable (row, "\xcc\x81");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, shown);

  buffer = focus_notes (window);
  gtk_text_buffer_insert_interactive_at_cursor (buffer, marked, -1, TRUE);
  g_clear_pointer (&shown, g_free);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (shown, ==, kept);
  ot_test_ui_wait ();
  g_assert_cmpstr (ot_worksheet_get_notes (worksheet), ==, kept);
  ot_test_ui_wait_for_label (GTK_WIDGET (window), told);
}

static void
test_marks (void)
{
  ot_test_ui_run (marks_body);
}

/* Whether line @line of @buffer wraps between letters, not words. */
static gboolean
wraps_by_letters (GtkTextBuffer *buffer,
                  int            line)
{
  g_autoptr(GSList) tags = NULL;
  GtkTextIter start;
  gboolean by_letters = FALSE;

  gtk_text_buffer_get_iter_at_line (buffer, &start, line);
  tags = gtk_text_iter_get_tags (&start);
  for (GSList *l = tags; l != NULL; l = l->next)
    {
      GtkWrapMode mode;
      gboolean set;

      g_object_get (l->data, "wrap-mode", &mode, "wrap-mode-set", &set, NULL);
      by_letters |= set && mode == GTK_WRAP_CHAR;
    }
  return by_letters;
}

/* A paragraph of one very long word wraps by letters (wrapping it by
 * words first took 0.3 s on every key); the others still wrap by words,
 * and the text itself is untouched. */
static void
long_word_body (OtApplication *app,
                OtWindow      *window)
{
  OtWorksheet *worksheet = ot_window_get_worksheet (window);
  GtkTextBuffer *buffer = focus_notes (window);
  g_autofree char *word = g_strnfill (5000, 'w');
  g_autofree char *text = g_strconcat ("Ask about the port.\n", word, "\nAnd the pump.", NULL);
  GtkTextIter start, end;

  gtk_text_buffer_insert_interactive_at_cursor (buffer, text, -1, TRUE);
  g_assert_false (wraps_by_letters (buffer, 0));
  g_assert_true (wraps_by_letters (buffer, 1));
  g_assert_false (wraps_by_letters (buffer, 2));

  /* Typed at the start of the long word, the paragraph keeps its wrap. */
  gtk_text_buffer_get_iter_at_line (buffer, &start, 1);
  gtk_text_buffer_insert_interactive (buffer, &start, "x", -1, TRUE);
  g_assert_true (wraps_by_letters (buffer, 1));
  ot_test_ui_wait ();
  g_assert_true (g_str_has_prefix (ot_worksheet_get_notes (worksheet), "Ask about the port.\nxwww"));

  /* Broken into words, it wraps by words again. */
  for (int offset = 900; offset < 5000; offset += 900)
    {
      gtk_text_buffer_get_iter_at_line_offset (buffer, &start, 1, offset);
      gtk_text_buffer_insert_interactive (buffer, &start, " ", -1, TRUE);
    }
  g_assert_false (wraps_by_letters (buffer, 1));

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  g_assert_cmpint (gtk_text_iter_get_line (&end), ==, 2);
}

static void
test_long_word (void)
{
  ot_test_ui_run (long_word_body);
}

static void
own_items_body (OtApplication *app,
                OtWindow      *window)
{
  OtWorksheet *worksheet = ot_window_get_worksheet (window);
  GtkWidget *view = ot_test_ui_show_view (window, "values");
  GtkWidget *add = ot_test_find_row (view, "Add a question of your own");
  g_autofree char *long_question = g_strnfill (OT_WORKSHEET_MAX_OWN_TEXT + 100, 'q');
  g_autoptr(OtWorksheet) full = ot_worksheet_new ();

  /* A question longer than allowed stops at the limit, with a toast. */
  paste_into_editable (add, long_question);
  ot_test_ui_wait_for_label (GTK_WIDGET (window), "A question of your own can be at most 500 characters");
  g_assert_cmpint (g_utf8_strlen (gtk_editable_get_text (GTK_EDITABLE (add)), -1), ==, OT_WORKSHEET_MAX_OWN_TEXT);
  g_signal_emit_by_name (add, "apply");
  ot_test_ui_wait ();
  g_assert_cmpuint (ot_worksheet_get_own_questions (worksheet)->len, ==, 1);
  g_assert_cmpint (g_utf8_strlen (((OtOwnItem *) ot_worksheet_get_own_questions (worksheet)->pdata[0])->text, -1),
                   ==, OT_WORKSHEET_MAX_OWN_TEXT);

  /* As many values of one's own as allowed (given at once, as opening a
   * file does): one more stays in its row, not lost, and the toast says
   * why. */
  for (guint i = 0; i < OT_WORKSHEET_MAX_OWN; i++)
    ot_worksheet_add_own_value (full, "Walking the dog", OT_RATING_UNRATED);
  ot_worksheet_copy_from (worksheet, full);
  ot_test_ui_wait ();
  add = ot_test_find_row (view, "Add something that matters to you");
  gtk_editable_set_text (GTK_EDITABLE (add), "Seeing the sea");
  g_signal_emit_by_name (add, "apply");
  ot_test_ui_wait_for_label (GTK_WIDGET (window), "You can add at most 50 values of your own");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (add)), ==, "Seeing the sea");
  g_assert_cmpuint (ot_worksheet_get_own_values (worksheet)->len, ==, OT_WORKSHEET_MAX_OWN);
  ot_test_ui_screenshot (GTK_WIDGET (window), "text-limits-own-values");
}

static void
test_own_items (void)
{
  ot_test_ui_run (own_items_body);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text-limits/names", test_names);
  g_test_add_func ("/text-limits/notes", test_notes);
  g_test_add_func ("/text-limits/long-word", test_long_word);
  g_test_add_func ("/text-limits/marks", test_marks);
  g_test_add_func ("/text-limits/own-items", test_own_items);

  return g_test_run ();
}
