/* loket-cli-test-util.c */
#include <sqlite3.h>
#include <sys/wait.h>

#include "loket-cli-test-util.h"

void
loket_cli_run_clear (LoketCliRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
  g_clear_pointer (&run->json, json_node_unref);
}

void
loket_cli_run_argv (const char        *db,
                    LoketCliRun       *run,
                    const char *const *arguments)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  const char *cli = g_getenv ("LOKET_CLI");
  int wait_status;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (gpointer) cli);
  g_ptr_array_add (argv, "--db");
  g_ptr_array_add (argv, (gpointer) db);
  g_ptr_array_add (argv, "--today");
  g_ptr_array_add (argv, "2026-11-23");
  g_ptr_array_add (argv, "--json");
  for (guint i = 0; arguments[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) arguments[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDIN_FROM_DEV_NULL, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);

  if (json_parser_load_from_data (parser, run->out, -1, NULL))
    run->json = json_node_ref (json_parser_get_root (parser));
}

void
loket_cli_run (const char  *db,
               LoketCliRun *run,
               const char  *first,
               ...)
{
  g_autoptr(GPtrArray) arguments = g_ptr_array_new ();
  va_list args;

  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (arguments, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (arguments, NULL);
  loket_cli_run_argv (db, run, (const char *const *) arguments->pdata);
}

JsonObject *
loket_cli_result_object (LoketCliRun *run)
{
  if (run->json == NULL || !JSON_NODE_HOLDS_OBJECT (run->json))
    g_error ("not a JSON object: %s\nstderr: %s", run->out, run->err);
  return json_node_get_object (run->json);
}

JsonObject *
loket_cli_error_object (LoketCliRun *run)
{
  JsonObject *root = loket_cli_result_object (run);

  if (!json_object_has_member (root, "error"))
    g_error ("no error in: %s", run->out);
  return json_object_get_object_member (root, "error");
}

gint64
loket_cli_query_int (const char *db,
                     const char *sql)
{
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open_v2 (db, &handle, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (handle);
  return value;
}
