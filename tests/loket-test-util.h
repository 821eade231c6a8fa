/* loket-test-util.h: what the test programs share. */
#pragma once

#include <glib.h>

#include "loket-member.h"
#include "loket-store.h"

G_BEGIN_DECLS

/* A fresh folder under the test's temporary dir, removed at exit. */
char        *loket_test_make_folder  (void);
/* A new database in a fresh folder. */
LoketStore  *loket_test_open_store   (char       **path_out);
/* A valid BPU draft for the NIK, name and birth date given; the NIK must
 * encode the birth date and sex. */
LoketMember *loket_test_draft        (const char  *nik,
                                      const char  *name,
                                      const char  *birth,
                                      char         sex);
/* Registers that draft on `today` (ISO), a probable duplicate confirmed;
 * fails the test when the store refuses. */
LoketMember *loket_test_register     (LoketStore  *store,
                                      const char  *nik,
                                      const char  *name,
                                      const char  *birth,
                                      char         sex,
                                      const char  *today);
void         loket_test_date         (GDate       *date,
                                      const char  *iso);

G_END_DECLS
