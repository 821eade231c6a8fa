/* loket-rows.h: the rows the pages fill in from the core's figures: a
 * title, a subtitle and a value at the end, in a group that is emptied and
 * filled again each time the figures change. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* A row with `value` (may be NULL) right-aligned in tabular figures. */
GtkWidget *loket_value_row_new     (const char          *title,
                                    const char          *subtitle,
                                    const char          *value);
/* The same with a Rupiah amount. */
GtkWidget *loket_amount_row_new    (const char          *title,
                                    const char          *subtitle,
                                    gint64               amount);
/* Adds a row that loket_group_clear will take away again. */
void       loket_group_add_row     (AdwPreferencesGroup *group,
                                    GtkWidget           *row);
/* loket_group_add_row of a loket_value_row_new or loket_amount_row_new. */
void       loket_group_add_value   (AdwPreferencesGroup *group,
                                    const char          *title,
                                    const char          *subtitle,
                                    const char          *value);
void       loket_group_add_amount  (AdwPreferencesGroup *group,
                                    const char          *title,
                                    const char          *subtitle,
                                    gint64               amount);
/* Takes away the rows added with loket_group_add_row, and the description. */
void       loket_group_clear       (AdwPreferencesGroup *group);

G_END_DECLS
