/* loket-card-print-window.c */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "loket-card-print-window.h"
#include "loket-card.h"
#include "loket-error.h"
#include "loket-file-chooser.h"
#include "loket-kpj.h"
#include "loket-pdf-preview.h"
#include "loket-print.h"
#include "loket-staff.h"
#include "loket-store-cards.h"
#include "loket-store-cooperatives.h"

/* Preview widths in pixels: a card about its size on a counter screen, an
 * A4 sheet readable without scrolling sideways. */
#define CARD_PREVIEW_WIDTH 420
#define SHEET_PREVIEW_WIDTH 520

enum {
  LAYOUT_SINGLE,
  LAYOUT_SHEET,
};

enum {
  WHO_WITHOUT_CARD,
  WHO_EVERYONE,
};

struct _LoketCardPrintWindow
{
  AdwWindow         parent_instance;

  LoketStore       *store;             /* owned */
  GPtrArray        *everyone;          /* LoketMember *, owned */
  GPtrArray        *without_card;      /* LoketMember *, owned; NULL for one member */
  char             *cooperative_name;  /* owned, nullable */
  char             *folder;            /* owned: a private temporary folder */
  char             *pdf_path;          /* owned: the PDF previewed, in folder */
  GArray           *reprint_ids;       /* gint64, owned: who already has a card */
  gboolean          sending;

  /* template children, borrowed */
  AdwWindowTitle   *window_title;
  LoketPdfPreview  *preview;
  GtkLabel         *pages_label;
  AdwComboRow      *who_row;
  AdwComboRow      *layout_row;
  GtkSwitch        *back_switch;
  AdwPreferencesGroup *reprint_group;
  AdwComboRow      *reason_row;
  GtkLabel         *message_label;
  GtkButton        *print_button;
  GtkButton        *save_button;
};

G_DEFINE_FINAL_TYPE (LoketCardPrintWindow, loket_card_print_window, ADW_TYPE_WINDOW)

enum {
  PRINTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_message (LoketCardPrintWindow *self,
              const char           *text)
{
  gtk_label_set_text (self->message_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), text != NULL);
}

static GPtrArray *
chosen_members (LoketCardPrintWindow *self)
{
  if (self->without_card != NULL && adw_combo_row_get_selected (self->who_row) == WHO_WITHOUT_CARD)
    return self->without_card;
  return self->everyone;
}

static gboolean
sheet_chosen (LoketCardPrintWindow *self)
{
  return adw_combo_row_get_selected (self->layout_row) == LAYOUT_SHEET;
}

static gint64 *
member_ids (GPtrArray *members)
{
  gint64 *ids = g_new (gint64, MAX (members->len, 1));

  for (guint i = 0; i < members->len; i++)
    ids[i] = ((LoketMember *) g_ptr_array_index (members, i))->id;
  return ids;
}

static gboolean
write_cards (LoketCardPrintWindow *self,
             const char           *printer,
             const char           *path,
             GError              **error)
{
  g_autofree char *branch = loket_store_dup_setting (self->store, LOKET_SETTING_BRANCH_NAME);
  g_autofree char *show_nik = loket_store_dup_setting (self->store, LOKET_SETTING_CARD_SHOW_NIK);
  LoketCardOptions options = { 0 };

  options.branch_name = branch;
  options.cooperative_name = self->cooperative_name;
  options.back = gtk_switch_get_active (self->back_switch);
  options.show_nik = g_strcmp0 (show_nik, "1") == 0;
  options.layout = sheet_chosen (self) ? LOKET_CARD_LAYOUT_A4 : LOKET_CARD_LAYOUT_SINGLE;
  /* The printer's correction, set in Preferences, moves sheets only: a
   * single card is fed on its own and centred by the printer. */
  if (printer != NULL && options.layout == LOKET_CARD_LAYOUT_A4)
    loket_store_get_card_printer_offset (self->store, printer, &options.offset_x_mm, &options.offset_y_mm);
  return loket_card_write_pdf (chosen_members (self), &options, path, NULL, error);
}

/* Draws the PDF from the file itself, so what is seen is what is printed. */
static gboolean
show_pages (LoketCardPrintWindow  *self,
            GError               **error)
{
  int width = sheet_chosen (self) ? SHEET_PREVIEW_WIDTH : CARD_PREVIEW_WIDTH;
  g_autofree char *summary = NULL;
  guint cards = chosen_members (self)->len;
  guint pages, shown;

  if (!loket_pdf_preview_load (self->preview, self->pdf_path, width, error))
    return FALSE;
  pages = loket_pdf_preview_get_page_count (self->preview);
  shown = loket_pdf_preview_get_shown_count (self->preview);
  if (shown < pages)
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u card on %u pages; the first %u are shown.",
                                            "%u cards on %u pages; the first %u are shown.",
                                            cards),
                               cards, pages, shown);
  else
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u card on %u page.",
                                            "%u cards on %u pages.", cards),
                               cards, pages);
  gtk_label_set_text (self->pages_label, summary);
  return TRUE;
}

/* Who among the chosen members already has a card decides whether a
 * reason is asked for. */
static void
update_reprints (LoketCardPrintWindow *self)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *members = chosen_members (self);
  g_autofree gint64 *ids = member_ids (members);
  g_autofree char *description = NULL;

  g_clear_pointer (&self->reprint_ids, g_array_unref);
  self->reprint_ids = loket_store_dup_members_with_card (self->store, ids, members->len, &error);
  if (self->reprint_ids == NULL)
    {
      show_message (self, error->message);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->reprint_group), self->reprint_ids->len > 0);
  if (members->len == 1)
    description = g_strdup (_("This member already has a card. Say why it is printed again."));
  else
    description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "%u of these members already has a card. Say why it is printed again.",
                                                "%u of these members already have a card. Say why they are printed again.",
                                                self->reprint_ids->len),
                                   self->reprint_ids->len);
  adw_preferences_group_set_description (self->reprint_group, description);
}

/* Writes the PDF again with the options chosen and shows it. */
static void
refresh (LoketCardPrintWindow *self)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *members = chosen_members (self);
  g_autofree char *subtitle = NULL;

  /* Template signals fire while the window is being built. */
  if (self->pdf_path == NULL || self->everyone == NULL)
    return;

  loket_pdf_preview_clear (self->preview);
  show_message (self, NULL);
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u card", "%u cards", members->len),
                              members->len);
  adw_window_title_set_subtitle (self->window_title, subtitle);

  if (members->len == 0)
    {
      gtk_label_set_text (self->pages_label, _("Every member already has a card. Choose “All members” to print them again."));
      gtk_widget_set_visible (GTK_WIDGET (self->reprint_group), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->print_button), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), FALSE);
      return;
    }

  update_reprints (self);
  if (!write_cards (self, NULL, self->pdf_path, &error) || !show_pages (self, &error))
    {
      show_message (self, error->message);
      gtk_widget_set_sensitive (GTK_WIDGET (self->print_button), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), FALSE);
      return;
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->print_button), !self->sending);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), !self->sending);
}

/* A reprint goes no further without its reason. */
static gboolean
reason_given (LoketCardPrintWindow *self,
              LoketReprintReason   *reason)
{
  *reason = (LoketReprintReason) adw_combo_row_get_selected (self->reason_row);
  if (self->reprint_ids != NULL && self->reprint_ids->len > 0 && *reason == LOKET_REPRINT_NONE)
    {
      show_message (self, _("Reprint reason: choose why the card is printed again (lost, damaged or data changed)."));
      gtk_widget_grab_focus (GTK_WIDGET (self->reason_row));
      return FALSE;
    }
  if (self->reprint_ids == NULL || self->reprint_ids->len == 0)
    *reason = LOKET_REPRINT_NONE;
  return TRUE;
}

static gboolean
log_job (LoketCardPrintWindow  *self,
         LoketCardDestination   destination,
         const char            *target,
         LoketReprintReason     reason,
         GError               **error)
{
  g_autofree char *clerk = loket_staff_current_name (NULL);
  GPtrArray *members = chosen_members (self);
  g_autofree gint64 *ids = member_ids (members);
  LoketCardPrintJob job = {
    .clerk = clerk,
    .destination = destination,
    .target = target,
    .sheet = sheet_chosen (self),
    .back = gtk_switch_get_active (self->back_switch),
    .reason = reason,
  };

  return loket_store_log_card_print (self->store, &job, ids, members->len, error) != 0;
}

static void
finish (LoketCardPrintWindow *self,
        LoketCardDestination  destination,
        const char           *where)
{
  guint count = chosen_members (self)->len;
  g_autofree char *text = NULL;

  if (destination == LOKET_CARD_DESTINATION_PRINTER)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u card sent to the printer %s",
                                         "%u cards sent to the printer %s", count),
                            count, where);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u card saved as %s",
                                         "%u cards saved as %s", count),
                            count, where);
  g_signal_emit (self, signals[PRINTED], 0, count, text);
  gtk_window_destroy (GTK_WINDOW (self));
}

gboolean
loket_card_print_window_save_to (LoketCardPrintWindow *self,
                                 const char           *path)
{
  g_autoptr(GError) error = NULL;
  LoketReprintReason reason;

  g_return_val_if_fail (LOKET_IS_CARD_PRINT_WINDOW (self), FALSE);

  if (!reason_given (self, &reason))
    return FALSE;
  /* Written straight to its place by the core, atomically, rather than
   * copied from the preview: a copy cut short would leave half a file. */
  if (!write_cards (self, NULL, path, &error)
      || !log_job (self, LOKET_CARD_DESTINATION_FILE, path, reason, &error))
    {
      show_message (self, error->message);
      return FALSE;
    }
  finish (self, LOKET_CARD_DESTINATION_FILE, path);
  return TRUE;
}

static void
file_chosen (const char *path,
             gpointer    user_data)
{
  LoketCardPrintWindow *self = user_data;

  if (path == NULL)
    show_message (self, _("File: choose a folder on this computer or a USB stick."));
  else
    loket_card_print_window_save_to (self, path);
}

static char *
suggested_file_name (LoketCardPrintWindow *self)
{
  LoketMember *first = g_ptr_array_index (chosen_members (self), 0);

  if (self->without_card == NULL && self->everyone->len == 1)
    return g_strdup_printf (_("card-%s.pdf"), first->kpj);
  return g_strdup (_("cards.pdf"));
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  LoketCardPrintWindow *self = LOKET_CARD_PRINT_WINDOW (widget);
  g_autofree char *name = NULL;
  LoketReprintReason reason;

  if (self->sending || chosen_members (self)->len == 0 || !reason_given (self, &reason))
    return;
  name = suggested_file_name (self);
  loket_choose_file (GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE, _("Save the Cards as PDF"), _("_Save"),
                     name, file_chosen, self);
}

typedef struct {
  LoketCardPrintWindow *self;       /* owned */
  char                 *printer;    /* owned */
  LoketReprintReason    reason;
} PrintJobData;

static void
print_job_data_free (gpointer pointer)
{
  PrintJobData *data = pointer;

  g_object_unref (data->self);
  g_free (data->printer);
  g_free (data);
}

static void
print_job_done (const GError *job_error,
                gpointer      user_data)
{
  PrintJobData *data = user_data;
  LoketCardPrintWindow *self = data->self;
  g_autoptr(GError) error = NULL;

  self->sending = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->print_button), TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), TRUE);

  if (job_error != NULL)
    {
      g_autofree char *text =
        g_strdup_printf (_("The cards did not reach the printer %s: %s. Nothing was logged; "
                           "check the printer and print again, or save the cards as a PDF."),
                         data->printer, job_error->message);
      show_message (self, text);
      return;
    }
  if (!log_job (self, LOKET_CARD_DESTINATION_PRINTER, data->printer, data->reason, &error))
    {
      g_autofree char *text =
        g_strdup_printf (_("The cards went to the printer %s, but the print log could not be written: %s"),
                         data->printer, error->message);
      show_message (self, text);
      return;
    }
  finish (self, LOKET_CARD_DESTINATION_PRINTER, data->printer);
}

/* The paper of the layout chosen: A4, or a CR80 card. */
static GtkPageSetup *
page_setup_for_layout (LoketCardPrintWindow *self)
{
  double width, height;

  if (!loket_pdf_preview_get_page_size (self->preview, &width, &height))
    return gtk_page_setup_new ();
  return loket_print_page_setup_for (width, height);
}

void
loket_card_print_window_print_to (LoketCardPrintWindow *self,
                                  GtkPrinter           *printer,
                                  GtkPrintSettings     *settings,
                                  GtkPageSetup         *page_setup)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkPageSetup) own_page_setup = NULL;
  g_autofree char *path = NULL;
  PrintJobData *data;
  const char *name;
  LoketReprintReason reason;

  g_return_if_fail (LOKET_IS_CARD_PRINT_WINDOW (self));
  g_return_if_fail (GTK_IS_PRINTER (printer));

  if (self->sending || !reason_given (self, &reason))
    return;
  name = gtk_printer_get_name (printer);
  path = g_build_filename (self->folder, "print.pdf", NULL);
  if (page_setup == NULL)
    page_setup = own_page_setup = page_setup_for_layout (self);

  /* Written again with this printer's offset; the preview has none. */
  if (!write_cards (self, name, path, &error))
    {
      show_message (self, error->message);
      return;
    }
  data = g_new0 (PrintJobData, 1);
  data->self = g_object_ref (self);
  data->printer = g_strdup (name);
  data->reason = reason;

  /* Before sending: a printer may answer at once, from inside the call. */
  self->sending = TRUE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->print_button), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), FALSE);
  {
    g_autofree char *text = g_strdup_printf (_("Sending the cards to %s…"), name);
    show_message (self, text);
  }
  if (!loket_print_send_pdf (printer, settings, page_setup, _("Membership cards"), path,
                             print_job_done, data, print_job_data_free, &error))
    {
      self->sending = FALSE;
      gtk_widget_set_sensitive (GTK_WIDGET (self->print_button), TRUE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), TRUE);
      show_message (self, error->message);
    }
}

static void
printer_chosen (GtkPrinter       *printer,
                GtkPrintSettings *settings,
                GtkPageSetup     *page_setup,
                gpointer          user_data)
{
  loket_card_print_window_print_to (user_data, printer, settings, page_setup);
}

static void
print_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  LoketCardPrintWindow *self = LOKET_CARD_PRINT_WINDOW (widget);
  g_autoptr(GtkPageSetup) setup = NULL;
  LoketReprintReason reason;

  if (self->sending || chosen_members (self)->len == 0 || !reason_given (self, &reason))
    return;
  setup = page_setup_for_layout (self);
  loket_print_choose_printer (GTK_WINDOW (self), _("Print Cards"), setup, printer_chosen, self);
}

static void
loket_card_print_window_dispose (GObject *object)
{
  LoketCardPrintWindow *self = LOKET_CARD_PRINT_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LOKET_TYPE_CARD_PRINT_WINDOW);
  g_clear_object (&self->store);
  g_clear_pointer (&self->everyone, g_ptr_array_unref);
  g_clear_pointer (&self->without_card, g_ptr_array_unref);
  g_clear_pointer (&self->reprint_ids, g_array_unref);
  g_clear_pointer (&self->cooperative_name, g_free);

  G_OBJECT_CLASS (loket_card_print_window_parent_class)->dispose (object);
}

/* The PDFs hold NIKs: they go with the window. */
static void
loket_card_print_window_finalize (GObject *object)
{
  LoketCardPrintWindow *self = LOKET_CARD_PRINT_WINDOW (object);

  if (self->folder != NULL)
    {
      g_autofree char *print_path = g_build_filename (self->folder, "print.pdf", NULL);

      g_unlink (print_path);
      if (self->pdf_path != NULL)
        g_unlink (self->pdf_path);
      g_rmdir (self->folder);
    }
  g_free (self->pdf_path);
  g_free (self->folder);

  G_OBJECT_CLASS (loket_card_print_window_parent_class)->finalize (object);
}

static void
loket_card_print_window_class_init (LoketCardPrintWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (LOKET_TYPE_PDF_PREVIEW);
  object_class->dispose = loket_card_print_window_dispose;
  object_class->finalize = loket_card_print_window_finalize;

  /* The cards were sent or saved and logged: how many, and a sentence
   * saying so for a toast. The window closes itself after. */
  signals[PRINTED] = g_signal_new ("printed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/loket/Loket/loket-card-print-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LoketCardPrintWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, LoketCardPrintWindow, preview);
  gtk_widget_class_bind_template_child (widget_class, LoketCardPrintWindow, pages_label);
  gtk_widget_class_bind_template_child (widget_class, LoketCardPrintWindow, who_row);
  gtk_widget_class_bind_template_child (widget_class, LoketCardPrintWindow, layout_row);
  gtk_widget_class_bind_template_child (widget_class, LoketCardPrintWindow, back_switch);
  gtk_widget_class_bind_template_child (widget_class, LoketCardPrintWindow, reprint_group);
  gtk_widget_class_bind_template_child (widget_class, LoketCardPrintWindow, reason_row);
  gtk_widget_class_bind_template_child (widget_class, LoketCardPrintWindow, message_label);
  gtk_widget_class_bind_template_child (widget_class, LoketCardPrintWindow, print_button);
  gtk_widget_class_bind_template_child (widget_class, LoketCardPrintWindow, save_button);
  gtk_widget_class_bind_template_callback (widget_class, refresh);

  gtk_widget_class_install_action (widget_class, "cards.print", NULL, print_activated);
  gtk_widget_class_install_action (widget_class, "cards.save", NULL, save_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "cards.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "cards.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
loket_card_print_window_init (LoketCardPrintWindow *self)
{
  g_autoptr(GError) error = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->folder = g_dir_make_tmp ("loket-cards-XXXXXX", &error);
  if (self->folder == NULL)
    show_message (self, error->message);
  else
    self->pdf_path = g_build_filename (self->folder, "preview.pdf", NULL);
}

static LoketCardPrintWindow *
new_window (GtkWindow  *parent,
            LoketStore *store)
{
  LoketCardPrintWindow *self = g_object_new (LOKET_TYPE_CARD_PRINT_WINDOW,
                                             "transient-for", parent,
                                             NULL);

  self->store = g_object_ref (store);
  return self;
}

LoketCardPrintWindow *
loket_card_print_window_new_for_member (GtkWindow   *parent,
                                        LoketStore  *store,
                                        LoketMember *member)
{
  LoketCardPrintWindow *self;

  g_return_val_if_fail (LOKET_IS_STORE (store), NULL);
  g_return_val_if_fail (LOKET_IS_MEMBER (member), NULL);

  self = new_window (parent, store);
  self->everyone = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (self->everyone, g_object_ref (member));
  adw_window_title_set_title (self->window_title, member->name);
  gtk_widget_set_visible (GTK_WIDGET (self->who_row), FALSE);
  adw_combo_row_set_selected (self->layout_row, LAYOUT_SINGLE);
  refresh (self);
  return self;
}

LoketCardPrintWindow *
loket_card_print_window_new_for_cooperative (GtkWindow   *parent,
                                             LoketStore  *store,
                                             gint64       cooperative_id,
                                             GError     **error)
{
  g_autoptr(LoketCooperative) cooperative = NULL;
  g_autoptr(GPtrArray) everyone = NULL;
  g_autoptr(GPtrArray) without_card = NULL;
  LoketCardPrintWindow *self;

  g_return_val_if_fail (LOKET_IS_STORE (store), NULL);

  if ((cooperative = loket_store_find_cooperative (store, cooperative_id, error)) == NULL
      || (everyone = loket_store_load_cooperative_card_members (store, cooperative_id, FALSE, error)) == NULL
      || (without_card = loket_store_load_cooperative_card_members (store, cooperative_id, TRUE, error)) == NULL)
    return NULL;
  if (everyone->len == 0)
    {
      g_set_error_literal (error, LOKET_ERROR, LOKET_ERROR_NOT_FOUND,
                           _("This cooperative has no members yet; there are no cards to print."));
      return NULL;
    }

  self = new_window (parent, store);
  self->everyone = g_steal_pointer (&everyone);
  self->without_card = g_steal_pointer (&without_card);
  self->cooperative_name = g_strdup (cooperative->name);
  adw_window_title_set_title (self->window_title, cooperative->name);
  {
    g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
    g_autofree char *without = g_strdup_printf (_("Without a card yet (%u)"), self->without_card->len);
    g_autofree char *all = g_strdup_printf (_("All members (%u)"), self->everyone->len);

    gtk_string_list_append (choices, without);
    gtk_string_list_append (choices, all);
    adw_combo_row_set_model (self->who_row, G_LIST_MODEL (choices));
  }
  adw_combo_row_set_selected (self->who_row, self->without_card->len > 0 ? WHO_WITHOUT_CARD : WHO_EVERYONE);
  adw_combo_row_set_selected (self->layout_row, LAYOUT_SHEET);
  refresh (self);
  return self;
}

guint
loket_card_print_window_get_page_count (LoketCardPrintWindow *self)
{
  g_return_val_if_fail (LOKET_IS_CARD_PRINT_WINDOW (self), 0);
  return loket_pdf_preview_get_page_count (self->preview);
}

guint
loket_card_print_window_get_preview_count (LoketCardPrintWindow *self)
{
  g_return_val_if_fail (LOKET_IS_CARD_PRINT_WINDOW (self), 0);
  return loket_pdf_preview_get_shown_count (self->preview);
}

const char *
loket_card_print_window_get_pdf_path (LoketCardPrintWindow *self)
{
  g_return_val_if_fail (LOKET_IS_CARD_PRINT_WINDOW (self), NULL);
  return self->pdf_path;
}

gboolean
loket_card_print_window_is_reprint (LoketCardPrintWindow *self)
{
  g_return_val_if_fail (LOKET_IS_CARD_PRINT_WINDOW (self), FALSE);
  return self->reprint_ids != NULL && self->reprint_ids->len > 0;
}

const char *
loket_card_print_window_get_message (LoketCardPrintWindow *self)
{
  g_return_val_if_fail (LOKET_IS_CARD_PRINT_WINDOW (self), NULL);
  if (!gtk_widget_get_visible (GTK_WIDGET (self->message_label)))
    return NULL;
  return gtk_label_get_text (self->message_label);
}
