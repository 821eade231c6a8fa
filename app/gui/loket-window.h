/* loket-window.h: the counter window: a sidebar of sections and the
 * section shown. */
#pragma once

#include <adwaita.h>

#include "loket-store.h"
#include "loket-member.h"

G_BEGIN_DECLS

#define LOKET_TYPE_WINDOW (loket_window_get_type ())

G_DECLARE_FINAL_TYPE (LoketWindow, loket_window, LOKET, WINDOW, AdwApplicationWindow)

/* `application` and `settings` may be NULL (tests); `store` may not. */
LoketWindow *loket_window_new           (GtkApplication   *application,
                                         LoketStore       *store,
                                         GSettings        *settings);
/* Shows a section by name: "members", "cooperatives", "payments",
 * "claims", "reports". */
void         loket_window_show_section  (LoketWindow      *self,
                                         const char       *name);
void         loket_window_show_register (LoketWindow      *self);
void         loket_window_show_member   (LoketWindow      *self,
                                         LoketMember      *member);
void         loket_window_show_search   (LoketWindow      *self);
/* The cooperative `id`'s page, in the cooperatives section. */
void         loket_window_show_cooperative (LoketWindow   *self,
                                         gint64            id);
/* The import of the cooperative `id`'s member list, at its first step. */
void         loket_window_show_import   (LoketWindow      *self,
                                         gint64            id);
/* "search", "register" or "member" in the members section; "cooperatives",
 * "cooperative" or "import" in the cooperatives section; else the
 * section's name: what the clerk is looking at. */
const char  *loket_window_get_page_name (LoketWindow      *self);
void         loket_window_add_toast     (LoketWindow      *self,
                                         const char       *text);

/* The payment section, with `member` chosen (NULL: an empty search). */
void         loket_window_show_payment    (LoketWindow *self,
                                           LoketMember *member);

G_END_DECLS
