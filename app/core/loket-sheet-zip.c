/* loket-sheet-zip.c: the zip around an .xlsx, opened with libgsf without
 * letting a damaged file make libgsf print or complain.
 *
 * A damaged download is the clerk's everyday input, not a program error,
 * but libgsf treats some damage as one: an entry whose local header is not
 * where the zip's directory says prints "Header is 0x…" on stderr, a
 * nonsense modification time is a GLib critical, and
 * gsf_infile_child_by_name() logs a warning for any entry it cannot open.
 * The directory is checked here first, and children are opened through the
 * class method, which reports instead of logging. */
#include "config.h"

#include <string.h>

#include <gsf/gsf-infile-impl.h>
#include <gsf/gsf-input.h>

#include "loket-sheet-private.h"

static guint32
le32 (const guint8 *p)
{
  return p[0] | (p[1] << 8) | (p[2] << 16) | ((guint32) p[3] << 24);
}

static guint16
le16 (const guint8 *p)
{
  return p[0] | (p[1] << 8);
}

/* ZIP64 archives (over 4 GB, never a member list) are left to libgsf. */
gboolean
loket_sheet_zip_is_sound (const guint8 *data,
                          gsize         len)
{
  gsize end = 0, at;
  guint entries;

  if (len < 22)
    return FALSE;
  for (gsize i = len - 22 + 1; i > 0 && len - (i - 1) <= 22 + 65535; i--)
    if (le32 (data + i - 1) == 0x06054b50)
      {
        end = i - 1;
        break;
      }
  if (end == 0 && le32 (data) != 0x06054b50)
    return FALSE;
  if (end >= 20 && le32 (data + end - 20) == 0x07064b50)
    return TRUE;

  entries = le16 (data + end + 8);  /* as libgsf reads it */
  at = le32 (data + end + 16);
  for (guint e = 0; e < entries; e++)
    {
      guint32 dostime, local;
      guint date_part, time_part;

      if (at > len || len - at < 46 || le32 (data + at) != 0x02014b50)
        return FALSE;
      time_part = le16 (data + at + 12);
      date_part = le16 (data + at + 14);
      dostime = (date_part << 16) | time_part;
      if (dostime != 0
          && (!g_date_valid_dmy (date_part & 0x1f, (date_part >> 5) & 0x0f, (date_part >> 9) + 1980)
              || ((time_part >> 5) & 0x3f) > 59 || (time_part & 0x1f) * 2 > 59))
        return FALSE;
      local = le32 (data + at + 42);
      if (local != 0xffffffffu
          && (local > len || len - local < 30 || le32 (data + local) != 0x04034b50))
        return FALSE;
      at += 46 + le16 (data + at + 28) + le16 (data + at + 30) + le16 (data + at + 32);
    }
  return TRUE;
}

/* The child `name` of `dir`, its name compared without case if no child
 * has it exactly. */
static GsfInput *
child_quietly (GsfInfile  *dir,
               const char *name,
               gboolean   *damaged)
{
  GsfInfileClass *klass = GSF_INFILE_CLASS (G_OBJECT_GET_CLASS (dir));
  g_autoptr(GError) local = NULL;
  int n = gsf_infile_num_children (dir);
  int found = -1;
  GsfInput *child;

  for (int i = 0; i < n && found < 0; i++)
    if (g_strcmp0 (gsf_infile_name_by_index (dir, i), name) == 0)
      found = i;
  for (int i = 0; i < n && found < 0; i++)
    if (g_ascii_strcasecmp (gsf_infile_name_by_index (dir, i) ?: "", name) == 0)
      found = i;
  if (found < 0)
    return NULL;
  child = klass->child_by_index (dir, found, &local);
  if (child == NULL)
    *damaged = TRUE;
  return child;
}

GsfInput *
loket_sheet_zip_open_part (GsfInfile  *zip,
                           const char *path,
                           gboolean   *damaged)
{
  g_auto(GStrv) names = g_strsplit (path, "/", -1);
  GsfInput *current = g_object_ref (GSF_INPUT (zip));

  for (guint i = 0; names[i] != NULL && current != NULL; i++)
    {
      GsfInput *child;

      if (*names[i] == '\0')
        continue;
      if (!GSF_IS_INFILE (current) || gsf_infile_num_children (GSF_INFILE (current)) < 0)
        {
          g_clear_object (&current);
          break;
        }
      child = child_quietly (GSF_INFILE (current), names[i], damaged);
      g_object_unref (current);
      current = child;
    }
  if (current != NULL && GSF_IS_INFILE (current)
      && gsf_infile_num_children (GSF_INFILE (current)) >= 0)
    g_clear_object (&current);  /* a folder, not a part */
  return current;
}
