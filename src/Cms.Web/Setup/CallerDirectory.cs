namespace Cms.Web.Setup;

/// <summary>
/// The folder the user typed the command in. <c>dotnet run</c> starts the host in the project's folder and passes
/// the caller's as <c>--Cms:CallerDirectory=...</c> (see Cms.Web.csproj); started any other way, it is the current
/// directory.
/// </summary>
public static class CallerDirectory
{
    private const string Switch = "--Cms:CallerDirectory=";

    /// <summary>Removes the switch from <paramref name="args"/>; <paramref name="directory"/> is its value or the current directory.</summary>
    public static string[] Take(string[] args, out string directory)
    {
        directory = Directory.GetCurrentDirectory();
        var rest = new List<string>(args.Length);
        foreach (var arg in args)
        {
            if (arg.StartsWith(Switch, StringComparison.Ordinal))
            {
                directory = arg[Switch.Length..] is { Length: > 0 } value ? value : directory;
            }
            else
            {
                rest.Add(arg);
            }
        }

        return [.. rest];
    }
}
