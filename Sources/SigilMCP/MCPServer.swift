import SigilJSON

/// An MCP server: JSON-RPC 2.0 over a newline-delimited transport, with a registry of
/// tools (MCP specification, "Base Protocol", "Lifecycle" and "Tools").
///
/// ```swift
/// var server = MCPServer(info: MCPServerInfo(name: "example", version: "1.0.0"))
/// server.register(echo)
/// var transport = MCPStdioTransport()
/// server.run(on: &transport)   // returns at end of input
/// ```
///
/// What it answers:
/// - `initialize`: the negotiated `protocolVersion` (``MCPProtocolVersion``),
///   `capabilities` `{"tools":{}}` and `serverInfo`;
/// - `ping`: `{}`; `tools/list`: every tool's name, description and `inputSchema`;
/// - `tools/call`: `content` (the result as JSON text, or a one-line summary when it is
///   larger than ``MCPServerLimits/maximumDuplicatedTextBytes``), `structuredContent` and
///   `isError`; a tool's failure is a result with `isError: true` (``MCPToolError``). Before
///   `initialize`, `tools/call` is refused with `-32602`;
/// - notifications (valid requests without `id`) are never answered; a message that is not
///   a valid request object is answered with `-32600` even without an `id`, as in the
///   JSON-RPC 2.0 specification's examples;
/// - any other method: `-32601`. A line that is not JSON: `-32700` with `id` `null`; a
///   request that is not well formed: `-32600`; bad `params`: `-32602`
///   (``JSONRPCError``). A batch (a JSON array) is answered with an array of the
///   responses to its requests, or nothing when it holds only notifications. Protocol
///   revisions from 2025-06-18 on removed batches: once one of them is negotiated, a batch
///   is refused with `-32600`.
/// - a response larger than ``MCPServerLimits/maximumResponseBytes``, and the requests of a
///   batch after its answer passed ``MCPServerLimits/maximumBatchResponseBytes``, are answered
///   with `-32603` errors instead.
///
/// - Important: Every message is parsed with ``MCPServerLimits`` (line length, nesting
///   depth, batch size); no input makes the server trap or buffer without bound.
public struct MCPServer {
    /// The server's name and version.
    public let info: MCPServerInfo
    /// Bounds on client input.
    public let limits: MCPServerLimits
    /// How calls of tools that need a token are authenticated and authorized.
    public let authentication: MCPAuthentication?
    /// The registered tools, in registration order.
    public private(set) var tools: [MCPTool] = []
    /// Counters since start: requests, notifications, protocol errors and, per tool, calls,
    /// successes, denials and failures.
    public private(set) var statistics = MCPServerStatistics() {
        didSet { statisticsObserver?(statistics) }
    }
    /// Called with ``statistics`` each time they change, for an application that shows or
    /// exports them (a dashboard tool, a metrics endpoint).
    ///
    /// A tool call is counted before its handler runs, so a handler that reads counters the
    /// observer stored sees its own call included. The observer runs on the thread that
    /// serves, inside ``respond(to:)``; it should only store or forward the snapshot.
    ///
    /// ```swift
    /// final class Dashboard { var statistics = MCPServerStatistics() }
    /// let dashboard = Dashboard()
    /// server.statisticsObserver = { dashboard.statistics = $0 }
    /// ```
    public var statisticsObserver: ((MCPServerStatistics) -> Void)?
    /// The protocol revision agreed in `initialize`, once it happened.
    public private(set) var negotiatedProtocolVersion: String?
    /// The client's `clientInfo` from `initialize`, once it happened.
    public private(set) var clientInfo: JSONObject?

    private var toolPositions: [String: Int] = [:]

    /// A server with no tools.
    ///
    /// - Parameters:
    ///   - info: The name and version announced in `initialize`.
    ///   - limits: Bounds on client input.
    ///   - authentication: Token verification and policy, for tools that need a token. A
    ///     server without it refuses such tools with an `internal_error` result.
    public init(
        info: MCPServerInfo, limits: MCPServerLimits = MCPServerLimits(), authentication: MCPAuthentication? = nil
    ) {
        self.info = info
        self.limits = limits
        self.authentication = authentication
    }

    /// Adds a tool; a tool registered under an existing name replaces it.
    ///
    /// - Parameter tool: The tool.
    public mutating func register(_ tool: MCPTool) {
        if let position = toolPositions[tool.name] {
            tools[position] = tool
        } else {
            toolPositions[tool.name] = tools.count
            tools.append(tool)
        }
    }

    /// Serves requests from `transport` until its input ends.
    ///
    /// Each response is written before the next line is read, so a client may pipeline
    /// requests. Returns when the client closes the input (a clean shutdown) or when a
    /// response cannot be written (the client went away).
    ///
    /// - Parameter transport: The channel to the client.
    /// - Returns: Why serving stopped.
    @discardableResult
    public mutating func run<Transport: MCPTransport>(on transport: inout Transport) -> MCPServerStop {
        while let line = transport.receive() {
            guard let response = respond(to: line) else { continue }
            do {
                try transport.send(response)
            } catch {
                return .transportFailed(error)
            }
        }
        return .endOfInput
    }

    /// Handles one incoming line.
    ///
    /// - Parameter line: A line from the transport.
    /// - Returns: The serialized response line (without newline), or `nil` when nothing is
    ///   to be sent (notifications, batches of notifications, blank lines).
    public mutating func respond(to line: MCPIncomingLine) -> [UInt8]? {
        switch line {
        case .oversized(let byteCount):
            statistics.protocolErrors += 1
            let error = JSONRPCError(
                .invalidRequest,
                "Invalid Request: message of \(byteCount) bytes exceeds the limit of \(limits.maximumLineBytes) bytes")
            return Self.errorResponse(id: .null, error).serializedBytes()
        case .line(let bytes):
            return respond(toLine: bytes)
        }
    }

    /// Handles one message line.
    ///
    /// - Parameter bytes: The line's bytes, without the newline.
    /// - Returns: The serialized response line, or `nil` when nothing is to be sent.
    public mutating func respond(toLine bytes: [UInt8]) -> [UInt8]? {
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return nil }
        if bytes.count > limits.maximumLineBytes {
            return respond(to: .oversized(byteCount: bytes.count))
        }
        let jsonLimits = JSONLimits(
            maximumDepth: limits.maximumDepth, maximumBytes: limits.maximumLineBytes,
            maximumStringBytes: limits.maximumLineBytes)
        let message: JSONValue
        do {
            message = try JSONValue.parse(bytes, limits: jsonLimits)
        } catch {
            statistics.protocolErrors += 1
            return Self.errorResponse(id: .null, JSONRPCError(.parseError, "Parse error: \(error.reason)"))
                .serializedBytes()
        }
        guard case .array(let batch) = message else {
            guard let response = handle(message) else { return nil }
            return bounded(response, id: message["id"])
        }
        if let version = negotiatedProtocolVersion, !Self.allowsBatches(version) {
            statistics.protocolErrors += 1
            let error = JSONRPCError(
                .invalidRequest,
                "Invalid Request: JSON-RPC batches are not part of MCP protocol version \(version); "
                    + "send one message per line")
            return Self.errorResponse(id: .null, error).serializedBytes()
        }
        if batch.isEmpty {
            statistics.protocolErrors += 1
            return Self.errorResponse(id: .null, JSONRPCError(.invalidRequest, "Invalid Request: empty batch"))
                .serializedBytes()
        }
        if batch.count > limits.maximumBatchCount {
            statistics.protocolErrors += 1
            let error = JSONRPCError(
                .invalidRequest, "Invalid Request: batch of \(batch.count) messages exceeds \(limits.maximumBatchCount)"
            )
            return Self.errorResponse(id: .null, error).serializedBytes()
        }
        // The answer is assembled from the serialized responses, so that its size is known
        // (and bounded) while it grows, never after the fact.
        var output: [UInt8] = [0x5B]
        var answered = 0
        var total = 0
        for element in batch {
            let piece: [UInt8]
            if total > limits.maximumBatchResponseBytes {
                // Over the bound: the rest of the batch is not run.
                guard let id = Self.requestID(element) else { continue }
                statistics.protocolErrors += 1
                piece = Self.errorResponse(
                    id: id,
                    JSONRPCError(
                        .internalError,
                        "Internal error: the batch's responses passed \(limits.maximumBatchResponseBytes) bytes; "
                            + "this request was not run")
                ).serializedBytes()
            } else {
                guard let response = handle(element) else { continue }
                piece = bounded(response, id: element["id"])
                total += piece.count
            }
            if answered > 0 { output.append(0x2C) }
            output.append(contentsOf: piece)
            answered += 1
        }
        output.append(0x5D)
        return answered == 0 ? nil : output
    }

    /// The serialized response, or an error response when it is larger than
    /// ``MCPServerLimits/maximumResponseBytes``.
    private mutating func bounded(_ response: JSONValue, id: JSONValue?) -> [UInt8] {
        let bytes = response.serializedBytes()
        guard bytes.count > limits.maximumResponseBytes else { return bytes }
        statistics.protocolErrors += 1
        let error = JSONRPCError(
            .internalError,
            "Internal error: the response of \(bytes.count) bytes exceeds the limit of \(limits.maximumResponseBytes) bytes"
        )
        return Self.errorResponse(id: response["id"] ?? id ?? .null, error).serializedBytes()
    }

    /// Whether JSON-RPC batches are part of a protocol revision: 2025-06-18 removed them
    /// (MCP specification changelog, 2025-06-18: "Remove support for JSON-RPC batching").
    static func allowsBatches(_ version: String) -> Bool {
        version < "2025-06-18"
    }

    /// The id a request in a batch would be answered with, or `nil` for a notification.
    private static func requestID(_ message: JSONValue) -> JSONValue? {
        guard case .object(let object) = message else { return .null }
        guard let id = object["id"] else { return object["method"] == nil ? .null : nil }
        switch id {
        case .string, .number, .null: return id
        default: return .null
        }
    }

    /// Handles one message (not a batch): a request, a notification or a stray response.
    mutating func handle(_ message: JSONValue) -> JSONValue? {
        guard case .object(let object) = message else {
            statistics.protocolErrors += 1
            return Self.errorResponse(
                id: .null, JSONRPCError(.invalidRequest, "Invalid Request: a message must be a JSON object"))
        }
        let id = object["id"]
        let isNotification = id == nil
        if let id {
            switch id {
            case .string, .number, .null: break
            default:
                statistics.protocolErrors += 1
                return Self.errorResponse(
                    id: .null, JSONRPCError(.invalidRequest, "Invalid Request: id must be a string, number or null"))
            }
        }
        let responseID = id ?? .null
        // A message that is not a valid request is answered even without an id (JSON-RPC 2.0
        // §5 and its examples): only valid notifications go unanswered.
        guard object["jsonrpc"] == .string("2.0") else {
            statistics.protocolErrors += 1
            return Self.errorResponse(
                id: responseID, JSONRPCError(.invalidRequest, "Invalid Request: jsonrpc must be \"2.0\""))
        }
        guard let methodValue = object["method"] else {
            // A response to a request of ours (the server sends none): nothing to answer.
            if object.contains("result") || object.contains("error") { return nil }
            statistics.protocolErrors += 1
            return Self.errorResponse(id: responseID, JSONRPCError(.invalidRequest, "Invalid Request: missing method"))
        }
        guard case .string(let method) = methodValue else {
            statistics.protocolErrors += 1
            return Self.errorResponse(
                id: responseID, JSONRPCError(.invalidRequest, "Invalid Request: method must be a string"))
        }
        let params = object["params"]
        if let params, params.objectValue == nil, params.arrayValue == nil {
            statistics.protocolErrors += 1
            return Self.errorResponse(
                id: responseID, JSONRPCError(.invalidRequest, "Invalid Request: params must be an object or an array"))
        }
        if isNotification {
            statistics.notifications += 1
            return nil
        }
        statistics.requests += 1
        let result: Result<JSONValue, JSONRPCError> = dispatch(method: method, params: params, id: responseID)
        switch result {
        case .success(let value):
            return .object(["jsonrpc": "2.0", "id": responseID, "result": value])
        case .failure(let error):
            statistics.protocolErrors += 1
            return Self.errorResponse(id: responseID, error)
        }
    }

    private mutating func dispatch(method: String, params: JSONValue?, id: JSONValue) -> Result<JSONValue, JSONRPCError>
    {
        switch method {
        case "initialize":
            return initialize(params)
        case "ping":
            return .success(.object(JSONObject()))
        case "tools/list":
            return .success(.object(["tools": .array(tools.map { .object($0.definition) })]))
        case "tools/call":
            // Lifecycle: the client sends nothing but pings before the initialization.
            guard negotiatedProtocolVersion != nil else {
                return .failure(
                    JSONRPCError(.invalidParams, "Invalid params: tools/call before initialize; initialize first"))
            }
            return callTool(params, id: id)
        default:
            return .failure(JSONRPCError(.methodNotFound, "Method not found: \(MCPTool.clipped(method))"))
        }
    }

    private mutating func initialize(_ params: JSONValue?) -> Result<JSONValue, JSONRPCError> {
        guard let params = params?.objectValue else {
            return .failure(JSONRPCError(.invalidParams, "Invalid params: initialize needs a params object"))
        }
        let requested = params["protocolVersion"]
        if let requested, requested.stringValue == nil {
            return .failure(JSONRPCError(.invalidParams, "Invalid params: protocolVersion must be a string"))
        }
        let version = MCPProtocolVersion.negotiate(requested?.stringValue)
        negotiatedProtocolVersion = version
        clientInfo = params["clientInfo"]?.objectValue
        var serverInfo: JSONObject = ["name": .string(info.name), "version": .string(info.version)]
        if let title = info.title { serverInfo["title"] = .string(title) }
        var result: JSONObject = [
            "protocolVersion": .string(version),
            "capabilities": ["tools": .object(JSONObject())],
            "serverInfo": .object(serverInfo),
        ]
        if let instructions = info.instructions { result["instructions"] = .string(instructions) }
        return .success(.object(result))
    }

    private mutating func callTool(_ params: JSONValue?, id: JSONValue) -> Result<JSONValue, JSONRPCError> {
        guard let params = params?.objectValue else {
            return .failure(JSONRPCError(.invalidParams, "Invalid params: tools/call needs a params object"))
        }
        guard let name = params["name"]?.stringValue else {
            return .failure(JSONRPCError(.invalidParams, "Invalid params: name must be a string"))
        }
        guard let position = toolPositions[name] else {
            return .failure(JSONRPCError(.invalidParams, "Unknown tool: \(MCPTool.clipped(name))"))
        }
        var arguments: JSONObject
        switch params["arguments"] {
        case nil, .null?: arguments = JSONObject()
        case .object(let object)?: arguments = object
        default: return .failure(JSONRPCError(.invalidParams, "Invalid params: arguments must be an object"))
        }
        let auth = arguments["auth"]
        arguments["auth"] = nil
        let meta = params["_meta"]?.objectValue
        let tool = tools[position]
        statistics.tools[name, default: MCPToolStatistics()].calls += 1
        let outcome = Result { () throws(MCPToolError) -> JSONObject in
            var caller: MCPCaller?
            if tool.access.needsToken {
                guard let authentication else {
                    throw MCPToolError(.internalError, "The server has no authentication configured")
                }
                caller = try authentication.authorize(tool.access, auth: auth, meta: meta)
            }
            let checked = try tool.validateArguments(arguments)
            let call = MCPToolCall(toolName: name, arguments: checked, meta: meta, requestID: id, caller: caller)
            return try tool.handler(call)
        }
        switch outcome {
        case .success(let structured):
            statistics.tools[name, default: MCPToolStatistics()].succeeded += 1
            let text = JSONValue.object(structured).serializedBytes()
            guard text.count > limits.maximumDuplicatedTextBytes else {
                return .success(
                    Self.toolResult(structured, isError: false, text: String(decoding: text, as: UTF8.self)))
            }
            let summary =
                "\(name): a result of \(text.count) bytes, sent once, as structuredContent (more than "
                + "\(limits.maximumDuplicatedTextBytes) bytes are not repeated as text)"
            return .success(Self.toolResult(structured, isError: false, text: summary))
        case .failure(let error):
            if error.code.isDenial {
                statistics.tools[name, default: MCPToolStatistics()].denied += 1
            } else {
                statistics.tools[name, default: MCPToolStatistics()].failed += 1
            }
            return .success(Self.toolResult(error.structuredContent, isError: true, text: error.message))
        }
    }

    /// A `CallToolResult`: one text block, the structured content and the error flag.
    static func toolResult(_ structured: JSONObject, isError: Bool, text: String) -> JSONValue {
        [
            "content": [["type": "text", "text": .string(text)]],
            "structuredContent": .object(structured),
            "isError": .bool(isError),
        ]
    }

    static func errorResponse(id: JSONValue, _ error: JSONRPCError) -> JSONValue {
        .object(["jsonrpc": "2.0", "id": id, "error": error.jsonValue])
    }
}

/// Why ``MCPServer/run(on:)`` returned.
public enum MCPServerStop: Sendable, Hashable {
    /// The client closed the input: a clean shutdown.
    case endOfInput
    /// A response could not be written.
    case transportFailed(MCPTransportError)
}
