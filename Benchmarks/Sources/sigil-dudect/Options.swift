import BenchmarkCommandLine

/// The command line of sigil-dudect.
struct Options: Sendable {
    /// How long each target is measured.
    var budget = MeasurementBudget.seconds(10)
    /// Substrings (case-insensitive); a target runs when its name contains any of them.
    ///
    /// Empty: all.
    var filters: [String] = []
    /// Where to write the JSON records, if anywhere.
    var jsonPath: String?
    /// Only list the targets.
    var list = false

    static let usage = """
        usage: sigil-dudect [--seconds N | --samples N] [--filter TEXT]... [--json PATH] [--list]

        A statistical timing test (dudect: Reparaz, Balasch, Verbauwhede, 2017). For each target,
        executions with a fixed input and with random inputs are interleaved in random order and
        timed one by one; Welch's t-test compares the two classes' times, on all measurements and
        on measurements cropped at 100 percentiles. A verdict per target from the largest |t|:
        below 4.5 no leak detected at this sample size, above 10 a leak, in between repeat.
        Two targets are the harness's controls, early-exit compares that must be flagged.

          --seconds N        measure each target for about N seconds (default 10)
          --samples N        measure each target for N executions after calibration instead
          --filter TEXT      run only targets whose name contains TEXT (case-insensitive); repeatable
          --json PATH        write one JSON record per target to PATH
          --list             print the target names and exit
          --help             this text

        Build in release mode: swift run -c release --package-path Benchmarks sigil-dudect
        """

    /// Reads the options from `arguments` (after the program name).
    static func parse(_ arguments: inout ArgumentReader) throws(UsageError) -> Options {
        var options = Options()
        while let argument = arguments.next() {
            switch argument {
            case "--seconds": options.budget = .seconds(try arguments.positiveNumber(for: argument))
            case "--samples": options.budget = .samples(try arguments.positiveInteger(for: argument))
            case "--filter": options.filters.append(try arguments.value(for: argument))
            case "--json": options.jsonPath = try arguments.value(for: argument)
            case "--list": options.list = true
            default: throw UsageError.unhandled(argument)
            }
        }
        return options
    }
}
