/* test-fit.c: the fit of every treatment over the whole grid of situations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The expectations below are written from the sources the pack cites, not
 * from the rules in the pack: each says what the guidance says about one
 * treatment, and the test walks every combination of biomarker results,
 * tumour side and earlier lines to check the shipped rules agree.
 *
 *   asco-mcrc-2022    ASCO guideline, metastatic colorectal cancer (Morris 2023)
 *   esmo-mcrc-2023    ESMO guideline, metastatic colorectal cancer (Cervantes 2023)
 *   trial-keynote-177, trial-checkmate-8hw, fda-nivolumab-ipilimumab
 *   trial-beacon, trial-breakwater, fda-encorafenib-2024
 *   trial-mountaineer, fda-tucatinib-trastuzumab
 *   trial-codebreak-300, trial-krystal-1, fda-sotorasib-panitumumab, fda-adagrasib-cetuximab
 *   fda-selpercatinib-2022 (tumour-agnostic RET), larotrectinib/entrectinib (NTRK)
 *   trial-recourse, trial-sunlight, trial-correct, trial-fresco-2-lancet
 */

#include "config.h"

#include "ot-content.h"
#include "ot-fit.h"
#include "ot-worksheet.h"

typedef struct
{
  const char *mmr, *ras, *braf, *her2, *ntrk, *ret, *pole;
  OtSide      side;
  guint       lines;
} Situation;

#define UNKNOWN(r) (g_str_equal ((r), OT_RESULT_NOT_TESTED) || g_str_equal ((r), OT_RESULT_NOT_SURE))

/* The fit the sources lead to, or -1 where they leave it to the team and
 * any of "depends" / "likely" / "not usual" is defensible (checked below to
 * be at least not "not expected"). */
static int
expected_fit (const char      *treatment,
              const Situation *s)
{
  gboolean ras_mutated = g_str_equal (s->ras, "mutated") || g_str_equal (s->ras, "g12c");
  gboolean ras_wild = g_str_equal (s->ras, "wild-type");
  gboolean braf_v600e = g_str_equal (s->braf, "v600e");
  gboolean dmmr = g_str_equal (s->mmr, "dmmr");
  gboolean pmmr = g_str_equal (s->mmr, "pmmr");
  gboolean left = s->side == OT_SIDE_LEFT || s->side == OT_SIDE_RECTUM;

  /* Anti-EGFR antibodies do not work with a RAS mutation, nor alone with
   * BRAF V600E (ASCO, ESMO, cetuximab and panitumumab labels).  With both
   * genes normal they are a first-line choice for left-sided tumours
   * (ASCO); with RAS unknown it depends on the test. */
  if (g_str_equal (treatment, "anti-egfr"))
    {
      if (ras_mutated || braf_v600e)
        return OT_FIT_NOT_EXPECTED;
      if (UNKNOWN (s->ras))
        return OT_FIT_DEPENDS;
      if (ras_wild && g_str_equal (s->braf, "wild-type") && pmmr && left && s->lines == 0)
        return OT_FIT_LIKELY;
      return -1;
    }

  /* Checkpoint inhibitors help dMMR/MSI-high tumours (KEYNOTE-177,
   * CheckMate 8HW) and not pMMR/MSS ones, except in the rare POLE-mutated
   * tumours, which studies are still looking at. */
  if (g_str_equal (treatment, "pembrolizumab") || g_str_equal (treatment, "nivolumab-ipilimumab"))
    {
      if (dmmr)
        return OT_FIT_LIKELY;
      if (g_str_equal (s->pole, "mutated"))
        return OT_FIT_DEPENDS;
      if (pmmr)
        return OT_FIT_NOT_EXPECTED;
      return OT_FIT_DEPENDS;
    }

  /* Encorafenib with cetuximab is for BRAF V600E only: after earlier
   * treatment (BEACON) and, with FOLFOX, as the first (BREAKWATER). */
  if (g_str_equal (treatment, "braf-combo"))
    {
      if (g_str_equal (s->braf, "wild-type"))
        return OT_FIT_NOT_EXPECTED;
      if (UNKNOWN (s->braf))
        return OT_FIT_DEPENDS;
      if (!dmmr)
        return OT_FIT_LIKELY;
      return -1;
    }

  /* HER2-targeted drugs: HER2-positive, RAS wild-type, after earlier
   * chemotherapy (MOUNTAINEER, tucatinib label). */
  if (g_str_equal (treatment, "her2-targeted"))
    {
      if (g_str_equal (s->her2, "negative"))
        return OT_FIT_NOT_EXPECTED;
      if (UNKNOWN (s->her2))
        return OT_FIT_DEPENDS;
      if (s->lines == 0)
        return OT_FIT_NOT_USUAL;
      if (ras_wild)
        return OT_FIT_LIKELY;
      return -1;
    }

  /* KRAS G12C inhibitors act only on that mutation, after chemotherapy
   * (CodeBreaK 300, KRYSTAL-1, FDA approvals). */
  if (g_str_equal (treatment, "kras-g12c"))
    {
      if (ras_wild || g_str_equal (s->ras, "mutated"))
        return OT_FIT_NOT_EXPECTED;
      if (UNKNOWN (s->ras))
        return OT_FIT_DEPENDS;
      if (s->lines == 0)
        return OT_FIT_NOT_USUAL;
      if (s->lines >= 2)
        return OT_FIT_LIKELY;
      return -1;
    }

  /* NTRK and RET inhibitors need the fusion (tumour-agnostic approvals). */
  if (g_str_equal (treatment, "fusion-targeted"))
    {
      if (g_str_equal (s->ntrk, "none") && g_str_equal (s->ret, "none"))
        return OT_FIT_NOT_EXPECTED;
      if ((g_str_equal (s->ntrk, "fusion") || g_str_equal (s->ret, "fusion")) && s->lines >= 1)
        return OT_FIT_LIKELY;
      return -1;
    }

  /* Later-line drugs: after two or more earlier lines (RECOURSE, SUNLIGHT,
   * CORRECT, FRESCO-2). */
  if (g_str_equal (treatment, "trifluridine-tipiracil") || g_str_equal (treatment, "regorafenib")
      || g_str_equal (treatment, "fruquintinib"))
    return s->lines < 2 ? OT_FIT_NOT_USUAL : OT_FIT_LIKELY;

  /* First-line chemotherapy doublets for pMMR tumours without BRAF V600E;
   * for dMMR, immunotherapy comes first (ASCO). */
  if (g_str_equal (treatment, "folfox") || g_str_equal (treatment, "capox")
      || g_str_equal (treatment, "folfiri"))
    {
      if (s->lines == 0 && dmmr)
        return OT_FIT_DEPENDS;
      if (s->lines == 0 && pmmr && g_str_equal (s->braf, "wild-type"))
        return OT_FIT_LIKELY;
      return -1;
    }

  /* Palliative care helps everyone with advanced cancer, alongside any
   * treatment (ASCO, NCI). */
  if (g_str_equal (treatment, "palliative-care"))
    return OT_FIT_LIKELY;

  /* Chemoradiation is for rectal tumours. */
  if (g_str_equal (treatment, "rectal-chemoradiation")
      && (s->side == OT_SIDE_RIGHT || s->side == OT_SIDE_LEFT))
    return OT_FIT_NOT_USUAL;

  /* Surgery, ablation, radiation, trials, hospice and comfort care depend
   * on much more than the tumour's genes: the team decides with the person. */
  if (g_str_equal (treatment, "metastasis-surgery") || g_str_equal (treatment, "ablation")
      || g_str_equal (treatment, "peritoneal-surgery") || g_str_equal (treatment, "sbrt")
      || g_str_equal (treatment, "palliative-radiation") || g_str_equal (treatment, "clinical-trial")
      || g_str_equal (treatment, "comfort-focus"))
    return OT_FIT_DEPENDS;

  return -1;
}

static void
apply (OtWorksheet     *worksheet,
       const Situation *s)
{
  ot_worksheet_set_biomarker (worksheet, "mmr", s->mmr);
  ot_worksheet_set_biomarker (worksheet, "ras", s->ras);
  ot_worksheet_set_biomarker (worksheet, "braf", s->braf);
  ot_worksheet_set_biomarker (worksheet, "her2", s->her2);
  ot_worksheet_set_biomarker (worksheet, "ntrk", s->ntrk);
  ot_worksheet_set_biomarker (worksheet, "ret", s->ret);
  ot_worksheet_set_biomarker (worksheet, "pole", s->pole);
  ot_worksheet_set_side (worksheet, s->side);
  ot_worksheet_set_prior_lines (worksheet, s->lines);
}

static void
test_grid (void)
{
  static const char *mmr[] = { "dmmr", "pmmr", OT_RESULT_NOT_TESTED, OT_RESULT_NOT_SURE };
  static const char *ras[] = { "wild-type", "mutated", "g12c", OT_RESULT_NOT_TESTED };
  static const char *braf[] = { "v600e", "wild-type", OT_RESULT_NOT_TESTED };
  static const char *her2[] = { "positive", "negative", OT_RESULT_NOT_TESTED };
  static const char *fusion[] = { "fusion", "none", OT_RESULT_NOT_TESTED };
  static const char *pole[] = { "mutated", "none", OT_RESULT_NOT_TESTED };
  static const OtSide sides[] = { OT_SIDE_RIGHT, OT_SIDE_LEFT, OT_SIDE_RECTUM, OT_SIDE_UNKNOWN };
  g_autoptr(OtContent) content = ot_content_new_default (NULL);
  g_autoptr(OtWorksheet) worksheet = ot_worksheet_new ();
  GPtrArray *categories = ot_content_get_categories (content);
  guint checked = 0, situations = 0;

  for (guint a = 0; a < G_N_ELEMENTS (mmr); a++)
  for (guint b = 0; b < G_N_ELEMENTS (ras); b++)
  for (guint c = 0; c < G_N_ELEMENTS (braf); c++)
  for (guint d = 0; d < G_N_ELEMENTS (her2); d++)
  for (guint e = 0; e < G_N_ELEMENTS (fusion); e++)
  for (guint f = 0; f < G_N_ELEMENTS (fusion); f++)
  for (guint g = 0; g < G_N_ELEMENTS (pole); g++)
  for (guint h = 0; h < G_N_ELEMENTS (sides); h++)
  for (guint lines = 0; lines <= 3; lines++)
    {
      Situation s = { mmr[a], ras[b], braf[c], her2[d], fusion[e], fusion[f], pole[g], sides[h], lines };

      apply (worksheet, &s);
      situations++;

      for (guint i = 0; i < categories->len; i++)
        {
          const OtCategory *category = categories->pdata[i];

          for (guint j = 0; j < category->treatments->len; j++)
            {
              const OtTreatment *treatment = category->treatments->pdata[j];
              const OtFitRule *rule = ot_fit_evaluate (content, worksheet, treatment);
              int expected = expected_fit (treatment->id, &s);

              g_assert_nonnull (rule);
              if (expected >= 0 && (int) rule->fit != expected)
                g_error ("%s with mmr=%s ras=%s braf=%s her2=%s ntrk=%s ret=%s pole=%s side=%d "
                         "lines=%u: expected “%s”, got “%s” (%s)",
                         treatment->id, s.mmr, s.ras, s.braf, s.her2, s.ntrk, s.ret, s.pole,
                         s.side, s.lines, ot_fit_to_string (expected),
                         ot_fit_to_string (rule->fit), rule->reason);
              checked++;
            }
        }
    }

  g_test_message ("%u situations, %u fits checked", situations, checked);
  g_assert_cmpuint (situations, ==, 4 * 4 * 3 * 3 * 3 * 3 * 3 * 4 * 4);
}

/* Every fit a person can see has a reason to read aloud and a source. */
static void
test_reasons (void)
{
  g_autoptr(OtContent) content = ot_content_new_default (NULL);
  GPtrArray *rules = ot_content_get_rules (content);

  for (guint i = 0; i < rules->len; i++)
    {
      const OtFitRule *rule = rules->pdata[i];

      g_assert_nonnull (rule->reason);
      g_assert_cmpuint (strlen (rule->reason), >, 20);
      g_assert_nonnull (rule->sources[0]);
      for (guint j = 0; rule->sources[j]; j++)
        g_assert_nonnull (ot_content_find_source (content, rule->sources[j]));
    }
}

/* The rule semantics on the small test pack: order, unknown, side, lines. */
static void
test_rule_order (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "content", "minimal.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(OtContent) content = ot_content_new_from_file (file, NULL);
  g_autoptr(OtWorksheet) worksheet = ot_worksheet_new ();
  const OtTreatment *egfr = ot_content_find_treatment (content, "anti-egfr");

  /* Not tested counts as unknown. */
  g_assert_cmpint (ot_fit_evaluate (content, worksheet, egfr)->fit, ==, OT_FIT_DEPENDS);
  ot_worksheet_set_biomarker (worksheet, "ras", OT_RESULT_NOT_SURE);
  g_assert_cmpint (ot_fit_evaluate (content, worksheet, egfr)->fit, ==, OT_FIT_DEPENDS);

  /* The first matching rule wins. */
  ot_worksheet_set_biomarker (worksheet, "ras", "mutated");
  g_assert_cmpstr (ot_fit_evaluate (content, worksheet, egfr)->reason, ==, "RAS changed.");

  /* Side and lines both must hold. */
  ot_worksheet_set_biomarker (worksheet, "ras", "wild-type");
  ot_worksheet_set_side (worksheet, OT_SIDE_RIGHT);
  g_assert_cmpint (ot_fit_evaluate (content, worksheet, egfr)->fit, ==, OT_FIT_NOT_USUAL);
  ot_worksheet_set_prior_lines (worksheet, 1);
  g_assert_cmpint (ot_fit_evaluate (content, worksheet, egfr)->fit, ==, OT_FIT_LIKELY);
  ot_worksheet_set_prior_lines (worksheet, 0);
  ot_worksheet_set_side (worksheet, OT_SIDE_LEFT);
  g_assert_cmpint (ot_fit_evaluate (content, worksheet, egfr)->fit, ==, OT_FIT_LIKELY);
}

static guint
count_kind (GPtrArray     *outcomes,
            OtOutcomeKind  kind)
{
  guint n = 0;

  for (guint i = 0; i < outcomes->len; i++)
    n += ((OtOutcome *) outcomes->pdata[i])->kind == kind;
  return n;
}

/* The benefits shown are those of the person's own situation, and
 * survival only once they chose to see it. */
static void
test_outcomes (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "content", "minimal.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(OtContent) content = ot_content_new_from_file (file, NULL);
  g_autoptr(OtWorksheet) worksheet = ot_worksheet_new ();
  const OtTreatment *egfr = ot_content_find_treatment (content, "anti-egfr");
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) first_survival = NULL;
  g_autoptr(GPtrArray) later_survival = NULL;
  g_autoptr(GPtrArray) later = NULL;

  /* RAS not tested: no group matches. */
  none = ot_fit_outcomes (content, worksheet, egfr);
  g_assert_cmpuint (none->len, ==, 0);

  /* No RAS change, first treatment: the response, not the survival. */
  ot_worksheet_set_biomarker (worksheet, "ras", "wild-type");
  first = ot_fit_outcomes (content, worksheet, egfr);
  g_assert_cmpuint (first->len, ==, 1);
  g_assert_cmpint (count_kind (first, OT_OUTCOME_RESPONSE), ==, 1);
  g_assert_cmpuint (ot_fit_count_hidden_survival (content, worksheet, egfr), ==, 1);

  /* Asked for survival numbers: now they show. */
  ot_worksheet_set_show_survival (worksheet, TRUE);
  first_survival = ot_fit_outcomes (content, worksheet, egfr);
  g_assert_cmpuint (first_survival->len, ==, 2);
  g_assert_cmpuint (ot_fit_count_hidden_survival (content, worksheet, egfr), ==, 0);
  g_assert_cmpint (count_kind (first_survival, OT_OUTCOME_SURVIVAL), ==, 1);

  /* After a first treatment: the later-line group instead. */
  ot_worksheet_set_prior_lines (worksheet, 1);
  later_survival = ot_fit_outcomes (content, worksheet, egfr);
  g_assert_cmpuint (later_survival->len, ==, 2);
  g_assert_cmpint (count_kind (later_survival, OT_OUTCOME_RESPONSE), ==, 0);
  g_assert_cmpint (count_kind (later_survival, OT_OUTCOME_HELD_IN_CHECK), ==, 1);
  g_assert_false (((OtOutcome *) later_survival->pdata[1])->has_figure);

  /* Survival hidden again: nothing about it is left. */
  ot_worksheet_set_show_survival (worksheet, FALSE);
  later = ot_fit_outcomes (content, worksheet, egfr);
  g_assert_cmpuint (later->len, ==, 1);
  g_assert_cmpint (count_kind (later, OT_OUTCOME_SURVIVAL), ==, 0);
}

/* In the shipped pack, BRAF V600E shows the first-line trial before any
 * treatment and the later-line trial after one, and no figures for the
 * anti-EGFR drugs it makes unlikely to help. */
static void
test_shipped_outcomes (void)
{
  g_autoptr(OtContent) content = ot_content_new_default (NULL);
  g_autoptr(OtWorksheet) worksheet = ot_worksheet_new ();
  const OtTreatment *braf = ot_content_find_treatment (content, "braf-combo");
  const OtTreatment *egfr = ot_content_find_treatment (content, "anti-egfr");
  g_autoptr(GPtrArray) untested = NULL;
  g_autoptr(GPtrArray) egfr_wild = NULL;
  g_autoptr(GPtrArray) egfr_v600e = NULL;
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) later = NULL;

  untested = ot_fit_outcomes (content, worksheet, braf);
  g_assert_cmpuint (untested->len, ==, 0);

  ot_worksheet_set_biomarker (worksheet, "ras", "wild-type");
  ot_worksheet_set_biomarker (worksheet, "braf", "wild-type");
  ot_worksheet_set_show_survival (worksheet, TRUE);
  egfr_wild = ot_fit_outcomes (content, worksheet, egfr);
  g_assert_cmpuint (egfr_wild->len, >, 0);

  ot_worksheet_set_biomarker (worksheet, "braf", "v600e");
  egfr_v600e = ot_fit_outcomes (content, worksheet, egfr);
  g_assert_cmpuint (egfr_v600e->len, ==, 0);

  first = ot_fit_outcomes (content, worksheet, braf);
  g_assert_cmpuint (first->len, ==, 3);
  for (guint i = 0; i < first->len; i++)
    g_assert_true (g_strv_contains (((OtOutcome *) first->pdata[i])->sources, "trial-breakwater"));

  ot_worksheet_set_prior_lines (worksheet, 1);
  later = ot_fit_outcomes (content, worksheet, braf);
  g_assert_cmpuint (later->len, ==, 2);
  for (guint i = 0; i < later->len; i++)
    g_assert_true (g_strv_contains (((OtOutcome *) later->pdata[i])->sources, "trial-beacon"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fit/grid", test_grid);
  g_test_add_func ("/fit/reasons", test_reasons);
  g_test_add_func ("/fit/rule-order", test_rule_order);
  g_test_add_func ("/fit/outcomes", test_outcomes);
  g_test_add_func ("/fit/shipped-outcomes", test_shipped_outcomes);

  return g_test_run ();
}
