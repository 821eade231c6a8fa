/* test-accounts.c: staff accounts, the session, legacy mode and the audit
 * trail (issue 8). */
#include <sqlite3.h>
#include <string.h>

#include "loket-accounts.h"
#include "loket-audit.h"
#include "loket-error.h"
#include "loket-store-claims.h"
#include "loket-store-payments.h"
#include "loket-store-private.h"
#include "loket-test-util.h"

#define ANI_NIK "5203015205900002"
#define SUPERVISOR_PASSWORD "rahasia-made-1"
#define CLERK_PASSWORD "rahasia-wayan-1"

typedef struct {
  LoketStore *store;
  char       *path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->store = loket_test_open_store (&fixture->path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  g_free (fixture->path);
}

/* A supervisor "made" and a petugas "wayan"; nobody logged in. */
static void
make_accounts (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LoketStaff) made = NULL;
  g_autoptr(LoketStaff) wayan = NULL;

  made = loket_store_create_first_supervisor (fixture->store, "made", "Made Suarta", SUPERVISOR_PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_cmpint (made->role, ==, LOKET_ROLE_SUPERVISOR);
  g_assert_nonnull (loket_store_login (fixture->store, "made", SUPERVISOR_PASSWORD, NULL, &error));
  g_assert_no_error (error);
  wayan = loket_store_add_account (fixture->store, "wayan", NULL, LOKET_ROLE_PETUGAS, CLERK_PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (wayan->display_name, ==, "wayan");
  g_assert_cmpstr (wayan->created_by, ==, "made");
  loket_store_logout (fixture->store);
}

static gint64
query_int (LoketStore *store,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (store->db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* Runs SQL on the file through a connection of its own, as a tool other
 * than Loket would: no audit triggers, no loket_actor(). */
static void
exec_outside (const char *path,
              const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

static void
test_first_supervisor_once (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LoketStaff) again = NULL;

  g_assert_false (loket_store_has_accounts (fixture->store, NULL));
  make_accounts (fixture);
  g_assert_true (loket_store_has_accounts (fixture->store, NULL));

  again = loket_store_create_first_supervisor (fixture->store, "ketut", NULL, "rahasia-ketut", &error);
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_CONFLICT);
  g_assert_null (again);
  g_assert_cmpint (query_int (fixture->store, "SELECT count(*) FROM staff"), ==, 2);
}

static void
test_password_rules (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LoketStaff) staff = NULL;

  staff = loket_store_create_first_supervisor (fixture->store, "made", NULL, "pendek", &error);
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_INVALID);
  g_clear_error (&error);
  staff = loket_store_create_first_supervisor (fixture->store, "made.suarta", NULL, "Made.Suarta", &error);
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_INVALID);
  g_clear_error (&error);
  staff = loket_store_create_first_supervisor (fixture->store, "made suarta", NULL, SUPERVISOR_PASSWORD, &error);
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_INVALID);
  g_assert_false (loket_store_has_accounts (fixture->store, NULL));
}

static void
test_login (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) unknown_error = NULL;
  const LoketStaff *session;

  make_accounts (fixture);
  g_assert_null (loket_store_get_session (fixture->store));

  g_assert_null (loket_store_login (fixture->store, "wayan", "salah-sekali", NULL, &error));
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_INVALID);
  /* An unknown name gets the very same words: which one was wrong is not
   * said. */
  g_assert_null (loket_store_login (fixture->store, "nobody", "salah-sekali", NULL, &unknown_error));
  g_assert_error (unknown_error, LOKET_ERROR, LOKET_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, unknown_error->message);
  g_assert_null (loket_store_get_session (fixture->store));

  session = loket_store_login (fixture->store, "WAYAN", CLERK_PASSWORD, NULL, NULL);
  g_assert_nonnull (session);
  g_assert_cmpstr (session->username, ==, "wayan");
  g_assert_cmpint (session->role, ==, LOKET_ROLE_PETUGAS);
  g_assert_true (loket_store_get_session (fixture->store) == session);
  g_assert_cmpstr (loket_store_get_actor (fixture->store), ==, "wayan");
  /* A right password clears the count of wrong ones. */
  g_assert_cmpint (query_int (fixture->store, "SELECT failed_logins FROM staff WHERE username = 'wayan'"), ==, 0);

  loket_store_logout (fixture->store);
  g_assert_null (loket_store_get_session (fixture->store));
  g_assert_cmpint (loket_store_get_idle_minutes (fixture->store), ==, 10);
}

static void
test_lockout (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 23, 8, 0, 0);
  g_autoptr(GDateTime) later = g_date_time_add_minutes (now, 16);

  make_accounts (fixture);
  for (int i = 0; i < 5; i++)
    {
      g_clear_error (&error);
      g_assert_null (loket_store_login (fixture->store, "wayan", "salah-sekali", now, &error));
      g_assert_error (error, LOKET_ERROR, LOKET_ERROR_INVALID);
    }
  /* The fifth says until when. */
  g_assert_nonnull (strstr (error->message, "2026-11-23"));
  g_clear_error (&error);

  /* Even the right password is refused while it lasts. */
  g_assert_null (loket_store_login (fixture->store, "wayan", CLERK_PASSWORD, now, &error));
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2026-11-23"));
  g_clear_error (&error);

  /* It lasts security.lockout_minutes (15). */
  g_assert_nonnull (loket_store_login (fixture->store, "wayan", CLERK_PASSWORD, later, &error));
  g_assert_no_error (error);
  loket_store_logout (fixture->store);

  /* Locked again, a supervisor unlocks at once. */
  for (int i = 0; i < 5; i++)
    g_assert_null (loket_store_login (fixture->store, "wayan", "salah-sekali", now, NULL));
  g_assert_nonnull (loket_store_login (fixture->store, "made", SUPERVISOR_PASSWORD, now, NULL));
  g_assert_true (loket_store_set_account_locked (fixture->store, "wayan", FALSE, &error));
  g_assert_no_error (error);
  g_assert_nonnull (loket_store_login (fixture->store, "wayan", CLERK_PASSWORD, now, &error));
  g_assert_no_error (error);
}

static void
test_supervisor_lock (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  make_accounts (fixture);
  g_assert_nonnull (loket_store_login (fixture->store, "made", SUPERVISOR_PASSWORD, NULL, NULL));
  g_assert_true (loket_store_set_account_locked (fixture->store, "wayan", TRUE, &error));
  g_assert_no_error (error);
  g_assert_false (loket_store_set_account_locked (fixture->store, "made", TRUE, &error));
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_null (loket_store_login (fixture->store, "wayan", CLERK_PASSWORD, NULL, &error));
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "wayan"));
  g_clear_error (&error);

  /* A petugas manages no accounts; the attempt is in the trail. */
  g_assert_nonnull (loket_store_login (fixture->store, "made", SUPERVISOR_PASSWORD, NULL, NULL));
  g_assert_true (loket_store_set_account_locked (fixture->store, "wayan", FALSE, NULL));
  g_assert_nonnull (loket_store_login (fixture->store, "wayan", CLERK_PASSWORD, NULL, NULL));
  g_assert_null (loket_store_add_account (fixture->store, "ketut", NULL, LOKET_ROLE_SUPERVISOR, "rahasia-ketut", &error));
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_INVALID);
  g_assert_cmpint (query_int (fixture->store,
                              "SELECT count(*) FROM audit WHERE action = 'refused' AND actor = 'wayan'"
                              " AND json_extract (new_json, '$.right') = 'accounts'"), ==, 1);
  g_clear_error (&error);

  /* Their own password, with the old one. */
  g_assert_false (loket_store_change_password (fixture->store, "wayan", "salah-sekali", "baru-wayan-2", &error));
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (loket_store_change_password (fixture->store, "wayan", CLERK_PASSWORD, "baru-wayan-2", &error));
  g_assert_no_error (error);
  g_assert_nonnull (loket_store_login (fixture->store, "wayan", "baru-wayan-2", NULL, NULL));
}

static void
test_legacy_mode (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LoketMember) ani = NULL;

  /* No account: anything goes, under the acting name. */
  loket_store_set_acting_name (fixture->store, "Sri");
  ani = loket_test_register (fixture->store, ANI_NIK, "Ani Lestari", "1990-05-12", 'P', "2026-11-23");
  g_assert_true (loket_store_set_setting (fixture->store, LOKET_SETTING_BRANCH_NAME, "KCP Selong", &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (fixture->store, "SELECT count(*) FROM audit WHERE actor <> 'Sri'"), ==, 0);
  g_assert_cmpint (query_int (fixture->store, "SELECT count(*) FROM audit WHERE table_name = 'member'"), ==, 1);

  /* Once an account exists, a write needs a session. */
  make_accounts (fixture);
  g_assert_false (loket_store_set_setting (fixture->store, LOKET_SETTING_BRANCH_NAME, "KCP Sakra", &error));
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "LOKET_PASSWORD"));
  g_clear_error (&error);
  g_assert_cmpint (query_int (fixture->store, "SELECT count(*) FROM audit WHERE action = 'refused'"), ==, 1);
}

static void
test_audit_entries (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(LoketAuditReport) report = NULL;
  LoketAuditFilter filter = { .table_name = "setting" };
  LoketAuditEntry *entry;
  g_autofree char *changes = NULL;
  gint64 before;

  make_accounts (fixture);
  g_assert_nonnull (loket_store_login (fixture->store, "made", SUPERVISOR_PASSWORD, NULL, NULL));
  before = query_int (fixture->store, "SELECT count(*) FROM audit");

  g_assert_true (loket_store_set_setting (fixture->store, LOKET_SETTING_BRANCH_NAME, "KCP Selong", NULL));
  g_assert_true (loket_store_set_setting (fixture->store, LOKET_SETTING_BRANCH_NAME, "KCP Sakra", NULL));
  /* The same value again changes nothing, and is no entry. */
  g_assert_true (loket_store_set_setting (fixture->store, LOKET_SETTING_BRANCH_NAME, "KCP Sakra", NULL));
  g_assert_cmpint (query_int (fixture->store, "SELECT count(*) FROM audit"), ==, before + 2);

  entries = loket_store_list_audit (fixture->store, &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 2);
  entry = entries->pdata[0];
  g_assert_cmpstr (entry->action, ==, "update");
  g_assert_cmpstr (entry->actor, ==, "made");
  g_assert_cmpstr (entry->row_key, ==, LOKET_SETTING_BRANCH_NAME);
  changes = loket_audit_entry_dup_changes (entry);
  g_assert_cmpstr (changes, ==, "value: KCP Selong → KCP Sakra");
  g_assert_cmpstr (((LoketAuditEntry *) entries->pdata[1])->action, ==, "insert");

  /* The staff rows are audited, their password hashes never. */
  g_assert_cmpint (query_int (fixture->store, "SELECT count(*) FROM audit WHERE table_name = 'staff'"), >=, 2);
  g_assert_cmpint (query_int (fixture->store,
                              "SELECT count(*) FROM audit WHERE new_json LIKE '%argon%' OR old_json LIKE '%argon%'"), ==, 0);

  report = loket_store_verify_audit (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (report->verdict, ==, LOKET_AUDIT_INTACT);
  g_assert_cmpint (report->entries, ==, query_int (fixture->store, "SELECT count(*) FROM audit"));

  /* A petugas does not browse the trail. */
  loket_store_logout (fixture->store);
  g_assert_nonnull (loket_store_login (fixture->store, "wayan", CLERK_PASSWORD, NULL, NULL));
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = loket_store_list_audit (fixture->store, NULL, &error);
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_INVALID);
  g_assert_null (entries);
}

/* Three members registered; the trail then tampered with in `how`. */
static LoketAuditReport *
tamper (Fixture    *fixture,
        const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LoketMember) a = loket_test_register (fixture->store, ANI_NIK, "Ani Lestari", "1990-05-12", 'P', "2026-11-23");
  g_autoptr(LoketMember) b = loket_test_register (fixture->store, "5203011203850003", "Budi Santoso", "1985-03-12", 'L', "2026-11-23");
  LoketAuditReport *report;

  exec_outside (fixture->path, sql);
  report = loket_store_verify_audit (fixture->store, &error);
  g_assert_no_error (error);
  return report;
}

static void
test_tamper_entry (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(LoketAuditReport) report = tamper (fixture,
    "DROP TRIGGER audit_is_kept;"
    " UPDATE audit SET new_json = replace (new_json, 'Budi', 'Bodi') WHERE id = (SELECT min (id) FROM audit WHERE new_json LIKE '%Budi%');");

  g_assert_cmpint (report->verdict, ==, LOKET_AUDIT_HASH_MISMATCH);
  g_assert_cmpint (report->broken_id, ==, query_int (fixture->store, "SELECT min (id) FROM audit WHERE new_json LIKE '%Bodi%'"));
  g_assert_nonnull (report->message);
}

static void
test_tamper_deleted (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(LoketAuditReport) report = tamper (fixture,
    "DROP TRIGGER audit_is_never_deleted; DELETE FROM audit WHERE id = 2;");

  g_assert_cmpint (report->verdict, ==, LOKET_AUDIT_GAP);
  g_assert_cmpint (report->broken_id, ==, 2);
}

static void
test_tamper_record (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(LoketAuditReport) report = tamper (fixture,
    "UPDATE member SET name = 'Ani Lestary' WHERE nik = '" ANI_NIK "';");
  g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT,
                                          query_int (fixture->store, "SELECT id FROM member WHERE nik = '" ANI_NIK "'"));

  g_assert_cmpint (report->verdict, ==, LOKET_AUDIT_STATE_MISMATCH);
  g_assert_cmpstr (report->table_name, ==, "member");
  g_assert_cmpstr (report->row_key, ==, key);
  g_assert_cmpint (report->mismatches, ==, 1);
}


static gint64
refusals (Fixture    *fixture,
          const char *right)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM audit WHERE action = 'refused'"
                                          " AND actor = 'wayan' AND json_extract (new_json, '$.right') = '%s'", right);

  return query_int (fixture->store, sql);
}

static void
test_petugas_refused (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LoketMember) ani = NULL;
  g_autoptr(LoketMember) changed = NULL;
  g_autoptr(LoketMember) saved = NULL;
  g_autoptr(LoketReceipt) receipt = NULL;
  g_autoptr(LoketReceipt) reversed = NULL;
  g_autoptr(LoketClaim) claim = NULL;
  LoketPaymentRequest request;
  GDate today;
  gint64 entries;

  make_accounts (fixture);
  loket_test_date (&today, "2026-11-23");
  g_assert_nonnull (loket_store_login (fixture->store, "wayan", CLERK_PASSWORD, NULL, NULL));

  /* What a petugas does: register and take a payment, recorded under
   * their username whatever name the caller passed. */
  ani = loket_test_register (fixture->store, ANI_NIK, "Ani Lestari", "1990-05-12", 'P', "2026-11-23");
  loket_payment_request_init (&request);
  request.months = 1;
  request.clerk = "someone-else";
  receipt = loket_store_pay (fixture->store, ani->kpj, &request, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (receipt->clerk, ==, "wayan");
  g_assert_cmpint (query_int (fixture->store, "SELECT count(*) FROM audit WHERE table_name = 'receipt' AND actor = 'wayan'"), ==, 1);
  entries = query_int (fixture->store, "SELECT count(*) FROM audit");

  /* What is a supervisor's: each refused, named, logged, nothing changed. */
  reversed = loket_store_reverse_receipt (fixture->store, receipt->number, "salah peserta", "wayan", &today, &error);
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "supervisor"));
  g_assert_null (reversed);
  g_clear_error (&error);
  g_assert_cmpint (refusals (fixture, "reverse"), ==, 1);

  claim = loket_store_advance_claim (fixture->store, 1, LOKET_CLAIM_DISETUJUI, NULL, NULL, "wayan", &today, &error);
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (refusals (fixture, "decide-claim"), ==, 1);

  changed = loket_member_copy (ani);
  g_free (changed->nik);
  changed->nik = g_strdup ("5203015205900010");
  g_assert_null (loket_store_update_member (fixture->store, changed, &today, NULL, &error));
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (refusals (fixture, "change-nik"), ==, 1);

  g_assert_false (loket_store_set_setting (fixture->store, LOKET_SETTING_BRANCH_NAME, "KCP Sakra", &error));
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (refusals (fixture, "settings"), ==, 1);

  /* Four refusals, and nothing else. */
  g_assert_cmpint (query_int (fixture->store, "SELECT count(*) FROM audit"), ==, entries + 4);
  g_assert_cmpint (query_int (fixture->store, "SELECT count(*) FROM reversal"), ==, 0);
  g_assert_cmpint (query_int (fixture->store, "SELECT count(*) FROM member WHERE nik = '" ANI_NIK "'"), ==, 1);

  /* A supervisor may. */
  g_assert_nonnull (loket_store_login (fixture->store, "made", SUPERVISOR_PASSWORD, NULL, NULL));
  reversed = loket_store_reverse_receipt (fixture->store, receipt->number, "salah peserta", "x", &today, &error);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (fixture->store, "SELECT count(*) FROM reversal WHERE clerk = 'made'"), ==, 1);
  saved = loket_store_update_member (fixture->store, changed, &today, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (saved->nik, ==, "5203015205900010");
  g_assert_true (loket_store_set_setting (fixture->store, LOKET_SETTING_BRANCH_NAME, "KCP Sakra", &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/accounts/first-supervisor-once", test_first_supervisor_once);
  ADD ("/accounts/password-rules", test_password_rules);
  ADD ("/accounts/login", test_login);
  ADD ("/accounts/lockout", test_lockout);
  ADD ("/accounts/supervisor-lock", test_supervisor_lock);
  ADD ("/accounts/legacy-mode", test_legacy_mode);
  ADD ("/accounts/petugas-refused", test_petugas_refused);
  ADD ("/audit/entries", test_audit_entries);
  ADD ("/audit/tamper-entry", test_tamper_entry);
  ADD ("/audit/tamper-deleted", test_tamper_deleted);
  ADD ("/audit/tamper-record", test_tamper_record);
#undef ADD

  return g_test_run ();
}
