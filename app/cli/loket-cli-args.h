/* loket-cli-args.h: the command line of one verb.
 *
 * GOption would do, but its messages are its own and not about our fields;
 * this parser is small and says exactly which option is wrong. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  const char *name;        /* without the dashes: "nik" for --nik */
  gboolean    takes_value;
  gboolean    repeatable;  /* may be given again: the values are joined
                            * with commas, as if written --coop 1,2 */
} LoketCliOption;

typedef struct {
  GHashTable *values;       /* option name → value ("" for flags) */
  GPtrArray  *positionals;  /* char *, in order */
} LoketCliArgs;

/* Options are --name VALUE, --name=VALUE or --flag, anywhere among the
 * positionals; "--" ends them. An unknown option, one repeated that is not
 * repeatable, or one missing its value, is a LOKET_ERROR_USAGE. */
gboolean    loket_cli_args_parse     (int                   argc,
                                      char                **argv,
                                      const LoketCliOption *options,
                                      LoketCliArgs         *out,
                                      GError              **error);
void        loket_cli_args_clear     (LoketCliArgs         *args);
const char *loket_cli_args_get       (LoketCliArgs         *args,
                                      const char           *name);
gboolean    loket_cli_args_has       (LoketCliArgs         *args,
                                      const char           *name);
const char *loket_cli_args_positional (LoketCliArgs        *args,
                                      guint                 index);

/* Parses a count such as --limit or --months: digits only, within
 * [min, max]; the error names the option. */
gboolean    loket_cli_parse_int      (const char           *text,
                                      const char           *field_label,
                                      int                   min,
                                      int                   max,
                                      int                  *out,
                                      GError              **error);

/* "L" or "P", either case. */
gboolean    loket_cli_parse_sex      (const char           *text,
                                      char                 *out,
                                      GError              **error);

/* Moves a parse error into `problems` as a problem of `field`, so that
 * every malformed option is reported at once rather than one per run. */
void        loket_cli_keep_problem   (GPtrArray            *problems,
                                      const char           *field,
                                      GError              **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LoketCliArgs, loket_cli_args_clear)

G_END_DECLS
