/* loket-file-chooser.c */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "loket-file-chooser.h"

typedef struct {
  LoketFileChosen chosen;
  gpointer        user_data;
} Choice;

static void
chooser_response (GtkNativeDialog *chooser,
                  int              response,
                  gpointer         data)
{
  g_autofree Choice *choice = data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      choice->chosen (path, choice->user_data);
    }
  g_object_unref (chooser);
}

void
loket_choose_file (GtkWindow            *parent,
                   GtkFileChooserAction  action,
                   const char           *title,
                   const char           *accept_label,
                   const char           *suggested_name,
                   LoketFileChosen       chosen,
                   gpointer              user_data)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (title, parent, action, accept_label, _("_Cancel"));
  Choice *choice = g_new (Choice, 1);

  choice->chosen = chosen;
  choice->user_data = user_data;
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (suggested_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested_name);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response), choice);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
