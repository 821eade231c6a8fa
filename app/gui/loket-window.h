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

/* Signs the staff member out and covers the window until someone signs in
 * (Ctrl+L; also after the idle time). Nothing happens on a database
 * without accounts. */
void         loket_window_lock            (LoketWindow *self);
/* At start: the sign-in screen, or on a database with no account yet, the
 * creation of the first supervisor. */
void         loket_window_require_sign_in (LoketWindow *self);
gboolean     loket_window_is_locked       (LoketWindow *self);
/* Locks the window when nobody has pressed a key or clicked for the idle
 * time (security.idle_minutes) as of `now` (monotonic µs); TRUE when it
 * locked. A timer calls it every half minute; tests call it with a later
 * `now`. */
gboolean     loket_window_check_idle      (LoketWindow *self,
                                           gint64       now);

G_END_DECLS
