/* loket-start-checks.c */
#include "config.h"

#include "loket-backup.h"
#include "loket-date.h"
#include "loket-start-checks.h"

typedef struct {
  char   *db_path;
  GError *damage;
  char   *backup;
  GError *backup_error;
} StartChecks;

static void
start_checks_free (gpointer pointer)
{
  StartChecks *checks = pointer;

  g_free (checks->db_path);
  g_clear_error (&checks->damage);
  g_free (checks->backup);
  g_clear_error (&checks->backup_error);
  g_free (checks);
}

static void
run_checks (GTask        *task,
            gpointer      source,
            gpointer      task_data,
            GCancellable *cancellable)
{
  StartChecks *checks = task_data;
  g_autoptr(LoketStore) store = loket_store_open (checks->db_path, &checks->damage);
  GDate today;

  if (store == NULL || !loket_store_check_integrity (store, &checks->damage))
    {
      g_task_return_boolean (task, FALSE);
      return;
    }
  /* Never on a damaged database: its copy would push a good one out. */
  loket_date_set_today (&today);
  checks->backup = loket_store_backup_daily (store, NULL, 0, &today, &checks->backup_error);
  g_task_return_boolean (task, TRUE);
}

void
loket_start_checks_run (const char          *db_path,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  StartChecks *checks = g_new0 (StartChecks, 1);

  checks->db_path = g_strdup (db_path);
  g_task_set_task_data (task, checks, start_checks_free);
  g_task_run_in_thread (task, run_checks);
}

gboolean
loket_start_checks_finish (GAsyncResult  *result,
                           GError       **damage,
                           char         **backup,
                           GError       **backup_error)
{
  StartChecks *checks = g_task_get_task_data (G_TASK (result));

  if (!g_task_propagate_boolean (G_TASK (result), NULL))
    {
      if (damage != NULL)
        *damage = g_error_copy (checks->damage);
      return FALSE;
    }
  if (backup != NULL)
    *backup = g_strdup (checks->backup);
  if (backup_error != NULL && checks->backup_error != NULL)
    *backup_error = g_error_copy (checks->backup_error);
  return TRUE;
}
