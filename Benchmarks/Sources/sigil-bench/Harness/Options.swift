import BenchmarkCommandLine

/// The command line of sigil-bench.
struct Options: Sendable {
    /// A smoke run for CI: few, short repetitions.
    ///
    /// Its numbers are not meant to be quoted.
    var quick = false
    /// Substrings (case-insensitive); a row runs when its name contains any of them.
    ///
    /// Empty: all.
    var filters: [String] = []
    /// Where to write the JSON records, if anywhere.
    var jsonPath: String?
    /// Also print the table as Markdown after the run (for the README).
    var markdown = false
    /// Only list the row names.
    var list = false
    /// Overrides the number of timed repetitions.
    var repetitions: Int?
    /// The clock samples are read from.
    var clock = MeasuringClock.wall
    /// Internal: this process is the child measuring the implementations of that variant.
    var childVariant: String?

    static let usage = """
        usage: sigil-bench [--quick] [--filter SUBSTRING]... [--json PATH] [--markdown] [--repetitions N] [--cpu-clock] [--list]

        Measures Sigil against its peers (swift-crypto, jwt-kit) in one process and prints, per row,
        the median of N timed repetitions after a warm-up, and the ratio Sigil/peer oriented so that
        a ratio above 1 means Sigil is better (for ns rows: peer ns / Sigil ns).

          --quick            smoke run (3 short repetitions); for CI, not for quoting
          --filter TEXT      run only rows whose name contains TEXT (case-insensitive); repeatable
          --json PATH        write one JSON record per (row, implementation) to PATH
          --markdown         also print the table as Markdown
          --repetitions N    timed repetitions per implementation (default 21, quick 3)
          --cpu-clock        time with the process's CPU time instead of the wall clock
                             (steadier when other processes compete for the CPUs)
          --list             print the row names and exit
          --help             this text

        Build in release mode: swift run -c release --package-path Benchmarks sigil-bench
        """

    /// Reads the options from `arguments` (after the program name).
    static func parse(_ arguments: inout ArgumentReader) throws(UsageError) -> Options {
        var options = Options()
        while let argument = arguments.next() {
            switch argument {
            case "--quick": options.quick = true
            case "--filter": options.filters.append(try arguments.value(for: argument))
            case "--json": options.jsonPath = try arguments.value(for: argument)
            case "--markdown": options.markdown = true
            case "--list": options.list = true
            case "--cpu-clock": options.clock = .cpu
            case "--repetitions": options.repetitions = try arguments.positiveInteger(for: argument)
            case "--child-variant": options.childVariant = try arguments.value(for: argument)
            default: throw UsageError.unhandled(argument)
            }
        }
        return options
    }

    /// The arguments of a child process serving `variant` (it is told what to time on its input).
    func childArguments(variant: ProcessVariant) -> [String] {
        ["--child-variant", variant.label] + (clock == .cpu ? ["--cpu-clock"] : [])
    }
}
