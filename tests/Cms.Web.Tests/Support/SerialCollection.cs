namespace Cms.Web.Tests.Support;

/// <summary>
/// Tests that read process-wide output, the console and the request log (Serilog's request logging writes through
/// the static logger, which the most recently started host owns): they run alone.
/// </summary>
[CollectionDefinition(nameof(SerialCollection), DisableParallelization = true)]
public sealed class SerialCollection;
