/* loket-kpj.h: member numbers (Kartu Peserta Jamsostek, domain.md §5).
 *
 * Loket issues its own 11-digit numbers: a 2-digit branch prefix, an 8-digit
 * sequence, and a Luhn check digit over the first ten. Luhn catches every
 * single mistyped digit and every swap of two neighbouring digits except
 * 0 and 9, and any tool can check it, so a mistyped number is caught at the
 * counter rather than opening the wrong member. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define LOKET_KPJ_LENGTH 11
#define LOKET_KPJ_MAX_SEQUENCE 99999999

/* The check digit ('0'..'9') for ten digits. */
char     loket_kpj_check_digit   (const char *ten_digits);
/* Builds the number for a 2-digit prefix and a sequence 1..99 999 999;
 * returns a new string. */
char    *loket_kpj_make          (const char *prefix,
                                  gint64      sequence,
                                  GError    **error);
/* Accepts the number as typed (spaces, dots and dashes between the groups are
 * ignored) and returns the 11 bare digits, or an error naming what is wrong. */
char    *loket_kpj_normalize     (const char *text,
                                  GError    **error);
/* TRUE for two ASCII digits: what a branch prefix must be. */
gboolean loket_kpj_prefix_is_valid (const char *prefix);
/* As loket_kpj_prefix_is_valid, with the error the clerk reads. */
gboolean loket_kpj_check_prefix  (const char *prefix,
                                  GError    **error);
/* "01-2345-6789-0": the groups printed on cards and receipts. */
char    *loket_kpj_format        (const char *kpj);

G_END_DECLS
