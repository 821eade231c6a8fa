/* loket-member-form-private.h: what the form's own files share. Not for
 * the pages around the form, which go through loket-member-form.h. */
#pragma once

#include "loket-contribution-view.h"
#include "loket-field-message.h"
#include "loket-member-form.h"
#include "loket-nik-autofill.h"
#include "loket-program-row.h"

G_BEGIN_DECLS

/* In the form's order, which is the order focus_first_problem follows. */
typedef enum {
  FIELD_NIK,
  FIELD_NAME,
  FIELD_BIRTH_DATE,
  FIELD_SEX,
  FIELD_PHONE,
  FIELD_STREET,
  FIELD_RT,
  FIELD_RW,
  FIELD_VILLAGE,
  FIELD_DISTRICT,
  FIELD_REGENCY,
  FIELD_PROVINCE,
  FIELD_POSTCODE,
  FIELD_REGION_CODE,
  FIELD_OCCUPATION,
  FIELD_SEGMENT,
  FIELD_PROGRAMS,
  FIELD_INCOME,
  FIELD_RISK_CLASS,
  FIELD_MONTHS,
  N_FIELDS
} FieldId;

#define N_PROGRAMS 5

typedef struct {
  GtkWidget         *row;       /* borrowed; for programs, the JKK row */
  LoketFieldMessage *note;      /* borrowed; NULL where the core never complains */
  char              *message;   /* owned; what the note shows, or NULL */
  gboolean           is_error;  /* the message holds an error, not only warnings */
  gboolean           dirty;     /* typed in since the form was emptied or loaded */
  gboolean           revealed;  /* its problems are shown */
} Field;

struct _LoketMemberForm
{
  AdwBin                 parent_instance;

  LoketStore            *store;         /* owned, nullable */
  LoketMember           *loaded;        /* owned, nullable: the member being edited */
  GDate                  today;
  Field                  fields[N_FIELDS];
  LoketPrograms          chosen;        /* the optional programs the clerk switched on */
  LoketNikAutofill      *nik_autofill;  /* owned */
  guint                  freeze;        /* > 0 while the form sets its own fields */

  /* template children, borrowed; the fields' rows and notes are in fields */
  GtkLabel              *general_label;
  LoketContributionView *contribution_view;

  /* the program rows, in loket_programs_in_order; borrowed */
  LoketProgramRow       *program_rows[N_PROGRAMS];
};

#define FIELD_ROW(self, field)   ((self)->fields[field].row)
#define FIELD_COMBO(self, field) ADW_COMBO_ROW ((self)->fields[field].row)

/* The field a LoketProblem names; N_FIELDS when the form has none. */
FieldId      loket_member_form_field_from_name   (const char      *name);
/* Reads the fields into a new draft. Texts that cannot be read (a date, an
 * amount) become problems in `parse_problems`, with the core's messages. */
LoketMember *loket_member_form_build_draft       (LoketMemberForm *self,
                                                  GPtrArray       *parse_problems);

/* loket-member-form-problems.c */

/* Whether any of `problems` is about `field` (a LoketProblem field name). */
gboolean     loket_member_form_any_problem_about (GPtrArray       *problems,
                                                  const char      *field);
/* The form's own reading problems, then the core's for every other field:
 * a date that could not be read is not also "empty". */
GPtrArray   *loket_member_form_merge_problems    (GPtrArray       *parse_problems,
                                                  GPtrArray       *core_problems);
/* Puts each problem the clerk is to see now under its field, and those
 * without a field of their own above the form. */
void         loket_member_form_display_problems  (LoketMemberForm *self,
                                                  GPtrArray       *problems);

G_END_DECLS
