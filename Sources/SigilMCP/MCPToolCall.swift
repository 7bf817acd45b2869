import SigilJSON

/// One call of a tool, as its handler sees it.
public struct MCPToolCall {
    /// The tool's name.
    public let toolName: String
    /// The checked arguments.
    public let arguments: MCPArguments
    /// The call's `params._meta` object, if any.
    public let meta: JSONObject?
    /// The server's counters as of this call (this call included).
    public let statistics: MCPServerStatistics
    /// The authenticated caller, for a tool that needs a token; `nil` for a public tool.
    public let caller: MCPCaller?

    /// A call.
    ///
    /// - Parameters:
    ///   - toolName: The tool's name.
    ///   - arguments: The checked arguments.
    ///   - meta: The call's `params._meta`.
    ///   - statistics: The server's counters.
    ///   - caller: The authenticated caller, if the tool needs one.
    public init(
        toolName: String, arguments: MCPArguments, meta: JSONObject?, statistics: MCPServerStatistics,
        caller: MCPCaller? = nil
    ) {
        self.toolName = toolName
        self.arguments = arguments
        self.meta = meta
        self.statistics = statistics
        self.caller = caller
    }

    /// The authenticated caller of a tool that needs a token.
    ///
    /// - Returns: The caller.
    /// - Throws: ``MCPToolError/Code/authenticationRequired`` when the tool was declared
    ///   public (``MCPToolAccess/everyone``) and so has no caller.
    public func authenticatedCaller() throws(MCPToolError) -> MCPCaller {
        guard let caller else { throw MCPToolError(.authenticationRequired, "Authentication required") }
        return caller
    }
}
