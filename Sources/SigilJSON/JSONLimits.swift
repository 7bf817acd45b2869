/// Bounds that the reader enforces while it parses, so that hostile input costs bounded
/// time and memory and never exhausts the stack.
///
/// The defaults suit tokens, policy files and JSON-RPC messages. Every bound is checked
/// before the work it guards, and exceeding one throws ``JSONError`` with
/// ``JSONError/Code/depthLimitExceeded`` or ``JSONError/Code/sizeLimitExceeded``.
public struct JSONLimits: Sendable, Hashable {
    /// The deepest nesting of arrays and objects accepted.
    ///
    /// A scalar has depth 0, `[]` depth 1, `[[]]` depth 2. The reader is iterative, so no value
    /// of this limit can exhaust the stack while parsing.
    public var maximumDepth: Int
    /// The largest document accepted, in bytes.
    public var maximumBytes: Int
    /// The longest string token accepted, counted in input bytes between the quotes
    /// (escapes counted as written).
    public var maximumStringBytes: Int
    /// The longest number literal accepted, in bytes.
    public var maximumNumberBytes: Int

    /// Limits for the reader.
    ///
    /// - Parameters:
    ///   - maximumDepth: The deepest nesting of arrays and objects; 64 by default.
    ///   - maximumBytes: The largest document in bytes; 1 MiB by default. A parsed value takes
    ///     up to about 25 times its text in memory (`["","",...]`), so this also bounds memory.
    ///   - maximumStringBytes: The longest string token in bytes; 1 MiB by default.
    ///   - maximumNumberBytes: The longest number literal in bytes; 256 by default.
    @inlinable
    public init(
        maximumDepth: Int = 64,
        maximumBytes: Int = 1 << 20,
        maximumStringBytes: Int = 1 << 20,
        maximumNumberBytes: Int = 256
    ) {
        self.maximumDepth = maximumDepth
        self.maximumBytes = maximumBytes
        self.maximumStringBytes = maximumStringBytes
        self.maximumNumberBytes = maximumNumberBytes
    }
}
