/* test-language.c: one language on every page, under a real Spanish locale
 *
 * Run with LC_ALL=es_ES.UTF-8 LANGUAGE=es (tests/meson.build).  Each case
 * runs in a process of its own: falling back to English changes the
 * process's locale.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "ot-test-pack.h"
#include "ot-test-ui.h"

/* Strings a person sees on each view: one of the interface, one of the
 * content pack. */
typedef struct
{
  const char *view;
  const char *english[2];
  const char *spanish[2];
} Known;

static const Known known[] = {
  { "situation", { "The Decision in Front of You", "What stage IV means" },
                 { "La decisión que tiene por delante", "Qué significa el estadio IV" } },
  { "options",   { "Compare: choose two to four, or none to see all", "Chemotherapy" },
                 { "Comparar: elija de dos a cuatro, o ninguna para verlas todas", "Quimioterapia" } },
  { "side-effects", { "How Many in 100 People Get Each Side Effect", "Diarrhea" },
                 { "Cuántas de cada 100 personas tienen cada efecto secundario", "Diarrea" } },
  { "values",    { "What Matters Most to Me", "Keeping a good quality of life" },
                 { "Lo que más me importa", "Mantener una buena calidad de vida" } },
  { "summary",   { "Paper Size", "A4" },
                 { "Tamaño del papel", "A4" } },
};

static const char about_note[] = "The clinical information is not yet available in the language of this computer";

/* Every text of every label under @root, shown or not, one a line. */
static void
collect_text (GtkWidget *root,
              GString   *text)
{
  if (GTK_IS_LABEL (root))
    g_string_append_printf (text, "%s\n", gtk_label_get_text (GTK_LABEL (root)));

  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    collect_text (child, text);
}

static char *
widget_text (GtkWidget *root)
{
  GString *text = g_string_new (NULL);

  collect_text (root, text);
  return g_string_free (text, FALSE);
}

/* The About window's text, the legal sections included. */
static char *
about_text (OtApplication *app)
{
  GtkWindow *about = NULL;
  g_autofree char *labels = NULL;
  GList *toplevels;
  char *text;

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  ot_test_ui_wait ();
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l; l = l->next)
    if (ADW_IS_ABOUT_WINDOW (l->data))
      about = l->data;
  g_list_free (toplevels);
  g_assert_nonnull (about);

  labels = widget_text (GTK_WIDGET (about));
  text = g_strconcat (adw_about_window_get_comments (ADW_ABOUT_WINDOW (about)), "\n", labels, NULL);
  gtk_window_destroy (about);
  return text;
}

/* Each view shows the strings of one language and none of the other. */
static void
check_views (OtWindow *window,
             gboolean  spanish)
{
  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    {
      g_autofree char *text = widget_text (ot_test_ui_show_view (window, known[i].view));
      const char * const *wanted = spanish ? known[i].spanish : known[i].english;
      const char * const *other = spanish ? known[i].english : known[i].spanish;

      for (guint j = 0; j < G_N_ELEMENTS (known[i].english); j++)
        {
          if (strstr (text, wanted[j]) == NULL)
            g_error ("The %s view does not show “%s”", known[i].view, wanted[j]);
          if (!g_str_equal (wanted[j], other[j]) && strstr (text, other[j]) != NULL)
            g_error ("The %s view shows “%s”", known[i].view, other[j]);
        }
    }
}

/* Longer Spanish words must not force the window wider than the screens
 * of a consultation room or a phone; a picture of every view at each size,
 * screenshots/es-VIEW-WxH.png, is for a person to look at. */
static void
check_sizes (OtWindow *window)
{
  static const int sizes[][2] = { { 1280, 800 }, { 1024, 600 }, { 400, 800 } };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      int min_width;

      gtk_window_set_default_size (GTK_WINDOW (window), sizes[i][0], sizes[i][1]);
      ot_test_ui_wait ();
      for (guint j = 0; j < G_N_ELEMENTS (known); j++)
        {
          g_autofree char *name = g_strdup_printf ("es-%s-%dx%d", known[j].view, sizes[i][0], sizes[i][1]);

          ot_test_ui_show_view (window, known[j].view);
          gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
          if (min_width > sizes[i][0])
            g_error ("The %s view needs %d pixels, wider than %d", known[j].view, min_width, sizes[i][0]);
          ot_test_ui_screenshot (GTK_WIDGET (window), name);
        }
    }
}

static void
check_spanish (OtApplication *app,
               OtWindow      *window)
{
  g_autofree char *about = NULL;

  check_views (window, TRUE);
  /* The validated questionnaires have no published Spanish version: a
   * note in Spanish, never their English wording. */
  {
    g_autofree char *values = widget_text (ot_test_ui_show_view (window, "values"));

    g_assert_nonnull (strstr (values, "(la Escala de Preferencias de Control)"));
    g_assert_nonnull (strstr (values, "(la prueba SURE)"));
    g_assert_null (strstr (values, "I prefer"));
    g_assert_null (strstr (values, "Do you feel SURE"));
  }
  check_sizes (window);
  about = about_text (app);
  g_assert_nonnull (strstr (about, "Revise las opciones de tratamiento"));
  g_assert_null (strstr (about, about_note));
}

static void
check_english (OtApplication *app,
               OtWindow      *window)
{
  g_autofree char *about = NULL;

  check_views (window, FALSE);
  about = about_text (app);
  g_assert_nonnull (strstr (about, "Talk through the treatment options"));
  /* Said once, in the About window. */
  g_assert_nonnull (strstr (about, about_note));
  g_assert_null (strstr (strstr (about, about_note) + 1, about_note));
}

/* The shipped pack is translated entirely: Spanish on every view. */
static void
test_spanish (void)
{
  if (g_test_subprocess ())
    {
      ot_test_ui_run (check_spanish);
      return;
    }

  g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC,
                          G_TEST_SUBPROCESS_INHERIT_STDOUT | G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* The shipped pack with one text the Spanish catalogue lacks: English on
 * every view, the interface included, and the About window says why. */
static void
test_one_untranslated (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *dir = g_dir_make_tmp ("ot-language-XXXXXX", NULL);
      g_autofree char *pack = ot_test_pack_one_untranslated (dir);

      ot_test_ui_run_args (check_english, "--content", pack, NULL);

      g_unlink (pack);
      g_rmdir (dir);
      return;
    }

  g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC,
                          G_TEST_SUBPROCESS_INHERIT_STDOUT | G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("OPTION_TALK_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (!ot_test_ui_init (&argc, &argv))
    return 0;

  /* A real Spanish locale, as build-aux/deps.sh makes: under C.UTF-8 the
   * month names stay English and Debian 13 ignores LANGUAGE. */
  if (!g_str_has_prefix (setlocale (LC_MESSAGES, NULL), "es_ES"))
    g_error ("The es_ES.UTF-8 locale is missing: run build-aux/deps.sh test");

  g_test_add_func ("/language/spanish", test_spanish);
  g_test_add_func ("/language/one-untranslated", test_one_untranslated);

  return g_test_run ();
}
