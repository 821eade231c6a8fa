/* loket-staff.h: who is at the counter.
 *
 * Every record of an act (a card printed, a payment taken, a claim advanced)
 * names the staff member who did it. Until staff accounts exist (issue 8),
 * that is the name the CLI was given with --user or LOKET_USER, or else the
 * name of the system account running Loket. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The acting staff member's name: `requested` when not NULL or empty, then
 * LOKET_USER, then the system account's name. Never NULL. */
char *loket_staff_current_name (const char *requested);

G_END_DECLS
