namespace Cms.Core.Media;

/// <summary>A crop profile as the content API shows it: <c>card</c>, 640×360.</summary>
public sealed record MediaProfileInfo(string Name, int Width, int Height);
