/* loket-start-checks.h: what Loket does for the database each time it
 * starts, in a worker thread on a connection of its own so the window is
 * there at once: a quick integrity check, then (only on a sound database)
 * the day's backup, old ones pruned (loket-backup.h). */
#pragma once

#include <gio/gio.h>

#include "loket-store.h"

G_BEGIN_DECLS

void     loket_start_checks_run     (const char          *db_path,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data);
/* TRUE when the database is sound. Else FALSE with `damage` set (the
 * integrity check's error). `backup` gets today's backup path, or NULL
 * with `backup_error` saying why it could not be made. */
gboolean loket_start_checks_finish  (GAsyncResult        *result,
                                     GError             **damage,
                                     char               **backup,
                                     GError             **backup_error);

G_END_DECLS
