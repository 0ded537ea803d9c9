using System.Security.Claims;
using System.Text.Json.Nodes;
using Cms.Core.Content;
using Cms.Core.Security;
using Cms.Security.Permissions;
using Cms.Security.Tests.Support;
using Cms.Testing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Security.Tests;

/// <summary>The newsroom roles against the content manager: the domain refuses what the role does not allow.</summary>
public sealed class ContentPermissionTests(SecurityTestFactory host) : IClassFixture<SecurityTestFactory>
{
    [Fact]
    public async Task A_contributor_saves_a_draft_but_cannot_publish_it()
    {
        var contributor = await UserAsync("Contributor");

        var draft = await host.AsUserAsync(contributor, s => s.GetRequiredService<IContentManager>().CreateAsync(NewArticle("Draft by a contributor"), publish: false));
        var publish = await Assert.ThrowsAsync<ContentAccessDeniedException>(() =>
            host.AsUserAsync(contributor, s => s.GetRequiredService<IContentManager>().PublishAsync(draft.ContentItemId)));
        var createPublished = await Assert.ThrowsAsync<ContentAccessDeniedException>(() =>
            host.AsUserAsync(contributor, s => s.GetRequiredService<IContentManager>().CreateAsync(NewArticle("Straight to the front page"), publish: true)));
        var stored = await host.InScopeAsync(s => s.GetRequiredService<IContentManager>().GetAsync(draft.ContentItemId, VersionOptions.Latest));

        Assert.Equal(contributor.GetActorId(), draft.Owner);
        Assert.Equal(contributor.GetActorName(), draft.Author);
        Assert.Equal("Publish_Article", publish.Permission);
        Assert.Equal("Publish_Article", createPublished.Permission);
        Assert.False(stored!.Published);
    }

    [Fact]
    public async Task With_only_edit_own_a_user_edits_their_item_but_not_someone_elses()
    {
        var author = await UserAsync("Author");
        var colleague = await UserAsync("Author");
        var mine = await host.AsUserAsync(author, s => s.GetRequiredService<IContentManager>().CreateAsync(NewArticle("Mine"), publish: false));
        var theirs = await host.AsUserAsync(colleague, s => s.GetRequiredService<IContentManager>().CreateAsync(NewArticle("Theirs"), publish: false));

        var edited = await host.AsUserAsync(author, s => s.GetRequiredService<IContentManager>().UpdateAsync(mine.ContentItemId, mine.ContentItemVersionId, ArticleParts("Mine, revised")));
        var refused = await Assert.ThrowsAsync<ContentAccessDeniedException>(() =>
            host.AsUserAsync(author, s => s.GetRequiredService<IContentManager>().UpdateAsync(theirs.ContentItemId, theirs.ContentItemVersionId, ArticleParts("Hijacked"))));
        var deleteTheirs = await Assert.ThrowsAsync<ContentAccessDeniedException>(() =>
            host.AsUserAsync(author, async s => { await s.GetRequiredService<IContentManager>().DeleteAsync(theirs.ContentItemId); return 0; }));
        var theirsNow = await host.InScopeAsync(s => s.GetRequiredService<IContentManager>().GetAsync(theirs.ContentItemId, VersionOptions.Latest));

        Assert.Equal("Mine, revised", edited.DisplayText);
        Assert.Equal("Edit_Article", refused.Permission);
        Assert.Equal("Delete_Article", deleteTheirs.Permission);
        Assert.Equal("Theirs", theirsNow!.DisplayText);
        Assert.Equal(theirs.ContentItemVersionId, theirsNow.ContentItemVersionId);
    }

    [Fact]
    public async Task An_author_cannot_publish_even_their_own_article_but_an_editor_publishes_anyones()
    {
        var author = await UserAsync("Author");
        var editor = await UserAsync("Editor");
        var draft = await host.AsUserAsync(author, s => s.GetRequiredService<IContentManager>().CreateAsync(NewArticle("Needs review"), publish: false));

        await Assert.ThrowsAsync<ContentAccessDeniedException>(() =>
            host.AsUserAsync(author, s => s.GetRequiredService<IContentManager>().PublishAsync(draft.ContentItemId)));
        // Articles follow the Editorial workflow: the author submits, the editor approves, then publishes.
        await host.AsUserAsync(author, s => s.GetRequiredService<IContentManager>().TransitionAsync(draft.ContentItemId, ContentTransitions.Submit, new TransitionRequest()));
        await Assert.ThrowsAsync<ContentAccessDeniedException>(() =>
            host.AsUserAsync(author, s => s.GetRequiredService<IContentManager>().TransitionAsync(draft.ContentItemId, ContentTransitions.Approve, new TransitionRequest())));
        await host.AsUserAsync(editor, s => s.GetRequiredService<IContentManager>().TransitionAsync(draft.ContentItemId, ContentTransitions.Approve, new TransitionRequest()));
        var published = await host.AsUserAsync(editor, s => s.GetRequiredService<IContentManager>().PublishAsync(draft.ContentItemId));

        Assert.True(published.Published);
        Assert.Equal(author.GetActorId(), published.Owner);
    }

    [Fact]
    public async Task The_checks_a_request_repeats_for_every_item_answer_from_the_same_completed_tasks()
    {
        var author = await UserAsync("Author");

        await host.InScopeAsync(async s =>
        {
            var permissions = s.GetRequiredService<IPermissionService>();
            var definitions = s.GetRequiredService<Core.Metadata.IContentDefinitionManager>();
            await permissions.GetScopeAsync(author, ContentAction.Edit, "Article"); // the first may read the role's permissions

            // A list of 20 articles with their sections and authors asks dozens of times: one task each time cost a
            // request about 15 KB of garbage (measured with the runtime's allocation events under load).
            var edit = permissions.GetScopeAsync(author, ContentAction.Edit, "Article");
            Assert.Same(edit, permissions.GetScopeAsync(author, ContentAction.Edit, "Article"));
            Assert.Equal(AccessScope.Own, await edit);
            Assert.Same(definitions.GetAsync(), definitions.GetAsync());
            return 0;
        });
    }

    [Fact]
    public async Task Anonymous_callers_may_read_but_not_write()
    {
        var anonymous = new ClaimsPrincipal(new ClaimsIdentity());

        var refused = await Assert.ThrowsAsync<ContentAccessDeniedException>(() =>
            host.AsUserAsync(anonymous, s => s.GetRequiredService<IContentManager>().CreateAsync(NewArticle("Spam"), publish: false)));
        var scopes = await host.AsUserAsync(anonymous, async s =>
        {
            var access = s.GetRequiredService<IContentAccess>();
            return (View: await access.GetScopeAsync(ContentAction.View, "Article"), Preview: await access.GetScopeAsync(ContentAction.Preview, "Article"), GraphQL: await access.HasPermissionAsync(Core.Security.Permissions.ExecuteGraphQL));
        });

        Assert.Equal("Edit_Article", refused.Permission);
        Assert.Equal(AccessScope.All, scopes.View);
        Assert.Equal(AccessScope.None, scopes.Preview);
        Assert.True(scopes.GraphQL);
    }

    [Fact]
    public async Task Without_a_request_the_engine_acts_as_the_system()
    {
        var item = await host.InScopeAsync(s => s.GetRequiredService<IContentManager>().CreateAsync(NewArticle("Imported"), publish: true));
        var actor = await host.InScopeAsync(s => Task.FromResult(s.GetRequiredService<IContentAccess>().Actor));

        Assert.True(item.Published);
        Assert.True(actor.IsSystem);
    }

    [Fact]
    public async Task Resource_authorization_honours_own_permissions()
    {
        var author = await UserAsync("Author");
        var colleague = await UserAsync("Author");
        var mine = await host.AsUserAsync(author, s => s.GetRequiredService<IContentManager>().CreateAsync(NewArticle("Own piece"), publish: false));
        var theirs = await host.AsUserAsync(colleague, s => s.GetRequiredService<IContentManager>().CreateAsync(NewArticle("Other piece"), publish: false));

        var results = await host.InScopeAsync(async s =>
        {
            var authorization = s.GetRequiredService<IAuthorizationService>();
            return new[]
            {
                (await authorization.AuthorizeAsync(author, mine, "Edit")).Succeeded,
                (await authorization.AuthorizeAsync(author, theirs, "Edit")).Succeeded,
                (await authorization.AuthorizeAsync(author, mine, ContentOperations.Preview)).Succeeded,
                (await authorization.AuthorizeAsync(author, mine, ContentOperations.Publish)).Succeeded,
            };
        });

        Assert.Equal([true, false, true, false], results);
    }

    [Fact]
    public async Task Every_permission_name_is_a_policy_name()
    {
        var admin = await host.PrincipalForAsync(CmsWebApplicationFactory.AdminUserName);
        var editor = await UserAsync("Editor");

        var results = await host.InScopeAsync(async s =>
        {
            var authorization = s.GetRequiredService<IAuthorizationService>();
            return new[]
            {
                (await authorization.AuthorizeAsync(admin, Core.Security.Permissions.ManageUsers)).Succeeded,
                (await authorization.AuthorizeAsync(editor, Core.Security.Permissions.ManageUsers)).Succeeded,
                (await authorization.AuthorizeAsync(editor, "Publish_Article")).Succeeded,
                (await authorization.AuthorizeAsync(editor, "PreviewOwn_Section")).Succeeded,
            };
        });
        var unknown = await host.InScopeAsync(async s =>
            await Record.ExceptionAsync(() => s.GetRequiredService<IAuthorizationService>().AuthorizeAsync(admin, "NoSuchPolicy")));

        Assert.Equal([true, false, true, true], results);
        Assert.IsType<InvalidOperationException>(unknown);
    }

    [Fact]
    public async Task The_api_policy_lets_anonymous_callers_through_but_not_callers_with_an_invalid_bearer_token()
    {
        var anonymous = new ClaimsPrincipal(new ClaimsIdentity());
        var withBadToken = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        withBadToken.Request.Headers.Authorization = "Bearer not-a-valid-token";
        var withoutToken = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        var policy = CmsAuthorizationExtensions.ApiPolicy(Core.Security.Permissions.ExecuteGraphQL);

        var results = await host.InScopeAsync(async s =>
        {
            var authorization = s.GetRequiredService<IAuthorizationService>();
            return new[]
            {
                (await authorization.AuthorizeAsync(anonymous, withoutToken, policy)).Succeeded,
                (await authorization.AuthorizeAsync(anonymous, withBadToken, policy)).Succeeded,
                (await authorization.AuthorizeAsync(anonymous, withoutToken, CmsAuthorizationExtensions.ApiPolicy(Core.Security.Permissions.ManageUsers))).Succeeded,
            };
        });

        Assert.Equal([true, false, false], results);
    }

    [Fact]
    public async Task The_catalogue_groups_global_permissions_and_one_group_per_securable_type()
    {
        var groups = await host.InScopeAsync(s => s.GetRequiredService<PermissionCatalogue>().GetGroupsAsync());

        Assert.Equal(["Global", "Article", "Author", "Menu", "Page", "Section"], groups.Select(g => g.Key));
        Assert.Equal(Core.Security.Permissions.Global, groups[0].Permissions.Select(p => p.Name));
        var article = groups[1].Permissions.ToDictionary(p => p.Name);
        // View, Preview, Edit, Publish, Delete and Submit with their "own" variants, Review, and ListContent.
        Assert.Equal(14, article.Count);
        Assert.Contains("Review_Article", article.Keys);
        Assert.DoesNotContain("ReviewOwn_Article", article.Keys);
        Assert.Equal(["Edit_Article", "PublishOwn_Article"], article["EditOwn_Article"].ImpliedBy.Order(StringComparer.Ordinal));
    }

    private async Task<ClaimsPrincipal> UserAsync(string role)
    {
        var user = await host.CreateUserAsync(TestHost.Unique(role.ToLowerInvariant()), role);
        return await host.PrincipalForAsync(user.UserName);
    }

    private static ContentItem NewArticle(string title) => new()
    {
        ContentType = "Article",
        DisplayText = title,
        Content = ArticleParts(title),
    };

    private static JsonObject ArticleParts(string title) => new()
    {
        ["TitlePart"] = new JsonObject { ["Title"] = title },
        ["Article"] = new JsonObject
        {
            ["Section"] = new JsonObject { ["ContentItemIds"] = new JsonArray("sec-news") },
            ["Authors"] = new JsonObject { ["ContentItemIds"] = new JsonArray("author-test") },
        },
    };
}
