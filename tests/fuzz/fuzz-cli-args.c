/* fuzz-cli-args.c: libFuzzer target for loket-cli's option parser
 * (loket-cli-args.h) with member add's option table: the input is split
 * into arguments at NUL bytes and newlines. */
#include <stdint.h>

#include "loket-cli-args.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static const LoketCliOption options[] = {
  { "nik", TRUE }, { "name", TRUE }, { "birth", TRUE }, { "sex", TRUE }, { "segment", TRUE },
  { "programs", TRUE }, { "income", TRUE }, { "coop", TRUE, TRUE }, { "confirm-duplicate", FALSE },
  { "db", TRUE }, { "today", TRUE }, { "user", TRUE }, { "json", FALSE }, { "help", FALSE },
  { NULL }
};

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_auto(LoketCliArgs) args = { 0 };
  g_autoptr(GError) error = NULL;
  size_t start = 0;

  for (size_t i = 0; i <= size && argv->len < 64; i++)
    if (i == size || data[i] == '\0' || data[i] == '\n')
      {
        g_ptr_array_add (argv, g_strndup ((const char *) data + start, i - start));
        start = i + 1;
      }

  if (loket_cli_args_parse ((int) argv->len, (char **) argv->pdata, options, &args, &error))
    {
      int months = 0;
      char sex = 0;

      for (guint i = 0; options[i].name != NULL; i++)
        if (loket_cli_args_has (&args, options[i].name))
          (void) loket_cli_args_get (&args, options[i].name);
      for (guint i = 0; loket_cli_args_positional (&args, i) != NULL; i++)
        ;
      if (loket_cli_args_has (&args, "income"))
        (void) loket_cli_parse_int (loket_cli_args_get (&args, "income"), "income", 1, 12, &months, NULL);
      if (loket_cli_args_has (&args, "sex"))
        (void) loket_cli_parse_sex (loket_cli_args_get (&args, "sex"), &sex, NULL);
    }
  return 0;
}
