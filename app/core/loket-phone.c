/* loket-phone.c */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "loket-error.h"
#include "loket-phone.h"

#define LOCAL_MIN_DIGITS 10
#define LOCAL_MAX_DIGITS 13

char *
loket_phone_normalize (const char  *text,
                       GError     **error)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  const char *national;  /* the digits after the leading 0 or 62 */
  gsize local_length;

  for (const char *p = text ? text : ""; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
      else if (*p == '+' && digits->len == 0 && p == text)
        continue;
      else if (!strchr (" -.()", *p))
        goto invalid;
    }

  if (g_str_has_prefix (digits->str, "08"))
    national = digits->str + 1;
  else if (g_str_has_prefix (digits->str, "628"))
    national = digits->str + 2;
  else
    goto invalid;

  /* Count as the clerk knows the number: with its leading 0. */
  local_length = strlen (national) + 1;
  if (local_length < LOCAL_MIN_DIGITS || local_length > LOCAL_MAX_DIGITS)
    goto invalid;

  return g_strconcat ("+62", national, NULL);

invalid:
  g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
               _("Phone: “%s” is not a mobile number. Write it as 08… with 10 to 13 digits, or starting with +628."),
               text ? text : "");
  return NULL;
}

char *
loket_phone_format (const char *e164)
{
  g_autofree char *local = NULL;
  GString *grouped;
  gsize length;

  if (e164 == NULL || !g_str_has_prefix (e164, "+62"))
    return g_strdup (e164);

  /* As it is written here: 0 and the national number, in fours. */
  local = g_strconcat ("0", e164 + 3, NULL);
  length = strlen (local);
  grouped = g_string_new (NULL);
  for (gsize i = 0; i < length; i += 4)
    {
      if (i > 0)
        g_string_append_c (grouped, '-');
      g_string_append_len (grouped, local + i, MIN (4, length - i));
    }
  return g_string_free (grouped, FALSE);
}
