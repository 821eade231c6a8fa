/* loket-field-message.h: a row of a form that only shows something: the
 * message under a field, or a line of the contribution.
 *
 * It never takes the focus, and hands Tab on to the next row instead: a
 * GtkListBox moves Tab to the next sensitive row and gives up on the whole
 * list when that row takes no focus, which would skip every field below a
 * message. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LOKET_TYPE_FIELD_MESSAGE (loket_field_message_get_type ())

G_DECLARE_FINAL_TYPE (LoketFieldMessage, loket_field_message, LOKET, FIELD_MESSAGE, AdwActionRow)

typedef enum {
  LOKET_FIELD_MESSAGE_ERROR,
  LOKET_FIELD_MESSAGE_WARNING,
  LOKET_FIELD_MESSAGE_HINT,   /* not a problem: what the form waits for */
} LoketFieldMessageKind;

/* Hidden until it has a message. The title is shown as typed, never as
 * markup: messages quote what the clerk typed, which may hold '<' or '&'. */
GtkWidget *loket_field_message_new         (void);
/* Shows `text` with the icon and colour of `kind`; NULL hides the row. */
void       loket_field_message_set_message (LoketFieldMessage     *self,
                                            LoketFieldMessageKind  kind,
                                            const char            *text);

G_END_DECLS
