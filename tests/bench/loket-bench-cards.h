/* loket-bench-cards.h: what the parts of loket-bench-cards share: the
 * card's geometry and the texts of one card, already formatted.
 *
 * The geometry is loket-card.c's (A4 sheets of 2 × 5 CR80 cards, the front's
 * boxes, text baselines and sizes, the QR code's box). The baselines copy it
 * rather than include it: keep them in step with loket-card.c, or the bare
 * loop and the glabels template no longer make the same page. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define BENCH_MM        (72.0 / 25.4)
#define BENCH_CARD_W    (85.6 * BENCH_MM)
#define BENCH_CARD_H    (54.0 * BENCH_MM)
#define BENCH_A4_W      (210.0 * BENCH_MM)
#define BENCH_A4_H      (297.0 * BENCH_MM)
#define BENCH_COLS      2
#define BENCH_ROWS      5
#define BENCH_PER_SHEET (BENCH_COLS * BENCH_ROWS)
/* The sheet's cards as a block in the middle of the page. */
#define BENCH_SHEET_X0  ((BENCH_A4_W - BENCH_COLS * BENCH_CARD_W) / 2)
#define BENCH_SHEET_Y0  ((BENCH_A4_H - BENCH_ROWS * BENCH_CARD_H) / 2)

/* The front, in points from the card's left and top edges. */
#define BENCH_MARGIN      9.0
#define BENCH_HEADER_H    27.0
#define BENCH_ACCENT_H    1.6
#define BENCH_QR_BOX      66.0
#define BENCH_QR_QUIET    4          /* modules of quiet zone inside the box */
#define BENCH_QR_MODULES  25         /* a version 2 code: every card's payload */
#define BENCH_QR_X        (BENCH_CARD_W - BENCH_MARGIN + BENCH_QR_BOX * BENCH_QR_QUIET \
                           / (BENCH_QR_MODULES + 2.0 * BENCH_QR_QUIET) - BENCH_QR_BOX)
#define BENCH_QR_TOP      (BENCH_HEADER_H + 27.0)
#define BENCH_VALUE_X     (BENCH_MARGIN + 44.0)
#define BENCH_VALUE_W     (BENCH_QR_X + BENCH_QR_BOX * BENCH_QR_QUIET \
                           / (BENCH_QR_MODULES + 2.0 * BENCH_QR_QUIET) - 6.0 - BENCH_VALUE_X)
#define BENCH_ROWS_TOP    (BENCH_HEADER_H + 36.0)  /* the first fact's baseline */
#define BENCH_ROW_STEP    9.6
#define BENCH_N_FACTS     7

/* Colours (r, g, b in 0..1), as loket-card.c prints them. */
#define BENCH_GREEN  0.0, 0.49, 0.29
#define BENCH_ACCENT 0.96, 0.71, 0.09
#define BENCH_GREY   0.38, 0.40, 0.42
#define BENCH_INK    0.08, 0.09, 0.10

#define BENCH_TITLE     "BPJS Ketenagakerjaan"
#define BENCH_KIND      "KARTU PESERTA"
#define BENCH_FOOTER    "Layanan Masyarakat 175 · www.bpjsketenagakerjaan.go.id"

/* The facts' labels, in the card's order. */
extern const char *const loket_bench_card_labels[BENCH_N_FACTS];

/* One card's texts as printed: the data a bare program would already hold. */
typedef struct {
  char *name;
  char *facts[BENCH_N_FACTS];  /* KPJ formatted, NIK masked, birth date, segment,
                                * programs, member since, cooperative */
  char *payload;               /* the QR code's text */
} LoketBenchCard;

void loket_bench_card_clear (LoketBenchCard *card);

/* The same sheet written by a bare libharu loop (loket-bench-cards-bare.c):
 * `regular_font` and `bold_font` are the TrueType files Loket embeds. */
gboolean loket_bench_cards_bare_write (const LoketBenchCard *cards,
                                       guint                 n_cards,
                                       const char           *branch_name,
                                       const char           *regular_font,
                                       const char           *bold_font,
                                       const char           *path,
                                       guint                *pages_out,
                                       GError              **error);

/* The glabels side (loket-bench-cards-glabels.c): the merge file of the
 * cards and a template of the same sheet reading it. */
gboolean loket_bench_cards_glabels_prepare (const LoketBenchCard *cards,
                                            guint                 n_cards,
                                            const char           *branch_name,
                                            const char           *csv_path,
                                            const char           *template_path,
                                            GError              **error);
/* Runs `glabels` (glabels-3-batch) on the template, headless; returns the
 * wall-clock seconds, or a negative number and `error`. */
double   loket_bench_cards_glabels_run     (const char           *glabels,
                                            const char           *template_path,
                                            const char           *pdf_path,
                                            GError              **error);

G_END_DECLS
