/* loket-claims-page.c */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "loket-claim-form.h"
#include "loket-claim-view.h"
#include "loket-claims-page.h"
#include "loket-format.h"
#include "loket-store-claims.h"

/* The list shows the latest claims: a branch takes some 250 a month, and
 * older ones are found through the member. */
#define LIST_LIMIT 200

struct _LoketClaimsPage
{
  AdwBin           parent_instance;

  LoketStore      *store;        /* owned */
  GArray          *ids;          /* gint64: the claims listed, in order */

  /* template children, borrowed */
  GtkStack        *stack;
  GtkDropDown     *status_dropdown;
  GtkListBox      *claims_list;
  GtkLabel        *empty_label;
  LoketClaimForm  *form;
  LoketClaimView  *view;
};

G_DEFINE_FINAL_TYPE (LoketClaimsPage, loket_claims_page, ADW_TYPE_BIN)

enum {
  TOAST,
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The dropdown: every status, then each one. */
static LoketClaimStatus
chosen_status (LoketClaimsPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->status_dropdown);

  return selected == 0 || selected > LOKET_N_CLAIM_STATUSES ? LOKET_N_CLAIM_STATUSES
                                                            : (LoketClaimStatus) (selected - 1);
}

static GtkWidget *
claim_row (LoketClaim *claim)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = g_strdup_printf ("%s · %s", claim->member_name,
                                            loket_claim_program_label (claim->program));
  g_autofree char *submitted = loket_format_date (&claim->submitted_on);
  g_autofree char *total = loket_format_rupiah (claim->total);
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, claim->id);
  /* Translators: "No. 12 · taken 23 November 2026 · Rp42.000.000" */
  g_autofree char *subtitle = g_strdup_printf (_("No. %s · taken %s · %s"), number, submitted, total);
  GtkWidget *status = gtk_label_new (loket_claim_status_label (claim->status));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (status, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), status);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  return row;
}

void
loket_claims_page_show_list (LoketClaimsPage *self)
{
  g_autoptr(GPtrArray) claims = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  g_return_if_fail (LOKET_IS_CLAIMS_PAGE (self));
  if (self->store == NULL)
    return;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->claims_list))) != NULL)
    gtk_list_box_remove (self->claims_list, child);
  g_array_set_size (self->ids, 0);

  claims = loket_store_list_claims (self->store, chosen_status (self), LIST_LIMIT, &error);
  if (claims == NULL)
    gtk_label_set_text (self->empty_label, error->message);
  else if (claims->len == 0)
    gtk_label_set_text (self->empty_label, _("No claims here. Ctrl+N takes a new one."));
  else
    gtk_label_set_text (self->empty_label, "");
  for (guint i = 0; claims != NULL && i < claims->len; i++)
    {
      LoketClaim *claim = g_ptr_array_index (claims, i);

      gtk_list_box_append (self->claims_list, claim_row (claim));
      g_array_append_val (self->ids, claim->id);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->claims_list), self->ids->len > 0);
  gtk_stack_set_visible_child_name (self->stack, "list");
  g_signal_emit (self, signals[CHANGED], 0);
}

void
loket_claims_page_show_new (LoketClaimsPage *self,
                            LoketMember     *member)
{
  g_return_if_fail (LOKET_IS_CLAIMS_PAGE (self));

  loket_claim_form_reset (self->form, member);
  gtk_stack_set_visible_child_name (self->stack, "new");
  loket_claim_form_focus (self->form);
  g_signal_emit (self, signals[CHANGED], 0);
}

void
loket_claims_page_show_claim (LoketClaimsPage *self,
                              gint64           id)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (LOKET_IS_CLAIMS_PAGE (self));

  if (!loket_claim_view_show_claim (self->view, id, &error))
    {
      g_signal_emit (self, signals[TOAST], 0, error->message);
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "claim");
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
claim_activated_cb (LoketClaimsPage *self,
                    GtkListBoxRow   *row)
{
  int index = gtk_list_box_row_get_index (row);

  if (index >= 0 && (guint) index < self->ids->len)
    loket_claims_page_show_claim (self, g_array_index (self->ids, gint64, index));
}

static void
submitted_cb (LoketClaimsPage *self,
              gint64           id)
{
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_autofree char *text = g_strdup_printf (_("Claim no. %s taken"), number);

  g_signal_emit (self, signals[TOAST], 0, text);
  loket_claims_page_show_claim (self, id);
}

static void
view_toast_cb (LoketClaimsPage *self,
               const char      *text)
{
  g_signal_emit (self, signals[TOAST], 0, text);
}

static void
new_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  loket_claims_page_show_new (LOKET_CLAIMS_PAGE (widget), NULL);
}

static void
loket_claims_page_dispose (GObject *object)
{
  LoketClaimsPage *self = LOKET_CLAIMS_PAGE (object);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LOKET_TYPE_CLAIMS_PAGE);
  g_clear_object (&self->store);
  g_clear_pointer (&self->ids, g_array_unref);

  G_OBJECT_CLASS (loket_claims_page_parent_class)->dispose (object);
}

static void
loket_claims_page_class_init (LoketClaimsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = loket_claims_page_dispose;

  signals[TOAST] = g_signal_new ("toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /* What is shown changed: the window's header follows. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (LOKET_TYPE_CLAIM_FORM);
  g_type_ensure (LOKET_TYPE_CLAIM_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/loket/Loket/loket-claims-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LoketClaimsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, LoketClaimsPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LoketClaimsPage, claims_list);
  gtk_widget_class_bind_template_child (widget_class, LoketClaimsPage, empty_label);
  gtk_widget_class_bind_template_child (widget_class, LoketClaimsPage, form);
  gtk_widget_class_bind_template_child (widget_class, LoketClaimsPage, view);
  gtk_widget_class_bind_template_callback (widget_class, loket_claims_page_show_list);
  gtk_widget_class_bind_template_callback (widget_class, claim_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, submitted_cb);
  gtk_widget_class_bind_template_callback (widget_class, view_toast_cb);

  gtk_widget_class_install_action (widget_class, "claims.new", NULL, new_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "claims.new", NULL);
}

static void
loket_claims_page_init (LoketClaimsPage *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);

  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_string_list_append (statuses, _("All claims"));
  for (guint i = 0; i < LOKET_N_CLAIM_STATUSES; i++)
    gtk_string_list_append (statuses, loket_claim_status_label (i));
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (statuses));
}

void
loket_claims_page_set_store (LoketClaimsPage *self,
                             LoketStore      *store)
{
  g_return_if_fail (LOKET_IS_CLAIMS_PAGE (self));

  g_set_object (&self->store, store);
  loket_claim_form_set_store (self->form, store);
  loket_claim_view_set_store (self->view, store);
}

const char *
loket_claims_page_get_mode (LoketClaimsPage *self)
{
  g_return_val_if_fail (LOKET_IS_CLAIMS_PAGE (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

guint
loket_claims_page_get_count (LoketClaimsPage *self)
{
  g_return_val_if_fail (LOKET_IS_CLAIMS_PAGE (self), 0);
  return self->ids->len;
}
