/* loket-crash-child.c: the process test-crash kills. It writes as the
 * counter does — a registration, a cooperative's list imported, the
 * cooperative paying for its new members — round after round until it is
 * killed, and prints a line on stdout for each write the store confirmed:
 *
 *   ready
 *   reg KPJ
 *   imp BATCH KPJ KPJ KPJ
 *   pay RECEIPT
 *
 *   loket-crash-child DB RUN
 *
 * RUN (0, 1, …) keeps NIKs and names unique across the runs of one
 * database. Names carry no digits (the rules refuse them): numbers are
 * written in letters. */
#include <stdio.h>
#include <string.h>

#include "loket-error.h"
#include "loket-import.h"
#include "loket-store-payments.h"
#include "loket-store-private.h"
#include "loket-test-util.h"

#define TODAY "2026-11-23"
#define COOPERATIVE_ID 1
#define ROUNDS_PER_RUN 1000

/* The cooperative and its PKS (paid by the cooperative), made once, in one
 * transaction, so a kill during it leaves nothing to trip the next run. */
static void
set_up (LoketStore *store)
{
  g_autoptr(GError) error = NULL;

  if (!loket_store_exec (store,
        "BEGIN IMMEDIATE;"
        "INSERT OR IGNORE INTO setting (key, value) VALUES ('branch.kpj_prefix', '52');"
        "INSERT OR IGNORE INTO cooperative (id, name, name_key, kind, status, created_at, updated_at) VALUES"
        " (1, 'KDMP Sakra', 'kdmp sakra', 'kdmp', 'active', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');"
        "INSERT OR IGNORE INTO partnership (id, cooperative_id, number, signed_on, valid_from, valid_until, segment,"
        " programs, base_income, payment_months, payer, agent_id, status, created_at) VALUES"
        " (1, 1, 'PKS/001/2026', '2026-01-05', '2026-01-05', '2027-01-04', 'bpu', 'jkk,jkm', 1000000, 1,"
        " 'coop', NULL, 'active', '2026-01-05T00:00:00Z');"
        "COMMIT;",
        &error))
    g_error ("set-up: %s", error->message);
}

/* 0 → "A", 1 → "B", 26 → "Ab": a number as letters, for names. */
static void
append_letters (GString *text,
                guint    number)
{
  g_string_append_c (text, 'A' + number % 26);
  for (number /= 26; number > 0; number /= 26)
    g_string_append_c (text, 'a' + number % 26);
}

/* A woman's NIK of district 52.03.01 and her birth date, one for each
 * `person` (a bijection, so no two people share a NIK). */
static void
person_identity (guint   person,
                 char  **nik,
                 GDate  *birth)
{
  guint day = 1 + person % 28;
  guint month = 1 + (person / 28) % 12;
  guint year = 1970 + (person / 336) % 30;
  guint serial = 1 + person / 10080;

  g_assert_cmpuint (serial, <=, 9999);
  *nik = g_strdup_printf ("520301%02u%02u%02u%04u", day + 40, month, year % 100, serial);
  g_date_clear (birth, 1);
  g_date_set_dmy (birth, day, month, year);
}

static void
say (const char *line)
{
  fputs (line, stdout);
  fputc ('\n', stdout);
  fflush (stdout);
}

static void
register_one (LoketStore *store,
              guint       person)
{
  g_autofree char *nik = NULL;
  g_autofree char *birth_iso = NULL;
  g_autoptr(GString) name = g_string_new ("Daftar ");
  g_autoptr(LoketMember) member = NULL;
  g_autofree char *line = NULL;
  GDate birth;

  person_identity (person, &nik, &birth);
  birth_iso = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&birth),
                               g_date_get_month (&birth), g_date_get_day (&birth));
  append_letters (name, person);
  member = loket_test_register (store, nik, name->str, birth_iso, 'P', TODAY);
  line = g_strdup_printf ("reg %s", member->kpj);
  say (line);
}

/* Three people in one CSV, named "Impor <batch> Aaa/Bbb/Ccc": all three
 * or none may be in the database after a kill. */
static void
import_three (LoketStore *store,
              guint       batch,
              guint       first_person)
{
  static const char *const suffixes[] = { "Aaa", "Bbb", "Ccc" };
  g_autoptr(GString) csv = g_string_new ("No;NIK;Nama;Tgl Lahir;JK\n");
  g_autoptr(GString) line = g_string_new ("imp ");
  g_autoptr(GString) tag = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(LoketSheet) sheet = NULL;
  g_autoptr(GError) error = NULL;
  LoketImportReport *report;
  LoketImportTerms terms = {
    .segment = LOKET_SEGMENT_BPU,
    .programs = LOKET_PROGRAM_JKK | LOKET_PROGRAM_JKM,
    .base_income = 1000000,
    .partnership_id = 1,
    .cooperative_id = COOPERATIVE_ID,
  };
  GDate today;

  append_letters (tag, batch);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *nik = NULL;
      GDate birth;

      person_identity (first_person + i, &nik, &birth);
      g_string_append_printf (csv, "%u;%s;Impor %s %s;%02d/%02d/%04d;P\n", i + 1, nik, tag->str,
                              suffixes[i], g_date_get_day (&birth), g_date_get_month (&birth),
                              g_date_get_year (&birth));
    }

  loket_test_date (&today, TODAY);
  bytes = g_bytes_new (csv->str, csv->len);
  sheet = loket_sheet_read_bytes (bytes, "anggota.csv", NULL, &error);
  g_assert_no_error (error);
  report = loket_import_check (store, sheet, &terms, &today, &error);
  g_assert_no_error (error);
  if (!loket_import_commit (store, report, &today, NULL, NULL, &error))
    g_error ("import: %s", error->message);

  g_string_append (line, tag->str);
  for (guint i = 0; i < loket_import_report_get_n_rows (report); i++)
    g_string_append_printf (line, " %s", loket_import_report_get_member (report, i)->kpj);
  say (line->str);
  loket_import_report_free (report);
}

/* The cooperative pays this month for whoever is not paid yet: the members
 * just imported. */
static void
pay_for_new_members (LoketStore *store)
{
  g_autoptr(LoketReceipt) receipt = NULL;
  g_autoptr(GPtrArray) skipped = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  LoketPaymentRequest request;
  GDate today;

  loket_payment_request_init (&request);
  request.months = 1;
  request.channel = LOKET_CHANNEL_COOPERATIVE;
  request.clerk = "Crash";
  loket_test_date (&today, TODAY);
  receipt = loket_store_pay_collective (store, COOPERATIVE_ID, NULL, &request, &today, &skipped, &error);
  if (receipt == NULL)
    {
      /* Nobody left to pay (the import before was killed): a refusal. */
      if (!g_error_matches (error, LOKET_ERROR, LOKET_ERROR_CONFLICT)
          && !g_error_matches (error, LOKET_ERROR, LOKET_ERROR_INVALID))
        g_error ("collective payment: %s", error->message);
      return;
    }
  line = g_strdup_printf ("pay %s", receipt->number);
  say (line);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LoketStore) store = NULL;
  g_autoptr(GError) error = NULL;
  guint64 run = 0;

  if (argc != 3 || !g_ascii_string_to_unsigned (argv[2], 10, 0, 9999, &run, NULL))
    {
      fprintf (stderr, "usage: loket-crash-child DB RUN\n");
      return 2;
    }

  store = loket_store_open (argv[1], &error);
  if (store == NULL)
    g_error ("open: %s", error->message);
  set_up (store);
  say ("ready");

  for (guint round = 0; round < ROUNDS_PER_RUN; round++)
    {
      /* Four people a round. */
      guint person = ((guint) run * ROUNDS_PER_RUN + round) * 4;

      register_one (store, person);
      import_three (store, (guint) run * ROUNDS_PER_RUN + round, person + 1);
      pay_for_new_members (store);
    }
  return 0;
}
