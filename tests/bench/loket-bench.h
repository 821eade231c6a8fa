/* loket-bench.h: what the parts of loket-bench share. */
#pragma once

#include <sqlite3.h>

#include "loket-store.h"

G_BEGIN_DECLS

typedef struct {
  LoketStore *store;     /* borrowed: the Loket side */
  sqlite3    *raw;       /* borrowed: the baseline's own connection, same pragmas */
  GDate       today;
  guint32     seed;
} LoketBench;

typedef struct {
  guint   registrations;  /* per round and side */
  guint   rounds;
  GArray *loket_per_s;    /* double, one per round */
  GArray *raw_per_s;      /* double, one per round */
  double  loket_median;   /* registrations/s */
  double  raw_median;
} LoketBenchRegisterResult;

typedef enum {
  LOKET_BENCH_MODE_SEARCH,  /* loket_store_search_members */
  LOKET_BENCH_MODE_LIST,    /* the window's LoketMemberList */
  LOKET_BENCH_N_MODES
} LoketBenchMode;

typedef struct {
  const char *mode;       /* static: "search" or "list" */
  const char *kind;       /* static: "name-prefix-2" */
  const char *label;      /* static: "name, 2-letter prefix" */
  guint       queries;
  double      loket_median_ms;
  double      loket_p99_ms;
  double      loket_max_ms;
  double      raw_median_ms;
  double      raw_p99_ms;
  double      raw_max_ms;
  double      mean_results;
  guint       mismatches; /* queries where Loket and raw found other members */
  char       *slowest;    /* owned: the query Loket took longest on */
} LoketBenchSearchResult;

/* Registers 2 × registrations × rounds new members, alternating Loket and
 * raw SQLite round by round. */
gboolean   loket_bench_register (LoketBench               *bench,
                                 guint                     registrations,
                                 guint                     rounds,
                                 LoketBenchRegisterResult *out,
                                 GError                  **error);
void       loket_bench_register_result_clear (LoketBenchRegisterResult *result);

/* One LoketBenchSearchResult per mode and kind of query, search mode
 * first; free with loket_bench_search_result_free. */
GPtrArray *loket_bench_search   (LoketBench               *bench,
                                 guint                     queries,
                                 guint                     limit,
                                 GError                  **error);
void       loket_bench_search_result_free (LoketBenchSearchResult *result);

/* The nearest-rank percentile (0 < fraction <= 1) of doubles; sorts them. */
double     loket_bench_percentile (GArray                 *samples,
                                 double                    fraction);
/* A LOKET_ERROR_STORAGE naming what failed, from the connection's error. */
void       loket_bench_set_sqlite_error (sqlite3          *db,
                                 const char               *what,
                                 GError                  **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoketBenchSearchResult, loket_bench_search_result_free)

G_END_DECLS
