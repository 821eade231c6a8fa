/* loket-pdf.c: fonts, text and atomic writing for the core's PDFs. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "loket-error.h"
#include "loket-pdf.h"

#define FONT_FAMILY "DejaVu Sans"

static void
on_hpdf_error (HPDF_STATUS  error_no,
               HPDF_STATUS  detail_no,
               void        *user_data)
{
  LoketPdf *pdf = user_data;

  if (pdf->status == HPDF_OK && error_no != HPDF_STREAM_EOF)
    {
      pdf->status = error_no;
      pdf->detail = detail_no;
    }
}

/* ---- fonts --------------------------------------------------------------- */

/* The file of the font, and (kept for its character set) the match. */
static char *
find_font (gboolean    bold,
           FcPattern **kept,
           FcCharSet **charset,
           GError    **error)
{
  FcPattern *pattern;
  FcPattern *match;
  FcResult result = FcResultNoMatch;
  FcChar8 *file = NULL;
  FcChar8 *family = NULL;
  FcCharSet *chars = NULL;
  char *path = NULL;

  pattern = FcPatternBuild (NULL,
                            FC_FAMILY, FcTypeString, FONT_FAMILY,
                            FC_WEIGHT, FcTypeInteger, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR,
                            FC_SLANT, FcTypeInteger, FC_SLANT_ROMAN,
                            (char *) NULL);
  FcConfigSubstitute (NULL, pattern, FcMatchPattern);
  FcDefaultSubstitute (pattern);
  match = FcFontMatch (NULL, pattern, &result);
  FcPatternDestroy (pattern);

  /* fontconfig always finds something: accept only the family asked for,
   * as a TrueType file libharu can embed. */
  if (match != NULL
      && FcPatternGetString (match, FC_FILE, 0, &file) == FcResultMatch
      && FcPatternGetString (match, FC_FAMILY, 0, &family) == FcResultMatch
      && g_ascii_strcasecmp ((const char *) family, FONT_FAMILY) == 0
      && g_str_has_suffix ((const char *) file, ".ttf"))
    {
      path = g_strdup ((const char *) file);
      if (FcPatternGetCharSet (match, FC_CHARSET, 0, &chars) == FcResultMatch)
        *charset = chars;
      *kept = g_steal_pointer (&match);
    }
  if (match != NULL)
    FcPatternDestroy (match);

  if (path == NULL)
    g_set_error (error, LOKET_ERROR, LOKET_ERROR_STORAGE,
                 _("The font “%s” for printed documents is not installed. Install the package fonts-dejavu-core."),
                 bold ? FONT_FAMILY " Bold" : FONT_FAMILY);
  return path;
}

static gboolean
load_fonts (LoketPdf  *pdf,
            GError   **error)
{
  g_autofree char *regular_path = find_font (FALSE, &pdf->regular_match, &pdf->regular_chars, error);
  g_autofree char *bold_path = NULL;
  const char *name;

  if (regular_path == NULL)
    return FALSE;
  if ((bold_path = find_font (TRUE, &pdf->bold_match, &pdf->bold_chars, error)) == NULL)
    return FALSE;

  HPDF_UseUTFEncodings (pdf->doc);
  name = HPDF_LoadTTFontFromFile (pdf->doc, regular_path, HPDF_TRUE);
  if (name != NULL)
    pdf->regular = HPDF_GetFont (pdf->doc, name, "UTF-8");
  name = HPDF_LoadTTFontFromFile (pdf->doc, bold_path, HPDF_TRUE);
  if (name != NULL)
    pdf->bold = HPDF_GetFont (pdf->doc, name, "UTF-8");
  if (pdf->regular == NULL || pdf->bold == NULL)
    {
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_STORAGE,
                   _("The font “%s” for printed documents could not be loaded (libharu error 0x%04X)."),
                   regular_path, (guint) pdf->status);
      return FALSE;
    }
  return TRUE;
}

LoketPdf *
loket_pdf_new (const char  *title,
               GError     **error)
{
  g_autoptr(LoketPdf) pdf = g_new0 (LoketPdf, 1);

  pdf->doc = HPDF_New (on_hpdf_error, pdf);
  if (pdf->doc == NULL)
    {
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_STORAGE,
                   _("Could not make the PDF (libharu error 0x%04X)."), (guint) HPDF_FAILD_TO_ALLOC_MEM);
      return NULL;
    }
  /* About 1 s per 10.000 cards, and a file four times smaller. */
  HPDF_SetCompressionMode (pdf->doc, HPDF_COMP_ALL);
  HPDF_SetInfoAttr (pdf->doc, HPDF_INFO_CREATOR, "Loket");
  HPDF_SetInfoAttr (pdf->doc, HPDF_INFO_TITLE, title);
  if (!load_fonts (pdf, error))
    return NULL;
  return g_steal_pointer (&pdf);
}

void
loket_pdf_free (LoketPdf *pdf)
{
  if (pdf == NULL)
    return;
  if (pdf->doc != NULL)
    HPDF_Free (pdf->doc);
  if (pdf->regular_match != NULL)
    FcPatternDestroy (pdf->regular_match);
  if (pdf->bold_match != NULL)
    FcPatternDestroy (pdf->bold_match);
  g_free (pdf);
}

HPDF_Page
loket_pdf_add_page (LoketPdf *pdf,
                    double    width,
                    double    height)
{
  HPDF_Page page = HPDF_AddPage (pdf->doc);

  if (page != NULL)
    {
      HPDF_Page_SetWidth (page, width);
      HPDF_Page_SetHeight (page, height);
      pdf->pages++;
    }
  return page;
}

/* ---- text ---------------------------------------------------------------- */

char *
loket_pdf_printable (LoketPdf   *pdf,
                     HPDF_Font   font,
                     const char *text)
{
  FcCharSet *charset = font == pdf->bold ? pdf->bold_chars : pdf->regular_chars;
  g_autofree char *valid = NULL;
  g_autofree char *composed = NULL;
  GString *out = g_string_new (NULL);

  if (text == NULL)
    return g_string_free (out, FALSE);
  valid = g_utf8_make_valid (text, -1);
  composed = g_utf8_normalize (valid, -1, G_NORMALIZE_NFC);
  for (const char *p = composed; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\t' || c == '\n' || c == '\r')
        c = ' ';
      else if (c < 0x20 || c > 0xFFFF || (charset != NULL && !FcCharSetHasChar (charset, c)))
        c = '?';
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

double
loket_pdf_text_width (HPDF_Font   font,
                      const char *text,
                      double      size)
{
  HPDF_TextWidth width;

  if (text == NULL || *text == '\0')
    return 0;
  width = HPDF_Font_TextWidth (font, (const HPDF_BYTE *) text, (HPDF_UINT) strlen (text));
  return width.width * size / 1000.0;
}

void
loket_pdf_put_text (HPDF_Page   page,
                    HPDF_Font   font,
                    double      size,
                    double      x,
                    double      y,
                    const char *text)
{
  if (text == NULL || *text == '\0')
    return;
  HPDF_Page_BeginText (page);
  HPDF_Page_SetFontAndSize (page, font, size);
  HPDF_Page_TextOut (page, x, y, text);
  HPDF_Page_EndText (page);
}

char *
loket_pdf_truncate (HPDF_Font   font,
                    const char *text,
                    double      size,
                    double      width)
{
  g_autofree char *copy = g_strdup (text);
  glong length = g_utf8_strlen (copy, -1);

  if (loket_pdf_text_width (font, copy, size) <= width)
    return g_steal_pointer (&copy);
  while (length > 0)
    {
      g_autofree char *cut = g_utf8_substring (text, 0, --length);
      char *candidate;

      g_strchomp (cut);
      candidate = g_strconcat (cut, "…", NULL);
      if (loket_pdf_text_width (font, candidate, size) <= width)
        return candidate;
      g_free (candidate);
    }
  return g_strdup ("");
}

double
loket_pdf_fit_text (LoketPdf   *pdf,
                    HPDF_Page   page,
                    HPDF_Font   font,
                    double      size,
                    double      min_size,
                    double      x,
                    double      y,
                    double      width,
                    const char *raw)
{
  g_autofree char *text = loket_pdf_printable (pdf, font, raw);
  g_autofree char *cut = NULL;

  while (size > min_size && loket_pdf_text_width (font, text, size) > width)
    size = MAX (min_size, size - 0.25);
  cut = loket_pdf_truncate (font, text, size, width);
  loket_pdf_put_text (page, font, size, x, y, cut);
  return size;
}

GPtrArray *
loket_pdf_wrap (HPDF_Font   font,
                const char *text,
                double      size,
                double      width)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  GString *line = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *candidate = NULL;

      if (*words[i] == '\0')
        continue;
      candidate = line->len == 0 ? g_strdup (words[i])
                                 : g_strconcat (line->str, " ", words[i], NULL);
      if (line->len > 0 && loket_pdf_text_width (font, candidate, size) > width)
        {
          g_ptr_array_add (lines, g_strdup (line->str));
          g_string_assign (line, words[i]);
        }
      else
        g_string_assign (line, candidate);
    }
  if (line->len > 0)
    g_ptr_array_add (lines, g_strdup (line->str));
  g_string_free (line, TRUE);
  return lines;
}

/* ---- the file ------------------------------------------------------------ */

gboolean
loket_pdf_save (LoketPdf    *pdf,
                const char  *path,
                GError     **error)
{
  g_autofree guchar *data = NULL;
  g_autoptr(GError) local = NULL;
  HPDF_UINT32 size = 0;

  if (pdf->status == HPDF_OK)
    HPDF_SaveToStream (pdf->doc);
  if (pdf->status == HPDF_OK)
    {
      size = HPDF_GetStreamSize (pdf->doc);
      data = g_malloc (MAX (size, 1));
      HPDF_ResetStream (pdf->doc);
      HPDF_ReadFromStream (pdf->doc, data, &size);
    }
  if (pdf->status != HPDF_OK || size == 0)
    {
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_STORAGE,
                   _("Could not make the PDF “%s” (libharu error 0x%04X, %u)."),
                   path, (guint) pdf->status, (guint) pdf->detail);
      return FALSE;
    }

  /* A temporary file beside it, renamed over it: never half a PDF. */
  if (!g_file_set_contents_full (path, (const char *) data, size,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0644, &local))
    {
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_STORAGE,
                   _("Could not write the PDF to “%s”: %s"), path, local->message);
      return FALSE;
    }
  return TRUE;
}
