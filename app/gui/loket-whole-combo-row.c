/* loket-whole-combo-row.c */
#include "config.h"

#include "loket-whole-combo-row.h"

struct _LoketWholeComboRow
{
  AdwComboRow parent_instance;
};

G_DEFINE_FINAL_TYPE (LoketWholeComboRow, loket_whole_combo_row, ADW_TYPE_COMBO_ROW)

static void
setup_item (GtkSignalListItemFactory *factory,
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
bind_item (GtkSignalListItemFactory *factory,
           GtkListItem              *item)
{
  GtkWidget *label = gtk_widget_get_first_child (gtk_list_item_get_child (item));

  gtk_label_set_text (GTK_LABEL (label), gtk_string_object_get_string (gtk_list_item_get_item (item)));
}

static void
loket_whole_combo_row_class_init (LoketWholeComboRowClass *klass)
{
}

static void
loket_whole_combo_row_init (LoketWholeComboRow *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_item), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_item), NULL);
  adw_combo_row_set_factory (ADW_COMBO_ROW (self), factory);
}

GtkWidget *
loket_whole_combo_row_new (void)
{
  return g_object_new (LOKET_TYPE_WHOLE_COMBO_ROW, NULL);
}
