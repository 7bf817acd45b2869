import Foundation

// sigil-bench: Sigil and its peers side by side in one process. See Benchmarks/README.md.

let options: Options
do {
    options = try Options.parse(CommandLine.arguments.dropFirst())
} catch {
    if !error.description.isEmpty { printError("sigil-bench: \(error.description)\n") }
    printError(Options.usage)
    exit(error.description.isEmpty ? 0 : 2)
}
exit(await Benchmark(options: options).run())
