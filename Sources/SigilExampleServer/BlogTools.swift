import SigilJSON
import SigilMCP
import SigilRBAC

extension BlogService {
    /// The MCP server with the blog's eleven tools registered; its statistics observer keeps
    /// ``serverStatistics`` current for the admin dashboard.
    func makeServer(authentication: MCPAuthentication) -> MCPServer {
        var server = MCPServer(
            info: MCPServerInfo(
                name: SigilServerCommand.name, version: SigilServerCommand.version, title: "Sigil JWT Auth Demo",
                instructions: "Call login(username, password) first, then pass the token as auth={\"token\": \"...\"}."),
            authentication: authentication)
        server.statisticsObserver = { self.serverStatistics = $0 }
        for tool in tools() { server.register(tool) }
        return server
    }

    private func tools() -> [MCPTool] {
        let postID = MCPToolParameter.integer("post_id", description: "The post's id", range: 1...Int64(Int32.max))
        let title = MCPToolParameter.string(
            "title",
            description: "The post's title: at most \(BlogLimits.maximumTitleCharacters) characters, and at most "
                + "\(BlogLimits.maximumTitleStoredBytes) bytes once stored as JSON (a control character takes 6)",
            maximumLength: BlogLimits.maximumTitleCharacters)
        let content = MCPToolParameter.string(
            "content",
            description: "The post's text: at most \(BlogLimits.maximumContentCharacters) characters, and at most "
                + "\(BlogLimits.maximumContentStoredBytes) bytes once stored as JSON (a control character takes 6)",
            maximumLength: BlogLimits.maximumContentCharacters)
        return [
            MCPTool(
                name: "public_info",
                description: "Get public server information: name, version, auth scheme and how to get a token "
                    + "(no auth required).",
                access: .everyone
            ) { _ throws(MCPToolError) in self.publicInfo() },
            MCPTool(
                name: "login",
                description: "Log in with a username and password; returns an access token (JWT, 1 hour) "
                    + "and a refresh token.",
                access: .everyone,
                parameters: [
                    .string(
                        "username", description: "The username, e.g. alice",
                        maximumLength: UserDirectory.maximumUsernameLength),
                    .string("password", description: "The password", maximumLength: 1024),
                ]
            ) { call throws(MCPToolError) in
                try self.login(
                    username: call.arguments.string("username"), password: call.arguments.string("password"))
            },
            MCPTool(
                name: "whoami",
                description: "Get information about the authenticated user: id, username, roles, effective "
                    + "permissions and token expiry (requires a valid token).",
                access: .authenticated
            ) { call throws(MCPToolError) in self.whoami(try call.authenticatedCaller()) },
            MCPTool(
                name: "list_posts",
                description: "List blog posts in id order, one page at a time (requires the read:posts "
                    + "permission). A page holds at most `limit` posts, never more than \(BlogLimits.maximumPageSize): "
                    + "a larger limit is clamped to \(BlogLimits.maximumPageSize) and the result then says "
                    + "limit_clamped: true. A page also ends early once it holds \(BlogLimits.maximumPageBytes / 1024) "
                    + "KiB of posts. The result's next_cursor, passed as cursor, gives the next page; it is null "
                    + "on the last page.",
                access: .permission(Permissions.readPosts),
                parameters: [
                    .integer(
                        "limit",
                        description: "The most posts to return (\(BlogLimits.maximumPageSize) at most; larger values "
                            + "are clamped)",
                        range: 1...Int64(Int32.max), defaultValue: 10),
                    .string(
                        "cursor", description: "next_cursor from the previous page; omit it for the first page",
                        maximumLength: 32, required: false),
                ]
            ) { call throws(MCPToolError) in
                try self.listPosts(
                    try call.authenticatedCaller(), limit: try call.arguments.integer("limit"),
                    cursor: try call.arguments.optionalString("cursor"))
            },
            MCPTool(
                name: "create_post",
                description: "Create a new blog post; the caller is its author (requires the user or admin role).",
                access: .anyOf("user", "admin"),
                parameters: [title, content]
            ) { call throws(MCPToolError) in
                try self.createPost(
                    try call.authenticatedCaller(), title: call.arguments.string("title"),
                    content: call.arguments.string("content"))
            },
            MCPTool(
                name: "update_post",
                description: "Update a post's title and content: an admin may update any post, a user only "
                    + "their own (write:own_posts); viewers may not.",
                access: .permission(Permissions.writePosts, ownedByCaller: true),
                parameters: [postID, title, content]
            ) { call throws(MCPToolError) in
                try self.updatePost(
                    try call.authenticatedCaller(), id: call.arguments.integer("post_id"),
                    title: call.arguments.string("title"), content: call.arguments.string("content"))
            },
            MCPTool(
                name: "delete_post",
                description: "Delete a blog post for good (admin only).",
                access: .anyOf("admin"),
                parameters: [postID]
            ) { call throws(MCPToolError) in
                try self.deletePost(try call.authenticatedCaller(), id: call.arguments.integer("post_id"))
            },
            MCPTool(
                name: "admin_dashboard",
                description: "View server statistics: users, posts, tokens issued and revoked, calls and "
                    + "denials per tool, uptime (admin only).",
                access: .anyOf("admin")
            ) { call throws(MCPToolError) in
                self.adminDashboard(try call.authenticatedCaller(), toolNames: self.toolNames)
            },
            MCPTool(
                name: "refresh_token",
                description: "Exchange a refresh token for a new access token and a new refresh token. Each "
                    + "refresh token works once; reusing one revokes its whole session.",
                access: .everyone,
                parameters: [.string("refresh_token", description: "The refresh token from login", maximumLength: 256)]
            ) { call throws(MCPToolError) in
                try self.refresh(refreshToken: call.arguments.string("refresh_token"))
            },
            MCPTool(
                name: "logout",
                description: "Revoke the presented access token (by its jti) until it expires, and end its "
                    + "session's refresh tokens (requires a valid token).",
                access: .authenticated
            ) { call throws(MCPToolError) in try self.logout(try call.authenticatedCaller()) },
            MCPTool(
                name: "jwks",
                description: "Get the public key that verifies this server's tokens, as a JWK Set (RFC 7517); "
                    + "only a server started with --signing-key has one (no auth required).",
                access: .everyone
            ) { _ throws(MCPToolError) in try self.jwks() },
        ]
    }

    /// The tools' names, in the order they are listed: read from the tools themselves, so a
    /// new tool shows on the dashboard without a second list to keep in step.
    var toolNames: [String] { tools().map(\.name) }
}
