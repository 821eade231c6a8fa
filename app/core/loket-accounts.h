/* loket-accounts.h: staff accounts, their roles and what each may do.
 *
 * A database with no account at all (every database made before accounts
 * existed) is in legacy mode: every write is allowed and recorded under the
 * acting name (loket_staff_current_name). Once the first supervisor exists,
 * every write needs a session (loket_store_login) whose role holds the
 * right the write asks for (loket_store_require); a refusal is an audit
 * entry of its own. */
#pragma once

#include "loket-store.h"

G_BEGIN_DECLS

typedef enum {
  LOKET_ROLE_PETUGAS = 1,      /* the clerk at the counter */
  LOKET_ROLE_SUPERVISOR,
} LoketRole;

/* What a write asks for. The table of who holds what is role_rights[] in
 * loket-accounts.c (and the README). */
typedef enum {
  LOKET_RIGHT_REGISTER = 1,    /* register members, import a cooperative's list */
  LOKET_RIGHT_EDIT_MEMBER,     /* change a member's details, not the NIK */
  LOKET_RIGHT_CHANGE_NIK,
  LOKET_RIGHT_PAY,
  LOKET_RIGHT_REVERSE,         /* reverse a receipt */
  LOKET_RIGHT_PRINT_CARD,      /* print and log cards, align the card printer */
  LOKET_RIGHT_TAKE_CLAIM,      /* heirs, a new claim, diverifikasi */
  LOKET_RIGHT_DECIDE_CLAIM,    /* disetujui, ditolak */
  LOKET_RIGHT_PAY_CLAIM,       /* dibayar */
  LOKET_RIGHT_COOPERATIVES,    /* cooperatives and their officers */
  LOKET_RIGHT_PARTNERSHIPS,    /* PKS agreements, appointing agents */
  LOKET_RIGHT_SETTINGS,        /* settings and rates */
  LOKET_RIGHT_ACCOUNTS,        /* add, lock, unlock accounts; others' passwords */
  LOKET_RIGHT_AUDIT,           /* browse the audit trail */
} LoketRight;

#define LOKET_SETTING_LOCKOUT_MINUTES    "security.lockout_minutes"
#define LOKET_SETTING_MAX_FAILED_LOGINS  "security.max_failed_logins"
#define LOKET_SETTING_IDLE_MINUTES       "security.idle_minutes"

#define LOKET_PASSWORD_MIN_LENGTH 8

typedef struct {
  gint64     id;
  char      *username;
  char      *display_name;
  LoketRole  role;
  gboolean   active;          /* FALSE: locked by a supervisor */
  int        failed_logins;
  char      *locked_until;    /* UTC ISO 8601 after too many wrong passwords, or NULL */
  char      *created_at;
  char      *created_by;
} LoketStaff;

LoketStaff  *loket_staff_copy             (const LoketStaff *staff);
void         loket_staff_free             (LoketStaff       *staff);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoketStaff, loket_staff_free)

/* "petugas" / "supervisor", as stored and typed on the command line. */
const char  *loket_role_to_string         (LoketRole         role);
gboolean     loket_role_parse             (const char       *text,
                                           LoketRole        *role,
                                           GError          **error);
/* A stable name ("reverse"), kept in the audit trail's refusals. */
const char  *loket_right_to_string        (LoketRight        right);
/* The right's name for messages, translated ("reverse a payment"). */
const char  *loket_right_describe         (LoketRight        right);
gboolean     loket_role_has_right         (LoketRole         role,
                                           LoketRight        right);

/* A password is refused when shorter than LOKET_PASSWORD_MIN_LENGTH or the
 * same as the username (case ignored), with a message saying so. */
gboolean     loket_password_check         (const char       *username,
                                           const char       *password,
                                           GError          **error);
/* Argon2id (libsodium crypto_pwhash_str, interactive limits). */
char        *loket_password_hash          (const char       *password,
                                           GError          **error);
gboolean     loket_password_verify        (const char       *hash,
                                           const char       *password);

/* Accounts in the store: loket-store-accounts.c. */

/* Whether any account exists (FALSE: legacy mode). */
gboolean     loket_store_has_accounts     (LoketStore       *self,
                                           GError          **error);
/* The first supervisor, only while no account exists (else
 * LOKET_ERROR_CONFLICT). The new supervisor is not logged in. */
LoketStaff  *loket_store_create_first_supervisor (LoketStore *self,
                                           const char       *username,
                                           const char       *display_name,
                                           const char       *password,
                                           GError          **error);
/* A new account, by a supervisor (LOKET_RIGHT_ACCOUNTS). display_name may
 * be NULL (the username). */
LoketStaff  *loket_store_add_account      (LoketStore       *self,
                                           const char       *username,
                                           const char       *display_name,
                                           LoketRole         role,
                                           const char       *password,
                                           GError          **error);
/* Locks (active = FALSE) or unlocks an account, by a supervisor; unlocking
 * also clears the wrong-password lock. A supervisor cannot lock themself. */
gboolean     loket_store_set_account_locked (LoketStore     *self,
                                           const char       *username,
                                           gboolean          locked,
                                           GError          **error);
/* One's own password (old_password checked), or anyone's by a supervisor
 * (old_password NULL). */
gboolean     loket_store_change_password  (LoketStore       *self,
                                           const char       *username,
                                           const char       *old_password,
                                           const char       *new_password,
                                           GError          **error);
/* Every account, by username. */
GPtrArray   *loket_store_list_accounts    (LoketStore       *self,
                                           GError          **error);
LoketStaff  *loket_store_find_account     (LoketStore       *self,
                                           const char       *username,
                                           GError          **error);

/* Starts the store's session. A wrong username or password is the same
 * LOKET_ERROR_INVALID (which one is not said); after
 * security.max_failed_logins wrong passwords in a row the account is locked
 * for security.lockout_minutes, and a locked account is refused saying until
 * when. `now` may be NULL (the clock). Returns the session's staff member
 * (borrowed from the store). */
const LoketStaff *loket_store_login       (LoketStore       *self,
                                           const char       *username,
                                           const char       *password,
                                           GDateTime        *now,
                                           GError          **error);
/* Ends the session (the window's lock screen and Ctrl+L call this too). */
void         loket_store_logout           (LoketStore       *self);
/* The logged-in staff member, or NULL. */
const LoketStaff *loket_store_get_session (LoketStore       *self);
/* The window locks itself after this many idle minutes (setting
 * security.idle_minutes, 10 unless changed). */
int          loket_store_get_idle_minutes (LoketStore       *self);

/* The name recorded as the actor when there is no session (legacy mode):
 * by default loket_staff_current_name (NULL); the CLI sets its --user. */
void         loket_store_set_acting_name  (LoketStore       *self,
                                           const char       *name);
/* Who acts now: the session's username, or the acting name. */
const char  *loket_store_get_actor        (LoketStore       *self);

/* TRUE when the write may go ahead: legacy mode, or a session whose account
 * is still active and whose role holds `right`. Otherwise
 * LOKET_ERROR_INVALID naming the right (or "Masuk dulu…" without a
 * session), and the refusal is written to the audit trail. Call it before
 * loket_store_begin. */
gboolean     loket_store_require          (LoketStore       *self,
                                           LoketRight        right,
                                           GError          **error);

G_END_DECLS
