#include "api/ReconJson.h"

#include "money/Money.h"
#include "recon/Reconciler.h"

namespace paydesk {

QJsonObject toJson(const ReconDifference& d)
{
    return {{QStringLiteral("id"), d.id},
            {QStringLiteral("channel"), d.channel},
            {QStringLiteral("merchant"), d.merchant},
            {QStringLiteral("date"), d.businessDate.toString(Qt::ISODate)},
            {QStringLiteral("kind"), diffKindName(d.kind)},
            {QStringLiteral("state"), diffStateName(d.state)},
            {QStringLiteral("item"), itemKindName(d.item)},
            {QStringLiteral("itemNo"), d.itemNo},
            {QStringLiteral("orderNo"), d.orderNo},
            {QStringLiteral("tradeNo"), d.tradeNo},
            {QStringLiteral("ours"), plainYuan(d.oursFen)},
            {QStringLiteral("bill"), plainYuan(d.theirsFen)},
            {QStringLiteral("oursFee"), plainYuan(d.oursFeeFen)},
            {QStringLiteral("billFee"), plainYuan(d.theirsFeeFen)},
            {QStringLiteral("oursState"), d.oursState},
            {QStringLiteral("billState"), d.theirsState},
            {QStringLiteral("atMs"), d.lineAtMs},
            {QStringLiteral("heldFromBill"), d.heldFromBill},
            {QStringLiteral("owner"), d.owner},
            {QStringLiteral("note"), d.note},
            {QStringLiteral("proposedBy"), d.proposedBy},
            {QStringLiteral("decidedBy"), d.decidedBy},
            {QStringLiteral("entry"), d.entryKey},
            {QStringLiteral("createdAtMs"), d.createdAtMs},
            {QStringLiteral("updatedAtMs"), d.updatedAtMs}};
}

QJsonObject toJson(const ReconReport& r)
{
    return reconReportObject(r);
}

} // namespace paydesk
