#include "ledger/SettlementStore.h"

#include "store/Database.h"

#include <QSqlQuery>
#include <QVariant>

namespace paydesk {

namespace {

QString isoDate(const QDate& d)
{
    return d.isValid() ? d.toString(Qt::ISODate) : QStringLiteral("");
}

SettlementTotals readTotals(QSqlQuery& q)
{
    SettlementTotals t;
    t.items = q.value(0).toLongLong();
    t.grossFen = q.value(1).toLongLong();
    t.returnedFen = q.value(2).toLongLong();
    t.feeFen = q.value(3).toLongLong();
    return t;
}

const char kTotals[] = "COUNT(*), COALESCE(SUM(CASE WHEN amount_fen > 0 THEN amount_fen ELSE 0 END), 0),"
                       " COALESCE(SUM(CASE WHEN amount_fen < 0 THEN amount_fen ELSE 0 END), 0),"
                       " COALESCE(SUM(fee_fen), 0)";
const char kSettlementCols[] = "merchant_id, business_date, items, gross_fen, returned_fen, fee_fen,"
                               " currency, entry_key, run_by, at_ms";

SettlementRow readSettlement(QSqlQuery& q)
{
    SettlementRow s;
    s.merchantId = q.value(0).toString();
    s.businessDate = QDate::fromString(q.value(1).toString(), Qt::ISODate);
    s.totals.items = q.value(2).toLongLong();
    s.totals.grossFen = q.value(3).toLongLong();
    s.totals.returnedFen = q.value(4).toLongLong();
    s.totals.feeFen = q.value(5).toLongLong();
    s.currency = q.value(6).toString();
    s.entryKey = q.value(7).toString();
    s.runBy = q.value(8).toString();
    s.atMs = q.value(9).toLongLong();
    return s;
}

} // namespace

QStringList SettlementStore::migrations()
{
    return {QStringLiteral(R"SQL(
CREATE TABLE clearing (
  ref_key TEXT PRIMARY KEY,
  merchant_id TEXT NOT NULL,
  channel TEXT NOT NULL,
  order_no TEXT NOT NULL,
  business_date TEXT NOT NULL,
  amount_fen BIGINT NOT NULL,
  fee_fen BIGINT NOT NULL,
  currency TEXT NOT NULL,
  at_ms BIGINT NOT NULL,
  settled_for TEXT NOT NULL
);
CREATE INDEX clearing_unsettled ON clearing (merchant_id, settled_for, business_date);
CREATE TABLE settlements (
  merchant_id TEXT NOT NULL,
  business_date TEXT NOT NULL,
  items BIGINT NOT NULL,
  gross_fen BIGINT NOT NULL,
  returned_fen BIGINT NOT NULL,
  fee_fen BIGINT NOT NULL,
  currency TEXT NOT NULL,
  entry_key TEXT NOT NULL,
  run_by TEXT NOT NULL,
  at_ms BIGINT NOT NULL,
  PRIMARY KEY (merchant_id, business_date)
)
)SQL"),
            // v2: reconciliation reads one channel's items of one day.
            QStringLiteral("CREATE INDEX clearing_channel_day ON clearing (channel, business_date)")};
}

QString SettlementStore::lastError() const
{
    return m_db.lastError();
}

QString SettlementStore::clearingInsertText()
{
    return QStringLiteral(
        "INSERT INTO clearing (ref_key, merchant_id, channel, order_no, business_date, amount_fen,"
        " fee_fen, currency, at_ms, settled_for) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (ref_key) DO NOTHING");
}

int SettlementStore::insertClearing(const ClearingItem& c)
{
    QSqlQuery& q = m_db.prepared(clearingInsertText());
    bindAt(q, 0, c.refKey);
    bindAt(q, 1, c.merchantId);
    bindAt(q, 2, c.channel);
    bindAt(q, 3, notNull(c.orderNo));
    bindAt(q, 4, isoDate(c.businessDate));
    bindAt(q, 5, c.amountFen);
    bindAt(q, 6, c.feeFen);
    bindAt(q, 7, c.currency);
    bindAt(q, 8, c.atMs);
    bindAt(q, 9, isoDate(c.settledFor));
    if (!m_db.execWrite(q))
        return -1;
    return q.numRowsAffected() > 0 ? 1 : 0;
}

std::optional<SettlementTotals> SettlementStore::unsettledTotals(const QString& merchantId, const QDate& upTo)
{
    QSqlQuery& q = m_db.prepared(QStringLiteral("SELECT %1 FROM clearing WHERE merchant_id = ?"
                                                " AND settled_for = '' AND business_date <= ?")
                                     .arg(QLatin1String(kTotals)));
    bindAt(q, 0, merchantId);
    bindAt(q, 1, isoDate(upTo));
    if (!m_db.execRead(q) || !q.next())
        return std::nullopt;
    const SettlementTotals t = readTotals(q);
    q.finish();
    return t;
}

std::optional<SettlementTotals> SettlementStore::unsettledTotalsAll(const QString& merchantId)
{
    QSqlQuery& q = m_db.prepared(
        QStringLiteral("SELECT %1 FROM clearing WHERE merchant_id = ? AND settled_for = ''")
            .arg(QLatin1String(kTotals)));
    bindAt(q, 0, merchantId);
    if (!m_db.execRead(q) || !q.next())
        return std::nullopt;
    const SettlementTotals t = readTotals(q);
    q.finish();
    return t;
}

bool SettlementStore::markSettled(const QString& merchantId, const QDate& upTo)
{
    QSqlQuery& q = m_db.prepared(QStringLiteral(
        "UPDATE clearing SET settled_for = ? WHERE merchant_id = ? AND settled_for = ''"
        " AND business_date <= ?"));
    bindAt(q, 0, isoDate(upTo));
    bindAt(q, 1, merchantId);
    bindAt(q, 2, isoDate(upTo));
    return m_db.execWrite(q);
}

std::optional<SettlementRow> SettlementStore::settlement(const QString& merchantId, const QDate& day)
{
    QSqlQuery& q = m_db.prepared(
        QStringLiteral("SELECT %1 FROM settlements WHERE merchant_id = ? AND business_date = ?")
            .arg(QLatin1String(kSettlementCols)));
    bindAt(q, 0, merchantId);
    bindAt(q, 1, isoDate(day));
    if (!m_db.execRead(q))
        return std::nullopt;
    std::optional<SettlementRow> out;
    if (q.next())
        out = readSettlement(q);
    q.finish();
    return out;
}

QList<SettlementRow> SettlementStore::settlements(const QString& merchantId)
{
    QSqlQuery& q = m_db.prepared(
        QStringLiteral("SELECT %1 FROM settlements WHERE merchant_id = ? ORDER BY business_date")
            .arg(QLatin1String(kSettlementCols)));
    bindAt(q, 0, merchantId);
    QList<SettlementRow> out;
    if (!m_db.execRead(q))
        return out;
    while (q.next())
        out << readSettlement(q);
    q.finish();
    return out;
}

bool SettlementStore::insertSettlement(const SettlementRow& s)
{
    QSqlQuery& q = m_db.prepared(
        QStringLiteral("INSERT INTO settlements (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .arg(QLatin1String(kSettlementCols)));
    bindAt(q, 0, s.merchantId);
    bindAt(q, 1, isoDate(s.businessDate));
    bindAt(q, 2, s.totals.items);
    bindAt(q, 3, s.totals.grossFen);
    bindAt(q, 4, s.totals.returnedFen);
    bindAt(q, 5, s.totals.feeFen);
    bindAt(q, 6, s.currency);
    bindAt(q, 7, notNull(s.entryKey));
    bindAt(q, 8, s.runBy);
    bindAt(q, 9, s.atMs);
    return m_db.execWrite(q);
}

} // namespace paydesk
