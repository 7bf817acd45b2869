import SigilJSON
import SigilRBAC

/// A tool the server offers: its name, description, declared parameters and the code that
/// runs it.
///
/// ```swift
/// let echo = MCPTool(
///     name: "echo", description: "Returns its text.",
///     parameters: [.string("text", description: "What to echo", maximumLength: 100)]
/// ) { call throws(MCPToolError) in
///     ["text": .string(try call.arguments.string("text"))]
/// }
/// ```
///
/// The handler returns the result's `structuredContent` object; the runtime also sends it
/// as JSON text in `content`. It reports failures by throwing ``MCPToolError``, which the
/// client receives as a result with `isError: true`.
public struct MCPTool {
    /// The code that runs a call and returns its structured result.
    public typealias Handler = (MCPToolCall) throws(MCPToolError) -> JSONObject

    /// The tool's unique name.
    public let name: String
    /// What the tool does, for the client and the model.
    public let description: String
    /// Who may call it.
    public let access: MCPToolAccess
    /// The declared arguments.
    public let parameters: [MCPToolParameter]
    /// The code that runs a call.
    public let handler: Handler

    /// A tool.
    ///
    /// - Parameters:
    ///   - name: The tool's unique name.
    ///   - description: What it does.
    ///   - access: Who may call it; anyone by default.
    ///   - parameters: The declared arguments; calls with other arguments are refused.
    ///   - handler: The code that runs a call.
    public init(
        name: String, description: String, access: MCPToolAccess = .everyone, parameters: [MCPToolParameter] = [],
        handler: @escaping Handler
    ) {
        self.name = name
        self.description = description
        self.access = access
        self.parameters = parameters
        self.handler = handler
    }

    /// The tool's JSON Schema for its arguments: `type` `object`, a described, typed property per parameter,
    /// `required`, and no other properties.
    ///
    /// A tool that needs a token also lists the optional `auth` object with its `token` string.
    public var inputSchema: JSONObject {
        var properties = JSONObject()
        for parameter in parameters { properties[parameter.name] = parameter.schema }
        if access.needsToken {
            properties["auth"] = [
                "type": "object",
                "description": .string(
                    "Credentials: {\"token\": \"<JWT>\"}. Optional when the token is sent in _meta.auth.token "
                        + "or the server has a session token. Requires \(access.requirementDescription)."),
                "properties": ["token": ["type": "string", "description": "The access token (JWT)"]],
                "required": ["token"],
            ]
        }
        let required = parameters.filter(\.isRequired).map { JSONValue.string($0.name) }
        return [
            "type": "object",
            "properties": .object(properties),
            "required": .array(required),
            "additionalProperties": false,
        ]
    }

    /// The tool as listed by `tools/list`.
    public var definition: JSONObject {
        ["name": .string(name), "description": .string(description), "inputSchema": .object(inputSchema)]
    }

    /// Checks a call's arguments against the declared parameters.
    ///
    /// - Parameter given: The `arguments` object of the call; an `auth` member is skipped
    ///   (the runtime reads the token from it).
    /// - Returns: The arguments, normalized, with defaults for absent optional ones.
    /// - Throws: ``MCPToolError`` for an undeclared, missing, mistyped, too long or out of
    ///   range argument; the first problem in declaration order is reported.
    public func validateArguments(_ given: JSONObject) throws(MCPToolError) -> MCPArguments {
        for key in given.keys where key != "auth" && !parameters.contains(where: { $0.name == key }) {
            throw MCPToolError(
                .unknownArgument, "Unknown argument \(Self.clipped(key)) for tool '\(name)'",
                details: ["argument": .string(ErrorText.clipped(key))])
        }
        var checked = JSONObject()
        for parameter in parameters {
            switch given[parameter.name] {
            case nil, .null?:
                if let defaultValue = parameter.defaultValue {
                    checked[parameter.name] = defaultValue
                } else if parameter.isRequired {
                    throw MCPToolError(
                        .missingArgument, "Missing required argument '\(parameter.name)'",
                        details: ["argument": .string(parameter.name)])
                }
            case let value?:
                checked[parameter.name] = try parameter.validate(value)
            }
        }
        return MCPArguments(checked)
    }

    /// A client-chosen name for an error message: cut to a bounded length, then quoted with
    /// control characters escaped.
    static func clipped(_ text: String) -> String {
        ErrorText.quoted(ErrorText.clipped(text))
    }
}
