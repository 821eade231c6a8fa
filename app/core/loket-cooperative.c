/* loket-cooperative.c: the records of issue 4 and their rules. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "loket-contribution.h"
#include "loket-cooperative.h"
#include "loket-date.h"
#include "loket-error.h"
#include "loket-kpj.h"
#include "loket-nik.h"
#include "loket-phone.h"
#include "loket-regions.h"
#include "loket-text.h"

#define NAME_MAX_CHARS   150
#define NUMBER_MAX_CHARS 100
/* The first AHU numbers were issued long after this; a year before it is a
 * typing mistake. */
#define AHU_FIRST_YEAR   1945

/* Empty strings are stored as NULL, so "not given" has one spelling. */
static void
set_string (char       **field,
            const char  *value)
{
  char *copy = (value != NULL && *value != '\0') ? g_strdup (value) : NULL;

  g_free (*field);
  *field = copy;
}

static void
add_error (GPtrArray  *problems,
           const char *field,
           const char *code,
           const char *message)
{
  loket_problems_add (problems, LOKET_SEVERITY_ERROR, field, code, "%s", message);
}

/* Tidies *field in place; FALSE (and an error) when it is not UTF-8. */
static gboolean
tidy_field (char       **field,
            const char  *name,
            const char  *label,
            GPtrArray   *problems)
{
  g_autofree char *tidy = NULL;

  if (*field == NULL)
    return TRUE;
  tidy = loket_text_tidy (*field);
  if (tidy == NULL)
    {
      loket_problems_add (problems, LOKET_SEVERITY_ERROR, name, "encoding",
                          _("%s: it contains characters that cannot be read. Type it again."),
                          label);
      return FALSE;
    }
  set_string (field, tidy);
  return TRUE;
}

/* ---- officers ------------------------------------------------------------ */

G_DEFINE_FINAL_TYPE (LoketCooperativeOfficer, loket_cooperative_officer, G_TYPE_OBJECT)

static void
loket_cooperative_officer_finalize (GObject *object)
{
  LoketCooperativeOfficer *self = LOKET_COOPERATIVE_OFFICER (object);

  g_free (self->name);
  g_free (self->nik);
  g_free (self->role);
  g_free (self->phone);

  G_OBJECT_CLASS (loket_cooperative_officer_parent_class)->finalize (object);
}

static void
loket_cooperative_officer_class_init (LoketCooperativeOfficerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = loket_cooperative_officer_finalize;
}

static void
loket_cooperative_officer_init (LoketCooperativeOfficer *self)
{
}

LoketCooperativeOfficer *
loket_cooperative_officer_new (void)
{
  return g_object_new (LOKET_TYPE_COOPERATIVE_OFFICER, NULL);
}

LoketCooperativeOfficer *
loket_cooperative_officer_copy (LoketCooperativeOfficer *officer)
{
  LoketCooperativeOfficer *copy = loket_cooperative_officer_new ();

  copy->id = officer->id;
  copy->cooperative_id = officer->cooperative_id;
  copy->name = g_strdup (officer->name);
  copy->nik = g_strdup (officer->nik);
  copy->role = g_strdup (officer->role);
  copy->phone = g_strdup (officer->phone);
  return copy;
}

/* Adds a problem whose message starts with `label` when there is one. */
static void
add_labelled (GPtrArray     *problems,
              LoketSeverity  severity,
              const char    *label,
              const char    *field,
              const char    *code,
              const char    *message)
{
  if (label != NULL)
    /* Translators: which officer ("Officer 2"), then the problem */
    loket_problems_add (problems, severity, field, code, _("%s: %s"), label, message);
  else
    loket_problems_add (problems, severity, field, code, "%s", message);
}

void
loket_cooperative_officer_check (LoketCooperativeOfficer *officer,
                                 const char              *label,
                                 const GDate             *today,
                                 GPtrArray               *problems)
{
  g_return_if_fail (LOKET_IS_COOPERATIVE_OFFICER (officer));

  if (tidy_field (&officer->name, "officer_name", _("Officer’s name"), problems)
      && officer->name == NULL)
    add_labelled (problems, LOKET_SEVERITY_ERROR, label, "officer_name", "officer-name-empty",
                  _("Officer’s name: it is empty. Type the officer’s full name as on the KTP."));

  if (tidy_field (&officer->role, "officer_role", _("Officer’s role"), problems)
      && officer->role == NULL)
    add_labelled (problems, LOKET_SEVERITY_ERROR, label, "officer_role", "officer-role-empty",
                  _("Officer’s role: it is empty. Write the role, for example ketua, sekretaris or bendahara."));

  if (officer->nik != NULL)
    {
      g_autoptr(LoketNikInfo) info = loket_nik_parse (officer->nik, today);

      for (guint i = 0; i < info->problems->len; i++)
        {
          const LoketProblem *problem = g_ptr_array_index (info->problems, i);

          add_labelled (problems, problem->severity, label, "officer_nik", problem->code,
                        problem->message);
        }
      if (info->nik[0] != '\0')
        set_string (&officer->nik, info->nik);
    }

  if (officer->phone != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *e164 = loket_phone_normalize (officer->phone, &error);

      if (e164 == NULL)
        add_labelled (problems, LOKET_SEVERITY_ERROR, label, "officer_phone", "officer-phone",
                      error->message);
      else
        set_string (&officer->phone, e164);
    }
}

/* ---- cooperatives -------------------------------------------------------- */

G_DEFINE_FINAL_TYPE (LoketCooperative, loket_cooperative, G_TYPE_OBJECT)

static void
loket_cooperative_finalize (GObject *object)
{
  LoketCooperative *self = LOKET_COOPERATIVE (object);

  g_free (self->name);
  g_free (self->ahu);
  g_free (self->nib);
  g_free (self->npwp);
  g_free (self->nik_koperasi);
  g_free (self->street);
  g_free (self->village);
  g_free (self->district);
  g_free (self->regency);
  g_free (self->province);
  g_free (self->postcode);
  g_free (self->region_code);
  g_clear_pointer (&self->officers, g_ptr_array_unref);

  G_OBJECT_CLASS (loket_cooperative_parent_class)->finalize (object);
}

static void
loket_cooperative_class_init (LoketCooperativeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = loket_cooperative_finalize;
}

static void
loket_cooperative_init (LoketCooperative *self)
{
  self->kind = LOKET_COOPERATIVE_KDMP;
  self->potential = -1;
  self->active = -1;
  self->officers = g_ptr_array_new_with_free_func (g_object_unref);
}

LoketCooperative *
loket_cooperative_new (void)
{
  return g_object_new (LOKET_TYPE_COOPERATIVE, NULL);
}

LoketCooperative *
loket_cooperative_copy (LoketCooperative *cooperative)
{
  LoketCooperative *copy = loket_cooperative_new ();

  copy->id = cooperative->id;
  copy->name = g_strdup (cooperative->name);
  copy->kind = cooperative->kind;
  copy->ahu = g_strdup (cooperative->ahu);
  copy->nib = g_strdup (cooperative->nib);
  copy->npwp = g_strdup (cooperative->npwp);
  copy->nik_koperasi = g_strdup (cooperative->nik_koperasi);
  copy->street = g_strdup (cooperative->street);
  copy->village = g_strdup (cooperative->village);
  copy->district = g_strdup (cooperative->district);
  copy->regency = g_strdup (cooperative->regency);
  copy->province = g_strdup (cooperative->province);
  copy->postcode = g_strdup (cooperative->postcode);
  copy->region_code = g_strdup (cooperative->region_code);
  copy->potential = cooperative->potential;
  copy->inactive = cooperative->inactive;
  copy->registered = cooperative->registered;
  copy->active = cooperative->active;
  for (guint i = 0; i < cooperative->officers->len; i++)
    g_ptr_array_add (copy->officers,
                     loket_cooperative_officer_copy (g_ptr_array_index (cooperative->officers, i)));
  return copy;
}

static const struct {
  const char *code;
  const char *label;
} kinds[] = {
  [LOKET_COOPERATIVE_KDMP] = { "kdmp", N_("Koperasi Desa Merah Putih (KDMP)") },
  [LOKET_COOPERATIVE_KKMP] = { "kkmp", N_("Koperasi Kelurahan Merah Putih (KKMP)") },
  [LOKET_COOPERATIVE_OTHER] = { "other", N_("Other cooperative") },
};

const char *
loket_cooperative_kind_code (LoketCooperativeKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kinds), NULL);
  return kinds[kind].code;
}

const char *
loket_cooperative_kind_label (LoketCooperativeKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kinds), NULL);
  return _(kinds[kind].label);
}

gboolean
loket_cooperative_kind_parse (const char            *text,
                              LoketCooperativeKind  *out,
                              GError               **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text ? text : ""));

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_ascii_strcasecmp (trimmed, kinds[i].code) == 0)
      {
        *out = i;
        return TRUE;
      }
  g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
               _("Type: “%s” is not a type of cooperative. Choose kdmp (desa), kkmp (kelurahan) or other."),
               text ? text : "");
  return FALSE;
}

/* Reads `n` digits at *p into *value and moves past them. */
static gboolean
take_digits (const char **p,
             guint        n,
             int         *value)
{
  *value = 0;
  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit ((*p)[i]))
        return FALSE;
      *value = *value * 10 + ((*p)[i] - '0');
    }
  *p += n;
  return TRUE;
}

static gboolean
take_text (const char **p,
           const char  *text)
{
  if (!g_str_has_prefix (*p, text))
    return FALSE;
  *p += strlen (text);
  return TRUE;
}

char *
loket_ahu_normalize (const char   *text,
                     const GDate  *today,
                     GError      **error)
{
  g_autoptr(GString) compact = g_string_new (NULL);
  const char *p;
  int serial, code, year;

  /* Clerks copy the number from a scanned decree: case varies, and spaces
   * appear around the dots and dash, or vanish before the year. */
  for (const char *c = text ? text : ""; *c != '\0'; c++)
    if (!g_ascii_isspace (*c))
      g_string_append_c (compact, g_ascii_toupper (*c));

  p = compact->str;
  if (!take_text (&p, "AHU")
      || (take_text (&p, "-"), !take_digits (&p, 7, &serial))
      || !take_text (&p, ".AH.01.")
      || !take_digits (&p, 2, &code)
      || !take_text (&p, ".TAHUN")
      || !take_digits (&p, 4, &year)
      || *p != '\0')
    {
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                   _("AHU: “%s” is not a legal entity number in the form AHU-0025673.AH.01.29.TAHUN 2025. Copy it from the cooperative’s decree (SK AHU)."),
                   text ? text : "");
      return NULL;
    }
  if (year < AHU_FIRST_YEAR || (today != NULL && year > g_date_get_year (today)))
    {
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                   _("AHU: the year %d in “%s” cannot be right. Check the number on the cooperative’s decree (SK AHU)."),
                   year, text);
      return NULL;
    }

  return g_strdup_printf ("AHU-%07d.AH.01.%02d.TAHUN %04d", serial, code, year);
}

/* The digits of a number typed with spaces, dots or dashes between them;
 * NULL when anything else is in it. */
static char *
bare_digits (const char *text)
{
  g_autoptr(GString) digits = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
      else if (!strchr (" .-", *p))
        return NULL;
    }
  return g_string_free (g_steal_pointer (&digits), FALSE);
}

static void
check_numbers (LoketCooperative *draft,
               const GDate      *today,
               GPtrArray        *problems)
{
  if (draft->ahu != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *ahu = loket_ahu_normalize (draft->ahu, today, &error);

      if (ahu == NULL)
        add_error (problems, "ahu", "ahu", error->message);
      else
        set_string (&draft->ahu, ahu);
    }

  if (draft->nib != NULL)
    {
      g_autofree char *nib = bare_digits (draft->nib);

      if (nib == NULL || strlen (nib) != 13)
        loket_problems_add (problems, LOKET_SEVERITY_ERROR, "nib", "nib",
                            _("NIB: “%s” is not 13 digits. Type the Nomor Induk Berusaha from the OSS certificate."),
                            draft->nib);
      else
        set_string (&draft->nib, nib);
    }

  if (draft->npwp != NULL)
    {
      g_autofree char *npwp = bare_digits (draft->npwp);

      if (npwp == NULL || strlen (npwp) < 15 || strlen (npwp) > 16)
        loket_problems_add (problems, LOKET_SEVERITY_ERROR, "npwp", "npwp",
                            _("NPWP: “%s” is not 15 or 16 digits. Type the number from the NPWP card; its dots and dashes may stay."),
                            draft->npwp);
      else
        set_string (&draft->npwp, npwp);
    }

  /* domain.md gives no form for the Nomor Induk Koperasi; it is 16 digits
   * as far as is known, so another length is only a warning. */
  if (draft->nik_koperasi != NULL)
    {
      g_autofree char *number = bare_digits (draft->nik_koperasi);

      if (number == NULL || *number == '\0')
        loket_problems_add (problems, LOKET_SEVERITY_ERROR, "nik_koperasi", "nik-koperasi",
                            _("Nomor Induk Koperasi: “%s” is not a number. Type the digits from the cooperative’s certificate."),
                            draft->nik_koperasi);
      else
        {
          if (strlen (number) != 16)
            loket_problems_add (problems, LOKET_SEVERITY_WARNING, "nik_koperasi", "nik-koperasi-length",
                                _("Nomor Induk Koperasi: %s has %u digits where 16 are usual. Check it; it is kept as typed."),
                                number, (guint) strlen (number));
          set_string (&draft->nik_koperasi, number);
        }
    }
}

static void
check_cooperative_name (LoketCooperative *draft,
                        GPtrArray        *problems)
{
  if (!tidy_field (&draft->name, "name", _("Name"), problems))
    return;
  if (draft->name == NULL)
    add_error (problems, "name", "name-empty",
               _("Name: it is empty. Type the cooperative’s name as on its decree."));
  else if (g_utf8_strlen (draft->name, -1) > NAME_MAX_CHARS)
    loket_problems_add (problems, LOKET_SEVERITY_ERROR, "name", "name-too-long",
                        _("Name: it is longer than %d characters. Check that nothing was typed twice."),
                        NAME_MAX_CHARS);
}

GPtrArray *
loket_cooperative_check (LoketCooperative *draft,
                         const GDate      *today)
{
  GPtrArray *problems = loket_problems_new ();
  const struct { char **field; const char *name; const char *label; } texts[] = {
    { &draft->street, "street", N_("Street") },
    { &draft->village, "village", N_("Village") },
    { &draft->district, "district", N_("District") },
    { &draft->regency, "regency", N_("Regency/city") },
    { &draft->province, "province", N_("Province") },
    { &draft->postcode, "postcode", N_("Postcode") },
    { &draft->region_code, "region_code", N_("Region code") },
  };

  g_return_val_if_fail (LOKET_IS_COOPERATIVE (draft), problems);

  check_cooperative_name (draft, problems);
  if (draft->kind > LOKET_COOPERATIVE_OTHER)
    add_error (problems, "type", "type",
               _("Type: choose kdmp (desa), kkmp (kelurahan) or other."));
  check_numbers (draft, today, problems);

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    tidy_field (texts[i].field, texts[i].name, _(texts[i].label), problems);
  loket_regions_check_postcode (draft->postcode, problems);
  loket_regions_check_code (draft->region_code, &draft->province, &draft->regency,
                            &draft->district, problems);

  if (draft->potential < -1)
    add_error (problems, "potential", "potential",
               _("Potential members: it cannot be below zero. Type the number of workers the branch estimates in the cooperative’s area."));

  for (guint i = 0; i < draft->officers->len; i++)
    {
      LoketCooperativeOfficer *officer = g_ptr_array_index (draft->officers, i);
      /* Translators: an officer of a cooperative, numbered from 1 */
      g_autofree char *label = g_strdup_printf (_("Officer %u"), i + 1);

      loket_cooperative_officer_check (officer, label, today, problems);
    }

  return problems;
}

gint64
loket_cooperative_coverage_bp (LoketCooperative *cooperative)
{
  g_return_val_if_fail (LOKET_IS_COOPERATIVE (cooperative), -1);

  if (cooperative->potential <= 0)
    return -1;
  /* Half-up: (2 × registered × 10000 + potential) / (2 × potential). */
  return (2 * cooperative->registered * 10000 + cooperative->potential)
         / (2 * cooperative->potential);
}

/* ---- partnership agreements (PKS) --------------------------------------- */

G_DEFINE_FINAL_TYPE (LoketPartnership, loket_partnership, G_TYPE_OBJECT)

static void
loket_partnership_finalize (GObject *object)
{
  LoketPartnership *self = LOKET_PARTNERSHIP (object);

  g_free (self->number);
  g_free (self->sponsor_name);
  g_free (self->agent_kpj);
  g_free (self->agent_name);

  G_OBJECT_CLASS (loket_partnership_parent_class)->finalize (object);
}

static void
loket_partnership_class_init (LoketPartnershipClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = loket_partnership_finalize;
}

static void
loket_partnership_init (LoketPartnership *self)
{
  g_date_clear (&self->signed_on, 1);
  g_date_clear (&self->valid_from, 1);
  g_date_clear (&self->valid_until, 1);
  self->payment_months = 1;
}

LoketPartnership *
loket_partnership_new (void)
{
  return g_object_new (LOKET_TYPE_PARTNERSHIP, NULL);
}

LoketPartnership *
loket_partnership_copy (LoketPartnership *partnership)
{
  LoketPartnership *copy = loket_partnership_new ();

  copy->id = partnership->id;
  copy->cooperative_id = partnership->cooperative_id;
  copy->number = g_strdup (partnership->number);
  copy->signed_on = partnership->signed_on;
  copy->valid_from = partnership->valid_from;
  copy->valid_until = partnership->valid_until;
  copy->segment = partnership->segment;
  copy->programs = partnership->programs;
  copy->base_income = partnership->base_income;
  copy->payment_months = partnership->payment_months;
  copy->payer = partnership->payer;
  copy->sponsor_name = g_strdup (partnership->sponsor_name);
  copy->agent_kpj = g_strdup (partnership->agent_kpj);
  copy->ended = partnership->ended;
  copy->agent_id = partnership->agent_id;
  copy->agent_name = g_strdup (partnership->agent_name);
  return copy;
}

static const char *const payers[] = {
  [LOKET_PAYER_MEMBERS] = "members",
  [LOKET_PAYER_COOP] = "coop",
  [LOKET_PAYER_SPONSOR] = "sponsor",
  [LOKET_PAYER_PEMDA] = "pemda",
};

const char *
loket_payer_code (LoketPayer payer)
{
  g_return_val_if_fail (payer < G_N_ELEMENTS (payers), NULL);
  return payers[payer];
}

gboolean
loket_payer_parse (const char  *text,
                   LoketPayer  *out,
                   GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text ? text : ""));

  for (guint i = 0; i < G_N_ELEMENTS (payers); i++)
    if (g_ascii_strcasecmp (trimmed, payers[i]) == 0)
      {
        *out = i;
        return TRUE;
      }
  g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
               _("Payer: “%s” is not who pays. Choose members, coop (the cooperative), sponsor or pemda (local government)."),
               text ? text : "");
  return FALSE;
}

static void
check_partnership_dates (LoketPartnership *draft,
                         const GDate      *today,
                         GPtrArray        *problems)
{
  if (!g_date_valid (&draft->signed_on))
    add_error (problems, "signed_on", "signed-on-empty",
               _("Signed on: it is empty. Type the date the PKS was signed."));
  else if (g_date_compare (&draft->signed_on, today) > 0)
    add_error (problems, "signed_on", "signed-on-future",
               _("Signed on: it is after today. Check the date on the PKS."));

  if (!g_date_valid (&draft->valid_from))
    add_error (problems, "valid_from", "valid-from-empty",
               _("Valid from: it is empty. Type the first day the PKS is in force."));
  if (!g_date_valid (&draft->valid_until))
    add_error (problems, "valid_until", "valid-until-empty",
               _("Valid until: it is empty. Type the last day the PKS is in force."));
  if (!g_date_valid (&draft->valid_from) || !g_date_valid (&draft->valid_until))
    return;

  if (g_date_compare (&draft->valid_until, &draft->valid_from) < 0)
    add_error (problems, "valid_until", "valid-until-before-from",
               _("Valid until: it is before the day the PKS starts. Check both dates on the PKS."));
  else if (!draft->ended && g_date_compare (&draft->valid_until, today) < 0)
    {
      g_autofree char *until = loket_date_to_iso (&draft->valid_until);

      loket_problems_add (problems, LOKET_SEVERITY_ERROR, "valid_until", "pks-expired",
                          _("Valid until: %s is past, so the PKS cannot be the active one. Record it as ended, or check the date."),
                          until);
    }
  else if (!draft->ended && g_date_compare (&draft->valid_from, today) > 0)
    {
      g_autofree char *from = loket_date_to_iso (&draft->valid_from);

      /* Recorded now, it is the cooperative's PKS from now: the one before
       * ends, and nobody can be enrolled until this one starts. */
      loket_problems_add (problems, LOKET_SEVERITY_WARNING, "valid_from", "pks-not-yet-in-force",
                          _("Valid from: the PKS takes effect on %s; no member can be enrolled through it before then. Recorded now, it ends the cooperative’s current PKS, if there is one, at once."),
                          from);
    }
}

GPtrArray *
loket_partnership_check (LoketPartnership *draft,
                         LoketRateBook    *book,
                         const GDate      *today)
{
  GPtrArray *problems = loket_problems_new ();
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (LOKET_IS_PARTNERSHIP (draft), problems);

  if (tidy_field (&draft->number, "number", _("PKS number"), problems))
    {
      if (draft->number == NULL)
        add_error (problems, "number", "number-empty",
                   _("PKS number: it is empty. Type the number of the agreement as written on it."));
      else if (g_utf8_strlen (draft->number, -1) > NUMBER_MAX_CHARS)
        loket_problems_add (problems, LOKET_SEVERITY_ERROR, "number", "number-too-long",
                            _("PKS number: it is longer than %d characters. Check that nothing was typed twice."),
                            NUMBER_MAX_CHARS);
    }

  check_partnership_dates (draft, today, problems);

  if (draft->segment >= LOKET_N_SEGMENTS)
    add_error (problems, "segment", "segment",
               _("Segment: choose bpu, pu, jakon or pmi."));
  else
    {
      loket_segment_check_programs (draft->segment, draft->programs, problems);
      /* The income rule of the day the members start under it. */
      if (book != NULL
          && !loket_contribution_check_income (book, draft->segment, draft->base_income,
                                            g_date_valid (&draft->valid_from) ? &draft->valid_from : today,
                                            &error))
        {
          add_error (problems, "base_income", "base-income", error->message);
          g_clear_error (&error);
        }
    }

  if (draft->payment_months != 1 && draft->payment_months != 3
      && draft->payment_months != 6 && draft->payment_months != 12)
    loket_problems_add (problems, LOKET_SEVERITY_ERROR, "payment_months", "payment-months",
                        _("Payment period: %d months is not a period. Choose 1, 3, 6 or 12 months."),
                        draft->payment_months);

  if (tidy_field (&draft->sponsor_name, "sponsor_name", _("Sponsor"), problems))
    {
      if (draft->payer == LOKET_PAYER_SPONSOR && draft->sponsor_name == NULL)
        add_error (problems, "sponsor_name", "sponsor-name-empty",
                   _("Sponsor: it is empty. A sponsor pays under this PKS: type the sponsor’s name (the company or the CSR programme)."));
      else if ((draft->payer == LOKET_PAYER_MEMBERS || draft->payer == LOKET_PAYER_COOP)
               && draft->sponsor_name != NULL)
        add_error (problems, "sponsor_name", "sponsor-name-unexpected",
                   _("Sponsor: only a PKS paid by a sponsor or the local government names one. Remove the sponsor, or change who pays."));
    }

  if (draft->agent_kpj != NULL)
    {
      g_autofree char *kpj = loket_kpj_normalize (draft->agent_kpj, &error);

      if (kpj == NULL)
        add_error (problems, "agent", "agent-kpj", error->message);
      else
        set_string (&draft->agent_kpj, kpj);
    }

  return problems;
}

gboolean
loket_partnership_in_force (LoketPartnership *partnership,
                            const GDate      *on)
{
  g_return_val_if_fail (LOKET_IS_PARTNERSHIP (partnership), FALSE);

  return !partnership->ended
         && g_date_valid (&partnership->valid_from)
         && g_date_valid (&partnership->valid_until)
         && g_date_compare (&partnership->valid_from, on) <= 0
         && g_date_compare (on, &partnership->valid_until) <= 0;
}

/* ---- agents (Agen Perisai) ---------------------------------------------- */

G_DEFINE_FINAL_TYPE (LoketAgent, loket_agent, G_TYPE_OBJECT)

static void
loket_agent_finalize (GObject *object)
{
  LoketAgent *self = LOKET_AGENT (object);

  g_free (self->kpj);
  g_free (self->kantor_perisai);
  g_free (self->name);
  g_clear_pointer (&self->cooperative_ids, g_array_unref);

  G_OBJECT_CLASS (loket_agent_parent_class)->finalize (object);
}

static void
loket_agent_class_init (LoketAgentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = loket_agent_finalize;
}

static void
loket_agent_init (LoketAgent *self)
{
  g_date_clear (&self->appointed_on, 1);
  self->cooperative_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

LoketAgent *
loket_agent_new (void)
{
  return g_object_new (LOKET_TYPE_AGENT, NULL);
}

GPtrArray *
loket_agent_check (LoketAgent  *draft,
                   const GDate *today)
{
  GPtrArray *problems = loket_problems_new ();

  g_return_val_if_fail (LOKET_IS_AGENT (draft), problems);

  if (draft->kpj == NULL)
    add_error (problems, "kpj", "kpj-empty",
               _("KPJ: it is empty. Type the member number of the member to appoint as agent."));
  else
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *kpj = loket_kpj_normalize (draft->kpj, &error);

      if (kpj == NULL)
        add_error (problems, "kpj", "kpj", error->message);
      else
        set_string (&draft->kpj, kpj);
    }

  if (!g_date_valid (&draft->appointed_on))
    draft->appointed_on = *today;
  else if (g_date_compare (&draft->appointed_on, today) > 0)
    add_error (problems, "appointed_on", "appointed-on-future",
               _("Appointed on: it is after today. Check the date of the appointment."));

  tidy_field (&draft->kantor_perisai, "kantor_perisai", _("Kantor Perisai"), problems);

  for (guint i = 0; i < draft->cooperative_ids->len; i++)
    if (g_array_index (draft->cooperative_ids, gint64, i) <= 0)
      add_error (problems, "cooperatives", "cooperative-id",
                 _("Cooperatives: a cooperative’s number is a whole number above 0. Check the list."));

  return problems;
}

gboolean
loket_agent_incentive_compute (LoketRateBook        *book,
                               LoketAgentIncentive  *incentive,
                               GError              **error)
{
  GDate first = incentive->month;

  g_return_val_if_fail (g_date_valid (&incentive->month), FALSE);

  /* The month's rules are those in force on its first day, as with the
   * contributions of each month. */
  loket_date_first_of_month (&first);
  incentive->month = first;
  if (!loket_rate_book_get (book, LOKET_RATE_AGENT_THRESHOLD, &first, &incentive->threshold, error)
      || !loket_rate_book_get (book, LOKET_RATE_AGENT_PER_MEMBER, &first, &incentive->per_member, error)
      || !loket_rate_book_get (book, LOKET_RATE_AGENT_FIRST_BP, &first, &incentive->share_first_bp, error)
      || !loket_rate_book_get (book, LOKET_RATE_AGENT_FIRST_MONTHS, &first, &incentive->share_first_months, error)
      || !loket_rate_book_get (book, LOKET_RATE_AGENT_LATER_BP, &first, &incentive->share_later_bp, error)
      || !loket_rate_book_get (book, LOKET_RATE_AGENT_LATER_MONTHS, &first, &incentive->share_later_months, error))
    return FALSE;

  /* Perdir 13/2022: the per-member amount is paid for every new member of
   * a month in which the agent brought at least the threshold, and for none
   * below it (not only for those past the threshold). */
  incentive->new_member_incentive = incentive->new_members >= incentive->threshold
                                    ? incentive->new_members * incentive->per_member
                                    : 0;

  if (incentive->contributions_recorded)
    incentive->contribution_share = loket_money_apply_bp (incentive->collected_first, incentive->share_first_bp)
                                    + loket_money_apply_bp (incentive->collected_later, incentive->share_later_bp);
  else
    incentive->contribution_share = 0;

  incentive->total = incentive->new_member_incentive + incentive->contribution_share;
  return TRUE;
}
