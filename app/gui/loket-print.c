/* loket-print.c */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "loket-error.h"
#include "loket-print.h"

#define A4_WIDTH_PT 595.276
#define A4_HEIGHT_PT 841.89
#define POINTS_PER_MM (72.0 / 25.4)

GtkPageSetup *
loket_print_page_setup_for (double width_pt,
                            double height_pt)
{
  GtkPageSetup *setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper = NULL;

  if (fabs (width_pt - A4_WIDTH_PT) < 1 && fabs (height_pt - A4_HEIGHT_PT) < 1)
    paper = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  else
    {
      g_autofree char *name = g_strdup_printf ("loket-%.0fx%.0fmm", width_pt / POINTS_PER_MM,
                                               height_pt / POINTS_PER_MM);

      paper = gtk_paper_size_new_custom (name, name, width_pt / POINTS_PER_MM, height_pt / POINTS_PER_MM,
                                         GTK_UNIT_MM);
    }
  gtk_page_setup_set_paper_size_and_default_margins (setup, paper);
  return setup;
}

typedef struct {
  LoketPrinterChosen chosen;
  gpointer           user_data;
} ChooseData;

static void
dialog_response (GtkDialog *dialog,
                 int        response,
                 gpointer   user_data)
{
  g_autofree ChooseData *data = user_data;
  GtkPrintUnixDialog *print_dialog = GTK_PRINT_UNIX_DIALOG (dialog);

  if (response == GTK_RESPONSE_OK)
    {
      GtkPrinter *printer = gtk_print_unix_dialog_get_selected_printer (print_dialog);
      g_autoptr(GtkPrintSettings) settings = gtk_print_unix_dialog_get_settings (print_dialog);
      GtkPageSetup *page_setup = gtk_print_unix_dialog_get_page_setup (print_dialog);

      if (printer != NULL)
        data->chosen (printer, settings, page_setup, data->user_data);
    }
  gtk_window_destroy (GTK_WINDOW (dialog));
}

void
loket_print_choose_printer (GtkWindow          *parent,
                            const char         *title,
                            GtkPageSetup       *page_setup,
                            LoketPrinterChosen  chosen,
                            gpointer            user_data)
{
  GtkWidget *dialog = gtk_print_unix_dialog_new (title, parent);
  ChooseData *data = g_new (ChooseData, 1);

  data->chosen = chosen;
  data->user_data = user_data;
  gtk_print_unix_dialog_set_page_setup (GTK_PRINT_UNIX_DIALOG (dialog), page_setup);
  /* The document is a finished PDF: only copies can be chosen. */
  gtk_print_unix_dialog_set_manual_capabilities (GTK_PRINT_UNIX_DIALOG (dialog),
                                                 GTK_PRINT_CAPABILITY_GENERATE_PDF
                                                 | GTK_PRINT_CAPABILITY_COPIES);
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (dialog_response), data);
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct {
  LoketPrintDone done;
  gpointer       user_data;
  GDestroyNotify destroy;
} SendData;

static void
send_data_free (gpointer pointer)
{
  SendData *data = pointer;

  if (data->destroy != NULL)
    data->destroy (data->user_data);
  g_free (data);
}

static void
job_done (GtkPrintJob  *job,
          gpointer      user_data,
          const GError *error)
{
  SendData *data = user_data;

  data->done (error, data->user_data);
}

gboolean
loket_print_send_pdf (GtkPrinter        *printer,
                      GtkPrintSettings  *settings,
                      GtkPageSetup      *page_setup,
                      const char        *title,
                      const char        *path,
                      LoketPrintDone     done,
                      gpointer           user_data,
                      GDestroyNotify     destroy,
                      GError           **error)
{
  g_autoptr(GtkPrintJob) job = NULL;
  g_autoptr(GtkPrintSettings) own_settings = NULL;
  SendData *data;

  g_return_val_if_fail (GTK_IS_PRINTER (printer), FALSE);
  g_return_val_if_fail (GTK_IS_PAGE_SETUP (page_setup), FALSE);

  if (!gtk_printer_accepts_pdf (printer))
    {
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                   _("The printer %s does not take PDF files. Choose another printer, "
                     "or save the document as a PDF and print it from there."),
                   gtk_printer_get_name (printer));
      if (destroy != NULL)
        destroy (user_data);
      return FALSE;
    }
  if (settings == NULL)
    settings = own_settings = gtk_print_settings_new ();
  job = gtk_print_job_new (title, printer, settings, page_setup);
  if (!gtk_print_job_set_source_file (job, path, error))
    {
      if (destroy != NULL)
        destroy (user_data);
      return FALSE;
    }
  data = g_new (SendData, 1);
  data->done = done;
  data->user_data = user_data;
  data->destroy = destroy;
  gtk_print_job_send (job, job_done, data, send_data_free);
  return TRUE;
}
