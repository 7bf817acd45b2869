import SigilJSON
import SigilMCP
import SigilMCPTesting
import Testing

@Suite("sigil-server with sigil-token: tokens and hashes from the CLI work")
struct TokenToolInteropTests {
    static var tokenToolPath: String {
        let server = ServerHarness.binaryPath
        return String(server.dropLast("sigil-server".count)) + "sigil-token"
    }

    /// Runs sigil-token and returns its standard output lines.
    static func run(_ arguments: [String], input: String? = nil, secret: String? = nil) throws -> [String] {
        let tool = try MCPChildProcess(
            executable: tokenToolPath, arguments: arguments, environment: ServerHarness.environment(secret: secret),
            standardError: .discard)
        if let input { try tool.send(input) }
        tool.closeInput()
        var lines: [String] = []
        while let line = try tool.receiveLine() { lines.append(line) }
        #expect(tool.waitForExit() == 0)
        return lines
    }

    @Test("a token from `sigil-token generate` with the shared demo secret works against a server without a secret")
    func demoSecret() throws {
        let token = try #require(try Self.run(["generate", "--user", "alice", "--role", "user", "--quiet"]).last)
        let server = try ServerHarness.session(secret: nil)
        defer { ServerHarness.finish(server) }
        let whoami = try server.callTool("whoami", arguments: ["auth": auth(token)])
        #expect(whoami.structured["username"] == "alice")
        let post = try server.callTool("create_post", arguments: ["title": "t", "content": "c", "auth": auth(token)])
        #expect(post.allowed)
        let dashboard = try server.callTool("admin_dashboard", arguments: ["auth": auth(token)])
        #expect(dashboard.errorCode == "permission_denied")
    }

    @Test("a token made with another secret is refused")
    func otherSecret() throws {
        let token = try #require(
            try Self.run(["generate", "--user", "admin", "--role", "admin", "--quiet"], secret: ServerHarness.secret)
                .last)
        let server = try ServerHarness.session(secret: nil)
        defer { ServerHarness.finish(server) }
        #expect(try server.callTool("whoami", arguments: ["auth": auth(token)]).errorCode == "invalid_token")
    }

    @Test("a hash from `sigil-token hash-password` logs a user in")
    func hashPassword() throws {
        let hash = try #require(try Self.run(["hash-password"], input: "s3cret pass").last)
        #expect(hash.hasPrefix("$pbkdf2-sha256$i=600000$"))
        let directory = try ServerHarness.temporaryDirectory()
        defer { ServerHarness.removeTree(directory) }
        let users = directory + "/users.json"
        try ServerHarness.writeFile(
            users, #"{"users":[{"username":"erin","password_hash":"\#(hash)","roles":["viewer"]}]}"#)
        let server = try ServerHarness.session(["--users", users])
        defer { ServerHarness.finish(server) }
        let login = try server.callTool("login", arguments: ["username": "erin", "password": "s3cret pass"])
        #expect(login.allowed)
        #expect(login.structured["user"]?["roles"] == ["viewer"])
    }
}
