/* loket-audit-window.c */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "loket-audit-window.h"
#include "loket-audit.h"
#include "loket-nik.h"

/* A page of entries: a day at a busy counter. */
#define PAGE_SIZE 100

/* The record types a supervisor asks about, by table; the first item of
 * the dropdown is every one. */
static const struct {
  const char *table;
  const char *label;
} tables[] = {
  { "member", N_("Members") },
  { "member_program", N_("Members’ programs") },
  { "receipt", N_("Receipts") },
  { "payment", N_("Payments") },
  { "reversal", N_("Reversals") },
  { "claim", N_("Claims") },
  { "heir", N_("Heirs") },
  { "card_print_job", N_("Cards printed") },
  { "cooperative", N_("Cooperatives") },
  { "partnership", N_("PKS agreements") },
  { "setting", N_("Settings") },
  { "rate", N_("Rates") },
  { "staff", N_("Staff accounts") },
};

struct _LoketAuditWindow
{
  AdwWindow       parent_instance;

  LoketStore     *store;       /* owned */
  gint64          oldest_id;   /* the last entry listed: the next page starts below it */
  guint           count;

  /* template children, borrowed */
  GtkLabel       *verdict_label;
  GtkDropDown    *table_dropdown;
  GtkSearchEntry *actor_entry;
  GtkListBox     *entries_list;
  GtkWidget      *more_button;
  GtkLabel       *empty_label;
};

G_DEFINE_FINAL_TYPE (LoketAuditWindow, loket_audit_window, ADW_TYPE_WINDOW)

static const char *
action_label (const char *action)
{
  if (g_strcmp0 (action, "insert") == 0)
    return _("added");
  if (g_strcmp0 (action, "update") == 0)
    return _("changed");
  if (g_strcmp0 (action, "delete") == 0)
    return _("deleted");
  if (g_strcmp0 (action, "refused") == 0)
    return _("refused");
  if (g_strcmp0 (action, "import") == 0)
    return _("imported");
  return action;
}

static const char *
table_label (const char *table)
{
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    if (g_strcmp0 (table, tables[i].table) == 0)
      return _(tables[i].label);
  return table;
}

static GtkWidget *
entry_row (const LoketAuditEntry *entry)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *raw_changes = loket_audit_entry_dup_changes (entry);
  /* NIKs masked here as in every list; the entry keeps them whole. */
  g_autofree char *changes = loket_nik_mask_in_text (raw_changes);
  g_autofree char *title = entry->table_name != NULL
    ? g_strdup_printf ("%s · %s %s · %s", entry->actor, action_label (entry->action),
                       table_label (entry->table_name), entry->row_key ? entry->row_key : "")
    : g_strdup_printf ("%s · %s", entry->actor, action_label (entry->action));
  g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (entry->at, NULL);
  g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;
  g_autofree char *when = local != NULL ? g_date_time_format (local, "%d/%m/%Y %H.%M.%S") : g_strdup (entry->at);
  GtkWidget *time = gtk_label_new (when);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), changes);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  gtk_widget_add_css_class (time, "dim-label");
  gtk_widget_add_css_class (time, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), time);
  if (g_strcmp0 (entry->action, "refused") == 0)
    adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
  return row;
}

/* Appends the next page, older than what is listed. */
static void
load_page (LoketAuditWindow *self)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  guint table = gtk_drop_down_get_selected (self->table_dropdown);
  const char *actor = gtk_editable_get_text (GTK_EDITABLE (self->actor_entry));
  LoketAuditFilter filter = { 0 };

  filter.table_name = table > 0 && table <= G_N_ELEMENTS (tables) ? tables[table - 1].table : NULL;
  filter.actor = actor != NULL && *actor != '\0' ? actor : NULL;
  filter.before_id = self->oldest_id;
  filter.limit = PAGE_SIZE;
  entries = loket_store_list_audit (self->store, &filter, &error);
  if (entries == NULL)
    {
      gtk_label_set_text (self->empty_label, error->message);
      gtk_widget_set_visible (self->more_button, FALSE);
      return;
    }
  for (guint i = 0; i < entries->len; i++)
    {
      const LoketAuditEntry *entry = g_ptr_array_index (entries, i);

      gtk_list_box_append (self->entries_list, entry_row (entry));
      self->oldest_id = entry->id;
      self->count++;
    }
  gtk_widget_set_visible (self->more_button, entries->len == PAGE_SIZE);
  gtk_widget_set_visible (GTK_WIDGET (self->entries_list), self->count > 0);
  gtk_label_set_text (self->empty_label, self->count == 0 ? _("No entry matches.") : "");
}

static void
reload (LoketAuditWindow *self)
{
  GtkWidget *child;

  if (self->store == NULL)
    return;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->entries_list))) != NULL)
    gtk_list_box_remove (self->entries_list, child);
  self->oldest_id = 0;
  self->count = 0;
  load_page (self);
}

static void
more_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  load_page (LOKET_AUDIT_WINDOW (widget));
}

gboolean
loket_audit_window_verify (LoketAuditWindow *self)
{
  g_autoptr(LoketAuditReport) report = NULL;
  g_autoptr(GError) error = NULL;
  gboolean intact;

  g_return_val_if_fail (LOKET_IS_AUDIT_WINDOW (self), FALSE);

  report = loket_store_verify_audit (self->store, &error);
  intact = report != NULL && report->verdict == LOKET_AUDIT_INTACT;
  gtk_label_set_text (self->verdict_label, report != NULL ? report->message : error->message);
  gtk_widget_remove_css_class (GTK_WIDGET (self->verdict_label), intact ? "error" : "success");
  gtk_widget_add_css_class (GTK_WIDGET (self->verdict_label), intact ? "success" : "error");
  gtk_widget_set_visible (GTK_WIDGET (self->verdict_label), TRUE);
  return intact;
}

static void
verify_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  loket_audit_window_verify (LOKET_AUDIT_WINDOW (widget));
}

static void
loket_audit_window_dispose (GObject *object)
{
  LoketAuditWindow *self = LOKET_AUDIT_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LOKET_TYPE_AUDIT_WINDOW);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (loket_audit_window_parent_class)->dispose (object);
}

static void
loket_audit_window_class_init (LoketAuditWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = loket_audit_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/loket/Loket/loket-audit-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LoketAuditWindow, verdict_label);
  gtk_widget_class_bind_template_child (widget_class, LoketAuditWindow, table_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LoketAuditWindow, actor_entry);
  gtk_widget_class_bind_template_child (widget_class, LoketAuditWindow, entries_list);
  gtk_widget_class_bind_template_child (widget_class, LoketAuditWindow, more_button);
  gtk_widget_class_bind_template_child (widget_class, LoketAuditWindow, empty_label);
  gtk_widget_class_bind_template_callback (widget_class, reload);

  gtk_widget_class_install_action (widget_class, "audit.verify", NULL, verify_activated);
  gtk_widget_class_install_action (widget_class, "audit.more", NULL, more_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
loket_audit_window_init (LoketAuditWindow *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_string_list_append (names, _("All records"));
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    gtk_string_list_append (names, _(tables[i].label));
  gtk_drop_down_set_model (self->table_dropdown, G_LIST_MODEL (names));
}

LoketAuditWindow *
loket_audit_window_new (GtkWindow  *parent,
                        LoketStore *store)
{
  LoketAuditWindow *self;

  g_return_val_if_fail (LOKET_IS_STORE (store), NULL);

  self = g_object_new (LOKET_TYPE_AUDIT_WINDOW, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  reload (self);
  return self;
}

guint
loket_audit_window_get_count (LoketAuditWindow *self)
{
  g_return_val_if_fail (LOKET_IS_AUDIT_WINDOW (self), 0);
  return self->count;
}

const char *
loket_audit_window_get_message (LoketAuditWindow *self)
{
  g_return_val_if_fail (LOKET_IS_AUDIT_WINDOW (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->verdict_label)) ? gtk_label_get_text (self->verdict_label)
                                                                   : NULL;
}
