#pragma once

#include <QList>
#include <QString>

#include <functional>
#include <limits>

// The audit log: every change a person asked of the facade, with who, when,
// from which counter, what and what came of it; refused attempts included.
namespace paydesk {

struct AuditEntry
{
    qint64 id = 0;
    qint64 atMs = 0;
    QString user;     // '' while logins are off (then `detail` names who was typed)
    QString terminal; // "STORE/TERMINAL" of the core that took it
    QString action;   // the use case's name ("refund", "settle", ...)
    QString subject;  // what it was about: an order, a number, a member ('' when none)
    QString detail;   // the request's own words: amount, reason, approve/reject
    QString outcome;  // a stable status name ("ok", "forbidden", ...); '' until answered
    QString message;  // the answer's text
};

struct AuditFilter
{
    QString user;   // '' = anyone
    QString action; // '' = any
    qint64 fromMs = 0;
    qint64 toMs = std::numeric_limits<qint64>::max();
    int limit = 200; // newest first
};

// The entries as a CSV file (RFC 4180, CRLF, a header row, times in China
// time ISO 8601): what `paydesk-core audit --csv` and the app export.
QString auditCsv(const QList<AuditEntry>& entries);

class AuditAccess
{
public:
    virtual ~AuditAccess() = default;
    virtual void entries(const AuditFilter& filter,
                         std::function<void(const QList<AuditEntry>&)> reply) = 0;
};

} // namespace paydesk
