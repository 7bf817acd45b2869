import SigilBase64
import SigilHMAC
import SigilJSON
import SigilJWT
import SigilMCP
import SigilMCPTesting
import SigilSHA2
import SigilSystem
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Starts the built `sigil-server` binary and speaks JSON-RPC to it over its pipes.
struct ServerHarness {
    static let secret = "integration-test-secret-0123456789-abcdefghijkl"
    static let passwords = ["admin": "admin-demo", "alice": "alice-demo", "bob": "bob-demo"]

    /// The binary: `SIGIL_SERVER_BINARY`, else `sigil-server` next to the test bundle
    /// (both are build products of the same `swift build`).
    static var binaryPath: String {
        if let configured = getenv("SIGIL_SERVER_BINARY") { return String(cString: configured) }
        var buffer = [CChar](repeating: 0, count: 4096)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        let me = count > 0 ? String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self) : "."
        let directory = me.lastIndex(of: "/").map { String(me[..<$0]) } ?? "."
        return directory + "/sigil-server"
    }

    static func environment(secret: String? = ServerHarness.secret, extra: [String] = []) -> [String] {
        var environment = extra
        if let secret { environment.append("SIGIL_JWT_SECRET=\(secret)") }
        if let path = getenv("PATH") { environment.append("PATH=\(String(cString: path))") }
        return environment
    }

    /// Starts a server (not yet initialized).
    ///
    /// Unless `strict`, it runs with `--demo` (the demo accounts when there is no `--users`,
    /// the demo secret when there is no secret) and `--accept-legacy-tokens` (tokens without
    /// iss, aud or jti, as most tests make them); `strict` starts it with `arguments` only.
    static func start(
        _ arguments: [String] = [], secret: String? = ServerHarness.secret, extraEnvironment: [String] = [],
        strict: Bool = false
    ) throws -> MCPChildProcess {
        try #require(access(binaryPath, X_OK) == 0, "build sigil-server first: \(binaryPath)")
        let process = try MCPChildProcess(
            executable: binaryPath, arguments: arguments + (strict ? [] : ["--demo", "--accept-legacy-tokens"]),
            environment: environment(secret: secret, extra: extraEnvironment), standardError: .capture)
        process.responseTimeoutMilliseconds = 120_000
        return process
    }

    /// Starts a server and completes the MCP handshake.
    static func session(
        _ arguments: [String] = [], secret: String? = ServerHarness.secret, extraEnvironment: [String] = [],
        strict: Bool = false, protocolVersion: String = "2025-11-25"
    ) throws -> MCPChildProcess {
        let server = try start(arguments, secret: secret, extraEnvironment: extraEnvironment, strict: strict)
        let response = try server.request(
            "initialize",
            params: [
                "protocolVersion": .string(protocolVersion), "capabilities": [:],
                "clientInfo": ["name": "tests", "version": "1"],
            ])
        #expect(response["result"]?["protocolVersion"] == .string(protocolVersion))
        try server.send(#"{"jsonrpc":"2.0","method":"notifications/initialized"}"#)
        return server
    }

    /// Logs in and returns the access and refresh tokens.
    static func login(_ server: MCPChildProcess, _ user: String) throws -> (token: String, refresh: String) {
        let result = try server.callTool(
            "login", arguments: ["username": .string(user), "password": .string(passwords[user] ?? "")])
        #expect(result["isError"] == false, "login \(user): \(result)")
        let token = try #require(result["structuredContent"]?["token"]?.stringValue)
        let refresh = try #require(result["structuredContent"]?["refresh_token"]?.stringValue)
        return (token, refresh)
    }

    /// Ends a session by closing the server's input; returns its exit status.
    @discardableResult
    static func finish(_ server: MCPChildProcess) -> Int32 {
        server.closeInput()
        return server.waitForExit()
    }

    static func provider(secret: String = ServerHarness.secret) throws -> JWTProvider {
        // The server checks iss and aud itself, after verification (see SigningKeys).
        var options = JWTValidationOptions()
        options.acceptsAudienceWithoutConfiguredAudiences = true
        return try JWTProvider(secret: secret, options: options)
    }

    /// A token built by hand as PyJWT builds the NextMCP example's tokens (no jti, no iss), signed HS256.
    static func exampleStyleToken(payload: JSONObject, secret: String = ServerHarness.secret) -> String {
        let header = Base64URL.encode(Array(#"{"alg":"HS256","typ":"JWT"}"#.utf8))
        let body = Base64URL.encode(JSONValue.object(payload).serializedBytes())
        let input = Array((header + "." + body).utf8)
        let mac = HMAC<SHA256>.authenticationCode(for: input, using: SymmetricKey(data: Array(secret.utf8)))
        return header + "." + body + "." + Base64URL.encode(Array(mac))
    }

    /// A token as the server issues them (iss, aud and a jti), signed with `secret`.
    static func strictToken(
        user: String, roles: [String], permissions: [String] = [], secret: String = ServerHarness.secret,
        issuer: String = "sigil-server", audience: String = "sigil-blog"
    ) throws -> String {
        try JWTProvider(secret: secret).createToken(
            userID: "user_" + user, roles: roles, permissions: permissions, username: user,
            claims: ["iss": .string(issuer), "aud": .string(audience)])
    }

    static func now() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int64(time.tv_sec)
    }

    /// A fresh empty directory.
    static func temporaryDirectory() throws -> String {
        var template = Array("/tmp/sigil-server-tests-XXXXXX".utf8)
        template.append(0)
        let made = template.withUnsafeMutableBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { characters in
                guard let base = characters.baseAddress else { return false }
                return mkdtemp(base) != nil
            }
        }
        #expect(made)
        return String(decoding: template.dropLast(), as: UTF8.self)
    }

    static func readFile(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count <= 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return bytes
    }

    static func writeFile(_ path: String, _ text: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        try #require(written == bytes.count)
    }

    static func removeTree(_ path: String) {
        // Test directories hold only plain files and symbolic links.
        chmod(path, 0o700)
        Directory.removeFlat(path)
    }

    /// The names in a directory, sorted, without `.` and `..`.
    static func fileNames(in path: String) -> [String] {
        var names: [String] = []
        if let directory = opendir(path) {
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
                }
                if name != "." && name != ".." { names.append(name) }
            }
            closedir(directory)
        }
        return names.sorted()
    }

    /// Every post, read page by page through `list_posts` cursors.
    static func allPosts(_ server: MCPChildProcess, token: String) throws -> [JSONValue] {
        var posts: [JSONValue] = []
        var cursor: JSONValue = .null
        for _ in 0..<1_000 {
            let page = try server.callTool(
                "list_posts", arguments: ["limit": 100, "cursor": cursor, "auth": auth(token)])
            try #require(page.allowed, "list_posts: \(page)")
            posts += page.structured["posts"]?.arrayValue ?? []
            cursor = page.structured["next_cursor"] ?? .null
            if cursor == .null { break }
        }
        return posts
    }
}

extension JSONValue {
    var structured: JSONValue { self["structuredContent"] ?? .null }
    var errorCode: String? { self["isError"] == .bool(true) ? structured["error"]?.stringValue : nil }
    var allowed: Bool { self["isError"] == .bool(false) }
}

func auth(_ token: String) -> JSONValue { ["token": .string(token)] }
