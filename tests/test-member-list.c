/* test-member-list.c: the lazily loaded list of members. */
#include "loket-member-list.h"
#include "loket-store-private.h"
#include "loket-test-util.h"

#define N_MEMBERS 150

typedef struct {
  LoketStore *store;
  GDate       today;
} Fixture;

/* "Aaa", "Aab", …: names with letters only, as names must be. */
static char *
name_for (guint i)
{
  return g_strdup_printf ("Warga %c%c%c", 'A' + (i / 676) % 26, 'a' + (i / 26) % 26, 'a' + i % 26);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->store = loket_test_open_store (NULL);
  loket_test_date (&fixture->today, "2026-11-23");

  for (guint i = 1; i <= N_MEMBERS; i++)
    {
      g_autofree char *nik = g_strdup_printf ("520301120590%04u", i);
      g_autofree char *name = name_for (i);
      g_autoptr(LoketMember) draft = loket_test_draft (nik, name, "1990-05-12", 'L');
      g_autoptr(GError) error = NULL;
      g_autoptr(LoketMember) member = loket_store_register_member (fixture->store, draft, &fixture->today,
                                                                   FALSE, NULL, NULL, &error);
      g_assert_no_error (error);
    }
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->store);
}

static void
count_changes (GListModel *model,
               guint       position,
               guint       removed,
               guint       added,
               guint      *changes)
{
  (*changes)++;
}

static void
test_everyone_latest_first (Fixture       *fixture,
                            gconstpointer  data)
{
  LoketMemberList *list = loket_member_list_new (fixture->store, 100);
  g_autoptr(GError) error = NULL;
  gint64 previous = G_MAXINT64;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_true (loket_member_list_set_query (list, "", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, N_MEMBERS);
  g_assert_false (loket_member_list_is_truncated (list));
  g_assert_cmpuint (loket_member_list_get_n_loaded (list), ==, 0);

  for (guint i = 0; i < N_MEMBERS; i++)
    {
      g_autoptr(LoketMember) member = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_assert_cmpint (member->id, <, previous);
      g_assert_nonnull (member->kpj);
      previous = member->id;
    }
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), N_MEMBERS));
  g_assert_cmpint (previous, ==, 1);
  g_assert_finalize_object (list);
}

/* Asking for one row loads its page, not the list. */
static void
test_loads_lazily (Fixture       *fixture,
                   gconstpointer  data)
{
  LoketMemberList *list = loket_member_list_new (fixture->store, 100);
  g_autoptr(LoketMember) member = NULL;

  g_assert_true (loket_member_list_set_query (list, "", NULL));
  member = g_list_model_get_item (G_LIST_MODEL (list), 140);
  g_assert_cmpuint (loket_member_list_get_n_loaded (list), >, 0);
  g_assert_cmpuint (loket_member_list_get_n_loaded (list), <, N_MEMBERS);
  g_assert_finalize_object (list);
}

/* Should a member ever be removed, the list of everyone still holds exactly
 * the members there are, in order. */
static void
test_everyone_with_a_gap (Fixture       *fixture,
                          gconstpointer  data)
{
  LoketMemberList *list = loket_member_list_new (fixture->store, 100);
  gint64 previous = G_MAXINT64;

  g_assert_true (loket_store_exec (fixture->store,
                                   "DELETE FROM member_program WHERE member_id = 75;"
                                   "DELETE FROM member WHERE id = 75;", NULL));
  g_assert_true (loket_member_list_set_query (list, "", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, N_MEMBERS - 1);

  for (guint i = 0; i < N_MEMBERS - 1; i++)
    {
      g_autoptr(LoketMember) member = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_assert_cmpint (member->id, <, previous);
      g_assert_cmpint (member->id, !=, 75);
      g_assert_nonnull (member->kpj);
      previous = member->id;
    }
  g_assert_finalize_object (list);
}

static void
test_search_and_limit (Fixture       *fixture,
                       gconstpointer  data)
{
  LoketMemberList *list = loket_member_list_new (fixture->store, 100);
  g_autoptr(LoketMember) first = NULL;
  guint changes = 0;

  g_signal_connect (list, "items-changed", G_CALLBACK (count_changes), &changes);

  /* Every NIK starts with 5203: more than the limit shows. */
  g_assert_true (loket_member_list_set_query (list, "5203", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 100);
  g_assert_true (loket_member_list_is_truncated (list));

  g_assert_true (loket_member_list_set_query (list, "warga aab", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  g_assert_false (loket_member_list_is_truncated (list));
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (first->name, ==, "Warga Aab");
  g_assert_cmpstr (loket_member_list_get_query (list), ==, "warga aab");

  g_assert_true (loket_member_list_set_query (list, "nobody here", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_cmpuint (changes, ==, 3);
  g_assert_finalize_object (list);
}

static void
test_reload_sees_new_member (Fixture       *fixture,
                             gconstpointer  data)
{
  LoketMemberList *list = loket_member_list_new (fixture->store, 100);
  g_autoptr(LoketMember) draft = loket_test_draft ("5203011205909999", "Zaenal Arifin", "1990-05-12", 'L');
  g_autoptr(LoketMember) saved = NULL;
  g_autoptr(LoketMember) top = NULL;

  g_assert_true (loket_member_list_set_query (list, "", NULL));
  saved = loket_store_register_member (fixture->store, draft, &fixture->today, FALSE, NULL, NULL, NULL);
  g_assert_nonnull (saved);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, N_MEMBERS);

  g_assert_true (loket_member_list_reload (list, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, N_MEMBERS + 1);
  top = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (top->kpj, ==, saved->kpj);
  g_assert_finalize_object (list);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) \
  g_test_add ("/member-list/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("everyone-latest-first", test_everyone_latest_first);
  ADD ("loads-lazily", test_loads_lazily);
  ADD ("everyone-with-a-gap", test_everyone_with_a_gap);
  ADD ("search-and-limit", test_search_and_limit);
  ADD ("reload-sees-new-member", test_reload_sees_new_member);
#undef ADD
  return g_test_run ();
}
