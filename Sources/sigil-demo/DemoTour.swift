import SigilBase64
import SigilJSON
import SigilJWT
import SigilMCP
import SigilMCPTesting

/// The tour: a real MCP session with `sigil-server` over its stdio pipes.
enum DemoTour {
    static func run() -> Int32 {
        do {
            try tour()
            return 0
        } catch {
            print(Style.red("sigil-demo: \(error)"))
            return 1
        }
    }

    struct Column {
        let title: String
        let user: String?
        var token: String?
        /// The post this user wrote (sample posts: admin 1, alice 2, bob 3).
        let ownPost: Int64
        let othersPost: Int64
    }

    static func tour() throws(MCPTransportError) {
        let launcher = ServerLauncher.locate()
        let secret = ServerLauncher.randomSecret()
        print(Style.bold("Sigil demo: an MCP tool server whose tools are guarded by JWT + RBAC"))
        print(Style.dim("server process: \(launcher.label)"))
        print(Style.dim("transport: the MCP stdio transport (JSON-RPC 2.0, one message per line) over real pipes"))
        let server = try launcher.start(
            environment: ServerLauncher.environment(["SIGIL_JWT_SECRET=\(secret)"]))

        // Handshake.
        Layout.heading("1. Handshake")
        let initialize = try server.request(
            "initialize",
            params: [
                "protocolVersion": "2025-11-25", "capabilities": [:],
                "clientInfo": ["name": "sigil-demo", "version": "1.0.0"],
            ])
        try server.send(#"{"jsonrpc":"2.0","method":"notifications/initialized"}"#)
        let info = initialize["result"] ?? .null
        print(
            "\(Style.green("✓")) initialize → protocol \(info["protocolVersion"]?.stringValue ?? "?"), "
                + "server \(info["serverInfo"]?["name"]?.stringValue ?? "?") \(info["serverInfo"]?["version"]?.stringValue ?? "?")"
        )
        let tools = try server.request("tools/list")["result"]?["tools"]?.arrayValue ?? []
        print(
            "\(Style.green("✓")) tools/list → \(tools.count) tools: \(tools.compactMap { $0["name"]?.stringValue }.joined(separator: ", "))"
        )
        let unknown = try server.request("server/discover")
        print(
            "\(Style.green("✓")) an unknown method (server/discover) → JSON-RPC error \(unknown["error"]?["code"]?.description ?? "?")"
        )

        // Logins.
        Layout.heading("2. Log in as each demo user (PBKDF2 password hashes)")
        var columns = [
            Column(title: "anonymous", user: nil, ownPost: 2, othersPost: 1),
            Column(title: "bob (viewer)", user: "bob", ownPost: 3, othersPost: 1),
            Column(title: "alice (user)", user: "alice", ownPost: 2, othersPost: 1),
            Column(title: "admin (admin)", user: "admin", ownPost: 1, othersPost: 2),
        ]
        var refreshTokens: [String: String] = [:]
        for index in columns.indices {
            guard let user = columns[index].user else { continue }
            let result = try server.callTool(
                "login", arguments: ["username": .string(user), "password": .string("\(user)-demo")])
            guard !result.failed, let token = result.structured["token"]?.stringValue else {
                throw MCPTransportError(.unexpectedMessage, "login as \(user) failed: \(result.failure)")
            }
            columns[index].token = token
            refreshTokens[user] = result.structured["refresh_token"]?.stringValue
            let roles = result.structured["user"]?["roles"]?.arrayValue?.compactMap(\.stringValue) ?? []
            print(
                "\(Style.green("✓")) \(Layout.pad(user, 6)) → access token (\(token.count) chars, 1 h) + refresh token; roles \(roles.joined(separator: ", "))"
            )
        }
        let wrongPassword = try server.callTool("login", arguments: ["username": "alice", "password": "guess"])
        let unknownUser = try server.callTool("login", arguments: ["username": "mallory", "password": "guess"])
        print("\(Style.red("✗")) alice with a wrong password → \(wrongPassword.failure)")
        print(
            "\(Style.red("✗")) unknown user mallory       → \(unknownUser.failure) "
                + Style.dim("(same answer, same PBKDF2 work)"))

        // A post for the delete row, written by admin.
        let adminToken = columns[3].token ?? ""
        let scratch = try server.callTool(
            "create_post",
            arguments: ["title": "Draft to delete", "content": "x", "auth": ["token": .string(adminToken)]])
        let scratchID = scratch.structured["post"]?["id"]?.numberValue?.int64Value ?? 0

        // The table.
        Layout.heading("3. Who may call what: tool × role, as the server decides")
        struct Row {
            let label: String
            let tool: String
            let arguments: (Column) -> JSONObject
        }
        let rows = [
            Row(label: "public_info", tool: "public_info") { _ in [:] },
            Row(label: "whoami", tool: "whoami") { _ in [:] },
            Row(label: "list_posts", tool: "list_posts") { _ in ["limit": 3] },
            Row(label: "create_post", tool: "create_post") { column in
                ["title": .string("Hello from \(column.user ?? "nobody")"), "content": "Written during the demo."]
            },
            Row(label: "update_post (own post)", tool: "update_post") { column in
                [
                    "post_id": .number(JSONNumber(column.ownPost)), "title": "Edited by its author",
                    "content": "Updated.",
                ]
            },
            Row(label: "update_post (someone else's)", tool: "update_post") { column in
                [
                    "post_id": .number(JSONNumber(column.othersPost)), "title": "Edited by someone else",
                    "content": "Updated.",
                ]
            },
            Row(label: "delete_post", tool: "delete_post") { _ in ["post_id": .number(JSONNumber(scratchID))] },
            Row(label: "admin_dashboard", tool: "admin_dashboard") { _ in [:] },
        ]
        let firstWidth = 30
        let cellWidth = 24
        print(
            Style.bold(
                Layout.pad("tool", firstWidth) + columns.dropLast().map { Layout.pad($0.title, cellWidth) }.joined()
                    + (columns.last?.title ?? "")))
        var reasons: [String] = []
        for row in rows {
            var line = Layout.pad(row.label, firstWidth)
            for (position, column) in columns.enumerated() {
                let width = position == columns.count - 1 ? 0 : cellWidth
                var arguments = row.arguments(column)
                if let token = column.token { arguments["auth"] = ["token": .string(token)] }
                let result = try server.callTool(row.tool, arguments: arguments)
                let cell: String
                if result.failed {
                    let message = result.structured["message"]?.stringValue ?? "?"
                    if !reasons.contains(message) { reasons.append(message) }
                    cell = Style.red(Layout.pad("✗ " + shortReason(result.structured), width))
                } else {
                    cell = Style.green(Layout.pad("✓ allowed", width))
                }
                line += cell
            }
            print(line)
        }
        print(Style.dim("The reasons, as the server words them (isError results with a stable error code):"))
        for reason in reasons { print(Style.dim("  • \(reason)")) }

        // Bad tokens.
        Layout.heading("4. Tokens that must not work")
        let provider: JWTProvider
        do {
            provider = try JWTProvider(secret: secret)
        } catch {
            throw MCPTransportError(.unexpectedMessage, "cannot make a token provider: \(error)")
        }
        if let expired = try? provider.createToken(
            userID: "user_alice", roles: ["user"], permissions: ["read:posts", "write:own_posts"], username: "alice",
            expiresIn: -3600)
        {
            let result = try server.callTool("whoami", arguments: ["auth": ["token": .string(expired)]])
            show(result, "an expired token (right secret, exp an hour ago)")
        }
        let aliceToken = columns[2].token ?? ""
        let tampered = promoteToAdmin(aliceToken)
        let tamperedResult = try server.callTool("admin_dashboard", arguments: ["auth": ["token": .string(tampered)]])
        show(tamperedResult, "alice's token, payload edited to roles [admin]")
        let garbage = try server.callTool("whoami", arguments: ["auth": ["token": "not-a-jwt"]])
        show(garbage, "\"not-a-jwt\"")
        let viaMeta = try server.callTool("whoami", meta: ["auth": ["token": .string(columns[1].token ?? "")]])
        show(
            viaMeta, "bob's token in params._meta.auth.token",
            success: "whoami → \(viaMeta.structured["username"]?.stringValue ?? "?") (token source: meta)")

        // Refresh and logout.
        Layout.heading("5. Refresh tokens rotate; reuse revokes the session; logout revokes the token")
        let firstRefresh = refreshTokens["alice"] ?? ""
        let rotated = try server.callTool("refresh_token", arguments: ["refresh_token": .string(firstRefresh)])
        let newAccess = rotated.structured["token"]?.stringValue ?? ""
        show(rotated, "alice: refresh_token(R1)", success: "new access token A2 and refresh token R2")
        let whoamiA2 = try server.callTool("whoami", arguments: ["auth": ["token": .string(newAccess)]])
        show(whoamiA2, "whoami with A2")
        let reuse = try server.callTool("refresh_token", arguments: ["refresh_token": .string(firstRefresh)])
        show(reuse, "refresh_token(R1) again (a stolen copy?)")
        let afterReuse = try server.callTool("whoami", arguments: ["auth": ["token": .string(newAccess)]])
        show(afterReuse, "whoami with A2 after that reuse")
        let logout = try server.callTool("logout", arguments: ["auth": ["token": .string(adminToken)]])
        show(logout, "admin: logout", success: "token revoked until it expires")
        let afterLogout = try server.callTool("whoami", arguments: ["auth": ["token": .string(adminToken)]])
        show(afterLogout, "whoami with the logged-out token")

        // Statistics.
        Layout.heading("6. admin_dashboard (a fresh admin login)")
        let admin = try server.callTool("login", arguments: ["username": "admin", "password": "admin-demo"])
        let dashboard = try server.callTool(
            "admin_dashboard", arguments: ["auth": ["token": .string(admin.structured["token"]?.stringValue ?? "")]])
        let stats = dashboard.structured["server_stats"] ?? .null
        print(
            "users \(stats["total_users"]?.description ?? "?"), posts \(stats["total_posts"]?.description ?? "?"), "
                + "tokens issued \(stats["tokens_issued"]?.description ?? "?"), revoked \(stats["tokens_revoked"]?.description ?? "?"), "
                + "tool calls \(stats["total_calls"]?.description ?? "?"), denials \(stats["total_denials"]?.description ?? "?")"
        )

        server.closeInput()
        let status = server.waitForExit()
        print("")
        print(
            status == 0
                ? Style.green("✓ closed the server's input; it shut down cleanly (exit status 0)")
                : Style.red("✗ the server exited with status \(status)"))
        print(Style.dim("Next: `swift run sigil-server --help`, and the README's Python MCP client example."))
    }

    /// One line: mark, what was tried, and what the server answered.
    static func show(_ result: JSONValue, _ label: String, success: String = "allowed") {
        let mark = result.failed ? Style.red("✗") : Style.green("✓")
        print("\(mark) \(Layout.pad(label, 48)) → \(result.failed ? result.failure : success)")
    }

    /// A short table cell for a refusal.
    static func shortReason(_ structured: JSONValue) -> String {
        let code = structured["error"]?.stringValue ?? ""
        let requires = structured["requires"]?.stringValue ?? ""
        switch code {
        case "authentication_required": return "needs a token"
        case "permission_denied":
            if requires.hasSuffix("(you may change only your own)") { return "not the owner" }
            if requires.hasPrefix("one of the roles ") {
                return "needs role "
                    + requires.dropFirst("one of the roles ".count).split(separator: ", ").joined(separator: "|")
            }
            if requires.hasPrefix("the role ") { return "needs role " + requires.dropFirst("the role ".count) }
            return "needs " + requires
        default: return code
        }
    }

    /// The token with its payload's roles changed to `["admin"]` and the signature kept.
    static func promoteToAdmin(_ token: String) -> String {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3, let payload = try? Base64URL.decode(parts[1]),
            case .object(var claims)? = try? JSONValue.parse(payload)
        else { return token }
        claims["roles"] = ["admin"]
        claims["permissions"] = ["read:*", "write:*", "delete:*"]
        return parts[0] + "." + Base64URL.encode(JSONValue.object(claims).serializedBytes()) + "." + parts[2]
    }
}
