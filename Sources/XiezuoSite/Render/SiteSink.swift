import Foundation

/// Where rendered files go as soon as each is ready: the disk (SiteWriter) or memory (BuiltSite).
/// Called from every core at once.
public protocol SiteSink: Sendable {
    func put(_ path: SitePath, _ data: Data)
    /// A file too large to hold in memory at once (results.json holds every plan): `produce`
    /// hands its bytes over part by part, in order.
    func put(_ path: SitePath, parts produce: (_ part: (Data) -> Void) -> Void)
}

extension SiteSink {
    /// Sinks that keep files in memory anyway gather the parts.
    public func put(_ path: SitePath, parts produce: (_ part: (Data) -> Void) -> Void) {
        var data = Data()
        produce { data.append($0) }
        put(path, data)
    }
}
