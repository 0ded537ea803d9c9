using Cms.Core.Content;

namespace Cms.Core.Tests.Content;

public sealed class SlugTests
{
    [Theory]
    [InlineData("Grid upgrade: what changes?", "grid-upgrade-what-changes")]
    [InlineData("  Café au lait, naïve résumé  ", "cafe-au-lait-naive-resume")]
    [InlineData("Şəhər iqtisadiyyatı və Gəncə", "seher-iqtisadiyyati-ve-gence")]
    [InlineData("COP29 -- the final days!!!", "cop29-the-final-days")]
    [InlineData("Straße in Łódź", "strasse-in-lodz")]
    [InlineData("!!!", "")]
    [InlineData("", "")]
    public void Titles_become_lower_case_dashed_slugs(string title, string slug)
    {
        Assert.Equal(slug, Slug.Slugify(title));
    }

    [Fact]
    public void Long_titles_are_cut_to_120_characters_without_a_trailing_dash()
    {
        var slug = Slug.Slugify(string.Join(' ', Enumerable.Repeat("word", 40)));

        Assert.True(slug.Length <= 120);
        Assert.False(slug.EndsWith('-'));
        Assert.StartsWith("word-word", slug, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/Articles/Grid-Upgrade/", "articles/grid-upgrade")]
    [InlineData("news/economy", "news/economy")]
    [InlineData("a_b/c-1", "a_b/c-1")]
    public void Good_paths_are_normalized(string path, string expected)
    {
        Assert.Equal(expected, Slug.NormalizePath(path));
    }

    [Theory]
    [InlineData("")]
    [InlineData("/")]
    [InlineData("articles/../admin")]
    [InlineData("articles//x")]
    [InlineData("articles/grid upgrade")]
    [InlineData("articles/<script>")]
    [InlineData("articles/x?y=1")]
    public void Bad_paths_are_refused(string path)
    {
        Assert.Null(Slug.NormalizePath(path));
    }
}
