/* test-ui-register.c: registering a member at the counter, as a clerk does
 * it: typing into the real form and reading what it shows. */
#include <adwaita.h>
#include <string.h>

#include "loket-date.h"
#include "loket-member-form.h"
#include "loket-register-page.h"
#include "loket-test-util.h"
#include "loket-ui-test-util.h"

/* Baiq Nurul Aini: a woman (day 12 + 40) born 12 May 1990 in Keruak,
 * Lombok Timur, Nusa Tenggara Barat. */
#define NIK_BAIQ  "5203015205900002"
/* The same birth date and district, another serial: another person. */
#define NIK_OTHER "5203015205900003"

typedef struct {
  LoketStore        *store;
  GtkWindow         *window;
  LoketRegisterPage *page;
  LoketMemberForm   *form;
  LoketMember       *registered;  /* owned, from the "registered" signal */
  LoketMember       *opened;      /* owned, from "open-member" */
} Fixture;

static void
registered_cb (LoketRegisterPage *page,
               LoketMember       *member,
               Fixture           *fixture)
{
  g_set_object (&fixture->registered, member);
}

static void
opened_cb (LoketRegisterPage *page,
           LoketMember       *member,
           Fixture           *fixture)
{
  g_set_object (&fixture->opened, member);
}

static void
set_today (Fixture    *fixture,
           const char *iso)
{
  GDate today;

  loket_test_date (&today, iso);
  loket_register_page_set_today (fixture->page, &today);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *header = adw_header_bar_new ();

  fixture->store = loket_test_open_store (NULL);
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_title (fixture->window, "Loket");
  gtk_window_set_titlebar (fixture->window, header);
  gtk_window_set_default_size (fixture->window, 1100, 720);

  fixture->page = g_object_new (LOKET_TYPE_REGISTER_PAGE, NULL);
  fixture->form = loket_register_page_get_form (fixture->page);
  set_today (fixture, "2025-06-01");
  loket_register_page_set_store (fixture->page, fixture->store);
  g_signal_connect (fixture->page, "registered", G_CALLBACK (registered_cb), fixture);
  g_signal_connect (fixture->page, "open-member", G_CALLBACK (opened_cb), fixture);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->page));

  gtk_window_present (fixture->window);
  loket_register_page_focus (fixture->page);
  loket_ui_test_wait (300);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->registered);
  g_clear_object (&fixture->opened);
  gtk_window_destroy (fixture->window);
  loket_ui_test_wait (50);
  g_assert_finalize_object (fixture->store);
}

static void
register_in_store (Fixture    *fixture,
                   const char *nik,
                   const char *name,
                   const char *birth,
                   char        sex)
{
  g_object_unref (loket_test_register (fixture->store, nik, name, birth, sex, "2025-06-01"));
}

static GtkWidget *
field (Fixture    *fixture,
       const char *name)
{
  return loket_member_form_get_field (fixture->form, name);
}

static const char *
text_of (Fixture    *fixture,
         const char *name)
{
  return gtk_editable_get_text (GTK_EDITABLE (field (fixture, name)));
}

/* One character at a time, as from the keyboard: every keystroke goes
 * through the form's live checks. */
static void
type_into (Fixture    *fixture,
           const char *name,
           const char *text)
{
  GtkEditable *editable = GTK_EDITABLE (field (fixture, name));

  gtk_widget_grab_focus (GTK_WIDGET (editable));
  gtk_editable_set_text (editable, "");
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      int position = -1;

      gtk_editable_insert_text (editable, p, g_utf8_next_char (p) - p, &position);
    }
}

static void
choose (Fixture    *fixture,
        const char *name,
        guint       position)
{
  adw_combo_row_set_selected (ADW_COMBO_ROW (field (fixture, name)), position);
}

static gboolean
focus_is_in (Fixture    *fixture,
             const char *name)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  GtkWidget *row = field (fixture, name);

  return focus != NULL && (focus == row || gtk_widget_is_ancestor (focus, row));
}

/* Depth first, for a widget the clerk would find by looking. */
typedef gboolean (*Match) (GtkWidget *widget, const char *text);

static GtkWidget *
find_widget (GtkWidget  *root,
             Match       match,
             const char *text)
{
  if (gtk_widget_get_visible (root) && match (root, text))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = gtk_widget_get_child_visible (child) ? find_widget (child, match, text) : NULL;

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_button_labelled (GtkWidget  *widget,
                    const char *label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static gboolean
is_label_with (GtkWidget  *widget,
               const char *text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static gboolean
label_contains (GtkWidget  *widget,
                const char *text)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL;
}

static GtkWidget *
button (Fixture    *fixture,
        const char *label)
{
  return find_widget (GTK_WIDGET (fixture->window), is_button_labelled, label);
}

static gboolean
shows_text (Fixture    *fixture,
            const char *text)
{
  return find_widget (GTK_WIDGET (fixture->window), is_label_with, text) != NULL;
}

static GtkRevealer *
duplicate_panel (Fixture *fixture)
{
  GtkWidget *found = NULL;

  for (GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (fixture->page)); w != NULL && found == NULL;
       w = gtk_widget_get_first_child (w))
    for (GtkWidget *c = w; c != NULL && found == NULL; c = gtk_widget_get_next_sibling (c))
      if (GTK_IS_REVEALER (c))
        found = c;
  g_assert_nonnull (found);
  return GTK_REVEALER (found);
}

static gboolean
is_scroller (GtkWidget  *widget,
             const char *unused)
{
  return GTK_IS_SCROLLED_WINDOW (widget);
}

/* 0 the top of the form, 1 the bottom; then waits for the entries' title
 * animations to end, so that a screenshot shows them at rest. */
static void
scroll_to (Fixture *fixture,
           double   fraction)
{
  GtkWidget *scroller = find_widget (GTK_WIDGET (fixture->form), is_scroller, NULL);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

  loket_ui_test_wait (100);
  gtk_adjustment_set_value (adjustment, fraction * (gtk_adjustment_get_upper (adjustment)
                                                    - gtk_adjustment_get_page_size (adjustment)));
  loket_ui_test_wait (500);
}

static void
save (Fixture *fixture)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "register.save", NULL));
  loket_ui_test_wait (50);
}

/* A whole self-employed member, NIK first as at the counter. */
static void
fill_member (Fixture    *fixture,
             const char *nik,
             const char *name)
{
  type_into (fixture, "nik", nik);
  type_into (fixture, "name", name);
  type_into (fixture, "phone", "0812-3456-7890");
  type_into (fixture, "street", "Jl. Pejanggik No. 12");
  type_into (fixture, "rt", "14");
  type_into (fixture, "rw", "4");
  type_into (fixture, "village", "Keruak");
  type_into (fixture, "postcode", "83672");
  type_into (fixture, "occupation", "Pedagang");
  type_into (fixture, "income", "1.000.000");
  loket_ui_test_wait (50);
}

static void
test_nik_fills_in (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_true (focus_is_in (fixture, "nik"));
  type_into (fixture, "nik", NIK_BAIQ);
  loket_ui_test_wait (50);

  g_assert_cmpstr (text_of (fixture, "birth_date"), ==, "12/05/1990");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (field (fixture, "sex"))), ==, 2);
  g_assert_cmpstr (text_of (fixture, "province"), ==, "Nusa Tenggara Barat");
  g_assert_cmpstr (text_of (fixture, "regency"), ==, "Kabupaten Lombok Timur");
  g_assert_cmpstr (text_of (fixture, "region_code"), ==, "52.03.01");
  g_assert_null (loket_member_form_get_message (fixture->form, "nik"));

  /* What the clerk typed is never overwritten by the next NIK. */
  type_into (fixture, "province", "NTB");
  type_into (fixture, "nik", "5203011708850001");
  loket_ui_test_wait (50);
  g_assert_cmpstr (text_of (fixture, "birth_date"), ==, "17/08/1985");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (field (fixture, "sex"))), ==, 1);
  g_assert_cmpstr (text_of (fixture, "province"), ==, "NTB");
}

static void
test_invalid_nik (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkWidget *nik_row = field (fixture, "nik");
  GtkWidget *under;
  const char *message;

  /* Nothing is said while the first digits are typed... */
  type_into (fixture, "nik", "520301");
  loket_ui_test_wait (50);
  g_assert_null (loket_member_form_get_message (fixture->form, "nik"));

  /* ...but a birth day of 99 is wrong as soon as it is typed. */
  type_into (fixture, "nik", "5203019905900002");
  loket_ui_test_wait (50);
  message = loket_member_form_get_message (fixture->form, "nik");
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "angka ke-7–8 adalah 99"));
  g_assert_true (gtk_widget_has_css_class (nik_row, "error"));

  /* Right under the NIK, where the clerk is looking. */
  under = gtk_widget_get_next_sibling (nik_row);
  g_assert_true (gtk_widget_get_visible (under));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (under)), ==, message);
  g_assert_true (shows_text (fixture, message));

  loket_ui_test_wait (500);
  g_object_unref (loket_ui_test_snapshot (GTK_WIDGET (fixture->window), "register-error"));

  /* Fixing it clears the message at once. */
  type_into (fixture, "nik", NIK_BAIQ);
  loket_ui_test_wait (50);
  g_assert_null (loket_member_form_get_message (fixture->form, "nik"));
  g_assert_false (gtk_widget_get_visible (under));
  g_assert_false (gtk_widget_has_css_class (nik_row, "error"));
}

/* A field that is not the NIK speaks once the clerk moves on from it, and
 * then follows the corrections as they are typed. */
static void
test_field_speaks_when_left (Fixture       *fixture,
                             gconstpointer  data)
{
  type_into (fixture, "phone", "0812");
  loket_ui_test_wait (50);
  g_assert_null (loket_member_form_get_message (fixture->form, "phone"));

  gtk_widget_grab_focus (field (fixture, "street"));
  loket_ui_test_wait (50);
  g_assert_nonnull (loket_member_form_get_message (fixture->form, "phone"));
  g_assert_true (gtk_widget_has_css_class (field (fixture, "phone"), "error"));

  type_into (fixture, "phone", "081234567890");
  loket_ui_test_wait (50);
  g_assert_null (loket_member_form_get_message (fixture->form, "phone"));

  /* Passing through a field without typing says nothing. */
  gtk_widget_grab_focus (field (fixture, "name"));
  gtk_widget_grab_focus (field (fixture, "birth_date"));
  loket_ui_test_wait (50);
  g_assert_null (loket_member_form_get_message (fixture->form, "name"));
}

static void
test_registers_member (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;

  fill_member (fixture, NIK_BAIQ, "Baiq Nurul Aini");
  gtk_widget_grab_focus (field (fixture, "name"));
  scroll_to (fixture, 0);
  g_object_unref (loket_ui_test_snapshot (GTK_WIDGET (fixture->window), "register"));
  gtk_widget_grab_focus (field (fixture, "income"));
  scroll_to (fixture, 1);
  g_object_unref (loket_ui_test_snapshot (GTK_WIDGET (fixture->window), "register-contribution"));
  save (fixture);

  g_assert_nonnull (fixture->registered);
  g_assert_cmpuint (strlen (fixture->registered->kpj), ==, 11);
  g_assert_cmpstr (fixture->registered->nik, ==, NIK_BAIQ);
  g_assert_cmpstr (fixture->registered->phone, ==, "+6281234567890");
  g_assert_cmpstr (fixture->registered->rt, ==, "014");
  g_assert_cmpint (fixture->registered->income, ==, 1000000);
  g_assert_cmpuint (fixture->registered->programs, ==, LOKET_PROGRAM_JKK | LOKET_PROGRAM_JKM);

  found = loket_store_search_members (fixture->store, "baiq nurul", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (((LoketMember *) g_ptr_array_index (found, 0))->kpj, ==, fixture->registered->kpj);
}

/* Enter goes on to the next field; on the last one it registers. */
static void
test_enter_moves_on (Fixture       *fixture,
                     gconstpointer  data)
{
  fill_member (fixture, NIK_BAIQ, "Baiq Nurul Aini");

  gtk_widget_grab_focus (field (fixture, "nik"));
  g_signal_emit_by_name (field (fixture, "nik"), "entry-activated");
  g_assert_true (focus_is_in (fixture, "name"));
  g_signal_emit_by_name (field (fixture, "name"), "entry-activated");
  g_assert_true (focus_is_in (fixture, "birth_date"));
  g_assert_null (fixture->registered);

  gtk_widget_grab_focus (field (fixture, "income"));
  g_signal_emit_by_name (field (fixture, "income"), "entry-activated");
  loket_ui_test_wait (50);
  g_assert_nonnull (fixture->registered);
}

/* Tab passes over the messages under the fields, never stopping on one. */
static void
test_tab_skips_messages (Fixture       *fixture,
                         gconstpointer  data)
{
  type_into (fixture, "nik", "5203019905900002");
  loket_ui_test_wait (50);
  g_assert_nonnull (loket_member_form_get_message (fixture->form, "nik"));

  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (fixture->window), GTK_DIR_TAB_FORWARD));
  g_assert_true (focus_is_in (fixture, "name"));
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (fixture->window), GTK_DIR_TAB_BACKWARD));
  g_assert_true (focus_is_in (fixture, "nik"));
}

static void
test_errors_keep_text (Fixture       *fixture,
                       gconstpointer  data)
{
  const struct { const char *field; const char *text; } typed[] = {
    { "nik", NIK_BAIQ }, { "name", "" }, { "birth_date", "31/02/1990" }, { "phone", "12345" },
    { "street", "Jl. Pejanggik No. 12" }, { "rt", "14" }, { "postcode", "8367" },
    { "occupation", "Pedagang" }, { "income", "satu juta" },
  };
  const char *bad[] = { "name", "birth_date", "phone", "postcode", "income" };

  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    type_into (fixture, typed[i].field, typed[i].text);
  gtk_widget_grab_focus (field (fixture, "occupation"));
  save (fixture);

  g_assert_null (fixture->registered);
  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    g_assert_cmpstr (text_of (fixture, typed[i].field), ==, typed[i].text);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    if (loket_member_form_get_message (fixture->form, bad[i]) == NULL)
      g_error ("no message under %s", bad[i]);
  /* The date that could not be read says so, rather than "empty". */
  g_assert_nonnull (strstr (loket_member_form_get_message (fixture->form, "birth_date"), "31/02/1990"));
  g_assert_true (focus_is_in (fixture, "name"));

  /* Correcting a field clears its message as the clerk types. */
  type_into (fixture, "name", "Baiq Nurul Aini");
  g_assert_null (loket_member_form_get_message (fixture->form, "name"));
  save (fixture);
  g_assert_true (focus_is_in (fixture, "birth_date"));
}

static void
test_probable_duplicate (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkRevealer *panel = duplicate_panel (fixture);
  GtkWidget *different;

  register_in_store (fixture, NIK_BAIQ, "Baiq Nurul Aini", "1990-05-12", 'P');
  g_assert_false (gtk_revealer_get_reveal_child (panel));

  /* The panel comes as soon as the name and the birth date are there. */
  type_into (fixture, "nik", NIK_OTHER);
  type_into (fixture, "name", "BAIQ NURUL AINI");
  loket_ui_test_wait (300);
  g_assert_true (gtk_revealer_get_reveal_child (panel));
  g_assert_true (shows_text (fixture, "Baiq Nurul Aini"));
  loket_ui_test_wait (300);
  g_object_unref (loket_ui_test_snapshot (GTK_WIDGET (fixture->window), "register-duplicate"));

  fill_member (fixture, NIK_OTHER, "BAIQ NURUL AINI");
  save (fixture);
  g_assert_null (fixture->registered);
  g_assert_true (gtk_revealer_get_reveal_child (panel));

  /* "Orang yang berbeda": the panel goes and the save goes through. */
  different = button (fixture, "_Orang yang berbeda");
  g_assert_nonnull (different);
  g_signal_emit_by_name (different, "clicked");
  loket_ui_test_wait (50);
  g_assert_false (gtk_revealer_get_reveal_child (panel));
  g_assert_nonnull (fixture->registered);
  g_assert_cmpstr (fixture->registered->nik, ==, NIK_OTHER);
}

/* Confirming before saving is remembered for the save. */
static void
test_confirm_then_save (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkRevealer *panel = duplicate_panel (fixture);

  register_in_store (fixture, NIK_BAIQ, "Baiq Nurul Aini", "1990-05-12", 'P');
  fill_member (fixture, NIK_OTHER, "Baiq Nurul Aini");
  g_assert_true (gtk_revealer_get_reveal_child (panel));
  /* The revealer shows its child once its transition has started: on a
   * busy machine that is a frame or more later. */
  loket_ui_test_wait (300);
  g_signal_emit_by_name (button (fixture, "_Orang yang berbeda"), "clicked");
  g_assert_false (gtk_revealer_get_reveal_child (panel));
  g_assert_null (fixture->registered);
  save (fixture);
  g_assert_nonnull (fixture->registered);
}

static void
test_exact_duplicate (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkRevealer *panel = duplicate_panel (fixture);
  GtkWidget *save_button = button (fixture, "_Daftarkan");
  GtkWidget *open;

  g_assert_nonnull (save_button);
  register_in_store (fixture, NIK_BAIQ, "Baiq Nurul Aini", "1990-05-12", 'P');
  g_assert_true (gtk_widget_get_sensitive (save_button));

  fill_member (fixture, NIK_BAIQ, "Baiq Nurul Aini");
  loket_ui_test_wait (300);
  g_assert_true (gtk_revealer_get_reveal_child (panel));
  g_assert_false (gtk_widget_get_sensitive (save_button));
  g_assert_null (button (fixture, "_Orang yang berbeda"));
  g_assert_nonnull (find_widget (GTK_WIDGET (panel), label_contains,
                                 "NIK sudah terdaftar atas nama Baiq Nurul Aini (KPJ "));
  scroll_to (fixture, 0);
  g_object_unref (loket_ui_test_snapshot (GTK_WIDGET (fixture->window), "register-nik-taken"));

  /* Saving is refused, whichever way it is asked for. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "register.save", NULL);
  g_signal_emit_by_name (field (fixture, "income"), "entry-activated");
  loket_ui_test_wait (50);
  g_assert_null (fixture->registered);

  open = button (fixture, "_Buka peserta");
  g_assert_nonnull (open);
  g_signal_emit_by_name (open, "clicked");
  g_assert_nonnull (fixture->opened);
  g_assert_cmpstr (fixture->opened->nik, ==, NIK_BAIQ);

  /* Another NIK and the way is clear again. */
  type_into (fixture, "nik", NIK_OTHER);
  type_into (fixture, "name", "Siti Rahmawati");
  loket_ui_test_wait (50);
  g_assert_true (gtk_widget_get_sensitive (save_button));
}

static void
test_contribution (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWidget *jht = NULL;

  /* Before the income is typed, the group says what it waits for. */
  g_assert_true (shows_text (fixture, "Iuran ditampilkan setelah penghasilan diketik."));

  fill_member (fixture, NIK_BAIQ, "Baiq Nurul Aini");
  g_assert_true (shows_text (fixture, "Rp16.800"));
  g_assert_true (shows_text (fixture, "Rp10.000"));
  g_assert_true (shows_text (fixture, "Rp6.800"));

  /* JHT is the optional program of a self-employed member. */
  for (GtkWidget *row = field (fixture, "programs"); row != NULL; row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_ACTION_ROW (row) && g_str_has_suffix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "(JHT)"))
      jht = row;
  g_assert_nonnull (jht);
  g_assert_true (gtk_widget_is_sensitive (jht));
  /* The switch turns on at the end of its animation. */
  adw_action_row_activate (ADW_ACTION_ROW (jht));
  loket_ui_test_wait (400);
  g_assert_true (shows_text (fixture, "Rp36.800"));

  /* Three months ahead. */
  choose (fixture, "months", 1);
  loket_ui_test_wait (50);
  g_assert_true (shows_text (fixture, "Rp110.400"));
  g_assert_true (shows_text (fixture, "Jumlah untuk 3 bulan"));

  /* An ojek driver in 2026 pays half of JKK and JKM (PP 50/2025). */
  adw_action_row_activate (ADW_ACTION_ROW (jht));
  loket_ui_test_wait (400);
  choose (fixture, "months", 0);
  set_today (fixture, "2026-02-01");
  type_into (fixture, "occupation", "Ojek");
  loket_ui_test_wait (50);
  g_assert_true (shows_text (fixture, "Rp8.400"));

  /* A rate that is missing is a message, not a crash: no Jakon rates ship. */
  choose (fixture, "segment", LOKET_SEGMENT_JAKON);
  loket_ui_test_wait (50);
  g_assert_false (shows_text (fixture, "Rp8.400"));
  g_assert_nonnull (find_widget (GTK_WIDGET (fixture->window), label_contains, "jakon.jkk.bp"));
}

/* Segments decide which programs are shown and which are locked on. */
static void
test_segments (Fixture       *fixture,
               gconstpointer  data)
{
  GtkWidget *risk = field (fixture, "risk_class");
  guint visible = 0, locked = 0;

  g_assert_false (gtk_widget_get_visible (risk));
  choose (fixture, "segment", LOKET_SEGMENT_PU);
  type_into (fixture, "nik", NIK_BAIQ);
  loket_ui_test_wait (50);
  g_assert_true (gtk_widget_get_visible (risk));

  for (GtkWidget *row = field (fixture, "programs"); row != NULL; row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_ACTION_ROW (row) && !ADW_IS_COMBO_ROW (row) && gtk_widget_get_visible (row)
        && adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row)) != NULL)
      {
        visible++;
        locked += !gtk_widget_is_sensitive (row);
      }
  /* JKK, JKM, JHT required; JP optional; JKP automatic. */
  g_assert_cmpuint (visible, ==, 5);
  g_assert_cmpuint (locked, ==, 4);
  gtk_widget_grab_focus (field (fixture, "months"));
  scroll_to (fixture, 1);
  g_object_unref (loket_ui_test_snapshot (GTK_WIDGET (fixture->window), "register-wage-earner"));

  choose (fixture, "segment", LOKET_SEGMENT_JAKON);
  loket_ui_test_wait (50);
  visible = 0;
  for (GtkWidget *row = field (fixture, "programs"); row != NULL; row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_ACTION_ROW (row) && gtk_widget_get_visible (row)
        && adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row)) != NULL)
      visible++;
  g_assert_cmpuint (visible, ==, 2);
  g_assert_false (gtk_widget_get_visible (risk));
}

static void
test_indonesian (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *empty = NULL;
  g_autofree char *filled = NULL;
  g_autofree char *wage_earner = NULL;

  empty = loket_ui_test_find_untranslated (GTK_WIDGET (fixture->window));
  g_assert_cmpstr (empty, ==, "");

  register_in_store (fixture, NIK_BAIQ, "Baiq Nurul Aini", "1990-05-12", 'P');
  fill_member (fixture, NIK_OTHER, "Baiq Nurul Aini");
  type_into (fixture, "postcode", "836");
  save (fixture);
  filled = loket_ui_test_find_untranslated (GTK_WIDGET (fixture->window));
  g_assert_cmpstr (filled, ==, "");

  choose (fixture, "segment", LOKET_SEGMENT_PU);
  type_into (fixture, "income", "5.000.000");
  loket_ui_test_wait (50);
  wage_earner = loket_ui_test_find_untranslated (GTK_WIDGET (fixture->window));
  g_assert_cmpstr (wage_earner, ==, "");
}

/* Reset empties everything for the next member. */
static void
test_reset (Fixture       *fixture,
            gconstpointer  data)
{
  fill_member (fixture, "5203019905900002", "Baiq Nurul Aini");
  save (fixture);
  g_assert_nonnull (loket_member_form_get_message (fixture->form, "nik"));

  loket_register_page_reset (fixture->page);
  loket_register_page_focus (fixture->page);
  g_assert_cmpstr (text_of (fixture, "nik"), ==, "");
  g_assert_cmpstr (text_of (fixture, "birth_date"), ==, "");
  g_assert_cmpstr (text_of (fixture, "province"), ==, "");
  g_assert_null (loket_member_form_get_message (fixture->form, "nik"));
  g_assert_null (loket_member_form_get_message (fixture->form, "name"));
  g_assert_true (focus_is_in (fixture, "nik"));
}

/* The form loads a saved member for editing: the NIK stays as it is. */
static void
test_edit_member (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(LoketMember) saved = NULL;
  g_autoptr(LoketMember) draft = NULL;
  g_autoptr(GError) error = NULL;

  register_in_store (fixture, NIK_BAIQ, "Baiq Nurul Aini", "1990-05-12", 'P');
  saved = loket_store_find_member_by_nik (fixture->store, NIK_BAIQ, &error);
  g_assert_no_error (error);

  loket_member_form_set_member (fixture->form, saved);
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (field (fixture, "nik"))));
  g_assert_cmpstr (text_of (fixture, "birth_date"), ==, "12/05/1990");
  type_into (fixture, "name", "Baiq Nurul Aini Hidayati");
  draft = loket_member_form_dup_draft (fixture->form);
  g_assert_cmpint (draft->id, ==, saved->id);
  g_assert_cmpstr (draft->kpj, ==, saved->kpj);
  g_assert_cmpstr (draft->nik, ==, NIK_BAIQ);
  g_assert_cmpstr (draft->name, ==, "Baiq Nurul Aini Hidayati");
  g_assert_cmpint (g_date_compare (&draft->registered_on, &saved->registered_on), ==, 0);
  g_assert_null (loket_member_form_get_message (fixture->form, "name"));
}

/* Nothing holds on to the page once its window is closed. */
static void
test_page_finalizes (void)
{
  LoketStore *store = loket_test_open_store (NULL);
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  LoketRegisterPage *page = g_object_new (LOKET_TYPE_REGISTER_PAGE, NULL);
  LoketMemberForm *form = loket_register_page_get_form (page);

  loket_register_page_set_store (page, store);
  gtk_window_set_child (window, GTK_WIDGET (page));
  gtk_window_present (window);
  gtk_editable_set_text (GTK_EDITABLE (loket_member_form_get_field (form, "nik")), NIK_BAIQ);
  gtk_editable_set_text (GTK_EDITABLE (loket_member_form_get_field (form, "income")), "1000000");
  loket_ui_test_wait (100);

  g_object_ref (page);
  g_object_ref (form);
  gtk_window_destroy (window);
  loket_ui_test_wait (50);
  g_assert_finalize_object (page);
  g_assert_finalize_object (form);
  g_assert_finalize_object (store);
}

int
main (int   argc,
      char *argv[])
{
  loket_ui_test_init (&argc, &argv);
#define ADD(path, func) \
  g_test_add ("/ui/register/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("nik-fills-in", test_nik_fills_in);
  ADD ("invalid-nik", test_invalid_nik);
  ADD ("field-speaks-when-left", test_field_speaks_when_left);
  ADD ("registers-member", test_registers_member);
  ADD ("enter-moves-on", test_enter_moves_on);
  ADD ("tab-skips-messages", test_tab_skips_messages);
  ADD ("errors-keep-text", test_errors_keep_text);
  ADD ("probable-duplicate", test_probable_duplicate);
  ADD ("confirm-then-save", test_confirm_then_save);
  ADD ("exact-duplicate", test_exact_duplicate);
  ADD ("contribution", test_contribution);
  ADD ("segments", test_segments);
  ADD ("indonesian", test_indonesian);
  ADD ("reset", test_reset);
  ADD ("edit-member", test_edit_member);
#undef ADD
  g_test_add_func ("/ui/register/finalizes", test_page_finalizes);
  return g_test_run ();
}
