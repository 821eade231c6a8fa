/* loket-cli-args.c */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "loket-cli-args.h"
#include "loket-error.h"
#include "loket-problem.h"

static const LoketCliOption *
find_option (const LoketCliOption *options,
             const char           *name)
{
  for (const LoketCliOption *option = options; option->name != NULL; option++)
    if (g_str_equal (option->name, name))
      return option;
  return NULL;
}

gboolean
loket_cli_args_parse (int                   argc,
                      char                **argv,
                      const LoketCliOption *options,
                      LoketCliArgs         *out,
                      GError              **error)
{
  gboolean options_ended = FALSE;

  out->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  out->positionals = g_ptr_array_new_with_free_func (g_free);

  for (int i = 0; i < argc; i++)
    {
      const char *arg = argv[i];
      g_autofree char *name = NULL;
      const char *value = NULL;
      const char *equals;
      const LoketCliOption *option;

      if (options_ended || !g_str_has_prefix (arg, "--") )
        {
          g_ptr_array_add (out->positionals, g_strdup (arg));
          continue;
        }
      if (g_str_equal (arg, "--"))
        {
          options_ended = TRUE;
          continue;
        }

      equals = strchr (arg, '=');
      name = equals ? g_strndup (arg + 2, equals - arg - 2) : g_strdup (arg + 2);
      option = find_option (options, name);
      if (option == NULL)
        {
          g_set_error (error, LOKET_ERROR, LOKET_ERROR_USAGE,
                       _("Unknown option --%s. See loket-cli --help for the options of this command."),
                       name);
          return FALSE;
        }
      if (g_hash_table_contains (out->values, name) && !option->repeatable)
        {
          g_set_error (error, LOKET_ERROR, LOKET_ERROR_USAGE,
                       _("The option --%s is given twice. Give it once."), name);
          return FALSE;
        }

      if (option->takes_value)
        {
          if (equals != NULL)
            value = equals + 1;
          else if (i + 1 < argc)
            value = argv[++i];
          else
            {
              g_set_error (error, LOKET_ERROR, LOKET_ERROR_USAGE,
                           _("The option --%s needs a value after it."), name);
              return FALSE;
            }
        }
      else if (equals != NULL)
        {
          g_set_error (error, LOKET_ERROR, LOKET_ERROR_USAGE,
                       _("The option --%s takes no value."), name);
          return FALSE;
        }

      if (g_hash_table_contains (out->values, name))
        {
          const char *before = g_hash_table_lookup (out->values, name);

          g_hash_table_insert (out->values, g_steal_pointer (&name),
                               g_strconcat (before, ",", value ? value : "", NULL));
        }
      else
        g_hash_table_insert (out->values, g_steal_pointer (&name), g_strdup (value ? value : ""));
    }

  return TRUE;
}

void
loket_cli_args_clear (LoketCliArgs *args)
{
  g_clear_pointer (&args->values, g_hash_table_unref);
  g_clear_pointer (&args->positionals, g_ptr_array_unref);
}

const char *
loket_cli_args_get (LoketCliArgs *args,
                    const char   *name)
{
  return g_hash_table_lookup (args->values, name);
}

gboolean
loket_cli_args_has (LoketCliArgs *args,
                    const char   *name)
{
  return g_hash_table_contains (args->values, name);
}

const char *
loket_cli_args_positional (LoketCliArgs *args,
                           guint         index)
{
  return index < args->positionals->len ? g_ptr_array_index (args->positionals, index) : NULL;
}

gboolean
loket_cli_parse_int (const char  *text,
                     const char  *field_label,
                     int          min,
                     int          max,
                     int         *out,
                     GError     **error)
{
  gint64 value = 0;

  if (text != NULL && *text != '\0' && strlen (text) <= 9)
    {
      const char *p;

      for (p = text; g_ascii_isdigit (*p); p++)
        value = value * 10 + (*p - '0');
      if (*p == '\0' && value >= min && value <= max)
        {
          *out = (int) value;
          return TRUE;
        }
    }

  g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
               _("%s: “%s” is not a whole number from %d to %d. Type a number in that range."),
               field_label, text ? text : "", min, max);
  return FALSE;
}

gboolean
loket_cli_parse_sex (const char  *text,
                     char        *out,
                     GError     **error)
{
  if (text != NULL && (g_ascii_strcasecmp (text, "L") == 0 || g_ascii_strcasecmp (text, "P") == 0))
    {
      *out = g_ascii_toupper (text[0]);
      return TRUE;
    }
  g_set_error (error, LOKET_ERROR, LOKET_ERROR_INVALID,
               _("Sex: “%s” is not L or P. Write L for laki-laki or P for perempuan."),
               text ? text : "");
  return FALSE;
}

void
loket_cli_keep_problem (GPtrArray   *problems,
                        const char  *field,
                        GError     **error)
{
  if (*error == NULL)
    return;
  loket_problems_add (problems, LOKET_SEVERITY_ERROR, field, "format", "%s", (*error)->message);
  g_clear_error (error);
}
