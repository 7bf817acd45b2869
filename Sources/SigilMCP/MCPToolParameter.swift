import SigilJSON

/// One declared argument of a tool: its name, JSON type, description and bounds.
///
/// The runtime checks every call's arguments against these declarations before the tool
/// runs (missing, wrong type, too long, out of range, undeclared), and publishes them as
/// the tool's `inputSchema` (JSON Schema) in `tools/list`.
public struct MCPToolParameter: Sendable {
    /// The JSON type of an argument, with its bounds.
    public enum Kind: Sendable, Hashable {
        /// A string of at most `maximumLength` Unicode scalars (JSON Schema `maxLength`).
        case string(maximumLength: Int)
        /// An integer within `range` (JSON Schema `minimum` / `maximum`).
        case integer(range: ClosedRange<Int64>)
        /// `true` or `false`.
        case boolean
    }

    /// The argument's name.
    public let name: String
    /// What the argument means, for the client and the model.
    public let description: String
    /// Its type and bounds.
    public let kind: Kind
    /// Whether a call must give it.
    public let isRequired: Bool
    /// The value used when an optional argument is absent.
    public let defaultValue: JSONValue?

    /// A parameter.
    ///
    /// - Parameters:
    ///   - name: The argument's name.
    ///   - description: What it means.
    ///   - kind: Its type and bounds.
    ///   - isRequired: Whether a call must give it.
    ///   - defaultValue: The value used when an optional argument is absent.
    public init(name: String, description: String, kind: Kind, isRequired: Bool, defaultValue: JSONValue? = nil) {
        self.name = name
        self.description = description
        self.kind = kind
        self.isRequired = isRequired
        self.defaultValue = defaultValue
    }

    /// A string parameter.
    ///
    /// - Parameters:
    ///   - name: The argument's name.
    ///   - description: What it means.
    ///   - maximumLength: The most Unicode scalars accepted; 4096 by default.
    ///   - required: Whether a call must give it; `true` by default.
    /// - Returns: The parameter.
    public static func string(
        _ name: String, description: String, maximumLength: Int = 4096, required: Bool = true
    ) -> MCPToolParameter {
        MCPToolParameter(
            name: name, description: description, kind: .string(maximumLength: maximumLength), isRequired: required)
    }

    /// An integer parameter.
    ///
    /// - Parameters:
    ///   - name: The argument's name.
    ///   - description: What it means.
    ///   - range: The accepted values.
    ///   - defaultValue: When given, the argument is optional and this is its value when
    ///     absent; when `nil`, the argument is required.
    /// - Returns: The parameter.
    public static func integer(
        _ name: String, description: String, range: ClosedRange<Int64>, defaultValue: Int64? = nil
    ) -> MCPToolParameter {
        MCPToolParameter(
            name: name, description: description, kind: .integer(range: range), isRequired: defaultValue == nil,
            defaultValue: defaultValue.map { .number(JSONNumber($0)) })
    }

    /// A Boolean parameter.
    ///
    /// - Parameters:
    ///   - name: The argument's name.
    ///   - description: What it means.
    ///   - defaultValue: When given, the argument is optional with this default.
    /// - Returns: The parameter.
    public static func boolean(_ name: String, description: String, defaultValue: Bool? = nil) -> MCPToolParameter {
        MCPToolParameter(
            name: name, description: description, kind: .boolean, isRequired: defaultValue == nil,
            defaultValue: defaultValue.map { .bool($0) })
    }

    /// The property's JSON Schema.
    public var schema: JSONValue {
        var object = JSONObject()
        switch kind {
        case .string(let maximumLength):
            object["type"] = "string"
            object["description"] = .string(description)
            object["maxLength"] = .number(JSONNumber(maximumLength))
        case .integer(let range):
            object["type"] = "integer"
            object["description"] = .string(description)
            object["minimum"] = .number(JSONNumber(range.lowerBound))
            object["maximum"] = .number(JSONNumber(range.upperBound))
        case .boolean:
            object["type"] = "boolean"
            object["description"] = .string(description)
        }
        if let defaultValue { object["default"] = defaultValue }
        return .object(object)
    }

    /// Checks one given value against the declaration.
    ///
    /// - Parameter value: The argument as the client sent it.
    /// - Returns: The value, normalized (an integer written as `5.0` becomes `5`).
    /// - Throws: ``MCPToolError`` with ``MCPToolError/Code/invalidArgumentType``,
    ///   ``MCPToolError/Code/argumentTooLong`` or ``MCPToolError/Code/argumentOutOfRange``.
    func validate(_ value: JSONValue) throws(MCPToolError) -> JSONValue {
        let details: JSONObject = ["argument": .string(name)]
        switch kind {
        case .string(let maximumLength):
            guard case .string(let text) = value else {
                throw MCPToolError(.invalidArgumentType, "Argument '\(name)' must be a string", details: details)
            }
            if !Self.fits(text, maximumLength: maximumLength) {
                throw MCPToolError(
                    .argumentTooLong, "Argument '\(name)' is longer than \(maximumLength) characters", details: details)
            }
            return value
        case .integer(let range):
            guard case .number(let number) = value, let integer = number.int64Value else {
                throw MCPToolError(.invalidArgumentType, "Argument '\(name)' must be an integer", details: details)
            }
            guard range.contains(integer) else {
                throw MCPToolError(
                    .argumentOutOfRange,
                    "Argument '\(name)' must be between \(range.lowerBound) and \(range.upperBound)", details: details)
            }
            return .number(JSONNumber(integer))
        case .boolean:
            guard case .bool = value else {
                throw MCPToolError(.invalidArgumentType, "Argument '\(name)' must be true or false", details: details)
            }
            return value
        }
    }

    /// Whether `text` has at most `maximumLength` Unicode scalars, without counting past it.
    private static func fits(_ text: String, maximumLength: Int) -> Bool {
        if text.utf8.count <= maximumLength { return true }
        var count = 0
        for _ in text.unicodeScalars {
            count += 1
            if count > maximumLength { return false }
        }
        return true
    }
}
