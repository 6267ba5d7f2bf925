/* ot-chart-widget.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ot-chart.h"

G_BEGIN_DECLS

#define OT_TYPE_CHART_WIDGET (ot_chart_widget_get_type ())

G_DECLARE_FINAL_TYPE (OtChartWidget, ot_chart_widget, OT, CHART_WIDGET, GtkWidget)

GtkWidget     *ot_chart_widget_new            (void);
void           ot_chart_widget_set_model      (OtChartWidget *self,
                                               OtContent     *content,
                                               OtWorksheet   *worksheet);
OtChartLayout *ot_chart_widget_get_layout     (OtChartWidget *self);
OtStyleKind    ot_chart_widget_get_style_kind (OtChartWidget *self);
OtStyleKind    ot_chart_widget_desktop_style_kind (void);
double         ot_chart_widget_get_text_scale (OtChartWidget *self);
void           ot_chart_widget_set_text_scale (OtChartWidget *self,
                                               double         scale);
gboolean       ot_chart_widget_get_cursor     (OtChartWidget *self,
                                               OtChartCell   *cell);
void           ot_chart_widget_set_cursor     (OtChartWidget *self,
                                               int            row,
                                               int            column);
gboolean       ot_chart_widget_get_selected   (OtChartWidget *self,
                                               OtChartCell   *cell);
void           ot_chart_widget_select         (OtChartWidget *self,
                                               int            row,
                                               int            column);

G_END_DECLS
