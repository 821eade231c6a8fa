/* loket-regions.h: Indonesian province, regency and district codes, read from
 * the region tables shipped in data/regions (derived from idn-area-data,
 * ODbL) and compiled into the core as a GResource. Loaded once, on first use,
 * thread-safely; the names returned are borrowed and live forever. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Makes the core's compiled-in resources (/io/github/loket/core/...)
 * reachable through g_resources_lookup_data(). The core is a static library,
 * so nothing registers them unless something calls this first; it is cheap,
 * thread-safe and may be called any number of times. */
void        loket_core_ensure_resources (void);

/* "52" → "Nusa Tenggara Barat"; NULL when unknown. */
const char *loket_regions_province_name (const char *province_code);
/* "52.03" → "Kabupaten Lombok Timur"; NULL when unknown. */
const char *loket_regions_regency_name  (const char *regency_code);
/* "52.03.01" → the district's name; NULL when unknown. */
const char *loket_regions_district_name (const char *district_code);
/* The number of districts known: for tests and for the generator. */
guint       loket_regions_n_districts   (void);
/* The i-th district code ("52.03.01"), 0 <= i < n_districts. */
const char *loket_regions_district_code (guint i);

G_END_DECLS
