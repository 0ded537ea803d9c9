using System.Data.Common;
using Cms.Recipes;
using Cms.Security.Keys;
using Microsoft.AspNetCore.Connections;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Cms.Web.Hosting;

/// <summary>
/// Turns a failed start into one line per problem on standard error (what is wrong, which setting, what would fix
/// it) and exit code 1, instead of an unhandled exception and its stack trace.
/// </summary>
public static class StartupFailure
{
    public const int ExitCode = 1;

    /// <summary>Runs <paramref name="start"/>; a failure is printed as <see cref="Describe"/> says and gives <see cref="ExitCode"/>.</summary>
    public static async Task<int> GuardAsync(Func<Task<int>> start)
    {
        try
        {
            return await start();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            foreach (var line in Describe(ex))
            {
                await Console.Error.WriteLineAsync(line);
            }

            return ExitCode;
        }
    }

    /// <summary>The lines that explain <paramref name="exception"/> to an operator; never a stack trace or a connection string.</summary>
    public static IReadOnlyList<string> Describe(Exception exception)
    {
        switch (exception)
        {
            case AggregateException aggregate:
                return [.. aggregate.Flatten().InnerExceptions.SelectMany(Describe).Distinct(StringComparer.Ordinal)];
            case OptionsValidationException invalid:
                return [.. invalid.Failures.Select(Line)];
            case CmsStartupException startup:
                return [Line(startup.Message)];
            case SharedKeysException keys:
                return [Line(keys.Message)];
            case RecipeException recipe:
                return [Line($"The setup recipe failed, nothing was saved: {recipe.Message} Fix the recipe or Cms:Setup:Recipe and start again.")];
            case IOException io when Find<AddressInUseException>(io) is not null:
                return [Line($"{io.Message.TrimEnd('.')}: another program is using that port. Stop it, or start the CMS on another port with --urls http://localhost:5081 (or the ASPNETCORE_URLS environment variable).")];
            case UnauthorizedAccessException denied:
                return [Line($"{denied.Message.TrimEnd('.')}: the CMS cannot write there. Set Cms:DataDirectory to a folder the CMS's user may write to.")];
        }

        if (Find<NpgsqlException>(exception) is { } postgres)
        {
            return [Line($"The PostgreSQL database could not be used ({Inner(postgres)}): check ConnectionStrings:Cms (is the server running, are the host, port, database, user and password right?).")];
        }

        if (Find<SqliteException>(exception) is { } sqlite)
        {
            return [Line($"The SQLite database could not be used ({sqlite.Message.TrimEnd('.')}): check that Cms:DataDirectory is a writable folder, or ConnectionStrings:Cms if you set one.")];
        }

        if (Find<DbException>(exception) is { } database)
        {
            return [Line($"The database could not be used ({database.Message.TrimEnd('.')}): check Cms:Database:Provider and ConnectionStrings:Cms.")];
        }

        return [Line($"The CMS could not start: {exception.Message.TrimEnd('.')} ({exception.GetType().Name}).")];
    }

    private static string Line(string text) => text.ReplaceLineEndings(" ").Trim();

    private static string Inner(Exception exception)
    {
        var message = exception.Message.TrimEnd('.');
        return exception.InnerException is { } inner && !message.Contains(inner.Message, StringComparison.Ordinal)
            ? $"{message}: {inner.Message.TrimEnd('.')}"
            : message;
    }

    private static T? Find<T>(Exception exception)
        where T : Exception
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is T found)
            {
                return found;
            }
        }

        return null;
    }
}
