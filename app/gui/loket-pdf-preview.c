/* loket-pdf-preview.c */
#include "config.h"

#include <poppler.h>

#include "loket-pdf-preview.h"

/* The first pages show how every one will look; drawing hundreds would
 * keep the clerk waiting. */
#define MAX_SHOWN_PAGES 4

struct _LoketPdfPreview
{
  GtkWidget  parent_instance;

  GtkWidget *box;          /* owned child: the pages, one above the other */
  guint      page_count;
  guint      shown_count;
  double     width_pt;
  double     height_pt;
};

G_DEFINE_FINAL_TYPE (LoketPdfPreview, loket_pdf_preview, GTK_TYPE_WIDGET)

/* A page as a texture `width` pixels wide, on white. */
static GdkTexture *
render_page (PopplerPage *page,
             int          width)
{
  g_autoptr(GBytes) bytes = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  double page_width, page_height, scale;
  int height, stride;

  poppler_page_get_size (page, &page_width, &page_height);
  scale = width / page_width;
  height = MAX (1, (int) (page_height * scale + 0.5));

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  poppler_page_render_for_printing (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  stride = cairo_image_surface_get_stride (surface);
  bytes = g_bytes_new (cairo_image_surface_get_data (surface), (gsize) stride * height);
  cairo_surface_destroy (surface);
  /* Cairo's ARGB32 is GDK's default memory format. */
  return gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes, stride);
}

void
loket_pdf_preview_clear (LoketPdfPreview *self)
{
  GtkWidget *child;

  g_return_if_fail (LOKET_IS_PDF_PREVIEW (self));

  while ((child = gtk_widget_get_first_child (self->box)) != NULL)
    gtk_box_remove (GTK_BOX (self->box), child);
  self->page_count = self->shown_count = 0;
  self->width_pt = self->height_pt = 0;
}

gboolean
loket_pdf_preview_load (LoketPdfPreview  *self,
                        const char       *path,
                        int               width,
                        GError          **error)
{
  g_autofree char *uri = NULL;
  /* Debian 12's poppler-glib has no g_autoptr for its types. */
  PopplerDocument *document;
  int scale;

  g_return_val_if_fail (LOKET_IS_PDF_PREVIEW (self), FALSE);

  loket_pdf_preview_clear (self);
  if ((uri = g_filename_to_uri (path, NULL, error)) == NULL
      || (document = poppler_document_new_from_file (uri, NULL, error)) == NULL)
    return FALSE;

  scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  self->page_count = poppler_document_get_n_pages (document);
  self->shown_count = MIN (self->page_count, MAX_SHOWN_PAGES);
  for (guint i = 0; i < self->shown_count; i++)
    {
      PopplerPage *page = poppler_document_get_page (document, i);
      g_autoptr(GdkTexture) texture = render_page (page, width * scale);
      GtkWidget *picture = gtk_picture_new_for_paintable (GDK_PAINTABLE (texture));

      if (i == 0)
        poppler_page_get_size (page, &self->width_pt, &self->height_pt);
      g_object_unref (page);
      gtk_picture_set_can_shrink (GTK_PICTURE (picture), FALSE);
      gtk_widget_set_size_request (picture, width, gdk_texture_get_height (texture) / scale);
      gtk_widget_set_halign (picture, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (picture, "pdf-page");
      gtk_box_append (GTK_BOX (self->box), picture);
    }
  g_object_unref (document);
  return TRUE;
}

guint
loket_pdf_preview_get_page_count (LoketPdfPreview *self)
{
  g_return_val_if_fail (LOKET_IS_PDF_PREVIEW (self), 0);
  return self->page_count;
}

guint
loket_pdf_preview_get_shown_count (LoketPdfPreview *self)
{
  g_return_val_if_fail (LOKET_IS_PDF_PREVIEW (self), 0);
  return self->shown_count;
}

gboolean
loket_pdf_preview_get_page_size (LoketPdfPreview *self,
                                 double          *width_pt,
                                 double          *height_pt)
{
  g_return_val_if_fail (LOKET_IS_PDF_PREVIEW (self), FALSE);
  *width_pt = self->width_pt;
  *height_pt = self->height_pt;
  return self->page_count > 0;
}

static void
loket_pdf_preview_dispose (GObject *object)
{
  LoketPdfPreview *self = LOKET_PDF_PREVIEW (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  G_OBJECT_CLASS (loket_pdf_preview_parent_class)->dispose (object);
}

static void
loket_pdf_preview_class_init (LoketPdfPreviewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = loket_pdf_preview_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "pdfpreview");
}

static void
loket_pdf_preview_init (LoketPdfPreview *self)
{
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  gtk_widget_set_margin_top (self->box, 24);
  gtk_widget_set_margin_bottom (self->box, 24);
  gtk_widget_set_margin_start (self->box, 24);
  gtk_widget_set_margin_end (self->box, 24);
  gtk_widget_set_halign (self->box, GTK_ALIGN_CENTER);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
}

GtkWidget *
loket_pdf_preview_new (void)
{
  return g_object_new (LOKET_TYPE_PDF_PREVIEW, NULL);
}
