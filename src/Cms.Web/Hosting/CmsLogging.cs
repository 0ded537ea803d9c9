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
            if (development)
            {
                logger.WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}");
            }
            else
            {
                logger.WriteTo.Console(new RenderedCompactJsonFormatter());
            }
        });
        return builder;
    }
}
