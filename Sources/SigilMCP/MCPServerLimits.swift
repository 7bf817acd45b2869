/// Bounds on what the server accepts from a client.
public struct MCPServerLimits: Sendable, Hashable {
    /// 1 MiB.
    public static let defaultMaxLineBytes = 1 << 20

    /// The longest message line accepted, in bytes; longer lines are discarded unread and
    /// answered with ``JSONRPCError/Code/invalidRequest``.
    public var maxLineBytes: Int
    /// The deepest JSON nesting accepted in a message.
    public var maxDepth: Int
    /// The most messages accepted in one batch.
    public var maxBatchCount: Int

    /// Limits.
    ///
    /// - Parameters:
    ///   - maxLineBytes: The longest line, 1 MiB by default.
    ///   - maxDepth: The deepest nesting, 32 by default.
    ///   - maxBatchCount: The largest batch, 256 by default.
    public init(maxLineBytes: Int = defaultMaxLineBytes, maxDepth: Int = 32, maxBatchCount: Int = 256) {
        self.maxLineBytes = maxLineBytes
        self.maxDepth = maxDepth
        self.maxBatchCount = maxBatchCount
    }
}
