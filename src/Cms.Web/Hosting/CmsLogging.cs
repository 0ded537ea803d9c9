using Serilog;
using Serilog.Formatting.Compact;

namespace Cms.Web.Hosting;

/// <summary>
/// Serilog from the <c>Serilog</c> configuration section: readable console lines in Development, compact JSON
/// in Production, and a daily rolling JSON file under <c>{Cms:DataDirectory}/logs</c>.
/// </summary>
public static class CmsLogging
{
    public static WebApplicationBuilder AddCmsLogging(this WebApplicationBuilder builder)
    {
        var dataDirectory = builder.Configuration["Cms:DataDirectory"] is { Length: > 0 } directory ? directory : "App_Data";
        var logFile = Path.Combine(Path.GetFullPath(dataDirectory), "logs", "cms-.log");
        var development = builder.Environment.IsDevelopment();
        builder.Services.AddSerilog((services, logger) =>
        {
            logger.ReadFrom.Configuration(builder.Configuration)
                .ReadFrom.Services(services)
                .Enrich.FromLogContext()
                .WriteTo.File(new CompactJsonFormatter(), logFile, rollingInterval: RollingInterval.Day, retainedFileCountLimit: 14);
            // A failed start is reported once, in one line, by StartupFailure: the generic host's own report of it
            // (with a stack trace) stays in the log file only.
            logger.WriteTo.Logger(console =>
            {
                console.Filter.ByExcluding(IsHostStartFailure);
                if (development)
                {
                    console.WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}");
                }
                else
                {
                    console.WriteTo.Console(new RenderedCompactJsonFormatter());
                }
            });
        });
        return builder;
    }

    /// <summary>
    /// The generic host's report of a failed start, and EF Core's of a failed connection: the failure reaches the
    /// caller (StartupFailure at start-up, the exception handler in a request), which reports it once.
    /// </summary>
    private static bool IsHostStartFailure(Serilog.Events.LogEvent logEvent) =>
        logEvent.Level >= Serilog.Events.LogEventLevel.Error
        && logEvent.Properties.TryGetValue("SourceContext", out var source)
        && source is Serilog.Events.ScalarValue { Value: string name }
        && (name.StartsWith("Microsoft.Extensions.Hosting", StringComparison.Ordinal)
            || name.Equals("Microsoft.EntityFrameworkCore.Database.Connection", StringComparison.Ordinal));
}
