/* loket-receipt-print.c */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "loket-receipt.h"
#include "loket-receipt-print.h"
#include "loket-store-payments.h"

/* An A4 page readable beside its options; a roll about its real width. */
#define A4_PREVIEW_WIDTH 520
#define ROLL_PREVIEW_WIDTH 320

typedef struct {
  LoketStore  *store;     /* owned */
  char        *number;    /* owned */
  AdwComboRow *width_row; /* borrowed: the window holds it */
} ReceiptDocument;

static void
receipt_document_free (gpointer pointer)
{
  ReceiptDocument *document = pointer;

  g_object_unref (document->store);
  g_free (document->number);
  g_free (document);
}

static gboolean
write_receipt (const char  *path,
               gpointer     user_data,
               GError     **error)
{
  ReceiptDocument *document = user_data;
  g_autoptr(LoketReceipt) receipt = NULL;
  g_autofree char *branch = loket_store_dup_setting (document->store, LOKET_SETTING_BRANCH_NAME);
  LoketReceiptOptions options = { 0 };

  if ((receipt = loket_store_find_receipt (document->store, document->number, error)) == NULL)
    return FALSE;
  options.branch_name = branch;
  options.width = document->width_row != NULL && adw_combo_row_get_selected (document->width_row) == 1
                  ? LOKET_RECEIPT_ROLL_80MM : LOKET_RECEIPT_A4;
  return loket_receipt_write_pdf (receipt, &options, path, NULL, error);
}

static void
width_changed_cb (AdwComboRow         *row,
                  GParamSpec          *pspec,
                  LoketDocumentWindow *window)
{
  loket_document_window_set_preview_width (window, adw_combo_row_get_selected (row) == 1
                                                   ? ROLL_PREVIEW_WIDTH : A4_PREVIEW_WIDTH);
  loket_document_window_refresh (window);
}

LoketDocumentWindow *
loket_receipt_print_window_new (GtkWindow  *parent,
                                LoketStore *store,
                                const char *number)
{
  ReceiptDocument *document = g_new0 (ReceiptDocument, 1);
  g_autofree char *width = loket_store_dup_setting (store, LOKET_SETTING_RECEIPT_WIDTH);
  g_autofree char *file_name = g_strdup_printf (_("receipt-%s.pdf"), number);
  g_autoptr(GtkStringList) papers = gtk_string_list_new (NULL);
  gboolean roll = g_strcmp0 (width, "80mm") == 0;
  LoketDocumentWindow *window;
  GtkWidget *row;

  document->store = g_object_ref (store);
  document->number = g_strdup (number);

  /* The row is made first so the first preview is on the branch's paper. */
  row = adw_combo_row_new ();
  gtk_string_list_append (papers, _("A4"));
  gtk_string_list_append (papers, _("80 mm roll"));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (papers));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), roll ? 1 : 0);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Paper"));
  document->width_row = ADW_COMBO_ROW (row);

  window = loket_document_window_new (parent, _("Print Receipt"), number, file_name,
                                      roll ? ROLL_PREVIEW_WIDTH : A4_PREVIEW_WIDTH,
                                      write_receipt, document, receipt_document_free);
  loket_document_window_add_option (window, row);
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (width_changed_cb), window, 0);
  return window;
}
