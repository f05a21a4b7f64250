#include "sandbox/SandboxCertificates.h"

#include "common/SaveFile.h"

#include <QDir>
#include <QFile>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

namespace paydesk {

namespace {

template <typename T, void (*Free)(T*)>
struct Deleter
{
    void operator()(T* p) const { Free(p); }
};
using Key = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using Cert = std::unique_ptr<X509, Deleter<X509, X509_free>>;

constexpr long kValiditySeconds = 10L * 365 * 24 * 3600;

Key newKey()
{
    return Key(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
}

bool addExtension(X509* cert, X509* issuer, int nid, const char* value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
    X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
    if (!ext)
        return false;
    const bool ok = X509_add_ext(cert, ext, -1) == 1;
    X509_EXTENSION_free(ext);
    return ok;
}

// A certificate for `key`, named `commonName`, signed by `issuerKey` (self
// when issuer is null). `extensions`: nid and value pairs.
Cert issue(EVP_PKEY* key, const char* commonName, X509* issuer, EVP_PKEY* issuerKey,
           std::initializer_list<std::pair<int, const char*>> extensions)
{
    Cert cert(X509_new());
    if (!cert || X509_set_version(cert.get(), X509_VERSION_3) != 1)
        return nullptr;
    // A random serial: a regenerated CA must not repeat an old certificate's.
    unsigned char serialBytes[16];
    if (RAND_bytes(serialBytes, sizeof serialBytes) != 1)
        return nullptr;
    serialBytes[0] &= 0x7f;
    BIGNUM* serial = BN_bin2bn(serialBytes, sizeof serialBytes, nullptr);
    const bool serialOk = serial && BN_to_ASN1_INTEGER(serial, X509_get_serialNumber(cert.get()));
    BN_free(serial);
    if (!serialOk)
        return nullptr;
    // An hour back: a client clock slightly behind must still accept it.
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), kValiditySeconds);
    X509_NAME* name = X509_get_subject_name(cert.get());
    X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8,
                               reinterpret_cast<const unsigned char*>("PayDesk sandbox"), -1, -1,
                               0);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                               reinterpret_cast<const unsigned char*>(commonName), -1, -1, 0);
    X509* signer = issuer ? issuer : cert.get();
    if (X509_set_issuer_name(cert.get(), X509_get_subject_name(signer)) != 1 ||
        X509_set_pubkey(cert.get(), key) != 1)
        return nullptr;
    for (const auto& [nid, value] : extensions)
        if (!addExtension(cert.get(), signer, nid, value))
            return nullptr;
    if (X509_sign(cert.get(), issuerKey ? issuerKey : key, EVP_sha256()) <= 0)
        return nullptr;
    return cert;
}

QByteArray bioText(BIO* bio)
{
    char* data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    QByteArray out(data, size > 0 ? size : 0);
    BIO_free(bio);
    return out;
}

QByteArray certPem(X509* cert)
{
    BIO* bio = BIO_new(BIO_s_mem());
    if (!bio || PEM_write_bio_X509(bio, cert) != 1) {
        BIO_free(bio);
        return {};
    }
    return bioText(bio);
}

QByteArray keyPem(EVP_PKEY* key)
{
    BIO* bio = BIO_new(BIO_s_mem());
    if (!bio || PEM_write_bio_PrivateKey(bio, key, nullptr, nullptr, 0, nullptr, nullptr) != 1) {
        BIO_free(bio);
        return {};
    }
    return bioText(bio);
}

} // namespace

SandboxCertificateFiles sandboxCertificateFiles(const QString& dir)
{
    const QDir d(dir);
    SandboxCertificateFiles f;
    f.caCertificate = d.filePath(QStringLiteral("ca.pem"));
    f.caKey = d.filePath(QStringLiteral("ca-key.pem"));
    f.serverCertificate = d.filePath(QStringLiteral("server.pem"));
    f.serverKey = d.filePath(QStringLiteral("server-key.pem"));
    f.clientCertificate = d.filePath(QStringLiteral("merchant-cert.pem"));
    f.clientKey = d.filePath(QStringLiteral("merchant-key.pem"));
    return f;
}

QString ensureSandboxCertificates(const QString& dir, SandboxCertificateFiles* out, bool* created)
{
    const SandboxCertificateFiles f = sandboxCertificateFiles(dir);
    *out = f;
    if (created)
        *created = false;
    const QStringList all = {f.caCertificate,     f.caKey,     f.serverCertificate,
                             f.serverKey,         f.clientCertificate, f.clientKey};
    bool complete = true;
    for (const QString& p : all)
        complete = complete && QFile::exists(p);
    if (complete)
        return QString();
    if (!QDir().mkpath(dir))
        return QStringLiteral("cannot create %1").arg(dir);

    Key caKey = newKey(), serverKey = newKey(), clientKey = newKey();
    if (!caKey || !serverKey || !clientKey)
        return QStringLiteral("cannot generate the sandbox's TLS keys (OpenSSL EC P-256)");
    Cert ca = issue(caKey.get(), "PayDesk sandbox test CA", nullptr, nullptr,
                    {{NID_basic_constraints, "critical,CA:TRUE,pathlen:0"},
                     {NID_key_usage, "critical,keyCertSign,cRLSign"},
                     {NID_subject_key_identifier, "hash"}});
    if (!ca)
        return QStringLiteral("cannot make the sandbox's test CA certificate");
    Cert server = issue(serverKey.get(), "localhost", ca.get(), caKey.get(),
                        {{NID_basic_constraints, "critical,CA:FALSE"},
                         {NID_key_usage, "critical,digitalSignature,keyAgreement"},
                         {NID_ext_key_usage, "serverAuth"},
                         {NID_subject_alt_name, "DNS:localhost,IP:127.0.0.1,IP:::1"},
                         {NID_subject_key_identifier, "hash"},
                         {NID_authority_key_identifier, "keyid:always"}});
    Cert client = issue(clientKey.get(), "PayDesk sandbox merchant", ca.get(), caKey.get(),
                        {{NID_basic_constraints, "critical,CA:FALSE"},
                         {NID_key_usage, "critical,digitalSignature"},
                         {NID_ext_key_usage, "clientAuth"},
                         {NID_subject_key_identifier, "hash"},
                         {NID_authority_key_identifier, "keyid:always"}});
    if (!server || !client)
        return QStringLiteral("cannot issue the sandbox's server or merchant certificate");

    const QList<std::pair<QString, QByteArray>> files = {
        {f.caCertificate, certPem(ca.get())},
        {f.caKey, keyPem(caKey.get())},
        {f.serverCertificate, certPem(server.get())},
        {f.serverKey, keyPem(serverKey.get())},
        {f.clientCertificate, certPem(client.get())},
        {f.clientKey, keyPem(clientKey.get())},
    };
    for (const auto& [path, pem] : files) {
        if (pem.isEmpty())
            return QStringLiteral("cannot encode %1 as PEM").arg(path);
        if (QString e = saveFile(path, pem, path.endsWith(QLatin1String("key.pem"))); !e.isEmpty())
            return e;
    }
    if (created)
        *created = true;
    return QString();
}

} // namespace paydesk
