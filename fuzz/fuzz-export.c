/* fuzz-export.c: libFuzzer harness for the way from a pack and a worksheet
 * to the PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The crashes and freezes of issue 21 were past the parsers: a pack that
 * loads but leaves a treatment without a fit, a name that makes a header
 * taller than a page, a list that makes the layout quadratic.  The input
 * is a content pack, then, after a form feed (which XML never holds), a
 * worksheet.  Without a worksheet, or with one that cannot be read, the
 * answers choose every part of the pack, so that all of it reaches the
 * summary.  The summary is laid out and every page drawn into a PDF that
 * goes nowhere: a crash, a leak, a hang or memory without end fails.
 */

#include "config.h"

#include <cairo-pdf.h>
#include <string.h>

#include "ot-summary.h"
#include "ot-worksheet-io.h"

/* As many as the window lets a person compare. */
#define MAX_COMPARED 4

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static cairo_status_t
discard (void                *closure,
         const unsigned char *data,
         unsigned int         length)
{
  return CAIRO_STATUS_SUCCESS;
}

/* Answers that bring every part of @content into the summary. */
static OtWorksheet *
choose_everything (OtContent *content)
{
  OtWorksheet *worksheet = ot_worksheet_new ();
  GPtrArray *categories = ot_content_get_categories (content);
  GPtrArray *biomarkers = ot_content_get_biomarkers (content);
  GPtrArray *effects = ot_content_get_side_effects (content);
  GPtrArray *values = ot_content_get_values (content);
  GPtrArray *readiness = ot_content_get_readiness (content);
  GPtrArray *roles = ot_content_get_roles (content);
  GPtrArray *groups = ot_content_get_question_groups (content);
  g_autoptr(GStrvBuilder) treatments = g_strv_builder_new ();
  g_auto(GStrv) compared = NULL;
  const char *avoid[] = { NULL, NULL };
  guint n_compared = 0;

  ot_worksheet_set_substage (worksheet, OT_SUBSTAGE_IVC);
  ot_worksheet_set_sites (worksheet, OT_SITE_LIVER | OT_SITE_LUNG);
  ot_worksheet_set_side (worksheet, OT_SIDE_LEFT);
  ot_worksheet_set_prior_lines (worksheet, 1);
  ot_worksheet_set_show_survival (worksheet, TRUE);
  ot_worksheet_set_patient_name (worksheet, "Fuzz");
  ot_worksheet_set_notes (worksheet, "Notes.");

  for (guint i = 0; i < categories->len; i++)
    {
      const OtCategory *category = categories->pdata[i];

      for (guint j = 0; j < category->treatments->len && n_compared < MAX_COMPARED; j++, n_compared++)
        g_strv_builder_add (treatments, ((OtTreatment *) category->treatments->pdata[j])->id);
    }
  compared = g_strv_builder_end (treatments);
  ot_worksheet_set_compared_treatments (worksheet, (const char * const *) compared);
  if (effects->len > 0)
    avoid[0] = ((OtSideEffect *) effects->pdata[0])->id;
  ot_worksheet_set_avoid_effects (worksheet, avoid);

  for (guint i = 0; i < biomarkers->len; i++)
    {
      const OtBiomarker *biomarker = biomarkers->pdata[i];

      ot_worksheet_set_biomarker (worksheet, biomarker->id, ((OtResult *) biomarker->results->pdata[0])->id);
    }
  for (guint i = 0; values != NULL && i < values->len; i++)
    ot_worksheet_set_rating (worksheet, ((OtItem *) values->pdata[i])->id, i % (OT_RATING_MAX + 1));
  for (guint i = 0; readiness != NULL && i < readiness->len; i++)
    ot_worksheet_set_readiness (worksheet, ((OtItem *) readiness->pdata[i])->id, OT_ANSWER_YES);
  if (roles != NULL && roles->len > 0)
    ot_worksheet_set_role (worksheet, ((OtItem *) roles->pdata[0])->id);
  for (guint i = 0; i < groups->len; i++)
    {
      const OtGroup *group = groups->pdata[i];

      for (guint j = 0; j < group->items->len; j++)
        ot_worksheet_set_question (worksheet, ((OtItem *) group->items->pdata[j])->id, TRUE);
    }

  return worksheet;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  const guint8 *split = memchr (data, '\f', size);
  gsize pack_size = split ? (gsize) (split - data) : size;
  g_autoptr(GBytes) pack = g_bytes_new (data, pack_size);
  g_autoptr(GError) error = NULL;
  g_autoptr(OtContent) content = ot_content_new_from_bytes (pack, "fuzz.xml", &error);
  g_autoptr(OtWorksheet) worksheet = NULL;
  g_autoptr(OtSummary) summary = NULL;
  g_autoptr(GDateTime) date = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;

  g_assert ((content == NULL) != (error == NULL));
  if (content == NULL)
    return 0;

  if (split != NULL)
    {
      g_autoptr(GBytes) answers = g_bytes_new (split + 1, size - pack_size - 1);

      worksheet = ot_worksheet_io_from_bytes (answers, "fuzz.optiontalk", NULL, NULL);
    }
  if (worksheet == NULL)
    worksheet = choose_everything (content);

  date = g_date_time_new_utc (2026, 3, 17, 9, 30, 0);
  /* The input's length picks the hand-out or the full summary, in
   * usual or large print, so every layout is fuzzed. */
  summary = ot_summary_new_with_flags (content, worksheet, 595.276, 841.89, date,
                                       (OtSummaryFlags) (size % 4));
  surface = cairo_pdf_surface_create_for_stream (discard, NULL, ot_summary_get_page_width (summary),
                                                 ot_summary_get_page_height (summary));
  cr = cairo_create (surface);
  for (guint page = 0; page < ot_summary_get_n_pages (summary); page++)
    {
      ot_summary_draw_page (summary, cr, page);
      cairo_show_page (cr);
    }
  g_assert (cairo_status (cr) == CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);

  return 0;
}
