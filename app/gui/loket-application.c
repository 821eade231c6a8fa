/* loket-application.c */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "loket-application.h"
#include "loket-backup.h"
#include "loket-error.h"
#include "loket-start-checks.h"
#include "loket-preferences-window.h"
#include "loket-window.h"

struct _LoketApplication
{
  AdwApplication  parent_instance;

  LoketStore     *store;     /* owned; NULL when the database failed */
  GSettings      *settings;  /* owned; NULL without the schema */
  char           *db_path;   /* owned; --db, or NULL for the default */
};

G_DEFINE_FINAL_TYPE (LoketApplication, loket_application, ADW_TYPE_APPLICATION)

GSettings *
loket_application_new_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    return NULL;
  return g_settings_new_full (schema, NULL, NULL);
}

char *
loket_application_dup_language (void)
{
  g_autoptr(GSettings) settings = loket_application_new_settings ();

  if (g_getenv ("LOKET_LANGUAGE") != NULL)
    return g_strdup (g_getenv ("LOKET_LANGUAGE"));
  if (settings == NULL)
    return g_strdup ("id");
  return g_settings_get_string (settings, "language");
}

GtkWidget *
loket_application_new_database_error_dialog (const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (NULL, _("The database cannot be opened"), NULL);

  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s\n\n%s", error->message,
                                  _("Nothing was changed. Close other Loket windows, check the disk, or ask the supervisor to restore the latest backup."));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close Loket"));
  return dialog;
}

static void
show_database_error (LoketApplication *self,
                     const GError     *error)
{
  /* A window of its own: with no database there is nothing else to show,
   * and the clerk must be told what to do rather than see a crash. */
  GtkWidget *dialog = loket_application_new_database_error_dialog (error);

  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  g_signal_connect_swapped (dialog, "response", G_CALLBACK (g_application_quit), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void open_database (LoketApplication *self);

/* Puts the backup in place of the damaged database (kept aside, not
 * deleted), then opens Loket again on it. Nothing may hold the database
 * open meanwhile: the windows go first. */
static void
restore_from (LoketApplication *self,
              const char       *backup)
{
  g_autofree char *path = self->db_path ? g_strdup (self->db_path) : loket_store_default_path ();
  g_autofree char *kept = NULL;
  g_autoptr(GError) error = NULL;
  GList *windows;

  while ((windows = gtk_application_get_windows (GTK_APPLICATION (self))) != NULL)
    gtk_window_destroy (windows->data);
  g_clear_object (&self->store);

  if (!loket_store_restore (path, backup, &kept, &error))
    {
      show_database_error (self, error);
      return;
    }
  open_database (self);
  {
    GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
    g_autofree char *text = g_strdup_printf (_("Restored from %s; the damaged database is kept as %s"),
                                             backup, kept ? kept : "—");

    if (LOKET_IS_WINDOW (window))
      loket_window_add_toast (LOKET_WINDOW (window), text);
  }
}

static void
recovery_response (AdwMessageDialog *dialog,
                   const char       *response,
                   LoketApplication *self)
{
  const char *backup = g_object_get_data (G_OBJECT (dialog), "backup");

  if (g_str_equal (response, "restore") && backup != NULL)
    {
      g_autofree char *file = g_strdup (backup);

      restore_from (self, file);
    }
  else if (g_str_equal (response, "close"))
    g_application_quit (G_APPLICATION (self));
}

/* A damaged database: say so, and offer the latest good backup instead of
 * carrying on (or crashing) on it. */
static void
offer_recovery (LoketApplication *self,
                const GError     *damage,
                const char       *backup_folder)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *latest = loket_backup_find_latest (backup_folder, &error);
  GtkWidget *dialog = adw_message_dialog_new (gtk_application_get_active_window (GTK_APPLICATION (self)),
                                              _("The Database Is Damaged"), NULL);

  if (latest != NULL)
    adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s\n\n%s %s",
                                    damage->message,
                                    _("Restore the latest good backup? The damaged database is kept aside, "
                                      "not deleted. The backup is:"),
                                    latest);
  else
    adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s\n\n%s", damage->message,
                                    _("No good backup was found in the backup folder. Close Loket and call "
                                      "the supervisor: the database was not changed."));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close Loket"));
  if (latest != NULL)
    {
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "restore", _("_Restore the Backup"));
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                                  ADW_RESPONSE_SUGGESTED);
      g_object_set_data_full (G_OBJECT (dialog), "backup", g_steal_pointer (&latest), g_free);
    }
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  g_signal_connect (dialog, "response", G_CALLBACK (recovery_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
start_checks_done (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(LoketApplication) self = user_data;
  g_autoptr(GError) damage = NULL;
  g_autoptr(GError) backup_error = NULL;
  g_autofree char *backup = NULL;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (!loket_start_checks_finish (result, &damage, &backup, &backup_error))
    {
      g_autofree char *folder = self->store ? loket_store_dup_backup_folder (self->store)
                                            : loket_backup_default_folder ();

      offer_recovery (self, damage, folder);
      return;
    }
  if (backup_error != NULL && LOKET_IS_WINDOW (window))
    {
      g_autofree char *text = g_strdup_printf (_("Today’s backup failed: %s"), backup_error->message);

      loket_window_add_toast (LOKET_WINDOW (window), text);
    }
}

static void
open_database (LoketApplication *self)
{
  g_autofree char *path = self->db_path ? g_strdup (self->db_path) : loket_store_default_path ();
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  if (self->store == NULL)
    self->store = loket_store_open (path, &error);
  if (self->store == NULL)
    {
      /* Garbage in place of the database is damage too: a backup may help. */
      if (g_error_matches (error, LOKET_ERROR, LOKET_ERROR_STORAGE)
          && g_file_test (path, G_FILE_TEST_EXISTS))
        {
          g_autofree char *folder = loket_backup_default_folder ();
          g_autofree char *latest = loket_backup_find_latest (folder, NULL);

          if (latest != NULL)
            {
              offer_recovery (self, error, folder);
              return;
            }
        }
      show_database_error (self, error);
      return;
    }

  window = GTK_WINDOW (loket_window_new (GTK_APPLICATION (self), self->store, self->settings));
  loket_window_require_sign_in (LOKET_WINDOW (window));
  gtk_window_present (window);
  loket_start_checks_run (path, NULL, start_checks_done, g_object_ref (self));
}

static void
loket_application_activate (GApplication *application)
{
  LoketApplication *self = LOKET_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  /* A second start raises the window the clerk already has. */
  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  open_database (self);
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  LoketApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  LoketPreferencesWindow *preferences;

  /* Not from behind the lock screen. */
  if (self->store == NULL || (LOKET_IS_WINDOW (parent) && loket_window_is_locked (LOKET_WINDOW (parent))))
    return;
  preferences = loket_preferences_window_new (self->store, self->settings);
  gtk_window_set_transient_for (GTK_WINDOW (preferences), parent);
  g_signal_connect_swapped (preferences, "restore-requested", G_CALLBACK (restore_from), self);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  LoketApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  adw_show_about_window (parent,
                         "application-name", "Loket",
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "developer-name", _("Loket developers"),
                         "comments", _("The counter application of a BPJS Ketenagakerjaan branch office"),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         NULL);
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static const GActionEntry app_actions[] = {
  { "preferences", preferences_activated },
  { "about", about_activated },
  { "quit", quit_activated },
};

static void
loket_application_startup (GApplication *application)
{
  LoketApplication *self = LOKET_APPLICATION (application);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (loket_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", preferences_accels);
}

static int
loket_application_handle_local_options (GApplication *application,
                                        GVariantDict *options)
{
  LoketApplication *self = LOKET_APPLICATION (application);
  const char *db = NULL;

  if (g_variant_dict_lookup (options, "db", "^&ay", &db))
    self->db_path = g_strdup (db);
  return -1;
}

static void
loket_application_finalize (GObject *object)
{
  LoketApplication *self = LOKET_APPLICATION (object);

  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_free (self->db_path);

  G_OBJECT_CLASS (loket_application_parent_class)->finalize (object);
}

static void
loket_application_class_init (LoketApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = loket_application_finalize;
  app_class->activate = loket_application_activate;
  app_class->startup = loket_application_startup;
  app_class->handle_local_options = loket_application_handle_local_options;
}

static void
loket_application_init (LoketApplication *self)
{
  static const GOptionEntry options[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("The database file (default: $XDG_DATA_HOME/loket/loket.db)"), N_("FILE") },
    { NULL }
  };

  self->settings = loket_application_new_settings ();
  g_application_add_main_option_entries (G_APPLICATION (self), options);
}

LoketApplication *
loket_application_new (void)
{
  return g_object_new (LOKET_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/io/github/loket/Loket",
                       NULL);
}

LoketStore *
loket_application_get_store (LoketApplication *self)
{
  g_return_val_if_fail (LOKET_IS_APPLICATION (self), NULL);
  return self->store;
}

GSettings *
loket_application_get_settings (LoketApplication *self)
{
  g_return_val_if_fail (LOKET_IS_APPLICATION (self), NULL);
  return self->settings;
}
