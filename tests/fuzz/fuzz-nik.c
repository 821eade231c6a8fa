/* fuzz-nik.c: libFuzzer target for the NIK reader (loket-nik.h): any text,
 * typed or pasted, must give an answer and never a crash. */
#include <stdint.h>

#include "loket-nik.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr(LoketNikInfo) info = NULL;
  GDate today, birth;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 23, 11, 2026);
  g_date_clear (&birth, 1);
  g_date_set_dmy (&birth, 12, 5, 1990);

  info = loket_nik_parse (text, &today);
  loket_nik_check_against (info, size % 2 ? &birth : NULL, size % 3 ? 'P' : 'L');
  (void) loket_nik_info_is_valid (info);
  return 0;
}
