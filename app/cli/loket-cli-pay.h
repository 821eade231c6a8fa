/* loket-cli-pay.h: what the payment verbs share (loket-cli-pay.c). */
#pragma once

#include "loket-cli.h"
#include "loket-store-payments.h"

G_BEGIN_DECLS

/* "name": "YYYY-MM", or null for a cleared date. */
void     loket_cli_json_add_month        (JsonBuilder          *builder,
                                          const char           *name,
                                          const GDate          *month);
/* The member, months, lines, total and covered_until of a payment. */
void     loket_cli_json_add_payment      (JsonBuilder          *builder,
                                          LoketPayment         *payment);
/* The receipt's number, day, channel, reference, clerk, payer and
 * reversal, without its payments. */
void     loket_cli_json_add_receipt      (JsonBuilder          *builder,
                                          LoketReceipt         *receipt);
/* --months, --from, --channel, --ref and --amount into a request, the clerk
 * from --user. */
gboolean loket_cli_parse_payment_options (LoketCli             *cli,
                                          LoketCliArgs         *args,
                                          LoketPaymentRequest  *request,
                                          GError              **error);

G_END_DECLS
