/* loket-import-page.c
 *
 * The store is one SQLite connection and must not be used from two threads:
 * the worker opens its own LoketStore on the same file and never touches the
 * window's. A Job holds what the worker and the page share; it is counted,
 * so either side may go first. Job->page is read and written on the main
 * thread only; the worker's progress reaches it through an idle. */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "loket-error.h"
#include "loket-date.h"
#include "loket-import-page.h"
#include "loket-nik.h"
#include "loket-store-cooperatives.h"

typedef struct _Job Job;

struct _LoketImportPage
{
  AdwBin              parent_instance;

  LoketStore         *store;          /* owned */
  LoketCooperative   *cooperative;    /* owned */
  Job                *job;            /* owned: the work under way or the report shown */
  gboolean            busy;
  int                 filter;         /* a LoketImportStatus, or -1 for all */
  GtkFileChooserNative *chooser;      /* owned, nullable */

  /* template children, borrowed */
  GtkStack           *stack;
  AdwStatusPage      *error_status;
  GtkLabel           *progress_label;
  GtkProgressBar     *progress_bar;
  GtkLabel           *file_label;
  GtkLabel           *summary_label;
  GtkLabel           *file_problems_label;
  GtkBox             *filters;
  GtkListView        *rows;
  GtkSignalListItemFactory *row_factory;

  GListStore         *items;          /* LoketImportRowItem, owned: one per row of the report */
  GtkCustomFilter    *status_filter;  /* owned */
  GtkFilterListModel *filtered;       /* owned: the items the filter lets through */
  GtkButton          *commit_button;
  GtkWidget          *rejects_button;
};

G_DEFINE_FINAL_TYPE (LoketImportPage, loket_import_page, ADW_TYPE_BIN)

/* One row of the report in the list: its index and status. The text is made
 * only when a row widget shows it, so a report of 100 000 rows costs 100 000
 * of these and as many widgets as fit the window. */
#define LOKET_TYPE_IMPORT_ROW_ITEM (loket_import_row_item_get_type ())
G_DECLARE_FINAL_TYPE (LoketImportRowItem, loket_import_row_item, LOKET, IMPORT_ROW_ITEM, GObject)

struct _LoketImportRowItem
{
  GObject parent_instance;
  guint   index;
  int     status;
};

G_DEFINE_FINAL_TYPE (LoketImportRowItem, loket_import_row_item, G_TYPE_OBJECT)

static void loket_import_row_item_class_init (LoketImportRowItemClass *klass) { }
static void loket_import_row_item_init (LoketImportRowItem *self) { }

enum { COMMITTED, TOAST, N_SIGNALS };
static guint signals[N_SIGNALS];

struct _Job
{
  LoketImportPage   *page;          /* main thread only; NULL once the page is gone */
  GCancellable      *cancellable;
  char              *store_path;
  char              *path;
  gint64             cooperative_id;
  GDate              today;

  int                permille;      /* atomic */
  int                idle_pending;  /* atomic */
  double             base, scale;   /* worker only */

  LoketSheet        *sheet;         /* set by the worker before it returns */
  LoketImportReport *report;
  guint              registered;
  guint              linked;
};

static void
job_clear (Job *job)
{
  g_clear_object (&job->cancellable);
  g_free (job->store_path);
  g_free (job->path);
  g_clear_pointer (&job->sheet, loket_sheet_free);
  g_clear_pointer (&job->report, loket_import_report_free);
}

static Job *
job_ref (Job *job)
{
  return g_atomic_rc_box_acquire (job);
}

static void
job_unref (gpointer job)
{
  g_atomic_rc_box_release_full (job, (GDestroyNotify) job_clear);
}

static gboolean
progress_idle (gpointer data)
{
  Job *job = data;

  g_atomic_int_set (&job->idle_pending, 0);
  if (job->page != NULL && job->page->job == job)
    gtk_progress_bar_set_fraction (job->page->progress_bar, g_atomic_int_get (&job->permille) / 1000.0);
  return G_SOURCE_REMOVE;
}

/* Called in the worker. */
static void
job_progress (double   fraction,
              gpointer data)
{
  Job *job = data;

  g_atomic_int_set (&job->permille, (int) ((job->base + job->scale * CLAMP (fraction, 0, 1)) * 1000));
  if (g_atomic_int_compare_and_exchange (&job->idle_pending, 0, 1))
    g_idle_add_full (G_PRIORITY_DEFAULT, progress_idle, job_ref (job), job_unref);
}

static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(LoketStore) store = NULL;
  g_autoptr(LoketPartnership) partnership = NULL;
  g_autoptr(LoketSheet) sheet = NULL;
  LoketImportReport *report;
  LoketImportTerms terms = { 0 };
  GError *error = NULL;

  store = loket_store_open (job->store_path, &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  /* The agreement first: without one in force, reading the file is no use. */
  partnership = loket_store_get_active_partnership (store, job->cooperative_id, &job->today, &error);
  if (partnership == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  loket_import_terms_from_partnership (partnership, &terms);

  job->base = 0, job->scale = 0.4;
  sheet = loket_sheet_read_file (job->path, cancellable, job_progress, job, &error);
  if (sheet == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  job->base = 0.4, job->scale = 0.6;
  report = loket_import_check_full (store, sheet, &terms, &job->today, cancellable, job_progress, job, &error);
  if (report == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  job->sheet = g_steal_pointer (&sheet);
  job->report = report;
  g_task_return_boolean (task, TRUE);
}

static void
commit_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(LoketStore) store = NULL;
  GError *error = NULL;

  store = loket_store_open (job->store_path, &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  job->base = 0, job->scale = 1;
  if (!loket_import_commit_full (store, job->report, &job->today, cancellable, job_progress, job,
                                 &job->registered, &job->linked, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void show_report (LoketImportPage *self);

static void
show_error (LoketImportPage *self,
            const GError    *error)
{
  g_autofree char *text = NULL;
  const char *hint;

  if (g_error_matches (error, LOKET_ERROR, LOKET_ERROR_NOT_FOUND)
      || (g_error_matches (error, LOKET_ERROR, LOKET_ERROR_INVALID) && strstr (error->message, "PKS") != NULL))
    hint = _("Record a partnership agreement (PKS) in force for this cooperative, then import again.");
  else
    hint = _("Correct the file, or ask the cooperative for its member list as an Excel workbook (.xlsx) or CSV file, and choose it again.");
  text = g_strdup_printf ("%s\n\n%s", error->message, hint);
  adw_status_page_set_description (self->error_status, text);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

static void
task_done (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  Job *job = data;
  LoketImportPage *self = job->page;
  g_autoptr(GError) error = NULL;
  gboolean committing = g_task_get_source_tag (G_TASK (result)) == commit_thread;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);

  if (self == NULL || self->job != job)
    {
      job_unref (job);
      return;
    }
  self->busy = FALSE;

  if (!ok && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      if (committing)
        {
          show_report (self);
          g_signal_emit (self, signals[TOAST], 0, _("Registration cancelled: nobody was registered"));
        }
      else
        gtk_stack_set_visible_child_name (self->stack, "start");
    }
  else if (!ok)
    {
      if (committing)
        {
          show_report (self);
          g_signal_emit (self, signals[TOAST], 0, error->message);
        }
      else
        show_error (self, error);
    }
  else
    {
      show_report (self);
      if (committing)
        {
          g_autofree char *text = NULL;

          if (job->linked > 0)
            text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Registered %u member and linked %u already registered",
                                                 "Registered %u members and linked %u already registered",
                                                 job->registered),
                                    job->registered, job->linked);
          else
            text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Registered %u member", "Registered %u members",
                                                 job->registered),
                                    job->registered);
          g_signal_emit (self, signals[TOAST], 0, text);
          g_signal_emit (self, signals[COMMITTED], 0, job->registered, job->linked);
        }
    }
  job_unref (job);
}

static void
drop_job (LoketImportPage *self)
{
  if (self->job == NULL)
    return;
  g_list_store_remove_all (self->items);
  g_cancellable_cancel (self->job->cancellable);
  self->job->page = NULL;
  g_clear_pointer (&self->job, job_unref);
  self->busy = FALSE;
}

static void
start_task (LoketImportPage *self,
            GTaskThreadFunc  func,
            const char      *label)
{
  GTask *task = g_task_new (NULL, self->job->cancellable, task_done, job_ref (self->job));

  g_task_set_source_tag (task, func);
  g_task_set_task_data (task, job_ref (self->job), job_unref);
  /* The worker may change the report: no row may read it meanwhile. */
  g_list_store_remove_all (self->items);
  g_atomic_int_set (&self->job->permille, 0);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_label_set_text (self->progress_label, label);
  gtk_stack_set_visible_child_name (self->stack, "progress");
  self->busy = TRUE;
  g_task_run_in_thread (task, func);
  g_object_unref (task);
}

void
loket_import_page_open_path (LoketImportPage *self,
                             const char      *path)
{
  g_autofree char *basename = NULL;
  g_autofree char *label = NULL;

  g_return_if_fail (LOKET_IS_IMPORT_PAGE (self));
  g_return_if_fail (path != NULL);
  g_return_if_fail (self->store != NULL && self->cooperative != NULL);

  drop_job (self);
  self->job = g_atomic_rc_box_new0 (Job);
  self->job->page = self;
  self->job->cancellable = g_cancellable_new ();
  self->job->store_path = g_strdup (loket_store_get_path (self->store));
  self->job->path = g_strdup (path);
  self->job->cooperative_id = self->cooperative->id;
  loket_date_set_today (&self->job->today);

  basename = g_filename_display_basename (path);
  label = g_strdup_printf (_("Reading and checking %s…"), basename);
  start_task (self, check_thread, label);
}

void
loket_import_page_commit (LoketImportPage *self)
{
  g_return_if_fail (LOKET_IS_IMPORT_PAGE (self));

  if (self->busy || self->job == NULL || self->job->report == NULL
      || loket_import_report_is_committed (self->job->report))
    return;
  g_clear_object (&self->job->cancellable);
  self->job->cancellable = g_cancellable_new ();
  start_task (self, commit_thread, _("Registering the members…"));
}

void
loket_import_page_cancel (LoketImportPage *self)
{
  g_return_if_fail (LOKET_IS_IMPORT_PAGE (self));

  if (self->busy)
    g_cancellable_cancel (self->job->cancellable);
}

const char *
loket_import_page_get_step (LoketImportPage *self)
{
  g_return_val_if_fail (LOKET_IS_IMPORT_PAGE (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

gboolean
loket_import_page_is_busy (LoketImportPage *self)
{
  g_return_val_if_fail (LOKET_IS_IMPORT_PAGE (self), FALSE);
  return self->busy;
}

LoketImportReport *
loket_import_page_get_report (LoketImportPage *self)
{
  g_return_val_if_fail (LOKET_IS_IMPORT_PAGE (self), NULL);
  return self->job && !self->busy ? self->job->report : NULL;
}

void
loket_import_page_set_cooperative (LoketImportPage  *self,
                                   LoketStore       *store,
                                   LoketCooperative *cooperative)
{
  g_return_if_fail (LOKET_IS_IMPORT_PAGE (self));
  g_return_if_fail (LOKET_IS_STORE (store));
  g_return_if_fail (LOKET_IS_COOPERATIVE (cooperative));

  drop_job (self);
  g_set_object (&self->store, store);
  g_clear_object (&self->cooperative);
  self->cooperative = loket_cooperative_copy (cooperative);
  gtk_stack_set_visible_child_name (self->stack, "start");
}

/* ---- the report ---------------------------------------------------------- */

static const char *
status_label (LoketImportStatus status,
              gboolean          committed)
{
  switch (status)
    {
    case LOKET_IMPORT_TO_REGISTER:     return committed ? _("Registered") : _("To register");
    case LOKET_IMPORT_ALREADY_MEMBER:  return _("Already a member");
    case LOKET_IMPORT_DUPLICATE_IN_FILE: return _("Duplicate");
    case LOKET_IMPORT_REJECTED:        return _("Rejected");
    case LOKET_IMPORT_EMPTY:           return _("Empty");
    case LOKET_IMPORT_N_STATUSES:
    default:                           return "";
    }
}

static const char *
status_style (LoketImportStatus status)
{
  switch (status)
    {
    case LOKET_IMPORT_TO_REGISTER:       return "success";
    case LOKET_IMPORT_DUPLICATE_IN_FILE: return "warning";
    case LOKET_IMPORT_REJECTED:          return "error";
    case LOKET_IMPORT_ALREADY_MEMBER:
    case LOKET_IMPORT_EMPTY:
    case LOKET_IMPORT_N_STATUSES:
    default:                             return "dim-label";
    }
}

static char *
row_title (LoketImportReport *report,
           guint              index)
{
  LoketMember *member = loket_import_report_get_member (report, index);

  return g_strdup_printf (_("Row %u · %s"), loket_import_report_get_row_number (report, index),
                          member && member->name ? member->name : _("(no name)"));
}

static char *
row_subtitle (LoketImportReport *report,
              guint              index)
{
  LoketImportStatus status = loket_import_report_get_status (report, index);
  LoketMember *member = loket_import_report_get_member (report, index);
  GPtrArray *problems = loket_import_report_get_problems (report, index);
  GString *subtitle = g_string_new (NULL);

  if (member != NULL && member->nik != NULL)
    {
      g_autofree char *masked = loket_nik_mask (member->nik);
      g_string_append_printf (subtitle, _("NIK %s"), masked);
    }
  if (status == LOKET_IMPORT_DUPLICATE_IN_FILE)
    {
      if (subtitle->len)
        g_string_append (subtitle, " · ");
      g_string_append_printf (subtitle, _("same NIK as row %u"), loket_import_report_get_first_row (report, index));
    }
  for (guint i = 0; i < problems->len; i++)
    {
      LoketProblem *problem = g_ptr_array_index (problems, i);
      const char *column = loket_import_report_get_column_for (report, problem->field);
      const char *message = problem->message;

      if (subtitle->len)
        g_string_append_c (subtitle, '\n');
      /* The core's messages mostly name the field already ("NIK: …"). */
      if (column != NULL && g_ascii_strncasecmp (problem->message, column, strlen (column)) != 0)
        g_string_append_printf (subtitle, "%s: %s", column, message);
      else
        g_string_append (subtitle, message);
    }
  return g_string_free (subtitle, FALSE);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              LoketImportPage          *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);
  GtkWidget *badge = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_widget_set_valign (texts, GTK_ALIGN_CENTER);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_wrap (GTK_LABEL (subtitle), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (subtitle), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (badge, "caption-heading");
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (texts), title);
  gtk_box_append (GTK_BOX (texts), subtitle);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_box_append (GTK_BOX (box), badge);
  g_object_set_data (G_OBJECT (box), "title", title);
  g_object_set_data (G_OBJECT (box), "subtitle", subtitle);
  g_object_set_data (G_OBJECT (box), "badge", badge);
  gtk_list_item_set_activatable (item, FALSE);
  gtk_list_item_set_child (item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             LoketImportPage          *self)
{
  LoketImportRowItem *row = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *badge = g_object_get_data (G_OBJECT (box), "badge");
  LoketImportReport *report = self->job ? self->job->report : NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  const char *style;

  if (report == NULL || row == NULL)
    return;
  title = row_title (report, row->index);
  subtitle = row_subtitle (report, row->index);
  gtk_label_set_text (g_object_get_data (G_OBJECT (box), "title"), title);
  gtk_label_set_text (g_object_get_data (G_OBJECT (box), "subtitle"), subtitle);
  gtk_widget_set_visible (g_object_get_data (G_OBJECT (box), "subtitle"), *subtitle != '\0');
  gtk_label_set_text (GTK_LABEL (badge), status_label (row->status, loket_import_report_is_committed (report)));
  style = g_object_get_data (G_OBJECT (badge), "style");
  if (style != NULL)
    gtk_widget_remove_css_class (badge, style);
  style = status_style (row->status);
  gtk_widget_add_css_class (badge, style);
  g_object_set_data (G_OBJECT (badge), "style", (gpointer) style);
}

static gboolean
filter_item (gpointer item,
             gpointer data)
{
  LoketImportPage *self = data;

  return self->filter < 0 || LOKET_IMPORT_ROW_ITEM (item)->status == self->filter;
}

static void
filter_toggled_cb (GtkToggleButton *button,
                   LoketImportPage *self)
{
  if (!gtk_toggle_button_get_active (button))
    return;
  self->filter = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "status"));
  gtk_filter_changed (GTK_FILTER (self->status_filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
show_report (LoketImportPage *self)
{
  LoketImportReport *report = self->job->report;
  gboolean committed = loket_import_report_is_committed (report);
  guint to_register = loket_import_report_count (report, LOKET_IMPORT_TO_REGISTER);
  guint n_rejects = loket_import_report_count (report, LOKET_IMPORT_REJECTED)
                    + loket_import_report_count (report, LOKET_IMPORT_DUPLICATE_IN_FILE);
  GPtrArray *file_problems = loket_import_report_get_file_problems (report);
  g_autofree char *basename = g_filename_display_basename (self->job->path);
  g_autofree char *file_text = NULL;
  g_autofree char *commit_text = NULL;
  GString *summary = g_string_new (NULL);
  GString *problems = g_string_new (NULL);
  GtkToggleButton *group = NULL;
  GtkWidget *child;
  guint n_rows = loket_import_report_get_n_rows (report);

  file_text = g_strdup_printf (_("%s: %u rows under the header in row %u"), basename, n_rows,
                               loket_import_report_get_header_row (report));
  gtk_label_set_text (self->file_label, file_text);

  if (committed)
    g_string_append_printf (summary, _("Done: %u registered and %u linked to %s."),
                            self->job->registered, self->job->linked, self->cooperative->name);
  else
    g_string_append (summary, _("Nothing is saved until you press the button below. Rows that cannot be enrolled can be sent back to the cooperative to correct."));
  gtk_label_set_text (self->summary_label, summary->str);
  g_string_free (summary, TRUE);

  for (guint i = 0; i < file_problems->len; i++)
    {
      LoketProblem *problem = g_ptr_array_index (file_problems, i);
      if (problems->len)
        g_string_append_c (problems, '\n');
      g_string_append (problems, problem->message);
    }
  gtk_label_set_text (self->file_problems_label, problems->str);
  gtk_widget_set_visible (GTK_WIDGET (self->file_problems_label), problems->len > 0);
  g_string_free (problems, TRUE);

  /* The filters, with their counts. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->filters))) != NULL)
    gtk_box_remove (self->filters, child);
  self->filter = -1;
  for (int status = -1; status < LOKET_IMPORT_N_STATUSES; status++)
    {
      guint count = status < 0 ? n_rows : loket_import_report_count (report, status);
      g_autofree char *text = NULL;
      GtkWidget *button;

      if (status >= 0 && count == 0)
        continue;
      text = g_strdup_printf ("%s (%u)", status < 0 ? _("All") : status_label (status, committed), count);
      button = gtk_toggle_button_new_with_label (text);
      g_object_set_data (G_OBJECT (button), "status", GINT_TO_POINTER (status));
      gtk_widget_set_name (button, status < 0 ? "all" : loket_import_status_to_string (status));
      if (group != NULL)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), group);
      else
        {
          group = GTK_TOGGLE_BUTTON (button);
          gtk_toggle_button_set_active (group, TRUE);
        }
      g_signal_connect (button, "toggled", G_CALLBACK (filter_toggled_cb), self);
      gtk_box_append (self->filters, button);
    }

  {
    GObject **items = g_new (GObject *, MAX (n_rows, 1));

    for (guint i = 0; i < n_rows; i++)
      {
        LoketImportRowItem *item = g_object_new (LOKET_TYPE_IMPORT_ROW_ITEM, NULL);

        item->index = i;
        item->status = loket_import_report_get_status (report, i);
        items[i] = G_OBJECT (item);
      }
    g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                         (gpointer *) items, n_rows);
    for (guint i = 0; i < n_rows; i++)
      g_object_unref (items[i]);
    g_free (items);
  }
  gtk_filter_changed (GTK_FILTER (self->status_filter), GTK_FILTER_CHANGE_DIFFERENT);

  commit_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "_Register %u Member", "_Register %u Members", to_register),
                                 to_register);
  gtk_button_set_label (self->commit_button, commit_text);
  gtk_widget_set_visible (GTK_WIDGET (self->commit_button), !committed);
  gtk_widget_set_sensitive (GTK_WIDGET (self->commit_button),
                            !committed && (to_register > 0
                                           || loket_import_report_count (report, LOKET_IMPORT_ALREADY_MEMBER) > 0));
  gtk_widget_set_visible (self->rejects_button, n_rejects > 0);
  gtk_stack_set_visible_child_name (self->stack, "report");
}

/* ---- actions ------------------------------------------------------------- */

static void
open_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  LoketImportPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        loket_import_page_open_path (self, path);
    }
  g_clear_object (&self->chooser);
}

static void
choose_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LoketImportPage *self = LOKET_IMPORT_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileFilter *filter = gtk_file_filter_new ();

  if (self->chooser != NULL || self->busy)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Choose the Member List"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Spreadsheets (.xlsx, .csv)"));
  gtk_file_filter_add_suffix (filter, "xlsx");
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_object_unref (filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect (self->chooser, "response", G_CALLBACK (open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

gboolean
loket_import_page_save_rejects (LoketImportPage  *self,
                                const char       *path,
                                GError          **error)
{
  g_autofree char *basename = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (LOKET_IS_IMPORT_PAGE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (!self->busy && self->job != NULL && self->job->report != NULL, FALSE);

  if (!loket_import_write_rejects (self->job->report, self->job->sheet, path, error))
    return FALSE;
  basename = g_filename_display_basename (path);
  text = g_strdup_printf (_("Saved the rows to correct in %s"), basename);
  g_signal_emit (self, signals[TOAST], 0, text);
  return TRUE;
}

static void
save_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  LoketImportPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT && !self->busy && self->job != NULL && self->job->report != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;

      if (path != NULL && !loket_import_page_save_rejects (self, path, &error))
        g_signal_emit (self, signals[TOAST], 0, error->message);
    }
  g_clear_object (&self->chooser);
}

static void
save_rejects_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  LoketImportPage *self = LOKET_IMPORT_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *name = NULL;

  if (self->chooser != NULL || self->busy || self->job == NULL || self->job->report == NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Save the Rows to Correct"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  name = g_strdup_printf ("ditolak-%s.xlsx", self->cooperative->name);
  g_strdelimit (name, "/\\:", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect (self->chooser, "response", G_CALLBACK (save_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
commit_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  loket_import_page_commit (LOKET_IMPORT_PAGE (widget));
}

static void
cancel_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  loket_import_page_cancel (LOKET_IMPORT_PAGE (widget));
}

static void
loket_import_page_dispose (GObject *object)
{
  LoketImportPage *self = LOKET_IMPORT_PAGE (object);

  drop_job (self);
  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LOKET_TYPE_IMPORT_PAGE);
  g_clear_object (&self->filtered);
  g_clear_object (&self->status_filter);
  g_clear_object (&self->items);
  g_clear_object (&self->store);
  g_clear_object (&self->cooperative);

  G_OBJECT_CLASS (loket_import_page_parent_class)->dispose (object);
}

static void
loket_import_page_class_init (LoketImportPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = loket_import_page_dispose;

  signals[COMMITTED] = g_signal_new ("committed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);
  signals[TOAST] = g_signal_new ("toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/loket/Loket/loket-import-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LoketImportPage, stack);
  gtk_widget_class_bind_template_child (widget_class, LoketImportPage, error_status);
  gtk_widget_class_bind_template_child (widget_class, LoketImportPage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, LoketImportPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, LoketImportPage, file_label);
  gtk_widget_class_bind_template_child (widget_class, LoketImportPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, LoketImportPage, file_problems_label);
  gtk_widget_class_bind_template_child (widget_class, LoketImportPage, filters);
  gtk_widget_class_bind_template_child (widget_class, LoketImportPage, rows);
  gtk_widget_class_bind_template_child (widget_class, LoketImportPage, row_factory);
  gtk_widget_class_bind_template_child (widget_class, LoketImportPage, commit_button);
  gtk_widget_class_bind_template_child (widget_class, LoketImportPage, rejects_button);

  gtk_widget_class_install_action (widget_class, "import.choose", NULL, choose_activated);
  gtk_widget_class_install_action (widget_class, "import.commit", NULL, commit_activated);
  gtk_widget_class_install_action (widget_class, "import.cancel", NULL, cancel_activated);
  gtk_widget_class_install_action (widget_class, "import.save-rejects", NULL, save_rejects_activated);
}

static void
loket_import_page_init (LoketImportPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->filter = -1;
  self->items = g_list_store_new (LOKET_TYPE_IMPORT_ROW_ITEM);
  self->status_filter = gtk_custom_filter_new (filter_item, self, NULL);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->items)),
                                              GTK_FILTER (g_object_ref (self->status_filter)));
  g_signal_connect (self->row_factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (self->row_factory, "bind", G_CALLBACK (bind_row_cb), self);
  {
    GtkNoSelection *selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->filtered)));

    gtk_list_view_set_model (self->rows, GTK_SELECTION_MODEL (selection));
    g_object_unref (selection);
  }
}

GListModel *
loket_import_page_get_rows (LoketImportPage *self)
{
  g_return_val_if_fail (LOKET_IS_IMPORT_PAGE (self), NULL);
  return G_LIST_MODEL (self->filtered);
}

char *
loket_import_page_describe_row (LoketImportPage *self,
                                guint            position,
                                int             *status)
{
  g_autoptr(LoketImportRowItem) item = NULL;

  g_return_val_if_fail (LOKET_IS_IMPORT_PAGE (self), NULL);

  item = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);
  if (item == NULL || self->job == NULL || self->job->report == NULL)
    return NULL;
  if (status != NULL)
    *status = item->status;
  return row_subtitle (self->job->report, item->index);
}
