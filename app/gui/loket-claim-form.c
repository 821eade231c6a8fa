/* loket-claim-form.c */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "loket-claim-form.h"
#include "loket-date.h"
#include "loket-format.h"
#include "loket-kpj.h"
#include "loket-problem.h"
#include "loket-rows.h"
#include "loket-staff.h"
#include "loket-store-claims.h"

struct _LoketClaimForm
{
  AdwBin               parent_instance;

  LoketStore          *store;         /* owned */
  LoketMember         *member;        /* owned, nullable: the one found */
  GPtrArray           *heirs;         /* LoketHeir *, owned: the claimant row's after the member */
  GArray              *kinds;         /* LoketClaimKind: the kind row's items */
  GPtrArray           *checks;        /* GtkCheckButton *, borrowed: the documents */
  LoketClaim          *preview;       /* owned, nullable */
  gboolean             filling;       /* rows being set up: no judging yet */

  /* template children, borrowed */
  AdwEntryRow         *member_row;
  AdwComboRow         *program_row;
  AdwComboRow         *kind_row;
  AdwEntryRow         *event_row;
  AdwActionRow        *months_off_row;
  GtkSpinButton       *months_off_spin;
  AdwComboRow         *claimant_row;
  AdwEntryRow         *account_row;
  AdwEntryRow         *description_row;
  AdwPreferencesGroup *documents_group;
  AdwPreferencesGroup *reasons_group;
  AdwPreferencesGroup *lines_group;
  GtkLabel            *total_label;
  GtkLabel            *verdict_label;
  GtkLabel            *message_label;
  AdwEntryRow         *heir_name_row;
  AdwEntryRow         *heir_nik_row;
  AdwComboRow         *heir_relation_row;
  AdwEntryRow         *heir_birth_row;
  AdwComboRow         *heir_school_row;
  AdwEntryRow         *heir_account_row;
  GtkLabel            *heir_message;
};

G_DEFINE_FINAL_TYPE (LoketClaimForm, loket_claim_form, ADW_TYPE_BIN)

enum {
  SUBMITTED,
  TOAST,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void judge (LoketClaimForm *self);

static void
show_message (LoketClaimForm *self,
              const char     *text)
{
  gtk_label_set_text (self->message_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), text != NULL);
}

static char *
row_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static LoketClaimProgram
chosen_program (LoketClaimForm *self)
{
  return (LoketClaimProgram) MIN (adw_combo_row_get_selected (self->program_row), LOKET_N_CLAIM_PROGRAMS - 1);
}

static GtkStringList *
string_list (void)
{
  return gtk_string_list_new (NULL);
}

/* ---- the member and their heirs ------------------------------------------ */

static void
fill_claimants (LoketClaimForm *self,
                gint64          chosen_heir)
{
  g_autoptr(GtkStringList) names = string_list ();
  guint selected = 0;

  g_ptr_array_set_size (self->heirs, 0);
  if (self->member != NULL)
    {
      g_autoptr(GPtrArray) heirs = loket_store_list_heirs (self->store, self->member->id, NULL);
      g_autofree char *own = g_strdup_printf (_("%s (the member)"), self->member->name);

      gtk_string_list_append (names, own);
      for (guint i = 0; heirs != NULL && i < heirs->len; i++)
        {
          LoketHeir *heir = g_ptr_array_index (heirs, i);
          g_autofree char *label = g_strdup_printf ("%s (%s)", heir->name, loket_heir_relation_label (heir->relation));

          gtk_string_list_append (names, label);
          g_ptr_array_add (self->heirs, g_object_ref (heir));
          if (heir->id == chosen_heir)
            selected = i + 1;
        }
    }
  self->filling = TRUE;
  adw_combo_row_set_model (self->claimant_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->claimant_row, selected);
  self->filling = FALSE;
}

static void
member_changed_cb (LoketClaimForm *self)
{
  g_autofree char *text = row_text (self->member_row);
  g_autoptr(LoketMember) member = NULL;

  if (self->store == NULL)
    return;
  /* Typing is not yet naming: a partial number finds nobody, quietly. */
  member = *text != '\0' ? loket_store_find_member_by_reference (self->store, text, NULL) : NULL;
  if (member == NULL && self->member == NULL)
    {
      judge (self);
      return;
    }
  g_set_object (&self->member, member);
  fill_claimants (self, 0);
  judge (self);
}

/* ---- the program's kinds and documents -------------------------------------- */

static void
fill_kinds (LoketClaimForm *self)
{
  g_autoptr(GtkStringList) labels = string_list ();
  LoketClaimProgram program = chosen_program (self);

  g_array_set_size (self->kinds, 0);
  for (guint kind = 0; kind < LOKET_N_CLAIM_KINDS; kind++)
    if (loket_claim_kind_fits (program, kind))
      {
        g_array_append_val (self->kinds, kind);
        gtk_string_list_append (labels, kind == LOKET_CLAIM_KIND_NONE ? _("Death")
                                                                    : loket_claim_kind_label (kind));
      }
  self->filling = TRUE;
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->kind_row, 0);
  self->filling = FALSE;
}

static void
fill_documents (LoketClaimForm *self)
{
  g_autoptr(LoketRateBook) book = loket_store_dup_rate_book (self->store, NULL);
  g_autoptr(GArray) documents = NULL;

  loket_group_clear (self->documents_group);
  g_ptr_array_set_size (self->checks, 0);
  if (book == NULL)
    return;
  documents = loket_claim_checklist_new (book, chosen_program (self));
  for (guint i = 0; i < documents->len; i++)
    {
      const LoketClaimDocument *document = &g_array_index (documents, LoketClaimDocument, i);
      GtkWidget *row = loket_value_row_new (loket_claim_document_label (document->code), NULL, NULL);
      GtkWidget *check = gtk_check_button_new ();

      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      g_object_set_data (G_OBJECT (check), "code", (gpointer) document->code);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      loket_group_add_row (self->documents_group, row);
      g_ptr_array_add (self->checks, check);
    }
}

static void
program_changed_cb (LoketClaimForm *self)
{
  if (self->store == NULL)
    return;
  fill_kinds (self);
  fill_documents (self);
  judge (self);
}

/* ---- judging ------------------------------------------------------------------ */

/* The request as the form says it; FALSE (with the message) when a field
 * cannot be read yet. `documents` holds the codes ticked. */
static gboolean
request_from_form (LoketClaimForm     *self,
                   LoketClaimRequest  *request,
                   GPtrArray          *documents,
                   char              **account,
                   char              **description,
                   GError            **error)
{
  g_autofree char *event = row_text (self->event_row);
  LoketClaimProgram program = chosen_program (self);
  LoketClaimKind kind = LOKET_CLAIM_KIND_NONE;
  guint claimant = adw_combo_row_get_selected (self->claimant_row);
  guint kind_position = adw_combo_row_get_selected (self->kind_row);

  loket_claim_request_init (request);
  request->program = program;
  if (kind_position < self->kinds->len)
    kind = g_array_index (self->kinds, LoketClaimKind, kind_position);
  request->kind = kind;
  if (!loket_date_parse_local (event, _("Event date"), &request->event_date, error))
    return FALSE;
  if (claimant > 0 && claimant <= self->heirs->len)
    request->claimant_heir_id = ((LoketHeir *) g_ptr_array_index (self->heirs, claimant - 1))->id;
  request->months_off = gtk_spin_button_get_value_as_int (self->months_off_spin);
  *account = row_text (self->account_row);
  request->bank_account = **account != '\0' ? *account : NULL;
  *description = row_text (self->description_row);
  request->description = **description != '\0' ? *description : NULL;
  for (guint i = 0; i < self->checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->checks, i)))
      g_ptr_array_add (documents, g_object_get_data (g_ptr_array_index (self->checks, i), "code"));
  g_ptr_array_add (documents, NULL);
  request->documents = (const char *const *) documents->pdata;
  return TRUE;
}

static void
show_judgement (LoketClaimForm *self)
{
  LoketClaim *claim = self->preview;

  loket_group_clear (self->reasons_group);
  loket_group_clear (self->lines_group);
  gtk_widget_set_visible (GTK_WIDGET (self->reasons_group), claim != NULL && claim->reasons->len > 0);
  if (claim == NULL)
    {
      gtk_label_set_text (self->total_label, "—");
      gtk_label_set_text (self->verdict_label, "");
      return;
    }
  for (guint i = 0; i < claim->reasons->len; i++)
    {
      const LoketClaimReason *reason = g_ptr_array_index (claim->reasons, i);
      GtkWidget *row = loket_value_row_new (reason->message, NULL, NULL);

      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
      loket_group_add_row (self->reasons_group, row);
    }
  for (guint i = 0; i < claim->lines->len; i++)
    {
      const LoketClaimLine *line = &g_array_index (claim->lines, LoketClaimLine, i);

      loket_group_add_row (self->lines_group, loket_amount_row_new (line->label, NULL, line->amount));
    }
  {
    g_autofree char *total = loket_format_rupiah (claim->total);
    g_autofree char *words = loket_format_terbilang (claim->total);
    g_autofree char *verdict = claim->eligible
      ? g_strdup_printf (_("Eligible · %s"), words)
      : g_strdup (_("Not eligible: the claim can be taken, to be rejected with a letter stating why."));

    gtk_label_set_text (self->total_label, total);
    gtk_label_set_text (self->verdict_label, verdict);
  }
}

/* The core judges the claim as it would take it, without writing. */
static void
judge (LoketClaimForm *self)
{
  g_autoptr(GPtrArray) documents = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *account = NULL;
  g_autofree char *description = NULL;
  LoketClaimRequest request;
  gboolean temporary;
  GDate today;

  if (self->store == NULL || self->filling)
    return;
  g_clear_object (&self->preview);
  temporary = adw_combo_row_get_selected (self->kind_row) < self->kinds->len
              && g_array_index (self->kinds, LoketClaimKind, adw_combo_row_get_selected (self->kind_row))
                 == LOKET_CLAIM_KIND_TEMPORARY;
  gtk_widget_set_visible (GTK_WIDGET (self->months_off_row), temporary);

  if (self->member == NULL)
    {
      g_autofree char *text = row_text (self->member_row);

      show_message (self, *text != '\0' ? _("Member: no member has this KPJ or NIK. Type all 11 digits of "
                                            "the KPJ or 16 of the NIK, or scan the card.")
                                        : NULL);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->member_row),
                                     _("Member: KPJ, NIK or scan the card"));
      show_judgement (self);
      return;
    }
  {
    g_autofree char *kpj = loket_kpj_format (self->member->kpj);
    g_autofree char *title = g_strdup_printf (_("Member: %s · %s"), self->member->name, kpj);

    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->member_row), title);
  }
  if (!request_from_form (self, &request, documents, &account, &description, &error))
    {
      g_autofree char *text = row_text (self->event_row);

      show_message (self, *text != '\0' ? error->message : NULL);
      show_judgement (self);
      return;
    }
  loket_date_set_today (&today);
  self->preview = loket_store_preview_claim (self->store, self->member->kpj, &request, &today, &error);
  show_message (self, self->preview == NULL ? error->message : NULL);
  show_judgement (self);
}

gint64
loket_claim_form_submit (LoketClaimForm *self)
{
  g_autoptr(GPtrArray) documents = g_ptr_array_new ();
  g_autoptr(LoketClaim) claim = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *account = NULL;
  g_autofree char *description = NULL;
  g_autofree char *clerk = loket_staff_current_name (NULL);
  LoketClaimRequest request;
  GDate today;

  g_return_val_if_fail (LOKET_IS_CLAIM_FORM (self), 0);

  if (self->member == NULL)
    {
      show_message (self, _("Member: type the KPJ or NIK of the member the claim is for, or scan the card."));
      gtk_widget_grab_focus (GTK_WIDGET (self->member_row));
      return 0;
    }
  if (!request_from_form (self, &request, documents, &account, &description, &error))
    {
      show_message (self, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->event_row));
      return 0;
    }
  request.clerk = clerk;
  loket_date_set_today (&today);
  claim = loket_store_submit_claim (self->store, self->member->kpj, &request, &today, NULL, &error);
  if (claim == NULL)
    {
      show_message (self, error->message);
      return 0;
    }
  g_signal_emit (self, signals[SUBMITTED], 0, claim->id);
  return claim->id;
}

static void
submit_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  loket_claim_form_submit (LOKET_CLAIM_FORM (widget));
}

/* ---- an heir ----------------------------------------------------------------- */

static void
add_heir_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  LoketClaimForm *self = LOKET_CLAIM_FORM (widget);
  g_autoptr(LoketHeir) draft = loket_heir_new ();
  g_autoptr(LoketHeir) saved = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *birth = row_text (self->heir_birth_row);
  g_autofree char *clerk = loket_staff_current_name (NULL);
  GDate today;

  gtk_widget_remove_css_class (GTK_WIDGET (self->heir_message), "success");
  gtk_widget_add_css_class (GTK_WIDGET (self->heir_message), "error");
  if (self->member == NULL)
    {
      gtk_label_set_text (self->heir_message, _("Member: choose the member first; the heir is recorded on them."));
      return;
    }
  draft->name = row_text (self->heir_name_row);
  draft->nik = row_text (self->heir_nik_row);
  draft->relation = (LoketHeirRelation) MIN (adw_combo_row_get_selected (self->heir_relation_row),
                                             LOKET_N_HEIR_RELATIONS - 1);
  draft->school_level = (LoketSchoolLevel) MIN (adw_combo_row_get_selected (self->heir_school_row),
                                                LOKET_N_SCHOOL_LEVELS - 1);
  draft->bank_account = row_text (self->heir_account_row);
  if (*draft->bank_account == '\0')
    g_clear_pointer (&draft->bank_account, g_free);
  if (!loket_date_parse_local (birth, _("Heir’s birth date"), &draft->birth_date, &error))
    {
      gtk_label_set_text (self->heir_message, error->message);
      return;
    }
  loket_date_set_today (&today);
  saved = loket_store_add_heir (self->store, self->member->kpj, draft, clerk, &today, &problems, &error);
  if (saved == NULL)
    {
      gtk_label_set_text (self->heir_message, error->message);
      return;
    }
  {
    g_autofree char *text = g_strdup_printf (_("%s recorded as the member’s heir."), saved->name);

    gtk_label_set_text (self->heir_message, text);
    gtk_widget_remove_css_class (GTK_WIDGET (self->heir_message), "error");
    gtk_widget_add_css_class (GTK_WIDGET (self->heir_message), "success");
  }
  gtk_editable_set_text (GTK_EDITABLE (self->heir_name_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->heir_nik_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->heir_birth_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->heir_account_row), "");
  /* The heir just recorded is usually the one claiming. */
  fill_claimants (self, saved->id);
  judge (self);
}

/* ---- the class ---------------------------------------------------------------- */

static void
loket_claim_form_dispose (GObject *object)
{
  LoketClaimForm *self = LOKET_CLAIM_FORM (object);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LOKET_TYPE_CLAIM_FORM);
  g_clear_object (&self->store);
  g_clear_object (&self->member);
  g_clear_object (&self->preview);
  g_clear_pointer (&self->heirs, g_ptr_array_unref);
  g_clear_pointer (&self->kinds, g_array_unref);
  g_clear_pointer (&self->checks, g_ptr_array_unref);

  G_OBJECT_CLASS (loket_claim_form_parent_class)->dispose (object);
}

static void
loket_claim_form_class_init (LoketClaimFormClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = loket_claim_form_dispose;

  /* Taken: the claim's id. */
  signals[SUBMITTED] = g_signal_new ("submitted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[TOAST] = g_signal_new ("toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/loket/Loket/loket-claim-form.ui");
  gtk_widget_class_bind_template_child (widget_class, LoketClaimForm, member_row);
  gtk_widget_class_bind_template_child (widget_class, LoketClaimForm, program_row);
  gtk_widget_class_bind_template_child (widget_class, LoketClaimForm, kind_row);
  gtk_widget_class_bind_template_child (widget_class, LoketClaimForm, event_row);
  gtk_widget_class_bind_template_child (widget_class, LoketClaimForm, months_off_row);
  gtk_widget_class_bind_template_child (widget_class, LoketClaimForm, months_off_spin);
  gtk_widget_class_bind_template_child (widget_class, LoketClaimForm, claimant_row);
  gtk_widget_class_bind_template_child (widget_class, LoketClaimForm, account_row);
  gtk_widget_class_bind_template_child (widget_class, LoketClaimForm, description_row);
  gtk_widget_class_bind_template_child (widget_class, LoketClaimForm, documents_group);
  gtk_widget_class_bind_template_child (widget_class, LoketClaimForm, reasons_group);
  gtk_widget_class_bind_template_child (widget_class, LoketClaimForm, lines_group);
  gtk_widget_class_bind_template_child (widget_class, LoketClaimForm, total_label);
  gtk_widget_class_bind_template_child (widget_class, LoketClaimForm, verdict_label);
  gtk_widget_class_bind_template_child (widget_class, LoketClaimForm, message_label);
  gtk_widget_class_bind_template_child (widget_class, LoketClaimForm, heir_name_row);
  gtk_widget_class_bind_template_child (widget_class, LoketClaimForm, heir_nik_row);
  gtk_widget_class_bind_template_child (widget_class, LoketClaimForm, heir_relation_row);
  gtk_widget_class_bind_template_child (widget_class, LoketClaimForm, heir_birth_row);
  gtk_widget_class_bind_template_child (widget_class, LoketClaimForm, heir_school_row);
  gtk_widget_class_bind_template_child (widget_class, LoketClaimForm, heir_account_row);
  gtk_widget_class_bind_template_child (widget_class, LoketClaimForm, heir_message);
  gtk_widget_class_bind_template_callback (widget_class, member_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, program_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, judge);

  gtk_widget_class_install_action (widget_class, "claim-form.submit", NULL, submit_activated);
  gtk_widget_class_install_action (widget_class, "claim-form.add-heir", NULL, add_heir_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "claim-form.submit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "claim-form.submit", NULL);
}

static void
loket_claim_form_init (LoketClaimForm *self)
{
  g_autoptr(GtkStringList) programs = string_list ();
  g_autoptr(GtkStringList) relations = string_list ();
  g_autoptr(GtkStringList) schools = string_list ();

  self->heirs = g_ptr_array_new_with_free_func (g_object_unref);
  self->kinds = g_array_new (FALSE, FALSE, sizeof (LoketClaimKind));
  self->checks = g_ptr_array_new ();
  self->filling = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < LOKET_N_CLAIM_PROGRAMS; i++)
    gtk_string_list_append (programs, loket_claim_program_label (i));
  adw_combo_row_set_model (self->program_row, G_LIST_MODEL (programs));
  for (guint i = 0; i < LOKET_N_HEIR_RELATIONS; i++)
    gtk_string_list_append (relations, loket_heir_relation_label (i));
  adw_combo_row_set_model (self->heir_relation_row, G_LIST_MODEL (relations));
  gtk_string_list_append (schools, _("Not at school"));
  for (guint i = LOKET_SCHOOL_TK; i < LOKET_N_SCHOOL_LEVELS; i++)
    gtk_string_list_append (schools, loket_school_level_label (i));
  adw_combo_row_set_model (self->heir_school_row, G_LIST_MODEL (schools));
  self->filling = FALSE;
}

void
loket_claim_form_set_store (LoketClaimForm *self,
                            LoketStore     *store)
{
  g_return_if_fail (LOKET_IS_CLAIM_FORM (self));
  g_set_object (&self->store, store);
}

void
loket_claim_form_reset (LoketClaimForm *self,
                        LoketMember    *member)
{
  g_return_if_fail (LOKET_IS_CLAIM_FORM (self));
  g_return_if_fail (self->store != NULL);

  self->filling = TRUE;
  g_set_object (&self->member, member);
  gtk_editable_set_text (GTK_EDITABLE (self->member_row), member != NULL ? member->kpj : "");
  gtk_editable_set_text (GTK_EDITABLE (self->event_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->account_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->description_row), "");
  gtk_spin_button_set_value (self->months_off_spin, 0);
  adw_combo_row_set_selected (self->program_row, LOKET_CLAIM_JKM);
  gtk_label_set_text (self->heir_message, "");
  self->filling = FALSE;
  fill_claimants (self, 0);
  fill_kinds (self);
  fill_documents (self);
  judge (self);
}

void
loket_claim_form_focus (LoketClaimForm *self)
{
  g_return_if_fail (LOKET_IS_CLAIM_FORM (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->member == NULL ? self->member_row : self->event_row));
}

void
loket_claim_form_set_member_text (LoketClaimForm *self,
                                  const char     *text)
{
  g_return_if_fail (LOKET_IS_CLAIM_FORM (self));
  gtk_editable_set_text (GTK_EDITABLE (self->member_row), text);
}

void
loket_claim_form_set_program (LoketClaimForm    *self,
                              LoketClaimProgram  program)
{
  g_return_if_fail (LOKET_IS_CLAIM_FORM (self));
  adw_combo_row_set_selected (self->program_row, program);
}

void
loket_claim_form_set_event_date_text (LoketClaimForm *self,
                                      const char     *text)
{
  g_return_if_fail (LOKET_IS_CLAIM_FORM (self));
  gtk_editable_set_text (GTK_EDITABLE (self->event_row), text);
}

void
loket_claim_form_set_claimant (LoketClaimForm *self,
                               gint64          heir_id)
{
  g_return_if_fail (LOKET_IS_CLAIM_FORM (self));
  for (guint i = 0; i < self->heirs->len; i++)
    if (((LoketHeir *) g_ptr_array_index (self->heirs, i))->id == heir_id)
      adw_combo_row_set_selected (self->claimant_row, i + 1);
}

LoketClaim *
loket_claim_form_get_preview (LoketClaimForm *self)
{
  g_return_val_if_fail (LOKET_IS_CLAIM_FORM (self), NULL);
  return self->preview;
}

const char *
loket_claim_form_get_message (LoketClaimForm *self)
{
  g_return_val_if_fail (LOKET_IS_CLAIM_FORM (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->message_label)) ? gtk_label_get_text (self->message_label)
                                                                   : NULL;
}
