#include "access/TerminalRegistry.h"

#include "common/Clock.h"
#include "store/Database.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QRegularExpression>

namespace paydesk {

namespace {

// A request naming a terminal not known as able reads the rows again, at
// most this often (a few rows; a flood of strangers costs little).
constexpr qint64 kMissReloadMs = 100;

// No 0/O, 1/I: a person types it at the counter.
constexpr char kCodeAlphabet[] = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

QString freshCode()
{
    QString code;
    for (int i = 0; i < 16; ++i) {
        if (i && i % 4 == 0)
            code += QLatin1Char('-');
        code += QLatin1Char(kCodeAlphabet[QRandomGenerator::system()->bounded(32)]);
    }
    return code;
}

QByteArray codeHash(const QString& code)
{
    QString plain = code.toUpper();
    plain.remove(QLatin1Char('-')).remove(QLatin1Char(' '));
    return QCryptographicHash::hash(plain.toUtf8(), QCryptographicHash::Sha256).toHex();
}

QByteArray freshSecret()
{
    quint32 words[8];
    QRandomGenerator::system()->fillRange(words);
    return QByteArray(reinterpret_cast<const char*>(words), sizeof words)
        .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

bool validId(const QString& id)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9_-]{1,32}$"));
    return re.match(id).hasMatch();
}

BackOfficeOutcome fail(BackOfficeStatus s, const QString& message)
{
    return BackOfficeOutcome::fail(s, message);
}

} // namespace

TerminalRegistry::TerminalRegistry(Database& db, const Clock& clock, TerminalPolicy policy,
                                   std::function<void(const QString&, const QString&)> raiseAlert)
    : m_db(db), m_clock(clock), m_policy(policy), m_raiseAlert(std::move(raiseAlert)), m_store(db)
{}

QString TerminalRegistry::key(const QString& storeId, const QString& terminalId)
{
    return storeId + QLatin1Char('/') + terminalId;
}

QString TerminalRegistry::open()
{
    if (QString e = m_db.migrate(TerminalStore::schemaName(), TerminalStore::migrations());
        !e.isEmpty())
        return e;
    if (!reload(0))
        return QStringLiteral("cannot read the terminals: ") + m_store.lastError();
    return QString();
}

bool TerminalRegistry::reloadAfterMiss()
{
    const qint64 now = m_clock.nowMs();
    if (m_missReloadAtMs && now - m_missReloadAtMs < kMissReloadMs)
        return false;
    m_missReloadAtMs = now;
    return reload(0);
}

bool TerminalRegistry::reload(qint64 maxAgeMs)
{
    const qint64 now = m_clock.nowMs();
    if (maxAgeMs > 0 && m_loadedAtMs && now - m_loadedAtMs < maxAgeMs)
        return true;
    // Our own writes not yet committed are in the open batch, which this
    // connection reads too.
    const auto rows = m_store.all();
    if (!rows)
        return false;
    m_loadedAtMs = now;
    QHash<QString, Entry> entries;
    for (const TerminalStore::Row& r : *rows) {
        const QString k = key(r.record.storeId, r.record.terminalId);
        entries.insert(k, Entry{r, m_entries.value(k).wrongCodes});
    }
    m_entries = std::move(entries);
    return true;
}

template <typename T>
void TerminalRegistry::putThen(const TerminalStore::Row& row, T answer, Reply<T> reply)
{
    if (!m_store.put(row)) {
        answer.outcome = fail(BackOfficeStatus::StorageError,
                              QStringLiteral("cannot store the terminal: ") + m_store.lastError());
        if constexpr (std::is_same_v<T, TerminalEnrolment>)
            answer.code.clear();
        else
            answer.secret.clear();
        reply(answer);
        return;
    }
    m_entries[key(row.record.storeId, row.record.terminalId)].row = row;
    m_db.afterCommit([answer, reply](bool ok) mutable {
        if (!ok) {
            answer = T{};
            answer.outcome = fail(BackOfficeStatus::StorageError,
                                  QStringLiteral("the terminal's change could not be stored"));
        }
        reply(answer);
    });
}

void TerminalRegistry::addTerminal(const QString& storeId, const QString& terminalId,
                                   Reply<TerminalEnrolment> reply)
{
    TerminalEnrolment out;
    if (!validId(storeId) || !validId(terminalId)) {
        out.outcome = fail(BackOfficeStatus::InvalidArgument,
                           QStringLiteral("store and terminal numbers are 1 to 32 letters, digits, "
                                          "'-' or '_'; got '%1' and '%2'")
                               .arg(storeId, terminalId));
        return reply(out);
    }
    const qint64 now = m_clock.nowMs();
    out.code = freshCode();
    out.expiresAtMs = now + m_policy.codeLifetimeMs;
    out.outcome.message = QStringLiteral("terminal %1 may enrol with this code until it expires; "
                                         "it is shown once")
                              .arg(key(storeId, terminalId));
    TerminalStore::Row row;
    if (auto it = m_entries.constFind(key(storeId, terminalId)); it != m_entries.constEnd())
        row.record = it->row.record;
    row.record.storeId = storeId;
    row.record.terminalId = terminalId;
    row.record.state = TerminalState::Enrolling;
    if (!row.record.createdAtMs)
        row.record.createdAtMs = now;
    row.record.codeExpiresAtMs = out.expiresAtMs;
    row.record.enrolledAtMs = 0;
    row.record.disabledAtMs = 0;
    row.codeSha256 = codeHash(out.code);
    m_entries[key(storeId, terminalId)].wrongCodes = 0;
    putThen(row, out, std::move(reply));
}

void TerminalRegistry::terminals(Reply<QList<TerminalRecord>> reply)
{
    QList<TerminalRecord> out;
    for (const Entry& e : std::as_const(m_entries))
        out << e.row.record;
    std::sort(out.begin(), out.end(), [](const TerminalRecord& a, const TerminalRecord& b) {
        return key(a.storeId, a.terminalId) < key(b.storeId, b.terminalId);
    });
    reply(out);
}

void TerminalRegistry::disableTerminal(const QString& storeId, const QString& terminalId,
                                       Reply<BackOfficeOutcome> reply)
{
    auto it = m_entries.find(key(storeId, terminalId));
    if (it == m_entries.end())
        return reply(fail(
            BackOfficeStatus::NotFound,
            QStringLiteral("no terminal %1 (see terminal list)").arg(key(storeId, terminalId))));
    if (it->row.record.state == TerminalState::Disabled)
        return reply(BackOfficeOutcome{
            BackOfficeStatus::Repeated,
            QStringLiteral("terminal %1 was already disabled").arg(key(storeId, terminalId)),
            QString(), QString()});
    TerminalStore::Row row = it->row;
    row.record.state = TerminalState::Disabled;
    row.record.disabledAtMs = m_clock.nowMs();
    row.secret.clear();
    row.codeSha256.clear();
    BackOfficeOutcome ok;
    ok.message = QStringLiteral("terminal %1 is disabled: its requests are refused from now on")
                     .arg(key(storeId, terminalId));
    if (!m_store.put(row))
        return reply(fail(BackOfficeStatus::StorageError,
                          QStringLiteral("cannot store the terminal: ") + m_store.lastError()));
    it->row = row;
    m_db.afterCommit([ok, reply](bool stored) {
        reply(stored ? ok
                     : fail(BackOfficeStatus::StorageError,
                            QStringLiteral("the terminal's change could not be stored")));
    });
}

void TerminalRegistry::enrol(const QString& storeId, const QString& terminalId, const QString& code,
                             Reply<EnrolResult> reply)
{
    EnrolResult out;
    reloadAfterMiss();
    auto it = m_entries.find(key(storeId, terminalId));
    const auto refused = [&](BackOfficeStatus s, const QString& why) {
        out.outcome = fail(s, why);
        reply(out);
    };
    if (it == m_entries.end())
        return refused(BackOfficeStatus::NotFound,
                       QStringLiteral("no terminal %1 is being enrolled: ask the server's admin "
                                      "for a code (paydesk-core terminal add)")
                           .arg(key(storeId, terminalId)));
    Entry& e = *it;
    if (e.row.record.state != TerminalState::Enrolling || e.row.codeSha256.isEmpty())
        return refused(BackOfficeStatus::InvalidState,
                       QStringLiteral("terminal %1 has no enrolment code open (it is %2): ask for "
                                      "a new code")
                           .arg(key(storeId, terminalId), terminalStateName(e.row.record.state)));
    if (m_clock.nowMs() > e.row.record.codeExpiresAtMs)
        return refused(BackOfficeStatus::InvalidState,
                       QStringLiteral("the enrolment code of terminal %1 has expired: ask for a "
                                      "new code")
                           .arg(key(storeId, terminalId)));
    if (!signing::sameSignature(codeHash(code), e.row.codeSha256)) {
        ++e.wrongCodes;
        refuse(&e, AuthRefusal::BadSignature, QString());
        if (e.wrongCodes >= m_policy.wrongCodesBeforeVoid) {
            TerminalStore::Row row = e.row;
            row.codeSha256.clear();
            if (m_store.put(row))
                e.row = row;
            return refused(BackOfficeStatus::LimitReached,
                           QStringLiteral("too many wrong codes for terminal %1: the code is void; "
                                          "ask for a new one")
                               .arg(key(storeId, terminalId)));
        }
        return refused(BackOfficeStatus::InvalidArgument,
                       QStringLiteral("that is not terminal %1's enrolment code")
                           .arg(key(storeId, terminalId)));
    }
    TerminalStore::Row row = e.row;
    row.record.state = TerminalState::Active;
    row.record.enrolledAtMs = m_clock.nowMs();
    row.codeSha256.clear();
    row.secret = freshSecret();
    out.secret = row.secret;
    out.outcome.message = QStringLiteral("terminal %1 is enrolled").arg(key(storeId, terminalId));
    putThen(row, out, std::move(reply));
}

AuthResult TerminalRegistry::refuse(Entry* entry, AuthRefusal why, const QString& message)
{
    if (entry) {
        TerminalRecord& t = entry->row.record;
        ++t.refusals;
        m_store.addRefusals(t.storeId, t.terminalId, 1);
        if (m_policy.refusalsPerAlert > 0 && t.refusals % m_policy.refusalsPerAlert == 0 &&
            m_raiseAlert)
            m_raiseAlert(QStringLiteral("terminal_refusals"),
                         QStringLiteral("%1 requests in terminal %2's name were refused (the "
                                        "last: %3): a stolen or misconfigured terminal?")
                             .arg(t.refusals)
                             .arg(key(t.storeId, t.terminalId), authRefusalName(why)));
    }
    return AuthResult{why, message, Caller{}};
}

void TerminalRegistry::forgetOldNonces(qint64 nowMs)
{
    if (m_nonces.size() < m_policy.maxNoncesKept)
        return;
    for (auto it = m_nonces.begin(); it != m_nonces.end();)
        it = nowMs - it.value() > 2 * signing::kMaxSkewMs ? m_nonces.erase(it) : std::next(it);
    // Still full inside the window: keep the newest half; a replay of an
    // older one still has to pass the time check.
    if (m_nonces.size() >= m_policy.maxNoncesKept) {
        QList<qint64> times = m_nonces.values();
        std::nth_element(times.begin(), times.begin() + times.size() / 2, times.end());
        const qint64 median = times.at(times.size() / 2);
        for (auto it = m_nonces.begin(); it != m_nonces.end();)
            it = it.value() < median ? m_nonces.erase(it) : std::next(it);
    }
}

AuthResult TerminalRegistry::authenticate(const SignedRequest& r)
{
    static const QRegularExpression nonceRe(QStringLiteral("^[A-Za-z0-9_-]{16,64}$"));
    const QString who = QString::fromUtf8(r.terminal);
    const qsizetype slash = who.indexOf(QLatin1Char('/'));
    if (r.terminal.isEmpty() || r.signature.isEmpty() || r.timestamp.isEmpty() ||
        r.nonce.isEmpty() || slash <= 0)
        return refuse(nullptr, AuthRefusal::MissingSignature,
                      QStringLiteral("requests are signed: X-PayDesk-Terminal (STORE/TERMINAL), "
                                     "X-PayDesk-Timestamp, X-PayDesk-Nonce and "
                                     "X-PayDesk-Signature are required"));
    reload(10'000);
    auto it = m_entries.find(who);
    if ((it == m_entries.end() || it->row.record.state != TerminalState::Active) &&
        reloadAfterMiss())
        it = m_entries.find(who);
    if (it == m_entries.end())
        return refuse(nullptr, AuthRefusal::UnknownTerminal,
                      QStringLiteral("no terminal %1 is enrolled here").arg(who));
    Entry& e = *it;
    if (e.row.record.state != TerminalState::Active)
        return refuse(&e, AuthRefusal::TerminalDisabled,
                      QStringLiteral("terminal %1 is %2: it may not call this server")
                          .arg(who, terminalStateName(e.row.record.state)));
    const QByteArray expected = signing::sign(
        e.row.secret, signing::canonical(r.method, r.pathAndQuery, r.timestamp, r.nonce, r.body));
    if (!signing::sameSignature(expected, r.signature.toLower()))
        return refuse(&e, AuthRefusal::BadSignature,
                      QStringLiteral("the request's signature does not match terminal %1's "
                                     "secret")
                          .arg(who));
    bool okTime = false;
    const qint64 at = r.timestamp.toLongLong(&okTime);
    const qint64 now = m_clock.nowMs();
    if (!okTime || qAbs(now - at) > signing::kMaxSkewMs)
        return refuse(&e, AuthRefusal::StaleTimestamp,
                      QStringLiteral("the request's time is more than 5 minutes from the "
                                     "server's: check the terminal's clock"));
    if (!nonceRe.match(QString::fromLatin1(r.nonce)).hasMatch())
        return refuse(&e, AuthRefusal::MissingSignature,
                      QStringLiteral("X-PayDesk-Nonce must be 16 to 64 url-safe characters"));
    forgetOldNonces(now);
    const QByteArray nonceKey = r.terminal + '\n' + r.nonce;
    if (auto seen = m_nonces.constFind(nonceKey);
        seen != m_nonces.constEnd() && now - seen.value() <= 2 * signing::kMaxSkewMs)
        return refuse(&e, AuthRefusal::ReplayedNonce,
                      QStringLiteral("this request was already taken (its nonce was used): "
                                     "a replay is refused"));
    m_nonces.insert(nonceKey, now);
    return AuthResult{AuthRefusal::None, QString(),
                      Caller{e.row.record.storeId, e.row.record.terminalId}};
}

} // namespace paydesk
