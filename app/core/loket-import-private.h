/* loket-import-private.h: what the importer's files share: the report
 * (loket-import.c), the columns (loket-import-columns.c) and the cell
 * readers (loket-import-cells.c). Not for the CLI or the window. */
#pragma once

#include "loket-import.h"

G_BEGIN_DECLS

/* Not a field: a "TTL" (tempat, tanggal lahir) column, place and date in
 * one cell, which is not read as the birth date. */
#define LOKET_IMPORT_FIELD_TTL (-2)

struct _LoketImportReport
{
  LoketImportTerms  terms;
  GDate             today;
  guint             header_row;                      /* 0-based */
  guint             n_sheet_rows;                    /* of the sheet checked */
  int               columns[LOKET_IMPORT_N_FIELDS];  /* column read, or -1 */
  char             *titles[LOKET_IMPORT_N_FIELDS];   /* owned: its header, trimmed */
  GPtrArray        *file_problems;                   /* owned LoketProblems */
  GPtrArray        *no_problems;                     /* owned, always empty */
  GArray           *rows;                            /* of Row (loket-import.c) */
  guint             counts[LOKET_IMPORT_N_STATUSES];
  gboolean          committed;
  char             *source_name;                     /* owned: the file checked, or NULL */
};

/* "nik", "name", …: the stable names of the fields, as LoketProblems use. */
extern const char *const loket_import_field_names[LOKET_IMPORT_N_FIELDS];

/* ---- columns (loket-import-columns.c) ---- */

/* Finds the header row and the column of each field, into `report`; notes
 * a missing birth date or sex column (or a TTL one) among its file
 * problems. A sheet with nothing in it, or without a NIK and a name column,
 * is a LOKET_ERROR_INVALID naming the headers found. */
gboolean  loket_import_find_header      (LoketImportReport  *report,
                                         LoketSheet         *sheet,
                                         GError            **error);

/* ---- cells (loket-import-cells.c) ---- */

/* The text without blanks (no-break and zero-width spaces too) around it,
 * or NULL when nothing is left. */
char     *loket_import_dup_trimmed      (const char         *text);
gboolean  loket_import_has_text         (const char         *text);
gboolean  loket_import_all_digits       (const char         *text);
/* Folded, with only letters and digits, and no note in brackets when
 * skip_brackets: "No. KTP" → "noktp", "Laki-laki" → "lakilaki". */
char     *loket_import_key              (const char         *text,
                                         gboolean            skip_brackets);
/* "3.20101E+15", "3,20101E+15": what Excel writes for a long number. */
gboolean  loket_import_looks_scientific (const char         *text);
/* A number cell as Excel shows it in a General column with an Indonesian
 * locale: "3,20101E+15". */
char     *loket_import_excel_general    (const char         *stored);
/* A date as a list gives it: an Excel serial (a number cell, or five
 * digits), dd/mm/yyyy, dd-mm-yyyy, dd.mm.yyyy, ISO, "12 Mei 1990". The
 * error names the column `title`. */
gboolean  loket_import_read_date        (const char         *text,
                                         gboolean            is_number,
                                         const char         *title,
                                         GDate              *out,
                                         GError            **error);
/* 'L', 'P', or 0 when `text` is neither. */
char      loket_import_read_sex         (const char         *text);
/* "1.500.000,00" → "1.500.000", "14.0" → "14", in place. */
void      loket_import_drop_zero_decimals (char             *text);

G_END_DECLS
