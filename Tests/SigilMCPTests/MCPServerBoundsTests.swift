import SigilJSON
import SigilMCP
import Testing

/// Bounded responses, lifecycle and batches by protocol revision (issue #16).
@Suite("MCPServer: bounded output and protocol strictness")
struct MCPServerBoundsTests {
    static func big(limits: MCPServerLimits) -> MCPServer {
        var server = TestServer.make(limits: limits)
        server.register(
            MCPTool(
                name: "big", description: "Returns n bytes of text.",
                parameters: [.integer("n", description: "Bytes", range: 0...1_000_000)]
            ) { call throws(MCPToolError) in
                ["text": .string(String(repeating: "x", count: Int(try call.arguments.integer("n"))))]
            })
        return server
    }

    @Test("a response over maximumResponseBytes is replaced by a -32603 error with the request's id")
    func responseBound() throws {
        var server = Self.big(limits: MCPServerLimits(maximumResponseBytes: 1_000))
        #expect(try TestServer.result(&server, TestServer.call("big", #"{"n":300}"#))["isError"] == false)
        let response = try #require(try TestServer.exchange(&server, TestServer.call("big", #"{"n":5000}"#, id: 7)))
        #expect(response["error"]?["code"] == -32603)
        #expect(response["id"] == 7)
    }

    @Test("once a batch's answer passes maximumBatchResponseBytes, its other requests are not run")
    func batchBound() throws {
        var server = Self.big(limits: MCPServerLimits(maximumBatchResponseBytes: 2_000))
        let calls = (1...10).map { TestServer.call("big", #"{"n":600}"#, id: $0) }
        let line = "[" + calls.joined(separator: ",") + #",{"jsonrpc":"2.0","method":"notifications/x"}]"#
        let answer = server.respond(to: .line(Array(line.utf8)))
        let bytes = try #require(answer)
        #expect(bytes.count < 2_000 + 600 * 2 + 10 * 200)
        let responses = try #require(try JSONValue.parse(bytes).arrayValue)
        #expect(responses.count == 10)
        let ran = responses.filter { $0["result"] != nil }.count
        #expect(ran == 2)
        #expect(responses.last?["error"]?["code"] == -32603)
        #expect(responses.last?["id"] == 10)
        #expect(server.statistics[tool: "big"].calls == ran)
    }

    @Test("a large result is sent once: the text block is a summary, not a second copy")
    func noDuplicate() throws {
        var server = Self.big(limits: MCPServerLimits(maximumDuplicatedTextBytes: 100))
        let small = try TestServer.result(&server, TestServer.call("big", #"{"n":10}"#))
        #expect(small["content"]?[0]?["text"] == #"{"text":"xxxxxxxxxx"}"#)
        let large = try TestServer.result(&server, TestServer.call("big", #"{"n":5000}"#))
        #expect(large["structuredContent"]?["text"]?.stringValue?.count == 5_000)
        let text = try #require(large["content"]?[0]?["text"]?.stringValue)
        #expect(text.utf8.count < 200)
        #expect(text.contains("structuredContent"))
    }

    @Test("tools/call before initialize is -32602; ping and tools/list are answered")
    func beforeInitialize() throws {
        var server = TestServer.make(initialized: false)
        #expect(try TestServer.errorCode(&server, TestServer.call("echo", #"{"text":"hi"}"#)) == -32602)
        #expect(try TestServer.result(&server, #"{"jsonrpc":"2.0","id":2,"method":"ping"}"#) == [:])
        TestServer.initialize(&server, version: "2025-11-25")
        #expect(try TestServer.result(&server, TestServer.call("echo", #"{"text":"hi"}"#))["isError"] == false)
    }

    @Test(
        "batches are refused once a revision without them is negotiated",
        arguments: [("2024-11-05", true), ("2025-03-26", true), ("2025-06-18", false), ("2025-11-25", false)])
    func batches(version: String, allowed: Bool) throws {
        var server = TestServer.make(initialized: false)
        TestServer.initialize(&server, version: version)
        let ping = #"{"jsonrpc":"2.0","id":1,"method":"ping"}"#
        let response = try #require(try TestServer.exchange(&server, "[\(ping),\(ping)]"))
        if allowed {
            #expect(response.arrayValue?.count == 2)
        } else {
            #expect(response["error"]?["code"] == -32600)
            #expect(response["id"] == .null)
        }
    }
}
