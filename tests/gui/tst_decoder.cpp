// The code decoder shared by the camera and paydesk-scan, on generated
// images: QR codes and Code 128 barcodes drawn by ZXing's writer, then
// rotated, scaled, blurred, inverted, noisy, placed in a camera-sized frame;
// and images with no code (no false positive). Which codes are payment codes
// (only QR and Code 128, chosen among several), what each pass is for, the
// camera path's cycle of passes, and the generated scan set (tests/scanset)
// read by the camera path, paydesk-scan's decoder and plain ZXing. Also
// paydesk-scan itself.
#include "decode/CodeDecoder.h"
#include "decode/CodeImage.h"
#include "decode/FrameDecoder.h"

#include "SetReading.h"
#include "api/types/Commands.h"

#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QTransform>

using namespace paydesk::decode;
namespace scanset = paydesk::scanset;

namespace {

bool paymentShaped(const QString& text)
{
    return paydesk::classifyPaymentCode(text).ok();
}

const CodeDecoder& scanCliDecoder()
{
    static const CodeDecoder decoder(CodeDecoder::Options{}, paymentShaped);
    return decoder;
}

// What the camera path offers over one cycle of frames of a still image: the
// first payment code any frame found.
QString cameraPathPaymentCode(const QImage& image)
{
    FrameDecoder camera(paymentShaped);
    for (int frame = 0; frame < camera.framesPerCycle(); ++frame)
        if (const auto code = paymentCodeAmong(camera.decode(image)))
            return code->text;
    return {};
}

QString scanCliPaymentCode(const QImage& image)
{
    const auto code = paymentCodeAmong(scanCliDecoder().decode(image));
    return code ? code->text : QString();
}

// `symbol` (one pixel per module, from scanset::drawSymbol) at `modulePx`,
// its top left at `at`.
void drawSymbolOn(QImage& canvas, const QImage& symbol, double modulePx, QPointF at,
                  double angleDeg = 0)
{
    QPainter p(&canvas);
    p.setRenderHint(QPainter::SmoothPixmapTransform);
    p.translate(at);
    p.rotate(angleDeg);
    p.drawImage(QRectF(0, 0, symbol.width() * modulePx, symbol.height() * modulePx), symbol);
}

QImage whiteFrame(int widthPx = 1280, int heightPx = 720)
{
    QImage img(widthPx, heightPx, QImage::Format_Grayscale8);
    img.fill(255);
    return img;
}

enum class Distortion
{
    None,
    Rotate15,
    Rotate90,
    Rotate180,
    HalfScale,
    TripleScale,
    Blur,
    Invert,
    Noise,
    InCameraFrame,
    Perspective
};

QImage onWhite(const QImage& img, int margin)
{
    QImage out(img.width() + 2 * margin, img.height() + 2 * margin, QImage::Format_RGB32);
    out.fill(Qt::white);
    QPainter p(&out);
    p.drawImage(margin, margin, img);
    return out;
}

QImage distort(const QImage& code, Distortion d)
{
    QImage img = onWhite(code.convertToFormat(QImage::Format_RGB32), 20);
    switch (d) {
    case Distortion::None:
        return img;
    case Distortion::Rotate15:
        return img.transformed(QTransform().rotate(15), Qt::SmoothTransformation);
    case Distortion::Rotate90:
        return img.transformed(QTransform().rotate(90));
    case Distortion::Rotate180:
        return img.transformed(QTransform().rotate(180));
    case Distortion::HalfScale:
        return img.scaled(img.size() / 2, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    case Distortion::TripleScale:
        return img.scaled(img.size() * 3, Qt::IgnoreAspectRatio, Qt::FastTransformation);
    case Distortion::Blur: {
        const QSize small = img.size() / 3;
        return img.scaled(small, Qt::IgnoreAspectRatio, Qt::SmoothTransformation)
            .scaled(img.size(), Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    }
    case Distortion::Invert:
        img.invertPixels();
        return img;
    case Distortion::Noise: {
        QRandomGenerator rng(42);
        for (int y = 0; y < img.height(); ++y) {
            auto* line = reinterpret_cast<QRgb*>(img.scanLine(y));
            for (int x = 0; x < img.width(); ++x) {
                const int g = qGray(line[x]) + int(rng.bounded(81)) - 40; // ±40 grey levels
                const int v = qBound(0, g, 255);
                line[x] = qRgb(v, v, v);
            }
        }
        return img;
    }
    case Distortion::InCameraFrame: {
        QImage frame(1280, 720, QImage::Format_RGB32);
        frame.fill(QColor(170, 160, 150));
        QPainter p(&frame);
        p.fillRect(100, 80, 300, 200, QColor(60, 60, 90)); // clutter
        p.drawImage(qMin(700, 1270 - img.width()), 150, img);
        return frame;
    }
    case Distortion::Perspective: {
        QTransform t;
        t.setMatrix(1, 0.05, 0.0003, 0.08, 1, 0.0002, 0, 0, 1);
        QImage out = img.transformed(t, Qt::SmoothTransformation);
        return onWhite(out, 10);
    }
    }
    return img;
}

const char* name(Distortion d)
{
    switch (d) {
    case Distortion::None:
        return "plain";
    case Distortion::Rotate15:
        return "rotated 15 degrees";
    case Distortion::Rotate90:
        return "rotated 90 degrees";
    case Distortion::Rotate180:
        return "upside down";
    case Distortion::HalfScale:
        return "half size";
    case Distortion::TripleScale:
        return "three times";
    case Distortion::Blur:
        return "blurred";
    case Distortion::Invert:
        return "inverted";
    case Distortion::Noise:
        return "noisy";
    case Distortion::InCameraFrame:
        return "in a 1280x720 frame";
    case Distortion::Perspective:
        return "perspective";
    }
    return "";
}

} // namespace

Q_DECLARE_METATYPE(Distortion)
Q_DECLARE_METATYPE(CodeFormat)
Q_DECLARE_METATYPE(DecodePass)
Q_DECLARE_METATYPE(scanset::Symbology)

class tst_Decoder : public QObject
{
    Q_OBJECT

    // The scan set read once (a few seconds), shared by the tests that check it.
    const QList<scanset::SceneOutcome>& setOutcomes()
    {
        if (m_outcomes.isEmpty()) {
            const scanset::SetReader reader;
            for (const scanset::Scene& scene : scanset::scanSet(7, 3))
                m_outcomes << reader.read(scene);
        }
        return m_outcomes;
    }

    QList<scanset::SceneOutcome> m_outcomes;

private Q_SLOTS:
    void decodes_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<CodeFormat>("format");
        QTest::addColumn<Distortion>("distortion");
        QTest::addColumn<QString>("formatName");
        const QString wechat = QStringLiteral("134567890123456789");
        const QString url = QStringLiteral("weixin://wxpay/bizpayurl?pr=AbC123xyz");
        const QList<Distortion> all = {
            Distortion::None,          Distortion::Rotate15,   Distortion::Rotate90,
            Distortion::Rotate180,     Distortion::HalfScale,  Distortion::TripleScale,
            Distortion::Blur,          Distortion::Invert,     Distortion::Noise,
            Distortion::InCameraFrame, Distortion::Perspective};
        for (Distortion d : all) {
            QTest::addRow("QR payment code, %s", name(d))
                << wechat << CodeFormat::QrCode << d << QStringLiteral("QRCode");
            QTest::addRow("QR code URL, %s", name(d))
                << url << CodeFormat::QrCode << d << QStringLiteral("QRCode");
            if (d != Distortion::Rotate15 && d != Distortion::Perspective)
                QTest::addRow("Code 128 payment code, %s", name(d))
                    << wechat << CodeFormat::Code128 << d << QStringLiteral("Code128");
        }
    }

    void decodes()
    {
        QFETCH(QString, text);
        QFETCH(CodeFormat, format);
        QFETCH(Distortion, distortion);
        QFETCH(QString, formatName);
        const QImage code = renderCode(text, format, format == CodeFormat::QrCode ? 6 : 4);
        QVERIFY(!code.isNull());
        const QList<DecodedCode> found = CodeDecoder().decode(distort(code, distortion));
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.first().text, text);
        QCOMPARE(found.first().format, formatName);
    }

    void severalCodesInOneImage()
    {
        QImage img(900, 400, QImage::Format_RGB32);
        img.fill(Qt::white);
        QPainter p(&img);
        p.drawImage(20, 20,
                    renderCode(QStringLiteral("280000000000000002"), CodeFormat::QrCode, 5));
        p.drawImage(300, 40,
                    renderCode(QStringLiteral("6200000000000000003"), CodeFormat::Code128, 2));
        p.end();
        const QList<DecodedCode> found = CodeDecoder().decode(img);
        QStringList texts;
        for (const DecodedCode& c : found)
            texts << c.text;
        texts.sort();
        QCOMPARE(texts, (QStringList{QStringLiteral("280000000000000002"),
                                     QStringLiteral("6200000000000000003")}));
    }

    void noFalsePositive_data()
    {
        QTest::addColumn<QImage>("image");
        QImage white(640, 480, QImage::Format_RGB32);
        white.fill(Qt::white);
        QTest::newRow("white") << white;
        QImage black(640, 480, QImage::Format_RGB32);
        black.fill(Qt::black);
        QTest::newRow("black") << black;
        QImage noise(640, 480, QImage::Format_Grayscale8);
        QRandomGenerator rng(7);
        for (int y = 0; y < noise.height(); ++y)
            for (int x = 0; x < noise.width(); ++x)
                noise.scanLine(y)[x] = uchar(rng.bounded(256));
        QTest::newRow("random noise") << noise;
        QImage gradient(1280, 720, QImage::Format_RGB32);
        for (int y = 0; y < gradient.height(); ++y)
            for (int x = 0; x < gradient.width(); ++x)
                gradient.setPixel(x, y, qRgb(x / 5, y / 3, (x + y) / 8));
        QTest::newRow("gradient frame") << gradient;
        QImage text(800, 300, QImage::Format_RGB32);
        text.fill(Qt::white);
        QPainter p(&text);
        QFont f = p.font();
        f.setPixelSize(40);
        p.setFont(f);
        p.drawText(20, 100, QStringLiteral("Receipt 12.34 ¥ 134567890123456789"));
        for (int i = 0; i < 20; ++i)
            p.fillRect(20 + i * 30, 180, 12, 60, Qt::black); // regular stripes, not a code
        p.end();
        QTest::newRow("text and stripes") << text;
    }

    void noFalsePositive()
    {
        QFETCH(QImage, image);
        QCOMPARE(CodeDecoder().decode(image).size(), 0);
    }

    void sharpRenderingUsesWholeModules()
    {
        const QString url = QStringLiteral("https://qr.alipay.com/bax01234");
        const int modules = codeModules(url, CodeFormat::QrCode);
        QVERIFY(modules >= 21);
        const QImage img = renderCode(url, CodeFormat::QrCode, 7);
        QCOMPARE(img.width(), (modules + 8) * 7);
        QCOMPARE(img.height(), img.width());
        // Only black and white pixels: no smoothing.
        for (int y = 0; y < img.height(); y += 3)
            for (int x = 0; x < img.width(); x += 3) {
                const int g = img.pixelColor(x, y).value();
                QVERIFY(g == 0 || g == 255);
            }
        // Quiet zone of 4 modules is white.
        for (int x = 0; x < img.width(); ++x)
            QCOMPARE(img.pixelColor(x, 4 * 7 - 1).value(), 255);
    }

    // Regression: an ITF carrying a WeChat-shaped number came out as a
    // WeChat payment code. Wallets show QR and Code 128 only.
    void itfIsNeverAPaymentCode_data()
    {
        QTest::addColumn<scanset::Symbology>("symbology");
        QTest::addColumn<QString>("text");
        QTest::addRow("ITF, WeChat-shaped")
            << scanset::Symbology::Itf << QStringLiteral("134567890123456789");
        QTest::addRow("ITF, Alipay-shaped")
            << scanset::Symbology::Itf << QStringLiteral("280000000000000002");
        QTest::addRow("EAN-13 product")
            << scanset::Symbology::Ean13 << QStringLiteral("690123456789");
    }

    void itfIsNeverAPaymentCode()
    {
        QFETCH(scanset::Symbology, symbology);
        QFETCH(QString, text);
        QImage frame = whiteFrame();
        drawSymbolOn(frame, scanset::drawSymbol(text, symbology, 50), 3, QPointF(300, 200));
        const QList<DecodedCode> found = scanCliDecoder().decode(frame);
        QCOMPARE(found.size(), 1); // read, and named for what it is
        QCOMPARE(found.first().format, scanset::symbologyName(symbology));
        QVERIFY(!found.first().paymentCode);
        QVERIFY(!paymentCodeAmong(found));
        QCOMPARE(cameraPathPaymentCode(frame), QString());
    }

    void paymentCodesAreQrAndCode128Only_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<bool>("payment");
        QTest::newRow("QR Code") << QStringLiteral("QRCode") << true;
        QTest::newRow("Code 128") << QStringLiteral("Code128") << true;
        QTest::newRow("ITF") << QStringLiteral("ITF") << false;
        QTest::newRow("EAN-13") << QStringLiteral("EAN-13") << false;
        QTest::newRow("Code 39") << QStringLiteral("Code39") << false;
        QTest::newRow("Data Matrix") << QStringLiteral("DataMatrix") << false;
    }

    void paymentCodesAreQrAndCode128Only()
    {
        QFETCH(QString, format);
        QFETCH(bool, payment);
        QCOMPARE(isPaymentSymbology(format), payment);
    }

    // Regression: with an EAN-13 beside the phone, the EAN was the one
    // barcode read and the customer's Code 128 was never seen.
    void productBarcodeBesideThePhoneDoesNotHideThePaymentCode_data()
    {
        QTest::addColumn<bool>("camera");
        QTest::newRow("camera path") << true;
        QTest::newRow("paydesk-scan") << false;
    }

    void productBarcodeBesideThePhoneDoesNotHideThePaymentCode()
    {
        QFETCH(bool, camera);
        const QString code = QStringLiteral("134567890123456789");
        QImage frame = whiteFrame();
        drawSymbolOn(
            frame,
            scanset::drawSymbol(QStringLiteral("690123456789"), scanset::Symbology::Ean13, 60), 2.5,
            QPointF(60, 250));
        drawSymbolOn(frame, scanset::drawSymbol(code, scanset::Symbology::Code128, 32), 2.5,
                     QPointF(520, 300));
        QCOMPARE(camera ? cameraPathPaymentCode(frame) : scanCliPaymentCode(frame), code);
        if (!camera) { // paydesk-scan reports the product too, as what it is
            const QList<DecodedCode> all = scanCliDecoder().decode(frame);
            QStringList formats;
            for (const DecodedCode& c : all)
                formats << c.format;
            QVERIFY2(formats.contains(QStringLiteral("EAN-13")), qPrintable(formats.join(',')));
        }
    }

    // The shop's QR sticker in view must not block the customer's code.
    void merchantStickerDoesNotBlockTheCustomersCode_data()
    {
        QTest::addColumn<bool>("camera");
        QTest::addColumn<scanset::Symbology>("phone");
        QTest::newRow("camera path, QR on the phone") << true << scanset::Symbology::QrCode;
        QTest::newRow("camera path, Code 128 on the phone") << true << scanset::Symbology::Code128;
        QTest::newRow("paydesk-scan, QR on the phone") << false << scanset::Symbology::QrCode;
    }

    void merchantStickerDoesNotBlockTheCustomersCode()
    {
        QFETCH(bool, camera);
        QFETCH(scanset::Symbology, phone);
        const QString code = QStringLiteral("6212345678901234567");
        QImage frame = whiteFrame();
        // The sticker first and larger: what a reader taking one code finds.
        drawSymbolOn(frame,
                     scanset::drawSymbol(QStringLiteral("wxp://f2f0AbCdEf123456"),
                                         scanset::Symbology::QrCode),
                     8, QPointF(40, 100));
        drawSymbolOn(frame, scanset::drawSymbol(code, phone, 32),
                     phone == scanset::Symbology::QrCode ? 5 : 2.5, QPointF(600, 250));
        QCOMPARE(camera ? cameraPathPaymentCode(frame) : scanCliPaymentCode(frame), code);
    }

    // What each pass is there for, read by that pass alone.
    void eachPassReadsWhatItIsFor_data()
    {
        QTest::addColumn<DecodePass>("pass");
        QTest::addColumn<QImage>("image");
        QTest::addColumn<QString>("text");
        const QString code = QStringLiteral("251234567890123456");
        const QImage qr = scanset::drawSymbol(code, scanset::Symbology::QrCode);
        const QImage bars = scanset::drawSymbol(code, scanset::Symbology::Code128, 32);
        QImage plain = whiteFrame();
        drawSymbolOn(plain, qr, 5, QPointF(500, 200));
        QTest::newRow("plain: QR") << DecodePass::Plain << plain << code;
        QImage dark = plain;
        dark.invertPixels();
        QTest::newRow("inverted: QR in dark mode") << DecodePass::Inverted << dark << code;
        QImage darkBars = whiteFrame();
        drawSymbolOn(darkBars, bars, 2.5, QPointF(400, 300));
        darkBars.invertPixels();
        QTest::newRow("inverted: Code 128 in dark mode")
            << DecodePass::Inverted << darkBars << code;
        QTest::newRow("global histogram: QR") << DecodePass::GlobalHistogram << plain << code;
        // 1.3 px modules: too thin to read as they are (see below).
        QImage thin = whiteFrame();
        drawSymbolOn(thin, bars, 1.3, QPointF(500, 300));
        QTest::newRow("upscaled across: thin Code 128")
            << DecodePass::UpscaledAcross << thin << code;
        QImage thinTurned = whiteFrame();
        drawSymbolOn(thinTurned, bars, 1.3, QPointF(700, 100), 90);
        QTest::newRow("upscaled down: thin Code 128 turned a quarter")
            << DecodePass::UpscaledDown << thinTurned << code;
    }

    void eachPassReadsWhatItIsFor()
    {
        QFETCH(DecodePass, pass);
        QFETCH(QImage, image);
        QFETCH(QString, text);
        const CodeDecoder decoder(CodeDecoder::cameraOptions(), paymentShaped);
        const QImage grey = image.convertToFormat(QImage::Format_Grayscale8);
        const QList<DecodedCode> found = decoder.decodeGrey(
            pass, grey.constBits(), grey.width(), grey.height(), int(grey.bytesPerLine()));
        const auto code = paymentCodeAmong(found);
        QVERIFY(code);
        QCOMPARE(code->text, text);
    }

    void thinCode128NeedsTheUpscaledPass()
    {
        const QString code = QStringLiteral("251234567890123456");
        QImage thin = whiteFrame();
        drawSymbolOn(thin, scanset::drawSymbol(code, scanset::Symbology::Code128, 32), 1.3,
                     QPointF(500, 300));
        CodeDecoder::Options withoutUpscale;
        withoutUpscale.passes = {DecodePass::Plain, DecodePass::Inverted,
                                 DecodePass::GlobalHistogram};
        QVERIFY(!paymentCodeAmong(CodeDecoder(withoutUpscale, paymentShaped).decode(thin)));
        QCOMPARE(scanCliPaymentCode(thin), code);
    }

    // One pass per frame; a pass that found a payment code keeps the next
    // frame, one that found none hands over.
    void cameraPathCyclesThroughEveryPass()
    {
        FrameDecoder camera(paymentShaped);
        QCOMPARE(camera.framesPerCycle(), int(CodeDecoder::allPasses().size()));
        const QImage empty = whiteFrame(320, 240);
        QList<DecodePass> seen;
        for (int i = 0; i < camera.framesPerCycle(); ++i) {
            seen << camera.nextPass();
            QVERIFY(camera.decode(empty).isEmpty());
        }
        QCOMPARE(seen, CodeDecoder::allPasses());
        QCOMPARE(camera.nextPass(), DecodePass::Plain); // round again

        QImage dark = whiteFrame();
        drawSymbolOn(
            dark,
            scanset::drawSymbol(QStringLiteral("134567890123456789"), scanset::Symbology::QrCode),
            5, QPointF(500, 200));
        dark.invertPixels();
        QVERIFY(!paymentCodeAmong(camera.decode(dark))); // plain: nothing
        QCOMPARE(camera.nextPass(), DecodePass::Inverted);
        QVERIFY(paymentCodeAmong(camera.decode(dark)));
        QCOMPARE(camera.nextPass(), DecodePass::Inverted); // the phone is still there
    }

    // The generated set, condition by condition: the camera path reads
    // every scene paydesk-scan reads, and neither ever offers a wrong code.
    void cameraPathReadsWhatPaydeskScanReads_data()
    {
        QTest::addColumn<QString>("condition");
        for (scanset::Condition c : scanset::allConditions())
            QTest::newRow(qPrintable(scanset::conditionName(c))) << scanset::conditionName(c);
    }

    void cameraPathReadsWhatPaydeskScanReads()
    {
        QFETCH(QString, condition);
        int scenes = 0;
        for (const scanset::SceneOutcome& o : setOutcomes()) {
            if (scanset::conditionName(o.scene.condition) != condition)
                continue;
            ++scenes;
            const QByteArray name = o.scene.name().toUtf8();
            QVERIFY2(!o.scanCli.read || o.camera.read, name.constData());
            QVERIFY2(!o.camera.wrong, name.constData());
            QVERIFY2(!o.scanCli.wrong, name.constData());
        }
        QVERIFY(scenes > 0);
    }

    // Over the whole set, both read more than ZXing with its defaults.
    void bothReadMoreThanPlainZXing()
    {
        int camera = 0, scanCli = 0, baseline = 0;
        for (const scanset::SceneOutcome& o : setOutcomes()) {
            camera += o.camera.read;
            scanCli += o.scanCli.read;
            baseline += o.baseline.read;
        }
        qInfo("scan set: camera %d, paydesk-scan %d, plain ZXing %d", camera, scanCli, baseline);
        QVERIFY(camera > baseline);
        QVERIFY(scanCli > baseline);
    }

    void scanCliJson()
    {
        const QString bin = qEnvironmentVariable("PAYDESK_SCAN_BIN");
        if (bin.isEmpty())
            QFAIL("PAYDESK_SCAN_BIN not set (run through ctest)");
        QTemporaryDir dir;
        const QString withCode = dir.filePath(QStringLiteral("screenshot.png"));
        const QString withUrl = dir.filePath(QStringLiteral("qr.png"));
        const QString blank = dir.filePath(QStringLiteral("blank.png"));
        QVERIFY(distort(renderCode(QStringLiteral("280000000000000002"), CodeFormat::QrCode, 5),
                        Distortion::InCameraFrame)
                    .save(withCode));
        QVERIFY(distort(renderCode(QStringLiteral("weixin://wxpay/bizpayurl?pr=x"),
                                   CodeFormat::QrCode, 5),
                        Distortion::None)
                    .save(withUrl));
        QImage white(200, 200, QImage::Format_RGB32);
        white.fill(Qt::white);
        QVERIFY(white.save(blank));
        QProcess p;
        p.start(bin, {withCode, withUrl, blank, QStringLiteral("--json")});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 1); // one image had no code
        const QList<QByteArray> lines = p.readAllStandardOutput().trimmed().split('\n');
        QCOMPARE(lines.size(), 3);
        const QJsonObject a = QJsonDocument::fromJson(lines.at(0)).object();
        QCOMPARE(a.value(QStringLiteral("file")).toString(), withCode);
        QCOMPARE(a.value(QStringLiteral("text")).toString(), QStringLiteral("280000000000000002"));
        QCOMPARE(a.value(QStringLiteral("format")).toString(), QStringLiteral("QRCode"));
        QCOMPARE(a.value(QStringLiteral("paymentCode"))
                     .toObject()
                     .value(QStringLiteral("wallet"))
                     .toString(),
                 QStringLiteral("alipay"));
        const QJsonObject b = QJsonDocument::fromJson(lines.at(1)).object();
        QVERIFY(b.value(QStringLiteral("paymentCode")).isNull());
        QCOMPARE(b.value(QStringLiteral("text")).toString(),
                 QStringLiteral("weixin://wxpay/bizpayurl?pr=x"));
        const QJsonObject c = QJsonDocument::fromJson(lines.at(2)).object();
        QVERIFY(c.value(QStringLiteral("text")).isNull());
        QVERIFY(c.value(QStringLiteral("paymentCode")).isNull());
        // Plain text names the wallet.
        QProcess plain;
        plain.start(bin, {withCode});
        QVERIFY(plain.waitForFinished(30000));
        QCOMPARE(plain.exitCode(), 0);
        QVERIFY(plain.readAllStandardOutput().contains("payment code: alipay"));
    }

    // paydesk-scan names an ITF with a payment code's digits as an ITF, not
    // as the wallet's code.
    void scanCliItfIsNotAPaymentCode()
    {
        const QString bin = qEnvironmentVariable("PAYDESK_SCAN_BIN");
        if (bin.isEmpty())
            QFAIL("PAYDESK_SCAN_BIN not set (run through ctest)");
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("carton.png"));
        QImage frame = whiteFrame(800, 400);
        drawSymbolOn(
            frame,
            scanset::drawSymbol(QStringLiteral("134567890123456789"), scanset::Symbology::Itf, 50),
            3, QPointF(100, 100));
        QVERIFY(frame.save(file));
        QProcess p;
        p.start(bin, {file, QStringLiteral("--json")});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 0); // a code was found
        const QJsonObject o =
            QJsonDocument::fromJson(p.readAllStandardOutput().trimmed().split('\n').first())
                .object();
        QCOMPARE(o.value(QStringLiteral("format")).toString(), QStringLiteral("ITF"));
        QCOMPARE(o.value(QStringLiteral("text")).toString(), QStringLiteral("134567890123456789"));
        QVERIFY(o.value(QStringLiteral("paymentCode")).isNull());
    }
};

QTEST_MAIN(tst_Decoder)
#include "tst_decoder.moc"
