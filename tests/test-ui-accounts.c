/* test-ui-accounts.c: who is at the counter. The first start makes the
 * first supervisor; Ctrl+L and the idle time lock the window; a wrong
 * password is refused and the window stays locked; a clerk's payment is
 * recorded under her own name. */
#include <adwaita.h>
#include <string.h>

#include "loket-accounts.h"
#include "loket-audit-window.h"
#include "loket-lock-screen.h"
#include "loket-test-util.h"
#include "loket-ui-test-util.h"
#include "loket-window.h"

typedef struct {
  LoketStore      *store;
  LoketWindow     *window;
  LoketLockScreen *lock;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->store = loket_test_open_store (NULL);
  loket_store_set_setting (fixture->store, LOKET_SETTING_BRANCH_NAME, "KCP Selong", NULL);
  fixture->window = loket_window_new (NULL, fixture->store, NULL);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1100, 720);
  loket_window_require_sign_in (fixture->window);
  gtk_window_present (GTK_WINDOW (fixture->window));
  fixture->lock = LOKET_LOCK_SCREEN (loket_ui_test_find (GTK_WIDGET (fixture->window), LOKET_TYPE_LOCK_SCREEN));
  g_assert_nonnull (fixture->lock);
  loket_ui_test_wait (200);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  loket_ui_test_wait (50);
  g_assert_finalize_object (fixture->store);
}

static void
test_first_start_lock_and_idle (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *untranslated = NULL;
  const LoketStaff *staff;

  /* The first start: no account yet, so the first supervisor is made. */
  g_assert_true (loket_window_is_locked (fixture->window));
  g_assert_cmpint (loket_lock_screen_get_mode (fixture->lock), ==, LOKET_LOCK_FIRST_SUPERVISOR);
  untranslated = loket_ui_test_find_untranslated (GTK_WIDGET (fixture->lock));
  g_assert_cmpstr (untranslated, ==, "");
  loket_ui_test_snapshot (GTK_WIDGET (fixture->window), "first-supervisor");

  /* A password too short is refused, and the window stays locked. */
  loket_lock_screen_fill (fixture->lock, "made", "pendek");
  g_assert_false (loket_lock_screen_submit (fixture->lock));
  g_assert_nonnull (loket_lock_screen_get_message (fixture->lock));
  g_assert_true (loket_window_is_locked (fixture->window));

  loket_lock_screen_fill (fixture->lock, "made", "rahasia-cabang-52");
  g_assert_true (loket_lock_screen_submit (fixture->lock));
  g_assert_false (loket_window_is_locked (fixture->window));
  staff = loket_store_get_session (fixture->store);
  g_assert_nonnull (staff);
  g_assert_cmpstr (staff->username, ==, "made");
  g_assert_cmpint (staff->role, ==, LOKET_ROLE_SUPERVISOR);

  /* Ctrl+L: signed out and locked. A wrong password keeps it locked. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.lock", NULL));
  g_assert_true (loket_window_is_locked (fixture->window));
  g_assert_null (loket_store_get_session (fixture->store));
  g_assert_cmpint (loket_lock_screen_get_mode (fixture->lock), ==, LOKET_LOCK_SIGN_IN);
  /* Ctrl+N does nothing behind the lock screen. */
  g_assert_cmpstr (loket_window_get_page_name (fixture->window), ==, "search");
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.register", NULL);
  g_assert_cmpstr (loket_window_get_page_name (fixture->window), ==, "search");
  g_assert_true (loket_window_is_locked (fixture->window));
  loket_lock_screen_fill (fixture->lock, "made", "salah-sandi");
  g_assert_false (loket_lock_screen_submit (fixture->lock));
  g_assert_true (loket_window_is_locked (fixture->window));
  g_assert_nonnull (loket_lock_screen_get_message (fixture->lock));
  loket_ui_test_wait (200);
  loket_ui_test_snapshot (GTK_WIDGET (fixture->window), "sign-in");
  loket_lock_screen_fill (fixture->lock, "made", "rahasia-cabang-52");
  g_assert_true (loket_lock_screen_submit (fixture->lock));
  g_assert_false (loket_window_is_locked (fixture->window));

  /* Left alone past the idle time (10 minutes unless changed): locked. */
  g_assert_false (loket_window_check_idle (fixture->window, g_get_monotonic_time ()));
  g_assert_true (loket_window_check_idle (fixture->window, g_get_monotonic_time () + 11 * 60 * G_USEC_PER_SEC));
  g_assert_true (loket_window_is_locked (fixture->window));
  g_assert_null (loket_store_get_session (fixture->store));
}

static gboolean
shows_text (GtkWidget  *root,
            const char *text)
{
  if (GTK_IS_LABEL (root) && strstr (gtk_label_get_text (GTK_LABEL (root)), text) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_text (child, text))
      return TRUE;
  return FALSE;
}

/* The supervisor reads the trail: the registration just made is there
 * under her name, and the chain checks out. A clerk may not open it. */
static void
test_audit_trail (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LoketStaff) clerk = NULL;
  g_autoptr(LoketMember) member = NULL;
  LoketAuditWindow *audit;

  loket_lock_screen_fill (fixture->lock, "made", "rahasia-cabang-52");
  g_assert_true (loket_lock_screen_submit (fixture->lock));
  member = loket_test_register (fixture->store, "5203015205900002", "Baiq Nurul Aini", "1990-05-12", 'P',
                                "2026-11-23");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.audit", NULL));
  loket_ui_test_wait (200);
  audit = LOKET_AUDIT_WINDOW (loket_ui_test_find_window (LOKET_TYPE_AUDIT_WINDOW));
  g_assert_nonnull (audit);
  g_assert_cmpuint (loket_audit_window_get_count (audit), >, 0);
  /* The member is there, her NIK masked as in every list. */
  g_assert_true (shows_text (GTK_WIDGET (audit), "Baiq Nurul Aini"));
  g_assert_true (shows_text (GTK_WIDGET (audit), "************0002"));
  g_assert_false (shows_text (GTK_WIDGET (audit), "5203015205900002"));
  g_assert_true (loket_audit_window_verify (audit));
  g_assert_nonnull (loket_audit_window_get_message (audit));
  {
    g_autofree char *untranslated = loket_ui_test_find_untranslated (GTK_WIDGET (audit));

    g_assert_cmpstr (untranslated, ==, "");
  }
  loket_ui_test_wait (100);
  loket_ui_test_snapshot (GTK_WIDGET (audit), "audit-trail");
  gtk_window_destroy (GTK_WINDOW (audit));

  /* A clerk: refused, and the refusal is itself on the trail. */
  clerk = loket_store_add_account (fixture->store, "sri", "Sri Wahyuni", LOKET_ROLE_PETUGAS, "loket-petugas-1", &error);
  g_assert_no_error (error);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.lock", NULL));
  loket_lock_screen_fill (fixture->lock, "sri", "loket-petugas-1");
  g_assert_true (loket_lock_screen_submit (fixture->lock));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.audit", NULL));
  loket_ui_test_wait (100);
  g_assert_null (LOKET_AUDIT_WINDOW (loket_ui_test_find_window (LOKET_TYPE_AUDIT_WINDOW)));
}

/* A database with accounts opens locked, even without the application. */
static void
test_opens_locked (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LoketStaff) made = loket_store_create_first_supervisor (fixture->store, "made", NULL,
                                                                    "rahasia-cabang-52", &error);
  LoketWindow *second;

  g_assert_no_error (error);
  second = loket_window_new (NULL, fixture->store, NULL);
  g_assert_true (loket_window_is_locked (second));
  gtk_window_destroy (GTK_WINDOW (second));
}

int
main (int   argc,
      char *argv[])
{
  loket_ui_test_init (&argc, &argv);

  g_test_add ("/ui/accounts/first-start-lock-and-idle", Fixture, NULL, fixture_set_up,
              test_first_start_lock_and_idle, fixture_tear_down);
  g_test_add ("/ui/accounts/audit-trail", Fixture, NULL, fixture_set_up, test_audit_trail, fixture_tear_down);
  g_test_add ("/ui/accounts/opens-locked", Fixture, NULL, fixture_set_up, test_opens_locked, fixture_tear_down);
  return g_test_run ();
}
