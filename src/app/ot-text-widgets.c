/* ot-text-widgets.c: labels for the pack's text, with glossary and sources
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ot-text-widgets"

#include "config.h"

#include <glib/gi18n.h>

#include "ot-text-widgets.h"

#define GLOSSARY_SCHEME "glossary:"

typedef struct
{
  gsize         start;
  gsize         end;
  const OtTerm *term;
} Span;

static gboolean
is_word_boundary (const char *text,
                  gsize       offset,
                  gsize       length)
{
  if (offset > 0 && g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (text + offset))))
    return FALSE;
  if (text[offset + length] && g_unichar_isalnum (g_utf8_get_char (text + offset + length)))
    return FALSE;
  return TRUE;
}

/* Where @word first stands in @text as a whole word, ignoring case. */
static gboolean
find_word (const char *text,
           const char *folded_text,
           const char *word,
           gsize      *start)
{
  g_autofree char *folded = g_utf8_casefold (word, -1);
  gsize length = strlen (folded);

  /* Case folding keeps byte offsets for the ASCII terms of the glossary;
   * a term whose folding changes its length is simply not linked. */
  if (strlen (folded_text) != strlen (text) || length != strlen (word))
    return FALSE;

  for (const char *hit = strstr (folded_text, folded); hit; hit = strstr (hit + 1, folded))
    if (is_word_boundary (text, hit - folded_text, length))
      {
        *start = hit - folded_text;
        return TRUE;
      }

  return FALSE;
}

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  return (int) ((const Span *) a)->start - (int) ((const Span *) b)->start;
}

/**
 * ot_text_widgets_markup:
 *
 * Escapes @text for a GtkLabel and links the first mention of each
 * glossary term, so that pointing at it or activating it explains it.
 *
 * Returns: (transfer full): Pango markup
 */
char *
ot_text_widgets_markup (OtContent  *content,
                        const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (Span));
  GPtrArray *glossary = ot_content_get_glossary (content);
  GString *markup = g_string_new (NULL);
  gsize done = 0;

  for (guint i = 0; i < glossary->len; i++)
    {
      const OtTerm *term = glossary->pdata[i];
      Span span = { 0, 0, term };
      gboolean overlaps = FALSE;

      if (!find_word (text, folded, term->word, &span.start))
        continue;
      span.end = span.start + strlen (term->word);

      for (guint j = 0; j < spans->len; j++)
        {
          const Span *other = &g_array_index (spans, Span, j);

          overlaps |= span.start < other->end && other->start < span.end;
        }
      if (!overlaps)
        g_array_append_val (spans, span);
    }

  g_array_sort (spans, compare_spans);

  for (guint i = 0; i < spans->len; i++)
    {
      const Span *span = &g_array_index (spans, Span, i);
      g_autofree char *before = g_markup_escape_text (text + done, span->start - done);
      g_autofree char *word = g_markup_escape_text (text + span->start, span->end - span->start);
      g_autofree char *title = g_markup_escape_text (span->term->definition.text, -1);

      g_string_append_printf (markup, "%s<a href=\"" GLOSSARY_SCHEME "%s\" title=\"%s\">%s</a>",
                              before, span->term->id, title, word);
      done = span->end;
    }

  {
    g_autofree char *rest = g_markup_escape_text (text + done, -1);

    g_string_append (markup, rest);
  }

  return g_string_free (markup, FALSE);
}

/* A glossary link opens a popover with the definition: the way to read it
 * from the keyboard or a screen reader, where a tooltip is not enough. */
static gboolean
activate_link_cb (GtkLabel   *label,
                  const char *uri,
                  OtContent  *content)
{
  GPtrArray *glossary = ot_content_get_glossary (content);
  GtkWidget *popover, *text;

  if (!g_str_has_prefix (uri, GLOSSARY_SCHEME))
    return FALSE;

  for (guint i = 0; i < glossary->len; i++)
    {
      const OtTerm *term = glossary->pdata[i];
      g_autofree char *markup = NULL;
      g_autofree char *word = NULL;
      g_autofree char *definition = NULL;

      if (!g_str_equal (term->id, uri + strlen (GLOSSARY_SCHEME)))
        continue;

      word = g_markup_escape_text (term->word, -1);
      definition = g_markup_escape_text (term->definition.text, -1);
      markup = g_strdup_printf ("<b>%s</b>\n%s", word, definition);
      text = gtk_label_new (NULL);
      gtk_label_set_markup (GTK_LABEL (text), markup);
      gtk_label_set_wrap (GTK_LABEL (text), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (text), 40);
      gtk_label_set_xalign (GTK_LABEL (text), 0);
      gtk_label_set_selectable (GTK_LABEL (text), TRUE);

      popover = gtk_popover_new ();
      gtk_popover_set_child (GTK_POPOVER (popover), text);
      gtk_widget_set_parent (popover, GTK_WIDGET (label));
      g_signal_connect (popover, "closed", G_CALLBACK (gtk_widget_unparent), NULL);
      /* A label that goes while its popover is open (the view is remade, the
       * window closes) closes it first: GTK warns of a child left behind. */
      g_signal_connect_object (label, "destroy", G_CALLBACK (gtk_popover_popdown), popover, G_CONNECT_SWAPPED);
      gtk_popover_popup (GTK_POPOVER (popover));
      return TRUE;
    }

  return TRUE;
}

static void
content_closure_notify (gpointer  data,
                        GClosure *closure)
{
  ot_content_unref (data);
}

/**
 * ot_text_widgets_label:
 *
 * Returns: (transfer floating): a wrapping label for @text, with glossary
 * terms linked.
 */
GtkWidget *
ot_text_widgets_label (OtContent  *content,
                       const char *text)
{
  g_autofree char *markup = ot_text_widgets_markup (content, text);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  g_signal_connect_data (label, "activate-link", G_CALLBACK (activate_link_cb),
                         ot_content_ref (content), content_closure_notify, 0);

  return label;
}

/**
 * ot_text_widgets_sources:
 *
 * Returns: (transfer floating): a small caption naming the publishers of
 * the sources, each once; pointing at it shows their full titles, and the
 * Sources window lists them all.
 */
GtkWidget *
ot_text_widgets_sources (OtContent          *content,
                         const char * const *ids)
{
  g_autofree char *full = ot_content_format_sources (content, ids);
  g_autoptr(GString) publishers = g_string_new (NULL);
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *text = NULL;
  GtkWidget *label;

  for (guint i = 0; ids != NULL && ids[i]; i++)
    {
      const OtSource *source = ot_content_find_source (content, ids[i]);
      const char *paren;
      char *name;

      if (source == NULL)
        continue;
      /* "Publisher (authors)" reads as just the publisher here. */
      paren = strstr (source->publisher, " (");
      name = paren ? g_strndup (source->publisher, paren - source->publisher) : g_strdup (source->publisher);
      if (g_ptr_array_find_with_equal_func (seen, name, g_str_equal, NULL))
        {
          g_free (name);
          continue;
        }
      g_string_append_printf (publishers, "%s%s", publishers->len ? "; " : "", name);
      g_ptr_array_add (seen, name);
    }

  text = g_strdup_printf (_("Source: %s"), publishers->str);
  label = gtk_label_new (text);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_tooltip_text (label, full);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, full, -1);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");

  return label;
}

/**
 * ot_text_widgets_paragraphs:
 * @paras: of #OtText
 *
 * Returns: (transfer floating): the paragraphs, each followed by its sources.
 */
GtkWidget *
ot_text_widgets_paragraphs (OtContent *content,
                            GPtrArray *paras)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);

  for (guint i = 0; i < paras->len; i++)
    {
      const OtText *para = paras->pdata[i];

      gtk_box_append (GTK_BOX (box), ot_text_widgets_label (content, para->text));
      gtk_box_append (GTK_BOX (box), ot_text_widgets_sources (content, para->sources));
    }

  return box;
}
