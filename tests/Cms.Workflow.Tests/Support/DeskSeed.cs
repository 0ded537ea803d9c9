using System.Text.Json.Nodes;
using Cms.Core.Content;
using Cms.Workflow.Engine;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Workflow.Tests.Support;

/// <summary>Seeds the desk's tests: sections and authors as the system, articles and their transitions as a user.</summary>
public static class DeskSeed
{
    public static Task AddSectionAndAuthorAsync(WorkflowHost host, string sectionId, string section, string authorId, string author) => host.AsSystemAsync(async sp =>
    {
        var content = sp.GetRequiredService<IContentManager>();
        await content.CreateAsync(new ContentItem { ContentItemId = sectionId, ContentType = "Section", Content = new JsonObject { ["TitlePart"] = new JsonObject { ["Title"] = section } } }, publish: true);
        await content.CreateAsync(new ContentItem { ContentItemId = authorId, ContentType = "Author", Content = new JsonObject { ["TitlePart"] = new JsonObject { ["Title"] = author } } }, publish: true);
    });

    /// <summary>Creates an article draft as <paramref name="userName"/>, filed under a section with a byline; returns its id.</summary>
    public static Task<string> WriteAsync(WorkflowHost host, string userName, string title, string sectionId = "section-economy", string authorId = "author-lale", string body = "<p>Words.</p>") =>
        DeskUsers.AsUserAsync(host, userName, async sp =>
        {
            var item = await sp.GetRequiredService<IContentManager>().CreateAsync(new ContentItem
            {
                ContentType = "Article",
                Content = new JsonObject
                {
                    ["TitlePart"] = new JsonObject { ["Title"] = title },
                    ["HtmlBodyPart"] = new JsonObject { ["Html"] = body },
                    ["Article"] = new JsonObject
                    {
                        ["Section"] = new JsonObject { ["ContentItemIds"] = new JsonArray(sectionId) },
                        ["Authors"] = new JsonObject { ["ContentItemIds"] = new JsonArray(authorId) },
                    },
                },
            }, publish: false);
            return item.ContentItemId;
        });

    /// <summary>Makes transitions one after the other as <paramref name="userName"/>.</summary>
    public static Task MoveAsync(WorkflowHost host, string userName, string id, params string[] transitions) =>
        DeskUsers.AsUserAsync(host, userName, async sp =>
        {
            foreach (var transition in transitions)
            {
                await sp.GetRequiredService<WorkflowService>().TransitionAsync(id, transition, new TransitionInput());
            }
        });
}
