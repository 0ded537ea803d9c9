namespace Cms.Web.Setup;

/// <summary>A parsed <c>recipe run</c> command line: the recipe file, its <c>parameters('Name')</c> values and the host's own arguments.</summary>
public sealed record RecipeInvocation(string File, IReadOnlyDictionary<string, string> Parameters, string[] HostArgs);
