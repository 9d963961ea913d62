/// Exact half-up rounding of a fraction of integers.
///
/// `floor(numerator / denominator + 0.5)` computed as `floor((2·numerator + denominator) / (2·denominator))`
/// with floor division, so no floating-point step can turn 2.5 into 2.4999….
/// Source: youthinmind, "Scoring the SDQ for age 4–17" (2016): scale = `floor(5·S/k + 0.5)`;
/// the exact integer form `(10·S + k) div (2·k)` is the same expression for n = 5.
/// - Precondition: `denominator > 0`.
@inline(__always) package func roundHalfUp(numerator: Int, denominator: Int) -> Int {
    precondition(denominator > 0, "denominator must be positive")
    return floorDivide(2 * numerator + denominator, 2 * denominator)
}

/// Integer division rounding towards minus infinity.
@inline(__always) package func floorDivide(_ a: Int, _ b: Int) -> Int {
    let quotient = a / b
    return (a % b != 0 && (a < 0) != (b < 0)) ? quotient - 1 : quotient
}
