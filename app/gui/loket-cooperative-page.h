/* loket-cooperative-page.h: one cooperative: its details and coverage, its
 * officers, its partnership agreements (PKS) and agents, and the way to
 * enrol its member list (issue 4). */
#pragma once

#include <adwaita.h>

#include "loket-cooperative.h"
#include "loket-store.h"

G_BEGIN_DECLS

#define LOKET_TYPE_COOPERATIVE_PAGE (loket_cooperative_page_get_type ())

G_DECLARE_FINAL_TYPE (LoketCooperativePage, loket_cooperative_page, LOKET, COOPERATIVE_PAGE, AdwBin)

void              loket_cooperative_page_set_store       (LoketCooperativePage *self,
                                                          LoketStore           *store);
/* Shows the cooperative `id` as the store has it now. */
void              loket_cooperative_page_set_cooperative (LoketCooperativePage *self,
                                                          gint64                id);
/* Reads the cooperative shown again. */
void              loket_cooperative_page_reload          (LoketCooperativePage *self);
/* Borrowed; NULL until one is set. */
LoketCooperative *loket_cooperative_page_get_cooperative (LoketCooperativePage *self);

G_END_DECLS
