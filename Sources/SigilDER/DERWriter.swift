/// Writes the DER elements that public-key documents need (ITU-T X.690 §8, §10): definite
/// minimal lengths and minimal non-negative INTEGERs.
package enum DERWriter {
    /// An element: `tag`, the minimal definite length of `contents`, then `contents`.
    package static func element(_ tag: UInt8, _ contents: [UInt8]) -> [UInt8] {
        var encoded: [UInt8] = [tag]
        let length = contents.count
        if length < 0x80 {
            encoded.append(UInt8(length))
        } else {
            var lengthBytes: [UInt8] = []
            var remaining = length
            while remaining > 0 {
                lengthBytes.insert(UInt8(truncatingIfNeeded: remaining), at: 0)
                remaining >>= 8
            }
            encoded.append(0x80 | UInt8(lengthBytes.count))
            encoded += lengthBytes
        }
        return encoded + contents
    }

    /// A non-negative INTEGER from a big-endian magnitude (leading zeros are dropped, and a
    /// zero byte is put back where the top bit would otherwise read as a sign).
    package static func unsignedInteger(_ magnitude: [UInt8]) -> [UInt8] {
        var contents = Array(magnitude.drop { $0 == 0 })
        if contents.isEmpty || contents[0] & 0x80 != 0 { contents.insert(0, at: 0) }
        return element(DERReader.Tag.integer, contents)
    }

    /// A SEQUENCE whose contents are `parts`, in order.
    package static func sequence(_ parts: [UInt8]...) -> [UInt8] {
        var contents: [UInt8] = []
        for part in parts { contents += part }
        return element(DERReader.Tag.sequence, contents)
    }
}
