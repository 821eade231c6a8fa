/* loket-cli-claim.c: heir add and list; claim add, show, list, advance and
 * letter; report claims (issue 7). */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "loket-cli.h"
#include "loket-cli-json.h"
#include "loket-date.h"
#include "loket-error.h"
#include "loket-kpj.h"
#include "loket-store-claims.h"

#define HEIR_USAGE \
  "loket-cli heir add KPJ --name NAME --nik NIK --relation spouse|child|parent|other --birth YYYY-MM-DD" \
  " [--account NUMBER] [--school tk|sd|smp|sma|pt] | heir list KPJ"
#define CLAIM_USAGE \
  "loket-cli claim add KPJ --program jkm|jkk|jht|beasiswa --event-date YYYY-MM-DD [--claimant HEIR]" \
  " [--kind KIND] [--months-off N] [--docs LIST] [--school LEVEL] [--account NUMBER] [--description TEXT]" \
  " [--preview] | claim show ID | claim list [--status STATUS] [--limit N]" \
  " | claim advance ID --to STATUS [--reason TEXT] [--docs LIST] | claim letter ID -o FILE"

static int
usage (const char  *text,
       GError     **error)
{
  g_set_error (error, LOKET_ERROR, LOKET_ERROR_USAGE, _("Usage: %s"), text);
  return 2;
}

/* ---- heirs --------------------------------------------------------------- */

static void
add_heir (JsonBuilder *builder,
          LoketHeir   *heir)
{
  loket_cli_json_add_int (builder, "id", heir->id);
  loket_cli_json_add_int (builder, "heir", heir->id);
  loket_cli_json_add_string (builder, "name", heir->name);
  loket_cli_json_add_string (builder, "nik", heir->nik);
  loket_cli_json_add_string (builder, "relation", loket_heir_relation_code (heir->relation));
  loket_cli_json_add_date (builder, "birth_date", &heir->birth_date);
  loket_cli_json_add_string (builder, "bank_account", heir->bank_account);
  loket_cli_json_add_string (builder, "school_level", loket_school_level_code (heir->school_level));
}

static int
heir_add (LoketCli      *cli,
          LoketCliArgs  *args,
          JsonNode     **result,
          GError       **error)
{
  g_autoptr(GPtrArray) problems = loket_problems_new ();
  g_autoptr(LoketHeir) draft = loket_heir_new ();
  g_autoptr(LoketHeir) heir = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *kpj = NULL;
  const char *relation = loket_cli_args_get (args, "relation");
  const char *birth = loket_cli_args_get (args, "birth");
  const char *school = loket_cli_args_get (args, "school");
  GError *local = NULL;
  LoketStore *store;

  if ((kpj = loket_kpj_normalize (loket_cli_args_positional (args, 1), error)) == NULL)
    return 1;
  draft->name = g_strdup (loket_cli_args_get (args, "name"));
  draft->nik = g_strdup (loket_cli_args_get (args, "nik"));
  draft->bank_account = g_strdup (loket_cli_args_get (args, "account"));
  /* Every malformed option at once, with the core's own problems. */
  if (!loket_heir_relation_parse (relation, &draft->relation, &local))
    loket_cli_keep_problem (problems, "relation", &local);
  if (!loket_date_parse_iso (birth, _("Birth date"), &draft->birth_date, &local))
    loket_cli_keep_problem (problems, "birth_date", &local);
  if (school != NULL && !loket_school_level_parse (school, &draft->school_level, &local))
    loket_cli_keep_problem (problems, "school_level", &local);

  if (problems->len == 0)
    {
      if ((store = loket_cli_get_store (cli, error)) == NULL)
        return loket_error_exit_code (*error);
      heir = loket_store_add_heir (store, kpj, draft, cli->user, &cli->today, &problems, error);
    }
  else
    loket_problems_to_error (problems, error);
  if (heir == NULL)
    {
      if (problems != NULL && problems->len > 0)
        {
          g_autoptr(JsonBuilder) detail = json_builder_new ();

          json_builder_begin_object (detail);
          loket_cli_json_add_problems (detail, problems);
          g_clear_pointer (&cli->error_detail, json_node_unref);
          cli->error_detail = loket_cli_json_finish (detail);
        }
      return loket_error_exit_code (*error);
    }

  json_builder_begin_object (builder);
  add_heir (builder, heir);
  loket_cli_json_add_string (builder, "kpj", kpj);
  *result = loket_cli_json_finish (builder);
  return 0;
}

static int
heir_list (LoketCli      *cli,
           LoketCliArgs  *args,
           JsonNode     **result,
           GError       **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(LoketMember) member = NULL;
  g_autoptr(GPtrArray) heirs = NULL;
  g_autofree char *kpj = NULL;
  LoketStore *store;

  if ((kpj = loket_kpj_normalize (loket_cli_args_positional (args, 1), error)) == NULL)
    return 1;
  if ((store = loket_cli_get_store (cli, error)) == NULL
      || (member = loket_store_find_member_by_kpj (store, kpj, error)) == NULL
      || (heirs = loket_store_list_heirs (store, member->id, error)) == NULL)
    return loket_error_exit_code (*error);

  json_builder_begin_object (builder);
  loket_cli_json_add_string (builder, "kpj", member->kpj);
  loket_cli_json_add_string (builder, "name", member->name);
  json_builder_set_member_name (builder, "heirs");
  json_builder_begin_array (builder);
  for (guint i = 0; i < heirs->len; i++)
    {
      json_builder_begin_object (builder);
      add_heir (builder, g_ptr_array_index (heirs, i));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  *result = loket_cli_json_finish (builder);
  return 0;
}

int
loket_cli_verb_heir (LoketCli   *cli,
                     int         argc,
                     char      **argv,
                     JsonNode  **result,
                     GError    **error)
{
  static const LoketCliOption options[] = {
    { "name", TRUE }, { "nik", TRUE }, { "relation", TRUE }, { "birth", TRUE },
    { "account", TRUE }, { "school", TRUE }, LOKET_CLI_GLOBAL_OPTIONS, { NULL }
  };
  g_auto(LoketCliArgs) args = { 0 };
  const char *what;

  if (!loket_cli_args_parse (argc, argv, options, &args, error))
    return 2;
  what = loket_cli_args_positional (&args, 0);
  if (args.positionals->len == 2 && g_strcmp0 (what, "list") == 0)
    return heir_list (cli, &args, result, error);
  if (args.positionals->len != 2 || g_strcmp0 (what, "add") != 0
      || !loket_cli_args_has (&args, "name") || !loket_cli_args_has (&args, "nik")
      || !loket_cli_args_has (&args, "relation") || !loket_cli_args_has (&args, "birth"))
    return usage (HEIR_USAGE, error);
  return heir_add (cli, &args, result, error);
}

/* ---- claims as JSON ------------------------------------------------------ */

static void
add_reasons (JsonBuilder *builder,
             LoketClaim  *claim)
{
  json_builder_set_member_name (builder, "reasons");
  json_builder_begin_array (builder);
  for (guint i = 0; i < claim->reasons->len; i++)
    {
      const LoketClaimReason *reason = g_ptr_array_index (claim->reasons, i);

      json_builder_begin_object (builder);
      loket_cli_json_add_string (builder, "field", reason->field);
      loket_cli_json_add_string (builder, "code", reason->code);
      loket_cli_json_add_string (builder, "message", reason->message);
      loket_cli_json_add_bool (builder, "blocking", reason->blocking);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/* The judgement: eligible, reasons, lines, total. */
static void
add_judgement (JsonBuilder *builder,
               LoketClaim  *claim)
{
  loket_cli_json_add_bool (builder, "eligible", claim->eligible);
  add_reasons (builder, claim);
  json_builder_set_member_name (builder, "lines");
  json_builder_begin_array (builder);
  for (guint i = 0; i < claim->lines->len; i++)
    {
      const LoketClaimLine *line = &g_array_index (claim->lines, LoketClaimLine, i);

      json_builder_begin_object (builder);
      loket_cli_json_add_string (builder, "code", line->code);
      loket_cli_json_add_string (builder, "label", line->label);
      loket_cli_json_add_int (builder, "amount", line->amount);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  loket_cli_json_add_int (builder, "total", claim->total);
}

static void
add_claim (JsonBuilder *builder,
           LoketClaim  *claim)
{
  json_builder_set_member_name (builder, "claim");
  if (claim->id != 0)
    json_builder_add_int_value (builder, claim->id);
  else
    json_builder_add_null_value (builder);
  loket_cli_json_add_string (builder, "kpj", claim->kpj);
  loket_cli_json_add_string (builder, "name", claim->member_name);
  loket_cli_json_add_string (builder, "program", loket_claim_program_code (claim->program));
  loket_cli_json_add_string (builder, "program_label", loket_claim_program_label (claim->program));
  loket_cli_json_add_string (builder, "kind", loket_claim_kind_code (claim->kind));
  loket_cli_json_add_date (builder, "event_date", &claim->event_date);
  loket_cli_json_add_string (builder, "description", claim->description);

  json_builder_set_member_name (builder, "claimant");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "heir");
  if (claim->heir_id != 0)
    json_builder_add_int_value (builder, claim->heir_id);
  else
    json_builder_add_null_value (builder);
  loket_cli_json_add_string (builder, "name", claim->claimant_name);
  loket_cli_json_add_string (builder, "relation",
                             claim->heir_id != 0 ? loket_heir_relation_code (claim->claimant_relation) : "member");
  json_builder_end_object (builder);

  loket_cli_json_add_string (builder, "bank_account", claim->bank_account);
  if (claim->months_off > 0)
    loket_cli_json_add_int (builder, "months_off", claim->months_off);
  if (claim->school_level != LOKET_SCHOOL_NONE)
    loket_cli_json_add_string (builder, "school_level", loket_school_level_code (claim->school_level));
  loket_cli_json_add_string (builder, "status", loket_claim_status_code (claim->status));
  loket_cli_json_add_string (builder, "status_label", loket_claim_status_label (claim->status));
  add_judgement (builder, claim);

  json_builder_set_member_name (builder, "documents");
  json_builder_begin_array (builder);
  for (guint i = 0; i < claim->documents->len; i++)
    {
      const LoketClaimDocument *document = &g_array_index (claim->documents, LoketClaimDocument, i);

      json_builder_begin_object (builder);
      loket_cli_json_add_string (builder, "code", document->code);
      loket_cli_json_add_string (builder, "label", loket_claim_document_label (document->code));
      loket_cli_json_add_bool (builder, "received", document->received);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  loket_cli_json_add_date (builder, "submitted_on", &claim->submitted_on);
  loket_cli_json_add_string (builder, "clerk", claim->clerk);
  loket_cli_json_add_date (builder, "decided_on", &claim->decided_on);
  loket_cli_json_add_date (builder, "paid_on", &claim->paid_on);
  loket_cli_json_add_string (builder, "letter_number", claim->letter_number);

  json_builder_set_member_name (builder, "history");
  json_builder_begin_array (builder);
  for (guint i = 0; i < claim->history->len; i++)
    {
      const LoketClaimEvent *event = g_ptr_array_index (claim->history, i);

      json_builder_begin_object (builder);
      loket_cli_json_add_string (builder, "from_status",
                                 event->from < LOKET_N_CLAIM_STATUSES ? loket_claim_status_code (event->from) : NULL);
      loket_cli_json_add_string (builder, "to_status", loket_claim_status_code (event->to));
      loket_cli_json_add_string (builder, "clerk", event->clerk);
      loket_cli_json_add_date (builder, "date", &event->on);
      loket_cli_json_add_string (builder, "at", event->created_at);
      loket_cli_json_add_string (builder, "reason", event->reason);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/* A short form for lists. */
static void
add_claim_summary (JsonBuilder *builder,
                   LoketClaim  *claim)
{
  loket_cli_json_add_int (builder, "claim", claim->id);
  loket_cli_json_add_string (builder, "kpj", claim->kpj);
  loket_cli_json_add_string (builder, "name", claim->member_name);
  loket_cli_json_add_string (builder, "program", loket_claim_program_code (claim->program));
  loket_cli_json_add_string (builder, "kind", loket_claim_kind_code (claim->kind));
  loket_cli_json_add_date (builder, "event_date", &claim->event_date);
  loket_cli_json_add_string (builder, "status", loket_claim_status_code (claim->status));
  loket_cli_json_add_bool (builder, "eligible", claim->eligible);
  loket_cli_json_add_int (builder, "total", claim->total);
  loket_cli_json_add_date (builder, "submitted_on", &claim->submitted_on);
  loket_cli_json_add_string (builder, "letter_number", claim->letter_number);
}

/* ---- claim verbs --------------------------------------------------------- */

/* The codes of --docs LIST, split at commas. */
static GStrv
split_list (const char *text)
{
  return text != NULL ? g_strsplit (text, ",", -1) : NULL;
}

static gboolean
parse_heir_id (const char  *text,
               gint64      *out,
               GError     **error)
{
  if (g_ascii_string_to_signed (text, 10, 1, G_MAXINT64, out, NULL))
    return TRUE;
  g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
               _("Claimant: “%s” is not an heir’s number. See the member’s heirs with heir list KPJ."),
               text);
  return FALSE;
}

static gboolean
parse_claim_id (const char  *text,
                gint64      *out,
                GError     **error)
{
  if (text != NULL && g_ascii_string_to_signed (text, 10, 1, G_MAXINT64, out, NULL))
    return TRUE;
  g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
               _("Claim: “%s” is not a claim number. Give the number the claim was given, such as 12."),
               text != NULL ? text : "");
  return FALSE;
}

static int
claim_add (LoketCli      *cli,
           LoketCliArgs  *args,
           JsonNode     **result,
           GError       **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(LoketClaim) claim = NULL;
  g_autoptr(LoketClaim) judged = NULL;
  g_auto(GStrv) documents = split_list (loket_cli_args_get (args, "docs"));
  g_autofree char *kpj = NULL;
  const char *claimant = loket_cli_args_get (args, "claimant");
  const char *months = loket_cli_args_get (args, "months-off");
  const char *school = loket_cli_args_get (args, "school");
  LoketClaimRequest request;
  LoketStore *store;

  loket_claim_request_init (&request);
  request.description = loket_cli_args_get (args, "description");
  request.bank_account = loket_cli_args_get (args, "account");
  request.documents = (const char *const *) documents;
  request.clerk = cli->user;
  if ((kpj = loket_kpj_normalize (loket_cli_args_positional (args, 1), error)) == NULL
      || !loket_claim_program_parse (loket_cli_args_get (args, "program"), &request.program, error)
      || !loket_claim_kind_parse (request.program, loket_cli_args_get (args, "kind"), &request.kind, error)
      || !loket_date_parse_iso (loket_cli_args_get (args, "event-date"), _("Event date (--event-date)"),
                                &request.event_date, error)
      || (claimant != NULL && !parse_heir_id (claimant, &request.claimant_heir_id, error))
      || (months != NULL && !loket_cli_parse_int (months, _("Months off work (--months-off)"), 1, 600,
                                                  &request.months_off, error))
      || (school != NULL && !loket_school_level_parse (school, &request.school_level, error)))
    return 1;

  if ((store = loket_cli_get_store (cli, error)) == NULL)
    return loket_error_exit_code (*error);
  if (loket_cli_args_has (args, "preview"))
    {
      if ((claim = loket_store_preview_claim (store, kpj, &request, &cli->today, error)) == NULL)
        return loket_error_exit_code (*error);
      json_builder_begin_object (builder);
      add_claim (builder, claim);
      *result = loket_cli_json_finish (builder);
      return loket_claim_is_blocked (claim) ? 1 : 0;
    }

  claim = loket_store_submit_claim (store, kpj, &request, &cli->today, &judged, error);
  if (claim == NULL)
    {
      if (judged != NULL)
        {
          g_autoptr(JsonBuilder) detail = json_builder_new ();

          json_builder_begin_object (detail);
          add_judgement (detail, judged);
          g_clear_pointer (&cli->error_detail, json_node_unref);
          cli->error_detail = loket_cli_json_finish (detail);
        }
      return loket_error_exit_code (*error);
    }
  json_builder_begin_object (builder);
  add_claim (builder, claim);
  *result = loket_cli_json_finish (builder);
  return 0;
}

static int
claim_show (LoketCli      *cli,
            LoketCliArgs  *args,
            JsonNode     **result,
            GError       **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(LoketClaim) claim = NULL;
  LoketStore *store;
  gint64 id;

  if (!parse_claim_id (loket_cli_args_positional (args, 1), &id, error))
    return 1;
  if ((store = loket_cli_get_store (cli, error)) == NULL
      || (claim = loket_store_find_claim (store, id, error)) == NULL)
    return loket_error_exit_code (*error);
  json_builder_begin_object (builder);
  add_claim (builder, claim);
  *result = loket_cli_json_finish (builder);
  return 0;
}

static int
claim_list (LoketCli      *cli,
            LoketCliArgs  *args,
            JsonNode     **result,
            GError       **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GPtrArray) claims = NULL;
  const char *status_text = loket_cli_args_get (args, "status");
  const char *limit_text = loket_cli_args_get (args, "limit");
  LoketClaimStatus status = LOKET_N_CLAIM_STATUSES;
  LoketStore *store;
  int limit = 100;

  if ((status_text != NULL && !loket_claim_status_parse (status_text, &status, error))
      || (limit_text != NULL && !loket_cli_parse_int (limit_text, _("Limit (--limit)"), 1, 100000, &limit, error)))
    return 1;
  if ((store = loket_cli_get_store (cli, error)) == NULL
      || (claims = loket_store_list_claims (store, status, (guint) limit, error)) == NULL)
    return loket_error_exit_code (*error);

  json_builder_begin_object (builder);
  loket_cli_json_add_string (builder, "status", status < LOKET_N_CLAIM_STATUSES ? loket_claim_status_code (status) : NULL);
  loket_cli_json_add_int (builder, "count", claims->len);
  json_builder_set_member_name (builder, "claims");
  json_builder_begin_array (builder);
  for (guint i = 0; i < claims->len; i++)
    {
      json_builder_begin_object (builder);
      add_claim_summary (builder, g_ptr_array_index (claims, i));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  *result = loket_cli_json_finish (builder);
  return 0;
}

static int
claim_advance (LoketCli      *cli,
               LoketCliArgs  *args,
               JsonNode     **result,
               GError       **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(LoketClaim) claim = NULL;
  g_auto(GStrv) documents = split_list (loket_cli_args_get (args, "docs"));
  LoketClaimStatus to;
  LoketStore *store;
  gint64 id;

  if (!parse_claim_id (loket_cli_args_positional (args, 1), &id, error)
      || !loket_claim_status_parse (loket_cli_args_get (args, "to"), &to, error))
    return 1;
  if ((store = loket_cli_get_store (cli, error)) == NULL
      || (claim = loket_store_advance_claim (store, id, to, loket_cli_args_get (args, "reason"),
                                             (const char *const *) documents, cli->user,
                                             &cli->today, error)) == NULL)
    return loket_error_exit_code (*error);
  json_builder_begin_object (builder);
  add_claim (builder, claim);
  *result = loket_cli_json_finish (builder);
  return 0;
}

static int
claim_letter (LoketCli      *cli,
              LoketCliArgs  *args,
              JsonNode     **result,
              GError       **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(LoketClaim) claim = NULL;
  const char *output = loket_cli_args_get (args, "output");
  LoketStore *store;
  guint pages = 0;
  gint64 id;

  if (!parse_claim_id (loket_cli_args_positional (args, 1), &id, error))
    return 1;
  if ((store = loket_cli_get_store (cli, error)) == NULL
      || !loket_store_write_claim_letter (store, id, output, &pages, error)
      || (claim = loket_store_find_claim (store, id, error)) == NULL)
    return loket_error_exit_code (*error);
  json_builder_begin_object (builder);
  loket_cli_json_add_int (builder, "claim", claim->id);
  loket_cli_json_add_string (builder, "status", loket_claim_status_code (claim->status));
  loket_cli_json_add_string (builder, "letter_number", claim->letter_number);
  loket_cli_json_add_int (builder, "total", claim->total);
  loket_cli_json_add_string (builder, "path", output);
  loket_cli_json_add_int (builder, "pages", pages);
  *result = loket_cli_json_finish (builder);
  return 0;
}

int
loket_cli_verb_claim (LoketCli   *cli,
                      int         argc,
                      char      **argv,
                      JsonNode  **result,
                      GError    **error)
{
  static const LoketCliOption options[] = {
    { "program", TRUE }, { "event-date", TRUE }, { "claimant", TRUE }, { "kind", TRUE },
    { "months-off", TRUE }, { "docs", TRUE, TRUE }, { "school", TRUE }, { "account", TRUE },
    { "description", TRUE }, { "preview", FALSE }, { "to", TRUE }, { "reason", TRUE },
    { "status", TRUE }, { "limit", TRUE }, { "output", TRUE },
    LOKET_CLI_GLOBAL_OPTIONS, { NULL }
  };
  g_auto(LoketCliArgs) args = { 0 };
  g_autofree char **arguments = g_new0 (char *, argc + 1);
  const char *what;
  guint n;

  /* -o FILE is --output FILE, as for card and receipt. */
  for (int i = 0; i < argc; i++)
    arguments[i] = g_str_equal (argv[i], "-o") ? (char *) "--output" : argv[i];
  if (!loket_cli_args_parse (argc, arguments, options, &args, error))
    return 2;
  what = loket_cli_args_positional (&args, 0);
  n = args.positionals->len;
  if (n == 2 && g_strcmp0 (what, "add") == 0
      && loket_cli_args_has (&args, "program") && loket_cli_args_has (&args, "event-date"))
    return claim_add (cli, &args, result, error);
  if (n == 2 && g_strcmp0 (what, "show") == 0)
    return claim_show (cli, &args, result, error);
  if (n == 1 && g_strcmp0 (what, "list") == 0)
    return claim_list (cli, &args, result, error);
  if (n == 2 && g_strcmp0 (what, "advance") == 0 && loket_cli_args_has (&args, "to"))
    return claim_advance (cli, &args, result, error);
  if (n == 2 && g_strcmp0 (what, "letter") == 0 && loket_cli_args_has (&args, "output"))
    return claim_letter (cli, &args, result, error);
  return usage (CLAIM_USAGE, error);
}

/* ---- report claims ------------------------------------------------------- */

static void
add_report_row (JsonBuilder                 *builder,
                const LoketClaimsReportRow  *row)
{
  loket_cli_json_add_int (builder, "submitted", row->submitted);
  loket_cli_json_add_int (builder, "approved", row->approved);
  loket_cli_json_add_int (builder, "approved_total", row->approved_total);
  loket_cli_json_add_int (builder, "rejected", row->rejected);
  /* The branch's figures: claims paid, and what they came to. */
  loket_cli_json_add_int (builder, "count", row->paid);
  loket_cli_json_add_int (builder, "total", row->paid_total);
}

int
loket_cli_report_claims (LoketCli      *cli,
                         LoketCliArgs  *args,
                         JsonNode     **result,
                         GError       **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  LoketClaimsReport report;
  LoketStore *store;
  GDate from, to;

  if (!loket_date_parse_iso (loket_cli_args_get (args, "from"), _("From (--from)"), &from, error)
      || !loket_date_parse_iso (loket_cli_args_get (args, "to"), _("To (--to)"), &to, error))
    return 1;
  if ((store = loket_cli_get_store (cli, error)) == NULL
      || !loket_store_report_claims (store, &from, &to, &report, error))
    return loket_error_exit_code (*error);

  json_builder_begin_object (builder);
  loket_cli_json_add_date (builder, "from", &report.from);
  loket_cli_json_add_date (builder, "to", &report.to);
  add_report_row (builder, &report.all);
  json_builder_set_member_name (builder, "programs");
  json_builder_begin_array (builder);
  for (guint i = 0; i < LOKET_N_CLAIM_PROGRAMS; i++)
    {
      json_builder_begin_object (builder);
      loket_cli_json_add_string (builder, "program", loket_claim_program_code (i));
      loket_cli_json_add_string (builder, "label", loket_claim_program_label (i));
      add_report_row (builder, &report.programs[i]);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  *result = loket_cli_json_finish (builder);
  return 0;
}
