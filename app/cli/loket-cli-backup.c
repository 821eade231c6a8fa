/* loket-cli-backup.c: backup FILE, backup --daily, restore FILE. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "loket-backup.h"
#include "loket-accounts.h"
#include "loket-cli.h"
#include "loket-cli-args.h"
#include "loket-cli-json.h"
#include "loket-error.h"

static void
add_file_size (JsonBuilder *builder,
               const char  *path)
{
  GStatBuf info;

  json_builder_set_member_name (builder, "bytes");
  json_builder_add_int_value (builder, g_stat (path, &info) == 0 ? (gint64) info.st_size : 0);
}

/* backup FILE | backup --daily [--folder DIR] [--keep-days N] */
int
loket_cli_verb_backup (LoketCli   *cli,
                       int         argc,
                       char      **argv,
                       JsonNode  **result,
                       GError    **error)
{
  static const LoketCliOption options[] = {
    { "daily", FALSE }, { "folder", TRUE }, { "keep-days", TRUE },
    LOKET_CLI_GLOBAL_OPTIONS, { NULL }
  };
  const char *usage = "loket-cli backup FILE | loket-cli backup --daily [--folder DIR] [--keep-days N]";
  g_auto(LoketCliArgs) args = { 0 };
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *path = NULL;
  gboolean daily, written = TRUE;
  int keep_days = 0;
  LoketStore *store;

  if (!loket_cli_args_parse (argc, argv, options, &args, error))
    return loket_error_exit_code (*error);
  daily = loket_cli_args_has (&args, "daily");
  if (args.positionals->len != (daily ? 0 : 1)
      || (!daily && (loket_cli_args_has (&args, "folder") || loket_cli_args_has (&args, "keep-days"))))
    {
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_USAGE, _("Usage: %s"), usage);
      return 2;
    }
  if (loket_cli_args_has (&args, "keep-days")
      && !loket_cli_parse_int (loket_cli_args_get (&args, "keep-days"), _("Days of backups to keep (--keep-days)"),
                               1, 3650, &keep_days, error))
    return 1;

  store = loket_cli_get_store (cli, error);
  if (store == NULL)
    return loket_error_exit_code (*error);

  if (daily)
    {
      g_autofree char *folder = loket_cli_args_has (&args, "folder")
                                ? g_strdup (loket_cli_args_get (&args, "folder"))
                                : loket_store_dup_backup_folder (store);
      g_autofree char *expected = g_strdup_printf ("%s/loket-%04d-%02d-%02d.db", folder,
                                                   g_date_get_year (&cli->today),
                                                   g_date_get_month (&cli->today),
                                                   g_date_get_day (&cli->today));

      written = !g_file_test (expected, G_FILE_TEST_EXISTS);
      path = loket_store_backup_daily (store, folder, keep_days, &cli->today, error);
      if (path == NULL)
        return loket_error_exit_code (*error);
    }
  else
    {
      path = g_strdup (loket_cli_args_positional (&args, 0));
      if (!loket_store_backup (store, path, error))
        return loket_error_exit_code (*error);
    }

  json_builder_begin_object (builder);
  loket_cli_json_add_string (builder, "path", path);
  loket_cli_json_add_string (builder, "database", loket_store_get_path (store));
  json_builder_set_member_name (builder, "written");
  json_builder_add_boolean_value (builder, written);
  add_file_size (builder, path);
  json_builder_end_object (builder);
  *result = json_builder_get_root (builder);
  return 0;
}

/* restore FILE: the database is not opened before the backup is checked
 * and in place, so a bad backup never touches it. */
int
loket_cli_verb_restore (LoketCli   *cli,
                        int         argc,
                        char      **argv,
                        JsonNode  **result,
                        GError    **error)
{
  static const LoketCliOption options[] = { LOKET_CLI_GLOBAL_OPTIONS, { NULL } };
  g_auto(LoketCliArgs) args = { 0 };
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *db_path = cli->db_path ? g_strdup (cli->db_path) : loket_store_default_path ();
  g_autofree char *aside = NULL;
  const char *file;
  LoketStore *store;

  if (!loket_cli_args_parse (argc, argv, options, &args, error))
    return loket_error_exit_code (*error);
  if (args.positionals->len != 1)
    {
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_USAGE, _("Usage: %s"), "loket-cli restore FILE");
      return 2;
    }
  file = loket_cli_args_positional (&args, 0);

  /* Replacing the database is a supervisor's act (issue 8) — when the
   * database can still say who is one. A damaged one cannot, and must
   * still be recoverable; it is kept aside either way. */
  if (g_file_test (db_path, G_FILE_TEST_EXISTS))
    {
      g_autoptr(GError) unreadable = NULL;

      store = loket_cli_get_store (cli, &unreadable);
      if (store != NULL && !loket_store_require (store, LOKET_RIGHT_SETTINGS, error))
        return loket_error_exit_code (*error);
      if (unreadable != NULL && g_error_matches (unreadable, LOKET_ERROR, LOKET_ERROR_INVALID))
        {
          /* A wrong password or a locked account is not damage. */
          g_propagate_error (error, g_steal_pointer (&unreadable));
          return 1;
        }
      g_clear_object (&cli->store);
    }

  if (!loket_store_restore (db_path, file, &aside, error))
    return loket_error_exit_code (*error);

  store = loket_cli_get_store (cli, error);
  if (store == NULL)
    return loket_error_exit_code (*error);

  json_builder_begin_object (builder);
  loket_cli_json_add_string (builder, "path", db_path);
  loket_cli_json_add_string (builder, "restored_from", file);
  loket_cli_json_add_string (builder, "kept_aside", aside);
  json_builder_set_member_name (builder, "schema_version");
  json_builder_add_int_value (builder, loket_store_get_schema_version (store));
  json_builder_end_object (builder);
  *result = json_builder_get_root (builder);
  return 0;
}
