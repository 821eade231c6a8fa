/* loket-member.c */
#include "config.h"

#include "loket-member.h"

G_DEFINE_FINAL_TYPE (LoketMember, loket_member, G_TYPE_OBJECT)

static void
loket_member_finalize (GObject *object)
{
  LoketMember *self = LOKET_MEMBER (object);

  g_free (self->kpj);
  g_free (self->nik);
  g_free (self->name);
  g_free (self->occupation);
  g_free (self->phone);
  g_free (self->street);
  g_free (self->rt);
  g_free (self->rw);
  g_free (self->village);
  g_free (self->district);
  g_free (self->regency);
  g_free (self->province);
  g_free (self->postcode);
  g_free (self->region_code);

  G_OBJECT_CLASS (loket_member_parent_class)->finalize (object);
}

static void
loket_member_class_init (LoketMemberClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = loket_member_finalize;
}

static void
loket_member_init (LoketMember *self)
{
  g_date_clear (&self->birth_date, 1);
  g_date_clear (&self->registered_on, 1);
}

LoketMember *
loket_member_new (void)
{
  return g_object_new (LOKET_TYPE_MEMBER, NULL);
}

LoketMember *
loket_member_copy (LoketMember *member)
{
  LoketMember *copy = loket_member_new ();

  copy->id = member->id;
  copy->kpj = g_strdup (member->kpj);
  copy->nik = g_strdup (member->nik);
  copy->name = g_strdup (member->name);
  copy->birth_date = member->birth_date;
  copy->sex = member->sex;
  copy->segment = member->segment;
  copy->programs = member->programs;
  copy->income = member->income;
  copy->risk_class = member->risk_class;
  copy->occupation = g_strdup (member->occupation);
  copy->phone = g_strdup (member->phone);
  copy->street = g_strdup (member->street);
  copy->rt = g_strdup (member->rt);
  copy->rw = g_strdup (member->rw);
  copy->village = g_strdup (member->village);
  copy->district = g_strdup (member->district);
  copy->regency = g_strdup (member->regency);
  copy->province = g_strdup (member->province);
  copy->postcode = g_strdup (member->postcode);
  copy->region_code = g_strdup (member->region_code);
  copy->registered_on = member->registered_on;
  return copy;
}

/* Empty strings are stored as NULL, so "not given" has one spelling. */
void
loket_member_set_string (char       **field,
                         const char  *value)
{
  g_free (*field);
  *field = (value != NULL && *value != '\0') ? g_strdup (value) : NULL;
}
