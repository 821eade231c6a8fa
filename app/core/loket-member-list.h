/* loket-member-list.h: the members a search finds, as a GListModel whose
 * rows load from the store only when asked for, a page at a time, so that a
 * list of every member of a million-member branch stays light. The window's
 * member list binds to it; it never runs SQL itself but asks the store. */
#pragma once

#include <gio/gio.h>

#include "loket-store.h"

G_BEGIN_DECLS

#define LOKET_TYPE_MEMBER_LIST (loket_member_list_get_type ())

G_DECLARE_FINAL_TYPE (LoketMemberList, loket_member_list, LOKET, MEMBER_LIST, GObject)

/* `search_limit`: at most this many matches for a search; blank text lists
 * every member, the latest registered first, without limit. */
LoketMemberList *loket_member_list_new            (LoketStore      *store,
                                                   guint            search_limit);
/* Runs the search and replaces the items (one items-changed). */
gboolean         loket_member_list_set_query      (LoketMemberList *self,
                                                   const char      *text,
                                                   GError         **error);
/* Limits the search to the members of the cooperative `cooperative_id`
 * (0: every member) and runs the query again. */
gboolean         loket_member_list_set_cooperative (LoketMemberList *self,
                                                    gint64           cooperative_id,
                                                    GError         **error);
gint64           loket_member_list_get_cooperative (LoketMemberList *self);
const char      *loket_member_list_get_query      (LoketMemberList *self);
/* TRUE when the search found more than the limit shows. */
gboolean         loket_member_list_is_truncated   (LoketMemberList *self);
/* TRUE when the query is blank: every member (of the cooperative, when
 * one is set) is listed. */
gboolean         loket_member_list_is_everyone    (LoketMemberList *self);
/* Runs the current query again, after a registration or an edit. */
gboolean         loket_member_list_reload         (LoketMemberList *self,
                                                   GError         **error);
/* How many rows are loaded now: for tests and the memory benchmark. */
guint            loket_member_list_get_n_loaded   (LoketMemberList *self);

G_END_DECLS
