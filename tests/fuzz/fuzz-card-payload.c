/* fuzz-card-payload.c: libFuzzer target for the card QR reader
 * (loket-card-payload.h): whatever a scanner types into the search field. */
#include <stdint.h>

#include "loket-card-payload.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autofree char *kpj = NULL;
  g_autoptr(GError) error = NULL;

  (void) loket_card_payload_looks_like (text);
  if (loket_card_payload_parse (text, &kpj, &error))
    {
      g_autofree char *again = loket_card_payload_make (kpj);

      /* A payload read back must be the one made for its KPJ. */
      if (again == NULL)
        __builtin_trap ();
    }
  return 0;
}
