import Foundation

/// Splits an amount among `count` owners so that the shares add up to the amount exactly:
/// each gets the amount ÷ count cut to 6 decimal places, and the first also gets what the
/// cutting left over. (Decimal division of 100 by 3 would lose the last 0.000…1.)
enum ExactShare {
    static func split(_ amount: Decimal, among count: Int) -> [Decimal] {
        guard count > 1 else { return count == 1 ? [amount] : [] }
        let share = amount.dividedExactly(by: Decimal(count)).rounded(scale: 6, mode: amount >= 0 ? .down : .up)
        let first = amount.subtractingExactly(share.multipliedExactly(by: Decimal(count - 1)))
        return [first] + Array(repeating: share, count: count - 1)
    }
}
