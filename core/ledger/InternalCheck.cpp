#include "ledger/InternalCheck.h"

#include "api/types/Accounts.h"
#include "ledger/EnginePostings.h"
#include "ledger/Ledger.h"
#include "ledger/SettlementStore.h"
#include "ledger/UnpostedMovements.h"
#include "ledger/WalletStore.h"
#include "store/Database.h"

namespace paydesk {

namespace {

// Movements read per page when looking for gaps: big enough that the reads
// are few, small enough that a page's keys are cheap to hold.
constexpr int kGapPage = 2000;

} // namespace

InternalCheck::InternalCheck(Database& db, Ledger& ledger, SettlementStore& clearing,
                             WalletStore& wallets, RecordedMovements& movements, QString merchantId)
    : m_db(db), m_ledger(ledger), m_clearing(clearing), m_wallets(wallets), m_movements(movements),
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

    // The one place that proves "paid but not posted" never happened: every
    // movement the engine recorded, asked of the engine page by page, has
    // its entry (the same gaps LedgerBackfill would post).
    qint64 gapsOf[3] = {0, 0, 0}; // by RecordedMovement::Kind
    for (const auto source :
         {UnpostedMovements::Source::Payments, UnpostedMovements::Source::Refunds}) {
        UnpostedMovements pages(m_db, m_ledger, m_movements, source, kGapPage);
        std::vector<RecordedMovement> unposted;
        while (pages.next(unposted))
            for (const RecordedMovement& m : unposted)
                ++gapsOf[int(m.kind)];
        if (!pages.error().isEmpty()) {
            report.error = pages.error();
            return report;
        }
    }
    using K = RecordedMovement::Kind;
    report.lines << CheckLine{QStringLiteral("payments"),
                              QStringLiteral("paid payments without a ledger entry"), 0,
                              gapsOf[int(K::Capture)], true}
                 << CheckLine{QStringLiteral("reversals"),
                              QStringLiteral("reversed payments without a ledger entry"), 0,
                              gapsOf[int(K::Reversal)], true}
                 << CheckLine{QStringLiteral("refunds"),
                              QStringLiteral("successful refunds without a ledger entry"), 0,
                              gapsOf[int(K::Refund)], true};
    return report;
}

} // namespace paydesk
