import SigilJSON

/// A JSON-RPC 2.0 error object (JSON-RPC 2.0 §5.1): what the server answers when a message
/// itself is wrong, as opposed to a tool that ran and failed (see ``MCPToolError``).
///
/// Equality is by ``code`` only.
public struct JSONRPCError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A JSON-RPC error code: the standard ones as `static let`s.
    ///
    /// An open integer, unlike the other error codes of Sigil: it is a wire code, and
    /// JSON-RPC 2.0 §5.1 leaves -32000 ... -32099 to each server.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// The integer sent on the wire.
        public let rawValue: Int

        /// A code; implementation-defined server errors use -32000 to -32099.
        ///
        /// - Parameter rawValue: The integer sent on the wire.
        public init(_ rawValue: Int) { self.rawValue = rawValue }

        /// -32700: the message is not valid JSON.
        public static let parseError = Code(-32700)
        /// -32600: the JSON is not a valid request object.
        public static let invalidRequest = Code(-32600)
        /// -32601: the method does not exist.
        public static let methodNotFound = Code(-32601)
        /// -32602: the parameters are invalid for the method.
        public static let invalidParams = Code(-32602)
        /// -32603: an internal error of the server.
        public static let internalError = Code(-32603)

        /// The integer, in decimal.
        public var description: String { String(rawValue) }
    }

    /// The error code.
    public let code: Code
    /// A short sentence for a human; never contains secrets.
    public let message: String
    /// Optional structured detail.
    public let data: JSONValue?
    /// The source file that raised the error (`#fileID`), for diagnostics.
    public let file: String
    /// The line that raised the error, for diagnostics.
    public let line: Int

    /// An error object.
    ///
    /// - Parameters:
    ///   - code: The error code.
    ///   - message: A short sentence for a human.
    ///   - data: Optional structured detail.
    ///   - file: The source file that raised the error.
    ///   - line: The line that raised the error.
    public init(_ code: Code, _ message: String, data: JSONValue? = nil, file: String = #fileID, line: Int = #line) {
        self.code = code
        self.message = message
        self.data = data
        self.file = file
        self.line = line
    }

    /// `JSON-RPC error <code>: <message>`, for logs.
    public var description: String { "JSON-RPC error \(code.rawValue): \(message)" }

    /// The error object as sent: `{"code":…,"message":…,"data":…}`.
    public var jsonValue: JSONValue {
        var object: JSONObject = ["code": .number(JSONNumber(code.rawValue)), "message": .string(message)]
        if let data { object["data"] = data }
        return .object(object)
    }

    /// Equal when the codes are equal; the message, data and source location are ignored.
    public static func == (lhs: JSONRPCError, rhs: JSONRPCError) -> Bool { lhs.code == rhs.code }
    /// Hashes the code only, as `==` compares.
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}
