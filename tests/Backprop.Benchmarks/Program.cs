using BenchmarkDotNet.Running;
using Backprop.Benchmarks;

// `dotnet run -c Release --project tests/Backprop.Benchmarks -- --filter '*'` runs everything;
// `--filter '*Affine*'` or `--list flat` narrow it down. The anchor to compare with is NumPy:
// `/usr/bin/python3 ../shared/bench/numpy_anchor.py`, run in the same sitting (see README, Performance);
// for TwoLayerNetBenchmarks it is the book's own code, tests/Backprop.Benchmarks/numpy/two_layer_net_bench.py.
BenchmarkSwitcher.FromAssembly(typeof(ShortRunConfig).Assembly).Run(args, new ShortRunConfig());
