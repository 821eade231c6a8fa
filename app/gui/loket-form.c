/* loket-form.c */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "loket-form.h"
#include "loket-field-message.h"
#include "loket-problem.h"
#include "loket-whole-combo-row.h"

typedef struct {
  GtkWidget *row;       /* borrowed */
  GtkWidget *message;   /* borrowed, nullable */
} Field;

struct _LoketForm
{
  GtkWidget  *widget;    /* borrowed: owns the form */
  GtkWidget  *box;
  GtkWidget  *list;      /* the group being filled */
  GtkWidget  *general;   /* problems of no field; owned */
  GtkWidget  *buttons;   /* owned */
  GtkWidget  *first;
  GHashTable *fields;    /* field name → Field */
  GPtrArray  *rows;      /* every row with a field, in order */
  char       *save_action;
};

static void ensure_tail (LoketForm *self);

static void
form_free (gpointer data)
{
  LoketForm *self = data;

  g_clear_object (&self->general);
  g_clear_object (&self->buttons);
  g_hash_table_unref (self->fields);
  g_free (self->save_action);
  g_ptr_array_unref (self->rows);
  g_free (self);
}

LoketForm *
loket_form_new (const char *title,
                const char *save_label,
                const char *cancel_action,
                const char *save_action)
{
  LoketForm *self = g_new0 (LoketForm, 1);
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *heading = gtk_label_new (title);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *save = gtk_button_new_with_mnemonic (save_label);

  self->fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->rows = g_ptr_array_new ();
  self->save_action = g_strdup (save_action);
  self->widget = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->widget), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  g_object_set_data_full (G_OBJECT (self->widget), "loket-form", self, form_free);

  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 640);
  gtk_widget_set_margin_top (clamp, 18);
  gtk_widget_set_margin_bottom (clamp, 24);
  gtk_widget_set_margin_start (clamp, 12);
  gtk_widget_set_margin_end (clamp, 12);
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  adw_clamp_set_child (ADW_CLAMP (clamp), self->box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->widget), clamp);

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_widget_add_css_class (heading, "title-2");
  gtk_box_append (GTK_BOX (self->box), heading);

  self->general = g_object_ref_sink (gtk_label_new (NULL));
  gtk_label_set_xalign (GTK_LABEL (self->general), 0);
  gtk_label_set_wrap (GTK_LABEL (self->general), TRUE);
  gtk_widget_add_css_class (self->general, "error");
  gtk_widget_set_visible (self->general, FALSE);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), cancel_action);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (save), save_action);
  gtk_widget_add_css_class (save, "suggested-action");
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (buttons), cancel);
  gtk_box_append (GTK_BOX (buttons), save);
  self->buttons = g_object_ref_sink (buttons);
  ensure_tail (self);
  return self;
}

static void
ensure_tail (LoketForm *self)
{
  /* The general line and the buttons stay last. */
  if (gtk_widget_get_parent (self->general) != NULL)
    gtk_box_remove (GTK_BOX (self->box), self->general);
  if (gtk_widget_get_parent (self->buttons) != NULL)
    gtk_box_remove (GTK_BOX (self->box), self->buttons);
  gtk_box_append (GTK_BOX (self->box), self->general);
  gtk_box_append (GTK_BOX (self->box), self->buttons);
}

GtkWidget *
loket_form_get_widget (LoketForm *self)
{
  return self->widget;
}

void
loket_form_add_group (LoketForm  *self,
                      const char *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  if (title != NULL)
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  self->list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->list, "boxed-list");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->list);
  gtk_box_append (GTK_BOX (self->box), group);
  ensure_tail (self);
}

void
loket_form_add_row (LoketForm  *self,
                    const char *field,
                    GtkWidget  *row)
{
  Field *entry;

  if (self->list == NULL)
    loket_form_add_group (self, NULL);
  gtk_list_box_append (GTK_LIST_BOX (self->list), row);
  if (self->first == NULL)
    self->first = row;
  if (field == NULL)
    return;
  entry = g_new0 (Field, 1);
  entry->row = row;
  entry->message = loket_field_message_new ();
  gtk_list_box_append (GTK_LIST_BOX (self->list), entry->message);
  g_hash_table_replace (self->fields, g_strdup (field), entry);
  g_ptr_array_add (self->rows, row);
}

static void
entry_activated_cb (AdwEntryRow *row,
                    LoketForm   *self)
{
  gtk_widget_activate_action (GTK_WIDGET (row), self->save_action, NULL);
}

GtkWidget *
loket_form_add_entry (LoketForm  *self,
                      const char *field,
                      const char *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  /* Enter saves, as in the other forms. */
  g_signal_connect (row, "entry-activated", G_CALLBACK (entry_activated_cb), self);
  loket_form_add_row (self, field, row);
  return row;
}

GtkWidget *
loket_form_add_combo (LoketForm         *self,
                      const char        *field,
                      const char        *title,
                      const char *const *items)
{
  GtkWidget *row = loket_whole_combo_row_new ();
  g_autoptr(GtkStringList) model = gtk_string_list_new (items);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  loket_form_add_row (self, field, row);
  return row;
}

GtkWidget *
loket_form_get_row (LoketForm  *self,
                    const char *field)
{
  Field *entry = g_hash_table_lookup (self->fields, field);

  return entry ? entry->row : NULL;
}

GtkWidget *
loket_form_get_message (LoketForm  *self,
                        const char *field)
{
  Field *entry = g_hash_table_lookup (self->fields, field);

  return entry ? entry->message : NULL;
}

char *
loket_form_dup_text (LoketForm  *self,
                     const char *field)
{
  GtkWidget *row = loket_form_get_row (self, field);
  char *text;

  g_return_val_if_fail (GTK_IS_EDITABLE (row), NULL);
  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

void
loket_form_set_text (LoketForm  *self,
                     const char *field,
                     const char *text)
{
  GtkWidget *row = loket_form_get_row (self, field);

  g_return_if_fail (GTK_IS_EDITABLE (row));
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

guint
loket_form_get_selected (LoketForm  *self,
                         const char *field)
{
  GtkWidget *row = loket_form_get_row (self, field);

  g_return_val_if_fail (ADW_IS_COMBO_ROW (row), 0);
  return adw_combo_row_get_selected (ADW_COMBO_ROW (row));
}

void
loket_form_set_selected (LoketForm  *self,
                         const char *field,
                         guint       selected)
{
  GtkWidget *row = loket_form_get_row (self, field);

  g_return_if_fail (ADW_IS_COMBO_ROW (row));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
}

void
loket_form_clear_messages (LoketForm *self)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->fields);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Field *entry = value;

      loket_field_message_set_message (LOKET_FIELD_MESSAGE (entry->message), LOKET_FIELD_MESSAGE_ERROR, NULL);
      gtk_widget_remove_css_class (entry->row, "error");
    }
  gtk_label_set_text (GTK_LABEL (self->general), "");
  gtk_widget_set_visible (self->general, FALSE);
}

void
loket_form_show_message (LoketForm  *self,
                         const char *field,
                         gboolean    warning,
                         const char *text)
{
  Field *entry = field ? g_hash_table_lookup (self->fields, field) : NULL;

  if (entry == NULL || !gtk_widget_get_visible (entry->row))
    {
      const char *old = gtk_label_get_text (GTK_LABEL (self->general));
      g_autofree char *joined = old && *old ? g_strdup_printf ("%s\n%s", old, text) : g_strdup (text);

      gtk_label_set_text (GTK_LABEL (self->general), joined);
      gtk_widget_set_visible (self->general, TRUE);
      return;
    }
  loket_field_message_set_message (LOKET_FIELD_MESSAGE (entry->message),
                                   warning ? LOKET_FIELD_MESSAGE_WARNING : LOKET_FIELD_MESSAGE_ERROR, text);
  if (!warning)
    gtk_widget_add_css_class (entry->row, "error");
}

void
loket_form_show_problems (LoketForm *self,
                          GPtrArray *problems)
{
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      LoketProblem *problem = g_ptr_array_index (problems, i);

      loket_form_show_message (self, problem->field,
                               problem->severity != LOKET_SEVERITY_ERROR, problem->message);
    }
  loket_form_focus_error (self);
}

void
loket_form_focus_error (LoketForm *self)
{
  /* The first field in error, scrolled into view with the focus. */
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);

      if (gtk_widget_has_css_class (row, "error") && gtk_widget_get_visible (row))
        {
          gtk_widget_grab_focus (row);
          return;
        }
    }
}

void
loket_form_reset (LoketForm *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);

      if (GTK_IS_EDITABLE (row))
        gtk_editable_set_text (GTK_EDITABLE (row), "");
      else if (ADW_IS_COMBO_ROW (row))
        adw_combo_row_set_selected (ADW_COMBO_ROW (row), 0);
    }
  loket_form_clear_messages (self);
}

void
loket_form_focus (LoketForm *self)
{
  if (self->first != NULL)
    gtk_widget_grab_focus (self->first);
}
