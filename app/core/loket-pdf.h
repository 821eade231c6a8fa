/* loket-pdf.h: what the core's PDF documents share (cards, receipts).
 *
 * A libharu document with DejaVu Sans (regular and bold) found through
 * fontconfig and embedded as a subset, text written as UTF-8 (real text
 * that pdftotext and screen readers find), and the file written
 * atomically: a temporary file beside it renamed over it, so a crash never
 * leaves half a PDF. */
#pragma once

#include <glib.h>
#include <fontconfig/fontconfig.h>
#include <hpdf.h>

G_BEGIN_DECLS

#define LOKET_PDF_MM (72.0 / 25.4)

typedef struct {
  HPDF_Doc     doc;
  HPDF_Font    regular;
  HPDF_Font    bold;
  FcPattern   *regular_match;   /* owned, kept for their character sets */
  FcPattern   *bold_match;
  FcCharSet   *regular_chars;   /* borrowed from the matches */
  FcCharSet   *bold_chars;
  HPDF_STATUS  status;          /* the first libharu error */
  HPDF_STATUS  detail;
  guint        pages;
} LoketPdf;

/* A compressed document titled `title`, with its fonts loaded; no font is
 * a LOKET_ERROR_STORAGE that names the package to install. */
LoketPdf  *loket_pdf_new         (const char  *title,
                                  GError     **error);
void       loket_pdf_free        (LoketPdf    *pdf);

HPDF_Page  loket_pdf_add_page    (LoketPdf    *pdf,
                                  double       width,
                                  double       height);

/* `text` as `font` can print it: composed (NFC), a character the font lacks
 * (or outside the Basic Multilingual Plane) replaced by a visible "?", line
 * breaks and tabs by spaces. */
char      *loket_pdf_printable   (LoketPdf    *pdf,
                                  HPDF_Font    font,
                                  const char  *text);
double     loket_pdf_text_width  (HPDF_Font    font,
                                  const char  *text,
                                  double       size);
/* Draws printable text with its baseline at (x, y). */
void       loket_pdf_put_text    (HPDF_Page    page,
                                  HPDF_Font    font,
                                  double       size,
                                  double       x,
                                  double       y,
                                  const char  *text);
/* Printable text cut to fit `width` at `size`, ending with "…". */
char      *loket_pdf_truncate    (HPDF_Font    font,
                                  const char  *text,
                                  double       size,
                                  double       width);
/* Prints `raw` on one line within `width`: at `size`, smaller down to
 * `min_size`, cut with "…" if even that is too wide. Returns the size. */
double     loket_pdf_fit_text    (LoketPdf    *pdf,
                                  HPDF_Page    page,
                                  HPDF_Font    font,
                                  double       size,
                                  double       min_size,
                                  double       x,
                                  double       y,
                                  double       width,
                                  const char  *raw);
/* Greedy word wrap of printable text; the lines are new strings. */
GPtrArray *loket_pdf_wrap        (HPDF_Font    font,
                                  const char  *text,
                                  double       size,
                                  double       width);

/* Writes the document to `path` atomically, or a LOKET_ERROR_STORAGE
 * naming the file. */
gboolean   loket_pdf_save        (LoketPdf    *pdf,
                                  const char  *path,
                                  GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoketPdf, loket_pdf_free)

G_END_DECLS
