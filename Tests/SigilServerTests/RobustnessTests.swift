import SigilJSON
import SigilMCP
import SigilMCPTesting
import Testing

@Suite("sigil-server: handshake, framing and hostile input over real pipes")
struct RobustnessTests {
    @Test(
        "initialize negotiates the version; tools/list describes every tool",
        arguments: ["2024-11-05", "2025-03-26", "2025-06-18", "2025-11-25", "2099-01-01"])
    func handshake(version: String) throws {
        let server = try ServerHarness.start()
        defer { ServerHarness.finish(server) }
        let response = try server.request(
            "initialize",
            params: [
                "protocolVersion": .string(version), "capabilities": [:], "clientInfo": ["name": "t", "version": "1"],
            ])
        let result = try #require(response["result"])
        #expect(result["protocolVersion"] == .string(version == "2099-01-01" ? "2025-11-25" : version))
        #expect(result["capabilities"] == ["tools": [:]])
        #expect(result["serverInfo"]?["name"] == "sigil-server")
        #expect(result["serverInfo"]?["version"]?.stringValue?.isEmpty == false)
        try server.send(#"{"jsonrpc":"2.0","method":"notifications/initialized"}"#)
        let tools = try #require(try server.request("tools/list")["result"]?["tools"]?.arrayValue)
        #expect(tools.count == 11)
        let protected = [
            "whoami", "list_posts", "create_post", "update_post", "delete_post", "admin_dashboard", "logout",
        ]
        for tool in tools {
            let name = try #require(tool["name"]?.stringValue)
            let schema = try #require(tool["inputSchema"])
            #expect(schema["type"] == "object")
            #expect(tool["description"]?.stringValue?.isEmpty == false)
            for (property, definition) in try #require(schema["properties"]?.objectValue) {
                #expect(definition["type"]?.stringValue != nil, "\(name).\(property)")
                #expect(definition["description"]?.stringValue != nil, "\(name).\(property)")
            }
            #expect(
                (schema["properties"]?["auth"]?["properties"]?["token"]?["type"] == "string")
                    == protected.contains(name))
        }
    }

    @Test("malformed lines get -32700 with id null and the server goes on")
    func malformed() throws {
        let server = try ServerHarness.session()
        defer { ServerHarness.finish(server) }
        for line in ["{", "garbage", #"{"jsonrpc":"2.0","id":1,"method":"ping",}"#, "\u{1}\u{2}"] {
            try server.send(line)
            let response = try JSONValue.parse(try #require(try server.receiveLine()))
            #expect(response["error"]?["code"] == -32700)
            #expect(response["id"] == .null)
        }
        try server.sendRaw([0xFF, 0xFE, 0x7B, 0x0A])
        #expect(try JSONValue.parse(try #require(try server.receiveLine()))["error"]?["code"] == -32700)
        #expect(try server.request("ping")["result"] == [:])
    }

    @Test("a 1 MB request is served; a 2 MiB line is discarded, answered with -32600, and the server goes on")
    func longLines() throws {
        let server = try ServerHarness.session()
        defer { ServerHarness.finish(server) }
        let padding = String(repeating: "a", count: 1_000_000)
        try server.send(#"{"jsonrpc":"2.0","id":"big","method":"ping","params":{"_meta":{"pad":"\#(padding)"}}}"#)
        let big = try JSONValue.parse(try #require(try server.receiveLine()))
        #expect(big["id"] == "big")
        #expect(big["result"] == [:])
        try server.send(
            #"{"jsonrpc":"2.0","id":"huge","method":"ping","params":{"_meta":{"pad":"\#(padding)\#(padding)"}}}"#)
        let huge = try JSONValue.parse(try #require(try server.receiveLine()))
        #expect(huge["error"]?["code"] == -32600)
        #expect(huge["id"] == .null)
        #expect(try server.request("ping")["result"] == [:])
    }

    @Test("unknown methods are -32601; notifications get nothing; batches are answered as a batch")
    func methods() throws {
        // 2025-03-26: the last protocol revision with JSON-RPC batches.
        let server = try ServerHarness.session(protocolVersion: "2025-03-26")
        defer { ServerHarness.finish(server) }
        for method in ["server/discover", "resources/list", "prompts/get"] {
            #expect(try server.request(method)["error"]?["code"] == -32601)
        }
        try server.send(#"{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":1}}"#)
        try server.send(#"{"jsonrpc":"2.0","method":"no/such/notification"}"#)
        try server.send(#"[{"jsonrpc":"2.0","method":"a"},{"jsonrpc":"2.0","method":"b"}]"#)
        try server.send(
            #"[{"jsonrpc":"2.0","id":7,"method":"ping"},{"jsonrpc":"2.0","method":"x"},{"jsonrpc":"2.0","id":8,"method":"nope"}]"#
        )
        let batch = try JSONValue.parse(try #require(try server.receiveLine()))
        #expect(batch.arrayValue?.count == 2)
        #expect(batch[0]?["id"] == 7)
        #expect(batch[1]?["error"]?["code"] == -32601)
        try server.send("[]")
        #expect(try JSONValue.parse(try #require(try server.receiveLine()))["error"]?["code"] == -32600)
        #expect(try server.request("tools/call", params: ["name": "nope"])["error"]?["code"] == -32602)
    }

    @Test("pipelined requests sent in one write are all answered, in order")
    func pipelined() throws {
        let server = try ServerHarness.session()
        defer { ServerHarness.finish(server) }
        let token = try ServerHarness.login(server, "bob").token
        var burst = ""
        for id in 0..<300 {
            burst +=
                id % 3 == 0
                ? #"{"jsonrpc":"2.0","id":\#(id),"method":"ping"}"# + "\n"
                : #"{"jsonrpc":"2.0","id":\#(id),"method":"tools/call","params":{"name":"whoami","arguments":{"auth":{"token":"\#(token)"}}}}"#
                    + "\n"
        }
        try server.sendRaw(Array(burst.utf8))
        for id in 0..<300 {
            let response = try JSONValue.parse(try #require(try server.receiveLine()))
            #expect(response["id"] == .number(JSONNumber(id)))
            if id % 3 != 0 { #expect(response["result"]?["structuredContent"]?["username"] == "bob") }
        }
    }

    @Test("end of input shuts the server down with status 0, mid-session too")
    func endOfInput() throws {
        let server = try ServerHarness.session()
        try server.sendRaw(Array(#"{"jsonrpc":"2.0","id":1,"method":"ping"}"#.utf8))  // no newline
        server.closeInput()
        #expect(try server.receiveLine() == #"{"jsonrpc":"2.0","id":1,"result":{}}"#)
        #expect(try server.receiveLine() == nil)
        #expect(server.waitForExit() == 0)
        #expect(server.capturedStandardError().contains("shutting down"))
    }

    @Test("stdout carries protocol only: every line is a JSON-RPC 2.0 message")
    func stdoutIsProtocolOnly() throws {
        let server = try ServerHarness.start(secret: nil)
        _ = try server.request(
            "initialize",
            params: [
                "protocolVersion": "2025-11-25", "capabilities": [:], "clientInfo": ["name": "t", "version": "1"],
            ])
        _ = try server.callTool("public_info")
        server.closeInput()
        while let line = try server.receiveLine() {
            #expect(try JSONValue.parse(line)["jsonrpc"] == "2.0")
        }
        #expect(server.waitForExit() == 0)
        let log = server.capturedStandardError()
        #expect(log.contains("WARNING: SIGIL_JWT_SECRET is not set"))
        #expect(log.contains("WARNING: no --users file"))
    }

    @Test("configuration errors: short secret, bad option, bad users file")
    func configuration() throws {
        let short = try ServerHarness.start(secret: "too-short")
        short.closeInput()
        #expect(short.waitForExit() == 2)
        #expect(short.capturedStandardError().contains("at least 32"))

        let option = try ServerHarness.start(["--frobnicate"])
        option.closeInput()
        #expect(option.waitForExit() == 2)

        let directory = try ServerHarness.temporaryDirectory()
        defer { ServerHarness.removeTree(directory) }
        let users = directory + "/users.json"
        try ServerHarness.writeFile(
            users, #"{"users":[{"username":"eve","password_hash":"plaintext","roles":["user"]}]}"#)
        let bad = try ServerHarness.start(["--users", users])
        bad.closeInput()
        #expect(bad.waitForExit() == 1)
        #expect(bad.capturedStandardError().contains("password_hash"))
    }

    @Test("--help documents every option and environment variable")
    func help() throws {
        let server = try ServerHarness.start(["--help"])
        var text = ""
        while let line = try server.receiveLine() { text += line + "\n" }
        #expect(server.waitForExit() == 0)
        for word in [
            "--users", "--data", "--access-ttl", "--refresh-ttl", "--version", "SIGIL_JWT_SECRET", "SIGIL_TOKEN",
        ] {
            #expect(text.contains(word), "\(word) missing from --help")
        }
    }
}
