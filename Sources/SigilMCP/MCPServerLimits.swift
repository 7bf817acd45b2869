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

    /// The largest response accepted for sending, in bytes; a larger one is replaced by a
    /// ``JSONRPCError/Code/internalError`` error response naming the bound.
    public var maxResponseBytes: Int
    /// The largest total of the responses to one batch, in bytes.
    ///
    /// Once it is passed, the batch's remaining requests are not run: each is answered with a short
    /// ``JSONRPCError/Code/internalError`` error response, so a batch's answer stays bounded.
    public var maxBatchResponseBytes: Int
    /// The largest tool result repeated as text: a `tools/call` result whose structured
    /// content serializes to more bytes gets a one-line summary as its text block instead of
    /// a second, escaped copy of the content.
    public var maxDuplicatedTextBytes: Int

    /// Limits.
    ///
    /// - Parameters:
    ///   - maxLineBytes: The longest line, 1 MiB by default.
    ///   - maxDepth: The deepest nesting, 32 by default.
    ///   - maxBatchCount: The largest batch, 256 by default.
    ///   - maxResponseBytes: The largest response, 2 MiB by default.
    ///   - maxBatchResponseBytes: The largest total answer to a batch, 8 MiB by default.
    ///   - maxDuplicatedTextBytes: The largest result also sent as text, 4 KiB by default.
    public init(
        maxLineBytes: Int = defaultMaxLineBytes, maxDepth: Int = 32, maxBatchCount: Int = 256,
        maxResponseBytes: Int = 2 << 20, maxBatchResponseBytes: Int = 8 << 20, maxDuplicatedTextBytes: Int = 4096
    ) {
        self.maxLineBytes = maxLineBytes
        self.maxDepth = maxDepth
        self.maxBatchCount = maxBatchCount
        self.maxResponseBytes = maxResponseBytes
        self.maxBatchResponseBytes = maxBatchResponseBytes
        self.maxDuplicatedTextBytes = maxDuplicatedTextBytes
    }
}
