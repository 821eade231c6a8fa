/* loket-problem.c */
#include "config.h"

#include "loket-error.h"
#include "loket-problem.h"

GPtrArray *
loket_problems_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) loket_problem_free);
}

void
loket_problems_add (GPtrArray     *problems,
                    LoketSeverity  severity,
                    const char    *field,
                    const char    *code,
                    const char    *format,
                    ...)
{
  LoketProblem *problem = g_new0 (LoketProblem, 1);
  va_list args;

  problem->severity = severity;
  problem->field = g_strdup (field);
  problem->code = g_strdup (code);
  va_start (args, format);
  problem->message = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (problems, problem);
}

guint
loket_problems_count (GPtrArray     *problems,
                      LoketSeverity  severity)
{
  guint count = 0;

  for (guint i = 0; i < problems->len; i++)
    {
      const LoketProblem *problem = g_ptr_array_index (problems, i);
      if (problem->severity == severity)
        count++;
    }
  return count;
}

gboolean
loket_problems_has_code (GPtrArray  *problems,
                         const char *code)
{
  for (guint i = 0; i < problems->len; i++)
    {
      const LoketProblem *problem = g_ptr_array_index (problems, i);
      if (g_strcmp0 (problem->code, code) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Turns the errors (not the warnings) into one LOKET_ERROR_INVALID whose
 * message lists each of them on its own line. Returns TRUE when there were
 * none, so callers can write `if (!loket_problems_to_error (p, error))`. */
gboolean
loket_problems_to_error (GPtrArray  *problems,
                         GError    **error)
{
  g_autoptr(GString) text = NULL;

  for (guint i = 0; i < problems->len; i++)
    {
      const LoketProblem *problem = g_ptr_array_index (problems, i);
      if (problem->severity != LOKET_SEVERITY_ERROR)
        continue;
      if (text == NULL)
        text = g_string_new (problem->message);
      else
        g_string_append_printf (text, "\n%s", problem->message);
    }

  if (text == NULL)
    return TRUE;

  g_set_error_literal (error, LOKET_ERROR, LOKET_ERROR_INVALID, text->str);
  return FALSE;
}

void
loket_problem_free (LoketProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->field);
  g_free (problem->code);
  g_free (problem->message);
  g_free (problem);
}
