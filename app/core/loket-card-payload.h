/* loket-card-payload.h: what the QR code on a membership card holds.
 *
 * "LKT1:<11-digit KPJ>:<check>", the check being the first four hex digits of
 * SHA-256("loket-card:" + KPJ). Short, so the code stays small and a scanner
 * reads it at a glance; checked, so a mistyped or forged payload is refused
 * rather than opening the wrong member. A scanner that "types" into the
 * search field sends the same text, perhaps with a trailing newline. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define LOKET_CARD_PAYLOAD_PREFIX "LKT1:"
/* "LKT1:" + 11 digits + ":" + 4 hex digits: a scan typed this far is whole. */
#define LOKET_CARD_PAYLOAD_LENGTH 21

/* The payload for a valid 11-digit KPJ; NULL when `kpj` is not one. */
char     *loket_card_payload_make   (const char  *kpj);
/* TRUE when `text` looks like a card payload at all (after trimming), so
 * a search field can tell a scan from a typed query. */
gboolean  loket_card_payload_looks_like (const char *text);
/* Reads a payload as scanned (whitespace around ignored) and sets *kpj to
 * the 11 bare digits; a malformed payload or a failed check is a
 * LOKET_ERROR_INVALID saying so. */
gboolean  loket_card_payload_parse  (const char  *text,
                                     char       **kpj,
                                     GError     **error);

G_END_DECLS
