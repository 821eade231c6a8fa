/* loket-import-page.h: a cooperative's member list enrolled step by step:
 * choose the file, read and check it (in a worker thread, with progress and
 * a Cancel button), the report row by row, register, save the rejects. */
#pragma once

#include <adwaita.h>

#include "loket-cooperative.h"
#include "loket-import.h"
#include "loket-store.h"

G_BEGIN_DECLS

#define LOKET_TYPE_IMPORT_PAGE (loket_import_page_get_type ())

G_DECLARE_FINAL_TYPE (LoketImportPage, loket_import_page, LOKET, IMPORT_PAGE, AdwBin)

/* Starts again for `cooperative` (borrowed; copied), at "choose a file".
 * Work under way is cancelled. */
void        loket_import_page_set_cooperative (LoketImportPage  *self,
                                               LoketStore       *store,
                                               LoketCooperative *cooperative);
/* Reads and checks the file at `path` as if chosen in the file chooser. */
void        loket_import_page_open_path       (LoketImportPage  *self,
                                               const char       *path);
/* Registers the rows to register (the "Register N members" button). */
void        loket_import_page_commit          (LoketImportPage  *self);
/* Cancels the reading, checking or registering under way. */
void        loket_import_page_cancel          (LoketImportPage  *self);
/* Writes the rejected and duplicate rows of the report shown to `path`
 * (.xlsx or CSV), as the "Save Rows to Correct" button does after its file
 * chooser, and says so in a toast. */
gboolean    loket_import_page_save_rejects    (LoketImportPage  *self,
                                               const char       *path,
                                               GError          **error);
/* What is shown: "start", "progress", "error" or "report". */
const char *loket_import_page_get_step        (LoketImportPage  *self);
/* TRUE while a worker thread runs. */
gboolean    loket_import_page_is_busy         (LoketImportPage  *self);
/* The report shown (borrowed), NULL before one. */
LoketImportReport *loket_import_page_get_report (LoketImportPage *self);

/* The rows of the report the status filter lets through: one item per row
 * of the file, shown in a GtkListView (one widget per visible row). */
GListModel *loket_import_page_get_rows        (LoketImportPage  *self);
/* The second line of the row at `position` of that list, as shown (newly
 * allocated; NULL past the end), and its LoketImportStatus in *status. */
char       *loket_import_page_describe_row    (LoketImportPage  *self,
                                               guint             position,
                                               int              *status);

G_END_DECLS
