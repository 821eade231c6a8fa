/* loket-member-form-problems.c: which of the problems the core finds the
 * clerk sees, where, and when.
 *
 * Not every problem is shown at once: a field speaks once the clerk has
 * typed in it and moved on, or once a save has been tried ("reward early,
 * punish late"), so the form does not start out covered in red. The NIK is
 * the exception: its mistakes (a wrong province, an impossible date) show as
 * they are typed, and only its length waits until the 16th digit. */
#include "config.h"

#include "loket-member-form-private.h"
#include "loket-problem.h"

gboolean
loket_member_form_any_problem_about (GPtrArray  *problems,
                                     const char *field)
{
  for (guint i = 0; i < problems->len; i++)
    if (g_strcmp0 (((LoketProblem *) g_ptr_array_index (problems, i))->field, field) == 0)
      return TRUE;
  return FALSE;
}

GPtrArray *
loket_member_form_merge_problems (GPtrArray *parse_problems,
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
      if (!loket_member_form_any_problem_about (parse_problems, p->field))
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
         || g_utf8_strlen (gtk_editable_get_text (GTK_EDITABLE (FIELD_ROW (self, FIELD_NIK))), -1) >= 16;
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
  loket_field_message_set_message (f->note, is_error ? LOKET_FIELD_MESSAGE_ERROR : LOKET_FIELD_MESSAGE_WARNING,
                                   f->message);

  /* AdwEntryRow draws itself in the error or warning colour with these. */
  if (field == FIELD_PROGRAMS)
    return;
  gtk_widget_remove_css_class (f->row, "error");
  gtk_widget_remove_css_class (f->row, "warning");
  if (f->message != NULL)
    gtk_widget_add_css_class (f->row, is_error ? "error" : "warning");
}

/* Several problems under one field are joined. */
void
loket_member_form_display_problems (LoketMemberForm *self,
                                    GPtrArray       *problems)
{
  GString *texts[N_FIELDS] = { NULL, };
  gboolean errors[N_FIELDS] = { FALSE, };
  g_autoptr(GString) general = g_string_new (NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      const LoketProblem *problem = g_ptr_array_index (problems, i);
      FieldId field = loket_member_form_field_from_name (problem->field);
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
  draft = loket_member_form_build_draft (self, parse_problems);
  merged = loket_member_form_merge_problems (parse_problems, problems);
  loket_member_form_display_problems (self, merged);
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
