#include "channels/alipay/AlipaySign.h"

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

namespace paydesk::alipay {

namespace {

// Alipay's RSA2 (SHA256withRSA) keys are 2048 bits; shorter ones are refused
// by the gateway and too weak to sign money with.
constexpr int kMinRsaBits = 2048;

QString opensslError()
{
    const unsigned long e = ERR_get_error();
    ERR_clear_error();
    if (e == 0)
        return QStringLiteral("unknown OpenSSL error");
    char buf[256];
    ERR_error_string_n(e, buf, sizeof buf);
    return QString::fromLatin1(buf);
}

// Alipay's console shows keys as one base64 line without PEM armour.
QByteArray armour(const QByteArray& bare, const char* label)
{
    QByteArray body;
    for (qsizetype i = 0; i < bare.size(); i += 64)
        body += bare.mid(i, 64) + '\n';
    return QByteArray("-----BEGIN ") + label + "-----\n" + body + "-----END " + label + "-----\n";
}

std::shared_ptr<EVP_PKEY> readPem(const QByteArray& pem, RsaKey::Kind kind)
{
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new_mem_buf(pem.constData(), int(pem.size())),
                                                  &BIO_free);
    if (!bio)
        return {};
    EVP_PKEY* key = kind == RsaKey::Kind::Private
                        ? PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr)
                        : PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr);
    return std::shared_ptr<EVP_PKEY>(key, &EVP_PKEY_free);
}

} // namespace

QByteArray signingContent(const Params& params, SignScope scope)
{
    return scope == SignScope::Request ? joinSignedFields(params, {QLatin1StringView("sign")})
                                       : joinSignedFields(params, {QLatin1StringView("sign"),
                                                                   QLatin1StringView("sign_type")});
}

RsaKey RsaKey::load(const QByteArray& text, Kind kind, QString* error)
{
    RsaKey k;
    k.m_kind = kind;
    const QByteArray trimmed = text.trimmed();
    const char* what = kind == Kind::Private ? "private" : "public";
    if (trimmed.isEmpty()) {
        *error = QStringLiteral("the RSA %1 key is empty").arg(QLatin1String(what));
        return k;
    }
    if (trimmed.startsWith("-----BEGIN")) {
        k.m_key = readPem(trimmed, kind);
    } else {
        QByteArray bare = trimmed;
        bare.replace('\n', "").replace('\r', "").replace(' ', "");
        const auto decoded =
            QByteArray::fromBase64Encoding(bare, QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded) {
            *error =
                QStringLiteral("the RSA %1 key is neither PEM nor base64").arg(QLatin1String(what));
            return k;
        }
        // Private keys from Alipay's tools are PKCS#8; older ones PKCS#1.
        if (kind == Kind::Private) {
            k.m_key = readPem(armour(bare, "PRIVATE KEY"), kind);
            if (!k.m_key)
                k.m_key = readPem(armour(bare, "RSA PRIVATE KEY"), kind);
        } else {
            k.m_key = readPem(armour(bare, "PUBLIC KEY"), kind);
        }
    }
    if (!k.m_key) {
        *error = QStringLiteral("cannot read the RSA %1 key: %2")
                     .arg(QLatin1String(what), opensslError());
        return k;
    }
    if (EVP_PKEY_get_base_id(k.m_key.get()) != EVP_PKEY_RSA) {
        *error = QStringLiteral("the %1 key is not an RSA key").arg(QLatin1String(what));
        k.m_key.reset();
        return k;
    }
    if (EVP_PKEY_get_bits(k.m_key.get()) < kMinRsaBits) {
        *error = QStringLiteral("the RSA %1 key has %2 bits; RSA2 needs at least %3")
                     .arg(QLatin1String(what))
                     .arg(EVP_PKEY_get_bits(k.m_key.get()))
                     .arg(kMinRsaBits);
        k.m_key.reset();
    }
    return k;
}

bool RsaKey::generate(int bits, QByteArray* privatePem, QByteArray* publicPem)
{
    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(EVP_RSA_gen(unsigned(bits)),
                                                            &EVP_PKEY_free);
    if (!key)
        return false;
    auto write = [&key](bool priv, QByteArray* out) {
        std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), &BIO_free);
        const int ok = priv ? PEM_write_bio_PrivateKey(bio.get(), key.get(), nullptr, nullptr, 0,
                                                       nullptr, nullptr)
                            : PEM_write_bio_PUBKEY(bio.get(), key.get());
        if (ok != 1)
            return false;
        char* data = nullptr;
        const long n = BIO_get_mem_data(bio.get(), &data);
        *out = QByteArray(data, n);
        return true;
    };
    return write(true, privatePem) && write(false, publicPem);
}

QString signRsa2(const QByteArray& content, const RsaKey& privateKey, QString* error)
{
    Q_ASSERT_X(privateKey.isNull() || privateKey.kind() == RsaKey::Kind::Private, "signRsa2",
               "signing needs the private key");
    if (privateKey.isNull()) {
        *error = QStringLiteral("no RSA private key to sign with");
        return QString();
    }
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    size_t len = 0;
    if (!ctx ||
        EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, privateKey.handle()) != 1 ||
        EVP_DigestSign(ctx.get(), nullptr, &len,
                       reinterpret_cast<const unsigned char*>(content.constData()),
                       size_t(content.size())) != 1) {
        *error = QStringLiteral("RSA2 signing failed: ") + opensslError();
        return QString();
    }
    QByteArray sig(qsizetype(len), Qt::Uninitialized);
    if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(sig.data()), &len,
                       reinterpret_cast<const unsigned char*>(content.constData()),
                       size_t(content.size())) != 1) {
        *error = QStringLiteral("RSA2 signing failed: ") + opensslError();
        return QString();
    }
    sig.resize(qsizetype(len));
    return QString::fromLatin1(sig.toBase64());
}

bool verifyRsa2(const QByteArray& content, const QString& signatureBase64, const RsaKey& publicKey)
{
    if (publicKey.isNull() || signatureBase64.isEmpty())
        return false;
    const auto sig = QByteArray::fromBase64Encoding(signatureBase64.toLatin1(),
                                                    QByteArray::AbortOnBase64DecodingErrors);
    if (!sig)
        return false;
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    const bool ok =
        ctx &&
        EVP_DigestVerifyInit(ctx.get(), nullptr, EVP_sha256(), nullptr, publicKey.handle()) == 1 &&
        EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char*>(sig.decoded.constData()),
                         size_t(sig.decoded.size()),
                         reinterpret_cast<const unsigned char*>(content.constData()),
                         size_t(content.size())) == 1;
    ERR_clear_error();
    return ok;
}

} // namespace paydesk::alipay
