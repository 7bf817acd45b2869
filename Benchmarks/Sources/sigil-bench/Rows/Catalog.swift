/// A named set of rows built together (they share inputs and keys).
struct RowGroup: Sendable {
    var name: String
    var makeRows: @Sendable () async throws -> [Row]
}

/// Every row of the table, in order. A new group is one line here; a new row is one `Row(...)`
/// in its group's file under `Rows/`. Issues 2 (SHA-2, HMAC), 3 and 7 (RSA), 4 and 7 (JWT)
/// and 5 (RBAC) are all here. Issue 6's MCP throughput is measured by `sigil-demo --bench`.
enum Catalog {
    static let groups: [RowGroup] = [
        RowGroup(name: "SHA-2", makeRows: HashRows.make),
        RowGroup(name: "HMAC", makeRows: HMACRows.make),
        RowGroup(name: "RSA", makeRows: RSARows.make),
        RowGroup(name: "JWT", makeRows: JWTRows.make),
        RowGroup(name: "RBAC", makeRows: RBACRows.make),
    ]
}
