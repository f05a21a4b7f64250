#pragma once

#include "api/types/BackOffice.h"
#include "ledger/LedgerStore.h"

#include <QHash>

#include <functional>
#include <limits>

namespace paydesk {

class Clock;
class Database;

// The double-entry journal. Balances are never stored per posting: every
// account keeps only its postings (the "intermediate account": record
// the detail, fold the balance later), and checkpoints fold them in batches.
// A balance is the newest checkpoint plus the postings after it, so it is
// exact at any moment, and a hot account (every payment debits one channel
// receivable) costs one insert per posting like any other: no balance row
// that every payment must lock.
class Ledger
{
public:
    using AlertSink = std::function<void(const QString& kind, const QString& orderNo,
                                         const QString& message)>;
    static constexpr qint64 kNow = std::numeric_limits<qint64>::max();

    Ledger(Database& db, Clock& clock);

    // Migrates the ledger's tables on the engine's connection.
    QString open();
    void setAlertSink(AlertSink sink) { m_alert = std::move(sink); }
    // Postings per account between checkpoints (tests use small values).
    void setFoldEvery(int postings) { m_foldEvery = postings; }

    // Commits within the current group-commit transaction. Use
    // LedgerTransaction rather than calling this directly. entry.id and
    // entry.atMs are set on success.
    PostResult post(JournalEntry& entry, QString* error = nullptr);
    // Posts many entries with a few multi-row statements (imports, bulk
    // recovery). Every entry is checked first; one refused entry refuses
    // the batch. Entries whose key was posted before are skipped (their id
    // stays 0). Returns Posted when all others were posted.
    PostResult postBatch(QList<JournalEntry>& entries, QString* error = nullptr);
    // A correcting entry: the same postings with opposite signs.
    PostResult reverse(const QString& entryKey, const QString& idempotencyKey, const QString& memo,
                       QString* error = nullptr);

    std::optional<AccountBalance> balance(const QString& accountCode, qint64 atMs = kNow,
                                          QString* error = nullptr);
    // Every account's balance; their signed sum is zero.
    std::optional<QList<AccountBalance>> balances(qint64 atMs = kNow, QString* error = nullptr);
    QList<JournalEntry> journal(const JournalFilter& f) { return m_store.journal(f); }
    std::optional<JournalEntry> entry(const QString& key) { return m_store.entryByKey(key); }
    // The entry keys posted from `fromKey` to `toKey` (both included).
    std::optional<QSet<QString>> keysBetween(const QString& fromKey, const QString& toKey)
    {
        return m_store.keysBetween(fromKey, toKey);
    }
    QList<AccountRow> accounts() { return m_store.accounts(); }
    // Folds every account's postings into a checkpoint now.
    bool foldAll();

    // Refuses an entry: tells the caller why and, for an unbalanced one (a
    // bug), raises an alert; strict builds stop on it.
    PostResult refuse(PostResult r, const JournalEntry& e, const QString& why, QString* error);

private:
    std::optional<qint64> ledgerTimeMs();
    // Checks an entry and resolves its accounts to ids.
    PostResult prepare(JournalEntry& e, qint64 atMs, QList<qint64>& accountIds, QString* error);
    bool noteFolds(const QList<qint64>& accountIds);
    std::optional<AccountBalance> balanceOf(const AccountRow& row, qint64 atMs);
    bool fold(qint64 accountId);

    Database& m_db;
    Clock& m_clock;
    LedgerStore m_store;
    AlertSink m_alert;
    int m_foldEvery = 256;
    QHash<qint64, int> m_unfolded;
    quint64 m_timeTransaction = 0;
    qint64 m_lastAtMs = 0;
};

// One unit of work: an entry is built, checked and committed as a whole, or
// not at all (KMyMoney's MyMoneyFileTransaction). Forgetting to commit or
// abandon is a programmer error.
class LedgerTransaction
{
public:
    LedgerTransaction(Ledger& ledger, QString idempotencyKey, QString refKind, QString refNo,
                      QString orderNo = QString(), QString memo = QString());
    ~LedgerTransaction();
    LedgerTransaction(const LedgerTransaction&) = delete;
    LedgerTransaction& operator=(const LedgerTransaction&) = delete;

    LedgerTransaction& debit(const QString& account, const Money& amount);
    LedgerTransaction& credit(const QString& account, const Money& amount);
    // Checks debits equal credits, then posts.
    PostResult commit(QString* error = nullptr);
    void abandon() { m_done = true; }
    const JournalEntry& entry() const { return m_entry; }

private:
    void add(const QString& account, const Money& amount, bool isDebit);

    Ledger& m_ledger;
    JournalEntry m_entry;
    bool m_currencyMixed = false;
    bool m_done = false;
};

} // namespace paydesk
