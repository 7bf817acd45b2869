import SigilMCP

/// An in-memory transport: input given up front as byte chunks, output collected as lines.
///
/// Drives an `MCPServer` in a test, or in a process that is not connected by stdio, with no
/// pipes and no threads. The input goes through the same line framing as
/// `MCPStdioTransport`, so chunks may split lines anywhere.
///
/// ```swift
/// var transport = MCPMemoryTransport(input: #"{"jsonrpc":"2.0","id":1,"method":"ping"}"# + "\n")
/// server.run(on: &transport)
/// transport.output   // [#"{"jsonrpc":"2.0","id":1,"result":{}}"#]
/// ```
public struct MCPMemoryTransport: MCPTransport, Sendable {
    private var chunks: [[UInt8]]
    private var nextChunk = 0
    private var framer: LineFramer
    private var finished = false
    /// The messages the server sent, in order, without their newlines.
    public private(set) var sentMessages: [[UInt8]] = []
    /// When set, ``send(_:)`` fails with this error (to simulate a closed pipe).
    public var sendFailure: MCPTransportError?

    /// A transport that delivers `chunks` in order and then end of input.
    ///
    /// - Parameters:
    ///   - chunks: The bytes the client sends, split as a pipe might split them.
    ///   - maximumLineBytes: The longest line accepted; 1 MiB by default.
    public init(chunks: [[UInt8]], maximumLineBytes: Int = MCPServerLimits.defaultMaximumLineBytes) {
        self.chunks = chunks
        self.framer = LineFramer(maximumLineBytes: maximumLineBytes)
    }

    /// A transport that delivers `input` as one chunk and then end of input.
    ///
    /// - Parameters:
    ///   - input: The text the client sends.
    ///   - maximumLineBytes: The longest line accepted; 1 MiB by default.
    public init(input: String, maximumLineBytes: Int = MCPServerLimits.defaultMaximumLineBytes) {
        self.init(chunks: [Array(input.utf8)], maximumLineBytes: maximumLineBytes)
    }

    /// The messages the server sent, decoded as UTF-8 text.
    public var output: [String] {
        sentMessages.map { String(decoding: $0, as: UTF8.self) }
    }

    /// The next line of the input chunks, framed as the standard-input transport frames them.
    ///
    /// - Returns: The line, or `nil` once every chunk has been delivered.
    public mutating func receive() -> MCPIncomingLine? {
        while true {
            if let line = framer.nextLine() { return line }
            if finished { return nil }
            if nextChunk < chunks.count {
                framer.append(chunks[nextChunk])
                chunks[nextChunk] = []
                nextChunk += 1
            } else {
                framer.finish()
                finished = true
            }
        }
    }

    /// Records `message` in ``sentMessages``, or throws ``sendFailure`` when it is set.
    ///
    /// - Parameter message: One serialized JSON-RPC message.
    /// - Throws: ``sendFailure``, when it is set; the message is then not recorded.
    public mutating func send(_ message: [UInt8]) throws(MCPTransportError) {
        if let sendFailure { throw sendFailure }
        sentMessages.append(message)
    }
}
