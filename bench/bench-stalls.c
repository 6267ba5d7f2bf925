/* bench-stalls.c: how long the window's main loop is held, at most, by
 * each thing a person does with a worksheet at the reader's limits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-stalls [--runs N] [--prose] [--trace]
 *
 * Opens a worksheet at every limit the reader allows, with every option
 * of the pack compared, then goes through the views as Alt+1 … Alt+5 do,
 * lays the summary out in full and in large print, scrolls the preview to
 * its end, and types in the notes.  A timeout every 10 ms notes the
 * longest gap between its calls while each step runs and settles: the
 * longest time the window could not answer.  Prints, for each step, the
 * median over the runs and the longest, and the median of the longest
 * frame (measuring, laying out and drawing); the step "nothing" shows
 * what the machine's load alone holds the main loop for.  Last, with What
 * Matters to Me shown, it opens a second worksheet at the limits whose
 * own values and questions say other words, and then the first again:
 * every own row changes.
 *
 * With --prose the notes and next steps are as long, but written as
 * people write (words, lines), not as one word or letters under marks.
 *
 * With --trace, each step also prints how long its own call took, each
 * gap of over 30 ms with when it began after the step started, and each
 * frame of over 30 ms by the frame clock's phases: "update" (tick
 * callbacks, then the styles made valid), "layout" (measuring and
 * allocating), "paint" (the snapshot, drawn).  A gap before a step's
 * first frame is work outside the frame clock: on X11, GTK measuring the
 * whole window's size before the frame.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>

#include "ot-application.h"
#include "ot-summary-view.h"
#include "ot-test-worksheet.h"
#include "ot-window.h"
#include "ot-worksheet-io.h"

#define TICK_MS 10

typedef void (*StepFunc) (OtWindow *window);

typedef struct
{
  const char *name;
  StepFunc    func;
  guint       settle_ms;   /* the main loop runs this long after the step */
} Step;

static int runs = 3;
static gboolean prose;
static gboolean trace;
static GFile *worksheet_file;
static GFile *other_file;       /* as many own items, other words */
static OtApplication *app;

static gint64 last_tick;
static gint64 step_start;
static gint64 longest;
static gint64 frame_start;
static gint64 longest_frame;    /* of the stall, in the frame clock's phases */
static gint64 update_end;       /* of the frame being made */
static gint64 layout_end;
static guint step_index;
static int run_index;
static GArray **stalls;     /* per step, of double, in ms */
static GArray **frames;     /* per step, the longest frame, in ms */

static gboolean
tick_cb (gpointer data)
{
  gint64 now = g_get_monotonic_time ();

  if (trace && step_start > 0 && now - last_tick > 30000)
    g_print ("  gap of %.1f ms from %.1f ms\n", (now - last_tick) / 1000.0, (last_tick - step_start) / 1000.0);
  longest = MAX (longest, now - last_tick);
  last_tick = now;
  return G_SOURCE_CONTINUE;
}

/* The frame clock's work on a frame: measuring, laying out, drawing. */
static void
before_paint_cb (GdkFrameClock *clock)
{
  frame_start = update_end = layout_end = g_get_monotonic_time ();
}

/* Connected after GTK's own handlers: the end of each phase. */
static void
update_cb (GdkFrameClock *clock)
{
  update_end = layout_end = g_get_monotonic_time ();
}

static void
layout_cb (GdkFrameClock *clock)
{
  layout_end = g_get_monotonic_time ();
}

static void
after_paint_cb (GdkFrameClock *clock)
{
  gint64 now = g_get_monotonic_time ();

  if (frame_start == 0)
    return;
  longest_frame = MAX (longest_frame, now - frame_start);
  if (trace && now - frame_start > 30000)
    g_print ("  frame of %.1f ms from %.1f ms: update %.1f, layout %.1f, paint %.1f\n",
             (now - frame_start) / 1000.0, (frame_start - step_start) / 1000.0,
             (update_end - frame_start) / 1000.0, (layout_end - update_end) / 1000.0, (now - layout_end) / 1000.0);
  frame_start = 0;
}

static GtkWidget *
find_type (GtkWidget *root,
           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_type (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *buildable_id)
{
  if (g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (root)), buildable_id) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, buildable_id);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
open_file (OtWindow *window)
{
  ot_window_open_file (window, worksheet_file);
}

static void
open_other (OtWindow *window)
{
  ot_window_open_file (window, other_file);
}

static void
show_view (OtWindow   *window,
           const char *name)
{
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", name);
}

static void show_situation (OtWindow *window) { show_view (window, "situation"); }
static void show_options (OtWindow *window) { show_view (window, "options"); }
static void show_effects (OtWindow *window) { show_view (window, "side-effects"); }
static void show_values (OtWindow *window) { show_view (window, "values"); }
static void show_summary (OtWindow *window) { show_view (window, "summary"); }

static void
summary_action (OtWindow   *window,
                const char *action)
{
  gtk_widget_activate_action (find_type (GTK_WIDGET (window), OT_TYPE_SUMMARY_VIEW), action, NULL);
}

static void summary_full (OtWindow *window) { summary_action (window, "summary.full"); }
static void summary_large (OtWindow *window) { summary_action (window, "summary.large-print"); }

/* Down the preview a screen at a time, every 100 ms: each page is drawn
 * as it comes into view. */
static gboolean
scroll_cb (gpointer data)
{
  GtkAdjustment *adjustment = data;
  double value = gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment);

  gtk_adjustment_set_value (adjustment, value);
  return value + gtk_adjustment_get_page_size (adjustment) < gtk_adjustment_get_upper (adjustment)
         ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static void
scroll_summary (OtWindow *window)
{
  GtkWidget *view = find_type (GTK_WIDGET (window), OT_TYPE_SUMMARY_VIEW);
  GtkWidget *scroller = find_type (view, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

  gtk_adjustment_set_value (adjustment, 0);
  g_timeout_add_full (G_PRIORITY_DEFAULT, 100, scroll_cb, g_object_ref (adjustment), g_object_unref);
}

/* A key every 80 ms, as a quick typist: a letter taken back, then one
 * typed, so the notes stay at their limit. */
static gboolean
type_cb (gpointer data)
{
  GtkTextView *notes = data;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (notes);
  guint *keys = g_object_get_data (G_OBJECT (notes), "bench-keys");
  GtkTextIter cursor;

  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  if (*keys % 2 == 0)
    gtk_text_buffer_backspace (buffer, &cursor, TRUE, TRUE);
  else
    gtk_text_buffer_insert_interactive_at_cursor (buffer, "a", 1, TRUE);

  return ++*keys < 40 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static void
type_notes (OtWindow *window)
{
  GtkWidget *notes = find_named (GTK_WIDGET (window), "notes_view");
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (notes));
  GtkTextIter end;

  gtk_widget_grab_focus (notes);
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);
  g_object_set_data_full (G_OBJECT (notes), "bench-keys", g_new0 (guint, 1), g_free);
  g_timeout_add_full (G_PRIORITY_DEFAULT, 80, type_cb, g_object_ref (notes), g_object_unref);
}

/* Nothing: what the machine's load alone holds the main loop for. */
static void
rest (OtWindow *window)
{
}

static const Step steps[] = {
  { "nothing",              rest,            1000 },
  { "open",                 open_file,       2500 },
  { "alt-1-situation",      show_situation,  1000 },
  { "alt-2-options",        show_options,    1000 },
  { "alt-3-side-effects",   show_effects,    1000 },
  { "alt-4-values",         show_values,     1000 },
  { "alt-5-summary",        show_summary,    3000 },
  { "summary-full",         summary_full,    4000 },
  { "summary-scroll",       scroll_summary,  5000 },
  { "summary-large-print",  summary_large,   4000 },
  { "alt-4-notes-typing",   show_values,     1000 },
  { "notes-typing",         type_notes,      4500 },
  { "open-other-values",    open_other,      4000 },
  { "open-again-values",    open_file,       4000 },
};

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static gboolean run_step_cb (gpointer data);

/* The step has settled: its longest stall is noted, and the next starts. */
static gboolean
step_done_cb (gpointer data)
{
  double ms = longest / 1000.0;
  double frame_ms = longest_frame / 1000.0;

  g_array_append_val (stalls[step_index], ms);
  g_array_append_val (frames[step_index], frame_ms);
  if (++step_index == G_N_ELEMENTS (steps))
    {
      step_index = 0;
      if (++run_index == runs)
        {
          g_application_quit (G_APPLICATION (app));
          return G_SOURCE_REMOVE;
        }
      /* Each run starts from the hand-out again. */
      summary_full (data);
      summary_large (data);
    }

  g_idle_add_full (G_PRIORITY_LOW, run_step_cb, data, NULL);
  return G_SOURCE_REMOVE;
}

static gboolean
run_step_cb (gpointer data)
{
  OtWindow *window = data;
  const Step *step = &steps[step_index];

  last_tick = step_start = g_get_monotonic_time ();
  longest = 0;
  longest_frame = 0;
  step->func (window);
  if (trace)
    g_print ("%s: its call %.1f ms\n", step->name, (g_get_monotonic_time () - step_start) / 1000.0);
  g_timeout_add (step->settle_ms, step_done_cb, window);
  return G_SOURCE_REMOVE;
}

static void
watch_frames (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_signal_connect (clock, "before-paint", G_CALLBACK (before_paint_cb), NULL);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);
  g_signal_connect_after (clock, "update", G_CALLBACK (update_cb), NULL);
  g_signal_connect_after (clock, "layout", G_CALLBACK (layout_cb), NULL);
}

static void
activate_cb (GApplication *application)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (application));

  gtk_window_set_default_size (window, 1100, 720);
  if (gtk_widget_get_realized (GTK_WIDGET (window)))
    watch_frames (GTK_WIDGET (window));
  else
    g_signal_connect (window, "realize", G_CALLBACK (watch_frames), NULL);
  g_timeout_add_full (G_PRIORITY_HIGH, TICK_MS, tick_cb, NULL, NULL);
  /* Started once the window is up and idle. */
  g_timeout_add (1000, run_step_cb, window);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      remove_tree (child);
    }
  g_remove (path);
}

/* The worksheet at the limits, every option of the pack compared; with
 * @other, its own values and questions in other words. */
static GFile *
write_worksheet (const char *path,
                 gboolean    other)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OtContent) content = ot_content_new_default (&error);
  g_autoptr(OtWorksheet) worksheet = ot_worksheet_new ();
  g_autoptr(GPtrArray) categories = g_ptr_array_new ();
  g_autoptr(GPtrArray) treatments = g_ptr_array_new ();
  GPtrArray *all;
  GFile *file;

  if (content == NULL)
    g_error ("%s", error->message);

  ot_test_worksheet_fill_limits (worksheet);
  if (other)
    {
      GPtrArray *values = ot_worksheet_get_own_values (worksheet);
      GPtrArray *questions = ot_worksheet_get_own_questions (worksheet);

      for (guint i = 0; i < values->len; i++)
        {
          OtOwnItem *item = values->pdata[i];
          g_autofree char *text = g_strnfill (g_utf8_strlen (item->text, -1), 'v');

          ot_worksheet_set_own_value (worksheet, i, text, item->rating);
        }
      for (guint i = 0; i < questions->len; i++)
        {
          OtOwnItem *item = questions->pdata[i];
          g_autofree char *text = g_strnfill (g_utf8_strlen (item->text, -1), 'k');

          ot_worksheet_set_own_question (worksheet, i, text, item->asked);
        }
    }
  if (prose)
    {
      g_autoptr(OtWorksheet) words = ot_worksheet_new ();

      ot_test_worksheet_add_long (words, 0, OT_WORKSHEET_MAX_NOTES);
      ot_worksheet_set_notes (worksheet, ot_worksheet_get_notes (words));
      ot_worksheet_set_next_steps (worksheet, ot_worksheet_get_notes (words));
    }
  all = ot_content_get_categories (content);
  for (guint i = 0; i < all->len; i++)
    {
      OtCategory *category = all->pdata[i];

      g_ptr_array_add (categories, (gpointer) category->id);
      for (guint j = 0; j < category->treatments->len; j++)
        g_ptr_array_add (treatments, (gpointer) ((OtTreatment *) category->treatments->pdata[j])->id);
    }
  g_ptr_array_add (categories, NULL);
  g_ptr_array_add (treatments, NULL);
  ot_worksheet_set_compared_categories (worksheet, (const char * const *) categories->pdata);
  ot_worksheet_set_compared_treatments (worksheet, (const char * const *) treatments->pdata);

  file = g_file_new_for_path (path);
  if (!ot_worksheet_io_save (worksheet, file, &error))
    g_error ("%s", error->message);
  return file;
}

int
main (int   argc,
      char *argv[])
{
  const GOptionEntry entries[] = {
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Times to go through every step", "N" },
    { "prose", 0, 0, G_OPTION_ARG_NONE, &prose, "Notes of words and lines, not one long word", NULL },
    { "trace", 0, 0, G_OPTION_ARG_NONE, &trace, "Print each long gap and frame, by the frame clock's phases", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- the longest stalls of the main loop");
  g_autoptr(GError) error = NULL;
  g_autofree char *home = NULL;
  g_autofree char *path = NULL;
  g_autofree char *other_path = NULL;
  char *app_argv[] = { argv[0], NULL };
  int status;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || runs < 1)
    {
      g_printerr ("%s\n", error ? error->message : "--runs must be at least 1");
      return EXIT_FAILURE;
    }

  /* The autosave and the recent files go to a folder of the bench's own. */
  home = g_dir_make_tmp ("bench-stalls-XXXXXX", &error);
  if (home == NULL)
    g_error ("%s", error->message);
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  g_setenv ("XDG_STATE_HOME", home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", home, TRUE);
  path = g_build_filename (home, "limits.optiontalk", NULL);
  worksheet_file = write_worksheet (path, FALSE);
  other_path = g_build_filename (home, "other.optiontalk", NULL);
  other_file = write_worksheet (other_path, TRUE);

  stalls = g_new0 (GArray *, G_N_ELEMENTS (steps));
  frames = g_new0 (GArray *, G_N_ELEMENTS (steps));
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      stalls[i] = g_array_new (FALSE, FALSE, sizeof (double));
      frames[i] = g_array_new (FALSE, FALSE, sizeof (double));
    }

  app = ot_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (app, "activate", G_CALLBACK (activate_cb), NULL);
  status = g_application_run (G_APPLICATION (app), 1, app_argv);

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_array_sort (stalls[i], compare_doubles);
      g_array_sort (frames[i], compare_doubles);
      g_print ("stall %-22s %7.1f ms (median of %u runs; longest %.1f; longest frame %.1f)\n", steps[i].name,
               g_array_index (stalls[i], double, stalls[i]->len / 2), stalls[i]->len,
               g_array_index (stalls[i], double, stalls[i]->len - 1),
               g_array_index (frames[i], double, frames[i]->len / 2));
      g_array_unref (stalls[i]);
      g_array_unref (frames[i]);
    }
  g_free (stalls);
  g_free (frames);

  g_clear_object (&app);
  g_clear_object (&worksheet_file);
  g_clear_object (&other_file);
  remove_tree (home);
  return status;
}
