#include "ledger/BackOffice.h"

#include "store/Database.h"

namespace paydesk {

BackOffice::BackOffice(Database& db, Clock& clock, LedgerConfig config, QString storeId,
                       Wallets::PaidAmount paidAmount, RecordedMovements& movements)
    : m_db(db), m_movements(movements), m_config(config), m_ledger(db, clock),
      m_settlementStore(db), m_approvalStore(db), m_walletStore(db),
      m_enginePostings(m_ledger, m_settlementStore, config),
      m_settlement(db, m_ledger, m_settlementStore, clock, config),
      m_approvals(db, m_ledger, m_approvalStore, clock, config),
      m_wallets(db, m_ledger, m_walletStore, m_settlementStore, m_approvals, clock, config,
                std::move(storeId), std::move(paidAmount))
{
}

QString BackOffice::open()
{
    if (QString e = m_ledger.open(); !e.isEmpty())
        return e;
    if (QString e = m_db.migrate(SettlementStore::schemaName(), SettlementStore::migrations()); !e.isEmpty())
        return e;
    if (QString e = m_db.migrate(ApprovalStore::schemaName(), ApprovalStore::migrations()); !e.isEmpty())
        return e;
    return m_db.migrate(WalletStore::schemaName(), WalletStore::migrations());
}

bool BackOffice::commit()
{
    return m_db.flush();
}

InternalCheckReport BackOffice::check()
{
    return InternalCheck(m_db, m_ledger, m_settlementStore, m_walletStore, m_movements,
                         m_config.merchantId)
        .run();
}

} // namespace paydesk
