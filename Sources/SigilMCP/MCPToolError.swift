import SigilJSON

/// Why a tool call failed: sent to the client as a tool result with `isError: true` and a
/// stable, machine-readable code in its `structuredContent`.
///
/// ```json
/// {"content":[{"type":"text","text":"Token expired"}],
///  "structuredContent":{"error":"token_expired","message":"Token expired"},"isError":true}
/// ```
///
/// A tool throws this from its handler; the runtime throws it for bad arguments and failed
/// authentication or authorization. Equality is by ``code`` only.
public struct MCPToolError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A stable, machine-readable failure code (the `error` member of the result).
    ///
    /// Unlike the other error codes of Sigil, this one is an open string: it is a wire code
    /// that each tool may extend with its own, so it cannot be a closed set.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// The code as sent, in snake case.
        public let rawValue: String

        /// A code; tools may define their own, in snake case.
        ///
        /// - Parameter rawValue: The code as sent.
        public init(_ rawValue: String) { self.rawValue = rawValue }

        /// A required argument is absent.
        public static let missingArgument = Code("missing_argument")
        /// An argument has the wrong JSON type.
        public static let invalidArgumentType = Code("invalid_argument_type")
        /// A string argument is longer than its declared maximum.
        public static let argumentTooLong = Code("argument_too_long")
        /// A number argument is outside its declared range.
        public static let argumentOutOfRange = Code("argument_out_of_range")
        /// An argument the tool does not declare.
        public static let unknownArgument = Code("unknown_argument")
        /// The tool needs a token and none was given.
        public static let authenticationRequired = Code("authentication_required")
        /// The token is malformed, badly signed, or otherwise unacceptable.
        public static let invalidToken = Code("invalid_token")
        /// The token's `exp` has passed.
        public static let tokenExpired = Code("token_expired")
        /// The token was revoked, for example by logout.
        public static let tokenRevoked = Code("token_revoked")
        /// The caller lacks the role or permission the tool requires.
        public static let permissionDenied = Code("permission_denied")
        /// The resource the call names does not exist.
        public static let notFound = Code("not_found")
        /// A login failed.
        public static let invalidCredentials = Code("invalid_credentials")
        /// The tool could not complete for a reason on the server's side.
        public static let internalError = Code("internal_error")

        /// The code as sent.
        public var description: String { rawValue }

        /// Whether the code reports a failed authentication or authorization (counted as a
        /// denial in ``MCPServerStatistics``).
        public var isDenial: Bool {
            self == .authenticationRequired || self == .invalidToken || self == .tokenExpired
                || self == .tokenRevoked || self == .permissionDenied
        }
    }

    /// The machine-readable code.
    public let code: Code
    /// A short sentence for a human, shown as the result's text; never contains secrets.
    public let message: String
    /// Extra members of the `structuredContent` object, such as the argument's name.
    public let details: JSONObject
    /// The source file that raised the error (`#fileID`), for diagnostics.
    public let file: String
    /// The line that raised the error, for diagnostics.
    public let line: Int

    /// A tool failure.
    ///
    /// Public because tool handlers throw it.
    ///
    /// - Parameters:
    ///   - code: The machine-readable code.
    ///   - message: A short sentence for a human.
    ///   - details: Extra members for the `structuredContent` object; `error` and
    ///     `message` are always set from `code` and `message`.
    ///   - file: The source file that raised the error.
    ///   - line: The line that raised the error.
    public init(
        _ code: Code, _ message: String, details: JSONObject = JSONObject(), file: String = #fileID, line: Int = #line
    ) {
        self.code = code
        self.message = message
        self.details = details
        self.file = file
        self.line = line
    }

    /// `code: message`, for logs.
    public var description: String { "\(code.rawValue): \(message)" }

    /// The `structuredContent` of the failed result.
    public var structuredContent: JSONObject {
        var object: JSONObject = ["error": .string(code.rawValue), "message": .string(message)]
        for (key, value) in details where key != "error" && key != "message" { object[key] = value }
        return object
    }

    /// Equal when the codes are equal; the message, details and source location are ignored.
    public static func == (lhs: MCPToolError, rhs: MCPToolError) -> Bool { lhs.code == rhs.code }
    /// Hashes the code only, as `==` compares.
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}
