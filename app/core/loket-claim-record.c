/* loket-claim-record.c: the claim record, its benefit lines with their
 * labels in either language, its history, and letter numbers. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "loket-claim-private.h"
#include "loket-format.h"

/* ---- the claim ----------------------------------------------------------- */

void
loket_claim_reason_free (LoketClaimReason *reason)
{
  if (reason == NULL)
    return;
  g_free (reason->field);
  g_free (reason->code);
  g_free (reason->message);
  g_free (reason->letter);
  g_free (reason);
}

static void
event_free (LoketClaimEvent *event)
{
  g_free (event->clerk);
  g_free (event->created_at);
  g_free (event->reason);
  g_free (event);
}

static void
line_clear (gpointer data)
{
  LoketClaimLine *line = data;

  g_clear_pointer (&line->label, g_free);
}

G_DEFINE_FINAL_TYPE (LoketClaim, loket_claim, G_TYPE_OBJECT)

static void
loket_claim_finalize (GObject *object)
{
  LoketClaim *self = LOKET_CLAIM (object);

  g_free (self->kpj);
  g_free (self->member_name);
  g_free (self->description);
  g_free (self->claimant_name);
  g_free (self->bank_account);
  g_free (self->clerk);
  g_free (self->letter_number);
  g_ptr_array_unref (self->reasons);
  g_array_unref (self->lines);
  g_array_unref (self->documents);
  g_ptr_array_unref (self->history);
  G_OBJECT_CLASS (loket_claim_parent_class)->finalize (object);
}

static void
loket_claim_class_init (LoketClaimClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = loket_claim_finalize;
}

static void
loket_claim_init (LoketClaim *self)
{
  self->reasons = g_ptr_array_new_with_free_func ((GDestroyNotify) loket_claim_reason_free);
  self->lines = g_array_new (FALSE, TRUE, sizeof (LoketClaimLine));
  g_array_set_clear_func (self->lines, line_clear);
  self->documents = g_array_new (FALSE, FALSE, sizeof (LoketClaimDocument));
  self->history = g_ptr_array_new_with_free_func ((GDestroyNotify) event_free);
  g_date_clear (&self->event_date, 1);
  g_date_clear (&self->submitted_on, 1);
  g_date_clear (&self->decided_on, 1);
  g_date_clear (&self->paid_on, 1);
}

LoketClaim *
loket_claim_new (void)
{
  return g_object_new (LOKET_TYPE_CLAIM, NULL);
}

/* The year a scholarship line is for: the year the claim was taken. */
static int
claim_year (LoketClaim *claim)
{
  return g_date_valid (&claim->submitted_on) ? (int) g_date_get_year (&claim->submitted_on) : 0;
}

static char *
line_label (LoketClaim           *claim,
            const LoketClaimLine *line)
{
  g_autofree char *base = loket_format_rupiah (line->base);
  g_autofree char *percent = loket_format_percent (line->bp);
  g_autofree char *quantity_money = loket_format_rupiah (line->quantity);

  if (g_str_equal (line->code, "lump-sum"))
    return g_strdup (_("Lump sum"));
  if (g_str_equal (line->code, "periodic"))
    return g_strdup (_("Periodic benefit, paid at once"));
  if (g_str_equal (line->code, "funeral"))
    return g_strdup (_("Funeral costs"));
  if (g_str_equal (line->code, "income-multiple"))
    /* Translators: a multiple such as 48, an amount */
    return g_strdup_printf (_("%d × declared income of %s"), (int) line->quantity, base);
  if (g_str_equal (line->code, "stmb"))
    /* Translators: months, a percentage, an amount */
    return g_strdup_printf (_("Temporary incapacity: %d months at %s of an income of %s"),
                            (int) line->quantity, percent, base);
  if (g_str_equal (line->code, "scholarship"))
    /* Translators: a school level, a year */
    return g_strdup_printf (_("Scholarship, %s, for %d"),
                            loket_school_level_label (claim->school_level), claim_year (claim));
  if (g_str_equal (line->code, "scholarship-cap"))
    /* Translators: the cap, then what was already paid */
    return g_strdup_printf (_("Limited by the cap of %s for all scholarships (%s already paid)"),
                            base, quantity_money);
  if (g_str_equal (line->code, "jht-contributions"))
    return g_strdup (_("JHT contributions recorded"));
  if (g_str_equal (line->code, "jht-returns"))
    /* Translators: a percentage */
    return g_strdup_printf (_("Returns at %s"), percent);
  if (g_str_equal (line->code, "jht-partial-paid"))
    return g_strdup (_("Less the partial withdrawal already paid"));
  if (g_str_equal (line->code, "jht-partial"))
    /* Translators: a percentage, an amount */
    return g_strdup_printf (_("%s of the JHT balance of %s"), percent, base);
  return g_strdup (line->code);
}

char *
loket_claim_line_letter_label (LoketClaim           *claim,
                               const LoketClaimLine *line)
{
  g_autofree char *base = loket_format_rupiah (line->base);
  g_autofree char *percent = loket_format_percent (line->bp);
  g_autofree char *quantity_money = loket_format_rupiah (line->quantity);
  g_autofree char *level = NULL;

  g_return_val_if_fail (LOKET_IS_CLAIM (claim), NULL);

  if (claim->school_level != LOKET_SCHOOL_NONE)
    level = g_ascii_strup (loket_school_level_code (claim->school_level), -1);

  if (g_str_equal (line->code, "lump-sum"))
    return g_strdup ("Santunan sekaligus");
  if (g_str_equal (line->code, "periodic"))
    return g_strdup ("Santunan berkala (dibayar sekaligus)");
  if (g_str_equal (line->code, "funeral"))
    return g_strdup ("Biaya pemakaman");
  if (g_str_equal (line->code, "income-multiple"))
    return g_strdup_printf ("%" G_GINT64_FORMAT " × penghasilan %s", line->quantity, base);
  if (g_str_equal (line->code, "stmb"))
    return g_strdup_printf ("Santunan sementara tidak mampu bekerja %" G_GINT64_FORMAT " bulan × %s × %s",
                            line->quantity, percent, base);
  if (g_str_equal (line->code, "scholarship"))
    return g_strdup_printf ("Beasiswa jenjang %s tahun %d",
                            level != NULL ? level : "-", claim_year (claim));
  if (g_str_equal (line->code, "scholarship-cap"))
    return g_strdup_printf ("Dibatasi batas total beasiswa %s (telah dibayar %s)", base, quantity_money);
  if (g_str_equal (line->code, "jht-contributions"))
    return g_strdup ("Iuran JHT yang tercatat");
  if (g_str_equal (line->code, "jht-returns"))
    return g_strdup_printf ("Hasil pengembangan %s", percent);
  if (g_str_equal (line->code, "jht-partial-paid"))
    return g_strdup ("Dikurangi pengambilan sebagian yang telah dibayar");
  if (g_str_equal (line->code, "jht-partial"))
    return g_strdup_printf ("%s dari saldo JHT %s", percent, base);
  return g_strdup (line->code);
}

void
loket_claim_add_line (LoketClaim *claim,
                      const char *code,
                      gint64      quantity,
                      gint64      base,
                      gint64      bp,
                      gint64      amount)
{
  LoketClaimLine line = { g_intern_string (code), quantity, base, bp, amount, NULL };

  g_return_if_fail (LOKET_IS_CLAIM (claim));
  line.label = line_label (claim, &line);
  g_array_append_val (claim->lines, line);
  claim->total += amount;
}

const LoketClaimEvent *
loket_claim_find_event (LoketClaim       *claim,
                        LoketClaimStatus  status)
{
  g_return_val_if_fail (LOKET_IS_CLAIM (claim), NULL);

  for (guint i = claim->history->len; i > 0; i--)
    {
      const LoketClaimEvent *event = g_ptr_array_index (claim->history, i - 1);

      if (event->to == status)
        return event;
    }
  return NULL;
}

guint
loket_claim_next_statuses (LoketClaimStatus from,
                           LoketClaimStatus next[2])
{
  switch (from)
    {
    case LOKET_CLAIM_DIAJUKAN:
      next[0] = LOKET_CLAIM_DIVERIFIKASI;
      return 1;
    case LOKET_CLAIM_DIVERIFIKASI:
      next[0] = LOKET_CLAIM_DISETUJUI;
      next[1] = LOKET_CLAIM_DITOLAK;
      return 2;
    case LOKET_CLAIM_DISETUJUI:
      next[0] = LOKET_CLAIM_DIBAYAR;
      return 1;
    case LOKET_CLAIM_DITOLAK:
    case LOKET_CLAIM_DIBAYAR:
    case LOKET_N_CLAIM_STATUSES:
    default:
      return 0;
    }
}

const char *
loket_format_roman_month (int month)
{
  static const char *const roman[] = {
    "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"
  };

  return month >= 1 && month <= 12 ? roman[month - 1] : NULL;
}

char *
loket_claim_letter_number (gint64       sequence,
                           const char  *branch_code,
                           const GDate *on)
{
  g_return_val_if_fail (branch_code != NULL, NULL);
  g_return_val_if_fail (on != NULL && g_date_valid (on), NULL);

  return g_strdup_printf ("%03" G_GINT64_FORMAT "/KLM/%s/%s/%u", sequence, branch_code,
                          loket_format_roman_month (g_date_get_month (on)), g_date_get_year (on));
}
