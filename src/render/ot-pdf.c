/* ot-pdf.c: the summary as a PDF file, and the paper it is laid out on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ot-pdf"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <langinfo.h>

#include "ot-pdf.h"
#include "ot-safe-file.h"

/* Sizes in points. */
#define A4_WIDTH      595.276
#define A4_HEIGHT     841.89
#define LETTER_WIDTH  612.0
#define LETTER_HEIGHT 792.0

void
ot_paper_get_size (OtPaper  paper,
                   double  *width,
                   double  *height)
{
  gboolean letter = paper == OT_PAPER_LETTER;

  if (width != NULL)
    *width = letter ? LETTER_WIDTH : A4_WIDTH;
  if (height != NULL)
    *height = letter ? LETTER_HEIGHT : A4_HEIGHT;
}

/**
 * ot_paper_from_locale:
 *
 * Letter where the locale's paper is Letter (LC_PAPER, as in the United
 * States and Canada), A4 everywhere else.
 */
OtPaper
ot_paper_from_locale (void)
{
#ifdef __GLIBC__
  /* glibc returns the width in millimetres, as a number in the pointer. */
  int width = (int) (gintptr) nl_langinfo (_NL_PAPER_WIDTH);

  if (width == 216)
    return OT_PAPER_LETTER;
#endif

  return OT_PAPER_A4;
}

const char *
ot_paper_to_string (OtPaper paper)
{
  return paper == OT_PAPER_LETTER ? "letter" : "a4";
}

gboolean
ot_paper_from_string (const char *name,
                      OtPaper    *paper)
{
  g_return_val_if_fail (paper != NULL, FALSE);

  if (g_ascii_strcasecmp (name, "a4") == 0)
    *paper = OT_PAPER_A4;
  else if (g_ascii_strcasecmp (name, "letter") == 0)
    *paper = OT_PAPER_LETTER;
  else
    return FALSE;

  return TRUE;
}

typedef struct
{
  OtSafeFile *file;
  GError     *error;    /* of the first failed write */
} Sink;

/* A failed write is kept in the sink and never told to Cairo: Cairo 1.16
 * crashes in cairo_surface_finish() (a NULL memmove while writing the
 * outline) when its stream fails early, as it does on a full disk.  The
 * rest of the document is dropped, and ot_pdf_write() reports the error
 * once Cairo is done. */
static cairo_status_t
sink_write (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  Sink *sink = closure;

  if (sink->error == NULL)
    ot_safe_file_write (sink->file, data, length, &sink->error);

  return CAIRO_STATUS_SUCCESS;
}

static void
add_outline (cairo_surface_t *surface,
             OtSummary       *summary,
             guint            page)
{
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();
  g_autoptr(GArray) tops = g_array_new (FALSE, FALSE, sizeof (double));

  ot_summary_get_outline (summary, page, titles, tops);
  for (guint i = 0; i < titles->len; i++)
    {
      g_autofree char *target = g_strdup_printf ("page=%u pos=[0 %d]", page + 1,
                                                 (int) g_array_index (tops, double, i));

      cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT, titles->pdata[i], target, 0);
    }
}

/* Everything in the document information comes from the summary itself:
 * its title and day, and the program that made it.  No name, no path. */
static void
set_metadata (cairo_surface_t *surface,
              OtSummary       *summary)
{
  g_autofree char *date = g_date_time_format (ot_summary_get_date (summary), "%Y-%m-%dT%H:%M:%S%:z");

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, ot_summary_get_title (summary));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Option Talk");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
}

static cairo_status_t
render (OtSummary *summary,
        Sink      *sink)
{
  double width = ot_summary_get_page_width (summary);
  double height = ot_summary_get_page_height (summary);
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (sink_write, sink, width, height);
  cairo_t *cr = cairo_create (surface);
  cairo_status_t status;

  set_metadata (surface, summary);
  /* The root of the structure that makes the PDF tagged. */
  cairo_tag_begin (cr, "Document", NULL);
  for (guint page = 0; page < ot_summary_get_n_pages (summary); page++)
    {
      if (page > 0)
        cairo_show_page (cr);
      ot_summary_draw_page (summary, cr, page);
      add_outline (surface, summary, page);
    }
  /* The root ends on the last page, which finishing the surface emits:
   * ended after a show_page, cairo 1.18 starts one more, blank page. */
  cairo_tag_end (cr, "Document");

  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  return status;
}

static gboolean
set_error (GError     **error,
           GQuark       domain,
           int          code,
           const char  *path,
           const char  *reason)
{
  g_autofree char *name = g_filename_display_name (path);

  g_set_error (error, domain, code, _("Could not save “%s”: %s"), name, reason);
  return FALSE;
}

/**
 * ot_pdf_write:
 *
 * Writes @summary to @file as a PDF, readable by its owner only, through
 * ot-safe-file.c: a failure or a signal part-way never leaves a partial
 * @file or a temporary file, and an older @file stays as it was.
 */
gboolean
ot_pdf_write (OtSummary  *summary,
              GFile      *file,
              GError    **error)
{
  g_autofree char *path = NULL;
  cairo_status_t status;
  Sink sink = { NULL, NULL };

  g_return_val_if_fail (OT_IS_SUMMARY (summary), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      return set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, uri,
                        _("a summary can only be saved in a local folder"));
    }

  /* The summary holds the same health information as the worksheet. */
  sink.file = ot_safe_file_new (path, &sink.error);
  if (sink.file == NULL)
    {
      set_error (error, sink.error->domain, sink.error->code, path, sink.error->message);
      g_error_free (sink.error);
      return FALSE;
    }

  status = render (summary, &sink);
  if (sink.error == NULL && status != CAIRO_STATUS_SUCCESS)
    g_set_error_literal (&sink.error, G_IO_ERROR, G_IO_ERROR_FAILED, cairo_status_to_string (status));

  if (sink.error == NULL)
    ot_safe_file_commit (sink.file, &sink.error);
  else
    ot_safe_file_abandon (sink.file);

  if (sink.error != NULL)
    {
      set_error (error, sink.error->domain, sink.error->code, path, sink.error->message);
      g_error_free (sink.error);
      return FALSE;
    }

  return TRUE;
}

/**
 * ot_pdf_export:
 * @page_width: in points
 * @page_height: in points
 * @date: (nullable): the day the summary is made; now when %NULL
 * @flags: the full summary or the hand-out, large print or not
 *
 * Lays out the summary of @worksheet and writes it to @file.  Needs no
 * display: the command line uses it as the window does.
 */
gboolean
ot_pdf_export (OtContent    *content,
               OtWorksheet  *worksheet,
               double        page_width,
               double        page_height,
               GDateTime    *date,
               OtSummaryFlags flags,
               GFile        *file,
               GError      **error)
{
  g_autoptr(OtSummary) summary = NULL;

  g_return_val_if_fail (content != NULL, FALSE);
  g_return_val_if_fail (OT_IS_WORKSHEET (worksheet), FALSE);

  summary = ot_summary_new_with_flags (content, worksheet, page_width, page_height, date, flags);
  return ot_pdf_write (summary, file, error);
}
