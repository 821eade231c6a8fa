/* loket-cli-accounts.c: logging in, the first supervisor, staff accounts
 * and the audit trail (issue 8).
 *
 * A password comes from an environment variable (LOKET_PASSWORD, or
 * LOKET_NEW_PASSWORD for a new one) or is typed at a prompt on /dev/tty
 * without echo, and only when someone is there to type it: a script with
 * neither is refused with a message saying which variable to set. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "loket-accounts.h"
#include "loket-audit.h"
#include "loket-cli.h"
#include "loket-cli-json.h"
#include "loket-error.h"

/* One line typed on the terminal with the echo off; NULL when there is no
 * terminal. */
static char *
prompt_line (const char *prompt)
{
  struct termios saved, quiet;
  char buffer[512];
  gboolean restore;
  ssize_t n;
  size_t len = 0;
  int fd;

  if (!isatty (STDIN_FILENO))
    return NULL;
  fd = open ("/dev/tty", O_RDWR | O_CLOEXEC);
  if (fd < 0)
    return NULL;
  restore = tcgetattr (fd, &saved) == 0;
  if (restore)
    {
      quiet = saved;
      quiet.c_lflag &= ~(tcflag_t) ECHO;
      quiet.c_lflag |= ECHONL;
      tcsetattr (fd, TCSAFLUSH, &quiet);
    }
  if (write (fd, prompt, strlen (prompt)) < 0)
    {
      /* Typed blind: the prompt is a courtesy. */
    }
  while (len < sizeof buffer - 1)
    {
      n = read (fd, buffer + len, 1);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0 || buffer[len] == '\n')
        break;
      len++;
    }
  buffer[len] = '\0';
  if (restore)
    tcsetattr (fd, TCSAFLUSH, &saved);
  close (fd);
  {
    char *line = g_strdup (buffer);

    memset (buffer, 0, sizeof buffer);
    return line;
  }
}

/* The password from `variable`, or typed (twice when `confirm`). */
static char *
read_password (const char  *variable,
               const char  *prompt,
               gboolean     confirm,
               GError     **error)
{
  const char *given = g_getenv (variable);
  g_autofree char *first = NULL;
  g_autofree char *again = NULL;

  if (given != NULL && *given != '\0')
    return g_strdup (given);
  first = prompt_line (prompt);
  if (first == NULL)
    {
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                   _("Password: no terminal to type it on. Set %s to the password when loket-cli runs from a script."),
                   variable);
      return NULL;
    }
  if (confirm)
    {
      again = prompt_line (_("Type the password again: "));
      if (g_strcmp0 (first, again) != 0)
        {
          g_set_error_literal (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                               _("Password: the two passwords typed differ. Type the same password twice."));
          return NULL;
        }
    }
  return g_steal_pointer (&first);
}

gboolean
loket_cli_login (LoketCli    *cli,
                 LoketStore  *store,
                 GError     **error)
{
  g_autofree char *password = NULL;
  g_autofree char *prompt = NULL;

  loket_store_set_acting_name (store, cli->user);
  if (!loket_store_has_accounts (store, error))
    return error == NULL || *error == NULL;  /* legacy mode: --user is the name */

  prompt = g_strdup_printf (_("Password for %s: "), cli->user);
  password = read_password ("LOKET_PASSWORD", prompt, FALSE, error);
  if (password == NULL)
    return FALSE;
  return loket_store_login (store, cli->user, password, NULL, error) != NULL;
}

static void
add_staff (JsonBuilder      *builder,
           const LoketStaff *staff)
{
  loket_cli_json_add_string (builder, "username", staff->username);
  loket_cli_json_add_string (builder, "display_name", staff->display_name);
  loket_cli_json_add_string (builder, "role", loket_role_to_string (staff->role));
  json_builder_set_member_name (builder, "active");
  json_builder_add_boolean_value (builder, staff->active);
  loket_cli_json_add_string (builder, "locked_until", staff->locked_until);
}

gboolean
loket_cli_init_admin (LoketCli     *cli,
                      LoketStore   *store,
                      const char   *username,
                      const char   *display_name,
                      JsonBuilder  *builder,
                      GError      **error)
{
  g_autofree char *password = NULL;
  g_autofree char *prompt = g_strdup_printf (_("New password for %s: "), username);
  g_autoptr(LoketStaff) staff = NULL;

  password = read_password ("LOKET_PASSWORD", prompt, TRUE, error);
  if (password == NULL)
    return FALSE;
  staff = loket_store_create_first_supervisor (store, username, display_name, password, error);
  if (staff == NULL)
    return FALSE;
  json_builder_set_member_name (builder, "admin");
  json_builder_begin_object (builder);
  add_staff (builder, staff);
  json_builder_end_object (builder);
  return TRUE;
}

/* user add NAME --role R [--display NAME] | lock NAME | unlock NAME | list
 * | passwd [NAME] */
int
loket_cli_verb_user (LoketCli   *cli,
                     int         argc,
                     char      **argv,
                     JsonNode  **result,
                     GError    **error)
{
  static const LoketCliOption options[] = {
    { "role", TRUE }, { "display", TRUE }, LOKET_CLI_GLOBAL_OPTIONS, { NULL }
  };
  const char *usage = "loket-cli user add NAME --role petugas|supervisor [--display NAME] | user lock NAME"
                      " | user unlock NAME | user list | user passwd [NAME]";
  g_auto(LoketCliArgs) args = { 0 };
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const char *action, *name;
  LoketStore *store;

  if (!loket_cli_args_parse (argc, argv, options, &args, error))
    return 2;
  action = loket_cli_args_positional (&args, 0);
  name = loket_cli_args_positional (&args, 1);
  if (action == NULL || args.positionals->len > 2
      || (name == NULL && !g_str_equal (action, "list") && !g_str_equal (action, "passwd")))
    {
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_USAGE, _("Usage: %s"), usage);
      return 2;
    }
  if ((store = loket_cli_get_store (cli, error)) == NULL)
    return loket_error_exit_code (*error);

  json_builder_begin_object (builder);
  if (g_str_equal (action, "add"))
    {
      g_autofree char *prompt = g_strdup_printf (_("New password for %s: "), name);
      g_autofree char *password = NULL;
      g_autoptr(LoketStaff) staff = NULL;
      LoketRole role;

      if (!loket_cli_args_has (&args, "role"))
        {
          g_set_error_literal (error, LOKET_ERROR, LOKET_ERROR_USAGE,
                               _("Role: give --role petugas or --role supervisor."));
          return 2;
        }
      if (!loket_role_parse (loket_cli_args_get (&args, "role"), &role, error)
          || (password = read_password ("LOKET_NEW_PASSWORD", prompt, TRUE, error)) == NULL
          || (staff = loket_store_add_account (store, name, loket_cli_args_get (&args, "display"),
                                               role, password, error)) == NULL)
        return loket_error_exit_code (*error);
      add_staff (builder, staff);
    }
  else if (g_str_equal (action, "lock") || g_str_equal (action, "unlock"))
    {
      g_autoptr(LoketStaff) staff = NULL;

      if (!loket_store_set_account_locked (store, name, g_str_equal (action, "lock"), error)
          || (staff = loket_store_find_account (store, name, error)) == NULL)
        return loket_error_exit_code (*error);
      add_staff (builder, staff);
    }
  else if (g_str_equal (action, "list"))
    {
      g_autoptr(GPtrArray) accounts = loket_store_list_accounts (store, error);

      if (accounts == NULL)
        return loket_error_exit_code (*error);
      json_builder_set_member_name (builder, "accounts");
      json_builder_begin_array (builder);
      for (guint i = 0; i < accounts->len; i++)
        {
          json_builder_begin_object (builder);
          add_staff (builder, accounts->pdata[i]);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }
  else if (g_str_equal (action, "passwd"))
    {
      const char *whose = name != NULL ? name : cli->user;
      g_autofree char *prompt = g_strdup_printf (_("New password for %s: "), whose);
      g_autofree char *password = read_password ("LOKET_NEW_PASSWORD", prompt, TRUE, error);

      if (password == NULL
          || !loket_store_change_password (store, whose, NULL, password, error))
        return loket_error_exit_code (*error);
      loket_cli_json_add_string (builder, "username", whose);
      loket_cli_json_add_string (builder, "password", "changed");
    }
  else
    {
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_USAGE, _("Usage: %s"), usage);
      return 2;
    }
  *result = loket_cli_json_finish (builder);
  return 0;
}

static int
audit_list (LoketCli      *cli,
            LoketStore    *store,
            LoketCliArgs  *args,
            JsonBuilder   *builder,
            GError       **error)
{
  LoketAuditFilter filter = { 0 };
  g_autoptr(GPtrArray) entries = NULL;
  int limit = 100;

  filter.table_name = loket_cli_args_get (args, "table");
  filter.actor = loket_cli_args_get (args, "actor");
  filter.from = loket_cli_args_get (args, "from");
  filter.to = loket_cli_args_get (args, "to");
  if (loket_cli_args_has (args, "limit")
      && !loket_cli_parse_int (loket_cli_args_get (args, "limit"), "--limit", 1, 100000, &limit, error))
    return 2;
  filter.limit = (guint) limit;
  entries = loket_store_list_audit (store, &filter, error);
  if (entries == NULL)
    return loket_error_exit_code (*error);

  json_builder_set_member_name (builder, "entries");
  json_builder_begin_array (builder);
  for (guint i = 0; i < entries->len; i++)
    {
      LoketAuditEntry *entry = entries->pdata[i];
      g_autofree char *changes = loket_audit_entry_dup_changes (entry);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, entry->id);
      loket_cli_json_add_string (builder, "at", entry->at);
      loket_cli_json_add_string (builder, "actor", entry->actor);
      loket_cli_json_add_string (builder, "action", entry->action);
      loket_cli_json_add_string (builder, "table", entry->table_name);
      loket_cli_json_add_string (builder, "record", entry->row_key);
      loket_cli_json_add_string (builder, "changes", changes);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return 0;
}

/* audit verify | audit list [--table T] [--actor U] [--from D] [--to D]
 * [--limit N] */
int
loket_cli_verb_audit (LoketCli   *cli,
                      int         argc,
                      char      **argv,
                      JsonNode  **result,
                      GError    **error)
{
  static const LoketCliOption options[] = {
    { "table", TRUE }, { "actor", TRUE }, { "from", TRUE }, { "to", TRUE }, { "limit", TRUE },
    LOKET_CLI_GLOBAL_OPTIONS, { NULL }
  };
  const char *usage = "loket-cli audit verify | audit list [--table T] [--actor U] [--from DATE] [--to DATE] [--limit N]";
  g_auto(LoketCliArgs) args = { 0 };
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const char *action;
  LoketStore *store;
  int status;

  if (!loket_cli_args_parse (argc, argv, options, &args, error))
    return 2;
  action = loket_cli_args_positional (&args, 0);
  if (action == NULL || args.positionals->len != 1
      || (!g_str_equal (action, "verify") && !g_str_equal (action, "list")))
    {
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_USAGE, _("Usage: %s"), usage);
      return 2;
    }
  if ((store = loket_cli_get_store (cli, error)) == NULL)
    return loket_error_exit_code (*error);

  json_builder_begin_object (builder);
  if (g_str_equal (action, "list"))
    {
      status = audit_list (cli, store, &args, builder, error);
      if (status != 0)
        return status;
      *result = loket_cli_json_finish (builder);
      return 0;
    }
  {
    g_autoptr(LoketAuditReport) report = loket_store_verify_audit (store, error);

    if (report == NULL)
      return loket_error_exit_code (*error);
    json_builder_set_member_name (builder, "intact");
    json_builder_add_boolean_value (builder, report->verdict == LOKET_AUDIT_INTACT);
    json_builder_set_member_name (builder, "entries");
    json_builder_add_int_value (builder, report->entries);
    if (report->broken_id > 0)
      {
        json_builder_set_member_name (builder, "broken_entry");
        json_builder_add_int_value (builder, report->broken_id);
      }
    loket_cli_json_add_string (builder, "table", report->table_name);
    loket_cli_json_add_string (builder, "record", report->row_key);
    loket_cli_json_add_string (builder, "message", report->message);
    *result = loket_cli_json_finish (builder);
    return report->verdict == LOKET_AUDIT_INTACT ? 0 : 1;
  }
}
