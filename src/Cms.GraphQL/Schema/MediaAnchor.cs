namespace Cms.GraphQL.Schema;

/// <summary>A focal point, 0–1 from the left (X) and the top (Y).</summary>
internal sealed record MediaAnchor(double X, double Y);
