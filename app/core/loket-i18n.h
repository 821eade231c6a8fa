/* loket-i18n.h: the language Loket speaks. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Sets up gettext so that Loket speaks Indonesian whatever the system
 * locale, or English when `language` is "en" (NULL means the
 * LOKET_LANGUAGE environment variable, then Indonesian). The catalogue comes
 * from LOKET_LOCALEDIR in the environment, the installed locale folder, or
 * the build tree, in that order. Call once, first thing in main(). */
void loket_i18n_init (const char *language);

G_END_DECLS
