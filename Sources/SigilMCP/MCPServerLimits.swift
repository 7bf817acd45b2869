/// Bounds on what the server accepts from a client.
public struct MCPServerLimits: Sendable, Hashable {
    /// 1 MiB.
    public static let defaultMaximumLineBytes = 1 << 20

    /// The longest message line accepted, in bytes; longer lines are discarded unread and
    /// answered with ``JSONRPCError/Code/invalidRequest``.
    public var maximumLineBytes: Int
    /// The deepest JSON nesting accepted in a message.
    public var maximumDepth: Int
    /// The most messages accepted in one batch.
    public var maximumBatchCount: Int

    /// The largest response accepted for sending, in bytes; a larger one is replaced by a
    /// ``JSONRPCError/Code/internalError`` error response naming the bound.
    public var maximumResponseBytes: Int
    /// The largest total of the responses to one batch, in bytes.
    ///
    /// Once it is passed, the batch's remaining requests are not run: each is answered with a short
    /// ``JSONRPCError/Code/internalError`` error response, so a batch's answer stays bounded.
    public var maximumBatchResponseBytes: Int
    /// The largest tool result repeated as text: a `tools/call` result whose structured
    /// content serializes to more bytes gets a one-line summary as its text block instead of
    /// a second, escaped copy of the content.
    public var maximumDuplicatedTextBytes: Int

    /// Limits.
    ///
    /// - Parameters:
    ///   - maximumLineBytes: The longest line, 1 MiB by default.
    ///   - maximumDepth: The deepest nesting, 32 by default.
    ///   - maximumBatchCount: The largest batch, 256 by default.
    ///   - maximumResponseBytes: The largest response, 2 MiB by default.
    ///   - maximumBatchResponseBytes: The largest total answer to a batch, 8 MiB by default.
    ///   - maximumDuplicatedTextBytes: The largest result also sent as text, 4 KiB by default.
    public init(
        maximumLineBytes: Int = defaultMaximumLineBytes, maximumDepth: Int = 32, maximumBatchCount: Int = 256,
        maximumResponseBytes: Int = 2 << 20, maximumBatchResponseBytes: Int = 8 << 20,
        maximumDuplicatedTextBytes: Int = 4096
    ) {
        self.maximumLineBytes = maximumLineBytes
        self.maximumDepth = maximumDepth
        self.maximumBatchCount = maximumBatchCount
        self.maximumResponseBytes = maximumResponseBytes
        self.maximumBatchResponseBytes = maximumBatchResponseBytes
        self.maximumDuplicatedTextBytes = maximumDuplicatedTextBytes
    }
}
