#include "ledger/InternalCheck.h"

#include "ledger/Accounts.h"
#include "ledger/EnginePostings.h"
#include "ledger/Ledger.h"
#include "ledger/SettlementStore.h"
#include "ledger/WalletStore.h"
#include "store/Database.h"

#include <QSqlQuery>
#include <QVariant>

namespace paydesk {

InternalCheck::InternalCheck(Database& db, Ledger& ledger, SettlementStore& clearing,
                             WalletStore& wallets, QString merchantId)
    : m_db(db), m_ledger(ledger), m_clearing(clearing), m_wallets(wallets),
      m_merchantId(std::move(merchantId))
{
}

InternalCheckReport InternalCheck::run()
{
    InternalCheckReport report;
    QString error;
    const auto balances = m_ledger.balances(Ledger::kNow, &error);
    if (!balances) {
        report.error = error;
        return report;
    }
    qint64 total = 0;
    QSqlQuery& direct = m_db.prepared(QStringLiteral(
        "SELECT COALESCE(SUM(p.amount_fen), 0) FROM ledger_postings p JOIN ledger_accounts a"
        " ON a.id = p.account_id WHERE a.code = ?"));
    for (const AccountBalance& b : *balances) {
        total += b.signedFen;
        bindAt(direct, 0, b.account);
        if (!m_db.execRead(direct) || !direct.next()) {
            report.error = m_db.lastError();
            return report;
        }
        report.lines << CheckLine{b.account, QStringLiteral("balance = sum of its postings"),
                                  direct.value(0).toLongLong(), b.signedFen};
        direct.finish();
    }
    report.lines.prepend(CheckLine{QStringLiteral("ledger"), QStringLiteral("trial balance sums to zero"), 0, total});

    qint64 heldFen = 0;
    for (const QString& member : m_wallets.members()) {
        const auto t = m_wallets.totals(member);
        const auto b = m_ledger.balance(accounts::wallet(member), Ledger::kNow, &error);
        if (!t || !b) {
            report.error = t ? error : m_wallets.lastError();
            return report;
        }
        report.lines << CheckLine{
            QStringLiteral("wallet ") + member,
            QStringLiteral("top-ups + income - withdrawals - held - spending = balance"),
            t->topUpsFen + t->refundsInFen - t->withdrawnFen - t->heldFen - t->spentFen,
            b->normalFen()};
        heldFen += t->heldFen;
    }
    // A paid-out or released withdrawal whose posting is missing leaves the
    // wallets right but money frozen: only the hold account shows it.
    const auto hold = m_ledger.balance(accounts::walletWithdrawalHold(), Ledger::kNow, &error);
    if (!hold) {
        report.error = error;
        return report;
    }
    report.lines << CheckLine{QStringLiteral("wallet withdrawals"),
                              QStringLiteral("frozen = withdrawals waiting for approval"), heldFen,
                              hold->normalFen()};

    const auto unsettled = m_clearing.unsettledTotalsAll(m_merchantId);
    const auto pending = m_ledger.balance(accounts::merchantPending(m_merchantId), Ledger::kNow, &error);
    if (!unsettled || !pending) {
        report.error = unsettled ? error : m_clearing.lastError();
        return report;
    }
    report.lines << CheckLine{QStringLiteral("merchant ") + m_merchantId,
                              QStringLiteral("pending settlement = unsettled clearing items"),
                              unsettled->netFen(), pending->normalFen()};

    // Reads across the engine's and the ledger's tables: the one place that
    // proves "paid but not posted" never happened.
    // The keys and states are EnginePostings' and the engine's own, bound,
    // as LedgerBackfill finds the same gaps.
    QSqlQuery& gaps = m_db.prepared(QStringLiteral(
        "SELECT (SELECT COUNT(*) FROM payments p WHERE p.state IN (:success, :reversed) AND NOT"
        "  EXISTS (SELECT 1 FROM ledger_entries e WHERE e.idem_key = :payKey || p.payment_no)),"
        " (SELECT COUNT(*) FROM payments p WHERE p.state = :reversed AND NOT EXISTS"
        "  (SELECT 1 FROM ledger_entries e WHERE e.idem_key = :reversalKey || p.payment_no)),"
        " (SELECT COUNT(*) FROM refunds r WHERE r.state = :refunded AND NOT EXISTS"
        "  (SELECT 1 FROM ledger_entries e WHERE e.idem_key = :refundKey || r.refund_no))"));
    gaps.bindValue(QStringLiteral(":success"), int(PaymentState::Success));
    gaps.bindValue(QStringLiteral(":reversed"), int(PaymentState::Reversed));
    gaps.bindValue(QStringLiteral(":refunded"), int(RefundState::Success));
    gaps.bindValue(QStringLiteral(":payKey"), EnginePostings::paymentKey(QString()));
    gaps.bindValue(QStringLiteral(":reversalKey"), EnginePostings::reversalKey(QString()));
    gaps.bindValue(QStringLiteral(":refundKey"), EnginePostings::refundKey(QString()));
    if (!m_db.execRead(gaps) || !gaps.next()) {
        report.error = m_db.lastError();
        return report;
    }
    report.lines << CheckLine{QStringLiteral("payments"), QStringLiteral("paid payments without a ledger entry"), 0,
                              gaps.value(0).toLongLong(), true}
                 << CheckLine{QStringLiteral("reversals"), QStringLiteral("reversed payments without a ledger entry"), 0,
                              gaps.value(1).toLongLong(), true}
                 << CheckLine{QStringLiteral("refunds"), QStringLiteral("successful refunds without a ledger entry"), 0,
                              gaps.value(2).toLongLong(), true};
    gaps.finish();
    return report;
}

} // namespace paydesk
