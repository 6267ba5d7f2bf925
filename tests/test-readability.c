/* test-readability.c: the pack's patient-facing text at reading grade 8,
 * and its Spanish translation "fairly easy" or easier
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Flesch–Kincaid grade level, per section of the pack:
 *   0.39 × words / sentences + 11.8 × syllables / words − 15.59
 * Each piece of text ends a sentence even without a full stop (list items,
 * labels).  Syllables are counted as runs of vowels, less a silent final
 * "e", at least one a word: the usual approximation of the formula's tools.
 * A section above grade 9 fails, naming itself; the whole pack must be at
 * grade 8 or below.  Source titles are not patient text and are left out.
 *
 * Spanish, the same sections read under es_ES.UTF-8 with LANGUAGE=es:
 * Fernández-Huerta's reading ease,
 *   206.84 − 60 × syllables / words − 1.02 × words / sentences,
 * at least 70 ("bastante fácil", fairly easy) for every section.  Spanish
 * syllables are runs of vowels, split where two strong vowels (a, e, o, or
 * an accented í, ú) meet; a final "y" is a vowel.  The validated
 * questionnaires, not shown in Spanish, are left out there.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "ot-content.h"

typedef guint (*CountSyllables) (const char *word);

typedef struct
{
  const char     *name;
  CountSyllables  count;
  guint           words;
  guint           sentences;
  guint           syllables;
} Section;

static guint
count_syllables (const char *word)
{
  g_autoptr(GString) letters = g_string_new (NULL);
  guint count = 0;
  gboolean in_vowel = FALSE;

  for (const char *p = word; *p; p++)
    if (g_ascii_isalpha (*p))
      g_string_append_c (letters, g_ascii_tolower (*p));

  if (letters->len == 0)
    return 1;

  for (gsize i = 0; i < letters->len; i++)
    {
      gboolean vowel = strchr ("aeiouy", letters->str[i]) != NULL;

      if (vowel && !in_vowel)
        count++;
      in_vowel = vowel;
    }

  if (letters->len > 2 && letters->str[letters->len - 1] == 'e'
      && letters->str[letters->len - 2] != 'l' && count > 1)
    count--;

  return MAX (count, 1);
}

/* 0 for a consonant, 1 for a weak vowel, 2 for a strong one. */
static int
spanish_vowel (gunichar c,
               gboolean last)
{
  if (strchr ("aeo", (int) c) != NULL && c != 0)
    return 2;
  switch (c)
    {
    case 0x00E1: case 0x00E9: case 0x00F3:   /* á é ó */
    case 0x00ED: case 0x00FA:                /* í ú: an accent breaks the diphthong */
      return 2;
    case 'i': case 'u': case 0x00FC:         /* ü */
      return 1;
    case 'y':
      return last ? 1 : 0;
    default:
      return 0;
    }
}

static guint
count_syllables_es (const char *word)
{
  g_autofree char *lower = g_utf8_strdown (word, -1);
  guint count = 0;
  int previous = 0;

  for (const char *p = lower; *p; p = g_utf8_next_char (p))
    {
      const char *next = g_utf8_next_char (p);
      int vowel = spanish_vowel (g_utf8_get_char (p), *next == '\0' || !g_unichar_isalpha (g_utf8_get_char (next)));

      if (vowel && (!previous || (vowel == 2 && previous == 2)))
        count++;
      previous = vowel;
    }

  return MAX (count, 1);
}

static void
add_text (Section    *section,
          const char *text)
{
  g_auto(GStrv) tokens = g_strsplit_set (text, " \t\n", -1);
  gboolean ended = FALSE;

  for (guint i = 0; tokens[i]; i++)
    {
      const char *token = tokens[i];
      gsize length = strlen (token);
      gboolean has_alnum = FALSE;

      for (const char *p = token; *p; p++)
        has_alnum |= g_ascii_isalnum (*p) || (guchar) *p >= 0x80;
      if (!has_alnum)
        continue;

      section->words++;
      section->syllables += section->count (token);
      ended = length > 0 && strchr (".!?", token[length - 1]) != NULL;
      if (ended)
        section->sentences++;
    }

  if (!ended)
    section->sentences++;
}

static double
grade (const Section *section)
{
  return 0.39 * section->words / section->sentences
         + 11.8 * section->syllables / section->words - 15.59;
}

/* Fernández-Huerta (1959), Flesch's reading ease for Spanish. */
static double
reading_ease_es (const Section *section)
{
  return 206.84 - 60.0 * section->syllables / section->words
         - 1.02 * section->words / section->sentences;
}

static void
add_paras (Section   *section,
           GPtrArray *paras)
{
  for (guint i = 0; i < paras->len; i++)
    add_text (section, ((OtText *) paras->pdata[i])->text);
}

static void
add_items (Section   *section,
           GPtrArray *items)
{
  for (guint i = 0; i < items->len; i++)
    {
      const OtItem *item = items->pdata[i];

      add_text (section, item->text);
      if (item->help)
        add_text (section, item->help);
    }
}

/* The pack's text a person reads, section by section, counted with
 * @count.  The questionnaires count only where the pack shows them. */
static GArray *
collect_sections (OtContent      *content,
                  CountSyllables  count)
{
  GArray *sections = g_array_new (FALSE, TRUE, sizeof (Section));
  GPtrArray *categories = ot_content_get_categories (content);
  Section section;

#define BEGIN(title) memset (&section, 0, sizeof section); section.name = (title); section.count = count
#define END() g_array_append_val (sections, section)
  for (guint i = 0; i < ot_content_get_topics (content)->len; i++)
    {
      const OtTopic *topic = ot_content_get_topics (content)->pdata[i];

      BEGIN (topic->title);
      add_text (&section, topic->title);
      add_paras (&section, topic->paras);
      END ();
    }

  BEGIN ("substages");
  for (guint i = 0; i < ot_content_get_substages (content)->len; i++)
    add_paras (&section, ((OtTopic *) ot_content_get_substages (content)->pdata[i])->paras);
  END ();

  for (guint i = 0; i < categories->len; i++)
    {
      const OtCategory *category = categories->pdata[i];

      BEGIN (category->name);
      for (guint r = 0; r < ot_content_get_rows (content)->len; r++)
        add_text (&section, category->cells[r].text);
      for (guint t = 0; t < category->treatments->len; t++)
        {
          const OtTreatment *treatment = category->treatments->pdata[t];

          add_text (&section, treatment->short_text);
          add_text (&section, treatment->about.text);
        }
      END ();
    }

  BEGIN ("side effects");
  for (guint i = 0; i < ot_content_get_side_effects (content)->len; i++)
    {
      const OtSideEffect *effect = ot_content_get_side_effects (content)->pdata[i];

      add_text (&section, effect->about.text);
      add_text (&section, effect->managing.text);
    }
  END ();

  BEGIN ("biomarkers");
  for (guint i = 0; i < ot_content_get_biomarkers (content)->len; i++)
    {
      const OtBiomarker *biomarker = ot_content_get_biomarkers (content)->pdata[i];

      add_text (&section, biomarker->measures.text);
      for (guint r = 0; r < biomarker->results->len; r++)
        add_text (&section, ((OtResult *) biomarker->results->pdata[r])->meaning.text);
    }
  END ();

  BEGIN ("fit reasons");
  for (guint i = 0; i < ot_content_get_rules (content)->len; i++)
    add_text (&section, ((OtFitRule *) ot_content_get_rules (content)->pdata[i])->reason);
  END ();

  BEGIN ("results to check");
  for (guint i = 0; i < ot_content_get_conflicts (content)->len; i++)
    add_text (&section, ((OtConflict *) ot_content_get_conflicts (content)->pdata[i])->says);
  END ();

  BEGIN ("values, role and readiness");
  add_items (&section, ot_content_get_values (content));
  if (ot_content_get_instrument_note (content, OT_INSTRUMENT_ROLES) == NULL)
    add_items (&section, ot_content_get_roles (content));
  if (ot_content_get_instrument_note (content, OT_INSTRUMENT_READINESS) == NULL)
    add_items (&section, ot_content_get_readiness (content));
  END ();

  BEGIN ("questions");
  for (guint i = 0; i < ot_content_get_question_groups (content)->len; i++)
    add_items (&section, ((OtGroup *) ot_content_get_question_groups (content)->pdata[i])->items);
  END ();

  BEGIN ("glossary");
  for (guint i = 0; i < ot_content_get_glossary (content)->len; i++)
    add_text (&section, ((OtTerm *) ot_content_get_glossary (content)->pdata[i])->definition.text);
  END ();

  BEGIN ("frequency groups");
  for (guint i = 0; i < ot_content_get_frequencies (content)->len; i++)
    add_text (&section, ((OtFrequency *) ot_content_get_frequencies (content)->pdata[i])->note);
  END ();

  BEGIN ("benefit outcomes");
  for (guint i = 0; i < ot_content_get_outcomes (content)->len; i++)
    {
      const OtOutcome *outcome = ot_content_get_outcomes (content)->pdata[i];

      add_text (&section, outcome->group);
      add_text (&section, outcome->says);
      if (outcome->has_figure)
        {
          add_text (&section, outcome->comparator);
          add_text (&section, outcome->time_frame);
        }
    }
  END ();

#undef BEGIN
#undef END

  return sections;
}

static void
test_grades (void)
{
  g_autoptr(OtContent) content = ot_content_new_default (NULL);
  g_autoptr(GArray) sections = collect_sections (content, count_syllables);
  Section all = { "whole pack", count_syllables, 0, 0, 0 };
  guint too_hard = 0;

  for (guint i = 0; i < sections->len; i++)
    {
      const Section *s = &g_array_index (sections, Section, i);

      g_test_message ("grade %4.1f  %s (%u words)", grade (s), s->name, s->words);
      g_assert_cmpuint (s->words, >, 0);
      if (grade (s) > 9.0)
        {
          g_test_message ("  “%s” reads above grade 9", s->name);
          too_hard++;
        }
      all.words += s->words;
      all.sentences += s->sentences;
      all.syllables += s->syllables;
    }

  g_test_message ("grade %4.1f  %s (%u words)", grade (&all), all.name, all.words);
  g_assert_cmpuint (too_hard, ==, 0);
  g_assert_cmpfloat (grade (&all), <=, 8.0);
}

/* Every section of the Spanish pack is at least fairly easy to read. */
static void
test_spanish (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(OtContent) content = NULL;
      g_autoptr(GArray) sections = NULL;
      guint too_hard = 0;

      g_setenv ("LANGUAGE", "es", TRUE);
      if (setlocale (LC_ALL, "es_ES.UTF-8") == NULL)
        g_error ("The es_ES.UTF-8 locale is missing: run build-aux/deps.sh test");
      bindtextdomain (GETTEXT_PACKAGE, g_getenv ("OPTION_TALK_LOCALEDIR"));
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

      content = ot_content_new_default (NULL);
      g_assert_cmpuint (ot_content_count_untranslated (content, NULL), ==, 0);
      sections = collect_sections (content, count_syllables_es);
      for (guint i = 0; i < sections->len; i++)
        {
          const Section *s = &g_array_index (sections, Section, i);

          g_printerr ("ease %5.1f  %s (%u words)\n", reading_ease_es (s), s->name, s->words);
          g_assert_cmpuint (s->words, >, 0);
          if (reading_ease_es (s) < 70.0)
            {
              g_printerr ("  “%s” reads below “fairly easy” (70)\n", s->name);
              too_hard++;
            }
        }
      g_assert_cmpuint (too_hard, ==, 0);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* The counting itself, on sentences whose grade is known by hand. */
static void
test_formula (void)
{
  Section easy = { "easy", count_syllables, 0, 0, 0 };
  Section hard = { "hard", count_syllables, 0, 0, 0 };
  Section facil = { "fácil", count_syllables_es, 0, 0, 0 };
  Section dificil = { "difícil", count_syllables_es, 0, 0, 0 };

  g_assert_cmpuint (count_syllables ("cat"), ==, 1);
  g_assert_cmpuint (count_syllables ("table"), ==, 2);
  g_assert_cmpuint (count_syllables ("make"), ==, 1);
  g_assert_cmpuint (count_syllables ("chemotherapy"), ==, 5);
  g_assert_cmpuint (count_syllables ("5-FU"), ==, 1);

  /* 8 words, 1 sentence, 8 syllables: 0.39 × 8 + 11.8 − 15.59 = −0.67. */
  add_text (&easy, "The cat sat on the mat at home.");
  g_assert_cmpfloat_with_epsilon (grade (&easy), -0.67, 0.01);

  add_text (&hard, "Immunotherapeutic interventions demonstrate considerable heterogeneity "
                   "regarding therapeutic responsiveness in microsatellite instability.");
  g_assert_cmpfloat (grade (&hard), >, 9.0);

  g_assert_cmpuint (count_syllables_es ("quimioterapia"), ==, 5);  /* qui-mio-te-ra-pia */
  g_assert_cmpuint (count_syllables_es ("día"), ==, 2);            /* dí-a */
  g_assert_cmpuint (count_syllables_es ("leer"), ==, 2);           /* le-er */
  g_assert_cmpuint (count_syllables_es ("ciudad"), ==, 2);         /* ciu-dad */
  g_assert_cmpuint (count_syllables_es ("hoy"), ==, 1);
  g_assert_cmpuint (count_syllables_es ("5-FU"), ==, 1);

  /* 7 words, 1 sentence, 10 syllables: 206.84 − 60 × 10 / 7 − 1.02 × 7 = 113.99. */
  add_text (&facil, "El gato se sentó en la casa.");
  g_assert_cmpfloat_with_epsilon (reading_ease_es (&facil), 113.99, 0.01);

  add_text (&dificil, "Las intervenciones inmunoterapéuticas demuestran una heterogeneidad considerable "
                      "respecto a la respuesta terapéutica en la inestabilidad de microsatélites.");
  g_assert_cmpfloat (reading_ease_es (&dificil), <, 70.0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/readability/formula", test_formula);
  g_test_add_func ("/readability/grades", test_grades);
  g_test_add_func ("/readability/spanish", test_spanish);

  return g_test_run ();
}
