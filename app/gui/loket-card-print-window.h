/* loket-card-print-window.h: membership cards, previewed and printed.
 *
 * The core writes the cards' PDF; this window shows that very file, page by
 * page (poppler), lets the clerk choose paper, backs and, for a reprint, the
 * reason, then sends the same PDF to the printer chosen in
 * GtkPrintUnixDialog (GtkPrintJob) or saves it. The print log is written
 * only once the job was accepted, so it never claims a card that did not
 * come out. */
#pragma once

#include <adwaita.h>
#include <gtk/gtkunixprint.h>

#include "loket-store.h"

G_BEGIN_DECLS

#define LOKET_TYPE_CARD_PRINT_WINDOW (loket_card_print_window_get_type ())

G_DECLARE_FINAL_TYPE (LoketCardPrintWindow, loket_card_print_window, LOKET, CARD_PRINT_WINDOW, AdwWindow)

/* The card of one member, one card a page. */
LoketCardPrintWindow *loket_card_print_window_new_for_member      (GtkWindow        *parent,
                                                                   LoketStore       *store,
                                                                   LoketMember      *member);
/* The cards of a cooperative's members on A4 sheets: all of them, or (the
 * default when some have none yet) those without a card. */
LoketCardPrintWindow *loket_card_print_window_new_for_cooperative (GtkWindow        *parent,
                                                                   LoketStore       *store,
                                                                   gint64            cooperative_id,
                                                                   GError          **error);

/* How many pages the PDF has and how many of them are shown. */
guint    loket_card_print_window_get_page_count    (LoketCardPrintWindow *self);
guint    loket_card_print_window_get_preview_count (LoketCardPrintWindow *self);
/* The PDF the preview shows: the file that is printed. */
const char *loket_card_print_window_get_pdf_path   (LoketCardPrintWindow *self);
/* Whether the members include some who already have a card. */
gboolean loket_card_print_window_is_reprint        (LoketCardPrintWindow *self);
/* The message shown to the clerk, or NULL. */
const char *loket_card_print_window_get_message    (LoketCardPrintWindow *self);

/* What the buttons do after their dialogs, for the tests and for the
 * printing test through CUPS. print_to takes NULL settings for the
 * defaults and a NULL page setup for the paper of the layout chosen. */
gboolean loket_card_print_window_save_to           (LoketCardPrintWindow *self,
                                                    const char           *path);
void     loket_card_print_window_print_to          (LoketCardPrintWindow *self,
                                                    GtkPrinter           *printer,
                                                    GtkPrintSettings     *settings,
                                                    GtkPageSetup         *page_setup);

G_END_DECLS
