#pragma once

#include "channels/SignedFields.h"

#include <optional>

namespace paydesk::wechat {

// A WeChat Pay V2 message: flat fields carried as
// <xml><name><![CDATA[value]]></name>...</xml>.
using Params = SignedFields;

enum class SignType { Md5, HmacSha256 };

// "MD5" / "HMAC-SHA256", as the sign_type field spells them.
QString signTypeName(SignType t);
// Empty sign_type means MD5 (the V2 default).
bool parseSignType(const QString& name, SignType* out);

// The V2 signature: non-empty fields except `sign`, sorted by name, joined as
// name=value&..., then "&key=<API key>"; MD5 or HMAC-SHA256 (keyed with the
// API key) of that, in upper-case hex.
QString sign(const Params& params, const QByteArray& apiKey, SignType type);

// Whether params["sign"] is the signature of the other fields. Fields the
// channel adds later take part, as WeChat requires. Constant-time compare.
bool verify(const Params& params, const QByteArray& apiKey, SignType type);

// A fresh nonce_str: 32 characters A-Z0-9 from the system's random source.
QString nonceStr();

QByteArray toXml(const Params& params);

// WeChat's times (time_end, time_expire): yyyyMMddHHmmss in China time,
// whatever the machine's zone.
QString formatTime(qint64 epochMs);
// Nullopt when `text` is not such a time.
std::optional<qint64> parseTime(const QString& text);

struct XmlResult
{
    Params params;
    QString error; // empty on success; says what and where
    bool ok() const { return error.isEmpty(); }
};

// Parses a V2 message. Refuses anything but one <xml> element of flat text
// fields: DTDs and entities (no XXE), nesting, duplicate fields, garbage
// after the end, and bodies over `maxBytes`.
XmlResult parseXml(const QByteArray& body, qsizetype maxBytes = 64 * 1024);

// The two paths behind parseXml, apart for tests. The message in WeChat's
// own shape (and toXml's) is read directly: fields of one CDATA section or
// of plain text. Anything else is nullopt and goes to the full parser
// (QXmlStreamReader), which also words every error.
std::optional<Params> parseCanonicalXml(const QByteArray& body);
XmlResult parseXmlFully(const QByteArray& body, qsizetype maxBytes = 64 * 1024);

} // namespace paydesk::wechat
