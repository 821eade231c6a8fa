/* loket-pdf-preview.h: the pages of a PDF, drawn from the file itself
 * (poppler), so what the clerk sees is what is printed. Shows the first few
 * pages of a long document; a card sheet run can be hundreds. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LOKET_TYPE_PDF_PREVIEW (loket_pdf_preview_get_type ())

G_DECLARE_FINAL_TYPE (LoketPdfPreview, loket_pdf_preview, LOKET, PDF_PREVIEW, GtkWidget)

GtkWidget *loket_pdf_preview_new              (void);
/* Draws the file's first pages, each `width` pixels wide on screen. */
gboolean   loket_pdf_preview_load             (LoketPdfPreview  *self,
                                               const char       *path,
                                               int               width,
                                               GError          **error);
void       loket_pdf_preview_clear            (LoketPdfPreview  *self);
guint      loket_pdf_preview_get_page_count   (LoketPdfPreview  *self);
guint      loket_pdf_preview_get_shown_count  (LoketPdfPreview  *self);
/* The size of the first page, in points: for the print job's paper. */
gboolean   loket_pdf_preview_get_page_size    (LoketPdfPreview  *self,
                                               double           *width_pt,
                                               double           *height_pt);

G_END_DECLS
