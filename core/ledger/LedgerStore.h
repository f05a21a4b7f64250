#pragma once

#include "api/types/Accounts.h"
#include "api/types/BackOffice.h"

#include <QHash>
#include <QSet>

#include <array>

#include <optional>

namespace paydesk {

class Database;

struct AccountRow
{
    qint64 id = 0;
    QString code;
    AccountType type = AccountType::Asset;
    Currency currency = kCny;
    qint64 createdAtMs = 0;
};

// A materialised balance: the sum of an account's postings up to one posting.
struct Checkpoint
{
    qint64 uptoPostingId = 0;
    qint64 uptoAtMs = 0;
    qint64 balanceFen = 0; // signed: debits positive
    qint64 postings = 0;
};

struct TailSum
{
    qint64 sumFen = 0;
    qint64 count = 0;
    qint64 maxPostingId = 0;
    qint64 maxAtMs = 0;
};

// The ledger's tables over the engine's connection, so postings join the
// same group-commit transaction as the state change that causes them.
// Entries and postings are only ever inserted: no statement here updates or
// deletes them.
class LedgerStore
{
public:
    explicit LedgerStore(Database& db) : m_db(db) {}

    static QString schemaName() { return QStringLiteral("ledger"); }
    static QStringList migrations();
    // The multi-row inserts postBatch and post run (benchmarks replay them).
    static QString entriesInsertText(qsizetype entries);
    static QString postingsInsertText(qsizetype rows);

    // Creates the account on first use. nullopt on I/O error.
    std::optional<qint64> ensureAccount(const AccountCode& code, const Currency& currency, qint64 atMs);
    // The id of an account created before (by anyone this store has seen), or 0.
    qint64 knownAccountId(const QString& code) const { return m_accountIds.value(code, 0); }
    std::optional<AccountRow> account(const QString& code);
    QList<AccountRow> accounts();

    // Many entries in one statement: inserted keys → ids (keys already
    // posted are absent). nullopt on I/O error.
    std::optional<QHash<QString, qint64>> insertEntries(const QList<JournalEntry>& entries);
    // Rows of (entry id, account id, amount, at).
    bool insertPostingRows(const QList<std::array<qint64, 4>>& rows);
    std::optional<JournalEntry> entryByKey(const QString& key);
    // The idempotency keys posted from `fromKey` to `toKey`, both included.
    std::optional<QSet<QString>> keysBetween(const QString& fromKey, const QString& toKey);
    QList<JournalEntry> journal(const JournalFilter& f);
    // Newest at_ms the ledger holds (0 when empty): ledger time never goes back.
    std::optional<qint64> latestAtMs();

    std::optional<Checkpoint> latestCheckpoint(qint64 accountId, qint64 atOrBeforeMs);
    // Postings after a checkpoint, up to a time.
    std::optional<TailSum> tail(qint64 accountId, const Checkpoint& after, qint64 uptoMs);
    bool insertCheckpoint(qint64 accountId, const Checkpoint& c);

    QString lastError() const;

private:
    QList<Posting> postingsOf(qint64 entryId);

    Database& m_db;
    QHash<QString, qint64> m_accountIds; // ids never change once created
};

} // namespace paydesk
