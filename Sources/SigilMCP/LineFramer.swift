/// Splits a byte stream into `\n`-terminated lines with a bound on line length.
///
/// A line longer than `maximumLineBytes` is not buffered: once it passes the limit its bytes
/// are counted and dropped until the next `\n`, and it is reported as
/// ``MCPIncomingLine/oversized(byteCount:)``. Memory use is therefore bounded by the limit
/// plus one read chunk, whatever the peer sends.
package struct LineFramer: Sendable {
    /// The longest line kept, in bytes, excluding the `\n`.
    package let maximumLineBytes: Int
    private var partial: [UInt8] = []
    private var discarding = false
    private var discardedCount = 0
    private var ready: [MCPIncomingLine] = []
    private var readyHead = 0

    /// A framer.
    ///
    /// - Parameter maximumLineBytes: The longest line kept, in bytes (at least 1).
    package init(maximumLineBytes: Int) {
        self.maximumLineBytes = max(1, maximumLineBytes)
    }

    /// Whether complete lines are waiting to be taken with ``nextLine()``.
    package var hasReadyLines: Bool { readyHead < ready.count }

    /// Takes the next complete line, if any.
    package mutating func nextLine() -> MCPIncomingLine? {
        guard readyHead < ready.count else { return nil }
        let line = ready[readyHead]
        readyHead += 1
        if readyHead == ready.count {
            ready.removeAll(keepingCapacity: true)
            readyHead = 0
        }
        return line
    }

    /// Feeds bytes received from the peer.
    package mutating func append(_ chunk: UnsafeRawBufferPointer) {
        var start = 0
        let end = chunk.count
        while start < end {
            let newline = chunk[start..<end].firstIndex(of: 0x0A)
            let segmentEnd = newline ?? end
            let segmentCount = segmentEnd - start
            if discarding {
                discardedCount = Self.saturatingAdd(discardedCount, segmentCount)
            } else if segmentCount > maximumLineBytes - partial.count {
                discarding = true
                discardedCount = Self.saturatingAdd(partial.count, segmentCount)
                partial = []
            } else {
                partial.append(contentsOf: chunk[start..<segmentEnd])
            }
            guard newline != nil else { break }
            completeLine()
            start = segmentEnd + 1
        }
    }

    /// Feeds bytes received from the peer.
    package mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { append($0) }
    }

    /// Ends the stream: an unterminated last line becomes a line of its own.
    package mutating func finish() {
        if discarding || !partial.isEmpty { completeLine() }
    }

    private mutating func completeLine() {
        if discarding {
            ready.append(.oversized(byteCount: discardedCount))
            discarding = false
            discardedCount = 0
        } else {
            if partial.last == 0x0D { partial.removeLast() }
            ready.append(.line(partial))
            partial.removeAll(keepingCapacity: true)
        }
    }

    private static func saturatingAdd(_ a: Int, _ b: Int) -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? Int.max : sum
    }
}
