/* loket-import.c: reading a cooperative's member list into drafts, the dry
 * run's report, the commit and the rejects.
 *
 * The per-member rules are loket_registration_check's, run on every row:
 * this file only turns cells into fields (the forms Excel and people give
 * them) and says which column a problem comes from. The writes are the
 * store's (loket-store-import.c). */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "loket-error.h"
#include "loket-format.h"
#include "loket-import-private.h"
#include "loket-registration.h"
#include "loket-sheet-writer.h"
#include "loket-store-import.h"
#include "loket-text.h"

#define TICK_ROWS 512

typedef struct {
  guint              sheet_row;  /* 0-based, as in the sheet */
  LoketImportStatus  status;
  guint              first_row;  /* duplicate_in_file: 1-based row of the first */
  LoketMember       *member;     /* owned; NULL for an empty row */
  GPtrArray         *problems;   /* owned LoketProblems; NULL for none */
} Row;

const char *const loket_import_field_names[LOKET_IMPORT_N_FIELDS] = {
  [LOKET_IMPORT_FIELD_NIK] = "nik",
  [LOKET_IMPORT_FIELD_NAME] = "name",
  [LOKET_IMPORT_FIELD_BIRTH_DATE] = "birth_date",
  [LOKET_IMPORT_FIELD_SEX] = "sex",
  [LOKET_IMPORT_FIELD_PHONE] = "phone",
  [LOKET_IMPORT_FIELD_STREET] = "street",
  [LOKET_IMPORT_FIELD_RT] = "rt",
  [LOKET_IMPORT_FIELD_RW] = "rw",
  [LOKET_IMPORT_FIELD_RT_RW] = "rt_rw",
  [LOKET_IMPORT_FIELD_VILLAGE] = "village",
  [LOKET_IMPORT_FIELD_DISTRICT] = "district",
  [LOKET_IMPORT_FIELD_REGENCY] = "regency",
  [LOKET_IMPORT_FIELD_PROVINCE] = "province",
  [LOKET_IMPORT_FIELD_POSTCODE] = "postcode",
  [LOKET_IMPORT_FIELD_OCCUPATION] = "occupation",
  [LOKET_IMPORT_FIELD_INCOME] = "income",
  [LOKET_IMPORT_FIELD_REGION_CODE] = "region_code",
};

static void
row_clear (gpointer data)
{
  Row *row = data;

  g_clear_object (&row->member);
  g_clear_pointer (&row->problems, g_ptr_array_unref);
}

void
loket_import_report_free (LoketImportReport *report)
{
  if (report == NULL)
    return;
  for (guint i = 0; i < LOKET_IMPORT_N_FIELDS; i++)
    g_free (report->titles[i]);
  g_ptr_array_unref (report->file_problems);
  g_ptr_array_unref (report->no_problems);
  g_array_unref (report->rows);
  g_free (report->source_name);
  g_free (report);
}

static LoketImportReport *
report_new (const LoketImportTerms *terms,
            const GDate            *today)
{
  LoketImportReport *report = g_new0 (LoketImportReport, 1);

  report->terms = *terms;
  report->today = *today;
  for (guint i = 0; i < LOKET_IMPORT_N_FIELDS; i++)
    report->columns[i] = -1;
  report->file_problems = loket_problems_new ();
  report->no_problems = loket_problems_new ();
  report->rows = g_array_new (FALSE, TRUE, sizeof (Row));
  g_array_set_clear_func (report->rows, row_clear);
  return report;
}

const char *
loket_import_status_to_string (LoketImportStatus status)
{
  static const char *const names[LOKET_IMPORT_N_STATUSES] = {
    [LOKET_IMPORT_TO_REGISTER] = "to_register",
    [LOKET_IMPORT_ALREADY_MEMBER] = "already_member",
    [LOKET_IMPORT_DUPLICATE_IN_FILE] = "duplicate_in_file",
    [LOKET_IMPORT_REJECTED] = "rejected",
    [LOKET_IMPORT_EMPTY] = "empty",
  };

  g_return_val_if_fail (status < LOKET_IMPORT_N_STATUSES, NULL);
  return names[status];
}

const char *
loket_import_field_name (LoketImportField field)
{
  g_return_val_if_fail (field < LOKET_IMPORT_N_FIELDS, NULL);
  return loket_import_field_names[field];
}

/* ---- rows -------------------------------------------------------------- */

typedef struct {
  LoketImportReport *report;   /* borrowed */
  LoketSheet        *sheet;    /* borrowed */
  LoketStore        *store;    /* borrowed */
  LoketRateBook     *book;     /* owned */
  GHashTable        *first_of; /* NIK (owned) → 1-based row number of its first row */
} Checker;

static gboolean
field_is_empty (Checker *ck,
                guint    row,
                int      field)
{
  int column = ck->report->columns[field];

  return column < 0 || !loket_import_has_text (loket_sheet_get_cell (ck->sheet, row, column));
}

static gboolean
row_is_empty (Checker *ck,
              guint    row)
{
  for (int f = 0; f < LOKET_IMPORT_N_FIELDS; f++)
    if (!field_is_empty (ck, row, f))
      return FALSE;
  return TRUE;
}

static char *
read_cell (Checker  *ck,
           guint     row,
           int       field,
           gboolean *is_number)
{
  int column = ck->report->columns[field];

  if (is_number != NULL)
    *is_number = column >= 0 && loket_sheet_cell_is_number (ck->sheet, row, column);
  if (column < 0)
    return NULL;
  return loket_import_dup_trimmed (loket_sheet_get_cell (ck->sheet, row, column));
}

static void
add_problem (GPtrArray  **problems,
             gboolean    *bad,
             int          field,
             const char  *code,
             const char  *message)
{
  if (*problems == NULL)
    *problems = loket_problems_new ();
  loket_problems_add (*problems, LOKET_SEVERITY_ERROR, loket_import_field_names[field], code, "%s", message);
  bad[field] = TRUE;
}

static void
read_nik (Checker      *ck,
          guint         row,
          LoketMember  *draft,
          GPtrArray   **problems,
          gboolean     *bad)
{
  gboolean is_number;
  g_autofree char *text = read_cell (ck, row, LOKET_IMPORT_FIELD_NIK, &is_number);
  g_autofree char *shown = NULL;
  GString *compact;

  if (text == NULL)
    return;

  /* Excel keeps 15 digits of a number: a NIK typed into a General column
   * loses its last digit and shows as 3,20101E+15. A number cell of 16
   * digits not ending in 0 was written by a tool that kept them all. */
  if (is_number && !(strlen (text) == 16 && loket_import_all_digits (text) && text[15] != '0'))
    shown = loket_import_excel_general (text);
  else if (!is_number && loket_import_looks_scientific (text))
    shown = g_strdup (text);
  if (shown != NULL)
    {
      g_autofree char *message =
        g_strdup_printf (_("NIK on row %u was turned by Excel into the number %s; store the %s column as Text and send the file again."),
                         row + 1, shown, ck->report->titles[LOKET_IMPORT_FIELD_NIK]);

      add_problem (problems, bad, LOKET_IMPORT_FIELD_NIK, "nik-excel-number", message);
      return;
    }

  /* 'NIK: the apostrophe people type to make Excel keep the digits. */
  compact = g_string_new (NULL);
  for (const char *p = text[0] == '\'' ? text + 1 : text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (compact, *p);
  if (compact->len == 16 && loket_import_all_digits (compact->str))
    loket_member_set_string (&draft->nik, compact->str);
  else
    loket_member_set_string (&draft->nik, text[0] == '\'' ? text + 1 : text);
  g_string_free (compact, TRUE);
}

static void
read_birth_date (Checker      *ck,
                 guint         row,
                 LoketMember  *draft,
                 GPtrArray   **problems,
                 gboolean     *bad)
{
  gboolean is_number;
  g_autofree char *text = read_cell (ck, row, LOKET_IMPORT_FIELD_BIRTH_DATE, &is_number);
  g_autoptr(GError) error = NULL;

  if (text != NULL
      && !loket_import_read_date (text, is_number, ck->report->titles[LOKET_IMPORT_FIELD_BIRTH_DATE],
                     &draft->birth_date, &error))
    add_problem (problems, bad, LOKET_IMPORT_FIELD_BIRTH_DATE, "birth-date-format", error->message);
}

static void
read_sex_cell (Checker      *ck,
               guint         row,
               LoketMember  *draft,
               GPtrArray   **problems,
               gboolean     *bad)
{
  g_autofree char *text = read_cell (ck, row, LOKET_IMPORT_FIELD_SEX, NULL);
  g_autofree char *message = NULL;

  if (text == NULL)
    return;
  draft->sex = loket_import_read_sex (text);
  if (draft->sex != 0)
    return;
  message = g_strdup_printf (_("%s: “%s” is neither L nor P. Write L (laki-laki) or P (perempuan)."),
                             ck->report->titles[LOKET_IMPORT_FIELD_SEX], text);
  add_problem (problems, bad, LOKET_IMPORT_FIELD_SEX, "sex-value", message);
}

static void
read_phone (Checker      *ck,
            guint         row,
            LoketMember  *draft,
            GPtrArray   **problems,
            gboolean     *bad)
{
  gboolean is_number;
  g_autofree char *text = read_cell (ck, row, LOKET_IMPORT_FIELD_PHONE, &is_number);

  if (text == NULL)
    return;
  if (loket_import_looks_scientific (text))
    {
      g_autofree char *message =
        g_strdup_printf (_("%s: Excel turned the number into %s and lost its digits. Store the column as Text and send the file again."),
                         ck->report->titles[LOKET_IMPORT_FIELD_PHONE], text);

      add_problem (problems, bad, LOKET_IMPORT_FIELD_PHONE, "phone-excel-number", message);
      return;
    }
  /* A mobile number in a number cell loses its leading 0: 81234567890. */
  if (loket_import_all_digits (text) && text[0] == '8' && strlen (text) >= 9 && strlen (text) <= 12)
    {
      char *with_zero = g_strconcat ("0", text, NULL);

      g_free (text);
      text = with_zero;
    }
  loket_member_set_string (&draft->phone, text);
}

static char *
read_whole_number (Checker *ck,
                   guint    row,
                   int      field)
{
  gboolean is_number;
  char *text = read_cell (ck, row, field, &is_number);

  /* A number cell of RT 14 may come as "14.0". */
  if (text != NULL && is_number)
    loket_import_drop_zero_decimals (text);
  return text;
}

static void
read_neighbourhood (Checker     *ck,
                    guint        row,
                    LoketMember *draft)
{
  g_autofree char *both = NULL;

  if (ck->report->columns[LOKET_IMPORT_FIELD_RT] >= 0 || ck->report->columns[LOKET_IMPORT_FIELD_RW] >= 0)
    {
      g_autofree char *rt = read_whole_number (ck, row, LOKET_IMPORT_FIELD_RT);
      g_autofree char *rw = read_whole_number (ck, row, LOKET_IMPORT_FIELD_RW);

      loket_member_set_string (&draft->rt, rt);
      loket_member_set_string (&draft->rw, rw);
      return;
    }

  /* "014/004", "14 / 4", "14-4". */
  both = read_cell (ck, row, LOKET_IMPORT_FIELD_RT_RW, NULL);
  if (both != NULL)
    {
      g_auto(GStrv) parts = g_strsplit_set (both, "/-", 2);

      loket_member_set_string (&draft->rt, g_strstrip (parts[0]));
      if (parts[1] != NULL)
        loket_member_set_string (&draft->rw, g_strstrip (parts[1]));
    }
}

static void
read_income (Checker      *ck,
             guint         row,
             LoketMember  *draft,
             GPtrArray   **problems,
             gboolean     *bad)
{
  gboolean is_number;
  g_autofree char *text = read_cell (ck, row, LOKET_IMPORT_FIELD_INCOME, &is_number);
  g_autoptr(GError) error = NULL;

  draft->income = ck->report->terms.base_income;
  if (text == NULL)
    return;
  loket_import_drop_zero_decimals (text);
  if (!loket_format_parse_rupiah (text, ck->report->titles[LOKET_IMPORT_FIELD_INCOME],
                                  &draft->income, &error))
    add_problem (problems, bad, LOKET_IMPORT_FIELD_INCOME, "income-format", error->message);
}

static void
read_text (Checker  *ck,
           guint     row,
           int       field,
           char    **out)
{
  g_autofree char *text = read_cell (ck, row, field, NULL);

  loket_member_set_string (out, text);
}

/* The draft of row `row` under the PKS terms, and what could not be read. */
static LoketMember *
read_row (Checker    *ck,
          guint       row,
          GPtrArray **problems,
          gboolean   *bad)
{
  LoketMember *draft = loket_member_new ();
  const LoketImportTerms *terms = &ck->report->terms;
  g_autofree char *name = read_cell (ck, row, LOKET_IMPORT_FIELD_NAME, NULL);

  draft->segment = terms->segment;
  draft->programs = terms->programs;
  loket_member_set_string (&draft->name, name);

  read_nik (ck, row, draft, problems, bad);
  read_birth_date (ck, row, draft, problems, bad);
  read_sex_cell (ck, row, draft, problems, bad);
  read_phone (ck, row, draft, problems, bad);
  read_neighbourhood (ck, row, draft);
  read_income (ck, row, draft, problems, bad);
  read_text (ck, row, LOKET_IMPORT_FIELD_STREET, &draft->street);
  read_text (ck, row, LOKET_IMPORT_FIELD_VILLAGE, &draft->village);
  read_text (ck, row, LOKET_IMPORT_FIELD_DISTRICT, &draft->district);
  read_text (ck, row, LOKET_IMPORT_FIELD_REGENCY, &draft->regency);
  read_text (ck, row, LOKET_IMPORT_FIELD_PROVINCE, &draft->province);
  read_text (ck, row, LOKET_IMPORT_FIELD_OCCUPATION, &draft->occupation);
  {
    g_autofree char *postcode = read_whole_number (ck, row, LOKET_IMPORT_FIELD_POSTCODE);

    loket_member_set_string (&draft->postcode, postcode);
  }
  read_text (ck, row, LOKET_IMPORT_FIELD_REGION_CODE, &draft->region_code);
  return draft;
}

static int
field_from_name (const char *name)
{
  for (int f = 0; f < LOKET_IMPORT_N_FIELDS; f++)
    if (g_strcmp0 (loket_import_field_names[f], name) == 0)
      return f;
  return -1;
}

/* The registration rules' problems, but not those a reader error or a
 * missing column already explains better ("Birth date: it is empty" under
 * a date the reader could not read). */
static void
merge_rule_problems (Checker    *ck,
                     GPtrArray  *rules,
                     GPtrArray **problems,
                     gboolean   *bad)
{
  for (guint i = 0; i < rules->len; i++)
    {
      LoketProblem *problem = g_ptr_array_index (rules, i);
      int field = field_from_name (problem->field);

      if (field >= 0 && bad[field])
        continue;
      if (*problems == NULL)
        *problems = loket_problems_new ();
      g_ptr_array_add (*problems, g_steal_pointer (&rules->pdata[i]));
    }
}

static void
note_missing_in_row (Checker    *ck,
                     GPtrArray **problems,
                     gboolean   *bad)
{
  if (ck->report->columns[LOKET_IMPORT_FIELD_BIRTH_DATE] < 0)
    add_problem (problems, bad, LOKET_IMPORT_FIELD_BIRTH_DATE, "column-missing",
                 _("Birth date: the file has no birth date column."));
  if (ck->report->columns[LOKET_IMPORT_FIELD_SEX] < 0)
    add_problem (problems, bad, LOKET_IMPORT_FIELD_SEX, "column-missing",
                 _("Sex: the file has no sex column."));
}

static gboolean
same_person (LoketMember         *draft,
             LoketStoreNikHolder *holder)
{
  g_autofree char *a = loket_text_fold (draft->name);
  g_autofree char *b = loket_text_fold (holder->name);

  if (a != NULL && g_strcmp0 (a, b) != 0)
    return FALSE;
  return !g_date_valid (&draft->birth_date) || !g_date_valid (&holder->birth_date)
         || g_date_compare (&draft->birth_date, &holder->birth_date) == 0;
}

static gboolean
judge_row (Checker  *ck,
           guint     sheet_row,
           Row      *row,
           GError  **error)
{
  gboolean bad[LOKET_IMPORT_N_FIELDS] = { FALSE };
  g_autoptr(GPtrArray) rules = NULL;
  LoketStoreNikHolder holder = { 0 };
  LoketMember *draft;
  gpointer first;

  row->sheet_row = sheet_row;
  if (row_is_empty (ck, sheet_row))
    {
      row->status = LOKET_IMPORT_EMPTY;
      return TRUE;
    }

  draft = row->member = read_row (ck, sheet_row, &row->problems, bad);
  note_missing_in_row (ck, &row->problems, bad);

  /* The first row with a NIK is the one read; a later one is a duplicate
   * whatever else it says. */
  if (!bad[LOKET_IMPORT_FIELD_NIK] && draft->nik != NULL && strlen (draft->nik) == 16
      && loket_import_all_digits (draft->nik))
    {
      if (g_hash_table_lookup_extended (ck->first_of, draft->nik, NULL, &first))
        {
          g_autofree char *message =
            g_strdup_printf (_("NIK: the same NIK is on row %u, which is the one read; this row is left out."),
                             GPOINTER_TO_UINT (first));

          g_clear_pointer (&row->problems, g_ptr_array_unref);
          row->problems = loket_problems_new ();
          loket_problems_add (row->problems, LOKET_SEVERITY_ERROR, "nik", "duplicate-in-file", "%s", message);
          row->status = LOKET_IMPORT_DUPLICATE_IN_FILE;
          row->first_row = GPOINTER_TO_UINT (first);
          return TRUE;
        }
      g_hash_table_insert (ck->first_of, g_strdup (draft->nik), GUINT_TO_POINTER (sheet_row + 1));

      if (!loket_store_import_find_nik (ck->store, draft->nik, ck->report->terms.cooperative_id,
                                        &holder, error))
        return FALSE;
      if (holder.id != 0)
        {
          /* Registered already: linked to the cooperative, not registered
           * again, whatever the rest of the row says; but a name or birth
           * date of someone else means the NIK may be mistyped. */
          g_clear_pointer (&row->problems, g_ptr_array_unref);
          if (!same_person (draft, &holder))
            {
              row->problems = loket_problems_new ();
              loket_problems_add (row->problems, LOKET_SEVERITY_WARNING, "nik", "nik-other-person",
                                  _("NIK: this NIK is registered to %s (KPJ %s), whose name or birth date differs from this row. Check the NIK: that member is the one who will be linked to the cooperative."),
                                  holder.name, holder.kpj);
            }
          draft->id = holder.id;
          loket_member_set_string (&draft->kpj, holder.kpj);
          row->status = LOKET_IMPORT_ALREADY_MEMBER;
          loket_store_nik_holder_clear (&holder);
          return TRUE;
        }
    }

  rules = loket_registration_check (draft, ck->book, &ck->report->today);
  merge_rule_problems (ck, rules, &row->problems, bad);
  if (row->problems != NULL && loket_problems_count (row->problems, LOKET_SEVERITY_ERROR) > 0)
    {
      row->status = LOKET_IMPORT_REJECTED;
      return TRUE;
    }

  row->status = LOKET_IMPORT_TO_REGISTER;
  /* At the counter a probable duplicate needs the clerk's word; here the
   * clerk reads it in the report before committing. */
  {
    g_autoptr(GPtrArray) similar = loket_store_find_similar_members (ck->store, draft->name,
                                                                     &draft->birth_date,
                                                                     draft->nik, error);
    LoketMember *other;

    if (similar == NULL)
      return FALSE;
    if (similar->len > 0)
      {
        other = g_ptr_array_index (similar, 0);
        if (row->problems == NULL)
          row->problems = loket_problems_new ();
        loket_problems_add (row->problems, LOKET_SEVERITY_WARNING, "name", "probable-duplicate",
                            _("Probable duplicate: %s, born on the same day, is already registered with KPJ %s and another NIK. Check the NIK; committing registers this row as another person."),
                            other->name, other->kpj);
      }
  }
  return TRUE;
}

LoketImportReport *
loket_import_check (LoketStore             *store,
                    LoketSheet             *sheet,
                    const LoketImportTerms *terms,
                    const GDate            *today,
                    GError                **error)
{
  return loket_import_check_full (store, sheet, terms, today, NULL, NULL, NULL, error);
}

LoketImportReport *
loket_import_check_full (LoketStore             *store,
                         LoketSheet             *sheet,
                         const LoketImportTerms *terms,
                         const GDate            *today,
                         GCancellable           *cancellable,
                         LoketImportProgress     progress,
                         gpointer                user_data,
                         GError                **error)
{
  g_autoptr(LoketImportReport) report = NULL;
  Checker ck = { NULL };
  guint n_rows, last = 0;
  gboolean ok = TRUE;

  g_return_val_if_fail (LOKET_IS_STORE (store), NULL);
  g_return_val_if_fail (sheet != NULL, NULL);
  g_return_val_if_fail (terms != NULL, NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  if (!loket_store_import_check_terms (store, terms, today, error))
    return NULL;

  report = report_new (terms, today);
  report->source_name = g_strdup (loket_sheet_get_source_name (sheet));
  n_rows = report->n_sheet_rows = loket_sheet_get_n_rows (sheet);
  if (!loket_import_find_header (report, sheet, error))
    return NULL;

  ck.report = report;
  ck.sheet = sheet;
  ck.store = store;

  /* Rows after the last one with something in a column read are not
   * reported: Excel keeps formatted empty rows at the end of a sheet. */
  for (guint r = n_rows; r > report->header_row + 1; r--)
    if (!row_is_empty (&ck, r - 1))
      {
        last = r;
        break;
      }
  if (last == 0)
    {
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                   _("The file lists no members: nothing is under the header on row %u."),
                   report->header_row + 1);
      return NULL;
    }

  ck.book = loket_store_dup_rate_book (store, error);
  if (ck.book == NULL)
    return NULL;
  ck.first_of = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_array_set_size (report->rows, last - report->header_row - 1);

  for (guint i = 0; i < report->rows->len; i++)
    {
      Row *row = &g_array_index (report->rows, Row, i);

      if (i % TICK_ROWS == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            {
              ok = FALSE;
              break;
            }
          if (progress != NULL)
            progress ((double) i / report->rows->len, user_data);
        }
      if (!judge_row (&ck, report->header_row + 1 + i, row, error))
        {
          ok = FALSE;
          break;
        }
      report->counts[row->status]++;
    }

  g_hash_table_unref (ck.first_of);
  loket_rate_book_unref (ck.book);
  if (!ok)
    return NULL;
  if (progress != NULL)
    progress (1.0, user_data);
  return g_steal_pointer (&report);
}

/* ---- the commit -------------------------------------------------------- */

gboolean
loket_import_commit (LoketStore         *store,
                     LoketImportReport  *report,
                     const GDate        *today,
                     guint              *registered,
                     guint              *linked,
                     GError            **error)
{
  return loket_import_commit_full (store, report, today, NULL, NULL, NULL,
                                   registered, linked, error);
}

gboolean
loket_import_commit_full (LoketStore         *store,
                          LoketImportReport  *report,
                          const GDate        *today,
                          GCancellable       *cancellable,
                          LoketImportProgress progress,
                          gpointer            user_data,
                          guint              *registered,
                          guint              *linked,
                          GError            **error)
{
  g_autofree LoketStoreImportItem *items = NULL;
  g_autofree guint *rows_of = NULL;
  guint n_items = 0, n_registered = 0, n_linked = 0;
  gboolean ok;

  g_return_val_if_fail (LOKET_IS_STORE (store), FALSE);
  g_return_val_if_fail (report != NULL, FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  /* Ages and the PKS's validity were judged on the day of the check. */
  if (g_date_compare (today, &report->today) != 0)
    {
      g_autofree char *shown = loket_format_date (&report->today);

      g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                   _("Import: the file was checked on %s; check it again today before enrolling its members."),
                   shown);
      return FALSE;
    }

  items = g_new0 (LoketStoreImportItem, MAX (report->rows->len, 1));
  rows_of = g_new0 (guint, MAX (report->rows->len, 1));
  for (guint i = 0; i < report->rows->len; i++)
    {
      Row *row = &g_array_index (report->rows, Row, i);

      if (row->status != LOKET_IMPORT_TO_REGISTER && row->status != LOKET_IMPORT_ALREADY_MEMBER)
        continue;
      items[n_items].member = row->member;
      rows_of[n_items++] = i;
    }

  ok = loket_store_import_members (store, &report->terms, report->source_name, items, n_items, today,
                                   cancellable, progress, user_data, error);
  for (guint k = 0; k < n_items; k++)
    {
      Row *row = &g_array_index (report->rows, Row, rows_of[k]);

      if (ok)
        {
          if (items[k].registered)
            n_registered++;
          else
            {
              if (items[k].linked)
                n_linked++;
              /* Registered since the check, here or at another counter. */
              if (row->status == LOKET_IMPORT_TO_REGISTER)
                {
                  report->counts[LOKET_IMPORT_TO_REGISTER]--;
                  report->counts[LOKET_IMPORT_ALREADY_MEMBER]++;
                  row->status = LOKET_IMPORT_ALREADY_MEMBER;
                }
              row->member->id = items[k].member_id;
              loket_member_set_string (&row->member->kpj, items[k].kpj);
            }
        }
      loket_store_import_item_clear (&items[k]);
    }
  if (!ok)
    return FALSE;

  report->committed = TRUE;
  if (registered != NULL)
    *registered = n_registered;
  if (linked != NULL)
    *linked = n_linked;
  return TRUE;
}

/* ---- the rejects ------------------------------------------------------- */

static char *
describe_reasons (LoketImportReport *report,
                  Row               *row)
{
  GString *reasons = g_string_new (NULL);
  GPtrArray *problems = row->problems ? row->problems : report->no_problems;

  for (guint i = 0; i < problems->len; i++)
    {
      LoketProblem *problem = g_ptr_array_index (problems, i);

      if (problem->severity != LOKET_SEVERITY_ERROR)
        continue;
      if (reasons->len > 0)
        g_string_append (reasons, "; ");
      g_string_append (reasons, problem->message);
    }
  {
    char *text = g_strdup_printf (/* Translators: the reason a row of a cooperative's list
                                   * was not enrolled: its row number in the file, then
                                   * what is wrong */
                                  _("Row %u: %s"), row->sheet_row + 1, reasons->str);

    g_string_free (reasons, TRUE);
    return text;
  }
}

gboolean
loket_import_write_rejects (LoketImportReport  *report,
                            LoketSheet         *sheet,
                            const char         *path,
                            GError            **error)
{
  g_autoptr(GPtrArray) header = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autofree char *lower = NULL;
  guint width;

  g_return_val_if_fail (report != NULL, FALSE);
  g_return_val_if_fail (sheet != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (loket_sheet_get_n_rows (sheet) != report->n_sheet_rows)
    {
      g_set_error_literal (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                           _("Import: the rejected rows must be taken from the file that was checked. Check the file again."));
      return FALSE;
    }

  /* Every column the rows have, named by the header where it has a name. */
  width = loket_sheet_get_n_columns (sheet, report->header_row);
  for (guint i = 0; i < report->rows->len; i++)
    {
      Row *row = &g_array_index (report->rows, Row, i);

      if (row->status == LOKET_IMPORT_REJECTED || row->status == LOKET_IMPORT_DUPLICATE_IN_FILE)
        width = MAX (width, loket_sheet_get_n_columns (sheet, row->sheet_row));
    }
  for (guint c = 0; c < width; c++)
    {
      const char *cell = loket_sheet_get_cell (sheet, report->header_row, c);

      g_ptr_array_add (header, g_strdup (cell ? cell : ""));
    }
  g_ptr_array_add (header, g_strdup (_("Reason")));
  g_ptr_array_add (header, NULL);

  for (guint i = 0; i < report->rows->len; i++)
    {
      Row *row = &g_array_index (report->rows, Row, i);
      char **cells;

      if (row->status != LOKET_IMPORT_REJECTED && row->status != LOKET_IMPORT_DUPLICATE_IN_FILE)
        continue;
      cells = g_new0 (char *, width + 2);
      for (guint c = 0; c < width; c++)
        {
          const char *cell = loket_sheet_get_cell (sheet, row->sheet_row, c);

          cells[c] = g_strdup (cell ? cell : "");
        }
      cells[width] = describe_reasons (report, row);
      g_ptr_array_add (rows, cells);
    }

  lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, ".xlsx"))
    return loket_sheet_write_xlsx (path, (const char *const *) header->pdata, rows, error);
  return loket_sheet_write_csv (path, (const char *const *) header->pdata, rows, error);
}

/* ---- the report -------------------------------------------------------- */

static Row *
get_row (LoketImportReport *report,
         guint              index)
{
  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (index < report->rows->len, NULL);
  return &g_array_index (report->rows, Row, index);
}

const LoketImportTerms *
loket_import_report_get_terms (LoketImportReport *report)
{
  g_return_val_if_fail (report != NULL, NULL);
  return &report->terms;
}

guint
loket_import_report_get_header_row (LoketImportReport *report)
{
  g_return_val_if_fail (report != NULL, 0);
  return report->header_row + 1;
}

const char *
loket_import_report_get_column (LoketImportReport *report,
                                LoketImportField   field)
{
  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (field < LOKET_IMPORT_N_FIELDS, NULL);
  return report->titles[field];
}

const char *
loket_import_report_get_column_for (LoketImportReport *report,
                                    const char        *field)
{
  int f;

  g_return_val_if_fail (report != NULL, NULL);
  f = field_from_name (field);
  if (f < 0)
    return NULL;
  /* RT and RW read from one "RT/RW" column. */
  if ((f == LOKET_IMPORT_FIELD_RT || f == LOKET_IMPORT_FIELD_RW) && report->titles[f] == NULL)
    f = LOKET_IMPORT_FIELD_RT_RW;
  return report->titles[f];
}

GPtrArray *
loket_import_report_get_file_problems (LoketImportReport *report)
{
  g_return_val_if_fail (report != NULL, NULL);
  return report->file_problems;
}

guint
loket_import_report_get_n_rows (LoketImportReport *report)
{
  g_return_val_if_fail (report != NULL, 0);
  return report->rows->len;
}

guint
loket_import_report_get_row_number (LoketImportReport *report,
                                    guint              index)
{
  Row *row = get_row (report, index);

  return row ? row->sheet_row + 1 : 0;
}

LoketImportStatus
loket_import_report_get_status (LoketImportReport *report,
                                guint              index)
{
  Row *row = get_row (report, index);

  return row ? row->status : LOKET_IMPORT_EMPTY;
}

GPtrArray *
loket_import_report_get_problems (LoketImportReport *report,
                                  guint              index)
{
  Row *row = get_row (report, index);

  if (row == NULL)
    return NULL;
  return row->problems ? row->problems : report->no_problems;
}

LoketMember *
loket_import_report_get_member (LoketImportReport *report,
                                guint              index)
{
  Row *row = get_row (report, index);

  return row ? row->member : NULL;
}

guint
loket_import_report_get_first_row (LoketImportReport *report,
                                   guint              index)
{
  Row *row = get_row (report, index);

  return row ? row->first_row : 0;
}

guint
loket_import_report_count (LoketImportReport *report,
                           LoketImportStatus  status)
{
  g_return_val_if_fail (report != NULL, 0);
  g_return_val_if_fail (status < LOKET_IMPORT_N_STATUSES, 0);
  return report->counts[status];
}

gboolean
loket_import_report_is_committed (LoketImportReport *report)
{
  g_return_val_if_fail (report != NULL, FALSE);
  return report->committed;
}

void
loket_import_terms_from_partnership (const LoketPartnership *partnership,
                                     LoketImportTerms       *terms)
{
  g_return_if_fail (partnership != NULL);
  g_return_if_fail (terms != NULL);

  terms->segment = partnership->segment;
  terms->programs = partnership->programs;
  terms->base_income = partnership->base_income;
  terms->partnership_id = partnership->id;
  terms->agent_id = partnership->agent_id;
  terms->cooperative_id = partnership->cooperative_id;
}
