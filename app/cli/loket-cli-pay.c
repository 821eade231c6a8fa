/* loket-cli-pay.c: pay, status, reverse (issue 6). */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "loket-cli.h"
#include "loket-cli-json.h"
#include "loket-cli-pay.h"
#include "loket-date.h"
#include "loket-error.h"
#include "loket-format.h"
#include "loket-kpj.h"
#include "loket-store-payments.h"

void
loket_cli_json_add_month (JsonBuilder *builder,
                          const char  *name,
                          const GDate *month)
{
  g_autofree char *text = NULL;

  if (month != NULL && g_date_valid (month))
    text = g_strdup_printf ("%04u-%02u", g_date_get_year (month), g_date_get_month (month));
  loket_cli_json_add_string (builder, name, text);
}

void
loket_cli_json_add_payment (JsonBuilder  *builder,
                            LoketPayment *payment)
{
  GDate until;

  loket_payment_get_covered_until (payment, &until);
  loket_cli_json_add_string (builder, "kpj", payment->kpj);
  loket_cli_json_add_string (builder, "name", payment->name);
  loket_cli_json_add_month (builder, "month_from", &payment->month_from);
  loket_cli_json_add_month (builder, "month_until", &payment->month_until);
  loket_cli_json_add_int (builder, "months", payment->months);
  json_builder_set_member_name (builder, "lines");
  json_builder_begin_array (builder);
  for (guint i = 0; i < payment->lines->len; i++)
    {
      const LoketPaymentLine *line = &g_array_index (payment->lines, LoketPaymentLine, i);

      json_builder_begin_object (builder);
      loket_cli_json_add_string (builder, "program", line->program);
      loket_cli_json_add_string (builder, "label", line->label);
      loket_cli_json_add_month (builder, "month_from", &line->month_from);
      loket_cli_json_add_int (builder, "months", line->months);
      loket_cli_json_add_int (builder, "monthly", line->monthly);
      loket_cli_json_add_int (builder, "discount", line->discount);
      loket_cli_json_add_int (builder, "amount", line->amount);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  loket_cli_json_add_int (builder, "total", payment->total);
  loket_cli_json_add_int (builder, "discount", payment->discount);
  loket_cli_json_add_date (builder, "covered_until", &until);
}

/* The receipt's own fields, without its payments. */
void
loket_cli_json_add_receipt (JsonBuilder  *builder,
                            LoketReceipt *receipt)
{
  loket_cli_json_add_string (builder, "receipt", receipt->number);
  loket_cli_json_add_date (builder, "paid_on", &receipt->paid_on);
  loket_cli_json_add_string (builder, "channel", loket_channel_code (receipt->channel));
  loket_cli_json_add_string (builder, "reference", receipt->reference);
  loket_cli_json_add_string (builder, "clerk", receipt->clerk);
  loket_cli_json_add_string (builder, "payer", receipt->payer);
  loket_cli_json_add_string (builder, "payer_name", receipt->payer_name);
  json_builder_set_member_name (builder, "reversed");
  json_builder_add_boolean_value (builder, receipt->reversed);
  if (receipt->reversed)
    {
      loket_cli_json_add_date (builder, "reversed_on", &receipt->reversed_on);
      loket_cli_json_add_string (builder, "reason", receipt->reversal_reason);
      loket_cli_json_add_string (builder, "reversed_by", receipt->reversed_by);
    }
}

static int
usage (const char  *text,
       GError     **error)
{
  g_set_error (error, LOKET_ERROR, LOKET_ERROR_USAGE, _("Usage: %s"), text);
  return 2;
}

#define PAY_USAGE "loket-cli pay KPJ --months N [--from YYYY-MM] --channel CHANNEL [--ref REFERENCE] [--amount RUPIAH] | " \
                  "pay --coop ID [--members KPJ,…] --months N [--from YYYY-MM] --channel CHANNEL [--ref REFERENCE] [--amount RUPIAH]"

gboolean
loket_cli_parse_payment_options (LoketCli             *cli,
                                 LoketCliArgs         *args,
                                 LoketPaymentRequest  *request,
                                 GError              **error)
{
  const char *months = loket_cli_args_get (args, "months");
  const char *from = loket_cli_args_get (args, "from");
  const char *channel = loket_cli_args_get (args, "channel");
  const char *amount = loket_cli_args_get (args, "amount");
  gint64 value = 0;

  loket_payment_request_init (request);
  request->clerk = cli->user;
  request->reference = loket_cli_args_get (args, "ref");

  /* Any whole number gets through to the core, which says what a period
   * may be; only what is not a number at all stops here. */
  if (!g_ascii_string_to_signed (months, 10, -9999, 9999, &value, NULL))
    {
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                   _("Months: “%s” is not a number of months. Pay for 1, 3, 6 or 12 months (--months 1, 3, 6 or 12)."),
                   months);
      return FALSE;
    }
  request->months = (int) value;
  if (from != NULL && !loket_date_parse_month (from, _("From (--from)"), &request->from, error))
    return FALSE;
  if (!loket_channel_parse (channel, &request->channel, error))
    return FALSE;
  if (amount != NULL && !loket_format_parse_rupiah (amount, _("Amount (--amount)"), &request->expected_total, error))
    return FALSE;
  return TRUE;
}

static int
pay_member (LoketCli      *cli,
            LoketCliArgs  *args,
            JsonNode     **result,
            GError       **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(LoketReceipt) receipt = NULL;
  g_autofree char *kpj = NULL;
  LoketPaymentRequest request;
  LoketStore *store;

  if ((kpj = loket_kpj_normalize (loket_cli_args_positional (args, 0), error)) == NULL
      || !loket_cli_parse_payment_options (cli, args, &request, error))
    return 1;
  if ((store = loket_cli_get_store (cli, error)) == NULL
      || (receipt = loket_store_pay (store, kpj, &request, &cli->today, error)) == NULL)
    return loket_error_exit_code (*error);

  json_builder_begin_object (builder);
  loket_cli_json_add_receipt (builder, receipt);
  loket_cli_json_add_payment (builder, g_ptr_array_index (receipt->payments, 0));
  *result = loket_cli_json_finish (builder);
  return 0;
}

static void
add_skipped (JsonBuilder *builder,
             GPtrArray   *skipped)
{
  json_builder_set_member_name (builder, "skipped");
  json_builder_begin_array (builder);
  for (guint i = 0; skipped != NULL && i < skipped->len; i++)
    {
      const LoketPaymentSkip *skip = g_ptr_array_index (skipped, i);

      json_builder_begin_object (builder);
      loket_cli_json_add_string (builder, "kpj", skip->kpj);
      loket_cli_json_add_string (builder, "name", skip->name);
      loket_cli_json_add_string (builder, "code", skip->code);
      loket_cli_json_add_string (builder, "message", skip->message);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/* The KPJs of --members, checked and in their stored form. */
static GStrv
parse_members (const char  *text,
               GError     **error)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(GStrvBuilder) kpjs = g_strv_builder_new ();

  if (text == NULL)
    return NULL;
  parts = g_strsplit (text, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *kpj = NULL;

      if (*g_strstrip (parts[i]) == '\0')
        continue;
      if ((kpj = loket_kpj_normalize (parts[i], error)) == NULL)
        return NULL;
      g_strv_builder_add (kpjs, kpj);
    }
  return g_strv_builder_end (kpjs);
}

static int
pay_cooperative (LoketCli      *cli,
                 LoketCliArgs  *args,
                 JsonNode     **result,
                 GError       **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(LoketReceipt) receipt = NULL;
  g_autoptr(GPtrArray) skipped = NULL;
  g_auto(GStrv) kpjs = NULL;
  const char *members = loket_cli_args_get (args, "members");
  LoketPaymentRequest request;
  LoketStore *store;
  gint64 cooperative_id = 0;

  if (!g_ascii_string_to_signed (loket_cli_args_get (args, "coop"), 10, 1, G_MAXINT64, &cooperative_id, NULL))
    {
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_USAGE,
                   _("The option --coop takes a cooperative’s number, such as 3."));
      return 2;
    }
  if ((members != NULL && (kpjs = parse_members (members, error)) == NULL)
      || !loket_cli_parse_payment_options (cli, args, &request, error))
    return 1;
  if ((store = loket_cli_get_store (cli, error)) == NULL)
    return loket_error_exit_code (*error);
  receipt = loket_store_pay_collective (store, cooperative_id, (const char *const *) kpjs,
                                        &request, &cli->today, &skipped, error);
  if (receipt == NULL)
    {
      if (skipped != NULL && skipped->len > 0)
        {
          g_autoptr(JsonBuilder) detail = json_builder_new ();

          json_builder_begin_object (detail);
          add_skipped (detail, skipped);
          g_clear_pointer (&cli->error_detail, json_node_unref);
          cli->error_detail = loket_cli_json_finish (detail);
        }
      return loket_error_exit_code (*error);
    }

  json_builder_begin_object (builder);
  loket_cli_json_add_receipt (builder, receipt);
  loket_cli_json_add_int (builder, "cooperative_id", receipt->cooperative_id);
  loket_cli_json_add_int (builder, "paid", receipt->payments->len);
  loket_cli_json_add_int (builder, "total", receipt->total);
  loket_cli_json_add_int (builder, "discount", receipt->discount);
  json_builder_set_member_name (builder, "members");
  json_builder_begin_array (builder);
  for (guint i = 0; i < receipt->payments->len; i++)
    {
      json_builder_begin_object (builder);
      loket_cli_json_add_payment (builder, g_ptr_array_index (receipt->payments, i));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  add_skipped (builder, skipped);
  *result = loket_cli_json_finish (builder);
  return 0;
}

int
loket_cli_verb_pay (LoketCli   *cli,
                    int         argc,
                    char      **argv,
                    JsonNode  **result,
                    GError    **error)
{
  static const LoketCliOption options[] = {
    { "months", TRUE }, { "from", TRUE }, { "channel", TRUE }, { "ref", TRUE }, { "amount", TRUE },
    { "coop", TRUE }, { "members", TRUE, TRUE },
    LOKET_CLI_GLOBAL_OPTIONS, { NULL }
  };
  g_auto(LoketCliArgs) args = { 0 };
  gboolean coop;

  if (!loket_cli_args_parse (argc, argv, options, &args, error))
    return 2;
  coop = loket_cli_args_has (&args, "coop");
  if (args.positionals->len != (coop ? 0u : 1u)
      || (!coop && loket_cli_args_has (&args, "members"))
      || !loket_cli_args_has (&args, "months")
      || !loket_cli_args_has (&args, "channel"))
    return usage (PAY_USAGE, error);
  if (coop)
    return pay_cooperative (cli, &args, result, error);
  return pay_member (cli, &args, result, error);
}

int
loket_cli_verb_status (LoketCli   *cli,
                       int         argc,
                       char      **argv,
                       JsonNode  **result,
                       GError    **error)
{
  static const LoketCliOption options[] = {
    { "date", TRUE }, LOKET_CLI_GLOBAL_OPTIONS, { NULL }
  };
  g_auto(LoketCliArgs) args = { 0 };
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(LoketMember) member = NULL;
  g_autofree char *kpj = NULL;
  const char *date = NULL;
  LoketMemberStatus status;
  LoketStore *store;
  GDate on = cli->today;

  if (!loket_cli_args_parse (argc, argv, options, &args, error))
    return 2;
  if (args.positionals->len != 1)
    return usage ("loket-cli status KPJ [--date YYYY-MM-DD]", error);
  if ((kpj = loket_kpj_normalize (loket_cli_args_positional (&args, 0), error)) == NULL)
    return 1;
  if ((date = loket_cli_args_get (&args, "date")) != NULL
      && !loket_date_parse_iso (date, _("Date (--date)"), &on, error))
    return 1;
  if ((store = loket_cli_get_store (cli, error)) == NULL
      || (member = loket_store_find_member_by_kpj (store, kpj, error)) == NULL
      || !loket_store_get_member_status (store, member, &on, &status, error))
    return loket_error_exit_code (*error);

  json_builder_begin_object (builder);
  loket_cli_json_add_string (builder, "kpj", member->kpj);
  loket_cli_json_add_string (builder, "name", member->name);
  loket_cli_json_add_date (builder, "date", &on);
  loket_cli_json_add_string (builder, "status", loket_status_code (status.status));
  loket_cli_json_add_string (builder, "status_label", loket_status_label (status.status));
  loket_cli_json_add_date (builder, "paid_until", &status.paid_until);
  loket_cli_json_add_int (builder, "months_behind", status.months_behind);
  loket_cli_json_add_int (builder, "amount_due", status.amount_due);
  loket_cli_json_add_month (builder, "pay_from", &status.pay_from);
  loket_cli_json_add_month (builder, "earliest_from", &status.earliest_from);
  *result = loket_cli_json_finish (builder);
  return 0;
}

int
loket_cli_verb_reverse (LoketCli   *cli,
                        int         argc,
                        char      **argv,
                        JsonNode  **result,
                        GError    **error)
{
  static const LoketCliOption options[] = {
    { "reason", TRUE }, LOKET_CLI_GLOBAL_OPTIONS, { NULL }
  };
  g_auto(LoketCliArgs) args = { 0 };
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(LoketReceipt) receipt = NULL;
  LoketStore *store;
  gint64 members = 0;

  if (!loket_cli_args_parse (argc, argv, options, &args, error))
    return 2;
  if (args.positionals->len != 1)
    return usage ("loket-cli reverse RECEIPT --reason TEXT", error);
  if ((store = loket_cli_get_store (cli, error)) == NULL
      || (receipt = loket_store_reverse_receipt (store, loket_cli_args_positional (&args, 0),
                                                 loket_cli_args_get (&args, "reason"), cli->user,
                                                 &cli->today, error)) == NULL)
    return loket_error_exit_code (*error);

  members = receipt->payments->len;
  json_builder_begin_object (builder);
  loket_cli_json_add_receipt (builder, receipt);
  loket_cli_json_add_int (builder, "members", members);
  loket_cli_json_add_int (builder, "total", receipt->total);
  *result = loket_cli_json_finish (builder);
  return 0;
}

int
loket_cli_verb_receipt (LoketCli   *cli,
                        int         argc,
                        char      **argv,
                        JsonNode  **result,
                        GError    **error)
{
  static const LoketCliOption options[] = {
    { "output", TRUE }, { "width", TRUE }, LOKET_CLI_GLOBAL_OPTIONS, { NULL }
  };
  g_auto(LoketCliArgs) args = { 0 };
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(LoketReceipt) receipt = NULL;
  g_autofree char **arguments = g_new0 (char *, argc + 1);
  g_autofree char *branch = NULL;
  LoketReceiptOptions receipt_options = { 0, };
  const char *output, *width;
  LoketStore *store;
  guint pages = 0;

  /* -o FILE is --output FILE, as for card. */
  for (int i = 0; i < argc; i++)
    arguments[i] = g_str_equal (argv[i], "-o") ? (char *) "--output" : argv[i];
  if (!loket_cli_args_parse (argc, arguments, options, &args, error))
    return 2;
  output = loket_cli_args_get (&args, "output");
  width = loket_cli_args_get (&args, "width");
  if (args.positionals->len != 1 || output == NULL)
    return usage ("loket-cli receipt NUMBER -o FILE [--width a4|80mm]", error);
  if (width != NULL && !loket_receipt_width_parse (width, _("Width (--width)"), &receipt_options.width, error))
    return 1;
  if ((store = loket_cli_get_store (cli, error)) == NULL
      || (receipt = loket_store_find_receipt (store, loket_cli_args_positional (&args, 0), error)) == NULL)
    return loket_error_exit_code (*error);

  /* The branch's paper unless the command says otherwise. */
  if (width == NULL)
    receipt_options.width = loket_store_get_receipt_width (store);
  branch = loket_store_dup_setting (store, LOKET_SETTING_BRANCH_NAME);
  receipt_options.branch_name = branch;
  if (!loket_receipt_write_pdf (receipt, &receipt_options, output, &pages, error))
    return loket_error_exit_code (*error);

  json_builder_begin_object (builder);
  loket_cli_json_add_string (builder, "receipt", receipt->number);
  loket_cli_json_add_string (builder, "path", output);
  loket_cli_json_add_string (builder, "width", loket_receipt_width_code (receipt_options.width));
  loket_cli_json_add_int (builder, "pages", pages);
  loket_cli_json_add_int (builder, "total", receipt->total);
  json_builder_set_member_name (builder, "reversed");
  json_builder_add_boolean_value (builder, receipt->reversed);
  *result = loket_cli_json_finish (builder);
  return 0;
}
