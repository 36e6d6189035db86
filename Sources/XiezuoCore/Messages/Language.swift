import Foundation

/// The language of what xiezuo says: 简体中文 first, English on request.
public enum Language: String, Sendable, CaseIterable, Codable {
    case chinese = "zh-CN"
    case english = "en"

    /// The names `--language` takes: zh-CN (also zh, zh-Hans) or en.
    public init?(named name: String) {
        switch name.lowercased() {
        case "zh-cn", "zh", "zh-hans", "zh_cn": self = .chinese
        case "en", "en-us", "en-gb", "en_us": self = .english
        default: return nil
        }
    }

    /// The language the environment asks for: LC_ALL, then LC_MESSAGES, then LANG, as POSIX
    /// orders them. Only an English locale (en_US.UTF-8 …) gives English: an unset or "C"
    /// locale, the usual state of a CI machine, keeps the default, Chinese.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> Language {
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[name], !value.isEmpty else { continue }
            return value.lowercased().hasPrefix("en") ? .english : .chinese
        }
        return .chinese
    }
}
