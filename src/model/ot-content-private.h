/* ot-content-private.h: what the reader fills in and the lookups read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ot-content.h"

G_BEGIN_DECLS

struct _OtContent
{
  gatomicrefcount ref_count;

  /* Everything below points into these: freed together, never one by one. */
  GStringChunk *strings;
  GPtrArray    *blocks;
  GPtrArray    *arrays;

  /* The pack's translatable texts, and how many of them the catalogue of
   * the current language lacks. */
  guint         n_texts;
  guint         n_untranslated;

  OtMeta        meta;
  GPtrArray    *topics;
  GPtrArray    *substages;
  GPtrArray    *rows;
  GPtrArray    *categories;
  GPtrArray    *side_effects;
  GPtrArray    *frequencies;
  GPtrArray    *biomarkers;
  GPtrArray    *rules;
  GPtrArray    *conflicts;
  GPtrArray    *outcomes;
  GPtrArray    *values;
  OtText        roles_source;
  GPtrArray    *roles;
  OtText        readiness_source;
  GPtrArray    *readiness;
  GPtrArray    *question_groups;
  GPtrArray    *glossary;
  GPtrArray    *sources;

  GHashTable   *treatment_index;
  GHashTable   *frequency_index;
};

G_END_DECLS
