/* loket-rates.c */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "loket-date.h"
#include "loket-error.h"
#include "loket-rates.h"
#include "loket-text.h"

typedef struct {
  guint32 julian;   /* effective_from */
  gint64  value;
} RateRow;

struct _LoketRateBook {
  gatomicrefcount ref_count;
  /* key (owned) → GArray of RateRow, sorted by julian, one row per date */
  GHashTable *rates;
  /* list name (owned) → set of folded items (owned) */
  GHashTable *lists;
};

LoketRateBook *
loket_rate_book_new (void)
{
  LoketRateBook *book = g_new0 (LoketRateBook, 1);

  g_atomic_ref_count_init (&book->ref_count);
  book->rates = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) g_array_unref);
  book->lists = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) g_hash_table_unref);
  return book;
}

LoketRateBook *
loket_rate_book_ref (LoketRateBook *book)
{
  g_return_val_if_fail (book != NULL, NULL);

  g_atomic_ref_count_inc (&book->ref_count);
  return book;
}

void
loket_rate_book_unref (LoketRateBook *book)
{
  g_return_if_fail (book != NULL);

  if (!g_atomic_ref_count_dec (&book->ref_count))
    return;
  g_hash_table_unref (book->rates);
  g_hash_table_unref (book->lists);
  g_free (book);
}

static void
add_row (LoketRateBook *book,
         const char    *key,
         guint32        julian,
         gint64         value)
{
  GArray *rows = g_hash_table_lookup (book->rates, key);
  RateRow row = { julian, value };
  guint i;

  if (rows == NULL)
    {
      rows = g_array_new (FALSE, FALSE, sizeof (RateRow));
      g_hash_table_insert (book->rates, g_strdup (key), rows);
    }

  /* A second row for the same key and date is a correction: it replaces the
   * first, so "the value in force" never depends on insertion order. */
  for (i = 0; i < rows->len; i++)
    {
      RateRow *existing = &g_array_index (rows, RateRow, i);

      if (existing->julian == julian)
        {
          existing->value = value;
          return;
        }
      if (existing->julian > julian)
        break;
    }
  g_array_insert_val (rows, i, row);
}

void
loket_rate_book_add (LoketRateBook *book,
                     const char    *key,
                     const GDate   *effective_from,
                     gint64         value)
{
  g_return_if_fail (book != NULL);
  g_return_if_fail (key != NULL && *key != '\0');
  g_return_if_fail (effective_from != NULL && g_date_valid (effective_from));

  add_row (book, key, g_date_get_julian (effective_from), value);
}

gboolean
loket_rate_book_lookup (LoketRateBook *book,
                        const char    *key,
                        const GDate   *on,
                        gint64        *value)
{
  GArray *rows;
  guint32 julian;

  g_return_val_if_fail (book != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (on != NULL && g_date_valid (on), FALSE);

  rows = g_hash_table_lookup (book->rates, key);
  if (rows == NULL)
    return FALSE;

  julian = g_date_get_julian (on);
  for (guint i = rows->len; i > 0; i--)
    {
      const RateRow *row = &g_array_index (rows, RateRow, i - 1);

      if (row->julian <= julian)
        {
          if (value != NULL)
            *value = row->value;
          return TRUE;
        }
    }
  return FALSE;
}

gboolean
loket_rate_book_get (LoketRateBook *book,
                     const char    *key,
                     const GDate   *on,
                     gint64        *value,
                     GError       **error)
{
  g_autofree char *date = NULL;

  if (loket_rate_book_lookup (book, key, on, value))
    return TRUE;

  /* ISO, because that is how the supervisor writes effective_from. */
  date = loket_date_to_iso (on);
  g_set_error (error, LOKET_ERROR, LOKET_ERROR_RATE_MISSING,
               /* Translators: the rate's key (such as pu.jp.wage_cap), then a date YYYY-MM-DD */
               _("Rates: no “%s” row is in force on %s. A supervisor must add one, effective on or before that date."),
               key, date);
  return FALSE;
}

static void
add_folded_item (LoketRateBook *book,
                 const char    *list,
                 char          *folded)
{
  GHashTable *items = g_hash_table_lookup (book->lists, list);

  if (items == NULL)
    {
      items = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_hash_table_insert (book->lists, g_strdup (list), items);
    }
  g_hash_table_add (items, folded);
}

void
loket_rate_book_add_to_list (LoketRateBook *book,
                             const char    *list,
                             const char    *item)
{
  char *folded;

  g_return_if_fail (book != NULL);
  g_return_if_fail (list != NULL);
  g_return_if_fail (item != NULL);

  folded = loket_text_fold (item);
  g_return_if_fail (folded != NULL);
  /* An empty item could never match anything typed: not worth keeping. */
  if (*folded == '\0')
    {
      g_free (folded);
      return;
    }
  add_folded_item (book, list, folded);
}

gboolean
loket_rate_book_list_contains (LoketRateBook *book,
                               const char    *list,
                               const char    *item)
{
  g_autofree char *folded = NULL;
  GHashTable *items;

  g_return_val_if_fail (book != NULL, FALSE);
  g_return_val_if_fail (list != NULL, FALSE);

  items = g_hash_table_lookup (book->lists, list);
  if (items == NULL || item == NULL)
    return FALSE;
  folded = loket_text_fold (item);
  return folded != NULL && *folded != '\0' && g_hash_table_contains (items, folded);
}

/* ---- CSV ---- */

#define LIST_PREFIX "list:"

typedef struct {
  char   *key;      /* rate key, or the list name for a list item */
  char   *item;     /* list item as written, or NULL for a rate row */
  GDate   date;
  gint64  value;
  char   *source;
  char   *note;
} ParsedRow;

static void
parsed_row_clear (gpointer data)
{
  ParsedRow *row = data;

  g_free (row->key);
  g_free (row->item);
  g_free (row->source);
  g_free (row->note);
}

/* The source and note columns, trimmed; NULL when empty. */
static void
take_comment_columns (char     **fields,
                      ParsedRow *row)
{
  guint n = g_strv_length (fields);

  if (n > 3 && *g_strstrip (fields[3]) != '\0')
    row->source = g_strdup (fields[3]);
  if (n > 4 && *g_strstrip (fields[4]) != '\0')
    row->note = g_strdup (fields[4]);
}

static gboolean
is_header (char **fields)
{
  return g_strv_length (fields) >= 3
         && g_strcmp0 (g_strstrip (fields[0]), "key") == 0
         && g_strcmp0 (g_strstrip (fields[1]), "effective_from") == 0
         && g_strcmp0 (g_strstrip (fields[2]), "value") == 0;
}

static gboolean
has_space (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isspace (*p))
      return TRUE;
  return FALSE;
}

/* One data line into `row`; the source and note columns are for people and
 * the store, not for the calculation. */
static gboolean
parse_line (char       *line,
            guint       number,
            GHashTable *seen,
            ParsedRow  *row,
            GError    **error)
{
  g_auto(GStrv) fields = g_strsplit (line, ",", 5);
  const char *key, *date_text, *value_text;
  g_autofree char *folded = NULL;
  guint64 value;
  GDate date;

  if (g_strv_length (fields) < 3)
    {
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                   _("Rates file, line %u: a row needs a key, an effective date and a value, separated by commas. Write it as key,YYYY-MM-DD,value."),
                   number);
      return FALSE;
    }

  key = g_strstrip (fields[0]);
  date_text = g_strstrip (fields[1]);
  value_text = g_strstrip (fields[2]);

  if (*key == '\0')
    {
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                   _("Rates file, line %u: the key is empty. Write the rate’s name in the first column, for example bpu.jkm.flat."),
                   number);
      return FALSE;
    }
  if (has_space (key))
    {
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                   _("Rates file, line %u: the key “%s” contains a space. Write keys without spaces, for example bpu.jkm.flat."),
                   number, key);
      return FALSE;
    }

  if (g_str_has_prefix (key, LIST_PREFIX))
    {
      const char *name = key + strlen (LIST_PREFIX);

      if (*name == '\0')
        {
          g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                       _("Rates file, line %u: the list has no name. Write list rows as list:NAME,,ITEM."),
                       number);
          return FALSE;
        }
      /* A list is not dated: an item in the date column is almost surely a
       * shifted row, so say so instead of guessing. */
      if (*date_text != '\0')
        {
          g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                       _("Rates file, line %u: list rows have no effective date. Leave the second column empty: list:NAME,,ITEM."),
                       number);
          return FALSE;
        }
      folded = loket_text_fold (value_text);
      if (folded == NULL || *folded == '\0')
        {
          g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                       _("Rates file, line %u: the list item is empty. Write the item in the third column: list:NAME,,ITEM."),
                       number);
          return FALSE;
        }
      row->key = g_strdup (name);
      row->item = g_strdup (value_text);
      take_comment_columns (fields, row);
      return TRUE;
    }

  if (!loket_date_parse_iso (date_text, "", &date, NULL))
    {
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                   _("Rates file, line %u: “%s” is not a valid effective date. Write it as YYYY-MM-DD, for example 2026-01-01."),
                   number, date_text);
      return FALSE;
    }
  if (!g_ascii_string_to_unsigned (value_text, 10, 0, G_MAXINT64, &value, NULL))
    {
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                   _("Rates file, line %u: “%s” is not a whole number. Write the value in digits only, without dots or Rp, for example 6800."),
                   number, value_text);
      return FALSE;
    }

  row->key = g_strdup (key);
  row->date = date;
  row->value = (gint64) value;
  take_comment_columns (fields, row);

  /* Within one file two rows for the same key and date contradict each
   * other; which one wins would depend on the order, so refuse. */
  {
    char *seen_key = g_strdup_printf ("%s\t%s", key, date_text);
    guint first = GPOINTER_TO_UINT (g_hash_table_lookup (seen, seen_key));

    if (first != 0)
      {
        g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                     /* Translators: line number, key, date YYYY-MM-DD, the other line's number */
                     _("Rates file, line %u: “%s” already has a row effective %s, on line %u. Keep only one of the two."),
                     number, key, date_text, first);
        g_free (seen_key);
        return FALSE;
      }
    g_hash_table_insert (seen, seen_key, GUINT_TO_POINTER (number));
  }
  return TRUE;
}

gboolean
loket_rates_parse_csv (const char       *text,
                       LoketRateRowFunc  func,
                       gpointer          user_data,
                       GError          **error)
{
  g_auto(GStrv) lines = NULL;
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GHashTable) seen = NULL;
  gboolean header_seen = FALSE;

  g_return_val_if_fail (text != NULL, FALSE);

  /* A file saved by a spreadsheet may start with a byte-order mark. */
  if (g_str_has_prefix (text, "\xEF\xBB\xBF"))
    text += 3;

  lines = g_strsplit (text, "\n", -1);
  rows = g_array_new (FALSE, TRUE, sizeof (ParsedRow));
  g_array_set_clear_func (rows, parsed_row_clear);
  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = lines[i];
      guint number = i + 1;
      ParsedRow row = { NULL };

      if (!g_utf8_validate (line, -1, NULL))
        {
          g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                       _("Rates file, line %u: the text is not valid UTF-8. Save the file as UTF-8."),
                       number);
          return FALSE;
        }
      g_strstrip (line);
      if (*line == '\0' || *line == '#')
        continue;

      if (!header_seen)
        {
          g_auto(GStrv) fields = g_strsplit (line, ",", 5);

          if (!is_header (fields))
            {
              g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                           _("Rates file, line %u: expected the header key,effective_from,value,source,note. Put it before the first row."),
                           number);
              return FALSE;
            }
          header_seen = TRUE;
          continue;
        }

      if (!parse_line (line, number, seen, &row, error))
        {
          parsed_row_clear (&row);
          return FALSE;
        }
      g_array_append_val (rows, row);
    }

  /* Only a wholly good file reaches the caller: half a rate table loaded
   * is worse than none, because nothing would say which half is missing. */
  for (guint i = 0; i < rows->len; i++)
    {
      ParsedRow *parsed = &g_array_index (rows, ParsedRow, i);
      LoketRateRow row = {
        .key = parsed->key,
        .item = parsed->item,
        .effective_from = parsed->item == NULL ? &parsed->date : NULL,
        .value = parsed->value,
        .source = parsed->source,
        .note = parsed->note,
      };

      if (!func (&row, user_data, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
add_row_to_book (const LoketRateRow  *row,
                 gpointer             user_data,
                 GError             **error)
{
  LoketRateBook *book = user_data;

  if (row->item != NULL)
    loket_rate_book_add_to_list (book, row->key, row->item);
  else
    loket_rate_book_add (book, row->key, row->effective_from, row->value);
  return TRUE;
}

gboolean
loket_rate_book_load_csv (LoketRateBook *book,
                          const char    *text,
                          GError       **error)
{
  g_return_val_if_fail (book != NULL, FALSE);

  return loket_rates_parse_csv (text, add_row_to_book, book, error);
}

/* ---- money ---- */

/* amount × bp / 10000 split as bp = whole × 10000 + part and
 * amount = high × 10000 + low, so that
 *   amount × bp / 10000 = amount × whole + high × part + low × part / 10000
 * where only the last term has a fraction, and low × part < 10⁸ cannot
 * overflow. The result is exact for every input; a result past G_MAXINT64
 * (no real amount of rupiah comes near it) saturates instead of wrapping. */
gint64
loket_money_apply_bp (gint64 amount,
                      gint64 basis_points)
{
  guint64 whole, part, high, low;
  guint64 a, b, sum;

  g_return_val_if_fail (amount >= 0, 0);
  g_return_val_if_fail (basis_points >= 0, 0);

  whole = (guint64) basis_points / 10000;
  part = (guint64) basis_points % 10000;
  high = (guint64) amount / 10000;
  low = (guint64) amount % 10000;

  if (!g_uint64_checked_mul (&a, (guint64) amount, whole)
      || !g_uint64_checked_mul (&b, high, part)
      || !g_uint64_checked_add (&sum, a, b)
      || !g_uint64_checked_add (&sum, sum, (low * part + 5000) / 10000)
      || sum > G_MAXINT64)
    return G_MAXINT64;
  return (gint64) sum;
}
