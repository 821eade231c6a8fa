/* loket-format.h: money, dates and amounts in words, the Indonesian way
 * (domain.md §7). These are the forms printed on receipts, cards and letters,
 * so they are Indonesian whatever language the interface is in. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "Rp16.800", "Rp42.000.000", "-Rp8.400", "Rp0". */
char       *loket_format_rupiah          (gint64       amount);
/* Reads rupiah as typed: "1000000", "1.000.000", "Rp1.000.000" or
 * "Rp 1.000.000", spaces around ignored. Dots only as thousands separators
 * in their places, so "1.5" (a decimal by mistake) is refused rather than
 * read as 15. The error names `field_label`. */
gboolean    loket_format_parse_rupiah    (const char  *text,
                                          const char  *field_label,
                                          gint64      *out,
                                          GError     **error);
/* "Rp14,3 miliar", "Rp1,5 juta", "Rp2 triliun"; below one million the full
 * form ("Rp16.800"). One decimal, rounded half-up, ",0" dropped. */
char       *loket_format_rupiah_short    (gint64       amount);
/* Basis points as a percentage, Indonesian decimals: 100 → "1%",
 * 89 → "0,89%", 370 → "3,7%", -50 → "-0,5%". */
char       *loket_format_percent         (gint64       basis_points);
/* "22 Januari 2025" */
char       *loket_format_date            (const GDate *date);
/* "Rabu, 22 Januari 2025" */
char       *loket_format_date_long       (const GDate *date);
/* "22/01/2025" */
char       *loket_format_date_numeric    (const GDate *date);
/* "empat puluh dua juta rupiah"; "nol rupiah"; "minus ..." for negatives.
 * NULL beyond 999.999.999.999.999 (the hundreds of trillions). */
char       *loket_format_terbilang       (gint64       amount);
/* 1 → "Januari" … 12 → "Desember"; NULL outside 1..12. */
const char *loket_format_month_name      (int          month);
/* G_DATE_MONDAY (1) → "Senin" … G_DATE_SUNDAY (7) → "Minggu". */
const char *loket_format_weekday_name    (GDateWeekday weekday);

G_END_DECLS
