using Cms.Core.Content;
using Cms.Recipes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Cms.Web.Tests.Support;

/// <summary>Adds <c>/test/throw?kind=...</c> after the host's pipeline: it throws the domain exception named by <c>kind</c>.</summary>
public sealed class ThrowingEndpoint : IStartupFilter
{
    public const string SecretDetail = "connection to db-7 failed for user cms_owner";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        next(app);
        app.Map("/test/throw", branch => branch.Run(context => throw Create(context.Request.Query["kind"].ToString())));
    };

    private static Exception Create(string kind) => kind switch
    {
        "validation" => new ContentValidationException([new("$.Article.Lead.Text", "must be a string."), new("$.Article.Rank.Value", "must be a number.")]),
        "recipe" => new RecipeException(2, "$.steps[2].name", "unknown step 'Workflows'."),
        "denied" => new ContentAccessDeniedException("Publish_Article", "article-1"),
        "missing" => new ContentNotFoundException("article-9"),
        "conflict" => new ContentConflictException("article-1", "v1", "v2"),
        _ => new InvalidOperationException(SecretDetail),
    };
}
