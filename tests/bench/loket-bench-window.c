/* loket-bench-window.c: the window's benchmarks of issue 3, at a million
 * members, each beside a named baseline measured in the same run:
 *
 *  - start-up: from spawning the process to the window's first painted
 *    frame, median of several starts; baseline: the same program showing a
 *    bare window with an empty column view and no database.
 *  - keystroke: from typing into the search field to the next painted frame
 *    showing the new results; baseline: the same search run on the member
 *    list alone (the store's work, without the widgets).
 *  - memory: resident memory after scrolling the whole list (the view jumped
 *    through its length, and every row asked of the model); baseline: the
 *    resident memory when the window first showed.
 *
 * Runs under a display (xvfb-run); see run-window-bench.sh. */
#include <adwaita.h>
#include <stdio.h>

#include "loket-member-list.h"
#include "loket-members-page.h"
#include "loket-store.h"
#include "loket-window.h"

static gboolean painted;

static void
after_paint (GdkFrameClock *clock,
             gpointer       user_data)
{
  painted = TRUE;
}

/* Runs the main loop until the window has painted a frame. */
static void
wait_for_frame (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  painted = FALSE;
  if (clock != NULL)
    gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
}

static void
connect_frames (GtkWidget *window)
{
  while (gtk_widget_get_frame_clock (window) == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (after_paint), NULL);
}

static gint64
resident_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmRSS:");
  return line ? g_ascii_strtoll (line + strlen ("VmRSS:"), NULL, 10) : -1;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static double
percentile (GArray *samples,
            double  fraction)
{
  guint rank;

  if (samples->len == 0)
    return 0;
  g_array_sort (samples, compare_doubles);
  rank = (guint) (fraction * samples->len + 0.999999);
  return g_array_index (samples, double, CLAMP (rank, 1, samples->len) - 1);
}

static LoketMembersPage *
find_members_page (GtkWidget *widget)
{
  if (LOKET_IS_MEMBERS_PAGE (widget))
    return LOKET_MEMBERS_PAGE (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      LoketMembersPage *found = find_members_page (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_scrollable (GtkWidget *widget)
{
  if (GTK_IS_COLUMN_VIEW (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_scrollable (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* ---- the child: one start-up ------------------------------------------ */

static int
child_startup (const char *db,
               gboolean    baseline)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LoketStore) store = NULL;
  GtkWidget *window;

  gtk_init ();
  adw_init ();

  if (baseline)
    {
      GtkWidget *view = gtk_column_view_new (NULL);
      GtkWidget *scrolled = gtk_scrolled_window_new ();

      window = adw_application_window_new (NULL);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
      adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), scrolled);
    }
  else
    {
      store = loket_store_open (db, &error);
      if (store == NULL)
        g_error ("%s", error->message);
      window = GTK_WIDGET (loket_window_new (NULL, store, NULL));
    }

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  gtk_window_present (GTK_WINDOW (window));
  connect_frames (window);
  wait_for_frame (window);
  printf ("FRAME %" G_GINT64_FORMAT " RSS %" G_GINT64_FORMAT "\n", g_get_monotonic_time (), resident_kb ());
  fflush (stdout);
  return 0;
}

/* ---- the driver -------------------------------------------------------- */

static double
one_startup (const char *self_path,
             const char *db,
             gboolean    baseline)
{
  const char *argv[] = { self_path, "--child-startup", "--db", db, baseline ? "--baseline" : NULL, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  gint64 started = g_get_monotonic_time ();
  int status;
  const char *frame;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                     &out, NULL, &status, &error))
    g_error ("%s", error->message);
  frame = strstr (out ? out : "", "FRAME ");
  if (frame == NULL)
    g_error ("the child painted no frame: %s", out);
  return (g_ascii_strtoll (frame + strlen ("FRAME "), NULL, 10) - started) / 1000.0;
}

/* Prefixes a clerk types, letter by letter, of names in the database. */
static GPtrArray *
typed_queries (LoketStore *store,
               guint       count)
{
  GPtrArray *queries = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  gint64 n = loket_store_count_members (store, NULL);

  while (queries->len < count)
    {
      gint64 id = g_rand_int_range (rand, 1, (gint32) MAX (2, MIN (n, G_MAXINT32)));
      g_autoptr(GPtrArray) found = loket_store_load_members (store, &id, 1, NULL);
      const char *name;
      guint letters;

      if (found == NULL || found->len == 0)
        continue;
      name = ((LoketMember *) g_ptr_array_index (found, 0))->name;
      for (letters = 1; letters <= 6 && queries->len < count; letters++)
        g_ptr_array_add (queries, g_utf8_substring (name, 0, letters));
      g_ptr_array_add (queries, g_strdup (""));
    }
  return queries;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *db = NULL;
  gboolean child = FALSE, baseline = FALSE, json = FALSE;
  int starts = 7, keystrokes = 300, scroll_steps = 2000;
  GOptionEntry entries[] = {
    { "db", 'd', 0, G_OPTION_ARG_FILENAME, &db, "Database made by loket-bench-generate", "FILE" },
    { "starts", 0, 0, G_OPTION_ARG_INT, &starts, "Start-ups per side (default 7)", "N" },
    { "keystrokes", 0, 0, G_OPTION_ARG_INT, &keystrokes, "Keystrokes timed (default 300)", "N" },
    { "scroll-steps", 0, 0, G_OPTION_ARG_INT, &scroll_steps, "Jumps through the list (default 2000)", "N" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print a JSON object on stdout", NULL },
    { "child-startup", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, &child, NULL, NULL },
    { "baseline", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, &baseline, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— the window's benchmarks");
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) loket_starts = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) bare_starts = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) key_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) model_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(LoketStore) store = NULL;
  g_autoptr(GPtrArray) queries = NULL;
  g_autoptr(LoketMemberList) bare_list = NULL;
  GtkWidget *window, *view;
  LoketMembersPage *page;
  GtkAdjustment *adjustment;
  GListModel *results;
  gint64 rss_shown, rss_scrolled, rss_peak, members;
  guint n_items;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || db == NULL)
    {
      g_printerr ("%s\n", error ? error->message : "--db is required");
      return 2;
    }
  if (child)
    return child_startup (db, baseline);

  /* Start-up, alternating sides so that caches warm both alike. */
  for (int i = 0; i < starts; i++)
    for (int side = 0; side < 2; side++)
      {
        gboolean bare = (side == 0) == (i % 2 == 0);
        double ms = one_startup (argv[0], db, bare);
        g_array_append_val (bare ? bare_starts : loket_starts, ms);
      }

  gtk_init ();
  adw_init ();
  store = loket_store_open (db, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  members = loket_store_count_members (store, NULL);

  window = GTK_WIDGET (loket_window_new (NULL, store, NULL));
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  gtk_window_present (GTK_WINDOW (window));
  connect_frames (window);
  wait_for_frame (window);
  rss_shown = resident_kb ();
  page = find_members_page (window);
  results = loket_members_page_get_results (page);

  /* Keystrokes: the text changes, the list follows, a frame is painted. */
  queries = typed_queries (store, keystrokes);
  for (guint i = 0; i < queries->len; i++)
    {
      gint64 t0 = g_get_monotonic_time ();

      gtk_editable_set_text (loket_members_page_get_search_entry (page), g_ptr_array_index (queries, i));
      wait_for_frame (window);
      /* The frame must show this query's results, not the previous one's. */
      if (g_strcmp0 (loket_member_list_get_query (LOKET_MEMBER_LIST (results)), g_ptr_array_index (queries, i)) != 0)
        wait_for_frame (window);
      {
        double ms = (g_get_monotonic_time () - t0) / 1000.0;
        g_array_append_val (key_ms, ms);
      }
    }

  /* Baseline: the same searches on the list alone, first page loaded. */
  bare_list = loket_member_list_new (store, 500);
  for (guint i = 0; i < queries->len; i++)
    {
      gint64 t0 = g_get_monotonic_time ();
      g_autoptr(LoketMember) first = NULL;
      double ms;

      loket_member_list_set_query (bare_list, g_ptr_array_index (queries, i), NULL);
      for (guint row = 0; row < MIN (64, g_list_model_get_n_items (G_LIST_MODEL (bare_list))); row++)
        {
          g_clear_object (&first);
          first = g_list_model_get_item (G_LIST_MODEL (bare_list), row);
        }
      ms = (g_get_monotonic_time () - t0) / 1000.0;
      g_array_append_val (model_ms, ms);
    }

  /* Scrolling everyone: jump the view through the list, then ask the model
   * for every row, as a clerk holding the scrollbar would, a page at a time. */
  gtk_editable_set_text (loket_members_page_get_search_entry (page), "");
  wait_for_frame (window);
  view = find_scrollable (window);
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  rss_peak = resident_kb ();
  for (int step = 0; step <= scroll_steps; step++)
    {
      double upper = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);
      gtk_adjustment_set_value (adjustment, upper * step / scroll_steps);
      wait_for_frame (window);
      rss_peak = MAX (rss_peak, resident_kb ());
    }
  n_items = g_list_model_get_n_items (results);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (results, i);
      if (i % 65536 == 0)
        rss_peak = MAX (rss_peak, resident_kb ());
    }
  rss_scrolled = resident_kb ();
  rss_peak = MAX (rss_peak, rss_scrolled);

  {
    double start_loket = percentile (loket_starts, 0.5), start_bare = percentile (bare_starts, 0.5);
    double key_median = percentile (key_ms, 0.5), key_p99 = percentile (key_ms, 0.99);
    double model_median = percentile (model_ms, 0.5), model_p99 = percentile (model_ms, 0.99);

    g_printerr ("Loket window benchmark: %" G_GINT64_FORMAT " members, %u rows in the list\n\n", members, n_items);
    g_printerr ("start-up to first frame   Loket %7.1f ms   bare window %7.1f ms   ratio %.2f   (median of %d; target < 500 ms)\n",
                start_loket, start_bare, start_loket / start_bare, starts);
    g_printerr ("keystroke to frame        median %6.2f ms  p99 %6.2f ms   list alone median %6.2f ms  p99 %6.2f ms   ratio %.2f   (%u keystrokes; target < 50 ms)\n",
                key_median, key_p99, model_median, model_p99, key_median / model_median, queries->len);
    g_printerr ("memory                    shown %6.1f MB   after scrolling %6.1f MB (peak %6.1f MB)   ratio %.2f   (target < 200 MB)\n",
                rss_shown / 1024.0, rss_scrolled / 1024.0, rss_peak / 1024.0, (double) rss_scrolled / rss_shown);
    if (json)
      printf ("{\"members\": %" G_GINT64_FORMAT ", \"startup_ms\": %.1f, \"startup_bare_ms\": %.1f,"
              " \"keystroke_median_ms\": %.2f, \"keystroke_p99_ms\": %.2f,"
              " \"list_alone_median_ms\": %.2f, \"list_alone_p99_ms\": %.2f,"
              " \"rss_shown_mb\": %.1f, \"rss_scrolled_mb\": %.1f, \"rss_peak_mb\": %.1f}\n",
              members, start_loket, start_bare, key_median, key_p99, model_median, model_p99,
              rss_shown / 1024.0, rss_scrolled / 1024.0, rss_peak / 1024.0);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
