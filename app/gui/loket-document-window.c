/* loket-document-window.c */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "loket-document-window.h"
#include "loket-file-chooser.h"
#include "loket-pdf-preview.h"
#include "loket-print.h"

struct _LoketDocumentWindow
{
  AdwWindow            parent_instance;

  LoketDocumentWriter  write;
  gpointer             user_data;
  GDestroyNotify       destroy;
  char                *file_name;      /* owned: suggested when saving */
  int                  preview_width;
  char                *folder;         /* owned: a private temporary folder */
  char                *pdf_path;       /* owned: the PDF shown, in folder */
  gboolean             sending;

  /* template children, borrowed */
  AdwWindowTitle      *window_title;
  LoketPdfPreview     *preview;
  AdwPreferencesGroup *options_group;
  GtkLabel            *message_label;
  GtkLabel            *pages_label;
  GtkButton           *print_button;
  GtkButton           *save_button;
};

G_DEFINE_FINAL_TYPE (LoketDocumentWindow, loket_document_window, ADW_TYPE_WINDOW)

enum {
  DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_message (LoketDocumentWindow *self,
              const char          *text)
{
  gtk_label_set_text (self->message_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), text != NULL);
}

static void
set_busy (LoketDocumentWindow *self,
          gboolean             busy)
{
  self->sending = busy;
  gtk_widget_set_sensitive (GTK_WIDGET (self->print_button), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), !busy);
}

void
loket_document_window_refresh (LoketDocumentWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pages = NULL;
  guint count;

  g_return_if_fail (LOKET_IS_DOCUMENT_WINDOW (self));

  if (self->pdf_path == NULL || self->write == NULL)
    return;
  show_message (self, NULL);
  loket_pdf_preview_clear (self->preview);
  if (!self->write (self->pdf_path, self->user_data, &error)
      || !loket_pdf_preview_load (self->preview, self->pdf_path, self->preview_width, &error))
    {
      show_message (self, error->message);
      gtk_widget_set_sensitive (GTK_WIDGET (self->print_button), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), FALSE);
      return;
    }
  count = loket_pdf_preview_get_page_count (self->preview);
  pages = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u page.", "%u pages.", count), count);
  gtk_label_set_text (self->pages_label, pages);
  set_busy (self, FALSE);
}

static void
finish (LoketDocumentWindow *self,
        const char          *text)
{
  g_signal_emit (self, signals[DONE], 0, text);
  gtk_window_destroy (GTK_WINDOW (self));
}

gboolean
loket_document_window_save_to (LoketDocumentWindow *self,
                               const char          *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (LOKET_IS_DOCUMENT_WINDOW (self), FALSE);

  /* Written straight to its place, atomically, rather than copied from the
   * preview: a copy cut short would leave half a file. */
  if (!self->write (path, self->user_data, &error))
    {
      show_message (self, error->message);
      return FALSE;
    }
  text = g_strdup_printf (_("Saved as %s"), path);
  finish (self, text);
  return TRUE;
}

static void
file_chosen (const char *path,
             gpointer    user_data)
{
  LoketDocumentWindow *self = user_data;

  if (path == NULL)
    show_message (self, _("File: choose a folder on this computer or a USB stick."));
  else
    loket_document_window_save_to (self, path);
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  LoketDocumentWindow *self = LOKET_DOCUMENT_WINDOW (widget);

  if (self->sending)
    return;
  loket_choose_file (GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE, _("Save as PDF"), _("_Save"),
                     self->file_name, file_chosen, self);
}

typedef struct {
  LoketDocumentWindow *self;     /* owned */
  char                *printer;  /* owned */
} PrintData;

static void
print_data_free (gpointer pointer)
{
  PrintData *data = pointer;

  g_object_unref (data->self);
  g_free (data->printer);
  g_free (data);
}

static void
print_done (const GError *error,
            gpointer      user_data)
{
  PrintData *data = user_data;
  g_autofree char *text = NULL;

  set_busy (data->self, FALSE);
  if (error != NULL)
    {
      text = g_strdup_printf (_("The document did not reach the printer %s: %s. Check the printer "
                                "and print again, or save it as a PDF."),
                              data->printer, error->message);
      show_message (data->self, text);
      return;
    }
  text = g_strdup_printf (_("Sent to the printer %s"), data->printer);
  finish (data->self, text);
}

static GtkPageSetup *
document_page_setup (LoketDocumentWindow *self)
{
  double width, height;

  if (!loket_pdf_preview_get_page_size (self->preview, &width, &height))
    return gtk_page_setup_new ();
  return loket_print_page_setup_for (width, height);
}

void
loket_document_window_print_to (LoketDocumentWindow *self,
                                GtkPrinter          *printer,
                                GtkPrintSettings    *settings)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkPageSetup) setup = NULL;
  g_autofree char *sending = NULL;
  PrintData *data;

  g_return_if_fail (LOKET_IS_DOCUMENT_WINDOW (self));
  g_return_if_fail (GTK_IS_PRINTER (printer));

  if (self->sending || self->pdf_path == NULL)
    return;
  setup = document_page_setup (self);
  data = g_new0 (PrintData, 1);
  data->self = g_object_ref (self);
  data->printer = g_strdup (gtk_printer_get_name (printer));

  /* Before sending: a printer may answer at once, from inside the call. */
  set_busy (self, TRUE);
  sending = g_strdup_printf (_("Sending to %s…"), data->printer);
  show_message (self, sending);
  if (!loket_print_send_pdf (printer, settings, setup, gtk_window_get_title (GTK_WINDOW (self)),
                             self->pdf_path, print_done, data, print_data_free, &error))
    {
      set_busy (self, FALSE);
      show_message (self, error->message);
    }
}

static void
printer_chosen (GtkPrinter       *printer,
                GtkPrintSettings *settings,
                GtkPageSetup     *page_setup,
                gpointer          user_data)
{
  loket_document_window_print_to (user_data, printer, settings);
}

static void
print_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  LoketDocumentWindow *self = LOKET_DOCUMENT_WINDOW (widget);
  g_autoptr(GtkPageSetup) setup = NULL;

  if (self->sending || loket_pdf_preview_get_page_count (self->preview) == 0)
    return;
  setup = document_page_setup (self);
  loket_print_choose_printer (GTK_WINDOW (self), gtk_window_get_title (GTK_WINDOW (self)), setup,
                              printer_chosen, self);
}

static void
loket_document_window_dispose (GObject *object)
{
  LoketDocumentWindow *self = LOKET_DOCUMENT_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LOKET_TYPE_DOCUMENT_WINDOW);
  if (self->destroy != NULL)
    g_clear_pointer (&self->user_data, self->destroy);

  G_OBJECT_CLASS (loket_document_window_parent_class)->dispose (object);
}

/* The PDF may hold NIKs and amounts: it goes with the window. */
static void
loket_document_window_finalize (GObject *object)
{
  LoketDocumentWindow *self = LOKET_DOCUMENT_WINDOW (object);

  if (self->pdf_path != NULL)
    g_unlink (self->pdf_path);
  if (self->folder != NULL)
    g_rmdir (self->folder);
  g_free (self->pdf_path);
  g_free (self->folder);
  g_free (self->file_name);

  G_OBJECT_CLASS (loket_document_window_parent_class)->finalize (object);
}

static void
loket_document_window_class_init (LoketDocumentWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = loket_document_window_dispose;
  object_class->finalize = loket_document_window_finalize;

  /* The document was printed or saved: a sentence saying so, for a toast.
   * The window closes itself after. */
  signals[DONE] = g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (LOKET_TYPE_PDF_PREVIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/loket/Loket/loket-document-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LoketDocumentWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, LoketDocumentWindow, preview);
  gtk_widget_class_bind_template_child (widget_class, LoketDocumentWindow, options_group);
  gtk_widget_class_bind_template_child (widget_class, LoketDocumentWindow, message_label);
  gtk_widget_class_bind_template_child (widget_class, LoketDocumentWindow, pages_label);
  gtk_widget_class_bind_template_child (widget_class, LoketDocumentWindow, print_button);
  gtk_widget_class_bind_template_child (widget_class, LoketDocumentWindow, save_button);

  gtk_widget_class_install_action (widget_class, "document.print", NULL, print_activated);
  gtk_widget_class_install_action (widget_class, "document.save", NULL, save_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "document.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "document.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
loket_document_window_init (LoketDocumentWindow *self)
{
  g_autoptr(GError) error = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->folder = g_dir_make_tmp ("loket-document-XXXXXX", &error);
  if (self->folder == NULL)
    show_message (self, error->message);
  else
    self->pdf_path = g_build_filename (self->folder, "preview.pdf", NULL);
}

LoketDocumentWindow *
loket_document_window_new (GtkWindow           *parent,
                           const char          *title,
                           const char          *subtitle,
                           const char          *file_name,
                           int                  preview_width,
                           LoketDocumentWriter  write,
                           gpointer             user_data,
                           GDestroyNotify       destroy)
{
  LoketDocumentWindow *self;

  g_return_val_if_fail (write != NULL, NULL);

  self = g_object_new (LOKET_TYPE_DOCUMENT_WINDOW, "transient-for", parent, "title", title, NULL);
  self->write = write;
  self->user_data = user_data;
  self->destroy = destroy;
  self->file_name = g_strdup (file_name);
  self->preview_width = preview_width;
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle != NULL ? subtitle : "");
  loket_document_window_refresh (self);
  return self;
}

void
loket_document_window_add_option (LoketDocumentWindow *self,
                                  GtkWidget           *row)
{
  g_return_if_fail (LOKET_IS_DOCUMENT_WINDOW (self));

  adw_preferences_group_add (self->options_group, row);
  gtk_widget_set_visible (GTK_WIDGET (self->options_group), TRUE);
}

void
loket_document_window_set_preview_width (LoketDocumentWindow *self,
                                         int                  width)
{
  g_return_if_fail (LOKET_IS_DOCUMENT_WINDOW (self));
  self->preview_width = width;
}

guint
loket_document_window_get_page_count (LoketDocumentWindow *self)
{
  g_return_val_if_fail (LOKET_IS_DOCUMENT_WINDOW (self), 0);
  return loket_pdf_preview_get_page_count (self->preview);
}

const char *
loket_document_window_get_message (LoketDocumentWindow *self)
{
  g_return_val_if_fail (LOKET_IS_DOCUMENT_WINDOW (self), NULL);
  if (!gtk_widget_get_visible (GTK_WIDGET (self->message_label)))
    return NULL;
  return gtk_label_get_text (self->message_label);
}
