#pragma once

#include <QString>

namespace paydesk {

// The sandbox's own small PKI, so that HTTPS and WeChat's mutual TLS run for
// real on loopback: a test CA, a server certificate for 127.0.0.1, ::1 and
// localhost, and a merchant client certificate, both issued by that CA.
// Never meant for anything but the sandbox: the CA key sits next to it.
struct SandboxCertificateFiles
{
    QString caCertificate;     // ca.pem: the merchant side's caFile
    QString caKey;             // ca-key.pem
    QString serverCertificate; // server.pem
    QString serverKey;         // server-key.pem
    QString clientCertificate; // merchant-cert.pem: clientCertFile
    QString clientKey;         // merchant-key.pem: clientKeyFile
};

// The file names under `dir` (nothing is read or written).
SandboxCertificateFiles sandboxCertificateFiles(const QString& dir);

// Makes the CA and both certificates under `dir` unless all of them are
// there already (a partial set is made again, whole). Keys are ECDSA P-256,
// written unencrypted with owner-only permissions. `created` tells whether
// new files were written. Returns an error text, empty on success.
QString ensureSandboxCertificates(const QString& dir, SandboxCertificateFiles* out,
                                  bool* created = nullptr);

} // namespace paydesk
