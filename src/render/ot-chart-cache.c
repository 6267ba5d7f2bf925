/* ot-chart-cache.c: shaped text kept from one chart layout to the next
 *
 * Shaping text is most of what laying out the chart costs, and a new
 * layout mostly says what the last one said: the data changed in one row,
 * the style changed, or the width changed and only the wrapped texts
 * move.  Each thread keeps the texts of its last two layouts, and a
 * layout takes a text from there when everything that shapes it is the
 * same: the Pango context (and its serial, which changes with the font
 * map, resolution, font options and language), the font, the width, the
 * words and their attributes.  The key says all of that; ot-chart-layout.c
 * makes the keys.
 *
 * A text in the cache is shared, so it is never changed once made; and
 * a layout shares its texts with others made in the same thread with the
 * same context, so a layout is drawn in the thread that made it, or
 * handed whole to another thread when its context and font map are used
 * nowhere else (as ot-flow.c's own fonts are, for the summary's preview).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ot-chart"

#include "config.h"

#include "ot-chart-private.h"

typedef struct
{
  PangoLayout *layout;
  guint        build;    /* the last build that used it */
} Entry;

struct _OtChartTextCache
{
  GHashTable *entries;   /* key → Entry */
  guint       build;     /* counts the layouts made in this thread */
  GString    *key;       /* scratch: the context's part of a key, then the rest */
  gsize       prefix;
};

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_object_unref (entry->layout);
  g_free (entry);
}

static void
cache_free (gpointer data)
{
  OtChartTextCache *cache = data;

  g_hash_table_unref (cache->entries);
  g_string_free (cache->key, TRUE);
  g_free (cache);
}

/* Freed with its thread: an export thread's texts go with it. */
static GPrivate thread_cache = G_PRIVATE_INIT (cache_free);

/**
 * ot_chart_text_cache_begin:
 * @context: the context the layout's texts are shaped with
 *
 * Starts a layout: texts looked up until ot_chart_text_cache_end() are
 * shaped with @context as it is now.
 *
 * Returns: (transfer none): this thread's cache
 */
OtChartTextCache *
ot_chart_text_cache_begin (PangoContext *context)
{
  OtChartTextCache *cache = g_private_get (&thread_cache);

  if (cache == NULL)
    {
      cache = g_new0 (OtChartTextCache, 1);
      cache->entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, entry_free);
      cache->key = g_string_new (NULL);
      g_private_set (&thread_cache, cache);
    }

  cache->build++;
  /* A cached text holds a reference on its context, so the address in
   * its key cannot be reused by another context while the text lives. */
  g_string_printf (cache->key, "%p %u\x1f", (gpointer) context, pango_context_get_serial (context));
  cache->prefix = cache->key->len;
  return cache;
}

static const char *
full_key (OtChartTextCache *cache,
          const char       *key)
{
  g_string_truncate (cache->key, cache->prefix);
  g_string_append (cache->key, key);
  return cache->key->str;
}

/**
 * ot_chart_text_cache_lookup:
 * @key: everything that shapes the text but the context
 * @first_use: (out): whether this build had not used the text yet, so the
 *   layout being built must take a reference of its own
 *
 * Returns: (transfer none) (nullable): the text, shaped
 */
PangoLayout *
ot_chart_text_cache_lookup (OtChartTextCache *cache,
                            const char       *key,
                            gboolean         *first_use)
{
  Entry *entry = g_hash_table_lookup (cache->entries, full_key (cache, key));

  if (entry == NULL)
    return NULL;
  *first_use = entry->build != cache->build;
  entry->build = cache->build;
  return entry->layout;
}

/* Keeps @layout (adding a reference) under @key for this build and the next. */
void
ot_chart_text_cache_add (OtChartTextCache *cache,
                         const char       *key,
                         PangoLayout      *layout)
{
  Entry *entry = g_new (Entry, 1);

  entry->layout = g_object_ref (layout);
  entry->build = cache->build;
  g_hash_table_replace (cache->entries, g_strdup (full_key (cache, key)), entry);
}

static gboolean
is_stale (gpointer key,
          gpointer value,
          gpointer data)
{
  const Entry *entry = value;
  guint build = GPOINTER_TO_UINT (data);

  return entry->build + 1 < build;
}

/* Ends a layout: texts that neither it nor the one before used go. */
void
ot_chart_text_cache_end (OtChartTextCache *cache)
{
  g_hash_table_foreach_remove (cache->entries, is_stale, GUINT_TO_POINTER (cache->build));
}
