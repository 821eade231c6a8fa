/* loket-document-window.h: a document the core writes as a PDF (a receipt,
 * a claim letter), previewed from that very file and printed or saved.
 *
 * The caller says how to write the document; the window writes it into a
 * private folder, shows it (LoketPdfPreview), offers the caller's own
 * options beside it (the receipt's paper, say), and prints it through the
 * print dialog (loket-print.h) or writes it again where the clerk saves it. */
#pragma once

#include <adwaita.h>
#include <gtk/gtkunixprint.h>

G_BEGIN_DECLS

#define LOKET_TYPE_DOCUMENT_WINDOW (loket_document_window_get_type ())

G_DECLARE_FINAL_TYPE (LoketDocumentWindow, loket_document_window, LOKET, DOCUMENT_WINDOW, AdwWindow)

/* Writes the document to `path` (atomically, as the core writes). */
typedef gboolean (*LoketDocumentWriter) (const char  *path,
                                         gpointer     user_data,
                                         GError     **error);

/* `file_name` is suggested when saving; `preview_width` the width of a page
 * on screen, in pixels. `destroy` frees user_data with the window. */
LoketDocumentWindow *loket_document_window_new (GtkWindow           *parent,
                                                const char          *title,
                                                const char          *subtitle,
                                                const char          *file_name,
                                                int                  preview_width,
                                                LoketDocumentWriter  write,
                                                gpointer             user_data,
                                                GDestroyNotify       destroy);
/* Adds a row of options beside the preview; call refresh when it changes. */
void         loket_document_window_add_option (LoketDocumentWindow *self,
                                               GtkWidget           *row);
/* The width of a page on screen, in pixels, from the next refresh on. */
void         loket_document_window_set_preview_width (LoketDocumentWindow *self,
                                                      int                  width);
/* Writes the document again and shows it. */
void         loket_document_window_refresh    (LoketDocumentWindow *self);

guint        loket_document_window_get_page_count (LoketDocumentWindow *self);
/* The message shown to the clerk, or NULL. */
const char  *loket_document_window_get_message    (LoketDocumentWindow *self);
/* What the buttons do after their dialogs, for the tests. */
gboolean     loket_document_window_save_to    (LoketDocumentWindow *self,
                                               const char          *path);
void         loket_document_window_print_to   (LoketDocumentWindow *self,
                                               GtkPrinter          *printer,
                                               GtkPrintSettings    *settings);

G_END_DECLS
