/// What a transport hands the server: a line of bytes, or the news that a line was too long.
public enum MCPIncomingLine: Hashable, Sendable {
    /// One line without its terminating `\n` (and without a trailing `\r`).
    case line([UInt8])
    /// A line longer than the transport's limit. Its bytes were consumed and discarded as
    /// they arrived, never buffered whole; `byteCount` is how many there were.
    case oversized(byteCount: Int)
}

/// A failure to write to the peer (a closed pipe, an I/O error).
public struct MCPTransportError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The `errno` value, or 0 when the failure has no system error.
    public let systemError: Int32
    /// A short explanation.
    public let reason: String

    /// A transport failure.
    ///
    /// - Parameters:
    ///   - systemError: The `errno` value, or 0.
    ///   - reason: A short explanation.
    public init(systemError: Int32, reason: String) {
        self.systemError = systemError
        self.reason = reason
    }

    public var description: String { reason }
}

/// A bidirectional, newline-delimited message channel between an MCP server and its client.
///
/// The MCP stdio transport frames each JSON-RPC message as one line of UTF-8. The server
/// is generic over this protocol (see ``MCPServer/run(on:)``), so tests drive it with
/// ``MCPMemoryTransport`` and programs with ``MCPStdioTransport``.
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
