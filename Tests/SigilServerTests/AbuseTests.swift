import SigilBase64
import SigilHMAC
import SigilJSON
import SigilMCP
import SigilMCPTesting
import SigilRBAC
import Testing

@testable import SigilExampleServer

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Bounded work and output per request, and the protocol's lifecycle rules.
@Suite("sigil-server: bounded work and output per request")
struct BoundedRequestTests {
    static func call(_ id: Int, _ name: String, _ arguments: JSONValue) -> String {
        let message: JSONValue = [
            "jsonrpc": "2.0", "id": .number(JSONNumber(id)), "method": "tools/call",
            "params": ["name": .string(name), "arguments": arguments],
        ]
        return message.serialized()
    }

    @Test("a batch of 256 list_posts over large posts is answered within the batch bound, not with gigabytes")
    func batchOfLargePages() throws {
        let server = try ServerHarness.session(protocolVersion: "2025-03-26")
        defer { ServerHarness.finish(server) }
        let alice = try ServerHarness.login(server, "alice").token
        let content = String(repeating: "\u{01}", count: 2_700)  // 16,200 bytes stored
        for index in 0..<20 {
            let created = try server.callTool(
                "create_post",
                arguments: ["title": .string("big \(index)"), "content": .string(content), "auth": auth(alice)])
            try #require(created.allowed, "\(created)")
        }
        let batch =
            "["
            + (0..<256).map { Self.call($0, "list_posts", ["limit": 100, "auth": auth(alice)]) }
            .joined(separator: ",") + "]"
        try server.send(batch)
        let line = try #require(try server.receiveLine())
        #expect(line.utf8.count < 9 << 20, "a batch answer of \(line.utf8.count) bytes")
        let limits = JSONLimits(maximumDepth: 64, maximumBytes: 64 << 20, maximumStringBytes: 64 << 20)
        let responses = try #require(try JSONValue.parse(Array(line.utf8), limits: limits).arrayValue)
        #expect(responses.count == 256)
        let answered = responses.filter { $0["result"] != nil }
        let refused = responses.filter { $0["error"]?["code"] == -32603 }
        #expect(answered.count > 0 && refused.count > 0 && answered.count + refused.count == 256)
        // A page stops at 256 KiB of posts, and the large result is not repeated as text.
        let first = try #require(answered.first?["result"])
        #expect((first["structuredContent"]?["posts"]?.arrayValue?.count ?? 0) < 20)
        #expect(first["structuredContent"]?["next_cursor"] != .null)
        #expect((first["content"]?[0]?["text"]?.stringValue?.utf8.count ?? .max) < 1_000)
    }

    @Test("a batch of failed logins is cut off by the password-check budget; other calls still run")
    func loginBudget() throws {
        // Cheap hashes (1,000 iterations): the budget counts checks, whatever each costs.
        let directory = try ServerHarness.temporaryDirectory()
        defer { ServerHarness.removeTree(directory) }
        let users = directory + "/users.json"
        try ServerHarness.writeFile(
            users, LoginWorkTests.usersFile([("alice", try LoginWorkTests.hash("alice-demo", iterations: 1_000))]))
        let server = try ServerHarness.session(["--users", users], protocolVersion: "2025-03-26")
        defer { ServerHarness.finish(server) }
        var calls = (0..<40).map { Self.call($0, "login", ["username": "alice", "password": "wrong"]) }
        calls.append(Self.call(40, "public_info", [:]))
        try server.send("[" + calls.joined(separator: ",") + "]")
        let line = try #require(try server.receiveLine())
        let responses = try #require(try JSONValue.parse(line).arrayValue)
        #expect(responses.count == 41)
        let codes = responses.prefix(40).map { $0["result"]?.errorCode }
        #expect(codes.filter { $0 == "invalid_credentials" }.count == 10)
        #expect(codes.filter { $0 == "rate_limited" }.count == 30)
        #expect(codes.last == "rate_limited")
        #expect(responses[39]["result"]?["structuredContent"]?["retry_after_seconds"] != nil)
        #expect(responses[40]["result"]?.allowed == true)
    }

    @Test("the budget is per session and in total, on an injectable clock")
    func budgetModel() {
        final class Clock: @unchecked Sendable { var now = 100.0 }
        let clock = Clock()
        var budget = PasswordCheckBudget(
            sessionCapacity: 2, sessionRefillPerSecond: 0.5, totalCapacity: 3, totalRefillPerSecond: 1,
            clock: { clock.now })
        #expect(budget.spend(session: "a") == nil)
        #expect(budget.spend(session: "a") == nil)
        #expect(budget.spend(session: "a") == 2)  // the session is empty: one check per 2 s
        #expect(budget.spend(session: "b") == nil)
        #expect(budget.spend(session: "b") == 1)  // the total is empty: one check per second
        clock.now += 1
        #expect(budget.spend(session: "b") == nil)
        #expect(budget.spend(session: "a") != nil)
        clock.now += 2
        #expect(budget.spend(session: "a") == nil)
    }

    @Test("tools/call before initialize is refused; ping is not")
    func callBeforeInitialize() throws {
        let server = try ServerHarness.start()
        defer { ServerHarness.finish(server) }
        try server.send(Self.call(1, "public_info", [:]))
        let response = try JSONValue.parse(try #require(try server.receiveLine()))
        #expect(response["error"]?["code"] == -32602)
        #expect(try server.request("ping")["result"] == [:])
    }

    @Test(
        "batches are refused under protocol versions that removed them, and kept under the others",
        arguments: [("2024-11-05", true), ("2025-03-26", true), ("2025-06-18", false), ("2025-11-25", false)])
    func batchesByVersion(version: String, allowed: Bool) throws {
        let server = try ServerHarness.session(protocolVersion: version)
        defer { ServerHarness.finish(server) }
        try server.send(#"[{"jsonrpc":"2.0","id":1,"method":"ping"},{"jsonrpc":"2.0","id":2,"method":"ping"}]"#)
        let response = try JSONValue.parse(try #require(try server.receiveLine()))
        if allowed {
            #expect(response.arrayValue?.count == 2)
        } else {
            #expect(response["error"]?["code"] == -32600)
        }
    }
}

/// The files beside the data file, and who may write to them.
@Suite("sigil-server: files next to the data file")
struct DataDirectoryTests {
    @Test("a symbolic link planted as the old predictable temporary name is never written through")
    func plantedTemporary() throws {
        let directory = try ServerHarness.temporaryDirectory()
        defer { ServerHarness.removeTree(directory) }
        let data = directory + "/blog.json"
        let victim = directory + "/victim"
        try ServerHarness.writeFile(victim, "precious")
        try #require(symlink(victim, directory + "/.blog.json.tmp") == 0)
        let server = try ServerHarness.session(["--data", data])
        let alice = try ServerHarness.login(server, "alice").token
        #expect(
            try server.callTool("create_post", arguments: ["title": "t", "content": "c", "auth": auth(alice)]).allowed)
        #expect(ServerHarness.finish(server) == 0)
        #expect(ServerHarness.readFile(victim) == Array("precious".utf8))
        let names = ServerHarness.fileNames(in: directory)
        #expect(names == [".blog.json.lock", ".blog.json.tmp", "blog.json", "blog.json.journal", "victim"])
    }

    @Test("a symbolic link planted as the lock or the journal makes the server refuse to start, touching nothing")
    func plantedLockOrJournal() throws {
        for name in [".blog.json.lock", "blog.json.journal"] {
            let directory = try ServerHarness.temporaryDirectory()
            defer { ServerHarness.removeTree(directory) }
            let victim = directory + "/victim-not-there"
            try #require(symlink(victim, directory + "/" + name) == 0)
            let server = try ServerHarness.start(["--data", directory + "/blog.json"])
            server.closeInput()
            #expect(server.waitForExit() == 1, "\(name)")
            #expect(!POSIXFile.exists(victim), "\(name)")
        }
    }

    @Test("a data file or directory writable by group or others is refused, and the error says so")
    func writableByOthers() throws {
        let directory = try ServerHarness.temporaryDirectory()
        defer { ServerHarness.removeTree(directory) }
        let data = directory + "/blog.json"
        try #require(chmod(directory, 0o777) == 0)
        let open = try ServerHarness.start(["--data", data])
        open.closeInput()
        #expect(open.waitForExit() == 1)
        #expect(open.capturedStandardError().contains("writable by group or others"))
        #expect(!POSIXFile.exists(data))

        try #require(chmod(directory, 0o700) == 0)
        try ServerHarness.writeFile(data, "{}")
        try #require(chmod(data, 0o664) == 0)
        let shared = try ServerHarness.start(["--data", data])
        shared.closeInput()
        #expect(shared.waitForExit() == 1)
        #expect(shared.capturedStandardError().contains("chmod go-w"))
    }
}

/// No user enumeration by timing, counted in PBKDF2 iterations rather than wall time.
@Suite("sigil-server: logins cost the same for unknown users")
struct LoginWorkTests {
    static func hash(_ password: String, iterations: Int) throws -> String {
        try PasswordHash.create(password: password, iterations: iterations).encoded
    }

    static func usersFile(_ entries: [(String, String)]) -> String {
        let users = entries.map { #"{"username":"\#($0.0)","password_hash":"\#($0.1)","roles":["user"]}"# }
        return #"{"users":["# + users.joined(separator: ",") + "]}"
    }

    @Test("with mixed hash parameters, an unknown user costs the most common configuration, as most users do")
    func workModel() throws {
        let directory = try ServerHarness.temporaryDirectory()
        defer { ServerHarness.removeTree(directory) }
        let path = directory + "/users.json"
        try ServerHarness.writeFile(
            path,
            Self.usersFile([
                ("ann", try Self.hash("a", iterations: 1_000)), ("ben", try Self.hash("b", iterations: 1_000)),
                ("cat", try Self.hash("c", iterations: 1_000)), ("dan", try Self.hash("d", iterations: 50_000)),
            ]))
        let users = try UserDirectory.load(path: path, policy: BlogRoles.policy)
        var work: [Int] = []
        let counting: PasswordVerifier = { hash, password in
            work.append(hash.iterations)
            return hash.verify(password: password)
        }
        #expect(users.authenticate(username: "nobody", password: "x", verify: counting) == nil)
        #expect(users.authenticate(username: "ann", password: "wrong", verify: counting) == nil)
        #expect(users.authenticate(username: "ben", password: "b", verify: counting)?.username == "ben")
        #expect(work == [1_000, 1_000, 1_000])
    }

    @Test("a login rehashes to the current parameters, writing the users file only with --rehash-passwords")
    func rehash() throws {
        let directory = try ServerHarness.temporaryDirectory()
        defer { ServerHarness.removeTree(directory) }
        let path = directory + "/users.json"
        let original = Self.usersFile([("ann", try Self.hash("ann-password", iterations: 1_000))])
        for allowed in [false, true] {
            try ServerHarness.writeFile(path, original)
            let server = try ServerHarness.session(["--users", path] + (allowed ? ["--rehash-passwords"] : []))
            let login = try server.callTool("login", arguments: ["username": "ann", "password": "ann-password"])
            #expect(login.allowed)
            #expect(ServerHarness.finish(server) == 0)
            let stored = String(decoding: try #require(ServerHarness.readFile(path)), as: UTF8.self)
            if allowed {
                #expect(stored.contains("$pbkdf2-sha256$i=600000$"))
                #expect(
                    try UserDirectory.load(path: path, policy: BlogRoles.policy).authenticate(
                        username: "ann", password: "ann-password") != nil)
            } else {
                #expect(stored == original)
            }
        }
    }
}

/// Real settings or an explicit --demo; iss, aud and jti; live roles.
@Suite("sigil-server: secure by default")
struct SecureDefaultTests {
    @Test(
        "without real settings the server refuses to start unless --demo",
        arguments: [([String](), true), (["--users", "USERS"], false), ([String](), false)])
    func requiresSettings(arguments: [String], withSecret: Bool) throws {
        let directory = try ServerHarness.temporaryDirectory()
        defer { ServerHarness.removeTree(directory) }
        let users = directory + "/users.json"
        try ServerHarness.writeFile(
            users, LoginWorkTests.usersFile([("ann", try LoginWorkTests.hash("a", iterations: 1_000))]))
        let resolved = arguments.map { $0 == "USERS" ? users : $0 }
        let server = try ServerHarness.start(resolved, secret: withSecret ? ServerHarness.secret : nil, strict: true)
        server.closeInput()
        #expect(server.waitForExit() == 2)
        #expect(server.capturedStandardError().contains("--demo"))
        let demo = try ServerHarness.session(
            resolved + ["--demo"], secret: withSecret ? ServerHarness.secret : nil, strict: true)
        #expect(ServerHarness.finish(demo) == 0)
    }

    @Test("issued tokens carry iss and aud; tokens without iss, aud or jti need --accept-legacy-tokens")
    func claims() throws {
        let server = try ServerHarness.session(["--demo"], strict: true)
        defer { ServerHarness.finish(server) }
        let token = try ServerHarness.login(server, "alice").token
        let payload = try JSONValue.parse(try Base64URL.decode(String(token.split(separator: ".")[1])))
        #expect(payload["iss"] == "sigil-server")
        #expect(payload["aud"] == "sigil-blog")
        #expect(try server.callTool("whoami", arguments: ["auth": auth(token)]).allowed)

        let now = ServerHarness.now()
        let legacy = ServerHarness.exampleStyleToken(payload: [
            "sub": "user_alice", "username": "alice", "roles": ["user"], "permissions": [],
            "exp": .number(.init(now + 600)),
        ])
        #expect(try server.callTool("whoami", arguments: ["auth": auth(legacy)]).errorCode == "invalid_token")
        let noJTI = ServerHarness.exampleStyleToken(payload: [
            "sub": "user_alice", "roles": ["user"], "exp": .number(.init(now + 600)), "iss": "sigil-server",
            "aud": "sigil-blog",
        ])
        #expect(try server.callTool("whoami", arguments: ["auth": auth(noJTI)]).errorCode == "invalid_token")
        let otherIssuer = try ServerHarness.strictToken(user: "alice", roles: ["user"], issuer: "someone-else")
        #expect(try server.callTool("whoami", arguments: ["auth": auth(otherIssuer)]).errorCode == "invalid_token")
        let otherAudience = try ServerHarness.strictToken(user: "alice", roles: ["user"], audience: "another-api")
        #expect(try server.callTool("whoami", arguments: ["auth": auth(otherAudience)]).errorCode == "invalid_token")

        let lenient = try ServerHarness.session(["--demo", "--accept-legacy-tokens"], strict: true)
        defer { ServerHarness.finish(lenient) }
        #expect(try lenient.callTool("whoami", arguments: ["auth": auth(legacy)]).allowed)
        #expect(try lenient.callTool("whoami", arguments: ["auth": auth(otherIssuer)]).errorCode == "invalid_token")
    }

    @Test("with --live-roles a demoted user loses the role at once; without it the token keeps it until it expires")
    func liveRoles() throws {
        let directory = try ServerHarness.temporaryDirectory()
        defer { ServerHarness.removeTree(directory) }
        let path = directory + "/users.json"
        let hash = try LoginWorkTests.hash("pw", iterations: 1_000)
        func users(_ role: String) -> String {
            #"{"users":[{"username":"ann","password_hash":"\#(hash)","roles":["\#(role)"]}]}"#
        }
        for live in [true, false] {
            try ServerHarness.writeFile(path, users("admin"))
            let server = try ServerHarness.session(["--users", path] + (live ? ["--live-roles"] : []), strict: true)
            defer { ServerHarness.finish(server) }
            let login = try server.callTool("login", arguments: ["username": "ann", "password": "pw"])
            let token = try #require(login.structured["token"]?.stringValue)
            #expect(try server.callTool("admin_dashboard", arguments: ["auth": auth(token)]).allowed)
            try ServerHarness.writeFile(path, users("viewer"))
            let after = try server.callTool("admin_dashboard", arguments: ["auth": auth(token)])
            if live {
                #expect(after.errorCode == "token_revoked")
            } else {
                #expect(after.allowed)
            }
        }
    }

    @Test("`sigil-token verify -` accepts a token piped with a CRLF ending")
    func verifyCRLF() throws {
        let token = try #require(
            try TokenToolInteropTests.run(["generate", "--user", "alice", "--role", "user", "--quiet"]).last)
        let lines = try TokenToolInteropTests.run(["verify", "-"], input: token + "\r")
        #expect(lines.last?.contains(#""valid":true"#) == true)
    }
}
