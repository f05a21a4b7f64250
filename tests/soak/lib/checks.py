"""What must hold at the end, judged against the acquirer's own records
(the gateway's sandbox.db) and the shop's books (paydesk.db)."""

import datetime
import sqlite3
import time

CHINA = datetime.timezone(datetime.timedelta(hours=8))

# core/domain/States.h
ORDER = {1: "PENDING", 2: "PAID", 3: "CLOSED", 4: "ATTENTION", 5: "PARTIALLY_REFUNDED",
         6: "REFUNDED"}
PAYMENT = {1: "CREATED", 2: "PROCESSING", 3: "SUCCESS", 4: "FAILED", 5: "CLOSED", 6: "REVERSED"}
REFUND = {1: "CREATED", 2: "PROCESSING", 3: "SUCCESS", 4: "FAILED"}
REVOKE = {1: "REQUESTED", 2: "RETRYING", 3: "DONE", 4: "MANUAL"}

USER_PAYING_THEN_SUCCESS = 1
USER_PAYING_THEN_CANCELLED = 2


def china_day(ms):
    return datetime.datetime.fromtimestamp(ms / 1000, CHINA).strftime("%Y-%m-%d")


def read_only(path):
    return sqlite3.connect("file:%s?mode=ro" % path, uri=True, timeout=30)


class Acquirer:
    """The acquirer's trades and refunds, each trade as it stands now: a
    user-paying trade nobody looked at since its time came is settled
    lazily by the sandbox, so the script is applied here the same way
    (core/sandbox/acquirer/TradeScript)."""

    def __init__(self, path):
        db = read_only(path)
        now = int(time.time() * 1000)
        self.trades = {}
        for row in db.execute(
                "SELECT payment_no, kind, behaviour, state, amount_fen, refunded_fen,"
                " settles_at_ms, expire_at_ms, revoke_action, tombstone, created_at_ms,"
                " paid_at_ms, revoked_at_ms FROM sandbox_trades"):
            t = dict(zip(("payment_no", "kind", "behaviour", "state", "amount", "refunded",
                          "settles_at", "expire_at", "revoke_action", "tombstone", "created_at",
                          "paid_at", "revoked_at"), row))
            if t["state"] == "USERPAYING" and t["settles_at"] and now >= t["settles_at"]:
                if t["behaviour"] == USER_PAYING_THEN_SUCCESS:
                    t["state"] = "SUCCESS"
                    t["paid_at"] = t["settles_at"]
                elif t["behaviour"] == USER_PAYING_THEN_CANCELLED:
                    t["state"] = "PAYERROR"
            self.trades[t["payment_no"]] = t
        self.refunds = {}
        for row in db.execute("SELECT refund_no, payment_no, amount_fen, state, created_at_ms"
                              " FROM sandbox_refunds"):
            self.refunds[row[0]] = dict(zip(("refund_no", "payment_no", "amount", "state",
                                             "created_at"), row))
        self.now = now
        db.close()

    @staticmethod
    def paid(t):
        return t["state"] in ("SUCCESS", "REFUND")

    def taken(self, t):
        """What the customer is still out of pocket for this trade."""
        return t["amount"] - t["refunded"] if self.paid(t) else 0

    def still_payable(self, t):
        """A trade the customer could still pay, or is paying: not closed."""
        if t["tombstone"]:
            return False
        if t["state"] == "USERPAYING":
            return True
        return t["state"] == "NOTPAY" and not (t["expire_at"] and self.now >= t["expire_at"])

    def days(self):
        out = set()
        for t in self.trades.values():
            for key in ("paid_at", "revoked_at"):
                if t[key]:
                    out.add(china_day(t[key]))
        for r in self.refunds.values():
            out.add(china_day(r["created_at"]))
        return sorted(out)


class Books:
    def __init__(self, path):
        db = read_only(path)

        def rows(sql, names):
            return [dict(zip(names, r)) for r in db.execute(sql)]

        self.orders = {o["order_no"]: o for o in rows(
            "SELECT order_no, request_no, amount_fen, state, paid_payment_no, refunded_fen,"
            " refund_pending_fen FROM orders",
            ("order_no", "request_no", "amount", "state", "paid_payment_no", "refunded",
             "refund_pending"))}
        self.payments = {p["payment_no"]: p for p in rows(
            "SELECT payment_no, order_no, amount_fen, state, channel FROM payments",
            ("payment_no", "order_no", "amount", "state", "channel"))}
        self.refunds = {r["refund_no"]: r for r in rows(
            "SELECT refund_no, order_no, payment_no, request_no, amount_fen, state FROM refunds",
            ("refund_no", "order_no", "payment_no", "request_no", "amount", "state"))}
        self.revokes = rows("SELECT payment_no, order_no, state FROM revokes",
                            ("payment_no", "order_no", "state"))
        self.open_alerts = {}
        for order_no, kind in db.execute(
                "SELECT order_no, kind FROM alerts WHERE acknowledged_at_ms = 0"):
            self.open_alerts.setdefault(order_no, []).append(kind)
        # Results the acquirer posted to the notify listener over HTTP (only
        # the shop's listener writes these events to this database).
        self.notifications = db.execute(
            "SELECT COUNT(*) FROM events WHERE kind = 'notification'").fetchone()[0]
        try:
            self.differences = rows(
                "SELECT id, channel, business_date, kind, state, item_no, order_no, ours_fen,"
                " theirs_fen, ours_state, theirs_state FROM recon_differences",
                ("id", "channel", "date", "kind", "state", "item_no", "order_no", "ours",
                 "theirs", "ours_state", "theirs_state"))
        except sqlite3.OperationalError:
            self.differences = []
        db.close()

    def manual_queue(self, order_no):
        """The order waits for a person: ATTENTION, a revoke given up,
        and an open alert saying so."""
        o = self.orders.get(order_no)
        if not o or ORDER[o["state"]] != "ATTENTION":
            return False
        manual = any(r["order_no"] == order_no and REVOKE[r["state"]] == "MANUAL"
                     for r in self.revokes)
        return manual and bool(self.open_alerts.get(order_no))


def money_checks(acq, books):
    """Yields (order_no or None, text) for each violation."""
    taken_by_order = {}
    for t in acq.trades.values():
        if t["tombstone"]:
            continue
        p = books.payments.get(t["payment_no"])
        taken = acq.taken(t)
        if acq.paid(t) and p is None:
            yield None, ("acquirer trade %s is paid (%d fen, %s) but PayDesk has no such payment"
                         % (t["payment_no"], t["amount"], t["state"]))
            continue
        if p is None:
            continue
        order = books.orders[p["order_no"]]
        if taken > 0:
            taken_by_order.setdefault(p["order_no"], []).append(t["payment_no"])
            if PAYMENT[p["state"]] != "SUCCESS" or order["paid_payment_no"] != p["payment_no"]:
                if not books.manual_queue(p["order_no"]):
                    yield p["order_no"], (
                        "acquirer holds %d fen of trade %s (%s), but PayDesk's payment is %s and "
                        "the order %s is %s with paid payment '%s'"
                        % (taken, t["payment_no"], t["state"], PAYMENT[p["state"]],
                           order["order_no"], ORDER[order["state"]], order["paid_payment_no"]))
            elif order["amount"] - order["refunded"] != taken:
                yield p["order_no"], (
                    "acquirer holds %d fen of %s, PayDesk's order %s says %d paid - %d refunded"
                    % (taken, t["payment_no"], order["order_no"], order["amount"],
                       order["refunded"]))
        if t["refunded"] > t["amount"]:
            yield p["order_no"], "acquirer refunded %d fen of a %d fen trade %s" % (
                t["refunded"], t["amount"], t["payment_no"])

    for order_no, trades in taken_by_order.items():
        if len(trades) > 1:
            yield order_no, "order %s paid twice at the acquirer: %s" % (order_no, ", ".join(trades))

    for p in books.payments.values():
        state = PAYMENT[p["state"]]
        t = acq.trades.get(p["payment_no"])
        where = "payment %s (order %s)" % (p["payment_no"], p["order_no"])
        theirs = "no trade" if t is None else ("closed number" if t["tombstone"] else t["state"])
        if t is not None and not t["tombstone"] and t["amount"] != p["amount"]:
            yield p["order_no"], "%s: %d fen here, %d at the acquirer" % (
                where, p["amount"], t["amount"])
        if state == "SUCCESS":
            if t is None or t["tombstone"] or not acq.paid(t):
                yield p["order_no"], "%s is SUCCESS, the acquirer says %s" % (where, theirs)
        elif state == "REVERSED":
            reversed_ok = t is not None and not t["tombstone"] and (
                (t["state"] == "REVOKED" and t["revoke_action"] == "refund")
                or (acq.paid(t) and t["refunded"] == t["amount"]))
            if not reversed_ok:
                yield p["order_no"], "%s is REVERSED, the acquirer says %s" % (where, theirs)
        elif state in ("FAILED", "CLOSED"):
            if t is not None and (acq.paid(t) or acq.still_payable(t)):
                yield p["order_no"], "%s is %s, the acquirer says %s" % (where, state, theirs)
        elif not books.manual_queue(p["order_no"]):
            yield p["order_no"], "%s is left %s (acquirer: %s), not in the manual queue" % (
                where, state, theirs)

    paid_here = {}
    for p in books.payments.values():
        if PAYMENT[p["state"]] == "SUCCESS":
            paid_here.setdefault(p["order_no"], []).append(p["payment_no"])
    for order_no, payments in paid_here.items():
        if len(payments) > 1:
            yield order_no, "order %s has two successful payments: %s" % (
                order_no, ", ".join(payments))

    refunded = {}
    for r in books.refunds.values():
        state = REFUND[r["state"]]
        theirs = acq.refunds.get(r["refund_no"])
        where = "refund %s of order %s" % (r["refund_no"], r["order_no"])
        if state == "SUCCESS":
            refunded[r["order_no"]] = refunded.get(r["order_no"], 0) + r["amount"]
            if theirs is None or theirs["amount"] != r["amount"] \
                    or theirs["payment_no"] != r["payment_no"]:
                yield r["order_no"], "%s is SUCCESS (%d fen), the acquirer has %s" % (
                    where, r["amount"], theirs)
        elif state == "FAILED":
            if theirs is not None:
                yield r["order_no"], "%s is FAILED, but the acquirer refunded %d fen" % (
                    where, theirs["amount"])
        elif not books.manual_queue(r["order_no"]):
            yield r["order_no"], "%s is left %s" % (where, state)
    known = {r["refund_no"] for r in books.refunds.values()}
    for r in acq.refunds.values():
        if r["refund_no"] not in known:
            p = books.payments.get(r["payment_no"])
            yield p and p["order_no"], "the acquirer refunded %d fen as %s; PayDesk has no such refund" % (
                r["amount"], r["refund_no"])

    for o in books.orders.values():
        state = ORDER[o["state"]]
        if refunded.get(o["order_no"], 0) > o["amount"]:
            yield o["order_no"], "order %s: %d fen refunded of %d paid" % (
                o["order_no"], refunded[o["order_no"]], o["amount"])
        if state == "PENDING":
            yield o["order_no"], "order %s is left PENDING" % o["order_no"]
        elif state == "ATTENTION" and not books.manual_queue(o["order_no"]):
            yield o["order_no"], "order %s is ATTENTION without a given-up revoke and an open alert" % (
                o["order_no"])
        elif state in ("PAID", "PARTIALLY_REFUNDED", "REFUNDED"):
            p = books.payments.get(o["paid_payment_no"])
            if p is None or PAYMENT[p["state"]] not in ("SUCCESS", "REVERSED"):
                yield o["order_no"], "order %s is %s but its paid payment is %s" % (
                    o["order_no"], state, p and PAYMENT[p["state"]])
        elif state == "CLOSED" and o["order_no"] in paid_here:
            yield o["order_no"], "order %s is CLOSED with a successful payment" % o["order_no"]


# core/api/types/Reconciliation.h. Differences in these states need
# nobody: held over the day's cut-off, matched later, or explained or
# decided by people.
SETTLED_DIFFERENCE_STATES = {2, 3, 4, 6, 8}
DIFF_KIND = {1: "missing_locally", 2: "missing_at_channel", 3: "amount_mismatch",
             4: "status_mismatch", 5: "fee_mismatch", 6: "fund_long", 7: "fund_short"}


def paid_unseen_then_revoked(d, acq):
    """A sale paid at the acquirer just before our revoke reached it, the
    revoke then returning the money: WeChat's answer does not say so, we
    record CLOSED, and the bill's payment and refund lines show up as
    status differences (README, Limitations: "Channels over HTTP"). The
    money is back with the customer; a person closes the difference."""
    t = acq.trades.get(d["item_no"])
    return (d["kind"] == 4 and d["ours_state"] == "CLOSED" and d["theirs_state"] == "REVOKED"
            and t is not None and t["state"] == "REVOKED" and t["revoke_action"] == "refund")


def recon_checks(books, acq, manual_orders):
    """Yields (order_no, text, explained) for each difference needing a person."""
    for d in books.differences:
        if d["state"] in SETTLED_DIFFERENCE_STATES:
            continue
        if d["order_no"] and d["order_no"] in manual_orders:
            continue
        yield d["order_no"] or None, (
            "reconciliation %s %s: open difference %s kind %s on %s (ours %d %s, theirs %d %s)"
            % (d["channel"], d["date"], d["id"], DIFF_KIND.get(d["kind"], d["kind"]), d["item_no"],
               d["ours"], d["ours_state"], d["theirs"], d["theirs_state"])), \
            paid_unseen_then_revoked(d, acq)
