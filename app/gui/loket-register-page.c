/* loket-register-page.c
 *
 * The form, what the store already knows about the person being typed in,
 * and the Save button. Two lookups run as the clerk types, both on indexed
 * columns: the NIK once it has its 16 digits, and members with the same
 * name and birth date once both are there. Each runs only when what it looks
 * for has changed, not on every keystroke. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "loket-date.h"
#include "loket-error.h"
#include "loket-format.h"
#include "loket-kpj.h"
#include "loket-nik.h"
#include "loket-register-page.h"

/* Lookalikes shown at most; the clerk opens one to see the rest. */
#define MAX_SIMILAR_SHOWN 3

struct _LoketRegisterPage
{
  AdwBin               parent_instance;

  LoketStore          *store;          /* owned */
  GDate                today;
  gboolean             today_fixed;    /* set by set_today, not the clock */
  char                *nik_key;        /* owned: the 16 digits last looked up */
  LoketMember         *nik_owner;      /* owned, nullable: who has that NIK */
  char                *similar_key;    /* owned: name, birth date and NIK last looked up */
  GPtrArray           *similar;        /* owned, nullable: LoketMember lookalikes */
  gboolean             confirmed;      /* the clerk said the lookalikes are someone else */
  gboolean             save_waiting;   /* a save stopped at the lookalikes */
  GtkWidget           *focus_before;   /* weak: where the clerk was when the panel came */
  GPtrArray           *duplicate_rows; /* borrowed rows of duplicate_group */

  /* template children, borrowed */
  LoketMemberForm     *form;
  GtkRevealer         *duplicate_revealer;
  AdwPreferencesGroup *duplicate_group;
  GtkWidget           *different_button;
  GtkWidget           *save_button;
  GtkLabel            *status_label;
};

G_DEFINE_FINAL_TYPE (LoketRegisterPage, loket_register_page, ADW_TYPE_BIN)

enum {
  REGISTERED,
  OPEN_MEMBER,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const GDate *
page_today (LoketRegisterPage *self)
{
  if (!self->today_fixed)
    loket_date_set_today (&self->today);
  return &self->today;
}

static void
set_status (LoketRegisterPage *self,
            const char        *text)
{
  gtk_label_set_text (self->status_label, text ? text : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->status_label), text);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), text != NULL);
}

/* ---- the duplicate panel ---- */

static void
open_clicked_cb (LoketRegisterPage *self,
                 GtkButton         *button)
{
  LoketMember *member = g_object_get_data (G_OBJECT (button), "loket-member");

  g_signal_emit (self, signals[OPEN_MEMBER], 0, member);
}

static GtkWidget *
member_row (LoketRegisterPage *self,
            LoketMember       *member)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Open Member"));
  g_autofree char *kpj = loket_kpj_format (member->kpj);
  g_autofree char *nik = loket_nik_mask (member->nik);
  g_autofree char *birth = loket_format_date (&member->birth_date);
  g_autofree char *subtitle = NULL;

  /* Translators: a member's KPJ, masked NIK and birth date */
  subtitle = g_strdup_printf (_("KPJ %s · NIK %s · born %s"), kpj, nik, birth ? birth : "");
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), member->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_object_set_data_full (G_OBJECT (button), "loket-member", g_object_ref (member), g_object_unref);
  g_signal_connect_object (button, "clicked", G_CALLBACK (open_clicked_cb), self, G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
  return row;
}

static void
set_description (LoketRegisterPage *self,
                 const char        *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  adw_preferences_group_set_description (self->duplicate_group, escaped);
}

/* Shows what the lookups found: an exact NIK match blocks saving; a
 * lookalike asks the clerk first. */
static void
update_duplicates (LoketRegisterPage *self)
{
  gboolean exact = self->nik_owner != NULL;
  gboolean probable = !exact && self->similar != NULL && self->similar->len > 0 && !self->confirmed;
  gboolean was_shown = gtk_revealer_get_reveal_child (self->duplicate_revealer);

  for (guint i = 0; i < self->duplicate_rows->len; i++)
    adw_preferences_group_remove (self->duplicate_group, g_ptr_array_index (self->duplicate_rows, i));
  g_ptr_array_set_size (self->duplicate_rows, 0);

  if (exact)
    {
      g_autofree char *kpj = loket_kpj_format (self->nik_owner->kpj);
      g_autofree char *text = g_strdup_printf (_("The NIK is already registered to %s (KPJ %s). Open that member instead of registering again."),
                                               self->nik_owner->name, kpj);

      adw_preferences_group_set_title (self->duplicate_group, _("Already registered"));
      set_description (self, text);
      g_ptr_array_add (self->duplicate_rows, member_row (self, self->nik_owner));
    }
  else if (probable)
    {
      adw_preferences_group_set_title (self->duplicate_group, _("Perhaps registered already"));
      set_description (self, g_dngettext (GETTEXT_PACKAGE,
                                          "A member with the same name and birth date is registered with another NIK. Open the member to check, or confirm that this is a different person.",
                                          "Members with the same name and birth date are registered with other NIKs. Open them to check, or confirm that this is a different person.",
                                          self->similar->len));
      for (guint i = 0; i < self->similar->len && i < MAX_SIMILAR_SHOWN; i++)
        g_ptr_array_add (self->duplicate_rows, member_row (self, g_ptr_array_index (self->similar, i)));
    }
  for (guint i = 0; i < self->duplicate_rows->len; i++)
    adw_preferences_group_add (self->duplicate_group, g_ptr_array_index (self->duplicate_rows, i));

  gtk_widget_set_visible (self->different_button, probable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "register.save", !exact);

  /* Remember where the clerk was typing, to go back there once they have
   * answered. */
  if ((exact || probable) && !was_shown)
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      g_set_weak_pointer (&self->focus_before, root ? gtk_root_get_focus (root) : NULL);
    }
  gtk_revealer_set_reveal_child (self->duplicate_revealer, exact || probable);
}

/* TRUE when the owner of the NIK may have changed. */
static gboolean
look_up_nik (LoketRegisterPage *self,
             const char        *nik)
{
  if (g_strcmp0 (nik, self->nik_key) == 0)
    return FALSE;
  g_free (self->nik_key);
  self->nik_key = g_strdup (nik);
  g_clear_object (&self->nik_owner);
  if (*nik != '\0' && self->store != NULL)
    self->nik_owner = loket_store_find_member_by_nik (self->store, nik, NULL);
  return TRUE;
}

static gboolean
look_up_similar (LoketRegisterPage *self,
                 LoketMember       *draft,
                 const char        *nik)
{
  g_autofree char *birth = loket_date_to_iso (&draft->birth_date);
  g_autofree char *key = NULL;

  if (draft->name != NULL && birth != NULL)
    key = g_strdup_printf ("%s\n%s\n%s", draft->name, birth, nik);
  if (g_strcmp0 (key, self->similar_key) == 0)
    return FALSE;

  g_free (self->similar_key);
  self->similar_key = g_steal_pointer (&key);
  g_clear_pointer (&self->similar, g_ptr_array_unref);
  /* A "different person" answer was about the lookalikes shown then. */
  self->confirmed = FALSE;
  self->save_waiting = FALSE;
  if (self->similar_key != NULL && self->store != NULL)
    self->similar = loket_store_find_similar_members (self->store, draft->name, &draft->birth_date,
                                                      *nik != '\0' ? nik : draft->nik, NULL);
  return TRUE;
}

static void
form_changed_cb (LoketRegisterPage *self)
{
  g_autoptr(LoketMember) draft = loket_member_form_dup_draft (self->form);
  g_autoptr(LoketNikInfo) info = loket_nik_parse (draft->nik, page_today (self));
  gboolean changed;

  /* info->nik holds the digits only when there are 16 of them. */
  changed = look_up_nik (self, info->nik);
  changed |= look_up_similar (self, draft, info->nik);
  if (changed)
    update_duplicates (self);
}

/* ---- saving ---- */

static void
save (LoketRegisterPage *self)
{
  g_autoptr(LoketMember) draft = NULL;
  g_autoptr(LoketMember) member = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) similar = NULL;
  g_autoptr(GError) error = NULL;

  if (self->store == NULL || self->nik_owner != NULL)
    return;

  set_status (self, NULL);
  draft = loket_member_form_dup_draft (self->form);
  member = loket_store_register_member (self->store, draft, page_today (self), self->confirmed,
                                        &problems, &similar, &error);
  if (member != NULL)
    {
      g_signal_emit (self, signals[REGISTERED], 0, member);
      return;
    }

  if (g_error_matches (error, LOKET_ERROR, LOKET_ERROR_INVALID) && problems != NULL)
    {
      /* Every field keeps what was typed; each says what is wrong. */
      loket_member_form_show_problems (self->form, problems);
      if (!loket_member_form_focus_first_problem (self->form))
        set_status (self, error->message);
    }
  else if (g_error_matches (error, LOKET_ERROR, LOKET_ERROR_CONFLICT) && similar != NULL && similar->len > 0)
    {
      g_set_object (&self->nik_owner, g_ptr_array_index (similar, 0));
      update_duplicates (self);
      gtk_widget_grab_focus (g_ptr_array_index (self->duplicate_rows, 0));
    }
  else if (g_error_matches (error, LOKET_ERROR, LOKET_ERROR_PROBABLE_DUPLICATE) && similar != NULL)
    {
      g_clear_pointer (&self->similar, g_ptr_array_unref);
      self->similar = g_steal_pointer (&similar);
      self->confirmed = FALSE;
      self->save_waiting = TRUE;
      update_duplicates (self);
      gtk_widget_grab_focus (self->different_button);
    }
  else
    set_status (self, error->message);
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  save (LOKET_REGISTER_PAGE (widget));
}

static void
form_submit_cb (LoketRegisterPage *self)
{
  if (self->nik_owner == NULL)
    save (self);
}

/* The clerk says the lookalikes are someone else: the panel goes, and the
 * save it interrupted goes on; otherwise the clerk goes back to typing. */
static void
different_person_activated (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  LoketRegisterPage *self = LOKET_REGISTER_PAGE (widget);
  gboolean save_now = self->save_waiting;

  self->confirmed = TRUE;
  self->save_waiting = FALSE;
  if (self->focus_before != NULL && gtk_widget_is_ancestor (self->focus_before, GTK_WIDGET (self->form)))
    gtk_widget_grab_focus (self->focus_before);
  else
    loket_member_form_focus (self->form);
  update_duplicates (self);
  if (save_now)
    save (self);
}

/* ---- the class ---- */

static void
loket_register_page_dispose (GObject *object)
{
  LoketRegisterPage *self = LOKET_REGISTER_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LOKET_TYPE_REGISTER_PAGE);
  g_clear_weak_pointer (&self->focus_before);
  g_clear_object (&self->store);
  g_clear_object (&self->nik_owner);
  g_clear_pointer (&self->similar, g_ptr_array_unref);
  g_clear_pointer (&self->duplicate_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (loket_register_page_parent_class)->dispose (object);
}

static void
loket_register_page_finalize (GObject *object)
{
  LoketRegisterPage *self = LOKET_REGISTER_PAGE (object);

  g_free (self->nik_key);
  g_free (self->similar_key);

  G_OBJECT_CLASS (loket_register_page_parent_class)->finalize (object);
}

static void
loket_register_page_class_init (LoketRegisterPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = loket_register_page_dispose;
  object_class->finalize = loket_register_page_finalize;

  /* A member was registered: the member as saved, with its KPJ. */
  signals[REGISTERED] = g_signal_new ("registered", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 1, LOKET_TYPE_MEMBER);
  /* The clerk chose to open an existing member rather than register. */
  signals[OPEN_MEMBER] = g_signal_new ("open-member", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 1, LOKET_TYPE_MEMBER);

  g_type_ensure (LOKET_TYPE_MEMBER_FORM);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/loket/Loket/loket-register-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LoketRegisterPage, form);
  gtk_widget_class_bind_template_child (widget_class, LoketRegisterPage, duplicate_revealer);
  gtk_widget_class_bind_template_child (widget_class, LoketRegisterPage, duplicate_group);
  gtk_widget_class_bind_template_child (widget_class, LoketRegisterPage, different_button);
  gtk_widget_class_bind_template_child (widget_class, LoketRegisterPage, save_button);
  gtk_widget_class_bind_template_child (widget_class, LoketRegisterPage, status_label);
  gtk_widget_class_bind_template_callback (widget_class, form_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, form_submit_cb);

  gtk_widget_class_install_action (widget_class, "register.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "register.different-person", NULL, different_person_activated);
  /* Ctrl+Enter saves from anywhere in the page. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "register.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "register.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_ISO_Enter, GDK_CONTROL_MASK, "register.save", NULL);
}

static void
loket_register_page_init (LoketRegisterPage *self)
{
  self->duplicate_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  loket_date_set_today (&self->today);
}

void
loket_register_page_set_store (LoketRegisterPage *self,
                               LoketStore        *store)
{
  g_return_if_fail (LOKET_IS_REGISTER_PAGE (self));
  g_return_if_fail (store == NULL || LOKET_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;
  /* What was found belongs to the other database. */
  g_clear_pointer (&self->nik_key, g_free);
  g_clear_pointer (&self->similar_key, g_free);
  loket_member_form_set_store (self->form, store);
}

void
loket_register_page_set_today (LoketRegisterPage *self,
                               const GDate       *today)
{
  g_return_if_fail (LOKET_IS_REGISTER_PAGE (self));
  g_return_if_fail (today != NULL && g_date_valid (today));

  self->today = *today;
  self->today_fixed = TRUE;
  loket_member_form_set_today (self->form, today);
}

void
loket_register_page_reset (LoketRegisterPage *self)
{
  g_return_if_fail (LOKET_IS_REGISTER_PAGE (self));

  set_status (self, NULL);
  self->confirmed = FALSE;
  self->save_waiting = FALSE;
  /* A page left open overnight registers on the new day. */
  loket_member_form_set_today (self->form, page_today (self));
  loket_member_form_reset (self->form);
}

void
loket_register_page_focus (LoketRegisterPage *self)
{
  g_return_if_fail (LOKET_IS_REGISTER_PAGE (self));
  loket_member_form_focus (self->form);
}

LoketMemberForm *
loket_register_page_get_form (LoketRegisterPage *self)
{
  g_return_val_if_fail (LOKET_IS_REGISTER_PAGE (self), NULL);
  return self->form;
}
