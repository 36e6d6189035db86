/// Turns a page's view model into nested dictionaries once, before rendering.
///
/// swift-mustache looks names up by reflection, and a name not on the current object climbs
/// the context stack, reflecting every object on the way: most of a page's render time went
/// there. Dictionaries are looked up directly, and each object is reflected once here.
/// A nil optional becomes an absent key, which templates treat as "not there".
enum TemplateData {
    static func convert(_ value: Any) -> Any? {
        switch value {
        case let text as String: return text
        case let flag as Bool: return flag
        case let number as Int: return number
        case let strings as [String]: return strings
        case let table as [String: String]: return table
        case let list as [Any]: return list.compactMap(convert)
        default: break
        }
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional {
            return mirror.children.first.flatMap { convert($0.value) }
        }
        var fields: [String: Any] = [:]
        fields.reserveCapacity(mirror.children.count)
        for child in mirror.children {
            guard let label = child.label, let converted = convert(child.value) else { continue }
            fields[label] = converted
        }
        return fields
    }
}
