/* loket-store.h: the one object that reads and writes the database.
 *
 * One SQLite file: WAL, foreign keys on, synchronous=FULL, schema migrations
 * numbered by PRAGMA user_version, each run in a transaction. A database
 * written by a newer Loket is refused before anything in it is touched.
 * Every write of the application goes through here, each multi-row change in
 * one transaction. A store is used from one thread at a time. */
#pragma once

#include <glib-object.h>

#include "loket-member.h"
#include "loket-rates.h"

G_BEGIN_DECLS

#define LOKET_TYPE_STORE (loket_store_get_type ())

G_DECLARE_FINAL_TYPE (LoketStore, loket_store, LOKET, STORE, GObject)

/* The schema version this Loket writes. */
#define LOKET_STORE_SCHEMA_VERSION 10

/* Setting keys kept in the database, so they travel with it. */
#define LOKET_SETTING_BRANCH_NAME  "branch.name"
#define LOKET_SETTING_BRANCH_CODE  "branch.code"
#define LOKET_SETTING_KPJ_PREFIX   "branch.kpj_prefix"
/* "1" prints the whole NIK on membership cards; otherwise only its last 4. */
#define LOKET_SETTING_CARD_SHOW_NIK "card.show_nik"

/* $XDG_DATA_HOME/loket/loket.db */
char          *loket_store_default_path     (void);

/* Creates the file (mode 0600, its folder 0700) when missing, migrates it to
 * the current schema, and loads the shipped default rates on first run. */
LoketStore    *loket_store_open             (const char   *path,
                                             GError      **error);
const char    *loket_store_get_path         (LoketStore   *self);
int            loket_store_get_schema_version (LoketStore *self);

char          *loket_store_dup_setting      (LoketStore   *self,
                                             const char   *key);
gboolean       loket_store_set_setting      (LoketStore   *self,
                                             const char   *key,
                                             const char   *value,
                                             GError      **error);

/* The rates and lists in force, as a book; cached until rates change. */
LoketRateBook *loket_store_dup_rate_book    (LoketStore   *self,
                                             GError      **error);

/* Registers a draft: checks it against the registration rules (every
 * problem, as LoketProblems, into *problems when not NULL), refuses a NIK
 * already registered (LOKET_ERROR_CONFLICT naming its KPJ) and, unless
 * confirm_duplicate, a probable duplicate (LOKET_ERROR_PROBABLE_DUPLICATE; the
 * members it resembles go into *similar when not NULL). On success, returns
 * the saved member with its new KPJ; on failure nothing is written. */
LoketMember   *loket_store_register_member  (LoketStore   *self,
                                             LoketMember  *draft,
                                             const GDate  *today,
                                             gboolean      confirm_duplicate,
                                             GPtrArray   **problems,
                                             GPtrArray   **similar,
                                             GError      **error);

/* Saves the changes of a registered member (found by changed->id) under the
 * same rules as registration, ages judged on the registration date. The NIK
 * cannot change here (LOKET_ERROR_INVALID). Returns the member as saved. */
LoketMember   *loket_store_update_member    (LoketStore   *self,
                                             LoketMember  *changed,
                                             const GDate  *today,
                                             GPtrArray   **problems,
                                             GError      **error);

/* NULL with LOKET_ERROR_NOT_FOUND when there is none. */
LoketMember   *loket_store_find_member_by_kpj (LoketStore *self,
                                             const char   *kpj,
                                             GError      **error);
/* The member a scanned card's QR names (loket-card-payload.h): a code that
 * fails its check is a LOKET_ERROR_INVALID saying so, a member not here
 * LOKET_ERROR_NOT_FOUND. */
LoketMember   *loket_store_find_member_by_card (LoketStore *self,
                                             const char   *payload,
                                             GError      **error);
/* The member a clerk names by a scanned card, a KPJ or a NIK typed whole
 * (spaces, dots and dashes between the groups ignored). A KPJ that is not
 * well formed is a LOKET_ERROR_INVALID saying what is wrong; nobody with it
 * LOKET_ERROR_NOT_FOUND. */
LoketMember   *loket_store_find_member_by_reference (LoketStore *self,
                                             const char   *text,
                                             GError      **error);
LoketMember   *loket_store_find_member_by_nik (LoketStore *self,
                                             const char   *nik,
                                             GError      **error);
/* Members whose name and birth date match but whose NIK differs. */
GPtrArray     *loket_store_find_similar_members (LoketStore *self,
                                             const char   *name,
                                             const GDate  *birth_date,
                                             const char   *nik,
                                             GError      **error);

/* Search as you type: digits find NIKs and KPJs starting with them, words
 * find names with words starting with each (accents and case ignored). At
 * most `limit` members (0: no limit), in registration order. Blank text
 * means every member, the latest registered first. Returns the ids only, so
 * a long list costs eight bytes a member until its rows are loaded. */
GArray        *loket_store_dup_member_ids   (LoketStore   *self,
                                             const char   *text,
                                             guint         limit,
                                             GError      **error);
/* The same search among the members of the cooperative `cooperative_id`
 * only (0: everyone, as loket_store_dup_member_ids). Blank text means all
 * its members, the latest registered first. */
GArray        *loket_store_dup_cooperative_member_ids (LoketStore *self,
                                                       gint64      cooperative_id,
                                                       const char *text,
                                                       guint       limit,
                                                       GError    **error);
/* The members of `ids`, in that order; ids that no longer exist are left
 * out. */
GPtrArray     *loket_store_load_members     (LoketStore   *self,
                                             const gint64 *ids,
                                             guint         n_ids,
                                             GError      **error);
/* How many members there are and their lowest and highest ids (0 and 0
 * when there are none): when count = highest - lowest + 1, the ids have no
 * gaps and a list of everyone needs no id array. */
gboolean       loket_store_get_member_id_span (LoketStore *self,
                                             gint64       *count,
                                             gint64       *lowest,
                                             gint64       *highest,
                                             GError      **error);
/* The ids of loket_store_dup_member_ids, loaded; nothing for blank text. */
GPtrArray     *loket_store_search_members   (LoketStore   *self,
                                             const char   *text,
                                             guint         limit,
                                             GError      **error);
gint64         loket_store_count_members    (LoketStore   *self,
                                             GError      **error);

G_END_DECLS
