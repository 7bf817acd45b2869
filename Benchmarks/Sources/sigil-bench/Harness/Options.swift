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

    struct UsageError: Error, CustomStringConvertible {
        var description: String
    }

    static func parse(_ arguments: some Sequence<String>) throws(UsageError) -> Options {
        var options = Options()
        var iterator = arguments.makeIterator()
        func value(for flag: String) throws(UsageError) -> String {
            guard let value = iterator.next() else { throw UsageError(description: "\(flag) needs a value") }
            return value
        }
        while let argument = iterator.next() {
            switch argument {
            case "--quick": options.quick = true
            case "--filter": options.filters.append(try value(for: argument))
            case "--json": options.jsonPath = try value(for: argument)
            case "--markdown": options.markdown = true
            case "--list": options.list = true
            case "--cpu-clock": options.clock = .cpu
            case "--repetitions":
                let text = try value(for: argument)
                guard let count = Int(text), count > 0 else {
                    throw UsageError(description: "--repetitions needs a positive integer, not \(text)")
                }
                options.repetitions = count
            case "--child-variant": options.childVariant = try value(for: argument)
            case "--help", "-h": throw UsageError(description: "")
            default: throw UsageError(description: "unknown argument \(argument)")
            }
        }
        return options
    }

    /// Whether a row is selected by the filters.
    func selects(_ rowName: String) -> Bool {
        filters.isEmpty || filters.contains { rowName.lowercased().contains($0.lowercased()) }
    }

    /// The arguments of a child process serving `variant` (it is told what to time on its input).
    func childArguments(variant: ProcessVariant) -> [String] {
        ["--child-variant", variant.label] + (clock == .cpu ? ["--cpu-clock"] : [])
    }
}
