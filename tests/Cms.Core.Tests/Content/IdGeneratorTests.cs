using Cms.Core.Content;

namespace Cms.Core.Tests.Content;

public sealed class IdGeneratorTests
{
    [Fact]
    public void Ids_are_26_lower_case_base32_characters()
    {
        for (var i = 0; i < 1000; i++)
        {
            Assert.Matches("^[0-9abcdefghjkmnpqrstvwxyz]{26}$", IdGenerator.NewId());
        }
    }

    [Fact]
    public void Ids_do_not_repeat()
    {
        var ids = Enumerable.Range(0, 20_000).Select(_ => IdGenerator.NewId()).ToList();

        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }
}
