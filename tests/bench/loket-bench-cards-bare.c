/* loket-bench-cards-bare.c: the card benchmark's baseline, the same A4
 * sheets written by a bare libharu loop.
 *
 * The same page content as loket_card_write_pdf with LOKET_CARD_LAYOUT_A4:
 * the same page size and card positions, the same boxes and colours, the
 * same texts in the same embedded DejaVu Sans subsets (one text object per
 * text, as Loket writes them), the QR code encoded by libqrencode with the
 * same settings and drawn as the same runs of dark modules, and the same
 * crop marks; compressed the same way. What it leaves out is Loket's own
 * work around the drawing: no fontconfig look-up (the font files are given),
 * no check that the font has every character, no measuring to shrink, wrap
 * or cut a text that is too wide (every text at its nominal size), no
 * formatting (the texts come ready), and the file written by libharu
 * straight to its path rather than through memory and a temporary file. */
#include <string.h>
#include <hpdf.h>
#include <qrencode.h>

#include "loket-bench-cards.h"
#include "loket-error.h"

typedef struct {
  HPDF_STATUS status;
  HPDF_STATUS detail;
} Status;

static void
on_error (HPDF_STATUS  error_no,
          HPDF_STATUS  detail_no,
          void        *user_data)
{
  Status *status = user_data;

  if (status->status == HPDF_OK)
    {
      status->status = error_no;
      status->detail = detail_no;
    }
}

static void
text (HPDF_Page   page,
      HPDF_Font   font,
      double      size,
      double      x,
      double      y,
      const char *string)
{
  HPDF_Page_BeginText (page);
  HPDF_Page_SetFontAndSize (page, font, size);
  HPDF_Page_TextOut (page, x, y, string);
  HPDF_Page_EndText (page);
}

static void
draw_qr (HPDF_Page   page,
         const char *payload,
         double      x,
         double      top)
{
  QRcode *code = QRcode_encodeString (payload, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  double module, left, upper;

  if (code == NULL)
    return;
  module = BENCH_QR_BOX / (code->width + 2 * BENCH_QR_QUIET);
  left = x + BENCH_QR_QUIET * module;
  upper = top - BENCH_QR_QUIET * module;

  HPDF_Page_SetRGBFill (page, 1, 1, 1);
  HPDF_Page_Rectangle (page, x, top - BENCH_QR_BOX, BENCH_QR_BOX, BENCH_QR_BOX);
  HPDF_Page_Fill (page);
  HPDF_Page_SetRGBFill (page, 0, 0, 0);
  for (int row = 0; row < code->width; row++)
    {
      const unsigned char *cells = code->data + row * code->width;

      for (int col = 0; col < code->width; )
        {
          int end = col;

          if (!(cells[col] & 1))
            {
              col++;
              continue;
            }
          while (end < code->width && (cells[end] & 1))
            end++;
          HPDF_Page_Rectangle (page, left + col * module, upper - (row + 1) * module,
                               (end - col) * module, module);
          col = end;
        }
    }
  HPDF_Page_Fill (page);
  QRcode_free (code);
}

static void
draw_front (HPDF_Page             page,
            HPDF_Font             regular,
            HPDF_Font             bold,
            double                kind_width,
            const char           *branch_name,
            double                ox,
            double                oy,
            const LoketBenchCard *card)
{
  double top = oy + BENCH_CARD_H;

  HPDF_Page_SetRGBFill (page, BENCH_GREEN);
  HPDF_Page_Rectangle (page, ox, top - BENCH_HEADER_H, BENCH_CARD_W, BENCH_HEADER_H);
  HPDF_Page_Fill (page);
  HPDF_Page_SetRGBFill (page, BENCH_ACCENT);
  HPDF_Page_Rectangle (page, ox, top - BENCH_HEADER_H - BENCH_ACCENT_H, BENCH_CARD_W, BENCH_ACCENT_H);
  HPDF_Page_Fill (page);

  HPDF_Page_SetRGBFill (page, 1, 1, 1);
  text (page, bold, 9.5, ox + BENCH_MARGIN, top - 12, BENCH_TITLE);
  text (page, bold, 5.5, ox + BENCH_CARD_W - BENCH_MARGIN - kind_width, top - 11.5, BENCH_KIND);
  text (page, regular, 6.5, ox + BENCH_MARGIN, top - 21.5, branch_name);

  HPDF_Page_SetRGBFill (page, BENCH_INK);
  text (page, bold, 11, ox + BENCH_MARGIN, top - BENCH_HEADER_H - 2 - 12.5, card->name);

  for (guint i = 0; i < BENCH_N_FACTS; i++)
    {
      double y = top - BENCH_ROWS_TOP - i * BENCH_ROW_STEP;

      HPDF_Page_SetRGBFill (page, BENCH_GREY);
      text (page, regular, 5.3, ox + BENCH_MARGIN, y, loket_bench_card_labels[i]);
      HPDF_Page_SetRGBFill (page, BENCH_INK);
      text (page, i == 0 ? bold : regular, i == 0 ? 7.5 : 6.5, ox + BENCH_VALUE_X, y, card->facts[i]);
    }

  draw_qr (page, card->payload, ox + BENCH_QR_X, top - BENCH_QR_TOP);

  HPDF_Page_SetRGBFill (page, BENCH_GREY);
  text (page, regular, 4.6, ox + BENCH_MARGIN, oy + 7, BENCH_FOOTER);
}

static void
draw_crop_marks (HPDF_Page page,
                 double    x0,
                 double    y0)
{
  const double gap = 3, length = 9;

  HPDF_Page_SetLineWidth (page, 0.3);
  HPDF_Page_SetRGBStroke (page, 0, 0, 0);
  for (int col = 0; col <= BENCH_COLS; col++)
    {
      double x = x0 + col * BENCH_CARD_W;

      HPDF_Page_MoveTo (page, x, y0 - gap);
      HPDF_Page_LineTo (page, x, y0 - gap - length);
      HPDF_Page_MoveTo (page, x, y0 + BENCH_ROWS * BENCH_CARD_H + gap);
      HPDF_Page_LineTo (page, x, y0 + BENCH_ROWS * BENCH_CARD_H + gap + length);
    }
  for (int row = 0; row <= BENCH_ROWS; row++)
    {
      double y = y0 + row * BENCH_CARD_H;

      HPDF_Page_MoveTo (page, x0 - gap, y);
      HPDF_Page_LineTo (page, x0 - gap - length, y);
      HPDF_Page_MoveTo (page, x0 + BENCH_COLS * BENCH_CARD_W + gap, y);
      HPDF_Page_LineTo (page, x0 + BENCH_COLS * BENCH_CARD_W + gap + length, y);
    }
  HPDF_Page_Stroke (page);
}

gboolean
loket_bench_cards_bare_write (const LoketBenchCard *cards,
                              guint                 n_cards,
                              const char           *branch_name,
                              const char           *regular_font,
                              const char           *bold_font,
                              const char           *path,
                              guint                *pages_out,
                              GError              **error)
{
  Status status = { HPDF_OK, 0 };
  HPDF_Doc pdf = HPDF_New (on_error, &status);
  HPDF_Font regular = NULL, bold = NULL;
  const char *name;
  double kind_width = 0;
  guint pages = 0;

  if (pdf == NULL)
    {
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_STORAGE, "bare: HPDF_New failed");
      return FALSE;
    }
  HPDF_SetCompressionMode (pdf, HPDF_COMP_ALL);
  HPDF_SetInfoAttr (pdf, HPDF_INFO_CREATOR, "Loket");
  HPDF_SetInfoAttr (pdf, HPDF_INFO_TITLE, "Kartu Peserta BPJS Ketenagakerjaan");
  HPDF_UseUTFEncodings (pdf);
  if ((name = HPDF_LoadTTFontFromFile (pdf, regular_font, HPDF_TRUE)) != NULL)
    regular = HPDF_GetFont (pdf, name, "UTF-8");
  if ((name = HPDF_LoadTTFontFromFile (pdf, bold_font, HPDF_TRUE)) != NULL)
    bold = HPDF_GetFont (pdf, name, "UTF-8");
  if (bold != NULL)
    {
      /* The one measurement: the right-aligned "KARTU PESERTA", once. */
      HPDF_TextWidth width = HPDF_Font_TextWidth (bold, (const HPDF_BYTE *) BENCH_KIND,
                                                  strlen (BENCH_KIND));
      kind_width = width.width * 5.5 / 1000.0;
    }

  for (guint first = 0; first < n_cards && status.status == HPDF_OK; first += BENCH_PER_SHEET)
    {
      HPDF_Page page = HPDF_AddPage (pdf);

      if (page == NULL)
        break;
      HPDF_Page_SetWidth (page, BENCH_A4_W);
      HPDF_Page_SetHeight (page, BENCH_A4_H);
      pages++;
      for (guint i = 0; i < BENCH_PER_SHEET && first + i < n_cards; i++)
        draw_front (page, regular, bold, kind_width, branch_name,
                    BENCH_SHEET_X0 + (i % BENCH_COLS) * BENCH_CARD_W,
                    BENCH_SHEET_Y0 + (BENCH_ROWS - 1 - i / BENCH_COLS) * BENCH_CARD_H,
                    &cards[first + i]);
      draw_crop_marks (page, BENCH_SHEET_X0, BENCH_SHEET_Y0);
    }
  if (status.status == HPDF_OK)
    HPDF_SaveToFile (pdf, path);
  HPDF_Free (pdf);

  if (status.status != HPDF_OK)
    {
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_STORAGE,
                   "bare: libharu error 0x%04X (%u) writing %s",
                   (guint) status.status, (guint) status.detail, path);
      return FALSE;
    }
  if (pages_out != NULL)
    *pages_out = pages;
  return TRUE;
}
