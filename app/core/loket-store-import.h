/* loket-store-import.h: the store's side of a collective enrolment (issue
 * 4): the reads of the dry run and the one-transaction write of the commit.
 * loket-import.c is its caller; the CLI and the window go through
 * loket-import.h. */
#pragma once

#include <gio/gio.h>

#include "loket-import.h"
#include "loket-store.h"

G_BEGIN_DECLS

/* Checks that the cooperative is active and that the PKS of the terms is
 * the one its members are enrolled through on `today`
 * (loket_store_get_active_partnership), and that the agent, when there is
 * one, is active: LOKET_ERROR_NOT_FOUND or LOKET_ERROR_INVALID saying which
 * otherwise. Reads only. */
gboolean  loket_store_import_check_terms (LoketStore             *self,
                                          const LoketImportTerms *terms,
                                          const GDate            *today,
                                          GError                **error);

/* The member registered with a NIK, as much as the dry run needs. */
typedef struct {
  gint64    id;              /* 0 when nobody has the NIK */
  char     *kpj;             /* owned */
  char     *name;            /* owned */
  GDate     birth_date;
  gboolean  in_cooperative;  /* already linked to the cooperative asked about */
} LoketStoreNikHolder;

gboolean  loket_store_import_find_nik    (LoketStore             *self,
                                          const char             *nik,
                                          gint64                  cooperative_id,
                                          LoketStoreNikHolder    *holder,
                                          GError                **error);
void      loket_store_nik_holder_clear   (LoketStoreNikHolder    *holder);

/* One row to enrol: a draft the registration rules have checked. */
typedef struct {
  LoketMember *member;      /* borrowed; when registered, its id, kpj and
                             * registered_on are set */
  gint64       member_id;   /* out: the member registered, or the one who
                             * already held the NIK */
  char        *kpj;         /* out, owned */
  gboolean     registered;  /* out: registered by this import */
  gboolean     linked;      /* out: newly linked to the cooperative */
} LoketStoreImportItem;

void      loket_store_import_item_clear  (LoketStoreImportItem   *item);

/* In one transaction: checks the terms again, looks every NIK up again,
 * registers those nobody holds (KPJs taken for the batch at once, the name
 * index filled in one statement), and links everyone to the cooperative
 * (via "import" for the new members, "linked" for the others). The new
 * members, their programs and their links are audited as one batch entry
 * (action "import", naming `source_name`, the file; may be NULL) rather than
 * row by row; the links of members already registered are audited one by
 * one. On failure,
 * or when `cancellable` is cancelled, everything is rolled back and the
 * items are left as they came. */
gboolean  loket_store_import_members     (LoketStore             *self,
                                          const LoketImportTerms *terms,
                                          const char             *source_name,
                                          LoketStoreImportItem   *items,
                                          guint                   n_items,
                                          const GDate            *today,
                                          GCancellable           *cancellable,
                                          LoketImportProgress     progress,
                                          gpointer                user_data,
                                          GError                **error);

G_END_DECLS
