using Cms.Core.Content;
using Cms.Data.Tests.Support;

namespace Cms.Data.Tests;

public abstract partial class ContentStoreTests
{
    [SkippableFact]
    public async Task A_path_is_made_from_the_title_under_the_type_prefix()
    {
        var created = await CreateAsync(ArticleBuilder.Titled("Grid upgrade: what changes?"));

        Assert.Equal("articles/grid-upgrade-what-changes", PathOf(created));
        Assert.Equal("articles/grid-upgrade-what-changes", (await StoredVersionAsync(created.ContentItemVersionId)).Path);
    }

    [SkippableFact]
    public async Task A_taken_path_gets_a_number()
    {
        var first = await CreateAsync(ArticleBuilder.Titled("Budget day"), publish: true);
        var second = await CreateAsync(ArticleBuilder.Titled("Budget day"));
        var third = await CreateAsync(ArticleBuilder.Titled("Budget day!"));

        Assert.Equal(new[] { "articles/budget-day", "articles/budget-day-2", "articles/budget-day-3" }, new[] { PathOf(first), PathOf(second), PathOf(third) });
    }

    [SkippableFact]
    public async Task An_item_keeps_its_own_path_when_it_is_saved_again()
    {
        var live = await CreateAsync(ArticleBuilder.Titled("Budget day"), publish: true);

        var draft = await UpdateAsync(live, ArticleBuilder.Titled("Budget day"));

        Assert.Equal("articles/budget-day", PathOf(draft));
    }

    [SkippableFact]
    public async Task An_explicit_path_used_by_another_item_is_refused_and_nothing_is_written()
    {
        await CreateAsync(ArticleBuilder.Titled("Budget day").WithPath("news/budget"), publish: true);
        var before = await CountRowsAsync();

        var error = await Assert.ThrowsAsync<ContentValidationException>(() => CreateAsync(ArticleBuilder.Titled("Other").WithPath("/News/Budget/")));

        var problem = Assert.Single(error.Errors);
        Assert.Equal("$.AutoroutePart.Path", problem.Path);
        Assert.Contains("news/budget", problem.Message, StringComparison.Ordinal);
        Assert.Equal(before, await CountRowsAsync());
    }

    [SkippableFact]
    public async Task The_path_of_a_deleted_item_can_be_used_again()
    {
        var old = await CreateAsync(ArticleBuilder.Titled("Budget day").WithPath("news/budget"), publish: true);
        await ContentAsync(m => m.DeleteAsync(old.ContentItemId));

        var created = await CreateAsync(ArticleBuilder.Titled("Budget day").WithPath("news/budget"));

        Assert.Equal("news/budget", PathOf(created));
    }

    private static string? PathOf(ContentItem item) => item.Part("AutoroutePart")?["Path"]?.GetValue<string>();
}
