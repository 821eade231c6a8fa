/* loket-bench-people.c */
#include <string.h>
#include <time.h>

#include "loket-bench-people.h"
#include "loket-date.h"
#include "loket-regions.h"

/* Share of members whose NIK was issued in NTB (province 52), where the
 * branch is; the rest moved in from anywhere in Indonesia. */
#define HOME_PROVINCE       "52"
#define HOME_SHARE_PERCENT  80
#define MAX_SERIAL          9999

#define PICK(rand, list) ((list)[g_rand_int_range ((rand), 0, G_N_ELEMENTS (list))])

/* Sasak (Lombok): Lalu and Baiq are the noble titles, written on the KTP. */
static const char *const sasak_male[] = {
  "Hamzan", "Sahnan", "Zainuddin", "Hairul", "Sapri", "Zulkifli", "Mahsun",
  "Sukri", "Hasbullah", "Jumadil", "Saparudin", "Rusdi", "Mustiadi", "Junaidi",
  "Azhar", "Samsul", "Sahril", "Munawir", "Fathurrahman", "Hamdi", "Wadi",
  "Supardi", "Lukman", "Hakim", "Mahrip", "Sahdan", "Marzuki", "Usman",
  "Sapriadi", "Suhaimi", "Jayadi", "Muhtar",
};
static const char *const sasak_female[] = {
  "Nurhidayati", "Rahmawati", "Hartini", "Zaenab", "Salmah", "Suriani",
  "Mahnun", "Hurniati", "Rabiatul", "Adawiyah", "Maesarah", "Saniah",
  "Rukiah", "Husnul", "Khotimah", "Sumiati", "Juhaeni", "Mardiana", "Hirni",
  "Sahniah", "Nurmala", "Sapinah", "Rohani", "Inayah", "Mulianah", "Baiqah",
};

static const char *const javanese_male[] = {
  "Budi", "Slamet", "Joko", "Agus", "Bambang", "Sutrisno", "Wahyu", "Hadi",
  "Eko", "Dwi", "Tri", "Sugeng", "Suharto", "Purnomo", "Santoso", "Susanto",
  "Widodo", "Prasetyo", "Setiawan", "Nugroho", "Wibowo", "Haryanto",
  "Kurniawan", "Gunawan", "Sugiarto", "Hartono", "Darmaji", "Suyanto",
};
static const char *const javanese_female[] = {
  "Sri", "Siti", "Endang", "Sumarni", "Suharti", "Wahyuni", "Lestari",
  "Rahayu", "Astuti", "Handayani", "Kartini", "Ratna", "Dewi", "Wulandari",
  "Ayu", "Puji", "Suryani", "Winarsih", "Sulastri", "Mulyani", "Sutini",
  "Partini", "Ningsih", "Setyowati",
};

/* Sundanese spells its e-sounds with é, as the KTP often does: the reason
 * the name index must ignore accents ("dede" finds "Dédé"). */
static const char *const sundanese_male[] = {
  "Asep", "Ujang", "Dadang", "Cecep", "Yayan", "Dédé", "Ade", "Deden",
  "Aep", "Iwan", "Jajang", "Kusnadi", "Mulyana", "Suryana", "Hidayat",
  "Sopandi", "Rohman", "Supriatna", "Permana", "Sudrajat", "Dédi", "Héri",
  "Engkos", "Ruhiyat",
};
static const char *const sundanese_female[] = {
  "Euis", "Neneng", "Enéng", "Dédé", "Imas", "Iis", "Yati", "Nining", "Cucu",
  "Enok", "Tati", "Rina", "Nurhayati", "Kurniasih", "Rosita", "Komalasari",
  "Lilis", "Éti", "Rénita", "Yuyun", "Nani", "Popon",
};

/* Balinese: I / Ni, then the birth-order name, then the given names. */
static const char *const balinese_order[] = {
  "Wayan", "Putu", "Made", "Kadek", "Nengah", "Nyoman", "Komang", "Ketut",
};
static const char *const balinese_male[] = {
  "Sudarsana", "Artawan", "Suardana", "Mertayasa", "Wiranata", "Adnyana",
  "Sukadana", "Budiarta", "Suparta", "Darmawan", "Arimbawa", "Gede",
  "Sudiarta", "Widiana", "Mahendra", "Sutama", "Astawa", "Parwata",
};
static const char *const balinese_female[] = {
  "Ariani", "Sukerti", "Suartini", "Widiastuti", "Puspawati", "Murniati",
  "Sudiani", "Kartika", "Yuliani", "Astiti", "Sriani", "Darmini", "Suarni",
  "Wartini", "Purnami", "Sukarmi",
};

/* Bugis and Makassar: Andi is the noble title, for men and women. */
static const char *const bugis_male[] = {
  "Baso", "Syamsul", "Rahman", "Amiruddin", "Arifin", "Hasanuddin", "Jufri",
  "Mappiase", "Ramli", "Sudirman", "Nasir", "Bahtiar", "Mustari", "Tenri",
  "Alimuddin", "Pawelloi", "Sultan", "Rusli",
};
static const char *const bugis_female[] = {
  "Besse", "Hasnah", "Sitti", "Nurhaedah", "Sumarni", "Hasmawati",
  "Rosmini", "Nurbaya", "Kasmawati", "Darmawati", "Megawati", "Tenriawaru",
  "Hasriani", "Sukmawati",
};

/* Arabic-derived names, common everywhere; some keep their apostrophe. */
static const char *const arabic_male[] = {
  "Muhammad", "Ahmad", "Abdullah", "Abdul", "Zainal", "Arifin", "Rahmat",
  "Hidayat", "Syarifuddin", "Fauzi", "Hasan", "Husain", "Ibrahim", "Ismail",
  "Yusuf", "Ma'ruf", "Ilham", "Rizki", "Fadli", "Umar", "Usman", "Ali",
  "Hamzah", "Khairul", "Amin", "Anwar", "Saiful", "Taufik", "Nur", "Iqbal",
  "Zulfikar", "Habibi",
};
static const char *const arabic_female[] = {
  "Fatimah", "Aisyah", "Khadijah", "Nur", "Nurul", "Siti", "Zahra", "Aminah",
  "Maryam", "Halimah", "Rahmah", "Salsabila", "Zulaikha", "Hafsah", "Annisa",
  "Rabiah", "Mutmainah", "Jamilah", "Husna", "Sa'diyah", "Zakiyah",
  "Mar'atus", "Sholehah", "Latifah",
};

static const char *const bpu_occupations[] = {
  "petani", "nelayan", "pedagang", "ojek", "ojek online", "tukang bangunan",
  "peternak", "penjahit", "sopir", "pengrajin", "buruh tani", "kurir",
  "guru honorer", "pedagang keliling", "pemandu wisata", "tukang las",
};
static const char *const pu_occupations[] = {
  "karyawan swasta", "buruh pabrik", "staf administrasi", "satpam",
  "perawat", "kasir", "teknisi", "pramusaji", "operator alat berat",
};
/* Most wage earners at a Lombok branch work in shops, hotels and offices. */
static const int risk_classes[] = { 1, 1, 1, 1, 2, 2, 2, 3, 3, 4, 5 };
static const char *const streets[] = {
  "Jl. Pejanggik", "Jl. Gajah Mada", "Jl. Sriwijaya", "Jl. Langko",
  "Jl. TGH Faisal", "Jl. Ahmad Yani", "Jl. Diponegoro", "Jl. Raya Sakra",
  "Gang Melati", "Dusun Karang Baru", "Jl. Sultan Kaharudin",
  "Jl. Bung Karno", "Dusun Lendang Bagu", "Jl. Majapahit",
};

struct _LoketBenchPeople
{
  GRand      *rand;              /* owned */
  GDate       today;
  int         first_serial;
  GHashTable *next_serial;       /* gint64 * (12-digit NIK prefix) → serial, owned */
  GArray     *home_districts;    /* guint district index in HOME_PROVINCE */
};

LoketBenchPeople *
loket_bench_people_new (guint32      seed,
                        const GDate *today,
                        int          first_serial)
{
  LoketBenchPeople *people = g_new0 (LoketBenchPeople, 1);
  guint n_districts = loket_regions_n_districts ();

  g_return_val_if_fail (n_districts > 0, people);

  people->rand = g_rand_new_with_seed (seed);
  people->today = *today;
  people->first_serial = CLAMP (first_serial, 1, MAX_SERIAL);
  people->next_serial = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  people->home_districts = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < n_districts; i++)
    if (g_str_has_prefix (loket_regions_district_code (i), HOME_PROVINCE "."))
      g_array_append_val (people->home_districts, i);
  return people;
}

void
loket_bench_people_free (LoketBenchPeople *people)
{
  if (people == NULL)
    return;
  g_rand_free (people->rand);
  g_hash_table_unref (people->next_serial);
  g_array_unref (people->home_districts);
  g_free (people);
}

GRand *
loket_bench_people_get_rand (LoketBenchPeople *people)
{
  return people->rand;
}

double
loket_bench_now (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (double) ts.tv_sec + (double) ts.tv_nsec / 1e9;
}

static void
add_word (GString    *name,
          const char *word)
{
  /* Lists share words ("Siti", "Nur"): never "Siti Siti". */
  if (name->len > 0)
    {
      const char *last = strrchr (name->str, ' ');

      if (strcmp (last ? last + 1 : name->str, word) == 0)
        return;
      g_string_append_c (name, ' ');
    }
  g_string_append (name, word);
}

static char *
make_name (GRand *rand,
           char   sex)
{
  GString *name = g_string_new (NULL);
  gboolean male = sex == 'L';
  int culture = g_rand_int_range (rand, 0, 100);
  int words = g_rand_int_range (rand, 0, 100);

  if (culture < 30)
    {
      /* Sasak: "Lalu Hamzan Wadi", "Baiq Nurul Hidayati", "Sapri". */
      if (g_rand_int_range (rand, 0, 100) < 15)
        add_word (name, male ? "Lalu" : "Baiq");
      if (g_rand_boolean (rand))
        add_word (name, male ? PICK (rand, arabic_male) : PICK (rand, arabic_female));
      add_word (name, male ? PICK (rand, sasak_male) : PICK (rand, sasak_female));
      if (words < 40 || name->len < 8)
        add_word (name, male ? PICK (rand, sasak_male) : PICK (rand, sasak_female));
    }
  else if (culture < 50)
    {
      /* Javanese: one name alone now and then, mostly two. */
      add_word (name, male ? PICK (rand, javanese_male) : PICK (rand, javanese_female));
      if (words >= 8)
        add_word (name, male ? PICK (rand, javanese_male) : PICK (rand, javanese_female));
      if (words >= 80)
        add_word (name, male ? PICK (rand, javanese_male) : PICK (rand, javanese_female));
    }
  else if (culture < 62)
    {
      add_word (name, male ? PICK (rand, sundanese_male) : PICK (rand, sundanese_female));
      add_word (name, male ? PICK (rand, sundanese_male) : PICK (rand, sundanese_female));
      if (words >= 85)
        add_word (name, male ? PICK (rand, arabic_male) : PICK (rand, arabic_female));
    }
  else if (culture < 72)
    {
      /* Balinese: "I Made Suardana", "Ni Luh Putu Ariani". */
      add_word (name, male ? "I" : "Ni");
      if (!male && words < 40)
        add_word (name, "Luh");
      add_word (name, PICK (rand, balinese_order));
      add_word (name, male ? PICK (rand, balinese_male) : PICK (rand, balinese_female));
    }
  else if (culture < 80)
    {
      if (words < 25)
        add_word (name, "Andi");
      add_word (name, male ? PICK (rand, bugis_male) : PICK (rand, bugis_female));
      add_word (name, male ? PICK (rand, bugis_male) : PICK (rand, bugis_female));
    }
  else
    {
      add_word (name, male ? PICK (rand, arabic_male) : PICK (rand, arabic_female));
      add_word (name, male ? PICK (rand, arabic_male) : PICK (rand, arabic_female));
      if (words >= 75)
        add_word (name, male ? PICK (rand, arabic_male) : PICK (rand, arabic_female));
    }

  return g_string_free (name, FALSE);
}

/* A birth date making the member 15 to 64 on `registered_on` and at most
 * 65 today, uniformly spread. */
static void
make_birth_date (LoketBenchPeople *people,
                 const GDate      *registered_on,
                 GDate            *out)
{
  GDate earliest = people->today, latest = *registered_on;
  GDate earliest_at_registration = *registered_on;
  guint32 first, last;

  g_date_subtract_years (&earliest, 65);
  g_date_add_days (&earliest, 1);
  g_date_subtract_years (&earliest_at_registration, 65);
  g_date_add_days (&earliest_at_registration, 1);
  if (g_date_compare (&earliest_at_registration, &earliest) > 0)
    earliest = earliest_at_registration;
  g_date_subtract_years (&latest, 15);

  first = g_date_get_julian (&earliest);
  last = g_date_get_julian (&latest);
  g_date_clear (out, 1);
  g_date_set_julian (out, first + (guint32) g_rand_int_range (people->rand, 0, (gint32) (last - first + 1)));
}

/* Picks a district and a serial not yet given to anyone with the same
 * district, birth date and sex; writes the 16 digits into nik. */
static const char *
make_nik (LoketBenchPeople *people,
          const GDate      *birth,
          char              sex,
          char              nik[17])
{
  for (int attempt = 0; attempt < 100; attempt++)
    {
      const char *code;
      int day = g_date_get_day (birth) + (sex == 'P' ? 40 : 0);
      gint64 key;
      gpointer value;
      int serial;

      if (people->home_districts->len > 0
          && g_rand_int_range (people->rand, 0, 100) < HOME_SHARE_PERCENT)
        code = loket_regions_district_code (
          g_array_index (people->home_districts, guint,
                         g_rand_int_range (people->rand, 0, people->home_districts->len)));
      else
        code = loket_regions_district_code (
          g_rand_int_range (people->rand, 0, loket_regions_n_districts ()));

      /* "52.03.01" → 520301, then DDMMYY. */
      key = (gint64) g_ascii_strtoll (code, NULL, 10) * 10000
            + g_ascii_strtoll (code + 3, NULL, 10) * 100
            + g_ascii_strtoll (code + 6, NULL, 10);
      key = key * 1000000 + day * 10000 + (int) g_date_get_month (birth) * 100
            + g_date_get_year (birth) % 100;

      serial = g_hash_table_lookup_extended (people->next_serial, &key, NULL, &value)
               ? GPOINTER_TO_INT (value) : people->first_serial;
      if (serial > MAX_SERIAL)
        continue;
      g_hash_table_insert (people->next_serial, g_memdup2 (&key, sizeof key),
                           GINT_TO_POINTER (serial + 1));
      g_snprintf (nik, 17, "%012" G_GINT64_FORMAT "%04d", key, serial);
      return code;
    }
  return NULL;
}

LoketMember *
loket_bench_people_make (LoketBenchPeople *people,
                         const GDate      *registered_on)
{
  g_autoptr(LoketMember) member = loket_member_new ();
  GRand *rand = people->rand;
  char nik[17];
  char province_code[3], regency_code[6];
  const char *district_code;
  int age;

  member->sex = g_rand_boolean (rand) ? 'L' : 'P';
  make_birth_date (people, registered_on, &member->birth_date);
  district_code = make_nik (people, &member->birth_date, member->sex, nik);
  if (district_code == NULL)
    return NULL;
  member->nik = g_strdup (nik);
  member->name = make_name (rand, member->sex);

  age = loket_date_age_on (&member->birth_date, registered_on);
  if (g_rand_int_range (rand, 0, 100) < 85)
    {
      member->segment = LOKET_SEGMENT_BPU;
      member->programs = LOKET_PROGRAM_JKK | LOKET_PROGRAM_JKM;
      if (g_rand_int_range (rand, 0, 100) < 30)
        member->programs |= LOKET_PROGRAM_JHT;
      /* Rp1.000.000 to Rp5.000.000 in steps of Rp50.000. */
      member->income = (gint64) g_rand_int_range (rand, 20, 101) * 50000;
      member->occupation = g_strdup (PICK (rand, bpu_occupations));
    }
  else
    {
      member->segment = LOKET_SEGMENT_PU;
      member->programs = LOKET_PROGRAM_JKK | LOKET_PROGRAM_JKM | LOKET_PROGRAM_JHT;
      if (g_rand_int_range (rand, 0, 100) < 80)
        member->programs |= LOKET_PROGRAM_JP;
      /* JKP comes with PU membership under 54, as the registration rules
       * add it (pu.jkp.age_below). */
      if (age < 54)
        member->programs |= LOKET_PROGRAM_JKP;
      member->income = (gint64) g_rand_int_range (rand, 2600, 10001) * 1000;
      member->risk_class = PICK (rand, risk_classes);
      member->occupation = g_strdup (PICK (rand, pu_occupations));
    }

  member->phone = g_strdup_printf ("+628%02d%08d", g_rand_int_range (rand, 11, 60),
                                   g_rand_int_range (rand, 0, 100000000));
  member->street = g_strdup_printf ("%s No. %d", PICK (rand, streets),
                                    g_rand_int_range (rand, 1, 200));
  member->rt = g_strdup_printf ("%03d", g_rand_int_range (rand, 1, 25));
  member->rw = g_strdup_printf ("%03d", g_rand_int_range (rand, 1, 12));
  member->region_code = g_strdup (district_code);
  g_strlcpy (province_code, district_code, sizeof province_code);
  g_strlcpy (regency_code, district_code, sizeof regency_code);
  member->province = g_strdup (loket_regions_province_name (province_code));
  member->regency = g_strdup (loket_regions_regency_name (regency_code));
  member->district = g_strdup (loket_regions_district_name (district_code));
  member->registered_on = *registered_on;

  return g_steal_pointer (&member);
}
