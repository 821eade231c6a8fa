/* loket-bench-search.c: search latency, Loket against raw SQLite.
 *
 * Queries are what a clerk types, sampled from the members in the database:
 * the start of a word of a name, a whole word, a whole name, a NIK or its
 * first digits, a KPJ. Each is timed twice over:
 *
 *  - search: loket_store_search_members (text, limit), as loket-cli and the
 *    issue's target define it;
 *  - list: what the window does on a keystroke: a LoketMemberList (search
 *    limit 500) given the text, and its first row asked for, which loads
 *    the first page of 64. The blank query, which lists every member, is
 *    timed here too.
 *
 * The raw side runs the same SQL on its own connection, with the parameters
 * worked out before the clock starts. Loket and raw alternate which goes
 * first, and must find the same members. */
#include <string.h>

#include "loket-bench.h"
#include "loket-bench-people.h"
#include "loket-member-list.h"
#include "loket-text.h"

/* The window's list: loket-window.c's default search-limit, and
 * loket-member-list.c's page. */
#define LIST_SEARCH_LIMIT 500
#define LIST_PAGE_SIZE    64
/* Listing everyone counts every member: fewer runs of it. */
#define MAX_BLANK_QUERIES 20

/* Copied from loket-store-search.c (loket_store_dup_member_ids,
 * loket_store_load_members and their helpers) and loket-store-private.h:
 * keep in step with them, or the baseline no longer runs the same
 * statements as Loket. */
#define MEMBER_COLUMNS \
  "m.id, m.kpj, m.nik, m.name, m.birth_date, m.sex, m.segment, m.income, " \
  "m.risk_class, m.occupation, m.phone, m.street, m.rt, m.rw, m.village, " \
  "m.district, m.regency, m.province, m.postcode, m.region_code, m.registered_on, " \
  "(SELECT group_concat (program) FROM member_program p WHERE p.member_id = m.id)"

/* Everyone: loket_store_get_member_id_span's three statements, then the
 * ids of the first page worked out from the span, as LoketMemberList does
 * when no id is missing. */
static const char *const blank_sql[] = {
  "SELECT count(*) FROM member",
  "SELECT coalesce (min (id), 0) FROM member",
  "SELECT coalesce (max (id), 0) FROM member",
};

static const char numbers_sql[] =
  "SELECT id FROM (SELECT id FROM member WHERE kpj >= ?1 AND kpj < ?2 ORDER BY kpj LIMIT ?3)"
  " UNION"
  " SELECT id FROM (SELECT id FROM member WHERE nik >= ?1 AND nik < ?2 ORDER BY nik LIMIT ?3)"
  " ORDER BY 1 LIMIT ?3";

static const char names_sql[] =
  "SELECT rowid FROM member_name_fts WHERE member_name_fts MATCH ?1 LIMIT ?2";

static const char load_sql[] =
  "SELECT " MEMBER_COLUMNS " FROM member m"
  " WHERE m.id IN (SELECT value FROM json_each (?))";

static gboolean
is_blank (const char *text)
{
  for (const char *p = text ? text : ""; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

static gboolean
is_all_digits (const char *text)
{
  if (*text == '\0')
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

static char *
strip_number_separators (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (*p != ' ' && *p != '-' && *p != '.')
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

static char *
prefix_upper_bound (const char *digits)
{
  char *upper = g_strdup (digits);
  gsize len = strlen (upper);

  while (len > 0 && upper[len - 1] == '9')
    upper[--len] = '\0';
  if (len == 0)
    {
      g_free (upper);
      return g_strdup (":");
    }
  upper[len - 1]++;
  return upper;
}

static char *
fts_query_for (const char *text)
{
  g_autofree char *folded = loket_text_fold (text);
  GString *query = g_string_new (NULL);
  gboolean in_word = FALSE;

  for (const char *p = folded ? folded : ""; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        {
          if (!in_word)
            g_string_append (query, query->len ? " \"" : "\"");
          g_string_append_unichar (query, c);
          in_word = TRUE;
        }
      else if (in_word)
        {
          g_string_append (query, "\"*");
          in_word = FALSE;
        }
    }
  if (in_word)
    g_string_append (query, "\"*");

  return g_string_free (query, FALSE);
}

/* End of the copy. */

typedef enum {
  KIND_NAME_PREFIX_2,
  KIND_NAME_PREFIX_3,
  KIND_NAME_PREFIX_4,
  KIND_NAME_WORD,
  KIND_NAME_FULL,
  KIND_NIK_FULL,
  KIND_NIK_PREFIX,
  KIND_KPJ_FULL,
  KIND_BLANK,           /* list mode only */
  N_KINDS
} Kind;

static const struct {
  const char *id;
  const char *label;
} kinds[N_KINDS] = {
  [KIND_NAME_PREFIX_2] = { "name-prefix-2", "name, first 2 letters of a word" },
  [KIND_NAME_PREFIX_3] = { "name-prefix-3", "name, first 3 letters of a word" },
  [KIND_NAME_PREFIX_4] = { "name-prefix-4", "name, first 4 letters of a word" },
  [KIND_NAME_WORD]     = { "name-word",     "name, one whole word" },
  [KIND_NAME_FULL]     = { "name-full",     "name, whole (2-4 words)" },
  [KIND_NIK_FULL]      = { "nik-full",      "NIK, all 16 digits" },
  [KIND_NIK_PREFIX]    = { "nik-prefix",    "NIK, first 2-15 digits" },
  [KIND_KPJ_FULL]      = { "kpj-full",      "KPJ, all 11 digits" },
  [KIND_BLANK]         = { "blank",         "blank: every member, newest first" },
};

static const char *const mode_names[LOKET_BENCH_N_MODES] = {
  [LOKET_BENCH_MODE_SEARCH] = "search",
  [LOKET_BENCH_MODE_LIST]   = "list",
};

typedef struct {
  char *text;      /* owned: as typed */
  char *param;     /* owned: ?1, the FTS query or the digits; NULL when blank */
  char *upper;     /* owned: ?2 of a number search, NULL otherwise */
} Query;

static void
query_clear (gpointer data)
{
  Query *query = data;

  g_free (query->text);
  g_free (query->param);
  g_free (query->upper);
}

/* A word of `name` at least `min_chars` long, cut to `cut_chars` when
 * positive; NULL when the name has none. */
static char *
pick_word (GRand      *rand,
           const char *name,
           glong       min_chars,
           glong       cut_chars)
{
  g_auto(GStrv) words = g_strsplit (name, " ", -1);
  g_autoptr(GPtrArray) fit = g_ptr_array_new ();
  const char *word;

  for (guint i = 0; words[i] != NULL; i++)
    if (g_utf8_strlen (words[i], -1) >= min_chars)
      g_ptr_array_add (fit, words[i]);
  if (fit->len == 0)
    return NULL;
  word = g_ptr_array_index (fit, g_rand_int_range (rand, 0, fit->len));
  return cut_chars > 0 ? g_utf8_substring (word, 0, cut_chars) : g_strdup (word);
}

static char *
query_text (GRand      *rand,
            Kind        kind,
            const char *name,
            const char *nik,
            const char *kpj)
{
  switch (kind)
    {
    case KIND_NAME_PREFIX_2: return pick_word (rand, name, 2, 2);
    case KIND_NAME_PREFIX_3: return pick_word (rand, name, 3, 3);
    case KIND_NAME_PREFIX_4: return pick_word (rand, name, 4, 4);
    case KIND_NAME_WORD:     return pick_word (rand, name, 2, 0);
    case KIND_NAME_FULL:     return g_strdup (name);
    case KIND_NIK_FULL:      return g_strdup (nik);
    case KIND_NIK_PREFIX:    return g_strndup (nik, g_rand_int_range (rand, 2, 16));
    case KIND_KPJ_FULL:      return g_strdup (kpj);
    case KIND_BLANK:         return g_strdup ("");
    case N_KINDS:
    default:                 g_assert_not_reached ();
    }
}

static GArray *
make_queries (LoketBench  *bench,
              GRand       *rand,
              Kind         kind,
              guint        count,
              GError     **error)
{
  g_autoptr(GArray) queries = g_array_sized_new (FALSE, TRUE, sizeof (Query), count);
  sqlite3_stmt *stmt = NULL;
  gint64 max_id = 0;

  g_array_set_clear_func (queries, query_clear);
  if (sqlite3_prepare_v2 (bench->raw, "SELECT max(id) FROM member", -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    max_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  if (max_id < 1 || max_id > G_MAXINT32
      || sqlite3_prepare_v2 (bench->raw, "SELECT name, nik, kpj FROM member WHERE id = ?",
                             -1, &stmt, NULL) != SQLITE_OK)
    {
      loket_bench_set_sqlite_error (bench->raw, "sampling members (is the database empty?)", error);
      return NULL;
    }

  while (queries->len < count)
    {
      Query query = { NULL };
      g_autofree char *digits = NULL;

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, g_rand_int_range (rand, 1, (gint32) max_id + 1));
      if (sqlite3_step (stmt) != SQLITE_ROW)
        continue;
      query.text = query_text (rand, kind,
                               (const char *) sqlite3_column_text (stmt, 0),
                               (const char *) sqlite3_column_text (stmt, 1),
                               (const char *) sqlite3_column_text (stmt, 2));
      if (query.text == NULL)
        continue;

      /* What loket_store_dup_member_ids works out before its SQL. */
      if (!is_blank (query.text))
        {
          digits = strip_number_separators (query.text);
          if (is_all_digits (digits))
            {
              query.upper = prefix_upper_bound (digits);
              query.param = g_steal_pointer (&digits);
            }
          else
            query.param = fts_query_for (query.text);
        }
      g_array_append_val (queries, query);
    }
  sqlite3_finalize (stmt);
  return g_steal_pointer (&queries);
}

typedef struct {
  sqlite3_stmt *blank[3]; /* owned */
  sqlite3_stmt *numbers;  /* owned */
  sqlite3_stmt *names;    /* owned */
  sqlite3_stmt *load;     /* owned */
  GString      *json;     /* owned: the ids for load_sql */
} Raw;

static void
raw_clear (Raw *raw)
{
  for (guint i = 0; i < G_N_ELEMENTS (raw->blank); i++)
    g_clear_pointer (&raw->blank[i], sqlite3_finalize);
  g_clear_pointer (&raw->numbers, sqlite3_finalize);
  g_clear_pointer (&raw->names, sqlite3_finalize);
  g_clear_pointer (&raw->load, sqlite3_finalize);
  if (raw->json != NULL)
    g_string_free (g_steal_pointer (&raw->json), TRUE);
}

/* The ids statement with `ids_limit` (-1: none), then the rows of the
 * first `load_count` ids, every column read as the store reads them into
 * its members. Leaves the ids found in `ids` (for everyone: those of the
 * first page) and how many there are in `*total`; returns the rows loaded,
 * or -1 on a failure. */
static int
run_raw (Raw          *raw,
         const Query  *query,
         gint64        ids_limit,
         guint         load_count,
         GArray       *ids,
         guint        *total)
{
  sqlite3_stmt *stmt;
  guint n_load;
  int rc, n_rows = 0;

  if (query->param == NULL)
    {
      gint64 span[3];

      for (guint i = 0; i < G_N_ELEMENTS (blank_sql); i++)
        {
          sqlite3_reset (raw->blank[i]);
          if (sqlite3_step (raw->blank[i]) != SQLITE_ROW)
            return -1;
          span[i] = sqlite3_column_int64 (raw->blank[i], 0);
          sqlite3_reset (raw->blank[i]);
        }
      /* The databases measured have no gaps; Loket checks, and so would
       * fall back to the ids statement if they had. */
      if (span[0] != span[2] - span[1] + 1)
        return -1;
      for (gint64 i = 0; i < MIN ((gint64) load_count, span[0]); i++)
        {
          gint64 id = span[2] - i;
          g_array_append_val (ids, id);
        }
      *total = (guint) span[0];
      goto load;
    }
  else
    {
      stmt = query->upper != NULL ? raw->numbers : raw->names;
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      sqlite3_bind_text (stmt, 1, query->param, -1, SQLITE_STATIC);
      if (query->upper != NULL)
        {
          sqlite3_bind_text (stmt, 2, query->upper, -1, SQLITE_STATIC);
          sqlite3_bind_int64 (stmt, 3, ids_limit);
        }
      else
        sqlite3_bind_int64 (stmt, 2, ids_limit);
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return -1;
  *total = ids->len;

load:
  n_load = MIN (load_count, ids->len);
  if (n_load == 0)
    return 0;
  g_string_assign (raw->json, "[");
  for (guint i = 0; i < n_load; i++)
    g_string_append_printf (raw->json, "%s%" G_GINT64_FORMAT, i ? "," : "",
                            g_array_index (ids, gint64, i));
  g_string_append_c (raw->json, ']');

  stmt = raw->load;
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  sqlite3_bind_text (stmt, 1, raw->json->str, (int) raw->json->len, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      for (int i = 0; i < 22; i++)
        if (i == 0 || i == 7 || i == 8)
          (void) sqlite3_column_int64 (stmt, i);
        else
          (void) sqlite3_column_text (stmt, i);
      n_rows++;
    }
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE ? n_rows : -1;
}

/* Loket's side of one query; returns how many members it found, or -1. */
static int
run_loket (LoketBench       *bench,
           LoketBenchMode    mode,
           LoketMemberList  *list,
           const Query      *query,
           guint             limit,
           gint64           *first_id,
           GError          **error)
{
  if (mode == LOKET_BENCH_MODE_SEARCH)
    {
      g_autoptr(GPtrArray) members =
        loket_store_search_members (bench->store, query->text, limit, error);

      if (members == NULL)
        return -1;
      *first_id = members->len > 0 ? ((LoketMember *) g_ptr_array_index (members, 0))->id : 0;
      return (int) members->len;
    }
  else
    {
      g_autoptr(LoketMember) first = NULL;

      if (!loket_member_list_set_query (list, query->text, error))
        return -1;
      first = g_list_model_get_item (G_LIST_MODEL (list), 0);
      *first_id = first != NULL ? first->id : 0;
      return (int) g_list_model_get_n_items (G_LIST_MODEL (list));
    }
}

static LoketBenchSearchResult *
search_kind (LoketBench      *bench,
             GRand           *rand,
             LoketBenchMode   mode,
             Kind             kind,
             Raw             *raw,
             LoketMemberList *list,
             guint            count,
             guint            limit,
             GError         **error)
{
  /* Unmeasured queries first, so the first measured ones do not pay for
   * pages the previous kind did not need. */
  guint warmup = MAX (1, MIN (50, count / 10));
  g_autoptr(GArray) queries = make_queries (bench, rand, kind, count + warmup, error);
  g_autoptr(GArray) loket_ms = g_array_sized_new (FALSE, FALSE, sizeof (double), count);
  g_autoptr(GArray) raw_ms = g_array_sized_new (FALSE, FALSE, sizeof (double), count);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(LoketBenchSearchResult) result = g_new0 (LoketBenchSearchResult, 1);
  /* The window asks for one more than it shows, to know there were more;
   * blank text has no limit. */
  gint64 ids_limit = mode == LOKET_BENCH_MODE_SEARCH ? (gint64) limit
                     : kind == KIND_BLANK ? -1 : LIST_SEARCH_LIMIT + 1;
  guint load_count = mode == LOKET_BENCH_MODE_SEARCH ? limit : LIST_PAGE_SIZE;
  guint64 n_results = 0;

  if (queries == NULL)
    return NULL;

  result->mode = mode_names[mode];
  result->kind = kinds[kind].id;
  result->label = kinds[kind].label;
  result->queries = count;

  for (guint q = 0; q < queries->len; q++)
    {
      const Query *query = &g_array_index (queries, Query, q);
      double loket_t = 0, raw_t = 0;
      gint64 loket_first = 0;
      int loket_found = 0, raw_rows = 0;
      guint raw_found, raw_total = 0;

      g_array_set_size (ids, 0);
      for (guint side = 0; side < 2; side++)
        {
          double t0 = loket_bench_now ();

          if ((side == 0) == (q % 2 == 0))
            {
              loket_found = run_loket (bench, mode, list, query, limit, &loket_first, error);
              loket_t = loket_bench_now () - t0;
              if (loket_found < 0)
                return NULL;
            }
          else
            {
              raw_rows = run_raw (raw, query, ids_limit, load_count, ids, &raw_total);
              raw_t = loket_bench_now () - t0;
              if (raw_rows < 0)
                {
                  loket_bench_set_sqlite_error (bench->raw, query->text, error);
                  return NULL;
                }
            }
        }

      if (q < warmup)
        continue;
      loket_t *= 1000;
      raw_t *= 1000;
      g_array_append_val (loket_ms, loket_t);
      g_array_append_val (raw_ms, raw_t);

      /* The list shows at most its limit of the limit + 1 found. */
      raw_found = mode == LOKET_BENCH_MODE_LIST && kind != KIND_BLANK
                  ? MIN (raw_total, LIST_SEARCH_LIMIT) : raw_total;
      n_results += (guint) loket_found;
      if ((guint) loket_found != raw_found
          || (ids->len > 0 && (loket_first != g_array_index (ids, gint64, 0)
                               || (guint) raw_rows != MIN (load_count, raw_total))))
        result->mismatches++;
      if (loket_t > result->loket_max_ms)
        {
          result->loket_max_ms = loket_t;
          g_free (result->slowest);
          result->slowest = g_strdup (query->text);
        }
      result->raw_max_ms = MAX (result->raw_max_ms, raw_t);
    }

  result->mean_results = (double) n_results / count;
  result->loket_median_ms = loket_bench_percentile (loket_ms, 0.5);
  result->loket_p99_ms = loket_bench_percentile (loket_ms, 0.99);
  result->raw_median_ms = loket_bench_percentile (raw_ms, 0.5);
  result->raw_p99_ms = loket_bench_percentile (raw_ms, 0.99);
  g_printerr ("%-6s %-14s Loket median %.3f ms, raw %.3f ms\n", result->mode, result->kind,
              result->loket_median_ms, result->raw_median_ms);
  return g_steal_pointer (&result);
}

GPtrArray *
loket_bench_search (LoketBench  *bench,
                    guint        queries,
                    guint        limit,
                    GError     **error)
{
  g_autoptr(GPtrArray) results =
    g_ptr_array_new_with_free_func ((GDestroyNotify) loket_bench_search_result_free);
  g_autoptr(GRand) rand = g_rand_new_with_seed (bench->seed);
  g_autoptr(LoketMemberList) list = loket_member_list_new (bench->store, LIST_SEARCH_LIMIT);
  Raw raw = { NULL };
  gboolean ok = TRUE;

  raw.json = g_string_new (NULL);
  if (sqlite3_prepare_v3 (bench->raw, blank_sql[0], -1, SQLITE_PREPARE_PERSISTENT, &raw.blank[0], NULL) != SQLITE_OK
      || sqlite3_prepare_v3 (bench->raw, blank_sql[1], -1, SQLITE_PREPARE_PERSISTENT, &raw.blank[1], NULL) != SQLITE_OK
      || sqlite3_prepare_v3 (bench->raw, blank_sql[2], -1, SQLITE_PREPARE_PERSISTENT, &raw.blank[2], NULL) != SQLITE_OK
      || sqlite3_prepare_v3 (bench->raw, numbers_sql, -1, SQLITE_PREPARE_PERSISTENT, &raw.numbers, NULL) != SQLITE_OK
      || sqlite3_prepare_v3 (bench->raw, names_sql, -1, SQLITE_PREPARE_PERSISTENT, &raw.names, NULL) != SQLITE_OK
      || sqlite3_prepare_v3 (bench->raw, load_sql, -1, SQLITE_PREPARE_PERSISTENT, &raw.load, NULL) != SQLITE_OK)
    {
      loket_bench_set_sqlite_error (bench->raw, "preparing the search", error);
      ok = FALSE;
    }

  for (LoketBenchMode mode = 0; ok && mode < LOKET_BENCH_N_MODES; mode++)
    for (Kind kind = 0; ok && kind < N_KINDS; kind++)
      {
        LoketBenchSearchResult *result;

        if (kind == KIND_BLANK && mode != LOKET_BENCH_MODE_LIST)
          continue;
        result = search_kind (bench, rand, mode, kind, &raw, list,
                              kind == KIND_BLANK ? MIN (queries, MAX_BLANK_QUERIES) : queries,
                              limit, error);
        if (result == NULL)
          ok = FALSE;
        else
          g_ptr_array_add (results, result);
      }

  raw_clear (&raw);
  return ok ? g_steal_pointer (&results) : NULL;
}

void
loket_bench_search_result_free (LoketBenchSearchResult *result)
{
  if (result == NULL)
    return;
  g_free (result->slowest);
  g_free (result);
}
