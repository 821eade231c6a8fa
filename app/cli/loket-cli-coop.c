/* loket-cli-coop.c: coop add|show|list|officer add|coverage, pks add,
 * agent add|show|incentive (issue 4). coop import is loket-cli-import.c's. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "loket-cli.h"
#include "loket-cli-json.h"
#include "loket-date.h"
#include "loket-error.h"
#include "loket-format.h"
#include "loket-kpj.h"
#include "loket-store-cooperatives.h"

#define POTENTIAL_MAX 999999999

/* A count that may be unknown (-1): null in JSON. */
static void
add_count (JsonBuilder *builder,
           const char  *name,
           gint64       value)
{
  json_builder_set_member_name (builder, name);
  if (value >= 0)
    json_builder_add_int_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

/* Adds the core's problems on fields the command line has not already
 * found wrong: a date that could not be read is not also "empty". */
static void
merge_problems (GPtrArray *problems,
                GPtrArray *more)
{
  guint before = problems->len;

  for (guint i = 0; i < more->len; i++)
    {
      const LoketProblem *problem = g_ptr_array_index (more, i);
      gboolean known = FALSE;

      for (guint j = 0; j < before && !known; j++)
        known = g_strcmp0 (((const LoketProblem *) g_ptr_array_index (problems, j))->field,
                           problem->field) == 0;
      if (!known)
        loket_problems_add (problems, problem->severity, problem->field, problem->code,
                            "%s", problem->message);
    }
}

static void
set_problems_detail (LoketCli  *cli,
                     GPtrArray *problems)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  if (problems == NULL)
    return;
  json_builder_begin_object (builder);
  loket_cli_json_add_problems (builder, problems);
  g_clear_pointer (&cli->error_detail, json_node_unref);
  cli->error_detail = loket_cli_json_finish (builder);
}

/* The error of a refused write: its problems as detail when it was a
 * validation failure. */
static int
refused (LoketCli   *cli,
         GPtrArray  *problems,
         GError    **error)
{
  if (g_error_matches (*error, LOKET_ERROR, LOKET_ERROR_INVALID))
    set_problems_detail (cli, problems);
  return loket_error_exit_code (*error);
}

/* Exit 1 with every problem, when the command line alone has errors. */
static gboolean
reject_if_problems (LoketCli   *cli,
                    GPtrArray  *problems,
                    GError    **error)
{
  if (loket_problems_to_error (problems, error))
    return FALSE;
  set_problems_detail (cli, problems);
  return TRUE;
}

static gboolean
parse_id (const char  *text,
          const char  *field_label,
          gint64      *out,
          GError     **error)
{
  guint64 value = 0;

  if (text != NULL && g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
    {
      *out = (gint64) value;
      return TRUE;
    }
  g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
               _("%s: “%s” is not a number. Use the number coop list shows."),
               field_label, text ? text : "");
  return FALSE;
}

static LoketStore *
store_or_exit (LoketCli  *cli,
               int       *status,
               GError   **error)
{
  LoketStore *store = loket_cli_get_store (cli, error);

  if (store == NULL)
    *status = loket_error_exit_code (*error);
  return store;
}

/* ---- JSON of the records -------------------------------------------------- */

static void
add_coverage_fields (JsonBuilder      *builder,
                     LoketCooperative *cooperative)
{
  gint64 coverage_bp = loket_cooperative_coverage_bp (cooperative);

  loket_cli_json_add_int (builder, "registered", cooperative->registered);
  /* Active members need payments, recorded from issue 6 on: null until
   * then, rather than a number that looks measured. */
  add_count (builder, "active", cooperative->active);
  add_count (builder, "potential", cooperative->potential);
  json_builder_set_member_name (builder, "coverage");
  if (cooperative->potential > 0)
    json_builder_add_double_value (builder, (double) cooperative->registered / (double) cooperative->potential);
  else
    json_builder_add_null_value (builder);
  add_count (builder, "coverage_bp", coverage_bp);
}

static void
add_cooperative_head (JsonBuilder      *builder,
                      LoketCooperative *cooperative)
{
  loket_cli_json_add_int (builder, "id", cooperative->id);
  loket_cli_json_add_int (builder, "cooperative_id", cooperative->id);
  loket_cli_json_add_string (builder, "name", cooperative->name);
  loket_cli_json_add_string (builder, "type", loket_cooperative_kind_code (cooperative->kind));
  loket_cli_json_add_string (builder, "status", cooperative->inactive ? "inactive" : "active");
}

static void
add_officer (JsonBuilder             *builder,
             LoketCooperativeOfficer *officer)
{
  json_builder_begin_object (builder);
  loket_cli_json_add_int (builder, "id", officer->id);
  loket_cli_json_add_string (builder, "name", officer->name);
  loket_cli_json_add_string (builder, "role", officer->role);
  loket_cli_json_add_string (builder, "nik", officer->nik);
  loket_cli_json_add_string (builder, "phone", officer->phone);
  json_builder_end_object (builder);
}

static void
add_cooperative (JsonBuilder      *builder,
                 LoketCooperative *cooperative)
{
  add_cooperative_head (builder, cooperative);
  loket_cli_json_add_string (builder, "ahu", cooperative->ahu);
  loket_cli_json_add_string (builder, "nib", cooperative->nib);
  loket_cli_json_add_string (builder, "npwp", cooperative->npwp);
  loket_cli_json_add_string (builder, "nik_koperasi", cooperative->nik_koperasi);

  json_builder_set_member_name (builder, "address");
  json_builder_begin_object (builder);
  loket_cli_json_add_string (builder, "street", cooperative->street);
  loket_cli_json_add_string (builder, "village", cooperative->village);
  loket_cli_json_add_string (builder, "district", cooperative->district);
  loket_cli_json_add_string (builder, "regency", cooperative->regency);
  loket_cli_json_add_string (builder, "province", cooperative->province);
  loket_cli_json_add_string (builder, "postcode", cooperative->postcode);
  json_builder_end_object (builder);
  loket_cli_json_add_string (builder, "region_code", cooperative->region_code);

  add_coverage_fields (builder, cooperative);

  json_builder_set_member_name (builder, "officers");
  json_builder_begin_array (builder);
  for (guint i = 0; i < cooperative->officers->len; i++)
    add_officer (builder, g_ptr_array_index (cooperative->officers, i));
  json_builder_end_array (builder);
}

static void
add_partnership (JsonBuilder      *builder,
                 LoketPartnership *partnership,
                 const GDate      *today)
{
  loket_cli_json_add_int (builder, "id", partnership->id);
  loket_cli_json_add_int (builder, "partnership_id", partnership->id);
  loket_cli_json_add_int (builder, "cooperative_id", partnership->cooperative_id);
  loket_cli_json_add_string (builder, "number", partnership->number);
  loket_cli_json_add_date (builder, "signed_on", &partnership->signed_on);
  loket_cli_json_add_date (builder, "valid_from", &partnership->valid_from);
  loket_cli_json_add_date (builder, "valid_until", &partnership->valid_until);
  loket_cli_json_add_string (builder, "segment", loket_segment_code (partnership->segment));
  loket_cli_json_add_programs (builder, partnership->programs);
  loket_cli_json_add_int (builder, "base_income", partnership->base_income);
  loket_cli_json_add_int (builder, "payment_months", partnership->payment_months);
  loket_cli_json_add_string (builder, "payer", loket_payer_code (partnership->payer));
  loket_cli_json_add_string (builder, "sponsor_name", partnership->sponsor_name);
  loket_cli_json_add_string (builder, "agent_kpj", partnership->agent_kpj);
  loket_cli_json_add_string (builder, "agent_name", partnership->agent_name);
  loket_cli_json_add_string (builder, "status", partnership->ended ? "ended" : "active");
  json_builder_set_member_name (builder, "in_force");
  json_builder_add_boolean_value (builder, loket_partnership_in_force (partnership, today));
}

static void
add_agent (JsonBuilder *builder,
           LoketAgent  *agent)
{
  loket_cli_json_add_int (builder, "id", agent->id);
  loket_cli_json_add_int (builder, "agent_id", agent->id);
  loket_cli_json_add_string (builder, "kpj", agent->kpj);
  loket_cli_json_add_string (builder, "name", agent->name);
  loket_cli_json_add_string (builder, "kantor_perisai", agent->kantor_perisai);
  loket_cli_json_add_date (builder, "appointed_on", &agent->appointed_on);
  loket_cli_json_add_string (builder, "status", agent->inactive ? "inactive" : "active");
  json_builder_set_member_name (builder, "cooperatives");
  json_builder_begin_array (builder);
  for (guint i = 0; i < agent->cooperative_ids->len; i++)
    json_builder_add_int_value (builder, g_array_index (agent->cooperative_ids, gint64, i));
  json_builder_end_array (builder);
}

/* ---- coop ------------------------------------------------------------------ */

static LoketCooperative *
cooperative_from_options (LoketCliArgs *args,
                          GPtrArray    *problems)
{
  g_autoptr(LoketCooperative) draft = loket_cooperative_new ();
  GError *error = NULL;
  const char *type = loket_cli_args_get (args, "type");
  const char *potential = loket_cli_args_get (args, "potential");
  const char *status = loket_cli_args_get (args, "status");
  const struct { const char *option; char **field; } texts[] = {
    { "name", &draft->name }, { "ahu", &draft->ahu }, { "nib", &draft->nib },
    { "npwp", &draft->npwp }, { "nik-koperasi", &draft->nik_koperasi },
    { "address", &draft->street }, { "village", &draft->village },
    { "district", &draft->district }, { "regency", &draft->regency },
    { "province", &draft->province }, { "postcode", &draft->postcode },
    { "region", &draft->region_code },
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      const char *value = loket_cli_args_get (args, texts[i].option);

      *texts[i].field = value != NULL && *value != '\0' ? g_strdup (value) : NULL;
    }

  if (type == NULL)
    loket_problems_add (problems, LOKET_SEVERITY_ERROR, "type", "type-empty",
                        _("Type: it is empty. Choose kdmp (desa), kkmp (kelurahan) or other."));
  else if (!loket_cooperative_kind_parse (type, &draft->kind, &error))
    loket_cli_keep_problem (problems, "type", &error);

  if (potential != NULL)
    {
      int value = 0;

      if (loket_cli_parse_int (potential, _("Potential members"), 0, POTENTIAL_MAX, &value, &error))
        draft->potential = value;
      else
        loket_cli_keep_problem (problems, "potential", &error);
    }

  if (status != NULL && g_strcmp0 (status, "active") != 0 && g_strcmp0 (status, "inactive") != 0)
    loket_problems_add (problems, LOKET_SEVERITY_ERROR, "status", "status",
                        _("Status: “%s” is not a status. Choose active or inactive."), status);
  draft->inactive = g_strcmp0 (status, "inactive") == 0;

  return g_steal_pointer (&draft);
}

static int
coop_add (LoketCli      *cli,
          LoketCliArgs  *args,
          JsonNode     **result,
          GError       **error)
{
  g_autoptr(GPtrArray) problems = loket_problems_new ();
  g_autoptr(LoketCooperative) draft = cooperative_from_options (args, problems);
  g_autoptr(LoketCooperative) saved = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  LoketStore *store;
  int status = 0;

  if (loket_problems_count (problems, LOKET_SEVERITY_ERROR) > 0)
    {
      g_autoptr(LoketCooperative) copy = loket_cooperative_copy (draft);
      g_autoptr(GPtrArray) more = loket_cooperative_check (copy, &cli->today);

      merge_problems (problems, more);
      if (reject_if_problems (cli, problems, error))
        return 1;
    }
  g_clear_pointer (&problems, g_ptr_array_unref);

  if ((store = store_or_exit (cli, &status, error)) == NULL)
    return status;
  saved = loket_store_add_cooperative (store, draft, &cli->today, &problems, error);
  if (saved == NULL)
    return refused (cli, problems, error);

  json_builder_begin_object (builder);
  add_cooperative (builder, saved);
  loket_cli_json_add_problem_list (builder, "warnings", problems, LOKET_SEVERITY_WARNING);
  *result = loket_cli_json_finish (builder);
  return 0;
}

static int
coop_show (LoketCli      *cli,
           const char    *id_text,
           JsonNode     **result,
           GError       **error)
{
  g_autoptr(LoketCooperative) cooperative = NULL;
  g_autoptr(GPtrArray) partnerships = NULL;
  g_autoptr(GPtrArray) agents = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  LoketStore *store;
  gint64 id;
  int status = 0;

  if (!parse_id (id_text, _("Cooperative"), &id, error))
    return 1;
  if ((store = store_or_exit (cli, &status, error)) == NULL)
    return status;
  if ((cooperative = loket_store_find_cooperative (store, id, error)) == NULL
      || (partnerships = loket_store_list_partnerships (store, id, error)) == NULL
      || (agents = loket_store_list_agents (store, id, error)) == NULL)
    return loket_error_exit_code (*error);

  json_builder_begin_object (builder);
  add_cooperative (builder, cooperative);

  json_builder_set_member_name (builder, "partnerships");
  json_builder_begin_array (builder);
  for (guint i = 0; i < partnerships->len; i++)
    {
      json_builder_begin_object (builder);
      add_partnership (builder, g_ptr_array_index (partnerships, i), &cli->today);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "agents");
  json_builder_begin_array (builder);
  for (guint i = 0; i < agents->len; i++)
    {
      json_builder_begin_object (builder);
      add_agent (builder, g_ptr_array_index (agents, i));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  *result = loket_cli_json_finish (builder);
  return 0;
}

/* coop list, and coop coverage [COOP]: the same rows, the coverage of each. */
static int
coop_list (LoketCli      *cli,
           const char    *id_text,
           JsonNode     **result,
           GError       **error)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  LoketStore *store;
  gint64 id = 0;
  int status = 0;

  if (id_text != NULL && !parse_id (id_text, _("Cooperative"), &id, error))
    return 1;
  if ((store = store_or_exit (cli, &status, error)) == NULL)
    return status;

  if (id != 0)
    {
      LoketCooperative *one = loket_store_find_cooperative (store, id, error);

      if (one == NULL)
        return loket_error_exit_code (*error);
      list = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (list, one);
    }
  else if ((list = loket_store_list_cooperatives (store, error)) == NULL)
    return loket_error_exit_code (*error);

  json_builder_begin_object (builder);
  loket_cli_json_add_int (builder, "count", list->len);
  json_builder_set_member_name (builder, "cooperatives");
  json_builder_begin_array (builder);
  for (guint i = 0; i < list->len; i++)
    {
      LoketCooperative *cooperative = g_ptr_array_index (list, i);

      json_builder_begin_object (builder);
      add_cooperative_head (builder, cooperative);
      loket_cli_json_add_string (builder, "region_code", cooperative->region_code);
      add_coverage_fields (builder, cooperative);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  *result = loket_cli_json_finish (builder);
  return 0;
}

static int
coop_officer_add (LoketCli      *cli,
                  LoketCliArgs  *args,
                  const char    *id_text,
                  JsonNode     **result,
                  GError       **error)
{
  g_autoptr(LoketCooperativeOfficer) draft = loket_cooperative_officer_new ();
  g_autoptr(LoketCooperativeOfficer) saved = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const struct { const char *option; char **field; } texts[] = {
    { "name", &draft->name }, { "role", &draft->role }, { "nik", &draft->nik }, { "phone", &draft->phone },
  };
  LoketStore *store;
  gint64 id;
  int status = 0;

  if (!parse_id (id_text, _("Cooperative"), &id, error))
    return 1;
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      const char *value = loket_cli_args_get (args, texts[i].option);

      *texts[i].field = value != NULL && *value != '\0' ? g_strdup (value) : NULL;
    }

  if ((store = store_or_exit (cli, &status, error)) == NULL)
    return status;
  saved = loket_store_add_officer (store, id, draft, &cli->today, &problems, error);
  if (saved == NULL)
    return refused (cli, problems, error);

  json_builder_begin_object (builder);
  loket_cli_json_add_int (builder, "id", saved->id);
  loket_cli_json_add_int (builder, "cooperative_id", saved->cooperative_id);
  loket_cli_json_add_string (builder, "name", saved->name);
  loket_cli_json_add_string (builder, "role", saved->role);
  loket_cli_json_add_string (builder, "nik", saved->nik);
  loket_cli_json_add_string (builder, "phone", saved->phone);
  loket_cli_json_add_problem_list (builder, "warnings", problems, LOKET_SEVERITY_WARNING);
  *result = loket_cli_json_finish (builder);
  return 0;
}

int
loket_cli_verb_coop (LoketCli   *cli,
                     int         argc,
                     char      **argv,
                     JsonNode  **result,
                     GError    **error)
{
  static const LoketCliOption options[] = {
    { "name", TRUE }, { "type", TRUE }, { "ahu", TRUE }, { "nib", TRUE }, { "npwp", TRUE },
    { "nik-koperasi", TRUE }, { "address", TRUE }, { "village", TRUE }, { "district", TRUE },
    { "regency", TRUE }, { "province", TRUE }, { "postcode", TRUE }, { "region", TRUE },
    { "potential", TRUE }, { "status", TRUE }, { "role", TRUE }, { "nik", TRUE }, { "phone", TRUE },
    LOKET_CLI_GLOBAL_OPTIONS, { NULL }
  };
  g_auto(LoketCliArgs) args = { 0 };
  const char *action;
  guint n;

  /* The import has options of its own: hand it everything after its name. */
  if (argc >= 1 && g_str_equal (argv[0], "import"))
    return loket_cli_coop_import (cli, argc - 1, argv + 1, result, error);

  if (!loket_cli_args_parse (argc, argv, options, &args, error))
    return 2;

  action = loket_cli_args_positional (&args, 0);
  n = args.positionals->len;
  if (g_strcmp0 (action, "add") == 0 && n == 1)
    return coop_add (cli, &args, result, error);
  if (g_strcmp0 (action, "show") == 0 && n == 2)
    return coop_show (cli, loket_cli_args_positional (&args, 1), result, error);
  if (g_strcmp0 (action, "list") == 0 && n == 1)
    return coop_list (cli, NULL, result, error);
  if (g_strcmp0 (action, "coverage") == 0 && (n == 1 || n == 2))
    return coop_list (cli, loket_cli_args_positional (&args, 1), result, error);
  if (g_strcmp0 (action, "officer") == 0 && n == 3
      && g_strcmp0 (loket_cli_args_positional (&args, 1), "add") == 0)
    return coop_officer_add (cli, &args, loket_cli_args_positional (&args, 2), result, error);

  g_set_error_literal (error, LOKET_ERROR, LOKET_ERROR_USAGE,
                       _("Usage: loket-cli coop add --name NAME --type kdmp|kkmp|other … | coop show ID | coop list | coop coverage [ID] | coop officer add ID --name NAME --role ROLE [--nik NIK] [--phone NUMBER] | coop import ID FILE …"));
  return 2;
}

/* ---- pks ------------------------------------------------------------------- */

static void
parse_date_option (LoketCliArgs *args,
                   const char   *option,
                   const char   *field,
                   const char   *label,
                   GDate        *out,
                   GPtrArray    *problems)
{
  const char *text = loket_cli_args_get (args, option);
  GError *error = NULL;

  if (text != NULL && !loket_date_parse_iso (text, label, out, &error))
    loket_cli_keep_problem (problems, field, &error);
}

static LoketPartnership *
partnership_from_options (LoketCliArgs *args,
                          GPtrArray    *problems)
{
  g_autoptr(LoketPartnership) draft = loket_partnership_new ();
  GError *error = NULL;
  const char *number = loket_cli_args_get (args, "number");
  const char *segment = loket_cli_args_get (args, "segment");
  const char *programs = loket_cli_args_get (args, "programs");
  const char *income = loket_cli_args_get (args, "income");
  const char *payer = loket_cli_args_get (args, "payer");
  const char *sponsor = loket_cli_args_get (args, "sponsor");
  const char *months = loket_cli_args_get (args, "months");
  const char *agent = loket_cli_args_get (args, "agent");
  const char *status = loket_cli_args_get (args, "status");

  draft->number = number != NULL && *number != '\0' ? g_strdup (number) : NULL;
  draft->sponsor_name = sponsor != NULL && *sponsor != '\0' ? g_strdup (sponsor) : NULL;
  draft->agent_kpj = agent != NULL && *agent != '\0' ? g_strdup (agent) : NULL;

  parse_date_option (args, "date", "signed_on", _("Signed on"), &draft->signed_on, problems);
  parse_date_option (args, "from", "valid_from", _("Valid from"), &draft->valid_from, problems);
  parse_date_option (args, "until", "valid_until", _("Valid until"), &draft->valid_until, problems);

  if (segment == NULL)
    loket_problems_add (problems, LOKET_SEVERITY_ERROR, "segment", "segment-empty",
                        _("Segment: it is empty. Choose bpu, pu, jakon or pmi."));
  else if (!loket_segment_parse (segment, &draft->segment, &error))
    loket_cli_keep_problem (problems, "segment", &error);
  if (programs != NULL && !loket_programs_parse (programs, &draft->programs, &error))
    loket_cli_keep_problem (problems, "programs", &error);
  if (income != NULL && !loket_format_parse_rupiah (income, _("Base income"), &draft->base_income, &error))
    loket_cli_keep_problem (problems, "base_income", &error);

  if (payer == NULL)
    loket_problems_add (problems, LOKET_SEVERITY_ERROR, "payer", "payer-empty",
                        _("Payer: it is empty. Choose members, coop (the cooperative), sponsor or pemda (local government)."));
  else if (!loket_payer_parse (payer, &draft->payer, &error))
    loket_cli_keep_problem (problems, "payer", &error);

  if (months != NULL && !loket_cli_parse_int (months, _("Payment period"), 1, 12, &draft->payment_months, &error))
    loket_cli_keep_problem (problems, "payment_months", &error);

  if (status != NULL && g_strcmp0 (status, "active") != 0 && g_strcmp0 (status, "ended") != 0)
    loket_problems_add (problems, LOKET_SEVERITY_ERROR, "status", "status",
                        _("Status: “%s” is not a PKS status. Choose active or ended."), status);
  draft->ended = g_strcmp0 (status, "ended") == 0;

  return g_steal_pointer (&draft);
}

static int
pks_add (LoketCli      *cli,
         LoketCliArgs  *args,
         JsonNode     **result,
         GError       **error)
{
  g_autoptr(GPtrArray) problems = loket_problems_new ();
  g_autoptr(LoketPartnership) draft = NULL;
  g_autoptr(LoketPartnership) saved = NULL;
  g_autoptr(LoketPartnership) replaced = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  LoketStore *store;
  int status = 0;

  if (!loket_cli_args_has (args, "coop"))
    {
      g_set_error_literal (error, LOKET_ERROR, LOKET_ERROR_USAGE,
                           _("pks add: the option --coop is required: the number of the cooperative the PKS is with."));
      return 2;
    }
  draft = partnership_from_options (args, problems);
  if (!parse_id (loket_cli_args_get (args, "coop"), _("Cooperative"), &draft->cooperative_id, error))
    loket_cli_keep_problem (problems, "cooperative", error);

  if (loket_problems_count (problems, LOKET_SEVERITY_ERROR) > 0)
    {
      g_autoptr(LoketPartnership) copy = loket_partnership_copy (draft);
      /* Without opening the database: the base income, judged by its
       * rates, waits until the rest is right. */
      g_autoptr(GPtrArray) more = loket_partnership_check (copy, NULL, &cli->today);

      merge_problems (problems, more);
      if (reject_if_problems (cli, problems, error))
        return 1;
    }
  g_clear_pointer (&problems, g_ptr_array_unref);

  if ((store = store_or_exit (cli, &status, error)) == NULL)
    return status;
  saved = loket_store_add_partnership (store, draft, &cli->today, &replaced, &problems, error);
  if (saved == NULL)
    return refused (cli, problems, error);

  json_builder_begin_object (builder);
  add_partnership (builder, saved, &cli->today);
  json_builder_set_member_name (builder, "replaced");
  if (replaced != NULL)
    {
      json_builder_begin_object (builder);
      loket_cli_json_add_int (builder, "id", replaced->id);
      loket_cli_json_add_int (builder, "partnership_id", replaced->id);
      loket_cli_json_add_string (builder, "number", replaced->number);
      loket_cli_json_add_date (builder, "valid_until", &replaced->valid_until);
      json_builder_end_object (builder);
    }
  else
    json_builder_add_null_value (builder);
  loket_cli_json_add_problem_list (builder, "warnings", problems, LOKET_SEVERITY_WARNING);
  *result = loket_cli_json_finish (builder);
  return 0;
}

int
loket_cli_verb_pks (LoketCli   *cli,
                    int         argc,
                    char      **argv,
                    JsonNode  **result,
                    GError    **error)
{
  static const LoketCliOption options[] = {
    { "coop", TRUE }, { "number", TRUE }, { "date", TRUE }, { "from", TRUE }, { "until", TRUE },
    { "segment", TRUE }, { "programs", TRUE }, { "income", TRUE }, { "payer", TRUE },
    { "sponsor", TRUE }, { "months", TRUE }, { "agent", TRUE }, { "status", TRUE },
    LOKET_CLI_GLOBAL_OPTIONS, { NULL }
  };
  g_auto(LoketCliArgs) args = { 0 };

  if (!loket_cli_args_parse (argc, argv, options, &args, error))
    return 2;
  if (args.positionals->len == 1 && g_str_equal (loket_cli_args_positional (&args, 0), "add"))
    return pks_add (cli, &args, result, error);

  g_set_error_literal (error, LOKET_ERROR, LOKET_ERROR_USAGE,
                       _("Usage: loket-cli pks add --coop ID --number N --date D --from D --until D --segment S --programs P --income RUPIAH --payer members|coop|sponsor|pemda [--sponsor NAME] [--months 1|3|6|12] [--agent KPJ] [--status active|ended]"));
  return 2;
}

/* ---- agent ----------------------------------------------------------------- */

static int
agent_add (LoketCli      *cli,
           LoketCliArgs  *args,
           const char    *kpj,
           JsonNode     **result,
           GError       **error)
{
  g_autoptr(GPtrArray) problems = loket_problems_new ();
  g_autoptr(LoketAgent) draft = loket_agent_new ();
  g_autoptr(LoketAgent) saved = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const char *kantor = loket_cli_args_get (args, "kantor-perisai");
  const char *cooperatives = loket_cli_args_get (args, "coop");
  GError *local_error = NULL;
  LoketStore *store;
  int status = 0;

  draft->kpj = g_strdup (kpj);
  draft->kantor_perisai = kantor != NULL && *kantor != '\0' ? g_strdup (kantor) : NULL;
  parse_date_option (args, "appointed", "appointed_on", _("Appointed on"), &draft->appointed_on, problems);
  if (cooperatives != NULL)
    {
      g_auto(GStrv) ids = g_strsplit (cooperatives, ",", -1);

      for (guint i = 0; ids[i] != NULL; i++)
        {
          gint64 id;

          if (parse_id (g_strstrip (ids[i]), _("Cooperative"), &id, &local_error))
            g_array_append_val (draft->cooperative_ids, id);
          else
            loket_cli_keep_problem (problems, "cooperatives", &local_error);
        }
    }

  if (loket_problems_count (problems, LOKET_SEVERITY_ERROR) > 0)
    {
      g_autoptr(GPtrArray) more = loket_agent_check (draft, &cli->today);

      merge_problems (problems, more);
      if (reject_if_problems (cli, problems, error))
        return 1;
    }
  g_clear_pointer (&problems, g_ptr_array_unref);

  if ((store = store_or_exit (cli, &status, error)) == NULL)
    return status;
  saved = loket_store_add_agent (store, draft, &cli->today, &problems, error);
  if (saved == NULL)
    return refused (cli, problems, error);

  json_builder_begin_object (builder);
  add_agent (builder, saved);
  loket_cli_json_add_problem_list (builder, "warnings", problems, LOKET_SEVERITY_WARNING);
  *result = loket_cli_json_finish (builder);
  return 0;
}

static int
agent_show (LoketCli      *cli,
            const char    *kpj_text,
            JsonNode     **result,
            GError       **error)
{
  g_autofree char *kpj = loket_kpj_normalize (kpj_text, error);
  g_autoptr(LoketAgent) agent = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  LoketStore *store;
  int status = 0;

  if (kpj == NULL)
    return 1;
  if ((store = store_or_exit (cli, &status, error)) == NULL)
    return status;
  if ((agent = loket_store_find_agent_by_kpj (store, kpj, error)) == NULL)
    return loket_error_exit_code (*error);

  json_builder_begin_object (builder);
  add_agent (builder, agent);
  *result = loket_cli_json_finish (builder);
  return 0;
}

static int
agent_incentive (LoketCli      *cli,
                 LoketCliArgs  *args,
                 const char    *kpj_text,
                 JsonNode     **result,
                 GError       **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *kpj = NULL;
  g_autofree char *month_text = NULL;
  LoketAgentIncentive incentive;
  LoketStore *store;
  GDate month;
  int status = 0;

  if (!loket_cli_args_has (args, "month"))
    {
      g_set_error_literal (error, LOKET_ERROR, LOKET_ERROR_USAGE,
                           _("agent incentive: the option --month YYYY-MM is required."));
      return 2;
    }
  if ((kpj = loket_kpj_normalize (kpj_text, error)) == NULL
      || !loket_date_parse_month (loket_cli_args_get (args, "month"), _("Month"), &month, error))
    return 1;
  if ((store = store_or_exit (cli, &status, error)) == NULL)
    return status;
  if (!loket_store_compute_agent_incentive (store, kpj, &month, &incentive, error))
    return loket_error_exit_code (*error);

  month_text = g_strdup_printf ("%04u-%02u", g_date_get_year (&incentive.month),
                                g_date_get_month (&incentive.month));
  json_builder_begin_object (builder);
  loket_cli_json_add_string (builder, "kpj", kpj);
  loket_cli_json_add_string (builder, "month", month_text);
  loket_cli_json_add_int (builder, "new_members", incentive.new_members);
  loket_cli_json_add_int (builder, "threshold", incentive.threshold);
  loket_cli_json_add_int (builder, "per_member", incentive.per_member);
  loket_cli_json_add_int (builder, "new_member_incentive", incentive.new_member_incentive);
  /* Payments are recorded from issue 6 on: until then the share is 0 and
   * this says why, rather than a 0 that looks computed. */
  json_builder_set_member_name (builder, "contributions_recorded");
  json_builder_add_boolean_value (builder, incentive.contributions_recorded);
  loket_cli_json_add_int (builder, "contribution_share", incentive.contribution_share);
  loket_cli_json_add_int (builder, "share_first_bp", incentive.share_first_bp);
  loket_cli_json_add_int (builder, "share_first_months", incentive.share_first_months);
  loket_cli_json_add_int (builder, "share_later_bp", incentive.share_later_bp);
  loket_cli_json_add_int (builder, "share_later_months", incentive.share_later_months);
  loket_cli_json_add_int (builder, "total", incentive.total);
  *result = loket_cli_json_finish (builder);
  return 0;
}

int
loket_cli_verb_agent (LoketCli   *cli,
                      int         argc,
                      char      **argv,
                      JsonNode  **result,
                      GError    **error)
{
  static const LoketCliOption options[] = {
    { "kantor-perisai", TRUE }, { "coop", TRUE, TRUE }, { "appointed", TRUE }, { "month", TRUE },
    LOKET_CLI_GLOBAL_OPTIONS, { NULL }
  };
  g_auto(LoketCliArgs) args = { 0 };
  const char *action;
  guint n;

  if (!loket_cli_args_parse (argc, argv, options, &args, error))
    return 2;

  action = loket_cli_args_positional (&args, 0);
  n = args.positionals->len;
  if (g_strcmp0 (action, "add") == 0 && n == 2)
    return agent_add (cli, &args, loket_cli_args_positional (&args, 1), result, error);
  if (g_strcmp0 (action, "show") == 0 && n == 2)
    return agent_show (cli, loket_cli_args_positional (&args, 1), result, error);
  if (g_strcmp0 (action, "incentive") == 0 && n == 2)
    return agent_incentive (cli, &args, loket_cli_args_positional (&args, 1), result, error);

  g_set_error_literal (error, LOKET_ERROR, LOKET_ERROR_USAGE,
                       _("Usage: loket-cli agent add KPJ [--kantor-perisai NAME] [--coop ID …] [--appointed DATE] | agent show KPJ | agent incentive KPJ --month YYYY-MM"));
  return 2;
}
