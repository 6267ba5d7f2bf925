/* ot-review.c: the sections a clinician reviews, and the reviews a pack has had
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ot-review"

#include "config.h"

#include <glib/gi18n.h>

#include "ot-review.h"

/* In the order of the pack, which the review sheet follows. */
static const OtReviewSection sections[] = {
  { "condition", N_("Stage IV and its substages") },
  { "options", N_("Treatment options") },
  { "side-effects", N_("Side effects") },
  { "frequencies", N_("How often side effects happen") },
  { "biomarkers", N_("Tumor tests") },
  { "fit-rules", N_("How each treatment fits the tumor") },
  { "outcomes", N_("Benefits of each treatment") },
  { "values", N_("What matters, roles and readiness") },
  { "questions", N_("Questions for the visit") },
  { "glossary", N_("Words explained") },
};

/**
 * ot_review_get_sections:
 * @n_sections: (out): gets how many there are
 *
 * Returns: the sections of a pack, with untranslated titles.
 */
const OtReviewSection *
ot_review_get_sections (guint *n_sections)
{
  g_return_val_if_fail (n_sections != NULL, NULL);

  *n_sections = G_N_ELEMENTS (sections);
  return sections;
}

/* "all sections", or their titles. */
static char *
describe_sections (const char * const *ids)
{
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();
  guint n_ids = g_strv_length ((char **) ids);

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    if (g_strv_contains (ids, sections[i].id))
      g_ptr_array_add (titles, (gpointer) g_dgettext (GETTEXT_PACKAGE, sections[i].title));

  if (titles->len == G_N_ELEMENTS (sections) && n_ids >= titles->len)
    return g_strdup (_("all sections"));

  g_ptr_array_add (titles, NULL);
  return g_strjoinv (", ", (char **) titles->pdata);
}

/**
 * ot_content_describe_reviews:
 *
 * Returns: what review by clinicians the pack has had, in sentences for
 * About and the summary: each review with its reviewer's role, day,
 * sections and version, or that none has been recorded.
 */
char *
ot_content_describe_reviews (OtContent *self)
{
  const OtMeta *meta;
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (self != NULL, NULL);

  meta = ot_content_get_meta (self);
  if (meta->reviews == NULL || meta->reviews->len == 0)
    return g_strdup (_("No review of this content by a clinician has been recorded yet."));

  for (guint i = 0; i < meta->reviews->len; i++)
    {
      const OtReview *review = g_ptr_array_index (meta->reviews, i);
      g_autofree char *what = describe_sections (review->sections);
      char date[64];

      /* Translators: how a full date is written, see strftime(). */
      g_date_strftime (date, sizeof date, C_("full date", "%-d %B %Y"), &review->date);
      if (text->len > 0)
        g_string_append_c (text, ' ');
      if (g_strcmp0 (review->version, meta->version) == 0)
        /* Translators: "Medical oncologist, 1 December 2026: reviewed all sections of version 2026.11.0." */
        g_string_append_printf (text, _("%s, %s: reviewed %s of version %s."),
                                review->role, date, what, review->version);
      else
        /* Translators: as above, for a review of an older version of the content. */
        g_string_append_printf (text, _("%s, %s: reviewed %s of version %s, an earlier version."),
                                review->role, date, what, review->version);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}
