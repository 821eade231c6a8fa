/* loket-cli-member.c: member add, member show, member search. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "loket-cli.h"
#include "loket-cli-json.h"
#include "loket-date.h"
#include "loket-error.h"
#include "loket-kpj.h"

#define SEARCH_DEFAULT_LIMIT 20
#define SEARCH_MAX_LIMIT 1000

static void
set_detail (LoketCli    *cli,
            JsonBuilder *builder)
{
  g_clear_pointer (&cli->error_detail, json_node_unref);
  cli->error_detail = loket_cli_json_finish (builder);
}

static void
set_problems_detail (LoketCli  *cli,
                     GPtrArray *problems)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  loket_cli_json_add_problems (builder, problems);
  set_detail (cli, builder);
}

static void
set_members_detail (LoketCli   *cli,
                    const char *name,
                    GPtrArray  *members)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; members != NULL && i < members->len; i++)
    {
      json_builder_begin_object (builder);
      loket_cli_json_add_member_summary (builder, g_ptr_array_index (members, i));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  set_detail (cli, builder);
}

/* Turns the options into a draft; a malformed value becomes a problem. */
static LoketMember *
draft_from_options (LoketCliArgs *args,
                    GPtrArray    *problems)
{
  g_autoptr(LoketMember) draft = loket_member_new ();
  LoketContributionRequest request = { 0 };
  GError *error = NULL;
  const char *birth = loket_cli_args_get (args, "birth");
  const char *sex = loket_cli_args_get (args, "sex");
  const struct { const char *option; char **field; } texts[] = {
    { "nik", &draft->nik }, { "name", &draft->name }, { "occupation", &draft->occupation },
    { "phone", &draft->phone }, { "address", &draft->street }, { "rt", &draft->rt },
    { "rw", &draft->rw }, { "village", &draft->village }, { "district", &draft->district },
    { "regency", &draft->regency }, { "province", &draft->province },
    { "postcode", &draft->postcode }, { "region", &draft->region_code },
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    loket_member_set_string (texts[i].field, loket_cli_args_get (args, texts[i].option));

  if (birth != NULL && !loket_date_parse_iso (birth, _("Birth date"), &draft->birth_date, &error))
    loket_cli_keep_problem (problems, "birth_date", &error);
  if (sex != NULL && !loket_cli_parse_sex (sex, &draft->sex, &error))
    loket_cli_keep_problem (problems, "sex", &error);

  if (!loket_cli_args_has (args, "segment"))
    loket_problems_add (problems, LOKET_SEVERITY_ERROR, "segment", "segment-empty",
                        _("Segment: it is empty. Choose bpu, pu, jakon or pmi."));
  if (!loket_cli_parse_contribution_options (args, &request, &error))
    loket_cli_keep_problem (problems, "segment", &error);

  draft->segment = request.segment;
  draft->programs = request.programs;
  draft->income = request.income;
  draft->risk_class = request.risk_class;
  return g_steal_pointer (&draft);
}

static int
member_add (LoketCli      *cli,
            LoketCliArgs  *args,
            JsonNode     **result,
            GError       **error)
{
  g_autoptr(GPtrArray) problems = loket_problems_new ();
  g_autoptr(GPtrArray) similar = NULL;
  g_autoptr(LoketMember) draft = NULL;
  g_autoptr(LoketMember) member = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  LoketStore *store;

  draft = draft_from_options (args, problems);
  if (!loket_problems_to_error (problems, error))
    {
      set_problems_detail (cli, problems);
      return 1;
    }
  g_clear_pointer (&problems, g_ptr_array_unref);

  store = loket_cli_get_store (cli, error);
  if (store == NULL)
    return loket_error_exit_code (*error);

  member = loket_store_register_member (store, draft, &cli->today,
                                        loket_cli_args_has (args, "confirm-duplicate"),
                                        &problems, &similar, error);
  if (member == NULL)
    {
      if (g_error_matches (*error, LOKET_ERROR, LOKET_ERROR_PROBABLE_DUPLICATE))
        set_members_detail (cli, "similar", similar);
      else if (g_error_matches (*error, LOKET_ERROR, LOKET_ERROR_CONFLICT) && similar != NULL)
        set_members_detail (cli, "existing", similar);
      else if (problems != NULL)
        set_problems_detail (cli, problems);
      return loket_error_exit_code (*error);
    }

  json_builder_begin_object (builder);
  loket_cli_json_add_member (builder, member);
  loket_cli_json_add_problem_list (builder, "warnings", problems, LOKET_SEVERITY_WARNING);
  *result = loket_cli_json_finish (builder);
  return 0;
}

static gboolean
is_nik_shaped (const char *text)
{
  gsize digits = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (!g_ascii_isdigit (*p))
        return FALSE;
      digits++;
    }
  return digits == 16;
}

static int
member_show (LoketCli      *cli,
             const char    *key,
             JsonNode     **result,
             GError       **error)
{
  g_autoptr(LoketMember) member = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  LoketStore *store;

  /* A 16-digit key is a NIK; anything else must be a well-formed KPJ,
   * checked before the database is asked. */
  if (is_nik_shaped (key))
    {
      if ((store = loket_cli_get_store (cli, error)) == NULL)
        return loket_error_exit_code (*error);
      member = loket_store_find_member_by_nik (store, key, error);
    }
  else
    {
      g_autofree char *kpj = loket_kpj_normalize (key, error);

      if (kpj == NULL)
        return 1;
      if ((store = loket_cli_get_store (cli, error)) == NULL)
        return loket_error_exit_code (*error);
      member = loket_store_find_member_by_kpj (store, kpj, error);
    }
  if (member == NULL)
    return loket_error_exit_code (*error);

  json_builder_begin_object (builder);
  loket_cli_json_add_member (builder, member);
  *result = loket_cli_json_finish (builder);
  return 0;
}

static int
member_search (LoketCli      *cli,
               LoketCliArgs  *args,
               const char    *text,
               JsonNode     **result,
               GError       **error)
{
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  int limit = SEARCH_DEFAULT_LIMIT;
  LoketStore *store;

  if (loket_cli_args_has (args, "limit")
      && !loket_cli_parse_int (loket_cli_args_get (args, "limit"), _("Limit"), 1,
                               SEARCH_MAX_LIMIT, &limit, error))
    return 1;

  store = loket_cli_get_store (cli, error);
  if (store == NULL || (found = loket_store_search_members (store, text, limit, error)) == NULL)
    return loket_error_exit_code (*error);

  json_builder_begin_object (builder);
  loket_cli_json_add_string (builder, "query", text);
  json_builder_set_member_name (builder, "count");
  json_builder_add_int_value (builder, found->len);
  json_builder_set_member_name (builder, "results");
  json_builder_begin_array (builder);
  for (guint i = 0; i < found->len; i++)
    {
      json_builder_begin_object (builder);
      loket_cli_json_add_member_summary (builder, g_ptr_array_index (found, i));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  *result = loket_cli_json_finish (builder);
  return 0;
}

int
loket_cli_verb_member (LoketCli   *cli,
                       int         argc,
                       char      **argv,
                       JsonNode  **result,
                       GError    **error)
{
  static const LoketCliOption options[] = {
    { "nik", TRUE }, { "name", TRUE }, { "birth", TRUE }, { "sex", TRUE },
    { "segment", TRUE }, { "programs", TRUE }, { "income", TRUE }, { "risk-class", TRUE },
    { "occupation", TRUE }, { "phone", TRUE }, { "address", TRUE }, { "rt", TRUE },
    { "rw", TRUE }, { "village", TRUE }, { "district", TRUE }, { "regency", TRUE },
    { "province", TRUE }, { "postcode", TRUE }, { "region", TRUE },
    { "confirm-duplicate", FALSE }, { "limit", TRUE }, LOKET_CLI_GLOBAL_OPTIONS, { NULL }
  };
  g_auto(LoketCliArgs) args = { 0 };
  const char *action;
  guint n;

  if (!loket_cli_args_parse (argc, argv, options, &args, error))
    return 2;

  action = loket_cli_args_positional (&args, 0);
  n = args.positionals->len;
  if (g_strcmp0 (action, "add") == 0 && n == 1)
    return member_add (cli, &args, result, error);
  if (g_strcmp0 (action, "show") == 0 && n == 2)
    return member_show (cli, loket_cli_args_positional (&args, 1), result, error);
  if (g_strcmp0 (action, "search") == 0 && n == 2)
    return member_search (cli, &args, loket_cli_args_positional (&args, 1), result, error);

  g_set_error_literal (error, LOKET_ERROR, LOKET_ERROR_USAGE,
                       _("Usage: loket-cli member add --nik … | member show KPJ|NIK | member search TEXT [--limit N]"));
  return 2;
}
