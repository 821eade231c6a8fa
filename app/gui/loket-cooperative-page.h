/* loket-cooperative-page.h: one cooperative: its details and coverage, its
 * officers, its partnership agreements (PKS) and agents, and the way to
 * enrol its member list (issue 4). */
#pragma once

#include <adwaita.h>

#include "loket-cooperative.h"
#include "loket-members-page.h"
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
/* The list of the cooperative's members, borrowed; activating one emits
 * "open-member" (a LoketMember) on the page. */
LoketMembersPage *loket_cooperative_page_get_members_page (LoketCooperativePage *self);
/* Borrowed; NULL until one is set. */
LoketCooperative *loket_cooperative_page_get_cooperative (LoketCooperativePage *self);

/* The forms on the page: "pks", "officer", "agent" or "edit" (the
 * cooperative itself). Each saves through the store and, once saved, shows
 * the page again, refreshed; signals "toast" (a message to show) and
 * "changed" (the cooperative or what hangs on it changed). */
void              loket_cooperative_page_show_form       (LoketCooperativePage *self,
                                                          const char           *name);
gboolean          loket_cooperative_page_get_form_shown  (LoketCooperativePage *self);
/* The form shown, NULL for none. */
const char       *loket_cooperative_page_get_form_name   (LoketCooperativePage *self);
/* Back to the details, the form emptied. */
void              loket_cooperative_page_close_form      (LoketCooperativePage *self);
/* The row of `field` in the form shown and the message under it (for tests). */
GtkWidget        *loket_cooperative_page_get_form_row    (LoketCooperativePage *self,
                                                          const char           *field);
GtkWidget        *loket_cooperative_page_get_form_message (LoketCooperativePage *self,
                                                          const char           *field);

G_END_DECLS
