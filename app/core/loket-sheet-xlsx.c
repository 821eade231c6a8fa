/* loket-sheet-xlsx.c: the first sheet of an .xlsx workbook.
 *
 * An .xlsx is a zip of XML parts. _rels/.rels names the workbook part,
 * the workbook lists its sheets in tab order, and the workbook's own rels
 * map each sheet to its part and name the shared-strings part. Text cells
 * mostly point into the shared strings; a cell written by another program
 * may carry its text inline. The sheet is streamed with xmlTextReader, so a
 * 100 000-row sheet is never held as a tree. */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <gsf/gsf-infile-zip.h>
#include <gsf/gsf-utils.h>
#include <gsf/gsf-infile.h>
#include <gsf/gsf-input-memory.h>
#include <gsf/gsf-input.h>
#include <libxml/xmlreader.h>

#include "loket-error.h"
#include "loket-sheet-private.h"

/* libgsf declares no autoptr cleanup; a local name cannot clash with one it
 * may add. */
typedef GsfInput Part;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Part, g_object_unref)

#define REL_WORKSHEET      "/worksheet"
#define REL_SHARED_STRINGS "/sharedStrings"
#define REL_OFFICE_DOCUMENT "/officeDocument"

typedef struct {
  char *id;
  char *type;
  char *target;  /* resolved: a path inside the zip */
} Rel;

typedef struct {
  LoketSheetReader *reader;
  GsfInfile        *zip;          /* owned */
  GPtrArray        *strings;      /* of const char * into the sheet's chunk;
                                   * NULL for a string over the cell limit */
  char             *xml_error;    /* owned: libxml2's first complaint */
  const char       *part;         /* the part being read, for messages */
  GsfInput         *input;        /* borrowed: the part being read */
  gboolean          zip_damaged;  /* an entry could not be opened */
  double            progress_base;
  double            progress_span;
} Workbook;

static void
rel_free (gpointer data)
{
  Rel *rel = data;

  g_free (rel->id);
  g_free (rel->type);
  g_free (rel->target);
  g_free (rel);
}

static void
set_damaged (Workbook  *wb,
             GError   **error)
{
  g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
               /* Translators: the second %s is a part of the file such as
                * xl/worksheets/sheet1.xml, the third what is wrong with it */
               _("“%s” is a damaged Excel workbook: its part %s cannot be read (%s). Open it in Excel and save it again, or ask the cooperative to send it again."),
               wb->reader->name, wb->part,
               wb->xml_error != NULL ? wb->xml_error : _("unexpected content"));
}

/* `target` as a path in the zip: absolute ("/xl/…") or relative to `base`
 * ("xl"), with "." and ".." resolved. */
static char *
resolve (const char *base,
         const char *target)
{
  g_autofree char *joined = NULL;
  g_auto(GStrv) names = NULL;
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();

  if (target[0] == '/' || base == NULL || *base == '\0')
    joined = g_strdup (target);
  else
    joined = g_strconcat (base, "/", target, NULL);
  names = g_strsplit (joined, "/", -1);
  for (guint i = 0; names[i] != NULL; i++)
    {
      if (*names[i] == '\0' || strcmp (names[i], ".") == 0)
        continue;
      if (strcmp (names[i], "..") == 0)
        {
          if (kept->len > 0)
            g_ptr_array_remove_index (kept, kept->len - 1);
          continue;
        }
      g_ptr_array_add (kept, names[i]);
    }
  g_ptr_array_add (kept, NULL);
  return g_strjoinv ("/", (char **) kept->pdata);
}

static int
read_part (void *context,
           char *buffer,
           int   len)
{
  Workbook *wb = context;
  gsf_off_t remaining = gsf_input_remaining (wb->input);
  int n = (int) MIN ((gsf_off_t) len, remaining);

  if (n <= 0)
    return 0;
  if (gsf_input_read (wb->input, n, (guint8 *) buffer) == NULL)
    return -1;
  return n;
}

static void
on_xml_error (void        *data,
              xmlErrorPtr  err)
{
  Workbook *wb = data;

  if (wb->xml_error == NULL && err != NULL && err->level >= XML_ERR_ERROR)
    {
      g_autofree char *message = g_strdup (err->message != NULL ? err->message : "?");

      wb->xml_error = g_strdup_printf ("line %d: %s", err->line, g_strstrip (message));
    }
}

static gpointer
init_libxml (gpointer data)
{
  xmlInitParser ();
  return NULL;
}

/* libgsf registers its GTypes on first use without a lock: two threads
 * opening their first workbook at once register GsfInputMemory twice (a
 * GLib warning, fatal in tests; undefined in the app's worker threads).
 * Registering them once, under GOnce, before any workbook is opened
 * closes the race. */
static gpointer
register_gsf_types (gpointer data)
{
  gsf_init ();
  g_type_ensure (GSF_INPUT_MEMORY_TYPE);
  g_type_ensure (GSF_INFILE_ZIP_TYPE);
  return NULL;
}

/* A streaming reader over `input`; NULL with `error` set when it cannot
 * even start. */
static xmlTextReaderPtr
open_xml (Workbook    *wb,
          GsfInput    *input,
          const char  *part,
          GError     **error)
{
  static GOnce once = G_ONCE_INIT;
  xmlTextReaderPtr xml;

  g_once (&once, init_libxml, NULL);
  wb->input = input;
  wb->part = part;
  g_clear_pointer (&wb->xml_error, g_free);
  /* No DTD loading, no network, no entity expansion: a workbook has no use
   * for them, and they are how a hostile file exhausts memory. */
  xml = xmlReaderForIO (read_part, NULL, wb, part, NULL, XML_PARSE_NONET);
  if (xml == NULL)
    {
      set_damaged (wb, error);
      return NULL;
    }
  xmlTextReaderSetStructuredErrorHandler (xml, on_xml_error, wb);
  return xml;
}

/* The value of the attribute whose local name is `name` (interned in the
 * reader's dictionary); borrowed until the next read. */
static const char *
attribute (xmlTextReaderPtr  xml,
           const xmlChar    *name,
           gboolean          namespaced)
{
  const char *value = NULL;

  if (xmlTextReaderMoveToFirstAttribute (xml) != 1)
    return NULL;
  do
    {
      if (xmlTextReaderConstLocalName (xml) == name
          && (!namespaced || xmlTextReaderConstNamespaceUri (xml) != NULL))
        {
          value = (const char *) xmlTextReaderConstValue (xml);
          break;
        }
    }
  while (xmlTextReaderMoveToNextAttribute (xml) == 1);
  xmlTextReaderMoveToElement (xml);
  return value;
}

/* The relationships of `part` (from its _rels/NAME.rels), targets resolved;
 * empty when there are none. */
static GPtrArray *
read_rels (Workbook    *wb,
           const char  *part,
           GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (part);
  g_autofree char *base = g_path_get_basename (part);
  g_autofree char *rels_path = NULL;
  g_autoptr(GPtrArray) rels = g_ptr_array_new_with_free_func (rel_free);
  g_autoptr(Part) input = NULL;
  xmlTextReaderPtr xml;
  const xmlChar *n_rel, *n_id, *n_type, *n_target, *n_mode;
  int ret;

  if (*part == '\0')
    rels_path = g_strdup ("_rels/.rels");  /* the package's own */
  else if (strcmp (dir, ".") == 0)
    rels_path = g_strdup_printf ("_rels/%s.rels", base);
  else
    rels_path = g_strdup_printf ("%s/_rels/%s.rels", dir, base);
  if (strcmp (dir, ".") == 0)
    g_clear_pointer (&dir, g_free);
  input = loket_sheet_zip_open_part (wb->zip, rels_path, &wb->zip_damaged);
  if (input == NULL)
    return g_steal_pointer (&rels);
  xml = open_xml (wb, input, rels_path, error);
  if (xml == NULL)
    return NULL;
  n_rel = xmlTextReaderConstString (xml, BAD_CAST "Relationship");
  n_id = xmlTextReaderConstString (xml, BAD_CAST "Id");
  n_type = xmlTextReaderConstString (xml, BAD_CAST "Type");
  n_target = xmlTextReaderConstString (xml, BAD_CAST "Target");
  n_mode = xmlTextReaderConstString (xml, BAD_CAST "TargetMode");

  while ((ret = xmlTextReaderRead (xml)) == 1)
    {
      const char *id, *type, *target, *mode;
      Rel *rel;

      if (xmlTextReaderNodeType (xml) != XML_READER_TYPE_ELEMENT
          || xmlTextReaderConstLocalName (xml) != n_rel)
        continue;
      mode = attribute (xml, n_mode, FALSE);
      if (mode != NULL && g_ascii_strcasecmp (mode, "External") == 0)
        continue;
      id = attribute (xml, n_id, FALSE);
      if (id == NULL)
        continue;
      rel = g_new0 (Rel, 1);
      rel->id = g_strdup (id);
      type = attribute (xml, n_type, FALSE);
      rel->type = g_strdup (type != NULL ? type : "");
      target = attribute (xml, n_target, FALSE);
      rel->target = resolve (dir, target != NULL ? target : "");
      g_ptr_array_add (rels, rel);
    }
  xmlFreeTextReader (xml);
  if (ret != 0)
    {
      set_damaged (wb, error);
      return NULL;
    }
  return g_steal_pointer (&rels);
}

static const Rel *
find_rel (GPtrArray  *rels,
          const char *id,
          const char *type_suffix)
{
  for (guint i = 0; i < rels->len; i++)
    {
      const Rel *rel = g_ptr_array_index (rels, i);

      if (id != NULL && strcmp (rel->id, id) != 0)
        continue;
      if (type_suffix != NULL && !g_str_has_suffix (rel->type, type_suffix))
        continue;
      return rel;
    }
  return NULL;
}

/* Excel writes characters XML cannot hold (a carriage return, control
 * characters) as _xHHHH_, and a literal "_x" as _x005F_x. */
static void
decode_escapes (GString *text)
{
  gsize r = 0, w = 0;

  if (strstr (text->str, "_x") == NULL)
    return;
  while (r < text->len)
    {
      const char *p = text->str + r;

      if (p[0] == '_' && r + 7 <= text->len && p[1] == 'x'
          && g_ascii_isxdigit (p[2]) && g_ascii_isxdigit (p[3])
          && g_ascii_isxdigit (p[4]) && g_ascii_isxdigit (p[5]) && p[6] == '_')
        {
          gunichar c = (g_ascii_xdigit_value (p[2]) << 12) | (g_ascii_xdigit_value (p[3]) << 8)
                       | (g_ascii_xdigit_value (p[4]) << 4) | g_ascii_xdigit_value (p[5]);

          if (c != 0 && g_unichar_validate (c))
            {
              /* At most 3 bytes for the 7 read: writing never overtakes
               * reading. */
              w += g_unichar_to_utf8 (c, text->str + w);
              r += 7;
              continue;
            }
        }
      text->str[w++] = text->str[r++];
    }
  g_string_truncate (text, w);
}

static gboolean
tick (Workbook  *wb,
      GError   **error)
{
  gsf_off_t size = gsf_input_size (wb->input);
  double fraction = size > 0 ? (double) gsf_input_tell (wb->input) / size : 1.0;

  return loket_sheet_reader_tick (wb->reader,
                                  wb->progress_base + wb->progress_span * fraction,
                                  error);
}

static gboolean
is_text_node (int type)
{
  return type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA
         || type == XML_READER_TYPE_WHITESPACE
         || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE;
}

/* Every <si> in order, its runs (<r><t>) joined; phonetic guides (<rPh>,
 * for Japanese) left out, as Excel shows them only on request. */
static gboolean
read_shared_strings (Workbook    *wb,
                     GsfInput    *input,
                     const char  *part,
                     GError     **error)
{
  g_autoptr(GString) text = g_string_sized_new (64);
  LoketSheet *sheet = wb->reader->sheet;
  const xmlChar *n_si, *n_t, *n_rph;
  gboolean in_si = FALSE, in_rph = FALSE, collecting = FALSE, too_long = FALSE;
  xmlTextReaderPtr xml;
  int ret;

  xml = open_xml (wb, input, part, error);
  if (xml == NULL)
    return FALSE;
  n_si = xmlTextReaderConstString (xml, BAD_CAST "si");
  n_t = xmlTextReaderConstString (xml, BAD_CAST "t");
  n_rph = xmlTextReaderConstString (xml, BAD_CAST "rPh");

  while ((ret = xmlTextReaderRead (xml)) == 1)
    {
      int type = xmlTextReaderNodeType (xml);

      if (type == XML_READER_TYPE_ELEMENT)
        {
          const xmlChar *name = xmlTextReaderConstLocalName (xml);
          gboolean empty = xmlTextReaderIsEmptyElement (xml) == 1;

          if (name == n_si)
            {
              if ((wb->strings->len & 1023) == 0 && !tick (wb, error))
                break;
              if (empty)
                g_ptr_array_add (wb->strings, (gpointer) loket_sheet_empty);
              else
                {
                  in_si = TRUE;
                  too_long = FALSE;
                  g_string_truncate (text, 0);
                }
            }
          else if (name == n_rph && in_si)
            in_rph = !empty;
          else if (name == n_t && in_si && !in_rph)
            collecting = !empty;
        }
      else if (type == XML_READER_TYPE_END_ELEMENT)
        {
          const xmlChar *name = xmlTextReaderConstLocalName (xml);

          if (name == n_t)
            collecting = FALSE;
          else if (name == n_rph)
            in_rph = FALSE;
          else if (name == n_si && in_si)
            {
              const char *stored = loket_sheet_empty;

              in_si = FALSE;
              decode_escapes (text);
              if (too_long)
                stored = NULL;
              else if (text->len > 0)
                stored = g_string_chunk_insert_len (sheet->text, text->str, text->len);
              g_ptr_array_add (wb->strings, (gpointer) stored);
            }
        }
      else if (collecting && is_text_node (type))
        {
          const char *value = (const char *) xmlTextReaderConstValue (xml);
          gsize len = strlen (value);

          /* A string over the limit is refused only if a cell uses it, so
           * that the message can name that cell. */
          if (too_long || text->len + len > LOKET_SHEET_MAX_CELL_BYTES)
            too_long = TRUE;
          else
            g_string_append_len (text, value, len);
        }
    }
  xmlFreeTextReader (xml);
  if (ret == 1)
    return FALSE;  /* cancelled */
  if (ret != 0)
    {
      set_damaged (wb, error);
      return FALSE;
    }
  return TRUE;
}

/* The workbook part's first sheet as the clerk sees it: the first one in tab
 * order that is not hidden and is a worksheet (not a chart). Sets the sheet's
 * name and date system, and `sheet_id` to the sheet's relationship id (NULL
 * when the workbook lists no sheet). */
static gboolean
read_workbook (Workbook    *wb,
               GsfInput    *input,
               const char  *part,
               GPtrArray   *rels,
               char       **sheet_id,
               GError     **error)
{
  LoketSheet *sheet = wb->reader->sheet;
  const xmlChar *n_sheet, *n_name, *n_state, *n_id, *n_pr, *n_1904;
  char *first_id = NULL, *first_name = NULL;
  char *chosen_id = NULL, *chosen_name = NULL;
  xmlTextReaderPtr xml;
  int ret;

  xml = open_xml (wb, input, part, error);
  if (xml == NULL)
    return FALSE;
  n_sheet = xmlTextReaderConstString (xml, BAD_CAST "sheet");
  n_name = xmlTextReaderConstString (xml, BAD_CAST "name");
  n_state = xmlTextReaderConstString (xml, BAD_CAST "state");
  n_id = xmlTextReaderConstString (xml, BAD_CAST "id");
  n_pr = xmlTextReaderConstString (xml, BAD_CAST "workbookPr");
  n_1904 = xmlTextReaderConstString (xml, BAD_CAST "date1904");

  while ((ret = xmlTextReaderRead (xml)) == 1)
    {
      const xmlChar *name;

      if (xmlTextReaderNodeType (xml) != XML_READER_TYPE_ELEMENT)
        continue;
      name = xmlTextReaderConstLocalName (xml);
      if (name == n_pr)
        {
          const char *value = attribute (xml, n_1904, FALSE);

          sheet->date1904 = value != NULL && (strcmp (value, "1") == 0
                                              || g_ascii_strcasecmp (value, "true") == 0);
        }
      else if (name == n_sheet && chosen_id == NULL)
        {
          const char *id = attribute (xml, n_id, TRUE);
          const char *state = attribute (xml, n_state, FALSE);
          const char *sheet_name = attribute (xml, n_name, FALSE);
          const Rel *rel;

          if (id == NULL)
            continue;
          rel = find_rel (rels, id, NULL);
          if (rel != NULL && !g_str_has_suffix (rel->type, REL_WORKSHEET))
            continue;  /* a chart sheet */
          if (first_id == NULL)
            {
              first_id = g_strdup (id);
              first_name = g_strdup (sheet_name);
            }
          if (state == NULL || strcmp (state, "visible") == 0)
            {
              chosen_id = g_strdup (id);
              chosen_name = g_strdup (sheet_name);
            }
        }
    }
  xmlFreeTextReader (xml);
  if (ret != 0)
    {
      g_free (first_id);
      g_free (first_name);
      g_free (chosen_id);
      g_free (chosen_name);
      set_damaged (wb, error);
      return FALSE;
    }
  /* Every sheet hidden: the first one, then. */
  if (chosen_id == NULL)
    {
      chosen_id = g_steal_pointer (&first_id);
      chosen_name = g_steal_pointer (&first_name);
    }
  g_free (first_id);
  g_free (first_name);
  g_free (sheet->sheet_name);
  sheet->sheet_name = chosen_name;
  *sheet_id = chosen_id;
  return TRUE;
}

typedef enum {
  CELL_NUMBER,
  CELL_SHARED,
  CELL_INLINE,
  CELL_STRING,  /* a formula's text result */
  CELL_BOOLEAN,
  CELL_ERROR,   /* #N/A, #REF! … */
  CELL_DATE,    /* ISO 8601 text, from strict-mode writers */
} CellType;

static CellType
cell_type (const char *t)
{
  if (t == NULL || strcmp (t, "n") == 0)
    return CELL_NUMBER;
  if (strcmp (t, "s") == 0)
    return CELL_SHARED;
  if (strcmp (t, "inlineStr") == 0)
    return CELL_INLINE;
  if (strcmp (t, "b") == 0)
    return CELL_BOOLEAN;
  if (strcmp (t, "e") == 0)
    return CELL_ERROR;
  if (strcmp (t, "d") == 0)
    return CELL_DATE;
  return CELL_STRING;
}

/* The column of a reference such as "C5" (2), or -1 without letters. */
static gint64
reference_column (const char *ref)
{
  gint64 column = 0;
  const char *p;

  for (p = ref; g_ascii_isalpha (*p); p++)
    {
      column = column * 26 + (g_ascii_toupper (*p) - 'A' + 1);
      if (column > G_MAXINT32)
        return G_MAXINT32;
    }
  return p == ref ? -1 : column - 1;
}

typedef struct {
  guint     row;        /* 1-based, as in Excel */
  gint64    column;     /* 0-based */
  CellType  type;
  gboolean  has_value;
  GString  *text;
} Cell;

/* Adds the rows the file skipped (they had no cells), so that row numbers
 * stay Excel's, then the row read. */
static gboolean
commit_row (Workbook  *wb,
            guint      row,
            GError   **error)
{
  LoketSheetReader *reader = wb->reader;
  GArray *rows = reader->sheet->rows;

  if (row > LOKET_SHEET_MAX_ROWS || rows->len >= LOKET_SHEET_MAX_ROWS)
    {
      loket_sheet_error_too_many_rows (reader, error);
      return FALSE;
    }
  if (rows->len + 1 < row)
    {
      LoketSheetRow empty = { reader->sheet->cells->len, 0 };

      while (rows->len + 1 < row)
        g_array_append_val (rows, empty);
    }
  loket_sheet_reader_end_row (reader);
  return TRUE;
}

static gboolean
finish_cell (Workbook  *wb,
             Cell      *cell,
             GError   **error)
{
  LoketSheetReader *reader = wb->reader;
  const char *shared = NULL;
  const char *text = cell->text->str;
  gsize len = cell->text->len;

  switch (cell->type)
    {
    case CELL_SHARED:
      {
        char *end = NULL;
        guint64 index = g_ascii_strtoull (text, &end, 10);

        if (len == 0 || end == NULL || *end != '\0' || index >= wb->strings->len)
          {
            g_autofree char *letters = loket_sheet_column_letters (MIN (cell->column, G_MAXINT32));

            g_free (wb->xml_error);
            /* Translators: %s%u is a cell such as C5 */
            wb->xml_error = g_strdup_printf (_("cell %s%u refers to a shared text that is not there"),
                                             letters, cell->row);
            set_damaged (wb, error);
            return FALSE;
          }
        shared = g_ptr_array_index (wb->strings, index);
        if (shared == NULL)
          {
            loket_sheet_error_cell_too_long (reader, cell->row, cell->column, error);
            return FALSE;
          }
        if (*shared == '\0')
          return TRUE;
      }
      break;
    case CELL_INLINE:
    case CELL_STRING:
      decode_escapes (cell->text);
      text = cell->text->str;
      len = cell->text->len;
      break;
    case CELL_BOOLEAN:
      text = strcmp (text, "0") == 0 ? "FALSE" : "TRUE";
      len = strlen (text);
      break;
    case CELL_NUMBER:
    case CELL_ERROR:
    case CELL_DATE:
    default:
      break;
    }

  /* An empty text shows as an empty cell, and is one. */
  if (shared == NULL && len == 0)
    return TRUE;
  if (cell->column >= LOKET_SHEET_MAX_COLUMNS)
    {
      loket_sheet_error_too_many_columns (reader, cell->row, error);
      return FALSE;
    }
  if (shared != NULL)
    loket_sheet_reader_set_shared (reader, cell->column, shared);
  else
    loket_sheet_reader_set_cell (reader, cell->column, text, len,
                                 cell->type == CELL_NUMBER);
  return TRUE;
}

static gboolean
read_worksheet (Workbook    *wb,
                GsfInput    *input,
                const char  *part,
                GError     **error)
{
  g_autoptr(GString) text = g_string_sized_new (64);
  LoketSheetReader *reader = wb->reader;
  const xmlChar *n_row, *n_c, *n_v, *n_is, *n_t, *n_rph, *n_r, *n_type;
  gboolean in_row = FALSE, in_cell = FALSE, in_is = FALSE, in_rph = FALSE;
  gboolean collecting = FALSE, failed = FALSE;
  Cell cell = { .text = text };
  guint row = 0, rows_seen = 0;
  gint64 previous_column = -1;
  xmlTextReaderPtr xml;
  int ret;

  xml = open_xml (wb, input, part, error);
  if (xml == NULL)
    return FALSE;
  n_row = xmlTextReaderConstString (xml, BAD_CAST "row");
  n_c = xmlTextReaderConstString (xml, BAD_CAST "c");
  n_v = xmlTextReaderConstString (xml, BAD_CAST "v");
  n_is = xmlTextReaderConstString (xml, BAD_CAST "is");
  n_t = xmlTextReaderConstString (xml, BAD_CAST "t");
  n_rph = xmlTextReaderConstString (xml, BAD_CAST "rPh");
  n_r = xmlTextReaderConstString (xml, BAD_CAST "r");
  n_type = n_t;

  while (!failed && (ret = xmlTextReaderRead (xml)) == 1)
    {
      int type = xmlTextReaderNodeType (xml);

      if (type == XML_READER_TYPE_ELEMENT)
        {
          const xmlChar *name = xmlTextReaderConstLocalName (xml);
          gboolean empty = xmlTextReaderIsEmptyElement (xml) == 1;

          if (name == n_c && in_row)
            {
              gint64 column = -1;

              /* One pass over the attributes, each value used at once: the
               * reader may reuse its buffer for the next. */
              cell.type = CELL_NUMBER;
              if (xmlTextReaderMoveToFirstAttribute (xml) == 1)
                {
                  do
                    {
                      const xmlChar *attr = xmlTextReaderConstLocalName (xml);

                      if (attr == n_r)
                        column = reference_column ((const char *) xmlTextReaderConstValue (xml));
                      else if (attr == n_type)
                        cell.type = cell_type ((const char *) xmlTextReaderConstValue (xml));
                    }
                  while (xmlTextReaderMoveToNextAttribute (xml) == 1);
                  xmlTextReaderMoveToElement (xml);
                }
              /* Without a reference, a cell follows the one before. */
              cell.column = column >= 0 ? column : previous_column + 1;
              previous_column = cell.column;
              cell.row = row;
              cell.has_value = FALSE;
              g_string_truncate (text, 0);
              in_cell = !empty;
            }
          else if (name == n_v && in_cell)
            {
              cell.has_value = TRUE;
              collecting = !empty;
            }
          else if (name == n_is && in_cell)
            {
              cell.has_value = TRUE;
              in_is = !empty;
            }
          else if (name == n_rph && in_is)
            in_rph = !empty;
          else if (name == n_t && in_is && !in_rph)
            collecting = !empty;
          else if (name == n_row)
            {
              const char *r = attribute (xml, n_r, FALSE);
              guint64 number = r != NULL ? g_ascii_strtoull (r, NULL, 10) : 0;

              /* Rows with no number, or out of order, follow the one
               * before. */
              row = number > row ? (guint) MIN (number, (guint64) G_MAXUINT - 1) : row + 1;
              previous_column = -1;
              in_row = !empty;
              if ((++rows_seen & 1023) == 0 && !tick (wb, error))
                failed = TRUE;
            }
        }
      else if (type == XML_READER_TYPE_END_ELEMENT)
        {
          const xmlChar *name = xmlTextReaderConstLocalName (xml);

          if (name == n_v || name == n_t)
            collecting = FALSE;
          else if (name == n_rph)
            in_rph = FALSE;
          else if (name == n_is)
            in_is = FALSE;
          else if (name == n_c && in_cell)
            {
              in_cell = FALSE;
              if (cell.has_value && !finish_cell (wb, &cell, error))
                failed = TRUE;
            }
          else if (name == n_row && in_row)
            {
              in_row = FALSE;
              if (reader->pending->len > 0 && !commit_row (wb, row, error))
                failed = TRUE;
            }
        }
      else if (collecting && is_text_node (type))
        {
          const char *value = (const char *) xmlTextReaderConstValue (xml);
          gsize len = strlen (value);

          if (text->len + len > LOKET_SHEET_MAX_CELL_BYTES)
            {
              loket_sheet_error_cell_too_long (reader, cell.row, cell.column, error);
              failed = TRUE;
            }
          else
            g_string_append_len (text, value, len);
        }
    }
  xmlFreeTextReader (xml);
  if (failed)
    return FALSE;
  if (ret != 0)
    {
      set_damaged (wb, error);
      return FALSE;
    }
  return TRUE;
}

static void
set_zip_damaged (Workbook  *wb,
                 GError   **error)
{
  g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
               _("“%s” looks like an Excel workbook but cannot be opened: it is damaged, or was not copied or downloaded completely. Ask the cooperative to send it again."),
               wb->reader->name);
}

/* A zip that is not a workbook: say what it is when that helps. */
static void
set_not_a_workbook (Workbook  *wb,
                    GError   **error)
{
  g_autoptr(Part) mimetype = loket_sheet_zip_open_part (wb->zip, "mimetype", &wb->zip_damaged);
  g_autoptr(Part) binary = loket_sheet_zip_open_part (wb->zip, "xl/workbook.bin", &wb->zip_damaged);
  const char *name = wb->reader->name;
  char type[128] = { 0 };

  if (mimetype != NULL)
    {
      gsf_off_t n = MIN (gsf_input_size (mimetype), (gsf_off_t) sizeof type - 1);
      if (n > 0 && gsf_input_read (mimetype, n, (guint8 *) type) == NULL)
        type[0] = '\0';
    }
  if (wb->zip_damaged)
    set_zip_damaged (wb, error);
  else if (strstr (type, "opendocument.spreadsheet") != NULL)
    g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                 _("“%s” is an OpenDocument spreadsheet (.ods). Open it in LibreOffice Calc or Excel and save it as Excel Workbook (.xlsx) or CSV."),
                 name);
  else if (binary != NULL)
    g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                 _("“%s” is an Excel Binary Workbook (.xlsb), which Loket cannot read. Open it in Excel and save it as Excel Workbook (.xlsx) or CSV."),
                 name);
  else
    g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                 _("“%s” is a zip archive or another document, not an Excel workbook. Choose the member list itself (.xlsx or .csv); if it is inside the archive, extract it first."),
                 name);
}

gboolean
loket_sheet_read_xlsx (LoketSheetReader  *reader,
                       GBytes            *bytes,
                       GError           **error)
{
  Workbook wb = { .reader = reader };
  g_autoptr(Part) memory = NULL;
  g_autoptr(Part) workbook = NULL;
  g_autoptr(Part) strings = NULL;
  g_autoptr(Part) worksheet = NULL;
  g_autoptr(GPtrArray) package_rels = NULL;
  g_autoptr(GPtrArray) rels = NULL;
  g_autoptr(GError) zip_error = NULL;
  g_autofree char *workbook_path = NULL;
  g_autofree char *strings_path = NULL;
  g_autofree char *sheet_path = NULL;
  g_autofree char *sheet_id = NULL;
  const Rel *rel;
  gsize len = 0;
  const guint8 *data = g_bytes_get_data (bytes, &len);
  gsf_off_t strings_size = 0, sheet_size = 0;
  gboolean ok = FALSE;

  if (!loket_sheet_zip_is_sound (data, len))
    {
      set_zip_damaged (&wb, error);
      return FALSE;
    }
  {
    static GOnce gsf_once = G_ONCE_INIT;
    g_once (&gsf_once, register_gsf_types, NULL);
  }
  memory = gsf_input_memory_new (data, len, FALSE);
  wb.zip = gsf_infile_zip_new (memory, &zip_error);
  if (wb.zip == NULL)
    {
      set_zip_damaged (&wb, error);
      return FALSE;
    }
  wb.strings = g_ptr_array_new ();

  /* The package says where its workbook is; Excel always puts it at
   * xl/workbook.xml, which is the fallback. */
  package_rels = read_rels (&wb, "", error);
  if (package_rels == NULL)
    goto out;
  rel = find_rel (package_rels, NULL, REL_OFFICE_DOCUMENT);
  workbook_path = g_strdup (rel != NULL ? rel->target : "xl/workbook.xml");
  workbook = loket_sheet_zip_open_part (wb.zip, workbook_path, &wb.zip_damaged);
  if (workbook == NULL && rel != NULL)
    {
      g_free (workbook_path);
      workbook_path = g_strdup ("xl/workbook.xml");
      workbook = loket_sheet_zip_open_part (wb.zip, workbook_path, &wb.zip_damaged);
    }
  if (workbook == NULL || !g_str_has_suffix (workbook_path, ".xml"))
    {
      set_not_a_workbook (&wb, error);
      goto out;
    }

  rels = read_rels (&wb, workbook_path, error);
  if (rels == NULL)
    goto out;
  if (!read_workbook (&wb, workbook, workbook_path, rels, &sheet_id, error))
    goto out;
  rel = sheet_id != NULL ? find_rel (rels, sheet_id, NULL) : NULL;
  sheet_path = g_strdup (rel != NULL ? rel->target : "xl/worksheets/sheet1.xml");
  worksheet = loket_sheet_zip_open_part (wb.zip, sheet_path, &wb.zip_damaged);
  if (worksheet == NULL && wb.zip_damaged)
    {
      set_zip_damaged (&wb, error);
      goto out;
    }
  if (worksheet == NULL)
    {
      g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                   _("“%s” is a damaged Excel workbook: its first sheet cannot be found. Open it in Excel and save it again, or ask the cooperative to send it again."),
                   reader->name);
      goto out;
    }

  rel = find_rel (rels, NULL, REL_SHARED_STRINGS);
  strings_path = g_strdup (rel != NULL ? rel->target : "xl/sharedStrings.xml");
  strings = loket_sheet_zip_open_part (wb.zip, strings_path, &wb.zip_damaged);
  if (strings == NULL && wb.zip_damaged)
    {
      set_zip_damaged (&wb, error);
      goto out;
    }

  /* Progress runs over both parts by their unpacked size. */
  if (strings != NULL)
    strings_size = gsf_input_size (strings);
  sheet_size = gsf_input_size (worksheet);
  wb.progress_span = strings_size + sheet_size > 0
                     ? (double) strings_size / (strings_size + sheet_size) : 0;
  if (strings != NULL && !read_shared_strings (&wb, strings, strings_path, error))
    goto out;
  wb.progress_base = wb.progress_span;
  wb.progress_span = 1.0 - wb.progress_base;
  if (!read_worksheet (&wb, worksheet, sheet_path, error))
    goto out;

  if (reader->sheet->rows->len == 0)
    {
      if (reader->sheet->sheet_name != NULL)
        g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                     _("“%s”: its first sheet, “%s”, is empty. Put the member list in the first sheet of the workbook and save it again."),
                     reader->name, reader->sheet->sheet_name);
      else
        g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
                     _("“%s”: its first sheet is empty. Put the member list in the first sheet of the workbook and save it again."),
                     reader->name);
      goto out;
    }
  ok = TRUE;

out:
  g_ptr_array_unref (wb.strings);
  g_free (wb.xml_error);
  g_object_unref (wb.zip);
  return ok;
}
