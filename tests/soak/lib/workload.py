"""The seeded mix of work: sales told as stories of CLI steps. The same
seed gives the same stories; only their interleaving depends on timing."""

import random

# Wallet prefixes and code lengths of the sandbox test payment codes
# (`paydesk-core sandbox-codes`): <prefix 2><behaviour 2><N 2><digits>.
WALLETS = {"wechat": ("13", 18), "alipay": ("28", 18), "unionpay": ("62", 19)}

# Counter (barcode) behaviours: (weight, behaviour, N range).
COUNTER_MIX = [
    (30, 0, (0, 0)),    # instant success
    (12, 1, (1, 4)),    # user paying N s, then paid
    (4, 2, (1, 3)),     # user paying, then cancelled
    (4, 3, (0, 0)),     # insufficient funds
    (8, 4, (0, 0)),     # SYSTEMERROR, the trade is paid
    (7, 5, (0, 0)),     # answer lost, the trade is paid
    (3, 6, (0, 0)),     # never final: the deadline revokes it
    (5, 7, (1, 3)),     # revoke answers "retry" N times
    (1, 7, (99, 99)),   # revoke never goes through: manual queue
    (3, 10, (0, 0)),    # auth code expired
    (6, 11, (1, 4)),    # answer lost, invisible for N s, then paid
    (3, 12, (0, 0)),    # the wallet's own acquirer refuses, the fallback takes it
]
# What the customer's wallet does with a QR code.
SCAN_MIX = [
    (40, 0, (0, 0)),
    (12, 1, (1, 3)),
    (4, 2, (1, 2)),
    (4, 3, (0, 0)),
    (15, 8, (0, 0)),    # paid; notifications sent twice
    (15, 9, (0, 0)),    # paid; then a contradicting "closed" notification
]


def pick(rng, mix):
    total = sum(w for w, _, _ in mix)
    x = rng.uniform(0, total)
    for w, behaviour, (lo, hi) in mix:
        x -= w
        if x <= 0:
            return behaviour, rng.randint(lo, hi)
    return mix[-1][1], mix[-1][2][0]


class Workload:
    def __init__(self, seed, payments):
        self.rng = random.Random(seed)
        self.seed = seed
        self.payments = payments
        self.serial = 0

    def number(self, kind):
        self.serial += 1
        return "kl%d-%s%05d" % (self.seed, kind, self.serial)

    def code(self, wallet, behaviour, n):
        prefix, length = WALLETS[wallet]
        head = "%s%02d%02d" % (prefix, behaviour, n)
        return head + "".join(str(self.rng.randint(0, 9)) for _ in range(length - len(head)))

    def wallet(self):
        return self.rng.choices(["wechat", "alipay", "unionpay"], [45, 35, 20])[0]

    def amount(self):
        # Mostly small sales, some large enough to cross largeAmount.
        if self.rng.random() < 0.03:
            return self.rng.randint(500000, 900000)
        return self.rng.randint(1, 50000)

    def after_sale(self, sale, amount):
        """Refunds and revokes that may follow a sale."""
        steps = []
        r = self.rng.random()
        if r < 0.12:
            # Partial, then the rest: the second must not exceed what is left.
            part = self.rng.randint(1, max(1, amount - 1)) if amount > 1 else 1
            steps.append({"op": "refund", "sale": sale, "req": self.number("rf"), "amount": part})
            steps.append({"op": "refund", "sale": sale, "req": self.number("rf"),
                          "amount": max(1, amount - part)})
        elif r < 0.20:
            steps.append({"op": "refund", "sale": sale, "req": self.number("rf"), "amount": amount})
        elif r < 0.26:
            # The same refund twice under one request number.
            req = self.number("rf")
            part = self.rng.randint(1, amount)
            steps.append({"op": "refund", "sale": sale, "req": req, "amount": part})
            steps.append({"op": "refund", "sale": sale, "req": req, "amount": part})
        elif r < 0.29:
            # More than was paid: must be refused, nothing moves.
            steps.append({"op": "refund", "sale": sale, "req": self.number("rf"),
                          "amount": amount + self.rng.randint(1, 100)})
        elif r < 0.35:
            steps.append({"op": "revoke", "sale": sale, "req": self.number("rv")})
        return steps

    def counter_sale(self):
        sale = self.number("pay")
        wallet = self.wallet()
        behaviour, n = pick(self.rng, COUNTER_MIX)
        amount = self.amount()
        code = self.code(wallet, behaviour, n)
        wait = self.rng.random() < 0.5
        steps = [{"op": "pay", "req": sale, "amount": amount, "code": code, "wait": wait,
                  "behaviour": behaviour}]
        extra = []
        if self.rng.random() < 0.15:
            # The cashier presses again: the same request number, at once
            # from another process, or later from this one.
            again = {"op": "pay", "req": sale, "amount": amount, "code": code,
                     "wait": self.rng.random() < 0.5, "behaviour": behaviour}
            if self.rng.random() < 0.5:
                extra.append([again])
            else:
                steps.append(again)
        if behaviour in (1, 6, 7) and self.rng.random() < 0.25:
            # The cashier gives up while the customer is still paying.
            steps.append({"op": "sleep", "s": self.rng.uniform(0.2, 2.0)})
            steps.append({"op": "revoke", "sale": sale, "req": self.number("rv")})
        else:
            steps.extend(self.after_sale(sale, amount))
        return [steps] + extra

    def qr_sale(self):
        sale = self.number("qr")
        wallet = self.wallet()
        amount = self.amount()
        steps = [{"op": "qr", "req": sale, "amount": amount, "wallet": wallet}]
        if self.rng.random() < 0.92:
            behaviour, n = pick(self.rng, SCAN_MIX)
            steps.append({"op": "scan", "sale": sale, "code": self.code(wallet, behaviour, n),
                          "behaviour": behaviour})
            if self.rng.random() < 0.1:
                # The customer scans twice: the second is refused.
                steps.append({"op": "scan", "sale": sale,
                              "code": self.code(wallet, 0, 0), "behaviour": 0})
        if self.rng.random() < 0.3:
            steps.append({"op": "sleep", "s": self.rng.uniform(0.5, 3.0)})
        steps.extend(self.after_sale(sale, amount))
        return [steps]

    def back_office(self):
        r = self.rng.random()
        member = "M%03d" % self.rng.randint(1, 8)
        if r < 0.2:
            return [{"op": "settle"}]
        if r < 0.45:
            return [{"op": "topup", "member": member, "req": self.number("tp"),
                     "amount": self.rng.randint(100, 100000)}]
        if r < 0.6:
            return [{"op": "wallet_pay", "member": member, "req": self.number("wp"),
                     "sale": self.number("ws"), "amount": self.rng.randint(1, 5000)}]
        if r < 0.8:
            return [{"op": "withdraw", "member": member, "req": self.number("wd"),
                     "amount": self.rng.randint(1, 20000),
                     "decision": self.rng.choice(["approve", "approve", "reject"])}]
        return [{"op": "payout", "req": self.number("po"), "amount": self.rng.randint(1, 50000),
                 "decision": self.rng.choice(["approve", "approve", "reject"])}]

    def stories(self):
        """Every story of the run, each a list of steps run in order by
        one worker; stories run side by side."""
        out = []
        for i in range(self.payments):
            out.extend(self.qr_sale() if self.rng.random() < 0.3 else self.counter_sale())
            if self.rng.random() < 0.15:
                out.append(self.back_office())
            if self.rng.random() < 0.05:
                out.append([{"op": "until_idle"}])
        return out
