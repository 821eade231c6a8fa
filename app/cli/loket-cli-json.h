/* loket-cli-json.h: core records as JSON (the CLI contract of DESIGN.md),
 * and JSON results as text for a person at a terminal. */
#pragma once

#include <json-glib/json-glib.h>

#include "loket-contribution.h"
#include "loket-member.h"
#include "loket-nik.h"

G_BEGIN_DECLS

void      loket_cli_json_add_date      (JsonBuilder       *builder,
                                        const char        *name,
                                        const GDate       *date);
/* Ends the object begun on `builder` and returns it. */
JsonNode *loket_cli_json_finish        (JsonBuilder       *builder);
void      loket_cli_json_add_int       (JsonBuilder       *builder,
                                        const char        *name,
                                        gint64             value);
void      loket_cli_json_add_bool      (JsonBuilder       *builder,
                                        const char        *name,
                                        gboolean           value);
void      loket_cli_json_add_string    (JsonBuilder       *builder,
                                        const char        *name,
                                        const char        *value);
/* "programs": ["jkk", "jkm", …] in the customary order. */
void      loket_cli_json_add_programs  (JsonBuilder       *builder,
                                        LoketPrograms      programs);
void      loket_cli_json_add_member    (JsonBuilder       *builder,
                                        LoketMember       *member);
void      loket_cli_json_add_member_summary (JsonBuilder  *builder,
                                        LoketMember       *member);
/* `name`: [...] of the problems of one severity, each {field, code, message}. */
void      loket_cli_json_add_problem_list (JsonBuilder    *builder,
                                        const char        *name,
                                        GPtrArray         *problems,
                                        LoketSeverity      severity);
/* "errors": [...] and "warnings": [...] members, each {field, code, message}. */
void      loket_cli_json_add_problems  (JsonBuilder       *builder,
                                        GPtrArray         *problems);
void      loket_cli_json_add_contribution (JsonBuilder    *builder,
                                        LoketContribution *contribution);

/* A result object as indented "Label: value" lines, with dates, money and
 * booleans written the Indonesian way. */
char     *loket_cli_json_to_text       (JsonNode          *node);

G_END_DECLS
