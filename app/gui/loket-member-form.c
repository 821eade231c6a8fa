/* loket-member-form.c
 *
 * A change in any field rebuilds a draft and asks the core about it: the
 * checks are pure functions over an in-memory rate book, so doing it on
 * every keystroke costs microseconds and never touches the database.
 *
 * Not every problem is shown at once: a field speaks once the clerk has
 * typed in it and moved on, or once a save has been tried ("reward early,
 * punish late"), so the form does not start out covered in red. The NIK is
 * the exception: its mistakes (a wrong province, an impossible date) show as
 * they are typed, and only its length waits until the 16th digit. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "loket-contribution.h"
#include "loket-date.h"
#include "loket-format.h"
#include "loket-member-form.h"
#include "loket-nik.h"
#include "loket-problem.h"
#include "loket-registration.h"

/* ---- LoketNoteRow: a row that only shows something ---- */

/* A message under a field, or a line of the contribution. GtkListBox moves
 * Tab to the next sensitive row and gives up on the whole list when that row
 * takes no focus, which would skip every field below a message; so this row
 * hands the focus on to its neighbour instead. */
#define LOKET_TYPE_NOTE_ROW (loket_note_row_get_type ())
G_DECLARE_FINAL_TYPE (LoketNoteRow, loket_note_row, LOKET, NOTE_ROW, AdwActionRow)

struct _LoketNoteRow
{
  AdwActionRow  parent_instance;
  GtkImage     *icon;  /* borrowed, NULL until there is a message */
};

G_DEFINE_FINAL_TYPE (LoketNoteRow, loket_note_row, ADW_TYPE_ACTION_ROW)

static gboolean
loket_note_row_focus (GtkWidget        *widget,
                      GtkDirectionType  direction)
{
  gboolean forward = direction == GTK_DIR_TAB_FORWARD || direction == GTK_DIR_DOWN;
  GtkWidget *next = widget;

  if (!forward && direction != GTK_DIR_TAB_BACKWARD && direction != GTK_DIR_UP)
    return FALSE;

  while ((next = forward ? gtk_widget_get_next_sibling (next) : gtk_widget_get_prev_sibling (next)) != NULL)
    if (GTK_IS_LIST_BOX_ROW (next) && gtk_widget_get_visible (next) && gtk_widget_is_sensitive (next))
      return gtk_widget_child_focus (next, direction);
  return FALSE;
}

static void
loket_note_row_class_init (LoketNoteRowClass *klass)
{
  GTK_WIDGET_CLASS (klass)->focus = loket_note_row_focus;
}

static void
loket_note_row_init (LoketNoteRow *self)
{
  gtk_widget_set_focusable (GTK_WIDGET (self), FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (self), FALSE);
  /* Messages quote what was typed, which may hold '<' or '&'. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

typedef enum {
  NOTE_ERROR,
  NOTE_WARNING,
  NOTE_HINT,   /* not a problem: what the form waits for */
} NoteKind;

/* NULL hides the row. */
static void
loket_note_row_set_message (LoketNoteRow *self,
                            NoteKind      kind,
                            const char   *text)
{
  static const char *const icons[] = { "dialog-error-symbolic", "dialog-warning-symbolic",
                                       "dialog-information-symbolic" };
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean error = kind == NOTE_ERROR;

  gtk_widget_set_visible (widget, text != NULL);
  if (text == NULL)
    return;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), text);
  /* Only a message has an icon: the contribution's lines line up with the
   * rows above them. */
  if (self->icon == NULL)
    {
      self->icon = GTK_IMAGE (gtk_image_new ());
      gtk_widget_set_valign (GTK_WIDGET (self->icon), GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (ADW_ACTION_ROW (self), GTK_WIDGET (self->icon));
    }
  gtk_image_set_from_icon_name (self->icon, icons[kind]);
  if (error)
    {
      gtk_widget_add_css_class (widget, "field-error");
      gtk_widget_remove_css_class (widget, "dim-label");
    }
  else
    {
      gtk_widget_add_css_class (widget, "dim-label");
      gtk_widget_remove_css_class (widget, "field-error");
    }
}

/* ---- the form ---- */

/* In the form's order, which is the order focus_first_problem follows. */
typedef enum {
  FIELD_NIK,
  FIELD_NAME,
  FIELD_BIRTH_DATE,
  FIELD_SEX,
  FIELD_PHONE,
  FIELD_STREET,
  FIELD_RT,
  FIELD_RW,
  FIELD_VILLAGE,
  FIELD_DISTRICT,
  FIELD_REGENCY,
  FIELD_PROVINCE,
  FIELD_POSTCODE,
  FIELD_REGION_CODE,
  FIELD_OCCUPATION,
  FIELD_SEGMENT,
  FIELD_PROGRAMS,
  FIELD_INCOME,
  FIELD_RISK_CLASS,
  FIELD_MONTHS,
  N_FIELDS
} FieldId;

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

#define N_PROGRAMS 5

/* The months a contribution can be paid ahead for, as the combo offers. */
static const int months_choices[] = { 1, 3, 6, 12 };

typedef struct {
  GtkWidget    *row;       /* borrowed; for programs, the JKK row */
  LoketNoteRow *note;      /* borrowed; NULL where the core never complains */
  char         *message;   /* owned; what the note shows, or NULL */
  gboolean      is_error;  /* the message holds an error, not only warnings */
  gboolean      dirty;     /* typed in since the form was emptied or loaded */
  gboolean      revealed;  /* its problems are shown */
  char         *filled;    /* owned; what the NIK filled in, if it did */
} Field;

struct _LoketMemberForm
{
  AdwBin          parent_instance;

  LoketStore     *store;         /* owned, nullable */
  LoketMember    *loaded;        /* owned, nullable: the member being edited */
  GDate           today;
  Field           fields[N_FIELDS];
  LoketPrograms   chosen;        /* the optional programs the clerk switched on */
  char           *last_nik;      /* owned: the 16 digits the fields were filled from */
  guint           freeze;        /* > 0 while the form sets its own fields */
  GPtrArray      *contribution_rows; /* borrowed rows of contribution_group */
  char           *contribution_shown; /* owned: what those rows say, to skip rebuilding */

  /* template children, borrowed; the fields' rows and notes are in fields */
  GtkLabel            *general_label;
  AdwPreferencesGroup *contribution_group;

  /* the program rows and switches, in loket_programs_in_order; borrowed */
  AdwActionRow        *program_rows[N_PROGRAMS];
  GtkSwitch           *program_switches[N_PROGRAMS];
};

G_DEFINE_FINAL_TYPE (LoketMemberForm, loket_member_form, ADW_TYPE_BIN)

#define FIELD_ROW(self, field)   ((self)->fields[field].row)
#define FIELD_COMBO(self, field) ADW_COMBO_ROW ((self)->fields[field].row)

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
  { FIELD_MONTHS, "months_row", NULL },
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

static FieldId
field_from_name (const char *name)
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

static int
current_months (LoketMemberForm *self)
{
  guint selected = adw_combo_row_get_selected (FIELD_COMBO (self, FIELD_MONTHS));

  return selected < G_N_ELEMENTS (months_choices) ? months_choices[selected] : 1;
}

/* Reads the fields into a new draft. Texts that cannot be read (a date, an
 * amount) become problems in `parse_problems`, with the core's messages. */
static LoketMember *
build_draft (LoketMemberForm *self,
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

static gboolean
has_field (GPtrArray  *problems,
           const char *field)
{
  for (guint i = 0; i < problems->len; i++)
    if (g_strcmp0 (((LoketProblem *) g_ptr_array_index (problems, i))->field, field) == 0)
      return TRUE;
  return FALSE;
}

/* The form's own reading problems, then the core's for every other field: a
 * date that could not be read is not also "empty". */
static GPtrArray *
merge_problems (GPtrArray *parse_problems,
                GPtrArray *core_problems)
{
  GPtrArray *merged = loket_problems_new ();

  for (guint i = 0; i < parse_problems->len; i++)
    {
      LoketProblem *p = g_ptr_array_index (parse_problems, i);
      loket_problems_add (merged, p->severity, p->field, p->code, "%s", p->message);
    }
  for (guint i = 0; core_problems != NULL && i < core_problems->len; i++)
    {
      LoketProblem *p = g_ptr_array_index (core_problems, i);
      if (!has_field (parse_problems, p->field))
        loket_problems_add (merged, p->severity, p->field, p->code, "%s", p->message);
    }
  return merged;
}

/* While the NIK is being typed only its length is expected to be wrong. */
static gboolean
problem_is_shown (LoketMemberForm    *self,
                  FieldId             field,
                  const LoketProblem *problem)
{
  if (self->fields[field].revealed)
    return TRUE;
  if (field != FIELD_NIK)
    return FALSE;
  return (g_strcmp0 (problem->code, "nik-length") != 0 && g_strcmp0 (problem->code, "nik-empty") != 0)
         || g_utf8_strlen (field_text (self, FIELD_NIK), -1) >= 16;
}

static void
set_field_message (LoketMemberForm *self,
                   FieldId          field,
                   const char      *message,
                   gboolean         is_error)
{
  Field *f = &self->fields[field];
  gboolean row_visible = gtk_widget_get_visible (f->row);

  g_free (f->message);
  f->message = row_visible ? g_strdup (message) : NULL;
  f->is_error = f->message != NULL && is_error;
  loket_note_row_set_message (f->note, is_error ? NOTE_ERROR : NOTE_WARNING, f->message);

  /* AdwEntryRow draws itself in the error or warning colour with these. */
  if (field == FIELD_PROGRAMS)
    return;
  gtk_widget_remove_css_class (f->row, "error");
  gtk_widget_remove_css_class (f->row, "warning");
  if (f->message != NULL)
    gtk_widget_add_css_class (f->row, is_error ? "error" : "warning");
}

/* Puts each problem under its field; several under one field are joined. */
static void
display_problems (LoketMemberForm *self,
                  GPtrArray       *problems)
{
  GString *texts[N_FIELDS] = { NULL, };
  gboolean errors[N_FIELDS] = { FALSE, };
  g_autoptr(GString) general = g_string_new (NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      const LoketProblem *problem = g_ptr_array_index (problems, i);
      FieldId field = field_from_name (problem->field);
      GString **text;

      if (field == N_FIELDS || self->fields[field].note == NULL
          || !gtk_widget_get_visible (self->fields[field].row))
        {
          /* No place of its own: above the form, where it cannot be missed. */
          g_string_append_printf (general, "%s%s", general->len ? "\n" : "", problem->message);
          continue;
        }
      if (!problem_is_shown (self, field, problem))
        continue;

      text = &texts[field];
      if (*text == NULL)
        *text = g_string_new (NULL);
      g_string_append_printf (*text, "%s%s", (*text)->len ? "\n" : "", problem->message);
      errors[field] |= problem->severity == LOKET_SEVERITY_ERROR;
    }

  for (guint i = 0; i < N_FIELDS; i++)
    {
      if (self->fields[i].note != NULL)
        set_field_message (self, i, texts[i] ? texts[i]->str : NULL, errors[i]);
      if (texts[i] != NULL)
        g_string_free (texts[i], TRUE);
    }

  gtk_label_set_text (self->general_label, general->str);
  gtk_widget_set_visible (GTK_WIDGET (self->general_label), general->len > 0);
}

/* ---- the contribution ---- */

static void
clear_contribution_rows (LoketMemberForm *self)
{
  for (guint i = 0; i < self->contribution_rows->len; i++)
    adw_preferences_group_remove (self->contribution_group, g_ptr_array_index (self->contribution_rows, i));
  g_ptr_array_set_size (self->contribution_rows, 0);
}

static void
add_amount_row (LoketMemberForm *self,
                const char      *title,
                const char      *subtitle,
                gint64           amount,
                gboolean         total)
{
  GtkWidget *row = g_object_new (LOKET_TYPE_NOTE_ROW, "title", title, "subtitle", subtitle, NULL);
  g_autofree char *text = loket_format_rupiah (amount);
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, total ? "contribution-total" : "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  gtk_widget_set_visible (row, TRUE);
  adw_preferences_group_add (self->contribution_group, row);
  g_ptr_array_add (self->contribution_rows, row);
}

static void
add_message_row (LoketMemberForm *self,
                 NoteKind         kind,
                 const char      *text)
{
  LoketNoteRow *row = g_object_new (LOKET_TYPE_NOTE_ROW, NULL);

  loket_note_row_set_message (row, kind, text);
  adw_preferences_group_add (self->contribution_group, GTK_WIDGET (row));
  g_ptr_array_add (self->contribution_rows, row);
}

/* "1% of Rp1.000.000 · after a discount of Rp8.400" */
static char *
describe_line (const LoketContributionLine *line)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (line->rate_bp > 0 && line->base > 0)
    {
      g_autofree char *percent = loket_format_percent (line->rate_bp);
      g_autofree char *base = loket_format_rupiah (line->base);

      /* Translators: a rate and what it applies to, "1% of Rp1.000.000" */
      g_string_append_printf (text, _("%s of %s"), percent, base);
    }
  if (line->employer > 0 && line->worker > 0)
    {
      g_autofree char *employer = loket_format_rupiah (line->employer);
      g_autofree char *worker = loket_format_rupiah (line->worker);

      if (text->len > 0)
        g_string_append (text, " · ");
      g_string_append_printf (text, _("employer %s, worker %s"), employer, worker);
    }
  if (line->discount > 0)
    {
      g_autofree char *discount = loket_format_rupiah (line->discount);

      if (text->len > 0)
        g_string_append (text, " · ");
      g_string_append_printf (text, _("after a discount of %s"), discount);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
show_contribution (LoketMemberForm         *self,
                   const LoketContribution *contribution)
{
  g_autofree char *discount = NULL;
  g_autofree char *split = NULL;
  g_autofree char *period = NULL;
  const char *last_subtitle;

  for (guint i = 0; i < contribution->lines->len; i++)
    {
      const LoketContributionLine *line = &g_array_index (contribution->lines, LoketContributionLine, i);
      g_autofree char *detail = describe_line (line);

      add_amount_row (self, line->label, detail, line->monthly, FALSE);
    }

  if (contribution->discount > 0)
    {
      g_autofree char *amount = loket_format_rupiah (contribution->discount);
      discount = g_strdup_printf (_("Includes a discount of %s"), amount);
    }
  if (contribution->employer_total > 0)
    {
      g_autofree char *employer = loket_format_rupiah (contribution->employer_total);
      g_autofree char *worker = loket_format_rupiah (contribution->worker_total);
      split = g_strdup_printf (_("Employer %s, worker %s"), employer, worker);
    }
  last_subtitle = split ? split : discount;

  if (contribution->months <= 1)
    {
      add_amount_row (self, _("Monthly contribution"), last_subtitle, contribution->monthly_total, TRUE);
      return;
    }
  add_amount_row (self, _("Monthly contribution"), NULL, contribution->monthly_total, TRUE);
  period = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Total for %d month", "Total for %d months",
                                         contribution->months),
                            contribution->months);
  add_amount_row (self, period, last_subtitle, contribution->total, TRUE);
}

/* `checked` is the draft as the registration rules left it: JKP added for a
 * young wage earner, the occupation tidied. */
static void
update_contribution (LoketMemberForm *self,
                     LoketRateBook   *book,
                     LoketMember     *checked,
                     GPtrArray       *parse_problems)
{
  LoketContributionRequest request = { 0, };
  g_autoptr(LoketContribution) contribution = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *income = dup_trimmed (self, FIELD_INCOME);
  const char *hint = NULL;

  request.segment = checked->segment;
  request.programs = checked->programs;
  request.income = checked->income;
  request.risk_class = checked->risk_class;
  request.months = current_months (self);
  request.start = self->today;
  request.occupation = checked->occupation;

  if (book == NULL)
    hint = "";
  else if (income == NULL)
    hint = _("The contribution is shown once the income is typed.");
  else if (has_field (parse_problems, "income"))
    hint = _("The contribution is shown once the income is an amount of rupiah.");
  else
    contribution = loket_contribution_compute (book, &request, &error);

  /* Rebuild the rows only when what they say has changed. */
  if (contribution != NULL)
    {
      GString *key = g_string_new (NULL);

      g_string_append_printf (key, "%d|%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT,
                              contribution->months, contribution->total, contribution->discount,
                              contribution->employer_total);
      for (guint i = 0; i < contribution->lines->len; i++)
        {
          const LoketContributionLine *line = &g_array_index (contribution->lines, LoketContributionLine, i);
          g_string_append_printf (key, "|%s:%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT
                                  ":%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT,
                                  line->code, line->rate_bp, line->base, line->monthly,
                                  line->employer, line->discount);
        }
      shown = g_string_free (key, FALSE);
    }
  else
    shown = g_strconcat ("!", hint ? hint : error->message, NULL);

  if (g_strcmp0 (shown, self->contribution_shown) == 0)
    return;
  g_free (self->contribution_shown);
  self->contribution_shown = g_steal_pointer (&shown);

  clear_contribution_rows (self);
  if (contribution != NULL)
    show_contribution (self, contribution);
  else if (hint != NULL && *hint != '\0')
    add_message_row (self, NOTE_HINT, hint);
  else if (error != NULL)
    add_message_row (self, NOTE_ERROR, error->message);
}

/* ---- programs ---- */

/* What the segment allows is shown, what it requires is on and locked, and
 * JKP is shown as the rules decided it for the draft. */
static void
sync_segment (LoketMemberForm *self)
{
  LoketSegment segment = current_segment (self);
  LoketPrograms allowed = loket_segment_allowed_programs (segment);
  LoketPrograms required = loket_segment_required_programs (segment);

  self->freeze++;
  for (guint i = 0; i < N_PROGRAMS; i++)
    {
      LoketProgram program = loket_programs_in_order[i];
      GtkWidget *row = GTK_WIDGET (self->program_rows[i]);
      gboolean locked = (required & program) || program == LOKET_PROGRAM_JKP;

      gtk_widget_set_visible (row, (allowed & program) != 0);
      gtk_widget_set_sensitive (row, !locked);
      if (program == LOKET_PROGRAM_JKP)
        adw_action_row_set_subtitle (self->program_rows[i], _("Automatic, by the member’s age"));
      else if (required & program)
        {
          adw_action_row_set_subtitle (self->program_rows[i], _("Required for this segment"));
          gtk_switch_set_active (self->program_switches[i], TRUE);
        }
      else
        {
          adw_action_row_set_subtitle (self->program_rows[i], _("Optional"));
          gtk_switch_set_active (self->program_switches[i], (self->chosen & program) != 0);
        }
    }

  gtk_widget_set_visible (FIELD_ROW (self, FIELD_RISK_CLASS), segment == LOKET_SEGMENT_PU);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (FIELD_ROW (self, FIELD_INCOME)),
                                 segment == LOKET_SEGMENT_BPU ? _("Declared monthly income")
                                                              : _("Monthly wage"));
  self->freeze--;
}

/* ---- filling in from the NIK ---- */

/* Fills a field the clerk left empty, or that still holds what an earlier
 * NIK put there; never what the clerk typed. */
static void
fill_entry (LoketMemberForm *self,
            FieldId          field,
            const char      *value)
{
  Field *f = &self->fields[field];
  const char *current = field_text (self, field);

  if (value == NULL || (*current != '\0' && g_strcmp0 (current, f->filled) != 0))
    return;
  g_free (f->filled);
  f->filled = g_strdup (value);
  gtk_editable_set_text (GTK_EDITABLE (f->row), value);
}

static void
fill_from_nik (LoketMemberForm *self)
{
  g_autoptr(LoketNikInfo) info = loket_nik_parse (field_text (self, FIELD_NIK), &self->today);
  Field *sex = &self->fields[FIELD_SEX];
  guint selected = adw_combo_row_get_selected (FIELD_COMBO (self, FIELD_SEX));
  const char *region = NULL;

  /* Only when the 16 digits change: a field the clerk empties after the
   * NIK filled it stays empty. */
  if (info->nik[0] == '\0' || g_strcmp0 (info->nik, self->last_nik) == 0)
    return;
  g_free (self->last_nik);
  self->last_nik = g_strdup (info->nik);

  if (g_date_valid (&info->birth_date))
    {
      g_autofree char *birth = loket_format_date_numeric (&info->birth_date);
      fill_entry (self, FIELD_BIRTH_DATE, birth);
    }

  if (info->sex != 0
      && (selected == 0 || (sex->filled != NULL && selected == (guint) (sex->filled[0] == 'L' ? 1 : 2))))
    {
      g_free (sex->filled);
      sex->filled = g_strdup_printf ("%c", info->sex);
      adw_combo_row_set_selected (FIELD_COMBO (self, FIELD_SEX), info->sex == 'L' ? 1 : 2);
    }

  fill_entry (self, FIELD_PROVINCE, info->province);
  fill_entry (self, FIELD_REGENCY, info->regency);
  fill_entry (self, FIELD_DISTRICT, info->district);
  if (info->district != NULL)
    region = info->district_code;
  else if (info->regency != NULL)
    region = info->regency_code;
  else if (info->province != NULL)
    region = info->province_code;
  fill_entry (self, FIELD_REGION_CODE, region);
}

/* ---- keeping it all up to date ---- */

static void
run_checks (LoketMemberForm *self)
{
  g_autoptr(GPtrArray) parse_problems = loket_problems_new ();
  g_autoptr(GPtrArray) core_problems = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(LoketMember) draft = build_draft (self, parse_problems);
  g_autoptr(LoketRateBook) book = NULL;

  if (self->store != NULL)
    book = loket_store_dup_rate_book (self->store, NULL);
  if (book != NULL)
    core_problems = loket_registration_check (draft, book, &self->today);
  problems = merge_problems (parse_problems, core_problems);
  display_problems (self, problems);

  /* The rules have now added JKP to the draft, or not. */
  self->freeze++;
  gtk_switch_set_active (self->program_switches[JKP_INDEX], (draft->programs & LOKET_PROGRAM_JKP) != 0);
  self->freeze--;

  update_contribution (self, book, draft, parse_problems);
}

static void
update (LoketMemberForm *self)
{
  if (self->freeze > 0)
    return;

  self->freeze++;
  fill_from_nik (self);
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
                    GParamSpec      *pspec,
                    GtkSwitch       *button)
{
  if (self->freeze > 0)
    return;
  for (guint i = 0; i < N_PROGRAMS; i++)
    if (self->program_switches[i] == button)
      {
        if (gtk_switch_get_active (button))
          self->chosen |= loket_programs_in_order[i];
        else
          self->chosen &= ~(LoketPrograms) loket_programs_in_order[i];
      }
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

/* ---- choices too long for AdwComboRow's own factory ---- */

/* AdwComboRow cuts its items at 20 characters, and the segments'
 * names are longer ("Bukan Penerima Upah (BPU)"); these items are whole,
 * with the check mark on the chosen one in the list. */
static void
setup_choice (GtkSignalListItemFactory *factory,
              GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), check);
  g_object_bind_property (item, "selected", check, "visible", G_BINDING_SYNC_CREATE);
  gtk_list_item_set_child (item, box);
}

static void
bind_choice (GtkSignalListItemFactory *factory,
             GtkListItem              *item)
{
  GtkWidget *label = gtk_widget_get_first_child (gtk_list_item_get_child (item));

  gtk_label_set_text (GTK_LABEL (label), gtk_string_object_get_string (gtk_list_item_get_item (item)));
}

static void
use_whole_choices (AdwComboRow *row)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_choice), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_choice), NULL);
  adw_combo_row_set_factory (row, factory);
}

/* ---- the class ---- */

static void
loket_member_form_dispose (GObject *object)
{
  LoketMemberForm *self = LOKET_MEMBER_FORM (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LOKET_TYPE_MEMBER_FORM);
  g_clear_object (&self->store);
  g_clear_object (&self->loaded);
  g_clear_pointer (&self->contribution_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (loket_member_form_parent_class)->dispose (object);
}

static void
loket_member_form_finalize (GObject *object)
{
  LoketMemberForm *self = LOKET_MEMBER_FORM (object);

  for (guint i = 0; i < N_FIELDS; i++)
    {
      g_free (self->fields[i].message);
      g_free (self->fields[i].filled);
    }
  g_free (self->last_nik);
  g_free (self->contribution_shown);

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

  g_type_ensure (LOKET_TYPE_NOTE_ROW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/loket/Loket/loket-member-form.ui");
  gtk_widget_class_bind_template_child (widget_class, LoketMemberForm, general_label);
  gtk_widget_class_bind_template_child (widget_class, LoketMemberForm, contribution_group);
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
      g_autofree char *button = g_strconcat (program_ids[i], "_switch", NULL);

      /* Interned: the class refers to the names for as long as it lives. */
      gtk_widget_class_bind_template_child_full (widget_class, g_intern_string (row), FALSE,
                                                 G_STRUCT_OFFSET (LoketMemberForm, program_rows)
                                                 + i * sizeof (AdwActionRow *));
      gtk_widget_class_bind_template_child_full (widget_class, g_intern_string (button), FALSE,
                                                 G_STRUCT_OFFSET (LoketMemberForm, program_switches)
                                                 + i * sizeof (GtkSwitch *));
    }
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, choice_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, segment_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, months_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, program_toggled_cb);
}

static void
loket_member_form_init (LoketMemberForm *self)
{
  g_autoptr(GtkStringList) segments = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) months = gtk_string_list_new (NULL);

  self->freeze++;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->contribution_rows = g_ptr_array_new ();
  loket_date_set_today (&self->today);

  FIELD_ROW (self, FIELD_PROGRAMS) = GTK_WIDGET (self->program_rows[0]);
  for (guint i = 0; i < N_PROGRAMS; i++)
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->program_rows[i]),
                                   loket_program_label (loket_programs_in_order[i]));

  for (guint i = 0; i < LOKET_N_SEGMENTS; i++)
    gtk_string_list_append (segments, loket_segment_label (i));
  use_whole_choices (FIELD_COMBO (self, FIELD_SEGMENT));
  adw_combo_row_set_model (FIELD_COMBO (self, FIELD_SEGMENT), G_LIST_MODEL (segments));
  for (guint i = 0; i < G_N_ELEMENTS (months_choices); i++)
    {
      g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d month", "%d months",
                                                             months_choices[i]),
                                                months_choices[i]);
      gtk_string_list_append (months, label);
    }
  adw_combo_row_set_model (FIELD_COMBO (self, FIELD_MONTHS), G_LIST_MODEL (months));

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

static void
clear_state (LoketMemberForm *self)
{
  for (guint i = 0; i < N_FIELDS; i++)
    {
      self->fields[i].dirty = self->fields[i].revealed = FALSE;
      g_clear_pointer (&self->fields[i].filled, g_free);
    }
  g_clear_pointer (&self->last_nik, g_free);
  g_clear_object (&self->loaded);
}

void
loket_member_form_reset (LoketMemberForm *self)
{
  g_return_if_fail (LOKET_IS_MEMBER_FORM (self));

  self->freeze++;
  clear_state (self);
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
  clear_state (self);
  self->loaded = loket_member_copy (member);
  /* The saved member's fields stay as saved: the NIK fills nothing in. */
  self->last_nik = g_strdup (member->nik);

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
  return build_draft (self, ignored);
}

void
loket_member_form_show_problems (LoketMemberForm *self,
                                 GPtrArray       *problems)
{
  g_autoptr(GPtrArray) parse_problems = loket_problems_new ();
  g_autoptr(LoketMember) draft = NULL;
  g_autoptr(GPtrArray) merged = NULL;

  g_return_if_fail (LOKET_IS_MEMBER_FORM (self));
  g_return_if_fail (problems != NULL);

  for (guint i = 0; i < N_FIELDS; i++)
    self->fields[i].revealed = TRUE;
  /* The store read the draft, not the text: a date it found "empty" may be
   * one the form could not read, and that is what the clerk needs to hear. */
  draft = build_draft (self, parse_problems);
  merged = merge_problems (parse_problems, problems);
  display_problems (self, merged);
}

static gboolean
focus_field (LoketMemberForm *self,
             FieldId          field)
{
  if (field == FIELD_PROGRAMS)
    {
      for (guint i = 0; i < N_PROGRAMS; i++)
        if (gtk_widget_get_visible (GTK_WIDGET (self->program_rows[i]))
            && gtk_widget_is_sensitive (GTK_WIDGET (self->program_rows[i])))
          return gtk_widget_grab_focus (GTK_WIDGET (self->program_rows[i]));
      return gtk_widget_grab_focus (FIELD_ROW (self, FIELD_SEGMENT));
    }
  return gtk_widget_grab_focus (self->fields[field].row);
}

gboolean
loket_member_form_focus_first_problem (LoketMemberForm *self)
{
  g_return_val_if_fail (LOKET_IS_MEMBER_FORM (self), FALSE);

  for (guint i = 0; i < N_FIELDS; i++)
    if (self->fields[i].is_error)
      {
        focus_field (self, i);
        return TRUE;
      }
  return FALSE;
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
  FieldId id = field_from_name (field);

  g_return_val_if_fail (LOKET_IS_MEMBER_FORM (self), NULL);
  g_return_val_if_fail (id < N_FIELDS, NULL);
  return self->fields[id].row;
}

const char *
loket_member_form_get_message (LoketMemberForm *self,
                               const char      *field)
{
  FieldId id = field_from_name (field);

  g_return_val_if_fail (LOKET_IS_MEMBER_FORM (self), NULL);
  g_return_val_if_fail (id < N_FIELDS, NULL);
  return self->fields[id].message;
}
