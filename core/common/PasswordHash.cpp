#include "common/PasswordHash.h"

#include <QRandomGenerator>
#include <QStringList>

#include <openssl/crypto.h>
#include <openssl/evp.h>

namespace paydesk {

namespace {

constexpr int kSaltBytes = 16;
constexpr int kKeyBytes = 32;
// Far above what the costs PayDesk writes need, far below what a forged
// hash with a huge N would make a login allocate.
constexpr quint64 kMaxMemoryBytes = 256ull * 1024 * 1024;

QByteArray derive(const QString& password, const QByteArray& salt, const ScryptCost& cost)
{
    const QByteArray text = password.toUtf8();
    QByteArray key(kKeyBytes, Qt::Uninitialized);
    if (EVP_PBE_scrypt(text.constData(), size_t(text.size()),
                       reinterpret_cast<const unsigned char*>(salt.constData()),
                       size_t(salt.size()), quint64(1) << cost.log2N, quint64(cost.r),
                       quint64(cost.p), kMaxMemoryBytes,
                       reinterpret_cast<unsigned char*>(key.data()), size_t(key.size())) != 1)
        return QByteArray();
    return key;
}

} // namespace

QString hashPassword(const QString& password, ScryptCost cost)
{
    Q_ASSERT(cost.log2N >= 1 && cost.log2N <= 24 && cost.r >= 1 && cost.p >= 1);
    QByteArray salt(kSaltBytes, Qt::Uninitialized);
    QRandomGenerator::system()->generate(reinterpret_cast<quint32*>(salt.data()),
                                         reinterpret_cast<quint32*>(salt.data() + kSaltBytes));
    const QByteArray key = derive(password, salt, cost);
    if (key.isEmpty())
        return QString();
    return QStringLiteral("scrypt$%1$%2$%3$%4$%5")
        .arg(cost.log2N)
        .arg(cost.r)
        .arg(cost.p)
        .arg(QString::fromLatin1(salt.toBase64()), QString::fromLatin1(key.toBase64()));
}

bool verifyPassword(const QString& password, const QString& stored)
{
    const QStringList parts = stored.split(QLatin1Char('$'));
    if (parts.size() != 6 || parts[0] != QLatin1String("scrypt"))
        return false;
    bool okN = false, okR = false, okP = false;
    ScryptCost cost{parts[1].toInt(&okN), parts[2].toInt(&okR), parts[3].toInt(&okP)};
    if (!okN || !okR || !okP || cost.log2N < 1 || cost.log2N > 24 || cost.r < 1 || cost.r > 64 ||
        cost.p < 1 || cost.p > 16)
        return false;
    const auto salt = QByteArray::fromBase64Encoding(parts[4].toLatin1(),
                                                     QByteArray::AbortOnBase64DecodingErrors);
    const auto expected = QByteArray::fromBase64Encoding(parts[5].toLatin1(),
                                                         QByteArray::AbortOnBase64DecodingErrors);
    if (!salt || !expected || salt.decoded.isEmpty() || expected.decoded.size() != kKeyBytes)
        return false;
    const QByteArray key = derive(password, salt.decoded, cost);
    return key.size() == kKeyBytes &&
           CRYPTO_memcmp(key.constData(), expected.decoded.constData(), size_t(kKeyBytes)) == 0;
}

} // namespace paydesk
