/* test-ui-cooperatives.c: the cooperatives section as a clerk meets it:
 * the list and its coverage, adding one, and enrolling a member list. */
#include <string.h>

#include <adwaita.h>

#include "loket-cooperative-page.h"
#include "loket-cooperatives-page.h"
#include "loket-date.h"
#include "loket-field-message.h"
#include "loket-import-page.h"
#include "loket-store-cooperatives.h"
#include "loket-test-util.h"
#include "loket-ui-test-util.h"
#include "loket-window.h"

typedef struct {
  LoketStore  *store;
  char        *path;
  LoketWindow *window;
  gint64       coop_id;
} Fixture;

static gint64
add_cooperative (LoketStore *store,
                 const char *name,
                 gint64      potential)
{
  g_autoptr(LoketCooperative) draft = loket_cooperative_new ();
  g_autoptr(LoketCooperative) saved = NULL;
  g_autoptr(GError) error = NULL;
  GDate today;

  loket_date_set_today (&today);
  draft->name = g_strdup (name);
  draft->kind = LOKET_COOPERATIVE_KDMP;
  draft->region_code = g_strdup ("52.03.01");
  draft->potential = potential;
  saved = loket_store_add_cooperative (store, draft, &today, NULL, &error);
  g_assert_no_error (error);
  return saved->id;
}

static void
add_partnership (LoketStore *store,
                 gint64      cooperative_id)
{
  g_autoptr(LoketPartnership) draft = loket_partnership_new ();
  g_autoptr(LoketPartnership) saved = NULL;
  g_autoptr(GError) error = NULL;
  GDate today;

  loket_date_set_today (&today);
  draft->cooperative_id = cooperative_id;
  draft->number = g_strdup ("PKS/001/KDMP-SAKRA");
  draft->signed_on = today;
  g_date_subtract_days (&draft->signed_on, 30);
  draft->valid_from = draft->signed_on;
  draft->valid_until = today;
  g_date_add_days (&draft->valid_until, 300);
  draft->segment = LOKET_SEGMENT_BPU;
  draft->programs = LOKET_PROGRAM_JKK | LOKET_PROGRAM_JKM;
  draft->base_income = 1000000;
  draft->payment_months = 1;
  draft->payer = LOKET_PAYER_MEMBERS;
  saved = loket_store_add_partnership (store, draft, &today, NULL, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->store = loket_test_open_store (&fixture->path);
  fixture->coop_id = add_cooperative (fixture->store, "KDMP Sakra", 3000);
  add_partnership (fixture->store, fixture->coop_id);

  fixture->window = loket_window_new (NULL, fixture->store, NULL);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1100, 720);
  gtk_window_present (GTK_WINDOW (fixture->window));
  loket_ui_test_wait (300);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  loket_ui_test_wait (50);
  g_assert_finalize_object (fixture->store);
  g_free (fixture->path);
}

static GtkWidget *
find (Fixture *fixture,
      GType    type)
{
  GtkWidget *found = loket_ui_test_find (GTK_WIDGET (fixture->window), type);

  g_assert_nonnull (found);
  return found;
}

static GObject *
child (GtkWidget  *page,
       GType       type,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (page, type, name);

  g_assert_nonnull (object);
  return object;
}

static void
assert_indonesian (Fixture *fixture)
{
  g_autofree char *untranslated = loket_ui_test_find_untranslated (GTK_WIDGET (fixture->window));

  g_assert_cmpstr (untranslated, ==, "");
}

static void
test_list (Fixture       *fixture,
           gconstpointer  data)
{
  GtkWidget *page = find (fixture, LOKET_TYPE_COOPERATIVES_PAGE);
  GListModel *list = loket_cooperatives_page_get_cooperatives (LOKET_COOPERATIVES_PAGE (page));
  GtkListBox *box = GTK_LIST_BOX (child (page, LOKET_TYPE_COOPERATIVES_PAGE, "list"));
  GtkWidget *bar;
  g_autoptr(LoketCooperative) first = NULL;

  loket_window_show_section (fixture->window, "cooperatives");
  loket_ui_test_wait (100);
  g_assert_cmpstr (loket_window_get_page_name (fixture->window), ==, "cooperatives");
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  first = g_list_model_get_item (list, 0);
  g_assert_cmpstr (first->name, ==, "KDMP Sakra");

  bar = loket_ui_test_find (GTK_WIDGET (gtk_list_box_get_row_at_index (box, 0)), GTK_TYPE_PROGRESS_BAR);
  g_assert_nonnull (bar);
  g_assert_cmpstr (gtk_progress_bar_get_text (GTK_PROGRESS_BAR (bar)), ==, "0%");
  assert_indonesian (fixture);
  loket_ui_test_wait (400);
  g_object_unref (loket_ui_test_snapshot (GTK_WIDGET (fixture->window), "cooperatives"));

  /* Activating it opens its page; back returns to the list. */
  g_signal_emit_by_name (box, "row-activated", gtk_list_box_get_row_at_index (box, 0));
  loket_ui_test_wait (100);
  g_assert_cmpstr (loket_window_get_page_name (fixture->window), ==, "cooperative");
  assert_indonesian (fixture);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.back", NULL);
  loket_ui_test_wait (50);
  g_assert_cmpstr (loket_window_get_page_name (fixture->window), ==, "cooperatives");
}

static void
type_into (GtkWidget  *page,
           const char *name,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (child (page, LOKET_TYPE_COOPERATIVES_PAGE, name)), text);
}

static void
test_add (Fixture       *fixture,
          gconstpointer  data)
{
  GtkWidget *page = find (fixture, LOKET_TYPE_COOPERATIVES_PAGE);
  GListModel *list = loket_cooperatives_page_get_cooperatives (LOKET_COOPERATIVES_PAGE (page));
  GtkWidget *ahu_message = GTK_WIDGET (child (page, LOKET_TYPE_COOPERATIVES_PAGE, "ahu_message"));
  GtkEditable *ahu_row = GTK_EDITABLE (child (page, LOKET_TYPE_COOPERATIVES_PAGE, "ahu_row"));

  loket_window_show_section (fixture->window, "cooperatives");
  gtk_widget_activate_action (page, "cooperatives.add", NULL);
  loket_ui_test_wait (50);
  g_assert_true (loket_cooperatives_page_get_form_shown (LOKET_COOPERATIVES_PAGE (page)));

  /* A wrong AHU number: the core's message under the field, the text kept. */
  type_into (page, "name_row", "KKMP Selong");
  type_into (page, "ahu_row", "AHU-123");
  type_into (page, "region_row", "52.03.01");
  type_into (page, "potential_row", "4.500");
  gtk_widget_activate_action (page, "cooperatives.save", NULL);
  loket_ui_test_wait (50);
  g_assert_true (gtk_widget_get_visible (ahu_message));
  g_assert_cmpstr (gtk_editable_get_text (ahu_row), ==, "AHU-123");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (page, LOKET_TYPE_COOPERATIVES_PAGE, "name_row"))), ==, "KKMP Selong");
  g_assert_true (loket_cooperatives_page_get_form_shown (LOKET_COOPERATIVES_PAGE (page)));
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  assert_indonesian (fixture);
  loket_ui_test_wait (400);
  g_object_unref (loket_ui_test_snapshot (GTK_WIDGET (fixture->window), "cooperative-form"));

  type_into (page, "ahu_row", "AHU-0025673.AH.01.29.TAHUN 2025");
  gtk_widget_activate_action (page, "cooperatives.save", NULL);
  loket_ui_test_wait (50);
  g_assert_false (gtk_widget_get_visible (ahu_message));
  g_assert_false (loket_cooperatives_page_get_form_shown (LOKET_COOPERATIVES_PAGE (page)));
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
}

static gboolean
import_idle (gpointer data)
{
  LoketImportPage *page = data;

  return !loket_import_page_is_busy (page);
}

#define CSV_HEADER "No;NIK;Nama;Tgl Lahir;JK;No HP;Alamat;RT;RW;Desa;Kecamatan;Pekerjaan\n"

static void
test_import (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *folder = loket_test_make_folder ();
  g_autofree char *csv = g_build_filename (folder, "anggota.csv", NULL);
  g_autoptr(GError) error = NULL;
  LoketImportPage *page;
  LoketImportReport *report;

  g_assert_true (g_file_set_contents (csv,
    CSV_HEADER
    "1;5203015205900002;Baiq Nurul Aini;12/05/1990;P;081234567890;Dusun Karang Baru;1;2;Sakra;Sakra;petani\n"
    "2;5203011708850001;Lalu Muhammad Zohri;17/08/1985;L;081234567891;Dusun Karang Baru;1;2;Sakra;Sakra;nelayan\n"
    "3;12345;Tanpa NIK;01/01/1990;L;;Dusun Karang Baru;1;2;Sakra;Sakra;petani\n"
    "4;5203015205900002;Baiq Nurul Aini;12/05/1990;P;081234567890;Dusun Karang Baru;1;2;Sakra;Sakra;petani\n",
    -1, &error));
  g_assert_no_error (error);

  loket_window_show_cooperative (fixture->window, fixture->coop_id);
  loket_ui_test_wait (50);
  gtk_widget_activate_action (find (fixture, LOKET_TYPE_COOPERATIVE_PAGE), "cooperative.import", NULL);
  loket_ui_test_wait (50);
  g_assert_cmpstr (loket_window_get_page_name (fixture->window), ==, "import");
  page = LOKET_IMPORT_PAGE (find (fixture, LOKET_TYPE_IMPORT_PAGE));
  g_assert_cmpstr (loket_import_page_get_step (page), ==, "start");
  assert_indonesian (fixture);

  loket_import_page_open_path (page, csv);
  loket_ui_test_wait_until (import_idle, page, 20000);
  loket_ui_test_wait (100);
  g_assert_cmpstr (loket_import_page_get_step (page), ==, "report");
  report = loket_import_page_get_report (page);
  g_assert_nonnull (report);
  g_assert_cmpuint (loket_import_report_count (report, LOKET_IMPORT_TO_REGISTER), ==, 2);
  g_assert_cmpuint (loket_import_report_count (report, LOKET_IMPORT_REJECTED), ==, 1);
  g_assert_cmpuint (loket_import_report_count (report, LOKET_IMPORT_DUPLICATE_IN_FILE), ==, 1);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (child (GTK_WIDGET (page), LOKET_TYPE_IMPORT_PAGE, "commit_button"))),
                   ==, "_Daftarkan 2 Peserta");
  assert_indonesian (fixture);
  /* The NIK shows only its last four digits, in the problems too. */
  {
    GtkListBox *rows = GTK_LIST_BOX (child (GTK_WIDGET (page), LOKET_TYPE_IMPORT_PAGE, "rows"));
    GtkListBoxRow *duplicate = gtk_list_box_get_row_at_index (rows, 3);

    g_assert_null (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (duplicate)), "5203015205900002"));
    g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (duplicate)), "0002"));
  }
  loket_ui_test_wait (400);
  g_object_unref (loket_ui_test_snapshot (GTK_WIDGET (fixture->window), "import-report"));

  g_assert_cmpint (loket_store_count_members (fixture->store, NULL), ==, 0);
  loket_import_page_commit (page);
  loket_ui_test_wait_until (import_idle, page, 20000);
  loket_ui_test_wait (100);
  g_assert_cmpint (loket_store_count_members (fixture->store, NULL), ==, 2);
  g_assert_true (loket_import_report_is_committed (loket_import_page_get_report (page)));
  assert_indonesian (fixture);
  loket_ui_test_wait (400);
  g_object_unref (loket_ui_test_snapshot (GTK_WIDGET (fixture->window), "import-done"));

  /* The rows to correct go back to the cooperative as a workbook. */
  {
    g_autofree char *rejects = g_build_filename (folder, "ditolak-KDMP Sakra.xlsx", NULL);
    g_autoptr(LoketSheet) sheet = NULL;

    g_assert_true (loket_import_page_save_rejects (page, rejects, &error));
    g_assert_no_error (error);
    sheet = loket_sheet_read_file (rejects, NULL, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (loket_sheet_get_n_rows (sheet), ==, 3);
  }

  /* Back on the cooperative: its coverage counts them. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.back", NULL);
  loket_ui_test_wait (100);
  g_assert_cmpstr (loket_window_get_page_name (fixture->window), ==, "cooperative");
  g_assert_cmpint (loket_cooperative_page_get_cooperative (LOKET_COOPERATIVE_PAGE (find (fixture, LOKET_TYPE_COOPERATIVE_PAGE)))->registered, ==, 2);
  assert_indonesian (fixture);
  loket_ui_test_wait (400);
  g_object_unref (loket_ui_test_snapshot (GTK_WIDGET (fixture->window), "cooperative"));
}

static void
test_import_error (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *folder = loket_test_make_folder ();
  g_autofree char *bad = g_build_filename (folder, "bukan.xlsx", NULL);
  LoketImportPage *page;

  g_assert_true (g_file_set_contents (bad, "this is not a workbook", -1, NULL));
  loket_window_show_import (fixture->window, fixture->coop_id);
  page = LOKET_IMPORT_PAGE (find (fixture, LOKET_TYPE_IMPORT_PAGE));
  loket_import_page_open_path (page, bad);
  loket_ui_test_wait_until (import_idle, page, 20000);
  loket_ui_test_wait (50);
  g_assert_cmpstr (loket_import_page_get_step (page), ==, "error");
  assert_indonesian (fixture);
  loket_ui_test_wait (400);
  g_object_unref (loket_ui_test_snapshot (GTK_WIDGET (fixture->window), "import-error"));
}

/* A long list: the window answers while it is read, and Cancel stops it. */
static void
test_import_cancel (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *folder = loket_test_make_folder ();
  g_autofree char *csv = g_build_filename (folder, "besar.csv", NULL);
  GString *text = g_string_new (CSV_HEADER);
  LoketImportPage *page;

  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (text, "%u;52030101019%05u;Warga %u;01/01/1990;L;;Dusun;1;2;Sakra;Sakra;petani\n", i + 1, i, i);
  g_assert_true (g_file_set_contents (csv, text->str, -1, NULL));
  g_string_free (text, TRUE);

  loket_window_show_import (fixture->window, fixture->coop_id);
  page = LOKET_IMPORT_PAGE (find (fixture, LOKET_TYPE_IMPORT_PAGE));
  loket_import_page_open_path (page, csv);
  g_assert_true (loket_import_page_is_busy (page));
  g_assert_cmpstr (loket_import_page_get_step (page), ==, "progress");
  loket_ui_test_wait (20);
  loket_import_page_cancel (page);
  loket_ui_test_wait_until (import_idle, page, 20000);
  g_assert_cmpstr (loket_import_page_get_step (page), ==, "start");
  g_assert_cmpint (loket_store_count_members (fixture->store, NULL), ==, 0);
}

static void
test_empty (void)
{
  g_autofree char *path = NULL;
  LoketStore *store = loket_test_open_store (&path);
  LoketWindow *window = loket_window_new (NULL, store, NULL);
  GtkWidget *page;

  gtk_window_present (GTK_WINDOW (window));
  loket_window_show_section (window, "cooperatives");
  loket_ui_test_wait (100);
  page = loket_ui_test_find (GTK_WIDGET (window), LOKET_TYPE_COOPERATIVES_PAGE);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (page, LOKET_TYPE_COOPERATIVES_PAGE, "stack"))),
                   ==, "empty");
  loket_ui_test_wait (400);
  g_object_unref (loket_ui_test_snapshot (GTK_WIDGET (window), "cooperatives-empty"));
  gtk_window_destroy (GTK_WINDOW (window));
  loket_ui_test_wait (50);
  g_assert_finalize_object (store);
}

static void
test_pages_finalize (void)
{
  g_autofree char *path = NULL;
  LoketStore *store = loket_test_open_store (&path);
  gint64 id = add_cooperative (store, "KDMP Sakra", 3000);
  g_autoptr(LoketCooperative) coop = loket_store_find_cooperative (store, id, NULL);
  GtkWidget *list = g_object_ref_sink (g_object_new (LOKET_TYPE_COOPERATIVES_PAGE, NULL));
  GtkWidget *one = g_object_ref_sink (g_object_new (LOKET_TYPE_COOPERATIVE_PAGE, NULL));
  GtkWidget *import = g_object_ref_sink (g_object_new (LOKET_TYPE_IMPORT_PAGE, NULL));

  loket_cooperatives_page_set_store (LOKET_COOPERATIVES_PAGE (list), store);
  loket_cooperative_page_set_store (LOKET_COOPERATIVE_PAGE (one), store);
  loket_cooperative_page_set_cooperative (LOKET_COOPERATIVE_PAGE (one), id);
  loket_import_page_set_cooperative (LOKET_IMPORT_PAGE (import), store, coop);

  g_assert_finalize_object (list);
  g_assert_finalize_object (one);
  g_assert_finalize_object (import);
  g_assert_finalize_object (store);
}

int
main (int   argc,
      char *argv[])
{
  loket_ui_test_init (&argc, &argv);
#define ADD(path, func) \
  g_test_add ("/ui/cooperatives/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("list", test_list);
  ADD ("add", test_add);
  ADD ("import", test_import);
  ADD ("import-error", test_import_error);
  ADD ("import-cancel", test_import_cancel);
#undef ADD
  g_test_add_func ("/ui/cooperatives/empty", test_empty);
  g_test_add_func ("/ui/cooperatives/pages-finalize", test_pages_finalize);
  return g_test_run ();
}
