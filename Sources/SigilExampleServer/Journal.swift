import SigilJSON
import SigilSHA2

/// The journal's record framing: `length (4 bytes, big-endian) ‖ payload ‖ SHA-256(length ‖ payload)`.
///
/// The payload is one JSON object, `{"seq":N,"ops":[…]}`: the operations of one
/// acknowledged change. A record is appended and `fsync`ed before the change is
/// acknowledged, so a crash can only leave a *torn last record* (a prefix of one, or a
/// tail of zeros where the file system extended the file but never wrote it). Reading
/// detects it by its length and checksum and drops it: that change was never acknowledged.
enum Journal {
    /// The largest payload of one record (one change: at most a post and a few entries).
    static let maximumPayloadBytes = 1 << 20
    static let checksumBytes = 32

    /// Frames one change.
    static func record(sequence: Int64, operations: [StoreOperation]) -> [UInt8] {
        let payload: JSONValue = [
            "seq": .number(JSONNumber(sequence)),
            "ops": .array(operations.map(\.stored)),
        ]
        let body = payload.serializedBytes()
        let length = UInt32(truncatingIfNeeded: body.count)
        var bytes: [UInt8] = [
            UInt8(truncatingIfNeeded: length >> 24), UInt8(truncatingIfNeeded: length >> 16),
            UInt8(truncatingIfNeeded: length >> 8), UInt8(truncatingIfNeeded: length),
        ]
        bytes.append(contentsOf: body)
        bytes.append(contentsOf: SHA256.hash(data: bytes))
        return bytes
    }

    /// One change read back.
    struct Entry: Sendable {
        var sequence: Int64
        var operations: [StoreOperation]
    }

    /// What a read of the journal found.
    struct Contents: Sendable {
        /// The intact records, in order.
        var entries: [Entry] = []
        /// The bytes that the intact records take (where the next record goes).
        var validByteCount = 0
        /// The size of a torn last record that was dropped, or 0.
        var droppedByteCount = 0
    }

    /// Reads a journal's bytes.
    ///
    /// - Throws: ``DataFileError`` when a damaged record is followed by more data (that is
    ///   not a torn write but corruption), or an intact record does not decode.
    static func read(_ bytes: [UInt8], path: String) throws(DataFileError) -> Contents {
        var contents = Contents()
        var offset = 0
        let reader = StoredDocument(path: path)
        while offset < bytes.count {
            let remaining = bytes.count - offset
            guard remaining >= 4 else { return try torn(bytes, at: offset, contents, path: path) }
            let length =
                Int(bytes[offset]) << 24 | Int(bytes[offset + 1]) << 16 | Int(bytes[offset + 2]) << 8
                | Int(bytes[offset + 3])
            let end = offset + 4 + length + checksumBytes
            guard length > 0, length <= maximumPayloadBytes, end <= bytes.count else {
                return try torn(bytes, at: offset, contents, path: path)
            }
            let checksum = SHA256.hash(data: bytes[offset..<(offset + 4 + length)])
            guard checksum.elementsEqual(bytes[(offset + 4 + length)..<end]) else {
                return try torn(bytes, at: offset, contents, path: path)
            }
            let field = "journal record at byte \(offset)"
            let payload = try reader.object(
                reader.parse(Array(bytes[(offset + 4)..<(offset + 4 + length)])), field)
            let sequence = try reader.integer(payload["seq"], "\(field).seq")
            var operations: [StoreOperation] = []
            for (index, value) in try reader.array(payload["ops"], "\(field).ops").enumerated() {
                operations.append(try StoreOperation.decode(value, field: "\(field).ops[\(index)]", reader: reader))
            }
            contents.entries.append(Entry(sequence: sequence, operations: operations))
            offset = end
            contents.validByteCount = end
        }
        return contents
    }

    /// A damaged record at `offset`: a torn last record when it reaches the end of the file
    /// (or all that follows is zeros), else corruption.
    private static func torn(
        _ bytes: [UInt8], at offset: Int, _ contents: Contents, path: String
    ) throws(DataFileError) -> Contents {
        var result = contents
        let remaining = bytes.count - offset
        var reachesEnd = remaining < 4 || bytes[offset...].allSatisfy { $0 == 0 }
        if !reachesEnd {
            let length =
                Int(bytes[offset]) << 24 | Int(bytes[offset + 1]) << 16 | Int(bytes[offset + 2]) << 8
                | Int(bytes[offset + 3])
            reachesEnd =
                length > 0 && length <= maximumPayloadBytes && offset + 4 + length + checksumBytes >= bytes.count
        }
        guard reachesEnd else {
            throw DataFileError(
                path,
                "journal record at byte \(offset) is damaged and more data follows it (not a torn last "
                    + "write); the files were left as they are")
        }
        result.droppedByteCount = remaining
        return result
    }
}
