/* loket-store-cooperatives.h: cooperatives, their officers, partnership
 * agreements (PKS) and agents (Agen Perisai) in the store (issue 4,
 * domain.md §6).
 *
 * (loket-store-cooperatives.c: cooperatives and officers;
 * loket-store-partnerships.c: PKS and agents.)
 *
 * Each write checks its record with the rules of loket-cooperative.h (every
 * problem, as LoketProblems, into *problems when not NULL: errors make it a
 * LOKET_ERROR_INVALID, warnings are kept for the caller to show), then writes
 * in one transaction; on any failure nothing is written. Records are
 * returned as new references, as saved. */
#pragma once

#include "loket-cooperative.h"
#include "loket-store.h"

G_BEGIN_DECLS

/* ---- cooperatives -------------------------------------------------------- */

/* Saves a new cooperative and its officers. An AHU number already held by
 * another cooperative is a LOKET_ERROR_CONFLICT naming it. */
LoketCooperative *loket_store_add_cooperative    (LoketStore              *self,
                                                  LoketCooperative        *draft,
                                                  const GDate             *today,
                                                  GPtrArray              **problems,
                                                  GError                 **error);
/* Saves the changes of the cooperative changed->id, its officers replaced by
 * changed->officers. LOKET_ERROR_NOT_FOUND when it is not there. */
LoketCooperative *loket_store_update_cooperative (LoketStore              *self,
                                                  LoketCooperative        *changed,
                                                  const GDate             *today,
                                                  GPtrArray              **problems,
                                                  GError                 **error);
/* One cooperative with its officers and member counts;
 * LOKET_ERROR_NOT_FOUND when there is none. */
LoketCooperative *loket_store_find_cooperative   (LoketStore              *self,
                                                  gint64                   id,
                                                  GError                 **error);
/* Every cooperative, by name, with its member counts but not its officers
 * (their array is empty): the list a branch watches coverage on. */
GPtrArray        *loket_store_list_cooperatives  (LoketStore              *self,
                                                  GError                 **error);
/* Adds one officer to the cooperative `cooperative_id`. */
LoketCooperativeOfficer *loket_store_add_officer (LoketStore              *self,
                                                  gint64                   cooperative_id,
                                                  LoketCooperativeOfficer *draft,
                                                  const GDate             *today,
                                                  GPtrArray              **problems,
                                                  GError                 **error);

/* ---- partnership agreements (PKS) --------------------------------------- */

/* Saves a PKS of draft->cooperative_id. The cooperative has at most one
 * active PKS: a new active one *replaces* the one active before, which is
 * marked ended in the same transaction (its dates stay as signed) and, when
 * `replaced` is not NULL, returned there (NULL when there was none). A PKS
 * recorded as ended (history) replaces nothing. The cooperative must exist
 * (LOKET_ERROR_NOT_FOUND) and, for an active PKS, be active; the number must
 * be new (LOKET_ERROR_CONFLICT); an assigned agent (draft->agent_kpj) must be
 * an agent (LOKET_ERROR_NOT_FOUND) and active, and is recorded as serving
 * the cooperative. */
LoketPartnership *loket_store_add_partnership    (LoketStore              *self,
                                                  LoketPartnership        *draft,
                                                  const GDate             *today,
                                                  LoketPartnership       **replaced,
                                                  GPtrArray              **problems,
                                                  GError                 **error);
/* The PKS history of a cooperative, the latest first. */
GPtrArray        *loket_store_list_partnerships  (LoketStore              *self,
                                                  gint64                   cooperative_id,
                                                  GError                 **error);
/* The PKS members of the cooperative are enrolled through on `on_date`
 * (transfer full, despite the name). When there is none in force it says
 * why: the cooperative missing or without any PKS is LOKET_ERROR_NOT_FOUND;
 * the cooperative inactive, its PKS not yet in force, or ended ("PKS … ended
 * on …; no new enrolments through it") is LOKET_ERROR_INVALID. Reads only,
 * so it may be called inside the caller's transaction. */
LoketPartnership *loket_store_get_active_partnership (LoketStore          *self,
                                                  gint64                   cooperative_id,
                                                  const GDate             *on_date,
                                                  GError                 **error);

/* ---- agents (Agen Perisai) ---------------------------------------------- */

/* Appoints the member draft->kpj as an agent, serving the cooperatives in
 * draft->cooperative_ids. The member must be registered
 * (LOKET_ERROR_NOT_FOUND), self-employed (BPU) and registered by the day of
 * appointment (LOKET_ERROR_INVALID), and not an agent already
 * (LOKET_ERROR_CONFLICT); each cooperative must exist
 * (LOKET_ERROR_NOT_FOUND). */
LoketAgent       *loket_store_add_agent          (LoketStore              *self,
                                                  LoketAgent              *draft,
                                                  const GDate             *today,
                                                  GPtrArray              **problems,
                                                  GError                 **error);
/* LOKET_ERROR_NOT_FOUND when no member has the KPJ or the member is not an
 * agent. */
LoketAgent       *loket_store_find_agent_by_kpj  (LoketStore              *self,
                                                  const char              *kpj,
                                                  GError                 **error);
/* The agents serving a cooperative, or every agent when cooperative_id is 0,
 * in order of appointment. */
GPtrArray        *loket_store_list_agents        (LoketStore              *self,
                                                  gint64                   cooperative_id,
                                                  GError                 **error);
/* The incentive of the agent with the KPJ for the month holding `month`:
 * the new members they brought (member.agent_id) registered in that month
 * and holding JKK and JKM, the contributions collected that month from the
 * members they brought (receipts paid in the month, not reversed), split by
 * each paid month's month of membership, and the rates of that month. */
gboolean          loket_store_compute_agent_incentive (LoketStore         *self,
                                                  const char              *kpj,
                                                  const GDate             *month,
                                                  LoketAgentIncentive     *out,
                                                  GError                 **error);

G_END_DECLS
