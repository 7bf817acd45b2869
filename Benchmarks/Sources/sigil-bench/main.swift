import Foundation

// sigil-bench: Sigil and its peers side by side in one process. See Benchmarks/README.md.

let options: Options
do {
    options = try Options.parse(CommandLine.arguments.dropFirst())
} catch {
    if error.description.isEmpty {  // --help
        print(Options.usage)
        exit(0)
    }
    printError("sigil-bench: \(error.description)\n\n\(Options.usage)")
    exit(2)
}
exit(await Benchmark(options: options).run())
