#pragma once

#include <QByteArray>
#include <QString>

namespace paydesk {

// What a counter keeps once enrolled: which server, who it is there, and
// its secret. A JSON file only its owner may read (checked when read,
// written 0600).
struct TerminalKey
{
    QString server; // "https://core.shop.example:8443"
    QString storeId;
    QString terminalId;
    QByteArray secret;
    // The server's certificate is trusted through this CA (PEM file) or by
    // its SHA-256 fingerprint (hex); neither: the system's CAs.
    QString caFile;
    QString fingerprintSha256;
};

// Error text naming the file and the fix, or empty.
QString readTerminalKey(const QString& path, TerminalKey* out);
QString writeTerminalKey(const QString& path, const TerminalKey& key);

} // namespace paydesk
