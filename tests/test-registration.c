/* test-registration.c: registering members through the store, with the
 * rules, the duplicate checks and the KPJ numbering. */
#include "loket-error.h"
#include "loket-kpj.h"
#include "loket-registration.h"
#include "loket-test-util.h"

typedef struct {
  LoketStore *store;
  GDate       today;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->store = loket_test_open_store (NULL);
  loket_test_date (&fixture->today, "2026-11-23");
  loket_store_set_setting (fixture->store, LOKET_SETTING_KPJ_PREFIX, "52", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->store);
}

static LoketMember *
register_ok (Fixture     *fixture,
             LoketMember *owned_draft)
{
  /* Takes the draft, so callers can pass loket_test_draft () inline. */
  g_autoptr(LoketMember) draft = owned_draft;
  g_autoptr(GError) error = NULL;
  LoketMember *member = loket_store_register_member (fixture->store, draft, &fixture->today,
                                                     FALSE, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (member);
  return member;
}

static void
test_register_and_read_back (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(LoketMember) draft = loket_test_draft ("5203011205900001", "  Baiq   Nurul  Aini ", "1990-05-12", 'L');
  g_autoptr(LoketMember) member = NULL;
  g_autoptr(LoketMember) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *checked = NULL;

  loket_member_set_string (&draft->phone, "0812-3456-7890");
  loket_member_set_string (&draft->rt, "14");
  loket_member_set_string (&draft->rw, "4");
  loket_member_set_string (&draft->region_code, "52.03.01");
  member = register_ok (fixture, g_object_ref (draft));

  g_assert_cmpint (member->id, >, 0);
  g_assert_cmpstr (member->kpj, ==, "52000000019");
  checked = loket_kpj_normalize (member->kpj, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (member->name, ==, "Baiq Nurul Aini");
  g_assert_cmpstr (member->phone, ==, "+6281234567890");
  g_assert_cmpstr (member->rt, ==, "014");
  g_assert_cmpstr (member->rw, ==, "004");
  g_assert_cmpstr (member->province, ==, "Nusa Tenggara Barat");
  g_assert_cmpstr (member->regency, ==, "Kabupaten Lombok Timur");
  g_assert_cmpint (g_date_compare (&member->registered_on, &fixture->today), ==, 0);
  /* The caller's draft keeps what was typed. */
  g_assert_cmpstr (draft->phone, ==, "0812-3456-7890");
  g_assert_null (draft->kpj);

  again = loket_store_find_member_by_kpj (fixture->store, member->kpj, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again->nik, ==, "5203011205900001");
  g_assert_cmpstr (again->name, ==, "Baiq Nurul Aini");
  g_assert_cmpuint (again->programs, ==, LOKET_PROGRAM_JKK | LOKET_PROGRAM_JKM);
  g_assert_cmpint (g_date_get_year (&again->birth_date), ==, 1990);
  g_assert_cmpint (again->sex, ==, 'L');
  g_assert_cmpint (again->income, ==, 1000000);
}

static void
test_kpj_sequence (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(LoketMember) first = register_ok (fixture, loket_test_draft ("5203011205900001", "Ani", "1990-05-12", 'L'));
  g_autoptr(LoketMember) second = register_ok (fixture, loket_test_draft ("5203015205900002", "Budi", "1990-05-12", 'P'));
  g_autoptr(LoketMember) third = NULL;
  g_autoptr(LoketMember) refused = NULL;
  g_autoptr(LoketMember) bad = loket_test_draft ("5203011205900003", "", "1990-05-12", 'L');

  g_assert_true (g_str_has_prefix (first->kpj, "5200000001"));
  g_assert_true (g_str_has_prefix (second->kpj, "5200000002"));

  /* A refused registration does not use up a number. */
  refused = loket_store_register_member (fixture->store, bad, &fixture->today, FALSE, NULL, NULL, NULL);
  g_assert_null (refused);
  third = register_ok (fixture, loket_test_draft ("5203011205900004", "Cici", "1990-05-12", 'L'));
  g_assert_true (g_str_has_prefix (third->kpj, "5200000003"));
}

static void
test_nik_already_registered (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(LoketMember) first = register_ok (fixture, loket_test_draft ("5203011205900001", "Ani", "1990-05-12", 'L'));
  g_autoptr(LoketMember) draft = loket_test_draft ("5203011205900001", "Someone Else", "1990-05-12", 'L');
  g_autoptr(LoketMember) refused = NULL;
  g_autoptr(GPtrArray) existing = NULL;
  g_autoptr(GError) error = NULL;

  /* Even with the duplicate confirmed: an exact NIK is never registered twice. */
  refused = loket_store_register_member (fixture->store, draft, &fixture->today, TRUE, NULL, &existing, &error);
  g_assert_null (refused);
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, first->kpj));
  g_assert_cmpuint (existing->len, ==, 1);
  g_assert_cmpstr (((LoketMember *) g_ptr_array_index (existing, 0))->kpj, ==, first->kpj);
  g_assert_cmpint (loket_store_count_members (fixture->store, NULL), ==, 1);
}

static void
test_probable_duplicate (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(LoketMember) first = register_ok (fixture, loket_test_draft ("5203011205900001", "Dédé Suryani", "1990-05-12", 'L'));
  g_autoptr(LoketMember) draft = loket_test_draft ("3201011205900009", "DEDE  suryani", "1990-05-12", 'L');
  g_autoptr(LoketMember) refused = NULL;
  g_autoptr(LoketMember) confirmed = NULL;
  g_autoptr(GPtrArray) similar = NULL;
  g_autoptr(GError) error = NULL;

  refused = loket_store_register_member (fixture->store, draft, &fixture->today, FALSE, NULL, &similar, &error);
  g_assert_null (refused);
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_PROBABLE_DUPLICATE);
  g_assert_cmpuint (similar->len, ==, 1);
  g_assert_cmpstr (((LoketMember *) g_ptr_array_index (similar, 0))->kpj, ==, first->kpj);
  g_assert_cmpint (loket_store_count_members (fixture->store, NULL), ==, 1);
  g_clear_error (&error);

  confirmed = loket_store_register_member (fixture->store, draft, &fixture->today, TRUE, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (confirmed->nik, ==, "3201011205900009");
  g_assert_cmpint (loket_store_count_members (fixture->store, NULL), ==, 2);
}

/* Every problem is reported at once, and nothing is written. */
static void
test_every_problem_reported (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(LoketMember) draft = loket_member_new ();
  g_autoptr(LoketMember) refused = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  const char *fields[] = { "nik", "name", "birth_date", "sex", "programs", "income", "phone", "postcode" };

  draft->segment = LOKET_SEGMENT_BPU;
  draft->programs = LOKET_PROGRAM_JKK | LOKET_PROGRAM_JP;
  draft->income = 900000;
  loket_member_set_string (&draft->phone, "12345");
  loket_member_set_string (&draft->postcode, "836");

  refused = loket_store_register_member (fixture->store, draft, &fixture->today, FALSE, &problems, NULL, &error);
  g_assert_null (refused);
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_INVALID);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      gboolean seen = FALSE;
      for (guint j = 0; j < problems->len; j++)
        seen |= g_str_equal (((LoketProblem *) g_ptr_array_index (problems, j))->field, fields[i]);
      if (!seen)
        g_error ("no problem reported for %s", fields[i]);
    }
  g_assert_true (loket_problems_has_code (problems, "program-required"));
  g_assert_true (loket_problems_has_code (problems, "program-not-allowed"));
  g_assert_cmpint (loket_store_count_members (fixture->store, NULL), ==, 0);
}

static void
test_nik_must_match_typed (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(LoketMember) wrong_date = loket_test_draft ("5203011205900001", "Ani", "1990-05-13", 'L');
  g_autoptr(LoketMember) wrong_sex = loket_test_draft ("5203011205900001", "Ani", "1990-05-12", 'P');
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(LoketRateBook) book = loket_store_dup_rate_book (fixture->store, NULL);

  problems = loket_registration_check (wrong_date, book, &fixture->today);
  g_assert_true (loket_problems_has_code (problems, "nik-birth-mismatch"));
  g_clear_pointer (&problems, g_ptr_array_unref);

  problems = loket_registration_check (wrong_sex, book, &fixture->today);
  g_assert_true (loket_problems_has_code (problems, "nik-sex-mismatch"));
}

/* Ages 15 to 65 on the registration date, both ends included. */
static void
test_age_limits (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(LoketRateBook) book = loket_store_dup_rate_book (fixture->store, NULL);
  const struct { const char *nik; const char *birth; gboolean ok; } cases[] = {
    { "5203012311110001", "2011-11-23", TRUE },   /* 15 today */
    { "5203012411110001", "2011-11-24", FALSE },  /* 15 tomorrow */
    { "5203012411600001", "1960-11-24", TRUE },   /* 65, turns 66 tomorrow */
    { "5203012311600001", "1960-11-23", FALSE },  /* 66 today */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(LoketMember) draft = loket_test_draft (cases[i].nik, "Ani", cases[i].birth, 'L');
      g_autoptr(GPtrArray) problems = loket_registration_check (draft, book, &fixture->today);

      g_assert_cmpint (loket_problems_has_code (problems, "age-out-of-range"), ==, !cases[i].ok);
    }
}

static void
test_programs_by_segment (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(LoketRateBook) book = loket_store_dup_rate_book (fixture->store, NULL);
  g_autoptr(LoketMember) young = loket_test_draft ("5203011205900001", "Ani", "1990-05-12", 'L');
  g_autoptr(LoketMember) older = loket_test_draft ("5203011205700001", "Ani", "1970-05-12", 'L');
  g_autoptr(GPtrArray) problems = NULL;

  /* PU: JKP comes with it under 54, and is refused from 54. */
  young->segment = LOKET_SEGMENT_PU;
  young->programs = LOKET_PROGRAM_JKK | LOKET_PROGRAM_JKM | LOKET_PROGRAM_JHT | LOKET_PROGRAM_JP;
  young->income = 5000000;
  young->risk_class = 1;
  problems = loket_registration_check (young, book, &fixture->today);
  g_assert_cmpuint (loket_problems_count (problems, LOKET_SEVERITY_ERROR), ==, 0);
  g_assert_true (young->programs & LOKET_PROGRAM_JKP);
  g_clear_pointer (&problems, g_ptr_array_unref);

  older->segment = LOKET_SEGMENT_PU;
  older->programs = LOKET_PROGRAM_JKK | LOKET_PROGRAM_JKM | LOKET_PROGRAM_JHT | LOKET_PROGRAM_JKP;
  older->income = 5000000;
  older->risk_class = 2;
  problems = loket_registration_check (older, book, &fixture->today);
  g_assert_true (loket_problems_has_code (problems, "program-jkp-age"));
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* Jakon holds JKK and JKM only; PU needs a risk class. */
  older->segment = LOKET_SEGMENT_JAKON;
  older->programs = LOKET_PROGRAM_JKK | LOKET_PROGRAM_JKM | LOKET_PROGRAM_JHT;
  problems = loket_registration_check (older, book, &fixture->today);
  g_assert_true (loket_problems_has_code (problems, "program-not-allowed"));
  g_clear_pointer (&problems, g_ptr_array_unref);

  young->segment = LOKET_SEGMENT_PU;
  young->risk_class = 0;
  problems = loket_registration_check (young, book, &fixture->today);
  g_assert_true (loket_problems_has_code (problems, "risk-class"));
}

static void
test_unknown_region_is_a_warning (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(LoketMember) draft = loket_test_draft ("5203011205900001", "Ani", "1990-05-12", 'L');
  g_autoptr(LoketMember) member = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(LoketRateBook) book = loket_store_dup_rate_book (fixture->store, NULL);
  g_autoptr(GError) error = NULL;

  loket_member_set_string (&draft->region_code, "52.03.99");
  member = loket_store_register_member (fixture->store, draft, &fixture->today, FALSE, &problems, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (loket_problems_has_code (problems, "region-unknown"));
  g_assert_cmpstr (member->region_code, ==, "52.03.99");

  g_clear_pointer (&problems, g_ptr_array_unref);
  loket_member_set_string (&draft->region_code, "52-03");
  problems = loket_registration_check (draft, book, &fixture->today);
  g_assert_true (loket_problems_has_code (problems, "region-format"));
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(LoketMember) dede = register_ok (fixture, loket_test_draft ("5203011205900001", "Dédé Suryani", "1990-05-12", 'L'));
  g_autoptr(LoketMember) ani = register_ok (fixture, loket_test_draft ("3201015205900002", "Ani Dewi", "1990-05-12", 'P'));
  g_autoptr(GError) error = NULL;
  struct { const char *query; guint count; } cases[] = {
    { "dede", 1 }, { "DÉDÉ", 1 }, { "dé", 2 }, { "sur", 1 }, { "d", 2 }, { "de", 2 },
    { "ani de", 1 }, { "suryani dede", 1 }, { "zaki", 0 }, { "5203", 1 }, { "3201", 1 },
    { "5203011205900001", 1 }, { "52", 2 }, { "5200000001", 1 }, { "52-0000-0002", 1 },
    { "\"", 0 }, { "de\"*", 2 }, { "NEAR(ani", 0 }, { "ani OR dede", 0 }, { "ani-dewi", 1 }, { "(ani)", 1 }, { "   ", 0 }, { "", 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) found = loket_store_search_members (fixture->store, cases[i].query, 10, &error);

      g_assert_no_error (error);
      if (found->len != cases[i].count)
        g_error ("search “%s” found %u, expected %u", cases[i].query, found->len, cases[i].count);
    }
}

static void
test_search_limit (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *niks[] = { "5203011205900001", "5203011205900002", "5203011205900003" };
  g_autoptr(GPtrArray) found = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (niks); i++)
    {
      g_autoptr(LoketMember) draft = loket_test_draft (niks[i], "Ahmad", "1990-05-12", 'L');
      g_autoptr(LoketMember) member = loket_store_register_member (fixture->store, draft, &fixture->today,
                                                                   TRUE, NULL, NULL, NULL);
      g_assert_nonnull (member);
    }
  found = loket_store_search_members (fixture->store, "ahmad", 2, NULL);
  g_assert_cmpuint (found->len, ==, 2);
  g_ptr_array_unref (found);
  found = loket_store_search_members (fixture->store, "5203", 2, NULL);
  g_assert_cmpuint (found->len, ==, 2);
}

static void
test_update_member (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(LoketMember) saved = register_ok (fixture, loket_test_draft ("5203011205900001", "Dédé Suryani", "1990-05-12", 'L'));
  g_autoptr(LoketMember) changed = loket_member_copy (saved);
  g_autoptr(LoketMember) updated = NULL;
  g_autoptr(LoketMember) reread = NULL;
  g_autoptr(GPtrArray) by_old_name = NULL;
  g_autoptr(GPtrArray) by_new_name = NULL;
  g_autoptr(GError) error = NULL;
  GDate later;

  /* Ten years on the member is 46: edits are judged on the registration
   * date, so being older now is no reason to refuse them. */
  loket_test_date (&later, "2036-11-23");
  loket_member_set_string (&changed->name, "Dede  Suryana");
  loket_member_set_string (&changed->phone, "0812 3456 7890");
  changed->programs |= LOKET_PROGRAM_JHT;
  changed->income = 2000000;
  updated = loket_store_update_member (fixture->store, changed, &later, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (updated->name, ==, "Dede Suryana");
  g_assert_cmpstr (updated->kpj, ==, saved->kpj);

  reread = loket_store_find_member_by_kpj (fixture->store, saved->kpj, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (reread->name, ==, "Dede Suryana");
  g_assert_cmpstr (reread->phone, ==, "+6281234567890");
  g_assert_cmpint (reread->income, ==, 2000000);
  g_assert_cmpuint (reread->programs, ==, LOKET_PROGRAM_JKK | LOKET_PROGRAM_JKM | LOKET_PROGRAM_JHT);
  g_assert_cmpint (g_date_compare (&reread->registered_on, &fixture->today), ==, 0);

  /* The name index follows the new name, and forgets the old one. */
  by_new_name = loket_store_search_members (fixture->store, "suryana", 10, NULL);
  g_assert_cmpuint (by_new_name->len, ==, 1);
  by_old_name = loket_store_search_members (fixture->store, "suryani", 10, NULL);
  g_assert_cmpuint (by_old_name->len, ==, 0);
}

static void
test_update_refused (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(LoketMember) saved = register_ok (fixture, loket_test_draft ("5203011205900001", "Ani", "1990-05-12", 'L'));
  g_autoptr(LoketMember) new_nik = loket_member_copy (saved);
  g_autoptr(LoketMember) bad_income = loket_member_copy (saved);
  g_autoptr(LoketMember) gone = loket_member_copy (saved);
  g_autoptr(LoketMember) result = NULL;
  g_autoptr(LoketMember) reread = NULL;
  g_autoptr(GError) error = NULL;

  loket_member_set_string (&new_nik->nik, "5203011205900002");
  result = loket_store_update_member (fixture->store, new_nik, &fixture->today, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_INVALID);
  g_clear_error (&error);

  bad_income->income = 10;
  loket_member_set_string (&bad_income->name, "Changed Name");
  result = loket_store_update_member (fixture->store, bad_income, &fixture->today, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_INVALID);
  g_clear_error (&error);

  gone->id = 999;
  result = loket_store_update_member (fixture->store, gone, &fixture->today, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_NOT_FOUND);

  /* Nothing of the refused edits was written. */
  reread = loket_store_find_member_by_kpj (fixture->store, saved->kpj, NULL);
  g_assert_cmpstr (reread->name, ==, "Ani");
  g_assert_cmpint (reread->income, ==, 1000000);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) \
  g_test_add ("/registration/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("register-and-read-back", test_register_and_read_back);
  ADD ("kpj-sequence", test_kpj_sequence);
  ADD ("nik-already-registered", test_nik_already_registered);
  ADD ("probable-duplicate", test_probable_duplicate);
  ADD ("every-problem-reported", test_every_problem_reported);
  ADD ("nik-must-match-typed", test_nik_must_match_typed);
  ADD ("age-limits", test_age_limits);
  ADD ("programs-by-segment", test_programs_by_segment);
  ADD ("unknown-region-is-a-warning", test_unknown_region_is_a_warning);
  ADD ("search", test_search);
  ADD ("search-limit", test_search_limit);
  ADD ("update-member", test_update_member);
  ADD ("update-refused", test_update_refused);
#undef ADD
  return g_test_run ();
}
