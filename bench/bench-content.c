/* bench-content.c: loading the shipped content pack, and validating it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints the median of 200 loads in milliseconds: the built-in pack, as at
 * start-up, and the same pack from a file, validated against the schema.
 */

#include "config.h"

#include <stdlib.h>

#include "ot-content.h"

#define RUNS 200

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

typedef OtContent *(*LoadFunc) (void);

static OtContent *
load_built_in (void)
{
  g_autoptr(GError) error = NULL;
  OtContent *content = ot_content_new_default (&error);

  g_assert_no_error (error);
  return content;
}

/* A pack from a file, as a clinic's: read, validated against the schema
 * and checked. */
static OtContent *
load_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (PACK_PATH);
  OtContent *content = ot_content_new_from_file (file, &error);

  g_assert_no_error (error);
  return content;
}

static void
measure (const char *name,
         LoadFunc    load)
{
  double times[RUNS];

  for (guint i = 0; i < RUNS; i++)
    {
      gint64 start = g_get_monotonic_time ();
      OtContent *content = load ();

      times[i] = (g_get_monotonic_time () - start) / 1000.0;
      ot_content_unref (content);
    }
  qsort (times, RUNS, sizeof (double), compare_doubles);
  g_print ("%s %.3f ms (median of %d; min %.3f, max %.3f)\n",
           name, times[RUNS / 2], RUNS, times[0], times[RUNS - 1]);
}

int
main (int   argc,
      char *argv[])
{
  /* The built-in pack was validated when the program was built. */
  measure ("content-load", load_built_in);
  measure ("content-load-validated", load_file);
  return 0;
}
