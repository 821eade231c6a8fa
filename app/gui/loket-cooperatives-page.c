/* loket-cooperatives-page.c */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "loket-cooperatives-page.h"
#include "loket-date.h"
#include "loket-error.h"
#include "loket-field-message.h"
#include "loket-format.h"
#include "loket-store-cooperatives.h"
#include "loket-whole-combo-row.h"

struct _LoketCooperativesPage
{
  AdwBin             parent_instance;

  LoketStore        *store;          /* owned */
  GListStore        *cooperatives;   /* LoketCooperative, owned */

  /* template children, borrowed */
  GtkStack          *stack;
  GtkListBox        *list;
  AdwEntryRow       *name_row;
  AdwComboRow       *kind_row;
  AdwEntryRow       *ahu_row;
  AdwEntryRow       *region_row;
  AdwEntryRow       *potential_row;
  LoketFieldMessage *name_message;
  LoketFieldMessage *ahu_message;
  LoketFieldMessage *region_message;
  LoketFieldMessage *potential_message;
  GtkLabel          *form_error;
};

G_DEFINE_FINAL_TYPE (LoketCooperativesPage, loket_cooperatives_page, ADW_TYPE_BIN)

enum { OPEN_COOPERATIVE, ADDED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* 3000 → "3.000", as Indonesians group digits. */
static char *
format_count (gint64 n)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GINT64_FORMAT, n < 0 ? -n : n);
  GString *out = g_string_new (n < 0 ? "-" : "");
  gsize len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (out, '.');
      g_string_append_c (out, digits[i]);
    }
  return g_string_free (out, FALSE);
}

static GtkWidget *
make_row (LoketCooperative *cooperative)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *bar = gtk_progress_bar_new ();
  GtkWidget *counts;
  gint64 bp = loket_cooperative_coverage_bp (cooperative);
  g_autofree char *subtitle = NULL;
  g_autofree char *registered = format_count (cooperative->registered);
  g_autofree char *text = NULL;
  g_autofree char *percent = NULL;

  subtitle = g_strdup_printf ("%s · %s", loket_cooperative_kind_label (cooperative->kind),
                              cooperative->regency ? cooperative->regency
                              : cooperative->region_code ? cooperative->region_code : _("no region"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cooperative->name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  if (cooperative->potential >= 0)
    {
      g_autofree char *potential = format_count (cooperative->potential);
      /* Translators: members registered of the potential, "12 of 3000" */
      text = g_strdup_printf (_("%s of %s registered"), registered, potential);
    }
  else
    text = g_strdup_printf (_("%s registered, potential unknown"), registered);
  if (cooperative->active >= 0)
    {
      g_autofree char *active = format_count (cooperative->active);
      g_autofree char *with_active = NULL;

      /* Translators: the registered count above, then those paid up this month */
      with_active = g_strdup_printf (_("%s · %s active"), text, active);
      g_free (text);
      text = g_steal_pointer (&with_active);
    }
  counts = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (counts), 1);
  gtk_widget_add_css_class (counts, "numeric");
  gtk_widget_add_css_class (counts, "caption");

  percent = bp >= 0 ? loket_format_percent (bp) : g_strdup ("–");
  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (bar), bp >= 0 ? MIN (bp, 10000) / 10000.0 : 0);
  gtk_progress_bar_set_text (GTK_PROGRESS_BAR (bar), percent);
  gtk_progress_bar_set_show_text (GTK_PROGRESS_BAR (bar), TRUE);
  gtk_widget_set_size_request (bar, 180, -1);

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), counts);
  gtk_box_append (GTK_BOX (box), bar);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  g_object_set_data_full (G_OBJECT (row), "cooperative", g_object_ref (cooperative), g_object_unref);
  return row;
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  return make_row (LOKET_COOPERATIVE (item));
}

void
loket_cooperatives_page_reload (LoketCooperativesPage *self)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (LOKET_IS_COOPERATIVES_PAGE (self));

  if (self->store == NULL)
    return;
  list = loket_store_list_cooperatives (self->store, &error);
  if (list == NULL)
    {
      g_warning ("%s", error->message);
      return;
    }
  g_list_store_splice (self->cooperatives, 0, g_list_model_get_n_items (G_LIST_MODEL (self->cooperatives)),
                       list->pdata, list->len);
  if (!g_str_equal (gtk_stack_get_visible_child_name (self->stack), "form"))
    gtk_stack_set_visible_child_name (self->stack, list->len > 0 ? "list" : "empty");
}

static void
clear_messages (LoketCooperativesPage *self)
{
  loket_field_message_set_message (self->name_message, LOKET_FIELD_MESSAGE_ERROR, NULL);
  loket_field_message_set_message (self->ahu_message, LOKET_FIELD_MESSAGE_ERROR, NULL);
  loket_field_message_set_message (self->region_message, LOKET_FIELD_MESSAGE_ERROR, NULL);
  loket_field_message_set_message (self->potential_message, LOKET_FIELD_MESSAGE_ERROR, NULL);
  gtk_label_set_text (self->form_error, "");
  gtk_widget_set_visible (GTK_WIDGET (self->form_error), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->ahu_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->region_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->potential_row), "error");
}

static void
show_general (LoketCooperativesPage *self,
              const char            *text)
{
  g_autofree char *joined = NULL;
  const char *old = gtk_label_get_text (self->form_error);

  joined = old && *old ? g_strdup_printf ("%s\n%s", old, text) : g_strdup (text);
  gtk_label_set_text (self->form_error, joined);
  gtk_widget_set_visible (GTK_WIDGET (self->form_error), TRUE);
}

static void
show_problem (LoketCooperativesPage *self,
              LoketProblem          *problem)
{
  LoketFieldMessageKind kind = problem->severity == LOKET_SEVERITY_ERROR
                               ? LOKET_FIELD_MESSAGE_ERROR : LOKET_FIELD_MESSAGE_WARNING;
  LoketFieldMessage *message = NULL;
  GtkWidget *row = NULL;

  if (g_strcmp0 (problem->field, "name") == 0)
    message = self->name_message, row = GTK_WIDGET (self->name_row);
  else if (g_strcmp0 (problem->field, "ahu") == 0)
    message = self->ahu_message, row = GTK_WIDGET (self->ahu_row);
  else if (g_strcmp0 (problem->field, "region_code") == 0)
    message = self->region_message, row = GTK_WIDGET (self->region_row);
  else if (g_strcmp0 (problem->field, "potential") == 0)
    message = self->potential_message, row = GTK_WIDGET (self->potential_row);

  if (message == NULL)
    {
      show_general (self, problem->message);
      return;
    }
  loket_field_message_set_message (message, kind, problem->message);
  if (problem->severity == LOKET_SEVERITY_ERROR)
    gtk_widget_add_css_class (row, "error");
}

static void
reset_form (LoketCooperativesPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->ahu_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->region_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->potential_row), "");
  adw_combo_row_set_selected (self->kind_row, 0);
  clear_messages (self);
}

static char *
text_of (AdwEntryRow *row)
{
  char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  LoketCooperativesPage *self = LOKET_COOPERATIVES_PAGE (widget);
  g_autoptr(LoketCooperative) draft = loket_cooperative_new ();
  g_autoptr(LoketCooperative) saved = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *potential = text_of (self->potential_row);
  GDate today;

  clear_messages (self);
  draft->name = text_of (self->name_row);
  draft->kind = (LoketCooperativeKind) adw_combo_row_get_selected (self->kind_row);
  draft->ahu = text_of (self->ahu_row);
  draft->region_code = text_of (self->region_row);
  draft->potential = -1;
  if (potential != NULL)
    {
      GString *digits = g_string_new (NULL);
      gboolean ok = TRUE;

      for (const char *p = potential; *p; p++)
        if (g_ascii_isdigit (*p))
          g_string_append_c (digits, *p);
        else if (*p != '.' && *p != ' ')
          ok = FALSE;
      if (!ok || digits->len == 0 || digits->len > 12)
        {
          loket_field_message_set_message (self->potential_message, LOKET_FIELD_MESSAGE_ERROR,
                                           _("Type the potential as a whole number of people, such as 3000."));
          gtk_widget_add_css_class (GTK_WIDGET (self->potential_row), "error");
          g_string_free (digits, TRUE);
          return;
        }
      draft->potential = g_ascii_strtoll (digits->str, NULL, 10);
      g_string_free (digits, TRUE);
    }

  loket_date_set_today (&today);
  saved = loket_store_add_cooperative (self->store, draft, &today, &problems, &error);
  if (problems != NULL)
    for (guint i = 0; i < problems->len; i++)
      show_problem (self, g_ptr_array_index (problems, i));
  if (saved == NULL)
    {
      if (problems == NULL || loket_problems_count (problems, LOKET_SEVERITY_ERROR) == 0)
        {
          if (g_error_matches (error, LOKET_ERROR, LOKET_ERROR_CONFLICT))
            {
              loket_field_message_set_message (self->ahu_message, LOKET_FIELD_MESSAGE_ERROR, error->message);
              gtk_widget_add_css_class (GTK_WIDGET (self->ahu_row), "error");
            }
          else
            show_general (self, error->message);
        }
      return;
    }

  reset_form (self);
  gtk_stack_set_visible_child_name (self->stack, "list");
  loket_cooperatives_page_reload (self);
  g_signal_emit (self, signals[ADDED], 0, saved);
}

void
loket_cooperatives_page_show_form (LoketCooperativesPage *self,
                                   gboolean               show)
{
  g_return_if_fail (LOKET_IS_COOPERATIVES_PAGE (self));

  if (show)
    {
      gtk_stack_set_visible_child_name (self->stack, "form");
      gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
    }
  else
    {
      gtk_stack_set_visible_child_name (self->stack, "list");
      loket_cooperatives_page_reload (self);
    }
}

gboolean
loket_cooperatives_page_get_form_shown (LoketCooperativesPage *self)
{
  g_return_val_if_fail (LOKET_IS_COOPERATIVES_PAGE (self), FALSE);
  return g_str_equal (gtk_stack_get_visible_child_name (self->stack), "form");
}

GListModel *
loket_cooperatives_page_get_cooperatives (LoketCooperativesPage *self)
{
  g_return_val_if_fail (LOKET_IS_COOPERATIVES_PAGE (self), NULL);
  return G_LIST_MODEL (self->cooperatives);
}

static void
add_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  loket_cooperatives_page_show_form (LOKET_COOPERATIVES_PAGE (widget), TRUE);
}

static void
cancel_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LoketCooperativesPage *self = LOKET_COOPERATIVES_PAGE (widget);

  reset_form (self);
  loket_cooperatives_page_show_form (self, FALSE);
}

static void
row_activated_cb (LoketCooperativesPage *self,
                  GtkListBoxRow         *row)
{
  LoketCooperative *cooperative = g_object_get_data (G_OBJECT (row), "cooperative");

  if (cooperative != NULL)
    g_signal_emit (self, signals[OPEN_COOPERATIVE], 0, cooperative);
}

static void
loket_cooperatives_page_dispose (GObject *object)
{
  LoketCooperativesPage *self = LOKET_COOPERATIVES_PAGE (object);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LOKET_TYPE_COOPERATIVES_PAGE);
  g_clear_object (&self->store);
  g_clear_object (&self->cooperatives);

  G_OBJECT_CLASS (loket_cooperatives_page_parent_class)->dispose (object);
}

static void
loket_cooperatives_page_class_init (LoketCooperativesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = loket_cooperatives_page_dispose;

  signals[OPEN_COOPERATIVE] = g_signal_new ("open-cooperative", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                            0, NULL, NULL, NULL, G_TYPE_NONE, 1, LOKET_TYPE_COOPERATIVE);
  signals[ADDED] = g_signal_new ("added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, LOKET_TYPE_COOPERATIVE);

  g_type_ensure (LOKET_TYPE_FIELD_MESSAGE);
  g_type_ensure (LOKET_TYPE_WHOLE_COMBO_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/loket/Loket/loket-cooperatives-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LoketCooperativesPage, stack);
  gtk_widget_class_bind_template_child (widget_class, LoketCooperativesPage, list);
  gtk_widget_class_bind_template_child (widget_class, LoketCooperativesPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, LoketCooperativesPage, kind_row);
  gtk_widget_class_bind_template_child (widget_class, LoketCooperativesPage, ahu_row);
  gtk_widget_class_bind_template_child (widget_class, LoketCooperativesPage, region_row);
  gtk_widget_class_bind_template_child (widget_class, LoketCooperativesPage, potential_row);
  gtk_widget_class_bind_template_child (widget_class, LoketCooperativesPage, name_message);
  gtk_widget_class_bind_template_child (widget_class, LoketCooperativesPage, ahu_message);
  gtk_widget_class_bind_template_child (widget_class, LoketCooperativesPage, region_message);
  gtk_widget_class_bind_template_child (widget_class, LoketCooperativesPage, potential_message);
  gtk_widget_class_bind_template_child (widget_class, LoketCooperativesPage, form_error);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "cooperatives.add", NULL, add_activated);
  gtk_widget_class_install_action (widget_class, "cooperatives.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "cooperatives.cancel", NULL, cancel_activated);
}

static void
loket_cooperatives_page_init (LoketCooperativesPage *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cooperatives = g_list_store_new (LOKET_TYPE_COOPERATIVE);
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->cooperatives), create_row_cb, NULL, NULL);

  for (int kind = LOKET_COOPERATIVE_KDMP; kind <= LOKET_COOPERATIVE_OTHER; kind++)
    gtk_string_list_append (kinds, loket_cooperative_kind_label (kind));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
}

void
loket_cooperatives_page_set_store (LoketCooperativesPage *self,
                                   LoketStore            *store)
{
  g_return_if_fail (LOKET_IS_COOPERATIVES_PAGE (self));
  g_return_if_fail (LOKET_IS_STORE (store));

  g_set_object (&self->store, store);
  loket_cooperatives_page_reload (self);
}
