namespace Cms.Data.Tests.Support;

/// <summary>How many rows each content table holds, to show that a refused change wrote nothing.</summary>
public sealed record RowCounts(int Versions, int Text, int Numeric, int Boolean, int DateTime, int Picker, int Documents);
