/* loket-error.c */
#include "loket-error.h"

G_DEFINE_QUARK (loket-error-quark, loket_error)

/* The names appear in the CLI's JSON ("code"), so scripts can rely on them. */
const char *
loket_error_code_name (int code)
{
  switch ((LoketErrorCode) code)
    {
    case LOKET_ERROR_INVALID: return "invalid";
    case LOKET_ERROR_USAGE: return "usage";
    case LOKET_ERROR_NOT_FOUND: return "not-found";
    case LOKET_ERROR_CONFLICT: return "conflict";
    case LOKET_ERROR_STORAGE: return "storage";
    case LOKET_ERROR_NEWER_SCHEMA: return "newer-schema";
    case LOKET_ERROR_RATE_MISSING: return "rate-missing";
    case LOKET_ERROR_PROBABLE_DUPLICATE: return "probable-duplicate";
    default: return "unknown";
    }
}

int
loket_error_exit_code (const GError *error)
{
  if (error == NULL)
    return 0;
  if (error->domain != LOKET_ERROR)
    return 5;

  switch ((LoketErrorCode) error->code)
    {
    case LOKET_ERROR_INVALID:
    case LOKET_ERROR_RATE_MISSING:
      return 1;
    case LOKET_ERROR_USAGE:
      return 2;
    case LOKET_ERROR_NOT_FOUND:
      return 3;
    case LOKET_ERROR_CONFLICT:
    case LOKET_ERROR_PROBABLE_DUPLICATE:
      return 4;
    case LOKET_ERROR_STORAGE:
    case LOKET_ERROR_NEWER_SCHEMA:
    default:
      return 5;
    }
}
