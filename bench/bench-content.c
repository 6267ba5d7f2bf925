/* bench-content.c: loading and validating the shipped content pack
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints the median of 200 loads in milliseconds.
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

int
main (int   argc,
      char *argv[])
{
  double times[RUNS];

  for (guint i = 0; i < RUNS; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GError) error = NULL;
      g_autoptr(OtContent) content = ot_content_new_default (&error);

      g_assert_no_error (error);
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
    }

  qsort (times, RUNS, sizeof (double), compare_doubles);
  g_print ("content-load %.3f ms (median of %d; min %.3f, max %.3f)\n",
           times[RUNS / 2], RUNS, times[0], times[RUNS - 1]);
  return 0;
}
