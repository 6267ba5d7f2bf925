/* ot-review.h: the sections a clinician reviews, and the reviews a pack has had
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ot-content.h"

G_BEGIN_DECLS

/* A part of the pack as a reviewer sees it; the ids are those of the
 * sections attribute of <review>. */
typedef struct
{
  const char *id;
  const char *title;
} OtReviewSection;

const OtReviewSection *ot_review_get_sections        (guint      *n_sections);
char                  *ot_content_describe_reviews   (OtContent  *self);

G_END_DECLS
