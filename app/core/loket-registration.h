/* loket-registration.h: the rules a new member must meet (issue 2, domain.md
 * §1, §2, §5, §7). Pure: no database; the store runs these before it writes,
 * and the window runs them as the clerk types. */
#pragma once

#include <glib.h>

#include "loket-member.h"
#include "loket-problem.h"
#include "loket-rates.h"

G_BEGIN_DECLS

/* Rate keys of the registration limits (years, on the registration date). */
#define LOKET_RATE_AGE_MIN     "registration.age_min"
#define LOKET_RATE_AGE_MAX     "registration.age_max"
#define LOKET_RATE_JKP_AGE_MAX "pu.jkp.age_below"

/* Checks every field of `draft` and tidies it in place (name whitespace,
 * phone to E.164, RT/RW padded, region names filled from the region code, JKP
 * added for a PU member young enough). Returns the problems found, errors and
 * warnings, never NULL. Ages are judged on draft->registered_on when it is
 * set (an edit of a saved member), else on `today` (a new registration). */
GPtrArray *loket_registration_check (LoketMember   *draft,
                                     LoketRateBook *book,
                                     const GDate   *today);

G_END_DECLS
