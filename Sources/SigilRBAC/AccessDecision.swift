/// The answer to an access question: allowed, or denied with the reason.
///
/// The denial carries the inputs of the question (user id, required permission or roles,
/// owner); its human-readable ``PermissionDeniedError/reason`` is built only when asked for,
/// so a decision costs no string building either way.
public enum AccessDecision: Hashable, Sendable {
    /// Access is granted.
    case allowed
    /// Access is refused; the payload is the error that ``Policy/require(_:_:owner:)`` throws.
    case denied(PermissionDeniedError)

    /// Whether access is granted.
    @inlinable public var isAllowed: Bool {
        if case .allowed = self { return true }
        return false
    }

    /// The denial, or `nil` when access is granted.
    public var denial: PermissionDeniedError? {
        if case .denied(let error) = self { return error }
        return nil
    }
}
