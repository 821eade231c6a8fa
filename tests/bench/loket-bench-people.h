/* loket-bench-people.h: made-up but plausible members, and the clock, shared
 * by the benchmark generator and the benchmark.
 *
 * The members look like those of a Lombok branch: most live in Nusa
 * Tenggara Barat, names are Sasak, Javanese, Sundanese, Balinese, Bugis and
 * Arabic-derived (with the accents and apostrophes people really have), and
 * every NIK is valid for its holder's birth date, sex and a real district.
 * The same seed gives the same people. */
#pragma once

#include <glib.h>

#include "loket-member.h"

G_BEGIN_DECLS

typedef struct _LoketBenchPeople LoketBenchPeople;

/* `today` bounds the ages (15 to 65 on it). NIK serials of each group
 * (district, birth date, sex) count up from `first_serial`, so that two
 * makers with far-apart first serials do not hand out the same NIK. */
LoketBenchPeople *loket_bench_people_new   (guint32            seed,
                                            const GDate       *today,
                                            int                first_serial);
void              loket_bench_people_free  (LoketBenchPeople  *people);
GRand            *loket_bench_people_get_rand (LoketBenchPeople *people);

/* A member as registered on `registered_on` (not after today): 15 to 64
 * years old on that day, with NIK, name, birth date, sex, segment, programs,
 * income (and risk class for PU), occupation, phone in E.164, street, RT/RW,
 * and region code and names from the NIK's district. No id, no KPJ.
 * Returns NULL only when the NIK serials run out (billions of members). */
LoketMember      *loket_bench_people_make  (LoketBenchPeople  *people,
                                            const GDate       *registered_on);

/* Monotonic time in seconds, with the nanosecond resolution that timing a
 * query of a tenth of a millisecond needs (g_get_monotonic_time is in µs). */
double            loket_bench_now          (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoketBenchPeople, loket_bench_people_free)

G_END_DECLS
