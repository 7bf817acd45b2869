/// What a transport hands the server: a line of bytes, or the news that a line was too long.
public enum MCPIncomingLine: Hashable, Sendable {
    /// One line without its terminating `\n` (and without a trailing `\r`).
    case line([UInt8])
    /// A line longer than the transport's limit. Its bytes were consumed and discarded as
    /// they arrived, never buffered whole; `byteCount` is how many there were.
    case oversized(byteCount: Int)
}

/// A failure of the channel to the peer: a closed pipe, an I/O error, a timeout, a child
/// that cannot be started, or a message that is not what was expected.
///
/// Equality is by ``code`` only, so tests read `#expect(error.code == .closed)`.
public struct MCPTransportError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of failure: the standard ones as `static let`s.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Backing: String, Hashable, Sendable {
            case systemCallFailed
            case closed
            case timedOut
            case cannotStart
            case unexpectedMessage
        }

        private let backing: Backing

        private init(_ backing: Backing) { self.backing = backing }

        /// A system call failed (see ``MCPTransportError/systemError``).
        public static let systemCallFailed = Code(.systemCallFailed)
        /// The peer closed its end.
        public static let closed = Code(.closed)
        /// No message arrived in time.
        public static let timedOut = Code(.timedOut)
        /// A child process could not be started.
        public static let cannotStart = Code(.cannotStart)
        /// A message arrived that is not what the exchange expects.
        public static let unexpectedMessage = Code(.unexpectedMessage)

        /// The code's name, such as `systemCallFailed`.
        public var description: String { backing.rawValue }
    }

    /// The kind of failure.
    public let code: Code
    /// A short explanation.
    public let reason: String
    /// The `errno` value, or 0 when the failure has no system error.
    public let systemError: Int32
    /// The source file that raised the error (`#fileID`), for diagnostics.
    public let file: String
    /// The line that raised the error, for diagnostics.
    public let line: Int

    /// A transport failure.
    ///
    /// Public because an ``MCPTransport`` written outside this module throws it from
    /// ``MCPTransport/send(_:)``.
    ///
    /// - Parameters:
    ///   - code: The kind of failure.
    ///   - reason: A short explanation.
    ///   - systemError: The `errno` value, or 0.
    ///   - file: The source file that raised the error.
    ///   - line: The line that raised the error.
    public init(
        _ code: Code, _ reason: String, systemError: Int32 = 0, file: String = #fileID, line: Int = #line
    ) {
        self.code = code
        self.reason = reason
        self.systemError = systemError
        self.file = file
        self.line = line
    }

    /// The reason.
    public var description: String { reason }

    /// Equal when the codes are equal; the reason and the source location are ignored.
    public static func == (lhs: MCPTransportError, rhs: MCPTransportError) -> Bool { lhs.code == rhs.code }
    /// Hashes the code only, as `==` compares.
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}

/// A bidirectional, newline-delimited message channel between an MCP server and its client.
///
/// The MCP stdio transport frames each JSON-RPC message as one line of UTF-8. The server
/// is generic over this protocol (see ``MCPServer/run(on:)``), so programs serve with
/// ``MCPStdioTransport`` and tests drive it in memory (`MCPMemoryTransport`, in the
/// `SigilMCPTesting` library).
public protocol MCPTransport {
    /// The next incoming line, blocking until one is available.
    ///
    /// - Returns: The line, or `nil` at end of input (the client closed the stream).
    mutating func receive() -> MCPIncomingLine?

    /// Writes one message followed by `\n`.
    ///
    /// - Parameter message: One serialized JSON-RPC message, without a newline in it.
    /// - Throws: ``MCPTransportError`` when the peer can no longer be written to.
    mutating func send(_ message: [UInt8]) throws(MCPTransportError)
}
