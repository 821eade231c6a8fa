/* test-phone.c: phone numbers normalised to E.164. */
#include "loket-error.h"
#include "loket-phone.h"

static void
test_accepted_forms (void)
{
  const struct { const char *typed; const char *e164; } cases[] = {
    { "081234567890", "+6281234567890" },
    { "0812-3456-7890", "+6281234567890" },
    { "0812 3456 789", "+628123456789" },
    { "+62 812 3456 7890", "+6281234567890" },
    { "6281234567890", "+6281234567890" },
    { "(0812) 345.6789", "+628123456789" },
    { "0812345678", "+62812345678" },          /* 10 digits, the shortest */
    { "0812345678901", "+62812345678901" },    /* 13 digits, the longest */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *e164 = loket_phone_normalize (cases[i].typed, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (e164, ==, cases[i].e164);
    }
}

static void
test_refused (void)
{
  const char *bad[] = {
    "", "081234567", "08123456789012", "0370 123456", "+1 555 123 4567",
    "0812-3456-789O", "62 370 123456", "08123456789+",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *e164 = loket_phone_normalize (bad[i], &error);

      g_assert_null (e164);
      g_assert_error (error, LOKET_ERROR, LOKET_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (error->message, "Phone"));
    }
}

static void
test_format (void)
{
  const struct { const char *e164; const char *shown; } cases[] = {
    { "+6281917452231", "0819-1745-2231" },
    { "+62812345678", "0812-3456-78" },
    { "+628123456789", "0812-3456-789" },
    { "+15551234567", "+15551234567" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *shown = loket_phone_format (cases[i].e164);
      g_assert_cmpstr (shown, ==, cases[i].shown);
    }
  g_assert_null (loket_phone_format (NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/phone/accepted-forms", test_accepted_forms);
  g_test_add_func ("/phone/refused", test_refused);
  g_test_add_func ("/phone/format", test_format);
  return g_test_run ();
}
