/* test-receipt.c: receipts as PDF, read back with poppler's tools
 * (pdftotext, pdfinfo): the number, the months and programs, the total in
 * figures and in words, the clerk; A4 and the 80 mm roll; a reversed
 * receipt says so; a cooperative's long receipt goes on to more pages. */
#include <string.h>
#include <glib/gstdio.h>

#include "loket-error.h"
#include "loket-receipt.h"
#include "loket-store-payments.h"
#include "loket-store-private.h"
#include "loket-test-util.h"

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

/* pdftotext's words, each run of spaces and line breaks made one space, so
 * a phrase is found wherever the layout wrapped it. */
static char *
text_of (const char *path)
{
  const char *argv[] = { "pdftotext", "-q", "-layout", path, "-", NULL };
  g_autofree char *raw = run_tool (argv);
  g_autoptr(GRegex) spaces = g_regex_new ("\\s+", 0, 0, NULL);

  return g_regex_replace_literal (spaces, raw, -1, 0, " ", 0, NULL);
}

static char *
info_of (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };

  return run_tool (argv);
}

static void
assert_has (const char *text,
            const char *want)
{
  if (strstr (text, want) == NULL)
    g_error ("“%s” is not in the receipt:\n%s", want, text);
}

static LoketMember *
register_member (LoketStore *store,
                 const char *nik,
                 const char *name,
                 const char *birth,
                 char        sex,
                 const char *occupation,
                 const char *registered)
{
  g_autoptr(LoketMember) draft = loket_test_draft (nik, name, birth, sex);
  g_autoptr(GError) error = NULL;
  LoketMember *member;
  GDate day;

  loket_member_set_string (&draft->occupation, occupation);
  loket_test_date (&day, registered);
  member = loket_store_register_member (store, draft, &day, TRUE, NULL, NULL, &error);
  g_assert_no_error (error);
  return member;
}

static LoketReceipt *
pay (LoketStore  *store,
     const char  *kpj,
     int          months,
     const char  *today)
{
  g_autoptr(GError) error = NULL;
  LoketPaymentRequest request;
  LoketReceipt *receipt;
  GDate day;

  loket_payment_request_init (&request);
  request.months = months;
  request.channel = LOKET_CHANNEL_KANTOR_POS;
  request.reference = "POS-2025-0042";
  request.clerk = "Wayan Sudarma";
  loket_test_date (&day, today);
  receipt = loket_store_pay (store, kpj, &request, &day, &error);
  g_assert_no_error (error);
  return receipt;
}

/* Three months across the start of the PP 50/2025 discount, on A4 and on
 * the roll, then reversed. */
static void
test_receipt_text (void)
{
  g_autofree char *folder = loket_test_make_folder ();
  g_autofree char *a4 = g_build_filename (folder, "a4.pdf", NULL);
  g_autofree char *roll = g_build_filename (folder, "roll.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;
  g_autofree char *roll_text = NULL;
  g_autofree char *roll_info = NULL;
  g_autofree char *reversed_text = NULL;
  g_autoptr(LoketStore) store = NULL;
  g_autoptr(LoketMember) budi = NULL;
  g_autoptr(LoketReceipt) receipt = NULL;
  g_autoptr(LoketReceipt) found = NULL;
  g_autoptr(LoketReceipt) reversed = NULL;
  g_autoptr(GError) error = NULL;
  LoketReceiptOptions options = { "KCP Selong", LOKET_RECEIPT_A4 };
  guint pages = 0;
  GDate today;

  if (!have_tools ())
    return;
  store = loket_test_open_store (NULL);
  budi = register_member (store, "5203011203850003", "Budi Santoso", "1985-03-12", 'L', "ojek", "2025-11-10");
  receipt = pay (store, budi->kpj, 3, "2025-11-20");
  found = loket_store_find_receipt (store, receipt->number, &error);
  g_assert_no_error (error);

  g_assert_true (loket_receipt_write_pdf (found, &options, a4, &pages, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pages, ==, 1);
  text = text_of (a4);
  assert_has (text, "KWITANSI PEMBAYARAN IURAN");
  assert_has (text, "KCP Selong");
  assert_has (text, receipt->number);
  assert_has (text, "Kamis, 20 November 2025");
  assert_has (text, "Diterima dari Budi Santoso");
  assert_has (text, "Kantor Pos");
  assert_has (text, "POS-2025-0042");
  assert_has (text, "Masa iuran November 2025 – Januari 2026 (3 bulan)");
  assert_has (text, "JKK November 2025 – Desember 2025: 2 × Rp10.000 Rp20.000");
  assert_has (text, "JKK Januari 2026: 1 × Rp5.000 (potongan PP 50/2025 Rp5.000) Rp5.000");
  assert_has (text, "JKM Januari 2026: 1 × Rp3.400");
  assert_has (text, "TOTAL Rp42.000");
  assert_has (text, "Terbilang: empat puluh dua ribu rupiah");
  assert_has (text, "Petugas Wayan Sudarma");
  g_assert_null (strstr (text, "DIBATALKAN"));
  info = info_of (a4);
  assert_has (info, "595.276 x 841.89");

  options.width = LOKET_RECEIPT_ROLL_80MM;
  g_assert_true (loket_receipt_write_pdf (found, &options, roll, &pages, &error));
  g_assert_cmpuint (pages, ==, 1);
  roll_text = text_of (roll);
  assert_has (roll_text, "Terbilang: empat puluh dua ribu rupiah");
  assert_has (roll_text, "TOTAL Rp42.000");
  roll_info = info_of (roll);
  assert_has (roll_info, "226.772 x");

  loket_test_date (&today, "2025-11-21");
  reversed = loket_store_reverse_receipt (store, receipt->number, "salah peserta", "Made Supervisor", &today, &error);
  g_assert_no_error (error);
  g_assert_true (loket_receipt_write_pdf (reversed, &options, roll, NULL, &error));
  reversed_text = text_of (roll);
  assert_has (reversed_text, "DIBATALKAN");
  assert_has (reversed_text, "Dibatalkan pada 21 November 2025 oleh Made Supervisor. Alasan: salah peserta");
}

/* A cooperative of 120 members: more than one A4 page; the roll makes one
 * long page (or more, past the longest page a viewer takes). */
static void
test_receipt_long (void)
{
  g_autofree char *folder = loket_test_make_folder ();
  g_autofree char *a4 = g_build_filename (folder, "a4.pdf", NULL);
  g_autofree char *roll = g_build_filename (folder, "roll.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr(LoketStore) store = loket_test_open_store (NULL);
  g_autoptr(LoketReceipt) receipt = loket_receipt_new ();
  g_autoptr(LoketRateBook) book = NULL;
  g_autoptr(GError) error = NULL;
  LoketReceiptOptions options = { NULL, LOKET_RECEIPT_A4 };
  guint pages = 0;
  GDate from;

  if (!have_tools ())
    return;
  book = loket_store_dup_rate_book (store, &error);
  g_assert_no_error (error);
  loket_test_date (&from, "2026-11-01");
  receipt->number = g_strdup ("KW-52-2026-000123");
  loket_test_date (&receipt->paid_on, "2026-11-23");
  receipt->channel = LOKET_CHANNEL_COOPERATIVE;
  receipt->clerk = g_strdup ("Wayan");
  receipt->payer = g_strdup ("coop");
  receipt->payer_name = g_strdup ("KDMP Sakra Timur");
  for (guint i = 0; i < 120; i++)
    {
      g_autoptr(LoketMember) member = loket_test_draft ("5203015205900002", "Anggota", "1990-05-12", 'P');
      LoketPayment *payment;

      g_free (member->name);
      member->name = g_strdup_printf ("Anggota Nomor %u", i + 1);
      member->kpj = g_strdup_printf ("520000%05u", i);
      payment = loket_payment_price (book, member, &from, 3, FALSE, &error);
      g_assert_no_error (error);
      receipt->total += payment->total;
      g_ptr_array_add (receipt->payments, payment);
    }

  g_assert_true (loket_receipt_write_pdf (receipt, &options, a4, &pages, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pages, >, 1);
  text = text_of (a4);
  assert_has (text, "Anggota Nomor 120");
  assert_has (text, "Untuk 120 peserta");
  assert_has (text, "TOTAL Rp6.048.000");
  assert_has (text, "Terbilang: enam juta empat puluh delapan ribu rupiah");
  assert_has (text, "Diterima dari KDMP Sakra Timur (Koperasi)");

  options.width = LOKET_RECEIPT_ROLL_80MM;
  g_assert_true (loket_receipt_write_pdf (receipt, &options, roll, &pages, &error));
  g_assert_cmpuint (pages, >=, 1);
  g_clear_pointer (&text, g_free);
  text = text_of (roll);
  assert_has (text, "Anggota Nomor 120");
}

static void
test_receipt_unwritable (void)
{
  g_autofree char *folder = loket_test_make_folder ();
  g_autofree char *nowhere = g_build_filename (folder, "missing", "r.pdf", NULL);
  g_autoptr(LoketReceipt) receipt = loket_receipt_new ();
  g_autoptr(GError) error = NULL;
  LoketReceiptOptions options = { NULL, LOKET_RECEIPT_A4 };
  LoketReceiptWidth width;

  receipt->number = g_strdup ("KW-52-2026-000001");
  loket_test_date (&receipt->paid_on, "2026-11-23");
  receipt->clerk = g_strdup ("Wayan");
  receipt->payer = g_strdup ("member");
  receipt->payer_name = g_strdup ("Ani");
  g_assert_false (loket_receipt_write_pdf (receipt, &options, nowhere, NULL, &error));
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_STORAGE);
  g_assert_nonnull (strstr (error->message, nowhere));
  g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_assert_true (loket_receipt_width_parse ("80MM", "w", &width, &error));
  g_assert_cmpint (width, ==, LOKET_RECEIPT_ROLL_80MM);
  g_assert_false (loket_receipt_width_parse ("letter", "Width", &width, &error));
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "80mm"));
}

/* The branch's paper is a setting, checked when it is set. */
static void
test_receipt_setting (void)
{
  g_autoptr(LoketStore) store = loket_test_open_store (NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (loket_store_get_receipt_width (store), ==, LOKET_RECEIPT_A4);
  g_assert_true (loket_store_set_setting (store, LOKET_SETTING_RECEIPT_WIDTH, "80mm", &error));
  g_assert_cmpint (loket_store_get_receipt_width (store), ==, LOKET_RECEIPT_ROLL_80MM);
  g_assert_false (loket_store_set_setting (store, LOKET_SETTING_RECEIPT_WIDTH, "a5", &error));
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_INVALID);
  g_assert_cmpint (loket_store_get_receipt_width (store), ==, LOKET_RECEIPT_ROLL_80MM);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/receipt/pdf/text", test_receipt_text);
  g_test_add_func ("/receipt/pdf/long", test_receipt_long);
  g_test_add_func ("/receipt/pdf/unwritable", test_receipt_unwritable);
  g_test_add_func ("/receipt/setting", test_receipt_setting);
  return g_test_run ();
}
