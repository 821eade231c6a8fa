/* test-ui-cards.c: printing a membership card from the member page, as the
 * clerk does it: the preview drawn from the PDF, saving, reprinting with a
 * reason, and a printer that fails the job. When LOKET_TEST_PRINTER names a
 * CUPS queue (the cups-pdf virtual printer .ci/run sets up) and
 * LOKET_TEST_PRINTER_OUTPUT the folder its PDFs land in, a card is printed
 * through it for real and the PDF that arrives is read back. */
#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "loket-card-payload.h"
#include "loket-card-print-window.h"
#include "loket-kpj.h"
#include "loket-preferences-window.h"
#include "loket-member-page.h"
#include "loket-store-cards.h"
#include "loket-store-cooperatives.h"
#include "loket-store-private.h"
#include "loket-test-util.h"
#include "loket-ui-test-util.h"
#include "loket-window.h"

typedef struct {
  LoketStore  *store;
  LoketWindow *window;
  LoketMember *member;
  char        *folder;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->store = loket_test_open_store (NULL);
  fixture->folder = loket_test_make_folder ();
  loket_store_set_setting (fixture->store, LOKET_SETTING_BRANCH_NAME, "KCP Selong", NULL);
  fixture->member = loket_test_register (fixture->store, "5203015205900002", "Baiq Nurul Aini",
                                         "1990-05-12", 'P', "2026-11-23");

  fixture->window = loket_window_new (NULL, fixture->store, NULL);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1100, 720);
  gtk_window_present (GTK_WINDOW (fixture->window));
  loket_window_show_member (fixture->window, fixture->member);
  loket_ui_test_wait (200);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  loket_ui_test_wait (50);
  g_clear_object (&fixture->member);
  g_free (fixture->folder);
  g_assert_finalize_object (fixture->store);
}

/* Ctrl+P on the member page opens the preview. */
static LoketCardPrintWindow *
open_print_window (Fixture *fixture)
{
  GtkWidget *page = loket_ui_test_find (GTK_WIDGET (fixture->window), LOKET_TYPE_MEMBER_PAGE);
  LoketCardPrintWindow *window;

  g_assert_nonnull (page);
  g_assert_true (gtk_widget_activate_action (page, "member.print-card", NULL));
  loket_ui_test_wait (200);
  window = LOKET_CARD_PRINT_WINDOW (loket_ui_test_find_window (LOKET_TYPE_CARD_PRINT_WINDOW));
  g_assert_nonnull (window);
  return window;
}

static guint
count_prints (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) prints = loket_store_list_card_prints (fixture->store, fixture->member->id, &error);

  g_assert_no_error (error);
  return prints->len;
}

static gboolean
window_closed (gpointer data)
{
  return LOKET_CARD_PRINT_WINDOW (loket_ui_test_find_window (LOKET_TYPE_CARD_PRINT_WINDOW)) == NULL;
}

static void
test_preview_and_save (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *first = g_build_filename (fixture->folder, "kartu.pdf", NULL);
  g_autofree char *again = g_build_filename (fixture->folder, "kartu-lagi.pdf", NULL);
  g_autofree char *untranslated = NULL;
  g_autoptr(GdkTexture) shot = NULL;
  g_autoptr(GPtrArray) prints = NULL;
  LoketCardPrintWindow *window = open_print_window (fixture);
  GtkWidget *reason_row;

  /* The preview is the PDF itself, drawn. */
  g_assert_cmpuint (loket_card_print_window_get_page_count (window), ==, 1);
  g_assert_cmpuint (loket_card_print_window_get_preview_count (window), ==, 1);
  g_assert_true (g_file_test (loket_card_print_window_get_pdf_path (window), G_FILE_TEST_IS_REGULAR));
  g_assert_nonnull (loket_ui_test_find (GTK_WIDGET (window), GTK_TYPE_PICTURE));
  g_assert_false (loket_card_print_window_is_reprint (window));
  untranslated = loket_ui_test_find_untranslated (GTK_WIDGET (window));
  g_assert_cmpstr (untranslated, ==, "");
  shot = loket_ui_test_snapshot (GTK_WIDGET (window), "card-preview");
  g_assert_nonnull (shot);

  g_assert_true (loket_card_print_window_save_to (window, first));
  loket_ui_test_wait_until (window_closed, NULL, 2000);
  g_assert_true (g_file_test (first, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (count_prints (fixture), ==, 1);

  /* The second time is a reprint: no file and no log without a reason. */
  window = open_print_window (fixture);
  g_assert_true (loket_card_print_window_is_reprint (window));
  g_assert_false (loket_card_print_window_save_to (window, again));
  g_assert_nonnull (strstr (loket_card_print_window_get_message (window), "Alasan cetak ulang"));
  g_assert_false (g_file_test (again, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_prints (fixture), ==, 1);
  /* The focus is taken to the reason, the one choice of four. */
  reason_row = gtk_root_get_focus (GTK_ROOT (window));
  if (reason_row != NULL && !ADW_IS_COMBO_ROW (reason_row))
    reason_row = gtk_widget_get_ancestor (reason_row, ADW_TYPE_COMBO_ROW);
  g_assert_nonnull (reason_row);
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (reason_row))), ==, 4);
  adw_combo_row_set_selected (ADW_COMBO_ROW (reason_row), LOKET_REPRINT_DAMAGED);
  g_assert_true (loket_card_print_window_save_to (window, again));
  loket_ui_test_wait_until (window_closed, NULL, 2000);

  prints = loket_store_list_card_prints (fixture->store, fixture->member->id, NULL);
  g_assert_cmpuint (prints->len, ==, 2);
  g_assert_cmpint (((LoketCardPrint *) g_ptr_array_index (prints, 0))->reason, ==, LOKET_REPRINT_DAMAGED);
  g_assert_cmpint (((LoketCardPrint *) g_ptr_array_index (prints, 1))->reason, ==, LOKET_REPRINT_NONE);
  loket_ui_test_wait (300);
  loket_ui_test_snapshot (GTK_WIDGET (fixture->window), "member-card-history");
}

/* A cooperative of the fixture's member and eleven more: two A4 sheets. */
static gint64
add_cooperative_of_twelve (Fixture *fixture)
{
  g_autoptr(LoketCooperative) draft = loket_cooperative_new ();
  g_autoptr(LoketCooperative) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *link = NULL;
  GDate today;

  g_date_set_dmy (&today, 23, 11, 2026);
  for (guint i = 1; i <= 11; i++)
    {
      g_autofree char *nik = g_strdup_printf ("520301%02u0890%04u", i, i);
      static const char *const names[] = {
        "Ahmad Fauzi", "Siti Aminah", "Lalu Zainuddin", "Baiq Rohani", "I Made Sudarsana",
        "Ni Luh Sari", "Muhammad Rizal", "Nurhayati", "Sahabuddin", "Hj. Fatimah", "Abdul Hakim",
      };
      const char *name = names[i - 1];
      g_autofree char *birth = g_strdup_printf ("1990-08-%02u", i);

      g_object_unref (loket_test_register (fixture->store, nik, name, birth, 'L', "2026-11-23"));
    }
  draft->name = g_strdup ("KDMP Sukamaju");
  draft->kind = LOKET_COOPERATIVE_KDMP;
  saved = loket_store_add_cooperative (fixture->store, draft, &today, NULL, &error);
  g_assert_no_error (error);
  link = g_strdup_printf ("INSERT INTO cooperative_member (cooperative_id, member_id, joined_on, via)"
                          " SELECT %" G_GINT64_FORMAT ", id, '2026-11-23', 'linked' FROM member", saved->id);
  g_assert_true (loket_store_exec (fixture->store, link, &error));
  g_assert_no_error (error);
  return saved->id;
}

/* The cooperative page's cards: A4 sheets, those without a card first; once
 * all have one, everyone again as reprints. */
static void
test_cooperative_sheets (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->folder, "koperasi.pdf", NULL);
  g_autofree char *again = g_build_filename (fixture->folder, "koperasi-lagi.pdf", NULL);
  g_autoptr(GError) error = NULL;
  gint64 id = add_cooperative_of_twelve (fixture);
  LoketCardPrintWindow *window;

  window = loket_card_print_window_new_for_cooperative (GTK_WINDOW (fixture->window), fixture->store, id, &error);
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  loket_ui_test_wait (300);
  g_assert_cmpuint (loket_card_print_window_get_page_count (window), ==, 2);
  g_assert_cmpuint (loket_card_print_window_get_preview_count (window), ==, 2);
  g_assert_false (loket_card_print_window_is_reprint (window));
  loket_ui_test_snapshot (GTK_WIDGET (window), "card-sheet-preview");
  g_assert_true (loket_card_print_window_save_to (window, path));
  loket_ui_test_wait_until (window_closed, NULL, 2000);
  g_assert_cmpuint (count_prints (fixture), ==, 1);

  /* Everyone has a card now: the window offers them all, as reprints. */
  window = loket_card_print_window_new_for_cooperative (GTK_WINDOW (fixture->window), fixture->store, id, &error);
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  loket_ui_test_wait (200);
  g_assert_cmpuint (loket_card_print_window_get_page_count (window), ==, 2);
  g_assert_true (loket_card_print_window_is_reprint (window));
  g_assert_false (loket_card_print_window_save_to (window, again));
  g_assert_false (g_file_test (again, G_FILE_TEST_EXISTS));
  gtk_window_destroy (GTK_WINDOW (window));
}

typedef struct {
  GtkPrinter *printer;      /* owned */
  const char *name;         /* NULL: GTK's own "print to file" printer */
} PrinterSearch;

static gboolean
take_printer (GtkPrinter *printer,
              gpointer    data)
{
  PrinterSearch *search = data;
  gboolean wanted = search->name != NULL
                    ? g_str_equal (gtk_printer_get_name (printer), search->name)
                    : gtk_printer_is_virtual (printer) && gtk_printer_accepts_pdf (printer)
                      && g_str_has_prefix (G_OBJECT_TYPE_NAME (gtk_printer_get_backend (printer)), "GtkPrintBackendFile");

  if (wanted)
    search->printer = g_object_ref (printer);
  return wanted;
}

static GtkPrinter *
find_printer (const char *name)
{
  PrinterSearch search = { NULL, name };

  gtk_enumerate_printers (take_printer, &search, NULL, TRUE);
  return search.printer;
}

static gboolean
message_shown (gpointer data)
{
  return loket_card_print_window_get_message (data) != NULL
         && strstr (loket_card_print_window_get_message (data), "tidak sampai") != NULL;
}

/* A job the printer refuses (here GTK's file printer told to write into a
 * folder that does not exist) is said, and logs nothing; the same job to a
 * good place is logged against the printer. */
static void
test_failed_job_logs_nothing (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GtkPrinter) printer = find_printer (NULL);
  g_autoptr(GtkPrintSettings) settings = gtk_print_settings_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autofree char *nowhere = g_build_filename (fixture->folder, "missing", "kartu.pdf", NULL);
  g_autofree char *nowhere_uri = g_filename_to_uri (nowhere, NULL, NULL);
  g_autofree char *good = g_build_filename (fixture->folder, "dari-printer.pdf", NULL);
  g_autofree char *good_uri = g_filename_to_uri (good, NULL, NULL);
  LoketCardPrintWindow *window;

  if (printer == NULL)
    {
      g_test_skip ("GTK's print-to-file backend is not installed");
      return;
    }

  window = open_print_window (fixture);
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_FILE_FORMAT, "pdf");
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_URI, nowhere_uri);
  loket_card_print_window_print_to (window, printer, settings, setup);
  loket_ui_test_wait_until (message_shown, window, 5000);
  g_assert_cmpuint (count_prints (fixture), ==, 0);
  g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));
  loket_ui_test_wait (200);
  loket_ui_test_snapshot (GTK_WIDGET (window), "card-print-failed");

  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_URI, good_uri);
  loket_card_print_window_print_to (window, printer, settings, setup);
  loket_ui_test_wait_until (window_closed, NULL, 5000);
  g_assert_cmpuint (count_prints (fixture), ==, 1);
  g_assert_true (g_file_test (good, G_FILE_TEST_IS_REGULAR));
}

static gboolean
printer_listed (gpointer data)
{
  return loket_ui_test_find (data, ADW_TYPE_EXPANDER_ROW) != NULL;
}

/* Preferences, Cards: the whole NIK as a branch setting, and a printer's
 * sheet correction saved for that printer (when this machine has one). */
static void
test_card_preferences (Fixture       *fixture,
                       gconstpointer  data)
{
  LoketPreferencesWindow *preferences = loket_preferences_window_new (fixture->store, NULL);
  GtkWidget *page = NULL;
  GtkWidget *nik_switch;
  GtkWidget *row;
  g_autofree char *show_nik = NULL;
  double x = 0, y = 0;

  gtk_window_present (GTK_WINDOW (preferences));
  for (GtkWidget *child = loket_ui_test_find (GTK_WIDGET (preferences), ADW_TYPE_PREFERENCES_PAGE);
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (ADW_IS_PREFERENCES_PAGE (child)
        && g_strcmp0 (adw_preferences_page_get_title (ADW_PREFERENCES_PAGE (child)), "Kartu") == 0)
      page = child;
  g_assert_nonnull (page);
  adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (preferences), ADW_PREFERENCES_PAGE (page));

  nik_switch = loket_ui_test_find (page, GTK_TYPE_SWITCH);
  g_assert_nonnull (nik_switch);
  gtk_switch_set_active (GTK_SWITCH (nik_switch), TRUE);
  show_nik = loket_store_dup_setting (fixture->store, LOKET_SETTING_CARD_SHOW_NIK);
  g_assert_cmpstr (show_nik, ==, "1");

  if (g_getenv ("LOKET_TEST_PRINTER") == NULL)
    {
      gtk_window_destroy (GTK_WINDOW (preferences));
      g_test_skip ("no printer to align here");
      return;
    }
  loket_ui_test_wait_until (printer_listed, page, 10000);
  row = loket_ui_test_find (page, ADW_TYPE_EXPANDER_ROW);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (loket_ui_test_find (row, GTK_TYPE_SPIN_BUTTON)), 1.5);
  g_assert_true (loket_store_get_card_printer_offset (fixture->store, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                                                      &x, &y));
  g_assert_cmpfloat (x, ==, 1.5);
  g_assert_cmpfloat (y, ==, 0.0);
  loket_ui_test_wait (200);
  loket_ui_test_snapshot (GTK_WIDGET (preferences), "preferences-cards");
  gtk_window_destroy (GTK_WINDOW (preferences));
}

typedef struct {
  const char *folder;
  GHashTable *before;  /* owned: the names there before the job */
  char       *found;   /* owned */
} OutputSearch;

static GHashTable *
list_folder (const char *folder)
{
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    g_hash_table_add (names, g_strdup (name));
  return names;
}

/* cups-pdf writes the job into its output folder under a name of its own,
 * as the job comes through the filters. */
static gboolean
cups_pdf_arrived (gpointer data)
{
  OutputSearch *search = data;
  g_autoptr(GDir) dir = g_dir_open (search->folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".pdf") && !g_hash_table_contains (search->before, name))
      {
        g_autofree char *path = g_build_filename (search->folder, name, NULL);
        g_autofree char *contents = NULL;
        gsize length = 0;

        /* Whole once the trailer is written: cups-pdf fills the file in place. */
        if (g_file_get_contents (path, &contents, &length, NULL)
            && length > 1024 && g_strstr_len (contents + length - 1024, 1024, "%%EOF") != NULL)
          {
            search->found = g_steal_pointer (&path);
            return TRUE;
          }
      }
  return FALSE;
}

static void
test_print_through_cups (Fixture       *fixture,
                         gconstpointer  data)
{
  const char *queue = g_getenv ("LOKET_TEST_PRINTER");
  const char *output = g_getenv ("LOKET_TEST_PRINTER_OUTPUT");
  g_autoptr(GtkPrinter) printer = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) prints = NULL;
  OutputSearch search = { output, NULL, NULL };
  LoketCardPrintWindow *window;
  int wait_status = 0;

  if (queue == NULL || output == NULL)
    {
      g_test_skip ("no CUPS test printer (set LOKET_TEST_PRINTER and LOKET_TEST_PRINTER_OUTPUT)");
      return;
    }
  printer = find_printer (queue);
  g_assert_nonnull (printer);

  search.before = list_folder (output);
  window = open_print_window (fixture);
  loket_card_print_window_print_to (window, printer, NULL, NULL);
  loket_ui_test_wait_until (window_closed, NULL, 20000);
  prints = loket_store_list_card_prints (fixture->store, fixture->member->id, NULL);
  g_assert_cmpuint (prints->len, ==, 1);
  g_assert_cmpint (((LoketCardPrint *) g_ptr_array_index (prints, 0))->destination, ==,
                   LOKET_CARD_DESTINATION_PRINTER);
  g_assert_cmpstr (((LoketCardPrint *) g_ptr_array_index (prints, 0))->target, ==, queue);

  /* What the printer received is the card: one card-sized page whose QR
   * reads back as this member's. cups-pdf passes the job through
   * Ghostscript, which keeps the drawing but not the text layer. */
  loket_ui_test_wait_until (cups_pdf_arrived, &search, 60000);
  {
    g_autofree char *prefix = g_build_filename (fixture->folder, "arrived", NULL);
    g_autofree char *png = g_strconcat (prefix, ".png", NULL);
    g_autofree char *payload = loket_card_payload_make (fixture->member->kpj);
    const char *info[] = { "pdfinfo", search.found, NULL };
    const char *render[] = { "pdftoppm", "-q", "-r", "300", "-png", "-singlefile", search.found, prefix, NULL };
    const char *decode[] = { "zbarimg", "--raw", "-q", png, NULL };
    g_autofree char *decoded = NULL;

    g_assert_true (g_spawn_sync (NULL, (char **) info, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                                 &text, NULL, &wait_status, NULL));
    g_assert_nonnull (strstr (text, "Pages:           1"));
    g_assert_nonnull (strstr (text, "242.65 x 153.07 pts"));
    g_assert_true (g_spawn_sync (NULL, (char **) render, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                                 NULL, NULL, &wait_status, NULL));
    g_assert_true (g_spawn_sync (NULL, (char **) decode, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                                 &decoded, NULL, &wait_status, NULL));
    g_assert_cmpstr (g_strstrip (decoded), ==, payload);
  }
  g_free (search.found);
  g_hash_table_unref (search.before);
}

int
main (int   argc,
      char *argv[])
{
  loket_ui_test_init (&argc, &argv);
  /* GTK's CUPS backend asks colord for each printer's colour profile and
   * warns, through structured logging that no fatal handler sees, when
   * there is no colord, as on a test machine without a system bus. So here
   * warnings are not fatal; criticals still are. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);

  g_test_add ("/ui/cards/preview-and-save", Fixture, NULL, fixture_set_up, test_preview_and_save,
              fixture_tear_down);
  g_test_add ("/ui/cards/cooperative-sheets", Fixture, NULL, fixture_set_up, test_cooperative_sheets,
              fixture_tear_down);
  g_test_add ("/ui/cards/failed-job-logs-nothing", Fixture, NULL, fixture_set_up,
              test_failed_job_logs_nothing, fixture_tear_down);
  g_test_add ("/ui/cards/preferences", Fixture, NULL, fixture_set_up, test_card_preferences,
              fixture_tear_down);
  g_test_add ("/ui/cards/print-through-cups", Fixture, NULL, fixture_set_up, test_print_through_cups,
              fixture_tear_down);
  return g_test_run ();
}
