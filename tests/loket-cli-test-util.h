/* loket-cli-test-util.h: running loket-cli (LOKET_CLI) as a script does,
 * for the CLI test programs. */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct {
  int        status;  /* the exit code */
  char      *out;
  char      *err;
  JsonNode  *json;    /* parsed stdout when it is JSON, else NULL */
} LoketCliRun;

void        loket_cli_run_clear      (LoketCliRun       *run);
/* Runs loket-cli --db DB --today 2026-11-23 --json ARGUMENTS (NULL-ended). */
void        loket_cli_run_argv       (const char        *db,
                                      LoketCliRun       *run,
                                      const char *const *arguments);
void        loket_cli_run            (const char        *db,
                                      LoketCliRun       *run,
                                      const char        *first,
                                      ...) G_GNUC_NULL_TERMINATED;
/* The JSON object printed; fails the test when stdout was not one. */
JsonObject *loket_cli_result_object  (LoketCliRun       *run);
/* Its "error" member; fails the test when there is none. */
JsonObject *loket_cli_error_object   (LoketCliRun       *run);
/* The integer the first row of `sql` gives, read from the file directly. */
gint64      loket_cli_query_int      (const char        *db,
                                      const char        *sql);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LoketCliRun, loket_cli_run_clear)

G_END_DECLS
