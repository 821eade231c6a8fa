/* loket-cli.c: the headless front end over the same core as the window.
 *
 *   loket-cli [--db FILE] [--today YYYY-MM-DD] [--user NAME] [--json] VERB ...
 *
 * In a database with staff accounts, every verb that opens the database
 * logs --user (or LOKET_USER) in first, the password from LOKET_PASSWORD or
 * typed on the terminal.
 *
 * Exit codes: 0 done, 1 input rejected, 2 usage, 3 not found, 4 conflict,
 * 5 storage or I/O failure (DESIGN.md, "The CLI contract"). */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "loket-cli.h"
#include "loket-cli-args.h"
#include "loket-cli-json.h"
#include "loket-date.h"
#include "loket-error.h"
#include "loket-i18n.h"
#include "loket-staff.h"

static const struct {
  const char   *name;
  LoketCliVerb  run;
} verbs[] = {
  { "init", loket_cli_verb_init },
  { "nik", loket_cli_verb_nik },
  { "kpj", loket_cli_verb_kpj },
  { "iuran", loket_cli_verb_iuran },
  { "member", loket_cli_verb_member },
  { "coop", loket_cli_verb_coop },
  { "pks", loket_cli_verb_pks },
  { "agent", loket_cli_verb_agent },
  { "card", loket_cli_verb_card },
  { "pay", loket_cli_verb_pay },
  { "status", loket_cli_verb_status },
  { "reverse", loket_cli_verb_reverse },
  { "receipt", loket_cli_verb_receipt },
  { "report", loket_cli_verb_report },
  { "heir", loket_cli_verb_heir },
  { "claim", loket_cli_verb_claim },
  { "backup", loket_cli_verb_backup },
  { "restore", loket_cli_verb_restore },
  { "user", loket_cli_verb_user },
  { "audit", loket_cli_verb_audit },
};

static void
print_usage (FILE *stream)
{
  fprintf (stream, "%s\n",
           _("Usage: loket-cli [--db FILE] [--today YYYY-MM-DD] [--user NAME] [--json] COMMAND …\n"
             "\n"
             "Commands:\n"
             "  init [--branch-name NAME] [--branch-code CODE] [--kpj-prefix NN]\n"
             "                         create or open the database and set the branch\n"
             "  nik check NIK [--sex L|P] [--birth DATE]\n"
             "                         read and check a NIK\n"
             "  kpj check NUMBER       check a member number’s check digit\n"
             "  member add --nik NIK --name NAME --birth DATE --sex L|P --segment SEGMENT\n"
             "             --programs LIST --income RUPIAH [--risk-class 1-5] [--occupation TEXT]\n"
             "             [--phone NUMBER] [--address STREET] [--rt N] [--rw N] [--village NAME]\n"
             "             [--district NAME] [--regency NAME] [--province NAME] [--postcode NNNNN]\n"
             "             [--region CODE] [--confirm-duplicate]\n"
             "                         register a member\n"
             "  member show KPJ|NIK    show a member\n"
             "  member search TEXT [--limit N]\n"
             "                         find members by name, NIK or KPJ\n"
             "  iuran --segment SEGMENT --income RUPIAH --programs LIST [--risk-class 1-5]\n"
             "        [--months N] [--occupation TEXT] [--date DATE] [--state-funded]\n"
             "        [--pre-placement]\n"
             "                         compute a contribution\n"
             "\n"
             "Segments: bpu, pu, jakon, pmi. Programs: jkk, jkm, jht, jp, jkp.\n"
             "Exit codes: 0 done, 1 input rejected, 2 usage, 3 not found, 4 conflict,\n"
             "5 storage failure. The default database is $XDG_DATA_HOME/loket/loket.db.\n"
             "--user names the staff member recorded with each act (else $LOKET_USER)."));
  fprintf (stream, "\n%s\n",
           _("Cooperatives, partnership agreements (PKS) and agents:\n"
             "  coop add --name NAME --type kdmp|kkmp|other [--ahu AHU] [--nib NIB] [--npwp NPWP]\n"
             "           [--nik-koperasi N] [--address STREET] [--region CODE] [--potential N]\n"
             "                         record a cooperative\n"
             "  coop show ID           a cooperative, its officers, PKS history and agents\n"
             "  coop list | coop coverage [ID]\n"
             "                         members registered against the potential\n"
             "  coop officer add ID --name NAME --role ROLE [--nik NIK] [--phone NUMBER]\n"
             "  pks add --coop ID --number N --date DATE --from DATE --until DATE --segment S\n"
             "          --programs LIST --income RUPIAH --payer members|coop|sponsor|pemda\n"
             "          [--sponsor NAME] [--months 1|3|6|12] [--agent KPJ] [--status active|ended]\n"
             "                         record a PKS; an active one ends the one before\n"
             "  agent add KPJ [--kantor-perisai NAME] [--coop ID …] [--appointed DATE]\n"
             "                         appoint a BPU member as Agen Perisai\n"
             "  agent show KPJ | agent incentive KPJ --month YYYY-MM\n"
             "                         an agent, and their incentive for a month"));
  fprintf (stream, "\n%s\n",
           _("Membership cards:\n"
             "  card KPJ… [--back] [--show-nik] [--sheet a4] [--offset-x MM] [--offset-y MM]\n"
             "           [--reason lost|damaged|data-changed] -o FILE\n"
             "  card --coop ID [--only-new] [--back] [--sheet a4] [--reason …] -o FILE\n"
             "                         write the cards as a PDF and log them; a card printed\n"
             "                         before needs the reason it is printed again\n"
             "  card log KPJ           the cards a member was given\n"
             "  card verify PAYLOAD    the member a scanned card names"));
  fprintf (stream, "\n%s\n",
           _("Payments and status:\n"
             "  pay KPJ --months 1|3|6|12 [--from YYYY-MM] --channel CHANNEL [--ref REFERENCE]\n"
             "          [--amount RUPIAH]\n"
             "                         record a payment under a new receipt; --from pays\n"
             "                         arrears, --amount refuses a total that differs\n"
             "  pay --coop ID [--members KPJ,…] --months N [--from YYYY-MM] --channel CHANNEL …\n"
             "                         a cooperative pays for all or some of its members\n"
             "                         under one receipt; those already paid are left out\n"
             "  status KPJ [--date DATE]\n"
             "                         aktif, menunggak, nonaktif or belum-bayar, and what is due\n"
             "  reverse RECEIPT --reason TEXT\n"
             "                         reverse a whole receipt; its months become unpaid\n"
             "Channels: counter, kantor-pos, brilink, bni-agent, indomaret, alfamart, bank,\n"
             "cooperative, jmo."));
  fprintf (stream, "\n%s\n",
           _("Receipts:\n"
             "  receipt NUMBER -o FILE [--width a4|80mm]\n"
             "                         write a receipt as a PDF, on the branch's paper\n"
             "                         (init --receipt-width) unless --width says otherwise"));
  fprintf (stream, "\n%s\n",
           _("Reports:\n"
             "  report day [--date DATE]\n"
             "                         the day's closing: payments by channel and by clerk\n"
             "  report behind [--coop ID] [--date DATE]\n"
             "                         members by status, and who is in arrears, by cooperative\n"
             "  report expected [--month YYYY-MM]\n"
             "                         the contributions a month should bring (next month)"));
  fprintf (stream, "\n%s\n",
           _("Heirs and claims:\n"
             "  heir add KPJ --name NAME --nik NIK --relation spouse|child|parent|other\n"
             "           --birth DATE [--account NUMBER] [--school tk|sd|smp|sma|pt]\n"
             "                         record an heir of a member\n"
             "  heir list KPJ          a member’s heirs\n"
             "  claim add KPJ --program jkm|jkk|jht|beasiswa --event-date DATE [--claimant HEIR]\n"
             "            [--kind KIND] [--months-off N] [--docs LIST] [--school LEVEL]\n"
             "            [--account NUMBER] [--description TEXT] [--preview]\n"
             "                         take a claim: its eligibility with every reason, and\n"
             "                         its benefit; --preview judges without recording\n"
             "  claim show ID | claim list [--status STATUS] [--limit N]\n"
             "  claim advance ID --to STATUS [--reason TEXT] [--docs LIST]\n"
             "                         the next step, by another person for an approval;\n"
             "                         a rejection needs its reason\n"
             "  claim letter ID -o FILE\n"
             "                         the decision letter as a PDF: the claimant’s copy and\n"
             "                         the branch’s\n"
             "  report claims --from DATE --to DATE\n"
             "                         claims per program: taken, approved, rejected, and\n"
             "                         paid (count and total), such as a half-year’s\n"
             "Kinds: jkk death|disability|temporary (with --months-off); jht age|stopped-work|\n"
             "partial-10|partial-30|death|disability|left-indonesia; beasiswa jkm-death|\n"
             "jkk-death|jkk-disability. Statuses: diajukan, diverifikasi, disetujui, ditolak,\n"
             "dibayar."));
  fprintf (stream, "\n%s\n",
           _("Backup and restore:\n"
             "  backup FILE            copy the database into FILE while it is in use, checked\n"
             "  backup --daily [--folder DIR] [--keep-days N]\n"
             "                         today's loket-YYYY-MM-DD.db in the backup folder\n"
             "                         (init --backup-folder), older ones than N days removed\n"
             "  restore FILE           check FILE and put it in place of the database; the\n"
             "                         database replaced is kept as DB.before-restore-…\n"
             "  init --backup-folder DIR --backup-keep-days N\n"
             "                         where the daily backups go and how many days are kept\n"
             "                         (default $XDG_DATA_HOME/loket/backups, 14 days)"));
  fprintf (stream, "\n%s\n",
           _("Staff accounts and the audit trail:\n"
             "  init --admin NAME [--display NAME]\n"
             "                         create the first supervisor (also on an older database)\n"
             "  user add NAME --role petugas|supervisor [--display NAME]\n"
             "  user lock NAME | user unlock NAME | user list | user passwd [NAME]\n"
             "                         manage accounts (a supervisor); passwd alone: your own\n"
             "  audit verify           check the chain and every record against its entry\n"
             "  audit list [--table T] [--actor U] [--from DATE] [--to DATE] [--limit N]\n"
             "Once accounts exist, every command that opens the database logs --user in:\n"
             "the password comes from $LOKET_PASSWORD or is typed (new passwords from\n"
             "$LOKET_NEW_PASSWORD or typed twice)."));
}

LoketStore *
loket_cli_get_store (LoketCli  *cli,
                     GError   **error)
{
  if (cli->store == NULL)
    {
      g_autofree char *path = cli->db_path ? g_strdup (cli->db_path) : loket_store_default_path ();
      cli->store = loket_store_open (path, error);
      /* Whoever asks for the database logs in first, when it has
       * accounts: reads too, since it holds people's NIKs and incomes. */
      if (cli->store != NULL && !loket_cli_login (cli, cli->store, error))
        g_clear_object (&cli->store);
    }
  return cli->store;
}

/* The global options may stand anywhere; take them out of argv so each verb
 * sees only its own. */
static gboolean
take_global_options (LoketCli   *cli,
                     int        *argc,
                     char      **argv,
                     gboolean   *help,
                     GError    **error)
{
  const char *today = NULL;
  const char *user = NULL;
  int kept = 1;

  for (int i = 1; i < *argc; i++)
    {
      const char *arg = argv[i];

      if (g_str_equal (arg, "--"))
        {
          while (i < *argc)
            argv[kept++] = argv[i++];
          break;
        }
      if (g_str_equal (arg, "--json"))
        cli->json = TRUE;
      else if (g_str_equal (arg, "--help") || g_str_equal (arg, "-h"))
        *help = TRUE;
      else if (g_str_equal (arg, "--db") || g_str_equal (arg, "--today") || g_str_equal (arg, "--user"))
        {
          if (i + 1 >= *argc)
            {
              g_set_error (error, LOKET_ERROR, LOKET_ERROR_USAGE,
                           _("The option %s needs a value after it."), arg);
              return FALSE;
            }
          if (g_str_equal (arg, "--db"))
            {
              g_free (cli->db_path);
              cli->db_path = g_strdup (argv[++i]);
            }
          else if (g_str_equal (arg, "--user"))
            user = argv[++i];
          else
            today = argv[++i];
        }
      else if (g_str_has_prefix (arg, "--db="))
        {
          g_free (cli->db_path);
          cli->db_path = g_strdup (arg + strlen ("--db="));
        }
      else if (g_str_has_prefix (arg, "--today="))
        today = arg + strlen ("--today=");
      else if (g_str_has_prefix (arg, "--user="))
        user = arg + strlen ("--user=");
      else
        argv[kept++] = argv[i];
    }
  *argc = kept;

  cli->user = loket_staff_current_name (user);
  if (today != NULL)
    return loket_date_parse_iso (today, _("Today (--today)"), &cli->today, error);
  loket_date_set_today (&cli->today);
  return TRUE;
}

static void
print_error (LoketCli     *cli,
             const GError *error)
{
  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *text = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "error");
      json_builder_begin_object (builder);
      loket_cli_json_add_string (builder, "code",
                                 error->domain == LOKET_ERROR ? loket_error_code_name (error->code) : "storage");
      loket_cli_json_add_string (builder, "message", error->message);
      if (cli->error_detail != NULL)
        {
          JsonObject *detail = json_node_get_object (cli->error_detail);
          g_autoptr(GList) names = json_object_get_members (detail);

          for (GList *l = names; l != NULL; l = l->next)
            {
              json_builder_set_member_name (builder, l->data);
              json_builder_add_value (builder, json_node_copy (json_object_get_member (detail, l->data)));
            }
        }
      json_builder_end_object (builder);
      json_builder_end_object (builder);

      root = json_builder_get_root (builder);
      text = json_to_string (root, TRUE);
      g_print ("%s\n", text);
    }
  else
    {
      g_printerr ("loket-cli: %s\n", error->message);
      if (cli->error_detail != NULL)
        {
          /* Show what the error is about: the existing member of a
           * conflict, the problems of a rejected registration. */
          g_autofree char *text = loket_cli_json_to_text (cli->error_detail);
          g_printerr ("%s", text);
        }
    }
}

static void
print_result (LoketCli *cli,
              JsonNode *result)
{
  if (cli->json)
    {
      g_autofree char *text = json_to_string (result, TRUE);
      g_print ("%s\n", text);
    }
  else
    {
      g_autofree char *text = loket_cli_json_to_text (result);
      g_print ("%s", text);
    }
}

int
main (int   argc,
      char *argv[])
{
  LoketCli cli = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) result = NULL;
  gboolean help = FALSE;
  int status = 2;

  loket_i18n_init (NULL);
  g_date_clear (&cli.today, 1);

  if (!take_global_options (&cli, &argc, argv, &help, &error))
    status = loket_error_exit_code (error);
  else if (argc < 2)
    {
      print_usage (help ? stdout : stderr);
      status = help ? 0 : 2;
    }
  else
    {
      gboolean known = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (verbs); i++)
        if (g_str_equal (argv[1], verbs[i].name))
          {
            known = TRUE;
            if (help)
              {
                print_usage (stdout);
                status = 0;
              }
            else
              status = verbs[i].run (&cli, argc - 2, argv + 2, &result, &error);
            break;
          }

      if (!known)
        {
          g_set_error (&error, LOKET_ERROR, LOKET_ERROR_USAGE,
                       _("Unknown command “%s”. See loket-cli --help for the commands."),
                       argv[1]);
          status = 2;
        }
    }

  if (error != NULL)
    {
      print_error (&cli, error);
      status = loket_error_exit_code (error);
    }
  else if (result != NULL)
    print_result (&cli, result);

  g_clear_object (&cli.store);
  g_clear_pointer (&cli.error_detail, json_node_unref);
  g_free (cli.db_path);
  g_free (cli.user);
  return status;
}
