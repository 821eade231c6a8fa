/* loket-member-form.h: every field of a member, for registering one and,
 * later, for editing one.
 *
 * The form only shows and asks. Each change builds a draft from the fields
 * and hands it to the core (loket_nik_parse, loket_registration_check,
 * loket_contribution_compute); what they report is shown under the field it
 * names. Saving is the caller's: it takes loket_member_form_dup_draft() to
 * the store and gives the problems back with loket_member_form_show_problems(). */
#pragma once

#include <adwaita.h>

#include "loket-store.h"

G_BEGIN_DECLS

#define LOKET_TYPE_MEMBER_FORM (loket_member_form_get_type ())

G_DECLARE_FINAL_TYPE (LoketMemberForm, loket_member_form, LOKET, MEMBER_FORM, AdwBin)

LoketMemberForm *loket_member_form_new          (void);
/* The rates and the checks come from the store; without one the form only
 * takes input. */
void         loket_member_form_set_store        (LoketMemberForm *self,
                                                 LoketStore      *store);
/* The day the checks and the contribution are for; the clock's by default. */
void         loket_member_form_set_today        (LoketMemberForm *self,
                                                 const GDate     *today);
/* Loads a saved member for editing: its NIK cannot be changed here. NULL
 * empties the form, as loket_member_form_reset(). */
void         loket_member_form_set_member       (LoketMemberForm *self,
                                                 LoketMember     *member);
/* Empties every field for a new member. */
void         loket_member_form_reset            (LoketMemberForm *self);
/* A new member built from the fields as typed (untidied: the core tidies
 * what it saves), with the id, KPJ and registration date of the member
 * loaded by loket_member_form_set_member(), if any. */
LoketMember *loket_member_form_dup_draft        (LoketMemberForm *self);
/* Shows each problem (LoketProblem) under the field it names, and from now
 * on every field's problems as the clerk corrects them. */
void         loket_member_form_show_problems    (LoketMemberForm *self,
                                                 GPtrArray       *problems);
/* Moves the focus to the first field, in the form's order, showing an
 * error; FALSE when none does. */
gboolean     loket_member_form_focus_first_problem (LoketMemberForm *self);
/* Puts the focus on the first field that can be typed in. */
void         loket_member_form_focus            (LoketMemberForm *self);

/* What the clerk sees of a field, for tests and for the page around the
 * form. `field` is a LoketProblem field name: "nik", "name", "birth_date",
 * "sex", "segment", "programs", "income", "risk_class", "phone", "rt", "rw",
 * "postcode", "region_code"; and for get_field also "street", "village",
 * "district", "regency", "province", "occupation", "months". */
GtkWidget   *loket_member_form_get_field        (LoketMemberForm *self,
                                                 const char      *field);
/* The message shown under the field, NULL when there is none. */
const char  *loket_member_form_get_message      (LoketMemberForm *self,
                                                 const char      *field);

G_END_DECLS
