/* loket-application.h: the single-instance application: opens the store,
 * owns the settings, makes the window. */
#pragma once

#include <adwaita.h>

#include "loket-store.h"

G_BEGIN_DECLS

#define LOKET_TYPE_APPLICATION (loket_application_get_type ())

G_DECLARE_FINAL_TYPE (LoketApplication, loket_application, LOKET, APPLICATION, AdwApplication)

LoketApplication *loket_application_new          (void);
/* The store, or NULL when the database could not be opened. Borrowed. */
LoketStore       *loket_application_get_store    (LoketApplication *self);
/* The app's settings, or NULL when the schema is not installed. Borrowed. */
GSettings        *loket_application_get_settings (LoketApplication *self);
/* The interface language chosen in the preferences ("id" or "en"), read
 * before the application exists; "id" when there is no choice yet. */
char             *loket_application_dup_language (void);
/* GSettings for io.github.loket.Loket, or NULL when its schema is missing
 * (an uninstalled build run without GSETTINGS_SCHEMA_DIR). */
GSettings        *loket_application_new_settings (void);

/* The dialog shown instead of the window when the database cannot be opened
 * (locked, damaged, from a newer Loket): what happened and what to do. */
GtkWidget        *loket_application_new_database_error_dialog (const GError *error);

G_END_DECLS
