"""Every process the loop starts, so that one can be killed at random, and
a log of what ran, so that a violation can name the commands behind it."""

import os
import random
import signal
import subprocess
import threading
import time

KILLED = -signal.SIGKILL


class Entry:
    def __init__(self, seq, worker, argv, started):
        self.seq = seq
        self.worker = worker
        self.argv = argv
        self.started = started
        self.ended = None
        self.rc = None
        self.killed = False
        self.out = ""


class Processes:
    def __init__(self, seed, kill_weight):
        self.lock = threading.Lock()
        self.running = {}  # pid -> (Popen, Entry, role)
        self.log = []
        self.kill_weight = kill_weight  # role -> weight
        self.rng = random.Random(seed ^ 0x5EED)
        self.kills = []  # (time, role, argv)
        self.t0 = time.monotonic()

    def now(self):
        return time.monotonic() - self.t0

    def start(self, argv, worker, role, stdout=subprocess.PIPE):
        with self.lock:
            entry = Entry(len(self.log), worker, argv, self.now())
            self.log.append(entry)
            proc = subprocess.Popen(argv, stdout=stdout, stderr=subprocess.STDOUT,
                                    stdin=subprocess.DEVNULL, text=True,
                                    start_new_session=True)
            self.running[proc.pid] = (proc, entry, role)
        return proc, entry

    def finish(self, proc, entry, out=""):
        with self.lock:
            self.running.pop(proc.pid, None)
            entry.ended = self.now()
            entry.rc = proc.returncode
            entry.killed = entry.killed or proc.returncode == KILLED
            entry.out = out or ""

    def run(self, argv, worker, role="command", timeout=180):
        """Runs to the end; returns (rc, output, entry). A process still
        running after `timeout` is killed and reported as hung (rc None)."""
        proc, entry = self.start(argv, worker, role)
        try:
            out, _ = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            out, _ = proc.communicate()
            self.finish(proc, entry, out)
            entry.rc = None
            return None, out, entry
        self.finish(proc, entry, out)
        return proc.returncode, out, entry

    def kill_one(self):
        """SIGKILLs one running process, chosen at random by role weight.
        Returns the role killed, or None when nothing could be."""
        with self.lock:
            candidates = [(p, e, role) for p, e, role in self.running.values()
                          if self.kill_weight.get(role, 0) > 0 and p.poll() is None]
            if not candidates:
                return None
            weights = [self.kill_weight[role] for _, _, role in candidates]
            proc, entry, role = self.rng.choices(candidates, weights)[0]
            try:
                proc.send_signal(signal.SIGKILL)
            except ProcessLookupError:
                return None
            entry.killed = True
            self.kills.append((self.now(), role, entry.argv))
            return role

    def stop_all(self):
        with self.lock:
            procs = [p for p, _, _ in self.running.values()]
        for p in procs:
            try:
                p.send_signal(signal.SIGKILL)
            except ProcessLookupError:
                pass
