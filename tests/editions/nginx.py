"""Debian's nginx on 127.0.0.1, serving a `make dist` output with the config it shipped
(dist/nginx/closer.conf), run by the test user from a temporary prefix."""
from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

MIME_TYPES = Path("/etc/nginx/mime.types")


def nginx_path() -> str | None:
    for candidate in (os.environ.get("NGINX_PATH"), "/usr/sbin/nginx", shutil.which("nginx")):
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def configure(shipped: str, root: Path, port: int) -> str:
    """The shipped server config with only its root and listen address changed for this test."""
    text, found = re.subn(r"^    root [^;]+;$", f"    root {root};", shipped, count=1, flags=re.M)
    text, listens = re.subn(r"^    listen [^;]+;$", f"    listen 127.0.0.1:{port};", text, count=1, flags=re.M)
    assert found == 1 and listens == 1, "the shipped nginx config has no `root` or `listen` line to set"
    return text


def main_config(prefix: Path, server: Path) -> str:
    temp = prefix / "temp"
    user = "user root;\n" if os.geteuid() == 0 else ""  # workers as the test user, never `nobody`
    return f"""{user}worker_processes 1;
daemon off;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections 64; }}
http {{
    include {MIME_TYPES};
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {temp}/body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
    include {server};
}}
"""


class Nginx:
    def __init__(self, binary: str, dist: Path, prefix: Path):
        self.port = free_port()
        prefix.mkdir(parents=True, exist_ok=True)
        (prefix / "temp").mkdir(exist_ok=True)
        shipped = (dist / "nginx" / "closer.conf").read_text(encoding="utf-8")
        server = prefix / "closer.conf"
        server.write_text(configure(shipped, (dist / "site").resolve(), self.port), encoding="utf-8")
        conf = prefix / "nginx.conf"
        conf.write_text(main_config(prefix, server), encoding="utf-8")
        self.prefix = prefix
        check = subprocess.run([binary, "-t", "-p", str(prefix), "-c", str(conf), "-e", str(prefix / "error.log")],
                               capture_output=True, text=True)
        assert check.returncode == 0, f"nginx refuses the generated config:\n{check.stderr}"
        self.process = subprocess.Popen([binary, "-p", str(prefix), "-c", str(conf), "-e", str(prefix / "error.log")],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        self.base = f"http://127.0.0.1:{self.port}"
        for _ in range(100):
            try:
                urllib.request.urlopen(self.base + "/", timeout=1).close()
                break
            except OSError:
                if self.process.poll() is not None:
                    raise AssertionError(f"nginx exited: {self.process.stderr.read().decode()}")
                time.sleep(0.1)
        else:
            raise AssertionError(f"nginx did not answer on {self.base}")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def error_log(self) -> str:
        path = self.prefix / "error.log"
        return path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""
