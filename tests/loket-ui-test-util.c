/* loket-ui-test-util.c */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "loket-i18n.h"
#include "loket-ui-test-util.h"

void
loket_ui_test_init (int    *argc,
                    char ***argv)
{
  g_autoptr(GtkCssProvider) css = NULL;

  loket_i18n_init ("id");
  gtk_test_init (argc, argv, NULL);
  adw_init ();

  /* What AdwApplication loads from the resource base path in the app. */
  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, "/io/github/loket/Loket/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static gboolean
time_is_up (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

void
loket_ui_test_wait (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, time_is_up, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

void
loket_ui_test_wait_until (gboolean (*done) (gpointer data),
                          gpointer   data,
                          guint      timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (!done (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("timed out after %u ms", timeout_ms);
      loket_ui_test_wait (10);
    }
}

GdkTexture *
loket_ui_test_snapshot (GtkWidget  *widget,
                        const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  const char *folder = g_getenv ("LOKET_SCREENSHOT_DIR");
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GdkTexture *texture;

  g_assert_nonnull (renderer);
  g_assert_cmpint (width, >, 0);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));

  if (folder != NULL && *folder != '\0')
    {
      g_autofree char *file = g_strconcat (name, ".png", NULL);
      g_autofree char *path = g_build_filename (folder, file, NULL);

      g_mkdir_with_parents (folder, 0755);
      g_assert_true (gdk_texture_save_to_png (texture, path));
    }
  return texture;
}

/* A text shown in English is one the catalogue would have translated: it is
 * a msgid, so gettext hands back something else for it. Indonesian text
 * comes back unchanged, not being a msgid. */
static void
check_text (const char *text,
            GString    *found)
{
  if (text != NULL && *text != '\0'
      && g_strcmp0 (g_dgettext (GETTEXT_PACKAGE, text), text) != 0)
    g_string_append_printf (found, "%s“%s”", found->len ? ", " : "", text);
}

static void
collect_untranslated (GtkWidget *widget,
                      GString   *found)
{
  if (!gtk_widget_get_visible (widget))
    return;

  if (GTK_IS_LABEL (widget))
    check_text (gtk_label_get_label (GTK_LABEL (widget)), found);
  if (GTK_IS_BUTTON (widget))
    check_text (gtk_button_get_label (GTK_BUTTON (widget)), found);
  if (ADW_IS_PREFERENCES_ROW (widget))
    check_text (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), found);
  if (ADW_IS_ACTION_ROW (widget))
    check_text (adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)), found);
  if (ADW_IS_STATUS_PAGE (widget))
    {
      check_text (adw_status_page_get_title (ADW_STATUS_PAGE (widget)), found);
      check_text (adw_status_page_get_description (ADW_STATUS_PAGE (widget)), found);
    }
  if (ADW_IS_WINDOW_TITLE (widget))
    {
      check_text (adw_window_title_get_title (ADW_WINDOW_TITLE (widget)), found);
      check_text (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (widget)), found);
    }
  if (GTK_IS_SEARCH_ENTRY (widget) || GTK_IS_TEXT (widget))
    {
      g_autofree char *placeholder = NULL;
      g_object_get (widget, "placeholder-text", &placeholder, NULL);
      check_text (placeholder, found);
    }
  check_text (gtk_widget_get_tooltip_text (widget), found);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_untranslated (child, found);
}

char *
loket_ui_test_find_untranslated (GtkWidget *root)
{
  GString *found = g_string_new (NULL);

  collect_untranslated (root, found);
  return g_string_free (found, FALSE);
}

GtkWidget *
loket_ui_test_find (GtkWidget *root,
                    GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = loket_ui_test_find (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWindow *
loket_ui_test_find_window (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return GTK_WINDOW (window);
    }
  return NULL;
}
