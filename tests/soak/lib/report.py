"""A violation names the seed and the commands that touched its order, in
the order they ran, with the kills among them: the shortest story that
led there, to replay by hand or with the same seed."""

import shlex


def words_of(order_no, books):
    """The numbers by which commands reach an order: its request number,
    its refunds' request numbers, and its own number."""
    if not order_no or books is None or order_no not in books.orders:
        return set()
    words = {order_no, books.orders[order_no]["request_no"]}
    for r in books.refunds.values():
        if r["order_no"] == order_no:
            words.add(r["request_no"])
    for p in books.payments.values():
        if p["order_no"] == order_no:
            words.add(p["payment_no"])
            words.add("paydesk-sandbox://qr/" + p["payment_no"])
    return words


def at(e):
    """When it mattered: a command's start, a service's death."""
    return e.ended if e.worker == "svc" and e.ended is not None else e.started


def render(e, shop):
    argv = [a.replace(shop.binary, "paydesk-core").replace(shop.shop_config, "$SHOP_CONFIG")
             .replace(shop.shop_dir, "$SHOP").replace(shop.gateway_dir, "$ACQUIRER")
            for a in e.argv]
    end = "killed" if e.killed else "exit %s" % e.rc
    return "  [%7.2f s, %s] %s -> %s" % (at(e), e.worker, shlex.join(argv), end)


def sequence(log, words, shop):
    """The commands naming one of `words` (all when empty), and the deaths
    of the acquirer and the notify listener while they ran."""
    if not words:
        return [render(e, shop) for e in log]
    mine = [e for e in log if words.intersection(e.argv)]
    if not mine:
        return []
    start = min(e.started for e in mine)
    end = max(e.ended if e.ended is not None else e.started for e in mine)
    # A death is noticed up to a moment after the command it broke ended.
    deaths = [e for e in log if e.worker == "svc" and e.killed and e.ended is not None
              and start <= e.ended <= end + 1.0]
    return [render(e, shop) for e in sorted(mine + deaths, key=at)]


def print_violation(seed, text, order_no, books, log, shop, out):
    print("VIOLATION (seed %d): %s" % (seed, text), file=out)
    words = words_of(order_no, books)
    if words:
        print(" commands on this order:", file=out)
        for line in sequence(log, words, shop):
            print(line, file=out)


def write_log(path, log, shop):
    """Every command of the run, in order, for replaying by hand."""
    with open(path, "w") as f:
        for line in sequence(log, set(), shop):
            print(line, file=f)
