/* test-summary.c: the summary for the visit as pages and as a PDF, with
 * no display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include "ot-fit.h"
#include "ot-pdf.h"
#include "ot-summary.h"
#include "ot-test-files.h"
#include "ot-test-pack.h"
#include "ot-test-worksheet.h"
#include "ot-worksheet-io.h"

static const char * const headings[] = {
  "My options at a glance", "My situation", "Test results", "Options compared",
  "Side effects compared", "What matters most to me", "My preferred role in deciding",
  "Am I ready to decide? (SURE test)", "Questions to ask", "Notes, leaning and next steps",
  "Sources", "About this summary",
};

static OtContent *content;

static GDateTime *
test_date (void)
{
  return g_date_time_new_local (2026, 3, 3, 10, 30, 0);
}

static guint
count_entries (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir))
    n++;
  return n;
}

/* The text of page @page (every page when 0), or of the strip of it from
 * @x points across, @width wide (the whole width when 0), with every run
 * of white space made one space, so that line breaks do not matter.  The
 * whole document is read in the order it is drawn (-raw), each table cell
 * whole: pdftotext's own reading of the page puts the lines of cells side
 * by side in one, and a cell's second line can then come after its
 * neighbour's (as with Pango 1.56's metrics). */
static char *
pdf_strip_text (const char *path,
                guint       page,
                double      x,
                double      width)
{
  g_autofree char *number = g_strdup_printf ("%u", page);
  g_autofree char *left = g_strdup_printf ("%d", (int) x);
  g_autofree char *across = g_strdup_printf ("%d", (int) width);
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", "-f", number, "-l", number,
                         "-x", left, "-y", "0", "-W", across, "-H", "2000", path, "-", NULL };
  const char *all_argv[] = { "pdftotext", "-raw", "-enc", "UTF-8", path, "-", NULL };
  g_autofree char *text = NULL;

  if (page == 0)
    text = ot_test_run_tool (all_argv);
  else if (width == 0)
    {
      argv[7] = path;
      argv[8] = "-";
      argv[9] = NULL;
      text = ot_test_run_tool (argv);
    }
  else
    text = ot_test_run_tool (argv);
  g_auto(GStrv) words = g_strsplit_set (text, " \t\n\f\r", -1);
  GString *joined = g_string_new (NULL);

  for (guint i = 0; words[i]; i++)
    if (words[i][0] != '\0')
      g_string_append_printf (joined, "%s%s", joined->len ? " " : "", words[i]);
  return g_string_free (joined, FALSE);
}

static char *
pdf_page_text (const char *path,
               guint       page)
{
  return pdf_strip_text (path, page, 0, 0);
}

static char *
pdf_text (const char *path)
{
  return pdf_page_text (path, 0);
}

/* The outline as poppler reads it, as XML: cairo 1.18 compresses the
 * PDF's objects, so its bytes do not show it. */
static char *
pdf_outline (const char *path)
{
  const char *argv[] = { "pdftohtml", "-xml", "-i", "-q", "-stdout", path, NULL };

  return ot_test_run_tool (argv);
}

static guint
count_substrings (const char *text,
                  const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (text, needle); p; p = strstr (p + 1, needle))
    n++;
  return n;
}

static char *
normalize (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \n", -1);
  GString *joined = g_string_new (NULL);

  for (guint i = 0; words[i]; i++)
    if (words[i][0] != '\0')
      g_string_append_printf (joined, "%s%s", joined->len ? " " : "", words[i]);
  return g_string_free (joined, FALSE);
}

#define assert_has_text(text, needle) G_STMT_START {              \
    g_autofree char *_needle = normalize (needle);                \
    if (strstr ((text), _needle) == NULL)                         \
      g_error ("the PDF lacks “%s”", _needle);                    \
  } G_STMT_END

static char *
export_with_flags (OtWorksheet    *worksheet,
                   OtPaper         paper,
                   OtSummaryFlags  flags,
                   const char     *dir)
{
  g_autoptr(GDateTime) date = test_date ();
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, "summary.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(OtSummary) summary = NULL;
  double width, height;

  ot_paper_get_size (paper, &width, &height);
  summary = ot_summary_new_with_flags (content, worksheet, width, height, date, flags);
  g_assert_true (ot_pdf_write (summary, file, &error));
  g_assert_no_error (error);
  return path;
}

/* The full summary: every section. */
static char *
export (OtWorksheet *worksheet,
        OtPaper      paper,
        const char  *dir)
{
  return export_with_flags (worksheet, paper, OT_SUMMARY_FULL, dir);
}

static void
test_full (void)
{
  g_autoptr(OtWorksheet) worksheet = ot_worksheet_new ();
  g_autofree char *dir = ot_test_make_temp_dir ();
  g_autofree char *path = NULL;
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;
  g_autofree char *outline = NULL;
  g_autofree char *fonts = NULL;
  g_autofree char *last_page = NULL;
  g_autofree char *urls = NULL;
  const char *fonts_argv[] = { "pdffonts", NULL, NULL };
  const char *urls_argv[] = { "pdfinfo", "-url", NULL, NULL };
  const char * const *questions;
  g_auto(GStrv) font_lines = NULL;
  guint pages;

  ot_test_worksheet_fill (worksheet);
  path = export (worksheet, OT_PAPER_A4, dir);
  info = ot_test_pdf_info (path);
  text = pdf_text (path);
  urls_argv[2] = path;
  g_test_message ("%s", info);

  pages = ot_test_info_pages (info);
  g_assert_cmpuint (pages, >=, 3);
  g_assert_cmpuint (pages, <=, 14);
  g_assert_nonnull (strstr (info, "595.276 x 841.89 pts (A4)"));
  g_assert_true (g_regex_match_simple ("^Title: +Summary for the visit$", info, G_REGEX_MULTILINE, 0));
  g_assert_true (g_regex_match_simple ("^Creator: +Option Talk$", info, G_REGEX_MULTILINE, 0));
  g_assert_true (g_regex_match_simple ("^CreationDate: .*2026", info, G_REGEX_MULTILINE, 0));
  /* Nothing the person did not enter. */
  g_assert_null (strstr (info, "Author:"));

  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    assert_has_text (text, headings[i]);

  /* The person's own words, accents and Greek intact. */
  assert_has_text (text, OT_TEST_PATIENT);
  assert_has_text (text, OT_TEST_CLINICIAN);
  assert_has_text (text, OT_TEST_OWN_VALUE);
  assert_has_text (text, OT_TEST_OWN_QUESTION);
  assert_has_text (text, OT_TEST_NOTES);
  assert_has_text (text, OT_TEST_NEXT_STEPS);
  assert_has_text (text, "Prepared on 3 March 2026");
  assert_has_text (text, "Next visit 17 March 2026");
  assert_has_text (text, "Stage IVB");
  assert_has_text (text, "Liver, Lungs");
  assert_has_text (text, "Left side of the colon");
  assert_has_text (text, "pMMR / MSS");
  assert_has_text (text, "Not tested");
  assert_has_text (text, "I prefer that my doctor and I share responsibility");
  assert_has_text (text, "Yes to 3 of 4 questions.");
  assert_has_text (text, "Leaning towards FOLFOX (5-FU, leucovorin and oxaliplatin); Anti-EGFR");
  assert_has_text (text, "about 80 in 100");
  /* The figures in the chart's own words, small ones never as none. */
  assert_has_text (text, "about 17 in 100 severely");
  assert_has_text (text, "fewer than 1 in 100 moderately or severely");
  /* Every figure says which cases it counts. */
  assert_has_text (text, "all cases, mild to severe");
  assert_has_text (text, "mild cases not counted");
  g_assert_null (strstr (text, "about 0 in 100"));
  assert_has_text (text, "I most want to avoid this");
  /* The same words for the importance scale as on screen: the person's own
   * value was rated at the top of the scale. */
  {
    g_autofree char *own_row = g_strdup_printf ("%s (my own)", OT_TEST_OWN_VALUE);
    const char *row = strstr (text, own_row);

    g_assert_nonnull (row);
    g_assert_true (g_str_has_prefix (strstr (row, "important") - strlen ("Very "), "Very important"));
  }
  assert_has_text (text, ot_rating_to_string (OT_RATING_QUITE_IMPORTANT));
  g_assert_null (strstr (text, "Extremely important"));
  assert_has_text (text, "Survival numbers");
  assert_has_text (text, ot_content_get_meta (content)->disclaimer);
  assert_has_text (text, ot_content_get_meta (content)->version);
  assert_has_text (text, "Last reviewed 6 December 2026");
  /* What review by clinicians the pack has had, not a bare "pending". */
  assert_has_text (text, "No review of this content by a clinician has been recorded yet.");
  g_assert_null (strstr (text, "pending"));
  assert_has_text (text, "https://www.cancer.gov/");

  /* Every chosen question; those not asked before those asked. */
  questions = ot_worksheet_get_questions (worksheet);
  for (guint i = 0; questions[i]; i++)
    assert_has_text (text, ot_content_find_question (content, questions[i])->text);
  g_assert_true (strstr (text, "Which options fit my tumor tests")
                 < strstr (text, "Already asked"));
  g_assert_true (strstr (text, "Already asked")
                 < strstr (text, "What is the goal of this treatment for me"));

  /* What matters most comes first: every value rated highest is marked,
   * and none rated lower. */
  g_assert_true (strstr (text, "★ Time at home rather than in hospital") != NULL);
  g_assert_true (strstr (text, "★ Time with family and friends") != NULL);
  g_assert_true (strstr (text, "★ " OT_TEST_OWN_VALUE) != NULL);
  g_assert_null (strstr (text, "★ Keeping up my daily activities"));
  g_assert_true (strstr (text, "Time at home rather than in hospital")
                 < strstr (text, "Keeping up my daily activities"));
  g_assert_true (strstr (text, "Keeping up my daily activities")
                 < strstr (text, "Living as long as possible"));

  /* How each compared treatment fits, with its reason. */
  for (const char *id = "folfox"; id; id = NULL)
    {
      const OtTreatment *treatment = ot_content_find_treatment (content, id);
      const OtFitRule *rule = ot_fit_evaluate (content, worksheet, treatment);

      assert_has_text (text, rule->reason);
    }
  /* Only the categories compared. */
  g_assert_null (strstr (text, "Palliative care and hospice"));

  last_page = g_strdup_printf ("Page %u of %u", pages, pages);
  assert_has_text (text, "Page 1 of");
  assert_has_text (text, last_page);

  /* Source addresses are links, and the sections are in the outline. */
  urls = ot_test_run_tool (urls_argv);
  g_assert_nonnull (strstr (urls, "Annotation    https://www.cancer.gov/types/colorectal/patient/colon-treatment-pdq\n"));
  g_assert_cmpuint (count_substrings (urls, "Annotation"), >, 20);
  outline = pdf_outline (path);
  g_assert_nonnull (strstr (outline, "<outline>"));
  /* Every section, the title aside. */
  for (guint i = 1; i < G_N_ELEMENTS (headings); i++)
    {
      g_autofree char *item = g_strdup_printf (">%s</item>", headings[i]);

      g_assert_nonnull (strstr (outline, item));
    }

  /* Fonts are embedded: every font pdffonts lists says "yes" under emb. */
  fonts_argv[1] = path;
  fonts = ot_test_run_tool (fonts_argv);
  font_lines = g_strsplit (fonts, "\n", -1);
  g_assert_cmpuint (g_strv_length (font_lines), >, 3);
  for (guint i = 2; font_lines[i] && font_lines[i][0]; i++)
    g_assert_true (g_regex_match_simple ("(TrueType|Type 1|CID).* yes +yes ", font_lines[i], 0, 0));

  ot_test_remove_tree (dir);
}

static void
test_empty (void)
{
  g_autoptr(OtWorksheet) worksheet = ot_worksheet_new ();
  g_autofree char *dir = ot_test_make_temp_dir ();
  g_autofree char *path = export (worksheet, OT_PAPER_A4, dir);
  g_autofree char *text = pdf_text (path);

  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    assert_has_text (text, headings[i]);
  assert_has_text (text, "No questions chosen yet.");
  assert_has_text (text, "No treatments were chosen to compare side effects.");
  assert_has_text (text, "Nothing rated yet.");
  /* No names given, none printed; survival only when asked for. */
  g_assert_null (strstr (text, "Clinician"));
  g_assert_null (strstr (text, "Survival numbers"));
  /* Nothing compared means every option is shown. */
  assert_has_text (text, "Palliative care and hospice");
  /* Nothing to check, no notice. */
  g_assert_null (strstr (text, ot_fit_checks_heading ()));

  ot_test_remove_tree (dir);
}

static void
test_flow (void)
{
  g_autoptr(OtWorksheet) full = ot_worksheet_new ();
  g_autoptr(OtWorksheet) worksheet = ot_worksheet_new ();
  g_autofree char *dir = ot_test_make_temp_dir ();
  g_autofree char *full_dir = ot_test_make_temp_dir ();
  g_autofree char *full_path = NULL;
  g_autofree char *path = NULL;
  g_autofree char *full_info = NULL;
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) words = NULL;
  g_auto(GStrv) note_words = NULL;
  guint expected_notes = 0, found_notes = 0;

  ot_test_worksheet_fill (full);
  ot_test_worksheet_fill (worksheet);
  ot_test_worksheet_add_long (worksheet, OT_WORKSHEET_MAX_OWN - 1, 5000);
  g_assert_cmpuint (strlen (ot_worksheet_get_notes (worksheet)), ==, 5000);

  full_path = export (full, OT_PAPER_A4, full_dir);
  path = export (worksheet, OT_PAPER_A4, dir);
  full_info = ot_test_pdf_info (full_path);
  info = ot_test_pdf_info (path);
  text = pdf_text (path);

  /* Questions to the limit and 5,000 characters need at least two more pages. */
  g_assert_cmpuint (ot_test_info_pages (info), >=, ot_test_info_pages (full_info) + 2);

  for (guint i = 1; i < OT_WORKSHEET_MAX_OWN; i++)
    {
      g_autofree char *question = g_strdup_printf ("Question %u: what happens to my plan if the "
                                                   "scan in week %u shows change?", i, i);

      assert_has_text (text, question);
    }

  /* Every word of the notes arrives once, in order: none lost at a page
   * break, none drawn twice. */
  note_words = g_strsplit_set (ot_worksheet_get_notes (worksheet), " \n", -1);
  words = g_strsplit (text, " ", -1);
  for (guint i = 0; note_words[i]; i++)
    expected_notes += note_words[i][0] != '\0';
  for (guint i = 0, j = 0; words[i]; i++)
    if (g_str_has_prefix (words[i], "note") && g_ascii_isdigit (words[i][4]))
      {
        while (note_words[j] && note_words[j][0] == '\0')
          j++;
        g_assert_cmpstr (words[i], ==, note_words[j]);
        found_notes++;
        j++;
      }
  g_assert_cmpuint (found_notes, ==, expected_notes);
  g_assert_cmpuint (expected_notes, >, 500);

  ot_test_remove_tree (dir);
  ot_test_remove_tree (full_dir);
}

static void
test_paper (void)
{
  const struct {
    OtPaper     paper;
    const char *size;
  } papers[] = {
    { OT_PAPER_A4, "595.276 x 841.89 pts (A4)" },
    { OT_PAPER_LETTER, "612 x 792 pts (letter)" },
  };
  OtPaper paper;

  for (guint i = 0; i < G_N_ELEMENTS (papers); i++)
    {
      g_autoptr(OtWorksheet) worksheet = ot_worksheet_new ();
      g_autofree char *dir = ot_test_make_temp_dir ();
      g_autofree char *path = NULL;
      g_autofree char *info = NULL;

      ot_test_worksheet_fill (worksheet);
      path = export (worksheet, papers[i].paper, dir);
      info = ot_test_pdf_info (path);
      /* Every page, not just the first, has the size. */
      g_assert_nonnull (strstr (info, papers[i].size));
      ot_test_remove_tree (dir);
    }

  g_assert_true (ot_paper_from_string ("Letter", &paper));
  g_assert_cmpint (paper, ==, OT_PAPER_LETTER);
  g_assert_true (ot_paper_from_string ("a4", &paper));
  g_assert_cmpint (paper, ==, OT_PAPER_A4);
  g_assert_false (ot_paper_from_string ("a5", &paper));
  g_assert_cmpstr (ot_paper_to_string (OT_PAPER_LETTER), ==, "letter");
  /* The test locale is C, whose paper is A4. */
  g_assert_cmpint (ot_paper_from_locale (), ==, OT_PAPER_A4);
}

static gboolean
boxes_overlap (const OtRect *a,
               const OtRect *b)
{
  double width = MIN (a->x + a->width, b->x + b->width) - MAX (a->x, b->x);
  double height = MIN (a->y + a->height, b->y + b->height) - MAX (a->y, b->y);

  return width > 0.5 && height > 0.5;
}

static void
check_layout (OtSummary *summary)
{
  double width = ot_summary_get_page_width (summary);
  double height = ot_summary_get_page_height (summary);
  double inset = OT_SUMMARY_PRINTABLE_INSET;
  OtRect body;

  ot_summary_get_body (summary, &body);
  g_assert_cmpuint (ot_summary_get_n_pages (summary), >, 0);

  for (guint page = 0; page < ot_summary_get_n_pages (summary); page++)
    {
      g_autoptr(GArray) boxes = ot_summary_get_boxes (summary, page);
      g_autoptr(GPtrArray) titles = g_ptr_array_new ();
      g_autoptr(GArray) tops = g_array_new (FALSE, FALSE, sizeof (double));
      guint n_text = boxes->len - 2;  /* the footer comes last */

      /* The footer's two, and text unless the page holds only a chart. */
      g_assert_cmpuint (boxes->len, >=, 2);
      for (guint i = 0; i < boxes->len; i++)
        {
          const OtRect *box = &g_array_index (boxes, OtRect, i);

          /* Inside what any printer prints… */
          g_assert_cmpfloat (box->x, >=, inset);
          g_assert_cmpfloat (box->y, >=, inset);
          g_assert_cmpfloat (box->x + box->width, <=, width - inset);
          g_assert_cmpfloat (box->y + box->height, <=, height - inset);
          g_assert_cmpfloat (box->height, >, 0);

          /* …the text inside its margins, the footer below them… */
          if (i < n_text)
            {
              g_assert_cmpfloat (box->x, >=, body.x - 0.01);
              g_assert_cmpfloat (box->x + box->width, <=, body.x + body.width + 0.01);
              g_assert_cmpfloat (box->y, >=, body.y - 0.01);
              g_assert_cmpfloat (box->y + box->height, <=, body.y + body.height + 0.01);
            }
          else
            {
              g_assert_cmpfloat (box->y, >=, body.y + body.height);
            }

          /* …and nothing on top of anything else. */
          for (guint j = i + 1; j < boxes->len; j++)
            if (boxes_overlap (box, &g_array_index (boxes, OtRect, j)))
              g_error ("page %u: text boxes %u and %u overlap", page + 1, i, j);
        }

      /* A heading never sits alone at the foot of a page: some text
       * starts below it on the same page. */
      ot_summary_get_outline (summary, page, titles, tops);
      for (guint t = 0; t < titles->len; t++)
        {
          double top = g_array_index (tops, double, t);
          gboolean followed = FALSE;

          for (guint i = 0; i < n_text; i++)
            followed |= g_array_index (boxes, OtRect, i).y > top + 20;
          if (!followed)
            g_error ("page %u: “%s” is alone at the bottom", page + 1, (char *) titles->pdata[t]);
        }
    }
}

static void
test_layout (void)
{
  g_autoptr(GDateTime) date = test_date ();

  for (guint kind = 0; kind < 4; kind++)
    for (OtPaper paper = OT_PAPER_A4; paper <= OT_PAPER_LETTER; paper++)
      {
        g_autoptr(OtWorksheet) worksheet = ot_worksheet_new ();
        g_autoptr(OtSummary) summary = NULL;
        double width, height;

        if (kind > 0)
          ot_test_worksheet_fill (worksheet);
        if (kind == 2)
          ot_test_worksheet_add_long (worksheet, OT_WORKSHEET_MAX_OWN - 1, 5000);
        if (kind == 3)
          {
            /* One word longer than a line, and a paragraph longer than a page. */
            g_autofree char *word = g_strnfill (400, 'x');
            g_autoptr(GString) notes = g_string_new (word);

            for (guint i = 0; i < 700; i++)
              g_string_append (notes, " long notes go on");
            ot_worksheet_set_notes (worksheet, notes->str);
            ot_worksheet_set_patient_name (worksheet, word);
          }

        ot_paper_get_size (paper, &width, &height);
        summary = ot_summary_new (content, worksheet, width, height, date);
        check_layout (summary);
      }
}

/* Draws every page on an image, as a printer would, and checks that no
 * ink falls in the quarter inch along the edges; the pages are kept as
 * PNG files for a person to look at. */
static void
test_pixels (void)
{
  g_autoptr(OtWorksheet) worksheet = ot_worksheet_new ();
  g_autoptr(GDateTime) date = test_date ();
  g_autoptr(OtSummary) summary = NULL;
  g_autofree char *dir = g_test_build_filename (G_TEST_BUILT, "screenshots", NULL);
  int inset = (int) OT_SUMMARY_PRINTABLE_INSET - 1;

  ot_test_worksheet_fill (worksheet);
  ot_test_worksheet_add_long (worksheet, OT_WORKSHEET_MAX_OWN - 1, 5000);
  summary = ot_summary_new (content, worksheet, 612, 792, date);
  g_mkdir_with_parents (dir, 0755);

  for (guint page = 0; page < ot_summary_get_n_pages (summary); page++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 612, 792);
      cairo_t *cr = cairo_create (surface);
      g_autofree char *name = g_strdup_printf ("summary-letter-page-%u.png", page + 1);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      const unsigned char *data;
      int stride;
      guint inked = 0;

      ot_summary_draw_page (summary, cr, page);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      data = cairo_image_surface_get_data (surface);
      stride = cairo_image_surface_get_stride (surface);

      for (int y = 0; y < 792; y++)
        for (int x = 0; x < 612; x++)
          {
            guint32 pixel = *(const guint32 *) (data + y * stride + x * 4);
            gboolean edge = x < inset || y < inset || x >= 612 - inset || y >= 792 - inset;

            if ((pixel >> 24) == 0)
              continue;
            inked++;
            if (edge)
              g_error ("page %u: ink at %d, %d, in the unprintable edge", page + 1, x, y);
          }
      /* Every page has something on it besides its footer. */
      g_assert_cmpuint (inked, >, 1500);

      /* On white, as on paper. */
      {
        cairo_surface_t *paper = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 612, 792);

        cr = cairo_create (paper);
        cairo_set_source_rgb (cr, 1, 1, 1);
        cairo_paint (cr);
        cairo_set_source_surface (cr, surface, 0, 0);
        cairo_paint (cr);
        cairo_destroy (cr);
        g_assert_cmpint (cairo_surface_write_to_png (paper, path), ==, CAIRO_STATUS_SUCCESS);
        cairo_surface_destroy (paper);
      }
      cairo_surface_destroy (surface);
    }
}

static void
test_survival (void)
{
  g_autoptr(OtWorksheet) worksheet = ot_worksheet_new ();
  g_autofree char *dir = ot_test_make_temp_dir ();
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  const OtTopic *survival = ot_content_find_topic (content, "survival");
  const OtText *para = g_ptr_array_index (survival->paras, 0);

  ot_test_worksheet_fill (worksheet);
  ot_worksheet_set_show_survival (worksheet, FALSE);
  path = export (worksheet, OT_PAPER_A4, dir);
  text = pdf_text (path);

  /* Survival numbers only for a person who chose to see them. */
  g_assert_null (strstr (text, "Survival numbers"));
  g_assert_null (strstr (text, "alive 5 years"));

  ot_worksheet_set_show_survival (worksheet, TRUE);
  g_free (path);
  g_free (text);
  path = export (worksheet, OT_PAPER_A4, dir);
  text = pdf_text (path);
  assert_has_text (text, para->text);

  ot_test_remove_tree (dir);
}

/* The first word of treatment @id's name, which the columns of the grid
 * keep whole (the rest may wrap, and pdftotext reads the columns' lines
 * side by side). */
static char *
name_start (const char *id)
{
  const char *name = ot_content_find_treatment (content, id)->name;

  return g_strndup (name, strcspn (name, " "));
}

/* The options at a glance go on over the pages as their rows do, and
 * each page the grid goes on to names the options again: on pages too
 * short for the grid, in the usual type and in large print, page 1 holds
 * the options and their first row under the title (in large print it was
 * left with the title alone), and every row is there. */
static void
test_grid_flows (void)
{
  static const char * const rows[] = {
    "How it fits your test results", "What it involves, how often and how long", "Chance of benefit",
    "Main side effects (★ the ones you want to avoid)", "Effect on daily life", "What matters most to you",
  };
  static const OtSummaryFlags flags[] = { 0, OT_SUMMARY_LARGE_PRINT };
  g_autoptr(OtWorksheet) worksheet = ot_worksheet_new ();
  g_autoptr(GDateTime) date = test_date ();
  g_autofree char *dir = ot_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "summary.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  const char * const *compared;
  char *start[4];

  ot_test_worksheet_fill (worksheet);
  compared = ot_worksheet_get_compared_treatments (worksheet);
  g_assert_cmpuint (g_strv_length ((char **) compared), ==, 4);
  for (guint i = 0; i < 4; i++)
    start[i] = name_start (compared[i]);
  for (guint f = 0; f < G_N_ELEMENTS (flags); f++)
    for (double height = 420; height <= 842; height += 70)
      {
        g_autoptr(OtSummary) summary = ot_summary_new_with_flags (content, worksheet, 595, height, date, flags[f]);
        g_autoptr(GError) error = NULL;
        g_autofree char *first = NULL;
        g_autofree char *text = NULL;
        guint pages;

        g_assert_true (ot_pdf_write (summary, file, &error));
        g_assert_no_error (error);
        pages = ot_test_pdf_pages (path);
        g_test_message ("%s, 595 × %.0f pt: %u pages", flags[f] ? "large print" : "usual type", height, pages);
        first = pdf_page_text (path, 1);
        assert_has_text (first, start[0]);
        assert_has_text (first, rows[0]);
        text = pdf_text (path);
        for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
          assert_has_text (text, rows[i]);

        /* In the usual type the four stay side by side: a page the grid
         * goes on to names all four above its rows. */
        for (guint p = 2; flags[f] == 0 && p <= pages; p++)
          {
            g_autofree char *page = pdf_page_text (path, p);

            if (strstr (page, rows[G_N_ELEMENTS (rows) - 1]) == NULL)
              continue;
            for (guint i = 0; i < 4; i++)
              assert_has_text (page, start[i]);
          }
      }

  for (guint i = 0; i < 4; i++)
    g_free (start[i]);
  ot_test_remove_tree (dir);
}

/* The hand-out of a full worksheet with four compared treatments: page 1
 * is the options at a glance, with each option, every row and the top
 * value against each option; the rest fits page 2, on A4 and on Letter,
 * with the side effects once and no notes for the pack's authors. */
static void
test_handout (void)
{
  static const char * const rows[] = {
    "How it fits your test results", "What it involves, how often and how long", "Chance of benefit",
    "Main side effects (★ the ones you want to avoid)", "Effect on daily life", "What matters most to you",
  };

  for (OtPaper paper = OT_PAPER_A4; paper <= OT_PAPER_LETTER; paper++)
    {
      g_autoptr(OtWorksheet) worksheet = ot_worksheet_new ();
      g_autofree char *dir = ot_test_make_temp_dir ();
      g_autofree char *path = NULL;
      g_autofree char *info = NULL;
      g_autofree char *first = NULL;
      g_autofree char *second = NULL;
      g_autofree char *text = NULL;
      g_autoptr(OtSummary) summary = NULL;
      const char * const *compared;
      double width, height;
      OtRect body;

      ot_test_worksheet_fill (worksheet);
      compared = ot_worksheet_get_compared_treatments (worksheet);
      g_assert_cmpuint (g_strv_length ((char **) compared), ==, 4);
      path = export_with_flags (worksheet, paper, 0, dir);
      info = ot_test_pdf_info (path);
      g_test_message ("%s", info);
      g_assert_cmpuint (ot_test_info_pages (info), ==, 2);

      first = pdf_page_text (path, 1);
      assert_has_text (first, "My options at a glance");
      assert_has_text (first, OT_TEST_PATIENT);
      for (guint i = 0; compared[i] != NULL; i++)
        assert_has_text (first, ot_content_find_treatment (content, compared[i])->name);
      for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
        assert_has_text (first, rows[i]);
      g_assert_null (strstr (first, "Questions to ask"));

      /* Column by column: the option, its fit, its benefit, the avoided
       * effect first and the top value linked to a row of that option. */
      ot_paper_get_size (paper, &width, &height);
      summary = ot_summary_new_with_flags (content, worksheet, width, height, NULL, 0);
      ot_summary_get_body (summary, &body);
      for (guint i = 0; i < 4; i++)
        {
          double column = body.width / 4;
          g_autofree char *cell = pdf_strip_text (path, 1, body.x + i * column + 1, column - 2);

          g_test_message ("column %u: %s", i + 1, cell);
          assert_has_text (cell, ot_content_find_treatment (content, compared[i])->name);
          assert_has_text (cell, i < 3 ? "Likely to help." : "Not expected to help.");
          assert_has_text (cell, "★ Numbness or tingling in hands and feet:");
          if (i == 2)
            assert_has_text (cell, "About 80 in 100 people's tumors shrank with panitumumab and FOLFOX");
          if (i == 3)
            assert_has_text (cell, "No figure: not expected to help with these results.");
          /* FOLFIRI's avoided effect comes first, though far rarer. */
          if (i == 1)
            g_assert_true (strstr (cell, "★ Numbness") < strstr (cell, "Low white blood cells"));
          assert_has_text (cell, "Time at home rather than in hospital:");
          g_assert_null (strstr (cell, "Time with family and friends"));
        }


      second = pdf_page_text (path, 2);
      assert_has_text (second, "My situation Stage IVB; Liver, Lungs; Left side of the colon;");
      assert_has_text (second, "MMR / MSI: pMMR / MSS;");
      assert_has_text (second, "What matters most to me");
      assert_has_text (second, "Nothing in our sources links these to the options at a glance: "
                               "Time with family and friends; " OT_TEST_OWN_VALUE);
      assert_has_text (second, "Ready to decide? (SURE test) Yes to 3 of 4 questions.");
      assert_has_text (second, "Questions to ask");
      assert_has_text (second, OT_TEST_OWN_QUESTION);
      assert_has_text (second, OT_TEST_NOTES);
      assert_has_text (second, OT_TEST_NEXT_STEPS);
      assert_has_text (second, "Sources: [1] ");
      assert_has_text (second, ot_content_get_meta (content)->disclaimer);

      /* Side effects once, and nothing for the pack's authors. */
      text = pdf_text (path);
      g_assert_null (strstr (text, "Side effects compared"));
      g_assert_null (strstr (text, "Options compared"));
      g_assert_null (strstr (text, "No review of this content by a clinician"));
      g_assert_null (strstr (text, "https://"));

      ot_test_remove_tree (dir);
    }
}

/* The situation as the paper says it: in the hand-out's one line
 * ("My situation STAGE; places; side; LINES. TEST: RESULT; …"), or in the
 * full summary's pairs ("Stage STAGE", "TEST RESULT"). */
static void
assert_situation (OtWorksheet    *worksheet,
                  OtSummaryFlags  flags,
                  const char     *dir,
                  const char     *stage,
                  const char     *lines,
                  const char     *result)
{
  const OtBiomarker *first = g_ptr_array_index (ot_content_get_biomarkers (content), 0);
  g_autofree char *path = export_with_flags (worksheet, OT_PAPER_A4, flags, dir);
  g_autofree char *text = pdf_text (path);
  g_autofree char *stage_text = flags ? g_strconcat ("Stage ", stage, NULL)
                                      : g_strconcat ("My situation ", stage, ";", NULL);
  g_autofree char *lines_text = flags ? g_strconcat ("Treatment so far ", lines, NULL)
                                      : g_strconcat ("; ", lines, ".", NULL);
  g_autofree char *result_text = g_strconcat (first->name, flags ? " " : ": ", result, NULL);

  assert_has_text (text, stage_text);
  assert_has_text (text, lines_text);
  assert_has_text (text, result_text);
  g_unlink (path);
}

/* The paper says an answer in the model's words, as the screen does
 * (test-views.c checks the screen's): a stage, a result and the lines of
 * treatment not known or left blank, in the hand-out and the full summary. */
static void
test_same_words (void)
{
  static const OtSummaryFlags kinds[] = { 0, OT_SUMMARY_FULL };
  g_autoptr(OtWorksheet) not_sure = ot_worksheet_new ();
  g_autoptr(OtWorksheet) blank = ot_worksheet_new ();
  g_autofree char *dir = ot_test_make_temp_dir ();
  const OtBiomarker *first = g_ptr_array_index (ot_content_get_biomarkers (content), 0);

  ot_worksheet_set_substage (not_sure, OT_SUBSTAGE_NOT_SURE);
  ot_worksheet_set_biomarker (not_sure, first->id, OT_RESULT_NOT_SURE);
  ot_worksheet_set_prior_lines (not_sure, OT_PRIOR_LINES_MAX);
  /* "Or more", as chosen: never a count the person did not give. */
  g_assert_cmpstr (ot_prior_lines_to_string (OT_PRIOR_LINES_MAX), ==, "Three or more lines of treatment");

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      OtSummaryFlags flags = kinds[i];

      assert_situation (not_sure, flags, dir, ot_substage_to_string (OT_SUBSTAGE_NOT_SURE),
                        ot_prior_lines_to_string (OT_PRIOR_LINES_MAX),
                        ot_unknown_result_to_string (OT_RESULT_NOT_SURE));
      assert_situation (blank, flags, dir, ot_substage_to_string (OT_SUBSTAGE_UNSET),
                        ot_prior_lines_to_string (0), ot_unknown_result_to_string (OT_RESULT_NOT_TESTED));
    }

  ot_test_remove_tree (dir);
}

/* The words of a PDF without its footers, sorted, each once: the same
 * content gives the same list whatever the type size (a grid split over
 * two pages repeats its row titles). */
static int
compare_words (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

static GPtrArray *
dup_sorted_words (const char *path)
{
  g_autofree char *text = pdf_text (path);
  g_autoptr(GRegex) footer = g_regex_new ("Summary for the visit, [0-9]+ [A-Za-z]+ [0-9]+ Page [0-9]+ of [0-9]+",
                                          0, 0, NULL);
  g_autofree char *body = g_regex_replace_literal (footer, text, -1, 0, "", 0, NULL);
  g_autoptr(GRegex) broken = g_regex_new ("(\\S)- ", 0, 0, NULL);
  /* Read as drawn, a word broken after its hyphen is two: join them. */
  g_autofree char *joined = g_regex_replace (broken, body, -1, 0, "\\1-", 0, NULL);
  g_auto(GStrv) words = g_strsplit (joined, " ", -1);
  GPtrArray *sorted = g_ptr_array_new_with_free_func (g_free);

  /* Compare words without their hyphens, wherever the lines broke. */
  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      {
        g_auto(GStrv) parts = g_strsplit (words[i], "-", -1);

        g_ptr_array_add (sorted, g_strjoinv ("", parts));
      }
  g_ptr_array_sort (sorted, compare_words);
  for (guint i = 1; i < sorted->len;)
    if (g_str_equal (sorted->pdata[i], sorted->pdata[i - 1]))
      g_ptr_array_remove_index (sorted, i);
    else
      i++;
  return sorted;
}

/* Large print: the same words, larger, on more pages that keep to their
 * margins, in the hand-out and in the full version. */
static void
test_large_print (void)
{
  g_autoptr(OtWorksheet) worksheet = ot_worksheet_new ();
  g_autoptr(GDateTime) date = test_date ();
  g_autofree char *dir = ot_test_make_temp_dir ();

  ot_test_worksheet_fill (worksheet);
  for (OtSummaryFlags flags = 0; flags <= OT_SUMMARY_FULL; flags += OT_SUMMARY_FULL)
    for (OtPaper paper = OT_PAPER_A4; paper <= OT_PAPER_LETTER; paper++)
      {
        g_autofree char *path = export_with_flags (worksheet, paper, flags, dir);
        g_autofree char *info = ot_test_pdf_info (path);
        g_autoptr(GPtrArray) words = dup_sorted_words (path);
        g_autofree char *large_path = NULL;
        g_autofree char *large_info = NULL;
        g_autoptr(GPtrArray) large_words = NULL;
        g_autoptr(OtSummary) summary = NULL;
        double width, height;

        large_path = export_with_flags (worksheet, paper, flags | OT_SUMMARY_LARGE_PRINT, dir);
        large_info = ot_test_pdf_info (large_path);
        large_words = dup_sorted_words (large_path);
        g_assert_cmpuint (ot_test_info_pages (large_info), >, ot_test_info_pages (info));
        /* Lines of the chart and of links break elsewhere in the full
         * version; the hand-out's words are compared one by one. */
        if (flags == 0)
          {
            g_assert_cmpuint (large_words->len, ==, words->len);
            for (guint i = 0; i < words->len; i++)
              g_assert_cmpstr (large_words->pdata[i], ==, words->pdata[i]);
          }

        ot_paper_get_size (paper, &width, &height);
        summary = ot_summary_new_with_flags (content, worksheet, width, height, date, flags | OT_SUMMARY_LARGE_PRINT);
        check_layout (summary);
      }

  ot_test_remove_tree (dir);
}

static void
test_fit (void)
{
  static const char * const compared[] = { "targeted", NULL };
  g_autoptr(OtWorksheet) worksheet = ot_worksheet_new ();
  const OtTreatment *anti_egfr = ot_content_find_treatment (content, "anti-egfr");
  g_autofree char *dir = ot_test_make_temp_dir ();
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  const OtFitRule *rule;

  /* A RAS change means anti-EGFR drugs are not expected to help, and the
   * summary says so, with the reason. */
  ot_worksheet_set_biomarker (worksheet, "ras", "mutated");
  ot_worksheet_set_compared_categories (worksheet, compared);
  rule = ot_fit_evaluate (content, worksheet, anti_egfr);
  g_assert_nonnull (rule);
  g_assert_cmpint (rule->fit, ==, OT_FIT_NOT_EXPECTED);

  path = export (worksheet, OT_PAPER_A4, dir);
  text = pdf_text (path);
  assert_has_text (text, "Not expected to help.");
  assert_has_text (text, rule->reason);
  g_assert_null (strstr (text, "CAPOX, also called XELOX"));

  ot_test_remove_tree (dir);
}

/* What could not be read and what contradicts itself is on paper too:
 * named in a notice to check with the care team, and read as not known. */
static void
test_checks (void)
{
  g_autoptr(OtWorksheet) unread = ot_test_worksheet_read_situation ("results-to-check.optiontalk");
  g_autoptr(OtWorksheet) contradicting = ot_test_worksheet_read_situation ("ras-and-braf.optiontalk");
  g_autofree char *dir = ot_test_make_temp_dir ();
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *contradiction = NULL;

  path = export (unread, OT_PAPER_A4, dir);
  text = pdf_text (path);
  assert_has_text (text, ot_fit_checks_heading ());
  assert_has_text (text, "The RAS (KRAS and NRAS) result “ras-mutated” could not be read. "
                         "It counts as not known until you choose one.");
  assert_has_text (text, "The file gave two different BRAF results.");
  assert_has_text (text, "Stage IVA is chosen, but the places of spread marked point to Stage IVC.");
  assert_has_text (text, "RAS (KRAS and NRAS) Could not be read: counted as not known");
  assert_has_text (text, "BRAF Two different results given: counted as not known");
  /* The fit is that of an unknown RAS result, never that of none. */
  assert_has_text (text, "Depends on your RAS result.");
  g_assert_null (strstr (text, "no RAS or BRAF change, chemotherapy with an anti-EGFR drug is a usual first choice"));
  /* The notice comes before the results it is about. */
  g_assert_true (strstr (text, ot_fit_checks_heading ()) < strstr (text, "Test results"));

  g_clear_pointer (&path, g_free);
  path = export (contradicting, OT_PAPER_A4, dir);
  contradiction = pdf_text (path);
  assert_has_text (contradiction, ot_fit_checks_heading ());
  assert_has_text (contradiction, "Your results show both a RAS change and the BRAF V600E change. "
                                  "These two changes rarely occur in the same tumor.");
  assert_has_text (contradiction, "Depends on checking your RAS and BRAF results.");
  g_assert_null (strstr (contradiction, "Could not be read"));

  ot_test_remove_tree (dir);
}

/* A pack's treatment name of 3,000 characters makes the side-effect
 * table's header taller than a page: it is split, and the pages end. */
static void
test_tall_header (void)
{
  if (g_test_subprocess ())
    {
      static const char * const compared[] = { "folfox", "capox", NULL };
      g_autofree char *path = ot_test_shipped_pack_path ();
      g_autofree char *pack = NULL;
      g_autoptr(GString) name = g_string_new (NULL);
      g_autoptr(GString) text = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(OtContent) tall = NULL;
      g_autoptr(OtWorksheet) worksheet = ot_worksheet_new ();
      g_autoptr(GDateTime) date = test_date ();
      g_autoptr(OtSummary) summary = NULL;
      g_autoptr(OtSummary) usual = NULL;

      g_string_append (name, "<name>");
      while (name->len < 3010)
        g_string_append (name, "Longname ");
      g_string_append (name, "</name>");
      g_assert_true (g_file_get_contents (path, &pack, NULL, NULL));
      text = g_string_new (pack);
      g_assert_cmpuint (g_string_replace (text, "<name>FOLFOX (5-FU, leucovorin and oxaliplatin)</name>", name->str, 1), ==, 1);
      bytes = g_bytes_new (text->str, text->len);
      tall = ot_content_new_from_bytes (bytes, "tall.xml", &error);
      g_assert_no_error (error);
      g_assert_cmpuint (strlen (ot_content_find_treatment (tall, "folfox")->name), >=, 3000);

      ot_worksheet_set_compared_treatments (worksheet, compared);
      summary = ot_summary_new_with_flags (tall, worksheet, 595.276, 841.89, date, OT_SUMMARY_FULL);
      usual = ot_summary_new_with_flags (content, worksheet, 595.276, 841.89, date, OT_SUMMARY_FULL);
      g_test_message ("%u pages, %u with the usual name", ot_summary_get_n_pages (summary),
                      ot_summary_get_n_pages (usual));
      /* About three pages of the name, on the chart and the table; the
       * options at a glance split over one page more. */
      g_assert_cmpuint (ot_summary_get_n_pages (summary), <=, ot_summary_get_n_pages (usual) + 7);
      check_layout (summary);
      return;
    }

  /* Before the fix the flow added pages until memory ran out. */
  g_test_trap_subprocess (NULL, 20 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* A treatment listed 40,000 times made 15,720 pages in 79 s: it is
 * compared once. */
static void
test_listed_often (void)
{
  if (g_test_subprocess ())
    {
      static const char * const once[] = { "folfox", "capox", NULL };
      g_autoptr(GPtrArray) often = g_ptr_array_new ();
      g_autoptr(OtWorksheet) worksheet = ot_worksheet_new ();
      g_autoptr(GDateTime) date = test_date ();
      g_autoptr(OtSummary) usual = NULL;
      g_autoptr(OtSummary) summary = NULL;

      for (guint i = 0; i < 40000; i++)
        g_ptr_array_add (often, (gpointer) once[i % 2]);
      g_ptr_array_add (often, NULL);

      ot_worksheet_set_compared_treatments (worksheet, once);
      usual = ot_summary_new_with_flags (content, worksheet, 595.276, 841.89, date, OT_SUMMARY_FULL);
      ot_worksheet_set_compared_treatments (worksheet, (const char * const *) often->pdata);
      summary = ot_summary_new_with_flags (content, worksheet, 595.276, 841.89, date, OT_SUMMARY_FULL);
      g_assert_cmpuint (ot_summary_get_n_pages (summary), ==, ot_summary_get_n_pages (usual));
      return;
    }

  g_test_trap_subprocess (NULL, 30 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* A worksheet at every limit the reader allows: the longest text as one
 * word, letters under all the marks they may carry, every own item at
 * its longest.  Its summary is laid out and written in seconds. */
static void
test_at_limits (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(OtWorksheet) worksheet = ot_worksheet_new ();
      g_autofree char *dir = ot_test_make_temp_dir ();
      g_autofree char *path = NULL;
      g_autofree char *info = NULL;
      g_autoptr(GTimer) timer = g_timer_new ();

      ot_test_worksheet_fill_limits (worksheet);

      g_timer_start (timer);
      path = export (worksheet, OT_PAPER_A4, dir);
      info = ot_test_pdf_info (path);
      g_test_message ("%u pages in %.2f s", ot_test_info_pages (info), g_timer_elapsed (timer, NULL));
      g_assert_cmpuint (ot_test_info_pages (info), <, 200);
      ot_test_remove_tree (dir);
      return;
    }

  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* The summary carries each option's benefits for this situation, with
 * their sources in the list, and survival only for a person who asked. */
static void
test_benefits (void)
{
  static const char * const compared[] = { "targeted", NULL };
  g_autoptr(OtWorksheet) worksheet = ot_worksheet_new ();
  g_autofree char *dir = ot_test_make_temp_dir ();
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *survival_path = NULL;
  g_autofree char *survival_text = NULL;

  ot_worksheet_set_biomarker (worksheet, "braf", "v600e");
  ot_worksheet_set_compared_categories (worksheet, compared);
  path = export (worksheet, OT_PAPER_A4, dir);
  text = pdf_text (path);
  assert_has_text (text, "Chance of benefit: About 61 in 100 people's tumors shrank with encorafenib");
  assert_has_text (text, "(First treatment, BRAF V600E change. During treatment.)");
  assert_has_text (text, "Encorafenib, Cetuximab, and mFOLFOX6 in BRAF V600E-Mutated Colorectal Cancer");
  g_assert_null (strstr (text, "30.3 months"));

  ot_worksheet_set_show_survival (worksheet, TRUE);
  survival_path = export (worksheet, OT_PAPER_A4, dir);
  survival_text = pdf_text (survival_path);
  assert_has_text (survival_text, "Half the people lived 30.3 months or longer, against 15.1 months with chemotherapy.");

  ot_test_remove_tree (dir);
}

static void
test_atomic (void)
{
  g_autoptr(OtWorksheet) worksheet = ot_worksheet_new ();
  g_autoptr(GDateTime) date = test_date ();
  g_autoptr(OtSummary) summary = NULL;
  g_autofree char *dir = ot_test_make_temp_dir ();
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "out.pdf", NULL);
  g_autofree char *folder = g_build_filename (dir, "out.pdf", NULL);
  g_autofree char *existing = g_build_filename (dir, "old.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;

  ot_test_worksheet_fill (worksheet);
  summary = ot_summary_new (content, worksheet, 595.276, 841.89, date);

  /* A folder that does not exist: an error naming the file, no file. */
  file = g_file_new_for_path (missing);
  g_assert_false (ot_pdf_write (summary, file, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "out.pdf"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_clear_error (&error);
  g_clear_object (&file);

  /* A folder where the file should go: the rename fails at the very end,
   * and the temporary file is gone too. */
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  file = g_file_new_for_path (folder);
  g_assert_false (ot_pdf_write (summary, file, &error));
  g_assert_nonnull (error);
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
  g_assert_cmpuint (count_entries (dir), ==, 1);
  g_clear_error (&error);
  g_clear_object (&file);

  /* An older file is replaced whole. */
  g_assert_true (g_file_set_contents (existing, "old", -1, NULL));
  file = g_file_new_for_path (existing);
  g_assert_true (ot_pdf_write (summary, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (existing, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_cmpuint (count_entries (dir), ==, 2);

  ot_test_remove_tree (dir);
}

/* Runs the built option-talk as a script would on a server: no display,
 * no session bus. */
static int
run_headless (const char * const *args,
              char              **err)
{
  g_autofree char *program = g_test_build_filename (G_TEST_BUILT, "..", "src", "option-talk", NULL);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  int status;

  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");
  env = g_environ_unsetenv (env, "DBUS_SESSION_BUS_ADDRESS");

  g_ptr_array_add (argv, program);
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  /* Its line on standard output would break the TAP stream. */
  g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, err, &status,
                &error);
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static void
test_headless (void)
{
  g_autofree char *dir = ot_test_make_temp_dir ();
  g_autofree char *out = g_build_filename (dir, "OUT.pdf", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.optiontalk", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.optiontalk", NULL);
  g_autofree char *nowhere = g_build_filename (dir, "no-such-folder", "OUT.pdf", NULL);
  const struct {
    const char *args[6];
    const char *message;
  } cases[] = {
    { { "--export-pdf", out, NULL }, "worksheet" },
    { { "--export-pdf", out, missing, NULL }, "missing.optiontalk" },
    { { "--export-pdf", out, bad, NULL }, "bad.optiontalk" },
    { { "--export-pdf", out, bad, bad, NULL }, "one worksheet" },
    { { "--paper", "a5", "--export-pdf", out, bad, NULL }, "a5" },
    { { "--export-pdf", nowhere, bad, NULL }, "bad.optiontalk" },
  };

  g_assert_true (g_file_set_contents (bad, "this is not a worksheet", -1, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *err = NULL;
      int status = run_headless (cases[i].args, &err);

      g_test_message ("case %u: %d %s", i, status, err);
      g_assert_cmpint (status, !=, 0);
      /* A clear message that names what is wrong, and no warnings. */
      g_assert_nonnull (strstr (err, cases[i].message));
      g_assert_null (strstr (err, "WARNING"));
      g_assert_null (strstr (err, "CRITICAL"));
      /* Nothing written: no OUT.pdf, no temporary file. */
      g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
      g_assert_cmpuint (count_entries (dir), ==, 1);
    }

  ot_test_remove_tree (dir);
}

/* The PDF is tagged: a screen reader finds its title, a heading for each
 * section, tables with header cells, lists with their markers, the chart
 * as a figure and the links, in reading order; and it has an outline. */
static void
test_tagged (void)
{
  g_autoptr(OtWorksheet) worksheet = ot_worksheet_new ();
  g_autofree char *dir = ot_test_make_temp_dir ();
  g_autofree char *path = NULL;
  g_autofree char *info = NULL;
  g_autofree char *structure = NULL;
  g_autofree char *outline = NULL;
  const char *struct_argv[] = { "pdfinfo", "-struct-text", NULL, NULL };
  static const char * const patterns[] = {
    "^Document\n  H1 \\(block\\)\n    \"My options at a glance\"\n",
    "^  H2 \\(block\\)\n    \"My situation\"\n  Table \\(block\\)\n    TR\n      TD\n        \"Stage\"\n",
    "^  H2 \\(block\\)\n    \"Questions to ask\"\n",
    "^  H2 \\(block\\)\n    \"Sources\"\n",
    "^  Table \\(block\\)\n    TR\n      TH\n        \"Side e",
    "^  L \\(block\\)\n    LI \\(block\\)\n      Lbl \\(block\\)\n        \"[^\"]+\"\n      LBody \\(block\\)\n",
    "^  Figure\n",
    "^    Link \\(inline\\)\n",
  };

  ot_test_worksheet_fill (worksheet);
  path = export (worksheet, OT_PAPER_A4, dir);
  info = ot_test_pdf_info (path);
  g_assert_true (g_regex_match_simple ("^Tagged: +yes$", info, G_REGEX_MULTILINE, 0));

  struct_argv[2] = path;
  structure = ot_test_run_tool (struct_argv);
  for (guint i = 0; i < G_N_ELEMENTS (patterns); i++)
    if (!g_regex_match_simple (patterns[i], structure, G_REGEX_MULTILINE, 0))
      g_error ("the PDF's structure lacks /%s/:\n%s", patterns[i], structure);
  /* One heading for each section after the title. */
  g_assert_cmpuint (count_substrings (structure, "\n  H2 (block)\n"), ==, G_N_ELEMENTS (headings) - 1);

  outline = pdf_outline (path);
  g_assert_nonnull (strstr (outline, "<outline>"));

  ot_test_remove_tree (dir);
}

/* Stopped part-way, by a file-size limit or by SIGTERM, an export leaves
 * no temporary file with the person's data: only a whole PDF or none. */
static void
test_export_stopped (void)
{
  g_autoptr(OtWorksheet) worksheet = ot_worksheet_new ();
  g_autofree char *dir = ot_test_make_temp_dir ();
  g_autofree char *input = g_build_filename (dir, "visit.optiontalk", NULL);
  g_autofree char *out = g_build_filename (dir, "OUT.pdf", NULL);
  g_autoptr(GFile) input_file = g_file_new_for_path (input);
  g_autoptr(GError) error = NULL;
  const char *argv[] = { NULL, "--export-pdf", out, input, NULL };
  g_autofree char *program = g_test_build_filename (G_TEST_BUILT, "..", "src", "option-talk", NULL);
  gint64 start, took;
  int status;

  if (g_test_subprocess ())
    {
      struct rlimit small;
      g_autofree char *pdf = NULL;
      g_autoptr(GFile) file = NULL;
      g_autoptr(GDateTime) date = test_date ();

      ot_test_worksheet_fill (worksheet);
      pdf = g_build_filename (dir, "summary.pdf", NULL);
      file = g_file_new_for_path (pdf);
      signal (SIGXFSZ, SIG_DFL);
      g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &small), ==, 0);
      small.rlim_cur = 4096;
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &small), ==, 0);
      g_assert_false (ot_pdf_export (content, worksheet, 595.276, 841.89, date, OT_SUMMARY_FULL, file, &error));
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, "larger than this system allows"));
      g_assert_cmpuint (count_entries (dir), ==, 0);
      ot_test_remove_tree (dir);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();

  /* SIGTERM at moments spread over one export of a long worksheet. */
  ot_test_worksheet_fill (worksheet);
  ot_test_worksheet_add_long (worksheet, 150, 20000);
  g_assert_true (ot_worksheet_io_save (worksheet, input_file, &error));
  g_assert_no_error (error);
  argv[0] = program;
  start = g_get_monotonic_time ();
  g_assert_cmpint (run_headless (argv + 1, NULL), ==, 0);
  took = g_get_monotonic_time () - start;
  g_test_message ("one export takes %" G_GINT64_FORMAT " µs", took);

  for (guint round = 1; round <= 12; round++)
    {
      GPid pid;

      g_unlink (out);
      g_spawn_async (NULL, (char **) argv, NULL,
                     G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &pid, &error);
      g_assert_no_error (error);
      g_usleep (took * round / 12);
      kill (pid, SIGTERM);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_spawn_close_pid (pid);

      /* The worksheet, and the PDF if it was finished. */
      if (g_file_test (out, G_FILE_TEST_EXISTS))
        {
          g_autofree char *info = ot_test_pdf_info (out);

          g_assert_cmpuint (ot_test_info_pages (info), >, 0);
          g_assert_cmpuint (count_entries (dir), ==, 2);
        }
      else
        {
          g_assert_cmpuint (count_entries (dir), ==, 1);
        }
    }

  ot_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  content = ot_content_new_default (&error);
  g_assert_no_error (error);

  g_test_add_func ("/summary/full", test_full);
  g_test_add_func ("/summary/empty", test_empty);
  g_test_add_func ("/summary/flow", test_flow);
  g_test_add_func ("/summary/paper", test_paper);
  g_test_add_func ("/summary/layout", test_layout);
  g_test_add_func ("/summary/pixels", test_pixels);
  g_test_add_func ("/summary/checks", test_checks);
  g_test_add_func ("/summary/survival", test_survival);
  g_test_add_func ("/summary/fit", test_fit);
  g_test_add_func ("/summary/handout", test_handout);
  g_test_add_func ("/summary/grid-flows", test_grid_flows);
  g_test_add_func ("/summary/same-words", test_same_words);
  g_test_add_func ("/summary/large-print", test_large_print);
  g_test_add_func ("/summary/tall-header", test_tall_header);
  g_test_add_func ("/summary/listed-often", test_listed_often);
  g_test_add_func ("/summary/at-limits", test_at_limits);
  g_test_add_func ("/summary/export-stopped", test_export_stopped);
  g_test_add_func ("/summary/benefits", test_benefits);
  g_test_add_func ("/summary/atomic", test_atomic);
  g_test_add_func ("/summary/headless", test_headless);
  g_test_add_func ("/summary/tagged", test_tagged);

  status = g_test_run ();
  ot_content_unref (content);
  return status;
}
