/* loket-text.h: comparing what people type. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A key for comparing names and words: accents removed ("Dédé" → "dede"),
 * case folded, runs of whitespace made one space, ends trimmed. Returns NULL
 * for NULL or invalid UTF-8. */
char *loket_text_fold (const char *text);

/* Whitespace trimmed at both ends and runs of it made one space; NULL for
 * NULL or invalid UTF-8. For names as they are stored and printed. */
char *loket_text_tidy (const char *text);

G_END_DECLS
