/* loket-claim-rules.c: whether a claim is due, and how much (domain.md §4).
 *
 * Every figure is a dated rate row: the benefit and the rules in force on
 * the date of the event, except the scholarship's yearly amount and cap
 * and the JHT return rate, which are those of the day the claim is taken
 * (a scholarship is claimed year by year; returns are declared yearly). */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "loket-claim-private.h"
#include "loket-date.h"
#include "loket-error.h"
#include "loket-format.h"

#define RATE_JKM_LUMP_SUM         "jkm.death.lump_sum"
#define RATE_JKM_PERIODIC         "jkm.death.periodic"
#define RATE_JKM_FUNERAL          "jkm.death.funeral"
#define RATE_JKK_DEATH_MULTIPLE   "jkk.death.income_multiple"
#define RATE_JKK_DEATH_PERIODIC   "jkk.death.periodic"
#define RATE_JKK_DEATH_FUNERAL    "jkk.death.funeral"
#define RATE_JKK_DISABILITY       "jkk.disability.income_multiple"
#define RATE_STMB_FULL_MONTHS     "jkk.stmb.full_months"
#define RATE_STMB_FULL_BP         "jkk.stmb.full.bp"
#define RATE_STMB_LATER_BP        "jkk.stmb.later.bp"
#define RATE_SCHOLARSHIP_CHILDREN "beasiswa.children_max"
#define RATE_SCHOLARSHIP_CAP      "beasiswa.cap"
#define RATE_SCHOLARSHIP_JKM_YEARS "beasiswa.jkm.min_years"
#define RATE_SCHOLARSHIP_AGE      "beasiswa.age_limit"
#define RATE_JHT_AGE              "jht.age.full"
#define RATE_JHT_PARTIAL_YEARS    "jht.partial.min_years"
#define RATE_JHT_PARTIAL_GENERAL  "jht.partial.general.bp"
#define RATE_JHT_PARTIAL_HOUSING  "jht.partial.housing.bp"
#define RATE_JHT_RETURN           "jht.return.bp"
#define RATE_JHT_WAIT_MONTHS      "jht.stop_work.wait_months"

/* ---- reasons ------------------------------------------------------------- */

/* Takes `message` and `letter`. */
static void
add_reason (LoketClaim *claim,
            gboolean    blocking,
            const char *field,
            const char *code,
            char       *message,
            char       *letter)
{
  LoketClaimReason *reason = g_new0 (LoketClaimReason, 1);

  reason->field = g_strdup (field);
  reason->code = g_strdup (code);
  reason->message = message;
  reason->letter = letter;
  reason->blocking = blocking;
  g_ptr_array_add (claim->reasons, reason);
}

gboolean
loket_claim_is_blocked (LoketClaim *claim)
{
  g_return_val_if_fail (LOKET_IS_CLAIM (claim), TRUE);

  for (guint i = 0; i < claim->reasons->len; i++)
    if (((LoketClaimReason *) g_ptr_array_index (claim->reasons, i))->blocking)
      return TRUE;
  return FALSE;
}

/* "JKM": a member program as the counter says it. */
static char *
program_name (LoketProgram program)
{
  return g_ascii_strup (loket_program_code (program), -1);
}

static char *
id_text (gint64 id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

static gboolean
is_death (LoketClaim *claim)
{
  return claim->program == LOKET_CLAIM_JKM
         || (claim->program != LOKET_CLAIM_BEASISWA && claim->kind == LOKET_CLAIM_KIND_DEATH);
}

/* The date `years` years after `from` (29 February + 1 year: 28 February). */
static void
years_after (const GDate *from,
             int          years,
             GDate       *out)
{
  *out = *from;
  g_date_add_years (out, (guint) MAX (years, 0));
}

/* ---- what blocks a claim from being taken -------------------------------- */

static gboolean
check_event (LoketClaim            *claim,
             const LoketClaimFacts *facts)
{
  LoketMember *member = facts->member;
  g_autofree char *event = loket_format_date (&claim->event_date);
  gboolean before_membership = FALSE;

  if (g_date_compare (&claim->event_date, &facts->today) > 0)
    {
      g_autofree char *today = loket_format_date (&facts->today);

      add_reason (claim, TRUE, "event_date", "event-in-future",
                  g_strdup_printf (_("Event date: %s is after today (%s). Enter the date the event happened."),
                                   event, today),
                  NULL);
    }
  if (g_date_valid (&member->registered_on) && g_date_compare (&claim->event_date, &member->registered_on) < 0)
    {
      g_autofree char *registered = loket_format_date (&member->registered_on);

      before_membership = TRUE;
      add_reason (claim, TRUE, "event_date", "event-before-membership",
                  /* Translators: a date, a name, a date */
                  g_strdup_printf (_("Event date: %s is before %s became a member on %s. A claim covers what happens from registration on; check the date."),
                                   event, member->name, registered),
                  NULL);
    }
  return before_membership;
}

static void
check_program (LoketClaim            *claim,
               const LoketClaimFacts *facts,
               gboolean               before_membership)
{
  LoketProgram held = loket_claim_member_program (claim->program, claim->kind);
  g_autofree char *name = NULL;

  if (claim->kind == LOKET_CLAIM_KIND_NONE && claim->program != LOKET_CLAIM_JKM)
    {
      g_autofree char *kinds = loket_claim_kinds_text (claim->program);

      add_reason (claim, TRUE, "kind", "kind-missing",
                  /* Translators: a program code such as jkk, then its kinds */
                  g_strdup_printf (_("Kind: a %s claim says what happened: %s. Give it with --kind."),
                                   loket_claim_program_code (claim->program), kinds),
                  NULL);
    }
  else if (!loket_claim_kind_fits (claim->program, claim->kind))
    {
      g_autofree char *kinds = loket_claim_kinds_text (claim->program);

      add_reason (claim, TRUE, "kind", "kind-invalid",
                  g_strdup_printf (_("Kind: “%s” is not a kind of %s claim. Choose one of %s."),
                                   loket_claim_kind_code (claim->kind),
                                   loket_claim_program_code (claim->program), kinds),
                  NULL);
      return;
    }

  /* Before the membership, no program was held: one reason says it all. */
  if (held == 0 || before_membership)
    return;
  name = program_name (held);
  if (!g_date_valid (&facts->program_since))
    add_reason (claim, TRUE, "program", "program-not-held",
                /* Translators: a name, a program such as JKM */
                g_strdup_printf (_("Program: %s does not hold %s. A claim is paid only from a program the member holds; check the program (--program)."),
                                 facts->member->name, name),
                NULL);
  else if (g_date_compare (&claim->event_date, &facts->program_since) < 0)
    {
      g_autofree char *since = loket_format_date (&facts->program_since);
      g_autofree char *event = loket_format_date (&claim->event_date);

      add_reason (claim, TRUE, "program", "program-held-later",
                  /* Translators: a name, a program such as JKM, a date, a date */
                  g_strdup_printf (_("Program: %s holds %s only since %s, after the event on %s. Check the event date or the program."),
                                   facts->member->name, name, since, event),
                  NULL);
    }
}

static void
check_claimant (LoketClaim            *claim,
                const LoketClaimFacts *facts)
{
  LoketHeir *heir = facts->heir;

  if (claim->program == LOKET_CLAIM_BEASISWA)
    {
      if (heir == NULL)
        add_reason (claim, TRUE, "claimant", "scholarship-not-child",
                    g_strdup (_("Claimant: a scholarship is for a child of the member. Record the child (heir add --relation child) and choose them as the claimant (--claimant).")),
                    NULL);
      else if (heir->relation != LOKET_HEIR_CHILD)
        add_reason (claim, TRUE, "claimant", "scholarship-not-child",
                    /* Translators: a name, a relation such as "Spouse" */
                    g_strdup_printf (_("Claimant: a scholarship is for a child of the member, and %s is recorded as “%s”. Choose a child (--claimant)."),
                                     heir->name, loket_heir_relation_label (heir->relation)),
                    NULL);
      else if (claim->school_level == LOKET_SCHOOL_NONE)
        add_reason (claim, TRUE, "school_level", "school-level-missing",
                    g_strdup_printf (_("School level: %s has no school level recorded. Give it with --school tk, sd, smp, sma or pt."),
                                     heir->name),
                    NULL);
      return;
    }
  if (is_death (claim) && heir == NULL)
    add_reason (claim, TRUE, "claimant", "claimant-heir-needed",
                g_strdup_printf (_("Claimant: a death benefit is claimed by an heir of %s. Record the heir (heir add) and choose them as the claimant (--claimant)."),
                                 facts->member->name),
                NULL);
}

/* ---- what makes a claim taken fail --------------------------------------- */

static void
check_active (LoketClaim            *claim,
              const LoketClaimFacts *facts)
{
  g_autofree char *event = NULL;
  g_autofree char *status = NULL;

  if (facts->status_on_event == LOKET_STATUS_AKTIF)
    return;
  event = loket_format_date (&claim->event_date);
  status = g_strdup (loket_status_code (facts->status_on_event));
  g_strdelimit (status, "-", ' ');
  add_reason (claim, FALSE, "status", "not-aktif",
              /* Translators: a name, a date, a status such as "In arrears" */
              g_strdup_printf (_("Status: %s was not active on %s (%s); protection runs through the last month paid, so the claim cannot be approved."),
                               facts->member->name, event, loket_status_label (facts->status_on_event)),
              g_strdup_printf ("Peserta tidak aktif pada tanggal kejadian %s (status: %s); perlindungan hanya berlaku sampai akhir bulan terakhir yang dibayar.",
                               event, status));
}

static gboolean
judge_jkm (LoketRateBook  *book,
           LoketClaim     *claim,
           GError        **error)
{
  gint64 lump_sum, periodic, funeral;

  if (!loket_rate_book_get (book, RATE_JKM_LUMP_SUM, &claim->event_date, &lump_sum, error)
      || !loket_rate_book_get (book, RATE_JKM_PERIODIC, &claim->event_date, &periodic, error)
      || !loket_rate_book_get (book, RATE_JKM_FUNERAL, &claim->event_date, &funeral, error))
    return FALSE;
  loket_claim_add_line (claim, "lump-sum", 1, lump_sum, 0, lump_sum);
  loket_claim_add_line (claim, "periodic", 1, periodic, 0, periodic);
  loket_claim_add_line (claim, "funeral", 1, funeral, 0, funeral);
  return TRUE;
}

static gboolean
judge_jkk (LoketRateBook          *book,
           LoketClaim             *claim,
           const LoketClaimFacts  *facts,
           GError                **error)
{
  const GDate *on = &claim->event_date;
  gint64 income = facts->member->income;
  gint64 multiple, periodic, funeral, full_months, full_bp, later_bp;

  switch (claim->kind)
    {
    case LOKET_CLAIM_KIND_DEATH:
      if (!loket_rate_book_get (book, RATE_JKK_DEATH_MULTIPLE, on, &multiple, error)
          || !loket_rate_book_get (book, RATE_JKK_DEATH_PERIODIC, on, &periodic, error)
          || !loket_rate_book_get (book, RATE_JKK_DEATH_FUNERAL, on, &funeral, error))
        return FALSE;
      loket_claim_add_line (claim, "income-multiple", multiple, income, 0, multiple * income);
      loket_claim_add_line (claim, "periodic", 1, periodic, 0, periodic);
      loket_claim_add_line (claim, "funeral", 1, funeral, 0, funeral);
      return TRUE;

    case LOKET_CLAIM_KIND_DISABILITY:
      if (!loket_rate_book_get (book, RATE_JKK_DISABILITY, on, &multiple, error))
        return FALSE;
      loket_claim_add_line (claim, "income-multiple", multiple, income, 0, multiple * income);
      return TRUE;

    case LOKET_CLAIM_KIND_TEMPORARY:
      {
        gint64 first, later;

        if (!loket_rate_book_get (book, RATE_STMB_FULL_MONTHS, on, &full_months, error)
            || !loket_rate_book_get (book, RATE_STMB_FULL_BP, on, &full_bp, error)
            || !loket_rate_book_get (book, RATE_STMB_LATER_BP, on, &later_bp, error))
          return FALSE;
        /* 100% of the income for the first months, then 50%: each month's
         * amount rounded once, as it would be paid month by month. */
        first = MIN ((gint64) claim->months_off, MAX (full_months, 0));
        later = claim->months_off - first;
        if (first > 0)
          loket_claim_add_line (claim, "stmb", first, income, full_bp,
                                first * loket_money_apply_bp (income, full_bp));
        if (later > 0)
          loket_claim_add_line (claim, "stmb", later, income, later_bp,
                                later * loket_money_apply_bp (income, later_bp));
        return TRUE;
      }

    default:
      return TRUE;
    }
}

static gboolean
judge_jht (LoketRateBook          *book,
           LoketClaim             *claim,
           const LoketClaimFacts  *facts,
           GError                **error)
{
  LoketMember *member = facts->member;
  const GDate *on = &claim->event_date;
  gint64 contributions = facts->jht_contributions;
  gint64 return_bp, returns, value;

  if (!loket_rate_book_get (book, RATE_JHT_RETURN, &facts->today, &return_bp, error))
    return FALSE;
  returns = loket_money_apply_bp (contributions, MAX (return_bp, 0));

  switch (claim->kind)
    {
    case LOKET_CLAIM_KIND_AGE:
      {
        int age = loket_date_age_on (&member->birth_date, on);

        if (!loket_rate_book_get (book, RATE_JHT_AGE, on, &value, error))
          return FALSE;
        if (age < value)
          {
            g_autofree char *event = loket_format_date (on);

            add_reason (claim, FALSE, "birth_date", "jht-age",
                        /* Translators: an age, a name, an age, a date */
                        g_strdup_printf (_("Age: JHT is paid in full at %d, and %s was %d on %s."),
                                         (int) value, member->name, age, event),
                        g_strdup_printf ("Usia peserta pada %s adalah %d tahun, belum mencapai %d tahun.",
                                         event, age, (int) value));
          }
        break;
      }

    case LOKET_CLAIM_KIND_STOPPED_WORK:
      /* A wage earner waits after resignation or dismissal; a self-employed
       * member claims on stopping work (domain.md §4). */
      if (member->segment != LOKET_SEGMENT_BPU)
        {
          GDate from;

          if (!loket_rate_book_get (book, RATE_JHT_WAIT_MONTHS, on, &value, error))
            return FALSE;
          from = *on;
          g_date_add_months (&from, (guint) CLAMP (value, 0, 120));
          if (g_date_compare (&facts->today, &from) < 0)
            {
              g_autofree char *from_text = loket_format_date (&from);

              add_reason (claim, FALSE, "event_date", "jht-wait",
                          g_strdup_printf (_("Event date: after resignation or dismissal, JHT can be claimed from %s. Come back then."),
                                           from_text),
                          g_strdup_printf ("JHT karena berhenti bekerja baru dapat diklaim mulai %s.", from_text));
            }
        }
      break;

    case LOKET_CLAIM_KIND_PARTIAL_10:
    case LOKET_CLAIM_KIND_PARTIAL_30:
      {
        GDate due;
        gint64 bp;

        if (!loket_rate_book_get (book, RATE_JHT_PARTIAL_YEARS, on, &value, error)
            || !loket_rate_book_get (book, claim->kind == LOKET_CLAIM_KIND_PARTIAL_10
                                           ? RATE_JHT_PARTIAL_GENERAL : RATE_JHT_PARTIAL_HOUSING,
                                     on, &bp, error))
          return FALSE;
        years_after (&member->registered_on, (int) value, &due);
        if (g_date_compare (on, &due) < 0)
          {
            g_autofree char *since = loket_format_date (&member->registered_on);

            add_reason (claim, FALSE, "registered_on", "jht-partial-too-early",
                        /* Translators: years, a name, a date */
                        g_strdup_printf (_("Membership: a partial JHT withdrawal needs %d years of membership, and %s has been a member since %s."),
                                         (int) value, member->name, since),
                        g_strdup_printf ("Pengambilan sebagian JHT memerlukan masa kepesertaan %d tahun (peserta sejak %s).",
                                         (int) value, since));
          }
        if (facts->jht_partial_claim_id != 0)
          {
            g_autofree char *id = id_text (facts->jht_partial_claim_id);

            add_reason (claim, FALSE, "kind", "jht-partial-taken",
                        g_strdup_printf (_("Partial withdrawal: JHT can be withdrawn in part once, and %s already did (claim %s)."),
                                         member->name, id),
                        g_strdup_printf ("Pengambilan sebagian JHT hanya dapat dilakukan satu kali dan telah diajukan (klaim nomor %s).",
                                         id));
          }
        loket_claim_add_line (claim, "jht-partial", bp, contributions + returns, bp,
                              loket_money_apply_bp (contributions + returns, bp));
        break;
      }

    default:
      break;
    }

  if (contributions <= 0)
    add_reason (claim, FALSE, "program", "jht-no-balance",
                g_strdup_printf (_("JHT balance: no JHT contributions are recorded for %s, so there is nothing to pay."),
                                 member->name),
                g_strdup ("Tidak ada iuran JHT yang tercatat atas nama peserta."));

  if (claim->kind != LOKET_CLAIM_KIND_PARTIAL_10 && claim->kind != LOKET_CLAIM_KIND_PARTIAL_30)
    {
      gint64 taken = MIN (MAX (facts->jht_partial_paid, 0), contributions + returns);

      loket_claim_add_line (claim, "jht-contributions", 1, contributions, 0, contributions);
      loket_claim_add_line (claim, "jht-returns", 1, contributions, return_bp, returns);
      if (taken > 0)
        loket_claim_add_line (claim, "jht-partial-paid", 1, taken, 0, -taken);
    }
  return TRUE;
}

/* The rate keys of a school level: TK and SD share theirs. */
static const char *
level_key (LoketSchoolLevel level)
{
  switch (level)
    {
    case LOKET_SCHOOL_TK:
    case LOKET_SCHOOL_SD:
      return "tk_sd";
    case LOKET_SCHOOL_SMP:
      return "smp";
    case LOKET_SCHOOL_SMA:
      return "sma";
    case LOKET_SCHOOL_PT:
      return "pt";
    case LOKET_SCHOOL_NONE:
    case LOKET_N_SCHOOL_LEVELS:
    default:
      return NULL;
    }
}

static gboolean
judge_scholarship (LoketRateBook          *book,
                   LoketClaim             *claim,
                   const LoketClaimFacts  *facts,
                   GError                **error)
{
  LoketMember *member = facts->member;
  LoketHeir *heir = facts->heir;
  const char *level = level_key (claim->school_level);
  g_autofree char *yearly_key = g_strdup_printf ("beasiswa.%s.yearly", level);
  g_autofree char *years_key = g_strdup_printf ("beasiswa.%s.years", level);
  g_autofree char *level_name = g_ascii_strup (level, -1);
  gint64 value, yearly, years, cap, remaining;
  int age;

  g_strdelimit (level_name, "_", '/');

  if (claim->kind == LOKET_CLAIM_KIND_JKM_DEATH)
    {
      GDate due;

      if (!loket_rate_book_get (book, RATE_SCHOLARSHIP_JKM_YEARS, &claim->event_date, &value, error))
        return FALSE;
      /* Exactly the years on the date of death are enough. */
      years_after (&member->registered_on, (int) value, &due);
      if (g_date_compare (&claim->event_date, &due) < 0)
        {
          g_autofree char *since = loket_format_date (&member->registered_on);

          add_reason (claim, FALSE, "registered_on", "membership-too-short",
                      /* Translators: years, a name, a date */
                      g_strdup_printf (_("Membership: a scholarship after a death not caused by work needs %d years of membership on the date of death, and %s was a member from %s."),
                                       (int) value, member->name, since),
                      g_strdup_printf ("Masa kepesertaan pada tanggal meninggal dunia kurang dari %d tahun (peserta sejak %s).",
                                       (int) value, since));
        }
    }

  if (!loket_rate_book_get (book, RATE_SCHOLARSHIP_AGE, &facts->today, &value, error))
    return FALSE;
  age = loket_date_age_on (&heir->birth_date, &facts->today);
  if (age >= value)
    add_reason (claim, FALSE, "claimant", "scholarship-age",
                /* Translators: an age, a name, an age */
                g_strdup_printf (_("Age: the scholarship ends at %d, and %s is %d."), (int) value, heir->name, age),
                g_strdup_printf ("Usia anak %d tahun; beasiswa berakhir pada usia %d tahun.", age, (int) value));

  if (!loket_rate_book_get (book, RATE_SCHOLARSHIP_CHILDREN, &facts->today, &value, error))
    return FALSE;
  if (facts->scholarship_children >= value)
    add_reason (claim, FALSE, "claimant", "scholarship-children",
                /* Translators: a number of children, a name, a number of children */
                g_strdup_printf (_("Children: the scholarship is for at most %d children of a member, and %s already receives it for %u."),
                                 (int) value, member->name, facts->scholarship_children),
                g_strdup_printf ("Beasiswa hanya untuk paling banyak %d anak dan telah diberikan kepada %u anak peserta.",
                                 (int) value, facts->scholarship_children));

  if (!loket_rate_book_get (book, yearly_key, &facts->today, &yearly, error)
      || !loket_rate_book_get (book, years_key, &facts->today, &years, error)
      || !loket_rate_book_get (book, RATE_SCHOLARSHIP_CAP, &facts->today, &cap, error))
    return FALSE;
  if (facts->scholarship_years >= years)
    add_reason (claim, FALSE, "school_level", "scholarship-years",
                /* Translators: a name, years, a school level such as SD */
                g_strdup_printf (_("School level: %s already had the scholarship for %u years at %s, the most for that level."),
                                 heir->name, facts->scholarship_years, level_name),
                g_strdup_printf ("Beasiswa jenjang %s telah diterima selama %u tahun, batas untuk jenjang tersebut.",
                                 level_name, facts->scholarship_years));

  loket_claim_add_line (claim, "scholarship", 1, yearly, 0, yearly);
  remaining = MAX (cap - MAX (facts->scholarship_paid, 0), 0);
  if (yearly > remaining)
    loket_claim_add_line (claim, "scholarship-cap", facts->scholarship_paid, cap, 0, remaining - yearly);
  if (remaining == 0)
    {
      g_autofree char *cap_text = loket_format_rupiah (cap);

      add_reason (claim, FALSE, "total", "scholarship-cap",
                  g_strdup_printf (_("Cap: the scholarships paid for %s already reach %s, the most for one member."),
                                   member->name, cap_text),
                  g_strdup_printf ("Beasiswa yang telah dibayarkan telah mencapai batas total %s.", cap_text));
    }
  return TRUE;
}

/* Whether the figures a benefit needs are all there. */
static gboolean
computable (LoketClaim            *claim,
            const LoketClaimFacts *facts)
{
  if (!loket_claim_kind_fits (claim->program, claim->kind)
      || (claim->program != LOKET_CLAIM_JKM && claim->kind == LOKET_CLAIM_KIND_NONE))
    return FALSE;
  if (claim->kind == LOKET_CLAIM_KIND_TEMPORARY && claim->months_off < 1)
    return FALSE;
  if (claim->program == LOKET_CLAIM_BEASISWA)
    return facts->heir != NULL && facts->heir->relation == LOKET_HEIR_CHILD
           && claim->school_level != LOKET_SCHOOL_NONE;
  return TRUE;
}

gboolean
loket_claim_assess (LoketRateBook          *book,
                    LoketClaim             *claim,
                    const LoketClaimFacts  *facts,
                    GError                **error)
{
  g_autoptr(GError) missing = NULL;
  gboolean before_membership, judged = TRUE;

  g_return_val_if_fail (book != NULL, FALSE);
  g_return_val_if_fail (LOKET_IS_CLAIM (claim), FALSE);
  g_return_val_if_fail (facts != NULL && LOKET_IS_MEMBER (facts->member), FALSE);
  g_return_val_if_fail (g_date_valid (&claim->event_date) && g_date_valid (&facts->today), FALSE);

  g_ptr_array_set_size (claim->reasons, 0);
  g_array_set_size (claim->lines, 0);
  claim->total = 0;

  before_membership = check_event (claim, facts);
  if (claim->kind == LOKET_CLAIM_KIND_TEMPORARY && claim->months_off < 1)
    add_reason (claim, TRUE, "months_off", "months-off-missing",
                g_strdup (_("Months off work: a temporary incapacity claim needs the number of months the member could not work (--months-off).")),
                NULL);
  check_program (claim, facts, before_membership);
  check_claimant (claim, facts);
  if (facts->duplicate_claim_id != 0)
    {
      g_autofree char *id = id_text (facts->duplicate_claim_id);

      add_reason (claim, TRUE, "program", "duplicate",
                  /* Translators: a name, a claim number, a status such as "Submitted" */
                  g_strdup_printf (_("Program: %s already has this claim (claim %s, %s). A claim is made once; continue with that one, or reject it first."),
                                   facts->member->name, id, loket_claim_status_label (facts->duplicate_status)),
                  NULL);
    }

  /* JHT is savings, paid whatever the status; the rest is protection,
   * which runs through the last month paid. */
  if (claim->program != LOKET_CLAIM_JHT && !before_membership)
    check_active (claim, facts);

  if (computable (claim, facts))
    {
      switch (claim->program)
        {
        case LOKET_CLAIM_JKM:
          judged = judge_jkm (book, claim, &missing);
          break;
        case LOKET_CLAIM_JKK:
          judged = judge_jkk (book, claim, facts, &missing);
          break;
        case LOKET_CLAIM_JHT:
          judged = judge_jht (book, claim, facts, &missing);
          break;
        case LOKET_CLAIM_BEASISWA:
          judged = judge_scholarship (book, claim, facts, &missing);
          break;
        case LOKET_N_CLAIM_PROGRAMS:
        default:
          g_return_val_if_reached (FALSE);
        }
    }

  /* A missing rate matters only for a claim that could otherwise be taken:
   * an event in 1019 needs its date fixed, not a rate row for 1019. */
  if (!judged)
    {
      g_array_set_size (claim->lines, 0);
      claim->total = 0;
      if (!loket_claim_is_blocked (claim))
        {
          g_propagate_error (error, g_steal_pointer (&missing));
          return FALSE;
        }
    }
  claim->eligible = claim->reasons->len == 0;
  return TRUE;
}
