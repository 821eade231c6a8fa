/* loket-contribution-view.h: the contribution (iuran) a member will pay, as
 * the registration form shows it while the clerk types.
 *
 * A preferences group: the choice of the months to pay ahead for, then a
 * row for each program with how its amount was reached, and the totals; or,
 * in their place, why there is nothing to show yet. What the amounts are is
 * the core's (loket_contribution_compute); the view only lays them out. */
#pragma once

#include <adwaita.h>

#include "loket-contribution.h"

G_BEGIN_DECLS

#define LOKET_TYPE_CONTRIBUTION_VIEW (loket_contribution_view_get_type ())

G_DECLARE_FINAL_TYPE (LoketContributionView, loket_contribution_view, LOKET, CONTRIBUTION_VIEW, AdwPreferencesGroup)

/* The months the clerk chose to pay ahead for: 1, 3, 6 or 12. */
int          loket_contribution_view_get_months     (LoketContributionView          *self);
/* The row they are chosen in, borrowed; its "selected" is the position of
 * the months among the four, 0 for one month. */
AdwComboRow *loket_contribution_view_get_months_row (LoketContributionView          *self);
/* What `request` costs by the rates in `book`: the monthly amount of each
 * program, the monthly total and, paying ahead, the total for the months;
 * or the core's error when it cannot be priced (a rate that is missing). */
void         loket_contribution_view_show           (LoketContributionView          *self,
                                                     LoketRateBook                  *book,
                                                     const LoketContributionRequest *request);
/* In place of the contribution, what it waits for ("once the income is
 * typed"); NULL shows nothing at all. */
void         loket_contribution_view_show_hint      (LoketContributionView          *self,
                                                     const char                     *hint);

G_END_DECLS
