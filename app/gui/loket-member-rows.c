/* loket-member-rows.c */
#include "config.h"

#include "loket-member-rows.h"

/* Rows no widget holds any more are let go past this many. */
#define MAX_IDLE_ROWS 1024

struct _LoketMemberRow
{
  GObject      parent_instance;
  LoketMember *member;   /* owned */
};

G_DEFINE_FINAL_TYPE (LoketMemberRow, loket_member_row, G_TYPE_OBJECT)

enum {
  ROW_PROP_0,
  ROW_PROP_MEMBER,
  ROW_N_PROPS
};

static GParamSpec *row_properties[ROW_N_PROPS];

static void
loket_member_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LoketMemberRow *self = LOKET_MEMBER_ROW (object);

  switch (prop_id)
    {
    case ROW_PROP_MEMBER:
      g_value_set_object (value, self->member);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loket_member_row_finalize (GObject *object)
{
  g_clear_object (&LOKET_MEMBER_ROW (object)->member);
  G_OBJECT_CLASS (loket_member_row_parent_class)->finalize (object);
}

static void
loket_member_row_class_init (LoketMemberRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = loket_member_row_get_property;
  object_class->finalize = loket_member_row_finalize;

  row_properties[ROW_PROP_MEMBER] =
    g_param_spec_object ("member", NULL, NULL, LOKET_TYPE_MEMBER,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, ROW_N_PROPS, row_properties);
}

static void
loket_member_row_init (LoketMemberRow *self)
{
}

LoketMember *
loket_member_row_get_member (LoketMemberRow *self)
{
  g_return_val_if_fail (LOKET_IS_MEMBER_ROW (self), NULL);
  return self->member;
}

static void
row_set_member (LoketMemberRow *self,
                LoketMember    *member)
{
  if (g_set_object (&self->member, member))
    g_object_notify_by_pspec (G_OBJECT (self), row_properties[ROW_PROP_MEMBER]);
}

/* ---- the model ---------------------------------------------------------- */

struct _LoketMemberRows
{
  GObject          parent_instance;

  LoketMemberList *members;  /* owned */
  GHashTable      *rows;     /* position → LoketMemberRow, owned */
  guint            n_items;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LoketMemberRows, loket_member_rows, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
loket_member_rows_get_item_type (GListModel *model)
{
  return LOKET_TYPE_MEMBER_ROW;
}

static guint
loket_member_rows_get_n_items (GListModel *model)
{
  return LOKET_MEMBER_ROWS (model)->n_items;
}

/* Lets go of the rows only this model still holds, once there are many. */
static void
forget_idle_rows (LoketMemberRows *self)
{
  GHashTableIter iter;
  gpointer row;

  if (g_hash_table_size (self->rows) <= MAX_IDLE_ROWS)
    return;
  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, NULL, &row))
    if (G_OBJECT (row)->ref_count == 1)
      g_hash_table_iter_remove (&iter);
}

static gpointer
loket_member_rows_get_item (GListModel *model,
                            guint       position)
{
  LoketMemberRows *self = LOKET_MEMBER_ROWS (model);
  LoketMemberRow *row;

  if (position >= self->n_items)
    return NULL;

  row = g_hash_table_lookup (self->rows, GUINT_TO_POINTER (position));
  if (row == NULL)
    {
      forget_idle_rows (self);
      row = g_object_new (LOKET_TYPE_MEMBER_ROW, NULL);
      row->member = g_list_model_get_item (G_LIST_MODEL (self->members), position);
      g_hash_table_insert (self->rows, GUINT_TO_POINTER (position), row);
    }
  return g_object_ref (row);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = loket_member_rows_get_item_type;
  iface->get_n_items = loket_member_rows_get_n_items;
  iface->get_item = loket_member_rows_get_item;
}

/* The members changed (a new search): the rows keep their places and take
 * the new members; only the difference in length is reported, at the end,
 * so the views keep every row widget they have. */
static void
members_changed_cb (LoketMemberRows *self,
                    guint            position,
                    guint            removed,
                    guint            added,
                    GListModel      *members)
{
  guint old_n = self->n_items;
  guint new_n = g_list_model_get_n_items (members);
  GHashTableIter iter;
  gpointer key, row;

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, &key, &row))
    {
      guint at = GPOINTER_TO_UINT (key);

      /* Rows no widget holds are dropped rather than refilled: they would
       * cost a page of members each for nothing. */
      if (at >= new_n || G_OBJECT (row)->ref_count == 1)
        g_hash_table_iter_remove (&iter);
      else
        {
          g_autoptr(LoketMember) member = g_list_model_get_item (members, at);
          row_set_member (row, member);
        }
    }

  self->n_items = new_n;
  if (new_n < old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), new_n, old_n - new_n, 0);
  else if (new_n > old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), old_n, 0, new_n - old_n);
}

static void
loket_member_rows_dispose (GObject *object)
{
  LoketMemberRows *self = LOKET_MEMBER_ROWS (object);

  if (self->members != NULL)
    g_signal_handlers_disconnect_by_func (self->members, members_changed_cb, self);
  g_clear_object (&self->members);
  g_clear_pointer (&self->rows, g_hash_table_unref);

  G_OBJECT_CLASS (loket_member_rows_parent_class)->dispose (object);
}

static void
loket_member_rows_class_init (LoketMemberRowsClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = loket_member_rows_dispose;
}

static void
loket_member_rows_init (LoketMemberRows *self)
{
  self->rows = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
}

LoketMemberRows *
loket_member_rows_new (LoketMemberList *members)
{
  LoketMemberRows *self;

  g_return_val_if_fail (LOKET_IS_MEMBER_LIST (members), NULL);

  self = g_object_new (LOKET_TYPE_MEMBER_ROWS, NULL);
  self->members = g_object_ref (members);
  self->n_items = g_list_model_get_n_items (G_LIST_MODEL (members));
  g_signal_connect_swapped (members, "items-changed", G_CALLBACK (members_changed_cb), self);
  return self;
}
