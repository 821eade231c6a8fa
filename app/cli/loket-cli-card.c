/* loket-cli-card.c: card KPJ… -o FILE, card --coop ID -o FILE, card verify. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "loket-cli.h"
#include "loket-cli-json.h"
#include "loket-card.h"
#include "loket-card-payload.h"
#include "loket-error.h"
#include "loket-kpj.h"
#include "loket-store-cards.h"
#include "loket-store-cooperatives.h"

#define OFFSET_MAX_MM 20.0

static int
usage (GError **error)
{
  g_set_error_literal (error, LOKET_ERROR, LOKET_ERROR_USAGE,
                       _("Usage: loket-cli card KPJ… [--back] [--show-nik] [--sheet a4] [--reason R] -o FILE | "
                         "card --coop ID [--only-new] [--back] [--sheet a4] [--reason R] -o FILE | "
                         "card verify PAYLOAD | card log KPJ"));
  return 2;
}

static gboolean
parse_offset (const char  *text,
              const char  *option,
              double      *out,
              GError     **error)
{
  char *end = NULL;
  double value;

  if (text == NULL)
    return TRUE;
  value = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || value < -OFFSET_MAX_MM || value > OFFSET_MAX_MM)
    {
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_USAGE,
                   _("The option --%s takes millimetres between -20 and 20, such as 1.5."), option);
      return FALSE;
    }
  *out = value;
  return TRUE;
}

static int
card_verify (LoketCli    *cli,
             const char  *text,
             JsonNode   **result,
             GError     **error)
{
  g_autofree char *kpj = NULL;
  g_autoptr(LoketMember) member = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  LoketStore *store;

  if (!loket_card_payload_parse (text, &kpj, error))
    return 1;
  if ((store = loket_cli_get_store (cli, error)) == NULL)
    return loket_error_exit_code (*error);
  member = loket_store_find_member_by_kpj (store, kpj, error);
  if (member == NULL)
    return loket_error_exit_code (*error);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "valid");
  json_builder_add_boolean_value (builder, TRUE);
  loket_cli_json_add_member_summary (builder, member);
  *result = loket_cli_json_finish (builder);
  return 0;
}

static GPtrArray *
cooperative_members (LoketStore  *store,
                     const char  *text,
                     gboolean     only_new,
                     char       **name,
                     GError     **error)
{
  g_autoptr(LoketCooperative) cooperative = NULL;
  gint64 id = 0;

  if (!g_ascii_string_to_signed (text, 10, 1, G_MAXINT64, &id, NULL))
    {
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_USAGE,
                   _("The option --coop takes a cooperative’s number, such as 3."));
      return NULL;
    }
  if ((cooperative = loket_store_find_cooperative (store, id, error)) == NULL)
    return NULL;
  *name = g_strdup (cooperative->name);
  return loket_store_load_cooperative_card_members (store, id, only_new, error);
}

static int
card_write (LoketCli      *cli,
            LoketCliArgs  *args,
            JsonNode     **result,
            GError       **error)
{
  LoketCardOptions options = { 0 };
  g_autoptr(GPtrArray) members = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *branch = NULL;
  g_autofree char *cooperative = NULL;
  const char *output = loket_cli_args_get (args, "output");
  const char *sheet = loket_cli_args_get (args, "sheet");
  const char *coop = loket_cli_args_get (args, "coop");
  const char *reason_text = loket_cli_args_get (args, "reason");
  g_autofree char *show_nik = NULL;
  g_autofree gint64 *ids = NULL;
  g_autoptr(GArray) reprints = NULL;
  LoketCardPrintJob job = { 0 };
  guint n = args->positionals->len;
  guint pages = 0;
  gint64 job_id;
  LoketStore *store;

  if (output == NULL || (n == 0 && coop == NULL) || (n > 0 && coop != NULL)
      || (coop == NULL && loket_cli_args_has (args, "only-new")))
    return usage (error);
  if (reason_text != NULL && !loket_reprint_reason_parse (reason_text, &job.reason))
    {
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_USAGE,
                   _("The option --reason takes lost, damaged or data-changed."));
      return 2;
    }
  if (sheet != NULL && g_ascii_strcasecmp (sheet, "a4") != 0)
    {
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_USAGE,
                   _("The option --sheet takes “a4”; leave it out for one card a page."));
      return 2;
    }
  if (!parse_offset (loket_cli_args_get (args, "offset-x"), "offset-x", &options.offset_x_mm, error)
      || !parse_offset (loket_cli_args_get (args, "offset-y"), "offset-y", &options.offset_y_mm, error))
    return 2;

  /* Every number is checked before the database is opened. */
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *kpj = loket_kpj_normalize (loket_cli_args_positional (args, i), error);

      if (kpj == NULL)
        return 1;
      g_free (g_ptr_array_index (args->positionals, i));
      g_ptr_array_index (args->positionals, i) = g_steal_pointer (&kpj);
    }

  if ((store = loket_cli_get_store (cli, error)) == NULL)
    return loket_error_exit_code (*error);
  if (coop != NULL)
    {
      g_clear_pointer (&members, g_ptr_array_unref);
      if ((members = cooperative_members (store, coop, loket_cli_args_has (args, "only-new"),
                                          &cooperative, error)) == NULL)
        return loket_error_exit_code (*error);
      if (members->len == 0)
        {
          g_set_error (error, LOKET_ERROR, LOKET_ERROR_NOT_FOUND,
                       loket_cli_args_has (args, "only-new")
                       ? _("Every member of this cooperative already has a card; no file was written.")
                       : _("This cooperative has no members yet; no file was written."));
          return 3;
        }
    }
  for (guint i = 0; i < n; i++)
    {
      LoketMember *member = loket_store_find_member_by_kpj (store, loket_cli_args_positional (args, i), error);

      if (member == NULL)
        return loket_error_exit_code (*error);
      g_ptr_array_add (members, member);
    }

  /* A reprint needs its reason before anything is written. */
  ids = g_new (gint64, members->len);
  for (guint i = 0; i < members->len; i++)
    ids[i] = ((LoketMember *) g_ptr_array_index (members, i))->id;
  if ((reprints = loket_store_dup_members_with_card (store, ids, members->len, error)) == NULL)
    return loket_error_exit_code (*error);
  if (reprints->len > 0 && job.reason == LOKET_REPRINT_NONE)
    {
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%u member already has a card. Give the reason it is printed again "
                                "with --reason lost, damaged or data-changed; no file was written.",
                                "%u members already have a card. Give the reason they are printed again "
                                "with --reason lost, damaged or data-changed; no file was written.",
                                reprints->len),
                   reprints->len);
      return 1;
    }

  branch = loket_store_dup_setting (store, LOKET_SETTING_BRANCH_NAME);
  show_nik = loket_store_dup_setting (store, LOKET_SETTING_CARD_SHOW_NIK);
  options.branch_name = branch;
  options.cooperative_name = cooperative;
  options.back = loket_cli_args_has (args, "back");
  options.show_nik = loket_cli_args_has (args, "show-nik") || g_strcmp0 (show_nik, "1") == 0;
  options.layout = sheet != NULL ? LOKET_CARD_LAYOUT_A4 : LOKET_CARD_LAYOUT_SINGLE;
  if (!loket_card_write_pdf (members, &options, output, &pages, error))
    return loket_error_exit_code (*error);

  /* Logged once the file is there, so the log names only cards that came out. */
  job.clerk = cli->user;
  job.destination = LOKET_CARD_DESTINATION_FILE;
  job.target = output;
  job.sheet = options.layout == LOKET_CARD_LAYOUT_A4;
  job.back = options.back;
  if ((job_id = loket_store_log_card_print (store, &job, ids, members->len, error)) == 0)
    return loket_error_exit_code (*error);

  json_builder_begin_object (builder);
  loket_cli_json_add_string (builder, "path", output);
  json_builder_set_member_name (builder, "cards");
  json_builder_add_int_value (builder, members->len);
  json_builder_set_member_name (builder, "pages");
  json_builder_add_int_value (builder, pages);
  json_builder_set_member_name (builder, "print_job");
  json_builder_add_int_value (builder, job_id);
  json_builder_set_member_name (builder, "first_cards");
  json_builder_add_int_value (builder, members->len - reprints->len);
  json_builder_set_member_name (builder, "reprints");
  json_builder_add_int_value (builder, reprints->len);
  *result = loket_cli_json_finish (builder);
  return 0;
}

/* card log KPJ: a member's cards, the latest first. */
static int
card_log (LoketCli    *cli,
          const char  *text,
          JsonNode   **result,
          GError     **error)
{
  g_autofree char *kpj = loket_kpj_normalize (text, error);
  g_autoptr(LoketMember) member = NULL;
  g_autoptr(GPtrArray) prints = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  LoketStore *store;

  if (kpj == NULL)
    return 1;
  if ((store = loket_cli_get_store (cli, error)) == NULL
      || (member = loket_store_find_member_by_kpj (store, kpj, error)) == NULL
      || (prints = loket_store_list_card_prints (store, member->id, error)) == NULL)
    return loket_error_exit_code (*error);

  json_builder_begin_object (builder);
  loket_cli_json_add_member_summary (builder, member);
  json_builder_set_member_name (builder, "cards");
  json_builder_begin_array (builder);
  for (guint i = 0; i < prints->len; i++)
    {
      LoketCardPrint *print = g_ptr_array_index (prints, i);
      g_autofree char *when = g_date_time_format_iso8601 (print->printed_at);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "print_job");
      json_builder_add_int_value (builder, print->job_id);
      loket_cli_json_add_string (builder, "printed_at", when);
      loket_cli_json_add_string (builder, "clerk", print->clerk);
      loket_cli_json_add_string (builder, "destination",
                                 print->destination == LOKET_CARD_DESTINATION_PRINTER ? "printer" : "file");
      loket_cli_json_add_string (builder, "target", print->target);
      loket_cli_json_add_string (builder, "reprint_reason", loket_reprint_reason_code (print->reason));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  *result = loket_cli_json_finish (builder);
  return 0;
}

int
loket_cli_verb_card (LoketCli   *cli,
                     int         argc,
                     char      **argv,
                     JsonNode  **result,
                     GError    **error)
{
  static const LoketCliOption options[] = {
    { "output", TRUE }, { "back", FALSE }, { "show-nik", FALSE }, { "sheet", TRUE },
    { "coop", TRUE }, { "offset-x", TRUE }, { "offset-y", TRUE },
    { "reason", TRUE }, { "only-new", FALSE },
    LOKET_CLI_GLOBAL_OPTIONS, { NULL }
  };
  g_auto(LoketCliArgs) args = { 0 };
  g_autofree char **arguments = g_new0 (char *, argc + 1);

  /* -o FILE is --output FILE, as for most tools that write a file. */
  for (int i = 0; i < argc; i++)
    arguments[i] = g_str_equal (argv[i], "-o") ? (char *) "--output" : argv[i];

  if (!loket_cli_args_parse (argc, arguments, options, &args, error))
    return 2;

  if (g_strcmp0 (loket_cli_args_positional (&args, 0), "verify") == 0)
    {
      if (args.positionals->len != 2)
        return usage (error);
      return card_verify (cli, loket_cli_args_positional (&args, 1), result, error);
    }
  if (g_strcmp0 (loket_cli_args_positional (&args, 0), "log") == 0)
    {
      if (args.positionals->len != 2)
        return usage (error);
      return card_log (cli, loket_cli_args_positional (&args, 1), result, error);
    }
  return card_write (cli, &args, result, error);
}
