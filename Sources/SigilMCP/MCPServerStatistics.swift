/// Counters of one tool's calls.
public struct MCPToolStatistics: Sendable, Hashable {
    /// Calls that reached the tool (including those refused).
    public var calls = 0
    /// Calls that returned a result without `isError`.
    public var succeeded = 0
    /// Calls refused for authentication or authorization.
    public var denied = 0
    /// Other failed calls (bad arguments, tool errors).
    public var failed = 0

    /// Zero counters.
    public init() {}
}

/// The server's counters since it started.
public struct MCPServerStatistics: Sendable, Hashable {
    /// Requests answered (batch elements counted one by one).
    public var requests = 0
    /// Notifications received.
    public var notifications = 0
    /// Messages answered with a JSON-RPC error.
    public var protocolErrors = 0
    /// Per tool, by name.
    public var tools: [String: MCPToolStatistics] = [:]

    /// Zero counters.
    public init() {}

    /// The counters of one tool (zero when never called).
    public subscript(tool name: String) -> MCPToolStatistics {
        tools[name] ?? MCPToolStatistics()
    }
}
