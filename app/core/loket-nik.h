/* loket-nik.h: the 16-digit Nomor Induk Kependudukan (domain.md §5).
 *
 * PP KK CC DD MM YY SSSS: province, regency/city, district, birth day (+40 for
 * women), month, two-digit year, serial. Parsing never stops at the first
 * problem: it reports all of them so the clerk fixes the NIK in one go. */
#pragma once

#include <glib.h>

#include "loket-problem.h"

G_BEGIN_DECLS

typedef struct {
  char      nik[17];          /* the digits as typed, when 16 digits */
  char      province_code[3]; /* "52" */
  char      regency_code[6];  /* "52.03" */
  char      district_code[9]; /* "52.03.01" */
  const char *province;       /* borrowed; NULL when the code is unknown */
  const char *regency;        /* borrowed; NULL when unknown */
  const char *district;       /* borrowed; NULL when unknown */
  GDate     birth_date;       /* invalid (g_date_valid() FALSE) when unreadable */
  char      sex;              /* 'L', 'P', or 0 when unreadable */
  int       serial;           /* 1..9999, or 0 */
  GPtrArray *problems;        /* owned; LoketProblem, errors and warnings */
} LoketNikInfo;

/* Never returns NULL. `today` decides the century of the two-digit year: the
 * latest century that does not put the birth date after `today`. */
LoketNikInfo *loket_nik_parse         (const char   *text,
                                       const GDate  *today);
gboolean      loket_nik_info_is_valid (const LoketNikInfo *info);
/* Adds an error to info->problems when the birth date or sex the clerk typed
 * (either may be NULL / 0 to skip) disagrees with what the NIK encodes. */
void          loket_nik_check_against (LoketNikInfo *info,
                                       const GDate  *birth_date,
                                       char          sex);
void          loket_nik_info_free     (LoketNikInfo *info);
/* "************1234": all but the last four digits hidden, for lists. */
char         *loket_nik_mask          (const char   *nik);
/* `text` with every run of exactly 16 digits masked as loket_nik_mask
 * does: for showing a record's text (an audit entry) in a list. */
char         *loket_nik_mask_in_text  (const char   *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoketNikInfo, loket_nik_info_free)

G_END_DECLS
