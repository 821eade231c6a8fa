/* loket-preferences-window.c */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <gtk/gtkunixprint.h>

#include "loket-accounts.h"
#include "loket-backup.h"
#include "loket-file-chooser.h"
#include "loket-preferences-window.h"
#include "loket-store-cards.h"

struct _LoketPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  LoketStore           *store;     /* owned */
  GSettings            *settings;  /* owned, nullable */

  /* template children, borrowed */
  AdwComboRow          *language_row;
  AdwEntryRow          *branch_name_row;
  AdwEntryRow          *branch_code_row;
  AdwEntryRow          *kpj_prefix_row;
  GtkSwitch            *show_nik_switch;
  AdwActionRow         *backup_folder_row;
  AdwPreferencesGroup  *printers_group;
  guint                 printers_shown;
};

G_DEFINE_FINAL_TYPE (LoketPreferencesWindow, loket_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The combo row's positions, in the order of the template's string list. */
static const char *languages[] = { "id", "en" };

static const char *
setting_key_for (LoketPreferencesWindow *self,
                 AdwEntryRow            *row)
{
  if (row == self->branch_name_row)
    return LOKET_SETTING_BRANCH_NAME;
  if (row == self->branch_code_row)
    return LOKET_SETTING_BRANCH_CODE;
  return LOKET_SETTING_KPJ_PREFIX;
}

static void
branch_row_applied_cb (LoketPreferencesWindow *self,
                       AdwEntryRow            *row)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *value = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (loket_store_set_setting (self->store, setting_key_for (self, row), value, &error))
    {
      gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (_("Saved")));
    }
  else
    {
      /* Keep what was typed, so the clerk corrects it rather than retypes. */
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
    }
}

static void
language_selected_cb (LoketPreferencesWindow *self)
{
  guint position = adw_combo_row_get_selected (self->language_row);

  if (self->settings != NULL && position < G_N_ELEMENTS (languages))
    g_settings_set_string (self->settings, "language", languages[position]);
}

static void
show_setting (LoketPreferencesWindow *self,
              AdwEntryRow            *row)
{
  g_autofree char *value = loket_store_dup_setting (self->store, setting_key_for (self, row));

  gtk_editable_set_text (GTK_EDITABLE (row), value ? value : "");
}

static void
show_nik_changed_cb (LoketPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!loket_store_set_setting (self->store, LOKET_SETTING_CARD_SHOW_NIK,
                                gtk_switch_get_active (self->show_nik_switch) ? "1" : "0", &error))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
}

/* One printer's correction: its expander row holds the two spin buttons. */
static void
printer_offset_changed_cb (GtkSpinButton          *changed,
                           LoketPreferencesWindow *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (changed), ADW_TYPE_EXPANDER_ROW);
  GtkSpinButton *x = g_object_get_data (G_OBJECT (row), "offset-x");
  GtkSpinButton *y = g_object_get_data (G_OBJECT (row), "offset-y");
  const char *printer = g_object_get_data (G_OBJECT (row), "printer");
  g_autoptr(GError) error = NULL;

  if (!loket_store_set_card_printer_offset (self->store, printer, gtk_spin_button_get_value (x),
                                            gtk_spin_button_get_value (y), &error))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
}

static GtkSpinButton *
add_offset_row (LoketPreferencesWindow *self,
                AdwExpanderRow         *expander,
                const char             *title,
                double                  value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (-LOKET_CARD_OFFSET_MAX_MM, LOKET_CARD_OFFSET_MAX_MM, 0.5);

  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  adw_expander_row_add_row (expander, row);
  g_signal_connect_object (spin, "value-changed", G_CALLBACK (printer_offset_changed_cb), self, 0);
  return GTK_SPIN_BUTTON (spin);
}

static gboolean
add_printer_cb (GtkPrinter *printer,
                gpointer    data)
{
  LoketPreferencesWindow *self = data;
  const char *name = gtk_printer_get_name (printer);
  GtkWidget *expander;
  double x, y;

  /* The window closed before the print system answered. */
  if (self->printers_group == NULL)
    return TRUE;
  /* "Print to File" has no paper to align. */
  if (gtk_printer_is_virtual (printer))
    return FALSE;
  loket_store_get_card_printer_offset (self->store, name, &x, &y);
  expander = adw_expander_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), name);
  g_object_set_data_full (G_OBJECT (expander), "printer", g_strdup (name), g_free);
  g_object_set_data (G_OBJECT (expander), "offset-x",
                     add_offset_row (self, ADW_EXPANDER_ROW (expander), _("Move right (mm)"), x));
  g_object_set_data (G_OBJECT (expander), "offset-y",
                     add_offset_row (self, ADW_EXPANDER_ROW (expander), _("Move down (mm)"), y));
  adw_preferences_group_add (self->printers_group, expander);
  self->printers_shown++;
  return FALSE;
}

/* ---- backups ------------------------------------------------------------- */

enum {
  RESTORE_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
toast (LoketPreferencesWindow *self,
       const char             *text)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (text));
}

static void
backup_file_chosen (const char *path,
                    gpointer    user_data)
{
  LoketPreferencesWindow *self = user_data;
  g_autoptr(GError) error = NULL;

  if (path == NULL)
    toast (self, _("File: choose a folder on this computer or a USB stick."));
  else if (!loket_store_backup (self->store, path, &error))
    toast (self, error->message);
  else
    {
      g_autofree char *text = g_strdup_printf (_("Backed up and checked: %s"), path);

      toast (self, text);
    }
}

static void
backup_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LoketPreferencesWindow *self = LOKET_PREFERENCES_WINDOW (widget);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *name = g_date_time_format (now, "loket-%Y-%m-%d-%H%M.db");

  loket_choose_file (GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE, _("Back Up the Database"),
                     _("_Back Up"), name, backup_file_chosen, self);
}

static void
restore_confirmed (AdwMessageDialog       *dialog,
                   const char             *response,
                   LoketPreferencesWindow *self)
{
  const char *path = g_object_get_data (G_OBJECT (dialog), "backup");

  if (g_str_equal (response, "restore") && path != NULL)
    {
      g_autofree char *file = g_strdup (path);

      /* The application closes every window and the store, then restores. */
      g_signal_emit (self, signals[RESTORE_REQUESTED], 0, file);
    }
}

static void
restore_file_chosen (const char *path,
                     gpointer    user_data)
{
  LoketPreferencesWindow *self = user_data;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  /* Checked before anything is asked: a wrong file is said at once. */
  if (path == NULL || !loket_backup_check_file (path, NULL, &error))
    {
      toast (self, error != NULL ? error->message : _("File: choose a backup on this computer or a USB stick."));
      return;
    }
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Restore This Backup?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("Everything recorded since %s was made will no longer be in "
                                    "the database. The database now in use is kept aside, not deleted, "
                                    "and Loket opens again on the backup."),
                                  path);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "restore", _("_Restore"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "backup", g_strdup (path), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (restore_confirmed), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
restore_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  LoketPreferencesWindow *self = LOKET_PREFERENCES_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!loket_store_require (self->store, LOKET_RIGHT_SETTINGS, &error))
    {
      toast (self, error->message);
      return;
    }
  loket_choose_file (GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN, _("Restore a Backup"), _("_Open"),
                     NULL, restore_file_chosen, self);
}

static void
show_backup_folder (LoketPreferencesWindow *self)
{
  g_autofree char *folder = loket_store_dup_backup_folder (self->store);
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, kept %d day",
                                                        "%s, kept %d days",
                                                        loket_store_get_backup_keep_days (self->store)),
                                           folder, loket_store_get_backup_keep_days (self->store));

  adw_action_row_set_subtitle (self->backup_folder_row, text);
}

static void
loket_preferences_window_dispose (GObject *object)
{
  LoketPreferencesWindow *self = LOKET_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LOKET_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (loket_preferences_window_parent_class)->dispose (object);
}

static void
loket_preferences_window_class_init (LoketPreferencesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = loket_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/loket/Loket/loket-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LoketPreferencesWindow, language_row);
  gtk_widget_class_bind_template_child (widget_class, LoketPreferencesWindow, branch_name_row);
  gtk_widget_class_bind_template_child (widget_class, LoketPreferencesWindow, branch_code_row);
  gtk_widget_class_bind_template_child (widget_class, LoketPreferencesWindow, kpj_prefix_row);
  gtk_widget_class_bind_template_child (widget_class, LoketPreferencesWindow, show_nik_switch);
  gtk_widget_class_bind_template_child (widget_class, LoketPreferencesWindow, backup_folder_row);
  gtk_widget_class_install_action (widget_class, "preferences.backup", NULL, backup_activated);
  gtk_widget_class_install_action (widget_class, "preferences.restore", NULL, restore_activated);
  /* A backup the supervisor chose and confirmed: its path. */
  signals[RESTORE_REQUESTED] = g_signal_new ("restore-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                             0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  gtk_widget_class_bind_template_child (widget_class, LoketPreferencesWindow, printers_group);
  gtk_widget_class_bind_template_callback (widget_class, branch_row_applied_cb);
}

static void
loket_preferences_window_init (LoketPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

LoketPreferencesWindow *
loket_preferences_window_new (LoketStore *store,
                              GSettings  *settings)
{
  LoketPreferencesWindow *self;

  g_return_val_if_fail (LOKET_IS_STORE (store), NULL);

  self = g_object_new (LOKET_TYPE_PREFERENCES_WINDOW, NULL);
  self->store = g_object_ref (store);
  self->settings = settings ? g_object_ref (settings) : NULL;

  show_setting (self, self->branch_name_row);
  show_setting (self, self->branch_code_row);
  show_setting (self, self->kpj_prefix_row);
  show_backup_folder (self);

  if (settings != NULL)
    {
      g_autofree char *language = g_settings_get_string (settings, "language");
      adw_combo_row_set_selected (self->language_row, g_str_equal (language, "en") ? 1 : 0);
    }
  else
    gtk_widget_set_sensitive (GTK_WIDGET (self->language_row), FALSE);
  g_signal_connect_swapped (self->language_row, "notify::selected",
                            G_CALLBACK (language_selected_cb), self);

  {
    g_autofree char *show_nik = loket_store_dup_setting (store, LOKET_SETTING_CARD_SHOW_NIK);

    gtk_switch_set_active (self->show_nik_switch, g_strcmp0 (show_nik, "1") == 0);
    g_signal_connect_swapped (self->show_nik_switch, "notify::active", G_CALLBACK (show_nik_changed_cb), self);
  }
  /* Printers come as the print system finds them; the window holds a
   * reference until the search ends. */
  gtk_enumerate_printers (add_printer_cb, g_object_ref (self), g_object_unref, FALSE);
  return self;
}
