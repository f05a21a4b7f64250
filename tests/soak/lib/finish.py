"""The end of a run: the engine worked until idle, every day's bills
reconciled (a reconciliation killed midway once and run again), the
books' own checks."""

import json
import time

from .checks import Acquirer
from .processes import KILLED
from .runner import china_today


def unfinished(runner):
    """Orders still PENDING and refunds not final, or None when unreadable."""
    try:
        return set(runner.db().execute(
            "SELECT order_no FROM orders WHERE state = 1 UNION ALL"
            " SELECT refund_no FROM refunds WHERE state IN (1, 2)").fetchall())
    except Exception:
        return None


def drain(runner, worker="end", limit_s=240, still_s=30):
    """Runs `run --until-idle` until no order is left PENDING and no refund
    unfinished (deadlines, polls and revoke retries take their time), or
    until nothing has moved for `still_s`: what is left then is left for a
    person, and the checks name it."""
    deadline = time.monotonic() + limit_s
    last, since = None, time.monotonic()
    while time.monotonic() < deadline:
        runner.attempt(runner.shop.core("run", "--until-idle"), worker, "until_idle")
        left = unfinished(runner)
        if left == set():
            return
        if left != last:
            last, since = left, time.monotonic()
        elif time.monotonic() - since > still_s:
            return
        time.sleep(1)


def reconcile(runner, kill_once):
    """Reconciles each channel's bill of every day the acquirer moved money;
    returns the failures as (argv, rc, output)."""
    failures = []
    days = set(Acquirer("%s/sandbox.db" % runner.shop.gateway_dir).days())
    days.add(china_today())
    procs = runner.procs
    for day in sorted(days):
        for channel in ("wechat", "alipay"):
            argv = runner.shop.core("reconcile", "--channel", channel, "--date", day, "--by",
                                    "auditor")
            if kill_once[0]:
                # One run dies halfway: the next must not find a torn one.
                kill_once[0] = False
                proc, entry = procs.start(argv, "end", "reconcile")
                time.sleep(procs.rng.uniform(0.02, 0.15))
                if proc.poll() is None:
                    proc.kill()
                    procs.kills.append((procs.now(), "reconcile", argv))
                out, _ = proc.communicate()
                procs.finish(proc, entry, out)
            rc, out = runner.attempt(argv, "end")
            if rc != 0:
                failures.append((argv, rc, out))
    return failures


def books(runner):
    """The books' own verdicts: (name, passed, output)."""
    core = runner.shop.core
    out = []
    # Everything final is settled, so pending holds nothing stale.
    runner.attempt(core("settle", "--date", china_today(), "--by", "ops"), "end")
    for name, argv in (("trial balance", core("ledger", "trial-balance")),
                       ("check internal", core("check", "internal"))):
        rc, text = runner.command(argv, "end")
        passed = rc == 0
        if passed and name == "check internal":
            try:
                passed = json.loads(text.strip().splitlines()[-1]).get("ok") is True
            except (ValueError, IndexError):
                passed = False
        out.append((name, passed, text))
    return out
