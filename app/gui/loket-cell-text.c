/* loket-cell-text.c */
#include "config.h"

#include "loket-cell-text.h"

struct _LoketCellText
{
  GtkWidget    parent_instance;

  char        *text;        /* owned */
  PangoLayout *layout;      /* owned, made when first drawn */
  int          line_height; /* from the font's metrics; 0 until measured */
};

G_DEFINE_FINAL_TYPE (LoketCellText, loket_cell_text, GTK_TYPE_WIDGET)

static void
forget_layout (LoketCellText *self)
{
  g_clear_object (&self->layout);
}

static int
line_height (LoketCellText *self)
{
  if (self->line_height == 0)
    {
      PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
      PangoFontMetrics *metrics = pango_context_get_metrics (context, NULL, NULL);

      self->line_height = PANGO_PIXELS_CEIL (pango_font_metrics_get_height (metrics));
      if (self->line_height <= 0)
        self->line_height = PANGO_PIXELS_CEIL (pango_font_metrics_get_ascent (metrics)
                                               + pango_font_metrics_get_descent (metrics));
      pango_font_metrics_unref (metrics);
    }
  return self->line_height;
}

static void
loket_cell_text_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  /* The column decides the width; the font decides the height. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = 0;
  else
    *minimum = *natural = line_height (LOKET_CELL_TEXT (widget));
}

static void
loket_cell_text_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  LoketCellText *self = LOKET_CELL_TEXT (widget);

  if (self->layout != NULL)
    pango_layout_set_width (self->layout, width * PANGO_SCALE);
}

static void
loket_cell_text_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  LoketCellText *self = LOKET_CELL_TEXT (widget);
  GdkRGBA color;

  if (self->text == NULL || *self->text == '\0')
    return;

  if (self->layout == NULL)
    {
      self->layout = gtk_widget_create_pango_layout (widget, self->text);
      pango_layout_set_ellipsize (self->layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_single_paragraph_mode (self->layout, TRUE);
      pango_layout_set_width (self->layout, gtk_widget_get_width (widget) * PANGO_SCALE);
    }

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS
  gtk_snapshot_append_layout (snapshot, self->layout, &color);
}

static void
loket_cell_text_css_changed (GtkWidget         *widget,
                             GtkCssStyleChange *change)
{
  LoketCellText *self = LOKET_CELL_TEXT (widget);

  GTK_WIDGET_CLASS (loket_cell_text_parent_class)->css_changed (widget, change);
  /* A new font may change both the height and the shapes. */
  self->line_height = 0;
  forget_layout (self);
  gtk_widget_queue_resize (widget);
}

static void
loket_cell_text_finalize (GObject *object)
{
  LoketCellText *self = LOKET_CELL_TEXT (object);

  forget_layout (self);
  g_free (self->text);

  G_OBJECT_CLASS (loket_cell_text_parent_class)->finalize (object);
}

static void
loket_cell_text_class_init (LoketCellTextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = loket_cell_text_finalize;
  widget_class->measure = loket_cell_text_measure;
  widget_class->size_allocate = loket_cell_text_size_allocate;
  widget_class->snapshot = loket_cell_text_snapshot;
  widget_class->css_changed = loket_cell_text_css_changed;

  gtk_widget_class_set_css_name (widget_class, "label");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
loket_cell_text_init (LoketCellText *self)
{
}

GtkWidget *
loket_cell_text_new (void)
{
  return g_object_new (LOKET_TYPE_CELL_TEXT, NULL);
}

void
loket_cell_text_set_text (LoketCellText *self,
                          const char    *text)
{
  g_return_if_fail (LOKET_IS_CELL_TEXT (self));

  if (g_strcmp0 (self->text, text) == 0)
    return;
  g_free (self->text);
  self->text = g_strdup (text);
  forget_layout (self);
  /* Drawn again, not measured again: the height does not depend on it. */
  gtk_widget_queue_draw (GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, text ? text : "", -1);
}

const char *
loket_cell_text_get_text (LoketCellText *self)
{
  g_return_val_if_fail (LOKET_IS_CELL_TEXT (self), NULL);
  return self->text;
}
