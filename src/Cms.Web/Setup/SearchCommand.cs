using System.Diagnostics.CodeAnalysis;
using Cms.Core.Search;
using Cms.Core.Storage;

namespace Cms.Web.Setup;

/// <summary>
/// <c>dotnet run --project src/Cms.Web -- search rebuild</c>: writes the search index again from the published content,
/// in one transaction (searches see the old index until it commits). Needed once on a database that had content before
/// the search index existed (every publish keeps it current afterwards), or to repair it. A command rather than a
/// start-up step, so that servers starting on the same database neither wait for it nor each run it.
/// </summary>
public static class SearchCommand
{
    public static bool TryParse(string[] args, [NotNullWhen(true)] out string[]? hostArgs) =>
        CommandHost.TryParse(args, "search", "rebuild", out hostArgs);

    public static Task<int> RunAsync(string[] hostArgs, CancellationToken cancellationToken = default) =>
        CommandHost.RunAsync(hostArgs, RebuildAsync, cancellationToken);

    private static async Task<int> RebuildAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var unitOfWork = services.GetRequiredService<IUnitOfWork>();
        int count;
        await using (var transaction = await unitOfWork.BeginAsync(cancellationToken))
        {
            count = await services.GetRequiredService<ContentSearchIndexer>().RebuildAsync(cancellationToken);
            await unitOfWork.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        Console.WriteLine($"Search index rebuilt: {count} published items.");
        return 0;
    }
}
