/* loket-member-page.h: one member: every field, programs and contribution,
 * and editing them through the core. */
#pragma once

#include <adwaita.h>

#include "loket-store.h"

G_BEGIN_DECLS

#define LOKET_TYPE_MEMBER_PAGE (loket_member_page_get_type ())

G_DECLARE_FINAL_TYPE (LoketMemberPage, loket_member_page, LOKET, MEMBER_PAGE, AdwBin)

void         loket_member_page_set_store  (LoketMemberPage *self,
                                           LoketStore      *store);
void         loket_member_page_set_member (LoketMemberPage *self,
                                           LoketMember     *member);
/* The member shown, borrowed; NULL before one is set. */
LoketMember *loket_member_page_get_member (LoketMemberPage *self);
/* The edit form, for tests. */
struct _LoketMemberForm *loket_member_page_get_form (LoketMemberPage *self);
/* "view" or "edit". */
const char  *loket_member_page_get_mode   (LoketMemberPage *self);
/* For the header: the member's name and KPJ. */
const char  *loket_member_page_get_title  (LoketMemberPage *self);

G_END_DECLS
