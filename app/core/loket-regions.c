/* loket-regions.c */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "loket-core-resources.h"
#include "loket-regions.h"

#define REGIONS_PATH "/io/github/loket/core/regions/"

typedef struct {
  GStringChunk *strings;        /* every code and name below */
  GHashTable   *provinces;      /* "52" → name */
  GHashTable   *regencies;      /* "52.03" → name */
  GHashTable   *districts;      /* "52.03.01" → name */
  GPtrArray    *district_codes; /* in file order, for the generator */
} Regions;

void
loket_core_ensure_resources (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      /* Calling loket_core_get_resource() is what makes the linker keep the
       * generated object file out of the static library; once kept, its
       * constructor registers the resource already. Registering it again
       * would list it twice in GLib, so register only when a lookup still
       * fails (a compiler without constructor support). */
      GResource *resource = loket_core_get_resource ();

      if (!g_resources_get_info (REGIONS_PATH "provinces.csv",
                                 G_RESOURCE_LOOKUP_FLAGS_NONE,
                                 NULL, NULL, NULL))
        {
          if (resource != NULL)
            g_resources_register (resource);
          else
            g_critical ("The core's compiled-in resources are missing");
        }
      g_once_init_leave (&done, 1);
    }
}

/* Reads one CSV record (RFC 4180: fields may be quoted, "" is a quote inside
 * a quoted field, CRLF or LF ends a record) into `fields`. The tables have
 * one quoted name today (Ra"as), and idn-area-data may quote more. */
static gboolean
csv_read_record (const char **cursor,
                 const char  *end,
                 GPtrArray   *fields)
{
  g_autoptr(GString) field = g_string_new (NULL);
  const char *p = *cursor;
  gboolean quoted = FALSE;

  if (p >= end)
    return FALSE;

  g_ptr_array_set_size (fields, 0);
  while (p < end)
    {
      char c = *p++;

      if (quoted)
        {
          if (c != '"')
            g_string_append_c (field, c);
          else if (p < end && *p == '"')
            g_string_append_c (field, *p++);
          else
            quoted = FALSE;
        }
      else if (c == '"')
        quoted = TRUE;
      else if (c == ',')
        {
          g_ptr_array_add (fields, g_strdup (field->str));
          g_string_truncate (field, 0);
        }
      else if (c == '\n')
        break;
      else if (c != '\r')
        g_string_append_c (field, c);
    }
  g_ptr_array_add (fields, g_string_free (g_steal_pointer (&field), FALSE));

  *cursor = p;
  return TRUE;
}

/* Fills `table` with code (first field) → name (last field), skipping the
 * header. The files are compiled in, so a malformed one is a build mistake:
 * say so loudly (criticals are fatal in the tests) but keep the good rows. */
static void
load_table (Regions    *regions,
            const char *file,
            guint       n_fields,
            GHashTable *table,
            GPtrArray  *order)
{
  g_autofree char *path = g_strconcat (REGIONS_PATH, file, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  const char *cursor, *end;
  gsize size;
  guint record = 0;

  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    {
      g_critical ("Cannot read the region table %s: %s", path, error->message);
      return;
    }

  cursor = g_bytes_get_data (bytes, &size);
  end = cursor + size;
  while (csv_read_record (&cursor, end, fields))
    {
      const char *code, *name;

      if (record++ == 0)
        continue;
      if (fields->len == 1 && *(const char *) fields->pdata[0] == '\0')
        continue;
      if (fields->len != n_fields)
        {
          g_critical ("%s: record %u has %u fields instead of %u",
                      path, record, fields->len, n_fields);
          continue;
        }
      if (g_hash_table_contains (table, fields->pdata[0]))
        {
          g_critical ("%s: code %s appears twice", path,
                      (const char *) fields->pdata[0]);
          continue;
        }

      code = g_string_chunk_insert (regions->strings, fields->pdata[0]);
      name = g_string_chunk_insert (regions->strings, fields->pdata[n_fields - 1]);
      g_hash_table_insert (table, (gpointer) code, (gpointer) name);
      if (order != NULL)
        g_ptr_array_add (order, (gpointer) code);
    }
}

static const Regions *
regions_get (void)
{
  static Regions *regions = NULL;

  if (g_once_init_enter (&regions))
    {
      /* Never freed: the names are handed out as borrowed static strings. */
      Regions *loaded = g_new0 (Regions, 1);

      loket_core_ensure_resources ();

      loaded->strings = g_string_chunk_new (64 * 1024);
      loaded->provinces = g_hash_table_new (g_str_hash, g_str_equal);
      loaded->regencies = g_hash_table_new (g_str_hash, g_str_equal);
      loaded->districts = g_hash_table_new (g_str_hash, g_str_equal);
      loaded->district_codes = g_ptr_array_new ();

      load_table (loaded, "provinces.csv", 2, loaded->provinces, NULL);
      load_table (loaded, "regencies.csv", 3, loaded->regencies, NULL);
      load_table (loaded, "districts.csv", 3, loaded->districts,
                  loaded->district_codes);

      g_once_init_leave (&regions, loaded);
    }
  return regions;
}

const char *
loket_regions_province_name (const char *province_code)
{
  if (province_code == NULL)
    return NULL;
  return g_hash_table_lookup (regions_get ()->provinces, province_code);
}

const char *
loket_regions_regency_name (const char *regency_code)
{
  if (regency_code == NULL)
    return NULL;
  return g_hash_table_lookup (regions_get ()->regencies, regency_code);
}

const char *
loket_regions_district_name (const char *district_code)
{
  if (district_code == NULL)
    return NULL;
  return g_hash_table_lookup (regions_get ()->districts, district_code);
}

guint
loket_regions_n_districts (void)
{
  return regions_get ()->district_codes->len;
}

const char *
loket_regions_district_code (guint i)
{
  const GPtrArray *codes = regions_get ()->district_codes;

  g_return_val_if_fail (i < codes->len, NULL);
  return g_ptr_array_index (codes, i);
}

static gboolean
all_digits (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return *text != '\0';
}

static void
fill_if_empty (char       **field,
               const char  *value)
{
  if (field != NULL && *field == NULL && value != NULL)
    *field = g_strdup (value);
}

void
loket_regions_check_code (const char  *region_code,
                          char       **province,
                          char       **regency,
                          char       **district,
                          GPtrArray   *problems)
{
  static const int group_lengths[] = { 2, 2, 2, 4 };
  g_auto(GStrv) groups = NULL;
  guint n_groups;
  const char *province_name, *regency_name = NULL, *district_name = NULL;
  char code[9];

  if (region_code == NULL)
    return;

  groups = g_strsplit (region_code, ".", -1);
  n_groups = g_strv_length (groups);
  for (guint i = 0; i < n_groups; i++)
    if (i >= G_N_ELEMENTS (group_lengths)
        || strlen (groups[i]) != (gsize) group_lengths[i]
        || !all_digits (groups[i]))
      {
        loket_problems_add (problems, LOKET_SEVERITY_ERROR, "region_code", "region-format",
                            _("Region code: “%s” is not in the form 52.03.01.2001 (province, regency, district, village). Correct it or leave it empty."),
                            region_code);
        return;
      }

  province_name = loket_regions_province_name (groups[0]);
  if (n_groups >= 2)
    {
      g_snprintf (code, sizeof code, "%s.%s", groups[0], groups[1]);
      regency_name = loket_regions_regency_name (code);
    }
  if (n_groups >= 3)
    {
      g_snprintf (code, sizeof code, "%s.%s.%s", groups[0], groups[1], groups[2]);
      district_name = loket_regions_district_name (code);
    }

  if (province_name == NULL || (n_groups >= 2 && regency_name == NULL)
      || (n_groups >= 3 && district_name == NULL))
    {
      loket_problems_add (problems, LOKET_SEVERITY_WARNING, "region_code", "region-unknown",
                          _("Region code: %s is not in Loket’s region list. Check it; it is kept as typed."),
                          region_code);
      return;
    }

  fill_if_empty (province, province_name);
  fill_if_empty (regency, regency_name);
  fill_if_empty (district, district_name);
}

void
loket_regions_check_postcode (const char *postcode,
                              GPtrArray  *problems)
{
  if (postcode != NULL && (!all_digits (postcode) || strlen (postcode) != 5))
    loket_problems_add (problems, LOKET_SEVERITY_ERROR, "postcode", "postcode",
                        _("Postcode: “%s” is not 5 digits. Write the postcode, for example 83612."),
                        postcode);
}
