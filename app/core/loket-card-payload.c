/* loket-card-payload.c: the QR payload of a membership card. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "loket-card-payload.h"
#include "loket-error.h"
#include "loket-kpj.h"

#define CHECK_LENGTH 4

static gboolean
is_kpj (const char *text)
{
  if (text == NULL || strlen (text) != LOKET_KPJ_LENGTH)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return loket_kpj_check_digit (text) == text[LOKET_KPJ_LENGTH - 1];
}

static char *
check_value (const char *kpj)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  g_checksum_update (checksum, (const guchar *) "loket-card:", -1);
  g_checksum_update (checksum, (const guchar *) kpj, -1);
  return g_ascii_strup (g_checksum_get_string (checksum), CHECK_LENGTH);
}

char *
loket_card_payload_make (const char *kpj)
{
  g_autofree char *check = NULL;

  if (!is_kpj (kpj))
    return NULL;
  check = check_value (kpj);
  return g_strdup_printf (LOKET_CARD_PAYLOAD_PREFIX "%s:%s", kpj, check);
}

gboolean
loket_card_payload_looks_like (const char *text)
{
  if (text == NULL)
    return FALSE;
  while (g_ascii_isspace (*text))
    text++;
  return g_ascii_strncasecmp (text, LOKET_CARD_PAYLOAD_PREFIX,
                              strlen (LOKET_CARD_PAYLOAD_PREFIX)) == 0;
}

gboolean
loket_card_payload_parse (const char  *text,
                          char       **kpj,
                          GError     **error)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *expected = NULL;
  g_auto(GStrv) parts = NULL;

  g_return_val_if_fail (kpj != NULL, FALSE);
  *kpj = NULL;

  trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
  parts = g_strsplit (trimmed, ":", -1);
  if (g_strv_length (parts) != 3 || g_ascii_strcasecmp (parts[0], "LKT1") != 0)
    {
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                   _("Card QR code is not valid: “%s” is not a Loket card code."), trimmed);
      return FALSE;
    }
  if (!is_kpj (parts[1]))
    {
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                   _("Card QR code is not valid: “%s” is not a member number (KPJ)."), parts[1]);
      return FALSE;
    }
  expected = check_value (parts[1]);
  if (g_ascii_strcasecmp (parts[2], expected) != 0)
    {
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                   _("Card QR code is not valid: its check value does not match. "
                     "The card may be damaged or forged; type the KPJ instead."));
      return FALSE;
    }
  *kpj = g_strdup (parts[1]);
  return TRUE;
}
