/* loket-reports-page.c */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "loket-date.h"
#include "loket-format.h"
#include "loket-payment.h"
#include "loket-reports-page.h"
#include "loket-rows.h"
#include "loket-store-reports.h"

struct _LoketReportsPage
{
  AdwBin            parent_instance;

  LoketStore       *store;            /* owned */
  GDate             day;
  gint64            net;
  GCancellable     *branch_work;      /* owned: the branch-wide figures being computed */

  /* template children, borrowed */
  GtkMenuButton    *day_button;
  GtkCalendar      *calendar;
  GtkLabel         *net_label;
  GtkLabel         *net_caption;
  AdwPreferencesGroup *channels_group;
  AdwPreferencesGroup *clerks_group;
  AdwPreferencesGroup *coverage_group;
  AdwPreferencesGroup *cooperatives_group;
  AdwPreferencesGroup *expected_group;
};

G_DEFINE_FINAL_TYPE (LoketReportsPage, loket_reports_page, ADW_TYPE_BIN)

/* ---- the day's closing -------------------------------------------------------- */

/* Counts go into sentences as text: a gint64 format has no place in a
 * translatable string. */
static char *
count_text (gint64 count)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, count);
}

static char *
receipts_and_members (const LoketReportRow *row)
{
  g_autofree char *receipts = count_text (row->receipts);
  g_autofree char *members = count_text (row->members);

  /* Translators: "3 receipts · 5 members" */
  return g_strdup_printf (_("%s receipts · %s members"), receipts, members);
}

static void
show_rows (LoketReportsPage    *self,
           AdwPreferencesGroup *group,
           GArray              *rows)
{
  loket_group_clear (group);
  if (rows->len == 0)
    adw_preferences_group_set_description (group, _("Nothing taken on this day."));
  for (guint i = 0; i < rows->len; i++)
    {
      const LoketReportRow *row = &g_array_index (rows, LoketReportRow, i);
      g_autofree char *subtitle = receipts_and_members (row);

      loket_group_add_amount (group, row->label, subtitle, row->amount);
    }
}

static void
show_closing (LoketReportsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LoketDayReport) report = loket_store_report_day (self->store, &self->day, &error);
  g_autofree char *net = NULL;
  g_autofree char *caption = NULL;
  g_autofree char *total = NULL;
  g_autofree char *reversed = NULL;

  if (report == NULL)
    {
      self->net = -1;
      gtk_label_set_text (self->net_label, "—");
      gtk_label_set_text (self->net_caption, error->message);
      loket_group_clear (self->channels_group);
      loket_group_clear (self->clerks_group);
      return;
    }
  self->net = report->net;
  net = loket_format_rupiah (report->net);
  total = loket_format_rupiah (report->total);
  reversed = loket_format_rupiah (report->reversed_total);
  {
    g_autofree char *receipts = count_text (report->receipts);
    g_autofree char *reversals = count_text (report->reversed_receipts);

    if (report->reversed_receipts == 0)
      caption = g_strdup_printf (_("To hand over: %s taken on %s receipts."), total, receipts);
    else
      caption = g_strdup_printf (_("To hand over: %s taken on %s receipts, less %s reversed on %s."),
                                 total, receipts, reversed, reversals);
  }
  gtk_label_set_text (self->net_label, net);
  gtk_label_set_text (self->net_caption, caption);
  show_rows (self, self->channels_group, report->by_channel);
  show_rows (self, self->clerks_group, report->by_clerk);
}

/* ---- the branch's figures, in a worker -------------------------------------- */

typedef struct {
  char                *store_path;
  GDate                day;
  LoketBehindReport   *behind;
  LoketExpectedReport  expected;
} BranchWork;

static void
branch_work_free (gpointer pointer)
{
  BranchWork *work = pointer;

  g_free (work->store_path);
  g_clear_pointer (&work->behind, loket_behind_report_free);
  g_free (work);
}

/* Its own connection: a store is used from one thread at a time. */
static void
branch_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  BranchWork *work = task_data;
  g_autoptr(LoketStore) store = NULL;
  GError *error = NULL;
  GDate next_month = work->day;

  g_date_set_day (&next_month, 1);
  g_date_add_months (&next_month, 1);
  if ((store = loket_store_open (work->store_path, &error)) == NULL
      || (work->behind = loket_store_report_behind (store, &work->day, 0, &error)) == NULL
      || !loket_store_report_expected (store, &next_month, &work->expected, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
show_branch (LoketReportsPage *self,
             BranchWork       *work)
{
  LoketBehindReport *behind = work->behind;
  g_autofree char *month = loket_month_format (&work->expected.month);

  loket_group_clear (self->coverage_group);
  for (guint i = 0; i < LOKET_N_STATUSES; i++)
    {
      g_autofree char *count = count_text (behind->counts[i]);

      loket_group_add_value (self->coverage_group, loket_status_label (i), NULL, count);
    }
  loket_group_add_amount (self->coverage_group, _("Owed by members in arrears"), NULL, behind->amount_due);

  loket_group_clear (self->cooperatives_group);
  if (behind->cooperatives->len == 0)
    adw_preferences_group_set_description (self->cooperatives_group, _("No cooperative has members yet."));
  for (guint i = 0; i < behind->cooperatives->len; i++)
    {
      const LoketBehindCooperative *coop = &g_array_index (behind->cooperatives, LoketBehindCooperative, i);
      g_autofree char *members = count_text (coop->members);
      g_autofree char *active = count_text (coop->counts[LOKET_STATUS_AKTIF]);
      g_autofree char *arrears = count_text (coop->counts[LOKET_STATUS_MENUNGGAK]);
      g_autofree char *lapsed = count_text (coop->counts[LOKET_STATUS_NONAKTIF]);
      g_autofree char *subtitle = g_strdup_printf (_("%s members: %s active, %s in arrears, %s lapsed"),
                                                   members, active, arrears, lapsed);

      loket_group_add_amount (self->cooperatives_group, coop->name, subtitle, coop->amount_due);
    }

  loket_group_clear (self->expected_group);
  adw_preferences_group_set_description (self->expected_group, month);
  {
    g_autofree char *members_due = count_text (work->expected.members_due);
    g_autofree char *due = g_strdup_printf (_("%s members still to pay"), members_due);
    g_autofree char *paid = count_text (work->expected.members_paid);

    loket_group_add_amount (self->expected_group, _("Expected contributions"), due, work->expected.amount_due);
    loket_group_add_value (self->expected_group, _("Members who have paid it already"), NULL, paid);
  }
}

static void
branch_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(LoketReportsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  GTask *task = G_TASK (result);

  if (!g_task_propagate_boolean (task, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        adw_preferences_group_set_description (self->coverage_group, error->message);
      return;
    }
  if (g_task_get_cancellable (task) != self->branch_work)
    return;
  g_clear_object (&self->branch_work);
  show_branch (self, g_task_get_task_data (task));
}

static void
start_branch_figures (LoketReportsPage *self)
{
  g_autoptr(GTask) task = NULL;
  BranchWork *work = g_new0 (BranchWork, 1);

  if (self->branch_work != NULL)
    g_cancellable_cancel (self->branch_work);
  g_clear_object (&self->branch_work);
  self->branch_work = g_cancellable_new ();

  work->store_path = g_strdup (loket_store_get_path (self->store));
  work->day = self->day;
  loket_group_clear (self->coverage_group);
  adw_preferences_group_set_description (self->coverage_group, _("Counting every member…"));
  task = g_task_new (NULL, self->branch_work, branch_done, g_object_ref (self));
  g_task_set_task_data (task, work, branch_work_free);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, branch_thread);
}

/* ---- the day shown ------------------------------------------------------------- */

void
loket_reports_page_show_day (LoketReportsPage *self,
                             const GDate      *day)
{
  g_autofree char *label = NULL;
  g_autoptr(GDateTime) selected = NULL;

  g_return_if_fail (LOKET_IS_REPORTS_PAGE (self));
  g_return_if_fail (self->store != NULL);

  if (day != NULL && g_date_valid (day))
    self->day = *day;
  else
    loket_date_set_today (&self->day);

  label = loket_format_date (&self->day);
  gtk_menu_button_set_label (self->day_button, label);
  selected = g_date_time_new_local (g_date_get_year (&self->day), g_date_get_month (&self->day),
                                    g_date_get_day (&self->day), 0, 0, 0);
  g_signal_handlers_block_matched (self->calendar, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  gtk_calendar_select_day (self->calendar, selected);
  g_signal_handlers_unblock_matched (self->calendar, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);

  show_closing (self);
  start_branch_figures (self);
}

static void
calendar_day_selected_cb (LoketReportsPage *self)
{
  g_autoptr(GDateTime) chosen = gtk_calendar_get_date (self->calendar);
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, g_date_time_get_day_of_month (chosen), g_date_time_get_month (chosen),
                  g_date_time_get_year (chosen));
  gtk_menu_button_popdown (self->day_button);
  loket_reports_page_show_day (self, &day);
}

static void
move_day_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  LoketReportsPage *self = LOKET_REPORTS_PAGE (widget);
  GDate day = self->day;

  if (g_str_equal (action_name, "reports.today"))
    loket_date_set_today (&day);
  else if (g_str_equal (action_name, "reports.next-day"))
    g_date_add_days (&day, 1);
  else
    g_date_subtract_days (&day, 1);
  loket_reports_page_show_day (self, &day);
}

/* ---- the class ---------------------------------------------------------------- */

static void
loket_reports_page_dispose (GObject *object)
{
  LoketReportsPage *self = LOKET_REPORTS_PAGE (object);

  if (self->branch_work != NULL)
    g_cancellable_cancel (self->branch_work);
  g_clear_object (&self->branch_work);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LOKET_TYPE_REPORTS_PAGE);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (loket_reports_page_parent_class)->dispose (object);
}

static void
loket_reports_page_class_init (LoketReportsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = loket_reports_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/loket/Loket/loket-reports-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LoketReportsPage, day_button);
  gtk_widget_class_bind_template_child (widget_class, LoketReportsPage, calendar);
  gtk_widget_class_bind_template_child (widget_class, LoketReportsPage, net_label);
  gtk_widget_class_bind_template_child (widget_class, LoketReportsPage, net_caption);
  gtk_widget_class_bind_template_child (widget_class, LoketReportsPage, channels_group);
  gtk_widget_class_bind_template_child (widget_class, LoketReportsPage, clerks_group);
  gtk_widget_class_bind_template_child (widget_class, LoketReportsPage, coverage_group);
  gtk_widget_class_bind_template_child (widget_class, LoketReportsPage, cooperatives_group);
  gtk_widget_class_bind_template_child (widget_class, LoketReportsPage, expected_group);
  gtk_widget_class_bind_template_callback (widget_class, calendar_day_selected_cb);

  gtk_widget_class_install_action (widget_class, "reports.previous-day", NULL, move_day_activated);
  gtk_widget_class_install_action (widget_class, "reports.next-day", NULL, move_day_activated);
  gtk_widget_class_install_action (widget_class, "reports.today", NULL, move_day_activated);
}

static void
loket_reports_page_init (LoketReportsPage *self)
{
  self->net = -1;
  g_date_clear (&self->day, 1);
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
loket_reports_page_set_store (LoketReportsPage *self,
                              LoketStore       *store)
{
  g_return_if_fail (LOKET_IS_REPORTS_PAGE (self));
  g_return_if_fail (LOKET_IS_STORE (store));

  g_set_object (&self->store, store);
}

gint64
loket_reports_page_get_net (LoketReportsPage *self)
{
  g_return_val_if_fail (LOKET_IS_REPORTS_PAGE (self), -1);
  return self->net;
}

gboolean
loket_reports_page_is_loading (LoketReportsPage *self)
{
  g_return_val_if_fail (LOKET_IS_REPORTS_PAGE (self), FALSE);
  return self->branch_work != NULL;
}
