/* loket-preferences-window.h: the interface language and the branch's
 * settings. The branch settings live in the database (they number its
 * members), the language in GSettings (it belongs to this computer). */
#pragma once

#include <adwaita.h>

#include "loket-store.h"

G_BEGIN_DECLS

#define LOKET_TYPE_PREFERENCES_WINDOW (loket_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (LoketPreferencesWindow, loket_preferences_window, LOKET, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* `settings` may be NULL (no schema installed): the language row is then
 * insensitive. */
LoketPreferencesWindow *loket_preferences_window_new (LoketStore *store,
                                                      GSettings  *settings);

G_END_DECLS
