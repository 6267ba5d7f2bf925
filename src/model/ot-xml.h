/* ot-xml.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

#define OT_XML_ERROR (ot_xml_error_quark ())

typedef enum
{
  OT_XML_ERROR_READ,       /* the file cannot be read */
  OT_XML_ERROR_TOO_LARGE,  /* larger than the caller allows */
  OT_XML_ERROR_PARSE,      /* not well-formed XML, bad encoding, a DTD */
  OT_XML_ERROR_SCHEMA,     /* does not follow the RelaxNG schema */
} OtXmlError;

GQuark      ot_xml_error_quark     (void);
xmlDoc     *ot_xml_parse           (GBytes      *bytes,
                                    const char  *name,
                                    gsize        max_size,
                                    GError     **error);
gboolean    ot_xml_validate        (xmlDoc      *doc,
                                    const char  *name,
                                    const char  *schema_resource,
                                    GError     **error);
xmlDoc     *ot_xml_read            (GBytes      *bytes,
                                    const char  *name,
                                    const char  *schema_resource,
                                    gsize        max_size,
                                    GError     **error);
GBytes     *ot_xml_load_file       (GFile       *file,
                                    gsize        max_size,
                                    GError     **error);
char       *ot_xml_display_name    (GFile       *file);
char       *ot_xml_collapse        (const char  *text);
char       *ot_xml_node_text       (xmlNode     *node);
char       *ot_xml_prop            (xmlNode     *node,
                                    const char  *name);
gboolean    ot_xml_is              (xmlNode     *node,
                                    const char  *name);
xmlNode    *ot_xml_first_element   (xmlNode     *parent);
xmlNode    *ot_xml_next_element    (xmlNode     *node);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

G_END_DECLS
