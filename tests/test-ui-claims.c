/* test-ui-claims.c: the Klaim section as the counter uses it: a new claim
 * judged as it is typed (an heir recorded on the way), taken, checked,
 * approved by someone else than who took it, its letter previewed from the
 * PDF, and paid. The window's "today" is the real date: the member joined
 * two months ago and has paid through this month. */
#include <adwaita.h>
#include <string.h>

#include "loket-claim-form.h"
#include "loket-claim-view.h"
#include "loket-claims-page.h"
#include "loket-date.h"
#include "loket-document-window.h"
#include "loket-store-payments.h"
#include "loket-test-util.h"
#include "loket-ui-test-util.h"
#include "loket-window.h"

typedef struct {
  LoketStore      *store;
  LoketWindow     *window;
  LoketMember     *member;
  LoketClaimsPage *page;
  GDate            today;
} Fixture;

static char *
iso (const GDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LoketReceipt) receipt = NULL;
  g_autofree char *joined_text = NULL;
  LoketPaymentRequest request;
  GDate joined;

  g_setenv ("LOKET_USER", "Sri Wahyuni", TRUE);
  loket_date_set_today (&fixture->today);
  joined = fixture->today;
  g_date_set_day (&joined, 1);
  g_date_subtract_months (&joined, 2);
  joined_text = iso (&joined);

  fixture->store = loket_test_open_store (NULL);
  loket_store_set_setting (fixture->store, LOKET_SETTING_BRANCH_NAME, "KCP Selong", NULL);
  loket_store_set_setting (fixture->store, LOKET_SETTING_BRANCH_CODE, "SLG", NULL);
  fixture->member = loket_test_register (fixture->store, "5203015205900002", "Baiq Nurul Aini",
                                         "1990-05-12", 'P', joined_text);
  loket_payment_request_init (&request);
  request.months = 3;
  request.from = joined;
  request.channel = LOKET_CHANNEL_COUNTER;
  request.clerk = "Sri Wahyuni";
  receipt = loket_store_pay (fixture->store, fixture->member->kpj, &request, &fixture->today, &error);
  g_assert_no_error (error);

  fixture->window = loket_window_new (NULL, fixture->store, NULL);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1100, 820);
  gtk_window_present (GTK_WINDOW (fixture->window));
  loket_window_show_section (fixture->window, "claims");
  fixture->page = LOKET_CLAIMS_PAGE (loket_ui_test_find (GTK_WIDGET (fixture->window), LOKET_TYPE_CLAIMS_PAGE));
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
  g_unsetenv ("LOKET_USER");
}

static void
type_into (GtkWidget  *form,
           const char *row,
           const char *text)
{
  GObject *child = gtk_widget_get_template_child (form, LOKET_TYPE_CLAIM_FORM, row);

  g_assert_nonnull (child);
  gtk_editable_set_text (GTK_EDITABLE (child), text);
}

static void
test_new_claim_flow (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *form = loket_ui_test_find (GTK_WIDGET (fixture->page), LOKET_TYPE_CLAIM_FORM);
  GtkWidget *view = loket_ui_test_find (GTK_WIDGET (fixture->page), LOKET_TYPE_CLAIM_VIEW);
  GDate event = fixture->today;
  g_autofree char *event_text = NULL;
  g_autofree char *untranslated = NULL;
  LoketClaim *preview;
  LoketDocumentWindow *letter;
  gint64 id;

  g_assert_cmpstr (loket_claims_page_get_mode (fixture->page), ==, "list");
  g_assert_cmpuint (loket_claims_page_get_count (fixture->page), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "claims.new", NULL));
  g_assert_cmpstr (loket_claims_page_get_mode (fixture->page), ==, "new");

  /* The member, the program, the event: judged at once. The death was
   * five days ago; nobody claims yet but the member's own name. */
  g_date_subtract_days (&event, 5);
  event_text = g_strdup_printf ("%02d/%02d/%04d", g_date_get_day (&event), g_date_get_month (&event),
                                g_date_get_year (&event));
  loket_claim_form_set_member_text (LOKET_CLAIM_FORM (form), fixture->member->kpj);
  loket_claim_form_set_program (LOKET_CLAIM_FORM (form), LOKET_CLAIM_JKM);
  loket_claim_form_set_event_date_text (LOKET_CLAIM_FORM (form), event_text);
  loket_ui_test_wait (50);
  preview = loket_claim_form_get_preview (LOKET_CLAIM_FORM (form));
  g_assert_nonnull (preview);
  g_assert_cmpint (preview->total, ==, 42000000);

  /* Her husband is recorded as her heir here, and becomes the claimant. */
  type_into (form, "heir_name_row", "Lalu Muhammad Zohri");
  type_into (form, "heir_nik_row", "5203011708850001");
  type_into (form, "heir_birth_row", "17/08/1985");
  g_assert_true (gtk_widget_activate_action (form, "claim-form.add-heir", NULL));
  loket_ui_test_wait (50);
  preview = loket_claim_form_get_preview (LOKET_CLAIM_FORM (form));
  g_assert_nonnull (preview);
  g_assert_cmpstr (preview->claimant_name, ==, "Lalu Muhammad Zohri");
  g_assert_true (preview->eligible);
  g_assert_cmpint (preview->total, ==, 42000000);
  untranslated = loket_ui_test_find_untranslated (form);
  g_assert_cmpstr (untranslated, ==, "");
  loket_ui_test_wait (100);
  loket_ui_test_snapshot (GTK_WIDGET (fixture->window), "claim-new");

  /* Taken by Sri; the claim opens with its next step. */
  id = loket_claim_form_submit (LOKET_CLAIM_FORM (form));
  g_assert_cmpint (id, >, 0);
  loket_ui_test_wait (50);
  g_assert_cmpstr (loket_claims_page_get_mode (fixture->page), ==, "claim");
  g_assert_cmpint (loket_claim_view_get_claim (LOKET_CLAIM_VIEW (view))->status, ==, LOKET_CLAIM_DIAJUKAN);

  /* Skipping a step is refused; verifying is not. */
  g_assert_false (loket_claim_view_advance (LOKET_CLAIM_VIEW (view), LOKET_CLAIM_DIBAYAR, NULL));
  g_assert_nonnull (loket_claim_view_get_message (LOKET_CLAIM_VIEW (view)));
  g_assert_true (gtk_widget_activate_action (view, "claim.verify", NULL));
  g_assert_cmpint (loket_claim_view_get_claim (LOKET_CLAIM_VIEW (view))->status, ==, LOKET_CLAIM_DIVERIFIKASI);

  /* Sri took it: she may not approve it. Ketut may. */
  g_assert_true (gtk_widget_activate_action (view, "claim.approve", NULL));
  g_assert_cmpint (loket_claim_view_get_claim (LOKET_CLAIM_VIEW (view))->status, ==, LOKET_CLAIM_DIVERIFIKASI);
  g_assert_nonnull (loket_claim_view_get_message (LOKET_CLAIM_VIEW (view)));
  g_setenv ("LOKET_USER", "Ketut Suardana", TRUE);
  g_assert_true (gtk_widget_activate_action (view, "claim.approve", NULL));
  g_assert_cmpint (loket_claim_view_get_claim (LOKET_CLAIM_VIEW (view))->status, ==, LOKET_CLAIM_DISETUJUI);
  g_assert_nonnull (loket_claim_view_get_claim (LOKET_CLAIM_VIEW (view))->letter_number);
  loket_ui_test_wait (400);  /* past the stack's crossfade */
  loket_ui_test_snapshot (GTK_WIDGET (fixture->window), "claim");

  /* The letter, from its PDF. */
  g_assert_true (gtk_widget_activate_action (view, "claim.letter", NULL));
  loket_ui_test_wait (300);
  letter = LOKET_DOCUMENT_WINDOW (loket_ui_test_find_window (LOKET_TYPE_DOCUMENT_WINDOW));
  g_assert_nonnull (letter);
  g_assert_cmpuint (loket_document_window_get_page_count (letter), >=, 1);
  g_assert_null (loket_document_window_get_message (letter));
  loket_ui_test_snapshot (GTK_WIDGET (letter), "claim-letter");
  gtk_window_destroy (GTK_WINDOW (letter));

  g_assert_true (gtk_widget_activate_action (view, "claim.paid", NULL));
  g_assert_cmpint (loket_claim_view_get_claim (LOKET_CLAIM_VIEW (view))->status, ==, LOKET_CLAIM_DIBAYAR);

  /* Back in the list: one claim, paid. */
  loket_claims_page_show_list (fixture->page);
  g_assert_cmpuint (loket_claims_page_get_count (fixture->page), ==, 1);
}

/* An event date in the future is said under the form and nothing is taken. */
static void
test_future_event_refused (Fixture       *fixture,
                           gconstpointer  data)
{
  GtkWidget *form = loket_ui_test_find (GTK_WIDGET (fixture->page), LOKET_TYPE_CLAIM_FORM);
  GDate event = fixture->today;
  g_autofree char *event_text = NULL;

  loket_claims_page_show_new (fixture->page, fixture->member);
  g_date_add_days (&event, 10);
  event_text = g_strdup_printf ("%02d/%02d/%04d", g_date_get_day (&event), g_date_get_month (&event),
                                g_date_get_year (&event));
  loket_claim_form_set_event_date_text (LOKET_CLAIM_FORM (form), event_text);
  loket_ui_test_wait (50);
  g_assert_cmpint (loket_claim_form_submit (LOKET_CLAIM_FORM (form)), ==, 0);
  g_assert_nonnull (loket_claim_form_get_message (LOKET_CLAIM_FORM (form)));
  loket_claims_page_show_list (fixture->page);
  g_assert_cmpuint (loket_claims_page_get_count (fixture->page), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  loket_ui_test_init (&argc, &argv);

  g_test_add ("/ui/claims/new-claim-flow", Fixture, NULL, fixture_set_up, test_new_claim_flow, fixture_tear_down);
  g_test_add ("/ui/claims/future-event-refused", Fixture, NULL, fixture_set_up, test_future_event_refused,
              fixture_tear_down);
  return g_test_run ();
}
