/* loket-date.h: calendar dates as the core passes them around.
 *
 * Dates are GDate values (no time, no zone). Nothing in the core asks the
 * clock: "today" is always a parameter, so tests and `loket-cli --today` are
 * reproducible. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean loket_date_parse_iso     (const char   *text,
                                   const char   *field_label,
                                   GDate        *out,
                                   GError      **error);
/* A date as a clerk types it: DD/MM/YYYY, DD-MM-YYYY (the day and month
 * may have one digit) or YYYY-MM-DD, with spaces around it ignored. The
 * year always has four digits: "12/05/90" could be 1990 or 2090. */
gboolean loket_date_parse_local   (const char   *text,
                                   const char   *field_label,
                                   GDate        *out,
                                   GError      **error);
gboolean loket_date_parse_month   (const char   *text,
                                   const char   *field_label,
                                   GDate        *out,
                                   GError      **error);
char    *loket_date_to_iso        (const GDate  *date);
void     loket_date_set_today     (GDate        *out);
int      loket_date_age_on        (const GDate  *birth,
                                   const GDate  *on);
void     loket_date_first_of_month (GDate       *date);
void     loket_date_add_months_first (const GDate *date,
                                   int           months,
                                   GDate        *out);

G_END_DECLS
