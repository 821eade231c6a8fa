/* loket-cli-import.c: coop import COOP FILE [--dry-run] [--rejects OUT].
 *
 * Enrols a cooperative's member list under its partnership agreement in
 * force today: the report row by row, then (without --dry-run) everything
 * in one transaction. A thin parser: the columns, the rules and the writes
 * are loket-import's. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "loket-cli.h"
#include "loket-cli-json.h"
#include "loket-error.h"
#include "loket-import.h"
#include "loket-store-cooperatives.h"

static void
add_count (JsonBuilder *builder,
           const char  *name,
           guint        value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

static void
add_rows (JsonBuilder       *builder,
          LoketImportReport *report)
{
  json_builder_set_member_name (builder, "rows");
  json_builder_begin_array (builder);
  for (guint i = 0; i < loket_import_report_get_n_rows (report); i++)
    {
      GPtrArray *problems = loket_import_report_get_problems (report, i);
      LoketMember *member = loket_import_report_get_member (report, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "row");
      json_builder_add_int_value (builder, loket_import_report_get_row_number (report, i));
      loket_cli_json_add_string (builder, "status",
                                 loket_import_status_to_string (loket_import_report_get_status (report, i)));
      loket_cli_json_add_string (builder, "nik", member ? member->nik : NULL);
      loket_cli_json_add_string (builder, "kpj", member ? member->kpj : NULL);
      /* Each problem with the column as the file names it. */
      json_builder_set_member_name (builder, "errors");
      json_builder_begin_array (builder);
      for (guint p = 0; p < problems->len; p++)
        {
          LoketProblem *problem = g_ptr_array_index (problems, p);

          if (problem->severity != LOKET_SEVERITY_ERROR)
            continue;
          json_builder_begin_object (builder);
          loket_cli_json_add_string (builder, "column",
                                     loket_import_report_get_column_for (report, problem->field));
          loket_cli_json_add_string (builder, "field", problem->field);
          loket_cli_json_add_string (builder, "code", problem->code);
          loket_cli_json_add_string (builder, "message", problem->message);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      loket_cli_json_add_problem_list (builder, "warnings", problems, LOKET_SEVERITY_WARNING);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

int
loket_cli_coop_import (LoketCli   *cli,
                       int         argc,
                       char      **argv,
                       JsonNode  **result,
                       GError    **error)
{
  static const LoketCliOption options[] = {
    { "dry-run", FALSE }, { "rejects", TRUE }, LOKET_CLI_GLOBAL_OPTIONS, { NULL }
  };
  g_auto(LoketCliArgs) args = { 0 };
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(LoketPartnership) partnership = NULL;
  g_autoptr(LoketSheet) sheet = NULL;
  g_autoptr(LoketImportReport) report = NULL;
  LoketImportTerms terms = { 0 };
  const char *rejects;
  guint registered = 0, linked = 0;
  gboolean dry_run;
  int cooperative_id;
  LoketStore *store;

  if (!loket_cli_args_parse (argc, argv, options, &args, error))
    return 2;
  if (args.positionals->len != 2)
    {
      g_set_error_literal (error, LOKET_ERROR, LOKET_ERROR_USAGE,
                           _("Usage: loket-cli coop import COOPERATIVE_ID FILE [--dry-run] [--rejects OUT.xlsx|OUT.csv]"));
      return 2;
    }
  if (!loket_cli_parse_int (loket_cli_args_positional (&args, 0), _("Cooperative"), 1, G_MAXINT,
                            &cooperative_id, error))
    return 1;
  dry_run = loket_cli_args_has (&args, "dry-run");
  rejects = loket_cli_args_get (&args, "rejects");

  store = loket_cli_get_store (cli, error);
  if (store == NULL)
    return loket_error_exit_code (*error);
  partnership = loket_store_get_active_partnership (store, cooperative_id, &cli->today, error);
  if (partnership == NULL)
    return loket_error_exit_code (*error);
  loket_import_terms_from_partnership (partnership, &terms);

  sheet = loket_sheet_read_file (loket_cli_args_positional (&args, 1), NULL, NULL, NULL, error);
  if (sheet == NULL)
    return loket_error_exit_code (*error);

  report = loket_import_check (store, sheet, &terms, &cli->today, error);
  if (report == NULL)
    return loket_error_exit_code (*error);
  if (!dry_run && !loket_import_commit (store, report, &cli->today, &registered, &linked, error))
    return loket_error_exit_code (*error);
  if (rejects != NULL && !loket_import_write_rejects (report, sheet, rejects, error))
    return loket_error_exit_code (*error);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "cooperative_id");
  json_builder_add_int_value (builder, cooperative_id);
  loket_cli_json_add_string (builder, "partnership", partnership->number);
  json_builder_set_member_name (builder, "dry_run");
  json_builder_add_boolean_value (builder, dry_run);
  add_count (builder, "to_register", loket_import_report_count (report, LOKET_IMPORT_TO_REGISTER));
  add_count (builder, "already_members", loket_import_report_count (report, LOKET_IMPORT_ALREADY_MEMBER));
  add_count (builder, "duplicates_in_file", loket_import_report_count (report, LOKET_IMPORT_DUPLICATE_IN_FILE));
  add_count (builder, "rejected", loket_import_report_count (report, LOKET_IMPORT_REJECTED));
  add_count (builder, "empty", loket_import_report_count (report, LOKET_IMPORT_EMPTY));
  add_count (builder, "registered", registered);
  add_count (builder, "linked", linked);
  loket_cli_json_add_problem_list (builder, "file_warnings",
                                   loket_import_report_get_file_problems (report), LOKET_SEVERITY_WARNING);
  loket_cli_json_add_problem_list (builder, "file_errors",
                                   loket_import_report_get_file_problems (report), LOKET_SEVERITY_ERROR);
  add_rows (builder, report);
  json_builder_end_object (builder);
  *result = json_builder_get_root (builder);
  return 0;
}
