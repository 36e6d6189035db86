import ArgumentParser
import Foundation
import XiezuoCore

/// What the command line says, in this run's language: `--language` wherever it stands on the
/// command line, else the environment's locale (Language.fromEnvironment), else Chinese. It is
/// read from the arguments before they are parsed, because the help texts are made as the
/// commands are, before any option has a value.
enum Say {
    static let language: Language = {
        let arguments = CommandLine.arguments
        for (index, argument) in arguments.enumerated() {
            if argument.hasPrefix("--language="), let language = Language(named: String(argument.dropFirst("--language=".count))) {
                return language
            }
            if argument == "--language", index + 1 < arguments.count, let language = Language(named: arguments[index + 1]) {
                return language
            }
        }
        return Language.fromEnvironment()
    }()

    static func text(_ key: MessageKey, _ arguments: [String: Message.Argument] = [:]) -> String {
        Message(key, arguments).text(in: language)
    }

    static func text(_ message: Message) -> String { message.text(in: language) }

    /// An error's own words: a catalogue message when it has one.
    static func text(_ error: Error) -> String {
        (error as? MessageError).map { text($0.message) } ?? "\(error)"
    }

    static func help(_ key: MessageKey, _ arguments: [String: Message.Argument] = [:]) -> ArgumentHelp {
        ArgumentHelp(text(key, arguments))
    }

    /// A mistake in how the command was called: argument-parser prints it with the usage.
    static func misuse(_ key: MessageKey, _ arguments: [String: Message.Argument] = [:]) -> ValidationError {
        ValidationError(text(key, arguments))
    }

    static func misuse(_ message: Message) -> ValidationError { ValidationError(text(message)) }

    /// A line on standard error.
    static func note(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
