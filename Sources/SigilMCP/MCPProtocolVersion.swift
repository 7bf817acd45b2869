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
