/* loket-claim-view.c */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "loket-claim-view.h"
#include "loket-date.h"
#include "loket-document-window.h"
#include "loket-format.h"
#include "loket-kpj.h"
#include "loket-rows.h"
#include "loket-staff.h"
#include "loket-store-claims.h"

/* An A4 letter readable beside the window's side column. */
#define LETTER_PREVIEW_WIDTH 540

struct _LoketClaimView
{
  AdwBin               parent_instance;

  LoketStore          *store;        /* owned */
  LoketClaim          *claim;        /* owned, nullable */
  GPtrArray           *checks;       /* GtkCheckButton *, borrowed: the documents */

  /* template children, borrowed */
  GtkLabel            *title_label;
  GtkLabel            *subtitle_label;
  GtkLabel            *status_badge;
  GtkWidget           *verify_button;
  GtkWidget           *approve_button;
  GtkWidget           *reject_button;
  GtkWidget           *paid_button;
  GtkWidget           *letter_button;
  GtkLabel            *message_label;
  AdwPreferencesGroup *reasons_group;
  AdwPreferencesGroup *lines_group;
  AdwPreferencesGroup *facts_group;
  AdwPreferencesGroup *documents_group;
  AdwPreferencesGroup *history_group;
};

G_DEFINE_FINAL_TYPE (LoketClaimView, loket_claim_view, ADW_TYPE_BIN)

enum {
  CHANGED,
  TOAST,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_message (LoketClaimView *self,
              const char     *text)
{
  gtk_label_set_text (self->message_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), text != NULL);
}

static const char *
status_style (LoketClaimStatus status)
{
  switch (status)
    {
    case LOKET_CLAIM_DISETUJUI:
    case LOKET_CLAIM_DIBAYAR:
      return "success";
    case LOKET_CLAIM_DITOLAK:
      return "error";
    case LOKET_CLAIM_DIAJUKAN:
    case LOKET_CLAIM_DIVERIFIKASI:
    case LOKET_N_CLAIM_STATUSES:
    default:
      return "warning";
    }
}

static gboolean
decided (LoketClaim *claim)
{
  return claim->status == LOKET_CLAIM_DISETUJUI || claim->status == LOKET_CLAIM_DITOLAK
         || claim->status == LOKET_CLAIM_DIBAYAR;
}

/* Only the next steps the core allows are offered. */
static void
show_steps (LoketClaimView *self)
{
  LoketClaimStatus next[2];
  guint n = loket_claim_next_statuses (self->claim->status, next);
  gboolean can[LOKET_N_CLAIM_STATUSES] = { FALSE };

  for (guint i = 0; i < n; i++)
    can[next[i]] = TRUE;
  gtk_widget_set_visible (self->verify_button, can[LOKET_CLAIM_DIVERIFIKASI]);
  gtk_widget_set_visible (self->approve_button, can[LOKET_CLAIM_DISETUJUI]);
  gtk_widget_set_visible (self->reject_button, can[LOKET_CLAIM_DITOLAK]);
  gtk_widget_set_visible (self->paid_button, can[LOKET_CLAIM_DIBAYAR]);
  gtk_widget_set_visible (self->letter_button, self->claim->letter_number != NULL);
}

static void
show_facts (LoketClaimView *self)
{
  LoketClaim *claim = self->claim;
  g_autofree char *event = loket_format_date (&claim->event_date);
  g_autofree char *submitted = loket_format_date (&claim->submitted_on);
  g_autofree char *kpj = loket_kpj_format (claim->kpj);
  g_autofree char *claimant = claim->heir_id != 0
    ? g_strdup_printf ("%s (%s)", claim->claimant_name, loket_heir_relation_label (claim->claimant_relation))
    : g_strdup (claim->claimant_name);

  loket_group_clear (self->facts_group);
  loket_group_add_row (self->facts_group, loket_value_row_new (_("Member"), kpj, claim->member_name));
  loket_group_add_row (self->facts_group, loket_value_row_new (_("Claimant"), NULL, claimant));
  loket_group_add_row (self->facts_group, loket_value_row_new (_("Event date"), NULL, event));
  if (claim->kind != LOKET_CLAIM_KIND_NONE)
    loket_group_add_row (self->facts_group, loket_value_row_new (_("Kind"), NULL,
                                                                 loket_claim_kind_label (claim->kind)));
  if (claim->description != NULL)
    loket_group_add_row (self->facts_group, loket_value_row_new (_("What happened"), claim->description, NULL));
  loket_group_add_row (self->facts_group, loket_value_row_new (_("Bank account"), NULL,
                                                               claim->bank_account ? claim->bank_account : "—"));
  loket_group_add_row (self->facts_group, loket_value_row_new (_("Taken"), claim->clerk, submitted));
  if (claim->letter_number != NULL)
    loket_group_add_row (self->facts_group, loket_value_row_new (_("Letter number"), NULL, claim->letter_number));
}

static void
show_lines (LoketClaimView *self)
{
  LoketClaim *claim = self->claim;

  loket_group_clear (self->lines_group);
  for (guint i = 0; i < claim->lines->len; i++)
    {
      const LoketClaimLine *line = &g_array_index (claim->lines, LoketClaimLine, i);

      loket_group_add_row (self->lines_group, loket_amount_row_new (line->label, NULL, line->amount));
    }
  if (claim->lines->len > 0)
    {
      g_autofree char *words = loket_format_terbilang (claim->total);
      GtkWidget *total = loket_amount_row_new (_("Total"), words, claim->total);

      gtk_widget_add_css_class (total, "heading");
      loket_group_add_row (self->lines_group, total);
    }
  else
    adw_preferences_group_set_description (self->lines_group, _("No benefit: see why above."));
}

static void
show_reasons (LoketClaimView *self)
{
  LoketClaim *claim = self->claim;

  loket_group_clear (self->reasons_group);
  gtk_widget_set_visible (GTK_WIDGET (self->reasons_group), claim->reasons->len > 0);
  for (guint i = 0; i < claim->reasons->len; i++)
    {
      const LoketClaimReason *reason = g_ptr_array_index (claim->reasons, i);
      GtkWidget *row = loket_value_row_new (reason->message, NULL, NULL);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
      loket_group_add_row (self->reasons_group, row);
    }
}

/* Documents are ticked here and recorded with the next step, while the
 * claim is not yet decided. */
static void
show_documents (LoketClaimView *self)
{
  LoketClaim *claim = self->claim;

  loket_group_clear (self->documents_group);
  g_ptr_array_set_size (self->checks, 0);
  for (guint i = 0; i < claim->documents->len; i++)
    {
      const LoketClaimDocument *document = &g_array_index (claim->documents, LoketClaimDocument, i);
      GtkWidget *row = loket_value_row_new (loket_claim_document_label (document->code), NULL, NULL);
      GtkWidget *check = gtk_check_button_new ();

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), document->received);
      gtk_widget_set_sensitive (check, !document->received && !decided (claim));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      g_object_set_data (G_OBJECT (check), "code", (gpointer) document->code);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      loket_group_add_row (self->documents_group, row);
      g_ptr_array_add (self->checks, check);
    }
}

static void
show_history (LoketClaimView *self)
{
  LoketClaim *claim = self->claim;

  loket_group_clear (self->history_group);
  for (guint i = 0; i < claim->history->len; i++)
    {
      const LoketClaimEvent *event = g_ptr_array_index (claim->history, i);
      g_autofree char *on = loket_format_date (&event->on);
      g_autofree char *subtitle = event->reason != NULL ? g_strdup_printf ("%s · %s", event->clerk, event->reason)
                                                        : g_strdup (event->clerk);

      loket_group_add_row (self->history_group,
                           loket_value_row_new (loket_claim_status_label (event->to), subtitle, on));
    }
}

static void
show_claim (LoketClaimView *self)
{
  LoketClaim *claim = self->claim;
  g_autofree char *title = g_strdup_printf ("%s · %s", loket_claim_program_label (claim->program),
                                            claim->member_name);
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, claim->id);
  g_autofree char *subtitle = g_strdup_printf (_("Claim no. %s"), number);

  gtk_label_set_text (self->title_label, title);
  gtk_label_set_text (self->subtitle_label, subtitle);
  for (guint i = 0; i < LOKET_N_CLAIM_STATUSES; i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_badge), status_style (i));
  gtk_widget_add_css_class (GTK_WIDGET (self->status_badge), status_style (claim->status));
  gtk_label_set_text (self->status_badge, loket_claim_status_label (claim->status));
  show_steps (self);
  show_reasons (self);
  show_lines (self);
  show_facts (self);
  show_documents (self);
  show_history (self);
}

gboolean
loket_claim_view_show_claim (LoketClaimView  *self,
                             gint64           id,
                             GError         **error)
{
  g_autoptr(LoketClaim) claim = NULL;

  g_return_val_if_fail (LOKET_IS_CLAIM_VIEW (self), FALSE);

  if ((claim = loket_store_find_claim (self->store, id, error)) == NULL)
    return FALSE;
  g_set_object (&self->claim, claim);
  show_message (self, NULL);
  show_claim (self);
  return TRUE;
}

/* ---- the steps ---------------------------------------------------------------- */

gboolean
loket_claim_view_advance (LoketClaimView   *self,
                          LoketClaimStatus  to,
                          const char       *reason)
{
  g_autoptr(GPtrArray) ticked = g_ptr_array_new ();
  g_autoptr(LoketClaim) moved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *clerk = loket_staff_current_name (NULL);
  g_autofree char *text = NULL;
  GDate today;

  g_return_val_if_fail (LOKET_IS_CLAIM_VIEW (self), FALSE);
  if (self->claim == NULL)
    return FALSE;

  for (guint i = 0; i < self->checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->checks, i);

      if (gtk_check_button_get_active (check) && gtk_widget_get_sensitive (GTK_WIDGET (check)))
        g_ptr_array_add (ticked, g_object_get_data (G_OBJECT (check), "code"));
    }
  g_ptr_array_add (ticked, NULL);

  loket_date_set_today (&today);
  moved = loket_store_advance_claim (self->store, self->claim->id, to, reason,
                                     (const char *const *) ticked->pdata, clerk, &today, &error);
  if (moved == NULL)
    {
      show_message (self, error->message);
      return FALSE;
    }
  g_set_object (&self->claim, moved);
  show_message (self, NULL);
  show_claim (self);
  text = g_strdup_printf (_("Claim of %s: %s"), moved->member_name, loket_claim_status_label (to));
  g_signal_emit (self, signals[TOAST], 0, text);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

static void
step_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  LoketClaimView *self = LOKET_CLAIM_VIEW (widget);

  if (g_str_equal (action_name, "claim.verify"))
    loket_claim_view_advance (self, LOKET_CLAIM_DIVERIFIKASI, NULL);
  else if (g_str_equal (action_name, "claim.approve"))
    loket_claim_view_advance (self, LOKET_CLAIM_DISETUJUI, NULL);
  else
    loket_claim_view_advance (self, LOKET_CLAIM_DIBAYAR, NULL);
}

static void
reject_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    LoketClaimView   *self)
{
  GtkEditable *reason = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));

  if (g_str_equal (response, "reject"))
    loket_claim_view_advance (self, LOKET_CLAIM_DITOLAK, gtk_editable_get_text (reason));
}

static void
reject_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LoketClaimView *self = LOKET_CLAIM_VIEW (widget);
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *dialog;

  if (self->claim == NULL)
    return;
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), _("Reject the Claim?"),
                                   _("The rejection letter states the reason to the claimant, with the "
                                     "reasons the claim fails."));
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reason for the claimant"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "reject", _("_Reject"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reject", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "reject");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (reject_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct {
  LoketStore *store;   /* owned */
  gint64      id;
} LetterDocument;

static void
letter_document_free (gpointer pointer)
{
  LetterDocument *letter = pointer;

  g_object_unref (letter->store);
  g_free (letter);
}

static gboolean
write_letter (const char  *path,
              gpointer     user_data,
              GError     **error)
{
  LetterDocument *letter = user_data;

  return loket_store_write_claim_letter (letter->store, letter->id, path, NULL, error);
}

static void
letter_done_cb (LoketClaimView *self,
                const char     *text)
{
  g_signal_emit (self, signals[TOAST], 0, text);
}

static void
letter_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LoketClaimView *self = LOKET_CLAIM_VIEW (widget);
  LetterDocument *letter;
  LoketDocumentWindow *window;
  g_autofree char *file_name = NULL;

  if (self->claim == NULL || self->claim->letter_number == NULL)
    return;
  letter = g_new0 (LetterDocument, 1);
  letter->store = g_object_ref (self->store);
  letter->id = self->claim->id;
  {
    g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, self->claim->id);

    file_name = g_strdup_printf (_("claim-letter-%s.pdf"), number);
  }
  window = loket_document_window_new (GTK_WINDOW (gtk_widget_get_root (widget)), _("Claim Letter"),
                                      self->claim->letter_number, file_name, LETTER_PREVIEW_WIDTH,
                                      write_letter, letter, letter_document_free);
  g_signal_connect_object (window, "done", G_CALLBACK (letter_done_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
}

/* ---- the class ---------------------------------------------------------------- */

static void
loket_claim_view_dispose (GObject *object)
{
  LoketClaimView *self = LOKET_CLAIM_VIEW (object);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LOKET_TYPE_CLAIM_VIEW);
  g_clear_object (&self->store);
  g_clear_object (&self->claim);
  g_clear_pointer (&self->checks, g_ptr_array_unref);

  G_OBJECT_CLASS (loket_claim_view_parent_class)->dispose (object);
}

static void
loket_claim_view_class_init (LoketClaimViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = loket_claim_view_dispose;

  /* The claim moved on: lists showing it should follow. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* Something done that the window should say in a toast. */
  signals[TOAST] = g_signal_new ("toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/loket/Loket/loket-claim-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LoketClaimView, title_label);
  gtk_widget_class_bind_template_child (widget_class, LoketClaimView, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, LoketClaimView, status_badge);
  gtk_widget_class_bind_template_child (widget_class, LoketClaimView, verify_button);
  gtk_widget_class_bind_template_child (widget_class, LoketClaimView, approve_button);
  gtk_widget_class_bind_template_child (widget_class, LoketClaimView, reject_button);
  gtk_widget_class_bind_template_child (widget_class, LoketClaimView, paid_button);
  gtk_widget_class_bind_template_child (widget_class, LoketClaimView, letter_button);
  gtk_widget_class_bind_template_child (widget_class, LoketClaimView, message_label);
  gtk_widget_class_bind_template_child (widget_class, LoketClaimView, reasons_group);
  gtk_widget_class_bind_template_child (widget_class, LoketClaimView, lines_group);
  gtk_widget_class_bind_template_child (widget_class, LoketClaimView, facts_group);
  gtk_widget_class_bind_template_child (widget_class, LoketClaimView, documents_group);
  gtk_widget_class_bind_template_child (widget_class, LoketClaimView, history_group);

  gtk_widget_class_install_action (widget_class, "claim.verify", NULL, step_activated);
  gtk_widget_class_install_action (widget_class, "claim.approve", NULL, step_activated);
  gtk_widget_class_install_action (widget_class, "claim.paid", NULL, step_activated);
  gtk_widget_class_install_action (widget_class, "claim.reject", NULL, reject_activated);
  gtk_widget_class_install_action (widget_class, "claim.letter", NULL, letter_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "claim.letter", NULL);
}

static void
loket_claim_view_init (LoketClaimView *self)
{
  self->checks = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
loket_claim_view_set_store (LoketClaimView *self,
                            LoketStore     *store)
{
  g_return_if_fail (LOKET_IS_CLAIM_VIEW (self));
  g_set_object (&self->store, store);
}

LoketClaim *
loket_claim_view_get_claim (LoketClaimView *self)
{
  g_return_val_if_fail (LOKET_IS_CLAIM_VIEW (self), NULL);
  return self->claim;
}

const char *
loket_claim_view_get_message (LoketClaimView *self)
{
  g_return_val_if_fail (LOKET_IS_CLAIM_VIEW (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->message_label)) ? gtk_label_get_text (self->message_label)
                                                                   : NULL;
}
