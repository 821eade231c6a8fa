/* loket-error.h: the LOKET_ERROR domain, shared by every core call.
 *
 * The codes are stable: the CLI maps them to its exit codes and prints their
 * names in JSON, so a code is only ever added, never renumbered. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define LOKET_ERROR (loket_error_quark ())

typedef enum {
  LOKET_ERROR_INVALID = 1,        /* input rejected: exit 1 */
  LOKET_ERROR_USAGE,              /* malformed command line: exit 2 */
  LOKET_ERROR_NOT_FOUND,          /* exit 3 */
  LOKET_ERROR_CONFLICT,           /* duplicate NIK, already paid: exit 4 */
  LOKET_ERROR_STORAGE,            /* database or file I/O failed: exit 5 */
  LOKET_ERROR_NEWER_SCHEMA,       /* database written by a newer Loket: exit 5 */
  LOKET_ERROR_RATE_MISSING,       /* no rate row in force for the date: exit 1 */
  LOKET_ERROR_PROBABLE_DUPLICATE, /* needs the caller's confirmation: exit 4 */
} LoketErrorCode;

GQuark      loket_error_quark     (void);
const char *loket_error_code_name (int code);
int         loket_error_exit_code (const GError *error);

G_END_DECLS
