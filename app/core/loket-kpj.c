/* loket-kpj.c */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "loket-error.h"
#include "loket-kpj.h"

char
loket_kpj_check_digit (const char *ten_digits)
{
  int sum = 0;

  /* Luhn: from the rightmost digit of the payload, double every other one
   * starting with that rightmost digit (the check digit will sit after it). */
  for (int i = 9, position = 0; i >= 0; i--, position++)
    {
      int digit = ten_digits[i] - '0';

      if (position % 2 == 0)
        {
          digit *= 2;
          if (digit > 9)
            digit -= 9;
        }
      sum += digit;
    }

  return (char) ('0' + (10 - sum % 10) % 10);
}

gboolean
loket_kpj_prefix_is_valid (const char *prefix)
{
  return prefix != NULL
         && g_ascii_isdigit (prefix[0])
         && g_ascii_isdigit (prefix[1])
         && prefix[2] == '\0';
}

gboolean
loket_kpj_check_prefix (const char  *prefix,
                        GError     **error)
{
  if (loket_kpj_prefix_is_valid (prefix))
    return TRUE;
  g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
               _("KPJ prefix: “%s” is not two digits. Set the branch’s KPJ prefix to two digits, for example 52."),
               prefix ? prefix : "");
  return FALSE;
}

char *
loket_kpj_make (const char *prefix,
                gint64      sequence,
                GError    **error)
{
  char digits[LOKET_KPJ_LENGTH + 1];

  if (!loket_kpj_check_prefix (prefix, error))
    return NULL;
  if (sequence < 1 || sequence > LOKET_KPJ_MAX_SEQUENCE)
    {
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_CONFLICT,
                   _("KPJ: the numbers of prefix %s are used up. Ask the supervisor to set a new KPJ prefix for the branch."),
                   prefix);
      return NULL;
    }

  g_snprintf (digits, sizeof digits, "%s%08" G_GINT64_FORMAT "0", prefix, sequence);
  digits[10] = loket_kpj_check_digit (digits);
  return g_strdup (digits);
}

char *
loket_kpj_normalize (const char  *text,
                     GError     **error)
{
  g_autoptr(GString) digits = g_string_new (NULL);

  if (text == NULL || *text == '\0')
    {
      g_set_error_literal (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                           _("KPJ: the number is empty. Type the 11 digits of the member card."));
      return NULL;
    }

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
      else if (*p != ' ' && *p != '-' && *p != '.')
        {
          g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                       _("KPJ: “%s” has characters that are not digits. Type only the 11 digits of the member card."),
                       text);
          return NULL;
        }
    }

  if (digits->len != LOKET_KPJ_LENGTH)
    {
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "KPJ: it has %u digit; a KPJ has exactly 11. Check it against the member card.",
                                "KPJ: it has %u digits; a KPJ has exactly 11. Check it against the member card.",
                                digits->len),
                   (guint) digits->len);
      return NULL;
    }

  if (loket_kpj_check_digit (digits->str) != digits->str[10])
    {
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                   _("KPJ: %s fails its check digit, so a digit is mistyped or two are swapped. Check it against the member card."),
                   digits->str);
      return NULL;
    }

  return g_string_free (g_steal_pointer (&digits), FALSE);
}

char *
loket_kpj_format (const char *kpj)
{
  if (kpj == NULL || strlen (kpj) != LOKET_KPJ_LENGTH)
    return g_strdup (kpj);
  return g_strdup_printf ("%.2s-%.4s-%.4s-%.1s", kpj, kpj + 2, kpj + 6, kpj + 10);
}
