/* loket-cooperative-page.c */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "loket-card-print-window.h"
#include "loket-collective-payment-window.h"
#include "loket-receipt-print.h"
#include "loket-cooperative-page-private.h"
#include "loket-date.h"
#include "loket-error.h"
#include "loket-form.h"
#include "loket-format.h"
#include "loket-kpj.h"
#include "loket-members-page.h"
#include "loket-program-row.h"
#include "loket-store-cooperatives.h"

/* At most this many matches for a search among the cooperative's members;
 * its whole list, with the search blank, has no limit. */
#define MEMBER_SEARCH_LIMIT 200

G_DEFINE_FINAL_TYPE (LoketCooperativePage, loket_cooperative_page, ADW_TYPE_BIN)

guint loket_cooperative_page_signals[N_SIGNALS];

/* 3000 → "3.000", as Indonesians group digits. */
char *
loket_cooperative_page_format_count (gint64 n)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GINT64_FORMAT, n < 0 ? -n : n);
  GString *out = g_string_new (n < 0 ? "-" : "");
  gsize len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (out, '.');
      g_string_append_c (out, digits[i]);
    }
  return g_string_free (out, FALSE);
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  /* Row by row: the placeholder is a child too, and stays. */
  while ((child = GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0))) != NULL)
    gtk_list_box_remove (list, child);
}

void
loket_cooperative_page_add_row (GtkListBox *list,
                                const char *title,
                                const char *subtitle,
                                const char *suffix)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title ? title : "");
  if (subtitle != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (subtitle, -1);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
    }
  if (suffix != NULL)
    {
      GtkWidget *label = gtk_label_new (suffix);
      gtk_widget_add_css_class (label, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  gtk_list_box_append (list, row);
}

static void
add_placeholder (GtkListBox *list,
                 const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_list_box_set_placeholder (list, label);
}

static void
set_value (AdwActionRow *row,
           const char   *text)
{
  g_autofree char *escaped = g_markup_escape_text (text && *text ? text : "–", -1);

  adw_action_row_set_subtitle (row, escaped);
}

static void
show_cooperative (LoketCooperativePage *self)
{
  LoketCooperative *coop = self->cooperative;
  g_autoptr(GPtrArray) partnerships = NULL;
  g_autoptr(GPtrArray) agents = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *region = NULL;
  g_autofree char *potential = NULL;
  g_autofree char *coverage = NULL;
  g_autofree char *registered = NULL;
  gint64 bp;

  clear_list (self->officers_list);
  clear_list (self->partnerships_list);
  clear_list (self->agents_list);
  if (coop == NULL)
    return;

  /* Its members, searched again: an import may have enrolled more. */
  loket_members_page_set_cooperative (self->members_page, coop->id);

  gtk_label_set_text (self->name_label, coop->name);
  summary = g_strdup_printf ("%s · %s", loket_cooperative_kind_label (coop->kind),
                             coop->inactive ? _("inactive") : _("active"));
  gtk_label_set_text (self->summary_label, summary);
  set_value (self->ahu_row, coop->ahu);
  if (coop->region_code != NULL)
    region = g_strjoin (", ", coop->region_code,
                        coop->district ? coop->district : "", coop->regency ? coop->regency : "", NULL);
  set_value (self->region_row, region);
  if (coop->potential >= 0)
    potential = loket_cooperative_page_format_count (coop->potential);
  set_value (self->potential_row, potential);

  registered = loket_cooperative_page_format_count (coop->registered);
  bp = loket_cooperative_coverage_bp (coop);
  if (bp >= 0)
    {
      g_autofree char *percent = loket_format_percent (bp);
      /* Translators: the coverage and the members registered, "0,4%: 12 members registered" */
      coverage = g_strdup_printf (_("%s: %s members registered"), percent, registered);
      gtk_progress_bar_set_fraction (self->coverage_bar, MIN (bp, 10000) / 10000.0);
      gtk_progress_bar_set_text (self->coverage_bar, percent);
    }
  else
    {
      coverage = g_strdup_printf (_("%s members registered; no potential to compare with"), registered);
      gtk_progress_bar_set_fraction (self->coverage_bar, 0);
      gtk_progress_bar_set_text (self->coverage_bar, "–");
    }
  set_value (self->coverage_row, coverage);

  for (guint i = 0; i < coop->officers->len; i++)
    {
      LoketCooperativeOfficer *officer = g_ptr_array_index (coop->officers, i);
      loket_cooperative_page_add_row (self->officers_list, officer->name, officer->role, officer->phone);
    }

  partnerships = loket_store_list_partnerships (self->store, coop->id, NULL);
  for (guint i = 0; partnerships != NULL && i < partnerships->len; i++)
    {
      LoketPartnership *pks = g_ptr_array_index (partnerships, i);
      g_autofree char *from = loket_format_date (&pks->valid_from);
      g_autofree char *until = loket_format_date (&pks->valid_until);
      g_autofree char *dates = g_strdup_printf (_("%s to %s"), from, until);
      GDate today;

      loket_date_set_today (&today);
      loket_cooperative_page_add_row (self->partnerships_list, pks->number, dates,
               pks->ended ? _("Ended")
               : loket_partnership_in_force (pks, &today) ? _("In force") : _("Not in force"));
    }

  agents = loket_store_list_agents (self->store, coop->id, NULL);
  for (guint i = 0; agents != NULL && i < agents->len; i++)
    {
      LoketAgent *agent = g_ptr_array_index (agents, i);
      g_autofree char *kpj = loket_kpj_format (agent->kpj);
      loket_cooperative_page_add_row (self->agents_list, agent->name, kpj, agent->inactive ? _("Inactive") : NULL);
    }
}

void
loket_cooperative_page_set_cooperative (LoketCooperativePage *self,
                                        gint64                id)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (LOKET_IS_COOPERATIVE_PAGE (self));
  g_return_if_fail (self->store != NULL);

  if (self->cooperative == NULL || self->cooperative->id != id)
    loket_cooperative_page_close_form (self);
  g_clear_object (&self->cooperative);
  self->cooperative = loket_store_find_cooperative (self->store, id, &error);
  if (self->cooperative == NULL)
    g_warning ("%s", error->message);
  show_cooperative (self);
}

void
loket_cooperative_page_reload (LoketCooperativePage *self)
{
  g_return_if_fail (LOKET_IS_COOPERATIVE_PAGE (self));

  if (self->cooperative != NULL)
    loket_cooperative_page_set_cooperative (self, self->cooperative->id);
}

LoketCooperative *
loket_cooperative_page_get_cooperative (LoketCooperativePage *self)
{
  g_return_val_if_fail (LOKET_IS_COOPERATIVE_PAGE (self), NULL);
  return self->cooperative;
}

void
loket_cooperative_page_set_store (LoketCooperativePage *self,
                                  LoketStore           *store)
{
  g_return_if_fail (LOKET_IS_COOPERATIVE_PAGE (self));
  g_set_object (&self->store, store);
  loket_members_page_set_store (self->members_page, store, MEMBER_SEARCH_LIMIT);
}

LoketMembersPage *
loket_cooperative_page_get_members_page (LoketCooperativePage *self)
{
  g_return_val_if_fail (LOKET_IS_COOPERATIVE_PAGE (self), NULL);
  return self->members_page;
}

static void
open_member_cb (LoketCooperativePage *self,
                LoketMember          *member)
{
  g_signal_emit (self, loket_cooperative_page_signals[OPEN_MEMBER], 0, member);
}

static void
import_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LoketCooperativePage *self = LOKET_COOPERATIVE_PAGE (widget);

  if (self->cooperative != NULL)
    g_signal_emit (self, loket_cooperative_page_signals[IMPORT], 0, self->cooperative);
}

static void
cards_printed_cb (LoketCooperativePage *self,
                  guint                 count,
                  const char           *text)
{
  g_signal_emit (self, loket_cooperative_page_signals[TOAST], 0, text);
}

static void
receipt_done_cb (LoketCooperativePage *self,
                 const char           *text)
{
  g_signal_emit (self, loket_cooperative_page_signals[TOAST], 0, text);
}

/* Paid: say so, and offer the receipt at once, as the cooperative's
 * treasurer waits for it. */
static void
collective_paid_cb (LoketCooperativePage *self,
                    const char           *number)
{
  g_autofree char *text = g_strdup_printf (_("Collective payment recorded: receipt %s"), number);
  LoketDocumentWindow *receipt;

  g_signal_emit (self, loket_cooperative_page_signals[TOAST], 0, text);
  receipt = loket_receipt_print_window_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                            self->store, number);
  g_signal_connect_object (receipt, "done", G_CALLBACK (receipt_done_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (receipt));
}

static void
pay_collective_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  LoketCooperativePage *self = LOKET_COOPERATIVE_PAGE (widget);
  LoketCollectivePaymentWindow *window;

  if (self->cooperative == NULL)
    return;
  window = loket_collective_payment_window_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->store,
                                                self->cooperative->id, self->cooperative->name);
  g_signal_connect_object (window, "paid", G_CALLBACK (collective_paid_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
}

/* The members' cards, those without one first: what a cooperative comes
 * for after its list was imported. */
static void
print_cards_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  LoketCooperativePage *self = LOKET_COOPERATIVE_PAGE (widget);
  g_autoptr(GError) error = NULL;
  LoketCardPrintWindow *window;

  if (self->cooperative == NULL)
    return;
  window = loket_card_print_window_new_for_cooperative (GTK_WINDOW (gtk_widget_get_root (widget)),
                                                        self->store, self->cooperative->id, &error);
  if (window == NULL)
    {
      g_signal_emit (self, loket_cooperative_page_signals[TOAST], 0, error->message);
      return;
    }
  g_signal_connect_object (window, "printed", G_CALLBACK (cards_printed_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
}

static void
loket_cooperative_page_dispose (GObject *object)
{
  LoketCooperativePage *self = LOKET_COOPERATIVE_PAGE (object);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LOKET_TYPE_COOPERATIVE_PAGE);
  g_clear_object (&self->store);
  g_clear_object (&self->cooperative);

  G_OBJECT_CLASS (loket_cooperative_page_parent_class)->dispose (object);
}

static void
loket_cooperative_page_class_init (LoketCooperativePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = loket_cooperative_page_dispose;

  loket_cooperative_page_signals[IMPORT] = g_signal_new ("import", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, LOKET_TYPE_COOPERATIVE);
  loket_cooperative_page_signals[TOAST] = g_signal_new ("toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  loket_cooperative_page_signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* The clerk chose one of the cooperative's members to open. */
  loket_cooperative_page_signals[OPEN_MEMBER] = g_signal_new ("open-member", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 1, LOKET_TYPE_MEMBER);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/loket/Loket/loket-cooperative-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LoketCooperativePage, stack);
  gtk_widget_class_bind_template_child (widget_class, LoketCooperativePage, scroller);
  gtk_widget_class_bind_template_child (widget_class, LoketCooperativePage, name_label);
  gtk_widget_class_bind_template_child (widget_class, LoketCooperativePage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, LoketCooperativePage, ahu_row);
  gtk_widget_class_bind_template_child (widget_class, LoketCooperativePage, region_row);
  gtk_widget_class_bind_template_child (widget_class, LoketCooperativePage, potential_row);
  gtk_widget_class_bind_template_child (widget_class, LoketCooperativePage, coverage_row);
  gtk_widget_class_bind_template_child (widget_class, LoketCooperativePage, coverage_bar);
  gtk_widget_class_bind_template_child (widget_class, LoketCooperativePage, officers_list);
  gtk_widget_class_bind_template_child (widget_class, LoketCooperativePage, partnerships_list);
  gtk_widget_class_bind_template_child (widget_class, LoketCooperativePage, agents_list);
  gtk_widget_class_bind_template_child (widget_class, LoketCooperativePage, members_page);
  gtk_widget_class_bind_template_callback (widget_class, open_member_cb);

  gtk_widget_class_install_action (widget_class, "cooperative.import", NULL, import_activated);
  gtk_widget_class_install_action (widget_class, "cooperative.print-cards", NULL, print_cards_activated);
  gtk_widget_class_install_action (widget_class, "cooperative.pay-collective", NULL, pay_collective_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "cooperative.print-cards", NULL);
  loket_cooperative_page_install_form_actions (widget_class);
}

static void
loket_cooperative_page_init (LoketCooperativePage *self)
{
  g_type_ensure (LOKET_TYPE_MEMBERS_PAGE);
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The page is as wide as its clamp: the KPJ, the name and the segment. */
  loket_members_page_set_compact (self->members_page, TRUE);
  loket_members_page_set_max_list_height (self->members_page, 400);

  add_placeholder (self->officers_list, _("No officers recorded"));
  add_placeholder (self->partnerships_list, _("No partnership agreement recorded: members cannot be enrolled yet"));
  add_placeholder (self->agents_list, _("No agent serves this cooperative"));
  loket_cooperative_page_build_forms (self);
}
