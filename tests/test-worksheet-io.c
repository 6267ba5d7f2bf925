/* test-worksheet-io.c: the *.optiontalk file, good, bad and failing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "ot-test-files.h"
#include "ot-test-worksheet.h"
#include "ot-worksheet-io.h"
#include "ot-xml.h"

/* Text that tests the escaping: markup characters, quotes, accents,
 * emoji, tabs, a Windows line end, and white space at both ends. */
#define TRICKY_TEXT "  <b>Tom & Jerry's</b> \"fête\" 🙂\n\tsecond line\r\nthird  "

static void
fill_full (OtWorksheet *ws)
{
  const char *categories[] = { "chemotherapy", "immunotherapy", "from-a-later-pack", NULL };
  const char *treatments[] = { "folfox", "capox", NULL };
  const char *effects[] = { "neuropathy", "nausea", NULL };
  const char *leaning[] = { "supportive", "trials", "folfox", NULL };
  GDate date;

  ot_worksheet_set_substage (ws, OT_SUBSTAGE_IVB);
  ot_worksheet_set_sites (ws, OT_SITE_LIVER | OT_SITE_LUNG | OT_SITE_BONE | OT_SITE_OTHER);
  ot_worksheet_set_side (ws, OT_SIDE_RECTUM);
  ot_worksheet_set_biomarker (ws, "ras", "ras-wild-type");
  ot_worksheet_set_biomarker (ws, "braf", OT_RESULT_NOT_SURE);
  ot_worksheet_set_biomarker (ws, "new-marker", "new-result");
  ot_worksheet_set_prior_lines (ws, 2);
  ot_worksheet_set_show_survival (ws, TRUE);
  ot_worksheet_set_patient_name (ws, "Zoë Ångström-Ní Bhriain");
  ot_worksheet_set_clinician_name (ws, "Dr O'Brien & team");
  ot_worksheet_set_compared_categories (ws, categories);
  ot_worksheet_set_compared_treatments (ws, treatments);
  ot_worksheet_set_avoid_effects (ws, effects);

  ot_worksheet_set_rating (ws, "live-longer", OT_RATING_VERY_IMPORTANT);
  ot_worksheet_set_rating (ws, "comfort", OT_RATING_NOT_IMPORTANT);
  ot_worksheet_set_rating (ws, "family-time", OT_RATING_QUITE_IMPORTANT);
  ot_worksheet_set_rating (ws, "a-value-from-a-later-pack", OT_RATING_A_LITTLE_IMPORTANT);
  ot_worksheet_add_own_value (ws, TRICKY_TEXT, OT_RATING_SOMEWHAT_IMPORTANT);
  ot_worksheet_add_own_value (ws, "Unrated one", OT_RATING_UNRATED);
  ot_worksheet_add_own_value (ws, "", OT_RATING_VERY_IMPORTANT);
  ot_worksheet_set_role (ws, "passive-shared");
  ot_worksheet_set_readiness (ws, "sure", OT_ANSWER_NO);
  ot_worksheet_set_readiness (ws, "understand", OT_ANSWER_YES);
  ot_worksheet_set_readiness (ws, "not-in-this-pack", OT_ANSWER_YES);

  ot_worksheet_set_question (ws, "q-trial-fit", TRUE);
  ot_worksheet_set_question (ws, "q-goals-aim", TRUE);
  ot_worksheet_set_question (ws, "q-gone-from-the-pack", TRUE);
  ot_worksheet_set_question_asked (ws, "q-goals-aim", TRUE);
  ot_worksheet_set_question_asked (ws, "q-gone-from-the-pack", TRUE);
  ot_worksheet_add_own_question (ws, "Can I go to my daughter's wedding in May?");
  ot_worksheet_add_own_question (ws, TRICKY_TEXT);
  ot_worksheet_set_own_question (ws, 1, TRICKY_TEXT, TRUE);

  ot_worksheet_set_leaning (ws, leaning);
  ot_worksheet_set_notes (ws, TRICKY_TEXT);
  ot_worksheet_set_next_steps (ws, "1. CT scan\n2. Meet the surgeon\n\n");
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 29, G_DATE_FEBRUARY, 2028);
  ot_worksheet_set_next_visit (ws, &date);
  g_date_set_dmy (&date, 31, G_DATE_DECEMBER, 2026);
  ot_worksheet_set_saved_on (ws, &date);
}

/* Gives @ws one answer, a different one for each @field, and nothing
 * else; FALSE once past the last field.  A new answer of the worksheet
 * gets a case here: the test below then proves that it is compared,
 * copied, saved and read back. */
static gboolean
set_one_answer (OtWorksheet *ws,
                guint        field)
{
  const char *ids[] = { "folfox", NULL };
  GDate date;

  switch (field)
    {
    case 0: ot_worksheet_set_substage (ws, OT_SUBSTAGE_IVC); break;
    case 1: ot_worksheet_set_sites (ws, OT_SITE_PERITONEUM); break;
    case 2: ot_worksheet_set_side (ws, OT_SIDE_LEFT); break;
    case 3: ot_worksheet_set_biomarker (ws, "ras", "ras-mutated"); break;
    case 4: ot_worksheet_set_prior_lines (ws, 1); break;
    case 5: ot_worksheet_set_show_survival (ws, TRUE); break;
    case 6: ot_worksheet_set_patient_name (ws, "Ana"); break;
    case 7: ot_worksheet_set_clinician_name (ws, "Dr Lee"); break;
    case 8: ot_worksheet_set_compared_categories (ws, (const char * const[]) { "chemotherapy", NULL }); break;
    case 9: ot_worksheet_set_compared_treatments (ws, ids); break;
    case 10: ot_worksheet_set_avoid_effects (ws, (const char * const[]) { "nausea", NULL }); break;
    case 11: ot_worksheet_set_rating (ws, "comfort", OT_RATING_QUITE_IMPORTANT); break;
    case 12: ot_worksheet_add_own_value (ws, "My garden", OT_RATING_UNRATED); break;
    case 13: ot_worksheet_add_own_value (ws, "My garden", OT_RATING_VERY_IMPORTANT); break;
    case 14: ot_worksheet_set_role (ws, "shared"); break;
    case 15: ot_worksheet_set_readiness (ws, "sure", OT_ANSWER_YES); break;
    case 16: ot_worksheet_set_question (ws, "q-goals-aim", TRUE); break;
    case 17:
      ot_worksheet_set_question (ws, "q-goals-aim", TRUE);
      ot_worksheet_set_question_asked (ws, "q-goals-aim", TRUE);
      break;
    case 18: ot_worksheet_add_own_question (ws, "Can I travel?"); break;
    case 19:
      ot_worksheet_add_own_question (ws, "Can I travel?");
      ot_worksheet_set_own_question (ws, 0, "Can I travel?", TRUE);
      break;
    case 20: ot_worksheet_set_leaning (ws, ids); break;
    case 21: ot_worksheet_set_notes (ws, "A note"); break;
    case 22: ot_worksheet_set_next_steps (ws, "A scan"); break;
    case 23:
      g_date_clear (&date, 1);
      g_date_set_dmy (&date, 3, G_DATE_MARCH, 2027);
      ot_worksheet_set_next_visit (ws, &date);
      break;
    case 24:
      g_date_clear (&date, 1);
      g_date_set_dmy (&date, 24, G_DATE_NOVEMBER, 2026);
      ot_worksheet_set_saved_on (ws, &date);
      break;
    default:
      return FALSE;
    }
  return TRUE;
}

/* Each answer on its own: it makes the worksheet not empty and unlike
 * every other single answer, and survives a copy and a file. */
static void
test_every_answer (void)
{
  g_autoptr(GPtrArray) one = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(OtWorksheet) blank = ot_worksheet_new ();
  g_autoptr(OtWorksheet) full = ot_worksheet_new ();
  g_autoptr(OtWorksheet) cleared = ot_worksheet_new ();

  for (guint field = 0;; field++)
    {
      g_autoptr(OtWorksheet) ws = ot_worksheet_new ();
      g_autoptr(OtWorksheet) copy = ot_worksheet_new ();
      g_autoptr(OtWorksheet) back = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;

      if (!set_one_answer (ws, field))
        break;
      set_one_answer (full, field);
      g_test_message ("answer %u", field);
      g_assert_false (ot_worksheet_is_empty (ws));
      g_assert_false (ot_worksheet_equal (ws, blank));
      g_assert_false (ot_worksheet_equal (blank, ws));
      for (guint i = 0; i < one->len; i++)
        g_assert_false (ot_worksheet_equal (ws, one->pdata[i]));

      ot_worksheet_copy_from (copy, ws);
      g_assert_true (ot_worksheet_equal (copy, ws));

      bytes = ot_worksheet_io_to_bytes (ws, NULL);
      back = ot_worksheet_io_from_bytes (bytes, "one.optiontalk", NULL, &error);
      g_assert_no_error (error);
      g_assert_true (ot_worksheet_equal (back, ws));
      g_ptr_array_add (one, g_steal_pointer (&ws));
    }
  g_assert_cmpuint (one->len, ==, 25);

  /* All of them at once, and cleared again. */
  g_assert_false (ot_worksheet_is_empty (full));
  ot_worksheet_copy_from (cleared, full);
  g_assert_true (ot_worksheet_equal (cleared, full));
  ot_worksheet_clear (cleared);
  g_assert_true (ot_worksheet_is_empty (cleared));
  g_assert_true (ot_worksheet_equal (cleared, blank));
}

/* Every answer, through ot_worksheet_equal(), which test_every_answer()
 * holds to account. */
static void
assert_worksheets_equal (OtWorksheet *a,
                         OtWorksheet *b)
{
  g_assert_true (ot_worksheet_equal (a, b));
}

static guint
count_files (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static guint
file_mode (const char *path)
{
  GStatBuf buf;

  g_assert_cmpint (g_stat (path, &buf), ==, 0);
  return buf.st_mode & 07777;
}

static void
test_round_trip (void)
{
  g_autoptr(OtWorksheet) full = ot_worksheet_new ();
  g_autoptr(OtWorksheet) back = NULL;
  g_autoptr(OtWorksheet) again = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) bytes_again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = ot_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "visit.optiontalk", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  fill_full (full);

  bytes = ot_worksheet_io_to_bytes (full, NULL);
  back = ot_worksheet_io_from_bytes (bytes, "visit.optiontalk", NULL, &error);
  g_assert_no_error (error);
  assert_worksheets_equal (full, back);
  /* The text really is the tricky text, not merely equal on both sides. */
  g_assert_cmpstr (ot_worksheet_get_notes (back), ==, TRICKY_TEXT);
  g_assert_cmpint (ot_worksheet_get_rating (back, "a-value-from-a-later-pack"), ==, 1);
  g_assert_true (ot_worksheet_get_question_asked (back, "q-gone-from-the-pack"));

  /* Writing what was read gives the same bytes: nothing drifts. */
  bytes_again = ot_worksheet_io_to_bytes (back, NULL);
  g_assert_true (g_bytes_equal (bytes, bytes_again));

  /* Through a real file as well. */
  ot_worksheet_io_save (full, file, &error);
  g_assert_no_error (error);
  again = ot_worksheet_io_open (file, &error);
  g_assert_no_error (error);
  assert_worksheets_equal (full, again);

  ot_test_remove_tree (dir);
}

static void
test_empty_file (void)
{
  g_autoptr(OtWorksheet) empty = ot_worksheet_new ();
  g_autoptr(OtWorksheet) back = NULL;
  g_autoptr(GBytes) bytes = ot_worksheet_io_to_bytes (empty, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  g_assert_nonnull (strstr (text, "<optiontalk-worksheet format=\"1\"/>"));
  back = ot_worksheet_io_from_bytes (bytes, "empty", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ot_worksheet_is_empty (back));
}

static void
test_control_characters (void)
{
  g_autoptr(OtWorksheet) ws = ot_worksheet_new ();
  g_autoptr(OtWorksheet) back = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  /* XML 1.0 cannot hold these even as &#1;; the file must stay readable. */
  ot_worksheet_set_notes (ws, "bell\a and escape\033 pasted in");
  bytes = ot_worksheet_io_to_bytes (ws, NULL);
  back = ot_worksheet_io_from_bytes (bytes, "control", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ot_worksheet_get_notes (back), ==, "bell and escape pasted in");
}

/* A file the schema has never seen in this form, written by hand. */
static void
test_hand_written (void)
{
  const char *text =
    "<?xml version='1.0'?>\n"
    "<optiontalk-worksheet format='1'>\n"
    "  <values>\n"
    "    <value id=' comfort ' rating=' +03 '/>\n"
    "    <own-value>No rating given</own-value>\n"
    "  </values>\n"
    "  <questions><question id='q-goals-aim' asked='1'/></questions>\n"
    "  <next-visit>2027-03-04Z</next-visit>\n"
    "</optiontalk-worksheet>\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(OtWorksheet) ws = ot_worksheet_io_from_bytes (bytes, "by-hand", NULL, &error);
  const GDate *visit;

  g_assert_no_error (error);
  g_assert_cmpint (ot_worksheet_get_rating (ws, "comfort"), ==, 3);
  g_assert_cmpint (((OtOwnItem *) ot_worksheet_get_own_values (ws)->pdata[0])->rating, ==, OT_RATING_UNRATED);
  g_assert_true (ot_worksheet_get_question_asked (ws, "q-goals-aim"));
  visit = ot_worksheet_get_next_visit (ws);
  g_assert_cmpint (g_date_get_day (visit), ==, 4);
  g_assert_cmpint (g_date_get_month (visit), ==, 3);
  g_assert_cmpint (g_date_get_year (visit), ==, 2027);
}

/* The day a worksheet was saved goes into the file and comes back; a
 * file from before there was one opens with none. */
static void
test_saved_on (void)
{
  const char *old =
    "<?xml version='1.0'?>\n"
    "<optiontalk-worksheet format='1'>\n"
    "  <situation><substage>ivb</substage></situation>\n"
    "  <next-visit>2027-03-04</next-visit>\n"
    "</optiontalk-worksheet>\n";
  g_autoptr(GBytes) old_bytes = g_bytes_new_static (old, strlen (old));
  g_autoptr(OtWorksheet) ws = NULL;
  g_autoptr(OtWorksheet) back = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  const GDate *saved;
  GDate date;

  ws = ot_worksheet_io_from_bytes (old_bytes, "old", NULL, &error);
  g_assert_no_error (error);
  g_assert_false (g_date_valid (ot_worksheet_get_saved_on (ws)));
  g_assert_cmpint (ot_worksheet_get_substage (ws), ==, OT_SUBSTAGE_IVB);

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 24, G_DATE_NOVEMBER, 2026);
  ot_worksheet_set_saved_on (ws, &date);
  bytes = ot_worksheet_io_to_bytes (ws, NULL);
  g_assert_nonnull (strstr (g_bytes_get_data (bytes, NULL), "<saved-on>2026-11-24</saved-on>"));
  back = ot_worksheet_io_from_bytes (bytes, "new", NULL, &error);
  g_assert_no_error (error);
  saved = ot_worksheet_get_saved_on (back);
  g_assert_true (g_date_valid (saved));
  g_assert_cmpint (g_date_compare (saved, &date), ==, 0);
  g_assert_true (ot_worksheet_equal (back, ws));
}

static const struct
{
  const char *file;
  GQuark    (*domain) (void);
  int         code;
  const char *words;    /* the problem, in the message */
} corpus[] = {
  { "bad-date.optiontalk", ot_worksheet_error_quark, OT_WORKSHEET_ERROR_VALUE, "date of the next visit" },
  { "bad-saved-on.optiontalk", ot_worksheet_error_quark, OT_WORKSHEET_ERROR_VALUE,
    "the date the worksheet was saved, 99999-11-24, is not a day of the calendar" },
  { "bad-rating.optiontalk", ot_xml_error_quark, OT_XML_ERROR_SCHEMA,
    "line 5, <value id=\"comfort\" rating=\"7\">: an attribute is missing, unknown or has a value" },
  { "empty.optiontalk", ot_xml_error_quark, OT_XML_ERROR_PARSE, "is empty" },
  { "entity-bomb.optiontalk", ot_xml_error_quark, OT_XML_ERROR_PARSE, "document type declaration" },
  { "external-entity.optiontalk", ot_xml_error_quark, OT_XML_ERROR_PARSE, "document type declaration" },
  { "invalid-utf8.optiontalk", ot_xml_error_quark, OT_XML_ERROR_PARSE, "UTF-8" },
  { "newer-version.optiontalk", ot_worksheet_error_quark, OT_WORKSHEET_ERROR_NEWER_FORMAT,
    "was saved by a newer version of Option Talk" },
  { "not-xml.optiontalk", ot_xml_error_quark, OT_XML_ERROR_PARSE, "not a readable XML file" },
  { "truncated.optiontalk", ot_xml_error_quark, OT_XML_ERROR_PARSE, "ends too soon, as if it were cut off" },
  { "wrong-root.optiontalk", ot_worksheet_error_quark, OT_WORKSHEET_ERROR_NOT_WORKSHEET,
    "is not an Option Talk worksheet" },
};

static void
assert_open_fails (GFile       *file,
                   GQuark       domain,
                   int          code,
                   const char  *words)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OtWorksheet) ws = ot_worksheet_io_open (file, &error);
  g_autofree char *path = g_file_get_path (file);

  g_assert_null (ws);
  g_assert_error (error, domain, code);
  g_test_message ("%s", error->message);
  /* The message names the file, in full, and the problem, in one line
   * of words a person can act on. */
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, words));
  g_assert_null (strchr (error->message, '\n'));
  g_assert_null (strstr (error->message, "XML_PARSE"));
}

static void
test_malformed_corpus (void)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "data", "worksheet", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint seen = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      gboolean known = FALSE;

      if (!g_str_has_suffix (name, ".optiontalk"))
        continue;
      /* Every bad file must say what it expects: none slips through. */
      for (guint i = 0; i < G_N_ELEMENTS (corpus); i++)
        if (g_str_equal (corpus[i].file, name))
          {
            assert_open_fails (file, corpus[i].domain (), corpus[i].code, corpus[i].words);
            known = TRUE;
          }
      g_assert_true (known);
      seen++;
    }
  g_assert_cmpuint (seen, ==, G_N_ELEMENTS (corpus));
}

/* What a person reads when a file cannot be opened: one line, in words
 * they can act on, never the parser's own ("Excessive depth in document:
 * 256 use XML_PARSE_HUGE option"). */
static void
test_messages (void)
{
  g_autofree char *deep = NULL;
  const struct
  {
    const char *text;
    const char *words;
  } cases[] = {
    { "<optiontalk-worksheet format=\"1\"><notes>cut", "ends too soon, as if it were cut off" },
    { "<optiontalk-worksheet format=\"1\">\n<notes>cut</notes>\n<next-steps x=\"", "as if it were cut off" },
    { "<optiontalk-worksheet format=\"1\">\n<situation\n\n", "as if it were cut off" },
    { "<optiontalk-worksheet format=\"1\"><notes>\xff\xfe</notes></optiontalk-worksheet>",
      "line 1 has text that is not UTF-8" },
    { "<optiontalk-worksheet format=\"1\"/>\n<notes/>", "line 2:" },
    { NULL, "elements are nested too deeply at line 1" },
  };
  GString *nested = g_string_new ("<optiontalk-worksheet format=\"1\">");

  for (guint i = 0; i < 300; i++)
    g_string_append (nested, "<notes>");
  g_string_append (nested, "</optiontalk-worksheet>");
  deep = g_string_free (nested, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *text = cases[i].text ? cases[i].text : deep;
      g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
      g_autoptr(GError) error = NULL;
      g_autoptr(OtWorksheet) ws = ot_worksheet_io_from_bytes (bytes, "visit.optiontalk", NULL, &error);

      g_assert_null (ws);
      g_assert_error (error, OT_XML_ERROR, OT_XML_ERROR_PARSE);
      g_test_message ("%s", error->message);
      g_assert_true (g_str_has_prefix (error->message, "“visit.optiontalk” is not a readable XML file: "));
      g_assert_nonnull (strstr (error->message, cases[i].words));
      g_assert_null (strchr (error->message, '\n'));
      g_assert_null (strstr (error->message, "XML_PARSE"));
      g_assert_null (strstr (error->message, "Bytes:"));
    }
}

/* A megabyte of worksheet is generated rather than kept in the repository. */
static void
test_too_large (void)
{
  g_autofree char *dir = ot_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "too-large.optiontalk", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GString) text = g_string_new ("<?xml version=\"1.0\"?>\n<optiontalk-worksheet format=\"1\">\n<notes>");
  g_autoptr(GError) error = NULL;

  while (text->len <= OT_WORKSHEET_MAX_SIZE)
    g_string_append (text, "All work and no play makes a long note. ");
  g_string_append (text, "</notes>\n</optiontalk-worksheet>\n");
  g_file_set_contents (path, text->str, text->len, &error);
  g_assert_no_error (error);

  assert_open_fails (file, OT_XML_ERROR, OT_XML_ERROR_TOO_LARGE, "too large");

  /* One byte over: the sizes in bytes, for "1.0 MB; the limit is 1.0 MB"
   * would not say what is wrong. */
  g_string_truncate (text, OT_WORKSHEET_MAX_SIZE + 1);
  g_file_set_contents (path, text->str, text->len, &error);
  g_assert_no_error (error);
  assert_open_fails (file, OT_XML_ERROR, OT_XML_ERROR_TOO_LARGE,
                     "(1048577 bytes; the limit is 1048576 bytes)");

  /* Just under the limit is fine: notes as long as allowed, then white
   * space to fill the megabyte. */
  g_string_truncate (text, strlen ("<?xml version=\"1.0\"?>\n<optiontalk-worksheet format=\"1\">\n<notes>")
                     + OT_WORKSHEET_MAX_NOTES);
  g_string_append (text, "</notes>\n");
  while (text->len < OT_WORKSHEET_MAX_SIZE - 100)
    g_string_append_c (text, ' ');
  g_string_append (text, "</optiontalk-worksheet>\n");
  g_file_set_contents (path, text->str, text->len, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (ot_worksheet_io_open (file, &error));
  g_assert_no_error (error);

  ot_test_remove_tree (dir);
}

/* A worksheet of @repeated written @count times, each "#" in it the
 * number of the repeat, with @before and @after around the repeats. */
static GBytes *
repeat_worksheet (const char *before,
                  const char *repeated,
                  guint       count,
                  const char *after)
{
  GString *text = g_string_new ("<?xml version=\"1.0\"?>\n<optiontalk-worksheet format=\"1\">\n");

  g_string_append (text, before);
  for (guint i = 0; i < count; i++)
    {
      g_autoptr(GString) one = g_string_new (repeated);
      char number[16];

      g_snprintf (number, sizeof number, "%u", i);
      g_string_replace (one, "#", number, 0);
      g_string_append (text, one->str);
    }
  g_string_append (text, after);
  g_string_append (text, "</optiontalk-worksheet>\n");
  return g_string_free_to_bytes (text);
}

static char *
repeat_text (const char *unit,
             guint       count)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < count; i++)
    g_string_append (text, unit);
  return g_string_free (text, FALSE);
}

static void
assert_refused (GBytes     *bytes,
                const char *words)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OtWorksheet) ws = ot_worksheet_io_from_bytes (bytes, "hostile.optiontalk", NULL, &error);

  g_assert_null (ws);
  g_assert_error (error, OT_WORKSHEET_ERROR, OT_WORKSHEET_ERROR_VALUE);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "“hostile.optiontalk”, line "));
  g_assert_nonnull (strstr (error->message, words));
  g_assert_null (strchr (error->message, '\n'));
}

static void
assert_accepted (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OtWorksheet) ws = ot_worksheet_io_from_bytes (bytes, "hostile.optiontalk", NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (ws);
}

/* The same treatment listed 40,000 times took 79 s and 15,720 pages to
 * export: a list names each thing once.  (A biomarker given twice is not
 * refused: it counts as unknown and the person is told, test-fit.c.) */
static void
test_duplicates (void)
{
  static const struct
  {
    const char *before;
    const char *repeated;
    const char *after;
    const char *words;
  } cases[] = {
    { "<compare>", "<treatment id=\"folfox\"/>", "</compare>", "<treatment id=\"folfox\"> is listed twice" },
    { "<compare>", "<category id=\"chemotherapy\"/>", "</compare>", "<category id=\"chemotherapy\"> is listed twice" },
    { "<compare>", "<avoid-effect id=\"nausea\"/>", "</compare>", "<avoid-effect id=\"nausea\"> is listed twice" },
    { "<values>", "<value id=\"home\" rating=\"2\"/>", "</values>", "<value id=\"home\"> is listed twice" },
    { "<readiness>", "<answer item=\"sure\">yes</answer>", "</readiness>", "<answer item=\"sure\"> is listed twice" },
    { "<questions>", "<question id=\"q-goal\"/>", "</questions>", "<question id=\"q-goal\"> is listed twice" },
    { "<leaning>", "<option id=\"chemotherapy\"/>", "</leaning>", "<option id=\"chemotherapy\"> is listed twice" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) once = repeat_worksheet (cases[i].before, cases[i].repeated, 1, cases[i].after);
      g_autoptr(GBytes) twice = repeat_worksheet (cases[i].before, cases[i].repeated, 2, cases[i].after);

      assert_accepted (once);
      assert_refused (twice, cases[i].words);
    }
}

/* Limits no person reaches, each refused with the field it is about;
 * just at each limit the file opens. */
static void
test_limits (void)
{
  g_autofree char *name = repeat_text ("n", OT_WORKSHEET_MAX_NAME);
  g_autofree char *notes = repeat_text ("n", OT_WORKSHEET_MAX_NOTES);
  g_autofree char *own = repeat_text ("n", OT_WORKSHEET_MAX_OWN_TEXT);
  /* A letter with all the marks it may carry: a combining acute accent. */
  g_autofree char *marks = repeat_text ("\xcc\x81", OT_WORKSHEET_MAX_MARKS);
  const struct
  {
    const char *before;
    const char *text;
    const char *after;
    const char *words;
  } fields[] = {
    { "<situation><patient-name>", name, "</patient-name></situation>",
      "the patient’s name has 201 characters; the limit is 200" },
    { "<situation><clinician-name>", name, "</clinician-name></situation>",
      "the clinician’s name has 201 characters; the limit is 200" },
    { "<notes>", notes, "</notes>", "the notes text has 20001 characters; the limit is 20000" },
    { "<next-steps>", notes, "</next-steps>", "the next-steps text has 20001 characters; the limit is 20000" },
    { "<values><own-value>", own, "</own-value></values>",
      "a value of your own has 501 characters; the limit is 500" },
    { "<questions><own-question>", own, "</own-question></questions>",
      "a question of your own has 501 characters; the limit is 500" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *at = g_strconcat (fields[i].before, fields[i].text, fields[i].after, NULL);
      g_autofree char *over = g_strconcat (fields[i].before, fields[i].text, "n", fields[i].after, NULL);
      g_autofree char *stacked = g_strconcat (fields[i].before, "a", marks, fields[i].after, NULL);
      g_autofree char *overstacked = g_strconcat (fields[i].before, "a", marks, "\xcc\x81", fields[i].after, NULL);
      g_autoptr(GBytes) at_bytes = repeat_worksheet (at, "", 0, "");
      g_autoptr(GBytes) over_bytes = repeat_worksheet (over, "", 0, "");
      g_autoptr(GBytes) stacked_bytes = repeat_worksheet (stacked, "", 0, "");
      g_autoptr(GBytes) overstacked_bytes = repeat_worksheet (overstacked, "", 0, "");

      assert_accepted (at_bytes);
      assert_refused (over_bytes, fields[i].words);
      assert_accepted (stacked_bytes);
      assert_refused (overstacked_bytes, "more than 30 accents or other marks on one letter");
    }

  /* As many own values and questions as allowed, not one more. */
  {
    g_autoptr(GBytes) values = repeat_worksheet ("<values>", "<own-value>Value #</own-value>",
                                                 OT_WORKSHEET_MAX_OWN, "</values>");
    g_autoptr(GBytes) more_values = repeat_worksheet ("<values>", "<own-value>Value #</own-value>",
                                                      OT_WORKSHEET_MAX_OWN + 1, "</values>");
    g_autoptr(GBytes) questions = repeat_worksheet ("<questions>", "<own-question>Question #</own-question>",
                                                    OT_WORKSHEET_MAX_OWN, "</questions>");
    g_autoptr(GBytes) more_questions = repeat_worksheet ("<questions>", "<own-question>Question #</own-question>",
                                                         OT_WORKSHEET_MAX_OWN + 1, "</questions>");
    g_autoptr(GBytes) ids = repeat_worksheet ("<compare>", "<treatment id=\"t#\"/>", OT_WORKSHEET_MAX_IDS,
                                              "</compare>");
    g_autoptr(GBytes) more_ids = repeat_worksheet ("<compare>", "<treatment id=\"t#\"/>",
                                                   OT_WORKSHEET_MAX_IDS + 1, "</compare>");

    assert_accepted (values);
    assert_refused (more_values, "<values> has more than 50 <own-value>");
    assert_accepted (questions);
    assert_refused (more_questions, "<questions> has more than 50 <own-question>");
    assert_accepted (ids);
    assert_refused (more_ids, "<compare> has more than 500 entries");
  }
}

/* Text typed or pasted past a limit is kept within it, so every file
 * written opens again. */
static void
test_setters_keep_limits (void)
{
  g_autoptr(OtWorksheet) ws = ot_worksheet_new ();
  g_autoptr(OtWorksheet) back = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *long_name = repeat_text ("n", OT_WORKSHEET_MAX_NAME + 50);
  g_autofree char *long_notes = repeat_text ("n", OT_WORKSHEET_MAX_NOTES + 50);
  g_autofree char *zalgo = repeat_text ("a\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81"
                                        "\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81"
                                        "\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81"
                                        "\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81", 3);

  ot_worksheet_set_patient_name (ws, long_name);
  ot_worksheet_set_notes (ws, long_notes);
  ot_worksheet_set_next_steps (ws, zalgo);
  for (guint i = 0; i < OT_WORKSHEET_MAX_OWN + 5; i++)
    ot_worksheet_add_own_question (ws, long_notes);

  g_assert_cmpint (g_utf8_strlen (ot_worksheet_get_patient_name (ws), -1), ==, OT_WORKSHEET_MAX_NAME);
  g_assert_cmpint (g_utf8_strlen (ot_worksheet_get_notes (ws), -1), ==, OT_WORKSHEET_MAX_NOTES);
  g_assert_cmpuint (ot_text_count_marks (ot_worksheet_get_next_steps (ws)), ==, OT_WORKSHEET_MAX_MARKS);
  g_assert_cmpuint (ot_worksheet_get_own_questions (ws)->len, ==, OT_WORKSHEET_MAX_OWN);

  bytes = ot_worksheet_io_to_bytes (ws, NULL);
  back = ot_worksheet_io_from_bytes (bytes, "kept", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ot_worksheet_get_notes (back), ==, ot_worksheet_get_notes (ws));
}

static void
assert_file_bytes (const char *path,
                   const char *expected)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, expected);
}

/* The disk fills up in the middle of writing (simulated with a file-size
 * limit, which stops root too): the old file must survive whole. */
static void
test_atomic_save_disk_full (void)
{
  g_autofree char *dir = ot_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "visit.optiontalk", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(OtWorksheet) ws = ot_worksheet_new ();
  g_autoptr(OtWorksheet) before = ot_worksheet_new ();
  g_autoptr(GError) error = NULL;
  const char *old = "<?xml version=\"1.0\"?>\n<optiontalk-worksheet format=\"1\"/>\n";
  g_autofree char *new_path = g_build_filename (dir, "new.optiontalk", NULL);
  g_autoptr(GFile) new_file = g_file_new_for_path (new_path);
  g_autoptr(GError) new_error = NULL;
  struct rlimit saved, small;
  void (*saved_handler) (int);
  gboolean ok, new_ok;

  g_file_set_contents (path, old, -1, &error);
  g_assert_no_error (error);
  fill_full (ws);
  ot_worksheet_copy_from (before, ws);

  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  small = saved;
  small.rlim_cur = 512;
  saved_handler = signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &small), ==, 0);
  ok = ot_worksheet_io_save (ws, file, &error);
  new_ok = ot_worksheet_io_save (ws, new_file, &new_error);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  signal (SIGXFSZ, saved_handler);

  g_assert_false (ok);
  g_assert_error (error, OT_WORKSHEET_ERROR, OT_WORKSHEET_ERROR_SAVE);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, path));
  assert_file_bytes (path, old);
  /* No half-written temporary file is left beside it, and a new file
   * that could not be finished is not left half-written either. */
  g_assert_false (new_ok);
  g_assert_error (new_error, OT_WORKSHEET_ERROR, OT_WORKSHEET_ERROR_SAVE);
  g_assert_false (g_file_query_exists (new_file, NULL));
  g_assert_cmpuint (count_files (dir), ==, 1);
  /* Nor did saving touch the answers in memory. */
  assert_worksheets_equal (ws, before);

  ot_test_remove_tree (dir);
}

/* Past a file-size limit the kernel stopped the program with SIGXFSZ
 * (exit 153, no message) and left the temporary file with the person's
 * answers: now the save fails with a message and leaves nothing. */
static void
test_file_size_limit (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *dir = ot_test_make_temp_dir ();
      g_autofree char *path = g_build_filename (dir, "visit.optiontalk", NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(OtWorksheet) ws = ot_worksheet_new ();
      g_autoptr(GError) error = NULL;
      struct rlimit small;

      fill_full (ws);
      signal (SIGXFSZ, SIG_DFL);
      g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &small), ==, 0);
      small.rlim_cur = 512;
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &small), ==, 0);

      g_assert_false (ot_worksheet_io_save (ws, file, &error));
      g_assert_error (error, OT_WORKSHEET_ERROR, OT_WORKSHEET_ERROR_SAVE);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, "larger than this system allows"));
      g_assert_cmpuint (count_files (dir), ==, 0);
      ot_test_remove_tree (dir);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* A temporary file that a process killed part-way left beside the
 * worksheet goes when the worksheet is next opened, or saved; other files
 * stay. */
static void
test_stale_temporary (void)
{
  g_autofree char *dir = ot_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "visit.optiontalk", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(OtWorksheet) ws = ot_worksheet_new ();
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "true", NULL };
  g_autofree char *stale_name = NULL;
  g_autofree char *stale = NULL;
  g_autofree char *other = g_build_filename (dir, ".visit.optiontalk.mine", NULL);
  GPid gone;
  int status;

  /* A process that has ended: its temporary file is stale. */
  g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD,
                 NULL, NULL, &gone, &error);
  g_assert_no_error (error);
  g_assert_cmpint (waitpid (gone, &status, 0), ==, gone);
  stale_name = g_strdup_printf (".visit.optiontalk.ot-%d-a1b2c3", (int) gone);
  stale = g_build_filename (dir, stale_name, NULL);
  g_assert_true (g_file_set_contents (stale, "half of someone's answers", -1, NULL));
  g_assert_true (g_file_set_contents (other, "kept", -1, NULL));

  fill_full (ws);
  g_assert_true (ot_worksheet_io_save (ws, file, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));

  g_assert_true (g_file_set_contents (stale, "half of someone's answers", -1, NULL));
  g_assert_finalize_object (ot_worksheet_io_open (file, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  assert_file_bytes (other, "kept");
  g_assert_cmpuint (count_files (dir), ==, 2);
  ot_test_remove_tree (dir);
}

static void
test_save_failures (void)
{
  g_autofree char *dir = ot_test_make_temp_dir ();
  g_autofree char *regular = g_build_filename (dir, "notes.txt", NULL);
  g_autofree char *under_file = g_build_filename (regular, "visit.optiontalk", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "visit.optiontalk", NULL);
  g_autofree char *folder = g_build_filename (dir, "visit.optiontalk", NULL);
  g_autofree char *inside = g_build_filename (folder, "keep.txt", NULL);
  g_autoptr(OtWorksheet) ws = ot_worksheet_new ();
  g_autoptr(GError) error = NULL;

  fill_full (ws);
  g_file_set_contents (regular, "my notes", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_file_set_contents (inside, "kept", -1, &error);
  g_assert_no_error (error);

  /* A path through a file: no folder there to write in, even for root. */
  ot_test_assert_save_fails (ws, under_file, "not a folder");
  assert_file_bytes (regular, "my notes");
  ot_test_assert_save_fails (ws, missing, "folder does not exist");
  /* A folder where the file should be stays a folder, with its contents. */
  ot_test_assert_save_fails (ws, folder, "folder");
  assert_file_bytes (inside, "kept");
  g_assert_cmpuint (count_files (dir), ==, 2);

  ot_test_remove_tree (dir);
}

static void
test_permissions (void)
{
  g_autofree char *dir = ot_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "visit.optiontalk", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(OtWorksheet) ws = ot_worksheet_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *data_dir = g_build_filename (g_get_user_data_dir (), "option-talk", NULL);
  g_autoptr(GFile) autosave = ot_worksheet_io_get_autosave_file ();
  g_autofree char *autosave_path = g_file_get_path (autosave);
  g_autofree char *expected_path = g_build_filename (data_dir, "autosave.optiontalk", NULL);

  fill_full (ws);

  /* A new file is the owner's only. */
  ot_worksheet_io_save (ws, file, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (file_mode (path), ==, 0600);

  /* Replacing a file others could read does not keep their access. */
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  ot_worksheet_io_save (ws, file, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (file_mode (path), ==, 0600);

  /* The autosave folder is made 0700, even if it was there and open. */
  g_assert_cmpstr (autosave_path, ==, expected_path);
  g_assert_cmpint (g_mkdir_with_parents (data_dir, 0755), ==, 0);
  g_assert_cmpint (g_chmod (data_dir, 0755), ==, 0);
  ot_worksheet_io_autosave (ws, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (file_mode (data_dir), ==, 0700);
  g_assert_cmpuint (file_mode (autosave_path), ==, 0600);

  ot_test_remove_tree (dir);
  ot_test_remove_tree (data_dir);
}

static void
test_autosave_restore (void)
{
  g_autoptr(OtWorksheet) ws = ot_worksheet_new ();
  g_autoptr(OtWorksheet) back = NULL;
  g_autoptr(GFile) file = ot_worksheet_io_get_autosave_file ();
  g_autoptr(GFile) broken = NULL;
  g_autoptr(GError) error = NULL;
  OtAutosave info = { g_strdup ("file:///home/ana/Visit%201.optiontalk"), TRUE };
  OtAutosave restored = { NULL, FALSE };

  /* Nothing kept yet: nothing restored, and that is no error. */
  g_assert_null (ot_worksheet_io_restore (&restored, &broken, &error));
  g_assert_no_error (error);
  g_assert_null (broken);

  fill_full (ws);
  ot_worksheet_io_autosave (ws, &info, &error);
  g_assert_no_error (error);
  back = ot_worksheet_io_restore (&restored, &broken, &error);
  g_assert_no_error (error);
  g_assert_null (broken);
  assert_worksheets_equal (ws, back);
  g_assert_cmpstr (restored.document, ==, info.document);
  g_assert_true (restored.modified);

  /* A worksheet never saved has no document. */
  ot_worksheet_io_autosave (ws, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&back);
  back = ot_worksheet_io_restore (&restored, NULL, &error);
  g_assert_nonnull (back);
  g_assert_null (restored.document);
  g_assert_false (restored.modified);

  /* Opened as an ordinary file, the autosave's extra element is ignored. */
  g_clear_object (&back);
  back = ot_worksheet_io_open (file, &error);
  g_assert_no_error (error);
  assert_worksheets_equal (ws, back);

  ot_worksheet_io_delete_autosave (&error);
  g_assert_no_error (error);
  g_assert_false (g_file_query_exists (file, NULL));
  ot_worksheet_io_delete_autosave (&error);
  g_assert_no_error (error);

  ot_autosave_clear (&info);
  ot_autosave_clear (&restored);
}

static void
test_broken_autosave (void)
{
  g_autoptr(GFile) file = ot_worksheet_io_get_autosave_file ();
  g_autoptr(GFile) dir = g_file_get_parent (file);
  g_autofree char *dir_path = g_file_get_path (dir);
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GFile) broken = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *base = NULL;
  g_autofree char *contents = NULL;
  OtAutosave restored = { NULL, FALSE };
  const char *half = "<?xml version=\"1.0\"?>\n<optiontalk-worksheet format=\"1\">\n<notes>Half a no";

  g_assert_cmpint (g_mkdir_with_parents (dir_path, 0700), ==, 0);
  g_file_set_contents (path, half, -1, &error);
  g_assert_no_error (error);

  g_assert_null (ot_worksheet_io_restore (&restored, &broken, &error));
  g_assert_error (error, OT_XML_ERROR, OT_XML_ERROR_PARSE);
  g_assert_nonnull (broken);

  /* Not lost: moved aside under a dated name, byte for byte. */
  g_assert_false (g_file_query_exists (file, NULL));
  base = g_file_get_basename (broken);
  g_assert_true (g_str_has_prefix (base, "autosave-broken-"));
  g_assert_true (g_str_has_suffix (base, ".optiontalk"));
  g_file_load_contents (broken, NULL, &contents, NULL, NULL, NULL);
  g_assert_cmpstr (contents, ==, half);

  /* A second broken one the same second gets a name of its own. */
  g_clear_error (&error);
  g_file_set_contents (path, "junk", -1, NULL);
  {
    g_autoptr(GFile) second = NULL;

    g_assert_null (ot_worksheet_io_restore (&restored, &second, &error));
    g_assert_nonnull (second);
    g_assert_false (g_file_equal (second, broken));
    g_assert_true (g_file_query_exists (broken, NULL));
  }

  ot_test_remove_tree (dir_path);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_home = NULL;
  int status;

  /* A user data folder of its own for the autosave, set before GLib reads
   * it.  (G_TEST_OPTION_ISOLATE_DIRS would do it per test, but GLib keeps
   * the old paths alive on purpose, which LeakSanitizer reports.) */
  data_home = g_dir_make_tmp ("ot-worksheet-io-data-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/worksheet-io/every-answer", test_every_answer);
  g_test_add_func ("/worksheet-io/saved-on", test_saved_on);
  g_test_add_func ("/worksheet-io/round-trip", test_round_trip);
  g_test_add_func ("/worksheet-io/empty", test_empty_file);
  g_test_add_func ("/worksheet-io/control-characters", test_control_characters);
  g_test_add_func ("/worksheet-io/hand-written", test_hand_written);
  g_test_add_func ("/worksheet-io/malformed-corpus", test_malformed_corpus);
  g_test_add_func ("/worksheet-io/too-large", test_too_large);
  g_test_add_func ("/worksheet-io/messages", test_messages);
  g_test_add_func ("/worksheet-io/duplicates", test_duplicates);
  g_test_add_func ("/worksheet-io/limits", test_limits);
  g_test_add_func ("/worksheet-io/setters-keep-limits", test_setters_keep_limits);
  g_test_add_func ("/worksheet-io/atomic-save-disk-full", test_atomic_save_disk_full);
  g_test_add_func ("/worksheet-io/save-failures", test_save_failures);
  g_test_add_func ("/worksheet-io/file-size-limit", test_file_size_limit);
  g_test_add_func ("/worksheet-io/stale-temporary", test_stale_temporary);
  g_test_add_func ("/worksheet-io/permissions", test_permissions);
  g_test_add_func ("/worksheet-io/autosave-restore", test_autosave_restore);
  g_test_add_func ("/worksheet-io/broken-autosave", test_broken_autosave);

  status = g_test_run ();
  ot_test_remove_tree (data_home);
  return status;
}
