#!/usr/bin/env python3
"""Writes the fuzzers' seed corpora (corpus/<harness>/) from the unit tests'
own data: the bill samples in tests/unit/recon/data/bills and the string
literals of the parsers' tests. Run it again when those tests change; the
fuzzers grow their own corpora from these seeds while they run (in a
scratch folder, never committed)."""
import hashlib
import io
import pathlib
import re
import zipfile

HERE = pathlib.Path(__file__).resolve().parent
UNIT = HERE.parent / "unit"
CORPUS = HERE / "corpus"

LITERAL = re.compile(r'"((?:[^"\\\n]|\\.)*)"')
RAW = re.compile(r'R"\((.*?)\)"', re.S)
ESCAPES = {"n": b"\n", "r": b"\r", "t": b"\t", '"': b'"', "\\": b"\\", "'": b"'", "0": b"\0"}


def c_bytes(text):
    """A C string literal's body as bytes (\\xNN, \\n, ... and UTF-8 text)."""
    out = bytearray()
    i = 0
    while i < len(text):
        c = text[i]
        if c != "\\":
            out += c.encode("utf-8")
            i += 1
            continue
        nxt = text[i + 1]
        if nxt == "x":
            j = i + 2
            while j < len(text) and j < i + 4 and text[j] in "0123456789abcdefABCDEF":
                j += 1
            out.append(int(text[i + 2:j], 16))
            i = j
        else:
            out += ESCAPES.get(nxt, nxt.encode())
            i += 2
    return bytes(out)


def literals(path):
    """Every run of adjacent string literals in a source file, joined."""
    src = (UNIT / path).read_text(encoding="utf-8")
    runs, run, last_end = [], b"", None
    for m in LITERAL.finditer(src):
        if last_end is not None and src[last_end:m.start()].strip() == "":
            run += c_bytes(m.group(1))
        else:
            if run:
                runs.append(run)
            run = c_bytes(m.group(1))
        last_end = m.end()
    if run:
        runs.append(run)
    return runs + [m.group(1).encode("utf-8") for m in RAW.finditer(src)]


def write(harness, seeds):
    # Inputs kept from findings ("regression-...") stay; the rest is rewritten.
    folder = CORPUS / harness
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.iterdir():
        if not old.name.startswith("regression-"):
            old.unlink()
    for seed in dict.fromkeys(seeds):  # unique, in order
        (folder / hashlib.sha1(seed).hexdigest()).write_bytes(seed)
    print(f"{harness}: {len(list(folder.iterdir()))} seeds")


def write_dict(harness, words, encoding="utf-8"):
    """A libFuzzer dictionary: the words the parser looks for, so mutations
    make whole column names and states instead of stray bytes."""
    folder = HERE / "dict"
    folder.mkdir(exist_ok=True)
    lines = []
    for w in words:
        data = w.encode(encoding)
        lines.append('"' + "".join(chr(b) if 0x20 <= b < 0x7f and chr(b) not in '"\\' else
                                   f"\\x{b:02X}" for b in data) + '"')
    (folder / f"{harness}.dict").write_text("\n".join(lines) + "\n")


WECHAT_WORDS = ["`", ",`", "\r\n", "SUCCESS", "REFUND", "REVOKED", "NOTPAY", "CNY", "0.00",
                "-0.03000", "2026-01-01 10:00:05", "交易时间", "商户号", "微信订单号", "商户订单号",
                "交易状态", "货币种类", "应结订单金额", "总金额", "代金券金额", "代金券或立减优惠金额",
                "微信退款单号", "商户退款单号", "退款金额", "退款状态", "手续费", "订单金额",
                "退款申请时间", "退款成功时间", "总交易单数", "应结订单总金额", "总交易额",
                "退款总金额", "总退款金额", "手续费总金额"]
ALIPAY_WORDS = ["#", "\t,", "\r\n", "交易", "退款", "#账号：[2088]", "#交易合计：1笔，商家实收共1.00元",
                "#退款合计：1笔，商家实收退款共-1.00元", "支付宝交易号", "商户订单号", "业务类型", "完成时间",
                "订单金额（元）", "商家实收（元）", "退款批次号/请求号", "服务费（元）", "备注",
                "交易订单总笔数", "退款订单总笔数", "合计", "2026-01-01 10:00:05", "-0.07", "PK\x03\x04",
                "PK\x01\x02", "PK\x05\x06", "业务明细.csv", "业务明细(汇总).csv"]


ALIPAY_JSON_WORDS = ["alipay_trade_pay_response", "alipay_trade_query_response", "error_response",
                     "\"sign\"", "\\u00", "\\u0065", "\\\"", "\"code\"", "\"10000\"", "\"40004\"",
                     "\"sub_code\"", "\"trade_status\"", "TRADE_SUCCESS", "\"total_amount\"", "{}", "[]"]


def main():
    bills = UNIT / "recon" / "data" / "bills"
    wechat_all = (bills / "wechat_all.csv").read_bytes()
    alipay_zip = (bills / "alipay_trade.csv.zip").read_bytes()
    with zipfile.ZipFile(io.BytesIO(alipay_zip)) as z:
        alipay_csvs = [z.read(n) for n in z.namelist()]

    xml = [s for s in literals("channels/tst_wechatv2message.cpp") if b"<" in s and len(s) < 4096]
    xml += [s for s in literals("sandbox/tst_sandboxrawxml.cpp") if s.startswith(b"<xml")]
    write("fuzz_wechat_xml", xml)

    # The first byte picks the method (0: alipay.trade.pay, 2: query, 4: refund).
    json = [s for s in literals("channels/tst_alipayprotocol.cpp") if s.startswith(b"{")]
    wrapped = [b"{\"alipay_trade_pay_response\":" + s + b",\"sign\":\"x\"}" for s in json]
    write("fuzz_alipay_response", [bytes([0]) + s for s in json + wrapped] +
          [bytes([2]) + w.replace(b"trade_pay", b"trade_query") for w in wrapped[:5]] +
          [bytes([4]) + w.replace(b"trade_pay", b"error") for w in wrapped[:3]])

    forms = [s for s in literals("channels/tst_alipayprotocol.cpp") +
             literals("engine/tst_notifications.cpp") if b"=" in s and b"&" in s and b" " not in s]
    write("fuzz_alipay_form", forms + [forms[0] + b"\0" + forms[-1]] if forms else [])

    write_dict("fuzz_alipay_response", ALIPAY_JSON_WORDS)
    write_dict("fuzz_wechat_bill", WECHAT_WORDS)
    write_dict("fuzz_alipay_bill", ALIPAY_WORDS, "gbk")
    write("fuzz_wechat_bill", [wechat_all, wechat_all.replace(b"\n", b"\r\n")])
    write("fuzz_alipay_bill", [alipay_zip] + alipay_csvs)
    write("fuzz_zip", [bytes([0]) + alipay_zip, bytes([16]) + alipay_zip])

    codes = [s for s in literals("domain/tst_paymentcode.cpp") if len(s) < 64]
    write("fuzz_payment_code", codes + [b"130000000000000001", b"280101000000000001\r\n",
                                        b"6200000000000000001"])

    amounts = [s for s in literals("money/tst_money.cpp") if len(s) < 32]
    rates = [s for s in literals("ledger/tst_feerates.cpp") if len(s) < 16]
    write("fuzz_amount", amounts + rates + [b"0.14454", b"-0.03000", b"999999999999999"])

    write("fuzz_time", [b"2026-01-01 10:00:05", b"2026-01-01 10:00:05\n2026-01-02 00:00:00",
                        b"20260101100005", b"2026-02-30 10:00:05"])

    configs = [s for s in literals("app/tst_cli.cpp") + literals("app/tst_cliregressions.cpp") +
               literals("store/tst_postgres.cpp") + literals("api/tst_facadecontract.cpp") if s.lstrip().startswith(b"{") and b":" in s]
    write("fuzz_config", configs + [
        b'{"storeId":"0001","terminalId":"0001","maxAmount":"100000.00","largeAmount":"5000.00",'
        b'"routes":{"unionpay":["alipay","wechat"]},"channels":{"wechat":{"callTimeoutMs":10000,'
        b'"pollDelaysMs":[2000,3000],"maxPolls":15}},"defaults":{"maxRevokeAttempts":6},'
        b'"ledger":{"merchantId":"M1","feeRates":{"wechat":"0.6%"},"payoutAmountPerDay":"100.00"},'
        b'"recon":{"cutoffWindowMinutes":30},"sandbox":true}'])


if __name__ == "__main__":
    main()
