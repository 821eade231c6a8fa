/* main.c: the window's entry point. Everything else is in app/gui and the
 * core, so that the ui tests run the same code. */
#include "config.h"

#include "loket-application.h"
#include "loket-i18n.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LoketApplication) app = NULL;
  g_autofree char *language = loket_application_dup_language ();

  /* Before GTK starts: the language is chosen once per run. */
  loket_i18n_init (language);

  app = loket_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
