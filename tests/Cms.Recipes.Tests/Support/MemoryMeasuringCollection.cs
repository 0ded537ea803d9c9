namespace Cms.Recipes.Tests.Support;

/// <summary>Tests that measure the live heap run alone, so no other test's allocations are counted.</summary>
[CollectionDefinition(nameof(MemoryMeasuringCollection), DisableParallelization = true)]
public sealed class MemoryMeasuringCollection;
