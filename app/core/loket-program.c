/* loket-program.c */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "loket-error.h"
#include "loket-problem.h"
#include "loket-program.h"

const LoketProgram loket_programs_in_order[5] = {
  LOKET_PROGRAM_JKK, LOKET_PROGRAM_JKM, LOKET_PROGRAM_JHT, LOKET_PROGRAM_JP, LOKET_PROGRAM_JKP,
};

static const struct {
  const char *code;
  const char *label;
  LoketPrograms required;
  LoketPrograms allowed;
} segments[LOKET_N_SEGMENTS] = {
  [LOKET_SEGMENT_BPU] = {
    "bpu", N_("Self-employed workers (BPU)"),
    LOKET_PROGRAM_JKK | LOKET_PROGRAM_JKM,
    LOKET_PROGRAM_JKK | LOKET_PROGRAM_JKM | LOKET_PROGRAM_JHT,
  },
  [LOKET_SEGMENT_PU] = {
    "pu", N_("Wage earners (PU)"),
    LOKET_PROGRAM_JKK | LOKET_PROGRAM_JKM | LOKET_PROGRAM_JHT,
    LOKET_PROGRAMS_ALL,
  },
  [LOKET_SEGMENT_JAKON] = {
    "jakon", N_("Construction workers (Jakon)"),
    LOKET_PROGRAM_JKK | LOKET_PROGRAM_JKM,
    LOKET_PROGRAM_JKK | LOKET_PROGRAM_JKM,
  },
  [LOKET_SEGMENT_PMI] = {
    "pmi", N_("Migrant workers (PMI)"),
    LOKET_PROGRAM_JKK | LOKET_PROGRAM_JKM,
    LOKET_PROGRAM_JKK | LOKET_PROGRAM_JKM | LOKET_PROGRAM_JHT,
  },
};

const char *
loket_segment_code (LoketSegment segment)
{
  g_return_val_if_fail (segment < LOKET_N_SEGMENTS, NULL);
  return segments[segment].code;
}

const char *
loket_segment_label (LoketSegment segment)
{
  g_return_val_if_fail (segment < LOKET_N_SEGMENTS, NULL);
  return _(segments[segment].label);
}

gboolean
loket_segment_parse (const char    *text,
                     LoketSegment  *out,
                     GError       **error)
{
  for (guint i = 0; i < LOKET_N_SEGMENTS; i++)
    if (text != NULL && g_ascii_strcasecmp (text, segments[i].code) == 0)
      {
        *out = i;
        return TRUE;
      }

  g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
               _("Segment: “%s” is not a segment. Choose bpu, pu, jakon or pmi."),
               text ? text : "");
  return FALSE;
}

const char *
loket_program_code (LoketProgram program)
{
  switch (program)
    {
    case LOKET_PROGRAM_JKK: return "jkk";
    case LOKET_PROGRAM_JKM: return "jkm";
    case LOKET_PROGRAM_JHT: return "jht";
    case LOKET_PROGRAM_JP: return "jp";
    case LOKET_PROGRAM_JKP: return "jkp";
    default: g_return_val_if_reached (NULL);
    }
}

const char *
loket_program_label (LoketProgram program)
{
  switch (program)
    {
    case LOKET_PROGRAM_JKK: return _("Work accident insurance (JKK)");
    case LOKET_PROGRAM_JKM: return _("Death insurance (JKM)");
    case LOKET_PROGRAM_JHT: return _("Old-age savings (JHT)");
    case LOKET_PROGRAM_JP: return _("Pension (JP)");
    case LOKET_PROGRAM_JKP: return _("Job loss insurance (JKP)");
    default: g_return_val_if_reached (NULL);
    }
}

static gboolean
program_from_code (const char   *code,
                   LoketProgram *out)
{
  for (guint i = 0; i < G_N_ELEMENTS (loket_programs_in_order); i++)
    if (g_ascii_strcasecmp (code, loket_program_code (loket_programs_in_order[i])) == 0)
      {
        *out = loket_programs_in_order[i];
        return TRUE;
      }
  return FALSE;
}

/* "jkk,jkm,jht": commas or spaces, any case; an empty list or an unknown or
 * repeated name is an error naming the culprit. */
gboolean
loket_programs_parse (const char    *text,
                      LoketPrograms *out,
                      GError       **error)
{
  g_auto(GStrv) parts = NULL;
  LoketPrograms programs = 0;

  if (text == NULL || *text == '\0')
    {
      g_set_error_literal (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                           _("Programs: the list is empty. Write the programs separated by commas, for example jkk,jkm."));
      return FALSE;
    }

  parts = g_strsplit_set (text, ", ", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      LoketProgram program;

      if (parts[i][0] == '\0')
        continue;
      if (!program_from_code (parts[i], &program))
        {
          g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                       _("Programs: “%s” is not a program. Use jkk, jkm, jht, jp or jkp, separated by commas."),
                       parts[i]);
          return FALSE;
        }
      if (programs & program)
        {
          g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                       _("Programs: “%s” is written twice. Write each program once."),
                       parts[i]);
          return FALSE;
        }
      programs |= program;
    }

  if (programs == 0)
    {
      g_set_error_literal (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                           _("Programs: the list is empty. Write the programs separated by commas, for example jkk,jkm."));
      return FALSE;
    }

  *out = programs;
  return TRUE;
}

char *
loket_programs_to_string (LoketPrograms programs)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (loket_programs_in_order); i++)
    if (programs & loket_programs_in_order[i])
      {
        if (text->len > 0)
          g_string_append_c (text, ',');
        g_string_append (text, loket_program_code (loket_programs_in_order[i]));
      }
  return g_string_free (text, FALSE);
}

LoketPrograms
loket_segment_required_programs (LoketSegment segment)
{
  g_return_val_if_fail (segment < LOKET_N_SEGMENTS, 0);
  return segments[segment].required;
}

LoketPrograms
loket_segment_allowed_programs (LoketSegment segment)
{
  g_return_val_if_fail (segment < LOKET_N_SEGMENTS, 0);
  return segments[segment].allowed;
}

void
loket_segment_check_programs (LoketSegment   segment,
                              LoketPrograms  programs,
                              GPtrArray     *problems)
{
  LoketPrograms allowed = loket_segment_allowed_programs (segment);
  LoketPrograms required = loket_segment_required_programs (segment);

  if (programs & ~allowed)
    {
      g_autofree char *extra = loket_programs_to_string (programs & ~allowed);
      g_autofree char *choices = loket_programs_to_string (allowed);

      loket_problems_add (problems, LOKET_SEVERITY_ERROR, "programs", "program-not-allowed",
                          /* Translators: program codes (jp,jkp), a segment label, program codes */
                          _("Programs: %s cannot be held by %s. Choose among %s."),
                          extra, loket_segment_label (segment), choices);
    }
  if ((programs & required) != required)
    {
      g_autofree char *missing = loket_programs_to_string (required & ~programs);
      g_autofree char *all = loket_programs_to_string (required);

      loket_problems_add (problems, LOKET_SEVERITY_ERROR, "programs", "program-required",
                          /* Translators: a segment label, program codes (jkk,jkm), program codes */
                          _("Programs: %s must hold %s. Add %s."),
                          loket_segment_label (segment), all, missing);
    }
}
