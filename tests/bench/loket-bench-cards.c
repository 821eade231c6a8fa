/* loket-bench-cards.c: a cooperative's membership cards on A4 sheets
 * (issue 5), against a bare libharu loop and against gLabels.
 *
 *   loket-bench-cards [--cards N] [--rounds R] [--glabels-cards G]
 *                     [--glabels-rounds S] [--seed S] [--dir DIR] [--json]
 *
 * A fresh database in a temporary folder gets one cooperative, its agent and
 * its PKS, and N plausible members enrolled through it in one import
 * (loket_store_import_members, the commit of a collective enrolment). Then,
 * round after round, alternating which goes first:
 *
 *   Loket   from the database to a finished PDF as `loket-cli card --coop 1
 *           --sheet a4 -o FILE` does it: the store opened, the cooperative
 *           found, its member ids listed and sorted, the members loaded, the
 *           branch's name read, loket_card_write_pdf;
 *   bare    the same page content written by a plain libharu + libqrencode
 *           loop from texts already formatted in memory
 *           (loket-bench-cards-bare.c);
 *   glabels glabels-3-batch making the same cards from a CSV with a template
 *           of the same layout (loket-bench-cards-glabels.c), when it is
 *           installed. gLabels takes seconds per thousand cards and
 *           minutes for ten thousand, so by default it makes the first
 *           G = 1000 cards only and its time is scaled to N linearly, which
 *           flatters it (it grows faster than linearly); --glabels-cards N
 *           runs it on all of them, as `meson test --benchmark` does.
 *
 * Times are medians of the rounds. Targets: Loket at least 10× faster than
 * gLabels per card, within 1.5× of the bare loop, under 1 KB of PDF a card. */
#include <string.h>
#include <fontconfig/fontconfig.h>
#include <glib/gstdio.h>

#include "loket-bench-cards.h"
#include "loket-bench-people.h"
#include "loket-card.h"
#include "loket-card-payload.h"
#include "loket-date.h"
#include "loket-format.h"
#include "loket-import.h"
#include "loket-kpj.h"
#include "loket-nik.h"
#include "loket-regions.h"
#include "loket-store-cooperatives.h"
#include "loket-store-import.h"
#include "loket-store-private.h"

#define DEFAULT_TODAY    "2026-11-23"
#define BRANCH_NAME      "Kantor Cabang Mataram"
#define COOPERATIVE_ID   1
#define TARGET_GLABELS   10.0   /* Loket at least this many times faster */
#define TARGET_BARE      1.5    /* Loket at most this many times slower */
#define TARGET_BYTES     1024.0 /* PDF bytes per card, at most */

static gint64 opt_cards = 10000;
static gint64 opt_rounds = 5;
static gint64 opt_glabels_cards = 1000;
static gint64 opt_glabels_rounds = 3;
static char *opt_glabels = NULL;
static gint64 opt_seed = 1;
static char *opt_dir = NULL;
static gboolean opt_json = FALSE;

static const GOptionEntry entries[] = {
  { "cards", 'n', 0, G_OPTION_ARG_INT64, &opt_cards, "Members of the cooperative, one card each (default 10000)", "N" },
  { "rounds", 'r', 0, G_OPTION_ARG_INT64, &opt_rounds, "Rounds of Loket and the bare loop, alternating (default 5)", "R" },
  { "glabels-cards", 0, 0, G_OPTION_ARG_INT64, &opt_glabels_cards, "Cards gLabels makes, the first G (default 1000; 0: skip gLabels)", "G" },
  { "glabels-rounds", 0, 0, G_OPTION_ARG_INT64, &opt_glabels_rounds, "Rounds of gLabels, one after each of the first rounds (default 3)", "S" },
  { "glabels", 0, 0, G_OPTION_ARG_FILENAME, &opt_glabels, "The gLabels batch program (default: glabels-3-batch from PATH)", "PROGRAM" },
  { "seed", 's', 0, G_OPTION_ARG_INT64, &opt_seed, "Random seed (default 1)", "S" },
  { "dir", 'd', 0, G_OPTION_ARG_FILENAME, &opt_dir, "Folder for the database, the PDFs and gLabels's files, kept (default: a temporary one, removed)", "DIR" },
  { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, "Print the figures as JSON on stdout", NULL },
  { NULL }
};

const char *const loket_bench_card_labels[BENCH_N_FACTS] = {
  "No. KPJ", "NIK", "Tanggal lahir", "Segmen", "Program", "Peserta sejak", "Koperasi",
};

void
loket_bench_card_clear (LoketBenchCard *card)
{
  g_clear_pointer (&card->name, g_free);
  for (guint i = 0; i < BENCH_N_FACTS; i++)
    g_clear_pointer (&card->facts[i], g_free);
  g_clear_pointer (&card->payload, g_free);
}

typedef struct {
  double loket;        /* database to PDF */
  double loket_load;   /* of which: the store opened and the members loaded */
  double bare;
  double glabels;      /* < 0: not run this round */
  gint64 loket_bytes;
  gint64 bare_bytes;
  gint64 glabels_bytes;
} Round;

static void
fail (const char *what,
      GError     *error)
{
  g_printerr ("loket-bench-cards: %s: %s\n", what, error != NULL ? error->message : "failed");
  exit (1);
}

static void
remove_database (const char *path)
{
  static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_unlink (file);
    }
}

/* A fresh database with the branch's name, cooperative 1, its agent (a
 * registered member) and its active PKS, as loket-bench-import makes it. */
static LoketStore *
make_database (const char  *path,
               const GDate *today)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LoketStore) store = NULL;
  g_autoptr(LoketMember) draft = loket_member_new ();
  g_autoptr(LoketMember) agent = NULL;
  g_autofree char *sql = NULL;

  remove_database (path);
  store = loket_store_open (path, &error);
  if (store == NULL
      || !loket_store_set_setting (store, LOKET_SETTING_KPJ_PREFIX, "52", &error)
      || !loket_store_set_setting (store, LOKET_SETTING_BRANCH_NAME, BRANCH_NAME, &error))
    fail ("opening the database", error);

  loket_member_set_string (&draft->nik, "5203014107850003");
  loket_member_set_string (&draft->name, "Baiq Rahmawati");
  g_date_set_dmy (&draft->birth_date, 1, 7, 1985);
  draft->sex = 'P';
  draft->segment = LOKET_SEGMENT_BPU;
  draft->programs = LOKET_PROGRAM_JKK | LOKET_PROGRAM_JKM;
  draft->income = 1000000;
  agent = loket_store_register_member (store, draft, today, TRUE, NULL, NULL, &error);
  if (agent == NULL)
    fail ("registering the agent", error);

  sql = g_strdup_printf (
    "INSERT INTO cooperative (id, name, name_key, kind, status, potential, created_at, updated_at) VALUES"
    " (1, 'KDMP Sakra Timur', 'kdmp sakra timur', 'kdmp', 'active', 95000, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');"
    "INSERT INTO agent (id, member_id, kantor_perisai, appointed_on) VALUES (1, %" G_GINT64_FORMAT ", 'Perisai Selong', '2026-01-02');"
    "INSERT INTO partnership (id, cooperative_id, number, signed_on, valid_from, valid_until, segment,"
    " programs, base_income, payment_months, payer, agent_id, status, created_at) VALUES"
    " (1, 1, 'PKS/001/2026', '2026-01-05', '2026-01-05', '2027-01-04', 'bpu', 'jkk,jkm', 1000000, 1, 'members', 1, 'active', '2026-01-05T00:00:00Z');",
    agent->id);
  if (!loket_store_exec (store, sql, &error))
    fail ("adding the cooperative", error);
  return g_steal_pointer (&store);
}

/* N plausible members enrolled through the cooperative on its PKS's terms,
 * in one transaction, as a committed import enrols them. */
static double
enrol (LoketStore  *store,
       guint        n,
       guint32      seed,
       const GDate *today)
{
  g_autoptr(LoketBenchPeople) people = loket_bench_people_new (seed, today, 1);
  g_autoptr(GPtrArray) members = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree LoketStoreImportItem *items = g_new0 (LoketStoreImportItem, n);
  g_autoptr(GError) error = NULL;
  LoketImportTerms terms = {
    LOKET_SEGMENT_BPU, LOKET_PROGRAM_JKK | LOKET_PROGRAM_JKM, 1000000,
    1, 1, COOPERATIVE_ID,
  };
  double t0, seconds;

  for (guint i = 0; i < n; i++)
    {
      LoketMember *m = loket_bench_people_make (people, today);

      if (m == NULL)
        fail ("making people", NULL);
      /* What the PKS gives everyone enrolled through it. */
      m->segment = terms.segment;
      m->programs = terms.programs;
      m->income = terms.base_income;
      m->risk_class = 0;
      g_ptr_array_add (members, m);
      items[i].member = m;
    }

  t0 = loket_bench_now ();
  if (!loket_store_import_members (store, &terms, "loket-bench-cards", items, n, today, NULL, NULL, NULL, &error))
    fail ("enrolling the members", error);
  seconds = loket_bench_now () - t0;

  for (guint i = 0; i < n; i++)
    {
      if (!items[i].registered)
        fail ("enrolling the members (a NIK was already there)", NULL);
      loket_store_import_item_clear (&items[i]);
    }
  return seconds;
}

static gint
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* The cooperative's members in registration order, and its name: what
 * loket-cli-card.c's cooperative_members does. */
static GPtrArray *
load_cooperative (LoketStore  *store,
                  char       **name,
                  GError     **error)
{
  g_autoptr(LoketCooperative) cooperative = NULL;
  g_autoptr(GArray) ids = NULL;

  if ((cooperative = loket_store_find_cooperative (store, COOPERATIVE_ID, error)) == NULL)
    return NULL;
  if ((ids = loket_store_dup_cooperative_member_ids (store, COOPERATIVE_ID, "", 0, error)) == NULL)
    return NULL;
  g_array_sort (ids, compare_ids);
  *name = g_strdup (cooperative->name);
  return loket_store_load_members (store, (const gint64 *) ids->data, ids->len, error);
}

/* Loket's side, timed from opening the database to the PDF on disk. */
static void
run_loket (const char *db_path,
           const char *pdf_path,
           Round      *out,
           guint      *pages)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LoketStore) store = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autofree char *cooperative = NULL;
  g_autofree char *branch = NULL;
  LoketCardOptions options = { 0 };
  double t0, t1, t2;

  t0 = loket_bench_now ();
  if ((store = loket_store_open (db_path, &error)) == NULL
      || (members = load_cooperative (store, &cooperative, &error)) == NULL)
    fail ("loading the cooperative's members", error);
  branch = loket_store_dup_setting (store, LOKET_SETTING_BRANCH_NAME);
  t1 = loket_bench_now ();

  options.branch_name = branch;
  options.cooperative_name = cooperative;
  options.layout = LOKET_CARD_LAYOUT_A4;
  if (!loket_card_write_pdf (members, &options, pdf_path, pages, &error))
    fail ("writing Loket's cards", error);
  t2 = loket_bench_now ();

  if (members->len != opt_cards)
    fail ("loading the cooperative's members (not all of them came back)", NULL);
  out->loket = t2 - t0;
  out->loket_load = t1 - t0;
}

/* The texts of the card, as loket-card.c formats them, for the baselines. */
static const char *
segment_text (LoketSegment segment)
{
  switch (segment)
    {
    case LOKET_SEGMENT_BPU: return "Bukan Penerima Upah (BPU)";
    case LOKET_SEGMENT_PU: return "Penerima Upah (PU)";
    case LOKET_SEGMENT_JAKON: return "Jasa Konstruksi";
    case LOKET_SEGMENT_PMI: return "Pekerja Migran Indonesia";
    default: return "-";
    }
}

static char *
programs_text (LoketPrograms programs)
{
  static const struct { LoketProgram program; const char *name; } names[] = {
    { LOKET_PROGRAM_JKK, "JKK" }, { LOKET_PROGRAM_JKM, "JKM" }, { LOKET_PROGRAM_JHT, "JHT" },
    { LOKET_PROGRAM_JP, "JP" }, { LOKET_PROGRAM_JKP, "JKP" },
  };
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (programs & names[i].program)
      g_string_append_printf (out, "%s%s", out->len > 0 ? " · " : "", names[i].name);
  return g_string_free (out, FALSE);
}

static LoketBenchCard *
make_cards (GPtrArray  *members,
            const char *cooperative)
{
  LoketBenchCard *cards = g_new0 (LoketBenchCard, members->len);

  for (guint i = 0; i < members->len; i++)
    {
      LoketMember *m = g_ptr_array_index (members, i);
      LoketBenchCard *card = &cards[i];

      card->name = g_strdup (m->name);
      card->facts[0] = loket_kpj_format (m->kpj);
      card->facts[1] = loket_nik_mask (m->nik);
      card->facts[2] = loket_format_date (&m->birth_date);
      card->facts[3] = g_strdup (segment_text (m->segment));
      card->facts[4] = programs_text (m->programs);
      card->facts[5] = loket_format_date (&m->registered_on);
      card->facts[6] = g_strdup (cooperative);
      card->payload = loket_card_payload_make (m->kpj);
    }
  return cards;
}

/* The TrueType file of DejaVu Sans, as loket-card.c finds it. */
static char *
font_file (gboolean bold)
{
  FcPattern *pattern = FcPatternBuild (NULL,
                                       FC_FAMILY, FcTypeString, "DejaVu Sans",
                                       FC_WEIGHT, FcTypeInteger, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR,
                                       FC_SLANT, FcTypeInteger, FC_SLANT_ROMAN,
                                       (char *) NULL);
  FcResult result = FcResultNoMatch;
  FcPattern *match;
  FcChar8 *file = NULL;
  char *path = NULL;

  FcConfigSubstitute (NULL, pattern, FcMatchPattern);
  FcDefaultSubstitute (pattern);
  match = FcFontMatch (NULL, pattern, &result);
  FcPatternDestroy (pattern);
  if (match != NULL && FcPatternGetString (match, FC_FILE, 0, &file) == FcResultMatch)
    path = g_strdup ((const char *) file);
  if (match != NULL)
    FcPatternDestroy (match);
  if (path == NULL)
    fail ("finding DejaVu Sans", NULL);
  return path;
}

static gint64
file_size (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? (gint64) st.st_size : -1;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* The median of a Round field over the rounds where it is not negative. */
static double
median (GArray *rounds,
        gsize   offset)
{
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < rounds->len; i++)
    {
      double value = *(double *) ((char *) &g_array_index (rounds, Round, i) + offset);

      if (value >= 0)
        g_array_append_val (values, value);
    }
  if (values->len == 0)
    return -1;
  g_array_sort (values, compare_doubles);
  if (values->len % 2 == 1)
    return g_array_index (values, double, values->len / 2);
  return (g_array_index (values, double, values->len / 2 - 1)
          + g_array_index (values, double, values->len / 2)) / 2;
}

#define MEDIAN(rounds, field) median ((rounds), G_STRUCT_OFFSET (Round, field))

static const char *
json_double (char   *buf,
             double  value,
             const char *format)
{
  if (value < 0)
    return "null";
  return g_ascii_formatd (buf, G_ASCII_DTOSTR_BUF_SIZE, format, value);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("— membership cards benchmark");
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) rounds = g_array_new (FALSE, TRUE, sizeof (Round));
  g_autoptr(LoketStore) store = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *loket_pdf = NULL;
  g_autofree char *bare_pdf = NULL;
  g_autofree char *glabels_pdf = NULL;
  g_autofree char *csv_path = NULL;
  g_autofree char *template_path = NULL;
  g_autofree char *glabels = NULL;
  g_autofree char *cooperative = NULL;
  g_autofree char *regular_font = NULL;
  g_autofree char *bold_font = NULL;
  LoketBenchCard *cards;
  guint n, n_glabels, expected_pages;
  double enrol_s, loket, loket_load, bare, glabels_s = -1, glabels_scaled = -1;
  double loket_bpc, bare_bpc, glabels_bpc = -1, vs_glabels = -1, vs_bare;
  gint64 loket_bytes, bare_bytes, glabels_bytes = -1;
  gboolean met;
  FILE *out;
  GDate today;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("loket-bench-cards: %s\n", error->message);
      return 2;
    }
  if (opt_cards < 1 || opt_cards > 1000000 || opt_rounds < 1 || opt_glabels_cards < 0
      || opt_glabels_rounds < 1)
    {
      g_printerr ("loket-bench-cards: --cards must be 1 to 1000000, --rounds and"
                  " --glabels-rounds at least 1, --glabels-cards at least 0\n");
      return 2;
    }
  n = (guint) opt_cards;
  n_glabels = (guint) MIN (opt_glabels_cards, opt_cards);
  expected_pages = (n + BENCH_PER_SHEET - 1) / BENCH_PER_SHEET;
  loket_date_parse_iso (DEFAULT_TODAY, "", &today, NULL);
  loket_core_ensure_resources ();
  out = opt_json ? stderr : stdout;

  if (n_glabels > 0)
    {
      glabels = opt_glabels != NULL ? g_strdup (opt_glabels) : g_find_program_in_path ("glabels-3-batch");
      if (glabels == NULL)
        {
          fprintf (out, "glabels-3-batch is not installed (Debian package glabels): gLabels skipped\n");
          n_glabels = 0;
        }
    }

  if (opt_dir != NULL)
    {
      g_mkdir_with_parents (opt_dir, 0700);
      dir = g_strdup (opt_dir);
    }
  else if ((dir = g_dir_make_tmp ("loket-bench-cards-XXXXXX", &error)) == NULL)
    fail ("making a folder", error);
  db_path = g_build_filename (dir, "loket.db", NULL);
  loket_pdf = g_build_filename (dir, "loket.pdf", NULL);
  bare_pdf = g_build_filename (dir, "bare.pdf", NULL);
  glabels_pdf = g_build_filename (dir, "glabels.pdf", NULL);
  csv_path = g_build_filename (dir, "glabels.csv", NULL);
  template_path = g_build_filename (dir, "cards.glabels", NULL);

  /* The cooperative and its members. */
  store = make_database (db_path, &today);
  enrol_s = enrol (store, n, (guint32) opt_seed, &today);
  fprintf (out, "%u members enrolled through the cooperative in %.2f s\n", n, enrol_s);

  /* What the baselines start from: the same members' texts, in memory. */
  if ((members = load_cooperative (store, &cooperative, &error)) == NULL)
    fail ("loading the members for the baselines", error);
  if (members->len != n)
    fail ("loading the members for the baselines (not all of them came back)", NULL);
  g_clear_object (&store);
  cards = make_cards (members, cooperative);
  g_clear_pointer (&members, g_ptr_array_unref);
  regular_font = font_file (FALSE);
  bold_font = font_file (TRUE);
  if (n_glabels > 0
      && !loket_bench_cards_glabels_prepare (cards, n_glabels, BRANCH_NAME, csv_path,
                                             template_path, &error))
    fail ("writing gLabels's files", error);

  for (guint r = 0; r < opt_rounds || r < (n_glabels > 0 ? opt_glabels_rounds : 0); r++)
    {
      Round round = { -1, -1, -1, -1, -1, -1, -1 };
      guint loket_pages = 0, bare_pages = 0;

      for (int side = 0; r < opt_rounds && side < 2; side++)
        {
          /* Loket first in even rounds, the bare loop first in odd ones. */
          if ((side == 0) == (r % 2 == 0))
            {
              run_loket (db_path, loket_pdf, &round, &loket_pages);
              round.loket_bytes = file_size (loket_pdf);
              if (loket_pages != expected_pages)
                fail ("Loket's PDF has the wrong number of pages", NULL);
            }
          else
            {
              double t0 = loket_bench_now ();

              if (!loket_bench_cards_bare_write (cards, n, BRANCH_NAME, regular_font, bold_font,
                                                 bare_pdf, &bare_pages, &error))
                fail ("the bare loop", error);
              round.bare = loket_bench_now () - t0;
              round.bare_bytes = file_size (bare_pdf);
              if (bare_pages != expected_pages)
                fail ("the bare loop's PDF has the wrong number of pages", NULL);
            }
        }
      if (n_glabels > 0 && r < opt_glabels_rounds)
        {
          round.glabels = loket_bench_cards_glabels_run (glabels, template_path, glabels_pdf, &error);
          if (round.glabels < 0)
            fail ("gLabels", error);
          round.glabels_bytes = file_size (glabels_pdf);
        }
      g_array_append_val (rounds, round);

      fprintf (out, "round %u:", r + 1);
      if (round.loket >= 0)
        fprintf (out, " Loket %.3f s (loading %.3f), bare %.3f s", round.loket, round.loket_load,
                 round.bare);
      if (round.glabels >= 0)
        fprintf (out, "%sgLabels %.2f s for %u cards", round.loket >= 0 ? ", " : " ",
                 round.glabels, n_glabels);
      fprintf (out, "\n");
      fflush (out);
    }

  for (guint i = 0; i < n; i++)
    loket_bench_card_clear (&cards[i]);
  g_free (cards);

  loket = MEDIAN (rounds, loket);
  loket_load = MEDIAN (rounds, loket_load);
  bare = MEDIAN (rounds, bare);
  loket_bytes = g_array_index (rounds, Round, 0).loket_bytes;
  bare_bytes = g_array_index (rounds, Round, 0).bare_bytes;
  loket_bpc = (double) loket_bytes / n;
  bare_bpc = (double) bare_bytes / n;
  vs_bare = loket / bare;
  if (n_glabels > 0)
    {
      glabels_s = MEDIAN (rounds, glabels);
      glabels_bytes = g_array_index (rounds, Round, 0).glabels_bytes;
      glabels_bpc = (double) glabels_bytes / n_glabels;
      /* Per card: gLabels's time for its G cards against Loket's for N. */
      glabels_scaled = glabels_s * n / n_glabels;
      vs_glabels = glabels_scaled / loket;
    }
  met = (vs_glabels < 0 || vs_glabels >= TARGET_GLABELS) && vs_bare <= TARGET_BARE
        && loket_bpc < TARGET_BYTES;

  fprintf (out, "\nCard benchmark: %u cards of one cooperative on A4 sheets of %d (%u pages),"
           " median of %" G_GINT64_FORMAT " rounds\n", n, BENCH_PER_SHEET, expected_pages, opt_rounds);
  fprintf (out, "  %-36s %9s %10s %11s\n", "", "seconds", "cards/s", "bytes/card");
  fprintf (out, "  %-36s %9.3f %10.0f %11.0f\n", "Loket, database to PDF", loket, n / loket, loket_bpc);
  fprintf (out, "  %-36s %9.3f\n", "  of which loading the members", loket_load);
  fprintf (out, "  %-36s %9.3f %10.0f %11.0f\n", "bare libharu loop", bare, n / bare, bare_bpc);
  if (n_glabels > 0)
    {
      g_autofree char *label = g_strdup_printf ("glabels-3-batch, %u cards", n_glabels);

      fprintf (out, "  %-36s %9.2f %10.0f %11.0f   (median of %" G_GINT64_FORMAT ")\n", label,
               glabels_s, n_glabels / glabels_s, glabels_bpc, opt_glabels_rounds);
      if (n_glabels != n)
        {
          g_autofree char *scaled = g_strdup_printf ("glabels-3-batch, scaled to %u", n);

          /* Linear scaling is gLabels's best case: it slows down as the job
           * grows (a list appended to at its end, memory held to the end). */
          fprintf (out, "  %-36s %9.1f %10.0f   (linear per card: its best case)\n", scaled,
                   glabels_scaled, n / glabels_scaled);
        }
      fprintf (out, "  gLabels / Loket  %6.1f×   (target at least %.0f×: %s)\n", vs_glabels,
               TARGET_GLABELS, vs_glabels >= TARGET_GLABELS ? "met" : "MISSED");
    }
  else
    fprintf (out, "  gLabels not run\n");
  fprintf (out, "  Loket / bare     %6.2f×   (target at most %.1f×: %s)\n", vs_bare, TARGET_BARE,
           vs_bare <= TARGET_BARE ? "met" : "MISSED");
  fprintf (out, "  Loket PDF        %6.0f bytes a card (target under %.0f: %s)\n", loket_bpc,
           TARGET_BYTES, loket_bpc < TARGET_BYTES ? "met" : "MISSED");
  if (opt_dir != NULL)
    fprintf (out, "  files kept in %s\n", dir);

  if (opt_json)
    {
      char b[12][G_ASCII_DTOSTR_BUF_SIZE];

      g_print ("{\n  \"cards\": %u,\n  \"pages\": %u,\n  \"rounds\": %" G_GINT64_FORMAT ",\n"
               "  \"enrol_s\": %s,\n"
               "  \"loket_s\": %s,\n  \"loket_load_s\": %s,\n  \"loket_bytes\": %" G_GINT64_FORMAT ",\n"
               "  \"bare_s\": %s,\n  \"bare_bytes\": %" G_GINT64_FORMAT ",\n"
               "  \"glabels_cards\": %u,\n  \"glabels_rounds\": %" G_GINT64_FORMAT ",\n"
               "  \"glabels_s\": %s,\n  \"glabels_scaled_s\": %s,\n  \"glabels_bytes\": %s,\n"
               "  \"loket_bytes_per_card\": %s,\n  \"bare_bytes_per_card\": %s,\n"
               "  \"glabels_bytes_per_card\": %s,\n"
               "  \"ratio_glabels_loket\": %s,\n  \"ratio_loket_bare\": %s,\n"
               "  \"met\": %s\n}\n",
               n, expected_pages, opt_rounds,
               json_double (b[0], enrol_s, "%.3f"),
               json_double (b[1], loket, "%.4f"), json_double (b[2], loket_load, "%.4f"), loket_bytes,
               json_double (b[3], bare, "%.4f"), bare_bytes,
               n_glabels, n_glabels > 0 ? opt_glabels_rounds : 0,
               json_double (b[4], glabels_s, "%.3f"), json_double (b[5], glabels_scaled, "%.3f"),
               json_double (b[11], (double) glabels_bytes, "%.0f"),
               json_double (b[6], loket_bpc, "%.1f"), json_double (b[7], bare_bpc, "%.1f"),
               json_double (b[8], glabels_bpc, "%.1f"),
               json_double (b[9], vs_glabels, "%.2f"), json_double (b[10], vs_bare, "%.3f"),
               met ? "true" : "false");
    }

  if (opt_dir == NULL)
    {
      remove_database (db_path);
      g_unlink (loket_pdf);
      g_unlink (bare_pdf);
      g_unlink (glabels_pdf);
      g_unlink (csv_path);
      g_unlink (template_path);
      g_rmdir (dir);
    }
  return 0;
}
