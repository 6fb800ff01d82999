"""Load and faults against gunicorn + PostgreSQL on loopback, bounded in count and time.

    make bench-faults          # FAULT_CLIENTS=100 LOAD_SECONDS=60 OUTAGE_SECONDS=10 by default

1. Load: FAULT_CLIENTS concurrent clients for LOAD_SECONDS against the public pages (home,
   list, a project, search); every answer must be 200.
2. Outage: a few clients keep reading while PostgreSQL is stopped for OUTAGE_SECONDS. While it
   is down, every answer must be a 503 with the Chinese notice (no 500, no dropped
   connection), except in its first REMEMBERED_SECONDS, when a worker that still trusts the
   version it last read may answer the page stored under it (200). After it is back, pages
   must answer 200 again by themselves within RECOVERY_SECONDS. A staff save sent during the
   outage must be refused and leave the draft as it was. Published data must be identical
   before and after.
3. Redis down: the shared cache (a throwaway redis-server, as in production) is stopped for
   OUTAGE_SECONDS while a few clients keep reading, then hung (SIGSTOP) as long. Every answer
   must still be 200: portal/cache.py takes a Redis that refuses or does not answer as a miss,
   and the workers answer from their own copies (portal/nearcache.py) or from PostgreSQL. Once
   it is back, a page no worker has stored yet must be stored in it again.

Runs under scripts/with-postgres.sh, which says where the throwaway server lives
(PORTAL_PG_*); prints its figures and exits non-zero when a condition fails.
"""

from __future__ import annotations

import http.client
import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections import Counter
from contextlib import ExitStack
from pathlib import Path

import redis as redis_client

from tests import throwaway
from tests.throwaway import free_port

REPO = Path(__file__).resolve().parent.parent
CLIENTS = int(os.environ.get("FAULT_CLIENTS", "100"))
LOAD_SECONDS = float(os.environ.get("LOAD_SECONDS", "60"))
OUTAGE_SECONDS = float(os.environ.get("OUTAGE_SECONDS", "10"))
RECOVERY_SECONDS = float(os.environ.get("RECOVERY_SECONDS", "10"))
# PUBLIC_VERSION_LOCAL_TTL + PUBLIC_VERSION_TTL (portal/settings/base.py), and a margin.
REMEMBERED_SECONDS = 3.5
NOTICE = "服务暂时不可用"
PY = str(REPO / ".venv" / "bin" / "python")


def manage(*args: str, env: dict) -> str:
    result = subprocess.run(
        [PY, "manage.py", *args], cwd=REPO, env=env, capture_output=True, text=True, check=True
    )
    return result.stdout.strip()


def pg_ctl(action: str) -> None:
    command = [f"{os.environ['PORTAL_PG_BIN']}/pg_ctl", "-D", os.environ["PORTAL_PG_DATA"]]
    if action == "stop":
        command += ["-m", "fast", "-w", "stop"]
    else:
        command += ["-l", os.environ["PORTAL_PG_LOG"], "-w", "-o", os.environ["PORTAL_PG_OPTIONS"]]
        command += ["start"]
    if os.environ.get("PORTAL_PG_OWNER"):
        command = ["runuser", "-u", os.environ["PORTAL_PG_OWNER"], "--", *command]
    subprocess.run(command, check=True, capture_output=True)


class Site:
    def __init__(self, port: int):
        self.port = port

    def get(self, path: str, headers: dict | None = None) -> tuple[int, str, dict]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            connection.request("GET", path, headers=headers or {})
            response = connection.getresponse()
            body = response.read().decode("utf-8", "replace")
            return response.status, body, dict(response.getheaders())
        finally:
            connection.close()

    def post(self, path: str, fields: dict, headers: dict) -> int:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            body = urllib.parse.urlencode(fields, doseq=True)
            connection.request(
                "POST",
                path,
                body=body,
                headers={**headers, "Content-Type": "application/x-www-form-urlencoded"},
            )
            response = connection.getresponse()
            response.read()
            return response.status
        finally:
            connection.close()


def hammer(site: Site, paths: list[str], seconds: float, clients: int, log: list) -> None:
    """``clients`` threads GET the paths in turn for ``seconds``; (time, status, latency) go
    to ``log`` (status 0: the connection failed)."""
    stop = time.monotonic() + seconds
    lock = threading.Lock()

    def run(offset: int):
        index = offset
        while time.monotonic() < stop:
            path = paths[index % len(paths)]
            index += 1
            started = time.monotonic()
            try:
                status, body, _ = site.get(path)
            except OSError:
                status, body = 0, ""
            if status == 503 and NOTICE not in body:
                status = -503  # a 503 without the Chinese notice
            with lock:
                log.append((started, status, time.monotonic() - started))

    threads = [threading.Thread(target=run, args=(i,)) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def published_digest(env: dict) -> str:
    script = (
        "from projects.models import Project;"
        "import hashlib;"
        "rows = Project.objects.published(include_superseded=True)"
        ".order_by('pk').values_list('pk','name','declared_total','status','revision');"
        "print(hashlib.sha256(repr(list(rows)).encode()).hexdigest())"
    )
    return manage("shell", "-c", script, env=env)


def main() -> int:
    if not os.environ.get("PORTAL_PG_DATA"):
        print("Run through scripts/with-postgres.sh (make bench-faults).")
        return 2
    port = free_port()
    shared = SharedCache(Path(tempfile.mkdtemp(prefix="bench-redis-")))
    shared.start()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.prod",
        "SECRET_KEY": "bench-only-" + "k" * 40,
        "ALLOWED_HOSTS": "127.0.0.1",
        "HTTPS": "0",
        "PORTAL_VAR_DIR": str(REPO / "var" / "bench-faults"),
        "RENDER_PDFS_ON_PUBLISH": "0",
        "LOG_LEVEL": "ERROR",
        "PORT": str(port),
        "GUNICORN_WORKERS": os.environ.get("GUNICORN_WORKERS", "4"),
        "REDIS_URL": shared.url,
    }
    manage("migrate", "--noinput", "-v", "0", env=env)
    manage("collectstatic", "--noinput", "-v", "0", env=env)
    manage("load_disclosure", "--publish", "fixtures/seed/chengjiang-zzb-2024.json", env=env)
    # A staff member with a draft correction open, for the save cut by the outage.
    draft_pk = manage(
        "shell",
        "-c",
        "from django.contrib.auth import get_user_model;"
        "from projects.models import Project; from projects import workflow;"
        "u = get_user_model().objects.create_superuser('bench', password='bench-Password-1');"
        "p = Project.objects.published().order_by('sequence').first();"
        "print(workflow.create_correction(p, u).pk)",
        env=env,
    ).splitlines()[-1]
    lineage = manage(
        "shell",
        "-c",
        "from projects.models import Project;"
        "print(Project.objects.published().order_by('sequence').first().lineage)",
        env=env,
    ).splitlines()[-1]
    server = subprocess.Popen(
        [str(REPO / ".venv" / "bin" / "gunicorn"), "-c", "portal/gunicorn.conf.py", "portal.wsgi"],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    site = Site(port)
    failures = []
    try:
        for _ in range(100):
            try:
                if site.get("/healthz")[0] == 200:
                    break
            except OSError:
                pass
            time.sleep(0.2)
        paths = ["/", "/projects/", f"/projects/{lineage}/", "/search/?q=%E6%85%B0%E9%97%AE"]
        before = published_digest(env)

        # 1. Load.
        log: list = []
        started = time.monotonic()
        hammer(site, paths, LOAD_SECONDS, CLIENTS, log)
        elapsed = time.monotonic() - started
        statuses = Counter(status for _, status, _ in log)
        latencies = sorted(latency for _, _, latency in log)
        p95 = latencies[int(len(latencies) * 0.95)] * 1000
        print(
            f"load: {CLIENTS} clients × {LOAD_SECONDS:.0f} s: {len(log)} requests, "
            f"{len(log) / elapsed:.1f}/s, p50 {statistics.median(latencies) * 1000:.0f} ms, "
            f"p95 {p95:.0f} ms, statuses {dict(statuses)}"
        )
        if set(statuses) != {200}:
            failures.append(f"load: answers other than 200: {dict(statuses)}")

        # 2. Outage. A staff member has the draft's page open before it.
        cookies = staff_session(site)
        change = f"/admin/projects/project/{draft_pk}/change/"
        _, page, _ = site.get(change, headers={"Cookie": cookies})
        form = form_fields(page)
        draft_before = manage(
            "shell",
            "-c",
            f"from projects.models import Project; p = Project.objects.get(pk={draft_pk});"
            "print(p.name, p.declared_total, p.sub_items.count())",
            env=env,
        )
        log = []
        reader = threading.Thread(
            target=hammer, args=(site, paths, OUTAGE_SECONDS + RECOVERY_SECONDS + 10, 4, log)
        )
        reader.start()
        time.sleep(3)
        outage_start = time.monotonic()
        pg_ctl("stop")
        time.sleep(1)
        form["name"] = "停电时保存的名称"
        save_status = site.post(
            change,
            form,
            headers={"Cookie": cookies, "X-CSRFToken": csrf_token(cookies), "Referer": ""},
        )
        time.sleep(max(0.0, OUTAGE_SECONDS - (time.monotonic() - outage_start)))
        pg_ctl("start")
        outage_end = time.monotonic()
        reader.join()
        # For its first seconds a worker still trusts the version it last read (1 s of its
        # own, 2 s in its cache: projects/public_version.py) and may answer a page stored
        # under it, which is still the published page; after that, only the 503 notice.
        remembered = outage_start + REMEMBERED_SECONDS
        early = Counter(s for t, s, _ in log if outage_start < t < remembered)
        during = Counter(s for t, s, _ in log if remembered <= t < outage_end - 0.5)
        after_ok = [t for t, s, _ in log if t > outage_end and s == 200]
        recovered = (min(after_ok) - outage_end) if after_ok else None
        late = Counter(s for t, s, _ in log if recovered is not None and t > outage_end + recovered)
        back = "never" if recovered is None else f"{recovered:.2f} s"
        print(
            f"outage: PostgreSQL stopped {outage_end - outage_start:.1f} s; answers in its "
            f"first {REMEMBERED_SECONDS} s {dict(early)}, then {dict(during)}; "
            f"first 200 after {back}; "
            f"after that {dict(late)}; staff save during the outage: {save_status}"
        )
        if set(during) - {503}:
            failures.append(f"outage: answers other than the 503 notice: {dict(during)}")
        if set(early) - {200, 503}:
            failures.append(f"outage: answers other than 200 or the 503 notice: {dict(early)}")
        if recovered is None or recovered > RECOVERY_SECONDS:
            failures.append(f"outage: no recovery within {RECOVERY_SECONDS} s")
        if set(late) - {200}:
            failures.append(f"outage: errors after recovery: {dict(late)}")
        if save_status != 503:
            failures.append(f"outage: the staff save answered {save_status}, not 503")
        draft_after = manage(
            "shell",
            "-c",
            f"from projects.models import Project; p = Project.objects.get(pk={draft_pk});"
            "print(p.name, p.declared_total, p.sub_items.count())",
            env=env,
        )
        if draft_after != draft_before:
            failures.append(f"outage: the draft changed: {draft_before!r} → {draft_after!r}")
        if published_digest(env) != before:
            failures.append("outage: published data changed")
        else:
            print("published data: identical before and after (SHA-256 of every revision row)")

        # 3. Redis refused (stopped), then hung (SIGSTOP): a fresh page afterwards must be
        # stored in it again.
        for name, fault, repair, fresh in (
            ("stopped", shared.stop, shared.start, "/documents/"),
            ("hung", shared.pause, shared.resume, "/disclosures/"),
        ):
            log = []
            reader = threading.Thread(target=hammer, args=(site, paths, OUTAGE_SECONDS + 8, 4, log))
            reader.start()
            time.sleep(3)
            down_start = time.monotonic()
            fault()
            time.sleep(OUTAGE_SECONDS)
            repair()
            down_end = time.monotonic()
            reader.join()  # 5 s after: every worker has asked Redis again
            kept_before = shared.page_keys()
            fresh_status = site.get(fresh)[0]
            kept_after = shared.page_keys()
            phases = {
                "before": [(s, lat) for t, s, lat in log if t < down_start],
                "during": [(s, lat) for t, s, lat in log if down_start <= t < down_end],
                "after": [(s, lat) for t, s, lat in log if t >= down_end],
            }
            described = "; ".join(
                f"{phase} {dict(Counter(s for s, _ in answers))}, p95 {_p95(answers):.0f} ms, "
                f"max {max((lat for _, lat in answers), default=0) * 1000:.0f} ms"
                for phase, answers in phases.items()
            )
            print(
                f"redis {name} {down_end - down_start:.1f} s: {described}; "
                f"a new page after: {fresh_status}, pages in Redis {kept_before} → {kept_after}"
            )
            if {s for answers in phases.values() for s, _ in answers} | {fresh_status} != {200}:
                failures.append(f"redis {name}: answers other than 200")
            if kept_after <= kept_before:
                failures.append(f"redis {name}: a new page was not stored in Redis afterwards")
    finally:
        server.terminate()
        server.wait(timeout=30)
        shared.stop()
    for failure in failures:
        print("FAIL", failure)
    return 1 if failures else 0


class SharedCache:
    """The throwaway redis-server the app shares, stopped and started again on its port, or
    paused (SIGSTOP: connections are accepted and never answered, as by a hung server)."""

    def __init__(self, directory: Path):
        self.directory, self.port = directory, free_port()
        self.running = ExitStack()
        self.url = ""
        self.pid = 0

    def start(self) -> None:
        self.running = ExitStack()
        self.url = self.running.enter_context(throwaway.redis(self.directory, port=self.port))
        self.pid = redis_client.Redis.from_url(self.url).info("server")["process_id"]

    def stop(self) -> None:
        self.running.close()

    def pause(self) -> None:
        os.kill(self.pid, signal.SIGSTOP)

    def resume(self) -> None:
        os.kill(self.pid, signal.SIGCONT)

    def page_keys(self) -> int:
        """Stored pages (portal/pagecache.py's keys) in Redis."""
        client = redis_client.Redis.from_url(self.url)
        return sum(1 for _ in client.scan_iter(match="*:page:*", count=1000))


def _p95(answers: list[tuple[int, float]]) -> float:
    latencies = sorted(latency for _, latency in answers)
    return latencies[int(len(latencies) * 0.95)] * 1000 if latencies else float("nan")


def staff_session(site: Site) -> str:
    _, page, headers = site.get("/admin/login/")
    csrf = re.search(r"csrftoken=([^;]+)", headers.get("Set-Cookie", "")).group(1)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    connection = http.client.HTTPConnection("127.0.0.1", site.port, timeout=30)
    body = urllib.parse.urlencode(
        {
            "username": "bench",
            "password": "bench-Password-1",
            "csrfmiddlewaretoken": token,
            "next": "/admin/",
        }
    )
    connection.request(
        "POST",
        "/admin/login/",
        body=body,
        headers={
            "Cookie": f"csrftoken={csrf}",
            "Content-Type": "application/x-www-form-urlencoded",
        },
    )
    response = connection.getresponse()
    response.read()
    cookies = [f"csrftoken={csrf}"]
    for name, value in response.getheaders():
        if name.lower() == "set-cookie":
            cookies.append(value.split(";", 1)[0])
    connection.close()
    assert response.status == 302, response.status
    return "; ".join(c for c in cookies if not c.startswith("csrftoken=") or c == cookies[0])


def csrf_token(cookies: str) -> str:
    return re.search(r"csrftoken=([^;]+)", cookies).group(1)


def form_fields(page: str) -> dict:
    """The inputs of an admin change form with their current values (enough to post it)."""
    fields: dict = {}
    for match in re.finditer(r"<input[^>]*>", page):
        tag = match.group(0)
        name = re.search(r'name="([^"]+)"', tag)
        if not name or 'type="submit"' in tag or 'type="checkbox"' in tag:
            continue
        value = re.search(r'value="([^"]*)"', tag)
        fields[name.group(1)] = value.group(1) if value else ""
    for match in re.finditer(r'<textarea[^>]*name="([^"]+)"[^>]*>(.*?)</textarea>', page, re.S):
        fields[match.group(1)] = match.group(2).strip()
    for match in re.finditer(r'<select[^>]*name="([^"]+)"[^>]*>(.*?)</select>', page, re.S):
        selected = re.search(r'<option value="([^"]*)"[^>]*selected', match.group(2))
        fields[match.group(1)] = selected.group(1) if selected else ""
    fields["_save"] = "保存"
    return fields


if __name__ == "__main__":
    sys.exit(main())
