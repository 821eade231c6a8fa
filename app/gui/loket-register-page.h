/* loket-register-page.h: the registration form, the counter's main job.
 * Every check is the core's (loket_registration_check, the NIK parser,
 * the contribution); the form only shows what they say, field by field. */
#pragma once

#include <adwaita.h>

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

G_END_DECLS
