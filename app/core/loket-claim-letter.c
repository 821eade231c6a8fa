/* loket-claim-letter.c: the letter of a claim's decision as a PDF.
 *
 * Written top to bottom with a cursor, a new A4 page when the next line
 * does not fit; each copy starts on its own page. Everything printed is
 * Indonesian by design, like the cards and receipts; only the clerk's
 * error messages are translated. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "loket-claim-letter.h"
#include "loket-error.h"
#include "loket-format.h"
#include "loket-kpj.h"
#include "loket-pdf.h"

#define MM LOKET_PDF_MM
#define PAGE_W (210.0 * MM)
#define PAGE_H (297.0 * MM)
#define MARGIN (22.0 * MM)
#define BOTTOM (22.0 * MM)     /* the footer stands below this */
#define SIZE 10.5
#define LEADING 1.4
#define LABEL_W (40.0 * MM)
#define INDENT (6.0 * MM)

typedef enum { INK, GREY, GREEN, RED } Color;

typedef struct {
  LoketPdf   *pdf;        /* borrowed */
  HPDF_Page   page;       /* NULL until the copy's first line */
  double      top;        /* where the next line's top is */
  double      width;      /* between the margins */
  const char *number;     /* the letter number, in the footer */
  const char *copy;       /* whose copy, in the footer */
  guint       page_of_copy;
} Writer;

static void
set_color (HPDF_Page page,
           Color     color)
{
  switch (color)
    {
    case GREY: HPDF_Page_SetRGBFill (page, 0.38, 0.40, 0.42); break;
    case GREEN: HPDF_Page_SetRGBFill (page, 0.0, 0.49, 0.29); break;
    case RED: HPDF_Page_SetRGBFill (page, 0.70, 0.05, 0.05); break;
    case INK:
    default: HPDF_Page_SetRGBFill (page, 0.08, 0.09, 0.10); break;
    }
}

static void
start_page (Writer *w)
{
  g_autofree char *footer = NULL;
  g_autofree char *printable = NULL;
  double size = 8.0;

  w->page = loket_pdf_add_page (w->pdf, PAGE_W, PAGE_H);
  w->top = PAGE_H - MARGIN;
  if (w->page == NULL)
    return;
  w->page_of_copy++;
  footer = g_strdup_printf ("Nomor %s · %s · halaman %u", w->number, w->copy, w->page_of_copy);
  printable = loket_pdf_printable (w->pdf, w->pdf->regular, footer);
  set_color (w->page, GREY);
  loket_pdf_put_text (w->page, w->pdf->regular, size,
                      (PAGE_W - loket_pdf_text_width (w->pdf->regular, printable, size)) / 2,
                      BOTTOM / 2, printable);
}

/* Makes room for `height` below the cursor, on a new page if need be. */
static void
ensure (Writer *w,
        double  height)
{
  if (w->page == NULL || w->top - height < BOTTOM)
    start_page (w);
}

/* One line of printable text at `x` from the left margin, and `right` (may
 * be NULL) set flush right on the same line. */
static void
put_line (Writer      *w,
          HPDF_Font    font,
          double       size,
          double       x,
          const char  *text,
          const char  *right,
          Color        color,
          gboolean     center)
{
  ensure (w, size * LEADING);
  if (w->page == NULL)
    return;
  set_color (w->page, color);
  if (center)
    x = (w->width - loket_pdf_text_width (font, text, size)) / 2;
  loket_pdf_put_text (w->page, font, size, MARGIN + x, w->top - size, text);
  if (right != NULL)
    loket_pdf_put_text (w->page, font, size,
                        MARGIN + w->width - loket_pdf_text_width (font, right, size), w->top - size, right);
  w->top -= size * LEADING;
}

/* Wrapped text from `x`. */
static void
put_text (Writer      *w,
          HPDF_Font    font,
          double       size,
          double       x,
          const char  *raw,
          Color        color,
          gboolean     center)
{
  g_autofree char *text = loket_pdf_printable (w->pdf, font, raw);
  g_autoptr(GPtrArray) lines = loket_pdf_wrap (font, text, size, w->width - x);

  for (guint i = 0; i < lines->len; i++)
    put_line (w, font, size, x, g_ptr_array_index (lines, i), NULL, color, center);
}

/* "Label      value", the value wrapped in its column. */
static void
put_pair (Writer     *w,
          const char *label,
          const char *raw,
          gboolean    strong)
{
  HPDF_Font font = strong ? w->pdf->bold : w->pdf->regular;
  g_autofree char *value = loket_pdf_printable (w->pdf, font, raw != NULL && *raw != '\0' ? raw : "-");
  g_autofree char *name = loket_pdf_printable (w->pdf, w->pdf->regular, label);
  g_autoptr(GPtrArray) lines = loket_pdf_wrap (font, value, SIZE, w->width - LABEL_W);

  for (guint i = 0; i < lines->len; i++)
    {
      ensure (w, SIZE * LEADING);
      if (w->page == NULL)
        return;
      if (i == 0)
        {
          set_color (w->page, GREY);
          loket_pdf_put_text (w->page, w->pdf->regular, SIZE, MARGIN, w->top - SIZE, name);
        }
      put_line (w, font, SIZE, LABEL_W, g_ptr_array_index (lines, i), NULL, INK, FALSE);
    }
}

/* A description wrapped beside its amount, which stands on its last line. */
static void
put_item (Writer     *w,
          HPDF_Font   font,
          double      indent,
          const char *raw,
          gint64      amount)
{
  g_autofree char *money = loket_format_rupiah (amount);
  g_autofree char *text = loket_pdf_printable (w->pdf, font, raw);
  double room = w->width - indent - loket_pdf_text_width (font, money, SIZE) - SIZE;
  g_autoptr(GPtrArray) lines = loket_pdf_wrap (font, text, SIZE, room);

  for (guint i = 0; i < lines->len; i++)
    put_line (w, font, SIZE, indent, g_ptr_array_index (lines, i),
              i + 1 == lines->len ? money : NULL, INK, FALSE);
}

/* "1." hanging before its wrapped text. */
static void
put_numbered (Writer     *w,
              guint       number,
              const char *raw)
{
  g_autofree char *mark = g_strdup_printf ("%u.", number);
  g_autofree char *text = loket_pdf_printable (w->pdf, w->pdf->regular, raw);
  g_autoptr(GPtrArray) lines = loket_pdf_wrap (w->pdf->regular, text, SIZE, w->width - 2 * INDENT);

  for (guint i = 0; i < lines->len; i++)
    {
      ensure (w, SIZE * LEADING);
      if (w->page == NULL)
        return;
      if (i == 0)
        {
          set_color (w->page, INK);
          loket_pdf_put_text (w->page, w->pdf->regular, SIZE, MARGIN + INDENT, w->top - SIZE, mark);
        }
      put_line (w, w->pdf->regular, SIZE, 2 * INDENT, g_ptr_array_index (lines, i), NULL, INK, FALSE);
    }
}

static void
put_rule (Writer *w)
{
  ensure (w, SIZE);
  if (w->page == NULL)
    return;
  HPDF_Page_SetLineWidth (w->page, 0.5);
  HPDF_Page_SetRGBStroke (w->page, 0.38, 0.40, 0.42);
  HPDF_Page_MoveTo (w->page, MARGIN, w->top - SIZE / 2);
  HPDF_Page_LineTo (w->page, MARGIN + w->width, w->top - SIZE / 2);
  HPDF_Page_Stroke (w->page);
  w->top -= SIZE;
}

static void
put_gap (Writer *w,
         double  height)
{
  w->top -= height;
}

/* ---- the words of the letter --------------------------------------------- */

static const char *
program_name (LoketClaimProgram program)
{
  switch (program)
    {
    case LOKET_CLAIM_JKM: return "Jaminan Kematian (JKM)";
    case LOKET_CLAIM_JKK: return "Jaminan Kecelakaan Kerja (JKK)";
    case LOKET_CLAIM_JHT: return "Jaminan Hari Tua (JHT)";
    case LOKET_CLAIM_BEASISWA: return "Beasiswa Pendidikan Anak";
    case LOKET_N_CLAIM_PROGRAMS:
    default: return "-";
    }
}

static const char *
kind_name (LoketClaimKind kind)
{
  switch (kind)
    {
    case LOKET_CLAIM_KIND_DEATH: return "Meninggal dunia";
    case LOKET_CLAIM_KIND_DISABILITY: return "Cacat total tetap";
    case LOKET_CLAIM_KIND_TEMPORARY: return "Sementara tidak mampu bekerja";
    case LOKET_CLAIM_KIND_AGE: return "Mencapai usia pensiun";
    case LOKET_CLAIM_KIND_STOPPED_WORK: return "Berhenti bekerja";
    case LOKET_CLAIM_KIND_PARTIAL_10: return "Pengambilan sebagian 10%";
    case LOKET_CLAIM_KIND_PARTIAL_30: return "Pengambilan sebagian 30% untuk perumahan";
    case LOKET_CLAIM_KIND_LEFT_INDONESIA: return "Meninggalkan Indonesia untuk selamanya";
    case LOKET_CLAIM_KIND_JKM_DEATH: return "Peserta meninggal dunia (JKM)";
    case LOKET_CLAIM_KIND_JKK_DEATH: return "Peserta meninggal dunia akibat kecelakaan kerja (JKK)";
    case LOKET_CLAIM_KIND_JKK_DISABILITY: return "Peserta cacat total tetap akibat kecelakaan kerja (JKK)";
    case LOKET_CLAIM_KIND_NONE:
    case LOKET_N_CLAIM_KINDS:
    default: return NULL;
    }
}

static const char *
relation_name (LoketHeirRelation relation)
{
  switch (relation)
    {
    case LOKET_HEIR_SPOUSE: return "suami/istri";
    case LOKET_HEIR_CHILD: return "anak";
    case LOKET_HEIR_PARENT: return "orang tua";
    case LOKET_HEIR_OTHER:
    case LOKET_N_HEIR_RELATIONS:
    default: return "ahli waris";
    }
}

/* "Disetujui": a status as the letter says it. */
static char *
status_name (LoketClaimStatus status)
{
  g_autofree char *code = g_strdup (loket_claim_status_code (status));

  code[0] = g_ascii_toupper (code[0]);
  return g_steal_pointer (&code);
}

/* The codes of the documents received (or not), by name, in one line. */
static char *
documents_text (LoketClaim *claim,
                gboolean    received)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < claim->documents->len; i++)
    {
      const LoketClaimDocument *document = &g_array_index (claim->documents, LoketClaimDocument, i);
      const char *name = loket_claim_document_letter_label (document->code);

      if (document->received == received)
        g_string_append_printf (text, "%s%s", text->len > 0 ? "; " : "", name != NULL ? name : document->code);
    }
  if (text->len == 0)
    g_string_assign (text, "-");
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* ---- the letter ---------------------------------------------------------- */

static void
write_head (Writer                         *w,
            LoketClaim                     *claim,
            const LoketClaimLetterOptions  *options,
            gboolean                        approved)
{
  LoketPdf *pdf = w->pdf;
  g_autofree char *date = loket_format_date (&claim->decided_on);
  g_autofree char *subject = g_strdup_printf ("%s Klaim %s", approved ? "Persetujuan" : "Penolakan",
                                              program_name (claim->program));
  g_autofree char *office = NULL;

  put_text (w, pdf->bold, 16, 0, "BPJS Ketenagakerjaan", GREEN, FALSE);
  if (options->branch_name != NULL && *options->branch_name != '\0')
    {
      office = options->branch_code != NULL && *options->branch_code != '\0'
               ? g_strdup_printf ("Kantor %s (kode kantor %s)", options->branch_name, options->branch_code)
               : g_strdup_printf ("Kantor %s", options->branch_name);
      put_text (w, pdf->regular, SIZE, 0, office, INK, FALSE);
    }
  put_rule (w);
  put_gap (w, SIZE * 0.5);
  put_pair (w, "Nomor", claim->letter_number, TRUE);
  put_pair (w, "Tanggal", date, FALSE);
  put_pair (w, "Perihal", subject, TRUE);
  put_gap (w, SIZE);
}

static void
write_addressee (Writer     *w,
                 LoketClaim *claim)
{
  LoketPdf *pdf = w->pdf;
  g_autofree char *to = g_strdup_printf ("Sdr. %s", claim->claimant_name);
  g_autofree char *kpj = loket_kpj_format (claim->kpj);
  g_autofree char *who = NULL;

  /* The KPJ in groups, as on the card, to be read back over the phone. */
  if (claim->heir_id != 0)
    who = g_strdup_printf ("Ahli waris (%s) dari peserta %s, KPJ %s", relation_name (claim->claimant_relation),
                           claim->member_name, kpj);
  else
    who = g_strdup_printf ("Peserta BPJS Ketenagakerjaan, KPJ %s", kpj);
  put_text (w, pdf->regular, SIZE, 0, "Kepada Yth.", INK, FALSE);
  put_text (w, pdf->bold, SIZE, 0, to, INK, FALSE);
  put_text (w, pdf->regular, SIZE, 0, who, INK, FALSE);
  put_gap (w, SIZE);
}

static void
write_claim (Writer     *w,
             LoketClaim *claim)
{
  g_autofree char *submitted = loket_format_date (&claim->submitted_on);
  g_autofree char *event = loket_format_date (&claim->event_date);
  g_autofree char *opening = g_strdup_printf ("Dengan hormat, menindaklanjuti pengajuan klaim yang diterima "
                                              "pada %s dengan data sebagai berikut:", submitted);
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, claim->id);
  g_autofree char *kpj = loket_kpj_format (claim->kpj);
  g_autofree char *claimant = claim->heir_id != 0
                              ? g_strdup_printf ("%s (%s)", claim->claimant_name, relation_name (claim->claimant_relation))
                              : g_strdup_printf ("%s (peserta)", claim->claimant_name);

  put_text (w, w->pdf->regular, SIZE, 0, opening, INK, FALSE);
  put_gap (w, SIZE * 0.5);
  put_pair (w, "No. klaim", number, FALSE);
  put_pair (w, "Nama peserta", claim->member_name, FALSE);
  put_pair (w, "KPJ", kpj, FALSE);
  put_pair (w, "Program", program_name (claim->program), FALSE);
  if (kind_name (claim->kind) != NULL)
    put_pair (w, "Jenis klaim", kind_name (claim->kind), FALSE);
  put_pair (w, "Tanggal kejadian", event, FALSE);
  if (claim->months_off > 0)
    {
      g_autofree char *months = g_strdup_printf ("%d bulan", claim->months_off);

      put_pair (w, "Tidak mampu bekerja", months, FALSE);
    }
  if (claim->description != NULL)
    put_pair (w, "Keterangan", claim->description, FALSE);
  put_pair (w, "Pemohon", claimant, FALSE);
  put_pair (w, "Rekening", claim->bank_account, FALSE);
  put_gap (w, SIZE);
}

static void
write_approval (Writer     *w,
                LoketClaim *claim)
{
  LoketPdf *pdf = w->pdf;
  g_autofree char *words = loket_format_terbilang (claim->total);
  g_autofree char *spelled = g_strdup_printf ("Terbilang: %s", words != NULL ? words : "-");
  g_autofree char *payment = NULL;

  put_text (w, pdf->regular, SIZE, 0, "Dengan ini kami sampaikan bahwa klaim tersebut", INK, FALSE);
  put_text (w, pdf->bold, SIZE * 1.3, 0, "DISETUJUI", GREEN, FALSE);
  put_text (w, pdf->regular, SIZE, 0, "dengan rincian manfaat sebagai berikut:", INK, FALSE);
  put_gap (w, SIZE * 0.5);
  for (guint i = 0; i < claim->lines->len; i++)
    {
      const LoketClaimLine *line = &g_array_index (claim->lines, LoketClaimLine, i);
      g_autofree char *label = loket_claim_line_letter_label (claim, line);

      put_item (w, pdf->regular, INDENT, label, line->amount);
    }
  put_rule (w);
  put_item (w, pdf->bold, INDENT, "JUMLAH MANFAAT", claim->total);
  put_text (w, pdf->regular, SIZE, INDENT, spelled, INK, FALSE);
  put_gap (w, SIZE * 0.5);

  if (claim->status == LOKET_CLAIM_DIBAYAR)
    {
      g_autofree char *paid = loket_format_date (&claim->paid_on);

      payment = g_strdup_printf ("Manfaat telah dibayarkan pada %s ke rekening %s atas nama %s.", paid,
                                 claim->bank_account != NULL ? claim->bank_account : "-", claim->claimant_name);
    }
  else if (claim->bank_account != NULL)
    payment = g_strdup_printf ("Manfaat akan dibayarkan ke rekening %s atas nama %s.",
                               claim->bank_account, claim->claimant_name);
  else
    payment = g_strdup ("Manfaat dibayarkan setelah buku rekening bank pemohon diserahkan.");
  put_text (w, pdf->regular, SIZE, 0, payment, INK, FALSE);
}

static void
write_rejection (Writer     *w,
                 LoketClaim *claim)
{
  LoketPdf *pdf = w->pdf;
  const LoketClaimEvent *event = loket_claim_find_event (claim, LOKET_CLAIM_DITOLAK);
  guint number = 0;

  put_text (w, pdf->regular, SIZE, 0, "Dengan ini kami sampaikan bahwa klaim tersebut", INK, FALSE);
  put_text (w, pdf->bold, SIZE * 1.3, 0, "DITOLAK", RED, FALSE);
  put_text (w, pdf->regular, SIZE, 0, "dengan alasan sebagai berikut:", INK, FALSE);
  put_gap (w, SIZE * 0.5);
  for (guint i = 0; i < claim->reasons->len; i++)
    {
      const LoketClaimReason *reason = g_ptr_array_index (claim->reasons, i);

      put_numbered (w, ++number, reason->letter != NULL ? reason->letter : reason->message);
    }
  if (event != NULL && event->reason != NULL)
    put_numbered (w, ++number, event->reason);
  put_gap (w, SIZE * 0.5);
  put_text (w, pdf->regular, SIZE, 0,
            "Pemohon dapat mengajukan klaim kembali bila alasan penolakan telah diselesaikan, "
            "dengan membawa surat ini.", INK, FALSE);
}

static void
write_documents (Writer     *w,
                 LoketClaim *claim)
{
  g_autofree char *received = documents_text (claim, TRUE);
  g_autofree char *missing = documents_text (claim, FALSE);

  put_gap (w, SIZE);
  put_pair (w, "Dokumen diterima", received, FALSE);
  put_pair (w, "Belum diterima", missing, FALSE);
}

static void
write_signature (Writer                         *w,
                 LoketClaim                     *claim,
                 const LoketClaimLetterOptions  *options,
                 gboolean                        approved)
{
  LoketPdf *pdf = w->pdf;
  const LoketClaimEvent *decision = loket_claim_find_event (claim, approved ? LOKET_CLAIM_DISETUJUI
                                                                            : LOKET_CLAIM_DITOLAK);
  g_autofree char *office = g_strdup_printf ("BPJS Ketenagakerjaan %s",
                                             options->branch_name != NULL ? options->branch_name : "");
  double x = w->width / 2;

  put_gap (w, SIZE);
  put_text (w, pdf->regular, SIZE, 0, "Demikian kami sampaikan. Atas perhatian Saudara kami ucapkan terima kasih.",
            INK, FALSE);
  put_gap (w, SIZE);
  /* The signature block stays on one page. */
  ensure (w, SIZE * LEADING * 4 + 18 * MM);
  put_text (w, pdf->regular, SIZE, x, "Hormat kami,", INK, FALSE);
  put_text (w, pdf->regular, SIZE, x, g_strstrip (office), INK, FALSE);
  put_gap (w, 18 * MM);
  put_text (w, pdf->bold, SIZE, x, decision != NULL ? decision->clerk : claim->clerk, INK, FALSE);
  put_text (w, pdf->regular, SIZE, x, "Petugas yang memutuskan", GREY, FALSE);
}

/* The branch's copy keeps the claim's whole history. */
static void
write_history (Writer     *w,
               LoketClaim *claim)
{
  put_gap (w, SIZE);
  put_rule (w);
  put_text (w, w->pdf->bold, SIZE, 0, "Riwayat klaim (salinan arsip)", INK, FALSE);
  for (guint i = 0; i < claim->history->len; i++)
    {
      const LoketClaimEvent *event = g_ptr_array_index (claim->history, i);
      g_autofree char *on = loket_format_date (&event->on);
      g_autofree char *status = status_name (event->to);
      g_autofree char *text = event->reason != NULL
                              ? g_strdup_printf ("%s · %s · %s · %s", on, status, event->clerk, event->reason)
                              : g_strdup_printf ("%s · %s · %s", on, status, event->clerk);

      put_text (w, w->pdf->regular, SIZE * 0.9, 0, text, GREY, FALSE);
    }
}

static void
write_copy (Writer                         *w,
            LoketClaim                     *claim,
            const LoketClaimLetterOptions  *options,
            const char                     *copy,
            gboolean                        internal)
{
  gboolean approved = claim->status != LOKET_CLAIM_DITOLAK;

  w->page = NULL;
  w->copy = copy;
  w->page_of_copy = 0;
  if (internal)
    put_text (w, w->pdf->bold, SIZE, 0, "SALINAN UNTUK ARSIP KANTOR CABANG", RED, TRUE);
  write_head (w, claim, options, approved);
  write_addressee (w, claim);
  write_claim (w, claim);
  if (approved)
    write_approval (w, claim);
  else
    write_rejection (w, claim);
  write_documents (w, claim);
  write_signature (w, claim, options, approved);
  if (internal)
    write_history (w, claim);
}

gboolean
loket_claim_letter_write_pdf (LoketClaim                     *claim,
                              const LoketClaimLetterOptions  *options,
                              const char                     *path,
                              guint                          *pages_out,
                              GError                        **error)
{
  g_autoptr(LoketPdf) pdf = NULL;
  g_autofree char *title = NULL;
  Writer writer = { 0, };

  g_return_val_if_fail (LOKET_IS_CLAIM (claim), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (claim->letter_number == NULL
      || (claim->status != LOKET_CLAIM_DISETUJUI && claim->status != LOKET_CLAIM_DITOLAK
          && claim->status != LOKET_CLAIM_DIBAYAR))
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, claim->id);

      g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                   /* Translators: a claim number, a status such as "Submitted" */
                   _("Letter: claim %s is not decided yet (%s). Its letter is written once it is approved or rejected."),
                   number, loket_claim_status_label (claim->status));
      return FALSE;
    }

  title = g_strdup_printf ("Surat klaim %s", claim->letter_number);
  if ((pdf = loket_pdf_new (title, error)) == NULL)
    return FALSE;
  writer.pdf = pdf;
  writer.width = PAGE_W - 2 * MARGIN;
  writer.number = claim->letter_number;
  write_copy (&writer, claim, options, "Untuk pemohon", FALSE);
  write_copy (&writer, claim, options, "Salinan arsip kantor cabang", TRUE);

  if (!loket_pdf_save (pdf, path, error))
    return FALSE;
  if (pages_out != NULL)
    *pages_out = pdf->pages;
  return TRUE;
}
