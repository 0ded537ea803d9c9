using System.Globalization;
using Cms.Data.Stores;

namespace Cms.Data.Tests;

public sealed class StoredDatesTests
{
    public static TheoryData<DateTime> Dates => new()
    {
        new DateTime(2026, 3, 1, 8, 0, 0),
        new DateTime(2026, 3, 1, 8, 0, 0).AddTicks(1),
        new DateTime(2026, 12, 31, 23, 59, 59).AddTicks(9_999_999),
        new DateTime(2024, 2, 29, 12, 30, 5).AddTicks(1_200_000),
        DateTime.MinValue,
        DateTime.MaxValue,
    };

    [Theory]
    [MemberData(nameof(Dates))]
    public void A_date_written_for_SQLite_reads_back_exactly(DateTime date)
    {
        var text = StoredDates.ToSqlite(date);

        Assert.Equal(date, StoredDates.ParseSqlite(text));
        Assert.Equal(DateTime.Parse(text, CultureInfo.InvariantCulture), StoredDates.ParseSqlite(text));
    }

    [Theory]
    [InlineData("2026-03-01T08:00:00")]
    [InlineData("2026-03-01 08:00")]
    [InlineData("2026-03-01")]
    public void Other_text_is_read_as_the_general_parser_reads_it(string text) =>
        Assert.Equal(DateTime.Parse(text, CultureInfo.InvariantCulture), StoredDates.ParseSqlite(text));

    [Theory]
    [InlineData("2026-02-30 08:00:00")]
    [InlineData("2026-13-01 08:00:00")]
    [InlineData("not a date")]
    public void Impossible_dates_are_refused_as_the_general_parser_refuses_them(string text) =>
        Assert.Throws<FormatException>(() => StoredDates.ParseSqlite(text));
}
