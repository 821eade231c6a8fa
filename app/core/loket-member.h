/* loket-member.h: a member (peserta), saved or about to be.
 *
 * One type serves both: a draft is a LoketMember with id 0 and no KPJ that
 * the registration rules check and the store saves, handing back the saved
 * member. Fields are public for reading; change a saved member only through
 * the store, which owns every write. Strings are owned, NULL when empty. */
#pragma once

#include <glib-object.h>

#include "loket-program.h"

G_BEGIN_DECLS

#define LOKET_TYPE_MEMBER (loket_member_get_type ())

G_DECLARE_FINAL_TYPE (LoketMember, loket_member, LOKET, MEMBER, GObject)

struct _LoketMember
{
  GObject       parent_instance;

  gint64        id;             /* 0 until saved */
  char         *kpj;            /* 11 digits, NULL until saved */
  char         *nik;            /* 16 digits */
  char         *name;           /* as it will be printed: tidied whitespace */
  GDate         birth_date;
  char          sex;            /* 'L' or 'P' */
  LoketSegment  segment;
  LoketPrograms programs;
  gint64        income;         /* declared income (BPU) or wage (PU), rupiah */
  int           risk_class;     /* PU: 1..5; 0 otherwise */
  char         *occupation;
  char         *phone;          /* E.164 once validated */
  char         *street;         /* street and number */
  char         *rt;             /* "014" */
  char         *rw;             /* "004" */
  char         *village;        /* kelurahan / desa */
  char         *district;       /* kecamatan */
  char         *regency;        /* kabupaten / kota */
  char         *province;
  char         *postcode;       /* 5 digits */
  char         *region_code;    /* "52.03.01" or "52.03.01.2001" */
  GDate         registered_on;
};

LoketMember *loket_member_new          (void);
/* A deep copy, for editing without touching the original. */
LoketMember *loket_member_copy         (LoketMember *member);
void         loket_member_set_string   (char       **field,
                                        const char  *value);

G_END_DECLS
