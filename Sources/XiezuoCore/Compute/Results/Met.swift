import Foundation

/// Whether a target is met: unknown when it cannot be said (不低于上年 without last year).
public enum Met: String, Sendable {
    case yes, no, unknown
}
