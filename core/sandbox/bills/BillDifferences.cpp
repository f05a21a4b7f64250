#include "sandbox/bills/BillDifferences.h"

#include "common/ChinaTime.h"
#include "money/Money.h"

#include <QJsonArray>

namespace paydesk {

QString readBillDifferences(const QJsonObject& o, BillDifferences* out)
{
    static const QStringList known = {QStringLiteral("drop"), QStringLiteral("amounts"),
                                      QStringLiteral("states"), QStringLiteral("extra")};
    for (auto it = o.begin(); it != o.end(); ++it)
        if (!known.contains(it.key()))
            return QStringLiteral("billDifferences: unknown key '%1' (known: %2)")
                .arg(it.key(), known.join(QStringLiteral(", ")));
    BillDifferences d;
    auto money = [](const QJsonValue& v, qint64* fen) {
        QString e;
        const auto m = Money::parse(v.toString(), kCny, &e);
        if (!m)
            return false;
        *fen = m->fen();
        return true;
    };
    for (const QJsonValue& v : o.value(QStringLiteral("drop")).toArray()) {
        if (!v.isString() || v.toString().isEmpty())
            return QStringLiteral("billDifferences.drop must list payment numbers");
        d.dropPayments << v.toString();
    }
    const QJsonObject amounts = o.value(QStringLiteral("amounts")).toObject();
    for (auto it = amounts.begin(); it != amounts.end(); ++it) {
        qint64 fen = 0;
        if (!money(it.value(), &fen))
            return QStringLiteral("billDifferences.amounts.%1 must be an amount like \"9.99\"")
                .arg(it.key());
        d.amountFen.insert(it.key(), fen);
    }
    const QJsonObject states = o.value(QStringLiteral("states")).toObject();
    for (auto it = states.begin(); it != states.end(); ++it) {
        if (!it.value().isString() || it.value().toString().isEmpty())
            return QStringLiteral("billDifferences.states.%1 must be a state").arg(it.key());
        d.states.insert(it.key(), it.value().toString());
    }
    for (const QJsonValue& v : o.value(QStringLiteral("extra")).toArray()) {
        const QJsonObject e = v.toObject();
        BillDifferences::Extra x;
        x.paymentNo = e.value(QStringLiteral("paymentNo")).toString();
        x.day = QDate::fromString(e.value(QStringLiteral("date")).toString(), Qt::ISODate);
        if (x.paymentNo.isEmpty() || !x.day.isValid() ||
            !money(e.value(QStringLiteral("amount")), &x.amountFen))
            return QStringLiteral("billDifferences.extra entries need paymentNo, amount "
                                  "(\"5.00\") and date (YYYY-MM-DD)");
        d.extraPayments << x;
    }
    *out = d;
    return QString();
}

QList<SandboxAcquirer::BillEntry> applyBillDifferences(QList<SandboxAcquirer::BillEntry> lines,
                                                       const BillDifferences& differences,
                                                       const QDate& day)
{
    QList<SandboxAcquirer::BillEntry> out;
    for (SandboxAcquirer::BillEntry& e : lines) {
        if (!e.refund) {
            if (differences.dropPayments.contains(e.paymentNo))
                continue;
            if (auto a = differences.amountFen.constFind(e.paymentNo);
                a != differences.amountFen.cend())
                e.amountFen = *a;
            if (auto s = differences.states.constFind(e.paymentNo); s != differences.states.cend())
                e.tradeState = *s;
        }
        out << e;
    }
    for (const BillDifferences::Extra& x : differences.extraPayments) {
        if (x.day != day)
            continue;
        SandboxAcquirer::BillEntry e;
        e.paymentNo = x.paymentNo;
        e.tradeNo = QStringLiteral("SBXEXTRA") + x.paymentNo.right(20);
        e.tradeState = QStringLiteral("SUCCESS");
        e.amountFen = x.amountFen;
        e.currency = kCny;
        e.atMs = chinaDayStartMs(day) + 12 * 3600 * 1000;
        e.createdAtMs = e.atMs;
        out << e;
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const auto& a, const auto& b) { return a.atMs < b.atMs; });
    return out;
}

QList<SandboxAcquirer::BillEntry> dayBillEntries(SandboxAcquirer& acquirer, const QString& channel,
                                                 const QDate& day,
                                                 const BillDifferences* differences, QString* error)
{
    QList<SandboxAcquirer::BillEntry> lines =
        acquirer.billEntries(channel, chinaDayStartMs(day), chinaDayStartMs(day.addDays(1)), error);
    if (differences && error->isEmpty())
        lines = applyBillDifferences(std::move(lines), *differences, day);
    return lines;
}

} // namespace paydesk
