import BenchmarkCommandLine
import Foundation

// sigil-bench: Sigil and its peers side by side in one process. See Benchmarks/README.md.

let options = parseCommandLine(tool: "sigil-bench", usage: Options.usage, Options.parse)
exit(await Benchmark(options: options).run())
