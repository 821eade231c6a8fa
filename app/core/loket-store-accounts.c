/* loket-store-accounts.c: staff accounts, the session and the rights check.
 * Every change here goes through the audited staff table (without the
 * password hash, which the audit never copies). */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "loket-accounts.h"
#include "loket-error.h"
#include "loket-staff.h"
#include "loket-store-private.h"

#define STAFF_COLUMNS \
  "id, username, display_name, role, active, failed_logins, locked_until, created_at, created_by"

/* A hash to check a wrong username's password against, so that a login
 * takes as long whether or not the name exists. Made once, lazily. */
static char *
dummy_hash (void)
{
  static char *hash = NULL;

  if (g_once_init_enter (&hash))
    g_once_init_leave (&hash, loket_password_hash ("loket-no-such-account", NULL));
  return hash;
}

static LoketStaff *
staff_from_row (sqlite3_stmt *stmt)
{
  LoketStaff *staff = g_new0 (LoketStaff, 1);

  staff->id = sqlite3_column_int64 (stmt, 0);
  staff->username = loket_store_dup_column_text (stmt, 1);
  staff->display_name = loket_store_dup_column_text (stmt, 2);
  staff->role = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 3), "supervisor") == 0
                ? LOKET_ROLE_SUPERVISOR : LOKET_ROLE_PETUGAS;
  staff->active = sqlite3_column_int (stmt, 4) != 0;
  staff->failed_logins = sqlite3_column_int (stmt, 5);
  staff->locked_until = loket_store_dup_column_text (stmt, 6);
  staff->created_at = loket_store_dup_column_text (stmt, 7);
  staff->created_by = loket_store_dup_column_text (stmt, 8);
  return staff;
}

/* The account and its password hash; NULL without an error when there is
 * none. */
static LoketStaff *
load_account (LoketStore  *self,
              const char  *username,
              char       **password_hash,
              GError     **error)
{
  sqlite3_stmt *stmt = loket_store_prepare (self,
    "SELECT " STAFF_COLUMNS ", password_hash FROM staff WHERE username = ?", error);
  LoketStaff *staff = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, username, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      staff = staff_from_row (stmt);
      if (password_hash != NULL)
        *password_hash = loket_store_dup_column_text (stmt, 9);
    }
  else if (rc != SQLITE_DONE)
    loket_store_set_sqlite_error (self, rc, error);
  sqlite3_reset (stmt);
  return staff;
}

LoketStaff *
loket_store_find_account (LoketStore  *self,
                          const char  *username,
                          GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  LoketStaff *staff = load_account (self, username, NULL, &local_error);

  if (staff == NULL && local_error == NULL)
    g_set_error (&local_error, LOKET_ERROR, LOKET_ERROR_NOT_FOUND,
                 _("Account: there is no account “%s”. See loket-cli user list."), username);
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return staff;
}

GPtrArray *
loket_store_list_accounts (LoketStore  *self,
                           GError     **error)
{
  sqlite3_stmt *stmt = loket_store_prepare (self,
    "SELECT " STAFF_COLUMNS " FROM staff ORDER BY username", error);
  g_autoptr(GPtrArray) accounts = g_ptr_array_new_with_free_func ((GDestroyNotify) loket_staff_free);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (accounts, staff_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      loket_store_set_sqlite_error (self, rc, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  return g_steal_pointer (&accounts);
}

gboolean
loket_store_has_accounts (LoketStore  *self,
                          GError     **error)
{
  sqlite3_stmt *stmt = loket_store_prepare (self, "SELECT EXISTS (SELECT 1 FROM staff)", error);
  gboolean any;
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      loket_store_set_sqlite_error (self, rc, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  any = sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);
  return any;
}

static gboolean
check_username (const char  *username,
                GError     **error)
{
  gsize length = username != NULL ? strlen (username) : 0;

  if (length < 2 || length > 32)
    {
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                   _("Username: it needs 2 to 32 characters. Write for example “wayan” or “made.s”."));
      return FALSE;
    }
  for (const char *c = username; *c != '\0'; c++)
    if (!g_ascii_isalnum (*c) && *c != '.' && *c != '_' && *c != '-')
      {
        g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                     _("Username: “%s” may hold only letters, digits, dots, hyphens and underscores, without spaces. Write for example “made.s”."),
                     username);
        return FALSE;
      }
  return TRUE;
}

static LoketStaff *
insert_account (LoketStore  *self,
                const char  *username,
                const char  *display_name,
                LoketRole    role,
                const char  *password,
                gboolean     only_if_first,
                GError     **error)
{
  g_autofree char *hash = NULL;
  g_autofree char *now = NULL;
  g_autoptr(LoketStaff) existing = NULL;
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;

  if (!check_username (username, error) || !loket_password_check (username, password, error))
    return NULL;
  hash = loket_password_hash (password, error);
  if (hash == NULL || !loket_store_begin (self, error))
    return NULL;

  if (only_if_first && loket_store_has_accounts (self, &local_error))
    {
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_CONFLICT,
                   _("Account: this database already has accounts, so there is no first supervisor to create. Ask a supervisor to add yours."));
      loket_store_rollback (self);
      return NULL;
    }
  existing = load_account (self, username, NULL, &local_error);
  if (existing != NULL || local_error != NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, LOKET_ERROR, LOKET_ERROR_CONFLICT,
                     _("Username: “%s” is already taken. Choose another one."), username);
      loket_store_rollback (self);
      return NULL;
    }

  now = loket_store_now_utc ();
  stmt = loket_store_prepare (self,
    "INSERT INTO staff (username, display_name, role, password_hash, created_at, created_by)"
    " VALUES (?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    {
      loket_store_rollback (self);
      return NULL;
    }
  sqlite3_bind_text (stmt, 1, username, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, display_name != NULL && *display_name != '\0' ? display_name : username,
                     -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, loket_role_to_string (role), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, hash, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, loket_store_get_actor (self), -1, SQLITE_TRANSIENT);
  if (!loket_store_step_done (self, stmt, error) || !loket_store_commit (self, error))
    {
      loket_store_rollback (self);
      return NULL;
    }
  return loket_store_find_account (self, username, error);
}

LoketStaff *
loket_store_create_first_supervisor (LoketStore  *self,
                                     const char  *username,
                                     const char  *display_name,
                                     const char  *password,
                                     GError     **error)
{
  g_return_val_if_fail (LOKET_IS_STORE (self), NULL);

  return insert_account (self, username, display_name, LOKET_ROLE_SUPERVISOR, password, TRUE, error);
}

LoketStaff *
loket_store_add_account (LoketStore  *self,
                         const char  *username,
                         const char  *display_name,
                         LoketRole    role,
                         const char  *password,
                         GError     **error)
{
  g_return_val_if_fail (LOKET_IS_STORE (self), NULL);

  if (!loket_store_require (self, LOKET_RIGHT_ACCOUNTS, error))
    return NULL;
  return insert_account (self, username, display_name, role, password, FALSE, error);
}

/* Runs one UPDATE of a staff row in its own transaction. */
static gboolean
update_staff (LoketStore  *self,
              const char  *sql,
              gint64       id,
              const char  *text,
              int          number,
              GError     **error)
{
  sqlite3_stmt *stmt;

  if (!loket_store_begin (self, error))
    return FALSE;
  stmt = loket_store_prepare (self, sql, error);
  if (stmt == NULL)
    {
      loket_store_rollback (self);
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, id);
  loket_store_bind_text_or_null (stmt, 2, text);
  sqlite3_bind_int (stmt, 3, number);
  if (!loket_store_step_done (self, stmt, error) || !loket_store_commit (self, error))
    {
      loket_store_rollback (self);
      return FALSE;
    }
  return TRUE;
}

gboolean
loket_store_set_account_locked (LoketStore  *self,
                                const char  *username,
                                gboolean     locked,
                                GError     **error)
{
  g_autoptr(LoketStaff) staff = NULL;
  const LoketStaff *session = loket_store_get_session (self);

  g_return_val_if_fail (LOKET_IS_STORE (self), FALSE);

  if (!loket_store_require (self, LOKET_RIGHT_ACCOUNTS, error))
    return FALSE;
  staff = loket_store_find_account (self, username, error);
  if (staff == NULL)
    return FALSE;
  if (locked && session != NULL && session->id == staff->id)
    {
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                   _("Account: you cannot lock your own account. Ask another supervisor."));
      return FALSE;
    }
  return update_staff (self,
                       "UPDATE staff SET active = ?3, failed_logins = 0, locked_until = ?2 WHERE id = ?1",
                       staff->id, NULL, locked ? 0 : 1, error);
}

gboolean
loket_store_change_password (LoketStore  *self,
                             const char  *username,
                             const char  *old_password,
                             const char  *new_password,
                             GError     **error)
{
  g_autoptr(LoketStaff) staff = NULL;
  g_autofree char *old_hash = NULL;
  g_autofree char *new_hash = NULL;
  g_autoptr(GError) local_error = NULL;
  const LoketStaff *session = loket_store_get_session (self);
  gboolean own;

  g_return_val_if_fail (LOKET_IS_STORE (self), FALSE);

  staff = load_account (self, username, &old_hash, &local_error);
  if (staff == NULL)
    {
      if (local_error == NULL)
        g_set_error (&local_error, LOKET_ERROR, LOKET_ERROR_NOT_FOUND,
                     _("Account: there is no account “%s”. See loket-cli user list."), username);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  own = session != NULL && session->id == staff->id;
  if (!own && !loket_store_require (self, LOKET_RIGHT_ACCOUNTS, error))
    return FALSE;
  if (own && old_password != NULL && !loket_password_verify (old_hash, old_password))
    {
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                   _("Password: the current password is wrong. Type it again."));
      return FALSE;
    }
  if (!loket_password_check (staff->username, new_password, error))
    return FALSE;
  new_hash = loket_password_hash (new_password, error);
  return new_hash != NULL
         && update_staff (self, "UPDATE staff SET password_hash = ?2, failed_logins = ?3 WHERE id = ?1",
                          staff->id, new_hash, 0, error);
}

static char *
format_local_time (const char *utc_iso)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (utc_iso, NULL);
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup (utc_iso);
  local = g_date_time_to_local (utc);
  return g_date_time_format (local, "%Y-%m-%d %H.%M");
}

static int
setting_int (LoketStore *self,
             const char *key,
             int         fallback)
{
  g_autofree char *text = loket_store_dup_setting (self, key);
  gint64 value;

  if (text == NULL || !g_ascii_string_to_signed (text, 10, 1, 100000, &value, NULL))
    return fallback;
  return (int) value;
}

int
loket_store_get_idle_minutes (LoketStore *self)
{
  return setting_int (self, LOKET_SETTING_IDLE_MINUTES, 10);
}

static void
set_locked_error (const char  *locked_until,
                  GError     **error)
{
  g_autofree char *until = format_local_time (locked_until);

  g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
               _("Login: this account is locked after too many wrong passwords until %s. Try again then, or ask a supervisor to unlock it."),
               until);
}

/* Counts a wrong password; the one that reaches the limit locks the account
 * for a while. Written under the name that was tried, so that the trail
 * shows whose account was being guessed. */
static void
count_wrong_password (LoketStore      *self,
                      const LoketStaff *staff,
                      GDateTime       *now,
                      GError         **error)
{
  int limit = setting_int (self, LOKET_SETTING_MAX_FAILED_LOGINS, 5);
  int failed = staff->failed_logins + 1;
  g_autofree char *locked_until = NULL;
  g_autofree char *saved_actor = g_strdup (self->acting_name);

  if (failed >= limit)
    {
      g_autoptr(GDateTime) until = g_date_time_add_minutes (now, setting_int (self, LOKET_SETTING_LOCKOUT_MINUTES, 15));
      g_autoptr(GDateTime) until_utc = g_date_time_to_utc (until);

      locked_until = g_date_time_format (until_utc, "%Y-%m-%dT%H:%M:%SZ");
      failed = 0;
    }

  loket_store_set_acting_name (self, staff->username);
  /* The count is best effort: a failure to write it must not turn a wrong
   * password into a storage error. */
  update_staff (self, "UPDATE staff SET locked_until = ?2, failed_logins = ?3 WHERE id = ?1",
                staff->id, locked_until, failed, NULL);
  loket_store_set_acting_name (self, saved_actor);

  if (locked_until != NULL)
    set_locked_error (locked_until, error);
  else
    g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                 _("Login: the username or the password is wrong. Check both and try again (after %d wrong passwords in a row the account is locked for a while)."),
                 limit);
}

const LoketStaff *
loket_store_login (LoketStore  *self,
                   const char  *username,
                   const char  *password,
                   GDateTime   *now,
                   GError     **error)
{
  g_autoptr(LoketStaff) staff = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *now_iso = NULL;
  g_autoptr(GDateTime) clock = NULL;
  g_autoptr(GDateTime) now_utc = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (LOKET_IS_STORE (self), NULL);

  loket_store_logout (self);
  if (now == NULL)
    now = clock = g_date_time_new_now_utc ();
  now_utc = g_date_time_to_utc (now);
  now_iso = g_date_time_format (now_utc, "%Y-%m-%dT%H:%M:%SZ");

  staff = username != NULL ? load_account (self, username, &hash, &local_error) : NULL;
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (staff == NULL)
    {
      /* Spend the same time as a real check: how long a refusal takes
       * must not tell which names exist. */
      loket_password_verify (dummy_hash (), password != NULL ? password : "");
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                   _("Login: the username or the password is wrong. Check both and try again (after %d wrong passwords in a row the account is locked for a while)."),
                   setting_int (self, LOKET_SETTING_MAX_FAILED_LOGINS, 5));
      return NULL;
    }
  if (staff->locked_until != NULL && g_strcmp0 (staff->locked_until, now_iso) > 0)
    {
      set_locked_error (staff->locked_until, error);
      return NULL;
    }
  if (!loket_password_verify (hash, password != NULL ? password : ""))
    {
      count_wrong_password (self, staff, now, error);
      return NULL;
    }
  if (!staff->active)
    {
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                   _("Login: the account “%s” has been locked by a supervisor. Ask a supervisor to unlock it."),
                   staff->username);
      return NULL;
    }
  if ((staff->failed_logins != 0 || staff->locked_until != NULL)
      && !update_staff (self, "UPDATE staff SET locked_until = ?2, failed_logins = ?3 WHERE id = ?1",
                        staff->id, NULL, 0, error))
    return NULL;

  g_clear_pointer (&staff->locked_until, g_free);
  staff->failed_logins = 0;
  self->session = g_steal_pointer (&staff);
  return self->session;
}

void
loket_store_logout (LoketStore *self)
{
  g_return_if_fail (LOKET_IS_STORE (self));

  g_clear_pointer (&self->session, loket_staff_free);
}

const LoketStaff *
loket_store_get_session (LoketStore *self)
{
  g_return_val_if_fail (LOKET_IS_STORE (self), NULL);

  return self->session;
}

void
loket_store_set_acting_name (LoketStore *self,
                             const char *name)
{
  g_return_if_fail (LOKET_IS_STORE (self));

  g_free (self->acting_name);
  self->acting_name = name != NULL && *name != '\0' ? g_strdup (name) : loket_staff_current_name (NULL);
}

const char *
loket_store_get_actor (LoketStore *self)
{
  if (self->session != NULL)
    return self->session->username;
  if (self->acting_name == NULL)
    self->acting_name = loket_staff_current_name (NULL);
  return self->acting_name;
}

const char *
loket_store_clerk (LoketStore *self,
                   const char *requested)
{
  return self->session != NULL ? self->session->username : requested;
}

/* Refreshes the session's role and state from its row, so that a
 * supervisor's lock or a role change counts at the next write. */
static gboolean
refresh_session (LoketStore  *self,
                 GError     **error)
{
  g_autoptr(LoketStaff) fresh = load_account (self, self->session->username, NULL, error);

  if (fresh == NULL)
    return FALSE;
  self->session->role = fresh->role;
  self->session->active = fresh->active;
  return TRUE;
}

gboolean
loket_store_require (LoketStore  *self,
                     LoketRight   right,
                     GError     **error)
{
  g_autoptr(GError) refusal = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (LOKET_IS_STORE (self), FALSE);

  if (!loket_store_has_accounts (self, &local_error))
    {
      if (local_error == NULL)
        return TRUE;  /* legacy mode */
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (self->session == NULL)
    g_set_error (&refusal, LOKET_ERROR, LOKET_ERROR_INVALID,
                 _("Sign in first: to %s you need to log in with your account (in loket-cli, --user NAME with the password from LOKET_PASSWORD or typed when asked)."),
                 loket_right_describe (right));
  else if (!refresh_session (self, &local_error) || !self->session->active)
    g_set_error (&refusal, LOKET_ERROR, LOKET_ERROR_INVALID,
                 _("Account: “%s” is locked or no longer exists, so it cannot %s. Ask a supervisor."),
                 self->session->username, loket_right_describe (right));
  else if (!loket_role_has_right (self->session->role, right))
    g_set_error (&refusal, LOKET_ERROR, LOKET_ERROR_INVALID,
                 _("Not allowed: only a supervisor may %s. Ask a supervisor to do it."),
                 loket_right_describe (right));
  else
    return TRUE;

  loket_store_audit_refusal (self, right, refusal->message);
  g_propagate_error (error, g_steal_pointer (&refusal));
  return FALSE;
}
