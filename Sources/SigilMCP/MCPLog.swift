/// Diagnostics on standard error, which MCP clients show or log but never parse.
public enum MCPLog {
    /// Writes one line to standard error.
    ///
    /// - Parameter message: The text; a newline is added.
    public static func write(_ message: String) {
        var bytes = Array(message.utf8)
        bytes.append(0x0A)
        try? MCPStdioTransport.writeAll(bytes, to: 2)
    }
}
