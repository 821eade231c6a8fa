/* loket-cli.h: what loket-cli's verbs share. Each verb is a thin parser
 * over a core call: it reads its options, asks the core, and describes the
 * result as a JSON object, which main() prints as JSON or as text. */
#pragma once

#include <json-glib/json-glib.h>

#include "loket-cli-args.h"
#include "loket-contribution.h"
#include "loket-store.h"

G_BEGIN_DECLS

typedef struct {
  char        *db_path;       /* owned; NULL for the default */
  char        *user;          /* owned: the staff member acting (--user) */
  GDate        today;
  gboolean     json;
  LoketStore  *store;         /* owned, opened on first use */
  JsonNode    *error_detail;  /* owned: extra fields for the error object */
} LoketCli;

/* A verb's result: set *result (an object) and return the exit code; or set
 * `error` and return its exit code. A verb may return 1 with a result, when
 * the answer itself is "invalid" (nik check, kpj check). */
typedef int (*LoketCliVerb) (LoketCli   *cli,
                             int         argc,
                             char      **argv,
                             JsonNode  **result,
                             GError    **error);

LoketStore *loket_cli_get_store (LoketCli  *cli,
                                 GError   **error);

int loket_cli_verb_init   (LoketCli *cli, int argc, char **argv, JsonNode **result, GError **error);
int loket_cli_verb_nik    (LoketCli *cli, int argc, char **argv, JsonNode **result, GError **error);
int loket_cli_verb_kpj    (LoketCli *cli, int argc, char **argv, JsonNode **result, GError **error);
int loket_cli_verb_iuran  (LoketCli *cli, int argc, char **argv, JsonNode **result, GError **error);
int loket_cli_verb_member (LoketCli *cli, int argc, char **argv, JsonNode **result, GError **error);
int loket_cli_verb_coop   (LoketCli *cli, int argc, char **argv, JsonNode **result, GError **error);
int loket_cli_verb_pks    (LoketCli *cli, int argc, char **argv, JsonNode **result, GError **error);
int loket_cli_verb_agent  (LoketCli *cli, int argc, char **argv, JsonNode **result, GError **error);
int loket_cli_verb_card   (LoketCli *cli, int argc, char **argv, JsonNode **result, GError **error);
int loket_cli_verb_pay    (LoketCli *cli, int argc, char **argv, JsonNode **result, GError **error);
int loket_cli_verb_status (LoketCli *cli, int argc, char **argv, JsonNode **result, GError **error);
int loket_cli_verb_reverse (LoketCli *cli, int argc, char **argv, JsonNode **result, GError **error);
int loket_cli_verb_receipt (LoketCli *cli, int argc, char **argv, JsonNode **result, GError **error);
int loket_cli_verb_report (LoketCli *cli, int argc, char **argv, JsonNode **result, GError **error);
int loket_cli_verb_heir   (LoketCli *cli, int argc, char **argv, JsonNode **result, GError **error);
int loket_cli_verb_claim  (LoketCli *cli, int argc, char **argv, JsonNode **result, GError **error);
int loket_cli_verb_backup (LoketCli *cli, int argc, char **argv, JsonNode **result, GError **error);
int loket_cli_verb_restore (LoketCli *cli, int argc, char **argv, JsonNode **result, GError **error);
int loket_cli_verb_user   (LoketCli *cli, int argc, char **argv, JsonNode **result, GError **error);
int loket_cli_verb_audit  (LoketCli *cli, int argc, char **argv, JsonNode **result, GError **error);

/* Once the store is open: in a database with accounts, logs --user in with
 * the password from LOKET_PASSWORD or typed on the terminal (a wrong one,
 * a locked account, or no way to get a password: LOKET_ERROR_INVALID); in
 * legacy mode, --user becomes the name the audit trail records. */
gboolean loket_cli_login (LoketCli *cli, LoketStore *store, GError **error);
/* init --admin NAME [--display NAME]: the first supervisor, the password
 * from LOKET_PASSWORD or typed twice; adds "admin" to `builder`. */
gboolean loket_cli_init_admin (LoketCli *cli, LoketStore *store, const char *username,
                               const char *display_name, JsonBuilder *builder, GError **error);
/* coop import: argv holds the arguments after "coop import" (COOP FILE …);
 * loket_cli_verb_coop hands them over before parsing any option. */
int loket_cli_coop_import (LoketCli *cli, int argc, char **argv, JsonNode **result, GError **error);

/* report claims --from DATE --to DATE, with the options report parsed. */
int loket_cli_report_claims (LoketCli *cli, LoketCliArgs *args, JsonNode **result, GError **error);

/* The options iuran and member add share: --segment, --programs, --income,
 * --risk-class. Those not given are left as they are, for the core to name. */
gboolean    loket_cli_parse_contribution_options (LoketCliArgs              *args,
                                                  LoketContributionRequest  *request,
                                                  GError                   **error);

/* The options every verb accepts, wherever they stand. */
#define LOKET_CLI_GLOBAL_OPTIONS \
  { "db", TRUE }, { "today", TRUE }, { "user", TRUE }, { "json", FALSE }, { "help", FALSE }

G_END_DECLS
