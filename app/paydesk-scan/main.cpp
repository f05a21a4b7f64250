// paydesk-scan IMAGE... [--json]: decodes every QR code and barcode in each
// image with the decoder the camera uses and says which are payment codes.
// Exit codes: 0 every image had a code, 1 some image had none or could not
// be read, 2 bad arguments.

#include "ScanReport.h"

#include "api/types/Commands.h"
#include "decode/CodeDecoder.h"

#include <QCommandLineParser>
#include <QGuiApplication>
#include <QImageReader>
#include <QTextStream>

using namespace paydesk;

int main(int argc, char** argv)
{
    // Image plugins need a Gui application; no window is ever shown.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("paydesk-scan"));
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Decodes every QR code and barcode in each image and tells which are payment codes."));
    p.addHelpOption();
    p.addOption({QStringLiteral("json"), QStringLiteral("one JSON object per code and line")});
    p.addPositionalArgument(QStringLiteral("IMAGE"), QStringLiteral("image files (PNG, JPEG, ...)"),
                            QStringLiteral("IMAGE..."));
    p.process(app);
    QTextStream out(stdout);
    QTextStream err(stderr);
    const QStringList files = p.positionalArguments();
    if (files.isEmpty()) {
        err << "paydesk-scan: no image given (see paydesk-scan --help)\n";
        return 2;
    }
    const bool json = p.isSet(QStringLiteral("json"));
    // Every pass until one finds a payment code; every symbology, so the
    // report also names what is not one.
    const decode::CodeDecoder decoder(decode::CodeDecoder::Options{}, [](const QString& text) {
        return classifyPaymentCode(text).ok();
    });
    int rc = 0;
    for (const QString& file : files) {
        QImageReader reader(file);
        reader.setAutoTransform(true);
        const QImage image = reader.read();
        if (image.isNull()) {
            out << scan::reportNothing(
                       file, QStringLiteral("cannot read the image: ") + reader.errorString(), json)
                << '\n';
            rc = 1;
            continue;
        }
        const QList<decode::DecodedCode> codes = decoder.decode(image);
        if (codes.isEmpty()) {
            out << scan::reportNothing(file, QStringLiteral("no code found"), json) << '\n';
            rc = 1;
        }
        for (const decode::DecodedCode& c : codes)
            out << scan::reportLine(file, c, json) << '\n';
    }
    return rc;
}
