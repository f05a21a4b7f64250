#pragma once

#include "api/types/BackOffice.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>

// Counters and back-office desks that call a server: enrolled one by one,
// each with its own secret, each request signed with it.
namespace paydesk {

// Stable values: stored.
enum class TerminalState : int
{
    Enrolling = 1, // a one-time code is out; no secret yet
    Active = 2,
    Disabled = 3,
};
QString terminalStateName(TerminalState s);

struct TerminalRecord
{
    QString storeId;
    QString terminalId;
    TerminalState state = TerminalState::Enrolling;
    qint64 createdAtMs = 0;
    qint64 enrolledAtMs = 0;
    qint64 disabledAtMs = 0;
    qint64 codeExpiresAtMs = 0; // Enrolling: the code's end
    qint64 refusals = 0;        // requests refused in its name (bad signature, replay, ...)
};

// What `terminal add` gives the person setting up a counter: shown once.
struct TerminalEnrolment
{
    BackOfficeOutcome outcome;
    QString code; // one-time, e.g. "7KQ2-M9XD-4TRA-PZ6W"
    qint64 expiresAtMs = 0;
};

// What the counter gets for its code: its own secret, once.
struct EnrolResult
{
    BackOfficeOutcome outcome;
    QByteArray secret; // base64url, 32 random bytes
};

// Why a signed request was refused. Stable values and names (error codes).
enum class AuthRefusal : int
{
    None = 0,
    MissingSignature = 1, // a header is missing or malformed
    UnknownTerminal = 2,
    TerminalDisabled = 3, // or not enrolled yet
    BadSignature = 4,
    StaleTimestamp = 5, // more than the allowed skew from the server's clock
    ReplayedNonce = 6,  // seen before within the skew window
};
QString authRefusalName(AuthRefusal r);

// A request as it came, for the signature check.
struct SignedRequest
{
    QByteArray method;       // "POST"
    QByteArray pathAndQuery; // "/v1/payments" or "/v1/orders?limit=20", as sent
    QByteArray terminal;     // header X-PayDesk-Terminal: "STORE/TERMINAL"
    QByteArray timestamp;    // header X-PayDesk-Timestamp: ms since the epoch
    QByteArray nonce;        // header X-PayDesk-Nonce: 16..64 url-safe characters
    QByteArray signature;    // header X-PayDesk-Signature: hex HMAC-SHA256
    QByteArray body;
};

// Who made a request: the server names them to the facade.
struct Caller
{
    QString storeId;
    QString terminalId;
    bool isValid() const { return !terminalId.isEmpty(); }
    QString name() const { return storeId + QLatin1Char('/') + terminalId; }
};

struct AuthResult
{
    AuthRefusal refusal = AuthRefusal::None;
    QString message;
    Caller caller;
    bool ok() const { return refusal == AuthRefusal::None; }
};

namespace signing {
inline constexpr qint64 kMaxSkewMs = 5 * 60 * 1000;
// METHOD \n PATH?QUERY \n TIMESTAMP \n NONCE \n hex(SHA-256(body)): what is signed.
QByteArray canonical(const QByteArray& method, const QByteArray& pathAndQuery,
                     const QByteArray& timestamp, const QByteArray& nonce, const QByteArray& body);
// Lower-case hex HMAC-SHA256 of the canonical text under the terminal's
// secret (the base64url text as enrolled).
QByteArray sign(const QByteArray& secret, const QByteArray& canonicalText);
// Compares in time independent of where they differ.
bool sameSignature(const QByteArray& a, const QByteArray& b);
// A fresh nonce: 24 url-safe characters from the system's random source.
QByteArray freshNonce();
} // namespace signing

} // namespace paydesk

namespace paydesk {

// Enrolling terminals and checking their requests (the server's side). The
// replies run once the change is durable.
class TerminalAccess
{
public:
    template <typename T> using Reply = std::function<void(const T&)>;
    virtual ~TerminalAccess() = default;

    // A new one-time code for the terminal (a second call replaces the
    // first code and any secret: the counter enrols again).
    virtual void addTerminal(const QString& storeId, const QString& terminalId,
                             Reply<TerminalEnrolment> reply) = 0;
    virtual void terminals(Reply<QList<TerminalRecord>> reply) = 0;
    virtual void disableTerminal(const QString& storeId, const QString& terminalId,
                                 Reply<BackOfficeOutcome> reply) = 0;
    // The counter's side: its one-time code for its secret.
    virtual void enrol(const QString& storeId, const QString& terminalId, const QString& code,
                       Reply<EnrolResult> reply) = 0;
    // Checks one request's signature, time and nonce; counts refusals in
    // the named terminal's name.
    virtual AuthResult authenticate(const SignedRequest& request) = 0;
};

} // namespace paydesk

class QUrl;

namespace paydesk::signing {
// What is signed of a request's URL: its path and query as sent
// ("/v1/orders?limit=20"), the same text on both sides.
QByteArray target(const QUrl& url);
} // namespace paydesk::signing
