#include "ledger/LedgerStore.h"

#include "store/Database.h"

#include <QSqlQuery>
#include <QVariant>

namespace paydesk {

namespace {

const char kEntryCols[] =
    "id, idem_key, ref_kind, ref_no, order_no, memo, currency, at_ms, reverses_entry_id";

JournalEntry readEntry(const QSqlQuery& q)
{
    JournalEntry e;
    e.id = q.value(0).toLongLong();
    e.idempotencyKey = q.value(1).toString();
    e.refKind = q.value(2).toString();
    e.refNo = q.value(3).toString();
    e.orderNo = q.value(4).toString();
    e.memo = q.value(5).toString();
    e.currency = q.value(6).toString();
    e.atMs = q.value(7).toLongLong();
    e.reversesEntryId = q.value(8).toLongLong();
    return e;
}

} // namespace

QString LedgerStore::postingsInsertText(qsizetype rows)
{
    QString text = QStringLiteral("INSERT INTO ledger_postings (entry_id, account_id, amount_fen, at_ms) VALUES ");
    for (qsizetype i = 0; i < rows; ++i)
        text += i ? QStringLiteral(", (?, ?, ?, ?)") : QStringLiteral("(?, ?, ?, ?)");
    return text;
}

QString LedgerStore::entriesInsertText(qsizetype entries)
{
    QString text =
        QStringLiteral("INSERT INTO ledger_entries (idem_key, ref_kind, ref_no, order_no, memo,"
                       " currency, at_ms, reverses_entry_id) VALUES ");
    for (qsizetype i = 0; i < entries; ++i)
        text += i ? QStringLiteral(", (?, ?, ?, ?, ?, ?, ?, ?)")
                  : QStringLiteral("(?, ?, ?, ?, ?, ?, ?, ?)");
    text += QStringLiteral(" ON CONFLICT (idem_key) DO NOTHING RETURNING id, idem_key");
    return text;
}

QStringList LedgerStore::migrations()
{
    return {
        // v1: accounts, entries, postings, checkpoints.
        QStringLiteral(R"SQL(
CREATE TABLE ledger_accounts (
  id {{ID}},
  code TEXT NOT NULL UNIQUE,
  type INTEGER NOT NULL,
  currency TEXT NOT NULL,
  created_at_ms BIGINT NOT NULL
);
CREATE TABLE ledger_entries (
  id {{ID}},
  idem_key TEXT NOT NULL UNIQUE,
  ref_kind TEXT NOT NULL,
  ref_no TEXT NOT NULL,
  order_no TEXT NOT NULL,
  memo TEXT NOT NULL,
  currency TEXT NOT NULL,
  at_ms BIGINT NOT NULL,
  reverses_entry_id BIGINT NOT NULL
);
CREATE INDEX ledger_entries_ref ON ledger_entries (ref_no);
CREATE INDEX ledger_entries_order ON ledger_entries (order_no);
CREATE TABLE ledger_postings (
  id {{ID}},
  entry_id BIGINT NOT NULL,
  account_id BIGINT NOT NULL,
  amount_fen BIGINT NOT NULL CHECK (amount_fen <> 0),
  at_ms BIGINT NOT NULL
);
CREATE INDEX ledger_postings_account ON ledger_postings (account_id, at_ms, id, amount_fen);
CREATE INDEX ledger_postings_entry ON ledger_postings (entry_id);
CREATE TABLE ledger_checkpoints (
  account_id BIGINT NOT NULL REFERENCES ledger_accounts (id),
  upto_posting_id BIGINT NOT NULL,
  upto_at_ms BIGINT NOT NULL,
  balance_fen BIGINT NOT NULL,
  postings BIGINT NOT NULL,
  PRIMARY KEY (account_id, upto_posting_id)
);
CREATE INDEX ledger_checkpoints_at ON ledger_checkpoints (account_id, upto_at_ms)
)SQL"),
        // v2: a data directory that held payments before this version may
        // hold movements no entry records (the ledger came after them). The
        // marker is set in the migration's own transaction, so no crash can
        // lose it; LedgerBackfill posts the gaps and clears it.
        QStringLiteral(R"SQL(
INSERT INTO meta (key, value) SELECT 'ledger.backfill', 'pending'
  WHERE EXISTS (SELECT 1 FROM payments)
)SQL"),
    };
}

QString LedgerStore::lastError() const
{
    return m_db.lastError();
}

std::optional<qint64> LedgerStore::ensureAccount(const AccountCode& code, const Currency& currency,
                                                 qint64 atMs)
{
    if (auto it = m_accountIds.constFind(code.code); it != m_accountIds.cend())
        return *it;
    QSqlQuery& ins = m_db.prepared(QStringLiteral(
        "INSERT INTO ledger_accounts (code, type, currency, created_at_ms) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (code) DO NOTHING"));
    bindAt(ins, 0, code.code);
    bindAt(ins, 1, int(code.type));
    bindAt(ins, 2, currency);
    bindAt(ins, 3, atMs);
    if (!m_db.execWrite(ins))
        return std::nullopt;
    const auto row = account(code.code);
    if (!row)
        return std::nullopt;
    m_accountIds.insert(code.code, row->id);
    return row->id;
}

std::optional<AccountRow> LedgerStore::account(const QString& code)
{
    QSqlQuery& q = m_db.prepared(QStringLiteral(
        "SELECT id, code, type, currency, created_at_ms FROM ledger_accounts WHERE code = ?"));
    bindAt(q, 0, code);
    if (!m_db.execRead(q))
        return std::nullopt;
    std::optional<AccountRow> out;
    if (q.next())
        out = AccountRow{q.value(0).toLongLong(), q.value(1).toString(), AccountType(q.value(2).toInt()),
                         q.value(3).toString(), q.value(4).toLongLong()};
    q.finish();
    return out;
}

QList<AccountRow> LedgerStore::accounts()
{
    QSqlQuery& q = m_db.prepared(QStringLiteral(
        "SELECT id, code, type, currency, created_at_ms FROM ledger_accounts ORDER BY code"));
    QList<AccountRow> out;
    if (!m_db.execRead(q))
        return out;
    while (q.next())
        out << AccountRow{q.value(0).toLongLong(), q.value(1).toString(), AccountType(q.value(2).toInt()),
                          q.value(3).toString(), q.value(4).toLongLong()};
    q.finish();
    return out;
}

QList<Posting> LedgerStore::postingsOf(qint64 entryId)
{
    QSqlQuery& q = m_db.prepared(QStringLiteral(
        "SELECT a.code, p.amount_fen FROM ledger_postings p JOIN ledger_accounts a ON a.id = p.account_id"
        " WHERE p.entry_id = ? ORDER BY p.id"));
    bindAt(q, 0, entryId);
    QList<Posting> out;
    if (!m_db.execRead(q))
        return out;
    while (q.next())
        out << Posting{q.value(0).toString(), q.value(1).toLongLong()};
    q.finish();
    return out;
}

std::optional<QHash<QString, qint64>> LedgerStore::insertEntries(const QList<JournalEntry>& entries)
{
    static QHash<qsizetype, QString> texts;
    auto it = texts.constFind(entries.size());
    if (it == texts.cend())
        it = texts.insert(entries.size(), entriesInsertText(entries.size()));
    QSqlQuery& q = m_db.prepared(*it);
    int i = 0;
    for (const JournalEntry& e : entries) {
        bindAt(q, i++, e.idempotencyKey);
        bindAt(q, i++, e.refKind);
        bindAt(q, i++, notNull(e.refNo));
        bindAt(q, i++, notNull(e.orderNo));
        bindAt(q, i++, notNull(e.memo));
        bindAt(q, i++, e.currency);
        bindAt(q, i++, e.atMs);
        bindAt(q, i++, e.reversesEntryId);
    }
    if (!m_db.execWrite(q))
        return std::nullopt;
    QHash<QString, qint64> ids;
    ids.reserve(entries.size());
    while (q.next())
        ids.insert(q.value(1).toString(), q.value(0).toLongLong());
    q.finish();
    return ids;
}

bool LedgerStore::insertPostingRows(const QList<std::array<qint64, 4>>& rows)
{
    static QHash<qsizetype, QString> texts;
    auto it = texts.constFind(rows.size());
    if (it == texts.cend())
        it = texts.insert(rows.size(), postingsInsertText(rows.size()));
    QSqlQuery& q = m_db.prepared(*it);
    int i = 0;
    for (const auto& r : rows)
        for (qint64 v : r)
            bindAt(q, i++, v);
    return m_db.execWrite(q);
}

std::optional<JournalEntry> LedgerStore::entryByKey(const QString& key)
{
    QSqlQuery& q = m_db.prepared(QStringLiteral("SELECT %1 FROM ledger_entries WHERE idem_key = ?")
                                     .arg(QLatin1String(kEntryCols)));
    bindAt(q, 0, key);
    if (!m_db.execRead(q))
        return std::nullopt;
    std::optional<JournalEntry> out;
    if (q.next())
        out = readEntry(q);
    q.finish();
    if (out)
        out->postings = postingsOf(out->id);
    return out;
}

std::optional<QSet<QString>> LedgerStore::keysBetween(const QString& fromKey, const QString& toKey)
{
    QSqlQuery& q = m_db.prepared(
        QStringLiteral("SELECT idem_key FROM ledger_entries WHERE idem_key BETWEEN ? AND ?"));
    bindAt(q, 0, fromKey);
    bindAt(q, 1, toKey);
    if (!m_db.execRead(q))
        return std::nullopt;
    QSet<QString> out;
    while (q.next())
        out.insert(q.value(0).toString());
    q.finish();
    return out;
}

QList<JournalEntry> LedgerStore::journal(const JournalFilter& f)
{
    // Two fixed statements: unused filters are neutralised by their values,
    // but a reference is looked up through the order and reference indexes
    // (an "empty or equal" test would scan every entry).
    const QString refTest =
        f.ref.isEmpty() ? QString() : QStringLiteral(" AND (e.order_no = :ref OR e.ref_no = :ref)");
    QSqlQuery& q = m_db.prepared(
        QStringLiteral("SELECT %1 FROM ledger_entries e WHERE e.at_ms >= :from AND e.at_ms <= :to"
                       "%2"
                       " AND (:account = '' OR EXISTS (SELECT 1 FROM ledger_postings p"
                       "  JOIN ledger_accounts a ON a.id = p.account_id"
                       "  WHERE p.entry_id = e.id AND a.code = :account))"
                       " ORDER BY e.id LIMIT :limit")
            .arg(QLatin1String(kEntryCols), refTest));
    q.bindValue(QStringLiteral(":from"), f.fromMs);
    q.bindValue(QStringLiteral(":to"), f.toMs);
    if (!f.ref.isEmpty())
        q.bindValue(QStringLiteral(":ref"), f.ref);
    q.bindValue(QStringLiteral(":account"), notNull(f.accountCode));
    q.bindValue(QStringLiteral(":limit"), f.limit);
    QList<JournalEntry> out;
    if (!m_db.execRead(q))
        return out;
    while (q.next())
        out << readEntry(q);
    q.finish();
    for (JournalEntry& e : out)
        e.postings = postingsOf(e.id);
    return out;
}

std::optional<qint64> LedgerStore::latestAtMs()
{
    // Ledger time grows with the id: the newest entry holds the newest time.
    QSqlQuery& q = m_db.prepared(QStringLiteral(
        "SELECT COALESCE((SELECT at_ms FROM ledger_entries ORDER BY id DESC LIMIT 1), 0)"));
    if (!m_db.execRead(q) || !q.next())
        return std::nullopt;
    const qint64 v = q.value(0).toLongLong();
    q.finish();
    return v;
}

std::optional<Checkpoint> LedgerStore::latestCheckpoint(qint64 accountId, qint64 atOrBeforeMs)
{
    QSqlQuery& q = m_db.prepared(QStringLiteral(
        "SELECT upto_posting_id, upto_at_ms, balance_fen, postings FROM ledger_checkpoints"
        " WHERE account_id = ? AND upto_at_ms <= ? ORDER BY upto_at_ms DESC, upto_posting_id DESC LIMIT 1"));
    bindAt(q, 0, accountId);
    bindAt(q, 1, atOrBeforeMs);
    if (!m_db.execRead(q))
        return std::nullopt;
    Checkpoint c; // none yet: the empty balance before the first posting
    if (q.next())
        c = Checkpoint{q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toLongLong(),
                       q.value(3).toLongLong()};
    q.finish();
    return c;
}

std::optional<TailSum> LedgerStore::tail(qint64 accountId, const Checkpoint& after, qint64 uptoMs)
{
    // Ledger time never goes back, so every posting after the checkpoint is
    // at or after its time: the index range starts there, not at the
    // account's first posting.
    QSqlQuery& q = m_db.prepared(QStringLiteral(
        "SELECT COALESCE(SUM(amount_fen), 0), COUNT(*), COALESCE(MAX(id), 0), COALESCE(MAX(at_ms), 0)"
        " FROM ledger_postings WHERE account_id = ? AND at_ms >= ? AND at_ms <= ? AND id > ?"));
    bindAt(q, 0, accountId);
    bindAt(q, 1, after.uptoAtMs);
    bindAt(q, 2, uptoMs);
    bindAt(q, 3, after.uptoPostingId);
    if (!m_db.execRead(q) || !q.next())
        return std::nullopt;
    TailSum t{q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toLongLong(),
              q.value(3).toLongLong()};
    q.finish();
    return t;
}

bool LedgerStore::insertCheckpoint(qint64 accountId, const Checkpoint& c)
{
    // Another process may have folded the same postings: same numbers, keep one.
    QSqlQuery& q = m_db.prepared(QStringLiteral(
        "INSERT INTO ledger_checkpoints (account_id, upto_posting_id, upto_at_ms, balance_fen, postings)"
        " VALUES (?, ?, ?, ?, ?) ON CONFLICT (account_id, upto_posting_id) DO NOTHING"));
    bindAt(q, 0, accountId);
    bindAt(q, 1, c.uptoPostingId);
    bindAt(q, 2, c.uptoAtMs);
    bindAt(q, 3, c.balanceFen);
    bindAt(q, 4, c.postings);
    return m_db.execWrite(q);
}

} // namespace paydesk
