// Alipay trade bills: the ZIP of GBK CSVs the download URL serves, or a bare
// GBK detail CSV. The shared bill contract, a refusal naming its file and
// line, and a taken bare CSV's '#...合计' lines (read here on their own)
// equal to the totals PayDesk reconciles.
#include "BillChecks.h"
#include "FuzzSupport.h"

#include "recon/BillText.h"

#include <QRegularExpression>
#include <QStringDecoder>

using namespace paydesk;
using namespace paydesk::fuzz;

namespace {

void checkTail(const QByteArray& file, const BillParseResult& r)
{
    // Rows are decoded field by field, and only the fields PayDesk reads
    // (for speed): bytes that are no GBK in a column it skips are no error.
    // The '#' lines are decoded whole.
    QStringDecoder gbk("GBK");
    const QString text = gbk.decode(file);
    static const QRegularExpression total(
        QStringLiteral("^#(交易|退款)合计：(\\d+)笔，商家实收(?:退款)?共(-?\\d+(?:\\.\\d+)?)元"),
        QRegularExpression::MultilineOption);
    bool seen[2] = {false, false};
    for (auto it = total.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const bool refunds = m.captured(1) == QStringLiteral("退款");
        qint64 count = 0, fen = 0;
        require(parseDecimal(m.captured(2).toLatin1(), 0, &count) &&
                    parseDecimal(m.captured(3).toLatin1(), 2, &fen),
                "a taken bill with unreadable totals", m.captured(0));
        const BillTotals& t = r.totals;
        const QString detail = m.captured(0) + u'\n' + totalsText(t);
        if (refunds)
            require(count == t.refunds && -fen == t.refundedFen,
                    "the bill's refund total is not its lines'", detail);
        else
            require(count == t.payments && fen == t.paidFen,
                    "the bill's payment total is not its lines'", detail);
        seen[refunds] = true;
    }
    require(seen[0] && seen[1], "a taken bill without both totals");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray file = bytes(data, size);
    QList<BillLine> lines;
    const BillParseResult r = parseCollecting(
        parseAlipayBillFile, scratchFile(file, QStringLiteral("alipay_bill.zip")), &lines);
    const bool zipped = file.startsWith("PK");
    // A line of a ZIP's entry: an entry unpacks to at most 200 times its
    // packed bytes, or 1 MiB, and a line takes at least one byte.
    const qint64 maxLine = zipped ? qint64(size) * 200 + (1 << 20) : lineCount(file);
    checkBillResult(r, lines, maxLine);
    if (r.errorLine > 0)
        require(r.error.contains(QStringLiteral(" line %1: ").arg(r.errorLine)),
                "the message names another line", r.error);
    if (r.ok && !zipped)
        checkTail(file, r);
    return 0;
}
