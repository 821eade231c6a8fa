/* loket-register-page.c: placeholder while the form is written. */
#include "config.h"

#include "loket-register-page.h"

struct _LoketRegisterPage
{
  AdwBin      parent_instance;
  LoketStore *store;
};

G_DEFINE_FINAL_TYPE (LoketRegisterPage, loket_register_page, ADW_TYPE_BIN)

enum { REGISTERED, OPEN_MEMBER, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
loket_register_page_dispose (GObject *object)
{
  LoketRegisterPage *self = LOKET_REGISTER_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LOKET_TYPE_REGISTER_PAGE);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (loket_register_page_parent_class)->dispose (object);
}

static void
loket_register_page_class_init (LoketRegisterPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = loket_register_page_dispose;
  signals[REGISTERED] = g_signal_new ("registered", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 1, LOKET_TYPE_MEMBER);
  signals[OPEN_MEMBER] = g_signal_new ("open-member", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 1, LOKET_TYPE_MEMBER);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/loket/Loket/loket-register-page.ui");
}

static void
loket_register_page_init (LoketRegisterPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
loket_register_page_set_store (LoketRegisterPage *self,
                               LoketStore        *store)
{
  g_set_object (&self->store, store);
}

void
loket_register_page_reset (LoketRegisterPage *self)
{
}

void
loket_register_page_focus (LoketRegisterPage *self)
{
}
