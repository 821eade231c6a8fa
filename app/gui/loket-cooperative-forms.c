/* loket-cooperative-forms.c: the cooperative page's forms: a PKS, an
 * officer, an agent, and the cooperative's own details, each saved through
 * the core's rules with every problem shown under its field. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "loket-cooperative-page-private.h"
#include "loket-date.h"
#include "loket-error.h"
#include "loket-format.h"
#include "loket-kpj.h"
#include "loket-program-row.h"
#include "loket-store-cooperatives.h"

/* ---- the forms ----------------------------------------------------------- */

static const LoketProgram form_programs[] = {
  LOKET_PROGRAM_JKK, LOKET_PROGRAM_JKM, LOKET_PROGRAM_JHT, LOKET_PROGRAM_JP,
};
static const int payment_months[] = { 1, 3, 6, 12 };

static LoketForm *
current_form (LoketCooperativePage *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->stack);

  if (g_strcmp0 (name, "pks") == 0)
    return self->pks_form;
  if (g_strcmp0 (name, "officer") == 0)
    return self->officer_form;
  if (g_strcmp0 (name, "agent") == 0)
    return self->agent_form;
  if (g_strcmp0 (name, "edit") == 0)
    return self->edit_form;
  return NULL;
}

static void
follow_segment (LoketCooperativePage *self)
{
  LoketSegment segment = (LoketSegment) loket_form_get_selected (self->pks_form, "segment");

  for (guint i = 0; i < G_N_ELEMENTS (form_programs); i++)
    {
      LoketProgramRow *row = LOKET_PROGRAM_ROW (self->program_rows[i]);
      loket_program_row_follow_segment (row, segment, loket_program_row_get_active (row));
    }
}

static void
segment_changed_cb (LoketCooperativePage *self)
{
  follow_segment (self);
}

static void
payer_changed_cb (LoketCooperativePage *self)
{
  LoketPayer payer = (LoketPayer) loket_form_get_selected (self->pks_form, "payer");
  gboolean named = payer == LOKET_PAYER_SPONSOR || payer == LOKET_PAYER_PEMDA;

  gtk_widget_set_visible (loket_form_get_row (self->pks_form, "sponsor_name"), named);
  if (!named)
    gtk_widget_set_visible (loket_form_get_message (self->pks_form, "sponsor_name"), FALSE);
}

void
loket_cooperative_page_build_forms (LoketCooperativePage *self)
{
  LoketForm *form;
  const char *segments[LOKET_N_SEGMENTS + 1] = { NULL };
  const char *periods[] = { _("Every month"), _("Every 3 months"), _("Every 6 months"),
                            _("Every 12 months"), NULL };
  const char *payers[] = { _("The members"), _("The cooperative"), _("A sponsor or CSR"),
                           _("Local government (Pemda)"), NULL };
  const char *kinds[] = { loket_cooperative_kind_label (LOKET_COOPERATIVE_KDMP),
                          loket_cooperative_kind_label (LOKET_COOPERATIVE_KKMP),
                          loket_cooperative_kind_label (LOKET_COOPERATIVE_OTHER), NULL };
  const char *statuses[] = { _("Active"), _("Inactive"), NULL };

  for (int i = 0; i < LOKET_N_SEGMENTS; i++)
    segments[i] = loket_segment_label (i);

  /* PKS */
  form = self->pks_form = loket_form_new (_("New Partnership Agreement (PKS)"), _("_Save PKS"),
                                          "cooperative.cancel", "cooperative.save");
  loket_form_add_group (form, _("Agreement"));
  loket_form_add_entry (form, "number", _("PKS Number"));
  loket_form_add_entry (form, "signed_on", _("Signed On (dd/mm/yyyy)"));
  loket_form_add_entry (form, "valid_from", _("Valid From (dd/mm/yyyy)"));
  loket_form_add_entry (form, "valid_until", _("Valid Until (dd/mm/yyyy)"));
  loket_form_add_group (form, _("Programs"));
  g_signal_connect_swapped (loket_form_add_combo (form, "segment", _("Segment"), segments),
                            "notify::selected", G_CALLBACK (segment_changed_cb), self);
  for (guint i = 0; i < G_N_ELEMENTS (form_programs); i++)
    {
      self->program_rows[i] = loket_program_row_new ();
      loket_program_row_set_program (LOKET_PROGRAM_ROW (self->program_rows[i]), form_programs[i]);
      loket_form_add_row (form, i == 0 ? "programs" : NULL, self->program_rows[i]);
    }
  loket_form_add_group (form, _("Payment"));
  loket_form_add_entry (form, "base_income", _("Base Declared Income (Rp)"));
  loket_form_add_combo (form, "payment_months", _("Payment Period"), periods);
  g_signal_connect_swapped (loket_form_add_combo (form, "payer", _("Paid By"), payers),
                            "notify::selected", G_CALLBACK (payer_changed_cb), self);
  loket_form_add_entry (form, "sponsor_name", _("Sponsor or Local Government Name"));
  loket_form_add_entry (form, "agent", _("Agent’s KPJ (optional)"));
  gtk_stack_add_named (self->stack, loket_form_get_widget (form), "pks");
  follow_segment (self);
  payer_changed_cb (self);

  /* officer */
  form = self->officer_form = loket_form_new (_("New Officer"), _("_Save Officer"),
                                              "cooperative.cancel", "cooperative.save");
  loket_form_add_group (form, NULL);
  loket_form_add_entry (form, "officer_name", _("Name"));
  loket_form_add_entry (form, "officer_role", _("Role (ketua, sekretaris, bendahara…)"));
  loket_form_add_entry (form, "officer_nik", _("NIK (optional)"));
  loket_form_add_entry (form, "officer_phone", _("Phone (optional)"));
  gtk_stack_add_named (self->stack, loket_form_get_widget (form), "officer");

  /* agent */
  form = self->agent_form = loket_form_new (_("New Agent (Agen Perisai)"), _("_Appoint Agent"),
                                            "cooperative.cancel", "cooperative.save");
  loket_form_add_group (form, NULL);
  loket_form_add_entry (form, "kpj", _("KPJ of a Registered BPU Member"));
  loket_form_add_entry (form, "kantor_perisai", _("Kantor Perisai"));
  gtk_stack_add_named (self->stack, loket_form_get_widget (form), "agent");

  /* the cooperative itself */
  form = self->edit_form = loket_form_new (_("Edit Cooperative"), _("_Save Changes"),
                                           "cooperative.cancel", "cooperative.save");
  loket_form_add_group (form, NULL);
  loket_form_add_entry (form, "name", _("Name"));
  loket_form_add_combo (form, "kind", _("Type"), kinds);
  loket_form_add_entry (form, "ahu", _("AHU Number (AHU-0025673.AH.01.29.TAHUN 2025)"));
  loket_form_add_entry (form, "region_code", _("Region Code (52.03.01)"));
  loket_form_add_entry (form, "potential", _("Potential Members"));
  loket_form_add_combo (form, "inactive", _("Status"), statuses);
  gtk_stack_add_named (self->stack, loket_form_get_widget (form), "edit");
}

static void
fill_edit_form (LoketCooperativePage *self)
{
  LoketCooperative *coop = self->cooperative;
  g_autofree char *potential = coop->potential >= 0 ? loket_cooperative_page_format_count (coop->potential) : NULL;

  loket_form_set_text (self->edit_form, "name", coop->name);
  loket_form_set_selected (self->edit_form, "kind", coop->kind);
  loket_form_set_text (self->edit_form, "ahu", coop->ahu);
  loket_form_set_text (self->edit_form, "region_code", coop->region_code);
  loket_form_set_text (self->edit_form, "potential", potential);
  loket_form_set_selected (self->edit_form, "inactive", coop->inactive ? 1 : 0);
}

void
loket_cooperative_page_show_form (LoketCooperativePage *self,
                                  const char           *name)
{
  LoketForm *form;

  g_return_if_fail (LOKET_IS_COOPERATIVE_PAGE (self));

  if (self->cooperative == NULL)
    return;
  gtk_stack_set_visible_child_name (self->stack, name);
  form = current_form (self);
  g_return_if_fail (form != NULL);
  loket_form_reset (form);
  if (form == self->pks_form)
    {
      for (guint i = 0; i < G_N_ELEMENTS (form_programs); i++)
        loket_program_row_set_active (LOKET_PROGRAM_ROW (self->program_rows[i]), FALSE);
      follow_segment (self);
      payer_changed_cb (self);
    }
  else if (form == self->edit_form)
    fill_edit_form (self);
  loket_form_focus (form);
}

gboolean
loket_cooperative_page_get_form_shown (LoketCooperativePage *self)
{
  g_return_val_if_fail (LOKET_IS_COOPERATIVE_PAGE (self), FALSE);
  return current_form (self) != NULL;
}

const char *
loket_cooperative_page_get_form_name (LoketCooperativePage *self)
{
  g_return_val_if_fail (LOKET_IS_COOPERATIVE_PAGE (self), NULL);
  return current_form (self) ? gtk_stack_get_visible_child_name (self->stack) : NULL;
}

GtkWidget *
loket_cooperative_page_get_form_row (LoketCooperativePage *self,
                                     const char           *field)
{
  LoketForm *form = current_form (self);

  return form ? loket_form_get_row (form, field) : NULL;
}

GtkWidget *
loket_cooperative_page_get_form_message (LoketCooperativePage *self,
                                         const char           *field)
{
  LoketForm *form = current_form (self);

  return form ? loket_form_get_message (form, field) : NULL;
}

void
loket_cooperative_page_close_form (LoketCooperativePage *self)
{
  LoketForm *form;

  g_return_if_fail (LOKET_IS_COOPERATIVE_PAGE (self));

  form = current_form (self);
  if (form != NULL)
    loket_form_reset (form);
  gtk_stack_set_visible_child_name (self->stack, "details");
}

static void
open_form_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  LoketCooperativePage *self = LOKET_COOPERATIVE_PAGE (widget);

  if (g_str_equal (action_name, "cooperative.add-pks"))
    loket_cooperative_page_show_form (self, "pks");
  else if (g_str_equal (action_name, "cooperative.add-officer"))
    loket_cooperative_page_show_form (self, "officer");
  else if (g_str_equal (action_name, "cooperative.add-agent"))
    loket_cooperative_page_show_form (self, "agent");
  else
    loket_cooperative_page_show_form (self, "edit");
}

static void
cancel_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  loket_cooperative_page_close_form (LOKET_COOPERATIVE_PAGE (widget));
}

/* A date typed dd/mm/yyyy into `field`; FALSE with the message under the
 * field when it cannot be read. Empty leaves `out` cleared for the core. */
static gboolean
read_date (LoketForm  *form,
           const char *field,
           const char *label,
           GDate      *out)
{
  g_autofree char *text = loket_form_dup_text (form, field);
  g_autoptr(GError) error = NULL;

  g_date_clear (out, 1);
  if (text == NULL)
    return TRUE;
  if (loket_date_parse_local (text, label, out, &error))
    return TRUE;
  loket_form_show_message (form, field, FALSE, error->message);
  return FALSE;
}

/* "3.000" → 3000; -1 when empty; FALSE with a message when not a count. */
static gboolean
read_count (LoketForm  *form,
            const char *field,
            gint64     *out)
{
  g_autofree char *text = loket_form_dup_text (form, field);
  g_autoptr(GString) digits = g_string_new (NULL);
  gboolean ok = TRUE;

  *out = -1;
  if (text == NULL)
    return TRUE;
  for (const char *p = text; *p; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (digits, *p);
    else if (*p != '.' && *p != ' ')
      ok = FALSE;
  if (!ok || digits->len == 0 || digits->len > 12)
    {
      loket_form_show_message (form, field, FALSE,
                               _("Type the potential as a whole number of people, such as 3000."));
      return FALSE;
    }
  *out = g_ascii_strtoll (digits->str, NULL, 10);
  return TRUE;
}

static void
saved (LoketCooperativePage *self,
       const char           *toast,
       GPtrArray            *problems)
{
  g_autofree char *text = g_strdup (toast);

  /* A warning of the core (not yet in force, …) goes with it: the form
   * that could show it under its field is gone. */
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      LoketProblem *problem = g_ptr_array_index (problems, i);

      if (problem->severity != LOKET_SEVERITY_ERROR)
        {
          char *joined = g_strdup_printf ("%s. %s", text, problem->message);

          g_free (text);
          text = joined;
          break;
        }
    }
  loket_cooperative_page_close_form (self);
  loket_cooperative_page_reload (self);
  g_signal_emit (self, loket_cooperative_page_signals[TOAST], 0, text);
  g_signal_emit (self, loket_cooperative_page_signals[CHANGED], 0);
}

static gboolean
has_errors (GPtrArray *problems)
{
  return problems != NULL && loket_problems_count (problems, LOKET_SEVERITY_ERROR) > 0;
}

static void
save_pks (LoketCooperativePage *self)
{
  LoketForm *form = self->pks_form;
  g_autoptr(LoketPartnership) draft = loket_partnership_new ();
  g_autoptr(LoketPartnership) result = NULL;
  g_autoptr(LoketPartnership) replaced = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *income = loket_form_dup_text (form, "base_income");
  g_autofree char *toast = NULL;
  gboolean ok = TRUE;
  GDate today;

  draft->cooperative_id = self->cooperative->id;
  draft->number = loket_form_dup_text (form, "number");
  ok &= read_date (form, "signed_on", _("Signed on"), &draft->signed_on);
  ok &= read_date (form, "valid_from", _("Valid from"), &draft->valid_from);
  ok &= read_date (form, "valid_until", _("Valid until"), &draft->valid_until);
  draft->segment = (LoketSegment) loket_form_get_selected (form, "segment");
  for (guint i = 0; i < G_N_ELEMENTS (form_programs); i++)
    if (gtk_widget_get_visible (self->program_rows[i])
        && loket_program_row_get_active (LOKET_PROGRAM_ROW (self->program_rows[i])))
      draft->programs |= form_programs[i];
  if (income != NULL && !loket_format_parse_rupiah (income, _("Base declared income"), &draft->base_income, &error))
    {
      loket_form_show_message (form, "base_income", FALSE, error->message);
      g_clear_error (&error);
      ok = FALSE;
    }
  draft->payment_months = payment_months[MIN (loket_form_get_selected (form, "payment_months"), 3)];
  draft->payer = (LoketPayer) loket_form_get_selected (form, "payer");
  if (gtk_widget_get_visible (loket_form_get_row (form, "sponsor_name")))
    draft->sponsor_name = loket_form_dup_text (form, "sponsor_name");
  draft->agent_kpj = loket_form_dup_text (form, "agent");
  if (!ok)
    {
      loket_form_focus_error (form);
      return;
    }

  loket_date_set_today (&today);
  result = loket_store_add_partnership (self->store, draft, &today, &replaced, &problems, &error);
  loket_form_show_problems (form, problems);
  if (result == NULL)
    {
      if (!has_errors (problems))
        {
          if (g_error_matches (error, LOKET_ERROR, LOKET_ERROR_CONFLICT))
            loket_form_show_message (form, "number", FALSE, error->message);
          else if (draft->agent_kpj != NULL && g_error_matches (error, LOKET_ERROR, LOKET_ERROR_NOT_FOUND))
            loket_form_show_message (form, "agent", FALSE, error->message);
          else
            loket_form_show_message (form, NULL, FALSE, error->message);
        }
      return;
    }
  if (replaced != NULL)
    /* Translators: the new PKS's number and the one it replaced */
    toast = g_strdup_printf (_("PKS %s saved. It replaces PKS %s, which is now ended."),
                             result->number, replaced->number);
  else
    toast = g_strdup_printf (_("PKS %s saved"), result->number);
  saved (self, toast, problems);
}

static void
save_officer (LoketCooperativePage *self)
{
  LoketForm *form = self->officer_form;
  g_autoptr(LoketCooperativeOfficer) draft = loket_cooperative_officer_new ();
  g_autoptr(LoketCooperativeOfficer) result = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *toast = NULL;
  GDate today;

  draft->name = loket_form_dup_text (form, "officer_name");
  draft->role = loket_form_dup_text (form, "officer_role");
  draft->nik = loket_form_dup_text (form, "officer_nik");
  draft->phone = loket_form_dup_text (form, "officer_phone");
  loket_date_set_today (&today);
  result = loket_store_add_officer (self->store, self->cooperative->id, draft, &today, &problems, &error);
  loket_form_show_problems (form, problems);
  if (result == NULL)
    {
      if (!has_errors (problems))
        loket_form_show_message (form, NULL, FALSE, error->message);
      return;
    }
  toast = g_strdup_printf (_("Added %s"), result->name);
  saved (self, toast, problems);
}

static void
save_agent (LoketCooperativePage *self)
{
  LoketForm *form = self->agent_form;
  g_autoptr(LoketAgent) draft = loket_agent_new ();
  g_autoptr(LoketAgent) result = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *toast = NULL;
  gint64 id = self->cooperative->id;
  GDate today;

  draft->kpj = loket_form_dup_text (form, "kpj");
  draft->kantor_perisai = loket_form_dup_text (form, "kantor_perisai");
  g_array_append_val (draft->cooperative_ids, id);
  loket_date_set_today (&today);
  result = loket_store_add_agent (self->store, draft, &today, &problems, &error);
  loket_form_show_problems (form, problems);
  if (result == NULL)
    {
      if (!has_errors (problems))
        loket_form_show_message (form, "kpj", FALSE, error->message);
      return;
    }
  toast = g_strdup_printf (_("%s appointed as an agent"), result->name ? result->name : result->kpj);
  saved (self, toast, problems);
}

static void
save_edit (LoketCooperativePage *self)
{
  LoketForm *form = self->edit_form;
  g_autoptr(LoketCooperative) changed = loket_cooperative_copy (self->cooperative);
  g_autoptr(LoketCooperative) result = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  GDate today;

  g_free (changed->name);
  changed->name = loket_form_dup_text (form, "name");
  changed->kind = (LoketCooperativeKind) loket_form_get_selected (form, "kind");
  g_free (changed->ahu);
  changed->ahu = loket_form_dup_text (form, "ahu");
  g_free (changed->region_code);
  changed->region_code = loket_form_dup_text (form, "region_code");
  changed->inactive = loket_form_get_selected (form, "inactive") == 1;
  if (!read_count (form, "potential", &changed->potential))
    return;

  loket_date_set_today (&today);
  result = loket_store_update_cooperative (self->store, changed, &today, &problems, &error);
  loket_form_show_problems (form, problems);
  if (result == NULL)
    {
      if (!has_errors (problems))
        loket_form_show_message (form, g_error_matches (error, LOKET_ERROR, LOKET_ERROR_CONFLICT) ? "ahu" : NULL,
                                 FALSE, error->message);
      return;
    }
  saved (self, _("Changes saved"), problems);
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  LoketCooperativePage *self = LOKET_COOPERATIVE_PAGE (widget);
  LoketForm *form = current_form (self);

  if (form == NULL || self->cooperative == NULL)
    return;
  loket_form_clear_messages (form);
  if (form == self->pks_form)
    save_pks (self);
  else if (form == self->officer_form)
    save_officer (self);
  else if (form == self->agent_form)
    save_agent (self);
  else
    save_edit (self);
}

void
loket_cooperative_page_install_form_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "cooperative.add-pks", NULL, open_form_activated);
  gtk_widget_class_install_action (widget_class, "cooperative.add-officer", NULL, open_form_activated);
  gtk_widget_class_install_action (widget_class, "cooperative.add-agent", NULL, open_form_activated);
  gtk_widget_class_install_action (widget_class, "cooperative.edit", NULL, open_form_activated);
  gtk_widget_class_install_action (widget_class, "cooperative.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "cooperative.cancel", NULL, cancel_activated);
}
