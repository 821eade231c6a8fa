/* fuzz-sheet.c: libFuzzer target for a cooperative's member list: the
 * CSV/XLSX reader (loket-sheet.h) on any bytes, then, when it reads, the
 * import's dry run (loket_import_check) against a cooperative with a PKS in
 * force, as the window does when a file is chosen. */
#include <stdint.h>
#include <unistd.h>

#include "loket-import.h"
#include "loket-store-private.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static LoketStore *
get_store (void)
{
  static LoketStore *store;
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *path = NULL;

  if (store != NULL)
    return store;

  folder = g_dir_make_tmp ("loket-fuzz-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (folder, "loket.db", NULL);
  store = loket_store_open (path, &error);
  g_assert_no_error (error);
  if (!loket_store_exec (store,
        "INSERT INTO setting (key, value) VALUES ('branch.kpj_prefix', '52');"
        "INSERT INTO cooperative (id, name, name_key, kind, status, created_at, updated_at) VALUES"
        " (1, 'KDMP Sakra', 'kdmp sakra', 'kdmp', 'active', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');"
        "INSERT INTO partnership (id, cooperative_id, number, signed_on, valid_from, valid_until, segment,"
        " programs, base_income, payment_months, payer, agent_id, status, created_at) VALUES"
        " (1, 1, 'PKS/001/2026', '2026-01-05', '2026-01-05', '2027-01-04', 'bpu', 'jkk,jkm', 1000000, 1,"
        " 'coop', NULL, 'active', '2026-01-05T00:00:00Z');",
        &error))
    g_error ("%s", error->message);
  /* The folder goes when the fuzzer exits; the store is never closed. */
  unlink (path);
  return store;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(LoketSheet) sheet = NULL;
  g_autoptr(LoketImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  LoketImportTerms terms = {
    .segment = LOKET_SEGMENT_BPU,
    .programs = LOKET_PROGRAM_JKK | LOKET_PROGRAM_JKM,
    .base_income = 1000000,
    .partnership_id = 1,
    .cooperative_id = 1,
  };
  LoketStore *store = get_store ();
  GDate today;

  sheet = loket_sheet_read_bytes (bytes, "anggota", NULL, &error);
  if (sheet == NULL)
    return 0;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 23, 11, 2026);
  report = loket_import_check (store, sheet, &terms, &today, &error);
  if (report != NULL)
    for (guint i = 0; i < loket_import_report_get_n_rows (report); i++)
      (void) loket_import_report_get_status (report, i);
  return 0;
}
