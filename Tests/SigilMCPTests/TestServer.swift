import SigilJSON
import SigilMCP
import Testing

/// A server with two small tools, and helpers to talk to it in memory.
enum TestServer {
    static let info = MCPServerInfo(name: "test-server", version: "0.0.1")

    /// A server; `initialized` completes the handshake (protocol 2025-03-26, which still has
    /// batches), since `tools/call` is refused before it.
    static func make(limits: MCPServerLimits = MCPServerLimits(), initialized: Bool = true) -> MCPServer {
        var server = MCPServer(info: info, limits: limits)
        let counters = StatisticsRecorder()
        server.statisticsObserver = { counters.latest = $0 }
        if initialized { initialize(&server) }
        server.register(
            MCPTool(
                name: "echo", description: "Returns its text, repeated.",
                parameters: [
                    .string("text", description: "What to echo", maximumLength: 10),
                    .integer("times", description: "How many times", range: 1...3, defaultValue: 1),
                    .boolean("shout", description: "Upper case?", defaultValue: false),
                ]
            ) { call throws(MCPToolError) in
                let text = try call.arguments.string("text")
                let times = try call.arguments.integer("times")
                let shout = try call.arguments.bool("shout")
                let repeated = String(repeating: shout ? text.uppercased() : text, count: Int(times))
                return ["text": .string(repeated)]
            })
        server.register(
            MCPTool(name: "fail", description: "Always fails.") { _ throws(MCPToolError) in
                throw MCPToolError(.notFound, "Nothing here", details: ["what": "thing"])
            })
        server.register(
            MCPTool(name: "stats", description: "Counts its own calls.") { _ throws(MCPToolError) in
                ["calls": .number(JSONNumber(counters.latest[tool: "stats"].calls))]
            })
        return server
    }

    /// Completes the `initialize` request.
    static func initialize(_ server: inout MCPServer, version: String = "2025-03-26") {
        let line = #"{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"\#(version)"}}"#
        _ = server.respond(toLine: Array(line.utf8))
    }

    /// Sends one line and parses the answer (nil when the server sends nothing).
    static func exchange(_ server: inout MCPServer, _ line: String) throws -> JSONValue? {
        guard let bytes = server.respond(to: .line(Array(line.utf8))) else { return nil }
        #expect(!bytes.contains(0x0A), "a response must be one line")
        return try JSONValue.parse(bytes)
    }

    /// Sends a request and returns its `result`, failing the test on an error response.
    static func result(_ server: inout MCPServer, _ line: String) throws -> JSONValue {
        let response = try #require(try exchange(&server, line))
        #expect(response["error"] == nil, "unexpected error: \(response)")
        return try #require(response["result"])
    }

    /// Sends a request and returns its error code, failing the test when there is none.
    static func errorCode(_ server: inout MCPServer, _ line: String) throws -> Int64? {
        let response = try #require(try exchange(&server, line))
        return response["error"]?["code"]?.numberValue?.int64Value
    }

    /// Keeps the last counters a server's statistics observer reported, as an application would.
    final class StatisticsRecorder {
        var latest = MCPServerStatistics()
    }

    static func call(_ name: String, _ arguments: String = "{}", id: Int = 1) -> String {
        #"{"jsonrpc":"2.0","id":\#(id),"method":"tools/call","params":{"name":"\#(name)","arguments":\#(arguments)}}"#
    }
}
