/* loket-card.c: membership cards as a PDF, with libharu and libqrencode.
 *
 * Everything printed on the card itself (labels, the back's texts) is
 * Indonesian by design, like the receipts: the card is an Indonesian
 * document whatever language the counter's interface is in, so those texts
 * are not marked for translation. Only the error messages, which the clerk
 * reads, are. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <qrencode.h>

#include "loket-card.h"
#include "loket-card-payload.h"
#include "loket-error.h"
#include "loket-format.h"
#include "loket-kpj.h"
#include "loket-nik.h"
#include "loket-pdf.h"

#define MM LOKET_PDF_MM
#define CARD_W (85.6 * MM)
#define CARD_H (54.0 * MM)
#define A4_W (210.0 * MM)
#define A4_H (297.0 * MM)
#define SHEET_COLS 2
#define SHEET_ROWS 5
#define SHEET_CARDS (SHEET_COLS * SHEET_ROWS)

#define MARGIN 9.0          /* the card's inner margin, points */
#define HEADER_H 27.0       /* the front's coloured band */
#define QR_BOX 66.0         /* the QR code with its quiet zone */
#define QR_QUIET_MODULES 4

/* BPJS Ketenagakerjaan's green, and an accent. */
#define GREEN 0.0, 0.49, 0.29
#define ACCENT 0.96, 0.71, 0.09
#define GREY 0.38, 0.40, 0.42
#define INK 0.08, 0.09, 0.10

typedef struct {
  LoketPdf               *pdf;      /* owned */
  const LoketCardOptions *options;
} Writer;

/* ---- the name ------------------------------------------------------------ */

/* Splits a name into two lines as evenly as its width allows: at the space
 * that makes the longer line shortest, or, for one long word, in the middle. */
static void
split_name (HPDF_Font    font,
            const char  *name,
            char       **first,
            char       **second)
{
  double best = G_MAXDOUBLE;
  glong length = g_utf8_strlen (name, -1);

  *first = NULL;
  *second = NULL;
  for (const char *p = name; *p != '\0'; p++)
    {
      if (*p == ' ')
        {
          g_autofree char *a = g_strndup (name, p - name);
          double longer = MAX (loket_pdf_text_width (font, a, 10), loket_pdf_text_width (font, p + 1, 10));

          if (longer < best)
            {
              best = longer;
              g_free (*first);
              g_free (*second);
              *first = g_steal_pointer (&a);
              *second = g_strdup (p + 1);
            }
        }
    }
  if (*first == NULL)
    {
      *first = g_utf8_substring (name, 0, length / 2);
      *second = g_utf8_substring (name, length / 2, length);
    }
  g_strstrip (*first);
  g_strstrip (*second);
}

/* The member's name within `width` below the top `top` of a box `height`
 * high: one line from 11 pt down to 8.5 pt; else two lines from 8.5 pt
 * down to 6 pt; else two lines at 6 pt, cut with "…". */
static void
draw_name (Writer     *writer,
           HPDF_Page   page,
           double      x,
           double      top,
           double      width,
           const char *raw)
{
  g_autofree char *name = loket_pdf_printable (writer->pdf, writer->pdf->bold, raw);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *first_cut = NULL;
  g_autofree char *second_cut = NULL;
  double size;

  g_strstrip (name);
  for (size = 11; size >= 8.5; size -= 0.25)
    if (loket_pdf_text_width (writer->pdf->bold, name, size) <= width)
      {
        loket_pdf_put_text (page, writer->pdf->bold, size, x, top - 12.5, name);
        return;
      }

  split_name (writer->pdf->bold, name, &first, &second);
  for (size = 8.5; size > 6; size -= 0.25)
    if (loket_pdf_text_width (writer->pdf->bold, first, size) <= width
        && loket_pdf_text_width (writer->pdf->bold, second, size) <= width)
      break;
  first_cut = loket_pdf_truncate (writer->pdf->bold, first, size, width);
  second_cut = loket_pdf_truncate (writer->pdf->bold, second, size, width);
  loket_pdf_put_text (page, writer->pdf->bold, size, x, top - 8.5, first_cut);
  loket_pdf_put_text (page, writer->pdf->bold, size, x, top - 8.5 - size * 1.15, second_cut);
}

/* ---- the QR code --------------------------------------------------------- */

/* The code for `payload` in a square `box` wide whose top left is (x, top),
 * a quiet zone of four modules inside it; the dark modules are rectangles
 * (runs along each row) filled at once. */
static gboolean
draw_qr (HPDF_Page   page,
         const char *payload,
         double      x,
         double      top,
         double      box)
{
  QRcode *code = QRcode_encodeString (payload, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  double module;
  double left, upper;

  if (code == NULL)
    return FALSE;
  module = box / (code->width + 2 * QR_QUIET_MODULES);
  left = x + QR_QUIET_MODULES * module;
  upper = top - QR_QUIET_MODULES * module;

  HPDF_Page_SetRGBFill (page, 1, 1, 1);
  HPDF_Page_Rectangle (page, x, top - box, box, box);
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
  return TRUE;
}

/* ---- the card's sides ---------------------------------------------------- */

static const char *
segment_text (LoketSegment segment)
{
  switch (segment)
    {
    case LOKET_SEGMENT_BPU: return "Bukan Penerima Upah (BPU)";
    case LOKET_SEGMENT_PU: return "Penerima Upah (PU)";
    case LOKET_SEGMENT_JAKON: return "Jasa Konstruksi";
    case LOKET_SEGMENT_PMI: return "Pekerja Migran Indonesia";
    default: return "-";
    }
}

static const struct {
  LoketProgram program;
  const char  *name;
  const char  *covers;
} programs[] = {
  { LOKET_PROGRAM_JKK, "JKK", "Jaminan Kecelakaan Kerja: perawatan tanpa batas biaya sesuai "
                              "kebutuhan medis dan santunan bila mengalami kecelakaan kerja." },
  { LOKET_PROGRAM_JKM, "JKM", "Jaminan Kematian: santunan tunai bagi ahli waris bila "
                              "peserta meninggal dunia." },
  { LOKET_PROGRAM_JHT, "JHT", "Jaminan Hari Tua: tabungan beserta hasil pengembangannya, "
                              "dibayarkan saat berhenti bekerja atau pensiun." },
  { LOKET_PROGRAM_JP,  "JP",  "Jaminan Pensiun: uang bulanan saat memasuki usia pensiun." },
  { LOKET_PROGRAM_JKP, "JKP", "Jaminan Kehilangan Pekerjaan: uang tunai, informasi kerja "
                              "dan pelatihan bila terkena PHK." },
};

static char *
programs_text (LoketPrograms member_programs)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (programs); i++)
    if (member_programs & programs[i].program)
      g_string_append_printf (out, "%s%s", out->len > 0 ? " · " : "", programs[i].name);
  if (out->len == 0)
    g_string_append (out, "-");
  return g_string_free (out, FALSE);
}

static char *
date_text (const GDate *date)
{
  return g_date_valid (date) ? loket_format_date (date) : g_strdup ("-");
}

/* The front of `member`'s card, its bottom left at (ox, oy). */
static void
draw_front (Writer      *writer,
            HPDF_Page    page,
            double       ox,
            double       oy,
            LoketMember *member)
{
  const LoketCardOptions *options = writer->options;
  double top = oy + CARD_H;
  double quiet = QR_BOX * QR_QUIET_MODULES / (25.0 + 2 * QR_QUIET_MODULES);
  double qr_x = ox + CARD_W - MARGIN + quiet - QR_BOX;
  double qr_top = top - HEADER_H - 27;
  double label_x = ox + MARGIN;
  double value_x = ox + MARGIN + 44;
  double value_w = qr_x + quiet - 6 - value_x;
  g_autofree char *kpj = loket_kpj_format (member->kpj);
  g_autofree char *nik = member->nik == NULL ? g_strdup ("-")
                         : options->show_nik ? g_strdup (member->nik)
                         : loket_nik_mask (member->nik);
  g_autofree char *birth = date_text (&member->birth_date);
  g_autofree char *since = date_text (&member->registered_on);
  g_autofree char *member_programs = programs_text (member->programs);
  g_autofree char *payload = loket_card_payload_make (member->kpj);
  struct { const char *label; const char *value; gboolean strong; } rows[] = {
    { "No. KPJ", kpj, TRUE },
    { "NIK", nik, FALSE },
    { "Tanggal lahir", birth, FALSE },
    { "Segmen", segment_text (member->segment), FALSE },
    { "Program", member_programs, FALSE },
    { "Peserta sejak", since, FALSE },
    { "Koperasi", options->cooperative_name, FALSE },
  };
  double y = top - HEADER_H - 36;

  /* The header: the agency, the branch, what the card is. */
  HPDF_Page_SetRGBFill (page, GREEN);
  HPDF_Page_Rectangle (page, ox, top - HEADER_H, CARD_W, HEADER_H);
  HPDF_Page_Fill (page);
  HPDF_Page_SetRGBFill (page, ACCENT);
  HPDF_Page_Rectangle (page, ox, top - HEADER_H - 1.6, CARD_W, 1.6);
  HPDF_Page_Fill (page);

  HPDF_Page_SetRGBFill (page, 1, 1, 1);
  loket_pdf_put_text (page, writer->pdf->bold, 9.5, ox + MARGIN, top - 12, "BPJS Ketenagakerjaan");
  loket_pdf_put_text (page, writer->pdf->bold, 5.5,
            ox + CARD_W - MARGIN - loket_pdf_text_width (writer->pdf->bold, "KARTU PESERTA", 5.5),
            top - 11.5, "KARTU PESERTA");
  if (options->branch_name != NULL && *options->branch_name != '\0')
    loket_pdf_fit_text (writer->pdf, page, writer->pdf->regular, 6.5, 5, ox + MARGIN, top - 21.5,
              CARD_W - 2 * MARGIN, options->branch_name);

  /* The name, across the card. */
  HPDF_Page_SetRGBFill (page, INK);
  draw_name (writer, page, ox + MARGIN, top - HEADER_H - 2, CARD_W - 2 * MARGIN,
             member->name != NULL ? member->name : "");

  /* The facts, label and value, beside the QR code. */
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      if (rows[i].value == NULL || *rows[i].value == '\0')
        continue;
      HPDF_Page_SetRGBFill (page, GREY);
      loket_pdf_put_text (page, writer->pdf->regular, 5.3, label_x, y, rows[i].label);
      HPDF_Page_SetRGBFill (page, INK);
      loket_pdf_fit_text (writer->pdf, page, rows[i].strong ? writer->pdf->bold : writer->pdf->regular,
                rows[i].strong ? 7.5 : 6.5, 4.5, value_x, y, value_w, rows[i].value);
      y -= 9.6;
    }

  if (payload != NULL && !draw_qr (page, payload, qr_x, qr_top, QR_BOX))
    writer->pdf->status = writer->pdf->status != HPDF_OK ? writer->pdf->status : HPDF_FAILD_TO_ALLOC_MEM;

  /* The footer. */
  HPDF_Page_SetRGBFill (page, GREY);
  loket_pdf_put_text (page, writer->pdf->regular, 4.6, ox + MARGIN, oy + 7,
            "Layanan Masyarakat 175 · www.bpjsketenagakerjaan.go.id");
}

/* The back: how to pay, what each of the member's programs covers, the
 * contact centre. */
static void
draw_back (Writer      *writer,
           HPDF_Page    page,
           double       ox,
           double       oy,
           LoketMember *member)
{
  const double band = 15;
  const double footer = 17;
  const double width = CARD_W - 2 * MARGIN;
  double top = oy + CARD_H;
  double size;
  g_autoptr(GPtrArray) blocks = g_ptr_array_new_with_free_func (g_free);  /* "B…" or "T…" */
  g_autoptr(GPtrArray) laid = NULL;
  double y;

  g_ptr_array_add (blocks, g_strdup ("BCara membayar iuran"));
  g_ptr_array_add (blocks, g_strdup ("TBayar di kantor cabang, bank, kantor pos, gerai ritel atau "
                                     "aplikasi JMO dengan menyebut nomor KPJ pada kartu ini. "
                                     "Bayar sebelum tanggal 15 setiap bulan agar perlindungan "
                                     "tetap aktif."));
  g_ptr_array_add (blocks, g_strdup ("BManfaat program"));
  for (guint i = 0; i < G_N_ELEMENTS (programs); i++)
    if (member->programs & programs[i].program)
      g_ptr_array_add (blocks, g_strdup_printf ("T%s", programs[i].covers));

  /* The largest size at which every line fits between band and footer. */
  for (size = 6.4; ; size -= 0.2)
    {
      double height = 0;

      g_clear_pointer (&laid, g_ptr_array_unref);
      laid = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; i < blocks->len; i++)
        {
          const char *block = g_ptr_array_index (blocks, i);
          gboolean heading = block[0] == 'B';
          g_autoptr(GPtrArray) lines = loket_pdf_wrap (heading ? writer->pdf->bold : writer->pdf->regular,
                                                  block + 1, heading ? size + 0.6 : size, width);

          if (heading && i > 0)
            height += size * 0.5;
          for (guint j = 0; j < lines->len; j++)
            {
              g_ptr_array_add (laid, g_strdup_printf ("%c%s", block[0], (char *) g_ptr_array_index (lines, j)));
              height += size * 1.22;
            }
        }
      if (height <= CARD_H - band - footer - 8 || size <= 4)
        break;
    }

  HPDF_Page_SetRGBFill (page, GREEN);
  HPDF_Page_Rectangle (page, ox, top - band, CARD_W, band);
  HPDF_Page_Fill (page);
  HPDF_Page_SetRGBFill (page, 1, 1, 1);
  loket_pdf_put_text (page, writer->pdf->bold, 6.5, ox + MARGIN, top - 10, "Informasi untuk peserta");

  HPDF_Page_SetRGBFill (page, INK);
  y = top - band - 4 - size;
  for (guint i = 0; i < laid->len; i++)
    {
      const char *line = g_ptr_array_index (laid, i);
      gboolean heading = line[0] == 'B';

      if (heading && i > 0)
        y -= size * 0.5;
      HPDF_Page_SetRGBFill (page, heading ? 0.0 : 0.08, heading ? 0.40 : 0.09, heading ? 0.24 : 0.10);
      loket_pdf_put_text (page, heading ? writer->pdf->bold : writer->pdf->regular, heading ? size + 0.6 : size,
                ox + MARGIN, y, line + 1);
      y -= size * 1.22;
    }

  HPDF_Page_SetRGBFill (page, ACCENT);
  HPDF_Page_Rectangle (page, ox, oy + footer, CARD_W, 1.2);
  HPDF_Page_Fill (page);
  HPDF_Page_SetRGBFill (page, GREEN);
  loket_pdf_put_text (page, writer->pdf->bold, 7.5, ox + MARGIN, oy + 6, "Layanan Masyarakat 175");
  HPDF_Page_SetRGBFill (page, GREY);
  loket_pdf_fit_text (writer->pdf, page, writer->pdf->regular, 4.6, 3.8,
            ox + MARGIN + loket_pdf_text_width (writer->pdf->bold, "Layanan Masyarakat 175", 7.5) + 8, oy + 6.8,
            CARD_W - 2 * MARGIN - loket_pdf_text_width (writer->pdf->bold, "Layanan Masyarakat 175", 7.5) - 8,
            "Kartu ini tidak dapat dipindahtangankan.");
}

/* ---- pages --------------------------------------------------------------- */

/* Crop marks in the sheet's margins, in line with every cut. */
static void
draw_crop_marks (HPDF_Page page,
                 double    x0,
                 double    y0)
{
  const double gap = 3, length = 9;

  HPDF_Page_SetLineWidth (page, 0.3);
  HPDF_Page_SetRGBStroke (page, 0, 0, 0);
  for (int col = 0; col <= SHEET_COLS; col++)
    {
      double x = x0 + col * CARD_W;

      HPDF_Page_MoveTo (page, x, y0 - gap);
      HPDF_Page_LineTo (page, x, y0 - gap - length);
      HPDF_Page_MoveTo (page, x, y0 + SHEET_ROWS * CARD_H + gap);
      HPDF_Page_LineTo (page, x, y0 + SHEET_ROWS * CARD_H + gap + length);
    }
  for (int row = 0; row <= SHEET_ROWS; row++)
    {
      double y = y0 + row * CARD_H;

      HPDF_Page_MoveTo (page, x0 - gap, y);
      HPDF_Page_LineTo (page, x0 - gap - length, y);
      HPDF_Page_MoveTo (page, x0 + SHEET_COLS * CARD_W + gap, y);
      HPDF_Page_LineTo (page, x0 + SHEET_COLS * CARD_W + gap + length, y);
    }
  HPDF_Page_Stroke (page);
}

static void
write_single (Writer    *writer,
              GPtrArray *members)
{
  for (guint i = 0; i < members->len && writer->pdf->status == HPDF_OK; i++)
    {
      HPDF_Page page = loket_pdf_add_page (writer->pdf, CARD_W, CARD_H);

      if (page == NULL)
        return;
      draw_front (writer, page, 0, 0, g_ptr_array_index (members, i));
      if (writer->options->back && (page = loket_pdf_add_page (writer->pdf, CARD_W, CARD_H)) != NULL)
        draw_back (writer, page, 0, 0, g_ptr_array_index (members, i));
    }
}

/* A4 sheets: the cards fill rows left to right, top to bottom; on the back
 * page each card sits in the other column, so that turning the sheet over
 * its long edge puts every back behind its own front. */
static void
write_sheets (Writer    *writer,
              GPtrArray *members)
{
  const LoketCardOptions *options = writer->options;
  double x0 = (A4_W - SHEET_COLS * CARD_W) / 2 + options->offset_x_mm * MM;
  double y0 = (A4_H - SHEET_ROWS * CARD_H) / 2 - options->offset_y_mm * MM;

  for (guint first = 0; first < members->len && writer->pdf->status == HPDF_OK; first += SHEET_CARDS)
    {
      guint count = MIN (SHEET_CARDS, members->len - first);

      for (int side = 0; side < (options->back ? 2 : 1); side++)
        {
          HPDF_Page page = loket_pdf_add_page (writer->pdf, A4_W, A4_H);

          if (page == NULL)
            return;
          for (guint i = 0; i < count; i++)
            {
              int row = i / SHEET_COLS;
              int col = side == 0 ? (int) (i % SHEET_COLS) : SHEET_COLS - 1 - (int) (i % SHEET_COLS);
              double ox = x0 + col * CARD_W;
              double oy = y0 + (SHEET_ROWS - 1 - row) * CARD_H;

              if (side == 0)
                draw_front (writer, page, ox, oy, g_ptr_array_index (members, first + i));
              else
                draw_back (writer, page, ox, oy, g_ptr_array_index (members, first + i));
            }
          draw_crop_marks (page, x0, y0);
        }
    }
}

/* ---- the file ------------------------------------------------------------ */

gboolean
loket_card_write_pdf (GPtrArray               *members,
                      const LoketCardOptions  *options,
                      const char              *path,
                      guint                   *pages_out,
                      GError                 **error)
{
  Writer writer = { 0 };
  gboolean ok = FALSE;

  g_return_val_if_fail (members != NULL, FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (members->len == 0)
    {
      g_set_error_literal (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                           _("There are no members to print cards for."));
      return FALSE;
    }
  for (guint i = 0; i < members->len; i++)
    {
      LoketMember *member = g_ptr_array_index (members, i);
      g_autofree char *payload = loket_card_payload_make (member->kpj);

      if (payload == NULL)
        {
          g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                       _("%s has no valid KPJ yet: save the registration before printing the card."),
                       member->name != NULL ? member->name : "?");
          return FALSE;
        }
    }

  writer.options = options;
  writer.pdf = loket_pdf_new ("Kartu Peserta BPJS Ketenagakerjaan", error);
  if (writer.pdf == NULL)
    return FALSE;
  if (options->layout == LOKET_CARD_LAYOUT_A4)
    write_sheets (&writer, members);
  else
    write_single (&writer, members);
  ok = loket_pdf_save (writer.pdf, path, error);
  if (ok && pages_out != NULL)
    *pages_out = writer.pdf->pages;
  loket_pdf_free (writer.pdf);
  return ok;
}
