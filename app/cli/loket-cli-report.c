/* loket-cli-report.c: report day, report behind, report expected (issue 6);
 * report claims is in loket-cli-claim.c (issue 7). */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "loket-cli.h"
#include "loket-cli-json.h"
#include "loket-cli-pay.h"
#include "loket-date.h"
#include "loket-error.h"
#include "loket-store-reports.h"

#define REPORT_USAGE "loket-cli report day [--date YYYY-MM-DD] | report behind [--coop ID] [--date YYYY-MM-DD] | " \
                     "report expected [--month YYYY-MM] | report claims --from YYYY-MM-DD --to YYYY-MM-DD"

static void
add_rows (JsonBuilder *builder,
          const char  *name,
          const char  *key_name,
          GArray      *rows)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; i < rows->len; i++)
    {
      const LoketReportRow *row = &g_array_index (rows, LoketReportRow, i);

      json_builder_begin_object (builder);
      loket_cli_json_add_string (builder, key_name, row->key);
      if (g_strcmp0 (row->key, row->label) != 0)
        loket_cli_json_add_string (builder, "channel_label", row->label);
      loket_cli_json_add_int (builder, "receipts", row->receipts);
      loket_cli_json_add_int (builder, "members", row->members);
      loket_cli_json_add_int (builder, "amount", row->amount);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static int
report_day (LoketCli     *cli,
            const GDate  *day,
            JsonNode    **result,
            GError      **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(LoketDayReport) report = NULL;
  LoketStore *store;

  if ((store = loket_cli_get_store (cli, error)) == NULL
      || (report = loket_store_report_day (store, day, error)) == NULL)
    return loket_error_exit_code (*error);

  json_builder_begin_object (builder);
  loket_cli_json_add_date (builder, "date", &report->day);
  loket_cli_json_add_int (builder, "receipts", report->receipts);
  loket_cli_json_add_int (builder, "members", report->members);
  loket_cli_json_add_int (builder, "total", report->total);
  loket_cli_json_add_int (builder, "reversed_receipts", report->reversed_receipts);
  loket_cli_json_add_int (builder, "reversed_total", report->reversed_total);
  loket_cli_json_add_int (builder, "net", report->net);
  add_rows (builder, "by_channel", "channel", report->by_channel);
  add_rows (builder, "by_clerk", "clerk", report->by_clerk);
  *result = loket_cli_json_finish (builder);
  return 0;
}

static void
add_counts (JsonBuilder  *builder,
            const gint64 *counts)
{
  for (int status = 0; status < LOKET_N_STATUSES; status++)
    {
      g_autofree char *name = g_strdelimit (g_strdup (loket_status_code (status)), "-", '_');

      loket_cli_json_add_int (builder, name, counts[status]);
    }
}

static int
report_behind (LoketCli      *cli,
               LoketCliArgs  *args,
               const GDate   *on,
               JsonNode     **result,
               GError       **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(LoketBehindReport) report = NULL;
  const char *coop = loket_cli_args_get (args, "coop");
  gint64 cooperative_id = 0;
  LoketStore *store;

  if (coop != NULL && !g_ascii_string_to_signed (coop, 10, 1, G_MAXINT64, &cooperative_id, NULL))
    {
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_USAGE,
                   _("The option --coop takes a cooperative’s number, such as 3."));
      return 2;
    }
  if ((store = loket_cli_get_store (cli, error)) == NULL
      || (report = loket_store_report_behind (store, on, cooperative_id, error)) == NULL)
    return loket_error_exit_code (*error);

  json_builder_begin_object (builder);
  loket_cli_json_add_date (builder, "date", &report->on);
  if (cooperative_id > 0)
    loket_cli_json_add_int (builder, "cooperative_id", cooperative_id);
  loket_cli_json_add_int (builder, "members", report->members);
  add_counts (builder, report->counts);
  loket_cli_json_add_int (builder, "amount_due", report->amount_due);
  json_builder_set_member_name (builder, "behind");
  json_builder_begin_array (builder);
  for (guint i = 0; i < report->behind->len; i++)
    {
      const LoketBehindMember *member = &g_array_index (report->behind, LoketBehindMember, i);

      json_builder_begin_object (builder);
      loket_cli_json_add_string (builder, "kpj", member->kpj);
      loket_cli_json_add_string (builder, "name", member->name);
      loket_cli_json_add_date (builder, "paid_until", &member->paid_until);
      loket_cli_json_add_int (builder, "months_behind", member->months_behind);
      loket_cli_json_add_int (builder, "amount_due", member->amount_due);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "cooperatives");
  json_builder_begin_array (builder);
  for (guint i = 0; i < report->cooperatives->len; i++)
    {
      const LoketBehindCooperative *row = &g_array_index (report->cooperatives, LoketBehindCooperative, i);

      json_builder_begin_object (builder);
      loket_cli_json_add_int (builder, "cooperative_id", row->cooperative_id);
      loket_cli_json_add_string (builder, "name", row->name);
      loket_cli_json_add_int (builder, "members", row->members);
      add_counts (builder, row->counts);
      loket_cli_json_add_int (builder, "amount_due", row->amount_due);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  *result = loket_cli_json_finish (builder);
  return 0;
}

static int
report_expected (LoketCli     *cli,
                 LoketCliArgs *args,
                 JsonNode    **result,
                 GError      **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const char *text = loket_cli_args_get (args, "month");
  LoketExpectedReport report;
  LoketStore *store;
  GDate month;

  /* Next month unless told. */
  if (text != NULL)
    {
      if (!loket_date_parse_month (text, _("Month (--month)"), &month, error))
        return 1;
    }
  else
    loket_date_add_months_first (&cli->today, 1, &month);
  if ((store = loket_cli_get_store (cli, error)) == NULL
      || !loket_store_report_expected (store, &month, &report, error))
    return loket_error_exit_code (*error);

  json_builder_begin_object (builder);
  loket_cli_json_add_month (builder, "month", &report.month);
  loket_cli_json_add_int (builder, "members_due", report.members_due);
  loket_cli_json_add_int (builder, "amount_expected", report.amount_due);
  loket_cli_json_add_int (builder, "members_paid", report.members_paid);
  loket_cli_json_add_int (builder, "members_not_paying", report.members_not_paying);
  *result = loket_cli_json_finish (builder);
  return 0;
}

int
loket_cli_verb_report (LoketCli   *cli,
                       int         argc,
                       char      **argv,
                       JsonNode  **result,
                       GError    **error)
{
  static const LoketCliOption options[] = {
    { "date", TRUE }, { "coop", TRUE }, { "month", TRUE }, { "from", TRUE }, { "to", TRUE },
    LOKET_CLI_GLOBAL_OPTIONS, { NULL }
  };
  g_auto(LoketCliArgs) args = { 0 };
  const char *kind, *date;
  GDate on = cli->today;

  if (!loket_cli_args_parse (argc, argv, options, &args, error))
    return 2;
  kind = loket_cli_args_positional (&args, 0);
  if (args.positionals->len != 1
      || (!g_str_equal (kind, "day") && !g_str_equal (kind, "behind") && !g_str_equal (kind, "expected")
          && !g_str_equal (kind, "claims"))
      || (loket_cli_args_has (&args, "coop") && !g_str_equal (kind, "behind"))
      || (loket_cli_args_has (&args, "month") && !g_str_equal (kind, "expected"))
      || (loket_cli_args_has (&args, "date") && (g_str_equal (kind, "expected") || g_str_equal (kind, "claims")))
      || (g_str_equal (kind, "claims") != (loket_cli_args_has (&args, "from") && loket_cli_args_has (&args, "to")))
      || (!g_str_equal (kind, "claims") && (loket_cli_args_has (&args, "from") || loket_cli_args_has (&args, "to"))))
    {
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_USAGE, _("Usage: %s"), REPORT_USAGE);
      return 2;
    }
  if ((date = loket_cli_args_get (&args, "date")) != NULL
      && !loket_date_parse_iso (date, _("Date (--date)"), &on, error))
    return 1;

  if (g_str_equal (kind, "day"))
    return report_day (cli, &on, result, error);
  if (g_str_equal (kind, "behind"))
    return report_behind (cli, &args, &on, result, error);
  if (g_str_equal (kind, "claims"))
    return loket_cli_report_claims (cli, &args, result, error);
  return report_expected (cli, &args, result, error);
}
