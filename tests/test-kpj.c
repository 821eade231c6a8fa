/* test-kpj.c: member numbers and their check digit. */
#include "loket-error.h"
#include "loket-kpj.h"

static void
test_make_and_check (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *kpj = loket_kpj_make ("52", 1, &error);
  g_autofree char *normalized = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (strlen (kpj), ==, 11);
  g_assert_true (g_str_has_prefix (kpj, "5200000001"));
  /* Luhn over 5200000001: doubled from the right: 1→2, 0, 0→0, 0, 0, 0, 0, 0, 2→4, 5
   * sum 2+0+0+0+0+0+0+0+4+5 = 11, check (10 - 1) % 10 = 9 */
  g_assert_cmpstr (kpj, ==, "52000000019");

  normalized = loket_kpj_normalize ("52-0000-0001-9", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (normalized, ==, "52000000019");
}

static void
test_known_luhn_value (void)
{
  /* The textbook Luhn example: 7992739871 has check digit 3. */
  g_assert_cmpint (loket_kpj_check_digit ("7992739871"), ==, '3');
}

/* Every single mistyped digit is caught, for a spread of numbers. */
static void
test_single_digit_errors_caught (void)
{
  for (gint64 sequence = 1; sequence < 99999999; sequence += 7654321)
    {
      g_autofree char *kpj = loket_kpj_make ("07", sequence, NULL);

      for (int position = 0; position < 11; position++)
        for (char digit = '0'; digit <= '9'; digit++)
          {
            g_autofree char *typo = g_strdup (kpj);
            g_autoptr(GError) error = NULL;
            g_autofree char *result = NULL;

            if (typo[position] == digit)
              continue;
            typo[position] = digit;
            result = loket_kpj_normalize (typo, &error);
            g_assert_null (result);
            g_assert_error (error, LOKET_ERROR, LOKET_ERROR_INVALID);
          }
    }
}

/* Swapping two neighbouring digits is caught unless they are 0 and 9. */
static void
test_adjacent_swaps_caught (void)
{
  for (gint64 sequence = 3; sequence < 99999999; sequence += 1234567)
    {
      g_autofree char *kpj = loket_kpj_make ("31", sequence, NULL);

      for (int position = 0; position < 10; position++)
        {
          g_autofree char *swapped = g_strdup (kpj);
          g_autofree char *result = NULL;
          char a = swapped[position], b = swapped[position + 1];

          if (a == b || (a == '0' && b == '9') || (a == '9' && b == '0'))
            continue;
          swapped[position] = b;
          swapped[position + 1] = a;
          result = loket_kpj_normalize (swapped, NULL);
          g_assert_null (result);
        }
    }
}

static void
test_bad_input (void)
{
  const char *bad[] = { "", "5200000001", "520000000199", "52O00000019", "52/0000/0001/9" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *result = loket_kpj_normalize (bad[i], &error);

      g_assert_null (result);
      g_assert_error (error, LOKET_ERROR, LOKET_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (error->message, "KPJ"));
    }
  g_assert_null (loket_kpj_normalize (NULL, NULL));
}

static void
test_prefix_and_range (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *too_far = NULL;
  g_autofree char *bad_prefix = NULL;
  g_autofree char *last = NULL;

  bad_prefix = loket_kpj_make ("5", 1, &error);
  g_assert_null (bad_prefix);
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_INVALID);
  g_clear_error (&error);

  last = loket_kpj_make ("99", LOKET_KPJ_MAX_SEQUENCE, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (last, "9999999999"));

  too_far = loket_kpj_make ("99", LOKET_KPJ_MAX_SEQUENCE + 1, &error);
  g_assert_null (too_far);
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_CONFLICT);
}

static void
test_format (void)
{
  g_autofree char *grouped = loket_kpj_format ("52000000019");

  g_assert_cmpstr (grouped, ==, "52-0000-0001-9");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/kpj/make-and-check", test_make_and_check);
  g_test_add_func ("/kpj/known-luhn-value", test_known_luhn_value);
  g_test_add_func ("/kpj/single-digit-errors-caught", test_single_digit_errors_caught);
  g_test_add_func ("/kpj/adjacent-swaps-caught", test_adjacent_swaps_caught);
  g_test_add_func ("/kpj/bad-input", test_bad_input);
  g_test_add_func ("/kpj/prefix-and-range", test_prefix_and_range);
  g_test_add_func ("/kpj/format", test_format);
  return g_test_run ();
}
