// Alipay's trade bill: a ZIP holding the GBK detail CSV ("..._业务明细.csv":
// '#' lines, a header row, one row per payment or refund, '#' lines with
// the totals) and the summary CSV ("..._业务明细(汇总).csv", its 合计 row).
//
// Lines are split on the raw GBK bytes: GBK's trail bytes are 0x40-0xFE,
// so '\n', ',', '\t' and '#' never occur inside a character and a line
// break never splits one. The '#' lines and the header are decoded whole;
// detail rows only decode the few fields kept (mostly ASCII numbers, which
// need no decoder at all), which keeps a million-row bill fast.
#include "recon/BillParsers.h"
#include "recon/BillText.h"
#include "recon/LineReader.h"
#include "recon/Sha256.h"
#include "recon/ZipReader.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStringDecoder>
#include <QStringEncoder>

#include <array>

namespace paydesk {

namespace {

enum Column : int
{
    Ignored = -1,
    TradeNo = 0,
    PaymentNo,
    Type,
    Time,
    OrderAmount,
    Received,
    Batch,
    Fee,
    Remark,
    kColumnCount
};

struct Name
{
    const char16_t* text;
    int column;
};

// The official detail columns. Names are compared with full-width
// parentheses; some exports use ASCII ones, so those are normalised first.
constexpr Name kDetailNames[] = {
    {u"支付宝交易号", TradeNo},
    {u"商户订单号", PaymentNo},
    {u"业务类型", Type},
    {u"商品名称", Ignored},
    {u"创建时间", Ignored},
    {u"完成时间", Time},
    {u"门店编号", Ignored},
    {u"门店名称", Ignored},
    {u"操作员", Ignored},
    {u"终端号", Ignored},
    {u"对方账户", Ignored},
    {u"订单金额（元）", OrderAmount},
    {u"商家实收（元）", Received},
    {u"支付宝红包（元）", Ignored},
    {u"集分宝（元）", Ignored},
    {u"支付宝优惠（元）", Ignored},
    {u"商家优惠（元）", Ignored},
    {u"券核销金额（元）", Ignored},
    {u"券名称", Ignored},
    {u"商家红包消费金额（元）", Ignored},
    {u"卡消费金额（元）", Ignored},
    {u"退款批次号/请求号", Batch},
    {u"服务费（元）", Fee},
    {u"分润（元）", Ignored},
    {u"备注", Remark},
};

constexpr std::array<const char16_t*, kColumnCount> kColumnLabel = {
    u"支付宝交易号",   u"商户订单号",        u"业务类型",     u"完成时间", u"订单金额（元）",
    u"商家实收（元）", u"退款批次号/请求号", u"服务费（元）", u"备注"};

enum SummaryColumn : int
{
    SumPayments = 0,
    SumRefunds,
    SumReceived,
    SumFee,
    kSummaryCount
};

constexpr std::array<const char16_t*, kSummaryCount> kSummaryLabel = {
    u"交易订单总笔数", u"退款订单总笔数", u"商家实收（元）", u"服务费（元）"};

constexpr int kMaxFields = 64;

// sum += v, false instead of overflowing.
bool addChecked(qint64& sum, qint64 v)
{
    return !__builtin_add_overflow(sum, v, &sum);
}

QString normalisedName(QString name)
{
    name = name.trimmed();
    name.replace(QLatin1Char('('), QChar(0xFF08)).replace(QLatin1Char(')'), QChar(0xFF09));
    return name;
}

// A value without the tab Alipay appends to keep spreadsheets from
// reading numbers as numbers, and without stray spaces.
QByteArrayView cell(QByteArrayView v)
{
    while (!v.isEmpty() && (v.back() == '\t' || v.back() == ' '))
        v.chop(1);
    while (!v.isEmpty() && (v.front() == '\t' || v.front() == ' '))
        v = v.sliced(1);
    return v;
}

// ICU's GBK converter maps bytes no GBK character uses (0xFF, ...) to the
// private use area rather than flagging them; bills never hold such text.
bool hasUndecodable(QStringView text)
{
    for (QChar c : text)
        if (c.unicode() == 0xFFFD || (c.unicode() >= 0xE000 && c.unicode() <= 0xF8FF))
            return true;
    return false;
}

class AlipayParser
{
public:
    AlipayParser(const QString& path, const BillLineHandler& onLine)
        : m_path(path), m_onLine(onLine), m_gbk("GBK"), m_fieldGbk("GBK")
    {}

    BillParseResult run();

private:
    bool fail(const QString& file, qint64 line, const QString& why);
    bool readDetail(LineReader& reader, const QString& name);
    bool readSummary(LineReader& reader, const QString& name);
    // A whole line to text; false (and the error set) when it is UTF-8 or not GBK.
    bool decodeLine(QByteArrayView line, const QString& file, qint64 no, QString* text);
    bool text(QByteArrayView field, const QString& file, qint64 no, QString* out);
    bool readHeader(const QString& header, const QString& file, qint64 no);
    bool readRow(QByteArrayView line, const QString& file, qint64 no);
    bool readTail(const QString& line, const QString& file, qint64 no);
    // Ends the identity hash with the account (it is in a '#' line).
    QString identity()
    {
        m_identity.add(m_result.merchant.toUtf8());
        return m_identity.hex();
    }

    QString m_path;
    const BillLineHandler& m_onLine;
    BillParseResult m_result;
    QStringDecoder m_gbk;                    // whole lines, in file order
    QStringDecoder m_fieldGbk;               // single fields of detail rows
    QByteArray m_payment, m_refund;          // "交易", "退款" in GBK

    int m_fieldCount = 0;
    std::array<int, kColumnCount> m_at{};
    ChinaTimeParser m_time;
    BillLine m_line;
    // The rows of both files; the '#' lines are left out, since they stamp
    // the export time and a second download of the day differs there.
    Sha256 m_identity;

    qint64 m_payments = 0, m_refunds = 0;
    qint64 m_paidFen = 0;    // Σ 商家实收 of payments
    qint64 m_refundFen = 0;  // Σ 商家实收 of refunds (negative, as billed)
    qint64 m_fileFeeFen = 0; // Σ 服务费 as billed
    bool m_hasPaymentTotal = false, m_hasRefundTotal = false;
};

bool AlipayParser::fail(const QString& file, qint64 line, const QString& why)
{
    m_result.ok = false;
    m_result.errorLine = line;
    // One arg() call for all three: chained, a '%1' in the file name (an
    // entry's name comes from the archive) would take the next argument.
    m_result.error = line > 0
                         ? QStringLiteral("%1 line %2: %3").arg(file, QString::number(line), why)
                         : QStringLiteral("%1: %2").arg(file, why);
    return false;
}

bool AlipayParser::decodeLine(QByteArrayView line, const QString& file, qint64 no, QString* out)
{
    // GBK text is hardly ever valid UTF-8, so a line that is (and says
    // 支付宝 in UTF-8) was saved as UTF-8, by a person or a tool.
    if (line.startsWith("\xEF\xBB\xBF") ||
        (!isAscii(line) && line.isValidUtf8() &&
         QString::fromUtf8(line).contains(QStringLiteral("支付宝"))))
        return fail(file, no, QStringLiteral("the Alipay bill is UTF-8; Alipay bills are GBK"));
    // The line break goes through the decoder too: a lead byte left
    // dangling at the end of the line then shows as an error, instead of
    // waiting in the decoder's state for the next line.
    *out = m_gbk.decode(line);
    *out += m_gbk.decode(QByteArrayView("\n", 1));
    out->chop(1);
    if (m_gbk.hasError() || hasUndecodable(*out)) {
        m_gbk.resetState();
        return fail(file, no, QStringLiteral("not GBK text"));
    }
    return true;
}

bool AlipayParser::text(QByteArrayView field, const QString& file, qint64 no, QString* out)
{
    if (isAscii(field)) {
        assignUtf8(*out, field); // ASCII: the same in GBK
        return true;
    }
    *out = m_fieldGbk.decode(field);
    *out += m_fieldGbk.decode(QByteArrayView("\n", 1));
    out->chop(1);
    if (m_fieldGbk.hasError() || hasUndecodable(*out)) {
        m_fieldGbk.resetState();
        return fail(file, no, QStringLiteral("not GBK text"));
    }
    return true;
}

bool AlipayParser::readHeader(const QString& header, const QString& file, qint64 no)
{
    const QStringList names = header.split(QLatin1Char(','));
    m_fieldCount = int(names.size());
    if (m_fieldCount > kMaxFields)
        return fail(file, no,
                    QStringLiteral("%1 columns; no Alipay bill has that many").arg(m_fieldCount));
    m_at.fill(-1);
    for (int i = 0; i < m_fieldCount; ++i) {
        const QString name = normalisedName(names.at(i));
        int column = -2;
        for (const Name& n : kDetailNames)
            if (name == QStringView(n.text))
                column = n.column;
        if (column == -2)
            return fail(file, no,
                        QStringLiteral("unknown column \"%1\" (column %2)")
                            .arg(names.at(i).trimmed(), QString::number(i + 1)));
        if (column == Ignored)
            continue;
        if (m_at[column] >= 0)
            return fail(file, no, QStringLiteral("column \"%1\" appears twice").arg(name));
        m_at[column] = i;
    }
    for (int c = 0; c < kColumnCount; ++c)
        if (m_at[c] < 0 && c != Remark)
            return fail(file, no,
                        QStringLiteral("the header has no column \"%1\"")
                            .arg(QStringView(kColumnLabel[c])));
    return true;
}

bool AlipayParser::readRow(QByteArrayView line, const QString& file, qint64 no)
{
    std::array<QByteArrayView, kMaxFields> f;
    const int n = splitFields(line, ',', f.data(), kMaxFields);
    // 备注 is free text and Alipay does not quote it: when it is the last
    // column, commas in it make extra fields that all belong to it.
    const bool remarkLast = m_at[Remark] == m_fieldCount - 1;
    if (n < m_fieldCount || (n > m_fieldCount && !remarkLast))
        return fail(file, no,
                    QStringLiteral("%1 fields; the header has %2").arg(n).arg(m_fieldCount));
    auto value = [&](int column) { return cell(f[m_at[column]]); };
    auto amount = [&](int column, qint64* fen) {
        const bool parsed = parseDecimal(value(column), 2, fen);
        if (parsed && withinAmountCeiling(*fen, 2))
            return true;
        QString shown;
        text(value(column).first(std::min<qsizetype>(value(column).size(), 40)), file, no, &shown);
        if (parsed)
            return fail(file, no,
                        QStringLiteral("%1 \"%2\" is above PayDesk's ceiling of %3 yuan on any "
                                       "one amount")
                            .arg(QStringView(kColumnLabel[column]), shown, amountCeilingText()));
        return fail(file, no,
                    QStringLiteral("%1 \"%2\" is not an amount")
                        .arg(QStringView(kColumnLabel[column]), shown));
    };

    const QByteArrayView type = value(Type);
    const bool refund = type == m_refund;
    if (!refund && type != m_payment) {
        QString shown;
        text(type, file, no, &shown);
        return fail(file, no,
                    QStringLiteral("业务类型 \"%1\" is neither 交易 nor 退款").arg(shown));
    }
    qint64 order = 0, received = 0, fee = 0, atMs = 0;
    if (!amount(OrderAmount, &order) || !amount(Received, &received) || !amount(Fee, &fee))
        return false;
    // Payments bring money in, refunds take it out: the signs say which.
    if (refund ? (received > 0 || order > 0) : (received < 0 || order < 0))
        return fail(file, no,
                    refund ? QStringLiteral("a refund with a positive amount")
                           : QStringLiteral("a payment with a negative amount"));
    if (!m_time.parse(value(Time), &atMs))
        return fail(file, no, QStringLiteral("完成时间 is not yyyy-MM-dd HH:mm:ss"));

    BillLine& l = m_line;
    if (!text(value(TradeNo), file, no, &l.tradeNo) ||
        !text(value(PaymentNo), file, no, &l.paymentNo))
        return false;
    const QByteArrayView batch = value(Batch);
    if (refund) {
        if (!text(batch, file, no, &l.refundNo))
            return false;
        // A cancel that reversed a paid payment is billed as a refund
        // whose batch number is the Alipay trade number itself.
        l.kind = batch == value(TradeNo) ? BillLine::Kind::Revoke : BillLine::Kind::Refund;
        l.state = QStringLiteral("REFUND");
    } else {
        l.refundNo.clear();
        l.kind = BillLine::Kind::Payment;
        l.state = QStringLiteral("SUCCESS");
    }
    l.channelRefundNo.clear();
    l.currency = QStringLiteral("CNY");
    l.amountFen = received < 0 ? -received : received;
    l.feeFen = -fee; // billed as what the merchant gets: a charge is negative
    l.atMs = atMs;
    l.lineNo = no;

    BillTotals& t = m_result.totals;
    if (!addChecked(refund ? m_refundFen : m_paidFen, received) || !addChecked(m_fileFeeFen, fee) ||
        !addChecked(refund ? t.refundedFen : t.paidFen, l.amountFen) ||
        !addChecked(t.feeFen, l.feeFen))
        return fail(file, no,
                    QStringLiteral("the bill's sums overflow here: not a bill of one shop's day"));
    ++t.lines;
    if (refund) {
        ++m_refunds;
        ++t.refunds;
    } else {
        ++m_payments;
        ++t.payments;
    }

    if (m_onLine && !m_onLine(l)) {
        m_result.stopped = true;
        return fail(file, no, QStringLiteral("stopped by the caller"));
    }
    return true;
}

// "#交易合计：3笔，商家实收共30.00元，..." and "#退款合计：1笔，商家实收退款共-5.00元，...".
const QRegularExpression& totalsLine()
{
    static const QRegularExpression total(
        QStringLiteral("^#(交易|退款)合计：(\\d+)笔，商家实收(?:退款)?共(-?[0-9.]+)元"));
    return total;
}

bool AlipayParser::readTail(const QString& line, const QString& file, qint64 no)
{
    const QRegularExpressionMatch m = totalsLine().match(line);
    if (!m.hasMatch())
        return true; // other '#' lines: the rule, 导出时间
    const bool refunds = m.captured(1) == QStringLiteral("退款");
    qint64 count = 0, fen = 0;
    if (!parseDecimal(m.captured(2).toLatin1(), 0, &count) ||
        !parseDecimal(m.captured(3).toLatin1(), 2, &fen))
        return fail(file, no, QStringLiteral("unreadable totals \"%1\"").arg(line));
    const qint64 lines = refunds ? m_refunds : m_payments;
    const qint64 sum = refunds ? m_refundFen : m_paidFen;
    if (count != lines || fen != sum) {
        const QString what = refunds ? QStringLiteral("refunds") : QStringLiteral("payments");
        return fail(file, no,
                    QStringLiteral("the bill says %1 %2 / %3 yuan, the lines add up "
                                   "to %4 %2 / %5 yuan")
                        .arg(count)
                        .arg(what, decimalText(fen, 2))
                        .arg(lines)
                        .arg(decimalText(sum, 2)));
    }
    (refunds ? m_hasRefundTotal : m_hasPaymentTotal) = true;
    return true;
}

bool AlipayParser::readDetail(LineReader& reader, const QString& file)
{
    enum class Part
    {
        Head,
        Rows,
        Tail
    } part = Part::Head;
    QByteArrayView line;
    QString decoded;
    bool any = false;
    while (reader.next(&line)) {
        const qint64 no = reader.lineNo();
        if (line.isEmpty())
            continue;
        any = true;
        if (!line.startsWith('#')) {
            m_identity.add(line);
            m_identity.add("\n", 1);
        }
        if (part == Part::Rows && !line.startsWith('#')) {
            if (!readRow(line, file, no))
                return false;
            continue;
        }
        if (!decodeLine(line, file, no, &decoded))
            return false;
        switch (part) {
        case Part::Head:
            if (decoded.startsWith(QLatin1Char('#'))) {
                static const QRegularExpression account(QStringLiteral("^#账号：\\[([^\\]]*)\\]"));
                const QRegularExpressionMatch m = account.match(decoded);
                // The head's '#' lines hold the account; totals come after
                // the rows. One that contradicts the bill is not skipped.
                if (m.hasMatch()) {
                    const QString account = m.captured(1).trimmed();
                    if (!m_result.merchant.isEmpty() && account != m_result.merchant)
                        return fail(file, no,
                                    QStringLiteral("a second account %1 (the bill is for %2)")
                                        .arg(account, m_result.merchant));
                    m_result.merchant = account;
                } else if (totalsLine().match(decoded).hasMatch()) {
                    return fail(file, no, QStringLiteral("totals before the header row"));
                }
            } else {
                if (!readHeader(decoded, file, no))
                    return false;
                part = Part::Rows;
            }
            break;
        case Part::Rows:
            part = Part::Tail;
            [[fallthrough]];
        case Part::Tail:
            if (!decoded.startsWith(QLatin1Char('#')))
                return fail(file, no, QStringLiteral("a row after the closing '#' lines"));
            if (!readTail(decoded, file, no))
                return false;
            break;
        }
    }
    if (reader.lineTooLong())
        return fail(file, reader.lineNo(), QStringLiteral("longer than 64 KiB: not a bill line"));
    if (reader.sourceFailed())
        return false; // the source set the error
    if (!any)
        return fail(file, 0, QStringLiteral("the Alipay bill is empty"));
    if (part == Part::Head)
        return fail(file, reader.lineNo(),
                    QStringLiteral("the bill ends here without its header "
                                   "row"));
    if (!m_hasPaymentTotal || !m_hasRefundTotal)
        return fail(file, reader.lineNo(),
                    QStringLiteral("the bill ends here without its '#%1合计' line (cut short?)")
                        .arg(m_hasPaymentTotal ? QStringLiteral("退款") : QStringLiteral("交易")));
    if (m_result.merchant.isEmpty())
        return fail(file, 0, QStringLiteral("the bill names no account ('#账号：[...]' line)"));
    return true;
}

bool AlipayParser::readSummary(LineReader& reader, const QString& file)
{
    std::array<int, kSummaryCount> at{};
    int fieldCount = 0;
    bool header = false;
    QByteArrayView line;
    QString decoded;
    while (reader.next(&line)) {
        const qint64 no = reader.lineNo();
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        m_identity.add(line);
        m_identity.add("\n", 1);
        if (!decodeLine(line, file, no, &decoded))
            return false;
        const QStringList cells = decoded.split(QLatin1Char(','));
        if (!header) {
            at.fill(-1);
            fieldCount = int(cells.size());
            for (int i = 0; i < fieldCount; ++i)
                for (int c = 0; c < kSummaryCount; ++c)
                    if (normalisedName(cells.at(i)) == QStringView(kSummaryLabel[c]))
                        at[c] = i;
            for (int c = 0; c < kSummaryCount; ++c)
                if (at[c] < 0)
                    return fail(file, no,
                                QStringLiteral("the header has no column \"%1\"")
                                    .arg(QStringView(kSummaryLabel[c])));
            header = true;
            continue;
        }
        if (cells.value(0).trimmed() != QStringLiteral("合计"))
            continue; // one row per store
        if (cells.size() != fieldCount)
            return fail(
                file, no,
                QStringLiteral("%1 fields; the header has %2").arg(cells.size()).arg(fieldCount));
        std::array<qint64, kSummaryCount> v{};
        for (int c = 0; c < kSummaryCount; ++c)
            if (!parseDecimal(cell(cells.at(at[c]).toLatin1()), c < SumReceived ? 0 : 2, &v[c]))
                return fail(file, no,
                            QStringLiteral("%1 \"%2\" is not a number")
                                .arg(QStringView(kSummaryLabel[c]), cells.at(at[c])));
        const qint64 net = m_paidFen + m_refundFen;
        if (v[SumPayments] != m_payments || v[SumRefunds] != m_refunds || v[SumReceived] != net ||
            v[SumFee] != m_fileFeeFen)
            return fail(file, no,
                        QStringLiteral("summary says %1 payments, %2 refunds / %3 yuan, %4 yuan "
                                       "fees; the detail lines add up to %5, %6 / %7 yuan, %8 "
                                       "yuan fees")
                            .arg(v[SumPayments])
                            .arg(v[SumRefunds])
                            .arg(decimalText(v[SumReceived], 2), decimalText(v[SumFee], 2))
                            .arg(m_payments)
                            .arg(m_refunds)
                            .arg(decimalText(net, 2), decimalText(m_fileFeeFen, 2)));
        return true;
    }
    if (reader.sourceFailed())
        return false;
    return fail(file, reader.lineNo(), QStringLiteral("no 合计 row (cut short?)"));
}

BillParseResult AlipayParser::run()
{
    const QString fileName = QFileInfo(m_path).fileName();
    if (!m_gbk.isValid() || !m_fieldGbk.isValid()) {
        fail(fileName, 0,
             QStringLiteral("this Qt has no GBK decoder (built without ICU): "
                            "cannot read Alipay bills"));
        return m_result;
    }
    QStringEncoder gbk("GBK");
    m_payment = gbk.encode(QStringLiteral("交易"));
    m_refund = gbk.encode(QStringLiteral("退款"));

    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly)) {
        fail(fileName, 0, QStringLiteral("cannot open: ") + file.errorString());
        return m_result;
    }
    const QByteArray magic = file.peek(4);
    if (!magic.startsWith("PK")) {
        // A bare detail CSV: only its own '#' totals can be checked.
        LineReader reader([&](char* buf, qsizetype max) -> qsizetype {
            const qint64 got = file.read(buf, max);
            if (got < 0)
                fail(fileName, 0, QStringLiteral("cannot read: ") + file.errorString());
            return got < 0 ? -1 : qsizetype(got);
        });
        m_result.ok = readDetail(reader, fileName);
        if (m_result.ok)
            m_result.contentSha256 = identity();
        return m_result;
    }
    file.close();

    ZipReader zip;
    QString error;
    if (!zip.open(m_path, &error)) {
        fail(fileName, 0, error.section(QStringLiteral(": "), 1));
        return m_result;
    }
    const ZipEntry* detail = nullptr;
    const ZipEntry* summary = nullptr;
    QString detailName, summaryName;
    QStringList names;
    for (const ZipEntry& e : zip.entries()) {
        QString name = e.utf8Name ? QString::fromUtf8(e.rawName) : m_gbk.decode(e.rawName);
        m_gbk.resetState();
        names << name;
        if (!name.endsWith(QStringLiteral(".csv")))
            continue;
        // One of each: a second would be left unread, and its lines with it.
        const bool isSummary = name.contains(QStringLiteral("汇总"));
        if (!isSummary && !name.endsWith(QStringLiteral("业务明细.csv")))
            continue;
        if (isSummary ? summary != nullptr : detail != nullptr) {
            fail(fileName, 0,
                 QStringLiteral("the archive holds two %1 files (%2 and %3)")
                     .arg(isSummary ? QStringLiteral("summary") : QStringLiteral("detail"),
                          isSummary ? summaryName : detailName, name));
            return m_result;
        }
        (isSummary ? summary : detail) = &e;
        (isSummary ? summaryName : detailName) = name;
    }
    if (!detail) {
        fail(fileName, 0,
             QStringLiteral("no ..._业务明细.csv in the archive (it holds: %1)")
                 .arg(names.join(QStringLiteral(", "))));
        return m_result;
    }
    auto parseEntry = [&](const ZipEntry& e, const QString& name, bool isDetail) {
        std::unique_ptr<ZipEntryReader> entry = zip.openEntry(e, name, &error);
        if (!entry) {
            m_result.error = error;
            return false;
        }
        ZipEntryReader* r = entry.get();
        LineReader reader([&, r](char* buf, qsizetype max) -> qsizetype {
            const qsizetype got = r->read(buf, max);
            if (got < 0) {
                m_result.errorLine = 0;
                m_result.error = r->error();
            }
            return got;
        });
        return isDetail ? readDetail(reader, name) : readSummary(reader, name);
    };
    if (!parseEntry(*detail, detailName, true))
        return m_result;
    // The files' rows must not run together: a row moved from one file to
    // the other is another bill.
    m_identity.add("\x1e\n", 2);
    if (summary && !parseEntry(*summary, summaryName, false))
        return m_result;
    m_result.contentSha256 = identity();
    m_result.ok = true;
    return m_result;
}

} // namespace

BillParseResult parseAlipayBillFile(const QString& path, const BillLineHandler& onLine)
{
    return AlipayParser(path, onLine).run();
}

} // namespace paydesk
