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
        let rawValue: UInt8
        private init(_ rawValue: UInt8) { self.rawValue = rawValue }

        /// A system call failed (see ``MCPTransportError/systemError``).
        public static let systemCallFailed = Code(1)
        /// The peer closed its end.
        public static let closed = Code(2)
        /// No message arrived in time.
        public static let timedOut = Code(3)
        /// A child process could not be started.
        public static let cannotStart = Code(4)
        /// A message arrived that is not what the exchange expects.
        public static let unexpectedMessage = Code(5)

        public var description: String {
            switch self {
            case .systemCallFailed: return "systemCallFailed"
            case .closed: return "closed"
            case .timedOut: return "timedOut"
            case .cannotStart: return "cannotStart"
            default: return "unexpectedMessage"
            }
        }
    }

    /// The kind of failure.
    public let code: Code
    /// A short explanation.
    public let reason: String
    /// The `errno` value, or 0 when the failure has no system error.
    public let systemError: Int32

    /// A transport failure.
    ///
    /// - Parameters:
    ///   - code: The kind of failure.
    ///   - reason: A short explanation.
    ///   - systemError: The `errno` value, or 0.
    public init(_ code: Code, _ reason: String, systemError: Int32 = 0) {
        self.code = code
        self.reason = reason
        self.systemError = systemError
    }

    public var description: String { reason }

    public static func == (lhs: MCPTransportError, rhs: MCPTransportError) -> Bool { lhs.code == rhs.code }
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
