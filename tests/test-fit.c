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
 *   fda-trastuzumab-deruxtecan: HER2-positive (IHC 3+) solid tumours after
 *     earlier treatment, with no satisfactory alternative (tumour-agnostic)
 *   TRIPLETE (Rossini, JCO 2022) and the cetuximab and panitumumab labels:
 *     anti-EGFR antibodies go with FOLFOX or FOLFIRI, not FOLFOXIRI
 */

#include "config.h"

#include "ot-content.h"
#include "ot-fit.h"
#include "ot-worksheet.h"
#include "ot-worksheet-io.h"
#include "ot-test-pack.h"
#include "ot-test-worksheet.h"

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
  gboolean her2_positive = g_str_equal (s->her2, "positive") || g_str_equal (s->her2, "ihc3");

  /* Anti-EGFR antibodies do not work with a RAS mutation, nor alone with
   * BRAF V600E (ASCO, ESMO, cetuximab and panitumumab labels).  With both
   * genes normal they are a first-line choice for left-sided tumours
   * (ASCO); with RAS unknown it depends on the test.  HER2 amplification
   * makes them work less well (ESMO), so it depends on HER2 too. */
  if (g_str_equal (treatment, "anti-egfr"))
    {
      if (ras_mutated || braf_v600e)
        return OT_FIT_NOT_EXPECTED;
      if (UNKNOWN (s->ras))
        return OT_FIT_DEPENDS;
      if (her2_positive)
        return OT_FIT_DEPENDS;
      if (ras_wild && g_str_equal (s->braf, "wild-type") && pmmr && left && s->lines == 0
          && g_str_equal (s->her2, "negative"))
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
   * treatment (BEACON) and, with FOLFOX, as the first (BREAKWATER).  A RAS
   * change as well is a result to check, and cetuximab does not work with
   * one: never "likely" then. */
  if (g_str_equal (treatment, "braf-combo"))
    {
      if (g_str_equal (s->braf, "wild-type"))
        return OT_FIT_NOT_EXPECTED;
      if (UNKNOWN (s->braf) || ras_mutated)
        return OT_FIT_DEPENDS;
      if (!dmmr)
        return OT_FIT_LIKELY;
      return -1;
    }

  /* HER2-targeted drugs.  Tucatinib with trastuzumab: HER2-positive, RAS
   * wild-type, after fluoropyrimidine, oxaliplatin and irinotecan
   * (MOUNTAINEER, tucatinib label).  Trastuzumab deruxtecan: HER2 IHC 3+,
   * after earlier treatment, no satisfactory alternative (label).  After
   * one line it depends on which drugs it held; with a RAS change only
   * trastuzumab deruxtecan is left, for IHC 3+. */
  if (g_str_equal (treatment, "her2-targeted"))
    {
      if (g_str_equal (s->her2, "negative"))
        return OT_FIT_NOT_EXPECTED;
      if (UNKNOWN (s->her2))
        return OT_FIT_DEPENDS;
      if (s->lines == 0)
        return OT_FIT_NOT_USUAL;
      if (s->lines == 1 || !ras_wild)
        return OT_FIT_DEPENDS;
      return OT_FIT_LIKELY;
    }

  /* KRAS G12C inhibitors act only on that mutation, after fluoropyrimidine,
   * oxaliplatin and irinotecan (CodeBreaK 300, KRYSTAL-1, FDA labels).
   * BRAF V600E as well is a result to check: never "likely" then. */
  if (g_str_equal (treatment, "kras-g12c"))
    {
      if (ras_wild || g_str_equal (s->ras, "mutated"))
        return OT_FIT_NOT_EXPECTED;
      if (UNKNOWN (s->ras) || braf_v600e)
        return OT_FIT_DEPENDS;
      if (s->lines == 0)
        return OT_FIT_NOT_USUAL;
      if (s->lines == 1)
        return OT_FIT_DEPENDS;
      return OT_FIT_LIKELY;
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

  /* Hospice and comfort care rest on the person's wishes, not on a test
   * (NCI): they are the person's choice. */
  if (g_str_equal (treatment, "hospice") || g_str_equal (treatment, "comfort-focus"))
    return OT_FIT_CHOICE;

  /* Surgery, ablation, radiation and trials depend on much more than the
   * tumour's genes: the team decides with the person. */
  if (g_str_equal (treatment, "metastasis-surgery") || g_str_equal (treatment, "ablation")
      || g_str_equal (treatment, "peritoneal-surgery") || g_str_equal (treatment, "sbrt")
      || g_str_equal (treatment, "palliative-radiation") || g_str_equal (treatment, "clinical-trial"))
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
  static const char *her2[] = { "positive", "ihc3", "negative", OT_RESULT_NOT_TESTED };
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
  g_assert_cmpuint (situations, ==, 4 * 4 * 3 * 4 * 3 * 3 * 3 * 4 * 4);
}

/* Every fit a person can see has a reason to read aloud and a source, and
 * a "depends" says on what: never the bare "tests or other factors". */
static void
test_reasons (void)
{
  g_autoptr(OtContent) content = ot_content_new_default (NULL);
  GPtrArray *rules = ot_content_get_rules (content);

  for (guint i = 0; i < rules->len; i++)
    {
      const OtFitRule *rule = rules->pdata[i];
      g_autofree char *label = ot_fit_dup_label (rule);

      if (rule->fit == OT_FIT_DEPENDS)
        {
          g_assert_nonnull (rule->depends_on);
          g_assert_true (g_str_has_prefix (label, "Depends on "));
          g_assert_cmpstr (label, !=, ot_fit_to_string (OT_FIT_DEPENDS));
        }
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
  g_autofree char *path = ot_test_pack_path ("minimal.xml");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(OtContent) content = ot_content_new_from_file (file, NULL);
  g_autoptr(OtWorksheet) worksheet = ot_worksheet_new ();
  const OtTreatment *egfr = ot_content_find_treatment (content, "anti-egfr");

  /* Not tested counts as unknown. */
  g_assert_cmpint (ot_fit_evaluate (content, worksheet, egfr)->fit, ==, OT_FIT_DEPENDS);
  ot_worksheet_set_biomarker (worksheet, "ras", OT_RESULT_NOT_SURE);
  g_assert_cmpint (ot_fit_evaluate (content, worksheet, egfr)->fit, ==, OT_FIT_DEPENDS);
  /* So does an id the pack does not define. */
  ot_worksheet_set_biomarker (worksheet, "ras", "ras-mutated");
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

/* A result id the pack does not define (a typo, the worksheet schema's
 * own example, a newer pack's id, a file's two answers) reads exactly as
 * "not tested": for every treatment, every biomarker and every count of
 * earlier lines, over every combination of the other results. */
static void
test_unknown_ids (void)
{
  static const char * const unknown_ids[] = { "ras-mutated", "V600E", OT_RESULT_GIVEN_TWICE };
  g_autoptr(OtContent) content = ot_content_new_default (NULL);
  g_autoptr(OtWorksheet) tested = ot_worksheet_new ();
  g_autoptr(OtWorksheet) unread = ot_worksheet_new ();
  GPtrArray *biomarkers = ot_content_get_biomarkers (content);
  GPtrArray *rules = ot_content_get_rules (content);
  g_autoptr(GPtrArray) treatments = g_ptr_array_new ();
  guint compared = 0;

  for (guint i = 0; i < rules->len; i++)
    if (!g_ptr_array_find (treatments, ((OtFitRule *) rules->pdata[i])->treatment, NULL))
      g_ptr_array_add (treatments, (gpointer) ((OtFitRule *) rules->pdata[i])->treatment);

  ot_worksheet_set_side (tested, OT_SIDE_LEFT);
  ot_worksheet_set_side (unread, OT_SIDE_LEFT);

  for (guint u = 0; u < biomarkers->len; u++)
    {
      const OtBiomarker *unknown = biomarkers->pdata[u];
      g_autofree guint *pick = g_new0 (guint, biomarkers->len);
      gboolean done = FALSE;

      /* An odometer over the other biomarkers: 0 is "not tested", then
       * each result of the pack. */
      while (!done)
        {
          for (guint b = 0; b < biomarkers->len; b++)
            {
              const OtBiomarker *biomarker = biomarkers->pdata[b];
              const char *result = pick[b] == 0 ? OT_RESULT_NOT_TESTED
                                   : ((OtResult *) biomarker->results->pdata[pick[b] - 1])->id;

              ot_worksheet_set_biomarker (tested, biomarker->id, b == u ? OT_RESULT_NOT_TESTED : result);
              ot_worksheet_set_biomarker (unread, biomarker->id, result);
            }

          for (guint lines = 0; lines <= 3; lines++)
            {
              ot_worksheet_set_prior_lines (tested, lines);
              ot_worksheet_set_prior_lines (unread, lines);
              for (guint k = 0; k < G_N_ELEMENTS (unknown_ids); k++)
                {
                  ot_worksheet_set_biomarker (unread, unknown->id, unknown_ids[k]);
                  for (guint t = 0; t < treatments->len; t++)
                    {
                      const OtFitRule *expected = ot_fit_evaluate (content, tested, treatments->pdata[t]);
                      const OtFitRule *got = ot_fit_evaluate (content, unread, treatments->pdata[t]);

                      if (expected != got)
                        g_error ("%s with %s=%s after %u lines: “%s” where not tested gives “%s”",
                                 ((OtTreatment *) treatments->pdata[t])->id, unknown->id, unknown_ids[k],
                                 lines, got->reason, expected->reason);
                      compared++;
                    }
                }
            }

          /* Next combination; the unknown biomarker itself stays put. */
          done = TRUE;
          for (guint b = 0; b < biomarkers->len && done; b++)
            {
              if (b == u)
                continue;
              if (++pick[b] <= ((OtBiomarker *) biomarkers->pdata[b])->results->len)
                done = FALSE;
              else
                pick[b] = 0;
            }
        }
    }

  g_test_message ("%u fits compared", compared);
  g_assert_cmpuint (compared, >, 100000);
}

static void
assert_check_says (GPtrArray   *checks,
                   OtCheckKind  kind,
                   const char  *words)
{
  for (guint i = 0; i < checks->len; i++)
    {
      const OtCheck *check = checks->pdata[i];

      if (check->kind == kind && strstr (check->text, words) != NULL)
        return;
    }
  g_error ("no check of kind %d says “%s”", kind, words);
}

/* A file with an id the pack does not know, a biomarker given twice with
 * different results and one given twice alike: the first two count as
 * unknown, are named in the checks, and are kept for saving. */
static void
test_file_results (void)
{
  g_autoptr(OtContent) content = ot_content_new_default (NULL);
  g_autoptr(OtWorksheet) worksheet = ot_test_worksheet_read_situation ("results-to-check.optiontalk");
  g_autoptr(OtWorksheet) not_tested = ot_worksheet_new ();
  g_autoptr(GPtrArray) checks = ot_fit_dup_checks (content, worksheet);
  GPtrArray *categories = ot_content_get_categories (content);

  g_assert_cmpstr (ot_worksheet_get_biomarker (worksheet, "ras"), ==, "ras-mutated");
  g_assert_cmpstr (ot_worksheet_get_biomarker (worksheet, "braf"), ==, OT_RESULT_GIVEN_TWICE);
  g_assert_cmpstr (ot_worksheet_get_biomarker (worksheet, "mmr"), ==, "pmmr");
  g_assert_null (ot_fit_find_result (worksheet, ot_content_find_biomarker (content, "ras")));
  g_assert_null (ot_fit_find_result (worksheet, ot_content_find_biomarker (content, "braf")));

  /* Every fit is the fit of the same answers with RAS and BRAF not tested. */
  ot_worksheet_set_side (not_tested, OT_SIDE_LEFT);
  ot_worksheet_set_biomarker (not_tested, "mmr", "pmmr");
  for (guint i = 0; i < categories->len; i++)
    {
      const OtCategory *category = categories->pdata[i];

      for (guint j = 0; j < category->treatments->len; j++)
        g_assert_true (ot_fit_evaluate (content, worksheet, category->treatments->pdata[j])
                       == ot_fit_evaluate (content, not_tested, category->treatments->pdata[j]));
    }

  g_assert_cmpuint (checks->len, ==, 3);
  assert_check_says (checks, OT_CHECK_UNREADABLE, "The RAS (KRAS and NRAS) result “ras-mutated” could not be read");
  assert_check_says (checks, OT_CHECK_GIVEN_TWICE, "two different BRAF results");
  assert_check_says (checks, OT_CHECK_SUBSTAGE, "Stage IVA is chosen");
  assert_check_says (checks, OT_CHECK_SUBSTAGE, "point to Stage IVC");
}

/* Contradictions and the label rules, one situation a row.  Results are
 * "id=result" words; fits are "treatment=fit" words; a reason is
 * "treatment:words it must contain".  Written from the sources in the
 * header, not from the pack's rules. */
typedef struct
{
  const char *results;
  OtSubstage  substage;
  guint       sites;
  guint       lines;
  const char *checks;    /* the kinds listed, in order */
  const char *fits;
  const char *reason;
} Row;

static const Row rows[] = {
  /* RAS and BRAF V600E rarely occur together (ESMO): checked, and no drug
   * with cetuximab or panitumumab reads as likely to help. */
  { "mmr=pmmr ras=mutated braf=v600e", 0, 0, 0, "conflict",
    "anti-egfr=not-expected braf-combo=depends", "braf-combo:cetuximab, which does not work with a RAS change" },
  { "mmr=pmmr ras=g12c braf=v600e", 0, 0, 2, "conflict",
    "anti-egfr=not-expected braf-combo=depends kras-g12c=depends", NULL },
  /* Harmful POLE changes are found mostly in pMMR tumours; dMMR still
   * qualifies for the approved immunotherapy. */
  { "mmr=dmmr pole=mutated", 0, 0, 0, "conflict",
    "pembrolizumab=likely nivolumab-ipilimumab=likely", NULL },
  /* HER2-positive tumours rarely carry a RAS change; tucatinib needs RAS
   * wild-type, trastuzumab deruxtecan IHC 3+. */
  { "her2=ihc3 ras=mutated", 0, 0, 2, "conflict",
    "her2-targeted=depends anti-egfr=not-expected", "her2-targeted:IHC 3+" },
  { "her2=positive ras=g12c", 0, 0, 2, "conflict", "her2-targeted=depends", "her2-targeted:which level" },
  /* No contradiction: nothing to check. */
  { "mmr=pmmr ras=wild-type braf=wild-type her2=negative", 0, 0, 0, "",
    "anti-egfr=likely anti-vegf=depends", "anti-egfr:not with the three-drug plan FOLFOXIRI" },
  /* HER2-positive, RAS wild-type, first treatment (ESMO): anti-EGFR says
   * HER2 may make it work less well. */
  { "mmr=pmmr ras=wild-type braf=wild-type her2=positive", 0, 0, 0, "",
    "anti-egfr=depends her2-targeted=not-usual anti-vegf=likely",
    "anti-egfr:HER2 may make anti-EGFR drugs work less well" },
  /* HER2 by line and IHC (tucatinib and trastuzumab deruxtecan labels). */
  { "ras=wild-type her2=ihc3", 0, 0, 1, "", "her2-targeted=depends",
    "her2-targeted:only after chemotherapy with 5-FU, oxaliplatin, and irinotecan" },
  { "ras=wild-type her2=ihc3", 0, 0, 2, "", "her2-targeted=likely", "her2-targeted:IHC 3+" },
  { "ras=wild-type her2=positive", 0, 0, 3, "", "her2-targeted=likely", NULL },
  { "ras=wild-type her2=positive", 0, 0, 0, "", "her2-targeted=not-usual", NULL },
  /* FOLFOXIRI is not given with anti-EGFR drugs (TRIPLETE, labels). */
  { "mmr=pmmr", 0, 0, 0, "", "folfoxiri=depends", "folfoxiri:Anti-EGFR drugs are not given with it" },
  /* A BRAF drug alone does not work in colorectal cancer (BEACON). */
  { "mmr=pmmr ras=wild-type braf=v600e", 0, 0, 0, "", "braf-combo=likely", "braf-combo:on its own does not work" },
  { "mmr=pmmr ras=wild-type braf=v600e", 0, 0, 1, "", "braf-combo=likely", "braf-combo:on its own does not work" },
  /* KRAS G12C and the later-line drugs by line. */
  { "ras=g12c", 0, 0, 0, "", "kras-g12c=not-usual regorafenib=not-usual fruquintinib=not-usual "
    "trifluridine-tipiracil=not-usual", NULL },
  { "ras=g12c", 0, 0, 1, "", "kras-g12c=depends regorafenib=not-usual fruquintinib=not-usual "
    "trifluridine-tipiracil=not-usual", "kras-g12c:5-FU, oxaliplatin, and irinotecan" },
  { "ras=g12c", 0, 0, 2, "", "kras-g12c=likely regorafenib=likely fruquintinib=likely "
    "trifluridine-tipiracil=likely", NULL },
  /* Wishes, not tests. */
  { "", 0, 0, 0, "", "hospice=choice comfort-focus=choice clinical-trial=depends palliative-care=likely", NULL },
  /* AJCC 8th: IVA one distant organ or site, IVB more than one, IVC the
   * peritoneum. */
  { "", OT_SUBSTAGE_IVA, OT_SITE_LIVER | OT_SITE_PERITONEUM, 0, "substage", "", NULL },
  { "", OT_SUBSTAGE_IVA, OT_SITE_LIVER | OT_SITE_LUNG, 0, "substage", "", NULL },
  { "", OT_SUBSTAGE_IVA, OT_SITE_LIVER, 0, "", "", NULL },
  { "", OT_SUBSTAGE_IVB, OT_SITE_LIVER, 0, "substage", "", NULL },
  { "", OT_SUBSTAGE_IVB, OT_SITE_LIVER | OT_SITE_NODES, 0, "", "", NULL },
  { "", OT_SUBSTAGE_IVB, OT_SITE_LUNG | OT_SITE_PERITONEUM, 0, "substage", "", NULL },
  { "", OT_SUBSTAGE_IVC, OT_SITE_LIVER | OT_SITE_LUNG, 0, "substage", "", NULL },
  { "", OT_SUBSTAGE_IVC, OT_SITE_PERITONEUM, 0, "", "", NULL },
  { "", OT_SUBSTAGE_NOT_SURE, OT_SITE_PERITONEUM, 0, "", "", NULL },
  { "", OT_SUBSTAGE_IVA, 0, 0, "", "", NULL },
};

static void
test_table (void)
{
  static const char * const kinds[] = { "unreadable", "given-twice", "conflict", "substage" };
  static const char * const fits[OT_N_FITS] = { "likely", "depends", "not-expected", "not-usual", "choice" };
  g_autoptr(OtContent) content = ot_content_new_default (NULL);

  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    {
      const Row *row = &rows[r];
      g_autoptr(OtWorksheet) worksheet = ot_worksheet_new ();
      g_auto(GStrv) results = g_strsplit (row->results, " ", -1);
      g_auto(GStrv) expected_fits = g_strsplit (row->fits, " ", -1);
      g_autoptr(GPtrArray) checks = NULL;
      g_autoptr(GString) listed = g_string_new ("");

      for (guint i = 0; results[i] && *results[i]; i++)
        {
          g_auto(GStrv) pair = g_strsplit (results[i], "=", 2);

          ot_worksheet_set_biomarker (worksheet, pair[0], pair[1]);
        }
      ot_worksheet_set_side (worksheet, OT_SIDE_LEFT);
      ot_worksheet_set_substage (worksheet, row->substage);
      ot_worksheet_set_sites (worksheet, row->sites);
      ot_worksheet_set_prior_lines (worksheet, row->lines);

      checks = ot_fit_dup_checks (content, worksheet);
      for (guint i = 0; i < checks->len; i++)
        g_string_append_printf (listed, "%s%s", i ? " " : "", kinds[((OtCheck *) checks->pdata[i])->kind]);
      if (!g_str_equal (listed->str, row->checks))
        g_error ("row %u (%s): checks “%s”, expected “%s”", r, row->results, listed->str, row->checks);

      for (guint i = 0; expected_fits[i] && *expected_fits[i]; i++)
        {
          g_auto(GStrv) pair = g_strsplit (expected_fits[i], "=", 2);
          const OtTreatment *treatment = ot_content_find_treatment (content, pair[0]);
          const OtFitRule *rule;

          g_assert_nonnull (treatment);
          rule = ot_fit_evaluate (content, worksheet, treatment);
          if (!g_str_equal (fits[rule->fit], pair[1]))
            g_error ("row %u (%s, %u lines): %s is “%s”, expected “%s” (%s)", r, row->results, row->lines,
                     pair[0], fits[rule->fit], pair[1], rule->reason);
        }

      if (row->reason != NULL)
        {
          g_auto(GStrv) pair = g_strsplit (row->reason, ":", 2);
          const OtFitRule *rule = ot_fit_evaluate (content, worksheet, ot_content_find_treatment (content, pair[0]));

          if (strstr (rule->reason, pair[1]) == NULL)
            g_error ("row %u (%s): %s says “%s”, without “%s”", r, row->results, pair[0], rule->reason, pair[1]);
        }
    }
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
  g_autofree char *path = ot_test_pack_path ("minimal.xml");
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

  /* BREAKWATER's figures, from its paper or from the FDA notice that
   * reported its response rate. */
  first = ot_fit_outcomes (content, worksheet, braf);
  g_assert_cmpuint (first->len, ==, 3);
  for (guint i = 0; i < first->len; i++)
    {
      const char * const *sources = ((OtOutcome *) first->pdata[i])->sources;

      g_assert_true (g_strv_contains (sources, "trial-breakwater") || g_strv_contains (sources, "fda-encorafenib-2024"));
    }

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
  g_test_add_func ("/fit/unknown-ids", test_unknown_ids);
  g_test_add_func ("/fit/file-results", test_file_results);
  g_test_add_func ("/fit/table", test_table);
  g_test_add_func ("/fit/outcomes", test_outcomes);
  g_test_add_func ("/fit/shipped-outcomes", test_shipped_outcomes);

  return g_test_run ();
}
