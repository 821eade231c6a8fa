/* test-audit-import.c: an import's commit is audited as one batch entry
 * (issue 8, schema 10): what the entry holds, and `audit verify` finding a
 * member it wrote changed outside Loket, until the member has entries of
 * its own. */
#include <sqlite3.h>
#include <string.h>

#include "loket-audit.h"
#include "loket-error.h"
#include "loket-import.h"
#include "loket-store-private.h"
#include "loket-test-util.h"

#define HEADER "No;NIK;Nama;Tgl Lahir;JK\n"

typedef struct {
  LoketStore       *store;
  char             *path;
  GDate             today;
  LoketImportTerms  terms;
} Fixture;

static gint64
query_int (LoketStore *store,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_prepare_v2 (store->db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static char *
query_text (LoketStore *store,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (store->db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

/* As a tool other than Loket would: no triggers, no loket_actor(). */
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
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->store = loket_test_open_store (&fixture->path);
  loket_test_date (&fixture->today, "2026-11-23");
  loket_store_set_setting (fixture->store, LOKET_SETTING_KPJ_PREFIX, "52", &error);
  g_assert_no_error (error);
  g_assert_true (loket_store_exec (fixture->store,
    "INSERT INTO cooperative (id, name, name_key, kind, status, created_at, updated_at) VALUES"
    " (1, 'KDMP Sakra', 'kdmp sakra', 'kdmp', 'active', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');"
    "INSERT INTO partnership (id, cooperative_id, number, signed_on, valid_from, valid_until, segment,"
    " programs, base_income, payment_months, payer, agent_id, status, created_at) VALUES"
    " (1, 1, 'PKS/001/2026', '2026-01-05', '2026-01-05', '2027-01-04', 'bpu', 'jkk,jkm', 1000000, 1,"
    " 'members', NULL, 'active', '2026-01-05T00:00:00Z');", &error));
  g_assert_no_error (error);
  fixture->terms.segment = LOKET_SEGMENT_BPU;
  fixture->terms.programs = LOKET_PROGRAM_JKK | LOKET_PROGRAM_JKM;
  fixture->terms.base_income = 1000000;
  fixture->terms.partnership_id = 1;
  fixture->terms.cooperative_id = 1;
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->store);
  g_free (fixture->path);
}

/* Hamzan registered before; Sahnan and Zaenab new: one batch entry of two
 * members, and Hamzan's link as an entry of its own. Returns the batch
 * entry's id. */
static gint64
import_three (Fixture *fixture)
{
  g_autoptr(LoketMember) hamzan = loket_test_register (fixture->store, "5203011205900001", "Hamzan Wadi",
                                                       "1990-05-12", 'L', "2025-02-01");
  const char *text = HEADER
    "1;5203011205900001;Hamzan Wadi;12/05/1990;L\n"
    "2;5203011205900002;Sahnan;12/05/1990;L\n"
    "3;5203016008850003;Zaenab;20/08/1985;P\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(LoketSheet) sheet = loket_sheet_read_bytes (bytes, "anggota-sakra.csv", NULL, &error);
  g_autoptr(LoketImportReport) report = NULL;
  gint64 entries_before = query_int (fixture->store, "SELECT count (*) FROM audit");
  guint registered = 0, linked = 0;

  g_assert_no_error (error);
  report = loket_import_check (fixture->store, sheet, &fixture->terms, &fixture->today, &error);
  g_assert_no_error (error);
  g_assert_true (loket_import_commit (fixture->store, report, &fixture->today, &registered, &linked, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (registered, ==, 2);
  g_assert_cmpuint (linked, ==, 1);

  /* The batch entry and Hamzan's link: nothing else. */
  g_assert_cmpint (query_int (fixture->store, "SELECT count (*) FROM audit"), ==, entries_before + 2);
  g_assert_cmpint (query_int (fixture->store, "SELECT count (*) FROM audit WHERE action = 'import'"), ==, 1);
  g_assert_cmpint (query_int (fixture->store,
                              "SELECT count (*) FROM audit WHERE action = 'insert' AND table_name = 'cooperative_member'"),
                   ==, 1);
  return query_int (fixture->store, "SELECT id FROM audit WHERE action = 'import'");
}

static LoketAuditVerdict
verify (Fixture  *fixture,
        char    **table_name,
        gint64   *broken_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LoketAuditReport) report = loket_store_verify_audit (fixture->store, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report->message);
  if (table_name != NULL)
    *table_name = g_strdup (report->table_name);
  if (broken_id != NULL)
    *broken_id = report->broken_id;
  return report->verdict;
}

static void
test_batch_entry (Fixture       *fixture,
                  gconstpointer  data)
{
  gint64 entry = import_three (fixture);
  g_autofree char *sql = g_strdup_printf ("SELECT new_json FROM audit WHERE id = %" G_GINT64_FORMAT, entry);
  g_autofree char *json = query_text (fixture->store, sql);
  g_autofree char *first_kpj = query_text (fixture->store, "SELECT kpj FROM member WHERE nik = '5203011205900002'");

  g_assert_nonnull (strstr (json, "\"file\":\"anggota-sakra.csv\""));
  g_assert_nonnull (strstr (json, "\"count\":2"));
  g_assert_nonnull (strstr (json, "\"cooperative_id\":1"));
  g_assert_nonnull (strstr (json, first_kpj));
  g_assert_nonnull (strstr (json, "\"member_program\":{\"count\":4"));
  g_assert_cmpint (verify (fixture, NULL, NULL), ==, LOKET_AUDIT_INTACT);
}

static void
test_batch_tampered (Fixture       *fixture,
                     gconstpointer  data)
{
  gint64 entry = import_three (fixture);
  g_autofree char *table = NULL;
  gint64 broken = 0;

  exec_outside (fixture->path, "UPDATE member SET name = 'Zaenab Binti X' WHERE nik = '5203016008850003'");
  g_assert_cmpint (verify (fixture, &table, &broken), ==, LOKET_AUDIT_BATCH_MISMATCH);
  g_assert_cmpstr (table, ==, "member");
  g_assert_cmpint (broken, ==, entry);
}

static void
test_batch_row_removed (Fixture       *fixture,
                        gconstpointer  data)
{
  gint64 entry = import_three (fixture);
  g_autofree char *table = NULL;
  gint64 broken = 0;

  exec_outside (fixture->path,
                "DELETE FROM member_program WHERE program = 'jkm'"
                " AND member_id = (SELECT id FROM member WHERE nik = '5203011205900002')");
  g_assert_cmpint (verify (fixture, &table, &broken), ==, LOKET_AUDIT_BATCH_MISMATCH);
  g_assert_cmpstr (table, ==, "member_program");
  g_assert_cmpint (broken, ==, entry);
}

/* A change through Loket is an entry of its own: the batch is then checked
 * against what that entry found, and the member against its entry. */
static void
test_batch_then_edited (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LoketMember) zaenab = NULL;
  g_autoptr(LoketMember) saved = NULL;
  g_autofree char *table = NULL;

  import_three (fixture);
  zaenab = loket_store_find_member_by_nik (fixture->store, "5203016008850003", &error);
  g_assert_no_error (error);
  g_free (zaenab->name);
  zaenab->name = g_strdup ("Zaenab Lestari");
  saved = loket_store_update_member (fixture->store, zaenab, &fixture->today, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (saved);
  g_assert_cmpint (verify (fixture, NULL, NULL), ==, LOKET_AUDIT_INTACT);

  /* Now Zaenab's own entry speaks for her row. */
  exec_outside (fixture->path, "UPDATE member SET phone = '081234567890' WHERE nik = '5203016008850003'");
  g_assert_cmpint (verify (fixture, &table, NULL), ==, LOKET_AUDIT_STATE_MISMATCH);
  g_assert_cmpstr (table, ==, "member");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/audit-import/batch-entry", Fixture, NULL, fixture_set_up, test_batch_entry, fixture_tear_down);
  g_test_add ("/audit-import/tampered", Fixture, NULL, fixture_set_up, test_batch_tampered, fixture_tear_down);
  g_test_add ("/audit-import/row-removed", Fixture, NULL, fixture_set_up, test_batch_row_removed, fixture_tear_down);
  g_test_add ("/audit-import/then-edited", Fixture, NULL, fixture_set_up, test_batch_then_edited, fixture_tear_down);
  return g_test_run ();
}
