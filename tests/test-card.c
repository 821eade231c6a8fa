/* test-card.c: membership cards: the QR payload, and the PDF as poppler and
 * zbar read it (pdfinfo, pdftotext, pdffonts, pdftoppm + zbarimg). Those
 * tools come from poppler-utils and zbar-tools; a test skips without them. */
#include <string.h>
#include <glib/gstdio.h>

#include "loket-card.h"
#include "loket-card-payload.h"
#include "loket-error.h"
#include "loket-kpj.h"
#include "loket-test-util.h"

#define CARD_W_PT 242.646
#define CARD_H_PT 153.071
#define A4_W_PT 595.276

static gboolean
have_tools (const char *first,
            ...)
{
  va_list tools;
  gboolean all = TRUE;

  va_start (tools, first);
  for (const char *tool = first; tool != NULL; tool = va_arg (tools, const char *))
    {
      g_autofree char *path = g_find_program_in_path (tool);

      if (path == NULL)
        {
          g_autofree char *why = g_strdup_printf ("%s is not installed", tool);

          g_test_skip (why);
          all = FALSE;
          break;
        }
    }
  va_end (tools);
  return all;
}

/* Runs a tool and returns what it printed; fails the test when it fails. */
static char *
run_tool (const char *first,
          ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;
  va_list args;

  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", first, err);
  return out;
}

static LoketMember *
make_member (const char *kpj,
             const char *name,
             LoketPrograms programs)
{
  LoketMember *member = loket_member_new ();

  loket_member_set_string (&member->kpj, kpj);
  loket_member_set_string (&member->nik, "5203015205900002");
  loket_member_set_string (&member->name, name);
  g_date_set_dmy (&member->birth_date, 12, G_DATE_MAY, 1990);
  g_date_set_dmy (&member->registered_on, 23, G_DATE_NOVEMBER, 2026);
  member->sex = 'P';
  member->segment = LOKET_SEGMENT_BPU;
  member->programs = programs;
  return member;
}

static GPtrArray *
members_new (void)
{
  return g_ptr_array_new_with_free_func (g_object_unref);
}

static char *
write_cards (GPtrArray              *members,
             const LoketCardOptions *options,
             guint                  *pages)
{
  g_autofree char *folder = loket_test_make_folder ();
  char *path = g_build_filename (folder, "cards.pdf", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (loket_card_write_pdf (members, options, path, pages, &error));
  g_assert_no_error (error);
  return path;
}

/* ---- the payload ---------------------------------------------------------- */

static void
test_payload_round_trip (void)
{
  g_autofree char *payload = loket_card_payload_make ("52000000019");
  g_autofree char *scanned = NULL;
  g_autofree char *lower = NULL;
  char *kpj = NULL;

  g_assert_nonnull (payload);
  g_assert_true (g_str_has_prefix (payload, "LKT1:52000000019:"));
  g_assert_cmpuint (strlen (payload), ==, strlen ("LKT1:52000000019:") + 4);
  g_assert_true (loket_card_payload_looks_like (payload));

  g_assert_true (loket_card_payload_parse (payload, &kpj, NULL));
  g_assert_cmpstr (kpj, ==, "52000000019");
  g_clear_pointer (&kpj, g_free);

  /* As a keyboard-wedge scanner types it into the search field. */
  scanned = g_strdup_printf ("  %s\r\n", payload);
  g_assert_true (loket_card_payload_parse (scanned, &kpj, NULL));
  g_assert_cmpstr (kpj, ==, "52000000019");
  g_clear_pointer (&kpj, g_free);
  lower = g_ascii_strdown (payload, -1);
  g_assert_true (loket_card_payload_parse (lower, &kpj, NULL));
  g_clear_pointer (&kpj, g_free);

  /* Not a KPJ: no payload. */
  g_assert_null (loket_card_payload_make ("52000000018"));
  g_assert_null (loket_card_payload_make ("5200000001"));
  g_assert_null (loket_card_payload_make (NULL));
}

static void
test_payload_tampered (void)
{
  g_autofree char *payload = loket_card_payload_make ("52000000019");
  g_autofree char *other = loket_card_payload_make ("52000000027");
  g_autofree char *forged = NULL;
  const char *refused[] = { "", "hello", "LKT1:52000000019", "LKT2:52000000019:0000",
                            "LKT1:52000000018:0000", "LKT1:52000000019:ZZZZ:1" };
  char *kpj = NULL;

  /* Another member's number with this card's check value. */
  forged = g_strdup_printf ("LKT1:52000000027:%s", payload + strlen ("LKT1:52000000019:"));
  g_assert_cmpstr (forged, !=, other);
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (loket_card_payload_parse (forged, &kpj, &error));
    g_assert_error (error, LOKET_ERROR, LOKET_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "check"));
    g_assert_null (kpj);
  }
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (loket_card_payload_parse (refused[i], &kpj, &error));
      g_assert_error (error, LOKET_ERROR, LOKET_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (error->message, "Card QR code is not valid"));
      g_assert_null (kpj);
    }
}

/* ---- the PDF -------------------------------------------------------------- */

static void
test_two_cards (void)
{
  g_autoptr(GPtrArray) members = members_new ();
  LoketCardOptions options = { .branch_name = "KCP Selong", .back = TRUE };
  g_autofree char *path = NULL;
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;
  const char *size;
  double width = 0, height = 0;
  guint pages = 0;

  if (!have_tools ("pdfinfo", "pdftotext", NULL))
    return;
  g_ptr_array_add (members, make_member ("52000000019", "Ani Lestari", LOKET_PROGRAM_JKK | LOKET_PROGRAM_JKM));
  g_ptr_array_add (members, make_member ("52000000027", "Budi Santoso", LOKET_PROGRAM_JKK));
  path = write_cards (members, &options, &pages);
  g_assert_cmpuint (pages, ==, 4);

  info = run_tool ("pdfinfo", path, NULL);
  g_assert_nonnull (strstr (info, "Pages:           4"));
  size = strstr (info, "Page size:");
  g_assert_nonnull (size);
  g_assert_cmpint (sscanf (size, "Page size: %lf x %lf", &width, &height), ==, 2);
  g_assert_cmpfloat_with_epsilon (width, CARD_W_PT, 0.2);
  g_assert_cmpfloat_with_epsilon (height, CARD_H_PT, 0.2);

  text = run_tool ("pdftotext", "-q", path, "-", NULL);
  for (const char *const *want = (const char *const[]) {
         "KCP Selong", "Ani Lestari", "Budi Santoso", "52-0000-0001-9", "52-0000-0002-7",
         "************0002", "12 Mei 1990", "23 November 2026", "JKK · JKM",
         "Layanan Masyarakat 175", "Cara membayar iuran", NULL };
       *want != NULL; want++)
    if (strstr (text, *want) == NULL)
      g_error ("“%s” is not in the card's text:\n%s", *want, text);
  g_assert_null (strstr (text, "5203015205900002"));
  g_unlink (path);
}

static void
test_show_nik_and_coop (void)
{
  g_autoptr(GPtrArray) members = members_new ();
  LoketCardOptions options = { .show_nik = TRUE, .cooperative_name = "Koperasi Desa Merah Putih Sukamaju" };
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  if (!have_tools ("pdftotext", NULL))
    return;
  g_ptr_array_add (members, make_member ("52000000019", "Ani Lestari", LOKET_PROGRAM_JKK));
  path = write_cards (members, &options, NULL);
  text = run_tool ("pdftotext", "-q", path, "-", NULL);
  g_assert_nonnull (strstr (text, "5203015205900002"));
  g_assert_nonnull (strstr (text, "Koperasi Desa Merah Putih Sukamaju"));
  g_unlink (path);
}

/* Every word of the page lies within the card. */
static void
assert_page_words_inside (const char *path,
                          const char *page,
                          const char *name)
{
  g_autofree char *bbox = run_tool ("pdftotext", "-q", "-bbox", "-f", page, "-l", page, path, "-", NULL);
  g_auto(GStrv) name_words = g_strsplit (name, " ", -1);
  guint words = 0;

  for (const char *p = strstr (bbox, "<word "); p != NULL; p = strstr (p + 1, "<word "))
    {
      double x_min, y_min, x_max, y_max;

      g_assert_cmpint (sscanf (p, "<word xMin=\"%lf\" yMin=\"%lf\" xMax=\"%lf\" yMax=\"%lf\"",
                               &x_min, &y_min, &x_max, &y_max), ==, 4);
      g_assert_cmpfloat (x_min, >=, 0);
      g_assert_cmpfloat (x_max, <=, CARD_W_PT);
      g_assert_cmpfloat (y_min, >=, 0);
      g_assert_cmpfloat (y_max, <=, CARD_H_PT);
      words++;
    }
  g_assert_cmpuint (words, >, 10);
  for (guint i = 0; name_words[i] != NULL; i++)
    if (strstr (bbox, name_words[i]) == NULL)
      g_error ("“%s” of the name is not on the card:\n%s", name_words[i], bbox);
}

static void
assert_words_inside (const char *path,
                     const char *name)
{
  assert_page_words_inside (path, "1", name);
}

static void
test_long_name (void)
{
  const char *name = "Muhammad Abdurrahman Wahyu Hidayatullah Syahputra Nasution Sr";
  const char *one_word = "Abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefgh";
  g_autoptr(GPtrArray) members = members_new ();
  LoketCardOptions options = { .branch_name = "KCP Selong" };
  g_autofree char *path = NULL;

  if (!have_tools ("pdftotext", NULL))
    return;
  g_assert_cmpuint (g_utf8_strlen (name, -1), >=, 60);
  g_assert_cmpuint (g_utf8_strlen (one_word, -1), ==, 60);

  g_ptr_array_add (members, make_member ("52000000019", name, LOKET_PROGRAM_JKK));
  path = write_cards (members, &options, NULL);
  assert_words_inside (path, name);
  g_unlink (path);
  g_clear_pointer (&path, g_free);

  /* One 60-letter word is split, not run off the card. */
  g_ptr_array_set_size (members, 0);
  g_ptr_array_add (members, make_member ("52000000019", one_word, LOKET_PROGRAM_JKK));
  path = write_cards (members, &options, NULL);
  assert_words_inside (path, "Abcdefghij");
  g_unlink (path);
  g_clear_pointer (&path, g_free);

  /* Every program on the back: the text shrinks to stay on the card. */
  g_ptr_array_set_size (members, 0);
  g_ptr_array_add (members, make_member ("52000000019", name, LOKET_PROGRAMS_ALL));
  options.back = TRUE;
  path = write_cards (members, &options, NULL);
  assert_page_words_inside (path, "2", "Jaminan Pensiun Kehilangan Pekerjaan Layanan Masyarakat 175");
  g_unlink (path);
}

static void
test_missing_glyphs_visible (void)
{
  g_autoptr(GPtrArray) members = members_new ();
  LoketCardOptions options = { 0 };
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  if (!have_tools ("pdftotext", NULL))
    return;
  /* A CJK character DejaVu lacks, and one outside the BMP. */
  g_ptr_array_add (members, make_member ("52000000019", "Ani \xe6\xbc\xa2 Lestari \xf0\x9f\x98\x80", LOKET_PROGRAM_JKK));
  path = write_cards (members, &options, NULL);
  text = run_tool ("pdftotext", "-q", path, "-", NULL);
  g_assert_nonnull (strstr (text, "Ani ? Lestari ?"));
  g_unlink (path);
}

static void
test_qr_decodes (void)
{
  g_autoptr(GPtrArray) members = members_new ();
  LoketCardOptions options = { .branch_name = "KCP Selong", .back = TRUE };
  g_autofree char *path = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *png = NULL;
  g_autofree char *decoded = NULL;
  g_autofree char *payload = loket_card_payload_make ("52000000027");
  g_autofree char *ignored = NULL;

  if (!have_tools ("pdftoppm", "zbarimg", NULL))
    return;
  g_ptr_array_add (members, make_member ("52000000019", "Ani Lestari", LOKET_PROGRAM_JKK));
  g_ptr_array_add (members, make_member ("52000000027", "Budi Santoso", LOKET_PROGRAM_JKK));
  path = write_cards (members, &options, NULL);
  prefix = g_strconcat (path, "-front", NULL);
  png = g_strconcat (prefix, ".png", NULL);

  /* Budi's front is page 3 (front, back, front, back). */
  ignored = run_tool ("pdftoppm", "-q", "-r", "300", "-png", "-singlefile", "-f", "3", "-l", "3",
                      path, prefix, NULL);
  decoded = run_tool ("zbarimg", "--raw", "-q", png, NULL);
  g_assert_cmpstr (g_strstrip (decoded), ==, payload);
  g_unlink (png);
  g_unlink (path);
}

static void
test_font_embedded_once (void)
{
  g_autoptr(GPtrArray) members = members_new ();
  LoketCardOptions options = { .back = TRUE };
  g_autofree char *path = NULL;
  g_autofree char *fonts = NULL;
  g_auto(GStrv) lines = NULL;
  guint regular = 0, bold = 0;

  if (!have_tools ("pdffonts", NULL))
    return;
  g_ptr_array_add (members, make_member ("52000000019", "Ani Lestari", LOKET_PROGRAM_JKK));
  g_ptr_array_add (members, make_member ("52000000027", "Budi Santoso", LOKET_PROGRAM_JKK));
  g_ptr_array_add (members, make_member ("52000000035", "Citra Dewi", LOKET_PROGRAM_JKK));
  path = write_cards (members, &options, NULL);
  fonts = run_tool ("pdffonts", path, NULL);
  lines = g_strsplit (fonts, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (strstr (lines[i], "DejaVuSans") == NULL)
        continue;
      g_assert_nonnull (strstr (lines[i], " yes "));
      if (strstr (lines[i], "DejaVuSans-Bold") != NULL)
        bold++;
      else
        regular++;
    }
  g_assert_cmpuint (regular, ==, 1);
  g_assert_cmpuint (bold, ==, 1);
  g_unlink (path);
}

static void
test_sheet_backs_mirrored (void)
{
  g_autoptr(GPtrArray) members = members_new ();
  LoketCardOptions options = { .back = TRUE, .layout = LOKET_CARD_LAYOUT_A4 };
  g_autofree char *path = NULL;
  g_autofree char *info = NULL;
  g_autofree char *back = NULL;
  g_autofree char *front = NULL;
  guint pages = 0;
  guint found = 0;

  if (!have_tools ("pdfinfo", "pdftotext", NULL))
    return;
  /* Only the first member has JHT ("Hari Tua"), so their back is findable. */
  g_ptr_array_add (members, make_member ("52000000019", "Ani Lestari", LOKET_PROGRAM_JKK | LOKET_PROGRAM_JHT));
  for (int i = 2; i <= 12; i++)
    {
      g_autofree char *kpj = loket_kpj_make ("52", i, NULL);

      g_ptr_array_add (members, make_member (kpj, "Budi Santoso", LOKET_PROGRAM_JKK));
    }
  path = write_cards (members, &options, &pages);
  g_assert_cmpuint (pages, ==, 4);   /* two sheets, front and back */
  info = run_tool ("pdfinfo", path, NULL);
  g_assert_nonnull (strstr (info, "595.276 x 841.89"));

  /* Ani is top left on the front … */
  front = run_tool ("pdftotext", "-q", "-bbox", "-f", "1", "-l", "1", path, "-", NULL);
  {
    const char *word = strstr (front, ">Ani<");
    const char *start;
    double x_min = -1, y_min = -1;

    g_assert_nonnull (word);
    start = g_strrstr_len (front, word - front, "<word ");
    g_assert_cmpint (sscanf (start, "<word xMin=\"%lf\" yMin=\"%lf\"", &x_min, &y_min), ==, 2);
    g_assert_cmpfloat (x_min, <, A4_W_PT / 2);
    g_assert_cmpfloat (y_min, <, 841.89 / 5);
  }
  /* … and her back top right on the back page. */
  back = run_tool ("pdftotext", "-q", "-bbox", "-f", "2", "-l", "2", path, "-", NULL);
  for (const char *p = strstr (back, ">Hari<"); p != NULL; p = strstr (p + 1, ">Hari<"))
    {
      const char *start = g_strrstr_len (back, p - back, "<word ");
      double x_min = -1, y_min = -1;

      g_assert_cmpint (sscanf (start, "<word xMin=\"%lf\" yMin=\"%lf\"", &x_min, &y_min), ==, 2);
      g_assert_cmpfloat (x_min, >, A4_W_PT / 2);
      g_assert_cmpfloat (y_min, <, 841.89 / 5);
      found++;
    }
  g_assert_cmpuint (found, >=, 1);
  g_unlink (path);
}

/* ---- refusals ------------------------------------------------------------- */

static void
assert_folder_empty (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);

  g_assert_nonnull (dir);
  g_assert_null (g_dir_read_name (dir));
}

static void
test_unwritable_path (void)
{
  g_autoptr(GPtrArray) members = members_new ();
  g_autoptr(GError) error = NULL;
  LoketCardOptions options = { 0 };
  g_autofree char *folder = loket_test_make_folder ();
  g_autofree char *path = g_build_filename (folder, "missing", "cards.pdf", NULL);

  g_ptr_array_add (members, make_member ("52000000019", "Ani Lestari", LOKET_PROGRAM_JKK));
  g_assert_false (loket_card_write_pdf (members, &options, path, NULL, &error));
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_STORAGE);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  assert_folder_empty (folder);
}

static void
test_missing_kpj (void)
{
  g_autoptr(GPtrArray) members = members_new ();
  g_autoptr(GError) error = NULL;
  LoketCardOptions options = { 0 };
  g_autofree char *folder = loket_test_make_folder ();
  g_autofree char *path = g_build_filename (folder, "cards.pdf", NULL);

  g_ptr_array_add (members, make_member ("52000000019", "Ani Lestari", LOKET_PROGRAM_JKK));
  g_ptr_array_add (members, make_member (NULL, "Budi Santoso", LOKET_PROGRAM_JKK));
  g_assert_false (loket_card_write_pdf (members, &options, path, NULL, &error));
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Budi Santoso"));
  assert_folder_empty (folder);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/card/payload/round-trip", test_payload_round_trip);
  g_test_add_func ("/card/payload/tampered", test_payload_tampered);
  g_test_add_func ("/card/pdf/two-cards", test_two_cards);
  g_test_add_func ("/card/pdf/show-nik-and-coop", test_show_nik_and_coop);
  g_test_add_func ("/card/pdf/long-name", test_long_name);
  g_test_add_func ("/card/pdf/missing-glyphs", test_missing_glyphs_visible);
  g_test_add_func ("/card/pdf/qr-decodes", test_qr_decodes);
  g_test_add_func ("/card/pdf/font-embedded-once", test_font_embedded_once);
  g_test_add_func ("/card/pdf/sheet-backs-mirrored", test_sheet_backs_mirrored);
  g_test_add_func ("/card/refuse/unwritable", test_unwritable_path);
  g_test_add_func ("/card/refuse/missing-kpj", test_missing_kpj);
  return g_test_run ();
}
