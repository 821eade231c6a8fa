/* loket-cli-card.c: card KPJ… -o FILE, card --coop ID -o FILE, card verify. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "loket-cli.h"
#include "loket-cli-json.h"
#include "loket-card.h"
#include "loket-card-payload.h"
#include "loket-error.h"
#include "loket-kpj.h"
#include "loket-store-cooperatives.h"

#define OFFSET_MAX_MM 20.0

static JsonNode *
finish (JsonBuilder *builder)
{
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static int
usage (GError **error)
{
  g_set_error_literal (error, LOKET_ERROR, LOKET_ERROR_USAGE,
                       _("Usage: loket-cli card KPJ… [--back] [--show-nik] [--sheet a4] -o FILE | "
                         "card --coop ID [--back] [--sheet a4] -o FILE | card verify PAYLOAD"));
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
  *result = finish (builder);
  return 0;
}

static gint
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* The cooperative's members, in registration order. */
static GPtrArray *
cooperative_members (LoketStore  *store,
                     const char  *text,
                     char       **name,
                     GError     **error)
{
  g_autoptr(LoketCooperative) cooperative = NULL;
  g_autoptr(GArray) ids = NULL;
  gint64 id = 0;

  if (!g_ascii_string_to_signed (text, 10, 1, G_MAXINT64, &id, NULL))
    {
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_USAGE,
                   _("The option --coop takes a cooperative’s number, such as 3."));
      return NULL;
    }
  if ((cooperative = loket_store_find_cooperative (store, id, error)) == NULL)
    return NULL;
  if ((ids = loket_store_dup_cooperative_member_ids (store, id, "", 0, error)) == NULL)
    return NULL;
  g_array_sort (ids, compare_ids);
  *name = g_strdup (cooperative->name);
  return loket_store_load_members (store, (const gint64 *) ids->data, ids->len, error);
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
  guint n = args->positionals->len;
  guint pages = 0;
  LoketStore *store;

  if (output == NULL || (n == 0 && coop == NULL) || (n > 0 && coop != NULL))
    return usage (error);
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
      if ((members = cooperative_members (store, coop, &cooperative, error)) == NULL)
        return loket_error_exit_code (*error);
    }
  for (guint i = 0; i < n; i++)
    {
      LoketMember *member = loket_store_find_member_by_kpj (store, loket_cli_args_positional (args, i), error);

      if (member == NULL)
        return loket_error_exit_code (*error);
      g_ptr_array_add (members, member);
    }

  branch = loket_store_dup_setting (store, LOKET_SETTING_BRANCH_NAME);
  options.branch_name = branch;
  options.cooperative_name = cooperative;
  options.back = loket_cli_args_has (args, "back");
  options.show_nik = loket_cli_args_has (args, "show-nik");
  options.layout = sheet != NULL ? LOKET_CARD_LAYOUT_A4 : LOKET_CARD_LAYOUT_SINGLE;
  if (!loket_card_write_pdf (members, &options, output, &pages, error))
    return loket_error_exit_code (*error);

  json_builder_begin_object (builder);
  loket_cli_json_add_string (builder, "path", output);
  json_builder_set_member_name (builder, "cards");
  json_builder_add_int_value (builder, members->len);
  json_builder_set_member_name (builder, "pages");
  json_builder_add_int_value (builder, pages);
  *result = finish (builder);
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
  return card_write (cli, &args, result, error);
}
