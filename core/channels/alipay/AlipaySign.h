#pragma once

#include "channels/SignedFields.h"

#include <memory>

typedef struct evp_pkey_st EVP_PKEY;

namespace paydesk::alipay {

using Params = SignedFields;

// Which fields an Alipay OpenAPI signature covers.
enum class SignScope {
    Request,      // every non-empty field except sign (sign_type included)
    Notification, // every non-empty field except sign and sign_type
};

// The string Alipay signs: the fields of `scope`, sorted by name, as
// name=value joined with '&', UTF-8.
QByteArray signingContent(const Params& params, SignScope scope);

// An RSA key for RSA2 (SHA256withRSA). Loads PEM (PKCS#8, PKCS#1 or
// SubjectPublicKeyInfo) or the bare base64 body Alipay's console hands out.
class RsaKey
{
public:
    enum class Kind { Private, Public };

    RsaKey() = default;
    // Empty key and a message saying why, on failure.
    static RsaKey load(const QByteArray& text, Kind kind, QString* error);
    // A fresh pair (the sandbox's own keys; tests).
    static bool generate(int bits, QByteArray* privatePem, QByteArray* publicPem);

    bool isNull() const { return !m_key; }
    Kind kind() const { return m_kind; }
    EVP_PKEY* handle() const { return m_key.get(); }

private:
    std::shared_ptr<EVP_PKEY> m_key;
    Kind m_kind = Kind::Private;
};

// Base64 SHA256withRSA signature of `content`; empty and `error` set on failure.
QString signRsa2(const QByteArray& content, const RsaKey& privateKey, QString* error);
// Whether `signatureBase64` is a valid SHA256withRSA signature of `content`.
bool verifyRsa2(const QByteArray& content, const QString& signatureBase64,
                const RsaKey& publicKey);

} // namespace paydesk::alipay
