#include "api/types/Audit.h"

#include "api/types/Csv.h"
#include "common/ChinaTime.h"

namespace paydesk {

QString auditCsv(const QList<AuditEntry>& entries)
{
    QString text =
        csv::row({QStringLiteral("id"), QStringLiteral("at"), QStringLiteral("user"),
                  QStringLiteral("terminal"), QStringLiteral("action"), QStringLiteral("subject"),
                  QStringLiteral("detail"), QStringLiteral("outcome"), QStringLiteral("message")});
    for (const AuditEntry& e : entries)
        text += csv::row({QString::number(e.id), chinaTime(e.atMs).toString(Qt::ISODate), e.user,
                          e.terminal, e.action, e.subject, e.detail, e.outcome, e.message});
    return text;
}

} // namespace paydesk
