/// How the server names itself in the `initialize` result.
public struct MCPServerInfo: Sendable, Hashable {
    /// The program's name (`serverInfo.name`).
    public var name: String
    /// Its version (`serverInfo.version`).
    public var version: String
    /// An optional display name (`serverInfo.title`).
    public var title: String?
    /// Optional guidance for the client or model (the result's `instructions`).
    public var instructions: String?

    /// Server information.
    ///
    /// - Parameters:
    ///   - name: The program's name.
    ///   - version: Its version.
    ///   - title: An optional display name.
    ///   - instructions: Optional guidance for the client.
    public init(name: String, version: String, title: String? = nil, instructions: String? = nil) {
        self.name = name
        self.version = version
        self.title = title
        self.instructions = instructions
    }
}

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

/// The MCP protocol revisions this runtime speaks, and the `initialize` negotiation.
public enum MCPProtocolVersion {
    /// Supported revisions, oldest first.
    public static let supported = ["2024-11-05", "2025-03-26", "2025-06-18", "2025-11-25"]
    /// The newest supported revision.
    public static let latest = "2025-11-25"

    /// The revision to answer with: the client's when supported, else the newest one
    /// (the client then decides whether it can continue).
    ///
    /// - Parameter requested: The client's `protocolVersion`, if any.
    /// - Returns: The revision to put in the `initialize` result.
    public static func negotiate(_ requested: String?) -> String {
        if let requested, supported.contains(requested) { return requested }
        return latest
    }
}
