/* loket-file-chooser.h: where a document or a backup is saved, or which
 * backup is read: the system's file chooser, modal over the window. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Called once when the clerk accepted: the local path chosen, or NULL for
 * a place that is not a file on this computer (a network location). Not
 * called on Cancel. */
typedef void (*LoketFileChosen) (const char *path,
                                 gpointer    user_data);

/* `suggested_name` (saving only) fills the name field. */
void loket_choose_file (GtkWindow            *parent,
                        GtkFileChooserAction  action,
                        const char           *title,
                        const char           *accept_label,
                        const char           *suggested_name,
                        LoketFileChosen       chosen,
                        gpointer              user_data);

G_END_DECLS
