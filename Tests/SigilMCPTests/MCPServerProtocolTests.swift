import SigilJSON
import SigilMCP
import SigilMCPTesting
import Testing

@Suite("JSON-RPC and MCP lifecycle")
struct MCPServerProtocolTests {
    static let versions = ["2024-11-05", "2025-03-26", "2025-06-18", "2025-11-25"]

    @Test("initialize echoes each supported protocol version", arguments: versions)
    func initializeSupported(version: String) throws {
        var server = TestServer.make()
        let result = try TestServer.result(
            &server,
            #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"\#(version)","capabilities":{},"clientInfo":{"name":"t","version":"1"}}}"#
        )
        #expect(result["protocolVersion"] == .string(version))
        #expect(result["capabilities"] == ["tools": [:]])
        #expect(result["serverInfo"]?["name"] == "test-server")
        #expect(result["serverInfo"]?["version"] == "0.0.1")
        #expect(server.negotiatedProtocolVersion == version)
        #expect(server.clientInfo?["name"] == "t")
    }

    @Test("initialize answers the newest version to an unknown or absent one", arguments: ["2026-07-28", "1.0", nil])
    func initializeUnsupported(version: String?) throws {
        var server = TestServer.make()
        let params = version.map { #"{"protocolVersion":"\#($0)"}"# } ?? "{}"
        let result = try TestServer.result(
            &server, #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":\#(params)}"#)
        #expect(result["protocolVersion"] == "2025-11-25")
        #expect(MCPProtocolVersion.supported.count == 4)
    }

    @Test("initialize with bad params is -32602", arguments: [#""params":{"protocolVersion":7}"#, #""params":[]"#, ""])
    func initializeBadParams(params: String) throws {
        var server = TestServer.make()
        let separator = params.isEmpty ? "" : ","
        let line = #"{"jsonrpc":"2.0","id":1,"method":"initialize"\#(separator)\#(params)}"#
        #expect(try TestServer.errorCode(&server, line) == -32602)
    }

    @Test("notifications are never answered, known, unknown or with bad params")
    func notifications() throws {
        var server = TestServer.make(initialized: false)
        for line in [
            #"{"jsonrpc":"2.0","method":"notifications/initialized"}"#,
            #"{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":1}}"#,
            #"{"jsonrpc":"2.0","method":"no/such/method"}"#,
            #"{"jsonrpc":"2.0","method":"tools/call","params":{"name":"echo"}}"#,
            #"{"jsonrpc":"2.0","method":"initialize","params":{"protocolVersion":5}}"#,
            #"{"jsonrpc":"2.0","result":{}}"#,
        ] {
            #expect(try TestServer.exchange(&server, line) == nil, "answered: \(line)")
        }
        #expect(server.statistics.requests == 0)
    }

    @Test("a response sent by the client is not answered")
    func clientResponse() throws {
        var server = TestServer.make()
        #expect(try TestServer.exchange(&server, #"{"jsonrpc":"2.0","id":4,"result":{}}"#) == nil)
        #expect(try TestServer.exchange(&server, #"{"jsonrpc":"2.0","id":4,"error":{"code":1,"message":"x"}}"#) == nil)
    }

    @Test("ping answers an empty object and echoes the id verbatim", arguments: ["1", "\"abc\"", "1.50", "null", "-7"])
    func ping(id: String) throws {
        var server = TestServer.make()
        let response = try #require(try TestServer.exchange(&server, #"{"jsonrpc":"2.0","id":\#(id),"method":"ping"}"#))
        #expect(response["result"] == [:])
        #expect(response["id"] == (try JSONValue.parse(id)))
        #expect(response["jsonrpc"] == "2.0")
        let answer = server.respond(to: .line(Array(#"{"jsonrpc":"2.0","id":\#(id),"method":"ping"}"#.utf8)))
        let bytes = try #require(answer)
        #expect(String(decoding: bytes, as: UTF8.self).contains(#""id":\#(id)"#))
    }

    @Test(
        "unknown methods are -32601, server/discover included", arguments: ["server/discover", "resources/list", "x"])
    func unknownMethod(method: String) throws {
        var server = TestServer.make()
        #expect(try TestServer.errorCode(&server, #"{"jsonrpc":"2.0","id":1,"method":"\#(method)"}"#) == -32601)
    }

    @Test(
        "malformed lines are -32700 with id null, and the server goes on",
        arguments: ["{", "not json", #"{"jsonrpc":"2.0","id":1,"method":"ping",}"#, "\u{FEFF}{}", #"{"a":1,"a":2}"#]
    )
    func parseError(line: String) throws {
        var server = TestServer.make()
        let response = try #require(try TestServer.exchange(&server, line))
        #expect(response["error"]?["code"] == -32700)
        #expect(response["id"] == .null)
        #expect(try TestServer.result(&server, #"{"jsonrpc":"2.0","id":2,"method":"ping"}"#) == [:])
    }

    @Test("nesting deeper than the limit is -32700")
    func depthLimit() throws {
        var server = TestServer.make(limits: MCPServerLimits(maximumDepth: 8))
        let deep = String(repeating: "[", count: 9) + String(repeating: "]", count: 9)
        #expect(try TestServer.exchange(&server, deep)?["error"]?["code"] == -32700)
        let hostile = String(repeating: "[", count: 100_000)
        #expect(try TestServer.exchange(&server, hostile)?["error"]?["code"] == -32700)
        let fits = #"{"jsonrpc":"2.0","id":1,"method":"ping","params":{"_meta":{"a":[[[[1]]]]}}}"#
        #expect(try TestServer.result(&server, fits) == [:])
    }

    @Test(
        "invalid request objects are -32600",
        arguments: [
            #"{"jsonrpc":"2.0","id":1}"#,
            #"{"jsonrpc":"2.0","id":1,"method":5}"#,
            #"{"jsonrpc":"1.0","id":1,"method":"ping"}"#,
            #"{"id":1,"method":"ping"}"#,
            #"{"jsonrpc":"2.0","id":{},"method":"ping"}"#,
            #"{"jsonrpc":"2.0","id":[1],"method":"ping"}"#,
            #"{"jsonrpc":"2.0","id":1,"method":"ping","params":"x"}"#,
            #"{"jsonrpc":"1.0","method":"ping"}"#,
            #"{"jsonrpc":"2.0","method":"ping","params":5}"#,
            #"{"jsonrpc":"2.0","method":1,"params":"bar"}"#,
            #"{"foo":"boo"}"#,
            "5", "\"ping\"", "null",
        ])
    func invalidRequest(line: String) throws {
        var server = TestServer.make()
        #expect(try TestServer.errorCode(&server, line) == -32600)
    }

    @Test("a batch is answered with an array of the request responses only")
    func batch() throws {
        var server = TestServer.make()
        let line = """
            [{"jsonrpc":"2.0","id":1,"method":"ping"},{"jsonrpc":"2.0","method":"notifications/initialized"},\
            {"jsonrpc":"2.0","id":2,"method":"nope"},5,{"jsonrpc":"2.0","id":"c","method":"tools/list"}]
            """
        let responses = try #require(try TestServer.exchange(&server, line)?.arrayValue)
        #expect(responses.count == 4)
        #expect(responses[0]["id"] == 1 && responses[0]["result"] == [:])
        #expect(responses[1]["error"]?["code"] == -32601)
        #expect(responses[2]["error"]?["code"] == -32600 && responses[2]["id"] == .null)
        #expect(responses[3]["id"] == "c" && responses[3]["result"]?["tools"]?.arrayValue?.count == 3)
    }

    @Test("an empty batch is one -32600 error")
    func emptyBatch() throws {
        var server = TestServer.make()
        let response = try #require(try TestServer.exchange(&server, "[]"))
        #expect(response["error"]?["code"] == -32600)
        #expect(response["id"] == .null)
    }

    @Test("a batch of notifications gets no output")
    func notificationBatch() throws {
        var server = TestServer.make()
        let line = #"[{"jsonrpc":"2.0","method":"a"},{"jsonrpc":"2.0","method":"notifications/initialized"}]"#
        #expect(try TestServer.exchange(&server, line) == nil)
        #expect(server.statistics.notifications == 2)
    }

    @Test("a batch larger than the limit is -32600")
    func batchLimit() throws {
        var server = TestServer.make(limits: MCPServerLimits(maximumBatchCount: 2))
        let ping = #"{"jsonrpc":"2.0","id":1,"method":"ping"}"#
        #expect(try TestServer.errorCode(&server, "[\(ping),\(ping),\(ping)]") == -32600)
        #expect(try TestServer.exchange(&server, "[\(ping),\(ping)]")?.arrayValue?.count == 2)
    }

    @Test("an oversized line is answered with -32600 and the next line is served")
    func oversizedLine() throws {
        let ping = #"{"jsonrpc":"2.0","id":2,"method":"ping"}"#
        let big =
            #"{"jsonrpc":"2.0","id":1,"method":"ping","params":{"x":""# + String(repeating: "a", count: 5000) + "\"}}"
        var transport = MCPMemoryTransport(input: big + "\n" + ping + "\n", maximumLineBytes: 1000)
        var server = TestServer.make(limits: MCPServerLimits(maximumLineBytes: 1000))
        #expect(server.run(on: &transport) == .endOfInput)
        #expect(transport.output.count == 2)
        let first = try JSONValue.parse(transport.output[0])
        #expect(first["error"]?["code"] == -32600)
        #expect(first["id"] == .null)
        #expect(try JSONValue.parse(transport.output[1])["result"] == [:])
    }

    @Test("blank lines are ignored")
    func blankLines() throws {
        var transport = MCPMemoryTransport(input: "\n  \n\r\n" + #"{"jsonrpc":"2.0","id":1,"method":"ping"}"#)
        var server = TestServer.make()
        server.run(on: &transport)
        #expect(transport.output == [#"{"jsonrpc":"2.0","id":1,"result":{}}"#])
    }

    @Test("end of input stops the server cleanly after answering everything")
    func endOfInput() {
        let input = (1...50).map { #"{"jsonrpc":"2.0","id":\#($0),"method":"ping"}"# }.joined(separator: "\n")
        var transport = MCPMemoryTransport(chunks: input.utf8.map { [$0] })
        var server = TestServer.make(initialized: false)
        #expect(server.run(on: &transport) == .endOfInput)
        #expect(transport.output.count == 50)
        #expect(transport.output.last == #"{"jsonrpc":"2.0","id":50,"result":{}}"#)
        #expect(server.statistics.requests == 50)
    }

    @Test("a failed write stops the server with the transport error")
    func transportFailure() {
        var transport = MCPMemoryTransport(input: #"{"jsonrpc":"2.0","id":1,"method":"ping"}"# + "\n")
        let failure = MCPTransportError(.systemCallFailed, "broken pipe", systemError: 32)
        transport.sendFailure = failure
        var server = TestServer.make()
        #expect(server.run(on: &transport) == .transportFailed(failure))
    }

    @Test("a full session in one stream: handshake, list, call")
    func session() throws {
        let input = [
            #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"mcp","version":"0.1.0"}}}"#,
            #"{"jsonrpc":"2.0","method":"notifications/initialized"}"#,
            #"{"jsonrpc":"2.0","id":2,"method":"tools/list"}"#,
            TestServer.call("echo", #"{"text":"hi","times":2}"#, id: 3),
        ].joined(separator: "\n")
        var transport = MCPMemoryTransport(input: input + "\n")
        var server = TestServer.make()
        server.run(on: &transport)
        #expect(transport.output.count == 3)
        let call = try JSONValue.parse(transport.output[2])
        #expect(call["id"] == 3)
        #expect(call["result"]?["structuredContent"] == ["text": "hihi"])
    }
}
