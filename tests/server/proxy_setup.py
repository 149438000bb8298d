"""The shipped service files, run on this machine: nginx with packaging/nginx/tracetrack.conf
in front of ``tracetrack-server serve`` started from packaging/systemd's unit and env file.

Each file is used as shipped, with only its ports, addresses and paths swapped for the
test's own (:func:`render_site`, :class:`UnitServer`); a swap that no longer finds its text
fails loudly, so the tested text cannot drift from the shipped one. More app nodes: pass
several upstream ports to :func:`render_site`.
"""

from __future__ import annotations

import contextlib
import ipaddress
import os
import pwd
import re
import shlex
import shutil
import signal
import socket
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from tests.procs import BIN, ServerProcess, clean_env, free_port, wait_for

PACKAGING = Path(__file__).resolve().parents[2] / "packaging"
SITE = PACKAGING / "nginx" / "tracetrack.conf"
UNIT = PACKAGING / "systemd" / "tracetrack-server.service"
ENV_EXAMPLE = PACKAGING / "systemd" / "server.env.example"
SHIPPED_VENV_BIN = "/opt/tracetrack/venv/bin/"
SHIPPED_PORT = 8600

# The upstream's one shipped app node; its parameters are kept on every rendered node.
_UPSTREAM_LINE = re.compile(r"^(\s*)server 127\.0\.0\.1:8600( [^;]*)?;$", re.MULTILINE)


def nginx_binary() -> str | None:
    """nginx on PATH or in the usual sbin folders (root's PATH has them, others' may not)."""
    found = shutil.which("nginx")
    if found:
        return found
    for folder in ("/usr/sbin", "/usr/local/sbin"):
        candidate = Path(folder) / "nginx"
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    return None


def _swap(text: str, old: str, new: str, count: int) -> str:
    found = text.count(old)
    if found != count:
        raise AssertionError(f"{old!r} is in the shipped file {found} times, not {count}")
    return text.replace(old, new)


def render_site(
    *,
    https_port: int,
    http_port: int,
    upstream_ports: list[int],
    cert: Path,
    key: Path,
    access_log: Path,
) -> str:
    """The shipped site with this machine's loopback ports, certificate and log file."""
    text = SITE.read_text(encoding="utf-8")
    text = _swap(text, "listen 443 ssl;", f"listen 127.0.0.1:{https_port} ssl;", 1)
    text = _swap(text, "listen 80;", f"listen 127.0.0.1:{http_port};", 1)
    text = _swap(text, "/etc/ssl/tracetrack/fullchain.pem", str(cert), 1)
    text = _swap(text, "/etc/ssl/tracetrack/privkey.pem", str(key), 1)
    text = _swap(text, "/var/log/nginx/tracetrack.access.log", str(access_log), 2)
    match = _UPSTREAM_LINE.search(text)
    if match is None or len(_UPSTREAM_LINE.findall(text)) != 1:
        raise AssertionError("the shipped upstream block has no single 127.0.0.1:8600 line")
    indent, params = match.group(1), match.group(2) or ""
    nodes = "\n".join(f"{indent}server 127.0.0.1:{port}{params};" for port in upstream_ports)
    return text[: match.start()] + nodes + text[match.end() :]


def write_certificate(folder: Path) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 and its key: (cert, key). The certificate is
    its own CA bundle for the clients."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(now + timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "fullchain.pem", folder / "privkey.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    key_path.chmod(0o600)
    return cert_path, key_path


class Nginx:
    """nginx in the foreground on loopback ports, everything it writes under ``folder``.

    The main config stands in for the distribution's /etc/nginx/nginx.conf (the shipped site
    relies on nothing in it but the ``http`` block) with Debian's worker limits.
    """

    def __init__(self, folder: Path, upstream_ports: list[int], cert: Path, key: Path) -> None:
        binary = nginx_binary()
        if binary is None:
            raise AssertionError("nginx is not installed")
        self.binary = binary
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        self.https_port, self.http_port = free_port(), free_port()
        self.https_url = f"https://127.0.0.1:{self.https_port}"
        self.access_log = folder / "tracetrack.access.log"
        self.error_log = folder / "error.log"
        site = folder / "tracetrack.conf"
        site.write_text(
            render_site(
                https_port=self.https_port,
                http_port=self.http_port,
                upstream_ports=upstream_ports,
                cert=cert,
                key=key,
                access_log=self.access_log,
            ),
            encoding="utf-8",
        )
        temp = {name: folder / name for name in ("body", "proxy", "fastcgi", "uwsgi", "scgi")}
        for path in temp.values():
            path.mkdir(exist_ok=True)
        # As root, nginx's workers would switch to "nobody", who cannot enter pytest's
        # private temporary folders: keep them as the user running the test.
        user = f"user {pwd.getpwuid(os.geteuid()).pw_name};\n" if os.geteuid() == 0 else ""
        self.conf = folder / "nginx.conf"
        self.conf.write_text(
            f"{user}worker_processes 1;\n"
            f"pid {folder / 'nginx.pid'};\n"
            f"error_log {self.error_log} info;\n"
            "events { worker_connections 768; }\n"
            "http {\n"
            "    sendfile on;\n"
            "    tcp_nopush on;\n"
            "    default_type application/octet-stream;\n"
            "    access_log off;\n"
            f"    client_body_temp_path {temp['body']};\n"
            f"    proxy_temp_path {temp['proxy']};\n"
            f"    fastcgi_temp_path {temp['fastcgi']};\n"
            f"    uwsgi_temp_path {temp['uwsgi']};\n"
            f"    scgi_temp_path {temp['scgi']};\n"
            f"    include {site};\n"
            "}\n",
            encoding="utf-8",
        )
        self.proc: subprocess.Popen[bytes] | None = None

    def _command(self, *extra: str) -> list[str]:
        return [self.binary, "-p", str(self.folder), "-c", str(self.conf), "-e",
                str(self.error_log), *extra]  # fmt: skip

    def check(self) -> None:
        """``nginx -t``: fails naming nginx's complaint."""
        done = subprocess.run(  # nginx itself, on our own config
            self._command("-t"), capture_output=True, text=True, check=False, timeout=30
        )
        assert done.returncode == 0, done.stderr

    def start(self) -> Nginx:
        self.check()
        self.proc = subprocess.Popen(  # nginx itself, on our own config
            self._command("-g", "daemon off;"),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        wait_for(self._listening, f"nginx on {self.https_url}", timeout=30)
        return self

    def _listening(self) -> bool:
        if self.proc is None or self.proc.poll() is not None:
            raise AssertionError(f"nginx exited: {self.error_log.read_text()[-2000:]}")
        with (
            contextlib.suppress(OSError),
            socket.create_connection(("127.0.0.1", self.https_port), timeout=1),
        ):
            return True
        return False

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGQUIT)  # graceful: workers finish, then exit
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=10)
        self.proc = None


def _unit_lines(name: str) -> list[str]:
    prefix = name + "="
    return [
        line[len(prefix) :].strip()
        for line in UNIT.read_text(encoding="utf-8").splitlines()
        if line.startswith(prefix)
    ]


def unit_command(line: str, port: int) -> list[str]:
    """One Exec line of the unit, run from this venv and on ``port``."""
    args = shlex.split(line)
    if not args[0].startswith(SHIPPED_VENV_BIN):
        raise AssertionError(f"the unit runs {args[0]}, not from {SHIPPED_VENV_BIN}")
    args[0] = str(BIN / args[0][len(SHIPPED_VENV_BIN) :])
    if "--port" in args:
        at = args.index("--port") + 1
        assert args[at] == str(SHIPPED_PORT), args
        args[at] = str(port)
    return args


def unit_environment(database_url: str, runtime_dir: Path) -> dict[str, str]:
    """What systemd gives the server: the example env file's settings (with this test's
    database) and the unit's own Environment= lines (with this test's runtime folder)."""
    env: dict[str, str] = {}
    for raw in ENV_EXAMPLE.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line and not line.startswith("#"):
            name, _, value = line.partition("=")
            env[name] = value
    assert "TRACETRACK_DATABASE_URL" in env, "the example env file names no database"
    env["TRACETRACK_DATABASE_URL"] = database_url
    for assignment in _unit_lines("Environment"):
        name, _, value = assignment.partition("=")
        env[name] = value.replace("/run/tracetrack-server", str(runtime_dir))
    return env


class UnitServer(ServerProcess):
    """The server as tracetrack-server.service starts it: each ExecStartPre, then ExecStart
    (its default workers and threads), in the unit's environment."""

    def __init__(self, database_url: str, runtime_dir: Path) -> None:
        super().__init__(database_url, workers=None)
        self.runtime_dir = runtime_dir
        runtime_dir.mkdir(parents=True, exist_ok=True)
        self.env = clean_env(**unit_environment(database_url, runtime_dir))

    def start(self) -> UnitServer:
        for line in _unit_lines("ExecStartPre"):
            subprocess.run(  # our own entry point, as the unit runs it
                unit_command(line, self.port), env=self.env, check=True, capture_output=True,
                timeout=120,
            )  # fmt: skip
        (start,) = _unit_lines("ExecStart")
        self.proc = subprocess.Popen(  # our own entry point, as the unit runs it
            unit_command(start, self.port),
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        wait_for(self.ready, f"the server at {self.url}")
        return self


def require_nginx() -> None:
    """Skip the calling test module when nginx is missing, except in CI, which installs it
    (a missing nginx there is a broken set-up, not a reason to skip)."""
    import pytest  # noqa: PLC0415 - only test modules call this

    if nginx_binary() is None:
        if os.environ.get("CI"):
            raise AssertionError("nginx is not installed; .ci/run installs it (apt package nginx)")
        pytest.skip(
            "nginx is not installed (apt install nginx); CI installs it", allow_module_level=True
        )
