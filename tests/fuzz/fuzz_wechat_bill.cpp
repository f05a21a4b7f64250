// WeChat Pay V2 bills (pay/downloadbill text, UTF-8 CSV): the shared bill
// contract, and a taken bill's summary line (read here on its own) equal to
// the totals PayDesk reconciles.
#include "BillChecks.h"
#include "FuzzSupport.h"

#include "recon/BillText.h"

using namespace paydesk;
using namespace paydesk::fuzz;

namespace {

QByteArrayView unticked(QByteArrayView v)
{
    v = v.trimmed();
    return v.startsWith('`') ? v.sliced(1).trimmed() : v;
}

// The summary header and its line, as a person reading the file finds them.
void checkSummary(const QByteArray& file, const BillParseResult& r)
{
    const QList<QByteArray> rows = file.split('\n');
    qsizetype at = -1;
    for (qsizetype i = 1; i < rows.size(); ++i)
        if (unticked(rows[i]).startsWith("总交易单数"))
            at = i;
    require(at > 0, "a taken bill without a summary header");
    qsizetype values = at + 1;
    while (values < rows.size() && rows[values].trimmed().isEmpty())
        ++values;
    require(values < rows.size(), "a taken bill without a summary line");
    const QList<QByteArray> names = rows[at].trimmed().split(',');
    const QList<QByteArray> cells = rows[values].trimmed().split(',');
    if (names.size() != cells.size())
        return; // not a layout this reader follows; the parser's own check holds
    qint64 count = -1, settled = -1, refunded = -1;
    for (qsizetype i = 0; i < names.size(); ++i) {
        const QByteArrayView name = unticked(names[i]);
        const QByteArrayView cell = unticked(cells[i]);
        qint64 v = 0;
        if (name == QByteArrayView("总交易单数") && parseDecimal(cell, 0, &v))
            count = v;
        else if ((name == QByteArrayView("应结订单总金额") || name == QByteArrayView("总交易额")) &&
                 parseDecimal(cell, 2, &v))
            settled = v;
        else if ((name == QByteArrayView("退款总金额") || name == QByteArrayView("总退款金额")) &&
                 parseDecimal(cell, 2, &v))
            refunded = v;
    }
    const BillTotals& t = r.totals;
    const QString detail = QStringLiteral("summary: %1 lines, %2 settled, %3 refunded\nparser: %4")
                               .arg(count)
                               .arg(settled)
                               .arg(refunded)
                               .arg(totalsText(t));
    require(count < 0 || count == t.lines, "the summary's count is not the bill's", detail);
    require(settled < 0 || settled == t.paidFen, "the summary's settled sum is not the bill's",
            detail);
    require(refunded < 0 || refunded == t.refundedFen,
            "the summary's refunded sum is not the bill's", detail);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray file = bytes(data, size);
    QList<BillLine> lines;
    const BillParseResult r = parseCollecting(
        parseWeChatBillFile, scratchFile(file, QStringLiteral("wechat_bill.csv")), &lines);
    checkBillResult(r, lines, lineCount(file));
    if (r.errorLine > 0)
        require(leadingLineNumber(r.error) == r.errorLine, "the message names another line",
                r.error);
    if (r.ok)
        checkSummary(file, r);
    return 0;
}
