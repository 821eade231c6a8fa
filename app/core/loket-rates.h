/* loket-rates.h: dated rate rows, in memory.
 *
 * Every rate, amount, cap and limit is a row (key, effective_from, value):
 * the value in force on a date is the one with the latest effective_from not
 * after that date. Percentages are basis points (1% = 100), money is whole
 * rupiah. The store fills a book from its `rate` table; tests fill one by
 * hand or from CSV text. A book also holds named lists of words (such as the
 * occupations a discount applies to) that a supervisor can edit. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _LoketRateBook LoketRateBook;

LoketRateBook *loket_rate_book_new          (void);
LoketRateBook *loket_rate_book_ref          (LoketRateBook *book);
void           loket_rate_book_unref        (LoketRateBook *book);

void           loket_rate_book_add          (LoketRateBook *book,
                                             const char    *key,
                                             const GDate   *effective_from,
                                             gint64         value);
/* TRUE and *value set when a row is in force on `on`. */
gboolean       loket_rate_book_lookup       (LoketRateBook *book,
                                             const char    *key,
                                             const GDate   *on,
                                             gint64        *value);
/* As lookup, but a missing row is a LOKET_ERROR_RATE_MISSING naming the key
 * and the date, so a supervisor knows which row to add. */
gboolean       loket_rate_book_get          (LoketRateBook *book,
                                             const char    *key,
                                             const GDate   *on,
                                             gint64        *value,
                                             GError       **error);

void           loket_rate_book_add_to_list  (LoketRateBook *book,
                                             const char    *list,
                                             const char    *item);
/* Case- and accent-insensitive, whitespace-trimmed comparison. */
gboolean       loket_rate_book_list_contains (LoketRateBook *book,
                                             const char    *list,
                                             const char    *item);

/* The CSV of data/rates.csv: a header line, then
 * key,effective_from,value[,source[,note]]  (effective_from as YYYY-MM-DD),
 * or list rows written as  list:NAME,,ITEM. Lines starting with # are
 * comments. Stops at the first bad line, naming it. */
gboolean       loket_rate_book_load_csv     (LoketRateBook *book,
                                             const char    *text,
                                             GError       **error);

/* One row of a rates file, as loket_rates_parse_csv hands it over; all
 * borrowed for the call. */
typedef struct {
  const char  *key;            /* rate key, or the list's name */
  const char  *item;           /* the list item as written; NULL for a rate */
  const GDate *effective_from; /* NULL for a list item */
  gint64       value;
  const char  *source;         /* nullable */
  const char  *note;           /* nullable */
} LoketRateRow;

typedef gboolean (*LoketRateRowFunc) (const LoketRateRow  *row,
                                      gpointer             user_data,
                                      GError             **error);

/* Reads a whole rates file (the format above) and, only when every line is
 * good, hands each row to `func` in file order; stops at the first FALSE. */
gboolean       loket_rates_parse_csv        (const char       *text,
                                             LoketRateRowFunc  func,
                                             gpointer          user_data,
                                             GError          **error);

/* Half-up rounding of amount × basis_points / 10000, for amount >= 0: the one
 * place the core turns a percentage into rupiah. */
gint64         loket_money_apply_bp         (gint64         amount,
                                             gint64         basis_points);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoketRateBook, loket_rate_book_unref)

G_END_DECLS
