using Cms.Security.Permissions;

namespace Cms.Security.Tests;

public sealed class PermissionNamesTests
{
    [Fact]
    public void Publish_implies_edit_view_preview_and_their_own_variants_but_not_delete()
    {
        var expanded = PermissionNames.Expand(["Publish_Article"]);

        Assert.Equal(
            ["EditOwn_Article", "Edit_Article", "PreviewOwn_Article", "Preview_Article", "PublishOwn_Article", "Publish_Article", "ViewOwn_Article", "View_Article"],
            expanded.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Own_permissions_do_not_imply_the_general_ones()
    {
        var expanded = PermissionNames.Expand(["EditOwn_Article", "PublishOwn_Article"]);

        Assert.Equal(["EditOwn_Article", "PublishOwn_Article"], expanded.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Implications_stay_within_one_content_type()
    {
        var expanded = PermissionNames.Expand(["Delete_Author", "ManageUsers"]);

        Assert.Equal(["DeleteOwn_Author", "Delete_Author", "ManageUsers"], expanded.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("ManageUsers", true)]
    [InlineData("EditOwn_Article", true)]
    [InlineData("ListContent_Section", true)]
    [InlineData("Edit_", false)]
    [InlineData("Fly_Article", false)]
    [InlineData("manageusers", false)]
    public void Well_formed_names(string name, bool expected) => Assert.Equal(expected, PermissionNames.IsWellFormed(name));
}
