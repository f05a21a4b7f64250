#include "api/types/Terminals.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>

namespace paydesk {

QString terminalStateName(TerminalState s)
{
    switch (s) {
    case TerminalState::Enrolling:
        return QStringLiteral("enrolling");
    case TerminalState::Active:
        return QStringLiteral("active");
    case TerminalState::Disabled:
        return QStringLiteral("disabled");
    }
    return QStringLiteral("?");
}

QString authRefusalName(AuthRefusal r)
{
    switch (r) {
    case AuthRefusal::None:
        return QStringLiteral("ok");
    case AuthRefusal::MissingSignature:
        return QStringLiteral("missing_signature");
    case AuthRefusal::UnknownTerminal:
        return QStringLiteral("unknown_terminal");
    case AuthRefusal::TerminalDisabled:
        return QStringLiteral("terminal_disabled");
    case AuthRefusal::BadSignature:
        return QStringLiteral("bad_signature");
    case AuthRefusal::StaleTimestamp:
        return QStringLiteral("stale_timestamp");
    case AuthRefusal::ReplayedNonce:
        return QStringLiteral("replayed_nonce");
    }
    return QStringLiteral("?");
}

namespace signing {

QByteArray canonical(const QByteArray& method, const QByteArray& pathAndQuery,
                     const QByteArray& timestamp, const QByteArray& nonce, const QByteArray& body)
{
    return method + '\n' + pathAndQuery + '\n' + timestamp + '\n' + nonce + '\n' +
           QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex();
}

QByteArray sign(const QByteArray& secret, const QByteArray& canonicalText)
{
    return QMessageAuthenticationCode::hash(canonicalText, secret, QCryptographicHash::Sha256)
        .toHex();
}

bool sameSignature(const QByteArray& a, const QByteArray& b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

QByteArray freshNonce()
{
    quint32 words[5];
    QRandomGenerator::system()->fillRange(words);
    return QByteArray(reinterpret_cast<const char*>(words), sizeof words)
        .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)
        .left(24);
}

} // namespace signing

} // namespace paydesk

#include <QUrl>

namespace paydesk::signing {

QByteArray target(const QUrl& url)
{
    QByteArray t = url.path(QUrl::FullyEncoded).toUtf8();
    if (t.isEmpty())
        t = "/";
    if (url.hasQuery())
        t += '?' + url.query(QUrl::FullyEncoded).toUtf8();
    return t;
}

} // namespace paydesk::signing
