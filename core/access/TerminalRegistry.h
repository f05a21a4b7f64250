#pragma once

#include "access/TerminalStore.h"
#include "api/types/Terminals.h"

#include <QHash>

#include <functional>

namespace paydesk {

class Clock;
class Database;

struct TerminalPolicy
{
    qint64 codeLifetimeMs = 24LL * 3600 * 1000;
    int wrongCodesBeforeVoid = 5; // then the code is void: `terminal add` again
    int refusalsPerAlert = 20;    // a watch alert at every this many refusals
    int maxNoncesKept = 200'000;  // past it, the oldest half of the window goes
};

// The server's terminals: one-time codes, secrets, and each request's
// signature, time and nonce. Rows live in the database; the active
// terminals' secrets and the nonces of the last minutes live here too, so
// a check reads nothing. Other processes on the same database (`terminal
// add` beside a running server, a second server) change the rows: they are
// read again at most every 10 s, and at once (at most every 100 ms) when a
// request or an enrolment names a terminal this one does not know as able.
class TerminalRegistry final : public TerminalAccess
{
public:
    // `raiseAlert(kind, message)`: a watch alert (refusals past the threshold).
    TerminalRegistry(Database& db, const Clock& clock, TerminalPolicy policy,
                     std::function<void(const QString&, const QString&)> raiseAlert);
    // Migrates and loads. Error text, empty on success.
    QString open();

    void addTerminal(const QString& storeId, const QString& terminalId,
                     Reply<TerminalEnrolment> reply) override;
    void terminals(Reply<QList<TerminalRecord>> reply) override;
    void disableTerminal(const QString& storeId, const QString& terminalId,
                         Reply<BackOfficeOutcome> reply) override;
    void enrol(const QString& storeId, const QString& terminalId, const QString& code,
               Reply<EnrolResult> reply) override;
    AuthResult authenticate(const SignedRequest& request) override;

private:
    struct Entry
    {
        TerminalStore::Row row;
        int wrongCodes = 0;
    };
    static QString key(const QString& storeId, const QString& terminalId);
    // Stores the row and answers after the commit; an I/O error answers StorageError.
    template <typename T> void putThen(const TerminalStore::Row& row, T answer, Reply<T> reply);
    AuthResult refuse(Entry* entry, AuthRefusal why, const QString& message);
    // Reads the rows again when the last read is older than `maxAgeMs`
    // (keeping the wrong-code counts). False on an I/O error.
    bool reload(qint64 maxAgeMs);
    // A terminal was named that is not known as able: read again now,
    // unless that was done in the last 100 ms. True when it read.
    bool reloadAfterMiss();
    void forgetOldNonces(qint64 nowMs);

    Database& m_db;
    const Clock& m_clock;
    TerminalPolicy m_policy;
    std::function<void(const QString&, const QString&)> m_raiseAlert;
    TerminalStore m_store;
    QHash<QString, Entry> m_entries;
    QHash<QByteArray, qint64> m_nonces; // terminal + nonce -> when it was used
    qint64 m_loadedAtMs = 0;
    qint64 m_missReloadAtMs = 0;
};

} // namespace paydesk
