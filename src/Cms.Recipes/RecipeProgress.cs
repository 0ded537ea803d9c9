namespace Cms.Recipes;

/// <summary>How far a running recipe is: items read so far of the recipe's total, and the time since it started.</summary>
public sealed record RecipeProgress(int Done, int Total, TimeSpan Elapsed)
{
    public double ItemsPerSecond => Elapsed > TimeSpan.Zero ? Done / Elapsed.TotalSeconds : 0;
}
