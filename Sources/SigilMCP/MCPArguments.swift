import SigilJSON

/// A tool call's arguments after the runtime checked them against the tool's parameters:
/// every declared argument has the declared type and bounds, and absent optional ones
/// carry their default.
///
/// The accessors throw ``MCPToolError`` rather than trap, so a mismatch between a tool's
/// declaration and its handler becomes a clear error result, never a crash.
public struct MCPArguments: Sendable, Hashable {
    /// The arguments, validated, with defaults filled in (and without `auth`).
    public let object: JSONObject

    /// Arguments from an object that was already validated.
    ///
    /// - Parameter object: The arguments.
    public init(_ object: JSONObject) { self.object = object }

    /// The raw value of an argument, if given.
    public subscript(name: String) -> JSONValue? { object[name] }

    /// A required string argument.
    ///
    /// - Parameter name: The argument's name.
    /// - Returns: Its value.
    /// - Throws: ``MCPToolError`` when it is absent or not a string.
    public func string(_ name: String) throws(MCPToolError) -> String {
        guard let value = try optionalString(name) else { throw Self.missing(name) }
        return value
    }

    /// An optional string argument.
    ///
    /// - Parameter name: The argument's name.
    /// - Returns: Its value, or `nil` when absent or `null`.
    /// - Throws: ``MCPToolError`` when it is present but not a string.
    public func optionalString(_ name: String) throws(MCPToolError) -> String? {
        switch object[name] {
        case nil, .null?: return nil
        case .string(let text)?: return text
        default: throw Self.wrongType(name, "a string")
        }
    }

    /// A required integer argument (or an optional one with a declared default).
    ///
    /// - Parameter name: The argument's name.
    /// - Returns: Its value.
    /// - Throws: ``MCPToolError`` when it is absent or not an integer that fits in 64 bits.
    public func integer(_ name: String) throws(MCPToolError) -> Int64 {
        guard let value = try optionalInteger(name) else { throw Self.missing(name) }
        return value
    }

    /// An optional integer argument.
    ///
    /// - Parameter name: The argument's name.
    /// - Returns: Its value, or `nil` when absent or `null`.
    /// - Throws: ``MCPToolError`` when it is present but not an integer.
    public func optionalInteger(_ name: String) throws(MCPToolError) -> Int64? {
        switch object[name] {
        case nil, .null?: return nil
        case .number(let number)?:
            guard let integer = number.int64Value else { throw Self.wrongType(name, "an integer") }
            return integer
        default: throw Self.wrongType(name, "an integer")
        }
    }

    /// A required Boolean argument (or an optional one with a declared default).
    ///
    /// - Parameter name: The argument's name.
    /// - Returns: Its value.
    /// - Throws: ``MCPToolError`` when it is absent or not a Boolean.
    public func bool(_ name: String) throws(MCPToolError) -> Bool {
        switch object[name] {
        case nil, .null?: throw Self.missing(name)
        case .bool(let value)?: return value
        default: throw Self.wrongType(name, "true or false")
        }
    }

    private static func missing(_ name: String) -> MCPToolError {
        MCPToolError(.missingArgument, "Missing required argument '\(name)'", details: ["argument": .string(name)])
    }

    private static func wrongType(_ name: String, _ expected: String) -> MCPToolError {
        MCPToolError(
            .invalidArgumentType, "Argument '\(name)' must be \(expected)", details: ["argument": .string(name)])
    }
}
