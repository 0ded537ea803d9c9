using Cms.Benchmarks;

// Benchmarks run on demand, never in CI: dotnet run -c Release --project tests/Cms.Benchmarks -- <name> [options]
return args.FirstOrDefault() switch
{
    "import" => await ImportBenchmark.RunAsync(args[1..]),
    "graphql" => await GraphQLBenchmark.RunAsync(args[1..]),
    "media" => await MediaBenchmark.RunAsync(args[1..]),
    "recipe" => await RecipeBenchmark.RunAsync(args[1..]),
    "search" => await SearchBenchmark.RunAsync(args[1..]),
    "external" => await ExternalBenchmark.RunAsync(args[1..]),
    "nodes" => await NodesBenchmark.RunAsync(args[1..]),
    NodesBenchmark.NodeCommand => await NodesBenchmark.RunNodeAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("Usage: dotnet run -c Release --project tests/Cms.Benchmarks -- <benchmark> [options]");
    Console.Error.WriteLine("  import   " + ImportBenchmark.Options);
    Console.Error.WriteLine("  graphql  " + GraphQLBenchmark.Options);
    Console.Error.WriteLine("  media    " + MediaBenchmark.Options);
    Console.Error.WriteLine("  recipe   " + RecipeBenchmark.Options);
    Console.Error.WriteLine("  search   " + SearchBenchmark.Options);
    Console.Error.WriteLine("  external " + ExternalBenchmark.Options);
    Console.Error.WriteLine("  nodes    " + NodesBenchmark.Options);
    return 2;
}
