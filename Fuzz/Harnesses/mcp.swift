// The MCP JSON-RPC line handler: the input is a stream of newline-delimited lines fed to
// an in-memory MCPServer with a few tools (string, integer and boolean parameters, a tool
// that fails) and two that need a token (HS256 with a fixed secret and clock; the seeds
// carry valid tokens), so calls reach JWT verification and the RBAC guard.
//
// Oracles: the server never traps; every answer is one JSON-RPC 2.0 response (or a batch
// array of them) that SigilJSON parses; no more answers than lines; the answers do not
// depend on how the stream is cut into chunks; a small line limit only turns answers into
// -32600 errors, never into a crash.
import SigilJSON
import SigilJWT
import SigilMCP
import SigilMCPTesting
import SigilRBAC

/// The token secret; Fuzz/make-seeds.py signs the seed tokens with it. (libFuzzer calls
/// the harness from one thread.)
nonisolated(unsafe) private let authentication: MCPAuthentication = {
    var options = JWTValidationOptions()
    options.clock = .fixed(1_700_000_000)
    guard let provider = try? JWTProvider(secret: "mcp-fuzz-secret-0123456789abcdef", options: options),
        let policy = try? Policy(roles: [
            Role("admin", permissions: ["read:*", "write:*", "delete:*"]),
            Role("user", permissions: ["read:posts", "write:own_posts"]),
            Role("viewer", permissions: ["read:posts"]),
        ])
    else {
        fatalError("mcp: fixture provider and policy")
    }
    return MCPAuthentication(provider: provider, policy: policy)
}()

private func makeServer(limits: MCPServerLimits) -> MCPServer {
    var server = MCPServer(
        info: MCPServerInfo(name: "fuzz", version: "1.0.0"), limits: limits, authentication: authentication)
    server.register(
        MCPTool(
            name: "echo", description: "Echoes its text.",
            parameters: [.string("text", description: "The text.", maximumLength: 64)]
        ) { (call) throws(MCPToolError) -> JSONObject in
            ["text": .string(try call.arguments.string("text"))]
        })
    server.register(
        MCPTool(
            name: "add", description: "Adds two integers.",
            parameters: [
                .integer("a", description: "a", range: -1_000_000...1_000_000),
                .integer("b", description: "b", range: -1_000_000...1_000_000, defaultValue: 1),
                .boolean("negate", description: "negate", defaultValue: false),
            ]
        ) { (call) throws(MCPToolError) -> JSONObject in
            let sum = try call.arguments.integer("a") + call.arguments.integer("b")
            return ["sum": .number(JSONNumber(sum))]
        })
    server.register(
        MCPTool(name: "fail", description: "Always fails.") { (_) throws(MCPToolError) -> JSONObject in
            throw MCPToolError(.notFound, "nothing here")
        })
    server.register(
        MCPTool(name: "whoami", description: "The caller.", access: .authenticated) {
            (call) throws(MCPToolError) -> JSONObject in
            ["user": .string(try call.authenticatedCaller().identity.userID)]
        })
    server.register(
        MCPTool(name: "admin", description: "Admins only.", access: .anyOf("admin")) {
            (_) throws(MCPToolError) -> JSONObject in ["ok": true]
        })
    return server
}

private func serve(_ chunks: [[UInt8]], limits: MCPServerLimits) -> [[UInt8]] {
    var server = makeServer(limits: limits)
    var transport = MCPMemoryTransport(chunks: chunks, maximumLineBytes: limits.maximumLineBytes)
    server.run(on: &transport)
    return transport.sentMessages
}

private func checkResponse(_ value: JSONValue) {
    guard case .object(let response) = value, response["jsonrpc"] == "2.0", response.contains("id"),
        response.contains("result") != response.contains("error")
    else { fatalError("mcp: an answer is not a JSON-RPC 2.0 response") }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = Array(UnsafeBufferPointer(start: data, count: size))
    let lineCount = input.count { $0 == UInt8(ascii: "\n") } + 1

    let whole = serve([input], limits: MCPServerLimits())
    guard whole.count <= lineCount else { fatalError("mcp: more answers than lines") }
    for answer in whole {
        guard !answer.contains(UInt8(ascii: "\n")) else { fatalError("mcp: an answer spans lines") }
        guard let value = try? JSONValue.parse(answer) else { fatalError("mcp: an answer is not JSON") }
        if case .array(let batch) = value {
            guard !batch.isEmpty else { fatalError("mcp: an empty batch answer") }
            for element in batch { checkResponse(element) }
        } else {
            checkResponse(value)
        }
    }

    // The same stream cut into 1-, 7- and 64-byte chunks gives the same answers.
    for width in [1, 7, 64] where input.count > width {
        let chunks = stride(from: 0, to: input.count, by: width).map { Array(input[$0..<min($0 + width, input.count)]) }
        guard serve(chunks, limits: MCPServerLimits()) == whole else {
            fatalError("mcp: answers depend on how the input is chunked")
        }
    }

    // A tiny line limit and depth: still one answer per line at most, still JSON.
    let small = serve([input], limits: MCPServerLimits(maximumLineBytes: 64, maximumDepth: 3, maximumBatchCount: 2))
    guard small.count <= lineCount else { fatalError("mcp: more answers than lines (small limits)") }
    for answer in small where (try? JSONValue.parse(answer)) == nil { fatalError("mcp: an answer is not JSON") }
    return 0
}
