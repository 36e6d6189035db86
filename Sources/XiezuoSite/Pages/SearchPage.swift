import Foundation
import XiezuoCore

/// search/index.html: the search box over every page, drawn by Pagefind's script from the
/// index in pagefind/. Opened from disk (file://) the browser cannot read the index, and the
/// page says to open the site through its web server; every other page works either way.
struct SearchPage: Codable {
    let chrome: Chrome
    let t: TemplateStrings
    /// The site's root and the index, relative to this page.
    let root: String
    let bundle: String

    static func make(_ frame: SiteFrame) -> PageSpec? {
        guard frame.search else { return nil }
        let p = Presenter(site: frame, path: Routes.search)
        let page = SearchPage(chrome: p.chrome(title: p.s["search.title"], crumbs: [(p.s["search.title"], nil)], sample: false),
                              t: p.t, root: Routes.search.root, bundle: Routes.search.root + SearchIndex.folder + "/")
        return PageSpec(path: Routes.search, template: .search, context: page)
    }
}
