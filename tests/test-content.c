/* test-content.c: loading content packs, good and bad
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "ot-content.h"
#include "ot-test-pack.h"
#include "ot-xml.h"

static OtContent *
load_test_pack (const char  *name,
                GError     **error)
{
  g_autofree char *path = ot_test_pack_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return ot_content_new_from_file (file, error);
}

static void
test_minimal_pack (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OtContent) content = load_test_pack ("minimal.xml", &error);
  const OtCategory *targeted;
  const OtTopic *topic;
  const OtFrequency *frequency;
  const OtMeta *meta;

  g_assert_no_error (error);
  g_assert_nonnull (content);

  meta = ot_content_get_meta (content);
  g_assert_cmpstr (meta->version, ==, "0.0.1");
  g_assert_cmpstr (meta->language, ==, "en");
  g_assert_cmpint (g_date_get_year (&meta->review_by), ==, 2026);
  g_assert_cmpint (g_date_get_month (&meta->review_by), ==, 6);

  /* Whitespace inside an element folds to single spaces. */
  topic = ot_content_find_topic (content, "stage-iv");
  g_assert_nonnull (topic);
  g_assert_cmpstr (((OtText *) topic->paras->pdata[0])->text, ==, "The cancer has spread to other organs.");
  g_assert_cmpstr (((OtText *) topic->paras->pdata[0])->sources[0], ==, "s1");

  /* Cells are stored in row order whatever order the file gives them. */
  g_assert_cmpuint (ot_content_get_rows (content)->len, ==, 2);
  targeted = ot_content_find_category (content, "targeted");
  g_assert_cmpstr (targeted->cells[0].text, ==, "Medicines aimed at one change.");
  g_assert_cmpstr (targeted->cells[1].text, ==, "Control the cancer.");
  g_assert_cmpstr (targeted->cells[1].sources[1], ==, "s2");
  g_assert_null (targeted->cells[1].sources[2]);
  g_assert_true (ot_content_find_treatment (content, "anti-egfr")->category == targeted);

  frequency = ot_content_find_frequency (content, "folfox", "neuropathy");
  g_assert_true (frequency->has_figure);
  g_assert_cmpfloat (frequency->count, ==, 48);
  g_assert_cmpfloat (frequency->low, ==, 40);
  g_assert_cmpfloat (frequency->high, ==, 55);
  g_assert_cmpfloat (frequency->serious, ==, 18);
  frequency = ot_content_find_frequency (content, "anti-egfr", "skin-rash");
  g_assert_cmpfloat (frequency->low, <, 0);
  frequency = ot_content_find_frequency (content, "folfox", "skin-rash");
  g_assert_false (frequency->has_figure);
  g_assert_cmpstr (frequency->note, ==, "No figure.");
  g_assert_null (ot_content_find_frequency (content, "anti-egfr", "neuropathy"));

  g_assert_cmpuint (ot_content_get_rules (content)->len, ==, 5);
  g_assert_cmpstr (((OtItem *) ot_content_get_values (content)->pdata[0])->help, ==, "Time matters most.");
  g_assert_null (((OtItem *) ot_content_get_values (content)->pdata[1])->help);
  g_assert_cmpstr (ot_content_find_question (content, "q-goal")->text, ==, "What is the goal?");
  g_assert_cmpstr (ot_content_find_source (content, "s2")->url, ==, "https://example.org/two");
}

static void
test_overdue (void)
{
  g_autoptr(OtContent) content = load_test_pack ("minimal.xml", NULL);
  g_autoptr(GDate) before = g_date_new_dmy (30, G_DATE_JUNE, 2026);
  g_autoptr(GDate) after = g_date_new_dmy (1, G_DATE_JULY, 2026);

  g_assert_false (ot_content_is_overdue (content, before));
  g_assert_true (ot_content_is_overdue (content, after));
}

static void
test_shipped_pack (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OtContent) content = ot_content_new_default (&error);
  GPtrArray *categories;

  g_assert_no_error (error);
  g_assert_nonnull (content);

  categories = ot_content_get_categories (content);
  g_assert_cmpuint (categories->len, ==, 8);
  g_assert_cmpuint (ot_content_get_substages (content)->len, ==, 3);
  g_assert_nonnull (ot_content_find_treatment (content, "anti-egfr"));
  g_assert_nonnull (ot_content_find_treatment (content, "pembrolizumab"));
}

/* Spanish messages from the build's catalogue, under a real Spanish locale:
 * under C.UTF-8 Debian 13 ignores LANGUAGE (build-aux/deps.sh makes it). */
static void
use_spanish (void)
{
  g_setenv ("LANGUAGE", "es", TRUE);
  if (setlocale (LC_ALL, "es_ES.UTF-8") == NULL)
    g_error ("The es_ES.UTF-8 locale is missing: run build-aux/deps.sh test");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("OPTION_TALK_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
}

/* The pack is translated as it loads, as GtkBuilder translates a .ui file:
 * in Spanish the category and row names come from po/es.po. */
static void
test_translated (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(OtContent) content = NULL;
      const OtCategory *chemotherapy;

      use_spanish ();
      content = ot_content_new_default (NULL);
      chemotherapy = ot_content_find_category (content, "chemotherapy");
      g_assert_cmpstr (chemotherapy->name, ==, "Quimioterapia");
      g_assert_cmpstr (((OtItem *) ot_content_get_rows (content)->pdata[0])->text, ==, "Qué es");
      g_assert_cmpstr (ot_content_get_meta (content)->title, ==,
                       "Option Talk: opciones de tratamiento para el cáncer colorrectal en estadio IV");
      /* Sources are names, versions are numbers: never translated. */
      g_assert_cmpstr (ot_content_find_source (content, "nci-pdq-colon-patient")->publisher, ==,
                       "National Cancer Institute");
      g_assert_cmpstr (ot_content_get_meta (content)->version, !=, "");
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* ---- The shipped pack, read as a clinician reviews it ---- */

/* Hosts that copy labels and papers (mirrors, drug-information sites, a
 * maker's copy of its label): the regulator's label, the trial paper or the
 * guideline is cited instead. */
static const char * const copy_hosts[] = {
  "120ty.net", "medlibrary.org", "druglib.com", "drugs.com", "rxreasoner.com", "medifind.com",
  "chemoexperts.com", "wikidoc.org", "mimsdev.com", "globalrph.com", "rxlist.com", "droracle.ai",
  "pfizermedicalinformation.com", "stivargahcp.com", "tukysahcp.com", "vectibix.com", "avastin.com",
};

static gboolean
host_is (const char *host,
         const char *domain)
{
  gsize host_len = strlen (host), domain_len = strlen (domain);

  return g_str_equal (host, domain)
         || (host_len > domain_len && g_str_has_suffix (host, domain) && host[host_len - domain_len - 1] == '.');
}

/* Why @url is not a source to cite, or %NULL when it is. */
static const char *
untrusted_because (const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  g_autoptr(GRegex) staging = g_regex_new ("^(qa|test|staging|stage|dev|sit|uat|preview)([0-9-].*)?$|^test",
                                           G_REGEX_CASELESS, 0, NULL);
  g_auto(GStrv) labels = NULL;
  const char *host;

  if (uri == NULL || g_uri_get_host (uri) == NULL)
    return "not a web address";
  host = g_uri_get_host (uri);
  for (guint i = 0; i < G_N_ELEMENTS (copy_hosts); i++)
    if (host_is (host, copy_hosts[i]))
      return "a copy, not the primary source";
  if (g_uri_get_query (uri) != NULL && strstr (g_uri_get_query (uri), "diff=") != NULL)
    return "a wiki's diff page";
  labels = g_strsplit (host, ".", -1);
  for (guint i = 0; labels[i] != NULL && labels[i + 1] != NULL; i++)
    if (g_regex_match (staging, labels[i], 0, NULL))
      return "a test, QA or staging host";
  return NULL;
}

static void
test_source_hosts (void)
{
  g_autoptr(OtContent) content = ot_content_new_default (NULL);
  GPtrArray *sources = ot_content_get_sources (content);

  /* The list catches what the review found on the patient's PDF. */
  g_assert_nonnull (untrusted_because ("https://qa00.mdedge.com/hematology-oncology/article/167594"));
  g_assert_nonnull (untrusted_because ("https://www.testwaf.lillyusa.io/hcp/dosing"));
  g_assert_nonnull (untrusted_because ("https://sit.mimsdev.com/thailand/drug/info/lonsurf"));
  g_assert_nonnull (untrusted_because ("https://wikidoc.org/index.php?diff=prev&oldid=1"));
  g_assert_nonnull (untrusted_because ("https://en.somewiki.org/index.php?diff=prev&oldid=1"));
  g_assert_nonnull (untrusted_because ("http://www.120ty.net/bencandy.php?aid=1495"));
  g_assert_null (untrusted_because ("https://www.accessdata.fda.gov/drugsatfda_docs/label/2021/125147s210lbl.pdf"));
  g_assert_null (untrusted_because ("https://doi.org/10.1056/NEJMoa2017699"));

  for (guint i = 0; i < sources->len; i++)
    {
      const OtSource *source = sources->pdata[i];
      const char *why = untrusted_because (source->url);

      if (why != NULL)
        g_test_message ("source “%s” (%s): %s", source->id, source->url, why);
      g_assert_null (why);
    }
}

/* Every figure says which cases it counts: the pack names the grades of
 * each count rather than leaving a default to be guessed. */
static void
test_figures_say_what_they_count (void)
{
  g_autoptr(OtContent) content = ot_content_new_default (NULL);
  g_autoptr(GBytes) bytes = g_resources_lookup_data ("/io/github/optiontalk/OptionTalk/content/crc-stage4.xml",
                                                     0, NULL);
  g_autoptr(GRegex) figure = g_regex_new ("<frequency\\b[^>]*>", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *text = NULL;
  guint checked = 0;

  g_assert_nonnull (content);
  g_assert_nonnull (bytes);
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  for (g_regex_match (figure, text, 0, &match); g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *tag = g_match_info_fetch (match, 0);

      if (strstr (tag, " count=\"") == NULL)
        continue;  /* only the serious share: "severely" says what it counts */
      if (strstr (tag, " count-grades=\"") == NULL)
        g_test_message ("a figure does not say which cases it counts: %s", tag);
      g_assert_nonnull (strstr (tag, " count-grades=\""));
      checked++;
    }
  g_assert_cmpuint (checked, >, 50);
}

/* The boxed warnings on the labels of the drugs in the pack (FDA labels as
 * of the pack's review) and the key precautions CONTENT.md names: each has
 * a statement on its treatment, citing the label. */
typedef struct
{
  const char *treatment;
  const char *words;       /* what the statement must say */
  const char *source;      /* the label or notice it cites */
  const char *effect;      /* and the side-effect row with its figure, if any */
} LabelWarning;

static const LabelWarning label_warnings[] = {
  /* STIVARGA, boxed warning: hepatotoxicity */
  { "regorafenib", "liver damage", "fda-regorafenib", "liver-problems" },
  /* ENHERTU, boxed warning: interstitial lung disease */
  { "her2-targeted", "lung inflammation", "fda-trastuzumab-deruxtecan-label", "lung-inflammation" },
  /* Vectibix, boxed warning: dermatologic toxicity */
  { "anti-egfr", "boxed warning for skin", "fda-panitumumab-label", "skin-rash" },
  /* Capecitabine and fluorouracil, boxed warning (2026): DPD deficiency */
  { "fluoropyrimidine", "DPD deficiency", "fda-fluoropyrimidine-dpd-2026", NULL },
  /* AVASTIN, surgery and wound healing: 28 days before and after */
  { "anti-vegf", "28 days", "fda-avastin", "surgery-complications" },
  /* Oxaliplatin: cold-triggered acute neuropathy beside the lasting kind */
  { "folfox", "set off by cold", "nice-oxaliplatin", "neuropathy" },
};

static gboolean
cites (const char * const *sources,
       const char         *id)
{
  return sources != NULL && g_strv_contains (sources, id);
}

static void
test_label_warnings (void)
{
  g_autoptr(OtContent) content = ot_content_new_default (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (label_warnings); i++)
    {
      const LabelWarning *warning = &label_warnings[i];
      const OtTreatment *treatment = ot_content_find_treatment (content, warning->treatment);

      g_test_message ("%s: “%s”", warning->treatment, warning->words);
      g_assert_nonnull (treatment);
      g_assert_nonnull (ot_content_find_source (content, warning->source));
      g_assert_nonnull (strstr (treatment->about.text, warning->words));
      g_assert_true (cites (treatment->about.sources, warning->source));
      if (warning->effect != NULL)
        {
          const OtFrequency *frequency = ot_content_find_frequency (content, warning->treatment, warning->effect);

          g_assert_nonnull (frequency);
          g_assert_true (frequency->has_figure);
        }
    }

  /* Testing before 5-FU or capecitabine is a question for the visit too. */
  g_assert_nonnull (strstr (ot_content_find_question (content, "q-test-dpd")->text, "DPD"));
}

/* Treatments some rule can mark "Likely to help" that still lack four
 * figures: no source we could reach gives them.  The list only shrinks:
 * the test fails once a treatment here has its four figures, so that it is
 * taken off. */
static const char * const figures_not_yet_sourced[] = {
  "braf-combo", "pembrolizumab", "nivolumab-ipilimumab", "kras-g12c", NULL,
};

/* Care that gives no cancer drug has no side-effect figures to give. */
static const char * const no_drug_treatments[] = { "palliative-care", NULL };

static void
test_likely_options_have_harm_figures (void)
{
  g_autoptr(OtContent) content = ot_content_new_default (NULL);
  GPtrArray *rules = ot_content_get_rules (content);
  GPtrArray *frequencies = ot_content_get_frequencies (content);
  g_autoptr(GHashTable) likely = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer id;

  for (guint i = 0; i < rules->len; i++)
    {
      const OtFitRule *rule = rules->pdata[i];

      if (rule->fit == OT_FIT_LIKELY)
        g_hash_table_add (likely, (gpointer) rule->treatment->id);
    }
  g_assert_cmpuint (g_hash_table_size (likely), >, 10);

  g_hash_table_iter_init (&iter, likely);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    {
      guint figures = 0;

      if (g_strv_contains (no_drug_treatments, id))
        continue;
      for (guint i = 0; i < frequencies->len; i++)
        {
          const OtFrequency *frequency = frequencies->pdata[i];

          if (g_str_equal (frequency->treatment->id, id) && frequency->has_figure
              && frequency->sources != NULL && frequency->sources[0] != NULL)
            figures++;
        }
      g_test_message ("%s: %u sourced figures", (const char *) id, figures);
      if (g_strv_contains (figures_not_yet_sourced, id))
        g_assert_cmpuint (figures, <, 4);
      else
        g_assert_cmpuint (figures, >=, 4);
    }
}

/* Every text of the shipped pack has its Spanish translation: a pack text
 * added or changed without one fails here (and Option Talk would then
 * show English throughout rather than mix the two). */
static void
test_spanish_complete (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(OtContent) content = NULL;
      guint n_texts, n_untranslated;

      use_spanish ();
      content = ot_content_new_default (NULL);
      n_untranslated = ot_content_count_untranslated (content, &n_texts);
      g_printerr ("%u of %u texts of the pack have no Spanish translation\n", n_untranslated, n_texts);
      g_assert_cmpuint (n_texts, >, 500);
      g_assert_cmpuint (n_untranslated, ==, 0);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* In English nothing is translated, and the count says so. */
static void
test_count_untranslated (void)
{
  g_autoptr(OtContent) content = load_test_pack ("minimal.xml", NULL);
  guint n_texts;

  g_assert_nonnull (content);
  g_assert_cmpuint (ot_content_count_untranslated (content, &n_texts), ==, n_texts);
  g_assert_cmpuint (n_texts, >, 0);
}

typedef struct
{
  const char *file;
  GQuark      domain;
  int         code;
  const char *message;  /* part of the message a person must see */
} BadPack;

static void
test_bad_pack (gconstpointer data)
{
  const BadPack *bad = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(OtContent) content = load_test_pack (bad->file, &error);

  g_assert_null (content);
  g_assert_error (error, bad->domain, bad->code);
  g_test_message ("%s: %s", bad->file, error->message);
  /* Every message names the file and says what is wrong. */
  g_assert_nonnull (strstr (error->message, bad->file));
  g_assert_nonnull (strstr (error->message, bad->message));
}

static void
test_huge_pack (void)
{
  g_autofree char *dir = g_dir_make_tmp ("ot-content-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "huge.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(OtContent) content = NULL;
  FILE *stream = g_fopen (path, "w");

  /* 50 MB, sparse: the size is refused before anything is read. */
  g_assert_nonnull (stream);
  g_assert_cmpint (fseek (stream, 50 * 1000 * 1000 - 1, SEEK_SET), ==, 0);
  fputc ('>', stream);
  fclose (stream);

  content = ot_content_new_from_file (file, &error);
  g_assert_null (content);
  g_assert_error (error, OT_XML_ERROR, OT_XML_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "huge.xml"));
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "50.0"));

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_missing_pack (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/pack.xml");
  g_autoptr(GError) error = NULL;
  g_autoptr(OtContent) content = ot_content_new_from_file (file, &error);

  g_assert_null (content);
  g_assert_error (error, OT_XML_ERROR, OT_XML_ERROR_READ);
  g_assert_nonnull (strstr (error->message, "/nonexistent/pack.xml"));
}


/* Every benefit says whom it is about and where it comes from; a figure
 * also says what it is compared with and over what time (CONTENT.md 8). */
static void
test_outcomes_complete (void)
{
  g_autoptr(OtContent) content = ot_content_new_default (NULL);
  GPtrArray *outcomes = ot_content_get_outcomes (content);
  guint figures = 0;

  g_assert_cmpuint (outcomes->len, >, 0);
  for (guint i = 0; i < outcomes->len; i++)
    {
      const OtOutcome *outcome = outcomes->pdata[i];

      g_assert_nonnull (outcome->treatment);
      g_assert_cmpuint (strlen (outcome->group), >, 0);
      g_assert_cmpuint (strlen (outcome->says), >, 20);
      g_assert_nonnull (outcome->sources[0]);
      for (guint j = 0; outcome->sources[j]; j++)
        if (ot_content_find_source (content, outcome->sources[j]) == NULL)
          g_error ("an outcome of %s cites the unknown source %s", outcome->treatment->id, outcome->sources[j]);

      if (!outcome->has_figure)
        continue;
      figures++;
      g_assert_nonnull (outcome->comparator);
      g_assert_cmpuint (strlen (outcome->comparator), >, 0);
      g_assert_nonnull (outcome->time_frame);
      g_assert_cmpuint (strlen (outcome->time_frame), >, 0);
      /* One kind of figure each: people in 100, or months. */
      g_assert_true ((outcome->count >= 0) != (outcome->months >= 0));
    }
  g_test_message ("%u outcomes, %u with figures", outcomes->len, figures);
}

/* An option a situation can mark as likely to help shows its benefits. */
static void
test_likely_has_outcomes (void)
{
  g_autoptr(OtContent) content = ot_content_new_default (NULL);
  GPtrArray *rules = ot_content_get_rules (content);
  GPtrArray *outcomes = ot_content_get_outcomes (content);

  for (guint i = 0; i < rules->len; i++)
    {
      const OtFitRule *rule = rules->pdata[i];
      guint found = 0;

      if (rule->fit != OT_FIT_LIKELY)
        continue;
      for (guint j = 0; j < outcomes->len; j++)
        found += ((OtOutcome *) outcomes->pdata[j])->treatment == rule->treatment;
      if (found == 0)
        g_error ("%s can be likely to help but has no benefit outcome", rule->treatment->id);
    }
}

static const BadPack bad_packs[] = {
  { "not-xml.xml", 0, OT_XML_ERROR_PARSE, "not a readable XML file" },
  { "truncated.xml", 0, OT_XML_ERROR_PARSE, "ends too soon, as if it were cut off" },
  { "invalid-utf8.xml", 0, OT_XML_ERROR_PARSE, "not a readable XML file" },
  { "entity-bomb.xml", 0, OT_XML_ERROR_PARSE, "document type declaration" },
  { "external-entity.xml", 0, OT_XML_ERROR_PARSE, "document type declaration" },
  { "wrong-root.xml", 0, OT_XML_ERROR_SCHEMA, "does not follow the expected format" },
  { "unknown-source.xml", 1, OT_CONTENT_ERROR_REFERENCE, "unknown source “no-such-source”" },
  { "unknown-treatment.xml", 1, OT_CONTENT_ERROR_REFERENCE, "unknown treatment “folfirinox”" },
  { "unknown-result.xml", 1, OT_CONTENT_ERROR_REFERENCE, "biomarker “ras” has no result “g13d”" },
  { "unknown-conflict-result.xml", 1, OT_CONTENT_ERROR_REFERENCE, "biomarker “ras” has no result “g12c”" },
  { "reserved-result.xml", 1, OT_CONTENT_ERROR_DUPLICATE, "“not-sure” is kept for results that are not known" },
  { "missing-row.xml", 1, OT_CONTENT_ERROR_INCOMPLETE, "has no “goal” row" },
  { "no-default-rule.xml", 1, OT_CONTENT_ERROR_INCOMPLETE, "needs a last fit rule" },
  { "bad-figures.xml", 1, OT_CONTENT_ERROR_VALUE, "contradict" },
  { "outcome-words.xml", 1, OT_CONTENT_ERROR_VALUE, "does not say “60 in 100”" },
  { "unknown-value-row.xml", 1, OT_CONTENT_ERROR_REFERENCE, "value “home” names an unknown row “no-such-row”" },
};

/* A fault put into minimal.xml by replacing its first @find with
 * @replace, and the words the loader must answer with. */
typedef struct
{
  const char *name;
  const char *find;
  const char *replace;
  const char *message;
} PackFault;

static const PackFault pack_faults[] = {
  /* Wrapped to 0 by a cast, this made the rule one without conditions. */
  { "lines-overflow", "<lines min=\"0\" max=\"0\"/>", "<lines min=\"4294967296\" max=\"0\"/>",
    "<lines min>: 4294967296 is out of range" },
  { "lines-max-overflow", "<lines min=\"0\" max=\"0\"/>", "<lines min=\"0\" max=\"99999999999999999999\"/>",
    "<lines max>: 99999999999999999999 is out of range" },
  { "lines-never", "<lines min=\"0\" max=\"0\"/>", "<lines min=\"2\" max=\"1\"/>",
    "min 2 is more than max 1, so the rule can never apply" },
  { "shadowed-rule", "<biomarker id=\"ras\" results=\"mutated\"/>", "",
    "this rule for “anti-egfr” can never apply: an earlier rule for it has no conditions" },
  { "blank-name", "<name>FOLFOX</name>", "<name> \n\t </name>", "<name> holds only white space" },
  { "blank-reason", "<reason>RAS changed.</reason>", "<reason>  </reason>", "<reason> holds only white space" },
  { "javascript-link", "https://example.org/one", "javascript:alert(1)",
    "source “s1”: “javascript:alert(1)” is not a web link" },
  { "file-link", "https://example.org/two", "file:///etc/passwd", "“file:///etc/passwd” is not a web link" },
};

static void
test_pack_fault (gconstpointer data)
{
  const PackFault *fault = data;
  g_autofree char *path = ot_test_pack_path ("minimal.xml");
  g_autofree char *text = NULL;
  g_autoptr(GString) faulty = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(OtContent) content = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  faulty = g_string_new (text);
  g_assert_cmpuint (g_string_replace (faulty, fault->find, fault->replace, 1), ==, 1);
  bytes = g_bytes_new (faulty->str, faulty->len);

  content = ot_content_new_from_bytes (bytes, "faulty.xml", &error);
  g_assert_null (content);
  g_assert_error (error, OT_CONTENT_ERROR, OT_CONTENT_ERROR_VALUE);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "faulty.xml:"));
  g_assert_nonnull (strstr (error->message, fault->message));
  g_assert_null (strchr (error->message, '\n'));
}

int
main (int   argc,
      char *argv[])
{
  static BadPack packs[G_N_ELEMENTS (bad_packs)];

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/content/minimal", test_minimal_pack);
  g_test_add_func ("/content/overdue", test_overdue);
  g_test_add_func ("/content/shipped", test_shipped_pack);
  g_test_add_func ("/content/shipped/source-hosts", test_source_hosts);
  g_test_add_func ("/content/shipped/figures-say-what-they-count", test_figures_say_what_they_count);
  g_test_add_func ("/content/shipped/label-warnings", test_label_warnings);
  g_test_add_func ("/content/shipped/likely-options-have-harm-figures", test_likely_options_have_harm_figures);
  g_test_add_func ("/content/shipped/outcomes-complete", test_outcomes_complete);
  g_test_add_func ("/content/shipped/likely-has-outcomes", test_likely_has_outcomes);
  g_test_add_func ("/content/translated", test_translated);
  g_test_add_func ("/content/spanish-complete", test_spanish_complete);
  g_test_add_func ("/content/count-untranslated", test_count_untranslated);
  g_test_add_func ("/content/huge", test_huge_pack);
  g_test_add_func ("/content/missing", test_missing_pack);

  for (guint i = 0; i < G_N_ELEMENTS (bad_packs); i++)
    {
      g_autofree char *path = g_strdup_printf ("/content/bad/%s", bad_packs[i].file);

      packs[i] = bad_packs[i];
      packs[i].domain = bad_packs[i].domain == 0 ? OT_XML_ERROR : OT_CONTENT_ERROR;
      g_test_add_data_func (path, &packs[i], test_bad_pack);
    }

  for (guint i = 0; i < G_N_ELEMENTS (pack_faults); i++)
    {
      g_autofree char *path = g_strdup_printf ("/content/fault/%s", pack_faults[i].name);

      g_test_add_data_func (path, &pack_faults[i], test_pack_fault);
    }

  return g_test_run ();
}
