"""Runs the stories on real `paydesk-core` processes, several at once on
one data directory, while a killer SIGKILLs one of them every few seconds
and a supervisor brings the acquirer and the notify listener back."""

import datetime
import queue
import re
import sqlite3
import threading
import time

from .processes import KILLED, Processes

CHINA = datetime.timezone(datetime.timedelta(hours=8))
# Exit codes a command may end with (README): ok, refused, storage error,
# ended unpaid, needs a person. Anything else is a crash or a loop bug.
EXPECTED = {0, 1, 4, 5, 6}


def china_today():
    return datetime.datetime.now(CHINA).strftime("%Y-%m-%d")


class Runner:
    def __init__(self, shop, seed, kills, workers, log):
        self.shop = shop
        self.seed = seed
        self.kill_target = kills
        self.workers = workers
        self.say = log
        # The acquirer and the listener die less often than commands: each
        # of their deaths also drops the answers and notifications in flight.
        self.procs = Processes(seed, {"command": 10, "until_idle": 6, "customer": 4,
                                      "host": 2, "gateway": 2})
        self.problems = []  # (kind, text, log entries)
        self.stories_total = 0
        self.stories_done = 0
        self.stop_killing = threading.Event()
        self.stop_services = threading.Event()
        self.services = {}
        self.services_lock = threading.Lock()
        self.local = threading.local()
        self.exit_codes = {}

    # --- reading the shop's database (read-only, beside the writers) ----
    def db(self):
        if not hasattr(self.local, "db"):
            uri = "file:%s/paydesk.db?mode=ro" % self.shop.shop_dir
            self.local.db = sqlite3.connect(uri, uri=True, timeout=30)
        return self.local.db

    def lookup(self, sql, args):
        for _ in range(50):
            try:
                return self.db().execute(sql, args).fetchone()
            except sqlite3.OperationalError:
                # Not created yet (a first command killed early), or busy.
                time.sleep(0.1)
        return None

    def order_of(self, request_no):
        row = self.lookup("SELECT order_no FROM orders WHERE request_no = ?", (request_no,))
        return row[0] if row else None

    def code_url_of(self, order_no):
        row = self.lookup("SELECT code_url FROM payments WHERE order_no = ? AND code_url != ''"
                          " ORDER BY created_at_ms DESC LIMIT 1", (order_no,))
        return row[0] if row else None

    # --- the acquirer and the notify listener -----------------------------
    def service_argv(self, role):
        if role == "gateway":
            return self.shop.gateway_command()
        return self.shop.core("run", "--notify-listen", "127.0.0.1:%d" % self.shop.notify_port)

    def start_service(self, role):
        logfile = open("%s/%s.log" % (self.shop.work, role), "a")
        proc, entry = self.procs.start(self.service_argv(role), "svc", role, stdout=logfile)
        with self.services_lock:
            self.services[role] = (proc, entry, logfile)
        if role == "gateway":
            self.shop.wait_for_gateway(proc)

    def supervise(self):
        while not self.stop_services.is_set():
            for role in ("gateway", "host"):
                with self.services_lock:
                    proc, entry, logfile = self.services[role]
                if proc.poll() is not None:
                    self.procs.finish(proc, entry)
                    logfile.close()
                    if proc.returncode != KILLED:
                        self.problem("crash", "%s exited with %s" % (role, proc.returncode),
                                     [entry])
                    try:
                        self.start_service(role)
                    except Exception as e:  # the loop goes on; the next turn retries
                        self.say("cannot restart %s: %s" % (role, e))
            time.sleep(0.05)

    def restart_gateway(self):
        """A SIGKILLed acquirer comes back and posts, over HTTP, every
        notification still queued (those of scans made by the customer's
        process included)."""
        with self.services_lock:
            proc = self.services["gateway"][0]
        proc.kill()
        self.procs.kills.append((self.procs.now(), "gateway", proc.args))
        while True:
            time.sleep(0.1)
            with self.services_lock:
                if self.services["gateway"][0] is not proc:
                    break
        self.shop.wait_for_gateway(self.services["gateway"][0])

    def stop_service(self, role):
        with self.services_lock:
            proc, entry, logfile = self.services[role]
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except Exception:
            proc.kill()
            proc.wait()
        self.procs.finish(proc, entry)
        logfile.close()

    # --- the killer --------------------------------------------------------
    def killer(self):
        started = time.monotonic()
        rng = self.procs.rng
        while not self.stop_killing.is_set():
            done = max(1, self.stories_done)
            elapsed = time.monotonic() - started
            left = max(1, self.stories_total - self.stories_done)
            remaining = elapsed * left / done
            owed = self.kill_target - len(self.procs.kills)
            # Spread the kills still owed over the time left, but never
            # more than a few seconds apart.
            gap = min(3.0, remaining / owed) if owed > 0 else 3.0
            self.stop_killing.wait(rng.uniform(0.2, 2 * gap) if gap > 0.2 else 0.2)
            if not self.stop_killing.is_set():
                self.procs.kill_one()

    # --- the work ---------------------------------------------------------
    def problem(self, kind, text, entries):
        self.problems.append((kind, text, entries))

    def command(self, argv, worker, role="command", timeout=180):
        rc, out, entry = self.procs.run(argv, worker, role, timeout)
        self.exit_codes[rc] = self.exit_codes.get(rc, 0) + 1
        if rc is None:
            self.problem("hang", "still running after %d s: %s" % (timeout, " ".join(argv)),
                         [entry])
        elif rc == 2:
            self.problem("usage", "refused as bad usage: %s\n%s" % (" ".join(argv), out[-800:]),
                         [entry])
        elif rc not in EXPECTED and rc != KILLED:
            self.problem("crash", "exit %s: %s\n%s" % (rc, " ".join(argv), out[-800:]), [entry])
        return rc, out

    def attempt(self, argv, worker, role="command"):
        """A step that a SIGKILL interrupted is not given up: the engine is
        run until idle, as an operator would after a crash, and the step
        is sent again under the same request number."""
        for _ in range(4):
            rc, out = self.command(argv, worker, role)
            if rc != KILLED:
                return rc, out
            self.command(self.shop.core("run", "--until-idle"), worker, "until_idle")
        return rc, out

    def step(self, s, worker):
        core = self.shop.core
        op = s["op"]
        if op == "sleep":
            time.sleep(s["s"])
        elif op == "until_idle":
            self.attempt(core("run", "--until-idle"), worker, "until_idle")
        elif op == "pay":
            argv = core("pay", "--amount", fen(s["amount"]), "--code", s["code"],
                        "--request-no", s["req"])
            self.attempt(argv + (["--wait"] if s["wait"] else []), worker)
        elif op == "qr":
            self.attempt(core("qr", "--amount", fen(s["amount"]), "--wallet", s["wallet"],
                              "--request-no", s["req"]), worker)
        elif op == "scan":
            order = self.order_of(s["sale"])
            url = order and self.code_url_of(order)
            if url:
                self.attempt(self.shop.customer("sandbox-scan", url, "--code", s["code"]),
                             worker, "customer")
        elif op in ("refund", "revoke"):
            order = self.order_of(s["sale"])
            if not order:
                return
            if op == "refund":
                argv = core("refund", order, "--amount", fen(s["amount"]), "--reason",
                            "kill loop", "--request-no", s["req"])
            else:
                argv = core("revoke", order, "--reason", "kill loop", "--request-no", s["req"])
            self.attempt(argv, worker)
        elif op == "settle":
            self.attempt(core("settle", "--date", china_today(), "--by", "ops"), worker)
        elif op == "topup":
            self.attempt(core("wallet", "topup", s["member"], "--amount", fen(s["amount"]),
                              "--request-no", s["req"], "--by", "cashier"), worker)
        elif op == "wallet_pay":
            self.attempt(core("wallet", "pay", s["member"], "--amount", fen(s["amount"]),
                              "--sale", s["sale"], "--request-no", s["req"]), worker)
        elif op == "withdraw":
            rc, out = self.attempt(core("wallet", "withdraw", s["member"], "--amount",
                                        fen(s["amount"]), "--by", "maker", "--request-no",
                                        s["req"]), worker)
            ref = re.search(r'"(WD\d{6,})"', out or "")
            if rc == 0 and ref:
                self.attempt(core("wallet", "withdrawal", s["decision"], ref.group(1), "--by",
                                  "checker", "--reason", "kill loop"), worker)
        elif op == "payout":
            rc, out = self.attempt(core("payout", "request", "--amount", fen(s["amount"]), "--by",
                                        "maker", "--request-no", s["req"]), worker)
            ref = re.search(r'"(PO\d{6})"', out or "")
            if rc == 0 and ref:
                self.attempt(core("payout", s["decision"], ref.group(1), "--by", "checker",
                                  "--reason", "kill loop"), worker)

    def worker(self, name, stories):
        while True:
            try:
                story = stories.get_nowait()
            except queue.Empty:
                return
            for s in story:
                self.step(s, name)
            self.stories_done += 1

    def run(self, stories):
        self.start_service("gateway")
        self.start_service("host")
        supervisor = threading.Thread(target=self.supervise, daemon=True)
        supervisor.start()
        q = queue.Queue()
        for s in stories:
            q.put(s)
        self.stories_total = len(stories)
        killer = threading.Thread(target=self.killer, daemon=True)
        killer.start()
        threads = [threading.Thread(target=self.worker, args=("w%d" % i, q))
                   for i in range(self.workers)]
        for t in threads:
            t.start()
        last = 0
        while any(t.is_alive() for t in threads):
            time.sleep(1)
            if time.monotonic() - last > 15:
                last = time.monotonic()
                self.say("%d/%d stories, %d kills, %.0f s" % (
                    self.stories_done, self.stories_total, len(self.procs.kills),
                    self.procs.now()))
        for t in threads:
            t.join()
        self.stop_killing.set()
        killer.join()
        return supervisor


def fen(amount_fen):
    return "%d.%02d" % (amount_fen // 100, amount_fen % 100)
