using Cms.Core.Content;
using Xunit;

namespace Cms.GraphQL.Tests;

public sealed class ReadingTimeTests
{
    [Theory]
    [InlineData(null, 1)]
    [InlineData("", 1)]
    [InlineData("<p></p>", 1)]
    [InlineData("<p>one two three</p>", 1)]
    public void A_short_or_empty_body_reads_in_one_minute(string? html, int minutes) =>
        Assert.Equal(minutes, ReadingTime.Minutes(html, wordsPerMinute: 3));

    [Theory]
    [InlineData("<p>one two three four</p>", 2)]
    [InlineData("<p>one</p><p>two</p><p>three</p><p>four</p>", 2)] // a tag separates words
    [InlineData("one<br>two<br/>three<hr>four five six seven", 3)]
    [InlineData("<a href=\"one two three four five six\" title=\"seven eight\">link</a>", 1)] // attributes are not text
    [InlineData("caf&eacute; au lait, l&#8217;heure &amp; demain", 2)] // café, au, lait, l’heure, demain: entities decoded
    [InlineData("it’s well-known: 2026’s numbers", 2)] // apostrophes and hyphens stay inside a word
    public void Words_are_counted_in_the_text_between_tags_and_rounded_up(string html, int minutes) =>
        Assert.Equal(minutes, ReadingTime.Minutes(html, wordsPerMinute: 3));

    [Fact]
    public void A_body_counted_once_gives_the_minutes_of_any_reading_speed()
    {
        var body = "<p>" + string.Join(' ', Enumerable.Repeat("word", 600)) + "</p>";

        Assert.Equal(3, ReadingTime.Minutes(body, wordsPerMinute: 200));
        Assert.Equal(2, ReadingTime.Minutes(body, wordsPerMinute: 300)); // the count is kept, the speed is not
        Assert.Equal(600, ReadingTime.Minutes(body, wordsPerMinute: 1));
    }
}
