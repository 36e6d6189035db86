"""The recipes of docs/deploy.md, run for real against a temporary folder (see scripts/deploy-check)."""
import hashlib
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time

import yaml

BINARY = os.path.abspath(sys.argv[1])
REPO = os.getcwd()
results = []


def report(name, ok, detail):
    results.append(ok)
    print(f"{'PASS' if ok else 'FAIL'}  {name}: {detail}", flush=True)


def recipe(name):
    """The fenced block after `<!-- deploy-check: name -->` in docs/deploy.md."""
    text = open(os.path.join(REPO, "docs", "deploy.md"), encoding="utf-8").read()
    match = re.search(r"<!-- deploy-check: " + name + r" -->\n```[a-z]*\n(.*?)\n```", text, re.S)
    if not match:
        raise SystemExit(f"deploy-check: docs/deploy.md has no '{name}' recipe")
    return match.group(1)


def snapshot(folder):
    digests = {}
    for base, _, files in os.walk(folder):
        for name in files:
            path = os.path.join(base, name)
            digests[os.path.relpath(path, folder)] = hashlib.sha256(open(path, "rb").read()).hexdigest()
    return digests


def run_steps(commands, repo, target, log):
    """Each command as the CI runner runs it (bash, in the clone); `swift build` is the binary
    already built. Returns (every command succeeded, their output)."""
    env = dict(os.environ, DEPLOY_TARGET=target)
    output = []
    for command in commands:
        if command.startswith("swift build"):
            output.append(f"$ {command}  (the xiezuo built for the tests stands in)")
            continue
        run = subprocess.run(["bash", "-eo", "pipefail", "-c", command], cwd=repo, env=env,
                             capture_output=True, text=True)
        output.append(f"$ {command}\n{run.stdout}{run.stderr}")
        if run.returncode != 0:
            log.write("\n".join(output))
            return False, "\n".join(output)
    log.write("\n".join(output))
    return True, "\n".join(output)


def published_ok(target):
    files = snapshot(target)
    return "index.html" in files and not any(os.path.basename(p).startswith(".xiezuo-") for p in files), len(files)


root = tempfile.mkdtemp(prefix="xiezuo-deploy-")
try:
    repo = os.path.join(root, "repo")
    subprocess.run(["rsync", "-a", "--exclude=.build", "--exclude=public", "--exclude=.xiezuo-cache", "--exclude=.git",
                    REPO + "/", repo + "/"], check=True)
    os.makedirs(os.path.join(repo, ".build", "release"))
    shutil.copy2(BINARY, os.path.join(repo, ".build", "release", "xiezuo"))
    target = os.path.join(root, "srv", "reports") + "/"
    os.makedirs(target)
    log = open(os.path.join(root, "steps.log"), "w")

    # 1. GitLab CI: the job's script, on a first build.
    gitlab = yaml.safe_load(recipe("gitlab"))["site"]
    ok, out = run_steps(gitlab["script"], repo, target, log)
    good, count = published_ok(target)
    report("gitlab-ci", ok and good and "组中重新生成" in out,
           f"{len(gitlab['script'])} commands; {count} files published, none of xiezuo's own; "
           f"cached: {', '.join(gitlab['cache']['paths'])}")

    # 2. Actions: the workflow's run steps, on the same clone with public/ and the cache kept.
    workflow = yaml.safe_load(recipe("actions"))
    steps = [step["run"] for step in workflow["jobs"]["site"]["steps"] if "run" in step]
    cached = workflow["jobs"]["site"]["steps"][1]["with"]["path"].split()
    ok, out = run_steps(steps, repo, target, log)
    # The summary line as the documented job prints it (Chinese by default): "…；G 组中重新生成 R 组".
    built = re.search(r"已生成.*；\d+ 组中重新生成 (\d+) 组", out)
    good, count = published_ok(target)
    report("actions", ok and good and built is not None and built.group(1) == "0",
           f"{len(steps)} run steps; rebuilt with the cache kept: {built.group(0) if built else 'no build line'}; "
           f"cached: {', '.join(cached)}")

    # 3. A record broken: check fails, nothing is built or published, the site stays.
    before = snapshot(target)
    progress = os.path.join(repo, "content", "plans")
    record = sorted(os.path.join(base, name) for base, _, names in os.walk(progress) for name in names
                    if "/progress/" in os.path.join(base, name) and name.endswith(".md"))[0]
    text = open(record, encoding="utf-8").read()
    open(record, "w", encoding="utf-8").write(re.sub(r"date: '?\d{4}-\d{2}-\d{2}'?", "date: 2022-13-40", text, count=1))
    ok, out = run_steps(gitlab["script"], repo, target, log)
    stopped_at_check = "xiezuo check" in out.strip().split("$ ")[-1]
    report("failed-build", not ok and stopped_at_check and snapshot(target) == before,
           f"the job stopped at 'xiezuo check' ({'yes' if stopped_at_check else 'NO'}); published site "
           f"{'unchanged' if snapshot(target) == before else 'CHANGED'}")

    # 4. nginx: the server block on a loopback port, serving the published folder.
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    block = recipe("nginx").replace("listen 80;", f"listen 127.0.0.1:{port};").replace("root /srv;", f"root {root}/srv;")
    conf_dir = os.path.join(root, "nginx")
    os.makedirs(os.path.join(conf_dir, "tmp"))
    conf = os.path.join(conf_dir, "nginx.conf")
    temp = os.path.join(conf_dir, "tmp")
    open(conf, "w").write(
        f"user root;\ndaemon off;\npid {conf_dir}/nginx.pid;\nerror_log {conf_dir}/error.log;\nevents {{}}\n"
        f"http {{\n include /etc/nginx/mime.types;\n default_type application/octet-stream;\n access_log off;\n"
        f" client_body_temp_path {temp}/body;\n proxy_temp_path {temp}/proxy;\n fastcgi_temp_path {temp}/fastcgi;\n"
        f" uwsgi_temp_path {temp}/uwsgi;\n scgi_temp_path {temp}/scgi;\n{block}\n}}\n")
    open(os.path.join(target, ".xiezuo-site"), "w").write("private\n")
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    syntax = subprocess.run([nginx, "-t", "-c", conf, "-p", conf_dir], capture_output=True, text=True)
    server = subprocess.Popen([nginx, "-c", conf, "-p", conf_dir], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.05)

        def ask(path, gzip=True):
            headers = subprocess.run(["curl", "-s", "-o", "/dev/null", "-D", "-", "--compressed" if gzip else "-s",
                                      f"http://127.0.0.1:{port}{path}"], capture_output=True, text=True).stdout
            lines = headers.replace("\r", "").split("\n")
            status = lines[0].split(" ")[1] if lines and " " in lines[0] else "?"
            fields = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:]) if v}
            return status, fields

        csv = sorted(p for p in snapshot(target) if p.endswith(".csv"))[0]
        workbook = sorted(p for p in snapshot(target) if p.endswith(".xlsx"))[0]
        expectations = [
            ("/", "302", None, None, None),
            ("/reports/", "200", "text/html; charset=utf-8", "gzip", "no-cache"),
            ("/reports/assets/style.css", "200", "text/css; charset=utf-8", "gzip", "public, max-age=3600"),
            ("/reports/" + csv, "200", "text/csv; charset=utf-8", None, "no-cache"),
            ("/reports/" + workbook, "200", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", None, "no-cache"),
            ("/reports/results.json", "200", "application/json; charset=utf-8", "gzip", "no-cache"),
            ("/reports/.xiezuo-site", "403", None, None, None),
        ]
        if os.path.isdir(os.path.join(target, "pagefind")):
            expectations.append(("/reports/pagefind/pagefind.js", "200", "application/javascript; charset=utf-8", None,
                                 "public, max-age=3600"))
        problems = []
        for path, status, kind, encoding, cache in expectations:
            got, fields = ask(path)
            if got != status:
                problems.append(f"{path}: status {got}, expected {status}")
                continue
            if kind and fields.get("content-type") != kind:
                problems.append(f"{path}: type {fields.get('content-type')}, expected {kind}")
            if encoding and fields.get("content-encoding") != encoding:
                problems.append(f"{path}: not compressed")
            if cache and fields.get("cache-control") != cache:
                problems.append(f"{path}: cache {fields.get('cache-control')}, expected {cache}")
        for line in problems:
            print("   " + line)
        report("nginx", syntax.returncode == 0 and not problems,
               f"nginx -t {'ok' if syntax.returncode == 0 else 'FAILED: ' + syntax.stderr.strip()}; "
               f"{len(expectations)} requests checked for status, type, compression and caching, {len(problems)} wrong")
    finally:
        server.terminate()
        server.wait(timeout=10)
finally:
    shutil.rmtree(root, ignore_errors=True)

passed = sum(results)
print(f"{passed} passed, {len(results) - passed} failed")
sys.exit(0 if all(results) else 1)
