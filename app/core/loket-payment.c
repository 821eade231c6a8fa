/* loket-payment.c: channels, status, and pricing a span of months. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "loket-contribution.h"
#include "loket-error.h"
#include "loket-format.h"
#include "loket-payment.h"

/* ---- channels ------------------------------------------------------------ */

static const struct {
  const char *code;
  const char *label;     /* for translation */
  const char *receipt;   /* Indonesian, printed */
} channels[LOKET_N_CHANNELS] = {
  [LOKET_CHANNEL_COUNTER] = { "counter", N_("Branch counter"), "Loket kantor cabang" },
  [LOKET_CHANNEL_KANTOR_POS] = { "kantor-pos", N_("Kantor Pos"), "Kantor Pos" },
  [LOKET_CHANNEL_BRILINK] = { "brilink", N_("BRILink"), "BRILink" },
  [LOKET_CHANNEL_BNI_AGENT] = { "bni-agent", N_("BNI 46 agent"), "Agen BNI 46" },
  [LOKET_CHANNEL_INDOMARET] = { "indomaret", N_("Indomaret"), "Indomaret" },
  [LOKET_CHANNEL_ALFAMART] = { "alfamart", N_("Alfamart"), "Alfamart" },
  [LOKET_CHANNEL_BANK] = { "bank", N_("Bank"), "Bank" },
  [LOKET_CHANNEL_COOPERATIVE] = { "cooperative", N_("Cooperative"), "Koperasi" },
  [LOKET_CHANNEL_JMO] = { "jmo", N_("JMO app"), "Aplikasi JMO" },
};

const char *
loket_channel_code (LoketChannel channel)
{
  g_return_val_if_fail (channel < LOKET_N_CHANNELS, NULL);
  return channels[channel].code;
}

const char *
loket_channel_label (LoketChannel channel)
{
  g_return_val_if_fail (channel < LOKET_N_CHANNELS, NULL);
  return _(channels[channel].label);
}

const char *
loket_channel_receipt_label (LoketChannel channel)
{
  g_return_val_if_fail (channel < LOKET_N_CHANNELS, NULL);
  return channels[channel].receipt;
}

gboolean
loket_channel_parse (const char    *text,
                     LoketChannel  *out,
                     GError       **error)
{
  g_autofree char *tidy = g_strstrip (g_strdup (text != NULL ? text : ""));

  for (guint i = 0; i < LOKET_N_CHANNELS; i++)
    if (g_ascii_strcasecmp (tidy, channels[i].code) == 0)
      {
        *out = i;
        return TRUE;
      }
  g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
               _("Channel: “%s” is not a payment channel. Choose one of counter, kantor-pos, brilink, bni-agent, indomaret, alfamart, bank, cooperative, jmo."),
               tidy);
  return FALSE;
}

/* ---- status -------------------------------------------------------------- */

static const struct {
  const char *code;
  const char *label;
} statuses[LOKET_N_STATUSES] = {
  [LOKET_STATUS_AKTIF] = { "aktif", N_("Active") },
  [LOKET_STATUS_MENUNGGAK] = { "menunggak", N_("In arrears") },
  [LOKET_STATUS_NONAKTIF] = { "nonaktif", N_("Lapsed") },
  [LOKET_STATUS_BELUM_BAYAR] = { "belum-bayar", N_("Not yet paid") },
};

const char *
loket_status_code (LoketStatus status)
{
  g_return_val_if_fail (status < LOKET_N_STATUSES, NULL);
  return statuses[status].code;
}

const char *
loket_status_label (LoketStatus status)
{
  g_return_val_if_fail (status < LOKET_N_STATUSES, NULL);
  return _(statuses[status].label);
}

/* ---- months -------------------------------------------------------------- */

int
loket_month_index (const GDate *date)
{
  return (int) g_date_get_year (date) * 12 + (int) g_date_get_month (date) - 1;
}

void
loket_month_first_day (int    month,
                       GDate *out)
{
  g_date_clear (out, 1);
  g_date_set_dmy (out, 1, (GDateMonth) (month % 12 + 1), (GDateYear) (month / 12));
}

void
loket_month_last_day (int    month,
                      GDate *out)
{
  GDateMonth m = (GDateMonth) (month % 12 + 1);
  GDateYear y = (GDateYear) (month / 12);

  g_date_clear (out, 1);
  g_date_set_dmy (out, g_date_get_days_in_month (m, y), m, y);
}

char *
loket_month_format (const GDate *month)
{
  return g_strdup_printf ("%s %u", loket_format_month_name (g_date_get_month (month)),
                          g_date_get_year (month));
}

char *
loket_month_span_format (const GDate *from,
                         const GDate *until)
{
  g_autofree char *first = loket_month_format (from);
  g_autofree char *last = NULL;

  if (loket_month_index (from) == loket_month_index (until))
    return g_steal_pointer (&first);
  last = loket_month_format (until);
  return g_strdup_printf ("%s – %s", first, last);
}

void
loket_payment_classify (const LoketPaidRun *runs,
                        guint               n_runs,
                        int                 month,
                        int                 registered,
                        int                 window,
                        LoketMemberStatus  *out)
{
  const LoketPaidRun *latest = NULL;
  int pay_from;

  /* The run that matters on `month` is the latest one begun by then:
   * later runs (prepaid after a lapse, or a restart) had not begun. */
  for (guint i = 0; i < n_runs; i++)
    if (runs[i].from <= month)
      latest = &runs[i];

  g_date_clear (&out->paid_until, 1);
  out->window = window;
  out->amount_due = 0;
  out->months_behind = 0;
  if (latest != NULL && latest->until >= month)
    {
      out->status = LOKET_STATUS_AKTIF;
      pay_from = latest->until + 1;
    }
  else if (latest != NULL)
    {
      out->months_behind = month - latest->until;
      out->status = out->months_behind <= window ? LOKET_STATUS_MENUNGGAK : LOKET_STATUS_NONAKTIF;
      /* In arrears, the first unpaid month comes first; a membership that
       * has ended starts again from the current month. */
      pay_from = out->status == LOKET_STATUS_MENUNGGAK ? latest->until + 1 : month;
    }
  else
    {
      out->status = LOKET_STATUS_BELUM_BAYAR;
      pay_from = MAX (month, registered);
    }
  /* Runs are merged when they touch, so the run's end is where protection
   * stops, however many payments made it. */
  if (latest != NULL)
    loket_month_last_day (latest->until, &out->paid_until);

  loket_month_first_day (pay_from, &out->pay_from);
  loket_month_first_day (MAX (month - window + 1, registered), &out->earliest_from);
}

/* ---- pricing ------------------------------------------------------------- */

G_DEFINE_FINAL_TYPE (LoketPayment, loket_payment, G_TYPE_OBJECT)

static void
payment_line_clear (gpointer data)
{
  LoketPaymentLine *line = data;

  g_clear_pointer (&line->label, g_free);
}

static void
loket_payment_finalize (GObject *object)
{
  LoketPayment *self = LOKET_PAYMENT (object);

  g_free (self->kpj);
  g_free (self->name);
  g_free (self->receipt_number);
  g_clear_pointer (&self->lines, g_array_unref);
  G_OBJECT_CLASS (loket_payment_parent_class)->finalize (object);
}

static void
loket_payment_class_init (LoketPaymentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = loket_payment_finalize;
}

static void
loket_payment_init (LoketPayment *self)
{
  self->lines = g_array_new (FALSE, TRUE, sizeof (LoketPaymentLine));
  g_array_set_clear_func (self->lines, payment_line_clear);
  g_date_clear (&self->month_from, 1);
  g_date_clear (&self->month_until, 1);
  g_date_clear (&self->paid_on, 1);
}

LoketPayment *
loket_payment_new (void)
{
  return g_object_new (LOKET_TYPE_PAYMENT, NULL);
}

void
loket_payment_get_covered_until (LoketPayment *payment,
                                 GDate        *out)
{
  g_return_if_fail (LOKET_IS_PAYMENT (payment));
  loket_month_last_day (loket_month_index (&payment->month_until), out);
}

gboolean
loket_payment_check_months (int      months,
                            GError **error)
{
  if (months == 1 || months == 3 || months == 6 || months == 12)
    return TRUE;
  g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
               _("Months: %d is not a payment period. Pay for 1, 3, 6 or 12 months (--months 1, 3, 6 or 12)."),
               months);
  return FALSE;
}

gboolean
loket_payment_check_period (LoketMember  *member,
                            int           months,
                            GError      **error)
{
  if (member->segment != LOKET_SEGMENT_BPU)
    {
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                   /* Translators: a name, a KPJ, a segment label */
                   _("Payment: %s (KPJ %s) is a member as %s; Loket takes the monthly contributions of self-employed (BPU) members only."),
                   member->name, member->kpj, loket_segment_label (member->segment));
      return FALSE;
    }
  return loket_payment_check_months (months, error);
}

static int
program_rank (const char *code)
{
  static const char *const order[] = { "jkk", "jkm", "jht", "jp", "jkp" };

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    if (g_strcmp0 (code, order[i]) == 0)
      return (int) i;
  return (int) G_N_ELEMENTS (order);
}

static gint
compare_lines (gconstpointer a,
               gconstpointer b)
{
  const LoketPaymentLine *x = a, *y = b;
  int rank = program_rank (x->program) - program_rank (y->program);

  if (rank != 0)
    return rank;
  return g_date_compare (&x->month_from, &y->month_from);
}

/* Adds a month's line to the payment: it extends the program's last line
 * when it follows on at the same price, else it starts a line of its own. */
static void
add_month_line (LoketPayment                *payment,
                const LoketContributionLine *month_line,
                const GDate                 *month)
{
  LoketPaymentLine line = { 0, };

  for (guint i = payment->lines->len; i > 0; i--)
    {
      LoketPaymentLine *last = &g_array_index (payment->lines, LoketPaymentLine, i - 1);

      if (g_strcmp0 (last->program, month_line->code) != 0)
        continue;
      if (last->monthly == month_line->monthly
          && last->discount == month_line->discount * last->months
          && loket_month_index (&last->month_from) + last->months == loket_month_index (month))
        {
          last->months++;
          last->amount += month_line->monthly;
          last->discount += month_line->discount;
          return;
        }
      break;
    }

  line.program = month_line->code;
  line.label = g_strdup (month_line->label);
  line.month_from = *month;
  line.months = 1;
  line.monthly = month_line->monthly;
  line.discount = month_line->discount;
  line.amount = month_line->monthly;
  g_array_append_val (payment->lines, line);
}

static void
fill_request (LoketContributionRequest *request,
              LoketSegment              segment,
              LoketPrograms             programs,
              gint64                    income,
              const char               *occupation,
              gboolean                  state_funded,
              const GDate              *month)
{
  *request = (LoketContributionRequest) { 0, };
  request->segment = segment;
  request->programs = programs;
  request->income = income;
  request->months = 1;
  request->start = *month;
  request->occupation = occupation;
  request->state_funded = state_funded;
}

LoketPayment *
loket_payment_price (LoketRateBook  *book,
                     LoketMember    *member,
                     const GDate    *from,
                     int             months,
                     gboolean        state_funded,
                     GError        **error)
{
  g_autoptr(LoketPayment) payment = NULL;
  int first;

  g_return_val_if_fail (book != NULL, NULL);
  g_return_val_if_fail (LOKET_IS_MEMBER (member), NULL);
  g_return_val_if_fail (from != NULL && g_date_valid (from), NULL);

  if (!loket_payment_check_period (member, months, error))
    return NULL;

  payment = loket_payment_new ();
  payment->member_id = member->id;
  payment->kpj = g_strdup (member->kpj);
  payment->name = g_strdup (member->name);
  payment->months = months;
  first = loket_month_index (from);
  loket_month_first_day (first, &payment->month_from);
  loket_month_first_day (first + months - 1, &payment->month_until);

  /* Month by month, so that a span across a rate change or the start or
   * end of the PP 50/2025 discount is priced as each month was. */
  for (int i = 0; i < months; i++)
    {
      g_autoptr(LoketContribution) contribution = NULL;
      LoketContributionRequest request;
      GDate month;

      loket_month_first_day (first + i, &month);
      fill_request (&request, member->segment, member->programs, member->income,
                    member->occupation, state_funded, &month);
      contribution = loket_contribution_compute (book, &request, error);
      if (contribution == NULL)
        return NULL;
      for (guint j = 0; j < contribution->lines->len; j++)
        add_month_line (payment, &g_array_index (contribution->lines, LoketContributionLine, j), &month);
      payment->total += contribution->total;
      payment->discount += contribution->discount;
    }

  g_array_sort (payment->lines, compare_lines);
  return g_steal_pointer (&payment);
}

gboolean
loket_payment_month_total (LoketRateBook  *book,
                           LoketSegment    segment,
                           LoketPrograms   programs,
                           gint64          income,
                           const char     *occupation,
                           const GDate    *month,
                           gint64         *total,
                           GError        **error)
{
  g_autoptr(LoketContribution) contribution = NULL;
  LoketContributionRequest request;

  fill_request (&request, segment, programs, income, occupation, FALSE, month);
  contribution = loket_contribution_compute (book, &request, error);
  if (contribution == NULL)
    return FALSE;
  *total = contribution->total;
  return TRUE;
}

/* ---- receipts ------------------------------------------------------------ */

G_DEFINE_FINAL_TYPE (LoketReceipt, loket_receipt, G_TYPE_OBJECT)

static void
loket_receipt_finalize (GObject *object)
{
  LoketReceipt *self = LOKET_RECEIPT (object);

  g_free (self->number);
  g_free (self->created_at);
  g_free (self->reference);
  g_free (self->clerk);
  g_free (self->payer);
  g_free (self->payer_name);
  g_free (self->reversal_reason);
  g_free (self->reversed_by);
  g_clear_pointer (&self->payments, g_ptr_array_unref);
  G_OBJECT_CLASS (loket_receipt_parent_class)->finalize (object);
}

static void
loket_receipt_class_init (LoketReceiptClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = loket_receipt_finalize;
}

static void
loket_receipt_init (LoketReceipt *self)
{
  self->payments = g_ptr_array_new_with_free_func (g_object_unref);
  g_date_clear (&self->paid_on, 1);
  g_date_clear (&self->reversed_on, 1);
}

LoketReceipt *
loket_receipt_new (void)
{
  return g_object_new (LOKET_TYPE_RECEIPT, NULL);
}

void
loket_payment_skip_free (LoketPaymentSkip *skip)
{
  if (skip == NULL)
    return;
  g_free (skip->kpj);
  g_free (skip->name);
  g_free (skip->code);
  g_free (skip->message);
  g_free (skip);
}
