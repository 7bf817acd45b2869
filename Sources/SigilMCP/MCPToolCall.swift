import SigilJSON

/// One call of a tool, as its handler sees it: what the tool needs to run it, and nothing
/// of the server's state (the server's counters are ``MCPServer/statistics``).
///
/// A handler can be tested without a server or a token:
///
/// ```swift
/// let call = MCPToolCall(toolName: "echo", arguments: MCPArguments(["text": "hi"]))
/// let result = try echo.handler(call)
/// ```
public struct MCPToolCall {
    /// The tool's name.
    public let toolName: String
    /// The checked arguments.
    public let arguments: MCPArguments
    /// The call's `params._meta` object, if any.
    public let meta: JSONObject?
    /// The JSON-RPC `id` of the `tools/call` request (a string or a number), for logs that
    /// tie a call to its request.
    public let requestID: JSONValue
    /// The authenticated caller, for a tool that needs a token; `nil` for a public tool.
    public let caller: MCPCaller?

    /// A call.
    ///
    /// - Parameters:
    ///   - toolName: The tool's name.
    ///   - arguments: The checked arguments.
    ///   - meta: The call's `params._meta`.
    ///   - requestID: The JSON-RPC `id` of the request; `null` by default.
    ///   - caller: The authenticated caller, if the tool needs one.
    public init(
        toolName: String, arguments: MCPArguments, meta: JSONObject? = nil, requestID: JSONValue = .null,
        caller: MCPCaller? = nil
    ) {
        self.toolName = toolName
        self.arguments = arguments
        self.meta = meta
        self.requestID = requestID
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
