using Cms.Core.Storage;
using Cms.Data.SharedState;
using Cms.Data.Stores;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Cms.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>
    /// EF Core storage on SQLite (default) or PostgreSQL, from <c>Cms:DataDirectory</c>,
    /// <c>Cms:Database:Provider</c> and <c>ConnectionStrings:Cms</c>.
    /// </summary>
    public static IServiceCollection AddCmsData(this IServiceCollection services, IConfiguration configuration)
    {
        var providerSetting = configuration["Cms:Database:Provider"];
        var known = Enum.TryParse<DatabaseProvider>(providerSetting, ignoreCase: true, out var provider) && Enum.IsDefined(provider);
        var options = new CmsDataOptions
        {
            DataDirectory = configuration["Cms:DataDirectory"] is { Length: > 0 } directory ? directory : "App_Data",
            ConnectionString = configuration.GetConnectionString("Cms"),
            Provider = known ? provider : DatabaseProvider.Sqlite,
            UnknownProvider = known || string.IsNullOrWhiteSpace(providerSetting) ? null : providerSetting,
        };
        if (configuration["Cms:Database:SharedStateCheckInterval"] is { Length: > 0 } interval)
        {
            options.SharedStateCheckInterval = TimeSpan.TryParse(interval, System.Globalization.CultureInfo.InvariantCulture, out var parsed) && parsed > TimeSpan.Zero
                ? parsed
                : throw new InvalidOperationException($"Cms:Database:SharedStateCheckInterval '{interval}' is not a positive time span (e.g. 00:00:02).");
        }

        return services.AddCmsData(options);
    }

    /// <summary>
    /// The storage services. EF Core interceptors registered as <see cref="IInterceptor"/> singletons by other
    /// capabilities (e.g. the permission cache's change detector) are added to every context. Contexts are pooled:
    /// building options and a context for every request cost more CPU than the queries of a cached GraphQL answer.
    /// </summary>
    public static IServiceCollection AddCmsData(this IServiceCollection services, CmsDataOptions options)
    {
        Directory.CreateDirectory(options.DataDirectory);
        services.AddSingleton(options);

        // Checked before anything touches the database (ValidateOnStart; the host runs the start-up validation
        // first), so a bad setting is one clear message instead of an exception from the first query.
        services.AddOptions<CmsDataOptions>()
            .Configure(o =>
            {
                o.DataDirectory = options.DataDirectory;
                o.Provider = options.Provider;
                o.UnknownProvider = options.UnknownProvider;
                o.ConnectionString = options.ConnectionString;
                o.SharedStateCheckInterval = options.SharedStateCheckInterval;
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<CmsDataOptions>, CmsDataOptionsValidator>();

        // The connection string is resolved when the first context is built, after that validation.

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SharedStateSignal>();
        services.AddSingleton<SharedStateChangeInterceptor>();
        services.AddSingleton<IInterceptor>(sp => sp.GetRequiredService<SharedStateChangeInterceptor>());
        services.AddSingleton<SharedStateListener>();
        services.AddHostedService(sp => sp.GetRequiredService<SharedStateListener>());
        if (options.Provider == DatabaseProvider.Postgres)
        {
            services.AddDbContextPool<PostgresCmsDbContext>((sp, o) => o.UseNpgsql(PostgresConnectionDefaults.Apply(options.ResolveConnectionString()), n => n.MigrationsHistoryTable("__EFMigrationsHistory")).AddInterceptors(sp.GetServices<IInterceptor>()));
            services.AddScoped<CmsDbContext>(sp => sp.GetRequiredService<PostgresCmsDbContext>());
            services.AddSingleton(new PreparedReads(openReader: null));
        }
        else
        {
            services.AddDbContextPool<SqliteCmsDbContext>((sp, o) => o.UseSqlite(options.ResolveConnectionString()).AddInterceptors(sp.GetServices<IInterceptor>()));
            services.AddScoped<CmsDbContext>(sp => sp.GetRequiredService<SqliteCmsDbContext>());
            services.AddSingleton(sp => new PreparedReads(() => new SqliteCmsDbContext(sp.GetRequiredService<DbContextOptions<SqliteCmsDbContext>>())));
        }

        services.AddSingleton<SharedContentCache>();
        services.AddSingleton<CommandTemplates>();
        services.AddSingleton<AuditOrigin>();
        services.AddScoped<Core.Audit.IAuditLog, EfAuditLog>();
        services.AddScoped<EfUnitOfWork>();
        services.AddScoped<IUnitOfWork>(sp => sp.GetRequiredService<EfUnitOfWork>());
        services.AddScoped<IDocumentStore, EfDocumentStore>();
        services.AddScoped<Core.Storage.IContentStore, EfContentStore>();
        services.AddScoped<ISearchIndexStore, EfSearchIndexStore>();
        services.AddSingleton<DatabaseInitializer>();
        services.AddSingleton<IStoreStatistics, DatabaseStatistics>();
        services.AddHostedService<DatabaseOptimizer>();
        return services;
    }
}
