/* loket-claim.c: the words of claims (programs, kinds, statuses, heirs'
 * relations, school levels), heirs, the document checklists, and the claim
 * record with its lines. The rules are in loket-claim-rules.c. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "loket-claim-private.h"
#include "loket-error.h"
#include "loket-format.h"
#include "loket-nik.h"
#include "loket-problem.h"
#include "loket-text.h"

/* ---- words --------------------------------------------------------------- */

static const struct {
  const char *code;
  const char *label;
} programs[LOKET_N_CLAIM_PROGRAMS] = {
  [LOKET_CLAIM_JKM] = { "jkm", N_("JKM (death)") },
  [LOKET_CLAIM_JKK] = { "jkk", N_("JKK (work accident)") },
  [LOKET_CLAIM_JHT] = { "jht", N_("JHT (old-age savings)") },
  [LOKET_CLAIM_BEASISWA] = { "beasiswa", N_("Scholarship") },
};

static const struct {
  const char        *code;
  const char        *label;
  LoketClaimProgram  programs[2];   /* the programs it belongs to */
  guint              n_programs;
} kinds[LOKET_N_CLAIM_KINDS] = {
  [LOKET_CLAIM_KIND_NONE] = { NULL, N_("None"), { LOKET_CLAIM_JKM }, 1 },
  [LOKET_CLAIM_KIND_DEATH] = { "death", N_("Death"), { LOKET_CLAIM_JKK, LOKET_CLAIM_JHT }, 2 },
  [LOKET_CLAIM_KIND_DISABILITY] = { "disability", N_("Permanent total disability"), { LOKET_CLAIM_JKK, LOKET_CLAIM_JHT }, 2 },
  [LOKET_CLAIM_KIND_TEMPORARY] = { "temporary", N_("Temporary incapacity to work"), { LOKET_CLAIM_JKK }, 1 },
  [LOKET_CLAIM_KIND_AGE] = { "age", N_("Retirement age"), { LOKET_CLAIM_JHT }, 1 },
  [LOKET_CLAIM_KIND_STOPPED_WORK] = { "stopped-work", N_("Stopped working"), { LOKET_CLAIM_JHT }, 1 },
  [LOKET_CLAIM_KIND_PARTIAL_10] = { "partial-10", N_("Partial withdrawal, 10%"), { LOKET_CLAIM_JHT }, 1 },
  [LOKET_CLAIM_KIND_PARTIAL_30] = { "partial-30", N_("Partial withdrawal for housing, 30%"), { LOKET_CLAIM_JHT }, 1 },
  [LOKET_CLAIM_KIND_LEFT_INDONESIA] = { "left-indonesia", N_("Left Indonesia for good"), { LOKET_CLAIM_JHT }, 1 },
  [LOKET_CLAIM_KIND_JKM_DEATH] = { "jkm-death", N_("After a death not caused by work (JKM)"), { LOKET_CLAIM_BEASISWA }, 1 },
  [LOKET_CLAIM_KIND_JKK_DEATH] = { "jkk-death", N_("After a death from a work accident (JKK)"), { LOKET_CLAIM_BEASISWA }, 1 },
  [LOKET_CLAIM_KIND_JKK_DISABILITY] = { "jkk-disability", N_("After permanent total disability (JKK)"), { LOKET_CLAIM_BEASISWA }, 1 },
};

static const struct {
  const char *code;
  const char *label;
} statuses[LOKET_N_CLAIM_STATUSES] = {
  [LOKET_CLAIM_DIAJUKAN] = { "diajukan", N_("Submitted") },
  [LOKET_CLAIM_DIVERIFIKASI] = { "diverifikasi", N_("Verified") },
  [LOKET_CLAIM_DISETUJUI] = { "disetujui", N_("Approved") },
  [LOKET_CLAIM_DITOLAK] = { "ditolak", N_("Rejected") },
  [LOKET_CLAIM_DIBAYAR] = { "dibayar", N_("Paid") },
};

static const struct {
  const char *code;
  const char *label;
} relations[LOKET_N_HEIR_RELATIONS] = {
  [LOKET_HEIR_SPOUSE] = { "spouse", N_("Spouse") },
  [LOKET_HEIR_CHILD] = { "child", N_("Child") },
  [LOKET_HEIR_PARENT] = { "parent", N_("Parent") },
  [LOKET_HEIR_OTHER] = { "other", N_("Other heir") },
};

static const struct {
  const char *code;
  const char *label;
} schools[LOKET_N_SCHOOL_LEVELS] = {
  [LOKET_SCHOOL_NONE] = { NULL, N_("None") },
  [LOKET_SCHOOL_TK] = { "tk", N_("TK (kindergarten)") },
  [LOKET_SCHOOL_SD] = { "sd", N_("SD (primary school)") },
  [LOKET_SCHOOL_SMP] = { "smp", N_("SMP (junior high school)") },
  [LOKET_SCHOOL_SMA] = { "sma", N_("SMA (senior high school)") },
  [LOKET_SCHOOL_PT] = { "pt", N_("University or training") },
};

/* The index of `text` (any case, spaces around ignored) among `count`
 * codes spaced `stride` bytes apart, or -1. */
static int
find_code (const char *text,
           const void *table,
           gsize       stride,
           guint       count)
{
  g_autofree char *tidy = g_strstrip (g_strdup (text != NULL ? text : ""));

  for (guint i = 0; i < count; i++)
    {
      const char *code = *(const char *const *) ((const char *) table + i * stride);

      if (code != NULL && g_ascii_strcasecmp (tidy, code) == 0)
        return (int) i;
    }
  return -1;
}

const char *
loket_claim_program_code (LoketClaimProgram program)
{
  g_return_val_if_fail (program < LOKET_N_CLAIM_PROGRAMS, NULL);
  return programs[program].code;
}

const char *
loket_claim_program_label (LoketClaimProgram program)
{
  g_return_val_if_fail (program < LOKET_N_CLAIM_PROGRAMS, NULL);
  return _(programs[program].label);
}

gboolean
loket_claim_program_parse (const char         *text,
                           LoketClaimProgram  *out,
                           GError            **error)
{
  int found = find_code (text, programs, sizeof programs[0], LOKET_N_CLAIM_PROGRAMS);

  if (found >= 0)
    {
      *out = found;
      return TRUE;
    }
  g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
               _("Program: “%s” is not a claim program. Choose one of jkm, jkk, jht, beasiswa."),
               text != NULL ? text : "");
  return FALSE;
}

const char *
loket_claim_kind_code (LoketClaimKind kind)
{
  g_return_val_if_fail (kind < LOKET_N_CLAIM_KINDS, NULL);
  return kinds[kind].code;
}

const char *
loket_claim_kind_label (LoketClaimKind kind)
{
  g_return_val_if_fail (kind < LOKET_N_CLAIM_KINDS, NULL);
  return _(kinds[kind].label);
}

gboolean
loket_claim_kind_fits (LoketClaimProgram program,
                       LoketClaimKind    kind)
{
  g_return_val_if_fail (kind < LOKET_N_CLAIM_KINDS, FALSE);
  for (guint i = 0; i < kinds[kind].n_programs; i++)
    if (kinds[kind].programs[i] == program)
      return TRUE;
  return FALSE;
}

/* "death, disability, temporary": the kinds of a program, for messages. */
static char *
kinds_of (LoketClaimProgram program)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 1; i < LOKET_N_CLAIM_KINDS; i++)
    if (loket_claim_kind_fits (program, i))
      g_string_append_printf (list, "%s%s", list->len > 0 ? ", " : "", kinds[i].code);
  return g_string_free (g_steal_pointer (&list), FALSE);
}

char *
loket_claim_kinds_text (LoketClaimProgram program)
{
  return kinds_of (program);
}

gboolean
loket_claim_kind_parse (LoketClaimProgram   program,
                        const char         *text,
                        LoketClaimKind     *out,
                        GError            **error)
{
  g_autofree char *tidy = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_autofree char *allowed = NULL;
  int found;

  g_return_val_if_fail (program < LOKET_N_CLAIM_PROGRAMS, FALSE);

  if (*tidy == '\0')
    {
      *out = LOKET_CLAIM_KIND_NONE;
      return TRUE;
    }
  found = find_code (tidy, kinds, sizeof kinds[0], LOKET_N_CLAIM_KINDS);
  if (found > 0 && loket_claim_kind_fits (program, found))
    {
      *out = found;
      return TRUE;
    }
  if (program == LOKET_CLAIM_JKM)
    {
      g_set_error_literal (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                           _("Kind: a JKM claim has no kind. Leave --kind out."));
      return FALSE;
    }
  allowed = kinds_of (program);
  g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
               /* Translators: what was typed, a program code such as jkk, the kinds it has */
               _("Kind: “%s” is not a kind of %s claim. Choose one of %s."),
               tidy, programs[program].code, allowed);
  return FALSE;
}

const char *
loket_claim_status_code (LoketClaimStatus status)
{
  g_return_val_if_fail (status < LOKET_N_CLAIM_STATUSES, NULL);
  return statuses[status].code;
}

const char *
loket_claim_status_label (LoketClaimStatus status)
{
  g_return_val_if_fail (status < LOKET_N_CLAIM_STATUSES, NULL);
  return _(statuses[status].label);
}

gboolean
loket_claim_status_parse (const char        *text,
                          LoketClaimStatus  *out,
                          GError           **error)
{
  int found = find_code (text, statuses, sizeof statuses[0], LOKET_N_CLAIM_STATUSES);

  if (found >= 0)
    {
      *out = found;
      return TRUE;
    }
  g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
               _("Status: “%s” is not a claim status. Choose one of diajukan, diverifikasi, disetujui, ditolak, dibayar."),
               text != NULL ? text : "");
  return FALSE;
}

const char *
loket_heir_relation_code (LoketHeirRelation relation)
{
  g_return_val_if_fail (relation < LOKET_N_HEIR_RELATIONS, NULL);
  return relations[relation].code;
}

const char *
loket_heir_relation_label (LoketHeirRelation relation)
{
  g_return_val_if_fail (relation < LOKET_N_HEIR_RELATIONS, NULL);
  return _(relations[relation].label);
}

gboolean
loket_heir_relation_parse (const char         *text,
                           LoketHeirRelation  *out,
                           GError            **error)
{
  int found = find_code (text, relations, sizeof relations[0], LOKET_N_HEIR_RELATIONS);

  if (found >= 0)
    {
      *out = found;
      return TRUE;
    }
  g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
               _("Relation: “%s” is not a relation to the member. Choose one of spouse, child, parent, other."),
               text != NULL ? text : "");
  return FALSE;
}

const char *
loket_school_level_code (LoketSchoolLevel level)
{
  g_return_val_if_fail (level < LOKET_N_SCHOOL_LEVELS, NULL);
  return schools[level].code;
}

const char *
loket_school_level_label (LoketSchoolLevel level)
{
  g_return_val_if_fail (level < LOKET_N_SCHOOL_LEVELS, NULL);
  return _(schools[level].label);
}

gboolean
loket_school_level_parse (const char        *text,
                          LoketSchoolLevel  *out,
                          GError           **error)
{
  int found = find_code (text, schools, sizeof schools[0], LOKET_N_SCHOOL_LEVELS);

  if (found > 0)
    {
      *out = found;
      return TRUE;
    }
  g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
               _("School level: “%s” is not a school level. Choose one of tk, sd, smp, sma, pt."),
               text != NULL ? text : "");
  return FALSE;
}

LoketProgram
loket_claim_member_program (LoketClaimProgram program,
                            LoketClaimKind    kind)
{
  switch (program)
    {
    case LOKET_CLAIM_JKM:
      return LOKET_PROGRAM_JKM;
    case LOKET_CLAIM_JKK:
      return LOKET_PROGRAM_JKK;
    case LOKET_CLAIM_JHT:
      return LOKET_PROGRAM_JHT;
    case LOKET_CLAIM_BEASISWA:
      if (kind == LOKET_CLAIM_KIND_JKM_DEATH)
        return LOKET_PROGRAM_JKM;
      if (kind == LOKET_CLAIM_KIND_JKK_DEATH || kind == LOKET_CLAIM_KIND_JKK_DISABILITY)
        return LOKET_PROGRAM_JKK;
      return 0;
    case LOKET_N_CLAIM_PROGRAMS:
    default:
      g_return_val_if_reached (0);
    }
}

/* ---- heirs --------------------------------------------------------------- */

G_DEFINE_FINAL_TYPE (LoketHeir, loket_heir, G_TYPE_OBJECT)

static void
loket_heir_finalize (GObject *object)
{
  LoketHeir *self = LOKET_HEIR (object);

  g_free (self->name);
  g_free (self->nik);
  g_free (self->bank_account);
  G_OBJECT_CLASS (loket_heir_parent_class)->finalize (object);
}

static void
loket_heir_class_init (LoketHeirClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = loket_heir_finalize;
}

static void
loket_heir_init (LoketHeir *self)
{
  g_date_clear (&self->birth_date, 1);
}

LoketHeir *
loket_heir_new (void)
{
  return g_object_new (LOKET_TYPE_HEIR, NULL);
}

/* NULL for blank text, else the text tidied. */
static void
tidy_field (char **field)
{
  char *tidy = loket_text_tidy (*field);

  g_free (*field);
  if (tidy != NULL && *tidy == '\0')
    g_clear_pointer (&tidy, g_free);
  *field = tidy;
}

void
loket_heir_check (LoketHeir   *heir,
                  LoketMember *member,
                  const GDate *today,
                  GPtrArray   *problems)
{
  g_autoptr(LoketNikInfo) info = NULL;

  g_return_if_fail (LOKET_IS_HEIR (heir));
  g_return_if_fail (LOKET_IS_MEMBER (member));
  g_return_if_fail (today != NULL && g_date_valid (today));

  tidy_field (&heir->name);
  tidy_field (&heir->bank_account);
  if (heir->nik != NULL)
    g_strstrip (heir->nik);

  if (heir->name == NULL)
    loket_problems_add (problems, LOKET_SEVERITY_ERROR, "name", "heir-name-missing",
                        "%s", _("Name: the heir’s name is empty. Type it as on their KTP."));

  /* An heir's NIK is checked as a member's: the same mistakes happen. */
  info = loket_nik_parse (heir->nik != NULL ? heir->nik : "", today);
  if (!g_date_valid (&heir->birth_date))
    loket_problems_add (problems, LOKET_SEVERITY_ERROR, "birth_date", "heir-birth-missing",
                        "%s", _("Birth date: the heir’s birth date is missing. Type it as on their KTP."));
  loket_nik_check_against (info, g_date_valid (&heir->birth_date) ? &heir->birth_date : NULL, 0);
  for (guint i = 0; i < info->problems->len; i++)
    {
      LoketProblem *problem = g_ptr_array_index (info->problems, i);

      if (problem->severity == LOKET_SEVERITY_ERROR)
        loket_problems_add (problems, problem->severity, problem->field, problem->code,
                            "%s", problem->message);
    }
  if (info->nik[0] != '\0')
    {
      g_free (heir->nik);
      heir->nik = g_strdup (info->nik);
    }
  if (heir->nik != NULL && member->nik != NULL && g_str_equal (heir->nik, member->nik))
    loket_problems_add (problems, LOKET_SEVERITY_ERROR, "nik", "heir-is-member",
                        _("NIK: this is the NIK of %s, the member. An heir is another person; check the heir’s KTP."),
                        member->name);

  if (heir->school_level != LOKET_SCHOOL_NONE && heir->relation != LOKET_HEIR_CHILD)
    loket_problems_add (problems, LOKET_SEVERITY_ERROR, "school_level", "school-not-child",
                        /* Translators: a relation such as "Spouse" */
                        _("School level: only a child has a school level for the scholarship, and the heir is recorded as “%s”. Leave --school out, or check the relation."),
                        loket_heir_relation_label (heir->relation));

  if (heir->bank_account != NULL)
    {
      gboolean digits = FALSE, other = FALSE;

      for (const char *p = heir->bank_account; *p != '\0'; p++)
        {
          if (g_ascii_isdigit (*p))
            digits = TRUE;
          else if (*p != ' ' && *p != '-' && *p != '.')
            other = TRUE;
        }
      if (!digits || other)
        loket_problems_add (problems, LOKET_SEVERITY_ERROR, "bank_account", "account-invalid",
                            _("Bank account: “%s” is not an account number. Type its digits as in the bank book."),
                            heir->bank_account);
    }
}

/* ---- documents ----------------------------------------------------------- */

/* Every document a checklist may hold, in the order they are listed. */
static const struct {
  const char *code;
  const char *label;
  const char *letter;
} documents[] = {
  { "kartu", N_("Membership card"), "Kartu peserta" },
  { "ktp-peserta", N_("Member’s KTP"), "KTP peserta" },
  { "ktp-ahli-waris", N_("Heir’s KTP"), "KTP ahli waris" },
  { "akta-kematian", N_("Death certificate"), "Akta kematian" },
  { "kk", N_("Family card (KK)"), "Kartu Keluarga (KK)" },
  { "surat-ahli-waris", N_("Heir statement"), "Surat keterangan ahli waris" },
  { "buku-nikah", N_("Marriage book"), "Buku nikah" },
  { "bukti-berhenti", N_("Proof of resignation or dismissal"), "Bukti berhenti bekerja" },
  { "form-kk1", N_("Form 3 KK1: accident report within 2×24 hours"), "Formulir 3 KK1 (laporan kecelakaan 2×24 jam)" },
  { "form-kk2", N_("Form 3a KK2: report after recovery, disability or death"), "Formulir 3a KK2 (laporan tahap II)" },
  { "form-kk3", N_("Form 3b KK3: doctor’s statement"), "Formulir 3b KK3 (surat keterangan dokter)" },
  { "kronologi", N_("Chronology of the accident with 2 witnesses"), "Kronologi kejadian dengan 2 saksi" },
  { "laporan-polisi", N_("Police report (road accidents)"), "Laporan polisi (kecelakaan lalu lintas)" },
  { "kuitansi", N_("Original receipts"), "Kuitansi asli" },
  { "surat-sekolah", N_("Proof of school enrolment"), "Surat keterangan sekolah" },
  { "rekening", N_("Bank account book"), "Buku rekening bank" },
};

/* domain.md §4, in its order. */
static const char *const checklist_jkm[] = {
  "kartu", "ktp-peserta", "ktp-ahli-waris", "akta-kematian", "kk", "surat-ahli-waris",
  "buku-nikah", "rekening", NULL
};
static const char *const checklist_jht[] = {
  "kartu", "ktp-peserta", "kk", "rekening", "bukti-berhenti", NULL
};
static const char *const checklist_jkk[] = {
  "form-kk1", "form-kk2", "form-kk3", "ktp-peserta", "kartu", "kronologi", "laporan-polisi",
  "kuitansi", NULL
};

#define LIST_BEASISWA_DOCUMENTS "claim.documents.beasiswa"

static int
document_index (const char *code)
{
  for (guint i = 0; code != NULL && i < G_N_ELEMENTS (documents); i++)
    if (g_str_equal (documents[i].code, code))
      return (int) i;
  return -1;
}

const char *
loket_claim_document_label (const char *code)
{
  int i = document_index (code);

  return i >= 0 ? _(documents[i].label) : NULL;
}

const char *
loket_claim_document_letter_label (const char *code)
{
  int i = document_index (code);

  return i >= 0 ? documents[i].letter : NULL;
}

static void
append_document (GArray     *list,
                 const char *code)
{
  int i = document_index (code);
  LoketClaimDocument document = { i >= 0 ? documents[i].code : NULL, FALSE };

  if (document.code != NULL)
    g_array_append_val (list, document);
}

GArray *
loket_claim_checklist_new (LoketRateBook     *book,
                           LoketClaimProgram  program)
{
  GArray *list = g_array_new (FALSE, FALSE, sizeof (LoketClaimDocument));
  const char *const *codes = NULL;

  switch (program)
    {
    case LOKET_CLAIM_JKM:
      codes = checklist_jkm;
      break;
    case LOKET_CLAIM_JHT:
      codes = checklist_jht;
      break;
    case LOKET_CLAIM_JKK:
      codes = checklist_jkk;
      break;
    case LOKET_CLAIM_BEASISWA:
      for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
        if (book != NULL && loket_rate_book_list_contains (book, LIST_BEASISWA_DOCUMENTS, documents[i].code))
          append_document (list, documents[i].code);
      return list;
    case LOKET_N_CLAIM_PROGRAMS:
    default:
      g_return_val_if_reached (list);
    }
  for (guint i = 0; codes[i] != NULL; i++)
    append_document (list, codes[i]);
  return list;
}

gboolean
loket_claim_documents_tick (GArray             *list,
                            LoketClaimProgram   program,
                            const char *const  *codes,
                            GError            **error)
{
  g_autoptr(GArray) ticked = g_array_new (FALSE, TRUE, sizeof (gboolean));

  g_array_set_size (ticked, list->len);
  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    {
      g_autofree char *code = g_strstrip (g_ascii_strdown (codes[i], -1));
      gboolean found = FALSE;

      if (*code == '\0')
        continue;
      for (guint j = 0; j < list->len; j++)
        if (g_str_equal (g_array_index (list, LoketClaimDocument, j).code, code))
          {
            g_array_index (ticked, gboolean, j) = found = TRUE;
            break;
          }
      if (!found)
        {
          g_autoptr(GString) allowed = g_string_new (NULL);

          for (guint j = 0; j < list->len; j++)
            g_string_append_printf (allowed, "%s%s", j > 0 ? ", " : "",
                                    g_array_index (list, LoketClaimDocument, j).code);
          g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                       /* Translators: a document code, a program code, the codes on its checklist */
                       _("Documents: “%s” is not on the %s checklist. Tick those received among: %s."),
                       code, programs[program].code, allowed->str);
          return FALSE;
        }
    }
  for (guint j = 0; j < list->len; j++)
    if (g_array_index (ticked, gboolean, j))
      g_array_index (list, LoketClaimDocument, j).received = TRUE;
  return TRUE;
}
