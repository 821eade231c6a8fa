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

/* Two cooperatives: members 10 to 19 in the first, 15 to 40 in the second. */
static void
link_cooperatives (Fixture *fixture)
{
  g_autoptr(GString) sql = g_string_new (
    "INSERT INTO cooperative (id, name, name_key, kind, created_at, updated_at) VALUES"
    " (1, 'KDMP Sukamaju', 'kdmp sukamaju', 'kdmp', '2026-11-01', '2026-11-01'),"
    " (2, 'KKMP Lestari', 'kkmp lestari', 'kkmp', '2026-11-01', '2026-11-01');");

  for (guint i = 10; i <= 19; i++)
    g_string_append_printf (sql, "INSERT INTO cooperative_member (cooperative_id, member_id, joined_on, via)"
                                 " VALUES (1, %u, '2026-11-20', 'import');", i);
  for (guint i = 15; i <= 40; i++)
    g_string_append_printf (sql, "INSERT INTO cooperative_member (cooperative_id, member_id, joined_on, via)"
                                 " VALUES (2, %u, '2026-11-20', 'import');", i);
  g_assert_true (loket_store_exec (fixture->store, sql->str, NULL));
}

static void
assert_ids_between (LoketMemberList *list,
                    gint64           lowest,
                    gint64           highest,
                    gboolean         newest_first)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));
  gint64 previous = newest_first ? G_MAXINT64 : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LoketMember) member = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_assert_cmpint (member->id, >=, lowest);
      g_assert_cmpint (member->id, <=, highest);
      g_assert_nonnull (member->kpj);
      if (newest_first)
        g_assert_cmpint (member->id, <, previous);
      else
        g_assert_cmpint (member->id, >, previous);
      previous = member->id;
    }
}

static void
test_cooperative_members (Fixture       *fixture,
                          gconstpointer  data)
{
  LoketMemberList *list = loket_member_list_new (fixture->store, 100);
  LoketMemberList *other = loket_member_list_new (fixture->store, 100);
  g_autoptr(LoketMember) top = NULL;
  g_autoptr(LoketMember) found = NULL;
  g_autoptr(GError) error = NULL;

  link_cooperatives (fixture);

  /* Blank: its own members, the latest registered first. */
  g_assert_true (loket_member_list_set_cooperative (list, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (loket_member_list_get_cooperative (list), ==, 1);
  g_assert_true (loket_member_list_is_everyone (list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 10);
  g_assert_false (loket_member_list_is_truncated (list));
  top = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpint (top->id, ==, 19);
  assert_ids_between (list, 10, 19, TRUE);

  g_assert_true (loket_member_list_set_cooperative (other, 2, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (other)), ==, 26);
  assert_ids_between (other, 15, 40, TRUE);

  /* A name, within the cooperative only: member 10 is "Warga Aak". */
  g_assert_true (loket_member_list_set_query (list, "warga", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 10);
  assert_ids_between (list, 10, 19, FALSE);
  g_assert_true (loket_member_list_set_query (list, "aak", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  found = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpint (found->id, ==, 10);
  g_assert_true (loket_member_list_set_query (other, "aak", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (other)), ==, 0);

  /* NIK prefixes …0010 to …0019 and a KPJ. */
  g_assert_true (loket_member_list_set_query (list, "520301120590001", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 10);
  g_assert_true (loket_member_list_set_query (other, "5203-0112-0590-001", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (other)), ==, 5);
  assert_ids_between (other, 15, 19, FALSE);
  g_assert_true (loket_member_list_set_query (list, found->kpj, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  g_assert_true (loket_member_list_set_query (other, found->kpj, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (other)), ==, 0);

  /* The limit holds within a cooperative too. */
  g_assert_finalize_object (list);
  list = loket_member_list_new (fixture->store, 5);
  g_assert_true (loket_member_list_set_cooperative (list, 2, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 26);
  g_assert_true (loket_member_list_set_query (list, "warga", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 5);
  g_assert_true (loket_member_list_is_truncated (list));

  /* Back to everyone. */
  g_assert_true (loket_member_list_set_query (list, "", NULL));
  g_assert_true (loket_member_list_set_cooperative (list, 0, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, N_MEMBERS);

  /* A cooperative with no members yet, or none at all, lists nobody. */
  g_assert_true (loket_member_list_set_cooperative (list, 3, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);

  g_assert_finalize_object (list);
  g_assert_finalize_object (other);
}

/* The store's id search, scoped, agrees with the unscoped one for
 * cooperative 0. */
static void
test_store_cooperative_ids (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GArray) all = NULL;
  g_autoptr(GArray) everyone = NULL;
  g_autoptr(GArray) scoped = NULL;
  g_autoptr(GError) error = NULL;

  link_cooperatives (fixture);
  all = loket_store_dup_member_ids (fixture->store, "warga", 0, &error);
  g_assert_no_error (error);
  everyone = loket_store_dup_cooperative_member_ids (fixture->store, 0, "warga", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, N_MEMBERS);
  g_assert_cmpmem (all->data, all->len * sizeof (gint64), everyone->data, everyone->len * sizeof (gint64));

  scoped = loket_store_dup_cooperative_member_ids (fixture->store, 2, "", 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (scoped->len, ==, 3);
  g_assert_cmpint (g_array_index (scoped, gint64, 0), ==, 40);
  g_assert_cmpint (g_array_index (scoped, gint64, 2), ==, 38);
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
  ADD ("cooperative-members", test_cooperative_members);
  ADD ("store-cooperative-ids", test_store_cooperative_ids);
#undef ADD
  return g_test_run ();
}
