import SigilBase64
import SigilHMAC
import SigilJSON
import SigilJWT
import SigilMCP
import SigilSHA2
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
    static func start(
        _ arguments: [String] = [], secret: String? = ServerHarness.secret, extraEnvironment: [String] = []
    ) throws -> MCPChildProcess {
        try #require(access(binaryPath, X_OK) == 0, "build sigil-server first: \(binaryPath)")
        let process = try MCPChildProcess(
            executable: binaryPath, arguments: arguments,
            environment: environment(secret: secret, extra: extraEnvironment), standardError: .capture)
        process.responseTimeoutMilliseconds = 120_000
        return process
    }

    /// Starts a server and completes the MCP handshake.
    static func session(
        _ arguments: [String] = [], secret: String? = ServerHarness.secret, extraEnvironment: [String] = []
    ) throws -> MCPChildProcess {
        let server = try start(arguments, secret: secret, extraEnvironment: extraEnvironment)
        let response = try server.request(
            "initialize",
            params: [
                "protocolVersion": "2025-11-25", "capabilities": [:], "clientInfo": ["name": "tests", "version": "1"],
            ])
        #expect(response["result"]?["protocolVersion"] == "2025-11-25")
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
        try JWTProvider(secret: secret)
    }

    /// A token built by hand as PyJWT builds the seed's (no jti, no iss), signed HS256.
    static func seedStyleToken(payload: JSONObject, secret: String = ServerHarness.secret) -> String {
        let header = Base64URL.encode(Array(#"{"alg":"HS256","typ":"JWT"}"#.utf8))
        let body = Base64URL.encode(JSONValue.object(payload).serializedBytes())
        let input = Array((header + "." + body).utf8)
        let mac = HMAC<SHA256>.authenticationCode(for: input, using: SymmetricKey(data: Array(secret.utf8)))
        return header + "." + body + "." + Base64URL.encode(Array(mac))
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
        // Test directories hold only plain files.
        if let directory = opendir(path) {
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
                }
                if name != "." && name != ".." { unlink(path + "/" + name) }
            }
            closedir(directory)
        }
        rmdir(path)
    }
}

extension JSONValue {
    var structured: JSONValue { self["structuredContent"] ?? .null }
    var errorCode: String? { self["isError"] == .bool(true) ? structured["error"]?.stringValue : nil }
    var allowed: Bool { self["isError"] == .bool(false) }
}

func auth(_ token: String) -> JSONValue { ["token": .string(token)] }
