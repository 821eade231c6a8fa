/* loket-reports-page.h: the Laporan section: the day's closing (what was
 * taken, by channel and by clerk, less reversals: the money to hand over),
 * who is behind across the branch and by cooperative, and what next month
 * should bring. Figures are the core's (loket-store-reports.h); the
 * branch-wide ones are computed in a worker thread so the window never
 * waits on a million members. */
#pragma once

#include <adwaita.h>

#include "loket-store.h"

G_BEGIN_DECLS

#define LOKET_TYPE_REPORTS_PAGE (loket_reports_page_get_type ())

G_DECLARE_FINAL_TYPE (LoketReportsPage, loket_reports_page, LOKET, REPORTS_PAGE, AdwBin)

void      loket_reports_page_set_store (LoketReportsPage *self,
                                        LoketStore       *store);
/* Shows the figures of `day` (NULL: today). */
void      loket_reports_page_show_day  (LoketReportsPage *self,
                                        const GDate      *day);

/* For the tests: the net taken on the day shown, and whether the
 * branch-wide figures have arrived. */
gint64    loket_reports_page_get_net   (LoketReportsPage *self);
gboolean  loket_reports_page_is_loading (LoketReportsPage *self);

G_END_DECLS
