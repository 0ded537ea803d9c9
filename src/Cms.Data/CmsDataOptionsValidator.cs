using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Cms.Data;

/// <summary>
/// The database settings, checked at start-up: a known provider, a connection string where one is required and one
/// that parses. Each problem is one sentence naming the setting and what would fix it; the connection string itself
/// is never repeated (it may hold a password).
/// </summary>
public sealed class CmsDataOptionsValidator : IValidateOptions<CmsDataOptions>
{
    public ValidateOptionsResult Validate(string? name, CmsDataOptions options)
    {
        if (options.UnknownProvider is { } unknown)
        {
            return ValidateOptionsResult.Fail(
                $"Cms:Database:Provider is '{unknown}', which is not a supported database: set it to Sqlite (the default) or Postgres.");
        }

        var connectionString = options.ConnectionString;
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return options.Provider == DatabaseProvider.Postgres
                ? ValidateOptionsResult.Fail(
                    "Cms:Database:Provider is Postgres, but ConnectionStrings:Cms is empty: set ConnectionStrings:Cms (environment variable ConnectionStrings__Cms) to a PostgreSQL connection string such as Host=localhost;Database=cms;Username=cms;Password=...")
                : ValidateOptionsResult.Success;
        }

        try
        {
            _ = options.Provider == DatabaseProvider.Postgres
                ? new NpgsqlConnectionStringBuilder(connectionString).ConnectionString
                : new SqliteConnectionStringBuilder(connectionString).ConnectionString;
            return ValidateOptionsResult.Success;
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException)
        {
            return ValidateOptionsResult.Fail(
                $"ConnectionStrings:Cms is not a valid {options.Provider} connection string ({ex.Message.TrimEnd('.')}): correct it, e.g. "
                + (options.Provider == DatabaseProvider.Postgres ? "Host=localhost;Database=cms;Username=cms;Password=..." : "Data Source=App_Data/cms.db"));
        }
    }
}
