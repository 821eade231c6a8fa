/* loket-member-page.c */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "loket-card-print-window.h"
#include "loket-contribution-view.h"
#include "loket-contribution.h"
#include "loket-date.h"
#include "loket-format.h"
#include "loket-kpj.h"
#include "loket-member-form.h"
#include "loket-member-page.h"
#include "loket-phone.h"
#include "loket-problem.h"
#include "loket-store-cards.h"
#include "loket-store-payments.h"

struct _LoketMemberPage
{
  AdwBin                parent_instance;

  LoketStore           *store;          /* owned */
  LoketMember          *member;         /* owned, nullable */
  char                 *title;          /* owned */

  /* template children, borrowed */
  GtkStack             *mode_stack;
  GtkLabel             *name_label;
  GtkLabel             *kpj_label;
  GtkLabel             *summary_label;
  AdwActionRow         *nik_row;
  AdwActionRow         *birth_row;
  AdwActionRow         *sex_row;
  AdwActionRow         *phone_row;
  AdwActionRow         *address_row;
  AdwActionRow         *region_row;
  AdwActionRow         *status_row;
  AdwActionRow         *segment_row;
  AdwActionRow         *programs_row;
  AdwActionRow         *occupation_row;
  AdwActionRow         *income_row;
  AdwActionRow         *registered_row;
  LoketContributionView *contribution_view;
  AdwPreferencesGroup  *cards_group;
  GPtrArray            *card_rows;      /* GtkWidget *, borrowed from cards_group */
  LoketMemberForm      *form;
  GtkLabel             *edit_message;
};

G_DEFINE_FINAL_TYPE (LoketMemberPage, loket_member_page, ADW_TYPE_BIN)

enum {
  SAVED,
  TOAST,
  PAY,
  CLAIM,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_value (AdwActionRow *row,
            const char   *value)
{
  adw_action_row_set_subtitle (row, value != NULL && *value != '\0' ? value : "—");
}

/* "Jl. Pejanggik 12, RT 014 / RW 004, Pancor, Selong, Kabupaten Lombok
 * Timur, Nusa Tenggara Barat 83612": the parts there are, in the order an
 * Indonesian address is written. */
static char *
address_text (LoketMember *member)
{
  GString *text = g_string_new (NULL);
  const char *parts[] = { member->street, NULL, member->village, member->district,
                          member->regency, member->province };

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_autofree char *part = NULL;

      if (i == 1 && (member->rt != NULL || member->rw != NULL))
        part = g_strdup_printf ("RT %s / RW %s", member->rt ? member->rt : "—", member->rw ? member->rw : "—");
      else if (parts[i] != NULL)
        part = g_strdup (parts[i]);
      if (part != NULL)
        g_string_append_printf (text, "%s%s", text->len ? ", " : "", part);
    }
  if (member->postcode != NULL)
    g_string_append_printf (text, "%s%s", text->len ? " " : "", member->postcode);
  return g_string_free (text, FALSE);
}

static char *
programs_text (LoketPrograms programs)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (loket_programs_in_order); i++)
    if (programs & loket_programs_in_order[i])
      g_string_append_printf (text, "%s%s", text->len ? "\n" : "",
                              loket_program_label (loket_programs_in_order[i]));
  return g_string_free (text, FALSE);
}

/* What the member owes, from the rates in force today, for the months the
 * clerk chooses to look at: the same view as the registration form's. */
static void
show_contribution (LoketMemberPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LoketRateBook) book = NULL;
  LoketContributionRequest request = { 0 };

  if (self->member == NULL)
    return;

  request.segment = self->member->segment;
  request.programs = self->member->programs;
  request.income = self->member->income;
  request.risk_class = self->member->risk_class;
  request.months = loket_contribution_view_get_months (self->contribution_view);
  request.occupation = self->member->occupation;
  loket_date_set_today (&request.start);

  book = loket_store_dup_rate_book (self->store, &error);
  if (book == NULL)
    loket_contribution_view_show_hint (self->contribution_view, error->message);
  else
    loket_contribution_view_show (self->contribution_view, book, &request);
}

/* "Cetak pertama" or "Cetak ulang · Hilang", when, by whom and where. */
static GtkWidget *
card_print_row (LoketCardPrint *print)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = NULL;
  g_autofree char *when = g_date_time_format (print->printed_at, "%H.%M");
  g_autofree char *subtitle = NULL;
  g_autofree char *where = NULL;
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, g_date_time_get_day_of_month (print->printed_at),
                  g_date_time_get_month (print->printed_at), g_date_time_get_year (print->printed_at));
  {
    g_autofree char *date = loket_format_date (&day);

    if (print->reason == LOKET_REPRINT_NONE)
      title = g_strdup (loket_reprint_reason_label (LOKET_REPRINT_NONE));
    else
      title = g_strdup_printf (_("Reprint · %s"), loket_reprint_reason_label (print->reason));
    where = print->destination == LOKET_CARD_DESTINATION_PRINTER
            ? g_strdup_printf (_("printer %s"), print->target)
            : g_strdup_printf (_("saved as %s"), print->target);
    /* Translators: date, time, clerk, where: "23 November 2026 14.05 · Sri · printer PDF" */
    subtitle = g_strdup_printf (_("%s %s · %s · %s"), date, when, print->clerk, where);
  }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

/* The card's history, the latest print first. */
static void
show_card_prints (LoketMemberPage *self)
{
  g_autoptr(GPtrArray) prints = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < self->card_rows->len; i++)
    adw_preferences_group_remove (self->cards_group, g_ptr_array_index (self->card_rows, i));
  g_ptr_array_set_size (self->card_rows, 0);

  prints = loket_store_list_card_prints (self->store, self->member->id, &error);
  if (prints == NULL)
    adw_preferences_group_set_description (self->cards_group, error->message);
  else if (prints->len == 0)
    adw_preferences_group_set_description (self->cards_group, _("No card printed yet."));
  else
    adw_preferences_group_set_description (self->cards_group, NULL);

  for (guint i = 0; prints != NULL && i < prints->len; i++)
    {
      GtkWidget *row = card_print_row (g_ptr_array_index (prints, i));

      adw_preferences_group_add (self->cards_group, row);
      g_ptr_array_add (self->card_rows, row);
    }
}

/* "Aktif · terlindungi sampai 31 Januari 2027", from the payments. */
static void
show_status (LoketMemberPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  LoketMemberStatus status;
  GDate today;

  loket_date_set_today (&today);
  if (!loket_store_get_member_status (self->store, self->member, &today, &status, &error))
    text = g_strdup (error->message);
  else if (g_date_valid (&status.paid_until))
    {
      g_autofree char *until = loket_format_date (&status.paid_until);

      text = g_strdup_printf (_("%s · protected until %s"), loket_status_label (status.status), until);
    }
  else
    text = g_strdup (loket_status_label (status.status));
  show_value (self->status_row, text);
}

static void
show_member (LoketMemberPage *self)
{
  LoketMember *member = self->member;
  g_autofree char *kpj = loket_kpj_format (member->kpj);
  g_autofree char *birth = loket_format_date (&member->birth_date);
  g_autofree char *registered = loket_format_date (&member->registered_on);
  g_autofree char *address = address_text (member);
  g_autofree char *programs = programs_text (member->programs);
  g_autofree char *income = loket_format_rupiah (member->income);
  g_autofree char *phone = loket_phone_format (member->phone);
  g_autofree char *summary = NULL;

  gtk_label_set_text (self->name_label, member->name);
  gtk_label_set_text (self->kpj_label, kpj);
  summary = g_strdup_printf (_("%s · registered on %s"), loket_segment_label (member->segment), registered);
  gtk_label_set_text (self->summary_label, summary);

  show_value (self->nik_row, member->nik);
  show_value (self->birth_row, birth);
  show_value (self->sex_row, member->sex == 'P' ? _("P – Female") : _("L – Male"));
  show_value (self->phone_row, phone);
  show_value (self->address_row, address);
  show_value (self->region_row, member->region_code);
  show_value (self->segment_row, loket_segment_label (member->segment));
  show_value (self->programs_row, programs);
  show_value (self->occupation_row, member->occupation);
  show_value (self->income_row, income);
  show_value (self->registered_row, registered);

  show_status (self);
  show_contribution (self);
  show_card_prints (self);
}

static void
cards_printed_cb (LoketMemberPage *self,
                  guint            count,
                  const char      *text)
{
  show_card_prints (self);
  g_signal_emit (self, signals[TOAST], 0, text);
}

static void
pay_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LoketMemberPage *self = LOKET_MEMBER_PAGE (widget);

  if (self->member != NULL && g_str_equal (gtk_stack_get_visible_child_name (self->mode_stack), "view"))
    g_signal_emit (self, signals[PAY], 0, self->member);
}

static void
claim_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  LoketMemberPage *self = LOKET_MEMBER_PAGE (widget);

  if (self->member != NULL && g_str_equal (gtk_stack_get_visible_child_name (self->mode_stack), "view"))
    g_signal_emit (self, signals[CLAIM], 0, self->member);
}

static void
print_card_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  LoketMemberPage *self = LOKET_MEMBER_PAGE (widget);
  LoketCardPrintWindow *window;

  if (self->member == NULL || !g_str_equal (gtk_stack_get_visible_child_name (self->mode_stack), "view"))
    return;
  window = loket_card_print_window_new_for_member (GTK_WINDOW (gtk_widget_get_root (widget)),
                                                   self->store, self->member);
  g_signal_connect_object (window, "printed", G_CALLBACK (cards_printed_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
}

static void
edit_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  LoketMemberPage *self = LOKET_MEMBER_PAGE (widget);

  if (self->member == NULL)
    return;
  loket_member_form_set_store (self->form, self->store);
  loket_member_form_set_member (self->form, self->member);
  gtk_widget_set_visible (GTK_WIDGET (self->edit_message), FALSE);
  gtk_stack_set_visible_child_name (self->mode_stack, "edit");
  loket_member_form_focus (self->form);
}

static void
cancel_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LoketMemberPage *self = LOKET_MEMBER_PAGE (widget);

  gtk_stack_set_visible_child_name (self->mode_stack, "view");
}

/* The edit goes through the core's rules like a registration; what they
 * refuse is shown under its field and nothing typed is lost. */
static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  LoketMemberPage *self = LOKET_MEMBER_PAGE (widget);
  g_autoptr(LoketMember) draft = NULL;
  g_autoptr(LoketMember) saved = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  GDate today;

  if (!g_str_equal (gtk_stack_get_visible_child_name (self->mode_stack), "edit"))
    return;

  loket_date_set_today (&today);
  draft = loket_member_form_dup_draft (self->form);
  saved = loket_store_update_member (self->store, draft, &today, &problems, &error);
  if (saved == NULL)
    {
      if (problems != NULL && loket_problems_count (problems, LOKET_SEVERITY_ERROR) > 0)
        {
          loket_member_form_show_problems (self->form, problems);
          loket_member_form_focus_first_problem (self->form);
          gtk_widget_set_visible (GTK_WIDGET (self->edit_message), FALSE);
        }
      else
        {
          gtk_label_set_text (self->edit_message, error->message);
          gtk_widget_set_visible (GTK_WIDGET (self->edit_message), TRUE);
        }
      return;
    }

  loket_member_page_set_member (self, saved);
  g_signal_emit (self, signals[SAVED], 0, saved);
}

static void
loket_member_page_dispose (GObject *object)
{
  LoketMemberPage *self = LOKET_MEMBER_PAGE (object);

  /* The bin's child is a template child: let AdwBin let go of it first, or
   * dispose_template unparents it behind AdwBin's back. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LOKET_TYPE_MEMBER_PAGE);
  g_clear_object (&self->store);
  g_clear_object (&self->member);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->card_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (loket_member_page_parent_class)->dispose (object);
}

static void
loket_member_page_class_init (LoketMemberPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = loket_member_page_dispose;

  /* An edit was saved; carries the member as saved. */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, LOKET_TYPE_MEMBER);
  /* The clerk wants to take this member's contribution. */
  signals[PAY] = g_signal_new ("pay", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                               0, NULL, NULL, NULL, G_TYPE_NONE, 1, LOKET_TYPE_MEMBER);
  /* The clerk wants to take a claim for this member. */
  signals[CLAIM] = g_signal_new ("claim", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, LOKET_TYPE_MEMBER);
  /* Something done that the window should say in a toast. */
  signals[TOAST] = g_signal_new ("toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (LOKET_TYPE_MEMBER_FORM);
  g_type_ensure (LOKET_TYPE_CONTRIBUTION_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/loket/Loket/loket-member-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LoketMemberPage, mode_stack);
  gtk_widget_class_bind_template_child (widget_class, LoketMemberPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, LoketMemberPage, kpj_label);
  gtk_widget_class_bind_template_child (widget_class, LoketMemberPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, LoketMemberPage, nik_row);
  gtk_widget_class_bind_template_child (widget_class, LoketMemberPage, birth_row);
  gtk_widget_class_bind_template_child (widget_class, LoketMemberPage, sex_row);
  gtk_widget_class_bind_template_child (widget_class, LoketMemberPage, phone_row);
  gtk_widget_class_bind_template_child (widget_class, LoketMemberPage, address_row);
  gtk_widget_class_bind_template_child (widget_class, LoketMemberPage, region_row);
  gtk_widget_class_bind_template_child (widget_class, LoketMemberPage, status_row);
  gtk_widget_class_bind_template_child (widget_class, LoketMemberPage, segment_row);
  gtk_widget_class_bind_template_child (widget_class, LoketMemberPage, programs_row);
  gtk_widget_class_bind_template_child (widget_class, LoketMemberPage, occupation_row);
  gtk_widget_class_bind_template_child (widget_class, LoketMemberPage, income_row);
  gtk_widget_class_bind_template_child (widget_class, LoketMemberPage, registered_row);
  gtk_widget_class_bind_template_child (widget_class, LoketMemberPage, contribution_view);
  gtk_widget_class_bind_template_child (widget_class, LoketMemberPage, cards_group);
  gtk_widget_class_bind_template_child (widget_class, LoketMemberPage, form);
  gtk_widget_class_bind_template_child (widget_class, LoketMemberPage, edit_message);

  gtk_widget_class_install_action (widget_class, "member.edit", NULL, edit_activated);
  gtk_widget_class_install_action (widget_class, "member.cancel", NULL, cancel_activated);
  gtk_widget_class_install_action (widget_class, "member.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "member.print-card", NULL, print_card_activated);
  gtk_widget_class_install_action (widget_class, "member.pay", NULL, pay_activated);
  gtk_widget_class_install_action (widget_class, "member.claim", NULL, claim_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "member.print-card", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "member.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "member.save", NULL);
}

static void
loket_member_page_init (LoketMemberPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->card_rows = g_ptr_array_new ();
  g_signal_connect_swapped (loket_contribution_view_get_months_row (self->contribution_view),
                            "notify::selected", G_CALLBACK (show_contribution), self);
}

void
loket_member_page_set_store (LoketMemberPage *self,
                             LoketStore      *store)
{
  g_return_if_fail (LOKET_IS_MEMBER_PAGE (self));
  g_return_if_fail (LOKET_IS_STORE (store));

  g_set_object (&self->store, store);
}

void
loket_member_page_set_member (LoketMemberPage *self,
                              LoketMember     *member)
{
  g_return_if_fail (LOKET_IS_MEMBER_PAGE (self));
  g_return_if_fail (LOKET_IS_MEMBER (member));
  g_return_if_fail (self->store != NULL);

  g_set_object (&self->member, member);
  g_free (self->title);
  {
    g_autofree char *kpj = loket_kpj_format (member->kpj);
    self->title = g_strdup_printf ("%s · %s", member->name, kpj);
  }
  gtk_stack_set_visible_child_name (self->mode_stack, "view");
  show_member (self);
}

LoketMember *
loket_member_page_get_member (LoketMemberPage *self)
{
  g_return_val_if_fail (LOKET_IS_MEMBER_PAGE (self), NULL);
  return self->member;
}

const char *
loket_member_page_get_title (LoketMemberPage *self)
{
  g_return_val_if_fail (LOKET_IS_MEMBER_PAGE (self), NULL);
  return self->title;
}

LoketMemberForm *
loket_member_page_get_form (LoketMemberPage *self)
{
  g_return_val_if_fail (LOKET_IS_MEMBER_PAGE (self), NULL);
  return self->form;
}

const char *
loket_member_page_get_mode (LoketMemberPage *self)
{
  g_return_val_if_fail (LOKET_IS_MEMBER_PAGE (self), NULL);
  return gtk_stack_get_visible_child_name (self->mode_stack);
}
