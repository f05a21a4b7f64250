// WeChat Pay V2 pay/downloadbill text: the header names the columns (they
// differ between ALL, SUCCESS and REFUND bills, and older merchants' bills
// use older names), so columns are mapped by name, never by position.
#include "recon/BillParsers.h"
#include "recon/BillText.h"
#include "recon/LineReader.h"
#include "recon/Sha256.h"

#include <QFile>
#include <QFileInfo>

#include <array>

namespace paydesk {

namespace {

// The columns the parser reads; every other known column is skipped.
enum Column : int
{
    Ignored = -1,
    Time = 0,
    MchId,
    TradeNo,
    PaymentNo,
    State,
    Currency,
    Settled,
    RefundId,
    RefundNo,
    RefundAmount,
    RefundState,
    Fee,
    RefundDoneTime,
    Coupon,
    CouponOrDiscount,
    OrderTotal,
    kColumnCount
};

struct Name
{
    const char* text;
    int column;
};

// Current names first; 子商户号, 总金额 and the 代金券/企业红包 columns are the
// names of bills from before the 2018 coupon settlement change.
constexpr Name kDetailNames[] = {
    {"交易时间", Time},
    {"公众账号ID", Ignored},
    {"商户号", MchId},
    {"特约商户号", Ignored},
    {"子商户号", Ignored},
    {"设备号", Ignored},
    {"微信订单号", TradeNo},
    {"商户订单号", PaymentNo},
    {"用户标识", Ignored},
    {"交易类型", Ignored},
    {"交易状态", State},
    {"付款银行", Ignored},
    {"货币种类", Currency},
    {"应结订单金额", Settled},
    {"总金额", Settled},
    {"代金券金额", Coupon},
    {"代金券或立减优惠金额", CouponOrDiscount},
    {"企业红包金额", Ignored},
    {"微信退款单号", RefundId},
    {"商户退款单号", RefundNo},
    {"退款金额", RefundAmount},
    {"充值券退款金额", Ignored},
    {"代金券或立减优惠退款金额", Ignored},
    {"企业红包退款金额", Ignored},
    {"退款类型", Ignored},
    {"退款状态", RefundState},
    {"商品名称", Ignored},
    {"商户数据包", Ignored},
    {"手续费", Fee},
    {"费率", Ignored},
    {"订单金额", OrderTotal},
    {"申请退款金额", Ignored},
    {"费率备注", Ignored},
    {"退款申请时间", Ignored},
    {"退款成功时间", RefundDoneTime},
};

// Names used in messages for the columns the parser needs.
constexpr std::array<const char*, kColumnCount> kColumnLabel = {
    "交易时间",     "商户号",       "微信订单号",           "商户订单号", "交易状态", "货币种类",
    "应结订单金额", "微信退款单号", "商户退款单号",         "退款金额",   "退款状态", "手续费",
    "退款成功时间", "代金券金额",   "代金券或立减优惠金额", "订单金额"};

enum SummaryColumn : int
{
    SumCount = 0,
    SumSettled,
    SumRefunded,
    SumFee,
    kSummaryCount
};

constexpr Name kSummaryNames[] = {
    {"总交易单数", SumCount},        {"应结订单总金额", SumSettled},
    {"总交易额", SumSettled},        {"退款总金额", SumRefunded},
    {"总退款金额", SumRefunded},     {"手续费总金额", SumFee},
    {"充值券退款总金额", Ignored},   {"订单总金额", Ignored},
    {"申请退款总金额", Ignored},     {"总代金券或立减优惠退款金额", Ignored},
    {"总企业红包退款金额", Ignored},
};

constexpr std::array<const char*, kSummaryCount> kSummaryLabel = {"总交易单数", "应结订单总金额",
                                                                  "退款总金额", "手续费总金额"};

enum class BillType
{
    All,
    Success,
    Refund
};

constexpr int kMaxFields = 64;

// Trades that never paid. WeChat's trade bills list paid trades only
// ("transactions that are not ordered successfully are excluded"), so one
// of these in a bill is not money, and a file listing them is not a bill
// PayDesk understands: the whole bill is refused rather than the lines
// skipped, since skipping would reconcile a file whose meaning we guessed.
constexpr const char* kUnpaidStates[] = {"NOTPAY", "CLOSED", "USERPAYING", "PAYERROR"};

bool oneOf(QByteArrayView v, std::initializer_list<const char*> texts)
{
    for (const char* t : texts)
        if (v == QByteArrayView(t))
            return true;
    return false;
}

// sum += v, false instead of overflowing.
bool addChecked(qint64& sum, qint64 v)
{
    return !__builtin_add_overflow(sum, v, &sum);
}

template <size_t N> int lookup(const Name (&names)[N], QByteArrayView text, bool* known)
{
    for (const Name& n : names) {
        if (text == QByteArrayView(n.text)) {
            *known = true;
            return n.column;
        }
    }
    *known = false;
    return Ignored;
}

// A value as quoted in a message: at most 40 bytes of it.
QString shown(QByteArrayView v)
{
    return QString::fromUtf8(v.first(std::min<qsizetype>(v.size(), 40)));
}

QByteArrayView trimmed(QByteArrayView v)
{
    while (!v.isEmpty() && (v.front() == ' ' || v.front() == '\t'))
        v = v.sliced(1);
    while (!v.isEmpty() && (v.back() == ' ' || v.back() == '\t'))
        v.chop(1);
    return v;
}

// Splits at ",`": values that hold a comma (WeChat does not quote them)
// still split right, since every value starts with a backtick.
int splitTicked(QByteArrayView line, QByteArrayView* fields, int max)
{
    int n = 0;
    qsizetype start = 0;
    for (;;) {
        const qsizetype hit = line.indexOf(QByteArrayView(",`"), start);
        const qsizetype stop = hit < 0 ? line.size() : hit;
        if (n < max)
            fields[n] = line.sliced(start, stop - start);
        ++n;
        if (hit < 0)
            return n;
        start = hit + 1;
    }
}

class WeChatParser
{
public:
    WeChatParser(const QString& path, const BillLineHandler& onLine)
        : m_path(path), m_onLine(onLine)
    {}

    BillParseResult run();

private:
    bool fail(qint64 line, const QString& why);
    bool readHeader(QByteArrayView line);
    bool readDetail(QByteArrayView line, qint64 no);
    bool readSummaryHeader(QByteArrayView line, qint64 no);
    bool readSummary(QByteArrayView line, qint64 no);
    bool splitValues(QByteArrayView line, qint64 no, int expected, QByteArrayView* values);
    bool checkStateAndCurrency(QByteArrayView state, QByteArrayView currency, bool refund,
                               qint64 no);

    QString m_path;
    const BillLineHandler& m_onLine;
    BillParseResult m_result;

    BillType m_type = BillType::All;
    int m_fieldCount = 0;
    std::array<int, kColumnCount> m_at{}; // field index of each column, -1 when absent
    int m_summaryFieldCount = 0;
    std::array<int, kSummaryCount> m_summaryAt{};

    QByteArray m_merchant;
    ChinaTimeParser m_time;
    BillLine m_line;
    Sha256 m_identity; // every line but blank ones: WeChat's text stamps no time

    // Column sums, to hold against the summary line.
    qint64 m_settledSum = 0;
    qint64 m_refundSum = 0;
    qint64 m_feeUnitSum = 0;
};

bool WeChatParser::fail(qint64 line, const QString& why)
{
    m_result.ok = false;
    m_result.errorLine = line;
    m_result.error = line > 0 ? QStringLiteral("line %1: %2").arg(line).arg(why) : why;
    return false;
}

bool WeChatParser::readHeader(QByteArrayView line)
{
    if (line.startsWith("\xEF\xBB\xBF"))
        line = line.sliced(3);
    if (line.startsWith("<xml") || line.startsWith("<?xml"))
        return fail(1, QStringLiteral("the file is a WeChat error answer (XML), not a bill"));
    if (!line.isValidUtf8())
        return fail(1, QStringLiteral("the header is not valid UTF-8"));
    std::array<QByteArrayView, kMaxFields> names;
    m_fieldCount = splitFields(line, ',', names.data(), kMaxFields);
    if (m_fieldCount > kMaxFields)
        return fail(1, QStringLiteral("the header has %1 columns; no WeChat bill has that many")
                           .arg(m_fieldCount));
    m_at.fill(-1);
    bool refundBill = false;
    for (int i = 0; i < m_fieldCount; ++i) {
        QByteArrayView name = trimmed(names[i]);
        if (name.startsWith('`'))
            name = trimmed(name.sliced(1));
        bool known = false;
        const int column = lookup(kDetailNames, name, &known);
        if (!known || name.isEmpty())
            return fail(1, QStringLiteral("unknown column \"%1\" (column %2)")
                               .arg(QString::fromUtf8(name), QString::number(i + 1)));
        if (name == QByteArrayView("退款申请时间"))
            refundBill = true;
        if (column == Ignored)
            continue;
        if (m_at[column] >= 0)
            return fail(1,
                        QStringLiteral("column \"%1\" appears twice").arg(QString::fromUtf8(name)));
        m_at[column] = i;
    }
    m_type = refundBill                ? BillType::Refund
             : m_at[RefundAmount] >= 0 ? BillType::All
                                       : BillType::Success;
    std::array<int, 12> required = {Time,    MchId, TradeNo,  PaymentNo, State,        Currency,
                                    Settled, Fee,   RefundId, RefundNo,  RefundAmount, RefundState};
    const int requiredCount = m_type == BillType::Success ? 8 : 12;
    for (int i = 0; i < requiredCount; ++i)
        if (m_at[required[i]] < 0)
            return fail(1, QStringLiteral("the header has no column \"%1\"")
                               .arg(QString::fromUtf8(kColumnLabel[required[i]])));
    return true;
}

bool WeChatParser::splitValues(QByteArrayView line, qint64 no, int expected, QByteArrayView* values)
{
    int n = splitFields(line, ',', values, kMaxFields);
    bool ticked = n == expected;
    for (int i = 0; ticked && i < n; ++i)
        ticked = values[i].startsWith('`');
    if (!ticked) {
        // A comma inside a value (WeChat does not quote): split at ",`".
        const int commaFree = n;
        if (line.startsWith('`')) {
            n = splitTicked(line, values, kMaxFields);
            if (n == expected)
                ticked = true;
        }
        if (!ticked) {
            n = splitFields(line, ',', values, kMaxFields);
            if (commaFree != expected)
                return fail(
                    no,
                    QStringLiteral("%1 fields; the header has %2").arg(commaFree).arg(expected));
            for (int i = 0; i < n; ++i)
                if (!values[i].startsWith('`'))
                    return fail(no, QStringLiteral("value %1 (\"%2\") does not start with a "
                                                   "backtick")
                                        .arg(i + 1)
                                        .arg(shown(values[i])));
        }
    }
    for (int i = 0; i < n; ++i)
        values[i] = values[i].sliced(1);
    return true;
}

bool WeChatParser::readDetail(QByteArrayView line, qint64 no)
{
    if (!line.isValidUtf8())
        return fail(no, QStringLiteral("not valid UTF-8"));
    std::array<QByteArrayView, kMaxFields> v;
    if (!splitValues(line, no, m_fieldCount, v.data()))
        return false;
    auto value = [&](int column) { return v[m_at[column]]; };
    auto amountError = [&](int column, QByteArrayView text) {
        return fail(no, QStringLiteral("%1 \"%2\" is not an amount")
                            .arg(QString::fromUtf8(kColumnLabel[column]), shown(text)));
    };
    // An optional column reads as 0 when absent or empty.
    auto amount = [&](int column, int decimals, qint64* units) {
        *units = 0;
        if (m_at[column] < 0 || value(column).isEmpty())
            return true;
        if (!parseDecimal(value(column), decimals, units))
            return amountError(column, value(column));
        if (!withinAmountCeiling(*units, decimals))
            return fail(no, QStringLiteral("%1 \"%2\" is above PayDesk's ceiling of %3 yuan on "
                                           "any one amount")
                                .arg(QString::fromUtf8(kColumnLabel[column]), shown(value(column)),
                                     amountCeilingText()));
        return true;
    };

    const QByteArrayView mch = value(MchId);
    if (m_merchant.isEmpty()) {
        if (mch.isEmpty())
            return fail(no, QStringLiteral("the 商户号 is empty"));
        m_merchant = mch.toByteArray();
        m_result.merchant = QString::fromUtf8(m_merchant);
    } else if (mch != m_merchant) {
        return fail(no, QStringLiteral("merchant %1, but the bill is for merchant %2")
                            .arg(QString::fromUtf8(mch), m_result.merchant));
    }

    bool refund = m_type == BillType::Refund;
    if (m_type == BillType::All) {
        const QByteArrayView refundNo = value(RefundNo);
        refund = (!refundNo.isEmpty() && refundNo != QByteArrayView("0")) ||
                 !value(RefundState).isEmpty();
    }

    qint64 settled = 0, refunded = 0, feeUnits = 0, coupon = 0, couponOrDiscount = 0, total = 0;
    if (value(Settled).isEmpty())
        return amountError(Settled, value(Settled));
    if (value(Fee).isEmpty())
        return amountError(Fee, value(Fee));
    if (!amount(Settled, 2, &settled) || !amount(RefundAmount, 2, &refunded) ||
        !amount(Fee, 5, &feeUnits) || !amount(Coupon, 2, &coupon) ||
        !amount(CouponOrDiscount, 2, &couponOrDiscount) || !amount(OrderTotal, 2, &total))
        return false;
    if (settled < 0 || refunded < 0)
        return fail(
            no, QStringLiteral("a negative %1")
                    .arg(QString::fromUtf8(kColumnLabel[settled < 0 ? Settled : RefundAmount])));
    if (refund && refunded == 0)
        return fail(no, QStringLiteral("a refund line with no 退款金额"));
    // A coupon pays part of the order, never more than all of it. Older
    // bills have no 订单金额: their 总金额 (read as Settled) is the order.
    if (!refund) {
        const qint64 order = m_at[OrderTotal] >= 0 ? total : settled;
        for (int column : {Coupon, CouponOrDiscount}) {
            const qint64 c = column == Coupon ? coupon : couponOrDiscount;
            if (c < 0 || c > order)
                return fail(no, QStringLiteral("%1 %2 is %3 the line's %4 %5")
                                    .arg(QString::fromUtf8(kColumnLabel[column]), decimalText(c, 2),
                                         c < 0 ? QStringLiteral("negative, not within")
                                               : QStringLiteral("more than"),
                                         m_at[OrderTotal] >= 0 ? QStringLiteral("订单金额")
                                                               : QStringLiteral("总金额"),
                                         decimalText(order, 2)));
        }
    }

    // REFUND bills stamp the refund's own completion; ALL bills put it in 交易时间.
    QByteArrayView when = value(Time);
    if (refund && m_at[RefundDoneTime] >= 0 && !value(RefundDoneTime).isEmpty())
        when = value(RefundDoneTime);
    qint64 atMs = 0;
    if (!m_time.parse(when, &atMs))
        return fail(no, QStringLiteral("time \"%1\" is not yyyy-MM-dd HH:mm:ss").arg(shown(when)));

    const QByteArrayView state = value(State);
    if (!checkStateAndCurrency(state, value(Currency), refund, no))
        return false;
    BillLine& l = m_line;
    l.kind = !refund                              ? BillLine::Kind::Payment
             : state == QByteArrayView("REVOKED") ? BillLine::Kind::Revoke
                                                  : BillLine::Kind::Refund;
    assignUtf8(l.paymentNo, value(PaymentNo));
    assignUtf8(l.tradeNo, value(TradeNo));
    if (refund) {
        assignUtf8(l.refundNo, value(RefundNo));
        assignUtf8(l.channelRefundNo, value(RefundId));
    } else {
        l.refundNo.clear();
        l.channelRefundNo.clear();
    }
    assignUtf8(l.state, state);
    assignUtf8(l.currency, value(Currency));
    l.amountFen = refund ? refunded : settled;
    l.feeFen = feeUnitsToFen(feeUnits);
    l.atMs = atMs;
    l.lineNo = no;

    // The summary is held against what the lines count for: a payment's
    // 应结订单金额 and a refund's 退款金额. An amount in the other column
    // counts for nothing, so a summary that counts it differs from the
    // totals PayDesk reconciles, and the bill is refused.
    if (!addChecked(m_settledSum, refund ? 0 : settled) ||
        !addChecked(m_refundSum, refund ? refunded : 0) || !addChecked(m_feeUnitSum, feeUnits))
        return fail(no, QStringLiteral("the bill's sums overflow here: not a bill of one shop's "
                                       "day"));
    BillTotals& t = m_result.totals;
    ++t.lines;
    if (refund) {
        ++t.refunds;
        t.refundedFen += l.amountFen;
    } else {
        ++t.payments;
        t.paidFen += l.amountFen;
    }
    t.feeFen += l.feeFen;

    if (m_onLine && !m_onLine(l)) {
        m_result.stopped = true;
        return fail(no, QStringLiteral("stopped by the caller"));
    }
    return true;
}

bool WeChatParser::checkStateAndCurrency(QByteArrayView state, QByteArrayView currency, bool refund,
                                         qint64 no)
{
    if (state.isEmpty())
        return fail(no, QStringLiteral("交易状态 is empty"));
    for (const char* unpaid : kUnpaidStates)
        if (state == QByteArrayView(unpaid))
            return fail(no, QStringLiteral("交易状态 \"%1\" is a trade that was never paid; "
                                           "WeChat's trade bills list paid trades only (SUCCESS, "
                                           "REFUND, REVOKED), so this is no bill PayDesk can "
                                           "reconcile")
                                .arg(shown(state)));
    // A payment line says SUCCESS, or REVOKED / REFUND when it was reversed
    // later (the reversal is a line of its own); a refund line never SUCCESS.
    if (!oneOf(state, {"SUCCESS", "REFUND", "REVOKED"}))
        return fail(no, QStringLiteral("unknown 交易状态 \"%1\" (WeChat's trade bills use "
                                       "SUCCESS, REFUND and REVOKED)")
                            .arg(shown(state)));
    if (refund && state == QByteArrayView("SUCCESS"))
        return fail(no, QStringLiteral("a refund line whose 交易状态 is SUCCESS (refund lines say "
                                       "REFUND or REVOKED)"));
    // Amounts are fen of yuan throughout PayDesk: another currency's line
    // would be matched as that many fen.
    if (currency.isEmpty())
        return fail(no, QStringLiteral("货币种类 is empty"));
    if (currency != QByteArrayView("CNY"))
        return fail(no, QStringLiteral("货币种类 \"%1\": PayDesk reconciles CNY bills only")
                            .arg(shown(currency)));
    return true;
}

bool WeChatParser::readSummaryHeader(QByteArrayView line, qint64 no)
{
    std::array<QByteArrayView, kMaxFields> names;
    m_summaryFieldCount = splitFields(line, ',', names.data(), kMaxFields);
    // The summary line is split into as many values as this header has
    // names, into an array of kMaxFields.
    if (m_summaryFieldCount > kMaxFields)
        return fail(no, QStringLiteral("the summary header has %1 columns; no WeChat bill has "
                                       "that many")
                            .arg(m_summaryFieldCount));
    m_summaryAt.fill(-1);
    for (int i = 0; i < m_summaryFieldCount; ++i) {
        const QByteArrayView name = trimmed(names[i]);
        bool known = false;
        const int column = lookup(kSummaryNames, name, &known);
        if (!known)
            return fail(
                no, QStringLiteral("unknown summary column \"%1\"").arg(QString::fromUtf8(name)));
        if (column != Ignored)
            m_summaryAt[column] = i;
    }
    for (int c = 0; c < kSummaryCount; ++c)
        if (m_summaryAt[c] < 0 && !(c == SumRefunded && m_type == BillType::Success))
            return fail(no, QStringLiteral("the summary header has no column \"%1\"")
                                .arg(QString::fromUtf8(kSummaryLabel[c])));
    return true;
}

bool WeChatParser::readSummary(QByteArrayView line, qint64 no)
{
    if (!line.isValidUtf8())
        return fail(no, QStringLiteral("not valid UTF-8"));
    std::array<QByteArrayView, kMaxFields> v;
    if (!splitValues(line, no, m_summaryFieldCount, v.data()))
        return false;
    qint64 count = 0, settled = 0, refunded = 0, feeUnits = 0;
    if (!parseDecimal(v[m_summaryAt[SumCount]], 0, &count))
        return fail(no, QStringLiteral("总交易单数 \"%1\" is not a number")
                            .arg(shown(v[m_summaryAt[SumCount]])));
    for (int c : {SumSettled, SumRefunded}) {
        if (m_summaryAt[c] >= 0 &&
            !parseDecimal(v[m_summaryAt[c]], 2, c == SumSettled ? &settled : &refunded))
            return fail(no,
                        QStringLiteral("%1 \"%2\" is not an amount")
                            .arg(QString::fromUtf8(kSummaryLabel[c]), shown(v[m_summaryAt[c]])));
    }
    if (!parseDecimal(v[m_summaryAt[SumFee]], 5, &feeUnits))
        return fail(no, QStringLiteral("手续费总金额 \"%1\" is not an amount")
                            .arg(shown(v[m_summaryAt[SumFee]])));
    // Fees are compared at five decimals: rounding each line to the fen
    // first would drift from WeChat's own sum.
    const BillTotals& t = m_result.totals;
    if (count != t.lines || settled != m_settledSum || refunded != m_refundSum ||
        feeUnits != m_feeUnitSum)
        return fail(no, QStringLiteral("summary says %1 lines / %2 yuan paid, %3 yuan refunded, "
                                       "%4 yuan fees; the lines add up to %5 lines / %6 yuan "
                                       "paid, %7 yuan refunded, %8 yuan fees")
                            .arg(count)
                            .arg(decimalText(settled, 2), decimalText(refunded, 2),
                                 decimalText(feeUnits, 5))
                            .arg(t.lines)
                            .arg(decimalText(m_settledSum, 2), decimalText(m_refundSum, 2),
                                 decimalText(m_feeUnitSum, 5)));
    return true;
}

BillParseResult WeChatParser::run()
{
    const QString fileName = QFileInfo(m_path).fileName();
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly)) {
        fail(0, QStringLiteral("%1: cannot open: %2").arg(fileName, file.errorString()));
        return m_result;
    }
    LineReader reader([&file](char* buf, qsizetype max) -> qsizetype {
        const qint64 got = file.read(buf, max);
        return got < 0 ? -1 : qsizetype(got);
    });

    // Header, detail lines, summary header, summary line, nothing after.
    enum class Part
    {
        Header,
        Detail,
        Summary,
        After
    } part = Part::Header;
    QByteArrayView line;
    while (reader.next(&line)) {
        const qint64 no = reader.lineNo();
        if (!line.isEmpty()) {
            m_identity.add(line.startsWith("\xEF\xBB\xBF") ? line.sliced(3) : line);
            m_identity.add("\n", 1);
        }
        if (part == Part::Header) {
            if (!readHeader(line))
                return m_result;
            part = Part::Detail;
            continue;
        }
        if (line.isEmpty())
            continue;
        switch (part) {
        case Part::Header:
            break;
        case Part::Detail:
            if (line.startsWith("总交易单数") || line.startsWith("`总交易单数")) {
                if (!readSummaryHeader(line, no))
                    return m_result;
                part = Part::Summary;
            } else if (!readDetail(line, no)) {
                return m_result;
            }
            break;
        case Part::Summary:
            if (!readSummary(line, no))
                return m_result;
            part = Part::After;
            break;
        case Part::After:
            fail(no, QStringLiteral("text after the summary line"));
            return m_result;
        }
    }
    if (reader.lineTooLong()) {
        fail(reader.lineNo(), QStringLiteral("longer than 64 KiB: not a bill line"));
        return m_result;
    }
    if (reader.sourceFailed()) {
        fail(0, QStringLiteral("%1: cannot read: %2").arg(fileName, file.errorString()));
        return m_result;
    }
    switch (part) {
    case Part::Header:
        fail(0, QStringLiteral("%1: the WeChat bill is empty").arg(fileName));
        return m_result;
    case Part::Detail:
    case Part::Summary:
        fail(reader.lineNo(), QStringLiteral("the bill ends here without its summary line "
                                             "(cut short?)"));
        return m_result;
    case Part::After:
        break;
    }
    m_result.contentSha256 = m_identity.hex();
    m_result.ok = true;
    return m_result;
}

} // namespace

BillParseResult parseWeChatBillFile(const QString& path, const BillLineHandler& onLine)
{
    return WeChatParser(path, onLine).run();
}

} // namespace paydesk
