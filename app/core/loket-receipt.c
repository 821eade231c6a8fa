/* loket-receipt.c: receipts as a PDF.
 *
 * The receipt is laid out once as a list of lines at the paper's width
 * (wrapped, amounts set right), then the lines are put on pages: A4 pages
 * one after another, or a roll page as long as the receipt. Everything
 * printed is Indonesian by design, like the cards; only the clerk's error
 * messages are translated. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "loket-date.h"
#include "loket-error.h"
#include "loket-format.h"
#include "loket-kpj.h"
#include "loket-pdf.h"
#include "loket-receipt.h"

#define MM LOKET_PDF_MM
/* PDF viewers refuse pages longer than 200 inches; a roll receipt longer
 * than that (a cooperative of hundreds) goes on to a second page. */
#define ROLL_PAGE_MAX (14000.0)

#define INK 0.08, 0.09, 0.10
#define GREY 0.38, 0.40, 0.42
#define GREEN 0.0, 0.49, 0.29
#define RED 0.70, 0.05, 0.05

const char *
loket_receipt_width_code (LoketReceiptWidth width)
{
  return width == LOKET_RECEIPT_ROLL_80MM ? "80mm" : "a4";
}

gboolean
loket_receipt_width_parse (const char         *text,
                           const char         *field_label,
                           LoketReceiptWidth  *out,
                           GError            **error)
{
  g_autofree char *tidy = g_strstrip (g_strdup (text != NULL ? text : ""));

  if (g_ascii_strcasecmp (tidy, "a4") == 0)
    *out = LOKET_RECEIPT_A4;
  else if (g_ascii_strcasecmp (tidy, "80mm") == 0 || g_ascii_strcasecmp (tidy, "80") == 0)
    *out = LOKET_RECEIPT_ROLL_80MM;
  else
    {
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                   _("%s: “%s” is not a receipt paper. Choose a4 or 80mm (a thermal roll)."),
                   field_label, tidy);
      return FALSE;
    }
  return TRUE;
}

/* ---- the paper ----------------------------------------------------------- */

typedef struct {
  double width;
  double margin;
  double size;        /* the body text */
  double label_width; /* the labels of "No. kwitansi : …" */
} Paper;

static const Paper papers[] = {
  [LOKET_RECEIPT_A4] = { 210.0 * MM, 20.0 * MM, 10.0, 32.0 * MM },
  [LOKET_RECEIPT_ROLL_80MM] = { 80.0 * MM, 4.0 * MM, 7.5, 20.0 * MM },
};

#define A4_HEIGHT (297.0 * MM)

/* ---- lines --------------------------------------------------------------- */

typedef enum {
  LINE_TEXT,
  LINE_RULE,
  LINE_GAP,
} LineKind;

typedef enum {
  COLOR_INK,
  COLOR_GREY,
  COLOR_GREEN,
  COLOR_RED,
} LineColor;

typedef struct {
  LineKind   kind;
  HPDF_Font  font;
  double     size;
  double     height;   /* how far the line moves down */
  double     x;        /* from the left margin */
  char      *text;     /* printable; may be NULL */
  char      *right;    /* printable, set flush right; may be NULL */
  gboolean   center;
  LineColor  color;
} Line;

typedef struct {
  LoketPdf    *pdf;     /* borrowed */
  const Paper *paper;
  double       width;   /* between the margins */
  GArray      *lines;   /* Line, owned */
} Layout;

static void
line_clear (gpointer data)
{
  Line *line = data;

  g_free (line->text);
  g_free (line->right);
}

static void
add_line (Layout     *layout,
          HPDF_Font   font,
          double      size,
          double      x,
          const char *text,
          const char *right,
          gboolean    center,
          LineColor   color)
{
  Line line = { LINE_TEXT, font, size, size * 1.38, x, g_strdup (text), g_strdup (right), center, color };

  g_array_append_val (layout->lines, line);
}

static void
add_space (Layout   *layout,
           LineKind  kind,
           double    height)
{
  Line line = { kind, NULL, 0, height, 0, NULL, NULL, FALSE, COLOR_INK };

  g_array_append_val (layout->lines, line);
}

/* Wrapped text, each line centred or from `x`. */
static void
lay_text (Layout      *layout,
          HPDF_Font    font,
          double       size,
          const char  *raw,
          gboolean     center,
          LineColor    color)
{
  g_autofree char *text = loket_pdf_printable (layout->pdf, font, raw);
  g_autoptr(GPtrArray) lines = loket_pdf_wrap (font, text, size, layout->width);

  for (guint i = 0; i < lines->len; i++)
    add_line (layout, font, size, 0, g_ptr_array_index (lines, i), NULL, center, color);
}

/* "Label   value", the value wrapped in its column. */
static void
lay_pair (Layout     *layout,
          const char *label,
          const char *raw,
          gboolean    strong)
{
  const Paper *paper = layout->paper;
  HPDF_Font font = strong ? layout->pdf->bold : layout->pdf->regular;
  g_autofree char *value = loket_pdf_printable (layout->pdf, font, raw != NULL && *raw != '\0' ? raw : "-");
  g_autoptr(GPtrArray) lines = loket_pdf_wrap (font, value, paper->size, layout->width - paper->label_width);

  add_line (layout, layout->pdf->regular, paper->size, 0, label, NULL, FALSE, COLOR_GREY);
  /* The value sits on the label's line: take the label's line back. */
  for (guint i = 0; i < lines->len; i++)
    {
      Line *last = &g_array_index (layout->lines, Line, layout->lines->len - 1);

      if (i == 0)
        last->height = 0;
      add_line (layout, font, paper->size, paper->label_width, g_ptr_array_index (lines, i), NULL, FALSE, COLOR_INK);
    }
}

/* A description wrapped beside its amount, which stands on the last line. */
static void
lay_item (Layout     *layout,
          HPDF_Font   font,
          double      indent,
          const char *raw,
          gint64      amount)
{
  const Paper *paper = layout->paper;
  g_autofree char *money = loket_format_rupiah (amount);
  g_autofree char *text = loket_pdf_printable (layout->pdf, font, raw);
  double amount_width = loket_pdf_text_width (font, money, paper->size);
  g_autoptr(GPtrArray) lines = loket_pdf_wrap (font, text, paper->size,
                                               layout->width - indent - amount_width - paper->size);

  for (guint i = 0; i < lines->len; i++)
    add_line (layout, font, paper->size, indent, g_ptr_array_index (lines, i),
              i + 1 == lines->len ? money : NULL, FALSE, COLOR_INK);
}

/* ---- the receipt --------------------------------------------------------- */

static char *
program_name (const char *code)
{
  return g_ascii_strup (code, -1);
}

static const char *
payer_text (const char *payer)
{
  if (g_strcmp0 (payer, "coop") == 0)
    return "Koperasi";
  if (g_strcmp0 (payer, "members") == 0)
    return "Koperasi, dari iuran anggota";
  if (g_strcmp0 (payer, "sponsor") == 0)
    return "Sponsor";
  if (g_strcmp0 (payer, "pemda") == 0)
    return "Pemerintah daerah (APBD)";
  return NULL;
}

static void
lay_payment (Layout       *layout,
             LoketPayment *payment,
             gboolean      subtotal)
{
  const Paper *paper = layout->paper;
  double indent = paper->size;
  g_autofree char *span = loket_month_span_format (&payment->month_from, &payment->month_until);
  g_autofree char *kpj = loket_kpj_format (payment->kpj);
  g_autofree char *who = g_strdup_printf ("%s · KPJ %s", payment->name, kpj);
  g_autofree char *period = g_strdup_printf ("Masa iuran %s (%d bulan)", span, payment->months);

  lay_text (layout, layout->pdf->bold, paper->size, who, FALSE, COLOR_INK);
  lay_text (layout, layout->pdf->regular, paper->size, period, FALSE, COLOR_GREY);
  for (guint i = 0; i < payment->lines->len; i++)
    {
      const LoketPaymentLine *line = &g_array_index (payment->lines, LoketPaymentLine, i);
      g_autofree char *name = program_name (line->program);
      g_autofree char *monthly = loket_format_rupiah (line->monthly);
      g_autofree char *months = NULL;
      g_autofree char *text = NULL;
      GDate until;

      loket_date_add_months_first (&line->month_from, line->months - 1, &until);
      months = loket_month_span_format (&line->month_from, &until);
      if (line->discount > 0)
        {
          g_autofree char *discount = loket_format_rupiah (line->discount);

          text = g_strdup_printf ("%s %s: %d × %s (potongan PP 50/2025 %s)",
                                  name, months, line->months, monthly, discount);
        }
      else
        text = g_strdup_printf ("%s %s: %d × %s", name, months, line->months, monthly);
      lay_item (layout, layout->pdf->regular, indent, text, line->amount);
    }
  if (subtotal)
    lay_item (layout, layout->pdf->bold, indent, "Jumlah", payment->total);
  add_space (layout, LINE_GAP, paper->size * 0.6);
}

static void
lay_receipt (Layout                    *layout,
             LoketReceipt              *receipt,
             const LoketReceiptOptions *options)
{
  const Paper *paper = layout->paper;
  LoketPdf *pdf = layout->pdf;
  g_autofree char *date = loket_format_date_long (&receipt->paid_on);
  g_autofree char *words = loket_format_terbilang (receipt->total);
  g_autofree char *spelled = g_strdup_printf ("Terbilang: %s", words != NULL ? words : "-");
  g_autofree char *payer = NULL;
  const char *payer_kind = payer_text (receipt->payer);

  lay_text (layout, pdf->bold, paper->size * 1.5, "BPJS Ketenagakerjaan", TRUE, COLOR_GREEN);
  if (options->branch_name != NULL && *options->branch_name != '\0')
    lay_text (layout, pdf->regular, paper->size, options->branch_name, TRUE, COLOR_INK);
  add_space (layout, LINE_GAP, paper->size * 0.5);
  lay_text (layout, pdf->bold, paper->size * 1.2, "KWITANSI PEMBAYARAN IURAN", TRUE, COLOR_INK);
  add_space (layout, LINE_RULE, paper->size);

  payer = payer_kind != NULL ? g_strdup_printf ("%s (%s)", receipt->payer_name, payer_kind)
                             : g_strdup (receipt->payer_name);
  lay_pair (layout, "No. kwitansi", receipt->number, TRUE);
  lay_pair (layout, "Tanggal", date, FALSE);
  lay_pair (layout, "Diterima dari", payer, FALSE);
  lay_pair (layout, "Saluran", loket_channel_receipt_label (receipt->channel), FALSE);
  if (receipt->reference != NULL)
    lay_pair (layout, "Referensi", receipt->reference, FALSE);
  if (receipt->payments->len > 1)
    {
      g_autofree char *count = g_strdup_printf ("%u peserta", receipt->payments->len);

      lay_pair (layout, "Untuk", count, FALSE);
    }
  add_space (layout, LINE_RULE, paper->size);

  for (guint i = 0; i < receipt->payments->len; i++)
    lay_payment (layout, g_ptr_array_index (receipt->payments, i), receipt->payments->len > 1);

  add_space (layout, LINE_RULE, paper->size);
  lay_item (layout, pdf->bold, 0, "TOTAL", receipt->total);
  lay_text (layout, pdf->regular, paper->size, spelled, FALSE, COLOR_INK);
  add_space (layout, LINE_RULE, paper->size);
  lay_pair (layout, "Petugas", receipt->clerk, FALSE);

  if (receipt->reversed)
    {
      g_autofree char *on = loket_format_date (&receipt->reversed_on);
      g_autofree char *why = g_strdup_printf ("Dibatalkan pada %s oleh %s. Alasan: %s", on,
                                              receipt->reversed_by, receipt->reversal_reason);

      add_space (layout, LINE_GAP, paper->size);
      lay_text (layout, pdf->bold, paper->size * 1.3, "DIBATALKAN", TRUE, COLOR_RED);
      lay_text (layout, pdf->regular, paper->size, why, TRUE, COLOR_RED);
    }

  add_space (layout, LINE_GAP, paper->size);
  lay_text (layout, pdf->regular, paper->size * 0.85,
            "Simpan kwitansi ini sebagai bukti pembayaran iuran. Perlindungan berlaku sampai akhir bulan "
            "terakhir yang dibayar. Layanan Masyarakat 175.", TRUE, COLOR_GREY);
}

/* ---- pages --------------------------------------------------------------- */

static void
set_color (HPDF_Page page,
           LineColor color)
{
  switch (color)
    {
    case COLOR_GREY: HPDF_Page_SetRGBFill (page, GREY); break;
    case COLOR_GREEN: HPDF_Page_SetRGBFill (page, GREEN); break;
    case COLOR_RED: HPDF_Page_SetRGBFill (page, RED); break;
    case COLOR_INK:
    default: HPDF_Page_SetRGBFill (page, INK); break;
    }
}

static void
draw_line (Layout      *layout,
           HPDF_Page    page,
           const Line  *line,
           double       top)
{
  const Paper *paper = layout->paper;
  double left = paper->margin;

  if (line->kind == LINE_RULE)
    {
      HPDF_Page_SetLineWidth (page, 0.5);
      HPDF_Page_SetRGBStroke (page, GREY);
      HPDF_Page_MoveTo (page, left, top - line->height / 2);
      HPDF_Page_LineTo (page, left + layout->width, top - line->height / 2);
      HPDF_Page_Stroke (page);
      return;
    }
  if (line->kind != LINE_TEXT)
    return;

  set_color (page, line->color);
  if (line->text != NULL)
    {
      double x = left + line->x;

      if (line->center)
        x = left + (layout->width - loket_pdf_text_width (line->font, line->text, line->size)) / 2;
      loket_pdf_put_text (page, line->font, line->size, x, top - line->size, line->text);
    }
  if (line->right != NULL)
    loket_pdf_put_text (page, line->font, line->size,
                        left + layout->width - loket_pdf_text_width (line->font, line->right, line->size),
                        top - line->size, line->right);
}

/* The lines from `first` that fit in `room`, at least one. */
static guint
lines_fitting (Layout *layout,
               guint   first,
               double  room)
{
  double used = 0;
  guint i;

  for (i = first; i < layout->lines->len; i++)
    {
      double height = g_array_index (layout->lines, Line, i).height;

      if (i > first && used + height > room)
        break;
      used += height;
    }
  return i;
}

static double
height_of (Layout *layout,
           guint   first,
           guint   end)
{
  double height = 0;

  for (guint i = first; i < end; i++)
    height += g_array_index (layout->lines, Line, i).height;
  return height;
}

static void
draw_pages (Layout            *layout,
            LoketReceiptWidth  width)
{
  const Paper *paper = layout->paper;
  guint first = 0;

  while (first < layout->lines->len && layout->pdf->status == HPDF_OK)
    {
      double page_height = width == LOKET_RECEIPT_A4 ? A4_HEIGHT : ROLL_PAGE_MAX;
      guint end = lines_fitting (layout, first, page_height - 2 * paper->margin);
      double top;
      HPDF_Page page;

      /* A roll is cut where the receipt ends. */
      if (width == LOKET_RECEIPT_ROLL_80MM)
        page_height = height_of (layout, first, end) + 2 * paper->margin;
      page = loket_pdf_add_page (layout->pdf, paper->width, page_height);
      if (page == NULL)
        return;
      top = page_height - paper->margin;
      for (guint i = first; i < end; i++)
        {
          const Line *line = &g_array_index (layout->lines, Line, i);

          draw_line (layout, page, line, top);
          top -= line->height;
        }
      first = end;
    }
}

gboolean
loket_receipt_write_pdf (LoketReceipt              *receipt,
                         const LoketReceiptOptions *options,
                         const char                *path,
                         guint                     *pages_out,
                         GError                   **error)
{
  g_autoptr(LoketPdf) pdf = NULL;
  g_autofree char *title = NULL;
  Layout layout = { 0, };
  gboolean ok;

  g_return_val_if_fail (LOKET_IS_RECEIPT (receipt), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  title = g_strdup_printf ("Kwitansi %s", receipt->number);
  if ((pdf = loket_pdf_new (title, error)) == NULL)
    return FALSE;

  layout.pdf = pdf;
  layout.paper = &papers[options->width == LOKET_RECEIPT_ROLL_80MM ? LOKET_RECEIPT_ROLL_80MM : LOKET_RECEIPT_A4];
  layout.width = layout.paper->width - 2 * layout.paper->margin;
  layout.lines = g_array_new (FALSE, TRUE, sizeof (Line));
  g_array_set_clear_func (layout.lines, line_clear);

  lay_receipt (&layout, receipt, options);
  draw_pages (&layout, options->width);
  g_array_unref (layout.lines);

  ok = loket_pdf_save (pdf, path, error);
  if (ok && pages_out != NULL)
    *pages_out = pdf->pages;
  return ok;
}
