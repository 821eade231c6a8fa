/* loket-member-rows.h: the rows of the member list as the column view sees
 * them: one LoketMemberRow per position, kept across searches.
 *
 * GTK 4.8's list views make a widget for each item they show (up to 200
 * rows, six cells each) and destroy it when its item leaves the model. A new
 * search replaces every item, so each keystroke destroyed and rebuilt over a
 * thousand widgets (180 ms at a million members). Here a search changes what
 * the row objects hold (notify::member) and only the length of the model:
 * the widgets stay and their labels change. */
#pragma once

#include <gio/gio.h>

#include "loket-member-list.h"

G_BEGIN_DECLS

#define LOKET_TYPE_MEMBER_ROW (loket_member_row_get_type ())

G_DECLARE_FINAL_TYPE (LoketMemberRow, loket_member_row, LOKET, MEMBER_ROW, GObject)

/* The member at this row now; borrowed. Follow notify::member. */
LoketMember *loket_member_row_get_member (LoketMemberRow *self);

#define LOKET_TYPE_MEMBER_ROWS (loket_member_rows_get_type ())

G_DECLARE_FINAL_TYPE (LoketMemberRows, loket_member_rows, LOKET, MEMBER_ROWS, GObject)

LoketMemberRows *loket_member_rows_new (LoketMemberList *members);

G_END_DECLS
