/* loket-window.c */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "loket-claims-page.h"
#include "loket-cooperative-page.h"
#include "loket-cooperatives-page.h"
#include "loket-import-page.h"
#include "loket-accounts.h"
#include "loket-audit-window.h"
#include "loket-kpj.h"
#include "loket-lock-screen.h"
#include "loket-member-page.h"
#include "loket-members-page.h"
#include "loket-payment-page.h"
#include "loket-register-page.h"
#include "loket-reports-page.h"
#include "loket-window.h"

struct _LoketWindow
{
  AdwApplicationWindow  parent_instance;

  LoketStore           *store;         /* owned */
  gboolean              back_to_cooperative; /* the member shown was opened from a cooperative */
  GSettings            *settings;      /* owned, nullable */

  /* template children, borrowed */
  AdwLeaflet           *leaflet;
  GtkBox               *content;
  GtkListBox           *sections_list;
  GtkStack             *sections;
  GtkStack             *members_stack;
  LoketMembersPage     *members_page;
  LoketRegisterPage    *register_page;
  LoketMemberPage      *member_page;
  GtkStack             *coops_stack;
  LoketCooperativesPage *cooperatives_page;
  LoketCooperativePage *cooperative_page;
  LoketImportPage      *import_page;
  LoketPaymentPage     *payment_page;
  LoketReportsPage     *reports_page;
  LoketClaimsPage      *claims_page;
  AdwWindowTitle       *sidebar_title;
  AdwWindowTitle       *content_title;
  GtkWidget            *back_button;
  GtkWidget            *register_button;
  AdwButtonContent     *register_content;
  AdwToastOverlay      *toasts;
  GtkStack             *lock_stack;
  LoketLockScreen      *lock_screen;

  gint64                last_activity;  /* monotonic µs of the last key or click */
  guint                 idle_check;     /* source id */
};

G_DEFINE_FINAL_TYPE (LoketWindow, loket_window, ADW_TYPE_APPLICATION_WINDOW)

static gboolean
in_coops_subpage (LoketWindow *self)
{
  return g_str_equal (gtk_stack_get_visible_child_name (self->sections), "cooperatives")
         && !g_str_equal (gtk_stack_get_visible_child_name (self->coops_stack), "cooperatives");
}

static gboolean
in_claims_subpage (LoketWindow *self)
{
  return g_str_equal (gtk_stack_get_visible_child_name (self->sections), "claims")
         && !g_str_equal (loket_claims_page_get_mode (self->claims_page), "list");
}

static gboolean
in_members_search (LoketWindow *self)
{
  return g_str_equal (gtk_stack_get_visible_child_name (self->sections), "members")
         && g_str_equal (gtk_stack_get_visible_child_name (self->members_stack), "search");
}

/* The header follows what is shown: the section's or the page's title, the
 * back button when there is somewhere to go back to. */
static void
update_header (LoketWindow *self)
{
  const char *section = gtk_stack_get_visible_child_name (self->sections);
  const char *page = gtk_stack_get_visible_child_name (self->members_stack);
  GtkStackPage *stack_page = gtk_stack_get_page (self->sections, gtk_stack_get_visible_child (self->sections));
  const char *title = gtk_stack_page_get_title (stack_page);
  const char *subtitle = "";
  gboolean folded = adw_leaflet_get_folded (self->leaflet);

  if (g_str_equal (section, "members") && g_str_equal (page, "register"))
    title = _("Register a Member");
  else if (g_str_equal (section, "members") && g_str_equal (page, "member"))
    {
      title = _("Member");
      subtitle = loket_member_page_get_title (self->member_page);
    }
  else if (in_claims_subpage (self))
    title = g_str_equal (loket_claims_page_get_mode (self->claims_page), "new") ? _("New Claim") : _("Claim");
  else if (in_coops_subpage (self))
    {
      LoketCooperative *coop = loket_cooperative_page_get_cooperative (self->cooperative_page);

      if (g_str_equal (gtk_stack_get_visible_child_name (self->coops_stack), "import"))
        title = _("Import Members");
      else
        title = _("Cooperative");
      subtitle = coop ? coop->name : "";
    }

  loket_members_page_set_compact (self->members_page, folded);
  adw_button_content_set_label (self->register_content, folded ? "" : _("_Register Member"));

  adw_window_title_set_title (self->content_title, title);
  adw_window_title_set_subtitle (self->content_title, subtitle ? subtitle : "");
  gtk_widget_set_visible (self->back_button,
                          folded || (g_str_equal (section, "members") && !in_members_search (self))
                          || in_coops_subpage (self) || in_claims_subpage (self));
  gtk_widget_set_visible (self->register_button, in_members_search (self));
}

void
loket_window_show_section (LoketWindow *self,
                           const char  *name)
{
  g_return_if_fail (LOKET_IS_WINDOW (self));

  gtk_stack_set_visible_child_name (self->sections, name);
  /* The figures are counted when the section is opened, never in the
   * background of the counter's work. */
  if (g_str_equal (name, "reports"))
    loket_reports_page_show_day (self->reports_page, NULL);
  else if (g_str_equal (name, "claims"))
    loket_claims_page_show_list (self->claims_page);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->sections_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "section"), name) == 0)
      gtk_list_box_select_row (self->sections_list, GTK_LIST_BOX_ROW (row));

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  update_header (self);
}

void
loket_window_show_search (LoketWindow *self)
{
  g_return_if_fail (LOKET_IS_WINDOW (self));

  self->back_to_cooperative = FALSE;
  loket_window_show_section (self, "members");
  gtk_stack_set_visible_child_name (self->members_stack, "search");
  update_header (self);
  loket_members_page_focus_search (self->members_page);
}

void
loket_window_show_register (LoketWindow *self)
{
  g_return_if_fail (LOKET_IS_WINDOW (self));

  self->back_to_cooperative = FALSE;
  loket_window_show_section (self, "members");
  gtk_stack_set_visible_child_name (self->members_stack, "register");
  update_header (self);
  loket_register_page_focus (self->register_page);
}

void
loket_window_show_member (LoketWindow *self,
                          LoketMember *member)
{
  g_return_if_fail (LOKET_IS_WINDOW (self));
  g_return_if_fail (LOKET_IS_MEMBER (member));

  loket_member_page_set_member (self->member_page, member);
  loket_window_show_section (self, "members");
  gtk_stack_set_visible_child_name (self->members_stack, "member");
  update_header (self);
}

const char *
loket_window_get_page_name (LoketWindow *self)
{
  const char *section;

  g_return_val_if_fail (LOKET_IS_WINDOW (self), NULL);

  section = gtk_stack_get_visible_child_name (self->sections);
  if (g_str_equal (section, "members"))
    return gtk_stack_get_visible_child_name (self->members_stack);
  if (g_str_equal (section, "cooperatives"))
    return gtk_stack_get_visible_child_name (self->coops_stack);
  return section;
}

void
loket_window_add_toast (LoketWindow *self,
                        const char  *text)
{
  g_return_if_fail (LOKET_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (text));
}

static void
section_row_activated_cb (LoketWindow   *self,
                          GtkListBoxRow *row)
{
  const char *name = g_object_get_data (G_OBJECT (row), "section");

  if (g_str_equal (name, "members"))
    loket_window_show_search (self);
  else
    loket_window_show_section (self, name);
}

static void
open_member_cb (LoketWindow *self,
                LoketMember *member)
{
  self->back_to_cooperative = FALSE;
  loket_window_show_member (self, member);
}

/* A member opened from a cooperative's list: back returns to that
 * cooperative, where the clerk was, not to the member search. */
static void
cooperative_open_member_cb (LoketWindow *self,
                            LoketMember *member)
{
  loket_window_show_member (self, member);
  self->back_to_cooperative = TRUE;
}

static void
registered_cb (LoketWindow *self,
               LoketMember *member)
{
  g_autofree char *kpj = loket_kpj_format (member->kpj);
  g_autofree char *text = g_strdup_printf (_("Registered %s with KPJ %s"), member->name, kpj);

  loket_window_add_toast (self, text);
  loket_members_page_reload (self->members_page);
  loket_register_page_reset (self->register_page);
  loket_window_show_member (self, member);
}

static void
member_saved_cb (LoketWindow *self,
                 LoketMember *member)
{
  loket_window_add_toast (self, _("Changes saved"));
  loket_members_page_reload (self->members_page);
  loket_cooperative_page_reload (self->cooperative_page);
  update_header (self);
}

/* ---- who is at the counter ------------------------------------------------ */

static void
show_who (LoketWindow *self)
{
  g_autofree char *branch = loket_store_dup_setting (self->store, LOKET_SETTING_BRANCH_NAME);
  const LoketStaff *staff = loket_store_get_session (self->store);
  g_autofree char *subtitle = NULL;

  if (staff != NULL)
    subtitle = g_strdup_printf ("%s · %s", branch ? branch : "Loket",
                                staff->display_name ? staff->display_name : staff->username);
  adw_window_title_set_subtitle (self->sidebar_title, subtitle ? subtitle : branch ? branch : "");
}

gboolean
loket_window_is_locked (LoketWindow *self)
{
  g_return_val_if_fail (LOKET_IS_WINDOW (self), FALSE);
  return g_str_equal (gtk_stack_get_visible_child_name (self->lock_stack), "lock");
}

/* Behind the lock screen the window's own shortcuts do nothing: Ctrl+N or
 * Ctrl+F must not work on pages nobody can see. */
static void
enable_actions (LoketWindow *self,
                gboolean     enabled)
{
  static const char *const actions[] = { "win.register", "win.search", "win.back", "win.audit" };

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), actions[i], enabled);
}

/* Covers everything until someone signs in. On a database with no account
 * (legacy mode) there is nothing to lock. */
void
loket_window_lock (LoketWindow *self)
{
  g_return_if_fail (LOKET_IS_WINDOW (self));

  if (!loket_store_has_accounts (self->store, NULL))
    return;
  loket_store_logout (self->store);
  loket_lock_screen_reset (self->lock_screen, LOKET_LOCK_SIGN_IN);
  gtk_stack_set_visible_child_name (self->lock_stack, "lock");
  enable_actions (self, FALSE);
  show_who (self);
}

void
loket_window_require_sign_in (LoketWindow *self)
{
  g_return_if_fail (LOKET_IS_WINDOW (self));

  if (loket_store_has_accounts (self->store, NULL))
    loket_window_lock (self);
  else
    {
      /* The first start: the first supervisor is made before anything else. */
      loket_lock_screen_reset (self->lock_screen, LOKET_LOCK_FIRST_SUPERVISOR);
      gtk_stack_set_visible_child_name (self->lock_stack, "lock");
      enable_actions (self, FALSE);
    }
}

static void
unlocked_cb (LoketWindow *self)
{
  self->last_activity = g_get_monotonic_time ();
  gtk_stack_set_visible_child_name (self->lock_stack, "app");
  enable_actions (self, TRUE);
  show_who (self);
  loket_window_show_search (self);
}

static void
lock_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  loket_window_lock (LOKET_WINDOW (widget));
}

/* The supervisor's; a clerk is told so by the core. */
static void
audit_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  LoketWindow *self = LOKET_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!loket_store_require (self->store, LOKET_RIGHT_AUDIT, &error))
    {
      loket_window_add_toast (self, error->message);
      return;
    }
  gtk_window_present (GTK_WINDOW (loket_audit_window_new (GTK_WINDOW (self), self->store)));
}

static void
note_activity (LoketWindow *self)
{
  self->last_activity = g_get_monotonic_time ();
}

/* Checked every half minute: an unattended counter locks itself after the
 * branch's idle time (security.idle_minutes). */
gboolean
loket_window_check_idle (LoketWindow *self,
                         gint64       now)
{
  int minutes;

  g_return_val_if_fail (LOKET_IS_WINDOW (self), FALSE);

  if (loket_window_is_locked (self) || loket_store_get_session (self->store) == NULL)
    return FALSE;
  minutes = loket_store_get_idle_minutes (self->store);
  if (minutes <= 0 || now - self->last_activity <= (gint64) minutes * 60 * G_USEC_PER_SEC)
    return FALSE;
  loket_window_lock (self);
  return TRUE;
}

static gboolean
check_idle (gpointer data)
{
  loket_window_check_idle (data, g_get_monotonic_time ());
  return G_SOURCE_CONTINUE;
}

void
loket_window_show_payment (LoketWindow *self,
                           LoketMember *member)
{
  g_return_if_fail (LOKET_IS_WINDOW (self));

  loket_window_show_section (self, "payments");
  if (member != NULL)
    loket_payment_page_set_member (self->payment_page, member);
  else
    loket_payment_page_focus_search (self->payment_page);
}

/* "Klaim" on a member's page: a new claim, for them. */
static void
member_claim_cb (LoketWindow *self,
                 LoketMember *member)
{
  loket_window_show_section (self, "claims");
  loket_claims_page_show_new (self->claims_page, member);
  update_header (self);
}

/* "Bayar" on a member's page: the payment section, with them chosen. */
static void
member_pay_cb (LoketWindow *self,
               LoketMember *member)
{
  loket_window_show_payment (self, member);
}

void
loket_window_show_cooperative (LoketWindow *self,
                               gint64       id)
{
  g_return_if_fail (LOKET_IS_WINDOW (self));

  loket_cooperative_page_set_cooperative (self->cooperative_page, id);
  loket_window_show_section (self, "cooperatives");
  gtk_stack_set_visible_child_name (self->coops_stack, "cooperative");
  update_header (self);
}

void
loket_window_show_import (LoketWindow *self,
                          gint64       id)
{
  LoketCooperative *coop;

  g_return_if_fail (LOKET_IS_WINDOW (self));

  loket_window_show_cooperative (self, id);
  coop = loket_cooperative_page_get_cooperative (self->cooperative_page);
  if (coop == NULL)
    return;
  loket_import_page_set_cooperative (self->import_page, self->store, coop);
  gtk_stack_set_visible_child_name (self->coops_stack, "import");
  update_header (self);
}

static void
open_cooperative_cb (LoketWindow      *self,
                     LoketCooperative *cooperative)
{
  loket_window_show_cooperative (self, cooperative->id);
}

static void
cooperative_added_cb (LoketWindow      *self,
                      LoketCooperative *cooperative)
{
  g_autofree char *text = g_strdup_printf (_("Added %s"), cooperative->name);

  loket_window_add_toast (self, text);
}

static void
import_cb (LoketWindow      *self,
           LoketCooperative *cooperative)
{
  loket_window_show_import (self, cooperative->id);
}

static void
import_committed_cb (LoketWindow *self,
                     guint        registered,
                     guint        linked)
{
  loket_cooperative_page_reload (self->cooperative_page);
  loket_cooperatives_page_reload (self->cooperatives_page);
  loket_members_page_reload (self->members_page);
}

static void
cooperative_changed_cb (LoketWindow *self)
{
  loket_cooperatives_page_reload (self->cooperatives_page);
  update_header (self);
}

static void
toast_cb (LoketWindow *self,
          const char  *text)
{
  loket_window_add_toast (self, text);
}

static void
back_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  LoketWindow *self = LOKET_WINDOW (widget);

  if (self->back_to_cooperative
      && g_str_equal (gtk_stack_get_visible_child_name (self->sections), "members"))
    {
      self->back_to_cooperative = FALSE;
      loket_window_show_section (self, "cooperatives");
    }
  else if (g_str_equal (gtk_stack_get_visible_child_name (self->sections), "members")
           && !in_members_search (self))
    loket_window_show_search (self);
  else if (in_claims_subpage (self))
    loket_claims_page_show_list (self->claims_page);
  else if (in_coops_subpage (self))
    {
      if (g_str_equal (gtk_stack_get_visible_child_name (self->coops_stack), "cooperative")
          && loket_cooperative_page_get_form_shown (self->cooperative_page))
        loket_cooperative_page_close_form (self->cooperative_page);
      else if (g_str_equal (gtk_stack_get_visible_child_name (self->coops_stack), "import"))
        {
          loket_import_page_cancel (self->import_page);
          gtk_stack_set_visible_child_name (self->coops_stack, "cooperative");
        }
      else
        gtk_stack_set_visible_child_name (self->coops_stack, "cooperatives");
      update_header (self);
    }
  else if (g_str_equal (gtk_stack_get_visible_child_name (self->sections), "cooperatives")
           && loket_cooperatives_page_get_form_shown (self->cooperatives_page))
    loket_cooperatives_page_show_form (self->cooperatives_page, FALSE);
  else if (adw_leaflet_get_folded (self->leaflet))
    {
      adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
      update_header (self);
    }
}

static void
register_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  loket_window_show_register (LOKET_WINDOW (widget));
}

static void
search_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  loket_window_show_search (LOKET_WINDOW (widget));
}

/* One sidebar row per section of the stack, so a section is declared once,
 * in the template. */
static void
add_section_rows (LoketWindow *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->sections));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkStackPage *page = gtk_stack_get_page (self->sections, child);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *row = gtk_list_box_row_new ();

      gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (gtk_stack_page_get_icon_name (page)));
      gtk_box_append (GTK_BOX (box), gtk_label_new (gtk_stack_page_get_title (page)));
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      g_object_set_data_full (G_OBJECT (row), "section", g_strdup (gtk_stack_page_get_name (page)), g_free);
      gtk_list_box_append (self->sections_list, row);
    }
}

static void
save_window_state (LoketWindow *self)
{
  GSettings *settings = self->settings;
  int width, height;

  if (settings == NULL)
    return;
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_int (settings, "window-width", width);
  g_settings_set_int (settings, "window-height", height);
  g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
}

static gboolean
loket_window_close_request (GtkWindow *window)
{
  save_window_state (LOKET_WINDOW (window));
  return GTK_WINDOW_CLASS (loket_window_parent_class)->close_request (window);
}

static void
loket_window_dispose (GObject *object)
{
  LoketWindow *self = LOKET_WINDOW (object);

  g_clear_handle_id (&self->idle_check, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), LOKET_TYPE_WINDOW);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (loket_window_parent_class)->dispose (object);
}

static void
loket_window_class_init (LoketWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = loket_window_dispose;
  window_class->close_request = loket_window_close_request;

  g_type_ensure (LOKET_TYPE_MEMBERS_PAGE);
  g_type_ensure (LOKET_TYPE_REGISTER_PAGE);
  g_type_ensure (LOKET_TYPE_MEMBER_PAGE);
  g_type_ensure (LOKET_TYPE_PAYMENT_PAGE);
  g_type_ensure (LOKET_TYPE_REPORTS_PAGE);
  g_type_ensure (LOKET_TYPE_CLAIMS_PAGE);
  g_type_ensure (LOKET_TYPE_LOCK_SCREEN);
  g_type_ensure (LOKET_TYPE_COOPERATIVES_PAGE);
  g_type_ensure (LOKET_TYPE_COOPERATIVE_PAGE);
  g_type_ensure (LOKET_TYPE_IMPORT_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/loket/Loket/loket-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LoketWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, LoketWindow, content);
  gtk_widget_class_bind_template_child (widget_class, LoketWindow, sections_list);
  gtk_widget_class_bind_template_child (widget_class, LoketWindow, sections);
  gtk_widget_class_bind_template_child (widget_class, LoketWindow, members_stack);
  gtk_widget_class_bind_template_child (widget_class, LoketWindow, members_page);
  gtk_widget_class_bind_template_child (widget_class, LoketWindow, register_page);
  gtk_widget_class_bind_template_child (widget_class, LoketWindow, member_page);
  gtk_widget_class_bind_template_child (widget_class, LoketWindow, coops_stack);
  gtk_widget_class_bind_template_child (widget_class, LoketWindow, cooperatives_page);
  gtk_widget_class_bind_template_child (widget_class, LoketWindow, cooperative_page);
  gtk_widget_class_bind_template_child (widget_class, LoketWindow, import_page);
  gtk_widget_class_bind_template_child (widget_class, LoketWindow, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, LoketWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, LoketWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, LoketWindow, register_button);
  gtk_widget_class_bind_template_child (widget_class, LoketWindow, register_content);
  gtk_widget_class_bind_template_child (widget_class, LoketWindow, toasts);
  gtk_widget_class_bind_template_child (widget_class, LoketWindow, lock_stack);
  gtk_widget_class_bind_template_child (widget_class, LoketWindow, lock_screen);
  gtk_widget_class_bind_template_callback (widget_class, unlocked_cb);
  gtk_widget_class_bind_template_child (widget_class, LoketWindow, payment_page);
  gtk_widget_class_bind_template_child (widget_class, LoketWindow, reports_page);
  gtk_widget_class_bind_template_child (widget_class, LoketWindow, claims_page);
  gtk_widget_class_bind_template_callback (widget_class, section_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, open_member_cb);
  gtk_widget_class_bind_template_callback (widget_class, cooperative_open_member_cb);
  gtk_widget_class_bind_template_callback (widget_class, registered_cb);
  gtk_widget_class_bind_template_callback (widget_class, member_saved_cb);
  gtk_widget_class_bind_template_callback (widget_class, member_pay_cb);
  gtk_widget_class_bind_template_callback (widget_class, member_claim_cb);
  gtk_widget_class_bind_template_callback (widget_class, update_header);
  gtk_widget_class_bind_template_callback (widget_class, open_cooperative_cb);
  gtk_widget_class_bind_template_callback (widget_class, cooperative_added_cb);
  gtk_widget_class_bind_template_callback (widget_class, import_cb);
  gtk_widget_class_bind_template_callback (widget_class, import_committed_cb);
  gtk_widget_class_bind_template_callback (widget_class, toast_cb);
  gtk_widget_class_bind_template_callback (widget_class, cooperative_changed_cb);

  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_activated);
  gtk_widget_class_install_action (widget_class, "win.lock", NULL, lock_activated);
  gtk_widget_class_install_action (widget_class, "win.audit", NULL, audit_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "win.lock", NULL);
  gtk_widget_class_install_action (widget_class, "win.register", NULL, register_activated);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.register", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.back", NULL);
}

static void
loket_window_init (LoketWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  add_section_rows (self);
  /* Any key or click counts as someone at the counter. */
  {
    GtkEventController *keys = gtk_event_controller_key_new ();
    GtkGesture *clicks = gtk_gesture_click_new ();

    gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
    gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (clicks), GTK_PHASE_CAPTURE);
    g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (note_activity), self);
    g_signal_connect_swapped (clicks, "pressed", G_CALLBACK (note_activity), self);
    gtk_widget_add_controller (GTK_WIDGET (self), keys);
    gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (clicks));
  }
  self->last_activity = g_get_monotonic_time ();
  self->idle_check = g_timeout_add_seconds (30, check_idle, self);
  g_signal_connect_swapped (self->leaflet, "notify::folded", G_CALLBACK (update_header), self);
  g_signal_connect_swapped (self->leaflet, "notify::visible-child", G_CALLBACK (update_header), self);
}

LoketWindow *
loket_window_new (GtkApplication *application,
                  LoketStore     *store,
                  GSettings      *settings)
{
  g_autofree char *branch = NULL;
  LoketWindow *self;
  guint search_limit = 500;

  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (LOKET_IS_STORE (store), NULL);

  self = g_object_new (LOKET_TYPE_WINDOW, "application", application, NULL);
  self->store = g_object_ref (store);
  self->settings = settings ? g_object_ref (settings) : NULL;

  if (settings != NULL)
    {
      search_limit = g_settings_get_int (settings, "search-limit");
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (settings, "window-width"),
                                   g_settings_get_int (settings, "window-height"));
      if (g_settings_get_boolean (settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }
  else
    gtk_window_set_default_size (GTK_WINDOW (self), 1100, 720);

  branch = loket_store_dup_setting (store, LOKET_SETTING_BRANCH_NAME);
  adw_window_title_set_subtitle (self->sidebar_title, branch ? branch : "");

  loket_members_page_set_store (self->members_page, store, search_limit);
  loket_register_page_set_store (self->register_page, store);
  loket_member_page_set_store (self->member_page, store);
  loket_cooperatives_page_set_store (self->cooperatives_page, store);
  loket_cooperative_page_set_store (self->cooperative_page, store);
  loket_payment_page_set_store (self->payment_page, store);
  loket_reports_page_set_store (self->reports_page, store);
  loket_claims_page_set_store (self->claims_page, store);
  loket_lock_screen_set_store (self->lock_screen, store);
  loket_window_show_search (self);
  /* A database with accounts opens on the lock screen. */
  if (loket_store_has_accounts (store, NULL) && loket_store_get_session (store) == NULL)
    loket_window_lock (self);
  return self;
}
