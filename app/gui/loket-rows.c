/* loket-rows.c */
#include "config.h"

#include "loket-format.h"
#include "loket-rows.h"

#define ADDED_ROWS "loket-added-rows"

GtkWidget *
loket_value_row_new (const char *title,
                     const char *subtitle,
                     const char *value)
{
  GtkWidget *row = adw_action_row_new ();

  /* Names and messages are text, not markup: "Koperasi Tani & Nelayan". */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (value != NULL)
    {
      GtkWidget *label = gtk_label_new (value);

      gtk_widget_add_css_class (label, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  return row;
}

GtkWidget *
loket_amount_row_new (const char *title,
                      const char *subtitle,
                      gint64      amount)
{
  g_autofree char *value = loket_format_rupiah (amount);

  return loket_value_row_new (title, subtitle, value);
}

void
loket_group_add_row (AdwPreferencesGroup *group,
                     GtkWidget           *row)
{
  GPtrArray *rows = g_object_get_data (G_OBJECT (group), ADDED_ROWS);

  if (rows == NULL)
    {
      rows = g_ptr_array_new ();
      g_object_set_data_full (G_OBJECT (group), ADDED_ROWS, rows, (GDestroyNotify) g_ptr_array_unref);
    }
  adw_preferences_group_add (group, row);
  g_ptr_array_add (rows, row);
}

void
loket_group_add_value (AdwPreferencesGroup *group,
                       const char          *title,
                       const char          *subtitle,
                       const char          *value)
{
  loket_group_add_row (group, loket_value_row_new (title, subtitle, value));
}

void
loket_group_add_amount (AdwPreferencesGroup *group,
                        const char          *title,
                        const char          *subtitle,
                        gint64               amount)
{
  loket_group_add_row (group, loket_amount_row_new (title, subtitle, amount));
}

void
loket_group_clear (AdwPreferencesGroup *group)
{
  GPtrArray *rows = g_object_get_data (G_OBJECT (group), ADDED_ROWS);

  for (guint i = 0; rows != NULL && i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  if (rows != NULL)
    g_ptr_array_set_size (rows, 0);
  adw_preferences_group_set_description (group, NULL);
}
