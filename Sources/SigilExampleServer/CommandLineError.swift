/// A command line that breaks the rules of ``CommandLineArguments``, or a value that a
/// command does not accept.
///
/// Equality and hashing use ``code`` only, so tests read
/// `#expect(error.code == .missingValue)`; ``reason`` is the message for the user.
public struct CommandLineError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong with the command line.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Backing: String, Hashable, Sendable {
            case unknownOption
            case missingValue
            case unexpectedValue
            case repeatedOption
            case unexpectedArgument
            case invalidValue
            case missingOption
        }

        private let backing: Backing

        private init(_ backing: Backing) { self.backing = backing }

        /// An option the command does not define, or an argument starting with `-` that is
        /// not an option.
        public static let unknownOption = Code(.unknownOption)
        /// An option that takes a value was given none, or an empty one.
        public static let missingValue = Code(.missingValue)
        /// A flag was given a value (`--flag=value`).
        public static let unexpectedValue = Code(.unexpectedValue)
        /// An option that may be given once was given again.
        public static let repeatedOption = Code(.repeatedOption)
        /// A positional argument where the command takes none (or not that many).
        public static let unexpectedArgument = Code(.unexpectedArgument)
        /// A value the option does not accept (not a number, out of range, not a known name),
        /// or a file or environment setting standing for one that cannot be used (an
        /// unreadable key file, a secret that is too short).
        public static let invalidValue = Code(.invalidValue)
        /// An option is missing that the command, or another option given, needs.
        public static let missingOption = Code(.missingOption)

        /// The code's name, for example `missingValue`.
        public var description: String { backing.rawValue }
    }

    /// What is wrong.
    public let code: Code
    /// The message for the user, for example `--data needs a value`.
    public let reason: String
    /// The source file that raised the error (`#fileID`), for diagnostics.
    public let file: String
    /// The line that raised the error, for diagnostics.
    public let line: Int

    /// An error with a code and a message for the user.
    ///
    /// - Parameters:
    ///   - code: What is wrong.
    ///   - reason: The message for the user.
    ///   - file: The source file that raised the error; the caller's by default.
    ///   - line: The line that raised the error; the caller's by default.
    package init(_ code: Code, _ reason: String, file: String = #fileID, line: Int = #line) {
        self.code = code
        self.reason = reason
        self.file = file
        self.line = line
    }

    /// The reason alone, as ``reason``.
    public var description: String { reason }

    /// Equal when the codes are equal; the reason and the source location are ignored.
    public static func == (lhs: CommandLineError, rhs: CommandLineError) -> Bool {
        lhs.code == rhs.code
    }

    /// Hashes the code only, as `==` compares.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(code)
    }
}
