#pragma once

#include <QByteArray>
#include <QString>

namespace paydesk {

// Passwords are kept as scrypt hashes (OpenSSL's EVP_PBE_scrypt), never as
// text: "scrypt$LOG2N$R$P$SALT$KEY" with SALT and KEY in base64. The cost
// travels with each hash, so it can be raised later and old hashes still
// verify.
struct ScryptCost
{
    int log2N = 15; // 32 MiB and about 0.1 s per hash on one core
    int r = 8;
    int p = 1;
};

// A new hash with a fresh 16-byte salt from the system's random source.
// Empty when OpenSSL refuses (out of memory).
QString hashPassword(const QString& password, ScryptCost cost = {});
// Whether `password` matches `stored`; false for a malformed hash. Takes
// as long whatever byte differs.
bool verifyPassword(const QString& password, const QString& stored);

} // namespace paydesk
