extension JSONValue {
    /// Parses one JSON document strictly (RFC 8259).
    ///
    /// The document is exactly one value with optional whitespace (space, tab, line feed,
    /// carriage return) around it. The reader rejects, with the byte offset of the problem:
    /// duplicate member names (compared after unescaping), malformed UTF-8 anywhere, lone
    /// surrogate escapes, unescaped control characters, leading zeros, `+`, `NaN`,
    /// `Infinity`, trailing commas, comments, a byte-order mark, and anything after the
    /// value. Numbers are kept exactly (``JSONNumber``). Parsing is iterative and bounded
    /// by `limits`, so no input can exhaust the stack.
    ///
    /// - Parameters:
    ///   - bytes: The UTF-8 document.
    ///   - limits: Depth and size bounds; the defaults suit tokens and messages.
    /// - Returns: The value.
    /// - Throws: ``JSONError`` with the code and byte offset of the first problem.
    /// - Important: RFC 7515 §5.2 requires JOSE headers with duplicate names to be
    ///   rejected; this reader rejects them in every object, at every depth.
    public static func parse(
        _ bytes: UnsafeRawBufferPointer,
        limits: JSONLimits = JSONLimits()
    ) throws(JSONError) -> JSONValue {
        var parser = JSONParser(bytes, limits: limits)
        return try parser.parseDocument()
    }

    /// Parses one JSON document strictly (RFC 8259) from its UTF-8 bytes.
    ///
    /// Contiguous collections (`[UInt8]`, `ArraySlice<UInt8>`, buffer pointers) are read in
    /// place; others are copied once.
    ///
    /// - Parameters:
    ///   - bytes: The UTF-8 document.
    ///   - limits: Depth and size bounds.
    /// - Returns: The value.
    /// - Throws: ``JSONError`` with the code and byte offset of the first problem.
    @inlinable
    public static func parse<Bytes: Collection>(
        _ bytes: Bytes,
        limits: JSONLimits = JSONLimits()
    ) throws(JSONError) -> JSONValue where Bytes.Element == UInt8 {
        // In bounds: the parser checks every read against the buffer's count.
        let result = bytes.withContiguousStorageIfAvailable { buffer in
            Result { () throws(JSONError) -> JSONValue in
                try parse(UnsafeRawBufferPointer(buffer), limits: limits)
            }
        }
        if let result { return try result.get() }
        let copied = Array(bytes).withUnsafeBytes { buffer in
            Result { () throws(JSONError) -> JSONValue in try parse(buffer, limits: limits) }
        }
        return try copied.get()
    }

    /// Parses one JSON document strictly (RFC 8259) from a string's UTF-8.
    ///
    /// - Parameters:
    ///   - text: The document.
    ///   - limits: Depth and size bounds.
    /// - Returns: The value.
    /// - Throws: ``JSONError`` with the code and byte offset (in UTF-8) of the first problem.
    @inlinable
    public static func parse(_ text: String, limits: JSONLimits = JSONLimits()) throws(JSONError) -> JSONValue {
        try parse(text.utf8, limits: limits)
    }
}
