/* test-claim-letter.c: claim letters as PDF, read back with poppler's tools
 * (pdftotext, pdfinfo): the letterhead, number, subject, member and
 * claimant, the benefit in figures and in words, the documents, the
 * signing officer, both copies; a rejection states each reason; a claim
 * not yet decided has no letter, and a failed write leaves nothing. */
#include <string.h>
#include <glib/gstdio.h>

#include "loket-claim-letter.h"
#include "loket-claim-test-util.h"
#include "loket-error.h"
#include "loket-store-claims.h"
#include "loket-store-payments.h"
#include "loket-kpj.h"
#include "loket-test-util.h"

typedef struct {
  LoketStore  *store;
  char        *path;
  char        *folder;
  LoketMember *ani;     /* registered 2026-01-05, paid January to June 2026 */
  gint64       made;    /* her husband, an heir */
} Fixture;

static gboolean
have_tools (void)
{
  g_autofree char *text = g_find_program_in_path ("pdftotext");
  g_autofree char *info = g_find_program_in_path ("pdfinfo");

  if (text != NULL && info != NULL)
    return TRUE;
  g_test_skip ("poppler-utils (pdftotext, pdfinfo) is not installed");
  return FALSE;
}

static char *
run_tool (const char *const *argv)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* pdftotext's words with every run of spaces made one, so a phrase is
 * found wherever the layout wrapped it. */
static char *
text_of (const char *path)
{
  const char *argv[] = { "pdftotext", "-q", "-layout", path, "-", NULL };
  g_autofree char *raw = run_tool (argv);
  g_autoptr(GRegex) spaces = g_regex_new ("\\s+", 0, 0, NULL);

  return g_regex_replace_literal (spaces, raw, -1, 0, " ", 0, NULL);
}

static void
assert_has (const char *text,
            const char *want)
{
  if (strstr (text, want) == NULL)
    g_error ("“%s” is not in the letter:\n%s", want, text);
}

static guint
occurrences (const char *text,
             const char *want)
{
  guint n = 0;

  for (const char *p = strstr (text, want); p != NULL; p = strstr (p + 1, want))
    n++;
  return n;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->store = loket_test_open_store (&fixture->path);
  fixture->folder = g_path_get_dirname (fixture->path);
  g_assert_true (loket_store_set_setting (fixture->store, LOKET_SETTING_KPJ_PREFIX, "52", &error));
  g_assert_true (loket_store_set_setting (fixture->store, LOKET_SETTING_BRANCH_CODE, "SLG", &error));
  g_assert_true (loket_store_set_setting (fixture->store, LOKET_SETTING_BRANCH_NAME, "KCP Selong", &error));
  fixture->ani = loket_claim_test_member (fixture->store, "5203015205900002", "Ani Lestari", "1990-05-12", 'P',
                                          LOKET_PROGRAM_JKK | LOKET_PROGRAM_JKM, "2026-01-05");
  loket_claim_test_pay (fixture->store, fixture->ani, 6, "2026-01-05");
  fixture->made = loket_claim_test_heir (fixture->store, fixture->ani, "Made Wirawan", "5203011203850003",
                                         LOKET_HEIR_SPOUSE, "1985-03-12", LOKET_SCHOOL_NONE);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->ani);
  g_assert_finalize_object (fixture->store);
  g_free (fixture->path);
  g_free (fixture->folder);
}

/* A JKM claim for Ani's death on `event`, taken by Wayan with two
 * documents and verified by him. */
static gint64
verified_claim (Fixture    *fixture,
                const char *event)
{
  const char *documents[] = { "akta-kematian", "kk", NULL };
  g_autoptr(LoketClaim) claim = NULL;
  g_autoptr(LoketClaim) verified = NULL;
  g_autoptr(GError) error = NULL;
  LoketClaimRequest request;
  GDate day;

  loket_claim_request_init (&request);
  request.program = LOKET_CLAIM_JKM;
  loket_test_date (&request.event_date, event);
  request.claimant_heir_id = fixture->made;
  request.documents = documents;
  request.description = "Meninggal dunia di rumah karena sakit";
  request.clerk = "Wayan";
  loket_test_date (&day, "2026-11-23");
  claim = loket_store_submit_claim (fixture->store, fixture->ani->kpj, &request, &day, NULL, &error);
  g_assert_no_error (error);
  verified = loket_store_advance_claim (fixture->store, claim->id, LOKET_CLAIM_DIVERIFIKASI, NULL, NULL,
                                        "Wayan", &day, &error);
  g_assert_no_error (error);
  return claim->id;
}

static void
advance (Fixture          *fixture,
         gint64            id,
         LoketClaimStatus  to,
         const char       *reason,
         const char       *clerk,
         const char       *today)
{
  g_autoptr(LoketClaim) claim = NULL;
  g_autoptr(GError) error = NULL;

  claim = loket_claim_test_advance (fixture->store, id, to, reason, NULL, clerk, today, &error);
  g_assert_no_error (error);
}

static void
test_approval (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (fixture->folder, "surat.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = verified_claim (fixture, "2026-06-10");
  guint pages = 0;

  advance (fixture, id, LOKET_CLAIM_DISETUJUI, NULL, "Ketut", "2026-11-25");
  g_assert_true (loket_store_write_claim_letter (fixture->store, id, pdf, &pages, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pages, >=, 2);
  if (!have_tools ())
    return;

  text = text_of (pdf);
  assert_has (text, "BPJS Ketenagakerjaan");
  assert_has (text, "Kantor KCP Selong (kode kantor SLG)");
  assert_has (text, "Nomor 001/KLM/SLG/XI/2026");
  assert_has (text, "Tanggal 25 November 2026");
  assert_has (text, "Perihal Persetujuan Klaim Jaminan Kematian (JKM)");
  assert_has (text, "Sdr. Made Wirawan");
  assert_has (text, "Ahli waris (suami/istri) dari peserta Ani Lestari, KPJ ");
  {
    /* In groups, as on the card. */
    g_autofree char *kpj = loket_kpj_format (fixture->ani->kpj);

    assert_has (text, kpj);
  }
  assert_has (text, "Tanggal kejadian 10 Juni 2026");
  assert_has (text, "Meninggal dunia di rumah karena sakit");
  assert_has (text, "DISETUJUI");
  assert_has (text, "Santunan sekaligus Rp20.000.000");
  assert_has (text, "Santunan berkala (dibayar sekaligus) Rp12.000.000");
  assert_has (text, "Biaya pemakaman Rp10.000.000");
  /* The total in figures and in words. */
  assert_has (text, "JUMLAH MANFAAT Rp42.000.000");
  assert_has (text, "Terbilang: empat puluh dua juta rupiah");
  assert_has (text, "ke rekening 0123 01 000123 50 1 atas nama Made Wirawan");
  assert_has (text, "Dokumen diterima Akta kematian; Kartu Keluarga (KK)");
  assert_has (text, "Belum diterima Kartu peserta;");
  assert_has (text, "Ketut Petugas yang memutuskan");
  /* Two copies: the claimant's, and the branch's with the history. */
  g_assert_cmpuint (occurrences (text, "Rp42.000.000"), ==, 2);
  assert_has (text, "Untuk pemohon");
  assert_has (text, "SALINAN UNTUK ARSIP KANTOR CABANG");
  assert_has (text, "23 November 2026 · Diajukan · Wayan");
  assert_has (text, "25 November 2026 · Disetujui · Ketut");

  /* Once paid, the letter says when. */
  advance (fixture, id, LOKET_CLAIM_DIBAYAR, NULL, "Ketut", "2026-11-30");
  g_assert_true (loket_store_write_claim_letter (fixture->store, id, pdf, NULL, &error));
  g_clear_pointer (&text, g_free);
  text = text_of (pdf);
  assert_has (text, "Manfaat telah dibayarkan pada 30 November 2026");
  assert_has (text, "Nomor 001/KLM/SLG/XI/2026");
}

static void
test_rejection (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (fixture->folder, "ditolak.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  /* Paid through June: a death on 1 July is not covered. */
  gint64 id = verified_claim (fixture, "2026-07-01");

  advance (fixture, id, LOKET_CLAIM_DITOLAK, "Akta kematian menyebut tanggal 1 Juli 2026", "Ketut", "2026-12-01");
  g_assert_true (loket_store_write_claim_letter (fixture->store, id, pdf, NULL, &error));
  g_assert_no_error (error);
  if (!have_tools ())
    return;

  text = text_of (pdf);
  assert_has (text, "Nomor 001/KLM/SLG/XII/2026");
  assert_has (text, "Perihal Penolakan Klaim Jaminan Kematian (JKM)");
  assert_has (text, "DITOLAK");
  /* Each reason: the rule failed, and the officer's own. */
  assert_has (text, "1. Peserta tidak aktif pada tanggal kejadian 1 Juli 2026 (status: menunggak)");
  assert_has (text, "2. Akta kematian menyebut tanggal 1 Juli 2026");
  g_assert_null (strstr (text, "JUMLAH MANFAAT"));
  assert_has (text, "Ketut Petugas yang memutuskan");
}

static void
test_refused (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (fixture->folder, "belum.pdf", NULL);
  g_autofree char *nowhere = g_build_filename (fixture->folder, "no-such-folder", "surat.pdf", NULL);
  g_autoptr(GError) error = NULL;
  gint64 id = verified_claim (fixture, "2026-06-10");

  /* Not decided: no letter, no file. */
  g_assert_false (loket_store_write_claim_letter (fixture->store, id, pdf, NULL, &error));
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Letter:"));
  g_clear_error (&error);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));

  g_assert_false (loket_store_write_claim_letter (fixture->store, 999, pdf, NULL, &error));
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A folder that is not there: a storage error naming the file. */
  advance (fixture, id, LOKET_CLAIM_DISETUJUI, NULL, "Ketut", "2026-11-25");
  g_assert_false (loket_store_write_claim_letter (fixture->store, id, nowhere, NULL, &error));
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_STORAGE);
  g_assert_nonnull (strstr (error->message, "surat.pdf"));
  g_clear_error (&error);
  g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/claim-letter/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("approval", test_approval);
  ADD ("rejection", test_rejection);
  ADD ("refused", test_refused);
#undef ADD
  return g_test_run ();
}
