/* loket-member-form.c
 *
 * A change in any field rebuilds a draft and asks the core about it: the
 * checks are pure functions over an in-memory rate book, so doing it on
 * every keystroke costs microseconds and never touches the database. Which
 * of the problems found are shown, and where, is loket-member-form-problems.c. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "loket-date.h"
#include "loket-format.h"
#include "loket-member-form-private.h"
#include "loket-problem.h"
#include "loket-registration.h"
#include "loket-whole-combo-row.h"

G_DEFINE_FINAL_TYPE (LoketMemberForm, loket_member_form, ADW_TYPE_BIN)

/* The LoketProblem field names, as the core writes them. */
static const char *const field_names[N_FIELDS] = {
  "nik", "name", "birth_date", "sex", "phone", "street", "rt", "rw", "village",
  "district", "regency", "province", "postcode", "region_code", "occupation",
  "segment", "programs", "income", "risk_class", "months",
};

/* The text fields of a member and the entries they come from. */
static const struct {
  FieldId field;
  gsize   offset;
} text_fields[] = {
  { FIELD_NIK, G_STRUCT_OFFSET (LoketMember, nik) },
  { FIELD_NAME, G_STRUCT_OFFSET (LoketMember, name) },
  { FIELD_PHONE, G_STRUCT_OFFSET (LoketMember, phone) },
  { FIELD_STREET, G_STRUCT_OFFSET (LoketMember, street) },
  { FIELD_RT, G_STRUCT_OFFSET (LoketMember, rt) },
  { FIELD_RW, G_STRUCT_OFFSET (LoketMember, rw) },
  { FIELD_VILLAGE, G_STRUCT_OFFSET (LoketMember, village) },
  { FIELD_DISTRICT, G_STRUCT_OFFSET (LoketMember, district) },
  { FIELD_REGENCY, G_STRUCT_OFFSET (LoketMember, regency) },
  { FIELD_PROVINCE, G_STRUCT_OFFSET (LoketMember, province) },
  { FIELD_POSTCODE, G_STRUCT_OFFSET (LoketMember, postcode) },
  { FIELD_REGION_CODE, G_STRUCT_OFFSET (LoketMember, region_code) },
  { FIELD_OCCUPATION, G_STRUCT_OFFSET (LoketMember, occupation) },
};

/* The template's ids of each field's row and of the message under it. */
static const struct {
  FieldId     field;
  const char *row;
  const char *note;
} field_widgets[] = {
  { FIELD_NIK, "nik_row", "nik_note" },
  { FIELD_NAME, "name_row", "name_note" },
  { FIELD_BIRTH_DATE, "birth_row", "birth_note" },
  { FIELD_SEX, "sex_row", "sex_note" },
  { FIELD_PHONE, "phone_row", "phone_note" },
  { FIELD_STREET, "street_row", NULL },
  { FIELD_RT, "rt_row", "rt_note" },
  { FIELD_RW, "rw_row", "rw_note" },
  { FIELD_VILLAGE, "village_row", NULL },
  { FIELD_DISTRICT, "district_row", NULL },
  { FIELD_REGENCY, "regency_row", NULL },
  { FIELD_PROVINCE, "province_row", NULL },
  { FIELD_POSTCODE, "postcode_row", "postcode_note" },
  { FIELD_REGION_CODE, "region_row", "region_note" },
  { FIELD_OCCUPATION, "occupation_row", NULL },
  { FIELD_SEGMENT, "segment_row", "segment_note" },
  { FIELD_PROGRAMS, NULL, "programs_note" },  /* its row is the first program's */
  { FIELD_INCOME, "income_row", "income_note" },
  { FIELD_RISK_CLASS, "risk_row", "risk_note" },
  { FIELD_MONTHS, NULL, NULL },  /* its row is the contribution view's */
};

/* The template's ids of the program rows, in loket_programs_in_order. */
static const char *const program_ids[N_PROGRAMS] = { "jkk", "jkm", "jht", "jp", "jkp" };
#define JKP_INDEX 4

enum {
  CHANGED,
  SUBMIT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

FieldId
loket_member_form_field_from_name (const char *name)
{
  for (guint i = 0; i < N_FIELDS; i++)
    if (g_strcmp0 (field_names[i], name) == 0)
      return i;
  return N_FIELDS;
}

static FieldId
field_from_row (LoketMemberForm *self,
                GtkWidget       *row)
{
  for (guint i = 0; i < N_FIELDS; i++)
    if (self->fields[i].row == row)
      return i;
  return N_FIELDS;
}

static const char *
field_text (LoketMemberForm *self,
            FieldId          field)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->fields[field].row));
}

/* The text with the spaces around it dropped, NULL when nothing is left:
 * a stray space is not something the clerk meant to type. */
static char *
dup_trimmed (LoketMemberForm *self,
             FieldId          field)
{
  char *text = g_strstrip (g_strdup (field_text (self, field)));

  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

static LoketSegment
current_segment (LoketMemberForm *self)
{
  guint selected = adw_combo_row_get_selected (FIELD_COMBO (self, FIELD_SEGMENT));

  return selected < LOKET_N_SEGMENTS ? (LoketSegment) selected : LOKET_SEGMENT_BPU;
}

static const char *
income_label (LoketSegment segment)
{
  return segment == LOKET_SEGMENT_BPU ? _("Declared income") : _("Wage");
}

/* The programs the fields ask for: the segment's required ones, and the
 * optional ones switched on. JKP is never asked for: the registration rules
 * add it for a wage earner young enough. */
static LoketPrograms
current_programs (LoketMemberForm *self)
{
  LoketSegment segment = current_segment (self);
  LoketPrograms allowed = loket_segment_allowed_programs (segment);

  return loket_segment_required_programs (segment)
         | (self->chosen & allowed & ~(LoketPrograms) LOKET_PROGRAM_JKP);
}

LoketMember *
loket_member_form_build_draft (LoketMemberForm *self,
                               GPtrArray       *parse_problems)
{
  LoketMember *draft = loket_member_new ();
  LoketSegment segment = current_segment (self);
  g_autofree char *birth = dup_trimmed (self, FIELD_BIRTH_DATE);
  g_autofree char *income = dup_trimmed (self, FIELD_INCOME);
  g_autoptr(GError) error = NULL;
  guint sex = adw_combo_row_get_selected (FIELD_COMBO (self, FIELD_SEX));
  guint risk = adw_combo_row_get_selected (FIELD_COMBO (self, FIELD_RISK_CLASS));

  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    {
      char **slot = G_STRUCT_MEMBER_P (draft, text_fields[i].offset);

      g_free (*slot);
      *slot = dup_trimmed (self, text_fields[i].field);
    }

  if (birth != NULL && !loket_date_parse_local (birth, _("Birth date"), &draft->birth_date, &error))
    {
      loket_problems_add (parse_problems, LOKET_SEVERITY_ERROR, "birth_date", "birth-date-format",
                          "%s", error->message);
      g_clear_error (&error);
    }

  draft->sex = sex == 1 ? 'L' : sex == 2 ? 'P' : 0;
  draft->segment = segment;
  draft->programs = current_programs (self);
  draft->risk_class = segment == LOKET_SEGMENT_PU && risk >= 1 && risk <= 5 ? (int) risk : 0;

  if (income != NULL && !loket_format_parse_rupiah (income, income_label (segment), &draft->income, &error))
    {
      loket_problems_add (parse_problems, LOKET_SEVERITY_ERROR, "income", "income-format",
                          "%s", error->message);
      g_clear_error (&error);
    }

  if (self->loaded != NULL)
    {
      draft->id = self->loaded->id;
      loket_member_set_string (&draft->kpj, self->loaded->kpj);
      draft->registered_on = self->loaded->registered_on;
    }
  return draft;
}

/* ---- the contribution ---- */

/* `checked` is the draft as the registration rules left it: JKP added for a
 * young wage earner, the occupation tidied. */
static void
update_contribution (LoketMemberForm *self,
                     LoketRateBook   *book,
                     LoketMember     *checked,
                     GPtrArray       *parse_problems)
{
  LoketContributionRequest request = { 0, };
  g_autofree char *income = dup_trimmed (self, FIELD_INCOME);

  request.segment = checked->segment;
  request.programs = checked->programs;
  request.income = checked->income;
  request.risk_class = checked->risk_class;
  request.months = loket_contribution_view_get_months (self->contribution_view);
  request.start = self->today;
  request.occupation = checked->occupation;

  if (book == NULL)
    loket_contribution_view_show_hint (self->contribution_view, NULL);
  else if (income == NULL)
    loket_contribution_view_show_hint (self->contribution_view,
                                       _("The contribution is shown once the income is typed."));
  else if (loket_member_form_any_problem_about (parse_problems, "income"))
    loket_contribution_view_show_hint (self->contribution_view,
                                       _("The contribution is shown once the income is an amount of rupiah."));
  else
    loket_contribution_view_show (self->contribution_view, book, &request);
}

/* ---- the segment ---- */

/* The rows that follow the segment: which programs it allows and requires
 * (JKP stays as the rules decided it for the draft), whether it has a risk
 * class, and what its income is called. */
static void
sync_segment (LoketMemberForm *self)
{
  LoketSegment segment = current_segment (self);

  self->freeze++;
  for (guint i = 0; i < N_PROGRAMS; i++)
    loket_program_row_follow_segment (self->program_rows[i], segment,
                                      (self->chosen & loket_programs_in_order[i]) != 0);

  gtk_widget_set_visible (FIELD_ROW (self, FIELD_RISK_CLASS), segment == LOKET_SEGMENT_PU);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (FIELD_ROW (self, FIELD_INCOME)),
                                 segment == LOKET_SEGMENT_BPU ? _("Declared monthly income")
                                                              : _("Monthly wage"));
  self->freeze--;
}

/* ---- keeping it all up to date ---- */

static void
run_checks (LoketMemberForm *self)
{
  g_autoptr(GPtrArray) parse_problems = loket_problems_new ();
  g_autoptr(GPtrArray) core_problems = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(LoketMember) draft = loket_member_form_build_draft (self, parse_problems);
  g_autoptr(LoketRateBook) book = NULL;

  if (self->store != NULL)
    book = loket_store_dup_rate_book (self->store, NULL);
  if (book != NULL)
    core_problems = loket_registration_check (draft, book, &self->today);
  problems = loket_member_form_merge_problems (parse_problems, core_problems);
  loket_member_form_display_problems (self, problems);

  /* The rules have now added JKP to the draft, or not. */
  self->freeze++;
  loket_program_row_set_active (self->program_rows[JKP_INDEX], (draft->programs & LOKET_PROGRAM_JKP) != 0);
  self->freeze--;

  update_contribution (self, book, draft, parse_problems);
}

static void
update (LoketMemberForm *self)
{
  if (self->freeze > 0)
    return;

  self->freeze++;
  loket_nik_autofill_fill (self->nik_autofill, field_text (self, FIELD_NIK), &self->today);
  self->freeze--;
  run_checks (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
field_changed_cb (LoketMemberForm *self,
                  GtkEditable     *editable)
{
  FieldId field = field_from_row (self, GTK_WIDGET (editable));

  if (self->freeze > 0)
    return;
  if (field < N_FIELDS)
    self->fields[field].dirty = TRUE;
  update (self);
}

/* A field speaks once the clerk has typed in it and moved on. */
static void
focus_left_cb (LoketMemberForm         *self,
               GtkEventControllerFocus *controller)
{
  FieldId field = field_from_row (self, gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));

  if (field < N_FIELDS && self->fields[field].dirty && !self->fields[field].revealed)
    {
      self->fields[field].revealed = TRUE;
      run_checks (self);
    }
}

static void
choice_changed_cb (LoketMemberForm *self,
                   GParamSpec      *pspec,
                   AdwComboRow     *row)
{
  FieldId field = field_from_row (self, GTK_WIDGET (row));

  if (self->freeze > 0)
    return;
  if (field < N_FIELDS)
    self->fields[field].dirty = self->fields[field].revealed = TRUE;
  update (self);
}

static void
segment_changed_cb (LoketMemberForm *self)
{
  sync_segment (self);
  if (self->freeze > 0)
    return;
  self->fields[FIELD_SEGMENT].dirty = self->fields[FIELD_SEGMENT].revealed = TRUE;
  update (self);
}

static void
months_changed_cb (LoketMemberForm *self)
{
  update (self);
}

static void
program_toggled_cb (LoketMemberForm *self,
                    LoketProgramRow *row)
{
  LoketProgram program = loket_program_row_get_program (row);

  if (self->freeze > 0)
    return;
  if (loket_program_row_get_active (row))
    self->chosen |= program;
  else
    self->chosen &= ~(LoketPrograms) program;
  self->fields[FIELD_PROGRAMS].dirty = self->fields[FIELD_PROGRAMS].revealed = TRUE;
  update (self);
}

/* Enter goes on to the next field, as Tab does; on the last one it asks
 * for the member to be saved. */
static void
entry_activated_cb (LoketMemberForm *self,
                    AdwEntryRow     *row)
{
  if (GTK_WIDGET (row) == self->fields[FIELD_INCOME].row
      || !gtk_widget_child_focus (GTK_WIDGET (self), GTK_DIR_TAB_FORWARD))
    g_signal_emit (self, signals[SUBMIT], 0);
}

/* ---- the class ---- */

static void
loket_member_form_dispose (GObject *object)
{
  LoketMemberForm *self = LOKET_MEMBER_FORM (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LOKET_TYPE_MEMBER_FORM);
  g_clear_object (&self->store);
  g_clear_object (&self->loaded);
  g_clear_object (&self->nik_autofill);

  G_OBJECT_CLASS (loket_member_form_parent_class)->dispose (object);
}

static void
loket_member_form_finalize (GObject *object)
{
  LoketMemberForm *self = LOKET_MEMBER_FORM (object);

  for (guint i = 0; i < N_FIELDS; i++)
    g_free (self->fields[i].message);

  G_OBJECT_CLASS (loket_member_form_parent_class)->finalize (object);
}

static void
loket_member_form_class_init (LoketMemberFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = loket_member_form_dispose;
  object_class->finalize = loket_member_form_finalize;

  /* Any field changed, by the clerk or by the form filling from the NIK. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* Enter in the last field: the clerk is done. */
  signals[SUBMIT] = g_signal_new ("submit", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (LOKET_TYPE_CONTRIBUTION_VIEW);
  g_type_ensure (LOKET_TYPE_FIELD_MESSAGE);
  g_type_ensure (LOKET_TYPE_PROGRAM_ROW);
  g_type_ensure (LOKET_TYPE_WHOLE_COMBO_ROW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/loket/Loket/loket-member-form.ui");
  gtk_widget_class_bind_template_child (widget_class, LoketMemberForm, general_label);
  gtk_widget_class_bind_template_child (widget_class, LoketMemberForm, contribution_view);
  for (guint i = 0; i < G_N_ELEMENTS (field_widgets); i++)
    {
      gssize field = G_STRUCT_OFFSET (LoketMemberForm, fields) + field_widgets[i].field * sizeof (Field);

      if (field_widgets[i].row != NULL)
        gtk_widget_class_bind_template_child_full (widget_class, field_widgets[i].row, FALSE,
                                                   field + G_STRUCT_OFFSET (Field, row));
      if (field_widgets[i].note != NULL)
        gtk_widget_class_bind_template_child_full (widget_class, field_widgets[i].note, FALSE,
                                                   field + G_STRUCT_OFFSET (Field, note));
    }
  for (guint i = 0; i < N_PROGRAMS; i++)
    {
      g_autofree char *row = g_strconcat (program_ids[i], "_row", NULL);

      /* Interned: the class refers to the name for as long as it lives. */
      gtk_widget_class_bind_template_child_full (widget_class, g_intern_string (row), FALSE,
                                                 G_STRUCT_OFFSET (LoketMemberForm, program_rows)
                                                 + i * sizeof (LoketProgramRow *));
    }
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, choice_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, segment_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, program_toggled_cb);
}

static void
loket_member_form_init (LoketMemberForm *self)
{
  g_autoptr(GtkStringList) segments = gtk_string_list_new (NULL);
  AdwComboRow *months_row;

  self->freeze++;
  gtk_widget_init_template (GTK_WIDGET (self));
  loket_date_set_today (&self->today);
  self->nik_autofill = loket_nik_autofill_new (GTK_EDITABLE (FIELD_ROW (self, FIELD_BIRTH_DATE)),
                                               FIELD_COMBO (self, FIELD_SEX),
                                               GTK_EDITABLE (FIELD_ROW (self, FIELD_PROVINCE)),
                                               GTK_EDITABLE (FIELD_ROW (self, FIELD_REGENCY)),
                                               GTK_EDITABLE (FIELD_ROW (self, FIELD_DISTRICT)),
                                               GTK_EDITABLE (FIELD_ROW (self, FIELD_REGION_CODE)));

  FIELD_ROW (self, FIELD_PROGRAMS) = GTK_WIDGET (self->program_rows[0]);
  for (guint i = 0; i < N_PROGRAMS; i++)
    loket_program_row_set_program (self->program_rows[i], loket_programs_in_order[i]);

  for (guint i = 0; i < LOKET_N_SEGMENTS; i++)
    gtk_string_list_append (segments, loket_segment_label (i));
  adw_combo_row_set_model (FIELD_COMBO (self, FIELD_SEGMENT), G_LIST_MODEL (segments));

  months_row = loket_contribution_view_get_months_row (self->contribution_view);
  FIELD_ROW (self, FIELD_MONTHS) = GTK_WIDGET (months_row);
  g_signal_connect_object (months_row, "notify::selected", G_CALLBACK (months_changed_cb), self, G_CONNECT_SWAPPED);

  /* Entries speak when left; choices as soon as they are made. */
  for (guint i = 0; i < N_FIELDS; i++)
    if (ADW_IS_ENTRY_ROW (self->fields[i].row))
      {
        GtkEventController *controller = gtk_event_controller_focus_new ();

        g_signal_connect_object (controller, "leave", G_CALLBACK (focus_left_cb), self, G_CONNECT_SWAPPED);
        gtk_widget_add_controller (self->fields[i].row, controller);
      }

  sync_segment (self);
  self->freeze--;
}

LoketMemberForm *
loket_member_form_new (void)
{
  return g_object_new (LOKET_TYPE_MEMBER_FORM, NULL);
}

void
loket_member_form_set_store (LoketMemberForm *self,
                             LoketStore      *store)
{
  g_return_if_fail (LOKET_IS_MEMBER_FORM (self));
  g_return_if_fail (store == NULL || LOKET_IS_STORE (store));

  if (g_set_object (&self->store, store))
    update (self);
}

void
loket_member_form_set_today (LoketMemberForm *self,
                             const GDate     *today)
{
  g_return_if_fail (LOKET_IS_MEMBER_FORM (self));
  g_return_if_fail (today != NULL && g_date_valid (today));

  self->today = *today;
  update (self);
}

/* `nik`: the NIK the fields are filled from already, if any. */
static void
clear_state (LoketMemberForm *self,
             const char      *nik)
{
  for (guint i = 0; i < N_FIELDS; i++)
    self->fields[i].dirty = self->fields[i].revealed = FALSE;
  loket_nik_autofill_reset (self->nik_autofill, nik);
  g_clear_object (&self->loaded);
}

void
loket_member_form_reset (LoketMemberForm *self)
{
  g_return_if_fail (LOKET_IS_MEMBER_FORM (self));

  self->freeze++;
  clear_state (self, NULL);
  for (guint i = 0; i < N_FIELDS; i++)
    if (ADW_IS_ENTRY_ROW (self->fields[i].row))
      gtk_editable_set_text (GTK_EDITABLE (self->fields[i].row), "");
  gtk_editable_set_editable (GTK_EDITABLE (FIELD_ROW (self, FIELD_NIK)), TRUE);
  adw_combo_row_set_selected (FIELD_COMBO (self, FIELD_SEX), 0);
  adw_combo_row_set_selected (FIELD_COMBO (self, FIELD_SEGMENT), LOKET_SEGMENT_BPU);
  adw_combo_row_set_selected (FIELD_COMBO (self, FIELD_RISK_CLASS), 0);
  adw_combo_row_set_selected (FIELD_COMBO (self, FIELD_MONTHS), 0);
  self->chosen = 0;
  sync_segment (self);
  self->freeze--;
  update (self);
}

void
loket_member_form_set_member (LoketMemberForm *self,
                              LoketMember     *member)
{
  g_autofree char *birth = NULL;
  g_autofree char *income = NULL;

  g_return_if_fail (LOKET_IS_MEMBER_FORM (self));
  g_return_if_fail (member == NULL || LOKET_IS_MEMBER (member));

  if (member == NULL)
    {
      loket_member_form_reset (self);
      return;
    }

  self->freeze++;
  /* The saved member's fields stay as saved: the NIK fills nothing in. */
  clear_state (self, member->nik);
  self->loaded = loket_member_copy (member);

  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    {
      const char *value = G_STRUCT_MEMBER (char *, member, text_fields[i].offset);
      gtk_editable_set_text (GTK_EDITABLE (self->fields[text_fields[i].field].row), value ? value : "");
    }
  birth = loket_format_date_numeric (&member->birth_date);
  gtk_editable_set_text (GTK_EDITABLE (FIELD_ROW (self, FIELD_BIRTH_DATE)), birth ? birth : "");
  income = member->income > 0 ? loket_format_rupiah (member->income) : g_strdup ("");
  gtk_editable_set_text (GTK_EDITABLE (FIELD_ROW (self, FIELD_INCOME)), income);
  gtk_editable_set_editable (GTK_EDITABLE (FIELD_ROW (self, FIELD_NIK)), FALSE);

  adw_combo_row_set_selected (FIELD_COMBO (self, FIELD_SEX), member->sex == 'L' ? 1 : member->sex == 'P' ? 2 : 0);
  adw_combo_row_set_selected (FIELD_COMBO (self, FIELD_SEGMENT), member->segment < LOKET_N_SEGMENTS ? member->segment : 0);
  adw_combo_row_set_selected (FIELD_COMBO (self, FIELD_RISK_CLASS), member->risk_class >= 1 && member->risk_class <= 5 ? member->risk_class : 0);
  adw_combo_row_set_selected (FIELD_COMBO (self, FIELD_MONTHS), 0);
  self->chosen = member->programs;
  sync_segment (self);
  self->freeze--;
  update (self);
}

LoketMember *
loket_member_form_dup_draft (LoketMemberForm *self)
{
  g_autoptr(GPtrArray) ignored = loket_problems_new ();

  g_return_val_if_fail (LOKET_IS_MEMBER_FORM (self), NULL);
  return loket_member_form_build_draft (self, ignored);
}

void
loket_member_form_focus (LoketMemberForm *self)
{
  g_return_if_fail (LOKET_IS_MEMBER_FORM (self));

  if (gtk_editable_get_editable (GTK_EDITABLE (FIELD_ROW (self, FIELD_NIK))))
    gtk_widget_grab_focus (FIELD_ROW (self, FIELD_NIK));
  else
    gtk_widget_grab_focus (FIELD_ROW (self, FIELD_NAME));
}

GtkWidget *
loket_member_form_get_field (LoketMemberForm *self,
                             const char      *field)
{
  FieldId id = loket_member_form_field_from_name (field);

  g_return_val_if_fail (LOKET_IS_MEMBER_FORM (self), NULL);
  g_return_val_if_fail (id < N_FIELDS, NULL);
  return self->fields[id].row;
}

const char *
loket_member_form_get_message (LoketMemberForm *self,
                               const char      *field)
{
  FieldId id = loket_member_form_field_from_name (field);

  g_return_val_if_fail (LOKET_IS_MEMBER_FORM (self), NULL);
  g_return_val_if_fail (id < N_FIELDS, NULL);
  return self->fields[id].message;
}
