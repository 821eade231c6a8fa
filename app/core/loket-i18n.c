/* loket-i18n.c */
#include "config.h"

#include <locale.h>
#include <glib/gi18n-lib.h>

#include "loket-i18n.h"

static const char *
catalogue_folder (void)
{
  const char *from_environment = g_getenv ("LOKET_LOCALEDIR");
  g_autofree char *installed = NULL;

  if (from_environment != NULL && *from_environment != '\0')
    return from_environment;

  installed = g_build_filename (LOKET_LOCALEDIR, "id", "LC_MESSAGES",
                                GETTEXT_PACKAGE ".mo", NULL);
  if (g_file_test (installed, G_FILE_TEST_EXISTS))
    return LOKET_LOCALEDIR;
  return LOKET_BUILD_LOCALEDIR;
}

void
loket_i18n_init (const char *language)
{
  const char *messages;

  if (language == NULL)
    language = g_getenv ("LOKET_LANGUAGE");
  if (language == NULL || *language == '\0')
    language = "id";

  setlocale (LC_ALL, "");
  /* gettext ignores LANGUAGE under the C locale, which is what a counter PC
   * set up in English (or a bare CI machine) often runs; C.UTF-8 is built
   * into glibc and lets the catalogue through without an id_ID locale. */
  messages = setlocale (LC_MESSAGES, NULL);
  if (messages == NULL || g_str_equal (messages, "C") || g_str_equal (messages, "POSIX"))
    setlocale (LC_ALL, "C.UTF-8");

  g_setenv ("LANGUAGE", language, TRUE);
  bindtextdomain (GETTEXT_PACKAGE, catalogue_folder ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
