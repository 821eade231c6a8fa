/* loket-import-columns.c: which column of a cooperative's list holds
 * what, by the names people give their headers, in Indonesian or English. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "loket-error.h"
#include "loket-import-private.h"

/* A title or a block of details above the header is common ("DAFTAR
 * ANGGOTA KOPERASI ..."): the header is looked for among this many
 * non-empty rows. */
#define HEADER_SEARCH_ROWS 10
/* How many headers an error lists before "…". */
#define HEADERS_SHOWN 20

static const char *const field_labels[LOKET_IMPORT_N_FIELDS] = {
  [LOKET_IMPORT_FIELD_NIK] = N_("NIK"),
  [LOKET_IMPORT_FIELD_NAME] = N_("Name"),
  [LOKET_IMPORT_FIELD_BIRTH_DATE] = N_("Birth date"),
  [LOKET_IMPORT_FIELD_SEX] = N_("Sex"),
  [LOKET_IMPORT_FIELD_PHONE] = N_("Phone"),
  [LOKET_IMPORT_FIELD_STREET] = N_("Address"),
  [LOKET_IMPORT_FIELD_RT] = N_("RT"),
  [LOKET_IMPORT_FIELD_RW] = N_("RW"),
  [LOKET_IMPORT_FIELD_RT_RW] = N_("RT/RW"),
  [LOKET_IMPORT_FIELD_VILLAGE] = N_("Village"),
  [LOKET_IMPORT_FIELD_DISTRICT] = N_("District"),
  [LOKET_IMPORT_FIELD_REGENCY] = N_("Regency"),
  [LOKET_IMPORT_FIELD_PROVINCE] = N_("Province"),
  [LOKET_IMPORT_FIELD_POSTCODE] = N_("Postcode"),
  [LOKET_IMPORT_FIELD_OCCUPATION] = N_("Occupation"),
  [LOKET_IMPORT_FIELD_INCOME] = N_("Income"),
  [LOKET_IMPORT_FIELD_REGION_CODE] = N_("Region code"),
};

/* Headers as loket_import_key() leaves them: folded, accents, spaces,
 * punctuation and notes in brackets gone ("No. KTP" → "noktp"). */
static const struct {
  const char *key;
  int         field;
} header_names[] = {
  { "nik", LOKET_IMPORT_FIELD_NIK },
  { "noktp", LOKET_IMPORT_FIELD_NIK },
  { "nomorktp", LOKET_IMPORT_FIELD_NIK },
  { "nikktp", LOKET_IMPORT_FIELD_NIK },
  { "ktp", LOKET_IMPORT_FIELD_NIK },
  { "nonik", LOKET_IMPORT_FIELD_NIK },
  { "nomornik", LOKET_IMPORT_FIELD_NIK },
  { "niknoktp", LOKET_IMPORT_FIELD_NIK },
  { "noktpnik", LOKET_IMPORT_FIELD_NIK },
  { "nikpeserta", LOKET_IMPORT_FIELD_NIK },
  { "nikanggota", LOKET_IMPORT_FIELD_NIK },
  { "nomorindukkependudukan", LOKET_IMPORT_FIELD_NIK },
  { "noindukkependudukan", LOKET_IMPORT_FIELD_NIK },
  { "nama", LOKET_IMPORT_FIELD_NAME },
  { "namalengkap", LOKET_IMPORT_FIELD_NAME },
  { "namaanggota", LOKET_IMPORT_FIELD_NAME },
  { "namapeserta", LOKET_IMPORT_FIELD_NAME },
  { "namasesuaiktp", LOKET_IMPORT_FIELD_NAME },
  { "namalengkapsesuaiktp", LOKET_IMPORT_FIELD_NAME },
  { "namapekerja", LOKET_IMPORT_FIELD_NAME },
  { "name", LOKET_IMPORT_FIELD_NAME },
  { "fullname", LOKET_IMPORT_FIELD_NAME },
  { "tgllahir", LOKET_IMPORT_FIELD_BIRTH_DATE },
  { "tglahir", LOKET_IMPORT_FIELD_BIRTH_DATE },
  { "tgllhr", LOKET_IMPORT_FIELD_BIRTH_DATE },
  { "tanggallahir", LOKET_IMPORT_FIELD_BIRTH_DATE },
  { "tanggallhr", LOKET_IMPORT_FIELD_BIRTH_DATE },
  { "tanggalkelahiran", LOKET_IMPORT_FIELD_BIRTH_DATE },
  { "birthdate", LOKET_IMPORT_FIELD_BIRTH_DATE },
  { "dateofbirth", LOKET_IMPORT_FIELD_BIRTH_DATE },
  { "dob", LOKET_IMPORT_FIELD_BIRTH_DATE },
  { "ttl", LOKET_IMPORT_FIELD_TTL },
  { "tempattanggallahir", LOKET_IMPORT_FIELD_TTL },
  { "tempattgllahir", LOKET_IMPORT_FIELD_TTL },
  { "tempatdantanggallahir", LOKET_IMPORT_FIELD_TTL },
  { "jk", LOKET_IMPORT_FIELD_SEX },
  { "lp", LOKET_IMPORT_FIELD_SEX },
  { "jeniskelamin", LOKET_IMPORT_FIELD_SEX },
  { "jnskelamin", LOKET_IMPORT_FIELD_SEX },
  { "jeniskel", LOKET_IMPORT_FIELD_SEX },
  { "kelamin", LOKET_IMPORT_FIELD_SEX },
  { "sex", LOKET_IMPORT_FIELD_SEX },
  { "gender", LOKET_IMPORT_FIELD_SEX },
  { "nohp", LOKET_IMPORT_FIELD_PHONE },
  { "hp", LOKET_IMPORT_FIELD_PHONE },
  { "nomorhp", LOKET_IMPORT_FIELD_PHONE },
  { "nohandphone", LOKET_IMPORT_FIELD_PHONE },
  { "handphone", LOKET_IMPORT_FIELD_PHONE },
  { "nohpwa", LOKET_IMPORT_FIELD_PHONE },
  { "hpwa", LOKET_IMPORT_FIELD_PHONE },
  { "telepon", LOKET_IMPORT_FIELD_PHONE },
  { "telp", LOKET_IMPORT_FIELD_PHONE },
  { "tlp", LOKET_IMPORT_FIELD_PHONE },
  { "notelp", LOKET_IMPORT_FIELD_PHONE },
  { "notlp", LOKET_IMPORT_FIELD_PHONE },
  { "notelepon", LOKET_IMPORT_FIELD_PHONE },
  { "nomortelepon", LOKET_IMPORT_FIELD_PHONE },
  { "wa", LOKET_IMPORT_FIELD_PHONE },
  { "nowa", LOKET_IMPORT_FIELD_PHONE },
  { "nomorwa", LOKET_IMPORT_FIELD_PHONE },
  { "whatsapp", LOKET_IMPORT_FIELD_PHONE },
  { "phone", LOKET_IMPORT_FIELD_PHONE },
  { "phonenumber", LOKET_IMPORT_FIELD_PHONE },
  { "mobile", LOKET_IMPORT_FIELD_PHONE },
  { "alamat", LOKET_IMPORT_FIELD_STREET },
  { "alamatlengkap", LOKET_IMPORT_FIELD_STREET },
  { "alamatrumah", LOKET_IMPORT_FIELD_STREET },
  { "jalan", LOKET_IMPORT_FIELD_STREET },
  { "address", LOKET_IMPORT_FIELD_STREET },
  { "street", LOKET_IMPORT_FIELD_STREET },
  { "rt", LOKET_IMPORT_FIELD_RT },
  { "rw", LOKET_IMPORT_FIELD_RW },
  { "rtrw", LOKET_IMPORT_FIELD_RT_RW },
  { "desa", LOKET_IMPORT_FIELD_VILLAGE },
  { "kelurahan", LOKET_IMPORT_FIELD_VILLAGE },
  { "desakelurahan", LOKET_IMPORT_FIELD_VILLAGE },
  { "kelurahandesa", LOKET_IMPORT_FIELD_VILLAGE },
  { "desakel", LOKET_IMPORT_FIELD_VILLAGE },
  { "keldesa", LOKET_IMPORT_FIELD_VILLAGE },
  { "kel", LOKET_IMPORT_FIELD_VILLAGE },
  { "village", LOKET_IMPORT_FIELD_VILLAGE },
  { "kecamatan", LOKET_IMPORT_FIELD_DISTRICT },
  { "kec", LOKET_IMPORT_FIELD_DISTRICT },
  { "district", LOKET_IMPORT_FIELD_DISTRICT },
  { "subdistrict", LOKET_IMPORT_FIELD_DISTRICT },
  { "kabupaten", LOKET_IMPORT_FIELD_REGENCY },
  { "kota", LOKET_IMPORT_FIELD_REGENCY },
  { "kabupatenkota", LOKET_IMPORT_FIELD_REGENCY },
  { "kabkota", LOKET_IMPORT_FIELD_REGENCY },
  { "kab", LOKET_IMPORT_FIELD_REGENCY },
  { "regency", LOKET_IMPORT_FIELD_REGENCY },
  { "city", LOKET_IMPORT_FIELD_REGENCY },
  { "provinsi", LOKET_IMPORT_FIELD_PROVINCE },
  { "prov", LOKET_IMPORT_FIELD_PROVINCE },
  { "province", LOKET_IMPORT_FIELD_PROVINCE },
  { "kodepos", LOKET_IMPORT_FIELD_POSTCODE },
  { "postcode", LOKET_IMPORT_FIELD_POSTCODE },
  { "postalcode", LOKET_IMPORT_FIELD_POSTCODE },
  { "zipcode", LOKET_IMPORT_FIELD_POSTCODE },
  { "pekerjaan", LOKET_IMPORT_FIELD_OCCUPATION },
  { "jenispekerjaan", LOKET_IMPORT_FIELD_OCCUPATION },
  { "profesi", LOKET_IMPORT_FIELD_OCCUPATION },
  { "matapencaharian", LOKET_IMPORT_FIELD_OCCUPATION },
  { "occupation", LOKET_IMPORT_FIELD_OCCUPATION },
  { "job", LOKET_IMPORT_FIELD_OCCUPATION },
  { "penghasilan", LOKET_IMPORT_FIELD_INCOME },
  { "penghasilanperbulan", LOKET_IMPORT_FIELD_INCOME },
  { "penghasilanbulanan", LOKET_IMPORT_FIELD_INCOME },
  { "pendapatan", LOKET_IMPORT_FIELD_INCOME },
  { "gaji", LOKET_IMPORT_FIELD_INCOME },
  { "gajiperbulan", LOKET_IMPORT_FIELD_INCOME },
  { "upah", LOKET_IMPORT_FIELD_INCOME },
  { "income", LOKET_IMPORT_FIELD_INCOME },
  { "monthlyincome", LOKET_IMPORT_FIELD_INCOME },
  { "salary", LOKET_IMPORT_FIELD_INCOME },
  { "wage", LOKET_IMPORT_FIELD_INCOME },
  { "kodewilayah", LOKET_IMPORT_FIELD_REGION_CODE },
  { "kodewilayahdesa", LOKET_IMPORT_FIELD_REGION_CODE },
  { "kodedesa", LOKET_IMPORT_FIELD_REGION_CODE },
  { "kodekemendagri", LOKET_IMPORT_FIELD_REGION_CODE },
  { "regioncode", LOKET_IMPORT_FIELD_REGION_CODE },
};

/* A field, LOKET_IMPORT_FIELD_TTL, or -1. */
static int
match_header (const char *header)
{
  g_autofree char *key = loket_import_key (header, TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (header_names); i++)
    if (g_str_equal (key, header_names[i].key))
      return header_names[i].field;
  return -1;
}

int
loket_import_match_header (const char *header)
{
  int field = match_header (header);

  return field >= 0 ? field : -1;
}

static gboolean
row_is_blank (LoketSheet *sheet,
              guint       row)
{
  guint n = loket_sheet_get_n_columns (sheet, row);

  for (guint c = 0; c < n; c++)
    if (loket_import_has_text (loket_sheet_get_cell (sheet, row, c)))
      return FALSE;
  return TRUE;
}

/* "“No”, “Nama Anggota”, “Alamat”" for the messages. */
static char *
describe_headers (LoketSheet *sheet,
                  guint       row)
{
  GString *out = g_string_new (NULL);
  guint n = loket_sheet_get_n_columns (sheet, row);
  guint shown = 0;

  for (guint c = 0; c < n; c++)
    {
      g_autofree char *title = loket_import_dup_trimmed (loket_sheet_get_cell (sheet, row, c));

      if (title == NULL)
        continue;
      if (shown == HEADERS_SHOWN)
        {
          g_string_append (out, ", …");
          break;
        }
      if (g_utf8_strlen (title, -1) > 40)
        {
          const char *end = g_utf8_offset_to_pointer (title, 40);

          g_string_append_printf (out, "%s“%.*s…”", shown > 0 ? ", " : "", (int) (end - title), title);
        }
      else
        g_string_append_printf (out, "%s“%s”", shown > 0 ? ", " : "", title);
      shown++;
    }
  return g_string_free (out, FALSE);
}

/* Reads the columns of header row `row` into the report. Returns the
 * column of a TTL header, or -1. */
static int
map_columns (LoketImportReport *report,
             LoketSheet        *sheet,
             guint              row)
{
  guint n = loket_sheet_get_n_columns (sheet, row);
  int ttl = -1;

  for (guint i = 0; i < LOKET_IMPORT_N_FIELDS; i++)
    {
      report->columns[i] = -1;
      g_clear_pointer (&report->titles[i], g_free);
    }
  g_ptr_array_set_size (report->file_problems, 0);

  for (guint c = 0; c < n; c++)
    {
      g_autofree char *title = loket_import_dup_trimmed (loket_sheet_get_cell (sheet, row, c));
      int field;

      if (title == NULL)
        continue;
      field = match_header (title);
      if (field == LOKET_IMPORT_FIELD_TTL)
        {
          if (ttl < 0)
            ttl = (int) c;
          continue;
        }
      if (field < 0)
        continue;
      if (report->columns[field] >= 0)
        {
          loket_problems_add (report->file_problems, LOKET_SEVERITY_WARNING,
                              loket_import_field_names[field], "column-repeated",
                              _("Columns: “%s” is read as %s; “%s”, which means the same, is ignored."),
                              report->titles[field], _(field_labels[field]), title);
          continue;
        }
      report->columns[field] = (int) c;
      report->titles[field] = g_steal_pointer (&title);
    }
  return ttl;
}

/* The problems of a missing birth date or sex column, said once for the
 * file; each row then says it in short. */
static void
note_missing_columns (LoketImportReport *report,
                      LoketSheet        *sheet,
                      int                ttl)
{
  if (report->columns[LOKET_IMPORT_FIELD_BIRTH_DATE] < 0)
    {
      if (ttl >= 0)
        {
          g_autofree char *title = loket_import_dup_trimmed (loket_sheet_get_cell (sheet, report->header_row, ttl));

          loket_problems_add (report->file_problems, LOKET_SEVERITY_ERROR, "birth_date", "birth-date-ttl",
                              _("Columns: “%s” holds the place and the date of birth together, so it is not read as the birth date. Put the birth date in a column of its own, named Tgl Lahir, and send the file again."),
                              title);
        }
      else
        loket_problems_add (report->file_problems, LOKET_SEVERITY_ERROR, "birth_date", "column-missing",
                            "%s", _("Columns: none reads as the birth date (such as Tgl Lahir or Tanggal Lahir). Add the column and send the file again."));
    }
  if (report->columns[LOKET_IMPORT_FIELD_SEX] < 0)
    loket_problems_add (report->file_problems, LOKET_SEVERITY_ERROR, "sex", "column-missing",
                        "%s", _("Columns: none reads as the sex (such as JK or L/P). Add the column and send the file again."));
}

gboolean
loket_import_find_header (LoketImportReport  *report,
                          LoketSheet         *sheet,
                          GError            **error)
{
  guint n_rows = loket_sheet_get_n_rows (sheet);
  guint seen = 0;
  int first = -1, partial = -1, ttl = -1;

  /* The header has both; a row with one of them ("Nama: KDMP Sakra" above
   * the list) is only the header when no row has both, to say what lacks. */
  for (guint r = 0; r < n_rows && seen < HEADER_SEARCH_ROWS; r++)
    {
      if (row_is_blank (sheet, r))
        continue;
      seen++;
      if (first < 0)
        first = (int) r;
      map_columns (report, sheet, r);
      if (report->columns[LOKET_IMPORT_FIELD_NIK] >= 0
          && report->columns[LOKET_IMPORT_FIELD_NAME] >= 0)
        {
          partial = (int) r;
          break;
        }
      if (partial < 0 && (report->columns[LOKET_IMPORT_FIELD_NIK] >= 0
                          || report->columns[LOKET_IMPORT_FIELD_NAME] >= 0))
        partial = (int) r;
    }
  if (partial >= 0)
    report->header_row = (guint) partial;
  if (first >= 0)
    ttl = map_columns (report, sheet, (guint) (partial >= 0 ? partial : first));

  if (first < 0)
    {
      g_set_error_literal (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                           _("The file is empty: there is nothing in its cells. Check that the right file was chosen."));
      return FALSE;
    }
  if (report->columns[LOKET_IMPORT_FIELD_NIK] < 0 && report->columns[LOKET_IMPORT_FIELD_NAME] < 0)
    {
      g_autofree char *found = describe_headers (sheet, first);

      g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                   _("Columns: none reads as the members’ NIK or name; the first row (row %u) holds %s. Put the column names, such as NIK and Nama, in the first row and send the file again."),
                   first + 1, found);
      return FALSE;
    }
  if (report->columns[LOKET_IMPORT_FIELD_NIK] < 0 || report->columns[LOKET_IMPORT_FIELD_NAME] < 0)
    {
      g_autofree char *found = describe_headers (sheet, report->header_row);

      if (report->columns[LOKET_IMPORT_FIELD_NIK] < 0)
        g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                     _("Columns: none reads as the NIK (such as NIK or No KTP); the header on row %u holds %s. Add the NIK column and send the file again."),
                     report->header_row + 1, found);
      else
        g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                     _("Columns: none reads as the name (such as Nama or Nama Lengkap); the header on row %u holds %s. Add the name column and send the file again."),
                     report->header_row + 1, found);
      return FALSE;
    }
  note_missing_columns (report, sheet, ttl);
  return TRUE;
}
