/* loket-program-row.c */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "loket-program-row.h"

struct _LoketProgramRow
{
  AdwActionRow  parent_instance;

  LoketProgram  program;
  GtkSwitch    *button;  /* borrowed */
};

G_DEFINE_FINAL_TYPE (LoketProgramRow, loket_program_row, ADW_TYPE_ACTION_ROW)

enum {
  TOGGLED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
button_toggled_cb (LoketProgramRow *self)
{
  g_signal_emit (self, signals[TOGGLED], 0);
}

static void
loket_program_row_class_init (LoketProgramRowClass *klass)
{
  signals[TOGGLED] = g_signal_new ("toggled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
loket_program_row_init (LoketProgramRow *self)
{
  self->button = GTK_SWITCH (gtk_switch_new ());
  /* The row takes the focus and turns the switch when activated. */
  gtk_widget_set_can_focus (GTK_WIDGET (self->button), FALSE);
  gtk_widget_set_valign (GTK_WIDGET (self->button), GTK_ALIGN_CENTER);
  g_signal_connect_object (self->button, "notify::active", G_CALLBACK (button_toggled_cb),
                           self, G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), GTK_WIDGET (self->button));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self), GTK_WIDGET (self->button));
}

GtkWidget *
loket_program_row_new (void)
{
  return g_object_new (LOKET_TYPE_PROGRAM_ROW, NULL);
}

void
loket_program_row_set_program (LoketProgramRow *self,
                               LoketProgram     program)
{
  g_return_if_fail (LOKET_IS_PROGRAM_ROW (self));

  self->program = program;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), loket_program_label (program));
  gtk_widget_set_sensitive (GTK_WIDGET (self->button), program != LOKET_PROGRAM_JKP);
}

LoketProgram
loket_program_row_get_program (LoketProgramRow *self)
{
  g_return_val_if_fail (LOKET_IS_PROGRAM_ROW (self), 0);

  return self->program;
}

void
loket_program_row_follow_segment (LoketProgramRow *self,
                                  LoketSegment     segment,
                                  gboolean         chosen)
{
  LoketPrograms allowed = loket_segment_allowed_programs (segment);
  LoketPrograms required = loket_segment_required_programs (segment);
  AdwActionRow *row = ADW_ACTION_ROW (self);
  gboolean locked;

  g_return_if_fail (LOKET_IS_PROGRAM_ROW (self));

  locked = (required & self->program) || self->program == LOKET_PROGRAM_JKP;
  gtk_widget_set_visible (GTK_WIDGET (self), (allowed & self->program) != 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self), !locked);
  if (self->program == LOKET_PROGRAM_JKP)
    adw_action_row_set_subtitle (row, _("Automatic, by the member’s age"));
  else if (required & self->program)
    {
      adw_action_row_set_subtitle (row, _("Required for this segment"));
      gtk_switch_set_active (self->button, TRUE);
    }
  else
    {
      adw_action_row_set_subtitle (row, _("Optional"));
      gtk_switch_set_active (self->button, chosen);
    }
}

gboolean
loket_program_row_get_active (LoketProgramRow *self)
{
  g_return_val_if_fail (LOKET_IS_PROGRAM_ROW (self), FALSE);

  return gtk_switch_get_active (self->button);
}

void
loket_program_row_set_active (LoketProgramRow *self,
                              gboolean         active)
{
  g_return_if_fail (LOKET_IS_PROGRAM_ROW (self));

  gtk_switch_set_active (self->button, active);
}
