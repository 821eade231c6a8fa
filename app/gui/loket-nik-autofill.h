/* loket-nik-autofill.h: filling in what a NIK tells of its owner, so that
 * the clerk does not type it twice: the birth date, the sex, and the
 * province, regency and district with the region code of the narrowest.
 *
 * Only fields the clerk left empty are filled, or fields that still hold
 * what an earlier NIK put there: never over what the clerk typed. And only
 * when the 16 digits change: a field the clerk empties after the NIK filled
 * it stays empty. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LOKET_TYPE_NIK_AUTOFILL (loket_nik_autofill_get_type ())

G_DECLARE_FINAL_TYPE (LoketNikAutofill, loket_nik_autofill, LOKET, NIK_AUTOFILL, GObject)

/* Fills the fields given, all borrowed: they must outlive the autofill.
 * `sex` offers "not chosen", L and P, in that order. */
LoketNikAutofill *loket_nik_autofill_new   (GtkEditable      *birth_date,
                                            AdwComboRow      *sex,
                                            GtkEditable      *province,
                                            GtkEditable      *regency,
                                            GtkEditable      *district,
                                            GtkEditable      *region_code);
/* Fills in from `nik`, as typed so far, when it has 16 digits that are not
 * those filled from last; `today` tells the century of its birth date. */
void              loket_nik_autofill_fill  (LoketNikAutofill *self,
                                            const char       *nik,
                                            const GDate      *today);
/* Forgets what was filled: every field is the clerk's again. `nik`, when
 * not NULL, is one the fields already agree with (a saved member's), which
 * fills in nothing until the NIK changes. */
void              loket_nik_autofill_reset (LoketNikAutofill *self,
                                            const char       *nik);

G_END_DECLS
