/* ot-worksheet-io.c: the *.optiontalk file, written safely and read warily
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ot-worksheet-io"

#include "config.h"

#include <glib/gi18n.h>
#include <libxml/chvalid.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <string.h>

#include "ot-safe-file.h"
#include "ot-worksheet-io.h"
#include "ot-worksheet-resources.h"
#include "ot-xml.h"

#define SCHEMA_RESOURCE RESOURCE_PREFIX "/worksheet/optiontalk-worksheet.rng"
#define ROOT_NAME "optiontalk-worksheet"

G_DEFINE_QUARK (ot-worksheet-error-quark, ot_worksheet_error)

/* The words the file uses for the model's enums, in enum order. */
static const char *substages[] = { NULL, "iva", "ivb", "ivc", "not-sure" };
static const char *sites[OT_N_SITES] = { "liver", "lung", "peritoneum", "nodes", "bone", "other" };
static const struct
{
  OtSide      side;
  const char *name;
} sides[] = {
  { OT_SIDE_RIGHT, "right" },
  { OT_SIDE_LEFT, "left" },
  { OT_SIDE_RECTUM, "rectum" },
};

static void
ensure_resources (void)
{
  static gsize registered;

  if (g_once_init_enter (&registered))
    {
      ot_worksheet_schema_register_resource ();
      g_once_init_leave (&registered, 1);
    }
}

void
ot_autosave_clear (OtAutosave *autosave)
{
  g_return_if_fail (autosave != NULL);

  g_clear_pointer (&autosave->document, g_free);
  autosave->modified = FALSE;
}

/* Writing */

/* XML 1.0 cannot carry most control characters, even escaped: drop them
 * (and repair bad UTF-8) rather than write a file that cannot be read. */
static char *
xml_safe_text (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  GString *out = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (xmlIsCharQ (c))
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

static xmlNode *
add_element (xmlNode    *parent,
             const char *name)
{
  return xmlNewChild (parent, NULL, (const xmlChar *) name, NULL);
}

static xmlNode *
add_text (xmlNode    *parent,
          const char *name,
          const char *text)
{
  g_autofree char *safe = xml_safe_text (text);

  return xmlNewTextChild (parent, NULL, (const xmlChar *) name, (const xmlChar *) safe);
}

static void
set_prop (xmlNode    *node,
          const char *name,
          const char *value)
{
  g_autofree char *safe = xml_safe_text (value);

  xmlNewProp (node, (const xmlChar *) name, (const xmlChar *) safe);
}

static void
set_int_prop (xmlNode    *node,
              const char *name,
              int         value)
{
  char buffer[16];

  g_snprintf (buffer, sizeof buffer, "%d", value);
  set_prop (node, name, buffer);
}

/* The parent element is created only when it gets a child, so an empty
 * worksheet writes an empty root. */
static xmlNode *
ensure_section (xmlNode    *root,
                xmlNode   **section,
                const char *name)
{
  if (*section == NULL)
    *section = add_element (root, name);
  return *section;
}

static void
add_id_list (xmlNode            *root,
             xmlNode           **section,
             const char         *section_name,
             const char         *name,
             const char * const *ids)
{
  for (guint i = 0; ids[i] != NULL; i++)
    set_prop (add_element (ensure_section (root, section, section_name), name), "id", ids[i]);
}

static void
write_situation (xmlNode     *root,
                 OtWorksheet *worksheet)
{
  xmlNode *section = NULL;
  OtSubstage substage = ot_worksheet_get_substage (worksheet);
  guint site_bits = ot_worksheet_get_sites (worksheet);
  OtSide side = ot_worksheet_get_side (worksheet);
  g_auto(GStrv) biomarkers = ot_worksheet_dup_biomarker_ids (worksheet);
  guint lines = ot_worksheet_get_prior_lines (worksheet);
  const char *patient = ot_worksheet_get_patient_name (worksheet);
  const char *clinician = ot_worksheet_get_clinician_name (worksheet);

  if (substage != OT_SUBSTAGE_UNSET)
    add_text (ensure_section (root, &section, "situation"), "substage", substages[substage]);
  for (guint i = 0; i < OT_N_SITES; i++)
    if (site_bits & (1u << i))
      add_text (ensure_section (root, &section, "situation"), "site", sites[i]);
  for (guint i = 0; i < G_N_ELEMENTS (sides); i++)
    if (side == sides[i].side)
      add_text (ensure_section (root, &section, "situation"), "side", sides[i].name);
  for (guint i = 0; biomarkers[i] != NULL; i++)
    {
      xmlNode *node = add_element (ensure_section (root, &section, "situation"), "biomarker");

      set_prop (node, "id", biomarkers[i]);
      set_prop (node, "result", ot_worksheet_get_biomarker (worksheet, biomarkers[i]));
    }
  if (lines > 0)
    {
      char buffer[16];

      g_snprintf (buffer, sizeof buffer, "%u", lines);
      add_text (ensure_section (root, &section, "situation"), "prior-lines", buffer);
    }
  if (ot_worksheet_get_show_survival (worksheet))
    add_text (ensure_section (root, &section, "situation"), "show-survival", "true");
  if (patient != NULL)
    add_text (ensure_section (root, &section, "situation"), "patient-name", patient);
  if (clinician != NULL)
    add_text (ensure_section (root, &section, "situation"), "clinician-name", clinician);
}

static void
write_values (xmlNode     *root,
              OtWorksheet *worksheet)
{
  xmlNode *section = NULL;
  g_auto(GStrv) rated = ot_worksheet_dup_rated_values (worksheet);
  GPtrArray *own = ot_worksheet_get_own_values (worksheet);

  for (guint i = 0; rated[i] != NULL; i++)
    {
      xmlNode *node = add_element (ensure_section (root, &section, "values"), "value");

      set_prop (node, "id", rated[i]);
      set_int_prop (node, "rating", ot_worksheet_get_rating (worksheet, rated[i]));
    }
  for (guint i = 0; i < own->len; i++)
    {
      const OtOwnItem *item = own->pdata[i];
      xmlNode *node = add_text (ensure_section (root, &section, "values"), "own-value", item->text);

      if (item->rating != OT_RATING_UNRATED)
        set_int_prop (node, "rating", item->rating);
    }
}

static void
write_questions (xmlNode     *root,
                 OtWorksheet *worksheet)
{
  xmlNode *section = NULL;
  const char * const *chosen = ot_worksheet_get_questions (worksheet);
  GPtrArray *own = ot_worksheet_get_own_questions (worksheet);

  for (guint i = 0; chosen[i] != NULL; i++)
    {
      xmlNode *node = add_element (ensure_section (root, &section, "questions"), "question");

      set_prop (node, "id", chosen[i]);
      if (ot_worksheet_get_question_asked (worksheet, chosen[i]))
        set_prop (node, "asked", "true");
    }
  for (guint i = 0; i < own->len; i++)
    {
      const OtOwnItem *item = own->pdata[i];
      xmlNode *node = add_text (ensure_section (root, &section, "questions"), "own-question", item->text);

      if (item->asked)
        set_prop (node, "asked", "true");
    }
}

/* An element holding @date as YYYY-MM-DD, if it is set. */
static void
add_date (xmlNode     *root,
          const char  *name,
          const GDate *date)
{
  char buffer[16];

  if (!g_date_valid (date))
    return;
  g_snprintf (buffer, sizeof buffer, "%04u-%02u-%02u", g_date_get_year (date),
              g_date_get_month (date), g_date_get_day (date));
  add_text (root, name, buffer);
}

/**
 * ot_worksheet_io_to_bytes:
 * @autosave: (nullable): what only the autosave file keeps
 *
 * Returns: (transfer full): the worksheet as a format-1 document
 */
GBytes *
ot_worksheet_io_to_bytes (OtWorksheet      *worksheet,
                          const OtAutosave *autosave)
{
  g_autoptr(xmlDoc) doc = xmlNewDoc ((const xmlChar *) "1.0");
  xmlNode *root = xmlNewNode (NULL, (const xmlChar *) ROOT_NAME);
  xmlNode *section = NULL;
  g_auto(GStrv) readiness = NULL;
  const char *text;
  xmlChar *data = NULL;
  int size = 0;

  g_return_val_if_fail (OT_IS_WORKSHEET (worksheet), NULL);

  xmlDocSetRootElement (doc, root);
  set_int_prop (root, "format", OT_WORKSHEET_FORMAT);

  if (autosave != NULL)
    {
      xmlNode *node = add_element (root, "autosave");

      if (autosave->document != NULL)
        set_prop (node, "document", autosave->document);
      set_prop (node, "modified", autosave->modified ? "true" : "false");
    }

  write_situation (root, worksheet);

  section = NULL;
  add_id_list (root, &section, "compare", "category", ot_worksheet_get_compared_categories (worksheet));
  add_id_list (root, &section, "compare", "treatment", ot_worksheet_get_compared_treatments (worksheet));
  add_id_list (root, &section, "compare", "avoid-effect", ot_worksheet_get_avoid_effects (worksheet));

  write_values (root, worksheet);

  if ((text = ot_worksheet_get_role (worksheet)) != NULL)
    set_prop (add_element (root, "role"), "id", text);

  section = NULL;
  readiness = ot_worksheet_dup_readiness_ids (worksheet);
  for (guint i = 0; readiness[i] != NULL; i++)
    {
      OtAnswer answer = ot_worksheet_get_readiness (worksheet, readiness[i]);
      xmlNode *node = add_text (ensure_section (root, &section, "readiness"), "answer",
                                answer == OT_ANSWER_YES ? "yes" : "no");

      set_prop (node, "item", readiness[i]);
    }

  write_questions (root, worksheet);

  section = NULL;
  add_id_list (root, &section, "leaning", "option", ot_worksheet_get_leaning (worksheet));

  if ((text = ot_worksheet_get_notes (worksheet)) != NULL)
    add_text (root, "notes", text);
  if ((text = ot_worksheet_get_next_steps (worksheet)) != NULL)
    add_text (root, "next-steps", text);

  add_date (root, "next-visit", ot_worksheet_get_next_visit (worksheet));
  add_date (root, "saved-on", ot_worksheet_get_saved_on (worksheet));

  xmlDocDumpFormatMemoryEnc (doc, &data, &size, "UTF-8", 1);
  g_assert (data != NULL);

  return g_bytes_new_with_free_func (data, size, (GDestroyNotify) xmlFree, data);
}

/* Reading */

typedef struct
{
  OtWorksheet *worksheet;
  const char  *name;
  GError      *error;
} Reader;

static gboolean
reader_fail (Reader     *reader,
             xmlNode    *node,
             const char *format,
             ...) G_GNUC_PRINTF (3, 4);

/* Keeps the first problem, as "“file”, line N: problem". */
static gboolean
reader_fail (Reader     *reader,
             xmlNode    *node,
             const char *format,
             ...)
{
  g_autofree char *problem = NULL;
  va_list args;

  if (reader->error != NULL)
    return FALSE;

  va_start (args, format);
  problem = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (&reader->error, OT_WORKSHEET_ERROR, OT_WORKSHEET_ERROR_VALUE,
               _("“%s”, line %d: %s"), reader->name, (int) xmlGetLineNo (node), problem);
  return FALSE;
}

/* The raw text of an element: white space and line breaks are the
 * person's and are kept exactly.  Text past the limits a person never
 * reaches is refused, naming @field, rather than laid out for minutes. */
static char *
node_raw_text (Reader     *reader,
               xmlNode    *node,
               const char *field,
               guint       max_chars)
{
  xmlChar *raw = xmlNodeGetContent (node);
  g_autofree char *text = g_strdup (raw ? (const char *) raw : "");
  glong length = g_utf8_strlen (text, -1);

  xmlFree (raw);

  if (length > max_chars)
    reader_fail (reader, node, _("%s has %ld characters; the limit is %u"), field, length, max_chars);
  else if (ot_text_count_marks (text) > OT_WORKSHEET_MAX_MARKS)
    reader_fail (reader, node, _("%s has more than %d accents or other marks on one letter"),
                 field, OT_WORKSHEET_MAX_MARKS);
  else
    return g_steal_pointer (&text);

  return NULL;
}

/* Whether @node's @attribute is new in @seen: a list naming the same
 * thing twice is refused, and so is one longer than any pack needs. */
static gboolean
check_listed_once (Reader     *reader,
                   GHashTable *seen,
                   xmlNode    *node,
                   const char *attribute,
                   const char *value)
{
  if (g_hash_table_size (seen) >= OT_WORKSHEET_MAX_IDS)
    return reader_fail (reader, node, _("<%s> has more than %d entries"),
                        (const char *) node->parent->name, OT_WORKSHEET_MAX_IDS);
  if (!g_hash_table_add (seen, g_strdup (value)))
    return reader_fail (reader, node, _("<%s %s=\"%s\"> is listed twice"),
                        (const char *) node->name, attribute, value);
  return TRUE;
}

/* Values the schema checked, folded the way XML Schema folds them. */
static char *
node_token (xmlNode *node)
{
  return ot_xml_node_text (node);
}

static char *
prop_token (xmlNode    *node,
            const char *name)
{
  g_autofree char *raw = ot_xml_prop (node, name);

  return raw ? ot_xml_collapse (raw) : NULL;
}

static gboolean
parse_boolean (const char *text)
{
  return g_strcmp0 (text, "true") == 0 || g_strcmp0 (text, "1") == 0;
}

static int
parse_int (const char *text)
{
  /* The schema allowed only small integers, perhaps with a sign or zeros. */
  return (int) g_ascii_strtoll (text, NULL, 10);
}

static int
find_word (const char * const *words,
           guint               n_words,
           const char         *word)
{
  for (guint i = 0; i < n_words; i++)
    if (g_strcmp0 (words[i], word) == 0)
      return (int) i;
  return -1;
}

static void
read_situation (Reader  *reader,
                xmlNode *parent)
{
  OtWorksheet *worksheet = reader->worksheet;
  g_autoptr(GHashTable) given = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint site_bits = 0;

  for (xmlNode *node = ot_xml_first_element (parent); node && !reader->error; node = ot_xml_next_element (node))
    {
      g_autofree char *token = NULL;

      if (ot_xml_is (node, "substage"))
        {
          token = node_token (node);
          ot_worksheet_set_substage (worksheet, find_word (substages, G_N_ELEMENTS (substages), token));
        }
      else if (ot_xml_is (node, "site"))
        {
          token = node_token (node);
          site_bits |= 1u << find_word (sites, G_N_ELEMENTS (sites), token);
        }
      else if (ot_xml_is (node, "side"))
        {
          token = node_token (node);
          for (guint i = 0; i < G_N_ELEMENTS (sides); i++)
            if (g_str_equal (token, sides[i].name))
              ot_worksheet_set_side (worksheet, sides[i].side);
        }
      else if (ot_xml_is (node, "biomarker"))
        {
          g_autofree char *id = prop_token (node, "id");
          g_autofree char *result = prop_token (node, "result");

          /* Two different answers for one biomarker: neither wins. */
          if (!g_hash_table_add (given, g_strdup (id))
              && g_strcmp0 (ot_worksheet_get_biomarker (worksheet, id), result) != 0)
            ot_worksheet_set_biomarker (worksheet, id, OT_RESULT_GIVEN_TWICE);
          else
            ot_worksheet_set_biomarker (worksheet, id, result);
        }
      else if (ot_xml_is (node, "prior-lines"))
        {
          token = node_token (node);
          ot_worksheet_set_prior_lines (worksheet, parse_int (token));
        }
      else if (ot_xml_is (node, "show-survival"))
        {
          token = node_token (node);
          ot_worksheet_set_show_survival (worksheet, parse_boolean (token));
        }
      else if (ot_xml_is (node, "patient-name"))
        {
          token = node_raw_text (reader, node, _("the patient’s name"), OT_WORKSHEET_MAX_NAME);
          ot_worksheet_set_patient_name (worksheet, token);
        }
      else if (ot_xml_is (node, "clinician-name"))
        {
          token = node_raw_text (reader, node, _("the clinician’s name"), OT_WORKSHEET_MAX_NAME);
          ot_worksheet_set_clinician_name (worksheet, token);
        }
    }

  ot_worksheet_set_sites (worksheet, site_bits);
}

static GStrv
read_ids (Reader     *reader,
          xmlNode    *parent,
          const char *name)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (xmlNode *node = ot_xml_first_element (parent); node && !reader->error; node = ot_xml_next_element (node))
    if (ot_xml_is (node, name))
      {
        g_autofree char *id = prop_token (node, "id");

        if (check_listed_once (reader, seen, node, "id", id))
          g_strv_builder_add (builder, id);
      }

  return g_strv_builder_end (builder);
}

static void
read_compare (Reader  *reader,
              xmlNode *parent)
{
  g_auto(GStrv) categories = read_ids (reader, parent, "category");
  g_auto(GStrv) treatments = read_ids (reader, parent, "treatment");
  g_auto(GStrv) effects = read_ids (reader, parent, "avoid-effect");

  ot_worksheet_set_compared_categories (reader->worksheet, (const char * const *) categories);
  ot_worksheet_set_compared_treatments (reader->worksheet, (const char * const *) treatments);
  ot_worksheet_set_avoid_effects (reader->worksheet, (const char * const *) effects);
}

/* Whether there is room for one more of the person's own items. */
static gboolean
check_own_count (Reader    *reader,
                 xmlNode   *node,
                 GPtrArray *own)
{
  if (own->len >= OT_WORKSHEET_MAX_OWN)
    return reader_fail (reader, node, _("<%s> has more than %d <%s>"),
                        (const char *) node->parent->name, OT_WORKSHEET_MAX_OWN, (const char *) node->name);
  return TRUE;
}

static void
read_values (Reader  *reader,
             xmlNode *parent)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (xmlNode *node = ot_xml_first_element (parent); node && !reader->error; node = ot_xml_next_element (node))
    {
      g_autofree char *rating = prop_token (node, "rating");
      int value = rating ? parse_int (rating) : OT_RATING_UNRATED;

      if (ot_xml_is (node, "value"))
        {
          g_autofree char *id = prop_token (node, "id");

          if (check_listed_once (reader, seen, node, "id", id))
            ot_worksheet_set_rating (reader->worksheet, id, value);
        }
      else if (ot_xml_is (node, "own-value")
               && check_own_count (reader, node, ot_worksheet_get_own_values (reader->worksheet)))
        {
          g_autofree char *text = node_raw_text (reader, node, _("a value of your own"),
                                                 OT_WORKSHEET_MAX_OWN_TEXT);

          if (text != NULL)
            ot_worksheet_add_own_value (reader->worksheet, text, value);
        }
    }
}

static void
read_readiness (Reader  *reader,
                xmlNode *parent)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (xmlNode *node = ot_xml_first_element (parent); node && !reader->error; node = ot_xml_next_element (node))
    {
      g_autofree char *item = prop_token (node, "item");
      g_autofree char *answer = node_token (node);

      if (check_listed_once (reader, seen, node, "item", item))
        ot_worksheet_set_readiness (reader->worksheet, item,
                                    g_str_equal (answer, "yes") ? OT_ANSWER_YES : OT_ANSWER_NO);
    }
}

static void
read_questions (Reader  *reader,
                xmlNode *parent)
{
  OtWorksheet *worksheet = reader->worksheet;
  GPtrArray *own = ot_worksheet_get_own_questions (worksheet);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (xmlNode *node = ot_xml_first_element (parent); node && !reader->error; node = ot_xml_next_element (node))
    {
      g_autofree char *asked = prop_token (node, "asked");

      if (ot_xml_is (node, "question"))
        {
          g_autofree char *id = prop_token (node, "id");

          if (!check_listed_once (reader, seen, node, "id", id))
            break;
          ot_worksheet_set_question (worksheet, id, TRUE);
          ot_worksheet_set_question_asked (worksheet, id, parse_boolean (asked));
        }
      else if (ot_xml_is (node, "own-question") && check_own_count (reader, node, own))
        {
          g_autofree char *text = node_raw_text (reader, node, _("a question of your own"),
                                                 OT_WORKSHEET_MAX_OWN_TEXT);

          if (text == NULL)
            break;
          ot_worksheet_add_own_question (worksheet, text);
          ot_worksheet_set_own_question (worksheet, own->len - 1, text, parse_boolean (asked));
        }
    }
}

/* @node's date into @date; FALSE, and @date invalid, for a day the
 * calendar lacks, such as 2027-02-30, which the schema lets through. */
static gboolean
read_date (xmlNode *node,
           char   **token,
           GDate   *date)
{
  unsigned int year, month, day;

  *token = node_token (node);
  g_date_clear (date, 1);
  /* The schema allows a time zone after the date; it does not matter here. */
  if (sscanf (*token, "%4u-%2u-%2u", &year, &month, &day) != 3
      || !g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

/* A date of the worksheet, handed to @set; @what names it in the problem. */
static void
read_day (Reader     *reader,
          xmlNode    *node,
          const char *what,
          void      (*set) (OtWorksheet *, const GDate *))
{
  g_autofree char *token = NULL;
  GDate date;

  if (!read_date (node, &token, &date))
    /* Translators: what date, such as "the date of the next visit", then the date as written */
    reader_fail (reader, node, _("%s, %s, is not a day of the calendar"), what, token);
  else
    set (reader->worksheet, &date);
}

static void
read_autosave (xmlNode    *node,
               OtAutosave *autosave)
{
  g_autofree char *modified = prop_token (node, "modified");

  if (autosave == NULL)
    return;
  autosave->document = prop_token (node, "document");
  autosave->modified = parse_boolean (modified);
}

/* Before the schema: a file from a newer version would fail it, and the
 * person should hear why rather than a line number. */
static gboolean
check_root (xmlDoc      *doc,
            const char  *name,
            GError     **error)
{
  xmlNode *root = xmlDocGetRootElement (doc);
  g_autofree char *format = NULL;
  guint64 number;

  if (!ot_xml_is (root, ROOT_NAME) || root->ns != NULL)
    {
      g_set_error (error, OT_WORKSHEET_ERROR, OT_WORKSHEET_ERROR_NOT_WORKSHEET,
                   _("“%s” is not an Option Talk worksheet"), name);
      return FALSE;
    }

  format = prop_token (root, "format");
  if (format != NULL
      && g_ascii_string_to_unsigned (format, 10, 0, G_MAXUINT64, &number, NULL)
      && number > OT_WORKSHEET_FORMAT)
    {
      g_set_error (error, OT_WORKSHEET_ERROR, OT_WORKSHEET_ERROR_NEWER_FORMAT,
                   _("“%s” was saved by a newer version of Option Talk (file format %s; "
                     "this version reads format %d). Update Option Talk to open it."),
                   name, format, OT_WORKSHEET_FORMAT);
      return FALSE;
    }

  return TRUE;
}

/**
 * ot_worksheet_io_from_bytes:
 * @name: how to name the document in error messages
 * @autosave: (out caller-allocates) (optional): what an autosave file
 *   says besides the answers; cleared first
 *
 * Reads a worksheet into a new #OtWorksheet, so a failure leaves every
 * other worksheet untouched.
 *
 * Returns: (transfer full): the worksheet, or %NULL with @error naming
 * @name and the problem
 */
OtWorksheet *
ot_worksheet_io_from_bytes (GBytes      *bytes,
                            const char  *name,
                            OtAutosave  *autosave,
                            GError     **error)
{
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(OtWorksheet) worksheet = NULL;
  Reader reader = { 0 };
  xmlNode *root;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  ensure_resources ();

  if (autosave != NULL)
    ot_autosave_clear (autosave);

  doc = ot_xml_parse (bytes, name, OT_WORKSHEET_MAX_SIZE, error);
  if (doc == NULL || !check_root (doc, name, error)
      || !ot_xml_validate (doc, name, SCHEMA_RESOURCE, error))
    return NULL;

  worksheet = ot_worksheet_new ();
  reader.worksheet = worksheet;
  reader.name = name;
  root = xmlDocGetRootElement (doc);

  /* The schema fixed the order and the values; only dates need checking. */
  for (xmlNode *node = ot_xml_first_element (root); node && !reader.error; node = ot_xml_next_element (node))
    {
      g_autofree char *text = NULL;

      if (ot_xml_is (node, "autosave"))
        read_autosave (node, autosave);
      else if (ot_xml_is (node, "situation"))
        read_situation (&reader, node);
      else if (ot_xml_is (node, "compare"))
        read_compare (&reader, node);
      else if (ot_xml_is (node, "values"))
        read_values (&reader, node);
      else if (ot_xml_is (node, "role"))
        {
          text = prop_token (node, "id");
          ot_worksheet_set_role (worksheet, text);
        }
      else if (ot_xml_is (node, "readiness"))
        read_readiness (&reader, node);
      else if (ot_xml_is (node, "questions"))
        read_questions (&reader, node);
      else if (ot_xml_is (node, "leaning"))
        {
          g_auto(GStrv) ids = read_ids (&reader, node, "option");

          ot_worksheet_set_leaning (worksheet, (const char * const *) ids);
        }
      else if (ot_xml_is (node, "notes"))
        {
          text = node_raw_text (&reader, node, _("the notes text"), OT_WORKSHEET_MAX_NOTES);
          ot_worksheet_set_notes (worksheet, text);
        }
      else if (ot_xml_is (node, "next-steps"))
        {
          text = node_raw_text (&reader, node, _("the next-steps text"), OT_WORKSHEET_MAX_NOTES);
          ot_worksheet_set_next_steps (worksheet, text);
        }
      else if (ot_xml_is (node, "next-visit"))
        read_day (&reader, node, _("the date of the next visit"), ot_worksheet_set_next_visit);
      else if (ot_xml_is (node, "saved-on"))
        read_day (&reader, node, _("the date the worksheet was saved"), ot_worksheet_set_saved_on);
    }

  if (reader.error != NULL)
    {
      if (autosave != NULL)
        ot_autosave_clear (autosave);
      g_propagate_error (error, reader.error);
      return NULL;
    }

  return g_steal_pointer (&worksheet);
}

/* Files */

/* GIO's messages name the temporary file; say what went wrong in words
 * about the file the person chose. */
static const char *
describe_save_problem (const GError *error)
{
  if (error->domain == G_IO_ERROR)
    switch (error->code)
      {
      case G_IO_ERROR_NOT_FOUND:
        return _("the folder does not exist");
      case G_IO_ERROR_IS_DIRECTORY:
        return _("a folder of that name is in the way");
      case G_IO_ERROR_NOT_DIRECTORY:
        return _("part of the path is not a folder");
      case G_IO_ERROR_PERMISSION_DENIED:
        return _("you do not have permission to write in that folder");
      case G_IO_ERROR_READ_ONLY:
        return _("the disk is read-only");
      case G_IO_ERROR_NO_SPACE:
        return _("the disk is full");
      default:
        break;
      }

  return error->message;
}

/* Where @file has no local path, GIO writes it: g_file_replace() puts a
 * temporary file beside the target and renames it over the target when
 * the stream closes.  g_file_replace_contents() is not used: in GLib 2.74
 * it closes the stream after a failed write, which renames the
 * half-written file over the old one.  Closing with a cancelled
 * cancellable instead removes the temporary file and keeps the old. */
static gboolean
replace_with_gio (GBytes  *bytes,
                  GFile   *file,
                  GError **error)
{
  g_autoptr(GFileOutputStream) out = NULL;
  gboolean existed = g_file_query_exists (file, NULL);
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  /* PRIVATE makes it 0600; REPLACE_DESTINATION stops GIO copying an old
   * file's wider mode onto the new one. */
  out = g_file_replace (file, NULL, FALSE,
                        G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                        NULL, error);
  if (out == NULL)
    return FALSE;

  if (!g_output_stream_write_all (G_OUTPUT_STREAM (out), data, size, NULL, NULL, error))
    {
      g_autoptr(GCancellable) abandon = g_cancellable_new ();

      g_cancellable_cancel (abandon);
      g_output_stream_close (G_OUTPUT_STREAM (out), abandon, NULL);
      /* A new file is written in place: remove what there is of it. */
      if (!existed)
        g_file_delete (file, NULL, NULL);
      return FALSE;
    }

  return g_output_stream_close (G_OUTPUT_STREAM (out), NULL, error);
}

/* A local file is written by ot-safe-file.c, which leaves nothing behind
 * when it is stopped part-way, readable by its owner only (0600). */
static gboolean
save_bytes (GBytes      *bytes,
            GFile       *file,
            GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *path = g_file_get_path (file);
  gboolean saved;

  if (path == NULL)
    {
      saved = replace_with_gio (bytes, file, &local_error);
    }
  else
    {
      OtSafeFile *out = ot_safe_file_new (path, &local_error);
      gsize size;
      const char *data = g_bytes_get_data (bytes, &size);

      saved = out != NULL && ot_safe_file_write (out, data, size, &local_error);
      if (saved)
        saved = ot_safe_file_commit (out, &local_error);
      else if (out != NULL)
        ot_safe_file_abandon (out);
    }

  if (!saved)
    {
      g_autofree char *name = ot_xml_display_name (file);

      g_set_error (error, OT_WORKSHEET_ERROR, OT_WORKSHEET_ERROR_SAVE,
                   _("Could not save “%s”: %s"), name, describe_save_problem (local_error));
      return FALSE;
    }

  return TRUE;
}

/**
 * ot_worksheet_io_save_full:
 * @autosave: (nullable): what only the autosave file keeps
 *
 * Writes @worksheet to @file atomically, readable by its owner only
 * (0600).  On failure @file is as it was.
 */
gboolean
ot_worksheet_io_save_full (OtWorksheet       *worksheet,
                           GFile             *file,
                           const OtAutosave  *autosave,
                           GError           **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (OT_IS_WORKSHEET (worksheet), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = ot_worksheet_io_to_bytes (worksheet, autosave);
  return save_bytes (bytes, file, error);
}

gboolean
ot_worksheet_io_save (OtWorksheet  *worksheet,
                      GFile        *file,
                      GError      **error)
{
  return ot_worksheet_io_save_full (worksheet, file, NULL, error);
}

/**
 * ot_worksheet_io_open_full:
 * @autosave: (out caller-allocates) (optional): what an autosave file
 *   says besides the answers
 *
 * Returns: (transfer full): a new worksheet read from @file, or %NULL
 * with @error naming the file and the problem
 */
OtWorksheet *
ot_worksheet_io_open_full (GFile       *file,
                           OtAutosave  *autosave,
                           GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  /* What a save killed part-way left beside the file goes now, not only
   * at the next save: it holds the person's answers. */
  path = g_file_get_path (file);
  if (path != NULL)
    ot_safe_file_remove_stale (path);

  bytes = ot_xml_load_file (file, OT_WORKSHEET_MAX_SIZE, error);
  if (bytes == NULL)
    return NULL;

  name = ot_xml_display_name (file);
  return ot_worksheet_io_from_bytes (bytes, name, autosave, error);
}

/**
 * ot_worksheet_io_open:
 *
 * Returns: (transfer full): a new worksheet read from @file, or %NULL
 * with @error naming the file and the problem
 */
OtWorksheet *
ot_worksheet_io_open (GFile   *file,
                      GError **error)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return ot_worksheet_io_open_full (file, NULL, error);
}
