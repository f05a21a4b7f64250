// The code decoder shared by the camera and paydesk-scan, on generated
// images: QR codes and Code 128 barcodes drawn by ZXing's writer, then
// rotated, scaled, blurred, inverted, noisy, placed in a camera-sized frame;
// and images with no code (no false positive). Also paydesk-scan itself.
#include "decode/CodeDecoder.h"
#include "decode/CodeImage.h"

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

namespace {

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

class tst_Decoder : public QObject
{
    Q_OBJECT
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
};

QTEST_MAIN(tst_Decoder)
#include "tst_decoder.moc"
