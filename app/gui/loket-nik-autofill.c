/* loket-nik-autofill.c */
#include "config.h"

#include "loket-format.h"
#include "loket-nik-autofill.h"
#include "loket-nik.h"

typedef enum {
  ENTRY_BIRTH_DATE,
  ENTRY_PROVINCE,
  ENTRY_REGENCY,
  ENTRY_DISTRICT,
  ENTRY_REGION_CODE,
  N_ENTRIES
} EntryId;

struct _LoketNikAutofill
{
  GObject      parent_instance;

  GtkEditable *entries[N_ENTRIES];  /* borrowed */
  char        *filled[N_ENTRIES];   /* owned: what each was filled with, if it was */
  AdwComboRow *sex;                 /* borrowed */
  char         filled_sex;          /* 'L' or 'P' when the sex was filled, else 0 */
  char        *last_nik;            /* owned: the 16 digits the fields were filled from */
};

G_DEFINE_FINAL_TYPE (LoketNikAutofill, loket_nik_autofill, G_TYPE_OBJECT)

/* The position of a sex in the combo. */
static guint
sex_position (char sex)
{
  return sex == 'L' ? 1 : 2;
}

static void
fill_entry (LoketNikAutofill *self,
            EntryId           entry,
            const char       *value)
{
  const char *current = gtk_editable_get_text (self->entries[entry]);

  if (value == NULL || (*current != '\0' && g_strcmp0 (current, self->filled[entry]) != 0))
    return;
  g_free (self->filled[entry]);
  self->filled[entry] = g_strdup (value);
  gtk_editable_set_text (self->entries[entry], value);
}

static void
fill_sex (LoketNikAutofill *self,
          char              sex)
{
  guint selected = adw_combo_row_get_selected (self->sex);

  if (sex == 0 || (selected != 0 && (self->filled_sex == 0 || selected != sex_position (self->filled_sex))))
    return;
  self->filled_sex = sex;
  adw_combo_row_set_selected (self->sex, sex_position (sex));
}

static void
loket_nik_autofill_finalize (GObject *object)
{
  LoketNikAutofill *self = LOKET_NIK_AUTOFILL (object);

  for (guint i = 0; i < N_ENTRIES; i++)
    g_free (self->filled[i]);
  g_free (self->last_nik);

  G_OBJECT_CLASS (loket_nik_autofill_parent_class)->finalize (object);
}

static void
loket_nik_autofill_class_init (LoketNikAutofillClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = loket_nik_autofill_finalize;
}

static void
loket_nik_autofill_init (LoketNikAutofill *self)
{
}

LoketNikAutofill *
loket_nik_autofill_new (GtkEditable *birth_date,
                        AdwComboRow *sex,
                        GtkEditable *province,
                        GtkEditable *regency,
                        GtkEditable *district,
                        GtkEditable *region_code)
{
  LoketNikAutofill *self = g_object_new (LOKET_TYPE_NIK_AUTOFILL, NULL);

  self->entries[ENTRY_BIRTH_DATE] = birth_date;
  self->sex = sex;
  self->entries[ENTRY_PROVINCE] = province;
  self->entries[ENTRY_REGENCY] = regency;
  self->entries[ENTRY_DISTRICT] = district;
  self->entries[ENTRY_REGION_CODE] = region_code;
  return self;
}

void
loket_nik_autofill_fill (LoketNikAutofill *self,
                         const char       *nik,
                         const GDate      *today)
{
  g_autoptr(LoketNikInfo) info = NULL;
  const char *region = NULL;

  g_return_if_fail (LOKET_IS_NIK_AUTOFILL (self));
  g_return_if_fail (nik != NULL);

  info = loket_nik_parse (nik, today);
  if (info->nik[0] == '\0' || g_strcmp0 (info->nik, self->last_nik) == 0)
    return;
  g_free (self->last_nik);
  self->last_nik = g_strdup (info->nik);

  if (g_date_valid (&info->birth_date))
    {
      g_autofree char *birth = loket_format_date_numeric (&info->birth_date);
      fill_entry (self, ENTRY_BIRTH_DATE, birth);
    }
  fill_sex (self, info->sex);
  fill_entry (self, ENTRY_PROVINCE, info->province);
  fill_entry (self, ENTRY_REGENCY, info->regency);
  fill_entry (self, ENTRY_DISTRICT, info->district);
  if (info->district != NULL)
    region = info->district_code;
  else if (info->regency != NULL)
    region = info->regency_code;
  else if (info->province != NULL)
    region = info->province_code;
  fill_entry (self, ENTRY_REGION_CODE, region);
}

void
loket_nik_autofill_reset (LoketNikAutofill *self,
                          const char       *nik)
{
  g_return_if_fail (LOKET_IS_NIK_AUTOFILL (self));

  for (guint i = 0; i < N_ENTRIES; i++)
    g_clear_pointer (&self->filled[i], g_free);
  self->filled_sex = 0;
  g_free (self->last_nik);
  self->last_nik = g_strdup (nik);
}
