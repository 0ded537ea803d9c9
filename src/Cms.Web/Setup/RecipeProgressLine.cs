using System.Globalization;
using Cms.Recipes;

namespace Cms.Web.Setup;

/// <summary>
/// The progress of <c>recipe run</c> on the console: items done of the total and items per second. On a terminal one
/// line is rewritten in place; when the output goes to a file or a pipe, each report is a line of its own.
/// </summary>
public sealed class RecipeProgressLine(TextWriter output, bool inPlace) : IProgress<RecipeProgress>
{
    private int _width;

    public void Report(RecipeProgress value)
    {
        var line = Format(value);
        if (!inPlace)
        {
            output.WriteLine(line);
            return;
        }

        output.Write("\r" + line.PadRight(_width));
        _width = line.Length;
        if (value.Done >= value.Total)
        {
            output.WriteLine();
            _width = 0;
        }
    }

    public static string Format(RecipeProgress value) => string.Create(
        CultureInfo.InvariantCulture,
        $"  {value.Done:N0} of {value.Total:N0} items, {value.ItemsPerSecond:N0} items/s");
}
