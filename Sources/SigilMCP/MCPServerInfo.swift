/// How the server names itself in the `initialize` result.
public struct MCPServerInfo: Sendable, Hashable {
    /// The program's name (`serverInfo.name`).
    public var name: String
    /// Its version (`serverInfo.version`).
    public var version: String
    /// An optional display name (`serverInfo.title`).
    public var title: String?
    /// Optional guidance for the client or model (the result's `instructions`).
    public var instructions: String?

    /// Server information.
    ///
    /// - Parameters:
    ///   - name: The program's name.
    ///   - version: Its version.
    ///   - title: An optional display name.
    ///   - instructions: Optional guidance for the client.
    public init(name: String, version: String, title: String? = nil, instructions: String? = nil) {
        self.name = name
        self.version = version
        self.title = title
        self.instructions = instructions
    }
}
