/* ot-text-limit.c: a field at its limit stops taking text, and says so
 *
 * The worksheet keeps each text within a limit no person reaches
 * (ot-worksheet.h).  A field that only cut the text when it is stored
 * would save less than the person sees; instead the field itself takes
 * no more than the limit, rings the bell, and a toast says what the
 * limit is, once while it is shown.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ot-text-limit"

#include "config.h"

#include <glib/gi18n.h>
#include <pango/pango.h>
#include <string.h>

#include "ot-text-limit.h"
#include "ot-window.h"

static guint
field_max (OtTextField field)
{
  switch (field)
    {
    case OT_TEXT_FIELD_NAME:
      return OT_WORKSHEET_MAX_NAME;
    case OT_TEXT_FIELD_NOTES:
    case OT_TEXT_FIELD_NEXT_STEPS:
      return OT_WORKSHEET_MAX_NOTES;
    case OT_TEXT_FIELD_OWN_VALUE:
    case OT_TEXT_FIELD_OWN_QUESTION:
      return OT_WORKSHEET_MAX_OWN_TEXT;
    case OT_TEXT_FIELD_OWN_VALUES:
    case OT_TEXT_FIELD_OWN_QUESTIONS:
    default:
      return OT_WORKSHEET_MAX_OWN;
    }
}

/* "20,000" in English, "20 000" in Spanish. */
static char *
format_count (guint count)
{
  /* Translators: what separates the thousands in a number, as in "20,000" */
  const char *separator = C_("thousands", ",");
  g_autofree char *digits = g_strdup_printf ("%u", count);
  GString *out = g_string_new (NULL);
  gsize length = strlen (digits);

  for (gsize i = 0; i < length; i++)
    {
      if (i > 0 && (length - i) % 3 == 0)
        g_string_append (out, separator);
      g_string_append_c (out, digits[i]);
    }

  return g_string_free (out, FALSE);
}

/* In each message, %s is the limit: a number such as 200 or 20,000. */
static char *
field_message (OtTextField field)
{
  g_autofree char *count = format_count (field_max (field));

  switch (field)
    {
    case OT_TEXT_FIELD_NAME:
      /* Translators: %s is a number, such as 200 */
      return g_strdup_printf (_("A name can be at most %s characters"), count);
    case OT_TEXT_FIELD_NOTES:
      /* Translators: %s is a number, such as 20,000 */
      return g_strdup_printf (_("Notes can be at most %s characters"), count);
    case OT_TEXT_FIELD_NEXT_STEPS:
      /* Translators: %s is a number, such as 20,000 */
      return g_strdup_printf (_("Next steps can be at most %s characters"), count);
    case OT_TEXT_FIELD_OWN_VALUE:
      /* Translators: %s is a number, such as 500 */
      return g_strdup_printf (_("A value of your own can be at most %s characters"), count);
    case OT_TEXT_FIELD_OWN_QUESTION:
      /* Translators: %s is a number, such as 500 */
      return g_strdup_printf (_("A question of your own can be at most %s characters"), count);
    case OT_TEXT_FIELD_OWN_VALUES:
      /* Translators: %s is a number, such as 200 */
      return g_strdup_printf (_("You can add at most %s values of your own"), count);
    case OT_TEXT_FIELD_OWN_QUESTIONS:
    default:
      /* Translators: %s is a number, such as 200 */
      return g_strdup_printf (_("You can add at most %s questions of your own"), count);
    }
}

static void
toast_dismissed_cb (AdwToast  *toast,
                    GtkWidget *widget)
{
  g_object_set_data (G_OBJECT (widget), "ot-limit-toast", NULL);
}

/* The bell, and a toast saying @message in @widget's window unless one
 * is shown for it already. */
static void
tell (GtkWidget  *widget,
      const char *message)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  AdwToast *toast;

  gtk_widget_error_bell (widget);
  if (!OT_IS_WINDOW (root) || g_object_get_data (G_OBJECT (widget), "ot-limit-toast") != NULL)
    return;

  toast = adw_toast_new (message);
  g_object_set_data_full (G_OBJECT (widget), "ot-limit-toast", g_object_ref (toast), g_object_unref);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (toast_dismissed_cb), widget, 0);
  ot_window_add_toast (OT_WINDOW (root), toast);
}

/**
 * ot_text_limit_tell:
 *
 * Says that @field is at its limit: the bell, and a toast in @widget's
 * window unless one is shown for it already.
 */
void
ot_text_limit_tell (GtkWidget   *widget,
                    OtTextField  field)
{
  g_autofree char *message = field_message (field);

  tell (widget, message);
}

static void
tell_marks (GtkWidget *widget)
{
  g_autofree char *message = NULL;

  /* Translators: %d is a number, such as 30 */
  message = g_strdup_printf (_("A letter can have at most %d accents or other marks"), OT_WORKSHEET_MAX_MARKS);
  tell (widget, message);
}

/* How many combining marks end @text. */
static guint
count_last_marks (const char *text)
{
  const char *p = text + strlen (text);
  guint run = 0;

  while (p > text)
    {
      p = g_utf8_prev_char (p);
      if (!g_unichar_ismark (g_utf8_get_char (p)))
        break;
      run++;
    }
  return run;
}

static OtTextField
get_field (gpointer object)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (object), "ot-text-field"));
}

/* Runs before GtkText inserts, which then keeps to its maximum length. */
static void
editable_insert_cb (GtkEditable *text,
                    const char  *new_text,
                    int          length,
                    int         *position,
                    GtkWidget   *widget)
{
  OtTextField field = get_field (widget);
  GtkEntryBuffer *buffer = gtk_text_get_buffer (GTK_TEXT (text));
  g_autofree char *before = gtk_editable_get_chars (text, 0, *position);
  g_autofree char *fits = ot_text_drop_marks (new_text, length, count_last_marks (before));

  if (fits != NULL)
    {
      /* What fits comes back here and goes through. */
      g_signal_stop_emission_by_name (text, "insert-text");
      tell_marks (widget);
      gtk_editable_insert_text (text, fits, -1, position);
      return;
    }

  if (gtk_entry_buffer_get_length (buffer) + g_utf8_strlen (new_text, length) > field_max (field))
    ot_text_limit_tell (widget, field);
}

/**
 * ot_text_limit_editable:
 *
 * Keeps @editable (an entry, an entry row) to @field's limit.
 */
void
ot_text_limit_editable (GtkEditable *editable,
                        OtTextField  field)
{
  GtkEditable *text = editable;

  g_return_if_fail (GTK_IS_EDITABLE (editable));

  while (!GTK_IS_TEXT (text) && gtk_editable_get_delegate (text) != NULL)
    text = gtk_editable_get_delegate (text);
  g_return_if_fail (GTK_IS_TEXT (text));

  g_object_set_data (G_OBJECT (editable), "ot-text-field", GUINT_TO_POINTER (field));
  gtk_text_set_max_length (GTK_TEXT (text), (int) field_max (field));
  g_signal_connect_object (text, "insert-text", G_CALLBACK (editable_insert_cb), editable, 0);
}

/* Inserts what fits of the text, and says when some did not. */
static void
buffer_insert_cb (GtkTextBuffer *buffer,
                  GtkTextIter   *location,
                  const char    *new_text,
                  int            length,
                  GtkTextView   *view)
{
  OtTextField field = get_field (view);
  int room = (int) field_max (field) - gtk_text_buffer_get_char_count (buffer);
  GtkTextIter start = *location;
  const char *end;
  g_autofree char *before = NULL;
  g_autofree char *fits = NULL;

  gtk_text_iter_set_line_offset (&start, 0);
  before = gtk_text_buffer_get_slice (buffer, &start, location, TRUE);
  fits = ot_text_drop_marks (new_text, length, count_last_marks (before));
  if (fits != NULL)
    {
      /* What fits comes back here and goes through. */
      g_signal_stop_emission_by_name (buffer, "insert-text");
      tell_marks (GTK_WIDGET (view));
      gtk_text_buffer_insert (buffer, location, fits, -1);
      return;
    }

  if (g_utf8_strlen (new_text, length) <= room)
    return;

  g_signal_stop_emission_by_name (buffer, "insert-text");
  ot_text_limit_tell (GTK_WIDGET (view), field);
  if (room <= 0)
    return;

  /* Fits now: this insertion comes back here and goes through. */
  end = g_utf8_offset_to_pointer (new_text, room);
  gtk_text_buffer_insert (buffer, location, new_text, (int) (end - new_text));
}

/* A run of letters this long is wider than any line, so its paragraph
 * breaks between letters anyway. */
#define LONG_WORD 1000

static gboolean
has_long_word (const char *text,
               const char *end)
{
  guint run = 0;

  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    {
      if (g_unichar_isspace (g_utf8_get_char (p)))
        run = 0;
      else if (++run == LONG_WORD)
        return TRUE;
    }
  return FALSE;
}

/* Pango's wrapping by words, then letters, takes time that grows with
 * the square of a word's length: a note of one 20,000-letter word took
 * 0.3 s to lay out again on every key.  A paragraph holding a word that
 * long is wrapped by letters, which looks the same and is cheap. */
static void
buffer_changed_cb (GtkTextBuffer *buffer,
                   GtkTextTag    *by_letters)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  const char *paragraph;
  int left;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_slice (buffer, &start, &end, TRUE);
  paragraph = text;
  left = (int) strlen (text);
  for (int line = 0; ; line++)
    {
      int delimiter, next;
      gboolean want;

      pango_find_paragraph_boundary (paragraph, left, &delimiter, &next);
      want = has_long_word (paragraph, paragraph + delimiter);
      gtk_text_buffer_get_iter_at_line (buffer, &start, line);
      if (want != gtk_text_iter_has_tag (&start, by_letters))
        {
          end = start;
          gtk_text_iter_forward_line (&end);
          if (want)
            gtk_text_buffer_apply_tag (buffer, by_letters, &start, &end);
          else
            gtk_text_buffer_remove_tag (buffer, by_letters, &start, &end);
        }
      if (next >= left)
        break;
      paragraph += next;
      left -= next;
    }
}

/**
 * ot_text_limit_text_view:
 *
 * Keeps @view's text to @field's limit, and quick to lay out at it.
 */
void
ot_text_limit_text_view (GtkTextView *view,
                         OtTextField  field)
{
  GtkTextBuffer *buffer;
  GtkTextTag *by_letters;

  g_return_if_fail (GTK_IS_TEXT_VIEW (view));

  buffer = gtk_text_view_get_buffer (view);
  by_letters = gtk_text_buffer_create_tag (buffer, "ot-by-letters", "wrap-mode", GTK_WRAP_CHAR, NULL);
  g_object_set_data (G_OBJECT (view), "ot-text-field", GUINT_TO_POINTER (field));
  g_signal_connect_object (buffer, "insert-text", G_CALLBACK (buffer_insert_cb), view, 0);
  g_signal_connect_object (buffer, "changed", G_CALLBACK (buffer_changed_cb), by_letters, 0);
}
