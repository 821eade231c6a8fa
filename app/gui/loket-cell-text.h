/* loket-cell-text.h: one line of text in a cell of the member list.
 *
 * A GtkLabel shapes its text to measure itself, and GTK 4.8's list views
 * measure every row they keep (about 200, six cells each) on every change:
 * at a million members that made a keystroke cost 50 ms. This cell says its
 * height from the font's metrics without shaping, takes the width its
 * column gives it, and shapes its text only when it is drawn, which only the
 * rows on screen are. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LOKET_TYPE_CELL_TEXT (loket_cell_text_get_type ())

G_DECLARE_FINAL_TYPE (LoketCellText, loket_cell_text, LOKET, CELL_TEXT, GtkWidget)

GtkWidget  *loket_cell_text_new      (void);
void        loket_cell_text_set_text (LoketCellText *self,
                                      const char    *text);
const char *loket_cell_text_get_text (LoketCellText *self);

G_END_DECLS
