import SigilHMAC
import SigilJSON
import SigilMCP
import SigilMCPTesting
import Testing

@Suite("sigil-server: --users file")
struct UsersFileTests {
    @Test("a users file of PBKDF2 hashes replaces the demo accounts")
    func usersFile() throws {
        let directory = try ServerHarness.temporaryDirectory()
        defer { ServerHarness.removeTree(directory) }
        let hash = try PasswordHash.create(password: "correct horse", iterations: 1_000).encoded
        let path = directory + "/users.json"
        try ServerHarness.writeFile(
            path, #"{"users":[{"username":"carol","password_hash":"\#(hash)","roles":["admin"]}]}"#)
        let server = try ServerHarness.session(["--users", path])
        defer { ServerHarness.finish(server) }
        let login = try server.callTool("login", arguments: ["username": "carol", "password": "correct horse"])
        #expect(login.allowed)
        #expect(login.structured["user"]?["roles"] == ["admin"])
        let token = try #require(login.structured["token"]?.stringValue)
        #expect(try server.callTool("admin_dashboard", arguments: ["auth": auth(token)]).allowed)
        let demo = try server.callTool("login", arguments: ["username": "admin", "password": "admin-demo"])
        #expect(demo.errorCode == "invalid_credentials")
        let wrong = try server.callTool("login", arguments: ["username": "carol", "password": "wrong"])
        #expect(wrong == demo)
        #expect(try server.callTool("public_info").structured["demo_accounts"] == nil)
    }

    @Test(
        "invalid users files stop the server with status 1",
        arguments: [
            #"{"users":[]}"#, #"{"users":[{"username":"Bad Name","password_hash":"x","roles":[]}]}"#,
            #"{"users":[{"username":"a","password_hash":"$pbkdf2-sha256$i=1000$c2FsdHNhbHRzYWx0$AAAA","roles":["user"]}]}"#,
            #"{"people":[]}"#, "not json",
        ])
    func invalid(content: String) throws {
        let directory = try ServerHarness.temporaryDirectory()
        defer { ServerHarness.removeTree(directory) }
        let path = directory + "/users.json"
        try ServerHarness.writeFile(path, content)
        let server = try ServerHarness.start(["--users", path])
        server.closeInput()
        #expect(server.waitForExit() == 1)
        #expect(server.capturedStandardError().contains("users file"))
    }

    @Test("a role the policy does not define is refused")
    func unknownRole() throws {
        let directory = try ServerHarness.temporaryDirectory()
        defer { ServerHarness.removeTree(directory) }
        let hash = try PasswordHash.create(password: "pw", iterations: 1_000).encoded
        let path = directory + "/users.json"
        try ServerHarness.writeFile(
            path, #"{"users":[{"username":"dan","password_hash":"\#(hash)","roles":["root"]}]}"#)
        let server = try ServerHarness.start(["--users", path])
        server.closeInput()
        #expect(server.waitForExit() == 1)
        #expect(server.capturedStandardError().contains("unknown role"))
    }
}
