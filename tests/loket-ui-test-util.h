/* loket-ui-test-util.h: what the ui tests share. They run under xvfb-run
 * (suite 'ui'), drive the real widgets, and can save what they see. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* gtk_test_init and adw_init, in Indonesian as the app starts. */
void     loket_ui_test_init       (int         *argc,
                                   char      ***argv);
/* Lets the main loop run for `ms` milliseconds: layout, idles, timeouts. */
void     loket_ui_test_wait       (guint        ms);
/* Runs the main loop until `done` says so, or fails after `timeout_ms`. */
void     loket_ui_test_wait_until (gboolean   (*done) (gpointer data),
                                   gpointer     data,
                                   guint        timeout_ms);
/* Renders `widget` as it is on screen into $LOKET_SCREENSHOT_DIR/NAME.png
 * when that variable is set (the README's screenshots come from here), and
 * returns the texture so a test can check it was drawn. */
GdkTexture *loket_ui_test_snapshot (GtkWidget  *widget,
                                    const char *name);
/* The visible texts under `root` (labels, buttons, row titles, status
 * pages, placeholders, tooltips) still in English although the catalogue
 * translates them, joined by ", "; "" when there are none. */
char    *loket_ui_test_find_untranslated (GtkWidget *root);

/* The first widget of `type` under `root`, depth first; NULL when none. */
GtkWidget *loket_ui_test_find    (GtkWidget *root,
                                  GType      type);

/* The first open window of `type` (a dialog, the print preview…); NULL
 * when none. */
GtkWindow *loket_ui_test_find_window (GType      type);

G_END_DECLS
