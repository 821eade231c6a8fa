/* test-program.c: segments, programs and folding typed text. */
#include "loket-error.h"
#include "loket-program.h"
#include "loket-text.h"

static void
test_programs_parse (void)
{
  LoketPrograms programs = 0;
  g_autofree char *text = NULL;
  const char *bad[] = { "", ",", "jkk,,xyz", "jkk,jkk", "JKK JKM JKX" };

  g_assert_true (loket_programs_parse ("JKM, jkk ,jht", &programs, NULL));
  g_assert_cmpuint (programs, ==, LOKET_PROGRAM_JKK | LOKET_PROGRAM_JKM | LOKET_PROGRAM_JHT);
  /* Written back in the customary order, whatever order was typed. */
  text = loket_programs_to_string (programs);
  g_assert_cmpstr (text, ==, "jkk,jkm,jht");

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (loket_programs_parse (bad[i], &programs, &error));
      g_assert_error (error, LOKET_ERROR, LOKET_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (error->message, "Programs"));
    }
}

static void
test_segment_rules (void)
{
  LoketSegment segment;

  g_assert_true (loket_segment_parse ("BPU", &segment, NULL));
  g_assert_cmpint (segment, ==, LOKET_SEGMENT_BPU);
  g_assert_false (loket_segment_parse ("informal", &segment, NULL));

  /* domain.md §1 */
  g_assert_cmpuint (loket_segment_required_programs (LOKET_SEGMENT_BPU), ==, LOKET_PROGRAM_JKK | LOKET_PROGRAM_JKM);
  g_assert_false (loket_segment_allowed_programs (LOKET_SEGMENT_BPU) & LOKET_PROGRAM_JP);
  g_assert_true (loket_segment_allowed_programs (LOKET_SEGMENT_BPU) & LOKET_PROGRAM_JHT);
  g_assert_true (loket_segment_required_programs (LOKET_SEGMENT_PU) & LOKET_PROGRAM_JHT);
  g_assert_true (loket_segment_allowed_programs (LOKET_SEGMENT_PU) & LOKET_PROGRAM_JP);
  g_assert_cmpuint (loket_segment_allowed_programs (LOKET_SEGMENT_JAKON), ==, LOKET_PROGRAM_JKK | LOKET_PROGRAM_JKM);
  g_assert_false (loket_segment_allowed_programs (LOKET_SEGMENT_PMI) & LOKET_PROGRAM_JKP);
}

static void
test_text_fold (void)
{
  const struct { const char *in; const char *out; } cases[] = {
    { "Dédé", "dede" }, { "  BAIQ   Nurul\tAini ", "baiq nurul aini" }, { "Ñoño", "nono" },
    { "", "" }, { "Ma'ruf", "ma'ruf" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *folded = loket_text_fold (cases[i].in);
      g_assert_cmpstr (folded, ==, cases[i].out);
    }
  g_assert_null (loket_text_fold (NULL));
  g_assert_null (loket_text_fold ("\xff\xfe"));
}

static void
test_text_tidy (void)
{
  g_autofree char *tidy = loket_text_tidy ("  Baiq \n Nurul  ");
  g_autofree char *composed = loket_text_tidy ("De\xcc\x81" "de\xcc\x81");  /* e + combining acute */

  g_assert_cmpstr (tidy, ==, "Baiq Nurul");
  g_assert_cmpstr (composed, ==, "Dédé");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/program/programs-parse", test_programs_parse);
  g_test_add_func ("/program/segment-rules", test_segment_rules);
  g_test_add_func ("/text/fold", test_text_fold);
  g_test_add_func ("/text/tidy", test_text_tidy);
  return g_test_run ();
}
