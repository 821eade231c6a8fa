/* test-ui-cooperatives.c: the cooperatives section as a clerk meets it:
 * the list and its coverage, adding one, and enrolling a member list. */
#include <string.h>

#include <adwaita.h>

#include "loket-cooperative-page.h"
#include "loket-collective-payment-window.h"
#include "loket-cooperatives-page.h"
#include "loket-document-window.h"
#include "loket-store-payments.h"
#include "loket-store-private.h"
#include "loket-date.h"
#include "loket-field-message.h"
#include "loket-import-page.h"
#include "loket-members-page.h"
#include "loket-store-cooperatives.h"
#include "loket-test-util.h"
#include "loket-ui-test-util.h"
#include "loket-whole-combo-row.h"
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
  /* The types' names are long: shown whole. */
  g_assert_true (LOKET_IS_WHOLE_COMBO_ROW (child (page, LOKET_TYPE_COOPERATIVES_PAGE, "kind_row")));

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
  /* Nobody enrolled yet: the members list says how to begin. */
  {
    GtkWidget *coop_page = find (fixture, LOKET_TYPE_COOPERATIVE_PAGE);
    LoketMembersPage *members = loket_cooperative_page_get_members_page (LOKET_COOPERATIVE_PAGE (coop_page));
    GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (child (coop_page, LOKET_TYPE_COOPERATIVE_PAGE, "scroller"));
    GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (scroller);

    g_assert_cmpuint (g_list_model_get_n_items (loket_members_page_get_results (members)), ==, 0);
    loket_ui_test_wait (200);
    gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_upper (vadjustment));
    loket_ui_test_wait (200);
    assert_indonesian (fixture);
    g_object_unref (loket_ui_test_snapshot (GTK_WIDGET (fixture->window), "cooperative-members-empty"));
    gtk_adjustment_set_value (vadjustment, 0);
  }
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
    g_autofree char *duplicate = loket_import_page_describe_row (page, 3, NULL);

    g_assert_nonnull (duplicate);
    g_assert_null (strstr (duplicate, "5203015205900002"));
    g_assert_nonnull (strstr (duplicate, "0002"));
  }
  /* A filter shows only the rows of its status. */
  {
    GtkWidget *filters = GTK_WIDGET (child (GTK_WIDGET (page), LOKET_TYPE_IMPORT_PAGE, "filters"));
    GListModel *rows = loket_import_page_get_rows (page);
    GtkWidget *button;

    g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 4);
    for (button = gtk_widget_get_first_child (filters); button != NULL; button = gtk_widget_get_next_sibling (button))
      if (g_str_equal (gtk_widget_get_name (button), loket_import_status_to_string (LOKET_IMPORT_REJECTED)))
        break;
    g_assert_nonnull (button);
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
    loket_ui_test_wait (50);
    g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 1);
    {
      int status = -1;
      g_autofree char *text = loket_import_page_describe_row (page, 0, &status);

      g_assert_cmpint (status, ==, LOKET_IMPORT_REJECTED);
      g_assert_nonnull (text);
    }
    /* One widget per visible row, not per line of the file. */
    assert_indonesian (fixture);
    loket_ui_test_wait (200);
    g_object_unref (loket_ui_test_snapshot (GTK_WIDGET (fixture->window), "import-report-rejected"));
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (gtk_widget_get_first_child (filters)), TRUE);
    loket_ui_test_wait (50);
    g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 4);
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

  /* Its members list holds the two it enrolled, and no one registered at
   * the counter on their own. */
  {
    LoketCooperativePage *coop_page = LOKET_COOPERATIVE_PAGE (find (fixture, LOKET_TYPE_COOPERATIVE_PAGE));
    LoketMembersPage *members = loket_cooperative_page_get_members_page (coop_page);
    GListModel *results = loket_members_page_get_results (members);
    g_autoptr(LoketMember) outsider = loket_test_draft ("5203014404920003", "Sri Wahyuni", "1992-04-04", 'P');
    g_autoptr(LoketMember) saved = NULL;
    g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (child (GTK_WIDGET (coop_page), LOKET_TYPE_COOPERATIVE_PAGE, "scroller"));
    GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (scroller);
    GtkWidget *column_view;
    GDate today;

    loket_date_set_today (&today);
    saved = loket_store_register_member (fixture->store, outsider, &today, FALSE, NULL, NULL, &error);
    g_assert_no_error (error);
    loket_cooperative_page_reload (coop_page);
    loket_ui_test_wait (50);
    g_assert_cmpint (loket_store_count_members (fixture->store, NULL), ==, 3);
    g_assert_cmpuint (g_list_model_get_n_items (results), ==, 2);
    for (guint i = 0; i < 2; i++)
      {
        g_autoptr(LoketMember) member = g_list_model_get_item (results, i);

        g_assert_nonnull (member->kpj);
        g_assert_cmpstr (member->kpj, !=, saved->kpj);
        g_hash_table_add (names, g_strdup (member->name));
      }
    g_assert_true (g_hash_table_contains (names, "Baiq Nurul Aini"));
    g_assert_true (g_hash_table_contains (names, "Lalu Muhammad Zohri"));

    /* A search stays within the cooperative. */
    gtk_editable_set_text (loket_members_page_get_search_entry (members), "sri");
    loket_ui_test_wait (100);
    g_assert_cmpuint (g_list_model_get_n_items (results), ==, 0);
    gtk_editable_set_text (loket_members_page_get_search_entry (members), "zohri");
    loket_ui_test_wait (100);
    g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
    gtk_editable_set_text (loket_members_page_get_search_entry (members), "");
    loket_ui_test_wait (100);
    g_assert_cmpuint (g_list_model_get_n_items (results), ==, 2);
    assert_indonesian (fixture);

    gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_upper (vadjustment));
    loket_ui_test_wait (400);
    g_object_unref (loket_ui_test_snapshot (GTK_WIDGET (fixture->window), "cooperative-members"));

    /* Opening one shows the member. */
    column_view = loket_ui_test_find (GTK_WIDGET (members), GTK_TYPE_COLUMN_VIEW);
    g_assert_nonnull (column_view);
    g_signal_emit_by_name (column_view, "activate", 0);
    loket_ui_test_wait (100);
    g_assert_cmpstr (loket_window_get_page_name (fixture->window), ==, "member");

    /* Back returns to the cooperative the member was opened from. */
    gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.back", NULL);
    loket_ui_test_wait (100);
    g_assert_cmpstr (loket_window_get_page_name (fixture->window), ==, "cooperative");
  }
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

/* ---- the forms on the cooperative's page --------------------------------- */

static LoketCooperativePage *
open_cooperative (Fixture *fixture)
{
  LoketCooperativePage *page;

  loket_window_show_cooperative (fixture->window, fixture->coop_id);
  loket_ui_test_wait (50);
  page = LOKET_COOPERATIVE_PAGE (find (fixture, LOKET_TYPE_COOPERATIVE_PAGE));
  g_assert_false (loket_cooperative_page_get_form_shown (page));
  return page;
}

static void
fill (LoketCooperativePage *page,
      const char           *field,
      const char           *text)
{
  GtkWidget *row = loket_cooperative_page_get_form_row (page, field);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static const char *
text_of_field (LoketCooperativePage *page,
               const char           *field)
{
  return gtk_editable_get_text (GTK_EDITABLE (loket_cooperative_page_get_form_row (page, field)));
}

static gboolean
message_shown (LoketCooperativePage *page,
               const char           *field)
{
  return gtk_widget_get_visible (loket_cooperative_page_get_form_message (page, field));
}

/* dd/mm/yyyy, `days` from today. */
static char *
typed_date (int days)
{
  GDate date;

  loket_date_set_today (&date);
  if (days >= 0)
    g_date_add_days (&date, days);
  else
    g_date_subtract_days (&date, -days);
  return g_strdup_printf ("%02d/%02d/%04d", g_date_get_day (&date), g_date_get_month (&date), g_date_get_year (&date));
}

static guint
count_rows (GtkWidget *page,
            const char *list)
{
  GtkListBox *box = GTK_LIST_BOX (child (page, LOKET_TYPE_COOPERATIVE_PAGE, list));
  guint n = 0;

  while (gtk_list_box_get_row_at_index (box, n) != NULL)
    n++;
  return n;
}

static void
test_pks_form (Fixture       *fixture,
               gconstpointer  data)
{
  LoketCooperativePage *page = open_cooperative (fixture);
  g_autofree char *signed_on = typed_date (-2);
  g_autofree char *from = typed_date (0);
  g_autofree char *before = typed_date (-10);
  g_autofree char *until = typed_date (365);
  g_autoptr(LoketPartnership) active = NULL;
  g_autoptr(GError) error = NULL;
  GDate today;

  g_assert_cmpuint (count_rows (GTK_WIDGET (page), "partnerships_list"), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (page), "cooperative.add-pks", NULL);
  loket_ui_test_wait (50);
  g_assert_cmpstr (loket_cooperative_page_get_form_name (page), ==, "pks");

  /* BPU: JKK and JKM required and locked, JP not offered. */
  g_assert_false (gtk_widget_get_sensitive (loket_cooperative_page_get_form_row (page, "programs")));

  /* Until before from, income below the minimum: messages under the
   * fields, and every text kept. */
  fill (page, "number", "PKS/002/KDMP-SAKRA");
  fill (page, "signed_on", signed_on);
  fill (page, "valid_from", from);
  fill (page, "valid_until", before);
  fill (page, "base_income", "100.000");
  gtk_widget_activate_action (GTK_WIDGET (page), "cooperative.save", NULL);
  loket_ui_test_wait (50);
  g_assert_true (loket_cooperative_page_get_form_shown (page));
  g_assert_true (message_shown (page, "valid_until"));
  g_assert_true (message_shown (page, "base_income"));
  g_assert_false (message_shown (page, "number"));
  g_assert_cmpstr (text_of_field (page, "valid_until"), ==, before);
  g_assert_cmpstr (text_of_field (page, "base_income"), ==, "100.000");
  g_assert_cmpstr (text_of_field (page, "number"), ==, "PKS/002/KDMP-SAKRA");
  assert_indonesian (fixture);
  loket_ui_test_wait (400);
  g_object_unref (loket_ui_test_snapshot (GTK_WIDGET (fixture->window), "pks-form"));
  gtk_widget_grab_focus (loket_cooperative_page_get_form_row (page, "agent"));
  loket_ui_test_wait (400);
  g_object_unref (loket_ui_test_snapshot (GTK_WIDGET (fixture->window), "pks-form-payment"));

  /* Set right, it replaces the PKS in force. */
  fill (page, "valid_until", until);
  fill (page, "base_income", "Rp 1.500.000");
  gtk_widget_activate_action (GTK_WIDGET (page), "cooperative.save", NULL);
  loket_ui_test_wait (50);
  g_assert_false (loket_cooperative_page_get_form_shown (page));
  g_assert_cmpuint (count_rows (GTK_WIDGET (page), "partnerships_list"), ==, 2);
  loket_date_set_today (&today);
  active = loket_store_get_active_partnership (fixture->store, fixture->coop_id, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (active->number, ==, "PKS/002/KDMP-SAKRA");
  g_assert_cmpint (active->base_income, ==, 1500000);
  g_assert_cmpint (active->segment, ==, LOKET_SEGMENT_BPU);
  g_assert_true ((active->programs & (LOKET_PROGRAM_JKK | LOKET_PROGRAM_JKM)) == (LOKET_PROGRAM_JKK | LOKET_PROGRAM_JKM));
  assert_indonesian (fixture);

  /* The form opens empty again. */
  gtk_widget_activate_action (GTK_WIDGET (page), "cooperative.add-pks", NULL);
  g_assert_cmpstr (text_of_field (page, "number"), ==, "");
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.back", NULL);
  g_assert_false (loket_cooperative_page_get_form_shown (page));
  g_assert_cmpstr (loket_window_get_page_name (fixture->window), ==, "cooperative");
}

static void
test_officer_agent (Fixture       *fixture,
                    gconstpointer  data)
{
  LoketCooperativePage *page = open_cooperative (fixture);
  g_autoptr(LoketMember) member = NULL;
  g_autoptr(GPtrArray) agents = NULL;
  GDate day;
  char iso[16];

  loket_date_set_today (&day);
  g_date_subtract_days (&day, 5);
  g_date_strftime (iso, sizeof iso, "%Y-%m-%d", &day);
  member = loket_test_register (fixture->store, "5203015205900002", "Baiq Nurul Aini", "1990-05-12", 'P', iso);

  /* An officer: the name is required. */
  gtk_widget_activate_action (GTK_WIDGET (page), "cooperative.add-officer", NULL);
  g_assert_cmpstr (loket_cooperative_page_get_form_name (page), ==, "officer");
  fill (page, "officer_role", "ketua");
  gtk_widget_activate_action (GTK_WIDGET (page), "cooperative.save", NULL);
  g_assert_true (loket_cooperative_page_get_form_shown (page));
  g_assert_true (message_shown (page, "officer_name"));
  g_assert_cmpstr (text_of_field (page, "officer_role"), ==, "ketua");
  fill (page, "officer_name", "Lalu Ahmad");
  fill (page, "officer_phone", "081234567890");
  gtk_widget_activate_action (GTK_WIDGET (page), "cooperative.save", NULL);
  g_assert_false (loket_cooperative_page_get_form_shown (page));
  g_assert_cmpuint (count_rows (GTK_WIDGET (page), "officers_list"), ==, 1);
  g_assert_cmpuint (loket_cooperative_page_get_cooperative (page)->officers->len, ==, 1);

  /* An agent: a KPJ nobody has is refused under the field. */
  gtk_widget_activate_action (GTK_WIDGET (page), "cooperative.add-agent", NULL);
  g_assert_cmpstr (loket_cooperative_page_get_form_name (page), ==, "agent");
  fill (page, "kpj", "99999999999");
  fill (page, "kantor_perisai", "Perisai Sakra");
  gtk_widget_activate_action (GTK_WIDGET (page), "cooperative.save", NULL);
  g_assert_true (loket_cooperative_page_get_form_shown (page));
  g_assert_true (message_shown (page, "kpj"));
  assert_indonesian (fixture);
  fill (page, "kpj", member->kpj);
  gtk_widget_activate_action (GTK_WIDGET (page), "cooperative.save", NULL);
  g_assert_false (loket_cooperative_page_get_form_shown (page));
  g_assert_cmpuint (count_rows (GTK_WIDGET (page), "agents_list"), ==, 1);
  agents = loket_store_list_agents (fixture->store, fixture->coop_id, NULL);
  g_assert_cmpuint (agents->len, ==, 1);
  assert_indonesian (fixture);
  loket_ui_test_wait (400);
  g_object_unref (loket_ui_test_snapshot (GTK_WIDGET (fixture->window), "cooperative-full"));
}

static void
test_edit (Fixture       *fixture,
           gconstpointer  data)
{
  LoketCooperativePage *page = open_cooperative (fixture);
  GtkLabel *name = GTK_LABEL (child (GTK_WIDGET (page), LOKET_TYPE_COOPERATIVE_PAGE, "name_label"));
  GtkWidget *list = find (fixture, LOKET_TYPE_COOPERATIVES_PAGE);
  g_autoptr(LoketCooperative) first = NULL;

  gtk_widget_activate_action (GTK_WIDGET (page), "cooperative.edit", NULL);
  g_assert_cmpstr (loket_cooperative_page_get_form_name (page), ==, "edit");
  g_assert_cmpstr (text_of_field (page, "name"), ==, "KDMP Sakra");
  g_assert_cmpstr (text_of_field (page, "potential"), ==, "3.000");

  /* A wrong AHU: the message under it, the other changes kept. */
  fill (page, "name", "KDMP Sakra Timur");
  fill (page, "ahu", "AHU-123");
  gtk_widget_activate_action (GTK_WIDGET (page), "cooperative.save", NULL);
  g_assert_true (loket_cooperative_page_get_form_shown (page));
  g_assert_true (message_shown (page, "ahu"));
  g_assert_cmpstr (text_of_field (page, "name"), ==, "KDMP Sakra Timur");
  assert_indonesian (fixture);
  loket_ui_test_wait (400);
  g_object_unref (loket_ui_test_snapshot (GTK_WIDGET (fixture->window), "cooperative-edit"));

  fill (page, "ahu", "");
  fill (page, "potential", "4.500");
  gtk_widget_activate_action (GTK_WIDGET (page), "cooperative.save", NULL);
  g_assert_false (loket_cooperative_page_get_form_shown (page));
  g_assert_cmpstr (gtk_label_get_text (name), ==, "KDMP Sakra Timur");
  g_assert_cmpint (loket_cooperative_page_get_cooperative (page)->potential, ==, 4500);
  first = g_list_model_get_item (loket_cooperatives_page_get_cooperatives (LOKET_COOPERATIVES_PAGE (list)), 0);
  g_assert_cmpstr (first->name, ==, "KDMP Sakra Timur");
}

/* A long list: the report makes a widget only for the rows in view. */
static void
test_import_long (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *folder = loket_test_make_folder ();
  g_autofree char *csv = g_build_filename (folder, "panjang.csv", NULL);
  GString *text = g_string_new (CSV_HEADER);
  LoketImportPage *page;
  GtkWidget *view;
  guint widgets = 0;

  for (guint i = 0; i < 3000; i++)
    g_string_append_printf (text, "%u;52030101019%05u;Warga %u;01/01/1990;L;;Dusun;1;2;Sakra;Sakra;petani\n", i + 1, i, i);
  g_assert_true (g_file_set_contents (csv, text->str, -1, NULL));
  g_string_free (text, TRUE);

  loket_window_show_import (fixture->window, fixture->coop_id);
  page = LOKET_IMPORT_PAGE (find (fixture, LOKET_TYPE_IMPORT_PAGE));
  loket_import_page_open_path (page, csv);
  loket_ui_test_wait_until (import_idle, page, 60000);
  loket_ui_test_wait (100);
  g_assert_cmpstr (loket_import_page_get_step (page), ==, "report");
  g_assert_cmpuint (g_list_model_get_n_items (loket_import_page_get_rows (page)), ==, 3000);
  view = GTK_WIDGET (child (GTK_WIDGET (page), LOKET_TYPE_IMPORT_PAGE, "rows"));
  for (GtkWidget *w = gtk_widget_get_first_child (view); w != NULL; w = gtk_widget_get_next_sibling (w))
    widgets++;
  g_assert_cmpuint (widgets, >, 0);
  g_assert_cmpuint (widgets, <, 300);
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
  loket_cooperative_page_show_form (LOKET_COOPERATIVE_PAGE (one), "pks");
  loket_import_page_set_cooperative (LOKET_IMPORT_PAGE (import), store, coop);

  g_assert_finalize_object (list);
  g_assert_finalize_object (one);
  g_assert_finalize_object (import);
  g_assert_finalize_object (store);
}

/* Bayar kolektif: the quote pays the members not yet paid, lists the one
 * who paid on her own as left out, and recording it offers the receipt. */
static void
test_collective_payment (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *today_text = NULL;
  g_autofree char *link = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LoketMember) ani = NULL;
  g_autoptr(LoketMember) budi = NULL;
  g_autoptr(LoketMember) citra = NULL;
  g_autoptr(LoketReceipt) own = NULL;
  LoketCollectivePaymentWindow *window;
  LoketPaymentRequest request;
  GtkWidget *page;
  GDate today;

  loket_date_set_today (&today);
  today_text = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&today), g_date_get_month (&today),
                                g_date_get_day (&today));
  ani = loket_test_register (fixture->store, "5203015205900002", "Ani Lestari", "1990-05-12", 'P', today_text);
  budi = loket_test_register (fixture->store, "5203011708850001", "Budi Santoso", "1985-08-17", 'L', today_text);
  citra = loket_test_register (fixture->store, "5203014407920004", "Citra Dewi", "1992-07-04", 'P', today_text);
  link = g_strdup_printf ("INSERT INTO cooperative_member (cooperative_id, member_id, joined_on, via)"
                          " SELECT %" G_GINT64_FORMAT ", id, '%s', 'linked' FROM member",
                          fixture->coop_id, today_text);
  g_assert_true (loket_store_exec (fixture->store, link, &error));
  loket_payment_request_init (&request);
  request.months = 1;
  request.channel = LOKET_CHANNEL_COUNTER;
  request.clerk = "Sri";
  own = loket_store_pay (fixture->store, citra->kpj, &request, &today, &error);
  g_assert_no_error (error);

  loket_window_show_cooperative (fixture->window, fixture->coop_id);
  loket_ui_test_wait (200);
  page = find (fixture, LOKET_TYPE_COOPERATIVE_PAGE);
  g_assert_true (gtk_widget_activate_action (page, "cooperative.pay-collective", NULL));
  loket_ui_test_wait (200);
  window = LOKET_COLLECTIVE_PAYMENT_WINDOW (loket_ui_test_find_window (LOKET_TYPE_COLLECTIVE_PAYMENT_WINDOW));
  g_assert_nonnull (window);
  g_assert_cmpint (loket_collective_payment_window_get_total (window), ==, 2 * 16800);
  g_assert_cmpuint (loket_collective_payment_window_get_paid (window), ==, 2);
  g_assert_cmpuint (loket_collective_payment_window_get_skipped (window), ==, 1);
  loket_collective_payment_window_set_months (window, 3);
  g_assert_cmpint (loket_collective_payment_window_get_total (window), ==, 2 * 3 * 16800);
  {
    g_autofree char *untranslated = loket_ui_test_find_untranslated (GTK_WIDGET (window));

    g_assert_cmpstr (untranslated, ==, "");
  }
  loket_ui_test_wait (200);
  loket_ui_test_snapshot (GTK_WIDGET (window), "collective-payment");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "collective.record", NULL));
  loket_ui_test_wait (300);
  g_assert_null (loket_ui_test_find_window (LOKET_TYPE_COLLECTIVE_PAYMENT_WINDOW));
  g_assert_nonnull (loket_ui_test_find_window (LOKET_TYPE_DOCUMENT_WINDOW));
  gtk_window_destroy (loket_ui_test_find_window (LOKET_TYPE_DOCUMENT_WINDOW));
  {
    LoketMemberStatus status;
    GDate later = today;

    g_date_add_months (&later, 2);
    g_assert_true (loket_store_get_member_status (fixture->store, budi, &later, &status, &error));
    g_assert_cmpint (status.status, ==, LOKET_STATUS_AKTIF);
  }
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
  ADD ("import-long", test_import_long);
  ADD ("pks-form", test_pks_form);
  ADD ("officer-agent", test_officer_agent);
  ADD ("edit", test_edit);
#undef ADD
  g_test_add_func ("/ui/cooperatives/empty", test_empty);
  g_test_add_func ("/ui/cooperatives/pages-finalize", test_pages_finalize);
  g_test_add ("/ui/cooperatives/collective-payment", Fixture, NULL, fixture_set_up, test_collective_payment,
              fixture_tear_down);
  return g_test_run ();
}
