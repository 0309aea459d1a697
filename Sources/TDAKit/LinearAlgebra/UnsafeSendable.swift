/// Lets parallel workers share a pointer or buffer when each element is written by exactly one
/// worker (the caller's promise; the compiler cannot check it).
struct UnsafeSendable<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
