import SigilExampleServer

/// `sigil-token`'s reading of a subcommand's arguments: the example's one set of
/// command-line rules (``CommandLineArguments``), with a broken rule reported as a usage
/// error of the subcommand.
extension CommandLineArguments {
    /// Splits a subcommand's arguments into options and positionals.
    ///
    /// - Parameters:
    ///   - arguments: The arguments after the subcommand's name.
    ///   - command: The subcommand, for the pointer to its `--help`.
    ///   - options: The options it accepts.
    /// - Throws: ``UsageError`` with the broken rule.
    init(_ arguments: ArraySlice<String>, command: String, options: [CommandLineOption]) throws(UsageError) {
        do {
            try self.init(arguments, options: options)
        } catch {
            throw UsageError(error.reason, command: command)
        }
    }

    /// An integer option's value, if given.
    ///
    /// - Throws: ``UsageError`` when the value is not a decimal integer.
    func integer(_ name: String, command: String) throws(UsageError) -> Int64? {
        do {
            return try integer(name)
        } catch {
            throw UsageError(error.reason, command: command)
        }
    }
}

/// Wrong usage: reported on stderr with a pointer to `--help`, exit status 2.
struct UsageError: Error {
    let message: String
    let command: String?

    init(_ message: String, command: String? = nil) {
        self.message = message
        self.command = command
    }
}

/// The process exit statuses.
enum ExitStatus {
    /// Success; for `verify`, a valid token.
    static let success: Int32 = 0
    /// An invalid token (`verify`, `decode`).
    static let invalidToken: Int32 = 1
    /// Wrong usage, or an unusable key, secret or input file.
    static let usage: Int32 = 2
}
