/* loket-print.h: sending a PDF the core wrote to a printer.
 *
 * The printer is chosen in GtkPrintUnixDialog, then the very file is handed
 * to GtkPrintJob: nothing is drawn again on the way, so the paper shows what
 * the preview showed. Every document Loket prints (cards, receipts, claim
 * letters) goes this way. */
#pragma once

#include <gtk/gtk.h>
#include <gtk/gtkunixprint.h>

G_BEGIN_DECLS

/* The paper of a PDF page `width_pt` × `height_pt` points: A4 when it is
 * A4, otherwise a custom size (a CR80 card, an 80 mm roll). */
GtkPageSetup *loket_print_page_setup_for    (double              width_pt,
                                             double              height_pt);

/* Called with the printer chosen, its settings and the page setup, once,
 * when the clerk presses Print; not at all on Cancel. */
typedef void (*LoketPrinterChosen)          (GtkPrinter         *printer,
                                             GtkPrintSettings   *settings,
                                             GtkPageSetup       *page_setup,
                                             gpointer            user_data);

/* Opens the print dialog over `parent` for a document on `page_setup`. */
void          loket_print_choose_printer    (GtkWindow          *parent,
                                             const char         *title,
                                             GtkPageSetup       *page_setup,
                                             LoketPrinterChosen  chosen,
                                             gpointer            user_data);

/* Called once when the job was handed to the print system (error NULL) or
 * failed (the printer refused it, went away, or the file could not be
 * read). */
typedef void (*LoketPrintDone)              (const GError       *error,
                                             gpointer            user_data);

/* Sends the PDF at `path` to `printer`. NULL settings are the defaults. A
 * printer that does not take PDF is refused at once: FALSE with an error
 * naming it, and `done` is not called. `destroy` frees user_data after
 * `done`, or at once on FALSE. */
gboolean      loket_print_send_pdf          (GtkPrinter         *printer,
                                             GtkPrintSettings   *settings,
                                             GtkPageSetup       *page_setup,
                                             const char         *title,
                                             const char         *path,
                                             LoketPrintDone      done,
                                             gpointer            user_data,
                                             GDestroyNotify      destroy,
                                             GError            **error);

G_END_DECLS
