/// Why the data or users file could not be read or written.
///
/// It has no code: every such failure is handled alike (the server reports it and exits
/// with status 1), so there is nothing to branch on.
public struct DataFileError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file.
    public let path: String
    /// What went wrong, for the operator.
    public let reason: String
    /// The source file that raised the error (`#fileID`), for diagnostics.
    public let file: String
    /// The line that raised the error, for diagnostics.
    public let line: Int

    init(_ path: String, _ reason: String, file: String = #fileID, line: Int = #line) {
        self.path = path
        self.reason = reason
        self.file = file
        self.line = line
    }

    /// `path: reason`, for the operator.
    public var description: String { "\(path): \(reason)" }

    /// Equal when the paths and reasons are equal; the source location is ignored.
    public static func == (lhs: DataFileError, rhs: DataFileError) -> Bool {
        lhs.path == rhs.path && lhs.reason == rhs.reason
    }

    /// Hashes the path and the reason, as `==` compares.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(path)
        hasher.combine(reason)
    }
}
