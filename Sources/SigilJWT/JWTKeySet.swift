/// The keys a verifier trusts, looked up by the token's `kid` header.
///
/// Key selection never falls back:
/// - A token with a `kid` uses the key with that ID that accepts the token's `alg` (a
///   pinned key only its own algorithm; an unpinned key any algorithm of its family in the
///   verifier's allow-list). If no key has that ID the token is rejected with
///   `.unknownKeyID`; if keys have that ID but none accepts the algorithm, with
///   `.algorithmNotAllowed`.
/// - A token without a `kid` is accepted only when the set holds exactly one key, which is
///   then used whatever its own ID. With several keys it is rejected with `.unknownKeyID`:
///   trying each key in turn would let the token choose.
///
/// Rotation: publish the new key alongside the old one (both with IDs), sign with the new
/// one, and drop the old one once its tokens have expired; tokens naming a dropped `kid`
/// are then rejected. A verifier that meets an `.unknownKeyID` may fetch the issuer's JWK
/// Set again (rate-limited) and retry with the new set.
public struct JWTKeySet: Sendable {
    /// The keys, in the order given.
    public private(set) var keys: [JWTKey]
    /// The JWK Set entries that were not usable and were left out, with the reason for
    /// each (empty unless the set was read from a JWK Set).
    public private(set) var skippedEntries: [SkippedEntry] = []

    /// A JWK Set entry left out of a key set, and why.
    public struct SkippedEntry: Sendable, CustomStringConvertible {
        /// The entry's position in the JWK Set's `keys` array.
        public let index: Int
        /// The entry's `kid`, if it has a string one.
        public let keyID: String?
        /// Why the entry was left out.
        public let error: JWTError

        /// `keys[index] (kid …): reason`, naming the entry and why it was left out.
        public var description: String {
            "keys[\(index)]" + (keyID.map { " (kid \($0))" } ?? "") + ": \(error.reason)"
        }
    }

    /// A set of keys.
    ///
    /// - Parameter keys: The trusted keys. Give each an ID when there are several.
    public init(_ keys: [JWTKey]) { self.keys = keys }

    init(_ keys: [JWTKey], skippedEntries: [SkippedEntry]) {
        self.keys = keys
        self.skippedEntries = skippedEntries
    }

    /// A set of one key.
    ///
    /// - Parameter key: The trusted key.
    public init(_ key: JWTKey) { self.keys = [key] }

    /// The number of keys.
    public var count: Int { keys.count }

    /// Adds a key (for rotation).
    ///
    /// - Parameter key: The key to trust from now on.
    public mutating func add(_ key: JWTKey) { keys.append(key) }

    /// Removes every key with the ID `keyID` (for rotation).
    ///
    /// - Parameter keyID: The ID of the keys to stop trusting.
    public mutating func removeKeys(withID keyID: String) {
        keys.removeAll { $0.keyID.map { $0.utf8.elementsEqual(keyID.utf8) } ?? false }
    }

    /// The first key with the ID `keyID`, or `nil`.
    ///
    /// IDs compare byte for byte.
    ///
    /// - Parameter keyID: A key ID.
    /// - Returns: The key, or `nil`.
    public func key(withID keyID: String) -> JWTKey? {
        keys.first { $0.keyID.map { $0.utf8.elementsEqual(keyID.utf8) } ?? false }
    }

    /// The key for a token with this header `kid` and `alg`, by the rules above.
    func select(keyID: String?, algorithm: JWTAlgorithm, allowed: Set<JWTAlgorithm>?) throws(JWTError) -> JWTKey {
        guard let keyID else {
            guard keys.count == 1 else {
                throw JWTError(
                    .unknownKeyID,
                    keys.isEmpty ? "the key set is empty" : "the token has no kid and the key set holds several keys")
            }
            let key = keys[0]
            guard key.accepts(algorithm, allowed: allowed) else {
                throw JWTError(.algorithmNotAllowed, "the token's alg is not the key's algorithm (\(key.algorithm))")
            }
            return key
        }
        var found = false
        for key in keys where key.keyID.map({ $0.utf8.elementsEqual(keyID.utf8) }) ?? false {
            if key.accepts(algorithm, allowed: allowed) { return key }
            found = true
        }
        if found {
            throw JWTError(.algorithmNotAllowed, "the token's alg is not an algorithm of the key its kid names")
        }
        throw JWTError(.unknownKeyID, "no key has the token's kid")
    }
}
