/* loket-payment-page.c */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "loket-card-payload.h"
#include "loket-date.h"
#include "loket-format.h"
#include "loket-kpj.h"
#include "loket-payment-page.h"
#include "loket-payment.h"
#include "loket-receipt-print.h"
#include "loket-rows.h"
#include "loket-staff.h"
#include "loket-store-payments.h"

/* Matches listed under the search field: enough to pick from at the
 * counter, few enough to read at a glance. */
#define SEARCH_LIMIT 6

static const int month_choices[] = { 1, 3, 6, 12 };

struct _LoketPaymentPage
{
  AdwBin            parent_instance;

  LoketStore       *store;          /* owned */
  LoketMember      *member;         /* owned, nullable */
  GPtrArray        *results;        /* LoketMember *, owned: the matches listed */
  GArray           *start_months;   /* GDate, owned: the months from_row offers */
  gint64            total;          /* the quoted total, -1 when none */
  char             *last_receipt;   /* owned, nullable */
  gboolean          filling;        /* the form is being set up: no quote yet */
  gboolean          just_recorded;  /* nothing changed since the last payment */

  /* template children, borrowed */
  GtkSearchEntry   *search_entry;
  GtkListBox       *results_list;
  GtkLabel         *search_message;
  GtkWidget        *member_box;
  GtkLabel         *name_label;
  GtkLabel         *kpj_label;
  GtkLabel         *status_badge;
  GtkLabel         *status_label;
  AdwComboRow      *from_row;
  AdwComboRow      *months_row;
  AdwComboRow      *channel_row;
  AdwEntryRow      *reference_row;
  AdwPreferencesGroup *lines_group;
  GtkLabel         *total_label;
  GtkLabel         *words_label;
  GtkLabel         *form_message;
  GtkButton        *record_button;
  GtkButton        *print_receipt_button;
  AdwPreferencesGroup *history_group;
};

G_DEFINE_FINAL_TYPE (LoketPaymentPage, loket_payment_page, ADW_TYPE_BIN)

enum {
  TOAST,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_form_message (LoketPaymentPage *self,
                   const char       *text)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->form_message), "success");
  gtk_widget_add_css_class (GTK_WIDGET (self->form_message), "error");
  gtk_label_set_text (self->form_message, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->form_message), text != NULL);
}

/* ---- the member's standing ------------------------------------------------ */

static const char *
status_style (LoketStatus status)
{
  switch (status)
    {
    case LOKET_STATUS_AKTIF:
      return "success";
    case LOKET_STATUS_MENUNGGAK:
      return "warning";
    case LOKET_STATUS_NONAKTIF:
    case LOKET_STATUS_BELUM_BAYAR:
    case LOKET_N_STATUSES:
    default:
      return "error";
    }
}

static char *
status_detail (const LoketMemberStatus *status)
{
  g_autofree char *due = loket_format_rupiah (status->amount_due);

  switch (status->status)
    {
    case LOKET_STATUS_AKTIF:
      return g_strdup (_("Paid through this month: protected."));
    case LOKET_STATUS_MENUNGGAK:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%d month behind, %s due. Paying now keeps the membership.",
                                           "%d months behind, %s due. Paying now keeps the membership.",
                                           status->months_behind),
                              status->months_behind, due);
    case LOKET_STATUS_NONAKTIF:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%d month unpaid, beyond the %d months that can be paid late: not protected.",
                                           "%d months unpaid, beyond the %d months that can be paid late: not protected.",
                                           status->months_behind),
                              status->months_behind, status->window);
    case LOKET_STATUS_BELUM_BAYAR:
    case LOKET_N_STATUSES:
    default:
      return g_strdup (_("No month paid yet: not protected until the first payment."));
    }
}

static void
show_status (LoketPaymentPage        *self,
             const LoketMemberStatus *status)
{
  g_autofree char *detail = status_detail (status);
  g_autofree char *text = NULL;

  if (g_date_valid (&status->paid_until))
    {
      g_autofree char *until = loket_format_date (&status->paid_until);

      /* Translators: the status sentence, then the last day covered. */
      text = g_strdup_printf (_("%s Protection runs until %s."), detail, until);
    }
  for (guint i = 0; i < LOKET_N_STATUSES; i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_badge), status_style (i));
  gtk_widget_add_css_class (GTK_WIDGET (self->status_badge), status_style (status->status));
  gtk_label_set_text (self->status_badge, loket_status_label (status->status));
  gtk_label_set_text (self->status_label, text != NULL ? text : detail);
}

/* The months a payment may start at: from the earliest the arrears window
 * allows to the first month unpaid. */
static void
offer_start_months (LoketPaymentPage        *self,
                    const LoketMemberStatus *status)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  int first, last, chosen = 0;

  g_array_set_size (self->start_months, 0);
  if (!g_date_valid (&status->pay_from))
    {
      adw_combo_row_set_model (self->from_row, G_LIST_MODEL (labels));
      return;
    }
  last = loket_month_index (&status->pay_from);
  first = g_date_valid (&status->earliest_from) ? MIN (loket_month_index (&status->earliest_from), last) : last;
  for (int month = first; month <= last; month++)
    {
      GDate day;
      g_autofree char *label = NULL;

      loket_month_first_day (month, &day);
      label = loket_month_format (&day);
      g_array_append_val (self->start_months, day);
      gtk_string_list_append (labels, label);
    }
  chosen = last - first;
  adw_combo_row_set_model (self->from_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->from_row, chosen);
}

static void
receipt_done_cb (LoketPaymentPage *self,
                 const char       *text)
{
  g_signal_emit (self, signals[TOAST], 0, text);
}

static void
print_receipt (LoketPaymentPage *self,
               const char       *number)
{
  LoketDocumentWindow *window = loket_receipt_print_window_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                                self->store, number);

  g_signal_connect_object (window, "done", G_CALLBACK (receipt_done_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
}

static void
history_print_clicked_cb (GtkButton        *button,
                          LoketPaymentPage *self)
{
  print_receipt (self, g_object_get_data (G_OBJECT (button), "receipt"));
}

typedef struct {
  LoketPaymentPage *self;     /* owned */
  char             *number;   /* owned */
  GtkEditable      *reason;   /* borrowed from the dialog */
} Reversal;

static void
reversal_free (gpointer  pointer,
               GClosure *closure)
{
  Reversal *reversal = pointer;

  g_object_unref (reversal->self);
  g_free (reversal->number);
  g_free (reversal);
}

static void show_member (LoketPaymentPage *self);

/* The core refuses a reversal without a reason, and one already made; its
 * message is shown and the dialog closes either way, nothing half done. */
static void
reversal_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      Reversal         *reversal)
{
  LoketPaymentPage *self = reversal->self;
  g_autoptr(LoketReceipt) receipt = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *clerk = loket_staff_current_name (NULL);
  g_autofree char *text = NULL;
  GDate today;

  if (!g_str_equal (response, "reverse"))
    return;
  loket_date_set_today (&today);
  receipt = loket_store_reverse_receipt (self->store, reversal->number,
                                         gtk_editable_get_text (reversal->reason), clerk, &today, &error);
  if (receipt == NULL)
    {
      show_form_message (self, error->message);
      return;
    }
  text = g_strdup_printf (_("Receipt %s reversed"), reversal->number);
  g_signal_emit (self, signals[TOAST], 0, text);
  self->just_recorded = FALSE;
  show_member (self);
}

static void
history_reverse_clicked_cb (GtkButton        *button,
                            LoketPaymentPage *self)
{
  const char *number = g_object_get_data (G_OBJECT (button), "receipt");
  GtkWidget *dialog;
  GtkWidget *entry = gtk_entry_new ();
  Reversal *reversal = g_new0 (Reversal, 1);

  reversal->self = g_object_ref (self);
  reversal->number = g_strdup (number);
  reversal->reason = GTK_EDITABLE (entry);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("Reverse the Receipt?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("Receipt %s stays on record, marked reversed, and its months become "
                                    "unpaid again. Say why: a supervisor will read it."),
                                  number);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reason, such as “wrong member”"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "reverse", _("_Reverse"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reverse",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "reverse");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (reversal_response_cb), reversal, reversal_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_history (LoketPaymentPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) payments = NULL;

  loket_group_clear (self->history_group);
  payments = loket_store_list_member_payments (self->store, self->member->id, &error);
  if (payments == NULL)
    {
      adw_preferences_group_set_description (self->history_group, error->message);
      return;
    }
  adw_preferences_group_set_description (self->history_group,
                                         payments->len == 0 ? _("No payment recorded yet.") : NULL);
  for (guint i = 0; i < payments->len; i++)
    {
      LoketPayment *payment = g_ptr_array_index (payments, i);
      g_autofree char *span = loket_month_span_format (&payment->month_from, &payment->month_until);
      g_autofree char *paid_on = loket_format_date (&payment->paid_on);
      g_autofree char *subtitle = payment->reversed
        ? g_strdup_printf (_("%s · paid on %s · reversed"), payment->receipt_number, paid_on)
        : g_strdup_printf (_("%s · paid on %s"), payment->receipt_number, paid_on);
      GtkWidget *row = loket_amount_row_new (span, subtitle, payment->total);
      GtkWidget *print = gtk_button_new_from_icon_name ("printer-symbolic");

      /* Any receipt can be printed again: a member who lost theirs. */
      gtk_widget_set_valign (print, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (print, _("Print this receipt"));
      gtk_widget_add_css_class (print, "flat");
      g_object_set_data_full (G_OBJECT (print), "receipt", g_strdup (payment->receipt_number), g_free);
      g_signal_connect_object (print, "clicked", G_CALLBACK (history_print_clicked_cb), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), print);
      if (!payment->reversed)
        {
          GtkWidget *reverse = gtk_button_new_from_icon_name ("edit-undo-symbolic");

          gtk_widget_set_valign (reverse, GTK_ALIGN_CENTER);
          gtk_widget_set_tooltip_text (reverse, _("Reverse this receipt"));
          gtk_widget_add_css_class (reverse, "flat");
          g_object_set_data_full (G_OBJECT (reverse), "receipt", g_strdup (payment->receipt_number), g_free);
          g_signal_connect_object (reverse, "clicked", G_CALLBACK (history_reverse_clicked_cb), self, 0);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), reverse);
        }
      if (payment->reversed)
        gtk_widget_add_css_class (row, "dim-label");
      loket_group_add_row (self->history_group, row);
    }
}

/* ---- the payment asked for -------------------------------------------------- */

static void
request_from_form (LoketPaymentPage    *self,
                   LoketPaymentRequest *request)
{
  guint from = adw_combo_row_get_selected (self->from_row);
  guint months = adw_combo_row_get_selected (self->months_row);

  loket_payment_request_init (request);
  request->months = month_choices[MIN (months, G_N_ELEMENTS (month_choices) - 1)];
  if (from < self->start_months->len)
    request->from = g_array_index (self->start_months, GDate, from);
  request->channel = (LoketChannel) MIN (adw_combo_row_get_selected (self->channel_row), LOKET_N_CHANNELS - 1);
  request->reference = gtk_editable_get_text (GTK_EDITABLE (self->reference_row));
  if (request->reference != NULL && *request->reference == '\0')
    request->reference = NULL;
}

static void
show_lines (LoketPaymentPage *self,
            LoketPayment     *payment)
{
  loket_group_clear (self->lines_group);
  for (guint i = 0; payment != NULL && i < payment->lines->len; i++)
    {
      const LoketPaymentLine *line = &g_array_index (payment->lines, LoketPaymentLine, i);
      g_autofree char *monthly = loket_format_rupiah (line->monthly);
      g_autofree char *span = NULL;
      g_autofree char *subtitle = NULL;
      GDate until;
      GtkWidget *row;

      loket_month_first_day (loket_month_index (&line->month_from) + line->months - 1, &until);
      span = loket_month_span_format (&line->month_from, &until);
      /* Translators: the months, then "3 × Rp16.800" */
      subtitle = g_strdup_printf (_("%s · %d × %s"), span, line->months, monthly);
      row = loket_amount_row_new (line->label, subtitle, line->amount);
      loket_group_add_row (self->lines_group, row);
    }
}

/* Prices what the form says, through the same checks as recording it. */
static void
quote (LoketPaymentPage *self)
{
  g_autoptr(LoketPayment) payment = NULL;
  g_autoptr(GError) error = NULL;
  LoketPaymentRequest request;
  GDate today;

  if (self->member == NULL)
    return;
  request_from_form (self, &request);
  loket_date_set_today (&today);
  payment = loket_store_quote_payment (self->store, self->member->kpj, &request, &today, &error);
  show_lines (self, payment);
  if (payment == NULL)
    {
      self->total = -1;
      gtk_label_set_text (self->total_label, "—");
      gtk_label_set_text (self->words_label, "");
      show_form_message (self, error->message);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "payment.record", FALSE);
      return;
    }

  self->total = payment->total;
  {
    g_autofree char *total = loket_format_rupiah (payment->total);
    g_autofree char *words = loket_format_terbilang (payment->total);
    g_autofree char *until_text = NULL;
    g_autofree char *caption = NULL;
    GDate until;

    loket_payment_get_covered_until (payment, &until);
    until_text = loket_format_date (&until);
    /* Translators: the amount in words (ending in "rupiah"), then a date. */
    caption = g_strdup_printf (_("%s · protected until %s"), words, until_text);
    gtk_label_set_text (self->total_label, total);
    gtk_label_set_text (self->words_label, caption);
  }
  if (!self->just_recorded)
    show_form_message (self, NULL);
  /* A second Ctrl+Enter must not pay the next months by accident. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "payment.record", !self->just_recorded);
}

static void
form_changed_cb (LoketPaymentPage *self)
{
  if (self->filling)
    return;
  self->just_recorded = FALSE;
  quote (self);
}

static void
show_member (LoketPaymentPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *kpj = loket_kpj_format (self->member->kpj);
  LoketMemberStatus status;
  GDate today;

  gtk_label_set_text (self->name_label, self->member->name);
  gtk_label_set_text (self->kpj_label, kpj);
  gtk_widget_set_visible (self->member_box, TRUE);

  loket_date_set_today (&today);
  if (!loket_store_get_member_status (self->store, self->member, &today, &status, &error))
    {
      show_form_message (self, error->message);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "payment.record", FALSE);
      return;
    }
  show_status (self, &status);
  self->filling = TRUE;
  offer_start_months (self, &status);
  self->filling = FALSE;
  show_history (self);
  quote (self);
}

/* ---- finding the member ----------------------------------------------------- */

static void
clear_results (LoketPaymentPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results_list))) != NULL)
    gtk_list_box_remove (self->results_list, child);
  g_ptr_array_set_size (self->results, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->results_list), FALSE);
}

static void
choose (LoketPaymentPage *self,
        LoketMember      *member)
{
  g_autoptr(LoketMember) chosen = g_object_ref (member);

  clear_results (self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_label_set_text (self->search_message, "");
  loket_payment_page_set_member (self, chosen);
}

/* A scanned card names its member; one that fails its check says so. */
static gboolean
take_scanned_card (LoketPaymentPage *self,
                   const char       *text,
                   gboolean          finished)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LoketMember) member = NULL;

  if (!loket_card_payload_looks_like (text))
    return FALSE;
  if (!finished && strlen (text) < LOKET_CARD_PAYLOAD_LENGTH)
    return TRUE;
  member = loket_store_find_member_by_card (self->store, text, &error);
  if (member == NULL)
    gtk_label_set_text (self->search_message, error->message);
  else
    choose (self, member);
  return TRUE;
}

static void
search_changed_cb (LoketPaymentPage *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;

  clear_results (self);
  gtk_label_set_text (self->search_message, "");
  if (self->store == NULL || *text == '\0' || take_scanned_card (self, text, FALSE))
    return;

  found = loket_store_search_members (self->store, text, SEARCH_LIMIT, &error);
  if (found == NULL)
    {
      gtk_label_set_text (self->search_message, error->message);
      return;
    }
  if (found->len == 0)
    gtk_label_set_text (self->search_message, _("No member matches. Type a name, a NIK or a KPJ."));
  for (guint i = 0; i < found->len; i++)
    {
      LoketMember *member = g_ptr_array_index (found, i);
      g_autofree char *kpj = loket_kpj_format (member->kpj);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), member->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), kpj);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_list_box_append (self->results_list, row);
      g_ptr_array_add (self->results, g_object_ref (member));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->results_list), found->len > 0);
}

/* Enter takes the first match, or the scanned card. */
static void
search_activated_cb (LoketPaymentPage *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));

  if (take_scanned_card (self, text, TRUE))
    return;
  if (self->results->len > 0)
    choose (self, g_ptr_array_index (self->results, 0));
}

static void
result_activated_cb (LoketPaymentPage *self,
                     GtkListBoxRow    *row)
{
  int index = gtk_list_box_row_get_index (row);

  if (index >= 0 && (guint) index < self->results->len)
    choose (self, g_ptr_array_index (self->results, index));
}

/* ---- recording ---------------------------------------------------------------- */

static void
record_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LoketPaymentPage *self = LOKET_PAYMENT_PAGE (widget);
  g_autoptr(LoketReceipt) receipt = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *clerk = loket_staff_current_name (NULL);
  g_autofree char *text = NULL;
  g_autofree char *total = NULL;
  LoketPaymentRequest request;
  GDate today;

  if (self->member == NULL || self->total < 0 || self->just_recorded)
    return;
  request_from_form (self, &request);
  request.clerk = clerk;
  /* The amount the clerk saw is the amount taken: if anything changed
   * since (another counter paid a month), the core refuses. */
  request.expected_total = self->total;
  loket_date_set_today (&today);
  receipt = loket_store_pay (self->store, self->member->kpj, &request, &today, &error);
  if (receipt == NULL)
    {
      show_form_message (self, error->message);
      return;
    }

  g_free (self->last_receipt);
  self->last_receipt = g_strdup (receipt->number);
  total = loket_format_rupiah (receipt->total);
  text = g_strdup_printf (_("Payment of %s recorded: receipt %s, %s"), self->member->name, receipt->number, total);
  g_signal_emit (self, signals[TOAST], 0, text);
  self->filling = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->reference_row), "");
  self->filling = FALSE;
  self->just_recorded = TRUE;
  gtk_widget_set_visible (GTK_WIDGET (self->print_receipt_button), TRUE);
  show_member (self);
  {
    g_autofree char *done = g_strdup_printf (_("Recorded under receipt %s. Change the months to take "
                                               "another payment."), receipt->number);

    gtk_label_set_text (self->form_message, done);
    gtk_widget_remove_css_class (GTK_WIDGET (self->form_message), "error");
    gtk_widget_add_css_class (GTK_WIDGET (self->form_message), "success");
    gtk_widget_set_visible (GTK_WIDGET (self->form_message), TRUE);
  }
}

static void
print_receipt_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  LoketPaymentPage *self = LOKET_PAYMENT_PAGE (widget);

  if (self->last_receipt != NULL && self->member != NULL)
    print_receipt (self, self->last_receipt);
}

/* ---- the class ---------------------------------------------------------------- */

static void
loket_payment_page_dispose (GObject *object)
{
  LoketPaymentPage *self = LOKET_PAYMENT_PAGE (object);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LOKET_TYPE_PAYMENT_PAGE);
  g_clear_object (&self->store);
  g_clear_object (&self->member);
  g_clear_pointer (&self->results, g_ptr_array_unref);
  g_clear_pointer (&self->start_months, g_array_unref);
  g_clear_pointer (&self->last_receipt, g_free);

  G_OBJECT_CLASS (loket_payment_page_parent_class)->dispose (object);
}

static void
loket_payment_page_class_init (LoketPaymentPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = loket_payment_page_dispose;

  /* Something done that the window should say in a toast. */
  signals[TOAST] = g_signal_new ("toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/loket/Loket/loket-payment-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LoketPaymentPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LoketPaymentPage, results_list);
  gtk_widget_class_bind_template_child (widget_class, LoketPaymentPage, search_message);
  gtk_widget_class_bind_template_child (widget_class, LoketPaymentPage, member_box);
  gtk_widget_class_bind_template_child (widget_class, LoketPaymentPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, LoketPaymentPage, kpj_label);
  gtk_widget_class_bind_template_child (widget_class, LoketPaymentPage, status_badge);
  gtk_widget_class_bind_template_child (widget_class, LoketPaymentPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, LoketPaymentPage, from_row);
  gtk_widget_class_bind_template_child (widget_class, LoketPaymentPage, months_row);
  gtk_widget_class_bind_template_child (widget_class, LoketPaymentPage, channel_row);
  gtk_widget_class_bind_template_child (widget_class, LoketPaymentPage, reference_row);
  gtk_widget_class_bind_template_child (widget_class, LoketPaymentPage, lines_group);
  gtk_widget_class_bind_template_child (widget_class, LoketPaymentPage, total_label);
  gtk_widget_class_bind_template_child (widget_class, LoketPaymentPage, words_label);
  gtk_widget_class_bind_template_child (widget_class, LoketPaymentPage, form_message);
  gtk_widget_class_bind_template_child (widget_class, LoketPaymentPage, record_button);
  gtk_widget_class_bind_template_child (widget_class, LoketPaymentPage, print_receipt_button);
  gtk_widget_class_bind_template_child (widget_class, LoketPaymentPage, history_group);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, result_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, form_changed_cb);

  gtk_widget_class_install_action (widget_class, "payment.record", NULL, record_activated);
  gtk_widget_class_install_action (widget_class, "payment.print-receipt", NULL, print_receipt_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "payment.print-receipt", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "payment.record", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "payment.record", NULL);
}

static void
loket_payment_page_init (LoketPaymentPage *self)
{
  g_autoptr(GtkStringList) channels = gtk_string_list_new (NULL);

  self->results = g_ptr_array_new_with_free_func (g_object_unref);
  self->start_months = g_array_new (FALSE, FALSE, sizeof (GDate));
  self->total = -1;
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < LOKET_N_CHANNELS; i++)
    gtk_string_list_append (channels, loket_channel_label (i));
  adw_combo_row_set_model (self->channel_row, G_LIST_MODEL (channels));
  adw_combo_row_set_selected (self->channel_row, LOKET_CHANNEL_COUNTER);
}

void
loket_payment_page_set_store (LoketPaymentPage *self,
                              LoketStore       *store)
{
  g_return_if_fail (LOKET_IS_PAYMENT_PAGE (self));
  g_return_if_fail (LOKET_IS_STORE (store));

  g_set_object (&self->store, store);
}

void
loket_payment_page_set_member (LoketPaymentPage *self,
                               LoketMember      *member)
{
  g_return_if_fail (LOKET_IS_PAYMENT_PAGE (self));
  g_return_if_fail (LOKET_IS_MEMBER (member));
  g_return_if_fail (self->store != NULL);

  g_set_object (&self->member, member);
  self->just_recorded = FALSE;
  g_clear_pointer (&self->last_receipt, g_free);
  gtk_widget_set_visible (GTK_WIDGET (self->print_receipt_button), FALSE);
  /* A new member starts from the usual: one month, at the counter. */
  self->filling = TRUE;
  adw_combo_row_set_selected (self->months_row, 0);
  adw_combo_row_set_selected (self->channel_row, LOKET_CHANNEL_COUNTER);
  gtk_editable_set_text (GTK_EDITABLE (self->reference_row), "");
  self->filling = FALSE;
  show_member (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->months_row));
}

void
loket_payment_page_reset (LoketPaymentPage *self)
{
  g_return_if_fail (LOKET_IS_PAYMENT_PAGE (self));

  g_clear_object (&self->member);
  self->total = -1;
  clear_results (self);
  gtk_widget_set_visible (self->member_box, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_label_set_text (self->search_message, "");
  loket_payment_page_focus_search (self);
}

void
loket_payment_page_focus_search (LoketPaymentPage *self)
{
  g_return_if_fail (LOKET_IS_PAYMENT_PAGE (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

GtkEditable *
loket_payment_page_get_search_entry (LoketPaymentPage *self)
{
  g_return_val_if_fail (LOKET_IS_PAYMENT_PAGE (self), NULL);
  return GTK_EDITABLE (self->search_entry);
}

LoketMember *
loket_payment_page_get_member (LoketPaymentPage *self)
{
  g_return_val_if_fail (LOKET_IS_PAYMENT_PAGE (self), NULL);
  return self->member;
}

gint64
loket_payment_page_get_total (LoketPaymentPage *self)
{
  g_return_val_if_fail (LOKET_IS_PAYMENT_PAGE (self), -1);
  return self->total;
}

const char *
loket_payment_page_get_message (LoketPaymentPage *self)
{
  g_return_val_if_fail (LOKET_IS_PAYMENT_PAGE (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->form_message)) ? gtk_label_get_text (self->form_message) : NULL;
}

void
loket_payment_page_set_months (LoketPaymentPage *self,
                               int               months)
{
  g_return_if_fail (LOKET_IS_PAYMENT_PAGE (self));

  for (guint i = 0; i < G_N_ELEMENTS (month_choices); i++)
    if (month_choices[i] == months)
      adw_combo_row_set_selected (self->months_row, i);
}

const char *
loket_payment_page_get_last_receipt (LoketPaymentPage *self)
{
  g_return_val_if_fail (LOKET_IS_PAYMENT_PAGE (self), NULL);
  return self->last_receipt;
}
