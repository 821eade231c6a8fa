/* test-cli-claim.c: loket-cli heir and claim as a script sees them: exit
 * codes, JSON, what the database holds afterwards; and two loket-cli
 * processes deciding claims at once, each letter number given once. */
#include <string.h>
#include <sys/wait.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "loket-cli-test-util.h"
#include "loket-store-claims.h"
#include "loket-store-payments.h"
#include "loket-test-util.h"

typedef struct {
  char *folder;
  char *db;
  char *kpj;   /* Ani's: registered 2026-01-05, paid January to June 2026 */
} Fixture;

typedef LoketCliRun Run;
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, loket_cli_run_clear)

#define run_cli(fixture, run, ...) loket_cli_run ((fixture)->db, (run), __VA_ARGS__)

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(LoketStore) store = NULL;
  g_autoptr(LoketMember) ani = NULL;
  g_autoptr(LoketReceipt) receipt = NULL;
  g_autoptr(GError) error = NULL;
  LoketPaymentRequest request;
  GDate day;

  fixture->folder = loket_test_make_folder ();
  fixture->db = g_build_filename (fixture->folder, "loket.db", NULL);
  store = loket_store_open (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_true (loket_store_set_setting (store, LOKET_SETTING_KPJ_PREFIX, "52", &error));
  g_assert_true (loket_store_set_setting (store, LOKET_SETTING_BRANCH_CODE, "SLG", &error));
  g_assert_true (loket_store_set_setting (store, LOKET_SETTING_BRANCH_NAME, "KCP Selong", &error));
  ani = loket_test_register (store, "5203015205900002", "Ani Lestari", "1990-05-12", 'P', "2026-01-05");
  fixture->kpj = g_strdup (ani->kpj);
  loket_payment_request_init (&request);
  request.months = 6;
  request.clerk = "Wayan";
  loket_test_date (&day, "2026-01-05");
  receipt = loket_store_pay (store, ani->kpj, &request, &day, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_free (fixture->kpj);
  g_free (fixture->db);
  g_free (fixture->folder);
}

static const char *
error_message (Run *run)
{
  return json_object_get_string_member (loket_cli_error_object (run), "message");
}

/* heir add with Made, Ani's husband: his id as text. */
static char *
add_made (Fixture *fixture)
{
  g_auto(Run) run = { 0 };
  JsonObject *object;

  run_cli (fixture, &run, "--user", "Wayan", "heir", "add", fixture->kpj, "--name", "Made Wirawan",
           "--nik", "5203011203850003", "--relation", "spouse", "--birth", "1985-03-12",
           "--account", "0123-01-000123-50-1", NULL);
  g_assert_cmpint (run.status, ==, 0);
  object = loket_cli_result_object (&run);
  g_assert_cmpstr (json_object_get_string_member (object, "relation"), ==, "spouse");
  return g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (object, "id"));
}

static gint64
add_jkm (Fixture    *fixture,
         const char *heir)
{
  g_auto(Run) run = { 0 };

  run_cli (fixture, &run, "--user", "Wayan", "claim", "add", fixture->kpj, "--program", "jkm",
           "--event-date", "2026-06-10", "--claimant", heir, "--docs", "akta-kematian,kk",
           "--docs", "kartu", NULL);
  g_assert_cmpint (run.status, ==, 0);
  return json_object_get_int_member (loket_cli_result_object (&run), "claim");
}

static void
test_heir_add (Fixture       *fixture,
               gconstpointer  data)
{
  g_auto(Run) bad = { 0 };
  g_auto(Run) relation = { 0 };
  g_auto(Run) list = { 0 };
  g_autofree char *made = add_made (fixture);
  JsonArray *errors;

  /* An invalid NIK: exit 1, the problem named, nothing written. */
  run_cli (fixture, &bad, "--user", "Wayan", "heir", "add", fixture->kpj, "--name", "Putu",
           "--nik", "520301620715", "--relation", "child", "--birth", "2015-07-22", NULL);
  g_assert_cmpint (bad.status, ==, 1);
  g_assert_true (g_str_has_prefix (error_message (&bad), "NIK:"));
  errors = json_object_get_array_member (loket_cli_error_object (&bad), "errors");
  g_assert_cmpuint (json_array_get_length (errors), >=, 1);
  g_assert_cmpint (loket_cli_query_int (fixture->db, "SELECT count(*) FROM heir"), ==, 1);

  /* A relation that is not one, and a school level for a parent. */
  run_cli (fixture, &relation, "--user", "Wayan", "heir", "add", fixture->kpj, "--name", "Nyoman",
           "--nik", "5203011203500001", "--relation", "cousin", "--birth", "1950-03-12", NULL);
  g_assert_cmpint (relation.status, ==, 1);
  g_assert_true (g_str_has_prefix (error_message (&relation), "Hubungan:"));
  g_assert_cmpint (loket_cli_query_int (fixture->db, "SELECT count(*) FROM heir"), ==, 1);

  run_cli (fixture, &list, "heir", "list", fixture->kpj, NULL);
  g_assert_cmpint (list.status, ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (loket_cli_result_object (&list), "heirs")),
                    ==, 1);
}

static void
test_claim_add (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *made = add_made (fixture);
  g_auto(Run) run = { 0 };
  g_auto(Run) show = { 0 };
  g_auto(Run) preview = { 0 };
  g_auto(Run) missing = { 0 };
  JsonObject *object;
  JsonArray *lines;
  JsonArray *documents;
  gint64 id;

  run_cli (fixture, &run, "--user", "Wayan", "claim", "add", fixture->kpj, "--program", "jkm",
           "--event-date", "2026-06-10", "--claimant", made, "--docs", "akta-kematian,kk", NULL);
  g_assert_cmpint (run.status, ==, 0);
  object = loket_cli_result_object (&run);
  id = json_object_get_int_member (object, "claim");
  g_assert_cmpint (id, >, 0);
  g_assert_true (json_object_get_boolean_member (object, "eligible"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "reasons")), ==, 0);
  lines = json_object_get_array_member (object, "lines");
  g_assert_cmpuint (json_array_get_length (lines), ==, 3);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (lines, 0), "amount"), ==, 20000000);
  g_assert_nonnull (json_object_get_string_member (json_array_get_object_element (lines, 0), "label"));
  g_assert_cmpint (json_object_get_int_member (object, "total"), ==, 42000000);
  g_assert_cmpstr (json_object_get_string_member (object, "status"), ==, "diajukan");
  g_assert_cmpstr (json_object_get_string_member (object, "clerk"), ==, "Wayan");

  {
    g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);

    run_cli (fixture, &show, "claim", "show", number, NULL);
  }
  g_assert_cmpint (show.status, ==, 0);
  object = loket_cli_result_object (&show);
  g_assert_cmpint (json_object_get_int_member (object, "total"), ==, 42000000);
  documents = json_object_get_array_member (object, "documents");
  g_assert_cmpuint (json_array_get_length (documents), ==, 8);
  g_assert_true (json_object_get_boolean_member (json_array_get_object_element (documents, 3), "received"));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (object, "claimant"), "name"),
                   ==, "Made Wirawan");

  /* A preview records nothing; a claim that is not there is exit 3. */
  run_cli (fixture, &preview, "claim", "add", fixture->kpj, "--program", "jkk", "--kind", "temporary",
           "--months-off", "14", "--event-date", "2026-03-02", "--preview", NULL);
  g_assert_cmpint (preview.status, ==, 0);
  object = loket_cli_result_object (&preview);
  g_assert_true (json_object_get_null_member (object, "claim"));
  g_assert_cmpint (json_object_get_int_member (object, "total"), ==, 12 * 1000000 + 2 * 500000);
  g_assert_cmpint (loket_cli_query_int (fixture->db, "SELECT count(*) FROM claim"), ==, 1);
  run_cli (fixture, &missing, "claim", "show", "999", NULL);
  g_assert_cmpint (missing.status, ==, 3);
}

static void
test_claim_bad_input (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *made = add_made (fixture);
  g_auto(Run) future = { 0 };
  g_auto(Run) before = { 0 };
  g_auto(Run) not_held = { 0 };
  g_auto(Run) kind = { 0 };
  g_auto(Run) lapsed = { 0 };
  g_auto(Run) usage = { 0 };
  JsonObject *error;
  JsonArray *reasons;

  /* In the future, claimed by nobody: every reason, the benefit at stake. */
  run_cli (fixture, &future, "--user", "Wayan", "claim", "add", fixture->kpj, "--program", "jkm",
           "--event-date", "2026-12-10", NULL);
  g_assert_cmpint (future.status, ==, 1);
  error = loket_cli_error_object (&future);
  g_assert_cmpstr (json_object_get_string_member (error, "code"), ==, "invalid");
  g_assert_false (json_object_get_boolean_member (error, "eligible"));
  reasons = json_object_get_array_member (error, "reasons");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (reasons, 0), "code"), ==,
                   "event-in-future");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (reasons, 1), "code"), ==,
                   "claimant-heir-needed");
  g_assert_cmpint (json_object_get_int_member (error, "total"), ==, 42000000);

  run_cli (fixture, &before, "--user", "Wayan", "claim", "add", fixture->kpj, "--program", "jkm",
           "--event-date", "2025-12-31", "--claimant", made, NULL);
  g_assert_cmpint (before.status, ==, 1);
  g_assert_true (g_str_has_prefix (error_message (&before), "Tanggal kejadian:"));

  run_cli (fixture, &not_held, "--user", "Wayan", "claim", "add", fixture->kpj, "--program", "jht",
           "--kind", "age", "--event-date", "2026-06-10", NULL);
  g_assert_cmpint (not_held.status, ==, 1);
  g_assert_true (g_str_has_prefix (error_message (&not_held), "Program:"));

  run_cli (fixture, &kind, "--user", "Wayan", "claim", "add", fixture->kpj, "--program", "jkk",
           "--kind", "age", "--event-date", "2026-06-10", NULL);
  g_assert_cmpint (kind.status, ==, 1);
  g_assert_true (g_str_has_prefix (error_message (&kind), "Jenis:"));

  run_cli (fixture, &usage, "claim", "add", fixture->kpj, "--program", "jkm", NULL);
  g_assert_cmpint (usage.status, ==, 2);

  g_assert_cmpint (loket_cli_query_int (fixture->db, "SELECT count(*) FROM claim"), ==, 0);

  /* Not paid in July: taken (exit 0), not eligible, the reason given. */
  run_cli (fixture, &lapsed, "--user", "Wayan", "claim", "add", fixture->kpj, "--program", "jkm",
           "--event-date", "2026-07-01", "--claimant", made, NULL);
  g_assert_cmpint (lapsed.status, ==, 0);
  g_assert_false (json_object_get_boolean_member (loket_cli_result_object (&lapsed), "eligible"));
  reasons = json_object_get_array_member (loket_cli_result_object (&lapsed), "reasons");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (reasons, 0), "code"), ==,
                   "not-aktif");
}

static void
test_claim_advance (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *made = add_made (fixture);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, add_jkm (fixture, made));
  g_auto(Run) skip = { 0 };
  g_auto(Run) verify = { 0 };
  g_auto(Run) self = { 0 };
  g_auto(Run) approve = { 0 };
  g_auto(Run) pay = { 0 };
  g_auto(Run) after = { 0 };
  g_auto(Run) list = { 0 };
  JsonObject *object;

  run_cli (fixture, &skip, "--user", "Made", "claim", "advance", id, "--to", "disetujui", NULL);
  g_assert_cmpint (skip.status, ==, 1);
  g_assert_true (g_str_has_prefix (error_message (&skip), "Status:"));

  run_cli (fixture, &verify, "--user", "Wayan", "claim", "advance", id, "--to", "diverifikasi",
           "--docs", "surat-ahli-waris", NULL);
  g_assert_cmpint (verify.status, ==, 0);
  g_assert_cmpstr (json_object_get_string_member (loket_cli_result_object (&verify), "status"), ==, "diverifikasi");

  run_cli (fixture, &self, "--user", "Wayan", "claim", "advance", id, "--to", "disetujui", NULL);
  g_assert_cmpint (self.status, ==, 1);
  g_assert_true (g_str_has_prefix (error_message (&self), "Persetujuan:"));

  run_cli (fixture, &approve, "--user", "Ketut", "claim", "advance", id, "--to", "disetujui", NULL);
  g_assert_cmpint (approve.status, ==, 0);
  object = loket_cli_result_object (&approve);
  g_assert_cmpstr (json_object_get_string_member (object, "letter_number"), ==, "001/KLM/SLG/XI/2026");
  g_assert_cmpstr (json_object_get_string_member (object, "decided_on"), ==, "2026-11-23");

  run_cli (fixture, &pay, "--user", "Ketut", "claim", "advance", id, "--to", "dibayar", NULL);
  g_assert_cmpint (pay.status, ==, 0);
  object = loket_cli_result_object (&pay);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "history")), ==, 4);
  run_cli (fixture, &after, "--user", "Ketut", "claim", "advance", id, "--to", "ditolak", "--reason", "x", NULL);
  g_assert_cmpint (after.status, ==, 1);

  run_cli (fixture, &list, "claim", "list", "--status", "dibayar", NULL);
  g_assert_cmpint (list.status, ==, 0);
  g_assert_cmpint (json_object_get_int_member (loket_cli_result_object (&list), "count"), ==, 1);
}

static void
test_report_claims (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *made = add_made (fixture);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, add_jkm (fixture, made));
  g_auto(Run) verify = { 0 };
  g_auto(Run) approve = { 0 };
  g_auto(Run) pay = { 0 };
  g_auto(Run) report = { 0 };
  g_auto(Run) half = { 0 };
  g_auto(Run) backwards = { 0 };
  JsonObject *object;
  JsonObject *jkm;

  run_cli (fixture, &verify, "--user", "Wayan", "claim", "advance", id, "--to", "diverifikasi", NULL);
  run_cli (fixture, &approve, "--user", "Ketut", "claim", "advance", id, "--to", "disetujui", NULL);
  run_cli (fixture, &pay, "--user", "Ketut", "claim", "advance", id, "--to", "dibayar", NULL);
  g_assert_cmpint (pay.status, ==, 0);

  run_cli (fixture, &report, "report", "claims", "--from", "2026-07-01", "--to", "2026-12-31", NULL);
  g_assert_cmpint (report.status, ==, 0);
  object = loket_cli_result_object (&report);
  g_assert_cmpstr (json_object_get_string_member (object, "from"), ==, "2026-07-01");
  g_assert_cmpint (json_object_get_int_member (object, "count"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (object, "total"), ==, 42000000);
  g_assert_cmpint (json_object_get_int_member (object, "submitted"), ==, 1);
  jkm = json_array_get_object_element (json_object_get_array_member (object, "programs"), 0);
  g_assert_cmpstr (json_object_get_string_member (jkm, "program"), ==, "jkm");
  g_assert_cmpint (json_object_get_int_member (jkm, "count"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (jkm, "total"), ==, 42000000);

  run_cli (fixture, &half, "report", "claims", "--from", "2026-07-01", NULL);
  g_assert_cmpint (half.status, ==, 2);
  run_cli (fixture, &backwards, "report", "claims", "--from", "2026-12-31", "--to", "2026-07-01", NULL);
  g_assert_cmpint (backwards.status, ==, 1);
}

static void
test_claim_letter (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *made = add_made (fixture);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, add_jkm (fixture, made));
  g_autofree char *pdf = g_build_filename (fixture->folder, "surat.pdf", NULL);
  g_autofree char *tool = g_find_program_in_path ("pdftotext");
  g_auto(Run) early = { 0 };
  g_auto(Run) verify = { 0 };
  g_auto(Run) approve = { 0 };
  g_auto(Run) letter = { 0 };
  g_auto(Run) missing = { 0 };
  JsonObject *object;

  /* Not decided yet: no letter. */
  run_cli (fixture, &early, "claim", "letter", id, "-o", pdf, NULL);
  g_assert_cmpint (early.status, ==, 1);
  g_assert_true (g_str_has_prefix (error_message (&early), "Surat:"));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));

  run_cli (fixture, &verify, "--user", "Wayan", "claim", "advance", id, "--to", "diverifikasi", NULL);
  run_cli (fixture, &approve, "--user", "Ketut", "claim", "advance", id, "--to", "disetujui", NULL);
  g_assert_cmpint (approve.status, ==, 0);
  run_cli (fixture, &letter, "claim", "letter", id, "-o", pdf, NULL);
  g_assert_cmpint (letter.status, ==, 0);
  object = loket_cli_result_object (&letter);
  g_assert_cmpstr (json_object_get_string_member (object, "letter_number"), ==, "001/KLM/SLG/XI/2026");
  g_assert_cmpint (json_object_get_int_member (object, "pages"), >=, 2);
  g_assert_cmpstr (json_object_get_string_member (object, "path"), ==, pdf);

  if (tool != NULL)
    {
      const char *argv[] = { "pdftotext", "-q", "-layout", pdf, "-", NULL };
      g_autoptr(GRegex) spaces = g_regex_new ("\\s+", 0, 0, NULL);
      g_autoptr(GError) error = NULL;
      g_autofree char *raw = NULL;
      g_autofree char *text = NULL;

      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                    NULL, NULL, &raw, NULL, NULL, &error);
      g_assert_no_error (error);
      text = g_regex_replace_literal (spaces, raw, -1, 0, " ", 0, NULL);
      g_assert_nonnull (strstr (text, "Rp42.000.000"));
      g_assert_nonnull (strstr (text, "empat puluh dua juta rupiah"));
      g_assert_nonnull (strstr (text, "KCP Selong"));
    }

  run_cli (fixture, &missing, "claim", "letter", "999", "-o", pdf, NULL);
  g_assert_cmpint (missing.status, ==, 3);
}

/* Starts a shell that approves each claim in turn as `clerk`, writing
 * "ID EXIT" lines to `log`. */
static GPid
start_approver (Fixture     *fixture,
                GArray      *ids,
                const char  *clerk,
                const char  *log)
{
  g_autoptr(GString) script = g_string_new ("for c in");
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "/bin/sh", "-c", NULL, "sh", g_getenv ("LOKET_CLI"), fixture->db, clerk, log, NULL };
  GPid pid;

  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (script, " %" G_GINT64_FORMAT, g_array_index (ids, gint64, i));
  g_string_append (script, "; do \"$1\" --db \"$2\" --today 2026-11-23 --user \"$3\" --json claim advance \"$c\""
                           " --to disetujui >/dev/null 2>&1; echo \"$c $?\" >> \"$4\"; done");
  argv[2] = script->str;
  g_assert_true (g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid, &error));
  g_assert_no_error (error);
  return pid;
}

static void
wait_for (GPid pid)
{
  int status = 0;

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_spawn_close_pid (pid);
}

/* Two counters approving at once: every claim approved once, the letter
 * numbers distinct and running 1..N with no gap; a claim both approve in
 * the same moment is approved by one, the other refused. */
static void
test_two_deciders (Fixture       *fixture,
                   gconstpointer  data)
{
  const guint own = 10, shared = 5;
  g_autoptr(GArray) first = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) second = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *log_a = g_build_filename (fixture->folder, "a.log", NULL);
  g_autofree char *log_b = g_build_filename (fixture->folder, "b.log", NULL);
  g_autofree char *text = NULL;
  g_autofree char *more = NULL;
  g_autofree char *both = NULL;
  g_auto(GStrv) lines = NULL;
  guint done = 0, refused = 0;
  GPid a, b;

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(LoketStore) store = loket_store_open (fixture->db, &error);
    GDate today;

    g_assert_no_error (error);
    loket_test_date (&today, "2026-11-23");
    /* One temporary incapacity a day, each its own accident. */
    for (guint i = 0; i < 2 * own + shared; i++)
      {
        g_autoptr(LoketClaim) claim = NULL;
        g_autoptr(LoketClaim) verified = NULL;
        LoketClaimRequest request;

        loket_claim_request_init (&request);
        request.program = LOKET_CLAIM_JKK;
        request.kind = LOKET_CLAIM_KIND_TEMPORARY;
        request.months_off = 1;
        g_date_clear (&request.event_date, 1);
        g_date_set_dmy (&request.event_date, 1 + i, G_DATE_FEBRUARY + i / 28, 2026);
        request.clerk = "Wayan";
        claim = loket_store_submit_claim (store, fixture->kpj, &request, &today, NULL, &error);
        g_assert_no_error (error);
        verified = loket_store_advance_claim (store, claim->id, LOKET_CLAIM_DIVERIFIKASI, NULL, NULL,
                                              "Wayan", &today, &error);
        g_assert_no_error (error);
        if (i < own)
          g_array_append_val (first, claim->id);
        else if (i < 2 * own)
          g_array_append_val (second, claim->id);
        else
          {
            g_array_append_val (first, claim->id);
            g_array_append_val (second, claim->id);
          }
      }
  }

  a = start_approver (fixture, first, "Made", log_a);
  b = start_approver (fixture, second, "Ketut", log_b);
  wait_for (a);
  wait_for (b);

  g_assert_true (g_file_get_contents (log_a, &text, NULL, NULL));
  g_assert_true (g_file_get_contents (log_b, &more, NULL, NULL));
  both = g_strconcat (text, more, NULL);
  lines = g_strsplit (both, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (*lines[i] == '\0')
        continue;
      if (g_str_has_suffix (lines[i], " 0"))
        done++;
      else if (g_str_has_suffix (lines[i], " 1"))
        refused++;
      else
        g_error ("an approval failed: %s", lines[i]);
    }
  g_assert_cmpuint (done, ==, 2 * own + shared);
  g_assert_cmpuint (refused, ==, shared);
  g_assert_cmpint (loket_cli_query_int (fixture->db, "SELECT count(*) FROM claim WHERE status = 'disetujui'"),
                   ==, 2 * own + shared);
  g_assert_cmpint (loket_cli_query_int (fixture->db, "SELECT count(DISTINCT letter_number) FROM claim"),
                   ==, 2 * own + shared);
  g_assert_cmpint (loket_cli_query_int (fixture->db, "SELECT min(letter_sequence) FROM claim"), ==, 1);
  g_assert_cmpint (loket_cli_query_int (fixture->db, "SELECT max(letter_sequence) FROM claim"), ==, 2 * own + shared);
  g_assert_cmpint (loket_cli_query_int (fixture->db,
                   "SELECT count(*) FROM claim_event WHERE to_status = 'disetujui'"), ==, 2 * own + shared);
  g_assert_cmpint (loket_cli_query_int (fixture->db,
                   "SELECT count(*) FROM claim WHERE letter_number NOT GLOB '[0-9][0-9][0-9]/KLM/SLG/XI/2026'"),
                   ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/cli-claim/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("heir-add", test_heir_add);
  ADD ("claim-add", test_claim_add);
  ADD ("claim-bad-input", test_claim_bad_input);
  ADD ("claim-advance", test_claim_advance);
  ADD ("claim-letter", test_claim_letter);
  ADD ("report-claims", test_report_claims);
  ADD ("two-deciders", test_two_deciders);
#undef ADD
  return g_test_run ();
}
