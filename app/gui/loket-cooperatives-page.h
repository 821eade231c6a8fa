/* loket-cooperatives-page.h: the cooperatives of the branch, their coverage,
 * and a small form to add one (issue 4). */
#pragma once

#include <adwaita.h>

#include "loket-cooperative.h"
#include "loket-store.h"

G_BEGIN_DECLS

#define LOKET_TYPE_COOPERATIVES_PAGE (loket_cooperatives_page_get_type ())

G_DECLARE_FINAL_TYPE (LoketCooperativesPage, loket_cooperatives_page, LOKET, COOPERATIVES_PAGE, AdwBin)

void     loket_cooperatives_page_set_store   (LoketCooperativesPage *self,
                                              LoketStore            *store);
/* Reads the list again from the store. */
void     loket_cooperatives_page_reload      (LoketCooperativesPage *self);
/* Shows the form to add a cooperative, or the list again. */
void     loket_cooperatives_page_show_form   (LoketCooperativesPage *self,
                                              gboolean               show);
gboolean loket_cooperatives_page_get_form_shown (LoketCooperativesPage *self);
/* The cooperatives listed (LoketCooperative). */
GListModel *loket_cooperatives_page_get_cooperatives (LoketCooperativesPage *self);

G_END_DECLS
