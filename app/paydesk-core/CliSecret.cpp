#include "CliSecret.h"

#include "Cli.h"
#include "CliOutput.h"
#include "api/SecretFiles.h"

#include <QFile>

namespace paydesk::cli {

namespace {

const QString kStdout = QStringLiteral("-");

int exitFor(const SecretFileOutcome& o)
{
    switch (o.status) {
    case SecretFileOutcome::Status::Ok:
        return ExitOk;
    case SecretFileOutcome::Status::NoKey:
        return ExitUsage;
    case SecretFileOutcome::Status::WriteFailed:
        return ExitStorage;
    case SecretFileOutcome::Status::Refused:
        break;
    }
    return ExitFailure;
}

int newKey(const QString& file, Output& out)
{
    const SecretFileOutcome o = createSealKey(file);
    if (!o.ok()) {
        out.error(o.message);
        return exitFor(o);
    }
    if (out.json())
        out.object({{QStringLiteral("ok"), true},
                    {QStringLiteral("keyFile"), o.fileDone},
                    {QStringLiteral("keyId"), o.keyId}});
    else
        out.line(QStringLiteral("a new sealing key (id %1) is in %2, readable by you only. Keep a "
                                "copy apart from the files it seals: without it they cannot be "
                                "unsealed.\nSeal a secret: PAYDESK_SEAL_KEY_FILE=%2 paydesk-core "
                                "secret seal FILE")
                     .arg(o.keyId, o.fileDone));
    return ExitOk;
}

// The result itself on stdout: only when asked for with --out -.
int toStdout(SealDirection direction, const QString& file, const QString& keyFile, Output& out)
{
    QByteArray bytes;
    const SecretFileOutcome o = sealFile(direction, file, keyFile, QString(), &bytes);
    if (!o.ok()) {
        out.error(o.message);
        return exitFor(o);
    }
    QFile stdOut;
    const bool written = stdOut.open(stdout, QIODevice::WriteOnly) &&
                         stdOut.write(bytes) == bytes.size() && stdOut.flush();
    wipeSecretBytes(&bytes);
    if (!written) {
        out.error(QStringLiteral("cannot write to stdout: %1").arg(stdOut.errorString()));
        return ExitStorage;
    }
    return ExitOk;
}

} // namespace

QList<QCommandLineOption> secretOptions()
{
    return {{QStringLiteral("out"), QString(), QStringLiteral("file")},
            {QStringLiteral("key-file"), QString(), QStringLiteral("file")}};
}

int runSecret(const QCommandLineParser& p, const QStringList& args, Output& out)
{
    const QString sub = args.value(1);
    const QString file = args.value(2);
    const bool sealing = sub == QLatin1String("seal");
    if (sub != QLatin1String("new-key") && !sealing && sub != QLatin1String("unseal"))
        return usageError(out, QStringLiteral("secret takes new-key, seal or unseal"));
    if (sub == QLatin1String("new-key")) {
        if (file.isEmpty() || args.size() > 3 || p.isSet(QStringLiteral("out")) ||
            p.isSet(QStringLiteral("key-file")))
            return usageError(out, QStringLiteral("usage: secret new-key FILE"));
        return newKey(file, out);
    }
    if (file.isEmpty() || args.size() > 3)
        return usageError(
            out, QStringLiteral("usage: secret %1 FILE [--out OUT] [--key-file KEYFILE]").arg(sub));
    const SealDirection direction = sealing ? SealDirection::Seal : SealDirection::Unseal;
    const QString to = p.value(QStringLiteral("out"));
    const QString keyFile = p.value(QStringLiteral("key-file"));
    if (p.isSet(QStringLiteral("key-file")) && keyFile.isEmpty())
        return usageError(out, QStringLiteral("--key-file names the sealing key's file"));
    if (p.isSet(QStringLiteral("out")) && to.isEmpty())
        return usageError(out, QStringLiteral("--out names a file, or - for stdout"));
    if (to == kStdout) {
        if (out.json())
            return usageError(out, QStringLiteral("--out - writes the file itself to stdout; it "
                                                  "cannot go with --json"));
        return toStdout(direction, file, keyFile, out);
    }
    // Without --out the file is replaced: the configuration naming it goes
    // on naming it.
    const SecretFileOutcome o = sealFile(direction, file, keyFile, to);
    if (!o.ok()) {
        out.error(o.message);
        return exitFor(o);
    }
    if (out.json())
        out.object({{QStringLiteral("ok"), true},
                    {QStringLiteral("file"), file},
                    {QStringLiteral("out"), o.fileDone},
                    {QStringLiteral("keyId"), o.keyId}});
    else
        out.line(QStringLiteral("%1 %2 with the key %3 into %4 (readable by you only)")
                     .arg(file, sealing ? QStringLiteral("sealed") : QStringLiteral("unsealed"),
                          o.keyId, o.fileDone));
    return ExitOk;
}

} // namespace paydesk::cli
