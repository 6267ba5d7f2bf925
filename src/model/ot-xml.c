/* ot-xml.c: reading untrusted XML safely and checking it against a schema
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ot-xml"

#include "config.h"

#include <glib/gi18n.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <string.h>

#include "ot-xml.h"

G_DEFINE_QUARK (ot-xml-error-quark, ot_xml_error)

/* Compiled schemas, one per resource path, kept for the process lifetime:
 * compiling one costs more than validating a document. */
static GHashTable *schemas;
G_LOCK_DEFINE_STATIC (schemas);

/* The parser's messages are kept in its context (xmlCtxtGetLastError())
 * and said in our own words: none goes to standard error. */
static void
ignore_error (void     *data,
              xmlError *error)
{
}

typedef struct
{
  xmlStructuredErrorFunc func;
  void                  *data;
} ErrorHandler;

/* Quiets @parser alone, with no handler of the process's to change.
 * libxml2 before 2.13 reports the errors of its character conversions
 * with no parser context, to the calling thread's handler only: that one
 * is set for the parse and handed back after it, in quiet_parser_end(). */
static void
quiet_parser_begin (xmlParserCtxt *parser,
                    ErrorHandler  *saved)
{
#if LIBXML_VERSION >= 21300
  xmlCtxtSetErrorHandler (parser, (xmlStructuredErrorFunc) ignore_error, NULL);
#else
  parser->sax->serror = ignore_error;
  saved->func = xmlStructuredError;
  saved->data = xmlStructuredErrorContext;
  xmlSetStructuredErrorFunc (NULL, ignore_error);
#endif
}

static void
quiet_parser_end (ErrorHandler *saved)
{
#if LIBXML_VERSION < 21300
  xmlSetStructuredErrorFunc (saved->data, saved->func);
#endif
}

/* The first line of a libxml2 message: some go on with a second line of
 * bytes, and a message here is always one line. */
static char *
first_line (const char *message)
{
  g_autofree char *text = g_strdup (message ? message : "");

  text[strcspn (text, "\r\n")] = '\0';
  return g_strdup (g_strstrip (text));
}

/* An element as written, <value id="comfort" rating="7">, so that a
 * message names the attribute and the value that are wrong. */
static char *
describe_element (xmlNode *node)
{
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, "<%s", (const char *) node->name);
  for (xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
    {
      xmlChar *value = xmlNodeGetContent ((xmlNode *) attr);

      g_string_append_printf (text, " %s=\"%s\"", (const char *) attr->name, value ? (const char *) value : "");
      xmlFree (value);
    }
  g_string_append_c (text, '>');

  return g_string_free (text, FALSE);
}

static void
keep_first_error (void        *data,
                  xmlError       *error)
{
  char **message = data;
  xmlNode *node;
  g_autofree char *text = NULL;
  g_autofree char *element = NULL;

  if (*message != NULL || error == NULL || error->message == NULL)
    return;

  text = first_line (error->message);
  node = error->node;
  if (node == NULL || node->type != XML_ELEMENT_NODE)
    {
      *message = g_strdup_printf ("%d: %s", error->line, text);
      return;
    }

  element = describe_element (node);
  if (strstr (text, "failed to validate attributes") != NULL)
    {
      g_free (text);
      text = g_strdup (_("an attribute is missing, unknown or has a value that is not allowed"));
    }
  *message = g_strdup_printf ("%d, %s: %s", error->line, element, text);
}

static xmlRelaxNG *
get_schema (const char  *resource,
            GError     **error)
{
  xmlRelaxNG *schema;

  G_LOCK (schemas);

  if (schemas == NULL)
    schemas = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  schema = g_hash_table_lookup (schemas, resource);

  if (schema == NULL)
    {
      g_autoptr(GBytes) bytes = NULL;
      xmlRelaxNGParserCtxt *parser;
      gsize size;
      const char *data;

      bytes = g_resources_lookup_data (resource, 0, error);
      if (bytes == NULL)
        {
          G_UNLOCK (schemas);
          return NULL;
        }

      data = g_bytes_get_data (bytes, &size);
      parser = xmlRelaxNGNewMemParserCtxt (data, (int) size);
      schema = xmlRelaxNGParse (parser);
      xmlRelaxNGFreeParserCtxt (parser);

      /* The schemas are part of the program: a broken one is a bug. */
      g_assert (schema != NULL);
      g_hash_table_insert (schemas, g_strdup (resource), schema);
    }

  G_UNLOCK (schemas);

  return schema;
}

/* "2.0 MB; the limit is 1.0 MB", in bytes when the rounded sizes would
 * read the same, so the size is always seen to pass the limit. */
static char *
describe_size (guint64 size,
               gsize   limit)
{
  g_autofree char *has = g_format_size (size);
  g_autofree char *most = g_format_size (limit);

  if (g_str_equal (has, most))
    {
      /* The numbers are written first: xgettext cannot read a message
       * that a format macro splits. */
      g_autofree char *has_bytes = g_strdup_printf ("%" G_GUINT64_FORMAT, size);
      g_autofree char *most_bytes = g_strdup_printf ("%" G_GSIZE_FORMAT, limit);

      /* Translators: a file's size and the largest size allowed, in bytes */
      return g_strdup_printf (_("%s bytes; the limit is %s bytes"), has_bytes, most_bytes);
    }

  /* Translators: a file's size and the largest size allowed */
  return g_strdup_printf (_("%s; the limit is %s"), has, most);
}

static void
set_too_large (GError     **error,
               const char  *name,
               guint64      size,
               gsize        limit)
{
  g_autofree char *sizes = describe_size (size, limit);

  g_set_error (error, OT_XML_ERROR, OT_XML_ERROR_TOO_LARGE, _("“%s” is too large (%s)"), name, sizes);
}

/* Whether the parser stopped at the end of @data, after which nothing but
 * white space follows: the file was cut off. */
static gboolean
stops_at_end (const char     *data,
              gsize           size,
              const xmlError *error)
{
  const char *end = data + size;
  const char *p = data;

  if (error->line <= 0)
    return FALSE;

  for (int line = 1; line < error->line && p < end; p++)
    if (*p == '\n')
      line++;
  /* The column counts from 1; step over as much of the line as it says. */
  for (int column = 1; column < error->int2 && p < end && *p != '\n'; column++)
    p++;
  for (; p < end; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;

  return TRUE;
}

/* libxml2's words, such as "Excessive depth in document: 256 use
 * XML_PARSE_HUGE option", turned into what a person can act on. */
static char *
describe_parse_error (const char     *data,
                      gsize           size,
                      const xmlError *error)
{
  if (error == NULL)
    return g_strdup (_("it cannot be read"));

  if (stops_at_end (data, size, error))
    return g_strdup (_("it ends too soon, as if it were cut off"));

  switch (error->code)
    {
    case XML_ERR_INVALID_CHAR:
    case XML_ERR_INVALID_ENCODING:
      return g_strdup_printf (_("line %d has text that is not UTF-8"), error->line);
    case XML_ERR_INTERNAL_ERROR:
      if (error->message != NULL && strstr (error->message, "depth") != NULL)
        return g_strdup_printf (_("elements are nested too deeply at line %d"), error->line);
      break;
    default:
      break;
    }

  {
    g_autofree char *text = first_line (error->message);

    return g_strdup_printf (_("line %d: %s"), error->line, text);
  }
}

/**
 * ot_xml_parse:
 * @bytes: the document
 * @name: how to name the document in error messages
 * @max_size: the largest document accepted, in bytes
 *
 * Parses @bytes with the network and entity expansion off and refuses any
 * document type declaration (the way external entities and entity bombs
 * come in).  Does not validate: see ot_xml_validate().
 *
 * Returns: (transfer full): the document, or %NULL with @error set to a
 * message that names @name, the line and the problem.
 */
xmlDoc *
ot_xml_parse (GBytes      *bytes,
              const char  *name,
              gsize        max_size,
              GError     **error)
{
  g_autoptr(xmlDoc) doc = NULL;
  xmlParserCtxt *parser;
  ErrorHandler saved;
  const char *data;
  gsize size;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  data = g_bytes_get_data (bytes, &size);

  if (size > max_size)
    {
      set_too_large (error, name, size, max_size);
      return NULL;
    }

  if (size == 0)
    {
      g_set_error (error, OT_XML_ERROR, OT_XML_ERROR_PARSE,
                   _("“%s” is empty"), name);
      return NULL;
    }

  /* Refused before parsing: a declaration is how external entities and
   * entity bombs come in, and the parser's own words for those are not
   * ones a person can act on.  Text never holds it unescaped. */
  if (g_strstr_len (data, size, "<!DOCTYPE") != NULL)
    {
      g_set_error (error, OT_XML_ERROR, OT_XML_ERROR_PARSE,
                   _("“%s” contains a document type declaration (<!DOCTYPE>), "
                     "which is not allowed"), name);
      return NULL;
    }

  parser = xmlNewParserCtxt ();
  quiet_parser_begin (parser, &saved);
  doc = xmlCtxtReadMemory (parser, data, (int) size, name, NULL,
                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  quiet_parser_end (&saved);

  if (doc == NULL || !parser->wellFormed)
    {
      g_autofree char *problem = describe_parse_error (data, size, xmlCtxtGetLastError (parser));

      g_set_error (error, OT_XML_ERROR, OT_XML_ERROR_PARSE,
                   _("“%s” is not a readable XML file: %s"), name, problem);
      xmlFreeParserCtxt (parser);
      return NULL;
    }

  xmlFreeParserCtxt (parser);

  if (doc->intSubset != NULL || doc->extSubset != NULL)
    {
      g_set_error (error, OT_XML_ERROR, OT_XML_ERROR_PARSE,
                   _("“%s” contains a document type declaration (<!DOCTYPE>), "
                     "which is not allowed"), name);
      return NULL;
    }

  return g_steal_pointer (&doc);
}

/**
 * ot_xml_validate:
 * @doc: a document from ot_xml_parse()
 * @name: how to name the document in error messages
 * @schema_resource: GResource path of a RelaxNG schema
 *
 * Returns: whether @doc follows the schema; if not, @error names @name,
 * the line and the first problem.
 */
gboolean
ot_xml_validate (xmlDoc      *doc,
                 const char  *name,
                 const char  *schema_resource,
                 GError     **error)
{
  xmlRelaxNG *schema;
  xmlRelaxNGValidCtxt *valid;
  g_autofree char *message = NULL;
  int result;

  g_return_val_if_fail (doc != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (schema_resource != NULL, FALSE);

  schema = get_schema (schema_resource, error);
  if (schema == NULL)
    return FALSE;

  valid = xmlRelaxNGNewValidCtxt (schema);
  xmlRelaxNGSetValidStructuredErrors (valid, keep_first_error, &message);
  result = xmlRelaxNGValidateDoc (valid, doc);
  xmlRelaxNGFreeValidCtxt (valid);

  if (result != 0)
    {
      g_set_error (error, OT_XML_ERROR, OT_XML_ERROR_SCHEMA,
                   _("“%s” does not follow the expected format (line %s)"),
                   name, message ? message : _("unknown problem"));
      return FALSE;
    }

  return TRUE;
}

/**
 * ot_xml_read:
 * @bytes: the document
 * @name: how to name the document in error messages
 * @schema_resource: (nullable): GResource path of a RelaxNG schema
 * @max_size: the largest document accepted, in bytes
 *
 * ot_xml_parse() and then, with a schema, ot_xml_validate().
 *
 * Returns: (transfer full): the document, or %NULL with @error set to a
 * message that names @name, the line and the problem.
 */
xmlDoc *
ot_xml_read (GBytes      *bytes,
             const char  *name,
             const char  *schema_resource,
             gsize        max_size,
             GError     **error)
{
  g_autoptr(xmlDoc) doc = ot_xml_parse (bytes, name, max_size, error);

  if (doc == NULL)
    return NULL;
  if (schema_resource != NULL && !ot_xml_validate (doc, name, schema_resource, error))
    return NULL;

  return g_steal_pointer (&doc);
}

/**
 * ot_xml_load_file:
 *
 * Reads @file whole unless it is larger than @max_size, which is checked
 * before reading so a huge file costs nothing.  Only a regular file (or a
 * link to one) is read: a FIFO would block for ever and a device such as
 * /dev/zero never ends.  The read stops after @max_size bytes all the
 * same, in case the file grows or is swapped between the check and the
 * read.
 */
GBytes *
ot_xml_load_file (GFile   *file,
                  gsize    max_size,
                  GError **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *data = NULL;
  gsize size = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = ot_xml_display_name (file);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (info == NULL)
    {
      g_set_error (error, OT_XML_ERROR, OT_XML_ERROR_READ,
                   _("Could not read “%s”: %s"), name, local_error->message);
      return NULL;
    }

  switch (g_file_info_get_file_type (info))
    {
    case G_FILE_TYPE_REGULAR:
      break;
    case G_FILE_TYPE_DIRECTORY:
      g_set_error (error, OT_XML_ERROR, OT_XML_ERROR_READ,
                   _("Could not read “%s”: it is a folder"), name);
      return NULL;
    case G_FILE_TYPE_SYMBOLIC_LINK:
      /* Links were followed: this one leads nowhere. */
      g_set_error (error, OT_XML_ERROR, OT_XML_ERROR_READ,
                   _("Could not read “%s”: it is a link to a file that is not there"), name);
      return NULL;
    default:
      g_set_error (error, OT_XML_ERROR, OT_XML_ERROR_READ,
                   _("Could not read “%s”: it is not an ordinary file"), name);
      return NULL;
    }

  if ((guint64) g_file_info_get_size (info) > max_size)
    {
      set_too_large (error, name, g_file_info_get_size (info), max_size);
      return NULL;
    }

  /* Room for the size the file has, and one byte more to tell a file that
   * grew since; only one that did grow gets room up to the limit. */
  in = g_file_read (file, NULL, &local_error);
  if (in != NULL)
    {
      gsize room = (gsize) g_file_info_get_size (info) + 1;

      data = g_malloc (room);
      if (g_input_stream_read_all (G_INPUT_STREAM (in), data, room, &size, NULL, &local_error)
          && size == room && room <= max_size)
        {
          gsize more = 0;

          data = g_realloc (data, max_size + 1);
          g_input_stream_read_all (G_INPUT_STREAM (in), data + size, max_size + 1 - size, &more,
                                   NULL, &local_error);
          size += more;
        }
    }
  if (local_error != NULL)
    {
      g_set_error (error, OT_XML_ERROR, OT_XML_ERROR_READ,
                   _("Could not read “%s”: %s"), name, local_error->message);
      return NULL;
    }

  if (size > max_size)
    {
      g_autofree char *limit = g_format_size (max_size);

      g_set_error (error, OT_XML_ERROR, OT_XML_ERROR_TOO_LARGE,
                   _("“%s” is too large; the limit is %s"), name, limit);
      return NULL;
    }

  return g_bytes_new_take (g_steal_pointer (&data), size);
}

char *
ot_xml_display_name (GFile *file)
{
  return g_file_get_parse_name (file);
}

/* Trims and folds every run of white space to one space, as xgettext does
 * for the strings it extracts, so the text matches its translation. */
char *
ot_xml_collapse (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));
  gboolean space = FALSE;

  for (const char *p = text; *p; p++)
    {
      if (g_ascii_isspace (*p))
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

char *
ot_xml_node_text (xmlNode *node)
{
  xmlChar *raw = xmlNodeGetContent (node);
  char *text = ot_xml_collapse (raw ? (const char *) raw : "");

  xmlFree (raw);
  return text;
}

char *
ot_xml_prop (xmlNode    *node,
             const char *name)
{
  xmlChar *raw = xmlGetProp (node, (const xmlChar *) name);
  char *value;

  if (raw == NULL)
    return NULL;

  value = g_strdup ((const char *) raw);
  xmlFree (raw);
  return value;
}

gboolean
ot_xml_is (xmlNode    *node,
           const char *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE
         && g_strcmp0 ((const char *) node->name, name) == 0;
}

xmlNode *
ot_xml_next_element (xmlNode *node)
{
  for (node = node ? node->next : NULL; node; node = node->next)
    if (node->type == XML_ELEMENT_NODE)
      return node;
  return NULL;
}

xmlNode *
ot_xml_first_element (xmlNode *parent)
{
  for (xmlNode *node = parent ? parent->children : NULL; node; node = node->next)
    if (node->type == XML_ELEMENT_NODE)
      return node;
  return NULL;
}
