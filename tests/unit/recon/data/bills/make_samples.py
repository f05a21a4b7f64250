#!/usr/bin/env python3
"""Writes the hand-made sample bills and deflate vectors tst_billparsers reads.

Run once at development time (python3 make_samples.py); the outputs are
committed, so the tests need no Python and no zlib. Real Alipay archives are
deflated and name their GBK files without the UTF-8 flag, which Python's
zipfile cannot do by itself: ZipInfo is taught to encode names as GBK.
"""
import zipfile
import zlib

WECHAT_HEADER = ("交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,"
                 "交易类型,交易状态,付款银行,货币种类,应结订单金额,代金券金额,微信退款单号,"
                 "商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,商品名称,商户数据包,"
                 "手续费,费率,订单金额,申请退款金额,费率备注")
WECHAT_SUMMARY = "总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额"


def wechat_line(values):
    return ",".join("`" + v for v in values)


def wechat_sample():
    app, mch = "wx2421b1c4370ec43b", "1900000109"
    rows = [
        # a payment whose 商品名称 holds a comma (WeChat does not quote it)
        ["2026-01-01 10:00:05", app, mch, "0", "POS-01", "4200000001202601010000000001", "PA001",
         "oUser0001", "MICROPAY", "SUCCESS", "OTHERS", "CNY", "12.34", "0.00", "0", "0", "0.00",
         "0.00", "", "", "咖啡, 大杯", "", "0.07404", "0.60%", "12.34", "0.00", ""],
        # a payment revoked after it was paid, and the revoke's refund line
        ["2026-01-01 10:05:00", app, mch, "0", "POS-01", "4200000001202601010000000002", "PA002",
         "oUser0002", "MICROPAY", "REVOKED", "OTHERS", "CNY", "5.00", "0.00", "0", "0", "0.00",
         "0.00", "", "", "茶", "", "0.03000", "0.60%", "5.00", "0.00", ""],
        ["2026-01-01 10:05:30", app, mch, "0", "POS-01", "4200000001202601010000000002", "PA002",
         "oUser0002", "MICROPAY", "REVOKED", "OTHERS", "CNY", "0.00", "0.00",
         "50300000012026010100000002", "PA002", "5.00", "0.00", "ORIGINAL", "SUCCESS", "茶", "",
         "-0.03000", "0.60%", "0.00", "5.00", ""],
        ["2026-01-01 11:00:00", app, mch, "0", "POS-02", "4200000001202601010000000003", "PA003",
         "oUser0003", "NATIVE", "SUCCESS", "CMB_DEBIT", "CNY", "20.00", "0.00", "0", "0", "0.00",
         "0.00", "", "", "蛋糕", "", "0.12000", "0.60%", "20.00", "0.00", ""],
        # a partial refund: 0.04950 yuan of fee is 4.95 fen, rounded away from zero
        ["2026-01-01 12:00:00", app, mch, "0", "POS-02", "4200000001202601010000000003", "PA003",
         "oUser0003", "NATIVE", "REFUND", "CMB_DEBIT", "CNY", "0.00", "0.00",
         "50300000012026010100000003", "RF003", "8.25", "0.00", "ORIGINAL", "SUCCESS", "蛋糕", "",
         "-0.04950", "0.60%", "0.00", "8.25", ""],
    ]
    summary = ["5", "37.34", "13.25", "0.00", "0.14454", "37.34", "13.25"]
    text = "\r\n".join([WECHAT_HEADER] + [wechat_line(r) for r in rows] +
                       [WECHAT_SUMMARY, wechat_line(summary)]) + "\r\n"
    with open("wechat_all.csv", "wb") as f:
        f.write(text.encode("utf-8"))


ALIPAY_ACCOUNT = "20881234567890120156"
ALIPAY_HEADER = ("支付宝交易号,商户订单号,业务类型,商品名称,创建时间,完成时间,门店编号,门店名称,操作员,"
                 "终端号,对方账户,订单金额（元）,商家实收（元）,支付宝红包（元）,集分宝（元）,"
                 "支付宝优惠（元）,商家优惠（元）,券核销金额（元）,券名称,商家红包消费金额（元）,"
                 "卡消费金额（元）,退款批次号/请求号,服务费（元）,分润（元）,备注")
RULE = "-" * 41


def alipay_row(trade, payment, kind, created, done, amount, batch, fee, goods="咖啡"):
    t = "\t"
    return ",".join([trade + t, payment + t, kind + t, goods, created, done, t, t, t, t,
                     "*小(abc***@example.com)" + t, amount, amount, "0.00", "0.00", "0.00",
                     "0.00", "0.00", "", "0.00" + t, "0.00", batch + t, fee, "0.00", ""])


def alipay_sample():
    head = [f"#账号：[{ALIPAY_ACCOUNT}]",
            "#起始日期：[2026年01月01日 00:00:00]   终止日期：[2026年01月02日 00:00:00]"]
    exported = "#导出时间：[2026年01月02日 09:12:34]"
    t1, t2, t3 = ("2026010122001400001000000001", "2026010122001400001000000002",
                  "2026010122001400001000000003")
    rows = [
        alipay_row(t1, "PB001", "交易", "2026-01-01 09:59:58", "2026-01-01 10:00:05", "12.34", "",
                   "-0.07"),
        alipay_row(t2, "PB002", "交易", "2026-01-01 10:30:00", "2026-01-01 10:30:02", "30.00", "",
                   "-0.18", "蛋糕"),
        alipay_row(t3, "PB003", "交易", "2026-01-01 11:00:00", "2026-01-01 11:00:01", "8.00", "",
                   "-0.05"),
        alipay_row(t2, "PB002", "退款", "2026-01-01 10:30:00", "2026-01-01 14:00:00", "-10.00",
                   "RF002", "0.06"),
        # a cancel of a paid payment: the batch number is the trade number
        alipay_row(t3, "PB003", "退款", "2026-01-01 11:00:00", "2026-01-01 11:00:30", "-8.00", t3,
                   "0.05"),
    ]
    detail = (["#支付宝业务明细查询"] + head + ["#" + RULE + "业务明细列表" + RULE, ALIPAY_HEADER] +
              rows + ["#" + RULE + "业务明细列表结束" + RULE,
                      "#交易合计：3笔，商家实收共50.34元，商家优惠共0.00元",
                      "#退款合计：2笔，商家实收退款共-18.00元，商家优惠退款共0.00元", exported])
    totals = "3,2,32.34,32.34,0.00,0.00,0.00,-0.19,0.00,32.15"
    summary = (["#支付宝业务汇总查询"] + head + ["#" + RULE + "业务汇总列表" + RULE,
               "门店编号,门店名称,交易订单总笔数,退款订单总笔数,订单金额（元）,商家实收（元）,"
               "支付宝优惠（元）,商家优惠（元）,卡消费金额（元）,服务费（元）,分润（元）,实收净额（元）",
               ",," + totals, "合计,," + totals, "#" + RULE + "业务汇总列表结束" + RULE, exported])
    detail_bytes = ("\r\n".join(detail) + "\r\n").encode("gbk")
    summary_bytes = ("\r\n".join(summary) + "\r\n").encode("gbk")

    class GbkInfo(zipfile.ZipInfo):
        def _encodeFilenameFlags(self):
            return self.filename.encode("gbk"), self.flag_bits

    with zipfile.ZipFile("alipay_trade.csv.zip", "w") as z:
        for name, data in [(f"{ALIPAY_ACCOUNT}_20260101_业务明细.csv", detail_bytes),
                           (f"{ALIPAY_ACCOUNT}_20260101_业务明细(汇总).csv", summary_bytes)]:
            info = GbkInfo(name, date_time=(2026, 1, 2, 9, 12, 34))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)


def raw_deflate(data, level=6, strategy=zlib.Z_DEFAULT_STRATEGY):
    c = zlib.compressobj(level, zlib.DEFLATED, -15, 9, strategy)
    return c.compress(data) + c.flush()


def large_plain(size):
    """The same text tst_billparsers.cpp's largePlain() builds: words picked
    by a 32-bit LCG, so there are back-references at every distance."""
    words = [b"alipay", b"wechat", b"bill", b"line", b"fen", b"refund", b"payment",
             b"2026-01-01", b"\r\n", b",", b"0.00", b"PayDesk"]
    out = bytearray()
    x = 12345
    while len(out) < size:
        x = (x * 1103515245 + 12345) & 0xFFFFFFFF
        w = words[(x >> 16) % len(words)]
        out += w
        if (x >> 8) & 0xFF == 7:
            out += bytes([(x >> 24) & 0xFF])  # a byte no word has: literals too
    return bytes(out[:size])


def deflate_vectors():
    large = large_plain(300000)
    with open("large.deflate", "wb") as f:
        f.write(raw_deflate(large, 9))
    with open("large_stored.deflate", "wb") as f:
        f.write(raw_deflate(large[:70000], 0))


if __name__ == "__main__":
    wechat_sample()
    alipay_sample()
    deflate_vectors()
