// The command-line rules that sigil-bench and sigil-dudect share: `--flag VALUE` options read
// in order, `-h`/`--help`, exit status 2 with the usage for a command line that cannot run,
// and case-insensitive substring filters on row or target names.

import Foundation

/// A command line that cannot be run, and why; ``help`` for `-h`/`--help`.
public struct UsageError: Error, CustomStringConvertible, Sendable {
    /// The reason, for standard error; empty for ``help``.
    public var description: String

    /// A usage error with its reason.
    ///
    /// - Parameter description: Why the command line cannot run.
    public init(_ description: String) { self.description = description }

    /// `-h` or `--help`: the usage goes to standard output and the tool exits with status 0.
    public static let help = UsageError("")

    /// The error for an argument that no option of the tool takes: ``help`` for `-h` and
    /// `--help`, otherwise an unknown argument.
    ///
    /// - Parameter argument: The argument.
    /// - Returns: The error to throw.
    public static func unhandled(_ argument: String) -> UsageError {
        argument == "-h" || argument == "--help" ? help : UsageError("unknown argument \(argument)")
    }
}

/// A tool's arguments (without the program name), read one at a time.
public struct ArgumentReader {
    private var iterator: [String].Iterator

    /// A reader of `arguments`.
    ///
    /// - Parameter arguments: The arguments after the program name.
    public init(_ arguments: some Sequence<String>) { iterator = Array(arguments).makeIterator() }

    /// The next argument, or `nil` after the last.
    public mutating func next() -> String? { iterator.next() }

    /// The value that must follow `flag`.
    ///
    /// - Parameter flag: The option just read, for the message.
    /// - Returns: The next argument.
    /// - Throws: `UsageError` when there is none.
    public mutating func value(for flag: String) throws(UsageError) -> String {
        guard let value = iterator.next() else { throw UsageError("\(flag) needs a value") }
        return value
    }

    /// The positive integer that must follow `flag`.
    ///
    /// - Parameter flag: The option just read, for the message.
    /// - Returns: The integer, at least 1.
    /// - Throws: `UsageError` when the value is missing or is not a positive integer.
    public mutating func positiveInteger(for flag: String) throws(UsageError) -> Int {
        let text = try value(for: flag)
        guard let count = Int(text), count > 0 else {
            throw UsageError("\(flag) needs a positive integer, not \(text)")
        }
        return count
    }

    /// The positive, finite number that must follow `flag`.
    ///
    /// - Parameter flag: The option just read, for the message.
    /// - Returns: The number, above 0.
    /// - Throws: `UsageError` when the value is missing or is not a positive number.
    public mutating func positiveNumber(for flag: String) throws(UsageError) -> Double {
        let text = try value(for: flag)
        guard let number = Double(text), number > 0, number.isFinite else {
            throw UsageError("\(flag) needs a positive number, not \(text)")
        }
        return number
    }
}

/// Reads the process's command line with `parse`.
///
/// On ``UsageError/help`` it prints `usage` and exits with status 0; on any other usage
/// error it prints the reason and `usage` to standard error and exits with status 2.
///
/// - Parameters:
///   - tool: The tool's name, which prefixes an error.
///   - usage: The usage text.
///   - parse: Reads the options from the arguments after the program name.
/// - Returns: The options.
public func parseCommandLine<Options>(
    tool: String,
    usage: String,
    _ parse: (inout ArgumentReader) throws(UsageError) -> Options
) -> Options {
    var arguments = ArgumentReader(CommandLine.arguments.dropFirst())
    do {
        return try parse(&arguments)
    } catch {
        if error.description.isEmpty {
            print(usage)
            exit(0)
        }
        printError("\(tool): \(error.description)\n\n\(usage)")
        exit(2)
    }
}

/// Whether `name` contains any of `filters`, ignoring case; `true` when there are none.
///
/// - Parameters:
///   - name: A row or target name.
///   - filters: Substrings given with `--filter`.
/// - Returns: Whether the row or target is selected.
public func isSelected(_ name: String, by filters: [String]) -> Bool {
    filters.isEmpty || filters.contains { name.lowercased().contains($0.lowercased()) }
}

/// Writes a line to standard error.
///
/// - Parameter message: The line, without its line feed.
public func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
