// Secrets at rest: a key file may be sealed (AES-256-GCM under a key the
// service finds through PAYDESK_SEAL_KEY_FILE or PAYDESK_SEAL_KEY), and
// every configuration that names a secret file then reads it unsealed. A
// wrong key, an edited, truncated or damaged file, a missing or malformed
// key: an error naming the file, and never any of the plaintext.
#include "common/Cleanse.h"
#include "common/SealKey.h"
#include "common/SealedSecret.h"
#include "common/SecretFile.h"
#include "testsupport/TempDir.h"

#include <QRandomGenerator>
#include <QtTest>

#include <sys/stat.h>

using namespace paydesk;
using paydesk::test::fileMode;
using paydesk::test::writeFile;

namespace {

// What the row does to the sealed file before it is read.
enum class Edit
{
    None,
    Plain,              // not sealed at all: the plain secret
    FlipCiphertext,     // one bit of the ciphertext
    FlipTag,            // one bit of the tag (the payload's last 16 bytes)
    FlipNonce,          // one bit of the nonce (its first 12 bytes)
    FlipHeaderVersion,  // "PAYDESK-SEALED-1" becomes "PAYDESK-SEALED-3"
    FlipHeaderKeyId,    // one hex digit of the key id
    HeaderExtraWord,    // a word appended to the header line
    TruncateToHeader,   // nothing after the header
    TruncateShort,      // fewer bytes than a nonce and a tag
    TruncateCiphertext, // the last 8 base64 characters gone
    BadBase64,          // a character base64 does not have
    WorldReadable,      // sealed, but chmod 644
    CrLfLineEnds,       // an editor's CR LF: still read
};

// Where the key comes from.
enum class Key
{
    FileVariable,   // PAYDESK_SEAL_KEY_FILE names the key it was sealed with
    InlineVariable, // PAYDESK_SEAL_KEY holds it in base64
    None,           // neither is set
    Both,           // both are set
    OtherKey,       // PAYDESK_SEAL_KEY holds another random key
    ShortKey,       // PAYDESK_SEAL_KEY holds 16 bytes
    NotBase64,      // PAYDESK_SEAL_KEY holds text that is not base64
    KeyFileOpen,    // the key file is readable by others
    KeyFileSealed,  // the key file is itself a sealed file
    KeyFileMissing, // PAYDESK_SEAL_KEY_FILE names no file
};

// A secret with a line end in the middle and 100 bytes in all: three
// lines of base64 once sealed.
const QByteArray kSecret =
    QByteArray("wechat-api-key-0123456789\nsecond line ") + QByteArray(62, 'x');

QByteArray base64Of(const SealKey& key)
{
    return QByteArray(reinterpret_cast<const char*>(key.bytes.data()), kSealKeyBytes).toBase64();
}

SealKey randomKey()
{
    SealKey k;
    for (auto& b : k.bytes)
        b = uchar(QRandomGenerator::global()->bounded(256));
    return k;
}

// The sealed file's payload (nonce | ciphertext | tag) changed by `change`.
QByteArray editPayload(const QByteArray& sealed, const std::function<void(QByteArray&)>& change)
{
    const qsizetype eol = sealed.indexOf('\n');
    QByteArray payload = QByteArray::fromBase64(sealed.mid(eol + 1).replace('\n', ""));
    change(payload);
    return sealed.left(eol + 1) + payload.toBase64() + '\n';
}

QByteArray edit(const QByteArray& sealed, Edit e)
{
    const qsizetype eol = sealed.indexOf('\n');
    QByteArray s = sealed;
    switch (e) {
    case Edit::None:
    case Edit::WorldReadable:
        return s;
    case Edit::Plain:
        return kSecret;
    case Edit::FlipCiphertext:
        return editPayload(s, [](QByteArray& p) { p[12 + 5] = char(p[12 + 5] ^ 0x01); });
    case Edit::FlipTag:
        return editPayload(s,
                           [](QByteArray& p) { p[p.size() - 3] = char(p[p.size() - 3] ^ 0x40); });
    case Edit::FlipNonce:
        return editPayload(s, [](QByteArray& p) { p[4] = char(p[4] ^ 0x80); });
    case Edit::FlipHeaderVersion:
        s[15] = '3';
        return s;
    case Edit::FlipHeaderKeyId:
        s[eol - 1] = s[eol - 1] == '0' ? '1' : '0';
        return s;
    case Edit::HeaderExtraWord:
        return s.insert(eol, " aes");
    case Edit::TruncateToHeader:
        return s.left(eol + 1);
    case Edit::TruncateShort:
        return s.left(eol + 1 + 20);
    case Edit::TruncateCiphertext:
        return s.left(s.size() - 1 - 8) + '\n';
    case Edit::BadBase64:
        s[eol + 10] = '!';
        return s;
    case Edit::CrLfLineEnds:
        return s.replace("\n", "\r\n");
    }
    return s;
}

// Sets the row's key variables; returns the key sealing used.
SealKey setUpKey(const QString& dir, Key how)
{
    const SealKey key = randomKey();
    const QString keyFile = QDir(dir).filePath(QStringLiteral("seal.key"));
    switch (how) {
    case Key::FileVariable:
    case Key::KeyFileOpen:
        writeFile(keyFile, base64Of(key) + '\n', how == Key::KeyFileOpen ? 0644 : 0600);
        qputenv(kSealKeyFileVariable, QFile::encodeName(keyFile));
        break;
    case Key::InlineVariable:
        qputenv(kSealKeyVariable, base64Of(key));
        break;
    case Key::None:
        break;
    case Key::Both:
        writeFile(keyFile, base64Of(key) + '\n');
        qputenv(kSealKeyFileVariable, QFile::encodeName(keyFile));
        qputenv(kSealKeyVariable, base64Of(key));
        break;
    case Key::OtherKey:
        qputenv(kSealKeyVariable, base64Of(randomKey()));
        break;
    case Key::ShortKey:
        qputenv(kSealKeyVariable, QByteArray(16, 'k').toBase64());
        break;
    case Key::NotBase64:
        qputenv(kSealKeyVariable, "correct horse battery staple");
        break;
    case Key::KeyFileSealed: {
        QByteArray sealedKey;
        if (!sealSecret(randomKey(), base64Of(key), &sealedKey).isEmpty())
            qFatal("cannot seal the key");
        writeFile(keyFile, sealedKey);
        qputenv(kSealKeyFileVariable, QFile::encodeName(keyFile));
        break;
    }
    case Key::KeyFileMissing:
        qputenv(kSealKeyFileVariable, QFile::encodeName(keyFile));
        break;
    }
    return key;
}

} // namespace

Q_DECLARE_METATYPE(Edit)
Q_DECLARE_METATYPE(Key)
Q_DECLARE_METATYPE(paydesk::KeyFileKind)

class tst_SealedSecret : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void sealedFileIsReadThroughTheConfiguration_data();
    void sealedFileIsReadThroughTheConfiguration();
    void eachSealDrawsAFreshNonce();
    void theFormatIsTextWithAHeader();
    void bytesRoundTripExactly();
    void tooLargeToSealIsRefused();
    void newKeyFileIsOwnerOnlyAndNeverReplaced();
    void wipeLeavesASharedBufferAlone();
};

void tst_SealedSecret::init()
{
    qunsetenv(kSealKeyFileVariable);
    qunsetenv(kSealKeyVariable);
}

void tst_SealedSecret::cleanup()
{
    init();
}

void tst_SealedSecret::sealedFileIsReadThroughTheConfiguration_data()
{
    QTest::addColumn<Edit>("edit");
    QTest::addColumn<Key>("key");
    QTest::addColumn<KeyFileKind>("kind");
    // Parts of it, in order, " … " between them; empty: read as kSecret.
    QTest::addColumn<QString>("error");

    const auto secret = KeyFileKind::Secret;
    const QString changed = QStringLiteral("cannot be unsealed: it was changed or damaged");
    QTest::newRow("round trip, key file") << Edit::None << Key::FileVariable << secret << QString();
    QTest::newRow("round trip, key in the environment")
        << Edit::None << Key::InlineVariable << secret << QString();
    QTest::newRow("round trip, CR LF line ends")
        << Edit::CrLfLineEnds << Key::FileVariable << secret << QString();
    QTest::newRow("plain file still read, no key set")
        << Edit::Plain << Key::None << secret << QString();
    QTest::newRow("plain file still read, a key set")
        << Edit::Plain << Key::FileVariable << secret << QString();
    QTest::newRow("wrong key") << Edit::None << Key::OtherKey << secret
                               << QStringLiteral("cannot be unsealed: it was sealed with the key ");
    QTest::newRow("flipped byte in ciphertext")
        << Edit::FlipCiphertext << Key::FileVariable << secret << changed;
    QTest::newRow("flipped byte in tag") << Edit::FlipTag << Key::FileVariable << secret << changed;
    QTest::newRow("flipped byte in nonce")
        << Edit::FlipNonce << Key::FileVariable << secret << changed;
    QTest::newRow("flipped byte in header version")
        << Edit::FlipHeaderVersion << Key::FileVariable << secret
        << QStringLiteral("is sealed in a format this PayDesk does not read (PAYDESK-SEALED-3, "
                          "not PAYDESK-SEALED-1)");
    QTest::newRow("flipped byte in header key id")
        << Edit::FlipHeaderKeyId << Key::FileVariable << secret
        << QStringLiteral("cannot be unsealed: it was sealed with the key ");
    QTest::newRow("header edited") << Edit::HeaderExtraWord << Key::FileVariable << secret
                                   << QStringLiteral("is damaged: its first line is not");
    QTest::newRow("truncated to its header")
        << Edit::TruncateToHeader << Key::FileVariable << secret
        << QStringLiteral("is truncated: 0 bytes of sealed data");
    QTest::newRow("truncated within nonce and tag")
        << Edit::TruncateShort << Key::FileVariable << secret
        << QStringLiteral("is truncated: 15 bytes of sealed data");
    QTest::newRow("truncated ciphertext")
        << Edit::TruncateCiphertext << Key::FileVariable << secret << changed;
    QTest::newRow("bad base64") << Edit::BadBase64 << Key::FileVariable << secret
                                << QStringLiteral("is damaged: what follows its first line is "
                                                  "not base64");
    QTest::newRow("missing key env")
        << Edit::None << Key::None << secret
        << QStringLiteral("is sealed: set PAYDESK_SEAL_KEY_FILE to the file of the key it was "
                          "sealed with (key id ");
    QTest::newRow("both key variables set")
        << Edit::None << Key::Both << secret
        << QStringLiteral("is sealed, but both PAYDESK_SEAL_KEY_FILE and PAYDESK_SEAL_KEY are "
                          "set");
    QTest::newRow("wrong key length")
        << Edit::None << Key::ShortKey << secret
        << QStringLiteral("the sealing key in PAYDESK_SEAL_KEY is 16 bytes, not 32");
    QTest::newRow("key not base64") << Edit::None << Key::NotBase64 << secret
                                    << QStringLiteral("the sealing key in PAYDESK_SEAL_KEY is not "
                                                      "a sealing key");
    QTest::newRow("key file readable by others")
        << Edit::None << Key::KeyFileOpen << secret
        << QStringLiteral("is sealed, but the sealing key (PAYDESK_SEAL_KEY_FILE): … seal.key is "
                          "readable by others, and it holds a secret: run chmod 600");
    QTest::newRow("key file itself sealed")
        << Edit::None << Key::KeyFileSealed << secret
        << QStringLiteral("is sealed, but the sealing key (PAYDESK_SEAL_KEY_FILE): … seal.key is "
                          "itself sealed");
    QTest::newRow("key file missing")
        << Edit::None << Key::KeyFileMissing << secret
        << QStringLiteral("is sealed, but the sealing key (PAYDESK_SEAL_KEY_FILE): cannot read … "
                          "seal.key");
    QTest::newRow("sealed file readable by others")
        << Edit::WorldReadable << Key::FileVariable << secret
        << QStringLiteral("is readable by others, and it holds a secret: run chmod 600 ");
    QTest::newRow("sealed public key") << Edit::None << Key::FileVariable << KeyFileKind::Public
                                       << QStringLiteral("is sealed, but it holds a certificate "
                                                         "or public key, which needs no sealing");
}

void tst_SealedSecret::sealedFileIsReadThroughTheConfiguration()
{
    QFETCH(Edit, edit);
    QFETCH(Key, key);
    QFETCH(KeyFileKind, kind);
    QFETCH(QString, error);
    test::TempDataDir dir;
    const SealKey sealing = setUpKey(dir.path(), key);
    QByteArray sealed;
    QCOMPARE(sealSecret(sealing, kSecret, &sealed), QString());
    const QString path = dir.file(QStringLiteral("api-key.txt"));
    writeFile(path, ::edit(sealed, edit), edit == Edit::WorldReadable ? 0644 : 0600);

    const QString where = QStringLiteral("gateways.wechat.apiKeyFile");
    QByteArray out = "left over";
    const QString e =
        kind == KeyFileKind::Secret
            ? readSecretFile(dir.path(), QStringLiteral("api-key.txt"), where, &out)
            : readPublicKeyFile(dir.path(), QStringLiteral("api-key.txt"), where, &out);
    if (error.isEmpty()) {
        QVERIFY2(e.isEmpty(), qPrintable(e));
        QCOMPARE(out, kSecret.trimmed());
        return;
    }
    qsizetype at = 0;
    for (const QString& part : error.split(QStringLiteral(" … "))) {
        at = e.indexOf(part, at);
        QVERIFY2(at >= 0, qPrintable(QStringLiteral("'%1' not in: %2").arg(part, e)));
    }
    QVERIFY2(e.startsWith(where + QStringLiteral(": ")), qPrintable(e));
    QVERIFY2(e.contains(path), qPrintable(e)); // the sealed file is named
    QVERIFY(out.isEmpty());
    // Not a word of the secret, nor of the key.
    QVERIFY2(!e.contains(QStringLiteral("wechat-api-key")), qPrintable(e));
    QVERIFY2(!e.contains(QString::fromLatin1(base64Of(sealing))), qPrintable(e));
}

void tst_SealedSecret::eachSealDrawsAFreshNonce()
{
    const SealKey key = randomKey();
    QByteArray first, second, plain;
    QCOMPARE(sealSecret(key, kSecret, &first), QString());
    QCOMPARE(sealSecret(key, kSecret, &second), QString());
    QVERIFY(first != second);
    QCOMPARE(first.left(first.indexOf('\n')), second.left(second.indexOf('\n')));
    for (const QByteArray& s : {first, second}) {
        QCOMPARE(unsealSecret(key, s, QStringLiteral("f"), &plain), QString());
        QCOMPARE(plain, kSecret);
    }
}

void tst_SealedSecret::theFormatIsTextWithAHeader()
{
    const SealKey key = randomKey();
    QByteArray sealed;
    QCOMPARE(sealSecret(key, kSecret, &sealed), QString());
    QVERIFY(isSealed(sealed));
    QVERIFY(!isSealed(kSecret));
    QVERIFY(sealed.endsWith('\n'));
    const QList<QByteArray> lines = sealed.trimmed().split('\n');
    QCOMPARE(lines.first(), "PAYDESK-SEALED-1 key " + key.id().toLatin1());
    QCOMPARE(sealedKeyId(sealed), key.id());
    QCOMPARE(key.id().size(), 8);
    // 12 + 100 + 16 bytes: 172 base64 characters, 64 a line.
    QCOMPARE(lines.size(), 4);
    QCOMPARE(lines.at(1).size(), 64);
    QCOMPARE(lines.at(3).size(), 172 - 128);
    QVERIFY(!sealed.contains("wechat-api-key"));
}

// readKeyFile (a TLS key, a terminal key) gives the bytes as sealed: not
// trimmed, NUL bytes and all.
void tst_SealedSecret::bytesRoundTripExactly()
{
    test::TempDataDir dir;
    const SealKey key = setUpKey(dir.path(), Key::InlineVariable);
    const QByteArray binary = QByteArray("\0\x01\xff key \n\n", 10);
    QByteArray sealed;
    QCOMPARE(sealSecret(key, binary, &sealed), QString());
    const QString path = dir.file(QStringLiteral("server.key"));
    writeFile(path, sealed);
    QByteArray out;
    QCOMPARE(
        readKeyFile(path, KeyFileKind::Secret, QStringLiteral("the server's private key"), &out),
        QString());
    QCOMPARE(out, binary);
    QCOMPARE(readKeyFileAsStored(path, KeyFileKind::Secret, QStringLiteral("as stored"), &out),
             QString());
    QCOMPARE(out, sealed);
}

void tst_SealedSecret::tooLargeToSealIsRefused()
{
    const SealKey key = randomKey();
    QByteArray sealed;
    // Base64 makes 4 of 3: 48 KiB of secret no longer fits in 64 KiB.
    const QString e = sealSecret(key, QByteArray(48 * 1024, 'k'), &sealed);
    QVERIFY2(e.contains(QStringLiteral("more than a key file holds (64 KiB)")), qPrintable(e));
    QVERIFY(sealed.isEmpty());
    QCOMPARE(sealSecret(key, QByteArray(40 * 1024, 'k'), &sealed), QString());
    QVERIFY(sealed.size() <= kMaxKeyFileBytes);
}

void tst_SealedSecret::newKeyFileIsOwnerOnlyAndNeverReplaced()
{
    const mode_t old = ::umask(0); // the file is 0600 whatever the umask
    test::TempDataDir dir;
    const QString path = dir.file(QStringLiteral("seal.key"));
    SealKey made;
    QCOMPARE(createSealKeyFile(path, &made), QString());
    ::umask(old);
    struct stat st;
    QCOMPARE(::stat(QFile::encodeName(path).constData(), &st), 0);
    QCOMPARE(int(st.st_mode & 07777), 0600);
    QCOMPARE(qint64(st.st_size), qint64(45)); // 44 base64 characters and a line end
    SealKey read;
    QCOMPARE(readSealKeyFile(path, QStringLiteral("the sealing key"), &read), QString());
    QVERIFY(read.bytes == made.bytes);
    QVERIFY(made.bytes != SealKey().bytes);

    SealKey again;
    const QString e = createSealKeyFile(path, &again);
    QVERIFY2(e.contains(QStringLiteral("exists: a new sealing key never replaces a file")),
             qPrintable(e));
    QCOMPARE(readSealKeyFile(path, QStringLiteral("the sealing key"), &read), QString());
    QVERIFY(read.bytes == made.bytes); // untouched
}

void tst_SealedSecret::wipeLeavesASharedBufferAlone()
{
    QByteArray kept("a secret in use");
    kept.detach();
    QByteArray copy = kept;
    wipe(&copy);
    QVERIFY(copy.isEmpty());
    QCOMPARE(kept, QByteArray("a secret in use"));
    wipe(&kept);
    QVERIFY(kept.isEmpty());
}

QTEST_GUILESS_MAIN(tst_SealedSecret)
#include "tst_sealedsecret.moc"
