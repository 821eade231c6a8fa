/* loket-register-page.h: the registration form, the counter's main job.
 * Every check is the core's (loket_registration_check, the NIK parser,
 * the contribution); the form only shows what they say, field by field.
 *
 * Signals: "registered" (LoketMember, the member as saved, with its KPJ)
 * and "open-member" (LoketMember, an existing member the clerk chose to
 * open instead of registering a duplicate). */
#pragma once

#include <adwaita.h>

#include "loket-member-form.h"
#include "loket-store.h"

G_BEGIN_DECLS

#define LOKET_TYPE_REGISTER_PAGE (loket_register_page_get_type ())

G_DECLARE_FINAL_TYPE (LoketRegisterPage, loket_register_page, LOKET, REGISTER_PAGE, AdwBin)

void loket_register_page_set_store (LoketRegisterPage *self,
                                    LoketStore        *store);
/* Empties the form for the next member. */
void loket_register_page_reset     (LoketRegisterPage *self);
/* Puts the focus on the NIK, the first field. */
void loket_register_page_focus     (LoketRegisterPage *self);
/* Registers as on `today` instead of the clock's date: for tests. */
void loket_register_page_set_today (LoketRegisterPage *self,
                                    const GDate       *today);
/* The form inside the page, borrowed. */
LoketMemberForm *loket_register_page_get_form (LoketRegisterPage *self);

G_END_DECLS
