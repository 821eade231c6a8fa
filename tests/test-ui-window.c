/* test-ui-window.c: the counter window as a clerk meets it. */
#include <adwaita.h>

#include "loket-application.h"
#include "loket-card-payload.h"
#include "loket-member-form.h"
#include "loket-member-page.h"
#include "loket-members-page.h"
#include "loket-preferences-window.h"
#include "loket-register-page.h"
#include "loket-test-util.h"
#include "loket-ui-test-util.h"
#include "loket-window.h"

typedef struct {
  LoketStore  *store;
  LoketWindow *window;
} Fixture;

static void
register_member (LoketStore *store,
                 const char *nik,
                 const char *name,
                 const char *birth,
                 char        sex)
{
  g_object_unref (loket_test_register (store, nik, name, birth, sex, "2026-11-23"));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->store = loket_test_open_store (NULL);
  loket_store_set_setting (fixture->store, LOKET_SETTING_BRANCH_NAME, "KCP Selong", NULL);
  register_member (fixture->store, "5203015205900002", "Baiq Nurul Aini", "1990-05-12", 'P');
  register_member (fixture->store, "5203011708850001", "Lalu Muhammad Zohri", "1985-08-17", 'L');
  register_member (fixture->store, "5203010101950003", "Dédé Suryani", "1995-01-01", 'L');

  fixture->window = loket_window_new (NULL, fixture->store, NULL);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1100, 720);
  gtk_window_present (GTK_WINDOW (fixture->window));
  loket_ui_test_wait (300);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  loket_ui_test_wait (50);
  g_assert_finalize_object (fixture->store);
}

static LoketMembersPage *
members_page (Fixture *fixture)
{
  GtkWidget *found = loket_ui_test_find (GTK_WIDGET (fixture->window), LOKET_TYPE_MEMBERS_PAGE);

  g_assert_nonnull (found);
  return LOKET_MEMBERS_PAGE (found);
}

static void
test_starts_on_search (Fixture       *fixture,
                       gconstpointer  data)
{
  LoketMembersPage *page = members_page (fixture);
  GtkEditable *search = loket_members_page_get_search_entry (page);
  GListModel *results = loket_members_page_get_results (page);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_autoptr(GdkTexture) shot = NULL;

  /* The search field has the focus: the clerk can type at once. */
  g_assert_true (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (search)));
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 3);

  shot = loket_ui_test_snapshot (GTK_WIDGET (fixture->window), "start");
  g_assert_cmpint (gdk_texture_get_width (shot), ==, gtk_widget_get_width (GTK_WIDGET (fixture->window)));
}

static void
test_search_as_you_type (Fixture       *fixture,
                         gconstpointer  data)
{
  LoketMembersPage *page = members_page (fixture);
  GtkEditable *search = loket_members_page_get_search_entry (page);
  GListModel *results = loket_members_page_get_results (page);
  g_autoptr(LoketMember) first = NULL;

  gtk_editable_set_text (search, "dede");
  loket_ui_test_wait (50);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
  first = g_list_model_get_item (results, 0);
  g_assert_cmpstr (first->name, ==, "Dédé Suryani");

  gtk_editable_set_text (search, "5203011708");
  loket_ui_test_wait (50);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);

  gtk_editable_set_text (search, "tidak ada orang ini");
  loket_ui_test_wait (50);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 0);

  gtk_editable_set_text (search, "");
  loket_ui_test_wait (50);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 3);
}

static void
test_sections (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *untranslated = NULL;
  const char *sections[] = { "cooperatives", "payments", "claims", "reports", "members" };

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      loket_window_show_section (fixture->window, sections[i]);
      loket_ui_test_wait (50);
      untranslated = loket_ui_test_find_untranslated (GTK_WIDGET (fixture->window));
      if (*untranslated != '\0')
        g_error ("section %s shows English: %s", sections[i], untranslated);
      g_clear_pointer (&untranslated, g_free);
    }
}

/* Enter in the search field opens the member it found; Escape goes back. */
static void
test_enter_opens_member (Fixture       *fixture,
                         gconstpointer  data)
{
  LoketMembersPage *page = members_page (fixture);
  GtkEditable *search = loket_members_page_get_search_entry (page);
  g_autofree char *untranslated = NULL;

  gtk_editable_set_text (search, "baiq");
  loket_ui_test_wait (50);
  g_signal_emit_by_name (search, "activate");
  loket_ui_test_wait (300);
  g_assert_cmpstr (loket_window_get_page_name (fixture->window), ==, "member");

  untranslated = loket_ui_test_find_untranslated (GTK_WIDGET (fixture->window));
  g_assert_cmpstr (untranslated, ==, "");
  g_object_unref (loket_ui_test_snapshot (GTK_WIDGET (fixture->window), "member"));

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.back", NULL);
  loket_ui_test_wait (300);
  g_assert_cmpstr (loket_window_get_page_name (fixture->window), ==, "search");
}

/* Editing a member: a refused change keeps what was typed and says why
 * under the field; an accepted one is saved and shown. */
static void
test_edit_member (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(LoketMember) member = loket_store_find_member_by_nik (fixture->store, "5203015205900002", NULL);
  g_autoptr(LoketMember) reread = NULL;
  LoketMemberPage *page;
  LoketMemberForm *form;
  GtkWidget *income;

  loket_window_show_member (fixture->window, member);
  loket_ui_test_wait (200);
  page = LOKET_MEMBER_PAGE (loket_ui_test_find (GTK_WIDGET (fixture->window), LOKET_TYPE_MEMBER_PAGE));
  g_assert_nonnull (page);

  gtk_widget_activate_action (GTK_WIDGET (page), "member.edit", NULL);
  loket_ui_test_wait (300);
  g_assert_cmpstr (loket_member_page_get_mode (page), ==, "edit");
  form = loket_member_page_get_form (page);
  income = loket_member_form_get_field (form, "income");
  gtk_editable_set_text (GTK_EDITABLE (income), "500.000");
  gtk_widget_activate_action (GTK_WIDGET (page), "member.save", NULL);
  loket_ui_test_wait (200);
  g_assert_cmpstr (loket_member_page_get_mode (page), ==, "edit");
  g_assert_nonnull (loket_member_form_get_message (form, "income"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (income)), ==, "500.000");
  g_object_unref (loket_ui_test_snapshot (GTK_WIDGET (fixture->window), "member-edit-error"));

  gtk_editable_set_text (GTK_EDITABLE (income), "2.500.000");
  gtk_widget_activate_action (GTK_WIDGET (page), "member.save", NULL);
  loket_ui_test_wait (200);
  g_assert_cmpstr (loket_member_page_get_mode (page), ==, "view");
  reread = loket_store_find_member_by_nik (fixture->store, "5203015205900002", NULL);
  g_assert_cmpint (reread->income, ==, 2500000);
}

/* The counter's main job, through the window: Ctrl+N, type, Ctrl+Enter;
 * the new member's page opens and the search finds them. */
static void
test_register_through_window (Fixture       *fixture,
                              gconstpointer  data)
{
  LoketRegisterPage *page = LOKET_REGISTER_PAGE (loket_ui_test_find (GTK_WIDGET (fixture->window),
                                                                     LOKET_TYPE_REGISTER_PAGE));
  LoketMemberForm *form = loket_register_page_get_form (page);
  const struct { const char *field; const char *text; } typed[] = {
    { "nik", "5203014408920004" }, { "name", "Baiq Sri Wahyuni" }, { "phone", "0819-1745-2231" },
    { "street", "Jl. Pejanggik 12" }, { "rt", "14" }, { "rw", "4" }, { "village", "Pancor" },
    { "postcode", "83612" }, { "occupation", "Pedagang" }, { "income", "1.500.000" },
  };
  g_autoptr(GPtrArray) found = NULL;
  g_autofree char *untranslated = NULL;
  GDate today;

  loket_test_date (&today, "2025-06-01");
  loket_register_page_set_today (page, &today);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.register", NULL);
  loket_ui_test_wait (300);
  g_assert_cmpstr (loket_window_get_page_name (fixture->window), ==, "register");

  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    gtk_editable_set_text (GTK_EDITABLE (loket_member_form_get_field (form, typed[i].field)), typed[i].text);
  loket_ui_test_wait (400);
  untranslated = loket_ui_test_find_untranslated (GTK_WIDGET (fixture->window));
  g_assert_cmpstr (untranslated, ==, "");
  g_object_unref (loket_ui_test_snapshot (GTK_WIDGET (fixture->window), "register"));

  gtk_widget_activate_action (GTK_WIDGET (page), "register.save", NULL);
  loket_ui_test_wait (400);
  g_assert_cmpstr (loket_window_get_page_name (fixture->window), ==, "member");
  found = loket_store_search_members (fixture->store, "sri wahyuni", 5, NULL);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpuint (strlen (((LoketMember *) g_ptr_array_index (found, 0))->kpj), ==, 11);
  g_object_unref (loket_ui_test_snapshot (GTK_WIDGET (fixture->window), "registered"));
}

/* A branch with more members: the search narrows the list as letters come. */
static void
test_busy_branch (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *names[] = {
    "Baiq Rahmawati", "Lalu Ahmad Fauzan", "Baiq Nurhasanah", "Made Wirawan", "Siti Aminah",
    "Baiq Yuliana Putri", "Muhammad Zainuddin", "Ni Luh Ayu Lestari", "Baiq Halimatussa'diyah",
    "I Komang Suardana", "Rudi Hartono", "Baiq Fitriani", "Nurul Hidayati", "Lalu Sukri",
  };
  LoketMembersPage *page = members_page (fixture);
  GListModel *results = loket_members_page_get_results (page);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      /* Women: day + 40; a serial per member keeps each NIK distinct. */
      gboolean woman = g_str_has_prefix (names[i], "Baiq") || g_str_has_prefix (names[i], "Siti")
                       || g_str_has_prefix (names[i], "Ni ") || g_str_has_prefix (names[i], "Nurul");
      g_autofree char *nik = g_strdup_printf ("520301%02u%02u%02u%04u", (i % 27) + 1 + (woman ? 40 : 0),
                                              (i % 12) + 1, 80 + i, 10 + i);
      g_autofree char *birth = g_strdup_printf ("19%02u-%02u-%02u", 80 + i, (i % 12) + 1, (i % 27) + 1);

      register_member (fixture->store, nik, names[i], birth, woman ? 'P' : 'L');
    }
  loket_members_page_reload (page);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 3 + G_N_ELEMENTS (names));

  gtk_editable_set_text (loket_members_page_get_search_entry (page), "bai");
  loket_ui_test_wait (200);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 6);
  g_object_unref (loket_ui_test_snapshot (GTK_WIDGET (fixture->window), "search"));
}

static gboolean
shows_text (GtkWidget  *widget,
            const char *part)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget)
      && strstr (gtk_label_get_text (GTK_LABEL (widget)), part) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_text (child, part))
      return TRUE;
  return FALSE;
}

/* A scanner typing a card's QR into the search field opens that member; a
 * code that fails its check says so, in Indonesian, and opens nobody. */
static void
test_scanned_card (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(LoketMember) baiq = loket_store_find_member_by_nik (fixture->store, "5203015205900002", NULL);
  g_autofree char *payload = loket_card_payload_make (baiq->kpj);
  g_autofree char *forged = g_strdup (payload);
  LoketMembersPage *page = members_page (fixture);
  GtkEditable *search = loket_members_page_get_search_entry (page);

  /* Character by character, as a scanner types, then Enter. */
  forged[strlen (forged) - 1] = forged[strlen (forged) - 1] == '0' ? '1' : '0';
  gtk_editable_set_text (search, "");
  for (const char *p = forged; *p != '\0'; p++)
    {
      int position = -1;
      gtk_editable_insert_text (search, p, 1, &position);
    }
  g_signal_emit_by_name (search, "activate");
  loket_ui_test_wait (100);
  g_assert_cmpstr (loket_window_get_page_name (fixture->window), ==, "search");
  g_assert_true (shows_text (GTK_WIDGET (page), "tidak sah"));

  gtk_editable_set_text (search, "");
  for (const char *p = payload; *p != '\0'; p++)
    {
      int position = -1;
      gtk_editable_insert_text (search, p, 1, &position);
    }
  loket_ui_test_wait (300);
  g_assert_cmpstr (loket_window_get_page_name (fixture->window), ==, "member");
  g_assert_cmpstr (gtk_editable_get_text (search), ==, "");
}

/* A narrow window folds the sidebar away, and the content still shows. */
static void
test_folds_when_narrow (Fixture       *fixture,
                        gconstpointer  data)
{
  AdwLeaflet *leaflet = NULL;

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 400, 700);
  loket_ui_test_wait (800);
  for (GtkWidget *w = gtk_window_get_child (GTK_WINDOW (fixture->window)); w != NULL;
       w = gtk_widget_get_first_child (w))
    if (ADW_IS_LEAFLET (w))
      {
        leaflet = ADW_LEAFLET (w);
        break;
      }
  g_assert_nonnull (leaflet);
  g_assert_true (adw_leaflet_get_folded (leaflet));
  g_object_unref (loket_ui_test_snapshot (GTK_WIDGET (fixture->window), "narrow"));
}

/* A database that cannot be opened: a dialog that says which file and what
 * to do, in Indonesian, and the file left as it was. */
static void
test_database_error_dialog (void)
{
  g_autofree char *folder = loket_test_make_folder ();
  g_autofree char *path = g_build_filename (folder, "rusak.db", NULL);
  g_autofree char *garbage = g_strnfill (8192, 'q');
  g_autofree char *after = NULL;
  g_autofree char *untranslated = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LoketStore) store = NULL;
  GtkWidget *dialog;

  g_assert_true (g_file_set_contents (path, garbage, -1, NULL));
  store = loket_store_open (path, &error);
  g_assert_null (store);

  dialog = loket_application_new_database_error_dialog (error);
  gtk_window_present (GTK_WINDOW (dialog));
  loket_ui_test_wait (200);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Basis data tidak dapat dibuka");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), path));
  untranslated = loket_ui_test_find_untranslated (dialog);
  g_assert_cmpstr (untranslated, ==, "");
  g_object_unref (loket_ui_test_snapshot (dialog, "database-error"));
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, garbage);
}

/* A branch's first day: the empty list says how to begin, not that a
 * search found nothing. */
static void
test_empty_database (void)
{
  LoketStore *store = loket_test_open_store (NULL);
  LoketWindow *window = loket_window_new (NULL, store, NULL);
  AdwStatusPage *empty;

  gtk_window_present (GTK_WINDOW (window));
  loket_ui_test_wait (200);
  empty = ADW_STATUS_PAGE (loket_ui_test_find (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE));
  g_assert_nonnull (empty);
  g_assert_cmpstr (adw_status_page_get_title (empty), ==, "Belum Ada Peserta");

  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  loket_ui_test_wait (50);
  g_assert_finalize_object (window);
  g_assert_finalize_object (store);
}

/* Nothing holds on to a window once it is closed. */
static void
test_window_finalizes (void)
{
  LoketStore *store = loket_test_open_store (NULL);
  LoketWindow *window = loket_window_new (NULL, store, NULL);

  gtk_window_present (GTK_WINDOW (window));
  loket_ui_test_wait (100);
  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  loket_ui_test_wait (50);
  g_assert_finalize_object (window);
  g_assert_finalize_object (store);
}

/* Each widget class lets go of everything when its window closes. */
static void
test_pages_finalize (void)
{
  LoketStore *store = loket_test_open_store (NULL);
  GtkWidget *pages[3];
  LoketPreferencesWindow *preferences;

  register_member (store, "5203015205900002", "Baiq Nurul Aini", "1990-05-12", 'P');

  pages[0] = g_object_new (LOKET_TYPE_MEMBERS_PAGE, NULL);
  loket_members_page_set_store (LOKET_MEMBERS_PAGE (pages[0]), store, 100);
  pages[1] = g_object_new (LOKET_TYPE_MEMBER_PAGE, NULL);
  loket_member_page_set_store (LOKET_MEMBER_PAGE (pages[1]), store);
  {
    g_autoptr(LoketMember) member = loket_store_find_member_by_nik (store, "5203015205900002", NULL);
    loket_member_page_set_member (LOKET_MEMBER_PAGE (pages[1]), member);
  }
  pages[2] = g_object_new (LOKET_TYPE_REGISTER_PAGE, NULL);
  loket_register_page_set_store (LOKET_REGISTER_PAGE (pages[2]), store);

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      GtkWidget *window = gtk_window_new ();

      g_object_ref (pages[i]);
      gtk_window_set_child (GTK_WINDOW (window), pages[i]);
      gtk_window_present (GTK_WINDOW (window));
      loket_ui_test_wait (100);
      gtk_window_destroy (GTK_WINDOW (window));
      loket_ui_test_wait (20);
      g_assert_finalize_object (pages[i]);
    }

  preferences = loket_preferences_window_new (store, NULL);
  gtk_window_present (GTK_WINDOW (preferences));
  loket_ui_test_wait (300);
  {
    g_autofree char *untranslated = loket_ui_test_find_untranslated (GTK_WIDGET (preferences));
    g_assert_cmpstr (untranslated, ==, "");
  }
  g_object_unref (loket_ui_test_snapshot (GTK_WIDGET (preferences), "preferences"));
  g_object_ref (preferences);
  gtk_window_destroy (GTK_WINDOW (preferences));
  loket_ui_test_wait (20);
  g_assert_finalize_object (preferences);

  g_assert_finalize_object (store);
}

int
main (int   argc,
      char *argv[])
{
  loket_ui_test_init (&argc, &argv);
  /* Preferences lists the printers to align card sheets on. GTK's CUPS
   * backend then asks colord for colour profiles and warns (fatally, in a
   * test) where no system bus runs; this test is not about CUPS, which
   * ui-cards prints through, so only the file printer is loaded here. */
  g_object_set (gtk_settings_get_default (), "gtk-print-backends", "file", NULL);
#define ADD(path, func) \
  g_test_add ("/ui/window/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("starts-on-search", test_starts_on_search);
  ADD ("search-as-you-type", test_search_as_you_type);
  ADD ("sections-in-indonesian", test_sections);
  ADD ("enter-opens-member", test_enter_opens_member);
  ADD ("busy-branch", test_busy_branch);
  ADD ("edit-member", test_edit_member);
  ADD ("scanned-card", test_scanned_card);
  ADD ("register-through-window", test_register_through_window);
  ADD ("folds-when-narrow", test_folds_when_narrow);
#undef ADD
  g_test_add_func ("/ui/window/finalizes", test_window_finalizes);
  g_test_add_func ("/ui/window/empty-database", test_empty_database);
  g_test_add_func ("/ui/window/database-error-dialog", test_database_error_dialog);
  g_test_add_func ("/ui/window/pages-finalize", test_pages_finalize);
  return g_test_run ();
}
