/* loket-member-list.c */
#include "config.h"

#include "loket-member-list.h"

/* 64 rows a page, 64 pages kept: a screen of rows is one or two pages, and
 * scrolling a million rows holds at most 4 096 members at any time. */
#define PAGE_SIZE 64
#define MAX_PAGES 64

struct _LoketMemberList
{
  GObject     parent_instance;

  LoketStore *store;        /* owned */
  char       *query;        /* owned */
  gint64      cooperative_id; /* 0: everyone's members */
  guint       search_limit;
  GArray     *ids;          /* owned; gint64, one per item, unless dense */
  gboolean    dense;        /* everyone, ids without gaps: item i is highest - i */
  gint64      highest;
  guint       n_dense;
  gboolean    truncated;
  GHashTable *pages;        /* page number → GPtrArray of LoketMember, owned */
  GQueue      page_order;   /* page numbers, least recently used first */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LoketMemberList, loket_member_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
loket_member_list_get_item_type (GListModel *model)
{
  return LOKET_TYPE_MEMBER;
}

static guint
n_items (LoketMemberList *self)
{
  return self->dense ? self->n_dense : self->ids->len;
}

static gint64
id_at (LoketMemberList *self,
       guint            position)
{
  return self->dense ? self->highest - position : g_array_index (self->ids, gint64, position);
}

static guint
loket_member_list_get_n_items (GListModel *model)
{
  return n_items (LOKET_MEMBER_LIST (model));
}

static void
forget_pages (LoketMemberList *self)
{
  g_hash_table_remove_all (self->pages);
  g_queue_clear (&self->page_order);
}

/* A stand-in for a row that could not be read (deleted meanwhile, or the
 * database failed): the list must hand out an item for every position. */
static LoketMember *
missing_member (gint64 id)
{
  LoketMember *member = loket_member_new ();

  member->id = id;
  member->name = g_strdup ("—");
  return member;
}

static GPtrArray *
load_page (LoketMemberList *self,
           guint            page)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) loaded = NULL;
  guint first = page * PAGE_SIZE;
  guint count = MIN (PAGE_SIZE, n_items (self) - first);
  gint64 ids[PAGE_SIZE];
  GPtrArray *rows = g_ptr_array_new_full (count, g_object_unref);
  guint next = 0;

  for (guint i = 0; i < count; i++)
    ids[i] = id_at (self, first + i);

  loaded = loket_store_load_members (self->store, ids, count, &error);
  if (loaded == NULL)
    g_warning ("Could not load members: %s", error->message);

  /* load_members keeps the order and skips missing ids: line them up. */
  for (guint i = 0; i < count; i++)
    {
      LoketMember *member = NULL;

      if (loaded != NULL && next < loaded->len)
        {
          member = g_ptr_array_index (loaded, next);
          if (member->id == ids[i])
            next++;
          else
            member = NULL;
        }
      g_ptr_array_add (rows, member ? g_object_ref (member) : missing_member (ids[i]));
    }

  return rows;
}

static gpointer
loket_member_list_get_item (GListModel *model,
                            guint       position)
{
  LoketMemberList *self = LOKET_MEMBER_LIST (model);
  guint page = position / PAGE_SIZE;
  GPtrArray *rows;

  if (position >= n_items (self))
    return NULL;

  rows = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  if (rows == NULL)
    {
      rows = load_page (self, page);
      g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), rows);
      g_queue_push_tail (&self->page_order, GUINT_TO_POINTER (page));
      if (g_queue_get_length (&self->page_order) > MAX_PAGES)
        g_hash_table_remove (self->pages, g_queue_pop_head (&self->page_order));
    }
  else
    {
      /* Most recently used goes to the back of the queue. */
      g_queue_remove (&self->page_order, GUINT_TO_POINTER (page));
      g_queue_push_tail (&self->page_order, GUINT_TO_POINTER (page));
    }

  return g_object_ref (g_ptr_array_index (rows, position % PAGE_SIZE));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = loket_member_list_get_item_type;
  iface->get_n_items = loket_member_list_get_n_items;
  iface->get_item = loket_member_list_get_item;
}

static void
loket_member_list_finalize (GObject *object)
{
  LoketMemberList *self = LOKET_MEMBER_LIST (object);

  g_queue_clear (&self->page_order);
  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->query, g_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (loket_member_list_parent_class)->finalize (object);
}

static void
loket_member_list_class_init (LoketMemberListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = loket_member_list_finalize;
}

static void
loket_member_list_init (LoketMemberList *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  self->query = g_strdup ("");
  g_queue_init (&self->page_order);
}

LoketMemberList *
loket_member_list_new (LoketStore *store,
                       guint       search_limit)
{
  LoketMemberList *self;

  g_return_val_if_fail (LOKET_IS_STORE (store), NULL);

  self = g_object_new (LOKET_TYPE_MEMBER_LIST, NULL);
  self->store = g_object_ref (store);
  self->search_limit = MAX (search_limit, 1);
  return self;
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

gboolean
loket_member_list_set_query (LoketMemberList  *self,
                             const char       *text,
                             GError          **error)
{
  g_autoptr(GArray) ids = NULL;
  gint64 count = 0, lowest = 0, highest = 0;
  gboolean dense = FALSE;
  guint limit, removed;

  g_return_val_if_fail (LOKET_IS_MEMBER_LIST (self), FALSE);

  if (text == NULL)
    text = "";

  /* Everyone, when no id is missing (members are never deleted, so in
   * practice always): the position says the id, and a million members cost
   * three small queries instead of reading a million ids (100 ms). */
  if (is_blank (text) && self->cooperative_id == 0)
    {
      if (!loket_store_get_member_id_span (self->store, &count, &lowest, &highest, error))
        return FALSE;
      dense = count == 0 || (count == highest - lowest + 1 && count <= G_MAXUINT);
    }

  if (dense)
    ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  else
    {
      /* One more than shown, to know whether there were more. */
      limit = is_blank (text) ? 0 : self->search_limit + 1;
      ids = loket_store_dup_cooperative_member_ids (self->store, self->cooperative_id, text, limit, error);
      if (ids == NULL)
        return FALSE;
      self->truncated = limit > 0 && ids->len > self->search_limit;
      if (self->truncated)
        g_array_set_size (ids, self->search_limit);
    }
  if (dense)
    self->truncated = FALSE;

  removed = n_items (self);
  g_free (self->query);
  self->query = g_strdup (text);
  g_array_unref (self->ids);
  self->ids = g_steal_pointer (&ids);
  self->dense = dense;
  self->highest = highest;
  self->n_dense = dense ? (guint) count : 0;
  forget_pages (self);

  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, n_items (self));
  return TRUE;
}

gboolean
loket_member_list_set_cooperative (LoketMemberList  *self,
                                   gint64            cooperative_id,
                                   GError          **error)
{
  g_autofree char *query = NULL;
  gint64 previous;

  g_return_val_if_fail (LOKET_IS_MEMBER_LIST (self), FALSE);
  g_return_val_if_fail (cooperative_id >= 0, FALSE);

  previous = self->cooperative_id;
  self->cooperative_id = cooperative_id;
  query = g_strdup (self->query);
  if (!loket_member_list_set_query (self, query, error))
    {
      self->cooperative_id = previous;
      return FALSE;
    }
  return TRUE;
}

gint64
loket_member_list_get_cooperative (LoketMemberList *self)
{
  g_return_val_if_fail (LOKET_IS_MEMBER_LIST (self), 0);
  return self->cooperative_id;
}

const char *
loket_member_list_get_query (LoketMemberList *self)
{
  g_return_val_if_fail (LOKET_IS_MEMBER_LIST (self), NULL);
  return self->query;
}

gboolean
loket_member_list_is_truncated (LoketMemberList *self)
{
  g_return_val_if_fail (LOKET_IS_MEMBER_LIST (self), FALSE);
  return self->truncated;
}

gboolean
loket_member_list_is_everyone (LoketMemberList *self)
{
  g_return_val_if_fail (LOKET_IS_MEMBER_LIST (self), FALSE);
  return is_blank (self->query);
}

gboolean
loket_member_list_reload (LoketMemberList  *self,
                          GError          **error)
{
  g_autofree char *query = NULL;

  g_return_val_if_fail (LOKET_IS_MEMBER_LIST (self), FALSE);

  query = g_strdup (self->query);
  return loket_member_list_set_query (self, query, error);
}

guint
loket_member_list_get_n_loaded (LoketMemberList *self)
{
  g_return_val_if_fail (LOKET_IS_MEMBER_LIST (self), 0);
  return g_hash_table_size (self->pages) * PAGE_SIZE;
}
