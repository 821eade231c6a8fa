/* loket-store-cards.h: the log of membership cards printed (issue 5).
 *
 * Every card that left Loket, on a printer or as a saved PDF, is logged:
 * who, when, where to, which members, and for each member whether it was
 * their first card or a reprint and why. The log is written only after the
 * PDF was actually sent, so it never claims a card that did not come out. */
#pragma once

#include "loket-store.h"

G_BEGIN_DECLS

/* Why a member's card is printed again. A first card has none. */
typedef enum {
  LOKET_REPRINT_NONE,
  LOKET_REPRINT_LOST,
  LOKET_REPRINT_DAMAGED,
  LOKET_REPRINT_DATA_CHANGED,
} LoketReprintReason;

#define LOKET_REPRINT_REASON_COUNT (LOKET_REPRINT_DATA_CHANGED + 1)

typedef enum {
  LOKET_CARD_DESTINATION_PRINTER,
  LOKET_CARD_DESTINATION_FILE,
} LoketCardDestination;

/* "lost", "damaged", "data-changed"; NULL for none. */
const char         *loket_reprint_reason_code  (LoketReprintReason reason);
/* The translated name: "Hilang", "Rusak", "Data berubah"; "Cetak pertama"
 * for none. */
const char         *loket_reprint_reason_label (LoketReprintReason reason);
/* Reads a code (any case); FALSE for anything else. */
gboolean            loket_reprint_reason_parse (const char         *code,
                                                LoketReprintReason *out);

/* One member's card on one print job. */
typedef struct {
  gint64               job_id;
  GDateTime           *printed_at;   /* owned, local time */
  char                *clerk;
  LoketCardDestination destination;
  char                *target;       /* the printer's name or the file's path */
  gboolean             sheet;        /* printed on an A4 sheet */
  LoketReprintReason   reason;
} LoketCardPrint;

void loket_card_print_free (LoketCardPrint *print);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoketCardPrint, loket_card_print_free)

typedef struct {
  const char           *clerk;
  LoketCardDestination  destination;
  const char           *target;
  gboolean              sheet;
  gboolean              back;
  /* Given to every member of the job who had a card before; ignored for
   * the others. Required when any of them had one. */
  LoketReprintReason    reason;
} LoketCardPrintJob;

/* Of `member_ids`, the ids of those who already have a card, in the order
 * given: the ones a reprint reason is asked for. */
GArray    *loket_store_dup_members_with_card (LoketStore              *self,
                                              const gint64            *member_ids,
                                              guint                    n_member_ids,
                                              GError                 **error);
/* The members of a cooperative (LoketMember *), in registration order, as
 * its list had them: everyone, or with `only_without_card` those who never
 * had a card ("cetak kartu yang belum punya"). */
GPtrArray *loket_store_load_cooperative_card_members (LoketStore *self,
                                              gint64                   cooperative_id,
                                              gboolean                 only_without_card,
                                              GError                 **error);
/* Logs one job in one transaction, after the PDF was sent. A member who had
 * a card before and a job without a reason is a LOKET_ERROR_INVALID naming
 * the member, and nothing is logged; so is an unknown member. Returns the
 * job's id, 0 on failure. */
gint64     loket_store_log_card_print        (LoketStore              *self,
                                              const LoketCardPrintJob *job,
                                              const gint64            *member_ids,
                                              guint                    n_member_ids,
                                              GError                 **error);
/* A member's cards, the latest first (LoketCardPrint *); empty when none. */
GPtrArray *loket_store_list_card_prints      (LoketStore              *self,
                                              gint64                   member_id,
                                              GError                 **error);

/* The correction a printer needs for A4 card sheets, in millimetres, right
 * and down positive, kept per printer in the database's settings. Each is
 * between -LOKET_CARD_OFFSET_MAX_MM and +LOKET_CARD_OFFSET_MAX_MM; anything
 * else is a LOKET_ERROR_INVALID naming the printer. A printer never set
 * reads as 0, 0. */
#define LOKET_CARD_OFFSET_MAX_MM 20.0

gboolean   loket_store_get_card_printer_offset (LoketStore           *self,
                                              const char              *printer,
                                              double                  *x_mm,
                                              double                  *y_mm);
gboolean   loket_store_set_card_printer_offset (LoketStore           *self,
                                              const char              *printer,
                                              double                   x_mm,
                                              double                   y_mm,
                                              GError                 **error);

G_END_DECLS
