namespace Cms.Recipes;

/// <summary>Paths a recipe reads from, with symbolic links resolved the way the operating system follows them.</summary>
public static class RecipePaths
{
    private const int MaxLinks = 40;

    /// <summary>
    /// The real path of <paramref name="path"/>: every symbolic link on the way (directories and the file itself) is
    /// replaced by its target, as <c>realpath</c> does. A missing part is kept as it is.
    /// </summary>
    public static string RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full)!;
        var current = root;
        var links = 0;
        var pending = new Stack<string>(full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries).Reverse());
        while (pending.TryPop(out var segment))
        {
            var next = Path.Combine(current, segment);
            FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            if (info.LinkTarget is { } target)
            {
                if (++links > MaxLinks)
                {
                    throw new IOException($"Too many symbolic links under '{path}'.");
                }

                var resolved = Path.GetFullPath(target, current);
                var resolvedRoot = Path.GetPathRoot(resolved)!;
                foreach (var part in resolved[resolvedRoot.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries).Reverse())
                {
                    pending.Push(part);
                }

                current = resolvedRoot;
                continue;
            }

            current = next;
        }

        return current;
    }

    /// <summary>Whether the real path of <paramref name="path"/> is inside the real path of <paramref name="folder"/>.</summary>
    public static bool IsInside(string path, string folder)
    {
        var realFolder = RealPath(folder).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return RealPath(path).StartsWith(realFolder, StringComparison.Ordinal);
    }
}
