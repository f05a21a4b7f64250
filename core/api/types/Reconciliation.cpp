#include "api/types/Reconciliation.h"

#include "common/ChinaTime.h"
#include "money/Money.h"

namespace paydesk {

QString diffKindName(DiffKind k)
{
    switch (k) {
    case DiffKind::MissingLocally:
        return QStringLiteral("missing_locally");
    case DiffKind::MissingAtChannel:
        return QStringLiteral("missing_at_channel");
    case DiffKind::AmountMismatch:
        return QStringLiteral("amount_mismatch");
    case DiffKind::StatusMismatch:
        return QStringLiteral("status_mismatch");
    case DiffKind::FeeMismatch:
        return QStringLiteral("fee_mismatch");
    case DiffKind::FundLong:
        return QStringLiteral("fund_long");
    case DiffKind::FundShort:
        return QStringLiteral("fund_short");
    }
    return QStringLiteral("unknown");
}

namespace {
const DiffState kStates[] = {DiffState::Open,
                             DiffState::PendingNextDay,
                             DiffState::AutoResolved,
                             DiffState::Resolved,
                             DiffState::WriteOffProposed,
                             DiffState::WrittenOff,
                             DiffState::RecoveryProposed,
                             DiffState::Recovered};
} // namespace

QString diffStateName(DiffState s)
{
    switch (s) {
    case DiffState::Open:
        return QStringLiteral("open");
    case DiffState::PendingNextDay:
        return QStringLiteral("pending_next_day");
    case DiffState::AutoResolved:
        return QStringLiteral("auto_resolved");
    case DiffState::Resolved:
        return QStringLiteral("resolved");
    case DiffState::WriteOffProposed:
        return QStringLiteral("writeoff_proposed");
    case DiffState::WrittenOff:
        return QStringLiteral("written_off");
    case DiffState::RecoveryProposed:
        return QStringLiteral("recovery_proposed");
    case DiffState::Recovered:
        return QStringLiteral("recovered");
    }
    return QStringLiteral("unknown");
}

bool parseDiffState(const QString& text, DiffState* out)
{
    for (DiffState s : kStates)
        if (diffStateName(s) == text) {
            *out = s;
            return true;
        }
    return false;
}

QString itemKindName(ItemKind k)
{
    switch (k) {
    case ItemKind::Payment:
        return QStringLiteral("payment");
    case ItemKind::Refund:
        return QStringLiteral("refund");
    case ItemKind::Revoke:
        return QStringLiteral("revoke");
    }
    return QStringLiteral("unknown");
}

QList<QStringList> reconReportRows(const ReconReport& r)
{
    QList<QStringList> rows;
    rows << QStringList{QStringLiteral("channel"), r.channel, QString()}
         << QStringList{QStringLiteral("merchant"), r.merchant, QString()}
         << QStringList{QStringLiteral("business date"), r.businessDate.toString(Qt::ISODate),
                        QString()}
         << QStringList{QStringLiteral("run by"), r.runBy,
                        chinaTime(r.atMs).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))}
         << QStringList{QStringLiteral("bill sha256"), r.billSha256, QString()}
         << QStringList{QString(), QStringLiteral("ours"), QStringLiteral("bill")}
         << QStringList{QStringLiteral("payments"), QString::number(r.ours.payments),
                        QString::number(r.theirs.payments)}
         << QStringList{QStringLiteral("paid"), plainYuan(r.ours.paidFen),
                        plainYuan(r.theirs.paidFen)}
         << QStringList{QStringLiteral("refunds and revokes"), QString::number(r.ours.refunds),
                        QString::number(r.theirs.refunds)}
         << QStringList{QStringLiteral("refunded"), plainYuan(r.ours.refundedFen),
                        plainYuan(r.theirs.refundedFen)}
         << QStringList{QStringLiteral("fees"), plainYuan(r.ours.feeFen),
                        plainYuan(r.theirs.feeFen)}
         << QStringList{QStringLiteral("net"), plainYuan(r.ours.netFen()),
                        plainYuan(r.theirs.netFen())}
         << QStringList{QStringLiteral("matched"), QString::number(r.matched), QString()}
         << QStringList{QStringLiteral("pending next day"), QString::number(r.pendingNextDay),
                        QString()}
         << QStringList{QStringLiteral("resolved from earlier days"),
                        QString::number(r.resolvedFromPrevious), QString()};
    for (int k = int(DiffKind::MissingLocally); k <= int(DiffKind::FundShort); ++k)
        rows << QStringList{diffKindName(DiffKind(k)), QString::number(r.byKind[k].count),
                            plainYuan(r.byKind[k].sumFen)};
    rows << QStringList{QStringLiteral("fund difference (+long/-short)"),
                        plainYuan(r.fundDifferenceFen), r.fundEntryKey};
    return rows;
}

} // namespace paydesk
