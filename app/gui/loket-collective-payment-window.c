/* loket-collective-payment-window.c */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "loket-collective-payment-window.h"
#include "loket-date.h"
#include "loket-format.h"
#include "loket-kpj.h"
#include "loket-rows.h"
#include "loket-staff.h"
#include "loket-store-payments.h"

/* Rows listed for each side: enough to check names against the
 * cooperative's list; the count says how many more there are. */
#define MAX_LISTED 100

static const int month_choices[] = { 1, 3, 6, 12 };

struct _LoketCollectivePaymentWindow
{
  AdwWindow            parent_instance;

  LoketStore          *store;           /* owned */
  gint64               cooperative_id;
  gint64               total;           /* quoted, -1 when nothing can be paid */
  guint                paid;
  guint                skipped;

  /* template children, borrowed */
  AdwWindowTitle      *window_title;
  AdwComboRow         *months_row;
  AdwComboRow         *channel_row;
  AdwEntryRow         *reference_row;
  GtkLabel            *total_label;
  GtkLabel            *summary_label;
  GtkLabel            *message_label;
  AdwPreferencesGroup *skipped_group;
  AdwPreferencesGroup *paid_group;
};

G_DEFINE_FINAL_TYPE (LoketCollectivePaymentWindow, loket_collective_payment_window, ADW_TYPE_WINDOW)

enum {
  PAID,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_message (LoketCollectivePaymentWindow *self,
              const char                   *text)
{
  gtk_label_set_text (self->message_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), text != NULL);
}

static void
request_from_form (LoketCollectivePaymentWindow *self,
                   LoketPaymentRequest          *request,
                   const char                   *clerk)
{
  guint months = adw_combo_row_get_selected (self->months_row);
  const char *reference = gtk_editable_get_text (GTK_EDITABLE (self->reference_row));

  loket_payment_request_init (request);
  request->months = month_choices[MIN (months, G_N_ELEMENTS (month_choices) - 1)];
  request->channel = (LoketChannel) MIN (adw_combo_row_get_selected (self->channel_row), LOKET_N_CHANNELS - 1);
  request->reference = reference != NULL && *reference != '\0' ? reference : NULL;
  request->clerk = clerk;
}

static void
show_skipped (LoketCollectivePaymentWindow *self,
              GPtrArray                    *skipped)
{
  self->skipped = skipped != NULL ? skipped->len : 0;
  gtk_widget_set_visible (GTK_WIDGET (self->skipped_group), self->skipped > 0);
  for (guint i = 0; i < self->skipped && i < MAX_LISTED; i++)
    {
      const LoketPaymentSkip *skip = g_ptr_array_index (skipped, i);

      loket_group_add_value (self->skipped_group, skip->name, skip->message, NULL);
    }
}

static void
show_paid (LoketCollectivePaymentWindow *self,
           LoketReceipt                 *receipt)
{
  self->paid = receipt->payments->len;
  for (guint i = 0; i < self->paid && i < MAX_LISTED; i++)
    {
      LoketPayment *payment = g_ptr_array_index (receipt->payments, i);
      g_autofree char *kpj = loket_kpj_format (payment->kpj);
      g_autofree char *span = loket_month_span_format (&payment->month_from, &payment->month_until);
      g_autofree char *subtitle = g_strdup_printf ("%s · %s", kpj, span);
      g_autofree char *amount = loket_format_rupiah (payment->total);

      loket_group_add_value (self->paid_group, payment->name, subtitle, amount);
    }
  if (self->paid > MAX_LISTED)
    {
      g_autofree char *more = g_strdup_printf (_("and %u more"), self->paid - MAX_LISTED);

      adw_preferences_group_set_description (self->paid_group, more);
    }
  else
    adw_preferences_group_set_description (self->paid_group, NULL);
}

/* The core's quote: the same checks and the same members left out as the
 * payment, written nowhere. */
static void
quote (LoketCollectivePaymentWindow *self)
{
  g_autoptr(LoketReceipt) receipt = NULL;
  g_autoptr(GPtrArray) skipped = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *clerk = loket_staff_current_name (NULL);
  LoketPaymentRequest request;
  GDate today;

  if (self->store == NULL)
    return;
  loket_group_clear (self->skipped_group);
  loket_group_clear (self->paid_group);
  request_from_form (self, &request, clerk);
  loket_date_set_today (&today);
  receipt = loket_store_quote_collective (self->store, self->cooperative_id, NULL, &request, &today,
                                          &skipped, &error);
  show_skipped (self, skipped);
  if (receipt == NULL)
    {
      self->total = -1;
      self->paid = 0;
      gtk_label_set_text (self->total_label, "—");
      gtk_label_set_text (self->summary_label, "");
      show_message (self, error->message);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "collective.record", FALSE);
      return;
    }

  self->total = receipt->total;
  show_paid (self, receipt);
  {
    g_autofree char *total = loket_format_rupiah (receipt->total);
    g_autofree char *words = loket_format_terbilang (receipt->total);
    g_autofree char *summary = g_strdup_printf (_("%s · %u members paid for, %u left out"),
                                                words, self->paid, self->skipped);

    gtk_label_set_text (self->total_label, total);
    gtk_label_set_text (self->summary_label, summary);
  }
  show_message (self, NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "collective.record", TRUE);
}

static void
record_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LoketCollectivePaymentWindow *self = LOKET_COLLECTIVE_PAYMENT_WINDOW (widget);
  g_autoptr(LoketReceipt) receipt = NULL;
  g_autoptr(GPtrArray) skipped = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *clerk = loket_staff_current_name (NULL);
  LoketPaymentRequest request;
  GDate today;

  if (self->total < 0)
    return;
  request_from_form (self, &request, clerk);
  /* What the clerk saw is what is taken: a member who paid meanwhile at
   * another counter changes the total, and the core refuses. */
  request.expected_total = self->total;
  loket_date_set_today (&today);
  receipt = loket_store_pay_collective (self->store, self->cooperative_id, NULL, &request, &today,
                                        &skipped, &error);
  if (receipt == NULL)
    {
      show_message (self, error->message);
      return;
    }
  g_signal_emit (self, signals[PAID], 0, receipt->number);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
loket_collective_payment_window_dispose (GObject *object)
{
  LoketCollectivePaymentWindow *self = LOKET_COLLECTIVE_PAYMENT_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LOKET_TYPE_COLLECTIVE_PAYMENT_WINDOW);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (loket_collective_payment_window_parent_class)->dispose (object);
}

static void
loket_collective_payment_window_class_init (LoketCollectivePaymentWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = loket_collective_payment_window_dispose;

  /* Recorded: the receipt's number. The window closes itself after. */
  signals[PAID] = g_signal_new ("paid", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/loket/Loket/loket-collective-payment-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LoketCollectivePaymentWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, LoketCollectivePaymentWindow, months_row);
  gtk_widget_class_bind_template_child (widget_class, LoketCollectivePaymentWindow, channel_row);
  gtk_widget_class_bind_template_child (widget_class, LoketCollectivePaymentWindow, reference_row);
  gtk_widget_class_bind_template_child (widget_class, LoketCollectivePaymentWindow, total_label);
  gtk_widget_class_bind_template_child (widget_class, LoketCollectivePaymentWindow, summary_label);
  gtk_widget_class_bind_template_child (widget_class, LoketCollectivePaymentWindow, message_label);
  gtk_widget_class_bind_template_child (widget_class, LoketCollectivePaymentWindow, skipped_group);
  gtk_widget_class_bind_template_child (widget_class, LoketCollectivePaymentWindow, paid_group);
  gtk_widget_class_bind_template_callback (widget_class, quote);

  gtk_widget_class_install_action (widget_class, "collective.record", NULL, record_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "collective.record", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
loket_collective_payment_window_init (LoketCollectivePaymentWindow *self)
{
  g_autoptr(GtkStringList) channels = gtk_string_list_new (NULL);

  self->total = -1;
  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint i = 0; i < LOKET_N_CHANNELS; i++)
    gtk_string_list_append (channels, loket_channel_label (i));
  adw_combo_row_set_model (self->channel_row, G_LIST_MODEL (channels));
  /* A cooperative usually brings what it collected from its members. */
  adw_combo_row_set_selected (self->channel_row, LOKET_CHANNEL_COOPERATIVE);
}

LoketCollectivePaymentWindow *
loket_collective_payment_window_new (GtkWindow  *parent,
                                     LoketStore *store,
                                     gint64      cooperative_id,
                                     const char *cooperative_name)
{
  LoketCollectivePaymentWindow *self;

  g_return_val_if_fail (LOKET_IS_STORE (store), NULL);

  self = g_object_new (LOKET_TYPE_COLLECTIVE_PAYMENT_WINDOW, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->cooperative_id = cooperative_id;
  adw_window_title_set_subtitle (self->window_title, cooperative_name);
  quote (self);
  return self;
}

gint64
loket_collective_payment_window_get_total (LoketCollectivePaymentWindow *self)
{
  g_return_val_if_fail (LOKET_IS_COLLECTIVE_PAYMENT_WINDOW (self), -1);
  return self->total;
}

guint
loket_collective_payment_window_get_paid (LoketCollectivePaymentWindow *self)
{
  g_return_val_if_fail (LOKET_IS_COLLECTIVE_PAYMENT_WINDOW (self), 0);
  return self->paid;
}

guint
loket_collective_payment_window_get_skipped (LoketCollectivePaymentWindow *self)
{
  g_return_val_if_fail (LOKET_IS_COLLECTIVE_PAYMENT_WINDOW (self), 0);
  return self->skipped;
}

const char *
loket_collective_payment_window_get_message (LoketCollectivePaymentWindow *self)
{
  g_return_val_if_fail (LOKET_IS_COLLECTIVE_PAYMENT_WINDOW (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->message_label)) ? gtk_label_get_text (self->message_label)
                                                                   : NULL;
}

void
loket_collective_payment_window_set_months (LoketCollectivePaymentWindow *self,
                                            int                           months)
{
  g_return_if_fail (LOKET_IS_COLLECTIVE_PAYMENT_WINDOW (self));

  for (guint i = 0; i < G_N_ELEMENTS (month_choices); i++)
    if (month_choices[i] == months)
      adw_combo_row_set_selected (self->months_row, i);
}
