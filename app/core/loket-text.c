/* loket-text.c */
#include "config.h"

#include "loket-text.h"

static char *
collapse_spaces (const char *text,
                 gboolean    drop_marks_and_fold)
{
  GString *out = g_string_sized_new (strlen (text));
  gboolean pending_space = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          pending_space = out->len > 0;
          continue;
        }
      if (drop_marks_and_fold
          && g_unichar_type (c) == G_UNICODE_NON_SPACING_MARK)
        continue;
      if (pending_space)
        {
          g_string_append_c (out, ' ');
          pending_space = FALSE;
        }
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

char *
loket_text_fold (const char *text)
{
  g_autofree char *decomposed = NULL;
  g_autofree char *bare = NULL;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;

  /* NFD splits "é" into "e" + a combining accent, which we then drop. */
  decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFD);
  bare = collapse_spaces (decomposed, TRUE);
  return g_utf8_casefold (bare, -1);
}

char *
loket_text_tidy (const char *text)
{
  g_autofree char *composed = NULL;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;

  composed = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  return collapse_spaces (composed, FALSE);
}
