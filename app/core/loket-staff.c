/* loket-staff.c: who is at the counter. */
#include "config.h"

#include "loket-staff.h"

char *
loket_staff_current_name (const char *requested)
{
  const char *from_environment = g_getenv ("LOKET_USER");

  if (requested != NULL && *requested != '\0')
    return g_strstrip (g_strdup (requested));
  if (from_environment != NULL && *from_environment != '\0')
    return g_strstrip (g_strdup (from_environment));
  return g_strdup (g_get_user_name ());
}
