/* ot-text-widgets.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ot-content.h"

G_BEGIN_DECLS

GtkWidget *ot_text_widgets_label      (OtContent          *content,
                                       const char         *text);
GtkWidget *ot_text_widgets_sources    (OtContent          *content,
                                       const char * const *ids);
GtkWidget *ot_text_widgets_paragraphs (OtContent          *content,
                                       GPtrArray          *paras);
char      *ot_text_widgets_markup     (OtContent          *content,
                                       const char         *text);

G_END_DECLS
