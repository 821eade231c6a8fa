/* loket-field-message.c */
#include "config.h"

#include "loket-field-message.h"

struct _LoketFieldMessage
{
  AdwActionRow  parent_instance;
  GtkImage     *icon;  /* borrowed, NULL until there is a message */
};

G_DEFINE_FINAL_TYPE (LoketFieldMessage, loket_field_message, ADW_TYPE_ACTION_ROW)

static gboolean
loket_field_message_focus (GtkWidget        *widget,
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
loket_field_message_class_init (LoketFieldMessageClass *klass)
{
  GTK_WIDGET_CLASS (klass)->focus = loket_field_message_focus;
}

static void
loket_field_message_init (LoketFieldMessage *self)
{
  gtk_widget_set_focusable (GTK_WIDGET (self), FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (self), FALSE);
  /* Messages quote what was typed, which may hold '<' or '&'. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
loket_field_message_new (void)
{
  return g_object_new (LOKET_TYPE_FIELD_MESSAGE, NULL);
}

void
loket_field_message_set_message (LoketFieldMessage     *self,
                                 LoketFieldMessageKind  kind,
                                 const char            *text)
{
  static const char *const icons[] = { "dialog-error-symbolic", "dialog-warning-symbolic",
                                       "dialog-information-symbolic" };
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean error = kind == LOKET_FIELD_MESSAGE_ERROR;

  g_return_if_fail (LOKET_IS_FIELD_MESSAGE (self));
  g_return_if_fail (kind < G_N_ELEMENTS (icons));

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
