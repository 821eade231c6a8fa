/* loket-contribution-view.c
 *
 * The form asks for the contribution on every keystroke, and most keystrokes
 * (a letter of the name) do not change it; so the view remembers what its
 * rows say and rebuilds them only when that changes. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "loket-contribution-view.h"
#include "loket-field-message.h"
#include "loket-format.h"

/* The months a contribution can be paid ahead for, as the combo offers. */
static const int months_choices[] = { 1, 3, 6, 12 };

struct _LoketContributionView
{
  AdwPreferencesGroup  parent_instance;

  AdwComboRow         *months_row;  /* borrowed */
  GPtrArray           *rows;        /* the rows of the contribution, borrowed */
  char                *shown;       /* owned: what those rows say, to skip rebuilding */
};

G_DEFINE_FINAL_TYPE (LoketContributionView, loket_contribution_view, ADW_TYPE_PREFERENCES_GROUP)

static void
clear_rows (LoketContributionView *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
}

static void
add_row (LoketContributionView *self,
         GtkWidget             *row)
{
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
  g_ptr_array_add (self->rows, row);
}

/* A line is a message row without a message: it takes no focus either. */
static void
add_amount_row (LoketContributionView *self,
                const char            *title,
                const char            *subtitle,
                gint64                 amount,
                gboolean               total)
{
  GtkWidget *row = g_object_new (LOKET_TYPE_FIELD_MESSAGE, "title", title, "subtitle", subtitle, NULL);
  g_autofree char *text = loket_format_rupiah (amount);
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, total ? "contribution-total" : "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  gtk_widget_set_visible (row, TRUE);
  add_row (self, row);
}

static void
add_message_row (LoketContributionView *self,
                 LoketFieldMessageKind  kind,
                 const char            *text)
{
  GtkWidget *row = loket_field_message_new ();

  loket_field_message_set_message (LOKET_FIELD_MESSAGE (row), kind, text);
  add_row (self, row);
}

/* "1% of Rp1.000.000 · after a discount of Rp8.400" */
static char *
describe_line (const LoketContributionLine *line)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (line->rate_bp > 0 && line->base > 0)
    {
      g_autofree char *percent = loket_format_percent (line->rate_bp);
      g_autofree char *base = loket_format_rupiah (line->base);

      /* Translators: a rate and what it applies to, "1% of Rp1.000.000" */
      g_string_append_printf (text, _("%s of %s"), percent, base);
    }
  if (line->employer > 0 && line->worker > 0)
    {
      g_autofree char *employer = loket_format_rupiah (line->employer);
      g_autofree char *worker = loket_format_rupiah (line->worker);

      if (text->len > 0)
        g_string_append (text, " · ");
      g_string_append_printf (text, _("employer %s, worker %s"), employer, worker);
    }
  if (line->discount > 0)
    {
      g_autofree char *discount = loket_format_rupiah (line->discount);

      if (text->len > 0)
        g_string_append (text, " · ");
      g_string_append_printf (text, _("after a discount of %s"), discount);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
add_contribution_rows (LoketContributionView   *self,
                       const LoketContribution *contribution)
{
  g_autofree char *discount = NULL;
  g_autofree char *split = NULL;
  g_autofree char *period = NULL;
  const char *last_subtitle;

  for (guint i = 0; i < contribution->lines->len; i++)
    {
      const LoketContributionLine *line = &g_array_index (contribution->lines, LoketContributionLine, i);
      g_autofree char *detail = describe_line (line);

      add_amount_row (self, line->label, detail, line->monthly, FALSE);
    }

  if (contribution->discount > 0)
    {
      g_autofree char *amount = loket_format_rupiah (contribution->discount);
      discount = g_strdup_printf (_("Includes a discount of %s"), amount);
    }
  if (contribution->employer_total > 0)
    {
      g_autofree char *employer = loket_format_rupiah (contribution->employer_total);
      g_autofree char *worker = loket_format_rupiah (contribution->worker_total);
      split = g_strdup_printf (_("Employer %s, worker %s"), employer, worker);
    }
  last_subtitle = split ? split : discount;

  if (contribution->months <= 1)
    {
      add_amount_row (self, _("Monthly contribution"), last_subtitle, contribution->monthly_total, TRUE);
      return;
    }
  add_amount_row (self, _("Monthly contribution"), NULL, contribution->monthly_total, TRUE);
  period = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Total for %d month", "Total for %d months",
                                         contribution->months),
                            contribution->months);
  add_amount_row (self, period, last_subtitle, contribution->total, TRUE);
}

/* Everything the rows of `contribution` show, as one string. */
static char *
describe_contribution (const LoketContribution *contribution)
{
  GString *key = g_string_new (NULL);

  g_string_append_printf (key, "%d|%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT,
                          contribution->months, contribution->total, contribution->discount,
                          contribution->employer_total);
  for (guint i = 0; i < contribution->lines->len; i++)
    {
      const LoketContributionLine *line = &g_array_index (contribution->lines, LoketContributionLine, i);
      g_string_append_printf (key, "|%s:%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT
                              ":%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT,
                              line->code, line->rate_bp, line->base, line->monthly,
                              line->employer, line->discount);
    }
  return g_string_free (key, FALSE);
}

/* Takes `shown` (what the rows are to say, as one string); FALSE when the
 * rows say that already. Otherwise the old rows are gone, for new ones. */
static gboolean
start_showing (LoketContributionView *self,
               char                  *shown)
{
  if (g_strcmp0 (shown, self->shown) == 0)
    {
      g_free (shown);
      return FALSE;
    }
  g_free (self->shown);
  self->shown = shown;
  clear_rows (self);
  return TRUE;
}

static void
loket_contribution_view_dispose (GObject *object)
{
  LoketContributionView *self = LOKET_CONTRIBUTION_VIEW (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (loket_contribution_view_parent_class)->dispose (object);
}

static void
loket_contribution_view_finalize (GObject *object)
{
  LoketContributionView *self = LOKET_CONTRIBUTION_VIEW (object);

  g_free (self->shown);

  G_OBJECT_CLASS (loket_contribution_view_parent_class)->finalize (object);
}

static void
loket_contribution_view_class_init (LoketContributionViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = loket_contribution_view_dispose;
  object_class->finalize = loket_contribution_view_finalize;
}

static void
loket_contribution_view_init (LoketContributionView *self)
{
  g_autoptr(GtkStringList) months = gtk_string_list_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (months_choices); i++)
    {
      g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d month", "%d months",
                                                             months_choices[i]),
                                                months_choices[i]);
      gtk_string_list_append (months, label);
    }
  self->months_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->months_row), _("Pay ahead for"));
  adw_combo_row_set_model (self->months_row, G_LIST_MODEL (months));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->months_row));
  self->rows = g_ptr_array_new ();
}

int
loket_contribution_view_get_months (LoketContributionView *self)
{
  guint selected;

  g_return_val_if_fail (LOKET_IS_CONTRIBUTION_VIEW (self), 1);

  selected = adw_combo_row_get_selected (self->months_row);
  return selected < G_N_ELEMENTS (months_choices) ? months_choices[selected] : 1;
}

AdwComboRow *
loket_contribution_view_get_months_row (LoketContributionView *self)
{
  g_return_val_if_fail (LOKET_IS_CONTRIBUTION_VIEW (self), NULL);

  return self->months_row;
}

void
loket_contribution_view_show (LoketContributionView          *self,
                              LoketRateBook                  *book,
                              const LoketContributionRequest *request)
{
  g_autoptr(LoketContribution) contribution = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (LOKET_IS_CONTRIBUTION_VIEW (self));
  g_return_if_fail (book != NULL);
  g_return_if_fail (request != NULL);

  contribution = loket_contribution_compute (book, request, &error);
  if (contribution == NULL)
    {
      if (start_showing (self, g_strconcat ("!", error->message, NULL)))
        add_message_row (self, LOKET_FIELD_MESSAGE_ERROR, error->message);
      return;
    }
  if (start_showing (self, describe_contribution (contribution)))
    add_contribution_rows (self, contribution);
}

void
loket_contribution_view_show_hint (LoketContributionView *self,
                                   const char            *hint)
{
  g_return_if_fail (LOKET_IS_CONTRIBUTION_VIEW (self));

  if (start_showing (self, g_strconcat ("!", hint, NULL)) && hint != NULL && *hint != '\0')
    add_message_row (self, LOKET_FIELD_MESSAGE_HINT, hint);
}
