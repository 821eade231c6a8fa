/* loket-regions.h: Indonesian province, regency and district codes, read from
 * the region tables shipped in data/regions (derived from idn-area-data,
 * ODbL) and compiled into the core as a GResource. Loaded once, on first use,
 * thread-safely; the names returned are borrowed and live forever. */
#pragma once

#include <glib.h>

#include "loket-problem.h"

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

/* The address checks members and cooperatives share (domain.md §5, §7).
 *
 * A region code is "52", "52.03", "52.03.01" or "52.03.01.2001" (kelurahan
 * 1xxx, desa 2xxx). A malformed code is an error of field "region_code"; a
 * well-formed code missing from the region list only a warning, as with
 * NIKs, since regions split over time. When the code is known, the names
 * still NULL among *province, *regency and *district are filled from it,
 * never overwriting what the clerk typed; any of the three may be NULL. */
void        loket_regions_check_code     (const char  *region_code,
                                          char       **province,
                                          char       **regency,
                                          char       **district,
                                          GPtrArray   *problems);
/* A postcode, when given, is 5 digits: an error of field "postcode". */
void        loket_regions_check_postcode (const char  *postcode,
                                          GPtrArray   *problems);

G_END_DECLS
