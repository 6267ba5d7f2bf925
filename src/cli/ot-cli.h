/* ot-cli.h: the command-line tools, which need no display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Exit statuses, as other command-line programs use them. */
#define OT_EXIT_FAILURE 1     /* the task could not be done */
#define OT_EXIT_USAGE   2     /* the command line itself is wrong */

int          ot_cli_run                  (GApplication  *app,
                                          int            argc,
                                          char         **argv);

G_END_DECLS
