import SigilSystem

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The MCP stdio transport: newline-delimited JSON-RPC on two file descriptors, by default
/// standard input and standard output.
///
/// Reads go through `read(2)` in chunks of 64 KiB with a bounded line length (see
/// ``MCPIncomingLine/oversized(byteCount:)``). Writes go through `write(2)` (retried on
/// `EINTR` and short writes). When a client pipelines requests, the responses to requests
/// that arrived together are written together; a response is never held back while the
/// server waits for input, so nothing sits in a buffer when the client is waiting.
///
/// A client that goes away closes the pipe; the next write then raises `SIGPIPE`, which
/// kills the process unless the application ignores it. Making a transport changes no
/// process-wide state: call ``ignoreBrokenPipeSignals()`` once at start-up (a server
/// usually wants it), and ``send(_:)`` then throws instead.
///
/// - Important: Standard output belongs to the protocol. Write logs to standard error
///   (``MCPLog``); anything else on standard output corrupts the stream.
public struct MCPStdioTransport: MCPTransport {
    private let inputDescriptor: Int32
    private let outputDescriptor: Int32
    private var framer: LineFramer
    private var readBuffer: [UInt8]
    private var pendingOutput: [UInt8] = []
    private var reachedEnd = false

    /// A transport over the given descriptors.
    ///
    /// - Parameters:
    ///   - input: The descriptor to read requests from; standard input by default.
    ///   - output: The descriptor to write responses to; standard output by default.
    ///   - maximumLineBytes: The longest line accepted; 1 MiB by default.
    public init(input: Int32 = 0, output: Int32 = 1, maximumLineBytes: Int = MCPServerLimits.defaultMaximumLineBytes) {
        inputDescriptor = input
        outputDescriptor = output
        framer = LineFramer(maximumLineBytes: maximumLineBytes)
        readBuffer = [UInt8](repeating: 0, count: 64 * 1024)
    }

    /// Ignores `SIGPIPE` for the whole process, so that writing to a pipe whose reader has
    /// gone fails with `EPIPE` (and ``send(_:)`` throws) instead of killing the process.
    ///
    /// This is process-wide state, so it is the application's call: make it once, at
    /// start-up, before serving.
    public static func ignoreBrokenPipeSignals() {
        _ = signal(SIGPIPE, SIG_IGN)
    }

    /// The next line from the input descriptor, reading (and retrying after `EINTR`) until one is complete.
    ///
    /// Held-back responses are written first, so a client waiting for them is never blocked. A read error, or a
    /// failure to write those responses, is logged to standard error and ends the input.
    ///
    /// - Returns: The line, or `nil` at end of input.
    public mutating func receive() -> MCPIncomingLine? {
        while true {
            if let line = framer.nextLine() { return line }
            do {
                try flush()
            } catch {
                MCPLog.write("sigil-mcp: \(error.reason); stopping")
                reachedEnd = true
                return nil
            }
            if reachedEnd { return nil }
            let count = readBuffer.withUnsafeMutableBytes { buffer in
                read(inputDescriptor, buffer.baseAddress, buffer.count)
            }
            if count > 0 {
                readBuffer.withUnsafeBytes { buffer in
                    framer.append(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
                }
            } else if count < 0 && errno == EINTR {
                continue
            } else {
                if count < 0 { MCPLog.write("sigil-mcp: reading the input failed (errno \(errno)); stopping") }
                framer.finish()
                reachedEnd = true
            }
        }
    }

    /// Queues one message followed by `\n` for the output descriptor.
    ///
    /// While more complete requests are already buffered (and less than 64 KiB is held back), the response waits
    /// so that a batch of answers goes out in one write; otherwise everything held back is written now.
    ///
    /// - Parameter message: One serialized JSON-RPC message, without a newline in it.
    /// - Throws: ``MCPTransportError`` when the client can no longer be written to.
    public mutating func send(_ message: [UInt8]) throws(MCPTransportError) {
        pendingOutput.append(contentsOf: message)
        pendingOutput.append(0x0A)
        // More requests already read: answer them first and write the responses at once.
        if framer.hasReadyLines && pendingOutput.count < 64 * 1024 { return }
        try flush()
    }

    /// Writes any held-back responses.
    ///
    /// - Throws: ``MCPTransportError`` when the client can no longer be written to.
    public mutating func flush() throws(MCPTransportError) {
        guard !pendingOutput.isEmpty else { return }
        defer { pendingOutput.removeAll(keepingCapacity: pendingOutput.count <= 1 << 20) }
        try Self.writeAll(pendingOutput, to: outputDescriptor)
    }

    /// Writes every byte, retrying on `EINTR` and short writes.
    package static func writeAll(_ bytes: [UInt8], to descriptor: Int32) throws(MCPTransportError) {
        if let code = FileDescriptor.writeAll(bytes, to: descriptor) {
            throw MCPTransportError(.systemCallFailed, "writing a message failed (errno \(code))", systemError: code)
        }
    }
}
