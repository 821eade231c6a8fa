/* loket-members-page.h: finding members as the clerk types. */
#pragma once

#include <adwaita.h>

#include "loket-store.h"

G_BEGIN_DECLS

#define LOKET_TYPE_MEMBERS_PAGE (loket_members_page_get_type ())

G_DECLARE_FINAL_TYPE (LoketMembersPage, loket_members_page, LOKET, MEMBERS_PAGE, AdwBin)

void        loket_members_page_set_store    (LoketMembersPage *self,
                                             LoketStore       *store,
                                             guint             search_limit);
/* Lists only the members of the cooperative `cooperative_id` (0: every
 * member) and runs the search again; another cooperative empties it. */
void        loket_members_page_set_cooperative (LoketMembersPage *self,
                                                gint64            cooperative_id);
/* Inside a page that scrolls: the list as tall as its rows, up to
 * `height` pixels (<= 0: it fills the page, as by default). */
void        loket_members_page_set_max_list_height (LoketMembersPage *self,
                                                    int               height);
/* In a narrow window only the KPJ, the name and the segment are shown. */
void        loket_members_page_set_compact  (LoketMembersPage *self,
                                             gboolean          compact);
void        loket_members_page_focus_search (LoketMembersPage *self);
/* Runs the search again, after a registration or an edit. */
void        loket_members_page_reload       (LoketMembersPage *self);
/* The search entry and the list, for the ui tests. */
GtkEditable *loket_members_page_get_search_entry (LoketMembersPage *self);
GListModel  *loket_members_page_get_results (LoketMembersPage *self);

G_END_DECLS
