// Key files (API keys, private keys, passwords, certificates) are checked
// before they are trusted: a regular file of bounded size that only its
// owner may change, and, when it holds a secret, only its owner (or group)
// may read. An outside test found a world-writable key accepted silently and
// `apiKeyFile: /dev/zero` growing the process to 1.6 GB.
#include "common/SaveFile.h"
#include "common/SecretFile.h"
#include "sandbox/SandboxCertificates.h"
#include "sandbox/SandboxFronts.h"
#include "testsupport/TempDir.h"

#include <QtTest>

#include <sys/stat.h>
#include <sys/types.h>

using namespace paydesk;

Q_DECLARE_METATYPE(paydesk::KeyFileKind)

namespace {

// What the row puts where the configuration points.
enum class Setup
{
    File,       // a file with `mode` and `size` bytes
    LinkToFile, // a symbolic link to such a file
    Missing,    // nothing
    Directory,  // a directory
    Fifo,       // a named pipe nobody writes to
    DevZero,    // /dev/zero, endless
};

QString make(const QString& dir, Setup setup, mode_t mode, qint64 size)
{
    const QString path = QDir(dir).filePath(QStringLiteral("key"));
    const QString target = QDir(dir).filePath(QStringLiteral("target"));
    switch (setup) {
    case Setup::File:
    case Setup::LinkToFile: {
        const QString file = setup == Setup::File ? path : target;
        QFile f(file);
        if (!f.open(QIODevice::WriteOnly) || f.write(QByteArray(size, 'k')) != size)
            qFatal("cannot write %s", qPrintable(file));
        f.close();
        if (::chmod(QFile::encodeName(file).constData(), mode) != 0)
            qFatal("cannot chmod %s", qPrintable(file));
        if (setup == Setup::LinkToFile && !QFile::link(target, path))
            qFatal("cannot link %s", qPrintable(path));
        return path;
    }
    case Setup::Missing:
        return path;
    case Setup::Directory:
        QDir().mkpath(path);
        return path;
    case Setup::Fifo:
        if (::mkfifo(QFile::encodeName(path).constData(), 0600) != 0)
            qFatal("cannot make a FIFO");
        return path;
    case Setup::DevZero:
        return QStringLiteral("/dev/zero");
    }
    return path;
}

QFileDevice::Permissions permsOf(mode_t mode)
{
    QFileDevice::Permissions p;
    if (mode & 0400)
        p |= QFileDevice::ReadOwner;
    if (mode & 0200)
        p |= QFileDevice::WriteOwner;
    if (mode & 0040)
        p |= QFileDevice::ReadGroup;
    if (mode & 0004)
        p |= QFileDevice::ReadOther;
    return p;
}

QFileDevice::Permissions permissions(const QString& path)
{
    // Qt adds the "User" bits for the current user; only the mode counts.
    return QFile::permissions(path) &
           ~(QFileDevice::ReadUser | QFileDevice::WriteUser | QFileDevice::ExeUser);
}

} // namespace

Q_DECLARE_METATYPE(Setup)

class tst_SecretFile : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void keyFileIsChecked_data();
    void keyFileIsChecked();
    void filesPayDeskMakesPassTheirChecks();
};

void tst_SecretFile::keyFileIsChecked_data()
{
    QTest::addColumn<Setup>("setup");
    QTest::addColumn<int>("mode");
    QTest::addColumn<qint64>("size");
    QTest::addColumn<KeyFileKind>("kind");
    QTest::addColumn<QString>("error"); // a part of it; empty: read

    const auto secret = KeyFileKind::Secret;
    const auto pub = KeyFileKind::Public;
    QTest::newRow("good 0600 secret") << Setup::File << 0600 << qint64(32) << secret << QString();
    QTest::newRow("group-readable secret")
        << Setup::File << 0640 << qint64(32) << secret << QString();
    QTest::newRow("world-writable secret")
        << Setup::File << 0602 << qint64(32) << secret
        << QStringLiteral("is writable by others: run chmod 600 ");
    QTest::newRow("group-writable secret")
        << Setup::File << 0620 << qint64(32) << secret
        << QStringLiteral("is writable by its group: run chmod 600 ");
    QTest::newRow("world-readable private key")
        << Setup::File << 0644 << qint64(32) << secret
        << QStringLiteral("is readable by others, and it holds a secret: run chmod 600 ");
    QTest::newRow("world-readable public key")
        << Setup::File << 0644 << qint64(32) << pub << QString();
    QTest::newRow("world-writable public key")
        << Setup::File << 0646 << qint64(32) << pub
        << QStringLiteral("is writable by others: run chmod 644 ");
    QTest::newRow("group-writable public key")
        << Setup::File << 0664 << qint64(32) << pub
        << QStringLiteral("is writable by its group: run chmod 644 ");
    QTest::newRow("/dev/zero") << Setup::DevZero << 0 << qint64(0) << secret
                               << QStringLiteral("/dev/zero is a device, not a file");
    QTest::newRow("FIFO") << Setup::Fifo << 0 << qint64(0) << secret
                          << QStringLiteral("is a pipe (FIFO), not a file");
    QTest::newRow("directory") << Setup::Directory << 0 << qint64(0) << secret
                               << QStringLiteral("is a directory, not a file");
    QTest::newRow("too large") << Setup::File << 0600 << kMaxKeyFileBytes + 1 << secret
                               << QStringLiteral("is 65537 bytes; a key file is at most 64 KiB");
    QTest::newRow("largest allowed")
        << Setup::File << 0600 << kMaxKeyFileBytes << secret << QString();
    QTest::newRow("empty") << Setup::File << 0600 << qint64(0) << secret
                           << QStringLiteral("is empty");
    QTest::newRow("missing") << Setup::Missing << 0 << qint64(0) << secret
                             << QStringLiteral("cannot read ");
    QTest::newRow("link to a world-writable file")
        << Setup::LinkToFile << 0666 << qint64(32) << secret << QStringLiteral("(a link to ");
    QTest::newRow("link to a good file")
        << Setup::LinkToFile << 0600 << qint64(32) << secret << QString();
}

void tst_SecretFile::keyFileIsChecked()
{
    QFETCH(Setup, setup);
    QFETCH(int, mode);
    QFETCH(qint64, size);
    QFETCH(KeyFileKind, kind);
    QFETCH(QString, error);
    test::TempDataDir dir;
    const QString path = make(dir.path(), setup, mode_t(mode), size);
    QByteArray key;
    const QString where = QStringLiteral("gateways.wechat.apiKeyFile");
    const QString e = kind == KeyFileKind::Secret
                          ? readSecretFile(dir.path(), path, where, &key)
                          : readPublicKeyFile(dir.path(), path, where, &key);
    if (error.isEmpty()) {
        QVERIFY2(e.isEmpty(), qPrintable(e));
        QCOMPARE(key.size(), size);
        return;
    }
    QVERIFY2(e.contains(error), qPrintable(e));
    QVERIFY2(e.startsWith(where + QStringLiteral(": ")), qPrintable(e));
    QVERIFY(key.isEmpty());
    // The fix names the file to change: the link's target, not the link.
    if (setup == Setup::LinkToFile)
        QVERIFY2(e.endsWith(QStringLiteral("chmod 600 ") +
                            QFileInfo(dir.file(QStringLiteral("target"))).canonicalFilePath()),
                 qPrintable(e));
}

// The demo's and the sandbox's keys are made by PayDesk: its own checks
// must take them, whatever the umask.
void tst_SecretFile::filesPayDeskMakesPassTheirChecks()
{
    const mode_t old = ::umask(0002); // a group-writable default
    test::TempDataDir dir;
    const QString priv = dir.file(QStringLiteral("app-private.pem"));
    const QString pub = dir.file(QStringLiteral("app-public.pem"));
    QCOMPARE(SandboxFronts::ensureRsaKeyPair(priv, pub, QStringLiteral("the test's")), QString());
    SandboxCertificateFiles tls;
    QCOMPARE(ensureSandboxCertificates(dir.file(QStringLiteral("tls")), &tls), QString());
    QCOMPARE(saveFile(dir.file(QStringLiteral("api-key.txt")), "0123456789", true), QString());
    ::umask(old);

    QCOMPARE(permissions(priv), permsOf(0600));
    QCOMPARE(permissions(pub), permsOf(0644));
    QCOMPARE(permissions(tls.serverKey), permsOf(0600));
    QCOMPARE(permissions(tls.caCertificate), permsOf(0644));
    QByteArray out;
    for (const QString& secret :
         {priv, tls.serverKey, tls.clientKey, tls.caKey, dir.file(QStringLiteral("api-key.txt"))})
        QCOMPARE(readKeyFile(secret, KeyFileKind::Secret, QStringLiteral("test"), &out), QString());
    for (const QString& open :
         {pub, tls.caCertificate, tls.serverCertificate, tls.clientCertificate})
        QCOMPARE(readKeyFile(open, KeyFileKind::Public, QStringLiteral("test"), &out), QString());
}

QTEST_GUILESS_MAIN(tst_SecretFile)
#include "tst_secretfile.moc"
