/* loket-members-page.c */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "loket-card-payload.h"
#include "loket-cell-text.h"
#include "loket-date.h"
#include "loket-format.h"
#include "loket-kpj.h"
#include "loket-member-list.h"
#include "loket-member-rows.h"
#include "loket-members-page.h"
#include "loket-nik.h"
#include "loket-store-payments.h"

struct _LoketMembersPage
{
  AdwBin              parent_instance;

  LoketStore         *store;      /* owned */
  LoketMemberList    *members;    /* owned */
  gint64              cooperative_id; /* 0: every member */
  LoketMemberRows    *rows;       /* owned: what the column view shows */
  GtkSingleSelection *selection;  /* owned, over rows */

  /* template children, borrowed */
  GtkSearchEntry     *search_entry;
  GtkLabel           *summary_label;
  GtkStack           *results_stack;
  GtkScrolledWindow  *list_scroller;
  GtkColumnView      *column_view;
  AdwStatusPage      *empty_page;

  /* columns that step aside in a narrow window, owned, with the position
   * each goes back to */
  GPtrArray          *wide_columns;
  GArray             *wide_positions;
  gboolean            compact;
};

G_DEFINE_FINAL_TYPE (LoketMembersPage, loket_members_page, ADW_TYPE_BIN)

enum {
  OPEN_MEMBER,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What each column shows of a member; formatting is the core's. */
typedef char *(*CellText) (LoketMembersPage *self,
                           LoketMember      *member);

typedef struct {
  LoketMembersPage *page;       /* borrowed: the page owns its columns */
  CellText          text_for;
} Column;

static char *
cell_kpj (LoketMembersPage *self,
          LoketMember      *member)
{
  return loket_kpj_format (member->kpj);
}

static char *
cell_name (LoketMembersPage *self,
           LoketMember      *member)
{
  return g_strdup (member->name);
}

static char *
cell_nik (LoketMembersPage *self,
          LoketMember      *member)
{
  return loket_nik_mask (member->nik);
}

static char *
cell_birth_date (LoketMembersPage *self,
                 LoketMember      *member)
{
  return loket_format_date (&member->birth_date);
}

static char *
cell_segment (LoketMembersPage *self,
              LoketMember      *member)
{
  return g_ascii_strup (loket_segment_code (member->segment), -1);
}

/* Derived from the payments for today, as the payment section shows it. */
static char *
cell_status (LoketMembersPage *self,
             LoketMember      *member)
{
  LoketMemberStatus status;
  GDate today;

  loket_date_set_today (&today);
  if (self->store == NULL || !loket_store_get_member_status (self->store, member, &today, &status, NULL))
    return g_strdup ("—");
  if (status.status == LOKET_STATUS_MENUNGGAK)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "In arrears, %d mo.", "In arrears, %d mo.",
                                         status.months_behind),
                            status.months_behind);
  return g_strdup (loket_status_label (status.status));
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  gtk_list_item_set_child (item, loket_cell_text_new ());
}

/* The row keeps its widgets across searches and tells when its member
 * changes: the label follows. */
static void
show_row (LoketMemberRow *row,
          GParamSpec     *pspec,
          GtkListItem    *item)
{
  Column *column = g_object_get_data (G_OBJECT (item), "column");
  g_autofree char *text = column->text_for (column->page, loket_member_row_get_member (row));

  loket_cell_text_set_text (LOKET_CELL_TEXT (gtk_list_item_get_child (item)), text);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  LoketMemberRow *row = gtk_list_item_get_item (item);

  g_object_set_data (G_OBJECT (item), "column", user_data);
  g_signal_connect_object (row, "notify::member", G_CALLBACK (show_row), item, 0);
  show_row (row, NULL, item);
}

static void
unbind_cell (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  g_signal_handlers_disconnect_by_func (gtk_list_item_get_item (item), show_row, item);
}

static void
free_column (gpointer  data,
             GClosure *closure)
{
  g_free (data);
}

static GtkColumnViewColumn *
add_column (LoketMembersPage *self,
            const char       *title,
            CellText          text_for,
            gboolean          expand,
            int               fixed_width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;
  Column *data = g_new (Column, 1);

  data->page = self;
  data->text_for = text_for;
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), NULL);
  g_signal_connect_data (factory, "bind", G_CALLBACK (bind_cell), data, free_column, 0);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell), NULL);
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  if (fixed_width > 0)
    gtk_column_view_column_set_fixed_width (column, fixed_width);
  gtk_column_view_append_column (self->column_view, column);
  g_object_unref (column);
  return column;
}

static void
keep_wide_column (LoketMembersPage    *self,
                  GtkColumnViewColumn *column,
                  guint                position)
{
  g_ptr_array_add (self->wide_columns, g_object_ref (column));
  g_array_append_val (self->wide_positions, position);
}

static void
update_summary (LoketMembersPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->members));
  g_autofree char *text = NULL;

  gboolean nobody_yet = n == 0 && loket_member_list_is_everyone (self->members);

  /* An empty database is not a search that failed: say how to begin. */
  if (self->cooperative_id != 0)
    {
      adw_status_page_set_title (self->empty_page,
                                 nobody_yet ? _("No Members Enrolled Yet") : _("No Matching Members"));
      adw_status_page_set_description (self->empty_page,
                                       nobody_yet
                                       ? _("Import the cooperative’s member list to enrol its members.")
                                       : _("Check the spelling, type fewer letters, or search by NIK or KPJ."));
    }
  else
    {
      adw_status_page_set_title (self->empty_page, nobody_yet ? _("No Members Yet") : _("No Matching Members"));
      adw_status_page_set_description (self->empty_page,
                                       nobody_yet
                                       ? _("Register the branch’s first member with Ctrl+N.")
                                       : _("Check the spelling, type fewer letters, or search by NIK or KPJ. A new member can be registered with Ctrl+N."));
    }
  adw_status_page_set_icon_name (self->empty_page, nobody_yet ? "system-users-symbolic" : "system-search-symbolic");

  if (nobody_yet)
    text = g_strdup (self->cooperative_id != 0 ? _("No members enrolled yet") : _("No members registered yet"));
  else if (loket_member_list_is_everyone (self->members))
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u member, the latest registered first",
                                         "%u members, the latest registered first", n), n);
  else if (loket_member_list_is_truncated (self->members))
    text = g_strdup_printf (_("The first %u matches; type more to narrow the search"), n);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u match", "%u matches", n), n);

  gtk_label_set_text (self->summary_label, text);
  gtk_stack_set_visible_child_name (self->results_stack, n > 0 ? "list" : "empty");
}

static void
run_search (LoketMembersPage *self)
{
  g_autoptr(GError) error = NULL;

  if (self->members == NULL)
    return;

  if ((loket_member_list_get_cooperative (self->members) != self->cooperative_id
       && !loket_member_list_set_cooperative (self->members, self->cooperative_id, &error))
      || !loket_member_list_set_query (self->members, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), &error))
    {
      gtk_label_set_text (self->summary_label, error->message);
      return;
    }
  /* A new search starts at its first match. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->rows)) > 0)
    gtk_single_selection_set_selected (self->selection, 0);
  update_summary (self);
}

/* A scanner reading a membership card's QR types its text into the search
 * field. A whole, valid payload opens the member it names; one that fails
 * its check says so. Returns TRUE when the text is a scan (so it is not
 * searched for as a name). */
static gboolean
take_scanned_card (LoketMembersPage *self,
                   gboolean          finished)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
  g_autoptr(GError) error = NULL;
  g_autoptr(LoketMember) member = NULL;

  if (self->store == NULL || !loket_card_payload_looks_like (text))
    return FALSE;

  gtk_widget_remove_css_class (GTK_WIDGET (self->summary_label), "error");
  if (!finished && strlen (text) < LOKET_CARD_PAYLOAD_LENGTH)
    {
      gtk_label_set_text (self->summary_label, _("Reading the card…"));
      return TRUE;
    }

  member = loket_store_find_member_by_card (self->store, text, &error);
  if (member == NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->summary_label), "error");
      gtk_label_set_text (self->summary_label, error->message);
      return TRUE;
    }

  g_signal_emit (self, signals[OPEN_MEMBER], 0, member);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  return TRUE;
}

static void
search_changed_cb (LoketMembersPage *self)
{
  if (take_scanned_card (self, FALSE))
    return;
  gtk_widget_remove_css_class (GTK_WIDGET (self->summary_label), "error");
  run_search (self);
}

static void
emit_open (LoketMembersPage *self,
           guint             position)
{
  g_autoptr(LoketMemberRow) row = g_list_model_get_item (G_LIST_MODEL (self->rows), position);
  LoketMember *member = row ? loket_member_row_get_member (row) : NULL;

  if (member != NULL && member->kpj != NULL)
    g_signal_emit (self, signals[OPEN_MEMBER], 0, member);
}

/* Enter in the search field opens the selected match: with a NIK or KPJ
 * typed in full, that is the one member the clerk wants. */
static void
search_activated_cb (LoketMembersPage *self)
{
  guint position = gtk_single_selection_get_selected (self->selection);

  /* Scanners end with Enter: by then the payload is all there is. */
  if (take_scanned_card (self, TRUE))
    return;

  if (position != GTK_INVALID_LIST_POSITION)
    emit_open (self, position);
}

static void
row_activated_cb (LoketMembersPage *self,
                  guint             position)
{
  emit_open (self, position);
}

static void
loket_members_page_dispose (GObject *object)
{
  LoketMembersPage *self = LOKET_MEMBERS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LOKET_TYPE_MEMBERS_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->rows);
  g_clear_object (&self->members);
  g_clear_object (&self->store);
  g_clear_pointer (&self->wide_columns, g_ptr_array_unref);
  g_clear_pointer (&self->wide_positions, g_array_unref);

  G_OBJECT_CLASS (loket_members_page_parent_class)->dispose (object);
}

static void
loket_members_page_class_init (LoketMembersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = loket_members_page_dispose;

  /* The clerk chose a member to open. */
  signals[OPEN_MEMBER] = g_signal_new ("open-member", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 1, LOKET_TYPE_MEMBER);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/loket/Loket/loket-members-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LoketMembersPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LoketMembersPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, LoketMembersPage, results_stack);
  gtk_widget_class_bind_template_child (widget_class, LoketMembersPage, list_scroller);
  gtk_widget_class_bind_template_child (widget_class, LoketMembersPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, LoketMembersPage, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
}

static void
loket_members_page_init (LoketMembersPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->wide_columns = g_ptr_array_new_with_free_func (g_object_unref);
  self->wide_positions = g_array_new (FALSE, FALSE, sizeof (guint));
  add_column (self, _("KPJ"), cell_kpj, FALSE, 150);
  add_column (self, _("Name"), cell_name, TRUE, -1);
  keep_wide_column (self, add_column (self, _("NIK"), cell_nik, FALSE, 170), 2);
  keep_wide_column (self, add_column (self, _("Birth date"), cell_birth_date, FALSE, 150), 3);
  add_column (self, _("Segment"), cell_segment, FALSE, 90);
  keep_wide_column (self, add_column (self, _("Status"), cell_status, FALSE, 150), 5);

  /* Letters typed while the list has the focus go on into the search. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->column_view));
}

void
loket_members_page_set_store (LoketMembersPage *self,
                              LoketStore       *store,
                              guint             search_limit)
{
  g_return_if_fail (LOKET_IS_MEMBERS_PAGE (self));
  g_return_if_fail (LOKET_IS_STORE (store));

  g_clear_object (&self->selection);
  g_clear_object (&self->rows);
  g_clear_object (&self->members);
  g_set_object (&self->store, store);
  self->members = loket_member_list_new (store, search_limit);
  self->rows = loket_member_rows_new (self->members);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
  gtk_single_selection_set_can_unselect (self->selection, FALSE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  run_search (self);
}

void
loket_members_page_set_cooperative (LoketMembersPage *self,
                                    gint64            cooperative_id)
{
  g_return_if_fail (LOKET_IS_MEMBERS_PAGE (self));
  g_return_if_fail (cooperative_id >= 0);

  /* Another cooperative's list starts unsearched. */
  if (cooperative_id != self->cooperative_id)
    {
      self->cooperative_id = cooperative_id;
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
    }
  run_search (self);
}

void
loket_members_page_set_max_list_height (LoketMembersPage *self,
                                        int               height)
{
  g_return_if_fail (LOKET_IS_MEMBERS_PAGE (self));

  /* As tall as its rows, up to `height`, then it scrolls; the page around
   * it scrolls too, and a short list leaves no empty box behind. */
  gtk_scrolled_window_set_propagate_natural_height (self->list_scroller, height > 0);
  gtk_scrolled_window_set_max_content_height (self->list_scroller, height);
  gtk_stack_set_vhomogeneous (self->results_stack, height <= 0);
  gtk_widget_set_vexpand (GTK_WIDGET (self->results_stack), height <= 0);
  /* The status page scrolls within itself and would ask for no height. */
  gtk_widget_set_size_request (GTK_WIDGET (self->empty_page), -1, height > 0 ? MIN (height, 300) : -1);
  if (height > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->empty_page), "compact");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->empty_page), "compact");
}

void
loket_members_page_set_compact (LoketMembersPage *self,
                                gboolean          compact)
{
  g_return_if_fail (LOKET_IS_MEMBERS_PAGE (self));

  if (compact == self->compact)
    return;
  self->compact = compact;

  /* Taken out rather than hidden: GTK 4.8's column view keeps the width of
   * hidden columns, and the list would scroll sideways into empty space. */
  if (compact)
    for (guint i = 0; i < self->wide_columns->len; i++)
      gtk_column_view_remove_column (self->column_view, g_ptr_array_index (self->wide_columns, i));
  else
    for (guint i = 0; i < self->wide_columns->len; i++)
      gtk_column_view_insert_column (self->column_view, g_array_index (self->wide_positions, guint, i),
                                     g_ptr_array_index (self->wide_columns, i));
}

void
loket_members_page_focus_search (LoketMembersPage *self)
{
  g_return_if_fail (LOKET_IS_MEMBERS_PAGE (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
loket_members_page_reload (LoketMembersPage *self)
{
  g_return_if_fail (LOKET_IS_MEMBERS_PAGE (self));
  run_search (self);
}

GtkEditable *
loket_members_page_get_search_entry (LoketMembersPage *self)
{
  g_return_val_if_fail (LOKET_IS_MEMBERS_PAGE (self), NULL);
  return GTK_EDITABLE (self->search_entry);
}

GListModel *
loket_members_page_get_results (LoketMembersPage *self)
{
  g_return_val_if_fail (LOKET_IS_MEMBERS_PAGE (self), NULL);
  return G_LIST_MODEL (self->members);
}
