/// A named set of rows built together (they share inputs and keys).
struct RowGroup: Sendable {
    var name: String
    var makeRows: @Sendable () async throws -> [Row]
}

/// Every row of the table, in order.
///
/// A new group is one line here; a new row is one `Row(...)` in its group's file under `Rows/`. MCP request throughput
/// is measured by `sigil-demo --bench` instead.
enum Catalog {
    static let groups: [RowGroup] = [
        RowGroup(name: "SHA-2", makeRows: HashRows.make),
        RowGroup(name: "HMAC", makeRows: HMACRows.make),
        RowGroup(name: "RSA", makeRows: RSARows.make),
        RowGroup(name: "RSA-PSS", makeRows: RSAPSSRows.make),
        RowGroup(name: "ECDSA", makeRows: ECDSARows.make),
        RowGroup(name: "Ed25519", makeRows: Ed25519Rows.make),
        RowGroup(name: "JWT", makeRows: JWTRows.make),
        RowGroup(name: "JWT ES256/EdDSA", makeRows: JWTSignatureRows.make),
        RowGroup(name: "RBAC", makeRows: RBACRows.make),
    ]
}
