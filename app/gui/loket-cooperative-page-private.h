/* loket-cooperative-page-private.h: what the cooperative page's files share
 * (loket-cooperative-page.c: the page and its actions;
 * loket-cooperative-forms.c: the forms for a PKS, an officer, an agent and
 * the cooperative's own details). */
#pragma once

#include "loket-cooperative-page.h"
#include "loket-form.h"
#include "loket-members-page.h"

G_BEGIN_DECLS

struct _LoketCooperativePage
{
  AdwBin            parent_instance;

  LoketStore       *store;        /* owned */
  LoketCooperative *cooperative;  /* owned, nullable */

  /* the forms, in the stack; borrowed (their widgets own them) */
  LoketForm        *pks_form;
  LoketForm        *officer_form;
  LoketForm        *agent_form;
  LoketForm        *edit_form;
  GtkWidget        *program_rows[4];

  /* template children, borrowed */
  GtkStack         *stack;
  GtkWidget        *scroller;
  GtkLabel         *name_label;
  GtkLabel         *summary_label;
  AdwActionRow     *ahu_row;
  AdwActionRow     *region_row;
  AdwActionRow     *potential_row;
  AdwActionRow     *coverage_row;
  GtkProgressBar   *coverage_bar;
  GtkListBox       *officers_list;
  GtkListBox       *partnerships_list;
  GtkListBox       *agents_list;
  LoketMembersPage *members_page;
};

enum { IMPORT, TOAST, CHANGED, OPEN_MEMBER, N_SIGNALS };

extern guint loket_cooperative_page_signals[N_SIGNALS];

/* 3000 → "3.000", as Indonesians group digits. */
char *loket_cooperative_page_format_count (gint64      n);
void  loket_cooperative_page_add_row      (GtkListBox *list,
                                           const char *title,
                                           const char *subtitle,
                                           const char *suffix);

/* loket-cooperative-forms.c */
void  loket_cooperative_page_build_forms  (LoketCooperativePage *self);
void  loket_cooperative_page_install_form_actions (GtkWidgetClass *widget_class);

G_END_DECLS
