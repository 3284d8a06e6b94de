# SPDX-License-Identifier: GPL-2.0-or-later
"""Start and stop a throwaway PostgreSQL + PostGIS cluster for the ledger tests and benchmark.

initdb into a temporary folder, pg_ctl on a free loopback port with the unix socket in that
folder (only 127.0.0.1 and the socket; trust authentication stays inside this machine).  As root
the server runs as the ``postgres`` user (PostgreSQL refuses to run as root).
The server is the newest installed PostgreSQL (Debian's /usr/lib/postgresql/<major>/bin) that has
PostGIS installed for it, or the one in ``DG_PG_BIN``: Debian 12 has 15, Debian 13 has 17.
Usage: ``with throwaway_cluster() as cluster: psycopg2.connect(**cluster.params("dbname"))``.
"""
import contextlib
import glob
import os
import pwd
import re
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass

SUPERUSER = "dg_admin"
DEBIAN_PG_ROOT = "/usr/lib/postgresql"


def find_pg_bin():
    """The bin folder of the newest PostgreSQL with initdb and a PostGIS extension; None when there is none."""
    if os.environ.get("DG_PG_BIN"):
        return os.environ["DG_PG_BIN"]
    majors = sorted((int(m.group(1)) for path in glob.glob(os.path.join(DEBIAN_PG_ROOT, "*", "bin", "initdb"))
                     if (m := re.search(r"/(\d+)/bin/initdb$", path))), reverse=True)
    for major in majors:
        if glob.glob(f"/usr/share/postgresql/{major}/extension/postgis.control"):
            return os.path.join(DEBIAN_PG_ROOT, str(major), "bin")
    return None


PG_BIN = find_pg_bin()


def _as_server_user(command):
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--"] + command
    return command


def _free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Cluster:
    folder: str
    port: int
    host: str = "127.0.0.1"

    @property
    def data_dir(self):
        return os.path.join(self.folder, "data")

    def params(self, dbname="postgres", user=SUPERUSER, password=None):
        params = {"host": self.host, "port": self.port, "dbname": dbname, "user": user}
        if password:
            params["password"] = password
        return params

    def uri(self, dbname="postgres", user=SUPERUSER):
        return f"postgresql://{user}@{self.host}:{self.port}/{dbname}"

    def psql(self, sql, dbname="postgres"):
        """Run SQL as the superuser (for setting up databases and login users)."""
        import psycopg2
        connection = psycopg2.connect(**self.params(dbname))
        connection.autocommit = True
        try:
            with connection.cursor() as cursor:
                cursor.execute(sql)
                return cursor.fetchall() if cursor.description else None
        finally:
            connection.close()

    def create_database(self, name, postgis=True):
        self.psql(f'CREATE DATABASE "{name}"')
        if postgis:
            self.psql("CREATE EXTENSION IF NOT EXISTS postgis", dbname=name)
        return name

    def stop(self):
        if os.path.isdir(self.data_dir):
            # immediate: the cluster is deleted next, so its shutdown checkpoint would be wasted time
            subprocess.run(_as_server_user([os.path.join(PG_BIN, "pg_ctl"), "-D", self.data_dir, "-m", "immediate",
                                            "-w", "stop"]), capture_output=True, check=False)
        shutil.rmtree(self.folder, ignore_errors=True)


def start_cluster(folder=None, extra_settings=()):
    """initdb + pg_ctl start; returns a Cluster (call ``stop()``)."""
    if PG_BIN is None or not os.path.exists(os.path.join(PG_BIN, "initdb")):
        raise RuntimeError(f"no PostgreSQL with PostGIS found (looked for {DEBIAN_PG_ROOT}/<major>/bin/initdb with "
                           f"/usr/share/postgresql/<major>/extension/postgis.control; DG_PG_BIN: "
                           f"{os.environ.get('DG_PG_BIN', 'unset')}): run scripts/setup.sh")
    folder = folder or tempfile.mkdtemp(prefix="dg_pg_")
    os.chmod(folder, 0o755)
    if os.geteuid() == 0:
        user = pwd.getpwnam("postgres")
        os.chown(folder, user.pw_uid, user.pw_gid)
    cluster = Cluster(folder, _free_port())
    try:
        subprocess.run(_as_server_user([os.path.join(PG_BIN, "initdb"), "-D", cluster.data_dir, "-U", SUPERUSER,
                                        "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"]),
                       check=True, capture_output=True, text=True)
        options = [f"-p {cluster.port}", f"-k {folder}", "-c listen_addresses=127.0.0.1",
                   "-c max_connections=60"] + [f"-c {s}" for s in extra_settings]
        subprocess.run(_as_server_user([os.path.join(PG_BIN, "pg_ctl"), "-D", cluster.data_dir, "-l",
                                        os.path.join(folder, "server.log"), "-o", " ".join(options), "-w",
                                        "start"]), check=True, capture_output=True, text=True)
    except subprocess.CalledProcessError as exc:
        log = ""
        with contextlib.suppress(OSError):
            with open(os.path.join(folder, "server.log"), encoding="utf-8") as handle:
                log = handle.read()[-2000:]
        cluster.stop()
        raise RuntimeError(f"starting PostgreSQL failed: {exc.stderr}\n{log}") from exc
    return cluster


@contextlib.contextmanager
def throwaway_cluster():
    cluster = start_cluster()
    try:
        yield cluster
    finally:
        cluster.stop()


if __name__ == "__main__":
    with throwaway_cluster() as running:
        print("started", running.uri(), running.psql("SELECT version()")[0][0])
