"""A violation names the seed and the commands that touched its order, in
the order they ran, with the kills among them: the shortest story that
led there, to replay by hand or with the same seed."""

import shlex


def words_of(order_no, books):
    """The numbers by which commands reach an order: its request number,
    its refunds' request numbers, and its own number."""
    if not order_no or order_no not in books.orders:
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


def sequence(log, words, shop):
    lines = []
    for e in log:
        if words and not words.intersection(e.argv):
            continue
        argv = [a.replace(shop.shop_dir, "$SHOP").replace(shop.gateway_dir, "$ACQUIRER")
                 .replace(shop.shop_config, "$SHOP_CONFIG").replace(shop.binary, "paydesk-core")
                for a in e.argv]
        end = "killed" if e.killed else "exit %s" % e.rc
        lines.append("  [%7.2f s, %s] %s -> %s" % (e.started, e.worker, shlex.join(argv), end))
    return lines


def print_violation(seed, text, order_no, books, log, shop, out):
    print("VIOLATION (seed %d): %s" % (seed, text), file=out)
    words = words_of(order_no, books)
    if words:
        print(" commands on this order:", file=out)
        for line in sequence(log, words, shop):
            print(line, file=out)
