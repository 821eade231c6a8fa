/* loket-phone.h: mobile numbers, stored in E.164 (domain.md §7). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "0812-3456-7890", "+62 812 3456 7890" or "6281234567890" → "+6281234567890".
 * Spaces, dashes, dots and brackets are ignored. Only Indonesian mobile
 * numbers (08…, 10 to 13 digits in the local form) are accepted. */
char *loket_phone_normalize (const char  *text,
                             GError     **error);

/* "+6281917452231" → "0819-1745-2231", as a clerk reads it out; anything
 * not Indonesian is returned as it is. */
char *loket_phone_format    (const char  *e164);

G_END_DECLS
