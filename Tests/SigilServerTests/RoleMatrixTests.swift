import SigilJSON
import SigilMCP
import SigilMCPTesting
import Testing

@Suite("sigil-server: every tool for every role, over the real stdio transport")
struct RoleMatrixTests {
    struct Role: Sendable, CustomStringConvertible {
        let user: String?
        let ownPost: Int64
        let othersPost: Int64
        var description: String { user ?? "anonymous" }
    }

    static let roles = [
        Role(user: nil, ownPost: 2, othersPost: 1),
        Role(user: "bob", ownPost: 3, othersPost: 1),
        Role(user: "alice", ownPost: 2, othersPost: 1),
        Role(user: "admin", ownPost: 1, othersPost: 2),
    ]

    /// Expected outcome per tool, per role (nil = allowed, else the error code).
    static let expected: [String: [String?]] = [
        //                      anonymous                  bob (viewer)          alice (user)          admin
        "public_info": [nil, nil, nil, nil],
        "whoami": ["authentication_required", nil, nil, nil],
        "list_posts": ["authentication_required", nil, nil, nil],
        "create_post": ["authentication_required", "permission_denied", nil, nil],
        "update_post own": ["authentication_required", "permission_denied", nil, nil],
        "update_post other": ["authentication_required", "permission_denied", "permission_denied", nil],
        "delete_post": ["authentication_required", "permission_denied", "permission_denied", nil],
        "admin_dashboard": ["authentication_required", "permission_denied", "permission_denied", nil],
        "refresh_token": ["invalid_token", nil, nil, nil],
        "logout": ["authentication_required", nil, nil, nil],
        // The HS256 server publishes no public key (RS256 mode: RS256ServerTests).
        "jwks": ["no_public_key", "no_public_key", "no_public_key", "no_public_key"],
    ]

    @Test("the role table, with ownership and real effects", arguments: 0..<4)
    func matrix(column: Int) throws {
        let role = Self.roles[column]
        let server = try ServerHarness.session()
        defer { ServerHarness.finish(server) }
        var token: String?
        var refresh = "rt_not-a-real-refresh-token"
        if let user = role.user { (token, refresh) = try ServerHarness.login(server, user) }
        func call(_ tool: String, _ arguments: JSONObject = [:]) throws -> JSONValue {
            var arguments = arguments
            if let token { arguments["auth"] = auth(token) }
            return try server.callTool(tool, arguments: arguments)
        }
        func check(_ key: String, _ result: JSONValue) {
            #expect(result.errorCode == Self.expected[key]?[column], "\(key) as \(role): \(result.structured)")
            #expect(result["content"]?[0]?["type"] == "text")
            #expect(result.structured.objectValue != nil)
        }
        #expect(Self.expected.count == 11)

        check("public_info", try call("public_info"))
        check("jwks", try call("jwks"))
        let whoami = try call("whoami")
        check("whoami", whoami)
        if let user = role.user {
            #expect(whoami.structured["username"] == .string(user))
            #expect(whoami.structured["user_id"] == .string("user_\(user)"))
            #expect(whoami.structured["expires_in"]?.numberValue?.int64Value ?? 0 > 3000)
        }
        let list = try call("list_posts", ["limit": 2])
        check("list_posts", list)
        if list.allowed {
            #expect(list.structured["posts"]?.arrayValue?.count == 2)
            #expect(list.structured["total"] == 3)
            #expect(list.structured["posts"]?[0]?["title"] == "JWT Authentication in MCP")
        }
        let created = try call("create_post", ["title": "New", "content": "Body"])
        check("create_post", created)
        if created.allowed {
            #expect(created.structured["post"]?["author"] == .string(role.user ?? ""))
            #expect(created.structured["post"]?["id"] == 4)
        }
        let own = try call(
            "update_post", ["post_id": .number(JSONNumber(role.ownPost)), "title": "Mine", "content": "x"])
        check("update_post own", own)
        let other = try call(
            "update_post", ["post_id": .number(JSONNumber(role.othersPost)), "title": "Theirs", "content": "x"])
        check("update_post other", other)
        if role.user == "alice" {
            #expect(
                other.structured["message"] == "Permission denied: requires write:posts (you may change only your own)")
        }
        let deleted = try call("delete_post", ["post_id": 3])
        check("delete_post", deleted)
        if deleted.allowed {
            let again = try call("delete_post", ["post_id": 3])
            #expect(again.errorCode == "not_found")
            let remaining = try call("list_posts", ["limit": 100])
            #expect(remaining.structured["posts"]?.arrayValue?.contains { $0["id"] == 3 } == false)
        }
        let dashboard = try call("admin_dashboard")
        check("admin_dashboard", dashboard)
        if dashboard.allowed {
            let stats = dashboard.structured["server_stats"]
            #expect(stats?["total_users"] == 3)
            #expect(stats?["total_posts"] == 3)  // 3 sample posts + 1 created - 1 deleted
            #expect(stats?["tokens_issued"] == 1)
            #expect(dashboard.structured["tool_stats"]?["delete_post"]?["calls"] == 2)
            // The server counts a call before its handler runs: the dashboard sees itself.
            #expect(dashboard.structured["tool_stats"]?["admin_dashboard"]?["calls"] == 1)
        }
        let refreshed = try server.callTool("refresh_token", arguments: ["refresh_token": .string(refresh)])
        check("refresh_token", refreshed)
        check("logout", try call("logout"))
        if role.user != nil {
            #expect(try call("whoami").errorCode == "token_revoked")
        }
        #expect(ServerHarness.finish(server) == 0)
    }

    @Test("unknown post ids and bad arguments are clear isError results")
    func badArguments() throws {
        let server = try ServerHarness.session()
        defer { ServerHarness.finish(server) }
        let admin = try ServerHarness.login(server, "admin").token
        let cases: [(String, JSONObject, String)] = [
            ("update_post", ["post_id": 999, "title": "t", "content": "c"], "not_found"),
            ("delete_post", ["post_id": 999], "not_found"),
            ("delete_post", ["post_id": "1"], "invalid_argument_type"),
            ("delete_post", [:], "missing_argument"),
            (
                "create_post", ["title": .string(String(repeating: "t", count: 201)), "content": "c"],
                "argument_too_long"
            ),
            ("create_post", ["title": "t"], "missing_argument"),
            ("list_posts", ["limit": 0], "argument_out_of_range"),
            ("list_posts", ["limit": 1.5], "invalid_argument_type"),
            ("list_posts", ["colour": "red"], "unknown_argument"),
        ]
        for (tool, arguments, code) in cases {
            var arguments = arguments
            arguments["auth"] = auth(admin)
            let result = try server.callTool(tool, arguments: arguments)
            #expect(result.errorCode == code, "\(tool) \(arguments): \(result.structured)")
            #expect(result.structured["message"]?.stringValue?.isEmpty == false)
        }
        #expect(cases.count == 9)
    }
}
