/* test-ui-payments.c: the Pembayaran section as the clerk uses it: find the
 * member (typed, or a scanned card), see what is due, choose the months,
 * record, and see the status change. The window's "today" is the real date,
 * so the member is registered today. */
#include <adwaita.h>
#include <string.h>

#include "loket-card-payload.h"
#include "loket-date.h"
#include "loket-document-window.h"
#include "loket-payment-page.h"
#include "loket-reports-page.h"
#include "loket-staff.h"
#include "loket-store-payments.h"
#include "loket-test-util.h"
#include "loket-ui-test-util.h"
#include "loket-window.h"

typedef struct {
  LoketStore       *store;
  LoketWindow      *window;
  LoketMember      *member;
  LoketPaymentPage *page;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *today = NULL;
  GDate date;

  loket_date_set_today (&date);
  today = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&date), g_date_get_month (&date),
                           g_date_get_day (&date));
  fixture->store = loket_test_open_store (NULL);
  loket_store_set_setting (fixture->store, LOKET_SETTING_BRANCH_NAME, "KCP Selong", NULL);
  fixture->member = loket_test_register (fixture->store, "5203015205900002", "Baiq Nurul Aini",
                                         "1990-05-12", 'P', today);
  fixture->window = loket_window_new (NULL, fixture->store, NULL);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1100, 820);
  gtk_window_present (GTK_WINDOW (fixture->window));
  loket_window_show_payment (fixture->window, NULL);
  fixture->page = LOKET_PAYMENT_PAGE (loket_ui_test_find (GTK_WIDGET (fixture->window), LOKET_TYPE_PAYMENT_PAGE));
  g_assert_nonnull (fixture->page);
  loket_ui_test_wait (200);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  loket_ui_test_wait (50);
  g_clear_object (&fixture->member);
  g_assert_finalize_object (fixture->store);
}

static LoketStatus
status_today (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  LoketMemberStatus status;
  GDate today;

  loket_date_set_today (&today);
  g_assert_true (loket_store_get_member_status (fixture->store, fixture->member, &today, &status, &error));
  g_assert_no_error (error);
  return status.status;
}

static void
test_find_quote_record (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkEditable *search = loket_payment_page_get_search_entry (fixture->page);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_autofree char *untranslated = NULL;
  gint64 one_month, three_months;

  /* The search field has the focus; Enter takes the first match. */
  g_assert_true (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (search)));
  gtk_editable_set_text (search, fixture->member->kpj);
  loket_ui_test_wait (400);  /* past GtkSearchEntry's search delay */
  g_signal_emit_by_name (search, "activate");
  loket_ui_test_wait (100);
  g_assert_nonnull (loket_payment_page_get_member (fixture->page));
  g_assert_cmpstr (loket_payment_page_get_member (fixture->page)->kpj, ==, fixture->member->kpj);
  g_assert_cmpint (status_today (fixture), ==, LOKET_STATUS_BELUM_BAYAR);

  one_month = loket_payment_page_get_total (fixture->page);
  g_assert_cmpint (one_month, >, 0);
  loket_payment_page_set_months (fixture->page, 3);
  three_months = loket_payment_page_get_total (fixture->page);
  g_assert_cmpint (three_months, >=, 2 * one_month);
  g_assert_null (loket_payment_page_get_message (fixture->page));
  untranslated = loket_ui_test_find_untranslated (GTK_WIDGET (fixture->page));
  g_assert_cmpstr (untranslated, ==, "");
  loket_ui_test_wait (100);
  loket_ui_test_snapshot (GTK_WIDGET (fixture->window), "payment");

  /* Ctrl+Enter records it under a receipt; the member is covered now. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "payment.record", NULL));
  loket_ui_test_wait (100);
  g_assert_nonnull (loket_payment_page_get_last_receipt (fixture->page));
  g_assert_cmpint (status_today (fixture), ==, LOKET_STATUS_AKTIF);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(LoketReceipt) receipt = loket_store_find_receipt (fixture->store,
                                                                loket_payment_page_get_last_receipt (fixture->page),
                                                                &error);
    g_assert_no_error (error);
    g_assert_cmpint (receipt->total, ==, three_months);
  }
  /* A second Ctrl+Enter does not pay the next months. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "payment.record", NULL);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) payments = loket_store_list_member_payments (fixture->store, fixture->member->id, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (payments->len, ==, 1);
  }
  g_assert_nonnull (strstr (loket_payment_page_get_message (fixture->page),
                            loket_payment_page_get_last_receipt (fixture->page)));
  loket_ui_test_wait (100);
  loket_ui_test_snapshot (GTK_WIDGET (fixture->window), "payment-recorded");

  /* Ctrl+P previews the receipt from its PDF; saved, it names the receipt
   * and the amount in words. */
  {
    g_autofree char *folder = loket_test_make_folder ();
    g_autofree char *path = g_build_filename (folder, "kwitansi.pdf", NULL);
    const char *argv[] = { "pdftotext", "-q", path, "-", NULL };
    g_autofree char *text = NULL;
    LoketDocumentWindow *receipt;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "payment.print-receipt", NULL));
    loket_ui_test_wait (300);
    receipt = (LoketDocumentWindow *) loket_ui_test_find_window (LOKET_TYPE_DOCUMENT_WINDOW);
    g_assert_nonnull (receipt);
    g_assert_cmpuint (loket_document_window_get_page_count (receipt), ==, 1);
    g_assert_null (loket_document_window_get_message (receipt));
    loket_ui_test_snapshot (GTK_WIDGET (receipt), "receipt-preview");
    g_assert_true (loket_document_window_save_to (receipt, path));
    loket_ui_test_wait (100);
    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                                 &text, NULL, NULL, NULL));
    g_assert_nonnull (strstr (text, loket_payment_page_get_last_receipt (fixture->page)));
    g_assert_nonnull (strstr (text, "lima puluh ribu empat ratus rupiah"));
  }
}

static GtkWidget *
find_button_with_tooltip (GtkWidget  *root,
                          const char *tooltip)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_widget_get_tooltip_text (child), tooltip) == 0)
        return child;
      if ((found = find_button_with_tooltip (child, tooltip)) != NULL)
        return found;
    }
  return NULL;
}

/* A receipt in the history is reversed with a reason: its months are
 * unpaid again. Without a reason the core refuses and nothing changes. */
static void
test_reversal (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(LoketReceipt) receipt = NULL;
  g_autoptr(GError) error = NULL;
  LoketPaymentRequest request;
  AdwMessageDialog *dialog;
  GtkWidget *button;
  GDate today;

  loket_date_set_today (&today);
  loket_payment_request_init (&request);
  request.months = 1;
  request.channel = LOKET_CHANNEL_COUNTER;
  request.clerk = "Sri";
  receipt = loket_store_pay (fixture->store, fixture->member->kpj, &request, &today, &error);
  g_assert_no_error (error);
  loket_payment_page_set_member (fixture->page, fixture->member);
  loket_ui_test_wait (100);
  g_assert_cmpint (status_today (fixture), ==, LOKET_STATUS_AKTIF);

  /* No reason: refused, still paid. */
  button = find_button_with_tooltip (GTK_WIDGET (fixture->page), "Batalkan kwitansi ini");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  loket_ui_test_wait (100);
  dialog = ADW_MESSAGE_DIALOG (loket_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "reverse");
  loket_ui_test_wait (100);
  g_assert_cmpint (status_today (fixture), ==, LOKET_STATUS_AKTIF);
  g_assert_nonnull (loket_payment_page_get_message (fixture->page));

  /* With one: reversed. */
  button = find_button_with_tooltip (GTK_WIDGET (fixture->page), "Batalkan kwitansi ini");
  g_signal_emit_by_name (button, "clicked");
  loket_ui_test_wait (100);
  dialog = ADW_MESSAGE_DIALOG (loket_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)), "salah peserta");
  adw_message_dialog_response (dialog, "reverse");
  loket_ui_test_wait (100);
  g_assert_cmpint (status_today (fixture), ==, LOKET_STATUS_BELUM_BAYAR);
  g_assert_null (find_button_with_tooltip (GTK_WIDGET (fixture->page), "Batalkan kwitansi ini"));
}

static void
test_scanned_card (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkEditable *search = loket_payment_page_get_search_entry (fixture->page);
  g_autofree char *payload = loket_card_payload_make (fixture->member->kpj);

  gtk_editable_set_text (search, payload);
  loket_ui_test_wait (400);
  g_assert_nonnull (loket_payment_page_get_member (fixture->page));
  g_assert_cmpstr (loket_payment_page_get_member (fixture->page)->name, ==, "Baiq Nurul Aini");
}

static gboolean
branch_figures_arrived (gpointer data)
{
  return !loket_reports_page_is_loading (data);
}

/* Laporan: the day's closing counts the payment taken today, and the
 * member is counted active among the branch's members. */
static void
test_reports (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(LoketReceipt) receipt = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *untranslated = NULL;
  LoketPaymentRequest request;
  LoketReportsPage *reports;
  GDate today;

  loket_date_set_today (&today);
  loket_payment_request_init (&request);
  request.months = 3;
  request.channel = LOKET_CHANNEL_BRILINK;
  request.clerk = "Sri Wahyuni";
  receipt = loket_store_pay (fixture->store, fixture->member->kpj, &request, &today, &error);
  g_assert_no_error (error);

  loket_window_show_section (fixture->window, "reports");
  reports = LOKET_REPORTS_PAGE (loket_ui_test_find (GTK_WIDGET (fixture->window), LOKET_TYPE_REPORTS_PAGE));
  g_assert_nonnull (reports);
  loket_ui_test_wait_until (branch_figures_arrived, reports, 10000);
  g_assert_cmpint (loket_reports_page_get_net (reports), ==, receipt->total);
  loket_ui_test_wait (200);
  untranslated = loket_ui_test_find_untranslated (GTK_WIDGET (reports));
  g_assert_cmpstr (untranslated, ==, "");
  loket_ui_test_snapshot (GTK_WIDGET (fixture->window), "reports");

  /* The day before took nothing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (reports), "reports.previous-day", NULL));
  loket_ui_test_wait_until (branch_figures_arrived, reports, 10000);
  g_assert_cmpint (loket_reports_page_get_net (reports), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  loket_ui_test_init (&argc, &argv);

  g_test_add ("/ui/payments/find-quote-record", Fixture, NULL, fixture_set_up, test_find_quote_record,
              fixture_tear_down);
  g_test_add ("/ui/payments/reports", Fixture, NULL, fixture_set_up, test_reports, fixture_tear_down);
  g_test_add ("/ui/payments/reversal", Fixture, NULL, fixture_set_up, test_reversal, fixture_tear_down);
  g_test_add ("/ui/payments/scanned-card", Fixture, NULL, fixture_set_up, test_scanned_card, fixture_tear_down);
  return g_test_run ();
}
