/* loket-lock-screen.c */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "loket-accounts.h"
#include "loket-lock-screen.h"

struct _LoketLockScreen
{
  AdwBin         parent_instance;

  LoketStore    *store;    /* owned */
  LoketLockMode  mode;

  /* template children, borrowed */
  GtkLabel      *heading_label;
  GtkLabel      *explanation_label;
  AdwEntryRow   *username_row;
  AdwEntryRow   *display_name_row;
  AdwEntryRow   *password_row;
  AdwEntryRow   *confirm_row;
  GtkLabel      *message_label;
  GtkButton     *submit_button;
};

G_DEFINE_FINAL_TYPE (LoketLockScreen, loket_lock_screen, ADW_TYPE_BIN)

enum {
  UNLOCKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_message (LoketLockScreen *self,
              const char      *text)
{
  gtk_label_set_text (self->message_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), text != NULL);
}

static char *
row_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static gboolean
sign_in (LoketLockScreen *self)
{
  g_autofree char *username = row_text (self->username_row);
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));
  g_autoptr(GError) error = NULL;

  if (loket_store_login (self->store, username, password, NULL, &error) == NULL)
    {
      show_message (self, error->message);
      /* The password is typed again whatever was wrong; the name stays. */
      gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
      gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
      return FALSE;
    }
  return TRUE;
}

static gboolean
create_first_supervisor (LoketLockScreen *self)
{
  g_autofree char *username = row_text (self->username_row);
  g_autofree char *display_name = row_text (self->display_name_row);
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));
  const char *confirm = gtk_editable_get_text (GTK_EDITABLE (self->confirm_row));
  g_autoptr(LoketStaff) staff = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (password, confirm) != 0)
    {
      show_message (self, _("Password again: the two passwords differ. Type the same password twice."));
      gtk_editable_set_text (GTK_EDITABLE (self->confirm_row), "");
      gtk_widget_grab_focus (GTK_WIDGET (self->confirm_row));
      return FALSE;
    }
  staff = loket_store_create_first_supervisor (self->store, username, *display_name ? display_name : NULL,
                                               password, &error);
  if (staff == NULL || loket_store_login (self->store, username, password, NULL, &error) == NULL)
    {
      show_message (self, error->message);
      return FALSE;
    }
  return TRUE;
}

gboolean
loket_lock_screen_submit (LoketLockScreen *self)
{
  gboolean done;

  g_return_val_if_fail (LOKET_IS_LOCK_SCREEN (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);

  done = self->mode == LOKET_LOCK_FIRST_SUPERVISOR ? create_first_supervisor (self) : sign_in (self);
  if (done)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
      gtk_editable_set_text (GTK_EDITABLE (self->confirm_row), "");
      show_message (self, NULL);
      g_signal_emit (self, signals[UNLOCKED], 0);
    }
  return done;
}

static void
submit_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  loket_lock_screen_submit (LOKET_LOCK_SCREEN (widget));
}

/* Enter moves to the next empty field, and on the last one signs in. */
static void
next_field_cb (LoketLockScreen *self,
               AdwEntryRow     *row)
{
  AdwEntryRow *order[] = { self->username_row, self->display_name_row, self->password_row, self->confirm_row };

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    if (gtk_widget_get_visible (GTK_WIDGET (order[i]))
        && *gtk_editable_get_text (GTK_EDITABLE (order[i])) == '\0')
      {
        gtk_widget_grab_focus (GTK_WIDGET (order[i]));
        return;
      }
  loket_lock_screen_submit (self);
}

static void
loket_lock_screen_dispose (GObject *object)
{
  LoketLockScreen *self = LOKET_LOCK_SCREEN (object);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LOKET_TYPE_LOCK_SCREEN);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (loket_lock_screen_parent_class)->dispose (object);
}

static void
loket_lock_screen_class_init (LoketLockScreenClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = loket_lock_screen_dispose;

  /* Someone signed in (or the first supervisor was made and signed in). */
  signals[UNLOCKED] = g_signal_new ("unlocked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/loket/Loket/loket-lock-screen.ui");
  gtk_widget_class_bind_template_child (widget_class, LoketLockScreen, heading_label);
  gtk_widget_class_bind_template_child (widget_class, LoketLockScreen, explanation_label);
  gtk_widget_class_bind_template_child (widget_class, LoketLockScreen, username_row);
  gtk_widget_class_bind_template_child (widget_class, LoketLockScreen, display_name_row);
  gtk_widget_class_bind_template_child (widget_class, LoketLockScreen, password_row);
  gtk_widget_class_bind_template_child (widget_class, LoketLockScreen, confirm_row);
  gtk_widget_class_bind_template_child (widget_class, LoketLockScreen, message_label);
  gtk_widget_class_bind_template_child (widget_class, LoketLockScreen, submit_button);
  gtk_widget_class_bind_template_callback (widget_class, next_field_cb);

  gtk_widget_class_install_action (widget_class, "lock.submit", NULL, submit_activated);
}

static void
loket_lock_screen_init (LoketLockScreen *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
loket_lock_screen_set_store (LoketLockScreen *self,
                             LoketStore      *store)
{
  g_return_if_fail (LOKET_IS_LOCK_SCREEN (self));
  g_set_object (&self->store, store);
}

void
loket_lock_screen_reset (LoketLockScreen *self,
                         LoketLockMode    mode)
{
  gboolean first = mode == LOKET_LOCK_FIRST_SUPERVISOR;

  g_return_if_fail (LOKET_IS_LOCK_SCREEN (self));

  self->mode = mode;
  gtk_label_set_text (self->heading_label, first ? _("Create the First Supervisor") : _("Sign In"));
  gtk_label_set_text (self->explanation_label,
                      first ? _("Loket keeps the NIKs and incomes of many people: only staff with an account "
                                "may use it. The supervisor made now adds the clerks’ accounts.")
                            : _("Loket is locked. Sign in with your own account: everything you do is "
                                "recorded under your name."));
  gtk_button_set_label (self->submit_button, first ? _("_Create and Sign In") : _("_Sign In"));
  gtk_widget_set_visible (GTK_WIDGET (self->display_name_row), first);
  gtk_widget_set_visible (GTK_WIDGET (self->confirm_row), first);
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->confirm_row), "");
  show_message (self, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (*gtk_editable_get_text (GTK_EDITABLE (self->username_row)) == '\0'
                                     ? self->username_row : self->password_row));
}

LoketLockMode
loket_lock_screen_get_mode (LoketLockScreen *self)
{
  g_return_val_if_fail (LOKET_IS_LOCK_SCREEN (self), LOKET_LOCK_SIGN_IN);
  return self->mode;
}

void
loket_lock_screen_fill (LoketLockScreen *self,
                        const char      *username,
                        const char      *password)
{
  g_return_if_fail (LOKET_IS_LOCK_SCREEN (self));

  gtk_editable_set_text (GTK_EDITABLE (self->username_row), username);
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), password);
  gtk_editable_set_text (GTK_EDITABLE (self->confirm_row), password);
}

const char *
loket_lock_screen_get_message (LoketLockScreen *self)
{
  g_return_val_if_fail (LOKET_IS_LOCK_SCREEN (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->message_label)) ? gtk_label_get_text (self->message_label)
                                                                   : NULL;
}
