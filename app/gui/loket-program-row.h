/* loket-program-row.h: the row of one program (JKK, JKM, JHT, JP or JKP) in
 * the member form, with the switch that asks for it.
 *
 * The member's segment decides how a program may be chosen: not at all (the
 * row hides), always (it is required: on, and locked), by the member's age
 * (JKP, which the registration rules add: locked, the form sets it), or as
 * the clerk likes (optional). The row shows which, and why it is locked.
 *
 * Signal: "toggled", when the switch turns, by the clerk or by the row
 * following a segment. */
#pragma once

#include <adwaita.h>

#include "loket-program.h"

G_BEGIN_DECLS

#define LOKET_TYPE_PROGRAM_ROW (loket_program_row_get_type ())

G_DECLARE_FINAL_TYPE (LoketProgramRow, loket_program_row, LOKET, PROGRAM_ROW, AdwActionRow)

GtkWidget    *loket_program_row_new            (void);
/* The program the row is for, its name the row's title. */
void          loket_program_row_set_program    (LoketProgramRow *self,
                                                LoketProgram     program);
LoketProgram  loket_program_row_get_program    (LoketProgramRow *self);
/* Shows the program as `segment` takes it; an optional one is on when the
 * clerk has `chosen` it. */
void          loket_program_row_follow_segment (LoketProgramRow *self,
                                                LoketSegment     segment,
                                                gboolean         chosen);
gboolean      loket_program_row_get_active     (LoketProgramRow *self);
/* For JKP, whose switch the clerk cannot turn: as the rules decided. */
void          loket_program_row_set_active     (LoketProgramRow *self,
                                                gboolean         active);

G_END_DECLS
