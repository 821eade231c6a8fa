/* loket-card.h: membership cards (kartu peserta) as a PDF.
 *
 * The core makes the PDF; the window previews exactly that file and sends it
 * to the printer, and loket-cli writes it. CR80 cards (85.6 × 54 mm), one
 * card per page (front, then its back when asked), or A4 sheets of 10 cards
 * (2 × 5) with crop marks, fronts and backs on alternate pages, the backs'
 * columns mirrored so a long-edge duplex print puts each back behind its own
 * front. Text is real text in DejaVu Sans, found through fontconfig and
 * embedded once however many cards; a character the font lacks is printed
 * as "?" rather than dropped. The file is written atomically. */
#pragma once

#include <glib.h>

#include "loket-member.h"

G_BEGIN_DECLS

typedef enum {
  LOKET_CARD_LAYOUT_SINGLE,   /* one CR80 page per card side */
  LOKET_CARD_LAYOUT_A4,       /* A4 sheets of 2 × 5 cards */
} LoketCardLayout;

typedef struct {
  const char      *branch_name;       /* the header's second line; may be NULL */
  const char      *cooperative_name;  /* printed when the members were enrolled
                                       * through a cooperative; may be NULL */
  gboolean         back;              /* also print the backs */
  gboolean         show_nik;          /* the whole NIK, not only its last 4 */
  LoketCardLayout  layout;
  double           offset_x_mm;       /* A4 only: the printer's correction, */
  double           offset_y_mm;       /* right and down, applied to every page */
} LoketCardOptions;

/* Writes the cards of `members` (LoketMember *, in order) to `path`. A member
 * without a KPJ is a LOKET_ERROR_INVALID naming them; no font or a failed
 * write (an unwritable folder) is a LOKET_ERROR_STORAGE naming the file, and
 * nothing is left behind. `pages_out` (may be NULL) receives the page count. */
gboolean loket_card_write_pdf (GPtrArray               *members,
                               const LoketCardOptions  *options,
                               const char              *path,
                               guint                   *pages_out,
                               GError                 **error);

G_END_DECLS
