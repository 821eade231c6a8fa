/* loket-cli-json.c */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "loket-cli-json.h"
#include "loket-date.h"
#include "loket-format.h"
#include "loket-nik.h"

JsonNode *
loket_cli_json_finish (JsonBuilder *builder)
{
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

void
loket_cli_json_add_int (JsonBuilder *builder,
                        const char  *name,
                        gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

void
loket_cli_json_add_bool (JsonBuilder *builder,
                         const char  *name,
                         gboolean     value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_boolean_value (builder, value);
}

void
loket_cli_json_add_string (JsonBuilder *builder,
                           const char  *name,
                           const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

void
loket_cli_json_add_date (JsonBuilder *builder,
                         const char  *name,
                         const GDate *date)
{
  g_autofree char *iso = loket_date_to_iso (date);

  loket_cli_json_add_string (builder, name, iso);
}

void
loket_cli_json_add_programs (JsonBuilder   *builder,
              LoketPrograms  programs)
{
  json_builder_set_member_name (builder, "programs");
  json_builder_begin_array (builder);
  for (guint i = 0; i < G_N_ELEMENTS (loket_programs_in_order); i++)
    if (programs & loket_programs_in_order[i])
      json_builder_add_string_value (builder, loket_program_code (loket_programs_in_order[i]));
  json_builder_end_array (builder);
}

static void
add_sex (JsonBuilder *builder,
         char         sex)
{
  char text[2] = { sex, '\0' };

  loket_cli_json_add_string (builder, "sex", sex ? text : NULL);
}

void
loket_cli_json_add_member (JsonBuilder *builder,
                           LoketMember *member)
{
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, member->id);
  loket_cli_json_add_string (builder, "kpj", member->kpj);
  loket_cli_json_add_string (builder, "nik", member->nik);
  loket_cli_json_add_string (builder, "name", member->name);
  loket_cli_json_add_date (builder, "birth_date", &member->birth_date);
  add_sex (builder, member->sex);
  loket_cli_json_add_string (builder, "segment", loket_segment_code (member->segment));
  loket_cli_json_add_programs (builder, member->programs);
  json_builder_set_member_name (builder, "income");
  json_builder_add_int_value (builder, member->income);
  json_builder_set_member_name (builder, "risk_class");
  if (member->risk_class > 0)
    json_builder_add_int_value (builder, member->risk_class);
  else
    json_builder_add_null_value (builder);
  loket_cli_json_add_string (builder, "occupation", member->occupation);
  loket_cli_json_add_string (builder, "phone", member->phone);

  json_builder_set_member_name (builder, "address");
  json_builder_begin_object (builder);
  loket_cli_json_add_string (builder, "street", member->street);
  loket_cli_json_add_string (builder, "rt", member->rt);
  loket_cli_json_add_string (builder, "rw", member->rw);
  loket_cli_json_add_string (builder, "village", member->village);
  loket_cli_json_add_string (builder, "district", member->district);
  loket_cli_json_add_string (builder, "regency", member->regency);
  loket_cli_json_add_string (builder, "province", member->province);
  loket_cli_json_add_string (builder, "postcode", member->postcode);
  json_builder_end_object (builder);

  loket_cli_json_add_string (builder, "region_code", member->region_code);
  loket_cli_json_add_date (builder, "registered_on", &member->registered_on);
}

/* For lists: the NIK masked, as lists show it (issue 8's privacy rule). */
void
loket_cli_json_add_member_summary (JsonBuilder *builder,
                                   LoketMember *member)
{
  g_autofree char *masked = loket_nik_mask (member->nik);

  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, member->id);
  loket_cli_json_add_string (builder, "kpj", member->kpj);
  loket_cli_json_add_string (builder, "name", member->name);
  loket_cli_json_add_string (builder, "nik_masked", masked);
  loket_cli_json_add_date (builder, "birth_date", &member->birth_date);
  add_sex (builder, member->sex);
  loket_cli_json_add_string (builder, "segment", loket_segment_code (member->segment));
}

void
loket_cli_json_add_problem_list (JsonBuilder   *builder,
                  const char    *name,
                  GPtrArray     *problems,
                  LoketSeverity  severity)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      const LoketProblem *problem = g_ptr_array_index (problems, i);

      if (problem->severity != severity)
        continue;
      json_builder_begin_object (builder);
      loket_cli_json_add_string (builder, "field", problem->field);
      loket_cli_json_add_string (builder, "code", problem->code);
      loket_cli_json_add_string (builder, "message", problem->message);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

void
loket_cli_json_add_problems (JsonBuilder *builder,
                             GPtrArray   *problems)
{
  loket_cli_json_add_problem_list (builder, "errors", problems, LOKET_SEVERITY_ERROR);
  loket_cli_json_add_problem_list (builder, "warnings", problems, LOKET_SEVERITY_WARNING);
}

void
loket_cli_json_add_contribution (JsonBuilder       *builder,
                                 LoketContribution *contribution)
{
  json_builder_set_member_name (builder, "lines");
  json_builder_begin_array (builder);
  for (guint i = 0; i < contribution->lines->len; i++)
    {
      const LoketContributionLine *line = &g_array_index (contribution->lines, LoketContributionLine, i);

      json_builder_begin_object (builder);
      loket_cli_json_add_string (builder, "program", line->code);
      loket_cli_json_add_string (builder, "label", line->label);
      loket_cli_json_add_int (builder, "rate_bp", line->rate_bp);
      loket_cli_json_add_int (builder, "base", line->base);
      loket_cli_json_add_int (builder, "monthly", line->monthly);
      loket_cli_json_add_int (builder, "employer", line->employer);
      loket_cli_json_add_int (builder, "worker", line->worker);
      loket_cli_json_add_int (builder, "discount", line->discount);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  loket_cli_json_add_int (builder, "monthly_total", contribution->monthly_total);
  loket_cli_json_add_int (builder, "monthly_discount", contribution->monthly_discount);
  loket_cli_json_add_int (builder, "months", contribution->months);
  loket_cli_json_add_int (builder, "total", contribution->total);
  loket_cli_json_add_int (builder, "discount", contribution->discount);
  loket_cli_json_add_int (builder, "employer_total", contribution->employer_total);
  loket_cli_json_add_int (builder, "worker_total", contribution->worker_total);
}

/* ---- text rendering ---------------------------------------------------- */

typedef enum { KIND_TEXT, KIND_DATE, KIND_MONTH, KIND_MONEY, KIND_PERCENT, KIND_HIDDEN } ValueKind;

static const struct {
  const char *key;
  const char *label;
  ValueKind   kind;
} fields[] = {
  { "kpj", N_("KPJ"), KIND_TEXT },
  { "nik", N_("NIK"), KIND_TEXT },
  { "nik_masked", N_("NIK"), KIND_TEXT },
  { "name", N_("Name"), KIND_TEXT },
  { "birth_date", N_("Birth date"), KIND_DATE },
  { "sex", N_("Sex"), KIND_TEXT },
  { "segment", N_("Segment"), KIND_TEXT },
  { "programs", N_("Programs"), KIND_TEXT },
  { "income", N_("Declared income"), KIND_MONEY },
  { "risk_class", N_("Risk class"), KIND_TEXT },
  { "occupation", N_("Occupation"), KIND_TEXT },
  { "phone", N_("Phone"), KIND_TEXT },
  { "address", N_("Address"), KIND_TEXT },
  { "street", N_("Street"), KIND_TEXT },
  { "rt", N_("RT"), KIND_TEXT },
  { "rw", N_("RW"), KIND_TEXT },
  { "village", N_("Village"), KIND_TEXT },
  { "district", N_("District"), KIND_TEXT },
  { "regency", N_("Regency/city"), KIND_TEXT },
  { "province", N_("Province"), KIND_TEXT },
  { "postcode", N_("Postcode"), KIND_TEXT },
  { "region_code", N_("Region code"), KIND_TEXT },
  { "registered_on", N_("Registered on"), KIND_DATE },
  { "valid", N_("Valid"), KIND_TEXT },
  { "province_code", N_("Province code"), KIND_TEXT },
  { "regency_code", N_("Regency code"), KIND_TEXT },
  { "district_code", N_("District code"), KIND_TEXT },
  { "serial", N_("Serial"), KIND_TEXT },
  { "errors", N_("Errors"), KIND_TEXT },
  { "warnings", N_("Warnings"), KIND_TEXT },
  { "lines", N_("Lines"), KIND_TEXT },
  { "program", N_("Program"), KIND_HIDDEN },
  /* A line's own words ("JKK", "Santunan sekaligus"), printed alone. */
  { "label", NULL, KIND_TEXT },
  { "rate_bp", N_("Rate"), KIND_PERCENT },
  { "base", N_("Base"), KIND_MONEY },
  { "monthly", N_("Per month"), KIND_MONEY },
  { "employer", N_("Employer"), KIND_MONEY },
  { "worker", N_("Worker"), KIND_MONEY },
  { "discount", N_("Discount"), KIND_MONEY },
  { "monthly_total", N_("Total per month"), KIND_MONEY },
  { "monthly_discount", N_("Discount per month"), KIND_MONEY },
  { "months", N_("Months"), KIND_TEXT },
  { "total", N_("Total"), KIND_MONEY },
  { "employer_total", N_("Employer total"), KIND_MONEY },
  { "worker_total", N_("Worker total"), KIND_MONEY },
  { "results", N_("Results"), KIND_TEXT },
  { "count", N_("Count"), KIND_TEXT },
  { "formatted", N_("Written as"), KIND_TEXT },
  { "path", N_("File"), KIND_TEXT },
  { "date", N_("Date"), KIND_DATE },
  { "query", N_("Search"), KIND_TEXT },
  { "schema_version", N_("Schema version"), KIND_TEXT },
  { "branch_name", N_("Branch"), KIND_TEXT },
  { "branch_code", N_("Branch code"), KIND_TEXT },
  { "kpj_prefix", N_("KPJ prefix"), KIND_TEXT },
  { "members", N_("Members"), KIND_TEXT },
  { "similar", N_("Similar members"), KIND_TEXT },
  { "existing", N_("Registered member"), KIND_TEXT },
  /* Cooperatives, PKS and agents (loket-cli-coop.c) */
  { "cooperative_id", N_("Cooperative no."), KIND_TEXT },
  { "cooperatives", N_("Cooperatives"), KIND_TEXT },
  { "type", N_("Type"), KIND_TEXT },
  { "status", N_("Status"), KIND_TEXT },
  { "ahu", N_("AHU number"), KIND_TEXT },
  { "nib", N_("NIB"), KIND_TEXT },
  { "npwp", N_("NPWP"), KIND_TEXT },
  { "nik_koperasi", N_("Nomor Induk Koperasi"), KIND_TEXT },
  { "registered", N_("Members registered"), KIND_TEXT },
  { "active", N_("Members active"), KIND_TEXT },
  { "potential", N_("Potential members"), KIND_TEXT },
  { "coverage", NULL, KIND_HIDDEN },
  { "coverage_bp", N_("Coverage"), KIND_PERCENT },
  { "officers", N_("Officers"), KIND_TEXT },
  { "role", N_("Role"), KIND_TEXT },
  { "partnerships", N_("PKS history"), KIND_TEXT },
  { "partnership_id", N_("PKS no."), KIND_TEXT },
  { "number", N_("PKS number"), KIND_TEXT },
  { "signed_on", N_("Signed on"), KIND_DATE },
  { "valid_from", N_("Valid from"), KIND_DATE },
  { "valid_until", N_("Valid until"), KIND_DATE },
  { "base_income", N_("Base income"), KIND_MONEY },
  { "payment_months", N_("Payment period (months)"), KIND_TEXT },
  { "payer", N_("Paid by"), KIND_TEXT },
  { "sponsor_name", N_("Sponsor"), KIND_TEXT },
  { "agent_kpj", N_("Agent’s KPJ"), KIND_TEXT },
  { "agent_name", N_("Agent"), KIND_TEXT },
  { "in_force", N_("In force"), KIND_TEXT },
  { "replaced", N_("PKS replaced"), KIND_TEXT },
  { "agents", N_("Agents"), KIND_TEXT },
  { "agent_id", N_("Agent no."), KIND_TEXT },
  { "kantor_perisai", N_("Kantor Perisai"), KIND_TEXT },
  { "appointed_on", N_("Appointed on"), KIND_DATE },
  { "month", N_("Month"), KIND_TEXT },
  { "new_members", N_("New members"), KIND_TEXT },
  { "threshold", N_("Threshold (new members a month)"), KIND_TEXT },
  { "per_member", N_("Per new member"), KIND_MONEY },
  { "new_member_incentive", N_("New-member incentive"), KIND_MONEY },
  { "contributions_recorded", N_("Contributions recorded"), KIND_TEXT },
  { "contribution_share", N_("Contribution share"), KIND_MONEY },
  { "share_first_bp", N_("Share of the first months"), KIND_PERCENT },
  { "share_first_months", N_("First months"), KIND_TEXT },
  { "share_later_bp", N_("Share of the later months"), KIND_PERCENT },
  { "share_later_months", N_("Later months, up to month"), KIND_TEXT },
  { "partnership", N_("PKS"), KIND_TEXT },
  { "dry_run", N_("Dry run only"), KIND_TEXT },
  { "to_register", N_("To register"), KIND_TEXT },
  { "already_members", N_("Already members"), KIND_TEXT },
  { "duplicates_in_file", N_("Duplicates in the file"), KIND_TEXT },
  { "rejected", N_("Rejected"), KIND_TEXT },
  { "empty", N_("Empty rows"), KIND_TEXT },
  { "linked", N_("Linked to the cooperative"), KIND_TEXT },
  { "file_warnings", N_("Warnings about the file"), KIND_TEXT },
  { "file_errors", N_("Errors in the file"), KIND_TEXT },
  { "rows", N_("Rows"), KIND_TEXT },
  { "row", N_("Row"), KIND_TEXT },
  { "column", N_("Column"), KIND_TEXT },
  /* Membership cards (loket-cli-card.c) */
  { "cards", N_("Cards"), KIND_TEXT },
  { "pages", N_("Pages"), KIND_TEXT },
  { "print_job", N_("Print job no."), KIND_TEXT },
  { "first_cards", N_("First cards"), KIND_TEXT },
  { "reprints", N_("Reprints"), KIND_TEXT },
  { "printed_at", N_("Printed at"), KIND_TEXT },
  { "clerk", N_("Staff"), KIND_TEXT },
  { "destination", N_("Sent to"), KIND_TEXT },
  { "target", N_("Printer or file"), KIND_TEXT },
  { "reprint_reason", N_("Reprint reason"), KIND_TEXT },
  /* Heirs and claims (loket-cli-claim.c) */
  { "heir", N_("Heir no."), KIND_TEXT },
  { "heirs", N_("Heirs"), KIND_TEXT },
  { "relation", N_("Relation"), KIND_TEXT },
  { "bank_account", N_("Bank account"), KIND_TEXT },
  { "school_level", N_("School level"), KIND_TEXT },
  { "claim", N_("Claim no."), KIND_TEXT },
  { "claims", N_("Claims"), KIND_TEXT },
  { "program_label", N_("Program"), KIND_TEXT },
  { "kind", N_("Kind"), KIND_TEXT },
  { "event_date", N_("Event date"), KIND_DATE },
  { "description", N_("Description"), KIND_TEXT },
  { "claimant", N_("Claimant"), KIND_TEXT },
  { "months_off", N_("Months off work"), KIND_TEXT },
  { "eligible", N_("Eligible"), KIND_TEXT },
  { "reasons", N_("Reasons"), KIND_TEXT },
  { "blocking", NULL, KIND_HIDDEN },
  { "documents", N_("Documents"), KIND_TEXT },
  { "received", N_("Received"), KIND_TEXT },
  { "submitted_on", N_("Submitted on"), KIND_DATE },
  { "decided_on", N_("Decided on"), KIND_DATE },
  { "letter_number", N_("Letter no."), KIND_TEXT },
  { "history", N_("History"), KIND_TEXT },
  { "from_status", N_("From status"), KIND_TEXT },
  { "to_status", N_("To status"), KIND_TEXT },
  { "from", N_("From"), KIND_DATE },
  { "to", N_("To"), KIND_DATE },
  { "submitted", N_("Claims taken"), KIND_TEXT },
  { "approved", N_("Approved"), KIND_TEXT },
  { "approved_total", N_("Approved, total"), KIND_MONEY },
  { "at", N_("Recorded at"), KIND_TEXT },
  /* Payments and reports (loket-cli-pay.c, loket-cli-report.c) */
  { "receipt", N_("Receipt no."), KIND_TEXT },
  { "paid_on", N_("Paid on"), KIND_DATE },
  { "channel", N_("Channel"), KIND_TEXT },
  { "reference", N_("Reference"), KIND_TEXT },
  { "clerk", N_("Clerk"), KIND_TEXT },
  { "payer", NULL, KIND_HIDDEN },
  { "payer_name", N_("Paid by"), KIND_TEXT },
  { "reversed", N_("Reversed"), KIND_TEXT },
  { "reversed_on", N_("Reversed on"), KIND_DATE },
  { "reason", N_("Reason"), KIND_TEXT },
  { "reversed_by", N_("Reversed by"), KIND_TEXT },
  { "month_from", N_("From"), KIND_MONTH },
  { "month_until", N_("Until"), KIND_MONTH },
  { "covered_until", N_("Protected until"), KIND_DATE },
  { "amount", N_("Amount"), KIND_MONEY },
  { "status_label", NULL, KIND_HIDDEN },
  { "paid_until", N_("Paid until"), KIND_DATE },
  { "months_behind", N_("Months behind"), KIND_TEXT },
  { "amount_due", N_("Amount due"), KIND_MONEY },
  { "pay_from", N_("Next month to pay"), KIND_MONTH },
  { "paid", N_("Members paid for"), KIND_TEXT },
  { "receipts", N_("Receipts"), KIND_TEXT },
  { "reversed_receipts", N_("Receipts reversed"), KIND_TEXT },
  { "reversed_total", N_("Total reversed"), KIND_MONEY },
  { "net", N_("Net"), KIND_MONEY },
  { "by_channel", N_("By channel"), KIND_TEXT },
  { "by_clerk", N_("By clerk"), KIND_TEXT },
  { "aktif", N_("Active"), KIND_TEXT },
  { "menunggak", N_("In arrears"), KIND_TEXT },
  { "nonaktif", N_("Lapsed"), KIND_TEXT },
  { "belum_bayar", N_("Not yet paid"), KIND_TEXT },
  { "behind", N_("In arrears"), KIND_TEXT },
  { "channel_label", NULL, KIND_HIDDEN },
  { "members_due", N_("Members expected to pay"), KIND_TEXT },
  { "amount_expected", N_("Amount expected"), KIND_MONEY },
  { "members_paid", N_("Members paid already"), KIND_TEXT },
  { "members_not_paying", N_("Members not paying (lapsed or never paid)"), KIND_TEXT },
  { "receipt_width", N_("Receipt paper"), KIND_TEXT },
  /* Backup and restore (loket-cli-backup.c) */
  { "database", N_("Database"), KIND_TEXT },
  { "written", N_("Written now"), KIND_TEXT },
  { "bytes", N_("Size (bytes)"), KIND_TEXT },
  { "restored_from", N_("Restored from"), KIND_TEXT },
  { "kept_aside", N_("Replaced database kept as"), KIND_TEXT },
  { "backup_folder", N_("Backup folder"), KIND_TEXT },
  { "backup_keep_days", N_("Days of backups kept"), KIND_TEXT },
  { "width", N_("Paper"), KIND_TEXT },
  { "pages", N_("Pages"), KIND_TEXT },
  { "skipped", N_("Left out"), KIND_TEXT },
  { "earliest_from", N_("Earliest month payable"), KIND_MONTH },
  { "id", NULL, KIND_HIDDEN },
  { "field", NULL, KIND_HIDDEN },
  { "code", NULL, KIND_HIDDEN },
  { "message", NULL, KIND_TEXT },
};

static gboolean
lookup_field (const char  *key,
              const char **label,
              ValueKind   *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_str_equal (fields[i].key, key))
      {
        *label = fields[i].label ? _(fields[i].label) : NULL;
        *kind = fields[i].kind;
        return TRUE;
      }
  *label = key;
  *kind = KIND_TEXT;
  return FALSE;
}

static char *
scalar_text (JsonNode  *node,
             ValueKind  kind)
{
  GType type = json_node_get_value_type (node);

  if (JSON_NODE_HOLDS_NULL (node))
    return g_strdup ("–");
  if (type == G_TYPE_BOOLEAN)
    return g_strdup (json_node_get_boolean (node) ? _("yes") : _("no"));
  if (type == G_TYPE_INT64 && kind == KIND_MONEY)
    return loket_format_rupiah (json_node_get_int (node));
  if (type == G_TYPE_INT64 && kind == KIND_PERCENT)
    {
      gint64 bp = json_node_get_int (node);
      g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT ",%02" G_GINT64_FORMAT, bp / 100, bp % 100);
      /* "1,00" → "1", "0,30" → "0,3" */
      while (g_str_has_suffix (text, "0") && strchr (text, ','))
        text[strlen (text) - 1] = '\0';
      if (g_str_has_suffix (text, ","))
        text[strlen (text) - 1] = '\0';
      return g_strdup_printf ("%s%%", text);
    }
  if (type == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  if (type == G_TYPE_STRING && kind == KIND_MONTH)
    {
      GDate month;
      if (loket_date_parse_month (json_node_get_string (node), "", &month, NULL))
        return g_strdup_printf ("%s %u", loket_format_month_name (g_date_get_month (&month)),
                                g_date_get_year (&month));
    }
  if (type == G_TYPE_STRING && kind == KIND_DATE)
    {
      GDate date;
      if (loket_date_parse_iso (json_node_get_string (node), "", &date, NULL))
        return loket_format_date (&date);
    }
  if (type == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  return json_to_string (node, FALSE);
}

static void print_object (GString *out, JsonObject *object, int indent);

static gboolean
array_is_scalars (JsonArray *array)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    if (!JSON_NODE_HOLDS_VALUE (json_array_get_element (array, i)))
      return FALSE;
  return TRUE;
}

static void
print_member (GString     *out,
              const char  *key,
              JsonNode    *node,
              int          indent)
{
  const char *label;
  ValueKind kind;

  lookup_field (key, &label, &kind);
  if (kind == KIND_HIDDEN)
    return;

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      g_string_append_printf (out, "%*s%s:\n", indent, "", label);
      print_object (out, json_node_get_object (node), indent + 2);
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      if (json_array_get_length (array) == 0)
        return;
      if (array_is_scalars (array))
        {
          g_autoptr(GString) joined = g_string_new (NULL);
          for (guint i = 0; i < json_array_get_length (array); i++)
            {
              g_autofree char *text = scalar_text (json_array_get_element (array, i), kind);
              g_string_append_printf (joined, "%s%s", i ? ", " : "", text);
            }
          g_string_append_printf (out, "%*s%s: %s\n", indent, "", label, joined->str);
          return;
        }
      g_string_append_printf (out, "%*s%s:\n", indent, "", label);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          if (JSON_NODE_HOLDS_OBJECT (element))
            {
              g_string_append_printf (out, "%*s-\n", indent + 2, "");
              print_object (out, json_node_get_object (element), indent + 4);
            }
        }
    }
  else if (label == NULL)
    {
      g_autofree char *text = scalar_text (node, kind);
      g_string_append_printf (out, "%*s%s\n", indent, "", text);
    }
  else
    {
      g_autofree char *text = scalar_text (node, kind);
      g_string_append_printf (out, "%*s%s: %s\n", indent, "", label, text);
    }
}

static void
print_object (GString    *out,
              JsonObject *object,
              int         indent)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    print_member (out, l->data, json_object_get_member (object, l->data), indent);
}

char *
loket_cli_json_to_text (JsonNode *node)
{
  GString *out = g_string_new (NULL);

  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    print_object (out, json_node_get_object (node), 0);
  return g_string_free (out, FALSE);
}
