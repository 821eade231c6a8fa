/* loket-bench-cards-glabels.c: the card benchmark's other baseline, Debian's
 * gLabels 3 (glabels-3-batch) making the same sheets from a CSV.
 *
 * The template holds its own page layout (a <Template> of CR80 labels, 2 × 5
 * on A4, without gaps, where loket-card.c puts its cards) and one card's
 * objects in loket-card.c's places: the header's boxes, the texts (the
 * member's own from CSV columns through <Field>, the labels as literal
 * text), DejaVu Sans at Loket's sizes and colours, and the QR code as a
 * barcode object of backend "libqrencode", style "IEC18004", which encodes
 * the payload column with the settings loket-card.c uses (level M, 8-bit).
 * glabels-3-batch -C adds the crop marks.
 *
 * What gLabels does differently: it places a text by the top of its line box
 * (pango) rather than its baseline, so the template moves each text up by
 * the font's ascent and left by gLabels's 3 pt text margin; and its only
 * fitting is auto_shrink (a too-wide text shrinks to fit on its line; a
 * long name is not wrapped onto two lines as Loket does). Pango spaces the
 * glyphs a little differently from libharu, so the fixed texts (title,
 * labels, footer) are as wide as they come out, never wrapped. */
#include <string.h>
#include <glib/gstdio.h>

#include "loket-bench-cards.h"
#include "loket-bench-people.h"
#include "loket-error.h"

/* gLabels's GL_LABEL_TEXT_MARGIN: a text starts this far right of its
 * object's left edge, and a right-justified one ends this far left of its
 * right edge. */
#define GLABELS_TEXT_MARGIN 3.0
/* DejaVu Sans's ascent (hhea 1901 / 2048 units), regular and bold: where
 * pango puts the first baseline below the top of the text box. */
#define DEJAVU_ASCENT (1901.0 / 2048.0)

#define COLOUR_GREEN  "0x007D4AFF"
#define COLOUR_ACCENT "0xF5B517FF"
#define COLOUR_GREY   "0x61666BFF"
#define COLOUR_INK    "0x14171AFF"
#define COLOUR_WHITE  "0xFFFFFFFF"
#define IDENTITY "a0=\"1\" a1=\"0\" a2=\"0\" a3=\"1\" a4=\"0\" a5=\"0\""

/* The CSV's columns: one per fact, then the name and the payload. */
static const char *const fact_columns[BENCH_N_FACTS] = {
  "kpj", "nik", "birth", "segment", "programs", "since", "cooperative",
};

static void
csv_cell (GString    *out,
          const char *text)
{
  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
add_box (GString    *xml,
         double      x,
         double      y,
         double      w,
         double      h,
         const char *fill)
{
  char b[4][G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append_printf (xml,
    "    <Object-box x=\"%spt\" y=\"%spt\" w=\"%spt\" h=\"%spt\" line_width=\"0pt\""
    " line_color=\"0x00000000\" fill_color=\"%s\" " IDENTITY "/>\n",
    g_ascii_formatd (b[0], sizeof b[0], "%.3f", x), g_ascii_formatd (b[1], sizeof b[1], "%.3f", y),
    g_ascii_formatd (b[2], sizeof b[2], "%.3f", w), g_ascii_formatd (b[3], sizeof b[3], "%.3f", h),
    fill);
}

/* A text whose baseline is at `baseline` below the card's top edge and
 * which starts at `x` (or, right-justified, ends at x + width), in `size`
 * points; `field` names a CSV column, else `literal` is printed. A width of
 * 0 is gLabels's "as wide as the text": never wrapped. */
static void
add_text (GString    *xml,
          double      x,
          double      baseline,
          double      width,
          double      size,
          gboolean    bold,
          gboolean    right,
          gboolean    shrink,
          const char *colour,
          const char *field,
          const char *literal)
{
  char b[5][G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *escaped = literal != NULL ? g_markup_escape_text (literal, -1) : NULL;

  g_string_append_printf (xml,
    "    <Object-text x=\"%spt\" y=\"%spt\" w=\"%spt\" h=\"%spt\" justify=\"%s\" valign=\"Top\""
    " auto_shrink=\"%s\" " IDENTITY ">\n"
    "      <Span font_family=\"DejaVu Sans\" font_size=\"%s\" font_weight=\"%s\" font_italic=\"False\""
    " color=\"%s\" line_spacing=\"1\">",
    g_ascii_formatd (b[0], sizeof b[0], "%.3f", right ? x + GLABELS_TEXT_MARGIN : x - GLABELS_TEXT_MARGIN),
    g_ascii_formatd (b[1], sizeof b[1], "%.3f", baseline - DEJAVU_ASCENT * size),
    g_ascii_formatd (b[2], sizeof b[2], "%.3f", width),
    /* Room for one line (pango's line box is 1.16 em) and no more. */
    g_ascii_formatd (b[3], sizeof b[3], "%.3f", width > 0 ? 1.4 * size : 0),
    right ? "Right" : "Left", shrink ? "True" : "False",
    g_ascii_formatd (b[4], sizeof b[4], "%.4f", size),
    bold ? "Bold" : "Regular", colour);
  if (field != NULL)
    g_string_append_printf (xml, "<Field name=\"%s\"/>", field);
  else
    g_string_append (xml, escaped);
  g_string_append (xml, "</Span>\n    </Object-text>\n");
}

static char *
make_template (const char *branch_name,
               const char *csv_path)
{
  GString *xml = g_string_new (NULL);
  g_autofree char *src = g_markup_escape_text (csv_path, -1);
  char b[6][G_ASCII_DTOSTR_BUF_SIZE];
  double quiet = BENCH_QR_BOX * BENCH_QR_QUIET / (BENCH_QR_MODULES + 2.0 * BENCH_QR_QUIET);

  g_string_append_printf (xml,
    "<?xml version=\"1.0\"?>\n"
    "<Glabels-document xmlns=\"http://glabels.org/xmlns/3.0/\">\n"
    "  <Template brand=\"Loket\" part=\"CR80-A4-2x5\" size=\"A4\""
    " description=\"CR80 cards, 2 x 5 on A4, as loket-card.c lays them\">\n"
    "    <Meta category=\"business-card\"/>\n"
    "    <Label-rectangle id=\"0\" width=\"%spt\" height=\"%spt\" round=\"0pt\""
    " x_waste=\"0pt\" y_waste=\"0pt\">\n"
    "      <Markup-margin size=\"0pt\"/>\n"
    "      <Layout nx=\"%d\" ny=\"%d\" x0=\"%spt\" y0=\"%spt\" dx=\"%spt\" dy=\"%spt\"/>\n"
    "    </Label-rectangle>\n"
    "  </Template>\n"
    "  <Objects id=\"0\" rotate=\"False\">\n",
    g_ascii_formatd (b[0], sizeof b[0], "%.4f", BENCH_CARD_W),
    g_ascii_formatd (b[1], sizeof b[1], "%.4f", BENCH_CARD_H),
    BENCH_COLS, BENCH_ROWS,
    g_ascii_formatd (b[2], sizeof b[2], "%.4f", BENCH_SHEET_X0),
    g_ascii_formatd (b[3], sizeof b[3], "%.4f", BENCH_SHEET_Y0),
    g_ascii_formatd (b[4], sizeof b[4], "%.4f", BENCH_CARD_W),
    g_ascii_formatd (b[5], sizeof b[5], "%.4f", BENCH_CARD_H));

  /* The header. */
  add_box (xml, 0, 0, BENCH_CARD_W, BENCH_HEADER_H, COLOUR_GREEN);
  add_box (xml, 0, BENCH_HEADER_H, BENCH_CARD_W, BENCH_ACCENT_H, COLOUR_ACCENT);
  add_text (xml, BENCH_MARGIN, 12, 0, 9.5, TRUE, FALSE, FALSE, COLOUR_WHITE, NULL, BENCH_TITLE);
  add_text (xml, BENCH_CARD_W - BENCH_MARGIN - 100, 11.5, 100, 5.5, TRUE, TRUE, FALSE,
            COLOUR_WHITE, NULL, BENCH_KIND);
  add_text (xml, BENCH_MARGIN, 21.5, BENCH_CARD_W - 2 * BENCH_MARGIN, 6.5, FALSE, FALSE, TRUE,
            COLOUR_WHITE, NULL, branch_name);

  /* The name, then the facts beside the QR code. */
  add_text (xml, BENCH_MARGIN, BENCH_HEADER_H + 2 + 12.5, BENCH_CARD_W - 2 * BENCH_MARGIN, 11,
            TRUE, FALSE, TRUE, COLOUR_INK, "name", NULL);
  for (guint i = 0; i < BENCH_N_FACTS; i++)
    {
      double baseline = BENCH_ROWS_TOP + i * BENCH_ROW_STEP;

      add_text (xml, BENCH_MARGIN, baseline, 0, 5.3, FALSE, FALSE, FALSE, COLOUR_GREY,
                NULL, loket_bench_card_labels[i]);
      add_text (xml, BENCH_VALUE_X, baseline, BENCH_VALUE_W, i == 0 ? 7.5 : 6.5, i == 0, FALSE,
                TRUE, COLOUR_INK, fact_columns[i], NULL);
    }

  /* The QR code: its white box, then the modules inside the quiet zone. */
  add_box (xml, BENCH_QR_X, BENCH_QR_TOP, BENCH_QR_BOX, BENCH_QR_BOX, COLOUR_WHITE);
  g_string_append_printf (xml,
    "    <Object-barcode x=\"%spt\" y=\"%spt\" w=\"%spt\" h=\"%spt\" backend=\"libqrencode\""
    " style=\"IEC18004\" text=\"False\" checksum=\"True\" format=\"10\" color=\"0x000000FF\""
    " field=\"payload\" " IDENTITY "/>\n",
    g_ascii_formatd (b[0], sizeof b[0], "%.3f", BENCH_QR_X + quiet),
    g_ascii_formatd (b[1], sizeof b[1], "%.3f", BENCH_QR_TOP + quiet),
    g_ascii_formatd (b[2], sizeof b[2], "%.3f", BENCH_QR_BOX - 2 * quiet),
    g_ascii_formatd (b[3], sizeof b[3], "%.3f", BENCH_QR_BOX - 2 * quiet));

  add_text (xml, BENCH_MARGIN, BENCH_CARD_H - 7, 0, 4.6, FALSE,
            FALSE, FALSE, COLOUR_GREY, NULL, BENCH_FOOTER);

  g_string_append_printf (xml,
    "  </Objects>\n"
    "  <Merge type=\"Text/Comma/Line1Keys\" src=\"%s\"/>\n"
    "</Glabels-document>\n", src);
  return g_string_free (xml, FALSE);
}

gboolean
loket_bench_cards_glabels_prepare (const LoketBenchCard *cards,
                                   guint                 n_cards,
                                   const char           *branch_name,
                                   const char           *csv_path,
                                   const char           *template_path,
                                   GError              **error)
{
  g_autoptr(GString) csv = g_string_new ("name");
  g_autofree char *absolute = g_canonicalize_filename (csv_path, NULL);
  g_autofree char *template = make_template (branch_name, absolute);

  for (guint i = 0; i < BENCH_N_FACTS; i++)
    g_string_append_printf (csv, ",%s", fact_columns[i]);
  g_string_append (csv, ",payload\n");
  for (guint c = 0; c < n_cards; c++)
    {
      csv_cell (csv, cards[c].name);
      for (guint i = 0; i < BENCH_N_FACTS; i++)
        {
          g_string_append_c (csv, ',');
          csv_cell (csv, cards[c].facts[i]);
        }
      g_string_append_c (csv, ',');
      csv_cell (csv, cards[c].payload);
      g_string_append_c (csv, '\n');
    }

  return g_file_set_contents (csv_path, csv->str, csv->len, error)
         && g_file_set_contents (template_path, template, -1, error);
}

double
loket_bench_cards_glabels_run (const char  *glabels,
                               const char  *template_path,
                               const char  *pdf_path,
                               GError     **error)
{
  g_auto(GStrv) env = g_get_environ ();
  g_autofree char *err = NULL;
  const char *argv[] = { glabels, "--cropmarks", "--output", pdf_path, template_path, NULL };
  int status = 0;
  double t0, seconds;

  /* Headless: glabels-3-batch draws with cairo and needs no display; as a
   * GTK 3 program it would still reach for one, for the accessibility bus
   * and for dconf, which a CI machine has none of. */
  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");
  env = g_environ_setenv (env, "GSETTINGS_BACKEND", "memory", TRUE);
  env = g_environ_setenv (env, "NO_AT_BRIDGE", "1", TRUE);
  g_unlink (pdf_path);

  /* Its stdout (a line or two per auto-shrunk text, on every card) goes
   * nowhere; the time includes writing it, which is gLabels's own cost. */
  t0 = loket_bench_now ();
  if (!g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                     NULL, &err, &status, error))
    return -1;
  seconds = loket_bench_now () - t0;

  if (!g_spawn_check_wait_status (status, NULL) || !g_file_test (pdf_path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_STORAGE, "%s failed: %s", glabels,
                   err != NULL && *err != '\0' ? g_strstrip (err) : "no PDF");
      return -1;
    }
  return seconds;
}
