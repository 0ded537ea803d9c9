using Cms.Core.Content;
using Cms.Core.Queries;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Web.Tests.Support;

/// <summary>Reads content of the running host the way a user of the content service would.</summary>
public static class Newsroom
{
    public static async Task<int> CountAsync(IServiceProvider services, string contentType, ContentStatus status = ContentStatus.Latest)
    {
        await using var scope = services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<IContentManager>()
            .QueryAsync(new ContentQuery { ContentType = contentType, Status = status, Take = 1, IncludeTotal = true });
        return result.Total!.Value;
    }
}
