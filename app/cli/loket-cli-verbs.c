/* loket-cli-verbs.c: init, nik check, kpj check, iuran. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "loket-backup.h"
#include "loket-cli.h"
#include "loket-cli-args.h"
#include "loket-cli-json.h"
#include "loket-contribution.h"
#include "loket-date.h"
#include "loket-error.h"
#include "loket-format.h"
#include "loket-kpj.h"
#include "loket-nik.h"
#include "loket-store-payments.h"

static gboolean
expect_positionals (LoketCliArgs  *args,
                    guint          count,
                    const char    *usage,
                    GError       **error)
{
  if (args->positionals->len == count)
    return TRUE;
  g_set_error (error, LOKET_ERROR, LOKET_ERROR_USAGE, _("Usage: %s"), usage);
  return FALSE;
}

int
loket_cli_verb_init (LoketCli   *cli,
                     int         argc,
                     char      **argv,
                     JsonNode  **result,
                     GError    **error)
{
  static const LoketCliOption options[] = {
    { "branch-name", TRUE }, { "branch-code", TRUE }, { "kpj-prefix", TRUE }, { "receipt-width", TRUE },
    { "backup-folder", TRUE }, { "backup-keep-days", TRUE },
    { "admin", TRUE }, { "display", TRUE }, LOKET_CLI_GLOBAL_OPTIONS, { NULL }
  };
  g_auto(LoketCliArgs) args = { 0 };
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *name = NULL, *code = NULL, *prefix = NULL;
  const char *kpj_prefix;
  LoketStore *store;

  if (!loket_cli_args_parse (argc, argv, options, &args, error)
      || !expect_positionals (&args, 0, "loket-cli init [--branch-name NAME] [--branch-code CODE] [--kpj-prefix NN] [--receipt-width a4|80mm] [--backup-folder DIR] [--backup-keep-days N] [--admin NAME [--display NAME]]", error))
    return loket_error_exit_code (*error);

  /* Checked before the database is created, so a typo leaves nothing. */
  kpj_prefix = loket_cli_args_get (&args, "kpj-prefix");
  if (kpj_prefix != NULL && !loket_kpj_check_prefix (kpj_prefix, error))
    return 1;
  store = loket_cli_get_store (cli, error);
  if (store == NULL)
    return loket_error_exit_code (*error);

  if ((loket_cli_args_has (&args, "branch-name")
       && !loket_store_set_setting (store, LOKET_SETTING_BRANCH_NAME, loket_cli_args_get (&args, "branch-name"), error))
      || (loket_cli_args_has (&args, "branch-code")
          && !loket_store_set_setting (store, LOKET_SETTING_BRANCH_CODE, loket_cli_args_get (&args, "branch-code"), error))
      || (kpj_prefix != NULL
          && !loket_store_set_setting (store, LOKET_SETTING_KPJ_PREFIX, kpj_prefix, error))
      || (loket_cli_args_has (&args, "receipt-width")
          && !loket_store_set_setting (store, LOKET_SETTING_RECEIPT_WIDTH,
                                       loket_cli_args_get (&args, "receipt-width"), error))
      || (loket_cli_args_has (&args, "backup-folder")
          && !loket_store_set_setting (store, LOKET_SETTING_BACKUP_FOLDER,
                                       loket_cli_args_get (&args, "backup-folder"), error))
      || (loket_cli_args_has (&args, "backup-keep-days")
          && !loket_store_set_setting (store, LOKET_SETTING_BACKUP_KEEP_DAYS,
                                       loket_cli_args_get (&args, "backup-keep-days"), error)))
    return loket_error_exit_code (*error);

  name = loket_store_dup_setting (store, LOKET_SETTING_BRANCH_NAME);
  code = loket_store_dup_setting (store, LOKET_SETTING_BRANCH_CODE);
  prefix = loket_store_dup_setting (store, LOKET_SETTING_KPJ_PREFIX);

  json_builder_begin_object (builder);
  if (loket_cli_args_has (&args, "admin")
      && !loket_cli_init_admin (cli, store, loket_cli_args_get (&args, "admin"),
                                loket_cli_args_get (&args, "display"), builder, error))
    return loket_error_exit_code (*error);
  loket_cli_json_add_string (builder, "path", loket_store_get_path (store));
  json_builder_set_member_name (builder, "schema_version");
  json_builder_add_int_value (builder, loket_store_get_schema_version (store));
  loket_cli_json_add_string (builder, "branch_name", name);
  loket_cli_json_add_string (builder, "branch_code", code);
  loket_cli_json_add_string (builder, "kpj_prefix", prefix);
  loket_cli_json_add_string (builder, "receipt_width", loket_receipt_width_code (loket_store_get_receipt_width (store)));
  {
    g_autofree char *backup_folder = loket_store_dup_backup_folder (store);

    loket_cli_json_add_string (builder, "backup_folder", backup_folder);
    json_builder_set_member_name (builder, "backup_keep_days");
    json_builder_add_int_value (builder, loket_store_get_backup_keep_days (store));
  }
  *result = loket_cli_json_finish (builder);
  return 0;
}

/* nik check NIK [--sex L|P] [--birth DATE]: exit 0 when valid, 1 when not;
 * the result lists every problem either way. */
int
loket_cli_verb_nik (LoketCli   *cli,
                    int         argc,
                    char      **argv,
                    JsonNode  **result,
                    GError    **error)
{
  static const LoketCliOption options[] = {
    { "sex", TRUE }, { "birth", TRUE }, LOKET_CLI_GLOBAL_OPTIONS, { NULL }
  };
  g_auto(LoketCliArgs) args = { 0 };
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(LoketNikInfo) info = NULL;
  const char *usage = "loket-cli nik check NIK [--sex L|P] [--birth YYYY-MM-DD]";
  GDate birth;
  char sex = 0;
  gboolean valid;

  g_date_clear (&birth, 1);
  if (!loket_cli_args_parse (argc, argv, options, &args, error)
      || !expect_positionals (&args, 2, usage, error))
    return loket_error_exit_code (*error);
  if (!g_str_equal (loket_cli_args_positional (&args, 0), "check"))
    {
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_USAGE, _("Usage: %s"), usage);
      return 2;
    }
  if ((loket_cli_args_has (&args, "sex") && !loket_cli_parse_sex (loket_cli_args_get (&args, "sex"), &sex, error))
      || (loket_cli_args_has (&args, "birth")
          && !loket_date_parse_iso (loket_cli_args_get (&args, "birth"), _("Birth date"), &birth, error)))
    return 1;

  info = loket_nik_parse (loket_cli_args_positional (&args, 1), &cli->today);
  loket_nik_check_against (info, g_date_valid (&birth) ? &birth : NULL, sex);
  valid = loket_nik_info_is_valid (info);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "valid");
  json_builder_add_boolean_value (builder, valid);
  loket_cli_json_add_string (builder, "nik", info->nik[0] ? info->nik : NULL);
  loket_cli_json_add_string (builder, "province_code", info->province_code[0] ? info->province_code : NULL);
  loket_cli_json_add_string (builder, "province", info->province);
  loket_cli_json_add_string (builder, "regency_code", info->regency_code[0] ? info->regency_code : NULL);
  loket_cli_json_add_string (builder, "regency", info->regency);
  loket_cli_json_add_string (builder, "district_code", info->district_code[0] ? info->district_code : NULL);
  loket_cli_json_add_string (builder, "district", info->district);
  loket_cli_json_add_date (builder, "birth_date", &info->birth_date);
  {
    char sex_text[2] = { info->sex, '\0' };
    loket_cli_json_add_string (builder, "sex", info->sex ? sex_text : NULL);
  }
  json_builder_set_member_name (builder, "serial");
  if (info->serial > 0)
    json_builder_add_int_value (builder, info->serial);
  else
    json_builder_add_null_value (builder);
  loket_cli_json_add_problems (builder, info->problems);
  *result = loket_cli_json_finish (builder);
  return valid ? 0 : 1;
}

/* kpj check NUMBER: exit 0 when the number is well formed, 1 when not. */
int
loket_cli_verb_kpj (LoketCli   *cli,
                    int         argc,
                    char      **argv,
                    JsonNode  **result,
                    GError    **error)
{
  static const LoketCliOption options[] = { LOKET_CLI_GLOBAL_OPTIONS, { NULL } };
  g_auto(LoketCliArgs) args = { 0 };
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GError) problem = NULL;
  g_autofree char *kpj = NULL;
  g_autofree char *formatted = NULL;
  const char *usage = "loket-cli kpj check NUMBER";

  if (!loket_cli_args_parse (argc, argv, options, &args, error)
      || !expect_positionals (&args, 2, usage, error))
    return loket_error_exit_code (*error);
  if (!g_str_equal (loket_cli_args_positional (&args, 0), "check"))
    {
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_USAGE, _("Usage: %s"), usage);
      return 2;
    }

  kpj = loket_kpj_normalize (loket_cli_args_positional (&args, 1), &problem);
  formatted = loket_kpj_format (kpj);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "valid");
  json_builder_add_boolean_value (builder, kpj != NULL);
  loket_cli_json_add_string (builder, "kpj", kpj);
  loket_cli_json_add_string (builder, "formatted", formatted);
  json_builder_set_member_name (builder, "errors");
  json_builder_begin_array (builder);
  if (problem != NULL)
    {
      json_builder_begin_object (builder);
      loket_cli_json_add_string (builder, "field", "kpj");
      loket_cli_json_add_string (builder, "code", "kpj-invalid");
      loket_cli_json_add_string (builder, "message", problem->message);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  *result = loket_cli_json_finish (builder);
  return kpj != NULL ? 0 : 1;
}

/* The options iuran and member add share: segment, programs, income, risk
 * class, occupation. Missing ones are left at zero for the core to name. */
gboolean
loket_cli_parse_contribution_options (LoketCliArgs              *args,
                                      LoketContributionRequest  *request,
                                      GError                   **error)
{
  const char *segment = loket_cli_args_get (args, "segment");
  const char *programs = loket_cli_args_get (args, "programs");
  const char *income = loket_cli_args_get (args, "income");
  const char *risk_class = loket_cli_args_get (args, "risk-class");

  return (segment == NULL || loket_segment_parse (segment, &request->segment, error))
         && (programs == NULL || loket_programs_parse (programs, &request->programs, error))
         && (income == NULL || loket_format_parse_rupiah (income, _("Declared income"), &request->income, error))
         && (risk_class == NULL
             || loket_cli_parse_int (risk_class, _("Risk class"), 1, 5, &request->risk_class, error));
}

int
loket_cli_verb_iuran (LoketCli   *cli,
                      int         argc,
                      char      **argv,
                      JsonNode  **result,
                      GError    **error)
{
  static const LoketCliOption options[] = {
    { "segment", TRUE }, { "income", TRUE }, { "programs", TRUE }, { "risk-class", TRUE },
    { "months", TRUE }, { "occupation", TRUE }, { "date", TRUE }, { "state-funded", FALSE },
    { "pre-placement", FALSE }, LOKET_CLI_GLOBAL_OPTIONS, { NULL }
  };
  const char *required[] = { "segment", "income", "programs" };
  g_auto(LoketCliArgs) args = { 0 };
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(LoketRateBook) book = NULL;
  g_autoptr(LoketContribution) contribution = NULL;
  LoketContributionRequest request = { 0 };
  LoketStore *store;

  if (!loket_cli_args_parse (argc, argv, options, &args, error)
      || !expect_positionals (&args, 0, "loket-cli iuran --segment S --income RUPIAH --programs LIST [--months N] …", error))
    return loket_error_exit_code (*error);

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    if (!loket_cli_args_has (&args, required[i]))
      {
        g_set_error (error, LOKET_ERROR, LOKET_ERROR_USAGE,
                     _("iuran: the option --%s is required."), required[i]);
        return 2;
      }

  request.months = 1;
  request.start = cli->today;
  request.occupation = loket_cli_args_get (&args, "occupation");
  request.state_funded = loket_cli_args_has (&args, "state-funded");
  request.pmi_pre_placement = loket_cli_args_has (&args, "pre-placement");
  if (!loket_cli_parse_contribution_options (&args, &request, error)
      || (loket_cli_args_has (&args, "months")
          && !loket_cli_parse_int (loket_cli_args_get (&args, "months"), _("Months"), 0, 600, &request.months, error))
      || (loket_cli_args_has (&args, "date")
          && !loket_date_parse_iso (loket_cli_args_get (&args, "date"), _("Date"), &request.start, error)))
    return 1;

  store = loket_cli_get_store (cli, error);
  if (store == NULL || (book = loket_store_dup_rate_book (store, error)) == NULL)
    return loket_error_exit_code (*error);

  contribution = loket_contribution_compute (book, &request, error);
  if (contribution == NULL)
    return loket_error_exit_code (*error);

  json_builder_begin_object (builder);
  loket_cli_json_add_string (builder, "segment", loket_segment_code (request.segment));
  loket_cli_json_add_date (builder, "date", &request.start);
  loket_cli_json_add_contribution (builder, contribution);
  *result = loket_cli_json_finish (builder);
  return 0;
}
