/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "ot-application.h"
#include "ot-cli.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(OtApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, ot_application_get_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_application_name (_("Option Talk"));
  app = ot_application_new ();

  return ot_cli_run (G_APPLICATION (app), argc, argv);
}
