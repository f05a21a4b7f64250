#include "BillChecks.h"

#include "FuzzSupport.h"

#include "money/Money.h"

namespace paydesk::fuzz {

BillParseResult parseCollecting(BillParseResult (*parse)(const QString&, const BillLineHandler&),
                                const QString& path, QList<BillLine>* lines)
{
    return parse(path, [lines](const BillLine& l) {
        lines->append(l);
        return true;
    });
}

BillTotals totalsOf(const QList<BillLine>& lines)
{
    BillTotals t;
    for (const BillLine& l : lines) {
        ++t.lines;
        if (l.kind == BillLine::Kind::Payment) {
            ++t.payments;
            t.paidFen += l.amountFen;
        } else {
            ++t.refunds;
            t.refundedFen += l.amountFen;
        }
        t.feeFen += l.feeFen;
    }
    return t;
}

QString totalsText(const BillTotals& t)
{
    return QStringLiteral("lines=%1 payments=%2 refunds=%3 paid=%4 refunded=%5 fee=%6")
        .arg(t.lines)
        .arg(t.payments)
        .arg(t.refunds)
        .arg(t.paidFen)
        .arg(t.refundedFen)
        .arg(t.feeFen);
}

void checkBillResult(const BillParseResult& r, const QList<BillLine>& lines, qint64 maxLine)
{
    require(r.errorLine >= 0 && r.errorLine <= maxLine, "the error names a line the file lacks",
            QStringLiteral("%1 (of %2)").arg(r.error).arg(maxLine));
    if (!r.ok) {
        require(!r.error.isEmpty(), "a refused bill without a reason");
        require(!r.stopped, "stopped although the handler never stops");
        require(r.contentSha256.isEmpty(), "a refused bill has an identity");
        return;
    }
    require(r.error.isEmpty() && r.errorLine == 0, "a taken bill with an error", r.error);
    require(r.contentSha256.size() == 64, "a taken bill without its identity");
    const BillTotals t = totalsOf(lines);
    require(t.lines == r.totals.lines && t.payments == r.totals.payments &&
                t.refunds == r.totals.refunds && t.paidFen == r.totals.paidFen &&
                t.refundedFen == r.totals.refundedFen && t.feeFen == r.totals.feeFen,
            "the totals are not the sums of the lines",
            QStringLiteral("lines: %1\nparser: %2").arg(totalsText(t), totalsText(r.totals)));
    for (const BillLine& l : lines) {
        require(l.amountFen >= 0 && l.amountFen <= kMaxAmountFen,
                "a line's amount is negative or beyond the ceiling", QString::number(l.amountFen));
        require(l.currency == QLatin1String("CNY"), "a line in another currency", l.currency);
        require(l.lineNo >= 1 && l.lineNo <= maxLine, "a line number beyond the file",
                QString::number(l.lineNo));
        require(l.feeFen >= -kMaxAmountFen && l.feeFen <= kMaxAmountFen,
                "a line's fee beyond the ceiling", QString::number(l.feeFen));
    }
    for (qsizetype i = 1; i < lines.size(); ++i)
        require(lines[i].lineNo > lines[i - 1].lineNo, "lines out of file order");
}

} // namespace paydesk::fuzz
