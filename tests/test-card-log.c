/* test-card-log.c: the log of cards printed, in the store: first cards and
 * reprints, the reason a reprint needs, all or nothing per job, and each
 * printer's sheet correction. */
#include <math.h>
#include <string.h>

#include "loket-card-payload.h"
#include "loket-error.h"
#include "loket-kpj.h"
#include "loket-i18n.h"
#include "loket-store-cards.h"
#include "loket-store-private.h"
#include "loket-test-util.h"

typedef struct {
  LoketStore *store;
  gint64      ani;
  gint64      budi;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(LoketMember) ani = NULL;
  g_autoptr(LoketMember) budi = NULL;

  fixture->store = loket_test_open_store (NULL);
  ani = loket_test_register (fixture->store, "5203015205900002", "Ani Lestari", "1990-05-12", 'P', "2026-11-23");
  budi = loket_test_register (fixture->store, "5203011708850001", "Budi Santoso", "1985-08-17", 'L', "2026-11-23");
  fixture->ani = ani->id;
  fixture->budi = budi->id;
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->store);
}

static gint64
count_rows (Fixture    *fixture,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  sqlite3_stmt *stmt = NULL;
  gint64 count;

  /* Its own statement: the store caches only static SQL. */
  g_assert_cmpint (sqlite3_prepare_v2 (fixture->store->db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  count = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return count;
}

static void
test_first_and_reprint (Fixture       *fixture,
                        gconstpointer  data)
{
  LoketCardPrintJob job = { .clerk = "Sri", .destination = LOKET_CARD_DESTINATION_PRINTER,
                            .target = "LoketPDF", .sheet = TRUE };
  gint64 both[] = { fixture->ani, fixture->budi };
  gint64 only_ani[] = { fixture->ani };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) with_card = NULL;
  g_autoptr(GPtrArray) ani_prints = NULL;
  g_autoptr(GPtrArray) budi_prints = NULL;
  LoketCardPrint *latest;

  g_assert_cmpint (loket_store_log_card_print (fixture->store, &job, only_ani, 1, &error), >, 0);
  g_assert_no_error (error);

  with_card = loket_store_dup_members_with_card (fixture->store, both, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (with_card->len, ==, 1);
  g_assert_cmpint (g_array_index (with_card, gint64, 0), ==, fixture->ani);

  /* Ani had a card: a job with both and no reason logs nobody, Budi
   * included, and says whose card it is. */
  g_assert_cmpint (loket_store_log_card_print (fixture->store, &job, both, 2, &error), ==, 0);
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Ani Lestari"));
  g_clear_error (&error);
  g_assert_cmpint (count_rows (fixture, "card_print_job"), ==, 1);
  g_assert_cmpint (count_rows (fixture, "card_print"), ==, 1);

  /* With a reason: Ani's is a reprint, Budi's his first card. A member
   * named twice in one job is logged once. */
  job.reason = LOKET_REPRINT_LOST;
  {
    gint64 twice[] = { fixture->ani, fixture->budi, fixture->budi };

    g_assert_cmpint (loket_store_log_card_print (fixture->store, &job, twice, 3, &error), >, 0);
    g_assert_no_error (error);
  }
  ani_prints = loket_store_list_card_prints (fixture->store, fixture->ani, &error);
  budi_prints = loket_store_list_card_prints (fixture->store, fixture->budi, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ani_prints->len, ==, 2);
  g_assert_cmpuint (budi_prints->len, ==, 1);
  latest = g_ptr_array_index (ani_prints, 0);
  g_assert_cmpint (latest->reason, ==, LOKET_REPRINT_LOST);
  g_assert_cmpstr (latest->clerk, ==, "Sri");
  g_assert_cmpstr (latest->target, ==, "LoketPDF");
  g_assert_true (latest->sheet);
  g_assert_cmpint (latest->destination, ==, LOKET_CARD_DESTINATION_PRINTER);
  g_assert_cmpint (((LoketCardPrint *) g_ptr_array_index (ani_prints, 1))->reason, ==, LOKET_REPRINT_NONE);
  g_assert_cmpint (((LoketCardPrint *) g_ptr_array_index (budi_prints, 0))->reason, ==, LOKET_REPRINT_NONE);
}

static void
test_unknown_member_logs_nothing (Fixture       *fixture,
                                  gconstpointer  data)
{
  LoketCardPrintJob job = { .clerk = "Sri", .destination = LOKET_CARD_DESTINATION_FILE, .target = "/tmp/k.pdf" };
  gint64 with_stranger[] = { fixture->budi, 999999 };
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (loket_store_log_card_print (fixture->store, &job, with_stranger, 2, &error), ==, 0);
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (loket_store_log_card_print (fixture->store, &job, with_stranger, 0, &error), ==, 0);
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_INVALID);
  g_assert_cmpint (count_rows (fixture, "card_print_job"), ==, 0);
  g_assert_cmpint (count_rows (fixture, "card_print"), ==, 0);
}

/* A clerk names a member by a scanned card, a KPJ or a NIK, as typed. */
static void
test_find_by_reference (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(LoketMember) ani = loket_store_find_member_by_nik (fixture->store, "5203015205900002", NULL);
  g_autofree char *grouped = loket_kpj_format (ani->kpj);
  g_autofree char *payload = loket_card_payload_make (ani->kpj);
  const char *ways[] = { "5203 0152 0590 0002", grouped, payload };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (ways); i++)
    {
      g_autoptr(LoketMember) found = loket_store_find_member_by_reference (fixture->store, ways[i], &error);

      g_assert_no_error (error);
      g_assert_cmpint (found->id, ==, fixture->ani);
    }
  g_assert_null (loket_store_find_member_by_reference (fixture->store, "52030", &error));
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (loket_store_find_member_by_reference (fixture->store, "5203011203850009", &error));
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_NOT_FOUND);
}

static void
test_reason_codes (void)
{
  LoketReprintReason reason = LOKET_REPRINT_NONE;

  g_assert_true (loket_reprint_reason_parse ("DATA-CHANGED", &reason));
  g_assert_cmpint (reason, ==, LOKET_REPRINT_DATA_CHANGED);
  g_assert_cmpstr (loket_reprint_reason_code (reason), ==, "data-changed");
  g_assert_false (loket_reprint_reason_parse ("stolen", &reason));
  g_assert_false (loket_reprint_reason_parse (NULL, &reason));
  g_assert_null (loket_reprint_reason_code (LOKET_REPRINT_NONE));
  g_assert_cmpstr (loket_reprint_reason_label (LOKET_REPRINT_LOST), ==, "Hilang");
}

static void
test_printer_offset (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  double x = 1, y = 1;

  g_assert_false (loket_store_get_card_printer_offset (fixture->store, "Epson L3210", &x, &y));
  g_assert_cmpfloat (x, ==, 0.0);
  g_assert_cmpfloat (y, ==, 0.0);

  g_assert_true (loket_store_set_card_printer_offset (fixture->store, "Epson L3210", 1.5, -2.0, &error));
  g_assert_no_error (error);
  g_assert_true (loket_store_get_card_printer_offset (fixture->store, "Epson L3210", &x, &y));
  g_assert_cmpfloat (x, ==, 1.5);
  g_assert_cmpfloat (y, ==, -2.0);

  g_assert_false (loket_store_set_card_printer_offset (fixture->store, "Epson L3210", 25.0, 0.0, &error));
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Epson L3210"));
  g_clear_error (&error);
  g_assert_false (loket_store_set_card_printer_offset (fixture->store, "Epson L3210", 0.0, NAN, &error));
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (loket_store_set_card_printer_offset (fixture->store, "", 0.0, 0.0, &error));
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_INVALID);
  g_clear_error (&error);

  /* What was refused left the saved correction as it was. */
  g_assert_true (loket_store_get_card_printer_offset (fixture->store, "Epson L3210", &x, &y));
  g_assert_cmpfloat (x, ==, 1.5);
  g_assert_cmpfloat (y, ==, -2.0);
}

int
main (int   argc,
      char *argv[])
{
  loket_i18n_init (NULL);
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/card-log/first-and-reprint", Fixture, NULL, fixture_set_up, test_first_and_reprint,
              fixture_tear_down);
  g_test_add ("/card-log/unknown-member", Fixture, NULL, fixture_set_up, test_unknown_member_logs_nothing,
              fixture_tear_down);
  g_test_add ("/card-log/printer-offset", Fixture, NULL, fixture_set_up, test_printer_offset,
              fixture_tear_down);
  g_test_add_func ("/card-log/reason-codes", test_reason_codes);
  g_test_add ("/card-log/find-by-reference", Fixture, NULL, fixture_set_up, test_find_by_reference,
              fixture_tear_down);
  return g_test_run ();
}
