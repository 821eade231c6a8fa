/* test-sheet.c: reading member lists (CSV, XLSX) and writing rejects back.
 *
 * Every fixture is made here: CSV as bytes, XLSX with libxlsxwriter as Excel
 * would save it, and hand-written XLSX parts zipped with libgsf for what
 * libxlsxwriter never writes (inline rich text, rows without numbers, a
 * hidden first sheet, damaged parts). */
#include <string.h>

#include <glib/gstdio.h>
#include <gsf/gsf-infile-zip.h>
#include <gsf/gsf-infile.h>
#include <gsf/gsf-input-stdio.h>
#include <gsf/gsf-outfile-zip.h>
#include <gsf/gsf-outfile.h>
#include <gsf/gsf-output-stdio.h>
#include <xlsxwriter.h>

#include "loket-error.h"
#include "loket-i18n.h"
#include "loket-sheet-writer.h"
#include "loket-sheet.h"
#include "loket-test-util.h"

#define BIG_ROWS 100000

/* ---- fixtures ---- */

static char *
write_file (const char *name,
            const char *data,
            gssize      len)
{
  g_autofree char *folder = loket_test_make_folder ();
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (folder, name, NULL);

  g_file_set_contents (path, data, len, &error);
  g_assert_no_error (error);
  return path;
}

static LoketSheet *
read_ok (const char *path)
{
  g_autoptr(GError) error = NULL;
  LoketSheet *sheet = loket_sheet_read_file (path, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (sheet);
  return sheet;
}

static LoketSheet *
read_csv (const char *data,
          gssize      len)
{
  g_autofree char *path = write_file ("anggota.csv", data, len < 0 ? (gssize) strlen (data) : len);

  return read_ok (path);
}

/* The error reading `path` gives; the test fails unless it is `code`. */
static char *
read_error (const char *path,
            int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LoketSheet) sheet = loket_sheet_read_file (path, NULL, NULL, NULL, &error);

  g_assert_null (sheet);
  g_assert_error (error, LOKET_ERROR, code);
  g_test_message ("%s", error->message);
  return g_strdup (error->message);
}

static char *
read_error_bytes (const char *name,
                  const char *data,
                  gsize       len)
{
  g_autofree char *path = write_file (name, data, len);

  return read_error (path, LOKET_ERROR_INVALID);
}

#define read_error_literal(name, literal) \
  read_error_bytes ((name), (literal), sizeof (literal) - 1)

static void
assert_contains (const char *text,
                 const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("“%s” does not contain “%s”", text, part);
}

static void
assert_row_cells (LoketSheet        *sheet,
                  guint              row,
                  const char *const *cells,
                  guint              n)
{
  g_assert_cmpuint (loket_sheet_get_n_columns (sheet, row), ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (loket_sheet_get_cell (sheet, row, i), ==, cells[i]);
  g_assert_null (loket_sheet_get_cell (sheet, row, n));
}

#define assert_row(sheet, row, ...) \
  assert_row_cells ((sheet), (row), (const char *const[]) { __VA_ARGS__ }, \
                    G_N_ELEMENTS (((const char *const[]) { __VA_ARGS__ })))

/* A zip of `parts`: name, content, name, content…, NULL. */
static void
make_zip (const char        *path,
          const char *const *parts)
{
  g_autoptr(GError) error = NULL;
  GsfOutput *sink = gsf_output_stdio_new (path, &error);
  GsfOutfile *zip;

  g_assert_no_error (error);
  zip = gsf_outfile_zip_new (sink, &error);
  g_assert_no_error (error);
  for (guint i = 0; parts[i] != NULL; i += 2)
    {
      g_auto(GStrv) names = g_strsplit (parts[i], "/", -1);
      GsfOutfile *dir = zip;
      GPtrArray *dirs = g_ptr_array_new_with_free_func (g_object_unref);
      GsfOutput *member;

      /* libgsf wants the folders as children of their own. */
      for (guint j = 0; names[j + 1] != NULL; j++)
        {
          dir = GSF_OUTFILE (gsf_outfile_new_child (dir, names[j], TRUE));
          g_ptr_array_add (dirs, dir);
        }
      member = gsf_outfile_new_child (dir, names[g_strv_length (names) - 1], FALSE);
      g_assert_true (gsf_output_write (member, strlen (parts[i + 1]), (const guint8 *) parts[i + 1]));
      g_assert_true (gsf_output_close (member));
      g_object_unref (member);
      for (guint j = dirs->len; j > 0; j--)
        gsf_output_close (g_ptr_array_index (dirs, j - 1));
      g_ptr_array_unref (dirs);
    }
  g_assert_true (gsf_output_close (GSF_OUTPUT (zip)));
  g_object_unref (zip);
  g_assert_true (gsf_output_close (sink) || gsf_output_is_closed (sink));
  g_object_unref (sink);
}

#define NS_MAIN "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
#define NS_R "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""
#define REL_NS "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\""
#define REL_TYPE "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
#define XML_DECL "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

static const char package_rels[] =
  XML_DECL "<Relationships " REL_NS ">"
  "<Relationship Id=\"rId1\" Type=\"" REL_TYPE "officeDocument\" Target=\"xl/workbook.xml\"/>"
  "</Relationships>";

/* A workbook of one sheet, its XML given, with no shared strings. */
static char *
make_simple_xlsx (const char *sheet_data)
{
  g_autofree char *folder = loket_test_make_folder ();
  char *path = g_build_filename (folder, "anggota.xlsx", NULL);
  g_autofree char *sheet = g_strconcat (XML_DECL "<worksheet " NS_MAIN "><sheetData>",
                                        sheet_data, "</sheetData></worksheet>", NULL);
  const char *parts[] = {
    "_rels/.rels", package_rels,
    "xl/workbook.xml",
    XML_DECL "<workbook " NS_MAIN " " NS_R "><sheets>"
    "<sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>",
    "xl/_rels/workbook.xml.rels",
    XML_DECL "<Relationships " REL_NS ">"
    "<Relationship Id=\"rId1\" Type=\"" REL_TYPE "worksheet\" Target=\"worksheets/sheet1.xml\"/>"
    "</Relationships>",
    "xl/worksheets/sheet1.xml", sheet,
    NULL,
  };

  make_zip (path, parts);
  return path;
}

/* ---- CSV ---- */

static void
test_csv_comma (void)
{
  g_autoptr(LoketSheet) sheet = read_csv ("NIK,Nama,Tgl Lahir\n"
                                          "3201011205900001,Budi Santoso,12/05/1990\n"
                                          "3201015508920002,Siti Aminah,15-08-1992\n", -1);

  g_assert_cmpint (loket_sheet_get_format (sheet), ==, LOKET_SHEET_CSV);
  g_assert_cmpstr (loket_sheet_get_encoding (sheet), ==, "UTF-8");
  g_assert_cmpint (loket_sheet_get_separator (sheet), ==, ',');
  g_assert_null (loket_sheet_get_sheet_name (sheet));
  g_assert_cmpuint (loket_sheet_get_n_rows (sheet), ==, 3);
  g_assert_cmpuint (loket_sheet_get_width (sheet), ==, 3);
  assert_row (sheet, 0, "NIK", "Nama", "Tgl Lahir");
  assert_row (sheet, 1, "3201011205900001", "Budi Santoso", "12/05/1990");
  assert_row (sheet, 2, "3201015508920002", "Siti Aminah", "15-08-1992");
  g_assert_false (loket_sheet_cell_is_number (sheet, 1, 0));
  g_assert_null (loket_sheet_get_cell (sheet, 3, 0));
  g_assert_cmpuint (loket_sheet_get_n_columns (sheet, 3), ==, 0);
}

/* Indonesian Excel: ';' between cells, ',' as the decimal mark, CRLF, and a
 * byte-order mark when saved as "CSV UTF-8". */
static void
test_csv_semicolon_bom_crlf (void)
{
  g_autoptr(LoketSheet) sheet = read_csv ("\xEF\xBB\xBFNIK;Nama;Penghasilan\r\n"
                                          "3201011205900001;Budi, S.Pd;1.500.000,50\r\n", -1);

  g_assert_cmpstr (loket_sheet_get_encoding (sheet), ==, "UTF-8");
  g_assert_cmpint (loket_sheet_get_separator (sheet), ==, ';');
  g_assert_cmpuint (loket_sheet_get_n_rows (sheet), ==, 2);
  assert_row (sheet, 0, "NIK", "Nama", "Penghasilan");
  assert_row (sheet, 1, "3201011205900001", "Budi, S.Pd", "1.500.000,50");
}

static void
test_csv_utf8_without_bom (void)
{
  g_autoptr(LoketSheet) sheet = read_csv ("NIK;Nama\n3201011205900001;José Ñoño\n", -1);

  g_assert_cmpstr (loket_sheet_get_encoding (sheet), ==, "UTF-8");
  assert_row (sheet, 1, "3201011205900001", "José Ñoño");
}

static void
test_csv_windows_1252 (void)
{
  /* é ñ Ñ € ’ in Windows-1252, and 0x81, which it leaves undefined. */
  static const char data[] = "NIK;Nama;Catatan\r\n"
                             "3201011205900001;Jos\xE9 Ma\xF1o;Iuran \x80 5\r\n"
                             "3201015508920002;\xD1yoman;Jum\x92" "at \x81\r\n";
  g_autoptr(LoketSheet) sheet = read_csv (data, sizeof data - 1);

  g_assert_cmpstr (loket_sheet_get_encoding (sheet), ==, "Windows-1252");
  g_assert_cmpint (loket_sheet_get_separator (sheet), ==, ';');
  assert_row (sheet, 1, "3201011205900001", "José Maño", "Iuran € 5");
  assert_row (sheet, 2, "3201015508920002", "Ñyoman", "Jum’at ?");
}

static void
test_csv_quoted (void)
{
  g_autoptr(LoketSheet) sheet = read_csv ("\"Nama\";\"Alamat\";\"Catatan\"\r\n"
                                          "\"Budi; S.Pd\";\"Jl. \"\"Merdeka\"\" 5\";\"baris 1\r\nbaris 2\"\r\n"
                                          "\"\";Siti;\"a\"b\r\n"
                                          "Jl. \"Melati\";\"\"\"\";x\r\n", -1);

  g_assert_cmpuint (loket_sheet_get_n_rows (sheet), ==, 4);
  assert_row (sheet, 0, "Nama", "Alamat", "Catatan");
  assert_row (sheet, 1, "Budi; S.Pd", "Jl. \"Merdeka\" 5", "baris 1\r\nbaris 2");
  /* Text after a closing quote is kept; a quote inside an unquoted cell is
   * just a character. */
  assert_row (sheet, 2, "", "Siti", "ab");
  assert_row (sheet, 3, "Jl. \"Melati\"", "\"", "x");

  {
    g_autoptr(LoketSheet) comma = read_csv ("Nama,Kota\n\"Budi, S.Pd\",\"Bandung\nJawa Barat\"\n", -1);

    g_assert_cmpint (loket_sheet_get_separator (comma), ==, ',');
    assert_row (comma, 1, "Budi, S.Pd", "Bandung\nJawa Barat");
  }
}

/* Row numbers must match Excel's: a blank line is an empty row, and a line
 * break inside a quoted cell is not a new row. */
static void
test_csv_empty_rows_extra_columns (void)
{
  g_autoptr(LoketSheet) sheet = read_csv ("NIK;Nama\r\n"
                                          "\r\n"
                                          "3201011205900001;Budi;tambahan;lagi\r\n"
                                          ";;\r\n"
                                          "\"x\ny\";z\r\n"
                                          "3201015508920002;Siti;", -1);

  g_assert_cmpuint (loket_sheet_get_n_rows (sheet), ==, 6);
  g_assert_cmpuint (loket_sheet_get_width (sheet), ==, 4);
  assert_row (sheet, 0, "NIK", "Nama");
  g_assert_cmpuint (loket_sheet_get_n_columns (sheet, 1), ==, 0);
  g_assert_null (loket_sheet_get_cell (sheet, 1, 0));
  assert_row (sheet, 2, "3201011205900001", "Budi", "tambahan", "lagi");
  assert_row (sheet, 3, "", "", "");
  assert_row (sheet, 4, "x\ny", "z");
  assert_row (sheet, 5, "3201015508920002", "Siti", "");
}

static void
test_csv_line_ends (void)
{
  g_autoptr(LoketSheet) cr = read_csv ("a;b\rc;d\r", -1);
  g_autoptr(LoketSheet) mixed = read_csv ("a;b\nc;d\r\ne;f", -1);

  g_assert_cmpuint (loket_sheet_get_n_rows (cr), ==, 2);
  assert_row (cr, 1, "c", "d");
  g_assert_cmpuint (loket_sheet_get_n_rows (mixed), ==, 3);
  assert_row (mixed, 2, "e", "f");
}

/* The separator comes from the first line that has one: cooperatives often
 * put a title above the header. Excel's "sep=" hint wins and is no row. */
static void
test_csv_separator_detection (void)
{
  g_autoptr(LoketSheet) title = read_csv ("DAFTAR ANGGOTA KOPERASI\r\n\r\nNIK;Nama, gelar;Kota\r\n1;Budi, S.Pd;Bogor\r\n", -1);
  g_autoptr(LoketSheet) hint = read_csv ("sep=,\r\nNIK;Nama,Kota\r\n", -1);
  g_autoptr(LoketSheet) one = read_csv ("Nama\r\nBudi\r\n", -1);

  g_assert_cmpint (loket_sheet_get_separator (title), ==, ';');
  g_assert_cmpuint (loket_sheet_get_n_rows (title), ==, 4);
  assert_row (title, 0, "DAFTAR ANGGOTA KOPERASI");
  assert_row (title, 3, "1", "Budi, S.Pd", "Bogor");

  g_assert_cmpint (loket_sheet_get_separator (hint), ==, ',');
  g_assert_cmpuint (loket_sheet_get_n_rows (hint), ==, 1);
  assert_row (hint, 0, "NIK;Nama", "Kota");

  g_assert_cmpuint (loket_sheet_get_n_rows (one), ==, 2);
  assert_row (one, 1, "Budi");
}

/* Excel's "Unicode Text": UTF-16 with a byte-order mark, tab-separated. */
static void
test_csv_utf16 (void)
{
  const char *text = "NIK\tNama\r\n3201011205900001\tJosé\r\n";
  g_autofree char *utf16 = NULL;
  g_autoptr(GString) data = g_string_new_len ("\xFF\xFE", 2);
  gsize len = 0;
  g_autoptr(LoketSheet) sheet = NULL;

  utf16 = g_convert (text, -1, "UTF-16LE", "UTF-8", NULL, &len, NULL);
  g_assert_nonnull (utf16);
  g_string_append_len (data, utf16, len);
  sheet = read_csv (data->str, data->len);
  g_assert_cmpstr (loket_sheet_get_encoding (sheet), ==, "UTF-16");
  g_assert_cmpint (loket_sheet_get_separator (sheet), ==, '\t');
  assert_row (sheet, 1, "3201011205900001", "José");
}

static void
test_read_bytes (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static ("NIK;Nama\n1;A\n", 13);
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(LoketSheet) sheet = loket_sheet_read_bytes (bytes, "tempel.csv", NULL, &error);
  g_autoptr(LoketSheet) none = NULL;

  g_assert_no_error (error);
  assert_row (sheet, 1, "1", "A");
  none = loket_sheet_read_bytes (empty, "tempel.csv", NULL, &error);
  g_assert_null (none);
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_INVALID);
  assert_contains (error->message, "tempel.csv");
}

static void
test_column_letters (void)
{
  const struct { guint column; const char *letters; } cases[] = {
    { 0, "A" }, { 2, "C" }, { 25, "Z" }, { 26, "AA" }, { 27, "AB" },
    { 511, "SR" }, { 701, "ZZ" }, { 702, "AAA" }, { 16383, "XFD" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *letters = loket_sheet_column_letters (cases[i].column);
      g_assert_cmpstr (letters, ==, cases[i].letters);
    }
}

/* ---- XLSX made by libxlsxwriter, as Excel would save it ---- */

static char *
make_typed_xlsx (gboolean constant_memory)
{
  g_autofree char *folder = loket_test_make_folder ();
  char *path = g_build_filename (folder, "anggota.xlsx", NULL);
  lxw_workbook_options options = { .constant_memory = constant_memory };
  lxw_workbook *workbook = workbook_new_opt (path, &options);
  lxw_worksheet *first = workbook_add_worksheet (workbook, "Anggota");
  lxw_worksheet *second = workbook_add_worksheet (workbook, "Lain");
  lxw_format *date = workbook_add_format (workbook);
  lxw_format *bold = workbook_add_format (workbook);
  lxw_datetime birth = { 1990, 5, 12, 0, 0, 0 };
  lxw_rich_string_tuple run1 = { NULL, "Nama " }, run2 = { bold, "Lengkap" };
  lxw_rich_string_tuple *runs[] = { &run1, &run2, NULL };

  format_set_num_format (date, "dd/mm/yyyy");
  format_set_bold (bold);

  worksheet_write_string (first, 0, 0, "NIK", bold);
  if (constant_memory)
    worksheet_write_string (first, 0, 1, "Nama Lengkap", NULL);
  else
    worksheet_write_rich_string (first, 0, 1, runs, NULL);
  worksheet_write_string (first, 0, 2, "Tgl Lahir", NULL);
  worksheet_write_string (first, 0, 3, "Gaji", NULL);
  worksheet_write_string (first, 0, 4, "Aktif", NULL);

  /* A NIK kept as text, and one typed into a General cell: Excel keeps it
   * as a number and shows 3,20101E+15. */
  worksheet_write_string (first, 1, 0, "3201011205900001", NULL);
  worksheet_write_string (first, 1, 1, "José Ñoño", NULL);
  worksheet_write_datetime (first, 1, 2, &birth, date);
  worksheet_write_number (first, 1, 3, 1500000.5, NULL);
  worksheet_write_boolean (first, 1, 4, 1, NULL);

  worksheet_write_number (first, 2, 0, 3201011205900001.0, NULL);
  /* B3 and C3 left empty: D3 keeps its place. */
  worksheet_write_number (first, 2, 3, 3.2010112059e15, NULL);
  worksheet_write_formula_str (first, 2, 4, "=\"ya\"", NULL, "ya");

  /* Rows 4 and 5 empty; a blank formatted cell is no value. */
  worksheet_write_blank (first, 3, 1, bold);
  worksheet_write_string (first, 5, 1, "Siti", NULL);

  worksheet_write_string (second, 0, 0, "bukan ini", NULL);
  worksheet_write_string (second, 10, 10, "juga bukan", NULL);
  g_assert_cmpint (workbook_close (workbook), ==, LXW_NO_ERROR);
  return path;
}

static void
check_typed_xlsx (gboolean constant_memory)
{
  g_autofree char *path = make_typed_xlsx (constant_memory);
  g_autoptr(LoketSheet) sheet = read_ok (path);

  g_assert_cmpint (loket_sheet_get_format (sheet), ==, LOKET_SHEET_XLSX);
  g_assert_cmpstr (loket_sheet_get_encoding (sheet), ==, "UTF-8");
  g_assert_cmpint (loket_sheet_get_separator (sheet), ==, 0);
  g_assert_cmpstr (loket_sheet_get_sheet_name (sheet), ==, "Anggota");
  g_assert_false (loket_sheet_uses_1904_dates (sheet));
  g_assert_cmpuint (loket_sheet_get_n_rows (sheet), ==, 6);
  g_assert_cmpuint (loket_sheet_get_width (sheet), ==, 5);

  assert_row (sheet, 0, "NIK", "Nama Lengkap", "Tgl Lahir", "Gaji", "Aktif");
  assert_row (sheet, 1, "3201011205900001", "José Ñoño", "33005", "1500000.5", "TRUE");
  g_assert_false (loket_sheet_cell_is_number (sheet, 1, 0));
  g_assert_false (loket_sheet_cell_is_number (sheet, 1, 1));
  g_assert_true (loket_sheet_cell_is_number (sheet, 1, 2));
  g_assert_true (loket_sheet_cell_is_number (sheet, 1, 3));
  g_assert_false (loket_sheet_cell_is_number (sheet, 1, 4));

  /* The numbers as stored: what the importer sees of a NIK Excel took for
   * a number. */
  assert_row (sheet, 2, "3201011205900001", NULL, NULL, "3201011205900000", "ya");
  g_assert_true (loket_sheet_cell_is_number (sheet, 2, 0));
  g_assert_false (loket_sheet_cell_is_number (sheet, 2, 1));
  g_assert_true (loket_sheet_cell_is_number (sheet, 2, 3));
  g_assert_false (loket_sheet_cell_is_number (sheet, 2, 4));

  g_assert_cmpuint (loket_sheet_get_n_columns (sheet, 3), ==, 0);
  g_assert_cmpuint (loket_sheet_get_n_columns (sheet, 4), ==, 0);
  assert_row (sheet, 5, NULL, "Siti");
  g_assert_false (loket_sheet_cell_is_number (sheet, 5, 0));
  g_assert_false (loket_sheet_cell_is_number (sheet, 99, 0));
}

static void
test_xlsx_shared_strings (void)
{
  check_typed_xlsx (FALSE);
}

static void
test_xlsx_inline_strings (void)
{
  check_typed_xlsx (TRUE);
}

/* ---- XLSX written by hand, for what libxlsxwriter never writes ---- */

static void
test_xlsx_handmade (void)
{
  g_autofree char *folder = loket_test_make_folder ();
  g_autofree char *path = g_build_filename (folder, "dari-sistem-lain.xlsx", NULL);
  const char *parts[] = {
    "[Content_Types].xml", XML_DECL "<Types/>",
    "_rels/.rels", package_rels,
    "xl/workbook.xml",
    XML_DECL "<workbook " NS_MAIN " " NS_R "><workbookPr date1904=\"1\"/><sheets>"
    "<sheet name=\"Rahasia\" sheetId=\"3\" state=\"hidden\" r:id=\"rId3\"/>"
    "<sheet name=\"Grafik\" sheetId=\"4\" r:id=\"rId4\"/>"
    "<sheet name=\"Data\" sheetId=\"1\" r:id=\"rId1\"/>"
    "</sheets></workbook>",
    "xl/_rels/workbook.xml.rels",
    XML_DECL "<Relationships " REL_NS ">"
    "<Relationship Id=\"rId3\" Type=\"" REL_TYPE "worksheet\" Target=\"worksheets/hidden.xml\"/>"
    "<Relationship Id=\"rId4\" Type=\"" REL_TYPE "chartsheet\" Target=\"chartsheets/sheet1.xml\"/>"
    "<Relationship Id=\"rId1\" Type=\"" REL_TYPE "worksheet\" Target=\"/xl/worksheets/data.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"" REL_TYPE "sharedStrings\" Target=\"sharedStrings.xml\"/>"
    "<Relationship Id=\"rId9\" Type=\"" REL_TYPE "hyperlink\" Target=\"http://example.com/\" TargetMode=\"External\"/>"
    "</Relationships>",
    "xl/sharedStrings.xml",
    XML_DECL "<sst " NS_MAIN " count=\"4\" uniqueCount=\"4\">"
    "<si><t>NIK</t></si>"
    "<si><r><t xml:space=\"preserve\">Nama </t></r><r><rPr><i/></rPr><t>Lengkap</t></r>"
    "<rPh sb=\"0\" eb=\"1\"><t>ナマ</t></rPh></si>"
    "<si><t>Budi &amp; Siti_x000D_\nbaris</t></si>"
    "<si><t xml:space=\"preserve\">  spasi  </t></si>"
    "</sst>",
    "xl/worksheets/hidden.xml",
    XML_DECL "<worksheet " NS_MAIN "><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>RAHASIA</t></is></c></row></sheetData></worksheet>",
    "xl/worksheets/data.xml",
    XML_DECL "<worksheet " NS_MAIN "><dimension ref=\"A1:F6\"/><sheetData>"
    "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
    "<c r=\"C1\" t=\"inlineStr\"><is><t>Tgl Lahir</t></is></c></row>"
    "<row r=\"2\" spans=\"1:6\"><c r=\"A2\"><v>3.2010112059E+15</v></c><c r=\"B2\" t=\"s\"><v>2</v></c>"
    "<c r=\"C2\" s=\"1\"><v>33025</v></c><c r=\"D2\" t=\"b\"><v>0</v></c>"
    "<c r=\"E2\" t=\"e\"><v>#N/A</v></c>"
    "<c r=\"F2\" t=\"str\"><f>A2&amp;\"\"</f><v>3201011205900001</v></c></row>"
    "<row r=\"5\"><c r=\"A5\" s=\"2\"/><c r=\"C5\" t=\"inlineStr\"><is><r><t>Jo</t></r>"
    "<r><rPr><b/></rPr><t xml:space=\"preserve\">sé </t></r></is></c></row>"
    "<row><c t=\"s\"><v>3</v></c><c><v>42</v></c><c t=\"str\"><f>\"\"</f><v></v></c></row>"
    "<row r=\"7\"><c r=\"B7\" s=\"3\"/></row>"
    "<row r=\"9\"/>"
    "</sheetData></worksheet>",
    NULL,
  };
  g_autoptr(LoketSheet) sheet = NULL;

  make_zip (path, parts);
  sheet = read_ok (path);
  /* The hidden sheet and the chart are not what the clerk sees first. */
  g_assert_cmpstr (loket_sheet_get_sheet_name (sheet), ==, "Data");
  g_assert_true (loket_sheet_uses_1904_dates (sheet));
  /* The trailing rows hold no value: they are not rows of the list. */
  g_assert_cmpuint (loket_sheet_get_n_rows (sheet), ==, 6);
  assert_row (sheet, 0, "NIK", "Nama Lengkap", "Tgl Lahir");
  assert_row (sheet, 1, "3.2010112059E+15", "Budi & Siti\r\nbaris", "33025", "FALSE", "#N/A",
              "3201011205900001");
  g_assert_true (loket_sheet_cell_is_number (sheet, 1, 0));
  g_assert_true (loket_sheet_cell_is_number (sheet, 1, 2));
  g_assert_false (loket_sheet_cell_is_number (sheet, 1, 5));
  g_assert_cmpuint (loket_sheet_get_n_columns (sheet, 2), ==, 0);
  g_assert_cmpuint (loket_sheet_get_n_columns (sheet, 3), ==, 0);
  assert_row (sheet, 4, NULL, NULL, "José ");
  /* A row and cells without references follow the ones before. */
  assert_row (sheet, 5, "  spasi  ", "42");
  g_assert_true (loket_sheet_cell_is_number (sheet, 5, 1));
}

/* No relationships at all: the first sheet is where Excel puts it. */
static void
test_xlsx_without_rels (void)
{
  g_autofree char *folder = loket_test_make_folder ();
  g_autofree char *path = g_build_filename (folder, "minimal.xlsx", NULL);
  const char *parts[] = {
    "xl/workbook.xml", XML_DECL "<workbook " NS_MAIN "/>",
    "xl/worksheets/sheet1.xml",
    XML_DECL "<x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
    "<x:sheetData><x:row r=\"1\"><x:c r=\"B1\" t=\"inlineStr\"><x:is><x:t>Nama</x:t></x:is></x:c></x:row>"
    "</x:sheetData></x:worksheet>",
    NULL,
  };
  g_autoptr(LoketSheet) sheet = NULL;

  make_zip (path, parts);
  sheet = read_ok (path);
  g_assert_null (loket_sheet_get_sheet_name (sheet));
  assert_row (sheet, 0, NULL, "Nama");
}

/* ---- bad input ---- */

static void
test_bad_empty (void)
{
  g_autofree char *empty = read_error_bytes ("kosong.csv", "", 0);
  g_autofree char *blank = read_error_literal ("kosong.csv", "\xEF\xBB\xBF\r\n\r\n");
  g_autofree char *sheet = NULL;
  g_autofree char *folder = loket_test_make_folder ();
  g_autofree char *path = g_build_filename (folder, "salah-sheet.xlsx", NULL);
  lxw_workbook *workbook = workbook_new (path);

  assert_contains (empty, "“kosong.csv” is empty");
  assert_contains (blank, "“kosong.csv” is empty");

  /* The list in the second sheet, the first left empty. */
  workbook_add_worksheet (workbook, "Petunjuk");
  worksheet_write_string (workbook_add_worksheet (workbook, "Anggota"), 0, 0, "NIK", NULL);
  g_assert_cmpint (workbook_close (workbook), ==, LXW_NO_ERROR);
  sheet = read_error (path, LOKET_ERROR_INVALID);
  assert_contains (sheet, "“salah-sheet.xlsx”: its first sheet, “Petunjuk”, is empty");
}

static void
test_bad_not_a_spreadsheet (void)
{
  guint8 random[4096];
  g_autofree char *random_error = NULL;
  g_autofree char *png = NULL;
  g_autofree char *jpeg = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *xls = NULL;
  g_autofree char *html = NULL;
  GRand *rand = g_rand_new_with_seed (42);

  for (guint i = 0; i < sizeof random; i++)
    random[i] = g_rand_int_range (rand, 0, 256);
  g_rand_free (rand);

  random_error = read_error_bytes ("acak.csv", (const char *) random, sizeof random);
  assert_contains (random_error, "“acak.csv” is not a spreadsheet");
  png = read_error_literal ("foto.xlsx", "\x89PNG\r\n\x1A\n\0\0\0\rIHDR\0\0\0\x10");
  assert_contains (png, "“foto.xlsx” is an image (PNG)");
  jpeg = read_error_literal ("scan.csv", "\xFF\xD8\xFF\xE0\0\x10JFIF");
  assert_contains (jpeg, "image (JPEG)");
  pdf = read_error_literal ("daftar.pdf", "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n");
  assert_contains (pdf, "PDF document");
  xls = read_error_literal ("lama.xls", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0\0");
  assert_contains (xls, "Excel 97–2003 workbook (.xls)");
  html = read_error_literal ("export.xls", "\r\n<html><body><table><tr><td>NIK</td></tr></table></body></html>");
  assert_contains (html, "web page");
}

static void
test_bad_zip (void)
{
  g_autofree char *folder = loket_test_make_folder ();
  g_autofree char *plain = g_build_filename (folder, "arsip.zip", NULL);
  g_autofree char *ods = g_build_filename (folder, "anggota.ods", NULL);
  const char *plain_parts[] = { "readme.txt", "bukan buku kerja", "data/anggota.csv", "NIK;Nama\n", NULL };
  const char *ods_parts[] = { "mimetype", "application/vnd.oasis.opendocument.spreadsheet",
                              "content.xml", "<office:document-content/>", NULL };
  g_autofree char *typed = make_typed_xlsx (FALSE);
  g_autofree char *contents = NULL;
  g_autofree char *message = NULL;
  g_autofree char *truncated = NULL;
  gsize len = 0;

  make_zip (plain, plain_parts);
  message = read_error (plain, LOKET_ERROR_INVALID);
  assert_contains (message, "“arsip.zip” is a zip archive or another document, not an Excel workbook");
  g_clear_pointer (&message, g_free);

  make_zip (ods, ods_parts);
  message = read_error (ods, LOKET_ERROR_INVALID);
  assert_contains (message, "OpenDocument spreadsheet (.ods)");
  g_clear_pointer (&message, g_free);

  /* Half a workbook, as a broken download leaves it. */
  g_assert_true (g_file_get_contents (typed, &contents, &len, NULL));
  message = read_error_bytes ("terpotong.xlsx", contents, len / 2);
  assert_contains (message, "“terpotong.xlsx” looks like an Excel workbook but cannot be opened");
  g_clear_pointer (&message, g_free);

  /* A part's header overwritten: libgsf would print and complain. */
  {
    gsize second = 0;

    for (gsize i = 4; second == 0 && i + 4 <= len; i++)
      if (memcmp (contents + i, "PK\x03\x04", 4) == 0)
        second = i;
    g_assert_cmpuint (second, >, 0);
    contents[second + 3] = 0x07;
    message = read_error_bytes ("rusak.xlsx", contents, len);
    assert_contains (message, "“rusak.xlsx” looks like an Excel workbook but cannot be opened");
  }
}

static void
test_bad_xlsx_parts (void)
{
  g_autofree char *broken = make_simple_xlsx ("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>NIK</t></is></c></row><row r=\"2\"><c");
  g_autofree char *bad_index = make_simple_xlsx ("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>7</v></c></row>");
  g_autofree char *message = NULL;

  message = read_error (broken, LOKET_ERROR_INVALID);
  assert_contains (message, "“anggota.xlsx” is a damaged Excel workbook: its part xl/worksheets/sheet1.xml cannot be read");
  g_clear_pointer (&message, g_free);
  message = read_error (bad_index, LOKET_ERROR_INVALID);
  assert_contains (message, "is a damaged Excel workbook");
}

static void
test_bad_too_many_columns (void)
{
  g_autoptr(GString) csv = g_string_new ("NIK;Nama\r\n");
  g_autofree char *csv_error = NULL;
  g_autofree char *xlsx_error = NULL;
  g_autofree char *folder = loket_test_make_folder ();
  g_autofree char *path = g_build_filename (folder, "lebar.xlsx", NULL);
  lxw_workbook *workbook = workbook_new (path);
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, NULL);

  for (guint i = 0; i < 10000; i++)
    g_string_append (csv, i == 0 ? "1" : ";1");
  g_string_append (csv, "\r\n");
  csv_error = read_error_bytes ("lebar.csv", csv->str, csv->len);
  assert_contains (csv_error, "“lebar.csv”, row 2: the row has more than 512 columns");

  worksheet_write_string (sheet, 0, 0, "NIK", NULL);
  for (guint i = 0; i < 10000; i++)
    worksheet_write_number (sheet, 2, i, i, NULL);
  g_assert_cmpint (workbook_close (workbook), ==, LXW_NO_ERROR);
  xlsx_error = read_error (path, LOKET_ERROR_INVALID);
  assert_contains (xlsx_error, "“lebar.xlsx”, row 3: the row has more than 512 columns");
}

static void
test_bad_huge_cell (void)
{
  g_autoptr(GString) csv = g_string_new ("NIK;Nama\r\n1;");
  g_autoptr(GString) quoted = g_string_new ("NIK;Nama\r\n1;\"");
  g_autoptr(GString) cell = g_string_new (NULL);
  g_autofree char *inline_path = NULL;
  g_autofree char *shared_path = NULL;
  g_autofree char *inline_xml = NULL;
  g_autofree char *sst = NULL;
  g_autofree char *folder = loket_test_make_folder ();
  g_autofree char *message = NULL;

  for (guint i = 0; i < 1024 * 1024; i++)
    g_string_append_c (cell, 'a' + i % 26);

  g_string_append (csv, cell->str);
  g_string_append (csv, "\r\n");
  message = read_error_bytes ("besar.csv", csv->str, csv->len);
  assert_contains (message, "“besar.csv”, row 2, column B: the cell holds more than 64 KB of text");
  g_clear_pointer (&message, g_free);

  /* An opening quote never closed swallows the rest of the file. */
  g_string_append (quoted, cell->str);
  message = read_error_bytes ("kutip.csv", quoted->str, quoted->len);
  assert_contains (message, "row 2, column B: a quoted cell runs on for more than 64 KB");
  g_clear_pointer (&message, g_free);
  message = read_error_literal ("kutip.csv", "NIK;Nama\r\n1;\"Budi\r\n2;Siti\r\n");
  assert_contains (message, "“kutip.csv”, row 2, column B: the quoted cell is never closed");
  g_clear_pointer (&message, g_free);

  inline_xml = g_strdup_printf ("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>NIK</t></is></c></row>"
                                "<row r=\"2\"><c r=\"A2\"><v>1</v></c><c r=\"B2\" t=\"inlineStr\"><is><t>%s</t></is></c></row>",
                                cell->str);
  inline_path = make_simple_xlsx (inline_xml);
  message = read_error (inline_path, LOKET_ERROR_INVALID);
  assert_contains (message, "row 2, column B: the cell holds more than 64 KB of text");
  g_clear_pointer (&message, g_free);

  /* Excel itself stores long text once, in the shared strings. */
  shared_path = g_build_filename (folder, "besar.xlsx", NULL);
  sst = g_strdup_printf (XML_DECL "<sst " NS_MAIN "><si><t>NIK</t></si><si><t>%s</t></si></sst>", cell->str);
  {
    const char *parts[] = {
      "xl/workbook.xml", XML_DECL "<workbook " NS_MAIN "/>",
      "xl/sharedStrings.xml", sst,
      "xl/worksheets/sheet1.xml",
      XML_DECL "<worksheet " NS_MAIN "><sheetData>"
      "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"
      "<row r=\"2\"><c r=\"A2\"><v>1</v></c></row>"
      "<row r=\"3\"><c r=\"A3\"><v>2</v></c><c r=\"C3\" t=\"s\"><v>1</v></c></row>"
      "</sheetData></worksheet>",
      NULL,
    };
    make_zip (shared_path, parts);
  }
  message = read_error (shared_path, LOKET_ERROR_INVALID);
  assert_contains (message, "“besar.xlsx”, row 3, column C: the cell holds more than 64 KB of text");
}

static void
test_bad_unreadable (void)
{
  g_autofree char *folder = loket_test_make_folder ();
  g_autofree char *missing = g_build_filename (folder, "hilang.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LoketSheet) sheet = NULL;

  sheet = loket_sheet_read_file (missing, NULL, NULL, NULL, &error);
  g_assert_null (sheet);
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_STORAGE);
  assert_contains (error->message, "hilang.xlsx");
  g_clear_error (&error);

  sheet = loket_sheet_read_file (folder, NULL, NULL, NULL, &error);
  g_assert_null (sheet);
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_STORAGE);
}

/* The clerk sees the messages in Indonesian. */
static void
test_message_in_indonesian (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
      g_autoptr(GError) error = NULL;
      g_autoptr(LoketSheet) sheet = NULL;

      loket_i18n_init ("id");
      sheet = loket_sheet_read_bytes (empty, "anggota.xlsx", NULL, &error);
      g_assert_error (error, LOKET_ERROR, LOKET_ERROR_INVALID);
      g_print ("%s\n", error->message);
      return;
    }
  if (g_getenv ("LOKET_LOCALEDIR") != NULL)
    {
      g_autofree char *catalog = g_build_filename (g_getenv ("LOKET_LOCALEDIR"), "id",
                                                   "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);

      if (!g_file_test (catalog, G_FILE_TEST_EXISTS))
        {
          g_test_skip ("the Indonesian catalogue is not built");
          return;
        }
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("*“anggota.xlsx” kosong*");
}

/* ---- large files, progress and cancelling ---- */

static const char *const big_header[] = {
  "NIK", "Nama Lengkap", "Tgl Lahir", "JK", "Alamat", "Desa", "No HP", "Penghasilan",
};

static char *
big_cell (guint row,
          guint column)
{
  switch (column)
    {
    case 0: return g_strdup_printf ("32010112%08u", row);
    case 1: return g_strdup_printf ("Anggota Koperasi Nomor %u", row);
    case 2: return g_strdup_printf ("%02u/%02u/19%02u", 1 + row % 28, 1 + row % 12, 50 + row % 50);
    case 3: return g_strdup (row % 2 ? "L" : "P");
    case 4: return g_strdup_printf ("Jl. Merdeka No. %u, RT %03u / RW %03u", row % 300, row % 20, row % 9);
    case 5: return g_strdup_printf ("Desa %u", row % 97);
    case 6: return g_strdup_printf ("08%010u", row);
    default: return g_strdup_printf ("%u", 1000000 + row * 7);
    }
}

static void
check_big_sheet (LoketSheet *sheet)
{
  const guint samples[] = { 1, 2, 777, 50000, 99999, BIG_ROWS };

  g_assert_cmpuint (loket_sheet_get_n_rows (sheet), ==, BIG_ROWS + 1);
  g_assert_cmpuint (loket_sheet_get_width (sheet), ==, G_N_ELEMENTS (big_header));
  for (guint c = 0; c < G_N_ELEMENTS (big_header); c++)
    g_assert_cmpstr (loket_sheet_get_cell (sheet, 0, c), ==, big_header[c]);
  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    for (guint c = 0; c < G_N_ELEMENTS (big_header); c++)
      {
        g_autofree char *expected = big_cell (samples[i], c);
        g_assert_cmpstr (loket_sheet_get_cell (sheet, samples[i], c), ==, expected);
      }
  /* And every NIK, cheaply. */
  for (guint row = 1; row <= BIG_ROWS; row++)
    {
      const char *nik = loket_sheet_get_cell (sheet, row, 0);
      g_assert_cmpuint (loket_sheet_get_n_columns (sheet, row), ==, G_N_ELEMENTS (big_header));
      g_assert_cmpuint (strtoul (nik + 8, NULL, 10), ==, row);
    }
}

typedef struct {
  guint    calls;
  double   last;
  double   cancel_at;
  GCancellable *cancellable;
} Progress;

static void
on_progress (double   fraction,
             gpointer user_data)
{
  Progress *progress = user_data;

  g_assert_cmpfloat (fraction, >=, progress->last);
  g_assert_cmpfloat (fraction, <=, 1.0);
  progress->calls++;
  progress->last = fraction;
  if (progress->cancellable != NULL && fraction >= progress->cancel_at)
    g_cancellable_cancel (progress->cancellable);
}

static LoketSheet *
read_timed (const char *path,
            const char *what)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  Progress progress = { 0 };
  LoketSheet *sheet = loket_sheet_read_file (path, NULL, on_progress, &progress, &error);

  g_assert_no_error (error);
  g_test_message ("%s: %u rows read in %.3f s", what, BIG_ROWS, g_timer_elapsed (timer, NULL));
  g_assert_cmpuint (progress.calls, >=, 2);
  g_assert_cmpuint (progress.calls, <=, 101);
  g_assert_cmpfloat (progress.last, ==, 1.0);
  return sheet;
}

static char *
make_big_csv (void)
{
  g_autoptr(GString) csv = g_string_new ("\xEF\xBB\xBF");

  for (guint c = 0; c < G_N_ELEMENTS (big_header); c++)
    g_string_append_printf (csv, c > 0 ? ";%s" : "%s", big_header[c]);
  g_string_append (csv, "\r\n");
  for (guint row = 1; row <= BIG_ROWS; row++)
    {
      for (guint c = 0; c < G_N_ELEMENTS (big_header); c++)
        {
          g_autofree char *cell = big_cell (row, c);

          if (c > 0)
            g_string_append_c (csv, ';');
          /* The address has a comma: Excel would not quote it with ';'
           * between cells, but some exporters quote every text. */
          if (c == 4 && row % 2)
            g_string_append_printf (csv, "\"%s\"", cell);
          else
            g_string_append (csv, cell);
        }
      g_string_append (csv, "\r\n");
    }
  return write_file ("besar.csv", csv->str, csv->len);
}

static void
test_big_csv (void)
{
  g_autofree char *path = make_big_csv ();
  g_autoptr(LoketSheet) sheet = read_timed (path, "CSV");

  g_assert_cmpint (loket_sheet_get_separator (sheet), ==, ';');
  check_big_sheet (sheet);
}

static void
test_big_xlsx (void)
{
  g_autofree char *folder = loket_test_make_folder ();
  g_autofree char *path = g_build_filename (folder, "besar.xlsx", NULL);
  lxw_workbook_options options = { .constant_memory = LXW_TRUE };
  lxw_workbook *workbook = workbook_new_opt (path, &options);
  lxw_worksheet *ws = workbook_add_worksheet (workbook, "Anggota");
  g_autoptr(LoketSheet) sheet = NULL;

  for (guint c = 0; c < G_N_ELEMENTS (big_header); c++)
    worksheet_write_string (ws, 0, c, big_header[c], NULL);
  for (guint row = 1; row <= BIG_ROWS; row++)
    for (guint c = 0; c < G_N_ELEMENTS (big_header); c++)
      {
        g_autofree char *cell = big_cell (row, c);

        if (c == 7)
          worksheet_write_number (ws, row, c, 1000000 + row * 7, NULL);
        else
          worksheet_write_string (ws, row, c, cell, NULL);
      }
  g_assert_cmpint (workbook_close (workbook), ==, LXW_NO_ERROR);

  sheet = read_timed (path, "XLSX");
  check_big_sheet (sheet);
  g_assert_true (loket_sheet_cell_is_number (sheet, 5, 7));
  g_assert_false (loket_sheet_cell_is_number (sheet, 5, 0));
}

static void
test_cancel (void)
{
  g_autofree char *path = make_big_csv ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LoketSheet) sheet = NULL;
  Progress progress = { .cancel_at = 0.3, .cancellable = cancellable };

  sheet = loket_sheet_read_file (path, cancellable, on_progress, &progress, &error);
  g_assert_null (sheet);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpfloat (progress.last, <, 0.5);
  g_clear_error (&error);

  /* Cancelled before it starts. */
  sheet = loket_sheet_read_file (path, cancellable, NULL, NULL, &error);
  g_assert_null (sheet);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static gpointer
read_repeatedly (gpointer data)
{
  for (guint i = 0; i < 20; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LoketSheet) sheet = loket_sheet_read_file (data, NULL, NULL, NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (loket_sheet_get_cell (sheet, 1, 1), ==, "José Ñoño");
    }
  return NULL;
}

/* The importer reads off the main thread; readers share nothing. */
static void
test_threads (void)
{
  g_autofree char *path = make_typed_xlsx (FALSE);
  GThread *threads[4];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("reader", read_repeatedly, path);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_thread_join (threads[i]);
}

/* ---- writing rejects ---- */

static GPtrArray *
reject_rows (void)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  const char *const rows_data[][4] = {
    { "3201011205900001", "Budi; S.Pd", "Jl. \"Merdeka\" 5", "NIK sudah terdaftar" },
    { "0812345678", "José Ñoño", "baris 1\r\nbaris 2", "Tanggal lahir 31/02/1990 tidak ada" },
    { "3.20101E+15", "", "  spasi  ", "NIK diubah Excel menjadi angka" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows_data); i++)
    g_ptr_array_add (rows, g_strdupv ((char **) (const char *[]) {
      rows_data[i][0], rows_data[i][1], rows_data[i][2], rows_data[i][3], NULL }));
  /* A short row, as a file with missing cells gives. */
  g_ptr_array_add (rows, g_strdupv ((char **) (const char *[]) { "123", NULL }));
  return rows;
}

static const char *const reject_header[] = { "NIK", "Nama", "Alamat", "Alasan", NULL };

static void
check_round_trip (LoketSheet *sheet,
                  GPtrArray  *rows,
                  gboolean    empty_is_null)
{
  g_assert_cmpuint (loket_sheet_get_n_rows (sheet), ==, rows->len + 1);
  for (guint c = 0; reject_header[c] != NULL; c++)
    g_assert_cmpstr (loket_sheet_get_cell (sheet, 0, c), ==, reject_header[c]);
  for (guint r = 0; r < rows->len; r++)
    {
      char **cells = g_ptr_array_index (rows, r);

      for (guint c = 0; cells[c] != NULL; c++)
        {
          const char *expected = cells[c];

          if (empty_is_null && *expected == '\0')
            expected = NULL;
          g_assert_cmpstr (loket_sheet_get_cell (sheet, r + 1, c), ==, expected);
          g_assert_false (loket_sheet_cell_is_number (sheet, r + 1, c));
        }
      g_assert_null (loket_sheet_get_cell (sheet, r + 1, g_strv_length (cells)));
    }
}

static void
test_write_csv_round_trip (void)
{
  g_autofree char *folder = loket_test_make_folder ();
  g_autofree char *path = g_build_filename (folder, "ditolak.csv", NULL);
  g_autoptr(GPtrArray) rows = reject_rows ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LoketSheet) sheet = NULL;
  g_autofree char *contents = NULL;

  g_assert_true (loket_sheet_write_csv (path, reject_header, rows, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBFNIK;Nama;Alamat;Alasan\r\n"
                                             "3201011205900001;\"Budi; S.Pd\";\"Jl. \"\"Merdeka\"\" 5\";"));
  g_assert_true (g_str_has_suffix (contents, "\r\n123\r\n"));

  sheet = read_ok (path);
  g_assert_cmpint (loket_sheet_get_separator (sheet), ==, ';');
  g_assert_cmpstr (loket_sheet_get_encoding (sheet), ==, "UTF-8");
  check_round_trip (sheet, rows, FALSE);

  /* Written again over the first. */
  g_ptr_array_set_size (rows, 1);
  g_assert_true (loket_sheet_write_csv (path, reject_header, rows, &error));
  g_clear_pointer (&sheet, loket_sheet_free);
  sheet = read_ok (path);
  g_assert_cmpuint (loket_sheet_get_n_rows (sheet), ==, 2);
}

/* The text of part `name` (such as "xl/styles.xml") of the zip at `path`. */
static char *
read_zip_part (const char *path,
               const char *name)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = g_strsplit (name, "/", -1);
  GsfInput *source = gsf_input_stdio_new (path, &error);
  GsfInfile *zip;
  GsfInput *part;
  char *text;
  gsf_off_t size;

  g_assert_no_error (error);
  zip = gsf_infile_zip_new (source, &error);
  g_assert_no_error (error);
  part = gsf_infile_child_by_aname (zip, (const char **) names);
  g_assert_nonnull (part);
  size = gsf_input_size (part);
  text = g_malloc0 (size + 1);
  g_assert_nonnull (gsf_input_read (part, size, (guint8 *) text));
  g_object_unref (part);
  g_object_unref (zip);
  g_object_unref (source);
  return text;
}

static void
test_write_xlsx_round_trip (void)
{
  g_autofree char *folder = loket_test_make_folder ();
  g_autofree char *path = g_build_filename (folder, "ditolak.xlsx", NULL);
  g_autoptr(GPtrArray) rows = reject_rows ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LoketSheet) sheet = NULL;
  g_autoptr(GDir) dir = NULL;

  g_assert_true (loket_sheet_write_xlsx (path, reject_header, rows, &error));
  g_assert_no_error (error);
  sheet = read_ok (path);
  g_assert_cmpint (loket_sheet_get_format (sheet), ==, LOKET_SHEET_XLSX);
  g_assert_cmpstr (loket_sheet_get_sheet_name (sheet), ==, "Rejected");
  /* The NIK stays a 16-digit text, not a number Excel would round. */
  check_round_trip (sheet, rows, TRUE);

  /* The header bold, every column in Excel's Text format (built-in 49) so
   * that a NIK typed in later stays text too, the header frozen and
   * filtered. */
  {
    g_autofree char *styles = read_zip_part (path, "xl/styles.xml");
    g_autofree char *xml = read_zip_part (path, "xl/worksheets/sheet1.xml");

    assert_contains (styles, "<b/>");
    assert_contains (styles, "numFmtId=\"49\"");
    assert_contains (xml, "<col min=\"1\" max=\"1\" width=\"18.7109375\" style=\"");
    assert_contains (xml, "<pane ySplit=\"1\"");
    assert_contains (xml, "<autoFilter ref=\"A1:D5\"/>");
    assert_contains (xml, "<c r=\"A2\" s=\"");
  }

  /* Only the workbook in the folder: no temporary file left. */
  dir = g_dir_open (folder, 0, NULL);
  g_assert_cmpstr (g_dir_read_name (dir), ==, "ditolak.xlsx");
  g_assert_null (g_dir_read_name (dir));
}

static void
check_write_fails (gboolean xlsx)
{
  g_autofree char *folder = loket_test_make_folder ();
  g_autofree char *missing = g_build_filename (folder, "tidak-ada", xlsx ? "x.xlsx" : "x.csv", NULL);
  g_autofree char *taken = g_build_filename (folder, xlsx ? "folder.xlsx" : "folder.csv", NULL);
  g_autoptr(GPtrArray) rows = reject_rows ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  gboolean ok;

  ok = xlsx ? loket_sheet_write_xlsx (missing, reject_header, rows, &error)
            : loket_sheet_write_csv (missing, reject_header, rows, &error);
  g_assert_false (ok);
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_STORAGE);
  g_test_message ("%s", error->message);
  assert_contains (error->message, missing);
  g_clear_error (&error);

  /* The temporary file is made, the rename onto a folder fails: it must
   * not stay behind. */
  g_assert_cmpint (g_mkdir (taken, 0755), ==, 0);
  ok = xlsx ? loket_sheet_write_xlsx (taken, reject_header, rows, &error)
            : loket_sheet_write_csv (taken, reject_header, rows, &error);
  g_assert_false (ok);
  g_assert_error (error, LOKET_ERROR, LOKET_ERROR_STORAGE);
  g_test_message ("%s", error->message);
  assert_contains (error->message, taken);

  dir = g_dir_open (folder, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_true (g_str_equal (name, xlsx ? "folder.xlsx" : "folder.csv"));
}

static void
test_write_csv_fails (void)
{
  check_write_fails (FALSE);
}

static void
test_write_xlsx_fails (void)
{
  check_write_fails (TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sheet/csv/comma", test_csv_comma);
  g_test_add_func ("/sheet/csv/semicolon-bom-crlf", test_csv_semicolon_bom_crlf);
  g_test_add_func ("/sheet/csv/utf8-without-bom", test_csv_utf8_without_bom);
  g_test_add_func ("/sheet/csv/windows-1252", test_csv_windows_1252);
  g_test_add_func ("/sheet/csv/quoted", test_csv_quoted);
  g_test_add_func ("/sheet/csv/empty-rows-extra-columns", test_csv_empty_rows_extra_columns);
  g_test_add_func ("/sheet/csv/line-ends", test_csv_line_ends);
  g_test_add_func ("/sheet/csv/separator-detection", test_csv_separator_detection);
  g_test_add_func ("/sheet/csv/utf16", test_csv_utf16);
  g_test_add_func ("/sheet/read-bytes", test_read_bytes);
  g_test_add_func ("/sheet/column-letters", test_column_letters);
  g_test_add_func ("/sheet/xlsx/shared-strings", test_xlsx_shared_strings);
  g_test_add_func ("/sheet/xlsx/inline-strings", test_xlsx_inline_strings);
  g_test_add_func ("/sheet/xlsx/handmade", test_xlsx_handmade);
  g_test_add_func ("/sheet/xlsx/without-rels", test_xlsx_without_rels);
  g_test_add_func ("/sheet/bad/empty", test_bad_empty);
  g_test_add_func ("/sheet/bad/not-a-spreadsheet", test_bad_not_a_spreadsheet);
  g_test_add_func ("/sheet/bad/zip", test_bad_zip);
  g_test_add_func ("/sheet/bad/xlsx-parts", test_bad_xlsx_parts);
  g_test_add_func ("/sheet/bad/too-many-columns", test_bad_too_many_columns);
  g_test_add_func ("/sheet/bad/huge-cell", test_bad_huge_cell);
  g_test_add_func ("/sheet/bad/unreadable", test_bad_unreadable);
  g_test_add_func ("/sheet/bad/message-in-indonesian", test_message_in_indonesian);
  g_test_add_func ("/sheet/big/csv", test_big_csv);
  g_test_add_func ("/sheet/big/xlsx", test_big_xlsx);
  g_test_add_func ("/sheet/cancel", test_cancel);
  g_test_add_func ("/sheet/threads", test_threads);
  g_test_add_func ("/sheet/write/csv-round-trip", test_write_csv_round_trip);
  g_test_add_func ("/sheet/write/xlsx-round-trip", test_write_xlsx_round_trip);
  g_test_add_func ("/sheet/write/csv-fails", test_write_csv_fails);
  g_test_add_func ("/sheet/write/xlsx-fails", test_write_xlsx_fails);

  return g_test_run ();
}
