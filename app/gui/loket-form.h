/* loket-form.h: a simple form built in code: groups of rows, each field with
 * the message under it (LoketFieldMessage), a line for problems that belong
 * to no field, and Cancel and Save buttons bound to actions.
 *
 * Not a widget class: loket_form_new() returns the form's widget, which owns
 * the LoketForm (freed with it). Fields are found by the names the core
 * gives its problems ("number", "valid_until", …), so the core's problems
 * land under their fields (loket_form_show_problems). */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

typedef struct _LoketForm LoketForm;

/* The form's widget (a scrolled page), with `title` at its top and buttons
 * activating `cancel_action` and `save_action`. */
LoketForm  *loket_form_new            (const char  *title,
                                       const char  *save_label,
                                       const char  *cancel_action,
                                       const char  *save_action);
GtkWidget  *loket_form_get_widget     (LoketForm   *self);
/* Starts a new group of rows titled `title` (nullable). */
void        loket_form_add_group      (LoketForm   *self,
                                       const char  *title);
/* An AdwEntryRow for `field`, with its message under it. */
GtkWidget  *loket_form_add_entry      (LoketForm   *self,
                                       const char  *field,
                                       const char  *title);
/* A LoketWholeComboRow offering `items` (NULL-terminated). */
GtkWidget  *loket_form_add_combo      (LoketForm   *self,
                                       const char  *field,
                                       const char  *title,
                                       const char  *const *items);
/* Any row, with a message under it when `field` is not NULL. */
void        loket_form_add_row        (LoketForm   *self,
                                       const char  *field,
                                       GtkWidget   *row);
GtkWidget  *loket_form_get_row        (LoketForm   *self,
                                       const char  *field);
GtkWidget  *loket_form_get_message    (LoketForm   *self,
                                       const char  *field);
/* The field's text stripped, NULL when empty. */
char       *loket_form_dup_text       (LoketForm   *self,
                                       const char  *field);
void        loket_form_set_text       (LoketForm   *self,
                                       const char  *field,
                                       const char  *text);
guint       loket_form_get_selected   (LoketForm   *self,
                                       const char  *field);
void        loket_form_set_selected   (LoketForm   *self,
                                       const char  *field,
                                       guint        selected);
void        loket_form_clear_messages (LoketForm   *self);
/* An error (or a warning when `warning`) under `field`, or in the form's
 * general line when no such field is shown. */
void        loket_form_show_message   (LoketForm   *self,
                                       const char  *field,
                                       gboolean     warning,
                                       const char  *text);
/* Every LoketProblem of `problems` under its field. */
void        loket_form_show_problems  (LoketForm   *self,
                                       GPtrArray   *problems);
/* Focuses the first field shown in error, which scrolls it into view. */
void        loket_form_focus_error    (LoketForm   *self);
/* Empties every entry and selects the first item of every combo. */
void        loket_form_reset          (LoketForm   *self);
/* Focuses the first field. */
void        loket_form_focus          (LoketForm   *self);

G_END_DECLS
