#include "ledger/Ledger.h"

#include "common/Clock.h"
#include "store/Database.h"

namespace paydesk {

Ledger::Ledger(Database& db, Clock& clock) : m_db(db), m_clock(clock), m_store(db) {}

QString Ledger::open()
{
    return m_db.migrate(LedgerStore::schemaName(), LedgerStore::migrations());
}

std::optional<qint64> Ledger::ledgerTimeMs()
{
    // Inside the write lock, the newest time on disk cannot move under us;
    // read it once per transaction so ledger time never goes back, even when
    // another process posted with a clock slightly ahead.
    if (!m_db.beginWrite())
        return std::nullopt;
    if (m_db.openTransactionId() != m_timeTransaction) {
        const auto latest = m_store.latestAtMs();
        if (!latest)
            return std::nullopt;
        m_lastAtMs = std::max(m_lastAtMs, *latest);
        m_timeTransaction = m_db.openTransactionId();
    }
    m_lastAtMs = std::max(m_lastAtMs, m_clock.nowMs());
    return m_lastAtMs;
}

PostResult Ledger::refuse(PostResult r, const JournalEntry& e, const QString& why, QString* error)
{
    const QString msg = QStringLiteral("ledger entry %1 refused (%2): %3")
                            .arg(e.idempotencyKey, postResultName(r), why);
    if (error)
        *error = msg;
    if (r == PostResult::Unbalanced) {
#ifdef PAYDESK_LEDGER_STRICT
        Q_ASSERT_X(false, "Ledger::post", qPrintable(msg));
#endif
        if (m_alert)
            m_alert(QStringLiteral("ledger_unbalanced"), e.orderNo, msg);
    }
    return r;
}

PostResult Ledger::prepare(JournalEntry& e, qint64 atMs, QList<qint64>& accountIds, QString* error)
{
    Q_ASSERT_X(!e.idempotencyKey.isEmpty(), "Ledger::post", "every entry needs an idempotency key");
    if (e.postings.isEmpty())
        return refuse(PostResult::Empty, e, QStringLiteral("no postings"), error);
    qint64 sum = 0;
    accountIds.clear();
    QList<std::optional<AccountCode>> newCodes; // accounts this entry creates
    for (const Posting& p : e.postings) {
        if (p.amountFen == 0)
            return refuse(PostResult::Empty, e, QStringLiteral("a zero posting to %1").arg(p.account), error);
        // Bounded per posting, so no balance can overflow before 92 million
        // postings at the ceiling, and sums stay exact.
        if (p.amountFen > kMaxAmountFen || p.amountFen < -kMaxAmountFen)
            return refuse(PostResult::Overflow, e,
                          QStringLiteral("a posting of %1 to %2 is above PayDesk's ceiling of %3")
                              .arg(plainYuan(p.amountFen), p.account, plainYuan(kMaxAmountFen)),
                          error);
        if (__builtin_add_overflow(sum, p.amountFen, &sum))
            return refuse(PostResult::Overflow, e, QStringLiteral("amounts overflow"), error);
        // Accounts seen before were checked when they were created.
        if (const qint64 known = m_store.knownAccountId(p.account)) {
            accountIds << known;
            newCodes << std::nullopt;
            continue;
        }
        QString why;
        const auto code = parseAccountCode(p.account, &why);
        if (!code)
            return refuse(PostResult::InvalidAccount, e, why, error);
        accountIds << 0; // created once the entry is known to balance
        newCodes << code;
    }
    if (sum != 0)
        return refuse(PostResult::Unbalanced, e,
                      QStringLiteral("debits and credits differ by %1 fen").arg(sum), error);
    for (qsizetype i = 0; i < accountIds.size(); ++i) {
        if (accountIds[i])
            continue;
        const auto id = m_store.ensureAccount(*newCodes[i], e.currency, atMs);
        if (!id)
            return refuse(PostResult::StorageError, e, m_store.lastError(), error);
        accountIds[i] = *id;
    }
    e.atMs = atMs;
    return PostResult::Posted;
}

bool Ledger::noteFolds(const QList<qint64>& accountIds)
{
    for (qint64 accountId : accountIds)
        if (++m_unfolded[accountId] >= m_foldEvery && !fold(accountId))
            return false;
    return true;
}

PostResult Ledger::post(JournalEntry& e, QString* error)
{
    const auto at = ledgerTimeMs();
    if (!at)
        return refuse(PostResult::StorageError, e, m_store.lastError(), error);
    QList<qint64> ids;
    if (const PostResult r = prepare(e, *at, ids, error); r != PostResult::Posted)
        return r;
    const auto inserted = m_store.insertEntries({e});
    if (!inserted)
        return refuse(PostResult::StorageError, e, m_store.lastError(), error);
    const qint64 entryId = inserted->value(e.idempotencyKey, 0);
    if (!entryId)
        return PostResult::AlreadyPosted;
    QList<std::array<qint64, 4>> rows;
    for (qsizetype i = 0; i < ids.size(); ++i)
        rows.append({entryId, ids[i], e.postings[i].amountFen, *at});
    if (!m_store.insertPostingRows(rows))
        return refuse(PostResult::StorageError, e, m_store.lastError(), error);
    e.id = entryId;
    if (!noteFolds(ids))
        return refuse(PostResult::StorageError, e, m_store.lastError(), error);
    return PostResult::Posted;
}

PostResult Ledger::postBatch(QList<JournalEntry>& entries, QString* error)
{
    const auto at = ledgerTimeMs();
    if (!at) {
        if (error)
            *error = m_store.lastError();
        return PostResult::StorageError;
    }
    QList<QList<qint64>> ids(entries.size());
    for (qsizetype i = 0; i < entries.size(); ++i)
        if (const PostResult r = prepare(entries[i], *at, ids[i], error); r != PostResult::Posted)
            return r;
    // Chunks keep each statement under SQLite's bind limit.
    constexpr qsizetype kEntriesPerStatement = 100;
    constexpr qsizetype kRowsPerStatement = 200;
    QList<std::array<qint64, 4>> rows;
    auto flushRows = [&](bool all) {
        while (rows.size() >= kRowsPerStatement || (all && !rows.isEmpty())) {
            const qsizetype n = std::min(rows.size(), kRowsPerStatement);
            if (!m_store.insertPostingRows(rows.mid(0, n)))
                return false;
            rows.remove(0, n);
        }
        return true;
    };
    for (qsizetype from = 0; from < entries.size(); from += kEntriesPerStatement) {
        const QList<JournalEntry> chunk = entries.mid(from, kEntriesPerStatement);
        const auto inserted = m_store.insertEntries(chunk);
        if (!inserted) {
            if (error)
                *error = m_store.lastError();
            return PostResult::StorageError;
        }
        for (qsizetype i = from; i < from + chunk.size(); ++i) {
            JournalEntry& e = entries[i];
            e.id = inserted->value(e.idempotencyKey, 0);
            if (!e.id)
                continue; // posted before
            for (qsizetype k = 0; k < e.postings.size(); ++k)
                rows.append({e.id, ids[i][k], e.postings[k].amountFen, *at});
            if (!noteFolds(ids[i])) {
                if (error)
                    *error = m_store.lastError();
                return PostResult::StorageError;
            }
        }
        if (!flushRows(false)) {
            if (error)
                *error = m_store.lastError();
            return PostResult::StorageError;
        }
    }
    if (!flushRows(true)) {
        if (error)
            *error = m_store.lastError();
        return PostResult::StorageError;
    }
    return PostResult::Posted;
}

PostResult Ledger::reverse(const QString& entryKey, const QString& idempotencyKey,
                           const QString& memo, QString* error)
{
    const auto original = m_store.entryByKey(entryKey);
    JournalEntry e;
    e.idempotencyKey = idempotencyKey;
    if (!original) {
        if (error)
            *error = QStringLiteral("no ledger entry %1").arg(entryKey);
        return PostResult::Empty;
    }
    e.refKind = refkind::correction;
    e.refNo = original->refNo;
    e.orderNo = original->orderNo;
    e.memo = memo;
    e.currency = original->currency;
    e.reversesEntryId = original->id;
    for (const Posting& p : original->postings)
        e.postings << Posting{p.account, -p.amountFen};
    return post(e, error);
}

bool Ledger::fold(qint64 accountId)
{
    m_unfolded[accountId] = 0;
    const auto cp = m_store.latestCheckpoint(accountId, kNow);
    if (!cp)
        return false;
    const auto t = m_store.tail(accountId, *cp, kNow);
    if (!t)
        return false;
    if (t->count == 0)
        return true;
    return m_store.insertCheckpoint(
        accountId, Checkpoint{t->maxPostingId, t->maxAtMs, cp->balanceFen + t->sumFen, cp->postings + t->count});
}

bool Ledger::foldAll()
{
    for (const AccountRow& a : m_store.accounts())
        if (!fold(a.id))
            return false;
    return true;
}

std::optional<AccountBalance> Ledger::balanceOf(const AccountRow& row, qint64 atMs)
{
    const auto cp = m_store.latestCheckpoint(row.id, atMs);
    if (!cp)
        return std::nullopt;
    const auto t = m_store.tail(row.id, *cp, atMs);
    if (!t)
        return std::nullopt;
    AccountBalance b;
    b.account = row.code;
    b.type = row.type;
    b.currency = row.currency;
    b.signedFen = cp->balanceFen + t->sumFen;
    return b;
}

std::optional<AccountBalance> Ledger::balance(const QString& accountCode, qint64 atMs, QString* error)
{
    const auto code = parseAccountCode(accountCode, error);
    if (!code)
        return std::nullopt;
    const auto row = m_store.account(accountCode);
    if (!row) {
        // Known kind, never posted to: its balance is zero.
        AccountBalance b;
        b.account = accountCode;
        b.type = code->type;
        return b;
    }
    auto b = balanceOf(*row, atMs);
    if (!b && error)
        *error = m_store.lastError();
    return b;
}

std::optional<QList<AccountBalance>> Ledger::balances(qint64 atMs, QString* error)
{
    QList<AccountBalance> out;
    for (const AccountRow& a : m_store.accounts()) {
        auto b = balanceOf(a, atMs);
        if (!b) {
            if (error)
                *error = m_store.lastError();
            return std::nullopt;
        }
        out << *b;
    }
    return out;
}

// ---------------------------------------------------------------- transaction

LedgerTransaction::LedgerTransaction(Ledger& ledger, QString idempotencyKey, QString refKind,
                                     QString refNo, QString orderNo, QString memo)
    : m_ledger(ledger)
{
    m_entry.idempotencyKey = std::move(idempotencyKey);
    m_entry.refKind = std::move(refKind);
    m_entry.refNo = std::move(refNo);
    m_entry.orderNo = std::move(orderNo);
    m_entry.memo = std::move(memo);
    m_entry.currency = QString();
}

LedgerTransaction::~LedgerTransaction()
{
    Q_ASSERT_X(m_done, "LedgerTransaction", "an entry was neither committed nor abandoned");
}

void LedgerTransaction::add(const QString& account, const Money& amount, bool isDebit)
{
    if (m_entry.currency.isEmpty())
        m_entry.currency = amount.currency();
    else if (m_entry.currency != amount.currency())
        m_currencyMixed = true;
    m_entry.postings << Posting{account, isDebit ? amount.fen() : -amount.fen()};
}

LedgerTransaction& LedgerTransaction::debit(const QString& account, const Money& amount)
{
    add(account, amount, true);
    return *this;
}

LedgerTransaction& LedgerTransaction::credit(const QString& account, const Money& amount)
{
    add(account, amount, false);
    return *this;
}

PostResult LedgerTransaction::commit(QString* error)
{
    Q_ASSERT_X(!m_done, "LedgerTransaction::commit", "committed twice");
    m_done = true;
    if (m_entry.currency.isEmpty())
        m_entry.currency = kCny;
    if (m_currencyMixed) {
        // Mixed currencies cannot balance in one entry: the same bug class as
        // debits != credits, refused the same way.
        return m_ledger.refuse(PostResult::Unbalanced, m_entry,
                               QStringLiteral("one entry mixes currencies"), error);
    }
    return m_ledger.post(m_entry, error);
}

} // namespace paydesk
