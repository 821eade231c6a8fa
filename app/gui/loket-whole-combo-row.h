/* loket-whole-combo-row.h: an AdwComboRow that shows its choices whole.
 *
 * AdwComboRow cuts its items at 20 characters, and the segments' names are
 * longer ("Bukan Penerima Upah (BPU)"). This row shows each item, in the row
 * and in its list, as the model's GtkStringObject says it, with the check
 * mark on the chosen one in the list. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LOKET_TYPE_WHOLE_COMBO_ROW (loket_whole_combo_row_get_type ())

G_DECLARE_FINAL_TYPE (LoketWholeComboRow, loket_whole_combo_row, LOKET, WHOLE_COMBO_ROW, AdwComboRow)

/* The model is given as for any AdwComboRow: a list of GtkStringObject. */
GtkWidget *loket_whole_combo_row_new (void);

G_END_DECLS
