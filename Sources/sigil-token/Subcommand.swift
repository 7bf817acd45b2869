import SigilExampleServer

/// A `sigil-token` subcommand: its name, help text and options, and what it does once its
/// arguments are read.
///
/// The scaffolding every subcommand shares lives in this protocol's extension:
/// ``run(_:)`` reads the arguments by the example's command-line rules and answers
/// `-h`/`--help` with ``help``; ``usageError(_:)`` makes an error that points to the
/// subcommand's own `--help`.
protocol Subcommand {
    /// The name after `sigil-token`, for example `generate`.
    static var name: String { get }
    /// What `--help` prints.
    static var help: String { get }
    /// The options accepted besides `-h`/`--help`.
    static var options: [CommandLineOption] { get }

    /// Does the subcommand's work once `--help` has been ruled out.
    ///
    /// - Parameter arguments: The subcommand's options and positionals.
    /// - Returns: The process exit status (``ExitStatus``).
    /// - Throws: ``UsageError`` on wrong usage or an unusable key, secret or input.
    static func run(with arguments: CommandLineArguments) throws(UsageError) -> Int32
}

extension Subcommand {
    /// Reads `arguments`, prints ``help`` for `-h`/`--help`, else runs the subcommand.
    ///
    /// - Parameter arguments: The arguments after the subcommand's name.
    /// - Returns: The process exit status (``ExitStatus``).
    /// - Throws: ``UsageError`` when an argument breaks the command-line rules, or from
    ///   ``run(with:)``.
    static func run(_ arguments: ArraySlice<String>) throws(UsageError) -> Int32 {
        let parsed = try CommandLineArguments(arguments, command: name, options: options)
        if parsed.has("help") {
            SystemIO.print(help)
            return ExitStatus.success
        }
        return try run(with: parsed)
    }

    /// A usage error of this subcommand, reported with a pointer to its `--help`.
    ///
    /// - Parameter message: What was wrong.
    /// - Returns: The error.
    static func usageError(_ message: String) -> UsageError {
        UsageError(message, command: name)
    }

    /// An integer option's value within `range`, if given.
    ///
    /// - Parameters:
    ///   - option: The option's name without dashes.
    ///   - arguments: The read arguments.
    ///   - range: The accepted values.
    ///   - unit: Words after the upper bound in the error message, such as `" seconds"`.
    /// - Returns: The value, or `nil` when the option was not given.
    /// - Throws: ``UsageError`` when the value is not a decimal integer or lies outside `range`.
    static func integer(
        _ option: String, in arguments: CommandLineArguments, within range: ClosedRange<Int64>, unit: String = ""
    ) throws(UsageError) -> Int64? {
        guard let value = try arguments.integer(option, command: name) else { return nil }
        guard range.contains(value) else {
            throw usageError("--\(option) must be between \(range.lowerBound) and \(range.upperBound)\(unit)")
        }
        return value
    }
}
