/* loket-lock-screen.h: who is at the counter. Covers the window until a
 * staff member signs in (at start, after Ctrl+L, after the idle time); on a
 * database without any account yet, it creates the first supervisor
 * instead. The core checks the password and counts the wrong ones. */
#pragma once

#include <adwaita.h>

#include "loket-store.h"

G_BEGIN_DECLS

#define LOKET_TYPE_LOCK_SCREEN (loket_lock_screen_get_type ())

G_DECLARE_FINAL_TYPE (LoketLockScreen, loket_lock_screen, LOKET, LOCK_SCREEN, AdwBin)

typedef enum {
  LOKET_LOCK_SIGN_IN,
  LOKET_LOCK_FIRST_SUPERVISOR,
} LoketLockMode;

void        loket_lock_screen_set_store   (LoketLockScreen *self,
                                           LoketStore      *store);
/* Empties the fields (the password always) and focuses the first one. */
void        loket_lock_screen_reset       (LoketLockScreen *self,
                                           LoketLockMode    mode);
LoketLockMode loket_lock_screen_get_mode  (LoketLockScreen *self);

/* For the tests: fill in and press the button, as the clerk would. */
void        loket_lock_screen_fill        (LoketLockScreen *self,
                                           const char      *username,
                                           const char      *password);
gboolean    loket_lock_screen_submit      (LoketLockScreen *self);
const char *loket_lock_screen_get_message (LoketLockScreen *self);

G_END_DECLS
