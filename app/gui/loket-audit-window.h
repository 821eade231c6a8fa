/* loket-audit-window.h: the audit trail for the supervisor: every change,
 * newest first, who made it and what it changed, filtered by record type or
 * staff member; and the check that the chain is whole and no record was
 * changed outside Loket. */
#pragma once

#include <adwaita.h>

#include "loket-store.h"

G_BEGIN_DECLS

#define LOKET_TYPE_AUDIT_WINDOW (loket_audit_window_get_type ())

G_DECLARE_FINAL_TYPE (LoketAuditWindow, loket_audit_window, LOKET, AUDIT_WINDOW, AdwWindow)

LoketAuditWindow *loket_audit_window_new     (GtkWindow        *parent,
                                              LoketStore       *store);
/* For the tests: the entries listed, the verdict shown after a check. */
guint             loket_audit_window_get_count  (LoketAuditWindow *self);
gboolean          loket_audit_window_verify     (LoketAuditWindow *self);
const char       *loket_audit_window_get_message (LoketAuditWindow *self);

G_END_DECLS
