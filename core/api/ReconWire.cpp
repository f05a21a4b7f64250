#include "api/ReconWire.h"

#include "api/LedgerJson.h"
#include "api/ReconJson.h"
#include "api/WireDecode.h"

namespace paydesk::wire {

namespace {

constexpr qint64 kAnyInteger = std::numeric_limits<qint64>::min();

// Decimal text ("-12.50"), exact; absent: 0.
qint64 yuan(JsonReader& r, const QString& key)
{
    const QString text = r.string(key);
    if (text.isEmpty())
        return 0;
    QString why;
    const auto m = Money::parse(text, kCny, &why);
    if (!m)
        r.fail(key, JsonReader::Problem::BadValue, why);
    return m ? m->fen() : 0;
}

QDate date(JsonReader& r, const QString& key, bool required)
{
    const QString text = r.string(key, required);
    if (text.isEmpty())
        return {};
    const QDate d = QDate::fromString(text, Qt::ISODate);
    if (!d.isValid())
        r.fail(key, JsonReader::Problem::BadValue,
               QStringLiteral("is not a date YYYY-MM-DD: '%1'").arg(text));
    return d;
}

void readSide(JsonReader& r, const QString& key, ReconSideTotals& t)
{
    JsonReader s = r.nested(r.object(key), key);
    t.payments = s.integer(QStringLiteral("payments"));
    t.paidFen = yuan(s, QStringLiteral("paid"));
    t.refunds = s.integer(QStringLiteral("refunds"));
    t.refundedFen = yuan(s, QStringLiteral("refunded"));
    t.feeFen = yuan(s, QStringLiteral("fees"));
    yuan(s, QStringLiteral("net")); // derived
    s.finish();
    r.absorb(s);
}

} // namespace

QJsonObject toJson(const ReconcileRequest& c)
{
    QJsonObject o{{QStringLiteral("channel"), c.channel},
                  {QStringLiteral("day"), c.day.toString(Qt::ISODate)},
                  {QStringLiteral("confirmNoBill"), c.confirmNoBill},
                  {QStringLiteral("by"), c.by}};
    if (!c.billPath.isEmpty())
        o.insert(QStringLiteral("billPath"), c.billPath);
    if (!c.csvPath.isEmpty())
        o.insert(QStringLiteral("csvPath"), c.csvPath);
    if (!c.pdfPath.isEmpty())
        o.insert(QStringLiteral("pdfPath"), c.pdfPath);
    return o;
}

QJsonObject toJson(const DiffReason& c)
{
    return {{QStringLiteral("by"), c.by}, {QStringLiteral("reason"), c.reason}};
}

QJsonObject toJson(const DiffDecision& c)
{
    return {{QStringLiteral("by"), c.by}, {QStringLiteral("approve"), c.approve}};
}

QJsonObject toJson(const DiffAssignment& c)
{
    return {{QStringLiteral("owner"), c.owner}, {QStringLiteral("by"), c.by}};
}

QJsonObject toJson(const ReconcileResult& r)
{
    QJsonObject o{{QStringLiteral("outcome"), paydesk::toJson(r.outcome)}};
    if (!r.report.billSha256.isEmpty())
        o.insert(QStringLiteral("report"), paydesk::toJson(r.report));
    return o;
}

void read(JsonReader& r, ReconcileRequest& c)
{
    c.channel = r.string(QStringLiteral("channel"), true);
    c.day = date(r, QStringLiteral("day"), true);
    c.billPath = r.string(QStringLiteral("billPath"));
    c.confirmNoBill = r.boolean(QStringLiteral("confirmNoBill"));
    c.by = r.string(QStringLiteral("by"), true);
    c.csvPath = r.string(QStringLiteral("csvPath"));
    c.pdfPath = r.string(QStringLiteral("pdfPath"));
}

void read(JsonReader& r, DiffReason& c)
{
    c.by = r.string(QStringLiteral("by"), true);
    c.reason = r.string(QStringLiteral("reason"), true);
}

void read(JsonReader& r, DiffDecision& c)
{
    c.by = r.string(QStringLiteral("by"), true);
    c.approve = r.boolean(QStringLiteral("approve"), true);
}

void read(JsonReader& r, DiffAssignment& c)
{
    c.owner = r.string(QStringLiteral("owner"), true);
    c.by = r.string(QStringLiteral("by"), true);
}

void read(JsonReader& r, ReconReport& rep)
{
    rep.channel = r.string(QStringLiteral("channel"));
    rep.merchant = r.string(QStringLiteral("merchant"));
    rep.businessDate = date(r, QStringLiteral("date"), false);
    rep.billSha256 = r.string(QStringLiteral("billSha256"));
    rep.rawPath = r.string(QStringLiteral("rawPath"));
    readSide(r, QStringLiteral("ours"), rep.ours);
    readSide(r, QStringLiteral("bill"), rep.theirs);
    rep.matched = r.integer(QStringLiteral("matched"));
    rep.pendingNextDay = r.integer(QStringLiteral("pendingNextDay"));
    rep.resolvedFromPrevious = r.integer(QStringLiteral("resolvedFromPrevious"));
    JsonReader kinds =
        r.nested(r.object(QStringLiteral("differences")), QStringLiteral("differences"));
    for (int k = int(DiffKind::MissingLocally); k <= int(DiffKind::FundShort); ++k) {
        const QString name = diffKindName(DiffKind(k));
        JsonReader kind = kinds.nested(kinds.object(name), name);
        rep.byKind[k].count = kind.integer(QStringLiteral("count"));
        rep.byKind[k].sumFen = yuan(kind, QStringLiteral("amount"));
        kinds.absorb(kind);
    }
    r.absorb(kinds);
    rep.fundDifferenceFen = yuan(r, QStringLiteral("fundDifference"));
    rep.fundEntryKey = r.string(QStringLiteral("fundEntry"));
    rep.runBy = r.string(QStringLiteral("runBy"));
    rep.atMs = r.integer(QStringLiteral("atMs"));
    rep.elapsedMs = r.integer(QStringLiteral("elapsedMs"));
}

void read(JsonReader& r, ReconcileResult& res)
{
    JsonReader outcome = r.nested(r.object(QStringLiteral("outcome")), QStringLiteral("outcome"));
    read(outcome, res.outcome);
    r.absorb(outcome);
    const QJsonObject report = r.object(QStringLiteral("report"));
    if (!report.isEmpty()) {
        JsonReader inner = r.nested(report, QStringLiteral("report"));
        read(inner, res.report);
        r.absorb(inner);
    }
}

void read(JsonReader& r, ReconDifference& d)
{
    d.id = r.integer(QStringLiteral("id"), true);
    d.channel = r.string(QStringLiteral("channel"));
    d.merchant = r.string(QStringLiteral("merchant"));
    d.businessDate = date(r, QStringLiteral("date"), false);
    d.kind = r.enumeration<DiffKind>(QStringLiteral("kind"), diffKindName, 1, 7,
                                     DiffKind::MissingLocally, true);
    d.state = r.enumeration<DiffState>(QStringLiteral("state"), diffStateName, 1, 8,
                                       DiffState::Open, true);
    d.item = r.enumeration<ItemKind>(QStringLiteral("item"), itemKindName, 1, 3, ItemKind::Payment);
    d.itemNo = r.string(QStringLiteral("itemNo"));
    d.orderNo = r.string(QStringLiteral("orderNo"));
    d.tradeNo = r.string(QStringLiteral("tradeNo"));
    d.oursFen = yuan(r, QStringLiteral("ours"));
    d.theirsFen = yuan(r, QStringLiteral("bill"));
    d.oursFeeFen = yuan(r, QStringLiteral("oursFee"));
    d.theirsFeeFen = yuan(r, QStringLiteral("billFee"));
    d.oursState = r.string(QStringLiteral("oursState"));
    d.theirsState = r.string(QStringLiteral("billState"));
    d.lineAtMs = r.integer(QStringLiteral("atMs"), false, kAnyInteger);
    d.heldFromBill = r.boolean(QStringLiteral("heldFromBill"));
    d.owner = r.string(QStringLiteral("owner"));
    d.note = r.string(QStringLiteral("note"));
    d.proposedBy = r.string(QStringLiteral("proposedBy"));
    d.decidedBy = r.string(QStringLiteral("decidedBy"));
    d.entryKey = r.string(QStringLiteral("entry"));
    d.createdAtMs = r.integer(QStringLiteral("createdAtMs"), false, kAnyInteger);
    d.updatedAtMs = r.integer(QStringLiteral("updatedAtMs"), false, kAnyInteger);
}

QUrlQuery toQuery(const DiffFilter& f)
{
    QUrlQuery q;
    if (!f.channel.isEmpty())
        q.addQueryItem(QStringLiteral("channel"), f.channel);
    if (f.businessDate.isValid())
        q.addQueryItem(QStringLiteral("date"), f.businessDate.toString(Qt::ISODate));
    if (f.state)
        q.addQueryItem(QStringLiteral("state"), diffStateName(*f.state));
    if (f.needsAction)
        q.addQueryItem(QStringLiteral("needsAction"), QStringLiteral("true"));
    q.addQueryItem(QStringLiteral("limit"), QString::number(f.limit));
    return q;
}

std::optional<DiffFilter> diffFilterFromQuery(const QUrlQuery& q, QString* error)
{
    QJsonObject o;
    for (const auto& [key, value] : q.queryItems(QUrl::FullyDecoded))
        o.insert(key, value);
    JsonReader r(o, JsonReader::Mode::Strict);
    DiffFilter f;
    f.channel = r.string(QStringLiteral("channel"));
    f.businessDate = date(r, QStringLiteral("date"), false);
    const QString state = r.string(QStringLiteral("state"));
    if (!state.isEmpty()) {
        DiffState s;
        if (parseDiffState(state, &s))
            f.state = s;
        else
            r.fail(QStringLiteral("state"), JsonReader::Problem::BadValue,
                   QStringLiteral("is not a difference state: '%1'").arg(state));
    }
    const QString needs = r.string(QStringLiteral("needsAction"));
    if (!needs.isEmpty() && needs != QLatin1String("true") && needs != QLatin1String("false"))
        r.fail(QStringLiteral("needsAction"), JsonReader::Problem::BadValue,
               QStringLiteral("must be true or false"));
    f.needsAction = needs == QLatin1String("true");
    if (o.contains(QStringLiteral("limit")))
        f.limit = int(r.integer(QStringLiteral("limit"), true, 1, 10'000));
    if (!r.finish()) {
        if (error)
            *error = r.error();
        return std::nullopt;
    }
    return f;
}

} // namespace paydesk::wire
