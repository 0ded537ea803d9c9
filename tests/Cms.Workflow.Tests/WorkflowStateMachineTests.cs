using System.Text.Json.Nodes;
using Cms.Core.Content;
using Cms.Core.Security;
using Cms.Security.Permissions;
using Cms.Workflow.Definitions;
using Cms.Workflow.Engine;

namespace Cms.Workflow.Tests;

/// <summary>
/// Every role of the shipped newsroom recipe × every transition × every stage, on the caller's own article and on
/// someone else's, against a table written out by hand: what the stage allows and what the role may do.
/// </summary>
public sealed class WorkflowStateMachineTests
{
    private static readonly TypeWorkflow Editorial = new("Article", WorkflowNames.Editorial);

    /// <summary>The stages each transition starts from under Editorial (no direct publish).</summary>
    private static readonly Dictionary<string, string[]> AllowedFrom = new()
    {
        [ContentTransitions.Submit] = [ContentStages.Draft],
        [ContentTransitions.Withdraw] = [ContentStages.InReview, ContentStages.Approved],
        [ContentTransitions.RequestChanges] = [ContentStages.InReview, ContentStages.Approved],
        [ContentTransitions.Approve] = [ContentStages.InReview],
        [ContentTransitions.Publish] = [ContentStages.Approved],
        [ContentTransitions.Schedule] = [ContentStages.Approved],
        [ContentTransitions.Unpublish] = [ContentStages.Published],
    };

    /// <summary>What each newsroom role may do to its own articles and to everyone's.</summary>
    private static readonly Dictionary<string, (string[] Own, string[] Others)> RoleMay = new()
    {
        ["Contributor"] = ([ContentTransitions.Submit, ContentTransitions.Withdraw], []),
        ["Author"] = ([ContentTransitions.Submit, ContentTransitions.Withdraw], []),
        ["Editor"] = ([.. ContentTransitions.All], [.. ContentTransitions.All]),
        ["Administrator"] = ([.. ContentTransitions.All], [.. ContentTransitions.All]),
        ["Authenticated"] = ([], []),
        ["Anonymous"] = ([], []),
    };

    public static TheoryData<string, string, string, bool> Cases()
    {
        var data = new TheoryData<string, string, string, bool>();
        foreach (var role in RoleMay.Keys)
        {
            foreach (var transition in ContentTransitions.All)
            {
                foreach (var stage in ContentStages.All)
                {
                    data.Add(role, transition, stage, true);
                    data.Add(role, transition, stage, false);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_transition_is_allowed_exactly_when_the_stage_allows_it_and_the_role_may_make_it(string role, string transition, string stage, bool own)
    {
        var latest = Item(stage, owner: own ? "me" : "someone-else");
        var published = stage == ContentStages.Published ? latest : null;
        var expected = AllowedFrom[transition].Contains(stage) && (own ? RoleMay[role].Own : RoleMay[role].Others).Contains(transition);

        bool actual;
        try
        {
            var plan = WorkflowStateMachine.Plan(Editorial, latest, published, transition);
            actual = May(role, plan.Permission, own);
        }
        catch (ContentTransitionException)
        {
            actual = false;
        }

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Publishing_a_draft_under_Editorial_is_refused_with_a_reason_and_allowed_when_the_type_allows_direct_publish()
    {
        var draft = Item(ContentStages.Draft, "me");
        var refused = Assert.Throws<ContentTransitionException>(() => WorkflowStateMachine.Plan(Editorial, draft, null, ContentTransitions.Publish));
        Assert.Contains("approved", refused.Message, StringComparison.Ordinal);

        var direct = WorkflowStateMachine.Plan(Editorial with { AllowDirectPublish = true }, draft, null, ContentTransitions.Publish);
        Assert.Equal(TransitionEffect.Publish, direct.Effect);
        Assert.Equal(ContentAction.Publish, direct.Permission);
    }

    [Fact]
    public void Types_without_a_workflow_publish_directly_and_have_no_review()
    {
        var direct = TypeWorkflow.DirectFor("Section");
        var draft = Item(ContentStages.Draft, "me");
        Assert.Equal(TransitionEffect.Publish, WorkflowStateMachine.Plan(direct, draft, null, ContentTransitions.Publish).Effect);
        Assert.Throws<ContentTransitionException>(() => WorkflowStateMachine.Plan(direct, draft, null, ContentTransitions.Submit));
    }

    [Theory]
    [InlineData("Draft", false, "Draft")]
    [InlineData("Published", false, "Draft")]
    [InlineData("InReview", true, "InReview")]
    [InlineData("Approved", true, "InReview")]
    public void An_edit_starts_a_draft_or_keeps_the_item_in_review_for_a_reviewer(string stage, bool reviewer, string expected) =>
        Assert.Equal(expected, WorkflowStateMachine.StageAfterEdit(Editorial, Item(stage, "me"), reviewer));

    [Theory]
    [InlineData("InReview")]
    [InlineData("Approved")]
    public void A_writer_who_may_not_review_must_withdraw_before_editing(string stage) =>
        Assert.Throws<ContentTransitionException>(() => WorkflowStateMachine.StageAfterEdit(Editorial, Item(stage, "me"), callerMayReview: false));

    private static ContentItem Item(string stage, string owner) => new()
    {
        ContentItemId = "item",
        ContentItemVersionId = "v1",
        ContentType = "Article",
        DisplayText = "A test article",
        Owner = owner,
        Latest = true,
        Published = stage == ContentStages.Published,
        Stage = stage,
    };

    private static bool May(string role, ContentAction action, bool own)
    {
        if (role == "Administrator")
        {
            return true;
        }

        var granted = PermissionNames.Expand(RolePermissions()[role]);
        return granted.Contains(ContentPermissions.Name(action, "Article", own: false))
            || (own && ContentPermissions.HasOwnVariant(action) && granted.Contains(ContentPermissions.Name(action, "Article", own: true)));
    }

    private static Dictionary<string, string[]> RolePermissions()
    {
        var recipe = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Recipes", "newsroom.recipe.json")))!;
        var roles = recipe["steps"]!.AsArray().Single(s => s!["name"]!.GetValue<string>() == "Roles")!["Roles"]!.AsArray();
        return roles.ToDictionary(r => r!["Name"]!.GetValue<string>(), r => r!["Permissions"]!.AsArray().Select(p => p!.GetValue<string>()).ToArray());
    }
}
