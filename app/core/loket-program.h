/* loket-program.h: segments, programs, and which programs a segment takes
 * (domain.md §1). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  LOKET_SEGMENT_BPU,    /* Bukan Penerima Upah: informal, self-employed */
  LOKET_SEGMENT_PU,     /* Penerima Upah: wage earners */
  LOKET_SEGMENT_JAKON,  /* Jasa Konstruksi */
  LOKET_SEGMENT_PMI,    /* Pekerja Migran Indonesia */
  LOKET_N_SEGMENTS
} LoketSegment;

typedef enum {
  LOKET_PROGRAM_JKK = 1 << 0,
  LOKET_PROGRAM_JKM = 1 << 1,
  LOKET_PROGRAM_JHT = 1 << 2,
  LOKET_PROGRAM_JP  = 1 << 3,
  LOKET_PROGRAM_JKP = 1 << 4,
} LoketProgram;

/* A set of LoketProgram bits. */
typedef guint LoketPrograms;

#define LOKET_PROGRAMS_ALL (LOKET_PROGRAM_JKK | LOKET_PROGRAM_JKM | LOKET_PROGRAM_JHT \
                            | LOKET_PROGRAM_JP | LOKET_PROGRAM_JKP)

/* The five programs in their customary order, for iterating. */
extern const LoketProgram loket_programs_in_order[5];

const char   *loket_segment_code        (LoketSegment   segment);
const char   *loket_segment_label       (LoketSegment   segment);
gboolean      loket_segment_parse       (const char    *text,
                                         LoketSegment  *out,
                                         GError       **error);

const char   *loket_program_code        (LoketProgram   program);
const char   *loket_program_label       (LoketProgram   program);
gboolean      loket_programs_parse      (const char    *text,
                                         LoketPrograms *out,
                                         GError       **error);
char         *loket_programs_to_string  (LoketPrograms  programs);

/* What a segment requires and allows; JKP is added by the registration rules
 * (it depends on age), so it is "allowed" for PU but not "required". */
LoketPrograms loket_segment_required_programs (LoketSegment segment);
LoketPrograms loket_segment_allowed_programs  (LoketSegment segment);
/* Adds a "program-not-allowed" and/or "program-required" problem (field
 * "programs") when `programs` does not fit the segment. */
void          loket_segment_check_programs    (LoketSegment   segment,
                                               LoketPrograms  programs,
                                               GPtrArray     *problems);

G_END_DECLS
