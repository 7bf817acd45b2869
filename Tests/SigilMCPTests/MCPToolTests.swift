import SigilJSON
import SigilMCP
import Testing

@Suite("Tools: listing, calls and argument checks")
struct MCPToolTests {
    @Test("tools/list gives name, description and an object inputSchema with typed, described properties")
    func list() throws {
        var server = TestServer.make()
        let tools = try #require(
            try TestServer.result(&server, #"{"jsonrpc":"2.0","id":1,"method":"tools/list"}"#)["tools"]?.arrayValue)
        #expect(tools.map { $0["name"]?.stringValue } == ["echo", "fail", "stats"])
        let echo = tools[0]
        #expect(echo["description"] == "Returns its text, repeated.")
        let schema = try #require(echo["inputSchema"])
        #expect(schema["type"] == "object")
        #expect(schema["required"] == ["text"])
        #expect(schema["additionalProperties"] == false)
        #expect(schema["properties"]?["text"] == ["type": "string", "description": "What to echo", "maxLength": 10])
        #expect(
            schema["properties"]?["times"]
                == ["type": "integer", "description": "How many times", "minimum": 1, "maximum": 3, "default": 1])
        #expect(schema["properties"]?["shout"]?["type"] == "boolean")
        for tool in tools {
            #expect(tool["inputSchema"]?["type"] == "object")
            #expect(tool["inputSchema"]?["properties"]?.objectValue != nil)
        }
    }

    @Test("a successful call has text content, the same structuredContent and isError false")
    func success() throws {
        var server = TestServer.make()
        let result = try TestServer.result(&server, TestServer.call("echo", #"{"text":"ab","times":3,"shout":true}"#))
        #expect(result["structuredContent"] == ["text": "ABABAB"])
        #expect(result["isError"] == false)
        let content = try #require(result["content"]?.arrayValue)
        #expect(content.count == 1)
        #expect(content[0]["type"] == "text")
        let text = try #require(content[0]["text"]?.stringValue)
        #expect(try JSONValue.parse(text) == ["text": "ABABAB"])
    }

    @Test("defaults fill absent and null optional arguments; absent arguments object is empty")
    func defaults() throws {
        var server = TestServer.make()
        let result = try TestServer.result(&server, TestServer.call("echo", #"{"text":"x","times":null}"#))
        #expect(result["structuredContent"] == ["text": "x"])
        let noArguments = #"{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"stats"}}"#
        #expect(try TestServer.result(&server, noArguments)["isError"] == false)
    }

    @Test("an integer written with a zero fraction is accepted")
    func integralFloat() throws {
        var server = TestServer.make()
        let result = try TestServer.result(&server, TestServer.call("echo", #"{"text":"x","times":2.0}"#))
        #expect(result["structuredContent"] == ["text": "xx"])
    }

    @Test(
        "bad arguments give isError results with a stable code naming the argument",
        arguments: [
            (#"{}"#, "missing_argument", "text"),
            (#"{"text":null}"#, "missing_argument", "text"),
            (#"{"text":5}"#, "invalid_argument_type", "text"),
            (#"{"text":["a"]}"#, "invalid_argument_type", "text"),
            (#"{"text":"01234567890"}"#, "argument_too_long", "text"),
            (#"{"text":"ok","times":"2"}"#, "invalid_argument_type", "times"),
            (#"{"text":"ok","times":1.5}"#, "invalid_argument_type", "times"),
            (#"{"text":"ok","times":4}"#, "argument_out_of_range", "times"),
            (#"{"text":"ok","times":0}"#, "argument_out_of_range", "times"),
            (#"{"text":"ok","times":99999999999999999999}"#, "invalid_argument_type", "times"),
            (#"{"text":"ok","shout":"yes"}"#, "invalid_argument_type", "shout"),
            (#"{"text":"ok","colour":"red"}"#, "unknown_argument", "colour"),
        ])
    func badArguments(arguments: String, code: String, argument: String) throws {
        var server = TestServer.make()
        let result = try TestServer.result(&server, TestServer.call("echo", arguments))
        #expect(result["isError"] == true)
        #expect(result["structuredContent"]?["error"] == .string(code))
        #expect(result["structuredContent"]?["argument"] == .string(argument))
        let message = try #require(result["structuredContent"]?["message"]?.stringValue)
        #expect(message.contains(argument))
        #expect(result["content"]?[0]?["text"] == .string(message))
        #expect(server.statistics[tool: "echo"].failed == 1)
    }

    @Test("a string of ten multi-byte characters fits a limit of ten")
    func scalarsCounted() throws {
        var server = TestServer.make()
        let result = try TestServer.result(&server, TestServer.call("echo", #"{"text":"éééééééééé"}"#))
        #expect(result["isError"] == false)
    }

    @Test("a tool that throws gives an isError result with its code and details")
    func toolFailure() throws {
        var server = TestServer.make()
        let result = try TestServer.result(&server, TestServer.call("fail"))
        #expect(result["isError"] == true)
        #expect(result["structuredContent"] == ["error": "not_found", "message": "Nothing here", "what": "thing"])
        #expect(result["content"] == [["type": "text", "text": "Nothing here"]])
    }

    @Test(
        "tools/call protocol problems are -32602",
        arguments: [
            #"{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"nope","arguments":{}}}"#,
            #"{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"echo","arguments":[1]}}"#,
            #"{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"echo","arguments":"x"}}"#,
            #"{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"arguments":{}}}"#,
            #"{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":7}}"#,
            #"{"jsonrpc":"2.0","id":1,"method":"tools/call"}"#,
            #"{"jsonrpc":"2.0","id":1,"method":"tools/call","params":[]}"#,
        ])
    func callProtocolErrors(line: String) throws {
        var server = TestServer.make()
        #expect(try TestServer.errorCode(&server, line) == -32602)
    }

    @Test("statistics count calls, successes and failures per tool")
    func statistics() throws {
        var server = TestServer.make()
        _ = try TestServer.result(&server, TestServer.call("stats"))
        let second = try TestServer.result(&server, TestServer.call("stats"))
        #expect(second["structuredContent"] == ["calls": 2])
        _ = try TestServer.result(&server, TestServer.call("fail"))
        _ = try TestServer.result(&server, TestServer.call("echo", #"{"text":"a"}"#))
        #expect(
            server.statistics[tool: "stats"]
                == {
                    var s = MCPToolStatistics(); s.calls = 2; s.succeeded = 2; return s
                }())
        #expect(server.statistics[tool: "fail"].failed == 1)
        #expect(server.statistics[tool: "echo"].succeeded == 1)
        #expect(server.statistics[tool: "never"].calls == 0)
    }

    @Test("the statistics observer hears every change; its last report is the server's counters")
    func statisticsObserver() throws {
        var server = TestServer.make()
        var reports: [MCPServerStatistics] = []
        server.statisticsObserver = { reports.append($0) }
        _ = try TestServer.result(&server, TestServer.call("echo", #"{"text":"a"}"#))
        // The request, the call before the handler ran, and its success.
        #expect(reports.count == 3)
        #expect(reports.first?.requests == server.statistics.requests)
        #expect(reports.first?[tool: "echo"].calls == 0)
        var counted = MCPToolStatistics()
        counted.calls = 1
        #expect(reports.dropFirst().first?[tool: "echo"] == counted)
        #expect(reports.last == server.statistics)
        _ = try TestServer.exchange(&server, #"{"jsonrpc":"2.0","method":"notifications/initialized"}"#)
        _ = try TestServer.exchange(&server, "not json")
        #expect(reports.count == 5)
        #expect(reports.last == server.statistics)
        #expect(server.statistics.notifications == 1 && server.statistics.protocolErrors == 1)
    }

    @Test("a handler runs without a server: a call is built in the test")
    func handlerWithoutServer() throws {
        let server = TestServer.make()
        let echo = try #require(server.tools.first { $0.name == "echo" })
        let call = MCPToolCall(
            toolName: "echo", arguments: try echo.validateArguments(["text": "hi", "times": 2]), requestID: 7)
        #expect(try echo.handler(call) == ["text": "hihi"])
        #expect(call.requestID == 7 && call.caller == nil)
        #expect(throws: MCPToolError(.authenticationRequired, "")) { try call.authenticatedCaller() }
    }

    @Test("registering a tool under an existing name replaces it")
    func replace() throws {
        var server = TestServer.make()
        server.register(MCPTool(name: "fail", description: "Now succeeds.") { _ throws(MCPToolError) in ["ok": true] })
        #expect(server.tools.count == 3)
        #expect(try TestServer.result(&server, TestServer.call("fail"))["structuredContent"] == ["ok": true])
    }

    @Test("MCPArguments accessors reject wrong types and missing values")
    func argumentAccessors() {
        let arguments = MCPArguments(["s": "x", "n": 3, "b": true, "f": 1.5])
        #expect(throws: MCPToolError(.missingArgument, "")) { try arguments.string("absent") }
        #expect(throws: MCPToolError(.invalidArgumentType, "")) { try arguments.string("n") }
        #expect(throws: MCPToolError(.invalidArgumentType, "")) { try arguments.integer("s") }
        #expect(throws: MCPToolError(.invalidArgumentType, "")) { try arguments.integer("f") }
        #expect(throws: MCPToolError(.missingArgument, "")) { try arguments.integer("absent") }
        #expect(throws: MCPToolError(.invalidArgumentType, "")) { try arguments.bool("s") }
        #expect(throws: MCPToolError(.missingArgument, "")) { try arguments.bool("absent") }
        #expect((try? arguments.optionalString("absent")) == .some(nil))
        #expect((try? arguments.integer("n")) == 3)
        #expect((try? arguments.bool("b")) == true)
        #expect(arguments["s"] == "x")
    }
}
