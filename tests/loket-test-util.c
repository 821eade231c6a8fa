/* loket-test-util.c */
#include <glib/gstdio.h>

#include "loket-date.h"
#include "loket-test-util.h"

static GPtrArray *folders;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);
        if (g_file_test (child, G_FILE_TEST_IS_DIR))
          remove_tree (child);
        else
          g_unlink (child);
      }
  g_rmdir (path);
}

static void
remove_folders (void)
{
  for (guint i = 0; folders != NULL && i < folders->len; i++)
    remove_tree (g_ptr_array_index (folders, i));
  g_clear_pointer (&folders, g_ptr_array_unref);
}

char *
loket_test_make_folder (void)
{
  g_autoptr(GError) error = NULL;
  char *folder = g_dir_make_tmp ("loket-test-XXXXXX", &error);

  g_assert_no_error (error);
  if (folders == NULL)
    {
      folders = g_ptr_array_new_with_free_func (g_free);
      atexit (remove_folders);
    }
  g_ptr_array_add (folders, g_strdup (folder));
  return folder;
}

LoketStore *
loket_test_open_store (char **path_out)
{
  g_autofree char *folder = loket_test_make_folder ();
  g_autofree char *path = g_build_filename (folder, "loket.db", NULL);
  g_autoptr(GError) error = NULL;
  LoketStore *store = loket_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  if (path_out != NULL)
    *path_out = g_steal_pointer (&path);
  return store;
}

void
loket_test_date (GDate      *date,
                 const char *iso)
{
  g_autoptr(GError) error = NULL;

  loket_date_parse_iso (iso, "test", date, &error);
  g_assert_no_error (error);
}

LoketMember *
loket_test_draft (const char *nik,
                  const char *name,
                  const char *birth,
                  char        sex)
{
  LoketMember *draft = loket_member_new ();

  loket_member_set_string (&draft->nik, nik);
  loket_member_set_string (&draft->name, name);
  loket_test_date (&draft->birth_date, birth);
  draft->sex = sex;
  draft->segment = LOKET_SEGMENT_BPU;
  draft->programs = LOKET_PROGRAM_JKK | LOKET_PROGRAM_JKM;
  draft->income = 1000000;
  return draft;
}

LoketMember *
loket_test_register (LoketStore *store,
                     const char *nik,
                     const char *name,
                     const char *birth,
                     char        sex,
                     const char *today)
{
  g_autoptr(LoketMember) draft = loket_test_draft (nik, name, birth, sex);
  g_autoptr(GError) error = NULL;
  LoketMember *member;
  GDate day;

  loket_test_date (&day, today);
  member = loket_store_register_member (store, draft, &day, TRUE, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (member);
  return member;
}
