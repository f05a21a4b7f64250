#include "recon/ReconStore.h"

#include "ledger/EnginePostings.h"

#include "domain/States.h"
#include "store/Database.h"

namespace paydesk {

namespace {

const char* const kDiffCols =
    "id, channel, merchant, business_date, kind, state, item, item_no, order_no, trade_no,"
    " ours_fen, theirs_fen, ours_fee_fen, theirs_fee_fen, ours_state, theirs_state, line_at_ms,"
    " held_from_bill, owner, note, proposed_by, decided_by, entry_key, created_at_ms,"
    " updated_at_ms";

QString isoDate(const QDate& d)
{
    return d.toString(Qt::ISODate);
}

ReconDifference readDifference(const QSqlQuery& q)
{
    ReconDifference d;
    d.id = q.value(0).toLongLong();
    d.channel = q.value(1).toString();
    d.merchant = q.value(2).toString();
    d.businessDate = QDate::fromString(q.value(3).toString(), Qt::ISODate);
    d.kind = DiffKind(q.value(4).toInt());
    d.state = DiffState(q.value(5).toInt());
    d.item = ItemKind(q.value(6).toInt());
    d.itemNo = q.value(7).toString();
    d.orderNo = q.value(8).toString();
    d.tradeNo = q.value(9).toString();
    d.oursFen = q.value(10).toLongLong();
    d.theirsFen = q.value(11).toLongLong();
    d.oursFeeFen = q.value(12).toLongLong();
    d.theirsFeeFen = q.value(13).toLongLong();
    d.oursState = q.value(14).toString();
    d.theirsState = q.value(15).toString();
    d.lineAtMs = q.value(16).toLongLong();
    d.heldFromBill = q.value(17).toInt() != 0;
    d.owner = q.value(18).toString();
    d.note = q.value(19).toString();
    d.proposedBy = q.value(20).toString();
    d.decidedBy = q.value(21).toString();
    d.entryKey = q.value(22).toString();
    d.createdAtMs = q.value(23).toLongLong();
    d.updatedAtMs = q.value(24).toLongLong();
    return d;
}

// Clearing keys are the ledger's idempotency keys: EnginePostings makes them.
bool splitKey(QStringView key, ItemKind* kind, QStringView* no)
{
    static const struct
    {
        QString prefix;
        ItemKind kind;
    } kPrefixes[] = {{EnginePostings::paymentKey(QString()), ItemKind::Payment},
                     {EnginePostings::refundKey(QString()), ItemKind::Refund},
                     {EnginePostings::reversalKey(QString()), ItemKind::Revoke}};
    for (const auto& p : kPrefixes)
        if (key.startsWith(p.prefix)) {
            *kind = p.kind;
            *no = key.sliced(p.prefix.size());
            return true;
        }
    return false;
}

QString clearingKey(ItemKind kind, const QString& no)
{
    switch (kind) {
    case ItemKind::Payment:
        return EnginePostings::paymentKey(no);
    case ItemKind::Refund:
        return EnginePostings::refundKey(no);
    case ItemKind::Revoke:
        return EnginePostings::reversalKey(no);
    }
    return QString();
}

} // namespace

QStringList ReconStore::migrations()
{
    return {QStringLiteral(R"SQL(
CREATE TABLE recon_runs (
  channel TEXT NOT NULL,
  merchant TEXT NOT NULL,
  business_date TEXT NOT NULL,
  bill_sha256 TEXT NOT NULL,
  raw_path TEXT NOT NULL,
  report TEXT NOT NULL,
  run_by TEXT NOT NULL,
  at_ms BIGINT NOT NULL,
  PRIMARY KEY (channel, merchant, business_date)
);
CREATE TABLE recon_differences (
  id {{ID}},
  channel TEXT NOT NULL,
  merchant TEXT NOT NULL,
  business_date TEXT NOT NULL,
  kind INTEGER NOT NULL,
  state INTEGER NOT NULL,
  item INTEGER NOT NULL,
  item_no TEXT NOT NULL,
  order_no TEXT NOT NULL,
  trade_no TEXT NOT NULL,
  ours_fen BIGINT NOT NULL,
  theirs_fen BIGINT NOT NULL,
  ours_fee_fen BIGINT NOT NULL,
  theirs_fee_fen BIGINT NOT NULL,
  ours_state TEXT NOT NULL,
  theirs_state TEXT NOT NULL,
  line_at_ms BIGINT NOT NULL,
  held_from_bill INTEGER NOT NULL,
  owner TEXT NOT NULL,
  note TEXT NOT NULL,
  proposed_by TEXT NOT NULL,
  decided_by TEXT NOT NULL,
  entry_key TEXT NOT NULL,
  created_at_ms BIGINT NOT NULL,
  updated_at_ms BIGINT NOT NULL
);
CREATE INDEX recon_diff_state ON recon_differences (state, channel, business_date);
CREATE INDEX recon_diff_day ON recon_differences (channel, business_date);
CREATE INDEX recon_diff_order ON recon_differences (order_no)
)SQL")};
}

QString ReconStore::lastError() const
{
    return m_db.lastError();
}

bool ReconStore::clearedItems(const QString& channel, const QDate& day,
                              const std::function<void(const ClearedRow&)>& each)
{
    QSqlQuery& q =
        m_db.prepared(QStringLiteral("SELECT ref_key, amount_fen, fee_fen, at_ms FROM clearing"
                                     " WHERE channel = ? AND business_date = ?"));
    bindAt(q, 0, channel);
    bindAt(q, 1, isoDate(day));
    if (!m_db.execRead(q))
        return false;
    ClearedRow c;
    while (q.next()) {
        const QString key = q.value(0).toString();
        if (!splitKey(key, &c.kind, &c.itemNo))
            continue; // wallet movements never reach a channel bill
        const qint64 fen = q.value(1).toLongLong();
        c.amountFen = fen < 0 ? -fen : fen;
        c.feeFen = q.value(2).toLongLong();
        c.atMs = q.value(3).toLongLong();
        each(c);
    }
    q.finish();
    return true;
}

std::optional<ClearedItem> ReconStore::clearedItem(ItemKind kind, const QString& itemNo)
{
    QSqlQuery& q = m_db.prepared(
        QStringLiteral("SELECT order_no, amount_fen, fee_fen, at_ms, business_date FROM clearing"
                       " WHERE ref_key = ?"));
    bindAt(q, 0, clearingKey(kind, itemNo));
    if (!m_db.execRead(q))
        return std::nullopt;
    std::optional<ClearedItem> out;
    if (q.next()) {
        ClearedItem c;
        c.kind = kind;
        c.itemNo = itemNo;
        c.orderNo = q.value(0).toString();
        c.amountFen = qAbs(q.value(1).toLongLong());
        c.feeFen = q.value(2).toLongLong();
        c.atMs = q.value(3).toLongLong();
        c.businessDate = QDate::fromString(q.value(4).toString(), Qt::ISODate);
        out = c;
    }
    q.finish();
    return out;
}

std::optional<QByteArray> ReconStore::runReport(const QString& channel, const QString& merchant,
                                                const QDate& day)
{
    QSqlQuery& q = m_db.prepared(QStringLiteral(
        "SELECT report FROM recon_runs WHERE channel = ? AND merchant = ? AND business_date = ?"));
    bindAt(q, 0, channel);
    bindAt(q, 1, merchant);
    bindAt(q, 2, isoDate(day));
    if (!m_db.execRead(q))
        return std::nullopt;
    std::optional<QByteArray> out;
    if (q.next())
        out = q.value(0).toString().toUtf8();
    q.finish();
    return out;
}

QList<QPair<QString, QString>> ReconStore::runsOn(const QString& channel, const QDate& day)
{
    QSqlQuery& q = m_db.prepared(QStringLiteral(
        "SELECT merchant, bill_sha256 FROM recon_runs WHERE channel = ? AND business_date = ?"));
    bindAt(q, 0, channel);
    bindAt(q, 1, isoDate(day));
    QList<QPair<QString, QString>> out;
    if (!m_db.execRead(q))
        return out;
    while (q.next())
        out.append({q.value(0).toString(), q.value(1).toString()});
    q.finish();
    return out;
}

bool ReconStore::insertRun(const ReconReport& r, const QByteArray& reportJson)
{
    QSqlQuery& q = m_db.prepared(QStringLiteral(
        "INSERT INTO recon_runs (channel, merchant, business_date, bill_sha256, raw_path, report,"
        " run_by, at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    bindAt(q, 0, r.channel);
    bindAt(q, 1, r.merchant);
    bindAt(q, 2, isoDate(r.businessDate));
    bindAt(q, 3, r.billSha256);
    bindAt(q, 4, notNull(r.rawPath));
    bindAt(q, 5, QString::fromUtf8(reportJson));
    bindAt(q, 6, notNull(r.runBy));
    bindAt(q, 7, r.atMs);
    return m_db.execWrite(q);
}

bool ReconStore::insertDifference(ReconDifference& d)
{
    QSqlQuery& q = m_db.prepared(QStringLiteral(
        "INSERT INTO recon_differences (channel, merchant, business_date, kind, state, item,"
        " item_no, order_no, trade_no, ours_fen, theirs_fen, ours_fee_fen, theirs_fee_fen,"
        " ours_state, theirs_state, line_at_ms, held_from_bill, owner, note, proposed_by,"
        " decided_by, entry_key, created_at_ms, updated_at_ms)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        " RETURNING id"));
    int i = 0;
    bindAt(q, i++, d.channel);
    bindAt(q, i++, notNull(d.merchant));
    bindAt(q, i++, isoDate(d.businessDate));
    bindAt(q, i++, int(d.kind));
    bindAt(q, i++, int(d.state));
    bindAt(q, i++, int(d.item));
    bindAt(q, i++, notNull(d.itemNo));
    bindAt(q, i++, notNull(d.orderNo));
    bindAt(q, i++, notNull(d.tradeNo));
    bindAt(q, i++, d.oursFen);
    bindAt(q, i++, d.theirsFen);
    bindAt(q, i++, d.oursFeeFen);
    bindAt(q, i++, d.theirsFeeFen);
    bindAt(q, i++, notNull(d.oursState));
    bindAt(q, i++, notNull(d.theirsState));
    bindAt(q, i++, d.lineAtMs);
    bindAt(q, i++, d.heldFromBill ? 1 : 0);
    bindAt(q, i++, notNull(d.owner));
    bindAt(q, i++, notNull(d.note));
    bindAt(q, i++, notNull(d.proposedBy));
    bindAt(q, i++, notNull(d.decidedBy));
    bindAt(q, i++, notNull(d.entryKey));
    bindAt(q, i++, d.createdAtMs);
    bindAt(q, i++, d.updatedAtMs);
    if (!m_db.execWrite(q) || !q.next())
        return false;
    d.id = q.value(0).toLongLong();
    q.finish();
    return true;
}

bool ReconStore::updateDifference(const ReconDifference& d)
{
    QSqlQuery& q = m_db.prepared(QStringLiteral(
        "UPDATE recon_differences SET kind = ?, state = ?, owner = ?, note = ?, proposed_by = ?,"
        " decided_by = ?, entry_key = ?, updated_at_ms = ?, order_no = ?, ours_fen = ?"
        " WHERE id = ?"));
    bindAt(q, 0, int(d.kind));
    bindAt(q, 1, int(d.state));
    bindAt(q, 2, notNull(d.owner));
    bindAt(q, 3, notNull(d.note));
    bindAt(q, 4, notNull(d.proposedBy));
    bindAt(q, 5, notNull(d.decidedBy));
    bindAt(q, 6, notNull(d.entryKey));
    bindAt(q, 7, d.updatedAtMs);
    bindAt(q, 8, notNull(d.orderNo));
    bindAt(q, 9, d.oursFen);
    bindAt(q, 10, d.id);
    return m_db.execWrite(q) && q.numRowsAffected() == 1;
}

std::optional<ReconDifference> ReconStore::difference(qint64 id)
{
    QSqlQuery& q = m_db.prepared(QStringLiteral("SELECT %1 FROM recon_differences WHERE id = ?")
                                     .arg(QLatin1String(kDiffCols)));
    bindAt(q, 0, id);
    if (!m_db.execRead(q))
        return std::nullopt;
    std::optional<ReconDifference> out;
    if (q.next())
        out = readDifference(q);
    q.finish();
    return out;
}

std::optional<ReconDifference>
ReconStore::openFundDifference(const QString& channel, const QString& merchant, const QDate& day)
{
    QSqlQuery& q = m_db.prepared(
        QStringLiteral("SELECT %1 FROM recon_differences WHERE channel = ? AND merchant = ?"
                       " AND business_date = ? AND state = %2 AND kind IN (%3, %4)"
                       " ORDER BY id LIMIT 1")
            .arg(QLatin1String(kDiffCols))
            .arg(int(DiffState::Open))
            .arg(int(DiffKind::FundLong))
            .arg(int(DiffKind::FundShort)));
    bindAt(q, 0, channel);
    bindAt(q, 1, notNull(merchant));
    bindAt(q, 2, isoDate(day));
    if (!m_db.execRead(q))
        return std::nullopt;
    std::optional<ReconDifference> out;
    if (q.next())
        out = readDifference(q);
    q.finish();
    return out;
}

QList<ReconDifference> ReconStore::differences(const DiffFilter& f)
{
    // Optional filters as "(? = '' OR column = ?)" keep one prepared statement.
    QSqlQuery& q = m_db.prepared(
        QStringLiteral("SELECT %1 FROM recon_differences WHERE (? = '' OR channel = ?)"
                       " AND (? = '' OR business_date = ?) AND (? = 0 OR state = ?)"
                       " AND (? = 0 OR state IN (1, 5, 7)) ORDER BY id LIMIT ?")
            .arg(QLatin1String(kDiffCols)));
    const QString day = f.businessDate.isValid() ? isoDate(f.businessDate) : QStringLiteral("");
    const int state = f.state ? int(*f.state) : 0;
    bindAt(q, 0, notNull(f.channel));
    bindAt(q, 1, notNull(f.channel));
    bindAt(q, 2, day);
    bindAt(q, 3, day);
    bindAt(q, 4, state);
    bindAt(q, 5, state);
    bindAt(q, 6, f.needsAction ? 1 : 0);
    bindAt(q, 7, f.limit);
    QList<ReconDifference> out;
    if (!m_db.execRead(q))
        return out;
    while (q.next())
        out << readDifference(q);
    q.finish();
    return out;
}

std::optional<qint64> ReconStore::needingActionCount()
{
    QSqlQuery& q = m_db.prepared(
        QStringLiteral("SELECT COUNT(*) FROM recon_differences WHERE state IN (?, ?, ?)"));
    bindAt(q, 0, int(DiffState::Open));
    bindAt(q, 1, int(DiffState::WriteOffProposed));
    bindAt(q, 2, int(DiffState::RecoveryProposed));
    if (!m_db.execRead(q) || !q.next())
        return std::nullopt;
    const qint64 n = q.value(0).toLongLong();
    q.finish();
    return n;
}

QList<ReconDifference> ReconStore::pendingBefore(const QString& channel, const QDate& day)
{
    QSqlQuery& q = m_db.prepared(
        QStringLiteral("SELECT %1 FROM recon_differences WHERE state = ? AND channel = ?"
                       " AND business_date < ? ORDER BY id")
            .arg(QLatin1String(kDiffCols)));
    bindAt(q, 0, int(DiffState::PendingNextDay));
    bindAt(q, 1, channel);
    bindAt(q, 2, isoDate(day));
    QList<ReconDifference> out;
    if (!m_db.execRead(q))
        return out;
    while (q.next())
        out << readDifference(q);
    q.finish();
    return out;
}

} // namespace paydesk
