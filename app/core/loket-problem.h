/* loket-problem.h: one thing wrong (or worth a warning) with an input.
 *
 * Validators collect every problem they find into a GPtrArray of these, so the
 * clerk sees all that is wrong at once instead of fixing one field at a time. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  LOKET_SEVERITY_ERROR,
  LOKET_SEVERITY_WARNING,
} LoketSeverity;

typedef struct {
  LoketSeverity severity;
  char *field;    /* stable field name, e.g. "nik", "birth_date" */
  char *code;     /* stable problem code, e.g. "nik-length" */
  char *message;  /* translated, names the field and the fix */
} LoketProblem;

GPtrArray    *loket_problems_new        (void);
void          loket_problems_add        (GPtrArray     *problems,
                                         LoketSeverity  severity,
                                         const char    *field,
                                         const char    *code,
                                         const char    *format,
                                         ...) G_GNUC_PRINTF (5, 6);
guint         loket_problems_count      (GPtrArray     *problems,
                                         LoketSeverity  severity);
gboolean      loket_problems_has_code   (GPtrArray     *problems,
                                         const char    *code);
gboolean      loket_problems_to_error   (GPtrArray     *problems,
                                         GError       **error);
void          loket_problem_free        (LoketProblem  *problem);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoketProblem, loket_problem_free)

G_END_DECLS
