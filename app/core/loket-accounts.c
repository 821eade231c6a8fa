/* loket-accounts.c: roles, rights and passwords, without the store. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <sodium.h>
#include <string.h>

#include "loket-accounts.h"
#include "loket-error.h"

/* Who may do what. The petugas does the counter's daily work; what moves
 * money out or undoes it (reversals, approving and paying claims), what
 * changes who a member is (the NIK), what binds the branch (PKS, agents)
 * and what changes the rules (settings, rates, accounts) is the
 * supervisor's. */
static const struct {
  LoketRight  right;
  gboolean    petugas;
} role_rights[] = {
  { LOKET_RIGHT_REGISTER, TRUE },
  { LOKET_RIGHT_EDIT_MEMBER, TRUE },
  { LOKET_RIGHT_CHANGE_NIK, FALSE },
  { LOKET_RIGHT_PAY, TRUE },
  { LOKET_RIGHT_REVERSE, FALSE },
  { LOKET_RIGHT_PRINT_CARD, TRUE },
  { LOKET_RIGHT_TAKE_CLAIM, TRUE },
  { LOKET_RIGHT_DECIDE_CLAIM, FALSE },
  { LOKET_RIGHT_PAY_CLAIM, FALSE },
  { LOKET_RIGHT_COOPERATIVES, TRUE },
  { LOKET_RIGHT_PARTNERSHIPS, FALSE },
  { LOKET_RIGHT_SETTINGS, FALSE },
  { LOKET_RIGHT_ACCOUNTS, FALSE },
  { LOKET_RIGHT_AUDIT, FALSE },
};

LoketStaff *
loket_staff_copy (const LoketStaff *staff)
{
  LoketStaff *copy = g_new0 (LoketStaff, 1);

  *copy = *staff;
  copy->username = g_strdup (staff->username);
  copy->display_name = g_strdup (staff->display_name);
  copy->locked_until = g_strdup (staff->locked_until);
  copy->created_at = g_strdup (staff->created_at);
  copy->created_by = g_strdup (staff->created_by);
  return copy;
}

void
loket_staff_free (LoketStaff *staff)
{
  if (staff == NULL)
    return;
  g_free (staff->username);
  g_free (staff->display_name);
  g_free (staff->locked_until);
  g_free (staff->created_at);
  g_free (staff->created_by);
  g_free (staff);
}

const char *
loket_role_to_string (LoketRole role)
{
  return role == LOKET_ROLE_SUPERVISOR ? "supervisor" : "petugas";
}

gboolean
loket_role_parse (const char  *text,
                  LoketRole   *role,
                  GError     **error)
{
  if (g_strcmp0 (text, "petugas") == 0)
    *role = LOKET_ROLE_PETUGAS;
  else if (g_strcmp0 (text, "supervisor") == 0)
    *role = LOKET_ROLE_SUPERVISOR;
  else
    {
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                   _("Role: “%s” is not a role. Write petugas or supervisor."),
                   text != NULL ? text : "");
      return FALSE;
    }
  return TRUE;
}

const char *
loket_right_to_string (LoketRight right)
{
  static const char *const names[] = {
    [LOKET_RIGHT_REGISTER] = "register", [LOKET_RIGHT_EDIT_MEMBER] = "edit-member",
    [LOKET_RIGHT_CHANGE_NIK] = "change-nik", [LOKET_RIGHT_PAY] = "pay",
    [LOKET_RIGHT_REVERSE] = "reverse", [LOKET_RIGHT_PRINT_CARD] = "print-card",
    [LOKET_RIGHT_TAKE_CLAIM] = "take-claim", [LOKET_RIGHT_DECIDE_CLAIM] = "decide-claim",
    [LOKET_RIGHT_PAY_CLAIM] = "pay-claim", [LOKET_RIGHT_COOPERATIVES] = "cooperatives",
    [LOKET_RIGHT_PARTNERSHIPS] = "partnerships", [LOKET_RIGHT_SETTINGS] = "settings",
    [LOKET_RIGHT_ACCOUNTS] = "accounts", [LOKET_RIGHT_AUDIT] = "audit",
  };

  return (guint) right < G_N_ELEMENTS (names) && names[right] != NULL ? names[right] : "?";
}

const char *
loket_right_describe (LoketRight right)
{
  switch (right)
    {
    case LOKET_RIGHT_REGISTER: return _("register members");
    case LOKET_RIGHT_EDIT_MEMBER: return _("change a member’s details");
    case LOKET_RIGHT_CHANGE_NIK: return _("change a member’s NIK");
    case LOKET_RIGHT_PAY: return _("take payments");
    case LOKET_RIGHT_REVERSE: return _("reverse a payment");
    case LOKET_RIGHT_PRINT_CARD: return _("print membership cards");
    case LOKET_RIGHT_TAKE_CLAIM: return _("take and verify claims");
    case LOKET_RIGHT_DECIDE_CLAIM: return _("approve or reject a claim");
    case LOKET_RIGHT_PAY_CLAIM: return _("mark a claim as paid");
    case LOKET_RIGHT_COOPERATIVES: return _("record cooperatives");
    case LOKET_RIGHT_PARTNERSHIPS: return _("record partnership agreements and appoint agents");
    case LOKET_RIGHT_SETTINGS: return _("change settings and rates");
    case LOKET_RIGHT_ACCOUNTS: return _("manage staff accounts");
    case LOKET_RIGHT_AUDIT: return _("browse the audit trail");
    default: return "?";
    }
}

gboolean
loket_role_has_right (LoketRole  role,
                      LoketRight right)
{
  if (role == LOKET_ROLE_SUPERVISOR)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (role_rights); i++)
    if (role_rights[i].right == right)
      return role_rights[i].petugas;
  return FALSE;
}

gboolean
loket_password_check (const char  *username,
                      const char  *password,
                      GError     **error)
{
  if (password == NULL || g_utf8_strlen (password, -1) < LOKET_PASSWORD_MIN_LENGTH)
    {
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                   _("Password: it needs at least %d characters. Choose a longer one."),
                   LOKET_PASSWORD_MIN_LENGTH);
      return FALSE;
    }
  if (username != NULL && g_ascii_strcasecmp (username, password) == 0)
    {
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                   _("Password: it must not be the username. Choose another one."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
ensure_sodium (GError **error)
{
  if (sodium_init () < 0)
    {
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_STORAGE,
                   _("Passwords cannot be checked on this computer (libsodium did not start)."));
      return FALSE;
    }
  return TRUE;
}

/* Interactive limits (2 passes over 64 MiB): about 0.1 s on the counter's
 * two cores, so a login answers at once; MODERATE (256 MiB, about 0.5 s
 * here and more under load) buys little against the threat of a stolen
 * database file at the cost of every login and of the test suite. */
char *
loket_password_hash (const char  *password,
                     GError     **error)
{
  char hash[crypto_pwhash_STRBYTES];

  if (!ensure_sodium (error))
    return NULL;
  if (crypto_pwhash_str (hash, password, strlen (password),
                         crypto_pwhash_OPSLIMIT_INTERACTIVE,
                         crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
    {
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_STORAGE,
                   _("Password: there was not enough memory to protect it. Close other programs and try again."));
      return NULL;
    }
  return g_strdup (hash);
}

gboolean
loket_password_verify (const char *hash,
                       const char *password)
{
  if (hash == NULL || password == NULL || !ensure_sodium (NULL))
    return FALSE;
  return crypto_pwhash_str_verify (hash, password, strlen (password)) == 0;
}
